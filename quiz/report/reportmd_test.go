package report

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/text"
)

// markdownByFprintf is writeMarkdown as it was before it appended to one
// buffer: fmt.Fprintf's into a strings.Builder. It is the oracle of
// TestReportMarkdownAsFprintf.
func markdownByFprintf(r *Report, w io.Writer) error {
	var b strings.Builder
	who := r.Student
	if who == "" {
		who = "Anonymous"
	}
	fmt.Fprintf(&b, "# Quiz report: %s\n\n", text.MarkdownEscape(who))
	fmt.Fprintf(&b, "- Banks: %s\n", strings.Join(r.Banks, ", "))
	if r.Set != "" {
		fmt.Fprintf(&b, "- Question set: %s\n", text.MarkdownEscape(text.EscapeControl(r.Set)))
	}
	if r.Seed != nil {
		fmt.Fprintf(&b, "- Mode: %s; seed %d\n", r.Mode, *r.Seed)
	} else {
		fmt.Fprintf(&b, "- Mode: %s\n", r.Mode)
	}
	fmt.Fprintf(&b, "- Taken: %s, %s\n", r.StartedAt.Format("2 Jan 2006 15:04 MST"), formatDuration(r.Seconds))
	status := "complete"
	if r.Status != quiz.Complete {
		status = "**incomplete** (" + strings.ReplaceAll(r.EndedBy, "_", " ") + ")"
	}
	fmt.Fprintf(&b, "- Status: %s\n", status)
	if r.NotReached > 0 {
		fmt.Fprintf(&b, "- Answered: %s\n", r.answeredLine())
	}
	fmt.Fprintf(&b, "- **Score: %s / %s (%s%%)**", text.FormatNum(r.Score), text.FormatNum(r.MaxScore), r.PercentText())
	if r.Passed != nil {
		if *r.Passed {
			fmt.Fprintf(&b, ", pass mark %s%%: passed", text.FormatPercent(*r.PassPercent))
		} else {
			fmt.Fprintf(&b, ", pass mark %s%%: not yet passed", text.FormatPercent(*r.PassPercent))
		}
	}
	b.WriteString("\n\n")
	if r.HeldBack {
		b.WriteString(HeldBackNote + "\n\n")
	}
	if len(r.ByTag) > 0 && !r.HeldBack {
		b.WriteString("| Tag | Questions | Score | % |\n|---|---:|---:|---:|\n")
		for _, t := range r.ByTag {
			if t.MaxScore == 0 || !r.settled(t.Tag, r.Questions) {
				fmt.Fprintf(&b, "| %s | %d | not marked | |\n", text.MarkdownEscape(quiz.TagLabel(t.Tag)), t.Questions)
				continue
			}
			fmt.Fprintf(&b, "| %s | %d | %s / %s | %s |\n", text.MarkdownEscape(quiz.TagLabel(t.Tag)), t.Questions, text.FormatNum(t.Score), text.FormatNum(t.MaxScore), text.FormatPercent(t.Percent))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Questions\n")
	for i, q := range r.Questions {
		fmt.Fprintf(&b, "\n### %d. %s\n\n", i+1, text.MarkdownEscape(q.Prompt))
		given := "_no answer_"
		switch {
		case q.Given != nil && q.CutOff:
			given = text.MarkdownEscape(*q.Given) + " _(" + quiz.CutOffNote + ")_"
		case q.Given != nil && q.SelfCheckCutOff:
			given = text.MarkdownEscape(*q.Given) + " _(" + quiz.SelfCheckCutOffNote + ")_"
		case q.Given != nil:
			given = text.MarkdownEscape(*q.Given)
		case q.Unreadable != "":
			given = "_unreadable:_ " + text.MarkdownEscape(q.Unreadable)
		case q.Unseen:
			given = "_not reached: the quiz stopped before this question_"
		}
		fmt.Fprintf(&b, "- Your answer: %s\n", given)
		switch {
		case q.Unseen, r.HeldBack:
		case q.Correct == nil && r.marked(q):
			fmt.Fprintf(&b, "- Marked by your teacher: %s of %s points. A model answer: %s\n", text.FormatNum(q.Points), text.FormatNum(q.MaxPoints), text.MarkdownEscape(q.Expected))
		case q.Correct == nil && q.Given != nil:
			fmt.Fprintf(&b, "- To mark: your teacher marks it; until then it scores 0 of %s points. A model answer: %s\n", text.FormatNum(q.MaxPoints), text.MarkdownEscape(q.Expected))
		case q.Correct == nil:
			fmt.Fprintf(&b, "- 0 of %s points. A model answer: %s\n", text.FormatNum(q.MaxPoints), text.MarkdownEscape(q.Expected))
		case *q.Correct:
			fmt.Fprintf(&b, "- Right: %s of %s points\n", text.FormatNum(q.Points), text.FormatNum(q.MaxPoints))
		default:
			fmt.Fprintf(&b, "- %s of %s points. Answer: %s\n", text.FormatNum(q.Points), text.FormatNum(q.MaxPoints), text.MarkdownEscape(q.Expected))
		}
		if q.Source != "" && !r.HeldBack {
			fmt.Fprintf(&b, "- Reread: %s\n", text.MarkdownEscape(q.Source))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// The Markdown report is what fmt.Fprintf wrote, byte for byte: for reports
// a quiz makes (right, wrong, every type, cut short, held back, marked) and
// those reports read back, and for random reports with hostile strings,
// every kind of float, nil and empty lists, held back or not.
func TestReportMarkdownAsFprintf(t *testing.T) {
	same := func(what string, r *Report) {
		t.Helper()
		var got, want bytes.Buffer
		err := r.Write(&got, FormatMarkdown)
		werr := markdownByFprintf(r, &want)
		if fmt.Sprint(err) != fmt.Sprint(werr) || got.String() != want.String() {
			t.Fatalf("%s:\ngot  %q\n     %v\nwant %q\n     %v", what, got.String(), err, want.String(), werr)
		}
	}
	for _, right := range []map[string]bool{nil, {"capital": true, "seas": true, "town": true}, testfiles.AllRight(testfiles.Sample(t))} {
		res, _ := sampleResult(t, right)
		pass := 50.0
		for _, held := range []bool{false, true} {
			rep := New(Meta{Student: "<Ana> & *Leyla*_\u2028", Banks: []string{"sample", "b"}, Seed: 11, Mode: quiz.Exam, PassPercent: &pass,
				Set: "set|1\x1b", Tags: []string{"a&b"}}, res)
			rep.HeldBack = held
			same(fmt.Sprintf("made, held back %v", held), rep)
			rep.Seed, rep.Student, rep.Passed = nil, "", nil
			rep.Status, rep.EndedBy, rep.NotReached = quiz.Incomplete, "time_limit", 2
			same("incomplete", rep)
			var buf bytes.Buffer
			if err := rep.Write(&buf, FormatJSON); err != nil {
				t.Fatal(err)
			}
			back, err := Read("r.json", buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			same("read back", back)
		}
	}
	rng := rand.New(rand.NewPCG(27, 13))
	for n := range 3000 {
		var r Report
		if err := testfiles.FillJSON(rng, reflect.ValueOf(&r), n < 20); err != nil {
			t.Fatal(err)
		}
		r.HeldBack = rng.IntN(4) == 0
		if r.Passed != nil && r.PassPercent == nil { // as New makes them: a verdict has its pass mark
			pass := 60.0
			r.PassPercent = &pass
		}
		for i := range r.Questions { // every verdict and note, whatever the filler chose
			q := &r.Questions[i]
			q.CutOff, q.SelfCheckCutOff, q.Unseen = rng.IntN(3) == 0, rng.IntN(3) == 0, rng.IntN(4) == 0
			if rng.IntN(3) == 0 {
				q.Correct = nil
			}
		}
		same(fmt.Sprintf("#%d", n), &r)
	}
}
