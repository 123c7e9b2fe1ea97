package quiz

import (
	"strings"
	"testing"
)

func TestIDsNumberCopies(t *testing.T) {
	var ids IDs
	var got []string
	for i, id := range []string{"a", "a", "a-2", "a", "b", "a"} {
		u, _, _ := ids.Unique(id)
		ids.Take(u, i+1)
		got = append(got, u)
	}
	if s := strings.Join(got, " "); s != "a a-2 a-2-2 a-3 b a-4" {
		t.Errorf("ids = %s", s)
	}
	if _, first, dup := ids.Unique("b"); !dup || first != 5 {
		t.Errorf("b: first %d, dup %v", first, dup)
	}
	// An id never taken (a question skipped) stays free.
	if u, _, dup := ids.Unique("c"); dup || u != "c" {
		t.Errorf("c = %q, %v", u, dup)
	}
}
