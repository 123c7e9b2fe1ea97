package session

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// openPrompter types an answer to an open question and ticks some key points.
type openPrompter struct {
	answer string
	ticks  []int
}

func (p *openPrompter) Select(string, []string) (int, error)             { return 0, nil }
func (p *openPrompter) MultiSelect(string, []string) ([]int, error)      { return p.ticks, nil }
func (p *openPrompter) Input(string, func(string) error) (string, error) { return p.answer, nil }
func (p *openPrompter) Confirm(string, bool) (bool, error)               { return true, nil }
func (p *openPrompter) Order(string, []string) ([]int, error)            { return nil, nil }
func (p *openPrompter) Match(string, []string, []string) ([]int, error)  { return nil, nil }

// teacher4 A2: at 80x24, after an embedded bank's open question, what is
// on the screen at the pause (the last rows above it) holds the student's
// answer, the whole model answer and every key point, ticked or not.
func TestOpenFeedbackFitsTheScreen(t *testing.T) {
	const width, height = 80, 24
	answer := "In 2020 there was a second war and Azerbaijan took back Shusha and the districts. In 2023 more than 100,000 Karabakh Armenians fled to Armenia. The road through Lachin was blocked from December 2022, and the Minsk process closed in 2025."
	files, _ := fs.Glob(assets.Banks(), "*.yaml")
	checked := 0
	for _, name := range files {
		data, _ := fs.ReadFile(assets.Banks(), name)
		b, _, err := quiz.ParseBank(name, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range b.Questions {
			if q.Type != quiz.Open || len(q.Key) == 0 {
				continue
			}
			checked++
			var out bytes.Buffer
			s := &Session{Questions: []*quiz.Presented{{Question: q}}, Mode: quiz.Practice, Prompter: &openPrompter{answer: answer, ticks: []int{0, 2}},
				Out: &out, Width: width, Height: height}
			if _, err := s.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
			for _, l := range lines {
				if n := utf8.RuneCountInString(l); n > width {
					t.Errorf("%s %s: a line of %d columns: %q", name, q.ID, n, l)
				}
			}
			screen := lines[max(0, len(lines)-(height-pauseRows)):]
			shown := strings.Join(screen, "\n")
			model := strings.Split(text.Hang("A model answer: "+q.Model, width, 2), "\n")
			wants := []string{"Your answer: In 2020 there was", model[0], model[len(model)-1]}
			for _, want := range wants {
				if !strings.Contains(shown, want) {
					t.Errorf("%s %s: at the pause %q is not on the screen:\n%s", name, q.ID, want, shown)
				}
			}
			ticks := 0
			for _, l := range screen {
				if strings.HasPrefix(l, "  ✓ ") || strings.HasPrefix(l, "  ○ ") {
					ticks++
				}
			}
			if ticks != len(q.Key) {
				t.Errorf("%s %s: %d of %d key points on the screen at the pause:\n%s", name, q.ID, ticks, len(q.Key), shown)
			}
			// The least needed part comes first, to scroll off.
			if i, j := strings.Index(out.String(), "Source: "), strings.Index(out.String(), "A model answer:"); i < 0 || i > j {
				t.Errorf("%s %s: the source does not come before the model answer", name, q.ID)
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d open questions checked", checked)
	}
}

// firstLines cuts wrapped text to its first lines, marking the cut.
func TestFirstLines(t *testing.T) {
	for _, tt := range []struct {
		s     string
		width int
		n     int
		want  string
	}{
		{"one two three", 20, 1, "one two three"},
		{"one two three four five", 10, 1, "one two…"},
		{"one two three four five", 10, 2, "one two\n  three…"},
		{"one two three four five", 0, 1, "one two three four five"},
	} {
		if got := firstLines(tt.s, tt.width, tt.n); got != tt.want {
			t.Errorf("firstLines(%q, %d, %d) = %q, want %q", tt.s, tt.width, tt.n, got, tt.want)
		}
	}
}
