package crosscheck

import "time"

// Status says how well a fact stands across outlets.
type Status string

// The statuses of a fact or quote.
const (
	// Corroborated: two or more independent origins report it.
	Corroborated Status = "corroborated"
	// SingleSource: one origin reports it, however many outlets carry it.
	SingleSource Status = "single_source"
	// InConflict: outlets give incompatible versions of it.
	InConflict Status = "conflict"
)

// Evidence is a cited stretch of one article: the code-point range and the
// text found there, so that every claim of a brief can be checked.
type Evidence struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Note    string `json:"note,omitempty"`
}

// Brief is crosscheck's report on a set of articles: one brief per story.
type Brief struct {
	Stories []StoryBrief `json:"stories"`
}

// StoryBrief tells a reader what is established about one story, what rests
// on one source, and where the outlets differ. Every item cites articles by
// id.
type StoryBrief struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Coverage Coverage       `json:"coverage"`
	Articles []BriefArticle `json:"articles"`
	Notes    []string       `json:"notes"`
	Summary  []Summary      `json:"summary"`
	Facts    []Fact         `json:"facts"`
	Entities []Entity       `json:"entities"`
	Quotes   []Quote        `json:"quotes"`
	// Differences holds real conflicts, spelling discrepancies and
	// differences of wording or framing.
	Differences Differences    `json:"differences"`
	Unique      []Unique       `json:"unique"`
	Timeline    []TimelineItem `json:"timeline"`
	Copies      []Copy         `json:"copies"`
}

// Coverage counts what a story rests on.
type Coverage struct {
	Articles           int       `json:"articles"`
	Outlets            int       `json:"outlets"`
	IndependentOrigins int       `json:"independent_origins"`
	First              time.Time `json:"first,omitzero"`
	Last               time.Time `json:"last,omitzero"`
}

// BriefArticle is one article of a story as a brief lists it.
type BriefArticle struct {
	ID        string    `json:"id"`
	Ref       string    `json:"ref"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Language  string    `json:"language"`
	Published time.Time `json:"published,omitzero"`
	// Analysed is false for articles that are shown but not analysed, such
	// as those in a language crosscheck does not read; Note says why.
	Analysed bool   `json:"analysed"`
	Note     string `json:"note,omitempty"`
}

// Summary is one sentence of a story's summary.
type Summary struct {
	Text     string     `json:"text"`
	Articles []string   `json:"articles"` // every article that says it
	Outlets  []string   `json:"outlets"`
	Evidence []Evidence `json:"evidence"`
	// SingleSource marks a sentence that only one origin supports.
	SingleSource bool `json:"single_source"`
}

// Fact is a checkable statement, a number or a date, aligned across the
// articles that state it.
type Fact struct {
	ID         string   `json:"id"`
	Kind       string   `json:"kind"` // "number" or "date"
	Text       string   `json:"text"` // a short description: "123 prisoners released"
	Value      *float64 `json:"value,omitempty"`
	Comparator string   `json:"comparator,omitempty"` // exact, at_least, at_most, approx
	Unit       string   `json:"unit,omitempty"`
	Event      string   `json:"event,omitempty"`
	Subject    string   `json:"subject,omitempty"`
	Date       string   `json:"date,omitempty"` // ISO, for dates
	Precision  string   `json:"precision,omitempty"`
	Articles   []string `json:"articles"`
	Outlets    []string `json:"outlets"`
	// IndependentOrigins counts the groups of articles that do not share
	// the text carrying the fact nor credit the same source.
	IndependentOrigins int      `json:"independent_origins"`
	Origins            []Origin `json:"origins"`
	Status             Status   `json:"status"`
	// Why explains the status: what was copied, what is compatible, what
	// conflicts.
	Why      string     `json:"why,omitempty"`
	Evidence []Evidence `json:"evidence"`
	// Versions lists the competing values of a fact in conflict, and the
	// compatible variants of one that is not ("more than 100").
	Versions []Version `json:"versions,omitempty"`
}

// Origin is a group of articles that count as one source for an item.
type Origin struct {
	Articles []string `json:"articles"`
	Reasons  []string `json:"reasons,omitempty"`
}

// Version is one outlet group's version of a fact.
type Version struct {
	Text       string   `json:"text"`
	Value      *float64 `json:"value,omitempty"`
	Comparator string   `json:"comparator,omitempty"`
	Articles   []string `json:"articles"`
	Outlets    []string `json:"outlets"`
	Compatible bool     `json:"compatible"`
	Note       string   `json:"note,omitempty"`
	// Evidence cites where the version is stated, when it is not among
	// the item's own evidence.
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Entity is a person, organisation or place, with every spelling the
// articles use.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"` // the canonical form
	Type     string    `json:"type"` // person, organisation, place
	Variants []Variant `json:"variants"`
	Roles    []string  `json:"roles"`
	Mentions int       `json:"mentions"`
	Articles []string  `json:"articles"`
	Outlets  []string  `json:"outlets"`
}

