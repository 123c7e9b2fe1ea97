package grade

import (
	"io"

	"github.com/conflictq/conflictq/quiz/htmlreport"
	"github.com/conflictq/conflictq/quiz/stats"
)

// htmlResults is the class report (quiz/htmlreport): the page is written at
// Close, from the sheets collected and the class's statistics.
type htmlResults struct {
	w     io.Writer
	page  *htmlreport.Class
	class ClassStats
}

func newHTMLResults(w io.Writer, opts ResultOptions) *htmlResults {
	return &htmlResults{w: w, page: htmlreport.NewClass(opts.Pass, opts.Generated)}
}

func (h *htmlResults) Write(r *SheetResult) error {
	h.page.Add(PageSheet(r))
	h.class.Add(r)
	return nil
}

func (h *htmlResults) Unreadable(where string, err error) error {
	h.page.AddUnreadable(where, err)
	return nil
}

func (h *htmlResults) Close() error {
	h.page.ToMark = h.class.ToMark()
	return h.page.Write(h.w, h.class.Summary(stats.LowDiscrimination))
}

// PageSheet is a graded sheet as the class page takes it.
func PageSheet(r *SheetResult) htmlreport.Sheet {
	return htmlreport.Sheet{Name: r.Name(), Where: r.Where(), Banks: r.Banks, Outcomes: r.Outcomes,
		Score: r.Score, Max: r.Max, Percent: r.Percent, Passed: r.Passed,
		Status: r.Status(), StatusText: r.StatusText(),
		InOrder: r.InOrder, Paper: r.paper}
}
