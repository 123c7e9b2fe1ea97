package text

// IndentJSON appends src indented to dst, in one piece, as jsonIndenter
// writes it. Only the tests use it, to compare the two.
func IndentJSON(dst, src []byte) []byte {
	var st jsonIndent
	return st.append(dst, src)
}
