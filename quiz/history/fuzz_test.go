package history

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzDecode: whatever line the fast decoder takes, encoding/json reads the
// same record from it; parse never panics.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"time":"2026-12-01T09:00:08.5Z","session":"2026-12-01T09:00:00Z","student":"Ana","mode":"practice","bank":"capitals","bank_digest":"b396452c5b7313ea","question":"georgia","digest":"54b60eb37090d6f5","points":1,"max_points":1,"seconds":2}`))
	f.Add([]byte(`{"time":"2026-12-01T09:00:08Z","bank":"b","question":"q","extra":null,"points":-1e3}`))
	f.Add([]byte(`{"time":"2026-12-01T09:0`))
	f.Add([]byte(`{"time":"2026-12-01T09:00:08Z","bank":"b","question":"q","points":NaN}`))
	f.Add([]byte(`{"time":"2026-12-01T09:00:08Z","bank":"b","question":"q","points":0x10,"seconds":Inf}`))
	// What encoding/json refuses or reads otherwise: a control character,
	// bytes that are not UTF-8 (replaced), a key in capitals (it matches
	// keys regardless of case).
	f.Add([]byte("{\"time\":\"2026-12-01T09:00:08Z\",\"bank\":\"b\x01\",\"question\":\"q\"}"))
	f.Add([]byte("{\"time\":\"2026-12-01T09:00:08Z\",\"bank\":\"b\xff\",\"question\":\"q\"}"))
	f.Add([]byte(`{"time":"2026-12-01T09:00:08Z","bank":"b","question":"q","BANK":"c"}`))
	f.Add([]byte(`{"time":"2026-12-01T09:00:08Z","bank":"李明","question":"q"}`))
	// The line before's session and date again, and a date that is not one.
	f.Add([]byte(`{"time":"2026-12-01T23:59:59Z","session":"2026-12-01T09:00:00Z","bank":"b","question":"q"}`))
	f.Add([]byte(`{"time":"2026-12-01T24:00:00Z","session":"2026-12-01T09:00:00.000Z","bank":"b","question":"q"}`))
	f.Add([]byte(`{"time":"2026-02-30T09:00:00Z","session":"","bank":"b","question":"q"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		parse("fuzz", line)
		// Read alone, and after a line as a file holds them: what the
		// decoder keeps of the line before (its strings, its session's
		// time, its time's date) must not change what it reads.
		for _, before := range []string{"", `{"time":"2026-12-01T09:00:00.5Z","session":"2026-12-01T09:00:00Z","student":"Ana","mode":"practice","bank":"capitals","question":"georgia"}`} {
			var fast, slow Record
			d := decoder{strs: map[string]string{}}
			if before != "" && !d.decode([]byte(before), new(Record)) {
				t.Fatalf("refused %s", before)
			}
			if !d.decode(line, &fast) {
				continue
			}
			if err := json.Unmarshal(line, &slow); err != nil {
				t.Fatalf("the fast decoder took %q, encoding/json refuses it: %v", line, err)
			}
			if !reflect.DeepEqual(fast, slow) {
				t.Fatalf("%q:\nfast %+v\nslow %+v", line, fast, slow)
			}
		}
	})
}
