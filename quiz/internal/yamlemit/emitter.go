// Package yamlemit writes YAML as go.yaml.in/yaml/v3's Encoder with
// SetIndent(2) writes it, byte for byte, without reflection, events or the
// emitter's queue: the encoder keeps every event of a document, and for a
// bank or an answer key with a comment on every question that took about the
// floor of a whole command. It follows the emitter's code for what conflictq
// writes (block mappings and sequences, flow sequences, plain, quoted,
// literal and folded scalars, head and line comments, a !!binary tag for
// text that is not UTF-8, no line folding: the encoder's width is
// unlimited). It is the one place that decides how a YAML scalar is quoted.
// The bank writer (quiz), the sheet writer (quiz/sheet) and the marks
// section's (quiz/marking) are each held to the encoder itself, byte for
// byte, by their tests on random and hostile input. Text that is not UTF-8
// should not reach it: its callers write it as !!binary (Text) or refuse it,
// as the encoder does; given to the emitter, it is written a byte at a time
// (not as the encoder would: it refuses such text).
package yamlemit

import (
	"strings"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/internal/ascii8"
)

// Emitter writes one YAML document into Buf.
type Emitter struct {
	Buf        []byte
	column     int
	indent     int
	indents    []int
	flow       int // the flow level: inside how many [ ] or { }
	whitespace bool
	indention  bool
	// Where a comment being written stands: after a line break, and on a
	// line that has its #.
	commentBreaks, commentPound bool
}

// New is an emitter at the start of a stream, its buffer made to hold size bytes.
func New(size int) *Emitter {
	return &Emitter{Buf: make([]byte, 0, size), indent: -1, whitespace: true, indention: true}
}

// Style is a scalar's style as asked of the emitter; the emitter may choose
// another where the text cannot be written in it.
type Style int

// The styles a scalar can be asked in.
const (
	Plain Style = iota
	Single
	Double
	Literal
	Folded
)

// BlockStart begins a block mapping or sequence (seqItem: as a block
// sequence's item, after its "- "); BlockEnd ends it.
func (e *Emitter) BlockStart(seqItem bool) { e.increaseIndent(false, seqItem) }

// BlockEnd ends what BlockStart began.
func (e *Emitter) BlockEnd() { e.popIndent() }

// HeadComment writes c on the lines above what comes next (a key or an
// item), at the current indentation. Empty, it writes nothing.
func (e *Emitter) HeadComment(c string) {
	if len(c) == 0 {
		return
	}
	e.StartHeadComment()
	e.CommentText(c)
	e.EndComment()
}

// StartHeadComment begins a head comment written in parts (CommentText),
// as HeadComment writes their text together; EndComment ends it. The parts
// must not all be empty.
func (e *Emitter) StartHeadComment() {
	e.writeIndent()
	e.commentBreaks, e.commentPound = false, false
}

// LineComment writes c after what was just written, to the line's end.
// Empty, it writes nothing.
func (e *Emitter) LineComment(c string) {
	if len(c) == 0 {
		return
	}
	if !e.whitespace {
		e.put(' ')
	}
	e.commentBreaks, e.commentPound = false, false
	e.CommentText(c)
	e.EndComment()
}

// Key writes a block mapping's key asked in style: a simple key, or "? key"
// then ":" on a line of its own when the key is long or spans lines. The
// value's writer follows.
func (e *Emitter) Key(s, tag string, style Style) {
	e.writeIndent()
	a := analyze(s)
	if !a.multiline && len(tag)+len(s) <= 128 {
		e.scalar(s, tag, style, a, ctx{simpleKey: true})
		e.indicator(":", false, false, false)
		return
	}
	e.indicator("?", true, false, true)
	e.scalar(s, tag, style, a, ctx{})
	e.writeIndent()
	e.indicator(":", true, false, true)
}

// Item begins a block sequence's item: "- ", its value to follow (as a
// Scalar with seqItem, or a BlockStart(true)).
func (e *Emitter) Item() {
	e.writeIndent()
	e.indicator("-", true, false, true)
}

// Scalar writes a value asked in style (seqItem: a block sequence's item).
func (e *Emitter) Scalar(s, tag string, style Style, seqItem bool) {
	e.scalar(s, tag, style, analyze(s), ctx{seqItem: seqItem})
}

// FlowStart begins a flow sequence ([) or, with mapping, a flow mapping ({).
func (e *Emitter) FlowStart(mapping bool) {
	open := "["
	if mapping {
		open = "{"
	}
	e.indicator(open, true, true, false)
	e.increaseIndent(true, false)
	e.flow++
}

// FlowItem writes the i-th item of a flow sequence.
func (e *Emitter) FlowItem(i int, s, tag string, style Style) {
	if i > 0 {
		e.indicator(",", false, false, false)
	}
	if e.column == 0 {
		e.writeIndent()
	}
	e.scalar(s, tag, style, analyze(s), ctx{})
}

