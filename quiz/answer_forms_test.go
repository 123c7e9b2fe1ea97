package quiz

import (
	"slices"
	"strings"
	"testing"
)

// resolveCase is one written answer and what it must read as: the
// response's choices (or sequence, or matches), or an error containing
// wantErr.
type resolveCase struct {
	in      string
	want    []int
	wantErr string
}

func checkResolved(t *testing.T, q *Question, number int, tests []resolveCase) {
	t.Helper()
	for _, tt := range tests {
		r, err := q.ResolveAt(Typed(tt.in), nil, number)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s %q (question %d): err = %v, want %q", q.Type, tt.in, number, err, tt.wantErr)
			}
			continue
		}
		got := r.Choices
		switch q.Type {
		case Order:
			got = r.Sequence
		case Match:
			got = r.Matches
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s %q (question %d) = %v, %v; want %v", q.Type, tt.in, number, got, err, tt.want)
		}
	}
}

// An option written with its label, as the test and the key print it, reads
// as that option when label and text agree, and is refused, naming both,
// when they do not (teacher4 A1).
func TestResolveLabelAndText(t *testing.T) {
	one := &Question{Type: Single, Choices: []string{"Georgia", "Iran", "Russia", "Turkey"}, Correct: []int{1}}
	checkResolved(t, one, 0, []resolveCase{
		{"b) Iran", []int{1}, ""},
		{"B) iran", []int{1}, ""},
		{"(b) Iran", []int{1}, ""},
		{"b. Iran", []int{1}, ""},
		{"b Iran", []int{1}, ""},
		{"2) Iran", []int{1}, ""},
		{"2)", []int{1}, ""},
		{"(b)", []int{1}, ""},
		{"b) Ir…", []int{1}, ""},
		{"b) Ir...", []int{1}, ""},
		{"b) Russia", nil, `b) and the text after it name different options: b) is "Iran", but "Russia" is the text of c); write b) or c) alone`},
		{"(c) Iran", nil, `(c) and the text after it name different options: (c) is "Russia", but "Iran" is the text of b); write c) or b) alone`},
		{"3. Iran", nil, `"3. Iran" begins with 3, which may be a question's number; write the answer alone (Iran)`},
		{"b) Tehran", nil, `b) is "Iran", and "Tehran" is neither its text nor its start, nor any other option's; write b) alone, or the option's text as printed`},
		{"b) Ru…", nil, `b) and the text after it name different options: b) is "Iran", but "Ru…" is how c) "Russia" begins; write b) or c) alone`},
		{"b) Ru", nil, `but "Ru" is how c) "Russia" begins`},
		// attack14 #1: one or two letters are too little of a text to
		// read as it cut short (6a3fa35 refused them too); three do.
		{"b) Ir", nil, `b) is "Iran", and "Ir" is too little of its text to read as it; write b) alone, or the option's text as printed`},
		{"(b) i", nil, "too little of its text"},
		{"(b) ira", []int{1}, ""},
		{"b Tehran", nil, `"b Tehran" is not one of the options`},
		{"e) Iran", nil, `"e) Iran" is not one of the options`},
	})
	// review22 #3: a text that begins several other options names them,
	// never "nor any other option's".
	starts := &Question{Type: Single, Choices: []string{"Iran", "Russia", "Turkey", "Iraq"}, Correct: []int{0}}
	checkResolved(t, starts, 0, []resolveCase{
		{"b) i", nil, `b) is "Russia", but "i" is how a) and d) begin; write b) alone, or the option's text as printed`},
		{"b) Ira", nil, `but "Ira" is how a) and d) begin`},
		{"b) Tur", nil, `b) and the text after it name different options: b) is "Russia", but "Tur" is how c) "Turkey" begins`},
	})

	all := &Question{Type: Multi, Choices: []string{
		"Some one million people forced from their homes",
		"613 civilians killed at Khojaly (Xocalı), including 106 women and 63 children",
		"Nagorno-Karabakh is about one fifth of Azerbaijan's total area",
		"Some 30,000 people killed; most of them soldiers",
	}, Correct: []int{0, 1}}
	checkResolved(t, all, 0, []resolveCase{
		{"a) Some one million people forced from their homes; b) 613 civilians killed at Khojaly (Xocalı), including 106 women and 63 children", []int{0, 1}, ""},
		{"a) Some one million people forced from their homes, b) 613 civilians killed at Khojaly (Xocalı), including 106 women and 63 children, d) Some 30,000 people killed; most of them soldiers", []int{0, 1, 3}, ""},
		{"613 civilians killed at Khojaly (Xocalı), including 106 women and 63 children; Some 30,000 people killed; most of them soldiers", []int{1, 3}, ""},
		{"a; b", []int{0, 1}, ""},
		{"a) Some one million people forced from their homes; c) 613 civilians killed at Khojaly (Xocalı), including 106 women and 63 children", nil, `c) and the text after it name different options: c) is "Nagorno-Karabakh is about one fifth of Azerbaijan's total area", but "613 civilians killed at Khojaly (Xocalı), including 106 women and 63 children" is the text of b)`},
	})
	// attack14 #1: labels run together are labels, never a text cut short,
	// though c's letter is how a's text begins.
	flee := &Question{Type: Multi, Choices: []string{
		"Civilians tried to flee the battle zone",
		"There is little disagreement about the fate of its civilians",
		"An international court has ruled that the killings were genocide",
		"Armenia's government has formally apologised",
	}, Correct: []int{0, 1}}
	glued := `"c" after a) is a label, not a text; write the labels apart, "a), c)", or a) alone`
	checkResolved(t, flee, 0, []resolveCase{
		{"a)c", nil, glued},
		{"a)c)", nil, `"c)" after a) is a label, not a text; write the labels apart, "a), c)", or a) alone`},
		{"(a)c", nil, `"c" after (a) is a label`},
		{"a.c", nil, `"c" after a. is a label`},
		{"a:c", nil, `"c" after a: is a label`},
		{"a: c", nil, `"c" after a: is a label`},
		{"a)/c", nil, `"/c" after a) is a label`},
		{"a)&c", nil, `"&c" after a) is a label`},
		{"a)3", nil, `"3" after a) is a label, not a text; write the labels apart, "a), 3)", or a) alone`},
		{"a) + c", nil, `"+" is not one of the options`},
		{"a)d", nil, `"d" after a) is a label`},
		{"a),c", []int{0, 2}, ""},
		{"a) c", []int{0, 2}, ""},
		{"a. c", []int{0, 2}, ""},
		{"a) Civ", []int{0}, ""},
		{"a) C", []int{0, 2}, ""},
	})
	single := &Question{Type: Single, Choices: flee.Choices, Correct: []int{0}}
	checkResolved(t, single, 0, []resolveCase{{"a)c", nil, `"c" after a) is a label, not a text; write a) alone`}})

	// A YAML list splits at its commas, inside a text as between texts.
	r, err := all.Resolve(Value{Kind: List, List: []string{"b) 613 civilians killed at Khojaly (Xocalı)", "including 106 women and 63 children", "a"}}, nil)
	if err != nil || !slices.Equal(r.Choices, []int{1, 0}) {
		t.Errorf("a list split inside a text: %v, %v", r.Choices, err)
	}
}

