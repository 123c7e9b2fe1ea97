package grade

// GradeReport grades a whole report file: GradeReportAt at line 0. Only the
// tests use it.
func (g *Grader) GradeReport(file string, data []byte) (*SheetResult, error) {
	return g.GradeReportAt(file, 0, data)
}
