package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/conflictq/conflictq/quiz/fileio"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
)

// MaxShortWords is the longest a one-line definition may be.
const MaxShortWords = 30

type entryNode struct {
	Entry
}

// entryFields are the keys an entry may have. A custom unmarshaller does not
// inherit the decoder's KnownFields check, so it makes its own.
var entryFields = map[string]bool{"term": true, "aliases": true, "short": true, "definition": true, "in_article": true,
	"since_article": true, "correction": true, "related": true, "confusable": true, "sources": true}

func (e *entryNode) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; !entryFields[k.Value] {
				return fmt.Errorf("line %d: unknown field %q in an entry", k.Line, k.Value)
			}
		}
	}
	type plain Entry // no methods: no recursion
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	e.Entry = Entry(p)
	e.Line = n.Line
	return nil
}

// Parse reads one glossary file (a list of entries under "entries:") and checks
// each entry's fields. Problems carry file, line and term.
func Parse(file string, data []byte) ([]Entry, error) {
	if len(data) > fileio.MaxFileSize {
		return nil, fmt.Errorf("%s: file is larger than %d MB", file, fileio.MaxFileSize>>20)
	}
	var doc struct {
		Entries []entryNode `yaml:"entries"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("%s: %s", file, strings.Join(te.Errors, "; "))
		}
		if strings.HasPrefix(err.Error(), "line ") {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return nil, quiz.YAMLProblem(file, err)
	}
	topic := strings.TrimSuffix(path.Base(file), path.Ext(file))
	var problems []string
	entries := make([]Entry, 0, len(doc.Entries))
	for _, n := range doc.Entries {
		e := n.Entry
		e.File, e.Topic = file, topic
		e.Short = strings.TrimSpace(e.Short)
		e.Definition = strings.TrimSpace(e.Definition)
		e.SinceArticle = strings.TrimSpace(e.SinceArticle)
		e.Correction = strings.TrimSpace(e.Correction)
		if e.InArticle != nil {
			e.InArticle.Note = strings.TrimSpace(e.InArticle.Note)
		}
		for _, p := range check(&e) {
			problems = append(problems, fmt.Sprintf("%s:%d: term %q: %s", file, e.Line, e.Term, p))
		}
		entries = append(entries, e)
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return entries, nil
}

func check(e *Entry) []string {
	var ps []string
	if strings.TrimSpace(e.Term) == "" {
		ps = append(ps, "term: missing")
	}
	if e.Short == "" {
		ps = append(ps, "short: missing")
	} else if n := len(strings.Fields(e.Short)); n > MaxShortWords {
		ps = append(ps, fmt.Sprintf("short: %d words; at most %d", n, MaxShortWords))
	}
	if e.Definition == "" {
		ps = append(ps, "definition: missing")
	}
	if c := e.InArticle; c != nil {
		if c.Section == "" || c.Paragraph < 1 || c.Quote == "" {
			ps = append(ps, "in_article: needs section, paragraph and quote")
		}
		if n := len(strings.Fields(c.Quote)); n > quiz.MaxQuoteWords {
			ps = append(ps, fmt.Sprintf("in_article.quote: %d words; at most %d", n, quiz.MaxQuoteWords))
		}
	}
	for _, s := range e.Sources {
		if s.Title == "" {
			ps = append(ps, "sources: every source needs a title")
		}
		if s.URL != "" && !strings.HasPrefix(s.URL, "https://") {
			ps = append(ps, fmt.Sprintf("sources: %q is not an https URL", s.URL))
		}
	}
	return ps
}
