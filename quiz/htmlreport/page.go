package htmlreport

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

//go:embed assets/style.css assets/sort.js assets/paper.css assets/*.tmpl
var files embed.FS

// The page parts are made on first use, not at start-up: every command
// links this package, and parsing the templates cost each one 1.5 ms.
var (
	styleCSS = sync.OnceValue(func() string { return mustRead("assets/style.css") })
	sortJS   = sync.OnceValue(func() string { return mustRead("assets/sort.js") })
	// csp allows the page's own style and script, by their hashes, and nothing
	// else: no other script, no request of any kind (images, fonts, frames,
	// forms, connections).
	csp = sync.OnceValue(func() string {
		return "default-src 'none'; style-src '" + hash(styleCSS()) + "'; script-src '" + hash(sortJS()) +
			"'; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
	})
	pages = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("").Funcs(template.FuncMap{
			"num":             num,
			"pct":             pctText,
			"pctp":            pctPtr,
			"n":               count,
			"tag":             quiz.TagLabel,
			"cutOff":          func() string { return quiz.CutOffNote },
			"selfCheckCutOff": func() string { return quiz.SelfCheckCutOffNote },
			"share": func(k, of int) string {
				if of <= 0 {
					return ""
				}
				return pctText(text.Percent(float64(k), float64(of)))
			},
		}).ParseFS(files, "assets/*.tmpl"))
	})
)

// render executes a page and shows every control character in it escaped
// (text.EscapeLines, the one escaper every other output uses): a name or an
// answer holding ESC or BEL must not clear a terminal the page is printed to,
// nor put characters HTML forbids in the file. The page's own text holds none
// but line breaks and tabs, which EscapeLines keeps.
func render(w io.Writer, name string, data any) error {
	var b bytes.Buffer
	if err := pages().ExecuteTemplate(&b, name, data); err != nil {
		return err
	}
	_, err := io.WriteString(w, text.EscapeLines(b.String()))
	return err
}

func mustRead(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// Head is what every page's <head> needs.
type Head struct {
	Title string
	CSP   string
	CSS   template.CSS
	JS    template.JS
}

func newHead(title string) Head {
	return Head{Title: title, CSP: csp(), CSS: template.CSS(styleCSS()), JS: template.JS(sortJS())}
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
