package cmd

import (
	"bytes"
	"io"
	"testing"

	"github.com/conflictq/conflictq/cmd/internal/iostreams"
)

// BenchmarkGradeInProcess grades 5,000 JSON-lines sheets in-process, from
// memory: the grading itself, without process start or disk.
func BenchmarkGradeInProcess(b *testing.B) {
	var buf bytes.Buffer
	writeSheets(&buf, 5000)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		ios, _, _, _ := iostreams.Test()
		ios.In = bytes.NewReader(data)
		f := newFactory(ios, func(string) string { return "" })
		ios.Out = io.Discard
		if code := Run(f, []string{"grade", "-", "--format", "csv"}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
