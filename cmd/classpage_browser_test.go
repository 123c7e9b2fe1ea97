package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/launcher/flags"
	"github.com/go-rod/rod/lib/proto"
)

// launchBrowser starts a headless Chromium and connects to it. When the test
// ends the browser is closed and its profile folder removed: rod makes one in
// the system's temporary folder for every launch and leaves it there unless
// asked (some 3 MB a run, 1.6 GB after a few hundred runs of make test).
// Every step has a deadline: a Chromium that stops answering fails the test
// and is killed, rather than holding go test to its ten-minute timeout.
func launchBrowser(t *testing.T, bin string) *rod.Browser {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	launchCtx, launched := context.WithTimeout(ctx, time.Minute)
	defer launched()
	l := launcher.New().Context(launchCtx).Bin(bin).NoSandbox(true).Headless(true).Leakless(false)
	// Chromium's own temporary folder (org.chromium.Chromium.*, its
	// singleton socket) goes inside the profile, which Cleanup removes:
	// one killed after hanging left it in TMPDIR (recheck28c L4). A short
	// name, as the socket's path must fit in 108 bytes.
	tmp := filepath.Join(l.Get(flags.UserDataDir), "t")
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	l.Env(append(os.Environ(), "TMPDIR="+tmp)...)
	u, err := l.Launch()
	if err != nil {
		l.Kill() // a Chromium started that never gave its address
		os.RemoveAll(l.Get(flags.UserDataDir))
		t.Fatalf("starting chromium: %v", err)
	}
	t.Cleanup(func() { // after the Close below: cleanups run last first
		done := make(chan struct{})
		go func() { l.Cleanup(); close(done) }() // waits for Chromium to exit, then removes the profile
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			l.Kill()
			<-done
		}
	})
	browser := rod.New().ControlURL(u).Context(ctx)
	if err := browser.Connect(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { browser.Timeout(10 * time.Second).Close() })
	return browser
}

// findChromium returns Debian's chromium, or skips the test when it is missing
// outside CI; under CI (CI set) a missing browser fails the test, since .ci/run
// installs it.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed, and CI is set: .ci/run installs it (apt-get install -y chromium)")
	}
	t.Skip("skipped: chromium is not installed (apt-get install -y chromium); under CI this test fails instead")
	return ""
}

