package quiz

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
)

// Response is a student's answer in the bank's own terms: indices refer to the
// question's Choices, Items and Pairs as the bank lists them, whatever order they
// were shown in.
type Response struct {
	Answered bool
	Choices  []int  // single (one index), multi
	Bool     bool   // truefalse
	Text     string // short, numeric, open: what the student wrote
	Sequence []int  // order: item indices in the order the student put them
	Matches  []int  // match: Matches[i] is the right side paired with left i, or -1
	// SelfCheck is an open answer's self-assessment (practice mode, or an
	// exam's review): did it cover the key points? True when the student
	// ticked every one of them. nil when not asked.
	SelfCheck *bool
	// SelfCheckPoints are the key points (indices into Key) the student
	// ticked as covered; empty when none, nil when not asked (or a report
	// older than the question, which kept only SelfCheck).
	SelfCheckPoints []int
	// Unreadable is an answer that could not be read (ture, twenty, a number for
	// a choice), kept as the student wrote it; Answered is then false and the
	// question scores 0.
	Unreadable string
	// CutOff marks a text answer (short, numeric, open) that was still
	// being typed, or a choose-all one (multi) still being ticked, when a
	// time limit, Ctrl-C or a signal ended the quiz: the text in the box,
	// or the boxes ticked, were kept as the answer, never submitted with
	// Enter. It means only that: an open answer sent with Enter whose
	// self-check was cut short is SelfCheckCutOff instead.
	CutOff bool
	// SelfCheckCutOff marks an open answer that was sent with Enter and
	// whose self-check was cut short: the key points ticked (in
	// SelfCheckPoints) were kept as ticked. Every view says
	// SelfCheckCutOffNote beside the ticks, never CutOffNote beside the
	// answer (review 23 #1).
	SelfCheckCutOff bool
}

// CutOffNote is what every view of a result (the quiz's review, reports,
// grade's feedback, the HTML pages, mark) says beside a cut-off answer
// (Response.CutOff), in these words, so that no view says it otherwise.
// It names both kinds of answer kept, typed and ticked: every view says
// it the one way.
const CutOffNote = "cut off: not yet sent with Enter when the quiz was stopped; kept as typed or ticked"

// SelfCheckCutOffNote is what every view says of an open answer whose
// self-check was cut short (Response.SelfCheckCutOff): the answer itself
// was sent.
const SelfCheckCutOffNote = "sent with Enter; the self-check was cut short when the quiz was stopped: the key points ticked were kept as ticked"

// CutOffCauses are what stops a quiz with an answer still in its box, for
// the teacher who marks it (mark).
const CutOffCauses = "the time limit, Ctrl-C, a signal or a closed window"

// Given renders the response for reports: option texts, not numbers, so that a
// teacher reads what the student chose. Empty when unanswered.
func (q *Question) Given(r Response) string {
	if !r.Answered {
		return ""
	}
	switch q.Type {
	case Single, Multi:
		return joinPicked(q.Choices, r.Choices, "; ")
	case TrueFalse:
		return boolText(r.Bool)
	case Order:
		return joinPicked(q.Items, r.Sequence, " → ")
	case Match:
		parts := make([]string, 0, len(q.Pairs))
		for i, p := range q.Pairs {
			right := "?"
			if i < len(r.Matches) && r.Matches[i] >= 0 && r.Matches[i] < len(q.Pairs) {
				right = q.Pairs[r.Matches[i]].Right
			}
			parts = append(parts, p.Left+" = "+right)
		}
		return strings.Join(parts, "; ")
	}
	return r.Text
}

// joinsTwo reports whether a reads as two answers already listed, one after
// the other ("Human Rights Watch (HRW)" after "Human Rights Watch" and
// "HRW"): the key need not list it (teacher7 P10). It is still accepted.
// An exact question minds punctuation, so there it is its own answer.
//
// It is sameAnswer(a, b+" "+c) for each pair, without the joined string: no
// unescaped star and no \* can span the space, so b+" "+c has a wildcard
// only when b or c has one, and its literal text is theirs joined; and
// text.Normalize of the two joined by a space is their folds joined by one
// space (or the one that is not empty), since a space is a separator that
// nothing composes or folds across (TestNormalizeJoinsAtASpace). Joining and
// folding each pair anew was most of laying out a printable test's key.
func (q *Question) joinsTwo(a string, listed []string, fold func(string) string) bool {
	if q.Exact || HasWildcard(a) {
		return false
	}
	na := fold(LiteralAnswer(a))
	for _, b := range listed {
		if HasWildcard(b) {
			continue
		}
		for _, c := range listed {
			if b == c || HasWildcard(c) {
				continue
			}
			if len(a) == len(b)+1+len(c) && a[len(b)] == ' ' && strings.HasPrefix(a, b) && strings.HasSuffix(a, c) {
				return true // a == b+" "+c
			}
			if na == "" {
				// Nothing left once folded: compared as written (sameAnswer).
				if q.sameAnswer(a, b+" "+c, fold) {
					return true
				}
				continue
			}
			if foldsJoined(na, fold(LiteralAnswer(b)), fold(LiteralAnswer(c))) {
				return true
			}
		}
	}
	return false
}

// foldsJoined reports whether n is the folds x and y joined as Normalize
// joins them: by one space, or the one that is not empty.
func foldsJoined(n, x, y string) bool {
	switch {
	case x == "":
		return n == y
	case y == "":
		return n == x
	}
	return len(n) == len(x)+1+len(y) && n[len(x)] == ' ' && strings.HasPrefix(n, x) && strings.HasSuffix(n, y)
}

