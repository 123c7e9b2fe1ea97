// Package gift reads and writes Moodle's GIFT format, so that a teacher can
// bring questions from Moodle into conflictq and take a bank back to Moodle.
//
// Parse reads GIFT as Moodle documents and reads it (docs.moodle.org, "GIFT
// format"; question/format/gift in Moodle's source). Questions are separated
// by blank lines; each construct becomes:
//
//	// comment                     dropped (but see the metadata below)
//	$CATEGORY: path/Name           tag "name" on the questions after it; the
//	                               first one's Name is the bank's title
//	::Title::                      the question's id, slugged (untitled: q1, q2… by position)
//	// [id:X] [tag:Y]              Moodle's idnumber (the id, over the title) and tags
//	[markdown] [plain] [moodle]    stripped
//	[html]                         stripped, and tags removed (warning)
//	{=right ~wrong ~%50%half}      single (any = answer): every = answer is
//	                               right, ~%n% earns n% (Credit)
//	{~%50%a ~%50%b ~%-50%c}        multi (no =): the positive weights are right;
//	                               the ticked answers' weights add up (Credit,
//	                               left nil for 100/k and −100/k, the default)
//	answer #feedback               "If you chose X: …" lines after the explanation
//	####general feedback           the explanation
//	{T} {TRUE} {F} {FALSE}         truefalse; {T#if wrong#if right} as feedback
//	{=a =b}, {=%50%c}, {=Grant*}   short, accepting every positive-weight answer
//	                               for its weight; * is Moodle's wildcard; exact
//	                               (no typo) unless "// typos: 1"
//	{#1994} {#4400:100} {#1..5}    numeric: value, value:tolerance, min..max
//	{#=1994 =%50%1995:1}           numeric: the first full-credit answer, the
//	                               others in Numbers with their weights
//	{=a -> b =c -> d}              match, any number of pairs; left items may share
//	                               a right side (= -> x, a distractor, is dropped
//	                               with a warning)
//	text {…} more text             missing word: the prompt shows _____ where the braces were
//	{} or {####model}              open, the general feedback as model answer
//	                               (else "(no model answer given)", warning)
//	text with no braces            info
//	\~ \= \# \{ \} \: \\ \n         escapes
//
// What GIFT cannot say, or conflictq cannot hold, is never dropped silently:
// Moodle's embedded answers (Cloze, {1:MULTICHOICE:…}) and unknown [format]
// prefixes are warnings with their line. Slips Moodle reads past are read
// past with a warning on their line: ~= (the empty answer is skipped), an
// answer given twice (offered once), a second answer block (kept as text),
// a title alone. Malformed input Moodle refuses too (an unclosed brace, a
// missing right answer, a number that is not one) is an error that names the
// line and what was expected. Every question Parse returns passes
// quiz.Question.Validate, and has its bank and first line set. The corpus
// test (corpus_test.go) checks this reading against Moodle's on 110 public
// files.
//
// Export writes a bank as GIFT, and Parse reads the export back to the same
// questions. Comments carry what GIFT has no place for (see applyMeta):
// citations, difficulty, tags, points, units, key points. An order question
// becomes a matching question (Position 1 -> first item, …) marked
// "// type: order", which Parse turns back into an order question; Export
// returns a note for each such approximation, for the caller to show.
package gift
