package moodlexml

import (
	"bytes"
	"encoding/xml"
	"io"
	"math/bits"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/internal/ascii8"
)

// A tokenizer of Moodle XML's own, hand-written on purpose, as the sums
// reader (quiz/stats/sumsscan.go) is: encoding/xml's reads a byte at a time
// through an interface and allocates every name, attribute, token and text
// (11,500 allocations, and more than half of bank validate's time, for the
// comprehension bank's 67 KB). It takes the XML Moodle and conflictq write:
// UTF-8 with no control character but tab and newline, elements and
// attributes without namespaces, the five named entities and character
// references, comments, CDATA and the usual <?xml?> declaration. It gives
// up (errFallback) on anything else: a DOCTYPE, another encoding, a carriage
// return, an odd entity, a processing instruction, a namespace, any error.
// Parse then reads the whole file again with encoding/xml, so every result
// and every error message is as it was. It never takes what encoding/xml
// would refuse, and what it takes reads as encoding/xml's Decoder.Token
// reads it, token by token, to the same input offsets (TestTokensAsEncodingXML,
// TestTokenizerGivesUp, FuzzTokensAsEncodingXML). BenchmarkParse: Parse of
// the comprehension export in 0.31 to 0.34 ms and 1,498 allocations, against
// 1.01 to 1.11 ms and 10,050 through encoding/xml's tokens (2 cores, Go 1.26;
// review13-s27).

// tokKind is what a token is.
type tokKind uint8

const (
	tokStart   tokKind = iota // a start element (a self-closing one: then an end)
	tokEnd                    // an end element
	tokText                   // character data, CDATA's too
	tokComment                // a comment
	tokOther                  // a processing instruction or a directive
)

// token is one token: what the reader uses of encoding/xml's.
type token struct {
	kind tokKind
	name xml.Name   // a start's or an end's
	attr []xml.Attr // a start's, valid until the next token
	data []byte     // a text's or a comment's, valid until the next token
}

// fallbackError is errFallback's type.
type fallbackError struct{}

func (fallbackError) Error() string { return "moodlexml: read by encoding/xml" }

// errFallback says the tokenizer does not take the input; encoding/xml
// reads it.
var errFallback error = fallbackError{}

// tokens is a token stream: the tokenizer's own, or encoding/xml's when xd
// is set.
type tokens struct {
	xd        *xml.Decoder
	data      []byte
	pos       int        // the offset of the next token
	open      []string   // the elements open, innermost last
	closeNext bool       // the start just read closed itself: its end is next
	attr      []xml.Attr // the last start's attributes
	scratch   []byte     // chardata's, reused
	unesc     []byte     // a text or an attribute with its entities replaced, reused
}

// newTokens is the token stream of data: the tokenizer's, or encoding/xml's
// when data has a byte the tokenizer does not take wherever it stands.
func newTokens(data []byte) *tokens {
	if !plainText(data) {
		return xmlTokens(data)
	}
	return &tokens{data: data}
}

// xmlTokens is encoding/xml's token stream of data, as Parse read every file
// before the tokenizer.
func xmlTokens(data []byte) *tokens {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return &tokens{xd: d}
}

// plainText reports whether data is UTF-8 with no C0 control character but
// tab and newline (DEL and the C1 controls pass: XML allows them) and
// neither U+FFFE nor U+FFFF: then every character is in XML's range and no
// carriage return is rewritten.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		if i+8 <= len(data) {
			// Eight bytes from 0x20 to 0x7f pass in one test: none below
			// 0x20 (subtracting 0x20 from it borrows) and none over 0x7f.
			w := ascii8.LoadBytes(data[i : i+8])
			bad := ascii8.Flags(ascii8.Below(w, 0x20) | w)
			if bad == 0 {
				i += 8
				continue
			}
			// The lowest byte flagged is the first to look at alone (no
			// borrow reaches it from the bytes before, which passed): the
			// bytes before it were tested eight at a time again, one
			// further each, before every line break.
			i += bits.TrailingZeros64(bad) >> 3
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

// offset is where the last token ended: Decoder.InputOffset.
func (r *tokens) offset() int64 {
	if r.xd != nil {
		return r.xd.InputOffset()
	}
	return int64(r.pos)
}

