package cmd

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
)

// oldParseConfig is parseConfig as it was, parsing every file twice: first
// as yaml.Unmarshal reads it, then with ParseYAML's checks. Kept as the
// oracle for parseConfig, which parses once unless ParseYAML refuses.
func oldParseConfig(file string, data []byte) (settings map[string]any, lines map[string]int, err error) {
	defer func() {
		if r := recover(); r != nil {
			settings, lines, err = nil, nil, fmt.Errorf("%s: could not be parsed: %v", file, r)
		}
	}()
	if quiz.YAMLItems(data) > quiz.MaxYAMLItems {
		_, err := quiz.ParseYAML(file, data)
		return nil, nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, quiz.YAMLProblem(file, err)
	}
	settings, lines = map[string]any{}, map[string]int{}
	if len(doc.Content) == 0 {
		return settings, lines, nil
	}
	if _, err := quiz.ParseYAML(file, data); err != nil {
		return nil, nil, err
	}
	// The walk is parseConfig's own, unchanged: what it gives for a
	// document ParseYAML reads is what it gave.
	return parseConfig(file, data)
}

// parseConfig reads every settings file, hostile text and random mutation
// of settings as it did when each file was parsed twice: the same
// settings, lines and error, word for word.
func TestParseConfigAsBefore(t *testing.T) {
	inputs := []string{
		"", " ", "\n\n", "# only a comment\n", "---\n", "---\n...\n", "---\n---\n", "...\n",
		"pass: 60\nquiet: true\n", "student: Ana\nquiz:\n  bank: [timeline, comprehension]\n  mode: exam\n",
		"a: 1\na: 2\n", "a: [1, {b: 2}]\n", "a: *x\n", "x: &x 1\ny: *x\n", "\ufeffa: 1\n", "a: 1\n\ufeffb: 2\n",
		"a:\n  b:\n    c: 1\n", "- 1\n- 2\n", "key: 'unterminated\n", "a: b: c\n", "\ta: 1\n", "a:\n\t- 1\n",
		"%YAML 1.2\n---\na: 1\n", "a: 1\n...\n", "a: 1\n---\nb: 2\n", "\xff: 1\n", "a: \x00\n", "? complex\n: key\n",
		"{a: 1}\n", "!!map {a: 1}\n", "a: !!binary aGk=\n", "null\n", "~\n", "[]\n", "{}\n", "a: 1 # c\n# end\n",
		"quiz: ~\n", "quiz:\n#  bank: x\n", "grade: 3\n", "a: |\n  # not a comment\n", "a: \"#x\n", "---\n# c\n",
		"a: [\n", "a: {\n", "]\n", "a: b\n  c: d\n", "'a': 1\n\"b\": 2\n", "A_B: 1\nA-B: 2\n", "a: &a [*a]\n",
		"x: &x [a, a]\ny: &y [*x, *x]\nz: [*y, *y]\n", strings.Repeat("a: 1\n", 3), "a:\n- b: 1\n", "a: [[1]]\n",
		"# c\n---\n", "--- # c\n", "--- a\n", "a: 1\r\nb: 2\r\n", "\r\n", "a: 1\rb: 2\r",
	}
	files, _ := filepath.Glob("testdata/script/*.txtar")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range strings.Split(string(data), "\n-- ") {
			if name, body, ok := strings.Cut(part, " --\n"); ok && strings.HasSuffix(name, ".yaml") && len(body) < 4096 {
				inputs = append(inputs, body)
			}
		}
	}
	rng := rand.New(rand.NewPCG(27, 1))
	const alphabet = ":-#'\"[]{}&*!|>?,\n \t%@`~\\.\r\ufeffa1_"
	seeds := len(inputs)
	for range 1200 {
		b := []byte(inputs[rng.IntN(seeds)])
		for range 1 + rng.IntN(4) {
			c := alphabet[rng.IntN(len(alphabet))]
			switch i := rng.IntN(len(b) + 1); {
			case len(b) == 0 || rng.IntN(3) == 0:
				b = append(b[:i:i], append([]byte{c}, b[i:]...)...)
			case i < len(b) && rng.IntN(2) == 0:
				b[i] = c
			case i < len(b):
				b = append(b[:i:i], b[i+1:]...)
			}
		}
		inputs = append(inputs, string(b))
	}
	parsed := 0
	for _, in := range inputs {
		s1, l1, e1 := parseConfig("c.yaml", []byte(in))
		s2, l2, e2 := oldParseConfig("c.yaml", []byte(in))
		if fmt.Sprint(e1) != fmt.Sprint(e2) || !reflect.DeepEqual(s1, s2) || !reflect.DeepEqual(l1, l2) {
			t.Fatalf("%q:\nnow    %v %v %v\nbefore %v %v %v", in, s1, l1, e1, s2, l2, e2)
		}
		if e1 == nil {
			parsed++
		}
	}
	if parsed < len(inputs)/10 || parsed == len(inputs) {
		t.Errorf("%d of %d inputs read: the inputs do not test both ways", parsed, len(inputs))
	}
	t.Logf("%d inputs, %d read", len(inputs), parsed)
}
