package cmd

import (
	"slices"
	"testing"

	"github.com/spf13/pflag"
)

// TestStringArrayIsPflags checks that stringArrayVar's flag reads, shows and
// is read back exactly as pflag's StringArrayVar: what help, man pages,
// GetStringArray (tag completion) and settings see.
func TestStringArrayIsPflags(t *testing.T) {
	for _, vals := range [][]string{
		nil, {}, {""}, {"", ""}, {"comprehension"}, {"a", "b"}, {"a,b", "c"}, {`say "hi"`}, {" lead"}, {"\tlead"},
		{"trail "}, {`\.`}, {"two\nlines"}, {"cr\r"}, {"ünïcode", "Xocalı"}, {"\u00a0nbsp"}, {"a", `\.`, "b,c"},
	} {
		ours, theirs := pflag.NewFlagSet("ours", pflag.ContinueOnError), pflag.NewFlagSet("theirs", pflag.ContinueOnError)
		var o, p []string
		stringArrayVar(ours, &o, "x", vals, "")
		theirs.StringArrayVar(&p, "x", vals, "")
		of, pf := ours.Lookup("x"), theirs.Lookup("x")
		if of.Value.String() != pf.Value.String() || of.Value.Type() != pf.Value.Type() {
			t.Errorf("%q: String, Type = %q, %q; pflag's %q, %q", vals, of.Value.String(), of.Value.Type(), pf.Value.String(), pf.Value.Type())
		}
		// The default's text: pflag's, or "" where pflag's is "[]" (see stringArrayVar).
		if want := pf.DefValue; of.DefValue != want && !(want == "[]" && of.DefValue == "") {
			t.Errorf("%q: DefValue %q, pflag's %q", vals, of.DefValue, want)
		}
		if got, want := ours.FlagUsages(), theirs.FlagUsages(); got != want {
			t.Errorf("%q: help\n%s\npflag's\n%s", vals, got, want)
		}
		og, _ := ours.GetStringArray("x")
		pg, _ := theirs.GetStringArray("x")
		if !slices.Equal(og, pg) {
			t.Errorf("%q: GetStringArray %q, pflag's %q", vals, og, pg)
		}
	}
}

// TestStringArraySetsAsPflags checks parsing, Append, Replace and GetSlice.
func TestStringArraySetsAsPflags(t *testing.T) {
	args := []string{"--x", "a,b", "--x", "", "--x", `"q"`}
	ours, theirs := pflag.NewFlagSet("ours", pflag.ContinueOnError), pflag.NewFlagSet("theirs", pflag.ContinueOnError)
	var o, p []string
	stringArrayVar(ours, &o, "x", []string{"default"}, "")
	theirs.StringArrayVar(&p, "x", []string{"default"}, "")
	if err := ours.Parse(args); err != nil {
		t.Fatal(err)
	}
	if err := theirs.Parse(args); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(o, p) || ours.Lookup("x").Value.String() != theirs.Lookup("x").Value.String() {
		t.Errorf("parsed %q (%s), pflag's %q (%s)", o, ours.Lookup("x").Value, p, theirs.Lookup("x").Value)
	}
	osv, psv := ours.Lookup("x").Value.(pflag.SliceValue), theirs.Lookup("x").Value.(pflag.SliceValue)
	osv.Append("more")
	psv.Append("more")
	if !slices.Equal(osv.GetSlice(), psv.GetSlice()) {
		t.Errorf("after Append %q, pflag's %q", osv.GetSlice(), psv.GetSlice())
	}
	for _, r := range [][]string{nil, {"r1", "r2"}} {
		osv.Replace(r)
		psv.Replace(r)
		if !slices.Equal(o, p) || (o == nil) != (p == nil) {
			t.Errorf("after Replace(%q) %#v, pflag's %#v", r, o, p)
		}
	}
}
