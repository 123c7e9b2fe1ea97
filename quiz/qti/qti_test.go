package qti

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// unzip returns the files of a QTI package by name.
func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

// xmllint validates files against the vendored IMS schemas
// (testdata/xsd: the QTI 1.2 ASI and content-packaging 1.2 schemas, from
// Moodle's IMS Common Cartridge support). Go has no XSD validator in its
// standard library and the ones outside it are partial; Debian's xmllint
// (libxml2-utils) is the reference implementation, and .ci/run installs it.
func xmllint(t *testing.T, schema string, files map[string][]byte) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is missing: .ci/run installs libxml2-utils")
		}
		t.Skip("xmllint (Debian's libxml2-utils) is not installed; CI installs it")
	}
	dir := t.TempDir()
	var paths []string
	for name, data := range files {
		p := filepath.Join(dir, strings.ReplaceAll(name, "/", "_"))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	xsd, _ := filepath.Abs(filepath.Join("testdata/xsd", schema))
	out, err := exec.Command(bin, append([]string{"--noout", "--nonet", "--schema", xsd}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s rejects the export:\n%s", schema, out)
	}
}

func export(t *testing.T, b *quiz.Bank) (map[string][]byte, []string) {
	t.Helper()
	var buf bytes.Buffer
	notes, err := Export(&buf, b)
	if err != nil {
		t.Fatal(err)
	}
	return unzip(t, buf.Bytes()), notes
}

// Every embedded bank makes a package whose manifest and assessment the IMS
// schemas accept, with one item per question.
func TestEmbeddedBanksValidate(t *testing.T) {
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		t.Run(name, func(t *testing.T) {
			b := assets.CompiledBank(name)
			files, _ := export(t, b)
			manifest, ok := files["imsmanifest.xml"]
			if !ok {
				t.Fatalf("no imsmanifest.xml in %v", keys(files))
			}
			href := name + "/" + name + ".xml"
			assessment, ok := files[href]
			if !ok {
				t.Fatalf("no %s in %v", href, keys(files))
			}
			if !bytes.Contains(manifest, []byte(`href="`+href+`"`)) || !bytes.Contains(manifest, []byte(`type="imsqti_xmlv1p2"`)) {
				t.Errorf("the manifest does not name the assessment:\n%s", manifest)
			}
			if n := bytes.Count(assessment, []byte("<item ")); n != len(b.Questions) {
				t.Errorf("%d items, want %d", n, len(b.Questions))
			}
			var v struct{}
			if err := xml.Unmarshal(assessment, &v); err != nil {
				t.Fatalf("not XML: %v", err)
			}
			xmllint(t, "imscp_v1p2.xsd", map[string][]byte{"imsmanifest.xml": manifest})
			xmllint(t, "qti/ims_qtiasiv1p2.xsd", map[string][]byte{href: assessment})
		})
	}
}

// Each type as Canvas reads it, and what cannot travel named.
func TestTypesAndNotes(t *testing.T) {
	b := &quiz.Bank{ID: "types", Title: "Types", Questions: []*quiz.Question{
		{ID: "half", Type: quiz.Single, Prompt: "Difficult <question> & more?", Choices: []string{"wrong", "half", "full"}, Correct: []int{2}, Credit: []float64{0, 0.5, 1}, Points: 2, Explanation: "Why.", Source: quiz.Source{Section: "S", Paragraph: 1, Quote: "q"}},
		{ID: "two", Type: quiz.Multi, Prompt: "Entombed?", Choices: []string{"No one", "Grant", "Grant's wife"}, Correct: []int{1, 2}, Points: 1, Tags: []string{"x"}},
		{ID: "tf", Type: quiz.TrueFalse, Prompt: "True?", Truth: false, Points: 1},
		{ID: "cat", Type: quiz.Short, Prompt: "Best animal?", Accept: []string{"Frog", "Cat", "Grant*"}, Credit: []float64{1, 0.5, 1}, Points: 1},
		{ID: "roots", Type: quiz.Numeric, Prompt: "Roots?", Value: -7, Numbers: []quiz.Number{{Value: 4, Credit: 1}, {Value: 4, Tol: 1, Credit: 0.5}}, Unit: "cm", Points: 1},
		{ID: "m", Type: quiz.Match, Prompt: "Season?", Pairs: []quiz.Pair{{Left: "Dec", Right: "winter"}, {Left: "Jan", Right: "winter"}, {Left: "Jul", Right: "summer"}}, Points: 1},
		{ID: "seq", Type: quiz.Order, Prompt: "Order.", Items: []string{"a", "b", "c"}, Points: 1},
		{ID: "essay", Type: quiz.Open, Prompt: "Why?", Model: "Because.", Key: []string{"one"}, Points: 1},
		{ID: "page", Type: quiz.Info, Prompt: "Read this.", Points: 1},
	}}
	files, notes := export(t, b)
	a := string(files["types/types.xml"])
	for _, want := range []string{
		"<fieldentry>multiple_choice_question</fieldentry>", "<fieldentry>multiple_answers_question</fieldentry>", "<fieldentry>true_false_question</fieldentry>",
		"<fieldentry>short_answer_question</fieldentry>", "<fieldentry>numerical_question</fieldentry>", "<fieldentry>matching_question</fieldentry>",
		"<fieldentry>essay_question</fieldentry>", "<fieldentry>text_only_question</fieldentry>",
		"<fieldentry>2</fieldentry>", "Difficult &amp;lt;question&amp;gt; &amp;amp; more?",
		`<setvar action="Set" varname="SCORE">50</setvar>`, `<varequal respident="response1">types_3_false</varequal>`,
		`<varequal respident="response1">Frog</varequal>`, `<varequal respident="response1">4</varequal>`, `<vargte respident="response1">-7</vargte>`,
		"Source: S, ¶1: “q”", "A model answer: Because.",
	} {
		if !strings.Contains(a, want) {
			t.Errorf("the assessment lacks %q", want)
		}
	}
	if strings.Count(a, `<response_label ident="types_6_r`) != 2*3 {
		t.Errorf("a right side shared by two left items should be offered once to each of the 3 left items")
	}
	for _, want := range []string{
		"half: Canvas marks a multiple-choice question all or nothing",
		`cat: Canvas has no wildcard: the accepted answer "Grant*" is left out`,
		`cat: Canvas accepts a short answer in full or not at all: "Cat", worth 50%`,
		"roots: Canvas marks a numeric answer in full or not at all: 4, worth 50%",
		`roots: QTI has no unit: "cm"`,
		"seq: QTI has no ordering question",
		"Canvas gives partial credit on multiple-answers questions by its own rule",
		"Canvas compares short answers as written, ignoring case",
		"no tags or difficulty",
	} {
		if !strings.Contains(strings.Join(notes, "\n"), want) {
			t.Errorf("no note %q in:\n%s", want, strings.Join(notes, "\n"))
		}
	}
	xmllint(t, "qti/ims_qtiasiv1p2.xsd", map[string][]byte{"types.xml": files["types/types.xml"]})
	xmllint(t, "imscp_v1p2.xsd", map[string][]byte{"imsmanifest.xml": files["imsmanifest.xml"]})
}

