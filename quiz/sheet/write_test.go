package sheet_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// A key written in either syntax reads back with its header and an answer
// to every graded question (grading it: sheet_key.txtar, answers_sheet.txtar).
func TestWriteKeyReadsBack(t *testing.T) {
	b := testfiles.Sample(t)
	questions, err := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 7)
	if err != nil {
		t.Fatal(err)
	}
	l := sheet.Layout{Student: "ANSWER KEY", Banks: []string{"sample.yaml"}, Seed: 7, Key: true}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"key.yaml": func(w *bytes.Buffer) error { return sheet.WriteYAML(w, questions, l) },
		"key.json": func(w *bytes.Buffer) error { return sheet.WriteJSON(w, questions, l) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		s, err := sheet.Read(name, 0, buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, buf.Bytes())
		}
		if s.Student != l.Student || !slices.Equal(s.Banks, l.Banks) || s.Seed == nil || *s.Seed != 7 {
			t.Errorf("%s: header %q %q %v", name, s.Student, s.Banks, s.Seed)
		}
		for _, p := range questions {
			if !p.Graded() {
				continue
			}
			if _, ok := s.Answer(p.ID); !ok {
				t.Errorf("%s: %s has no answer in the key", name, p.ID)
			}
		}
	}
}

// Options that are themselves small numbers ({=4 ~3 ~5}): the key gives such
// an option by its letter, and grades in full, for every order of the
// options (issue 12, W1).
func TestKeyOfNumericOptionsGrades(t *testing.T) {
	q := &quiz.Question{ID: "n", Bank: "n", Type: quiz.Single, Prompt: "Which is prime?", Choices: []string{"4", "6", "3", "1"}, Correct: []int{2}, Points: 1}
	for seed := uint64(0); seed < 20; seed++ {
		questions := quiz.Present([]*quiz.Question{q}, seed)
		var buf bytes.Buffer
		if err := sheet.WriteYAML(&buf, questions, sheet.Layout{Student: "K", Banks: []string{"n.gift"}, Seed: seed, Key: true}); err != nil {
			t.Fatal(err)
		}
		s, err := sheet.Read("key.yaml", 0, buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		v, _ := s.Answer("n")
		r, p := s.ResolveAt(q, v, 0)
		if len(p) != 0 || quiz.Score(q, r) != 1 {
			t.Errorf("seed %d: key answer %q: %v, score %v\n%s", seed, v.Text, p, quiz.Score(q, r), buf.Bytes())
		}
	}
}

// An open question's key gives its key points and its model answer folded to
// the page, which reads back as the model answer (teacher P9); the blank
// sheet leaves a | under which the student writes, colons and all (A5).
func TestOpenQuestionOnSheetAndKey(t *testing.T) {
	long := strings.Repeat("The region: recognised as part of Azerbaijan; \"one fifth\" is a figure. ", 8)
	long = strings.TrimSpace(long)
	q := &quiz.Question{ID: "region", Bank: "b", Type: quiz.Open, Prompt: "What is it?", Model: long, Key: []string{"Both names", "Its status"}, Points: 1}
	questions := quiz.Present([]*quiz.Question{q}, 1)
	var key bytes.Buffer
	if err := sheet.WriteYAML(&key, questions, sheet.Layout{Student: "ANSWER KEY", Banks: []string{"b"}, Seed: 1, Key: true}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(key.String(), "\n") {
		if len(line) > 80 {
			t.Errorf("a key line of %d columns: %q", len(line), line)
		}
	}
	if !strings.Contains(key.String(), "Key points:\n  #    - Both names\n  #    - Its status\n  region: >-\n") {
		t.Errorf("key:\n%s", key.String())
	}
	s, err := sheet.Read("key.yaml", 0, key.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Answer("region"); v.Text != long {
		t.Errorf("the model answer reads back as\n%q\nwant\n%q", v.Text, long)
	}
	var blank bytes.Buffer
	if err := sheet.WriteYAML(&blank, questions, sheet.Layout{Banks: []string{"b"}, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(blank.String(), "\n  region: |\n") || !strings.Contains(blank.String(), "in double quotes") {
		t.Fatalf("blank sheet:\n%s", blank.String())
	}
	filled := strings.Replace(blank.String(), "  region: |\n", "  region: |\n    It is: a region # not a comment\n    - with \"both names\"\n", 1)
	s, err = sheet.Read("ana.yaml", 0, []byte(filled))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Answer("region"); v.Text != "It is: a region # not a comment\n- with \"both names\"" || len(s.Problems) != 0 {
		t.Errorf("answer %q, problems %v", v.Text, s.Problems)
	}
}
