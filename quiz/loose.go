package quiz

// Answers read loosely: forms the strict grammar (answer.go, optionref.go,
// numeric.go) refuses, but which say plainly what the student meant, as
// teenagers write on paper and type at the plain prompt (teacher15 P4-P6).
// They are tried only when the strict reading fails, so they never change an
// answer it reads; what they leave unread is said in a note, which a sheet
// gives as a warning on the answer's line and the plain prompt shows.
//
//   - a year with the words around it that say it is a year: "in 1991",
//     "1994г", "1994 г.", "в 1994 году", "1994-cü il", "1994 թ.", on a
//     question that asks for a year (yearAlone); never two numbers;
//   - True or False with a reason after it: "True: Azerbaijani government",
//     "False - it was 1994"; never a hedge ("T, F", "True - not really")
//     nor yes or no with a reason ("No, I don't know") (leadingBool);
//   - one whole word that begins one option's text and is in no other:
//     "Adviser" for "Adviser to Armenia's president", never "President"
//     (wordOption).

import (
	"fmt"
	"github.com/conflictq/conflictq/quiz/internal/lazy"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/text"
)

// readLoosely reads v, which the strict grammar refused, in one of the loose
// forms of a true/false or choice question. ok says whether v is written in
// such a form: then r and note are its reading, or err says why it is still
// refused (a word in several options). A question number before the answer
// is passed over as the strict reading passes it ("8 True: reason" on
// question 8).
func (q *Question) readLoosely(v Value, seed *uint64, number int) (r Response, note string, err error, ok bool) {
	if v.Kind != Scalar || q.Type != TrueFalse && q.Type != Single && q.Type != Multi {
		return Response{}, "", nil, false
	}
	s := strings.TrimSpace(v.Text)
	if n, rest, numberedOK := numbered(q, v); numberedOK && n == number {
		s = rest
	}
	if q.Type == TrueFalse {
		b, reason, ok := leadingBool(s)
		if !ok {
			return Response{}, "", nil, false
		}
		if reason != "" {
			note = fmt.Sprintf("%q read as %s, the words after it not read (next time, write %s alone)",
				v.Text, boolText(b), boolText(b))
		}
		return Response{Answered: true, Bool: b}, note, nil, true
	}
	f := q.folded()
	if textOption(s, q.Choices, f.choices, -1) >= 0 || strings.EqualFold(s, "none") {
		// An option's whole text, or "none", refused as it stands: it
		// could mean two things ("None", an option, or no option).
		return Response{}, "", nil, false
	}
	found, ok := wordOption(s, f.choices)
	if !ok || len(found) == 0 {
		return Response{}, "", nil, false
	}
	rv := &refResolver{q: q, seed: seed}
	if len(found) == 1 {
		i := found[0]
		d := text.Letter(rv.shown(i))
		return Response{Answered: true, Choices: []int{i}},
			fmt.Sprintf("%q read as %s) %q, the one option with that word (next time, write %s) alone)", v.Text, d, text.Printable(q.Choices[i]), d),
			nil, true
	}
	shown := make([]int, len(found))
	for j, i := range found {
		shown[j] = rv.shown(i)
	}
	slices.Sort(shown)
	named := make([]string, len(shown))
	for j, d := range shown {
		named[j] = fmt.Sprintf("%s) %q", text.Letter(d), text.Printable(q.Choices[rv.display(d)]))
	}
	return Response{}, "", fmt.Errorf("%q is a word of %d options, %s; write the letter of the one you mean",
		s, len(found), text.AndList(named)), true
}

// wordMin is the fewest letters a word must have to name an option alone:
// shorter words ("the", "of", "war") are in too many texts to mean one.
const wordMin = 4

// wordOption is the options whose text holds ref as a whole word, as
// Normalize folds both (case, diacritics: "adviser" for "Adviser"), in the
// bank's order, when ref is the first word of one of them: the word that
// makes an option what it is ("Adviser to Armenia's president"), never one
// it only mentions ("president", "Armenia"), which a wrong answer names as
// often as a right one (attack15 #2). found is empty when no option begins
// with ref; it holds more than one option when another also holds ref
// anywhere, and then none is read. ok is false, and nothing is looked for,
// unless ref is one word of letters only, at least wordMin of them: a
// number, a label or a phrase is never read so.
func wordOption(ref string, folded []string) (found []int, ok bool) {
	w := text.Normalize(ref)
	if utf8.RuneCountInString(w) < wordMin || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return nil, false
	}
	if functionWords.Get()[w] {
		return nil, true
	}
	first := false
	for i, f := range folded {
		words := strings.Fields(f)
		if slices.Contains(words, w) {
			found = append(found, i)
			first = first || words[0] == w
		}
	}
	if !first {
		return nil, true
	}
	return found, true
}

// functionWords begin options without saying what they are ("Both Armenia
// and Azerbaijan were arming themselves", "Some 30,000 people killed"), so
// that a student who writes one alone means no option (attack15 #2: "Both"):
// never read as a first word (wordOption).
var functionWords = &lazy.Value[map[string]bool]{New: func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`both some most many more less none each every
		either neither other such only also just even very about above after
		before from into onto over under with without than then that this these
		those their there they them what when where which while were been have
		will would could should because since until`) {
		m[w] = true
	}
	return m
}}

// boolWords are the words that answer true or false alone (parseBool), as
// the first word of an answer with a reason after it; the letters and the
// numbers 1 and 2 are not: "1 - because" may be a question's number.
var boolWords = &lazy.Value[map[string]bool]{New: func() map[string]bool {
	return map[string]bool{"true": true, "t": true, "yes": true, "y": true,
		"false": false, "f": false, "no": false, "n": false}
}}

