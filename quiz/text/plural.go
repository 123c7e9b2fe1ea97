package text

import (
	"fmt"
	"strings"
)

// Plural is one when n is 1, else many: Plural(n, "quiz", "quizzes").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count is n and noun, plural by adding s when n is not 1: "1 question",
// "3 questions".
func Count(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, Plural(n, noun, noun+"s"))
}

// AndList joins items as a sentence lists them: "1, 3 and 5".
func AndList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
