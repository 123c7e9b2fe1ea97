package sheet

import (
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// ReadAnswer is the one reading of a sheet's answer: an open answer keeps
// the text after a # (with a warning), a short answer leaves it out (with a
// warning), and OpenAnswer, which mark uses without a bank, reads an open
// answer exactly as ReadAnswer does with the bank's question (teacher10 P1).
func TestReadAnswerKeepsWhatACommentCut(t *testing.T) {
	open := &quiz.Question{ID: "essay", Type: quiz.Open, Prompt: "Why?", Points: 2}
	short := &quiz.Question{ID: "who", Type: quiz.Short, Prompt: "Who?"}
	for _, tt := range []struct {
		line, open string
		ok         bool
	}{
		{"  essay: they kill people of one nation. # like Khojaly", "they kill people of one nation. # like Khojaly", true},
		{"  essay: # like Khojaly", "# like Khojaly", true},
		{"  essay: a union: 1922 # it ended: 1991", "a union: 1922 # it ended: 1991", true},
		{`  essay: "quoted # kept"`, "quoted # kept", true},
		{"  essay: plain words", "plain words", true},
		{"  essay:", "", false},
		{"  essay: [a, b]", "", false},
	} {
		s, err := Read("s.yaml", 0, []byte("student: A\nbanks: [b]\nanswers:\n  who: HRW # they said so\n"+tt.line+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", tt.line, err)
		}
		v, _ := s.Answer("essay")
		r, _ := s.ReadAnswer(open, v, 2)
		text, ok := s.OpenAnswer("essay")
		if r.Text != tt.open || text != tt.open || ok != tt.ok || r.Answered != tt.ok {
			t.Errorf("%s: ReadAnswer %q (answered %v), OpenAnswer %q %v; want %q %v", tt.line, r.Text, r.Answered, text, ok, tt.open, tt.ok)
		}
		w, _ := s.Answer("who")
		r, probs := s.ReadAnswer(short, w, 1)
		if r.Text != "HRW" || len(probs) != 1 || !probs[0].Warning || probs[0].Line != 4 {
			t.Errorf("%s: short answer %q, problems %v", tt.line, r.Text, probs)
		}
	}
}
