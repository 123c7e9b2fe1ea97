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
