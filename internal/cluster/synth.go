package cluster

import (
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Synthetic generates a reproducible stream of articles about many stories,
// for benchmarks. Each story has its own people, organisation, places and
// figures, and shares the words of its kind of event (a fire, a strike) with
// the other stories of that kind; each article mixes these with common
// words. Stories start one after another and each draws articles for a
// while, so that about a few dozen are running at any time; articles are
// published twenty seconds apart.
type Synthetic struct {
	r        *rand.Rand
	articles int
	stories  []synthStory
	kinds    [][]string
	n        int
	start    time.Time
}

type synthStory struct {
	names   []string // people, an organisation, places
	numbers []string
	kind    int
	day     string // "March 4"
}

// synthSpread is how many of the latest stories an article may be about.
const synthSpread = 50

// NewSynthetic returns a generator of the given number of articles about
// the given number of stories; the same seed gives the same stream.
func NewSynthetic(articles, stories int, seed uint64) *Synthetic {
	g := &Synthetic{
		r:        rand.New(rand.NewPCG(seed, 0x73796e74)),
		articles: articles,
		start:    time.Date(2024, 3, 1, 6, 0, 0, 0, time.UTC),
	}
	for range 40 {
		kind := make([]string, 6)
		for i := range kind {
			kind[i] = g.word(2, 3)
		}
		g.kinds = append(g.kinds, kind)
	}
	months := []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	for range max(stories, 1) {
		s := synthStory{kind: g.r.IntN(len(g.kinds))}
		for range 2 {
			s.names = append(s.names, capitalise(g.word(2, 3))+" "+capitalise(g.word(2, 4)))
		}
		s.names = append(s.names, capitalise(g.word(2, 3))+" "+[]string{"Group", "Council", "Bank", "Union"}[g.r.IntN(4)])
		for range 2 {
			s.names = append(s.names, capitalise(g.word(2, 4)))
		}
		for range 3 {
			s.numbers = append(s.numbers, strconv.Itoa(2+g.r.IntN(5000)))
		}
		s.day = months[g.r.IntN(12)] + " " + strconv.Itoa(1+g.r.IntN(28))
		g.stories = append(g.stories, s)
	}
	return g
}

var syllables = strings.Fields("ka lo mi ra den sor vel tam bri nor ash gul pe zan tor li mar ven dro sil " +
	"qua fen hol rin ost ule bar cem dov eth gri hask ilo jun kes lum nav orp pry rus")

func (g *Synthetic) word(lo, hi int) string {
	var b strings.Builder
	for range lo + g.r.IntN(hi-lo+1) {
		b.WriteString(syllables[g.r.IntN(len(syllables))])
	}
	return b.String()
}

func capitalise(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

var commonWords = strings.Fields(`people city officials report local state national week government
	said told added according spokesman police group members public residents area region center
	plan project team statement support issue call meeting process service system program effort
	hours morning evening night early late later several many more most other some any each both
	new old large small major minor high low long short first second third final last recent
	early public private former current senior general special central northern southern eastern
	western follow expect continue remain begin start open close move bring take give make find
	keep hold leave show turn run work help need want seem become include involve allow consider
	expect result cause effect change increase decrease rise fall level rate number amount cost
	value price market company business industry worker family child school health safety power
	water road building street house office court case law order decision action response concern
	question answer information data evidence record history future past time period moment event`)

// Next returns the next article and the index of its story, or ok false
// when the stream is over.
func (g *Synthetic) Next() (d Doc, story int, ok bool) {
	if g.n >= g.articles {
		return Doc{}, 0, false
	}
	j := g.n
	g.n++
	base := j * len(g.stories) / max(g.articles, 1)
	story = max(0, min(len(g.stories)-1, base-g.r.IntN(synthSpread)))
	s := &g.stories[story]
	kind := g.kinds[s.kind]

	var b strings.Builder
	for k := range 5 + g.r.IntN(5) {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(capitalise(commonWords[g.r.IntN(len(commonWords))]))
		for range 7 + g.r.IntN(9) {
			b.WriteByte(' ')
			switch x := g.r.Float64(); {
			case x < 0.62:
				b.WriteString(commonWords[g.r.IntN(len(commonWords))])
			case x < 0.80:
				b.WriteString(kind[g.r.IntN(len(kind))])
			case x < 0.93:
				b.WriteString(s.names[g.r.IntN(len(s.names))])
			case x < 0.97:
				b.WriteString(s.numbers[g.r.IntN(len(s.numbers))])
			default:
				b.WriteString("on " + s.day)
			}
		}
		b.WriteByte('.')
	}
	d = Doc{
		ID:        "a" + strconv.Itoa(j+1),
		Text:      b.String(),
		Published: g.start.Add(time.Duration(j) * 20 * time.Second),
	}
	return d, story, true
}

// ScalePoint is the cost of clustering at one point of a synthetic stream.
type ScalePoint struct {
	Articles    int           // articles added so far
	PerArticle  time.Duration // mean time of Add since the previous point
	Rate        float64       // articles per second since the previous point
	LiveStories int           // stories open at this point
	Terms       int           // size of the vocabulary
	PeakHeap    uint64        // highest live heap seen so far, in bytes
}

// ScaleReport is the result of Scale.
type ScaleReport struct {
	Points []ScalePoint
	// Scores compares the stories found with the generated ones.
	Scores Scores
}

// Scale clusters a synthetic stream of the given size on one goroutine and
// reports the time per article and the memory at each of the given article
// counts, and at the end. Only the calls to Add are timed, not the
// generation of the articles. The heap is sampled every thousand articles,
// outside the timing, with runtime.ReadMemStats.
func Scale(articles, stories int, points []int, seed uint64) ScaleReport {
	g := NewSynthetic(articles, stories, seed)
	c := New(Options{})
	var rep ScaleReport
	var pred, gold []string
	var spent time.Duration
	var peak uint64
	var ms runtime.MemStats
	sample := func() {
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc)
	}
	runtime.GC()
	sample()
	last, lastSpent := 0, time.Duration(0)
	want := func(n int) bool {
		for _, p := range points {
			if p == n {
				return true
			}
		}
		return n == articles
	}
	for {
		d, s, ok := g.Next()
		if !ok {
			break
		}
		t0 := time.Now()
		a := c.Add(d)
		spent += time.Since(t0)
		pred = append(pred, a.Story)
		gold = append(gold, strconv.Itoa(s))
		n := len(pred)
		if n%1000 == 0 {
			sample()
		}
		if want(n) {
			sample()
			p := ScalePoint{
				Articles:    n,
				LiveStories: len(c.live()),
				Terms:       len(c.vocab),
				PeakHeap:    peak,
			}
			if n > last {
				p.PerArticle = (spent - lastSpent) / time.Duration(n-last)
				p.Rate = float64(n-last) / (spent - lastSpent).Seconds()
			}
			rep.Points = append(rep.Points, p)
			last, lastSpent = n, spent
		}
	}
	for i := range pred {
		pred[i] = c.Resolve(pred[i])
	}
	rep.Scores = Score(pred, gold)
	return rep
}
