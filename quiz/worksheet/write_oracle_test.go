package worksheet

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// TestWriteAsFmt holds the Markdown writer, which writes each piece into one
// builder grown once (newPage) and passes inline text that is already one
// line as it is (oneSpaced), to the writer it replaced, kept below: byte for
// byte the same test and key, on every built-in bank under many papers, and
// on thousands of banks made from them with hostile text (spaces of every
// kind, markup, entities, line breaks, invalid UTF-8) in every field the
// paper prints.
func TestWriteAsFmt(t *testing.T) {
	lib := &quiz.Library{Embedded: assets.Banks(), Compiled: assets.CompiledBank, Generated: assets.GeneratedBanks}
	var banks []*quiz.Bank
	for _, name := range lib.Names() {
		b, _, err := lib.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		banks = append(banks, b)
	}
	banks = append(banks, sample(t))
	r := rand.New(rand.NewPCG(27, 13))
	n := 400
	if testing.Short() {
		n = 60
	}
	for range n {
		banks = append(banks, hostileBank(r, banks[r.IntN(len(banks))]))
	}
	papers := []Paper{{Key: KeyAfter}, {Key: NoKey}, {Seed: 7, Made: "Set 9c, seed 42", Command: "conflictq sheet --seed 7"},
		{Shuffle: true, Seed: 3, Made: "  made\t_x_  ", Command: "a  b"}, {Filter: quiz.Filter{Count: 5}, Seed: 2, Key: NoKey, Command: "c"},
		{Made: hostile(r), Command: hostile(r)}, {Filter: quiz.Filter{Tags: []string{"no-such-tag"}}}}
	for i, b := range banks {
		for j, p := range papers {
			if i >= 8 && j != i%len(papers) {
				continue // the hostile banks: one paper each, in turn
			}
			for _, key := range []bool{false, true} {
				var got, want bytes.Buffer
				var gotErr, wantErr error
				if key {
					gotErr, wantErr = WriteKey(&got, b, p), writeKeyPageOld(&want, b, p)
				} else {
					gotErr, wantErr = Write(&got, b, p), writeOld(&want, b, p)
				}
				if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || got.String() != want.String() {
					t.Fatalf("bank %d (%s), paper %d, key %v:\n got %v %q\nwant %v %q", i, b.ID, j, key, gotErr, got.String(), wantErr, want.String())
				}
			}
		}
	}
	for _, s := range []string{"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\u00a0b", "a\u0085b", "a\u2003b", "\xff b", "é é", "a\nb", "\u3000"} {
		if got, want := inline(s), inlineOld(s); got != want {
			t.Errorf("inline(%q) = %q, want %q", s, got, want)
		}
	}
}

var hostilePieces = []string{" ", "  ", "\t", "\n", "\r\n", "\r", "\v", "\f", "\u00a0", "\u0085", "\u2003", "\u3000", "*", "_", "__", " _ ", " ___ ",
	"&amp;", "&#1;", "&", "#", "> ", "1.", "2)", "- ", "+", "=", "\\", "`", "[", "]", "<", "|", "~", "é", "\xff", "\xc3", "Xocalı", "ok", "word", "\u0301"}

// hostile is a text made of hostilePieces.
func hostile(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteString(hostilePieces[r.IntN(len(hostilePieces))])
	}
	return b.String()
}

// hostileBank is a copy of b with hostile text in place of or inside many of
// its texts; its shape (answers, indices, types) is b's.
func hostileBank(r *rand.Rand, b *quiz.Bank) *quiz.Bank {
	m := func(s string) string {
		switch r.IntN(4) {
		case 0:
			return hostile(r)
		case 1:
			i := r.IntN(len(s) + 1)
			return s[:i] + hostile(r) + s[i:]
		}
		return s
	}
	ms := func(l []string) []string {
		if l == nil {
			return nil
		}
		out := make([]string, len(l))
		for i, s := range l {
			out[i] = m(s)
		}
		return out
	}
	out := &quiz.Bank{ID: b.ID, Title: m(b.Title), Description: m(b.Description)}
	for _, q := range b.Questions {
		c := &quiz.Question{ID: q.ID, Bank: q.Bank, Type: q.Type, Prompt: m(q.Prompt), Explanation: m(q.Explanation),
			Source:     quiz.Source{Section: m(q.Source.Section), Paragraph: q.Source.Paragraph, Quote: m(q.Source.Quote)},
			Difficulty: q.Difficulty, Tags: q.Tags, Points: q.Points, FormerIDs: q.FormerIDs,
			Choices: ms(q.Choices), Correct: q.Correct, Truth: q.Truth, Accept: ms(q.Accept), Value: q.Value, Tol: q.Tol,
			Unit: m(q.Unit), Items: ms(q.Items), Model: m(q.Model), Key: ms(q.Key), Credit: q.Credit, Numbers: q.Numbers, Exact: q.Exact}
		for _, p := range q.Pairs {
			c.Pairs = append(c.Pairs, quiz.Pair{Left: m(p.Left), Right: m(p.Right)})
		}
		if r.IntN(5) == 0 {
			c.Points = []float64{0.5, 2, 3}[r.IntN(3)]
		}
		out.Questions = append(out.Questions, c)
	}
	return out
}

// The writer TestWriteAsFmt holds the Markdown writer to: as it was before
// it wrote into one builder grown once.