// artifactsDir is where the browser test leaves its screenshots:
// $CONFLICTQ_ARTIFACTS, else artifacts/browser at the top of the repository
// (ignored by git).
func artifactsDir(t *testing.T) string {
	dir := os.Getenv("CONFLICTQ_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "artifacts", "browser")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readPage reads pageData off a loaded page once it has settled. A table's
// scroll cue is shown by a CSS scroll-state container query, which Chromium
// applies after layout, a frame or more after the load event: under load
// (make test beside other work) a reading taken at once saw the mastery
// table with no cue in sight (review13-s25). So, after the fonts are ready,
// it reads again each frame until no table is cut off or 10 s have passed,
// and returns the last reading: a page whose cue never shows still fails.
func readPage(t *testing.T, page *rod.Page) pageNumbers {
	t.Helper()
	res, err := page.Eval(`async () => {
		const read = ` + pageData + `;
		const frame = () => new Promise(r => { requestAnimationFrame(() => setTimeout(r, 0)); setTimeout(r, 100); });
		await document.fonts.ready;
		const until = Date.now() + 10000;
		let data, frames = 0;
		for (;;) {
			await frame();
			frames++;
			data = read();
			if (data.cutTables.length === 0 || Date.now() > until) break;
		}
		data.frames = frames;
		return data;
	}`)
	if err != nil {
		t.Fatal(err)
	}
	var got pageNumbers
	if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &got); err != nil {
		t.Fatal(err)
	}
	if got.Frames > 1 {
		t.Logf("the page read %d times, a frame apart, before it settled or 10 s passed", got.Frames)
	}
	return got
}

// pageData is what the test reads off the page, in one evaluation.
const pageData = `() => {
	const txt = s => { const e = document.querySelector(s); return e ? e.textContent.trim() : null; };
	const rows = s => Array.from(document.querySelectorAll(s));
	const vw = document.documentElement.clientWidth;
	// A table may scroll inside its own box (.scroll), which must fit itself.
	const wide = rows("body *").filter(e => {
		if ((e.parentElement && e.parentElement.closest(".scroll")) || e.closest("svg")) return false;
		const r = e.getBoundingClientRect();
		return r.width > 0 && r.right > vw + 1;
	}).map(e => e.tagName + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className : ""));
	// WCAG contrast of every piece of text against the background it sits on.
	const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
	const lum = c => { const v = rgb(c).slice(0, 3).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
	const bgOf = e => { for (; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor; const a = rgb(b); if (a.length === 3 || a[3] > 0) return b; } return "rgb(255, 255, 255)"; };
	const lowContrast = rows("body *").filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length).map(e => {
		const st = getComputedStyle(e);
		const fg = e.closest("svg") ? st.fill : st.color;
		const l1 = lum(fg), l2 = lum(bgOf(e.closest("svg") || e));
		const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
		const size = parseFloat(st.fontSize), large = size >= 24 || (size >= 18.66 && parseInt(st.fontWeight) >= 700);
		return ratio < (large ? 3 : 4.5) ? e.tagName + " " + JSON.stringify(e.textContent.trim().slice(0, 30)) + " " + ratio.toFixed(2) : "";
	}).filter(Boolean);
	// Every piece of text at least 12 px as rendered: an SVG's text scales
	// with its box.
	const small = rows("body *").filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length).map(e => {
		let size = parseFloat(getComputedStyle(e).fontSize);
		const svg = e.closest("svg");
		if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
		return size < 11.95 ? e.tagName + " " + JSON.stringify(e.textContent.trim().slice(0, 30)) + " " + size.toFixed(1) + "px" : "";
	}).filter(Boolean);
	const desc = e => e.tagName + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\s+/g, ".") : "");
	// A student's name wraps between words (or after a hyphen) only: a word
	// may break inside only when it is wider than its box may ever be (its
	// max-width, else the box holding the table or the list). A name cut short
	// (an ellipsis, overflow hidden) counts too.
	const brokenNames = rows("header h1, #gradebook-table tbody th, #mastery-table tbody th, ul.open li > strong").filter(e => e.getClientRects().length).flatMap(e => {
		const out = [], st = getComputedStyle(e);
		if (st.display !== "inline" && e.scrollWidth > e.clientWidth + 1) out.push(JSON.stringify(e.textContent) + " is cut off in " + desc(e));
		const limit = st.maxWidth !== "none" ? parseFloat(st.maxWidth) : ((e.closest("table") || e.parentElement).parentElement.clientWidth);
		const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
		for (let n; (n = walk.nextNode());) {
			const s = n.textContent, re = /\S+/g;
			for (let m; (m = re.exec(s));) {
				let prev = null;
				for (let i = m.index; i < m.index + m[0].length; i++) {
					const r = document.createRange();
					r.setStart(n, i);
					r.setEnd(n, i + 1);
					const rect = r.getClientRects()[0];
					if (!rect) continue;
					if (prev !== null && rect.top > prev + 2 && s[i - 1] !== "-") {
						const probe = document.createElement("span");
						probe.style.whiteSpace = "nowrap";
						probe.textContent = m[0];
						e.appendChild(probe);
						const w = probe.getBoundingClientRect().width;
						probe.remove();
						if (w <= limit + 1) out.push(JSON.stringify(m[0]) + " breaks after " + JSON.stringify(s.slice(m.index, i)) + " in " + desc(e) + " (" + Math.round(w) + " px word, " + Math.round(limit) + " px allowed)");
						break;
					}
					prev = rect.top;
				}
			}
		}
		return out;
	});
	// A table wider than a box that clips it must be in its own scrolling
	// box (.scroll) that shows a cue (.scroll-cue) while there is more to see;
	// a cue shows only then.
	const cutTables = rows("table").filter(t => t.getClientRects().length).map(t => {
		const r = t.getBoundingClientRect();
		for (let a = t.parentElement; a && a !== document.body; a = a.parentElement) {
			const ox = getComputedStyle(a).overflowX;
			if (ox === "visible") continue;
			const box = a.getBoundingClientRect();
			if (r.right <= box.right + 1 && r.left >= box.left - 1) return "";
			if (!a.classList.contains("scroll") || (ox !== "auto" && ox !== "scroll")) return desc(t) + " is cut off by " + desc(a);
			const cue = a.querySelector(".scroll-cue");
			if (!cue || !cue.getClientRects().length || cue.getBoundingClientRect().right > vw + 1 || cue.getBoundingClientRect().left < 0) return desc(t) + " scrolls sideways in its box with no cue in sight";
			return "";
		}
		return r.right > vw + 1 ? desc(t) + " runs off the page" : "";
	}).filter(Boolean).concat(rows(".scroll-cue").filter(c => c.getClientRects().length && c.closest(".scroll") && c.closest(".scroll").scrollWidth <= c.closest(".scroll").clientWidth).map(c => "a cue on a box that does not scroll: " + desc(c.closest(".scroll").querySelector("table") || c)));
	return {
		brokenNames: brokenNames.slice(0, 10),
		cutTables: cutTables.slice(0, 10),
		questionsScroll: (() => { const s = document.querySelector("#questions .scroll"); return s ? s.scrollWidth - s.clientWidth : 0; })(),
		small: small.slice(0, 10),
		contrast: lowContrast.slice(0, 10),
		toMark: txt("#to-mark-note"),
		files: rows("#unreadable-files li").map(li => li.textContent),
		stats: {students: txt("#stat-students"), mean: txt("#stat-mean"), median: txt("#stat-median"), sd: txt("#stat-sd"), alpha: txt("#stat-alpha"), passed: txt("#stat-passed")},
		hist: rows("#hist-table tbody tr").map(r => r.cells[1].textContent.trim()),
		questions: rows("#questions-table tbody tr").map(r => [r.dataset.q, r.cells[2].dataset.v, r.cells[3].dataset.v, r.cells[4].textContent.trim()]),
		responses: rows("table.resp").map(t => [t.dataset.q].concat(rows("#" + t.id + " tbody tr").map(r => r.cells[1].textContent.trim()))),
		names: rows("#gradebook-table tbody th").map(th => th.textContent),
		images: document.querySelectorAll("img, iframe, object, embed").length,
		scripts: document.scripts.length,
		scrollWidth: document.documentElement.scrollWidth,
		// The gradebook fits its box without tag columns (hidden on a phone):
		// how far it would scroll sideways.
		gradebookScroll: (() => { const s = document.querySelector("#gradebook .scroll"); return s ? s.scrollWidth - s.clientWidth : 0; })(),
		viewport: vw,
		wide: wide.slice(0, 10),
	};
}`

type pageNumbers struct {
	BrokenNames []string           `json:"brokenNames"`
	CutTables   []string           `json:"cutTables"`
	Frames      int                `json:"frames"` // readPage's readings
	QuestionsSc int                `json:"questionsScroll"`
	Small       []string           `json:"small"`
	ToMark      *string            `json:"toMark"`
	Files       []string           `json:"files"`
	Contrast    []string           `json:"contrast"`
	Stats       map[string]*string `json:"stats"`
	Hist        []string           `json:"hist"`
	Questions   [][]string         `json:"questions"`
	Responses   [][]string         `json:"responses"`
	Names       []string           `json:"names"`
	Images      int                `json:"images"`
	Scripts     int                `json:"scripts"`
	ScrollWidth int                `json:"scrollWidth"`
	Gradebook   int                `json:"gradebookScroll"`
	Viewport    int                `json:"viewport"`
	Wide        []string           `json:"wide"`
}

// The class page in a real browser, offline: no requests, no console errors,
// the JSON summary's numbers, sorting, no overflow at a phone's and a laptop's
// widths, hostile names shown as text. Screenshots are left in artifactsDir.
func TestClassPageInBrowser(t *testing.T) {
	t.Parallel() // chromium's start-up overlaps the other parallel tests
	bin := findChromium(t)
	start := time.Now()
	defer func() { t.Logf("browser test: %v", time.Since(start)) }()
	dir := t.TempDir()
	pagePath := classPage(t, dir, 40)
	var summary quiz_summary
	data, err := os.ReadFile(filepath.Join(dir, "stats.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &summary); err != nil {
		t.Fatal(err)
	}

	browser := launchBrowser(t, bin)
	t.Logf("launched: %v", time.Since(start))
	page, err := browser.Page(proto.TargetCreateTarget{})
	if err != nil {
		t.Fatal(err)
	}
	// A browser that stops answering fails this test in two minutes instead
	// of holding the whole package until go test's ten-minute timeout.
	page = page.Timeout(2 * time.Minute)
	var mu sync.Mutex
	var requests, problems []string
	pageURL := "file://" + pagePath
	proto.NetworkEnable{}.Call(page)
	proto.LogEnable{}.Call(page)
	proto.RuntimeEnable{}.Call(page)
	proto.NetworkEmulateNetworkConditions{Offline: true, Latency: 0, DownloadThroughput: -1, UploadThroughput: -1}.Call(page)
	go page.EachEvent(func(e *proto.NetworkRequestWillBeSent) {
		mu.Lock()
		defer mu.Unlock()
		// The pages this test opens are the only documents allowed.
		if e.Type != proto.NetworkResourceTypeDocument || !strings.HasPrefix(e.Request.URL, "file://"+dir+"/") {
			requests = append(requests, e.Request.URL)
		}
	}, func(e *proto.RuntimeConsoleAPICalled) {
		if e.Type == proto.RuntimeConsoleAPICalledTypeError || e.Type == proto.RuntimeConsoleAPICalledTypeWarning {
			mu.Lock()
			problems = append(problems, "console "+string(e.Type))
			mu.Unlock()
		}
	}, func(e *proto.RuntimeExceptionThrown) {
		mu.Lock()
		problems = append(problems, "exception: "+e.ExceptionDetails.Text)
		mu.Unlock()
	}, func(e *proto.LogEntryAdded) {
		if e.Entry.Level == proto.LogLogEntryLevelError || e.Entry.Level == proto.LogLogEntryLevelWarning {
			mu.Lock()
			problems = append(problems, "log: "+e.Entry.Text)
			mu.Unlock()
		}
	}, func(e *proto.PageJavascriptDialogOpening) {
		mu.Lock()
		problems = append(problems, "a dialog opened: "+e.Message)
		mu.Unlock()
		proto.PageHandleJavaScriptDialog{Accept: true}.Call(page)
	})()

	shots := artifactsDir(t)
	for _, width := range []int{390, 1280} {
		if err := page.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 600}); err != nil {
			t.Fatal(err)
		}
		if err := page.Navigate(pageURL); err != nil {
			t.Fatal(err)
		}
		if err := page.WaitLoad(); err != nil {
			t.Fatal(err)
		}
		t.Logf("loaded at %d: %v", width, time.Since(start))
		got := readPage(t, page)
		if len(got.Small) > 0 {
			t.Errorf("at %d px, text under 12 px: %v", width, got.Small)
		}
		if len(got.Contrast) > 0 {
			t.Errorf("at %d px, text below WCAG AA contrast: %v", width, got.Contrast)
		}
		if got.ScrollWidth > got.Viewport || len(got.Wide) > 0 {
			t.Errorf("at %d px the page is %d px wide; overflowing: %v", width, got.ScrollWidth, got.Wide)
		}
		if width == 390 && got.Gradebook > 0 {
			t.Errorf("at 390 px the gradebook scrolls %d px sideways in its box", got.Gradebook)
		}
		if width == 390 && got.QuestionsSc > 0 {
			t.Errorf("at 390 px the questions' table scrolls %d px sideways in its box (teacher11 P8: Facility cut off)", got.QuestionsSc)
		}
		if len(got.BrokenNames) > 0 {
			t.Errorf("at %d px a name breaks inside a word or is cut off: %v", width, got.BrokenNames)
		}
		if len(got.CutTables) > 0 {
			t.Errorf("at %d px a table is cut off: %v", width, got.CutTables)
		}
		if width == 1280 {
			checkNumbers(t, got, summary)
			if got.Images != 0 || got.Scripts != 1 {
				t.Errorf("%d images or frames and %d scripts: want none and the one that sorts", got.Images, got.Scripts)
			}
			for _, name := range append(append(hostileNames, longNames...), "Stopped Early", "Reporter 1", "Una Unreadable") {
				if !slices.Contains(got.Names, name) {
					t.Errorf("the gradebook does not show %q as text: %q", name, got.Names[:2])
				}
			}
			// The file that could not be read is listed apart, not as a student.
			if len(got.Files) != 1 || !strings.Contains(got.Files[0], "unreadable-sheet.yaml") || slices.ContainsFunc(got.Names, func(n string) bool { return strings.Contains(n, "unreadable-sheet") }) {
				t.Errorf("unreadable files: listed %q; gradebook names %q", got.Files, got.Names)
			}
			// Every open answer is marked: the statistics count the marks,
			// and no note says otherwise.
			if got.ToMark != nil {
				t.Errorf("a note on sheets left to mark, with every open answer marked: %q", *got.ToMark)
			}
			if len(summary.Questions) != 40 {
				t.Errorf("the statistics cover %d questions; want 40, the 3 open ones with their marks", len(summary.Questions))
			}
		}
		t.Logf("checked at %d: %v", width, time.Since(start))
		saveScreenshots(t, page, shots, width)
		if width == 1280 {
			checkSorting(t, page)
		}
	}
	checkWithoutJavaScript(t, page, pageURL)
	checkStudentPage(t, page, dir, shots)
	checkPaperPages(t, page, dir, shots)

	mu.Lock()
	defer mu.Unlock()
	if len(requests) > 0 {
		t.Errorf("the page made requests: %v", requests)
	}
	if len(problems) > 0 {
		t.Errorf("console errors: %v", problems)
	}
}

