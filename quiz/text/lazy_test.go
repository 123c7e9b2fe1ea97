package text

import "testing"

// The tables written as code and data (no package init) hold what the maps
// and the computed table they replaced held.
func TestTablesAsBefore(t *testing.T) {
	for c := 0; c < 128; c++ {
		var want byte
		switch {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'z':
			want = byte(c)
		case c >= 'A' && c <= 'Z':
			want = byte(c) - 'A' + 'a'
		}
		if asciiFolds[c] != want {
			t.Errorf("asciiFolds[%q] = %q, want %q", rune(c), asciiFolds[c], want)
		}
	}
	folds := map[rune]string{
		'ı': "i", 'ə': "e", 'Ə': "e", 'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o",
		'đ': "d", 'Đ': "d", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss",
	}
	marks := map[rune]bool{'\u055b': true, '\u055c': true, '\u055e': true, '\u055f': true, '\u00ad': true}
	for r := rune(0); r < 0x3000; r++ {
		f, ok := letterFold(r)
		if want, wantOK := folds[r]; f != want || ok != wantOK {
			t.Errorf("letterFold(%q) = %q, %v; want %q, %v", r, f, ok, want, wantOK)
		}
		if inWordMark(r) != marks[r] {
			t.Errorf("inWordMark(%q) = %v", r, inWordMark(r))
		}
	}
	for w, want := range map[string]bool{"a": true, "an": true, "the": true, "The": false, "": false, "at": false, "then": false} {
		if article(w) != want {
			t.Errorf("article(%q) = %v", w, !want)
		}
	}
}
