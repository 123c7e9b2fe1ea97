package gift

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
)

// The corpus (testdata/corpus, sources in its README) holds public GIFT files
// that Moodle and teachers wrote. moodleRead below reads them as Moodle's
// question/format/gift/format.php does, step by step (written from reading
// it, as an independent check of Parse): for every file Moodle imports
// whole, Parse must import the same questions with the same right answers
// and credit.

// moodleQuestion is what Moodle's reader makes of one question.
type moodleQuestion struct {
	qtype   string // multichoice, shortanswer, numerical, truefalse, match, essay, description
	single  bool
	answers []moodleAnswer
	truth   bool
	pairs   [][2]string // match: subquestion, subanswer (an empty subquestion is a distractor)
	err     string      // why Moodle refuses the question, if it does
	cloze   bool
}

type moodleAnswer struct {
	text      string
	fraction  float64
	value     string // numerical
	tolerance string
}

var moodleWeight = regexp.MustCompile(`^%\-*([0-9]{1,2})\.?([0-9]*)%`)

// moodleRead splits a file into questions at blank lines and reads each.
func moodleRead(data string) []moodleQuestion {
	data = strings.TrimPrefix(data, "\ufeff")
	data = strings.ReplaceAll(strings.ReplaceAll(data, "\r\n", "\n"), "\r", "\n")
	var out []moodleQuestion
	var block []string
	flush := func() {
		if len(block) > 0 {
			if q, ok := moodleReadQuestion(block); ok {
				out = append(out, q)
			}
		}
		block = nil
	}
	for _, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		block = append(block, line)
	}
	flush()
	return out
}

var (
	escPre  = strings.NewReplacer(`\:`, "\x01058", `\#`, "\x01035", `\=`, "\x01061", `\{`, "\x01123", `\}`, "\x01125", `\~`, "\x01126", `\n`, "\x01010")
	escPost = strings.NewReplacer("\x01058", ":", "\x01035", "#", "\x01061", "=", "\x01123", "{", "\x01125", "}", "\x01126", "~", "\x01010", "\n")
)

func moodleText(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		if end := strings.Index(s, "]"); end > 0 {
			switch s[1:end] {
			case "moodle", "html", "plain", "markdown":
				s = s[end+1:]
			}
		}
	}
	return strings.TrimSpace(escPost.Replace(s))
}

