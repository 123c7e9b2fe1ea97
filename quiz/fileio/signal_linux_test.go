//go:build linux

package fileio

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// A signal that comes while a Set's files take their names ends the
// program with the signal's exit every time, never with Commit returning
// and the program going on to exit 0, whichever thread took it (attack24
// M1, recheck29 N2). Each run is a child process that commits three files
// and is sent SIGINT or SIGTERM as the first, second or third takes its
// name, not waited for:
//   - thread: to the thread doing the renames (as strace's injection does);
//   - process: to the process, for any thread to take (as kill and Ctrl-C);
//   - held: to a thread that blocks every signal and hands it on some
//     hundreds of microseconds later, as a thread does that the system
//     stops in Go's handler, before the handler has queued the signal
//     (under CPU load). Before session 30 this was lost nearly every time:
//     Commit's SIGWINCH, taken by another thread, came first.
//
// With GOMAXPROCS 1, 2 and 4, and in half the runs this test's own
// goroutines busy on every CPU. FILEIO_SIGNAL_RUNS=N runs each case N
// times (2 by default).
func TestSetSignalDuringRenamesIsNotLost(t *testing.T) {
	if dir := os.Getenv("FILEIO_SIGNAL_DIR"); dir != "" {
		signalChild(t, dir)
		return
	}
	runs := 2
	if n, err := strconv.Atoi(os.Getenv("FILEIO_SIGNAL_RUNS")); err == nil && n > 0 {
		runs = n
	}
	var busy atomic.Bool
	var stop atomic.Bool
	for range runtime.NumCPU() {
		go func() {
			for !stop.Load() {
				if !busy.Load() {
					time.Sleep(time.Millisecond)
				}
			}
		}()
	}
	defer stop.Store(true)
	lost, total := map[string]int{}, 0
	for _, how := range []string{"thread", "process", "held"} {
		for _, procs := range []string{"1", "2", "4"} {
			for at := 1; at <= 3; at++ {
				for run := range runs {
					sig := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}[run%2]
					load := (run+at)%2 == 0
					busy.Store(load)
					name := fmt.Sprintf("%s GOMAXPROCS=%s rename %d %v load=%v", how, procs, at, sig, load)
					cmd := exec.Command(os.Args[0], "-test.run=^TestSetSignalDuringRenamesIsNotLost$")
					cmd.Env = append(os.Environ(), "FILEIO_SIGNAL_DIR="+t.TempDir(), "GOMAXPROCS="+procs,
						"FILEIO_SIGNAL_HOW="+how, "FILEIO_SIGNAL_AT="+strconv.Itoa(at), "FILEIO_SIGNAL_SIG="+strconv.Itoa(int(sig)))
					out, err := cmd.CombinedOutput()
					total++
					if err == nil {
						lost[name]++
						continue
					}
					if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 128+int(sig) {
						t.Fatalf("%s: exit %v, want %d\n%s", name, err, 128+int(sig), out)
					}
				}
			}
		}
	}
	busy.Store(false)
	for name, n := range lost {
		t.Errorf("%s: signal lost (exit 0) %d times", name, n)
	}
	if len(lost) > 0 {
		t.Errorf("lost in %d cases of %d runs", len(lost), total)
	}
}

// signalChild is one run of TestSetSignalDuringRenamesIsNotLost: it exits
// 128 plus the signal's number when the signal ends it, 0 when Commit
// returns.
func signalChild(t *testing.T, dir string) {
	n, _ := strconv.Atoi(os.Getenv("FILEIO_SIGNAL_SIG"))
	sig := syscall.Signal(n)
	at, _ := strconv.Atoi(os.Getenv("FILEIO_SIGNAL_AT"))
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
	ExitOnSignal(ch, func(s os.Signal) { os.Exit(128 + int(s.(syscall.Signal))) })
	s := &Set{}
	for _, name := range []string{"g.csv", "s.json", "sums.json"} {
		if err := s.WriteFile(filepath.Join(dir, name), true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	pid := os.Getpid()
	var send func()
	switch os.Getenv("FILEIO_SIGNAL_HOW") {
	case "thread":
		send = func() { syscall.Tgkill(pid, syscall.Gettid(), sig) }
	case "process":
		send = func() { syscall.Kill(pid, sig) }
	case "held":
		tid, release := holdingThread()
		send = func() {
			syscall.Tgkill(pid, tid, sig)
			release <- time.Duration(200+rand.IntN(2000)) * time.Microsecond
		}
	}
	var once sync.Once
	i := 0
	afterPlace = func() {
		if i++; i == at {
			once.Do(send)
		}
	}
	s.Commit()
	os.Exit(0) // the signal lost
}

// holdingThread starts a thread that blocks every signal until it is sent
// a wait on release; it then waits that long and takes them.
func holdingThread() (tid int, release chan time.Duration) {
	release = make(chan time.Duration)
	tids := make(chan int)
	go func() {
		runtime.LockOSThread()
		all := ^uint64(0)
		var old uint64
		sigprocmask(0, &all, &old)
		tids <- syscall.Gettid()
		time.Sleep(<-release)
		sigprocmask(2, &old, nil)
		runtime.UnlockOSThread()
	}()
	return <-tids, release
}

// sigprocmask is rt_sigprocmask for this thread: how 0 blocks set, 2 sets
// the mask to it.
func sigprocmask(how int, set, old *uint64) {
	syscall.RawSyscall6(syscall.SYS_RT_SIGPROCMASK, uintptr(how), uintptr(unsafe.Pointer(set)), uintptr(unsafe.Pointer(old)), 8, 0, 0)
}
