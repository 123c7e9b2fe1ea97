package htmlreport

import (
	_ "embed" // the style sheets and the script
	"strconv"
	"strings"

	"github.com/conflictq/conflictq/quiz/text"
)

// The pages' own style sheets and script, laid out as data by the linker:
// nothing is read or parsed at run time.
var (
	//go:embed assets/style.css
	styleCSS string
	//go:embed assets/sort.js
	sortJS string
	//go:embed assets/paper.css
	paperCSS string
)

// csp allows the page's own style and script, by their hashes, and nothing
// else: no other script, no request of any kind (images, fonts, frames,
// forms, connections). The hashes are the linker's constants, not worked
// out in every run that writes a page (sha256 of 13 KB):
// TestPolicyHashesAreFresh says when an asset changed and gives the new one.
const (
	styleHash = "sha256-gL8wN++syg0MFfNVy97rHSDvPb0gUHnSWEol1qlHyC0="
	sortHash  = "sha256-miVOscTIh1rxQ5Vo4EC78OPW/N8IIND5T/DC8aOP86c="
	paperHash = "sha256-2LrhU7QU96WFAX0/oy2t56kOyjVZihaZlUs5EMDa7hw="
	csp       = "default-src 'none'; style-src '" + styleHash + "'; script-src '" + sortHash +
		"'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

// Head is what every page's <head> needs: its title, its policy, and its
// own style sheet and script (the page's code, written as they are).
type Head struct {
	Title string
	CSP   string
	CSS   string
	JS    string
}

func newHead(title string) Head {
	return Head{Title: title, CSP: csp, CSS: styleCSS, JS: sortJS}
}

// num shows a score as the other formats do: at most 2 decimals, no trailing zeros.
func num(v float64) string { return text.FormatNum(v) }

// count writes a whole number with thousands separators: 10,000.
func count(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + count(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func pctText(v float64) string { return text.FormatPercent(v) + "%" }

func pctPtr(v *float64) string {
	if v == nil {
		return "n/a"
	}
	return pctText(*v)
}

// anchorID makes an element id from a question id.
func anchorID(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
