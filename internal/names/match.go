package names

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Result is the verdict on two names.
type Result struct {
	// Same is true when the names can denote the same entity.
	Same bool
	// Partial is true when Same holds only because one name lacks parts the
	// other has: a surname alone, or initials where the other has given
	// names. "Lukashenko" fits Alexander and Viktor Lukashenko alike, so a
	// caller should attach a partial match only when exactly one candidate
	// fits.
	Partial bool
	// Score is a confidence from 0 to 1; Same does not depend on a
	// threshold on it, but it ranks candidates.
	Score float64
	// Reason names the rule that decided, e.g. "same after transliteration
	// (kalesnikava ~ kolesnikova: akanye o→a)" or "gender differs:
	// kolesnikov (m) vs kolesnikova (f)".
	Reason string
}

// Match reports whether two person names denote the same person, allowing
// for transliteration (Kalesnikava, Kolesnikova, Колесникова), diacritics,
// given-name cognates (Aliaksandr, Alexander), initials, reordering,
// misspellings and missing parts, and refusing a merge on a gendered surname
// of the other gender or a conflicting given name.
func Match(a, b string) Result {
	var na, nb name
	parse(a, &na)
	parse(b, &nb)
	return compare(&na, &nb)
}

// pairKind says why two words were paired, or why they conflict.
type pairKind uint8

const (
	pkNone pairKind = iota
	pkExact
	pkVariant
	pkCognate
	pkInitial
	pkFuzzy
	pkJoined
	pkScript          // same consonants across scripts
	pkFamily          // known given names of different families
	pkInitialConflict // an initial that does not fit
)

// tokSim compares two words.
func tokSim(x, y *token) (float64, pairKind) {
	if x.initial || y.initial {
		if initialFits(x, y) {
			return 0.8, pkInitial
		}
		return 0, pkInitialConflict
	}
	if x.raw == y.raw {
		return 1, pkExact
	}
	if x.norm == y.norm {
		return 1, pkVariant
	}
	if len(x.fam) > 0 && len(y.fam) > 0 {
		if shareFamily(x.fam, y.fam) {
			return 0.95, pkCognate
		}
		return 0, pkFamily
	}
	if feminineOf(x, y) || feminineOf(y, x) {
		return 0, pkFamily
	}
	if x.nonLatin != y.nonLatin {
		if crossScript(x, y) {
			return 0.8, pkScript
		}
		return 0, pkNone
	}
	if sim, ok := fuzzy(x, y); ok {
		return sim, pkFuzzy
	}
	return 0, pkNone
}

// crossScript compares a word in an abjad with a Latin one on their
// consonants; three are needed, as vowels are unwritten on one side.
func crossScript(x, y *token) bool {
	var ba, bb [2 * maxRunes]byte
	ka, ok1 := crossKey(ba[:0], x.norm)
	kb, ok2 := crossKey(bb[:0], y.norm)
	return ok1 && ok2 && len(ka) >= 3 && string(ka) == string(kb)
}

// feminineOf reports whether f is a feminine form of the known masculine
// given name m made by adding -a: Ivana, Stanislava, Daniela.
func feminineOf(f, m *token) bool {
	if len(m.fam) == 0 || len(f.fam) > 0 || len(f.raw) != len(m.raw)+1 || f.raw[len(f.raw)-1] != 'a' || f.raw[:len(m.raw)] != m.raw {
		return false
	}
	for _, id := range m.fam {
		if givenGender[id] != Male {
			return false
		}
	}
	return true
}

func initialFits(x, y *token) bool {
	if x.nonLatin || y.nonLatin {
		return false
	}
	if !x.initial {
		x, y = y, x
	}
	if y.initial {
		return x.raw == y.raw || strings.HasPrefix(x.raw, y.raw) || strings.HasPrefix(y.raw, x.raw)
	}
	return strings.HasPrefix(y.raw, x.raw) || strings.HasPrefix(y.norm, x.norm)
}

