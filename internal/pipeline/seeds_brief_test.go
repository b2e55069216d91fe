package pipeline

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestBriefSeeds checks what a reader learns from the brief of the seeds
// alone, and compares its outline with testdata/seeds-brief.golden. The
// outline holds the brief's structure, names, numbers, dates and outlets
// but none of the articles' sentences, which are not ours to copy.
func TestBriefSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/seeds is absent: skipping the brief of the seed articles")
	}
	arts := cleanAll(t, files...)
	sb := AnalyzeStory("s1", "seeds", arts)
	checkCitations(t, sb, arts)

	fact := func(value float64, unit string) *crosscheck.Fact {
		for i, f := range sb.Facts {
			if f.Kind == "number" && f.Value != nil && *f.Value == value && f.Unit == unit {
				return &sb.Facts[i]
			}
		}
		return nil
	}
	if f := fact(123, "prisoners"); f == nil || len(f.Outlets) != 5 || f.Status != crosscheck.Corroborated {
		t.Errorf("123 prisoners: got %+v, want corroborated by all five outlets", f)
	}
	if f := fact(114, "civilians"); f == nil || f.Status != crosscheck.Corroborated {
		t.Errorf("114 to Ukraine: got %+v, want corroborated", f)
	}
	if f := fact(1227, "prisoners"); f == nil || f.Status != crosscheck.SingleSource {
		t.Errorf("1,227 still jailed: got %+v, want single source", f)
	}
	if f := fact(14, "years"); f == nil || f.Status != crosscheck.SingleSource {
		t.Errorf("Babariko's 14 years: got %+v, want single source", f)
	}
	if !slices.ContainsFunc(sb.Summary, func(s crosscheck.Summary) bool {
		return strings.Contains(s.Text, "potash") && !s.SingleSource
	}) {
		t.Error("summary: the US potash sanctions deal is missing")
	}
	if !slices.ContainsFunc(sb.Quotes, func(q crosscheck.Quote) bool {
		return strings.Contains(q.Text, "Poczobut") && strings.Contains(q.Text, "refused")
	}) {
		t.Error("quotes: Poczobut's refusal to leave is missing")
	}
	uniques := func(s string) bool {
		return slices.ContainsFunc(sb.Unique, func(u crosscheck.Unique) bool { return strings.Contains(u.Text, s) })
	}
	for _, s := range []string{"1,227", "14 years"} {
		if !uniques(s) {
			t.Errorf("only in one outlet: nothing says %q", s)
		}
	}
	framing := func(term string) []string {
		for _, f := range sb.Differences.Framing {
			if f.Term == term {
				return f.Outlets
			}
		}
		return nil
	}
	pp, pardoned := framing("political prisoners"), framing("pardoned")
	if len(pp) == 0 || len(pardoned) == 0 {
		t.Errorf("framing: got %+v, want political prisoners against pardoned", sb.Differences.Framing)
	}
	if slices.Equal(pp, pardoned) {
		t.Errorf("framing: political prisoners and pardoned by the same outlets %v", pp)
	}
	for _, d := range []string{"2020", "2021-07-06", "--09-16", "--11-22", "--12-12/--12-13", "--12-13"} {
		if !slices.ContainsFunc(sb.Timeline, func(it crosscheck.TimelineItem) bool { return it.Date == d }) {
			t.Errorf("timeline: no event on %s", d)
		}
	}

	golden(t, "testdata/seeds-brief.golden", outline(sb))
}

// outline renders the skeleton of a brief: coverage, facts, entities with
// their spellings, quote speakers, framing terms, single-outlet counts,
// timeline dates and shared-text pairs. Articles are named by their ref.
func outline(sb crosscheck.StoryBrief) string {
	var b strings.Builder
	ref := make(map[string]string)
	for _, a := range sb.Articles {
		ref[a.ID] = a.Ref
	}
	refs := func(ids []string) string {
		var out []string
		for _, id := range ids {
			out = append(out, ref[id])
		}
		slices.Sort(out)
		return strings.Join(slices.Compact(out), ",")
	}
	c := sb.Coverage
	fmt.Fprintf(&b, "coverage: %d articles, %d outlets, %d origins\n", c.Articles, c.Outlets, c.IndependentOrigins)
	fmt.Fprintf(&b, "summary: %d sentences\n", len(sb.Summary))
	for _, s := range sb.Summary {
		fmt.Fprintf(&b, "  cites %s single=%v\n", refs(s.Articles), s.SingleSource)
	}
	for _, f := range sb.Facts {
		v := f.Date
		if f.Value != nil {
			v = fmt.Sprintf("%s %g %s", f.Comparator, *f.Value, f.Unit)
		}
		fmt.Fprintf(&b, "fact: %s %s | %s | origins %d | %s\n", f.Kind, v, f.Status, f.IndependentOrigins, refs(f.Articles))
	}
	for _, e := range sb.Entities {
		var vs []string
		for _, v := range e.Variants {
			vs = append(vs, v.Name)
		}
		fmt.Fprintf(&b, "entity: %s %s | %s\n", e.Type, e.Name, strings.Join(vs, "; "))
	}
	for _, q := range sb.Quotes {
		fmt.Fprintf(&b, "quote: %s | %s | %s\n", q.Speaker, q.Status, refs(q.Articles))
	}
	for _, s := range sb.Differences.Spellings {
		fmt.Fprintf(&b, "spelling: %s | %d variants\n", s.Name, len(s.Variants))
	}
	for _, f := range sb.Differences.Framing {
		fmt.Fprintf(&b, "framing: %s | %s | against %q\n", f.Term, strings.Join(f.Outlets, ","), f.Contrast)
	}
	for _, u := range sb.Unique {
		fmt.Fprintf(&b, "unique: %s\n", u.Outlet)
	}
	for _, it := range sb.Timeline {
		fmt.Fprintf(&b, "timeline: %s %s | %s\n", it.Date, it.Precision, refs(it.Articles))
	}
	for _, cp := range sb.Copies {
		fmt.Fprintf(&b, "copy: %s %s | %d passages\n", ref[cp.A], ref[cp.B], cp.Passages)
	}
	return b.String()
}

// golden compares got with the file; go test -update rewrites it.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; got:\n%s", path, got)
	}
}
