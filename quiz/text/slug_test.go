package text

import (
	"strings"
	"testing"
)

func TestFileName(t *testing.T) {
	tests := map[string]string{
		"Ana":                   "Ana",
		"Ana Məmmədova":         "Ana-Memmedova",
		"../../x":               "x",
		"/etc/passwd":           "etc-passwd",
		"..":                    "student",
		"":                      "student",
		"a\x00b\nc\x1b[31m":     "a-b-c-31m",
		"Xocalı":                "Xocali",
		"   ":                   "student",
		strings.Repeat("a", 99): strings.Repeat("a", 48),
	}
	for in, want := range tests {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}
