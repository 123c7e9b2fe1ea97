package jsonw

// IndentJSON appends src indented to dst, in one piece, as Indenter
// writes it. Only the tests use it, to compare the two.
func IndentJSON(dst, src []byte) []byte {
	var st indentState
	return st.append(dst, src)
}
