package stats

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
)

// oldReadSums is how the sums were read before sumsReader: encoding/json,
// by reflection. It is the oracle the reader is held to.
func oldReadSums(data []byte) (statsJSON, error) {
	var in statsJSON
	err := json.Unmarshal(data, &in)
	return in, err
}

// checkSumsRead fails unless the reader refuses what encoding/json refuses
// and reads everything else to the same values.
func checkSumsRead(t testing.TB, data []byte) {
	t.Helper()
	want, err := oldReadSums(data)
	var got statsJSON
	ok := got.read(data)
	if ok != (err == nil) {
		t.Fatalf("read %v, encoding/json: %v\n%q", ok, err, data)
	}
	if ok && !reflect.DeepEqual(got, want) {
		t.Fatalf("read differently:\n got %+v\nwant %+v\n%q", got, want, data)
	}
}

// sumsOddities are sums no grade --sums writes but encoding/json reads (or
// refuses) in its own way: names in other cases, fields twice, nulls,
// unknown and deeply nested fields, escapes, bytes that are not UTF-8,
// histograms short and long, numbers of every form, damaged syntax.
var sumsOddities = []string{
	`null`, ` null `, `{}`, `[]`, `1`, `"x"`, `true`, ``, ` `, `{`, `{"n":1}x`, `{"n":1} `, "\ufeff{}",
	`{"N":3,"Conflictq_Stats":1,"MEAN_TOTAL":2.5,"m2_TOTAL":1}`, `{"ſtopped":1,"n":2}`, "{\"\u212a\":1}",
	`{"n":1,"n":2,"n":null}`, `{"totals":{"1":1},"totals":{"2":2}}`, `{"totals":{"1":1},"totals":null}`,
	`{"totals":{}}`, `{"totals":{"1":null,"-0":2,"+3":1,"007":4}}`, `{"totals":{"1.5":1}}`, `{"totals":{"x":1}}`,
	`{"totals":{"1":1.5}}`, `{"totals":{"1":"2"}}`, `{"totals":{"1":1e2}}`, `{"totals":{"99999999999999999999":1}}`,
	`{"totals":{"\u0031\u0032":3}}`, `{"totals":[1]}`, `{"totals":1}`, `{"totals":{"1":{}}}`,
	`{"histogram":[1,2]}`, `{"histogram":[1,2,3,4,5,6,7,8,9,10,11,"x",{"a":[]}]}`, `{"histogram":null}`,
	`{"histogram":[1,2,3],"histogram":[null,5]}`, `{"histogram":[]}`, `{"histogram":{}}`, `{"histogram":[1.5]}`,
	`{"questions":[]}`, `{"questions":null}`, `{"questions":[null]}`, `{"questions":[{}],"questions":[]}`,
	`{"questions":[{"id":"a","n":3,"pos":2},{"id":"b"},{"id":"c"}],"questions":[{"max_mark":1}],"questions":[null,null,{"id":"d"}]}`,
	`{"questions":[{"id":null,"n":null}]}`, `{"questions":[{"id":"a","n":1,"n":null}]}`, `{"questions":[{"id":1}]}`,
	`{"questions":[{"id":"\u003cscript\u003e \ud800 \ud83d\ude00 \ud800\ud800\udc00 \/ \b"}]}`, "{\"questions\":[{\"id\":\"bad\xff\xfe é\"}]}",
	`{"questions":[{"id":"\x"}]}`, "{\"questions\":[{\"id\":\"tab\there\"}]}", `{"questions":[{"ID":"a","Marks":{"0":1},"REST":{"1":1},"Not_Reached":2}]}`,
	`{"questions":[{"unknown":[[[{"a":[1,2,{"b":null}]}]]],"id":"x"}]}`, `{"questions":{}}`, `{"questions":[1]}`,
	`{"mean_total":1e400}`, `{"mean_total":-0}`, `{"mean_total":1E-5,"m2_total":-0.0e+0}`, `{"mean_total":01}`, `{"mean_total":.5}`,
	`{"mean_total":1.}`, `{"mean_total":-}`, `{"mean_total":"1"}`, `{"mean_total":true}`, `{"n":1.0}`, `{"n":-0}`, `{"n":9223372036854775808}`,
	`{"extra":{"deep":[true,false,null,"s",-1.5e-3]}}`, `{"extra":tru}`, `{"extra":nul}`, `{"extra":[1,]}`, `{"extra":{"a":1,}}`,
	`{"extra":"\u12"}`, "{\"a\"\t:\r\n1 , \"n\" : 2 }", `{"n":1,}`, `{,"n":1}`, `{"n" 1}`, `{n:1}`, `{'n':1}`,
}

