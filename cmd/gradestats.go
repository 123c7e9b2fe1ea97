package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/htmlreport"
)

// lowDiscrimination is the discrimination index (in percent) under which a
// question is flagged as telling strong and weak students apart poorly; Moodle's
// documentation treats values under 30% as weak.
const lowDiscrimination = 30

// classStats keeps running sums for --summary: constant memory whatever the
// number of sheets. Sheets graded on other questions than the first one's are
// counted apart and left out, since their statistics would not mean anything.
type classStats struct {
	path    string // --summary
	sums    string // --sums
	stats   *quiz.Stats
	answers *quiz.Responses   // what the class answered, for the response analysis
	page    *htmlreport.Class // the class page (--format html, --summary x.html), or nil
	graded  []*quiz.Question  // the first sheet's auto-graded questions
	marks   []float64
	skipped int
}

func newClassStats(path, sums string) *classStats { return &classStats{path: path, sums: sums} }

func (c *classStats) active() bool { return c.path != "" || c.sums != "" || c.page != nil }

func (c *classStats) add(r *quiz.SheetResult) {
	if !c.active() {
		return
	}
	if c.page != nil {
		c.page.Add(r)
	}
	if c.stats == nil {
		var ids []string
		var max []float64
		for _, o := range r.Outcomes {
			if o.Question.Graded() {
				c.graded = append(c.graded, o.Question.Question)
				ids = append(ids, o.Question.Bank+"/"+o.Question.ID)
				max = append(max, o.Question.MaxPoints())
			}
		}
		c.stats, c.marks = quiz.NewStats(ids, max), make([]float64, len(ids))
		c.answers = quiz.NewResponses()
	}
	// The same questions as the first sheet, in the same order? Compared by
	// pointer: this runs once per sheet of a batch.
	i := 0
	for _, o := range r.Outcomes {
		if !o.Question.Graded() {
			continue
		}
		if i >= len(c.graded) || o.Question.Question != c.graded[i] {
			c.skipped++
			return
		}
		c.marks[i] = o.Points()
		i++
	}
	if i != len(c.graded) {
		c.skipped++
		return
	}
	c.stats.Add(c.marks)
	c.answers.Add(r.Outcomes)
}

// summary is the statistics with the response analysis.
func (c *classStats) summary() quiz.StatsSummary {
	if c.stats == nil {
		c.stats = quiz.NewStats(nil, nil)
	}
	s := c.stats.Summary(lowDiscrimination)
	s.Responses = c.answers.Summary()
	return s
}

// unreadable counts a sheet that could not be read, for the class page.
func (c *classStats) unreadable(where string, err error) {
	if c.page != nil {
		c.page.AddUnreadable(where, err)
	}
}

func (c *classStats) write(errOut io.Writer) error {
	if c.path == "" && c.sums == "" {
		return nil
	}
	if c.skipped > 0 {
		fmt.Fprintf(errOut, "warning: %d sheets were graded on other questions than the first sheet and are left out of the statistics\n", c.skipped)
	}
	if c.stats == nil {
		c.stats = quiz.NewStats(nil, nil)
	}
	if c.sums != "" {
		if err := quiz.WriteFile(c.sums, true, func(w io.Writer) error { return json.NewEncoder(w).Encode(c.stats) }); err != nil {
			return fmt.Errorf("--sums: %w", err)
		}
		fmt.Fprintf(errOut, "Running sums written to %s (merge shards with conflictq summary)\n", c.sums)
	}
	if c.path != "" {
		write := func() error { return writeSummary(c.summary(), c.path) }
		if summaryFormat(c.path) == "html" {
			write = func() error {
				return quiz.WriteFile(c.path, true, func(w io.Writer) error { return c.page.Write(w, c.summary()) })
			}
		}
		if err := write(); err != nil {
			return fmt.Errorf("--summary: %w", err)
		}
		fmt.Fprintf(errOut, "Class statistics written to %s\n", c.path)
	}
	return nil
}

// writeSummary writes class statistics in the format the file's extension names.
func writeSummary(summary quiz.StatsSummary, path string) error {
	return quiz.WriteFile(path, true, func(w io.Writer) error {
		switch summaryFormat(path) {
		case "csv":
			return summary.WriteCSV(w)
		case "json":
			return summary.WriteJSON(w)
		case "html": // merged sums: the statistics, with no students to list
			return htmlreport.NewClass(nil, time.Time{}).Write(w, summary)
		}
		return summary.WriteMarkdown(w)
	})
}

// pageWriter is --format html: the page is written when the batch ends, from
// the sheets classStats collected and its statistics.
type pageWriter struct {
	stats *classStats
	w     io.Writer
}

func (p *pageWriter) Write(*quiz.SheetResult) error { return nil }
func (p *pageWriter) Close() error                  { return p.stats.page.Write(p.w, p.stats.summary()) }
