package stats

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/conflictq/conflictq/quiz/fileio"
)

// MergeFiles reads the running sums in paths (as grade --sums writes them)
// and merges them into the statistics of the whole class, as if every sheet
// had been graded in one run. A file given twice, also through a link, is
// refused: its students would be counted twice. Every error names the file.
func MergeFiles(paths []string) (*Stats, error) {
	var all *Stats
	given := map[string]bool{}
	for _, path := range paths {
		// One file cannot be given twice: its links and folders are looked
		// up only beside another's (a look-up and a system call or two for
		// each file).
		if len(paths) > 1 {
			// A link to a shard is that shard, and a relative path is
			// taken from the folder the system knows, as every output is
			// judged: from a folder reached through a link, s.json and its
			// physical path were two files (attack22 L2).
			abs := fileio.Canonical(path)
			if given[abs] {
				return nil, fmt.Errorf("%s is given twice: its students would be counted twice", path)
			}
			given[abs] = true
		}
		s, err := ReadSums(path)
		if err != nil {
			return nil, err
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
