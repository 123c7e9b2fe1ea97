package yamlnode

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz/internal/ascii8"
)

// decode is safeDecode of data: by fastDecode when data is the plain block
// YAML of a sheet (fastdoc.go), else parsed first without the text of its
// full-line comments, which no reader uses: an answer sheet is mostly its
// questions, written as comments, and the YAML parser copies a comment a
// character at a time (57% of its time on a 40-question sheet).
//
// The copy (commentCuts, cutText) keeps every line, and every character of
// a line up to and with its '#', so that the parser meets the same
// characters at the same lines and columns up to the first cut '#', in the
// same state (but for where the parser's buffer starts, which matters only
// to a byte order mark past the start: commentCuts leaves such a text
// whole). A '#' first on its line (after spaces) either starts a
// comment, read alike to the line's end in both texts (and in both the
// state after it is the same again), or is text of a block or quoted
// scalar, which then holds a '#' (a plain scalar and a flow collection end
// at it). So the copy's tree is the tree of data, but for the text of head
// and foot comments, which nothing reads, when no block or quoted scalar
// in it holds a '#', no line comment holds a cut comment (yaml.v3 never
// puts one there: a guard), and the parser read the copy to its end
// without an error (its reader decodes ahead by a different amount in the
// two texts, so a parse that stops early, at an empty second document,
// could meet a character it refuses in one and not in the other). Otherwise data is parsed as written, so that errors and
// anything unusual come from the text as written. comments_test.go checks
// this on every YAML file of the repository, every file conflictq writes,
// hostile texts and random mutations of sheets (and FuzzCutComments).
func decode(data []byte, out *yaml.Node, a *Arena) (second int, err error) {
	if fastDecode(data, out, a) {
		return 0, nil // the plain block YAML of a sheet: fastdoc.go
	}
	second, _, err = decodeCutting(data, out, 8)
	return second, err
}

// decodeCutting is decode, cutting comments when their text is at least a
// share-th of data (so that the copy and the check pay for themselves), or
// always with share 0 (for the tests); cut says the copy gave the tree.
func decodeCutting(data []byte, out *yaml.Node, share int) (second int, cut bool, err error) {
	if cuts, saved := commentCuts(data); saved > 0 && (share == 0 || saved*share >= len(data)) && decodeCut(cutText(data, cuts, saved), out) {
		return 0, true, nil
	}
	second, _, err = safeDecode(data, out)
	return second, false, err
}

// decodeCut parses cut, data with comments cut, into out and reports whether
// its tree is the tree of the text as written but for head and foot
// comments; if not, out is left as it was.
func decodeCut(cut []byte, out *yaml.Node) bool {
	var doc yaml.Node
	if second, end, err := safeDecode(cut, &doc); err != nil || second != 0 || !end || !cutUnseen(&doc) {
		return false
	}
	*out = doc
	return true
}

// commentCuts finds each full-line comment (spaces, then '#') of data: the
// text after its '#', as pairs of start and end, and their length in all. A
// line whose comment holds a character the YAML reader refuses or reads as
// a line break is kept whole, so that the copy is refused where data is and
// has the same lines.
func commentCuts(data []byte) (cuts []int, saved int) {
	if bytes.IndexByte(data, '#') < 0 {
		return nil, 0 // no comment: a bank, most often, not looked at line by line
	}
	if len(data) >= 2 && (data[0] == 0xFE && data[1] == 0xFF || data[0] == 0xFF && data[1] == 0xFE) {
		return nil, 0 // UTF-16, which the reader decodes first
	}
	if bytes.Contains(bytes.TrimPrefix(data, []byte(bom)), []byte(bom)) {
		// A byte order mark after the first: the scanner skips a
		// character at a line's start when its buffer begins with one
		// (yaml.v3's is_bom looks at the buffer's start, not at the
		// character), so where its buffer starts, which cutting moves,
		// would change what it reads.
		return nil, 0
	}
	// Room at once for a cut at every '#' (at most one a line is cut): an
	// answer sheet's 224 comment lines grew the slice ten times, 8 KB a
	// sheet where 3.5 KB is kept.
	cuts = make([]int, 0, 2*bytes.Count(data, []byte{'#'}))
	for start := 0; start < len(data); {
		end := len(data)
		if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
			end = start + i
		}
		i := start
		for i < end && data[i] == ' ' {
			i++
		}
		if i < end && data[i] == '#' {
			stop := end
			if end < len(data) && stop > i+1 && data[stop-1] == '\r' {
				stop-- // a CRLF line keeps its CR: the same line break
			}
			if stop > i+1 && plainComment(data[i+1:stop]) {
				cuts = append(cuts, i+1, stop)
				saved += stop - i - 1
			}
		}
		start = end + 1
	}
	return cuts, saved
}