// quiz_summary is the part of --summary's JSON the test compares.
type quiz_summary struct {
	Count     int                   `json:"count"`
	Mean      float64               `json:"mean"`
	Median    float64               `json:"median"`
	SD        float64               `json:"sd"`
	Alpha     *float64              `json:"cronbach_alpha"`
	Histogram []struct{ Count int } `json:"histogram"`
	Questions []struct {
		ID             string   `json:"id"`
		Facility       float64  `json:"facility"`
		Discrimination *float64 `json:"discrimination"`
		Low            bool     `json:"low_discrimination"`
	} `json:"questions"`
	Responses []struct {
		ID         string                `json:"id"`
		Unanswered int                   `json:"unanswered"`
		NotReached int                   `json:"not_reached"`
		Unreadable int                   `json:"unreadable"`
		OtherWrong int                   `json:"other_wrong"`
		Answers    []struct{ Count int } `json:"answers"`
	} `json:"responses"`
}

func jsNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func checkNumbers(t *testing.T, got pageNumbers, want quiz_summary) {
	t.Helper()
	str := func(p *string) string {
		if p == nil {
			return "(missing)"
		}
		return *p
	}
	alpha := "n/a"
	if want.Alpha != nil {
		alpha = jsNum(*want.Alpha)
	}
	for k, w := range map[string]string{"students": strconv.Itoa(want.Count), "mean": jsNum(want.Mean), "median": jsNum(want.Median), "sd": jsNum(want.SD), "alpha": alpha} {
		if g := str(got.Stats[k]); g != w {
			t.Errorf("%s: the page shows %s, the JSON summary %s", k, g, w)
		}
	}
	if got.Stats["passed"] == nil {
		t.Errorf("no pass count with --pass")
	}
	if len(got.Hist) != len(want.Histogram) {
		t.Fatalf("histogram: %d bins on the page, %d in the JSON", len(got.Hist), len(want.Histogram))
	}
	for i, b := range want.Histogram {
		if got.Hist[i] != strconv.Itoa(b.Count) {
			t.Errorf("histogram bin %d: page %s, JSON %d", i, got.Hist[i], b.Count)
		}
	}
	byID := map[string][]string{}
	for _, q := range got.Questions {
		byID[q[0]] = q
	}
	for _, q := range want.Questions {
		row, ok := byID[q.ID]
		if !ok {
			t.Errorf("question %s is not on the page", q.ID)
			continue
		}
		disc := "-999"
		if q.Discrimination != nil {
			disc = jsNum(*q.Discrimination)
		}
		if row[1] != jsNum(q.Facility) || row[2] != disc || (row[3] == "weak") != q.Low {
			t.Errorf("question %s: page %v, JSON facility %v discrimination %s low %v", q.ID, row[1:], q.Facility, disc, q.Low)
		}
	}
	resp := map[string][]string{}
	for _, r := range got.Responses {
		resp[r[0]] = r[1:]
	}
	checked, unreadable, notReached := 0, 0, 0
	for _, r := range want.Responses {
		cells, ok := resp[r.ID]
		if !ok {
			continue // open questions have no table
		}
		var w []string
		for _, a := range r.Answers {
			w = append(w, strconv.Itoa(a.Count))
		}
		if r.OtherWrong > 0 {
			w = append(w, strconv.Itoa(r.OtherWrong))
		}
		if r.Unreadable > 0 {
			w = append(w, strconv.Itoa(r.Unreadable))
			unreadable++
		}
		w = append(w, strconv.Itoa(r.Unanswered))
		if r.NotReached > 0 {
			w = append(w, strconv.Itoa(r.NotReached))
			notReached++
		}
		if !slices.Equal(cells, w) {
			t.Errorf("responses to %s: page %v, JSON %v", r.ID, cells, w)
		}
		checked++
	}
	if open := 3; checked < len(want.Questions)-open {
		t.Errorf("response tables for %d of %d questions", checked, len(want.Questions))
	}
	if notReached == 0 {
		t.Error("no question with a not reached row in the JSON; the fixture has a quiz stopped early")
	}
	if unreadable != 2 {
		t.Errorf("%d questions with unreadable answers in the JSON; the fixture has 2", unreadable)
	}
}

