package jsonw

import (
	"bytes"
	"io"
)

// WriteIndented writes compact JSON (as the Append functions build it)
// indented as text.WriteJSON indents what encoding/json writes, and a newline:
// the hand-written files that text.WriteJSON wrote keep its bytes.
func WriteIndented(w io.Writer, compact []byte) error {
	if _, err := (&Indenter{W: w}).Write(compact); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Indenter is an io.Writer that indents JSON as encoding/json writes it
// compactly, as json.Indent(dst, src, "", "  ") would indent it, and writes
// it on to W a chunk at a time, so that a large document is never held twice,
// compact and indented. It is json.Indent without its validating scanner,
// several times faster, for JSON that encoding/json has just written:
// encoding/json's indenting was half the time of bank export (a bank export
// is 100 KB).
type Indenter struct {
	W   io.Writer
	st  indentState
	buf []byte
}

func (j *Indenter) Write(p []byte) (int, error) {
	const chunk = 16 << 10
	if j.buf == nil { // room for the indented chunk: a small document needs no more
		j.buf = make([]byte, 0, min(2*chunk, 2*len(p)+64))
	}
	for off := 0; off < len(p); off += chunk {
		j.buf = j.st.append(j.buf[:0], p[off:min(off+chunk, len(p))])
		if _, err := j.W.Write(j.buf); err != nil {
			return off, err
		}
	}
	return len(p), nil
}

// AppendIndented appends the compact JSON value p indented as Indenter
// indents it where it stands depth levels deep in a document (its own
// lines one level deeper, its closing bracket at depth): for a writer that
// writes an indented document itself and a small value of many shapes
// compact, as a report writes a student's answer.
func AppendIndented(dst []byte, depth int, p []byte) []byte {
	st := indentState{depth: depth}
	return st.append(dst, p)
}

// plainRun is how many bytes of p, up to plainWindow, come before its first
// quote or backslash: two searches for a byte, which run many bytes a step,
// where a loop over the bytes asking for both took most of indenting a
// report. The window keeps a string of many escapes linear: each escape
// searches on from itself, never further than plainWindow.
func plainRun(p []byte) int {
	p = p[:min(len(p), plainWindow)]
	n := bytes.IndexByte(p, '"')
	if n < 0 {
		n = len(p)
	}
	if k := bytes.IndexByte(p[:n], '\\'); k >= 0 {
		n = k
	}
	return n
}

const plainWindow = 512

// indentState is Indenter's state between chunks of one document.
type indentState struct {
	depth                     int
	inString, escaped, opened bool
}

func (st *indentState) append(dst, src []byte) []byte {
	depth, inString, escaped, opened := st.depth, st.inString, st.escaped, st.opened
	defer func() { st.depth, st.inString, st.escaped, st.opened = depth, inString, escaped, opened }()
	newline := func() { dst = appendNewline(dst, depth) }
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			// Copy the string's plain run in one append: most of a bank
			// export is text inside strings.
			j := i + plainRun(src[i:])
			if j > i && !escaped {
				dst = append(dst, src[i:j]...)
				i = j - 1
				continue
			}
			dst = append(dst, c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		if opened { // after { or [: a newline, unless it is empty
			opened = false
			if c == '}' || c == ']' {
				dst = append(dst, c)
				continue
			}
			depth++
			newline()
		}
		switch c {
		case '"':
			inString = true
			dst = append(dst, c)
		case '{', '[':
			opened = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
