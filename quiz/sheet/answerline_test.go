package sheet

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// answerLine matches by hand what its pattern matches: the same lines, the
// same parts, for every line of the test sheets and random lines.
func TestAnswerLineIsItsPattern(t *testing.T) {
	re := regexp.MustCompile(answerLinePattern)
	lines := []string{"", " ", "a:", "a: ", "a: b", "  a: b", "\ta: b", "a:b", "a :b", "_a: b", ".a: b", "-a: b", "/a: b",
		"a.b-c/d_e: f", "a: \t b \t\r", "a: b\r\n", "a: \r", "a:\tb", "a: b: c", "a: # c", "é: b", "a: é ", "A9: x\n",
		"  khojaly-date: 2", "student: \"\"", "answers:", "  what-is-genocide: |", "a: b\x00", "a: \xff", "\xff: b"}
	filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, l := range SplitLines(data) {
			lines = append(lines, string(l), strings.TrimRight(string(l), lineBreaks), strings.TrimRight(string(l), lineBreaks)+" ")
		}
		return nil
	})
	if len(lines) < 1000 {
		t.Fatalf("only %d lines from testdata", len(lines))
	}
	alphabet := []string{" ", " ", "\t", "\r", "\n", "a", "Z", "0", "_", ".", "-", "/", ":", ":", "#", "é", "|", "\xff"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		lines = append(lines, b.String())
	}
	for _, l := range lines {
		if got, want := answerLine().FindStringSubmatch(l), re.FindStringSubmatch(l); !slices.Equal(got, want) {
			t.Errorf("answerLine on %q: %q, the pattern: %q", l, got, want)
		}
		if got, want := answerLine().Match([]byte(l)), re.MatchString(l); got != want {
			t.Errorf("answerLine().Match(%q) = %v, want %v", l, got, want)
		}
	}
}
