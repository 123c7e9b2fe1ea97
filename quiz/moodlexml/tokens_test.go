package moodlexml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// compareTokens reads data with the tokenizer and with encoding/xml side by
// side, and fails where the tokenizer takes a token encoding/xml reads
// otherwise, or refuses, or ends elsewhere. It reports whether the
// tokenizer read data to its end (false: it gave the file to encoding/xml).
func compareTokens(t testing.TB, name string, data []byte) (whole bool) {
	t.Helper()
	fast, old := newTokens(data), xmlTokens(data)
	if fast.xd != nil {
		if plainText(data) {
			t.Fatalf("%s: plain text given to encoding/xml", name)
		}
		return false
	}
	for i := 0; ; i++ {
		a, errA := fast.next()
		if errA == errFallback {
			return false
		}
		b, errB := old.next()
		if errA != errB || !sameToken(a, b) || fast.offset() != old.offset() {
			t.Fatalf("%s: token %d: tokenizer %s %v at %d, encoding/xml %s %v at %d", name, i, showToken(a), errA, fast.offset(), showToken(b), errB, old.offset())
		}
		if errA == io.EOF {
			return true
		}
	}
}

func sameToken(a, b token) bool {
	return a.kind == b.kind && a.name == b.name && bytes.Equal(a.data, b.data) && slices.Equal(a.attr, b.attr)
}

func showToken(t token) string {
	return fmt.Sprintf("{%d %v %v %q}", t.kind, t.name, t.attr, t.data)
}

// compareParse fails where Parse, through the tokenizer, reads data
// otherwise than encoding/xml's tokens (the old path, kept here): another
// bank, other warnings, another error, or another YAML from bank convert.
func compareParse(t testing.TB, name string, data []byte) {
	t.Helper()
	b, warnings, err := Parse("t.xml", data)
	wantB, wantW, wantErr := b, warnings, err
	if quiz.CheckText("t.xml", data) == nil { // else neither path reads it
		wantB, wantW, wantErr = parse("t.xml", data, xmlTokens(data))
	}
	if fmt.Sprint(err) != fmt.Sprint(wantErr) {
		t.Fatalf("%s: error\n%v\nencoding/xml's\n%v", name, err, wantErr)
	}
	if !reflect.DeepEqual(warnings, wantW) {
		t.Fatalf("%s: warnings\n%v\nencoding/xml's\n%v", name, warnings, wantW)
	}
	if !reflect.DeepEqual(b, wantB) {
		t.Fatalf("%s: bank\n%#v\nencoding/xml's\n%#v", name, b, wantB)
	}
	if b != nil {
		var got, want bytes.Buffer
		errA, errB := b.WriteYAML(&got), wantB.WriteYAML(&want)
		if fmt.Sprint(errA) != fmt.Sprint(errB) || !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%s: bank convert's YAML differs", name)
		}
	}
}

