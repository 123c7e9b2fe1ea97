package sheet

import (
	"bytes"
	"math"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// The oracle's key answers (encoderWriteYAML) were written from keyScalar's
// nodes; they must come out byte for byte as from Node.Encode's, which
// keyScalar stood in for, as they are and folded (an open question's model
// answer), so that the oracle WriteYAML is held to is the encoder's.
func TestKeyScalarWritesAsNodeEncode(t *testing.T) {
	values := []any{true, false, 0.0, 1994.0, 30000.0, -2.5, 1e6, 1e21, 0.1, math.Inf(1), math.Inf(-1), math.NaN(),
		"", " ", "Baku", "Human Rights Watch", "yes", "No", "on", "OFF", "y", "N", "12:30", "-1:20", "1_000:59.5", "1:60",
		"true", "False", "null", "~", "1994", "1e3", "0x1F", "0o17", ".5", ".inf", "-.nan", "<<",
		" lead", "trail ", "a: b", "a:b", "# x", "x # y", "x#y", "- x", "-", "[x]", "{x}", "'q'", `"q"`, "it's", "@x", "`x", "%x",
		"!x", "&x", "*x", "? x", "?", ":x", "|", ">", "multi\nline", "multi\nline\n", "trailing space \nline", "tab\there",
		"ünïcödé", "Xocalı", "\u2028", "\x7f", "a\x00b", "\xff"}
	for _, name := range []string{"comprehension", "discussion", "perspectives", "timeline", "vocabulary"} {
		for _, q := range assets.CompiledBank(name).Questions {
			if q.Type == quiz.TrueFalse || q.Type == quiz.Short || q.Type == quiz.Numeric || q.Type == quiz.Open {
				values = append(values, keyValue(&quiz.Presented{Question: q}))
			}
		}
	}
	write := func(n *yaml.Node) string {
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "answers"},
			{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "id"}, n}}}}
		if err := enc.Encode(doc); err != nil {
			return "error: " + err.Error()
		}
		enc.Close()
		return b.String()
	}
	for _, v := range values {
		var want yaml.Node
		wantErr := want.Encode(v)
		got, err := keyScalar(v)
		if (err != nil) != (wantErr != nil) {
			t.Errorf("%#v: error %v, Node.Encode's %v", v, err, wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if g, w := write(got), write(&want); g != w {
			t.Errorf("%#v is written\n%s\nNode.Encode's node is written\n%s", v, g, w)
		}
		folded, wantFolded := *got, want
		folded.Style, wantFolded.Style = yaml.FoldedStyle, yaml.FoldedStyle
		if g, w := write(&folded), write(&wantFolded); g != w {
			t.Errorf("%#v folded is written\n%s\nNode.Encode's node folded\n%s", v, g, w)
		}
	}
}
