package history

import (
	"bytes"
	"slices"

	"github.com/conflictq/conflictq/quiz/fsrs"
)

// Helpers for the package's tests: the program reads a history with Scan
// and replays it record by record (Schedule.Add).

// load reads a history file whole, as Scan reads it.
func load(path string) (records []Record, warnings []error, err error) {
	warnings, err = Scan(path, func(r *Record) { records = append(records, *r) })
	return records, warnings, err
}

// parse reads history lines from data; name is the file's name for warnings.
func parse(name string, data []byte) ([]Record, []error) {
	var records []Record
	warnings, _, _ := scan(name, bytes.NewReader(data), position{}, func(r *Record) { records = append(records, *r) }, scanBuffer)
	return records, warnings
}

// build replays records, oldest first.
func build(records []Record, s *fsrs.Scheduler) *Schedule {
	sc := NewSchedule(s)
	if !slices.IsSortedFunc(records, byTime) {
		records = slices.Clone(records)
		slices.SortStableFunc(records, byTime)
	}
	for i := range records {
		sc.Add(&records[i])
	}
	return sc
}

func byTime(a, b Record) int { return a.Time.Compare(b.Time) }
