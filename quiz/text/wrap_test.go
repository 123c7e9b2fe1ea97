package text

import "testing"

func TestWrap(t *testing.T) {
	tests := []struct {
		text   string
		width  int
		indent string
		want   string
	}{
		{"one two three four", 9, "", "one two\nthree\nfour"},
		{"one two three", 0, "  ", "  one two three"},
		{"one two", 20, "  ", "  one two"},
		{"Xocalı Xocalı Xocalı", 15, "", "Xocalı Xocalı\nXocalı"}, // runes, not bytes
		{"a verylongwordthatdoesnotfit b", 10, "", "a\nverylongwordthatdoesnotfit\nb"},
		{"first\nsecond", 20, "> ", "> first\n> second"},
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width, tt.indent); got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
