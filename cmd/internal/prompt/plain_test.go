package prompt

import (
	"bytes"
	"strings"
	"testing"
)

// A line longer than MaxLine is skipped with a message, held nowhere and not
// echoed; the next line is the answer (issue 14, item 12).
func TestPlainCapsLongLines(t *testing.T) {
	in := strings.Repeat("a", 3*MaxLine) + "\n" + strings.Repeat("b", MaxLine) + "\r\n"
	var out bytes.Buffer
	p := NewPlain(strings.NewReader(in), &out, true)
	got, err := p.Input("Name?", nil)
	if err != nil || got != strings.Repeat("b", MaxLine) {
		t.Fatalf("Input = %d bytes, %v; want the second line, exactly MaxLine long", len(got), err)
	}
	if !strings.Contains(out.String(), "longer than 64 KB") {
		t.Errorf("no message about the long line:\n%.300s", out.String())
	}
	if out.Len() > 2*MaxLine {
		t.Errorf("wrote %d bytes: the long line was echoed", out.Len())
	}
	// An endless last line is skipped too, and the input then ends.
	p = NewPlain(strings.NewReader(strings.Repeat("c", 2*MaxLine)), &out, true)
	if _, err := p.Input("Name?", nil); err == nil {
		t.Error("an over-long last line was taken as an answer")
	}
}

// teacher15 P1: a line typed at "Leave this question blank?" that is not y
// or n is the answer, except that "n" and a space before it are No: it
// goes. "n" before a letter, and "no", may start an answer and are kept.
func TestConfirmNoThenAnswer(t *testing.T) {
	for line, want := range map[string]string{
		"n it is in Azerbaijan": "it is in Azerbaijan",
		"N  Both sides":         "Both sides",
		"nit is in Azerbaijan":  "nit is in Azerbaijan",
		"Nagorno-Karabakh":      "Nagorno-Karabakh",
		"no, refugees":          "no, refugees",
		"No court has ruled":    "No court has ruled",
		"nobody":                "nobody",
		"y it is":               "y it is",
		"n ":                    "",
	} {
		if got := noThenAnswer(line); got != want {
			t.Errorf("noThenAnswer(%q) = %q, want %q", line, got, want)
		}
		if line == "n " {
			continue // a line of its own is "n": No, nothing carried
		}
		var out bytes.Buffer
		p := NewPlain(strings.NewReader(line+"\n"), &out, true)
		if ok, err := p.Confirm("Leave this question blank?", false); ok || err != nil {
			t.Fatalf("Confirm on %q = %v, %v; want No", line, ok, err)
		}
		if got, err := p.Input("Your answer?", nil); got != want || err != nil {
			t.Errorf("after %q at the confirm, the answer is %q (%v), want %q", line, got, err, want)
		}
	}
}

// A line read otherwise than as written is read as a sheet reads it, and
// the reading is said under it (teacher15 P4, P6): one word of one option,
// True or False with a reason. A word in two options is asked again,
// naming them.
func TestPlainSaysALooseReading(t *testing.T) {
	options := []string{"Adviser to Armenia's president", "Researcher for Human Rights Watch",
		"Western journalist reporting from Khojaly", "Journalist for the Minsk Group"}
	var out bytes.Buffer
	p := NewPlain(strings.NewReader("Journalist\nAdviser\n"), &out, true)
	i, err := p.Select("Libaridian's role?", options)
	if err != nil || i != 0 {
		t.Fatalf("Select = %d, %v; want 0", i, err)
	}
	for _, want := range []string{
		`"Journalist" is a word of 2 options, c) "Western journalist reporting from Khojaly" and d) "Journalist for the Minsk Group"; write the letter of the one you mean.`,
		`"Adviser" read as a) "Adviser to Armenia's president", the one option with that word (next time, write a) alone).`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in:\n%s", want, out.String())
		}
	}
	for _, tt := range []struct {
		line string
		want int
		note string
	}{
		{"True: Azerbaijani government", 0, `"True: Azerbaijani government" read as True, the words after it not read (next time, write True alone).`},
		{"False - it was 1994", 1, "read as False"},
		{"false", 1, ""},
	} {
		out.Reset()
		p := NewPlain(strings.NewReader(tt.line+"\n"), &out, false)
		i, err := p.Select("True or false?", []string{"True", "False"})
		if err != nil || i != tt.want || !strings.Contains(out.String(), tt.note) || tt.note == "" && strings.Contains(out.String(), "read as") {
			t.Errorf("%q = %d, %v; want %d, saying %q:\n%s", tt.line, i, err, tt.want, tt.note, out.String())
		}
	}
}

// A typed line that pairs one left side twice, in any two spellings ("1"
// and "01", a number and the item's text, another case), is asked again
// with the message a sheet gives, as other bad lines are; the next good
// line is the answer (review13-s24: the last pair silently won).
func TestPlainMatchLeftSideTwiceAskedAgain(t *testing.T) {
	left := []string{"Khojaly", "Şuşa"}
	right := []string{"Xocalı", "Shushi"}
	for line, want := range map[string]string{
		"1=a 01=b 2=b":         `Left side "01" given twice (first as "1").`,
		"1=a, khojaly=b, 2=b":  `Left side "khojaly" given twice (first as "1").`,
		"Şuşa=b, SUSA=a, 1=a":  `Left side "SUSA" given twice (first as "Şuşa").`,
		"1=a 1=a 2=b":          `Left side "1" given twice.`,
		"Khojaly=a; KHOJALY=b": `Left side "KHOJALY" given twice (first as "Khojaly").`,
	} {
		var out bytes.Buffer
		p := NewPlain(strings.NewReader(line+"\n1=b 2=a\n"), &out, true)
		m, err := p.Match("Match the names.", left, right)
		if err != nil || len(m) != 2 || m[0] != 1 || m[1] != 0 {
			t.Errorf("%q: Match = %v, %v; want the second line's [1 0]", line, m, err)
		}
		if !strings.Contains(out.String(), want) || strings.Count(out.String(), "Your pairs") != 2 {
			t.Errorf("%q: not asked again with %q:\n%s", line, want, out.String())
		}
	}
}
