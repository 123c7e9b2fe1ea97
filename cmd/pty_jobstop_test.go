//go:build linux

package cmd

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// cursorAnswer is a terminal's answer to a cursor query, as jobShell reads
// it in line mode (ESC echoed or not).
var cursorAnswer = regexp.MustCompile(`\x1b\[[0-9]+;[0-9]+R`)

func init() { scriptCommands["jobshell"] = func() { os.Exit(jobShell(os.Args[1:])) } }

// jobShell is the part of a shell with job control that a stop and a
// continue go through, for the tests: started as a session leader on a
// terminal, it runs args as a job in a process group of its own in the
// foreground and waits for it. When the job stops it takes the terminal
// back (its mode too), says "[jobshell] stopped", and reads a command:
// "fg" continues the job in the foreground; "kill" sends it SIGTERM and
// SIGCONT, as bash's kill does to a stopped job, and leaves it in the
// background. At the job's end it says "[jobshell] exit N".
func jobShell(args []string) int {
	signal.Ignore(syscall.SIGTTOU) // to hand the terminal over from the background
	saved, err := term.GetState(0)
	if err != nil {
		fmt.Println("[jobshell]", err)
		return 2
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Foreground: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		fmt.Println("[jobshell]", err)
		return 2
	}
	job := cmd.Process.Pid
	lines := bufio.NewReader(os.Stdin)
	for {
		var ws syscall.WaitStatus
		if _, err := syscall.Wait4(job, &ws, syscall.WUNTRACED, nil); err != nil {
			if err == syscall.EINTR {
				continue
			}
			fmt.Println("[jobshell]", err)
			return 2
		}
		_ = unix.IoctlSetPointerInt(0, unix.TIOCSPGRP, unix.Getpgrp())
		if !ws.Stopped() {
			_ = term.Restore(0, saved)
			fmt.Printf("\r\n[jobshell] exit %d\r\n", ws.ExitStatus())
			return 0
		}
		_ = term.Restore(0, saved)
		fmt.Print("\r\n[jobshell] stopped\r\n")
		for stopped := true; stopped; {
			line, err := lines.ReadString('\n')
			if err != nil {
				syscall.Kill(-job, syscall.SIGKILL)
				return 2
			}
			// The test's terminal answers the quiz's cursor queries from
			// a goroutine: under load (25 on two cores) an answer to a
			// query written before the stop came after it, into this
			// line ("\x1b[20;1Rfg"). A real terminal answers at once; the
			// answer is no command.
			switch strings.TrimSpace(cursorAnswer.ReplaceAllString(line, "")) {
			case "fg":
				_ = unix.IoctlSetPointerInt(0, unix.TIOCSPGRP, job)
				syscall.Kill(-job, syscall.SIGCONT)
				stopped = false
			case "kill":
				syscall.Kill(-job, syscall.SIGTERM)
				syscall.Kill(-job, syscall.SIGCONT)
			}
		}
	}
}

