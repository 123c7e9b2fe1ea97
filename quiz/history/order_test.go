package history

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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

// TestPipelinedScan: a large history read in two goroutines (scanFrom, from
// pipelineAfter bytes) gives the same records in the same order, the same
// warnings and the same end as read in one, with damaged, overlong and
// torn lines among them, from the start and from a place in the middle.
func TestPipelinedScan(t *testing.T) {
	b := testBank(30)
	var buf bytes.Buffer
	for i := range 12_000 {
		switch {
		case i%2500 == 1000:
			buf.WriteString(`{"time":"damaged` + "\n")
		case i == 7000:
			buf.WriteString(`{"time":"2026-12-01T09:00:00Z","student":"` + strings.Repeat("A", 300<<10) + "\"}\n")
		default:
			line, _ := json.Marshal(rec(b, i%30, t0.Add(time.Duration(i)*time.Second), float64(i%2), float64(i%50)+0.5))
			buf.Write(line)
			buf.WriteByte('\n')
		}
	}
	buf.WriteString(`{"time":"2026-12-0`) // torn
	if buf.Len() < 2*pipelineAfter {
		t.Fatalf("only %d bytes", buf.Len())
	}
	path := filepath.Join(t.TempDir(), "h.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, from := range []position{{}, {Offset: int64(buf.Len() / 3)}} {
		// from the start of the line the offset falls in
		from.Offset = int64(bytes.LastIndexByte(buf.Bytes()[:from.Offset], '\n') + 1)
		from.Line = bytes.Count(buf.Bytes()[:from.Offset], []byte("\n"))
		var one, two []Record
		w1, end1, err1 := scan(path, bytes.NewReader(buf.Bytes()[from.Offset:]), from, func(r *Record) { one = append(one, *r) }, scanBuffer)
		w2, end2, err2 := scanFrom(path, from, func(r *Record) { two = append(two, *r) })
		if err1 != nil || err2 != nil || end1 != end2 || !reflect.DeepEqual(one, two) || fmt.Sprint(w1) != fmt.Sprint(w2) {
			t.Errorf("from %v: one goroutine %d records, end %v, %v, %v;\ntwo %d records, end %v, %v, %v",
				from, len(one), end1, w1, err1, len(two), end2, w2, err2)
		}
		if len(one) < 7000 || len(w1) < 4 || !strings.Contains(fmt.Sprint(w1[len(w1)-1]), ":12001: warning: the last line is cut short") {
			t.Errorf("from %v: %d records, warnings %v", from, len(one), w1)
		}
	}
}
