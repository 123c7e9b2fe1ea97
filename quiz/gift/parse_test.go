package gift

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"go.yaml.in/yaml/v3"
)

// One case per GIFT construct: the questions it must give, and the warnings
// (a substring of each, in order; no others).
var constructs = []struct {
	name  string
	src   string
	want  []*quiz.Question
	warns []string
}{
	{
		name: "comments are dropped",
		src:  "// a comment\n::c:: 1+1=2\n// inside a question\n{T}\n",
		want: []*quiz.Question{{ID: "c", Type: quiz.TrueFalse, Prompt: "1+1=2", Truth: true, Line: 2}},
	},
	{
		name: "category becomes a tag on the questions after it",
		src:  "::a:: Before {T}\n\n$CATEGORY: $course$/top/History/Caucasus Wars\n\n::b:: After {F}\n\n$CATEGORY: $course$/top\n\n::c:: Top {T}\n",
		want: []*quiz.Question{
			{ID: "a", Type: quiz.TrueFalse, Prompt: "Before", Truth: true, Line: 1},
			{ID: "b", Type: quiz.TrueFalse, Prompt: "After", Tags: []string{"caucasus-wars"}, Line: 5},
			{ID: "c", Type: quiz.TrueFalse, Prompt: "Top", Truth: true, Line: 9},
		},
	},
	{
		name: "title becomes a slugged id",
		src:  "::Grant's Tomb:: Who is buried there? {=Grant ~Lee}\n\n::already-an_id:: Q {T}\n",
		want: []*quiz.Question{
			{ID: "grant-s-tomb", Type: quiz.Single, Prompt: "Who is buried there?", Choices: []string{"Grant", "Lee"}, Correct: []int{0}, Line: 1},
			{ID: "already-an_id", Type: quiz.TrueFalse, Prompt: "Q", Truth: true, Line: 3},
		},
	},
	{
		name: "untitled questions are numbered by position",
		src:  "First {T}\n\n::named:: Second {F}\n\nThird {T}\n",
		want: []*quiz.Question{
			{ID: "q1", Type: quiz.TrueFalse, Prompt: "First", Truth: true, Line: 1},
			{ID: "named", Type: quiz.TrueFalse, Prompt: "Second", Line: 3},
			{ID: "q3", Type: quiz.TrueFalse, Prompt: "Third", Truth: true, Line: 5},
		},
	},
	{
		name: "format prefixes are stripped",
		src:  "::a::[markdown]**Bold** claim {T}\n\n::b::[plain] Plain {T}\n\n::c::[moodle]Moodle {=x ~[plain]y}\n",
		want: []*quiz.Question{
			{ID: "a", Type: quiz.TrueFalse, Prompt: "**Bold** claim", Truth: true, Line: 1},
			{ID: "b", Type: quiz.TrueFalse, Prompt: "Plain", Truth: true, Line: 3},
			{ID: "c", Type: quiz.Single, Prompt: "Moodle", Choices: []string{"x", "y"}, Correct: []int{0}, Line: 5},
		},
	},
	{
		name:  "html loses its tags, with a warning",
		src:   "::h::[html]<p>Is <b>Baku</b> the capital?</p><p>Tom &amp; Jerry</p>{T####<i>Yes</i>.}\n",
		want:  []*quiz.Question{{ID: "h", Type: quiz.TrueFalse, Prompt: "Is Baku the capital?\nTom & Jerry", Truth: true, Explanation: "Yes.", Line: 1}},
		warns: []string{`t.gift:1: warning: question "h": [html]: tags removed`},
	},
	{
		name:  "an unknown format prefix is kept, with a warning",
		src:   "::u::[latex] x^2 {T}\n",
		want:  []*quiz.Question{{ID: "u", Type: quiz.TrueFalse, Prompt: "[latex] x^2", Truth: true, Line: 1}},
		warns: []string{`t.gift:1: warning: question "u": unknown format [latex]: kept as text`},
	},
	{
		name: "multiple choice with one right answer is single",
		src:  "Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}\n",
		want: []*quiz.Question{{ID: "q1", Type: quiz.Single, Prompt: "Who's buried in Grant's tomb?", Choices: []string{"Grant", "Jefferson", "no one"}, Correct: []int{2}, Line: 1}},
	},
	{
		name: "answers on lines of their own",
		src:  "Japanese characters originally\ncame from what country? {\n    ~India\n    =China\n    ~Korea\n}\n",
		want: []*quiz.Question{{ID: "q1", Type: quiz.Single, Prompt: "Japanese characters originally\ncame from what country?", Choices: []string{"India", "China", "Korea"}, Correct: []int{1}, Line: 1}},
	},
	{
		name: "per-answer feedback is folded into the explanation",
		src:  "::fb:: Between orange and green? { =yellow # right; good! ~red # wrong, it's yellow ~blue }\n",
		want: []*quiz.Question{{ID: "fb", Type: quiz.Single, Prompt: "Between orange and green?", Choices: []string{"yellow", "red", "blue"}, Correct: []int{0},
			Explanation: "If you chose yellow: right; good!\nIf you chose red: wrong, it's yellow", Line: 1}},
	},
	{
		name: "general feedback is the explanation, before per-answer feedback",
		src:  "::gf:: Capital? {=Baku#Yes ~Ganja ####Baku is on the Caspian.}\n",
		want: []*quiz.Question{{ID: "gf", Type: quiz.Single, Prompt: "Capital?", Choices: []string{"Baku", "Ganja"}, Correct: []int{0},
			Explanation: "Baku is on the Caspian.\nIf you chose Baku: Yes", Line: 1}},
	},
	{
		name: "weights of 100/k and -100/k are conflictq's own multi scoring: no warning",
		src:  "::m:: Seas? {~%50%Black Sea ~%50%Caspian Sea ~%-50%Red Sea}\n\n::m3:: Three? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-33.33333%d}\n",
		want: []*quiz.Question{
			{ID: "m", Type: quiz.Multi, Prompt: "Seas?", Choices: []string{"Black Sea", "Caspian Sea", "Red Sea"}, Correct: []int{0, 1}, Line: 1},
			{ID: "m3", Type: quiz.Multi, Prompt: "Three?", Choices: []string{"a", "b", "c", "d"}, Correct: []int{0, 1, 2}, Line: 3},
		},
	},
	{
		// Moodle adds the weights of the answers ticked: these exact weights.
		name: "weights with no = make a multi question, credit as weighted",
		src:  "What two people are entombed in Grant's tomb? {\n   ~%-100%No one\n   ~%50%Grant\n   ~%50%Grant's wife\n   ~Grant's father\n}\n",
		want: []*quiz.Question{{ID: "q1", Type: quiz.Multi, Prompt: "What two people are entombed in Grant's tomb?",
			Choices: []string{"No one", "Grant", "Grant's wife", "Grant's father"}, Correct: []int{1, 2}, Credit: []float64{-1, 0.5, 0.5, 0}, Line: 1}},
	},
	{
		// An = makes a single choice in Moodle; a ~%n% answer earns n%.
		name: "a partial-credit answer beside = is a single choice that earns part",
		src:  "::p:: Year? {=1994 ~%50%1993 ~%-25%2020}\n\nDifficult question.{~wrong answer ~%50%half credit answer =full credit answer}\n",
		want: []*quiz.Question{
			{ID: "p", Type: quiz.Single, Prompt: "Year?", Choices: []string{"1994", "1993", "2020"}, Correct: []int{0}, Credit: []float64{1, 0.5, -0.25}, Line: 1},
			{ID: "q2", Type: quiz.Single, Prompt: "Difficult question.", Choices: []string{"wrong answer", "half credit answer", "full credit answer"}, Correct: []int{2}, Credit: []float64{0, 0.5, 1}, Line: 3},
		},
		// Moodle subtracts a negative credit; conflictq does not (issue 12, W8).
		warns: []string{`question "p": choosing "2020" takes 25% of the mark away in Moodle; conflictq scores a question at least 0`},
	},
	{
		name: "one positive weight and no = is a multi question with one right answer",
		src:  "::w:: Year? {~%80%1994 ~%-25%2020}\n",
		want: []*quiz.Question{{ID: "w", Type: quiz.Multi, Prompt: "Year?", Choices: []string{"1994", "2020"}, Correct: []int{0}, Credit: []float64{0.8, -0.25}, Line: 1}},
	},
	{
		// Moodle: a single choice where each = answer earns full marks.
		name: "several = answers: a single choice where any of them is right",
		src:  "::e:: Spellings? {=Khojaly =Xocalı ~Baku}\n\n::s:: A season? {= spring = summer = winter = autumn ~ easter}\n",
		want: []*quiz.Question{
			{ID: "e", Type: quiz.Single, Prompt: "Spellings?", Choices: []string{"Khojaly", "Xocalı", "Baku"}, Correct: []int{0}, Credit: []float64{1, 1, 0}, Line: 1},
			{ID: "s", Type: quiz.Single, Prompt: "A season?", Choices: []string{"spring", "summer", "winter", "autumn", "easter"}, Correct: []int{0}, Credit: []float64{1, 1, 1, 1, 0}, Line: 3},
		},
	},
	{
		name:  "text before the first mark is a wrong answer, with a warning",
		src:   "::n:: Capital? {Ganja ~Yerevan =Baku}\n",
		want:  []*quiz.Question{{ID: "n", Type: quiz.Single, Prompt: "Capital?", Choices: []string{"Ganja", "Yerevan", "Baku"}, Correct: []int{2}, Line: 1}},
		warns: []string{`the answer "Ganja" has no '~' or '=' in front`},
	},
	{
		name: "true and false, short and long",
		src:  "A {T}\n\nB {TRUE}\n\nC {F}\n\nD {FALSE}\n\nE {true}\n",
		want: []*quiz.Question{
			{ID: "q1", Type: quiz.TrueFalse, Prompt: "A", Truth: true, Line: 1},
			{ID: "q2", Type: quiz.TrueFalse, Prompt: "B", Truth: true, Line: 3},
			{ID: "q3", Type: quiz.TrueFalse, Prompt: "C", Line: 5},
			{ID: "q4", Type: quiz.TrueFalse, Prompt: "D", Line: 7},
			// Moodle reads only capitals as true/false.
			{ID: "q5", Type: quiz.Short, Prompt: "E", Accept: []string{"true"}, Exact: true, Line: 9},
		},
		warns: []string{`t.gift:9: warning: question "q5": {true} is a short answer "true", as Moodle reads it: true/false is written in capitals`},
	},
	{
		name: "true/false feedback: if wrong, then if right",
		src:  "::t:: The sun rises in the east. {T#No, it does.#Yes.####Always.}\n\n::f:: Grant is buried in Grant's tomb. {FALSE#No one is buried there.#Right!}\n",
		want: []*quiz.Question{
			{ID: "t", Type: quiz.TrueFalse, Prompt: "The sun rises in the east.", Truth: true, Explanation: "Always.\nIf you chose True: Yes.\nIf you chose False: No, it does.", Line: 1},
			{ID: "f", Type: quiz.TrueFalse, Prompt: "Grant is buried in Grant's tomb.", Explanation: "If you chose True: No one is buried there.\nIf you chose False: Right!", Line: 3},
		},
	},
	{
		name: "short answer: every = answer is accepted",
		src:  "::s:: Which town? {=Khojaly =Xocalı#The Azerbaijani spelling =Khojali}\n\n::bare:: Capital of France? {Paris}\n",
		want: []*quiz.Question{
			{ID: "s", Type: quiz.Short, Prompt: "Which town?", Accept: []string{"Khojaly", "Xocalı", "Khojali"}, Exact: true, Explanation: "If you answered Xocalı: The Azerbaijani spelling", Line: 1},
			{ID: "bare", Type: quiz.Short, Prompt: "Capital of France?", Accept: []string{"Paris"}, Exact: true, Line: 3},
		},
	},
	{
		name: "short answer weights: 0% is not accepted, partial earns its part",
		src:  "::w:: Capital? {=%100%Paris =%50%paris, France =%0%London#That is England}\n",
		want: []*quiz.Question{{ID: "w", Type: quiz.Short, Prompt: "Capital?", Accept: []string{"Paris", "paris, France"}, Credit: []float64{1, 0.5}, Exact: true,
			Explanation: "If you answered London: That is England", Line: 1}},
	},
	{
		name: "numeric: value, value:tolerance, min..max, exponent, negative",
		src:  "A {#1994}\n\nB {#4400:100}\n\nC {#1..5}\n\nD {#1.5e3}\n\nE {#-3.5:0.5}\n",
		want: []*quiz.Question{
			{ID: "q1", Type: quiz.Numeric, Prompt: "A", Value: 1994, Line: 1},
			{ID: "q2", Type: quiz.Numeric, Prompt: "B", Value: 4400, Tol: 100, Line: 3},
			{ID: "q3", Type: quiz.Numeric, Prompt: "C", Value: 3, Tol: 2, Line: 5},
			{ID: "q4", Type: quiz.Numeric, Prompt: "D", Value: 1500, Line: 7},
			{ID: "q5", Type: quiz.Numeric, Prompt: "E", Value: -3.5, Tol: 0.5, Line: 9},
		},
	},
	{
		name: "several numeric answers: each with its credit, feedback naming the number",
		src:  "::born:: When was Grant born? {#\n    =%50%1821:1 #Close\n    =1822:0 # Correct!\n    =1995:0\n    ~#Look it up\n}\n\n::roots:: x² + 3x − 28 = 0 {#=%100%-7:0 =%100%4:0}\n",
		want: []*quiz.Question{
			{ID: "born", Type: quiz.Numeric, Prompt: "When was Grant born?", Value: 1822, Numbers: []quiz.Number{{Value: 1821, Tol: 1, Credit: 0.5}, {Value: 1995, Credit: 1}},
				Explanation: "If you answered 1821 ± 1: Close\nIf you answered 1822: Correct!\nIf you answered anything else: Look it up", Line: 1},
			{ID: "roots", Type: quiz.Numeric, Prompt: "x² + 3x − 28 = 0", Value: -7, Numbers: []quiz.Number{{Value: 4, Credit: 1}}, Line: 8},
		},
		warns: []string{`t.gift:2: warning: question "born": 1821 ± 1 (50%) comes before 1822 and overlaps it`},
	},
	{
		// A hand-written slip Moodle reads past: the empty answer is skipped.
		name:  "~= is read as =, with a warning naming the line",
		src:   "::q:: Capital? {\n~=Baku\n~Ganja\n}\n",
		want:  []*quiz.Question{{ID: "q", Type: quiz.Single, Prompt: "Capital?", Choices: []string{"Baku", "Ganja"}, Correct: []int{0}, Line: 1}},
		warns: []string{`t.gift:2: warning: question "q": empty answer after '~' skipped (as Moodle skips it)`},
	},
	{
		// Answers that fold alike are still different answers.
		name: "options differing only in punctuation are distinct",
		src:  "::a:: Which? {=≈ ~\\= ~\\~}\n\n::b:: Language? {=C++ ~C\\# ~C}\n\n::c:: Sum? {=x+y ~x-y ~xy}\n\n::d:: Root? {=-1 ~1 ~5}\n",
		want: []*quiz.Question{
			{ID: "a", Type: quiz.Single, Prompt: "Which?", Choices: []string{"≈", "=", "~"}, Correct: []int{0}, Line: 1},
			{ID: "b", Type: quiz.Single, Prompt: "Language?", Choices: []string{"C++", "C#", "C"}, Correct: []int{0}, Line: 3},
			{ID: "c", Type: quiz.Single, Prompt: "Sum?", Choices: []string{"x+y", "x-y", "xy"}, Correct: []int{0}, Line: 5},
			{ID: "d", Type: quiz.Single, Prompt: "Root?", Choices: []string{"-1", "1", "5"}, Correct: []int{0}, Line: 7},
		},
	},
	{
		// Moodle keeps both; a second identical option can only confuse, and
		// the cause is usually a # meant literally.
		name: "an answer given twice is offered once, with the better weight and a warning",
		src:  "::b:: Language? {=C++ ~C# ~C}\n\n::c:: Language? {~C# =C ~D}\n",
		want: []*quiz.Question{
			{ID: "b", Type: quiz.Single, Prompt: "Language?", Choices: []string{"C++", "C"}, Correct: []int{0}, Line: 1},
			{ID: "c", Type: quiz.Single, Prompt: "Language?", Choices: []string{"C", "D"}, Correct: []int{0}, Line: 3},
		},
		warns: []string{`t.gift:1: warning: question "b": the answer "C" appears twice (also at line 1); offered once (write \# for a # inside an answer)`,
			`t.gift:3: warning: question "c": the answer "C" appears twice (also at line 3)`},
	},
	{
		name: "Moodle's [id:…] and [tag:…] comments give the id and tags",
		src:  "// [id:Q-7] [tag:history]\n// [tag:with \\] bracket]\n::t:: Q {T}\n\n// [id:kept_as-is]\nR {F}\n",
		want: []*quiz.Question{
			{ID: "q-7", Type: quiz.TrueFalse, Prompt: "Q", Truth: true, Tags: []string{"history", "with ] bracket"}, Line: 3},
			{ID: "kept_as-is", Type: quiz.TrueFalse, Prompt: "R", Line: 6},
		},
	},
	{
		name: "short answers are exact unless a comment allows a typo",
		src:  "::a:: Q {=have just won}\n\n// typos: 1\n::b:: Q {=have just won}\n\n// typos: 2\n::c:: Q {=won}\n",
		want: []*quiz.Question{
			{ID: "a", Type: quiz.Short, Prompt: "Q", Accept: []string{"have just won"}, Exact: true, Line: 1},
			{ID: "b", Type: quiz.Short, Prompt: "Q", Accept: []string{"have just won"}, Line: 4},
			{ID: "c", Type: quiz.Short, Prompt: "Q", Accept: []string{"won"}, Exact: true, Line: 7},
		},
		warns: []string{`t.gift:6: warning: question "c": typos: expected 0 (exact) or 1 (one typo allowed), found "2"; ignored`},
	},
	{
		// Moodle reads the first block and shows the rest as text.
		name: "a second answer block stays in the text, with a warning",
		src:  "A {T}\nB {F}\n\n::g:: I drink {~=hardly any~a few} coffee, if I drink too {~many~=much}, I can't sleep\n\nC {T} and }\n",
		want: []*quiz.Question{
			{ID: "q1", Type: quiz.TrueFalse, Prompt: "A _____\nB {F}", Truth: true, Line: 1},
			{ID: "g", Type: quiz.Single, Prompt: "I drink _____ coffee, if I drink too {~many~=much}, I can't sleep", Choices: []string{"hardly any", "a few"}, Correct: []int{0}, Line: 4},
			{ID: "q3", Type: quiz.TrueFalse, Prompt: "C _____ and }", Truth: true, Line: 6},
		},
		warns: []string{`t.gift:2: warning: question "q1": a second '{': GIFT has one answer block per question`,
			`t.gift:4: warning: question "g": a second '{'`,
			`t.gift:4: warning: question "g": empty answer after '~' skipped`,
			`t.gift:6: warning: question "q3": a '}' after the answers is shown as text`},
	},
	{
		// Moodle takes the first answer that matches; a partial one before
		// the right one, overlapping it, marks differently: a warning.
		name:  "a partial numeric answer overlapping a later right one, with a warning",
		src:   "::born:: Born? {#\n=%50%1822:2\n=1822:0\n}\n",
		want:  []*quiz.Question{{ID: "born", Type: quiz.Numeric, Prompt: "Born?", Value: 1822, Numbers: []quiz.Number{{Value: 1822, Tol: 2, Credit: 0.5}}, Line: 1}},
		warns: []string{`t.gift:2: warning: question "born": 1822 ± 2 (50%) comes before 1822 and overlaps it: Moodle gives 50% for numbers in both`},
	},
	{
		name: "matching with 14 pairs, some sharing a right side",
		src:  "::m:: Season? {\n=Dec -> winter\n=Jan -> winter\n=Feb -> winter\n=Mar -> spring\n=Apr -> spring\n=May -> spring\n=Jun -> summer\n=Jul -> summer\n=Aug -> summer\n=Sep -> autumn\n=Oct -> autumn\n=Nov -> autumn\n=Yule -> winter\n=Midsummer -> summer\n}\n",
		want: []*quiz.Question{{ID: "m", Type: quiz.Match, Prompt: "Season?", Pairs: []quiz.Pair{
			{Left: "Dec", Right: "winter"}, {Left: "Jan", Right: "winter"}, {Left: "Feb", Right: "winter"}, {Left: "Mar", Right: "spring"}, {Left: "Apr", Right: "spring"},
			{Left: "May", Right: "spring"}, {Left: "Jun", Right: "summer"}, {Left: "Jul", Right: "summer"}, {Left: "Aug", Right: "summer"}, {Left: "Sep", Right: "autumn"},
			{Left: "Oct", Right: "autumn"}, {Left: "Nov", Right: "autumn"}, {Left: "Yule", Right: "winter"}, {Left: "Midsummer", Right: "summer"}}, Line: 1}},
	},
	{
		name: "short answers: * is Moodle's wildcard, kept for marking",
		src:  "::w:: Which is the best animal?{\n=Frog#Good!\n=%50%Cat#Cats.\n=%0%*#Completely wrong\n}\n\n::v:: Grant's...? {=Grant*wife}\n",
		want: []*quiz.Question{
			{ID: "w", Type: quiz.Short, Prompt: "Which is the best animal?", Accept: []string{"Frog", "Cat"}, Credit: []float64{1, 0.5}, Exact: true,
				Explanation: "If you answered Frog: Good!\nIf you answered Cat: Cats.\nIf you answered anything else: Completely wrong", Line: 1},
			{ID: "v", Type: quiz.Short, Prompt: "Grant's...?", Accept: []string{"Grant*wife"}, Exact: true, Line: 7},
		},
	},
	{
		name: "matching",
		src:  "::m:: Which animal eats which food? { =cat -> cat food =dog -> dog food ####Pets.}\n",
		want: []*quiz.Question{{ID: "m", Type: quiz.Match, Prompt: "Which animal eats which food?",
			Pairs: []quiz.Pair{{Left: "cat", Right: "cat food"}, {Left: "dog", Right: "dog food"}}, Explanation: "Pets.", Line: 1}},
	},
	{
		name: "a matching distractor with no left side is dropped, with a warning",
		src:  "::m:: Match. {\n=Khojaly -> Xocalı\n=Shusha -> Shushi\n= -> Ganja\n}\n",
		want: []*quiz.Question{{ID: "m", Type: quiz.Match, Prompt: "Match.",
			Pairs: []quiz.Pair{{Left: "Khojaly", Right: "Xocalı"}, {Left: "Shusha", Right: "Shushi"}}, Line: 1}},
		warns: []string{`t.gift:4: warning: question "m": "Ganja" has no left side`},
	},
	{
		name: "missing word: a blank where the answers stood",
		src:  "Grant is {~buried =entombed ~living} in Grant's tomb.\n\nThe holiday is on the {\n   ~second\n   =fourth\n} Thursday of November.\n",
		want: []*quiz.Question{
			{ID: "q1", Type: quiz.Single, Prompt: "Grant is _____ in Grant's tomb.", Choices: []string{"buried", "entombed", "living"}, Correct: []int{1}, Line: 1},
			{ID: "q2", Type: quiz.Single, Prompt: "The holiday is on the _____ Thursday of November.", Choices: []string{"second", "fourth"}, Correct: []int{1}, Line: 3},
		},
	},
	{
		name: "essay: the general feedback is the model answer",
		src:  "::e:: What was the Soviet Union? {####A federation of 15 republics, 1922-1991.}\n",
		want: []*quiz.Question{{ID: "e", Type: quiz.Open, Prompt: "What was the Soviet Union?", Model: "A federation of 15 republics, 1922-1991.", Line: 1}},
	},
	{
		name:  "essay with no model answer, with a warning",
		src:   "Write a short biography of Dag Hammarskjöld. {}\n",
		want:  []*quiz.Question{{ID: "q1", Type: quiz.Open, Prompt: "Write a short biography of Dag Hammarskjöld.", Model: NoModelAnswer, Line: 1}},
		warns: []string{"t.gift:1: warning: question \"q1\": essay with no model answer"},
	},
	{
		name: "description: text with no braces is an info page",
		src:  "::intro:: You can use a pencil and paper\nfor the next questions.\n",
		want: []*quiz.Question{{ID: "intro", Type: quiz.Info, Prompt: "You can use a pencil and paper\nfor the next questions.", Line: 1}},
	},
	{
		name: "escapes",
		src:  `::esc\:1:: Is 2\=2 \{really\} \~ \# true\: \\ yes\nno? {T####a\#b}` + "\n",
		want: []*quiz.Question{{ID: "esc-1", Type: quiz.TrueFalse, Prompt: "Is 2=2 {really} ~ # true: \\ yes\nno?", Truth: true, Explanation: "a#b", Line: 1}},
	},
	{
		name: "escaped marks inside answers",
		src:  `::m:: Which? {=a \= b ~c \~ d ~e \-> f#g \# h}` + "\n",
		want: []*quiz.Question{{ID: "m", Type: quiz.Single, Prompt: "Which?", Choices: []string{"a = b", "c ~ d", `e \-> f`}, Correct: []int{0},
			Explanation: "If you chose e \\-> f: g # h", Line: 1}},
	},
	{
		name:  "cloze is not supported: skipped with a warning",
		src:   "Kept {T}\n\n::cloze:: Paris is in {1:MULTICHOICE:=France~Spain}.\n",
		want:  []*quiz.Question{{ID: "q1", Type: quiz.TrueFalse, Prompt: "Kept", Truth: true, Line: 1}},
		warns: []string{`t.gift:3: warning: question "cloze": embedded answers (Cloze`},
	},
	{
		name: "Moodle's own export",
		src: "// question: 0  name: Switch category to $course$/top/Default for Test\n$CATEGORY: $course$/top/Default for Test\n\n\n" +
			"// question: 12  name: Capital\n::Capital::[html]<p>Capital of France?</p>{\n\t=%100%Paris#\n\t=%100%paris, france#\n}\n\n" +
			"// question: 13  name: Seas\n::Seas::[moodle]Which seas?{\n\t~%50%Black#\n\t~%50%Caspian#\n\t~%-100%Red#\n\t####Two seas.\n}\n\n" +
			"// question: 14  name: Year\n::Year::[moodle]Year?{#\n\t=%100%1994:0#\n}\n",
		want: []*quiz.Question{
			{ID: "capital", Type: quiz.Short, Prompt: "Capital of France?", Accept: []string{"Paris", "paris, france"}, Exact: true, Tags: []string{"default-for-test"}, Line: 6},
			{ID: "seas", Type: quiz.Multi, Prompt: "Which seas?", Choices: []string{"Black", "Caspian", "Red"}, Correct: []int{0, 1}, Credit: []float64{0.5, 0.5, -1}, Explanation: "Two seas.", Tags: []string{"default-for-test"}, Line: 12},
			{ID: "year", Type: quiz.Numeric, Prompt: "Year?", Value: 1994, Tags: []string{"default-for-test"}, Line: 20},
		},
		warns: []string{`t.gift:6: warning: question "capital": [html]: tags removed`},
	},
	{
		name: "conflictq's metadata comments",
		src: "// source: Survivors await justice, ¶4: “Western journalists documented seeing bodies”\n// difficulty: hard\n// tags: recall, places\n// points: 2\n// unit: people\n::n:: How many? {#30000}\n\n" +
			"// key point: founded 1922\n// key point: 15 republics\n// explanation: The article's own question.\\nSecond line.\n::o:: What was the Soviet Union? {####A federation.}\n\n" +
			"// type: order\n::ord:: Order these. {=Position 1 -> first =Position 2 -> second}\n",
		want: []*quiz.Question{
			{ID: "n", Type: quiz.Numeric, Prompt: "How many?", Value: 30000, Unit: "people", Points: 2, Difficulty: "hard", Tags: []string{"recall", "places"},
				Source: quiz.Source{Section: "Survivors await justice", Paragraph: 4, Quote: "Western journalists documented seeing bodies"}, Line: 6},
			{ID: "o", Type: quiz.Open, Prompt: "What was the Soviet Union?", Model: "A federation.", Key: []string{"founded 1922", "15 republics"},
				Explanation: "The article's own question.\nSecond line.", Line: 11},
			{ID: "ord", Type: quiz.Order, Prompt: "Order these.", Items: []string{"first", "second"}, Line: 14},
		},
	},
	{
		name: "metadata that cannot be used is dropped, with a warning",
		src:  "// difficulty: tricky\n// points: none\n// unit: km\n// type: essay\n// source: , ¶3: “q”\n::x:: Q {T}\n",
		want: []*quiz.Question{{ID: "x", Type: quiz.TrueFalse, Prompt: "Q", Truth: true, Line: 6}},
		warns: []string{
			`t.gift:1: warning: question "x": difficulty: "tricky" is not one of easy, medium, hard`,
			`t.gift:2: warning: question "x": points: expected a number more than 0`,
			`t.gift:3: warning: question "x": unit: only numeric questions have a unit`,
			`t.gift:4: warning: question "x": type: "essay": only "order"`,
			`t.gift:5: warning: question "x": source: expected a section first`,
		},
	},
	{
		name: "a repeated title gets a new id, with a warning",
		src:  "::same:: A {T}\n\n::same:: B {F}\n",
		want: []*quiz.Question{
			{ID: "same", Type: quiz.TrueFalse, Prompt: "A", Truth: true, Line: 1},
			{ID: "same-2", Type: quiz.TrueFalse, Prompt: "B", Line: 3},
		},
		warns: []string{`t.gift:3: warning: question "same": the id "same" is already used by the question at line 1; this one is "same-2"`},
	},
	{
		name:  "a category with a question in the same block",
		src:   "$CATEGORY: Places\n::p:: Baku is a capital. {T}\n",
		want:  []*quiz.Question{{ID: "p", Type: quiz.TrueFalse, Prompt: "Baku is a capital.", Truth: true, Tags: []string{"places"}, Line: 2}},
		warns: []string{"t.gift:2: warning: a $CATEGORY line stands alone"},
	},
	{
		name: "Windows line ends and a byte-order mark",
		src:  "\ufeff::w:: One\r\ntwo {T}\r\n\r\n::x:: Three {F}\r\n",
		want: []*quiz.Question{
			{ID: "w", Type: quiz.TrueFalse, Prompt: "One\ntwo", Truth: true, Line: 1},
			{ID: "x", Type: quiz.TrueFalse, Prompt: "Three", Line: 4},
		},
	},
}

