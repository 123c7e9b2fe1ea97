package moodlexml

import (
	"bytes"
	"testing"

	"github.com/conflictq/conflictq/assets"
)

// BenchmarkParse reads the comprehension bank's Moodle XML export (the
// bank-*-xml rows' file): with the tokenizer, and with encoding/xml's
// tokens as every file was read before it.
func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	if _, err := Export(&buf, assets.CompiledBank("comprehension")); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for _, bc := range []struct {
		name   string
		tokens func([]byte) *tokens
	}{{"tokenizer", newTokens}, {"encoding-xml", xmlTokens}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := parse("comp.xml", data, bc.tokens(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
