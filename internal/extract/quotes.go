package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// region is one pair of matching quotation marks: the opening mark is token
// m0 of sentence s0 and the closing mark token m1 of sentence s1.
type region struct {
	s0, m0, s1, m1 int
	title          bool // a short name in quotation marks, not a quote
}

func markRune(t token) rune {
	if t.kind != punct {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	if isQuoteMark(r) {
		return r
	}
	return 0
}

// shape says whether a mark at toks[m] of st looks like it opens a quote
// (space before, a word after) or closes one (a word before, space or
// punctuation after).
func shape(st *sent, m int) (opens, closes bool) {
	text := st.s.Text
	t := st.toks[m]
	prevSpace, nextSpace := true, true
	prevOpen, nextClose := true, true
	if t.s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:t.s])
		prevSpace = unicode.IsSpace(r)
		prevOpen = prevSpace || strings.ContainsRune("([{—–-/:", r)
	}
	if t.e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[t.e:])
		nextSpace = unicode.IsSpace(r)
		nextClose = nextSpace || strings.ContainsRune(",.;:!?)]}—–-…", r)
	}
	return prevOpen && !nextSpace, nextClose && !prevSpace
}

// findRegions pairs the quotation marks of the article. Straight marks are
// paired by their shape, so that one stray mark does not turn the rest of
// the article inside out; a quote still open at the end of a paragraph
// continues only when the next paragraph opens with a mark, as news style
// writes a quote of several paragraphs, and is dropped otherwise.
func (d *doc) findRegions() {
	open := false
	var cur region
	var opener rune
	for si := range d.sents {
		st := &d.sents[si]
		first := 0
		if st.para && open {
			open = false
			if len(st.toks) > 0 && markRune(st.toks[0]) != 0 {
				if op, _ := shape(st, 0); op {
					open = true
					first = 1
				}
			}
		}
		for m := first; m < len(st.toks); m++ {
			r := markRune(st.toks[m])
			if r == 0 {
				continue
			}
			op, cl := shape(st, m)
			closeHere := false
			switch r {
			case '“', '„', '‟', '«':
				if open && opener == '„' && r == '“' {
					closeHere = true
				}
			case '”', '»':
				if open {
					closeHere = true
				} else if !op {
					continue
				}
			default: // '"', and anything ambiguous
				if open {
					closeHere = cl || !op
				} else if cl && !op {
					continue
				}
			}
			if closeHere {
				cur.s1, cur.m1 = si, m
				if !(cur.s0 == cur.s1 && cur.m1 == cur.m0+1) {
					d.regions = append(d.regions, cur)
				}
				open = false
				continue
			}
			cur = region{s0: si, m0: m}
			opener = r
			open = true
		}
	}
	for i := range d.regions {
		r := &d.regions[i]
		r.title = d.isTitle(*r)
		f := fQuote
		if r.title {
			f = fTitle
		}
		for si := r.s0; si <= r.s1; si++ {
			st := &d.sents[si]
			a, b := 0, len(st.toks)
			if si == r.s0 {
				a = r.m0
			}
			if si == r.s1 {
				b = r.m1 + 1
			}
			for k := a; k < b; k++ {
				st.flags[k] |= f
			}
		}
	}
}

// isTitle reports whether a region holds a short name in Title Case ("Pul
// Pervogo") rather than words someone said.
func (d *doc) isTitle(r region) bool {
	if r.s0 != r.s1 {
		return false
	}
	toks := d.sents[r.s0].toks
	words := 0
	for k := r.m0 + 1; k < r.m1; k++ {
		t := toks[k]
		switch {
		case k == r.m1-1 && isPunct(toks, k, ".", ",", "!", "?") && words > 0:
			// “Bambi.” is a title, but “Good,” said Ana is a quote.
			for c := r.m1 + 1; c < len(toks) && c < r.m1+5; c++ {
				if cueVerbs[toks[c].low] {
					return false
				}
			}
		case t.kind == word && t.upper:
			words++
		case t.kind == word && (t.low == "of" || t.low == "the" || t.low == "and"):
		case t.kind == num:
		case t.kind == punct && (t.text == "-" || t.text == "&"):
		default:
			return false
		}
	}
	return words > 0 && words <= 4
}

