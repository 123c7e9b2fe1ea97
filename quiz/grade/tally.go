package grade

import "hash/fnv"

// Tally is what a whole batch adds up to: the counts its exit code and
// closing messages come from, and the students seen, to warn about a student
// with two sheets.
type Tally struct {
	Graded, Failed, Unreadable int
	BadAnswers                 int // sheets graded with answers that could not be read or were given twice
	// students maps a hash of each name to where the sheet that first had it
	// is (its file, or file:line), to warn about duplicates by name.
	students map[uint64]string
}

// AddUnreadable counts a sheet that could not be read.
func (t *Tally) AddUnreadable() { t.Unreadable++ }

// Add counts a graded sheet. When its student already had a sheet in the
// batch it returns where that sheet is (SheetResult.Where), else "".
func (t *Tally) Add(r *SheetResult) (earlier string) {
	t.Graded++
	if r.Unreadable() > 0 {
		t.BadAnswers++
	}
	if r.Passed != nil && !*r.Passed {
		t.Failed++
	}
	if r.Student == "" {
		return ""
	}
	f := fnv.New64a()
	f.Write([]byte(r.Student))
	if first, dup := t.students[f.Sum64()]; dup {
		return first
	}
	if t.students == nil {
		t.students = map[uint64]string{}
	}
	t.students[f.Sum64()] = r.Where()
	return ""
}
