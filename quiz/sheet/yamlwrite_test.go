package sheet

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// checkSheetYAML holds WriteYAML to encoderWriteYAML, the encoder it
// replaced, byte for byte. Where the encoder panicked (a comment that is not
// UTF-8) WriteYAML must write something and not panic; it reports whether
// the two were compared.
func checkSheetYAML(t *testing.T, name string, questions []*quiz.Presented, l Layout) bool {
	t.Helper()
	var want bytes.Buffer
	var wantErr error
	panicked := func() (p bool) {
		defer func() { p = recover() != nil }()
		wantErr = encoderWriteYAML(&want, questions, l)
		return false
	}()
	var got bytes.Buffer
	err := WriteYAML(&got, questions, l)
	if panicked {
		return false
	}
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("%s: error %v, the encoder's %v", name, err, wantErr)
	}
	if g, w := got.Bytes(), want.Bytes(); !bytes.Equal(g, w) {
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		from := max(0, i-160)
		t.Fatalf("%s: differs from yaml's encoder at byte %d:\ngot:  %q\nwant: %q", name, i, g[from:min(len(g), i+80)], w[from:min(len(w), i+80)])
	}
	return true
}

// TestSheetYAMLAsEncoder: every built-in bank, whole and by every kind of
// selection, blank and as its key, for many seeds.
func TestSheetYAMLAsEncoder(t *testing.T) {
	filters := []quiz.Filter{{}, {Count: 10}, {Count: 3, Types: []string{"closed"}}, {Types: []string{"open"}},
		{Types: []string{"match", "order"}}, {Difficulty: "hard"}, {Difficulty: "easy", Count: 5}, {Set: "9c", Count: 8},
		{Tags: []string{"dates"}}, {Types: []string{"single", "multi", "truefalse", "short", "numeric"}}}
	seeds := 12
	if testing.Short() {
		seeds = 3
	}
	n := 0
	for _, name := range []string{"comprehension", "discussion", "perspectives", "timeline", "vocabulary"} {
		bank := assets.CompiledBank(name)
		for _, f := range filters {
			for seed := range uint64(seeds) {
				questions, err := quiz.Select([]*quiz.Bank{bank}, f, seed*7919+1)
				if err != nil {
					continue // a filter this bank has no question for
				}
				for _, key := range []bool{false, true} {
					l := Layout{Student: "Ana", Banks: []string{name}, Seed: seed*7919 + 1, Set: f.Set, Count: f.Count, Tags: f.Tags,
						Difficulty: f.Difficulty, Types: f.Types, Key: key}
					if key {
						l.Student = KeyStudent
					}
					checkSheetYAML(t, fmt.Sprintf("%s %+v seed %d key %v", name, f, seed, key), questions, l)
					n++
				}
			}
		}
	}
	if n < 200 {
		t.Fatalf("only %d sheets of the built-in banks compared", n)
	}
}

// sheetPieces are what random texts are made of: what changes a scalar's
// style or a comment's lines (indicators, breaks of every kind, spaces at
// either end, quotes, text YAML reads as another type, characters it
// escapes), plain words and long lines.
var sheetPieces = []string{
	"a", "word", "Xocalı", "Baku", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
	"\ufeff", "#", " #", "# ", ": ", ":", "-", "- ", "---", "...", "?", "? ", "[", "]", "{", "}", ",", ", ",
	"&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "true", "False", "null", "~", "yes", "no", "off", "y", "n",
	"1", "0", "-1", "+1", "07", "0x1F", "0o17", "0b101", "1_000", "1e3", "1.5", ".5", ".inf", "-.Inf", ".nan",
	"1:30", "190:20:30.15", "2006-01-02", "2026-1-2 3:4:5", "<<", "a)", "3)", "=", " = ",
	"\x00", "\x07", "\x1b", "\x7f", "\u00a0", "\u00ad", "\ufffe", "\U0001F600", "é", "\ue000", "«", "»", "—",
	strings.Repeat("long ", 30), strings.Repeat("x", 140), strings.Repeat("word ", 20) + "end",
}

func randomText(r *rand.Rand) string {
	if r.IntN(6) == 0 {
		return sheetPieces[r.IntN(len(sheetPieces))]
	}
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteString(sheetPieces[r.IntN(len(sheetPieces))])
	}
	if r.IntN(400) == 0 {
		b.WriteString("\xff") // not UTF-8
	}
	return b.String()
}

func randomTexts(r *rand.Rand, least int) []string {
	out := make([]string, least+r.IntN(5))
	for i := range out {
		out[i] = randomText(r)
	}
	return out
}

var sheetFloats = []float64{0, 1, -1, 0.5, 1.0 / 3, 1e21, 1e-7, 30000, -2.5e-300, math.Inf(1), math.Inf(-1), math.NaN(), 1994, 0.1}

