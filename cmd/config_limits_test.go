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

// A settings file of 800,000 lines is refused by its count of lines before
// any parse: parsing it first took 1.5 s and 350 MB (attack10 #10).
func TestParseConfigRefusesAHugeFileBeforeParsing(t *testing.T) {
	data := []byte("quiz:\n" + strings.Repeat("  k: v\n", 200_000))
	var err error
	allocs := testing.AllocsPerRun(1, func() { _, _, err = parseConfig("big.yaml", data) })
	if err == nil || !strings.Contains(err.Error(), "big.yaml: 200002 lines and commas: conflictq reads YAML files of at most 100000") {
		t.Errorf("huge settings: %v", err)
	}
	if allocs > 1000 {
		t.Errorf("%v allocations to refuse it: it was parsed first", allocs)
	}
}