// foldOnce is text.Normalize keeping what it returned: Expected compares
// each accepted answer with every pair of those before it, and folding the
// same texts again and again took most of the time of laying out a
// printable test's key and of the class page's responses. It starts with
// q's accepted answers as grading folded them (Question.folded), when it
// did: an answer without \* is its own LiteralAnswer, and its fold is
// text.Normalize's, so a quiz's report does not fold again what grading
// the sheet just folded.
func (q *Question) foldOnce() func(string) string {
	folded := map[string]string{}
	if f := q.fold.Load(); f != nil && len(f.accept) == len(q.Accept) {
		for i, a := range q.Accept {
			if !strings.Contains(a, `\*`) { // defensive: no input found reads otherwise without it (review13-s28 L3)
				folded[a] = f.accept[i]
			}
		}
	}
	return func(s string) string {
		f, ok := folded[s]
		if !ok {
			f = text.Normalize(s)
			folded[s] = f
		}
		return f
	}
}

// Expected renders the right answer for reports and feedback.
func (q *Question) Expected() string {
	switch q.Type {
	case Single:
		// Every choice that earns full marks is right.
		var full []int
		for i := range q.Choices {
			if q.ChoiceCredit(i) >= 1 {
				full = append(full, i)
			}
		}
		return joinPicked(q.Choices, full, " / ")
	case Multi:
		return joinPicked(q.Choices, q.Correct, "; ")
	case TrueFalse:
		return boolText(q.Truth)
	case Short:
		// Each full-credit answer once: spellings the marking takes as one
		// (HRW's "Human Rights Watch (HRW)" and "Human Rights Watch HRW")
		// are shown as the first of them (teacher4 P6).
		var full, shown []string
		fold := q.foldOnce()
		for i, a := range q.Accept {
			if q.AcceptCredit(i) < 1 || slices.ContainsFunc(full, func(b string) bool { return q.sameAnswer(a, b, fold) }) || q.joinsTwo(a, full, fold) {
				continue
			}
			full = append(full, a)
			if !HasWildcard(a) {
				a = LiteralAnswer(a) // \* is shown as the star it is
			}
			shown = append(shown, a)
		}
		return strings.Join(shown, " / ")
	case Numeric:
		s := numberText(q.Value, q.Tol)
		for _, n := range q.Numbers {
			if n.Credit >= 1 {
				s += " / " + n.text()
			}
		}
		if q.Unit != "" && !yearUnit(q.Unit) {
			s += " " + q.Unit
		}
		return s
	case Order:
		return strings.Join(q.Items, " → ")
	case Match:
		parts := make([]string, len(q.Pairs))
		for i, p := range q.Pairs {
			parts[i] = p.Left + " = " + p.Right
		}
		return strings.Join(parts, "; ")
	case Open:
		return q.Model
	}
	return ""
}

func boolText(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func joinPicked(list []string, idx []int, sep string) string {
	parts := make([]string, 0, len(idx))
	for _, i := range idx {
		if i >= 0 && i < len(list) {
			parts = append(parts, list[i])
		}
	}
	return strings.Join(parts, sep)
}

// numberText writes a number as people read it, 30,000 but 1994
// (text.FormatQuantity).
// text is how an answer key shows the number: "any other number" for *.
func (n Number) text() string {
	if n.Any {
		return "any other number"
	}
	return numberText(n.Value, n.Tol)
}

func numberText(v, tol float64) string {
	s := text.FormatQuantity(v)
	if tol > 0 {
		s += " (± " + text.FormatQuantity(tol) + ")"
	}
	return s
}

// CreditNote names the answers that earn part of the points, for answer
// keys and feedback: "half: 50%; Grant's father: −100%". It is empty when
// every answer earns all or nothing (the defaults).
func (q *Question) CreditNote() string {
	var parts []string
	pct := func(c float64) string { return strconv.FormatFloat(math.Round(c*1000)/10, 'f', -1, 64) + "%" }
	switch q.Type {
	case Single:
		if q.Credit != nil {
			for i, c := range q.Choices {
				if cr := q.ChoiceCredit(i); cr != 0 && cr < 1 {
					parts = append(parts, c+": "+pct(cr))
				}
			}
		}
	case Multi:
		if q.Credit != nil {
			for i, c := range q.Choices {
				parts = append(parts, c+": "+pct(q.ChoiceCredit(i)))
			}
		}
	case Short:
		for i, a := range q.Accept {
			if cr := q.AcceptCredit(i); cr < 1 {
				parts = append(parts, a+": "+pct(cr))
			}
		}
	case Numeric:
		for _, n := range q.Numbers {
			if n.Credit < 1 {
				parts = append(parts, n.text()+": "+pct(n.Credit))
			}
		}
	}
	return strings.Join(parts, "; ")
}

// AsksYear reports whether a numeric question asks for a year (its unit
// is year, and its answer a year, not a number of years).
func (q *Question) AsksYear() bool { return yearUnit(q.Unit) && q.Value >= 1000 }

// yearUnit reports whether a numeric question's unit only says the answer
// is a year. A year reads as a year on its own ("1992", not "1992 year"),
// so the expected answer leaves such a unit out; "5 days" keeps its unit.
func yearUnit(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	return u == "year" || u == "years" || u == "yr"
}

// SelfCheckNumbers reads the key points a report says the student ticked
// (self_check_points, numbered from 1), leniently, as every reader of reports
// does: what is not a whole number from 1 is passed over, and a number given
// twice counts once; the numbers come sorted. dropped counts what was passed
// over, for a warning.
func SelfCheckNumbers(tokens []string) (points []int, dropped int) {
	points = []int{}
	for _, t := range tokens {
		if n, err := strconv.Atoi(t); err == nil && n > 0 {
			points = append(points, n)
		} else {
			dropped++
		}
	}
	slices.Sort(points)
	n := len(points)
	points = slices.Compact(points)
	return points, dropped + n - len(points)
}
