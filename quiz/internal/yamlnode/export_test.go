package yamlnode

import (
	"reflect"

	"go.yaml.in/yaml/v3"
)

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

// NotText is notText, for its own test.
func NotText(w uint64) uint64 { return notText(w) }

// Fast is fastDecode's parse of data; ok says it took data. Every fast test
// reads each text twice: into new storage, and into one Arena that the
// tests' texts (hundreds, of every size) are read into one after another;
// the two must be the same tree (ArenaDiffers).
func Fast(data []byte) (d Decoded, ok bool) {
	ok = fastDecode(data, &d.Doc, nil)
	var again yaml.Node
	if ok2 := fastDecode(data, &again, &testArena); ok2 != ok || ok && !reflect.DeepEqual(d.Doc, again) {
		ArenaDiffers = append(ArenaDiffers, string(data))
	}
	return d, ok
}

// testArena is the one Arena every Fast reads into.
var testArena Arena

// ArenaDiffers are the texts Fast read to another tree in testArena than in
// new storage, or took in one and not the other.
var ArenaDiffers []string

// PlainTag is plainTag, for its own test.
func PlainTag(s string) string { return plainTag(s) }
