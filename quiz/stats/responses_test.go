package stats_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/grade"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
	"github.com/conflictq/conflictq/quiz/sheet"
	. "github.com/conflictq/conflictq/quiz/stats"
	"github.com/conflictq/conflictq/quiz/text"
)

// responsesOf grades sheets on the sample bank and counts their responses.
func responsesOf(t *testing.T, sheets ...string) []QuestionResponses {
	t.Helper()
	g := &grade.Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	rs := NewResponses()
	for i, s := range sheets {
		sh, err := sheet.Read("s.jsonl", i+1, []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		r, err := g.Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		rs.Add(r.Outcomes)
	}
	return rs.Summary()
}

func byID(rs []QuestionResponses, id string) QuestionResponses {
	for _, r := range rs {
		if r.ID == "sample/"+id {
			return r
		}
	}
	return QuestionResponses{}
}

func counts(qr QuestionResponses) string {
	var parts []string
	for _, a := range qr.Answers {
		mark := ""
		if a.Correct {
			mark = "*"
		}
		parts = append(parts, mark+a.Answer+"="+text.FormatNum(float64(a.Count)))
	}
	return strings.Join(parts, " ")
}

func TestResponsesCountEachAnswer(t *testing.T) {
	rs := responsesOf(t,
		`{"answers":{"capital":"Baku","seas":["Black Sea","Red Sea"],"independence":true,"town":"Shusha","ceasefire-year":"1,993","ussr":"a union"}}`,
		`{"answers":{"capital":"Yerevan","seas":["Black Sea","Caspian Sea"],"independence":false,"town":"shusha!","ceasefire-year":"1993"}}`,
		`{"answers":{"capital":"Baku","town":"Xocali","ceasefire-year":"1994","sequence":[2,1,3,4]}}`,
	)
	tests := []struct{ id, want string }{
		{"capital", "*Baku=2 Yerevan=1 Tbilisi=0 Ganja=0"},
		{"seas", "*Black Sea=2 *Caspian Sea=1 Aral Sea=0 Red Sea=1"},
		{"independence", "*True=1 False=1"},
		{"town", "*Khojaly / Xocalı / Khojali=1 Shusha=2"}, // "shusha!" is the same answer
		{"ceasefire-year", "*1994=1 1,993=2"},              // 1,993 and 1993 are one number
		{"sequence", "*USSR founded → Oblast created → Independence → Ceasefire=0 Oblast created → USSR founded → Independence → Ceasefire=1"},
		{"ussr", ""},
	}
	for _, tt := range tests {
		qr := byID(rs, tt.id)
		if got := counts(qr); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.id, got, tt.want)
		}
	}
	if qr := byID(rs, "seas"); qr.Students != 3 || qr.Unanswered != 1 || qr.Right != 1 {
		t.Errorf("seas: %d students, %d unanswered, %d right; want 3, 1, 1", qr.Students, qr.Unanswered, qr.Right)
	}
	if qr := byID(rs, "ussr"); qr.Type != quiz.Open || qr.Unanswered != 2 {
		t.Errorf("ussr: %+v", qr)
	}
}

func TestResponsesListTheMostCommonWrongAnswers(t *testing.T) {
	var sheets []string
	for _, town := range []string{"a", "b", "b", "c", "c", "c", "d", "e", "f", "g", "g"} {
		sheets = append(sheets, `{"answers":{"town":"`+town+`"}}`)
	}
	qr := byID(responsesOf(t, sheets...), "town")
	if got := counts(qr); got != "*Khojaly / Xocalı / Khojali=0 c=3 b=2 g=2 a=1 d=1" || qr.OtherWrong != 2 {
		t.Errorf("town: %s, other %d", got, qr.OtherWrong)
	}
}

func TestSummaryWritersCarryResponses(t *testing.T) {
	s := New([]string{"sample/capital"}, []float64{1})
	s.Add([]float64{1})
	sum := s.Summary(30)
	sum.Responses = []QuestionResponses{{ID: "sample/capital", Type: quiz.Single, Students: 2, Unanswered: 1, Right: 1,
		Answers: []AnswerCount{{"Baku", 1, true}, {"=cmd|x", 0, false}}}}
	var csv, md, js bytes.Buffer
	sum.WriteCSV(&csv)
	sum.WriteMarkdown(&md)
	sum.WriteJSON(&js)
	if !strings.Contains(csv.String(), ",responses\n") || !strings.Contains(csv.String(), "✓ Baku: 1; =cmd|x: 0; no answer: 1") {
		t.Errorf("CSV:\n%s", csv.String())
	}
	if !strings.Contains(md.String(), "## Responses") || !strings.Contains(md.String(), "| Baku | 1 | ✓ |") || !strings.Contains(md.String(), `=cmd\|x`) {
		t.Errorf("Markdown:\n%s", md.String())
	}
	if !strings.Contains(js.String(), `"responses": [`) || !strings.Contains(js.String(), `"answer": "Baku"`) {
		t.Errorf("JSON:\n%s", js.String())
	}
}

