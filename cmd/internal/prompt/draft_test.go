package prompt

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/AlecAivazis/survey/v2/terminal"
)

// keysFile is a terminal.FileReader that gives one key a read, as a
// terminal does: an escape sequence whole (survey's reader reads one as a
// key only when it arrives whole), a rune alone.
type keysFile struct{ keys []string }

func (k *keysFile) Read(p []byte) (int, error) {
	if len(k.keys) == 0 {
		return 0, io.EOF
	}
	n := copy(p, k.keys[0])
	k.keys[0] = k.keys[0][n:]
	if k.keys[0] == "" {
		k.keys = k.keys[1:]
	}
	return n, nil
}

func (*keysFile) Fd() uintptr { return ^uintptr(0) }

// keys splits typed into the keys a terminal sends: an escape sequence
// whole, any other rune alone.
func keys(typed string) []string {
	var out []string
	for len(typed) > 0 {
		if strings.HasPrefix(typed, "\x1b[") {
			end := strings.IndexAny(typed[2:], "ABCDFHR~") + 3
			out, typed = append(out, typed[:end]), typed[end:]
			continue
		}
		_, n := utf8.DecodeRuneInString(typed)
		out, typed = append(out, typed[:n]), typed[n:]
	}
	return out
}

// cursorReports answer the two cursor queries survey's line reader makes
// before it reads a key: the screen's size (80x24), then where it stands.
const cursorReports = "\x1b[24;80R\x1b[1;3R"

// discard is a terminal.FileWriter that keeps nothing.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
func (discard) Fd() uintptr                 { return ^uintptr(0) }

// The draft follows survey's own line reader key by key: what survey's line
// holds when the keys run out is the draft, whatever editing was done, and
// the draft applies the last key itself (survey shows OnRune the line
// before the key).
func TestDraftFollowsSurveysLineEditing(t *testing.T) {
	const (
		left, right = "\x1b[D", "\x1b[C"
		home, end   = "\x1b[H", "\x1b[F"
		del         = "\x1b[3~"
		up, down    = "\x1b[A", "\x1b[B"
		// at answers the cursor query survey makes after inserting a
		// rune before others.
		at = "\x1b[1;5R"
	)
	for _, c := range []struct{ name, keys, want string }{
		{"typed", "The USSR, it was big", "The USSR, it was big"},
		{"backspace and DEL", "Bakuu\b\x7fu", "Baku"},
		{"backspace at the start", "\x7f\x7fab", "ab"},
		{"insert after moving left", "USR" + left + left + "S" + at, "USSR"},
		{"home and end", "SSR" + home + "U" + at + end + "!", "USSR!"},
		{"forward delete", "Xocxalı" + left + left + left + left + del, "Xocalı"},
		{"right past the end", "ab" + right + right + "c", "abc"},
		{"ctrl-u, ctrl-w (survey alone: the prompt erases), arrows up and down, tab do nothing", "one\x15 two\x17" + up + down + "\t", "one two"},
		{"wide and accented runes", "Xocalı Ходжалы 霍", "Xocalı Ходжалы 霍"},
		{"backspace over a wide rune", "a霍\x7fb", "ab"},
		{"backspace inside the line", "Bakxu" + left + "\x7f", "Baku"},
		{"Ctrl-C", "half an answ\x03", "half an answ"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var d draft
			rr := terminal.NewRuneReader(terminal.Stdio{In: &keysFile{keys(cursorReports + c.keys)}, Out: discard{}, Err: io.Discard})
			line, err := rr.ReadLineWithDefault(0, nil, func(r rune, line []rune) ([]rune, bool, error) {
				d.key(r, line)
				return line, false, nil
			})
			if err != io.EOF && err != terminal.InterruptErr {
				t.Fatalf("survey's line reader ended with %v, want the keys to run out", err)
			}
			if string(line) != c.want {
				t.Fatalf("survey's own line is %q, want %q: the case is wrong, not the draft", string(line), c.want)
			}
			if got := d.text(); got != c.want {
				t.Errorf("draft %q, survey's line %q", got, c.want)
			}
		})
	}
}

// Ctrl-C returns survey's line, which the prompt puts in the draft; Enter
// submits it and the prompt empties the draft.
func TestDraftKeys(t *testing.T) {
	var d draft
	for _, r := range "half an answ" {
		d.key(r, []rune(d.text()))
	}
	d.key(terminal.KeyInterrupt, []rune(d.text()))
	if got := d.text(); got != "half an answ" {
		t.Errorf("after Ctrl-C the draft is %q", got)
	}
	d.reset()
	if got := d.text(); got != "" {
		t.Errorf("after reset the draft is %q", got)
	}
}

// A key typed at the end of a long line (a 100 KB paste arrives as 100,000
// keys) costs the draft no copy of the line: copying it at every key made
// such a paste take 16 s of CPU (attack9 #6).
func TestDraftKeyDoesNotCopyTheLine(t *testing.T) {
	var d draft
	line := []rune(strings.Repeat("x", 100_000))
	d.set(line)
	allocs := testing.AllocsPerRun(1000, func() {
		d.key('y', line)
		line = append(line, 'y') // survey's own line, as its reader appends
	})
	if allocs >= 1 {
		t.Errorf("%.1f allocations a key on a line of %d runes, want the line not copied", allocs, len(line))
	}
	if got := d.text(); got != string(line) {
		t.Errorf("the draft lost track: %d runes, want %d", len(got), len(line))
	}
}

// A checklist cut short by a time limit leaves its prompt's goroutine
// blocked, never returning to forget it: Abort forgets it, so that the
// package's map keeps no entry and a later redraw records no ticks
// (review 23 #5).
func TestAbortForgetsTheChecklist(t *testing.T) {
	s := &Survey{}
	options := []string{"a) one", "b) two"}
	s.askChecklist(&options[0])
	recordTicks(options, map[int]bool{1: true})
	if got := s.ticks.get(); len(got) != 1 || got[0] != 1 {
		t.Fatalf("ticks %v, want [1]", got)
	}
	s.forgetChecklist() // what Abort does first
	if _, ok := checklists.Load(&options[0]); ok {
		t.Error("the checklist is still in checklists after Abort")
	}
	recordTicks(options, map[int]bool{0: true})
	if got := s.ticks.get(); len(got) != 1 || got[0] != 1 {
		t.Errorf("a redraw after Abort changed the ticks kept: %v", got)
	}
}
