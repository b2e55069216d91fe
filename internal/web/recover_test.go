package web

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/ingest"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

// TestServeRecovers starts a server over a store holding two articles that
// a run stored but did not live to cluster: before the first job runs,
// they get their story.
func TestServeRecovers(t *testing.T) {
	ctx := context.Background()
	orphans := func(c *Config) {
		in := &pipeline.Ingester{Reader: ingest.New(ingest.Options{}), Store: c.Store}
		files := []string{filepath.Join(demoDir, "baltic-wire.txt"), filepath.Join(demoDir, "northern-gazette.txt")}
		if _, err := in.Run(ctx, files, func(pipeline.Result) {}); err != nil {
			t.Fatal(err)
		}
	}
	_, ts, st := newTestServer(t, orphans)
	// Jobs run after the recovery, so once this one is done, so is it.
	rep := ingestDemo(t, ts)
	if rep.Summary["duplicate"] != 2 {
		t.Fatalf("upload: summary %v, want the 2 stored articles found duplicate", rep.Summary)
	}
	if left, err := st.Unclustered(ctx, 10); err != nil || len(left) != 0 {
		t.Fatalf("after the first job: %d articles without a story, %v; want none", len(left), err)
	}
	stories, err := st.Stories(ctx, crosscheck.StoryFilter{Outlet: "baltic-wire"})
	if err != nil || len(stories) != 1 || len(stories[0].Articles) < 2 {
		t.Errorf("the baltic-wire article's story: got %+v, %v; want one story it shares", stories, err)
	}
}
