package text

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestIndentJSONAsEncodingJSON(t *testing.T) {
	for _, v := range []any{
		nil, 1, "s", []int{}, map[string]any{}, []any{[]any{}, map[string]any{}},
		map[string]any{"a": []any{1, "x, y: {z}", map[string]any{"b": nil, "c": []string{}}}, "q\"\\": "\\\"[]{}", "e": ""},
		[]map[string]any{{"html": "<b>&</b>", "nl": "a\nb", "u": "\u2028é😀"}},
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

// jsonIndenter gives IndentJSON's output however the document is cut into
// writes and chunks.
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
			ind := &jsonIndenter{W: &out}
			for src := buf.Bytes(); len(src) > 0; src = src[min(cut, len(src)):] {
				ind.Write(src[:min(cut, len(src))])
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("written %d bytes at a time: differs from IndentJSON", cut)
			}
		}
	}
}
