package quiz

import (
	"fmt"
	"reflect"
	"testing"
)

// Every field of the bank's shape is written by bankYAML as yaml's encoder
// writes it: each field set on its own (and all at once) to a value of its
// type. A field added to BankDoc, QuestionDoc, Source, Pair or Number that
// bankYAML does not write fails here, rather than being dropped from every
// YAML export (review13-s25): the random banks of TestBankYAMLAsEncoder
// name their fields by hand.
func TestBankYAMLWritesEveryField(t *testing.T) {
	var example func(f reflect.StructField, v reflect.Value)
	example = func(f reflect.StructField, v reflect.Value) {
		if v.Kind() == reflect.Interface {
			v.Set(reflect.ValueOf("answer " + f.Name))
			return
		}
		switch v.Interface().(type) {
		case string:
			v.SetString("x: " + f.Name)
		case Type:
			v.Set(reflect.ValueOf(Short))
		case []string:
			v.Set(reflect.ValueOf([]string{"a " + f.Name, "b"}))
		case float64:
			v.SetFloat(1.5)
		case int:
			v.SetInt(3)
		case *int:
			n := 2
			v.Set(reflect.ValueOf(&n))
		}
		if !v.IsZero() {
			return
		}
		switch v.Interface().(type) {
		case map[string]float64:
			v.Set(reflect.ValueOf(map[string]float64{"b": 0.5, "a": 0.25}))
		case []Number:
			v.Set(reflect.ValueOf([]Number{{Value: 1991, Credit: 1}, {Value: 1992, Tol: 0.5, Credit: 0.5}}))
		case []Pair:
			v.Set(reflect.ValueOf([]Pair{{Left: "Baku", Right: "Azerbaijan"}}))
		case *Source:
			src := &Source{}
			fill(reflect.ValueOf(src).Elem(), example)
			v.Set(reflect.ValueOf(src))
		default:
			t.Fatalf("field %s of type %s: no example value here; give it one, and write it in bankYAML", f.Name, f.Type)
		}
	}
	var q QuestionDoc
	fill(reflect.ValueOf(&q).Elem(), example)
	all := BankDoc{ID: "b", Title: "T", Questions: []QuestionDoc{q}}
	fill(reflect.ValueOf(&all).Elem(), func(f reflect.StructField, v reflect.Value) {
		if f.Name != "Questions" {
			example(f, v)
		}
	})
	checkBankYAML(t, "every field", &all)
	qt := reflect.TypeFor[QuestionDoc]()
	for i := range qt.NumField() {
		one := QuestionDoc{ID: "q", Type: Open}
		f := qt.Field(i)
		example(f, reflect.ValueOf(&one).Elem().Field(i))
		checkBankYAML(t, fmt.Sprintf("QuestionDoc.%s alone", f.Name), &BankDoc{ID: "b", Title: "T", Questions: []QuestionDoc{one}})
	}
}

// fill sets each field of the struct v with set.
func fill(v reflect.Value, set func(reflect.StructField, reflect.Value)) {
	for i := range v.NumField() {
		set(v.Type().Field(i), v.Field(i))
	}
}