func randomQuestion(r *rand.Rand, i int) *quiz.Question {
	types := []quiz.Type{quiz.Single, quiz.Multi, quiz.TrueFalse, quiz.Short, quiz.Numeric, quiz.Order, quiz.Match, quiz.Open, quiz.Info}
	q := &quiz.Question{ID: fmt.Sprintf("q%d", i), Bank: "b", Type: types[r.IntN(len(types))], Prompt: randomText(r), Points: 1}
	if r.IntN(3) == 0 {
		q.ID = randomText(r) + fmt.Sprint(i)
	}
	switch q.Type {
	case quiz.Single, quiz.Multi:
		q.Choices = randomTexts(r, 1)
		if r.IntN(5) == 0 { // letters and numbers as options' texts: the key's refs take brackets
			q.Choices = append(q.Choices, "a", "b", "1", "n", "y")
		}
		q.Correct = []int{r.IntN(len(q.Choices))}
		if q.Type == quiz.Multi {
			q.Correct = nil
			for k := range q.Choices {
				if r.IntN(2) == 0 {
					q.Correct = append(q.Correct, k)
				}
			}
		}
	case quiz.TrueFalse:
		q.Truth = r.IntN(2) == 0
	case quiz.Short:
		q.Accept = randomTexts(r, 1)
	case quiz.Numeric:
		q.Value = sheetFloats[r.IntN(len(sheetFloats))]
	case quiz.Order:
		q.Items = randomTexts(r, 0)
		if r.IntN(4) == 0 {
			q.Items = append(q.Items, "1", "2", "3)")
		}
	case quiz.Match:
		for range r.IntN(5) {
			q.Pairs = append(q.Pairs, quiz.Pair{Left: randomText(r), Right: randomText(r)})
		}
	case quiz.Open:
		q.Model = randomText(r)
		if r.IntN(2) == 0 {
			q.Model = strings.Repeat(randomText(r)+" ", 1+r.IntN(30))
		}
		if r.IntN(2) == 0 {
			q.Key = randomTexts(r, 1)
		}
	}
	return q
}

func randomLayout(r *rand.Rand) Layout {
	l := Layout{Student: randomText(r), Banks: randomTexts(r, 0), Seed: r.Uint64(), Key: r.IntN(2) == 0}
	if r.IntN(3) == 0 {
		l.Set = randomText(r)
	}
	if r.IntN(3) == 0 {
		l.Count = r.IntN(50)
	}
	if r.IntN(3) == 0 {
		l.Tags = randomTexts(r, 1)
	}
	if r.IntN(3) == 0 {
		l.Difficulty = randomText(r)
	}
	if r.IntN(3) == 0 {
		l.Types = randomTexts(r, 1)
	}
	return l
}

// TestSheetYAMLRandomAsEncoder: random sheets and keys of every question
// type, their ids, prompts, options, answers, header and key points made of
// what YAML quotes, escapes or reads as another type.
func TestSheetYAMLRandomAsEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(26, 13))
	n := 12000
	if testing.Short() {
		n = 1000
	}
	compared := 0
	for i := range n {
		var qs []*quiz.Question
		for k := range r.IntN(6) {
			qs = append(qs, randomQuestion(r, k))
		}
		if checkSheetYAML(t, fmt.Sprintf("random sheet %d", i), quiz.Present(qs, r.Uint64()), randomLayout(r)) {
			compared++
		}
	}
	if compared < n*9/10 {
		t.Fatalf("only %d of %d random sheets compared", compared, n)
	}
}

// TestSheetYAMLHostileAsEncoder: each hostile text in every place a sheet
// and a key write text: the header, an id, a prompt, options, pairs, a short
// answer, a model answer (folded) and key points.
func TestSheetYAMLHostileAsEncoder(t *testing.T) {
	texts := append(slices.Clone(sheetPieces), " x\ny\nz", "a\n\nb\n", "\n lead\nx\ny", "x\n y\nz\n\n", "\tx\ny\nz", "a \nb",
		"line one\nline two", "ends in a break\n", "  two spaces", "#1 choice", "# already a comment", "a\n#b", "x\r\ny",
		"- item", "[a, b]", "{a: b}", "a, b", "key: value", "yes", "NO", "~", "12:30", "2026-02-26", "0.5", "1e3", "ünïcödé",
		strings.Repeat("A long model answer that the key folds to the page. ", 6), "")
	for _, s := range texts {
		qs := []*quiz.Question{
			{ID: "single", Bank: "b", Type: quiz.Single, Prompt: s, Choices: []string{s, "x" + s, "b"}, Correct: []int{0}, Points: 1},
			{ID: "multi", Bank: "b", Type: quiz.Multi, Prompt: s, Choices: []string{"a", s, s + "y"}, Correct: []int{1, 2}, Points: 1},
			{ID: "tf", Bank: "b", Type: quiz.TrueFalse, Prompt: s, Truth: true, Points: 1},
			{ID: "short", Bank: "b", Type: quiz.Short, Prompt: s, Accept: []string{s}, Points: 1},
			{ID: "num", Bank: "b", Type: quiz.Numeric, Prompt: s, Value: 1994, Points: 1},
			{ID: "order", Bank: "b", Type: quiz.Order, Prompt: s, Items: []string{s, "2", "c"}, Points: 1},
			{ID: "match", Bank: "b", Type: quiz.Match, Prompt: s, Pairs: []quiz.Pair{{Left: s, Right: "r" + s}, {Left: "1", Right: s}}, Points: 1},
			{ID: "open", Bank: "b", Type: quiz.Open, Prompt: s, Model: s, Key: []string{s, "point"}, Points: 1},
			{ID: "empty", Bank: "b", Type: quiz.Match, Prompt: s, Points: 1},
			{ID: "none", Bank: "b", Type: quiz.Multi, Prompt: s, Choices: []string{s}, Points: 1},
		}
		if s != "" {
			qs = append(qs, &quiz.Question{ID: s, Bank: "b", Type: quiz.Short, Prompt: "id", Accept: []string{"x"}, Points: 1})
		}
		for seed := range uint64(3) {
			for _, key := range []bool{false, true} {
				l := Layout{Student: s, Banks: []string{s, "b"}, Seed: seed, Set: s, Count: 3, Tags: []string{s}, Difficulty: s, Types: []string{s}, Key: key}
				checkSheetYAML(t, fmt.Sprintf("%q seed %d key %v", s, seed, key), quiz.Present(qs, seed), l)
			}
		}
	}
	for _, key := range []bool{false, true} { // no question at all: answers: {}
		checkSheetYAML(t, "no questions", nil, Layout{Student: "Ana", Key: key})
	}
}
