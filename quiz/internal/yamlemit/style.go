package yamlemit

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text is the text the encoder writes for v and its tag: v itself, or for
// text that is not UTF-8 its base64 under a !!binary tag.
func Text(v string) (s, tag string) {
	if !utf8.ValidString(v) {
		return Base64(v), "!!binary"
	}
	return v, ""
}

// StringStyle is the style the encoder asks for a Go string written as s
// with tag (Text): a literal block for text on several lines, else plain
// where s reads back as the same string (for YAML 1.1 readers too), else
// double quotes.
func StringStyle(s, tag string) Style {
	switch {
	case strings.Contains(s, "\n"):
		return Literal
	case tag != "" || plainIsString(s):
		return Plain
	}
	return Double
}

// NodeStyle is the style the encoder asks for a yaml.Node scalar written as
// s with tag (Text) that has no style of its own: one tagged !!str (str)
// in double quotes where s would not read back as a string, else (and for a
// node without a tag) plain, or a literal block for text on several lines.
func NodeStyle(s, tag string, str bool) Style {
	switch {
	case strings.Contains(s, "\n"):
		return Literal
	case str && tag == "" && !resolvesAsString(s):
		return Double
	}
	return Plain
}

// Float is f as yaml's encoder writes a float64: the shortest form that
// reads back as f, and .inf, -.inf and .nan.
func Float(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	case math.IsNaN(f):
		return ".nan"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
