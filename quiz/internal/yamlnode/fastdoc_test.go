package yamlnode_test

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
)

// clearComments drops the head and foot comments of every node of a tree,
// which the fast reader does not keep.
func clearComments(n *yaml.Node) {
	n.HeadComment, n.FootComment = "", ""
	for _, c := range n.Content {
		clearComments(c)
	}
}

// fastSame reads data with the fast reader and reports whether it took
// data; when it did, it fails t unless yaml.v3 (Parse's path without the
// fast reader: the oracle) reads data without an error or a second
// document, to the same tree but for head and foot comments.
func fastSame(t testing.TB, name string, data []byte) bool {
	t.Helper()
	got, ok := yamlnode.Fast(data)
	if !ok {
		return false
	}
	for _, want := range []yamlnode.Decoded{yamlnode.Uncut(data), func() yamlnode.Decoded { d, _ := yamlnode.Decode(data, true); return d }()} {
		if want.Err != nil || want.Second != 0 {
			t.Fatalf("%s: the fast reader took a text yaml.v3 refuses (%v, second document at %d)\n%q", name, want.Err, want.Second, data)
		}
		clearComments(&want.Doc)
		if !reflect.DeepEqual(got.Doc, want.Doc) {
			err := sameTree(&got.Doc, &want.Doc)
			t.Fatalf("%s: trees differ: %v\n%q", name, err, data)
		}
	}
	return true
}

// repoInputs are the YAML files of the repository.
func repoInputs(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir("../../..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if err == nil && d.Name() == ".git" {
				return filepath.SkipDir
			}
			return err
		}
		if ext := filepath.Ext(path); ext == ".yaml" || ext == ".yml" {
			data, err := os.ReadFile(path)
			out[path] = data
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fill answers every question of a blank sheet as a student does, some
// with several lines under a '|', and marks its open questions as mark
// does.
func fill(blank []byte, seed int) []byte {
	answers := []string{"a", "true", "Human Rights Watch", "28", "[a, d]", "1=b 2=d 3=c 4=a", "\"Khojaly: Xocalı\"", "Qarabağ", "-5", "0123", "1e3", "I do not know", ""}
	var b strings.Builder
	var open []string
	for i, line := range strings.Split(strings.TrimSuffix(string(blank), "\n"), "\n") {
		b.WriteString(line)
		switch {
		case strings.HasPrefix(line, "  ") && strings.HasSuffix(line, ": |"):
			b.WriteString("\n    The UN Genocide Convention of 1948 (Xocalı): acts done with intent\n\n      to destroy a group, in whole # or in part.")
			open = append(open, strings.TrimSuffix(strings.TrimSpace(line), ": |"))
		case strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "  #") && strings.HasSuffix(line, ":"):
			if a := answers[(i+seed)%len(answers)]; a != "" {
				b.WriteString(" " + a)
			}
		}
		b.WriteString("\n")
	}
	if len(open) > 0 {
		b.WriteString("marks:\n")
		for i, id := range open {
			// As mark writes them (quiz/sheet's marks).
			fmt.Fprintf(&b, "  %s:\n    points: %v\n    comment: names the intent, not the groups\n    marker: root\n    time: \"2026-12-05T01:56:20Z\"\n    answer_sha256: f96933ea4085ae0c\n", id, []string{"1", "0.5", "0"}[i%3])
		}
	}
	return []byte(b.String())
}

// Every YAML file of the repository that the fast reader takes reads to
// yaml.v3's tree.
func TestFastRepoFiles(t *testing.T) {
	taken := 0
	files := repoInputs(t)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if fastSame(t, name, files[name]) {
			taken++
		}
	}
	t.Logf("%d files, the fast reader took %d", len(files), taken)
	if len(files) < 30 || taken < 5 {
		t.Fatalf("%d files, the fast reader took %d: the walk missed the repository", len(files), taken)
	}
}

// Every blank sheet conflictq writes, and each filled in and marked, reads
// with the fast reader to yaml.v3's tree.
func TestFastWrittenFiles(t *testing.T) {
	taken := 0
	for name, data := range writtenFiles(t) {
		if fastSame(t, name, data) {
			taken++
		}
		if strings.HasSuffix(name, " bank") || strings.HasSuffix(name, "key true") {
			continue
		}
		if !fastSame(t, name, data) {
			t.Errorf("%s: the fast reader gave up on a blank sheet", name)
		}
		for seed := range 3 {
			if filled := fill(data, seed); !fastSame(t, name+" filled", filled) {
				t.Errorf("%s: the fast reader gave up on a filled sheet:\n%s", name, filled)
			}
		}
	}
	t.Logf("took %d written files", taken)
}

