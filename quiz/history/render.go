package history

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/conflictq/conflictq/quiz/text"
)

// TextOptions say how WriteText draws progress.
type TextOptions struct {
	// Bars draws mastery as a bar and session scores as a sparkline, for a
	// terminal; without, they are numbers, for pipes and screen readers.
	Bars bool
	// Sessions is how many of the latest sessions the score line shows
	// (0: TextSessions).
	Sessions int
}

// TextSessions is how many of the latest sessions WriteText shows unless
// told otherwise: a Progress from SummarizeLatest with as many is enough.
const TextSessions = 12

// WriteText writes progress as two tables, by bank and by tag (the tags
// answered at least once).
func (p *Progress) WriteText(w io.Writer, o TextOptions) error {
	if o.Sessions <= 0 {
		o.Sessions = TextSessions
	}
	// In one write, not one a row: a year's tables are some thirty rows,
	// and each write to a pipe or terminal is a system call. Write errors
	// are not reported, as before the buffer.
	bw := bufio.NewWriterSize(w, 4<<10) // a year's tables are 2 KB: one page
	defer bw.Flush()
	w = bw
	who := text.EscapeControl(p.Student)
	if who == "" {
		who = "you"
	}
	fmt.Fprintf(w, "Progress for %s: %d %s\n", who, p.Answers, text.Plural(p.Answers, "answer", "answers"))
	due := 0
	for _, b := range p.Banks {
		due += b.DueNow
	}
	switch {
	case due > 0:
		fmt.Fprintf(w, "%d %s due for review now: conflictq quiz --review\n", due, text.Plural(due, "question", "questions"))
	case p.NextDue != nil:
		fmt.Fprintf(w, "Next review due %s\n", When(*p.NextDue, p.At))
	}
	fmt.Fprintln(w)
	var banks []Line
	for _, b := range p.Banks {
		if b.Questions > 0 { // a bank of open questions has nothing to master
			banks = append(banks, b)
		}
	}
	p.table(w, "Bank", banks, o)
	var tags []Line
	for _, t := range p.Tags {
		if t.Seen > 0 {
			tags = append(tags, t)
		}
	}
	if len(tags) > 0 {
		fmt.Fprintln(w)
		p.table(w, "Tag", tags, o)
	}
	return nil
}

func (p *Progress) table(w io.Writer, head string, lines []Line, o TextOptions) {
	nameW := text.Width(head)
	for i := range lines { // a tag comes from a bank file
		lines[i].Name = text.EscapeControl(lines[i].Name)
		nameW = max(nameW, text.Width(lines[i].Name))
	}
	mastW := len("Mastery")
	if o.Bars {
		mastW = 15
	}
	pad, lpad := text.PadRight, text.PadLeft
	row := func(cells ...string) { fmt.Fprintln(w, strings.TrimRight(strings.Join(cells, "  "), " ")) }
	row(pad(head, nameW), lpad("Seen", 7), pad("Mastery", mastW), "Due now", "This week", "Sessions")
	for _, l := range lines {
		seen := fmt.Sprintf("%d/%d", l.Seen, l.Questions)
		mast := "-"
		if o.Bars {
			mast = pad(mast, mastW)
		}
		if l.Seen > 0 {
			mast = fmt.Sprintf("%.0f%%", 100*l.Mastery)
			if o.Bars {
				mast = bar(l.Mastery, 10) + " " + lpad(mast, 4)
			}
		}
		row(pad(l.Name, nameW), lpad(seen, 7), lpad(mast, mastW),
			lpad(strconv.Itoa(l.DueNow), 7), lpad(strconv.Itoa(l.DueWeek), 9), scores(l.Sessions, o))
	}
}

func bar(f float64, n int) string {
	full := int(math.Round(f * float64(n)))
	return strings.Repeat("█", full) + strings.Repeat("░", n-full)
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// scores is the latest sessions' scores: a sparkline, or percentages.
func scores(s []SessionScore, o TextOptions) string {
	if len(s) > o.Sessions {
		s = s[len(s)-o.Sessions:]
	}
	// Appended to bytes: fmt's %.0f for each of a year's table's 240
	// numbers was a third of writing it. strconv's 'f' with no decimals is
	// what %.0f writes.
	b := make([]byte, 0, 4*len(s)+1)
	for i, x := range s {
		if o.Bars {
			i := int(max(0, min(x.Percent, 100)) / 100 * float64(len(sparks))) // NaN: 0
			b = utf8.AppendRune(b, sparks[max(0, min(i, len(sparks)-1))])
			continue
		}
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, x.Percent, 'f', 0, 64)
	}
	if !o.Bars && len(s) > 0 {
		b = append(b, '%')
	}
	return string(b)
}

// When says when t is, seen from now: "in 10 minutes (2026-12-03 09:10 UTC)".
func When(t, now time.Time) string {
	d := t.Sub(now)
	var rel string
	switch {
	case d < time.Minute:
		rel = "in less than a minute"
	case d < time.Hour:
		m := int(d.Round(time.Minute) / time.Minute)
		rel = fmt.Sprintf("in %d %s", m, text.Plural(m, "minute", "minutes"))
	case d < 48*time.Hour:
		h := int(d.Round(time.Hour) / time.Hour)
		rel = fmt.Sprintf("in %d %s", h, text.Plural(h, "hour", "hours"))
	default:
		n := int(d.Round(24*time.Hour) / (24 * time.Hour))
		rel = fmt.Sprintf("in %d days", n)
	}
	return rel + " (" + t.In(now.Location()).Format("2006-01-02 15:04 MST") + ")"
}

// WriteJSON writes progress as indented JSON, as encoding/json's Encoder
// with SetIndent("", "  ") writes it (progressJSON); nothing on an error.
func (p *Progress) WriteJSON(w io.Writer) error {
	pw := progressJSON{b: make([]byte, 0, 4096)}
	pw.progress(p)
	if pw.err != nil {
		return pw.err
	}
	_, err := w.Write(pw.b)
	return err
}

// CSVHeader is the first row of WriteCSV: a record's JSON field names.
var CSVHeader = []string{"time", "session", "student", "mode", "bank", "bank_digest", "question", "digest", "points", "max_points", "seconds"}

// WriteCSV writes records one a row, for a teacher's spreadsheet.
func WriteCSV(w io.Writer, records []Record) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	for _, r := range records {
		// A history file can be planted: CSVSafe keeps its text harmless
		// to a terminal and a spreadsheet.
		str := text.CSVSafe
		row := []string{r.Time.Format(time.RFC3339Nano), r.Session.Format(time.RFC3339Nano), str(r.Student), str(r.Mode),
			str(r.Bank), str(r.BankDigest), str(r.Question), str(r.Digest), num(r.Points), num(r.MaxPoints), num(r.Seconds)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
