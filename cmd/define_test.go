package cmd

import "testing"

// define's last line names a command a student copies: a term of several
// words is in double quotes, which sh, PowerShell and cmd.exe read alike;
// text those shells treat differently inside double quotes is quoted as
// for sh.
func TestCommandWord(t *testing.T) {
	for in, want := range map[string]string{
		"genocide":                  "genocide",
		"Nagorno-Karabakh Republic": `"Nagorno-Karabakh Republic"`,
		"Four-Day War (2016)":       `"Four-Day War (2016)"`,
		"it's":                      `"it's"`,
		"a $b":                      `'a $b'`,
		`say "no"`:                  `'say "no"'`,
		"100%":                      `'100%'`,
		"":                          `""`,
	} {
		if got := commandWord(in); got != want {
			t.Errorf("commandWord(%q) = %s, want %s", in, got, want)
		}
	}
}