// FlowEnd ends a flow sequence (]) or, with mapping, an empty flow mapping (}).
func (e *Emitter) FlowEnd(mapping bool) {
	e.flow--
	e.popIndent()
	if mapping {
		e.indicator("}", false, false, false)
		return
	}
	if e.column == 0 {
		e.writeIndent()
	}
	e.indicator("]", false, false, false)
}

// End ends the document and the stream: the last line's break.
func (e *Emitter) End() { e.writeIndent() }

// ctx is where a node stands: what the emitter's context flags and the
// state below it on its stack say about it.
type ctx struct {
	seqItem   bool // a block sequence's item: its first indent skips "- "
	simpleKey bool // a mapping's simple key
}

// scalar writes s, asked in style, in the style the emitter settles on
// (its select_scalar_style).
func (e *Emitter) scalar(s, tag string, style Style, a analysis, c ctx) {
	if c.simpleKey && a.multiline {
		style = Double
	}
	if style == Plain {
		if e.flow > 0 && !a.flowPlain || e.flow == 0 && !a.blockPlain || len(s) == 0 && (e.flow > 0 || c.simpleKey) {
			style = Single
		}
	}
	if style == Single && !a.single {
		style = Double
	}
	if (style == Literal || style == Folded) && (!a.block || e.flow > 0 || c.simpleKey) {
		style = Double
	}
	if tag != "" {
		if !e.whitespace {
			e.put(' ')
		}
		e.Buf = append(e.Buf, tag...)
		e.column += len(tag)
		e.whitespace, e.indention = false, false
	}
	e.increaseIndent(true, c.seqItem)
	switch style {
	case Plain:
		e.writePlain(s)
	case Single:
		e.writeSingle(s)
	case Double:
		e.writeDouble(s)
	case Literal:
		e.writeLiteral(s)
	default:
		e.writeFolded(s)
	}
	e.popIndent()
}

func (e *Emitter) increaseIndent(flow, seqItem bool) {
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

func (e *Emitter) popIndent() {
	e.indent = e.indents[len(e.indents)-1]
	e.indents = e.indents[:len(e.indents)-1]
}

func (e *Emitter) put(c byte) {
	e.Buf = append(e.Buf, c)
	e.column++
}

func (e *Emitter) putBreak() {
	e.Buf = append(e.Buf, '\n')
	e.column = 0
	e.indention = true
}

// write copies the character at s[i] and returns the index after it.
func (e *Emitter) write(s string, i int) int {
	w := min(max(width(s[i]), 1), len(s)-i) // text that is not UTF-8 (in a comment) a byte at a time
	e.Buf = append(e.Buf, s[i:i+w]...)
	e.column++
	return i + w
}

func (e *Emitter) writeBreak(s string, i int) int {
	if s[i] == '\n' {
		e.putBreak()
		return i + 1
	}
	i = e.write(s, i)
	e.column = 0
	e.indention = true
	return i
}

// run is how far from i s runs without a byte that stop says the
// writer must look at alone; the bytes in between are written as a block.
func run(s string, i int, stop func(c byte) bool) int {
	for i < len(s) && !stop(s[i]) {
		i++
	}
	return i
}

// writeRun writes s[i:j], which holds no line break, as write does a
// character at a time, and returns j.
func (e *Emitter) writeRun(s string, i, j int) int {
	r := s[i:j]
	e.Buf = append(e.Buf, r...)
	e.column += columns(r)
	if strings.TrimLeft(r, " ") != "" {
		e.indention = false
	}
	return j
}

// columns is utf8.RuneCountInString(s), a column for each character (and
// for each byte that starts none), with runs of ASCII counted eight bytes
// at a time: counting rune by rune was 3% of writing a bank back as YAML.
func columns(s string) (n int) {
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if w := ascii8.Load(s[i : i+8]); ascii8.Flags(w) == 0 {
				i, n = i+8, n+8
				continue
			}
		}
		if s[i] < utf8.RuneSelf {
			i, n = i+1, n+1
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i, n = i+w, n+1
	}
	return n
}

// maybeBreak is a byte that may start a line break: \r, \n, or the
// first byte of NEL, LS or PS (and of other characters).
func maybeBreak(c byte) bool { return c == '\r' || c == '\n' || c == 0xC2 || c == 0xE2 }

func (e *Emitter) writeIndent() {
	indent := max(e.indent, 0)
	if !e.indention || e.column > indent || (e.column == indent && !e.whitespace) {
		e.putBreak()
	}
	for e.column < indent {
		e.put(' ')
	}
	e.whitespace = true
}

func (e *Emitter) indicator(s string, needWhitespace, isWhitespace, isIndention bool) {
	if needWhitespace && !e.whitespace {
		e.put(' ')
	}
	e.Buf = append(e.Buf, s...)
	e.column += len(s) // indicators are ASCII
	e.whitespace = isWhitespace
	e.indention = e.indention && isIndention
}

