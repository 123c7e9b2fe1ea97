package history

import (
	"reflect"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/fsrs"
)

// TestMemoriesRoundTrip: what the state keeps of each memory reads back
// the same, zero times, fractions of a second and a time written with
// another zone included; a line cut short or damaged is refused, never a
// panic.
func TestMemoriesRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 29, 9, 47, 0, 123456789, time.UTC)
	baku := time.Date(2026, 11, 29, 13, 47, 0, 0, time.FixedZone("", 4*3600))
	mems := []savedMemory{
		{Bank: "b", Question: "q1", Digest: "d1", memory: memory{Item: Item{
			Card: fsrs.Card{State: fsrs.State(3), Step: 1, Stability: 0.001, Difficulty: 9.976209368313638, LastReview: at, Due: at.Add(10 * time.Minute), Reviews: 576, Lapses: 191},
			Last: Record{Time: at, Session: at.Truncate(time.Hour), Student: "Ana", Mode: "practice", Bank: "b", BankDigest: "bd", Question: "q1", Digest: "d1",
				Points: 2.0 / 3, MaxPoints: 1, Seconds: 41.7},
			Answers: 576}}},
		{Bank: "b", Question: "q2", Digest: "d2", memory: memory{Item: Item{Last: Record{Time: baku, Bank: "b", Question: "q2"}, Answers: 1}}},
		{},
	}
	line := encodeMemories(mems)
	got, ok := decodeMemories(line)
	if !ok || !reflect.DeepEqual(got, mems) {
		t.Fatalf("ok %v\ngot  %+v\nwant %+v", ok, got, mems)
	}
	if !got[1].Last.Time.Equal(baku) || got[1].Last.Time.Format(time.RFC3339) != baku.Format(time.RFC3339) {
		t.Errorf("Baku's time read back as %v", got[1].Last.Time)
	}
	for n := range len(line) {
		if _, ok := decodeMemories(line[:n]); ok && n < len(line)-4 {
			t.Errorf("a line cut to %d of %d bytes was read", n, len(line))
		}
	}
	for _, bad := range []string{"", "!!!!", "/////////////w==", "AQ=="} {
		decodeMemories([]byte(bad))
	}
}
