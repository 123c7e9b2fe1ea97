package fileio

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/conflictq/conflictq/quiz/text"
)

// Guard keeps a run's outputs off its inputs and off each other, whatever
// path names them: a link, "..", a hard link, another spelling. Forcing a
// write lets an output replace an unrelated file, never a file the run reads
// (banks, sheets, reports, sums, settings), nor another output of the same
// run. A program checks each output with it before writing anything
// (Claim), and again when the content is ready (WriteFile), since reading
// may go on meanwhile (grading reads the banks a sheet names as it goes).
//
// Its errors are *InputError, *StateError and *SameOutputError; their
// messages name the output by the label its caller gave it (a flag: "-o"),
// and a command words them as it likes.
type Guard struct {
	inputs   *Files          // the files read, looked up once
	what     string          // what they are: "a sheet being graded"
	banks    func() []string // the bank files read so far, asked at each check
	state    string          // the program's state folder (histories, saved answers), or ""
	canon    bool            // state is canonical, made so at the first check that needs it
	settings []string        // the settings files read
	claimed  []claim
	wd       workDir // the working folder, asked once for all the run's outputs
}

// claim is an output claimed, named by label, as it was looked up then.
type claim struct {
	label, path string
	out         *output
}

// StdinPath names standard input as a file, where the system has one: an
// input "-" is checked as this file (grade - < class.jsonl -o class.jsonl
// --force would replace the sheets it read).
const StdinPath = "/dev/stdin"

// NewGuard guards the outputs of a run that reads inputs, which what
// describes ("a sheet being graded"). An input "-" is standard input, which
// may be a file redirected.
func NewGuard(what string, inputs ...string) *Guard {
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		if in == "-" {
			in = StdinPath
		}
		paths[i] = in
	}
	return &Guard{what: what, inputs: StatFiles(paths)}
}

// WithBanks makes the bank files inputs: banks is asked at every check, so a
// bank read after the guard was made (one a sheet names) counts.
func (g *Guard) WithBanks(banks func() []string) *Guard {
	g.banks = banks
	return g
}

// WithState puts dir, the program's own state folder, out of bounds: an
// output there could replace a student's history or saved answers.
//
// The folder is made canonical (its links resolved) when an output is first
// checked, not here: a run that writes to standard output alone (grade, quiz
// --answers) never pays for resolving it.
func (g *Guard) WithState(dir string) *Guard {
	g.state, g.canon = dir, false
	return g
}

// WithSettings makes the settings files read inputs too.
func (g *Guard) WithSettings(files []string) *Guard {
	g.settings = files
	return g
}

// InputError is an output that is one of the run's inputs.
type InputError struct {
	Out  string // the output as given
	In   string // the input it is, as given (StdinPath for standard input)
	What string // what the input is: "a bank being read"
}

func (e *InputError) Error() string {
	same := ""
	if e.In == StdinPath {
		same = " (read from standard input)"
	} else if e.Out != e.In {
		same = " (the same file as " + e.In + ")"
	}
	return fmt.Sprintf("%s is %s%s", e.Out, e.What, same)
}

// StateError is an output inside the program's own state folder.
type StateError struct {
	Out   string // the output as given
	State string // the state folder, canonical
}

func (e *StateError) Error() string {
	return fmt.Sprintf("%s is in conflictq's own folder %s, which holds the histories and saved answers", e.Out, e.State)
}

// SameOutputError is two outputs of one run that name the same file.
type SameOutputError struct {
	LabelA, A string // the output claimed first, and its label
	LabelB, B string // the one that is the same file
}

func (e *SameOutputError) Error() string {
	return fmt.Sprintf("%s %s and %s %s are the same file", e.LabelA, e.A, e.LabelB, e.B)
}

// Claim checks the output out, named by label (a flag), and holds it for
// this run: a second output naming the same file is refused. "" and "-"
// (standard output) pass.
func (g *Guard) Claim(label, out string) error {
	if out == "" || out == "-" {
		return nil
	}
	o := lookUp(out, &g.wd) // looked up once for the checks below
	if err := notAFolder(o); err != nil {
		return err
	}
	if _, err := g.check(o, -1); err != nil {
		return err
	}
	for _, c := range g.claimed {
		if c.out.sameAs(o) {
			return &SameOutputError{c.label, c.path, label, out}
		}
	}
	g.claimed = append(g.claimed, claim{label, out, o})
	return nil
}

// Check refuses out when it is one of the inputs read so far, or in the
// state folder. A nil Guard, "" and "-" pass.
func (g *Guard) Check(out string) error {
	if g == nil || out == "" || out == "-" {
		return nil
	}
	_, err := g.check(lookUp(out, &g.wd), -1)
	return err
}

