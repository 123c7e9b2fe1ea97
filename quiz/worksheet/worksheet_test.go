package worksheet

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

func sample(t *testing.T) *quiz.Bank { return testfiles.Bank(t, "sample.yaml") }

func golden(t *testing.T, name string, got []byte) { testfiles.Golden(t, name, got) }

func TestGolden(t *testing.T) {
	b := sample(t)
	for _, tc := range []struct {
		file  string
		write func(io *bytes.Buffer, b *quiz.Bank) error
	}{
		{"sample.md", func(w *bytes.Buffer, b *quiz.Bank) error { return Markdown(w, b) }},
		{"sample.tsv", func(w *bytes.Buffer, b *quiz.Bank) error { return Anki(w, b) }},
	} {
		var buf bytes.Buffer
		if err := tc.write(&buf, b); err != nil {
			t.Fatal(err)
		}
		golden(t, tc.file, buf.Bytes())
	}
}

// The answer key's letters name the options the worksheet shows under them.
func TestKeyMatchesOptions(t *testing.T) {
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		b := assets.CompiledBank(name)
		var buf bytes.Buffer
		if err := Markdown(&buf, b); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		questions, key, ok := strings.Cut(out, "\n## Answer key\n")
		if !ok {
			t.Fatalf("%s: no answer key", name)
		}
		graded := 0
		for _, q := range b.Questions {
			if q.Type != quiz.Info {
				graded++
			}
		}
		for _, part := range []string{questions, key} {
			if n := len(regexp.MustCompile(`(?m)^\*\*\d+\.\*\* `).FindAllString(part, -1)); n != graded {
				t.Errorf("%s: %d numbered entries, want %d", name, n, graded)
			}
		}
		// Each single-choice answer "b) text" appears as the option "- b) text".
		for _, m := range regexp.MustCompile(`(?m)^\*\*(\d+)\.\*\* ([a-j]\) [^\\\n;]+)\\$`).FindAllStringSubmatch(key, -1) {
			if !strings.Contains(questions, "\n- "+m[2]+"\n") {
				t.Errorf("%s: key %s: %q is not an option shown", name, m[1], m[2])
			}
		}
		if strings.Contains(out, "\t") {
			t.Errorf("%s: a tab in the worksheet", name)
		}
	}
}

