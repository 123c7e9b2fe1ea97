package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/text"
)

// SheetOptions are the sheet command's inputs.
type SheetOptions struct {
	Factory *Factory
	Selection
	Format string
	Output string
	Force  bool
	Key    bool
	From   string // the sheet whose banks, seed and selection to use
}

// NewCmdSheet writes blank answer sheets and answer keys.
func NewCmdSheet(f *Factory, runF func(*SheetOptions) error) *cobra.Command {
	opts := &SheetOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "sheet",
		Short: "Write a blank answer sheet (or, with --key, the answer key)",
		Long: `Write an answer sheet to fill in with an editor and grade with conflictq grade.

The YAML sheet shows each question and its numbered options as comments above
the line to fill in. Answer with an option's number, letter or text; a list for
several options or an order ([3, 1, 2]); left: right pairs for matching; text
for the rest. The sheet records its seed, so numbers keep meaning the options
as shown, and the selection (-n, --tag, --difficulty), so grading asks the
same questions.

--key writes the answer key of a sheet: --key --from answers.yaml gives the key
of that exact sheet (its banks, seed and selection). --key needs --from or
--seed: without them a random seed would pick other questions than the
students'. The key gives each choice's number as on the sheet with its text,
and match questions one pair a line, for marking paper; grading it gives 100%.`,
		Example: `  conflictq sheet --bank comprehension -n 10 -o answers.yaml
  conflictq sheet --key --from answers.yaml -o key.yaml
  conflictq sheet --bank timeline --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.SeedSet = cmd.Flags().Changed("seed")
			if err := opts.checkCount(f); err != nil {
				return err
			}
			if opts.From != "" {
				for _, name := range []string{"bank", "count", "tag", "difficulty", "seed"} {
					if cmd.Flags().Changed(name) {
						return &FlagError{Err: fmt.Errorf("--from %s takes the banks, seed and selection from that sheet; leave out --%s", opts.From, name)}
					}
				}
			} else if opts.Key && !opts.SeedSet {
				return &FlagError{Err: fmt.Errorf("--key needs --from SHEET (the key of that sheet) or --seed N (the sheet's seed): " +
					"without them a random seed picks other questions than the students' sheet")}
			}
			if runF != nil {
				return runF(opts)
			}
			return sheetRun(opts)
		},
	}
	fl := cmd.Flags()
	addSelectionFlags(fl, &opts.Selection, "recorded in the sheet")
	fl.Var(newEnum(&opts.Format, "yaml", "yaml", "json"), "format", "yaml (with the questions as comments) or json")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `FILE` (default: standard output)")
	fl.BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	fl.BoolVar(&opts.Key, "key", false, "fill in the right answers (a teacher's key); needs --from or --seed")
	fl.StringVar(&opts.From, "from", "", "use the banks, seed and selection of this `SHEET` (with --key: its answer key)")
	_ = cmd.RegisterFlagCompletionFunc("bank", bankCompletion(f))
	_ = cmd.RegisterFlagCompletionFunc("tag", tagCompletion(f))
	return cmd
}

func sheetRun(opts *SheetOptions) error {
	f := opts.Factory
	if opts.From != "" {
		if err := selectionFrom(opts); err != nil {
			return err
		}
	}
	banks, err := loadBanks(f.IOStreams, f.Library(), opts.Banks)
	if err != nil {
		return err
	}
	if !opts.SeedSet {
		opts.Seed = f.NewSeed()
	}
	questions, err := quiz.Select(banks, opts.Filter(), opts.Seed)
	if err != nil {
		return invalidErr(fmt.Errorf("%w in %s", err, strings.Join(bankIDs(banks), ", ")))
	}
	write := func(w io.Writer) error {
		if opts.Format == "json" {
			return writeSheetJSON(w, banks, questions, opts)
		}
		return writeSheetYAML(w, banks, questions, opts)
	}
	if opts.Output == "" || opts.Output == "-" {
		return write(f.IOStreams.Out)
	}
	if err := fileio.WriteFile(opts.Output, opts.Force, write); err != nil {
		return invalidErr(err)
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "Wrote %s (%d questions)\n", text.EscapeControl(opts.Output), len(questions))
	return nil
}

// selectionFrom takes the banks, seed and selection of the sheet --from names,
// so that its key (or a copy) asks exactly its questions.
func selectionFrom(opts *SheetOptions) error {
	data, err := fileio.ReadFileLimited(opts.From)
	if err != nil {
		return invalidErr(err)
	}
	sh, err := sheet.Read(opts.From, 0, data)
	if err != nil {
		return invalidErr(err)
	}
	if len(sh.Banks) == 0 || sh.Seed == nil {
		return invalid("%s: a sheet that names its banks and seed is needed (conflictq sheet writes both)", opts.From)
	}
	opts.Banks = resolveBankRefs(sh.Banks, opts.From)
	opts.Seed, opts.SeedSet = *sh.Seed, true
	opts.Count, opts.Tags, opts.Difficulty = sh.Count, sh.Tags, sh.Difficulty
	return nil
}

// keyNode is a question's right answer for the YAML key, for marking paper:
// options by their numbers on the sheet, with the texts in a comment, and one
// pair a line for match questions. It grades as the key.
func keyNode(p *quiz.Presented) (*yaml.Node, error) {
	shown := p.Options()
	num := func(i int) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(i + 1)}
	}
	// An option whose number is another option's text is given by its
	// letter, which cannot be misread (quiz.NumberIsAmbiguous).
	choice := func(d int) *yaml.Node {
		if d < 26 && quiz.NumberIsAmbiguous(shown, d) {
			return &yaml.Node{Kind: yaml.ScalarNode, Value: string(rune('a' + d))}
		}
		return num(d)
	}
	display := func(bankIndex int) int {
		for d, k := range p.FromDisplay(seq(len(p.Options()))) {
			if k == bankIndex {
				return d
			}
		}
		return bankIndex
	}
	q := p.Question
	switch q.Type {
	case quiz.Single:
		n := choice(display(q.Correct[0]))
		n.LineComment = q.Choices[q.Correct[0]]
		return n, nil
	case quiz.Multi, quiz.Order:
		idx, texts := q.Correct, q.Choices
		if q.Type == quiz.Order {
			idx, texts = seq(len(q.Items)), q.Items
		}
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		var words []string
		for _, k := range idx {
			list.Content = append(list.Content, choice(display(k)))
			words = append(words, texts[k])
		}
		list.LineComment = strings.Join(words, "; ")
		return list, nil
	case quiz.Match:
		m := &yaml.Node{Kind: yaml.MappingNode}
		rights := p.Options()
		for i, pair := range q.Pairs {
			letter := "?"
			for d, r := range rights {
				if r == pair.Right {
					letter = string(rune('a' + d))
				}
			}
			v := &yaml.Node{Kind: yaml.ScalarNode, Value: letter, LineComment: pair.Left + " = " + pair.Right}
			m.Content = append(m.Content, num(i), v)
		}
		return m, nil
	}
	var n yaml.Node
	err := n.Encode(keyValue(q))
	return &n, err
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// keyValue is a question's right answer in sheet form; nil for a blank sheet.
func keyValue(q *quiz.Question) any {
	switch q.Type {
	case quiz.Single:
		return q.Choices[q.Correct[0]]
	case quiz.Multi:
		out := make([]string, len(q.Correct))
		for i, c := range q.Correct {
			out[i] = q.Choices[c]
		}
		return out
	case quiz.TrueFalse:
		return q.Truth
	case quiz.Short:
		for i, a := range q.Accept { // the first that earns full credit
			if q.AcceptCredit(i) >= 1 {
				return a
			}
		}
		return q.Accept[0]
	case quiz.Numeric:
		return q.Value
	case quiz.Order:
		return q.Items
	case quiz.Match:
		m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		for _, p := range q.Pairs {
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: p.Left}, &yaml.Node{Kind: yaml.ScalarNode, Value: p.Right})
		}
		return m
	case quiz.Open:
		return q.Model
	}
	return nil
}

// sheetHeader gives the sheet's student and banks. A bank file is named by
// its path from the sheet's own directory, so that grading finds it wherever
// the sheet is graded from.
func sheetHeader(opts *SheetOptions) (student string, banks []string) {
	if opts.Key {
		student = "ANSWER KEY"
	}
	for _, ref := range opts.Banks {
		if quiz.IsPath(ref) && opts.Output != "" && opts.Output != "-" {
			if abs, err := filepath.Abs(ref); err == nil {
				if outDir, err := filepath.Abs(filepath.Dir(opts.Output)); err == nil {
					if rel, err := filepath.Rel(outDir, abs); err == nil {
						ref = rel
					}
				}
			}
		}
		banks = append(banks, ref)
	}
	return student, banks
}

func writeSheetYAML(w io.Writer, banks []*quiz.Bank, questions []*quiz.Presented, opts *SheetOptions) error {
	student, ids := sheetHeader(opts)
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, value *yaml.Node) { root.Content = append(root.Content, str(key), value) }
	add("student", &yaml.Node{Kind: yaml.ScalarNode, Value: student, Style: yaml.DoubleQuotedStyle})
	bankList := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, id := range ids {
		bankList.Content = append(bankList.Content, str(id))
	}
	add("banks", bankList)
	add("seed", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(opts.Seed)})
	if opts.Count > 0 {
		add("count", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(opts.Count)})
	}
	if len(opts.Tags) > 0 {
		tags := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, t := range opts.Tags {
			tags.Content = append(tags.Content, str(t))
		}
		add("tags", tags)
	}
	if opts.Difficulty != "" {
		add("difficulty", str(opts.Difficulty))
	}
	answers := &yaml.Node{Kind: yaml.MappingNode}
	n := 0
	for _, p := range questions {
		if p.Type == quiz.Info {
			continue
		}
		n++
		key := str(p.ID)
		key.HeadComment = questionComment(n, p)
		value := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""}
		if opts.Key {
			var err error
			if value, err = keyNode(p); err != nil {
				return err
			}
		}
		answers.Content = append(answers.Content, key, value)
	}
	add("answers", answers)
	root.HeadComment = sheetInstructions
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

const sheetInstructions = `conflictq answer sheet. Write your name after student:, then each answer
after its question's id. For a choice give its number, letter or text (2, b,
Baku); for several choices or an order a list ([1, 3], [3, 1, 2]); for pairs
left: right ({1: b, 2: a}); otherwise the text or number. Leave an answer
empty to skip it. Grade with: conflictq grade THIS-FILE`

// questionComment shows a question above its answer line, with its options
// numbered as the sheet's seed shuffled them.
func questionComment(n int, p *quiz.Presented) string {
	var b strings.Builder
	kind := map[quiz.Type]string{
		quiz.Single: "one choice", quiz.Multi: "all that apply, as a list", quiz.TrueFalse: "true or false",
		quiz.Short: "a few words", quiz.Numeric: "a number", quiz.Order: "the numbers in order, as a list",
		quiz.Match: "pairs, number: letter", quiz.Open: "your own words",
	}[p.Type]
	b.WriteString(text.Wrap(fmt.Sprintf("%d. %s (%s)", n, p.Prompt, kind), 76, ""))
	switch p.Type {
	case quiz.Single, quiz.Multi, quiz.Order:
		for i, o := range p.Options() {
			fmt.Fprintf(&b, "\n   %d) %s", i+1, o)
		}
	case quiz.Match:
		for i, l := range p.Lefts() {
			fmt.Fprintf(&b, "\n   %d) %s", i+1, l)
		}
		b.WriteString("\n   with:")
		for i, o := range p.Options() {
			fmt.Fprintf(&b, "\n   %c) %s", 'a'+i, o)
		}
	}
	return b.String()
}

func writeSheetJSON(w io.Writer, banks []*quiz.Bank, questions []*quiz.Presented, opts *SheetOptions) error {
	student, ids := sheetHeader(opts)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"student\": %s,\n  \"banks\": %s,\n  \"seed\": %d,\n", mustJSON(student), mustJSON(ids), opts.Seed)
	if opts.Count > 0 {
		fmt.Fprintf(&b, "  \"count\": %d,\n", opts.Count)
	}
	if len(opts.Tags) > 0 {
		fmt.Fprintf(&b, "  \"tags\": %s,\n", mustJSON(opts.Tags))
	}
	if opts.Difficulty != "" {
		fmt.Fprintf(&b, "  \"difficulty\": %s,\n", mustJSON(opts.Difficulty))
	}
	b.WriteString("  \"answers\": {")
	first := true
	for _, p := range questions {
		if p.Type == quiz.Info {
			continue
		}
		var value any
		if opts.Key {
			value = keyValue(p.Question)
			if p.Type == quiz.Match {
				m := map[string]string{}
				for _, pair := range p.Pairs {
					m[pair.Left] = pair.Right
				}
				value = m
			}
		}
		if !first {
			b.WriteString(",")
		}
		first = false
		fmt.Fprintf(&b, "\n    %s: %s", mustJSON(p.ID), mustJSON(value))
	}
	b.WriteString("\n  }\n}\n")
	_, err := w.Write(b.Bytes())
	return err
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(data)
}
