package brief

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// The test story is fictional, written for these tests: four outlets report
// a prisoner release; Harbour Times carries North Wire's text; Riverside
// Post calls them political prisoners and adds a number nobody else gives;
// State Radio says they were convicted of espionage, spells a name its own
// way round and gives a different count; Der Kurier writes in German.

const (
	textNorthWire = `TALLINN, April 2 (North Wire) - Tarvonia released 52 prisoners on Thursday after talks with a European Union envoy, the presidential office said.
Among those freed was the journalist Ilya Sorokin, who had been held since 2023.
The release clears the way for the European Union to ease sanctions on Tarvonian potash exports, diplomats said.
Twenty of the freed prisoners were driven across the border to Latvia, a Latvian official said.
(Reporting by North Wire staff; editing by the Tallinn desk)`

	textHarbourTimes = `Tarvonia released 52 prisoners on Thursday after talks with a European Union envoy, the presidential office said.
Among those freed was the journalist Ilya Sorokin, who had been held since 2023.
The release clears the way for the European Union to ease sanctions on Tarvonian potash exports, diplomats said.
Twenty of the freed prisoners were driven across the border to Latvia, a Latvian official said.`

	textRiversidePost = `Tarvonia freed 52 political prisoners on Thursday in an amnesty that followed weeks of talks with a European Union envoy.
The political prisoners included the journalist Ilia Sorokin, who spent three years in jail for his reporting.
Human rights groups say more than 300 political prisoners remain behind bars in Tarvonia.
Was the amnesty a gesture or a bargain?
European Union officials said sanctions on potash exports could be eased if the amnesty holds.
Sorokin's wife, Anna, learned of his release from a neighbour who had heard it on the radio at dawn.`

	textStateRadio = `President Oleg Varan pardoned 52 citizens convicted of espionage and other crimes, the presidential press service said on Thursday.
The pardoned citizens had been convicted of espionage in open trials, the press service said.
Ilya Sorokin, who was convicted of espionage in 2023, was among those pardoned.
"The talks with the European envoy were constructive and open," presidential spokesman Pavel Dorn said.
Twenty-five of those pardoned left for Latvia at their own request.`

	textKurier = `Tarvonien hat am Donnerstag 52 Gefangene freigelassen, nach Gesprächen mit einem Gesandten der Europäischen Union.
Unter ihnen ist der Journalist Ilja Sorokin.`
)

var day = time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)

// newArticle makes an analysed article, splitting text into sentences at a
// line break or after a full stop, question or exclamation mark that is
// followed by a space, with offsets in code points as clean gives them.
func newArticle(id, source, lang string, at time.Duration, title, text string) *crosscheck.Article {
	a := &crosscheck.Article{
		ID: id, Ref: id + ".txt", Source: source, Title: title, Language: lang,
		Format: crosscheck.FormatText, Text: text,
	}
	if at >= 0 {
		a.Published = day.Add(at)
	}
	rs := []rune(text)
	start := 0
	emit := func(end int) {
		i, j := start, end
		for i < j && unicode.IsSpace(rs[i]) {
			i++
		}
		for j > i && unicode.IsSpace(rs[j-1]) {
			j--
		}
		if i < j {
			a.Sentences = append(a.Sentences, crosscheck.Sentence{Text: string(rs[i:j]), Start: i, End: j})
		}
		start = end
	}
	for k := 0; k < len(rs); k++ {
		switch {
		case rs[k] == '\n':
			emit(k + 1)
		case strings.ContainsRune(".?!", rs[k]):
			j := k + 1
			for j < len(rs) && strings.ContainsRune(`"'”)`, rs[j]) {
				j++
			}
			if j < len(rs) && rs[j] == ' ' {
				emit(j)
			}
		}
	}
	emit(len(rs))
	return a
}

// cite returns the evidence for the first occurrence of sub in a.
func cite(t testing.TB, a *crosscheck.Article, sub string) crosscheck.Evidence {
	t.Helper()
	i := strings.Index(a.Text, sub)
	if i < 0 {
		t.Fatalf("cite: %q not in article %s", sub, a.ID)
	}
	start := utf8.RuneCountInString(a.Text[:i])
	return crosscheck.Evidence{Article: a.ID, Start: start, End: start + utf8.RuneCountInString(sub), Text: sub}
}