// next is the next token; io.EOF at the end.
func (r *tokens) next() (token, error) {
	if r.xd != nil {
		return r.xmlNext()
	}
	if r.closeNext {
		r.closeNext = false
		return token{kind: tokEnd, name: xml.Name{Local: r.pop()}}, nil
	}
	d := r.data
	if r.pos >= len(d) {
		if len(r.open) > 0 {
			return token{}, errFallback // unexpected EOF
		}
		return token{}, io.EOF
	}
	if d[r.pos] != '<' {
		return r.text()
	}
	rest := d[r.pos+1:]
	switch {
	case len(rest) > 0 && rest[0] == '/':
		return r.end()
	case bytes.HasPrefix(rest, []byte("!--")):
		return r.comment()
	case bytes.HasPrefix(rest, []byte("![CDATA[")):
		return r.cdata()
	case bytes.HasPrefix(rest, []byte("?xml ")):
		return r.declaration()
	}
	return r.start()
}

func (r *tokens) xmlNext() (token, error) {
	tok, err := r.xd.Token()
	if err != nil {
		return token{}, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		return token{kind: tokStart, name: t.Name, attr: t.Attr}, nil
	case xml.EndElement:
		return token{kind: tokEnd, name: t.Name}, nil
	case xml.CharData:
		return token{kind: tokText, data: t}, nil
	case xml.Comment:
		return token{kind: tokComment, data: t}, nil
	}
	return token{kind: tokOther}, nil
}

// skip reads past the rest of the element just started: Decoder.Skip.
func (r *tokens) skip() error {
	if r.xd != nil {
		return r.xd.Skip()
	}
	for depth := 1; depth > 0; {
		t, err := r.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		}
	}
	return nil
}

func (r *tokens) pop() string {
	name := r.open[len(r.open)-1]
	r.open = r.open[:len(r.open)-1]
	return name
}

// text is character data up to the next <: entities replaced.
func (r *tokens) text() (token, error) {
	seg := r.data[r.pos:]
	// Most text is the indentation between elements: spaces to the next <.
	for i, c := range seg {
		if c == '<' {
			r.pos += i
			return token{kind: tokText, data: seg[:i]}, nil
		}
		if c != ' ' && c != '\n' && c != '\t' {
			break
		}
	}
	if i := bytes.IndexByte(seg, '<'); i >= 0 {
		seg = seg[:i]
	}
	if bytes.Contains(seg, []byte("]]>")) {
		return token{}, errFallback // unescaped ]]> not in CDATA section
	}
	data, ok := r.unescape(seg)
	if !ok {
		return token{}, errFallback
	}
	r.pos += len(seg)
	return token{kind: tokText, data: data}, nil
}

// comment is a comment: everything up to the first --, which must end it.
func (r *tokens) comment() (token, error) {
	body := r.data[r.pos+4:]
	i := bytes.Index(body, []byte("--"))
	if i < 0 || i+2 >= len(body) || body[i+2] != '>' {
		return token{}, errFallback
	}
	r.pos += 4 + i + 3
	return token{kind: tokComment, data: body[:i]}, nil
}

// cdata is a CDATA section's text, as written.
func (r *tokens) cdata() (token, error) {
	body := r.data[r.pos+9:]
	i := bytes.Index(body, []byte("]]>"))
	if i < 0 {
		return token{}, errFallback
	}
	r.pos += 9 + i + 3
	return token{kind: tokText, data: body[:i]}, nil
}

