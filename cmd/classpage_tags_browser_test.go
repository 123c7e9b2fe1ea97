package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod/lib/proto"
)

// tagsBank has tags that read alike (recall, Recall; un-resolution, "un
// resolution"), numbered tags and one long word.
const tagsBank = `id: tg
title: Tags
questions:
  - {id: q1, type: truefalse, prompt: "One?", answer: true, explanation: x, tags: [recall, t2], source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}}
  - {id: q2, type: truefalse, prompt: "Two?", answer: true, explanation: x, tags: [Recall, t10], source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}}
  - {id: q3, type: truefalse, prompt: "Three?", answer: true, explanation: x, tags: [un-resolution, supercalifragilisticexpialidocioussupercalifragilisticexpialidocioussupercalifragilisticexpialidocious], source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}}
  - {id: q4, type: truefalse, prompt: "Four?", answer: true, explanation: x, tags: [un resolution, UN-resolution, t1], source: {section: Questions, paragraph: 1, quote: "What was the Soviet Union?"}}
`

// tagsClassPage grades two sheets of tagsBank to a class page in dir.
func tagsClassPage(t *testing.T, dir string) string {
	t.Helper()
	files := map[string]string{
		"tg.yaml":  tagsBank,
		"ana.yaml": "student: Ana\nanswers: {q1: true, q2: false, q3: true, q4: true}\n",
		"bo.yaml":  "student: Bo\nanswers: {q1: true, q2: true, q3: false, q4: false}\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := filepath.Join(dir, "class.html")
	f, _, _, errOut := testFactory(t)
	if code := Run(f, []string{"grade", filepath.Join(dir, "ana.yaml"), filepath.Join(dir, "bo.yaml"), "--bank", filepath.Join(dir, "tg.yaml"), "--format", "html", "-o", page}); code != ExitOK {
		t.Fatalf("grade: exit %d: %s", code, errOut)
	}
	return page
}

// Tags that read alike are one column, numbered tags sort as people count,
// and the report's own tag table merges them as well (attack6 finding 8).
func TestClassPageMergesTagsThatReadAlike(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(tagsClassPage(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, part := range strings.Split(string(data), `<th scope="col" class="n tag" title="`)[1:] {
		heads = append(heads, part[:strings.IndexByte(part, '"')])
	}
	want := []string{"Recall", "Supercalifragilisticexpialidocioussupercalifragilisticexpialidocioussupercalifragilisticexpialidocious", "T1", "T2", "T10", "UN resolution"}
	if !slices.Equal(heads, want) {
		t.Errorf("tag columns %q, want %q", heads, want)
	}
}

// A long one-word tag stays inside its upright header at a laptop's width
// (attack6 finding 8: it ran up over the page).
func TestClassPageLongTagStaysInItsHeader(t *testing.T) {
	t.Parallel()
	bin := findChromium(t)
	page := tagsClassPage(t, t.TempDir())
	browser := launchBrowser(t, bin)
	p, err := browser.Page(proto.TargetCreateTarget{})
	if err != nil {
		t.Fatal(err)
	}
	p = p.Timeout(time.Minute)
	if err := p.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: 1280, Height: 900, DeviceScaleFactor: 1}); err != nil {
		t.Fatal(err)
	}
	if err := p.Navigate("file://" + page); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitLoad(); err != nil {
		t.Fatal(err)
	}
	res, err := p.Eval(`() => Array.from(document.querySelectorAll("#gradebook-table th.tag")).map(th => {
		const r = th.getBoundingClientRect();
		const out = Array.from(th.querySelectorAll("*")).concat([th]).some(e => {
			const c = e.getBoundingClientRect();
			return c.top < r.top - 1 || c.bottom > r.bottom + 1 || c.left < r.left - 1 || c.right > r.right + 1 || e.scrollHeight > e.clientHeight + 1 && e.clientHeight > 0;
		});
		return [th.textContent.trim().slice(0, 20), Math.round(r.height), out, getComputedStyle(th).writingMode];
	})`)
	if err != nil {
		t.Fatal(err)
	}
	var heads [][]any
	if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &heads); err != nil {
		t.Fatal(err)
	}
	if len(heads) != 6 {
		t.Fatalf("tag headers: %v", heads)
	}
	for _, h := range heads {
		if h[2] == true || h[1].(float64) > 12*16+20 {
			t.Errorf("tag header %v overflows its cell or the 12rem height", h)
		}
	}
}