// fuzzy decides whether two spellings are one word misspelt: the edit
// distance allowed grows with length, and vowel-only differences get one
// more edit, since vowels are what romanisations disagree on most. Words in
// syllabic scripts (Chinese, Korean) must agree exactly: one character there
// is a whole syllable.
func fuzzy(x, y *token) (float64, bool) {
	if x.nonLatin && y.nonLatin && (syllabic(x.norm) || syllabic(y.norm)) {
		return 0, false
	}
	la, lb := encodedLen(x.norm), encodedLen(y.norm)
	if la < 2 || lb < 2 || la-lb > 2 || lb-la > 2 {
		return 0, false
	}
	// Lengths count letters as written: "Bessi" has five even if its
	// variant form has four.
	l := max(la, lb)
	lw := max(l, runeLen(x.raw), runeLen(y.raw))
	allowed := 0.5 // a dropped háček: Vučić, Vucic
	switch {
	case l >= 10:
		allowed = 2
	case lw >= 5:
		allowed = 1
	case l == 4 && (x.norm[0] == y.norm[0] || la != lb):
		allowed = 1
	}
	if allowed < 2 && lw >= 5 && x.skel == y.skel && !x.nonLatin {
		allowed = 2
	}
	if l >= 6 {
		allowed += 0.5 // room for one half edit besides the whole ones
	}
	var pa, pb [maxRunes]rune
	ra, rb := runes(pa[:], x.norm), runes(pb[:], y.norm)
	d := float64(editDistanceRunes(ra, rb))
	if d > allowed && (strings.IndexByte(x.norm, 'h') >= 0 || strings.IndexByte(y.norm, 'h') >= 0) {
		ea, eb := encodeDigraphs(pa[:], x.norm), encodeDigraphs(pb[:], y.norm)
		d = min(d, weightedDistance(ea, eb))
		ra, rb = ea, eb
	}
	if d > allowed {
		return 0, false
	}
	return (jaroWinklerRunes(ra, rb) + 1 - d/float64(l)) / 2, true
}

// encodedLen is the length of s in letters, ch, sh and zh counting one.
func encodedLen(s string) int {
	if !isASCII(s) {
		return utf8.RuneCountInString(s)
	}
	n := len(s)
	for i := 1; i < len(s); i++ {
		if s[i] == 'h' && (s[i-1] == 'c' || s[i-1] == 's' || s[i-1] == 'z') {
			n--
		}
	}
	return n
}

// syllabic reports whether the word is written in a script whose characters
// are syllables or morphemes.
func syllabic(s string) bool {
	for _, c := range s {
		if c >= 0x1100 && (unicode.Is(unicode.Han, c) || unicode.Is(unicode.Hangul, c) ||
			unicode.Is(unicode.Hiragana, c) || unicode.Is(unicode.Katakana, c) || unicode.Is(unicode.Yi, c)) {
			return true
		}
	}
	return false
}

// alignment pairs the compared words of two names.
type alignment struct {
	a, b   *name
	ia, ib []int            // significant word indices
	pa, pb [maxTok]int      // partner index into the other name, -1 if none
	ka     [maxTok]pairKind // kind of the pair of a word of a
	sa     [maxTok]float64  // similarity of the pair of a word of a
	kindAB [maxTok][maxTok]pairKind
}

func compare(a, b *name) Result {
	if a.n == 0 || b.n == 0 {
		if a.n == 0 && b.n == 0 {
			return Result{Reason: "empty names"}
		}
		return Result{Reason: "empty name"}
	}
	var bufA, bufB [maxTok]int
	al := alignment{a: a, b: b, ia: a.significant(bufA[:0]), ib: b.significant(bufB[:0])}
	if r, ok := joinedMatch(a, b, al.ia, al.ib); ok {
		return r
	}
	al.align()
	return al.decide()
}

