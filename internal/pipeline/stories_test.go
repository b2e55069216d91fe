package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/clean"
	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/ecbplus"
)

// TestSeedsAmongECBPlus mixes the five seed articles into the ECB+ corpus,
// in the middle of the stream, and checks that they form one story of
// exactly those five.
func TestSeedsAmongECBPlus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	ecbDir := "../../../shared/eval/ecbplus/ECB+"
	if _, err := os.Stat(ecbDir); len(files) == 0 || err != nil {
		t.Skip("../shared/seeds or ../shared/eval/ecbplus is absent: skipping")
	}
	docs, err := ecbplus.ReadDir(ecbDir)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*crosscheck.Article
	for _, d := range cluster.ShuffleECBPlus(docs, 1) {
		arts = append(arts, clean.Clean(crosscheck.Doc{Ref: d.ID, Format: crosscheck.FormatText, Body: []byte(d.Text)}, clean.Options{}))
	}
	seeds := map[string]bool{}
	for i, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := clean.Clean(crosscheck.Doc{Ref: filepath.Base(f), Format: crosscheck.FormatText, Body: body}, clean.Options{})
		seeds[a.ID] = true
		at := (i + 1) * len(arts) / (len(files) + 1)
		arts = slices.Insert(arts, at, a)
	}
	for _, g := range GroupStories(arts, cluster.DefaultOptions()) {
		var in, out []string
		for _, a := range g.Articles {
			if seeds[a.ID] {
				in = append(in, a.Ref)
			} else {
				out = append(out, a.Ref)
			}
		}
		if len(in) == 0 {
			continue
		}
		if len(in) != len(files) || len(out) > 0 {
			t.Errorf("story %s: seeds %v with others %v; want all %d seeds alone", g.ID, in, strings.Join(out, " "), len(files))
		}
	}
}
