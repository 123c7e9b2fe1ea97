package quiz

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// typed resolves a line as the plain prompter does: a Value, as in a sheet,
// against options in the order shown.
func typed(q *Question, line string) (Response, error) { return q.Resolve(Typed(line), nil) }

func TestResolveOneChoice(t *testing.T) {
	q := &Question{Type: Single, Choices: []string{"Baku", "Yerevan", "Nagorno-Karabakh"}}
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{"1", 0, ""},
		{" 3 ", 2, ""},
		{"b", 1, ""},
		{"B", 1, ""},
		{"c)", 2, ""},
		{"yerevan", 1, ""},
		{"nagorno karabakh", 2, ""},
		{"4", 0, "4 is not an option; give its number (1-3), letter (a-c) or text"},
		{"0", 0, "0 is not an option"},
		{"d", 0, `"d" is not one of the options`},
		{"Tbilisi", 0, `"Tbilisi" is not one of the options`},
	}
	for _, tt := range tests {
		r, err := typed(q, tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(r.Choices, []int{tt.want}) {
			t.Errorf("%q = %v, %v; want %d", tt.in, r.Choices, err, tt.want)
		}
	}
	if r, err := typed(q, "  "); err != nil || r.Answered {
		t.Errorf("an empty line is unanswered: %+v %v", r, err)
	}
}

func TestResolveSeveralChoices(t *testing.T) {
	q := &Question{Type: Multi, Choices: []string{"Black Sea", "Caspian Sea", "Aral Sea", "Red Sea"}}
	tests := []struct {
		in   string
		want []int
		ok   bool
	}{
		{"1,3", []int{0, 2}, true},
		{"1 3", []int{0, 2}, true},
		{"1, 3", []int{0, 2}, true},
		{"a c", []int{0, 2}, true},
		{"3,1,3", []int{2, 0}, true},
		{"none", []int{}, true},
		{"Black Sea, Caspian Sea", []int{0, 1}, true},
		{"Caspian Sea", []int{1}, true},
		{"1,9", nil, false},
	}
	for _, tt := range tests {
		r, err := typed(q, tt.in)
		if (err == nil) != tt.ok || (tt.ok && !slices.Equal(r.Choices, tt.want)) {
			t.Errorf("%q = %v, %v; want %v ok=%v", tt.in, r.Choices, err, tt.want, tt.ok)
		}
	}
}

func TestResolveSequence(t *testing.T) {
	q := &Question{Type: Order, Items: []string{"w", "x", "y"}}
	for _, in := range []string{"3 1 2", "3,1,2", "c a b"} {
		if r, err := typed(q, in); err != nil || !slices.Equal(r.Sequence, []int{2, 0, 1}) {
			t.Errorf("%s → %v, %v", in, r.Sequence, err)
		}
	}
	for in, want := range map[string]string{
		"1 2":   "put all 3 items in order, each once, such as 3 2 1",
		"1 1 2": `"1" is listed twice`,
		"1 2 5": "5 is not an option",
	} {
		if _, err := typed(q, in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", in, err, want)
		}
	}
}

func TestResolveMatches(t *testing.T) {
	q := &Question{Type: Match, Pairs: []Pair{{"Khojaly", "Shushi"}, {"Shusha", "Khankendi"}, {"Stepanakert", "Xocalı"}}}
	// The forms the printed key, the sheet and students write (teacher3 A1).
	for _, in := range []string{"1=c 2=a 3=b", "1:c, 2:a, 3:b", "1 c, 2 a, 3 b", "1c 2a 3b", "1-c 2-a 3-b",
		"1: c, 2: a, 3: b", "1 = c; 2 = a; 3 = b", "1 c 2 a 3 b", "1c, 2a, 3b", "1 C, 2 A, 3 B", "1c) 2a) 3b)", "1 3, 2 1, 3 2",
		"Khojaly=Xocalı, Shusha=Shushi, Stepanakert=Khankendi"} {
		if r, err := typed(q, in); err != nil || !slices.Equal(r.Matches, []int{2, 0, 1}) {
			t.Errorf("%s: got %v, %v", in, r.Matches, err)
		}
	}
	if r, err := typed(q, "1=c 2=a"); err != nil || !slices.Equal(r.Matches, []int{2, 0, -1}) {
		t.Errorf("a pair left out is -1 (the prompter asks for it again): %v, %v", r.Matches, err)
	}
	for in, want := range map[string]string{
		"1c2a3b":      "write each pair as number=letter",
		"1 3 2 1 3 2": "write each pair as number=letter", // numbers only: which are pairs?
		"13 21 32":    "write each pair as number=letter",
		"c1 a2 b3":    "write each pair as number=letter",
		"1 c 2":       "write each pair as number=letter",
		"1=, 2=a":     "write each pair as number=letter",
		"1=z 2=a 3=b": `right side of "1": "z" is not one of the options`,
		"9=a":         `left side "9": not one of the items`,
	} {
		if _, err := typed(q, in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", in, err, want)
		}
	}
}

