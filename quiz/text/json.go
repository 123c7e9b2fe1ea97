package text

import (
	"encoding/json"
	"io"

	"github.com/conflictq/conflictq/quiz/internal/jsonw"
)

// WriteJSON writes v as JSON indented by two spaces, with no HTML escaping,
// as an encoder with SetIndent("", "  ") and SetEscapeHTML(false) would, and
// a newline after it. It indents with jsonw.Indenter, the indenter the
// hand-written JSON files use (jsonw.WriteIndented).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(&jsonw.Indenter{W: w})
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
