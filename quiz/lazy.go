package quiz

import "sync"

// lazy is a package variable's value, made by f on first use: sync.OnceValue
// without start-up work. var x = sync.OnceValue(f), a map literal or a
// compiled regexp as a package variable all run in the package's init, in
// every run of every command (conflictq version included), whether the run
// uses them or not; var x = &lazy[T]{f: f} is data the linker lays out.
// With the word sets, the field table and the patterns made so, the package
// has no init: it did 20 KB in 132 allocations and took 42 µs of every run
// (GODEBUG=inittrace=1, median of 40 runs), about 1% of conflictq's start-up.
type lazy[T any] struct {
	once sync.Once
	f    func() T
	v    T
}

func (l *lazy[T]) get() T {
	l.once.Do(func() { l.v = l.f() })
	return l.v
}
