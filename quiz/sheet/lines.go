package sheet

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
	var out [][]byte
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
