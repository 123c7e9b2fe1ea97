package prompt

import (
	"fmt"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
)

// A menu's filter (survey's Filter) keeps the options the text a student
// types picks out: an option's letter, in a menu that shows letters (a, b,
// … in the order shown, as the paper test letters them; "b)" too), or part of an option's text, folded as
// answers are (text.Normalize: case, diacritics, punctuation), so that
// "xocali" finds Xocalı. survey's own filter matched a typed letter inside
// the options' words, and often hid every option (teacher4 P1).
//
// A letter keeps its option only, though others may contain it: at Enter
// survey takes the first option left, and a student who typed b must get
// b, not an a that happens to hold a "b".

// picks reports whether typed picks option i of options, which show
// letters or not: a letter picks nothing in a menu that shows none (a
// student would not know which option it named; teacher5 P1). The options
// may be wrapped (wrapOptions): folding makes a line break one space, as it
// makes every space, and wrapping breaks no word.
func picks(typed string, options []string, i int, letters bool) bool {
	if k, ok := text.LetterIndex(typed); ok && k < len(options) && letters {
		return k == i
	}
	return strings.Contains(text.Normalize(options[i]), text.Normalize(typed))
}

// picksNone reports whether typed picks no option.
func picksNone(typed string, options []string, letters bool) bool {
	for i := range options {
		if picks(typed, options, i, letters) {
			return false
		}
	}
	return true
}

// selectFilter is a menu's filter. When nothing matches, survey shows no
// option and Enter does nothing, and the template says so (noMatch).
func selectFilter(options []string, letters bool) func(typed, _ string, i int) bool {
	return func(typed, _ string, i int) bool { return picks(typed, options, i, letters) }
}

// multiFilter is a checklist's filter. When nothing matches, it keeps every
// option, and the template says that none matches: an empty checklist is
// one ↑ away from a crash in survey (it moves to option -1 and ticks it at
// the next space), and a checklist's Enter ticks nothing, so keeping the
// options cannot answer for the student.
func multiFilter(options []string, letters bool) func(typed, _ string, i int) bool {
	return func(typed, _ string, i int) bool {
		return picks(typed, options, i, letters) || picksNone(typed, options, letters)
	}
}

// noMatch is the line the menus' templates draw under the options when the
// filter (survey's " "+typed) picks none of them, wrapped to width, without
// its line break; "" when it picks some. The options are survey's, as
// wrapOptions drew them, lettered or not.
func noMatch(filter string, drawn []string, width int, letters bool) string {
	typed := strings.TrimPrefix(filter, " ")
	options := make([]string, len(drawn))
	for i, o := range drawn {
		options[i] = unlabel(o, letters)
	}
	if typed == "" || !picksNone(typed, options, letters) {
		return ""
	}
	return hint(fmt.Sprintf("No option matches %q: press Backspace or Ctrl-U to clear it.", typed), width)
}
