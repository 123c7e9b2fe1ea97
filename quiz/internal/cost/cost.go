// Package cost measures what a parser costs in time and memory, for the
// benchmarks and fuzz targets that hold every parser to its limits (a 10 MB
// input in 2 s and 200 MB). It imports nothing of conflictq's, so that every
// package's tests can use it.
package cost

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

// Cost is what one call of a parser took: wall time, the most heap it held
// above what was live before (sampled every millisecond), and all it
// allocated.
type Cost struct {
	Time      time.Duration
	PeakHeap  uint64
	Allocated uint64
}

// Measure runs f once and returns its cost. The samples stop the world
// briefly; the cost is that of f, a little slower.
func Measure(f func()) Cost {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var mu sync.Mutex
	peak := uint64(0)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		if m.HeapAlloc > before.HeapAlloc {
			peak = max(peak, m.HeapAlloc-before.HeapAlloc)
		}
		mu.Unlock()
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				sample()
			case <-stop:
				return
			}
		}
	}()
	start := time.Now()
	f()
	took := time.Since(start)
	close(stop)
	<-done
	sample()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	mu.Lock()
	defer mu.Unlock()
	return Cost{Time: took, PeakHeap: peak, Allocated: after.TotalAlloc - before.TotalAlloc}
}

// Allocated returns what f allocated, cheaply enough for a fuzz target.
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Bounded runs f, a parser reading size bytes, and fails t when it takes more
// than 2 s (20 s under the race detector) or allocates more than 64 MB and
// 100 times the input: for fuzz targets, whose inputs are small, so that a
// quadratic or explosive case is found as a failure, not a slow run.
func Bounded(t testing.TB, size int, f func()) {
	t.Helper()
	start := time.Now()
	alloc := Allocated(f)
	if took := time.Since(start); took > slowdown*2*time.Second {
		t.Fatalf("%d bytes took %v", size, took)
	}
	if limit := uint64(64<<20 + 100*size); alloc > limit {
		t.Fatalf("%d bytes allocated %d MB", size, alloc>>20)
	}
}
