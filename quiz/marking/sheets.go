package marking

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/fileio"
	"github.com/conflictq/conflictq/quiz/internal/jsonw"
	"github.com/conflictq/conflictq/quiz/internal/yamlemit"
	"github.com/conflictq/conflictq/quiz/internal/yamlnode"
	"github.com/conflictq/conflictq/quiz/sheet"
)

// A paper sheet (YAML or JSON) is marked as a report is, but what the student
// wrote is never rewritten: the marks go in a marks section that is appended
// to the file (or, when it has one, replaced), and every other byte stays as
// it was. The sheet reader (quiz/sheet) reads the section back and checks it
// as it checks any field; grade counts the marks as it counts a report's.

// isSheet reports whether a file is an answer sheet rather than a report.
func isSheet(file string, data []byte) bool {
	return fileio.FormatOf(file, "json", "jsonl") == "" || !sheet.IsReport(data)
}

// recent is the few sheets readMarked read last: mark reads a file to find
// the answer a CSV row names, checks that a mark can be added, reads it
// again to add the mark and to find its marks section, and reads what it
// wrote back to check it, which the next mark of that file reads again.
// Each read parsed the sheet's YAML: most of what marking cost (13 parses
// for a sheet's three marks; 7 with this; mark --from, which gives a
// sheet's marks in memory (batch), now 2).
var recent struct {
	sync.Mutex
	last [4]readResult // the newest first
}

// maxRemembered is the largest file readMarked keeps: a class's sheets are
// a few kilobytes, and a long one is read again rather than held.
const maxRemembered = 256 << 10

type readResult struct {
	file string
	data []byte
	s    *sheet.Sheet
	sec  sheet.MarksSection
	err  error
}

// readMarked is sheet.ReadMarked, reusing a result for the same file and
// bytes: sheet.ReadMarked is a function of them alone. The sheet returned
// is shared, and must not be changed. data is kept as it is, not copied
// (a 16 KB sheet was copied five times for three marks at the keyboard):
// it must not change after, and nothing in this package changes the bytes
// it read from a file or made (spliceMarks, jsonWithMarks: new slices).
func readMarked(file string, data []byte) (*sheet.Sheet, sheet.MarksSection, error) {
	recent.Lock()
	defer recent.Unlock()
	for i, r := range recent.last {
		if r.data != nil && r.file == file && bytes.Equal(r.data, data) {
			copy(recent.last[1:i+1], recent.last[:i])
			recent.last[0] = r
			return r.s, r.sec, r.err
		}
	}
	s, sec, err := parseMarked(file, data)
	if len(data) > maxRemembered {
		return s, sec, err
	}
	copy(recent.last[1:], recent.last[:])
	recent.last[0] = readResult{file, slices.Clip(data), s, sec, err}
	return s, sec, err
}

// parseMarked is sheet.ReadMarked; a variable only so that this package's
// tests can count the readings.
var parseMarked = sheet.ReadMarked

// readSheet is sheet.Read of a whole file's data, through readMarked.
func readSheet(file string, data []byte) (*sheet.Sheet, error) {
	s, _, err := readMarked(file, data)
	return s, err
}

// isLines reports whether a file holds a sheet per line, which cannot take a
// marks section.
func isLines(file string) bool { return fileio.FormatOf(file, "jsonl") != "" }

// ErrLines is returned for a JSON-lines file: one line per sheet has no room
// for a marks section.
var ErrLines = errors.New("its open answers cannot be marked in a JSON-lines file (a sheet per line); give each sheet its own .yaml or .json file to mark it")

// markedSheet returns a sheet's file with a mark set in its marks section,
// and the file's mode to write it with; the rest of the file is kept byte for
// byte, and the result is read back to make sure the student's answers read
// as before.
func markedSheet(file string, data []byte, id string, m quiz.Mark, most float64) ([]byte, fs.FileMode, error) {
	if isLines(file) {
		return nil, 0, fmt.Errorf("%s: %w", file, ErrLines)
	}
	s, err := readSheet(file, data)
	if err != nil {
		return nil, 0, err
	}
	if m, err = sheetMark(file, s, id, m, most); err != nil {
		return nil, 0, err
	}
	out, err := withMark(file, data, s, id, m)
	if err != nil {
		return nil, 0, err
	}
	perm, err := writablePerm(file)
	return out, perm, err
}