// A match answer that names one left side twice is refused, however the
// two name it: as written, "1" and "01", a number and the item's text, or
// the text in another case or without its diacritics (review13-s24: the
// last pair silently won). The message is a key given twice's, with the
// first spelling when it differs; a sheet's pairs also give both lines.
func TestResolveMatchesLeftSideTwice(t *testing.T) {
	q := &Question{Type: Match, Pairs: []Pair{{"Khojaly", "Shushi"}, {"Şuşa", "Khankendi"}, {"Stepanakert", "Xocalı"}}}
	for in, want := range map[string]string{
		"1=c 1=a":                            `left side "1" given twice`,
		"1=c 1=c 2=a 3=b":                    `left side "1" given twice`,
		"1=c 01=a":                           `left side "01" given twice (first as "1")`,
		"1=c 2=a 3=b 001=c":                  `left side "001" given twice (first as "1")`,
		"Khojaly=c, 1=a":                     `left side "1" given twice (first as "Khojaly")`,
		"2=a, Şuşa=b":                        `left side "Şuşa" given twice (first as "2")`,
		"Khojaly=c, KHOJALY=a":               `left side "KHOJALY" given twice (first as "Khojaly")`,
		"Şuşa=a, Susa=b":                     `left side "Susa" given twice (first as "Şuşa")`,
		"Khojaly = Xocalı; khojaly = Shushi": `left side "khojaly" given twice (first as "Khojaly")`,
		"1=c, 01=a: Khojaly = Xocalı; Khojaly = Shushi": `left side "01" given twice (first as "1")`,
	} {
		_, err := typed(q, in)
		var twice *LeftTwiceError
		if err == nil || err.Error() != want || !errors.As(err, &twice) || twice.Line != 0 {
			t.Errorf("%q: err = %v, want %s", in, err, want)
		}
	}
	// In a sheet, each pair has its line: the error is on the second's and names the first's.
	v := Value{Kind: Mapping, Pairs: [][2]string{{"1", "c"}, {"2", "a"}, {"01", "b"}}, Line: 5, PairLines: []int{6, 7, 8}}
	_, err := q.Resolve(v, nil)
	var twice *LeftTwiceError
	if !errors.As(err, &twice) || twice.Line != 8 || twice.FirstLine != 6 || err.Error() != `left side "01" given twice (first at line 6, as "1")` {
		t.Errorf("mapping: %v (%+v)", err, twice)
	}
	v.Pairs[2][0] = "1"
	if _, err := q.Resolve(v, nil); err == nil || err.Error() != `left side "1" given twice (first at line 6)` {
		t.Errorf("mapping, written alike: %v", err)
	}
	// Each left side once, in any spelling, still reads.
	if r, err := typed(q, "01=c, şuşa=a, STEPANAKERT=b"); err != nil || !slices.Equal(r.Matches, []int{2, 0, 1}) {
		t.Errorf("each once: %v, %v", r.Matches, err)
	}
}

func TestResolveTrueFalse(t *testing.T) {
	q := &Question{Type: TrueFalse}
	for in, want := range map[string]bool{"true": true, "T": true, "yes": true, "1": true, "a": true, "false": false, "f": false, "No": false, "2": false, "b": false} {
		if r, err := typed(q, in); err != nil || r.Bool != want {
			t.Errorf("%q = %v, %v", in, r.Bool, err)
		}
	}
	if _, err := typed(q, "maybe"); err == nil {
		t.Error("maybe accepted")
	}
}

// Moodle banks are full of {=4 ~3 ~5}: a number from 1 to n is the option
// shown with that number, unless another option's text is that number; then
// the student is asked for the number with its bracket, 3), or the letter
// (issue 12, W1; attack7 A).
func TestResolveNumberVersusNumericText(t *testing.T) {
	q := &Question{Type: Single, Choices: []string{"3", "6", "4", "1"}, Correct: []int{0}}
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{"1", 0, `"1" could be the option with that number, 1) 3, or the option whose text is 1, 4) 1; write 1) or a) for the first, 4) or d) for the second`},
		{"2", 1, ""}, // no option reads 2
		{"3", 0, `could be the option with that number, 3) 4, or the option whose text is 3, 1) 3`},
		{"4", 0, `could be the option with that number, 4) 1, or the option whose text is 4, 3) 4`},
		{"a", 0, ""},
		{"d", 3, ""},
		{"6", 1, ""}, // not an option number: the text
	}
	for _, tt := range tests {
		r, err := typed(q, tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(r.Choices, []int{tt.want}) {
			t.Errorf("%q = %v, %v; want %d", tt.in, r.Choices, err, tt.want)
		}
	}
	// An option whose number is its own text is not ambiguous.
	q = &Question{Type: Single, Choices: []string{"1", "2", "5"}, Correct: []int{0}}
	if r, err := typed(q, "2"); err != nil || !slices.Equal(r.Choices, []int{1}) {
		t.Errorf("2 = %v, %v", r.Choices, err)
	}
	if got := OptionRef([]string{"3", "6", "4", "1"}, 0, true); got != "1)" {
		t.Errorf("OptionRef: option 1 as %q, want its number with its bracket, 1)", got)
	}
	if got := OptionRef([]string{"3", "6", "4", "1"}, 1, true); got != "2" {
		t.Errorf("OptionRef: option 2 as %q, want its number", got)
	}
}

