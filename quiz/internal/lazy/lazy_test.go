package lazy

import (
	"sync"
	"testing"
)

// The value is made once, at the first Get, however many goroutines ask.
func TestMadeOnceAtFirstGet(t *testing.T) {
	calls := 0
	v := &Value[int]{New: func() int { calls++; return 42 }}
	if calls != 0 {
		t.Fatal("made before the first Get")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := v.Get(); got != 42 {
				t.Errorf("Get() = %d", got)
			}
		}()
	}
	wg.Wait()
	if calls != 1 {
		t.Fatalf("New called %d times", calls)
	}
}
