package cmd

import (
	"strings"
	"testing"
)

// test14 item 9: a settings file of several documents is refused at the
// second, as the README's limits table says, not read as its first; an
// empty or comment-only file still sets nothing.
func TestParseConfigOneDocument(t *testing.T) {
	t.Parallel()
	_, _, err := parseConfig("cfg2.yaml", []byte("bank: [timeline]\n---\nbank: [vocabulary]\n"))
	if err == nil || !strings.Contains(err.Error(), "cfg2.yaml:2: a second YAML document starts here") {
		t.Errorf("two documents: %v", err)
	}
	for _, ok := range []string{"", "# nothing\n", "bank: [timeline]\n", "bank: [timeline]\n---\n"} {
		if _, _, err := parseConfig("c.yaml", []byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}
