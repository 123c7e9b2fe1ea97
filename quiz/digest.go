package quiz

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"strconv"
	"sync"
)

// digestBufs are Digest's buffers: a review or progress digests every
// question of every bank as it starts, and growing a new buffer for each
// was most of their allocations.
var digestBufs = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

// Digest is a stable hash of questions' content: 16 hex digits that change
// when what is asked or what is marked right changes (id, type, prompt,
// options, answers, tolerance, points), and only then. Rewording an
// explanation, a citation, tags or difficulty, or moving a question in its
// file, keeps the digest; so do an open question's plain answer (Plain)
// and plain points (PlainKey), which only the screen shows: adding them
// must not make the reports of quizzes taken before look stale to mark. Digest(q) identifies one question's version (a
// student's history starts a changed question over); Digest(b.Questions...)
// identifies a bank's (reports record it). Bank.Digest and
// Bank.QuestionDigest give the same, from build time for a built-in bank.
func Digest(questions ...*Question) string {
	h := sha256.New()
	bp := digestBufs.Get().(*[]byte)
	buf := (*bp)[:0]
	defer func() { *bp = buf[:0]; digestBufs.Put(bp) }()
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	strs := func(list []string) {
		buf = binary.AppendUvarint(buf, uint64(len(list)))
		for _, s := range list {
			str(s)
		}
	}
	num := func(f float64) { buf = binary.BigEndian.AppendUint64(buf, math.Float64bits(f)) }
	for _, q := range questions {
		buf = buf[:0]
		str(q.ID)
		str(string(q.Type))
		str(q.Prompt)
		num(q.Points)
		strs(q.Choices)
		buf = binary.AppendUvarint(buf, uint64(len(q.Correct)))
		for _, c := range q.Correct {
			buf = binary.AppendUvarint(buf, uint64(c))
		}
		str(strconv.FormatBool(q.Truth))
		strs(q.Accept)
		num(q.Value)
		num(q.Tol)
		str(q.Unit)
		strs(q.Items)
		buf = binary.AppendUvarint(buf, uint64(len(q.Pairs)))
		for _, p := range q.Pairs {
			str(p.Left)
			str(p.Right)
		}
		str(q.Model) // not q.Plain: see above
		strs(q.Key)  // not q.PlainKey: the ticks count into Key
		h.Write(buf)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
