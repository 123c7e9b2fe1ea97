package cmd

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/cmd/internal/iostreams"
	"github.com/conflictq/conflictq/cmd/internal/prompt"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/aiken"
	"github.com/conflictq/conflictq/quiz/gift"
	"github.com/conflictq/conflictq/quiz/moodlexml"
	"github.com/conflictq/conflictq/quiz/session"
	"github.com/conflictq/conflictq/quiz/text"
)

// Factory hands commands what they need from the outside world, so that tests
// can replace any of it: streams, environment, clock, randomness, the banks and
// the terminal prompter.
type Factory struct {
	IOStreams *iostreams.IOStreams
	Getenv    func(string) string
	Now       func() time.Time
	NewSeed   func() uint64
	// SessionTag tells apart quizzes started in the same millisecond
	// (history.SessionID): a random number (sessionTag); nil (0) under a
	// stepped test clock, whose scripts compare a history's times byte for
	// byte.
	SessionTag func() int
	// Library returns the bank library; banks are parsed on first use, once.
	Library func() *quiz.Library
	// Prompter returns the terminal prompter, on the factory's streams.
	Prompter func() session.Prompter
	// UserConfigDir and StateDir locate the user's config file and where
	// incomplete quizzes are saved when no report file was named.
	UserConfigDir func() (string, error)
	StateDir      func() (string, error)
	// HandleSignals says whether a quiz should catch SIGINT/SIGTERM itself
	// (the real program), rather than leave them to the test process.
	HandleSignals bool
	// BatchMemory says whether a batch grade may hold the heap near a fixed
	// size (a memory limit, the collector otherwise idle): the real program,
	// which runs one command. The settings are the process's
	// (debug.SetMemoryLimit, SetGCPercent), so tests and benchmarks, which run
	// many commands in one process, some at once, leave them alone.
	BatchMemory bool
	// settingOrigin records, for each flag set from settings, where the value
	// came from, so that a value out of range can say so.
	settingOrigin map[string]string
	// settingsFiles are the settings files read: no output may replace one.
	settingsFiles []string
}

// badValue reports a flag value out of range: a usage error when it was typed
// on the command line, or bad input naming the setting it came from.
func (f *Factory) badValue(flag string, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	if origin, ok := f.settingOrigin[flag]; ok {
		return invalid("%s: %v", origin, err)
	}
	return &FlagError{Err: err}
}

// NewFactory returns the factory of the real program.
func NewFactory() *Factory {
	f := newFactory(iostreams.System(os.Getenv), os.Getenv)
	f.BatchMemory = true
	return f
}

// newFactory wires a factory around the given streams and environment.
func newFactory(ios *iostreams.IOStreams, getenv func(string) string) *Factory {
	f := &Factory{
		IOStreams:     ios,
		Getenv:        getenv,
		Now:           time.Now,
		NewSeed:       randomSeed,
		SessionTag:    sessionTag,
		UserConfigDir: userConfigDir(getenv, ios.ErrOut),
		StateDir:      stateDir(getenv, ios.ErrOut),
		HandleSignals: true,
	}
	if now, err := time.Parse(time.RFC3339, getenv("CONFLICTQ_TEST_NOW")); err == nil {
		f.Now = testClock(now, getenv("CONFLICTQ_TEST_STEP"))
		if _, err := time.ParseDuration(getenv("CONFLICTQ_TEST_STEP")); err == nil {
			f.SessionTag = nil
		}
	}
	f.Library = sync.OnceValue(func() *quiz.Library {
		return &quiz.Library{Embedded: assets.Banks(), Compiled: assets.CompiledBank, CompiledJSON: assets.CompiledJSON, CompiledDigests: assets.CompiledDigests, CompiledNames: assets.CompiledNames, Generated: assets.GeneratedBanks, Formats: bankFormats}
	})
	f.Prompter = func() session.Prompter { return surveyPrompter(f.IOStreams) }
	return f
}

func surveyPrompter(io *iostreams.IOStreams) session.Prompter {
	in, _ := io.In.(*os.File)
	out, _ := io.Out.(*os.File)
	p := prompt.NewSurvey(in, out, io.ErrOut, io.ColorEnabled(), io.RestoreTerminal)
	p.Width = min(io.TerminalWidth(), 100) // as the session wraps its own text
	return p
}

// bankFormats are the formats besides YAML that --bank reads: Moodle's GIFT
// (.gift, and .txt as Moodle exports it), Moodle XML (.xml, or recognised) and
// Aiken (.aiken, or recognised).
var bankFormats = []quiz.Format{
	{Name: "gift", Parse: gift.Parse},
	{Name: "moodlexml", Looks: moodlexml.Looks, Parse: moodlexml.Parse},
	{Name: "aiken", Looks: aiken.Looks, Parse: aiken.Parse},
}

// randomSeed draws a seed; quizzes record it so any one can be replayed.
func randomSeed() uint64 {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return uint64(time.Now().UnixNano())
	}
	// Keep seeds short enough to read out and type: under ten digits.
	return binary.LittleEndian.Uint64(b[:]) % 1_000_000_000
}

