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
