package quiz

import (
	"slices"
	"strings"
	"testing"
)

// looseCase is one written answer, its reading and the note said about it.
type looseCase struct {
	in      string
	want    int    // a choice (as the bank orders them), 1/0 for True/False, the score of a number
	note    string // part of the note; "" for none
	wantErr string // part of the error; "" when read
}

func checkLoose(t *testing.T, q *Question, seed *uint64, number int, tests []looseCase) {
	t.Helper()
	for _, tt := range tests {
		r, note, err := readAtText(q, Typed(tt.in), seed, number)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s %q: %+v, err = %v; want the error %q", q.Type, tt.in, r, err, tt.wantErr)
			}
			continue
		}
		var got int
		switch q.Type {
		case TrueFalse:
			if r.Bool {
				got = 1
			}
		case Numeric:
			got = int(Score(q, r))
		default:
			got = -1
			if len(r.Choices) == 1 {
				got = r.Choices[0]
			}
		}
		if err != nil || !r.Answered || got != tt.want {
			t.Errorf("%s %q = %+v, %v; want %d", q.Type, tt.in, r, err, tt.want)
		}
		if tt.note == "" && note != "" || !strings.Contains(note, tt.note) {
			t.Errorf("%s %q: note %q, want %q", q.Type, tt.in, note, tt.note)
		}
		// The screen reads it as the sheet does (plain mode resolves each
		// line with Resolve).
		if r2, err2 := q.Resolve(Typed(tt.in), seed); err2 != nil || r2.Bool != r.Bool || len(r2.Choices) != len(r.Choices) {
			t.Errorf("%s %q: Resolve gives %+v, %v; ReadAt %+v", q.Type, tt.in, r2, err2, r)
		}
	}
}

// A year is written with the words that say it is one, in English and as
// the class's languages abbreviate them (teacher15 P5, P6): read as the
// year, with no warning, as "1994 year" always was. Two numbers, another
// word, or a word glued before the number are still refused.
func TestYearWithItsWords(t *testing.T) {
	year := &Question{Type: Numeric, Value: 1994, Unit: "year", Prompt: "In what year did the ceasefire begin?"}
	checkLoose(t, year, nil, 0, []looseCase{
		{in: "1994", want: 1},
		{in: "1994 year", want: 1},
		{in: "in 1994", want: 1},
		{in: "In 1994.", want: 1},
		{in: "in the year 1994", want: 1},
		{in: "the year 1994", want: 1},
		{in: "year 1994", want: 1},
		{in: "about 1994", want: 1},
		{in: "1994г", want: 1},
		{in: "1994 г.", want: 1},
		{in: "1994 Г.", want: 1},
		{in: "1994г.", want: 1},
		{in: "1994 год", want: 1},
		{in: "в 1994 году", want: 1},
		{in: "1994-cü il", want: 1},
		{in: "1994-cü il.", want: 1},
		{in: "1994-cü ildə", want: 1},
		{in: "1994-CÜ İL", want: 1},
		{in: "1994 il", want: 1},
		{in: "1994-cü", want: 1},
		{in: "1994 թ.", want: 1},
		{in: "1994թ.", want: 1},
		{in: "1994 թվականին", want: 1},
		{in: "1994 წ.", want: 1},
		{in: "in 1991", want: 0}, // read, and wrong
		{in: "1992 г.", want: 0},
		// Still refused: two numbers, another word, a mark that changes
		// the number, a word glued before it.
		{in: "in 1991 or 1994", wantErr: `expected a number`},
		{in: "1991-1994", wantErr: `expected a number`},
		{in: "1991г 1994г", wantErr: `expected a number`},
		{in: "in 1994 г 1995", wantErr: `expected a number`},
		{in: "1994 AD", wantErr: `write the number alone`},
		{in: "since 1994", wantErr: `expected a number`},
		{in: "in1994", wantErr: `expected a number`},
		{in: "1994%", wantErr: `expected a number`},
		{in: "1994 years ago", wantErr: `expected a number`},
		{in: "1994 городе", wantErr: `expected a number`},
		{in: "in", wantErr: `expected a number`},
	})
	// The question number before the year, as grade reads a sheet.
	if r, note, err := readAtText(year, Typed("6. in 1994"), nil, 6); err != nil || Score(year, r) != 1 || !strings.Contains(note, `read as "in 1994"`) {
		t.Errorf(`"6. in 1994" on question 6: %+v, %q, %v`, r, note, err)
	}
	if r, _, err := readAtText(year, Typed("6. 1994"), nil, 6); err != nil || Score(year, r) != 1 {
		t.Errorf(`"6. 1994" on question 6: %+v, %v`, r, err)
	}
	// Only a question that asks for a year: a count is never "in 350".
	people := &Question{Type: Numeric, Value: 350, Unit: "people"}
	years := &Question{Type: Numeric, Value: 5, Unit: "years"} // a number of years, not a year
	checkLoose(t, people, nil, 0, []looseCase{{in: "in 350", wantErr: `expected a number`}, {in: "350г", wantErr: `expected a number of people`}})
	checkLoose(t, years, nil, 0, []looseCase{{in: "in 5", wantErr: `expected a number`}, {in: "5 years", want: 1}})
}

