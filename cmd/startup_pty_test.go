//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cmd

import (
	"bytes"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// timeToSurveyPrompt starts a quiz on a pseudo-terminal, as a student runs
// it, with survey's prompts, and returns how long it took to draw its first
// question (want is text of it), answering survey's cursor-position queries
// as a terminal does; then stops it. With want "" it times the program to
// its exit on the terminal: the floor run alike, since writing to a terminal
// costs more than to a pipe.
func timeToSurveyPrompt(b *testing.B, dir, bin, want string, args ...string) timing {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, startupEnv(b)
	// The terminal is there before the student types the command: it is
	// opened outside the time.
	tty, side, err := pty.Open()
	if err != nil {
		b.Skipf("no pseudo-terminal here: %v", err)
	}
	defer tty.Close()
	if err := pty.Setsize(tty, &pty.Winsize{Rows: 40, Cols: 120}); err != nil {
		b.Fatal(err)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = side, side, side
	// A session of its own, but not the terminal's controlling process: a
	// session leader that ends on its controlling terminal hangs it up,
	// which cost the do-nothing program 1 to 4 ms more than its run on
	// pipes (a quiz timed to its first question pays none of it).
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	start := time.Now()
	err = cmd.Start()
	side.Close()
	if err != nil {
		b.Fatal(err)
	}
	if want == "" {
		err := cmd.Wait()
		d := time.Since(start)
		if err != nil {
			b.Fatalf("%s on a terminal: %v", bin, err)
		}
		return timing{d, cpuTime(cmd.ProcessState)}
	}
	var seen []byte
	buf := make([]byte, 4096)
	for !bytes.Contains(seen, []byte(want)) {
		n, err := tty.Read(buf)
		if n > 0 {
			// Each query waits for its answer; one answered twice is harmless.
			for q := bytes.Count(buf[:n], []byte("\x1b[6n")); q > 0; q-- {
				tty.WriteString("\x1b[1;1R")
			}
			seen = append(seen, buf[:n]...)
		}
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			b.Fatalf("no first question: %v\n%q", err, seen)
		}
	}
	d := time.Since(start)
	cmd.Process.Kill()
	cmd.Wait()
	return timing{d, cpuTime(cmd.ProcessState)}
}
