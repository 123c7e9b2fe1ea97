package cmd

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/conflictq/conflictq/quiz/fileio"
)

// Every --format's help names the formats it takes with their other names,
// as its refusal does (fileio.NameList): quiz's said "json, markdown, csv or
// html" and took md unsaid (recheck13). The help is written out, not made
// at each start, so this keeps it and the table alike.
func TestFormatHelpNamesEveryName(t *testing.T) {
	f, _, _, _ := testFactory(t)
	item := regexp.MustCompile(`[a-z]+( \(or [^)]*\))?`)
	seen := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(fl *pflag.Flag) {
			e, ok := fl.Value.(*enumFlag)
			if !ok || !e.format {
				return
			}
			seen++
			for _, name := range item.FindAllString(fileio.NameList(e.allowed...), -1) {
				if !strings.Contains(fl.Usage, name) {
					t.Errorf("%s --%s: help %q does not name %q", c.CommandPath(), fl.Name, fl.Usage, name)
				}
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewRootCmd(f))
	if seen < 5 {
		t.Errorf("%d --format flags seen, want quiz, grade, sheet, progress and bank export's", seen)
	}
}