func writeOld(w io.Writer, b *quiz.Bank, p Paper) error {
	qs, err := p.questions(b)
	if err != nil {
		return err
	}
	var s strings.Builder
	writeQuestionsOld(&s, b, qs, p.Made)
	if p.Key == KeyAfter {
		writeKeyListOld(&s, qs, p)
	}
	_, err = io.WriteString(w, s.String())
	return err
}

func writeKeyPageOld(w io.Writer, b *quiz.Bank, p Paper) error {
	qs, err := p.questions(b)
	if err != nil {
		return err
	}
	var s strings.Builder
	fmt.Fprintf(&s, "# %s: answer key\n", inlineOld(title(b)))
	if lead, command := p.KeyMade(); lead+command != "" {
		fmt.Fprintf(&s, "\n%s\n", inlineOld(lead+command))
	}
	p.Command = "" // said under the title
	writeKeyListOld(&s, qs, p)
	_, err = io.WriteString(w, s.String())
	return err
}

func writeQuestionsOld(s *strings.Builder, b *quiz.Bank, qs []*quiz.Presented, made string) {
	fmt.Fprintf(s, "# %s\n\n", inlineOld(title(b)))
	if made != "" {
		fmt.Fprintf(s, "%s\n\n", inlineOld(made))
	}
	if b.Description != "" {
		fmt.Fprintf(s, "%s\n\n", block(b.Description))
	}
	s.WriteString("Name: ______________________________   Date: ________________\n")
	if len(qs) > 0 {
		s.WriteString("\n## Questions\n")
	}
	n := 0
	for _, q := range qs {
		s.WriteString("\n")
		if q.Type == quiz.Info {
			for _, l := range strings.Split(block(q.Prompt), "\n") {
				s.WriteString(strings.TrimRight("> "+l, " ") + "\n")
			}
			continue
		}
		n++
		fmt.Fprintf(s, "**%d.** %s", n, block(q.Prompt))
		if hint := hintFor(q); hint != "" {
			fmt.Fprintf(s, " *(%s)*", hint)
		}
		s.WriteString("\n\n")
		opts := q.Options()
		switch q.Type {
		case quiz.Single, quiz.Multi:
			for k, o := range opts {
				fmt.Fprintf(s, "- %s) %s\n", letter(k), inlineOld(o))
			}
		case quiz.TrueFalse:
			s.WriteString("True / False\n")
		case quiz.Short:
			s.WriteString("Answer: ________________________________________\n")
		case quiz.Numeric:
			fmt.Fprintf(s, "%s\n", strings.TrimSpace("Answer: ____________________ "+inlineOld(q.Unit)))
		case quiz.Order:
			for k, o := range opts {
				fmt.Fprintf(s, "%d. %s\n", k+1, inlineOld(o))
			}
			s.WriteString("\nOrder, first to last: " + strings.TrimSuffix(strings.Repeat("____, ", len(opts)), ", ") + "\n")
		case quiz.Match:
			for k, l := range q.Lefts() {
				fmt.Fprintf(s, "%d. %s ____\n", k+1, inlineOld(l))
			}
			s.WriteString("\n")
			for k, o := range opts {
				fmt.Fprintf(s, "- %s) %s\n", letter(k), inlineOld(o))
			}
		case quiz.Open:
			s.WriteString("Answer:\n")
			for range 4 {
				s.WriteString("\n" + strings.Repeat("_", 72) + "\n")
			}
		}
	}

}

func writeKeyListOld(s *strings.Builder, qs []*quiz.Presented, p Paper) {
	n := 0
	for _, q := range qs {
		if q.Type != quiz.Info {
			n++
		}
	}
	if n > 0 {
		s.WriteString("\n## Answer key\n")
		if lead, command := p.KeyMade(); command != "" {
			fmt.Fprintf(s, "\n%s\n", inlineOld(lead+command))
		}
	}
	n = 0
	for _, q := range qs {
		if q.Type == quiz.Info {
			continue
		}
		n++
		lines := []string{fmt.Sprintf("**%d.** %s", n, block(answer(q)))}
		if q.Type == quiz.Open && len(q.Key) > 0 {
			// Listed, one point a line, for ticking off while marking.
			fmt.Fprintf(s, "\n%s\n\nKey points:\n\n", lines[0])
			for _, k := range q.Key {
				fmt.Fprintf(s, "- %s\n", inlineOld(k))
			}
			lines = lines[:0]
		}
		if q.Explanation != "" {
			lines = append(lines, block(q.Explanation))
		}
		if src := q.Source.String(); src != "" {
			lines = append(lines, "Reread: "+inlineOld(src))
		}
		if len(lines) > 0 {
			fmt.Fprintf(s, "\n%s\n", strings.Join(lines, "\\\n"))
		}
	}
}

func inlineOld(s string) string {
	return strings.Join(strings.Fields(escape(s)), " ")
}

// linesSplit is lines as it was before it passed tidy text through as it is.
func linesSplit(s string) string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// lines gives what it gave before on hostile texts and every text of the
// built-in banks.
func TestLinesAsSplit(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 21))
	texts := []string{"", "a", "a\n", "\na", "a\n\nb", "a\r\nb", "a\rb", "a\r", " a", "a ", "a\u00a0", "a\nb", "\u3000"}
	for range 50000 {
		texts = append(texts, hostile(r))
	}
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		for _, q := range assets.CompiledBank(name).Questions {
			texts = append(texts, q.Prompt, q.Explanation, q.Model)
		}
	}
	for _, s := range texts {
		if got, want := lines(s), linesSplit(s); got != want {
			t.Fatalf("lines(%q) = %q, want %q", s, got, want)
		}
	}
}
