// Package history keeps a student's answers over time and schedules their
// review.
//
// Every answered question is one JSON line in the student's history file
// (Record). Lines are only ever appended, each in one write under an
// exclusive lock, so that two quizzes at once never interleave or tear
// lines; a crash leaves at most a torn last line, which Load skips with a
// warning. The file is never rewritten in place.
//
// Schedule replays a history with FSRS (package fsrs) to say which questions
// are due, and Summarize turns it into a student's progress by bank and tag.
package history
