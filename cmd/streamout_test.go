//go:build unix

package cmd

import (
	"os"
	"strings"
	"syscall"
	"testing"
)

// grade -o /dev/null, or a named pipe, writes to it as it is: no --force
// (nothing is replaced), and the device or pipe stays what it was; a regular
// file still needs --force (issue 10, P10).
func TestGradeToDeviceOrPipeNeedsNoForce(t *testing.T) {
	gradeFixture(t, map[string]string{"a.yaml": outputSheet})
	for _, args := range [][]string{
		{"grade", "a.yaml", "-o", os.DevNull},
		{"grade", "a.yaml", "--format", "json", "--sums", os.DevNull},
	} {
		f, _, _, errOut := testFactory(t)
		if code := Run(f, args); code > ExitNegative {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a device: %v %v", os.DevNull, st, err)
	}

	if err := syscall.Mkfifo("pipe.json", 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan string)
	go func() {
		data, _ := os.ReadFile("pipe.json")
		got <- string(data)
	}()
	f, _, _, errOut := testFactory(t)
	if code := Run(f, []string{"grade", "a.yaml", "--format", "json", "-o", "pipe.json"}); code > ExitNegative {
		t.Errorf("-o pipe.json: exit %d: %s", code, errOut)
	}
	if data := <-got; !strings.Contains(data, `"student"`) {
		t.Errorf("the pipe's reader got %q", data)
	}
	if st, err := os.Lstat("pipe.json"); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", st, err)
	}

	os.WriteFile("old.txt", []byte("last week"), 0o644)
	f, _, _, errOut = testFactory(t)
	if code := Run(f, []string{"grade", "a.yaml", "-o", "old.txt"}); code != ExitInvalid || !strings.Contains(errOut.String(), "--force") {
		t.Errorf("-o old.txt without --force: exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile("old.txt"); string(data) != "last week" {
		t.Errorf("old.txt replaced: %q", data)
	}
}
