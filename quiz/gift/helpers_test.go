package gift

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

func golden(t *testing.T, name string, got []byte) { testfiles.Golden(t, name, got) }

// loadYAML reads a YAML bank from testdata; it must load without problems.
func loadYAML(t testing.TB, name string) *quiz.Bank { return testfiles.Bank(t, name) }

// diff lists the fields in which two questions differ. Question holds a
// cache that must not be copied, so it is compared field by field.
func diff(got, want *quiz.Question) []string {
	var out []string
	cmp := func(field string, g, w any) {
		if !reflect.DeepEqual(g, w) {
			out = append(out, fmt.Sprintf("%s: got %#v, want %#v", field, g, w))
		}
	}
	strs := func(field string, g, w []string) {
		if !slices.Equal(g, w) {
			out = append(out, fmt.Sprintf("%s: got %q, want %q", field, g, w))
		}
	}
	cmp("ID", got.ID, want.ID)
	cmp("Type", got.Type, want.Type)
	cmp("Prompt", got.Prompt, want.Prompt)
	cmp("Explanation", got.Explanation, want.Explanation)
	cmp("Source", got.Source, want.Source)
	cmp("Difficulty", got.Difficulty, want.Difficulty)
	strs("Tags", got.Tags, want.Tags)
	cmp("Points", got.Points, want.Points)
	strs("Choices", got.Choices, want.Choices)
	if !slices.Equal(sorted(got.Correct), sorted(want.Correct)) {
		out = append(out, fmt.Sprintf("Correct: got %v, want %v", got.Correct, want.Correct))
	}
	cmp("Truth", got.Truth, want.Truth)
	strs("Accept", got.Accept, want.Accept)
	cmp("Value", got.Value, want.Value)
	cmp("Tol", got.Tol, want.Tol)
	cmp("Unit", got.Unit, want.Unit)
	strs("Items", got.Items, want.Items)
	if !slices.Equal(got.Pairs, want.Pairs) {
		out = append(out, fmt.Sprintf("Pairs: got %q, want %q", got.Pairs, want.Pairs))
	}
	cmp("Model", got.Model, want.Model)
	strs("Key", got.Key, want.Key)
	cmp("Credit", got.Credit, want.Credit)
	cmp("Numbers", got.Numbers, want.Numbers)
	cmp("Exact", got.Exact, want.Exact)
	return out
}

func sorted(s []int) []int {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// loadsAsYAML checks that the YAML loader accepts b as it stands: the
// questions Parse builds hold what the loader guarantees. Two limits of the
// YAML export (Bank.Doc), not of GIFT, are skipped: numbers that YAML writes
// with an exponent, which the loader does not read, and a citation with no
// paragraph, which Doc writes as paragraph 0 and the loader refuses.
func loadsAsYAML(t testing.TB, b *quiz.Bank) {
	t.Helper()
	for _, q := range b.Questions {
		if !q.Source.IsZero() && q.Source.Paragraph == 0 {
			return
		}
		for _, v := range []float64{q.Value, q.Tol, q.Points} {
			if strings.Contains(strconv.FormatFloat(v, 'g', -1, 64), "e") {
				return
			}
		}
	}
	out, err := yaml.Marshal(b.Doc())
	if err != nil {
		t.Fatalf("YAML export: %v", err)
	}
	if _, _, err := quiz.ParseBank("export.yaml", out); err != nil {
		t.Fatalf("the YAML loader refuses what Parse accepted: %v\n%s", err, out)
	}
}

// messages renders problems as their messages, for comparing.
func messages(ps []quiz.Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Error()
	}
	return out
}