func TestAnkiLines(t *testing.T) {
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		b := assets.CompiledBank(name)
		var buf bytes.Buffer
		if err := Anki(&buf, b); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		if lines[0] != "#separator:tab" || lines[1] != "#html:true" || lines[2] != "#tags column:3" {
			t.Fatalf("%s: headers %q", name, lines[:3])
		}
		cards := lines[3:]
		if len(cards) != len(b.Questions) {
			t.Errorf("%s: %d cards, want %d", name, len(cards), len(b.Questions))
		}
		for i, l := range cards {
			fields := strings.Split(l, "\t")
			if len(fields) != 3 || fields[0] == "" || fields[1] == "" || strings.ContainsAny(l, "\"\r") || strings.HasPrefix(l, "#") {
				t.Errorf("%s card %d: %q", name, i+1, l)
			}
			if len(fields) == 3 && !slices.Contains(strings.Fields(fields[2]), name) {
				t.Errorf("%s card %d: tags %q lack the bank id", name, i+1, fields[2])
			}
		}
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, block, field string }{
		{"Khojaly (Xocalı)", "Khojaly (Xocalı)", "Khojaly (Xocalı)"},
		{"The town of _____ in 1992", "The town of _____ in 1992", "The town of _____ in 1992"},
		{"snake_case and _em_ and (____)", `snake\_case and \_em\_ and (\_\_\_\_)`, "snake_case and _em_ and (____)"},
		{"*a* `b` [c](d) <e> f|g ~~h~~ \\", `\*a\* \` + "`b\\` " + `\[c\](d) \<e> f\|g \~\~h\~\~ \\`, "*a* `b` [c](d) &lt;e&gt; f|g ~~h~~ \\"},
		{"Tom & Jerry &amp; &#35;", `Tom & Jerry \&amp; \&#35;`, "Tom &amp; Jerry &amp;amp; &amp;#35;"},
		{"# one\n> two\n- three\n12. four\n+five\n===", "\\# one\\\n\\> two\\\n\\- three\\\n12\\. four\\\n\\+five\\\n\\===", "&#35; one<br>&gt; two<br>- three<br>12. four<br>+five<br>==="},
		{"say \"hi\"\tthere", "say \"hi\"\tthere", "say &#34;hi&#34;&#9;there"},
		{"#hash first", `\#hash first`, "&#35;hash first"},
	} {
		if got := block(tc.in); got != tc.block {
			t.Errorf("block(%q) = %q, want %q", tc.in, got, tc.block)
		}
		if got := field(tc.in); got != tc.field {
			t.Errorf("field(%q) = %q, want %q", tc.in, got, tc.field)
		}
	}
	if got := letter(27); got != "ab" {
		t.Errorf("letter(27) = %q", got)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	b := sample(t)
	if err := Markdown(failWriter{}, b); err == nil {
		t.Error("Markdown: no error")
	}
	if err := Anki(failWriter{}, b); err == nil {
		t.Error("Anki: no error")
	}
	// A bank with no questions still makes a (short) worksheet.
	var buf bytes.Buffer
	if err := Markdown(&buf, &quiz.Bank{ID: "empty", Title: "Empty"}); err != nil || !strings.HasPrefix(buf.String(), "# Empty\n") || strings.Contains(buf.String(), "Answer key") {
		t.Errorf("%v %q", err, buf.String())
	}
}

// A prompt that says "Choose all that apply." gets no second hint.
func TestMultiHintOnce(t *testing.T) {
	var buf bytes.Buffer
	b := assets.CompiledBank("comprehension")
	if err := Markdown(&buf, b); err != nil {
		t.Fatal(err)
	}
	multi := 0
	for _, q := range b.Questions {
		if q.Type == quiz.Multi {
			multi++
		}
	}
	if n := strings.Count(strings.ToLower(buf.String()), "all that apply"); n != multi {
		t.Errorf(`"all that apply" appears %d times; want once for each of the %d multi questions`, n, multi)
	}
	if strings.Contains(buf.String(), "apply. *(Choose all that apply.)*") {
		t.Error("a prompt's own hint is doubled")
	}
}

// The answer key names every fully right choice and the part marks.
func TestKeyShowsCredit(t *testing.T) {
	b := &quiz.Bank{ID: "c", Title: "C", Questions: []*quiz.Question{
		{ID: "half", Bank: "c", Type: quiz.Single, Prompt: "Which?", Choices: []string{"wrong", "half", "full", "also full"}, Correct: []int{2}, Credit: []float64{0, 0.5, 1, 1}, Points: 1, Line: 1},
	}}
	var buf bytes.Buffer
	if err := Markdown(&buf, b); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{") full", ") also full", "(part marks: half: 50%)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the worksheet lacks %q:\n%s", want, out)
		}
	}
}

// The key's matching answer, copied onto the answer sheet as it is printed,
// reads back as the right answer (teacher3 A1: the key wrote "1 c, 2 d" and
// the sheet refused it).
func TestKeyMatchReadsBack(t *testing.T) {
	const seed = 42
	checked := 0
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		for _, p := range present(assets.CompiledBank(name), seed) {
			if p.Type != quiz.Match {
				continue
			}
			pairs, _, _ := strings.Cut(answerKey(p), ": ")
			if !strings.Contains(pairs, "=") {
				t.Errorf("%s: key %q does not write pairs as number=letter", p.ID, pairs)
			}
			s := uint64(seed)
			r, err := p.Resolve(quiz.Typed(pairs), &s)
			if err != nil {
				t.Errorf("%s: the key's %q is refused: %v", p.ID, pairs, err)
				continue
			}
			if got := quiz.Score(p.Question, r); got != 1 {
				t.Errorf("%s: the key's %q scores %v, want 1", p.ID, pairs, got)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no match question in the banks")
	}
}
