package brief

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// BenchmarkBuildRender builds the brief of a generated story of 500
// articles of about 4 KB and renders it as Markdown and HTML.
func BenchmarkBuildRender(b *testing.B) {
	in := generatedStory(500, 4000)
	size := 0
	for _, a := range in.Articles {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		br := crosscheck.Brief{Stories: []crosscheck.StoryBrief{Build(in)}}
		if err := Markdown(io.Discard, br); err != nil {
			b.Fatal(err)
		}
		if err := HTML(io.Discard, br); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is Build alone, for the same story.
func BenchmarkBuild(b *testing.B) {
	in := generatedStory(500, 4000)
	b.ReportAllocs()
	for b.Loop() {
		Build(in)
	}
}

// BenchmarkBuildScale shows how Build grows with the size of a story.
func BenchmarkBuildScale(b *testing.B) {
	for _, n := range []int{250, 500, 1000, 2000} {
		in := generatedStory(n, 4000)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Build(in)
			}
		})
	}
}

// TestGeneratedStory checks that the benchmark's story makes a brief whose
// citations hold, with every part filled.
func TestGeneratedStory(t *testing.T) {
	in := generatedStory(60, 2000)
	br := Build(in)
	arts := make(map[string]*crosscheck.Article)
	for _, a := range in.Articles {
		arts[a.ID] = a
	}
	for _, err := range CheckCitations(br, arts) {
		t.Error(err)
	}
	if len(br.Summary) < 3 || len(br.Unique) == 0 || len(br.Differences.Framing) == 0 {
		t.Errorf("got %d summary sentences, %d unique details, %d framing terms, want some of each",
			len(br.Summary), len(br.Unique), len(br.Differences.Framing))
	}
}

// generatedStory makes a story of n articles of about size bytes: a Zipf
// vocabulary of made-up words, a pool of wire sentences that many articles
// carry verbatim or reworded, outlets that favour words of their own, and
// one article in ten a copy of another.
func generatedStory(n, size int) Input {
	r := rand.New(rand.NewPCG(1, 2))
	syllables := []string{"ka", "lo", "mi", "ren", "sa", "tor", "vi", "dan", "el", "ost", "ur", "pa", "ne", "gri", "bal"}
	word := func() string {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		return b.String()
	}
	vocab := make([]string, 6000)
	for i := range vocab {
		vocab[i] = word()
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	function := []string{"the", "of", "and", "to", "in", "a", "on", "for", "with", "said", "that", "was"}
	sentence := func(extra []string) string {
		k := 12 + r.IntN(16)
		ws := make([]string, 0, k+1)
		for i := range k {
			switch {
			case i%3 == 1:
				ws = append(ws, function[r.IntN(len(function))])
			case len(extra) > 0 && r.IntN(8) == 0:
				ws = append(ws, extra[r.IntN(len(extra))])
			case r.IntN(12) == 0:
				ws = append(ws, fmt.Sprint(r.IntN(500)))
			default:
				ws = append(ws, vocab[zipf.Uint64()])
			}
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	wire := make([]string, 150)
	for i := range wire {
		wire[i] = sentence(nil)
	}
	reword := func(s string) string {
		ws := strings.Fields(strings.TrimSuffix(s, "."))
		for range 1 + len(ws)/5 {
			ws[1+r.IntN(len(ws)-1)] = vocab[zipf.Uint64()]
		}
		return strings.Join(ws, " ") + "."
	}

	outlets := make([]string, 80)
	slang := make([][]string, len(outlets))
	for i := range outlets {
		outlets[i] = fmt.Sprintf("Outlet %d", i)
		for range 3 {
			slang[i] = append(slang[i], word()+"ism")
		}
	}
	in := Input{ID: "generated", Title: "A generated story", OriginOf: make(map[string]int)}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		o := r.IntN(len(outlets))
		id := fmt.Sprintf("g%04d", i)
		var text string
		if i > 0 && i%10 == 0 {
			src := in.Articles[r.IntN(i)]
			text = src.Text
			in.OriginOf[id] = in.OriginOf[src.ID]
			in.Copies = append(in.Copies, crosscheck.Copy{A: src.ID, B: id, Passages: 1, Shared: 1, Full: true,
				Example: crosscheck.Evidence{Article: src.ID, Start: src.Sentences[0].Start, End: src.Sentences[0].End, Text: src.Sentences[0].Text}})
		} else {
			in.OriginOf[id] = i
			var b strings.Builder
			for b.Len() < size {
				switch k := r.IntN(10); {
				case k < 3:
					b.WriteString(wire[r.IntN(len(wire))])
				case k < 4:
					b.WriteString(reword(wire[r.IntN(len(wire))]))
				default:
					b.WriteString(sentence(slang[o]))
				}
				if r.IntN(4) == 0 {
					b.WriteString("\n")
				} else {
					b.WriteString(" ")
				}
			}
			text = strings.TrimSpace(b.String())
		}
		a := newArticle(id, outlets[o], "en", time.Duration(i)*time.Minute, fmt.Sprintf("Article %d", i), text)
		a.Published = base.Add(time.Duration(i) * time.Minute)
		in.Articles = append(in.Articles, a)
	}
	for i := range 20 {
		a := in.Articles[i*n/20]
		s := a.Sentences[0]
		in.Facts = append(in.Facts, crosscheck.Fact{
			ID: fmt.Sprintf("f%d", i), Kind: "number", Text: "a number", Value: new(float64(i)),
			Articles: []string{a.ID}, Outlets: []string{a.Source}, IndependentOrigins: 1, Status: crosscheck.SingleSource,
			Evidence: []crosscheck.Evidence{{Article: a.ID, Start: s.Start, End: s.End, Text: s.Text}},
		})
		in.Entities = append(in.Entities, crosscheck.Entity{ID: fmt.Sprintf("e%d", i), Name: vocab[i], Type: "person", Mentions: i})
	}
	return in
}
