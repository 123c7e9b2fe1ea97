package report

import (
	"strings"
	"testing"
)

// A JSON sheet with a schema_version key is refused, not read as a report
// with no questions (attack4 #10); so is a report without questions.
func TestReadRefusesASheetWithSchemaVersion(t *testing.T) {
	for data, want := range map[string]string{
		`{"student": "Ana", "answers": {"q": "A region"}, "schema_version": 1}`: "a.json:1: schema_version: only a quiz report has it, and this file has answers",
		`{"schema_version": 1, "student": "Ana"}`:                               "has schema_version but no questions",
	} {
		if _, err := Read("a.json", []byte(data)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", data, err)
		}
	}
	if _, err := Read("a.json", []byte("\ufeff{\"schema_version\": 2, \"questions\": []}")); err != nil {
		t.Errorf("a byte order mark: %v", err)
	}
}

// Other fields of the wrong kind are named, with their line, in the user's
// words rather than Go's ("Go struct field Report.questions.plain...").
func TestReadNamesAFieldOfTheWrongKind(t *testing.T) {
	data := "{\"schema_version\": 2,\n\"questions\": [{\"id\": \"q\",\n\"points\": \"1\"}]}"
	_, err := Read("r.json", []byte(data))
	if err == nil || err.Error() != `r.json:3: questions.points: text where a number belongs` {
		t.Errorf("got %v", err)
	}
}
