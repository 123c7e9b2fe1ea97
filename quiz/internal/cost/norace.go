//go:build !race

package cost

// slowdown is 1 without the race detector (see race.go).
const slowdown = 1