// declaration is the <?xml?> declaration of version 1.0 in UTF-8, as
// Moodle and most editors write it; any other is encoding/xml's to judge.
func (r *tokens) declaration() (token, error) {
	for _, decl := range []string{
		`<?xml version="1.0" encoding="UTF-8"?>`, `<?xml version="1.0" encoding="utf-8"?>`, `<?xml version="1.0"?>`,
		`<?xml version='1.0' encoding='utf-8'?>`, `<?xml version='1.0' encoding='UTF-8'?>`, `<?xml version='1.0'?>`,
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`,
	} {
		if bytes.HasPrefix(r.data[r.pos:], []byte(decl)) {
			r.pos += len(decl)
			return token{kind: tokOther}, nil
		}
	}
	return token{}, errFallback
}

// end is an end element, which must close the element open.
func (r *tokens) end() (token, error) {
	d := r.data
	name, i := nameAt(d, r.pos+2)
	i = spaces(d, i)
	if name == nil || i >= len(d) || d[i] != '>' || len(r.open) == 0 || r.open[len(r.open)-1] != string(name) {
		return token{}, errFallback
	}
	r.pos = i + 1
	return token{kind: tokEnd, name: xml.Name{Local: r.pop()}}, nil
}

// start is a start element with its attributes, each quoted, after a space.
func (r *tokens) start() (token, error) {
	d := r.data
	name, i := nameAt(d, r.pos+1)
	if name == nil {
		return token{}, errFallback
	}
	r.attr = r.attr[:0]
	for {
		j := spaces(d, i)
		if j >= len(d) {
			return token{}, errFallback
		}
		switch {
		case d[j] == '>':
			r.pos = j + 1
		case d[j] == '/' && j+1 < len(d) && d[j+1] == '>':
			r.pos, r.closeNext = j+2, true
		case j > i:
			var ok bool
			if i, ok = r.attribute(j); ok {
				continue
			}
			return token{}, errFallback
		default:
			return token{}, errFallback
		}
		r.open = append(r.open, intern(name))
		return token{kind: tokStart, name: xml.Name{Local: r.open[len(r.open)-1]}, attr: r.attr}, nil
	}
}

// attribute reads name="value" (or 'value') at i onto r.attr, and returns
// where it ends.
func (r *tokens) attribute(i int) (int, bool) {
	d := r.data
	name, i := nameAt(d, i)
	if name == nil || string(name) == "xmlns" {
		return 0, false
	}
	i = spaces(d, i)
	if i >= len(d) || d[i] != '=' {
		return 0, false
	}
	i = spaces(d, i+1)
	if i >= len(d) || d[i] != '"' && d[i] != '\'' {
		return 0, false
	}
	n := bytes.IndexByte(d[i+1:], d[i])
	if n < 0 {
		return 0, false
	}
	seg := d[i+1 : i+1+n]
	if bytes.IndexByte(seg, '<') >= 0 {
		return 0, false
	}
	value, ok := r.unescape(seg)
	if !ok {
		return 0, false
	}
	r.attr = append(r.attr, xml.Attr{Name: xml.Name{Local: intern(name)}, Value: internValue(value)})
	return i + 1 + n + 1, true
}

// nameAt is the name at i and where it ends, or nil: only ASCII names
// without a colon, which encoding/xml reads as a local name alone.
func nameAt(d []byte, i int) ([]byte, int) {
	start := i
	for i < len(d) && (d[i] >= 'a' && d[i] <= 'z' || d[i] >= 'A' && d[i] <= 'Z' || d[i] == '_' ||
		i > start && (d[i] >= '0' && d[i] <= '9' || d[i] == '.' || d[i] == '-')) {
		i++
	}
	if i == start || i < len(d) && (d[i] == ':' || d[i] >= utf8.RuneSelf || d[i] >= '0' && d[i] <= '9' || d[i] == '.' || d[i] == '-') {
		return nil, i
	}
	return d[start:i], i
}

// spaces skips XML's white space (no carriage return comes this far).
func spaces(d []byte, i int) int {
	for i < len(d) && (d[i] == ' ' || d[i] == '\n' || d[i] == '\t') {
		i++
	}
	return i
}

// unescape is seg with the five named entities and character references
// replaced (in r.unesc, valid until the next token); false for any other &
// (or a reference to a character XML has not). Text without one is seg
// itself.
func (r *tokens) unescape(seg []byte) ([]byte, bool) {
	i := bytes.IndexByte(seg, '&')
	if i < 0 {
		return seg, true
	}
	out := r.unesc[:0]
	defer func() { r.unesc = out }()
	for i >= 0 {
		out = append(out, seg[:i]...)
		seg = seg[i+1:]
		n := bytes.IndexByte(seg, ';')
		if n < 0 {
			return nil, false
		}
		switch ref := seg[:n]; string(ref) {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "apos":
			out = append(out, '\'')
		case "quot":
			out = append(out, '"')
		default:
			c, ok := charRef(ref)
			if !ok {
				return nil, false
			}
			out = utf8.AppendRune(out, c)
		}
		seg = seg[n+1:]
		i = bytes.IndexByte(seg, '&')
	}
	return append(out, seg...), true
}

// charRef reads #N or #xH (x lower case, as encoding/xml takes it), up to
// eight digits, a character in XML's range.
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	digits, base := ref[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	var c rune
	for _, b := range digits {
		var v rune
		switch {
		case b >= '0' && b <= '9':
			v = rune(b - '0')
		case base == 16 && b >= 'a' && b <= 'f':
			v = rune(b-'a') + 10
		case base == 16 && b >= 'A' && b <= 'F':
			v = rune(b-'A') + 10
		default:
			return 0, false
		}
		c = c*base + v
	}
	inRange := c == 0x09 || c == 0x0A || c == 0x0D || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF
	return c, inRange
}

// intern is name as a string, without a copy for the names Moodle writes
// (in two switches of at most a hundred lines).
func intern(name []byte) string {
	if len(name) > 0 && name[0] < 'p' {
		return internAtoO(name)
	}
	return internPtoZ(name)
}

func internAtoO(name []byte) string {
	switch string(name) {
	case "answer":
		return "answer"
	case "answernumbering":
		return "answernumbering"
	case "attachments":
		return "attachments"
	case "attachmentsrequired":
		return "attachmentsrequired"
	case "category":
		return "category"
	case "correctfeedback":
		return "correctfeedback"
	case "defaultgrade":
		return "defaultgrade"
	case "encoding":
		return "encoding"
	case "feedback":
		return "feedback"
	case "file":
		return "file"
	case "format":
		return "format"
	case "fraction":
		return "fraction"
	case "generalfeedback":
		return "generalfeedback"
	case "graderinfo":
		return "graderinfo"
	case "gradingtype":
		return "gradingtype"
	case "hidden":
		return "hidden"
	case "hint":
		return "hint"
	case "idnumber":
		return "idnumber"
	case "incorrectfeedback":
		return "incorrectfeedback"
	case "info":
		return "info"
	case "layouttype":
		return "layouttype"
	case "multiplier":
		return "multiplier"
	case "name":
		return "name"
	}
	return string(name)
}

func internPtoZ(name []byte) string {
	switch string(name) {
	case "partiallycorrectfeedback":
		return "partiallycorrectfeedback"
	case "path":
		return "path"
	case "penalty":
		return "penalty"
	case "question":
		return "question"
	case "questiontext":
		return "questiontext"
	case "quiz":
		return "quiz"
	case "responsefieldlines":
		return "responsefieldlines"
	case "responseformat":
		return "responseformat"
	case "responserequired":
		return "responserequired"
	case "responsetemplate":
		return "responsetemplate"
	case "selectcount":
		return "selectcount"
	case "selecttype":
		return "selecttype"
	case "showgrading":
		return "showgrading"
	case "shownumcorrect":
		return "shownumcorrect"
	case "showstandardinstruction":
		return "showstandardinstruction"
	case "showunits":
		return "showunits"
	case "shuffleanswers":
		return "shuffleanswers"
	case "single":
		return "single"
	case "subquestion":
		return "subquestion"
	case "tag":
		return "tag"
	case "tags":
		return "tags"
	case "text":
		return "text"
	case "tolerance":
		return "tolerance"
	case "type":
		return "type"
	case "unit":
		return "unit"
	case "unit_name":
		return "unit_name"
	case "unitgradingtype":
		return "unitgradingtype"
	case "unitpenalty":
		return "unitpenalty"
	case "units":
		return "units"
	case "unitsleft":
		return "unitsleft"
	case "usecase":
		return "usecase"
	}
	return string(name)
}

// internValue is an attribute's value as a string, without a copy for the
// formats, fractions and types Moodle writes most.
func internValue(v []byte) string {
	switch string(v) {
	case "html":
		return "html"
	case "plain_text":
		return "plain_text"
	case "moodle_auto_format":
		return "moodle_auto_format"
	case "markdown":
		return "markdown"
	case "100":
		return "100"
	case "0":
		return "0"
	case "base64":
		return "base64"
	case "category":
		return "category"
	case "multichoice":
		return "multichoice"
	case "truefalse":
		return "truefalse"
	case "shortanswer":
		return "shortanswer"
	case "numerical":
		return "numerical"
	case "matching":
		return "matching"
	case "ordering":
		return "ordering"
	case "essay":
		return "essay"
	case "description":
		return "description"
	}
	return string(v)
}
