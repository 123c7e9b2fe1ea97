package text

import (
	"html"
	"regexp"
	"strings"
	"sync"
)

var (
	htmlBreak = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|tr|blockquote)\s*>`)
	})
	htmlTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--.*?-->|</?[A-Za-z][^<>]*>`) })
)

// StripHTML turns HTML (GIFT's [html] parts, Moodle XML's html texts) into the
// plain text a terminal can show: breaks and paragraph ends become line
// breaks, other tags go, and entities such as &amp; are decoded. It reports
// whether any tag was removed.
func StripHTML(s string) (string, bool) {
	tags := htmlBreak().MatchString(s) || htmlTag().MatchString(s)
	s = htmlBreak().ReplaceAllString(s, "\n")
	s = htmlTag().ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n"), tags
}