// sheetMark checks a mark of the answer to question id of sheet s, and ties
// it to that answer (tieTo).
func sheetMark(file string, s *sheet.Sheet, id string, m quiz.Mark, most float64) (quiz.Mark, error) {
	answer, ok := s.OpenAnswer(id) // as grade reads it, and mark showed it
	if !ok {
		return m, fmt.Errorf("%s: question %s: %w", file, id, ErrNotFound)
	}
	if err := tieTo(&m, answer); err != nil {
		return m, fmt.Errorf("%s: question %s: %w", file, id, err)
	}
	if err := quiz.CheckPoints(m.Points, most); err != nil {
		return m, fmt.Errorf("%s: question %s: %w", file, id, err)
	}
	return m, nil
}

// withMark returns the sheet's file with the mark of question id set, read
// back and checked.
func withMark(file string, data []byte, s *sheet.Sheet, id string, m quiz.Mark) ([]byte, error) {
	marks := setMark(s.Marks, id, m)
	var out []byte
	var err error
	if fileio.FormatOf(file, "json") != "" {
		out, err = jsonWithMarks(data, marks)
	} else {
		out, err = yamlWithMarks(file, data, marks)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, sameAnswers(file, s, out, marks)
}

// setMark returns marks with the mark of question id set: replaced where
// it is, or added at the end. marks is left as it was.
func setMark(marks []sheet.Mark, id string, m quiz.Mark) []sheet.Mark {
	marks = slices.Clone(marks)
	entry := sheet.Mark{ID: id, Mark: m}
	if i := slices.IndexFunc(marks, func(x sheet.Mark) bool { return x.ID == id }); i >= 0 {
		marks[i] = entry
	} else {
		marks = append(marks, entry)
	}
	return marks
}

// sameAnswers reads the marked sheet back: it must read, with the student's
// fields and answers exactly as before and the marks as meant. A sheet laid
// out so that a section cannot be added (one flow mapping, a document end
// marker) is refused rather than changed.
func sameAnswers(file string, before *sheet.Sheet, out []byte, marks []sheet.Mark) error {
	after, err := readSheet(file, out) // and kept: the next mark of the file reads it
	if err != nil {
		return fmt.Errorf("%s: %s", file, whyNoSection(file, out, err))
	}
	if !sameSheet(before, after) {
		return fmt.Errorf("%s: adding the marks section would change how the sheet reads, so it is not saved", file)
	}
	if len(after.Marks) != len(marks) {
		return fmt.Errorf("%s: the marks section does not read back as written, so it is not saved", file)
	}
	for i := range marks {
		a, b := after.Marks[i], marks[i]
		if a.ID != b.ID || a.Points != b.Points || a.Comment != b.Comment || a.Marker != b.Marker || !a.At.Equal(b.At) || a.Answer != b.Answer {
			return fmt.Errorf("%s: question %s: the mark does not read back as written, so it is not saved", file, b.ID)
		}
	}
	return nil
}

// sameSheet reports whether two readings of a sheet agree but for its marks,
// its problems and its lines: reflect.DeepEqual of the two with those
// cleared, one answer and one comment at a time rather than of copies of
// them (a 40-answer sheet's answers were copied twice a mark). Lines move
// only if the section moved: a section above an answer grows as marks are
// added, moving the answer's line and its pairs' lines (attack18 F2).
func sameSheet(a, b *sheet.Sheet) bool {
	rest := func(s *sheet.Sheet) sheet.Sheet {
		c := *s
		c.Marks, c.Problems, c.Line = nil, nil, 0
		c.Answers, c.Comments = nil, nil // compared below, as DeepEqual would: nil is not empty
		return c
	}
	if !reflect.DeepEqual(rest(a), rest(b)) ||
		len(a.Answers) != len(b.Answers) || (a.Answers == nil) != (b.Answers == nil) ||
		len(a.Comments) != len(b.Comments) || (a.Comments == nil) != (b.Comments == nil) {
		return false
	}
	x, y := new(sheet.Answer), new(sheet.Answer) // one pair, not two answers boxed for each
	for i := range a.Answers {
		*x, *y = a.Answers[i], b.Answers[i]
		x.Value.Line, x.Value.PairLines = 0, nil
		y.Value.Line, y.Value.PairLines = 0, nil
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	for i := range a.Comments {
		x, y := a.Comments[i], b.Comments[i]
		x.Line, y.Line = 0, 0
		if x != y {
			return false
		}
	}
	return true
}

// whyNoSection says why a sheet with its marks section added no longer
// reads (err), in words that fit the sheet: the cap on a YAML file's size,
// a document marker at its end, a sheet indented as a whole, or a layout
// that is not block style.
func whyNoSection(file string, out []byte, err error) string {
	if fileio.FormatOf(file, "json") == "" {
		if n := yamlnode.Items(out); n > yamlnode.MaxItems {
			return fmt.Sprintf("with its marks section the sheet would have %d lines and commas, more than the %d conflictq reads, so the mark is not saved; the sheet is too long to mark (split its answers over two sheets)", n, yamlnode.MaxItems)
		}
		var last, first string
		head := out // the sheet before its (last) marks section
		if i := bytes.LastIndex(out, []byte("\nmarks:")); i >= 0 {
			head = out[:i]
		}
		for _, l := range sheet.SplitLines(head) {
			t := strings.TrimRight(string(l), "\r\n\u0085\u2028\u2029")
			if tt := strings.TrimSpace(t); tt != "" && !strings.HasPrefix(tt, "#") {
				if first == "" {
					first = t
				}
				last = tt
			}
		}
		switch {
		case last == "---" || last == "...":
			return fmt.Sprintf("the sheet ends with a %s line (a YAML document marker), so a marks section after it would not be part of the sheet; delete that last %s line, then mark it", last, last)
		case strings.HasPrefix(first, " ") || strings.HasPrefix(first, "\t"):
			return "every line of the sheet is indented, so a marks section cannot be added after it; remove the indentation (student: at the start of its line), then mark it"
		}
	}
	return fmt.Sprintf("a marks section cannot be added to this sheet as it is laid out (%v); mark it with the sheet written in block style, one field per line", firstLine(err))
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// marksYAML is a sheet's marks section: "marks:" and, for each mark in
// order, its question's id and the mark's fields in a fixed order (points,
// and the comment, marker, time and answer hash each where it is set). It
// is written through yamlemit byte for byte as yaml's encoder (SetIndent(2))
// wrote the node tree it was built as: the id and the fields' text as
// strings (!!str), quoted where they would read back as another value, the
// points a plain number. Like the encoder, it refuses text that is not
// UTF-8 rather than write it as !!binary. TestMarksYAMLAsEncoder holds it
// to the encoder on every mark shape and on random and hostile marks.
func marksYAML(marks []sheet.Mark) ([]byte, error) {
	for _, m := range marks {
		for _, s := range [...]string{m.ID, m.Comment, m.Marker, m.Answer} {
			if !utf8.ValidString(s) {
				return nil, errNotUTF8
			}
		}
	}
	e := yamlemit.New(16 + 96*len(marks))
	e.BlockStart(false)
	e.Key("marks", "", yamlemit.Plain)
	if len(marks) == 0 {
		e.FlowStart(true) // an empty mapping: {}
		e.FlowEnd(true)
	} else {
		e.BlockStart(false)
		for _, m := range marks {
			e.Key(m.ID, "", yamlemit.NodeStyle(m.ID, "", true))
			markYAML(e, m)
		}
		e.BlockEnd()
	}
	e.BlockEnd()
	e.End()
	return e.Buf, nil
}

// errNotUTF8 is yaml's encoder's error, word for word, for a string (a
// !!str node) that is not UTF-8.
var errNotUTF8 = errors.New("yaml: cannot marshal invalid UTF-8 data as !!str")

// markYAML writes one mark's fields as a block mapping (marksYAML).
func markYAML(e *yamlemit.Emitter, m sheet.Mark) {
	str := func(k, v string) {
		e.Key(k, "", yamlemit.Plain)
		e.Scalar(v, "", yamlemit.NodeStyle(v, "", true), false)
	}
	e.BlockStart(false)
	e.Key("points", "", yamlemit.Plain)
	p := quizNum(m.Points)
	e.Scalar(p, "", yamlemit.NodeStyle(p, "", false), false)
	if m.Comment != "" {
		str("comment", m.Comment)
	}
	if m.Marker != "" {
		str("marker", m.Marker)
	}
	if !m.At.IsZero() {
		str("time", m.At.UTC().Format(time.RFC3339))
	}
	if m.Answer != "" {
		str("answer_sha256", m.Answer)
	}
	e.BlockEnd()
}

// quizNum is points as JSON writes them ("" for NaN and the infinities,
// which CheckPoints refuses before a mark is written).
func quizNum(p float64) string {
	b, _ := jsonw.AppendNumber(nil, p+0)
	return string(b)
}

// yamlWithMarks returns a YAML sheet with its marks section set to marks:
// the section replaced where it is, or appended at the end.
func yamlWithMarks(file string, data []byte, marks []sheet.Mark) ([]byte, error) {
	_, span, err := readMarked(file, data) // read before this: the section as found then
	if err != nil {
		span.Err = err
	}
	out, _, err := spliceMarks(data, span, marks)
	return out, err
}

// spliceMarks is yamlWithMarks of data whose marks section is span (as
// reading data finds it), and where the section is in the sheet returned:
// its key's line, to the line of the key after it or the end. mark --from
// gives a sheet's marks one after another in memory (batch) without reading
// each result again to find it.
func spliceMarks(data []byte, span sheet.MarksSection, marks []sheet.Mark) ([]byte, sheet.MarksSection, error) {
	section, err := marksYAML(marks)
	if err != nil {
		return nil, span, err
	}
	nl := []byte("\n")
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		// A CRLF sheet gets its section with CRLF too, not mixed line ends
		// (attack5 N7).
		nl = []byte("\r\n")
		section = bytes.ReplaceAll(section, []byte("\n"), nl)
	}

	if span.Err != nil {
		return nil, span, span.Err
	}
	start, end := span.Start, span.End
	if start < 0 { // no section yet: append one
		out := make([]byte, 0, len(data)+len(nl)+len(section))
		out = append(out, data...)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, nl...)
		}
		at := len(out)
		out = append(out, section...)
		return out, sheet.MarksSection{Start: at, End: len(out)}, nil
	}
	kept, err := commentLines(data[start:end])
	if err != nil {
		return nil, span, err
	}
	out := make([]byte, 0, len(data)+len(section))
	out = append(out, data[:start]...)
	out = append(out, section...)
	out = append(out, kept...)
	after := len(out) // the next key's line, or the end
	return append(out, data[end:]...), sheet.MarksSection{Start: start, End: after}, nil
}

