package dedup

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Attribution is an explicit statement of where a piece of news came from,
// such as "according to Reuters" or "the agency said".
type Attribution struct {
	// Origin is the normalised name of the origin (see Canonical): "Reuters",
	// "AFP", "Pul Pervogo", "US Embassy". "The agency" is resolved to the
	// agency named nearby.
	Origin string
	// Known reports that Origin is a well-known agency or outlet.
	Known bool
	// Span is the attributing phrase: "according to Reuters", "the agency
	// said", "told AFP".
	Span crosscheck.Span
	// Sentence is the index in Article.Sentences of the sentence holding
	// the phrase, or -1 when the article has no sentences and its whole
	// text was read as one.
	Sentence int
}

// Attributions returns the explicit attributions in a, in text order.
//
// It reads English phrasing: "according to X", "citing X", "quoting X",
// "reported by X", "told X", "in an interview with X", "X reported", "X
// said", and a dateline "(Reuters)". Phrases that would as often name a
// person ("told X", "X said") count only when X is a well-known outlet, is
// introduced as one ("the newspaper Izvestia said"), or is "the agency",
// which resolves to the latest agency named in the same or the three
// previous sentences.
func Attributions(a *crosscheck.Article) []Attribution {
	if a == nil {
		return nil
	}
	sents, whole := a.Sentences, false
	if len(sents) == 0 {
		sents = []crosscheck.Sentence{{Text: a.Text, End: utf8.RuneCountInString(a.Text)}}
		whole = true
	}
	var out []Attribution
	var recent []mention
	for si, s := range sents {
		ws := scan(s.Text)
		ms := mentions(ws, si)
		for _, f := range find(ws) {
			for _, name := range f.names {
				o := Attribution{Origin: name.name, Known: name.known, Span: s.SpanIn(a.ID, f.i, f.j), Sentence: si}
				if whole {
					o.Sentence = -1
				}
				if name.resolve != 0 {
					m, ok := resolve(name.resolve, ms, recent, si, f.word)
					if !ok {
						continue
					}
					o.Origin, o.Known = m.name, true
				}
				if slices.ContainsFunc(out, func(p Attribution) bool {
					return p.Origin == o.Origin && p.Span.End > o.Span.Start && o.Span.End > p.Span.Start
				}) {
					continue
				}
				out = append(out, o)
				if !o.Known {
					// "the channel said" may refer back to it.
					ms = append(ms, mention{name: o.Origin, sentence: si, word: f.word})
				}
			}
		}
		recent = append(recent, ms...)
	}
	slices.SortStableFunc(out, func(p, q Attribution) int { return cmp.Compare(p.Span.Start, q.Span.Start) })
	return out
}

type wordKind uint8

const (
	kindWord wordKind = iota
	kindOpenQuote
	kindCloseQuote
	kindOpenParen
	kindCloseParen
	kindPunct
)

// aword is a word or punctuation mark of a sentence, as attribution reads it.
type aword struct {
	text       string
	lower      string
	start, end int // byte offsets into the sentence
	kind       wordKind
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2039', '\u203A':
		return true
	}
	return false
}

// scan splits s into words and punctuation. Inside a word, a point, hyphen,
// apostrophe, ampersand or slash between letters joins ("Lenta.ru",
// "France-Presse", "RFE/RL").
func scan(s string) []aword {
	var out []aword
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			start := i
			i += n
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					i += n
					continue
				}
				if strings.ContainsRune(".-'\u2019&/", r) && i+n < len(s) {
					if next, m := utf8.DecodeRuneInString(s[i+n:]); isWordRune(next) {
						i += n + m
						continue
					}
				}
				break
			}
			w := s[start:i]
			out = append(out, aword{text: w, lower: strings.ToLower(w), start: start, end: i, kind: kindWord})
		case isQuote(r):
			out = append(out, aword{text: s[i : i+n], start: i, end: i + n, kind: quoteKind(s, i, n, r)})
			i += n
		case r == '(' || r == '[':
			out = append(out, aword{text: s[i : i+n], start: i, end: i + n, kind: kindOpenParen})
			i += n
		case r == ')' || r == ']':
			out = append(out, aword{text: s[i : i+n], start: i, end: i + n, kind: kindCloseParen})
			i += n
		case unicode.IsSpace(r):
			i += n
		default:
			out = append(out, aword{text: s[i : i+n], start: i, end: i + n, kind: kindPunct})
			i += n
		}
	}
	return out
}

