package history

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestLongHistoryInOrder: a history of many lines, damaged lines among
// them, reaches fn whole and in the order of the file, with the warnings
// naming the damaged lines.
func TestLongHistoryInOrder(t *testing.T) {
	b := testBank(30)
	var lines []string
	var want []Record
	for i := range 785 {
		if i%500 == 250 {
			lines = append(lines, `{"time":"damaged`)
			continue
		}
		r := rec(b, i%30, t0.Add(time.Duration(i)*time.Second), float64(i%2), float64(i%50)+0.5)
		line, _ := json.Marshal(r)
		lines = append(lines, string(line))
		want = append(want, r)
	}
	got, warnings := parse("h.jsonl", []byte(strings.Join(lines, "\n")+"\n"))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %d records, want %d, or not in order", len(got), len(want))
	}
	if len(warnings) != 2 || !strings.Contains(fmt.Sprint(warnings[0]), "h.jsonl:251:") || !strings.Contains(fmt.Sprint(warnings[1]), "h.jsonl:751:") {
		t.Errorf("warnings: %v", warnings)
	}
}
