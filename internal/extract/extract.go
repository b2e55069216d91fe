// Package extract finds checkable facts in the sentences of a cleaned
// article: numbers with what they count, dates normalised against the
// article date, and direct quotes with their speaker and channel.
//
// It is a pure stage. Facts takes a *crosscheck.Article and returns plain
// values; every value names the index of its sentence and cites its exact
// text with a crosscheck.Span, so that reconcile can compare facts across
// outlets and a brief can quote the evidence.
//
// The extractor reads English news prose. It scans each sentence once into
// tokens and matches hand-written patterns over them, with small word lists
// in place of a model; there are no regular expressions, so the cost is
// linear in the text. Where a pattern is unsure it leaves a field empty
// rather than guessing: a month and day with no article date stay
// unanchored, a descriptive speaker ("the diplomat") stays as written unless
// a named source nearby fits it.
//
// Digit separators follow the article's language. In English, and when the
// language is unknown, a comma groups thousands ("1,227") and a dot is a
// decimal point, so "1.234" is 1.234 and its Number carries a note that some
// languages would read it as 1234. In languages that write a decimal comma
// (German, Russian, Spanish and others) the roles swap: "1.234" is 1234 and
// "1,5" is 1.5. A number with several dots ("1.234.567") always groups
// thousands, and one with both marks takes the last as the decimal point.
package extract

