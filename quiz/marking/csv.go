package marking

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

// Entry is one mark read from a spreadsheet.
type Entry struct {
	File    string
	Student string // the student column, checked against the report's
	ID      string // the question's id (the mark column's name)
	Points  float64
	Comment string
	Line    int // the row's line in the CSV
}

// The columns beside an open question's mark column in conflictq grade's CSV
// (quiz/grade's CSVAnswerSuffix and CSVCommentSuffix).
const (
	answerSuffix  = ":answer"
	commentSuffix = ":comment"
)

// ReadCSV reads marks from conflictq grade --format csv, filled in by a
// teacher: for each row, the report (file column) and, for each open question
// (a column X beside an X:answer column), the points in X and the comment in
// X:comment. Empty mark cells are left unmarked. Cells that are not points are
// problems naming the line and column; the rest are still read.
func ReadCSV(name string, r io.Reader) ([]Entry, []quiz.Problem) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, []quiz.Problem{{File: name, Line: 1, Msg: "not a CSV with a header row: " + err.Error()}}
	}
	col := map[string]int{}
	for i, h := range header {
		col[text.CSVUnsafe(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	fileCol, ok := col["file"]
	if !ok {
		return nil, []quiz.Problem{{File: name, Line: 1, Field: "file", Msg: "no file column: give conflictq grade --format csv's output, with the marks filled in"}}
	}
	var open []string
	for h := range col {
		if id, ok := strings.CutSuffix(h, answerSuffix); ok {
			if _, has := col[id]; has {
				open = append(open, id)
			}
		}
	}
	if len(open) == 0 {
		return nil, []quiz.Problem{{File: name, Line: 1, Msg: "no open questions' mark columns (a column X beside X:answer)"}}
	}
	sort.Strings(open)
	var out []Entry
	var probs []quiz.Problem
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			probs = append(probs, quiz.Problem{File: name, Line: line, Msg: err.Error()})
			continue
		}
		cell := func(i int) string {
			if i < len(rec) {
				return strings.TrimSpace(text.CSVUnsafe(rec[i]))
			}
			return ""
		}
		file := cell(fileCol)
		student := ""
		if i, ok := col["student"]; ok {
			student = cell(i)
		}
		for _, id := range open {
			v := cell(col[id])
			if v == "" {
				continue
			}
			p, err := text.ParseNumber(strings.Replace(v, ",", ".", 1))
			if err != nil {
				probs = append(probs, quiz.Problem{File: name, Line: line, Question: id,
					Msg: fmt.Sprintf("%q is not a number of points", v)})
				continue
			}
			if file == "" {
				probs = append(probs, quiz.Problem{File: name, Line: line, Field: "file", Msg: "no report named in the file column"})
				break
			}
			c := ""
			if ci, ok := col[id+commentSuffix]; ok {
				c = cell(ci)
			}
			out = append(out, Entry{File: file, Student: student, ID: id, Points: p, Comment: c, Line: line})
		}
	}
	return out, probs
}