// CommentText writes the next part of a comment as the emitter's
// yaml_emitter_write_comment writes it: each line begun with "# " unless it
// begins with a #.
func (e *Emitter) CommentText(c string) {
	for i := 0; i < len(c); {
		if isBreak(c, i) {
			i = e.writeBreak(c, i)
			e.commentBreaks, e.commentPound = true, false
			continue
		}
		if e.commentBreaks {
			e.writeIndent()
		}
		if !e.commentPound {
			if c[i] != '#' {
				e.put('#')
				e.put(' ')
			}
			e.commentPound = true
		}
		if j := run(c, i, maybeBreak); j > i {
			i = e.writeRun(c, i, j)
		} else {
			i = e.write(c, i)
		}
		e.indention = false
		e.commentBreaks = false
	}
}

// EndComment ends a comment: a line break after it.
func (e *Emitter) EndComment() {
	if !e.commentBreaks {
		e.putBreak()
	}
	e.whitespace = true
}

// writePlain is the emitter's plain writer for what reaches it: a plain
// scalar has no line break (the analysis refuses plain style to one), so
// it is written whole, a column for each character.
func (e *Emitter) writePlain(s string) {
	if len(s) > 0 && !e.whitespace {
		e.put(' ')
	}
	e.Buf = append(e.Buf, s...)
	e.column += columns(s)
	if len(s) > 0 {
		e.whitespace = false
	}
	e.indention = false
}

func (e *Emitter) writeSingle(s string) {
	e.indicator("'", true, false, false)
	breaks := false
	for i := 0; i < len(s); {
		if j := run(s, i, func(c byte) bool { return c == '\'' || maybeBreak(c) }); !breaks && j > i {
			i = e.writeRun(s, i, j)
			continue
		}
		switch {
		case s[i] == ' ':
			i = e.write(s, i)
		case isBreak(s, i):
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

func (e *Emitter) writeDouble(s string) {
	e.indicator(`"`, true, false, false)
	bom := strings.HasPrefix(s, "\xEF\xBB\xBF") // the emitter's is_bom looks at the start, wherever i is
	for i := 0; i < len(s); {
		if j := run(s, i, func(c byte) bool { return c < ' ' || c > '~' || c == '"' || c == '\\' }); !bom && j > i {
			i = e.writeRun(s, i, j)
			continue
		}
		if !isPrintable(s, i) || bom || isBreak(s, i) || s[i] == '"' || s[i] == '\\' {
			v, w := utf8.DecodeRuneInString(s[i:])
			i += w
			e.put('\\')
			e.escape(v)
			continue
		}
		i = e.write(s, i)
	}
	e.indicator(`"`, false, false, false)
	e.whitespace, e.indention = false, false
}

// escape writes the escape of v after its backslash.
func (e *Emitter) escape(v rune) {
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
}

// blockHints writes a block scalar's hints: an indentation indicator when
// it starts with a space or a break, and its chomping; then the line break
// before its text.
func (e *Emitter) blockHints(s string) {
	if len(s) > 0 && (s[0] == ' ' || isBreak(s, 0)) {
		e.indicator("2", false, false, false)
	}
	chomp := ""
	if len(s) == 0 {
		chomp = "-"
	} else {
		i := len(s) - 1
		for s[i]&0xC0 == 0x80 {
			i--
		}
		if !isBreak(s, i) {
			chomp = "-"
		} else if i == 0 {
			chomp = "+"
		} else {
			i--
			for s[i]&0xC0 == 0x80 {
				i--
			}
			if isBreak(s, i) {
				chomp = "+"
			}
		}
	}
	if chomp != "" {
		e.indicator(chomp, false, false, false)
	}
	e.putBreak()
	e.whitespace = true
}

func (e *Emitter) writeLiteral(s string) {
	e.indicator("|", true, false, false)
	e.blockHints(s)
	breaks := true
	for i := 0; i < len(s); {
		if isBreak(s, i) {
			i = e.writeBreak(s, i)
			breaks = true
			continue
		}
		if breaks {
			e.writeIndent()
			breaks = false
		}
		if j := run(s, i, maybeBreak); j > i {
			i = e.writeRun(s, i, j)
		} else {
			i = e.write(s, i)
		}
		e.indention = false
	}
}

// writeFolded is the emitter's folded writer; the width being unlimited,
// it folds no line of its own.
func (e *Emitter) writeFolded(s string) {
	e.indicator(">", true, false, false)
	e.blockHints(s)
	breaks, leadingSpaces := true, true
	for i := 0; i < len(s); {
		if isBreak(s, i) {
			if !breaks && !leadingSpaces && s[i] == '\n' {
				k := 0 // the emitter looks from the text's start, not from i
				for k < len(s) && isBreak(s, k) {
					k += max(width(s[k]), 1)
				}
				if !isBlankz(s, k) {
					e.putBreak()
				}
			}
			i = e.writeBreak(s, i)
			breaks = true
			continue
		}
		if breaks {
			e.writeIndent()
			leadingSpaces = s[i] == ' ' || s[i] == '\t'
		}
		if j := run(s, i, maybeBreak); j > i {
			i = e.writeRun(s, i, j)
		} else {
			i = e.write(s, i)
		}
		e.indention = false
		breaks = false
	}
}
