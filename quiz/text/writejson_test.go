package text_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// WriteJSON writes what an encoder with SetIndent writes, for every built-in bank.
func TestWriteJSONAsIndentingEncoder(t *testing.T) {
	lib := &quiz.Library{Embedded: assets.Banks(), Compiled: assets.CompiledBank, Generated: assets.GeneratedBanks}
	for _, name := range lib.Names() {
		b, _, err := lib.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		var got, want bytes.Buffer
		if err := text.WriteJSON(&got, b.Doc()); err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(b.Doc()); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: WriteJSON differs from encoding/json's indenting", name)
		}
	}
}

// WriteJSON writes, byte for byte, what the indenting encoder it stands for
// writes: an Encoder with SetIndent and SetEscapeHTML(false), on strings an
// escaping writer can get wrong: <>&, U+2028 and U+2029, quotes, control
// bytes, invalid UTF-8.
func TestWriteJSONAsEncodersOnHostileStrings(t *testing.T) {
	hostile := []string{"", "<script>alert(1)</script>", "a & b > c < d", "x\u2028y\u2029z", "\"\\/", "\x00\x1f\t\n\r",
		"\xff\xc3", "é😀Xocalı Խոջալու", "{[,:]}", "\u003c already escaped \\u003c"}
	type row struct {
		Name  string         `json:"name"`
		Tests []string       `json:"tests"`
		Map   map[string]any `json:"map"`
		Empty []int          `json:"empty"`
	}
	var vs []any
	for _, s := range hostile {
		vs = append(vs, s, row{Name: s, Tests: hostile, Map: map[string]any{s: s, "n": 1.5}, Empty: []int{}})
	}
	vs = append(vs, hostile, map[string]any{})
	for _, v := range vs {
		var got, want bytes.Buffer
		if err := text.WriteJSON(&got, v); err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("WriteJSON(%#v):\n%s\nwant the encoder's\n%s", v, got.Bytes(), want.Bytes())
		}
	}
}
