package fileio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// The guard refuses an output that is an input by any name, one in the state
// folder, and two outputs that are one file, with typed errors; an unrelated
// output passes and is written.
func TestGuard(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sheet, bank, cfg := write("a.yaml"), write("b.yaml"), write("cfg.yaml")
	state := filepath.Join(dir, "state")
	write("state/history.jsonl")
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(sheet, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	hard := filepath.Join(dir, "hard.yaml")
	if err := os.Link(bank, hard); err != nil {
		t.Skip("no hard links here:", err)
	}
	var banks []string // read later, as a sheet names them
	g := NewGuard("a sheet being graded", sheet).WithBanks(func() []string { return banks }).WithState(state).WithSettings([]string{cfg})

	var in *InputError
	if err := g.Check(link); !errors.As(err, &in) || in.In != sheet || in.What != "a sheet being graded" {
		t.Errorf("Check(link to the sheet) = %v, want an InputError for the sheet", err)
	} else if want := link + " is a sheet being graded (the same file as " + sheet + ")"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if err := g.Check(cfg); !errors.As(err, &in) || in.What != "a settings file being read" {
		t.Errorf("Check(settings) = %v", err)
	}
	if err := g.Check(hard); err != nil {
		t.Errorf("Check(hard link to a bank not read yet) = %v, want nil", err)
	}
	banks = []string{bank}
	if err := g.Check(hard); !errors.As(err, &in) || in.What != "a bank being read" {
		t.Errorf("Check(hard link to a bank read) = %v", err)
	}
	var st *StateError
	if err := g.Check(filepath.Join(state, "new.md")); !errors.As(err, &st) {
		t.Errorf("Check(in the state folder) = %v, want a StateError", err)
	}
	if err := g.Check(filepath.Join(dir, "state2", "x.md")); err != nil {
		t.Errorf("Check(a folder beside the state folder) = %v", err)
	}

	out := filepath.Join(dir, "out.md")
	if err := g.Claim("-o", out); err != nil {
		t.Fatalf("Claim(-o) = %v", err)
	}
	var same *SameOutputError
	if err := g.Claim("--sums", filepath.Join(dir, "sub", "..", "out.md")); !errors.As(err, &same) || same.LabelA != "-o" || same.LabelB != "--sums" {
		t.Errorf("Claim(the same file again) = %v, want a SameOutputError", err)
	}
	if g.Claimed(out) != "-o" {
		t.Errorf("Claimed(out) = %q, want -o", g.Claimed(out))
	}
	if err := g.WriteFile("-o", out, false, Derived, func(w io.Writer) error { _, err := io.WriteString(w, "ok"); return err }); err != nil {
		t.Fatalf("WriteFile = %v", err)
	}
	if err := g.WriteFile("-o", link, true, Derived, func(w io.Writer) error { return nil }); !errors.As(err, &in) {
		t.Errorf("WriteFile(link to the sheet, force) = %v, want an InputError", err)
	}
	if data, _ := os.ReadFile(sheet); string(data) != "x" {
		t.Errorf("the sheet was replaced: %q", data)
	}

	if err := g.CheckAppend(dir); err == nil {
		t.Error("CheckAppend(a directory) = nil")
	}
	if err := g.CheckAppend(out); err == nil {
		t.Error("CheckAppend(an output) = nil")
	}
	summary := filepath.Join(dir, "summary.md")
	if err := g.AppendRegular(summary, []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := g.AppendRegular(summary, []byte("b")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(summary); string(data) != "ab" {
		t.Errorf("appended %q, want ab", data)
	}
	if NewGuard("", "-").inputs == nil {
		t.Error("no inputs for -")
	}
}

// Canonical resolves links, even to a file not yet written, and makes a
// path absolute.
func TestCanonical(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "l.md")
	if err := os.Symlink("target.md", link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if got, want := Canonical(link), filepath.Join(dir, "target.md"); got != want {
		t.Errorf("Canonical(link to a file not yet written) = %q, want %q", got, want)
	}
	if !SamePath(link, filepath.Join(dir, ".", "target.md")) {
		t.Error("SamePath(link, target) = false")
	}
}