// joinedMatch catches "SergeiLavrov" against "Sergei Lavrov": one side is a
// single word that spells the other's words run together.
func joinedMatch(a, b *name, ia, ib []int) (Result, bool) {
	if len(ia) != 1 && len(ib) != 1 || len(ia) == len(ib) {
		return Result{}, false
	}
	if len(ia) == 1 {
		a, b, ia, ib = b, a, ib, ia
	}
	single := &b.toks[ib[0]]
	var buf [4 * maxRunes]byte
	joined := buf[:0]
	for _, i := range ia {
		joined = append(joined, a.toks[i].norm...)
	}
	if len(joined) < 6 || len(joined) > maxRunes || single.nonLatin {
		return Result{}, false
	}
	j := string(joined)
	d := editDistance(j, single.norm)
	if d > len(j)/10 {
		return Result{}, false
	}
	last := &a.toks[ia[len(ia)-1]]
	if g1, g2 := genderOf(single.raw), last.gender; g1 != Unknown && g2 != Unknown && g1 != g2 {
		return Result{}, false
	}
	return Result{Same: true, Score: 0.9 - 0.05*float64(d), Reason: "same when spaces are ignored (" + single.raw + ")"}, true
}

func (al *alignment) align() {
	a, b := al.a, al.b
	for i := range al.pa {
		al.pa[i], al.pb[i] = -1, -1
	}
	type cand struct {
		i, j  uint8
		dist  uint8
		score float32
	}
	var cands [maxTok * maxTok]cand
	nc := 0
	for x, i := range al.ia {
		for y, j := range al.ib {
			s, k := tokSim(&a.toks[i], &b.toks[j])
			al.kindAB[i][j] = k
			if k >= pkExact && k <= pkScript {
				// Prefer pairs in the same relative position, so that
				// repeated words pair in order.
				d := x*len(al.ib) - y*len(al.ia)
				if d < 0 {
					d = -d
				}
				cands[nc] = cand{uint8(i), uint8(j), uint8(d), float32(s)}
				nc++
			}
		}
	}
	// Insertion sort: at most maxTok² candidates, usually a handful.
	for x := 1; x < nc; x++ {
		c := cands[x]
		y := x - 1
		for y >= 0 && (cands[y].score < c.score || cands[y].score == c.score && cands[y].dist > c.dist) {
			cands[y+1] = cands[y]
			y--
		}
		cands[y+1] = c
	}
	for _, c := range cands[:nc] {
		if al.pa[c.i] >= 0 || al.pb[c.j] >= 0 {
			continue
		}
		al.pa[c.i], al.pb[c.j] = int(c.j), int(c.i)
		al.ka[c.i], al.sa[c.i] = al.kindAB[c.i][c.j], float64(c.score)
	}
	al.joinRuns(false)
	al.joinRuns(true)
}

// joinRuns pairs a free word of one name with a run of two or three free
// words of the other that spell it ("Patr ushev", "Mohammad Hasni").
func (al *alignment) joinRuns(flip bool) {
	xs, ys := al.ia, al.ib
	xn, yn := al.a, al.b
	px, py := &al.pa, &al.pb
	if flip {
		xs, ys, xn, yn, px, py = ys, xs, yn, xn, py, px
	}
	for _, j := range ys {
		if py[j] >= 0 {
			continue
		}
		target := yn.toks[j].norm
		if len(target) < 5 || yn.toks[j].nonLatin {
			continue
		}
		for s := 0; s < len(xs); s++ {
			var buf [4 * maxRunes]byte
			joined := buf[:0]
			for k := s; k < len(xs) && k < s+3; k++ {
				i := xs[k]
				if px[i] >= 0 || xn.toks[i].nonLatin {
					break
				}
				joined = append(joined, xn.toks[i].norm...)
				if k == s || len(joined) > maxRunes {
					continue
				}
				if len(joined) < len(target)-1 || len(joined) > len(target)+1 {
					continue
				}
				if editDistance(string(joined), target) <= len(target)/8 {
					for m := s; m <= k; m++ {
						px[xs[m]] = j
					}
					py[j] = xs[s]
					if flip {
						al.ka[j], al.sa[j] = pkJoined, 0.9
					} else {
						for m := s; m <= k; m++ {
							al.ka[xs[m]], al.sa[xs[m]] = pkJoined, 0.9
						}
					}
					goto next
				}
			}
		}
	next:
	}
}

