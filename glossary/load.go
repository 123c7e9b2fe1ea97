package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/text"
)

// MaxShortWords is the longest a one-line definition may be.
const MaxShortWords = 30

type entryNode struct {
	Entry
	kindLine       int // the kind: key's line, for its messages
	plainSinceLine int // plain_since's
}

// entryField reports whether k is a key an entry may have. A custom
// unmarshaller does not inherit the decoder's KnownFields check, so it makes
// its own. A switch, not a map: a map literal is work in the package's init.
func entryField(k string) bool {
	switch k {
	case "term", "kind", "aliases", "short", "plain", "plain_since", "definition", "in_article",
		"since_article", "correction", "corrects", "related", "confusable", "sources",
		"names", "contrast", "place_of_loss":
		return true
	}
	return false
}

func (e *entryNode) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !entryField(k.Value) {
				return fmt.Errorf("line %d: unknown field %q in an entry", k.Line, k.Value)
			}
			switch k.Value {
			case "kind":
				e.kindLine = k.Line
			case "plain_since":
				e.plainSinceLine = k.Line
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

// UnmarshalYAML reads names: a mapping from a language code to a name or a
// list of names. Unknown languages and empty names are refused with their line.
func (ns *Names) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: names: want a mapping of %s to names", n.Line, languageCodes())
	}
	out := Names{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		li := slices.IndexFunc(NameLanguages, func(l Language) bool { return l.Code == k.Value })
		if li < 0 {
			return fmt.Errorf("line %d: names: unknown language %q (want %s)", k.Line, k.Value, languageCodes())
		}
		if _, dup := out[k.Value]; dup {
			return fmt.Errorf("line %d: names: %q given twice", k.Line, k.Value)
		}
		items := []*yaml.Node{v}
		switch v.Kind {
		case yaml.ScalarNode:
		case yaml.SequenceNode:
			items = v.Content
		default:
			return fmt.Errorf("line %d: names.%s: want a name or a list of names", v.Line, k.Value)
		}
		if len(items) == 0 {
			return fmt.Errorf("line %d: names.%s: empty list", v.Line, k.Value)
		}
		list := make([]string, len(items))
		for i, item := range items {
			if item.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: names.%s: each name must be a string", item.Line, k.Value)
			}
			list[i] = strings.TrimSpace(item.Value)
			if list[i] == "" || item.Tag == "!!null" {
				return fmt.Errorf("line %d: names.%s: empty name", item.Line, k.Value)
			}
			if l := NameLanguages[li]; !inScript(list[i], l.Script()) {
				return fmt.Errorf("line %d: names.%s: %q is not in the %s script", item.Line, k.Value, list[i], l.ScriptName)
			}
		}
		out[k.Value] = list
	}
	*ns = out
	return nil
}

// inScript reports whether every letter of name belongs to script: an
// Armenian name under ru: is a slip that would otherwise pass unseen.
func inScript(name string, script *unicode.RangeTable) bool {
	for _, r := range name {
		if unicode.IsLetter(r) && !unicode.Is(script, r) {
			return false
		}
	}
	return true
}

func languageCodes() string {
	codes := make([]string, len(NameLanguages))
	for i, l := range NameLanguages {
		codes[i] = l.Code
	}
	return strings.Join(codes, ", ")
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
		e.Plain = strings.TrimSpace(e.Plain)
		e.PlainSince = strings.TrimSpace(e.PlainSince)
		e.Definition = strings.TrimSpace(e.Definition)
		e.SinceArticle = strings.TrimSpace(e.SinceArticle)
		e.Correction = strings.TrimSpace(e.Correction)
		e.Corrects = strings.TrimSpace(e.Corrects)
		e.Contrast = strings.TrimSpace(e.Contrast)
		if e.InArticle != nil {
			e.InArticle.Note = strings.TrimSpace(e.InArticle.Note)
		}
		for _, p := range check(&e) {
			problems = append(problems, fmt.Sprintf("%s:%d: term %q: %s", file, e.Line, e.Term, p))
		}
		if e.PlainSince != "" && e.SinceArticle == "" {
			// The plain words of a note the full entry has: alone, the
			// students' view would say what define --full does not.
			problems = append(problems, fmt.Sprintf("%s:%d: term %q: plain_since: needs since_article (it says that note in plain words)", file, n.plainSinceLine, e.Term))
		}
		if _, ok := LookupKind(e.Kind); !ok && e.Kind != "" {
			problems = append(problems, fmt.Sprintf("%s:%d: term %q: kind: unknown kind %q (want one of: %s)", file, n.kindLine, e.Term, e.Kind, kindNames()))
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
	if e.Kind == "" {
		ps = append(ps, "kind: missing (want one of: "+kindNames()+")")
	}
	if e.Short == "" {
		ps = append(ps, "short: missing")
	} else if n := text.Words(e.Short); n > MaxShortWords {
		ps = append(ps, fmt.Sprintf("short: %d words; at most %d", n, MaxShortWords))
	}
	if e.Definition == "" {
		ps = append(ps, "definition: missing")
	}
	if e.PlaceOfLoss && e.Kind != "town" && e.Kind != "region" {
		ps = append(ps, fmt.Sprintf("place_of_loss: only for a town or region, not kind %q (a loss that is no place is kind loss-event)", e.Kind))
	}
	if c := e.InArticle; c != nil {
		if c.Section == "" || c.Paragraph < 1 || c.Quote == "" {
			ps = append(ps, "in_article: needs section, paragraph and quote")
		}
		if n := text.Words(c.Quote); n > quiz.MaxQuoteWords {
			ps = append(ps, fmt.Sprintf("in_article.quote: %d words; at most %d", n, quiz.MaxQuoteWords))
		}
	}
	if e.Corrects != "" {
		if e.Correction == "" {
			ps = append(ps, "corrects: quotes what the correction is about, but there is no correction")
		}
		if n := text.Words(e.Corrects); n > quiz.MaxQuoteWords {
			ps = append(ps, fmt.Sprintf("corrects: %d words; at most %d", n, quiz.MaxQuoteWords))
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
