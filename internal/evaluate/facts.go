package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
)

// FactsGold is the expected facts of one story; docs/eval-facts.md
// describes the format.
type FactsGold struct {
	Event  string      `json:"event"`
	Facts  []GoldFact  `json:"facts"`
	Quotes []GoldQuote `json:"quotes"`
}

// GoldFact is an expected number.
type GoldFact struct {
	Value float64 `json:"value"`
	// Unit is what is counted: "people" stands for any noun counting
	// people (prisoners, citizens, civilians...); "" accepts any unit.
	Unit     string   `json:"unit"`
	Articles []string `json:"articles"` // refs or ref prefixes
	Status   string   `json:"status,omitempty"`
}

// GoldQuote is an expected quotation, named by a few of its words rather
// than its text.
type GoldQuote struct {
	Words    []string `json:"words"`
	Speaker  string   `json:"speaker"` // a word the speaker's name contains
	Articles []string `json:"articles"`
}

// ReadFactsGold parses a gold file.
func ReadFactsGold(r io.Reader) (*FactsGold, error) {
	var g FactsGold
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("read facts gold: %w", err)
	}
	if len(g.Facts) == 0 && len(g.Quotes) == 0 {
		return nil, fmt.Errorf("read facts gold: no facts and no quotes")
	}
	for i, q := range g.Quotes {
		if len(q.Words) == 0 {
			return nil, fmt.Errorf("read facts gold: quote %d has no words", i+1)
		}
	}
	return &g, nil
}

// FactsScore compares a story's facts and quotes with the gold.
type FactsScore struct {
	NumberP, NumberR float64
	QuoteP, QuoteR   float64
	SpeakerA         float64 // share of matched gold quotes with the right speaker
	StatusA          float64 // share of matched gold facts with the right status
	ArticleJ         float64 // mean Jaccard of article sets, matched facts and quotes
	Gold             int
	Misses           []string // gold items not found, for the report
}

// peopleUnits count people; a gold unit "people" accepts any of them.
var peopleUnits = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`people persons individuals prisoners detainees inmates citizens civilians
	nationals foreigners convicts activists opponents journalists protesters members men women children
	adults residents refugees migrants soldiers troops hostages captives victims workers passengers others`) {
		peopleUnits[w] = true
	}
}

func unitMatches(gold, got string) bool {
	gold, got = strings.ToLower(gold), strings.ToLower(got)
	switch {
	case gold == "":
		return true
	case gold == "people":
		return peopleUnits[got]
	}
	return strings.TrimSuffix(gold, "s") == strings.TrimSuffix(got, "s")
}