// maxSectionComments bounds the comment lines looked for in a marks section:
// each is a parse of the section.
const maxSectionComments = 200

// commentLines returns the lines of a marks section that are not part of its
// marks: comments (a student's appeal written below the marks, a note under
// "marks: {}") and the blank lines after the last mark. They are kept, in
// order, below the new section; only the section's own lines are replaced.
// A line is the section's own when the section reads differently without it
// (a "# ..." line inside a teacher's multi-line comment is the comment's).
func commentLines(section []byte) ([]byte, error) {
	lines := sheet.SplitLines(section)
	var cands []int
	last := 0 // the last line that is neither blank nor a comment
	for i := 1; i < len(lines); i++ {
		t := bytes.TrimLeft(lines[i], " \t")
		switch {
		case len(bytes.TrimSpace(t)) == 0:
			cands = append(cands, i)
		case t[0] == '#':
			cands = append(cands, i)
		default:
			last = i
		}
	}
	hasComment := slices.ContainsFunc(cands, func(i int) bool { return len(bytes.TrimSpace(lines[i])) > 0 })
	if !hasComment {
		// Blank lines only: those after the last mark are kept.
		var out []byte
		for _, i := range cands {
			if i > last {
				out = append(out, lines[i]...)
			}
		}
		return out, nil
	}
	if len(cands) > maxSectionComments {
		return nil, fmt.Errorf("the marks section has %d comment and blank lines; move the comments out of it (above its marks: line) to mark this sheet", len(cands))
	}
	parse := func(b []byte) (any, bool) {
		var v any
		return v, yaml.Unmarshal(b, &v) == nil
	}
	whole, ok := parse(section)
	if !ok {
		return nil, fmt.Errorf("the marks section has comment lines that cannot be told apart from its marks; move them out of it (above its marks: line) to mark this sheet")
	}
	var out []byte
	for _, i := range cands {
		blank := len(bytes.TrimSpace(lines[i])) == 0
		if blank && i < last {
			continue // between the marks: the section's own spacing
		}
		without := bytes.Join(slices.Concat(lines[:i], lines[i+1:]), nil)
		if v, ok := parse(without); ok && reflect.DeepEqual(v, whole) {
			out = append(out, lines[i]...)
		}
	}
	if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n")) && !bytes.HasSuffix(out, []byte("\r")) {
		out = append(out, '\n') // the last line of the file had no break
	}
	return out, nil
}

