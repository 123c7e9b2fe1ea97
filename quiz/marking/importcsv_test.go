package marking

import (
	"errors"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
)

// importCSV reads the marks CSV from and gives them, as mark --from does
// (ReadMarks, then Import), in one call for the tests.
func importCSV(from string, files []string, load BankLoader, opts ImportOptions) ([]quiz.Problem, []Row, error) {
	marks, err := ReadMarks(from)
	if err != nil {
		return nil, nil, err
	}
	return marks.Import(files, load, opts)
}

// Marks given once are not given again on nothing: a second Import is
// refused (review13-s30 L3: it imported nothing, and said nothing).
func TestImportTwiceRefused(t *testing.T) {
	ana, bo, _, load := batchFiles(t)
	from := batchCSV(t, ana,
		[]string{"ana.yaml", "Ana", "1", "", "clear", "0.5", "", "", "2", "", "", "", "", ""},
	)
	marks, err := ReadMarks(from)
	if err != nil {
		t.Fatal(err)
	}
	opts := ImportOptions{Marker: "T", Now: func() time.Time { return batchAt }}
	if _, rows, err := marks.Import([]string{ana, bo}, load, opts); err != nil || len(rows) == 0 {
		t.Fatalf("first Import: %d rows, %v", len(rows), err)
	}
	if _, rows, err := marks.Import([]string{ana, bo}, load, opts); !errors.Is(err, ErrImported) || rows != nil {
		t.Errorf("second Import: %d rows, %v; want ErrImported", len(rows), err)
	}
}
