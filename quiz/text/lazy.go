package text

import "sync"

// lazy is a package variable's value, made by f on first use, as quiz's
// lazy (quiz/lazy.go): var x = &lazy[T]{f: f} is data the linker lays out,
// where sync.OnceValue, a map literal or strings.NewReplacer as a package
// variable run in the package's init, in every run of every command. Every
// command imports text: its init did 5 KB in 22 allocations, and it and
// the code it ran cost about two page faults of every run.
type lazy[T any] struct {
	once sync.Once
	f    func() T
	v    T
}

func (l *lazy[T]) get() T {
	l.once.Do(func() { l.v = l.f() })
	return l.v
}
