package quiz

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The parsers below read answers the way a person types them, against options
// in the order they were shown: by number (1, 2, ...), by letter (a, b, ...) or
// by the option's text. The plain prompter and answer sheets share them.

// ParseChoice reads one option: "2", "b", or the option's text.
func ParseChoice(s string, options []string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("type the number of your answer (1-%d)", len(options))
	}
	// An option's exact text first: options may themselves be numbers (1922).
	if i := slices.Index(options, s); i >= 0 {
		return i, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(options) {
			return n - 1, nil
		}
		return 0, fmt.Errorf("%d is not an option; type a number from 1 to %d", n, len(options))
	}
	if i, ok := letterIndex(s, len(options)); ok {
		return i, nil
	}
	if i := indexOfOption(options, s); i >= 0 {
		return i, nil
	}
	if len(options) == 2 && options[0] == "True" && options[1] == "False" {
		if b, err := ParseBool(s); err == nil { // t, f, yes, no
			if b {
				return 0, nil
			}
			return 1, nil
		}
	}
	return 0, fmt.Errorf("%q is not one of the options; type a number from 1 to %d", s, len(options))
}

func letterIndex(s string, n int) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ")")
	if len(s) != 1 {
		return 0, false
	}
	c := s[0] | 0x20 // ASCII lower case
	if c < 'a' || c > 'z' {
		return 0, false
	}
	i := int(c - 'a')
	return i, i < n
}

// splitRefs splits "1,3", "1 3", "a; c" into references. Text options may hold
// spaces, so a list that is not made of numbers and letters splits on , and ; only.
func splitRefs(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	short := true
	for _, f := range fields {
		if _, err := strconv.Atoi(f); err != nil && len([]rune(f)) > 1 {
			short = false
		}
	}
	if short {
		return fields
	}
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// ParseChoices reads several options: "1,3", "1 3", "a c", or "none".
func ParseChoices(s string, options []string) ([]int, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "none") {
		return []int{}, nil
	}
	if s == "" {
		return nil, fmt.Errorf("type the numbers of your answers, such as 1,3 (or none)")
	}
	if i := indexOfOption(options, s); i >= 0 {
		return []int{i}, nil
	}
	var out []int
	for _, ref := range splitRefs(s) {
		i, err := ParseChoice(ref, options)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out, nil
}

// ParseSequence reads an order: every item once, such as "3 1 2".
func ParseSequence(s string, items []string) ([]int, error) {
	refs := splitRefs(s)
	if len(refs) != len(items) {
		return nil, fmt.Errorf("put all %d items in order, each once, such as %s", len(items), exampleSequence(len(items)))
	}
	out := make([]int, 0, len(items))
	for _, ref := range refs {
		i, err := ParseChoice(ref, items)
		if err != nil {
			return nil, err
		}
		if slices.Contains(out, i) {
			return nil, fmt.Errorf("item %d is listed twice; use each item once", i+1)
		}
		out = append(out, i)
	}
	return out, nil
}

func exampleSequence(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strconv.Itoa(n - i)
	}
	return strings.Join(parts, " ")
}

// ParseMatches reads pairs: "1=b 2=a 3=c" (left number = right letter); ':'
// works in place of '='. Every left item needs a partner.
func ParseMatches(s string, left, right []string) ([]int, error) {
	out := make([]int, len(left))
	for i := range out {
		out[i] = -1
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	for _, f := range fields {
		l, r, ok := strings.Cut(f, "=")
		if !ok {
			l, r, ok = strings.Cut(f, ":")
		}
		if !ok || l == "" || r == "" {
			return nil, fmt.Errorf("write each pair as number=letter, such as 1=b 2=a")
		}
		li, err := ParseChoice(l, left)
		if err != nil {
			return nil, fmt.Errorf("left side: %w", err)
		}
		ri, ok := letterIndex(r, len(right))
		if !ok {
			if n, err := strconv.Atoi(r); err == nil && n >= 1 && n <= len(right) {
				ri, ok = n-1, true
			}
		}
		if !ok {
			return nil, fmt.Errorf("%q is not a right-hand option; use a letter from a to %c", r, 'a'+rune(len(right)-1))
		}
		out[li] = ri
	}
	for i, v := range out {
		if v < 0 {
			return nil, fmt.Errorf("pair every item: %d has no partner (such as %d=a)", i+1, i+1)
		}
	}
	return out, nil
}

// ParseBool reads true/false, t/f, yes/no, or 1/2 for the options True, False.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "t", "yes", "y", "1", "a":
		return true, nil
	case "false", "f", "no", "n", "2", "b":
		return false, nil
	}
	return false, fmt.Errorf("type true or false (or 1 for True, 2 for False)")
}
