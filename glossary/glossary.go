package glossary

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/text"
)

// Glossary is a set of entries with a lookup index over every name.
type Glossary struct {
	entries []Entry
	index   Index
	// folded holds each entry's search fields (searchFields) folded as
	// Search compares them, when they were folded before (SearchText); nil
	// otherwise, and Search folds what it needs.
	folded [][]string
}

// Index is a glossary's lookup index: every name folded (text.Normalize), in
// sorted order, and beside each the position of its entry. Sorted slices,
// not a map, so that a compiled glossary's index is data the linker lays out
// (assets): a map of its 600 names was built at every run of define.
type Index struct {
	Names   []string
	Entries []int
}

// find returns the position of the entry named key (folded), if any.
func (x Index) find(key string) (int, bool) {
	if k, ok := slices.BinarySearch(x.Names, key); ok {
		return x.Entries[k], true
	}
	return 0, false
}

// New indexes entries. Two entries may not share a name (after folding case,
// diacritics and punctuation), and every related term must be an entry.
func New(entries []Entry) (*Glossary, error) {
	g := &Glossary{entries: entries}
	index := make(map[string]int, len(entries)*4)
	var problems []string
	for i := range entries {
		e := &entries[i]
		for _, name := range e.AllNames() {
			key := text.Normalize(name)
			if key == "" {
				continue
			}
			if j, dup := index[key]; dup && j != i {
				problems = append(problems, fmt.Sprintf("%s:%d: term %q: name %q is also a name of %q", e.File, e.Line, e.Term, name, entries[j].Term))
				continue
			}
			index[key] = i
		}
	}
	g.index.Names = make([]string, 0, len(index))
	for key := range index {
		g.index.Names = append(g.index.Names, key)
	}
	slices.Sort(g.index.Names)
	g.index.Entries = make([]int, len(g.index.Names))
	for k, key := range g.index.Names {
		g.index.Entries[k] = index[key]
	}
	for i := range entries {
		e := &entries[i]
		for _, r := range slices.Concat(e.Related, e.Confusable) {
			j, ok := index[text.Normalize(r)]
			switch {
			case !ok:
				problems = append(problems, fmt.Sprintf("%s:%d: term %q: related %q is not an entry", e.File, e.Line, e.Term, r))
			case entries[j].Term != r:
				problems = append(problems, fmt.Sprintf("%s:%d: term %q: related %q should name the entry as %q", e.File, e.Line, e.Term, r, entries[j].Term))
			}
		}
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return g, nil
}

// NewIndexed wraps entries with an index that New built before (Index), and
// that was stored: it skips New's checks and folding, which is what lets
// conflictq define start almost as fast as a program that does nothing. The
// caller vouches for the pair (assets tests that they match New's).
//
// folded, when not nil, is SearchText stored the same way: Search then folds
// only the query.
func NewIndexed(entries []Entry, index Index, folded [][]string) *Glossary {
	return &Glossary{entries: entries, index: index, folded: folded}
}

// SearchText returns each entry's search fields folded as Search compares
// them (" " + text.Normalize(field) + " "), for storing beside Index: as
// NewIndexed was given them, or folded now.
func (g *Glossary) SearchText() [][]string {
	if g.folded != nil {
		return g.folded
	}
	out := make([][]string, len(g.entries))
	for i := range g.entries {
		fields := searchFields(&g.entries[i])
		out[i] = make([]string, len(fields))
		for k, f := range fields {
			out[i][k] = foldField(f)
		}
	}
	return out
}

func foldField(s string) string { return " " + text.Normalize(s) + " " }

// The positions of searchFields' texts, named once: fieldWeights,
// searchFields and hitLine all use them.
const (
	fieldTerm = iota
	fieldAliases
	fieldNames
	fieldShort // the first after the names
	fieldDefinition
	fieldSince
	fieldCorrection
	fieldContrast
	fieldNote
	fieldPlain // the first of the plain words
	fieldPlainSince
	fieldCount
)

// fieldWeights is what a match counts in each of searchFields' texts.
var fieldWeights = [fieldCount]int{
	fieldTerm: 100, fieldAliases: 50, fieldNames: 50, fieldShort: 20, fieldDefinition: 10,
	fieldSince: 5, fieldCorrection: 5, fieldContrast: 5, fieldNote: 5,
	fieldPlain: 10, fieldPlainSince: 5,
}

// searchFields are the texts of an entry Search looks in, always the same
// number in the same order: a match in the term counts most, then the names,
// the short definition, the definition and the notes (fieldWeights); then
// the plain words a student's screen shows (plain, plain_since), counted as
// the definition and the note they say again.
func searchFields(e *Entry) []string {
	note := ""
	if e.InArticle != nil {
		note = e.InArticle.Note
	}
	f := make([]string, fieldCount)
	f[fieldTerm], f[fieldAliases], f[fieldNames] = e.Term, strings.Join(e.Aliases, "; "), strings.Join(e.Names.List(), "; ")
	f[fieldShort], f[fieldDefinition], f[fieldSince] = e.Short, e.Definition, e.SinceArticle
	f[fieldCorrection], f[fieldContrast], f[fieldNote] = e.Correction, e.Contrast, note
	f[fieldPlain], f[fieldPlainSince] = e.Plain, e.PlainSince
	return f
}

// Index returns the lookup index: each folded name and its entry's position.
func (g *Glossary) Index() Index { return g.index }

// Entries returns every entry, in the order given to New.
func (g *Glossary) Entries() []Entry { return g.entries }

// Alphabetical returns entries sorted by term, ignoring case and diacritics.
func Alphabetical(entries []Entry) []*Entry {
	// Each term is folded once, not at every comparison: sorting the
	// glossary folded terms 2,000 times, 100 µs of conflictq glossary list.
	type keyed struct {
		key   string
		entry *Entry
	}
	keys := make([]keyed, len(entries))
	for i := range entries {
		keys[i] = keyed{text.Normalize(entries[i].Term), &entries[i]}
	}
	slices.SortStableFunc(keys, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	out := make([]*Entry, len(keys))
	for i, k := range keys {
		out[i] = k.entry
	}
	return out
}

// TopicGroup is one topic's entries.
type TopicGroup struct {
	Topic   string
	Entries []*Entry
}

// ByTopic groups entries by topic, topics and terms in alphabetical order.
func ByTopic(entries []Entry) []TopicGroup {
	var groups []TopicGroup
	for _, e := range Alphabetical(entries) {
		k := slices.IndexFunc(groups, func(g TopicGroup) bool { return g.Topic == e.Topic })
		if k < 0 {
			groups = append(groups, TopicGroup{Topic: e.Topic})
			k = len(groups) - 1
		}
		groups[k].Entries = append(groups[k].Entries, e)
	}
	sort.SliceStable(groups, func(a, b int) bool { return groups[a].Topic < groups[b].Topic })
	return groups
}

// Lookup finds an entry by its term, any alias or any of its names in the
// region's scripts, ignoring case (in every script), diacritics, spaces,
// hyphens and punctuation: "Xocalı", "xocali", "KHOJALY", "ХОДЖАЛЫ" and
// "Խոջալու" find Khojaly.
func (g *Glossary) Lookup(name string) (*Entry, bool) {
	i, ok := g.index.find(text.Normalize(name))
	if !ok {
		return nil, false
	}
	return &g.entries[i], true
}

// Suggest returns up to n terms close to a name that was not found, best first:
// names that start with it, then names within a few edits of it.
func (g *Glossary) Suggest(name string, n int) []string {
	want := text.Normalize(name)
	if want == "" {
		return nil
	}
	type cand struct {
		term       string
		score, len int
	}
	best := map[int]cand{} // entry → its best-matching name (lower is better)
	for k, key := range g.index.Names {
		i := g.index.Entries[k]
		score := -1
		switch {
		case strings.HasPrefix(key, want) && len(want) >= 3:
			score = 0
		default:
			d := text.EditDistance(want, key)
			if limit := max(1, min(3, len([]rune(want))/3)); d <= limit {
				score = d
			}
		}
		if score < 0 {
			continue
		}
		c := cand{g.entries[i].Term, score, len(key)}
		if old, ok := best[i]; !ok || c.score < old.score || (c.score == old.score && c.len < old.len) {
			best[i] = c
		}
	}
	cands := make([]cand, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	// Fewest edits first; among equals the name closest in length to what was
	// typed (a prefix of "artsakh" is nearer Artsakh than Artsakh Liberation War).
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score < cands[b].score
		}
		if cands[a].len != cands[b].len {
			return cands[a].len < cands[b].len
		}
		return cands[a].term < cands[b].term
	})
	out := make([]string, 0, n)
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.term)
	}
	return out
}

