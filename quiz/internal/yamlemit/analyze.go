package yamlemit

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// analysis is which styles can hold a scalar, and whether it spans lines.
type analysis struct {
	multiline, flowPlain, blockPlain, single, block bool
}

// analyze is the emitter's yaml_emitter_analyze_scalar: which
// styles can hold s.
func analyze(s string) analysis {
	if len(s) == 0 {
		return analysis{blockPlain: true, single: true}
	}
	var f scalarFlags
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		f.blockIndicators, f.flowIndicators = true, true
	}
	precededByWhitespace := true
	for i, w := 0, 0; i < len(s); i += w {
		c := s[i]
		if i > 0 && plainAfterFirst[c] {
			// A run of printable ASCII past the first character, no
			// indicator there, and single spaces between its words: it
			// changes nothing but this, so it is passed over whole (this
			// loop was a tenth of writing a bank back as YAML, a
			// character at a time). A space inside the run is neither
			// first, last, nor beside a break.
			j := i + 1
			for j < len(s) {
				if plainAfterFirst[s[j]] {
					j++
				} else if s[j] == ' ' && j+1 < len(s) && plainAfterFirst[s[j+1]] {
					j += 2
				} else {
					break
				}
			}
			w, f.previousSpace, f.previousBreak, precededByWhitespace = j-i, false, false, false
			continue
		}
		if c == ' ' && i > 0 && i+1 < len(s) {
			// A space between words: no indicator, neither first nor last.
			f.breakSpace = f.breakSpace || f.previousBreak
			w, f.previousSpace, f.previousBreak, precededByWhitespace = 1, true, false, true
			continue
		}
		var printable, brk bool
		if c < 0x80 { // most text: no table of wide characters to consult
			w, printable, brk = 1, c == '\n' || c >= 0x20 && c <= 0x7E, c == '\n' || c == '\r'
		} else {
			// A byte that starts no UTF-8 character is one byte wide here:
			// width 0 looped for ever on text that is not UTF-8 (markyaml26).
			w, printable, brk = max(width(c), 1), isPrintable(s, i), isBreak(s, i)
		}
		followedByWhitespace := i+w >= len(s) || s[i+w] == ' ' || s[i+w] == '\t'
		flow, block := indicatorAt(c, i == 0, precededByWhitespace, followedByWhitespace)
		f.flowIndicators = f.flowIndicators || flow
		f.blockIndicators = f.blockIndicators || block
		if c == '\t' {
			f.tabs = true
		} else if !printable {
			f.special = true
		}
		f.spacing(c == ' ', brk, i == 0, i+w == len(s))
		precededByWhitespace = c == ' ' || c == '\t' || c == 0 || brk
	}
	return f.analysis()
}

// scalarFlags is what analyze's pass over a scalar has found
// so far: the emitter's flags, and whether the character before was a
// space or a break.
type scalarFlags struct {
	blockIndicators, flowIndicators, lineBreaks, special, tabs                       bool
	leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak bool
	previousSpace, previousBreak                                                     bool
}

// plainAfterFirst is, by byte, whether it is printable ASCII that is
// neither a space nor, past a scalar's first character, an indicator (, ?
// [ ] { } : #): one load for each byte analyze passes over. Written out, it
// is data the linker lays out, not work at start-up.
var plainAfterFirst = [256]bool{
	'!': true, '"': true, '$': true, '%': true, '&': true, '\'': true, '(': true, ')': true, '*': true,
	'+': true, '-': true, '.': true, '/': true, '0': true, '1': true, '2': true, '3': true, '4': true,
	'5': true, '6': true, '7': true, '8': true, '9': true, ';': true, '<': true, '=': true, '>': true,
	'@': true, 'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true, 'G': true, 'H': true,
	'I': true, 'J': true, 'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true,
	'R': true, 'S': true, 'T': true, 'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true,
	'\\': true, '^': true, '_': true, '`': true, 'a': true, 'b': true, 'c': true, 'd': true, 'e': true,
	'f': true, 'g': true, 'h': true, 'i': true, 'j': true, 'k': true, 'l': true, 'm': true, 'n': true,
	'o': true, 'p': true, 'q': true, 'r': true, 's': true, 't': true, 'u': true, 'v': true, 'w': true,
	'x': true, 'y': true, 'z': true, '|': true, '~': true,
}

