// Package ecbplus reads the ECB+ event coreference corpus (Cybulska and
// Vossen, 2014) so that story clustering can be scored against it.
//
// Each topic of ECB+ holds two real events of the same kind: the documents
// of the original ECB (files ending in "ecb.xml") and those of a second event
// added by ECB+ (files ending in "ecbplus.xml"). The gold story of a document
// is therefore its topic and its half, such as "1ecb" or "1ecbplus".
//
// The files are in the CROMER XML format: one <token> element per token, with
// its sentence number, then the annotated mentions (<Markables>) and the
// coreference links (<Relations>). Read rebuilds the text from the tokens and
// keeps the mentions with their cross-document instance, for later stages
// that want the event and entity coreference.
package ecbplus

import (
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
)

// Document is one ECB+ file.
type Document struct {
	ID    string // the file name, such as "1_10ecbplus.xml"
	Topic int
	// Plus is true for a document of the event that ECB+ added to the
	// topic, false for one of the original ECB event.
	Plus bool
	// Label is the gold story: the topic followed by "ecb" or "ecbplus".
	Label string
	// Sentences holds the rebuilt sentences. In ECB+ files the first
	// sentence of the file is the page URL; it is dropped, because ECB files
	// never have one and the URL would give the event away.
	Sentences []string
	// Text is the sentences joined: a space after a sentence that ends in
	// punctuation, a line break after one that does not, such as a headline.
	Text     string
	Mentions []Mention
}

// Mention is one annotated mention with token anchors.
type Mention struct {
	ID       string // the m_id, unique within the document
	Type     string // the tag, such as ACTION_OCCURRENCE, HUMAN_PART_PER or LOC_GEO
	Text     string // the anchored tokens, rebuilt like the sentences
	Sentence int    // index into Document.Sentences
	// Instance is the cross-document coreference instance (the note of the
	// CROSS_DOC_COREF relation), shared by coreferent mentions across
	// documents; "" when the mention takes part in none.
	Instance string
}

// Split names the standard part of the corpus a topic belongs to: "dev" for
// topics 2, 5, 12, 18, 21, 23, 34 and 35, "test" for topics 36 to 45, and
// "train" for the other topics.
func Split(topic int) string {
	switch topic {
	case 2, 5, 12, 18, 21, 23, 34, 35:
		return "dev"
	}
	if topic >= 36 && topic <= 45 {
		return "test"
	}
	return "train"
}

// ReadDir reads every ECB+ document under dir; see Read.
func ReadDir(dir string) ([]Document, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("ecbplus: read dir: %w", err)
	}
	return Read(os.DirFS(dir))
}

// Read reads every file named like "<topic>_<n>ecb.xml" or
// "<topic>_<n>ecbplus.xml" anywhere in fsys, so that fsys may be the corpus
// folder or its ECB+ subfolder. The documents are ordered by topic, then
// ECB before ECB+, then file number.
func Read(fsys fs.FS) ([]Document, error) {
	var docs []Document
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if _, _, _, ok := parseName(d.Name()); !ok {
			return nil
		}
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := Parse(path.Base(p), f)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ecbplus: read: %w", err)
	}
	sort.Slice(docs, func(i, j int) bool {
		a, b := docs[i], docs[j]
		if a.Topic != b.Topic {
			return a.Topic < b.Topic
		}
		if a.Plus != b.Plus {
			return !a.Plus
		}
		_, na, _, _ := parseName(a.ID)
		_, nb, _, _ := parseName(b.ID)
		if na != nb {
			return na < nb
		}
		return a.ID < b.ID
	})
	return docs, nil
}

// parseName splits a file name such as "12_3ecbplus.xml" into its topic,
// number and half.
func parseName(name string) (topic, n int, plus, ok bool) {
	base, found := strings.CutSuffix(name, ".xml")
	if !found {
		return 0, 0, false, false
	}
	if base, found = strings.CutSuffix(base, "ecbplus"); found {
		plus = true
	} else if base, found = strings.CutSuffix(base, "ecb"); !found {
		return 0, 0, false, false
	}
	ts, ns, found := strings.Cut(base, "_")
	if !found {
		return 0, 0, false, false
	}
	topic, err1 := strconv.Atoi(ts)
	n, err2 := strconv.Atoi(ns)
	if err1 != nil || err2 != nil {
		return 0, 0, false, false
	}
	return topic, n, plus, true
}

