package quiz

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
	ID          string   `json:"id" yaml:"id"`
	Type        Type     `json:"type" yaml:"type"`
	Prompt      string   `json:"prompt" yaml:"prompt"`
	Choices     []string `json:"choices,omitempty" yaml:"choices,omitempty"`
	Answer      any      `json:"answer,omitempty" yaml:"answer,omitempty"`
	Answers     []string `json:"answers,omitempty" yaml:"answers,omitempty"`
	Accept      []string `json:"accept,omitempty" yaml:"accept,omitempty"`
	Tolerance   float64  `json:"tolerance,omitempty" yaml:"tolerance,omitempty"`
	Unit        string   `json:"unit,omitempty" yaml:"unit,omitempty"`
	Items       []string `json:"items,omitempty" yaml:"items,omitempty"`
	Pairs       []Pair   `json:"pairs,omitempty" yaml:"pairs,omitempty"`
	ModelAnswer string   `json:"model_answer,omitempty" yaml:"model_answer,omitempty"`
	KeyPoints   []string `json:"key_points,omitempty" yaml:"key_points,omitempty"`
	Explanation string   `json:"explanation" yaml:"explanation"`
	Source      *Source  `json:"source,omitempty" yaml:"source,omitempty"`
	Difficulty  string   `json:"difficulty,omitempty" yaml:"difficulty,omitempty"`
	Tags        []string `json:"tags,omitempty" yaml:"tags,omitempty"`
	Points      float64  `json:"points" yaml:"points"`
}

// Doc returns the bank in the shape of its file.
func (b *Bank) Doc() BankDoc {
	doc := BankDoc{ID: b.ID, Title: b.Title, Description: b.Description, Questions: make([]QuestionDoc, 0, len(b.Questions))}
	for _, q := range b.Questions {
		d := QuestionDoc{
			ID: q.ID, Type: q.Type, Prompt: q.Prompt, Explanation: q.Explanation,
			Difficulty: q.Difficulty, Tags: q.Tags, Points: q.Points,
		}
		if !q.Source.IsZero() {
			src := q.Source
			d.Source = &src
		}
		switch q.Type {
		case Single:
			d.Choices = q.Choices
			d.Answer = q.Choices[q.Correct[0]]
		case Multi:
			d.Choices = q.Choices
			for _, i := range q.Correct {
				d.Answers = append(d.Answers, q.Choices[i])
			}
		case TrueFalse:
			d.Answer = q.Truth
		case Short:
			d.Accept = q.Accept
		case Numeric:
			d.Answer = q.Value
			d.Tolerance = q.Tol
			d.Unit = q.Unit
		case Order:
			d.Items = q.Items
		case Match:
			d.Pairs = q.Pairs
		case Open:
			d.ModelAnswer = q.Model
			d.KeyPoints = q.Key
		}
		doc.Questions = append(doc.Questions, d)
	}
	return doc
}
