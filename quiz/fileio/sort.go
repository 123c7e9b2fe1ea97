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
	slices.SortFunc(paths, func(a, b string) int {
		if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
}
