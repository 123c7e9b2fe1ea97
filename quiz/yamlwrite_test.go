package quiz

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// encoderYAML is how WriteYAML wrote a bank before bankYAML: yaml's encoder
// with an indent of two. bankYAML must write the same bytes.
func encoderYAML(t testing.TB, doc *BankDoc) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checkBankYAML(t *testing.T, name string, doc *BankDoc) {
	t.Helper()
	want := encoderYAML(t, doc)
	if got := writeBankYAML(doc); !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		from := max(0, i-120)
		t.Fatalf("%s: differs from yaml's encoder at byte %d:\ngot:  %q\nwant: %q", name, i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
	}
}

// yamlPieces are the parts random strings are made of: what changes a
// scalar's style (indicators, breaks of every kind, spaces at either end,
// quotes, text YAML reads as another type, characters it escapes), and
// plain words.
var yamlPieces = []string{
	"a", "word", "Xocalı", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
	"\ufeff", "\xef\xbb\xbf", "#", " #", ": ", ":", "-", "- ", "---", "...", "?", "? ", "[", "]", "{", "}", ",",
	"&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "true", "False", "null", "~", "yes", "off", "y",
	"1", "0", "-1", "+1", "0x1F", "0o17", "0b101", "-0b1", "1_000", "1e3", "1.5", ".5", ".inf", "-.Inf", ".nan",
	"1:30", "190:20:30.15", "2006-01-02", "2001-12-14t21:59:43.10-05:00", "2026-1-2 3:4:5", "1.", "+.5e-3",
	"\x00", "\x07", "\x1b", "\x7f", "\u00a0", "\u00ad", "\ufffe", "\U0001F600", "é", "\ue000", "\uffff",
	"\xff", "\xc3", "<<", "«", "»", "—", strings.Repeat("long ", 30),
}

func randomYAMLString(r *rand.Rand) string {
	if r.IntN(8) == 0 {
		return yamlPieces[r.IntN(len(yamlPieces))]
	}
	var b strings.Builder
	for range r.IntN(7) {
		b.WriteString(yamlPieces[r.IntN(len(yamlPieces))])
	}
	return b.String()
}

func randomYAMLStrings(r *rand.Rand) []string {
	if r.IntN(2) == 0 {
		return nil
	}
	out := make([]string, 1+r.IntN(4))
	for i := range out {
		out[i] = randomYAMLString(r)
	}
	return out
}

var yamlFloats = []float64{0, 1, -1, 0.5, 1.0 / 3, 1e21, 1e-7, 123456789, -2.5e-300, math.Inf(1), math.Inf(-1), math.NaN(), math.Copysign(0, -1), 1994, 0.1}

func randomYAMLDoc(r *rand.Rand) *BankDoc {
	doc := &BankDoc{ID: randomYAMLString(r), Title: randomYAMLString(r), Description: randomYAMLString(r)}
	for range r.IntN(5) {
		q := QuestionDoc{
			ID: randomYAMLString(r), Name: randomYAMLString(r), Type: Type(randomYAMLString(r)), Prompt: randomYAMLString(r),
			Choices: randomYAMLStrings(r), Answers: randomYAMLStrings(r), Accept: randomYAMLStrings(r),
			Unit: randomYAMLString(r), Items: randomYAMLStrings(r), ModelAnswer: randomYAMLString(r),
			PlainAnswer: randomYAMLString(r), PlainPoints: randomYAMLStrings(r), KeyPoints: randomYAMLStrings(r),
			Explanation: randomYAMLString(r), Difficulty: randomYAMLString(r), Tags: randomYAMLStrings(r),
			Points: yamlFloats[r.IntN(len(yamlFloats))], FormerIDs: randomYAMLStrings(r),
		}
		if r.IntN(3) == 0 {
			q.Tolerance = yamlFloats[r.IntN(len(yamlFloats))]
		}
		switch r.IntN(5) {
		case 1:
			q.Answer = randomYAMLString(r)
		case 2:
			q.Answer = r.IntN(2) == 0
		case 3:
			q.Answer = yamlFloats[r.IntN(len(yamlFloats))]
		case 4:
			q.Answer = r.IntN(3000) - 1000
		}
		if r.IntN(3) == 0 {
			q.Credit = map[string]float64{}
			for range 1 + r.IntN(6) {
				k := randomYAMLString(r)
				if r.IntN(4) == 0 {
					k = strings.Repeat("x", 120+r.IntN(20)) // past a simple key's 128
				}
				q.Credit[k] = yamlFloats[r.IntN(len(yamlFloats))]
			}
		}
		if r.IntN(3) == 0 {
			typos := r.IntN(3)
			q.Typos = &typos
		}
		for range r.IntN(3) {
			q.Also = append(q.Also, Number{Value: yamlFloats[r.IntN(len(yamlFloats))], Tol: yamlFloats[r.IntN(len(yamlFloats))], Credit: yamlFloats[r.IntN(len(yamlFloats))], Any: r.IntN(3) == 0})
		}
		for range r.IntN(3) {
			q.Pairs = append(q.Pairs, Pair{Left: randomYAMLString(r), Right: randomYAMLString(r)})
		}
		if r.IntN(2) == 0 {
			q.Source = &Source{Section: randomYAMLString(r), Paragraph: r.IntN(3) - 1, Quote: randomYAMLString(r)}
		}
		doc.Questions = append(doc.Questions, q)
	}
	return doc
}

// TestBankYAMLAsEncoder holds WriteYAML to yaml's encoder, byte for byte, on
// random and hostile banks, an empty one and this package's test banks (the
// built-in banks are checked in assets).
func TestBankYAMLAsEncoder(t *testing.T) {
	checkBankYAML(t, "empty", &BankDoc{})
	checkBankYAML(t, "credit keys in the encoder's order", &BankDoc{Questions: []QuestionDoc{{Credit: map[string]float64{
		"a10": 1, "a9": 2, "a09": 3, "B": 4, "b": 5, "1": 6, "01": 7, "x1y": 8, "x1": 9, "é": 10, "_": 11, "": 12, "a 2": 13,
	}}}})
	for _, s := range yamlPieces {
		checkBankYAML(t, "piece "+s, &BankDoc{ID: s, Title: s + s, Description: " " + s, Questions: []QuestionDoc{{Prompt: s, Choices: []string{s, "x" + s}, Credit: map[string]float64{s: 0.5}}}})
	}
	r := rand.New(rand.NewPCG(25, 1))
	n := 3000
	if testing.Short() {
		n = 300
	}
	for i := range n {
		doc := randomYAMLDoc(r)
		checkBankYAML(t, "random bank "+string(rune('0'+i%10)), doc)
	}
	for _, name := range []string{"testdata/all-types.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := ParseBank(name, data)
		if err != nil {
			t.Fatal(err)
		}
		doc := b.Doc()
		checkBankYAML(t, name, &doc)
	}
}
