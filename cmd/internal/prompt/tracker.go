package prompt

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"
)

// tracker passes survey's drawing through to the terminal and follows how
// many lines below the prompt's first the cursor stands, so that a prompt
// cut short by the time limit can be cleared whole. Every line conflictq and
// survey draw fits the width (see layout.go), so the terminal wraps none and
// newlines and cursor moves tell the row.
type tracker struct {
	terminal.FileWriter
	mu  sync.Mutex
	row int
	// most is the lowest row the cursor reached since start: how many
	// rows the prompt drew below its first.
	most int
	esc  []byte // an escape sequence split across writes
	// head is how many rows below the session's last question header the
	// cursor stands, 0 when there is none to follow (markHeader).
	head int
	// saved is row and head when the cursor was saved (ESC 7), and 1 once
	// it was.
	saved [3]int
	// asked counts the cursor position queries (ESC[6n) written, the last
	// at askedAt: survey waits for each answer on its input (queries).
	asked   int
	askedAt time.Time
	// corner: the cursor was last moved to row and column 999 (survey's
	// way of measuring the screen); askedSize: the last query followed it.
	corner, askedSize bool
}

func (t *tracker) Write(p []byte) (int, error) {
	t.mu.Lock()
	t.follow(p)
	t.mu.Unlock()
	return t.FileWriter.Write(p)
}

// follow counts newlines and the cursor-up and -down moves survey makes
// (ESC[nA, ESC[nB, ESC[nE, ESC[nF).
func (t *tracker) follow(p []byte) {
	for _, c := range p {
		if len(t.esc) > 0 {
			t.esc = append(t.esc, c)
			if len(t.esc) == 2 && c != '[' {
				// ESC 7 saves the cursor and ESC 8 puts it back: survey
				// saves it, steps up over a multi-select's options and
				// restores it, which moved nothing (teacher13 A1: the
				// question was drawn twice after a confirm).
				switch c {
				case '7':
					t.saved = [3]int{t.row, t.head, 1}
				case '8':
					if t.saved[2] == 1 {
						t.row, t.head = t.saved[0], t.saved[1]
					}
				}
				t.esc = t.esc[:0]
				continue
			}
			if len(t.esc) > 2 && c >= 0x40 && c <= 0x7e {
				n, err := strconv.Atoi(string(t.esc[2 : len(t.esc)-1]))
				if err != nil {
					n = 1
				}
				switch c {
				case 'A', 'F':
					t.row = max(0, t.row-n)
					t.up(n)
				case 'B', 'E':
					t.row += n
					t.most = max(t.most, t.row)
					t.down(n)
				case 'n':
					if string(t.esc[2:len(t.esc)-1]) == "6" {
						t.asked++
						t.askedAt = time.Now()
						t.askedSize, t.corner = t.corner, false
					}
				case 'f', 'H':
					t.corner = string(t.esc[2:len(t.esc)-1]) == "999;999"
				}
				t.esc = t.esc[:0]
			}
			continue
		}
		switch c {
		case 0x1b:
			t.esc = append(t.esc, c)
		case '\n':
			t.row++
			t.most = max(t.most, t.row)
			t.down(1)
		}
	}
}

// up and down follow the cursor's rows below the header; a move onto it
// or above loses it (the prompt draws there, not the session).
func (t *tracker) up(n int) {
	if t.head > 0 {
		t.head -= n
		if t.head <= 0 {
			t.head = 0
		}
	}
}

func (t *tracker) down(n int) {
	if t.head > 0 {
		t.head += n
	}
}

// queries is how many cursor position queries were written, and when the
// last was.
func (t *tracker) queries() (int, time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.asked, t.askedAt
}

// standInReport is the cursor report given to survey for a query the
// terminal never answered (resumeReader.awaitingReport): survey waits for
// one on its input and took every key typed meanwhile as part of it
// (attack11 #9). A query that measures the screen (from the corner) gets
// the screen's size; one for the cursor gets the start of the last row,
// which makes survey's line editor step down with a newline, and erase no
// row above the prompt.
func (t *tracker) standInReport() []byte {
	t.mu.Lock()
	size := t.askedSize
	t.mu.Unlock()
	w, h, err := term.GetSize(int(t.Fd()))
	if err != nil || w <= 0 || h <= 0 {
		w, h = 80, 24
	}
	if !size {
		w = 1
	}
	return []byte(fmt.Sprintf("\x1b[%d;%dR", h, w))
}

// markHeader says the session has just written a question's header on the
// row above the cursor.
func (t *tracker) markHeader() {
	t.mu.Lock()
	t.head = 1
	t.mu.Unlock()
}

// replaceHeader writes line over the header row and puts the cursor back,
// when the header is still followed and on the screen: no more rows below
// it than the screen has.
func (t *tracker) replaceHeader(line string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, rows, err := term.GetSize(int(t.Fd()))
	if t.head <= 0 || err != nil || t.head >= rows {
		return
	}
	fmt.Fprintf(t.FileWriter, "\r\x1b[%dA\x1b[2K%s\r\x1b[%dB", t.head, line, t.head)
}

// clearToHeader erases every row under the question's header and puts the
// cursor on the first, when the header is still followed and on the
// screen.
func (t *tracker) clearToHeader() {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, rows, err := term.GetSize(int(t.Fd()))
	if t.head <= 0 || err != nil || t.head >= rows {
		return
	}
	up := ""
	if t.head > 1 {
		up = fmt.Sprintf("\x1b[%dA", t.head-1)
	}
	fmt.Fprintf(t.FileWriter, "\r%s\x1b[J", up)
	t.head, t.row, t.most = 1, 0, 0
}

// start marks the cursor's row as a prompt's first.
func (t *tracker) start() {
	t.mu.Lock()
	t.row, t.most, t.esc = 0, 0, t.esc[:0]
	t.mu.Unlock()
}

// drawn is how many rows below its first the prompt has drawn.
func (t *tracker) drawn() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.most
}

// below makes room for a prompt drawn again after a stop and a continue,
// under the lines the shell wrote meanwhile: survey first erases, upwards,
// as many rows as it last drew (n), which were the shell's ("$ fg") and
// then the prompt's own, the student's answer above a checklist among them
// (attack9 #3). Blank rows are put there for it to erase, and the prompt
// starts on the first of them; save sets a menu's cursor (ESC 7) at their
// end, where survey redraws a menu from.
func (t *tracker) below(n int, save bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := "\r\n" + strings.Repeat("\n", n)
	if save {
		s += "\x1b7"
	}
	_, _ = io.WriteString(t.FileWriter, s)
	t.row, t.most, t.esc = n, n, t.esc[:0]
}

// clear erases what was drawn since start: back to the prompt's first line,
// then to the end of the screen.
func (t *tracker) clear() {
	t.mu.Lock()
	defer t.mu.Unlock()
	up := ""
	if t.row > 0 {
		up = fmt.Sprintf("\x1b[%dA", t.row)
	}
	fmt.Fprintf(t.FileWriter, "\r%s\x1b[J", up)
	t.up(t.row)
	t.row = 0
}

// notice writes msg on the screen's bottom line and puts the cursor back,
// leaving survey's drawing as it was; survey's next redraw may cover it.
func (t *tracker) notice(msg string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, rows, err := term.GetSize(int(t.Fd()))
	if err != nil || rows < 2 {
		fmt.Fprintf(t.FileWriter, "\r\n%s\r\n", msg)
		return
	}
	fmt.Fprintf(t.FileWriter, "\x1b7\x1b[%d;1H\x1b[2K%s\x1b8", rows, msg)
}
