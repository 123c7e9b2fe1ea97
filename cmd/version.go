package cmd

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Stamped by `make dist` and `make install` with -ldflags "-X ...": the linker
// can set only package-level string variables, which is why these two are the
// package's only ones. Empty in a plain `go build`; the build info fills in.
var (
	stampVersion string
	stampCommit  string
)

// versionString reads the version the build was stamped with, else the build
// info: the module version for `go install ...@v1.2.3`, plus the VCS revision
// when the build recorded one.
func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	goVersion := ""
	if ok {
		goVersion = " " + bi.GoVersion
	}
	if stampVersion != "" {
		v := stampVersion
		if stampCommit != "" {
			v += fmt.Sprintf(" (%.12s)", stampCommit)
		}
		return v + goVersion
	}
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "-dirty"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (%.12s%s)", rev, modified)
	}
	return v + goVersion
}

// VersionOptions are the version command's inputs.
type VersionOptions struct {
	Factory *Factory
}

// versionShort is the version command's one-line summary, which the root's help and
// completion show without building the command.
const versionShort = "Print conflictq's version and the commit it was built from"

// NewCmdVersion prints the version, as --version does.
func NewCmdVersion(f *Factory, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{Factory: f}
	return &cobra.Command{
		Use:   "version",
		Short: versionShort,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts, cmd.Root().Version)
		},
	}
}

// versionRun prints version: the root command's, which NewRootCmd has read
// already (reading the build info again cost 2.3 KB and a parse), else read now.
func versionRun(opts *VersionOptions, version string) error {
	if version == "" {
		version = versionString()
	}
	fmt.Fprintf(opts.Factory.IOStreams.Out, "conflictq %s\n", version)
	return nil
}
