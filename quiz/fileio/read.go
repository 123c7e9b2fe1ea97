package fileio

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
)

// MaxFileSize is the largest bank or answer sheet conflictq reads. Real banks are a few
// hundred kilobytes; anything near this size is a mistake or an attack.
const MaxFileSize = 10 << 20

// ReadFileLimited reads a file of at most MaxFileSize bytes; a larger one is
// refused without being read whole.
func ReadFileLimited(name string) ([]byte, error) {
	data, _, err := ReadFileInfo(name, nil)
	return data, err
}

// ReadFileInfo is ReadFileLimited, and the file as it was looked up before
// it was read (os.Stat: its links followed), for telling it from others
// (Seen) without looking it up again. The file is read into buf's storage
// when it has room (as append would: buf's bytes are overwritten), else
// into new storage; buf may be nil. A reader of many files (grade's folder)
// reads each into the last one's storage once it is done with it, rather
// than into 16 KB of fresh memory a sheet.
func ReadFileInfo(name string, buf []byte) ([]byte, os.FileInfo, error) {
	st, err := statRegular(name, MaxFileSize, "files")
	if err != nil {
		return nil, nil, err
	}
	f, err := Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	// Room for the file as it was found, and for a little growth since:
	// io.ReadAll grows from 512 bytes, doubling, and so allocated three
	// times a 12 KB sheet, a tenth of grading its page faults.
	b := bytes.NewBuffer(buf[:0])
	b.Grow(int(st.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, nil, err
	}
	data := b.Bytes()
	if len(data) > MaxFileSize {
		return nil, nil, fmt.Errorf("%s: file is larger than %d MB; conflictq reads files of at most %d MB", name, MaxFileSize>>20, MaxFileSize>>20)
	}
	return data, st, nil
}

// MaxXMLFileSize bounds a Moodle XML file read with ReadXMLLimited: Moodle
// exports a bank's images inline, as base64 <file> elements, and a real
// bank with pictures runs to tens of megabytes. What is left once they are
// dropped is held to MaxFileSize.
const MaxXMLFileSize = 512 << 20

// ReadXMLLimited reads a Moodle XML file, streaming past the payload of each
// <file ... encoding="base64"> element (the element stays, empty, so that a
// reader can still count and name the files it drops). The file may be up to
// MaxXMLFileSize; what is kept, at most MaxFileSize.
func ReadXMLLimited(name string) ([]byte, error) {
	st, err := statRegular(name, MaxXMLFileSize, "Moodle XML files")
	if err != nil {
		return nil, err
	}
	if st.Size() <= MaxFileSize {
		return ReadFileLimited(name)
	}
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := StripBase64Files(bufio.NewReaderSize(io.LimitReader(f, MaxXMLFileSize+1), 1<<16), MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return data, nil
}

// StripBase64Files copies r, leaving out what lies between each
// <file ...encoding="base64"...> and its </file> but line breaks. It fails when more than
// limit bytes are kept: then the file is large for other reasons than its
// images.
func StripBase64Files(r *bufio.Reader, limit int) ([]byte, error) {
	var out []byte
	open, closing := []byte("<file"), []byte("</file>")
	keep := func(b ...byte) error {
		out = append(out, b...)
		if len(out) > limit {
			return fmt.Errorf("file is larger than %d MB without its images; conflictq reads files of at most %d MB", limit>>20, limit>>20)
		}
		return nil
	}
	for {
		c, err := r.ReadByte()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if err := keep(c); err != nil {
			return nil, err
		}
		if c != '>' || !bytes.HasSuffix(out, []byte(">")) {
			continue
		}
		// The end of a tag: is it a base64 <file ...> opening tag?
		start := bytes.LastIndexByte(out, '<')
		tag := out[max(start, 0):]
		if start < 0 || !bytes.HasPrefix(tag, open) || len(tag) <= len(open) || !(tag[len(open)] == ' ' || tag[len(open)] == '\t' || tag[len(open)] == '\n' || tag[len(open)] == '\r') ||
			!bytes.Contains(tag, []byte(`encoding="base64"`)) || bytes.HasSuffix(tag, []byte("/>")) {
			continue
		}
		// Skip the payload: base64 and spaces, up to </file>. Its line
		// breaks are kept, so that lines after it keep their numbers.
		for {
			b, err := r.ReadByte()
			if err == io.EOF {
				return out, nil
			}
			if err != nil {
				return nil, err
			}
			if b == '\n' {
				if err := keep(b); err != nil {
					return nil, err
				}
				continue
			}
			if b == '<' {
				rest, _ := r.Peek(len(closing) - 1)
				if bytes.Equal(rest, closing[1:]) {
					_, _ = r.Discard(len(rest))
					if err := keep(closing...); err != nil {
						return nil, err
					}
					break
				}
				if err := keep(b); err != nil { // not base64: kept, and the element ends as XML says
					return nil, err
				}
				break
			}
		}
	}
}

// SameFileAs returns the first of paths that names the same existing file as
// out (through links, or by another name), or "". A command checks its outputs
// with it, so that it never overwrites one of its inputs.
func SameFileAs(out string, paths []string) string {
	return StatFiles(paths).Holds(out)
}

// Files are files looked up once, for checking many outputs against them
// (a graded directory of 10,000 sheets) without looking each up every time.
type Files struct {
	paths []string
	infos []os.FileInfo
}

// StatFiles looks up paths; those that do not exist are left out.
func StatFiles(paths []string) *Files {
	fs := &Files{}
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			fs.paths = append(fs.paths, p)
			fs.infos = append(fs.infos, st)
		}
	}
	return fs
}

// Holds returns the first of the files that is the same existing file as out
// (through links, or by another name), or "".
func (fs *Files) Holds(out string) string {
	if len(fs.infos) == 0 {
		return "" // out not looked up for nothing
	}
	st, err := os.Stat(out)
	if err != nil {
		return ""
	}
	return fs.holding(st)
}

// holding is Holds for an output looked up already.
func (fs *Files) holding(st os.FileInfo) string {
	for i, info := range fs.infos {
		if os.SameFile(st, info) {
			return fs.paths[i]
		}
	}
	return ""
}

// sameFileAsInfo is SameFileAs for an output looked up already: each of
// paths is looked up, out not again.
func sameFileAsInfo(st os.FileInfo, paths []string) string {
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && os.SameFile(st, info) {
			return p
		}
	}
	return ""
}

// statRegular refuses, before anything is opened (opening a pipe waits for a
// writer), a directory, a device or pipe, or a file over max bytes; what is
// names the kind of file in the size message.
func statRegular(name string, max int64, what string) (os.FileInfo, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	switch {
	case st.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not a file", name)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("%s: is not a regular file (a device or a pipe)", name)
	case st.Size() > max:
		return nil, fmt.Errorf("%s: file is %.1f MB; conflictq reads %s of at most %d MB", name, float64(st.Size())/(1<<20), what, max>>20)
	}
	return st, nil
}
