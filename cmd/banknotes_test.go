package cmd

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A bank's warnings come once, just before the first sheet (in the order the
// sheets are read) that names the bank, however many workers grade and
// whichever loads the bank first: the same stderr on every run, as a CI log
// compared with the last run's needs (attack20 L2: 6 runs gave 6 orders).
func TestGradeBankWarningsInSheetOrder(t *testing.T) {
	files := map[string]string{}
	const banks, sheets = 6, 48
	for b := range banks {
		files[fmt.Sprintf("b%d.yaml", b)] = fmt.Sprintf(`id: b%d
title: B%d
questions:
  - {id: c%d, type: single, prompt: "Capital?", choices: [Baku, Şuşa, Susa], answer: Baku, explanation: E, source: {section: Introduction, paragraph: 2, quote: q}}
`, b, b, b)
	}
	for s := range sheets {
		refs := fmt.Sprintf("b%d.yaml", (sheets-1-s)%banks) // the last bank first
		if s%5 == 4 {
			refs += fmt.Sprintf(", b%d.yaml", (s+1)%banks)
		}
		files[fmt.Sprintf("class/s%02d.yaml", s)] = fmt.Sprintf("student: S%02d\nbanks: [%s]\nanswers: {nosuch: x}\n", s, refs)
	}
	gradeFixture(t, files)
	var first string
	for run := range 12 {
		f, _, _, errOut := testFactory(t)
		cmd := NewCmdGrade(f, func(o *GradeOptions) error {
			o.workers = 1 + run%4 // 1 to 4 graders from the start; they run ahead of the handler
			return gradeRun(o)
		})
		cmd.SetArgs([]string{"class", "--format", "csv"})
		cmd.SetOut(f.IOStreams.Out)
		cmd.SetErr(f.IOStreams.ErrOut)
		cmd.Execute()
		got := errOut.String()
		if run == 0 {
			first = got
			checkBankWarningOrder(t, got)
		} else if got != first {
			t.Fatalf("run %d's stderr differs from run 0's:\n%s\n---- run 0:\n%s", run, got, first)
		}
	}
}

// checkBankWarningOrder checks that each bank's warning comes once, right
// before the first sheet's line that names the bank.
func checkBankWarningOrder(t *testing.T, stderr string) {
	t.Helper()
	bankLine := regexp.MustCompile(`^b(\d)\.yaml:\d+: warning: question "c\d"`)
	sheetLine := regexp.MustCompile(`^class/s(\d\d)\.yaml:\d+: warning: question "nosuch"`)
	warned := map[string]int{}
	var pending []string
	sheetsSeen := 0
	for _, l := range strings.Split(stderr, "\n") {
		if m := bankLine.FindStringSubmatch(l); m != nil {
			warned[m[1]]++
			pending = append(pending, m[1])
			continue
		}
		m := sheetLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		s, _ := strconv.Atoi(m[1])
		if s != sheetsSeen {
			t.Fatalf("sheet s%02d's line where s%02d's was due:\n%s", s, sheetsSeen, stderr)
		}
		sheetsSeen++
		want := []string{fmt.Sprint((47 - s) % 6)}
		if s%5 == 4 {
			want = append(want, fmt.Sprint((s+1)%6))
		}
		var due []string
		for _, b := range want {
			if warned[b] == 0 || slices.Contains(pending, b) {
				due = append(due, b)
			}
		}
		if strings.Join(pending, ",") != strings.Join(due, ",") {
			t.Fatalf("before s%02d's line: bank warnings %v, want %v (each bank's, once, before the first sheet that names it)\n%s", s, pending, due, stderr)
		}
		pending = nil
	}
	if sheetsSeen != 48 || len(warned) != 6 {
		t.Fatalf("%d sheets' lines and %d banks' warnings, want 48 and 6:\n%s", sheetsSeen, len(warned), stderr)
	}
	for b, n := range warned {
		if n != 1 {
			t.Errorf("bank b%s warned %d times, want once", b, n)
		}
	}
}
