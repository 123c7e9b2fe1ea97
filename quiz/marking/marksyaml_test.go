package marking

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// hostileText is text that YAML quotes, escapes, blocks or refuses: every
// indicator, the words and numbers that read back as other values, spaces
// at the ends, line breaks of every kind, control characters, non-ASCII,
// text that is not UTF-8, and long lines.
var hostileText = []string{
	"", "ok", "Ana", "Mr O'Brien", `say "no"`, "'", "''", `"`, `""`, `\`, `a\nb`,
	":", "a:", "a: b", "a:b", "key: value", "http://x.az/a#b",
	"#", "# note", "a #b", "a#b", "-", "- x", "-x", "--", "---", "--- x", "...", "... x",
	"[", "[a]", "]", "a]", "{", "{a: b}", "}", ",", "a, b", "?", "? x", "?x",
	"&", "&a", "*", "*a", "!", "!a", "!!str", "!!binary", "|", "| x", "|-", ">", "> x", "%", "%YAML", "@", "@x", "`", "`x`", "=", "<<",
	"yes", "no", "Yes", "NO", "on", "Off", "y", "N", "true", "False", "TRUE", "null", "Null", "NULL", "~",
	"0", "1", "-1", "+1", "01", "012", "0x1F", "0o17", "0b101", "1_000", "1e3", "1E-3", "0.5", ".5", "5.", "-.5",
	".inf", "-.Inf", "+.INF", ".nan", ".NaN", "12:30", "12:30:45", "-1:30", "1:2:3.5",
	"2024-01-01", "2024-01-01T10:00:00Z", "2024-1-1", "2024-01-01 10:00:00 +02:00",
	" lead", "trail ", " both ", " ", "  ", "a  b", "\t", "a\tb", "\tlead", "trail\t",
	"a\nb", "a\n", "\n", "\n\n", "\na", "a\n\n", "a\n\nb", " a\nb", "a\n b", "a \nb", "line one\nline two\n",
	"a\r\nb", "a\r\n", "\r", "a\rb", "\r\n",
	"é", "Xocalı", "Хоҹалы", "Ağdam", "日本語", "😀 emoji", "Ρ", "\u0085", "a\u0085b", "\u2028", "a\u2029b", "\u00a0", "a\u00a0",
	"\ufeff", "\ufeffbom", "a\ufeff", "\x00", "a\x00b", "\x07", "\x1b[31m", "\x7f", "\x01\x02", "\u200b", "\ue000", "\U0001F600\U0001F600",
	"\xff", "a\xc3", "\xc3\x28", "\xe2\x82", "\xed\xa0\x80",
	strings.Repeat("x", 127), strings.Repeat("x", 128), strings.Repeat("x", 129), strings.Repeat("word ", 300),
	strings.Repeat("é", 130), strings.Repeat("long line ", 2000) + "\nand another",
	"Good answer: covers the causes, the dates (26 February 1992) and the sources.\nMissing: the #1 point; see p. 3 - 'Khojaly'.",
	"- item\n- item", "a: 1\nb: 2", "  indented\nnot", "text\n  more\n\tand tab", "ends with break and spaces \n  ",
}

var hostilePoints = []float64{0, 1, 2, 3, 10, 0.5, 1.5, 2.5, 0.25, 0.75, 1.0 / 3, 0.1 + 0.2, -1, -0.5, math.Copysign(0, -1),
	100, 1e6, 1e20, 1e21, 1e-6, 1e-7, 123456.789, math.MaxFloat64, math.SmallestNonzeroFloat64, math.NaN(), math.Inf(1), math.Inf(-1)}

var hostileTimes = []time.Time{{}, time.Date(2026, 3, 4, 10, 30, 0, 0, time.UTC), time.Date(2026, 3, 4, 10, 30, 15, 123456789, time.UTC),
	time.Date(1992, 2, 26, 1, 0, 0, 0, time.FixedZone("AZT", 4*3600)), time.Date(2026, 12, 31, 23, 59, 59, 0, time.FixedZone("W", -11*3600)),
	time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
	time.Date(-5, 6, 1, 0, 0, 0, 0, time.UTC), time.Unix(0, 0), time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local)}

// checkMarksYAML holds marksYAML to encoderMarksYAML, the encoder it
// replaced: the same bytes, or the same error. It returns what was written.
func checkMarksYAML(t *testing.T, name string, marks []sheet.Mark) ([]byte, error) {
	t.Helper()
	want, wantErr := encoderMarksYAML(marks)
	got, err := marksYAML(marks)
	if fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("%s: error %v, the encoder's %v (marks %+v)", name, err, wantErr, marks)
	}
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		from := max(0, i-160)
		t.Fatalf("%s: differs from yaml's encoder at byte %d:\ngot:  %q\nwant: %q\nmarks: %+v", name, i, got[from:min(len(got), i+80)], want[from:min(len(want), i+80)], marks)
	}
	return got, err
}