// repoXML is every Moodle XML file in the repository's testdata (the corpus
// of real Moodle files among them) and every built-in bank's export.
func repoXML(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		var buf bytes.Buffer
		if _, err := Export(&buf, assets.CompiledBank(name)); err != nil {
			t.Fatal(err)
		}
		files["export "+name] = buf.Bytes()
	}
	err := filepath.WalkDir("../..", func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (e.Name() == ".git" || e.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if e.IsDir() || !strings.HasSuffix(path, ".xml") || !strings.Contains(path, "testdata") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err == nil && Looks(data) {
			files[path] = data
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// hostile are texts put into real files: everything the tokenizer must
// give to encoding/xml, and near misses it takes.
var hostile = []string{
	"&#0;", "&#1;", "&#9;", "&#10;", "&#13;", "&#x0D;", "&#xD800;", "&#xDFFF;", "&#xFFFE;", "&#xFFFF;", "&#x10FFFF;", "&#x110000;",
	"&#X41;", "&#x41;", "&#65;", "&#0065;", "&#x;", "&#;", "&#a;", "&#99999999999;", "&#x0000000041;", "&#1114111;", "&#x1000000041;", "&#4294967361;", "&#x100000041;",
	"&amp", "&amp ;", "&ampx;", "&nbsp;", "&AMP;", "&;", "& ", "&lt;&gt;&quot;&apos;&amp;", "&lt", "&e;", "&a:b;",
	"]]>", "]]&gt;", "]&#93;>", "]]", "<![CDATA[]]>", "<![CDATA[a]]>b]]>", "<![CDATA[<x>&amp;]]>", "<![CDATA[", "<![cdata[x]]>", "<![X[",
	"<!-- -- -->", "<!--->", "<!---->", "<!-- a --->", "<!--", "<!-- <x> &bad; -->", "<!->", "<!-- \x01 -->",
	`<?xml version="1.1"?>`, `<?xml version="1.0" encoding="ISO-8859-1"?>`, `<?xml version="1.0" encoding="UTF-8"?>`, `<?xml version='1.0'?>`,
	"<!DOCTYPE quiz [<!ENTITY e \"x\">]>", "<!DOCTYPE quiz>", "<?pi data?>", "<?php echo 1; ?>", "<?xml-stylesheet href='a'?>",
	"<a:b>x</a:b>", `<x xmlns="urn:x"/>`, `<x xmlns:p="urn:p" p:a="1"/>`, `<x a="1"b="2"/>`, `<x a=1/>`, `<x a/>`, `<x a = "1" />`, `<x a='"'/>`,
	`<x a="<"/>`, `<x a=">]]>"/>`, `<x a="&amp;&#233;"/>`, `<x a="&bad;"/>`, `<x a="1" a="2"/>`, `<x a="` + "\n\t" + `"/>`, `<x	a="1"` + "\n" + `/>`,
	"</x >", "</x>", "<x></y>", "<x/ >", "<x / >", "< x/>", "<x>", "</quiz>", "</question>", "<quiz>", "<question>",
	"<é/>", "<a.b-c_1/>", "<_a/>", "<1a/>", "<-a/>", "<.a/>", "<a\u00e9/>", "<aé>x</aé>", "<a:/>", "<:a/>", "<a::b/>",
	"\r", "\r\n", "\n\r", "\ufeff", "\x00", "\x7f", "\u0085", "\ufffe", "\uffff", "\U0001F600", "\u202e", "\t",
	"<text>x</text>", "<answer fraction=\"50\"><text>y</text></answer>", "<tags><tag><text>t</text></tag></tags>",
}

// mutate changes data a little, as a hand or a tool might: a hostile text
// put in, a byte changed or removed, a span repeated or cut, line ends
// made CRLF, the file cut short.
func mutate(r *rand.Rand, data []byte) []byte {
	out := slices.Clone(data)
	for range 1 + r.IntN(3) {
		if len(out) == 0 {
			return out
		}
		i := r.IntN(len(out))
		switch r.IntN(8) {
		case 0, 1, 2:
			out = slices.Insert(out, i, []byte(hostile[r.IntN(len(hostile))])...)
		case 3:
			out[i] = "<>/&\"'=!?-[]x \n;#"[r.IntN(17)]
		case 4:
			out = slices.Delete(out, i, min(len(out), i+1+r.IntN(8)))
		case 5:
			j := min(len(out), i+r.IntN(200))
			out = slices.Insert(out, j, slices.Clone(out[i:j])...)
		case 6:
			out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
		case 7:
			out = out[:i]
		}
	}
	return out
}

// The tokenizer reads what encoding/xml reads, token by token, and Parse
// through it what Parse read through encoding/xml: on every Moodle XML
// file in the repository and every built-in bank's export, each with
// every hostile text put in at each of a few places, thousands of random
// mutations of them, and random questions.
func TestTokensAsEncodingXML(t *testing.T) {
	files := repoXML(t)
	if len(files) < 30 {
		t.Fatalf("%d Moodle XML files found; the corpus is missing", len(files))
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if !yield(n) {
				return
			}
		}
	})
	whole := 0
	for _, n := range names {
		if compareTokens(t, n, files[n]) {
			whole++
		} else if strings.HasPrefix(n, "export ") {
			t.Errorf("%s: conflictq's own export is given to encoding/xml", n)
		}
		compareParse(t, n, files[n])
	}
	if whole < len(files)*3/4 {
		t.Errorf("the tokenizer read %d of %d real files; want most", whole, len(files))
	}
	r := rand.New(rand.NewPCG(27, 13))
	taken, runs := 0, 0
	check := func(name string, data []byte) {
		runs++
		if compareTokens(t, name, data) {
			taken++
		}
		compareParse(t, name, data)
	}
	var small []string // the files a few questions long, most of the runs
	for _, n := range names {
		if len(files[n]) < 30000 {
			small = append(small, n)
		}
	}
	for k, h := range hostile {
		for _, n := range names {
			if len(files[n]) >= 30000 && r.IntN(4) > 0 {
				continue
			}
			data := files[n]
			i := r.IntN(len(data) + 1)
			check(fmt.Sprintf("%s with hostile %d at %d", n, k, i), slices.Insert(slices.Clone(data), i, []byte(h)...))
		}
	}
	for i := range 2000 {
		n := small[r.IntN(len(small))]
		if i%10 == 0 {
			n = names[r.IntN(len(names))]
		}
		check(fmt.Sprintf("%s mutation %d", n, i), mutate(r, files[n]))
	}
	for i := range 1000 {
		check(fmt.Sprint("random ", i), randomQuestions(r))
	}
	t.Logf("%d real files, %d read whole by the tokenizer; %d of %d changed texts", len(files), whole, taken, runs)
	if taken < runs/10 || taken == runs {
		t.Errorf("the tokenizer read %d of %d changed texts: the test does not reach both paths", taken, runs)
	}
}

// Texts the tokenizer reads itself and texts it gives to encoding/xml,
// whose errors Parse reports word for word as before.
func TestTokenizerGivesUp(t *testing.T) {
	const q = `<question type="truefalse"><name><text>t</text></name><questiontext><text>Q?</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`
	for _, tc := range []struct {
		src   string
		whole bool
		err   string // Parse's error, or "" for a bank
	}{
		{"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + q + "\n</quiz>\n", true, ""},
		{"<quiz><!-- c --><![CDATA[x]]>&amp;&#233;&#xe9;" + q + "</quiz>", true, ""},
		{"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><quiz>" + q + "</quiz>", false, `not valid XML: the file says its encoding is "ISO-8859-1", but conflictq reads Moodle XML in UTF-8`},
		{"<!DOCTYPE quiz [<!ENTITY e \"x\">]><quiz>" + q + "&e;</quiz>", false, "t.xml:1: not valid XML: invalid character entity &e; (XML knows only &amp;, &lt;, &gt;, &quot;, &apos; and numbered references such as &#160;; entities declared in a DTD are not supported: Moodle does not write them)"},
		{"<quiz>\r\n" + q + "\r\n</quiz>", false, ""},
		{"<quiz>" + q + "&#0;</quiz>", false, "t.xml:1: not valid XML: illegal character code U+0000"},
		{"<quiz>\n" + q + "\n<a></b></quiz>", false, "t.xml:3: not valid XML: element <a> closed by </b>"},
		{"<quiz>\n" + q + "\n]]></quiz>", false, "t.xml:3: not valid XML: unescaped ]]> not in CDATA section"},
		{"<quiz>\n" + q + "<!-- a -- b -->", false, "t.xml:2: not valid XML: invalid sequence \"--\" not allowed in comments"},
		{"<quiz>\n" + q, false, "t.xml:2: not valid XML: unexpected EOF"},
		{"<quiz>\n<p:question xmlns:p=\"urn:p\" type=\"truefalse\"></p:question>" + q + "</quiz>", false, ""},
	} {
		data := []byte(tc.src)
		if got := compareTokens(t, tc.src, data); got != tc.whole {
			t.Errorf("%q: read whole %v, want %v", tc.src, got, tc.whole)
		}
		compareParse(t, tc.src, data)
		_, _, err := Parse("t.xml", data)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.src, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want %s", tc.src, err, tc.err)
		}
		var inv interface{ Error() string }
		if err != nil && !errors.As(err, &inv) {
			t.Errorf("%q: %T", tc.src, err)
		}
	}
}

// FuzzTokensAsEncodingXML: on any text the tokenizer reads as encoding/xml
// does, and Parse as it did through encoding/xml.
func FuzzTokensAsEncodingXML(f *testing.F) {
	for _, data := range repoXML(f) {
		if len(data) < 20000 {
			f.Add(data)
		}
	}
	for _, h := range hostile {
		f.Add([]byte("<quiz><question type=\"essay\"><questiontext><text>" + h + "</text></questiontext></question></quiz>"))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareTokens(t, "fuzz", data)
		compareParse(t, "fuzz", data)
	})
}
