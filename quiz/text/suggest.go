package text

import "fmt"

// Suggest returns ` (did you mean "x"?)` for the known word closest to word
// (at most two edits away), or "".
func Suggest(word string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := EditDistance(word, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
