package stats

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// sumsReader reads running sums into statsJSON as encoding/json's Unmarshal
// reads them, without its reflection: summary spent about 0.7 ms of CPU in
// encoding/json for a class of 30's sums (23 KB, 1,750 allocations), most of
// it putting the marks and rest-of-test maps of every question together key
// by key, against about 1.5 ms for a whole do-nothing run.
//
// It follows encoding/json on every valid input (FuzzReadSums holds it to
// it): field names matched exactly or by folding case, unknown fields
// passed over, a field given twice read again into what the first left
// (maps added to, a question's fields kept), null leaving numbers and
// strings as they are and setting maps, pointers and lists to nil, a map's
// null value counted 0, a histogram's elements past ten passed over and
// those short of it zeroed, strings with escapes or bytes outside ASCII
// unquoted by encoding/json itself. Where encoding/json would refuse the
// input (a syntax error, a value of the wrong type), read returns false,
// and encoding/json is asked for its words.
type sumsReader struct {
	data []byte
	pos  int
}

// maxSumsDepth is encoding/json's limit on nesting (its scanner's
// maxNestingDepth): a value nested deeper is a syntax error there.
const maxSumsDepth = 10000

// read reads data into in; false when encoding/json would return an error.
func (in *statsJSON) read(data []byte) bool {
	r := &sumsReader{data: data}
	if !r.stats(in) {
		return false
	}
	r.ws()
	return r.pos == len(r.data)
}

func (r *sumsReader) ws() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte (0 at the end).
func (r *sumsReader) peek() byte {
	r.ws()
	if r.pos < len(r.data) {
		return r.data[r.pos]
	}
	return 0
}

// null reads a null when one is next.
func (r *sumsReader) null() bool {
	return r.peek() == 'n' && r.word("null")
}

// number reads a number as JSON writes one and returns its text.
func (r *sumsReader) number() ([]byte, bool) {
	r.ws()
	start := r.pos
	digits := func() int {
		n := 0
		for r.pos < len(r.data) && r.data[r.pos] >= '0' && r.data[r.pos] <= '9' {
			r.pos++
			n++
		}
		return n
	}
	if r.pos < len(r.data) && r.data[r.pos] == '-' {
		r.pos++
	}
	if r.pos < len(r.data) && r.data[r.pos] == '0' {
		r.pos++
	} else if digits() == 0 {
		return nil, false
	}
	if r.pos < len(r.data) && r.data[r.pos] == '.' {
		r.pos++
		if digits() == 0 {
			return nil, false
		}
	}
	if r.pos < len(r.data) && (r.data[r.pos] == 'e' || r.data[r.pos] == 'E') {
		r.pos++
		if r.pos < len(r.data) && (r.data[r.pos] == '+' || r.data[r.pos] == '-') {
			r.pos++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	return r.data[start:r.pos], true
}

// str reads a string. One of plain ASCII is its bytes (in data); any other
// is unquoted by encoding/json, whose rules for escapes, surrogates and
// bytes that are not UTF-8 it keeps.
func (r *sumsReader) str() ([]byte, bool) {
	if r.peek() != '"' {
		return nil, false
	}
	start := r.pos
	r.pos++
	plain := true
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		switch {
		case c == '"':
			r.pos++
			if plain {
				return r.data[start+1 : r.pos-1], true
			}
			var s string
			if json.Unmarshal(r.data[start:r.pos], &s) != nil {
				return nil, false
			}
			return []byte(s), true
		case c < 0x20:
			return nil, false
		case c == '\\':
			plain = false
			r.pos++ // the escaped byte, checked by encoding/json; never a quote that ends the string
		case c >= 0x80:
			plain = false
		}
		r.pos++
	}
	return nil, false
}

// skip passes over any value at depth (1 for the outermost), checking it.
func (r *sumsReader) skip(depth int) bool {
	switch r.peek() {
	case '{':
		return depth <= maxSumsDepth && r.object(func([]byte) bool { return r.skip(depth + 1) })
	case '[':
		return depth <= maxSumsDepth && r.array(func(int) bool { return r.skip(depth + 1) })
	case '"':
		_, ok := r.str()
		return ok
	case 't':
		return r.word("true")
	case 'f':
		return r.word("false")
	case 'n':
		return r.null()
	}
	_, ok := r.number()
	return ok
}

func (r *sumsReader) word(w string) bool {
	if len(r.data)-r.pos >= len(w) && string(r.data[r.pos:r.pos+len(w)]) == w {
		r.pos += len(w)
		return true
	}
	return false
}

// object reads an object, calling field with each key to read its value.
func (r *sumsReader) object(field func(key []byte) bool) bool {
	if r.peek() != '{' {
		return false
	}
	r.pos++
	if r.peek() == '}' {
		r.pos++
		return true
	}
	for {
		key, ok := r.str()
		if !ok || r.peek() != ':' {
			return false
		}
		r.pos++
		if !field(key) {
			return false
		}
		switch r.peek() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			return true
		default:
			return false
		}
	}
}

// array reads an array, calling elem with each element's index to read it.
func (r *sumsReader) array(elem func(i int) bool) bool {
	if r.peek() != '[' {
		return false
	}
	r.pos++
	if r.peek() == ']' {
		r.pos++
		return true
	}
	for i := 0; ; i++ {
		if !elem(i) {
			return false
		}
		switch r.peek() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			return true
		default:
			return false
		}
	}
}

