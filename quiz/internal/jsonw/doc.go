// Package jsonw writes JSON by hand: the files conflictq writes often
// (progress --json, grade --sums, grade --format json and gradescope, a quiz's
// JSON report, a class summary) append their members with these functions
// rather than set up encoding/json's reflection again in every run, and
// Indenter indents JSON without json.Indent's validating pass. Each is held
// to encoding/json's bytes by a test beside it. It is internal because it is a
// speed path, not an API: text.WriteJSON is the public way to write indented
// JSON, and it indents with Indenter.
package jsonw

// Option changes what the Append functions write.
type Option int

// EscapeHTML has AppendString escape <, > and & as \u003c, \u003e and \u0026,
// as encoding/json does by default: for a file whose readers have always had
// it so (Gradescope's results.json).
const EscapeHTML Option = 1
