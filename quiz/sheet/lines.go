package sheet

import "bytes"

// YAML counts five line breaks, not one: LF, CR (CRLF is one break), NEL
// (U+0085), LS (U+2028) and PS (U+2029). The lines a parsed node names are
// counted so; a byte offset found from such a line must count them alike, or
// it lands on the wrong line of a sheet saved with CR-only line ends or with a
// U+2028 in an answer.

// breakLen is the length of the line break at data[i], or 0.
func breakLen(data []byte, i int) int {
	switch c := data[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(data) && data[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xC2 && i+1 < len(data) && data[i+1] == 0x85:
		return 2
	case c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9):
		return 3
	}
	return 0
}

// SplitLines splits data into its lines as YAML counts them, each with its
// line break; joined, they are data.
func SplitLines(data []byte) [][]byte {
	// Room for the LF lines at once (a sheet's 300 lines grew the slice
	// nine times); other breaks, rarer, grow it.
	out := make([][]byte, 0, bytes.Count(data, []byte{'\n'})+1)
	if onlyLF(data) {
		// Most files: no CR, NEL, LS or PS, so LF alone ends a line, found
		// a word at a time rather than a byte at a time (breakLen).
		for len(data) > 0 {
			n := bytes.IndexByte(data, '\n') + 1
			if n == 0 {
				n = len(data)
			}
			out = append(out, data[:n])
			data = data[n:]
		}
		return out
	}
	from := 0
	for i := 0; i < len(data); {
		if n := breakLen(data, i); n > 0 {
			out = append(out, data[from:i+n])
			i += n
			from = i
			continue
		}
		i++
	}
	if from < len(data) {
		out = append(out, data[from:])
	}
	return out
}

// onlyLF reports whether LF is the only line break in data.
func onlyLF(data []byte) bool {
	return bytes.IndexByte(data, '\r') < 0 && !softBreakIn(data)
}

// softBreakIn reports whether data holds a NEL, LS or PS.
func softBreakIn(data []byte) bool {
	return bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

// lineStart is the byte offset of a 1-based line of data, as YAML counts
// lines; len(data) past the last.
func lineStart(data []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		for {
			if off >= len(data) {
				return len(data)
			}
			if n := breakLen(data, off); n > 0 {
				off += n
				break
			}
			off++
		}
	}
	return off
}

// softBreaks returns data with the lines that begin after a NEL, LS or PS
// (text pasted from a PDF or a web page carries U+2028) indented enough to
// stay in the answer they break: YAML counts such a break as a line end, and
// the text after it, at the line's start, would end the answer and leave the
// whole sheet unreadable. need is the indent they get: the indent of the
// line the break ends, or two spaces more than it when that is a "key:" line
// (an answer on its id's line). Only indentation is added, so every line is
// where it was (the lines YAML names are the lines of data); data itself is
// returned when there is no such break.
func softBreaks(data []byte) []byte {
	if !softBreakIn(data) {
		return data // most sheets
	}
	lines := SplitLines(data)
	var out []byte
	for i, l := range lines {
		out = append(out, l...)
		if i+1 == len(lines) || bytes.HasSuffix(l, []byte("\n")) || bytes.HasSuffix(l, []byte("\r")) {
			continue
		}
		need := len(l) - len(bytes.TrimLeft(l, " "))
		if answerLine().Match(bytes.TrimRight(l, lineBreaks)) {
			need += 2
		} else if need == 0 {
			continue // a top-level line of no key: nothing to stay in
		}
		next := lines[i+1]
		if answerLine().MatchString(string(bytes.TrimRight(next, lineBreaks)) + " ") {
			continue // the next key: the break ends a line (a file saved with U+2028 line ends)
		}
		if have := len(next) - len(bytes.TrimLeft(next, " ")); have < need {
			out = append(out, bytes.Repeat([]byte(" "), need-have)...)
		}
	}
	return out
}

// lineBreaks is the characters of YAML's line breaks, to trim a line of
// SplitLines of its own.
const lineBreaks = "\r\n\u0085\u2028\u2029"
