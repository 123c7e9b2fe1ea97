package sheet

import (
	"hash/maphash"
	"sync/atomic"

	"github.com/conflictq/conflictq/quiz/internal/lazy"
)

// A batch of sheets repeats the same strings in every sheet: question ids and
// the texts of the options chosen. Copying each costs half the garbage that
// grading makes; intern shares one copy instead, through a small lossy cache:
// a fixed table of recent strings indexed by hash, where a newer string
// simply replaces an older one in its slot. It needs no lock, never grows, and
// is always right (a string is returned only when its bytes are equal); at
// worst it misses and copies, as without it.
const (
	internSlots = 4096 // a power of two
	internMax   = 64   // longer strings are free text: rarely repeated
)

var (
	internSeed  = &lazy.Value[maphash.Seed]{New: maphash.MakeSeed} // made at the first string, not in every run's init
	internTable [internSlots]atomic.Pointer[string]
)

// intern returns b as a string, sharing an earlier copy of the same bytes
// when the cache holds one.
func intern(b []byte) string {
	if len(b) < 4 || len(b) > internMax {
		return string(b) // "2", "b", "true": cheaper to copy than to look up
	}
	slot := &internTable[maphash.Bytes(internSeed.Get(), b)&(internSlots-1)]
	if p := slot.Load(); p != nil && *p == string(b) { // the comparison does not allocate
		return *p
	}
	s := string(b)
	slot.Store(&s)
	return s
}