// checkSorting sorts the gradebook by percent, up then down.
func checkSorting(t *testing.T, page *rod.Page) {
	t.Helper()
	percents := func() []float64 {
		res, err := page.Eval(`() => Array.from(document.querySelectorAll("#gradebook-table tbody tr")).map(r => r.cells[2].dataset.v)`)
		if err != nil {
			t.Fatal(err)
		}
		var out []float64
		for _, v := range res.Value.Arr() {
			f, _ := strconv.ParseFloat(v.Str(), 64)
			out = append(out, f)
		}
		return out
	}
	button, err := page.Element("#gradebook-table thead th:nth-child(3) button")
	if err != nil {
		t.Fatalf("no sort button on the gradebook's Percent column: %v", err)
	}
	before := percents()
	for _, up := range []bool{true, false} {
		if err := button.Click(proto.InputMouseButtonLeft, 1); err != nil {
			t.Fatal(err)
		}
		got := percents()
		want := slices.Clone(before)
		slices.Sort(want)
		if !up {
			slices.Reverse(want)
		}
		if !slices.Equal(got, want) {
			t.Errorf("sorted %s by percent: %v", map[bool]string{true: "up", false: "down"}[up], got)
		}
		sortAttr, _ := page.MustElement("#gradebook-table thead th:nth-child(3)").Attribute("aria-sort")
		if sortAttr == nil || *sortAttr != map[bool]string{true: "ascending", false: "descending"}[up] {
			t.Errorf("aria-sort is %v after sorting", sortAttr)
		}
	}
	// Every column sorts, the tag columns too, though the unreadable sheet's
	// row has no tag cells (test11 P7: a TypeError).
	res, err := page.Eval(`() => { const bs = document.querySelectorAll("#gradebook-table thead th button"); bs.forEach(b => b.click()); return bs.length; }`)
	if err != nil || res.Value.Int() < 5 {
		t.Fatalf("sort buttons on the gradebook: %v, %v", res, err)
	}
	if strings.Contains(t.Name(), "/") {
		return
	}
}

