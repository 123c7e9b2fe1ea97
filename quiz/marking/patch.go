package marking

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// patchObject returns the JSON object raw with the values of the keys in set
// replaced (every occurrence, when a key is repeated) and the keys it lacks
// added at the end, in keys' order. Every other member is kept as it was,
// byte for byte: fields a newer conflictq added, a teacher's own notes.
func patchObject(raw json.RawMessage, keys []string, set map[string]json.RawMessage) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	var out bytes.Buffer
	out.WriteByte('{')
	seen := map[string]bool{}
	first := true
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := t.(string)
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return nil, err
		}
		if v, ok := set[key]; ok {
			val = v
			seen[key] = true
		}
		if !first {
			out.WriteByte(',')
		}
		first = false
		k, _ := json.Marshal(key)
		out.Write(k)
		out.WriteByte(':')
		out.Write(val)
	}
	for _, key := range keys {
		if seen[key] {
			continue
		}
		if !first {
			out.WriteByte(',')
		}
		first = false
		k, _ := json.Marshal(key)
		out.Write(k)
		out.WriteByte(':')
		out.Write(set[key])
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// patchArrayElem returns the JSON array raw with element i patched as
// patchObject does.
func patchArrayElem(raw json.RawMessage, i int, keys []string, set map[string]json.RawMessage) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil, fmt.Errorf("questions: not a JSON array")
	}
	var out bytes.Buffer
	out.WriteByte('[')
	n := 0
	for ; dec.More(); n++ {
		var e json.RawMessage
		if err := dec.Decode(&e); err != nil {
			return nil, err
		}
		if n == i {
			var err error
			if e, err = patchObject(e, keys, set); err != nil {
				return nil, err
			}
		}
		if n > 0 {
			out.WriteByte(',')
		}
		out.Write(e)
	}
	if i < 0 || i >= n {
		return nil, fmt.Errorf("no question %d in the report", i+1)
	}
	out.WriteByte(']')
	return out.Bytes(), nil
}

func marshalNoEscape(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}
