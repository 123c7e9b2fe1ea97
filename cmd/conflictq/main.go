// Command conflictq teaches one news article on the Khojaly massacre and the
// Nagorno-Karabakh conflict through quizzes, a glossary and graded answer sheets.
package main

import (
	"os"

	"github.com/conflictq/conflictq/cmd"
)

func main() { os.Exit(cmd.Main()) }
