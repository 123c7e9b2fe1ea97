package fileio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileAtomicNoOverwrite(t *testing.T) {
	for _, d := range durabilities {
		t.Run(d.name, func(t *testing.T) { testWriteFileAtomicNoOverwrite(t, d.d) })
	}
}

func testWriteFileAtomicNoOverwrite(t *testing.T, d Durability) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	write := func(s string) func(w io.Writer) error {
		return func(w io.Writer) error { _, err := w.Write([]byte(s)); return err }
	}
	if err := WriteFile(path, false, d, write("first")); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, false, d, write("second"))
	var exists *ExistsError
	if !errors.As(err, &exists) || !strings.Contains(err.Error(), "use --force") {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "first" {
		t.Errorf("the old file changed: %q", data)
	}
	if err := WriteFile(path, true, d, write("third")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "third" {
		t.Errorf("--force did not overwrite: %q", data)
	}
	// A writer that fails leaves neither the file nor a temporary behind.
	failed := filepath.Join(dir, "failed.json")
	if err := WriteFile(failed, false, d, func(w io.Writer) error { w.Write([]byte("half")); return errors.New("disk full") }); err == nil {
		t.Fatal("error lost")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after a failed write, want 1: %v", len(entries), entries)
	}
}

func TestWriteInDirStaysInside(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	for _, name := range []string{"../../escape", "/etc/x", "a/../../b", "\x1b]0;title\x07"} {
		path, err := WriteInDir(dir, name, at, ".json", Durable, func(w io.Writer) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Dir(path) != dir {
			t.Errorf("%q was written to %s, outside %s", name, path, dir)
		}
	}
}

// Thirty students with the same name finishing in the same second: thirty intact files.
func TestWriteInDirConcurrent(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	paths := make([]string, 30)
	errs := make([]error, 30)
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths[i], errs[i] = WriteInDir(dir, "Class 9B", at, ".json", Durable, func(w io.Writer) error {
				_, err := fmt.Fprintf(w, `{"student": %d}`, i)
				return err
			})
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i := range 30 {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if seen[paths[i]] {
			t.Fatalf("two students wrote %s", paths[i])
		}
		seen[paths[i]] = true
		data, _ := os.ReadFile(paths[i])
		if string(data) != fmt.Sprintf(`{"student": %d}`, i) {
			t.Errorf("%s holds %q", paths[i], data)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 30 {
		t.Errorf("%d files, want 30", len(entries))
	}
}

// WriteFile never destroys what is not a regular file: a directory is
// refused, a device or a pipe written to as it is; links are followed.
func TestWriteFileRefusesSpecialFilesAndFollowsLinks(t *testing.T) {
	for _, d := range durabilities {
		t.Run(d.name, func(t *testing.T) { testWriteFileRefusesSpecialFilesAndFollowsLinks(t, d.d) })
	}
}

func testWriteFileRefusesSpecialFilesAndFollowsLinks(t *testing.T, d Durability) {
	dir := t.TempDir()
	write := func(w io.Writer) error { _, err := w.Write([]byte("report")); return err }
	if err := WriteFile(dir, true, d, write); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
		t.Errorf("a directory: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscallMkfifo(fifo); err == nil {
		// A pipe is written to as it is, without --force (issue 10,
		// P10): the reader gets the report, the pipe stays a pipe.
		got := make(chan []byte)
		go func() {
			data, _ := os.ReadFile(fifo)
			got <- data
		}()
		if err := WriteFile(fifo, false, d, write); err != nil {
			t.Errorf("a pipe: %v", err)
		}
		if data := <-got; string(data) != "report" {
			t.Errorf("the pipe's reader got %q", data)
		}
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the pipe was replaced: %v %v", st, err)
		}
	}
	if _, err := os.Stat(os.DevNull); err == nil {
		if err := WriteFile(os.DevNull, false, d, write); err != nil {
			t.Errorf("%s without --force: %v", os.DevNull, err)
		}
		if st, err := os.Stat(os.DevNull); err != nil || !IsStream(st) {
			t.Fatalf("%s is no longer a device: %v %v", os.DevNull, st, err)
		}
		if Replaces(os.DevNull) {
			t.Errorf("Replaces(%s) = true; a device replaces nothing", os.DevNull)
		}
	}
	if !Replaces(filepath.Join(dir, "..", filepath.Base(dir))) {
		t.Error("Replaces(a directory) = false")
	}
	target := filepath.Join(dir, "target.json")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.json")
	os.Symlink(target, link)
	if err := WriteFile(link, true, d, write); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(target); string(data) != "report" {
		t.Errorf("the link's target holds %q", data)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	if _, err := ReadFileLimited(fifo); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("reading a pipe: %v", err)
	}
}

// A link planted at the name a report would take, even one that leads
// nowhere, makes the name taken: the report takes the next name in the same
// directory (issue 14, item 9).
func TestWriteInDirSkipsPlantedLinks(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	if err := os.Symlink(filepath.Join(dir, "nowhere", "x"), filepath.Join(dir, "Ana-20260226T090000Z.json")); err != nil {
		t.Skip(err)
	}
	outside := filepath.Join(t.TempDir(), "stolen.json")
	if err := os.Symlink(outside, filepath.Join(dir, "Ana-20260226T090000Z-2.json")); err != nil {
		t.Fatal(err)
	}
	path, err := WriteInDir(dir, "Ana", at, ".json", Durable, func(w io.Writer) error { _, err := io.WriteString(w, "{}"); return err })
	if err != nil || path != filepath.Join(dir, "Ana-20260226T090000Z-3.json") {
		t.Fatalf("WriteInDir = %q, %v; want the -3 name", path, err)
	}
	if _, err := os.Stat(outside); err == nil {
		t.Error("the report was written through a planted link")
	}
}

// WrittenInDir finds what WriteInDir wrote for a student, numbered copies
// too, and nothing of another student's or any other file.
func TestWrittenInDir(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	var want []string
	for range 2 {
		path, err := WriteInDir(dir, "Ana Lee", at, ".json", Durable, func(w io.Writer) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, path)
	}
	if _, err := WriteInDir(dir, "Ana Leeson", at, ".json", Durable, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Ana-Lee-notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got := WrittenInDir(dir, "Ana Lee")
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("WrittenInDir = %q, want %q", got, want)
	}
}

// Leftovers finds the hidden temporary files a killed write left for the
// names asked about, and nothing else: not the files themselves, not another
// name's, not a temporary name without its digits, not a folder.
func TestLeftovers(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.json", ".a.json.tmp-123", ".a.json.tmp-9", ".b.json.tmp-1", ".a.json.tmp-", ".a.json.tmp-1x", "a.json.tmp-5", ".a.json.tmp-7.tmp-8"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, ".a.json.tmp-44"), 0o700); err != nil {
		t.Fatal(err)
	}
	got := Leftovers(dir, func(name string) bool { return name == "a.json" })
	want := []string{filepath.Join(dir, ".a.json.tmp-123"), filepath.Join(dir, ".a.json.tmp-9")}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Leftovers = %q, want %q", got, want)
	}
	// What WriteFile leaves is what Leftovers finds: the name it gives its
	// temporary file, held by a write that never ends.
	path := filepath.Join(t.TempDir(), "Ana-20260226T090000Z.json")
	err := WriteFile(path, false, Derived, func(io.Writer) error {
		left := LeftInDir(filepath.Dir(path), "Ana")
		if len(left) != 1 || !strings.HasPrefix(filepath.Base(left[0]), ".Ana-20260226T090000Z.json.tmp-") {
			t.Errorf("during the write, LeftInDir = %q, want the temporary file", left)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if left := LeftInDir(filepath.Dir(path), "Ana"); len(left) != 0 {
		t.Errorf("after the write, LeftInDir = %q", left)
	}
}

// A path under /dev/ is opened and written as it is, appended to: behind
// /dev/fd/N a pipe is written (no temporary file renamed over pipe:[N]), and
// a file keeps what it had, as after a shell's >> (attack5 N4).
func TestWriteFileDevicePaths(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/dev/fd/N reopens the file on Linux")
	}
	log := filepath.Join(t.TempDir(), "log.txt")
	os.WriteFile(log, []byte("log line 1\n"), 0o644)
	f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dev := fmt.Sprintf("/dev/fd/%d", f.Fd())
	if Replaces(dev) {
		t.Errorf("%s needs --force", dev)
	}
	for range 2 {
		if err := WriteFile(dev, false, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "report\n"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(log); string(got) != "log line 1\nreport\nreport\n" {
		t.Errorf("log.txt: %q", got)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(log), ".*tmp-*")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	done := make(chan []byte)
	go func() { b, _ := io.ReadAll(r); done <- b }()
	err = WriteFile(fmt.Sprintf("/dev/fd/%d", w.Fd()), false, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "piped\n"); return err })
	w.Close()
	if got := <-done; err != nil || string(got) != "piped\n" {
		t.Errorf("pipe: %q, %v", got, err)
	}
}

// A file in /dev/shm (a tmpfs people use as a scratch disk) is an ordinary
// file: made if missing, replaced atomically with --force, refused without
// it. It was taken for a device and opened to append, so a new one failed
// with "no such file or directory".
func TestWriteFileInDevShm(t *testing.T) {
	if st, err := os.Stat("/dev/shm"); err != nil || !st.IsDir() {
		t.Skip("no /dev/shm here")
	}
	dir, err := os.MkdirTemp("/dev/shm", "conflictq-test-")
	if err != nil {
		t.Skipf("/dev/shm not writable: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "key.yaml")
	if IsDevice(path) {
		t.Fatalf("IsDevice(%s) = true", path)
	}
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := WriteFile(path, false, Derived, write("one\n")); err != nil {
		t.Fatal(err)
	}
	var exists *ExistsError
	if err := WriteFile(path, false, Derived, write("two\n")); !errors.As(err, &exists) {
		t.Fatalf("without force: %v", err)
	}
	if err := WriteFile(path, true, Derived, write("three\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "three\n" {
		t.Errorf("key.yaml: %q", got)
	}
	if !Replaces(path) {
		t.Error("a file in /dev/shm needs --force to be replaced")
	}
}

// A file that cannot be made in its folder is named as given, not by the
// temporary file written first: the reader never named that one (quiz
// --answers -o relies on this, having no probe of its own).
func TestWriteFileErrorNamesThePath(t *testing.T) {
	file := filepath.Join(t.TempDir(), "notafolder")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(file, "report.json")
	err := WriteFile(path, false, Derived, func(w io.Writer) error { return nil })
	if err == nil {
		t.Fatal("written inside a file")
	}
	if want := "cannot write " + path + ": "; !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("error %q, want it to start %q and name no temporary file", err, want)
	}
	if runtime.GOOS != "windows" && !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("error %q has lost its cause (not a directory)", err)
	}
}

// A rename that fails names the file as given, not the hidden temporary
// file (attack22 L2: "rename ./.t.csv.tmp-N t.csv/: not a directory"), and
// leaves neither it nor a change behind: t.csv/ where t.csv is a file.
func TestWriteFileRenameErrorNamesThePath(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a trailing slash is a separator there")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "t.csv")
	if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(file+"/", true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	if err == nil {
		t.Fatal("written through a trailing slash")
	}
	if want := "write " + file + "/: "; !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), ".tmp-") || !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("error %q, want it to start %q, name no temporary file and keep its cause", err, want)
	}
	if data, _ := os.ReadFile(file); string(data) != "old" {
		t.Errorf("t.csv holds %q, want it untouched", data)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// A link whose chain passes through a device path (/dev/stdout, /proc/self/
// fd/N) is written as the device, appended to, and needs no --force: it was
// followed to the file the shell opened with >> and renamed over it, and the
// log lost its lines (attack20 M2). /proc/self/fd/N named directly is a
// device path too.
func TestWriteFileLinkToDevice(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/self/fd/N is Linux's")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "log.txt")
	os.WriteFile(log, []byte("log line 1\n"), 0o644)
	f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fd := fmt.Sprintf("/proc/self/fd/%d", f.Fd())
	link := filepath.Join(dir, "out.json")
	if err := os.Symlink(fmt.Sprintf("/dev/fd/%d", f.Fd()), link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{link, fd} {
		if !IsDevice(path) && !linksToDevice(path) {
			t.Errorf("%s is not taken for a device", path)
		}
		if Replaces(path) {
			t.Errorf("%s needs --force", path)
		}
		if err := WriteFile(path, true, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "report\n"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(log); string(got) != "log line 1\nreport\nreport\n" {
		t.Errorf("log.txt: %q", got)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	// A link to an ordinary file is followed and the file replaced, as before.
	plain := filepath.Join(dir, "plain.json")
	os.WriteFile(plain, []byte("old\n"), 0o644)
	other := filepath.Join(dir, "other.json")
	if err := os.Symlink(plain, other); err != nil {
		t.Fatal(err)
	}
	if linksToDevice(other) {
		t.Error("a link to an ordinary file is taken for a device")
	}
}

// Only a process's file descriptors are devices in /proc: /proc/self/cwd/x
// is an ordinary file, made when missing and replaced only with --force
// (recheck25 M1: every /proc path was appended to). A link to a folder of
// descriptors leads to a device too: linkdir/1 with linkdir -> /dev/fd
// (recheck25 M2: it was followed to the log and renamed over it).
func TestWriteFileProcAndFolderLinks(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc is Linux's")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	for _, p := range []string{"/proc/self/cwd/plain.txt", "/proc/self/root" + dir + "/plain.txt"} {
		if IsDevice(p) {
			t.Errorf("IsDevice(%s) = true", p)
		}
	}
	for _, p := range []string{"/proc/self/fd/1", "/proc/123/fd/4", "/proc/thread-self/fd/0", "/proc/1/task/12/fd/3", "/dev/stdout"} {
		if !IsDevice(p) {
			t.Errorf("IsDevice(%s) = false", p)
		}
	}
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := WriteFile("/proc/self/cwd/plain.txt", false, Derived, write("one\n")); err != nil {
		t.Fatal(err)
	}
	var exists *ExistsError
	if err := WriteFile("/proc/self/cwd/plain.txt", false, Derived, write("two\n")); !errors.As(err, &exists) {
		t.Errorf("without force: %v", err)
	}
	if got, _ := os.ReadFile("plain.txt"); string(got) != "one\n" {
		t.Errorf("plain.txt: %q", got)
	}

	log := filepath.Join(dir, "log.txt")
	os.WriteFile(log, []byte("log line 1\n"), 0o644)
	f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := os.Symlink("/dev/fd", filepath.Join(dir, "myfd")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "myfd", fmt.Sprint(f.Fd()))
	if Replaces(out) {
		t.Errorf("%s needs --force", out)
	}
	if err := WriteFile(out, true, Derived, write("report\n")); err != nil {
		t.Fatal(err)
	}
	// A ".." after a link is taken after the link, as the system takes it
	// (recheck25b F1): y -> lnk/../fd/N, lnk -> /dev/fd, is the log's
	// descriptor, not a file fd/N beside the link.
	if err := os.Symlink(fmt.Sprintf("myfd/../fd/%d", f.Fd()), filepath.Join(dir, "y")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(dir, "y"), true, Derived, write("again\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(log); string(got) != "log line 1\nreport\nagain\n" {
		t.Errorf("log.txt: %q", got)
	}
	// And /dev/fd/../cwd/plain.txt is /proc/self/cwd/plain.txt, an
	// ordinary file, not a /dev path (recheck25b F2).
	through := "/dev/fd/../cwd/plain.txt"
	if IsDevice(through) {
		t.Errorf("IsDevice(%s) = true", through)
	}
	if err := WriteFile(through, false, Derived, write("three\n")); !errors.As(err, &exists) {
		t.Errorf("%s without force: %v", through, err)
	}
	if got, _ := os.ReadFile("plain.txt"); string(got) != "one\n" {
		t.Errorf("plain.txt: %q", got)
	}
}

// A path that leads, by its links, to a file descriptor that is not open
// says so, with the descriptor's number (recheck25b F3: "open x: no such
// file or directory").
func TestWriteToADescriptorNotOpen(t *testing.T) {
	dir := t.TempDir()
	x, y := filepath.Join(dir, "x"), filepath.Join(dir, "y")
	if err := os.Symlink("/dev/fd/97", x); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("x", y); err != nil {
		t.Fatal(err)
	}
	// Another process's descriptor (a pid no process can have, so that no
	// real one is ever opened) is not one to open here: said so, not the
	// advice to open it, nor the system's bare "permission denied" or "no
	// such file" (recheck26 L5).
	want := "cannot write /proc/999999999/fd/97: it is file descriptor 97 of another process (999999999), which conflictq cannot write to"
	if err := WriteFile("/proc/999999999/fd/97", false, Derived, func(io.Writer) error { return nil }); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("/proc/999999999/fd/97: %v, want %q", err, want)
	}
	// Through a link to the folder (d -> /dev/fd, d/97), as through a link
	// to the descriptor (recheck26 L5: "open d/97: no such file").
	d := filepath.Join(dir, "d")
	if err := os.Symlink("/dev/fd", d); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{x, y, "/dev/fd/97", "/proc/self/fd/97", fmt.Sprintf("/proc/%d/fd/97", os.Getpid()), filepath.Join(d, "97")} {
		err := WriteFile(path, false, Derived, func(io.Writer) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "it leads to file descriptor 97, which is not open") || !strings.HasPrefix(err.Error(), "cannot write "+path+":") {
			t.Errorf("%s: %v, want it to name descriptor 97 as not open", path, err)
		}
	}
}

// A name in a folder of file descriptors that is no descriptor's number
// (/dev/fd/x, /dev/fd/-1, /dev/fd/9.csv) says so: the system's "no such
// file" made it "folder /dev/fd does not exist", which it does (recheck26
// L5).
func TestWriteToANameThatIsNoDescriptor(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc here")
	}
	d := filepath.Join(t.TempDir(), "d")
	if err := os.Symlink("/dev/fd", d); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/fd/x", "/dev/fd/-1", "/dev/fd/1.csv", "/proc/self/fd/x", filepath.Join(d, "x")} {
		err := WriteFile(path, false, Derived, func(io.Writer) error { return nil })
		want := "cannot write " + path + ": " + filepath.Dir(path) + " holds only open file descriptors, named by their numbers"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
		if errors.As(err, new(*MissingDirError)) {
			t.Errorf("%s: %v is a missing folder", path, err)
		}
	}
}

// A write that fails on the temporary file (a full disk) names the output,
// not the hidden .NAME.tmp-N (attack25 L2), alone and in a Set; nothing is
// left behind.
func TestWriteErrorNamesTheOutput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "stats.json")
	fail := func(w io.Writer) error {
		f := w.(*os.File)
		f.Close() // as a full disk: the write fails on the temporary file
		_, err := f.Write([]byte("x"))
		return err
	}
	joined := func(w io.Writer) error { return errors.Join(fail(w), errors.New("step summary: fine")) }
	var s Set
	for _, err := range []error{WriteFile(path, true, Derived, fail), s.WriteFile(path, true, Derived, fail), WriteFile(path, true, Derived, joined)} {
		if err == nil || !strings.Contains(err.Error(), "write "+path+": ") || strings.Contains(err.Error(), ".tmp-") || !errors.Is(err, os.ErrClosed) {
			t.Errorf("error %v, want one naming %s (and unwrapping to the write's)", err, path)
		}
	}
	s.Discard()
	if left := Leftovers(dir, func(string) bool { return true }); len(left) > 0 {
		t.Errorf("left %v", left)
	}
}
