package grade

import (
	"hash/fnv"

	"github.com/conflictq/conflictq/quiz"
)

// Tally is what a whole batch adds up to: the counts its exit code and
// closing messages come from, and the students seen, to warn about a student
// with two sheets, and the questions they had, to say when students had
// different question sets.
type Tally struct {
	Graded, Failed, Unreadable int
	BadAnswers                 int // sheets graded with answers that could not be read or were given twice
	Keys                       int // answer keys found in directories, left out (Item.Key)
	// Warnings are the graded sheets' warnings (how an answer was read
	// otherwise than written, an answer to no question, a student with two
	// sheets), each counted, in Warned sheets. Reading of them, in
	// ReadWarned sheets, only say how an answer was read (quiz.Problem's
	// Reading): the ones grade --quiet leaves out.
	Warnings, Warned    int
	Reading, ReadWarned int
	// students maps a hash of each name to where the sheet that first had it
	// is (its file, or file:line), to warn about duplicates by name.
	students map[uint64]string
	first    map[*quiz.Question]bool // the first sheet's questions
	union    map[*quiz.Question]bool // every sheet's
	mixed    bool                    // a sheet had other questions than the first
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
	warnings, reading := r.unlisted, 0
	for _, p := range r.Problems {
		if p.Warning {
			warnings++
		}
		if p.Warning && p.Reading {
			reading++
		}
	}
	defer func() {
		if earlier != "" {
			warnings++ // the student also has a sheet in earlier
		}
		if warnings > 0 {
			t.Warnings += warnings
			t.Warned++
		}
		if reading > 0 {
			t.Reading += reading
			t.ReadWarned++
		}
	}()
	if r.Passed != nil && !*r.Passed {
		t.Failed++
	}
	t.noteQuestions(r)
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

// noteQuestions keeps track of whether the students had different questions
// (asked in any order).
func (t *Tally) noteQuestions(r *SheetResult) {
	if t.first == nil {
		t.first, t.union = map[*quiz.Question]bool{}, map[*quiz.Question]bool{}
		for oi := range r.Outcomes { // in place: an Outcome is 200 bytes to copy
			o := &r.Outcomes[oi]
			t.first[o.Question.Question] = true
		}
	}
	n := 0
	for oi := range r.Outcomes { // in place: an Outcome is 200 bytes to copy
		o := &r.Outcomes[oi]
		q := o.Question.Question
		t.union[q] = true
		if t.first[q] {
			n++
		} else {
			t.mixed = true
		}
	}
	if n != len(t.first) {
		t.mixed = true
	}
}

// Mixed reports whether the graded sheets had different question sets (in
// any order): each question's statistics then cover those who got it.
func (t *Tally) Mixed() bool { return t.mixed }

// Questions is how many questions the graded sheets had in all.
func (t *Tally) Questions() int { return len(t.union) }
