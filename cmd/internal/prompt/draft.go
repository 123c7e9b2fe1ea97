package prompt

import (
	"slices"
	"sync"
	"unicode"

	"github.com/AlecAivazis/survey/v2/terminal"
)

// draft is the text in a text prompt's box while the student types it, so
// that a quiz ended by the time limit, Ctrl-C or a signal before Enter keeps
// it (Survey.Draft; teacher6 A1). survey's line reader does not give its
// line away when the prompt is cut short from outside (a time limit leaves it
// blocked on the next key), but it shows each key, and the line before that
// key, to the prompt's OnRune function: the line is survey's own, and only
// the last key's edit is applied here, as survey's line reader applies it
// (terminal.RuneReader.ReadLineWithDefault): printable runes are inserted at
// the cursor; Backspace and DEL delete before it and the Delete key after it;
// ← → Home End move it; other control keys (↑ ↓, Tab) do nothing there, and
// nothing here. Ctrl-U and Ctrl-W, which survey ignores, are Backspaces the
// prompt hands survey (kill), each followed here as it comes. The cursor is
// kept here: survey does not show it to OnRune.
//
// A draft is read from another goroutine (the session's, at the time limit)
// while the prompt's goroutine still feeds it keys.
type draft struct {
	mu   sync.Mutex
	line []rune
	at   int // the cursor: how many runes before it
}

const (
	ctrlU         = 0x15
	ctrlW         = 0x17
	ctrlX         = 0x18
	ctrlBackslash = 0x1c
	ctrlC         = 0x03
	esc           = 0x1b
)

// reset empties the box: a prompt begins, or its line was submitted.
func (d *draft) reset() { d.set(nil) }

// set puts line in the box with the cursor at its end: survey's own line,
// as its line reader returned it at Ctrl-C.
func (d *draft) set(line []rune) {
	if d == nil {
		return // a prompt whose text is no answer (Pause)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.line = slices.Clone(line)
	d.at = len(d.line)
}

// text is what the box holds.
func (d *draft) text() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return string(d.line)
}

// key takes a key survey's line reader read, and its line before the key.
func (d *draft) key(r rune, before []rune) {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.same(before) {
		d.line = slices.Clone(before)
	}
	d.at = min(max(d.at, 0), len(d.line))
	switch {
	case r == terminal.KeyEnter || r == '\n' || r == terminal.KeyEndTransmission || r == terminal.KeyInterrupt:
		// The line ends as it is (submitted, or cut short: the prompt says).
	case r == terminal.KeyBackspace || r == terminal.KeyDelete:
		if d.at > 0 {
			d.line = slices.Delete(d.line, d.at-1, d.at)
			d.at--
		}
	case r == terminal.SpecialKeyDelete:
		if d.at < len(d.line) {
			d.line = slices.Delete(d.line, d.at, d.at+1)
		}
	case r == terminal.KeyArrowLeft:
		d.at = max(d.at-1, 0)
	case r == terminal.KeyArrowRight:
		d.at = min(d.at+1, len(d.line))
	case r == terminal.SpecialKeyHome:
		d.at = 0
	case r == terminal.SpecialKeyEnd:
		d.at = len(d.line)
	case unicode.IsControl(r) || r == terminal.IgnoreKey:
	default:
		d.line = slices.Insert(d.line, d.at, r)
		d.at++
	}
}

// kill is how many runes before the cursor a key erases as a shell's line
// does (readline's unix-line-discard and unix-word-rubout): Ctrl-U all of
// them, Ctrl-W the word before the cursor and the spaces after it; 0 for
// any other key. The prompt hands survey as many Backspaces (input.read).
func (d *draft) kill(r rune) int {
	if d == nil || (r != ctrlU && r != ctrlW) {
		return 0
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	at := min(max(d.at, 0), len(d.line))
	if r == ctrlU {
		return at
	}
	i := at
	for i > 0 && unicode.IsSpace(d.line[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(d.line[i-1]) {
		i--
	}
	return at - i
}

// same reports whether the box already holds before, as it does after each
// key it followed: the line is copied only when it is not. Copying it at
// every key made a 100 KB paste quadratic (attack9 #6): its length, its
// last rune and the rune before the cursor are compared instead.
func (d *draft) same(before []rune) bool {
	n := len(before)
	if n != len(d.line) {
		return false
	}
	if n == 0 {
		return true
	}
	if before[n-1] != d.line[n-1] {
		return false
	}
	return d.at <= 0 || d.at > n || before[d.at-1] == d.line[d.at-1]
}

// ticks are the options ticked in a checklist (MultiSelect, SelfCheck) as
// it was last drawn, so that a quiz ended by the time limit, Ctrl-C or a
// signal before Enter keeps them as the text box keeps its draft (attack13
// #2). survey keeps its ticks unexported, but it draws the checklist from
// them at every key (MultiSelectTemplateData.Checked): the checklist's
// template hands them here (recordTicks) each time it is drawn. Following
// survey's keys (Space, → and ← among filtered options, pages) would copy
// its menu logic and could drift from it; what is kept now is what the
// screen showed, which Enter would have handed in.
//
// Read from the session's goroutine (the time limit) while the prompt's
// goroutine draws.
type ticks struct {
	mu sync.Mutex
	on []int
}

// set records the options ticked, in the checklist's order; nil: none.
func (t *ticks) set(checked map[int]bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.on = t.on[:0]
	for i, ok := range checked {
		if ok {
			t.on = append(t.on, i)
		}
	}
	slices.Sort(t.on)
}

// get is a copy of the options ticked.
func (t *ticks) get() []int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.on)
}

// checklists are the checklists being asked, a question's or a
// self-check's, each by its first option (as drawn: the same string in
// every copy of the prompt survey draws from), with the ticks it records.
var checklists sync.Map

// askChecklist records the ticks drawn of the checklist whose first
// option is key in s.ticks, until forgetChecklist.
func (s *Survey) askChecklist(key *string) {
	s.forgetChecklist()
	s.asking.Store(key)
	checklists.Store(key, &s.ticks)
}

// forgetChecklist stops recording the checklist being asked, if any: when
// Enter hands it in, and at Abort, after which a redraw of the prompt left
// blocked (SIGCONT) must not change the ticks kept.
func (s *Survey) forgetChecklist() {
	if key := s.asking.Swap(nil); key != nil {
		checklists.Delete(key)
	}
}

// recordTicks is the checklist template's "ticked" function: it records
// the ticks drawn, when the checklist is being asked, and draws nothing.
func recordTicks(options []string, checked map[int]bool) string {
	if len(options) == 0 {
		return ""
	}
	if t, ok := checklists.Load(&options[0]); ok {
		t.(*ticks).set(checked)
	}
	return ""
}
