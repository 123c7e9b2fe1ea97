//go:build linux

package cmd

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// lineMode puts the terminal in line mode, as it is between two of survey's
// prompts: Ctrl-C is then a signal, not a key.
func lineMode(t *testing.T, tty *os.File) {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	tio.Lflag |= unix.ICANON | unix.ECHO | unix.ISIG
	if err := unix.IoctlSetTermios(int(tty.Fd()), unix.TCSETS, tio); err != nil {
		t.Fatal(err)
	}
}

// TestPTYCtrlCInLineModeSignals: a Ctrl-C typed while the terminal is in
// line mode (between prompts, or while survey draws one) is turned by the
// kernel into SIGINT for the terminal's foreground process group, and stops
// the quiz as the key does in a menu. The quiz runs as its own process with
// the terminal as its controlling terminal, as a student's shell runs it:
// the in-process tests' terminal signals no one (see signalKeys).
func TestPTYCtrlCInLineModeSignals(t *testing.T) {
	t.Parallel()
	bin, err := exec.LookPath("conflictq") // put on PATH by TestMain
	if err != nil {
		t.Skip("no conflictq on PATH:", err)
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	report := filepath.Join(dir, "part.json")
	scr, tty := newSurveylessScreen(t, 120, 40, false) // a process of its own
	cmd := exec.Command(bin, "quiz", "--bank", bankFile, "--seed", "5", "--mode", "exam", "--student", "Ana", "-o", report)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + t.TempDir(), "XDG_STATE_HOME=" + t.TempDir(), "TERM=xterm"}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var waitErr error
	exited := make(chan struct{})
	go func() { waitErr = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	scr.waitFor("Which town?") // seed 5 asks it first
	scr.send("Khojaly" + keyEnter)
	scr.waitFor("Question 2 of 8")
	scr.waitFor("?")
	lineMode(t, tty)
	if _, err := scr.master.Write([]byte(keyCtrlC)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-exited:
		var exit *exec.ExitError
		if !errors.As(waitErr, &exit) || exit.ExitCode() != ExitInterrupted {
			t.Fatalf("exit: %v, want %d; screen:\n%s", waitErr, ExitInterrupted, scr.text())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("Ctrl-C in line mode did not stop the quiz; screen:\n%s", scr.text())
	}
	checkCooked(t, tty)
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("no report: %v; screen:\n%s", err, scr.text())
	}
	for _, want := range []string{`"status": "incomplete"`, `"ended_by": "interrupted"`, `"answered": 1`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("report lacks %s:\n%s", want, data)
		}
	}
}

// TestSendWaitsForRawMode: the screen holds Ctrl-C back while the terminal
// is in line mode, where it would be lost (signalKeys), and sends it once
// the terminal is raw, as survey makes it.
func TestSendWaitsForRawMode(t *testing.T) {
	t.Parallel()
	scr, tty := newSurveylessScreen(t, 120, 40, false) // no program
	lineMode(t, tty)
	sent := make(chan struct{})
	go func() {
		scr.send(keyCtrlC)
		close(sent)
	}()
	select {
	case <-sent:
		t.Fatal("Ctrl-C was sent to a terminal in line mode")
	case <-time.After(50 * time.Millisecond):
	}
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	tio.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.ISIG // survey's raw mode
	if err := unix.IoctlSetTermios(int(tty.Fd()), unix.TCSETS, tio); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sent:
	case <-time.After(5 * time.Second):
		t.Fatal("Ctrl-C was not sent once the terminal was raw")
	}
	tty.SetReadDeadline(time.Now().Add(5 * time.Second))
	key := make([]byte, 8)
	if n, err := tty.Read(key); err != nil || string(key[:n]) != keyCtrlC {
		t.Errorf("the program read %q, %v; want Ctrl-C", key[:n], err)
	}
}
