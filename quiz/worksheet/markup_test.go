package worksheet

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// isEntity, lineMarker and underscoreRun find what the
// regexps they replaced found.
func TestMarkupAsRegexps(t *testing.T) {
	entity := regexp.MustCompile(`^&#?[A-Za-z0-9]+;`)
	lineStart := regexp.MustCompile(`^(\s*)([#>+=-]|[0-9]+[.)])`)
	underscores := regexp.MustCompile(`_+`)
	pieces := []string{"&", "#", "amp", "x9", ";", " ", "\t", "\n", "\f", "\r", "\v", "1", "42", ".", ")", ">", "+", "=", "-", "_", "__", "a", "é", "&#233;", "*"}
	r := rand.New(rand.NewPCG(25, 5))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if strings.HasPrefix(s, "&") {
			if got, want := isEntity(s), entity.MatchString(s); got != want {
				t.Fatalf("isEntity(%q) = %v, want %v", s, got, want)
			}
		}
		want := -1
		if m := lineStart.FindStringSubmatchIndex(s); m != nil {
			want = m[5]
		}
		if got := lineMarker(s); got != want {
			t.Fatalf("lineMarker(%q) = %d, want %d", s, got, want)
		}
		if i := strings.IndexByte(s, '_'); i >= 0 {
			if got, want := underscoreRun(s[i:]), underscores.FindString(s[i:]); got != want {
				t.Fatalf("run at %d of %q = %q, want %q", i, s, got, want)
			}
		}
	}
}
