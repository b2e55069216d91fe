// Package evaluate scores crosscheck's stages against public benchmark data
// with each benchmark's own metric, so that the figures can be set beside
// published ones.
package evaluate

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// shingleSize is the n of the word n-grams the extraction benchmark
// compares.
const shingleSize = 4

// ExtractionDoc is the score of one page.
type ExtractionDoc struct {
	ID         string
	TP, FP, FN float64 // normalised to sum to 1
	Precision  float64
	Recall     float64
}

// ExtractionScore is the benchmark's summary over all pages.
type ExtractionScore struct {
	Precision, Recall, F1 float64
	N                     int
	Docs                  []ExtractionDoc // worst F1 first
}

// words splits text the way the benchmark's \w+ does under Unicode rules:
// runs of letters, numbers and underscores.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles counts the word 4-grams of s. Like the benchmark, a text of
// fewer than four words (even none) still yields one shingle.
func shingles(s string) map[string]int {
	w := words(s)
	out := map[string]int{}
	n := len(w) - shingleSize + 1
	if n < 1 {
		n = 1
	}
	for i := 0; i < n; i++ {
		j := min(i+shingleSize, len(w))
		out[strings.Join(w[i:j], " ")]++
	}
	return out
}

// ShingleMatch compares a predicted text with the true one on counted word
// 4-grams and returns true positives, false positives and false negatives,
// normalised so that they sum to 1.
func ShingleMatch(truth, pred string) (tp, fp, fn float64) {
	t, p := shingles(truth), shingles(pred)
	for k, tc := range t {
		pc := p[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range p {
		fp += float64(max(0, pc-t[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return tp, fp, fn
}

// ScoreExtraction scores predictions against the ground truth. Precision and
// recall are computed from the mean normalised counts over the documents,
// and F1 from those; a page missing from pred counts as an empty
// extraction.
func ScoreExtraction(truth, pred map[string]string) ExtractionScore {
	var s ExtractionScore
	var sumTP, sumFP, sumFN float64
	for id, t := range truth {
		tp, fp, fn := ShingleMatch(t, pred[id])
		sumTP, sumFP, sumFN = sumTP+tp, sumFP+fp, sumFN+fn
		s.Docs = append(s.Docs, ExtractionDoc{ID: id, TP: tp, FP: fp, FN: fn, Precision: ratio(tp, tp+fp), Recall: ratio(tp, tp+fn)})
	}
	s.N = len(truth)
	if s.N == 0 {
		return s
	}
	n := float64(s.N)
	s.Precision = ratio(sumTP/n, sumTP/n+sumFP/n)
	s.Recall = ratio(sumTP/n, sumTP/n+sumFN/n)
	s.F1 = f1(s.Precision, s.Recall)
	sort.Slice(s.Docs, func(i, j int) bool {
		a, b := f1(s.Docs[i].Precision, s.Docs[i].Recall), f1(s.Docs[j].Precision, s.Docs[j].Recall)
		if a != b {
			return a < b
		}
		return s.Docs[i].ID < s.Docs[j].ID
	})
	return s
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Write prints the scores, the worst pages, and a last line of the form
// "extraction: P=0.xxx R=0.xxx F1=0.xxx n=181".
func (s ExtractionScore) Write(w io.Writer, worst int) {
	if worst > 0 && len(s.Docs) > 0 {
		fmt.Fprintln(w, "worst pages (F1, precision, recall, id):")
		for _, d := range s.Docs[:min(worst, len(s.Docs))] {
			fmt.Fprintf(w, "  %.3f  %.3f  %.3f  %s\n", f1(d.Precision, d.Recall), d.Precision, d.Recall, d.ID)
		}
	}
	fmt.Fprintf(w, "extraction: P=%.3f R=%.3f F1=%.3f n=%d\n", s.Precision, s.Recall, s.F1, s.N)
}

// ZytePage is one page of the Zyte article-extraction benchmark.
type ZytePage struct {
	ID   string
	URL  string
	HTML []byte
}

// LoadZyteTruth reads ground-truth.json of a benchmark directory: id to
// article body.
func LoadZyteTruth(dir string) (map[string]string, map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, nil, fmt.Errorf("read ground truth: %w", err)
	}
	var raw map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, nil, fmt.Errorf("read ground truth %s: %w", filepath.Join(dir, "ground-truth.json"), err)
	}
	truth, urls := map[string]string{}, map[string]string{}
	for id, v := range raw {
		truth[id], urls[id] = v.ArticleBody, v.URL
	}
	return truth, urls, nil
}

// LoadZytePage reads html/<id>.html.gz of a benchmark directory.
func LoadZytePage(dir, id string) ([]byte, error) {
	path := filepath.Join(dir, "html", id+".html.gz")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// LoadSystemOutput reads a saved system output: a JSON object from id to
// article body, or to {"articleBody": …}, possibly wrapped as
// {"version": …, "output": {…}}.
func LoadSystemOutput(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read system output: %w", err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, fmt.Errorf("read system output %s: %w", path, err)
	}
	if inner, ok := top["output"]; ok {
		if _, hasVersion := top["version"]; hasVersion {
			if err := json.Unmarshal(inner, &top); err != nil {
				return nil, fmt.Errorf("read system output %s: %w", path, err)
			}
		}
	}
	out := map[string]string{}
	for id, v := range top {
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			out[id] = s
			continue
		}
		var obj struct {
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(v, &obj); err != nil {
			return nil, fmt.Errorf("read system output %s: entry %s is neither text nor an object with articleBody", path, id)
		}
		out[id] = obj.ArticleBody
	}
	return out, nil
}
