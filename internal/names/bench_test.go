package names

import "testing"

var benchPairs = [][2]string{
	{"Maria Kolesnikova", "Maryia Kalesnikava"},
	{"Alexander Lukashenko", "Viktor Lukashenko"},
	{"Sergei Tikhanovsky", "Svetlana Tikhanovskaya"},
	{"Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"},
	{"A. Lukashenko", "Aliaksandr Lukashenka"},
	{"Колесникова", "Kalesnikava"},
	{"Andrzej Poczobut", "Andrei Počobut"},
	{"John Coale", "John Cole"},
	{"Putin, Vladimir Vladimirovich", "Vladimir Putin"},
	{"Ales Bialiatski", "Ales Byalyatsky"},
}

// BenchmarkMatch measures Match on typical news-name pairs; the budget is
// 5 µs a pair.
func BenchmarkMatch(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := benchPairs[i%len(benchPairs)]
		Match(p[0], p[1])
	}
}

// BenchmarkMatchParsed measures comparing names parsed once.
func BenchmarkMatchParsed(b *testing.B) {
	parsed := make([][2]Parsed, len(benchPairs))
	for i, p := range benchPairs {
		parsed[i] = [2]Parsed{Parse(p[0]), Parse(p[1])}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := parsed[i%len(parsed)]
		p[0].Match(p[1])
	}
}

// BenchmarkKey measures the blocking key.
func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Key(benchPairs[i%len(benchPairs)][0])
	}
}

// BenchmarkMatchOrg measures MatchOrg.
func BenchmarkMatchOrg(b *testing.B) {
	pairs := [][2]string{
		{"Agence France-Presse", "AFP"},
		{"TACTICAL MISSILES CORPORATION JOINT STOCK COMPANY", "JSC TACTICAL MISSILES CORP."},
		{"Deutsche Bank AG", "Deutsche Bank GmbH"},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		MatchOrg(p[0], p[1])
	}
}
