package text

import "unicode"

// Words is how many words s has: len(strings.Fields(s)), counted without
// making the list (a bank's validation counts every citation's quote).
func Words(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
