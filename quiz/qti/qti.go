// Package qti writes a bank as an IMS QTI 1.2 package: a zip holding an IMS
// content-packaging manifest (imsmanifest.xml) and one assessment, the form
// Canvas imports as a quiz ("QTI .zip file") and Blackboard and others read.
// Items carry Canvas's question_type and points_possible metadata.
//
// What QTI 1.2 (as Canvas reads it) cannot hold is named in Export's notes:
// partial credit on single-choice, short-answer and numeric answers, the
// typo tolerance and folding of short answers, order questions (written as
// matching), key points and citations (written into the feedback), tags and
// difficulty.
package qti

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/conflictq/conflictq/quiz"
	qtext "github.com/conflictq/conflictq/quiz/text"
)

// Namespaces of the two documents.
const (
	nsQTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
	nsCP  = "http://www.imsglobal.org/xsd/imscp_v1p1"
)

// Export writes b as a QTI 1.2 zip and returns one note for each thing that
// does not travel. The zip is written once every question is: a question
// that cannot be written leaves nothing written.
func Export(w io.Writer, b *quiz.Bank) (notes []string, err error) {
	id := ident(b.ID)
	title := b.Title
	if title == "" {
		title = b.ID
	}
	// The assessment is written straight into its buffer, the items
	// between its head and its foot.
	var assessment bytes.Buffer
	assessment.Grow(4096*len(b.Questions) + 1024)
	assessment.WriteString(xml.Header)
	fmt.Fprintf(&assessment, "<questestinterop xmlns=%q>\n", nsQTI)
	fmt.Fprintf(&assessment, "  <assessment ident=%q title=\"%s\">\n", id, qtext.XMLEscape(title))
	assessment.WriteString("    <qtimetadata>\n")
	field(&assessment, "      ", "cc_maxattempts", "1")
	assessment.WriteString("    </qtimetadata>\n")
	assessment.WriteString("    <section ident=\"root_section\">\n")
	tagged := false
	general := map[string]bool{}
	for i, q := range b.Questions {
		n, err := writeItem(&assessment, q, fmt.Sprintf("%s_%d", id, i+1), general)
		if err != nil {
			return nil, fmt.Errorf("question %q: %w", q.ID, err)
		}
		notes = append(notes, n...)
		tagged = tagged || len(q.Tags) > 0 || q.Difficulty != ""
	}
	if tagged {
		general["QTI as Canvas reads it has no tags or difficulty: they are left out"] = true
	}
	notes = append(notes, slices.Sorted(maps.Keys(general))...)
	assessment.WriteString("    </section>\n  </assessment>\n</questestinterop>\n")

	href := id + "/" + id + ".xml"
	var manifest bytes.Buffer
	manifest.WriteString(xml.Header)
	fmt.Fprintf(&manifest, "<manifest xmlns=%q identifier=\"%s_manifest\">\n", nsCP, id)
	manifest.WriteString("  <metadata>\n    <schema>IMS Content</schema>\n    <schemaversion>1.1.3</schemaversion>\n  </metadata>\n")
	manifest.WriteString("  <organizations/>\n  <resources>\n")
	fmt.Fprintf(&manifest, "    <resource identifier=%q type=\"imsqti_xmlv1p2\" href=%q>\n      <file href=%q/>\n    </resource>\n", id, href, href)
	manifest.WriteString("  </resources>\n</manifest>\n")

	// Everything that can fail but writing is done: the zip goes straight
	// to w, not through a third copy of the package (147 KB for the
	// comprehension bank, 37 pages of fresh memory).
	zw := zip.NewWriter(w)
	for _, f := range []struct {
		name string
		data []byte
	}{{"imsmanifest.xml", manifest.Bytes()}, {href, assessment.Bytes()}} {
		// A fixed time: the same bank makes the same zip. Stored, not
		// deflated: deflating took more than the rest of bank export
		// together (1 ms and 850 KB of compressor state for the
		// comprehension bank's 147 KB, which it made 15 KB). Written raw,
		// with its checksum and sizes in the header before the data and no
		// data descriptor after it: a zip read as a stream (Java's
		// ZipInputStream, as Java-based LMSs read uploads) refuses a stored
		// entry whose sizes come after its data, which is how CreateHeader
		// writes every entry (attack20 M1).
		fw, err := zw.CreateRaw(storedHeader(f.name, f.data))
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return notes, nil
}

// storedHeader is the header of a stored file, as CreateHeader writes one
// (version 2.0, the time as an MS-DOS date and as the extended timestamp
// Info-ZIP writes), with its checksum and sizes given up front: CreateRaw
// writes the fields as they are (recheck25 L1: without these the files
// were dated 1980-00-00, version 0.0).
func storedHeader(name string, data []byte) *zip.FileHeader {
	const zipVersion20 = 20
	zipTime := packagedAt() // the same bank makes the same zip
	mtime := binary.LittleEndian.AppendUint32(nil, uint32(zipTime.Unix()))
	return &zip.FileHeader{
		Name: name, Method: zip.Store,
		CreatorVersion: zipVersion20, ReaderVersion: zipVersion20,
		Modified:     zipTime,
		ModifiedDate: uint16(zipTime.Day() + int(zipTime.Month())<<5 + (zipTime.Year()-1980)<<9),
		ModifiedTime: uint16(zipTime.Second()/2 + zipTime.Minute()<<5 + zipTime.Hour()<<11),
		Extra:        append([]byte{0x55, 0x54, 5, 0, 1}, mtime...), // extended timestamp: the time alone
		CRC32:        crc32.ChecksumIEEE(data), CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data)),
	}
}