// decide turns the alignment into a verdict.
func (al *alignment) decide() Result {
	a, b := al.a, al.b
	var freeA, freeB [maxTok]int
	fa, fb := freeA[:0], freeB[:0]
	for _, i := range al.ia {
		if al.pa[i] < 0 {
			fa = append(fa, i)
		}
	}
	for _, j := range al.ib {
		if al.pb[j] < 0 {
			fb = append(fb, j)
		}
	}
	score := al.score()

	// Words left over on both sides: the names disagree.
	if len(fa) > 0 && len(fb) > 0 {
		return Result{Score: differ(score), Reason: al.disagreement(fa, fb)}
	}

	// Gendered surnames: Kolesnikov is not Kolesnikova.
	for _, i := range al.ia {
		j := al.pa[i]
		if j < 0 || al.ka[i] == pkInitial || al.ka[i] == pkJoined {
			continue
		}
		x, y := &a.toks[i], &b.toks[j]
		if x.gender != Unknown && y.gender != Unknown && x.gender != y.gender {
			return Result{Score: differ(score), Reason: "gender differs: " + x.raw + " (" + x.gender.String() + ") vs " + y.raw + " (" + y.gender.String() + ")"}
		}
		if len(x.fam) == 0 && len(y.fam) == 0 && x.raw != y.raw {
			if m, f, ok := genderedPair(x.raw, y.raw); ok {
				return Result{Score: differ(score), Reason: "gender differs: " + m + " (m) vs " + f + " (f)"}
			}
		}
	}
	if ga, gb := a.gender(), b.gender(); ga != Unknown && gb != Unknown && ga != gb {
		return Result{Score: differ(score), Reason: "gender differs: " + a.display() + " (" + ga.String() + ") vs " + b.display() + " (" + gb.String() + ")"}
	}
	if a.gen != "" && b.gen != "" && a.gen != b.gen {
		return Result{Score: differ(score), Reason: "generation differs: " + a.gen + " vs " + b.gen}
	}
	// Middle initials given on both sides must be the same ones: George
	// W. Bush is not George H. W. Bush.
	if extraInitial(a, al.ia, &al.pa) && hasMiddleInitial(b, al.ib) || extraInitial(b, al.ib, &al.pb) && hasMiddleInitial(a, al.ia) {
		return Result{Score: differ(score), Reason: "middle initials differ"}
	}

	// The father's name (after bin, ibn) must stay the father's name.
	hasFatherA, hasFatherB := false, false
	for _, i := range al.ia {
		hasFatherA = hasFatherA || a.toks[i].father
	}
	for _, j := range al.ib {
		hasFatherB = hasFatherB || b.toks[j].father
	}
	if hasFatherA && hasFatherB {
		for _, i := range al.ia {
			j := al.pa[i]
			if j >= 0 && a.toks[i].father != b.toks[j].father {
				return Result{Score: differ(score), Reason: "patronymic order differs: " + a.toks[i].raw}
			}
		}
	}

	// Which name is the shorter one, all of whose words are matched?
	s, l := a, b
	ps, pl := &al.pa, &al.pb
	is, il := al.ia, al.ib
	if len(fa) > 0 {
		s, l, ps, pl, is, il = b, a, &al.pb, &al.pa, al.ib, al.ia
	}
	extra := len(fa) + len(fb)

	words := 0
	for _, i := range al.ia {
		if al.pa[i] >= 0 && al.ka[i] != pkInitial {
			words++
		}
	}
	if words == 0 {
		if extra == 0 && sameInitials(a, b, al.ia, al.ib) {
			return Result{Same: true, Partial: true, Score: 0.5, Reason: "partial: same initials only"}
		}
		return Result{Score: differ(score), Reason: "only initials in common"}
	}

	sa, la := s.anchor, l.anchor
	partner := ps[sa]
	// Names with bin/ibn carry their order in the particles, checked above.
	if partner >= 0 && partner != la && !s.toks[sa].father && (la < 0 || !l.toks[la].father) {
		anchorMatched := la >= 0 && pl[la] >= 0
		switch {
		case anchorMatched && len(s.toks[sa].fam) > 0 && len(l.toks[la].fam) > 0:
			// Both "surnames" are given names too: "Friedrich Hans" is
			// not "Hans Friedrich".
			return Result{Score: differ(score), Reason: "order differs: " + s.toks[sa].raw + " vs " + l.toks[la].raw}
		case !anchorMatched && len(is) == 1:
			return Result{Score: differ(score), Reason: "only a given name in common: " + s.toks[sa].raw}
		}
	}

	r := Result{Same: true, Score: 0.5 + score/2}
	var reason strings.Builder
	reason.Grow(96)
	switch {
	case extra > 0 && len(is) == 1:
		r.Partial = true
		reason.WriteString("partial: surname only; ")
	case hasOnlyInitials(a, al.ia, a.anchor) && hasGivenWords(b, al.ib, b.anchor),
		hasOnlyInitials(b, al.ib, b.anchor) && hasGivenWords(a, al.ia, a.anchor):
		r.Partial = true
		reason.WriteString("partial: initials only; ")
	case a.gen != b.gen:
		// Robert F. Kennedy may be the father of Robert F. Kennedy Jr.
		r.Partial = true
		reason.WriteString("partial: generation suffix on one side only; ")
	}
	al.explain(&reason)
	if extra > 0 {
		reason.WriteString("; extra words: ")
		first := true
		for _, i := range il {
			if pl[i] < 0 {
				if !first {
					reason.WriteByte(' ')
				}
				reason.WriteString(l.toks[i].raw)
				first = false
			}
		}
	}
	if r.Partial && r.Score > 0.75 {
		r.Score = 0.75
	}
	r.Reason = reason.String()
	return r
}

