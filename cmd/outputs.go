package cmd

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
)

// outputGuard keeps a command's outputs off its inputs and off each other,
// whatever path names them: a link, "..", a hard link, another spelling.
// --force lets an output replace an unrelated file, never a bank, sheet,
// report or sums file the command reads, nor another output of the same run.
// Every command that writes files checks each output with it before writing
// anything, and again when the content is ready (grading reads the banks a
// sheet names as it goes).
type outputGuard struct {
	lib      *quiz.Library // the bank files it has read are inputs
	inputs   *fileio.Files // the other files read: sheets, reports, sums; looked up once
	what     string        // what they are, for messages: "a sheet being graded"
	state    string        // conflictq's state folder (histories, saved answers), or ""
	settings []string      // the settings files read
	claimed  []claimedOutput
}

type claimedOutput struct{ flag, path string }

// newOutputGuard guards the outputs of a command that reads the banks lib
// loads and the files inputs, which what describes ("a sheet being graded").
// An input "-" is standard input, which may be a file redirected.
func newOutputGuard(lib *quiz.Library, what string, inputs ...string) *outputGuard {
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		if in == "-" {
			in = stdinPath
		}
		paths[i] = in
	}
	return &outputGuard{lib: lib, what: what, inputs: fileio.StatFiles(paths)}
}

// stdinPath names standard input as a file, where the system has one: grade
// - < class.jsonl -o class.jsonl --force replaced the sheets it read.
const stdinPath = "/dev/stdin"

// withState makes conflictq's own state folder out of bounds: an output there
// could replace a student's history or saved answers.
func (g *outputGuard) withState(stateDir func() (string, error)) *outputGuard {
	if stateDir != nil {
		if dir, err := stateDir(); err == nil && dir != "" {
			g.state = canonical(dir)
		}
	}
	return g
}

// withSettings makes the settings files read inputs too.
func (g *outputGuard) withSettings(files []string) *outputGuard {
	g.settings = files
	return g
}

// settingsFiles are the settings files the quiz read (none in tests that
// build the options themselves).
func (opts *QuizOptions) settingsFiles() []string {
	if opts.settings == nil {
		return nil
	}
	return opts.settings()
}

// claim checks the output named by flag and holds it for this run: a second
// output naming the same file is refused. "" and "-" (standard output) pass.
func (g *outputGuard) claim(flag, out string) error {
	if out == "" || out == "-" {
		return nil
	}
	if err := g.check(flag, out); err != nil {
		return err
	}
	for _, c := range g.claimed {
		if samePath(c.path, out) {
			return invalid("%s %s and %s %s are the same file; give each output its own", c.flag, c.path, flag, out)
		}
	}
	g.claimed = append(g.claimed, claimedOutput{flag, out})
	return nil
}

// check refuses out when it is one of the inputs read so far.
func (g *outputGuard) check(flag, out string) error {
	if g == nil || out == "" || out == "-" {
		return nil
	}
	if in := g.inputs.Holds(out); in != "" {
		return inputError(flag, out, in, g.what)
	}
	if in := fileio.SameFileAs(out, g.settings); in != "" {
		return inputError(flag, out, in, "a settings file being read")
	}
	if g.state != "" {
		if rel, err := filepath.Rel(g.state, canonical(out)); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return invalid("%s %s is in conflictq's own folder %s, which holds the histories and saved answers; write to another file", flag, out, g.state)
		}
	}
	if g.lib != nil {
		if in := fileio.SameFileAs(out, g.lib.Files()); in != "" {
			return inputError(flag, out, in, "a bank being read")
		}
	}
	return nil
}

func inputError(flag, out, in, what string) error {
	same := ""
	if in == stdinPath {
		same = " (read from standard input)"
	} else if out != in {
		same = " (the same file as " + in + ")"
	}
	if flag == "" {
		return invalid("%s is %s%s", out, what, same)
	}
	return invalid("%s %s is %s%s; write to another file (--force never replaces an input)", flag, out, what, same)
}

// writeFile writes path as fileio.WriteFile does, checking it against the
// inputs once the content is ready, just before it takes the name.
func (g *outputGuard) writeFile(flag, path string, force bool, write func(io.Writer) error) error {
	if err := g.check(flag, path); err != nil {
		return err
	}
	return fileio.WriteFile(path, force, func(w io.Writer) error {
		if err := write(w); err != nil {
			return err
		}
		if err := g.check(flag, path); err != nil {
			return err
		}
		// An output written before this one is the same file now that it
		// exists (two spellings on a file system that ignores case).
		for _, c := range g.claimed {
			if c.flag != flag && c.path != path && samePath(c.path, path) {
				return invalid("%s %s and %s %s are the same file; give each output its own", c.flag, c.path, flag, path)
			}
		}
		return nil
	})
}

// samePath reports whether two output paths name one file: the same existing
// file, or one not yet written named two ways.
func samePath(a, b string) bool {
	sa, ea := os.Stat(a)
	sb, eb := os.Stat(b)
	if ea == nil && eb == nil {
		return os.SameFile(sa, sb)
	}
	return canonical(a) == canonical(b)
}

// canonical is path made absolute with its links resolved; for a file not yet
// written, its directory's.
func canonical(path string) string {
	// A link to a file not yet written names that file (a few links deep).
	for range 8 {
		target, err := os.Readlink(path)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	} else if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		path = filepath.Join(dir, filepath.Base(path))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	return abs
}