// saveScreenshots leaves the top of the page at this width in dir, and, with
// CONFLICTQ_SCREENSHOTS=full, the whole page in 1,600 px slices (slower: the
// page is about 45,000 px tall at 390 px).
func saveScreenshots(t *testing.T, page *rod.Page, dir string, width int) {
	t.Helper()
	save := func(name string, img []byte, err error) {
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, img, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
	}
	w := strconv.Itoa(width)
	img, err := page.Screenshot(false, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng,
		Clip: &proto.PageViewport{X: 0, Y: 0, Width: float64(width), Height: 2400, Scale: 1}, CaptureBeyondViewport: true})
	save("class-"+w+".png", img, err)
	// The gradebook, further down, where a narrow screen is tightest.
	res, err := page.Eval(`() => { const g = document.querySelector("#gradebook"); return g ? g.getBoundingClientRect().top + window.scrollY : -1; }`)
	if err != nil {
		t.Fatal(err)
	}
	if y := res.Value.Num(); y >= 0 {
		img, err := page.Screenshot(false, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng,
			Clip: &proto.PageViewport{X: 0, Y: y, Width: float64(width), Height: 1400, Scale: 1}, CaptureBeyondViewport: true})
		save("class-"+w+"-gradebook.png", img, err)
	}
	if os.Getenv("CONFLICTQ_SCREENSHOTS") != "full" {
		return
	}
	// The whole page in slices short enough to look at one by one.
	res, err = page.Eval(`() => document.documentElement.scrollHeight`)
	if err != nil {
		t.Fatal(err)
	}
	const slice = 1600
	for i, y := 0, 0; y < res.Value.Int(); i, y = i+1, y+slice {
		img, err := page.Screenshot(false, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng,
			Clip: &proto.PageViewport{X: 0, Y: float64(y), Width: float64(width), Height: slice, Scale: 1}, CaptureBeyondViewport: true})
		save(fmt.Sprintf("class-%s-part%02d.png", w, i), img, err)
	}
}

