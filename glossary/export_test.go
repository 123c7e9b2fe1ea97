package glossary

// Distractors exposes the picker to the external tests, which run it over the
// embedded glossary (package assets imports this one).
func (g *Glossary) Distractors(e *Entry, n int) []*Entry { return g.distractors(e, n) }
