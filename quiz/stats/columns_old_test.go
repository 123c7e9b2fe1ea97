package stats

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/conflictq/conflictq/quiz/text"
)

// writeColumns writes the columns as the code it replaced, kept below, did:
// the questions' tables of random classes' summaries, and tables of hostile
// cells (wide characters, spaces at either end, empty cells and rows).
func TestColumnsAsPadded(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 31))
	pieces := []string{"", " ", "a", "comprehension/x", "12.5", "n/a", "世界", "é", "\t", "  x  ", "low", "█"}
	var tables [][][]string
	for range 300 {
		sum := randomStats(rng).Summary(30)
		mixed := rng.IntN(2) == 0
		head := []string{"Question", "Max", "Facility", "SD", "Discrimination", "Disc. efficiency", ""}
		if mixed {
			head = append(head[:1:1], append([]string{"Students"}, head[1:]...)...)
		}
		table := [][]string{head}
		for _, it := range sum.Items {
			table = append(table, itemRow(it, mixed))
		}
		tables = append(tables, table)
		cols := 1 + rng.IntN(5)
		var hostile [][]string
		for range 1 + rng.IntN(5) {
			row := make([]string, cols)
			for i := range row {
				row[i] = pieces[rng.IntN(len(pieces))] + pieces[rng.IntN(len(pieces))]
			}
			hostile = append(hostile, row)
		}
		tables = append(tables, hostile)
	}
	for _, table := range tables {
		var got, want strings.Builder
		writeColumns(&got, table)
		writeColumnsOld(&want, table)
		if got.String() != want.String() {
			t.Fatalf("table %q:\n got %q\nwant %q", table, got.String(), want.String())
		}
	}
}

func writeColumnsOld(b *strings.Builder, table [][]string) {
	widths := make([]int, len(table[0]))
	for _, row := range table {
		for i, c := range row {
			widths[i] = max(widths[i], text.Width(c))
		}
	}
	last := len(widths) - 1
	for _, row := range table {
		var line strings.Builder
		line.WriteString(" ")
		for i, c := range row {
			line.WriteString(" ")
			switch i {
			case 0:
				line.WriteString(text.PadRight(c, widths[i]))
			case last:
				line.WriteString(c)
			default:
				line.WriteString(text.PadLeft(c, widths[i]))
			}
			if i < last {
				line.WriteString(" ")
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}
