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
		{`['cause, b]`, `['cause, b]`, "the ' in it is never closed; text with ' goes in double quotes"},
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
		{`> intent to destroy`, `intent to destroy`, `as written: "> intent to destroy", as "intent to destroy" (the > at its start is YAML's`},
		// attack11 #4: digits after | or > are no indentation indicator
		// when there are more than one; #5: a > before a number is a
		// comparison the student wrote, kept for the numeric reader.
		{`|1994`, `1994`, `as written: "|1994", as "1994"`},
		{`| 1994`, `1994`, `as written: "| 1994", as "1994"`},
		// attack13 #9: a # after a space on such a line begins a
		// comment, as on any plain answer's line; the Comments say so.
		{`|350 # days`, `350`, `as written: "|350", as "350"`},
		{`| intent to destroy # like Khojaly`, `intent to destroy`, `as written: "| intent to destroy", as "intent to destroy"`},
		{`|intent: to destroy # x`, `intent: to destroy # x`, `as written: "|intent: to destroy # x", as "intent: to destroy # x"`},
		{`|[a] # x`, `[a] # x`, `as "[a] # x"`},
		// review22 #1: written back plain, null or ~ is YAML's null,
		// and the answer would be lost; kept in quotes, comment and all.
		{`|null # I do not know`, `null # I do not know`, `as "null # I do not know"`},
		{`|~ # x`, `~ # x`, `as "~ # x"`},
		{`|NULL # x`, `NULL # x`, `as "NULL # x"`},
		{`> Null # x`, `Null # x`, `as "Null # x"`},
		{`|350#7`, `350#7`, `as "350#7"`},
		{`>350`, `>350`, `as written: ">350" (`},
		{`> 20000`, `> 20000`, `as written: "> 20000" (`},
		{`>= 20000`, `>= 20000`, `as written: ">= 20000" (`},
		// attack11 #1: a quote or list left open goes on at the id's
		// indent (an editor's auto-indent): its lines are read with it.
		{"\"cause they\n  wanted to kill all", `"cause they wanted to kill all`, `the " at its start is never closed`},
		{"[a, b,\n  c", `[a, b, c`, "the [ at its start is never closed"},
		// attack13 #1: or at column 0 (an editor with no auto-indent).
		{"\"cause they\nwanted to kill all", `"cause they wanted to kill all`, `the " at its start is never closed`},
		{"[a, b,\nc", `[a, b, c`, "the [ at its start is never closed"},
		{"\"cause they\nsaid \"so\"", `"cause they said "so"`, "double quotes"},
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
		{"[a,\n  b]", "[a b]"},                                                        // attack11 #1: at the id's indent
		{"\"The crime of\n  destroying a group\"", "The crime of destroying a group"}, // likewise
		// attack13 #1: at column 0, and with a line that is a comment
		// anywhere but inside a quote, as YAML (and 1ea6f17) read them.
		{"[a,\nb]", "[a b]"},
		{"[a,\n\nb]", "[a b]"},
		{"[a,\n# b?\nc]", "[a c]"},
		{"\"The crime of\ndestroying a group\"", "The crime of destroying a group"},
		{"'The crime of\n\na group''s end'", "The crime of\na group's end"},
		{"\"The crime of\n# not a comment\n  destroying a group\"", "The crime of # not a comment destroying a group"},
		{"\"The crime of\n  # not a comment\n  destroying a group\"", "The crime of # not a comment destroying a group"},
		{`[a, b"]`, `[a b"]`}, // a quote inside a word, as [Azerbaijan's]
		{"[a, c,\nb\"\nd]", `[a c b" d]`},
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

