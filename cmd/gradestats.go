package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"time"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// lowDiscrimination is the discrimination index (in percent) under which a
// question is flagged as telling strong and weak students apart poorly.
const lowDiscrimination = stats.LowDiscrimination

// classStats writes --summary and --sums from the class's statistics. A
// --summary page (.html) is the html result format, fed alongside.
type classStats struct {
	path   string // --summary
	sums   string // --sums
	class  grade.ClassStats
	opts   grade.ResultOptions
	page   *pageFile   // --summary x.html, or nil
	toMark int         // sheets with open answers not yet marked
	set    *fileio.Set // the run's outputs, named together (outputSet)
	wrote  []string    // what is said once they have their names
}

func newClassStats(path, sums string, set *fileio.Set, opts grade.ResultOptions) *classStats {
	c := &classStats{path: path, sums: sums, set: set, opts: opts}
	// Only a summary other than the page (which keeps its own) shows what
	// the class answered; --sums alone is the running sums.
	c.class.SumsOnly = path == "" || summaryFormat(path) == "html"
	if summaryFormat(path) == "html" {
		c.page = &pageFile{}
		c.page.w, _ = grade.NewResultWriter("html", c.page, opts)
	}
	return c
}

// pageFile collects the class page for --summary x.html; the page holds one
// row a student up to its cut, so it is written when the batch ends, by
// closing w into the file's writer (to): not laid out and then copied
// into a buffer of its own first (210 KB for a class of 30).
type pageFile struct {
	w  grade.ResultWriter
	to io.Writer
}

func (p *pageFile) Write(b []byte) (int, error) { return p.to.Write(b) }

func (c *classStats) add(r *grade.SheetResult) {
	// The page keeps the class's statistics itself: only --sums or a
	// summary in another format needs them here too.
	if c.sums != "" || c.path != "" && c.page == nil {
		c.class.Add(r)
	}
	if r.ToMark() > 0 {
		c.toMark++
	}
	if c.page != nil {
		c.page.w.Write(r)
	}
}

// unreadable lists a sheet that could not be read on the class page.
func (c *classStats) unreadable(where string, err error) {
	if c.page != nil {
		c.page.w.Unreadable(where, err)
	}
}

func (c *classStats) write(errOut io.Writer) error {
	if c.path == "" && c.sums == "" {
		return nil
	}
	if n := c.toMark; n > 0 {
		fmt.Fprintf(errOut, "%s open answers not yet marked (conflictq mark): until every one is marked, the statistics leave the open questions out\n", text.Plural(n, "1 sheet has", fmt.Sprintf("%d sheets have", n)))
	}
	if c.sums != "" {
		st := c.class.Sums()
		if err := c.set.WriteFile(c.sums, true, fileio.Derived, writeSums(st)); err != nil {
			return fmt.Errorf("--sums: %w", err)
		}
		c.wrote = append(c.wrote, fmt.Sprintf("Running sums written to %s (merge shards with conflictq summary)\n", text.EscapeControl(c.sums)))
	}
	if c.path != "" {
		write := func() error { return writeSummary(c.set, c.class.Summary(lowDiscrimination), c.path) }
		if c.page != nil {
			write = func() error {
				return c.set.WriteFile(c.path, true, fileio.Derived, func(w io.Writer) error { c.page.to = w; return c.page.w.Close() })
			}
		}
		if err := write(); err != nil {
			return fmt.Errorf("--summary: %w", err)
		}
		c.wrote = append(c.wrote, fmt.Sprintf("Class statistics written to %s\n", text.EscapeControl(c.path)))
	}
	return nil
}

// writeSums writes running sums as a json.Encoder writes them: their
// MarshalJSON and a newline. MarshalJSON writes them compact and with <, >
// and & escaped, which the Encoder then only checks and copies, a scan of
// the 23 KB of a class of 30 (stats' TestSumsAreWrittenAsBefore holds the
// two to the same bytes).
func writeSums(st *stats.Stats) func(io.Writer) error {
	return func(w io.Writer) error {
		if st == nil { // as the Encoder writes a nil Marshaler
			_, err := io.WriteString(w, "null\n")
			return err
		}
		data, err := st.MarshalJSON()
		if err != nil { // the Encoder's words: sums that are not numbers
			return &json.MarshalerError{Type: reflect.TypeFor[*stats.Stats](), Err: err}
		}
		_, err = w.Write(append(data, '\n'))
		return err
	}
}

// writeSummary writes class statistics in the format the file's extension names.
func writeSummary(set *fileio.Set, summary stats.StatsSummary, path string) error {
	return set.WriteFile(path, true, fileio.Derived, func(w io.Writer) error {
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
