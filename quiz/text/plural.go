package text

import "fmt"

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
