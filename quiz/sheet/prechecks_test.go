package sheet

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
)

// precheckSheets are the sheets the prechecks are held on: the attackers'
// sheets, every YAML file of the command scripts, and sheets with open
// answers written at, under and past their id's indent, with blank lines,
// comments, chomping, CRLF and U+2028 among them.
func precheckSheets(t *testing.T) [][]byte {
	t.Helper()
	var out [][]byte
	files, _ := filepath.Glob("testdata/attack1*/*.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	scripts, _ := filepath.Glob("../../cmd/testdata/script/*.txtar")
	for _, sc := range scripts {
		ar, err := txtar.ParseFile(sc)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".yaml") {
				out = append(out, f.Data)
			}
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d sheets", len(out))
	}
	for _, s := range []string{
		"student: A\nanswers:\n  essay: |\n  The answer at the id's indent\n  q2: b\n",
		"student: A\nanswers:\n  essay: |\n    Indented as it should be\n  q2: b\n",
		"student: A\nanswers:\n  essay: |\n\n  After a blank line\n",
		"student: A\nanswers:\n  essay: |\n   \n  After spaces\n",
		"student: A\nanswers:\n  essay: >-\n  Folded, chomped\n",
		"student: A\nanswers:\n  essay: |+\n  # a comment\n  q2: b\n",
		"student: A\nanswers:\n  essay: |\n",
		"student: A\nanswers:\n  essay: |",
		"student: A\nanswers:\n  essay: |\r\n  CRLF at the id's indent\r\n",
		"student: A\nanswers:\n  essay: |\n  one\u2028two\n",
		"student: A\nanswers:\n  essay: |\n\u00a0\n  after a no-break space\n",
		"student: A\nanswers:\n  essay: |  \n  trailing spaces after the bar\n",
		"student: A\nanswers:\n  essay: \"a |\"\n  x\n",
		"student: &a A\nanswers:\n  q1: *a\n  q2: !x b\n  q3: &c c\n  q4: \"&d\"\n",
		"student: A\nanswers:\n  q1: a & b\n  q2: b ! \n  # q3: !c\n  q4: !!str 5\n",
		"student: A\r\nanswers:\r\n  q1: &x a\r\n",
		"student: A\nanswers: {q1: &x a}\n",
	} {
		out = append(out, []byte(s))
	}
	return out
}

// mutateLines edits a sheet where the prechecks look: a line's indent
// changed, a | or > put at a line's end, a blank line or a line break put
// in or taken out, an &, * or ! put in.
func mutateLines(r *rand.Rand, sheet []byte) []byte {
	lines := strings.SplitAfter(string(sheet), "\n")
	for n := 1 + r.IntN(3); n > 0; n-- {
		i := r.IntN(len(lines))
		l := lines[i]
		switch r.IntN(6) {
		case 0:
			lines[i] = strings.Repeat(" ", r.IntN(5)) + strings.TrimLeft(l, " ")
		case 1:
			lines[i] = strings.TrimRight(l, "\n") + []string{" |", " >", " |-", "|", " | "}[r.IntN(5)] + "\n"
		case 2:
			lines = slices.Insert(lines, i, []string{"\n", "   \n", "  # c\n", "  x\n"}[r.IntN(4)])
		case 3:
			lines = slices.Delete(lines, i, i+1)
			if len(lines) == 0 {
				return nil
			}
		case 4:
			at := r.IntN(len(l) + 1)
			lines[i] = l[:at] + []string{"&", "*", "!", "&a ", "*a", "!x "}[r.IntN(6)] + l[at:]
		case 5:
			lines[i] = strings.Replace(l, "\n", []string{"\r\n", "\u2028", "\u0085", ""}[r.IntN(4)], 1)
		}
	}
	return []byte(strings.Join(lines, ""))
}

// mayIndentBlocks is a necessary condition of indentBlocksAll's finding an
// answer to indent: where it says no, indentBlocksAll changes nothing.
func TestMayIndentBlocks(t *testing.T) {
	sheets := precheckSheets(t)
	r := rand.New(rand.NewPCG(28, 5))
	passed, found := 0, 0
	check := func(data []byte) {
		fixed, problems := indentBlocksAll(data)
		if problems != nil {
			found++
		}
		if mayIndentBlocks(data, onlyLF(data)) {
			return
		}
		passed++
		if problems != nil || !bytes.Equal(fixed, data) {
			t.Fatalf("mayIndentBlocks said no, but indentBlocksAll fixed %q:\n%q", data, problems)
		}
	}
	for _, s := range sheets {
		check(s)
	}
	for range 20_000 {
		check(mutateLines(r, sheets[r.IntN(len(sheets))]))
	}
	if passed < 5_000 || found < 300 {
		t.Fatalf("only %d texts passed over and %d fixed: the check proves little", passed, found)
	}
}

// yamlOnAnswersAll is yamlOnAnswers as it was before linesHolding: every
// answer's line split off and matched.
func yamlOnAnswersAll(root *yaml.Node, data []byte) map[int]bool {
	if root.Kind != yaml.MappingNode || !bytes.ContainsAny(data, "&*!") {
		return nil
	}
	var lines [][]byte
	var out map[int]bool
	mark := func(key, value *yaml.Node) {
		if value.Kind != yaml.ScalarNode && value.Kind != yaml.AliasNode || key.Line < 1 {
			return
		}
		if lines == nil {
			lines = SplitLines(data)
		}
		if key.Line > len(lines) {
			return
		}
		if m := answerLine().FindStringSubmatch(strings.TrimRight(string(lines[key.Line-1]), lineBreaks)); m != nil && m[2] == key.Value && yamlMark(m[3]) {
			if out == nil {
				out = map[int]bool{}
			}
			out[key.Line] = true
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == "student" && root.Style&yaml.FlowStyle == 0 {
			mark(k, v)
		}
		if k.Value != "answers" || v.Kind != yaml.MappingNode || v.Style&yaml.FlowStyle != 0 {
			continue
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			mark(v.Content[j], v.Content[j+1])
		}
	}
	return out
}

// yamlOnAnswers finds the lines yamlOnAnswersAll finds, on every sheet that
// parses.
func TestYAMLOnAnswersAsAll(t *testing.T) {
	sheets := precheckSheets(t)
	r := rand.New(rand.NewPCG(28, 6))
	parsed, marked := 0, 0
	check := func(data []byte) {
		root, ok := yamlnode.Parse(func(int, string, string, string, ...any) {}, data, false)
		if !ok {
			return
		}
		parsed++
		want, got := yamlOnAnswersAll(root, data), yamlOnAnswers(root, data)
		if len(want) > 0 {
			marked++
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("yamlOnAnswers %v, before %v, of %q", got, want, data)
		}
	}
	for _, s := range sheets {
		check(s)
	}
	for range 8_000 {
		check(mutateLines(r, sheets[r.IntN(len(sheets))]))
	}
	if parsed < 2_000 || marked < 60 {
		t.Fatalf("only %d sheets parsed and %d with marks: the check proves little", parsed, marked)
	}
}

// linesHoldingBefore is linesHolding as it was before it searched for each
// byte on its own: bytes.IndexAny over the rest of the text, a byte at a
// time.
func linesHoldingBefore(data []byte, chars string) []bool {
	if !onlyLF(data) {
		return nil
	}
	held := make([]bool, bytes.Count(data, []byte{'\n'})+2)
	line := 1
	for rest := data; ; {
		i := bytes.IndexAny(rest, chars)
		if i < 0 {
			return held
		}
		line += bytes.Count(rest[:i], []byte{'\n'})
		held[line] = true
		rest = rest[i+1:]
	}
}

// anyByte and linesHolding answer as bytes.ContainsAny and the linesHolding
// before did, on every precheck sheet, their mutations, and random texts
// thick with the marks, line breaks of every kind and bytes near them.
func TestLinesHoldingAsBefore(t *testing.T) {
	sheets := precheckSheets(t)
	r := rand.New(rand.NewPCG(30, 1))
	held := 0
	check := func(data []byte) {
		for _, chars := range []string{yamlMarkBytes, "&", "!*", "#%"} {
			if got, want := anyByte(data, chars), bytes.ContainsAny(data, chars); got != want {
				t.Fatalf("anyByte(%q) %v, bytes.ContainsAny %v, of %q", chars, got, want, data)
			}
			got, want := linesHolding(data, chars), linesHoldingBefore(data, chars)
			if !slices.Equal(got, want) || (got == nil) != (want == nil) {
				t.Fatalf("linesHolding(%q) %v, before %v, of %q", chars, got, want, data)
			}
			if slices.Contains(got, true) {
				held++
			}
		}
	}
	for _, s := range sheets {
		check(s)
	}
	for range 20_000 {
		check(mutateLines(r, sheets[r.IntN(len(sheets))]))
	}
	alphabet := []string{"&", "*", "!", "\n", "\r", "\r\n", "\u2028", "\u0085", "a", " ", "#", "%", "'", "&&", "\n\n"}
	for range 20_000 {
		var b []byte
		for n := r.IntN(40); n > 0; n-- {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		}
		check(b)
	}
	check(nil)
	check([]byte{})
	if held < 10_000 {
		t.Fatalf("only %d texts with a line held: the check proves little", held)
	}
}

// mayIndentBlocksBefore is mayIndentBlocks as it was before it looked only
// at the lines that hold a | or a >: every line split off and trimmed.
func mayIndentBlocksBefore(data []byte) bool {
	if !onlyLF(data) {
		return true
	}
	for rest := data; len(rest) > 0; {
		var line []byte
		line, rest = cutLF(rest)
		t := bytes.TrimRight(line, " \t\r+-")
		if len(t) == 0 || t[len(t)-1] != '|' && t[len(t)-1] != '>' {
			continue
		}
		at := len(line) - len(bytes.TrimLeft(line, " "))
		for len(rest) > 0 {
			next, after := cutLF(rest)
			if len(bytes.TrimSpace(next)) == 0 {
				rest = after
				continue
			}
			if len(next)-len(bytes.TrimLeft(next, " ")) == at {
				return true
			}
			break
		}
	}
	return false
}

// mayIndentBlocks answers as the one before did, on every precheck sheet,
// their mutations, and random texts of the bytes it looks at.
func TestMayIndentBlocksAsBefore(t *testing.T) {
	sheets := precheckSheets(t)
	r := rand.New(rand.NewPCG(30, 3))
	yes, no := 0, 0
	check := func(data []byte) {
		got, want := mayIndentBlocks(data, onlyLF(data)), mayIndentBlocksBefore(data)
		if got != want {
			t.Fatalf("mayIndentBlocks %v, before %v, of %q", got, want, data)
		}
		if got && onlyLF(data) {
			yes++
		} else if !got {
			no++
		}
	}
	for _, s := range sheets {
		check(s)
	}
	for range 20_000 {
		check(mutateLines(r, sheets[r.IntN(len(sheets))]))
	}
	alphabet := []string{"|", ">", "+", "-", " ", "  ", "\t", "\n", "\n", "\n", "a", "a: ", "  a: |", "|-", "\u00a0", "#", "\r"}
	for range 50_000 {
		var b []byte
		for n := r.IntN(30); n > 0; n-- {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		}
		check(b)
	}
	check(nil)
	if yes < 10_000 || no < 10_000 {
		t.Fatalf("%d texts said yes and %d no: the check proves little", yes, no)
	}
}
