package glossary

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/conflictq/conflictq/quiz"
)

// VocabularyID is the id of the bank VocabularyBank builds.
const VocabularyID = "vocabulary"

// VocabularyBank builds a quiz bank from the glossary: for every entry the
// article uses, one question from the term to its definition and one from the
// definition to the term. Distractors come from the entry's related terms, then
// from entries on the same topic, so they are plausible rather than random.
// Like every bank, its questions and options are shuffled by the quiz's seed.
func VocabularyBank(g *Glossary) *quiz.Bank {
	b := &quiz.Bank{
		ID:          VocabularyID,
		Title:       "Vocabulary",
		Description: "The article's key terms, from the glossary: match each term with its definition and each definition with its term.",
		File:        "glossary",
	}
	for i := range g.entries {
		e := &g.entries[i]
		if e.InArticle == nil {
			continue // every question cites the article
		}
		if e.Topic == "people" {
			continue // too few of a kind: a person's wrong answers would be towns and treaties
		}
		others := g.distractors(e, 3)
		if len(others) < 2 {
			continue
		}
		src := quiz.Source{Section: e.InArticle.Section, Paragraph: e.InArticle.Paragraph, Quote: e.InArticle.Quote}
		names := make([]string, len(others))
		for i, o := range others {
			names[i] = o.Term
		}
		explain := fmt.Sprintf("%s: %s The other options describe %s. For the full entry, run: conflictq define %q",
			e.Term, e.Short, joinAnd(names), e.Term)
		slug := slugify(e.Term)
		// Like every bank's: the article section, the skill, then the topic.
		tags := []string{slugify(e.InArticle.Section), "vocabulary", e.Topic}

		// Each definition hides its own entry's names, so that no choice stands
		// out by naming a term or by being the only one with a blank.
		shorts := []string{mask(e.Short, e)}
		for _, o := range others {
			shorts = append(shorts, mask(o.Short, o))
		}
		if distinct(shorts) {
			b.Questions = append(b.Questions, &quiz.Question{
				ID: "define-" + slug, Bank: VocabularyID, Type: quiz.Single,
				Prompt:  fmt.Sprintf("Which best describes “%s”?", e.Term),
				Choices: shorts, Correct: []int{0},
				Explanation: explain, Source: src, Difficulty: "easy",
				Tags: tags, Points: 1,
			})
		}
		terms := []string{e.Term}
		for _, o := range others {
			terms = append(terms, o.Term)
		}
		if distinct(terms) {
			b.Questions = append(b.Questions, &quiz.Question{
				ID: "term-" + slug, Bank: VocabularyID, Type: quiz.Single,
				Prompt:  fmt.Sprintf("Which term matches this description? “%s”", mask(e.Short, e)),
				Choices: terms, Correct: []int{0},
				Explanation: explain, Source: src, Difficulty: "medium",
				Tags: tags, Points: 1,
			})
		}
	}
	return b
}

// distractors picks up to n other entries that a student could mistake for
// this one, so that wrong answers are plausible: ranked by how closely they are
// tied to it (related either way, sharing related terms, on the same topic),
// then by name. Terms marked confusable with the entry, either way, are never
// offered: a quiz must not mark a defensible answer wrong.
func (g *Glossary) distractors(e *Entry, n int) []*Entry {
	type cand struct {
		o     *Entry
		score int
	}
	var cands []cand
	for i := range g.entries {
		o := &g.entries[i]
		if o.Term == e.Term || slices.Contains(e.Confusable, o.Term) || slices.Contains(o.Confusable, e.Term) {
			continue
		}
		if (e.Topic == "places") != (o.Topic == "places") {
			continue // a place is mistaken for another place, not for a treaty or a crime
		}
		score := 0
		if slices.Contains(e.Related, o.Term) || slices.Contains(o.Related, e.Term) {
			score += 3
		}
		for _, r := range e.Related {
			if slices.Contains(o.Related, r) {
				score += 2
			}
		}
		if o.Topic == e.Topic { // a wrong answer of the same kind: a place for a place
			score += 3
		}
		if score > 0 {
			cands = append(cands, cand{o, score})
		}
	}
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score > cands[b].score
		}
		return strings.ToLower(cands[a].o.Term) < strings.ToLower(cands[b].o.Term)
	})
	out := make([]*Entry, 0, n)
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, c.o)
	}
	return out
}

// mask hides the entry's own names in a text, so that a definition does not
// give away the term it defines.
func mask(text string, e *Entry) string {
	names := e.AllNames()
	sort.Slice(names, func(a, b int) bool { return len(names[a]) > len(names[b]) })
	for _, name := range names {
		if len(name) < 3 {
			continue
		}
		// \b knows only ASCII letters: Xocalı ends in one it does not know.
		re := regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(name) + `([^\p{L}\p{N}]|$)`)
		text = re.ReplaceAllString(text, "${1}_____${2}")
	}
	return text
}

func joinAnd(list []string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

func distinct(list []string) bool {
	seen := map[string]bool{}
	for _, s := range list {
		k := quiz.Normalize(s)
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

var nonSlug = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^a-z0-9]+`) })

func slugify(s string) string {
	return strings.Trim(nonSlug().ReplaceAllString(quiz.Normalize(s), "-"), "-")
}
