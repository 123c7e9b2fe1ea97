package grade

import (
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// teacher13 P4: a weak student's places to reread, seven of them, wrapped
// over lines at 80 columns in the text table and the Markdown table. They
// are grouped by section ("Introduction ¶4-5"); on a terminal too narrow
// for them all the text table names the three sections with the most wrong
// answers and counts the rest, on one line; the Markdown table and a text
// table without a width (a pipe, a file) name every place.
func TestRereadColumnGroupsBySection(t *testing.T) {
	wrong := func(sec string, p int) quiz.Outcome {
		return quiz.Outcome{Question: &quiz.Presented{Question: &quiz.Question{Type: quiz.TrueFalse, Points: 1, Source: quiz.Source{Section: sec, Paragraph: p}}}, Response: quiz.Response{Answered: true}}
	}
	r := &SheetResult{Student: "Davit Grigoryan", Max: 10, Outcomes: []quiz.Outcome{
		wrong("About the author", 1), wrong("UN resolution", 5), wrong("Introduction", 5), wrong("Survivors await justice", 6),
		wrong("Introduction", 4), wrong("UN resolution", 2), wrong("Animosity runs deep", 2), wrong("Introduction", 4),
		wrong("Survivors await justice", 6), wrong("Survivors await justice", 6),
	}}
	const all = "Introduction ¶4-5; Animosity runs deep ¶2; UN resolution ¶2, 5; Survivors await justice ¶6; About the author ¶1"
	write := func(format string, width int) string {
		var buf strings.Builder
		w, err := NewResultWriter(format, &buf, ResultOptions{Width: width})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if got := write("text", 0); !strings.Contains(got, " "+all+"\n") {
		t.Errorf("text without a width:\n%s\nwant every place, grouped: %s", got, all)
	}
	if got := write("markdown", 0); !strings.Contains(got, "| "+all+" |\n") {
		t.Errorf("markdown:\n%s\nwant every place, grouped: %s", got, all)
	}
	// Introduction and Survivors await justice have three wrong answers
	// each, UN resolution two: those three, in the article's order, on one
	// line under the row, at 80 columns and at 100.
	for _, width := range []int{80, 100} {
		got := write("text", width)
		lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
		if want := "    Introduction ¶4-5; UN resolution ¶2, 5; Survivors await justice ¶6; +2 more"; len(lines) != 3 || lines[2] != want {
			t.Errorf("text at %d columns:\n%s\nwant the row, then on one line:\n%s", width, got, want)
		}
		for _, l := range lines {
			if len([]rune(l)) > width {
				t.Errorf("a line of %d columns: %q", len([]rune(l)), l)
			}
		}
	}
	// Wide enough for every place on a line: all of them, on one.
	if got := write("text", 130); !strings.HasSuffix(got, "\n    "+all+"\n") {
		t.Errorf("text at 130 columns:\n%s\nwant every place on a line under the row", got)
	}
	// One place, or a few that fit: as they are.
	r.Outcomes = r.Outcomes[6:7]
	if got := write("text", 100); !strings.HasSuffix(got, "  Animosity runs deep ¶2\n") {
		t.Errorf("one place at 100 columns:\n%s", got)
	}
}
