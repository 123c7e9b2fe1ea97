package cmd

import (
	"errors"
	"fmt"
)

// Exit codes, as documented in --help and the README.
const (
	ExitOK          = 0   // success
	ExitNegative    = 1   // a negative result: below the pass mark, a term not found
	ExitInvalid     = 2   // usage error or invalid input
	ExitInterrupted = 130 // Ctrl-C or a termination signal
)

// ExitError carries an exit code. A nil Err means the command has already told
// the user everything; nothing more is printed.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// invalid reports bad input or usage: exit 2.
func invalid(format string, args ...any) error {
	return &ExitError{Code: ExitInvalid, Err: fmt.Errorf(format, args...)}
}

// invalidErr wraps an error as bad input: exit 2.
func invalidErr(err error) error { return &ExitError{Code: ExitInvalid, Err: err} }

// silent ends the command with code after it has printed its own messages.
func silent(code int) error { return &ExitError{Code: code} }

// FlagError is a problem with the command line itself; only these print a
// pointer to --help.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// exitCode maps an error to the process's exit code.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitInvalid
}
