package history

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
)

// WriteYear writes a year of daily use, n answers to the questions of banks,
// to path: the history BenchmarkLoadSchedule100k reads.
func writeYear(tb testing.TB, path string, banks []*quiz.Bank, n int) time.Time {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	var qs []*quiz.Question
	for _, b := range banks {
		qs = append(qs, b.Questions...)
	}
	perDay := n / 365
	at := t0
	for i := range n {
		if i%perDay == 0 {
			at = t0.Add(time.Duration(i/perDay) * 24 * time.Hour)
		}
		q := qs[(i*7)%len(qs)]
		r := Record{Time: at.Add(time.Duration(i%perDay) * 20 * time.Second), Session: at, Student: "Ana", Mode: "practice",
			Bank: q.Bank, BankDigest: "0123456789abcdef", Question: q.ID, Digest: quiz.Digest(q),
			Points: float64(i % 3 / 2), MaxPoints: 1, Seconds: float64(i%40) + 0.5}
		line, _ := json.Marshal(r)
		w.Write(line)
		w.WriteByte('\n')
	}
	w.Flush()
	f.Close()
	return at
}

// BenchmarkLoadSchedule100k: a year of daily use (100,000 answers) read and
// scheduled, as quiz --review does before its first question, from the state
// the review before saved and the day's 274 answers since. The goal is under
// 20 ms. BenchmarkReplay100k reads the whole year, as the first review does.
func BenchmarkLoadSchedule100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(180)}
	writeYear(b, path, banks, 100_000-274)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		b.Fatal(err)
	}
	end := appendDay(b, path, banks, 274)
	b.ResetTimer()
	for b.Loop() {
		sc, warns, err := Replay(path)
		if err != nil || len(warns) > 0 || sc.read != 274 {
			b.Fatal(err, warns, sc.read)
		}
		if n := len(sc.For(banks).Due(end)); n == 0 {
			b.Fatal("nothing due")
		}
	}
}

func BenchmarkReplay100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(180)}
	end := writeYear(b, path, banks, 100_000)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		sc, warns, err := Replay(path)
		if err != nil || len(warns) > 0 {
			b.Fatal(err, warns)
		}
		if n := len(sc.For(banks).Due(end)); n == 0 {
			b.Fatal("nothing due")
		}
	}
}

// BenchmarkSummarize100k: the same history summarised for conflictq
// progress, from the state the quiz before saved and a day's answers since,
// as BenchmarkLoadSchedule100k. The goal is under 20 ms.
// BenchmarkSummarizeCold100k reads every line (no state).
func BenchmarkSummarize100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(180)}
	writeYear(b, path, banks, 100_000-274)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		b.Fatal(err)
	}
	end := appendDay(b, path, banks, 274)
	for b.Loop() {
		sc, _, _ := Replay(path)
		if sc.read != 274 {
			b.Fatal("the state was not used")
		}
		sc.For(banks).Summarize("Ana", end)
	}
}

// BenchmarkSummarizeText100k is BenchmarkSummarize100k for the text, which
// shows each line's latest sessions only (SummarizeLatest).
func BenchmarkSummarizeText100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(180)}
	writeYear(b, path, banks, 100_000-274)
	sc, _, _ := Replay(path)
	if err := sc.SaveState(); err != nil {
		b.Fatal(err)
	}
	end := appendDay(b, path, banks, 274)
	for b.Loop() {
		sc, _, _ := Replay(path)
		if sc.read != 274 {
			b.Fatal("the state was not used")
		}
		sc.For(banks).SummarizeLatest("Ana", end, TextSessions)
	}
}

func BenchmarkSummarizeCold100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "Ana.jsonl")
	banks := []*quiz.Bank{testBank(180)}
	end := writeYear(b, path, banks, 100_000)
	for b.Loop() {
		sc, _, _ := Replay(path)
		sc.For(banks).Summarize("Ana", end)
	}
}

// appendDay appends a day's answers after the year writeYear wrote.
func appendDay(tb testing.TB, path string, banks []*quiz.Bank, n int) time.Time {
	l, err := Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	at := t0.Add(366 * 24 * time.Hour)
	qs := banks[0].Questions
	for i := range n {
		q := qs[i%len(qs)]
		r := Record{Time: at.Add(time.Duration(i) * 20 * time.Second), Session: at, Student: "Ana", Mode: "review",
			Bank: q.Bank, Question: q.ID, Digest: quiz.Digest(q), Points: float64(i % 2), MaxPoints: 1, Seconds: 9}
		if err := l.Append(r); err != nil {
			tb.Fatal(err)
		}
	}
	return at.Add(24 * time.Hour)
}

// BenchmarkDecode is the hand-written decoder (read.go) alone on a year's
// lines as Log writes them, in memory: what replaying a history without its
// state spends on reading lines, beside the replay itself.
func BenchmarkDecode(b *testing.B) {
	path := filepath.Join(b.TempDir(), "Ana.jsonl")
	writeYear(b, path, []*quiz.Bank{testBank(180)}, 100_000)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d := decoder{strs: make(map[string]string, 512)}
		for _, line := range lines {
			var r Record
			if !d.decode(line, &r) {
				b.Fatalf("refused %s", line)
			}
		}
	}
}
