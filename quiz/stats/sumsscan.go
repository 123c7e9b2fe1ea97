package stats

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/internal/jsonscan"
)

// A reader for the sums file, hand-written on purpose, as the answer-sheet
// scanner (quiz/sheet/scan.go) is. grade --sums writes a class's sums and
// summary reads them back, every run a new process: encoding/json's
// reflection and its validating pass were a sixth of summary's CPU for a
// class's sums (perf, 200 runs). The JSON number and a string's plain run
// are read as the sheet scanner reads them (quiz/internal/jsonscan).
//
// BenchmarkScanSums (sumsscan_test.go) keeps the reason measured: a class of
// 30's sums for twenty questions (9.8 KB) read in 58 µs with 676
// allocations, against 144 µs and 746 allocations for encoding/json decoding
// them into the same statsJSON (2 cores, Go 1.26; most allocations were the
// count maps both build). With each map made at its size and the keys read
// in place (counts): 173 allocations and 26 KB, against 39 KB before.

// scanSums reads sums in the one shape appendSums writes them (its keys in
// its order, compact, plain strings and numbers) into what encoding/json
// would decode from the same bytes, and reports false for anything else:
// a file edited by hand, written before a field was added, or damaged. Those
// are read by encoding/json, as every file was before. It never decides what
// encoding/json would refuse: what it accepts is valid JSON that encoding/json
// decodes to the same values (TestScanSumsAsEncodingJSON).
func scanSums(data []byte) (in statsJSON, ok bool) {
	d := sumsScanner{data: bytes.TrimRight(data, " \t\r\n")}
	in = d.stats(true)
	return in, !d.bad && d.pos == len(d.data)
}

// stats reads one object of sums: the file's (top), or its auto, which has
// none of its own.
func (d *sumsScanner) stats(top bool) (in statsJSON) {
	d.lit(`{"conflictq_stats":`)
	in.Version = d.int()
	d.lit(`,"n":`)
	in.N = d.int()
	d.lit(`,"mean_total":`)
	in.MeanT = d.float()
	d.lit(`,"m2_total":`)
	in.M2T = d.float()
	d.lit(`,"totals":`)
	in.Totals = d.counts()
	if d.opt(`,"maxes":`) {
		in.Maxes = d.counts()
	}
	if d.opt(`,"histogram":[`) {
		var h [10]int
		for i := range h {
			if i > 0 {
				d.lit(",")
			}
			h[i] = d.int()
		}
		d.lit("]")
		in.Histogram = &h
	}
	d.lit(`,"questions":[`)
	in.Items = []itemSumsJSON{}
	for !d.opt("]") {
		if len(in.Items) > 0 {
			d.lit(",")
		}
		in.Items = append(in.Items, d.item())
		if d.bad {
			return in
		}
	}
	if d.opt(`,"stopped":`) {
		in.Stopped = d.int()
	}
	if d.opt(`,"sheets_to_mark":`) {
		n := d.int()
		in.ToMark = &n
	}
	if d.opt(`,"sheets_to_mark_unknown":`) {
		in.ToMarkUnknown = d.int()
	}
	if top && d.opt(`,"auto":`) {
		auto := d.stats(false)
		in.Auto = &auto
	}
	d.lit("}")
	return in
}

func (d *sumsScanner) item() (it itemSumsJSON) {
	d.lit(`{"id":`)
	it.ID = d.str()
	if d.opt(`,"pos":`) {
		it.Pos = d.int()
	}
	if d.opt(`,"n":`) {
		n := d.int()
		it.N = &n
	}
	for _, f := range []struct {
		key string
		v   *float64
	}{{`,"max_mark":`, &it.MaxMark}, {`,"mean_x":`, &it.MeanX}, {`,"mean_y":`, &it.MeanY}, {`,"m2_x":`, &it.M2X}, {`,"m2_y":`, &it.M2Y}, {`,"c_xy":`, &it.CXY}} {
		d.lit(f.key)
		*f.v = d.float()
	}
	d.lit(`,"marks":`)
	it.Marks = d.counts()
	d.lit(`,"rest":`)
	it.Rest = d.counts()
	if d.opt(`,"not_reached":`) {
		it.NotReached = d.int()
	}
	if d.opt(`,"sum_xy":`) {
		it.SumXY = d.str()
	}
	d.lit("}")
	return it
}