// An order and a match as the key prints them: numbers (pairs) and then
// texts, which must agree; or the texts alone.
func TestResolveKeyFormsOfOrderAndMatch(t *testing.T) {
	order := &Question{Type: Order, Items: []string{"Sumgait pogrom", "Khojaly massacre", "Bishkek Protocol"}}
	checkResolved(t, order, 0, []resolveCase{
		{"1, 2, 3: Sumgait pogrom → Khojaly massacre → Bishkek Protocol", []int{0, 1, 2}, ""},
		{"Sumgait pogrom → Khojaly massacre → Bishkek Protocol", []int{0, 1, 2}, ""},
		{"Sumgait pogrom; Khojaly massacre; Bishkek Protocol", []int{0, 1, 2}, ""},
		{"1) Sumgait pogrom, 2) Khojaly massacre, 3) Bishkek Protocol", []int{0, 1, 2}, ""},
		{"2, 1, 3: Sumgait pogrom → Khojaly massacre → Bishkek Protocol", nil, "contradicts itself: the numbers before the colon give one order, the texts after it another"},
		{"1, 2: Sumgait pogrom → Khojaly massacre", nil, "put all 3 items in order"},
	})
	match := &Question{Type: Match, Pairs: []Pair{
		{Left: "An offensive; more than 100,000 flee", Right: "September 2023"},
		{Left: "Lachin road blocked", Right: "December 2022; for ten months"},
	}}
	checkResolved(t, match, 0, []resolveCase{
		{"1=a, 2=b: An offensive; more than 100,000 flee = September 2023; Lachin road blocked = December 2022; for ten months", []int{0, 1}, ""},
		{"Lachin road blocked = December 2022; for ten months; An offensive; more than 100,000 flee = September 2023", []int{0, 1}, ""},
		{"1=b, 2=a: An offensive; more than 100,000 flee = September 2023; Lachin road blocked = December 2022; for ten months", nil, "contradicts itself: the pairs before the colon and the texts after it differ"},
	})
}

