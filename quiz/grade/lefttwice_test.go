package grade

import (
	"regexp"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// A match answer that pairs one left side twice costs that answer alone,
// whether the side is typed alike twice or spelled two ways, in a sheet of
// every syntax and in a quiz report: it scores 0 and is reported on the
// second pair's line, and the student's name and other answers are graded
// (attack18 F1: the same key typed twice made the whole sheet unreadable).
func TestMatchLeftSideTwiceCostsTheAnswerOnly(t *testing.T) {
	g := &Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	for _, second := range []string{"Khojaly", "khojaly"} {
		pairs := "{\"Khojaly\": \"Xocalı\",\n \"Shusha\": \"Shushi\",\n \"" + second + "\": \"Khankendi\"}"
		want := `question "names": left side "` + second + `" given twice (first at line 3`
		if second != "Khojaly" {
			want += `, as "Khojaly"`
		}
		want += ")"
		src := "{\"student\": \"Ana\",\n \"answers\": {\"capital\": \"Baku\",\n \"names\": " + pairs + "}}"
		for _, file := range []string{"ana.json", "ana.yaml", "ana.jsonl"} {
			in, at, w := src, 0, file+":5: "+want
			if file == "ana.jsonl" {
				in, at, w = strings.ReplaceAll(src, "\n", ""), 2, file+":2: "+regexp.MustCompile(`line \d+`).ReplaceAllString(want, "line 2")
			}
			s, err := sheet.Read(file, at, []byte(in))
			if err != nil {
				t.Fatalf("%s, %s twice: %v", file, second, err)
			}
			res, err := g.Grade(s)
			if err != nil {
				t.Fatal(err)
			}
			checkLeftTwice(t, file+", "+second+" twice", res, w)
		}
		rep := "{\"schema_version\": 2, \"student\": \"Ana\", \"banks\": [\"sample\"],\n \"questions\": [{\"id\": \"capital\", \"bank\": \"sample\", \"type\": \"single\", \"answer\": \"Baku\"},\n {\"id\": \"names\", \"bank\": \"sample\", \"type\": \"match\",\n \"answer\": " + pairs + "}]}"
		res, err := g.GradeReport("r.json", []byte(rep))
		if err != nil {
			t.Fatalf("report, %s twice: %v", second, err)
		}
		checkLeftTwice(t, "report, "+second+" twice", res, "r.json:6: "+strings.Replace(want, "line 3", "line 4", 1))
	}
}

func checkLeftTwice(t *testing.T, what string, res *SheetResult, want string) {
	t.Helper()
	if res.Student != "Ana" || res.Score != 1 || len(res.Problems) != 1 || res.Problems[0].Warning || res.Problems[0].Error() != want {
		t.Errorf("%s: student %q score %v problems %v; want Ana, 1 (capital) and %s", what, res.Student, res.Score, res.Problems, want)
	}
	for _, o := range res.Outcomes {
		if o.Question.ID == "names" && (o.Response.Answered || o.Response.Unreadable == "") {
			t.Errorf("%s: names read as %+v, want unreadable", what, o.Response)
		}
	}
}
