package sheet

import (
	"bytes"
	"fmt"
	"io"
	"iter"

	"github.com/conflictq/conflictq/quiz/fileio"
)

// ReadFile reads the one sheet that path holds, as grade reads sheets: "-" is
// standard input (JSON lines), a .jsonl file is JSON lines, any other file a
// whole sheet in YAML or JSON. JSON lines holding more than one sheet are
// refused: grade grades a class, this reads one sheet.
func ReadFile(path string, stdin io.Reader) (*Sheet, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, fileio.MaxFileSize+1))
		if err == nil && len(data) > fileio.MaxFileSize {
			err = fmt.Errorf("-: standard input is larger than %d MB; conflictq reads sheets of at most %d MB", fileio.MaxFileSize>>20, fileio.MaxFileSize>>20)
		}
	} else {
		data, err = fileio.ReadFileLimited(path)
	}
	if err != nil {
		return nil, err
	}
	s, next, err := First(path, data)
	if err == nil && next > 0 {
		err = fmt.Errorf("%s:%d: a second sheet; this reads one sheet (conflictq grade grades each of them)", path, next)
	}
	return s, err
}

// First reads the sheet a file's data begins with: for JSON lines ("-" or a
// .jsonl file) the first non-blank line, with next the line of the sheet
// after it (0 when none); for any other file the whole of data.
func First(path string, data []byte) (s *Sheet, next int, err error) {
	if path != "-" && fileio.FormatOf(path, "jsonl") == "" {
		s, err = Read(path, 0, data)
		return s, 0, err
	}
	first := 0
	var sheetData []byte
	for line, row := range Lines(data) {
		if first > 0 {
			next = line
			break
		}
		first, sheetData = line, row
	}
	if first == 0 {
		return nil, 0, fmt.Errorf("%s: no sheet (every line is blank)", path)
	}
	s, err = Read(path, first, sheetData)
	return s, next, err
}

// Lines yields the non-blank lines of JSON-lines data (a sheet or report a
// line) with their line numbers from 1, each with its line end: the one way
// a file of JSON lines is cut into sheets when it is held in memory.
func Lines(data []byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		line := 0
		for len(data) > 0 {
			row := data
			if i := bytes.IndexByte(data, '\n'); i >= 0 {
				row, data = data[:i+1], data[i+1:]
			} else {
				data = nil
			}
			line++
			if len(bytes.TrimSpace(row)) == 0 {
				continue
			}
			if !yield(line, row) {
				return
			}
		}
	}
}
