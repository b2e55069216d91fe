package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
	"github.com/crosscheck/crosscheck/internal/store"
)

// runCmd runs one command line of the real program with its own database
// and returns the exit code and what it printed.
func runCmd(t *testing.T, db string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errb,
		getenv: func(k string) string {
			if k == "CROSSCHECK_DB" {
				return db
			}
			return ""
		},
	}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestUsageAndHelp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
	}{
		{"no arguments", nil, exitUsage, "Commands:"},
		{"help", []string{"help"}, exitOK, "Commands:"},
		{"unknown command", []string{"frobnicate"}, exitUsage, ""},
		{"ingest help", []string{"ingest", "--help"}, exitOK, "Usage: crosscheck ingest"},
		{"brief help", []string{"help", "brief"}, exitOK, "Usage: crosscheck brief"},
		{"show help", []string{"show", "-h"}, exitOK, "Usage: crosscheck show"},
		{"articles help", []string{"articles", "--help"}, exitOK, "--format"},
		{"eval help", []string{"eval", "--help"}, exitOK, "eval extraction"},
		{"bench help", []string{"bench", "--help"}, exitOK, "--kind"},
		{"bad flag", []string{"articles", "--nope"}, exitUsage, ""},
		{"bad format", []string{"articles", "--format", "xml"}, exitUsage, ""},
		{"ingest without inputs", []string{"ingest"}, exitUsage, ""},
		{"show without id", []string{"show"}, exitUsage, ""},
		{"bad size", []string{"ingest", "--max-bytes", "lots", "x"}, exitUsage, ""},
		{"unknown evaluation", []string{"eval", "vibes"}, exitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, _ := runCmd(t, db, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code: got %d, want %d", code, tt.wantCode)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("stdout: got %q, want it to contain %q", out, tt.wantOut)
			}
		})
	}
}

// TestIngestShowArticles runs the README's first command on the demo corpus
// and then reads the articles back.
func TestIngestShowArticles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	code, out, errs := runCmd(t, db, "", "ingest", "../../demo")
	if code != exitOK {
		t.Fatalf("ingest demo: exit %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, "4 stored") {
		t.Errorf("summary: got %q, want 4 stored", errs)
	}
	code, _, errs = runCmd(t, db, "", "ingest", "../../demo")
	if code != exitOK || !strings.Contains(errs, "0 stored, 4 duplicate") {
		t.Errorf("second ingest: exit %d, summary %q; want 4 duplicates", code, errs)
	}
	code, out, _ = runCmd(t, db, "", "articles", "--format", "json")
	if code != exitOK {
		t.Fatalf("articles: exit %d", code)
	}
	var list struct {
		Articles []struct{ ID, Source, Title string }
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("articles json: %v\n%s", err, out)
	}
	if len(list.Articles) != 4 {
		t.Fatalf("articles: got %d, want 4", len(list.Articles))
	}
	sources := map[string]bool{}
	for _, a := range list.Articles {
		sources[a.Source] = true
	}
	for _, want := range []string{"Vesnia State Radio", "northern-gazette", "baltic-wire"} {
		if !sources[want] {
			t.Errorf("sources: got %v, want %q among them", sources, want)
		}
	}
	code, out, _ = runCmd(t, db, "", "show", "--format", "json", list.Articles[0].ID[:8])
	if code != exitOK {
		t.Fatalf("show: exit %d", code)
	}
	var a map[string]any
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "ref", "source", "title", "language", "text", "headings", "sentences", "removed"} {
		if _, ok := a[k]; !ok {
			t.Errorf("show json: no field %q", k)
		}
	}
	if code, _, errs := runCmd(t, db, "", "show", "ffffffffffff"); code != exitFailure || !strings.Contains(errs, "no article") {
		t.Errorf("show unknown id: exit %d, %q; want 1 and a not-found message", code, errs)
	}
}