// fastTaken are texts the fast reader takes, each a trap of yaml.v3's
// reading: tags its resolver gives, columns, nulls, literal blocks.
var fastTaken = []string{
	"key: 0123\n", "key: 089\n", "key: 1_000\n", "key: .5\n", "key: yes\n", "key: null\n", "key: Null\n", "key: NULL\n",
	"key: 2001-12-14\n", "key: 1e3\n", "key: -5\n", "key: -.inf\n", ".inf: .NaN\n", "key: a:b\n", "key: 0x1F\n", "key: 0o17\n",
	"key: +12\n", "key: true\n", "key: False\n", "key: off\n", "key: 1.\n", "key: 2001-12-14t21:59:43.10-05:00\n",
	"1991: a\n", "true: a\n", "null: a\n", "1_0: a\n", "a.b/c_d-e: x\n", ".: x\n",
	"key: []\n", "key: [  ]\n", "key: [a]\n", "key: [a,b]\n", "key: [ a ,  b c  ,d ]\n", "key: [1, 0x2, .5, null, yes, -3]\n",
	"key: [Xocalı, Qarabağ, 😀x, b]\n", "key: [a-b, c.d, e/f, 1=b]\n",
	"key: \"\"\n", "key: \"a\"\n", "key: \"a: b # c\"\n", "key: \"Xocalı\" \n", "key: \"'\"\n",
	"key: a   \n", "key:    a b  c   \n", "key:   \n", "key:\n", "a:\nb:\n", "a:\n  b:\nc:\n",
	"a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", "a:\n\n\n  b: 1\n\n", "a:\n# c\n  b: 1\n", "a:\n  # c\n  b:\n  # d\n",
	"a: |\n  x\n", "a: |\n  x\n  y\n", "a: |\n  x\n\n  y\n", "a: |\n  x\n\n\n", "a: |\n  x\n    y\n  z\n",
	"a: |\n  # text\n", "a: |\n  x\n  # text\nb: 1\n", "a: |\n    x\n    # text\n# comment\n", "a: | \n  x\n", "a: |\nb: 1\n", "a: |\n# c\nb: 1\n",
	"a:\n  b: |\n    x\n  c: |\n  d: |\n      deep\n", "a: |\n  Xocalı\n  y: z # w \"q\"\n  - [x]\n", "a: |\n  x\n \n  y\n", "a: |\n  x  \n  y \n\n",
	"a: 1\na: 2\n", "a:\n  b: 1\n  b: 2\n", "key: a [b] {c} d, e\n", "key: it's\n", "key: say \"x\"\n", "key: <b\n", "key: a<<\n",
	"# head\n\nkey: a\n# foot\n", "\n\n   \nkey: a\n", "key: x\u00e9\u4e16\U0001F600\n", "key: ~\n", "key: -\u00e9\n",
}