// A number as students write it on the test's blank, with its unit or
// "about" before it; the question's tolerance decides how close is right.
func TestParseNumericAsWritten(t *testing.T) {
	people := &Question{Type: Numeric, Value: 350, Unit: "people"}
	tol := &Question{Type: Numeric, Value: 350, Tol: 10, Unit: "civilians"}
	year := &Question{Type: Numeric, Value: 1992, Unit: "year"}
	days := &Question{Type: Numeric, Value: 5, Unit: "days"}
	bare := &Question{Type: Numeric, Value: 613}
	thousands := &Question{Type: Numeric, Value: 30000, Unit: "people"}
	pi := &Question{Type: Numeric, Value: 3.142}
	anniversary := &Question{Type: Numeric, Value: 28, Prompt: "According to the article, which anniversary of the killings at Khojaly (Xocalı) were Azeris marking? Give the number."}
	clashes := &Question{Type: Numeric, Value: 350, Unit: "people", Prompt: "By the estimate the article gives, how many soldiers and civilians were killed?"}
	toll := &Question{Type: Numeric, Value: 613, Unit: "civilians", Prompt: "According to the Azerbaijani government's figure, how many civilians were killed at Khojaly (Xocalı)?"}
	soviet := &Question{Type: Numeric, Value: 1922, Unit: "year", Prompt: `The article asks "What was the Soviet Union?" In what year was the Soviet Union founded?`}
	tests := []struct {
		q       *Question
		in      string
		score   float64
		wantErr string
	}{
		{people, "350 people", 1, ""},
		// Digit groups (attack10 #8): spaces only between thousands; a dot
		// before three digits, with a whole key, may be thousands or
		// decimals, so the student is asked how it was meant.
		{thousands, "30 000", 1, ""},
		{thousands, "30,000", 1, ""},
		{thousands, "30000 people", 1, ""},
		{thousands, "30 000 people", 1, ""},
		{thousands, "30.000", 0, `expected a number, found "30.000": a dot marks decimals; for thousands write 30000 or 30,000`},
		{thousands, "about 30.000 people", 0, `found "about 30.000 people": a dot marks decimals; for thousands write 30000 or 30,000`},
		{thousands, "30.0", 0, ""},
		{pi, "3.142", 1, ""},
		{bare, "6 13", 0, `expected a number, found "6 13"`},
		{bare, "613 613", 0, `expected a number, found "613 613"`},
		{year, "1 9 9 1", 0, `expected a number, found "1 9 9 1"`},
		{year, "19 91", 0, `expected a number, found "19 91"`},
		{bare, "613.000", 0, `a dot marks decimals; for thousands write 613000 or 613,000`},
		{bare, "613.0", 1, ""},
		// A comparison is not a number (attack11 #5: "> 30000" was read
		// as 30000, exactly right): refused, never read as its bound.
		{thousands, "> 30000", 0, `expected a number, found "> 30000": a comparison is not a number; write the number alone`},
		{thousands, ">30000", 0, `a comparison is not a number`},
		{thousands, "< 30,000", 0, `a comparison is not a number`},
		{thousands, ">= 30000 people", 0, `a comparison is not a number`},
		{people, "350 People", 1, ""},
		{people, "350people", 1, ""},
		{people, "350 persons", 1, ""},
		{people, "~350", 1, ""},
		{people, "≈ 350", 1, ""},
		{people, "about 350 people", 1, ""},
		{people, "About 350", 1, ""},
		{people, "c. 350", 1, ""},
		{people, "approx. 350", 1, ""},
		{people, "~351", 0, ""}, // tolerance 0: about 351 is not 350
		{people, "350 soldiers", 0, `expected a number of people, found "350 soldiers": write the number alone, or with "people" after it`},
		// The noun the question asks about reads as its unit does, and so
		// does one joined to it (teacher11 P9: clashes-2016 asks "how many
		// soldiers and civilians", its unit is people); any other noun is
		// not read, on paper as on the screen: "613 people" when the
		// paper prints "____ civilians", "350 dead".
		{clashes, "350 soldiers", 1, ""},
		{clashes, "350 civilians", 1, ""},
		{clashes, "350 people", 1, ""},
		{clashes, "350 dead", 0, `expected a number of people, found "350 dead": write the number alone, or with "people" after it`},
		{clashes, "350 and", 0, `found "350 and"`},
		{toll, "613 civilians", 1, ""},
		{toll, "613 people", 0, `expected a number of civilians, found "613 people": write the number alone, or with "civilians" after it`},
		{toll, "613 women", 0, `expected a number of civilians`},
		{people, "about", 0, `expected a number, found "about"`},
		{tol, "350 (± 10) civilians", 1, ""},
		{tol, "~358 civilian", 1, ""},
		{tol, "350 (± 50)", 0, "write the number alone (how close counts as right is the question's to say)"},
		{year, "1992", 1, ""},
		{year, "1992 year", 1, ""},
		{year, "1992 AD", 0, `expected a number, found "1992 AD": write the number alone`},
		{days, "5 day", 1, ""},
		{days, "5 Days", 1, ""},
		{bare, "613 people", 0, `expected a number, found "613 people": write the number alone`},
		// An ordinal, as "which anniversary" is answered (teacher7 P2).
		{anniversary, "28th", 1, ""},
		{anniversary, "28TH", 1, ""},
		{anniversary, "about 28th", 1, ""},
		{anniversary, "28 th", 0, `expected a number, found "28 th": write the number alone`},
		{anniversary, "28.5th", 0, `expected a number, found "28.5th"`},
		{anniversary, "28thousand", 0, `expected a number, found "28thousand"`},
		// The noun the prompt asks about, "the" before, a sentence's end
		// after: read as the number (attack9 #4).
		{anniversary, "28th anniversary", 1, ""},
		{anniversary, "28th Anniversary.", 1, ""},
		{anniversary, "the 28th anniversary", 1, ""},
		{anniversary, "The 28th", 1, ""},
		{anniversary, "the 28th", 1, ""},
		{anniversary, "28th.", 1, ""},
		{anniversary, "28th!", 1, ""},
		{anniversary, "28.", 1, ""},
		{anniversary, "28 anniversary", 1, ""},
		{anniversary, "28 anniversaries", 1, ""},
		{anniversary, "about the 28th anniversary", 1, ""},
		{anniversary, "27th anniversary", 0, ""},
		{anniversary, "28th killings", 0, `expected a number, found "28th killings": write the number alone`},
		{anniversary, "28th year", 0, `expected a number, found "28th year": write the number alone`},
		{anniversary, "the", 0, `expected a number, found "the"`},
		{anniversary, "28 the", 0, `expected a number, found "28 the": write the number alone`},
		{anniversary, "28th anniversary of Khojaly", 0, "write the number alone"},
		{soviet, "1922 year", 1, ""},
		{soviet, "1922.", 1, ""},
		{soviet, "1922 was", 0, "write the number alone"},
		{soviet, "1922 Soviet", 0, "write the number alone"},
		{people, "350 people.", 1, ""},
		{people, "the 350 people", 1, ""},
		// An ordinal's suffix is the number's own.
		{anniversary, "28st", 0, `expected a number, found "28st": 28 as an ordinal is 28th`},
		{anniversary, "28rd anniversary", 0, `28 as an ordinal is 28th`},
		{&Question{Type: Numeric, Value: 1}, "1st", 1, ""},
		{&Question{Type: Numeric, Value: 2}, "2nd", 1, ""},
		{&Question{Type: Numeric, Value: 3}, "3rd", 1, ""},
		{&Question{Type: Numeric, Value: 4}, "4th", 1, ""},
		{&Question{Type: Numeric, Value: 11}, "11th", 1, ""},
		{&Question{Type: Numeric, Value: 11}, "11st", 0, "11 as an ordinal is 11th"},
		{&Question{Type: Numeric, Value: 12}, "12th", 1, ""},
		{&Question{Type: Numeric, Value: 12}, "12nd", 0, "12 as an ordinal is 12th"},
		{&Question{Type: Numeric, Value: 13}, "13th", 1, ""},
		{&Question{Type: Numeric, Value: 21}, "21st", 1, ""},
		{&Question{Type: Numeric, Value: 21}, "21th", 0, "21 as an ordinal is 21st"},
		{&Question{Type: Numeric, Value: 22}, "22nd", 1, ""},
		{&Question{Type: Numeric, Value: 23}, "23rd", 1, ""},
		{&Question{Type: Numeric, Value: 111}, "111th", 1, ""},
		{&Question{Type: Numeric, Value: 1923}, "1,923rd", 1, ""},
		{&Question{Type: Numeric, Value: 1923}, "1,923th", 0, "1,923 as an ordinal is 1,923rd"},
		{people, "1st", 0, ""},
		{days, "5th day", 1, ""},
		{year, "1992nd", 1, ""},
	}
	for _, tt := range tests {
		r, err := tt.q.Resolve(Typed(tt.in), nil)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q (unit %q): err = %v, want %q", tt.in, tt.q.Unit, err, tt.wantErr)
			}
			continue
		}
		if err != nil || Score(tt.q, r) != tt.score || r.Text != tt.in {
			t.Errorf("%q (unit %q): %+v, %v, score %v; want score %v and the text kept as written", tt.in, tt.q.Unit, r, err, Score(tt.q, r), tt.score)
		}
	}
}

