package yamlnode_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"maps"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// sameTree reports the first difference between two trees in what any
// reader of a tree sees, head and foot comments aside: each node's kind,
// style, tag, value, anchor, line, column, line comment, the node an alias
// names (at the same place of its tree) and its children.
func sameTree(a, b *yaml.Node) error {
	pairs := map[*yaml.Node]*yaml.Node{}
	var walk func(a, b *yaml.Node, path string) error
	walk = func(a, b *yaml.Node, path string) error {
		if (a == nil) != (b == nil) {
			return fmt.Errorf("%s: nil %v, %v", path, a == nil, b == nil)
		}
		if a == nil {
			return nil
		}
		pairs[a] = b
		if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor ||
			a.Line != b.Line || a.Column != b.Column || a.LineComment != b.LineComment || len(a.Content) != len(b.Content) {
			return fmt.Errorf("%s: %+v\nand %+v", path, *a, *b)
		}
		if a.Alias != nil || b.Alias != nil {
			if a.Alias == nil || b.Alias == nil || pairs[a.Alias] != b.Alias {
				return fmt.Errorf("%s (line %d): the aliases name different nodes", path, a.Line)
			}
		}
		for i := range a.Content {
			if err := walk(a.Content[i], b.Content[i], path+"/"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(a, b, "")
}

// same parses data with its comments cut (whatever their share) and as
// written, and fails t where the two differ in tree, second document or
// error. It returns whether the cut copy gave the tree. (With a share too
// small to cut, Parse parses data as written: the oracle itself.)
func same(t *testing.T, name string, data []byte) bool {
	t.Helper()
	want := yamlnode.Uncut(data)
	got, cut := yamlnode.Decode(data, true)
	if fmt.Sprint(got.Err) != fmt.Sprint(want.Err) || got.Second != want.Second {
		t.Fatalf("%s (cut %v): error %v, second %d; as written %v, %d\n%q", name, cut, got.Err, got.Second, want.Err, want.Second, data)
	}
	if err := sameTree(&got.Doc, &want.Doc); err != nil {
		t.Fatalf("%s (cut %v): trees differ: %v\n%q", name, cut, err, data)
	}
	return cut
}

// fuzzInputs reads the strings and byte slices of a Go fuzz corpus file.
func fuzzInputs(data []byte) [][]byte {
	var out [][]byte
	for _, line := range strings.Split(string(data), "\n") {
		for _, prefix := range []string{"[]byte(", "string("} {
			if lit, ok := strings.CutPrefix(line, prefix); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(lit, ")")); err == nil {
					out = append(out, []byte(s))
				}
			}
		}
	}
	return out
}

// Every YAML file of the repository (banks, sheets, settings, test
// fixtures) and every input of the fuzz corpora parses alike with comments
// cut and as written.
func TestCutCommentsRepoFiles(t *testing.T) {
	files, cut := 0, 0
	err := filepath.WalkDir("../../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(path)
		fuzz := strings.Contains(filepath.ToSlash(path), "/testdata/fuzz/")
		if ext != ".yaml" && ext != ".yml" && !fuzz {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		inputs := [][]byte{data}
		if fuzz {
			inputs = fuzzInputs(data)
		}
		for i, in := range inputs {
			files++
			if same(t, fmt.Sprintf("%s #%d", path, i), in) {
				cut++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d inputs, %d of them parsed with comments cut", files, cut)
	if files < 60 || cut < 10 {
		t.Fatalf("%d inputs, %d of them parsed with comments cut: the walk missed the repository", files, cut)
	}
}

// writtenFiles are the YAML files conflictq writes from its built-in
// banks: a blank sheet and a key (sheet, sheet --key) of every question in
// several orders, a few questions' sheets, and each bank (bank export
// --format yaml).
func writtenFiles(t testing.TB) map[string][]byte {
	t.Helper()
	lib := &quiz.Library{Embedded: assets.Banks(), Compiled: assets.CompiledBank, Generated: assets.GeneratedBanks}
	out := map[string][]byte{}
	for _, name := range lib.Names() {
		b, _, err := lib.Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf bytes.Buffer
		if err := b.WriteYAML(&buf); err != nil {
			t.Fatal(err)
		}
		out[name+" bank"] = buf.Bytes()
		for seed := uint64(0); seed < 3; seed++ {
			qs := quiz.Present(b.Questions, seed)
			for _, n := range []int{len(qs), 5, 2} {
				for _, key := range []bool{false, true} {
					l := sheet.Layout{Banks: []string{name}, Seed: seed, Key: key}
					if key {
						l.Student = sheet.KeyStudent
					}
					var buf bytes.Buffer
					if err := sheet.WriteYAML(&buf, qs[:min(n, len(qs))], l); err != nil {
						t.Fatal(err)
					}
					out[fmt.Sprintf("%s seed %d n %d key %v", name, seed, n, key)] = buf.Bytes()
				}
			}
		}
	}
	if len(out) < 5*13 {
		t.Fatalf("%d files written", len(out))
	}
	return out
}

// Every sheet, key and bank conflictq writes, with its line ends and with
// CRLF, parses alike with comments cut and as written, and a sheet's parse
// does cut them (what makes reading one cheaper).
func TestCutCommentsWrittenFiles(t *testing.T) {
	for name, data := range writtenFiles(t) {
		if !same(t, name, data) && !strings.HasSuffix(name, " bank") {
			t.Errorf("%s: parsed as written, not with comments cut", name)
		}
		crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")) // as a Windows editor saves it
		same(t, name+" crlf", crlf)
		for _, text := range [][]byte{data, crlf} {
			if _, cut := yamlnode.Decode(text, false); !cut && strings.Contains(name, " n 5 ") {
				t.Errorf("%s: Parse parses it as written, not with comments cut", name)
			}
		}
	}
}

// hostile are texts where a '#' first on a line is not, or not only, a
// comment, or where the text around one is unusual: each must parse alike
// with comments cut and as written (the cut copy refused where it would
// read otherwise).
var hostile = []string{
	// In block scalars: first line, later lines, with indentation
	// indicators and chomping, less indented (ending the block), top level.
	"a: |\n  # first\n  b\n",
	"a: |\n  b\n  # later\n  c\n",
	"a: >\n  b\n  # later\n\n  c\n",
	"a: |2\n   # more\n  b\n",
	"a: |-\n  b\n  # last\n",
	"a: |+\n  b\n\n  # last\n\n",
	"a: >-\n    b\n  # less, ends it\nc: d\n",
	"a: |\n  b\n# column 0 ends it\nc: d\n",
	"a: |\n    b\n   # less\n",
	"a: |1\n  # indicator 1\n",
	"- |\n  # in a list\n- >\n  x\n  # y\n",
	"|\n  # top level\n",
	"|\n# top level, column 0\nx\n",
	">\n # one space\n",
	"a: |\n\n  # after an empty line\n",
	"a: |\n  \n  # after a line of spaces\n",
	"a: | # header comment\n  # body\n",
	"a:\n  b: |\n    x\n  # foot\n  c: |\n    # head\n",
	"? |\n  # key\n: v\n",
	// In quoted scalars, one or several lines.
	"a: 'b\n  # c'\n",
	"a: \"b\n  # c\"\n",
	"a: \"b\\\n  # escaped break\"\n",
	"a: 'b\n# c' \n",
	"id: \"a\n# b\"\n",
	"id: \"a\n# b\" x\nc: d\n",
	"id: 'a\n  # b' # line\n",
	"\"k\n # ey\": v\n",
	"a: \"\n  #\n  \"\n",
	"a: \"x\n  # b\n  c: d\n",
	// In flow collections.
	"a: [1,\n  # c\n  2]\n",
	"a: {b: 1,\n# c\n c: 2}\n",
	"[\n# c\n]\n",
	"a: [b\n  # c\n  ]\n",
	"{a: 'x\n # y'}\n",
	"a: [\"x\n  # y\"]\n",
	// After plain scalars of several lines: a comment ends one.
	"a: b\n  c\n  # d\n",
	"a: b\n  c\n  # d\n  e\n",
	"a: b\n  # c\n  d\n",
	"a: b\n# c\n  d\n",
	"- b\n  c\n  # d\n  e\n",
	"b\nc\n# d\n",
	"b\n# d\ne\n",
	"a: [b\n  c\n  # d\n  e]\n",
	// Tabs, CRLF, a BOM, line breaks YAML 1.1 reads.
	"a: 1\n\t# tab\n",
	"a: 1\n  \t# tab\n",
	"a: |\n  b\n\t# tab\n",
	"a: 1\r\n  # crlf\r\nb: 2\r\n",
	"a: |\r\n  b\r\n  # crlf\r\n",
	"a: 1\r\n# crlf at the end\r\n",
	"a: 1\n# cr alone\rb: 2\n",
	"\ufeff# bom\na: 1\n",
	"\ufeffa: 1\n# after a bom\n",
	"a: 1\n# ls\u2028b: 2\n",
	"a: 1\n# ps\u2029b: 2\n",
	"a: 1\n# nel\u0085b: 2\n",
	"a: 1\n# control \x01\n",
	"a: 1\n# del \x7f\n",
	"a: 1\n# bad \xff utf-8\n",
	"a: 1\n# surrogate \xed\xa0\x80\n",
	"a: 1\n# bom \ufeff inside\n",
	"a: 1\n# nonchar \uffff\n",
	"a: 1\n# fine Xocalı — «ok» 😀\n",
	// Column 0 in every context.
	"# head\na: 1\n",
	"a:\n# between key and value\n  1\n",
	"a:\n# between key and list\n- 1\n",
	"- 1\n# between items\n- 2\n",
	"a:\n  b: 1\n# dedented\n  c: 2\n",
	"a: 1\n# foot\n",
	"a: 1\n#\n",
	"---\n# after a marker\na: 1\n...\n# after the end\n",
	"a: 1\n---\n# second document\nb: 2\n",
	"a: 1\n---\n# empty second document\n",
	"a: 1\n---\n---\n# third\nb: [\n",
	"%YAML 1.1\n# after a directive\n---\na: 1\n",
	// Line comments, which sheets read.
	"id: #\n",
	"id: a #\n",
	"id: #\n  #\n",
	"id: a #\n  # b\n",
	"id: # x\n  # y\nb: 2\n",
	"answers:\n  q1:\n  # 2. question\n  q2: b #\n",
	"answers:\n  q1: # c\n  # 2. question\n  q2:\n",
	"- # x\n  # y\n  a: 1\n",
	"- a # x\n  # y\n- b\n",
	"a:\n  - b # c\n  # d\n  - e\n",
	// Anchors, aliases, tags around comments.
	"a: &x\n  # c\n  b: 1\nd: *x\n",
	"a: !!str\n  # c\n  b\n",
	"a: &x |\n  # c\n",
	"a: !t 'q\n # r'\n",
	// Errors before, at and after comments.
	"a: [\n# c\n",
	"a: \"\n# c\n",
	"a: b: c\n# c\n",
	"# c\n\t- a\n",
	"a:\n  # c\n b: 1\n",
	"a: 1\n  # c\n    b: 2\n",
	"",
	"#",
	"   #",
	"# only\n  # comments\n",
}

// The hostile texts, and each with CRLF line ends, parse alike with
// comments cut and as written; some are cut and some fall back. So do
// texts with a byte order mark past their start after comments of every
// length up to twice the parser's buffer: yaml.v3 skips a character at a
// line's start when its buffer begins with one, so where the buffer starts
// matters there.
func TestCutCommentsHostile(t *testing.T) {
	cut, kept := 0, 0
	for i, s := range hostile {
		for _, text := range []string{s, strings.ReplaceAll(s, "\n", "\r\n"), "# " + strings.Repeat("x", 80) + "\n" + s} {
			if same(t, fmt.Sprintf("hostile %d", i), []byte(text)) {
				cut++
			} else {
				kept++
			}
		}
	}
	for pad := range 1100 {
		for _, tail := range []string{"\ufeffb: 1\nc: 2\n", "a: x\ufeffy\n\ufeffb: 1\n", "  # \ufeff\nb: 1\n"} {
			text := "# " + strings.Repeat("x", pad) + "\n  # " + strings.Repeat("y", 200) + "\n" + tail
			same(t, fmt.Sprintf("byte order mark after %d", pad), []byte(text))
		}
	}
	t.Logf("%d texts parsed with comments cut, %d as written", cut, kept)
	if cut < 50 || kept < 50 {
		t.Fatalf("%d texts parsed with comments cut, %d as written: the cases do not test both ways", cut, kept)
	}
}

// commentTexts are what follows a '#' in mutated sheets: plain words, YAML
// syntax, quotes that would close a scalar, and characters the reader
// refuses or reads as a line break.
var commentTexts = []string{"", " 1. Which town? (one choice)", "#", " a: 1", " \"", " '", "\"", "'", " |", " - x", " ]", " }", " ---",
	" \t", "\t", " x\r", " x\ry: 2", " \u2028z: 3", " \u0085", " \x01", " \xff", " \ufeff", " Xocalı «x»", " #", ": b", " b\" c: d"}

// openers end a line of a mutated sheet: they start block and quoted
// scalars, flow collections, comments, anchors and tags.
var openers = []string{" |", " >", " |2", " |-", " >+", " \"a", " 'a", " [a,", " {a: 1,", " #", " # x", " &x", " !t", " \"a\\", "", " b", " x\ufeff", "\n\ufeffk: v"}

// mutate inserts comment lines, scalar openers and line edits at random
// into sheet.
func mutate(r *rand.Rand, sheet []byte) []byte {
	lines := strings.Split(string(sheet), "\n")
	for n := 1 + r.IntN(5); n > 0; n-- {
		at := r.IntN(len(lines) + 1)
		indent := strings.Repeat(" ", r.IntN(9))
		if r.IntN(10) == 0 {
			indent = indent[:len(indent)/2] + "\t" + indent[len(indent)/2:]
		}
		comment := indent + "#" + commentTexts[r.IntN(len(commentTexts))]
		switch k := r.IntN(10); {
		case k < 5: // a comment line
			lines = append(lines[:at], append([]string{comment}, lines[at:]...)...)
		case k < 8 && at < len(lines): // an opener, then a comment line, maybe text
			lines[at] += openers[r.IntN(len(openers))]
			more := []string{comment}
			if r.IntN(2) == 0 {
				more = append(more, indent+"  text"+openers[r.IntN(len(openers))])
			}
			lines = append(lines[:at+1], append(more, lines[at+1:]...)...)
		case k < 9 && at < len(lines): // a line moved in or out
			if r.IntN(2) == 0 {
				lines[at] = "  " + lines[at]
			} else {
				lines[at] = strings.TrimPrefix(lines[at], " ")
			}
		case at < len(lines): // a line left out
			lines = append(lines[:at], lines[at+1:]...)
		}
	}
	out := strings.Join(lines, "\n")
	if r.IntN(10) == 0 {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	if r.IntN(20) == 0 {
		out = "\ufeff" + out
	}
	return []byte(out)
}

// Real sheets with comment lines, scalar openers and line edits inserted at
// random parse alike with comments cut and as written: 12,000 of them.
func TestCutCommentsMutations(t *testing.T) {
	written := writtenFiles(t)
	var bases [][]byte
	for _, name := range slices.Sorted(maps.Keys(written)) { // the same cases each run
		if strings.Contains(name, " n 2 ") {
			bases = append(bases, written[name])
		}
	}
	r := rand.New(rand.NewPCG(26, 13))
	cut, kept := 0, 0
	for i := range 12_000 {
		base := bases[r.IntN(len(bases))]
		if same(t, fmt.Sprintf("mutation %d", i), mutate(r, base)) {
			cut++
		} else {
			kept++
		}
	}
	t.Logf("%d parsed with comments cut, %d as written", cut, kept)
	if cut < 3000 || kept < 3000 {
		t.Fatalf("%d parsed with comments cut, %d as written: the mutations do not test both ways", cut, kept)
	}
}

// A tree where a block or quoted scalar holds a '#', or a line comment
// holds a line that is "#" alone (what a cut comment leaves), is not taken
// from the cut copy. yaml.v3 makes a line comment only of text on its
// token's own line, which is never cut: the second half guards against a
// parser that would do otherwise.
func TestCutUnseen(t *testing.T) {
	for _, c := range []struct {
		n    yaml.Node
		want bool
	}{
		{yaml.Node{Kind: yaml.ScalarNode, Value: "a # b"}, true},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "a # b", Style: yaml.TaggedStyle}, true},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "a\n#", Style: yaml.LiteralStyle}, false},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "#", Style: yaml.FoldedStyle}, false},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "a #", Style: yaml.SingleQuotedStyle}, false},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "a #", Style: yaml.DoubleQuotedStyle | yaml.TaggedStyle}, false},
		{yaml.Node{Kind: yaml.ScalarNode, Value: "a", Style: yaml.DoubleQuotedStyle}, true},
		{yaml.Node{Kind: yaml.ScalarNode, LineComment: "# a"}, true},
		{yaml.Node{Kind: yaml.ScalarNode, LineComment: "#a\n## b"}, true},
		{yaml.Node{Kind: yaml.ScalarNode, LineComment: "#"}, false},
		{yaml.Node{Kind: yaml.ScalarNode, LineComment: "#\n# b"}, false},
		{yaml.Node{Kind: yaml.ScalarNode, LineComment: "# a\n#"}, false},
		{yaml.Node{Kind: yaml.ScalarNode, LineComment: "# a\n#\n# b"}, false},
		{yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "k"}, {Kind: yaml.ScalarNode, Value: "#", Style: yaml.LiteralStyle}}}, false},
		{yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "a", LineComment: "#"}}}, false},
		{yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "a", HeadComment: "#\n#", FootComment: "#"}}}, true},
	} {
		if got := yamlnode.CutUnseen(&c.n); got != c.want {
			t.Errorf("%+v: %v, want %v", c.n, got, c.want)
		}
	}
}

