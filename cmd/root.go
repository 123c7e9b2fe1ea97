// Package cmd is conflictq's command-line layer: the Cobra command tree, Viper
// configuration, and the mapping of results to exit codes. It is thin: the work
// is done by the quiz and glossary packages.
package cmd

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/conflictq/conflictq/quiz/text"
)

const rootLong = `conflictq teaches one news article — "Massacre haunts divided Caucasus amid
shaky ceasefire" (February 2020), on the 1992 Khojaly massacre and the
Nagorno-Karabakh conflict — through quizzes with explanations and citations.

Start with:  conflictq quiz

Configuration: flags, then CONFLICTQ_* environment variables (CONFLICTQ_STUDENT,
CONFLICTQ_REPORT_DIR, CONFLICTQ_MODE, ...), then ./.conflictq.yaml, then
$XDG_CONFIG_HOME/conflictq/config.yaml (or the file named by --config).

Exit codes:
  0    success
  1    a negative result: below the pass mark, a term not found
  2    usage error or invalid input
  130  interrupted (Ctrl-C or a termination signal)`

// Main runs conflictq with the process's arguments and returns its exit code.
func Main() int {
	return Run(NewFactory(), os.Args[1:])
}

// Run runs conflictq with args on the factory's streams and returns the exit code.
func Run(f *Factory, args []string) int {
	root := NewRootCmd(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) && ee.Err == nil {
		return ee.Code
	}
	// An error may quote a file name or a file's text: escaped, it is read,
	// never obeyed by the terminal.
	fmt.Fprintf(f.IOStreams.ErrOut, "conflictq: %s\n", text.EscapeLines(strings.TrimSpace(err.Error())))
	var fe *FlagError
	if errors.As(err, &fe) || isCobraUsageError(err) {
		fmt.Fprintf(f.IOStreams.ErrOut, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return ExitInvalid
	}
	return exitCode(err)
}

// isCobraUsageError spots the errors Cobra raises itself for a wrong command
// line (unknown command, wrong number of arguments), which carry no type.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, s := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "invalid argument \""} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// NewRootCmd builds the whole command tree. It keeps no state in package
// variables: every call returns a fresh tree wired to f.
func NewRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:           "conflictq",
		Short:         "Quizzes and a glossary on the Khojaly massacre and the Nagorno-Karabakh conflict",
		Long:          rootLong,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if noColor, _ := cmd.Flags().GetBool("no-color"); noColor {
				f.IOStreams.SetNoColor()
			}
			if err := loadConfig(cmd, f); err != nil {
				return err
			}
			if noColor, _ := cmd.Flags().GetBool("no-color"); noColor {
				f.IOStreams.SetNoColor()
			}
			return nil
		},
	}
	root.SetIn(f.IOStreams.In)
	root.SetOut(f.IOStreams.Out)
	root.SetErr(f.IOStreams.ErrOut)
	root.SetVersionTemplate("conflictq {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &FlagError{Err: err} })
	root.PersistentFlags().String("config", "", "read settings from `FILE` (instead of the usual places)")
	root.PersistentFlags().Bool("no-color", false, "turn off colour and emphasis (setting NO_COLOR does the same)")

	root.AddCommand(
		NewCmdQuiz(f, nil),
		NewCmdProgress(f, nil),
		NewCmdDefine(f, nil),
		NewCmdGlossary(f),
		NewCmdSheet(f, nil),
		NewCmdGrade(f, nil),
		NewCmdMark(f, nil),
		NewCmdSummary(f, nil),
		NewCmdBank(f),
		NewCmdVersion(f, nil),
	)
	return root
}
