// Package lazy holds a package variable's value made on first use, without
// start-up work: sync.OnceValue, a map literal, strings.NewReplacer or a
// compiled regexp as a package variable all run in the package's init, in
// every run of every command (conflictq version included), whether the run
// uses them or not, while var x = &lazy.Value[T]{New: f} is data the linker
// lays out.
//
// quiz and quiz/text, which every command links, use it so that they have no
// init at all (cmd/testdata/script/quiz_no_init.txtar fails when one comes
// back): quiz's did 20 KB in 132 allocations and took 42 µs of every run
// (GODEBUG=inittrace=1, median of 40 runs), about 1% of conflictq's start-up,
// and text's 5 KB in 22. The other packages keep sync.OnceValue, whose init
// is a few small allocations (review-code24 #7).
package lazy

import "sync"

// Value is the value New makes, made once, at the first Get.
type Value[T any] struct {
	New  func() T
	once sync.Once
	v    T
}

// Get returns the value, making it on the first call.
func (l *Value[T]) Get() T {
	l.once.Do(func() { l.v = l.New() })
	return l.v
}
