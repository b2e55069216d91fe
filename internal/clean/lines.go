package clean

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// layout is a document's structure after line-level cleaning: the title,
// the body paragraphs, the sub-headings between them and what was dropped.
type layout struct {
	title    string
	paras    []string
	headings []heading
	removed  []string
}

// heading precedes the paragraph with index para.
type heading struct {
	text string
	para int
}

type lineOptions struct {
	// html means the lines come from an HTML extractor that already removed
	// page furniture: short lines inside the body are list items or
	// captions, not debris, so only the lexicon rule applies to them.
	html bool
	// headings are lines the source marked as headings.
	headings map[string]bool
	// findTitle takes a leading headline-like line as the title.
	findTitle bool
}

// uiWords are the words of page furniture: navigation, sharing, counters.
// A short line made of them and numbers is boilerplate.
var uiWords = setOf(`search website site menu home print share shares zoom in out read later
save subscribe subscribed sign log login logout register cookie cookies accept advertisement
advertising ad ads sponsored related popular categories category tags tag comments comment
newsletter newsletters follow us copyright rights reserved all mobile version exit skip to
content main views view total more next previous prev back top close open toggle navigation
facebook twitter whatsapp telegram linkedin email e-mail reddit pinterest instagram youtube
trending latest click here show hide loading gallery listen min mins minute minutes read
reading time font size text increase decrease bookmark bookmarks copy link links page pages
edition editions weather sections section login sign-up signup account my your this the and
of on a an for with our news updates alerts app download privacy policy terms use contact
about advertise careers feedback help sitemap rss feed print-friendly pdf subscribers
`)

// strongUIWords are the ones that never head a real paragraph, so a line
// of lexicon words is only boilerplate when it has one of them.
var strongUIWords = setOf(`search website menu print share shares zoom subscribe login logout
cookie cookies advertisement advertising sponsored categories tags comments newsletter follow
copyright reserved mobile exit skip navigation facebook twitter whatsapp linkedin reddit
pinterest instagram trending bookmark sitemap rss views privacy sign-up signup later`)

// boilerplatePrefixes start lines that point elsewhere rather than report.
var boilerplatePrefixes = []string{
	"read more", "also read", "read also", "see also", "related:", "click here",
	"sign up", "subscribe to", "follow us", "share this", "share on", "advertisement",
	"all rights reserved", "copyright ©", "©",
}

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// structure cleans a document given as normalised lines.
func structure(lines []string, o lineOptions) layout {
	var l layout
	type line struct {
		text string
		para bool
	}
	var kept []line
	seen := newRepeats()
	for _, s := range lines {
		if s == "" {
			continue
		}
		if isBoilerplate(s) {
			l.removed = append(l.removed, s)
			continue
		}
		// A sentence that repeats an earlier one, such as a standfirst
		// repeated in the body, goes; the rest of its line stays.
		var keep []string
		for _, r := range splitParagraph(s) {
			// HTML extraction deduplicates on its own, and repeats it
			// keeps are the page's (interview questions, refrains).
			if sent := s[r[0]:r[1]]; !o.html && seen.repeated(sent) {
				l.removed = append(l.removed, sent)
			} else {
				keep = append(keep, sent)
			}
		}
		if len(keep) == 0 {
			continue
		}
		s = strings.Join(keep, " ")
		kept = append(kept, line{text: s, para: isParagraph(s) && !o.headings[s]})
	}
	if o.findTitle && len(kept) > 0 && isTitle(kept[0].text) {
		l.title = kept[0].text
		kept = kept[1:]
	}
	firstPara, lastPara := -1, -1
	for i, k := range kept {
		if k.para {
			if firstPara < 0 {
				firstPara = i
			}
			lastPara = i
		}
	}
	for i, k := range kept {
		if k.para {
			l.paras = append(l.paras, k.text)
			continue
		}
		nextPara := i+1 < len(kept) && kept[i+1].para
		switch {
		case nextPara && looksLikeHeading(k.text):
			l.headings = append(l.headings, heading{text: k.text, para: len(l.paras)})
		case o.html:
			if o.headings[k.text] && i+1 < len(kept) {
				l.headings = append(l.headings, heading{text: k.text, para: len(l.paras)})
			} else {
				l.paras = append(l.paras, k.text)
			}
		case i < firstPara || i > lastPara:
			// Short lines before the body starts or after it ends, with no
			// paragraph of their own, are page debris.
			l.removed = append(l.removed, k.text)
		default:
			l.paras = append(l.paras, k.text)
		}
	}
	return l
}

// isParagraph reports whether a line reads as running text rather than a
// heading or a label: it ends like a sentence, or is too long to be a title.
func isParagraph(s string) bool {
	if len(strings.Fields(s)) >= 16 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '"', '\'', ')', ':', ';':
		return true
	}
	return false
}

// isTitle reports whether a leading line reads as a headline: a few words
// that do not end like a sentence.
func isTitle(s string) bool {
	n := len(strings.Fields(s))
	r, _ := utf8.DecodeLastRuneInString(s)
	return n >= 2 && n <= 30 && !strings.ContainsRune(".!?;", r)
}

