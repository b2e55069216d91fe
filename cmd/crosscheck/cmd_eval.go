package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/clean"
	"github.com/crosscheck/crosscheck/internal/cluster"
	"github.com/crosscheck/crosscheck/internal/ecbplus"
	"github.com/crosscheck/crosscheck/internal/evaluate"
	"github.com/crosscheck/crosscheck/internal/names"
	"github.com/crosscheck/crosscheck/internal/pipeline"
)

const evalHelp = `
Measure crosscheck on public benchmark data.

  eval extraction DIR   main-text extraction on a directory in the Zyte
                        benchmark format (html/<id>.html.gz and
                        ground-truth.json), scored with that benchmark's
                        word 4-gram metric. The last line reads
                        "extraction: P=… R=… F1=… n=…".
  eval names FILE       name matching on a CSV or TSV of labelled pairs with
                        the columns name1, name2, is_match (and optionally
                        schema): precision, recall and F1 overall and per
                        schema. The last line reads "names: P=… R=… F1=… n=…".
  eval cluster DIR      story clustering on an ECB+ directory
                        (<topic>/<topic>_<n>ecb.xml and …ecbplus.xml; the
                        gold story is the topic and its ecb or ecbplus half),
                        documents fed in a fixed shuffled order: B-cubed and
                        pairwise scores for the development topics, the
                        training topics and all, then a last line
                        "cluster: B3P=… B3R=… B3F1=… pairF1=… docs=N gold=G
                        found=K" for all. --by topic scores against topics.
  eval facts GOLD FILE...
                        the facts and quotes crosscheck finds in FILEs (one
                        story; ECB+ .xml files are read as such) against a
                        gold file (docs/eval-facts.md): precision and recall
                        of numbers and quotes, speaker and status accuracy.
                        The last line reads "facts: numP=… numR=… …".`

func cmdEval(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("name an evaluation: extraction, names, cluster or facts")
	}
	switch args[0] {
	case "extraction":
		return evalExtraction(ctx, e, args[1:])
	case "names":
		return evalNames(ctx, e, args[1:])
	case "cluster":
		return evalCluster(ctx, e, args[1:])
	case "facts":
		return evalFacts(ctx, e, args[1:])
	case "-h", "--help", "-help", "help":
		fs := newFlags(e, "eval", "extraction [flags] DIR", evalHelp)
		fs.Usage()
		return nil
	}
	return usagef("unknown evaluation %q: want extraction, names, cluster or facts", args[0])
}

func evalExtraction(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "eval extraction", "[flags] DIR", evalHelp)
	system := fs.String("system", "", "score this saved output file (id -> articleBody) instead of running crosscheck")
	worst := fs.Int("worst", 10, "list this many of the worst pages")
	fs.BoolVar(&c.Fallback, "fallback", c.Fallback, "check HTML extraction against readability and distiller")
	fs.IntVar(&c.Workers, "workers", 0, "extraction goroutines (0: one per CPU)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one benchmark directory, got %d arguments", fs.NArg())
	}
	dir := fs.Arg(0)
	truth, urls, err := evaluate.LoadZyteTruth(dir)
	if err != nil {
		return err
	}
	var pred map[string]string
	if *system != "" {
		if pred, err = evaluate.LoadSystemOutput(*system); err != nil {
			return err
		}
	} else if pred, err = extractAll(ctx, e, dir, truth, urls, c); err != nil {
		return err
	}
	evaluate.ScoreExtraction(truth, pred).Write(e.stdout, *worst)
	return nil
}

// extractAll runs crosscheck's cleaning over every page of the benchmark.
func extractAll(ctx context.Context, e *env, dir string, truth, urls map[string]string, c Config) (map[string]string, error) {
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	pred := make(map[string]string, len(ids))
	var mu sync.Mutex
	var firstErr error
	jobs := make(chan string)
	var wg sync.WaitGroup
	prog := newProgress(e, true, "eval extraction")
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				html, err := evaluate.LoadZytePage(dir, id)
				text := ""
				if err == nil {
					a := clean.Clean(crosscheck.Doc{Ref: id, URL: urls[id], Format: crosscheck.FormatHTML, Body: html}, c.cleanOptions())
					text = clean.Body(a)
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				pred[id] = text
				mu.Unlock()
				prog.step("")
			}
		}()
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			break
		}
		jobs <- id
	}
	close(jobs)
	wg.Wait()
	prog.finish()
	if firstErr != nil {
		return nil, fmt.Errorf("eval extraction: %w", firstErr)
	}
	return pred, ctx.Err()
}

