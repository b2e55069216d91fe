package reconcile

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/clean"
	"github.com/crosscheck/crosscheck/internal/dedup"
	"github.com/crosscheck/crosscheck/internal/extract"
)

// prepare cleans raw texts and runs the stages reconcile depends on, as
// the pipeline does.
func prepare(t testing.TB, refs []string, bodies []string) Input {
	t.Helper()
	var in Input
	var arts []*crosscheck.Article
	for i, body := range bodies {
		a := clean.Clean(crosscheck.Doc{Ref: refs[i], Source: strings.TrimSuffix(refs[i], filepath.Ext(refs[i])), Format: crosscheck.FormatText, Body: []byte(body)}, clean.Options{})
		shadow := *a
		for _, h := range a.Headings {
			shadow.Sentences = append(shadow.Sentences, crosscheck.Sentence{Text: h.Text, Start: h.Start, End: h.End})
		}
		slices.SortFunc(shadow.Sentences, func(x, y crosscheck.Sentence) int { return cmp.Compare(x.Start, y.Start) })
		in.Articles = append(in.Articles, Article{Article: a, Units: shadow.Sentences, Facts: extract.Facts(&shadow), Attributions: dedup.Attributions(&shadow)})
		arts = append(arts, a)
	}
	in.Pairs = dedup.Find(arts, dedup.Options{})
	return in
}

func loadSeeds(t testing.TB) Input {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/seeds is absent: skipping the seed articles")
	}
	var refs, bodies []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, filepath.Base(f)[:3])
		bodies = append(bodies, string(b))
	}
	return prepare(t, refs, bodies)
}