// cutText is data without the text of cuts (from commentCuts).
func cutText(data []byte, cuts []int, saved int) []byte {
	out := make([]byte, 0, len(data)-saved)
	from := 0
	for k := 0; k < len(cuts); k += 2 {
		out = append(out, data[from:cuts[k]]...)
		from = cuts[k+1]
	}
	return append(out, data[from:]...)
}

const bom = "\uFEFF"

// plainComment reports whether YAML's reader takes every character of b as
// a printable character of a comment: no control character, no invalid
// UTF-8, no line break but '\n' (a CR alone, NEL, U+2028, U+2029 end a
// comment in YAML 1.1).
func plainComment(b []byte) bool { return printable(b, '\t', true) }

// printable reports whether every character of b is one YAML's reader takes
// as printable (ASCII 0x20 to 0x7E, and from U+00A0 on but surrogates,
// U+FFFE and U+FFFF), or the byte extra, and none is a line break of YAML
// 1.1 (NEL, U+2028, U+2029) or invalid UTF-8; a byte order mark (U+FEFF)
// only when bom is set.
func printable(b []byte, extra byte, bom bool) bool {
	for i := 0; i < len(b); {
		if i+8 <= len(b) {
			m := notText(ascii8.LoadBytes(b[i : i+8]))
			if m == 0 {
				i += 8 // most text: eight printable ASCII characters at a time
				continue
			}
			// The bytes before the first one flagged are printable
			// ASCII: that byte is the one to look at alone. (Moving on
			// a byte at a time, the eight were tested again, one
			// further each, up to every line break: a sheet's text was
			// looked at about twice.)
			i += bits.TrailingZeros64(m) >> 3
		}
		c := b[i]
		if c >= 0x20 && c < 0x7F || c == extra {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1, r == 0x85, r == 0x2028, r == 0x2029, r == 0xFEFF && !bom:
			return false
		case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return false
		}
		i += size
	}
	return true
}

// notText flags the bytes of w that are not printable ASCII (0x20 to
// 0x7E), as ascii8 tests eight bytes: zero when each byte is, else its
// lowest flag is in the first byte that is not.
func notText(w uint64) uint64 {
	return ascii8.Flags(ascii8.Below(w, 0x20) | ascii8.Is(w, 0x7f) | w)
}

// cutUnseen reports whether no scalar of n's tree can hold a cut comment's
// '#' (only a block or quoted scalar can hold a '#' first on a line) and no
// line comment holds a cut comment (a line that is "#" alone).
func cutUnseen(n *yaml.Node) bool {
	const held = yaml.LiteralStyle | yaml.FoldedStyle | yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle
	if n.Kind == yaml.ScalarNode && n.Style&held != 0 && strings.IndexByte(n.Value, '#') >= 0 {
		return false
	}
	if c := n.LineComment; c == "#" || strings.HasPrefix(c, "#\n") || strings.HasSuffix(c, "\n#") || strings.Contains(c, "\n#\n") {
		return false
	}
	for _, c := range n.Content {
		if !cutUnseen(c) {
			return false
		}
	}
	return true
}
