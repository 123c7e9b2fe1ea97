package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// File is one file to put in an archive: Name inside the archive's folder,
// read from Path.
type File struct {
	Name, Path string
	Mode       int64
}

// Pack writes base.zip (windows) or base.tar.gz into dir, with every file in
// a folder named base, and returns the archive's file name.
func Pack(dir, base, goos string, files []File) (name string, err error) {
	name = base + ".tar.gz"
	if goos == "windows" {
		name = base + ".zip"
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return "", err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if goos == "windows" {
		return name, packZip(f, base, files)
	}
	return name, packTar(f, base, files)
}

// packTime dates every file in an archive; without it zip writes 1980.
var packTime = time.Now()

func packTar(w io.Writer, base string, files []File) error {
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	for _, file := range files {
		data, err := os.ReadFile(file.Path)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: base + "/" + file.Name, Mode: file.Mode, Size: int64(len(data)), Typeflag: tar.TypeReg, ModTime: packTime}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func packZip(w io.Writer, base string, files []File) error {
	zw := zip.NewWriter(w)
	for _, file := range files {
		data, err := os.ReadFile(file.Path)
		if err != nil {
			return err
		}
		hdr := &zip.FileHeader{Name: base + "/" + file.Name, Method: zip.Deflate, Modified: packTime}
		hdr.SetMode(os.FileMode(file.Mode))
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// WriteSums writes SHA256SUMS in dir, in the format sha256sum -c reads.
func WriteSums(dir string, archives []string) error {
	var b strings.Builder
	for _, name := range archives {
		sum, err := sha256File(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", sum, name)
	}
	return os.WriteFile(filepath.Join(dir, "SHA256SUMS"), []byte(b.String()), 0o644)
}

func sha256File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// wantInArchive is what every archive must hold beside the binary.
var wantInArchive = []string{
	"README.md",
	"man/conflictq.1", "man/conflictq-quiz.1", "man/conflictq-define.1", "man/conflictq-grade.1",
	"completions/conflictq.bash", "completions/_conflictq", "completions/conflictq.fish", "completions/conflictq.ps1",
}

// Check opens the archive for every target in dir and reports what is
// missing: an archive, a file in one, a non-empty binary, or a checksum.
func Check(dir string) error {
	sums, err := readSums(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		return err
	}
	var problems []string
	for _, t := range targets {
		ext := ".tar.gz"
		if t.goos == "windows" {
			ext = ".zip"
		}
		matches, _ := filepath.Glob(filepath.Join(dir, "conflictq_*_"+t.goos+"_"+t.goarch+ext))
		if len(matches) != 1 {
			problems = append(problems, fmt.Sprintf("%s/%s: want one %s archive, found %d", t.goos, t.goarch, ext, len(matches)))
			continue
		}
		path := matches[0]
		name := filepath.Base(path)
		base := strings.TrimSuffix(name, ext)
		got, err := sha256File(path)
		switch {
		case err != nil:
			problems = append(problems, err.Error())
		case sums[name] == "":
			problems = append(problems, name+": not in SHA256SUMS")
		case sums[name] != got:
			problems = append(problems, name+": SHA-256 does not match SHA256SUMS")
		}
		sizes, err := listArchive(path, ext)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		for _, want := range append([]string{binaryName(t.goos)}, wantInArchive...) {
			size, ok := sizes[base+"/"+want]
			switch {
			case !ok:
				problems = append(problems, fmt.Sprintf("%s: %s is missing", name, want))
			case size == 0:
				problems = append(problems, fmt.Sprintf("%s: %s is empty", name, want))
			}
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

func readSums(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			return nil, fmt.Errorf("%s:%d: want \"SHA-256  file name\"", path, n)
		}
		sums[name] = sum
	}
	return sums, sc.Err()
}

// listArchive returns each regular file's name and size.
func listArchive(path, ext string) (map[string]int64, error) {
	sizes := map[string]int64{}
	if ext == ".zip" {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		for _, f := range zr.File {
			sizes[f.Name] = int64(f.UncompressedSize64)
		}
		return sizes, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return sizes, nil
		}
		if err != nil {
			return nil, err
		}
		if hdr.Typeflag == tar.TypeReg {
			sizes[hdr.Name] = hdr.Size
		}
	}
}
