package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// benchTemplates are sentences written for the benchmark; %[1]s to %[4]s
// are person names, %[5]s a surname, %[6]s a place.
var benchTemplates = []string{
	"US President %[1]s met %[2]s in %[6]s on Tuesday, Reuters reported.",
	"The press secretary of Belarusian leader %[3]s, %[4]s, said the talks had been useful.",
	"%[5]s, a former banker, was released after three years in prison.",
	"According to Agence France-Presse, the Polish Ministry of Foreign Affairs welcomed the decision.",
	"Political scientist %[2]s told Lenta.ru that sanctions on potash would be lifted soon.",
	"Additionally, the Union of Poles in Belarus said its activist remained in custody in %[6]s.",
	"In June, the government unexpectedly freed a major opposition leader, %[4]s.",
	"“We respect his decision,” %[5]s said, adding that the White House special envoy would return.",
	"Most of those pardoned were taken to Ukraine and later to Lithuania and Poland.",
	"The European Union and the United States imposed sanctions on Minsk after the 2020 election.",
}

var benchGiven = []string{"Anna", "Boris", "Olga", "Viktor", "Maria", "Pavel", "Irina", "Sergei", "John", "Elena"}
var benchSurnames = []string{"Orlov", "Petrova", "Kowalski", "Smith", "Novak", "Sidorova", "Belov", "Marsh", "Kuznetsov", "Hale"}
var benchPlaces = []string{"Minsk", "Vilnius", "Warsaw", "Kyiv", "Riga"}

// benchArticle returns a synthetic article of about 4 KB.
func benchArticle(n int) *crosscheck.Article {
	name := func(k int) string {
		return benchGiven[(n+k)%len(benchGiven)] + " " + benchSurnames[(n*3+k)%len(benchSurnames)]
	}
	var b strings.Builder
	for i := 0; b.Len() < 4096; i++ {
		t := benchTemplates[(n+i)%len(benchTemplates)]
		fmt.Fprintf(&b, t, name(i), name(i+1), name(i+2), name(i+3), benchSurnames[(n+i)%len(benchSurnames)], benchPlaces[(n+i)%len(benchPlaces)])
		b.WriteByte(' ')
		if i%4 == 3 {
			b.WriteByte('\n')
		}
	}
	return article(fmt.Sprintf("b%d", n), b.String())
}

// BenchmarkExtractResolve extracts and resolves a story of 20 articles of
// about 4 KB each and reports the throughput in articles per second.
func BenchmarkExtractResolve(b *testing.B) {
	const n = 20
	arts := make([]*crosscheck.Article, n)
	size := 0
	for i := range arts {
		arts[i] = benchArticle(i)
		size += len(arts[i].Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	total := 0
	for _, a := range arts {
		total += len(Extract(a))
	}
	for b.Loop() {
		ms := make([]Mention, 0, total)
		for _, a := range arts {
			ms = append(ms, Extract(a)...)
		}
		Resolve(ms)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractSeeds extracts the five real seed articles.
func BenchmarkExtractSeeds(b *testing.B) {
	arts := seedFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		var ms []Mention
		for _, a := range arts {
			ms = append(ms, Extract(a)...)
		}
		Resolve(ms)
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkResolveManyNames resolves 10,000 distinct people.
func BenchmarkResolveManyNames(b *testing.B) {
	var ms []Mention
	for i := range 10000 {
		s := syntheticSurname(i)
		ms = append(ms, Mention{Text: benchGiven[i%len(benchGiven)] + " " + s, Type: Person, Article: "a"}, Mention{Text: s, Type: Person, Article: "b"})
	}
	b.ReportAllocs()
	for b.Loop() {
		Resolve(ms)
	}
}
