package prompt

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// teacher9 P1: a refused line is asked again with the line in the box, so
// that the second Enter a student gives by habit sends the same line (and
// gets the same message), not a blank answer; editing it then works as on
// any line, and the draft a time limit would keep holds it.
func TestInputAsksAgainWithTheRefusedLine(t *testing.T) {
	typed := cursorReports + "613 people\r" + // refused
		cursorReports + "\r" + // Enter again: the same line, refused again
		cursorReports + strings.Repeat("\x7f", len(" people")) + "\r" // edited: taken
	s := NewSurvey(&keysFile{keys(typed)}, discard{}, io.Discard, false, nil)
	var seen []string
	got, err := s.Input("How many civilians?", func(line string) error {
		seen = append(seen, line)
		if line != "613" {
			return errors.New("please type a number of civilians")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"613 people", "613 people", "613"}; !slices.Equal(seen, want) {
		t.Errorf("the validator saw %q, want %q", seen, want)
	}
	if got != "613" {
		t.Errorf("answer %q, want 613", got)
	}
}

// A refused line asked again is the draft until it is edited: a time limit
// or Ctrl-C at the re-ask keeps it as typed.
func TestInputRefusedLineIsTheDraft(t *testing.T) {
	typed := cursorReports + "Human Rights Watc\r" + cursorReports + "h\x03"
	s := NewSurvey(&keysFile{keys(typed)}, discard{}, io.Discard, false, nil)
	_, err := s.Input("Who?", func(line string) error {
		if !strings.HasSuffix(line, "Watch") {
			return errors.New("not yet")
		}
		return nil
	})
	if err == nil {
		t.Fatal("Ctrl-C at the re-ask returned no error")
	}
	if got := s.Draft(); got != "Human Rights Watch" {
		t.Errorf("draft %q, want the refused line and the key typed after it", got)
	}
}
