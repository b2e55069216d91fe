package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// benchArticle generates a news-like article of about size bytes from
// sentence templates, with numbers, dates and quotes in each paragraph.
func benchArticle(size int) string {
	names := []string{"Ana Kral", "Omar Haddad", "Lena Fisk", "Ivo Lasko", "Nora Pike", "Paul Dray"}
	places := []string{"Vilnius", "Oslo", "Riga", "Tallinn", "Minsk", "Warsaw"}
	months := []string{"January", "March", "May", "July", "September", "November"}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		n, p, m := names[i%len(names)], places[i%len(places)], months[i%len(months)]
		surname := n[strings.IndexByte(n, ' ')+1:]
		fmt.Fprintf(&b, "On %s %d, the authorities in %s released %d prisoners, including %s. ", m, i%27+1, p, 40+i*7, n)
		fmt.Fprintf(&b, "More than %d,%03d people remain in jail, and %s, along with %d other activists, was handed over to the border guards. ", 1+i%3, 100+i, surname, 10+i)
		fmt.Fprintf(&b, "\"We will keep working for the release of everyone,\" %s told AFP on Saturday. ", surname)
		fmt.Fprintf(&b, "In %d, %s had been serving a %d-year sentence, and prices rose %d%% last year.\n\n", 2015+i%8, surname, 3+i%9, 5+i%20)
	}
	return b.String()
}

func BenchmarkFacts(b *testing.B) {
	text := benchArticle(4096)
	a := article(text, day(2025, time.December, 14))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Facts(a)
	}
}

// BenchmarkFactsLongSentence guards against quadratic paths: one 60 KB
// sentence full of quotes, numbers and dates.
func BenchmarkFactsLongSentence(b *testing.B) {
	text := strings.Repeat(`"It was fine," the man said in June, and 3 other men left, `, 1000)
	a := article(text, time.Time{})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Facts(a)
	}
}

func BenchmarkSameQuote(b *testing.B) {
	x := "guided by humanitarian principles and shared family values, the council said"
	y := "is guided by humanitarian principles as well as shared and family values"
	for b.Loop() {
		SameQuote(x, y)
	}
}
