// Command dist builds conflictq's release archives (make dist): one for each
// of linux, darwin and windows on amd64 and arm64, each holding the binary
// (stamped with the version and commit), README.md, the man pages and the
// shell completions, and a SHA256SUMS file beside them. `dist -check DIR`
// opens every archive and checks that it holds what it should and that the
// checksums match, so a broken archive never reaches a school lab.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// targets are the platforms a release is built for. Windows gets a .zip (it
// opens one without extra software), the others a .tar.gz.
var targets = []struct{ goos, goarch string }{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

func main() {
	out := flag.String("out", "dist", "write the archives into `DIR`")
	version := flag.String("version", "dev", "the version to stamp and name the archives with")
	commit := flag.String("commit", "", "the commit to stamp")
	man := flag.String("man", "man", "the man pages' `DIR` (make man)")
	completions := flag.String("completions", "completions", "the completion scripts' `DIR` (make completions)")
	check := flag.String("check", "", "only check the archives in `DIR`")
	flag.Parse()
	if *check != "" {
		if err := Check(*check); err != nil {
			fmt.Fprintln(os.Stderr, "dist:", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "dist: %d archives and SHA256SUMS in %s are complete\n", len(targets), *check)
		return
	}
	if err := build(*out, *version, *commit, *man, *completions); err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}

func build(out, version, commit, man, completions string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	extras, err := extraFiles(man, completions)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "conflictq-dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	ldflags := fmt.Sprintf("-s -w -X github.com/conflictq/conflictq/cmd.stampVersion=%s -X github.com/conflictq/conflictq/cmd.stampCommit=%s", version, commit)
	var archives []string
	for _, t := range targets {
		bin := filepath.Join(tmp, t.goos+"-"+t.goarch, binaryName(t.goos))
		c := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", bin, "./cmd/conflictq")
		c.Env = append(os.Environ(), "GOOS="+t.goos, "GOARCH="+t.goarch, "CGO_ENABLED=0")
		c.Stdout, c.Stderr = os.Stderr, os.Stderr
		if err := c.Run(); err != nil {
			return fmt.Errorf("building for %s/%s: %w", t.goos, t.goarch, err)
		}
		files := append([]File{{Name: binaryName(t.goos), Path: bin, Mode: 0o755}}, extras...)
		name, err := Pack(out, ArchiveBase(version, t.goos, t.goarch), t.goos, files)
		if err != nil {
			return err
		}
		fmt.Fprintln(os.Stderr, "dist: wrote", filepath.Join(out, name))
		archives = append(archives, name)
	}
	if err := WriteSums(out, archives); err != nil {
		return err
	}
	return Check(out)
}

// extraFiles lists what every archive holds beside the binary.
func extraFiles(man, completions string) ([]File, error) {
	files := []File{{Name: "README.md", Path: "README.md", Mode: 0o644}}
	for _, dir := range []struct{ src, dst string }{{man, "man"}, {completions, "completions"}} {
		entries, err := os.ReadDir(dir.src)
		if err != nil {
			return nil, fmt.Errorf("%w (run make man completions first)", err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() {
				files = append(files, File{Name: dir.dst + "/" + e.Name(), Path: filepath.Join(dir.src, e.Name()), Mode: 0o644})
			}
		}
	}
	return files, nil
}

func binaryName(goos string) string {
	if goos == "windows" {
		return "conflictq.exe"
	}
	return "conflictq"
}

// ArchiveBase names an archive and the folder inside it.
func ArchiveBase(version, goos, goarch string) string {
	return fmt.Sprintf("conflictq_%s_%s_%s", strings.TrimPrefix(version, "v"), goos, goarch)
}
