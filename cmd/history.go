package cmd

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/history"
)

// historyPath is the history file of a student: one file per student in
// $XDG_STATE_HOME/conflictq/history/.
func historyPath(stateDir func() (string, error), student string) (string, error) {
	dir, err := stateDir()
	if err != nil {
		return "", err
	}
	return history.Path(filepath.Join(dir, "history"), student), nil
}

// historyRecorder opens a student's history and returns the session's
// OnAnswer, which appends each answer to it, and a function to close it. A
// history that cannot be written is a warning, once: it never stops a quiz.
func historyRecorder(path string, errOut io.Writer, rc *history.Recorder, now func() time.Time) (func(quiz.Outcome), func()) {
	log, err := history.Open(path)
	if err != nil {
		fmt.Fprintf(errOut, "conflictq: warning: answers are not kept in your history: %v\n", err)
		return nil, func() {}
	}
	var warned sync.Once
	onAnswer := func(o quiz.Outcome) {
		r, ok := rc.Record(o, now())
		if !ok {
			return
		}
		if err := log.Append(r); err != nil {
			warned.Do(func() { fmt.Fprintf(errOut, "conflictq: warning: answers are not kept in your history: %v\n", err) })
		}
	}
	return onAnswer, func() { log.Close() }
}

// bankDigests is quiz.Digest of each bank, for the history's records.
func bankDigests(banks []*quiz.Bank) map[string]string {
	m := make(map[string]string, len(banks))
	for _, b := range banks {
		m[b.ID] = quiz.Digest(b.Questions...)
	}
	return m
}

// printWarnings prints a history's warnings (a torn or damaged line).
func printWarnings(w io.Writer, warnings []error) {
	for _, e := range warnings {
		fmt.Fprintln(w, e)
	}
}
