package htmlreport_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/htmlreport"
)

// pieces are what random students' names and answers are made of: markup,
// control characters and escape sequences, bidi marks, characters beyond
// ASCII, and text long enough to fill the page.
var pieces = []string{"Ana", "<script>", "&", "\"", "'", "\x1b[2J", "\a", "\u202e", "\u200f", "→", "Xocalı", "\x00", "\n", "\t", "\r",
	"Khojaly", "Yerevan", "<img src=x onerror=alert(1)>", "a long answer that goes on for a while, to make the page long ", "\u0085", "\x7f"}

func randomText(rng *rand.Rand) string {
	var s string
	for range rng.IntN(6) {
		s += pieces[rng.IntN(len(pieces))]
	}
	return s
}

// The class page Write sends on as it is written is, to the byte, the page
// laid out whole and escaped whole as before (WriteWhole, the replaced
// code), and the page sent on at tiny spill points too, on random classes
// of up to 150 students (pages of up to 100 KB, past the 64 KB held) with
// hostile names and answers, some to mark, some unreadable.
func TestClassPageStreamedAsWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 3))
	for round := range 40 {
		var sheets []string
		for range 1 + rng.IntN(150) {
			answers := map[string]any{}
			if rng.IntN(4) > 0 {
				answers["capital"] = []string{"<img src=x onerror=alert(1)>", "Yerevan", "Tbilisi", randomText(rng)}[rng.IntN(4)]
			}
			if rng.IntN(4) > 0 {
				answers["town"] = randomText(rng)
			}
			if rng.IntN(3) > 0 {
				answers["essay"] = randomText(rng)
			}
			b, err := json.Marshal(map[string]any{"student": randomText(rng), "answers": answers})
			if err != nil {
				t.Fatal(err)
			}
			sheets = append(sheets, string(b))
		}
		results, _ := gradeSheets(t, sheets...)
		maxRows := []int{0, 1, 5, 1000}[rng.IntN(4)]
		pass := 50.0
		classOf := func() *htmlreport.Class {
			c := htmlreport.NewClass(&pass, time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC))
			c.MaxRows = maxRows
			for _, r := range results {
				c.Add(grade.PageSheet(r))
			}
			if rng.IntN(2) == 0 {
				c.AddUnreadable("bad\x1b.yaml", errString("bad.yaml: line 3: <oops> \a"))
			}
			return c
		}
		var cs grade.ClassStats
		for _, r := range results {
			cs.Add(r)
		}
		sum := cs.Summary(30)
		state := rng.Uint64()
		var want, got, spilled bytes.Buffer
		rng = rand.New(rand.NewPCG(state, 1)) // the same unreadable file for the three
		if err := classOf().WriteWhole(&want, sum); err != nil {
			t.Fatal(err)
		}
		rng = rand.New(rand.NewPCG(state, 1))
		if err := classOf().Write(&got, sum); err != nil {
			t.Fatal(err)
		}
		rng = rand.New(rand.NewPCG(state, 1))
		if err := classOf().WriteSpilling(&spilled, sum, 1+rng.IntN(500)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) || !bytes.Equal(spilled.Bytes(), want.Bytes()) {
			t.Fatalf("round %d: %d sheets: the page sent on as written (%d bytes, %d spilled at a small size) is not the page written whole (%d bytes)", round, len(sheets), got.Len(), spilled.Len(), want.Len())
		}
	}
}

// Taking the questions and their tags from the last sheet when a sheet has
// the same questions in the same order (Class.meet) changes nothing on the
// page: random classes whose sheets run of one paper order, then another
// (seeds, none), give the page of every question looked up on every sheet
// (AddLookingUp, the replaced code's way), byte for byte.
func TestClassPageTakesQuestionsFromTheLastSheet(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 4))
	for round := range 60 {
		var sheets []string
		seed := ""
		for range 1 + rng.IntN(40) {
			if rng.IntN(5) == 0 {
				seed = []string{"", `"seed":1,`, `"seed":2,`, `"seed":5,`}[rng.IntN(4)]
			}
			answers := map[string]any{"capital": []string{"Yerevan", "Tbilisi", randomText(rng)}[rng.IntN(3)], "town": randomText(rng)}
			if rng.IntN(3) > 0 {
				answers["essay"] = randomText(rng)
			}
			a, err := json.Marshal(answers)
			if err != nil {
				t.Fatal(err)
			}
			name, _ := json.Marshal(randomText(rng))
			sheets = append(sheets, `{`+seed+`"student":`+string(name)+`,"answers":`+string(a)+`}`)
		}
		results, _ := gradeSheets(t, sheets...)
		pass := 50.0
		kept := htmlreport.NewClass(&pass, time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC))
		looked := htmlreport.NewClass(&pass, time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC))
		var cs grade.ClassStats
		for _, r := range results {
			kept.Add(grade.PageSheet(r))
			looked.AddLookingUp(grade.PageSheet(r))
			cs.Add(r)
		}
		kept.ToMark, looked.ToMark = cs.ToMark(), cs.ToMark()
		sum := cs.Summary(30)
		var got, want bytes.Buffer
		if err := kept.Write(&got, sum); err != nil {
			t.Fatal(err)
		}
		if err := looked.Write(&want, sum); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("round %d: %d sheets: the page differs from the page of every question looked up", round, len(sheets))
		}
	}
}
