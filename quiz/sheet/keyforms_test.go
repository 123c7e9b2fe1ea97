package sheet_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/sheet"
	"github.com/conflictq/conflictq/quiz/worksheet"
)

// alternatives splits a key's answer into the answers it lists as each
// earning full marks: a short answer's and a number's "A / B", a one-choice
// question's "a) X; c) Y". Part marks are left out.
func alternatives(q *quiz.Question, key string) []string {
	if q.CreditNote() != "" {
		key = key[:strings.LastIndex(key, " (part marks: ")]
	}
	switch q.Type {
	case quiz.Short, quiz.Numeric:
		return strings.Split(key, " / ")
	case quiz.Single:
		full := 0
		for i := range q.Choices {
			if q.ChoiceCredit(i) >= 1 {
				full++
			}
		}
		if full > 1 {
			return strings.Split(key, "; ")
		}
	}
	return []string{key}
}

// mdEscape is Markdown's backslash before punctuation, gone when rendered.
var mdEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

// markdownKey is the Markdown key's answer to each question number, as a
// reader sees it rendered.
func markdownKey(t *testing.T, b *quiz.Bank, p worksheet.Paper) map[int]string {
	t.Helper()
	var buf bytes.Buffer
	if err := worksheet.WriteKey(&buf, b, p); err != nil {
		t.Fatal(err)
	}
	out := map[int]string{}
	for _, line := range strings.Split(buf.String(), "\n") {
		var n int
		if _, err := fmt.Sscanf(line, "**%d.**", &n); err != nil {
			continue
		}
		line = strings.TrimSuffix(line[strings.Index(line, "** ")+3:], "\\")
		out[n] = mdEscape.ReplaceAllString(line, "$1")
	}
	return out
}

// Every answer as the printed key gives it (the Markdown key as rendered,
// and the HTML key, which shows worksheet.Layout's text; and the texts alone, as the
// YAML key's comments give them), copied onto the
// answer sheet as a teacher types it, with and without the question's
// number before it, grades full marks: for every built-in bank, in several
// orders, with and without a set (teacher4 A1).
func TestKeyAsPrintedCopiedOntoSheetGradesFull(t *testing.T) {
	names := (&quiz.Library{Embedded: assets.Banks(), Compiled: assets.CompiledBank, Generated: assets.GeneratedBanks}).Names()
	checked := 0
	for _, name := range names {
		b := assets.CompiledBank(name)
		for _, seed := range []uint64{1, 7, 42, 1000} {
			for _, f := range []quiz.Filter{{}, {Set: "9c", Count: 10}} {
				p := worksheet.Paper{Filter: f, Seed: seed, Shuffle: true}
				laid, err := worksheet.Layout(b, p)
				if err != nil {
					t.Fatal(err)
				}
				md := markdownKey(t, b, p)
				questions, err := quiz.Select([]*quiz.Bank{b}, f, seed)
				if err != nil {
					t.Fatal(err)
				}
				byID := map[string]*quiz.Presented{}
				for _, q := range questions {
					byID[q.ID] = q
				}
				var blank bytes.Buffer
				if err := sheet.WriteYAML(&blank, questions, sheet.Layout{Banks: []string{name}, Seed: seed, Set: f.Set, Count: f.Count}); err != nil {
					t.Fatal(err)
				}
				for _, it := range laid.Items {
					q := byID[it.ID]
					if it.N == 0 || q == nil || q.Type == quiz.Open {
						continue
					}
					if md[it.N] != it.Answer {
						t.Errorf("%s seed %d: question %d: the Markdown key shows %q, the HTML key %q", name, seed, it.N, md[it.N], it.Answer)
					}
					forms := alternatives(q.Question, it.Answer)
					if q.Type == quiz.Multi || q.Type == quiz.Order || q.Type == quiz.Match {
						// The texts alone, as the YAML key's comments and the
						// reports give them: "Iran; Russia", "A → B", "L = R; …".
						forms = append(forms, q.Expected())
					}
					if q.Type == quiz.Single || q.Type == quiz.Multi || q.Type == quiz.TrueFalse {
						forms = append(forms, fmt.Sprintf("%d %s", it.N, forms[0]), fmt.Sprintf("%d. %s", it.N, forms[0]))
					}
					for _, form := range forms {
						file := fmt.Sprintf("%s-%d-%s.yaml", name, seed, it.ID)
						data := strings.Replace(blank.String(), "\n  "+it.ID+":\n", "\n  "+it.ID+": "+form+"\n", 1)
						s, err := sheet.Read(file, 0, []byte(data))
						if err != nil {
							t.Errorf("%s: %q: %v", file, form, err)
							continue
						}
						v, _ := s.Answer(it.ID)
						r, prob := s.ResolveAt(q.Question, v, it.N)
						if prob != nil || quiz.Score(q.Question, r) != 1 {
							t.Errorf("%s: question %d: the key's %q scores %v (%v); options %q", file, it.N, form, quiz.Score(q.Question, r), prob, q.Options())
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d answers checked", checked)
	}
	t.Logf("%d key answers checked", checked)
}
