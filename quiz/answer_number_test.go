package quiz

import (
	"strings"
	"testing"
)

// A short or numeric answer that earns nothing as written but earns credit
// without a leading number equal to its question's own ("1 Human rights
// watch" on question 1) is read without the number, with a note; one right
// as written, or with another question's number, is left as written
// (teacher 7, A2).
func TestTextAnswerWithItsQuestionNumber(t *testing.T) {
	short := &Question{Type: Short, Accept: []string{"Human Rights Watch", "HRW", "1 million"}}
	numeric := &Question{Type: Numeric, Value: 350}
	for _, tt := range []struct {
		q          *Question
		in         string
		number     int
		read, note string // read: the text read; note: "" for none
		right      bool
	}{
		{short, "1 Human rights watch", 1, "Human rights watch", `"1 Human rights watch" read as "Human rights watch": the 1 before it is this question's number (write the answer alone)`, true},
		{short, "1. HRW", 1, "HRW", "read as", true},
		{short, "1) HRW", 1, "HRW", "read as", true},
		{short, "Q1 HRW", 1, "HRW", "read as", true},
		{short, "1.HRW", 1, "HRW", "read as", true},
		{short, "1 million", 1, "1 million", "", true},  // right as written: stays
		{short, "2 HRW", 1, "2 HRW", "", false},         // another question's number
		{short, "1 HRW", 0, "1 HRW", "", false},         // the number not known
		{short, "1 Amnesty", 1, "1 Amnesty", "", false}, // wrong either way
		{short, "HRW", 1, "HRW", "", true},
		{numeric, "4 350", 4, "350", "read as", true},
		{numeric, "4. 350", 4, "350", "read as", true},
		{numeric, "350", 4, "350", "", true},
		{numeric, "4.350", 4, "4.350", "", false}, // a decimal, not "4. 350"
		{numeric, "3 350", 4, "3 350", "", false},
	} {
		r, notes, err := tt.q.ReadAt(Typed(tt.in), nil, tt.number)
		note := noteText(notes)
		if err != nil && tt.right {
			t.Errorf("%s %q (question %d): %v", tt.q.Type, tt.in, tt.number, err)
			continue
		}
		if err == nil && r.Text != tt.read || (Score(tt.q, r) == 1) != tt.right {
			t.Errorf("%s %q (question %d): read %q, score %v; want %q, right %v", tt.q.Type, tt.in, tt.number, r.Text, Score(tt.q, r), tt.read, tt.right)
		}
		if tt.note == "" && note != "" || !strings.Contains(note, tt.note) {
			t.Errorf("%s %q (question %d): note %q, want %q", tt.q.Type, tt.in, tt.number, note, tt.note)
		}
		// ResolveAt reads alike, without the note.
		if r2, err2 := tt.q.ResolveAt(Typed(tt.in), nil, tt.number); r2.Text != r.Text || (err2 == nil) != (err == nil) {
			t.Errorf("%q: ResolveAt %q %v, ReadAt %q %v", tt.in, r2.Text, err2, r.Text, err)
		}
	}
}
