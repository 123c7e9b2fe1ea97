package quiz

import (
	"fmt"
	"strconv"
)

// IDs hands out the ids of a bank's questions as an importer reads them: an
// id given again becomes id-2, id-3, … (the first one free). Every importer
// numbers copies this way, in time linear in the number of copies.
type IDs struct {
	seen map[string]int // id → the line of the question that has it
	next map[string]int // id → the next suffix to try for it
}

// Unique returns id when it is free; otherwise the id to use instead, with
// the line of the question that already has id and true.
func (s *IDs) Unique(id string) (string, int, bool) {
	first, dup := s.seen[id]
	if !dup {
		return id, 0, false
	}
	if s.next == nil {
		s.next = map[string]int{}
	}
	for n := max(s.next[id], 2); ; n++ {
		alt := id + "-" + strconv.Itoa(n)
		if _, taken := s.seen[alt]; !taken {
			s.next[id] = n + 1
			return alt, first, true
		}
	}
}

// Take records id as used by the question at line.
func (s *IDs) Take(id string, line int) {
	if s.seen == nil {
		s.seen = map[string]int{}
	}
	s.seen[id] = line
}

// SameIDError is two questions of a selection, from two banks, that share an
// id. A sheet names each answer by its question's id alone, so no reader of
// sheets can tell such questions apart: one answer line would count for both.
type SameIDError struct {
	ID            string
	First, Second *Question // First's bank id sorts first
	FirstFile     string    // the banks' files (Bank.File), "" when unknown
	SecondFile    string
}

func (e *SameIDError) Error() string {
	where := func(bank, file string, line int) string {
		switch {
		case file == "":
			return bank
		case line > 0:
			return fmt.Sprintf("%s (%s:%d)", bank, file, line)
		}
		return fmt.Sprintf("%s (%s)", bank, file)
	}
	return fmt.Sprintf("banks %s and %s both have a question %q, and a sheet names each answer by its question's id; choose one of the banks, or give one of the questions another id",
		where(e.First.Bank, e.FirstFile, e.First.Line), where(e.Second.Bank, e.SecondFile, e.Second.Line), e.ID)
}

// CheckDistinctIDs returns a *SameIDError when two of questions (a selection
// from banks) share an id: every path that names answers by id alone (a
// sheet written, graded, marked, or graded by quiz --answers) refuses such a
// selection. A quiz on screen does not: its report names each question by
// bank and id. The pair named does not depend on the questions' order.
func CheckDistinctIDs(banks []*Bank, questions []*Question) error {
	first := make(map[string]*Question, len(questions))
	var pair [2]*Question
	for _, q := range questions {
		p, dup := first[q.ID]
		if !dup {
			first[q.ID] = q
			continue
		}
		a, b := p, q
		if b.Bank < a.Bank {
			a, b = b, a // not in the shuffled order
		}
		if pair[0] == nil || a.Bank < pair[0].Bank || a.Bank == pair[0].Bank && (b.Bank < pair[1].Bank || b.Bank == pair[1].Bank && a.ID < pair[0].ID) {
			pair = [2]*Question{a, b}
		}
	}
	if pair[0] == nil {
		return nil
	}
	file := func(bank string) string {
		for _, b := range banks {
			if b.ID == bank {
				return b.File
			}
		}
		return ""
	}
	return &SameIDError{ID: pair[0].ID, First: pair[0], Second: pair[1], FirstFile: file(pair[0].Bank), SecondFile: file(pair[1].Bank)}
}
