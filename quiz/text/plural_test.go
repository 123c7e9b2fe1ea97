package text

import "testing"

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n         int
		want, cnt string
	}{{0, "quizzes", "0 open questions"}, {1, "quiz", "1 open question"}, {2, "quizzes", "2 open questions"}} {
		if got := Plural(c.n, "quiz", "quizzes"); got != c.want {
			t.Errorf("Plural(%d) = %q, want %q", c.n, got, c.want)
		}
		if got := Count(c.n, "open question"); got != c.cnt {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.cnt)
		}
	}
}
