package cmd

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// lowDiscrimination is the discrimination index (in percent) under which a
// question is flagged as telling strong and weak students apart poorly; Moodle's
// documentation treats values under 30% as weak.
const lowDiscrimination = 30

// classStats writes --summary and --sums from the class's statistics.
type classStats struct {
	path  string // --summary
	sums  string // --sums
	class grade.ClassStats
}

func newClassStats(path, sums string) *classStats { return &classStats{path: path, sums: sums} }

func (c *classStats) add(r *grade.SheetResult) {
	if c.path != "" || c.sums != "" {
		c.class.Add(r)
	}
}

func (c *classStats) write(errOut io.Writer) error {
	if c.path == "" && c.sums == "" {
		return nil
	}
	if n := c.class.Skipped(); n > 0 {
		fmt.Fprintf(errOut, "warning: %d sheets were graded on other questions than the first sheet and are left out of the statistics\n", n)
	}
	st := c.class.Stats()
	if c.sums != "" {
		if err := fileio.WriteFile(c.sums, true, func(w io.Writer) error { return json.NewEncoder(w).Encode(st) }); err != nil {
			return fmt.Errorf("--sums: %w", err)
		}
		fmt.Fprintf(errOut, "Running sums written to %s (merge shards with conflictq summary)\n", text.EscapeControl(c.sums))
	}
	if c.path != "" {
		if err := writeSummary(st, c.path); err != nil {
			return fmt.Errorf("--summary: %w", err)
		}
		fmt.Fprintf(errOut, "Class statistics written to %s\n", text.EscapeControl(c.path))
	}
	return nil
}

// writeSummary writes class statistics in the format the file's extension names.
func writeSummary(stats *stats.Stats, path string) error {
	summary := stats.Summary(lowDiscrimination)
	return fileio.WriteFile(path, true, func(w io.Writer) error {
		switch summaryFormat(path) {
		case "csv":
			return summary.WriteCSV(w)
		case "json":
			return summary.WriteJSON(w)
		}
		return summary.WriteMarkdown(w)
	})
}
