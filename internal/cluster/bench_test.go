package cluster

import (
	"fmt"
	"testing"
)

// BenchmarkAdd times one Add on a clusterer that has already taken 20,000
// articles of a synthetic stream (about 1,000 live stories); the articles
// are generated outside the timer.
func BenchmarkAdd(b *testing.B) {
	const warm = 20000
	g := NewSynthetic(warm+b.N, (warm+b.N)/20, 1)
	c := New(Options{})
	for range warm {
		d, _, _ := g.Next()
		c.Add(d)
	}
	docs := make([]Doc, b.N)
	for i := range docs {
		docs[i], _, _ = g.Next()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		c.Add(docs[i])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkScale clusters a synthetic stream of 100,000 articles about 5,000
// stories and reports the time per article at 10k, 50k and 100k articles,
// and the peak heap. It is slow: run it alone with
// go test -run '^$' -bench Scale -benchtime 1x ./internal/cluster/
func BenchmarkScale(b *testing.B) {
	for range b.N {
		rep := Scale(100000, 5000, []int{10000, 50000, 100000}, 1)
		for _, p := range rep.Points {
			b.ReportMetric(float64(p.PerArticle.Microseconds()), fmt.Sprintf("µs/article@%dk", p.Articles/1000))
		}
		last := rep.Points[len(rep.Points)-1]
		b.ReportMetric(float64(last.PeakHeap)/(1<<20), "peak-MiB")
		b.ReportMetric(float64(last.LiveStories), "live-stories")
		b.ReportMetric(rep.Scores.BCubedF1, "B3F1")
	}
}

// BenchmarkECBPlus times clustering all of ECB+ topics 1-35 once.
func BenchmarkECBPlus(b *testing.B) {
	if testing.Short() {
		b.Skip("short")
	}
	docs := readECBPlusB(b)
	b.ResetTimer()
	for range b.N {
		ClusterECBPlus(docs, Options{}, 1)
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
