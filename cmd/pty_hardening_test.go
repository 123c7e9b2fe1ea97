//go:build linux

// The SIGCONT redraw and the hang-up mapping live in prompt/resume_linux.go.

package cmd

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestPTYSIGQUIT: Ctrl-\ (SIGQUIT) is handled like SIGTERM: the answers so
// far are saved, exit 130, the terminal out of raw mode; no stack dump
// (issue 14, item 2).
func TestPTYSIGQUIT(t *testing.T) {
	if ownProcess(t) {
		return
	}
	code, _, data, errOut := stopOnSecondQuestion(t, func(*screen) {
		if err := syscall.Kill(os.Getpid(), syscall.SIGQUIT); err != nil {
			t.Fatal(err)
		}
	})
	if code != ExitInterrupted {
		t.Fatalf("exit %d, want 130; stderr:\n%s", code, errOut)
	}
	if !strings.Contains(data, `"ended_by": "signal"`) || !strings.Contains(data, `"answered": 1`) {
		t.Errorf("report after SIGQUIT:\n%s", data)
	}
}

// TestPTYHangup closes the terminal (the window, an SSH link) during a menu:
// the report says the quiz ended by a signal, not "finished", and the exit is
// 130 (issue 14, item 13).
func TestPTYHangup(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, _, done, stderr, report := startExam(t, "part.json")
	scr.waitFor("Which town?")
	scr.send("Khojaly" + keyEnter)
	scr.waitFor("Question 2 of 8")
	scr.waitFor("?")
	scr.master.Close() // the terminal goes away
	var code int
	select {
	case code = <-done:
	case <-time.After(20 * time.Second):
		buf := make([]byte, 1<<20)
		t.Fatalf("the quiz did not stop when its terminal closed\n%s", buf[:runtime.Stack(buf, true)])
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("no report: %v; stderr:\n%s", err, stderr)
	}
	if code != ExitInterrupted {
		t.Errorf("exit %d, want 130; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{`"status": "incomplete"`, `"ended_by": "signal"`, `"answered": 1`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("report lacks %s:\n%s", want, data)
		}
	}
}

// TestPTYStopAndContinue: after Ctrl-Z and fg the shell has put the terminal
// in line mode; on SIGCONT the menu is raw again and drawn again, and keys
// work (issue 14, item 14).
func TestPTYStopAndContinue(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, tty, done, stderr, _ := startExam(t, "r.json")
	scr.waitFor("Which town?")
	scr.send("Khojaly" + keyEnter)
	scr.waitFor("Question 2 of 8")
	scr.waitFor("[Use arrows")
	// What the shell does while the quiz is stopped: line mode, echo on.
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	tio.Lflag |= unix.ICANON | unix.ECHO | unix.ISIG
	if err := unix.IoctlSetTermios(int(tty.Fd()), unix.TCSETS, tio); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		tio, _ = unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
		if tio.Lflag&(unix.ICANON|unix.ECHO) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the terminal is still in line mode after SIGCONT")
		}
	}
	scr.waitFor("[Use arrows") // drawn again
	scr.send(keyCtrlC)         // a key a raw terminal hands over at once
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Errorf("exit %d, want 130; stderr:\n%s", code, stderr)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("keys after SIGCONT did not reach the menu")
	}
	checkCooked(t, tty)
}

// TestPTYContinueRedrawsTextPrompt: a text prompt continued after a stop
// (Ctrl-Z, fg) is drawn again with the line typed so far, and the student
// goes on typing into it: the answer is the whole line.
func TestPTYContinueRedrawsTextPrompt(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, tty, done, stderr, report := startExam(t, "r.json")
	scr.waitFor("Which town?")
	scr.send("Khoj")
	scr.waitFor("Khoj")
	if err := syscall.Kill(os.Getpid(), syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	scr.waitFor("Which town?") // drawn again
	scr.waitFor("Khoj")        // with the line typed so far
	scr.send("aly" + keyEnter)
	scr.waitFor("Question 2 of 8")
	scr.send(keyCtrlC)
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Errorf("exit %d, want 130; stderr:\n%s", code, stderr)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the quiz did not stop")
	}
	data, _ := os.ReadFile(report)
	if !strings.Contains(string(data), `"given": "Khojaly"`) {
		t.Errorf("the answer typed before and after the continue is not whole:\n%s", data)
	}
	checkCooked(t, tty)
}

// TestPTYPasteOfSeveralLinesIsOneAnswer: a text pasted into an answer, its
// newlines and all, as a terminal with bracketed paste sends it, is kept
// whole in the answer, its lines joined by spaces; no pasted newline sends
// it, Enter does.
func TestPTYPasteOfSeveralLinesIsOneAnswer(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, tty, done, stderr, report := startExam(t, "r.json")
	scr.waitFor("Which town?")
	if !strings.Contains(scr.text(), "\x1b[?2004h") {
		t.Error("the prompt did not turn bracketed paste on")
	}
	scr.send("\x1b[200~Khojaly\r\n(Xocali),\nin 1992\n\x1b[201~")
	scr.waitFor("in 1992")
	scr.send(keyEnter)
	scr.waitFor("Question 2 of 8")
	scr.send(keyCtrlC)
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("the quiz did not stop; stderr:\n%s", stderr)
	}
	data, _ := os.ReadFile(report)
	if !strings.Contains(string(data), `"given": "Khojaly (Xocali), in 1992"`) {
		t.Errorf("the paste is not one answer:\n%s", data)
	}
	// The quiz has ended, but the screen may not have read all it wrote
	// (a busy machine): wait for the last "paste off" before comparing.
	scr.waitFor("\x1b[?2004l")
	if out := scr.text(); strings.LastIndex(out, "\x1b[?2004l") < strings.LastIndex(out, "\x1b[?2004h") {
		t.Error("bracketed paste was left on")
	}
	checkCooked(t, tty)
}

// TestPTYCtrlCInAnUnfinishedPaste: a paste's start marker with no end
// (a literal ESC[200~ typed or pasted, a paste cut off) no longer holds
// every key: Ctrl-C still stops the quiz, and what was typed is kept
// (attack9 #5).
func TestPTYCtrlCInAnUnfinishedPaste(t *testing.T) {
	if ownProcess(t) {
		return
	}
	scr, tty, done, stderr, report := startExam(t, "r.json")
	scr.waitFor("Which town?")
	scr.send("\x1b[200~Khoj")
	scr.waitFor("Khoj")
	scr.send("aly\r" + keyCtrlC)
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Errorf("exit %d, want 130; stderr:\n%s", code, stderr)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("Ctrl-C in a paste did not stop the quiz; screen:\n%q", scr.text())
	}
	data, _ := os.ReadFile(report)
	if !strings.Contains(string(data), `"given": "Khojaly"`) || !strings.Contains(string(data), `"ended_by": "interrupted"`) {
		t.Errorf("report:\n%s", data)
	}
	checkCooked(t, tty)
}
