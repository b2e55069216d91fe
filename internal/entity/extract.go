package entity

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Extract returns the mentions of people, organisations and places in the
// sentences of a, in reading order. Names it cannot type are returned with
// Type Unknown for Resolve to settle.
func Extract(a *crosscheck.Article) []Mention {
	if a == nil || len(a.Sentences) == 0 {
		return nil
	}
	x := newExtractor(a)
	x.scan()
	return x.mentions()
}

// sentInfo is one sentence's slice of the extractor's tokens.
type sentInfo struct {
	idx      int    // index in Article.Sentences
	text     string // the sentence text
	a, b     int32  // token range [a, b)
	caseless bool   // headline or all-caps: capitals say nothing
}

// chunk is a candidate name: a token range and what it was typed as.
type chunk struct {
	sent         int32 // index into extractor.sents
	a, b         int32 // token range [a, b)
	typ          Type  // "" means not a name
	evidence     uint8
	roleA, roleB int32 // the role phrase, or -1
}

// Evidence that a chunk names a person.
const (
	evTitle uint8 = 1 << iota // a title or role head stands right before it
	evGiven                   // it starts with a given name or an initial
	evWeak                    // a lone word at the start of a sentence
)

// extractor holds the working state for one article.
type extractor struct {
	a      *crosscheck.Article
	sents  []sentInfo
	toks   []token
	lexe   []lexEntry // lexicon entry of each token
	fr     []int32    // fold arena range of token i: fr[2i], fr[2i+1]
	arena  []byte     // folded token text
	owner  []int32    // chunk index owning each token, or -1
	chunks []chunk
	lower  wordSet         // words the article writes in lower case
	surn   wordSet         // surnames of full person names in the article
	vocab  map[uint64]Type // words of names found in normal-case text
	buf    []byte
}

func newExtractor(a *crosscheck.Article) *extractor {
	n := 0
	for _, s := range a.Sentences {
		n += len(s.Text)
	}
	est := n/4 + 16
	return &extractor{
		a:      a,
		sents:  make([]sentInfo, 0, len(a.Sentences)),
		toks:   make([]token, 0, est),
		lexe:   make([]lexEntry, 0, est),
		fr:     make([]int32, 0, 2*est),
		arena:  make([]byte, 0, n+64),
		chunks: make([]chunk, 0, est/5+4),
		lower:  newWordSet(est / 2),
		surn:   newWordSet(16),
		vocab:  make(map[uint64]Type, 16),
	}
}

// wordSet is a set of word hashes with open addressing: cheaper than a map
// for the few hundred words of one article.
type wordSet struct {
	slots []uint64
	n     int
}

func newWordSet(hint int) wordSet {
	size := 16
	for size < 2*hint {
		size *= 2
	}
	return wordSet{slots: make([]uint64, size)}
}

