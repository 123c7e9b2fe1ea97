package history

import (
	"encoding/binary"
	"math"
	"time"
	"unsafe"

	"github.com/conflictq/conflictq/quiz/fsrs"
)

// The state file's memories are, in binary (not base64 since version 8:
// decoding it and the larger read were a tenth of a review's reading of
// its history): for each, its
// version (bank, question, digest), its card, its latest answer and its
// count of answers. Strings are a uvarint length and the bytes, whole
// numbers varints, fractions float64 bits (little-endian), times Unix
// seconds (varint), nanoseconds (uvarint) and the zone's offset in seconds
// (varint, 0 for UTC; a line written by hand may hold another). Every
// review reads this line before its first question: as JSON it took 1 to
// 2 ms for 173 memories, here a tenth of that.

type memEncoder struct{ b []byte }

func (e *memEncoder) str(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}
func (e *memEncoder) int(n int) { e.b = binary.AppendVarint(e.b, int64(n)) }
func (e *memEncoder) float(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}
func (e *memEncoder) time(t time.Time) {
	_, off := t.Zone()
	if t.Location() == time.UTC {
		off = 0
	}
	e.b = binary.AppendVarint(e.b, t.Unix())
	e.b = binary.AppendUvarint(e.b, uint64(t.Nanosecond()))
	e.b = binary.AppendVarint(e.b, int64(off))
}

func encodeMemories(mems []savedMemory) []byte {
	var e memEncoder
	e.b = binary.AppendUvarint(e.b, uint64(len(mems)))
	for _, m := range mems {
		e.str(m.Bank)
		e.str(m.Question)
		e.str(m.Digest)
		c := m.Card
		e.int(int(c.State))
		e.int(c.Step)
		e.float(c.Stability)
		e.float(c.Difficulty)
		e.time(c.LastReview)
		e.time(c.Due)
		e.int(c.Reviews)
		e.int(c.Lapses)
		r := m.Last
		e.time(r.Time)
		e.time(r.Session)
		for _, s := range []string{r.Student, r.Mode, r.Bank, r.BankDigest, r.Question, r.Digest} {
			e.str(s)
		}
		e.float(r.Points)
		e.float(r.MaxPoints)
		e.float(r.Seconds)
		e.int(m.Answers)
	}
	return e.b
}

// memDecoder reads what memEncoder wrote; bad is set at the first thing
// that is not there, and everything after reads as zero.
type memDecoder struct {
	b   []byte
	bad bool
}

func (d *memDecoder) uvarint() uint64 {
	v, w := binary.Uvarint(d.b)
	if w <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[w:]
	return v
}

func (d *memDecoder) varint() int64 {
	v, w := binary.Varint(d.b)
	if w <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[w:]
	return v
}

// str reads a string, as same when it is the same text: banks, students
// and modes repeat from one memory to the next, and a memory's latest
// answer names its own bank, question and digest. One copy of each saves
// memory, and comparing is quicker than a map. A new one is the bytes
// where they lie (decodeMemories keeps them), not a copy: one allocation
// for each question and digest was a third of the memories' allocations.
func (d *memDecoder) str(same string) string {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.b)) {
		d.bad = true
		return ""
	}
	b := d.b[:n]
	d.b = d.b[n:]
	if string(b) == same || n == 0 {
		return same[:n]
	}
	return unsafe.String(&b[0], n)
}

func (d *memDecoder) int() int { return int(d.varint()) }

func (d *memDecoder) float() float64 {
	if len(d.b) < 8 {
		d.bad = true
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return f
}

func (d *memDecoder) time() time.Time {
	sec, nsec, off := d.varint(), d.uvarint(), d.varint()
	if d.bad || nsec >= 1e9 {
		d.bad = true
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec)).UTC()
	if off != 0 {
		t = t.In(time.FixedZone("", int(off)))
	}
	return t
}

// decodeMemories decodes b, which it keeps: the strings it returns are
// parts of it, and nothing may write to it after.
func decodeMemories(b []byte) ([]savedMemory, bool) {
	d := memDecoder{b: b}
	n := d.uvarint()
	if d.bad || n > uint64(len(d.b)) { // each memory takes more than a byte
		return nil, false
	}
	mems := make([]savedMemory, n)
	var prev Record // the memory before's latest answer
	for i := range mems {
		m := &mems[i]
		m.Bank = d.str(prev.Bank)
		m.Question = d.str("")
		m.Digest = d.str("")
		m.Card = fsrs.Card{State: fsrs.State(d.int()), Step: d.int(), Stability: d.float(), Difficulty: d.float(),
			LastReview: d.time(), Due: d.time(), Reviews: d.int(), Lapses: d.int()}
		r := &m.Last
		r.Time, r.Session = d.time(), d.time()
		r.Student, r.Mode, r.Bank = d.str(prev.Student), d.str(prev.Mode), d.str(m.Bank)
		r.BankDigest, r.Question, r.Digest = d.str(prev.BankDigest), d.str(m.Question), d.str(m.Digest)
		r.Points, r.MaxPoints, r.Seconds = d.float(), d.float(), d.float()
		m.Answers = d.int()
		if d.bad {
			return nil, false
		}
		prev = *r
	}
	return mems, len(d.b) == 0
}