func TestParseConstructs(t *testing.T) {
	for _, tc := range constructs {
		t.Run(tc.name, func(t *testing.T) {
			b, warnings, err := Parse("t.gift", []byte(tc.src))
			if err != nil {
				t.Fatalf("unexpected error:\n%v", err)
			}
			if len(b.Questions) != len(tc.want) {
				t.Fatalf("%d questions, want %d", len(b.Questions), len(tc.want))
			}
			for i, want := range tc.want {
				got := b.Questions[i]
				if want.Points == 0 {
					want.Points = 1
				}
				for _, d := range diff(got, want) {
					t.Errorf("question %d: %s", i+1, d)
				}
				if got.Line != want.Line {
					t.Errorf("question %d: line %d, want %d", i+1, got.Line, want.Line)
				}
				if got.Bank != "t" {
					t.Errorf("question %d: bank %q, want t", i+1, got.Bank)
				}
			}
			msgs := messages(warnings)
			if len(msgs) != len(tc.warns) {
				t.Fatalf("warnings:\n%s\nwant %d: %q", strings.Join(msgs, "\n"), len(tc.warns), tc.warns)
			}
			for i, w := range tc.warns {
				if !strings.Contains(msgs[i], w) || !warnings[i].Warning {
					t.Errorf("warning %d: %q, want it to contain %q", i+1, msgs[i], w)
				}
			}
			loadsAsYAML(t, b)
		})
	}
}