// A text answer written blank is no answer, on a sheet ("" or spaces) as
// typed: unanswered and scored 0, never unreadable, a numeric one as a short
// one (teacher7 P2).
func TestBlankTextAnswerIsNoAnswer(t *testing.T) {
	for _, q := range []*Question{
		{Type: Numeric, Value: 28},
		{Type: Short, Accept: []string{"Khojaly"}},
		{Type: Open, Model: "A union."},
	} {
		for _, v := range []Value{{Kind: Empty}, {Kind: Scalar, Text: ""}, {Kind: Scalar, Text: "  "}, Typed(" ")} {
			r, err := q.Resolve(v, nil)
			if err != nil || r.Answered || Score(q, r) != 0 {
				t.Errorf("%s, %#v: %+v, %v; want unanswered, no error", q.Type, v, r, err)
			}
		}
	}
}

// The question's number before a choice, as students number their answers
// on paper: read as that only when it is this question's number.
func TestResolveQuestionNumberBeforeTheAnswer(t *testing.T) {
	one := &Question{Type: Single, Choices: []string{"Georgia", "Iran", "Russia", "Turkey"}, Correct: []int{1}}
	checkResolved(t, one, 5, []resolveCase{
		{"5 a", []int{0}, ""},
		{"5a", []int{0}, ""},
		{"5. b", []int{1}, ""},
		{"5) b", []int{1}, ""},
		{"5: b", []int{1}, ""},
		{"Q5 b", []int{1}, ""},
		{"5 b) Iran", []int{1}, ""},
		{"5 Iran", []int{1}, ""},
		{"7 a", nil, `"7 a" begins with 7, but this is question 5; write the answer alone (a), under its own question's id`},
		{"9b", nil, `"9b" begins with 7`[:13]},
		{"5 e", nil, `"e" is not one of the options`},
		{"613 civilans", nil, `"613 civilans" is not one of the options`},
	})
	// Where the number is not known (the prompt, a report), it is refused.
	checkResolved(t, one, 0, []resolveCase{
		{"5 a", nil, `"5 a" begins with 5, which may be a question's number; write the answer alone (a)`},
	})
	tf := &Question{Type: TrueFalse, Truth: true}
	if r, err := tf.ResolveAt(Typed("8 T"), nil, 8); err != nil || !r.Bool {
		t.Errorf("8 T on question 8: %+v %v", r, err)
	}
	if _, err := tf.ResolveAt(Typed("8 T"), nil, 3); err == nil || !strings.Contains(err.Error(), "but this is question 3") {
		t.Errorf("8 T on question 3: %v", err)
	}
	// A choose-all question: "2 a" could be question 2's a, or options 2
	// and a. With four options 5 is no option: question 5's a and c.
	many := &Question{Type: Multi, Choices: []string{"Georgia", "Iran", "Russia", "Turkey"}, Correct: []int{1}}
	checkResolved(t, many, 2, []resolveCase{
		{"2 a, c", nil, `"2 a, c" could be question 2's answer a, c or the options 2 and a, c; write a, c for the first`},
		{"2 b", []int{1}, ""}, // both readings are b
	})
	checkResolved(t, many, 5, []resolveCase{
		{"5 a, c", []int{0, 2}, ""},
		{"5 b) Iran; c) Russia", []int{1, 2}, ""},
		{"2 a, c", []int{1, 0, 2}, ""}, // options 2, a and c, as ever
	})
}

