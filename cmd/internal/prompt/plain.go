package prompt

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"syscall"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/session"
	"github.com/conflictq/conflictq/quiz/text"
)

// Plain is the line-based prompter: numbered options, one answer per line, no
// escape codes. It suits screen readers, dumb terminals and pipes.
//
// Answer syntax, the same as an answer sheet's: a number (2), a letter (b) or
// the option's text for one choice; 1,3 or 1 3 for several (none for no
// choice); 3 1 2 for an order; 1=b 2=a for pairs; text for the rest. An invalid line is explained and asked again; end of
// input ends the quiz.
type Plain struct {
	src  io.Reader
	in   *bufio.Reader
	out  io.Writer
	echo bool
	// InputLabel asks for a line of text: "Your answer:" unless set (a
	// teacher marking is asked for a mark, not an answer).
	InputLabel string
	// Width wraps the options at word boundaries, each option's later lines
	// under its text, on a terminal of that many columns; 0 leaves every
	// option on one line (a pipe, a file).
	Width int
	// carry is a line typed at a yes-or-no question that is neither
	// (Confirm): the next Input takes it as its answer. carryAhead: it was
	// typed before the question was asked, and its echo is above it.
	carry      string
	carryAhead bool
}

// NewPlain returns a plain prompter reading lines from in. With echo, each line
// read is written back after its prompt, so that a transcript of a piped quiz
// reads like the session a terminal would show.
func NewPlain(in io.Reader, out io.Writer, echo bool) *Plain {
	return &Plain{src: in, in: bufio.NewReader(in), out: out, echo: echo}
}

// MaxLine is the longest answer line the plain prompter reads: far more than
// any answer, and little enough memory that a line with no end (a file piped
// by mistake) costs nothing.
const MaxLine = 64 << 10

// errLongLine is a line over MaxLine; it was read to its end and dropped. A
// value of its own type is data the linker lays out; fmt.Errorf would run
// in the package's init, in every run of every command.
var errLongLine error = longLineError{}

type longLineError struct{}

func (longLineError) Error() string {
	return fmt.Sprintf("that line is longer than %d KB, the most an answer can be; it was skipped", MaxLine>>10)
}

// readLine reads one answer line. End of input is session.ErrInputEnded, even
// after a partial last line, so that a truncated pipe never counts as an answer.
// A line over MaxLine is read to its end without being kept, and is errLongLine.
func (p *Plain) readLine() (string, error) {
	var line []byte
	long := false
	var err error
	for {
		var chunk []byte
		chunk, err = p.in.ReadSlice('\n')
		if !long && len(line)+len(chunk) > MaxLine+2 { // +2: the line's own \r\n
			long, line = true, nil
		}
		if !long {
			line = append(line, chunk...)
		}
		if err != bufio.ErrBufferFull {
			break
		}
	}
	if err != nil {
		if errors.Is(err, io.EOF) {
			if long {
				return "", errLongLine
			}
			if strings.TrimSpace(string(line)) != "" {
				return strings.TrimRight(string(line), "\r\n"), nil
			}
			if p.hungUp() {
				return "", session.ErrHangup
			}
			fmt.Fprintln(p.out)
			return "", session.ErrInputEnded
		}
		if errors.Is(err, syscall.EIO) {
			return "", session.ErrHangup // the terminal is gone
		}
		return "", err
	}
	if long {
		return "", errLongLine
	}
	return strings.TrimRight(string(line), "\r\n"), nil
}

// loop asks until parse accepts a line.
func (p *Plain) loop(ask string, parse func(string) error) error {
	for {
		fmt.Fprintf(p.out, "%s ", ask)
		line, err := p.readLine()
		if err == errLongLine {
			fmt.Fprintf(p.out, "\n  %s\n", refusal(err, p.Width))
			continue
		}
		if err != nil {
			return err
		}
		if p.echo {
			fmt.Fprintln(p.out, text.EscapeControl(line))
		}
		if err := parse(line); err != nil {
			fmt.Fprintf(p.out, "  %s\n", refusal(err, p.Width))
			continue
		}
		return nil
	}
}

func (p *Plain) list(options []string, label func(int) string) {
	for i, o := range options {
		mark := fmt.Sprintf("  %s) ", label(i))
		fmt.Fprintf(p.out, "%s%s\n", mark, text.Hang(o, p.Width, len(mark)))
	}
}

func number(i int) string { return fmt.Sprint(i + 1) }
func letter(i int) string { return text.Letter(i) }

// Pause waits for a line (Enter) before going on. Only a student at a
// terminal is asked to: piped answers would lose a line to it.
func (p *Plain) Pause(msg string) error {
	fmt.Fprintf(p.out, "%s. ", msg)
	_, err := p.readLine()
	if err == errLongLine {
		return nil
	}
	return err
}

// Select asks for one option.
func (p *Plain) Select(msg string, options []string) (int, error) {
	fmt.Fprintln(p.out, msg)
	p.list(options, number)
	q := &quiz.Question{Type: quiz.Single, Choices: options}
	if slices.Equal(options, []string{"True", "False"}) {
		q = &quiz.Question{Type: quiz.TrueFalse} // also t, f, yes, no
	}
	var i int
	ask := fmt.Sprintf("Your answer (1-%d or %s):", len(options), text.LetterRange(len(options)))
	empty := fmt.Sprintf("type the number (1-%d), letter (%s) or text of your answer", len(options), text.LetterRange(len(options)))
	if q.Type == quiz.TrueFalse {
		ask, empty = "Your answer (1-2, true or false):", "type 1 or true, 2 or false"
	}
	err := p.loop(ask, func(s string) error {
		r, err := p.resolve(q, s, empty)
		switch {
		case err != nil:
			return err
		case q.Type == quiz.TrueFalse && !r.Bool:
			i = 1
		case q.Type == quiz.TrueFalse:
			i = 0
		default:
			i = r.Choices[0]
		}
		return nil
	})
	return i, err
}

