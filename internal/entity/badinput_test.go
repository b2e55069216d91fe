package entity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/names"
)

func persons(es []Entity) []string {
	var out []string
	for _, e := range es {
		if e.Type == Person {
			out = append(out, e.Name)
		}
	}
	slices.Sort(out)
	return out
}

func TestAllCapsArticle(t *testing.T) {
	a := article("caps", "BELARUSIAN PRESIDENT ALEXANDER LUKASHENKO MET US ENVOY JOHN COALE IN MINSK ON SATURDAY.\n"+
		"THE TALKS, HELD AT THE REQUEST OF WASHINGTON, LASTED TWO DAYS, REUTERS REPORTED.\n"+
		"ACCORDING TO AGENCE FRANCE-PRESSE, THE POLISH FOREIGN MINISTRY WELCOMED THE RELEASE.")
	ms := Extract(a)
	got := map[string]bool{}
	for _, m := range ms {
		got[found(m)] = true
	}
	for _, w := range []string{
		"person:ALEXANDER LUKASHENKO|BELARUSIAN PRESIDENT",
		"person:JOHN COALE|US ENVOY",
		"place:MINSK", "place:WASHINGTON", "org:REUTERS", "org:AGENCE FRANCE-PRESSE",
		"org:POLISH FOREIGN MINISTRY",
	} {
		if !got[w] {
			t.Errorf("got %v, want %q among them", ms, w)
		}
	}
	if got, want := persons(Resolve(ms)), []string{"ALEXANDER LUKASHENKO", "JOHN COALE"}; !slices.Equal(got, want) {
		t.Errorf("got persons %q, want %q", got, want)
	}
}

func TestAllCapsLearnsFromArticle(t *testing.T) {
	a := article("mix", "Maria Kolesnikova was freed on Saturday.\nKOLESNIKOVA THANKED HER SISTER.")
	var got []string
	for _, m := range Extract(a) {
		got = append(got, found(m))
	}
	if !slices.Contains(got, "person:KOLESNIKOVA") {
		t.Errorf("got %q, want %q among them", got, "person:KOLESNIKOVA")
	}
}

func TestDiacritics(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "Polish and Czech letters",
			text: "Andrzej Počobut was moved. Later Andrzej Poczobut refused to leave.",
			want: []string{"Andrzej Počobut"},
		},
		{
			name: "Belarusian Latin spelling",
			text: "Aliaksandr Łukaszenka signed it. The decree of Alexander Lukashenko followed.",
			want: []string{"Aliaksandr Łukaszenka"},
		},
		{
			name: "accented given name",
			text: "José Martínez met Jose Martinez's lawyer.",
			want: []string{"José Martínez"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := persons(Resolve(Extract(article("d", tt.text)))); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCyrillicInEnglish(t *testing.T) {
	text := "Alexander Lukashenko, known at home as Александр Лукашенко, spoke in Минск. " +
		"The channel «Пул Первого» quoted him; ПРЕЗИДЕНТ said nothing more."
	a := article("cy", text)
	ms := Extract(a)
	for _, m := range ms {
		if crosscheck.Slice(a.Text, m.Span.Start, m.Span.End) != m.Text {
			t.Errorf("got span text %q, want %q", crosscheck.Slice(a.Text, m.Span.Start, m.Span.End), m.Text)
		}
	}
	es := Resolve(ms)
	if got, want := persons(es), []string{"Alexander Lukashenko"}; !slices.Equal(got, want) {
		t.Errorf("got persons %q, want %q", got, want)
	}
	for _, e := range es {
		if e.Name == "Alexander Lukashenko" && len(e.Variants) != 2 {
			t.Errorf("got variants %v, want the Latin and the Cyrillic spelling", e.Variants)
		}
	}
}

func TestSingleLetterNames(t *testing.T) {
	a := article("s", "X said that Y met Z. I think A. is wrong. Malcolm X spoke. J. K. arrived. Q")
	for _, m := range Extract(a) {
		if m.Type == Person && len([]rune(strings.Trim(m.Text, ". "))) <= 1 {
			t.Errorf("got person %q, want no one-letter person", m.Text)
		}
	}
	ms := []Mention{
		{Text: "A", Type: Person, Article: "s"},
		{Text: "A.", Type: Person, Article: "s"},
		{Text: "J. K.", Type: Person, Article: "s"},
		{Text: ".", Type: Person, Article: "s"},
		{Text: "", Type: Org, Article: "s"},
		{Text: "Z", Type: Org, Article: "s"},
		{Text: "Q", Type: Unknown, Article: "s"},
	}
	es := Resolve(ms)
	for _, e := range es {
		if e.Name == "" {
			t.Errorf("got an entity with no name: %+v", e)
		}
	}
}

func TestGarbage(t *testing.T) {
	tests := []string{
		strings.Repeat("A", 100000),
		strings.Repeat("Ab ", 20000),
		strings.Repeat("’s ", 1000),
		strings.Repeat("of the ", 1000) + "Union",
		"\x00\x01\x02 Minsk \u200b\u202e Kyiv \ufeff",
		"O'Neill's O’Brien’s D'Alema' 'quoted' ‘Kyiv’ McDonald's",
		"U.S.A. U.N. A.B.C.D.E. ... .. . -Minsk- --Kyiv--",
		strings.Repeat("Alexander ", 500),
	}
	for i, text := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			a := article("g", text)
			ms := Extract(a)
			for _, m := range ms {
				if got := crosscheck.Slice(a.Text, m.Span.Start, m.Span.End); got != m.Text {
					t.Errorf("got span text %q, want %q", got, m.Text)
				}
			}
			Resolve(ms)
		})
	}
}