// source is someone the text reports as saying something: the subject of a
// cue verb, or the object of "according to". Descriptive speakers and
// pronouns are resolved against sources.
type source struct {
	sent    int
	tok     int // the cue verb
	text    string
	person  string
	channel string
}

// quotes builds the quotes from the regions and attributes each.
func (d *doc) quotes() []Quote {
	var out []Quote
	if len(d.regions) == 0 {
		return nil
	}
	srcs := d.sources()
	for _, r := range d.regions {
		if r.title {
			continue
		}
		q, ok := d.quoteOf(r)
		if !ok {
			continue
		}
		d.attribute(&q, r, srcs, out)
		out = append(out, q)
	}
	return out
}

// quoteOf returns the text and span of a region.
func (d *doc) quoteOf(r region) (Quote, bool) {
	var q Quote
	var b strings.Builder
	s0, s1 := &d.sents[r.s0], &d.sents[r.s1]
	bs := s0.toks[r.m0].e
	be := s1.toks[r.m1].s
	for be > 0 && strings.IndexByte(", \t\n", s1.s.Text[be-1]) >= 0 && (r.s0 != r.s1 || be > bs) {
		be--
	}
	for si := r.s0; si <= r.s1; si++ {
		st := &d.sents[si]
		a, z := 0, len(st.s.Text)
		if si == r.s0 {
			a = bs
		}
		if si == r.s1 {
			z = be
		}
		piece := st.s.Text[a:z]
		if si != r.s0 && a == 0 && len(st.toks) > 0 && !(si == r.s1 && r.m1 == 0) && markRune(st.toks[0]) != 0 && st.toks[0].e <= z {
			piece = st.s.Text[st.toks[0].e:z] // the mark that reopens a continued quote
		}
		piece = strings.TrimSpace(piece)
		if piece == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(piece)
	}
	q.Text = b.String()
	if q.Text == "" || !hasLetter(q.Text) {
		return q, false
	}
	q.Normalized = Normalize(q.Text)
	q.Sentence, q.LastSentence = r.s0, r.s1
	q.Span = d.byteSpan(s0, bs, bs)
	q.Span.End = s1.runeAt(be)
	if q.Span.End < q.Span.Start {
		q.Span.End = q.Span.Start
	}
	// A fragment in lower case inside the reporter's sentence is partial,
	// unless a cue introduces it ("... was, "thank you ...").
	r0, _ := utf8.DecodeRuneInString(strings.TrimLeft(q.Text, " .…'‘"))
	if unicode.IsLower(r0) {
		q.Partial = true
		if r.m0 > 0 && isPunct(s0.toks, r.m0-1, ",", ":") {
			for k := r.m0 - 1; k >= 0; k-- {
				if s0.flags[k]&fQuote != 0 {
					break
				}
				if cueVerbs[s0.toks[k].low] {
					q.Partial = false
					break
				}
			}
		}
	}
	return q, true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// npBefore returns the token range of the subject of the verb at toks[k]:
// the noun phrase before it, the sentence's opening subject across an
// appositive, or the antecedent of ", who". It returns (-1, -1) when none.
func (d *doc) npBefore(st *sent, k int) (int, int) {
	toks := st.toks
	j := k - 1
	for j >= 0 && (aux[toks[j].low] && toks[j].low != "'s" || adverbs[toks[j].low] || toks[j].kind == word && strings.HasSuffix(toks[j].low, "ly") && !toks[j].upper) {
		j--
	}
	if j < 0 {
		return -1, -1
	}
	if is(toks, j, "who", "which", "that") && isPunct(toks, j-1, ",") {
		e := j - 1
		s := e
		for s > 0 && nameWord(toks, s-1) {
			s--
		}
		if s < e {
			return s, e
		}
		return -1, -1
	}
	if isPunct(toks, j, ",") || is(toks, j, "and") {
		if a, b := st.lead[0], st.lead[1]; a >= 0 && b <= k {
			return a, b
		}
		return -1, -1
	}
	end := j + 1
	m := j
	for m >= 0 && end-m <= 10 {
		t := toks[m]
		if st.has(m, fTitle) {
			m--
			continue
		}
		if isBoundary(t) || t.kind == punct && t.text != "-" && t.text != "." || clauseWords[t.low] || st.has(m, fQuote) {
			break
		}
		if t.low == "and" && !(nameWord(toks, m-1) && nameWord(toks, m+1)) {
			break
		}
		if verbish(toks, m) || prepositions[t.low] && t.low != "of" && t.low != "on" && t.low != "in" && t.low != "at" && t.low != "for" {
			break
		}
		m--
	}
	a := m + 1
	for a < end && (prepositions[toks[a].low] || st.has(a, fDate)) {
		a++
	}
	if a >= end {
		if la, lb := st.lead[0], st.lead[1]; la >= 0 && lb <= k {
			return la, lb
		}
		return -1, -1
	}
	return a, end
}

// personOfNP returns the person a noun phrase names, looking also at an
// appositive name after it ("Her sister, Tatiana Khomich, ...").
func (d *doc) personOfNP(st *sent, a, b int) string {
	if p := d.personIn(st, a, b); p != "" {
		return p
	}
	if isPunct(st.toks, b, ",") {
		if e := capRun(st.toks, b+1); e > b+1 && (isPunct(st.toks, e, ",") || verbish(st.toks, e)) {
			return d.personOfRun(st, b+1, e)
		}
	}
	return ""
}

// sources lists, sentence by sentence, who the text reports as speaking.
func (d *doc) sources() [][]source {
	out := make([][]source, len(d.sents))
	for si := range d.sents {
		st := &d.sents[si]
		toks := st.toks
		var ch string
		chDone := false
		for k := 0; k < len(toks); k++ {
			if st.flags[k]&(fQuote|fTitle) != 0 || toks[k].kind != word {
				continue
			}
			var a, b int
			switch {
			case cueVerbs[toks[k].low] && toks[k].low != "saying" && toks[k].low != "adding":
				a, b = d.npBefore(st, k)
			case is(toks, k, "according") && is(toks, k+1, "to"):
				a = k + 2
				b = a
				for b < len(toks) && b < a+12 && !isBoundary(toks[b]) && st.flags[b]&fQuote == 0 {
					b++
				}
			case is(toks, k, "by") && is(toks, k-1, "reported", "announced", "stated"):
				a = k + 1
				b = a
				for b < len(toks) && b < a+12 && !isBoundary(toks[b]) && st.flags[b]&fQuote == 0 {
					b++
				}
			default:
				continue
			}
			if a < 0 || b <= a {
				continue
			}
			if !chDone {
				ch, chDone = d.channelIn(st, 0, len(toks)), true
			}
			src := source{sent: si, tok: k, text: st.text(a, b), channel: ch}
			if b-a == 1 && is(toks, a, "he", "she") {
				src.person = d.personBefore(st, a)
			} else if pronouns[toks[a].low] && b-a == 1 {
				continue
			} else {
				src.person = d.personOfNP(st, a, b)
			}
			out[si] = append(out[si], src)
		}
	}
	return out
}

// describes reports whether a source fits a descriptive speaker such as
// "the diplomat": its words, or the words the text used for the same person
// elsewhere, contain the role or a word that implies it.
func (d *doc) describes(src source, role string, srcs [][]source) bool {
	text := strings.ToLower(src.text)
	if src.person != "" {
		// Add what the text said of this person before.
		for si := src.sent; si >= 0 && si >= src.sent-6; si-- {
			st := &d.sents[si]
			if a, b := st.lead[0], st.lead[1]; a >= 0 && d.personOfNP(st, a, b) == src.person {
				text += " " + strings.ToLower(st.text(a, b))
			}
			list := srcs[si]
			for i := max(len(list)-8, 0); i < len(list); i++ {
				if s := list[i]; s.person == src.person {
					text += " " + strings.ToLower(s.text)
				}
			}
		}
	}
	if strings.Contains(text, role) {
		return true
	}
	for _, w := range roleFits[role] {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// attribute finds the speaker and channel of q. prev holds the quotes
// before it.
func (d *doc) attribute(q *Quote, r region, srcs [][]source, prev []Quote) {
	s0, s1 := &d.sents[r.s0], &d.sents[r.s1]
	// After the quote: "... ," Khomich said / said Khomich / he added.
	lim := len(s1.toks)
	for k := r.m1 + 1; k < len(s1.toks); k++ {
		if s1.flags[k]&fQuote != 0 {
			lim = k
			break
		}
	}
	k := r.m1 + 1
	for k < lim && s1.toks[k].kind == punct {
		k++
	}
	if k < lim {
		if a, b, v, ok := cueAfter(s1, k, lim); ok {
			q.Channel = d.channelIn(s1, v, lim)
			d.speak(q, s1, a, b, v, srcs, prev, "cue after the quote")
			d.channelFallback(q, srcs)
			return
		}
	} else if k == len(s1.toks) && r.s1+1 < len(d.sents) && !d.sents[r.s1+1].para {
		// The splitter may cut "... lifted." Ana Kral said." after the mark.
		ns := &d.sents[r.s1+1]
		nl := len(ns.toks)
		for m := 0; m < nl; m++ {
			if ns.flags[m]&fQuote != 0 {
				nl = m
				break
			}
		}
		if a, b, v, ok := cueAfter(ns, 0, nl); ok && v < 10 {
			q.Channel = d.channelIn(ns, v, nl)
			d.speak(q, ns, a, b, v, srcs, prev, "cue in the next sentence")
			d.channelFallback(q, srcs)
			return
		}
	}
	// Before the quote: Coale stated, "..." / X told AFP: "..."
	from := 0
	for k := r.m0 - 1; k >= 0; k-- {
		if s0.flags[k]&fQuote != 0 {
			from = k + 1
			break
		}
	}
	for v := r.m0 - 1; v >= from; v-- {
		t := s0.toks[v]
		if is(s0.toks, v, "according") && is(s0.toks, v+1, "to") {
			e := v + 2
			for e < r.m0 && !isBoundary(s0.toks[e]) {
				e++
			}
			if e > v+2 {
				d.speak(q, s0, v+2, e, v, srcs, prev, "according to")
				return
			}
		}
		if !cueVerbs[t.low] || t.low == "saying" || t.low == "adding" {
			continue
		}
		q.Channel = d.channelIn(s0, from, r.m0)
		// "said Khomich: "..."
		if e := capRun(s0.toks, v+1); e > v+1 && isPunct(s0.toks, e, ":", ",") && e+1 == r.m0 {
			d.speak(q, s0, v+1, e, v, srcs, prev, "cue before the quote")
		} else if a, b := d.npBefore(s0, v); a >= 0 {
			d.speak(q, s0, a, b, v, srcs, prev, "cue before the quote")
		} else {
			q.Channel = ""
			continue
		}
		d.channelFallback(q, srcs)
		return
	}
	// A quote that opens its sentence: the sentence before may introduce it
	// ("... said:") or hold the same speaker's previous quote.
	opensSentence := true
	for k := 0; k < r.m0; k++ {
		if s0.toks[k].kind != punct {
			opensSentence = false
			break
		}
	}
	if opensSentence && r.s0 > 0 {
		ps := &d.sents[r.s0-1]
		if n := len(ps.toks); n > 0 && isPunct(ps.toks, n-1, ":") {
			for v := n - 2; v >= 0; v-- {
				if cueVerbs[ps.toks[v].low] {
					if a, b := d.npBefore(ps, v); a >= 0 {
						d.speak(q, ps, a, b, v, srcs, prev, "introduced by the sentence before")
						d.channelFallback(q, srcs)
						return
					}
				}
			}
		}
		if len(prev) > 0 {
			p := prev[len(prev)-1]
			if p.Speaker != "" && p.LastSentence >= r.s0-1 && !s0.para {
				q.Speaker, q.Cue, q.Channel = p.Speaker, p.Cue, p.Channel
				q.How = "continues the previous quote"
				return
			}
		}
		// "... , he added. "You name it ..."": the speaker of the sentence
		// before, in the same paragraph.
		if !s0.para {
			for v := len(ps.toks) - 1; v >= 0; v-- {
				if ps.flags[v]&fQuote == 0 && cueVerbs[ps.toks[v].low] && ps.toks[v].low != "saying" && ps.toks[v].low != "adding" {
					if a, b := d.npBefore(ps, v); a >= 0 {
						d.speak(q, ps, a, b, v, srcs, prev, "speaker of the sentence before")
						d.channelFallback(q, srcs)
						return
					}
					break
				}
			}
		}
	}
	// A partial quote: the sentence's own subject, when it names someone
	// (a word capitalised only because it opens the sentence does not).
	if a, b := s0.lead[0], s0.lead[1]; a >= 0 && b <= r.m0 {
		named := d.personIn(s0, a, b) != ""
		for k := a; k < b && !named; k++ {
			named = nameWord(s0.toks, k) && d.proper[s0.toks[k].text]
		}
		if named {
			q.Speaker = d.subjectOf(s0, a, b)
			q.Cue = s0.text(a, b)
			q.How = "subject of the sentence"
		}
	}
}

// cueAfter reads an attribution that starts at toks[k] of st after a quote:
// "said Khomich", "the diplomat said", "he added", "according to X". It
// returns the speaker's token range and the cue verb's index.
func cueAfter(st *sent, k, lim int) (a, b, v int, ok bool) {
	toks := st.toks
	if is(toks, k, "according") && is(toks, k+1, "to") {
		e := k + 2
		for e < lim && !isBoundary(toks[e]) {
			e++
		}
		return k + 2, e, k, e > k+2
	}
	if cueVerbs[toks[k].low] {
		e := k + 1
		for e < lim && e < k+9 {
			t := toks[e]
			// The period of an abbreviated title ("said Lt. Gregg
			// Hastings") does not end the speaker's name.
			if t.text == "." && e > k+1 && titles[toks[e-1].low] {
				e++
				continue
			}
			if isBoundary(t) || t.kind == punct && t.text != "-" || clauseWords[t.low] || verbish(toks, e) ||
				prepositions[t.low] && t.low != "of" {
				break
			}
			e++
		}
		return k + 1, e, k, e > k+1
	}
	e := k
	for e < lim && e < k+9 {
		t := toks[e]
		if cueVerbs[t.low] || aux[t.low] && t.low != "'s" || adverbs[t.low] {
			break
		}
		if isPunct(toks, e, ",") && e > k {
			// "Stafford, a member of the crew, responded."
			c := e + 1
			for c < lim && c < e+14 && !isPunct(toks, c, ",") && st.flags[c]&fQuote == 0 {
				c++
			}
			m := c + 1
			for m < lim && (aux[toks[m].low] && toks[m].low != "'s" || adverbs[toks[m].low]) {
				m++
			}
			if isPunct(toks, c, ",") && m < lim && cueVerbs[toks[m].low] {
				return k, e, m, true
			}
			return 0, 0, 0, false
		}
		if isBoundary(t) && !st.has(e, fTitle) || verbish(toks, e) || clauseWords[t.low] ||
			function[t.low] && !determiners[t.low] && !pronouns[t.low] && t.low != "of" && t.low != "for" && t.low != "and" {
			return 0, 0, 0, false
		}
		e++
	}
	if e == k {
		return 0, 0, 0, false
	}
	m := e
	for m < lim && (aux[toks[m].low] && toks[m].low != "'s" || adverbs[toks[m].low]) {
		m++
	}
	if m < lim && cueVerbs[toks[m].low] {
		return k, e, m, true
	}
	return 0, 0, 0, false
}

// speak sets the speaker of q from the noun phrase [a, b) of st, whose cue
// verb is toks[v].
func (d *doc) speak(q *Quote, st *sent, a, b, v int, srcs [][]source, prev []Quote, how string) {
	toks := st.toks
	if b > a && toks[b-1].low == "'s" {
		b--
	}
	q.Cue = st.text(a, b)
	if v >= 0 && v < len(toks) && cueVerbs[toks[v].low] {
		q.Verb = toks[v].text
	}
	q.How = how
	if b-a == 1 && pronouns[toks[a].low] {
		for i := len(prev) - 1; i >= 0 && i >= len(prev)-3; i-- {
			p := prev[i]
			if p.Speaker != "" && p.LastSentence >= q.Sentence-3 {
				q.Speaker = p.Speaker
				if q.Channel == "" {
					q.Channel = p.Channel
				}
				q.How = "pronoun: the speaker of the previous quote"
				return
			}
		}
		if is(toks, a, "he", "she") {
			q.Speaker = d.personBefore(st, a)
			q.How = "pronoun: the person named before"
		}
		return
	}
	if p := d.personOfNP(st, a, b); p != "" {
		q.Speaker = p
		return
	}
	hasName := false
	for k := a; k < b; k++ {
		if nameWord(toks, k) {
			hasName = true
		}
	}
	if hasName {
		q.Speaker = st.text(trimDeterminer(toks, a, b), b)
		return
	}
	// A description: "the diplomat", "the agency", "the expert".
	q.Speaker = q.Cue
	role := toks[b-1].low
	tried := 0 // the nearest sources only: a long run of quotes stays linear
	for si := st.idx; si >= 0 && si >= min(st.idx, q.Sentence)-3 && tried < 12; si-- {
		list := srcs[si]
		if si == st.idx {
			// Only the sources before the speaker's own words.
			list = list[:sort.Search(len(list), func(i int) bool { return list[i].tok >= a })]
		}
		for i := len(list) - 1; i >= 0 && tried < 12; i-- {
			src := list[i]
			tried++
			if strings.EqualFold(src.text, q.Cue) || !d.describes(src, role, srcs) {
				continue
			}
			q.Speaker = src.person
			if q.Speaker == "" {
				q.Speaker = trimArticle(src.text)
			}
			if q.Channel == "" {
				q.Channel = src.channel
			}
			q.How = "description resolved to a source in sentence " + strconv.Itoa(si)
			return
		}
	}
	for i := len(prev) - 1; i >= 0 && i >= len(prev)-3; i-- {
		if p := prev[i]; p.Speaker != "" && strings.EqualFold(p.Cue, q.Cue) {
			q.Speaker = p.Speaker
			if q.Channel == "" {
				q.Channel = p.Channel
			}
			q.How = "description resolved as in a previous quote"
			return
		}
	}
	q.How += "; description not resolved"
}

// channelFallback takes the channel from a sentence shortly before the
// quote in which its speaker is reported speaking ("Khomich ... confirmed
// the news to the BBC").
func (d *doc) channelFallback(q *Quote, srcs [][]source) {
	if q.Channel != "" || q.Speaker == "" {
		return
	}
	for si := q.Sentence; si >= 0 && si >= q.Sentence-2; si-- {
		list := srcs[si]
		for _, s := range list[max(len(list)-8, 0):] {
			if s.channel != "" && (s.person == q.Speaker || strings.EqualFold(s.text, q.Speaker)) {
				q.Channel = s.channel
				return
			}
		}
	}
}

func trimArticle(s string) string {
	for _, a := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

var platforms = map[string]string{
	"telegram": "Telegram", "twitter": "X", "x": "X", "facebook": "Facebook",
	"instagram": "Instagram", "youtube": "YouTube", "vkontakte": "VKontakte", "vk": "VKontakte",
	"tiktok": "TikTok", "television": "television", "tv": "television", "radio": "radio",
	"truth": "Truth Social", "threads": "Threads", "bluesky": "Bluesky",
}

// channelIn finds where words were said within tokens [a, b) of st: "told
// AFP", "confirmed the news to the BBC", "on Telegram", "in an interview with
// X", "in a statement".
func (d *doc) channelIn(st *sent, a, b int) string {
	toks := st.toks
	cue, statement := false, false
	lastCue := -10
	for k := max(a, 0); k < b && k < len(toks); k++ {
		if st.flags[k]&fQuote != 0 {
			continue
		}
		l := toks[k].low
		switch {
		case l == "told" || l == "tells" || l == "telling":
			// "told AFP", but not "told Hawk Sawyer", a person.
			if c := channelName(st, k+1, b); c != "" && d.personOfRun(st, k+1+btoi(is(toks, k+1, "the")), capRun(toks, k+1+btoi(is(toks, k+1, "the")))) == "" {
				return c
			}
			cue, lastCue = true, k
		case l == "statement" || l == "post" || l == "message" || l == "video" || l == "interview":
			statement = statement || l == "statement"
			cue = true
		case cueVerbs[l] || l == "wrote" || l == "posted" || l == "spoke":
			cue, lastCue = true, k
		case (l == "on" || l == "via") && cue:
			e := k + 1
			if is(toks, e, "the", "his", "her", "its", "their", "a") {
				e++
			}
			if e < b && e < len(toks) {
				if p, ok := platforms[toks[e].low]; ok {
					return p
				}
				if toks[e].upper {
					if c := channelName(st, e, b); c != "" && (is(toks, e+1, "channel", "account", "page") || e+1 >= b) {
						return c
					}
				}
			}
		case l == "to" && k-lastCue <= 4:
			// "confirmed the news to the BBC", but not "said Belarus had
			// handed over 114 people to Ukraine" nor "to the Moon".
			if c := channelName(st, k+1, b); c != "" && isMedia(c) {
				return c
			}
		case l == "with" && is(toks, k-1, "interview", "conversation", "talk"):
			if c := channelName(st, k+1, b); c != "" {
				return c
			}
		case l == "speaking" && is(toks, k+1, "to", "with"):
			if c := channelName(st, k+2, b); c != "" {
				return c
			}
		case l == "quoted" && is(toks, k+1, "by"):
			if c := channelName(st, k+2, b); c != "" {
				return c
			}
		}
	}
	if statement {
		return "statement"
	}
	return ""
}

// channelName returns the capitalised name at toks[k] ("the BBC", "RIA
// Novosti", "Lenta.ru"), or "".
func channelName(st *sent, k, b int) string {
	toks := st.toks
	if is(toks, k, "the") {
		k++
	}
	if k >= b || k >= len(toks) || !nameWord(toks, k) {
		return ""
	}
	e := capRun(toks, k)
	if e > b {
		e = b
	}
	return st.text(k, e)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

var mediaWords = set("news times post press agency radio tv television journal novosti telegraph guardian herald tribune gazette daily weekly reuters afp bloomberg tass interfax xinhua cnn bbc nbc cbs abc fox sky dw euronews jazeera politico axios channel magazine")

// isMedia reports whether a name looks like a news outlet: an acronym
// ("BBC"), a web address ("Lenta.ru") or a name with a media word.
func isMedia(name string) bool {
	if isAcronym(name) || strings.Contains(name, ".") {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' }) {
		if mediaWords[w] {
			return true
		}
	}
	return false
}
