package yamlnode

import "go.yaml.in/yaml/v3"

// Decoded is one parse of a YAML text: its tree, the line of a second
// document and the error.
type Decoded struct {
	Doc    yaml.Node
	Second int
	Err    error
}

// Decode is the parse Parse makes of data; with always, comments are cut
// whatever share of data they are. Cut says the copy without comments'
// text gave the tree.
func Decode(data []byte, always bool) (d Decoded, cut bool) {
	share := 8
	if always {
		share = 0
	}
	d.Second, cut, d.Err = decodeCutting(data, &d.Doc, share)
	return d, cut
}

// Uncut is the parse of data as written, as Parse made it before comments
// were cut: the oracle.
func Uncut(data []byte) (d Decoded) {
	d.Second, _, d.Err = safeDecode(data, &d.Doc)
	return d
}

// CutUnseen is cutUnseen, for its own test.
func CutUnseen(n *yaml.Node) bool { return cutUnseen(n) }

// ASCIIText is asciiText, for its own test.
func ASCIIText(w uint64) bool { return asciiText(w) }

// Fast is fastDecode's parse of data; ok says it took data.
func Fast(data []byte) (d Decoded, ok bool) {
	ok = fastDecode(data, &d.Doc)
	return d, ok
}

// PlainTag is plainTag, for its own test.
func PlainTag(s string) string { return plainTag(s) }