// Whatever is written, reading it never panics, and what it reads as is
// one of the question's own options.
func FuzzResolveWritten(f *testing.F) {
	for _, s := range []string{"b) Iran", "5 a", "9b", "~350 people", "350 (± 10) people", "a) x; c) y", "1, 2: a → b", "1=a: x = y; z", "(b)", "Q5: T", "c. 3"} {
		f.Add(s, 5)
	}
	qs := []*Question{
		{Type: Single, Choices: []string{"Georgia", "Iran", "b) x", "a; b, c"}, Correct: []int{1}},
		{Type: Multi, Choices: []string{"x, y", "z; w", "a", "5"}, Correct: []int{0}},
		{Type: Order, Items: []string{"A", "B; C", "D, E"}},
		{Type: Match, Pairs: []Pair{{Left: "x; y", Right: "1 = 2"}, {Left: "z", Right: "w; v"}}},
		{Type: Numeric, Value: 350, Tol: 10, Unit: "people"},
		{Type: TrueFalse, Truth: true},
	}
	f.Fuzz(func(t *testing.T, s string, number int) {
		for _, q := range qs {
			r, err := q.ResolveAt(Typed(s), nil, number)
			if err != nil {
				continue
			}
			for _, i := range append(append(slices.Clone(r.Choices), r.Sequence...), r.Matches...) {
				if i < -1 || i >= max(len(q.Choices), len(q.Items), len(q.Pairs)) {
					t.Fatalf("%q read as %+v", s, r)
				}
			}
			_ = Score(q, r)
		}
	})
}

