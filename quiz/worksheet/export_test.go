package worksheet

import (
	"io"

	"github.com/conflictq/conflictq/quiz"
)

// Markdown writes b as a printable worksheet with its key after the
// questions, as bank export --format markdown does. Only the tests use it.
func Markdown(w io.Writer, b *quiz.Bank) error {
	return Write(w, b, Paper{Key: KeyAfter})
}
