// Package entity finds who is who in a story: the people, organisations and
// places that its articles mention, with every spelling of one name merged
// and different people kept apart.
//
// Extract reads the cleaned sentences of one article and returns its
// mentions. It chunks runs of capitalised words into names, reads titles
// and roles around person names ("US President Donald Trump" is Donald
// Trump, role "US President"), and types each name with a built-in
// gazetteer of countries, cities, demonyms, news agencies and institutions,
// lists of given names, and trigger words such as Ministry, Union or Court.
// It copes with headlines in title case and with all-caps text by falling
// back on the gazetteer and on the names the article spells normally.
//
// Resolve merges the mentions of all the articles of one story into
// entities. Person names are blocked by the surname key of package names
// and compared with its gender-aware matching, so that only spellings of
// one surname are ever compared; surname-only and initial forms attach to a
// full name only when exactly one candidate fits. Organisation names merge
// by known alias, by acronym and by their content words, with demonyms and
// "of <country>" read as the same thing, so that "Union of Poles in Belarus"
// and "Belarusian Polish Union" are one organisation.
//
// Both functions are pure and safe for concurrent use.
package entity

import (
	"github.com/crosscheck/crosscheck"
)

// Type is the kind of thing a name denotes.
type Type string

// The types of names. Unknown marks a capitalised name that Extract could
// not type on its own; Resolve either attaches it to a typed entity of the
// story or drops it.
const (
	Person  Type = "person"
	Org     Type = "org"
	Place   Type = "place"
	Unknown Type = "unknown"
)

// Mention is one occurrence of a name in one sentence of one article.
type Mention struct {
	// Text is the name as written, without a possessive ending or a title.
	Text string `json:"text"`
	Type Type   `json:"type"`
	// Role is the title or function the sentence gives a person, as
	// written: "US President", "press secretary". Empty when none.
	Role     string          `json:"role,omitempty"`
	Article  string          `json:"article"`
	Sentence int             `json:"sentence"` // index into Article.Sentences
	Span     crosscheck.Span `json:"span"`
}

// Entity is one person, organisation or place of a story, with all the
// names it goes by.
type Entity struct {
	// Name is the canonical name: the most frequent full form.
	Name     string    `json:"name"`
	Type     Type      `json:"type"`
	Variants []Variant `json:"variants"`
	// Roles are the distinct roles given to a person, most frequent first.
	Roles    []string          `json:"roles,omitempty"`
	Mentions int               `json:"mentions"`
	Articles []string          `json:"articles"`
	Spans    []crosscheck.Span `json:"spans"`
}

// Variant is one spelling of an entity's name and where it appears.
type Variant struct {
	Text     string   `json:"text"`
	Mentions int      `json:"mentions"`
	Articles []string `json:"articles"`
}
