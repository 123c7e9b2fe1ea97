package stats

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/conflictq/conflictq/quiz/fileio"
)

// MergeFiles reads the running sums in paths (as grade --sums writes them)
// and merges them into the statistics of the whole class, as if every sheet
// had been graded in one run. A file given twice, also through a link or a
// hard link, is refused: its students would be counted twice. Every error
// names the file. empty, when not nil, is told of each file of no sheet.
func MergeFiles(paths []string, empty func(path string)) (*Stats, error) {
	var all *Stats
	var given fileio.Seen
	for _, path := range paths {
		// One file cannot be given twice, by one name or two (a link, a
		// hard link, a folder reached through a link: attack22 L2,
		// lows28): files are compared by what they are, not by their
		// names, only when there are two.
		if len(paths) > 1 {
			if st, err := os.Stat(path); err == nil {
				if first := given.Add(path, st); first == path {
					return nil, fmt.Errorf("%s is given twice: its students would be counted twice", path)
				} else if first != "" {
					return nil, fmt.Errorf("%s is given twice (it is the same file as %s): its students would be counted twice", path, first)
				}
			}
		}
		s, err := ReadSums(path)
		if err != nil {
			return nil, err
		}
		if s.n == 0 && empty != nil {
			empty(path) // a shard of no sheet: said, not merged in silence
		}
		if all == nil {
			all = s
		} else if err := all.Merge(s); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
	}
	return all, nil
}

// ReadSums reads one file of running sums.
func ReadSums(path string) (*Stats, error) {
	data, err := fileio.ReadFileLimited(path)
	if err != nil {
		return nil, err
	}
	var s Stats
	if in, ok := scanSums(data); ok {
		// What json.Unmarshal would do with these bytes, without its
		// validating pass: they are valid JSON (scanSums).
		err = s.fromJSON(&in)
	} else {
		err = json.Unmarshal(data, &s)
	}
	if err != nil {
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		if errors.As(err, &syntax) || errors.As(err, &typ) {
			err = errors.New("not conflictq statistics sums (written by grade --sums)")
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &s, nil
}