// An option copied with its label and its text cut short, as a student
// copies from the paper ("(a) It said the Azeri population"), reads as the
// label when the text is how that option's text begins, as Normalize folds
// both, with a note for a warning; it is refused, naming the option the
// text does begin, when that is another one (teacher13 P7, teacher14 P12).
func TestResolveLabelAndTextCutShort(t *testing.T) {
	q := &Question{Type: Single, Choices: []string{
		"It said the Azeri population of the region was not allowed to take part",
		"It said the United Nations had not supervised the count",
		"It said the turnout was too low for the result to be valid",
		"It said the vote had been organised from Yerevan",
	}, Correct: []int{0}}
	for _, tt := range []struct {
		in      string
		want    int
		note    string // part of the note; "" for none
		wantErr string
	}{
		{"(a) It said the Azeri population", 0, `"(a) It said the Azeri population" read as a) "It said the Azeri population of the region was not allowed to take part", its text cut short (next time, write a) alone)`, ""},
		{"a) it said the AZERI population,", 0, "its text cut short", ""},
		{"a. It said the Azeri popul", 0, "its text cut short", ""},
		{"d) It said the", 3, "its text cut short", ""}, // the start of every option: the letter decides
		{"a) It said the Azeri population…", 0, "", ""}, // an ellipsis says it was cut: no warning
		{"a) It said the Azeri population of the region was not allowed to take part", 0, "", ""},
		{"b) It said the Azeri population", -1, "", `b) and the text after it name different options: b) is "It said the United Nations had not supervised the count", but "It said the Azeri population" is how a) "It said the Azeri population of the region was not allowed to take part" begins; write b) or a) alone`},
		{"(c) It said the vote", -1, "", `but "It said the vote" is how d) "It said the vote had been organised from Yerevan" begins`},
		{"c) It said the referendum", -1, "", `c) is "It said the turnout was too low for the result to be valid", and "It said the referendum" is neither its text nor its start, nor any other option's`},
		{"a It said the Azeri population", -1, "", `is not one of the options`}, // no bracket: perhaps no label
	} {
		r, notes, err := q.ReadAt(Typed(tt.in), nil, 0)
		note := noteText(notes)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err = %v, want %q", tt.in, err, tt.wantErr)
			}
			if err != nil && strings.Count(err.Error(), `"`+"It said the Azeri population"+`"`) > 1 {
				t.Errorf("%q: a piece quoted twice: %v", tt.in, err)
			}
			continue
		}
		if err != nil || len(r.Choices) != 1 || r.Choices[0] != tt.want {
			t.Errorf("%q = %v, %v; want option %d", tt.in, r.Choices, err, tt.want)
		}
		if tt.note == "" && note != "" || !strings.Contains(note, tt.note) {
			t.Errorf("%q: note %q, want %q", tt.in, note, tt.note)
		}
	}
	// review22 #4: a choose-all answer with two parts cut short gets a
	// note for each, not only the last.
	all := &Question{Type: Multi, Choices: q.Choices, Correct: []int{0, 1}}
	r, notes, err := all.ReadAt(Typed("a) It said the Azeri, b) It said the United"), nil, 0)
	if err != nil || !slices.Equal(r.Choices, []int{0, 1}) {
		t.Fatalf("two parts cut short = %v, %v; want [0 1]", r.Choices, err)
	}
	// attack14 #8: each its own note, so each its own warning.
	if len(notes) != 2 || !strings.HasPrefix(notes[0].Msg, `"a) It said the Azeri" read as a)`) || !strings.HasPrefix(notes[1].Msg, `"b) It said the United" read as b)`) {
		t.Errorf("two parts cut short: notes %q, want one for a) and one for b)", notes)
	}
	// An order's items are named by their numbers, as the sheet numbers
	// them, in the note and in a refusal.
	order := &Question{Type: Order, Items: []string{"Armenia and Azerbaijan win independence", "Khojaly falls", "A ceasefire ends the war", "The UN calls for withdrawal"}}
	r, notes, err = order.ReadAt(Typed("4) The UN, 1) Armenia, 2) Khojaly, 3) A ceasefire"), nil, 0)
	if err != nil || !slices.Equal(r.Sequence, []int{3, 0, 1, 2}) || len(notes) != 4 {
		t.Fatalf("order cut short = %v, %v, %q", r.Sequence, err, notes)
	}
	if want := `"4) The UN" read as 4) "The UN calls for withdrawal", its text cut short (next time, write 4) alone)`; notes[0].Msg != want {
		t.Errorf("order note %q, want %q", notes[0].Msg, want)
	}
	if _, _, err := order.ReadAt(Typed("4)3, 1, 2, 3"), nil, 0); err == nil || !strings.Contains(err.Error(), "write 4) alone") {
		t.Errorf("4)3: %v, want the item named 4)", err)
	}
	// "c) i, d) r" and "[c) I, d) R]" get one verdict, in the same words.
	powers := &Question{Type: Multi, Choices: []string{"Turkey", "Georgia", "Iran", "Russia"}, Correct: []int{0, 2, 3}}
	_, _, errPlain := powers.ReadAt(Typed("c) i, d) r"), nil, 0)
	_, _, errList := powers.ReadAt(Value{Kind: List, List: []string{"c) I", "d) R"}}, nil, 0)
	if errPlain == nil || errList == nil || !strings.Contains(errPlain.Error(), `c) is "Iran", and "i" is too little of its text`) ||
		!strings.Contains(errList.Error(), `c) is "Iran", and "I" is too little of its text`) {
		t.Errorf("c) i, d) r: %v; [c) I, d) R]: %v", errPlain, errList)
	}
}

// readAtText is Question.ReadAt with its notes in one line, for tests that
// look for words in them.
func readAtText(q *Question, v Value, seed *uint64, number int) (Response, string, error) {
	r, notes, err := q.ReadAt(v, seed, number)
	return r, noteText(notes), err
}

// noteText is ReadAt's notes' messages in one line, for tests that look for
// words in them.
func noteText(notes []Problem) string {
	msgs := make([]string, len(notes))
	for i, n := range notes {
		msgs[i] = n.Msg
	}
	return strings.Join(msgs, "; ")
}
