package cmd

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/text"
)

const percentBank = `id: p
title: P
questions:
  - {id: names, type: match, prompt: "Match the names.", pairs: [{left: Khojaly, right: Xocalı}, {left: Shusha, right: Shushi}, {left: Stepanakert, right: Khankendi}], explanation: E, source: {section: Introduction, paragraph: 3, quote: q}}
  - {id: capital, type: single, prompt: "Capital?", choices: [Baku, Yerevan, Tbilisi], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
`

// One class graded into every format gives every student one percent, from
// the score itself (4/3 of 2 is 66.67 %, not 1.33 of 2 = 66.5 %), and every
// question one facility, rounded one way (issue 10, P6).
func TestPercentsAgreeAcrossFormats(t *testing.T) {
	gradeFixture(t, map[string]string{
		"p.yaml":   percentBank,
		"ana.yaml": "student: Ana\nbanks: [p.yaml]\nanswers: {names: {Khojaly: Xocalı, Shusha: Khankendi, Stepanakert: Shushi}, capital: Baku}\n",
		"bo.yaml":  "student: Bo\nbanks: [p.yaml]\nanswers: {names: {Khojaly: Xocalı, Shusha: Shushi, Stepanakert: Shushi}, capital: Yerevan}\n",
		"cy.yaml":  "student: Cy\nbanks: [p.yaml]\nanswers: {names: {Khojaly: Xocalı, Shusha: Shushi, Stepanakert: Khankendi}, capital: Baku}\n",
	})
	want := map[string]float64{"Ana": text.Percent(1+1.0/3, 2), "Bo": text.Percent(2.0/3, 2), "Cy": 100}
	if want["Ana"] != 66.67 || want["Bo"] != 33.33 {
		t.Fatalf("text.Percent: %v", want)
	}
	run := func(args ...string) string {
		t.Helper()
		f, _, out, errOut := testFactory(t)
		if code := Run(f, append([]string{"grade", "ana.yaml", "bo.yaml", "cy.yaml"}, args...)); code > ExitNegative {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return out.String()
	}

	var results []struct {
		Student string  `json:"student"`
		Percent float64 `json:"percent"`
	}
	if err := json.Unmarshal([]byte(run("--format", "json")), &results); err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Percent != want[r.Student] {
			t.Errorf("JSON: %s %v %%, want %v", r.Student, r.Percent, want[r.Student])
		}
	}
	rows, err := csv.NewReader(strings.NewReader(run("--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return indexOf(rows[0], name) }
	for _, row := range rows[1:] {
		if p, _ := strconv.ParseFloat(row[col("percent")], 64); p != want[row[col("student")]] {
			t.Errorf("CSV: %s %s %%, want %v", row[col("student")], row[col("percent")], want[row[col("student")]])
		}
	}
	// The formats for people show one decimal of the same percent.
	for format, end := range map[string]string{"text": "%", "markdown": " |"} {
		out := run("--format", format)
		for name, p := range want {
			if !strings.Contains(out, " "+text.FormatPercent(p)+end) {
				t.Errorf("%s: no %s%% for %s:\n%s", format, text.FormatPercent(p), name, out)
			}
		}
	}

	// The summary's facility is the same number in JSON, CSV and Markdown.
	run("--summary", "s.json")
	run("--summary", "s.csv")
	run("--summary", "s.md")
	var sum struct {
		Items []struct {
			ID       string  `json:"id"`
			Facility float64 `json:"facility"`
		} `json:"questions"`
	}
	data, _ := os.ReadFile("s.json")
	if err := json.Unmarshal(data, &sum); err != nil || len(sum.Items) != 2 {
		t.Fatalf("s.json: %v\n%s", err, data)
	}
	csvData, _ := os.ReadFile("s.csv")
	md, _ := os.ReadFile("s.md")
	for _, it := range sum.Items {
		f := strconv.FormatFloat(it.Facility, 'f', 2, 64)
		if it.ID == "p/names" && f != "66.67" {
			t.Errorf("facility of names %s, want 66.67", f)
		}
		if !strings.Contains(string(csvData), it.ID+","+"1,"+strings.TrimSuffix(strings.TrimRight(f, "0"), ".")) {
			t.Errorf("s.csv has no facility %s for %s:\n%s", f, it.ID, csvData)
		}
		if !strings.Contains(string(md), it.ID+" | ") || !strings.Contains(string(md), " "+f+"% ") {
			t.Errorf("s.md has no facility %s%% for %s:\n%s", f, it.ID, md)
		}
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
