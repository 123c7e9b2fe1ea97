package text

import (
	"os/exec"
	"testing"
)

// A command printed for copying reads back as the words it was made of:
// a term of several words is in double quotes, which sh, PowerShell and
// cmd.exe read alike; text those shells treat differently inside double
// quotes is quoted as for sh. An apostrophe ("Khojaly's massacre") is
// never left in single quotes it would close.
func TestCommandWord(t *testing.T) {
	for in, want := range map[string]string{
		"genocide":                  "genocide",
		"Nagorno-Karabakh Republic": `"Nagorno-Karabakh Republic"`,
		"Four-Day War (2016)":       `"Four-Day War (2016)"`,
		"it's":                      `"it's"`,
		"Khojaly's massacre":        `"Khojaly's massacre"`,
		"a $b":                      `'a $b'`,
		`say "no"`:                  `'say "no"'`,
		`it's $5`:                   `'it'\''s $5'`,
		"100%":                      `'100%'`,
		"":                          `""`,
	} {
		if got := CommandWord(in); got != want {
			t.Errorf("CommandWord(%q) = %s, want %s", in, got, want)
		}
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		return
	}
	for _, in := range []string{"Khojaly's massacre", `it's $5`, "a `b`", `say "no"`, "Xocalı", ""} {
		out, err := exec.Command(sh, "-c", "printf %s "+CommandWord(in)).Output()
		if err != nil || string(out) != in {
			t.Errorf("sh reads %s as %q (%v), want %q", CommandWord(in), out, err, in)
		}
	}
}
