package entity

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// seedDir holds five real articles on one event, shared by the team. They
// are read at run time and never copied into the package.
var seedDir = filepath.Join("..", "..", "..", "shared", "seeds")

// seedFiles reads the seed articles, or skips the test when they are absent.
func seedFiles(t testing.TB) []*crosscheck.Article {
	t.Helper()
	if _, err := os.Stat(seedDir); err != nil {
		t.Skipf("seed articles not available (%v); they live in ../../../shared/seeds", err)
	}
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no seed articles in %s", seedDir)
	}
	var arts []*crosscheck.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, article(filepath.Base(f), string(b)))
	}
	return arts
}

func seedMentions(t testing.TB) []Mention {
	t.Helper()
	var ms []Mention
	for _, a := range seedFiles(t) {
		ms = append(ms, Extract(a)...)
	}
	return ms
}

func TestSeeds(t *testing.T) {
	es := Resolve(seedMentions(t))
	want := map[string][]string{
		"Alexander Lukashenko":   {"Alexander Lukashenko", "Lukashenko"},
		"Maria Kolesnikova":      {"Maria Kolesnikova", "Kolesnikova", "Maria Kalesnikava", "Kalesnikava"},
		"Viktor Babariko":        {"Viktor Babariko", "Viktar Babaryka", "Babariko"},
		"Ales Bialiatski":        {"Ales Bialiatski", "Ales Bialiatsky", "Bialiatski", "Bialiatsky", "Byalyatsky"},
		"John Coale":             {"John Coale", "John Cole", "Coale"},
		"Andrzej Poczobut":       {"Andrzej Poczobut"},
		"Sergei Tikhanovsky":     {"Sergei Tikhanovsky"},
		"Svetlana Tikhanovskaya": {"Svetlana Tikhanovskaya", "Tikhanovskaya"},
		"Natalya Eismont":        {"Natalya Eismont", "Eismont"},
		"Andrei Suzdaltsev":      {"Andrei Suzdaltsev", "Suzdaltsev"},
		"Tatiana Khomich":        {"Tatiana Khomich", "Khomich"},
		"Volodymyr Zelenskyy":    {"Volodymyr Zelenskyy"},
		"Vladimir Putin":         {"Vladimir Putin"},
		"Donald Trump":           {"Donald Trump", "Trump"},
	}
	persons := map[string]Entity{}
	for _, e := range es {
		if e.Type == Person {
			persons[e.Name] = e
		}
	}
	for name, variants := range want {
		t.Run(name, func(t *testing.T) {
			e, ok := persons[name]
			if !ok {
				t.Fatalf("got no person named %q", name)
			}
			var got []string
			for _, v := range e.Variants {
				got = append(got, v.Text)
			}
			slices.Sort(got)
			w := slices.Clone(variants)
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("got variants %q, want %q", got, w)
			}
		})
	}
	// Any other person is an organisation or place typed as one, or a
	// spelling that failed to merge.
	for name := range persons {
		if _, ok := want[name]; !ok {
			t.Errorf("got unexpected person %q", name)
		}
	}
	merged := func(a, b string) {
		for _, e := range es {
			var vs []string
			for _, v := range e.Variants {
				vs = append(vs, v.Text)
			}
			if slices.Contains(vs, a) {
				if !slices.Contains(vs, b) || e.Type != Org {
					t.Errorf("got %s %q with %q, want %q and %q in one organisation", e.Type, e.Name, vs, a, b)
				}
				return
			}
		}
		t.Errorf("got no entity for %q", a)
	}
	merged("AFP", "Agence France-Presse")
	merged("Union of Poles in Belarus", "Belarusian Polish Union")
	for _, e := range es {
		if e.Type == Person {
			continue
		}
		switch e.Name {
		case "Reuters", "RIA Novosti", "Lenta.ru", "Al Jazeera", "Agence France-Presse":
			if e.Type != Org {
				t.Errorf("got %q typed %s, want org", e.Name, e.Type)
			}
		case "Minsk", "Kyiv", "Belarus", "Ukraine", "Lithuania", "Warsaw":
			if e.Type != Place {
				t.Errorf("got %q typed %s, want place", e.Name, e.Type)
			}
		case "Belarusian", "Belarusians", "Polish", "Ukrainian":
			t.Errorf("got demonym %q as a %s", e.Name, e.Type)
		}
	}
}
