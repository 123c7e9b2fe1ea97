package fileio

import "testing"

// Messages name a format's extensions from the one table, in the order the
// formats are given.
func TestExtList(t *testing.T) {
	for _, tt := range []struct {
		formats []string
		want    string
	}{
		{[]string{"yaml", "json", "jsonl"}, ".yaml, .yml, .json or .jsonl"},
		{[]string{"json"}, ".json"},
		{nil, ""},
	} {
		if got := ExtList(tt.formats...); got != tt.want {
			t.Errorf("ExtList(%q) = %q, want %q", tt.formats, got, tt.want)
		}
	}
}
