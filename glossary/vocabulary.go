package glossary

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// CorrectionLabel heads an entry's correction, in define and in the
// vocabulary quiz. A correction may be an error, an update or a missing
// attribution (each says which in its first words), so the label claims only
// what is true of all three.
const CorrectionLabel = "Checked against the record"

// VocabularyID is the id of the bank VocabularyBank builds.
const VocabularyID = "vocabulary"

// VocabularyBank builds a quiz bank from the glossary: for every entry the
// article uses, one question from the term to its definition and one from the
// definition to the term. Distractors are entries of the same kind, tied to it
// by related terms or topic, so they are plausible rather than random, and the
// explanation teaches the entry's contrast with them.
// Like every bank, its questions and options are shuffled by the quiz's seed.
func VocabularyBank(g *Glossary) *quiz.Bank {
	b := &quiz.Bank{
		ID:          VocabularyID,
		Title:       "Vocabulary",
		Description: "The article's key terms, from the glossary: match each term with its definition and each definition with its term.",
		File:        "glossary",
	}
	for _, e := range g.VocabularyEntries() {
		// A term that the description names is no wrong answer: the
		// description rules it out ("between Stepanakert and Agdam").
		prompt := mask(e.Short, e)
		// The whole ranked pool, filtered, then cut: cutting first would let
		// the filters empty it (Armenia's nearest six all name Armenia).
		pool := g.distractors(e, len(g.entries))
		var others []*Entry
		for _, o := range pool {
			if len(others) < 3 && !names(prompt, o) {
				others = append(others, o)
			}
		}
		src := quiz.Source{Section: e.InArticle.Section, Paragraph: e.InArticle.Paragraph, Quote: e.InArticle.Quote}
		explain := explanation(e, others)
		slug := text.Slug(e.Term)
		// Like every bank's: the article section, the skill, then the topic.
		tags := []string{text.Slug(e.InArticle.Section), "vocabulary", e.Topic}

		// Definitions as options: each as written. One that names its own term
		// would give itself away (and a blank in the right one alone would
		// too), so a wrong one that does is left out, and the question is
		// when the right one does. A wrong one that names the term asked
		// about rules itself out ("on the road from Khojaly"), and is left
		// out too.
		shorts := []string{e.Short}
		for _, o := range pool {
			if len(shorts) < 4 && !names(o.Short, o) && !names(o.Short, e) {
				shorts = append(shorts, o.Short)
			}
		}
		if !names(e.Short, e) && len(shorts) >= 3 && distinct(shorts) {
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
		if len(terms) >= 3 && distinct(terms) {
			b.Questions = append(b.Questions, &quiz.Question{
				ID: "term-" + slug, Bank: VocabularyID, Type: quiz.Single,
				// The description hides the answer's own names, and only those.
				Prompt:  fmt.Sprintf("Which term matches this description? “%s”", prompt),
				Choices: terms, Correct: []int{0},
				Explanation: explain, Source: src, Difficulty: "medium",
				Tags: tags, Points: 1,
			})
		}
	}
	return b
}

// explanation teaches what the vocabulary questions about e test, in as few
// words as a 15-year-old reads once: the contrast that tells e from the terms
// offered against it (e's own, or else a wrong option's that names e; each
// names e and says what it is), or, with neither, e's definition beside the
// closest wrong option's; then the record against the article's error in the
// passage the question cites, if any (a correction of another passage would
// read as this one's error); then where the full entry
// is. The answer itself is on screen already (the option, or the description
// asked from), so it is not repeated. A correction's first sentence states the
// record; the rest of it is detail that define shows.
func explanation(e *Entry, others []*Entry) string {
	var parts []string
	switch c := contrastFor(e, others); {
	case c != "":
		parts = append(parts, c)
	case len(others) > 0:
		o := others[0]
		parts = append(parts, e.Term+": "+e.Short, fmt.Sprintf("Compare %s: %s", o.Term, o.Short))
	default:
		parts = append(parts, e.Term+": "+e.Short)
	}
	if e.CorrectsCitation() {
		parts = append(parts, CorrectionLabel+": "+splitSentences(e.Correction)[0])
	}
	parts = append(parts, "More: conflictq define "+text.CommandWord(e.Term))
	return strings.Join(parts, " ")
}

// contrastFor returns e's contrast, or a wrong option's contrast that names e.
func contrastFor(e *Entry, others []*Entry) string {
	if e.Contrast != "" {
		return e.Contrast
	}
	for _, o := range others {
		if o.Contrast != "" && mask(o.Contrast, e) != o.Contrast {
			return o.Contrast
		}
	}
	return ""
}

// VocabularyEntries returns the entries VocabularyBank asks about: those the
// article uses (every question cites it), apart from peoples, that have at
// least two entries of their kind (or its fallback) to offer as wrong answers.
func (g *Glossary) VocabularyEntries() []*Entry {
	var out []*Entry
	for i := range g.entries {
		e := &g.entries[i]
		if e.InArticle != nil && e.Kind != "people" && len(g.distractors(e, 2)) == 2 {
			out = append(out, e)
		}
	}
	return out
}

// distractors picks up to n other entries that a student could mistake for
// this one, so that wrong answers are plausible: entries of its kind first,
// then of its fallback kinds in their order (WrongAnswerKinds), never of
// another kind; within a kind, ranked by how closely they are tied to it
// (related either way, sharing related terms, on the same topic), then by
// name. Terms marked confusable with the entry, either way, are never
// offered: a quiz must not mark a defensible answer wrong. Nor is a loss
// offered for a loss (Entry.Loss).
func (g *Glossary) distractors(e *Entry, n int) []*Entry {
	type cand struct {
		o     *Entry
		score int
	}
	kinds := WrongAnswerKinds(e.Kind)
	out := make([]*Entry, 0, n)
	// Two tiers: the entry's own kind, then its fallback kinds together, the
	// most closely tied first and the fallback's order breaking ties.
	for _, tier := range [][]string{kinds[:min(1, len(kinds))], kinds[min(1, len(kinds)):]} {
		var cands []cand
		for i := range g.entries {
			o := &g.entries[i]
			if !slices.Contains(tier, o.Kind) || o.Term == e.Term || slices.Contains(e.Confusable, o.Term) || slices.Contains(o.Confusable, e.Term) {
				continue
			}
			// One people's losses are never the wrong answer for another's
			// (nor for the same people's): Sumgait is no distractor for
			// Khojaly, nor Black January for the pogroms.
			if o.Loss() && e.Loss() {
				continue
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
			if o.Topic == e.Topic {
				score += 3
			}
			cands = append(cands, cand{o, score})
		}
		sort.Slice(cands, func(a, b int) bool {
			if cands[a].score != cands[b].score {
				return cands[a].score > cands[b].score
			}
			if ka, kb := slices.Index(tier, cands[a].o.Kind), slices.Index(tier, cands[b].o.Kind); ka != kb {
				return ka < kb
			}
			return strings.ToLower(cands[a].o.Term) < strings.ToLower(cands[b].o.Term)
		})
		for _, c := range cands {
			if len(out) == n {
				return out
			}
			out = append(out, c.o)
		}
	}
	return out
}

// names reports whether text names one of e's names, as a whole word.
func names(text string, e *Entry) bool { return mask(text, e) != text }

// mask hides the entry's own names in a text, so that a definition does not
// give away the term it defines.
func mask(text string, e *Entry) string {
	names := e.AllNames()
	sort.Slice(names, func(a, b int) bool { return len(names[a]) > len(names[b]) })
	lower := strings.ToLower(text)
	for _, name := range names {
		// Most texts name none of the names: a plain search rules them out
		// at a fraction of a match's cost.
		if len(name) < 3 || !strings.Contains(lower, strings.ToLower(name)) {
			continue
		}
		text = wordPattern(name).ReplaceAllString(text, "${1}_____${2}")
		lower = strings.ToLower(text)
	}
	return text
}

// wordPatterns caches wordPattern: the vocabulary bank masks every candidate
// definition, and compiling costs far more than matching.
var wordPatterns sync.Map // name → *regexp.Regexp

// wordPattern matches name as a whole word, in any case, with the characters
// on either side as groups 1 and 2. (\b knows only ASCII letters: Xocalı ends
// in one it does not know.)
func wordPattern(name string) *regexp.Regexp {
	if re, ok := wordPatterns.Load(name); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(name) + `([^\p{L}\p{N}]|$)`)
	wordPatterns.Store(name, re)
	return re
}

func distinct(list []string) bool {
	seen := map[string]bool{}
	for _, s := range list {
		k := text.Normalize(s)
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}