// Texts that fold alike (attack18 F3): two left sides, Şuşa and Susa, differ
// only in accents. A reference is the option whose text it is exactly, else
// the one it differs from only in case, else the one it folds to; when two
// fold alike and nothing closer decides, it is refused as ambiguous, naming
// both, never read as the first.
func TestResolveTextsThatFoldAlike(t *testing.T) {
	q := &Question{Type: Match, Pairs: []Pair{{"Şuşa", "Shushi"}, {"Susa", "Iran"}, {"Agdam", "Ağdam"}}}
	// Rights in display order are the bank's without a seed: a) Shushi, b) Iran, c) Ağdam.
	for in, want := range map[string][]int{
		"SUSA=b, Şuşa=a, Agdam=c": {0, 1, 2}, // Şuşa exact, SUSA Susa's case
		"şuşa=a, susa=b, agdam=c": {0, 1, 2}, // each differs from one only in case
		"ŞUŞA=a, Susa=b, 3=c":     {0, 1, 2},
		"Susa=b, 1=a, 3=c":        {0, 1, 2},
	} {
		if r, err := typed(q, in); err != nil || !slices.Equal(r.Matches, want) {
			t.Errorf("%q: %v, %v; want %v", in, r.Matches, err, want)
		}
	}
	// In a sheet's mapping too, the attack's own answer.
	v := Value{Kind: Mapping, Pairs: [][2]string{{"SUSA", "Iran"}, {"Şuşa", "Shushi"}, {"Agdam", "Ağdam"}}, Line: 4, PairLines: []int{5, 6, 7}}
	if r, err := q.Resolve(v, nil); err != nil || !slices.Equal(r.Matches, []int{0, 1, 2}) {
		t.Errorf("mapping: %v, %v", r.Matches, err)
	}
	// Neither exact nor case decides: ambiguous, both named, with the pairs that cannot be misread.
	for in, want := range map[string]string{
		"Suşa=a": `left side "Suşa" could be 1) "Şuşa" or 2) "Susa", which differ only in accents, case or punctuation; write 1)=a for the first or 2)=a for the second`,
		"sUşA=a": `left side "sUşA" could be 1) "Şuşa" or 2) "Susa", which differ only in accents, case or punctuation; write 1)=a for the first or 2)=a for the second`,
	} {
		if _, err := typed(q, in); err == nil || err.Error() != want {
			t.Errorf("%q: err = %v\nwant %s", in, err, want)
		}
	}
	// Right sides and choices alike: lettered.
	r := &Question{Type: Match, Pairs: []Pair{{"Khojaly", "Şuşa"}, {"Stepanakert", "Susa"}}}
	if _, err := typed(r, "1=Suşa"); err == nil || err.Error() != `right side of "1": "Suşa" could be a) "Şuşa" or b) "Susa", which differ only in accents, case or punctuation; write 1=a) for the first or 1=b) for the second` {
		t.Errorf("right side: %v", err)
	}
	if got, err := typed(r, "1=susa 2=ŞUŞA"); err != nil || !slices.Equal(got.Matches, []int{1, 0}) {
		t.Errorf("right sides by case: %v, %v", got.Matches, err)
	}
	c := &Question{Type: Single, Choices: []string{"Şuşa", "Susa", "Baku"}}
	if _, err := typed(c, "Suşa"); err == nil || err.Error() != `"Suşa" could be a) "Şuşa" or b) "Susa", which differ only in accents, case or punctuation; write a) for the first or b) for the second, or the text as printed` {
		t.Errorf("choice: %v", err)
	}
	for in, want := range map[string]int{"Şuşa": 0, "susa": 1, "şuşa": 0, "BAKU": 2} {
		if got, err := typed(c, in); err != nil || !slices.Equal(got.Choices, []int{want}) {
			t.Errorf("choice %q: %v, %v; want %d", in, got.Choices, err, want)
		}
	}
	// C++, C# and C: each by its own text, in any case.
	l := &Question{Type: Single, Choices: []string{"C++", "C#", "C"}}
	for in, want := range map[string]int{"c++": 0, "C#": 1, "c#": 1, "C": 2} {
		if got, err := typed(l, in); err != nil || !slices.Equal(got.Choices, []int{want}) {
			t.Errorf("language %q: %v, %v; want %d", in, got.Choices, err, want)
		}
	}
}