// jsonWithMarks returns a JSON sheet with its marks member set to marks: the
// value replaced where it is, or a member added before the closing brace.
func jsonWithMarks(data []byte, marks []sheet.Mark) ([]byte, error) {
	type jm struct {
		Points  float64 `json:"points"`
		Comment string  `json:"comment,omitempty"`
		Marker  string  `json:"marker,omitempty"`
		Time    string  `json:"time,omitempty"`
		Answer  string  `json:"answer_sha256,omitempty"`
	}
	var val bytes.Buffer
	val.WriteString("{")
	for i, m := range marks {
		if i > 0 {
			val.WriteString(",")
		}
		k, _ := marshalNoEscape(m.ID)
		e := jm{Points: m.Points + 0, Comment: m.Comment, Marker: m.Marker, Answer: m.Answer}
		if !m.At.IsZero() {
			e.Time = m.At.UTC().Format(time.RFC3339)
		}
		v, err := marshalNoEscape(e)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&val, "\n    %s: %s", k, v)
	}
	val.WriteString("\n  }")

	if body, ok := bytes.CutPrefix(data, []byte("\ufeff")); ok {
		// A byte order mark (Notepad's) stays where it is.
		out, err := jsonWithMarks(body, marks)
		return append([]byte("\ufeff"), out...), err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		afterKey := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if t != "marks" {
			continue
		}
		end := int(dec.InputOffset())
		colon := bytes.IndexByte(data[afterKey:end], ':')
		if colon < 0 {
			return nil, fmt.Errorf("marks: no value")
		}
		vstart := afterKey + colon + 1
		for vstart < end && strings.ContainsRune(" \t\r\n", rune(data[vstart])) {
			vstart++
		}
		out := make([]byte, 0, len(data)+val.Len())
		out = append(out, data[:vstart]...)
		out = append(out, val.Bytes()...)
		return append(out, data[end:]...), nil
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, err
	}
	closing := int(dec.InputOffset()) - 1
	body := bytes.TrimRight(data[:closing], " \t\r\n")
	sep := ",\n  "
	if len(body) > 0 && body[len(body)-1] == '{' {
		sep = "\n  "
	}
	out := make([]byte, 0, len(data)+val.Len()+16)
	out = append(out, body...)
	out = append(out, sep...)
	out = append(out, `"marks": `...)
	out = append(out, val.Bytes()...)
	out = append(out, '\n')
	return append(out, data[closing:]...), nil
}