// packagedAt is every packaged file's time, made when asked: a package
// variable would be an init in every run of every command (quiz_no_init.txtar).
func packagedAt() time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC) }

// ident makes an XML identifier (a letter first) from an id.
func ident(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	out := b.String()
	if out == "" || !(out[0] >= 'a' && out[0] <= 'z' || out[0] >= 'A' && out[0] <= 'Z' || out[0] == '_') {
		out = "b_" + out
	}
	return out
}

// writeHTMLText writes conflictq's plain text as the HTML Canvas shows
// (line breaks kept), escaped for XML: what
// XMLEscape(ReplaceAll(html.EscapeString(s), "\n", "<br/>")) makes, in one
// pass and without its two copies of every prompt and feedback. Between
// the characters HTML escapes and the line breaks, s is XML-escaped as it
// is: those are ASCII, so the runs between them decode as they did in the
// whole (TestExportAsBefore).
func writeHTMLText(buf *bytes.Buffer, s string) {
	for {
		i := strings.IndexAny(s, "<>&'\"\n")
		if i < 0 {
			buf.WriteString(qtext.XMLEscape(s))
			return
		}
		buf.WriteString(qtext.XMLEscape(s[:i]))
		switch s[i] {
		case '<':
			buf.WriteString("&amp;lt;")
		case '>':
			buf.WriteString("&amp;gt;")
		case '&':
			buf.WriteString("&amp;amp;")
		case '\'':
			buf.WriteString("&amp;#39;")
		case '"':
			buf.WriteString("&amp;#34;")
		case '\n':
			buf.WriteString("&lt;br/&gt;")
		}
		s = s[i+1:]
	}
}

// writeStrings writes each of ss: the markup around a value without fmt's
// parsing of a format for every line of every item.
func writeStrings(buf *bytes.Buffer, ss ...string) {
	for _, s := range ss {
		buf.WriteString(s)
	}
}

