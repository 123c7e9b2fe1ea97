package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/internal/ascii8"
)

// MaxPrintable is how many characters of a name Printable shows.
const MaxPrintable = 80

// Printable makes text from a user or a file safe to print in a message: as
// EscapeControl, and cut at MaxPrintable characters, between characters as
// a reader sees them (the clusters Width counts), not inside a ZWJ family
// or an Indic syllable whose parts would draw as others (widths30).
func Printable(s string) string {
	s = EscapeControl(s)
	if utf8.RuneCountInString(s) > MaxPrintable {
		s = s[:clusterCut(s, MaxPrintable, false)] + "…"
	}
	return s
}

// PrintableTail is Printable for a file's path, whose name is at its end: a
// long one is cut at its start ("…/9b/unreadable-sheet.yaml"), not its end.
func PrintableTail(s string) string {
	s = EscapeControl(s)
	if n := utf8.RuneCountInString(s); n > MaxPrintable {
		s = "…" + s[clusterCut(s, n-MaxPrintable, true):]
	}
	return s
}

// clusterCut is the byte offset in s of a boundary between its clusters
// (nextCluster) near its n-th rune: the last at or before it, or (after)
// the first at or after it. When that boundary keeps nothing (one
// cluster, a letter under a tower of accents, is longer than what may be
// kept), s is cut at the rune, but not after a U+200D, which would join
// the "…" after it to the cluster.
func clusterCut(s string, n int, after bool) int {
	runes, at := 0, 0
	for rest, state := s, -1; rest != "" && runes < n; {
		var c string
		c, rest, _, state = nextCluster(rest, state)
		k := utf8.RuneCountInString(c)
		if !after && runes+k > n {
			break
		}
		runes, at = runes+k, at+len(c)
	}
	if at > 0 && at < len(s) {
		return at
	}
	cut := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	if !after {
		for strings.HasSuffix(s[:cut], "\u200d") {
			cut -= len("\u200d")
		}
	}
	return cut
}

