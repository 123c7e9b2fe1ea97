// Package history keeps a student's answers over time and schedules their
// review.
//
// Every answered question is one JSON line in the student's history file
// (Record, written by Log). Lines are only ever appended, each in one write
// under an exclusive lock, so that two quizzes at once never interleave or
// tear lines; a crash leaves at most a torn last line, which Scan
// skips with a warning. The file is never rewritten in place.
//
// Replay replays a history with FSRS (package fsrs); For views the result
// through the banks as they are now: Due says what to review and in which
// order, NextDue when, and Summarize a student's progress by bank and tag.
// Each version of a question (quiz.Digest) has its own memory, so a question
// that changed since it was answered starts over.
//
// A state file beside the history caches the replay up to a line, so that a
// review reads only the lines since (Refresh keeps it up to date). It is
// replaced whole by rename and is never needed: without it every line is
// read.
package history