func TestParseBankNames(t *testing.T) {
	for _, tc := range []struct {
		file, src, id, title string
	}{
		{"quizzes/My Quiz.gift", "Q {T}", "my-quiz", "My Quiz"},
		{"week1.txt", "$CATEGORY: $course$/top/Default for X/Khojaly and the war\n\nQ {T}", "week1", "Khojaly and the war"},
		{"a.gift", "$CATEGORY: a//b\n\nQ {T}\n\n$CATEGORY: later\n\nR {T}", "a", "a/b"},
		{"my-lesson.gift", "$CATEGORY: lesson-1\n\nQ {T}", "my-lesson", "my-lesson"},
		{"", "Q {T}", "gift", "GIFT import"},
		{"Ωμέγα.gift", "Q {T}", "gift", "Ωμέγα"},
	} {
		b, _, err := Parse(tc.file, []byte(tc.src))
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if b.ID != tc.id || b.Title != tc.title || b.File != tc.file {
			t.Errorf("%q: id %q, title %q, file %q; want %q, %q", tc.file, b.ID, b.Title, b.File, tc.id, tc.title)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // each problem's text, in order
	}{
		{"unclosed brace", "::q:: Capital? {=Baku ~Ganja\n", []string{
			`t.gift:1: question "q": expected '}' to close the '{' opened here, before the question ends (a blank line ends a question)`}},
		{"unclosed brace before the next question", "Capital? {=Baku ~Ganja\nNext {T}\n", []string{
			`t.gift:1: question "q1": expected '}' to close the '{' opened here, before the '{' at line 2`}},
		{"a closing brace with no opening", "::q:: Capital? =Baku}\n", []string{
			`t.gift:1: question "q": unexpected '}' with no '{' before it (write \} for a literal brace)`}},
		{"unclosed title", "::title Capital? {T}\n", []string{
			`t.gift:1: question "q1": expected '::' to end the title`}},
		{"title and nothing else", "::t::\n", []string{
			`t.gift: no questions found`,
			`t.gift:1: warning: question "t": a title with no question text after it is skipped`}},
		{"answers and no text", "::t:: {T}\n", []string{
			`t.gift:1: question "t": expected question text before the answers (a blank line ends a question`}},
		{"answers after a blank line", "Capital?\n\n{=Baku ~Ganja}\n", []string{
			`t.gift:3: question "q2": expected question text before the answers (a blank line ends a question: keep its answers on the lines right after its text)`}},
		{"format prefix and no text", "::t::[html]<br> {T}\n", []string{
			`t.gift:1: warning: question "t": [html]: tags removed`,
			`t.gift:1: question "t": expected question text before the answers`}},
		// Moodle imports these with a notice: skipped, the rest of the file
		// read (issue 12, R4); alone in a file, nothing is left.
		{"no right answer", "::q:: Capital?\n{~Baku ~Ganja}\n", []string{
			`t.gift: no questions found`,
			`t.gift:2: warning: question "q": no right answer: mark one with = (or give it a positive %weight%); question skipped (Moodle imports it with a notice)`}},
		{"one answer", "::q:: Capital? {~Baku}\n", []string{
			`t.gift:1: question "q": a multiple-choice question needs at least 2 answers, found 1`}},
		{"an empty answer leaves one", "::q:: Capital? {\n=Baku\n~\n}\n", []string{
			`t.gift:1: question "q": a multiple-choice question needs at least 2 answers, found 1`,
			`t.gift:3: warning: question "q": empty answer after '~' skipped`}},
		{"a weight out of range", "::q:: Capital? {=Baku ~%150%Ganja}\n", []string{
			`t.gift:1: question "q": answer weight %150%: expected a percentage from -100% to 100%`}},
		{"too many answers", "::q:: Letter? {=a ~b ~c ~d ~e ~f ~g ~h ~i ~j ~k ~l ~m ~n ~o ~p ~q ~r ~s ~t ~u ~v ~w ~x ~y ~z ~aa}\n", []string{
			`t.gift:1: question "q": give 2 to 26 answers, not 27`}},
		{"a pair with no arrow", "::m:: Match {\n=a -> b\n=c\n}\n", []string{
			`t.gift:3: question "m": expected 'left -> right' in a matching pair`}},
		{"one pair", "::m:: Match {=a -> b}\n", []string{
			`t.gift:1: question "m": give at least 2 pairs, not 1`}},
		{"the same left side twice", "::m:: Match {\n=cat -> mammal\n=cat -> pet\n}\n", []string{
			`t.gift:3: question "m": "cat" appears twice in the pairs (also at line 2)`}},
		{"not a number", "::n:: Year? {#nineteen}\n", []string{
			`t.gift: no questions found`,
			`t.gift:1: warning: question "n": expected a number, found "nineteen"; question skipped`}},
		{"a negative tolerance", "::n:: Year? {#1994:-1}\n", []string{
			`t.gift:1: question "n": the tolerance "-1" must not be negative`}},
		{"a backwards range", "::n:: Year? {#5..1}\n", []string{
			`t.gift:1: question "n": the range "5..1" runs backwards: write min..max`}},
		{"no number", "::n:: Year? {#}\n", []string{
			`t.gift:1: question "n": expected a number after '{#'`}},
		{"no full or partial credit", "::n:: Year? {#=%0%1994}\n", []string{
			`t.gift:1: question "n": expected a right answer: a number with no weight, or with a positive %weight%`}},
		{"no questions", "// only a comment\n\n$CATEGORY: x\n", []string{
			`t.gift: no questions found: a GIFT question is text followed by answers in braces, such as 1+1=2 {T}`}},
		{"only unsupported questions", "Paris is in {1:MULTICHOICE:=France~Spain}.\n", []string{
			`t.gift: no questions found`,
			`t.gift:1: warning: question "q1": embedded answers (Cloze, such as {1:MULTICHOICE:…}) are not supported by GIFT import; question skipped`}},
		{"not UTF-8", "A {T}\n\nB \xff {T}\n", []string{
			`t.gift:3: not valid UTF-8 text (save the file as UTF-8)`}},
		{"every problem, in the order of the file, warnings included", "C {=a ~b\n\nB {}\n\nA {~x ~y}\n", []string{
			`t.gift:1: question "q1": expected '}'`,
			`t.gift:3: warning: question "q2": essay with no model answer`,
			`t.gift:5: warning: question "q3": no right answer`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, warnings, err := Parse("t.gift", []byte(tc.src))
			var inv *quiz.InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("got bank %v, warnings %v, error %v; want an *quiz.InvalidError", b, warnings, err)
			}
			got := messages(inv.Problems)
			if len(got) != len(tc.want) {
				t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("problem %d:\n got %s\nwant %s", i+1, got[i], w)
				}
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	_, _, err := Parse("big.gift", make([]byte, fileio.MaxFileSize+1))
	if err == nil || !strings.Contains(err.Error(), "big.gift: file is 10.0 MB; conflictq reads files of at most 10 MB") {
		t.Fatalf("got %v", err)
	}
}

// A question the parser would build wrong must be caught by check, with the
// question's line: check is the net under the parser.
func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		q    *quiz.Question
		want string
	}{
		{&quiz.Question{ID: "Bad Id", Bank: "b", Line: 1, Type: quiz.TrueFalse, Prompt: "p", Points: 1}, "id: must be lower-case"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Single, Prompt: "p", Points: 1, Choices: []string{"x", "y"}, Correct: []int{2}}, "answer: right choice 3 is not one of the choices"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Single, Prompt: "p", Points: 1, Choices: []string{"x", " x"}, Correct: []int{0}}, `choices: " x" appears twice`},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Single, Prompt: "p", Points: 1, Choices: []string{"x", "y"}, Correct: []int{0}, Credit: []float64{1}}, "credit: 1 credits for 2 choices"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Single, Prompt: "p", Points: 1, Choices: []string{"x", "y"}, Correct: []int{0}, Credit: []float64{1, 2}}, "credit: 2 is out of range"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Multi, Prompt: "p", Points: 1, Choices: []string{"x", "y"}}, "answers: list at least one right choice"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Short, Prompt: "p", Points: 1, Accept: []string{" "}}, "empty accepted answer"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Numeric, Prompt: "p", Points: 1, Tol: -1}, "tolerance: must not be negative"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Order, Prompt: "p", Points: 1, Items: []string{"x"}}, "give 2 to 12 items, not 1"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Match, Prompt: "p", Points: 1, Pairs: []quiz.Pair{{Left: "a", Right: "b"}, {Left: "a", Right: "c"}}}, `pairs.left: "a" appears twice`},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Open, Prompt: "p", Points: 1}, "model_answer: empty"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.TrueFalse, Prompt: "p", Points: 1, Accept: []string{"x"}}, "accept: not used by type truefalse"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.TrueFalse, Prompt: "p", Points: 0}, "points: must be more than 0"},
		{&quiz.Question{ID: "a", Bank: "", Line: 0, Type: quiz.TrueFalse, Prompt: " ", Points: 1}, "prompt: missing"},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: "essay", Prompt: "p", Points: 1}, `type: "essay" is not a question type`},
		{&quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Info, Prompt: "p", Points: 1, Source: quiz.Source{Quote: "q"}}, "source.section: missing"},
	} {
		got := strings.Join(check(tc.q), "; ")
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s %s: got %q, want %q", tc.q.Type, tc.q.ID, got, tc.want)
		}
	}
	ok := &quiz.Question{ID: "a", Bank: "b", Line: 1, Type: quiz.Match, Prompt: "p", Points: 1, Pairs: []quiz.Pair{{Left: "a", Right: "b"}, {Left: "c", Right: "d"}}}
	if got := check(ok); len(got) > 0 {
		t.Errorf("a good question: %q", got)
	}
}