// An answer that begins with an anchor, alias or tag (&, *, !) and goes on
// over more lines is read as typed, with a warning, like a one-line one: the
// & is never dropped without a word, and the rest of the sheet is never lost
// (review s21 FIX 1). So is a student's name that begins with one.
func TestRunOnAnswerWithYAMLMarkReadAsTyped(t *testing.T) {
	for _, tt := range []struct{ answer, want string }{
		{"&x the first\n    and the rest", "&x the first and the rest"},
		{"!important\n    more", "!important more"},
		{"*x and\n    more", "*x and more"},
		{"& and\n    more", "& and more"},
		{"&x\n    the rest", "&x the rest"},
	} {
		s, err := Read("mariam.yaml", 0, []byte(typedSheet(tt.answer, "")))
		if err != nil {
			t.Errorf("%q: the sheet is lost: %v", tt.answer, err)
			continue
		}
		v, _ := s.Answer("genocide")
		town, _ := s.Answer("town")
		if v.Text != tt.want || v.Line != 7 || town.Text != "Khojaly" {
			t.Errorf("%q: genocide %q (line %d), town %q; want %q", tt.answer, v.Text, v.Line, town.Text, tt.want)
		}
		if len(s.Problems) != 1 || !s.Problems[0].Warning || !strings.HasPrefix(s.Problems[0].Error(), `mariam.yaml:7: warning: question "genocide": read as text, as written: `) {
			t.Errorf("%q: want one warning on line 7: %v", tt.answer, s.Problems)
		}
	}
	// A list or mapping under an anchor is YAML structure, not text: read
	// as YAML reads it.
	s, err := Read("mariam.yaml", 0, []byte(typedSheet("&x\n    - b\n    - c", "")))
	if v, _ := s.Answer("genocide"); err != nil || fmt.Sprint(v.List) != "[b c]" {
		t.Errorf("an anchored list: %v %q", err, v.List)
	}
	for _, name := range []string{"&Ana", "!Ana", "*Ana"} {
		s, err := Read("a.yaml", 0, []byte("student: "+name+"\nanswers:\n  town: Khojaly\n"))
		if err != nil || s.Student != name || len(s.Problems) != 1 || s.Problems[0].Field != "student" || s.Problems[0].Line != 1 {
			t.Errorf("student: %s: %v, read %q, problems %v", name, err, s.Student, s.Problems)
		}
	}
}

// When a line with an anchor or tag cannot be read as typed (a student's
// name over two lines), YAML's reading is kept, with a warning that says
// what it left out.
func TestYAMLMarkNotRewrittenIsWarned(t *testing.T) {
	s, err := Read("a.yaml", 0, []byte("student: &Ana\n  Petrosyan\nanswers:\n  town: Khojaly\n"))
	if err != nil || s.Student != "Petrosyan" || len(s.Problems) != 1 || s.Problems[0].Field != "student" ||
		!strings.Contains(s.Problems[0].Error(), `a.yaml:1: warning: student: YAML reads "&Ana" at its start as its own syntax and leaves it out`) {
		t.Errorf("%v, read %q, problems %v", err, s.Student, s.Problems)
	}
}

// The repair passes count lines as YAML does (attack11 #8): after a CR-only
// line end or a U+2028 in an answer, a warning names the line YAML names.
// A U+2028 inside an open answer, at the start of the text after it, keeps
// the answer (and the sheet) readable.
func TestLinesCountedAsYAMLCounts(t *testing.T) {
	for name, src := range map[string]string{
		"CR":     "student: Ana\ranswers:\r  hrw: a\r  town: b\r  region: Karabakh: a region\r  toll: 613\r",
		"LS":     "student: Ana\nanswers:\n  hrw: \"a\u2028b\"\n  region: Karabakh: a region\n  toll: 613\n",
		"NEL":    "student: Ana\nanswers:\n  hrw: \"a\u0085b\"\n  region: Karabakh: a region\n  toll: 613\n",
		"block":  "student: Ana\nanswers:\n  hrw: |\n    a union\u2028of republics\n  region: Karabakh: a region\n  toll: 613\n",
		"inline": "student: Ana\nanswers:\n  hrw: a union\u2029of republics\n  region: Karabakh: a region\n  toll: 613\n",
		// U+2028 as every line's end: each ends a line, as YAML reads it.
		"line ends": "student: Ana\u2028answers:\u2028  hrw: a\u2028  town: b\u2028  region: Karabakh: a region\u2028  toll: 613\u2028",
	} {
		s, err := Read("a.yaml", 0, []byte(src))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		at := 5 // the region line, as YAML counts: a U+2028 ends a line
		if name == "block" {
			at = 6
		}
		region, _ := s.Answer("region")
		toll, _ := s.Answer("toll")
		if region.Text != "Karabakh: a region" || region.Line != at || toll.Text != "613" || toll.Line != at+1 {
			t.Errorf("%s: region %q line %d, toll %q line %d", name, region.Text, region.Line, toll.Text, toll.Line)
		}
		if len(s.Problems) != 1 || s.Problems[0].Line != at || s.Problems[0].Question != "region" {
			t.Errorf("%s: problems %v, want one warning on line %d", name, s.Problems, at)
		}
		if hrw, _ := s.Answer("hrw"); !strings.HasPrefix(hrw.Text, "a") || hrw.Line != 3 {
			t.Errorf("%s: hrw %q line %d", name, hrw.Text, hrw.Line)
		}
	}
}

