package worksheet

import (
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz"
)

// Sheet is a worksheet laid out for a printable format other than Markdown
// (htmlreport.Paper): the questions Write writes with the same Paper, with the
// same numbers, hints, option letters and key, as plain unescaped text. The
// renderer escapes it.
type Sheet struct {
	Title       string
	Made        string // Paper.Made: the set and seed, or ""
	KeyMade     string // the line under the key's title up to Command (Paper.KeyMade)
	Command     string // Paper.Command: the sheet command, for the key only, or ""
	Description string
	Items       []Item
	Key         bool // the key goes after the questions (Paper.Key == KeyAfter)
}

// Item is one entry of a Sheet: a numbered question, or an unnumbered
// passage to read (N is 0, Kind "info").
type Item struct {
	N      int
	Kind   quiz.Type
	Prompt string // its line breaks are kept
	Hint   string // how to answer and the points, as the Markdown's (…)
	// Options are the choices (single, multi, match's answers) lettered, or an
	// order question's items numbered, in the order shown.
	Options []Option
	Lefts   []Option // a match question's numbered left-hand sides
	Unit    string   // a numeric answer's unit
	Slots   int      // an order question's boxes, first to last

	ID          string // the question's id, as the class page (grade) names it
	Answer      string // the key's answer, as the Markdown key gives it
	KeyPoints   []string
	Explanation string
	Source      string // "Reread: …" without its label
}

// Option is an option as the paper labels it: "b" or "3", and its text.
type Option struct{ Label, Text string }

// Layout lays out b as Write would write it with p.
func Layout(b *quiz.Bank, p Paper) (*Sheet, error) {
	qs, err := p.questions(b)
	if err != nil {
		return nil, err
	}
	s := &Sheet{Title: title(b), Made: p.Made, Description: lines(b.Description), Key: p.Key == KeyAfter}
	s.KeyMade, s.Command = p.KeyMade()
	n := 0
	for _, q := range qs {
		it := Item{Kind: q.Type, Prompt: lines(q.Prompt)}
		if q.Type != quiz.Info {
			n++
			it.N = n
			it.ID = q.ID
			it.Hint = hintFor(q)
			it.Answer = lines(answer(q))
			it.KeyPoints = q.Key
			if q.Type != quiz.Open {
				it.KeyPoints = nil
			}
			it.Explanation = lines(q.Explanation)
			it.Source = q.Source.String()
		}
		opts := q.Options()
		switch q.Type {
		case quiz.Single, quiz.Multi, quiz.Match:
			for k, o := range opts {
				it.Options = append(it.Options, Option{letter(k), o})
			}
		case quiz.Order:
			for k, o := range opts {
				it.Options = append(it.Options, Option{strconv.Itoa(k + 1), o})
			}
			it.Slots = len(opts)
		case quiz.Numeric:
			it.Unit = q.Unit
		}
		if q.Type == quiz.Match {
			for k, l := range q.Lefts() {
				it.Lefts = append(it.Lefts, Option{strconv.Itoa(k + 1), l})
			}
		}
		s.Items = append(s.Items, it)
	}
	return s, nil
}

// lines trims s and each of its lines, drops its blank lines and keeps its
// line breaks, as block does for Markdown.
func lines(s string) string {
	if tidyLines(s) {
		return s // what the split, trims and join below give back
	}
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// tidyLines reports whether lines would give s back as it is: no CR, and
// every line neither blank nor with space at either end. Most prompts and
// explanations are one such line.
func tidyLines(s string) bool {
	if s == "" || strings.IndexByte(s, '\r') >= 0 {
		return false
	}
	for {
		l, rest, more := strings.Cut(s, "\n")
		if l == "" || strings.TrimSpace(l) != l {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}