// quoteKind tells an opening quote from a closing one by the space around it.
func quoteKind(s string, i, n int, r rune) wordKind {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	switch {
	case unicode.IsSpace(before) || before == '(':
		return kindOpenQuote
	case unicode.IsSpace(after) || unicode.IsPunct(after):
		return kindCloseQuote
	case r == '\u201D' || r == '\u00BB' || r == '\u203A':
		return kindCloseQuote
	}
	return kindOpenQuote
}

// mention is a well-known outlet named in the text.
type mention struct {
	name     string
	agency   bool
	sentence int
	word     int
}

// mentions returns the well-known outlets named in the words ws of sentence
// si.
func mentions(ws []aword, si int) []mention {
	var out []mention
	for p := 0; p < len(ws); p++ {
		if !aliasFirst[trimPossessive(ws[p].lower)] {
			continue
		}
		for n := min(maxAliasWords, len(ws)-p); n > 0; n-- {
			if o := lookupWords(ws[p : p+n]); o != nil {
				out = append(out, mention{name: o.name, agency: o.agency, sentence: si, word: p})
				p += n - 1
				break
			}
		}
	}
	return out
}

// lookupWords looks up a run of words of running text in the gazetteer.
func lookupWords(ws []aword) *outlet {
	texts := make([]string, 0, len(ws))
	for _, w := range ws {
		if w.kind != kindWord {
			return nil
		}
		texts = append(texts, trimPossessive(w.text))
	}
	return lookup(texts, true)
}

func trimPossessive(w string) string {
	for _, s := range []string{"'s", "\u2019s"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

// resolveKind says what a bare descriptor such as "the agency" refers to.
type resolveKind uint8

// The kinds order by how specific they are: "the news agency" is an agency.
const (
	resolveOutlet resolveKind = iota + 1 // the latest outlet of any kind named
	resolveAgency                        // the latest news agency named
)

// resolve finds the outlet that a descriptor at word w of sentence si
// refers to: the latest fitting one named before it in the sentence, or
// else in the three sentences before.
func resolve(k resolveKind, here, recent []mention, si, w int) (mention, bool) {
	fits := func(m mention) bool { return k == resolveOutlet || m.agency }
	for i := len(here) - 1; i >= 0; i-- {
		if here[i].word < w && fits(here[i]) {
			return here[i], true
		}
	}
	for i := len(recent) - 1; i >= 0 && recent[i].sentence >= si-3; i-- {
		if fits(recent[i]) {
			return recent[i], true
		}
	}
	return mention{}, false
}

// cue is a phrase that introduces the origin after it.
type cue struct {
	words  []string
	strict bool // the origin must be an outlet, not just any name
}

var forwardCues = []cue{
	{words: []string{"according", "to"}},
	{words: []string{"citing"}},
	{words: []string{"quoting"}},
	{words: []string{"reported", "by"}},
	{words: []string{"published", "by"}},
	{words: []string{"told"}, strict: true},
	{words: []string{"in", "an", "interview", "with"}, strict: true},
	{words: []string{"in", "an", "interview", "to"}, strict: true},
	{words: []string{"in", "a", "conversation", "with"}, strict: true},
	{words: []string{"in", "a", "statement", "to"}, strict: true},
	{words: []string{"speaking", "to"}, strict: true},
	{words: []string{"via"}, strict: true},
	{words: []string{"said"}, strict: true},
	{words: []string{"says"}, strict: true},
	{words: []string{"reported"}, strict: true},
}

// backwardVerbs follow the origin they attribute to; the value is whether
// the origin must be an outlet ("X said" names people far more often than
// "X reported" does).
var backwardVerbs = map[string]bool{
	"reported": false, "reports": false, "wrote": false, "writes": false, "published": false,
	"said": true, "says": true, "stated": true, "announced": true, "added": true,
	"noted": true, "cited": true, "quoted": true, "confirmed": true, "reporting": true,
}

// descriptors are the nouns that introduce an outlet: "the Telegram channel
// X", "the news agency X", "the agency".
var descriptors = map[string]resolveKind{
	"agency": resolveAgency, "agencies": resolveAgency, "wire": resolveAgency,
	"news": resolveOutlet, "channel": resolveOutlet, "newspaper": resolveOutlet,
	"daily": resolveOutlet, "weekly": resolveOutlet, "outlet": resolveOutlet,
	"publication": resolveOutlet, "website": resolveOutlet, "site": resolveOutlet,
	"portal": resolveOutlet, "broadcaster": resolveOutlet, "tv": resolveOutlet,
	"television": resolveOutlet, "radio": resolveOutlet, "station": resolveOutlet,
	"service": resolveOutlet, "magazine": resolveOutlet, "paper": resolveOutlet,
	"tabloid": resolveOutlet, "blog": resolveOutlet, "media": resolveOutlet,
}

// connectors may join the words of one name: "Ministry of Foreign Affairs",
// "Reuters and AFP".
var connectors = map[string]bool{
	"of": true, "for": true, "the": true, "de": true, "del": true, "la": true, "le": true,
	"du": true, "des": true, "von": true, "van": true, "and": true, "&": true, "on": true,
}

// notNames are capitalised words that start sentences and clauses but do
// not name an origin.
var notNames = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true,
	"this": true, "that": true, "these": true, "those": true, "there": true, "here": true,
	"officials": true, "authorities": true, "police": true, "witnesses": true, "sources": true,
	"residents": true, "media": true, "reports": true, "analysts": true, "experts": true,
	"observers": true, "critics": true, "some": true, "many": true, "others": true,
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"earlier": true, "later": true, "meanwhile": true, "however": true, "also": true,
}

func isNameWord(w aword) bool {
	if w.kind != kindWord || notNames[w.lower] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.text)
	if unicode.IsUpper(r) {
		return true
	}
	return isDomain(w.text)
}

