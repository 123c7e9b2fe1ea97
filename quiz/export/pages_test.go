package export

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// writeKeyOld is WriteKey as it was before Pages, the oracle: the key laid
// out anew, apart from the test's layout.
func writeKeyOld(w io.Writer, format string, b *quiz.Bank, paper worksheet.Paper) error {
	if format != "html" {
		return worksheet.WriteKey(w, b, paper)
	}
	s, err := worksheet.Layout(b, paper)
	if err != nil {
		return err
	}
	return htmlreport.Paper(w, s, htmlreport.PaperKeyOnly)
}

// writeOld is the html exporter as it was: a layout of its own.
func writeOld(w io.Writer, format string, b *quiz.Bank, paper worksheet.Paper) ([]string, error) {
	if format != "html" {
		return For(format)(w, b, paper)
	}
	s, err := worksheet.Layout(b, paper)
	if err != nil {
		return nil, err
	}
	return nil, htmlreport.Paper(w, s, htmlreport.PaperTest)
}

// TestPagesAsTwoLayouts holds Pages, which lays out the HTML test and its
// key once for both, to the code it replaced, which laid out each page
// anew: byte for byte the same test, notes and key, and the same errors, in
// every pairing of a test's format and a key's (html with html shares the
// layout), on every built-in bank and the sample under many papers
// (seeds, shuffles, counts, tags, types, sets, the key after or apart, a
// selection that matches nothing). The key is written after the test, as
// bank export writes them, and also alone.
func TestPagesAsTwoLayouts(t *testing.T) {
	lib := &quiz.Library{Embedded: assets.Banks(), Compiled: assets.CompiledBank, Generated: assets.GeneratedBanks}
	banks := []*quiz.Bank{testfiles.Sample(t)}
	for _, name := range lib.Names() {
		b, _, err := lib.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		banks = append(banks, b)
	}
	r := rand.New(rand.NewPCG(28, 5))
	papers := []worksheet.Paper{{}, {Key: worksheet.NoKey}, {Seed: 1, Key: worksheet.NoKey}, {Seed: 7, Made: "Set 9c, seed 42", Command: "conflictq sheet --seed 7"},
		{Shuffle: true, Seed: 3, Key: worksheet.NoKey, Made: "<made> & \"x\"", Command: "a  b"},
		{Filter: quiz.Filter{Count: 5}, Seed: 2, Key: worksheet.NoKey, Command: "c"},
		{Filter: quiz.Filter{Tags: []string{"no-such-tag"}}, Key: worksheet.NoKey},
		{Filter: quiz.Filter{Types: []string{"short", "open"}}, Seed: 9},
		{Filter: quiz.Filter{Set: "9c", Count: 7}, Seed: 11, Key: worksheet.NoKey}}
	for range 40 {
		papers = append(papers, worksheet.Paper{Seed: r.Uint64(), Shuffle: r.IntN(2) == 0, Key: worksheet.KeyPlace(r.IntN(2)),
			Filter: quiz.Filter{Count: r.IntN(12)}})
	}
	formats := [][2]string{{"html", "html"}, {"html", "markdown"}, {"markdown", "html"}, {"markdown", "markdown"}, {"json", "html"}, {"gift", "markdown"}}
	shared := 0
	for i, b := range banks {
		for j, p := range papers {
			for _, f := range formats {
				pages := NewPages(b, p)
				var got, want, gotKey, wantKey, alone bytes.Buffer
				gotNotes, gotErr := pages.Write(&got, f[0])
				wantNotes, wantErr := writeOld(&want, f[0], b, p)
				gotKeyErr, wantKeyErr := pages.WriteKey(&gotKey, f[1]), writeKeyOld(&wantKey, f[1], b, p)
				aloneErr := NewPages(b, p).WriteKey(&alone, f[1])
				if fmt.Sprint(gotErr, gotNotes) != fmt.Sprint(wantErr, wantNotes) || !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("bank %d (%s), paper %d, %s: test differs:\n got %v %q\nwant %v %q", i, b.ID, j, f[0], gotErr, got.String(), wantErr, want.String())
				}
				if fmt.Sprint(gotKeyErr) != fmt.Sprint(wantKeyErr) || !bytes.Equal(gotKey.Bytes(), wantKey.Bytes()) ||
					fmt.Sprint(aloneErr) != fmt.Sprint(wantKeyErr) || !bytes.Equal(alone.Bytes(), wantKey.Bytes()) {
					t.Fatalf("bank %d (%s), paper %d, %s then %s: key differs:\n got %v %q\nwant %v %q", i, b.ID, j, f[0], f[1], gotKeyErr, gotKey.String(), wantKeyErr, wantKey.String())
				}
				if f == [2]string{"html", "html"} && wantErr == nil && pages.sheet != nil {
					shared++
				}
			}
		}
	}
	if shared < len(banks)*len(papers)/2 {
		t.Errorf("the test and key shared a layout %d times: the shared path is not reached", shared)
	}
}
