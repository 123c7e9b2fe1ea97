package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --marker and $USER refuse a name with an invisible character inside
// that attack24 L5 found passing (a combining grapheme joiner, a Khmer
// inherent vowel, a variation selector that varies nothing, a line or
// paragraph separator), trim them around a name, and take the variation
// selector of an emoji as part of the name (lows29).
func TestMarkerInvisibleCharacters(t *testing.T) {
	defer func(f func() string) { osUserName = f }(osUserName)
	osUserName = func() string { return "lab-pc" }
	dir, amy, _ := paperClass(t)
	file := filepath.Join(dir, "reports", "amy.yaml")
	for _, name := range []string{"Bo\u034fb", "Bo\u17b4b", "Bo\u17b5b", "Bo\ufe00b", "Bo\ufe0fb", "Bo\U000e0100b", "Bo\U000e01efb",
		"Bob\u2028Smith", "Bob\u2029Smith", "\ufffc", "\u034f", "\ufe0f", "\U000e0100 \u17b4", "Ana\u2764\ufe0f\ufe0fB"} {
		code, _, errOut := runMark(t, "1\n", "reports", "--plain", "--student", "paper amy", "--marker", name)
		got, _ := os.ReadFile(file)
		if code != ExitInvalid || !strings.Contains(errOut, "--marker") || string(got) != string(amy) {
			t.Errorf("--marker %+q: exit %d, want %d:\n%s\namy.yaml:\n%s", name, code, ExitInvalid, errOut, got)
		}
		if got := markerName(func(string) string { return name }); got != "lab-pc" {
			t.Errorf("USER %+q: marker %q, want lab-pc", name, got)
		}
	}
	for _, c := range []struct{ given, saved, yaml string }{
		{"\u034fAna\u17b4", "Ana", "Ana"}, {"\ufe0fAna\ufe0f", "Ana", "Ana"}, {"\ufffcAna\u2029", "Ana", "Ana"}, {"Ana \U000e0100", "Ana", "Ana"},
		{"Ana \u2764\ufe0f", "Ana \u2764\ufe0f", "Ana \u2764\ufe0f"},
		// The sheet writes a selector above U+FFFF escaped, as YAML allows.
		{"\u845b\U000e0100\u57ce", "\u845b\U000e0100\u57ce", "\"\u845b\\U000E0100\u57ce\""},
	} {
		if got := markerName(func(string) string { return c.given }); got != c.saved {
			t.Errorf("USER %+q: marker %+q, want %+q", c.given, got, c.saved)
		}
		os.WriteFile(file, amy, 0o644)
		code, _, errOut := runMark(t, "1\n", "reports", "--plain", "--student", "paper amy", "--question", "ussr", "--marker", c.given)
		got, _ := os.ReadFile(file)
		if code != ExitOK || !strings.Contains(string(got), "marker: "+c.yaml+"\n") {
			t.Errorf("--marker %+q: exit %d:\n%s\namy.yaml:\n%s", c.given, code, errOut, got)
		}
	}
}