import (
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Comparator says how a stated number bounds the true one.
type Comparator string

// The comparators. "More than 100" and "at least 100" are both AtLeast; the
// extractor does not keep strict and non-strict bounds apart.
const (
	Exact   Comparator = "exact"
	AtLeast Comparator = "at_least"
	AtMost  Comparator = "at_most"
	Approx  Comparator = "approx"
)

// Kind says what sort of quantity a Number is.
type Kind string

// The kinds of number.
const (
	Count    Kind = "count"    // people, prisoners, signatures, or no unit at all
	Duration Kind = "duration" // years, months, days: prison terms, talks
	Age      Kind = "age"
	Percent  Kind = "percent"
	Money    Kind = "money" // Unit is an ISO 4217 code
)

// Number is a stated quantity with what it counts.
type Number struct {
	Value      float64    `json:"value"`
	Comparator Comparator `json:"comparator"`
	Kind       Kind       `json:"kind"`
	// Unit is the counted noun in lower case as written ("prisoners",
	// "people"), a time unit in the plural ("years"), "percent", or a
	// currency code ("USD"). It is empty when nothing is counted.
	Unit string `json:"unit,omitempty"`
	// Qualifier holds the words between the number and its noun
	// ("political", "Ukrainian").
	Qualifier string `json:"qualifier,omitempty"`
	// Verb is the verb phrase as written ("handed over", "remain in jail").
	Verb string `json:"verb,omitempty"`
	// Event is Verb reduced to a shared name ("release", "pardon",
	// "transfer", "sentence", "imprisoned") so that outlets that word the same
	// event differently compare equal; a verb outside the word list is kept
	// as it is.
	Event string `json:"event,omitempty"`
	// Subject is who the fact is about, when clear: the actor of a count
	// ("Belarus" released 123 prisoners) or the person a term applies to
	// (the court sentenced "Babariko" to 14 years). Pronouns are resolved to
	// the person the text last named.
	Subject string `json:"subject,omitempty"`
	// Note explains a value that differs from the digits as written, such as
	// "113 other prisoners plus Kolesnikova", or an ambiguity.
	Note     string          `json:"note,omitempty"`
	Text     string          `json:"text"` // the evidence, as written
	Sentence int             `json:"sentence"`
	Span     crosscheck.Span `json:"span"`
}

// Precision says how much of a Date is known.
type Precision string

// The precisions. A Date that could not be normalised has precision None.
const (
	None  Precision = ""
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// Date is a date or a range of dates mentioned in the text.
type Date struct {
	Text string `json:"text"` // as written
	// ISO is YYYY-MM-DD, YYYY-MM or YYYY by Precision. A month and day whose
	// year is unknown are written in the ISO 8601 truncated forms --MM-DD
	// and --MM. ISO is empty when the date could not be normalised.
	ISO string `json:"iso,omitempty"`
	// End is the ISO form of the last day of a range ("December 12 and 13").
	End       string    `json:"end,omitempty"`
	Precision Precision `json:"precision,omitempty"`
	Year      int       `json:"year,omitempty"` // 0 when unknown
	Month     int       `json:"month,omitempty"`
	Day       int       `json:"day,omitempty"`
	// Relative is set when the date was computed from the article date
	// ("today", "five years ago") or from an earlier date in the text ("the
	// same year").
	Relative bool `json:"relative,omitempty"`
	// YearInferred is set when the text gave a month or a day but no year
	// and the year was taken from the article date.
	YearInferred bool `json:"year_inferred,omitempty"`
	// Unanchored is set when a year was needed but the article date is
	// unknown; the month and day are kept and no year is guessed.
	Unanchored bool `json:"unanchored,omitempty"`
	// Invalid is set for impossible dates such as 30 February: the text is
	// kept and nothing is normalised.
	Invalid bool `json:"invalid,omitempty"`
	// Part narrows the date: "fall", "early", "end", "earlier".
	Part string `json:"part,omitempty"`
	// Event is the phrase around the date that says what happened then, for
	// a timeline.
	Event    string          `json:"event,omitempty"`
	Sentence int             `json:"sentence"`
	Span     crosscheck.Span `json:"span"`
}

// Quote is a direct quotation, whole or partial, that may run over several
// sentences.
type Quote struct {
	// Text is the quoted words inside the marks; the parts of a quote that
	// runs over several sentences are joined with a space.
	Text string `json:"text"`
	// Normalized is Text as Normalize returns it, for matching.
	Normalized string `json:"normalized"`
	// Speaker is who said it: a name where the text gives or implies one,
	// otherwise the description as written ("the diplomat"). Empty when
	// unknown.
	Speaker string `json:"speaker,omitempty"`
	// Cue is the speaker as the attribution wrote it ("he", "the diplomat",
	// "Khomich").
	Cue  string `json:"cue,omitempty"`
	Verb string `json:"verb,omitempty"` // the cue verb: "said", "told", "added"
	// Channel is where the words were said: "AFP", "RIA Novosti", "Telegram",
	// "BBC", "statement".
	Channel string `json:"channel,omitempty"`
	// How says how the speaker was found, for review.
	How string `json:"how,omitempty"`
	// Partial is set for a fragment quoted inside the reporter's sentence.
	Partial bool `json:"partial,omitempty"`
	// Sentence and LastSentence are the first and last sentence the quote
	// touches.
	Sentence     int             `json:"sentence"`
	LastSentence int             `json:"last_sentence"`
	Span         crosscheck.Span `json:"span"` // the quoted text, without the marks
}

// Result holds every fact found in one article, each list in text order.
type Result struct {
	Numbers []Number `json:"numbers"`
	Dates   []Date   `json:"dates"`
	Quotes  []Quote  `json:"quotes"`
}

// Facts returns the numbers, dates and quotes of a. It scans the article
// once; call it rather than Numbers, Dates and Quotes when more than one kind
// is needed. A nil or empty article gives an empty Result.
func Facts(a *crosscheck.Article) Result {
	if a == nil || len(a.Sentences) == 0 {
		return Result{}
	}
	d := newDoc(a)
	var r Result
	r.Dates = d.dates()
	d.people()
	r.Numbers = d.numbers()
	r.Quotes = d.quotes()
	return r
}

// Numbers returns the counted numbers of a.
func Numbers(a *crosscheck.Article) []Number { return Facts(a).Numbers }

// Dates returns the dates of a.
func Dates(a *crosscheck.Article) []Date { return Facts(a).Dates }

// Quotes returns the direct quotes of a, with their speakers.
func Quotes(a *crosscheck.Article) []Quote { return Facts(a).Quotes }

// Token flags.
const (
	fDate  uint8 = 1 << iota // part of a date
	fQuote                   // inside a quotation, or one of its marks
	fTitle                   // a short Title Case name in quotation marks
)

// sent is one sentence under analysis.
type sent struct {
	idx      int
	s        crosscheck.Sentence
	toks     []token
	flags    []uint8
	headline bool // Title Case: no person names are read from it
	para     bool // a paragraph break comes before this sentence
	// lead is the token range of the subject that opens the sentence, or
	// [-1, -1].
	lead [2]int
	// person is the person the text is about by the end of this sentence,
	// for resolving "he" and "she" in the next one.
	person string
	// cb and cr are a byte offset into the text and the code points before
	// it, so that spans found left to right cost linear time.
	cb, cr int
}

// doc is one article under analysis.
type doc struct {
	a        *crosscheck.Article
	euro     bool // the language writes a decimal comma
	pub      time.Time
	hasPub   bool
	sents    []sent
	surnames map[string]string // last name -> full name first seen
	proper   map[string]bool   // words capitalised inside a sentence
	lowered  map[string]bool   // words the article writes in lower case
	regions  []region
}

// decimalComma lists languages that write 1.234,5.
var decimalComma = set("de fr es it pt nl da no nb nn sv fi id tr ro el ru uk be pl cs sk sl hr sr bg hu vi lt lv et")

func newDoc(a *crosscheck.Article) *doc {
	d := &doc{a: a, surnames: make(map[string]string)}
	lang := a.Language
	if i := len(lang); i > 2 && (lang[2] == '-' || lang[2] == '_') {
		lang = lang[:2]
	}
	d.euro = decimalComma[lang]
	// A publication date outside four-digit years is a parsing accident
	// upstream; it is treated as unknown rather than anchoring dates to it.
	if y := a.Published.Year(); !a.Published.IsZero() && y >= 1000 && y <= 2999 {
		d.pub = time.Date(a.Published.Year(), a.Published.Month(), a.Published.Day(), 0, 0, 0, 0, time.UTC)
		d.hasPub = true
	}
	n := 0
	for _, s := range a.Sentences {
		n += len(s.Text)
	}
	// All tokens share one array; sentences get their slices only when every
	// append is done, so that no slice is left pointing at an old array.
	all := make([]token, 0, n/4+len(a.Sentences))
	bounds := make([][2]int, len(a.Sentences))
	for i, s := range a.Sentences {
		start := len(all)
		all = tokenize(all, s.Text)
		bounds[i] = [2]int{start, len(all)}
	}
	flags := make([]uint8, len(all))
	paras := paragraphBreaks(a)
	d.proper = make(map[string]bool, len(all)/8)
	d.lowered = make(map[string]bool, len(all)/2)
	d.sents = make([]sent, len(a.Sentences))
	for i, s := range a.Sentences {
		b := bounds[i]
		st := &d.sents[i]
		*st = sent{idx: i, s: s, toks: all[b[0]:b[1]:b[1]], flags: flags[b[0]:b[1]:b[1]], lead: [2]int{-1, -1}}
		st.para = i > 0 && (paras == nil || paras[i])
		st.headline = isHeadline(st.toks)
	}
	d.findRegions()
	d.collectSurnames()
	return d
}

// paragraphBreaks reports, for each sentence, whether a line break separates
// it from the sentence before. It returns nil when the article text is
// missing or does not agree with the sentence offsets.
func paragraphBreaks(a *crosscheck.Article) []bool {
	if a.Text == "" {
		return nil
	}
	out := make([]bool, len(a.Sentences))
	text := a.Text
	bi, ri := 0, 0 // byte and rune cursor
	advance := func(to int) bool {
		for ri < to {
			if bi >= len(text) {
				return false
			}
			_, n := utf8.DecodeRuneInString(text[bi:])
			bi += n
			ri++
		}
		return ri == to
	}
	for i, s := range a.Sentences {
		if i == 0 {
			if !advance(s.End) {
				return nil
			}
			continue
		}
		if s.Start < ri {
			return nil
		}
		for ri < s.Start {
			if bi >= len(text) {
				return nil
			}
			r, n := utf8.DecodeRuneInString(text[bi:])
			if r == '\n' {
				out[i] = true
			}
			bi += n
			ri++
		}
		if s.End < s.Start || !advance(s.End) {
			return nil
		}
	}
	return out
}

// isHeadline reports whether most words are capitalised and no full stop
// ends the line, as in a title.
func isHeadline(toks []token) bool {
	if n := len(toks); n == 0 || isPunct(toks, n-1, ".") {
		return false
	}
	words, upper := 0, 0
	for _, t := range toks {
		if t.kind != word || len(t.text) < 4 {
			continue
		}
		words++
		if t.upper {
			upper++
		}
	}
	return words >= 4 && upper*10 >= words*7
}

// span returns the span of tokens [i, j) of st; it agrees with
// crosscheck.Sentence.SpanIn.
func (d *doc) span(st *sent, i, j int) crosscheck.Span {
	return d.byteSpan(st, st.toks[i].s, st.toks[j-1].e)
}

// byteSpan returns the span of the bytes [i, j) of st's text.
func (d *doc) byteSpan(st *sent, i, j int) crosscheck.Span {
	start := st.runeAt(i)
	return crosscheck.Span{Article: d.a.ID, Start: start, End: st.runeAt(j)}
}

// runeAt returns the article offset, in code points, of byte i of st's text.
func (st *sent) runeAt(i int) int {
	if i < st.cb {
		st.cb, st.cr = 0, 0
	}
	st.cr += utf8.RuneCountInString(st.s.Text[st.cb:i])
	st.cb = i
	return st.s.Start + st.cr
}

// text returns the text of tokens [i, j) of st.
func (st *sent) text(i, j int) string {
	if i < 0 || j <= i || j > len(st.toks) {
		return ""
	}
	return st.s.Text[st.toks[i].s:st.toks[j-1].e]
}

func (st *sent) has(i int, f uint8) bool {
	return i >= 0 && i < len(st.toks) && st.flags[i]&f != 0
}
