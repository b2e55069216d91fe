package entity

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// mentionsOf builds mentions of the given type, one per name, spread over
// articles a0, a1, ... in turn.
func mentionsOf(typ Type, names ...string) []Mention {
	ms := make([]Mention, len(names))
	for i, n := range names {
		ms[i] = Mention{Text: n, Type: typ, Article: fmt.Sprintf("a%d", i%3)}
	}
	return ms
}

// groups renders entities as sorted "Name=variant,variant" strings.
func groups(es []Entity) []string {
	var out []string
	for _, e := range es {
		var vs []string
		for _, v := range e.Variants {
			vs = append(vs, v.Text)
		}
		slices.Sort(vs)
		out = append(out, e.Name+"="+strings.Join(vs, ","))
	}
	slices.Sort(out)
	return out
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name     string
		mentions []Mention
		want     []string
	}{
		{
			name:     "spelling variants of one person merge",
			mentions: mentionsOf(Person, "Maria Kolesnikova", "Maria Kalesnikava", "Kolesnikova", "Maria Kolesnikova"),
			want:     []string{"Maria Kolesnikova=Kolesnikova,Maria Kalesnikava,Maria Kolesnikova"},
		},
		{
			name:     "husband and wife stay apart",
			mentions: mentionsOf(Person, "Sergei Tikhanovsky", "Svetlana Tikhanovskaya", "Tikhanovskaya", "Tikhanovsky"),
			want:     []string{"Sergei Tikhanovsky=Sergei Tikhanovsky,Tikhanovsky", "Svetlana Tikhanovskaya=Svetlana Tikhanovskaya,Tikhanovskaya"},
		},
		{
			name:     "masculine and feminine surnames stay apart",
			mentions: mentionsOf(Person, "Kolesnikov", "Kolesnikova"),
			want:     []string{"Kolesnikov=Kolesnikov", "Kolesnikova=Kolesnikova"},
		},
		{
			name:     "conflicting given names stay apart and leave the surname alone",
			mentions: mentionsOf(Person, "Alexander Lukashenko", "Viktor Lukashenko", "Lukashenko", "A. Lukashenko"),
			want:     []string{"Alexander Lukashenko=A. Lukashenko,Alexander Lukashenko", "Lukashenko=Lukashenko", "Viktor Lukashenko=Viktor Lukashenko"},
		},
		{
			name:     "surname attaches when one candidate fits",
			mentions: mentionsOf(Person, "Alexander Lukashenko", "Lukashenko", "Lukashenka", "Aliaksandr Lukashenka"),
			want:     []string{"Alexander Lukashenko=Alexander Lukashenko,Aliaksandr Lukashenka,Lukashenka,Lukashenko"},
		},
		{
			name:     "given-name cognates and vowel variants merge",
			mentions: mentionsOf(Person, "Viktor Babariko", "Viktar Babaryka", "Ales Bialiatski", "Ales Bialiatsky", "Byalyatsky"),
			want:     []string{"Ales Bialiatski=Ales Bialiatski,Ales Bialiatsky,Byalyatsky", "Viktor Babariko=Viktar Babaryka,Viktor Babariko"},
		},
		{
			name:     "canonical name is the most frequent full form",
			mentions: mentionsOf(Person, "John Cole", "John Coale", "John Coale", "Coale", "Coale", "Coale"),
			want:     []string{"John Coale=Coale,John Coale,John Cole"},
		},
		{
			name: "unknown surname attaches to its one person",
			mentions: append(mentionsOf(Person, "Tatiana Khomich"),
				mentionsOf(Unknown, "Khomich", "Belaruskali")...),
			want: []string{"Tatiana Khomich=Khomich,Tatiana Khomich"},
		},
		{
			name:     "acronym and full name of an agency",
			mentions: mentionsOf(Org, "AFP", "Agence France-Presse", "Reuters"),
			want:     []string{"Agence France-Presse=AFP,Agence France-Presse", "Reuters=Reuters"},
		},
		{
			name:     "demonym and of-country forms of one organisation",
			mentions: mentionsOf(Org, "Union of Poles in Belarus", "Belarusian Polish Union", "Union of Belarusian Writers"),
			want:     []string{"Union of Belarusian Writers=Union of Belarusian Writers", "Union of Poles in Belarus=Belarusian Polish Union,Union of Poles in Belarus"},
		},
		{
			name:     "reordered ministry names",
			mentions: mentionsOf(Org, "Polish Foreign Ministry", "Polish Ministry of Foreign Affairs", "Lithuanian Foreign Ministry"),
			want:     []string{"Lithuanian Foreign Ministry=Lithuanian Foreign Ministry", "Polish Foreign Ministry=Polish Foreign Ministry,Polish Ministry of Foreign Affairs"},
		},
		{
			name:     "acronym of a new organisation",
			mentions: append(mentionsOf(Org, "Central Election Commission"), mentionsOf(Unknown, "CEC")...),
			want:     []string{"Central Election Commission=CEC,Central Election Commission"},
		},
		{
			name:     "place aliases",
			mentions: mentionsOf(Place, "US", "United States", "U.S.", "Kyiv", "Kiev"),
			want:     []string{"Kyiv=Kiev,Kyiv", "United States=U.S.,US,United States"},
		},
		{
			name:     "case and possessive-free variants are one form",
			mentions: mentionsOf(Person, "ALEXANDER LUKASHENKO", "Alexander Lukashenko"),
			want:     []string{"Alexander Lukashenko=ALEXANDER LUKASHENKO,Alexander Lukashenko"},
		},
		{
			name:     "unattached unknowns are dropped",
			mentions: mentionsOf(Unknown, "Exit", "Popular Categories"),
			want:     nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groups(Resolve(tt.mentions))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestResolveDetails(t *testing.T) {
	ms := []Mention{
		{Text: "Donald Trump", Type: Person, Role: "US President", Article: "b"},
		{Text: "Trump", Type: Person, Role: "President", Article: "a"},
		{Text: "Donald Trump", Type: Person, Role: "US president", Article: "a"},
		{Text: "Trump", Type: Unknown, Article: "c"},
	}
	es := Resolve(ms)
	if len(es) != 1 {
		t.Fatalf("got %d entities, want 1: %v", len(es), groups(es))
	}
	e := es[0]
	if e.Name != "Donald Trump" || e.Type != Person {
		t.Errorf("got %s %q, want person %q", e.Type, e.Name, "Donald Trump")
	}
	if e.Mentions != 4 || len(e.Spans) != 4 {
		t.Errorf("got %d mentions and %d spans, want 4 and 4", e.Mentions, len(e.Spans))
	}
	if want := []string{"a", "b", "c"}; !slices.Equal(e.Articles, want) {
		t.Errorf("got articles %q, want %q", e.Articles, want)
	}
	if want := []string{"US President", "President"}; !slices.Equal(e.Roles, want) {
		t.Errorf("got roles %q, want %q", e.Roles, want)
	}
	for _, v := range e.Variants {
		want := map[string][]string{"Donald Trump": {"a", "b"}, "Trump": {"a", "c"}}[v.Text]
		if !slices.Equal(v.Articles, want) {
			t.Errorf("variant %q: got articles %q, want %q", v.Text, v.Articles, want)
		}
	}
}

func TestMatchOrg(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"AFP", "Agence France-Presse", true},
		{"Agence France-Presse", "AFP", true},
		{"Associated Press", "AP", true},
		{"Union of Poles in Belarus", "Belarusian Polish Union", true},
		{"Union of Poles in Belarus", "Union of Poles in Lithuania", false},
		{"Union of Ukrainians in Poland", "Polish Ukrainian Union", true},
		{"European Union", "EU", true},
		{"Reuters", "AFP", false},
		{"Central Election Commission", "CEC", true},
		{"Central Election Commission", "ECB", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := matchOrg(tt.a, tt.b); got.Same != tt.want {
				t.Errorf("got %v (%s), want %v", got.Same, got.Reason, tt.want)
			}
		})
	}
}
