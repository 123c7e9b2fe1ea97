package cmd

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The README's package map says data flows one way, "each package importing
// only those above it", with one exception inside the formats row: every
// package under quiz/ has a row, and imports only packages of rows above its
// own (issue 13: quiz/export imported quiz/htmlreport from above it).
func TestReadmePackageMapOrder(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const header = "| Package | Job |"
	_, table, ok := strings.Cut(string(data), "\n"+header+"\n")
	if !ok {
		t.Fatalf("README has no %q table", header)
	}
	row := map[string]int{} // a package's row, 1 the top
	name := regexp.MustCompile("`([a-z0-9/]+)`")
	for i, line := range strings.Split(table, "\n")[1:] { // [0]: |---|---|
		if !strings.HasPrefix(line, "|") {
			break
		}
		cell, _, _ := strings.Cut(strings.TrimPrefix(line, "|"), "|")
		for _, m := range name.FindAllStringSubmatch(cell, -1) {
			row[m[1]] = i + 1
		}
	}
	if len(row) < 10 {
		t.Fatalf("read %d packages from the map; is its layout changed?", len(row))
	}
	// Moodle XML uses GIFT's names for Moodle's rules: the exception the
	// README states, in the same row.
	sameRow := map[[2]string]bool{{"quiz/moodlexml", "quiz/gift"}: true}

	const module = "github.com/conflictq/conflictq/"
	imports := map[string]map[string]bool{} // package → ours it imports
	err = filepath.WalkDir("../quiz", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(filepath.Dir(strings.TrimPrefix(path, "../")))
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, s := range f.Imports {
			if p, _ := strconv.Unquote(s.Path.Value); strings.HasPrefix(p, module) {
				imports[pkg][strings.TrimPrefix(p, module)] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg, deps := range imports {
		if row[pkg] == 0 {
			t.Errorf("%s has no row in the README's package map", pkg)
			continue
		}
		for dep := range deps {
			switch {
			case row[dep] == 0:
				t.Errorf("%s imports %s, which has no row in the README's package map", pkg, dep)
			case row[dep] == row[pkg] && sameRow[[2]string{pkg, dep}]:
			case row[dep] >= row[pkg]:
				t.Errorf("%s (row %d) imports %s (row %d): the README's map says each package imports only those above it", pkg, row[pkg], dep, row[dep])
			}
		}
	}
	for pkg := range row {
		if imports[pkg] == nil {
			t.Errorf("the README's package map names %s, which has no Go files", pkg)
		}
	}
}
