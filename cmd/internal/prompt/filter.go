package prompt

import (
	"fmt"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
)

// A menu's filter (survey's Filter) keeps the options the text a student
// types picks out: an option's letter (a, b, … in the order shown, as the
// paper test letters them; "b)" too) or part of an option's text, folded as
// answers are (text.Normalize: case, diacritics, punctuation), so that
// "xocali" finds Xocalı. survey's own filter matched a typed letter inside
// the options' words, and often hid every option (teacher4 P1).
//
// A letter keeps its option only, though others may contain it: at Enter
// survey takes the first option left, and a student who typed b must get
// b, not an a that happens to hold a "b".

// picks reports whether typed picks option i of options. The options may be
// wrapped (wrapOptions): folding makes a line break one space, as it makes
// every space, and wrapping breaks no word.
func picks(typed string, options []string, i int) bool {
	if k, ok := text.LetterIndex(typed); ok && k < len(options) {
		return k == i
	}
	return strings.Contains(text.Normalize(options[i]), text.Normalize(typed))
}

// picksNone reports whether typed picks no option.
func picksNone(typed string, options []string) bool {
	for i := range options {
		if picks(typed, options, i) {
			return false
		}
	}
	return true
}

// selectFilter is a menu's filter. When nothing matches, survey shows no
// option and Enter does nothing, and the template says so (noMatch).
func selectFilter(options []string) func(typed, _ string, i int) bool {
	return func(typed, _ string, i int) bool { return picks(typed, options, i) }
}

// multiFilter is a checklist's filter. When nothing matches, it keeps every
// option, and the template says that none matches: an empty checklist is
// one ↑ away from a crash in survey (it moves to option -1 and ticks it at
// the next space), and a checklist's Enter ticks nothing, so keeping the
// options cannot answer for the student.
func multiFilter(options []string) func(typed, _ string, i int) bool {
	return func(typed, _ string, i int) bool {
		return picks(typed, options, i) || picksNone(typed, options)
	}
}

// noMatch is the line the menus' templates draw under the options when the
// filter (survey's " "+typed) picks none of them, wrapped to width, without
// its line break; "" when it picks some.
func noMatch(filter string, options []string, width int) string {
	typed := strings.TrimPrefix(filter, " ")
	if typed == "" || !picksNone(typed, options) {
		return ""
	}
	return hint(fmt.Sprintf("No option matches %q: press Backspace to clear it.", typed), width)
}
