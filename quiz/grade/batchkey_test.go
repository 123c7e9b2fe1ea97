package grade

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// attack16 #4: an answer key among a class's sheets (in a folder, named with
// other inputs, a line of JSON lines) is handed over as Item.Key, not graded;
// the one file named on its own is graded.
func TestBatchLeavesOutKeysAmongSheets(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string { return writeUnder(t, dir, name, data) }
	key := "student: " + sheet.KeyStudent + "\nanswers: {capital: Baku}\n"
	write("class/ana.yaml", "student: Ana\nanswers: {capital: Baku}\n")
	classKey := write("class/key.yaml", key)
	lone := write("key.yaml", key)
	lines := write("many.jsonl", `{"student": "Bo", "answers": {"capital": "Baku"}}`+"\n"+`{"student": "`+sheet.KeyStudent+`", "answers": {"capital": "Baku"}}`+"\n")
	stdin := ""
	run := func(inputs ...string) (graded, keys []string) {
		b := &Batch{Grader: &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}, Inputs: inputs, Stdin: strings.NewReader(stdin)}
		b.Run(func(it Item) {
			switch {
			case it.Err != nil:
				t.Errorf("%v: %v", inputs, it.Err)
			case it.Key:
				if it.Result != nil {
					t.Errorf("%v: a key with a result", inputs)
				}
				keys = append(keys, it.Where)
			default:
				graded = append(graded, it.Result.Student)
			}
		})
		return graded, keys
	}
	for _, tc := range []struct {
		inputs       []string
		graded, keys []string
	}{
		{[]string{filepath.Join(dir, "class")}, []string{"Ana"}, []string{classKey}},
		{[]string{filepath.Join(dir, "class", "ana.yaml"), classKey}, []string{"Ana"}, []string{classKey}},
		{[]string{lines}, []string{"Bo"}, []string{lines + ":2"}},
		{[]string{lone}, []string{sheet.KeyStudent}, nil},
	} {
		graded, keys := run(tc.inputs...)
		if !slices.Equal(graded, tc.graded) || !slices.Equal(keys, tc.keys) {
			t.Errorf("%v: graded %q, keys %q; want %q, %q", tc.inputs, graded, keys, tc.graded, tc.keys)
		}
	}
	// Standard input (review-code25 #3): a key piped alone is on its own and
	// graded; piped with a student's sheet, or with another input, it is
	// left out.
	keyJSON := `{"student": "` + sheet.KeyStudent + `", "answers": {"capital": "Baku"}}`
	boJSON := `{"student": "Bo", "answers": {"capital": "Baku"}}`
	for _, tc := range []struct {
		stdin        string
		inputs       []string
		graded, keys []string
	}{
		{keyJSON + "\n", []string{"-"}, []string{sheet.KeyStudent}, nil},
		{"{\n  \"student\": \"" + sheet.KeyStudent + "\",\n  \"answers\": {\"capital\": \"Baku\"}\n}\n", []string{"-"}, []string{sheet.KeyStudent}, nil},
		{boJSON + "\n" + keyJSON + "\n", []string{"-"}, []string{"Bo"}, []string{"-:2"}},
		{keyJSON + "\n" + boJSON + "\n", []string{"-"}, []string{"Bo"}, []string{"-:1"}},
		{keyJSON + "\n", []string{"-", filepath.Join(dir, "class", "ana.yaml")}, []string{"Ana"}, []string{"-:1"}},
	} {
		stdin = tc.stdin
		graded, keys := run(tc.inputs...)
		if !slices.Equal(graded, tc.graded) || !slices.Equal(keys, tc.keys) {
			t.Errorf("%q %v: graded %q, keys %q; want %q, %q", tc.stdin, tc.inputs, graded, keys, tc.graded, tc.keys)
		}
	}
}
