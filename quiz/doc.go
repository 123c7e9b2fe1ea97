// Package quiz is conflictq's domain library: the question-bank model, loading and
// validation of YAML banks, answer normalisation and scoring, seeded selection and
// shuffling, the interactive quiz session (driven through the Prompter interface) and
// score reports.
//
// It imports no CLI framework and no terminal library, so a teacher's own Go program
// can load a bank, run a session over its own Prompter, and write a report.
package quiz
