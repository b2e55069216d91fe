package dedup

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// corpus generates n articles of about 4 KB: words drawn from a made-up
// vocabulary with a Zipf distribution like that of real text, a footer that
// every article carries, and, in one article of ten, a passage of about 60
// words copied from an earlier article.
func corpus(n int) []*crosscheck.Article {
	r := rand.New(rand.NewPCG(42, 42))
	vocab := make([]string, 30000)
	for i := range vocab {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		vocab[i] = b.String()
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	const footer = "\nFollow us on social media for the latest news, and sign up for our daily newsletter."
	arts := make([]*crosscheck.Article, n)
	var b strings.Builder
	for i := range arts {
		b.Reset()
		for b.Len() < 4000 {
			if i > 0 && r.IntN(10) == 0 && r.IntN(40) == 0 {
				src := arts[r.IntN(i)].Text
				at := r.IntN(len(src) / 2)
				at += strings.IndexByte(src[at:], ' ') + 1
				b.WriteString(src[at : at+400])
				b.WriteString(". ")
				continue
			}
			for k := range 8 + r.IntN(20) {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(vocab[zipf.Uint64()])
			}
			b.WriteString(". ")
		}
		b.WriteString(footer)
		arts[i] = &crosscheck.Article{ID: fmt.Sprintf("gen%05d", i), Text: b.String()}
	}
	return arts
}

// BenchmarkIndex adds generated 4 KB articles to an empty Index. ns/article
// is the mean cost of Add; ns/article-last is the mean over the last tenth
// of the articles, added to the fullest index, which stays close to the
// mean when the cost per article does not grow with the corpus.
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			arts := corpus(n)
			b.ReportAllocs()
			var total, last time.Duration
			pairs := 0
			for b.Loop() {
				x := NewIndex(Options{})
				start := time.Now()
				var tail time.Time
				for i, a := range arts {
					if i == n-n/10 {
						tail = time.Now()
					}
					pairs += len(x.Add(a))
				}
				total += time.Since(start)
				last += time.Since(tail)
			}
			b.ReportMetric(float64(total.Nanoseconds())/float64(b.N*n), "ns/article")
			b.ReportMetric(float64(last.Nanoseconds())/float64(b.N*(n/10)), "ns/article-last")
			b.ReportMetric(float64(pairs)/float64(b.N), "pairs")
		})
	}
}

// BenchmarkOrigins counts the origins of a fact that 1,000 articles
// support, given 20,000 pairs among 5,000 articles.
func BenchmarkOrigins(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	id := func(i int) string { return fmt.Sprintf("art%04d", i) }
	pairs := make([]Pair, 20000)
	for k := range pairs {
		i, j := r.IntN(5000), r.IntN(5000)
		start := r.IntN(2000)
		pairs[k] = Pair{
			A: id(i), B: id(j),
			Passages: []Passage{{
				A:     crosscheck.Span{Article: id(i), Start: start, End: start + 300},
				B:     crosscheck.Span{Article: id(j), Start: start, End: start + 300},
				Words: 50,
			}},
			Copy: r.IntN(20) == 0,
		}
	}
	support := make([]Support, 1000)
	for k := range support {
		start := r.IntN(2000)
		support[k] = Support{Article: id(k * 5), Sentence: crosscheck.Span{Start: start, End: start + 120}}
		if r.IntN(10) == 0 {
			support[k].Credits = []string{[]string{"Reuters", "AFP", "TASS"}[r.IntN(3)]}
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Origins(support, pairs))
	}
	b.ReportMetric(float64(n), "origins")
}

// BenchmarkAttributions reads the attributions of one 4 KB article.
func BenchmarkAttributions(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 4000 {
		sb.WriteString(babble(int64(sb.Len()), 20))
		sb.WriteString(" Nine are in Lithuania, Reuters reported citing the US Embassy. “They are safe,” the agency said. ")
	}
	a := article("a", sb.String())
	b.ReportAllocs()
	for b.Loop() {
		Attributions(a)
	}
}
