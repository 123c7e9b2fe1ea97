package fileio

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// ReadFileInfo reads into the storage it is given when the file fits (the
// bytes there before are overwritten, none kept), into new storage when it
// does not, and returns the file's bytes either way.
func TestReadFileInfoIntoBuffer(t *testing.T) {
	dir := t.TempDir()
	small, large := filepath.Join(dir, "small.yaml"), filepath.Join(dir, "large.yaml")
	if err := os.WriteFile(small, []byte("student: Ana\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("answers: x\n"), 2000)
	if err := os.WriteFile(large, big, 0o644); err != nil {
		t.Fatal(err)
	}
	buf := append(make([]byte, 0, 4096), "old bytes, longer than the small file"...)
	data, st, err := ReadFileInfo(small, buf)
	if err != nil || string(data) != "student: Ana\n" || st.Size() != 13 {
		t.Fatalf("ReadFileInfo(small) = %q, %v", data, err)
	}
	if &data[:1][0] != &buf[:1][0] {
		t.Errorf("a file with room in buf was read into new storage")
	}
	data, _, err = ReadFileInfo(large, data)
	if err != nil || !bytes.Equal(data, big) {
		t.Fatalf("ReadFileInfo(large) = %d bytes, %v; want %d", len(data), err, len(big))
	}
	if string(buf[:13]) != "student: Ana\n" {
		t.Errorf("a file too large for buf wrote into it: %q", buf[:13])
	}
	if data, _, err := ReadFileInfo(small, nil); err != nil || string(data) != "student: Ana\n" {
		t.Errorf("ReadFileInfo(small, nil) = %q, %v", data, err)
	}
}
