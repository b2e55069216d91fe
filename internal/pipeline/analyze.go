package pipeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/brief"
	"github.com/crosscheck/crosscheck/internal/dedup"
	"github.com/crosscheck/crosscheck/internal/entity"
	"github.com/crosscheck/crosscheck/internal/extract"
	"github.com/crosscheck/crosscheck/internal/reconcile"
)

// units returns the spans facts are read from: the body sentences and the
// sub-headings, in text order. A sub-heading can state a fact the body
// does not repeat.
func units(a *crosscheck.Article) []crosscheck.Sentence {
	out := slices.Clone(a.Sentences)
	for _, h := range a.Headings {
		out = append(out, crosscheck.Sentence{Text: h.Text, Start: h.Start, End: h.End})
	}
	slices.SortFunc(out, func(x, y crosscheck.Sentence) int { return cmp.Compare(x.Start, y.Start) })
	return out
}

// AnalyzeStory runs the analysis stages over the articles of one story and
// builds its brief.
func AnalyzeStory(id, title string, articles []*crosscheck.Article) crosscheck.StoryBrief {
	var ra []reconcile.Article
	var read []*crosscheck.Article
	var mentions []entity.Mention
	for _, a := range articles {
		if !brief.Analysable(a.Language) {
			continue
		}
		shadow := *a
		shadow.Sentences = units(a)
		read = append(read, a)
		ra = append(ra, reconcile.Article{
			Article:      a,
			Units:        shadow.Sentences,
			Facts:        extract.Facts(&shadow),
			Attributions: dedup.Attributions(&shadow),
		})
		mentions = append(mentions, entity.Extract(&shadow)...)
	}
	out := reconcile.Run(reconcile.Input{Articles: ra, Pairs: dedup.Find(read, dedup.Options{})})
	entities := Entities(entity.Resolve(mentions), articles)
	return brief.Build(brief.Input{
		ID: id, Title: title, Articles: articles,
		Facts: out.Facts, Quotes: out.Quotes, Entities: entities,
		Conflicts: out.Conflicts, Spellings: Spellings(entities),
		Timeline: out.Timeline, Copies: out.Copies, OriginOf: out.OriginOf,
	})
}

// Entities turns resolved entities into the brief's form, with the outlets
// of each spelling.
func Entities(es []entity.Entity, articles []*crosscheck.Article) []crosscheck.Entity {
	source := map[string]string{}
	for _, a := range articles {
		source[a.ID] = a.Source
	}
	outlets := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if s := source[id]; s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		return out
	}
	out := make([]crosscheck.Entity, 0, len(es))
	for i, e := range es {
		if e.Type == entity.Unknown {
			continue
		}
		ce := crosscheck.Entity{
			ID: fmt.Sprintf("e%d", i+1), Name: e.Name, Type: typeName(e.Type),
			Roles: nonNil(e.Roles), Mentions: e.Mentions, Articles: e.Articles, Outlets: outlets(e.Articles),
		}
		for _, v := range e.Variants {
			ce.Variants = append(ce.Variants, crosscheck.Variant{Name: v.Text, Articles: v.Articles, Outlets: outlets(v.Articles), Count: v.Mentions})
		}
		out = append(out, ce)
	}
	return out
}

func typeName(t entity.Type) string {
	if t == entity.Org {
		return "organisation"
	}
	return string(t)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Spellings lists the names of people and organisations that outlets spell
// differently. Shorter forms of a name ("Kolesnikova" beside "Maria
// Kolesnikova") and acronyms ("AFP") are not different spellings; two full
// forms that differ are.
func Spellings(es []crosscheck.Entity) []crosscheck.Spelling {
	var out []crosscheck.Spelling
	for _, e := range es {
		if e.Type != "person" && e.Type != "organisation" {
			continue
		}
		var full []crosscheck.Variant
		for _, v := range e.Variants {
			if !shorterForm(v.Name, e.Variants) && !acronym(v.Name) {
				full = append(full, v)
			}
		}
		if len(full) < 2 {
			continue
		}
		out = append(out, crosscheck.Spelling{Entity: e.ID, Name: e.Name, Variants: full})
	}
	return out
}

// shorterForm reports whether name's words all appear in a longer variant.
func shorterForm(name string, vs []crosscheck.Variant) bool {
	words := strings.Fields(strings.ToLower(name))
	for _, v := range vs {
		other := strings.Fields(strings.ToLower(v.Name))
		if len(other) <= len(words) {
			continue
		}
		all := true
		for _, w := range words {
			all = all && slices.Contains(other, w)
		}
		if all {
			return true
		}
	}
	return false
}

// acronym reports whether a name is written as an acronym: "AFP", "EU".
func acronym(name string) bool {
	if len(name) < 2 || len(name) > 6 {
		return false
	}
	for _, r := range name {
		if !unicode.IsUpper(r) && r != '.' {
			return false
		}
	}
	return true
}
