package quiz

import (
	"encoding/base64"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// bankYAML writes a BankDoc as go.yaml.in/yaml/v3's Encoder with SetIndent(2)
// writes it, byte for byte, without reflection, events or the emitter's
// queue: for the comprehension bank the encoder took 1.5 ms and 1.4 MB (its
// queue of events keeps every event of the document), about the floor of a
// whole command. It follows the emitter's code for what a bank holds (block
// mappings and sequences of plain, quoted and literal scalars, an empty
// sequence in flow style, a !!binary tag for text that is not UTF-8, no line
// folding: the encoder's width is unlimited); TestBankYAMLAsEncoder holds it
// to the encoder on every built-in bank and on random and hostile banks.
type bankYAML struct {
	buf        []byte
	column     int
	indent     int
	indents    []int
	whitespace bool
	indention  bool
	openEnded  bool
}

// yamlCtx is where a node stands: what the emitter's context flags and the
// state below it on its stack say about it.
type yamlCtx struct {
	seqItem   bool // a block sequence's item: its first indent skips "- "
	simpleKey bool // a mapping's simple key
	root      bool
}

func writeBankYAML(doc *BankDoc) []byte {
	e := &bankYAML{buf: make([]byte, 0, 4096+len(doc.Questions)*2048), indent: -1, whitespace: true, indention: true}
	e.mapping(yamlCtx{root: true}, func() {
		e.strField("id", doc.ID)
		e.strField("title", doc.Title)
		if doc.Description != "" {
			e.strField("description", doc.Description)
		}
		e.key("questions")
		if len(doc.Questions) == 0 {
			e.emptySeq()
		} else {
			e.sequence(len(doc.Questions), func(i int) { e.question(&doc.Questions[i]) })
		}
	})
	// Document end, then stream end.
	e.writeIndent()
	if e.openEnded {
		e.indicator("...", true, false, false)
		e.writeIndent()
	}
	return e.buf
}

func (e *bankYAML) question(q *QuestionDoc) {
	e.mapping(yamlCtx{seqItem: true}, func() {
		e.strField("id", q.ID)
		if q.Name != "" {
			e.strField("name", q.Name)
		}
		e.strField("type", string(q.Type))
		e.strField("prompt", q.Prompt)
		e.strsField("choices", q.Choices)
		if q.Answer != nil {
			e.key("answer")
			e.anyValue(q.Answer)
		}
		e.strsField("answers", q.Answers)
		e.strsField("accept", q.Accept)
		if len(q.Credit) > 0 {
			e.key("credit")
			keys := make([]string, 0, len(q.Credit))
			for k := range q.Credit {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool { return yamlKeyLess(keys[i], keys[j]) })
			e.mapping(yamlCtx{}, func() {
				for _, k := range keys {
					e.key(k)
					e.float(q.Credit[k], yamlCtx{})
				}
			})
		}
		if q.Typos != nil {
			e.key("typos")
			e.plain(strconv.Itoa(*q.Typos), yamlCtx{})
		}
		if q.Tolerance != 0 {
			e.key("tolerance")
			e.float(q.Tolerance, yamlCtx{})
		}
		if len(q.Also) > 0 {
			e.key("also")
			e.sequence(len(q.Also), func(i int) {
				n := q.Also[i].doc()
				e.mapping(yamlCtx{seqItem: true}, func() {
					e.key("answer")
					e.anyValue(n.Value)
					if n.Tol != 0 {
						e.key("tolerance")
						e.float(n.Tol, yamlCtx{})
					}
					e.key("credit")
					e.float(n.Credit, yamlCtx{})
				})
			})
		}
		if q.Unit != "" {
			e.strField("unit", q.Unit)
		}
		e.strsField("items", q.Items)
		if len(q.Pairs) > 0 {
			e.key("pairs")
			e.sequence(len(q.Pairs), func(i int) {
				e.mapping(yamlCtx{seqItem: true}, func() {
					e.strField("left", q.Pairs[i].Left)
					e.strField("right", q.Pairs[i].Right)
				})
			})
		}
		if q.ModelAnswer != "" {
			e.strField("model_answer", q.ModelAnswer)
		}
		if q.PlainAnswer != "" {
			e.strField("plain_answer", q.PlainAnswer)
		}
		e.strsField("plain_points", q.PlainPoints)
		e.strsField("key_points", q.KeyPoints)
		e.strField("explanation", q.Explanation)
		if q.Source != nil && !q.Source.IsZero() {
			e.key("source")
			e.mapping(yamlCtx{}, func() {
				e.strField("section", q.Source.Section)
				if q.Source.Paragraph != 0 {
					e.key("paragraph")
					e.plain(strconv.Itoa(q.Source.Paragraph), yamlCtx{})
				}
				if q.Source.Quote != "" {
					e.strField("quote", q.Source.Quote)
				}
			})
		}
		if q.Difficulty != "" {
			e.strField("difficulty", q.Difficulty)
		}
		e.strsField("tags", q.Tags)
		e.key("points")
		e.float(q.Points, yamlCtx{})
		e.strsField("former_ids", q.FormerIDs)
	})
}

// strField writes a key and its string value.
func (e *bankYAML) strField(k, v string) {
	e.key(k)
	e.str(v, yamlCtx{})
}

// strsField writes a key and its strings, when there are any (omitempty).
func (e *bankYAML) strsField(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	e.key(k)
	e.sequence(len(vs), func(i int) { e.str(vs[i], yamlCtx{seqItem: true}) })
}

func (e *bankYAML) anyValue(v any) {
	switch v := v.(type) {
	case string:
		e.str(v, yamlCtx{})
	case bool:
		e.plain(strconv.FormatBool(v), yamlCtx{})
	case float64:
		e.float(v, yamlCtx{})
	case int:
		e.plain(strconv.Itoa(v), yamlCtx{})
	default:
		panic("quiz: no YAML for an answer of this type")
	}
}

// mapping is a non-empty block mapping; its entries are key then value.
// A mapping's value context is restored by value(), so key and the value
// writers run between mappingStart and the end.
func (e *bankYAML) mapping(ctx yamlCtx, entries func()) {
	e.increaseIndent(false, ctx.seqItem)
	entries()
	e.popIndent()
}

// key writes a mapping key: a simple key, or "? key" then ":" on a line of
// its own when the key is long or spans lines.
func (e *bankYAML) key(k string) {
	e.writeIndent()
	s, tag := yamlString(k)
	a := analyzeYAMLScalar(s)
	if !a.multiline && len(tag)+len(s) <= 128 {
		e.scalar(s, tag, a, yamlCtx{simpleKey: true})
		e.indicator(":", false, false, false)
		return
	}
	e.indicator("?", true, false, true)
	e.scalar(s, tag, a, yamlCtx{})
	e.writeIndent()
	e.indicator(":", true, false, true)
}

// sequence is a non-empty block sequence.
func (e *bankYAML) sequence(n int, item func(i int)) {
	e.increaseIndent(false, false)
	for i := range n {
		e.writeIndent()
		e.indicator("-", true, false, true)
		item(i)
	}
	e.popIndent()
}

// emptySeq is [], as the emitter writes an empty sequence.
func (e *bankYAML) emptySeq() {
	e.indicator("[", true, true, false)
	e.increaseIndent(true, false)
	e.popIndent()
	if e.column == 0 {
		e.writeIndent()
	}
	e.indicator("]", false, false, false)
}

func (e *bankYAML) float(f float64, ctx yamlCtx) {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	switch {
	case math.IsInf(f, 1):
		s = ".inf"
	case math.IsInf(f, -1):
		s = "-.inf"
	case math.IsNaN(f):
		s = ".nan"
	}
	e.plain(s, ctx)
}

// plain writes a scalar the encoder asks in plain style (numbers, bools).
func (e *bankYAML) plain(s string, ctx yamlCtx) {
	a := analyzeYAMLScalar(s)
	a.style, a.asked = yamlPlain, true
	e.scalar(s, "", a, ctx)
}

// str writes a string as the encoder's stringv chooses its style.
func (e *bankYAML) str(v string, ctx yamlCtx) {
	s, tag := yamlString(v)
	e.scalar(s, tag, analyzeYAMLScalar(s), ctx)
}

const (
	yamlPlain = iota
	yamlSingle
	yamlDouble
	yamlLiteral
)

// yamlString is the text the encoder writes for v and its tag ("" or
// !!binary), with the style it asks (in the analysis it is given).
func yamlString(v string) (s, tag string) {
	if !utf8.ValidString(v) {
		return yamlBase64(v), "!!binary"
	}
	return v, ""
}

// yamlStyle is the style stringv asks for s (tag "" or !!binary).
func yamlStyle(s, tag string) int {
	switch {
	case strings.Contains(s, "\n"):
		return yamlLiteral
	case tag != "" || yamlPlainIsString(s):
		return yamlPlain
	}
	return yamlDouble
}

type yamlAnalysis struct {
	multiline, flowPlain, blockPlain, single, block bool
	style                                           int
	asked                                           bool // style was set by plain()
}

// scalar writes s in the style the emitter settles on.
func (e *bankYAML) scalar(s, tag string, a yamlAnalysis, ctx yamlCtx) {
	style := a.style
	if !a.asked {
		style = yamlStyle(s, tag)
	}
	if ctx.simpleKey && a.multiline {
		style = yamlDouble
	}
	if style == yamlPlain {
		if !a.blockPlain || len(s) == 0 && ctx.simpleKey {
			style = yamlSingle
		}
	}
	if style == yamlSingle && !a.single {
		style = yamlDouble
	}
	if style == yamlLiteral && (!a.block || ctx.simpleKey) {
		style = yamlDouble
	}
	if tag != "" {
		if !e.whitespace {
			e.put(' ')
		}
		e.buf = append(e.buf, "!!binary"...)
		e.column += len("!!binary")
		e.whitespace, e.indention = false, false
	}
	e.increaseIndent(true, ctx.seqItem)
	switch style {
	case yamlPlain:
		e.writePlain(s, ctx.root)
	case yamlSingle:
		e.writeSingle(s)
	case yamlDouble:
		e.writeDouble(s)
	default:
		e.writeLiteral(s)
	}
	e.popIndent()
}

func (e *bankYAML) increaseIndent(flow, seqItem bool) {
	e.indents = append(e.indents, e.indent)
	switch {
	case e.indent < 0 && flow:
		e.indent = 2
	case e.indent < 0:
		e.indent = 0
	case seqItem:
		e.indent += 2
	default:
		e.indent = 2 * ((e.indent + 2) / 2)
	}
}

func (e *bankYAML) popIndent() {
	e.indent = e.indents[len(e.indents)-1]
	e.indents = e.indents[:len(e.indents)-1]
}

func (e *bankYAML) put(c byte) {
	e.buf = append(e.buf, c)
	e.column++
}

func (e *bankYAML) putBreak() {
	e.buf = append(e.buf, '\n')
	e.column = 0
	e.indention = true
}

// write copies the character at s[i] and returns the index after it.
func (e *bankYAML) write(s string, i int) int {
	w := yamlWidth(s[i])
	e.buf = append(e.buf, s[i:i+w]...)
	e.column++
	return i + w
}

func (e *bankYAML) writeBreak(s string, i int) int {
	if s[i] == '\n' {
		e.putBreak()
		return i + 1
	}
	i = e.write(s, i)
	e.column = 0
	e.indention = true
	return i
}

// yamlRun is how far from i s runs without a byte that stop says the
// writer must look at alone; the bytes in between are written as a block.
func yamlRun(s string, i int, stop func(c byte) bool) int {
	for i < len(s) && !stop(s[i]) {
		i++
	}
	return i
}

// writeRun writes s[i:j], which holds no line break, as write does a
// character at a time, and returns j.
func (e *bankYAML) writeRun(s string, i, j int) int {
	run := s[i:j]
	e.buf = append(e.buf, run...)
	e.column += utf8.RuneCountInString(run)
	if strings.TrimLeft(run, " ") != "" {
		e.indention = false
	}
	return j
}

// yamlMaybeBreak is a byte that may start a line break: \r, \n, or the
// first byte of NEL, LS or PS (and of other characters).
func yamlMaybeBreak(c byte) bool { return c == '\r' || c == '\n' || c == 0xC2 || c == 0xE2 }

func (e *bankYAML) writeIndent() {
	indent := max(e.indent, 0)
	if !e.indention || e.column > indent || (e.column == indent && !e.whitespace) {
		e.putBreak()
	}
	for e.column < indent {
		e.put(' ')
	}
	e.whitespace = true
}

func (e *bankYAML) indicator(s string, needWhitespace, isWhitespace, isIndention bool) {
	if needWhitespace && !e.whitespace {
		e.put(' ')
	}
	e.buf = append(e.buf, s...)
	e.column += len(s) // indicators are ASCII
	e.whitespace = isWhitespace
	e.indention = e.indention && isIndention
	e.openEnded = false
}

// writePlain is the emitter's plain writer for what reaches it: a plain
// scalar has no line break (the analysis refuses plain style to one), so
// it is written whole, a column for each character.
func (e *bankYAML) writePlain(s string, root bool) {
	if len(s) > 0 && !e.whitespace {
		e.put(' ')
	}
	e.buf = append(e.buf, s...)
	e.column += utf8.RuneCountInString(s)
	if len(s) > 0 {
		e.whitespace = false
	}
	e.indention = false
	if root {
		e.openEnded = true
	}
}

func (e *bankYAML) writeSingle(s string) {
	e.indicator("'", true, false, false)
	breaks := false
	for i := 0; i < len(s); {
		if j := yamlRun(s, i, func(c byte) bool { return c == '\'' || yamlMaybeBreak(c) }); !breaks && j > i {
			i = e.writeRun(s, i, j)
			continue
		}
		switch {
		case s[i] == ' ':
			i = e.write(s, i)
		case yamlIsBreak(s, i):
			if !breaks && s[i] == '\n' {
				e.putBreak()
			}
			i = e.writeBreak(s, i)
			breaks = true
		default:
			if breaks {
				e.writeIndent()
			}
			if s[i] == '\'' {
				e.put('\'')
			}
			i = e.write(s, i)
			e.indention = false
			breaks = false
		}
	}
	e.indicator("'", false, false, false)
	e.whitespace, e.indention = false, false
}

func (e *bankYAML) writeDouble(s string) {
	e.indicator(`"`, true, false, false)
	bom := strings.HasPrefix(s, "\xEF\xBB\xBF") // the emitter's is_bom looks at the start, wherever i is
	for i := 0; i < len(s); {
		if j := yamlRun(s, i, func(c byte) bool { return c < ' ' || c > '~' || c == '"' || c == '\\' }); !bom && j > i {
			i = e.writeRun(s, i, j)
			continue
		}
		if !yamlIsPrintable(s, i) || bom || yamlIsBreak(s, i) || s[i] == '"' || s[i] == '\\' {
			v, w := utf8.DecodeRuneInString(s[i:])
			i += w
			e.put('\\')
			switch v {
			case 0x00:
				e.put('0')
			case 0x07:
				e.put('a')
			case 0x08:
				e.put('b')
			case 0x09:
				e.put('t')
			case 0x0A:
				e.put('n')
			case 0x0b:
				e.put('v')
			case 0x0c:
				e.put('f')
			case 0x0d:
				e.put('r')
			case 0x1b:
				e.put('e')
			case 0x22:
				e.put('"')
			case 0x5c:
				e.put('\\')
			case 0x85:
				e.put('N')
			case 0xA0:
				e.put('_')
			case 0x2028:
				e.put('L')
			case 0x2029:
				e.put('P')
			default:
				digits := 8
				switch {
				case v <= 0xFF:
					e.put('x')
					digits = 2
				case v <= 0xFFFF:
					e.put('u')
					digits = 4
				default:
					e.put('U')
				}
				for k := (digits - 1) * 4; k >= 0; k -= 4 {
					e.put("0123456789ABCDEF"[(v>>uint(k))&0x0F])
				}
			}
			continue
		}
		i = e.write(s, i)
	}
	e.indicator(`"`, false, false, false)
	e.whitespace, e.indention = false, false
}

func (e *bankYAML) writeLiteral(s string) {
	e.indicator("|", true, false, false)
	// The block scalar's hints: an indentation indicator when it starts
	// with a space or a break, and its chomping.
	if len(s) > 0 && (s[0] == ' ' || yamlIsBreak(s, 0)) {
		e.indicator("2", false, false, false)
	}
	e.openEnded = false
	chomp := ""
	if len(s) == 0 {
		chomp = "-"
	} else {
		i := len(s) - 1
		for s[i]&0xC0 == 0x80 {
			i--
		}
		if !yamlIsBreak(s, i) {
			chomp = "-"
		} else if i == 0 {
			chomp = "+"
			e.openEnded = true
		} else {
			i--
			for s[i]&0xC0 == 0x80 {
				i--
			}
			if yamlIsBreak(s, i) {
				chomp = "+"
				e.openEnded = true
			}
		}
	}
	if chomp != "" {
		e.indicator(chomp, false, false, false)
	}
	e.putBreak()
	e.whitespace = true
	breaks := true
	for i := 0; i < len(s); {
		if yamlIsBreak(s, i) {
			i = e.writeBreak(s, i)
			breaks = true
			continue
		}
		if breaks {
			e.writeIndent()
			breaks = false
		}
		if j := yamlRun(s, i, yamlMaybeBreak); j > i {
			i = e.writeRun(s, i, j)
		} else {
			i = e.write(s, i)
		}
		e.indention = false
	}
}

// analyzeYAMLScalar is the emitter's yaml_emitter_analyze_scalar: which
// styles can hold s.
func analyzeYAMLScalar(s string) yamlAnalysis {
	if len(s) == 0 {
		return yamlAnalysis{blockPlain: true, single: true}
	}
	var f yamlScalarFlags
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		f.blockIndicators = true
	}
	precededByWhitespace := true
	for i, w := 0, 0; i < len(s); i += w {
		c := s[i]
		if i > 0 && c > ' ' && c < 0x7F && c != ':' && c != '#' {
			// Printable ASCII past the first character, not a space
			// nor an indicator there: it changes nothing but this.
			w, f.previousSpace, f.previousBreak, precededByWhitespace = 1, false, false, false
			continue
		}
		var printable, isBreak bool
		if c < 0x80 { // most text: no table of wide characters to consult
			w, printable, isBreak = 1, c == '\n' || c >= 0x20 && c <= 0x7E, c == '\n' || c == '\r'
		} else {
			w, printable, isBreak = yamlWidth(c), yamlIsPrintable(s, i), yamlIsBreak(s, i)
		}
		followedByWhitespace := i+w >= len(s) || s[i+w] == ' ' || s[i+w] == '\t'
		if yamlIndicatorAt(c, i == 0, precededByWhitespace, followedByWhitespace) {
			f.blockIndicators = true
		}
		if c == '\t' {
			f.tabs = true
		} else if !printable {
			f.special = true
		}
		f.spacing(c == ' ', isBreak, i == 0, i+w == len(s))
		precededByWhitespace = c == ' ' || c == '\t' || c == 0 || isBreak
	}
	return f.analysis()
}

