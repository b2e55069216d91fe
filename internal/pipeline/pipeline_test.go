package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/ingest"
)

// memStore is an in-memory crosscheck.Store; failAfter makes the store
// itself fail once it holds that many articles.
type memStore struct {
	crosscheck.Store // the story methods; unused here, so nil
	mu               sync.Mutex
	byHash           map[string]*crosscheck.Article
	order            []string
	failAfter        int
}

func newMem() *memStore { return &memStore{byHash: map[string]*crosscheck.Article{}} }

func (m *memStore) AddArticle(ctx context.Context, a *crosscheck.Article) (bool, error) {
	added, errs, err := m.AddArticles(ctx, []*crosscheck.Article{a})
	if err != nil {
		return false, err
	}
	return added[0], errs[0]
}

func (m *memStore) AddArticles(ctx context.Context, as []*crosscheck.Article) ([]bool, []error, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failAfter > 0 && len(m.order)+len(as) > m.failAfter {
		return nil, nil, errors.New("disk full")
	}
	added, errs := make([]bool, len(as)), make([]error, len(as))
	for i, a := range as {
		if _, ok := m.byHash[a.ContentHash]; ok {
			continue
		}
		m.byHash[a.ContentHash] = a
		m.order = append(m.order, a.ID)
		added[i] = true
	}
	return added, errs, nil
}

func (m *memStore) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	return nil, crosscheck.Errorf(crosscheck.KindNotFound, "mem", "no article %q", id)
}

func (m *memStore) Articles(ctx context.Context, f crosscheck.ArticleFilter) ([]crosscheck.ArticleSummary, error) {
	return nil, nil
}

func (m *memStore) CountArticles(ctx context.Context) (int, error) { return len(m.order), nil }
func (m *memStore) Close() error                                   { return nil }

func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("Report %d from Kestrel. Officials said %d girders were replaced on Tuesday after the storm.", i, i*3)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRunOrderAndStatuses(t *testing.T) {
	dir := writeCorpus(t, 200)
	os.WriteFile(filepath.Join(dir, "b-copy.txt"), []byte("Report 7 from Kestrel. Officials said 21 girders were replaced on Tuesday after the storm."), 0o644)
	os.WriteFile(filepath.Join(dir, "c-empty.txt"), []byte("\n\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "d-bin.dat"), []byte{0x89, 'P', 'N', 'G', 0, 0, 1, 2}, 0o644)
	st := newMem()
	in := &Ingester{Reader: ingest.New(ingest.Options{}), Store: st, Workers: 4}
	var got []Result
	sum, err := in.Run(context.Background(), []string{dir}, func(r Result) { got = append(got, r) })
	if err != nil {
		t.Fatal(err)
	}
	if sum[Stored] != 200 || sum[Duplicate] != 1 || sum[Skipped] != 1 || sum[Rejected] != 1 {
		t.Errorf("summary: got %v, want 200 stored, 1 duplicate, 1 skipped, 1 rejected", sum)
	}
	for i := 1; i < len(got); i++ {
		if got[i-1].Input > got[i].Input {
			t.Fatalf("reports out of input order: %q before %q", got[i-1].Input, got[i].Input)
		}
	}
	if len(st.order) != 200 {
		t.Errorf("stored %d articles, want 200", len(st.order))
	}
}

func TestRunStoreFailureStops(t *testing.T) {
	dir := writeCorpus(t, 300)
	st := newMem()
	st.failAfter = 100
	in := &Ingester{Reader: ingest.New(ingest.Options{}), Store: st}
	reported := 0
	_, err := in.Run(context.Background(), []string{dir}, func(r Result) { reported++ })
	if err == nil {
		t.Fatal("got nil error, want the store's failure")
	}
	if reported > len(st.order) {
		t.Errorf("reported %d results but only %d were stored: a report claimed a store that failed", reported, len(st.order))
	}
}

func TestRunCancelled(t *testing.T) {
	dir := writeCorpus(t, 50)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := &Ingester{Reader: ingest.New(ingest.Options{}), Store: newMem()}
	if _, err := in.Run(ctx, []string{dir}, func(Result) {}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestRunWithoutStoreCleansOnly(t *testing.T) {
	dir := writeCorpus(t, 3)
	in := &Ingester{Reader: ingest.New(ingest.Options{})}
	var got []Result
	if _, err := in.Run(context.Background(), []string{dir}, func(r Result) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	for _, r := range got {
		if r.Status != Cleaned || r.Article == nil {
			t.Errorf("%s: got status %s, want cleaned with an article", r.Input, r.Status)
		}
	}
}
