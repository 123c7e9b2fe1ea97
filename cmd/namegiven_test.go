package cmd

import "testing"

// The name prompt asks again for a blank name (teacher11 P2: the gradebook
// then showed the report's file name).
func TestNameGiven(t *testing.T) {
	t.Parallel()
	for in, ok := range map[string]bool{"": false, "   ": false, "\t": false, "Ana": true, " Nərgiz Əliyeva ": true} {
		if err := nameGiven(in); (err == nil) != ok {
			t.Errorf("nameGiven(%q) = %v", in, err)
		}
	}
}
