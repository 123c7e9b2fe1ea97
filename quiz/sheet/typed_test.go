package sheet

import (
	"fmt"
	"strings"
	"testing"
)

// typedSheet is a sheet as conflictq sheet writes it, with the questions as
// comments (their apostrophes, "the article's", included: an answer's open
// quote must not close on them), and answer as genocide's line.
func typedSheet(answer, extra string) string {
	return "student: Mariam\nbanks: [comprehension]\nanswers:\n" +
		"  # 1. Which group rejected Armenia's position?\n" +
		"  hrw: Human Rights Watch\n" +
		"  # 2. The article's third question: what is genocide?\n" +
		"  genocide: " + answer + "\n" +
		"  # 3. Which powers? (the author's list)\n" +
		"  powers: [b, c]\n" +
		extra +
		"  town: Khojaly\n"
}

// An inline answer that begins with what YAML keeps for itself (teacher11
// P7: "'cause they wanted to kill all", an apostrophe never closed) is read
// as the text typed, with a warning naming file, line and question and how
// it was read; the rest of the sheet reads as before.
func TestInlineAnswerReadAsTyped(t *testing.T) {
	for _, tt := range []struct{ answer, want, why string }{
		{`'cause they wanted to kill all`, `'cause they wanted to kill all`, "the ' at its start is never closed"},
		{`"cause they wanted to kill all`, `"cause they wanted to kill all`, `the " at its start is never closed`},
		{`[a, b`, `[a, b`, "the [ at its start is never closed; a list ends with ]"},
		{`{1: b, 2: a`, `{1: b, 2: a`, "the { at its start is never closed"},
		{`[a, b] and c`, `[a, b] and c`, "double quotes"},
		{`'it''s' a crime`, `'it''s' a crime`, "double quotes"},
		{`&anchor text`, `&anchor text`, "double quotes"},
		{`& then they fled`, `& then they fled`, "double quotes"},
		{`*important* intent`, `*important* intent`, "double quotes"},
		{`!important intent`, `!important intent`, "double quotes"},
		{`! intent`, `! intent`, "double quotes"},
		{`!!str intent`, `!!str intent`, "double quotes"},
		{`%50 of them`, `%50 of them`, "double quotes"},
		{`@home`, `@home`, "double quotes"},
		{"`intent`", "`intent`", "double quotes"},
		{`, and intent`, `, and intent`, "double quotes"},
		{`] intent`, `] intent`, "double quotes"},
		{`} intent`, `} intent`, "double quotes"},
		{`? intent`, `? intent`, "double quotes"},
		{`| intent to destroy`, `intent to destroy`, "double quotes"},
		{`|intent to destroy`, `intent to destroy`, "double quotes"},
		{`> intent to destroy`, `intent to destroy`, "double quotes"},
	} {
		for _, extra := range []string{"", "  region: Karabakh: a region\n"} {
			src := typedSheet(tt.answer, extra)
			s, err := Read("mariam.yaml", 0, []byte(src))
			if err != nil {
				t.Errorf("%s: the sheet is lost: %v", tt.answer, err)
				continue
			}
			v, _ := s.Answer("genocide")
			hrw, _ := s.Answer("hrw")
			powers, _ := s.Answer("powers")
			town, _ := s.Answer("town")
			if v.Text != tt.want || v.Line != 7 || hrw.Text != "Human Rights Watch" || fmt.Sprint(powers.List) != "[b c]" || town.Text != "Khojaly" {
				t.Errorf("%s: genocide %q (line %d), hrw %q, powers %q, town %q; want genocide %q", tt.answer, v.Text, v.Line, hrw.Text, powers.List, town.Text, tt.want)
			}
			var warned bool
			for _, p := range s.Problems {
				if p.Line == 7 {
					warned = true
					msg := p.Error()
					if !p.Warning || !strings.HasPrefix(msg, `mariam.yaml:7: warning: question "genocide": read as text, as written: `) || !strings.Contains(msg, tt.why) {
						t.Errorf("%s: warning %q, want one saying %q", tt.answer, msg, tt.why)
					}
				}
			}
			if !warned {
				t.Errorf("%s: no warning on line 7: %v", tt.answer, s.Problems)
			}
		}
	}
}

// What YAML reads, it still reads as YAML, with no warning, whether or not
// another line of the sheet needs reading as text: a quote or list that
// closes on the answer's lines is never read as typed.
func TestClosedQuotesStillYAML(t *testing.T) {
	for _, tt := range []struct{ answer, want string }{
		{`'it''s intent'`, "it's intent"},
		{`"it's: intent"`, "it's: intent"},
		{`'cause it''s intent' # a comment`, "cause it's intent"},
		{"\"The crime of\n    destroying a group\"", "The crime of destroying a group"},
		{"'The crime of\n    a group''s end'", "The crime of a group's end"},
		{"[a,\n    b]", "[a b]"},
		{"[Azerbaijan's, b]", "[Azerbaijan's b]"},
		{"{1: b, 2: a}", "[[1 b] [2 a]]"},
	} {
		for _, extra := range []string{"", "  region: Karabakh: a region\n"} {
			s, err := Read("mariam.yaml", 0, []byte(typedSheet(tt.answer, extra)))
			if err != nil {
				t.Errorf("%q: %v", tt.answer, err)
				continue
			}
			v, _ := s.Answer("genocide")
			got := v.Text
			if v.List != nil {
				got = fmt.Sprint(v.List)
			} else if v.Pairs != nil {
				got = fmt.Sprint(v.Pairs)
			}
			if got != tt.want {
				t.Errorf("%q (extra %q): read %q, want %q", tt.answer, extra, got, tt.want)
			}
			for _, p := range s.Problems {
				if p.Question == "genocide" {
					t.Errorf("%q: a warning for valid YAML: %v", tt.answer, p)
				}
			}
		}
	}
}
