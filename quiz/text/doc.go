// Package text holds the text helpers that conflictq's packages share: folding
// for comparison (Normalize), edit distance and "did you mean" suggestions,
// numbers as people write and read them, wrapping, slugs and file names, and
// escaping for terminals, CSV and Markdown.
//
// It imports nothing of conflictq's own, so that every other package (the
// model, sheets, grading, the glossary) can use it without an import cycle.
package text