func TestSumsReadAsEncodingJSON(t *testing.T) {
	for _, s := range sumsOddities {
		checkSumsRead(t, []byte(s))
	}
	deep := func(n int) string { return `{"x":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}` }
	for _, n := range []int{9998, 9999, 10000, 10001} {
		checkSumsRead(t, []byte(deep(n)))
		checkSumsRead(t, []byte(`{"questions":[{"x":`+strings.Repeat(`{"a":`, n)+`1`+strings.Repeat("}", n)+`}]}`))
		checkSumsRead(t, []byte(`{"histogram":[0,0,0,0,0,0,0,0,0,0,`+strings.Repeat("[", n)+strings.Repeat("]", n)+`]}`))
	}
	rng := rand.New(rand.NewPCG(26, 1))
	for range 400 {
		data, err := randomStats(rng).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		checkSumsRead(t, data)
		var indented bytes.Buffer
		json.Indent(&indented, data, "", "\t")
		checkSumsRead(t, indented.Bytes())
		for range 20 { // damaged: a byte changed, dropped or added
			checkSumsRead(t, mutateSums(rng, data))
		}
	}
	if data, err := os.ReadFile("testdata/class-sums.json"); err == nil {
		checkSumsRead(t, data)
	} else {
		t.Fatal(err)
	}
}

// mutateSums changes one byte of data, drops one or adds one, from the
// bytes that make JSON what it is.
func mutateSums(rng *rand.Rand, data []byte) []byte {
	out := bytes.Clone(data)
	if len(out) == 0 {
		return out
	}
	i := rng.IntN(len(out))
	const picks = "{}[]\",:.-+0123456789eEnulltrfas \\\x00\xff"
	pick := picks[rng.IntN(len(picks))]
	switch rng.IntN(3) {
	case 0:
		out[i] = pick
	case 1:
		out = append(out[:i], out[i+1:]...)
	default:
		out = append(out[:i], append([]byte{pick}, out[i:]...)...)
	}
	return out
}

func FuzzReadSums(f *testing.F) {
	for _, s := range sumsOddities {
		f.Add([]byte(s))
	}
	rng := rand.New(rand.NewPCG(26, 2))
	for range 20 {
		data, _ := randomStats(rng).MarshalJSON()
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkSumsRead(t, data) })
}

// BenchmarkReadSums reads a class of 30's sums (the comprehension bank's
// 40 questions, as BenchmarkStartup's summary rows read them).
func BenchmarkReadSums(b *testing.B) {
	data, err := os.ReadFile("testdata/class-sums.json")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("reader", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var in statsJSON
			if !in.read(data) {
				b.Fatal("refused")
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := oldReadSums(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSummaryOfClass is summary's work after reading the class of 30's
// sums: the statistics of its 40 questions.
func BenchmarkSummaryOfClass(b *testing.B) {
	data, err := os.ReadFile("testdata/class-sums.json")
	if err != nil {
		b.Fatal(err)
	}
	var s Stats
	if err := s.UnmarshalJSON(data); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.Summary(LowDiscrimination)
	}
}

// BenchmarkWriteSums writes the class of 30's sums back (summary --sums,
// grade --sums).
func BenchmarkWriteSums(b *testing.B) {
	data, err := os.ReadFile("testdata/class-sums.json")
	if err != nil {
		b.Fatal(err)
	}
	var s Stats
	if err := s.UnmarshalJSON(data); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}
