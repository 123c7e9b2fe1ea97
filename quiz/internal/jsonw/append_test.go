package jsonw

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"
)

// The hand-written JSON quoting and numbers are encoding/json's, byte for
// byte, on hostile strings (controls, HTML characters, invalid UTF-8, the
// line separators, quotes and backslashes) and on floats of every size.
func TestAppendJSONAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"", "a", "é", "\"", "\\", "<", ">", "&", "\x00", "\x1f", "\x7f", "\n", "\t", "\b", "\f", "\r",
		"\u2028", "\u2029", "\xff", "\xc3", "ə", "Xocalı", "Խոջալու", "💥", "\ufffd", "/", "'",
		"\xe2", "\xe2\x80", "\u2027", "\u202a", "\u2030", "\u20a8", "—", "plain words, in a run", "1992"}
	strs := []string{"", "plain", "a<b>&c", "\xed\xa0\x80", "x\u2028y"}
	for range 5000 {
		var s string
		for n := r.IntN(24); n > 0; n-- {
			s += pieces[r.IntN(len(pieces))]
		}
		strs = append(strs, s)
	}
	for _, s := range strs {
		want, _ := json.Marshal(s)
		if got := AppendString([]byte("x"), s, EscapeHTML); string(got) != "x"+string(want) {
			t.Fatalf("AppendString(%q, EscapeHTML) = %s, want %s", s, got[1:], want)
		}
		var plain bytes.Buffer
		enc := json.NewEncoder(&plain)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		if got := AppendString([]byte("x"), s); string(got)+"\n" != "x"+plain.String() {
			t.Fatalf("AppendString(%q) = %s, want %s", s, got[1:], plain.Bytes())
		}
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1e-6, 9.99e-7, 1e-7, 1e21, 9.99e20, 1e-9, -1e-9, 1e100, math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789.125, 2.0 / 3}
	for range 5000 {
		floats = append(floats, math.Float64frombits(r.Uint64()), r.NormFloat64()*math.Pow(10, float64(r.IntN(60)-30)))
	}
	for _, f := range floats {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		want, _ := json.Marshal(f)
		if got := AppendFloat([]byte("x"), f); string(got) != "x"+string(want) {
			t.Fatalf("AppendFloat(%v) = %s, want %s", f, got[1:], want)
		}
	}
}

// plain8 passes 8 bytes exactly when none is a control, a quote, a
// backslash or a byte outside ASCII: every byte at every place among plain
// ones, and random words.
func TestPlain8(t *testing.T) {
	plain := func(s string) bool {
		for i := range len(s) {
			if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
				return false
			}
		}
		return true
	}
	for c := range 256 {
		for at := range 8 {
			b := []byte("abcdefgh")
			b[at] = byte(c)
			if got, want := plain8(string(b)), plain(string(b)); got != want {
				t.Fatalf("plain8(%q) = %v, want %v", b, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(r.IntN(256))
			if r.IntN(2) == 0 {
				b[i] = byte(0x20 + r.IntN(0x60))
			}
		}
		if got, want := plain8(string(b[:])), plain(string(b[:])); got != want {
			t.Fatalf("plain8(%q) = %v, want %v", b, got, want)
		}
	}
}

// AppendNumber and AppendTime fail as encoding/json fails, word for
// word, appending nothing, and otherwise write what it writes.
func TestAppendJSONNumberTimeAsEncodingJSON(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, 1.5, 1e-9} {
		want, werr := json.Marshal(f)
		got, err := AppendNumber([]byte("x"), f)
		if fmt.Sprint(err) != fmt.Sprint(werr) || werr == nil && string(got) != "x"+string(want) || werr != nil && string(got) != "x" {
			t.Errorf("AppendNumber(%v) = %s, %v; want %s, %v", f, got, err, want, werr)
		}
	}
	for _, tm := range []time.Time{{}, time.Date(2026, 12, 4, 21, 0, 0, 5, time.FixedZone("AZT", 4*3600)), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)} {
		want, werr := json.Marshal(struct{ T time.Time }{tm})
		got, err := AppendTime([]byte(`{"T":`), tm)
		if fmt.Sprint(err) != fmt.Sprint(werr) || werr == nil && string(got)+"}" != string(want) || werr != nil && string(got) != `{"T":` {
			t.Errorf("AppendTime(%v) = %s, %v; want %s, %v", tm, got, err, want, werr)
		}
	}
}

// The list helpers write what encoding/json writes for a slice (null for
// nil, [] for empty) and a string field tagged omitempty.
func TestAppendJSONListsAsEncodingJSON(t *testing.T) {
	for _, ss := range [][]string{nil, {}, {"a"}, {"<b>", "c\"d", "\u2028", "\xff"}} {
		want, _ := json.Marshal(ss) // HTML-escaped, as Marshal does
		if got := AppendStrings(nil, ss, EscapeHTML); string(got) != string(want) {
			t.Errorf("AppendStrings(%q) = %s, want %s", ss, got, want)
		}
		each := func(s *string, b []byte) ([]byte, error) { return AppendString(b, *s, EscapeHTML), nil }
		if got, err := AppendList(nil, ss, each); err != nil || string(got) != string(want) {
			t.Errorf("AppendList(%q) = %s, %v, want %s", ss, got, err, want)
		}
		var field struct {
			S string `json:"s,omitempty"`
		}
		for _, s := range ss {
			field.S = s
			want, _ := json.Marshal(field)
			if got := append(AppendOmitEmpty([]byte("{"), `"s":`, s, EscapeHTML), '}'); string(got) != string(want) {
				t.Errorf("AppendOmitEmpty(%q) = %s, want %s", s, got, want)
			}
		}
	}
	for _, m := range []map[string]string{nil, {}, {"b": "<2>", "a": "1", "\u2028": "x"}} {
		want, _ := json.Marshal(m)
		got, err := AppendMap(nil, m, func(b []byte, s string) ([]byte, error) { return AppendString(b, s, EscapeHTML), nil })
		if err != nil || string(got) != string(want) {
			t.Errorf("AppendMap(%q) = %s, %v, want %s", m, got, err, want)
		}
	}
	if got := AppendOmitEmpty([]byte("{"), `"s":`, ""); string(got) != "{" {
		t.Errorf("AppendOmitEmpty of \"\" = %s, want nothing appended", got)
	}
	stop := errors.New("stop")
	got, err := AppendList([]byte("x"), []int{1, 2, 3}, func(v *int, b []byte) ([]byte, error) {
		if *v == 2 {
			return b, stop
		}
		return strconv.AppendInt(b, int64(*v), 10), nil
	})
	if err != stop || string(got) != "x[1," {
		t.Errorf("AppendList stopping at an error: %q, %v; want x[1, and the error", got, err)
	}
}
