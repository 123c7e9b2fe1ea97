package text

import (
	"strings"
	"unicode"
)

// CommandWord quotes s as one word of a command a user copies from the
// screen ("conflictq define " + CommandWord(term)): as it is when no shell
// needs it quoted; in double quotes, which sh, PowerShell and cmd.exe all
// read the same way, when it holds none of the characters they treat
// differently inside them; else in single quotes, as a POSIX shell reads
// them. Every command conflictq prints for copying quotes its words here.
func CommandWord(s string) string {
	if w := shellWord(s); w == s || strings.ContainsAny(s, "\"$`\\!%^") {
		return w
	}
	return `"` + s + `"`
}

// shellWord quotes s for a POSIX shell when it needs it.
func shellWord(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r == '/' || unicode.IsLetter(r) || unicode.IsDigit(r))
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