// The same bank makes the same bytes: the zip's times are fixed.
func TestDeterministic(t *testing.T) {
	b := assets.CompiledBank("timeline")
	var x, y bytes.Buffer
	if _, err := Export(&x, b); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(&y, b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x.Bytes(), y.Bytes()) {
		t.Error("two exports of one bank differ")
	}
}

// A package read as a stream gets each entry's sizes before its data:
// Java's ZipInputStream (as Java-based LMSs read uploads) refuses a stored
// entry whose sizes come after it in a data descriptor (attack20 M1). Each
// local header has the descriptor flag (bit 3) clear and sizes that match
// the data, which is stored.
func TestZipEntriesSizedUpFront(t *testing.T) {
	var buf bytes.Buffer
	if _, err := Export(&buf, assets.CompiledBank("comprehension")); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	entries := 0
	for i := bytes.Index(data, []byte("PK\x03\x04")); i >= 0; {
		flags := binary.LittleEndian.Uint16(data[i+6:])
		method := binary.LittleEndian.Uint16(data[i+8:])
		compressed := binary.LittleEndian.Uint32(data[i+18:])
		size := binary.LittleEndian.Uint32(data[i+22:])
		nameLen, extraLen := int(binary.LittleEndian.Uint16(data[i+26:])), int(binary.LittleEndian.Uint16(data[i+28:]))
		name := string(data[i+30 : i+30+nameLen])
		if flags&0x8 != 0 {
			t.Errorf("%s: sizes in a data descriptor after the data (flags %#x)", name, flags)
		}
		if method != zip.Store || compressed != size || size == 0 {
			t.Errorf("%s: method %d, %d bytes stored for %d", name, method, compressed, size)
		}
		entries++
		next := i + 30 + nameLen + extraLen + int(compressed)
		j := bytes.Index(data[next:], []byte("PK\x03\x04"))
		if j < 0 {
			break
		}
		i = next + j
	}
	if entries != 2 {
		t.Errorf("%d entries read as a stream, want 2 (the manifest and the assessment)", entries)
	}
	// Dated and versioned as CreateHeader writes them (recheck25 L1: they
	// were 1980-00-00 and version 0.0 once written raw).
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(packagedAt()) || f.ModifiedDate != 40<<9|1<<5|1 || f.ReaderVersion != 20 || f.CreatorVersion&0xff != 20 {
			t.Errorf("%s: modified %v (MS-DOS date %#x), versions %d and %d; want 2020-01-01 and 2.0", f.Name, f.Modified, f.ModifiedDate, f.CreatorVersion, f.ReaderVersion)
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// A short answer whose only answers are wildcards cannot be marked in Canvas:
// it is left out and named, not written as an item with no condition (invalid
// QTI); \* is a star and travels (issue 12, D5).
func TestWildcardOnlyShortIsNamed(t *testing.T) {
	b := &quiz.Bank{ID: "w", Title: "W", Questions: []*quiz.Question{
		{ID: "any", Type: quiz.Short, Prompt: "Any colour ending in ow?", Accept: []string{"*ow"}, Points: 1, Exact: true},
		{ID: "star", Type: quiz.Short, Prompt: "A literal star?", Accept: []string{`\*`}, Points: 1, Exact: true},
	}}
	files, notes := export(t, b)
	a := string(files["w/w.xml"])
	if strings.Contains(a, "Any colour") || !strings.Contains(a, `<varequal respident="response1">*</varequal>`) {
		t.Errorf("want any left out and star's answer as a star:\n%s", a)
	}
	if !strings.Contains(strings.Join(notes, "\n"), "any: left out: Canvas has no wildcard") {
		t.Errorf("notes:\n%s", strings.Join(notes, "\n"))
	}
	xmllint(t, "qti/ims_qtiasiv1p2.xsd", map[string][]byte{"w.xml": files["w/w.xml"]})
}

// A question that cannot be written, after some that can, leaves nothing
// written: the zip goes to w only once every question is in it.
func TestExportWritesNothingOnError(t *testing.T) {
	b := &quiz.Bank{ID: "b", Questions: []*quiz.Question{
		{ID: "ok", Type: quiz.TrueFalse, Prompt: "True?", Points: 1},
		{ID: "empty", Type: quiz.TrueFalse, Prompt: "  ", Points: 1},
	}}
	var out bytes.Buffer
	if _, err := Export(&out, b); err == nil || !strings.Contains(err.Error(), "no question text") {
		t.Fatalf("error %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("%d bytes written before the error", out.Len())
	}
}

// hostileTexts are texts no bank of ours has, for the escaping: HTML and
// XML's own characters, line breaks, tabs, characters XML cannot hold,
// bytes that are not UTF-8 (alone, cut short, beside an escaped character).
var hostileTexts = []string{"", "plain", "a <b> & c 'd' \"e\"", "line\nbreak\r\n\ttab", "\x00\x01\x1f\x7f", "\uFFFE\uFFFF \U0001F600 é",
	"bad\xff\xfe", "\xe2\x80<\xe2\x80\n\xc3", "\xed\xa0\x80 surrogate", "&amp; &lt;br/&gt;", "<br/>", strings.Repeat("long <text> ", 50)}

// TestExportAsBefore holds Export to the writer it replaced (oldExport,
// kept in oldexport_test.go): the same package, byte for byte, for every
// embedded bank and for those banks with hostile texts in every field the
// writer escapes.
func TestExportAsBefore(t *testing.T) {
	check := func(t *testing.T, b *quiz.Bank) {
		t.Helper()
		var got, want bytes.Buffer
		gn, gerr := Export(&got, b)
		wn, werr := oldExport(&want, b)
		if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Fatalf("error %v; want %v", gerr, werr)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) || !slices.Equal(gn, wn) {
			g, w := unzip(t, got.Bytes()), unzip(t, want.Bytes())
			for name := range w {
				if !bytes.Equal(g[name], w[name]) {
					t.Fatalf("%s differs:\n got %s\nwant %s", name, g[name], w[name])
				}
			}
			t.Fatalf("packages differ (notes %q; want %q)", gn, wn)
		}
	}
	rng := rand.New(rand.NewPCG(26, 5))
	pick := func() string { return hostileTexts[rng.IntN(len(hostileTexts))] }
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		check(t, assets.CompiledBank(name))
		for range 20 {
			b := *assets.CompiledBank(name)
			b.Title, b.Questions = pick(), nil
			for _, q := range assets.CompiledBank(name).Questions {
				c := cloneQuestion(q)
				c.Prompt, c.Explanation, c.Model = pick()+c.Prompt, c.Explanation+pick(), pick()
				c.Key = []string{pick(), pick()}
				c.Choices = slices.Clone(c.Choices)
				for i := range c.Choices {
					if rng.IntN(2) == 0 {
						c.Choices[i] += pick()
					}
				}
				c.Pairs = slices.Clone(c.Pairs)
				for i := range c.Pairs {
					c.Pairs[i].Left += pick()
				}
				c.Items = slices.Clone(c.Items)
				for i := range c.Items {
					c.Items[i] += pick()
				}
				c.Source.Quote = pick()
				switch rng.IntN(4) { // no citation, no key points, no explanation: feedback of fewer parts or none
				case 0:
					c.Source = quiz.Source{}
				case 1:
					c.Key = nil
				case 2:
					c.Explanation, c.Source = "", quiz.Source{}
				}
				b.Questions = append(b.Questions, c)
			}
			check(t, &b)
		}
	}
}

// cloneQuestion copies q's exported fields (a Question holds a cache that
// must not be copied): the question as a bank file would give it.
func cloneQuestion(q *quiz.Question) *quiz.Question {
	c := &quiz.Question{}
	from, to := reflect.ValueOf(q).Elem(), reflect.ValueOf(c).Elem()
	for i := range from.NumField() {
		if from.Type().Field(i).IsExported() {
			to.Field(i).Set(from.Field(i))
		}
	}
	return c
}