// FuzzCutComments: any text parses alike with comments cut and as written.
func FuzzCutComments(f *testing.F) {
	for _, s := range hostile {
		f.Add([]byte(s))
	}
	f.Add([]byte("answers:\n  # 1. Which town?\n  #    a) Khojaly\n  town: a # Khojaly\n  # 2. Why?\n  why: |\n    # not a comment\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		same(t, "fuzz", data)
	})
}

// notText, eight bytes at a time, finds the first byte that is not
// printable ASCII, as a byte at a time does: for every byte value in every
// place of words of printable text, and for random words.
func TestNotText(t *testing.T) {
	check := func(b []byte) {
		want := 8
		for i, c := range b {
			if c < 0x20 || c > 0x7E {
				want = i
				break
			}
		}
		got := 8
		if m := yamlnode.NotText(binary.LittleEndian.Uint64(b)); m != 0 {
			got = bits.TrailingZeros64(m) >> 3
		}
		if got != want {
			t.Fatalf("% x: first at %d, want %d", b, got, want)
		}
	}
	for _, base := range []string{"abcdefgh", "        ", "~~~~~~~~", "\x20\x7e\x20\x7e\x20\x7e\x20\x7e"} {
		for i := range 8 {
			for c := range 256 {
				b := []byte(base)
				b[i] = byte(c)
				check(b)
				for j := range 8 {
					if j != i {
						b2 := bytes.Clone(b)
						b2[j] = byte(255 - c)
						check(b2)
					}
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(8, 8))
	for range 100_000 {
		b := binary.LittleEndian.AppendUint64(nil, r.Uint64())
		for i := range b {
			if r.IntN(4) != 0 {
				b[i] = byte(0x20 + r.IntN(0x5F)) // mostly printable, so both answers come
			}
		}
		check(b)
	}
}