// checkWithoutJavaScript: every section and every row is there with
// JavaScript off; only the sort buttons are missing.
func checkWithoutJavaScript(t *testing.T, page *rod.Page, pageURL string) {
	t.Helper()
	if err := (proto.EmulationSetScriptExecutionDisabled{Value: true}).Call(page); err != nil {
		t.Fatal(err)
	}
	defer proto.EmulationSetScriptExecutionDisabled{Value: false}.Call(page)
	// The load is awaited by its lifecycle event, set up before navigating:
	// WaitLoad asks the page in JavaScript, and with scripts off, reloading
	// the page already shown, it hung now and then until the page's
	// two-minute deadline.
	loaded := page.WaitNavigation(proto.PageLifecycleEventNameLoad)
	if err := page.Navigate(pageURL); err != nil {
		t.Fatal(err)
	}
	loaded()
	// Eval runs through the debugger, which the page's own switch does not stop.
	res, err := page.Eval(`() => [document.querySelectorAll("section.part").length, document.querySelectorAll("#gradebook-table tbody tr").length, document.querySelectorAll("th button").length, document.querySelectorAll("#mastery-table tbody tr").length]`)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, v := range res.Value.Arr() {
		got = append(got, v.Int())
	}
	if want := []int{5, 42, 0, 43}; !slices.Equal(got, want) {
		t.Errorf("with JavaScript off: sections, gradebook rows, sort buttons, grid rows = %v, want %v", got, want)
	}
}

