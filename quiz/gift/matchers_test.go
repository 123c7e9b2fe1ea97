package gift

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The export's loops must say what the expressions they replace said: a
// text is written as HTML, or with [moodle] before it, exactly as before.
var (
	looksHTMLRe = regexp.MustCompile(`<[A-Za-z/!?]|&#?[A-Za-z0-9]+;`)
	moodleRe    = strings.NewReplacer("]", `\]`, "\r\n", " ", "\n", " ", "\r", " ")
)

func TestExportMatchersAgreeWithTheirExpressions(t *testing.T) {
	texts := []string{"", "<", "<b>", "a < b", "<1", "</p>", "<!--", "<?xml", "& ", "&amp;", "&#39;", "&#x41;", "&#;", "&;",
		"&a", "&a b;", "AT&T;", "&&amp;", "[html]x", "[]", "[html", "[h1]", "[HTML]", "x[html]", "[", "[a]", "a]b", "a\r\nb",
		"a\rb\n", "\r\r\n\n", "]]", "ünïcödé <é> &é;", "&#é;"}
	alphabet := []string{"<", ">", "&", "#", ";", "[", "]", "a", "Z", "0", "/", "!", "?", " ", "\r", "\n", "é", "-"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := looksHTML(s), looksHTMLRe.MatchString(s); got != want {
			t.Errorf("looksHTML(%q) = %v, the expression says %v", s, got, want)
		}
		if got, want := hasFormatPrefix(s), formatPrefix.Get().MatchString(s); got != want {
			t.Errorf("hasFormatPrefix(%q) = %v, formatPrefix says %v", s, got, want)
		}
		if got, want := moodleEscape(s), moodleRe.Replace(s); got != want {
			t.Errorf("moodleEscape(%q) = %q, want %q", s, got, want)
		}
	}
}

// moodleContext reads a category's first part as the expression it
// replaces did: random texts of the characters that matter, and hostile ones.
func TestMoodleContextAgreesWithItsExpression(t *testing.T) {
	re := regexp.MustCompile(`^\$[a-z0-9]+\$$`)
	texts := []string{"", "$", "$$", "$a$", "$course$", "$module$", "$a$b$", "$A$", "$a$\n", "\n$a$", "$a $", " $a$", "$9$", "$é$", "$a", "a$"}
	alphabet := []string{"$", "a", "z", "0", "9", "A", "Z", " ", "\n", "é", "_", "-", "/"}
	rng := rand.New(rand.NewPCG(29, 3))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(7) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := moodleContext(s), re.MatchString(s); got != want {
			t.Fatalf("moodleContext(%q) = %v, the expression says %v", s, got, want)
		}
	}
}