// check is Check of the output o. With since -1 it compares o with
// everything; else o was checked before in this write, when since banks
// had been read, and only the banks read after are compared: the inputs,
// the settings and the state folder are the run's, compared already, and
// the file at o's name is the one looked up for the write (WriteFileIn),
// not looked up again. It returns the number of banks compared.
func (g *Guard) check(o *output, since int) (int, error) {
	out := o.path
	// out is looked up once for the inputs, the settings and the banks
	// (each of which looked it up again), and not at all when it does not
	// exist (a new output) or there is nothing to compare it with.
	var banks []string
	if g.banks != nil {
		banks = g.banks()
	}
	var st os.FileInfo
	if since >= 0 {
		if len(banks) > since {
			if st, _ = o.stat(); st != nil {
				if in := sameFileAsInfo(st, banks[since:]); in != "" {
					return len(banks), &InputError{out, in, "a bank being read"}
				}
			}
		}
		return len(banks), nil
	}
	if len(g.inputs.infos) > 0 || len(g.settings) > 0 || len(banks) > 0 {
		st, _ = o.stat()
	}
	if st != nil {
		if in := g.inputs.holding(st); in != "" {
			return len(banks), &InputError{out, in, g.what}
		}
		if in := sameFileAsInfo(st, g.settings); in != "" {
			return len(banks), &InputError{out, in, "a settings file being read"}
		}
	}
	if !g.canon && g.state != "" {
		g.state, g.canon = lookUp(g.state, &g.wd).canonical(), true
	}
	if g.state != "" {
		if rel, err := filepath.Rel(g.state, o.canonical()); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return len(banks), &StateError{out, g.state}
		}
	}
	if st != nil {
		if in := sameFileAsInfo(st, banks); in != "" {
			return len(banks), &InputError{out, in, "a bank being read"}
		}
	}
	return len(banks), nil
}

// FolderError is an output that names a folder: a path ending in "/", or
// a folder that exists. It is refused before anything is written: found
// only as the file took its name, it stopped a set of outputs halfway
// (attack24 H1: grade -o grades.csv/ --summary s.json).
type FolderError struct{ Path string }

func (e *FolderError) Error() string {
	return fmt.Sprintf("%s names a folder; name a file to write (nothing was written)", text.Printable(e.Path))
}

// notAFolder refuses out when it names a folder (FolderError). A path
// under /dev/ (IsDevice) is written as it is, not looked up here.
func notAFolder(o *output) error {
	out := o.path
	if os.IsPathSeparator(out[len(out)-1]) || filepath.Base(out) == "." || filepath.Base(out) == ".." {
		return &FolderError{out}
	}
	if o.device() {
		return nil
	}
	if st, err := o.stat(); err == nil && st.IsDir() {
		return &FolderError{out}
	}
	return nil
}

// Claimed returns the label of the claimed output that is the same file as
// path, or "".
func (g *Guard) Claimed(path string) string {
	for _, c := range g.claimed {
		if SamePath(c.path, path) {
			return c.label
		}
	}
	return ""
}

// WriteFile writes path, the output named by label, as WriteFile does,
// checking it against the inputs once the content is ready, just before it
// takes the name.
func (g *Guard) WriteFile(label, path string, force bool, d Durability, write func(io.Writer) error) error {
	return g.WriteFileIn(nil, label, path, force, d, write)
}

// WriteFileIn is WriteFile with the file's name left to the Set's Commit.
// Outputs that are one file only once written (two spellings on a file
// system that ignores case) are refused as they take their names
// (Commit), not here.
func (g *Guard) WriteFileIn(s *Set, label, path string, force bool, d Durability, write func(io.Writer) error) error {
	if g == nil {
		return s.WriteFile(path, force, d, write)
	}
	// Looked up once, just before the write, for the check and the write
	// (whose Lstat decides how the file is written: replaced, followed, a
	// stream), where each looked it up again, and the check after the
	// content again.
	o := lookUp(path, &g.wd)
	banks, err := g.check(o, -1)
	if err != nil {
		return err
	}
	return writeFile(s, o, force, 0o644, d, func(w io.Writer) error {
		if err := write(w); err != nil {
			return err
		}
		if _, err := g.check(o, banks); err != nil {
			return err
		}
		if s != nil {
			// The outputs of a Set take their names in Commit, which
			// refuses one that is a file placed before it (placedAs).
			return nil
		}
		// An output written before this one is the same file now that it
		// exists (two spellings on a file system that ignores case).
		for _, c := range g.claimed {
			if c.label != label && c.path != path && SamePath(c.path, path) {
				return &SameOutputError{c.label, c.path, label, path}
			}
		}
		return nil
	})
}

// CheckAppend refuses a file to append to (a CI step summary) that is not a
// regular file (a pipe with no reader would block the run forever), is a
// link to no file, is an input (appending to a sheet or a bank would spoil
// it), or is one of the run's outputs.
func (g *Guard) CheckAppend(path string) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (a directory, a pipe or a device)", text.Printable(path))
	} else if lst, lerr := os.Lstat(path); err != nil && lerr == nil && lst.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("%s is a link to no file; it would create its target", text.Printable(path))
	}
	if err := g.Check(path); err != nil {
		return err
	}
	if label := g.Claimed(path); label != "" {
		return fmt.Errorf("%s is the file %s writes", text.Printable(path), label)
	}
	return nil
}

// AppendRegular checks path again with CheckAppend, now that every input is
// known, and appends data to it.
func (g *Guard) AppendRegular(path string, data []byte) error {
	if err := g.CheckAppend(path); err != nil {
		return err
	}
	// O_NONBLOCK: should a pipe take the name now, opening it must not wait
	// for a reader before the check below can refuse it.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE|syscall.O_NONBLOCK, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", text.Printable(path))
	}
	_, err = f.Write(data)
	return err
}

// SamePath reports whether two output paths name one file: the same existing
// file, or one not yet written named two ways.
func SamePath(a, b string) bool {
	return lookUp(a, nil).sameAs(lookUp(b, nil))
}

// Canonical is path made absolute with its links resolved; for a file not
// yet written, its directory's. It is the one way conflictq compares paths
// that may not exist yet.
func Canonical(path string) string { return lookUp(path, nil).canonical() }
