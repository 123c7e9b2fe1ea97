package stats

import (
	"bytes"
	"strings"
	"testing"
)

// Sums from an older conflictq (no sheets_to_mark) merged with new sums
// whose sheets wait: the count of sheets to mark covers the new sums only,
// and every format that states it says "at least" and why, where it stated
// the count of part of the class as the class's (attack24 L8). The merged
// sums keep that, and new sums alone say nothing of it.
func TestSheetsToMarkFromOlderSums(t *testing.T) {
	class := func(toMark int) *Stats {
		s := New([]string{"b/q1", "b/q2"}, []float64{1, 1})
		s.Add([]float64{1, 0})
		s.Add([]float64{0, 1})
		s.Add([]float64{1, 1})
		s.SetToMark(toMark, nil)
		return s
	}
	read := func(data []byte) *Stats {
		t.Helper()
		var s Stats
		if err := s.UnmarshalJSON(data); err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
		return &s
	}
	newer, err := class(2).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	older, _ := class(0).MarshalJSON()
	newerNone := bytes.Clone(older)
	older = bytes.Replace(older, []byte(`,"sheets_to_mark":0`), nil, 1)
	if bytes.Contains(older, []byte("sheets_to_mark")) {
		t.Fatalf("older sums still say: %s", older)
	}

	for _, order := range [][2][]byte{{older, newer}, {newer, older}} {
		all := read(order[0])
		if err := all.Merge(read(order[1])); err != nil {
			t.Fatal(err)
		}
		// Merged sums written and read back keep the count unknown.
		data, err := all.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []*Stats{all, read(data)} {
			sum := s.Summary(30)
			if sum.ToMark != 2 || sum.ToMarkUnknown != 3 {
				t.Errorf("to mark %d, unknown %d; want 2 and 3\n%s", sum.ToMark, sum.ToMarkUnknown, data)
			}
			var txt, md, js bytes.Buffer
			sum.WriteText(&txt)
			sum.WriteMarkdown(&md)
			sum.WriteJSON(&js)
			const want = "at least 2 sheets have open answers not yet marked (sums from an older conflictq, of 3 sheets, do not say how many of theirs do): until"
			for name, out := range map[string]string{"text": txt.String(), "markdown": md.String()} {
				if !strings.Contains(out, want) {
					t.Errorf("%s does not say %q:\n%s", name, want, out)
				}
			}
			if !strings.Contains(js.String(), `"sheets_to_mark": 2`) || !strings.Contains(js.String(), `"sheets_to_mark_unknown": 3`) {
				t.Errorf("JSON:\n%s", js.String())
			}
		}
	}

	// New sums alone, and new sums merged, state their count as it is.
	all := read(newer)
	all.Merge(read(newer))
	note := all.Summary(30).ToMarkNote()
	if !strings.HasPrefix(note, "4 sheets have open answers not yet marked: until") || all.unknown != 0 {
		t.Errorf("new sums: %q, unknown %d", note, all.unknown)
	}
	if n := ToMarkCount(1, 0); n != "1 sheet has open answers not yet marked" {
		t.Errorf("ToMarkCount(1, 0) = %q", n)
	}
	if n := ToMarkCount(1, 1); n != "at least 1 sheet has open answers not yet marked (sums from an older conflictq, of 1 sheet, do not say how many of theirs do)" {
		t.Errorf("ToMarkCount(1, 1) = %q", n)
	}

	// Older sums alone, or merged with new sums none of whose sheets wait,
	// say that they cannot say (recheck29 N4: no note read as none waiting).
	for _, pair := range []struct {
		a, b []byte
		want string
	}{{older, older, "of 6 sheets"}, {older, newerNone, "of 3 sheets"}} {
		all := read(pair.a)
		if err := all.Merge(read(pair.b)); err != nil {
			t.Fatal(err)
		}
		sum := all.Summary(30)
		var txt, md bytes.Buffer
		sum.WriteText(&txt)
		sum.WriteMarkdown(&md)
		for name, out := range map[string]string{"text": txt.String(), "markdown": md.String()} {
			if !strings.Contains(out, "Sums from an older conflictq, "+pair.want+", do not say whether any has open answers not yet marked") {
				t.Errorf("%s of older sums says nothing of sheets to mark:\n%s", name, out)
			}
		}
	}

	// No grading writes more unknown sheets than students.
	for _, bad := range []string{`,"sheets_to_mark":2,"sheets_to_mark_unknown":2`, `,"sheets_to_mark":2,"sheets_to_mark_unknown":-1`} {
		var s Stats
		err := s.UnmarshalJSON(bytes.Replace(newer, []byte(`,"sheets_to_mark":2`), []byte(bad), 1))
		if err == nil || !strings.Contains(err.Error(), "the sums are damaged") {
			t.Errorf("%s: %v, want damaged", bad, err)
		}
	}
}
