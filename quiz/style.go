package quiz

// Style decides how text is emphasised on the student's screen. The zero value
// adds no escape codes, as wanted for pipes, files and NO_COLOR.
type Style struct {
	Color bool
}

func (s Style) wrap(code, text string) string {
	if !s.Color || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Bold emphasises headings.
func (s Style) Bold(text string) string { return s.wrap("1", text) }

// Good marks a right answer.
func (s Style) Good(text string) string { return s.wrap("32", text) }

// Bad marks a wrong answer.
func (s Style) Bad(text string) string { return s.wrap("31", text) }

// Dim marks secondary text such as citations.
func (s Style) Dim(text string) string { return s.wrap("2", text) }