func evalNames(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval names", "[flags] FILE", evalHelp)
	errorsFlag := fs.Int("errors", 0, "list this many of the misjudged pairs")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one file of labelled pairs, got %d arguments", fs.NArg())
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("eval names: %w", err)
	}
	defer f.Close()
	rep, err := names.Evaluate(f)
	if err != nil {
		return fmt.Errorf("eval names %s: %w", fs.Arg(0), err)
	}
	for i, p := range rep.Errors {
		if i >= *errorsFlag {
			break
		}
		fmt.Fprintf(e.stdout, "  want %-5v got %-5v %-8s %q ~ %q: %s\n", p.Want, p.Got.Same, p.Schema, p.Name1, p.Name2, p.Got.Reason)
	}
	return rep.Write(e.stdout)
}

func evalCluster(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "eval cluster", "[flags] DIR", evalHelp)
	by := fs.String("by", "event", "gold level: event (topic and ecb/ecbplus half) or topic")
	seed := fs.Uint64("seed", 1, "seed of the fixed shuffled order")
	c.clusterFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *by != "event" && *by != "topic" {
		return usagef("--by must be event or topic, got %q", *by)
	}
	if fs.NArg() != 1 {
		return usagef("want one ECB+ directory, got %d arguments", fs.NArg())
	}
	docs, err := ecbplus.ReadDir(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("eval cluster: %w", err)
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval cluster: no ECB+ documents under %s", fs.Arg(0))
	}
	opts := c.clusterOptions()
	for _, split := range []string{"dev", "train"} {
		if part := ecbplus.InSplit(docs, split); len(part) > 0 {
			fmt.Fprintf(e.stdout, "%s (%s, by %s)\n", cluster.ECBPlus(part, opts, *seed, *by == "topic"), split, *by)
		}
	}
	fmt.Fprintln(e.stdout, cluster.ECBPlus(docs, opts, *seed, *by == "topic"))
	return nil
}

func evalFacts(ctx context.Context, e *env, args []string) error {
	c := defaultConfig(e)
	fs := newFlags(e, "eval facts", "[flags] GOLD FILE...", evalHelp)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return usagef("want a gold file and the story's files, got %d arguments", fs.NArg())
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	gold, err := evaluate.ReadFactsGold(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("eval facts %s: %w", fs.Arg(0), err)
	}
	var arts []*crosscheck.Article
	var others []string
	for _, path := range fs.Args()[1:] {
		if !strings.HasSuffix(path, ".xml") {
			others = append(others, path)
			continue
		}
		a, err := ecbArticle(path, c)
		if err != nil {
			return fmt.Errorf("eval facts: %w", err)
		}
		arts = append(arts, a)
	}
	if len(others) > 0 {
		read, _, err := readInputs(ctx, e, &c, others)
		if err != nil {
			return err
		}
		arts = append(arts, read...)
	}
	if len(arts) == 0 {
		return fmt.Errorf("eval facts: no article could be read")
	}
	refs := map[string]string{}
	for _, a := range arts {
		refs[a.ID] = a.Ref
	}
	sb := pipeline.AnalyzeStory("gold", gold.Event, arts)
	fmt.Fprintf(e.stdout, "%s: %d articles, %d facts, %d quotes\n", gold.Event, len(arts), len(sb.Facts), len(sb.Quotes))
	evaluate.ScoreFacts(gold, sb.Facts, sb.Quotes, refs).Write(e.stdout)
	return nil
}

// ecbArticle reads an ECB+ document as a plain-text article named after its
// file.
func ecbArticle(path string, c Config) (*crosscheck.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	d, err := ecbplus.Parse(name, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return clean.Clean(crosscheck.Doc{Ref: name, Source: strings.TrimSuffix(name, ".xml"), Format: crosscheck.FormatText, Body: []byte(d.Text)}, c.cleanOptions()), nil
}
