package quiz

import (
	"strings"
	"testing"
)

// pointsCases are the texts every reader of points is tested with: mark's
// prompt here, a marks CSV in quiz/marking, a sheet's marks section in
// quiz/sheet. want is the points, -1 for a text that is not a number, -2
// for a number that is not a mark.
var pointsCases = []struct {
	in   string
	want float64
}{
	{"1,5", 1.5}, {"1.5", 1.5}, {"2", 2}, {" 2 ", 2}, {"0", 0}, {"-0", 0}, {"1,500", 1.5},
	{"NaN", -1}, {"1e3", -1}, {"", -1}, {"Inf", -1}, {"0x10", -1}, {"1.5 good", -1}, {"1,5,0", -1}, {"0,5,00", -1}, {"1.5,5", -1}, {"1,000,000", -1},
	{"-1", -2}, {"0.3", -2}, {"2.5", -2}, {"3", -2},
}

func TestParsePoints(t *testing.T) {
	for _, tc := range pointsCases {
		p, err := ParsePoints(tc.in, 2)
		if tc.want < 0 {
			want := `"` + strings.TrimSpace(tc.in) + `" is not a number of points; give 0 to 2 points, in halves (such as 1.5)`
			if tc.want == -2 {
				want = `"` + strings.TrimSpace(tc.in) + `": give 0 to 2 points, in halves (such as 1.5)`
			}
			if err == nil || err.Error() != want {
				t.Errorf("ParsePoints(%q) = %v, %v; want %s", tc.in, p, err, want)
			}
			continue
		}
		if err != nil || p != tc.want || 1/p < 0 && p == 0 {
			t.Errorf("ParsePoints(%q) = %v, %v; want %v", tc.in, p, err, tc.want)
		}
	}
	// The example is a half the question can get.
	for most, want := range map[float64]string{0.5: "0 to 0.5 points, in halves (such as 0.5)", 1: "0 to 1 points, in halves (such as 0.5)", 5: "0 to 5 points, in halves (such as 1.5)", MaxPoints: "0 to 1000 points, in halves (such as 1.5)"} {
		if err := CheckPoints(most+0.5, most); err == nil || err.Error() != "give "+want {
			t.Errorf("CheckPoints(%v): %v, want give %s", most+0.5, err, want)
		}
	}
}
