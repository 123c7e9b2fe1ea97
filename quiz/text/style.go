package text

// Style emphasises text for a screen. The command line's IO layer decides
// whether colour is wanted and supplies one (iostreams.ColorScheme); the
// libraries only name what they emphasise. Plain adds nothing, as pipes,
// files and NO_COLOR want.
type Style interface {
	Bold(string) string // headings
	Good(string) string // a right answer
	Bad(string) string  // a wrong answer
	Dim(string) string  // secondary text such as citations
	Mark(string) string // what a search matched
}

// Plain is the Style that adds no escape codes.
var Plain Style = plain{}

type plain struct{}

func (plain) Bold(s string) string { return s }
func (plain) Good(s string) string { return s }
func (plain) Bad(s string) string  { return s }
func (plain) Dim(s string) string  { return s }
func (plain) Mark(s string) string { return s }

// Or returns s, or Plain when s is nil, so that a zero Session or Layout
// prints without colour.
func Or(s Style) Style {
	if s == nil {
		return Plain
	}
	return s
}
