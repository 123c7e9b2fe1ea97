package glossary

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

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
		others := g.distractors(e, 3)
		if len(others) < 2 {
			continue
		}
		src := quiz.Source{Section: e.InArticle.Section, Paragraph: e.InArticle.Paragraph, Quote: e.InArticle.Quote}
		explain := fmt.Sprintf("%s: %s For the full entry, run: conflictq define %q", e.Term, e.Short, e.Term)
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

// distractors picks up to n other entries: related terms first, then entries on
// the same topic, then any, each group in a fixed order.
func (g *Glossary) distractors(e *Entry, n int) []*Entry {
	var out []*Entry
	seen := map[string]bool{e.Term: true}
	add := func(o *Entry) {
		if len(out) < n && !seen[o.Term] {
			seen[o.Term] = true
			out = append(out, o)
		}
	}
	for _, r := range e.Related {
		if o, ok := g.Lookup(r); ok {
			add(o)
		}
	}
	var sameTopic []*Entry
	for i := range g.entries {
		if o := &g.entries[i]; o.Topic == e.Topic {
			sameTopic = append(sameTopic, o)
		}
	}
	sort.Slice(sameTopic, func(a, b int) bool { return sameTopic[a].Term < sameTopic[b].Term })
	for _, o := range sameTopic {
		add(o)
	}
	return out
}

// mask hides the entry's own names in a text, so that a definition does not
// give away the term it defines.
func mask(text string, e *Entry) string {
	names := e.Names()
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

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slugify(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(quiz.Normalize(s), "-"), "-")
}
