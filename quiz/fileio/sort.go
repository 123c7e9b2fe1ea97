package fileio

import (
	"slices"
	"strings"
)

// SortByName sorts paths by name whatever their case, as a file manager lists
// them: a class's paper sheets (aysel.yaml) sit among its quiz reports
// (Ana-Petrosyan-….json), not after all of them (teacher3 P11). Names equal
// but for case keep byte order.
func SortByName(paths []string) {
	// Each name is folded once, not at every comparison: a batch of 10,000
	// sheets is sorted on the grading path.
	keys := make(map[string]string, len(paths))
	for _, p := range paths {
		keys[p] = strings.ToLower(p)
	}
	slices.SortFunc(paths, func(a, b string) int {
		if c := strings.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
}
