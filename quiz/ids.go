package quiz

import "strconv"

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
