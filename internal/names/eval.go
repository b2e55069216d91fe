package names

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Counts tallies verdicts on labelled pairs.
type Counts struct {
	TP, FP, FN, TN int
}

// N is the number of pairs counted.
func (c Counts) N() int { return c.TP + c.FP + c.FN + c.TN }

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 0 when there are no positives.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(predicted, actual bool) {
	switch {
	case predicted && actual:
		c.TP++
	case predicted:
		c.FP++
	case actual:
		c.FN++
	default:
		c.TN++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Pair is one labelled pair and the verdict on it.
type Pair struct {
	Schema       string
	Name1, Name2 string
	Want         bool
	Got          Result
}

// Report holds the evaluation of the matcher on labelled pairs.
type Report struct {
	Overall  Counts
	BySchema map[string]Counts
	// Errors lists the pairs judged wrongly, in input order.
	Errors []Pair
}

// orgSchemas are the schema values compared with MatchOrg.
var orgSchemas = map[string]bool{"company": true, "organization": true, "organisation": true, "legalentity": true}

// Evaluate reads labelled name pairs as CSV or TSV, the delimiter told by
// the header, which must name the columns name1, name2 and is_match (true,
// false, 1 or 0) and may name schema. Rows whose schema is Company,
// Organization or LegalEntity are compared with MatchOrg, the rest with
// Match; a partial match counts as a match.
func Evaluate(r io.Reader) (*Report, error) {
	br := bufio.NewReader(r)
	header, err := br.ReadString('\n')
	if err != nil && header == "" {
		return nil, fmt.Errorf("names: evaluate: reading header: %w", err)
	}
	delim := ','
	if strings.Count(header, "\t") > strings.Count(header, ",") {
		delim = '\t'
	}
	cr := csv.NewReader(io.MultiReader(strings.NewReader(header), br))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("names: evaluate: reading header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, c := range []string{"name1", "name2", "is_match"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("names: evaluate: header lacks column %q", c)
		}
	}
	schemaCol, hasSchema := col["schema"]
	rep := &Report{BySchema: map[string]Counts{}}
	line := 1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil {
			return nil, fmt.Errorf("names: evaluate: line %d: %w", line, err)
		}
		get := func(i int) string {
			if i < len(rec) {
				return rec[i]
			}
			return ""
		}
		want, ok := parseBool(get(col["is_match"]))
		if !ok {
			return nil, fmt.Errorf("names: evaluate: line %d: is_match %q is not a boolean", line, get(col["is_match"]))
		}
		schema := ""
		if hasSchema {
			schema = strings.TrimSpace(get(schemaCol))
		}
		p := Pair{Schema: schema, Name1: get(col["name1"]), Name2: get(col["name2"]), Want: want}
		if orgSchemas[strings.ToLower(schema)] {
			p.Got = MatchOrg(p.Name1, p.Name2)
		} else {
			p.Got = Match(p.Name1, p.Name2)
		}
		rep.Overall.add(p.Got.Same, want)
		key := schema
		if key == "" {
			key = "(none)"
		}
		c := rep.BySchema[key]
		c.add(p.Got.Same, want)
		rep.BySchema[key] = c
		if p.Got.Same != want {
			rep.Errors = append(rep.Errors, p)
		}
	}
	return rep, nil
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "t", "y":
		return true, true
	case "false", "0", "no", "f", "n":
		return false, true
	}
	return false, false
}

// Write prints precision, recall and F1 per schema, then overall on the last
// line: "names: P=0.xxx R=0.xxx F1=0.xxx n=N".
func (r *Report) Write(w io.Writer) error {
	keys := make([]string, 0, len(r.BySchema))
	for k := range r.BySchema {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := r.BySchema[k]
		if _, err := fmt.Fprintf(w, "names[%s]: P=%.3f R=%.3f F1=%.3f n=%d (tp=%d fp=%d fn=%d tn=%d)\n",
			k, c.Precision(), c.Recall(), c.F1(), c.N(), c.TP, c.FP, c.FN, c.TN); err != nil {
			return err
		}
	}
	c := r.Overall
	_, err := fmt.Fprintf(w, "names: P=%.3f R=%.3f F1=%.3f n=%d\n", c.Precision(), c.Recall(), c.F1(), c.N())
	return err
}