// hedgeWords, as Normalize folds them, make the words after True or False
// a hedge or a non-answer, not a reason, so that the answer is not read:
// the other answer or a second one ("T, F", "True, no", "F (or T)"), a
// negation ("True - not really"; "don't" folds to "don t"), or a doubt
// ("False - not sure", "True, maybe", "No - skip", "I don't know").
var hedgeWords = &lazy.Value[map[string]bool]{New: func() map[string]bool {
	m := map[string]bool{}
	for w := range boolWords.Get() {
		m[w] = true
	}
	for _, w := range strings.Fields(`not never nobody nothing neither nor or
		know sure unsure skip maybe perhaps guess idea clue dunno idk
		dont doesnt didnt isnt wasnt werent arent aint cant cannot wont
		hasnt havent hadnt wouldnt couldnt shouldnt`) {
		m[w] = true
	}
	return m
}}

// leadingBool reads an answer that begins with true or false and goes on
// with a reason: "True: Azerbaijani government", "False - it was 1994",
// "T. It was 1994", "True because …". The first word must be True, False,
// T or F, and a mark must part it from the reason: ":", ",", "." or a dash
// with a space after it, or " because"; a dash glued to a word is part of
// it ("True-ish"). reason is what follows, not read; "" when only a full
// stop or such followed ("True.", "No!"). Yes and no, and Y and N, are
// read alone only: a leading "No" starts as many non-answers ("No, I don't
// know", "No-one knows", "No idea") as answers (attack15 #1). An answer
// whose reason holds a hedge word (hedgeWords) or a question mark is not
// read: which one was meant is not clear.
func leadingBool(s string) (b bool, reason string, ok bool) {
	s = strings.TrimSpace(s)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end <= 0 {
		return false, "", false
	}
	word := strings.ToLower(s[:end])
	b, known := boolWords.Get()[word]
	if !known {
		return false, "", false
	}
	if strings.Trim(s[end:], " \t"+strings.ReplaceAll(sentenceEnd, "?", "")) == "" {
		return b, "", true // "True.", "False!", "No."
	}
	if word != "true" && word != "false" && word != "t" && word != "f" {
		return false, "", false
	}
	reason, ok = afterReasonMark(s[end:])
	if !ok || strings.ContainsAny(reason, "?？") {
		return false, "", false
	}
	for _, w := range strings.Fields(text.Normalize(reason)) {
		if hedgeWords.Get()[w] {
			return false, "", false
		}
	}
	return b, strings.TrimSpace(reason), true
}

// afterReasonMark is what follows the mark that begins a reason after True
// or False (leadingBool), and whether after, the text after that word,
// begins with one: ":", "," or "." (spaces before it or not), a dash ("-",
// "–", "—") with a space after it, or a space and "because".
func afterReasonMark(after string) (string, bool) {
	t := strings.TrimLeft(after, " \t")
	r, size := utf8.DecodeRuneInString(t)
	rest := t[size:]
	switch {
	case r == ':' || r == ',' || r == '.':
		return rest, true
	case strings.ContainsRune("-–—", r):
		if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
			return rest, true
		}
	case len(t) < len(after):
		if w, rest, _ := strings.Cut(t, " "); strings.EqualFold(w, "because") {
			return rest, true
		}
	}
	return "", false
}

// yearBefore are the words written before a year, as Normalize folds them:
// "in 1991", "in the year 1991", Russian "в 1994 году".
var yearBefore = &lazy.Value[map[string]bool]{New: func() map[string]bool {
	return map[string]bool{"in": true, "year": true, "the year": true, "in the year": true, "in year": true, "в": true}
}}

// yearAfter are the words written after a year that only say it is one, as
// Normalize folds them: English "year"; Russian "г." and "год"; Azerbaijani
// "il" after the ordinal's ending -ci, -cı, -cu, -cü ("1994-cü il");
// Armenian "թ." and "թվական"; Georgian "წ." and "წელს".
var yearAfter = &lazy.Value[map[string]bool]{New: func() map[string]bool {
	m := map[string]bool{"year": true, "yr": true,
		"г": true, "год": true, "году": true, "года": true,
		"թ": true, "թվական": true, "թվականին": true, "թվականը": true, "թ ին": true,
		"წ": true, "წელი": true, "წელს": true}
	for _, ord := range []string{"", "ci", "cu", "nci", "ncu"} {
		for _, il := range []string{"", "il", "ilde", "ili"} {
			if w := strings.TrimSpace(ord + " " + il); w != "" {
				m[w] = true
			}
		}
	}
	return m
}}

// yearAlone is t, an answer to a question that asks for a year, without
// the words around its one number that say it is a year ("in 1991",
// "1994г", "1994 г", "1994-cü il", "1994 թ"): the number alone. Any other
// t is returned as it is, for the number's own reading to accept or refuse:
// a second number ("in 1991 or 1992", "1991-1992") or another word.
func yearAlone(t string) string {
	start := strings.IndexFunc(t, unicode.IsDigit)
	if start < 0 {
		return t
	}
	end := start
	for end < len(t) && t[end] >= '0' && t[end] <= '9' {
		end++
	}
	before, after := t[:start], t[end:]
	if strings.ContainsFunc(after, unicode.IsDigit) || !yearWords(before, yearBefore.Get()) || !yearWords(after, yearAfter.Get()) {
		return t
	}
	if strings.TrimSpace(before) != "" && strings.TrimRight(before, " \t") == before {
		return t // "in1991": a word glued to the number
	}
	return t[start:end]
}

// yearWords reports whether s is blank or, as Normalize folds it, one of
// words; a mark alone ("-1994", "1994%") is no word and changes the number.
func yearWords(s string, words map[string]bool) bool {
	f := text.Normalize(s)
	if f == "" {
		return strings.TrimSpace(s) == ""
	}
	return words[f]
}
