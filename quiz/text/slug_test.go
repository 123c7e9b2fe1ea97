package text

import (
	"strings"
	"testing"
)

func TestFileName(t *testing.T) {
	tests := map[string]string{
		"Ana":                   "Ana",
		"Ana Məmmədova":         "Ana-Memmedova",
		"../../x":               "x",
		"/etc/passwd":           "etc-passwd",
		"..":                    "student",
		"":                      "student",
		"a\x00b\nc\x1b[31m":     "a-b-c-31m",
		"Xocalı":                "Xocali",
		"   ":                   "student",
		"snake_case":            "snake_case",
		"\xff\xfe":              "student",
		"中文":                    "student",
		strings.Repeat("a", 99): strings.Repeat("a", 48),
		// Both communities' names, each the same way: capitals kept,
		// every letter in Latin (teacher2 P4: Əliyeva was "eliyeva").
		"Leyla Əliyeva":    "Leyla-Eliyeva",
		"Elvin Məmmədov":   "Elvin-Memmedov",
		"Aysel Quliyeva":   "Aysel-Quliyeva",
		"Şəhla Çələbi":     "Sehla-Celebi",
		"Gülşən Ağayeva":   "Gulsen-Agayeva",
		"İlkin Əhmədli":    "Ilkin-Ehmedli",
		"Ana Petrosyan":    "Ana-Petrosyan",
		"Lusine Hakobyan":  "Lusine-Hakobyan",
		"Լուսինե Հակոբյան": "Lusine-Hakobyan",
		"Նարեկ Սարգսյան":   "Narek-Sargsyan",
		"ԼՈՒՍԻՆԵ":          "LUSINE",
		"Երվանդ Ոսկանյան":  "Yervand-Voskanyan",
		"Լեյլա Ալիևա":      "Leyla-Alieva",
		"Лейла Алиева":     "Leyla-Alieva",
		"Әлијева Ләјла":    "Eliyeva-Leyla",
		"Арутюнян Ашот":    "Arutyunyan-Ashot",
		"Дарья Ёлкина":     "Darya-Yolkina",
	}
	for in, want := range tests {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Grant's tomb":            "grant-s-tomb",
		"Xocalı":                  "xocali",
		"Khojaly / Xocalı":        "khojaly-xocali",
		"Խոջալու":                 "khojalu",
		"Ходжалы":                 "khodzhaly",
		"Leyla Əliyeva":           "leyla-eliyeva",
		"Լուսինե Հակոբյան":        "lusine-hakobyan",
		"UN resolution":           "un-resolution",
		"snake_case":              "snake-case",
		"  --  ":                  "",
		"中文":                      "",
		"ﬁnal １":                  "final-1",
		strings.Repeat("ab ", 40): strings.TrimSuffix(strings.Repeat("ab-", 20), "-"),
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	// The file name is the slug with its capitals: one spelling of a name.
	for _, name := range []string{"Leyla Əliyeva", "Elvin Məmmədov", "Լուսինե Հակոբյան", "Ana Petrosyan", "Лейла Алиева"} {
		if got, want := strings.ToLower(FileName(name)), Slug(name); got != want {
			t.Errorf("FileName(%q) = %q, not Slug's %q with capitals", name, got, want)
		}
	}
}

// asciiSlug slugs ASCII text as slugRunes does: every ASCII character alone
// and 20,000 random strings of them.
func TestASCIISlugAsRunes(t *testing.T) {
	var pieces []string
	for c := range 128 {
		pieces = append(pieces, string(rune(c)))
	}
	pieces = append(pieces, "word", "Khojaly", "28th", " - ", "--")
	eachText(77, pieces, 10, func(s string) {
		if got, want := asciiSlug(s), slugRunes(s, false); got != want {
			t.Fatalf("asciiSlug(%q) = %q, slugRunes %q", s, got, want)
		}
	})
}

// transliterated passes over ASCII without making the table: the table has
// no ASCII letter, so it reads every rune as looking it up did.
func TestTranslitHasNoASCII(t *testing.T) {
	table := translit.Get()
	for r := rune(0); r < 0x3000; r++ {
		want, wantOK := table[r]
		if got, ok := transliterated(r); got != want || ok != wantOK {
			t.Errorf("transliterated(%q) = %q, %v; the table has %q, %v", r, got, ok, want, wantOK)
		}
	}
}