// Moodle imports symbol-only short answers (maths, code) and marks the first
// answer that matches, so a 0% answer before a wildcard takes what it names
// out of it (issue 12, R2, W4).
func TestShortSymbolsAndZeroBeforeWildcard(t *testing.T) {
	src := "::plus:: Symbol for addition? {=+}\n\n::and:: Logical and in C? {=&&}\n\n" +
		"::notapple:: Name any fruit except apple {=%0%apple#Not apple! =*}\n\n::zero:: Z {=a =%0%b}\n"
	b, _, err := Parse("t.gift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		id, given string
		want      float64
	}{
		{"plus", "+", 1}, {"plus", "-", 0}, {"and", " && ", 1},
		{"notapple", "Apple", 0}, {"notapple", "pear", 1},
	} {
		if got := quiz.Score(b.Question(tt.id), quiz.Response{Answered: true, Text: tt.given}); got != tt.want {
			t.Errorf("%s: %q scores %v, want %v", tt.id, tt.given, got, tt.want)
		}
	}
	if q := b.Question("zero"); !slices.Equal(q.Accept, []string{"a"}) {
		t.Errorf("a 0%% answer with no wildcard after it is kept: %q", q.Accept)
	}
}

// Moodle sets no limit on a question's answers; sixteen are common (issue
// 12, R1). conflictq keeps one per letter, a to z.
func TestSixteenAnswers(t *testing.T) {
	src := "::many:: Which letter comes twelfth?{\n~A\n~B\n~C\n~D\n~E\n~F\n~G\n~H\n~I\n~J\n~K\n=L\n~M\n~N\n~O\n~P\n}\n"
	b, _, err := Parse("t.gift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if q := b.Question("many"); len(q.Choices) != 16 || q.Choices[q.Correct[0]] != "L" {
		t.Errorf("got %q, right %v", q.Choices, q.Correct)
	}
}

