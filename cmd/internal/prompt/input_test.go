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

// Ctrl-U clears the box and Ctrl-W its last word, as in a shell (teacher14
// P13: "i dont know", Ctrl-U and "350" gave "i dont know350"); at the
// re-ask too, where the refused line is in the box. The draft follows.
func TestInputCtrlUAndCtrlW(t *testing.T) {
	const left = "\x1b[D"
	for _, c := range []struct{ name, typed, want string }{
		{"ctrl-u clears the line", "i dont know\x15350\r", "350"},
		{"ctrl-u on an empty line", "\x15\x1535\x150\r", "0"},
		{"ctrl-u keeps what is after the cursor", "xx350" + left + left + left + "\x15\r", "350"},
		{"ctrl-w erases the last word and the spaces after it", "the USSR wass  \x17was\r", "the USSR was"},
		{"ctrl-w twice", "one two three\x17\x17deux\r", "one deux"},
		{"ctrl-w on spaces alone", "   \x17ok\r", "ok"},
		{"ctrl-w before the cursor", "one two" + left + left + left + "\x17\r", "two"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewSurvey(&keysFile{keys(cursorReports + c.typed)}, discard{}, io.Discard, false, nil)
			got, err := s.Input("How many?", nil)
			if err != nil || got != c.want {
				t.Errorf("answer %q, %v; want %q", got, err, c.want)
			}
		})
	}
	typed := cursorReports + "i dont know\r" + // refused, asked again with the line in the box
		cursorReports + "\x15" + "350\r"
	s := NewSurvey(&keysFile{keys(typed)}, discard{}, io.Discard, false, nil)
	var seen []string
	got, err := s.Input("What year?", func(line string) error {
		seen = append(seen, line)
		if line != "350" {
			return errors.New("please type a year")
		}
		return nil
	})
	if want := []string{"i dont know", "350"}; err != nil || got != "350" || !slices.Equal(seen, want) {
		t.Errorf("answer %q, %v, the validator saw %q; want 350 after %q", got, err, seen, want)
	}
	s = NewSurvey(&keysFile{keys(cursorReports + "i dont know\x1535\x03")}, discard{}, io.Discard, false, nil)
	if _, err := s.Input("What year?", nil); err == nil || s.Draft() != "35" {
		t.Errorf("Ctrl-C after Ctrl-U: %v, draft %q; want an error and 35", err, s.Draft())
	}
}