// ScoreFacts scores the facts and quotes of briefs (all the stories found
// among the gold's articles) against the gold. refs maps article ids to
// their refs.
func ScoreFacts(g *FactsGold, facts []crosscheck.Fact, quotes []crosscheck.Quote, refs map[string]string) FactsScore {
	var s FactsScore
	s.Gold = len(g.Facts) + len(g.Quotes)
	var numbers []crosscheck.Fact
	for _, f := range facts {
		if f.Kind == "number" && f.Value != nil {
			numbers = append(numbers, f)
		}
	}
	matchFact := func(gf GoldFact, f crosscheck.Fact) bool {
		return math.Abs(*f.Value-gf.Value) <= 0.005*math.Max(1, math.Abs(gf.Value)) && unitMatches(gf.Unit, f.Unit) &&
			overlap(gf.Articles, f.Articles, refs) > 0
	}
	usedFact := make([]bool, len(numbers))
	var found, statusOK int
	var jaccard float64
	var matched int
	for _, gf := range g.Facts {
		best := -1
		for i, f := range numbers {
			if matchFact(gf, f) && (best < 0 || overlap(gf.Articles, f.Articles, refs) > overlap(gf.Articles, numbers[best].Articles, refs)) {
				best = i
			}
		}
		if best < 0 {
			s.Misses = append(s.Misses, fmt.Sprintf("number %v %s in %v", gf.Value, gf.Unit, gf.Articles))
			continue
		}
		found++
		usedFact[best] = true
		jaccard += overlap(gf.Articles, numbers[best].Articles, refs)
		matched++
		if gf.Status == "" || string(numbers[best].Status) == gf.Status {
			statusOK++
		} else {
			s.Misses = append(s.Misses, fmt.Sprintf("status of %v %s: got %s, want %s", gf.Value, gf.Unit, numbers[best].Status, gf.Status))
		}
	}
	// An extracted number is right when any gold fact matches it, even one
	// already matched by another fact: two facts may split one gold fact.
	right := 0
	for _, f := range numbers {
		for _, gf := range g.Facts {
			if matchFact(gf, f) {
				right++
				break
			}
		}
	}
	s.NumberP, s.NumberR = ratio(float64(right), float64(len(numbers))), ratio(float64(found), float64(len(g.Facts)))
	s.StatusA = ratio(float64(statusOK), float64(found))

	var long []crosscheck.Quote
	for _, q := range quotes {
		if len(strings.Fields(q.Text)) >= 3 {
			long = append(long, q)
		}
	}
	matchQuote := func(gq GoldQuote, q crosscheck.Quote) bool {
		words := quoteWords(q.Text)
		for _, w := range q.Wordings {
			for k := range quoteWords(w) {
				words[k] = true
			}
		}
		for _, w := range gq.Words {
			if !words[strings.ToLower(w)] {
				return false
			}
		}
		return overlap(gq.Articles, q.Articles, refs) > 0
	}
	var qFound, speakerOK int
	for _, gq := range g.Quotes {
		best := -1
		for i, q := range long {
			if matchQuote(gq, q) && (best < 0 || len(q.Articles) > len(long[best].Articles)) {
				best = i
			}
		}
		if best < 0 {
			s.Misses = append(s.Misses, fmt.Sprintf("quote %v in %v", gq.Words, gq.Articles))
			continue
		}
		qFound++
		jaccard += overlap(gq.Articles, long[best].Articles, refs)
		matched++
		if strings.Contains(strings.ToLower(long[best].Speaker), strings.ToLower(gq.Speaker)) {
			speakerOK++
		} else {
			s.Misses = append(s.Misses, fmt.Sprintf("speaker of quote %v: got %q, want %q", gq.Words, long[best].Speaker, gq.Speaker))
		}
	}
	qRight := 0
	for _, q := range long {
		for _, gq := range g.Quotes {
			if matchQuote(gq, q) {
				qRight++
				break
			}
		}
	}
	s.QuoteP, s.QuoteR = ratio(float64(qRight), float64(len(long))), ratio(float64(qFound), float64(len(g.Quotes)))
	s.SpeakerA = ratio(float64(speakerOK), float64(qFound))
	s.ArticleJ = ratio(jaccard, float64(matched))
	return s
}

func quoteWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// overlap is the Jaccard similarity of the gold's articles (refs or ref
// prefixes) and the ids of an item, through their refs.
func overlap(gold, ids []string, refs map[string]string) float64 {
	inter := 0
	for _, id := range ids {
		for _, g := range gold {
			if strings.HasPrefix(refs[id], g) {
				inter++
				break
			}
		}
	}
	union := len(gold) + len(ids) - inter
	return ratio(float64(inter), float64(union))
}

// Write prints the misses and a last line of the form "facts: numP=…
// numR=… quoteP=… quoteR=… speakerA=… statusA=… articlesJ=… gold=N".
func (s FactsScore) Write(w io.Writer) {
	for _, m := range s.Misses {
		fmt.Fprintf(w, "  miss: %s\n", m)
	}
	fmt.Fprintf(w, "facts: numP=%.3f numR=%.3f quoteP=%.3f quoteR=%.3f speakerA=%.3f statusA=%.3f articlesJ=%.3f gold=%d\n",
		s.NumberP, s.NumberR, s.QuoteP, s.QuoteR, s.SpeakerA, s.StatusA, s.ArticleJ, s.Gold)
}
