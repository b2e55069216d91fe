package ecbplus

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		name   string
		tokens string // space-separated
		want   string
	}{
		{"punctuation", "Hello , world . Is it ?", "Hello, world. Is it?"},
		{"clitics", "Reid 's rep did n't say ; they 're fine", "Reid's rep didn't say; they're fine"},
		{"split apostrophe", "Lohan ’ s attorney", "Lohan’s attorney"},
		{"treebank quotes", "he said `` yes '' .", "he said “yes”."},
		{"straight quotes", `she said " no " and left`, `she said "no" and left`},
		{"brackets and money", "a ( big ) $ 5 fine", "a (big) $5 fine"},
		{"times and dates", "at 4 : 59 PM on 8 / 2 / 2013", "at 4:59 PM on 8/2/2013"},
		{"thousands but not years", "June 13 , 2013 : 1 , 000 people", "June 13, 2013: 1,000 people"},
		{"hyphens and dashes", "a 90 - day stay in Malibu - the usual", "a 90-day stay in Malibu - the usual"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Join(strings.Fields(tt.tokens)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	f, err := os.Open("testdata/ECB+/7/7_2ecbplus.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := Parse("7_2ecbplus.xml", f)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "7_2ecbplus.xml" || d.Topic != 7 || !d.Plus || d.Label != "7ecbplus" {
		t.Errorf("got id %q topic %d plus %v label %q, want 7_2ecbplus.xml 7 true 7ecbplus", d.ID, d.Topic, d.Plus, d.Label)
	}
	wantSentences := []string{
		"Harbour crane falls",
		"A crane fell in Valparaiso on March 3, 2012, the port's director said.",
		"“Nobody wasn't warned” (at 4:59).",
	}
	if !slices.Equal(d.Sentences, wantSentences) {
		t.Errorf("got sentences %q, want %q (the URL sentence dropped)", d.Sentences, wantSentences)
	}
	wantText := "Harbour crane falls\n" + wantSentences[1] + " " + wantSentences[2]
	if d.Text != wantText {
		t.Errorf("got text %q, want %q", d.Text, wantText)
	}
	wantMentions := []Mention{
		{ID: "1", Type: "ACTION_OCCURRENCE", Text: "fell", Sentence: 1, Instance: "ACT77"},
		{ID: "2", Type: "LOC_GEO", Text: "Valparaiso", Sentence: 1},
		{ID: "3", Type: "TIME_DATE", Text: "March 3, 2012", Sentence: 1},
	}
	if !slices.Equal(d.Mentions, wantMentions) {
		t.Errorf("got mentions %+v, want %+v (none in the URL, no tag descriptors)", d.Mentions, wantMentions)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, file, body string }{
		{"bad name", "notes.xml", "<Document/>"},
		{"bad xml", "1_1ecb.xml", "<Document><token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse(tt.file, strings.NewReader(tt.body)); err == nil {
				t.Error("got no error, want one")
			}
		})
	}
}

func TestRead(t *testing.T) {
	docs, err := ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.ID)
	}
	// ECB before ECB+, then by number; other files ignored.
	want := []string{"7_1ecb.xml", "7_10ecb.xml", "7_2ecbplus.xml"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// An ECB file keeps its first sentence.
	if docs[0].Text != "Storm hits port." {
		t.Errorf("got text %q, want %q", docs[0].Text, "Storm hits port.")
	}

	fsys := fstest.MapFS{"5_1ecb.xml": {Data: []byte(`<Document><token t_id="1" sentence="0" number="0">Hi</token></Document>`)}}
	docs, err = Read(fsys)
	if err != nil || len(docs) != 1 || docs[0].Text != "Hi" {
		t.Errorf("from an fs.FS: got %+v, %v, want one document with text Hi", docs, err)
	}
	if _, err := ReadDir("testdata/missing"); err == nil {
		t.Error("missing dir: got no error, want one")
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		topic int
		want  string
	}{{2, "dev"}, {35, "dev"}, {1, "train"}, {33, "train"}, {36, "test"}, {45, "test"}}
	for _, tt := range tests {
		if got := Split(tt.topic); got != tt.want {
			t.Errorf("Split(%d): got %q, want %q", tt.topic, got, tt.want)
		}
	}
}

// TestCorpus reads the real corpus: topics 1-35 less 15 and 17, two events
// each, and no document text that starts with its URL.
func TestCorpus(t *testing.T) {
	dir := "../../../shared/eval/ecbplus"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("ECB+ corpus not found at %s (it lives in /work/shared/eval/ecbplus): %v", dir, err)
	}
	docs, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	topics, labels := map[int]bool{}, map[string]bool{}
	for _, d := range docs {
		topics[d.Topic], labels[d.Label] = true, true
		if strings.HasPrefix(d.Text, "http") {
			t.Errorf("%s: text starts with a URL: %.40q", d.ID, d.Text)
		}
		if d.Text == "" {
			t.Errorf("%s: empty text", d.ID)
		}
	}
	if len(docs) != 772 || len(topics) != 33 || len(labels) != 66 {
		t.Errorf("got %d documents, %d topics, %d events; want 772, 33, 66", len(docs), len(topics), len(labels))
	}
	if n := len(InSplit(docs, "dev")); n != 197 {
		t.Errorf("dev: got %d documents, want 197", n)
	}
}
