package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeRelease packs small stand-in files for every target, as build does
// with the real ones, so the archive layout is tested in milliseconds.
func fakeRelease(t *testing.T, skip string) string {
	t.Helper()
	src, out := t.TempDir(), t.TempDir()
	var extras []File
	for _, name := range wantInArchive {
		if name == skip {
			continue
		}
		path := filepath.Join(src, strings.ReplaceAll(name, "/", "_"))
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		extras = append(extras, File{Name: name, Path: path, Mode: 0o644})
	}
	bin := filepath.Join(src, "bin")
	if err := os.WriteFile(bin, []byte("binary"), 0o755); err != nil {
		t.Fatal(err)
	}
	var archives []string
	for _, tg := range targets {
		files := append([]File{{Name: binaryName(tg.goos), Path: bin, Mode: 0o755}}, extras...)
		name, err := Pack(out, ArchiveBase("v1.2.3", tg.goos, tg.goarch), tg.goos, files)
		if err != nil {
			t.Fatal(err)
		}
		archives = append(archives, name)
	}
	if err := WriteSums(out, archives); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPackAndCheck(t *testing.T) {
	out := fakeRelease(t, "")
	if err := Check(out); err != nil {
		t.Fatalf("Check: %v", err)
	}
	for _, want := range []string{"conflictq_1.2.3_linux_amd64.tar.gz", "conflictq_1.2.3_darwin_arm64.tar.gz", "conflictq_1.2.3_windows_amd64.zip"} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Errorf("%s: %v", want, err)
		}
	}
	sums, _ := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	if n := strings.Count(string(sums), "\n"); n != len(targets) {
		t.Errorf("SHA256SUMS has %d lines, want %d", n, len(targets))
	}
}

func TestCheckFindsWhatIsMissing(t *testing.T) {
	out := fakeRelease(t, "man/conflictq.1")
	err := Check(out)
	if err == nil || !strings.Contains(err.Error(), "conflictq_1.2.3_windows_arm64.zip: man/conflictq.1 is missing") {
		t.Fatalf("Check = %v, want the missing man page named", err)
	}
}

func TestCheckFindsATamperedArchive(t *testing.T) {
	out := fakeRelease(t, "")
	path := filepath.Join(out, "conflictq_1.2.3_linux_arm64.tar.gz")
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(data, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Check(out)
	if err == nil || !strings.Contains(err.Error(), "linux_arm64.tar.gz: SHA-256 does not match") {
		t.Fatalf("Check = %v, want the checksum mismatch", err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := Check(out); err == nil || !strings.Contains(err.Error(), "linux/arm64: want one .tar.gz archive, found 0") {
		t.Fatalf("Check = %v, want the missing archive named", err)
	}
}