// syntheticSurname returns a made-up surname whose consonant skeleton is
// unique to n: four consonants, none equal to its neighbour, with vowels
// between them.
func syntheticSurname(n int) string {
	const cons = "bdfgklmnprst"
	const vows = "aeiou"
	var b strings.Builder
	prev := -1
	d := n % 12
	n /= 12
	for i := range 4 {
		if i > 0 {
			d = n % 11
			n /= 11
			d = (prev + 1 + d) % 12
		}
		if i == 0 {
			b.WriteByte(cons[d] - 'a' + 'A')
		} else {
			b.WriteByte(cons[d])
		}
		b.WriteByte(vows[(d+i)%5])
		prev = d
	}
	b.WriteString("ne")
	return b.String()
}

func TestManyNames(t *testing.T) {
	const n = 10000
	given := []string{"Anna", "Boris", "Clara", "David", "Elena", "Farid", "Greta", "Hugo"}
	var ms []Mention
	seen := map[string]bool{}
	for i := range n {
		s := syntheticSurname(i)
		if seen[s] {
			t.Fatalf("surname %q repeats", s)
		}
		seen[s] = true
		art := fmt.Sprintf("a%d", i%50)
		ms = append(ms,
			Mention{Text: given[i%len(given)] + " " + s, Type: Person, Article: art},
			Mention{Text: s, Type: Person, Article: art},
			Mention{Text: s, Type: Unknown, Article: art},
		)
	}
	r := resolver{mentions: ms}
	es := r.run()
	if len(es) != n {
		t.Errorf("got %d entities, want %d", len(es), n)
	}
	for _, e := range es[:10] {
		if len(e.Variants) != 2 || e.Mentions != 3 {
			t.Errorf("got %q with %d variants and %d mentions, want 2 and 3", e.Name, len(e.Variants), e.Mentions)
		}
	}
	// Blocking: each name is compared with a handful of others, never with
	// all of them.
	if r.compares > 3*n {
		t.Errorf("got %d name comparisons for %d names, want at most %d", r.compares, n, 3*n)
	}
}

// TestCrowdedSurname puts many people with one surname in one story: they
// share a blocking key, and only compatible names may merge.
func TestCrowdedSurname(t *testing.T) {
	given := []string{"Alexander", "Viktor", "Sergei", "Maria", "Olga", "Ivan", "Pavel", "Tatiana", "Boris", "Natalya"}
	var ms []Mention
	for _, g := range given {
		sur := "Ivanov"
		if names.Parse(g+" X").Gender == names.Female {
			sur = "Ivanova"
		}
		ms = append(ms, Mention{Text: g + " " + sur, Type: Person, Article: "a"})
	}
	ms = append(ms, Mention{Text: "Ivanov", Type: Person, Article: "a"}, Mention{Text: "Aleksandr Ivanov", Type: Person, Article: "b"})
	es := Resolve(ms)
	if got := len(persons(es)); got != len(given)+1 {
		t.Errorf("got %d persons %q, want %d", got, persons(es), len(given)+1)
	}
}
