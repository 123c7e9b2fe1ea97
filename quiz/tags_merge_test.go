package quiz

import (
	"slices"
	"testing"

	"github.com/conflictq/conflictq/quiz/text"
)

// Tags that differ only in case, hyphens or spaces read alike: one key, one
// label, counted once per question; numbered tags sort as people count
// (attack6 finding 8).
func TestTagsThatReadAlike(t *testing.T) {
	for _, group := range [][]string{{"recall", "Recall"}, {"un-resolution", "un resolution", "UN-resolution", "UN resolution"}} {
		for _, tag := range group[1:] {
			if TagKey(tag) != TagKey(group[0]) || TagLabel(tag) != TagLabel(group[0]) {
				t.Errorf("%q: key %q label %q; %q: key %q label %q", tag, TagKey(tag), TagLabel(tag), group[0], TagKey(group[0]), TagLabel(group[0]))
			}
		}
	}
	if TagKey("RECALL") != TagKey("recall") || TagLabel("un resolution") != "UN resolution" || TagLabel("Ünïcode tag") != "Ünïcode tag" {
		t.Errorf("labels %q %q", TagLabel("un resolution"), TagLabel("Ünïcode tag"))
	}
	if got := UniqueTags([]string{"recall", "t2", "Recall", "T2", "x"}); !slices.Equal(got, []string{"recall", "t2", "x"}) {
		t.Errorf("UniqueTags = %q", got)
	}
	tags := []string{"T10", "t2", "T0", "T11", "T1"}
	slices.SortFunc(tags, CompareTags)
	if !slices.Equal(tags, []string{"T0", "T1", "t2", "T10", "T11"}) {
		t.Errorf("sorted %q", tags)
	}
}

// TagLabel's table of the sections' slugs and folded headings is what
// text.Slug and text.Normalize make of them, one row a section.
func TestSectionTags(t *testing.T) {
	if len(sectionTags) != len(articleSections) {
		t.Fatalf("%d rows for %d sections", len(sectionTags), len(articleSections))
	}
	for i, s := range articleSections {
		if got := sectionTags[i]; got.slug != text.Slug(s) || got.key != text.Normalize(s) {
			t.Errorf("section %q: row %+v, want {%q %q}", s, got, text.Slug(s), text.Normalize(s))
		}
	}
}