// True or False with a reason after it (teacher15 P6) reads as its first
// word, with a note that the rest was not read. The word must be True,
// False, T or F, parted from the reason by ":", ",", ".", a spaced dash or
// "because"; a reason that hedges (the other answer, a negation, "or", a
// doubt, a question mark) is refused, and so is yes or no with a reason:
// each attacker form of attack15 #1 is listed.
func TestTrueFalseWithAReason(t *testing.T) {
	q := &Question{Type: TrueFalse, Truth: true}
	const refused = "type true or false"
	checkLoose(t, q, nil, 0, []looseCase{
		{in: "True", want: 1},
		{in: "True.", want: 1},
		{in: "False!", want: 0},
		{in: "True:", want: 1},
		{in: "No.", want: 0},
		{in: "Yes!", want: 1},
		{in: "True: Azerbaijani government", want: 1, note: `"True: Azerbaijani government" read as True, the words after it not read (next time, write True alone)`},
		{in: "False - it was 1994", want: 0, note: `read as False, the words after it not read (next time, write False alone)`},
		{in: "false – it was 1994", want: 0, note: "read as False"},
		{in: "False — it was 1994", want: 0, note: "read as False"},
		{in: "False- it was 1994", want: 0, note: "read as False"},
		{in: "TRUE because the article says so", want: 1, note: "read as True"},
		{in: "True, because Russia was", want: 1, note: "read as True"},
		{in: "T: Azerbaijani government", want: 1, note: "read as True"},
		{in: "F. It was 1994", want: 0, note: "read as False"},
		{in: "False , it was 1994", want: 0, note: "read as False"},
		// Refused: yes and no with a reason (a leading "No" starts
		// non-answers as often as answers).
		{in: "yes, the government", wantErr: refused},
		{in: "No, it was 1994", wantErr: refused},
		{in: "no - 1994", wantErr: refused},
		{in: "No, I dont know", wantErr: refused},
		{in: "No - skip", wantErr: refused},
		{in: "N - not sure", wantErr: refused},
		{in: "No (yes)", wantErr: refused},
		{in: "Yes, no", wantErr: refused},
		{in: "Yes (not sure)", wantErr: refused},
		{in: "No-one knows", wantErr: refused},
		{in: "N, Y", wantErr: refused},
		{in: "No, yes", wantErr: refused},
		{in: "No idea", wantErr: refused},
		{in: "no clue", wantErr: refused},
		{in: "yes it is", wantErr: refused},
		{in: "No?", wantErr: refused},
		// Refused: a reason that hedges.
		{in: "T, F", wantErr: refused},
		{in: "F (or T)", wantErr: refused},
		{in: "True, no", wantErr: refused},
		{in: "True. No.", wantErr: refused},
		{in: "True (no)", wantErr: refused},
		{in: "True - not really", wantErr: refused},
		{in: "True, not", wantErr: refused},
		{in: "True-ish", wantErr: refused},
		{in: "F; T", wantErr: refused},
		{in: "False - yes", wantErr: refused},
		{in: "True, I don't know", wantErr: refused},
		{in: "True: isn't it", wantErr: refused},
		{in: "True - never mind", wantErr: refused},
		{in: "True, or so they say", wantErr: refused},
		{in: "True, maybe", wantErr: refused},
		{in: "False - perhaps", wantErr: refused},
		{in: "True: I'm not sure", wantErr: refused},
		{in: "True - skip", wantErr: refused},
		{in: "True: the government?", wantErr: refused},
		{in: "True?", wantErr: refused},
		{in: "True? no", wantErr: refused},
		{in: "No. True", wantErr: refused},
		{in: "True or false", wantErr: refused},
		{in: "True/False", wantErr: refused},
		{in: "False, it is true that", wantErr: refused},
		{in: "false, wait, true", wantErr: refused},
		{in: "False (I guess true)", wantErr: refused},
		{in: "True (Azerbaijan says so)", wantErr: refused}, // a bracket is no reason mark: "F (or T)"
		{in: "True Azerbaijan", wantErr: refused},
		{in: "Truely", wantErr: refused},
		{in: "Tru", wantErr: refused},
		{in: "1: because", wantErr: refused},
		{in: "a - because", wantErr: refused},
		{in: "Not true", wantErr: refused},
		{in: "Untrue", wantErr: refused},
		{in: "maybe: yes", wantErr: refused},
	})
	// The question's number before a hedge is passed over, and the hedge
	// still refused.
	if _, _, err := readAtText(q, Typed("16 T, F"), nil, 16); err == nil {
		t.Error(`"16 T, F" on question 16 read`)
	}
	// With the question's number before it, on a sheet.
	if r, note, err := readAtText(q, Typed("8 False: it was 1994"), nil, 8); err != nil || r.Bool || !r.Answered || !strings.Contains(note, "read as False") {
		t.Errorf(`"8 False: it was 1994" on question 8: %+v, %q, %v`, r, note, err)
	}
	if _, _, err := readAtText(q, Typed("8 False: it was 1994"), nil, 0); err == nil {
		t.Error(`"8 False: it was 1994" read where the 8 may be another question's number`)
	}
}

