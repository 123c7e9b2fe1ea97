//go:build race

package cost

// slowdown is how many times slower code runs under the race detector (2 to
// 20 times, by Go's documentation): Bounded's time limit is scaled by it, so
// that make race does not fail a linear parser that make test passes.
const slowdown = 10
