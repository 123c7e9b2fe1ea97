package htmlreport_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/stats"
)

// F5 (attack17): question ids that make the same anchor ("evil/q3" and
// "evil-q3": anchorID makes both evil-q3) get an id each, in the order of
// the page, and each link goes to its own question.
func TestClassPageAnchorsUnique(t *testing.T) {
	ids := []string{"evil/q3", "evil-q3", "evil-q3-2", "evil.q3", "a/b-c", "a-b/c"}
	s := stats.New(ids, []float64{1, 1, 1, 1, 1, 1})
	s.Add([]float64{1, 0, 1, 0, 1, 0})
	s.Add([]float64{0, 1, 0, 1, 0, 1})
	var b bytes.Buffer
	if err := htmlreport.NewClass(nil, time.Time{}).Write(&b, s.Summary(30)); err != nil {
		t.Fatal(err)
	}
	p := b.String()
	seen := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(p, -1) {
		seen[m[1]]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("id %q is on %d elements", id, n)
		}
	}
	// The first keeps the plain anchor, as on a page without a clash.
	for _, want := range []string{`<a href="#q-evil-q3">evil/q3</a>`, `<a href="#q-evil-q3-2">evil-q3</a>`, `<a href="#q-a-b-c">a/b-c</a>`} {
		if !strings.Contains(p, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	links := regexp.MustCompile(`<td class="lead"><a href="#([^"]+)">([^<]+)</a></td>`).FindAllStringSubmatch(p, -1)
	if len(links) != len(ids) {
		t.Fatalf("%d links in the questions table, want %d", len(links), len(ids))
	}
	for _, l := range links {
		target := regexp.MustCompile(`id="` + regexp.QuoteMeta(l[1]) + `">\n<h3>\d+\. <code>([^<]+)</code>`).FindStringSubmatch(p)
		if target == nil || target[1] != l[2] {
			t.Errorf("the link to %s goes to #%s, which is %v", l[2], l[1], target)
		}
	}
}
