package glossary

import (
	"slices"
	"strings"
)

// Kind is one of the closed set of things an entry can name. The vocabulary
// quiz offers an entry's wrong answers from its own kind first, then from its
// fallback kinds in order, and from no others (CONTENT.md rule 8: distractors
// plausible and of the same kind, never a group of people for a category of
// people, never a people's losses as filler).
type Kind struct {
	Name string
	// Fallback lists the kinds, in order, whose entries may stand in when
	// the kind has too few entries to offer. No kind falls back to people,
	// person or loss-event; people and person fall back to nothing, and
	// loss-event to war, since no loss is a wrong answer for another.
	Fallback []string
}

// Kinds is the closed set of kinds, in the order docs/glossary-format.md
// lists them, where each is described (TestKindsDocumented keeps the two
// alike). Every entry names one in its kind: line.
var Kinds = []Kind{
	// a state, recognised or self-proclaimed, past or present (Armenia, the Soviet Union, the Nagorno-Karabakh Republic)
	{"state", []string{"region"}},
	// a region, province or district larger than a town (Nagorno-Karabakh, Nakhchivan, Kalbajar, Shahumyan)
	{"region", []string{"town", "state"}},
	// a town or city, with its district where they share a name (Khojaly, Shusha, Lachin, Sumgait)
	{"town", []string{"region"}},
	// a road or transit route (the Lachin corridor)
	{"route", []string{"region", "town"}},
	// a sea (the Caspian Sea)
	{"sea", []string{"region", "state"}},
	// a people (Armenians, Azerbaijanis): never asked about, never a wrong answer for another kind
	{"people", nil},
	// a named person (Raphael Lemkin)
	{"person", nil},
	// an organisation, court, mediation format or force (Human Rights Watch, the OSCE Minsk Group)
	{"organisation", nil},
	// a named agreement, statement or proposal of the peace process (the Bishkek Protocol, the Basic Principles)
	{"agreement", []string{"legal-text"}},
	// a resolution, law, convention or decision adopted by one body (UN General Assembly resolution 62/243, the Genocide Convention)
	{"legal-text", []string{"agreement"}},
	// a war or round of fighting (the First Nagorno-Karabakh War, the Four-Day War)
	{"war", nil},
	// a political turning point (the dissolution of the Soviet Union)
	{"turning-point", []string{"legal-text", "agreement"}},
	// what was done to a people's civilians: a pogrom, an expulsion, a deportation, a mass flight (Black January, the 2023 offensive); never a wrong answer
	{"loss-event", []string{"war"}},
	// a term for a crime or for mass violence (genocide, massacre, ethnic cleansing)
	{"crime", nil},
	// a legal category of person (refugee, internally displaced person): never a people
	{"status", []string{"crime"}},
	// a generic name for a kind of agreement to stop or end fighting (ceasefire, truce, armistice, peace treaty)
	{"agreement-type", []string{"political-term"}},
	// a generic term for how a territory lies (enclave, exclave)
	{"geo-term", []string{"political-term"}},
	// a generic term for how a territory's status is claimed or decided (referendum, self-determination, self-proclaimed state)
	{"political-term", []string{"geo-term"}},
}

// LookupKind finds a kind by name.
func LookupKind(name string) (Kind, bool) {
	i := slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == name })
	if i < 0 {
		return Kind{}, false
	}
	return Kinds[i], true
}

// WrongAnswerKinds returns the kinds whose entries the vocabulary quiz may
// offer as wrong answers for an entry of the given kind, in the order it tries
// them: the kind itself, then its fallback.
func WrongAnswerKinds(kind string) []string {
	k, ok := LookupKind(kind)
	if !ok {
		return nil
	}
	return append([]string{k.Name}, k.Fallback...)
}

// kindNames lists the kinds' names, for messages.
func kindNames() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = k.Name
	}
	return strings.Join(names, ", ")
}
