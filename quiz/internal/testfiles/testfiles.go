// Package testfiles holds what the importers' and exporters' tests share:
// golden files in testdata, rewritten under -update, and sample banks.
package testfiles

import (
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Golden compares got with testdata/name, or rewrites the file under -update.
func Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to write it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (run go test with -update to accept):\n%s", name, got)
	}
}

// Bank reads a YAML bank from testdata; it must load without problems.
func Bank(t testing.TB, name string) *quiz.Bank {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	b, warnings, err := quiz.ParseBank(name, data)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("%s: %v %v", name, err, warnings)
	}
	return b
}

// Sample is quiz/testdata/all-types.yaml, a bank with one question of each
// type, read from any package's tests.
func Sample(t testing.TB) *quiz.Bank {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(here), "..", "..", "testdata", "all-types.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, warnings, err := quiz.ParseBank("all-types.yaml", data)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("sample bank: %v %v", err, warnings)
	}
	return b
}

// Question returns b's question id, or fails the test.
func Question(t testing.TB, b *quiz.Bank, id string) *quiz.Question {
	t.Helper()
	q := b.Question(id)
	if q == nil {
		t.Fatalf("no question %q", id)
	}
	return q
}

// Scripted is a Prompter (quiz/session) that answers from a script keyed by prompt fragments:
// it picks the right answer for every question it finds in right, and the
// first option otherwise.
type Scripted struct {
	T      testing.TB
	Right  map[string]bool // ids of the questions to answer right
	Bank   *quiz.Bank
	StopAt int           // on this call, return Stop (0: never)
	Stop   error         // the error to stop with
	Block  chan struct{} // when set, the stopping call first waits on it
	Calls  int
	Asked  []string
	mu     sync.Mutex
	Aborts int
	// Ticks answers an open answer's self-check (a MultiSelect whose
	// options are the key points): the indices to tick. nil ticks them all.
	Ticks func(points []string) []int
}

// CallCount is how many prompts have been asked so far.
func (s *Scripted) CallCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Calls
}

func (s *Scripted) next(msg string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Calls++
	s.Asked = append(s.Asked, msg)
	if s.StopAt > 0 && s.Calls == s.StopAt {
		if s.Block != nil {
			s.mu.Unlock()
			<-s.Block
			s.mu.Lock()
		}
		return s.Stop
	}
	return nil
}

func (s *Scripted) find(msg string) *quiz.Question {
	for _, q := range s.Bank.Questions {
		if strings.Contains(msg, q.Prompt) {
			return q
		}
	}
	return nil
}

func (s *Scripted) wantRight(msg string) (*quiz.Question, bool) {
	q := s.find(msg)
	return q, q != nil && s.Right[q.ID]
}

func (s *Scripted) Select(msg string, options []string) (int, error) {
	if err := s.next(msg); err != nil {
		return 0, err
	}
	q, right := s.wantRight(msg)
	if !right {
		return len(options) - 1, nil
	}
	want := "True"
	if q.Type == quiz.Single {
		want = q.Choices[q.Correct[0]]
	} else if !q.Truth {
		want = "False"
	}
	return slices.Index(options, want), nil
}

func (s *Scripted) MultiSelect(msg string, options []string) ([]int, error) {
	if err := s.next(msg); err != nil {
		return nil, err
	}
	q, right := s.wantRight(msg)
	if q == nil && strings.Contains(msg, "key points") {
		if s.Ticks != nil {
			return s.Ticks(options), nil
		}
		all := make([]int, len(options))
		for i := range all {
			all[i] = i
		}
		return all, nil
	}
	if !right {
		return []int{}, nil
	}
	var out []int
	for _, i := range q.Correct {
		out = append(out, slices.Index(options, q.Choices[i]))
	}
	return out, nil
}

func (s *Scripted) Input(msg string, validate func(string) error) (string, error) {
	if err := s.next(msg); err != nil {
		return "", err
	}
	q, right := s.wantRight(msg)
	if validate != nil && validate("not a number") == nil {
		s.T.Error("numeric validation accepted text")
	}
	switch {
	case right && q.Type == quiz.Short:
		return q.Accept[0], nil
	case right && q.Type == quiz.Numeric:
		return text.FormatNum(q.Value), nil
	case q != nil && q.Type == quiz.Numeric:
		return "0", nil
	}
	return "my answer", nil
}

func (s *Scripted) Confirm(msg string, def bool) (bool, error) {
	if err := s.next(msg); err != nil {
		return false, err
	}
	return true, nil
}

func (s *Scripted) Order(msg string, items []string) ([]int, error) {
	if err := s.next(msg); err != nil {
		return nil, err
	}
	q, right := s.wantRight(msg)
	out := make([]int, len(items))
	for k := range items {
		if right {
			out[k] = slices.Index(items, q.Items[k])
		} else { // exactly reversed: no credit
			out[k] = slices.Index(items, q.Items[len(items)-1-k])
		}
	}
	return out, nil
}

func (s *Scripted) Match(msg string, left, right []string) ([]int, error) {
	if err := s.next(msg); err != nil {
		return nil, err
	}
	q, ok := s.wantRight(msg)
	out := make([]int, len(left))
	for i := range left {
		if ok {
			out[i] = slices.Index(right, q.Pairs[i].Right)
		} else { // everything one off: no pair right
			out[i] = slices.Index(right, q.Pairs[(i+1)%len(left)].Right)
		}
	}
	return out, nil
}

func (s *Scripted) Abort() {
	s.mu.Lock()
	s.Aborts++
	s.mu.Unlock()
}

// Clock is a clock that moves two seconds at each reading, from 26 Feb 2026.
func Clock() func() time.Time {
	t := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(2 * time.Second)
		return t
	}
}

// AllRight names every question of b, for Scripted.Right.
func AllRight(b *quiz.Bank) map[string]bool {
	m := map[string]bool{}
	for _, q := range b.Questions {
		m[q.ID] = true
	}
	return m
}
