package htmlreport_test

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/gift"
	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

func paperHTML(t *testing.T, b *quiz.Bank, p worksheet.Paper, part htmlreport.PaperPart) string {
	t.Helper()
	s, err := worksheet.Layout(b, p)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := htmlreport.Paper(&buf, s, part); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func paperMarkdown(t *testing.T, b *quiz.Bank, p worksheet.Paper) string {
	t.Helper()
	var buf bytes.Buffer
	if err := worksheet.Write(&buf, b, p); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var (
	mdNumber   = regexp.MustCompile(`(?m)^\*\*(\d+)\.\*\* `)
	mdOption   = regexp.MustCompile(`(?m)^- ([a-z]+)\) (.*)$`)
	htmlNumber = regexp.MustCompile(`<span class="n">(\d+)\.</span>`)
	htmlOption = regexp.MustCompile(`<span class="label">([a-z]+)\)</span> <span class="text">([^<]*)</span>`)
	mdEscape   = regexp.MustCompile(`\\(.)`)
)

func matches(re *regexp.Regexp, s string, unquote func(string) string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.Join(strings.Fields(unquote(strings.Join(m[1:], " "))), " "))
	}
	return out
}

// The HTML test holds every question of the Markdown one, numbered alike,
// with the same options under the same letters; its key follows them after a
// page break, as the Markdown's follows its questions (teacher3 P2).
func TestPaperMatchesMarkdown(t *testing.T) {
	options := 0
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		b := assets.CompiledBank(name)
		for _, p := range []worksheet.Paper{
			{},
			{Filter: quiz.Filter{Count: 10, Set: "9c"}, Seed: 42, Shuffle: true,
				Made:    "Set 9c, seed 42",
				Command: "conflictq sheet --bank " + name + " -n 10 --set 9c --seed 42"},
		} {
			md, page := paperMarkdown(t, b, p), paperHTML(t, b, p, htmlreport.PaperTest)
			mdQ, mdKey, ok := strings.Cut(md, "\n## Answer key\n")
			htmlQ, htmlKey, ok2 := strings.Cut(page, `<h2 id="h-key">Answer key</h2>`)
			if !ok || !ok2 {
				t.Fatalf("%s: a key is missing (markdown %v, html %v)", name, ok, ok2)
			}
			unmd := func(s string) string { return mdEscape.ReplaceAllString(s, "$1") }
			if got, want := matches(htmlNumber, htmlQ, html.UnescapeString), matches(mdNumber, mdQ, unmd); !slices.Equal(got, want) || len(want) == 0 {
				t.Errorf("%s: question numbers %v, the Markdown's %v", name, got, want)
			}
			if got, want := matches(htmlNumber, htmlKey, html.UnescapeString), matches(mdNumber, mdKey, unmd); !slices.Equal(got, want) {
				t.Errorf("%s: key numbers %v, the Markdown's %v", name, got, want)
			}
			got, want := matches(htmlOption, htmlQ, html.UnescapeString), matches(mdOption, mdQ, unmd)
			options += len(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s: options\n%q\nthe Markdown's\n%q", name, got, want)
			}
			if !strings.Contains(page, `<section class="key after"`) || !strings.Contains(page, "break-before: page") {
				t.Errorf("%s: the key does not start on a page of its own", name)
			}
			if p.Made != "" {
				// The set and seed head the test; the command is the key's
				// alone, as in the Markdown (teacher4 P6).
				if !strings.Contains(htmlQ, `<p class="made">Set 9c, seed 42</p>`) || !strings.Contains(mdQ, "\nSet 9c, seed 42\n") {
					t.Errorf("%s: the test does not say its set and seed", name)
				}
				if strings.Contains(htmlQ, "conflictq sheet") || strings.Contains(mdQ, "conflictq sheet") {
					t.Errorf("%s: the test shows students the sheet command", name)
				}
				if !strings.Contains(htmlKey, `<p class="made">Set 9c, seed 42; make the matching answer sheet with: <code>conflictq sheet --bank `+name+` -n 10 --set 9c --seed 42</code></p>`) ||
					!strings.Contains(mdKey, "\nSet 9c, seed 42; make the matching answer sheet with: conflictq sheet --bank "+name+" -n 10 --set 9c --seed 42\n") {
					t.Errorf("%s: the key lacks the sheet command", name)
				}
			}
		}
	}
	if options < 100 {
		t.Errorf("%d lettered options compared; the test reads too few", options)
	}
}

