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
//
// Most of that came from the maps and regexps, which sync.OnceValue would
// defer too; lazy also spares OnceValue's own closures, so that quiz, which
// every command links, has no init at all, and the script
// cmd/testdata/script/quiz_no_init.txtar fails when one comes back. quiz/text,
// which every command imports too and which imports nothing of ours, has
// its own copy (text/lazy.go), for the same reason; the other packages keep
// sync.OnceValue, whose init is a few small allocations (review-code24 #7).
type lazy[T any] struct {
	once sync.Once
	f    func() T
	v    T
}

func (l *lazy[T]) get() T {
	l.once.Do(func() { l.v = l.f() })
	return l.v
}