// extraInitial reports whether n has an initial left unmatched.
func extraInitial(n *name, idx []int, partner *[maxTok]int) bool {
	for _, i := range idx {
		if n.toks[i].initial && partner[i] < 0 {
			return true
		}
	}
	return false
}

// hasMiddleInitial reports whether n has an initial after its first word,
// as in George W. Bush; A. Lukashenko has none.
func hasMiddleInitial(n *name, idx []int) bool {
	for k, i := range idx {
		if k > 0 && n.toks[i].initial {
			return true
		}
	}
	return false
}

// sameInitials reports whether two names are the same initials ("N. N.").
func sameInitials(a, b *name, ia, ib []int) bool {
	if len(ia) != len(ib) {
		return false
	}
	for k := range ia {
		x, y := &a.toks[ia[k]], &b.toks[ib[k]]
		if !x.initial || !y.initial || x.raw != y.raw {
			return false
		}
	}
	return true
}

// differ maps the similarity of two names judged different below 0.5.
func differ(score float64) float64 {
	return 0.49 * score
}

func hasGivenWords(n *name, idx []int, anchor int) bool {
	for _, i := range idx {
		if i != anchor && !n.toks[i].initial {
			return true
		}
	}
	return false
}

func hasOnlyInitials(n *name, idx []int, anchor int) bool {
	seen := false
	for _, i := range idx {
		if i == anchor {
			continue
		}
		if !n.toks[i].initial {
			return false
		}
		seen = true
	}
	return seen
}

