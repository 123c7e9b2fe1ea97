package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/conflictq/conflictq/assets"
	"github.com/conflictq/conflictq/quiz"
)

// hostileNames are student names that would run as code if a page did not
// escape them.
var hostileNames = []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`}

// longNames follow them: names of a real class that a narrow page must wrap
// between words only (teacher11 P8: "Mammadov" / "a" at 390 px), with a
// hyphenated surname and a single word of 25 letters.
var longNames = []string{"Aysel Mammadova", "Giorgi Beridze-Kapanadze", "Narek Hakobyan", "Chkhartishvilikhevsuretia"}

// classSheets writes n students' sheets for the comprehension bank as JSON
// lines: each student answers right with a probability of their own, picks a
// plausible wrong answer otherwise, and skips a question now and then, so that
// the statistics, the responses and every status have something to show. The
// first students carry hostile names, the next long ones. The same seed gives
// the same class.
func classSheets(tb testing.TB, n int, seed uint64) []byte {
	tb.Helper()
	bank := assets.CompiledBank("comprehension")
	rng := rand.New(rand.NewPCG(seed, 7))
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i := range n {
		name := fmt.Sprintf("Student %04d", i+1)
		if i < len(hostileNames) {
			name = hostileNames[i]
		} else if k := i - len(hostileNames); k < len(longNames) {
			name = longNames[k]
		}
		ability := 0.25 + 0.7*rng.Float64()
		skips := rng.Float64() < 0.2 // one student in five leaves some blank
		answers := map[string]any{}
		for _, q := range bank.Questions {
			if skips && rng.Float64() < 0.1 {
				continue // left blank
			}
			if q.Type == quiz.Open && i%10 != 9 {
				continue // every tenth student answers the open questions (classPage marks some)
			}
			answers[q.ID] = sheetAnswer(q, rng.Float64() < ability, rng)
		}
		enc.Encode(map[string]any{"student": name, "banks": []string{"comprehension"}, "answers": answers})
	}
	return b.Bytes()
}

func sheetAnswer(q *quiz.Question, right bool, rng *rand.Rand) any {
	wrongChoice := func() string {
		for {
			k := rng.IntN(len(q.Choices))
			if !containsIndex(q.Correct, k) || len(q.Correct) == len(q.Choices) {
				return q.Choices[k]
			}
		}
	}
	switch q.Type {
	case quiz.Single:
		if right {
			return q.Choices[q.Correct[0]]
		}
		return wrongChoice()
	case quiz.Multi:
		var out []string
		for _, k := range q.Correct {
			out = append(out, q.Choices[k])
		}
		if !right {
			out = append(out[:len(out)-1], wrongChoice())
		}
		return out
	case quiz.TrueFalse:
		return q.Truth == right
	case quiz.Short:
		if right {
			return q.Accept[0]
		}
		return []string{"Shusha", "Agdam", "Stepanakert", "Baku"}[rng.IntN(4)]
	case quiz.Numeric:
		if right {
			return q.Value
		}
		return q.Value + float64(1+rng.IntN(3))
	case quiz.Order:
		items := append([]string(nil), q.Items...)
		if !right {
			items[0], items[1] = items[1], items[0]
		}
		return items
	case quiz.Match:
		m := map[string]string{}
		for i, p := range q.Pairs {
			j := i
			if !right && i < 2 {
				j = 1 - i
			}
			m[p.Left] = q.Pairs[j].Right
		}
		return m
	case quiz.Open:
		return "The reports of HRW and Memorial differ from official counts; both are minimums."
	}
	return nil
}

func containsIndex(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
