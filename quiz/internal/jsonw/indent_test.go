package jsonw

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestIndentJSONAsEncodingJSON(t *testing.T) {
	for _, v := range []any{
		nil, 1, "s", []int{}, map[string]any{}, []any{[]any{}, map[string]any{}},
		map[string]any{"a": []any{1, "x, y: {z}", map[string]any{"b": nil, "c": []string{}}}, "q\"\\": "\\\"[]{}", "e": ""},
		[]map[string]any{{"html": "<b>&</b>", "nl": "a\nb", "u": "\u2028é😀"}},
		// Strings longer than plainRun's window, with escapes before, at and after its edge.
		[]string{strings.Repeat("a", 511) + "\"" + strings.Repeat("b", 600), strings.Repeat(`\`, 700), strings.Repeat("x\"", 400), strings.Repeat("é", 1000) + "{[,:]}"},
	} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, bytes.TrimSuffix(buf.Bytes(), []byte("\n")), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := IndentJSON(nil, buf.Bytes()); string(got) != want.String() {
			t.Errorf("IndentJSON(%s):\n%s\nwant\n%s", buf.Bytes(), got, want.Bytes())
		}
	}
}

// Indenter gives IndentJSON's output however the document is cut into
// writes and chunks, and AppendIndented gives it for a value at any depth.
func TestJSONIndenterAsIndentJSON(t *testing.T) {
	v := map[string]any{"a": []any{1, "x, y: {z}", map[string]any{"b": nil, "c": []string{}}}, "q\"\\": "\\\"[]{}", "e": ""}
	var long []any
	for i := range 3000 {
		long = append(long, map[string]any{"i": i, "s": "a \"quoted\" \\ text, with: {braces} [and] brackets"})
	}
	for _, v := range []any{v, long} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		want := IndentJSON(nil, buf.Bytes())
		for _, cut := range []int{1, 7, 1 << 20} {
			var out bytes.Buffer
			ind := &Indenter{W: &out}
			for src := buf.Bytes(); len(src) > 0; src = src[min(cut, len(src)):] {
				ind.Write(src[:min(cut, len(src))])
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("written %d bytes at a time: differs from IndentJSON", cut)
			}
		}
		// AppendIndented of the value two levels deep is the value as
		// json.Indent indents it inside two lists.
		compact := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if got := AppendIndented([]byte("x"), 0, compact); string(got) != "x"+string(want) {
			t.Errorf("AppendIndented at depth 0 differs from IndentJSON")
		}
		var nb bytes.Buffer
		if err := json.Indent(&nb, append(append([]byte("[["), compact...), "]]"...), "", "  "); err != nil {
			t.Fatal(err)
		}
		nested := nb.Bytes()
		head, tail := "[\n  [\n    ", "\n  ]\n]"
		if !bytes.HasPrefix(nested, []byte(head)) || !bytes.HasSuffix(nested, []byte(tail)) {
			t.Fatalf("IndentJSON of the value in two lists: %s", nested)
		}
		if got := AppendIndented(nil, 2, compact); string(got) != string(nested[len(head):len(nested)-len(tail)]) {
			t.Errorf("AppendIndented at depth 2:\n%s\nwant\n%s", got, nested[len(head):len(nested)-len(tail)])
		}
	}
}

// WriteIndented of what json.Marshal writes, HTML escaped, is
// json.MarshalIndent's and a newline (Gradescope's results.json), on strings
// an indenter can get wrong: <>&, U+2028 and U+2029, quotes, backslashes,
// control bytes, invalid UTF-8, brackets inside strings.
func TestWriteIndentedAsMarshalIndent(t *testing.T) {
	hostile := []string{"", "<script>alert(1)</script>", "a & b > c < d", "x\u2028y\u2029z", "\"\\/", "\x00\x1f\t\n\r",
		"\xff\xc3", "é😀Xocalı Խոջալու", "{[,:]}", "\u003c already escaped \\u003c"}
	var vs []any
	for _, s := range hostile {
		vs = append(vs, s, map[string]any{"name": s, "tests": hostile, "map": map[string]any{s: s, "n": 1.5}, "empty": []int{}})
	}
	vs = append(vs, hostile, map[string]any{})
	for _, v := range vs {
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteIndented(&got, compact); err != nil {
			t.Fatal(err)
		}
		if got.String() != string(want)+"\n" {
			t.Errorf("WriteIndented(%s):\n%s\nwant MarshalIndent's\n%s", compact, got.Bytes(), want)
		}
	}
}
