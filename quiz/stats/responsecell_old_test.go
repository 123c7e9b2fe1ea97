package stats

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// oldResponseCell is responseCell before session 28 (fmt and a join), the
// oracle of TestResponseCellAsBefore.
func oldResponseCell(qr QuestionResponses) string {
	parts := make([]string, 0, len(qr.Answers)+2)
	shown := answerTexts(qr.answerList())
	for i, a := range qr.Answers {
		mark := ""
		if a.Correct {
			mark = "✓ "
		}
		parts = append(parts, fmt.Sprintf("%s%s: %d", mark, shown[i], a.Count))
	}
	if qr.OtherWrong > 0 {
		parts = append(parts, fmt.Sprintf("other wrong answers: %d", qr.OtherWrong))
	}
	if qr.Unreadable > 0 {
		parts = append(parts, fmt.Sprintf("unreadable: %d (%s)", qr.Unreadable, qr.unreadableText()))
	}
	if qr.Unanswered > 0 {
		parts = append(parts, fmt.Sprintf("no answer: %d", qr.Unanswered))
	}
	if qr.NotReached > 0 {
		parts = append(parts, fmt.Sprintf("not reached: %d", qr.NotReached))
	}
	return strings.Join(parts, "; ")
}

// The CSV summary's response cell, appended now, is the old one byte for
// byte on random and hostile responses.
func TestResponseCellAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(28, 7))
	texts := []string{"", "Khojaly", "  spaced  ", "a; b", "50%", "%d %s", "\x1b[31mred", "\u202eRTL", "שלום עולם", "日本",
		"tab\there", "line\nbreak", "nul\x00", "bad\xffutf8", "✓ already", "\"quoted\", comma", strings.Repeat("long = pair; ", 30),
		strings.Repeat("x", 79) + "1", strings.Repeat("x", 79) + "2"}
	count := func() int {
		if rng.IntN(3) == 0 {
			return 0
		}
		return []int{1, 2, 9, 10, 99, 1000, 1 << 40, -1}[rng.IntN(8)]
	}
	for i := range 20000 {
		qr := QuestionResponses{OtherWrong: count(), Unanswered: count(), NotReached: count(), Unreadable: count()}
		for range rng.IntN(8) {
			qr.Answers = append(qr.Answers, AnswerCount{Answer: texts[rng.IntN(len(texts))], Count: count(), Correct: rng.IntN(3) == 0})
		}
		if qr.Unreadable > 0 {
			for range rng.IntN(6) {
				qr.UnreadableAnswers = append(qr.UnreadableAnswers, WrittenCount{Answer: texts[rng.IntN(len(texts))], Count: count()})
			}
		}
		if got, want := qr.responseCell(), oldResponseCell(qr); got != want {
			t.Fatalf("%d: %+v\ncell %q\nwant %q", i, qr, got, want)
		}
	}
}
