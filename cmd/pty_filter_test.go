//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

const filterBank = `id: filter
title: Filter test
questions:
  - {id: capital, type: single, prompt: "Capital of Azerbaijan?", choices: [Baku, Yerevan, Tbilisi, Ganja], answer: Baku, explanation: Baku is the capital., source: {section: Introduction, paragraph: 2, quote: "Azeris around the world"}}
  - {id: seas, type: multi, prompt: "Which seas?", choices: [Black Sea, Caspian Sea, Red Sea], answers: [Black Sea, Caspian Sea], explanation: Between two seas., source: {section: UN resolution, paragraph: 3, quote: "between the Black Sea and the Caspian Sea"}}
`

// teacher4 P1: a student who types an option's letter, as on the paper
// test, sees that option alone and chooses it with Enter (survey's own
// filter looked for the letter inside the options' words: "b" kept Baku and
// Tbilisi, or nothing at all); in a checklist, letter and space tick. Text
// that matches nothing says so and how to get the options back.
func TestPTYMenuLetters(t *testing.T) {
	if ownProcess(t) {
		return
	}
	rowWith := func(rows []string, s string) string {
		for _, r := range rows {
			if strings.Contains(r, s) {
				return r
			}
		}
		return ""
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "filter.yaml", filterBank)
	b, _, err := quiz.ParseBank(bankFile, []byte(filterBank))
	if err != nil {
		t.Fatal(err)
	}
	const seed = "3"
	questions, _ := quiz.Select([]*quiz.Bank{b}, quiz.Filter{}, 3)
	letterOf := func(p *quiz.Presented, option string) string {
		for i, o := range p.Options() {
			if o == option {
				return text.Letter(i)
			}
		}
		t.Fatalf("no option %q in %v", option, p.Options())
		return ""
	}
	report := filepath.Join(dir, "report.json")
	scr, tty := newVTScreen(t, 80, 24)
	done, errOut := runOnTTY(t, tty, "quiz", "--bank", bankFile, "--seed", seed, "--student", "Ana", "-o", report)
	for i, p := range questions {
		scr.waitFor(p.Prompt)
		scr.waitFor("to filter")
		switch p.Type {
		case quiz.Single:
			scr.send("zz")
			scr.waitFor(`No option matches "zz": press Backspace or Ctrl-U to clear it.`)
			rows := scr.visible()
			for _, o := range p.Options() {
				if onScreen(rows, o) {
					t.Errorf("%q is shown for a filter that matches no option:\n%s", o, strings.Join(rows, "\n"))
				}
			}
			scr.send("\x15")                             // Ctrl-U clears the filter (attack10 #11)
			scr.waitFor(p.Options()[len(p.Options())-1]) // all back
			// teacher5 P1: each option shows its letter, in the order shown,
			// and the letter the student reads off the screen is the one
			// that keeps the option.
			rows = scr.visible()
			for i, o := range p.Options() {
				if want := text.Letter(i) + ") " + o; !onScreen(rows, want) {
					t.Errorf("%q is not shown:\n%s", want, strings.Join(rows, "\n"))
				}
			}
			shown := ""
			if m := regexp.MustCompile(`([a-z])\) Baku\s*$`).FindStringSubmatch(rowWith(rows, "Baku")); m != nil {
				shown = m[1]
			}
			l := letterOf(p, "Baku")
			if shown != l {
				t.Fatalf("Baku shows letter %q, want %q:\n%s", shown, l, strings.Join(rows, "\n"))
			}
			scr.send(shown)
			scr.waitFor("Baku")
			rows = scr.visible()
			for _, o := range p.Options() {
				if o != "Baku" && onScreen(rows, o) {
					t.Errorf("typed %q (Baku's letter), yet %q is shown:\n%s", l, o, strings.Join(rows, "\n"))
				}
			}
			if onScreen(rows, "No option matches") {
				t.Errorf("a letter that matches says none does:\n%s", strings.Join(rows, "\n"))
			}
			scr.send(keyEnter)
			// survey echoes the chosen option as drawn: with its letter.
			scr.waitFor("  " + l + ") Baku")
		case quiz.Multi:
			rows := scr.visible()
			for i, o := range p.Options() {
				if want := "[ ]  " + text.Letter(i) + ") " + o; !onScreen(rows, want) {
					t.Errorf("%q is not shown:\n%s", want, strings.Join(rows, "\n"))
				}
			}
			scr.send(letterOf(p, "Black Sea") + keySpace)
			scr.send(strings.ToUpper(letterOf(p, "Caspian Sea")) + keySpace)
			scr.send(keyEnter)
		}
		scr.waitFor("✓ Right.")
		if i < len(questions)-1 {
			scr.next()
		}
	}
	scr.next()
	data := reportAfterExit(t, done, errOut, report)
	if !strings.Contains(string(data), `"percent": 100`) {
		t.Errorf("the answers chosen by letter were not both right:\n%s", data)
	}
	checkCooked(t, tty)
}