// fastRefused are texts the fast reader must leave to yaml.v3, one for each
// of its rules.
var fastRefused = []string{
	"", "\n", "# only\n", "key: a", "key: |\n  x", "key: a\r\n", "key:\ta\n", "\tkey: a\n", "\ufeffkey: a\n", "key: a\ufeff\n",
	"key: a\u0085\n", "key: a\u2028\n", "key: a\u2029\n", "key: \x01\n", "key: \x7f\n", "key: \xff\n", "key: \xed\xa0\x80\n", "key: \uffff\n",
	"---\nkey: a\n", "key: a\n---\nb: 1\n", "key: a\n...\n", "%YAML 1.2\n---\nkey: a\n", " key: a\n",
	"- a\n", "? a\n: b\n", "[a]\n", "{a: 1}\n", "&x a: 1\n", "*x : 1\n", "!t a: 1\n", "|\n  a\n", ">\n  a\n", "'a': 1\n", "\"a\": 1\n",
	"@a: 1\n", "`a: 1\n", "-a: 1\n", "a b: 1\n", "a :b\n", "a :\n", "a:b\n", "a\n", "a: b\nc\n", strings.Repeat("k", 1000) + ": 1\n",
	"key: - a\n", "key: ?a\n", "key: :a\n", "key: ,a\n", "key: ]\n", "key: {a: 1}\n", "key: }\n", "key: # c\n", "key: a # c\n",
	"key: a#b\n", "key: &x a\n", "key: *x\n", "key: !!str 1\n", "key: 'a'\n", "key: >\n  a\n", "key: %a\n", "key: @a\n", "key: `a\n",
	"key: a: b\n", "key: a:\n", "key: <<\n", "<<: a\n", "key: \"a\"b\n", "key: \"a\\\"\n", "key: \"a\\nb\"\n", "key: \"a\n  b\"\n", "key: \"a\n",
	"key: [a, ]\n", "key: [,a]\n", "key: [a,,b]\n", "key: [a] x\n", "key: [a\n", "key: [[a]]\n", "key: [\"a\"]\n", "key: ['a']\n",
	"key: [a: b]\n", "key: [0?]\n", "key: [a?b]\n", "key: [a #b]\n", "key: [{a}]\n", "key: [?a]\n", "key: [&x a]\n", "key: [<<]\n",
	"key: a\n  b\n", "key: a\n  b: 1\n", "key: a\n  # c\n  b\n", "key: [a]\n  b\n", "key: \"a\"\n  b\n",
	"a:\n  b: 1\n c: 2\n", "a:\n    b: 1\n  c: 2\n", "a: 1\n  b: 2\n",
	"a: |-\n  x\n", "a: |+\n  x\n", "a: |2\n  x\n", "a: | # c\n  x\n", "a: |\n\n  x\n", "a: |\n  \n  x\n", "a: |\n    x\n  y\n",
	"a: |\n  x\n     \n", "a: |\n  x\n   \n  y\n", "a: |\n    x\n    # text\n  # comment\n",
}

// The fast reader takes each of fastTaken, to yaml.v3's tree, and leaves
// each of fastRefused to yaml.v3; after a line of non-ASCII text too.
func TestFastHostile(t *testing.T) {
	for _, s := range fastTaken {
		for _, text := range []string{s, "# Xocalı «x» 😀\n" + s, s + "z: [Xocalı, b, c]\n"} {
			if !fastSame(t, "taken", []byte(text)) {
				t.Errorf("%q: the fast reader gave up", text)
			}
		}
	}
	for _, s := range fastRefused {
		if _, ok := yamlnode.Fast([]byte(s)); ok {
			t.Errorf("%q: the fast reader took it", s)
		}
	}
}

// charEdits are what random edits put into a sheet: YAML's indicators,
// spaces, line breaks and characters the reader refuses.
var charEdits = []string{" ", "  ", "\n", ":", ": ", "#", " #", "-", "- ", "[", "]", ",", "\"", "'", "|", ">", "&", "*", "!", "?", "{", "}",
	"\t", "\r", "\\", "%", "@", "`", "---\n", "<<", "0", "1", ".", "~", "ı", "😀", "\ufeff", "\u2028", "\x00", "\xff", "a", "yes", "null"}

// mutateChars deletes, inserts and duplicates characters and lines of
// sheet at random.
func mutateChars(r *rand.Rand, sheet []byte) []byte {
	b := bytes.Clone(sheet)
	for n := 1 + r.IntN(4); n > 0; n-- {
		at := r.IntN(len(b) + 1)
		switch r.IntN(5) {
		case 0: // a character out
			if at < len(b) {
				b = append(b[:at], b[at+1:]...)
			}
		case 1, 2: // an indicator or a space in
			b = slices.Insert(b, at, []byte(charEdits[r.IntN(len(charEdits))])...)
		case 3: // a line doubled
			start := bytes.LastIndexByte(b[:at], '\n') + 1
			if end := bytes.IndexByte(b[at:], '\n'); end >= 0 {
				b = slices.Insert(b, start, b[start:at+end+1]...)
			}
		case 4: // a line out
			start := bytes.LastIndexByte(b[:at], '\n') + 1
			if end := bytes.IndexByte(b[at:], '\n'); end >= 0 {
				b = append(b[:start], b[at+end+1:]...)
			}
		}
	}
	return b
}