// Variant is one spelling of an entity and who used it.
type Variant struct {
	Name     string   `json:"name"`
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets"`
	Count    int      `json:"count"`
}

// Quote is a direct quotation aligned across articles.
type Quote struct {
	ID                 string     `json:"id"`
	Text               string     `json:"text"`
	Speaker            string     `json:"speaker"`
	Channel            string     `json:"channel,omitempty"`
	Articles           []string   `json:"articles"`
	Outlets            []string   `json:"outlets"`
	IndependentOrigins int        `json:"independent_origins"`
	Status             Status     `json:"status"`
	Why                string     `json:"why,omitempty"`
	Evidence           []Evidence `json:"evidence"`
	// Wordings lists other wordings of the same quote, such as two
	// translations.
	Wordings []string `json:"wordings,omitempty"`
}

// Differences gathers where the outlets differ.
type Differences struct {
	Conflicts []Conflict `json:"conflicts"`
	Spellings []Spelling `json:"spellings"`
	Framing   []Framing  `json:"framing"`
}

// Conflict is a real disagreement, with both versions and why it is one.
type Conflict struct {
	Kind     string    `json:"kind"` // "number" or "quote_speaker"
	Item     string    `json:"item"` // the fact or quote id
	Why      string    `json:"why"`
	Versions []Version `json:"versions"`
}

// Spelling is a name the outlets spell differently.
type Spelling struct {
	Entity   string    `json:"entity"` // the entity id
	Name     string    `json:"name"`
	Variants []Variant `json:"variants"`
}

// Framing is a term one group of outlets uses and the others avoid.
type Framing struct {
	Term     string   `json:"term"`
	Outlets  []string `json:"outlets"` // those that use it
	Others   []string `json:"others"`  // those that do not
	Articles []string `json:"articles"`
	Score    float64  `json:"score"` // weighted log-odds z-score
	Contrast string   `json:"contrast,omitempty"`
}

// Unique is a notable detail that only one outlet gives.
type Unique struct {
	Outlet   string   `json:"outlet"`
	Article  string   `json:"article"`
	Text     string   `json:"text"`
	Evidence Evidence `json:"evidence"`
}

// TimelineItem is a dated event of a story.
type TimelineItem struct {
	Date      string     `json:"date"` // ISO; --MM-DD when the year is unknown
	Precision string     `json:"precision"`
	Text      string     `json:"text"`
	Articles  []string   `json:"articles"`
	Outlets   []string   `json:"outlets"`
	Evidence  []Evidence `json:"evidence"`
}

// Copy is a pair of articles that share passages.
type Copy struct {
	A        string   `json:"a"`
	B        string   `json:"b"`
	Outlets  []string `json:"outlets"`
	Passages int      `json:"passages"`
	// Shared is the larger of the shares of each article's words that lie
	// in shared passages.
	Shared  float64  `json:"shared"`
	Full    bool     `json:"full"` // one is a near copy of the other
	Example Evidence `json:"example"`
	// From and To say who copied from whom, when the evidence supports it;
	// Reason says what the evidence is.
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Reason string `json:"reason,omitempty"`
}
