package cmd

import (
	"bytes"
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

// parse runs a command built with a runF on args; the runF sets *ok when the
// options hold what the flags said.
func parse(t *testing.T, cmd *cobra.Command, args []string, ok *bool) {
	t.Helper()
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err != nil {
		t.Errorf("%v: %v", args, err)
	}
	if !*ok {
		t.Errorf("%v: the options do not hold the flags (or runF was not called)", args)
	}
}

// The bank, glossary, summary and version commands parse their flags into
// options and leave the work to their run function, as the others do.
func TestOptionsFromFlags(t *testing.T) {
	t.Parallel()
	f, _, _, _ := testFactory(t)
	var ok bool
	check := func(b bool) error { ok = b; return nil }

	parse(t, NewCmdBankList(f, func(o *BankListOptions) error { return check(o.JSON) }), []string{"--json"}, &ok)
	parse(t, NewCmdBankShow(f, func(o *BankShowOptions) error { return check(o.Bank == "timeline" && o.Answers) }), []string{"timeline", "--answers"}, &ok)
	parse(t, NewCmdBankValidate(f, func(o *BankValidateOptions) error { return check(slices.Equal(o.Banks, []string{"a.yaml", "b.gift"})) }), []string{"a.yaml", "b.gift"}, &ok)
	parse(t, NewCmdBankExport(f, func(o *BankExportOptions) error {
		return check(o.Bank == "comprehension" && o.Format == "markdown" && o.Output == "w.md" && o.KeyFile == "k.md" &&
			o.Paper.Filter.Count == 3 && o.Paper.Seed == 2 && o.Paper.Shuffle && slices.Equal(o.Paper.Filter.Tags, []string{"recall"}))
	}), []string{"comprehension", "-o", "w.md", "--key", "k.md", "-n", "3", "--seed", "2", "--tag", "recall"}, &ok)
	parse(t, NewCmdBankExport(f, func(o *BankExportOptions) error { return check(o.Format == "json" && !o.Paper.Shuffle) }), []string{"timeline"}, &ok)
	parse(t, NewCmdBankConvert(f, func(o *BankConvertOptions) error { return check(o.Bank == "x.gift" && o.Output == "x.yaml" && o.Force) }), []string{"x.gift", "-o", "x.yaml", "--force"}, &ok)
	parse(t, NewCmdGlossaryList(f, func(o *GlossaryListOptions) error { return check(o.ByTopic && !o.JSON) }), []string{"--by-topic"}, &ok)
	parse(t, NewCmdGlossarySearch(f, func(o *GlossarySearchOptions) error { return check(o.Query == "specific intent") }), []string{"specific", "intent"}, &ok)
	parse(t, NewCmdSummary(f, func(o *SummaryOptions) error {
		return check(slices.Equal(o.Inputs, []string{"s1.json", "s2.json"}) && o.Output == "stats.md" && o.Sums == "all.json")
	}), []string{"s1.json", "s2.json", "-o", "stats.md", "--sums", "all.json"}, &ok)
	parse(t, NewCmdVersion(f, func(o *VersionOptions) error { return check(o.Factory == f) }), nil, &ok)
}
