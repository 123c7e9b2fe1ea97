package sheet

import (
	"math"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// A sheet's marks section is read and checked like any field, in YAML and in
// JSON alike, with the file, line and field of each problem.
func TestReadMarks(t *testing.T) {
	good := map[string]string{
		"s.yaml": "student: A\nanswers:\n  ussr: a union\nmarks:\n  ussr:\n    points: 1.5\n    comment: 'dates: right'\n    marker: T\n    time: \"2026-12-03T10:00:00Z\"\n",
		"s.json": "{\"student\": \"A\", \"answers\": {\"ussr\": \"a union\"},\n \"marks\": {\"ussr\": {\"points\": 1.5, \"comment\": \"dates: right\", \"marker\": \"T\", \"time\": \"2026-12-03T10:00:00Z\"}}}\n",
	}
	for file, data := range good {
		s, err := Read(file, 0, []byte(data))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		m := s.MarkFor("ussr")
		if m == nil || m.Points != 1.5 || m.Comment != "dates: right" || m.Marker != "T" || m.At.IsZero() || s.MarkFor("other") != nil {
			t.Errorf("%s: %+v", file, s.Marks)
		}
	}
	bad := []struct{ file, data, want string }{
		{"b.yaml", "answers: {}\nmarks:\n  ussr: {points: -1}\n", `b.yaml:3: question "ussr": marks.points: "-1": give 0 to 1000 points, in halves (such as 1.5)`},
		{"b.yaml", "answers: {}\nmarks:\n  ussr: {points: 0.3}\n", `marks.points: "0.3": give 0 to 1000 points`},
		{"b.yaml", "answers: {}\nmarks:\n  ussr: {points: NaN}\n", `marks.points: "NaN" is not a number of points`},
		{"b.yaml", "answers: {}\nmarks:\n  ussr: {comment: no points}\n", `b.yaml:3: question "ussr": marks.points: missing`},
		{"b.yaml", "answers: {}\nmarks:\n  ussr: {points: 1, pints: 2}\n", `marks.pints: unknown field (did you mean "points"?)`},
		{"b.yaml", "answers: {}\nmarks:\n  ussr: {points: 1, time: yesterday}\n", `marks.time: expected a time such as`},
		{"b.yaml", "answers: {}\nmarks:\n  ussr: {points: [1]}\n", `marks.points: expected a single value, found a list`},
		{"b.yaml", "answers: {}\nmarks:\n  ussr: 1\n", `b.yaml:3: question "ussr": marks: expected points, comment, marker and time, found a single value`},
		{"b.yaml", "answers: {}\nmarks: [1]\n", `b.yaml:2: marks: expected question ids with their marks, found a list`},
		{"b.yaml", "answers: {}\nmarks:\n  ussr: {points: 1}\n  ussr: {points: 2}\n", `b.yaml:4: question "ussr": marks: marked twice (first at line 3)`},
		{"b.json", "{\"answers\": {}, \"marks\": {\n\"ussr\": {\"points\": 1},\n\"ussr\": {\"points\": 2}}}", `b.json:3: question "ussr": marks: marked twice (first at line 2)`},
		{"b.yaml", "answers: {}\nmarks: {}\nmarks: {}\n", `b.yaml:3: marks: given twice`},
		{"b.json", "{\"answers\": {},\n\"marks\": {\n\"ussr\": {\"points\": 7.25}}}", `b.json:3: question "ussr": marks.points: "7.25": give 0 to 1000 points, in halves (such as 1.5)`},
		{"b.json", "{\"answers\": {},\n\"marks\": {\"ussr\": {\"points\": 1, \"x\": {\"deep\": [1]}}}}", `marks.x: expected a single value, found a mapping`},
		{"b.json", "{\"answers\": {}, \"marks\": \"none\"}", `marks: expected question ids with their marks, found a single value`},
	}
	for _, tc := range bad {
		_, err := Read(tc.file, 0, []byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.data, err, tc.want)
		}
	}
}

// A sheet's marks read points as mark's prompt and a marks CSV do
// (quiz.ParsePoints, in its words), in YAML and JSON alike.
func TestReadMarkPoints(t *testing.T) {
	for _, tc := range []struct {
		yaml, json string
		want       float64 // -1: refused
	}{
		{"1,5", `"1,5"`, 1.5}, {"1.5", "1.5", 1.5}, {"2", "2", 2}, {"-0", "-0", 0}, {"1000", "1000", 1000},
		{"-1", "-1", -1}, {"0.3", "0.3", -1}, {"NaN", `"NaN"`, -1}, {"1e3", "1e3", -1}, {`""`, `""`, -1}, {"1001", "1001", -1},
	} {
		for file, data := range map[string]string{
			"s.yaml": "answers: {}\nmarks:\n  ussr:\n    points: " + tc.yaml + "\n",
			"s.json": "{\"answers\": {},\n\"marks\": {\n\"ussr\":\n{\"points\": " + tc.json + "}}}",
		} {
			s, err := Read(file, 0, []byte(data))
			if tc.want >= 0 {
				if err != nil || s.MarkFor("ussr") == nil || s.MarkFor("ussr").Points != tc.want || math.Signbit(s.MarkFor("ussr").Points) {
					t.Errorf("%s %s: %v", file, tc.yaml, err)
				}
				continue
			}
			_, perr := quiz.ParsePoints(strings.Trim(tc.yaml, `"`), quiz.MaxPoints)
			if want := file + `:4: question "ussr": marks.points: ` + perr.Error(); err == nil || err.Error() != want {
				t.Errorf("%s %s: %v, want %s", file, tc.yaml, err, want)
			}
		}
	}
}
