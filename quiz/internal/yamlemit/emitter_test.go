package yamlemit

import (
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// Text that is not UTF-8, which the callers write as !!binary or refuse, is
// still written, in every style and place, rather than loop for ever: a byte
// that starts no character was 0 bytes wide (markyaml26: "\xff" written
// plain never returned).
func TestNotUTF8EndsInEveryStyle(t *testing.T) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, s := range []string{"\xff", "a\x80b", "\xf8\xf9", "x\n\xbfy", "\xc3"} {
			for _, st := range []Style{Plain, Single, Double, Literal, Folded} {
				e := New(64)
				e.BlockStart(false)
				e.Key("k", "", Plain)
				e.Scalar(s, "", st, false)
				e.FlowStart(false)
				e.FlowItem(0, s, "", st)
				e.FlowEnd(false)
				e.LineComment(s)
				e.BlockEnd()
				e.End()
				if len(e.Buf) == 0 {
					t.Errorf("%q as %d: nothing written", s, st)
				}
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the emitter did not return on text that is not UTF-8")
	}
}

// Float writes a float64 as yaml's encoder does, and it reads back.
func TestFloatAsEncoder(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.5, 1e21, 1e-7, 123456789.125, 2.0 / 3} {
		out, err := yaml.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := Float(f), strings.TrimSuffix(string(out), "\n"); got != want {
			t.Errorf("Float(%v) = %q, want %q", f, got, want)
		}
	}
}
