package moodlexml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
)

// compareDecoders reads data with two decoders side by side, one decoding
// each <question> by reflection (DecodeElement, through the types' tags),
// the other with decodeQuestion on encoding/xml's token stream, and fails
// where they differ: in the question read, the error, or where in the input
// they stop. (TestTokensAsEncodingXML holds the tokenizer's stream to
// encoding/xml's.)
func compareDecoders(t *testing.T, name string, data []byte) (questions int) {
	t.Helper()
	da, db := xml.NewDecoder(bytes.NewReader(data)), xmlTokens(data)
	da.Strict = true
	for {
		ta, errA := da.Token()
		tb, errB := db.next()
		if fmt.Sprint(errA) != fmt.Sprint(errB) || !reflect.DeepEqual(tokenOf(ta), tb) {
			t.Fatalf("%s: the decoders' tokens part: %v %v / %v %v", name, ta, errA, tb, errB)
		}
		if errA != nil {
			return questions
		}
		start, ok := ta.(xml.StartElement)
		if !ok || start.Name.Local != "question" {
			continue
		}
		questions++
		var want xmlQuestion
		errA = da.DecodeElement(&want, &start)
		var got xmlQuestion
		errB = decodeQuestion(db, tb, &got)
		if fmt.Sprint(errA) != fmt.Sprint(errB) {
			t.Fatalf("%s: question %d: error %v, DecodeElement's %v", name, questions, errB, errA)
		}
		if errA == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: question %d:\n got %#v\nwant %#v", name, questions, got, want)
		}
		if da.InputOffset() != db.offset() {
			t.Fatalf("%s: question %d: stops at %d, DecodeElement at %d", name, questions, db.offset(), da.InputOffset())
		}
		if errA != nil {
			return questions
		}
	}
}

// tokenOf is encoding/xml's token as the reader's token.
func tokenOf(tok xml.Token) token {
	switch t := tok.(type) {
	case xml.StartElement:
		return token{kind: tokStart, name: t.Name, attr: t.Attr}
	case xml.EndElement:
		return token{kind: tokEnd, name: t.Name}
	case xml.CharData:
		return token{kind: tokText, data: t}
	case xml.Comment:
		return token{kind: tokComment, data: t}
	case nil:
		return token{}
	}
	return token{kind: tokOther}
}

// xmlPieces make random questions: every element and attribute the types
// name, in and out of place and repeated, elements they do not name, text
// in CDATA, comments and nested elements, and namespaces.
var xmlPieces = []string{
	"<text>T</text>", "<text>a<b>bold</b>c</text>", "<text><![CDATA[<p>x</p>]]></text>", "<text/>", "<text>1</text><text>2</text>",
	`<file name="a.png" path="/" encoding="base64">QUJD</file>`, `<file name="x" name="y">d<i>e</i>f</file>`,
	`<answer fraction="100" format="html"><text>A</text><feedback format="plain_text"><text>F</text></feedback><tolerance>0.5</tolerance></answer>`,
	`<answer fraction="0"><text>B</text><file name="f">Zg==</file></answer>`, `<answer><feedback><text>1</text></feedback><feedback><file name="g"/></feedback></answer>`,
	`<subquestion format="html"><text>L</text><answer><text>R</text></answer><answer/></subquestion>`,
	`<subquestion><answer><text>R1</text></answer><answer><text>R2</text></answer><file name="s"/></subquestion>`,
	"<units><unit><multiplier>1</multiplier><unit_name>km</unit_name></unit><other/><unit/></units>", "<unit><unit_name>x</unit_name></unit>",
	"<units>text<units><unit><unit_name>in</unit_name></unit></units></units>",
	"<tags><tag><text>t1</text></tag><tag><text>a</text><text>b</text></tag><nottag/></tags>", "<tag><text>out</text></tag>",
	"<name><text>N</text></name>", `<questiontext format="html"><text>Q</text></questiontext>`, `<questiontext format="x"/>`,
	"<generalfeedback><text>G</text></generalfeedback>", "<category><text>$course$/top/A</text></category>", "<graderinfo><text>I</text></graderinfo>",
	"<defaultgrade>2</defaultgrade>", "<defaultgrade>1<x>9</x>0</defaultgrade>", "<penalty>0.3</penalty>", "<hidden>0</hidden>",
	"<idnumber>id-1</idnumber>", "<single>true</single>", "<shuffleanswers>1</shuffleanswers>", "<usecase>0</usecase>",
	"<selecttype>ALL</selecttype>", "<selectcount>0</selectcount>", "<gradingtype>ABSOLUTE_POSITION</gradingtype>", "<responseformat>editor</responseformat>",
	"<unknown><text>u</text></unknown>", "<!-- c -->", "loose text", "&amp;&lt;&#233;", "<x:text xmlns:x='urn:x'>ns</x:text>",
	"<?pi data?>", "\n  ",
}

var xmlAttrs = []string{``, ` type="multichoice"`, ` type="a" type="b"`, ` x:type="ns" xmlns:x="urn:x"`, ` other="1"`}

func randomQuestions(r *rand.Rand) []byte {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<quiz>\n")
	for range 1 + r.IntN(4) {
		fmt.Fprintf(&b, "<question%s>", xmlAttrs[r.IntN(len(xmlAttrs))])
		for range r.IntN(12) {
			b.WriteString(xmlPieces[r.IntN(len(xmlPieces))])
		}
		b.WriteString("</question>\n")
	}
	b.WriteString("</quiz>\n")
	data := []byte(b.String())
	switch r.IntN(6) {
	case 0: // cut short
		data = data[:r.IntN(len(data))]
	case 1: // a byte changed
		data[r.IntN(len(data))] = "<>/&\"x\x00"[r.IntN(7)]
	}
	return data
}

// decodeQuestion reads what DecodeElement reads, on every built-in bank's
// export, the corpus of real Moodle files, and random questions (broken
// ones among them).
func TestDecodeQuestionAsUnmarshal(t *testing.T) {
	var lib = assets.CompiledBank
	for _, name := range []string{"comprehension", "perspectives", "timeline", "discussion", "vocabulary"} {
		var buf bytes.Buffer
		if _, err := Export(&buf, lib(name)); err != nil {
			t.Fatal(err)
		}
		if n := compareDecoders(t, name, buf.Bytes()); n == 0 {
			t.Fatalf("%s: no questions", name)
		}
	}
	err := filepath.WalkDir("testdata", func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".xml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		compareDecoders(t, path, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(25, 4))
	for i := range 5000 {
		compareDecoders(t, fmt.Sprint("random ", i), randomQuestions(r))
	}
}
