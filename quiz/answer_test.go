package quiz

import (
	"slices"
	"strings"
	"testing"
)

func TestParseChoice(t *testing.T) {
	opts := []string{"Baku", "Yerevan", "Nagorno-Karabakh"}
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{"1", 0, ""},
		{" 3 ", 2, ""},
		{"b", 1, ""},
		{"B", 1, ""},
		{"c)", 2, ""},
		{"yerevan", 1, ""},
		{"nagorno karabakh", 2, ""},
		{"4", 0, "4 is not an option; type a number from 1 to 3"},
		{"0", 0, "0 is not an option"},
		{"d", 0, `"d" is not one of the options`},
		{"", 0, "type the number of your answer (1-3)"},
		{"Tbilisi", 0, `"Tbilisi" is not one of the options`},
	}
	for _, tt := range tests {
		got, err := ParseChoice(tt.in, opts)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseChoice(%q) err = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseChoice(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseChoices(t *testing.T) {
	opts := []string{"Black Sea", "Caspian Sea", "Aral Sea", "Red Sea"}
	tests := []struct {
		in   string
		want []int
		ok   bool
	}{
		{"1,3", []int{0, 2}, true},
		{"1 3", []int{0, 2}, true},
		{"1, 3", []int{0, 2}, true},
		{"a c", []int{0, 2}, true},
		{"3,1,3", []int{2, 0}, true},
		{"none", []int{}, true},
		{"Black Sea, Caspian Sea", []int{0, 1}, true},
		{"Caspian Sea", []int{1}, true},
		{"", nil, false},
		{"1,9", nil, false},
	}
	for _, tt := range tests {
		got, err := ParseChoices(tt.in, opts)
		if (err == nil) != tt.ok || (tt.ok && !slices.Equal(got, tt.want)) {
			t.Errorf("ParseChoices(%q) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseSequence(t *testing.T) {
	items := []string{"w", "x", "y"}
	if got, err := ParseSequence("3 1 2", items); err != nil || !slices.Equal(got, []int{2, 0, 1}) {
		t.Errorf("3 1 2 → %v, %v", got, err)
	}
	if got, err := ParseSequence("3,1,2", items); err != nil || !slices.Equal(got, []int{2, 0, 1}) {
		t.Errorf("3,1,2 → %v, %v", got, err)
	}
	for in, want := range map[string]string{
		"1 2":   "put all 3 items in order, each once, such as 3 2 1",
		"1 1 2": "item 1 is listed twice",
		"1 2 5": "5 is not an option",
	} {
		if _, err := ParseSequence(in, items); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseSequence(%q) err = %v, want %q", in, err, want)
		}
	}
}

func TestParseMatches(t *testing.T) {
	left, right := []string{"Khojaly", "Shusha", "Stepanakert"}, []string{"Shushi", "Khankendi", "Xocalı"}
	if got, err := ParseMatches("1=c 2=a 3=b", left, right); err != nil || !slices.Equal(got, []int{2, 0, 1}) {
		t.Errorf("got %v, %v", got, err)
	}
	if got, err := ParseMatches("1:c, 2:a, 3:b", left, right); err != nil || !slices.Equal(got, []int{2, 0, 1}) {
		t.Errorf("with colons: got %v, %v", got, err)
	}
	for in, want := range map[string]string{
		"1=c 2=a":     "pair every item: 3 has no partner",
		"1c 2a 3b":    "write each pair as number=letter",
		"1=z 2=a 3=b": `"z" is not a right-hand option; use a letter from a to c`,
		"9=a":         "left side: 9 is not an option",
	} {
		if _, err := ParseMatches(in, left, right); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseMatches(%q) err = %v, want %q", in, err, want)
		}
	}
}

func TestParseBool(t *testing.T) {
	for in, want := range map[string]bool{"true": true, "T": true, "yes": true, "1": true, "false": false, "f": false, "No": false, "2": false} {
		if got, err := ParseBool(in); err != nil || got != want {
			t.Errorf("ParseBool(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseBool("maybe"); err == nil {
		t.Error("maybe accepted")
	}
}

func TestParseChoiceTrueFalse(t *testing.T) {
	for in, want := range map[string]int{"t": 0, "TRUE": 0, "yes": 0, "1": 0, "f": 1, "false": 1, "no": 1, "2": 1} {
		if got, err := ParseChoice(in, []string{"True", "False"}); err != nil || got != want {
			t.Errorf("ParseChoice(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}
