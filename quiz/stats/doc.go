// Package stats computes class statistics over graded sheets as Moodle's quiz
// statistics report does (facility, discrimination, Cronbach's alpha...), as a
// stream whose memory does not grow with the number of students, and writes
// them as text, Markdown, CSV or JSON. Sums from shards of a batch merge.
package stats
