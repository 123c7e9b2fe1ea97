package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/conflictq/conflictq/quiz/internal/lazy"
)

// MaxSlug keeps ids made from long titles (Moodle names questions after their
// first words) short enough to type.
const MaxSlug = 60

// maxFileName keeps a file name made from a student's name short.
const maxFileName = 48

// Slug makes an id from a name, as the id pattern of banks and questions
// allows: "Grant's tomb" → grant-s-tomb, Xocalı → xocali, Խոջալու → khojalu.
// Letters are written in Latin the same way for every script of the region
// (see slug); runs of anything else become one hyphen; a slug longer than
// MaxSlug is cut at a hyphen. It may be empty (a name in another script).
func Slug(s string) string {
	out := slug(s, false)
	if len(out) > MaxSlug {
		out = out[:MaxSlug]
		if i := strings.LastIndexByte(out, '-'); i > 0 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return out
}

// FileName makes a file-name part from a student's name, as Slug does but
// keeping case and underscores, so that a teacher recognises the name, at
// most 48 characters: Leyla Əliyeva → Leyla-Eliyeva, Լուսինե Հակոբյան →
// Lusine-Hakobyan. Nothing it returns can name another directory ("../../x"
// → "x"); a name with nothing left is "student".
func FileName(s string) string {
	out := slug(s, true)
	if len(out) > maxFileName {
		out = strings.TrimRight(out[:maxFileName], "-")
	}
	if out == "" {
		return "student"
	}
	return out
}

// slug is Slug and FileName: every letter in ASCII, the same way for the
// names of both communities. Azerbaijani Latin loses its marks and its ə and ı
// become e and i (Məmmədov → Memmedov, as Normalize folds them); Armenian and
// Cyrillic (Azerbaijani names written before 1991, and Russian) are
// transliterated as passports and the press write them (Սարգսյան → Sargsyan,
// Երևան → Yerevan, Әлијева → Eliyeva). keepCase keeps capitals (Ə → E, Ш →
// Sh) and underscores; otherwise all is lower case. Anything else is a
// separator, written as one '-' between words.
func slug(s string, keepCase bool) string {
	if !keepCase && isASCII(s) {
		return asciiSlug(s)
	}
	return slugRunes(s, keepCase)
}

// asciiSlug is slugRunes of ASCII text, read by bytes: no letter there is
// transliterated, folded or marked, so a letter or digit is itself in lower
// case and anything else parts words (each question's id is slugged when a
// Moodle XML or GIFT bank is read: a map look-up for every letter was most
// of it).
func asciiSlug(s string) string {
	b := make([]byte, 0, len(s))
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			dash = true
			continue
		}
		if dash && len(b) > 0 {
			b = append(b, '-')
		}
		dash = false
		b = append(b, c)
	}
	return string(b)
}

// slugRunes is slug of any text, rune by rune.
func slugRunes(s string, keepCase bool) string {
	rs := []rune(strings.ToValidUTF8(s, " "))
	var b strings.Builder
	dash, start := false, true // start: at the beginning of a word
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		lower := unicode.ToLower(r)
		if t, ok := transliterated(lower); inWordMark(r) || ok && t == "" {
			continue // in a word, but no letter of its own (ъ, ь)
		}
		var t string
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || keepCase && r == '_'):
			t = string(lower)
		case lower == 'ո' && i+1 < len(rs) && (rs[i+1] == 'ւ' || rs[i+1] == 'Ւ'):
			t = "u" // ու is one letter, u
			i++
		case start && lower == 'ե':
			t = "ye"
		case start && lower == 'ո':
			t = "vo"
		default:
			t = latinLetter(lower)
		}
		if t == "" {
			dash, start = true, true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash, start = false, false
		if keepCase && r != lower {
			t = strings.ToUpper(t[:1]) + t[1:]
		}
		b.WriteString(t)
	}
	return b.String()
}

// latinLetter is a lower-case letter or digit in ASCII, or "" for anything
// that is neither.
func latinLetter(r rune) string {
	if t, ok := transliterated(r); ok {
		return t
	}
	if f, ok := letterFold(r); ok {
		return f
	}
	// Latin letters with marks (ş, ç, ğ, ö, ü, é) lose them; ligatures and
	// full-width forms are spelt out (ﬁ → fi, １ → 1).
	var out []byte
	for _, d := range norm.NFKD.String(string(r)) {
		if d < utf8.RuneSelf && (unicode.IsLetter(d) || unicode.IsDigit(d)) {
			out = append(out, byte(unicode.ToLower(d)))
		}
	}
	return string(out)
}

// transliterated is translit's spelling of r. translit has no ASCII letter
// (TestTranslitHasNoASCII), so an ASCII name ("Ana", the history's file
// name in every quiz and progress run) is spelt without making the table:
// 0.8% of progress-year's samples, a map of 110 letters.
func transliterated(r rune) (string, bool) {
	if r < utf8.RuneSelf {
		return "", false
	}
	t, ok := translit.Get()[r]
	return t, ok
}

// translit writes Armenian and Cyrillic letters in Latin: Armenian as
// Armenian passports do (BGN/PCGN), Cyrillic as Russian passports do, with
// the letters of Azerbaijani Cyrillic as Azerbaijani Latin writes them,
// marks dropped (ә → ə → e, ҹ → c). Made on first use (lazy).
var translit = &lazy.Value[map[rune]string]{New: func() map[rune]string {
	return map[rune]string{
		// Armenian; ու, and ե and ո at the start of a word, are handled in slug.
		'ա': "a", 'բ': "b", 'գ': "g", 'դ': "d", 'ե': "e", 'զ': "z", 'է': "e", 'ը': "y",
		'թ': "t", 'ժ': "zh", 'ի': "i", 'լ': "l", 'խ': "kh", 'ծ': "ts", 'կ': "k", 'հ': "h",
		'ձ': "dz", 'ղ': "gh", 'ճ': "ch", 'մ': "m", 'յ': "y", 'ն': "n", 'շ': "sh", 'ո': "o",
		'չ': "ch", 'պ': "p", 'ջ': "j", 'ռ': "r", 'ս': "s", 'վ': "v", 'տ': "t", 'ր': "r",
		'ց': "ts", 'ւ': "v", 'փ': "p", 'ք': "k", 'օ': "o", 'ֆ': "f", 'և': "ev",
		// Cyrillic (Russian).
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh",
		'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
		'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
		'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
		'я': "ya",
		// Azerbaijani Cyrillic, as its Latin letters without marks.
		'ә': "e", 'ғ': "g", 'һ': "h", 'ј': "y", 'ү': "u", 'ө': "o", 'ҹ': "c", 'ҝ': "g",
		'і': "i",
	}
}}
