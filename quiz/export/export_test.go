package export

import (
	"bytes"
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
	for _, f := range Formats {
		if fileio.Ext(f) == "" {
			t.Errorf("%s: no extension in fileio's table", f)
		}
		var buf bytes.Buffer
		if _, err := For(f)(&buf, b, worksheet.Paper{}); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %d bytes, %v", f, buf.Len(), err)
		}
	}
	if Formats[0] != "json" {
		t.Errorf("default %s, want json", Formats[0])
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
