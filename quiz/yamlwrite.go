package quiz

import (
	"sort"
	"strconv"

	"github.com/conflictq/conflictq/quiz/internal/yamlemit"
)

// bankYAML writes a BankDoc as go.yaml.in/yaml/v3's Encoder with SetIndent(2)
// writes it, byte for byte, through yamlemit: for the comprehension bank the
// encoder took 1.5 ms and 1.4 MB (its queue of events keeps every event of
// the document), about the floor of a whole command. TestBankYAMLAsEncoder
// holds it to the encoder on every built-in bank and on random and hostile
// banks.
type bankYAML struct{ *yamlemit.Emitter }

func writeBankYAML(doc *BankDoc) []byte {
	e := bankYAML{yamlemit.New(4096 + len(doc.Questions)*2048)}
	e.mapping(false, func() {
		e.strField("id", doc.ID)
		e.strField("title", doc.Title)
		if doc.Description != "" {
			e.strField("description", doc.Description)
		}
		e.key("questions")
		if len(doc.Questions) == 0 {
			e.FlowStart(false)
			e.FlowEnd(false)
		} else {
			e.sequence(len(doc.Questions), func(i int) { e.question(&doc.Questions[i]) })
		}
	})
	e.End()
	return e.Buf
}

func (e bankYAML) question(q *QuestionDoc) {
	e.mapping(true, func() {
		e.strField("id", q.ID)
		if q.Name != "" {
			e.strField("name", q.Name)
		}
		e.strField("type", string(q.Type))
		e.strField("prompt", q.Prompt)
		e.strsField("choices", q.Choices)
		if q.Answer != nil {
			e.key("answer")
			e.anyValue(q.Answer)
		}
		e.strsField("answers", q.Answers)
		e.strsField("accept", q.Accept)
		if len(q.Credit) > 0 {
			e.key("credit")
			keys := make([]string, 0, len(q.Credit))
			for k := range q.Credit {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool { return yamlemit.KeyLess(keys[i], keys[j]) })
			e.mapping(false, func() {
				for _, k := range keys {
					e.key(k)
					e.float(q.Credit[k], false)
				}
			})
		}
		if q.Typos != nil {
			e.key("typos")
			e.plain(strconv.Itoa(*q.Typos), false)
		}
		if q.Tolerance != 0 {
			e.key("tolerance")
			e.float(q.Tolerance, false)
		}
		if len(q.Also) > 0 {
			e.key("also")
			e.sequence(len(q.Also), func(i int) {
				n := q.Also[i].doc()
				e.mapping(true, func() {
					e.key("answer")
					e.anyValue(n.Value)
					if n.Tol != 0 {
						e.key("tolerance")
						e.float(n.Tol, false)
					}
					e.key("credit")
					e.float(n.Credit, false)
				})
			})
		}
		if q.Unit != "" {
			e.strField("unit", q.Unit)
		}
		e.strsField("items", q.Items)
		if len(q.Pairs) > 0 {
			e.key("pairs")
			e.sequence(len(q.Pairs), func(i int) {
				e.mapping(true, func() {
					e.strField("left", q.Pairs[i].Left)
					e.strField("right", q.Pairs[i].Right)
				})
			})
		}
		if q.ModelAnswer != "" {
			e.strField("model_answer", q.ModelAnswer)
		}
		if q.PlainAnswer != "" {
			e.strField("plain_answer", q.PlainAnswer)
		}
		e.strsField("plain_points", q.PlainPoints)
		e.strsField("key_points", q.KeyPoints)
		e.strField("explanation", q.Explanation)
		if q.Source != nil && !q.Source.IsZero() {
			e.key("source")
			e.mapping(false, func() {
				e.strField("section", q.Source.Section)
				if q.Source.Paragraph != 0 {
					e.key("paragraph")
					e.plain(strconv.Itoa(q.Source.Paragraph), false)
				}
				if q.Source.Quote != "" {
					e.strField("quote", q.Source.Quote)
				}
			})
		}
		if q.Difficulty != "" {
			e.strField("difficulty", q.Difficulty)
		}
		e.strsField("tags", q.Tags)
		e.key("points")
		e.float(q.Points, false)
		e.strsField("former_ids", q.FormerIDs)
	})
}

// strField writes a key and its string value.
func (e bankYAML) strField(k, v string) {
	e.key(k)
	e.str(v, false)
}

// strsField writes a key and its strings, when there are any (omitempty).
func (e bankYAML) strsField(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	e.key(k)
	e.sequence(len(vs), func(i int) { e.str(vs[i], true) })
}

func (e bankYAML) anyValue(v any) {
	switch v := v.(type) {
	case string:
		e.str(v, false)
	case bool:
		e.plain(strconv.FormatBool(v), false)
	case float64:
		e.float(v, false)
	case int:
		e.plain(strconv.Itoa(v), false)
	default:
		panic("quiz: no YAML for an answer of this type")
	}
}

// mapping is a non-empty block mapping (seqItem: a block sequence's item);
// its entries are key then value.
func (e bankYAML) mapping(seqItem bool, entries func()) {
	e.BlockStart(seqItem)
	entries()
	e.BlockEnd()
}

// key writes a mapping key, a Go string.
func (e bankYAML) key(k string) {
	s, tag := yamlemit.Text(k)
	e.Key(s, tag, yamlemit.StringStyle(s, tag))
}

// sequence is a non-empty block sequence.
func (e bankYAML) sequence(n int, item func(i int)) {
	e.BlockStart(false)
	for i := range n {
		e.Item()
		item(i)
	}
	e.BlockEnd()
}

func (e bankYAML) float(f float64, seqItem bool) {
	e.plain(yamlemit.Float(f), seqItem)
}

// plain writes a scalar the encoder asks in plain style (numbers, bools).
func (e bankYAML) plain(s string, seqItem bool) { e.Scalar(s, "", yamlemit.Plain, seqItem) }

// str writes a string as the encoder's stringv chooses its style.
func (e bankYAML) str(v string, seqItem bool) {
	s, tag := yamlemit.Text(v)
	e.Scalar(s, tag, yamlemit.StringStyle(s, tag), seqItem)
}