// looksLikeHeading reports whether a short line can head a section: it has
// words, not just numbers or symbols.
func looksLikeHeading(s string) bool {
	words := 0
	for _, f := range strings.Fields(s) {
		for _, r := range f {
			if unicode.IsLetter(r) {
				words++
				break
			}
		}
	}
	return words >= 2 && words <= 15
}

// isBoilerplate reports whether a line is page furniture.
func isBoilerplate(s string) bool {
	if len(s) > 160 {
		return false // running text, whatever words it starts with
	}
	low := strings.ToLower(s)
	for _, p := range boilerplatePrefixes {
		if strings.HasPrefix(low, p) && !isParagraph(s) {
			return true
		}
	}
	fields := strings.Fields(low)
	if len(fields) == 0 || len(fields) > 10 || isParagraph(s) && len(fields) > 3 {
		return false
	}
	ui, strong := 0, false
	for _, f := range fields {
		f = strings.Trim(f, ":|•·-–,()[]")
		switch {
		case f == "":
			ui++
		case uiWords[f]:
			ui++
			strong = strong || strongUIWords[f]
		case isNumber(f):
			ui++
		}
	}
	return strong && ui == len(fields)
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != ',' && r != '.' && r != 'k' && r != 'K' {
			return false
		}
	}
	return true
}

// repeats finds sentences that repeat an earlier sentence of the same
// document word for word or nearly so, such as a standfirst repeated in the
// body. It indexes word hashes, so a long document is not compared
// sentence by sentence.
type repeats struct {
	exact map[uint64]bool
	sets  [][]uint64         // sorted unique word hashes of each long sentence
	index map[uint64][]int32 // word hash -> sentences with it in their prefix
	seen  []int32            // per sentence, the stamp of the last probe that met it
	stamp int32
	words []uint64 // scratch
}

func newRepeats() *repeats {
	return &repeats{exact: map[uint64]bool{}, index: map[uint64][]int32{}, stamp: 1}
}

// minRepeatWords is the least number of words for a sentence to count as
// a repeat at all.
const minRepeatWords = 5

// nearWords is the least number of words for a near-repeat; shorter
// sentences only count when exactly repeated.
const nearWords = 6

func (r *repeats) repeated(s string) bool {
	r.words = wordHashes(s, r.words[:0])
	// Function words sort last, so that the prefixes indexed and probed
	// below hold a sentence's rarer words and meet few other sentences.
	// Any fixed order keeps prefix filtering exact.
	for i, w := range r.words {
		if functionWords[w|1<<63] {
			r.words[i] = w | 1<<63
		} else {
			r.words[i] = w &^ (1 << 63)
		}
	}
	if len(r.words) < minRepeatWords {
		return false // "Yes." or "Meth." may well be said twice
	}
	var key uint64 = 14695981039346656037
	for _, w := range r.words {
		key = (key ^ w) * 1099511628211
	}
	if r.exact[key] {
		return true
	}
	r.exact[key] = true
	if len(r.words) < nearWords {
		return false
	}
	set := append([]uint64(nil), r.words...)
	slices.Sort(set)
	set = slices.Compact(set)
	// Prefix filtering: two sets with Jaccard similarity of at least t
	// share a word among the first n-ceil(t*n)+1 words of each in any fixed
	// order, so only those are indexed and probed.
	prefix := set[:len(set)-int(math.Ceil(nearJaccard*float64(len(set))))+1]
	for _, w := range prefix {
		for _, id := range r.index[w] {
			if r.seen[id] == r.stamp {
				continue
			}
			r.seen[id] = r.stamp
			other := r.sets[id]
			if lo, hi := min(len(set), len(other)), max(len(set), len(other)); float64(lo) < nearJaccard*float64(hi) {
				continue // too different in size to reach nearJaccard
			}
			n := intersect(set, other)
			if float64(n) >= nearJaccard*float64(len(set)+len(other)-n) {
				return true
			}
		}
	}
	r.stamp++
	id := int32(len(r.sets))
	r.sets = append(r.sets, set)
	r.seen = append(r.seen, 0)
	for _, w := range prefix {
		r.index[w] = append(r.index[w], id)
	}
	return false
}

// functionWords holds the hashes, top bit set, of common English words.
var functionWords = func() map[uint64]bool {
	m := make(map[uint64]bool)
	for _, h := range wordHashes(`a an and are as at be been but by for from had has have he her his
		in is it its more not of on or said says she than that the their they this to was were which
		who will with would`, nil) {
		m[h|1<<63] = true
	}
	return m
}()

// nearJaccard is the word-set similarity from which a sentence counts as a
// near-repeat.
const nearJaccard = 0.8

// intersect counts the common elements of two sorted sets.
func intersect(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// wordHashes appends the FNV-1a hashes of the lower-cased words of s.
func wordHashes(s string, out []uint64) []uint64 {
	var h uint64
	in := false
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if !in {
				h, in = 14695981039346656037, true
			}
			h = (h ^ uint64(unicode.ToLower(c))) * 1099511628211
			continue
		}
		if in {
			out, in = append(out, h), false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

// wordKeys returns the lower-cased words of s without punctuation.
func wordKeys(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