// sumsScanner is scanSums's place in the sums; bad is set at the first
// byte out of the shape, and everything after it is passed over.
type sumsScanner struct {
	data []byte
	pos  int
	bad  bool
}

// lit takes s, which must come next.
func (d *sumsScanner) lit(s string) {
	if !d.opt(s) {
		d.bad = true
	}
}

// opt takes s if it comes next.
func (d *sumsScanner) opt(s string) bool {
	if d.bad || !bytes.HasPrefix(d.data[d.pos:], []byte(s)) {
		return false
	}
	d.pos += len(s)
	return true
}

// number takes a JSON number's bytes (jsonscan.Number); integer: only
// -?(0|[1-9][0-9]*).
func (d *sumsScanner) number(integer bool) []byte {
	if d.bad {
		return nil
	}
	end, ok := jsonscan.Number(d.data, d.pos, integer)
	if !ok {
		d.bad = true
		return nil
	}
	b := d.data[d.pos:end]
	d.pos = end
	return b
}

// int takes an integer as encoding/json reads one into an int.
func (d *sumsScanner) int() int {
	n, err := strconv.ParseInt(string(d.number(true)), 10, 64)
	if err != nil {
		d.bad = true
	}
	return int(n)
}

// float takes a number as encoding/json reads one into a float64.
func (d *sumsScanner) float() float64 {
	f, err := strconv.ParseFloat(string(d.number(false)), 64)
	if err != nil {
		d.bad = true
	}
	return f
}

// str takes a string without escapes, control characters or invalid UTF-8
// (which encoding/json would change).
func (d *sumsScanner) str() string {
	if !d.opt(`"`) {
		d.bad = true
		return ""
	}
	end := jsonscan.PlainEnd(d.data, d.pos)
	if end == len(d.data) || d.data[end] != '"' || !utf8.Valid(d.data[d.pos:end]) {
		d.bad = true
		return ""
	}
	s := string(d.data[d.pos:end])
	d.pos = end + 1
	return s
}

// counts takes a map of counts as encoding/json reads one into a
// map[int64]int: null is nil; each key a string strconv.ParseInt reads. The
// map is made as large as the pairs before the next '}' (there is no brace
// inside a count's key or value): grown from empty, a class's 30 totals
// rehashed it three times, and its maps were most of reading the sums.
func (d *sumsScanner) counts() map[int64]int {
	if d.opt("null") {
		return nil
	}
	d.lit("{")
	size := 0
	if !d.bad {
		if end := bytes.IndexByte(d.data[d.pos:], '}'); end >= 0 {
			size = bytes.Count(d.data[d.pos:d.pos+end], []byte(":"))
		}
	}
	m := make(map[int64]int, size)
	for !d.bad && !d.opt("}") {
		if len(m) > 0 {
			d.lit(",")
		}
		k := d.key()
		d.lit(":")
		m[k] = d.int()
	}
	return m
}

// key takes a count's key: a string, without escapes or control
// characters, that strconv.ParseInt reads (so valid UTF-8 too: it takes
// only a sign and digits). The digits are read where they are, not copied
// to a string first as str does.
func (d *sumsScanner) key() int64 {
	if !d.opt(`"`) {
		d.bad = true
		return 0
	}
	end := jsonscan.PlainEnd(d.data, d.pos)
	if end == len(d.data) || d.data[end] != '"' {
		d.bad = true
		return 0
	}
	k, err := strconv.ParseInt(string(d.data[d.pos:end]), 10, 64)
	if err != nil {
		d.bad = true
	}
	d.pos = end + 1
	return k
}
