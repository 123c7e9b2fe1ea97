package quiz

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
)

// The limits every question keeps, whatever format it was written in.
const (
	MinChoices = 2 // single, multi
	// MaxChoices is one choice per letter, a to z, as sheets and the plain
	// prompt name them; Moodle sets no limit, and its files have 16 and more.
	MaxChoices = 26 // single, multi
	MinItems   = 2  // order
	MaxItems   = 12 // order
	MinPairs   = 2  // match
	// MaxPairs keeps every right side of a matching question typeable by one
	// letter, a to z (text.Letter). Moodle sets no upper limit.
	MaxPairs = 26
	// MaxQuoteWords is the longest verbatim quote a citation may carry.
	MaxQuoteWords = 25
)

// ValidID reports whether id may name a bank or a question: what Slug
// makes, ^[a-z0-9][a-z0-9_-]*$, checked by hand: compiling that regexp
// cost a command that reads a bank more than checking all its ids.
func ValidID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && (c == '_' || c == '-')) {
			return false
		}
	}
	return id != ""
}

// Validate returns what makes q unusable: what every importer (the YAML
// loader, GIFT, Aiken) must refuse, so that the session, scoring and reports
// never meet a question they could not have loaded. Each Problem names the
// field as the bank format spells it (choices, pairs.right, source.quote) and
// carries q's line; a reader with better lines sets them, and File.
func (q *Question) Validate() []Problem {
	var out []Problem
	bad := func(field, format string, args ...any) {
		out = append(out, Problem{Line: q.Line, Question: q.ID, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	switch {
	case q.ID == "":
		bad("id", "missing")
	case !ValidID(q.ID):
		bad("id", "must be lower-case letters, digits, hyphens or underscores")
	}
	for i, f := range q.FormerIDs {
		switch {
		case !ValidID(f):
			bad("former_ids", "%q must be lower-case letters, digits, hyphens or underscores, as an id is", f)
		case f == q.ID:
			bad("former_ids", "%q is the question's own id; list only the ids it had before", f)
		case slices.Contains(q.FormerIDs[:i], f):
			bad("former_ids", "%q appears twice", f)
		}
	}
	if !slices.Contains(Types, q.Type) && q.Type != Info {
		bad("type", "%q is not a question type (one of %s, or info)", q.Type, typeList())
	}
	if strings.TrimSpace(q.Prompt) == "" {
		bad("prompt", "missing")
	}
	if !(q.Points > 0) || math.IsInf(q.Points, 0) {
		bad("points", "must be more than 0")
	}
	if q.Difficulty != "" && !slices.Contains(Difficulties, q.Difficulty) {
		bad("difficulty", "%q is not one of easy, medium, hard", q.Difficulty)
	}
	if slices.ContainsFunc(q.Tags, func(t string) bool { return strings.TrimSpace(t) == "" }) {
		bad("tags", "empty entry")
	}
	if !q.Source.IsZero() {
		if q.Source.Section == "" {
			bad("source.section", "missing (the untitled opening is \"Introduction\")")
		}
		if q.Source.Paragraph < 0 {
			bad("source.paragraph", "must be a whole number from 1")
		}
		if w := text.Words(q.Source.Quote); w > MaxQuoteWords {
			bad("source.quote", "%d words; quote at most %d", w, MaxQuoteWords)
		}
	}
	q.validateAnswer(bad)
	q.validateFoldAlike(func(field, format string, args ...any) {
		out = append(out, Problem{Line: q.Line, Question: q.ID, Field: field, Msg: fmt.Sprintf(format, args...), Warning: true})
	})
	q.validateUnused(bad)
	q.validateText(bad)
	return out
}

// validateText refuses control characters (an escape, a bell) in any text a
// question shows: a bank holds words, never commands for the terminal that
// shows them (ESC[2J clears the screen; ESC]52 writes the clipboard).
func (q *Question) validateText(bad func(field, format string, args ...any)) {
	check := func(field string, list ...string) {
		for _, s := range list {
			if text.HasControl(s) {
				bad(field, "holds a control character (%s); a bank holds text, not terminal codes", text.Printable(firstControl(s)))
				return
			}
		}
	}
	check("name", q.Name)
	check("prompt", q.Prompt)
	check("explanation", q.Explanation)
	check("source", q.Source.Section, q.Source.Quote)
	check("difficulty", q.Difficulty)
	check("tags", q.Tags...)
	check("choices", q.Choices...)
	check("accept", q.Accept...)
	check("unit", q.Unit)
	check("items", q.Items...)
	for _, p := range q.Pairs {
		check("pairs", p.Left, p.Right)
	}
	check("model_answer", q.Model)
	check("plain_answer", q.Plain)
	check("plain_points", q.PlainKey...)
	check("key_points", q.Key...)
}

// firstControl returns the first control character of s that HasControl
// finds, for the message.
func firstControl(s string) string {
	for _, r := range s {
		if text.HasControl(string(r)) {
			return string(r)
		}
	}
	return "\uFFFD" // invalid UTF-8
}

// validateAnswer checks the answer fields q's type uses.
func (q *Question) validateAnswer(bad func(field, format string, args ...any)) {
	switch q.Type {
	case Single, Multi:
		checkList(bad, "choices", "choices", "choices", q.Choices, MinChoices, MaxChoices)
		field := "answers"
		if q.Type == Single {
			field = "answer"
			if len(q.Correct) != 1 {
				bad(field, "give exactly one right choice, not %d", len(q.Correct))
			}
		} else if len(q.Correct) == 0 {
			bad(field, "list at least one right choice")
		}
		for k, i := range q.Correct {
			if i < 0 || i >= len(q.Choices) || slices.Contains(q.Correct[:k], i) {
				bad(field, "right choice %d is not one of the choices, or is listed twice", i+1)
			}
		}
	case Short:
		if len(q.Accept) == 0 {
			bad("accept", "list at least one accepted answer")
		}
		for _, a := range q.Accept {
			// Symbols alone (+, ->, &&) are answers too, compared as written.
			if strings.TrimSpace(a) == "" {
				bad("accept", "empty accepted answer")
			}
		}
		if q.Credit != nil && !slices.ContainsFunc(q.Credit, func(c float64) bool { return c > 0 }) {
			bad("credit", "no accepted answer earns credit")
		}
	case Numeric:
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
			bad("answer", "expected a finite number")
		}
		if !(q.Tol >= 0) || math.IsInf(q.Tol, 0) {
			bad("tolerance", "must not be negative")
		}
	case Order:
		checkList(bad, "items", "items", "items", q.Items, MinItems, MaxItems)
	case Match:
		lefts, rights := make([]string, len(q.Pairs)), make([]string, len(q.Pairs))
		for i, p := range q.Pairs {
			lefts[i], rights[i] = p.Left, p.Right
		}
		// Left items may share a right side, which is offered once.
		checkList(bad, "pairs", "pairs.left", "pairs", lefts, MinPairs, 0)
		if len(lefts) < MinPairs {
			bad("pairs", "give at least %d pairs, not %d", MinPairs, len(lefts))
		}
		if len(lefts) > MaxPairs {
			bad("pairs", "give at most %d pairs (one letter each, a to z), not %d", MaxPairs, len(lefts))
		}
		for _, p := range q.Pairs {
			if p.Left == "" || p.Right == "" {
				bad("pairs", "each pair needs both left and right")
			}
		}
	case Open:
		if strings.TrimSpace(q.Model) == "" {
			bad("model_answer", "empty")
		}
		if len(q.PlainKey) > 0 && len(q.PlainKey) != len(q.Key) {
			bad("plain_points", "%d plain points for %d key points: give one for each key point, in the same order", len(q.PlainKey), len(q.Key))
		}
	}
	q.validateCredit(bad)
}

// validateFoldAlike warns of two options of one list (choices, items, a
// match's left or right sides) whose texts differ only in accents or case,
// Şuşa and Susa (attack18 F3): a student who types one without its accents,
// as most keyboards make them, either gets the other (Susa is Susa) or is
// refused as ambiguous ("Suşa"), and loses the point for a spelling. Texts
// that differ in their symbols too (C++, C# and C) are typed apart and pass.
// A warning, not a refusal: labels and exact texts still name each option.
func (q *Question) validateFoldAlike(warn func(field, format string, args ...any)) {
	check := func(field string, list []string) {
		first := make(map[string]string, len(list)) // each text folded once
		for _, a := range list {
			key := text.AccentsKey(a)
			if key == "" {
				continue
			}
			b, seen := first[key]
			if !seen {
				first[key] = a
				continue
			}
			if strings.TrimSpace(a) != strings.TrimSpace(b) { // the same: "appears twice"
				warn(field, "%q and %q differ only in accents or case: a student who types one without its accents gets the other or is refused as ambiguous; make them differ in their letters (rule: options must differ once accents and case are dropped)", text.Printable(b), text.Printable(a))
			}
		}
	}
	switch q.Type {
	case Single, Multi:
		check("choices", q.Choices)
	case Order:
		check("items", q.Items)
	case Match:
		lefts := make([]string, len(q.Pairs))
		for i, p := range q.Pairs {
			lefts[i] = p.Left
		}
		check("pairs.left", lefts)
		check("pairs.right", q.Rights())
	}
}

// validateCredit checks per-answer credit: one share per choice or accepted
// answer, each from -1 to 1 (from 0 for short answers), and a single
// question's answer in full; further numbers only for numeric questions.
func (q *Question) validateCredit(bad func(field, format string, args ...any)) {
	if q.Credit != nil {
		switch q.Type {
		case Single, Multi:
			if len(q.Credit) != len(q.Choices) {
				bad("credit", "%d credits for %d choices", len(q.Credit), len(q.Choices))
			}
			if q.Type == Single && len(q.Correct) == 1 && q.ChoiceCredit(q.Correct[0]) != 1 {
				bad("credit", "the answer earns %v, not full credit (1)", q.ChoiceCredit(q.Correct[0]))
			}
		case Short:
			if len(q.Credit) != len(q.Accept) {
				bad("credit", "%d credits for %d accepted answers", len(q.Credit), len(q.Accept))
			}
		}
		lo := -1.0
		if q.Type == Short {
			lo = 0
		}
		for _, c := range q.Credit {
			if !(c >= lo && c <= 1) {
				bad("credit", "%v is out of range: give a share from %v to 1", c, lo)
			}
		}
	}
	for _, n := range q.Numbers {
		if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) || !(n.Tol >= 0) || math.IsInf(n.Tol, 0) || !(n.Credit >= 0 && n.Credit <= 1) {
			bad("also", "%v ± %v for %v: expected finite numbers, a tolerance not negative and a credit from 0 to 1", n.Value, n.Tol, n.Credit)
		}
	}
}

// validateUnused refuses answer fields that q's type does not use.
// The fields and their types are the loader's table (fieldTypes), so that
// a Go program's, GIFT's, Aiken's and Moodle XML's questions are held to
// what a YAML bank is.
func (q *Question) validateUnused(bad func(field, format string, args ...any)) {
	if !slices.Contains(Types, q.Type) && q.Type != Info {
		return // the type itself is refused
	}
	for _, field := range answerFields.Get() {
		types := fieldTypes.Get()[field]
		if field == "answer" {
			types = []Type{TrueFalse, Numeric} // what fieldSet looks at
		}
		if set, _ := fieldSet(q, field); set && !slices.Contains(types, q.Type) {
			bad(field, "not used by type %s (it goes with %s)", q.Type, joinTypes(types))
		}
	}
}

// checkList checks a list of texts: lo to hi entries (hi 0: no bound), none
// empty, no two the same once trimmed (C++, C# and C are three answers, though
// they fold alike for typing). Counts and empty entries are reported on field, repeats on dupField
// (a match question's pairs.left or pairs.right).
func checkList(bad func(field, format string, args ...any), field, dupField, noun string, list []string, lo, hi int) {
	c := CheckList(list, lo, hi)
	if c.Count && hi > 0 {
		bad(field, "%s", c.CountMsg(noun))
	}
	dups := c.Dups
	for i, s := range list {
		if strings.TrimSpace(s) == "" {
			if field != "pairs" { // a pair's empty side is reported once, for the pair
				bad(field, "empty entry")
			}
			continue
		}
		if len(dups) > 0 && dups[0].At == i {
			bad(dupField, "%q appears twice", s)
			dups = dups[1:]
		}
	}
}

// ListCheck is what CheckList finds wrong with a list of a question's
// entries (choices, items, the left sides of pairs).
type ListCheck struct {
	Count bool  // the number of entries is outside the limits
	Dups  []Dup // entries that repeat an earlier one, in order

	n, lo, hi int // the list's length and the limits it was checked against
}

// CountMsg words the count problem the one way every importer says it, with
// noun for the entries ("answers", "options"): "give 2 to 26 answers, not 1",
// or "give at least 2 answers, not 1" for a list with no upper limit. It is
// "" when the count is within the limits.
func (c ListCheck) CountMsg(noun string) string {
	switch {
	case !c.Count:
		return ""
	case c.hi > 0:
		return fmt.Sprintf("give %d to %d %s, not %d", c.lo, c.hi, noun, c.n)
	default:
		return fmt.Sprintf("give at least %d %s, not %d", c.lo, noun, c.n)
	}
}

// Dup is an entry (its index) that repeats an earlier one.
type Dup struct{ At, First int }

// CheckList applies Validate's rules for a list to list: lo to hi entries (at
// least lo when hi is 0), and no two the same once trimmed (empty entries
// aside: Validate reports them on their own). Entries are the same only when
// their texts are: C++, C# and C fold alike for typing but are three answers.
// Validate and the importers share it; an importer that knows each entry's
// line says where the duplicate stands.
func CheckList(list []string, lo, hi int) ListCheck {
	c := ListCheck{n: len(list), lo: lo, hi: hi}
	c.Count = len(list) < lo || hi > 0 && len(list) > hi
	seen := make(map[string]int, len(list))
	for i, s := range list {
		k := strings.TrimSpace(s)
		if k == "" {
			continue
		}
		if first, dup := seen[k]; dup {
			c.Dups = append(c.Dups, Dup{i, first})
			continue
		}
		seen[k] = i
	}
	return c
}
