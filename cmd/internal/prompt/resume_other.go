//go:build !linux

package prompt

import (
	"os"

	"github.com/AlecAivazis/survey/v2/terminal"
)

// newResumeReader is the terminal itself where there is no SIGCONT.
func newResumeReader(f *os.File, _ terminal.FileWriter) terminal.FileReader { return f }

func (p *Plain) hungUp() bool { return false }

func (p *Plain) typedAhead() bool { return p.in.Buffered() > 0 }