func moodleReadQuestion(lines []string) (moodleQuestion, bool) {
	var q moodleQuestion
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "//") {
			lines[i] = " "
		}
	}
	text := strings.TrimSpace(strings.Join(lines, "\n"))
	if text == "" {
		return q, false
	}
	// escapedchar_pre: \\ first, then the escaped control characters.
	text = strings.ReplaceAll(text, `\\`, "\x01092")
	text = escPre.Replace(text)
	text = strings.ReplaceAll(text, "\x01092", `\`)
	if strings.HasPrefix(text, "$CATEGORY:") {
		return q, false
	}
	if strings.HasPrefix(text, "::") {
		text = text[2:]
		if end := strings.Index(text, "::"); end >= 0 {
			text = strings.TrimSpace(text[end+2:])
		}
	}
	start, finish := strings.Index(text, "{"), strings.Index(text, "}")
	switch {
	case start < 0 && finish < 0:
		// An empty one (a ::title:: alone) is a page with nothing on it,
		// which Parse skips with a warning.
		q.qtype = "description"
		return q, text != ""
	case start < 0 || finish < 0 || finish < start:
		q.err = "braces"
		return q, true
	}
	ans := strings.TrimSpace(text[start+1 : finish])
	if g := strings.LastIndex(ans, "####"); g >= 0 {
		ans = strings.TrimSpace(ans[:g])
	}
	if regexp.MustCompile(`^\d*:[A-Za-z_]+:`).MatchString(ans) {
		q.cloze = true
	}
	switch {
	case ans == "":
		q.qtype = "essay"
	case ans[0] == '#':
		q.qtype = "numerical"
	case strings.Contains(ans, "~"):
		q.qtype = "multichoice"
	case strings.Contains(ans, "=") && strings.Contains(ans, "->"):
		q.qtype = "match"
	default:
		check := ans
		if h := strings.Index(ans, "#"); h > 0 {
			check = strings.TrimSpace(ans[:h])
		}
		if slices.Contains([]string{"T", "TRUE", "F", "FALSE"}, check) {
			q.qtype = "truefalse"
		} else {
			q.qtype = "shortanswer"
		}
	}
	split := func(s, sep string) []string {
		parts := strings.Split(s, sep)
		parts[0] = strings.TrimSpace(parts[0])
		if parts[0] == "" {
			parts = parts[1:]
		}
		return parts
	}
	weight := func(a string) (float64, string, bool) {
		if !moodleWeight.MatchString(a) {
			return 0, a, false
		}
		a = a[1:]
		end := strings.Index(a, "%")
		w, _ := strconv.ParseFloat(a[:end], 64)
		return w / 100, a[end+1:], true
	}
	comment := func(a string) string { t, _, _ := strings.Cut(a, "#"); return moodleText(t) }
	switch q.qtype {
	case "multichoice":
		q.single = strings.Contains(ans, "=")
		parts := split(strings.ReplaceAll(ans, "=", "~="), "~")
		if len(parts) < 2 {
			q.err = "too few answers"
		}
		for _, a := range parts {
			a = strings.TrimSpace(a)
			var f float64
			switch w, rest, ok := weight(a); {
			case strings.HasPrefix(a, "="):
				f, a = 1, a[1:]
			case ok:
				f, a = w, rest
			}
			q.answers = append(q.answers, moodleAnswer{text: comment(a), fraction: f})
		}
	case "match":
		parts := split(ans, "=")
		if len(parts) < 2 {
			q.err = "too few answers"
		}
		for _, a := range parts {
			l, r, ok := strings.Cut(strings.TrimSpace(a), "->")
			if !ok {
				q.err = "no ->"
				break
			}
			q.pairs = append(q.pairs, [2]string{moodleText(l), moodleText(r)})
		}
	case "truefalse":
		t, _, _ := strings.Cut(ans, "#")
		t = moodleText(t)
		q.truth = t == "T" || t == "TRUE"
	case "shortanswer":
		for _, a := range split(ans, "=") {
			a = strings.TrimSpace(a)
			f := 1.0
			if w, rest, ok := weight(a); ok {
				f, a = w, rest
			}
			q.answers = append(q.answers, moodleAnswer{text: comment(a), fraction: f})
		}
	case "numerical":
		ans = ans[1:]
		if p := strings.Index(ans, "~"); p >= 0 {
			ans = ans[:p]
		}
		parts := split(ans, "=")
		if len(parts) == 0 {
			q.err = "no numbers"
		}
		for _, a := range parts {
			a = strings.TrimSpace(a)
			f := 1.0
			if w, rest, ok := weight(a); ok {
				f, a = w, rest
			}
			a = comment(a)
			value, tol := a, "0"
			if m := strings.Index(a, ".."); m > 0 {
				lo, err1 := strconv.ParseFloat(strings.TrimSpace(a[:m]), 64)
				hi, err2 := strconv.ParseFloat(strings.TrimSpace(a[m+2:]), 64)
				if err1 != nil || err2 != nil {
					q.err = "not numbers"
				}
				value, tol = strconv.FormatFloat((lo+hi)/2, 'g', -1, 64), strconv.FormatFloat(hi-(lo+hi)/2, 'g', -1, 64)
			} else if c := strings.Index(a, ":"); c > 0 {
				value, tol = strings.TrimSpace(a[:c]), strings.TrimSpace(a[c+1:])
			}
			if _, err := strconv.ParseFloat(tol, 64); err != nil {
				q.err = "not numbers"
			}
			if _, err := strconv.ParseFloat(value, 64); err != nil && value != "*" {
				q.err = "not numbers"
			}
			q.answers = append(q.answers, moodleAnswer{value: value, tolerance: tol, fraction: f})
		}
	}
	return q, true
}

var anyTag = regexp.MustCompile(`<[^>]*>`)

// plainText compares texts as conflictq shows them: without HTML tags, with
// spaces folded.
func plainText(s string) string {
	s = anyTag.ReplaceAllString(s, "")
	for _, e := range [][2]string{{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&nbsp;", " "}, {"&quot;", `"`}} {
		s = strings.ReplaceAll(s, e[0], e[1])
	}
	return strings.Join(strings.Fields(s), " ")
}