// score is the mean similarity of the pairs over the longer name's words.
func (al *alignment) score() float64 {
	sum := 0.0
	for _, i := range al.ia {
		if al.pa[i] >= 0 {
			sum += al.sa[i]
		}
	}
	n := max(len(al.ia), len(al.ib))
	if n == 0 {
		return 0
	}
	s := sum / float64(n)
	if s > 1 {
		s = 1
	}
	return s
}

// disagreement explains why two names with free words on both sides differ.
func (al *alignment) disagreement(fa, fb []int) string {
	a, b := al.a, al.b
	// Prefer an explicit conflict between two free words.
	for _, i := range fa {
		for _, j := range fb {
			x, y := &a.toks[i], &b.toks[j]
			switch al.kindAB[i][j] {
			case pkFamily:
				return "given names differ: " + x.raw + " vs " + y.raw
			case pkInitialConflict:
				return "initials differ: " + x.raw + " vs " + y.raw
			}
		}
	}
	i, j := fa[0], fb[0]
	for _, x := range fa {
		if x == a.anchor {
			i = x
		}
	}
	for _, y := range fb {
		if y == b.anchor {
			j = y
		}
	}
	x, y := &a.toks[i], &b.toks[j]
	what := "names differ: "
	switch {
	case i == a.anchor && j == b.anchor:
		what = "surnames differ: "
	case i != a.anchor && j != b.anchor:
		what = "given names differ: "
	}
	return what + x.raw + " vs " + y.raw
}

// explain describes the pairs that made the names meet, surname first.
func (al *alignment) explain(w *strings.Builder) {
	a, b := al.a, al.b
	var orderBuf [maxTok]int
	order := orderBuf[:0]
	if a.anchor >= 0 && al.pa[a.anchor] >= 0 {
		order = append(order, a.anchor)
	}
	for _, i := range al.ia {
		if i != a.anchor && al.pa[i] >= 0 {
			order = append(order, i)
		}
	}
	parts := 0
	allExact := true
	for _, i := range order {
		if al.ka[i] != pkExact {
			allExact = false
		}
	}
	if allExact {
		w.WriteString("same name")
		return
	}
	for _, i := range order {
		k := al.ka[i]
		if k == pkExact || parts == 2 {
			continue
		}
		x, y := &a.toks[i], &b.toks[al.pa[i]]
		if parts > 0 {
			w.WriteString("; ")
		}
		parts++
		switch k {
		case pkVariant:
			w.WriteString("same after transliteration (")
			w.WriteString(x.raw)
			w.WriteString(" ~ ")
			w.WriteString(y.raw)
			rules := x.rules ^ y.rules
			if rules == 0 {
				rules = x.rules | y.rules
			}
			if rules != 0 {
				w.WriteString(": ")
				w.WriteString(ruleList(rules))
			}
			w.WriteByte(')')
		case pkCognate:
			w.WriteString("given-name cognates (")
			w.WriteString(x.raw)
			w.WriteString(" ~ ")
			w.WriteString(y.raw)
			w.WriteByte(')')
		case pkInitial:
			w.WriteString("initial fits (")
			w.WriteString(x.raw)
			w.WriteString(" ~ ")
			w.WriteString(y.raw)
			w.WriteByte(')')
		case pkScript:
			w.WriteString("same consonants across scripts (")
			w.WriteString(x.raw)
			w.WriteString(" ~ ")
			w.WriteString(y.raw)
			w.WriteByte(')')
		case pkJoined:
			w.WriteString("words joined or split (")
			w.WriteString(x.raw)
			w.WriteString(" ~ ")
			w.WriteString(y.raw)
			w.WriteByte(')')
		default:
			w.WriteString("close spelling (")
			w.WriteString(x.norm)
			w.WriteString(" ~ ")
			w.WriteString(y.norm)
			w.WriteString(", ")
			w.WriteString(strconv.FormatFloat(al.sa[i], 'f', 2, 64))
			w.WriteByte(')')
		}
	}
	if parts == 0 {
		w.WriteString("same name")
	}
}
