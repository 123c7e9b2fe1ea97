package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// Every format has an extension in fileio's table and writes the sample
// bank; a YAML export parses back to the same bank; an unknown format is
// the default, JSON.
func TestFormats(t *testing.T) {
	b := testfiles.Sample(t)
	for _, f := range Formats() {
		if fileio.Ext(f) == "" {
			t.Errorf("%s: no extension in fileio's table", f)
		}
		var buf bytes.Buffer
		if _, err := For(f)(&buf, b, worksheet.Paper{}); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %d bytes, %v", f, buf.Len(), err)
		}
	}
	if Formats()[0] != "json" {
		t.Errorf("default %s, want json", Formats()[0])
	}
	var yaml, again, def, json bytes.Buffer
	if err := b.WriteYAML(&yaml); err != nil {
		t.Fatal(err)
	}
	back, _, err := quiz.ParseBank("b.yaml", yaml.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	back.WriteYAML(&again)
	if again.String() != yaml.String() {
		t.Error("a YAML export does not parse back to the same bank")
	}
	For("nope")(&def, b, worksheet.Paper{})
	For("json")(&json, b, worksheet.Paper{})
	if def.String() != json.String() {
		t.Error("an unknown format is not JSON")
	}
}

// Aiken holds single-choice questions only: a bank without one is refused.
func TestAikenNeedsSingleChoice(t *testing.T) {
	b := &quiz.Bank{ID: "open", Questions: []*quiz.Question{{ID: "q", Type: quiz.Open}}}
	_, err := For("aiken")(&bytes.Buffer{}, b, worksheet.Paper{})
	if err == nil || !strings.Contains(err.Error(), "no single-choice questions") {
		t.Errorf("err %v", err)
	}
}

// An open question's plain answer and plain points round-trip through the
// json and yaml exports, as its model answer and key points do; every other
// format gives the full model answer and the key points and leaves the
// plain ones out (they are screen text).
func TestPlainAnswerRoundTripsInJSONAndYAMLOnly(t *testing.T) {
	b := testfiles.Sample(t)
	q := testfiles.Question(t, b, "ussr")
	const plain = "A country of 15 republics. It lasted from 1922 to 1991."
	q.Plain = plain
	if len(q.Key) == 0 {
		t.Fatal("the sample's ussr has no key points")
	}
	q.PlainKey = nil
	for i := range q.Key {
		q.PlainKey = append(q.PlainKey, fmt.Sprintf("Plain point number %d", i+1))
	}
	model := strings.Fields(q.Model)[0] + " " + strings.Fields(q.Model)[1]
	for _, f := range Formats() {
		var buf bytes.Buffer
		if _, err := For(f)(&buf, b, worksheet.Paper{}); err != nil { // the key after the questions
			t.Fatalf("%s: %v", f, err)
		}
		switch f {
		case "json", "yaml":
			back, _, err := quiz.ParseBank("b."+f, buf.Bytes())
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			r := testfiles.Question(t, back, "ussr")
			if r.Plain != plain || r.Model != q.Model {
				t.Errorf("%s: read back plain %q, model %q; want %q, %q", f, r.Plain, r.Model, plain, q.Model)
			}
			if !slices.Equal(r.PlainKey, q.PlainKey) || !slices.Equal(r.Key, q.Key) {
				t.Errorf("%s: read back plain points %q, key points %q; want %q, %q", f, r.PlainKey, r.Key, q.PlainKey, q.Key)
			}
		default:
			out := buf.String()
			if f == "qti" {
				out = unzipped(t, buf.Bytes())
			}
			if strings.Contains(out, "It lasted from 1922") {
				t.Errorf("%s: the plain answer exported:\n%s", f, out)
			}
			if strings.Contains(out, "Plain point number") {
				t.Errorf("%s: the plain points exported:\n%s", f, out)
			}
			if f != "aiken" && f != "anki" && !strings.Contains(out, q.Key[0]) {
				t.Errorf("%s: the key point %q not exported", f, q.Key[0])
			}
			if f != "aiken" && !strings.Contains(out, model) { // Aiken holds no open question
				t.Errorf("%s: the full model answer %q not exported", f, model)
			}
		}
	}
}

// unzipped is the files of a zip archive, one after the other.
func unzipped(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&all, r)
		r.Close()
	}
	return all.String()
}