// sameAsMoodle compares a question Parse made with Moodle's reading of it,
// and returns what differs.
func sameAsMoodle(got *quiz.Question, m moodleQuestion) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
	switch m.qtype {
	case "description":
		if got.Type != quiz.Info {
			bad("type %s, Moodle: description", got.Type)
		}
	case "essay":
		if got.Type != quiz.Open {
			bad("type %s, Moodle: essay", got.Type)
		}
	case "truefalse":
		if got.Type != quiz.TrueFalse || got.Truth != m.truth {
			bad("%s %v, Moodle: true/false %v", got.Type, got.Truth, m.truth)
		}
	case "multichoice":
		want := quiz.Multi
		if m.single {
			want = quiz.Single
		}
		if got.Type != want {
			bad("type %s, Moodle: %s", got.Type, want)
			return out
		}
		// Moodle saves no empty answer; an answer given twice is one here,
		// with its better weight.
		credit := map[string]float64{}
		var texts []string
		for _, a := range m.answers {
			t := plainText(a.text)
			if t == "" {
				continue
			}
			if c, seen := credit[t]; !seen || a.fraction > c {
				credit[t] = a.fraction
			}
			if !slices.Contains(texts, t) {
				texts = append(texts, t)
			}
		}
		var choices []string
		for _, c := range got.Choices {
			choices = append(choices, plainText(c))
		}
		if !slices.Equal(choices, texts) {
			bad("choices %q, Moodle: %q", choices, texts)
			return out
		}
		for i, c := range choices {
			if !near(got.ChoiceCredit(i), credit[c]) {
				bad("%q earns %v, Moodle: %v", c, got.ChoiceCredit(i), credit[c])
			}
		}
	case "shortanswer":
		if got.Type != quiz.Short {
			bad("type %s, Moodle: short answer", got.Type)
			return out
		}
		var accept []string
		var credit []float64
		for _, a := range m.answers {
			if a.fraction > 0 {
				accept, credit = append(accept, plainText(a.text)), append(credit, a.fraction)
			}
		}
		var gotAccept []string
		for i, a := range got.Accept {
			gotAccept = append(gotAccept, plainText(a))
			if i < len(credit) && !near(got.AcceptCredit(i), credit[i]) {
				bad("%q earns %v, Moodle: %v", a, got.AcceptCredit(i), credit[i])
			}
		}
		if !slices.Equal(gotAccept, accept) {
			bad("accepts %q, Moodle: %q", gotAccept, accept)
		}
		if !got.Exact {
			bad("allows a typo; Moodle marks exactly")
		}
	case "numerical":
		if got.Type != quiz.Numeric {
			bad("type %s, Moodle: numerical", got.Type)
			return out
		}
		type num struct{ v, t, f float64 }
		var want []num
		for _, a := range m.answers {
			v, _ := strconv.ParseFloat(a.value, 64)
			t, _ := strconv.ParseFloat(a.tolerance, 64)
			if a.fraction > 0 {
				want = append(want, num{v, math.Abs(t), a.fraction})
			}
		}
		have := []num{{got.Value, got.Tol, 1}}
		for _, n := range got.Numbers {
			have = append(have, num{n.Value, n.Tol, n.Credit})
		}
		slices.SortFunc(want, func(a, b num) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		slices.SortFunc(have, func(a, b num) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		if !slices.EqualFunc(have, want, func(a, b num) bool { return near(a.v, b.v) && near(a.t, b.t) && near(a.f, b.f) }) {
			bad("numbers %v, Moodle: %v", have, want)
		}
	case "match":
		if got.Type != quiz.Match {
			bad("type %s, Moodle: matching", got.Type)
			return out
		}
		var want []quiz.Pair
		for _, p := range m.pairs {
			if p[0] != "" {
				want = append(want, quiz.Pair{Left: plainText(p[0]), Right: plainText(p[1])})
			}
		}
		var have []quiz.Pair
		for _, p := range got.Pairs {
			have = append(have, quiz.Pair{Left: plainText(p.Left), Right: plainText(p.Right)})
		}
		if !slices.Equal(have, want) {
			bad("pairs %q, Moodle: %q", have, want)
		}
	}
	return out
}

// TestCorpusAsMoodleReadsIt imports every corpus file Moodle imports whole and
// checks each question against Moodle's reading of it. Cloze-like answer
// blocks ({1:MULTICHOICE:…}), which Moodle's GIFT reader takes as garbled
// short answers, are skipped by Parse with a warning and left out here.
func TestCorpusAsMoodleReadsIt(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*/*")
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, ".md") })
	if len(files) < 60 {
		t.Fatalf("%d corpus files; the corpus has more", len(files))
	}
	var moodleFiles, imported, questions, empty int
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var want []moodleQuestion
		refused := false
		for _, q := range moodleRead(string(data)) {
			refused = refused || q.err != ""
			if !q.cloze {
				want = append(want, q)
			}
		}
		if refused {
			continue
		}
		if len(want) == 0 {
			// A $CATEGORY alone: Moodle makes the category and no question;
			// conflictq has no bank to make, and says so.
			if _, _, err := Parse(file, data); err == nil || !strings.Contains(err.Error(), "no questions found") {
				t.Errorf("%s: no questions, and no error saying so (%v)", file, err)
			}
			empty++
			continue
		}
		moodleFiles++
		b, _, err := Parse(file, data)
		if err != nil {
			t.Errorf("%s: Moodle imports it, Parse refuses it:\n%v", file, err)
			continue
		}
		imported++
		if len(b.Questions) != len(want) {
			t.Errorf("%s: %d questions, Moodle: %d", file, len(b.Questions), len(want))
			continue
		}
		for i, q := range b.Questions {
			questions++
			for _, d := range sameAsMoodle(q, want[i]) {
				t.Errorf("%s:%d (%s): %s", file, q.Line, q.ID, d)
			}
		}
	}
	t.Logf("%d corpus files; Moodle imports %d whole (%d of them a category with no question); Parse imports %d of the others (%d questions)", len(files), moodleFiles+empty, empty, imported, questions)
}