func (w *wordSet) add(h uint64) {
	h |= 1 // zero marks an empty slot
	if 2*(w.n+1) > len(w.slots) {
		old := w.slots
		w.slots, w.n = make([]uint64, 2*len(old)), 0
		for _, o := range old {
			if o != 0 {
				w.add(o)
			}
		}
	}
	mask := uint64(len(w.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch w.slots[i] {
		case h:
			return
		case 0:
			w.slots[i] = h
			w.n++
			return
		}
	}
}

func (w *wordSet) has(h uint64) bool {
	h |= 1
	mask := uint64(len(w.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch w.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// hash64 is FNV-1a, used to keep per-article word sets without allocating.
func hash64(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func (x *extractor) folded(i int32) []byte { return x.arena[x.fr[2*i]:x.fr[2*i+1]] }

// sentOf returns the sentence (index into sents) holding token i.
func (x *extractor) sentOf(i int32) int {
	lo, hi := 0, len(x.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if x.sents[m].b <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// scan tokenises every sentence, chunks the normal-case ones first, learns
// the article's names from them, then reads the headline and all-caps
// sentences with that knowledge.
func (x *extractor) scan() {
	for si, s := range x.a.Sentences {
		if !utf8.ValidString(s.Text) {
			continue
		}
		a := int32(len(x.toks))
		x.toks = tokenize(s.Text, x.toks)
		for i := a; i < int32(len(x.toks)); i++ {
			t := x.toks[i]
			start := int32(len(x.arena))
			if t.kind != tkPunct {
				x.arena = appendFold(x.arena, s.Text[t.s:t.e])
			}
			x.fr = append(x.fr, start, int32(len(x.arena)))
			var e lexEntry
			if t.kind == tkWord {
				e = lex.words[string(x.arena[start:])]
				if t.has(tfInitial) {
					e = lexEntry{} // "A." is an initial, not the article
				} else if t.has(tfAbbrev) && e.flags == 0 {
					e = lex.words[string(x.arena[start:len(x.arena)-1])]
				}
				if t.has(tfLower) {
					x.lower.add(hash64(x.arena[start:]))
				}
			}
			x.lexe = append(x.lexe, e)
		}
		x.sents = append(x.sents, sentInfo{idx: si, text: s.Text, a: a, b: int32(len(x.toks))})
	}
	x.owner = make([]int32, len(x.toks))
	for i := range x.owner {
		x.owner[i] = -1
	}
	for i := range x.sents {
		x.sents[i].caseless = x.isCaseless(&x.sents[i])
	}
	for i := range x.sents {
		if !x.sents[i].caseless {
			x.chunkNormal(int32(i))
		}
	}
	x.learn()
	for i := range x.sents {
		if x.sents[i].caseless {
			x.chunkCaseless(int32(i))
		}
	}
	x.fixups()
	for ci := range x.chunks {
		if x.chunks[ci].typ == Person {
			x.assignRole(int32(ci))
		}
	}
}

// isCaseless reports whether capitals carry no information in a sentence:
// it is mostly upper case, or it is a headline in title case, which shows
// in capitalised function words ("Talks With The US").
func (x *extractor) isCaseless(s *sentInfo) bool {
	words, upper, caps := 0, 0, 0
	capStop := false
	first := true
	for i := s.a; i < s.b; i++ {
		t := x.toks[i]
		if t.kind != tkWord {
			continue
		}
		words++
		if t.has(tfUpper) {
			upper++
		}
		if t.has(tfCap) {
			caps++
			if !first && !t.has(tfUpper) && x.lexe[i].flags&lxStop != 0 && x.lexe[i].flags&(lxGiven|lxGaz) == 0 {
				capStop = true
			}
		}
		first = false
	}
	if words < 3 {
		return false
	}
	if upper*10 >= words*6 {
		return true
	}
	if caps == words {
		// Every word capitalised and no full stop: a headline.
		if last := x.toks[s.b-1]; last.kind != tkPunct || (last.r != '.' && last.r != ',') {
			return true
		}
	}
	return capStop && caps*10 >= words*6
}

// isDate reports whether token i is a month or weekday used as a date, which
// is capitalised but names no one. "May" in "Theresa May" is not a date.
func (x *extractor) isDate(i int32, s *sentInfo) bool {
	f := x.lexe[i].flags
	if f&(lxMonth|lxWeekday) == 0 {
		return false
	}
	t := x.toks[i]
	if t.has(tfAbbrev) {
		return true
	}
	if f&lxWeekday != 0 && len(x.folded(i)) > 4 {
		return true
	}
	if i+1 < s.b && x.toks[i+1].kind == tkNum {
		return true
	}
	if f&lxGiven != 0 {
		return false // "Jan Nowak", "April Ryan"
	}
	if i > s.a {
		switch string(x.folded(i - 1)) {
		case "in", "on", "since", "until", "till", "by", "from", "of", "last",
			"next", "early", "late", "mid", "end", "between", "and", "through",
			"during", "before", "after", "this", "that", "every", "each", "to":
			return true
		}
	}
	if i == s.a || (i+1 < s.b && x.toks[i+1].kind == tkPunct) {
		return f&lxGiven == 0
	}
	return false
}

// nameTok reports whether token i can be part of a capitalised name.
func (x *extractor) nameTok(i int32, s *sentInfo) bool {
	t := x.toks[i]
	if t.kind != tkWord || !t.has(tfCap) || t.has(tfLowerTail) {
		return false
	}
	if x.isDate(i, s) {
		return false
	}
	// A lone capital that is not an initial is the pronoun I or a list mark.
	if !t.has(tfInitial) && t.e-t.s == 1 {
		return false
	}
	return true
}

// isOpener reports whether punctuation r starts a new clause whose first
// word is capitalised whatever it is.
func isOpener(r rune) bool {
	switch r {
	case '"', '“', '‘', '«', '„', '(', '[', ':', '—', '–', '•', '*', '·', '|', '>', '‹':
		return true
	}
	return false
}

// commonSuffix reports whether a folded word ends like an ordinary English
// word rather than a name: "Additionally", "Following", "Published".
func commonSuffix(w []byte) bool {
	s := string(w)
	if len(s) < 5 {
		return false
	}
	for _, suf := range [...]string{"ly", "ing", "ed", "ness", "ment", "tion", "sion", "ity", "ies", "ous", "ive", "able", "ful", "less", "ward", "wards", "ists", "ers"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// surnameSuffix reports whether a folded word ends like a surname of the
// Slavic, Baltic, Caucasian, Turkish or Romanian kind.
func surnameSuffix(w []byte) bool {
	s := string(w)
	n := len(s)
	if n < 5 {
		return false
	}
	for _, suf := range [...]string{"enko", "enka", "ski", "sky", "skyi", "skiy", "skyy", "skii", "skaya", "ska", "cki", "cka", "vich", "vych", "chuk", "yuk", "iuk", "shvili", "dze", "yan", "oglu", "escu", "opoulos", "ovic", "evic"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	if n >= 6 {
		for _, suf := range [...]string{"ova", "eva", "ov", "ev", "ovaya", "evaya"} {
			if strings.HasSuffix(s, suf) {
				return true
			}
		}
	}
	if n >= 8 && strings.HasSuffix(s, "ava") {
		return true
	}
	return false
}

// gazOf looks up tokens [a, b) of one sentence in the gazetteer.
func (x *extractor) gazOf(a, b int32) (gazEntry, bool) {
	s := &x.sents[x.sentOf(a)]
	x.buf = appendNormKey(x.buf[:0], s.text[x.toks[a].s:x.toks[b-1].e])
	e, ok := lex.gaz[string(x.buf)]
	return e, ok
}

// gazName looks up tokens [a, b) in the gazetteer, with or without a
// leading "The", and returns where the name starts.
func (x *extractor) gazName(a, b int32) (gazEntry, int32, bool) {
	if e, ok := x.gazOf(a, b); ok {
		if b-a > 1 && string(x.folded(a)) == "the" {
			if e2, ok2 := x.gazOf(a+1, b); ok2 {
				return e2, a + 1, true
			}
		}
		return e, a, true
	}
	if b-a > 1 && string(x.folded(a)) == "the" {
		if e, ok := x.gazOf(a+1, b); ok {
			return e, a + 1, true
		}
	}
	return gazEntry{}, a, false
}

// tokGaz looks up one word token in the gazetteer.
func (x *extractor) tokGaz(i int32) (gazEntry, bool) {
	if x.lexe[i].flags&lxGaz == 0 && !x.toks[i].has(tfAbbrev) && !x.toks[i].has(tfUpper) {
		// Plural demonyms ("Belarusians") do not start any entry.
		f := x.folded(i)
		if len(f) < 4 || f[len(f)-1] != 's' {
			return gazEntry{}, false
		}
	}
	return x.gazOf(i, i+1)
}

func (x *extractor) isDemonym(i int32) bool {
	e, ok := x.tokGaz(i)
	return ok && e.kind == gazDemonym
}

// isRoleWord reports whether token i can sit inside a role phrase.
func (x *extractor) isRoleWord(i int32) bool {
	t := x.toks[i]
	if t.kind != tkWord {
		return false
	}
	if x.lexe[i].flags&(lxTitle|lxMod|lxHonorific) != 0 {
		return true
	}
	return x.isDemonym(i)
}

func (x *extractor) isConnector(i int32) bool {
	if x.toks[i].kind != tkWord || !x.toks[i].has(tfLower) {
		return false
	}
	switch string(x.folded(i)) {
	case "of", "for", "in", "the":
		return true
	}
	return false
}

// chunkNormal finds the names of a sentence written in ordinary case.
func (x *extractor) chunkNormal(si int32) {
	s := &x.sents[si]
	opener := true
	for i := s.a; i < s.b; i++ {
		t := x.toks[i]
		if t.kind == tkPunct {
			if isOpener(t.r) {
				opener = true
			}
			continue
		}
		initial := opener
		opener = false
		if !x.nameTok(i, s) || !x.nameStart(i, s, initial) {
			continue
		}
		trig := x.lexe[i].flags&(lxOrgTrig|lxPlaceTrig|lxMiscTrig|lxTitle) != 0
		orgTrig := x.lexe[i].flags&lxOrgTrig != 0
		j := i + 1
		for j < s.b && !x.toks[j-1].has(tfPoss) {
			if x.nameTok(j, s) {
				f := x.lexe[j].flags
				trig = trig || f&(lxOrgTrig|lxPlaceTrig|lxMiscTrig|lxTitle) != 0
				orgTrig = orgTrig || f&lxOrgTrig != 0
				j++
				continue
			}
			if k := x.connectorRun(j, s, trig, orgTrig); k > j {
				j = k
				continue
			}
			break
		}
		if p := int32(x.lexe[i].phrase); p > j-i {
			// A known name with lower-case words in it: "Organization for
			// Security and Co-operation in Europe", "Bosnia and Herzegovina".
			if l := x.longGaz(si, i, j, p); l > 0 {
				i += l - 1
				continue
			}
		}
		weak := initial && j == i+1 && x.weakStart(i)
		x.addRun(si, i, j, weak)
		i = j - 1
	}
}

// longGaz records a gazetteer name of more than j-i tokens starting at i,
// and returns its length, or 0 when there is none.
func (x *extractor) longGaz(si, i, j, p int32) int32 {
	s := &x.sents[si]
	for l := min(p, s.b-i); l > j-i; l-- {
		if !x.toks[i+l-1].has(tfCap) {
			continue
		}
		e, ok := x.gazOf(i, i+l)
		if !ok {
			continue
		}
		switch e.kind {
		case gazPlace:
			x.record(chunk{sent: si, a: i, b: i + l, typ: Place, roleA: -1, roleB: -1})
		case gazOrg:
			x.record(chunk{sent: si, a: i, b: i + l, typ: Org, roleA: -1, roleB: -1})
		}
		return l
	}
	return 0
}

// nameStart reports whether a capitalised token can start a name. At the
// start of a sentence or clause, capitals prove nothing, so common words
// are ruled out by the stop list, by the article's own lower-case usage and
// by their endings.
func (x *extractor) nameStart(i int32, s *sentInfo, initial bool) bool {
	f := x.lexe[i].flags
	if x.toks[i].has(tfUpper) && !initial {
		return true
	}
	if contraction(x.folded(i)) {
		return false
	}
	if !initial {
		// A capitalised function word inside a sentence is a heading run
		// into the text, or the start of a name like "The Hague".
		return f&lxFunc == 0 || f&(lxGiven|lxGaz) != 0
	}
	if x.toks[i].has(tfUpper) {
		return true
	}
	if f&lxStop != 0 {
		// "New" starts "New York"; "The" starts "The Hague".
		return f&lxGaz != 0 && x.lexe[i].phrase > 1 && x.gazAhead(i, s)
	}
	if f&(lxGiven|lxTitle|lxGaz|lxOrgTrig|lxPlaceTrig|lxMiscTrig|lxMod|lxHonorific) != 0 {
		return true
	}
	if x.toks[i].has(tfUpper) || x.toks[i].has(tfInitial) {
		return true
	}
	if _, ok := x.tokGaz(i); ok {
		return true
	}
	w := x.folded(i)
	if x.lower.has(hash64(w)) {
		return false
	}
	if commonSuffix(w) && !surnameSuffix(w) {
		return false
	}
	return true
}

// contraction reports whether a folded word is a contraction: "I'm",
// "It'd", "We're", "Don't".
func contraction(w []byte) bool {
	i := bytes.LastIndexByte(w, '\'')
	if i < 0 {
		return false
	}
	switch string(w[i+1:]) {
	case "m", "d", "ve", "re", "ll", "t":
		return true
	}
	return false
}

// gazAhead reports whether a gazetteer name of two or more tokens starts at
// token i.
func (x *extractor) gazAhead(i int32, s *sentInfo) bool {
	for l := min(int32(x.lexe[i].phrase), s.b-i); l >= 2; l-- {
		if e, ok := x.gazOf(i, i+l); ok && (e.kind == gazPlace || e.kind == gazOrg) {
			return true
		}
	}
	return false
}

// weakStart reports whether token i, a lone capitalised word opening a
// sentence, has nothing but its capital to make it a name.
func (x *extractor) weakStart(i int32) bool {
	f := x.lexe[i].flags
	if f&(lxGiven|lxTitle|lxGaz|lxOrgTrig|lxPlaceTrig|lxMiscTrig|lxMod) != 0 {
		return false
	}
	return !x.toks[i].has(tfUpper)
}

// connectorRun returns the index after a connector that continues a name
// ("Union of Poles in Belarus", "Charles de Gaulle", "Ursula von der
// Leyen"), or j when token j does not continue one.
func (x *extractor) connectorRun(j int32, s *sentInfo, trig, orgTrig bool) int32 {
	t := x.toks[j]
	if t.kind == tkPunct && t.r == '&' && j+1 < s.b && x.nameTok(j+1, s) && orgTrig {
		return j + 1
	}
	if t.kind != tkWord || !t.has(tfLower) {
		return j
	}
	if x.lexe[j].flags&lxParticle != 0 {
		k := j + 1
		for k < s.b && x.toks[k].kind == tkWord && x.toks[k].has(tfLower) && x.lexe[k].flags&lxParticle != 0 && k-j < 3 {
			k++
		}
		if k < s.b && x.nameTok(k, s) {
			return k
		}
		return j
	}
	w := string(x.folded(j))
	switch {
	case w == "of" || w == "for":
		if !trig {
			return j
		}
	case w == "in":
		if !orgTrig {
			return j
		}
	default:
		return j
	}
	k := j + 1
	if k < s.b && string(x.folded(k)) == "the" && x.toks[k].has(tfLower) {
		k++
	}
	if k < s.b && x.nameTok(k, s) {
		return k
	}
	return j
}

// addRun splits a run of capitalised tokens [i, j) into names and types
// them. A given name inside a run starts a new name: "Union of Poles in
// Belarus Andrzej Poczobut" is an organisation and a person.
func (x *extractor) addRun(si, i, j int32, weak bool) {
	start := i
	for p := i + 1; p < j-1; p++ {
		if !x.startsPerson(p) {
			continue
		}
		q := p - 1
		if x.lexe[q].flags&(lxGiven|lxParticle) != 0 || x.toks[q].has(tfInitial) || placePrefix(x.folded(q)) {
			continue // "Mary Ann Smith", "San Quentin"
		}
		x.addPrefix(si, start, p)
		start = p
	}
	ev := uint8(0)
	if weak {
		ev = evWeak
	}
	x.addPiece(si, start, j, start > i, ev)
}

// startsPerson reports whether token p is a given name or an initial.
func (x *extractor) startsPerson(p int32) bool {
	t := x.toks[p]
	if t.has(tfInitial) {
		return true
	}
	return x.lexe[p].flags&lxGiven != 0 && !t.has(tfUpper)
}

// addPiece types the name in tokens [a, b) and records it. afterSplit says
// the piece began at a given name inside a longer run.
func (x *extractor) addPiece(si, a, b int32, afterSplit bool, ev uint8) {
	// Connectors never start or end a name.
	for a < b && x.toks[a].has(tfLower) {
		a++
	}
	for b > a && x.toks[b-1].has(tfLower) {
		b--
	}
	if a >= b {
		return
	}
	if afterSplit {
		ev |= evGiven
	}
	// A person's name does not run on into an affiliation: "Jack B.
	// Weinstein of Federal District Court in Brooklyn".
	if x.startsPerson(a) || ev&evGiven != 0 {
		for k := a + 1; k < b; k++ {
			if x.lexe[k].flags&(lxOrgTrig|lxPlaceTrig|lxMiscTrig) != 0 {
				break
			}
			if x.isConnector(k) && !x.isLowerWord(k, "the") {
				x.addPiece(si, a, k, afterSplit, ev&^evWeak)
				rest := k + 1
				if rest < b && x.isLowerWord(rest, "the") {
					rest++
				}
				x.addPrefix(si, rest, b)
				return
			}
		}
	}
	// Titles at the head of a run are roles, not names: "President Trump",
	// "US President Donald Trump", "Belarus President Lukashenko".
	if h := x.titleCut(a, b); h >= 0 {
		x.addPrefix(si, a, h+1)
		a = h + 1
		ev |= evTitle
	}
	c := chunk{sent: si, a: a, b: b, evidence: ev, roleA: -1, roleB: -1}
	c.typ = x.classify(&c)
	if c.typ == "" {
		return
	}
	x.record(c)
}

// titleCut returns the index of the last title word of [a, b) when plain
// name words follow it, or -1.
func (x *extractor) titleCut(a, b int32) int32 {
	h := int32(-1)
	for k := a; k < b-1; k++ {
		if x.lexe[k].flags&(lxTitle|lxHonorific) != 0 {
			h = k
		}
	}
	if h < 0 || !x.toks[h+1].has(tfCap) {
		return -1 // "Director of Public Relations" names no one
	}
	for k := h + 1; k < b; k++ {
		f := x.lexe[k].flags
		if f&(lxOrgTrig|lxPlaceTrig|lxMiscTrig|lxTitle|lxMod) != 0 {
			return -1
		}
		if _, ok := x.tokGaz(k); ok && f&lxGiven == 0 {
			return -1
		}
	}
	return h
}

// addPrefix records the name, if any, in the part of a run before a
// person's name: "US" in "US President", "Union of Poles in Belarus" in
// "Union of Poles in Belarus Andrzej Poczobut".
func (x *extractor) addPrefix(si, a, b int32) {
	for a < b && x.toks[a].has(tfLower) {
		a++
	}
	for b > a && x.toks[b-1].has(tfLower) {
		b--
	}
	if a >= b {
		return
	}
	c := chunk{sent: si, a: a, b: b, roleA: -1, roleB: -1}
	if c.typ = x.classify(&c); c.typ != "" {
		x.record(c)
	}
}

func (x *extractor) record(c chunk) {
	ci := int32(len(x.chunks))
	for k := c.a; k < c.b; k++ {
		x.owner[k] = ci
	}
	x.chunks = append(x.chunks, c)
}

// classify types the name in c, or returns "" when it is not a name of a
// person, organisation or place. It may narrow c to drop role words.
func (x *extractor) classify(c *chunk) Type {
	if t, ok := x.gazType(c); ok {
		return t
	}
	if t, ok := x.triggerType(c); ok {
		return t
	}
	// Role words around a name are not part of it: "President of Belarus"
	// is Belarus; "Belarusian" alone is no name at all.
	a, b := c.a, c.b
	for a < b && (x.isRoleWord(a) || x.toks[a].has(tfLower) || string(x.folded(a)) == "the") {
		if x.lexe[a].flags&(lxTitle|lxHonorific) != 0 {
			c.evidence |= evTitle
		}
		a++
	}
	if a < b && !x.startsPerson(a) {
		for b > a && (x.isRoleWord(b-1) || x.toks[b-1].has(tfLower)) {
			b--
		}
	}
	if a >= b {
		return ""
	}
	if a != c.a || b != c.b {
		c.a, c.b = a, b
		if t, ok := x.gazType(c); ok {
			return t
		}
		if t, ok := x.triggerType(c); ok {
			return t
		}
	}
	n := b - a
	last := x.folded(b - 1)
	if x.isMisc(a) && n == 1 {
		return ""
	}
	if n >= 2 && (x.startsPerson(a) || c.evidence&evGiven != 0) {
		for k := a; k < b; k++ {
			if !x.toks[k].has(tfInitial) {
				return Person
			}
		}
		return Unknown // "M. D." is initials and nothing else
	}
	if n == 1 && x.toks[a].has(tfUpper) && x.lexe[a].flags&lxGiven == 0 {
		return x.acronymType(a)
	}
	if n == 1 && strings.HasSuffix(string(last), "bank") && len(last) > 6 {
		return Org
	}
	if n >= 2 && placePrefix(x.folded(a)) {
		return Place
	}
	if c.evidence&evTitle != 0 && n <= 4 && x.nameLike(a, b) {
		return Person
	}
	if x.titleBefore(a) && n <= 4 && x.nameLike(a, b) {
		c.evidence |= evTitle
		return Person
	}
	if n <= 3 && surnameSuffix(last) && x.nameLike(a, b) {
		return Person
	}
	if t := x.nounContext(a, b); t != "" {
		return t
	}
	if n >= 2 && n <= 3 && x.nameLike(a, b) && x.personContext(a, b) {
		return Person
	}
	return Unknown
}

// placePrefix reports whether a name starting with folded word w is a
// place: "San Diego", "Los Alamos", "Fort Worth", "Mount Cook".
func placePrefix(w []byte) bool {
	switch string(w) {
	case "san", "santa", "santo", "sao", "los", "las", "fort", "port", "mount",
		"mt", "mt.", "lake", "saint", "st", "st.", "cape", "bay", "del":
		return true
	}
	return false
}

// triggerType types a name headed by a trigger word: the last trigger before
// any "of", "for" or "in" must end that part of the name, so that "Union of
// Poles in Belarus", "Polish Foreign Ministry" and "Times Square" qualify
// but "Park Geun-hye" does not. Titles after an organisation's name are
// dropped: "Fire Department Chief".
func (x *extractor) triggerType(c *chunk) (Type, bool) {
	const trig = lxOrgTrig | lxPlaceTrig | lxMiscTrig
	a, b := c.a, c.b
	any := false
	for k := a; k < b; k++ {
		if x.lexe[k].flags&trig != 0 && x.toks[k].has(tfCap) {
			any = true
			break
		}
	}
	if !any {
		return "", false
	}
	for b-1 > a && x.lexe[b-1].flags&lxTitle != 0 && x.lexe[b-1].flags&trig == 0 && x.lexe[b-2].flags&trig != 0 {
		b--
	}
	cut := b
	for k := a; k < b; k++ {
		if x.isConnector(k) {
			cut = k
			break
		}
	}
	head := int32(-1)
	for k := a; k < cut; k++ {
		if x.lexe[k].flags&trig != 0 && x.toks[k].has(tfCap) {
			head = k
		}
	}
	if head < 0 || head != cut-1 {
		return "", false
	}
	if head == b-1 && b-a == 2 && (c.evidence&evGiven != 0 || x.startsPerson(a)) && surnameLike(x.folded(head)) {
		return "", false // "Margaret Court" is a person
	}
	if b-a == 1 && !x.toks[a].has(tfUpper) {
		return "", true // a lone "Council" or "Party" names nothing in particular
	}
	if string(x.folded(a)) == "the" {
		a++
	}
	c.a, c.b = a, b
	f := x.lexe[head].flags
	switch {
	case f&lxOrgTrig != 0:
		return Org, true
	case f&lxPlaceTrig != 0:
		return Place, true
	}
	return "", true
}

// surnameLike reports whether a trigger word is also a common surname.
func surnameLike(w []byte) bool {
	switch string(w) {
	case "court", "bank", "banks", "park", "post", "house", "church", "hall",
		"guard", "field", "press", "king", "lane", "mount":
		return true
	}
	return false
}

// acronymType types an acronym the gazetteer does not know. Most are
// organisations, but many are not (time zones, units, shouted words), so it
// needs a hint: "the CEC", or "(CEC)" right after an organisation's name.
func (x *extractor) acronymType(a int32) Type {
	s := &x.sents[x.sentOf(a)]
	if a > s.a && x.isLowerWord(a-1, "the") {
		return Org
	}
	if a > s.a+1 && x.toks[a-1].kind == tkPunct && x.toks[a-1].r == '(' {
		if o := x.owner[a-2]; o >= 0 && x.chunks[o].typ == Org {
			return Org
		}
	}
	return Unknown
}

// personContext reports whether the words after a name say it is a person:
// a verb of speech ("Dan Patrick said"), ", who", or an age (", 45,").
func (x *extractor) personContext(a, b int32) bool {
	s := &x.sents[x.sentOf(a)]
	if a > s.a && (x.isLowerWord(a-1, "the") || x.isLowerWord(a-1, "a") || x.isLowerWord(a-1, "an")) {
		return false
	}
	if b >= s.b {
		return false
	}
	t := x.toks[b]
	if t.kind == tkWord && t.has(tfLower) {
		switch string(x.folded(b)) {
		case "said", "says", "told", "added", "stated", "wrote", "explained",
			"noted", "argued", "asked", "claimed", "insisted", "warned",
			"testified", "tweeted", "recalled", "admitted", "replied", "urged":
			return true
		}
		return false
	}
	if t.kind == tkPunct && (t.r == ',' || t.r == '(') && b+1 < s.b {
		n := x.toks[b+1]
		if n.kind == tkWord && x.isLowerWord(b+1, "who") {
			return true
		}
		if n.kind == tkNum && n.e-n.s <= 3 && b+2 < s.b && x.toks[b+2].kind == tkPunct {
			return true
		}
	}
	return false
}

// gazType types c by the gazetteer, moving its start past a leading "The".
func (x *extractor) gazType(c *chunk) (Type, bool) {
	e, a, ok := x.gazName(c.a, c.b)
	if !ok {
		return "", false
	}
	c.a = a
	switch e.kind {
	case gazPlace:
		return Place, true
	case gazOrg:
		return Org, true
	}
	return "", true
}

// nameLike reports whether tokens [a, b) could be a person's name on their
// own: words the lexicon knows only as given names or not at all, outside
// the gazetteer, and not all initials.
func (x *extractor) nameLike(a, b int32) bool {
	full := false
	for k := a; k < b; k++ {
		t := x.toks[k]
		if t.kind != tkWord {
			return false
		}
		if t.has(tfInitial) {
			continue
		}
		full = true
		if f := x.lexe[k].flags; f&^(lxGiven|lxParticle|lxGaz) != 0 {
			return false
		}
		if x.lexe[k].flags&lxGiven == 0 {
			if _, ok := x.tokGaz(k); ok {
				return false
			}
		}
	}
	return full
}

// titleBefore reports whether a role head or honorific stands right before
// token a: "opposition leader Maria", "Mr Smith".
func (x *extractor) titleBefore(a int32) bool {
	s := &x.sents[x.sentOf(a)]
	k := a - 1
	if k < s.a || x.toks[k].kind != tkWord {
		return false
	}
	return x.lexe[k].flags&(lxTitle|lxHonorific) != 0 && x.owner[k] < 0
}

// nounContext types a name by a lower-case noun beside it: "the rights
// group Viasna", "the city of Brest", "the Ok16 cultural center".
func (x *extractor) nounContext(a, b int32) Type {
	s := &x.sents[x.sentOf(a)]
	k := a - 1
	for k >= s.a && x.toks[k].kind == tkPunct && isOpener(x.toks[k].r) && x.toks[k].r != ':' {
		k--
	}
	if k >= s.a && string(x.folded(k)) == "of" {
		k--
	}
	if k >= s.a && x.toks[k].has(tfLower) {
		f := x.lexe[k].flags
		if f&lxOrgNoun != 0 {
			return Org
		}
		if f&lxPlaceNoun != 0 {
			return Place
		}
	}
	for k := b; k < s.b && k < b+2; k++ {
		t := x.toks[k]
		if t.kind != tkWord || !t.has(tfLower) {
			break
		}
		if x.lexe[k].flags&lxOrgNoun != 0 && x.lexe[k].flags&lxPlaceNoun == 0 {
			return Org
		}
	}
	return ""
}

// learn collects what the normal-case sentences taught about the article:
// the surnames of its full person names and the words of its names.
func (x *extractor) learn() {
	for _, c := range x.chunks {
		if c.typ == Person && c.b-c.a >= 2 && (c.evidence&evGiven != 0 || x.startsPerson(c.a)) {
			x.surn.add(hash64(x.folded(c.b - 1)))
		}
	}
	for _, c := range x.chunks {
		if c.typ == "" || c.typ == Unknown || (c.typ != Person && c.b-c.a > 1) {
			continue
		}
		for k := c.a; k < c.b; k++ {
			if x.toks[k].kind != tkWord || x.lexe[k].flags&(lxStop|lxTitle|lxMod) != 0 || x.toks[k].has(tfLower) {
				continue
			}
			h := hash64(x.folded(k))
			if _, ok := x.vocab[h]; !ok {
				x.vocab[h] = c.typ
			}
		}
	}
}

// fixups applies what the whole article knows to single chunks: a lone
// word that is the surname of a full name in the article is a person, and
// a run of such surnames ("Kolesnikova and Babariko" lost its "and" in a
// heading) is several persons.
func (x *extractor) fixups() {
	x.reusedSurnames()
	n := len(x.chunks)
	for ci := 0; ci < n; ci++ {
		c := x.chunks[ci]
		if c.typ != Unknown && c.typ != Person {
			continue
		}
		if c.b-c.a == 1 {
			if x.surn.has(hash64(x.folded(c.a))) {
				x.chunks[ci].typ = Person
			}
			continue
		}
		if c.evidence&evGiven != 0 || x.startsPerson(c.a) {
			continue
		}
		known := 0
		for k := c.a; k < c.b; k++ {
			if x.surn.has(hash64(x.folded(k))) {
				known++
			}
		}
		if known < 2 || known != int(c.b-c.a) {
			continue
		}
		x.chunks[ci].typ = ""
		for k := c.a; k < c.b; k++ {
			x.record(chunk{sent: c.sent, a: k, b: k + 1, typ: Person, roleA: -1, roleB: -1})
		}
	}
	slices.SortStableFunc(x.chunks, func(p, q chunk) int { return int(p.a - q.a) })
	for i := range x.owner {
		x.owner[i] = -1
	}
	for ci, c := range x.chunks {
		if c.typ == "" {
			continue
		}
		for k := c.a; k < c.b; k++ {
			x.owner[k] = int32(ci)
		}
	}
}

// reusedSurnames types as persons the two-word names whose second word the
// article later uses alone at least as often as the full name: news names a
// person in full once, then by surname ("Kimani Gray ... Gray said").
// Organisations are shortened the other way round, if at all.
func (x *extractor) reusedSurnames() {
	lone := make(map[uint64]int, 8)
	full := make(map[uint64]int, 8)
	for _, c := range x.chunks {
		switch {
		case c.b-c.a == 1 && (c.typ == Unknown || c.typ == Person):
			// "the Mafia", "in Flatbush" are not how people are named.
			s := &x.sents[c.sent]
			if k := c.a - 1; k >= s.a && x.toks[k].kind == tkWord && x.toks[k].has(tfLower) {
				switch string(x.folded(k)) {
				case "the", "a", "an", "in", "at", "into", "near", "from", "to", "of", "on":
					continue
				}
			}
			lone[hash64(x.folded(c.a))]++
		case c.b-c.a == 2 && c.typ == Unknown:
			full[x.pairHash(c.a)]++
		}
	}
	for ci := range x.chunks {
		c := &x.chunks[ci]
		if c.typ != Unknown || c.b-c.a != 2 || c.evidence&evWeak != 0 {
			continue
		}
		if f := x.lexe[c.a].flags; f != 0 && f&lxGiven == 0 || x.toks[c.a].has(tfUpper) || x.toks[c.b-1].has(tfUpper) {
			continue
		}
		if _, ok := x.tokGaz(c.a); ok {
			continue
		}
		if x.lower.has(hash64(x.folded(c.b - 1))) {
			continue
		}
		n := lone[hash64(x.folded(c.b-1))]
		if n > 0 && n >= full[x.pairHash(c.a)] && lone[hash64(x.folded(c.a))] == 0 {
			c.typ = Person
			x.surn.add(hash64(x.folded(c.b - 1)))
		}
	}
}

func (x *extractor) pairHash(a int32) uint64 {
	return hash64(x.folded(a))*31 + hash64(x.folded(a+1))
}

// chunkCaseless finds names in a headline or an all-caps sentence, where
// capitals prove nothing: it relies on the gazetteer, given names, titles,
// trigger words and the names the article spells in normal case.
func (x *extractor) chunkCaseless(si int32) {
	s := &x.sents[si]
	for i := s.a; i < s.b; i++ {
		t := x.toks[i]
		if t.kind != tkWord || x.owner[i] >= 0 {
			continue
		}
		f := x.lexe[i].flags
		if f&lxGaz != 0 || t.has(tfAbbrev) {
			if n := x.caselessGaz(si, i); n > 0 {
				i += n - 1
				continue
			}
		}
		if x.startsPerson(i) || (f&lxGiven != 0 && t.has(tfUpper)) {
			if n := x.caselessPerson(si, i); n > 0 {
				i += n - 1
				continue
			}
		}
		if f&(lxTitle|lxHonorific) != 0 && i+1 < s.b && x.plainWord(i+1) && x.lexe[i+1].flags&lxGiven == 0 {
			x.record(chunk{sent: si, a: i + 1, b: i + 2, typ: Person, evidence: evTitle, roleA: -1, roleB: -1})
			i++
			continue
		}
		if f&(lxOrgTrig|lxPlaceTrig) != 0 {
			if n := x.caselessOrg(si, i); n > 0 {
				i += n - 1
				continue
			}
		}
		if typ, ok := x.vocab[hash64(x.folded(i))]; ok && f&lxStop == 0 {
			j := i + 1
			for j < s.b && x.toks[j].kind == tkWord && x.owner[j] < 0 {
				if _, ok := x.vocab[hash64(x.folded(j))]; !ok || x.lexe[j].flags&lxStop != 0 {
					break
				}
				j++
			}
			x.record(chunk{sent: si, a: i, b: j, typ: typ, roleA: -1, roleB: -1})
			i = j - 1
		}
	}
}

// plainWord reports whether token i can be a surname in caseless text: a
// word that is neither a function word nor anything the lexicon knows.
func (x *extractor) plainWord(i int32) bool {
	t := x.toks[i]
	if t.kind != tkWord {
		return false
	}
	f := x.lexe[i].flags
	if f&(lxStop|lxTitle|lxMod|lxOrgTrig|lxPlaceTrig|lxMiscTrig|lxMonth|lxWeekday|lxHonorific) != 0 {
		return false
	}
	if _, ok := x.tokGaz(i); ok && f&lxGiven == 0 {
		return false
	}
	return utf8.RuneCount(x.folded(i)) > 1
}

func (x *extractor) caselessGaz(si, i int32) int32 {
	s := &x.sents[si]
	n := int32(x.lexe[i].phrase)
	if n == 0 {
		n = 1
	}
	for l := min(n, s.b-i); l >= 1; l-- {
		if x.toks[i+l-1].kind == tkPunct {
			continue
		}
		e, a, ok := x.gazName(i, i+l)
		if !ok {
			continue
		}
		switch e.kind {
		case gazPlace:
			x.record(chunk{sent: si, a: a, b: i + l, typ: Place, roleA: -1, roleB: -1})
		case gazOrg:
			x.record(chunk{sent: si, a: a, b: i + l, typ: Org, roleA: -1, roleB: -1})
		}
		return l
	}
	return 0
}

// caselessPerson reads a given name (or initials), more given names or
// particles, and one surname: "ALEXANDER LUKASHENKO", "A. G. LUKASHENKO".
func (x *extractor) caselessPerson(si, i int32) int32 {
	s := &x.sents[si]
	j := i + 1
	for j+1 < s.b && (x.startsPerson(j) || x.lexe[j].flags&lxGiven != 0 || x.lexe[j].flags&lxParticle != 0) && x.plainWordOrGiven(j+1) {
		j++
	}
	if j >= s.b || !x.plainWordOrGiven(j) || x.toks[j].has(tfInitial) {
		return 0
	}
	x.record(chunk{sent: si, a: i, b: j + 1, typ: Person, evidence: evGiven, roleA: -1, roleB: -1})
	return j + 1 - i
}

func (x *extractor) plainWordOrGiven(i int32) bool {
	return x.plainWord(i) || (x.toks[i].kind == tkWord && x.lexe[i].flags&lxGiven != 0)
}

// caselessOrg reads an organisation or place around a trigger word: up to
// three words before it and an "of"/"for"/"in" tail after it.
func (x *extractor) caselessOrg(si, i int32) int32 {
	s := &x.sents[si]
	a := i
	for a > s.a && i-a < 3 && x.owner[a-1] < 0 && x.toks[a-1].kind == tkWord && x.lexe[a-1].flags&(lxStop|lxTitle) == 0 {
		a--
	}
	b := i + 1
	for b+1 < s.b {
		w := string(x.folded(b))
		if w != "of" && w != "for" && w != "in" {
			break
		}
		k := b + 1
		if string(x.folded(k)) == "the" {
			k++
		}
		e := k
		for e < s.b && e-k < 3 && x.toks[e].kind == tkWord && x.lexe[e].flags&lxStop == 0 {
			e++
		}
		if e == k {
			break
		}
		b = e
	}
	if a == i && b == i+1 {
		return 0
	}
	typ := Org
	if x.lexe[i].flags&lxOrgTrig == 0 {
		typ = Place
	}
	x.record(chunk{sent: si, a: a, b: b, typ: typ, roleA: -1, roleB: -1})
	return b - i
}

// mentions turns the typed chunks into mentions.
func (x *extractor) mentions() []Mention {
	out := make([]Mention, 0, len(x.chunks))
	for _, c := range x.chunks {
		if c.typ == "" {
			continue
		}
		s := &x.sents[c.sent]
		sent := x.a.Sentences[s.idx]
		i, j := int(x.toks[c.a].s), int(x.toks[c.b-1].e)
		m := Mention{
			Text:     s.text[i:j],
			Type:     c.typ,
			Article:  x.a.ID,
			Sentence: s.idx,
			Span:     sent.SpanIn(x.a.ID, i, j),
		}
		if c.roleA >= 0 {
			m.Role = s.text[x.toks[c.roleA].s:x.toks[c.roleB-1].e]
		}
		out = append(out, m)
	}
	return out
}

// isLowerWord reports whether token k is a lower-case word w.
func (x *extractor) isLowerWord(k int32, w string) bool {
	return x.toks[k].kind == tkWord && string(x.folded(k)) == w
}