// yamlScalarFlags is what analyzeYAMLScalar's pass over a scalar has found
// so far: the emitter's flags, and whether the character before was a
// space or a break.
type yamlScalarFlags struct {
	blockIndicators, lineBreaks, special, tabs                                       bool
	leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak bool
	previousSpace, previousBreak                                                     bool
}

// yamlIndicatorAt reports whether the character c, the scalar's first when
// first, is an indicator there that keeps the scalar from being plain in
// block context: on the first character any of the flow and other
// indicators (?, : and - only before whitespace), later a : before
// whitespace or a # after it.
func yamlIndicatorAt(c byte, first, precededByWhitespace, followedByWhitespace bool) bool {
	if first {
		switch c {
		case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
			return true
		case '?', ':', '-':
			return followedByWhitespace
		}
		return false
	}
	switch c {
	case ':':
		return followedByWhitespace
	case '#':
		return precededByWhitespace
	}
	return false
}

// spacing notes a character that is a space, a line break or neither, the
// scalar's first when first and its last when last: where the scalar has
// spaces and breaks, and a space next to a break.
func (f *yamlScalarFlags) spacing(space, isBreak, first, last bool) {
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
func (f *yamlScalarFlags) analysis() yamlAnalysis {
	a := yamlAnalysis{multiline: f.lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true}
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
	return a
}

func yamlWidth(b byte) int {
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

// yamlAt is s[i], or 0 past its end (the emitter's buffers end in NULs).
func yamlAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func yamlIsBreak(s string, i int) bool {
	c := s[i]
	return c == '\r' || c == '\n' ||
		c == 0xC2 && yamlAt(s, i+1) == 0x85 ||
		c == 0xE2 && yamlAt(s, i+1) == 0x80 && (yamlAt(s, i+2) == 0xA8 || yamlAt(s, i+2) == 0xA9)
}

func yamlIsPrintable(s string, i int) bool {
	c := s[i]
	return c == 0x0A || c >= 0x20 && c <= 0x7E ||
		c == 0xC2 && yamlAt(s, i+1) >= 0xA0 ||
		c > 0xC2 && c < 0xED ||
		c == 0xED && yamlAt(s, i+1) < 0xA0 ||
		c == 0xEE ||
		c == 0xEF && !(yamlAt(s, i+1) == 0xBB && yamlAt(s, i+2) == 0xBF) &&
			!(yamlAt(s, i+1) == 0xBF && (yamlAt(s, i+2) == 0xBE || yamlAt(s, i+2) == 0xBF))
}

// yamlPlainIsString is the encoder's canUsePlain: s read back unquoted is
// the same string (not null, a bool, a number or a timestamp, nor a YAML 1.1
// bool or base 60 float).
func yamlPlainIsString(s string) bool {
	switch s {
	case "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
		"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return false
	}
	switch c := s[0]; {
	case c == '.':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return false
		}
	case c == '+' || c == '-' || c >= '0' && c <= '9':
		if yamlTimestamp(s) {
			return false
		}
		plain := strings.ReplaceAll(s, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return false
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return false
		}
		if yamlStyleFloat(plain) {
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
		if strings.IndexByte(s, ':') >= 0 && yamlBase60Float(s) {
			return false
		}
	}
	return true
}

func yamlDigits(s string, i int, extra byte) int {
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || extra != 0 && s[i] == extra) {
		i++
	}
	return i
}

// yamlStyleFloat matches ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$.
func yamlStyleFloat(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i < len(s) && s[i] == '.' {
		j := yamlDigits(s, i+1, 0)
		if j == i+1 {
			return false
		}
		i = j
	} else {
		j := yamlDigits(s, i, 0)
		if j == i {
			return false
		}
		i = j
		if i < len(s) && s[i] == '.' {
			i = yamlDigits(s, i+1, 0)
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		j := yamlDigits(s, i, 0)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

// yamlBase60Float matches ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$.
func yamlBase60Float(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	if i >= len(s) || s[i] < '0' || s[i] > '9' {
		return false
	}
	i = yamlDigits(s, i+1, '_')
	groups := 0
	for i < len(s) && s[i] == ':' {
		j := yamlDigits(s, i+1, 0)
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
		i = yamlDigits(s, i+1, '_')
	}
	return i == len(s)
}

var yamlTimestampFormats = []string{
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2",
}

func yamlTimestamp(s string) bool {
	i := yamlDigits(s, 0, 0)
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range yamlTimestampFormats {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

// yamlBase64 is the encoder's encodeBase64: lines of 70, each ended by a
// line break when there is more than one.
func yamlBase64(s string) string {
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

// yamlKeyLess is the encoder's order of string map keys: letters before
// other characters, runs of digits compared as numbers.
func yamlKeyLess(a, b string) bool {
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
