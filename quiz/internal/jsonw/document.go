package jsonw

// Doc is an indented JSON document written as it goes, laid out as
// Indenter lays out compact JSON (two spaces a level, each member and
// element on a line of its own, an empty object or list as {} or []), for
// a writer that knows its document's shape: it writes in one pass what
// writing compact JSON and indenting it read twice (a quiz's report). A
// small value of many shapes is best written compact and placed with
// Value. TestReportJSONAsEncodingJSON (quiz/report) holds a Doc's layout
// to encoding/json's MarshalIndent.
type Doc struct {
	B     []byte // the document so far
	depth int    // levels of indentation
	empty bool   // no member yet in the innermost object or list
}

// Open starts an object ('{') or a list ('[').
func (d *Doc) Open(c byte) {
	d.B = append(d.B, c)
	d.depth++
	d.empty = true
}

// Close ends the innermost object ('}') or list (']'): on a line of its
// own unless it is empty.
func (d *Doc) Close(c byte) {
	d.depth--
	if !d.empty {
		d.B = appendNewline(d.B, d.depth)
	}
	d.B = append(d.B, c)
	d.empty = false
}

// Item starts a list's next element, or an object's next member.
func (d *Doc) Item() {
	if !d.empty {
		d.B = append(d.B, ',')
	}
	d.empty = false
	d.B = appendNewline(d.B, d.depth)
}

// Key starts an object's next member; name needs no escaping.
func (d *Doc) Key(name string) {
	d.Item()
	d.B = append(append(append(d.B, '"'), name...), '"', ':', ' ')
}

// Value writes the compact JSON value p where the document stands,
// indented as Indenter would indent it there.
func (d *Doc) Value(p []byte) {
	d.B = AppendIndented(d.B, d.depth, p)
}

// appendNewline starts a line at depth levels of indentation: the one
// layout of Indenter and Doc.
func appendNewline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}
