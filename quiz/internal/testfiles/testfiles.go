// Package testfiles holds what the importers' and exporters' tests share:
// golden files in testdata, rewritten under -update, and sample banks.
package testfiles

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Golden compares got with testdata/name, or rewrites the file under -update.
func Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to write it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (run go test with -update to accept):\n%s", name, got)
	}
}

// Bank reads a YAML bank from testdata; it must load without problems.
func Bank(t testing.TB, name string) *quiz.Bank {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	b, warnings, err := quiz.ParseBank(name, data)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("%s: %v %v", name, err, warnings)
	}
	return b
}