// Moodle 4.4's ordering question in GIFT ({>N ... one item a line}) is an
// order question, with notes on how Moodle marks and shows it (issue 12, W6).
func TestOrderingQuestion(t *testing.T) {
	src := "::ord:: Put these in order {>4 ALL VERTICAL ABSOLUTE_POSITION SHOW\nModular\nObject\nOriented\nDynamic \\}\n}\n\n" +
		"::few:: Order {>3\na\nb\nc\nd\n}\n\n::short:: Greater than? {=>}\n"
	b, warnings, err := Parse("t.gift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if q := b.Question("ord"); q.Type != quiz.Order || !slices.Equal(q.Items, []string{"Modular", "Object", "Oriented", "Dynamic }"}) {
		t.Errorf("ord: %s %q", q.Type, q.Items)
	}
	if q := b.Question("short"); q.Type != quiz.Short || !slices.Equal(q.Accept, []string{">"}) {
		t.Errorf("short: %s %q", q.Type, q.Accept)
	}
	all := strings.Join(messages(warnings), "\n")
	for _, want := range []string{
		`t.gift:1: warning: question "ord": Moodle marks this ordering question by ABSOLUTE_POSITION`,
		`t.gift:8: warning: question "few": Moodle shows 3 of the 4 items (select type RANDOM); conflictq asks all 4`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in:\n%s", want, all)
		}
	}
}