// A test to hand out holds no answer; the key kept apart holds every answer
// and no question's blanks. The test says its set and seed; only the key
// gives the sheet command (teacher4 P6), in both formats.
func TestPaperNoKey(t *testing.T) {
	b := assets.CompiledBank("comprehension")
	p := worksheet.Paper{Filter: quiz.Filter{Count: 8}, Seed: 3, Shuffle: true, Key: worksheet.NoKey,
		Made: "Seed 3", Command: "conflictq sheet --bank comprehension -n 8 --seed 3"}
	var mdTest, mdKey bytes.Buffer
	if err := worksheet.Write(&mdTest, b, p); err != nil {
		t.Fatal(err)
	}
	if err := worksheet.WriteKey(&mdKey, b, p); err != nil {
		t.Fatal(err)
	}
	test, key := paperHTML(t, b, p, htmlreport.PaperTest), paperHTML(t, b, p, htmlreport.PaperKeyOnly)
	s, _ := worksheet.Layout(b, p)
	for _, bad := range []string{"Answer key", `class="k"`, "Reread:", "Model answer", "Key points"} {
		if strings.Contains(test, bad) {
			t.Errorf("the test handed out holds %q", bad)
		}
	}
	for _, it := range s.Items {
		if it.N > 0 && strings.Contains(test, html.EscapeString(it.Explanation)) {
			t.Errorf("question %d: its explanation is in the test", it.N)
		}
	}
	if got := len(htmlNumber.FindAllString(key, -1)); got != 8 {
		t.Errorf("the key has %d answers, want 8", got)
	}
	// Each answer names its question as the class page does, to go over the
	// paper with the class page's statistics (teacher3 P5).
	for _, it := range s.Items {
		if !strings.Contains(key, "class page: <code>"+it.ID+"</code>") {
			t.Errorf("the key does not name question %d, %s", it.N, it.ID)
		}
	}
	for _, bad := range []string{`class="q `, `class="box"`, "Name:"} {
		if strings.Contains(key, bad) {
			t.Errorf("the key holds %q", bad)
		}
	}
	if !strings.Contains(key, "<title>"+html.EscapeString(s.Title)+": answer key</title>") {
		t.Error("the key's title does not say it is the key")
	}
	if !strings.Contains(test, `<p class="made">Seed 3</p>`) || !strings.Contains(mdTest.String(), "\nSeed 3\n") {
		t.Error("the test does not say its seed")
	}
	if strings.Contains(test, "conflictq sheet") || strings.Contains(mdTest.String(), "conflictq sheet") {
		t.Error("the test handed out shows students the sheet command")
	}
	if !strings.Contains(key, `<p class="made">Seed 3; make the matching answer sheet with: <code>conflictq sheet --bank comprehension -n 8 --seed 3</code></p>`) {
		t.Errorf("the HTML key lacks the sheet command")
	}
	if got := strings.Count(mdKey.String(), "conflictq sheet"); got != 1 || !strings.Contains(mdKey.String(), "\nSeed 3; make the matching answer sheet with: conflictq sheet --bank comprehension -n 8 --seed 3\n") {
		t.Errorf("the Markdown key gives the sheet command %d times, want once under its title:\n%.400s", got, mdKey.String())
	}
}

// Bank text imported from a GIFT file is shown, never obeyed: no tag, script,
// style or control character of it reaches the page as markup.
func TestPaperEscapesHostileBank(t *testing.T) {
	src := "$CATEGORY: </title><script>alert('t')</script>\n\n" +
		"::evil::Which <img src=x onerror=alert(1)> is it? </style><style>body</style> {\n" +
		"=<script>alert(2)</script> #</section><h1>fake key</h1>\n" +
		"~Option &amp; <b>bold</b>\n" +
		"~\"quoted\" 'single' <!-- comment -->\n" +
		"####<iframe src=//evil.example></iframe>\n}\n\n" +
		"::order::Put in order <a href=//evil.example>x</a> {\n=1 <u>one</u> -> A\n=2 two -> B\n}\n\n" +
		"::open::Explain </main><form action=//x> {}\n"
	b, _, err := gift.Parse("evil.gift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	page := paperHTML(t, b, worksheet.Paper{}, htmlreport.PaperTest)
	// The page's own markup, and nothing else, is made of tags.
	for _, bad := range []string{"<script", "<img", "<iframe", "<form", "<b>", "<u>", "<a ", "<h1>fake", "<!--", "<style>body"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(2)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;", "&lt;/style&gt;&lt;style&gt;body"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q: bank text is lost rather than shown", want)
		}
	}
	if n := strings.Count(page, "<style"); n != 1 {
		t.Errorf("%d style elements, want the page's own 1", n)
	}
	if !strings.Contains(html.UnescapeString(page), "script-src 'none'") {
		t.Error("the policy allows scripts")
	}
	// A control character (from a bank the validator did not see) is shown
	// escaped, as on the class page, not sent to a terminal the page is
	// printed to.
	var buf bytes.Buffer
	if err := htmlreport.Paper(&buf, &worksheet.Sheet{Title: "T\x1b]0;x\a", Items: []worksheet.Item{{N: 1, Kind: quiz.Short, Prompt: "a\x1b[2Jb"}}}, htmlreport.PaperTest); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(buf.String(), "\x1b\a") || !strings.Contains(buf.String(), `a\x1b[2Jb`) {
		t.Errorf("control characters reach the page:\n%s", buf.String())
	}
}