// An answer that cannot be read is counted as unreadable, as the student
// wrote it, never as no answer, in every summary format (test11 P5).
func TestResponsesCountUnreadableApart(t *testing.T) {
	rs := responsesOf(t,
		`{"answers":{"capital":"613 civillians","independence":"ture"}}`,
		`{"answers":{"capital":"613 civillians","independence":true}}`,
		`{"answers":{"capital":"Baku"}}`,
	)
	capital, indep := byID(rs, "capital"), byID(rs, "independence")
	if capital.Unreadable != 2 || capital.Unanswered != 0 || len(capital.UnreadableAnswers) != 1 || capital.UnreadableAnswers[0].Answer != "613 civillians" {
		t.Errorf("capital: %d unreadable %v, %d unanswered; want 2 as written, 0", capital.Unreadable, capital.UnreadableAnswers, capital.Unanswered)
	}
	if indep.Unreadable != 1 || indep.Unanswered != 1 {
		t.Errorf("independence: %d unreadable, %d unanswered; want 1 and 1", indep.Unreadable, indep.Unanswered)
	}
	s := New([]string{"sample/capital"}, []float64{1})
	s.Add([]float64{1})
	sum := s.Summary(30)
	sum.Responses = []QuestionResponses{capital}
	var csv, md, js bytes.Buffer
	sum.WriteCSV(&csv)
	sum.WriteMarkdown(&md)
	sum.WriteJSON(&js)
	if !strings.Contains(csv.String(), "unreadable: 2 (“613 civillians” 2)") || strings.Contains(csv.String(), "no answer") {
		t.Errorf("CSV:\n%s", csv.String())
	}
	if !strings.Contains(md.String(), "| _unreadable:_ “613 civillians” 2 | 2 | |") {
		t.Errorf("Markdown:\n%s", md.String())
	}
	if !strings.Contains(js.String(), `"unreadable": 2`) || !strings.Contains(js.String(), `"unanswered": 0`) {
		t.Errorf("JSON:\n%s", js.String())
	}
}

// A question the quiz stopped before showing is "not reached", apart from
// "no answer", in the summary and in every format that carries it
// (teacher3 P6).
func TestResponsesCountNotReachedApart(t *testing.T) {
	g := &grade.Grader{Banks: []*quiz.Bank{testfiles.Sample(t)}}
	rs := NewResponses()
	for i, s := range []string{`{"answers":{"capital":"Baku","ussr":"a union"}}`, `{"answers":{}}`, `{"answers":{}}`} {
		sh, err := sheet.Read("s.jsonl", i+1, []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		r, err := g.Grade(sh)
		if err != nil {
			t.Fatal(err)
		}
		if i == 2 { // stopped before every question
			for k := range r.Outcomes {
				r.Outcomes[k].Unseen = true
			}
		}
		rs.Add(r.Outcomes)
	}
	sum := rs.Summary()
	for _, id := range []string{"capital", "ussr"} {
		if qr := byID(sum, id); qr.Students != 3 || qr.Unanswered != 1 || qr.NotReached != 1 {
			t.Errorf("%s: %d students, %d unanswered, %d not reached; want 3, 1, 1", id, qr.Students, qr.Unanswered, qr.NotReached)
		}
	}
	s := New([]string{"sample/capital"}, []float64{1})
	s.Add([]float64{1})
	ss := s.Summary(30)
	ss.Responses = []QuestionResponses{byID(sum, "capital"), byID(sum, "ussr")}
	var csv, md, js bytes.Buffer
	ss.WriteCSV(&csv)
	ss.WriteMarkdown(&md)
	ss.WriteJSON(&js)
	if !strings.Contains(csv.String(), "; no answer: 1; not reached: 1") {
		t.Errorf("CSV:\n%s", csv.String())
	}
	for _, want := range []string{"| _no answer_ | 1 | |\n| _not reached_ | 1 | |", "1 answered, 1 without an answer, 1 not reached."} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	if !strings.Contains(js.String(), `"unanswered": 1,`) || !strings.Contains(js.String(), `"not_reached": 1,`) {
		t.Errorf("JSON:\n%s", js.String())
	}
}
