package history

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math"
	"slices"
)

// The state file ends with every memory's Scores, in binary (not base64:
// nothing reads them as a line). First the sessions, each once and in
// order: how many (uvarint), the first's start (varint, Unix milliseconds),
// then each one's difference from the one before (uvarint, more than 0).
// Then for each memory, in the order of the second line, the length in
// bytes of its scores (uvarint) and each score, newest first (by session;
// a session's scores in their order): its session's number in that list,
// as the difference from the score before's (uvarint; the first's from the
// number of sessions), then its maximum and points. Those are nearly always whole
// numbers of halves, m and p with m < 255: then they are a byte each; else
// a byte 255 and both as float32 (little-endian).
//
// A year's hundred thousand answers are some 75,000 scores in 365
// sessions, in about three bytes each. Progress adds them up straight from
// these bytes (View.Summarize), each memory's found by its length without
// reading the others', in the order of the banks' questions, with the
// session's number at hand: no slice per memory and no map of sessions,
// which were most of its time.

// encodeScores encodes mems' scores, and again, as latest, only those of
// each memory's k latest sessions: the same sessions, then for each memory
// the start of its scores above, up to its (k+1)-th latest session.
func encodeScores(mems []savedMemory, k int) (all, latest []byte) {
	var starts []int64
	for _, m := range mems {
		for _, x := range m.Scores {
			starts = append(starts, x.session)
		}
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	b := binary.AppendUvarint(nil, uint64(len(starts)))
	for i, s := range starts {
		if i == 0 {
			b = binary.AppendVarint(b, s)
		} else {
			b = binary.AppendUvarint(b, uint64(s-starts[i-1]))
		}
	}
	latest = bytes.Clone(b)
	var one []byte
	var order []int
	for _, m := range mems {
		one = one[:0]
		// Newest first, so that progress on a screen reads only the
		// latest sessions (View.SummarizeLatest); a stable sort keeps the
		// scores of one session in their order.
		order = order[:0]
		for i := range m.Scores {
			order = append(order, i)
		}
		slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(m.Scores[j].session, m.Scores[i].session) })
		prev := len(starts)
		cut, sessions := -1, 0 // where the (k+1)-th latest session starts
		for _, i := range order {
			x := m.Scores[i]
			at := sessionAt(starts, 0, x.session)
			if at != prev || sessions == 0 {
				if sessions++; sessions == k+1 {
					cut = len(one)
				}
			}
			one = binary.AppendUvarint(one, uint64(prev-at))
			prev = at
			m, okM := halves(x.maxPt)
			p, okP := halves(x.points)
			if okM && okP && m < 255 {
				one = append(one, m, p)
				continue
			}
			one = append(one, 255)
			one = binary.LittleEndian.AppendUint32(one, math.Float32bits(x.maxPt))
			one = binary.LittleEndian.AppendUint32(one, math.Float32bits(x.points))
		}
		b = binary.AppendUvarint(b, uint64(len(one)))
		b = append(b, one...)
		if cut < 0 {
			cut = len(one)
		}
		latest = binary.AppendUvarint(latest, uint64(cut))
		latest = append(latest, one[:cut]...)
	}
	return b, latest
}

// savedScores are a state file's scores, read but not decoded.
type savedScores struct {
	starts []int64  // the sessions' starts, in order
	spans  [][]byte // the i-th memory's scores
}

// parseScores finds the sessions and each of n memories' scores in b; false
// when b is not what encodeScores wrote for n memories.
func parseScores(b []byte, n int) (savedScores, bool) {
	var s savedScores
	count, w := binary.Uvarint(b)
	if w <= 0 || count > uint64(len(b)) { // each session takes a byte or more
		return s, false
	}
	b = b[w:]
	s.starts = make([]int64, count)
	for i := range s.starts {
		if i == 0 {
			s.starts[0], w = binary.Varint(b)
		} else {
			var d uint64
			d, w = binary.Uvarint(b)
			s.starts[i] = s.starts[i-1] + int64(d)
			if d == 0 || d > math.MaxInt64 || s.starts[i] <= s.starts[i-1] { // in order, each once
				return s, false
			}
		}
		if w <= 0 {
			return s, false
		}
		b = b[w:]
	}
	s.spans = make([][]byte, n)
	for i := range s.spans {
		size, w := binary.Uvarint(b)
		if w <= 0 || size > uint64(len(b)-w) {
			return s, false
		}
		s.spans[i], b = b[w:w+int(size)], b[w+int(size):]
	}
	return s, len(b) == 0
}

// halves is x in halves when that is a whole number below 256 (and x not
// -0, which would read back as 0).
func halves(x float32) (byte, bool) {
	h := x * 2
	if !(h >= 0 && h < 256) || math.Signbit(float64(x)) || h != float32(byte(h)) {
		return 0, false
	}
	return byte(h), true
}

// each hands fn the scores of span, a memory's, newest first: the number
// of each one's session in s.starts, its points and maximum, until fn
// returns false. It returns false when span is damaged (fn may have seen
// some of its scores).
func (s *savedScores) each(span []byte, fn func(at int, points, maxPt float32) bool) bool {
	at := uint64(len(s.starts))
	for len(span) > 0 {
		d, w := binary.Uvarint(span)
		if w <= 0 || d == 0 && at == uint64(len(s.starts)) || d > at || len(span) < w+2 {
			return false
		}
		at -= d
		var more bool
		if m := span[w]; m != 255 { // whole numbers of halves
			more = fn(int(at), float32(span[w+1])/2, float32(m)/2)
			span = span[w+2:]
		} else if len(span) >= w+9 {
			more = fn(int(at), math.Float32frombits(binary.LittleEndian.Uint32(span[w+5:])), math.Float32frombits(binary.LittleEndian.Uint32(span[w+1:])))
			span = span[w+9:]
		} else {
			return false
		}
		if !more {
			return true
		}
	}
	return true
}

// decodeScores decodes the scores of len(room) memories, newest first (the
// sums by session are the same in any order that keeps a session's scores
// in theirs), the i-th with room
// for room[i] more after them (the scores of the lines read since), all in
// one array: a year's scores are one allocation, not one for each memory
// and another for each that has been answered since.
func decodeScores(b []byte, room []int) ([][]score, bool) {
	s, ok := parseScores(b, len(room))
	if !ok {
		return nil, false
	}
	size := len(b) / 3 // each score takes 3 bytes or more
	for _, n := range room {
		size += n
	}
	all := make([]score, 0, size)
	out := make([][]score, len(room))
	for i, span := range s.spans {
		start := len(all)
		if !s.each(span, func(at int, points, maxPt float32) bool {
			all = append(all, score{s.starts[at], points, maxPt})
			return true
		}) {
			return nil, false
		}
		end := len(all)
		out[i] = all[start:end:min(end+room[i], cap(all))]
		all = all[:min(end+room[i], cap(all))]
	}
	return out, true
}
