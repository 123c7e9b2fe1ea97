//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// yearBank is one numeric question that asks for a year.
const yearBank = `id: year
title: Year
questions:
  - {id: year, type: numeric, prompt: "Ceasefire year?", answer: 1994, unit: year, explanation: May 1994., source: {section: UN resolution, paragraph: 1, quote: "Since a 1994 ceasefire"}}
`

// teacher14 P13 and P3: at the re-ask of a number, the message says how to
// leave the question blank, Ctrl-U clears the refused line in the box (it
// gave "i dont know1994"), and once the answer is taken, the red message
// is gone from above it.
func TestPTYCtrlUClearsARefusedNumber(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "year.yaml", yearBank)
	report := filepath.Join(dir, "ana.json")
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, "quiz", "--bank", bankFile, "--no-history", "--seed", "1", "--student", "Ana", "-o", report)
	scr.waitFor("Ceasefire year?")
	scr.send("i dont know" + keyEnter)
	const refusal = "Please type a year, such as"
	scr.waitFor("; an empty answer leaves it blank.")
	scr.send("\x15" + "1994")
	scr.waitFor("1994")
	if rows := scr.visible(); !slices.Contains(rows, "> 1994") {
		t.Errorf("after Ctrl-U and 1994, want the box to hold 1994 alone:\n%s", strings.Join(rows, "\n"))
	}
	scr.send(keyEnter)
	scr.waitFor("✓ Right.")
	screen := strings.Join(scr.visible(), "\n")
	if strings.Contains(screen, refusal) || strings.Contains(screen, "know") || !strings.Contains(screen, "Question 1 of 1\n? Ceasefire year?") {
		t.Errorf("after the answer was taken, want the header, the question and no message above it:\n%s", screen)
	}
	scr.next()
	if data := reportAfterExit(t, done, errOut, report); !strings.Contains(string(data), `"given": "1994"`) {
		t.Errorf("report:\n%s", data)
	}
	checkCooked(t, tty)
}

// A refused answer that wrapped onto a second row, or ended at the screen's
// right edge, took the header above the prompt with it when the message was
// drawn: survey's line reader leaves the cursor on the answer's first row
// (one row higher at the edge), and the message's erase counted from its
// last.
func TestPTYWrappedRefusedAnswerKeepsTheHeader(t *testing.T) {
	if ownProcess(t) {
		return
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "year.yaml", yearBank)
	for _, answer := range []string{
		"i do not know which year it was, I am sorry", // 2 + 43 columns: two rows
		"i do not know which year it was, sorry",      // 2 + 38: up to the edge
	} {
		t.Run(answer, func(t *testing.T) { refuseWrapped(t, bankFile, answer) })
	}
}

// refuseWrapped is one case of TestPTYWrappedRefusedAnswerKeepsTheHeader.
func refuseWrapped(t *testing.T, bankFile, answer string) {
	scr, tty := newVTScreen(t, 40, 24)
	report := filepath.Join(t.TempDir(), "ana.json")
	done, errOut := runOnTTY(t, tty, "quiz", "--bank", bankFile, "--no-history", "--seed", "1", "--student", "Ana", "-o", report)
	scr.waitFor("Ceasefire year?")
	scr.send(answer + keyEnter)
	scr.waitFor("leaves it blank.")
	if rows := scr.visible(); !slices.Contains(rows, "Question 1 of 1") {
		t.Errorf("%q: the header is gone after the refusal:\n%s", answer, strings.Join(rows, "\n"))
	}
	if len(answer) == 38 {
		// survey draws a refused line that ends at the edge askew
		// when it is edited: not this test's matter.
		scr.send(keyCtrlC)
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("Ctrl-C did not end the quiz")
		}
		checkCooked(t, tty)
		return
	}
	scr.send("\x15" + "1994" + keyEnter)
	scr.waitFor("✓ Right.")
	if rows := scr.visible(); !slices.Contains(rows, "Question 1 of 1") || strings.Contains(strings.Join(rows, "\n"), "leaves it blank") {
		t.Errorf("%q: want the header and no message once the answer is taken:\n%s", answer, strings.Join(rows, "\n"))
	}
	scr.next()
	_ = reportAfterExit(t, done, errOut, report)
	checkCooked(t, tty)
}