// indicatorAt reports whether the character c, the scalar's first when
// first, is an indicator there that keeps the scalar from being plain in a
// flow collection (flow) and in block context (block): on the first
// character any of the flow and other indicators (?, : only before
// whitespace in a block, - only before whitespace), later a , ? [ ] { } in
// a flow, a : (before whitespace in a block) or a # after whitespace.
func indicatorAt(c byte, first, precededByWhitespace, followedByWhitespace bool) (flow, block bool) {
	if first {
		switch c {
		case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
			return true, true
		case '?', ':':
			return true, followedByWhitespace
		case '-':
			return followedByWhitespace, followedByWhitespace
		}
		return false, false
	}
	switch c {
	case ',', '?', '[', ']', '{', '}':
		return true, false
	case ':':
		return true, followedByWhitespace
	case '#':
		return precededByWhitespace, precededByWhitespace
	}
	return false, false
}

// spacing notes a character that is a space, a line break or neither, the
// scalar's first when first and its last when last: where the scalar has
// spaces and breaks, and a space next to a break.
func (f *scalarFlags) spacing(space, isBreak, first, last bool) {
	switch {
	case space:
		if first {
			f.leadingSpace = true
		}
		if last {
			f.trailingSpace = true
		}
		if f.previousBreak {
			f.breakSpace = true
		}
		f.previousSpace, f.previousBreak = true, false
	case isBreak:
		f.lineBreaks = true
		if first {
			f.leadingBreak = true
		}
		if last {
			f.trailingBreak = true
		}
		if f.previousSpace {
			f.spaceBreak = true
		}
		f.previousSpace, f.previousBreak = false, true
	default:
		f.previousSpace, f.previousBreak = false, false
	}
}

// analysis is the styles a scalar with flags f can be written in.
func (f *scalarFlags) analysis() analysis {
	a := analysis{multiline: f.lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true}
	if f.leadingSpace || f.leadingBreak || f.trailingSpace || f.trailingBreak {
		a.blockPlain = false
	}
	if f.trailingSpace {
		a.block = false
	}
	if f.breakSpace {
		a.blockPlain, a.single = false, false
	}
	if f.spaceBreak || f.tabs || f.special {
		a.blockPlain, a.single = false, false
	}
	if f.spaceBreak || f.special {
		a.block = false
	}
	if f.lineBreaks || f.blockIndicators {
		a.blockPlain = false
	}
	if f.leadingSpace || f.leadingBreak || f.trailingSpace || f.trailingBreak || f.breakSpace ||
		f.spaceBreak || f.tabs || f.special || f.lineBreaks || f.flowIndicators {
		a.flowPlain = false
	}
	return a
}

func width(b byte) int {
	switch {
	case b&0x80 == 0:
		return 1
	case b&0xE0 == 0xC0:
		return 2
	case b&0xF0 == 0xE0:
		return 3
	case b&0xF8 == 0xF0:
		return 4
	}
	return 0
}

// at is s[i], or 0 past its end (the emitter's buffers end in NULs).
func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func isBreak(s string, i int) bool {
	c := s[i]
	return c == '\r' || c == '\n' ||
		c == 0xC2 && at(s, i+1) == 0x85 ||
		c == 0xE2 && at(s, i+1) == 0x80 && (at(s, i+2) == 0xA8 || at(s, i+2) == 0xA9)
}

func isPrintable(s string, i int) bool {
	c := s[i]
	return c == 0x0A || c >= 0x20 && c <= 0x7E ||
		c == 0xC2 && at(s, i+1) >= 0xA0 ||
		c > 0xC2 && c < 0xED ||
		c == 0xED && at(s, i+1) < 0xA0 ||
		c == 0xEE ||
		c == 0xEF && !(at(s, i+1) == 0xBB && at(s, i+2) == 0xBF) &&
			!(at(s, i+1) == 0xBF && (at(s, i+2) == 0xBE || at(s, i+2) == 0xBF))
}