// EscapeControl shows control characters and escape sequences as \x1b-style
// escapes, so that they are read rather than obeyed by a terminal; invalid
// UTF-8 becomes U+FFFD.
func EscapeControl(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if !controlIn(s, false) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// EscapeLines is EscapeControl for text of several lines (a message, a
// question's prompt): line breaks and tabs are kept, every other control
// character is shown escaped. It is EscapeControl line by line, so that there
// is one rule for what a terminal may be sent.
func EscapeLines(s string) string {
	if !HasControl(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		parts := strings.Split(l, "\t")
		for j, p := range parts {
			parts[j] = EscapeControl(p)
		}
		lines[i] = strings.Join(parts, "\t")
	}
	return strings.Join(lines, "\n")
}

// HasControl reports whether s holds a character that EscapeLines would
// escape: a control character other than a line break or a tab, or invalid
// UTF-8. Banks refuse text that does.
func HasControl(s string) bool {
	return !utf8.ValidString(s) || controlIn(s, true)
}

// controlIn reports whether s, valid UTF-8, holds a rune r < 0x20 or
// unsafeRune(r), line breaks and tabs aside when lines is set. It reads the
// bytes without decoding them: every such rune above ASCII starts with C2
// (C1 controls, U+0080 to U+009F), D8 (U+061C) or E2 (the marks, embeddings
// and isolates from U+200E), bytes that in valid UTF-8 only start a rune.
// Decoding each rune and asking unicode.IsControl was most of the time of
// EscapeControl and HasControl, which every name, answer and prompt a
// report, page or message shows goes through. TestControlInAsUnsafeRune
// holds it to unsafeRune on every rune.
func controlIn(s string, lines bool) bool {
	for i := 0; i < len(s); i++ {
		if i+8 <= len(s) && printable8(s[i:i+8]) {
			i += 7
			continue
		}
		switch c := s[i]; {
		case c < 0x20:
			if !lines || c != '\n' && c != '\t' {
				return true
			}
		case c < 0x7f:
		case c == 0x7f:
			return true
		case c == 0xc2: // U+0080 to U+00BF
			if i+1 < len(s) && s[i+1] <= 0x9f {
				return true
			}
		case c == 0xd8: // U+0600 to U+063F
			if i+1 < len(s) && s[i+1] == 0x9c {
				return true
			}
		case c == 0xe2 && i+2 < len(s): // U+2000 to U+2FFF
			switch d := s[i+2]; s[i+1] {
			case 0x80: // U+200E, U+200F, U+202A to U+202E
				if d == 0x8e || d == 0x8f || d >= 0xaa && d <= 0xae {
					return true
				}
			case 0x81: // U+2066 to U+2069
				if d >= 0xa6 && d <= 0xa9 {
					return true
				}
			}
		}
	}
	return false
}

// printable8 reports whether the 8 bytes of s are all printable ASCII
// (0x20 to 0x7e), tested together in one word: most text is such runs, and
// controlIn a byte at a time was a fifth of writing a report as Markdown or
// CSV.
func printable8(s string) bool {
	x := ascii8.Load(s)
	return ascii8.Flags(ascii8.Below(x, 0x20)|ascii8.Is(x, 0x7f)|x) == 0
}

// unsafeRune is the one rule for what a terminal must not be sent as it is
// (line breaks and tabs aside, which the callers decide on): C0 and C1
// control characters, DEL, and the bidi embeddings, overrides and isolates
// that make a line read in another order than it is stored ("Trojan
// Source"). Other format characters (a zero-width joiner in an emoji, a soft
// hyphen) are text.
func unsafeRune(r rune) bool {
	switch {
	case r == 0x7f, unicode.IsControl(r):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// CSVSafe keeps a spreadsheet from running a student's answer as a formula,
// and a terminal that shows the file from obeying it (EscapeLines: a quoted
// field may hold line breaks).
func CSVSafe(s string) string {
	s = EscapeLines(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSVUnsafe undoes CSVSafe's guard against formulas, for a cell read back from
// a CSV conflictq wrote (conflictq mark --from). Control characters CSVSafe
// escaped stay escaped.
func CSVUnsafe(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// MarkdownEscape keeps a student's text from becoming Markdown structure, or
// terminal codes (EscapeControl).
// Line breaks (CRLF or LF) become spaces; \ | * _ ` # [ are
// backslashed, < is &lt;. Written by hand in one pass: the
// strings.Replacer it replaces, one of the generic kind for its two-byte
// CRLF, was built in every run that wrote Markdown and went through its
// lookup for every byte (TestMarkdownEscapeAsBefore holds the two alike).
func MarkdownEscape(s string) string {
	return EscapeControl(markdownEscape(s))
}

func markdownEscape(s string) string {
	i := strings.IndexAny(s, "\r\n\\|*_`<#[")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				b.WriteByte(' ')
				i++
				continue
			}
			b.WriteByte(c)
		case '\n':
			b.WriteByte(' ')
		case '\\', '|', '*', '_', '`', '#', '[':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '<':
			b.WriteString("&lt;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// InvalidUTF8Line is the line of the first byte of data that is not UTF-8
// (the last line when there is none).
func InvalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// XMLEscape escapes s for XML text or an attribute's value (encoding/xml's
// EscapeText: & < > ' " and line breaks as character references; a byte
// XML cannot hold becomes U+FFFD).
func XMLEscape(s string) string {
	if xmlAsIs(s) {
		return s // most text: no copy, no escaper (the exports call this for every field)
	}
	// What xml.EscapeText writes, without its copy of s and its writes of
	// a few bytes at a time.
	var b strings.Builder
	b.Grow(len(s) + 32)
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if xmlChar(r) && !(r == utf8.RuneError && width == 1) {
				continue
			}
			esc = "\uFFFD"
		}
		b.WriteString(s[last : i-width])
		b.WriteString(esc)
		last = i
	}
	b.WriteString(s[last:])
	return b.String()
}

// xmlChar is XML's Char production (encoding/xml's isInCharacterRange).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// xmlAsIs reports whether xml.EscapeText would write s unchanged: no
// character it escapes, none outside XML's range, no invalid UTF-8.
func xmlAsIs(s string) bool {
	for _, r := range s {
		switch {
		case r == '&' || r == '<' || r == '>' || r == '\'' || r == '"':
			return false
		case r >= 0x20 && r < utf8.RuneError && (r <= 0xD7FF || r >= 0xE000),
			r > utf8.RuneError && r <= 0x10FFFF && r != 0xFFFE && r != 0xFFFF:
		default: // controls, line breaks and tabs, U+FFFD (or a bad byte), U+FFFE, U+FFFF
			return false
		}
	}
	return true
}