// checkStudentPage opens a student's review (quiz -o ana.html) at a phone's
// width: the name shows as text, and nothing overflows, with a name of one
// word longer than the screen too.
func checkStudentPage(t *testing.T, page *rod.Page, dir, shots string) {
	t.Helper()
	first, _, _ := strings.Cut(string(classSheets(t, 1, 3)), "\n")
	const longest = "Chkhartishvilikhevsuretiamtskhetamtianeti" // 41 letters: wider than the screen
	for i, name := range []string{hostileNames[0], longest} {
		sheet := filepath.Join(dir, fmt.Sprintf("student-%d.json", i))
		line, _ := json.Marshal(name)
		if err := os.WriteFile(sheet, []byte(strings.Replace(first, `"<script>alert(1)</script>"`, string(line), 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		review := filepath.Join(dir, fmt.Sprintf("student-%d.html", i))
		f, _, _, errOut := testFactory(t)
		if code := Run(f, []string{"quiz", "--answers", sheet, "-o", review}); code > 1 {
			t.Fatalf("quiz exit %d: %s", code, errOut)
		}
		got := checkNarrow(t, page, review, filepath.Join(shots, fmt.Sprintf("student-%d-390.png", i)))
		res, err := page.Eval(`() => [document.querySelector("h1").textContent, document.querySelectorAll("li.q").length, document.querySelectorAll("img").length]`)
		if err != nil {
			t.Fatal(err)
		}
		v := res.Value.Arr()
		if v[0].Str() != "Quiz review: "+name || v[1].Int() < 30 || v[2].Int() != 0 {
			t.Errorf("the student's page: title %q, %d questions, %d images, %d px wide", v[0].Str(), v[1].Int(), v[2].Int(), got.ScrollWidth)
		}
	}
}

// checkPaperPages prints a test and its key as pages (bank export -o
// test.html --key key.html) and opens them at a phone's width: nothing runs
// off the screen or is cut off.
func checkPaperPages(t *testing.T, page *rod.Page, dir, shots string) {
	t.Helper()
	test, key := filepath.Join(dir, "test.html"), filepath.Join(dir, "key.html")
	f, _, _, errOut := testFactory(t)
	if code := Run(f, []string{"bank", "export", "comprehension", "--seed", "42", "-o", test, "--key", key}); code != ExitOK {
		t.Fatalf("bank export: exit %d: %s", code, errOut)
	}
	checkNarrow(t, page, test, filepath.Join(shots, "test-390.png"))
	checkNarrow(t, page, key, filepath.Join(shots, "key-390.png"))
}

// checkNarrow opens a page at 390 px, checks it with pageData for sideways
// overflow, tables cut off and names broken inside a word, and leaves a
// screenshot of its top at shot.
func checkNarrow(t *testing.T, page *rod.Page, path, shot string) pageNumbers {
	t.Helper()
	if err := page.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: 390, Height: 900, DeviceScaleFactor: 1, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	if err := page.Navigate("file://" + path); err != nil {
		t.Fatal(err)
	}
	if err := page.WaitLoad(); err != nil {
		t.Fatal(err)
	}
	got := readPage(t, page)
	name := filepath.Base(path)
	if got.ScrollWidth > got.Viewport || len(got.Wide) > 0 {
		t.Errorf("%s at 390 px is %d px wide; overflowing: %v", name, got.ScrollWidth, got.Wide)
	}
	if len(got.CutTables) > 0 {
		t.Errorf("%s at 390 px: a table is cut off: %v", name, got.CutTables)
	}
	if len(got.BrokenNames) > 0 {
		t.Errorf("%s at 390 px: a name breaks inside a word or is cut off: %v", name, got.BrokenNames)
	}
	img, err := page.Screenshot(false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shot, img, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
	return got
}