// Hit is one search result.
type Hit struct {
	Entry *Entry
	Score int
	// Line is the sentence or name where the query matched.
	Line string
}

// Search finds entries whose names or texts contain every word of query,
// ranked: a match in the term counts most, then aliases, the short definition,
// the definition and the notes.
func (g *Glossary) Search(query string) []Hit {
	words := strings.Fields(text.Normalize(query))
	if len(words) == 0 {
		return nil
	}
	var hits []Hit
	for i := range g.entries {
		e := &g.entries[i]
		// The texts are joined only when needed: the compiled glossary's
		// come folded (SearchText), and the texts themselves are then read
		// only for a hit's line.
		var fields []string
		fieldText := func(i int) string {
			if fields == nil {
				fields = searchFields(e)
			}
			return fields[i]
		}
		// Folding is most of a search: the compiled glossary's fields come
		// folded; otherwise each field is folded once, and only if it can
		// hold the word. A word (letters and digits, folded) can be in an
		// ASCII field's folding only if it is in the field in lower case.
		norms := make([]string, len(fieldWeights))
		if g.folded != nil {
			norms = g.folded[i]
		}
		folded := func(i int, w string) string {
			if norms[i] != "" {
				return norms[i]
			}
			field := fieldText(i)
			if isASCII(field) && !strings.Contains(strings.ToLower(field), w) {
				return ""
			}
			norms[i] = foldField(field)
			return norms[i]
		}
		score, all := 0, true
		var in [len(fieldWeights)]bool // the fields a word is in
		for _, w := range words {
			found := false
			for i, weight := range fieldWeights {
				if c := strings.Count(folded(i, w), " "+w); c > 0 {
					found = true
					score += weight * c
					in[i] = true
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			hits = append(hits, Hit{Entry: e, Score: score, Line: hitLine(e, in, fieldText, words)})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].Score > hits[b].Score })
	return hits
}

// hitLine is the sentence a hit shows, from the fields marked in (those
// the query's words are in): the sentence that holds the most of words, a
// sentence of the plain words define shows before one of the full texts
// that holds no more (teacher15 P7: search quoted "a well-founded fear of
// persecution" where define said "a person who has fled to another
// country"; "specific intent" still quotes the full definition, which holds
// both words). A match in a name that no full sentence holds whole shows
// what the entry is: the plain words' first sentence, or else the short
// definition.
func hitLine(e *Entry, in [len(fieldWeights)]bool, field func(int) string, words []string) string {
	texts := func(from, to int) []string {
		var out []string
		for i := from; i < to; i++ {
			if in[i] {
				out = append(out, field(i))
			}
		}
		return out
	}
	plain, pn := bestSentence(texts(fieldPlain, len(in)), words)
	full, fn := bestSentence(texts(fieldShort, fieldPlain), words)
	switch {
	case pn > 0 && pn >= fn:
		return plain
	case slices.Contains(in[:fieldShort], true) && fn < len(words):
		// Plain of only spaces has no sentence: New takes an Entry as
		// given, untrimmed (review 23 #3).
		if first := splitSentences(e.Plain); len(first) > 0 {
			return first[0]
		}
		return e.Short
	case fn > 0:
		return full
	}
	return e.Short
}

// bestSentence is the first of the sentences of paras that holds the most
// of words (normalised) at the start of a word, and how many it holds; ""
// and 0 when none holds any.
func bestSentence(paras []string, words []string) (string, int) {
	best, most := "", 0
	for _, para := range paras {
		for _, s := range splitSentences(para) {
			folded := foldField(s)
			n := 0
			for _, w := range words {
				if strings.Contains(folded, " "+w) {
					n++
				}
			}
			if n > most {
				best, most = s, n
			}
		}
	}
	return best, most
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// splitSentences splits at a full stop, question or exclamation mark that
// ends a sentence: one followed by a space (or a newline) and a capital letter, a digit or a
// quotation mark, so that "U.S. officials" and "No. 62" stay whole.
func splitSentences(para string) []string {
	var out []string
	start := 0
	rs := []rune(para)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '.' && rs[i] != '?' && rs[i] != '!' {
			continue
		}
		if i+1 < len(rs) && rs[i+1] == '"' || i+1 < len(rs) && rs[i+1] == '”' {
			i++
		}
		end := i+1 == len(rs)
		// A paragraph break (a newline in a definition) ends a sentence as a space does.
		if !end && (rs[i+1] == ' ' || rs[i+1] == '\n') && i+2 < len(rs) {
			next := rs[i+2]
			end = unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '“' || next == '('
			if end && i >= 1 && rs[i] == '.' && isAbbrev(rs[:i]) {
				end = false
			}
		}
		if end {
			out = append(out, strings.TrimSpace(string(rs[start:i+1])))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(string(rs[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}

// isAbbrev reports whether the text before a full stop ends in a short
// abbreviation that does not end a sentence ("U.S", "No", "St").
func isAbbrev(before []rune) bool {
	k := len(before)
	for k > 0 && before[k-1] != ' ' {
		k--
	}
	word := strings.TrimLeft(string(before[k:]), "(\"“'")
	switch word {
	case "No", "St", "Mr", "Mrs", "Dr", "Gen", "Lt", "Col", "vs", "e.g", "i.e", "cf":
		return true
	}
	// Initials and dotted abbreviations: "U.S", "U.N", "A".
	return strings.Contains(word, ".") || len([]rune(word)) == 1 && unicode.IsUpper([]rune(word)[0])
}

// Highlight marks, with style, each word of sentence that starts with a word
// of query (both folded as Lookup folds them), as Search matched them.
func Highlight(sentence, query string, style text.Style) string {
	words := strings.Fields(text.Normalize(query))
	if len(words) == 0 || style == nil {
		return sentence
	}
	var b strings.Builder
	for i, tok := range strings.Split(sentence, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		// Keep the punctuation around a word out of the mark.
		lead := strings.IndexFunc(tok, isWordRune)
		trail := strings.LastIndexFunc(tok, isWordRune)
		if lead < 0 {
			b.WriteString(tok)
			continue
		}
		_, size := utf8.DecodeRuneInString(tok[trail:])
		core := tok[lead : trail+size]
		hit := false
		for _, part := range strings.Fields(text.Normalize(core)) {
			for _, w := range words {
				hit = hit || strings.HasPrefix(part, w)
			}
		}
		if hit {
			core = style.Mark(core)
		}
		b.WriteString(tok[:lead] + core + tok[trail+size:])
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Completion is a name that typed text completes to, and its entry's short
// definition.
type Completion struct{ Name, Short string }

// Complete offers the glossary's terms and names that start with typed,
// ignoring case and diacritics as Lookup does, each once. A shell keeps only
// completions that start with the typed text, so a name found by folding is
// offered as the typed text plus the rest of the name: "xoc" completes to
// "xocalı", which Lookup finds as it finds Xocalı.
func (g *Glossary) Complete(typed string) []Completion {
	want := text.Normalize(typed)
	var out []Completion
	seen := map[string]bool{}
	for _, e := range g.Entries() {
		for _, name := range e.AllNames() {
			c, ok := completeFolded(name, typed, want)
			if ok && !seen[c] {
				seen[c] = true
				out = append(out, Completion{c, e.Short})
			}
		}
	}
	return out
}

// completeFolded completes typed (folded: want) to name when name starts with
// it, literally or once folded.
func completeFolded(name, typed, want string) (string, bool) {
	if strings.HasPrefix(name, typed) {
		return name, true
	}
	if want == "" || !strings.HasPrefix(text.Normalize(name), want) {
		return "", false
	}
	rs := []rune(name)
	for i := 1; i <= len(rs); i++ {
		if text.Normalize(string(rs[:i])) == want {
			return typed + string(rs[i:]), true
		}
	}
	return "", false
}