// sessionTag is a random number below 1000, the microseconds of a quiz's
// session id (history.SessionID). It was the process id, and processes in
// separate containers (each often pid 1) that share a state folder and
// start a quiz in the same millisecond shared a session (attack23 L8); two
// random tags are alike once in 1000. The process id is the fallback when
// the system gives no random bytes.
func sessionTag() int {
	var b [2]byte
	if _, err := rand.Read(b[:]); err != nil {
		return os.Getpid() % 1000
	}
	return int(binary.LittleEndian.Uint16(b[:])) % 1000
}

// stateDir follows the XDG base directory spec: $XDG_STATE_HOME/conflictq,
// else ~/.local/state/conflictq.
func stateDir(getenv func(string) string, errOut io.Writer) func() (string, error) {
	home := xdgHome(getenv, errOut, "XDG_STATE_HOME", func() (string, error) { return underHome(".local", "state") }, leftHistory)
	return func() (string, error) {
		dir, err := home()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "conflictq"), nil
	}
}

// userConfigDir is where the user's config directory (conflictq/config.yaml
// under it) is: on Linux and the BSDs $XDG_CONFIG_HOME, else ~/.config; on
// macOS, iOS, Windows and Plan 9 where os.UserConfigDir puts it, which
// ignores XDG_CONFIG_HOME there.
func userConfigDir(getenv func(string) string, errOut io.Writer) func() (string, error) {
	return configDirOn(runtime.GOOS, getenv, errOut, os.UserConfigDir)
}

// configDirOn is userConfigDir on the system goos, with system its own
// config directory. XDG_CONFIG_HOME is honoured only where the default is
// ~/.config: a Mac user who keeps dotfiles under it and a config in
// ~/Library/Application Support/conflictq would lose that config, and a
// relative value would get a note about a variable that never applied
// there (review-code25 #4).
func configDirOn(goos string, getenv func(string) string, errOut io.Writer, system func() (string, error)) func() (string, error) {
	switch goos {
	case "darwin", "ios", "windows", "plan9":
		return system
	}
	return xdgHome(getenv, errOut, "XDG_CONFIG_HOME", func() (string, error) { return underHome(".config") }, nil)
}

// xdgHome is the one place an XDG base directory is resolved: the variable
// name when it holds an absolute path, else what unset gives. The XDG Base
// Directory spec says a relative path is invalid and must be ignored: used
// as it is, XDG_STATE_HOME=rel kept the history under whatever directory the
// program ran in, and XDG_STATE_HOME='~/st' (a ~ the shell did not expand) in
// a folder named ~, so progress run elsewhere found none; a relative
// XDG_CONFIG_HOME left the user's config unread (attack16 #7). A note on
// errOut says so, once a run.
//
// left, when set, adds to the note what the ignored path holds (a history
// kept there before), given the ignored value and the directory used.
func xdgHome(getenv func(string) string, errOut io.Writer, name string, unset func() (string, error), left func(ignored, used string) string) func() (string, error) {
	var once sync.Once
	return func() (string, error) {
		d := getenv(name)
		if d != "" && filepath.IsAbs(d) {
			return d, nil
		}
		dir, err := unset()
		if d != "" {
			once.Do(func() {
				instead := "the default"
				if err == nil {
					instead = text.EscapeControl(dir)
				}
				hint := ""
				if strings.HasPrefix(d, "~") {
					hint = " (a ~ in quotes is not expanded: write $HOME)"
				}
				more := ""
				if left != nil && err == nil {
					more = left(d, dir)
				}
				fmt.Fprintf(errOut, "note: %s=%s is not an absolute path, so it is ignored, as the XDG Base Directory spec says%s; using %s%s\n", name, text.EscapeControl(d), hint, instead, more)
			})
		}
		return dir, err
	}
}

// leftHistory names the history a relative XDG_STATE_HOME kept under the
// working directory before it was ignored, and where it belongs now: a user
// who always ran from one folder would otherwise find progress empty with
// no word of where the answers went (review-code25 #8). "" when there is none.
func leftHistory(ignored, used string) string {
	old, err := filepath.Abs(filepath.Join(ignored, "conflictq", "history"))
	if err != nil {
		return ""
	}
	if st, err := os.Stat(old); err != nil || !st.IsDir() {
		return ""
	}
	return fmt.Sprintf("; a history kept there before is in %s: move it to %s", text.EscapeControl(old), text.EscapeControl(filepath.Join(used, "conflictq", "history")))
}

// underHome is a path under the user's home directory.
func underHome(elem ...string) (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(append([]string{home}, elem...)...), nil
}

// testClock is the clock CONFLICTQ_TEST_NOW sets, for tests and for trying a
// review schedule by hand over days that pass in minutes: it starts at now
// and runs on in real time, or, with CONFLICTQ_TEST_STEP (such as 5s), moves
// on by that step each time it is read, so that a script's times are the same
// on every run.
func testClock(now time.Time, step string) func() time.Time {
	if d, err := time.ParseDuration(step); err == nil {
		var mu sync.Mutex
		return func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			t := now
			now = now.Add(d)
			return t
		}
	}
	start := time.Now()
	return func() time.Time { return now.Add(time.Since(start)) }
}
