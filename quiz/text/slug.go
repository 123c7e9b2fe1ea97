package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// MaxSlug keeps ids made from long titles (Moodle names questions after their
// first words) short enough to type.
const MaxSlug = 60

// Slug makes an id from a name, as the id pattern of banks and questions
// allows: "Grant's tomb" → grant-s-tomb, Xocalı → xocali. Runs of anything
// but a-z and 0-9 become one hyphen; a slug longer than MaxSlug is cut at a
// hyphen. It may be empty (a name in another script).
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Normalize(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > MaxSlug {
		out = out[:MaxSlug]
		if i := strings.LastIndexByte(out, '-'); i > 0 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return out
}

// FileName makes a file-name part from a student's name: letters and digits
// without diacritics, with '-' for everything else, at most 48 characters.
// Unlike Slug it keeps case and underscores, so that a teacher recognises the
// name. Nothing it returns can name another directory ("../../x" → "x"); a
// name with nothing left is "student".
func FileName(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	var b strings.Builder
	dash := false
	for _, r := range folded {
		if f, ok := letterFolds[r]; ok {
			r = rune(f[0])
		}
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 48 {
				break
			}
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "student"
	}
	return b.String()
}
