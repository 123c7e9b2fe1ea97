package text

import (
	"html"
	"regexp"
	"strings"

	"github.com/conflictq/conflictq/quiz/internal/lazy"
)

var (
	htmlBreak = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|tr|blockquote)\s*>`)
	}}
	htmlTag = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--.*?-->|</?[A-Za-z][^<>]*>`) }}
	htmlPre = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`(?is)<pre(?:\s[^<>]*)?>(.*?)</pre\s*>`) }}
)

// StripHTML turns HTML (GIFT's [html] parts, Moodle XML's html texts) into the
// plain text a terminal can show: breaks and paragraph ends become line
// breaks, other tags go, and entities such as &amp; are decoded. It reports
// whether any tag was removed. Inside <pre>, as a browser shows it, every
// line and its indentation is kept: code means what its spaces say.
func StripHTML(s string) (string, bool) {
	pres := htmlPre.Get().FindAllStringSubmatchIndex(s, -1)
	if pres == nil {
		return stripHTML(s)
	}
	var parts []string
	at := 0
	for _, m := range pres {
		if p, _ := stripHTML(s[at:m[0]]); p != "" {
			parts = append(parts, p)
		}
		if p := preText(s[m[2]:m[3]]); p != "" {
			parts = append(parts, p)
		}
		at = m[1]
	}
	if p, _ := stripHTML(s[at:]); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, "\n"), true
}

// preText is a <pre> block's text: tags and entities read, lines and their
// indentation kept, the blank first and last lines and trailing spaces not.
func preText(s string) string {
	s = htmlBreak.Get().ReplaceAllString(s, "\n")
	s = html.UnescapeString(htmlTag.Get().ReplaceAllString(s, ""))
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

var htmlMedia = &lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`(?is)<(?:img|audio|video|source|object|embed|iframe)\b[^<>]*>|<a\b[^<>]*\bhref\s*=\s*["']?[^"'\s<>]+\.(?:mp3|wav|ogg|oga|m4a|mp4|webm|mov|png|jpe?g|gif|svg|webp)["'\s>]`)
}}

// HasMedia reports whether HTML shows or links an image, a sound or a video,
// which StripHTML drops: a question may depend on it.
// Every match starts with "<": text without one (most questions) is
// answered without compiling the pattern.
func HasMedia(s string) bool { return strings.Contains(s, "<") && htmlMedia.Get().MatchString(s) }

func stripHTML(s string) (string, bool) {
	tags := htmlBreak.Get().MatchString(s) || htmlTag.Get().MatchString(s)
	s = htmlBreak.Get().ReplaceAllString(s, "\n")
	s = htmlTag.Get().ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n"), tags
}
