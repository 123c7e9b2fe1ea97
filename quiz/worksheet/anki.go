package worksheet

import (
	"fmt"
	"io"
	"strings"

	"github.com/conflictq/conflictq/quiz"
)

// Anki writes b as flashcards for Anki's File > Import: one line per
// question, front<TAB>back<TAB>tags. The front holds the prompt and the
// options, lettered as on the worksheet; the back the answer, the
// explanation and where to reread; the tags are the question's own and the
// bank's id. Fields are HTML, as the #html:true header tells Anki, so line
// breaks are <br> and no field holds a tab, a line break or a quotation mark
// that could end it early. Info pages have nothing to recall and make no card.
func Anki(w io.Writer, b *quiz.Bank) error {
	var s strings.Builder
	s.WriteString("#separator:tab\n#html:true\n#tags column:3\n")
	for _, q := range present(b, Seed) {
		if q.Type == quiz.Info {
			continue
		}
		front := []string{field(q.Prompt)}
		if hint := howToAnswer(q.Type); hint != "" && q.Type != quiz.Match {
			front[0] += " <i>(" + field(hint) + ")</i>"
		}
		opts := q.Options()
		switch q.Type {
		case quiz.Single, quiz.Multi:
			front = append(front, lettered(opts))
		case quiz.Order: // numbered, as the key gives them
			items := make([]string, len(opts))
			for k, o := range opts {
				items[k] = fmt.Sprintf("%d. %s", k+1, field(o))
			}
			front = append(front, strings.Join(items, "<br>"))
		case quiz.Match:
			lefts := make([]string, len(q.Pairs))
			for i, l := range q.Lefts() {
				lefts[i] = fmt.Sprintf("%d. %s", i+1, field(l))
			}
			front = append(front, strings.Join(lefts, "<br>"), lettered(opts))
		}
		back := []string{field(answer(q))}
		if q.Type == quiz.Open && len(q.Key) > 0 {
			back = append(back, "Key points: "+field(strings.Join(q.Key, "; ")))
		}
		if q.Explanation != "" {
			back = append(back, field(q.Explanation))
		}
		if src := q.Source.String(); src != "" {
			back = append(back, "<i>Reread: "+field(src)+"</i>")
		}
		fmt.Fprintf(&s, "%s\t%s\t%s\n", strings.Join(front, "<br><br>"), strings.Join(back, "<br><br>"), tags(q.Question, b.ID))
	}
	_, err := io.WriteString(w, s.String())
	return err
}

func lettered(opts []string) string {
	parts := make([]string, len(opts))
	for k, o := range opts {
		parts[k] = letter(k) + ") " + field(o)
	}
	return strings.Join(parts, "<br>")
}

// field makes text one HTML field: special characters as entities (quotation
// marks too, so that Anki's importer never reads one as the start of a
// quoted field), line breaks as <br>, tabs as &#9;. A # at the start would
// look like a header line to Anki.
func field(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "<>&'\"\r\n\t") && !strings.HasPrefix(s, "#") {
		return s
	}
	// One pass, as html.EscapeString and then a strings.Replacer of the
	// breaks and tabs wrote it: a Replacer built for each field cost more
	// than the whole export (1.5 MB a bank).
	var out strings.Builder
	out.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			out.WriteString("&lt;")
		case '>':
			out.WriteString("&gt;")
		case '&':
			out.WriteString("&amp;")
		case '\'':
			out.WriteString("&#39;")
		case '"':
			out.WriteString("&#34;")
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			out.WriteString("<br>")
		case '\n':
			out.WriteString("<br>")
		case '\t':
			out.WriteString("&#9;")
		case '#':
			if i == 0 {
				out.WriteString("&#35;")
			} else {
				out.WriteByte(c)
			}
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// tags returns the question's tags and the bank's id as Anki tags: separated
// by spaces, so spaces inside a tag become underscores.
func tags(q *quiz.Question, bank string) string {
	var out []string
	seen := map[string]bool{}
	for _, t := range append(append([]string(nil), q.Tags...), bank) {
		t = ankiTag(t)
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return strings.Join(out, " ")
}

// ankiTag is one tag as Anki takes it: no quotation marks, and the words
// joined by underscores (a tab or a line break splits them as a space does).
func ankiTag(t string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(t, `"`, "")), "_")
}