func float(v float64) *float64 { return &v }

// testStory is the Input of the test story, and its articles by id.
func testStory(t testing.TB) (Input, map[string]*crosscheck.Article) {
	t.Helper()
	nw := newArticle("a1northwire", "North Wire", "en", 8*time.Hour, "Tarvonia frees 52 prisoners after EU talks", textNorthWire)
	ht := newArticle("a2harbour", "Harbour Times", "en", 10*time.Hour, "Tarvonia releases prisoners as sanctions thaw", textHarbourTimes)
	rp := newArticle("a3riverside", "Riverside Post", "en", 12*time.Hour+30*time.Minute, "Amnesty frees 52 political prisoners in Tarvonia", textRiversidePost)
	sr := newArticle("a4stateradio", "State Radio", "en", 9*time.Hour+15*time.Minute, "President pardons 52 citizens convicted of espionage", textStateRadio)
	dk := newArticle("a5kurier", "Der Kurier", "de", 14*time.Hour, "Tarvonien lässt 52 Gefangene frei", textKurier)
	arts := []*crosscheck.Article{nw, ht, rp, sr, dk}
	byID := make(map[string]*crosscheck.Article)
	for _, a := range arts {
		byID[a.ID] = a
	}

	in := Input{
		ID:       "story-tarvonia",
		Title:    "Tarvonia frees 52 prisoners after EU talks",
		Articles: arts,
		OriginOf: map[string]int{nw.ID: 0, ht.ID: 0, rp.ID: 1, sr.ID: 2, dk.ID: 3},
		Facts: []crosscheck.Fact{
			{
				ID: "f1", Kind: "number", Text: "52 prisoners released", Value: float(52), Comparator: "exact",
				Unit: "prisoners", Event: "release",
				Articles: []string{nw.ID, ht.ID, rp.ID, sr.ID}, Outlets: []string{"North Wire", "Harbour Times", "Riverside Post", "State Radio"},
				IndependentOrigins: 3,
				Origins: []crosscheck.Origin{
					{Articles: []string{nw.ID, ht.ID}, Reasons: []string{"shared text"}},
					{Articles: []string{rp.ID}}, {Articles: []string{sr.ID}},
				},
				Status: crosscheck.Corroborated, Why: "three independent origins give 52",
				Evidence: []crosscheck.Evidence{
					cite(t, nw, "released 52 prisoners"), cite(t, rp, "freed 52 political prisoners"), cite(t, sr, "pardoned 52 citizens"),
				},
			},
			{
				ID: "f2", Kind: "number", Text: "freed prisoners taken to Latvia", Value: float(20), Unit: "prisoners",
				Articles: []string{nw.ID, ht.ID, sr.ID}, Outlets: []string{"North Wire", "Harbour Times", "State Radio"},
				IndependentOrigins: 2, Status: crosscheck.InConflict, Why: "20 and 25 cannot both be exact",
				Evidence: []crosscheck.Evidence{cite(t, nw, "Twenty of the freed prisoners"), cite(t, sr, "Twenty-five of those pardoned")},
				Versions: []crosscheck.Version{
					{Text: "20", Value: float(20), Articles: []string{nw.ID, ht.ID}, Outlets: []string{"North Wire", "Harbour Times"}},
					{Text: "25", Value: float(25), Articles: []string{sr.ID}, Outlets: []string{"State Radio"}},
				},
			},
			{
				ID: "f3", Kind: "number", Text: "political prisoners still held", Value: float(300), Comparator: "at_least",
				Articles: []string{rp.ID}, Outlets: []string{"Riverside Post"}, IndependentOrigins: 1,
				Status: crosscheck.SingleSource, Why: "only Riverside Post, citing rights groups",
				Evidence: []crosscheck.Evidence{cite(t, rp, "more than 300 political prisoners")},
			},
		},
		Quotes: []crosscheck.Quote{{
			ID: "q1", Text: "The talks with the European envoy were constructive and open", Speaker: "Pavel Dorn",
			Channel: "press briefing", Articles: []string{sr.ID}, Outlets: []string{"State Radio"},
			IndependentOrigins: 1, Status: crosscheck.SingleSource,
			Evidence: []crosscheck.Evidence{cite(t, sr, "The talks with the European envoy were constructive and open")},
		}},
		Entities: []crosscheck.Entity{
			{
				ID: "e1", Name: "Ilya Sorokin", Type: "person", Roles: []string{"journalist"}, Mentions: 6,
				Variants: []crosscheck.Variant{
					{Name: "Ilya Sorokin", Articles: []string{nw.ID, ht.ID, sr.ID}, Outlets: []string{"North Wire", "Harbour Times", "State Radio"}, Count: 3},
					{Name: "Ilia Sorokin", Articles: []string{rp.ID}, Outlets: []string{"Riverside Post"}, Count: 1},
				},
				Articles: []string{nw.ID, ht.ID, rp.ID, sr.ID}, Outlets: []string{"North Wire", "Harbour Times", "Riverside Post", "State Radio"},
			},
			{
				ID: "e2", Name: "European Union", Type: "organisation", Mentions: 5,
				Variants: []crosscheck.Variant{{Name: "European Union", Articles: []string{nw.ID, ht.ID, rp.ID}, Outlets: []string{"North Wire", "Harbour Times", "Riverside Post"}, Count: 5}},
				Articles: []string{nw.ID, ht.ID, rp.ID}, Outlets: []string{"North Wire", "Harbour Times", "Riverside Post"},
			},
			{
				ID: "e3", Name: "Oleg Varan", Type: "person", Roles: []string{"president"}, Mentions: 1,
				Variants: []crosscheck.Variant{{Name: "Oleg Varan", Articles: []string{sr.ID}, Outlets: []string{"State Radio"}, Count: 1}},
				Articles: []string{sr.ID}, Outlets: []string{"State Radio"},
			},
		},
		Conflicts: []crosscheck.Conflict{{
			Kind: "number", Item: "f2", Why: "20 and 25 cannot both be exact",
			Versions: []crosscheck.Version{
				{Text: "20", Value: float(20), Articles: []string{nw.ID, ht.ID}, Outlets: []string{"North Wire", "Harbour Times"}},
				{Text: "25", Value: float(25), Articles: []string{sr.ID}, Outlets: []string{"State Radio"}},
			},
		}},
		Spellings: []crosscheck.Spelling{{
			Entity: "e1", Name: "Ilya Sorokin",
			Variants: []crosscheck.Variant{
				{Name: "Ilya Sorokin", Articles: []string{nw.ID, ht.ID, sr.ID}, Outlets: []string{"North Wire", "Harbour Times", "State Radio"}, Count: 3},
				{Name: "Ilia Sorokin", Articles: []string{rp.ID}, Outlets: []string{"Riverside Post"}, Count: 1},
			},
		}},
		Timeline: []crosscheck.TimelineItem{
			{Date: "2023", Precision: "year", Text: "Ilya Sorokin jailed", Articles: []string{nw.ID, sr.ID}, Outlets: []string{"North Wire", "State Radio"},
				Evidence: []crosscheck.Evidence{cite(t, nw, "held since 2023"), cite(t, sr, "convicted of espionage in 2023")}},
			{Date: "2026-04-02", Precision: "day", Text: "52 prisoners released", Articles: []string{nw.ID, rp.ID, sr.ID}, Outlets: []string{"North Wire", "Riverside Post", "State Radio"},
				Evidence: []crosscheck.Evidence{cite(t, nw, "Tarvonia released 52 prisoners on Thursday")}},
		},
		Copies: []crosscheck.Copy{{
			A: nw.ID, B: ht.ID, Outlets: []string{"North Wire", "Harbour Times"}, Passages: 1, Shared: 0.97, Full: true,
			Example: cite(t, ht, "Tarvonia released 52 prisoners on Thursday after talks with a European Union envoy"),
			From:    nw.ID, To: ht.ID, Reason: "published two hours earlier",
		}},
	}
	return in, byID
}
