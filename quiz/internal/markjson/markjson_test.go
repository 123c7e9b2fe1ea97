package markjson_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/conflictq/conflictq/quiz"
	"github.com/conflictq/conflictq/quiz/internal/jsonw"
	"github.com/conflictq/conflictq/quiz/internal/markjson"
	"github.com/conflictq/conflictq/quiz/internal/testfiles"
)

// markJSON is a mark as AppendFields writes it, in braces.
func markJSON(m *quiz.Mark, opts ...jsonw.Option) ([]byte, error) {
	b, err := markjson.AppendFields([]byte("{"), m, opts...)
	return append(b, '}'), err
}

// A mark's members are what encoding/json writes, byte for byte, with and
// without HTML escaping, for random and hostile marks and for one with every
// field set (a field added to Mark and not written fails here); and fail
// where it fails, with its words.
func TestMarkJSONAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 13))
	for n := range 3000 {
		var m quiz.Mark
		if err := testfiles.FillJSON(rng, reflect.ValueOf(&m), n == 0); err != nil {
			t.Fatal(err)
		}
		want, werr := json.Marshal(&m)
		got, err := markJSON(&m, jsonw.EscapeHTML)
		if fmt.Sprint(err) != fmt.Sprint(werr) || werr == nil && !bytes.Equal(got, want) {
			t.Fatalf("#%d %+v:\ngot  %s %v\nwant %s %v", n, m, got, err, want, werr)
		}
		var plain bytes.Buffer
		enc := json.NewEncoder(&plain)
		enc.SetEscapeHTML(false)
		enc.Encode(&m)
		if got, _ := markJSON(&m); werr == nil && string(got)+"\n" != plain.String() {
			t.Fatalf("#%d without HTML escaping:\ngot  %s\nwant %s", n, got, plain.Bytes())
		}
	}
	for _, m := range []quiz.Mark{{Points: math.NaN()}, {Points: math.Inf(-1)}, {At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		_, werr := json.Marshal(&m)
		if _, err := markJSON(&m); werr == nil || fmt.Sprint(err) != werr.Error() {
			t.Errorf("%+v: got %v, want %v", m, err, werr)
		}
	}
}