// TestMarksYAMLAsEncoder: every shape of mark (points alone, halves, each
// field set or not), no marks, many marks, and every hostile text in each
// field and as the question's id.
func TestMarksYAMLAsEncoder(t *testing.T) {
	digest := quiz.AnswerDigest("The town was shelled.")
	checkMarksYAML(t, "no marks", nil)
	checkMarksYAML(t, "no marks (empty)", []sheet.Mark{})
	for _, p := range hostilePoints {
		checkMarksYAML(t, fmt.Sprint("points ", p), []sheet.Mark{{ID: "q1", Mark: quiz.Mark{Points: p}}})
	}
	for _, at := range hostileTimes {
		checkMarksYAML(t, fmt.Sprint("time ", at), []sheet.Mark{{ID: "q1", Mark: quiz.Mark{Points: 1, At: at}}})
	}
	full := quiz.Mark{Points: 1.5, Comment: "Good.", Marker: "Ms Aliyeva", At: hostileTimes[2], Answer: digest}
	for mask := range 16 { // each optional field set or not
		m := quiz.Mark{Points: full.Points}
		if mask&1 != 0 {
			m.Comment = full.Comment
		}
		if mask&2 != 0 {
			m.Marker = full.Marker
		}
		if mask&4 != 0 {
			m.At = full.At
		}
		if mask&8 != 0 {
			m.Answer = full.Answer
		}
		checkMarksYAML(t, fmt.Sprint("fields ", mask), []sheet.Mark{{ID: "q1", Mark: m}, {ID: "q2", Mark: full}})
	}
	for _, s := range hostileText {
		for field := range 4 {
			m := full
			id := "open-1"
			switch field {
			case 0:
				m.Comment = s
			case 1:
				m.Marker = s
			case 2:
				m.Answer = s
			case 3:
				id = s
			}
			checkMarksYAML(t, fmt.Sprintf("field %d %q", field, s), []sheet.Mark{{ID: "q0", Mark: quiz.Mark{Points: 0}}, {ID: id, Mark: m}})
		}
	}
	var many []sheet.Mark
	for i := range 60 {
		many = append(many, sheet.Mark{ID: fmt.Sprintf("q%d", i+1), Mark: quiz.Mark{Points: float64(i) / 2, Comment: hostileText[i%len(hostileText)], Marker: "T", At: hostileTimes[1], Answer: digest}})
	}
	checkMarksYAML(t, "60 marks", many)
}

// TestMarksYAMLAsEncoderRandom: random marks of random text (hostile
// pieces, random characters, random bytes), up to four to a section,
// 10,000 of them written and the rest refused. It fails if the cases did
// not reach every style the encoder chooses.
func TestMarksYAMLAsEncoderRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 26))
	piece := func() string {
		switch k := r.IntN(20); {
		case k < 8:
			return hostileText[r.IntN(len(hostileText))]
		case k < 12: // a word
			return []string{"good", "answer", "Khojaly", "marks", "see", "p.", "1992", "ok", "-", ":", "#", " ", "\n", "\t"}[r.IntN(14)]
		case k < 17: // random runes
			var b strings.Builder
			for range r.IntN(6) {
				b.WriteRune([]rune{'a', ' ', ':', '#', '\'', '"', '\\', '\n', '\r', '\t', 0, 0x85, 0xa0, 0xe9, 0x2028, 0xfeff, 0x1f600, '-', '[', '{', '&', '*', '!', '|', '>', '%', '@', '`', ',', '?'}[r.IntN(30)])
			}
			return b.String()
		case k == 17: // random bytes: often not UTF-8
			b := make([]byte, r.IntN(4))
			for i := range b {
				b[i] = byte(r.IntN(256))
			}
			return string(b)
		}
		return strings.Repeat("long ", r.IntN(60))
	}
	str := func(empty int) string {
		if r.IntN(empty) == 0 {
			return ""
		}
		var b strings.Builder
		for range 1 + r.IntN(4) {
			b.WriteString(piece())
		}
		return b.String()
	}
	seen := map[string]int{}
	for n := range 16000 {
		marks := make([]sheet.Mark, r.IntN(5))
		for i := range marks {
			m := quiz.Mark{Points: hostilePoints[r.IntN(len(hostilePoints))]}
			if r.IntN(3) == 0 {
				m.Points = float64(r.IntN(41)) / 4 // halves and quarters
			}
			m.Comment, m.Marker = str(3), str(3)
			if r.IntN(3) > 0 {
				m.At = hostileTimes[r.IntN(len(hostileTimes))]
				if r.IntN(2) == 0 {
					m.At = time.Unix(r.Int64N(1<<34)-1<<33, r.Int64N(1e9))
				}
			}
			m.Answer = str(4)
			if r.IntN(2) == 0 {
				m.Answer = quiz.AnswerDigest(str(2))
			}
			id := fmt.Sprintf("q%d", i+1)
			if r.IntN(3) == 0 {
				id = str(10)
			}
			marks[i] = sheet.Mark{ID: id, Mark: m}
		}
		got, err := checkMarksYAML(t, fmt.Sprint("random ", n), marks)
		switch {
		case err != nil:
			seen["refused"]++
			continue
		case len(marks) == 0:
			seen["{}"]++
		}
		seen["written"]++
		for _, style := range []string{`"`, "'", "|", ">", "? "} {
			if bytes.Contains(got, []byte(style)) {
				seen[style]++
			}
		}
	}
	for _, style := range []string{"refused", "{}", `"`, "'", "|", "? "} {
		if seen[style] < 20 {
			t.Errorf("only %d of the random sections had %s: the cases do not test it (%v)", seen[style], style, seen)
		}
	}
	if seen["written"] < 10000 {
		t.Errorf("only %d random sections were written, not refused (%v)", seen["written"], seen)
	}
	t.Logf("styles in the random sections: %v", seen)
}