// integer reads an int field: null leaves it.
func (r *sumsReader) integer(p *int) bool {
	if r.null() {
		return true
	}
	t, ok := r.number()
	if !ok {
		return false
	}
	n, err := strconv.ParseInt(string(t), 10, strconv.IntSize)
	*p = int(n)
	return err == nil
}

// float reads a float64 field: null leaves it.
func (r *sumsReader) float(p *float64) bool {
	if r.null() {
		return true
	}
	t, ok := r.number()
	if !ok {
		return false
	}
	f, err := strconv.ParseFloat(string(t), 64)
	*p = f
	return err == nil
}

// counts reads a map of counts: null makes it nil, an object adds to it.
func (r *sumsReader) counts(m *map[int64]int) bool {
	if r.null() {
		*m = nil
		return true
	}
	if r.peek() != '{' {
		return false
	}
	if *m == nil {
		*m = make(map[int64]int, r.keys())
	}
	return r.object(func(key []byte) bool {
		k, err := strconv.ParseInt(string(key), 10, 64)
		c := 0
		if err != nil || !r.integer(&c) {
			return false
		}
		(*m)[k] = c
		return true
	})
}

// histogram reads the histogram: null makes it nil; elements past its ten
// are passed over, those short of it zeroed.
func (r *sumsReader) histogram(h **[10]int) bool {
	if r.null() {
		*h = nil
		return true
	}
	if r.peek() != '[' {
		return false
	}
	if *h == nil {
		*h = new([10]int)
	}
	n := 0
	ok := r.array(func(i int) bool {
		n = i + 1
		if i >= len(*h) {
			return r.skip(3)
		}
		return r.integer(&(*h)[i])
	})
	for i := n; i < len(*h); i++ {
		(*h)[i] = 0
	}
	return ok
}

// fieldIs matches a key to a field's name as encoding/json does: exactly,
// or else by folding case.
func fieldIs(key []byte, name string) bool {
	return string(key) == name || bytes.EqualFold(key, []byte(name))
}

// keys is about how many keys the object next has, room to make for them:
// the colons before its first closing brace.
func (r *sumsReader) keys() int {
	end := bytes.IndexByte(r.data[r.pos:], '}')
	if end < 0 {
		return 0
	}
	return bytes.Count(r.data[r.pos:r.pos+end], []byte{':'})
}

// stats reads the sums' object: null leaves in as it is.
func (r *sumsReader) stats(in *statsJSON) bool {
	if r.null() {
		return true
	}
	return r.object(func(key []byte) bool {
		switch {
		case fieldIs(key, "conflictq_stats"):
			return r.integer(&in.Version)
		case fieldIs(key, "n"):
			return r.integer(&in.N)
		case fieldIs(key, "mean_total"):
			return r.float(&in.MeanT)
		case fieldIs(key, "m2_total"):
			return r.float(&in.M2T)
		case fieldIs(key, "totals"):
			return r.counts(&in.Totals)
		case fieldIs(key, "maxes"):
			return r.counts(&in.Maxes)
		case fieldIs(key, "histogram"):
			return r.histogram(&in.Histogram)
		case fieldIs(key, "questions"):
			return r.items(&in.Items)
		case fieldIs(key, "stopped"):
			return r.integer(&in.Stopped)
		}
		return r.skip(2)
	})
}

// items reads the questions' list as encoding/json reads a slice: into the
// elements already there (a field given twice), then cut to the elements
// read; null makes it nil, [] empty.
func (r *sumsReader) items(s *[]itemSumsJSON) bool {
	if r.null() {
		*s = nil
		return true
	}
	if r.peek() != '[' {
		return false
	}
	n := 0
	ok := r.array(func(i int) bool {
		n = i + 1
		if i >= cap(*s) {
			*s = append((*s)[:i], itemSumsJSON{})
		}
		*s = (*s)[:i+1]
		return r.item(&(*s)[i])
	})
	if n < len(*s) {
		*s = (*s)[:n]
	}
	if n == 0 {
		*s = []itemSumsJSON{}
	}
	return ok
}

// item reads one question's sums: null leaves it as it is.
func (r *sumsReader) item(it *itemSumsJSON) bool {
	if r.null() {
		return true
	}
	return r.object(func(key []byte) bool {
		switch {
		case fieldIs(key, "id"):
			if r.null() {
				return true
			}
			s, ok := r.str()
			it.ID = string(s)
			return ok
		case fieldIs(key, "pos"):
			return r.integer(&it.Pos)
		case fieldIs(key, "n"):
			if r.null() {
				it.N = nil
				return true
			}
			if it.N == nil {
				it.N = new(int)
			}
			return r.integer(it.N)
		case fieldIs(key, "max_mark"):
			return r.float(&it.MaxMark)
		case fieldIs(key, "mean_x"):
			return r.float(&it.MeanX)
		case fieldIs(key, "mean_y"):
			return r.float(&it.MeanY)
		case fieldIs(key, "m2_x"):
			return r.float(&it.M2X)
		case fieldIs(key, "m2_y"):
			return r.float(&it.M2Y)
		case fieldIs(key, "c_xy"):
			return r.float(&it.CXY)
		case fieldIs(key, "marks"):
			return r.counts(&it.Marks)
		case fieldIs(key, "rest"):
			return r.counts(&it.Rest)
		case fieldIs(key, "not_reached"):
			return r.integer(&it.NotReached)
		}
		return r.skip(4)
	})
}
