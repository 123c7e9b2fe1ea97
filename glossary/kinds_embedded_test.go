package glossary_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/glossary"
)

// Over the whole embedded glossary: the picker never offers an entry of a kind
// outside the answer's own and its documented fallback, for any entry (asked
// or not) and any number of wrong answers; and the bank it makes keeps to it.
func TestEmbeddedDistractorsKeepToTheirKinds(t *testing.T) {
	g := assets.Glossary()
	entries := g.Entries()
	for i := range entries {
		e := &entries[i]
		allowed := glossary.WrongAnswerKinds(e.Kind)
		if len(allowed) == 0 {
			t.Errorf("%s:%d: %q: unknown kind %q", e.File, e.Line, e.Term, e.Kind)
		}
		for _, o := range g.Distractors(e, len(entries)) {
			if !slices.Contains(allowed, o.Kind) {
				t.Errorf("%q (%s): %q (%s) offered; allowed %v", e.Term, e.Kind, o.Term, o.Kind, allowed)
			}
		}
	}
	byText := map[string]*glossary.Entry{}
	for i := range entries {
		byText[entries[i].Term], byText[entries[i].Short] = &entries[i], &entries[i]
	}
	bank := glossary.VocabularyBank(g)
	if len(bank.Questions) < 60 {
		t.Errorf("only %d vocabulary questions", len(bank.Questions))
	}
	for _, q := range bank.Questions {
		answer := byText[q.Choices[q.Correct[0]]]
		if answer == nil {
			t.Fatalf("%s: answer %q is no entry's", q.ID, q.Choices[q.Correct[0]])
		}
		for i, c := range q.Choices {
			o := byText[c]
			if i != q.Correct[0] && (o == nil || !slices.Contains(glossary.WrongAnswerKinds(answer.Kind), o.Kind)) {
				t.Errorf("%s (answer %q, %s): wrong option %q is of another kind", q.ID, answer.Term, answer.Kind, c)
			}
		}
	}
}

// A wrong answer that the question itself rules out is no distractor: a term
// named in the description asked from ("between Stepanakert and Agdam"), or a
// definition that names the term asked about ("on the road from Khojaly").
func TestEmbeddedDistractorsNotRuledOutByTheQuestion(t *testing.T) {
	g := assets.Glossary()
	for _, q := range glossary.VocabularyBank(g).Questions {
		answer := q.Choices[q.Correct[0]]
		for i, c := range q.Choices {
			if i == q.Correct[0] {
				continue
			}
			if e, ok := g.Lookup(c); ok && strings.HasPrefix(q.ID, "term-") && mentions(q.Prompt, e) {
				t.Errorf("%s: the description names the wrong option %q", q.ID, c)
			}
			if e, ok := g.Lookup(answer); ok && strings.HasPrefix(q.ID, "define-") && mentions(c, e) {
				t.Errorf("%s: the wrong option %q names the term asked about", q.ID, c)
			}
		}
	}
}

// mentions reports whether text names any of e's names as a whole word.
func mentions(text string, e *glossary.Entry) bool {
	for _, name := range e.AllNames() {
		if len(name) >= 3 && regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])`+regexp.QuoteMeta(name)+`([^\p{L}\p{N}]|$)`).MatchString(text) {
			return true
		}
	}
	return false
}

// A town is asked among towns while the glossary has towns to offer: the
// oblast, a region, beside two towns gave the answer away (a historian's
// reading of term-khojaly). Khojaly's description names no other town, so
// none is ruled out, and no place of loss is offered for it.
func TestEmbeddedKhojalyAmongTowns(t *testing.T) {
	g := assets.Glossary()
	byTerm := map[string]*glossary.Entry{}
	entries := g.Entries()
	for i := range entries {
		byTerm[entries[i].Term] = &entries[i]
	}
	for _, q := range glossary.VocabularyBank(g).Questions {
		if q.ID != "term-khojaly" {
			continue
		}
		if len(q.Choices) != 4 {
			t.Errorf("term-khojaly: %d options: %q", len(q.Choices), q.Choices)
		}
		for _, c := range q.Choices {
			if o := byTerm[c]; o == nil || o.Kind != "town" {
				t.Errorf("term-khojaly offers %q, not a town", c)
			} else if c != "Khojaly" && o.Loss() {
				t.Errorf("term-khojaly offers a place of loss: %q", c)
			}
		}
		return
	}
	t.Error("no term-khojaly")
}