// A sheet still refused names the answer and the line to fix, in plain
// words (attack11 #1: "invalid YAML: could not find expected ':'" named
// neither).
func TestRefusedSheetNamesQuestionAndLine(t *testing.T) {
	src := "student: Ana\nanswers:\n  # the town?\n  town-name: Khojaly\n  or Xocali\n  hrw: Human Rights Watch: HRW\n  toll: 613\n"
	_, err := Read("a.yaml", 0, []byte(src))
	if err == nil || !strings.Contains(err.Error(), `a.yaml:5: town-name: the line "or Xocali" below it could not be read`) || strings.Contains(err.Error(), "invalid YAML") {
		t.Errorf("got %v", err)
	}
	// attack13 #1: the line at column 0, with or without a colon answer.
	for _, hrw := range []string{"Human Rights Watch: HRW", "HRW"} {
		src := "student: Ana\nanswers:\n  # the town?\n  town-name: Khojaly\nor Xocali\n  hrw: " + hrw + "\n  toll: 613\n"
		_, err := Read("a.yaml", 0, []byte(src))
		if err == nil || !strings.Contains(err.Error(), `a.yaml:5: town-name: the line "or Xocali" below it could not be read`) || strings.Contains(err.Error(), "invalid YAML") {
			t.Errorf("column 0, hrw %q: got %v", hrw, err)
		}
	}
}

// attack13 #9: the comment after "|350 # days" is a comment, as after any
// plain answer: the sheet records it, so a numeric answer reads as 350 with
// a warning that # days was left out, and an open answer keeps it.
func TestBlockIndicatorAnswerComment(t *testing.T) {
	s, err := Read("c7.yaml", 0, []byte("student: A\nbanks: [b]\nanswers:\n  n: |350 # days\n  essay: | they fled # like Khojaly\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"n": "# days", "essay": "# like Khojaly"}
	if len(s.Comments) != 2 {
		t.Fatalf("comments %+v, want %v", s.Comments, want)
	}
	for _, c := range s.Comments {
		if want[c.ID] != c.Text || c.Line != map[string]int{"n": 4, "essay": 5}[c.ID] {
			t.Errorf("comment %+v, want %q", c, want[c.ID])
		}
	}
}

// review22 #1: an open answer "|null # ..." is the student's text, kept to
// mark, never read as YAML's null (unanswered).
func TestBlockIndicatorNullAnswerKept(t *testing.T) {
	for _, v := range []string{"|null # I do not know", "|~ # x", "| NULL # x"} {
		s, err := Read("c7.yaml", 0, []byte("student: A\nbanks: [b]\nanswers:\n  essay: "+v+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		a, ok := s.Answer("essay")
		want := strings.TrimSpace(strings.TrimPrefix(v, "|"))
		if !ok || a.Text != want {
			t.Errorf("%s: answer %+v (ok %v), want the text %q kept", v, a, ok, want)
		}
	}
}
