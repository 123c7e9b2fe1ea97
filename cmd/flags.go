package cmd

import (
	"fmt"
	"strings"
)

// enumFlag is a string flag that accepts only listed values, so a bad value is
// caught where it was set: on the command line, in the environment or a config file.
type enumFlag struct {
	value   *string
	allowed []string
}

func newEnum(p *string, def string, allowed ...string) *enumFlag {
	*p = def
	return &enumFlag{value: p, allowed: allowed}
}

func (e *enumFlag) String() string { return *e.value }
func (e *enumFlag) Type() string   { return "string" }
func (e *enumFlag) Set(s string) error {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, a := range e.allowed {
		if s == a {
			*e.value = s
			return nil
		}
	}
	return fmt.Errorf("%q is not one of %s", s, strings.Join(e.allowed, ", "))
}
