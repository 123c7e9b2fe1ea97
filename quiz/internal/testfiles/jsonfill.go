package testfiles

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"time"
)

// hostile are pieces of the strings FillJSON writes: quotes, backslashes,
// control characters, U+2028 and U+2029, invalid UTF-8, HTML characters.
var hostile = []string{"", "a", "Ana María", "<script>&amp;</script>", "\"quoted\"", `back\slash`, "\x00\x01\x07\b\f\n\r\t\x1b\x1f\x7f",
	"\u2028\u2029", "\xff\xfe", "é", "Xocalı", "Խոջալու", "🙂", "\xe2\x82", "\xed\xa0\x80", "\ufffd", "comprehension", "a, b: {c} [d]"}

var jsonFloats = []float64{0, math.Copysign(0, -1), 1, 0.5, 1.0 / 3, 2.0 / 3, 33.33, 99.95, 100, 1e-6, 9.99e-7, 1e-7, 1.5e-9,
	1e20, 1e21, 1.234e22, -0.25, -1e-8, math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789.125}

// FillJSON sets every exported field written to JSON of the struct, slice, map or pointer v
// points to (recursively) to random values of the kinds a hand-written JSON
// writer must get right: hostile strings, floats of every size (never NaN
// or infinite), negative and large integers, times in other zones and with
// nanoseconds, nil and empty slices and maps, nil pointers. An interface
// field gets one of the values a report's answer holds, as made or as
// decoded from JSON. With every, no field is left its zero value, so that
// a field a writer leaves out shows. It fails for a kind it cannot fill:
// give it one.
func FillJSON(rng *rand.Rand, v reflect.Value, every bool) error {
	f := jsonFiller{rng: rng, every: every}
	f.fill(v.Elem(), 0)
	return f.err
}

type jsonFiller struct {
	rng   *rand.Rand
	every bool
	err   error
}

func (f *jsonFiller) str() string {
	var b strings.Builder
	for n := f.rng.IntN(4); n >= 0 && (b.Len() == 0 || n > 0); n-- {
		b.WriteString(hostile[f.rng.IntN(len(hostile))])
		if f.every && b.Len() == 0 {
			b.WriteString("x")
		}
	}
	return b.String()
}

func (f *jsonFiller) float() float64 {
	if f.rng.IntN(3) == 0 {
		return (f.rng.Float64() - 0.3) * math.Pow(10, float64(f.rng.IntN(50)-25))
	}
	if x := jsonFloats[f.rng.IntN(len(jsonFloats))]; x != 0 || !f.every {
		return x
	}
	return 2.5
}

// zero reports whether to leave a value its zero (nil, empty, false).
func (f *jsonFiller) zero() bool { return !f.every && f.rng.IntN(4) == 0 }

func (f *jsonFiller) fill(v reflect.Value, depth int) {
	if v.Type() == reflect.TypeFor[time.Time]() {
		if !f.zero() {
			zones := []*time.Location{time.UTC, time.FixedZone("AZT", 4*3600), time.FixedZone("odd", -(3*3600 + 30*60 + 17))}
			t := time.Unix(f.rng.Int64N(4e10)-1e10, f.rng.Int64N(2)*f.rng.Int64N(1e9)).In(zones[f.rng.IntN(len(zones))])
			v.Set(reflect.ValueOf(t))
		}
		return
	}
	if f.zero() && v.Kind() != reflect.Struct {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.str())
	case reflect.Bool:
		v.SetBool(f.every || f.rng.IntN(2) == 0)
	case reflect.Int, reflect.Int64, reflect.Int32:
		n := []int64{1, -1, 7, 40, 1 << 40, -(1 << 62)}[f.rng.IntN(6)]
		v.SetInt(n)
	case reflect.Uint64, reflect.Uint, reflect.Uint32:
		v.SetUint([]uint64{1, 7, math.MaxUint64, 1 << 53}[f.rng.IntN(4)])
	case reflect.Float64:
		v.SetFloat(f.float())
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		n := f.rng.IntN(4)
		if f.every && n == 0 {
			n = 1
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			f.fill(s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range f.rng.IntN(4) + 1 {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			f.fill(k, depth+1)
			f.fill(e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if sf := v.Type().Field(i); sf.IsExported() && sf.Tag.Get("json") != "-" {
				f.fill(v.Field(i), depth+1)
			}
		}
	case reflect.Interface:
		if v.NumMethod() == 0 {
			if a := f.answer(depth); a != nil {
				v.Set(reflect.ValueOf(a))
			}
			return
		}
		fallthrough
	default:
		if f.err == nil {
			f.err = fmt.Errorf("FillJSON: no example value for a %s; give it one", v.Type())
		}
	}
}

// answer is a value a report's answer holds: as made (AnswerOf) or as
// decoded from JSON (Read).
func (f *jsonFiller) answer(depth int) any {
	switch n := f.rng.IntN(9); {
	case n == 0 && !f.every:
		return nil
	case n == 1:
		return f.rng.IntN(2) == 0
	case n == 2:
		return []string{f.str(), f.str()}
	case n == 3:
		return map[string]string{f.str(): f.str(), f.str(): f.str()}
	case n == 4:
		return f.float()
	case n == 5 && depth < 6:
		return []any{f.answer(depth + 1), f.str()}
	case n == 6 && depth < 6:
		return map[string]any{f.str(): f.answer(depth + 1), "b": nil}
	case n == 7:
		return []string{}
	}
	return f.str()
}
