package quiz

import "testing"

func TestDigest(t *testing.T) {
	base := func() *Question {
		return &Question{ID: "q", Type: Single, Prompt: "Capital?", Choices: []string{"Baku", "Yerevan"}, Correct: []int{0}, Points: 1,
			Explanation: "Baku.", Tags: []string{"a"}, Difficulty: "easy", Line: 3}
	}
	d := Digest(base())
	if len(d) != 16 {
		t.Fatalf("Digest = %q, want 16 hex digits", d)
	}
	if Digest(base()) != d {
		t.Fatal("Digest is not stable")
	}
	same := []func(*Question){
		func(q *Question) { q.Explanation = "Baku, on the Caspian." },
		func(q *Question) { q.Tags = nil },
		func(q *Question) { q.Difficulty = "hard" },
		func(q *Question) { q.Line = 90 },
		func(q *Question) { q.Source = Source{Section: "Introduction"} },
	}
	for i, f := range same {
		q := base()
		f(q)
		if Digest(q) != d {
			t.Errorf("change %d (not the content) changed the digest", i)
		}
	}
	changed := []func(*Question){
		func(q *Question) { q.Prompt = "Capital of Azerbaijan?" },
		func(q *Question) { q.Correct = []int{1} },
		func(q *Question) { q.Choices = []string{"Baku", "Ganja"} },
		func(q *Question) { q.Choices = []string{"BakuY", "erevan"} }, // same letters, other split
		func(q *Question) { q.Points = 2 },
		func(q *Question) { q.ID = "q2" },
	}
	for i, f := range changed {
		q := base()
		f(q)
		if Digest(q) == d {
			t.Errorf("change %d did not change the digest", i)
		}
	}
	a, b := base(), base()
	b.ID = "r"
	if Digest(a, b) == Digest(b, a) {
		t.Error("a bank's digest ignores the order of its questions")
	}
}

// An open question's plain answer is for the screen only: adding or
// rewording it keeps the digest, so that mark does not call the reports of
// quizzes taken before it stale; the model answer, which the report and
// marking show, changes it.
func TestDigestLeavesOutThePlainAnswer(t *testing.T) {
	base := func() *Question {
		return &Question{ID: "ussr", Type: Open, Prompt: "What was the Soviet Union?", Model: "A federation of 15 republics, 1922-1991.",
			Key: []string{"founded 1922", "15 republics"}, Points: 1}
	}
	d := Digest(base())
	for _, plain := range []string{"A country of 15 republics.", "It lasted from 1922 to 1991."} {
		q := base()
		q.Plain = plain
		if Digest(q) != d {
			t.Errorf("plain answer %q changed the digest", plain)
		}
	}
	q := base()
	q.Model = "A union of 15 republics."
	if Digest(q) == d {
		t.Error("a new model answer kept the digest")
	}
}

// Plain points are screen text, as the plain answer is: writing them for a
// bank keeps its digest, so reports taken before are not stale to mark.
// The key points, which the ticks count into, still change it.
func TestDigestLeavesOutThePlainPoints(t *testing.T) {
	base := func() *Question {
		return &Question{ID: "ussr", Type: Open, Prompt: "What was the Soviet Union?", Model: "A federation of 15 republics, 1922-1991.",
			Key: []string{"founded 1922", "15 republics"}, Points: 1}
	}
	d := Digest(base())
	for _, plain := range [][]string{{"It began in 1922", "It had 15 republics"}, {"1922", "15"}} {
		q := base()
		q.PlainKey = plain
		if Digest(q) != d {
			t.Errorf("plain points %q changed the digest", plain)
		}
	}
	q := base()
	q.Key = []string{"founded 1922", "fifteen republics"}
	if Digest(q) == d {
		t.Error("a new key point kept the digest")
	}
}
