package session

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// pauseRows are the rows the pause after the feedback takes at the bottom
// of the screen: its message, the row its answer is typed on, and one the
// prompter keeps free below.
const pauseRows = 3

// Labels of the answer shown after an open question: the plain one a bank
// gives for the screen, else the full model answer.
const (
	plainLabel = "A short answer:"
	modelLabel = "A model answer:"
)

// modelInReport is the line under a plain answer when the report is saved:
// the full model answer is there (report.Question.Expected).
const modelInReport = "The full model answer is in your report."

// openFeedback is the feedback on an open question, in practice mode and
// in an exam's review alike, in the order the README gives (teacher7 A3):
// how many key points the student says they covered, the key points they
// did not tick (○; in plain words where the bank gives them, as the
// self-check lists them), the answer in plain words (the full model answer
// when the bank has no plain one), the explanation and the source. The
// student's own answer is not shown again: it is right above the
// self-check, which the terminal takes off the screen once answered (a
// SelfChecker), nor are the points they ticked (teacher14 A1: the answer,
// the ticks echoed and the ticks listed again made about 190 words and
// scrolled the question off an 80x24 screen). Before, the model answer
// came first and the explanation scrolled the "Covered" line off an 80x24
// screen; the review kept that order until teacher9 P3 ticked key points
// with their own answer scrolled off. The self-check is asked only when
// ask is set; without it the key points are listed as what a good answer
// covers. On a screen of s.Height rows openFit cuts what would push the
// "Covered" line off, each cut marked with "…"; a pipe or plain mode
// (Height 0) gets every line whole. indent goes before every line (the
// review's "  ").
func (s *Session) openFeedback(ctx context.Context, o *quiz.Outcome, indent string, ask bool) error {
	q := o.Question
	// With no key points, or no answer, there is nothing to check: the key
	// points are listed as what a good answer covers.
	checked := ask && o.Response.Answered && len(q.Key) > 0
	if checked {
		if err := s.selfCheck(ctx, &o.Response, q, indent); err != nil {
			return err
		}
	}
	f := s.openFit(o, checked, indent)
	if checked {
		s.missed(q, o.Response, indent, f.cut)
	} else {
		s.keyPoints(q, indent, f.cut)
	}
	fmt.Fprintln(s.Out, s.openAnswerText(q, indent))
	if f.note {
		fmt.Fprintln(s.Out, s.style().Dim(text.Wrap(modelInReport, s.Width, indent)))
	}
	s.why(o)
	return nil
}

// indented puts indent before every line of s.
func indented(s, indent string) string {
	return indent + strings.ReplaceAll(s, "\n", "\n"+indent)
}

// openLayout is what of an open question's feedback is shown.
type openLayout struct {
	cut  []bool // key points cut to a row each
	note bool   // modelInReport shown
}

// openFit chooses what to cut of an open question's feedback so that it
// fits, from the "Covered" line to the pause, on a screen of s.Height rows.
// It gives up, in turn: the optional line about the report; the key points
// listed (those not ticked, or all when nothing was checked), the longest
// first, each to a row ending in "…" (the self-check just showed them
// whole). The answer shown, the explanation and the source are never cut:
// if they do not fit, the top of the feedback scrolls off. Height 0 cuts
// nothing.
func (s *Session) openFit(o *quiz.Outcome, checked bool, indent string) openLayout {
	q, r := o.Question, o.Response
	f := openLayout{cut: make([]bool, len(q.Key)), note: s.ReportSaved && q.Plain != ""}
	if s.Height <= 0 || s.Width <= 0 {
		return f
	}
	whole := make([]int, len(q.Key))   // rows of each point listed; 0 when not listed
	for i, k := range q.StudentKey() { // the points as shown
		if checked && ticked(r, i) {
			continue
		}
		whole[i] = rows(text.Hang(k, s.Width, len(indent)+4))
	}
	fixed := rows(s.openAnswerText(q, indent))
	if w := s.whyText(o); w != "" {
		fixed += rows(w)
	}
	if checked {
		fixed += rows(text.Hang(coveredText(r, q), s.Width, len(indent)))
	} else if len(q.Key) > 0 {
		fixed++ // "A good answer covers:"
	}
	total := func() int {
		n := fixed
		for i, w := range whole {
			if f.cut[i] {
				w = 1
			}
			n += w
		}
		if f.note {
			n++
		}
		return n
	}
	room := s.Height - pauseRows
	if total() > room {
		f.note = false
	}
	for total() > room {
		// The next key point to cut: the longest.
		next := -1
		for i, w := range whole {
			if f.cut[i] || w < 2 {
				continue
			}
			if next < 0 || w > whole[next] {
				next = i
			}
		}
		if next < 0 {
			break
		}
		f.cut[next] = true
	}
	return f
}

// ticked reports whether the student ticked key point i.
func ticked(r quiz.Response, i int) bool {
	return slices.Contains(r.SelfCheckPoints, i)
}

// openAnswerText is the answer shown after an open question, on its
// label's row as "Answer:" is for the other questions: the plain answer
// when the bank gives one (teacher7 A3: the model answers run to 110 words
// of B2/C1 English), else the full model answer; indent before each line.
func (s *Session) openAnswerText(q *quiz.Presented, indent string) string {
	label, answer := plainLabel, q.Plain
	if answer == "" {
		label, answer = modelLabel, q.Model
	}
	wrapped := indented(text.Hang(label+" "+answer, s.Width-len(indent), 2), indent)
	return indent + s.style().Bold(label) + strings.TrimPrefix(wrapped, indent+label)
}

// rows counts the lines of wrapped text.
func rows(wrapped string) int { return strings.Count(wrapped, "\n") + 1 }
