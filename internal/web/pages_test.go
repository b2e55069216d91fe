package web

import (
	"html"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

func TestPages(t *testing.T) {
	_, ts, st := newTestServer(t)
	ingestDemo(t, ts)
	// What the pages should show is read from the store, so that the test
	// does not depend on how the clusterer groups the demo.
	all, err := st.Stories(t.Context(), crosscheck.StoryFilter{})
	if err != nil || len(all) < 2 {
		t.Fatalf("stories: got %v, %v; want at least 2", all, err)
	}
	radio, err := st.Stories(t.Context(), crosscheck.StoryFilter{Outlet: "Vesnia State Radio"})
	if err != nil || len(radio) == 0 {
		t.Fatalf("stories of Vesnia State Radio: got %v, %v", radio, err)
	}
	grebnev, err := st.Stories(t.Context(), crosscheck.StoryFilter{Outlet: "baltic-wire"})
	if err != nil || len(grebnev) == 0 {
		t.Fatalf("stories of baltic-wire: got %v, %v", grebnev, err)
	}
	link := func(id string) string { return `href="/stories/` + id + `"` }
	tests := []struct {
		name     string
		path     string
		wantCode int
		want     []string
	}{
		{"story list", "/", 200, []string{html.EscapeString(all[0].Title), link(all[0].ID), html.EscapeString(all[1].Title), link(all[1].ID), "baltic-wire"}},
		{"filtered list", "/?outlet=Vesnia+State+Radio", 200, []string{html.EscapeString(radio[0].Title), link(radio[0].ID)}},
		{"paged list", "/?limit=1", 200, []string{"more →", "offset=1"}},
		{"story", "/stories/" + grebnev[0].ID, 200, []string{"Who reports what", `<th scope="col">baltic-wire</th>`, "48 prisoners released", `class="has"`, "Alexei Grebnev", `href="/api/stories/` + grebnev[0].ID + `"`}},
		{"entity", "/entities?q=Aliaksei+Hrebnieu", 200, []string{"Spellings by outlet", "Alexei Grebnev", "northern-gazette", link(grebnev[0].ID), "<h2>Timeline</h2>", "Grebnev was jailed"}},
		{"entity form", "/entities", 200, []string{`name="q"`}},
		{"add form", "/add", 200, []string{`enctype="multipart/form-data"`, `type="file"`, `name="urls"`, `name="text"`}},
		{"missing story", "/stories/s999", 404, []string{"Error 404", "no story"}},
		{"bad query", "/entities?q=x", 400, []string{"Error 400"}},
		{"bad limit", "/?limit=zero", 400, []string{"Error 400"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPage(t, get(t, ts.URL+tt.path), tt.wantCode, tt.want, nil)
		})
	}
}

func TestAddForm(t *testing.T) {
	_, ts, st := newTestServer(t)
	files := demoFiles(t)
	upload := map[string][]byte{"baltic-wire.txt": files["baltic-wire.txt"]}
	b, ct := form(t, upload,
		"text", "Vesnia freed 48 prisoners on Friday, the envoy Marta Lindqvist said in Riga.",
		"source", "Pasted Post", "title", "Envoy confirms release", "published", "2026-03-06")
	r := do(t, http.MethodPost, ts.URL+"/add", ct, b)
	if r.code != http.StatusOK {
		t.Fatalf("POST /add: got %d\n%s", r.code, r.body)
	}
	for _, w := range []string{"Articles added", "baltic-wire.txt", "item 1", "Envoy confirms release", `href="/stories/`} {
		if !strings.Contains(r.body, w) {
			t.Errorf("want %q in\n%s", w, r.body)
		}
	}
	arts, err := st.Articles(t.Context(), crosscheck.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, a := range arts {
		sources = append(sources, a.Source)
	}
	slices.Sort(sources)
	if want := []string{"Pasted Post", "baltic-wire"}; !slices.Equal(sources, want) {
		t.Errorf("outlets: got %v, want %v", sources, want)
	}
}

func TestGrid(t *testing.T) {
	one := 48.0
	sb := crosscheck.StoryBrief{
		Articles: []crosscheck.BriefArticle{{ID: "a", Source: "Wire"}, {ID: "b", Source: "Post"}, {ID: "c", Source: "Radio"}, {ID: "d", Source: "Wire"}},
		Facts: []crosscheck.Fact{
			{Text: "48 prisoners released", Status: crosscheck.Corroborated, IndependentOrigins: 2, Outlets: []string{"Wire", "Post"}},
			{Text: "prisoners released", Status: crosscheck.InConflict, Why: "48 against 52", Outlets: []string{"Wire", "Radio"},
				Versions: []crosscheck.Version{
					{Text: "48", Value: &one, Outlets: []string{"Wire"}},
					{Text: "52", Outlets: []string{"Radio"}},
				}},
			{Text: "more than 100 held", Status: crosscheck.SingleSource, Outlets: []string{"Post"},
				Versions: []crosscheck.Version{{Text: "more than 100", Outlets: []string{"Post"}, Compatible: true}}},
		},
		Quotes: []crosscheck.Quote{{Speaker: "Markevich", Text: "guided by humanitarian principles", Status: crosscheck.InConflict, Outlets: []string{"Radio"}}},
	}
	outlets, rows := grid(sb)
	if want := []string{"Wire", "Post", "Radio"}; !slices.Equal(outlets, want) {
		t.Fatalf("outlets: got %v, want %v", outlets, want)
	}
	want := [][]gridCell{
		{{"has", "✓"}, {"has", "✓"}, {"none", "–"}},
		{{"conflict", "≠ 48"}, {"none", "–"}, {"conflict", "≠ 52"}},
		{{"none", "–"}, {"has", "✓ more than 100"}, {"none", "–"}},
		{{"none", "–"}, {"none", "–"}, {"conflict", "≠ ✓"}},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows: got %d, want %d", len(rows), len(want))
	}
	for i, row := range rows {
		if !slices.Equal(row.Cells, want[i]) {
			t.Errorf("row %d (%s): got %v, want %v", i, row.Text, row.Cells, want[i])
		}
	}
	if rows[1].Why != "48 against 52" || rows[3].Kind != "quote" || !strings.HasPrefix(rows[3].Text, "Markevich: ") {
		t.Errorf("rows: got %+v and %+v, want the conflict's reason and the quote's speaker", rows[1], rows[3])
	}
}

// TestBriefsReadyAfterIngest checks that the stories an ingest changed are
// analysed in the background, so that their first reader finds the brief
// cached.
func TestBriefsReadyAfterIngest(t *testing.T) {
	s, ts, st := newTestServer(t)
	rep := ingestDemo(t, ts)
	if len(rep.Stories) == 0 {
		t.Fatal("ingest: no stories")
	}
	deadline := time.Now().Add(30 * time.Second)
	for _, id := range rep.Stories {
		rec, err := st.Story(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		for {
			if _, ok := s.briefs.get(briefKey(rec)); ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("story %s: brief not cached 30 s after the ingest", id)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}
