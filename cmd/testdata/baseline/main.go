// Command baseline is the floor conflictq's start-up is measured against: a
// Cobra + Viper + survey program that links the same frameworks and does
// nothing. It is built only by BenchmarkStartup.
package main

import (
	"os"

	"github.com/AlecAivazis/survey/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

func main() {
	var unused survey.Prompt = &survey.Select{}
	_ = unused
	root := &cobra.Command{
		Use: "baseline",
		RunE: func(cmd *cobra.Command, args []string) error {
			v := viper.New()
			v.SetEnvPrefix("BASELINE")
			v.AutomaticEnv()
			return nil
		},
	}
	root.AddCommand(&cobra.Command{Use: "quiz", RunE: func(*cobra.Command, []string) error { return nil }})
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