func TestBriefEscapesAndMarksHeadings(t *testing.T) {
	for _, format := range []string{"md", "html", "json"} {
		code, out, errs := runCmd(t, "", "", "brief", "--format", format, "../../demo")
		if code != exitOK {
			t.Fatalf("brief --format %s: exit %d\n%s", format, code, errs)
		}
		if strings.Contains(out, "<script>") || strings.Contains(out, "<b>photos") {
			t.Errorf("brief --format %s printed raw markup from an article", format)
		}
	}
	code, out, _ := runCmd(t, "", "", "brief", "--format", "json", "../../demo")
	if code != exitOK {
		t.Fatal("brief json failed")
	}
	var b struct {
		Stories []struct {
			ID       string
			Articles []struct{ ID string }
		}
		Articles []struct {
			Ref      string
			Text     string
			Headings []struct{ Text string }
			Removed  []string
		}
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Articles) != 4 || len(b.Stories) == 0 {
		t.Fatalf("got %d articles in %d stories, want 4 articles", len(b.Articles), len(b.Stories))
	}
	for _, a := range b.Articles {
		if a.Ref != "northern-gazette.txt" {
			continue
		}
		if len(a.Headings) != 1 || a.Headings[0].Text != "Who is Hrebnieu" {
			t.Errorf("northern-gazette headings: got %+v, want the sub-heading", a.Headings)
		}
		for _, bp := range []string{"Popular Categories", "Exit mobile version", "Total Views"} {
			if strings.Contains(a.Text, bp) {
				t.Errorf("boilerplate %q left in the text", bp)
			}
		}
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	write := func(name string, body []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Officials in Kestrel reopened the harbour bridge on Tuesday, three weeks after the storm. Engineers replaced 14 girders."))
	empty := write("empty.txt", []byte("  \n\n "))
	png := write("image.png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...))
	big := write("big.txt", bytes.Repeat([]byte("word "), 3000))
	code, out, errs := runCmd(t, db, "", "ingest", "--max-bytes", "8KB", good, empty, png, big, filepath.Join(dir, "missing.txt"))
	if code != exitFailure {
		t.Errorf("exit code: got %d, want %d (some inputs rejected)", code, exitFailure)
	}
	for _, want := range []string{"stored", "empty", "not text", "8 KB", "missing.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("report: got\n%s\nwant it to mention %q", out, want)
		}
	}
	if !strings.Contains(errs, "1 stored") {
		t.Errorf("summary: got %q, want 1 stored", errs)
	}
	// Stdin works too, and the good article from before is still there.
	code, _, errs = runCmd(t, db, "A second article arrives on stdin. It has two sentences.", "ingest", "-")
	if code != exitOK || !strings.Contains(errs, "1 stored") {
		t.Errorf("stdin: exit %d, %q", code, errs)
	}
	code, out, _ = runCmd(t, db, "", "articles")
	if code != exitOK || strings.Count(out, "\n") != 3 {
		t.Errorf("articles after bad inputs: exit %d\n%s\nwant a header and 2 rows", code, out)
	}
}

// TestIngestWarningsAndLanguages covers inputs that are stored with a
// label rather than refused: a page with no article, a German article, and
// a URL that fails while the other inputs go on.
func TestIngestWarningsAndLanguages(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/login":
			fmt.Fprint(w, `<html><head><title>Sign in</title></head><body><form><input name=u><button>Log in</button></form></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	german := filepath.Join(dir, "de.txt")
	os.WriteFile(german, []byte("Die Regierung hat am Samstag 123 Gefangene freigelassen. Unter ihnen ist auch die Oppositionspolitikerin, die seit Jahren in Haft war."), 0o644)
	code, out, _ := runCmd(t, db, "", "ingest", "--format", "json", srv.URL+"/login", srv.URL+"/gone", german)
	if code != exitFailure {
		t.Errorf("exit code: got %d, want %d for the 404", code, exitFailure)
	}
	var results []struct {
		Input, Status, Reason, ID string
		Warnings                  []string
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct {
			Input, Status, Reason, ID string
			Warnings                  []string
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("json line %q: %v", line, err)
		}
		results = append(results, r)
	}
	if len(results) != 3 {
		t.Fatalf("got %d results, want 3:\n%s", len(results), out)
	}
	if r := results[0]; r.Status != "stored" || strings.Join(r.Warnings, ",") != "no main text" {
		t.Errorf("login page: got %+v, want stored with warning \"no main text\"", r)
	}
	if r := results[1]; r.Status != "rejected" || !strings.Contains(r.Reason, "404") || !strings.Contains(r.Reason, srv.URL) {
		t.Errorf("404: got %+v, want rejected naming the URL and the status", r)
	}
	if r := results[2]; r.Status != "stored" {
		t.Fatalf("german article: got %+v, want stored", r)
	}
	code, out, _ = runCmd(t, db, "", "show", "--format", "json", results[2].ID)
	if code != exitOK || !strings.Contains(out, `"language": "de"`) {
		t.Errorf("german article: exit %d, want language de in\n%s", code, out)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"match", "Maria Kolesnikova", "Maryia Kalesnikava"}, "same"},
		{[]string{"match", "Sergei Tikhanovsky", "Svetlana Tikhanovskaya"}, "different"},
		{[]string{"match", "Kolesnikov", "Kolesnikova"}, "different"},
		{[]string{"match", "John Coale", "John Cole"}, "same"},
		{[]string{"match", "--org", "AFP", "Agence France-Presse"}, "same"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:], " ~ "), func(t *testing.T) {
			code, out, _ := runCmd(t, "", "", tt.args...)
			if code != exitOK || !strings.HasPrefix(out, tt.want+"\t") {
				t.Errorf("got exit %d, %q; want %s with a score and a reason", code, out, tt.want)
			}
		})
	}
	if code, _, _ := runCmd(t, "", "", "match", "only one"); code != exitUsage {
		t.Errorf("one name: exit %d, want %d", code, exitUsage)
	}
}

func TestEvalNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pairs.tsv")
	os.WriteFile(path, []byte("name1\tname2\tis_match\tschema\nMaria Kolesnikova\tMaryia Kalesnikava\ttrue\tPerson\nSergei Tikhanovsky\tSvetlana Tikhanovskaya\tfalse\tPerson\n"), 0o644)
	code, out, errs := runCmd(t, "", "", "eval", "names", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; last != "names: P=1.000 R=1.000 F1=1.000 n=2" {
		t.Errorf("last line: got %q", last)
	}
	if code, _, _ := runCmd(t, "", "", "eval", "names", filepath.Join(t.TempDir(), "missing.csv")); code != exitFailure {
		t.Errorf("missing file: exit %d, want %d", code, exitFailure)
	}
}

// TestIngestRecovers stores two articles as a run that died before
// clustering them would have, then runs ingest on the same files: they are
// duplicates now, but they get their story, and ingest says so.
func TestIngestRecovers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	files := []string{"../../demo/baltic-wire.txt", "../../demo/northern-gazette.txt"}
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	in := &pipeline.Ingester{Reader: ingest.New(ingest.Options{}), Store: st}
	if _, err := in.Run(ctx, files, func(pipeline.Result) {}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	code, _, errs := runCmd(t, db, "", "ingest", files[0], files[1])
	if code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "assigned 2 articles an earlier run stored without a story") || !strings.Contains(errs, "0 stored, 2 duplicate") {
		t.Errorf("ingest said %q, want it to assign the 2 stored articles and find both duplicate", errs)
	}
	_, out, _ := runCmd(t, db, "", "stories", "--format", "json")
	var list struct{ Stories []struct{ Articles []string } }
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Stories) != 1 || len(list.Stories[0].Articles) != 2 {
		t.Errorf("got stories %+v, want one story of the two articles", list.Stories)
	}
}

// TestStories ingests the demo, lists its stories, and prints one story's
// brief and facts from the store; a second run continues the same stories.
func TestStories(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if code, _, errs := runCmd(t, db, "", "ingest", "../../demo/baltic-wire.txt", "../../demo/northern-gazette.txt"); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, out, _ := runCmd(t, db, "", "stories", "--format", "json")
	if code != exitOK {
		t.Fatalf("stories: exit %d", code)
	}
	var list struct {
		Stories []struct {
			ID       string
			Articles []string
		}
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Stories) != 1 || len(list.Stories[0].Articles) != 2 {
		t.Fatalf("stories after two articles of one event: got %+v, want one story of two", list.Stories)
	}
	id := list.Stories[0].ID
	// A restart: the third article about the same event joins the same story.
	if code, _, errs := runCmd(t, db, "", "ingest", "../../demo/riverside-post.html"); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	code, out, _ = runCmd(t, db, "", "story", "--format", "json", id)
	if code != exitOK {
		t.Fatalf("story %s: exit %d", id, code)
	}
	var b struct {
		Stories []struct {
			ID       string
			Articles []struct{ ID string }
			Facts    []struct{ Status string }
		}
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Stories) != 1 || len(b.Stories[0].Articles) != 3 || len(b.Stories[0].Facts) == 0 {
		t.Errorf("story %s after the restart: got %+v, want three articles with facts", id, b.Stories)
	}
	for _, args := range [][]string{{"facts", "--story", id}, {"entities", "--story", id}, {"facts"}, {"stories", "--entity", "lindqvist"}} {
		if code, out, errs := runCmd(t, db, "", args...); code != exitOK || out == "" {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errs)
		}
	}
	if code, _, errs := runCmd(t, db, "", "story", "s999"); code != exitFailure || !strings.Contains(errs, "no story") {
		t.Errorf("unknown story: exit %d, %q", code, errs)
	}
}

func TestEvalCluster(t *testing.T) {
	dir := "../../../shared/eval/ecbplus/ECB+"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/eval/ecbplus is absent: skipping the ECB+ evaluation")
	}
	code, out, errs := runCmd(t, "", "", "eval", "cluster", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "cluster: B3P=") || !strings.Contains(last, "docs=772") {
		t.Errorf("last line: got %q", last)
	}
	if code, _, _ := runCmd(t, "", "", "eval", "cluster", t.TempDir()); code != exitFailure {
		t.Errorf("empty directory: exit %d, want %d", code, exitFailure)
	}
}

func TestEvalFacts(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "demo.json")
	os.WriteFile(gold, []byte(`{"event":"demo","facts":[{"value":48,"unit":"people","articles":["baltic-wire","northern-gazette","riverside-post"],"status":"corroborated"}],
		"quotes":[{"words":["step","releases","continue"],"speaker":"Lindqvist","articles":["northern-gazette"]}]}`), 0o644)
	code, out, errs := runCmd(t, "", "", "eval", "facts", gold, "../../demo/baltic-wire.txt", "../../demo/northern-gazette.txt", "../../demo/riverside-post.html")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "facts: ") || !strings.Contains(last, "numR=1.000") || !strings.Contains(last, "quoteR=1.000") {
		t.Errorf("last line: got %q, want both gold items found", last)
	}
	for _, f := range []string{"../../eval/facts/seeds.json", "../../eval/facts/ecbplus-8ecb.json"} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("gold file %s: %v", f, err)
		}
	}
	if code, _, _ := runCmd(t, "", "", "eval", "facts", gold); code != exitUsage {
		t.Errorf("no files: exit %d, want %d", code, exitUsage)
	}
}

func TestBenchStories(t *testing.T) {
	code, out, errs := runCmd(t, "", "", "bench", "--kind", "stories", "--n", "2000")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "2000 articles") || !strings.Contains(out, "stories recovered: cluster: B3P=") {
		t.Errorf("got %q, want a line per point and the recovery score", out)
	}
	if code, _, _ := runCmd(t, "", "", "bench", "--kind", "vibes"); code != exitUsage {
		t.Errorf("bad kind: exit %d, want %d", code, exitUsage)
	}
}
