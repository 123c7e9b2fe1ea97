package cmd

import (
	"errors"
	"io"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
)

// outputGuard is fileio.Guard with its refusals worded for the command line:
// the flag that names the output, and what to do instead. Every command that
// writes files checks each output with it before writing anything, and
// again when the content is ready.
type outputGuard struct{ *fileio.Guard }

// newOutputGuard guards the outputs of a command that reads the banks lib
// loads and the files inputs, which what describes ("a sheet being graded").
// An input "-" is standard input, which may be a file redirected.
func newOutputGuard(lib *quiz.Library, what string, inputs ...string) *outputGuard {
	g := fileio.NewGuard(what, inputs...)
	if lib != nil {
		g.WithBanks(lib.Files)
	}
	return &outputGuard{g}
}

// withState makes conflictq's own state folder out of bounds: an output there
// could replace a student's history or saved answers.
func (g *outputGuard) withState(stateDir func() (string, error)) *outputGuard {
	if stateDir != nil {
		if dir, err := stateDir(); err == nil {
			g.WithState(dir)
		}
	}
	return g
}

// withSettings makes the settings files read inputs too.
func (g *outputGuard) withSettings(files []string) *outputGuard {
	g.WithSettings(files)
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
	return outputErr(flag, g.Claim(flag, out))
}

// check refuses out when it is one of the inputs read so far.
func (g *outputGuard) check(flag, out string) error {
	if g == nil {
		return nil
	}
	return outputErr(flag, g.Check(out))
}

// writeFile writes path as fileio.WriteFile does, checking it against the
// inputs once the content is ready, just before it takes the name.
func (g *outputGuard) writeFile(flag, path string, force bool, d fileio.Durability, write func(io.Writer) error) error {
	return outputErr(flag, g.WriteFile(flag, path, force, d, write))
}

// writeFileIn is writeFile with the file's name left to set's Commit (a
// nil set: at once).
func (g *outputGuard) writeFileIn(set *fileio.Set, flag, path string, force bool, d fileio.Durability, write func(io.Writer) error) error {
	return outputErr(flag, g.WriteFileIn(set, flag, path, force, d, write))
}

// outputErr words the guard's refusal of the output named by flag as bad
// input (exit 2), saying what to do instead; other errors pass as they are.
func outputErr(flag string, err error) error {
	var (
		inErr    *fileio.InputError
		stateErr *fileio.StateError
		sameErr  *fileio.SameOutputError
		dirErr   *fileio.FolderError
	)
	switch {
	case errors.As(err, &dirErr):
		if flag == "" {
			return invalidErr(dirErr)
		}
		return invalid("%s %s", flag, dirErr)
	case errors.As(err, &inErr):
		if flag == "" {
			return invalidErr(inErr)
		}
		return invalid("%s %s; write to another file (--force never replaces an input)", flag, inErr)
	case errors.As(err, &stateErr):
		if flag == "" {
			return invalid("%s; write to another file", stateErr)
		}
		return invalid("%s %s; write to another file", flag, stateErr)
	case errors.As(err, &sameErr):
		return invalid("%s; give each output its own", sameErr)
	}
	return err
}

// namedOutput is an output and the flag that names it ("" for one named by
// the environment).
type namedOutput struct{ flag, path string }

// checkOutputs checks every output before any is written, as grade does
// (gradeOutputs): none is an input or another output, none replaces a file
// without force, and each one's folder exists; so a refusal leaves nothing
// half done.
func (g *outputGuard) checkOutputs(force bool, outs ...namedOutput) error {
	for _, o := range outs {
		if err := g.claim(o.flag, o.path); err != nil {
			return err
		}
	}
	for _, o := range outs {
		if o.path == "" || o.path == "-" {
			continue
		}
		if !force && fileio.Replaces(o.path) { // with --force, not looked up
			return invalidErr(&fileio.ExistsError{Path: o.path})
		}
		if err := fileio.CheckDir(o.path); err != nil {
			return invalidErr(err)
		}
	}
	return nil
}
