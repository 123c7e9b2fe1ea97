package fileio

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Moodle XML exports carry their images as base64 <file> elements, tens of
// megabytes: they are streamed past, line breaks kept, and the text read;
// a file large for other reasons is still refused (issue 12, R3).
func TestReadXMLPastBase64Files(t *testing.T) {
	payload := strings.Repeat(strings.Repeat("QUJD", 19)+"\n", (11<<20)/77)
	src := "<quiz>\n<question type=\"truefalse\"><questiontext><text>Cat?</text>\n<file name=\"c.png\" path=\"/\" encoding=\"base64\">" + payload + "</file></questiontext>\n<file>kept</file><filex encoding=\"base64\">kept</filex>\n</question></quiz>\n"
	name := filepath.Join(t.TempDir(), "big.xml")
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFileLimited(name); err == nil {
		t.Fatal("want the file over MaxFileSize")
	}
	data, err := ReadXMLLimited(name)
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	if !strings.Contains(got, `encoding="base64">`+strings.Repeat("\n", strings.Count(payload, "\n"))+"</file>") ||
		!strings.Contains(got, "<file>kept</file><filex encoding=\"base64\">kept</filex>") || strings.Count(got, "\n") != strings.Count(src, "\n") {
		t.Errorf("kept %d bytes, %d lines (want %d)", len(got), strings.Count(got, "\n"), strings.Count(src, "\n"))
	}
	if _, err := StripBase64Files(bufio.NewReader(strings.NewReader(strings.Repeat("<text>x</text>", 100))), 1000); err == nil || !strings.Contains(err.Error(), "without its images") {
		t.Errorf("a file large without images: %v", err)
	}
}
