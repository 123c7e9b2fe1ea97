package htmlreport

// Hash and Count are exported for the external tests, which grade sheets with
// quiz/grade (an importer of this package).
var (
	Hash  = hash
	Count = count
)
