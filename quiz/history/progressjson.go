package history

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"time"

	"github.com/conflictq/conflictq/quiz/internal/jsonw"
)

// progressJSON writes a Progress as WriteJSON always has, byte for byte:
// encoding/json's Encoder with SetIndent("", "  ") (HTML characters escaped,
// floats as ES6 numbers, times by their MarshalJSON, a nil slice as null).
// It is written by hand because encoding/json builds its encoders for
// Progress, Line and SessionScore by reflection on first use, once a
// process: that was a third of progress --json's own time (perf, 300 runs),
// and every run is a new process. TestProgressJSONAsEncodingJSON holds it
// to encoding/json on random and hostile values.
type progressJSON struct {
	b   []byte
	err error
}

func (w *progressJSON) progress(p *Progress) {
	w.b = append(w.b, "{\n  \"student\": "...)
	w.str(p.Student)
	w.b = append(w.b, ",\n  \"at\": "...)
	w.time(p.At, false)
	w.b = append(w.b, ",\n  \"answers\": "...)
	w.b = strconv.AppendInt(w.b, int64(p.Answers), 10)
	w.b = append(w.b, ",\n  \"next_due\": "...)
	if p.NextDue == nil {
		w.b = append(w.b, "null"...)
	} else {
		w.time(*p.NextDue, true)
	}
	w.b = append(w.b, ",\n  \"banks\": "...)
	w.lines(p.Banks)
	w.b = append(w.b, ",\n  \"tags\": "...)
	w.lines(p.Tags)
	w.b = append(w.b, "\n}\n"...)
}

func (w *progressJSON) lines(ls []Line) {
	switch {
	case ls == nil:
		w.b = append(w.b, "null"...)
		return
	case len(ls) == 0:
		w.b = append(w.b, "[]"...)
		return
	}
	w.b = append(w.b, '[')
	for i := range ls {
		l := &ls[i]
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = append(w.b, "\n    {\n      \"name\": "...)
		w.str(l.Name)
		w.b = append(w.b, ",\n      \"title\": "...)
		w.str(l.Title)
		w.int(",\n      \"questions\": ", l.Questions)
		w.int(",\n      \"seen\": ", l.Seen)
		w.int(",\n      \"right\": ", l.Right)
		w.b = append(w.b, ",\n      \"mastery\": "...)
		w.float(l.Mastery)
		w.int(",\n      \"due_now\": ", l.DueNow)
		w.int(",\n      \"due_week\": ", l.DueWeek)
		w.b = append(w.b, ",\n      \"sessions\": "...)
		switch {
		case l.Sessions == nil:
			w.b = append(w.b, "null"...)
		case len(l.Sessions) == 0:
			w.b = append(w.b, "[]"...)
		default:
			w.b = append(w.b, '[')
			for k, s := range l.Sessions {
				if k > 0 {
					w.b = append(w.b, ',')
				}
				w.b = append(w.b, "\n        {\n          \"started\": "...)
				w.time(s.Started, false)
				w.b = append(w.b, ",\n          \"percent\": "...)
				w.float(s.Percent)
				w.b = append(w.b, "\n        }"...)
			}
			w.b = append(w.b, "\n      ]"...)
		}
		w.b = append(w.b, "\n    }"...)
	}
	w.b = append(w.b, "\n  ]"...)
}

func (w *progressJSON) int(key string, n int) {
	w.b = append(w.b, key...)
	w.b = strconv.AppendInt(w.b, int64(n), 10)
}

// time writes t as its MarshalJSON does, failing as encoding/json fails
// (naming *time.Time for a pointer's).
func (w *progressJSON) time(t time.Time, pointer bool) {
	data, err := t.MarshalJSON()
	if err != nil {
		typ := reflect.TypeFor[time.Time]()
		if pointer {
			typ = reflect.TypeFor[*time.Time]()
		}
		w.fail(&json.MarshalerError{Type: typ, Err: err})
		return
	}
	w.b = append(w.b, data...)
}

// float writes f as encoding/json writes a float64.
func (w *progressJSON) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		w.fail(&json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)})
		return
	}
	w.b = jsonw.AppendFloat(w.b, f)
}

func (w *progressJSON) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// str writes s quoted as encoding/json does with HTML escaping.
func (w *progressJSON) str(s string) { w.b = jsonw.AppendString(w.b, s, jsonw.EscapeHTML) }
