package sheet

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// TestOpenBlocksAsReplace holds openBlocks to what WriteYAML did before it:
// bytes.Replace of each open question's "\n  id:\n" with "\n  id: |\n",
// once, in the questions' order. The texts are random lines of ids, with and
// without answers and comments, the same id twice, lines that share their
// break, and the questions random ids and types, an id given twice among
// them too.
func TestOpenBlocksAsReplace(t *testing.T) {
	ids := []string{"a", "b", "ab", "a-b", "open", "x1"}
	r := rand.New(rand.NewPCG(13, 25))
	for n := range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			id := ids[r.IntN(len(ids))]
			switch r.IntN(6) {
			case 0:
				b.WriteString("\n  " + id + ":")
			case 1:
				b.WriteString("\n  " + id + ": x")
			case 2:
				b.WriteString("\n  # " + id + ":")
			case 3:
				b.WriteString("\n" + id + ":")
			case 4:
				b.WriteString("\n  " + id + ": |")
			default:
				b.WriteString("\n")
			}
		}
		if r.IntN(2) == 0 {
			b.WriteString("\n")
		}
		out := []byte(b.String())
		var questions []*quiz.Presented
		for range r.IntN(5) {
			typ := quiz.Open
			if r.IntN(3) == 0 {
				typ = quiz.Short
			}
			questions = append(questions, &quiz.Presented{Question: &quiz.Question{ID: ids[r.IntN(len(ids))], Type: typ}})
		}
		want := bytes.Clone(out)
		for _, p := range questions {
			if p.Type == quiz.Open {
				want = bytes.Replace(want, []byte("\n  "+p.ID+":\n"), []byte("\n  "+p.ID+": |\n"), 1)
			}
		}
		prefix := []byte("kept")
		if got := openBlocks(prefix, out, questions); !bytes.Equal(got, append([]byte("kept"), want...)) {
			t.Fatalf("%d: openBlocks(%q) = %q, Replace gave %q", n, out, got[4:], want)
		}
	}
}

// TestWriteYAMLToAnyWriter checks that a sheet and a key written into a
// bytes.Buffer (finished in its own free space, after what it held) are
// the bytes written to any other writer, for every built-in bank.
func TestWriteYAMLToAnyWriter(t *testing.T) {
	for _, name := range []string{"comprehension", "discussion", "perspectives", "timeline", "vocabulary"} {
		bank := assets.CompiledBank(name)
		var ps []*quiz.Presented
		for _, q := range bank.Questions {
			ps = append(ps, &quiz.Presented{Question: q})
		}
		for _, key := range []bool{false, true} {
			l := Layout{Student: "Ana", Banks: []string{name}, Seed: 1, Key: key}
			var plain strings.Builder
			if err := WriteYAML(&plain, ps, l); err != nil {
				t.Fatal(err)
			}
			buf := bytes.NewBufferString("before\n")
			if err := WriteYAML(buf, ps, l); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != "before\n"+plain.String() {
				t.Errorf("%s (key %v): written into a bytes.Buffer, the sheet differs from the one written to a strings.Builder", name, key)
			}
		}
	}
}