// Real sheets, filled in, with characters and lines deleted, inserted and
// doubled at random, and with the comment and opener edits of the comment
// cutter's test: 20,000 of them, each taken to yaml.v3's tree or left to
// it.
func TestFastMutations(t *testing.T) {
	written := writtenFiles(t)
	var bases [][]byte
	for i, name := range slices.Sorted(maps.Keys(written)) {
		if strings.Contains(name, " n 5 ") && !strings.Contains(name, "key true") {
			bases = append(bases, written[name], fill(written[name], i))
		}
	}
	r := rand.New(rand.NewPCG(28, 13))
	taken := 0
	for i := range 20_000 {
		base := bases[r.IntN(len(bases))]
		text := mutateChars(r, base)
		if i%4 == 0 {
			text = mutate(r, base)
		}
		if fastSame(t, fmt.Sprintf("mutation %d", i), text) {
			taken++
		}
	}
	t.Logf("the fast reader took %d of 20000", taken)
	if taken < 3000 || taken > 17_000 {
		t.Fatalf("the fast reader took %d of 20000: the mutations do not test both ways", taken)
	}
}

// FuzzFastAsYAML: whatever the fast reader takes reads to yaml.v3's tree.
func FuzzFastAsYAML(f *testing.F) {
	for _, s := range append(slices.Clone(fastTaken), fastRefused...) {
		f.Add([]byte(s))
	}
	f.Add(fill([]byte("student: \"\"\nbanks: [comprehension]\nseed: 1\nanswers:\n  # 1. Which town?\n  town:\n  why: |\n  # 2. Why?\n  n:\n"), 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		fastSame(t, "fuzz", data)
	})
}

// BenchmarkParseSheet measures why the fast reader is there: Parse of a
// filled 40-question sheet, against the parse it replaces (yaml.v3, with
// full-line comments cut).
func BenchmarkParseSheet(b *testing.B) {
	data := fill(writtenFiles(b)["comprehension seed 1 n 40 key false"], 0)
	if _, ok := yamlnode.Fast(data); !ok {
		b.Fatal("the fast reader gave up on the sheet")
	}
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for range b.N {
			if _, ok := yamlnode.Parse(func(int, string, string, string, ...any) { b.Fatal("a problem") }, data, false); !ok {
				b.Fatal("not read")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for range b.N {
			if d, _ := yamlnode.Decode(data, false); d.Err != nil {
				b.Fatal(d.Err)
			}
		}
	})
}

// plainTag gives the tag yaml.v3 gives, for scalars starting with every
// byte and every character of a few scripts, each alone and followed by
// what makes numbers, words and dates: the bytes it takes as strings at
// once are the bytes yaml.v3's resolver has no hint for.
func TestPlainTag(t *testing.T) {
	var firsts []string
	for c := range 256 {
		firsts = append(firsts, string(rune(c)), string([]byte{byte(c)}))
	}
	firsts = append(firsts, "ı", "ə", "Ş", "ö", "😀", "«")
	for _, first := range firsts {
		for _, rest := range []string{"", "1", "0", "x", "rue", "ull", "o", "es", "n", "ff", "inf", "nan", "<", "001-12-14", "e3", ".5", "_0"} {
			s := first + rest
			n := yaml.Node{Kind: yaml.ScalarNode, Value: s}
			if got, want := yamlnode.PlainTag(s), n.ShortTag(); got != want {
				t.Errorf("%q: %s, yaml.v3 %s", s, got, want)
			}
		}
	}
}

// Every text the fast tests read (they run first: go test runs a file's
// tests in order, and this file's after theirs) was read to the same tree
// into an Arena that held the text before it as into new storage.
func TestFastArenaSameTrees(t *testing.T) {
	if len(yamlnode.ArenaDiffers) > 0 {
		t.Errorf("%d texts read to another tree in a reused Arena, the first:\n%s", len(yamlnode.ArenaDiffers), yamlnode.ArenaDiffers[0])
	}
	var a yamlnode.Arena
	first, ok := a.Parse(func(int, string, string, string, ...any) {}, []byte("student: Ana\nanswers:\n  q1: Baku\n  q2: [a, b]\n"), false)
	if !ok || a.Size() == 0 {
		t.Fatalf("Arena.Parse of a sheet: ok %v, %d nodes of room", ok, a.Size())
	}
	value := first.Content[3].Content[1].Value
	second, ok := a.Parse(func(int, string, string, string, ...any) {}, []byte("student: Bob\nanswers:\n  q1: Yerevan\n"), false)
	if !ok || value != "Baku" || second.Content[3].Content[1].Value != "Yerevan" {
		t.Errorf("a string of the tree before changed, or the next tree is wrong: %q, %q", value, second.Content[3].Content[1].Value)
	}
}
