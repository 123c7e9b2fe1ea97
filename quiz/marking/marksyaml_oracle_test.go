package marking

import (
	"bytes"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz/sheet"
)

// The marks section's writer as it was before marksYAML: a yaml.Node tree
// through yaml's encoder, kept as the oracle TestMarksYAMLAsEncoder holds
// marksYAML to.

// encoderMarkNode is one mark as a sheet holds it, in a fixed order.
func encoderMarkNode(m sheet.Mark) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k, v, tag string) {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, &yaml.Node{Kind: yaml.ScalarNode, Value: v, Tag: tag})
	}
	add("points", quizNum(m.Points), "")
	if m.Comment != "" {
		add("comment", m.Comment, "!!str")
	}
	if m.Marker != "" {
		add("marker", m.Marker, "!!str")
	}
	if !m.At.IsZero() {
		add("time", m.At.UTC().Format(time.RFC3339), "!!str")
	}
	if m.Answer != "" {
		add("answer_sha256", m.Answer, "!!str")
	}
	return n
}

// encoderMarksYAML is the marks section as spliceMarks wrote it through
// yaml's encoder.
func encoderMarksYAML(marks []sheet.Mark) ([]byte, error) {
	sec := &yaml.Node{Kind: yaml.MappingNode}
	for _, m := range marks {
		sec.Content = append(sec.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: m.ID, Tag: "!!str"}, encoderMarkNode(m))
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "marks"}, sec}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	_ = enc.Close()
	return b.Bytes(), nil
}