// isDomain reports whether w looks like a site name such as "lenta.ru".
func isDomain(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	for _, r := range w[i+1:] {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// phrase is a run of words that may name an origin.
type phrase struct {
	first, last int      // word indices, inclusive
	runs        [][2]int // runs of name words and connectors, [from, to)
	quoted      [2]int   // the words inside quotes, or [0, 0)
	desc        resolveKind
	hasDesc     bool
	domain      bool
}

// found is one attributing phrase: the bytes [i, j) of the sentence, and
// the origins it names.
type found struct {
	i, j  int
	word  int // index of its first word
	names []foundName
}

type foundName struct {
	name    string
	known   bool
	resolve resolveKind // set when name must be resolved to an outlet named nearby
}

// find returns the attributing phrases of a sentence's words.
func find(ws []aword) []found {
	var out []found
	for k := 0; k < len(ws); k++ {
		w := ws[k]
		if w.kind == kindOpenParen && k+2 < len(ws) {
			// A dateline or credit: "(Reuters)".
			for n := min(maxAliasWords, len(ws)-k-2); n > 0; n-- {
				if ws[k+1+n].kind != kindCloseParen {
					continue
				}
				if o := lookupWords(ws[k+1 : k+1+n]); o != nil {
					out = append(out, found{i: w.start, j: ws[k+1+n].end, word: k, names: []foundName{{name: o.name, known: true}}})
					break
				}
			}
			continue
		}
		if w.kind != kindWord {
			continue
		}
		for _, c := range forwardCues {
			if !hasWords(ws, k, c.words) {
				continue
			}
			p := forward(ws, k+len(c.words))
			if names := interpret(ws, p, c.strict); len(names) > 0 {
				out = append(out, found{i: w.start, j: ws[p.last].end, word: k, names: names})
			}
			break
		}
		if strict, ok := backwardVerbs[w.lower]; ok && k > 0 {
			p := backward(ws, k-1)
			if names := interpret(ws, p, strict); len(names) > 0 {
				out = append(out, found{i: ws[p.first].start, j: w.end, word: p.first, names: names})
			}
		}
	}
	return out
}

func hasWords(ws []aword, k int, want []string) bool {
	if k+len(want) > len(ws) {
		return false
	}
	for i, s := range want {
		if ws[k+i].kind != kindWord || ws[k+i].lower != s {
			return false
		}
	}
	return true
}

// maxPhrase is the most words an origin phrase spans.
const maxPhrase = 12

// forward reads the phrase that starts at word k.
func forward(ws []aword, k int) phrase {
	p := phrase{first: k, last: k - 1}
	if k < len(ws) && (ws[k].lower == "the" || ws[k].lower == "a" || ws[k].lower == "an") {
		k++
	}
	inRun := false
	for ; k < len(ws) && k-p.first < maxPhrase; k++ {
		w := ws[k]
		switch {
		case w.kind == kindOpenQuote && p.quoted[1] == 0:
			end := closing(ws, k)
			if end < 0 {
				return p
			}
			p.quoted = [2]int{k + 1, end}
			k, p.last, inRun = end, end, false
		case isNameWord(w):
			if !inRun {
				p.runs = append(p.runs, [2]int{k, k})
				inRun = true
			}
			p.runs[len(p.runs)-1][1] = k + 1
			p.last = k
			p.domain = p.domain || isDomain(w.text)
		case w.kind == kindWord && descriptors[w.lower] != 0:
			p.desc, p.hasDesc = max(p.desc, descriptors[w.lower]), true
			p.last, inRun = k, false
		case w.kind == kindWord && connectors[w.lower] && inRun && continuesName(ws, k+1):
			// part of the run; its end moves only with the next name word
		default:
			return p
		}
	}
	return p
}

// continuesName reports whether a name word follows at k, perhaps after one
// more connector.
func continuesName(ws []aword, k int) bool {
	if k < len(ws) && isNameWord(ws[k]) {
		return true
	}
	return k+1 < len(ws) && ws[k].kind == kindWord && connectors[ws[k].lower] && isNameWord(ws[k+1])
}

// closing returns the index of the quote closing the one at k, if it is
// near.
func closing(ws []aword, k int) int {
	for e := k + 1; e < len(ws) && e-k <= 8; e++ {
		switch ws[e].kind {
		case kindCloseQuote:
			if e > k+1 {
				return e
			}
			return -1
		case kindWord:
		default:
			return -1
		}
	}
	return -1
}

// backward reads the phrase that ends at word k.
func backward(ws []aword, k int) phrase {
	p := phrase{first: k + 1, last: k}
	inRun := false
	for ; k >= 0 && p.last-k < maxPhrase; k-- {
		w := ws[k]
		switch {
		case w.kind == kindCloseQuote && p.quoted[1] == 0 && len(p.runs) == 0:
			start := -1
			for s := k - 1; s >= 0 && k-s <= 8; s-- {
				if ws[s].kind == kindOpenQuote {
					start = s
					break
				}
				if ws[s].kind != kindWord {
					break
				}
			}
			if start < 0 || start == k-1 {
				return p
			}
			p.quoted = [2]int{start + 1, k}
			k, p.first, inRun = start, start, false
		case isNameWord(w):
			if !inRun {
				p.runs = append(p.runs, [2]int{k, k + 1})
				inRun = true
			}
			p.runs[len(p.runs)-1][0] = k
			p.first = k
			p.domain = p.domain || isDomain(w.text)
		case w.kind == kindWord && descriptors[w.lower] != 0:
			p.desc, p.hasDesc = max(p.desc, descriptors[w.lower]), true
			p.first, inRun = k, false
		case w.kind == kindWord && connectors[w.lower] && w.lower != "the" && inRun && k > 0 && isNameWord(ws[k-1]):
			// joins two name words
		case w.kind == kindWord && (w.lower == "the" || w.lower == "a" || w.lower == "an"):
			if p.first == k+1 && len(p.runs) == 0 && p.quoted[1] == 0 && !p.hasDesc {
				return p
			}
			p.first = k
			return p
		default:
			return p
		}
	}
	return p
}

// interpret returns the origins that phrase p names. Well-known outlets
// anywhere in it win; then a quoted name; then the last run of name words.
// When strict, a name that is neither well known nor introduced by a
// descriptor does not count. A descriptor alone ("the agency") asks to be
// resolved.
func interpret(ws []aword, p phrase, strict bool) []foundName {
	if p.last < p.first {
		return nil
	}
	var out []foundName
	scanKnown := func(from, to int) {
		for q := from; q < to; q++ {
			if !aliasFirst[trimPossessive(ws[q].lower)] {
				continue
			}
			for n := min(maxAliasWords, to-q); n > 0; n-- {
				if o := lookupWords(ws[q : q+n]); o != nil {
					if !slices.ContainsFunc(out, func(f foundName) bool { return f.name == o.name }) {
						out = append(out, foundName{name: o.name, known: true})
					}
					q += n - 1
					break
				}
			}
		}
	}
	if p.quoted[1] > p.quoted[0] {
		scanKnown(p.quoted[0], p.quoted[1])
	}
	for _, r := range p.runs {
		scanKnown(r[0], r[1])
	}
	if len(out) > 0 {
		return out
	}
	text := func(from, to int) string {
		parts := make([]string, 0, to-from)
		for _, w := range ws[from:to] {
			parts = append(parts, w.text)
		}
		return strings.Join(parts, " ")
	}
	switch {
	case p.quoted[1] > p.quoted[0]:
		if strict && !p.hasDesc {
			return nil
		}
		return []foundName{{name: Canonical(text(p.quoted[0], p.quoted[1]))}}
	case len(p.runs) > 0:
		if strict && !p.hasDesc && !p.domain {
			return nil
		}
		r := p.runs[len(p.runs)-1]
		if name := Canonical(text(r[0], r[1])); name != "" {
			return []foundName{{name: name}}
		}
	case p.hasDesc:
		return []foundName{{resolve: p.desc}}
	}
	return nil
}