// One whole word that begins one option's text and is in no other names
// that option (teacher15 P4: plain mode refused "Adviser"), as Normalize
// folds both, with a note. A word that only appears in an option, after its
// first word ("President", "Armenia": attack15 #2), is not read; a first
// word that another option also holds is refused, naming them; a short
// word, a number, a part of a word or a phrase is never read so.
func TestOneWordOfOneOption(t *testing.T) {
	role := &Question{Type: Single, Choices: []string{
		"Adviser to Armenia's president",
		"Researcher for Human Rights Watch",
		"Western journalist reporting from Khojaly (Xocalı)",
		"Journalist for the Minsk Group's newsletter",
	}, Correct: []int{0}}
	const none = "is not one of the options"
	checkLoose(t, role, nil, 0, []looseCase{
		{in: "Adviser", want: 0, note: `"Adviser" read as a) "Adviser to Armenia's president", the one option with that word (next time, write a) alone)`},
		{in: "adviser.", want: 0, note: "read as a)"},
		{in: "ADVISER", want: 0, note: "read as a)"},
		{in: "Researcher", want: 1, note: "read as b)"},
		{in: "Western", want: 2, note: "read as c)"},
		{in: "a", want: 0},                              // the label, as always
		{in: "Adviser to Armenia's president", want: 0}, // the text, as always
		{in: "Journalist", wantErr: `"Journalist" is a word of 2 options, c) "Western journalist reporting from Khojaly (Xocalı)" and d) "Journalist for the Minsk Group's newsletter"; write the letter of the one you mean`},
		// Words an option only mentions.
		{in: "President", wantErr: none},
		{in: "president?", wantErr: none},
		{in: "Armenia", wantErr: none},
		{in: "Watch", wantErr: none},
		{in: "Xocali", wantErr: none},
		{in: "Khojaly", wantErr: none},
		{in: "Minsk", wantErr: none},
		{in: "Advisor", wantErr: none},     // no spelling is forgiven
		{in: "Advise", wantErr: none},      // part of a word
		{in: "Advisers", wantErr: none},    // another word
		{in: "the", wantErr: none},         // too short
		{in: "Minsk Group", wantErr: none}, // two words
		{in: "Armenia's", wantErr: none},   // two words as folded
		{in: "Rights2", wantErr: none},
	})
	// A first word that another option holds later names both.
	lachin := &Question{Type: Single, Choices: []string{
		"Armenia took it in 1992",
		"It lay on the shortest road between Nagorno-Karabakh and Armenia",
		"Azerbaijan held it until 2020",
	}, Correct: []int{1}}
	checkLoose(t, lachin, nil, 0, []looseCase{
		{in: "Armenia", wantErr: `"Armenia" is a word of 2 options, a) "Armenia took it in 1992" and b) "It lay on the shortest road between Nagorno-Karabakh and Armenia"`},
		{in: "Azerbaijan", want: 2, note: "read as c)"},
		{in: "shortest", wantErr: none},
		{in: "Nagorno", wantErr: none},
	})
	// The letter in the note is the one shown, in a shuffled order.
	seed := uint64(3)
	d := slices.Index(role.OptionOrder(seed), 0)
	r, note, err := readAtText(role, Typed("Adviser"), &seed, 0)
	if err != nil || len(r.Choices) != 1 || r.Choices[0] != 0 || !strings.Contains(note, "read as "+letterOf(d)+")") {
		t.Errorf("seed 3: %+v, %q, %v; want a) shown as %s)", r, note, err, letterOf(d))
	}
	// With its question's number, on a sheet: question 4's word.
	if r, note, err := readAtText(role, Typed("4. Adviser"), nil, 4); err != nil || len(r.Choices) != 1 || r.Choices[0] != 0 || note == "" {
		t.Errorf(`"4. Adviser" on question 4: %+v, %q, %v`, r, note, err)
	}
	// A choose-all question: one word is one option; a list of words is
	// not read so.
	facts := &Question{Type: Multi, Choices: []string{
		"He was born in Azerbaijan",
		"He worked as a journalist in Baku in the early 2000s",
		"He is a professor at a Canadian university",
		"He worked as a journalist in Yerevan in the early 2000s",
	}, Correct: []int{0, 1, 2}}
	checkLoose(t, facts, nil, 0, []looseCase{
		{in: "Canadian", wantErr: "is not one of the options"}, // not a first word
		{in: "journalist", wantErr: "is not one of the options"},
		{in: "Baku", wantErr: "is not one of the options"},
	})
	tags := &Question{Type: Multi, Choices: []string{"Ceasefire of 1994", "Peace talks in Minsk", "Referendum of 1991"}, Correct: []int{0, 2}}
	checkLoose(t, tags, nil, 0, []looseCase{{in: "Referendum", want: 2, note: "read as c)"}})
	// A first word that says nothing of its option: "Both" (attack15 #2).
	risks := &Question{Type: Multi, Choices: []string{"Oil prices fell", "Both Armenia and Azerbaijan were arming themselves", "Some 30,000 people were killed"}, Correct: []int{1}}
	checkLoose(t, risks, nil, 0, []looseCase{
		{in: "Both", wantErr: "is not one of the options"},
		{in: "Some", wantErr: "is not one of the options"},
		{in: "Oil", wantErr: "is not one of the options"}, // too short
	})
	if _, err := facts.Resolve(Typed("Canadian, Baku"), nil); err == nil {
		t.Error(`"Canadian, Baku" read as a list of words`)
	}
	// Never for a short answer, an order or a match.
	short := &Question{Type: Short, Accept: []string{"Libaridian"}}
	if r, note, _ := readAtText(short, Typed("Adviser"), nil, 0); r.Text != "Adviser" || note != "" {
		t.Errorf("short answer: %+v, %q", r, note)
	}
}
