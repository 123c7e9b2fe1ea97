package htmlreport_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/report"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// everyType is a bank with a question of every type, hostile text in each.
const everyType = `id: every
title: "Every <type> & more"
description: "A bank for the golden pages: 'quotes' + <b>bold</b>."
questions:
  - {id: one, type: single, prompt: "Which <city>?", choices: ["<i>Baku</i>", "Yerevan & co", "Tbilisi"], answer: "<i>Baku</i>", explanation: "E <b>", source: {section: Introduction, paragraph: 2, quote: q}, tags: [recall, "<t>"]}
  - {id: seas, type: multi, prompt: "Seas?", choices: [Black Sea, Caspian Sea, "Red + Sea"], answers: [Black Sea, Caspian Sea], explanation: E, source: {section: UN resolution, paragraph: 3, quote: q}, tags: [geography]}
  - {id: truth, type: truefalse, prompt: "A statement's 'truth'.", answer: false, explanation: E, source: {section: S, paragraph: 1, quote: q}}
  - {id: town, type: short, prompt: "Which town?", accept: [Khojaly, Xocalı], explanation: E, source: {section: S, paragraph: 1, quote: q}, tags: [recall]}
  - {id: year, type: numeric, prompt: "Year?", answer: 1994, unit: "<years>", explanation: E, source: {section: Introduction, paragraph: 3, quote: q}}
  - {id: order, type: order, prompt: "Order <these>.", items: ["First & one", Second, Third], explanation: E, source: {section: S, paragraph: 2, quote: q}}
  - {id: match, type: match, prompt: "Match.", pairs: [{left: "A <l>", right: "1 & r"}, {left: B, right: "2"}], explanation: E, source: {section: S, paragraph: 3, quote: q}}
  - {id: essay, type: open, prompt: "Why <now>?", model_answer: "M & m", key_points: ["point <1>", point 2], explanation: E, source: {section: S, paragraph: 4, quote: q}}
`

var update = flag.Bool("update", false, "rewrite the golden pages in testdata")

// inlineCode is a page's own style sheet and script: the golden pages leave
// them out (TestClassPageCSPMatchesItsInlineCode checks they are the assets).
var inlineCode = regexp.MustCompile(`(?s)(<style>|<script>).*?(</style>|</script>)`)

// TestPagesAsGolden compares every kind of page, with hostile text in it,
// byte for byte with testdata/*.html (go test -update rewrites them): the
// class page (with a cut gradebook and an unreadable file, and of a bank with
// every question type), the page of merged sums, a student's review
// (below the pass mark, and an exam held back) and the printable test and
// key.
func TestPagesAsGolden(t *testing.T) {
	pages := map[string]string{}
	pages["class-hostile.html"] = page(t, 2, class...)

	results, _ := gradeSheets(t, class...)
	var cs grade.ClassStats
	for _, r := range results {
		cs.Add(r)
	}
	var b bytes.Buffer
	if err := htmlreport.NewClass(nil, time.Time{}).Write(&b, cs.Summary(30)); err != nil {
		t.Fatal(err)
	}
	pages["class-sums.html"] = b.String()

	every, _, err := quiz.ParseBank("every.yaml", []byte(everyType))
	if err != nil {
		t.Fatal(err)
	}
	bankResults := gradeBank(t, every, 8)
	pages["class-every-type.html"] = pageOf(t, 0, bankResults)

	pass := 50.0
	student := func(r *grade.SheetResult, status quiz.Status, ended string, heldBack bool) string {
		t.Helper()
		res := &quiz.Result{Outcomes: r.Outcomes, Status: status, EndedBy: ended}
		rep := report.New(report.Meta{Student: r.Student, Banks: r.Banks, Seed: 7, PassPercent: &pass}, res)
		rep.HeldBack = heldBack
		var b bytes.Buffer
		if err := htmlreport.WriteStudent(&b, rep, r.Outcomes); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	pages["student-below-pass.html"] = student(results[1], quiz.Complete, quiz.EndFinished, false)
	pages["student-every-type.html"] = student(bankResults[3], quiz.Complete, quiz.EndTimeLimit, false)
	pages["student-held-back.html"] = student(results[0], quiz.Incomplete, quiz.EndInterrupt, true)

	made := worksheet.Paper{Seed: 42, Key: worksheet.KeyAfter, Made: "Set <9c>, seed 42", Command: "conflictq sheet --bank every --seed 42 > 'a & b'"}
	pages["paper-with-key.html"] = paperHTML(t, every, made, htmlreport.PaperTest)
	pages["paper-test.html"] = paperHTML(t, every, worksheet.Paper{Seed: 1, Key: worksheet.NoKey}, htmlreport.PaperTest)
	pages["paper-key.html"] = paperHTML(t, every, worksheet.Paper{Seed: 1, Key: worksheet.NoKey, Made: "Seed 1", Command: "conflictq sheet --bank every --seed 1"}, htmlreport.PaperKeyOnly)

	for name, p := range pages {
		got := inlineCode.ReplaceAllString(p, "$1…$2")
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from the page written (go test -update rewrites it after a change meant):\n%s", path, firstDifference(string(want), got))
		}
	}
}

// firstDifference shows where two pages part, with some context.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d\nwant: %q\n got: %q", i, want[from:min(len(want), i+80)], got[from:min(len(got), i+80)])
}

// gradeBank grades n students' sheets for bank, with a pass mark of 50%:
// each answers every question now right, now wrong, now not at all, in the
// forms a sheet holds, the same every run.
func gradeBank(t *testing.T, bank *quiz.Bank, n int) []*grade.SheetResult {
	t.Helper()
	r := rand.New(rand.NewPCG(3, 4))
	pass := 50.0
	g := &grade.Grader{Banks: []*quiz.Bank{bank}, Pass: &pass}
	var out []*grade.SheetResult
	for i := range n {
		answers := map[string]any{}
		for _, q := range bank.Questions {
			k := r.IntN(4)
			switch {
			case k == 0:
				continue
			case q.Type == quiz.Match && k > 1:
				answers[q.ID] = map[string]string{q.Pairs[0].Left: q.Pairs[k-2].Right, q.Pairs[1].Left: q.Pairs[3-k].Right}
			case q.Type == quiz.Single || q.Type == quiz.Multi:
				answers[q.ID] = 1 + r.IntN(len(q.Choices))
			case q.Type == quiz.TrueFalse:
				answers[q.ID] = k == 1
			case q.Type == quiz.Numeric:
				answers[q.ID] = q.Value + float64(k-1)
			case q.Type == quiz.Short && k > 1:
				answers[q.ID] = q.Accept[0]
			case q.Type == quiz.Order:
				answers[q.ID] = q.Items
			default:
				answers[q.ID] = fmt.Sprintf("answer <%d> & \"more\"", i)
			}
		}
		line, _ := json.Marshal(map[string]any{"student": fmt.Sprintf("Student %d <b>", i+1), "banks": []string{bank.ID}, "seed": 1 + i%2, "answers": answers})
		sh, err := sheet.Read("class.jsonl", i+1, line)
		if err != nil {
			t.Fatal(err)
		}
		res, err := g.Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res)
	}
	return out
}
