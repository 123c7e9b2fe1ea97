package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

const orderBank = `id: p
title: P
questions:
  - {id: q1, type: single, prompt: "One?", choices: [Baku, Yerevan, Tbilisi], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
  - {id: q2, type: single, prompt: "Two?", choices: [Baku, Yerevan, Tbilisi], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
  - {id: q3, type: single, prompt: "Three?", choices: [Baku, Yerevan, Tbilisi], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
  - {id: q4, type: single, prompt: "Four?", choices: [Baku, Yerevan, Tbilisi], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
`

// Every summary lists the responses in bank order, as its questions and the
// class page do, whatever order the first student met them in (issue 11, P5).
func TestSummaryResponsesInBankOrder(t *testing.T) {
	files := map[string]string{"p.yaml": orderBank}
	var sheets []string
	for s := range 3 {
		name := fmt.Sprintf("s%d.yaml", s+1)
		files[name] = fmt.Sprintf("student: S%d\nbanks: [p.yaml]\nseed: %d\nanswers: {q1: Baku, q2: Yerevan, q3: Baku, q4: Tbilisi}\n", s+1, s+1)
		sheets = append(sheets, name)
	}
	gradeFixture(t, files)
	bankOrder := []string{"p/q1", "p/q2", "p/q3", "p/q4"}
	for _, out := range []string{"s.json", "s.md"} {
		f, _, _, errOut := testFactory(t)
		if code := Run(f, append(append([]string{"grade"}, sheets...), "--summary", out)); code > ExitNegative {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	}
	var sum struct {
		Questions []struct{ ID string } `json:"questions"`
		Responses []struct{ ID string } `json:"responses"`
	}
	data, _ := os.ReadFile("s.json")
	if err := json.Unmarshal(data, &sum); err != nil {
		t.Fatal(err)
	}
	var q, r []string
	for _, it := range sum.Questions {
		q = append(q, it.ID)
	}
	for _, it := range sum.Responses {
		r = append(r, it.ID)
	}
	if !slices.Equal(q, bankOrder) || !slices.Equal(r, bankOrder) {
		t.Errorf("JSON: questions %v, responses %v; want both %v", q, r, bankOrder)
	}
	md, _ := os.ReadFile("s.md")
	responses := string(md[strings.Index(string(md), "## Responses"):])
	last := -1
	for _, id := range bankOrder {
		at := strings.Index(responses, "### "+id+" ")
		if at < last {
			t.Errorf("Markdown: %s before the question it follows in the bank:\n%s", id, responses)
		}
		last = at
	}
}
