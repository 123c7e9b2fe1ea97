package cmd

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/session"
)

// catchSignals turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into the end of a
// run's context (a quiz's, a marking's), so that what was given is saved. In
// a menu the terminal is raw and Ctrl-C arrives as a key instead, which survey
// reports as an interrupt. SIGQUIT (Ctrl-\) would otherwise dump the stack and
// lose the answers, with the terminal left raw.
//
// SIGHUP or SIGINT ignored when the program started (nohup, a script's
// background job) stays ignored (notIgnored).
func catchSignals(cancel context.CancelCauseFunc) func() {
	ch := make(chan os.Signal, 1)
	if sigs := notIgnored(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT); len(sigs) > 0 {
		signal.Notify(ch, sigs...)
	}
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			if sig == os.Interrupt {
				cancel(session.ErrInterrupted)
			} else {
				cancel(session.ErrSignal)
			}
		case <-done:
		}
	}()
	return func() { signal.Stop(ch); close(done) }
}

// inputWithContext asks p for a line in a goroutine, so that a signal ends
// the run even while the prompter waits for a key; the Aborter gives the
// terminal back. The prompter's goroutine is left blocked on input.
func inputWithContext(ctx context.Context, p session.Prompter, msg string, validate func(string) error) (string, error) {
	if err := context.Cause(ctx); err != nil {
		return "", err
	}
	type answer struct {
		line string
		err  error
	}
	ch := make(chan answer, 1)
	go func() {
		line, err := p.Input(msg, validate)
		ch <- answer{line, err}
	}()
	select {
	case a := <-ch:
		return a.line, a.err
	case <-ctx.Done():
		if a, ok := p.(session.Aborter); ok {
			a.Abort()
		}
		return "", context.Cause(ctx)
	}
}

// endsWith tells a prompter that keeps the terminal (the menus) the context
// of its run: once it is done, a prompt continued after a stop (Ctrl-Z, fg)
// gives the terminal back instead of being drawn again.
func endsWith(p session.Prompter, ctx context.Context) {
	if e, ok := p.(interface{ EndsWith(context.Context) }); ok {
		e.EndsWith(ctx)
	}
}

// removeTempsOnSignal makes SIGINT, SIGTERM and SIGHUP remove the
// temporary files of the outputs being written (fileio.RemoveTempsForExit)
// and then end the program as the signal would have (130, 143, 129 in a
// shell): the outputs keep their old content, and no hidden partial file is
// left beside them (attack21 L3). A handler costs a thread and tens of
// microseconds, so grade sets it up only once a batch proves long
// (grade.Batch.Long); a signal before then finds at most the first
// sheets' results in a temporary file.
//
// SIGHUP or SIGINT ignored when the program started (nohup, a background
// job) stays ignored: Notify would catch it again, and a long grade run
// under nohup would die when its terminal closed (attack23 M1).
//
// Set up once, however often asked: by a long batch and by its outputs.
func removeTempsOnSignal() { tempsOnSignal.Do(handleTempsOnSignal) }

var tempsOnSignal sync.Once

func handleTempsOnSignal() {
	sigs := notIgnored(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	if len(sigs) == 0 {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	fileio.ExitOnSignal(ch, dieOf)
}

// outputSet returns the set the files among paths are written in, so that
// they take their names together (fileio.Set), when they are two or more;
// nil, for each to take its name as it is written, when there is one or
// none ("" and "-" are no file). Only then does a command set up the
// signal handler (removeTempsOnSignal) that waits for the renames: a
// caught SIGINT, SIGTERM or SIGHUP leaves the old set or the new one,
// never a new worksheet beside an old key (attack21 L4).
func outputSet(f *Factory, paths ...string) *fileio.Set {
	n := 0
	for _, p := range paths {
		if p != "" && p != "-" {
			n++
		}
	}
	if n < 2 {
		return nil
	}
	if f.HandleSignals {
		removeTempsOnSignal()
	}
	return &fileio.Set{}
}

// notIgnored is those of sigs not ignored when the program started:
// signal.Notify would catch an ignored one again, so that a run under nohup
// would end when its terminal closed (attack23 M1, recheck28b L-D). Go
// knows an ignore inherited from the parent only for SIGHUP and SIGINT
// (signal.Ignored; recheck28c L2): an ignored SIGTERM or SIGQUIT still
// ends a run, saving what was given.
func notIgnored(sigs ...os.Signal) []os.Signal {
	out := sigs[:0:0]
	for _, sig := range sigs {
		if !signal.Ignored(sig) {
			out = append(out, sig)
		}
	}
	return out
}