// Moodle's numeric * answer is any other number, here for part of the
// credit; it survives export and re-import (issue 12, W5).
func TestNumericCatchAll(t *testing.T) {
	b, _, err := Parse("t.gift", []byte("::n:: The answer? {#42 =%20%*#Close enough}\n"))
	if err != nil {
		t.Fatal(err)
	}
	q := b.Question("n")
	for given, want := range map[string]float64{"42": 1, "7": 0.2, "-1000": 0.2, "x": 0} {
		if got := quiz.Score(q, quiz.Response{Answered: true, Text: given}); got != want {
			t.Errorf("%q scores %v, want %v", given, got, want)
		}
	}
	back, _, _ := roundTrip(t, b)
	if n := back.Questions[0].Numbers; len(n) != 1 || !n[0].Any || n[0].Credit != 0.2 {
		t.Errorf("after a round trip: %+v", n)
	}
	out, err := yaml.Marshal(b.Doc())
	if err != nil {
		t.Fatal(err)
	}
	y, _, err := quiz.ParseBank("n.yaml", out)
	if err != nil || !strings.Contains(string(out), "answer: '*'") || !y.Questions[0].Numbers[0].Any {
		t.Errorf("YAML: %v\n%s", err, out)
	}
}

// An [html] <pre> block keeps its indentation through GIFT's line trimming
// (tsugi's sample, Moodle's test_import_pre_content; issue 12, D1).
func TestHTMLPreKeepsIndentation(t *testing.T) {
	src := "::py::[html]Some code<br/>\n<pre>\n    if x &lt; 10 :\n        print \"too low\"\n</pre>\nAfter\n{=yellow ~red}\n"
	b, _, err := Parse("t.gift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.Question("py").Prompt, "Some code\n    if x < 10 :\n        print \"too low\"\nAfter"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A Moodle question's name is kept beside its id, and written back as the
// ::title:: (issue 12, D2).
func TestNameKept(t *testing.T) {
	src := "// [id:myid]\n::Question name:: Q {=a ~b}\n\n::Q8 Partial Credit Numeric:: N {#5}\n\n::plain:: P {T}\n"
	b, _, err := Parse("t.gift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range b.Questions {
		got = append(got, q.ID+"="+q.Name)
	}
	if want := []string{"myid=Question name", "q8-partial-credit-numeric=Q8 Partial Credit Numeric", "plain="}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	back, _, out := roundTrip(t, b)
	if !strings.Contains(string(out), "::Question name::") || back.Questions[0].Name != "Question name" || back.Questions[0].ID != "myid" {
		t.Errorf("after a round trip: %s %q\n%s", back.Questions[0].ID, back.Questions[0].Name, out)
	}
}

// A credit that is not one of Moodle's grades is taken as written, with a
// warning naming what Moodle would do (issue 12, W9).
func TestCreditNotAMoodleGrade(t *testing.T) {
	_, warnings, err := Parse("t.gift", []byte("::w:: Which? {~%33%a ~%33%b ~%33%c ~%-100%d}\n\n::ok:: Which? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}\n"))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(messages(warnings), "\n")
	if !strings.Contains(all, `question "w": the credit 33% is not one of Moodle's grades: Moodle's import refuses it by default, or rounds it to 33.33333%`) ||
		strings.Contains(all, `question "ok"`) || strings.Count(all, "the credit") != 1 {
		t.Errorf("warnings:\n%s", all)
	}
}

// A question Moodle imports with a notice but conflictq cannot ask is
// skipped, and the rest of the file kept (issue 12, R4).
func TestUnaskableQuestionsSkipped(t *testing.T) {
	b, warnings, err := Parse("t.gift", []byte("::a:: Q {~a ~b ~c}\n\n::b:: N {#abc}\n\n::c:: ok {T}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Questions) != 1 || b.Questions[0].ID != "c" || len(warnings) != 2 {
		t.Errorf("questions %d, warnings %q", len(b.Questions), messages(warnings))
	}
}

// Repeated answers are said three times and then once in sum, and the hint
// about # only where a # cut an answer (issue 12, P4).
func TestDuplicateWarningsBounded(t *testing.T) {
	_, warnings, err := Parse("t.gift", []byte("::d:: Which? {=correct. ~correct. ~x ~x ~x ~x ~x ~x}\n"))
	if err != nil {
		t.Fatal(err)
	}
	msgs := messages(warnings)
	if len(msgs) != 4 || strings.Contains(strings.Join(msgs, "\n"), `\#`) || !strings.Contains(msgs[3], "more answers given twice") {
		t.Errorf("warnings:\n%s", strings.Join(msgs, "\n"))
	}
}

// A match whose left sides differ only in accents (attack18 F3) is imported
// with Validate's warning, not skipped: each side is still named by its
// label or its exact text, and the teacher learns of it at import.
func TestFoldAlikeWarnedNotRefused(t *testing.T) {
	b, warnings, err := Parse("t.gift", []byte("::m:: Match. {=Şuşa -> Shushi =Susa -> Iran =Agdam -> Ağdam}\n\n::c:: Language? {=C++ ~C\\# ~C}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`t.gift:1: warning: question "m": pairs.left: "Şuşa" and "Susa" differ only in accents or case: a student who types one without its accents gets the other or is refused as ambiguous; make them differ in their letters (rule: options must differ once accents and case are dropped)`}
	if len(b.Questions) != 2 || !slices.Equal(messages(warnings), want) {
		t.Errorf("questions %d, warnings %q", len(b.Questions), messages(warnings))
	}
}