// TestPTYCtrlZStopsTheWholeJob: Ctrl-Z in a prompt stops the quiz's whole
// job, the script it runs under too, so that the shell gets the terminal
// back (attack9 #1: only the quiz stopped, and its wrapper held the
// terminal); fg continues both and the prompt is drawn again with the line
// typed so far. Then Ctrl-Z, kill, fg: the quiz ends by the signal without
// drawing the prompt again or asking the terminal for the cursor, whose
// answer the shell would read, and leaves the cursor shown (attack9 #2).
// The quiz runs as a real process under a job-control shell (jobShell), as
// a real stop would stop the test itself.
func TestPTYCtrlZStopsTheWholeJob(t *testing.T) {
	t.Parallel()
	shell, err := exec.LookPath("jobshell") // put on PATH by TestMain
	if err != nil {
		t.Skip("no jobshell on PATH:", err)
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	report := filepath.Join(dir, "r.json")
	scr, tty := newSurveylessScreen(t, 120, 40, false) // another process: survey runs there
	// The wrapper: kill (as bash's kill %1) ends it with the quiz.
	script := fmt.Sprintf("conflictq quiz --bank %s --seed 5 --mode exam --student Ana -o %s; echo wrapper done", bankFile, report)
	cmd := exec.Command(shell, "sh", "-c", script)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + t.TempDir(), "XDG_STATE_HOME=" + t.TempDir(), "TERM=xterm"}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // the shell's group; the job's follows on hang-up
		cmd.Process.Kill()
		<-exited
	})
	scr.waitFor("Which town?")
	scr.send("Khoj")
	scr.waitFor("Khoj")
	scr.send("\x1a")
	scr.waitFor("[jobshell] stopped") // the wrapper stopped: the whole job did
	scr.send("fg\n")
	scr.waitFor("Which town?") // drawn again
	scr.waitFor("Khoj")
	scr.send("aly" + keyEnter)
	scr.waitFor("Question 2 of 8")
	scr.waitFor("[Use arrows")
	scr.send("\x1a")
	scr.waitFor("[jobshell] stopped")
	queries := strings.Count(scr.text(), "\x1b[6n")
	scr.send("kill\n")
	scr.send("fg\n")
	select {
	case <-exited:
	case <-time.After(20 * time.Second):
		t.Fatalf("the quiz did not end; screen:\n%q", scr.text())
	}
	scr.waitFor("The quiz stopped early (signal)")
	out := scr.text()
	after := out[strings.LastIndex(out, "[jobshell] stopped"):]
	if n := strings.Count(out, "\x1b[6n"); n != queries {
		t.Errorf("the quiz asked the terminal for the cursor %d times after it was continued to end; screen after the stop:\n%q", n-queries, after)
	}
	if strings.Contains(after, "[Use arrows") {
		t.Errorf("the menu was drawn again as the quiz ended; screen after the stop:\n%q", after)
	}
	if strings.LastIndex(out, "\x1b[?25l") > strings.LastIndex(out, "\x1b[?25h") {
		t.Error("the cursor was left hidden")
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("no report: %v; screen:\n%q", err, after)
	}
	for _, want := range []string{`"given": "Khojaly"`, `"ended_by": "signal"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("report lacks %s:\n%s", want, data)
		}
	}
}

// attack11 #7: keys that come after Ctrl-Z in the same read ("Kho", Ctrl-Z,
// "echo SHELL", Enter: a paste, or a fast typist) were meant for the shell:
// they are dropped, not fed to the prompt at fg, where the Enter sent
// "Khoecho SHELL" as the answer. The keys before the Ctrl-Z are kept.
func TestPTYCtrlZDropsTheKeysAfterIt(t *testing.T) {
	t.Parallel()
	shell, err := exec.LookPath("jobshell") // put on PATH by TestMain
	if err != nil {
		t.Skip("no jobshell on PATH:", err)
	}
	dir := t.TempDir()
	bankFile := writeTestFile(t, dir, "pty.yaml", ptyBank)
	report := filepath.Join(dir, "r.json")
	scr, tty := newSurveylessScreen(t, 120, 40, false) // another process: survey runs there
	cmd := exec.Command(shell, "conflictq", "quiz", "--bank", bankFile, "--seed", "5", "--mode", "exam", "--student", "Ana", "-o", report)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + t.TempDir(), "XDG_STATE_HOME=" + t.TempDir(), "TERM=xterm"}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Process.Kill()
		<-exited
	})
	scr.waitFor("Which town?")
	scr.send("Kho\x1aecho SHELL\r")
	scr.waitFor("[jobshell] stopped")
	scr.send("fg\n")
	scr.waitFor("Which town?") // drawn again, with the keys before the Ctrl-Z
	scr.waitFor("Kho")
	scr.send("jaly" + keyEnter)
	scr.waitFor("Question 2 of 8")
	scr.waitFor("[Use arrows")
	scr.send(keyCtrlC)
	select {
	case <-exited:
	case <-time.After(20 * time.Second):
		t.Fatalf("the quiz did not end; screen:\n%q", scr.text())
	}
	if out := scr.text(); strings.Contains(out, "echo SHELL") {
		t.Errorf("the keys after the Ctrl-Z reached the prompt; screen:\n%q", out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("no report: %v; screen:\n%q", err, scr.text())
	}
	if !strings.Contains(string(data), `"given": "Khojaly"`) {
		t.Errorf("report lacks the answer Khojaly:\n%s", data)
	}
}