type xmlDocument struct {
	Tokens []struct {
		ID       string `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Number   int    `xml:"number,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Markables struct {
		Items []struct {
			XMLName xml.Name
			ID      string `xml:"m_id,attr"`
			Anchors []struct {
				Token string `xml:"t_id,attr"`
			} `xml:"token_anchor"`
		} `xml:",any"`
	} `xml:"Markables"`
	Relations struct {
		Items []struct {
			XMLName xml.Name
			Note    string `xml:"note,attr"`
			Sources []struct {
				ID string `xml:"m_id,attr"`
			} `xml:"source"`
		} `xml:",any"`
	} `xml:"Relations"`
}

// Parse reads one CROMER XML document; name is its file name, which carries
// the topic and the half.
func Parse(name string, r io.Reader) (Document, error) {
	topic, _, plus, ok := parseName(name)
	if !ok {
		return Document{}, fmt.Errorf("ecbplus: parse %s: not an ECB+ file name", name)
	}
	var x xmlDocument
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return Document{}, fmt.Errorf("ecbplus: parse %s: %w", name, err)
	}
	doc := Document{ID: name, Topic: topic, Plus: plus, Label: strconv.Itoa(topic) + "ecb"}
	if plus {
		doc.Label += "plus"
	}

	// Group the tokens by sentence number, in file order; remember where
	// each token went so that mentions can be rebuilt.
	type place struct{ sentence, index int }
	where := make(map[string]place, len(x.Tokens))
	var sentences [][]string
	var numbers []int
	first := -1
	for _, t := range x.Tokens {
		if first < 0 {
			first = t.Sentence
		}
		if plus && t.Sentence == first {
			continue // the page URL
		}
		if len(numbers) == 0 || numbers[len(numbers)-1] != t.Sentence {
			numbers = append(numbers, t.Sentence)
			sentences = append(sentences, nil)
		}
		i := len(sentences) - 1
		where[t.ID] = place{i, len(sentences[i])}
		sentences[i] = append(sentences[i], strings.TrimSpace(t.Text))
	}
	var b strings.Builder
	for i, toks := range sentences {
		s := Join(toks)
		doc.Sentences = append(doc.Sentences, s)
		if i > 0 {
			if endsSentence(doc.Sentences[i-1]) {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(s)
	}
	doc.Text = b.String()

	instance := make(map[string]string)
	for _, rel := range x.Relations.Items {
		if rel.XMLName.Local != "CROSS_DOC_COREF" {
			continue
		}
		for _, s := range rel.Sources {
			instance[s.ID] = rel.Note
		}
	}
	for _, m := range x.Markables.Items {
		if len(m.Anchors) == 0 {
			continue // a tag descriptor, which names an instance
		}
		var toks []string
		sent := -1
		for _, a := range m.Anchors {
			p, ok := where[a.Token]
			if !ok {
				sent = -2
				break
			}
			if sent == -1 {
				sent = p.sentence
			}
			toks = append(toks, sentences[p.sentence][p.index])
		}
		if sent < 0 {
			continue // anchored in the dropped URL or in no token
		}
		doc.Mentions = append(doc.Mentions, Mention{
			ID:       m.ID,
			Type:     m.XMLName.Local,
			Text:     Join(toks),
			Sentence: sent,
			Instance: instance[m.ID],
		})
	}
	return doc, nil
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";")
}

// InSplit returns the documents whose topic belongs to one of the named
// splits ("dev", "train", "test"; see Split).
func InSplit(docs []Document, splits ...string) []Document {
	var out []Document
	for _, d := range docs {
		for _, s := range splits {
			if Split(d.Topic) == s {
				out = append(out, d)
				break
			}
		}
	}
	return out
}