// plainIsString is the encoder's canUsePlain: s read back unquoted is
// the same string (not null, a bool, a number or a timestamp, nor a YAML 1.1
// bool or base 60 float).
func plainIsString(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return false
	}
	return resolvesAsString(s) && !(strings.IndexByte(s, ':') >= 0 && base60Float(s))
}

// resolvesAsString is the encoder's resolve: s read back unquoted is the
// same string (not null, a bool, a number, a timestamp or a merge key).
func resolvesAsString(s string) bool {
	switch s {
	case "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<":
		return false
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return false
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if timestamp(s) {
			return false
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return false
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return false
		}
		if styleFloat(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return false
			}
		}
		for _, p := range []struct {
			prefix string
			base   int
		}{{"0b", 2}, {"0o", 8}} {
			if rest, ok := strings.CutPrefix(plain, p.prefix); ok {
				if _, err := strconv.ParseInt(rest, p.base, 64); err == nil {
					return false
				}
				if _, err := strconv.ParseUint(rest, p.base, 64); err == nil {
					return false
				}
			} else if rest, ok := strings.CutPrefix(plain, "-"+p.prefix); ok {
				if _, err := strconv.ParseInt("-"+rest, p.base, 64); err == nil {
					return false
				}
			}
		}
	}
	return true
}

func digits(s string, i int, extra byte) int {
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || extra != 0 && s[i] == extra) {
		i++
	}
	return i
}

// styleFloat matches ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$.
func styleFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i < len(s) && s[i] == '.' {
		j := digits(s, i+1, 0)
		if j == i+1 {
			return false
		}
		i = j
	} else {
		j := digits(s, i, 0)
		if j == i {
			return false
		}
		i = j
		if i < len(s) && s[i] == '.' {
			i = digits(s, i+1, 0)
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		j := digits(s, i, 0)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

// base60Float matches ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$.
func base60Float(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return false
	}
	i = digits(s, i+1, '_')
	groups := 0
	for i < len(s) && s[i] == ':' {
		j := digits(s, i+1, 0)
		switch {
		case j == i+2:
		case j == i+3 && s[i+1] <= '5':
		default:
			return false
		}
		i, groups = j, groups+1
	}
	if groups == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i = digits(s, i+1, '_')
	}
	return i == len(s)
}

var timestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

func timestamp(s string) bool {
	i := digits(s, 0, 0)
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range timestampFormats {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

// Base64 is the encoder's encodeBase64: lines of 70, each ended by a
// line break when there is more than one.
func Base64(s string) string {
	enc := base64.StdEncoding.EncodeToString([]byte(s))
	lines := len(enc)/70 + 1
	var out strings.Builder
	for i := 0; i < len(enc); i += 70 {
		out.WriteString(enc[i:min(i+70, len(enc))])
		if lines > 1 {
			out.WriteByte('\n')
		}
	}
	return out.String()
}

// KeyLess is the encoder's order of string map keys: letters before
// other characters, runs of digits compared as numbers.
func KeyLess(a, b string) bool {
	ar, br := []rune(a), []rune(b)
	digits := false
	for i := 0; i < len(ar) && i < len(br); i++ {
		if ar[i] == br[i] {
			digits = unicode.IsDigit(ar[i])
			continue
		}
		al, bl := unicode.IsLetter(ar[i]), unicode.IsLetter(br[i])
		if al && bl {
			return ar[i] < br[i]
		}
		if al || bl {
			if digits {
				return al
			}
			return bl
		}
		var ai, bi int
		var an, bn int64
		if ar[i] == '0' || br[i] == '0' {
			for j := i - 1; j >= 0 && unicode.IsDigit(ar[j]); j-- {
				if ar[j] != '0' {
					an, bn = 1, 1
					break
				}
			}
		}
		for ai = i; ai < len(ar) && unicode.IsDigit(ar[ai]); ai++ {
			an = an*10 + int64(ar[ai]-'0')
		}
		for bi = i; bi < len(br) && unicode.IsDigit(br[bi]); bi++ {
			bn = bn*10 + int64(br[bi]-'0')
		}
		if an != bn {
			return an < bn
		}
		if ai != bi {
			return ai < bi
		}
		return ar[i] < br[i]
	}
	return len(ar) < len(br)
}

func isBlankz(s string, i int) bool {
	return i >= len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == 0 || isBreak(s, i)
}