// MultiSelect asks for any number of options.
func (p *Plain) MultiSelect(msg string, options []string) ([]int, error) {
	fmt.Fprintln(p.out, msg)
	p.list(options, number)
	q := &quiz.Question{Type: quiz.Multi, Choices: options}
	var idx []int
	err := p.loop("Your answers (numbers or letters, such as 1,3 or a,c):", func(s string) error {
		r, err := p.resolve(q, s, "type the numbers or letters of your answers, such as 1,3 or a,c (or none)")
		idx = r.Choices
		return err
	})
	return idx, err
}

// Input asks for a line of text. Right after a Confirm answered with a
// line that was neither yes nor no, that line is the answer, shown after
// the label, unless validate refuses it (then the question is asked).
func (p *Plain) Input(msg string, validate func(string) error) (string, error) {
	var answer string
	label := p.InputLabel
	if label == "" {
		label = "Your answer:"
	}
	take := func(s string) error {
		if validate != nil {
			if err := validate(s); err != nil {
				return errors.New(strings.TrimSuffix(err.Error(), "."))
			}
		}
		answer = s
		return nil
	}
	if line := p.carry; line != "" {
		p.carry = ""
		if p.carryAhead {
			fmt.Fprintln(p.out) // the question's line has no Enter after it
		}
		fmt.Fprintf(p.out, "%s %s\n", label, text.EscapeControl(line))
		err := take(line)
		if err == nil {
			return answer, nil
		}
		fmt.Fprintf(p.out, "  %s\n", refusal(err, p.Width))
	}
	fmt.Fprintln(p.out, msg)
	err := p.loop(label, take)
	return answer, err
}

// Confirm asks yes or no; an empty line takes the default. Any other line
// is No, and the next Input takes it as its answer (attack11 #6: an answer
// typed after a stray Enter was refused here, "type y or n", and lost);
// after "n " only the rest (noThenAnswer).
func (p *Plain) Confirm(msg string, def bool) (bool, error) {
	p.carry, p.carryAhead = "", p.typedAhead()
	hint := "y/N"
	if def {
		hint = "Y/n"
	}
	var ok bool
	err := p.loop(fmt.Sprintf("%s (%s)", msg, hint), func(s string) error {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "":
			ok = def
		case "y", "yes":
			ok = true
		case "n", "no":
			ok = false
		default:
			ok, p.carry = false, noThenAnswer(s)
		}
		return nil
	})
	return ok, err
}

// Order asks for the items' numbers, first to last.
func (p *Plain) Order(msg string, items []string) ([]int, error) {
	fmt.Fprintln(p.out, msg)
	p.list(items, number)
	q := &quiz.Question{Type: quiz.Order, Items: items}
	var seq []int
	err := p.loop("Your order (numbers, first to last, such as 3 1 2):", func(s string) error {
		r, err := p.resolve(q, s, "type the numbers of the items, first to last")
		seq = r.Sequence
		return err
	})
	return seq, err
}

// Match asks for number=letter pairs.
func (p *Plain) Match(msg string, left, right []string) ([]int, error) {
	fmt.Fprintln(p.out, msg)
	p.list(left, number)
	fmt.Fprintln(p.out, "  with:")
	p.list(right, letter)
	// A question whose right sides are the ones shown, in their order:
	// several left items may share one, so there may be fewer rights.
	q := &quiz.Question{Type: quiz.Match, Pairs: make([]quiz.Pair, len(left))}
	for i := range left {
		q.Pairs[i] = quiz.Pair{Left: left[i], Right: right[min(i, len(right)-1)]}
	}
	var m []int
	err := p.loop("Your pairs (such as 1=b 2=a):", func(s string) error {
		r, err := p.resolveThen(q, s, "write each pair as number=letter, such as 1=b 2=a", func(r quiz.Response) error {
			// A sheet may leave pairs out (partial credit); a prompt asks for all.
			for i, v := range r.Matches {
				if v < 0 {
					return fmt.Errorf("pair every item: %d has no partner (such as %d=a)", i+1, i+1)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		m = r.Matches
		return nil
	})
	return m, err
}

// resolve reads a typed line as a sheet's answer to q, whose options are the
// ones shown, with the code that grades sheets; so a line means at the prompt
// what it means in a sheet. Indices come back in display order. An empty line
// is refused with empty. A line read otherwise than as written ("True: a
// reason", one word of an option, an option cut short) is said under it, as
// a sheet's warning says it (teacher15 P4, P6).
func (p *Plain) resolve(q *quiz.Question, line, empty string) (quiz.Response, error) {
	return p.resolveThen(q, line, empty, nil)
}

// resolveThen is resolve with a further check, before the reading is said.
func (p *Plain) resolveThen(q *quiz.Question, line, empty string, check func(quiz.Response) error) (quiz.Response, error) {
	r, notes, err := q.ReadAt(quiz.Typed(line), nil, 0)
	if err == nil && !r.Answered {
		err = errors.New(empty)
	}
	if err == nil && check != nil {
		err = check(r)
	}
	if err == nil { // each part read so, on a line of its own
		for _, n := range notes {
			fmt.Fprintf(p.out, "  %s\n", refusal(errors.New(n.Msg), p.Width))
		}
	}
	return r, err
}
