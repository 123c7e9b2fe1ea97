// Package quiz is conflictq's domain model: question banks and their
// questions, answer values and how they resolve against a question's options
// (Question.Resolve), the one question validator (Question.Validate), scoring,
// seeded selection and shuffling, a quiz's outcomes, and loading banks from
// YAML or, through Library, from other formats.
//
// The jobs built on the model live in packages of their own: quiz/sheet
// (answer sheets), quiz/session (the interactive quiz), quiz/report,
// quiz/grade, quiz/stats, quiz/htmlreport (the class page), quiz/marking
// (marking open answers in reports), quiz/history (a student's answers over
// time and their spaced review, scheduled by quiz/fsrs), and the formats
// quiz/gift, quiz/aiken, quiz/moodlexml, quiz/qti and quiz/worksheet, with
// quiz/export the one table of the formats a bank is exported in.
// quiz/text and quiz/fileio hold the helpers they share. Digest identifies a
// question's or a bank's version.
//
// None imports a CLI framework or a terminal library, so a teacher's own Go
// program can load a bank, run a session over its own Prompter, and write a
// report.
package quiz