func field(buf *bytes.Buffer, indent, label, entry string) {
	writeStrings(buf, indent, "<qtimetadatafield>\n", indent, "  <fieldlabel>", qtext.XMLEscape(label), "</fieldlabel>\n", indent, "  <fieldentry>", qtext.XMLEscape(entry), "</fieldentry>\n", indent, "</qtimetadatafield>\n")
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// score writes a share of the points as Canvas's SCORE, 0 to 100.
func score(v float64) string { return strconv.FormatFloat(math.Round(v*100*1e4)/1e4, 'f', -1, 64) }

// item builds one <item>.
type item struct {
	buf     *bytes.Buffer
	q       *quiz.Question
	id      string
	notes   []string
	general map[string]bool // notes on the whole export, said once
	fb      bool            // it has a generalFeedback
}

func (it *item) note(format string, args ...any) {
	it.notes = append(it.notes, it.q.ID+": "+fmt.Sprintf(format, args...))
}

// canvasType is Canvas's name for a question type. A switch, not a map: a
// map literal is the package's init, run by every command.
func canvasType(t quiz.Type) (string, bool) {
	switch t {
	case quiz.Single:
		return "multiple_choice_question", true
	case quiz.Multi:
		return "multiple_answers_question", true
	case quiz.TrueFalse:
		return "true_false_question", true
	case quiz.Short:
		return "short_answer_question", true
	case quiz.Numeric:
		return "numerical_question", true
	case quiz.Match, quiz.Order:
		return "matching_question", true
	case quiz.Open:
		return "essay_question", true
	case quiz.Info:
		return "text_only_question", true
	}
	return "", false
}

func writeItem(buf *bytes.Buffer, q *quiz.Question, id string, general map[string]bool) ([]string, error) {
	if strings.TrimSpace(q.Prompt) == "" {
		return nil, errors.New("no question text")
	}
	typ, ok := canvasType(q.Type)
	if !ok {
		return nil, fmt.Errorf("type %q cannot be written as QTI", q.Type)
	}
	it := &item{buf: buf, q: q, id: id, general: general}
	it.fb = it.hasFeedback()
	if q.Type == quiz.Short && !slices.ContainsFunc(q.Accept, func(a string) bool { return canvasAccepts(q, a) }) {
		// An item with nothing to compare is invalid QTI, and a question
		// no answer can get right: it is left out and named.
		it.note("left out: Canvas has no wildcard and marks short answers all or nothing, so none of its answers (%s) can travel", strings.Join(q.Accept, ", "))
		return it.notes, nil
	}
	fmt.Fprintf(buf, "      <item ident=%q title=\"%s\">\n", id, qtext.XMLEscape(q.ID))
	buf.WriteString("        <itemmetadata>\n          <qtimetadata>\n")
	field(buf, "            ", "question_type", typ)
	points := q.Points
	if !q.Graded() {
		points = 0
	}
	field(buf, "            ", "points_possible", num(points))
	buf.WriteString("          </qtimetadata>\n        </itemmetadata>\n")
	var err error
	switch q.Type {
	case quiz.Single, quiz.Multi:
		err = it.choice()
	case quiz.TrueFalse:
		it.trueFalse()
	case quiz.Short:
		it.short()
	case quiz.Numeric:
		err = it.numeric()
	case quiz.Match, quiz.Order:
		it.match()
	case quiz.Open:
		it.open()
	case quiz.Info:
		it.presentation(func() {})
	}
	if err != nil {
		return nil, err
	}
	it.feedback()
	buf.WriteString("      </item>\n")
	return it.notes, nil
}

// presentation writes the question text and, inside, the response.
func (it *item) presentation(response func()) {
	it.buf.WriteString("        <presentation>\n          <material>\n            <mattext texttype=\"text/html\">")
	writeHTMLText(it.buf, it.q.Prompt)
	it.buf.WriteString("</mattext>\n          </material>\n")
	response()
	it.buf.WriteString("        </presentation>\n")
}

// label writes one option of a response. Its ident is made of ident's
// characters, which need no quoting.
func (it *item) label(ident, text string) {
	writeStrings(it.buf, "              <response_label ident=\"", ident, "\">\n                <material>\n                  <mattext texttype=\"text/plain\">", qtext.XMLEscape(text), "</mattext>\n                </material>\n              </response_label>\n")
}

// processing writes <resprocessing> around conditions, with the general
// feedback shown whatever the answer.
func (it *item) processing(conditions func()) {
	b := it.buf
	b.WriteString("        <resprocessing>\n          <outcomes>\n            <decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/>\n          </outcomes>\n")
	if it.fb {
		b.WriteString("          <respcondition continue=\"Yes\">\n            <conditionvar>\n              <other/>\n            </conditionvar>\n            <displayfeedback feedbacktype=\"Response\" linkrefid=\"general_fb\"/>\n          </respcondition>\n")
	}
	conditions()
	b.WriteString("        </resprocessing>\n")
}

// condition writes one respcondition: when test holds, SCORE is set (or
// added to) by share.
func (it *item) condition(test string, action string, share float64) {
	cont := "No"
	if action == "Add" {
		cont = "Yes"
	}
	writeStrings(it.buf, "          <respcondition continue=\"", cont, "\">\n            <conditionvar>\n", test, "            </conditionvar>\n            <setvar action=\"", action, "\" varname=\"SCORE\">", score(share), "</setvar>\n          </respcondition>\n")
}

// varequal is one test of a response, resp made of ident's characters.
func varequal(resp, value string) string {
	return "              <varequal respident=\"" + resp + "\">" + qtext.XMLEscape(value) + "</varequal>\n"
}

func (it *item) choice() error {
	q := it.q
	if len(q.Correct) == 0 {
		return errors.New("no right answer")
	}
	card := "Single"
	if q.Type == quiz.Multi {
		card = "Multiple"
	}
	it.presentation(func() {
		fmt.Fprintf(it.buf, "          <response_lid ident=\"response1\" rcardinality=%q>\n            <render_choice>\n", card)
		for i, c := range q.Choices {
			it.label(it.id+"_c"+strconv.Itoa(i+1), c)
		}
		it.buf.WriteString("            </render_choice>\n          </response_lid>\n")
	})
	it.processing(func() {
		if q.Type == quiz.Single {
			partial := false
			for i := range q.Choices {
				if c := q.ChoiceCredit(i); c > 0 {
					it.condition(varequal("response1", it.id+"_c"+strconv.Itoa(i+1)), "Set", c)
					partial = partial || c < 1
				}
			}
			if partial {
				it.note("Canvas marks a multiple-choice question all or nothing: the partial credit of its other choices is lost there")
			}
			return
		}
		// Canvas's multiple answers: the right set, and nothing else.
		var test strings.Builder
		test.WriteString("              <and>\n")
		for i := range q.Choices {
			v := varequal("response1", it.id+"_c"+strconv.Itoa(i+1))
			if q.ChoiceCredit(i) > 0 {
				test.WriteString("  " + v)
			} else {
				test.WriteString("                <not>\n  " + "  " + v + "                </not>\n")
			}
		}
		test.WriteString("              </and>\n")
		it.condition(test.String(), "Set", 1)
		it.general["Canvas gives partial credit on multiple-answers questions by its own rule, not conflictq's (right picks − wrong picks) ÷ right answers nor the answers' own credit"] = true
	})
	return nil
}

func (it *item) trueFalse() {
	it.presentation(func() {
		it.buf.WriteString("          <response_lid ident=\"response1\" rcardinality=\"Single\">\n            <render_choice>\n")
		it.label(it.id+"_true", "True")
		it.label(it.id+"_false", "False")
		it.buf.WriteString("            </render_choice>\n          </response_lid>\n")
	})
	right := it.id + "_false"
	if it.q.Truth {
		right = it.id + "_true"
	}
	it.processing(func() { it.condition(varequal("response1", right), "Set", 1) })
}

func (it *item) fib() {
	it.presentation(func() {
		it.buf.WriteString("          <response_str ident=\"response1\" rcardinality=\"Single\">\n            <render_fib>\n              <response_label ident=\"answer1\" rshuffle=\"No\"/>\n            </render_fib>\n          </response_str>\n")
	})
}

func (it *item) short() {
	q := it.q
	if !q.Exact {
		it.general["Canvas compares short answers as written, ignoring case: conflictq's folding (Xocali for Xocalı) and typo tolerance do not travel"] = true
	}
	it.fib()
	it.processing(func() {
		var test strings.Builder
		for _, a := range q.Accept {
			if canvasAccepts(q, a) {
				test.WriteString(varequal("response1", quiz.LiteralAnswer(a)))
			}
		}
		if test.Len() > 0 {
			it.condition(test.String(), "Set", 1)
		}
	})
	for i, a := range q.Accept {
		switch {
		case quiz.HasWildcard(a):
			it.note("Canvas has no wildcard: the accepted answer %q is left out", a)
		case q.AcceptCredit(i) != 1:
			it.note("Canvas accepts a short answer in full or not at all: %q, worth %s%%, is left out", a, score(q.AcceptCredit(i)))
		}
	}
}

// canvasAccepts reports whether the accepted answer a travels to Canvas: in
// full credit, with no wildcard (\* is a star, which does).
func canvasAccepts(q *quiz.Question, a string) bool {
	i := slices.Index(q.Accept, a)
	return q.AcceptCredit(i) == 1 && !quiz.HasWildcard(a)
}

func (it *item) numeric() error {
	q := it.q
	if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || !(q.Tol >= 0) || math.IsInf(q.Tol, 0) {
		return fmt.Errorf("answer %v ± %v is not a number QTI can hold", q.Value, q.Tol)
	}
	it.fib()
	it.processing(func() {
		it.condition(rangeTest(q.Value, q.Tol), "Set", 1)
		for _, n := range q.Numbers {
			if n.Credit == 1 && !n.Any {
				it.condition(rangeTest(n.Value, n.Tol), "Set", 1)
			}
		}
	})
	for _, n := range q.Numbers {
		if n.Any {
			it.note("Canvas has no catch-all numeric answer: \"any other number\", worth %s%%, is left out", score(n.Credit))
		} else if n.Credit != 1 {
			it.note("Canvas marks a numeric answer in full or not at all: %s, worth %s%%, is left out", num(n.Value), score(n.Credit))
		}
	}
	if q.Unit != "" {
		it.note("QTI has no unit: %q is left out", q.Unit)
	}
	return nil
}

// rangeTest accepts value ± tol, as Canvas writes a numeric answer.
func rangeTest(value, tol float64) string {
	return fmt.Sprintf("              <or>\n                <varequal respident=\"response1\">%s</varequal>\n                <and>\n                  <vargte respident=\"response1\">%s</vargte>\n                  <varlte respident=\"response1\">%s</varlte>\n                </and>\n              </or>\n",
		num(value), num(value-tol), num(value+tol))
}

// match writes a matching question: one response per left item, each
// offering every right side. An order question is written the same way,
// Position 1 -> the first item.
func (it *item) match() {
	q := it.q
	rights := q.Rights() // a right side several left items share is offered once
	var lefts []string
	var answerOf []int // index in rights of each left's answer
	for i, p := range q.Pairs {
		lefts, answerOf = append(lefts, p.Left), append(answerOf, q.RightOf(i))
	}
	if q.Type == quiz.Order {
		it.note("QTI has no ordering question: written as matching, Position 1 -> the first item, which Canvas marks pair by pair")
		lefts, rights = nil, q.Items
		answerOf = nil
		for i := range q.Items {
			lefts = append(lefts, "Position "+strconv.Itoa(i+1))
			answerOf = append(answerOf, i)
		}
	}
	it.presentation(func() {
		for i, l := range lefts {
			writeStrings(it.buf, "          <response_lid ident=\"response_", it.id, "_l", strconv.Itoa(i+1), "\">\n            <material>\n              <mattext texttype=\"text/plain\">", qtext.XMLEscape(l), "</mattext>\n            </material>\n            <render_choice>\n")
			for j, r := range rights {
				it.label(it.id+"_r"+strconv.Itoa(j+1), r)
			}
			it.buf.WriteString("            </render_choice>\n          </response_lid>\n")
		}
	})
	it.processing(func() {
		for i := range lefts {
			it.condition(varequal("response_"+it.id+"_l"+strconv.Itoa(i+1), it.id+"_r"+strconv.Itoa(answerOf[i]+1)), "Add", 1/float64(len(lefts)))
		}
	})
}

func (it *item) open() {
	it.fib()
	it.processing(func() {
		it.buf.WriteString("          <respcondition continue=\"No\">\n            <conditionvar>\n              <other/>\n            </conditionvar>\n          </respcondition>\n")
	})
}

// hasFeedback says whether the item has a general feedback
// (writeGeneralFeedback writes one): what a student sees after answering.
func (it *item) hasFeedback() bool {
	q := it.q
	return q.Type == quiz.Open || q.Type != quiz.Info && (q.Explanation != "" || !q.Source.IsZero())
}

// writeGeneralFeedback writes, escaped as HTML text, what a student sees
// after answering: the explanation, an open question's model answer and key
// points, and the citation, one part a line. The parts go to the buffer in
// pieces (a label, a text), not joined into one string first: the joins and
// the text they made were a sixth of what the comprehension bank's package
// allocated, and writeHTMLText escapes the pieces as it escaped the whole
// (a label and the line breaks between parts are ASCII).
func (it *item) writeGeneralFeedback() {
	q, b := it.q, it.buf
	sep := false
	part := func() {
		if sep {
			b.WriteString("&lt;br/&gt;") // the line break between parts, as writeHTMLText writes one
		}
		sep = true
	}
	if q.Type == quiz.Open {
		// The full model answer and the key points; the plain answer
		// (Plain) and plain points (PlainKey) are conflictq's screen text
		// and are not exported.
		part()
		b.WriteString("A model answer: ")
		writeHTMLText(b, q.Model)
		if len(q.Key) > 0 {
			part()
			b.WriteString("A good answer covers: ")
			for i, k := range q.Key {
				if i > 0 {
					b.WriteString("; ")
				}
				writeHTMLText(b, k)
			}
		}
	}
	if q.Explanation != "" && q.Type != quiz.Info {
		part()
		writeHTMLText(b, q.Explanation)
	}
	if !q.Source.IsZero() && q.Type != quiz.Info {
		part()
		b.WriteString("Source: ")
		writeHTMLText(b, q.Source.String())
	}
}

func (it *item) feedback() {
	if !it.fb || !it.q.Graded() && it.q.Type != quiz.Open {
		return
	}
	it.buf.WriteString("        <itemfeedback ident=\"general_fb\">\n          <flow_mat>\n            <material>\n              <mattext texttype=\"text/html\">")
	it.writeGeneralFeedback()
	it.buf.WriteString("</mattext>\n            </material>\n          </flow_mat>\n        </itemfeedback>\n")
}
