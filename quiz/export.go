package quiz

import (
	"io"
	"math"
)

// BankDoc is a bank in the shape of its YAML file, for export as JSON or YAML.
// A YAML export parses back to the same bank.
type BankDoc struct {
	ID          string        `json:"id" yaml:"id"`
	Title       string        `json:"title" yaml:"title"`
	Description string        `json:"description,omitempty" yaml:"description,omitempty"`
	Questions   []QuestionDoc `json:"questions" yaml:"questions"`
}

// QuestionDoc is a question in the shape of the bank format.
type QuestionDoc struct {
	ID          string             `json:"id" yaml:"id"`
	Name        string             `json:"name,omitempty" yaml:"name,omitempty"`
	Type        Type               `json:"type" yaml:"type"`
	Prompt      string             `json:"prompt" yaml:"prompt"`
	Choices     []string           `json:"choices,omitempty" yaml:"choices,omitempty"`
	Answer      any                `json:"answer,omitempty" yaml:"answer,omitempty"`
	Answers     []string           `json:"answers,omitempty" yaml:"answers,omitempty"`
	Accept      []string           `json:"accept,omitempty" yaml:"accept,omitempty"`
	Credit      map[string]float64 `json:"credit,omitempty" yaml:"credit,omitempty"`
	Typos       *int               `json:"typos,omitempty" yaml:"typos,omitempty"`
	Tolerance   float64            `json:"tolerance,omitempty" yaml:"tolerance,omitempty"`
	Also        []Number           `json:"also,omitempty" yaml:"also,omitempty"`
	Unit        string             `json:"unit,omitempty" yaml:"unit,omitempty"`
	Items       []string           `json:"items,omitempty" yaml:"items,omitempty"`
	Pairs       []Pair             `json:"pairs,omitempty" yaml:"pairs,omitempty"`
	ModelAnswer string             `json:"model_answer,omitempty" yaml:"model_answer,omitempty"`
	PlainAnswer string             `json:"plain_answer,omitempty" yaml:"plain_answer,omitempty"`
	PlainPoints []string           `json:"plain_points,omitempty" yaml:"plain_points,omitempty"`
	KeyPoints   []string           `json:"key_points,omitempty" yaml:"key_points,omitempty"`
	Explanation string             `json:"explanation" yaml:"explanation"`
	Source      *Source            `json:"source,omitempty" yaml:"source,omitempty"`
	Difficulty  string             `json:"difficulty,omitempty" yaml:"difficulty,omitempty"`
	Tags        []string           `json:"tags,omitempty" yaml:"tags,omitempty"`
	Points      float64            `json:"points" yaml:"points"`
	FormerIDs   []string           `json:"former_ids,omitempty" yaml:"former_ids,omitempty"`
}

// WriteYAML writes the bank as a YAML bank file, indented by two spaces: the
// writer ParseBank reads back to the same bank. Its bytes are those yaml's
// encoder (go.yaml.in/yaml/v3, SetIndent(2)) writes for Doc, written
// without it (bankYAML).
func (b *Bank) WriteYAML(w io.Writer) error {
	doc := b.Doc()
	_, err := w.Write(writeBankYAML(&doc))
	return err
}

// Doc returns the bank in the shape of its file.
func (b *Bank) Doc() BankDoc {
	doc := BankDoc{ID: b.ID, Title: b.Title, Description: b.Description, Questions: make([]QuestionDoc, 0, len(b.Questions))}
	for _, q := range b.Questions {
		d := QuestionDoc{
			ID: q.ID, Name: q.Name, Type: q.Type, Prompt: q.Prompt, Explanation: q.Explanation,
			Difficulty: q.Difficulty, Tags: q.Tags, Points: q.Points, FormerIDs: q.FormerIDs,
		}
		if !q.Source.IsZero() {
			src := q.Source
			d.Source = &src
		}
		switch q.Type {
		case Single:
			d.Choices = q.Choices
			d.Answer = q.Choices[q.Correct[0]]
			d.Credit = q.creditDoc(q.Choices)
		case Multi:
			d.Choices = q.Choices
			for _, i := range q.Correct {
				d.Answers = append(d.Answers, q.Choices[i])
			}
			d.Credit = q.creditDoc(q.Choices)
		case TrueFalse:
			d.Answer = q.Truth
		case Short:
			d.Accept = q.Accept
			d.Credit = q.creditDoc(q.Accept)
			if q.Exact {
				zero := 0
				d.Typos = &zero
			}
		case Numeric:
			d.Answer = q.Value
			d.Tolerance = q.Tol
			d.Unit = q.Unit
			d.Also = q.Numbers
		case Order:
			d.Items = q.Items
		case Match:
			d.Pairs = q.Pairs
		case Open:
			d.ModelAnswer = q.Model
			d.PlainAnswer = q.Plain
			d.PlainPoints = q.PlainKey
			d.KeyPoints = q.Key
		}
		doc.Questions = append(doc.Questions, d)
	}
	return doc
}

// creditDoc lists the answers whose credit differs from the default, as the
// bank file's credit: mapping gives them; nil when none does.
func (q *Question) creditDoc(options []string) map[string]float64 {
	if q.Credit == nil {
		return nil
	}
	plain := &Question{Type: q.Type, Correct: q.Correct}
	out := map[string]float64{}
	for i, o := range options {
		if q.Type == Short {
			if c := q.AcceptCredit(i); c != plain.AcceptCredit(i) {
				out[o] = c
			}
		} else if c := q.ChoiceCredit(i); math.Abs(c-plain.ChoiceCredit(i)) > 1e-12 {
			out[o] = c
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
