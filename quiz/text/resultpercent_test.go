package text

import "testing"

// A percentage below the pass mark never shows as reaching it; every other
// percentage rounds as FormatPercent does (attack6 finding 7: 59.95 showed
// as "60% FAIL" against --pass 60).
func TestFormatResultPercent(t *testing.T) {
	mark := func(v float64) *float64 { return &v }
	for _, tt := range []struct {
		p    float64
		pass *float64
		want string
	}{
		{59.95, mark(60), "59.9"},
		{59.99, mark(60), "59.9"},
		{59.94, mark(60), "59.9"},
		{66.67, mark(70), "66.7"}, // rounding up stays below the mark: as ever
		{60, mark(60), "60"},
		{60.04, mark(60), "60"},
		{99.96, mark(100), "99.9"},
		{12.3, mark(12.35), "12.3"},
		{12.34, mark(12.35), "12.3"},
		{59.95, nil, "60"},
		{33.33, nil, "33.3"},
		{99.95, nil, "99.9"},      // below 100 is never shown as full marks (attack7 F)
		{99.95, mark(50), "99.9"}, // passing or not
		{100, nil, "100"},
	} {
		if got := FormatResultPercent(tt.p, tt.pass); got != tt.want {
			t.Errorf("FormatResultPercent(%v, %v) = %q, want %q", tt.p, tt.pass, got, tt.want)
		}
	}
	// Every two-decimal percentage below every whole mark shows below it.
	for mk := 1; mk <= 100; mk++ {
		pass := float64(mk)
		for c := 1; c <= 20; c++ {
			p := Round2(pass - float64(c)/100)
			got := FormatResultPercent(p, &pass)
			if v, err := ParseNumber(got); err != nil || v >= pass {
				t.Fatalf("%v against %v shows %q", p, pass, got)
			}
		}
	}
}
