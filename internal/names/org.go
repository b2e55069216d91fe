package names

import (
	"strconv"
	"strings"
)

// Legal-form classes. Forms of one class are one kind of company in
// different languages; forms of two different specific classes (an AG and a
// GmbH) are different companies. Generic forms (Inc, Corp, Company, Ltd)
// conflict with nothing.
const (
	formGeneric   uint8 = 1 << iota
	formStock           // AG, SA, JSC, OAO, NV, SpA, plc
	formLimited         // GmbH, LLC, OOO, SARL, SRL, BV
	formPartner         // LP, LLP, KG
	formNonProfit       // ANO, e.V.
)

// legalWords maps a legal-form word or abbreviation to its class, and
// legalLong does the same for the variant forms of the longer words, which
// get misspelt (Aktiengeselschaft); legalPhrases are spelt-out forms, as
// word sequences.
var (
	legalWords   = map[string]uint8{}
	legalLong    = map[string]uint8{}
	legalPhrases []legalPhrase
	orgStopwords = map[string]bool{}
	numberWords  = map[string]int{}
)

type legalPhrase struct {
	raw, norm []string
	class     uint8
}

func init() {
	for class, words := range map[uint8]string{
		formGeneric: `inc incorporated corp corporation co cos company companies ltd limited
			pty pte pvt bhd sdn tbk pt kk`,
		formStock: `ag akg aktiengesellschaft jsc ojsc cjsc pjsc oao zao pao ao sa sas spa
			nv plc se ab asa oyj as`,
		formLimited:   `gmbh llc ooo tov sarl srl sro bv bvba sl cv`,
		formPartner:   `lp llp kg`,
		formNonProfit: `ano ev`,
	} {
		for _, w := range strings.Fields(words) {
			legalWords[w] = class
			if len(w) >= 6 {
				v, _ := normToken(nil, w)
				legalLong[string(v)] = class
			}
		}
	}
	for _, p := range []string{
		"joint stock company", "open joint stock company", "closed joint stock company",
		"public joint stock company", "limited liability company", "public limited company",
		"limited liability partnership", "limited partnership",
		"gesellschaft mit beschrankter haftung", "societatea cu raspundere limitata",
		"obshchestvo s ogranichennoy otvetstvennostyu", "aktsionernoye obshchestvo",
		"aktsionernoe obshchestvo", "publichnoye aktsionernoye obshchestvo",
		"otkrytoye aktsionernoye obshchestvo", "zakrytoye aktsionernoye obshchestvo",
		"sociedad anonima", "societe anonyme", "societa per azioni", "naamloze vennootschap",
		"besloten vennootschap", "sociedad limitada", "societe a responsabilite limitee",
		"national association", "sp z oo", "sa de cv", "s de rl",
	} {
		lp := legalPhrase{raw: strings.Fields(p), class: phraseClassOf(p)}
		for _, w := range lp.raw {
			v, _ := normToken(nil, w)
			lp.norm = append(lp.norm, string(v))
		}
		legalPhrases = append(legalPhrases, lp)
	}
	for _, w := range strings.Fields(`the of and for de la le les du des der die das und et y e del di da`) {
		orgStopwords[w] = true
	}
	for i, w := range strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve
		thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty`) {
		numberWords[w] = i
	}
	for i, w := range strings.Fields(`thirty forty fifty sixty seventy eighty ninety`) {
		numberWords[w] = 30 + 10*i
	}
	numberWords["fourty"] = 40
	for i, w := range strings.Fields(`first second third fourth fifth sixth seventh eighth ninth tenth`) {
		numberWords[w] = i + 1
	}
}

// phraseClass returns the class of the spelt-out legal form these words
// start with, and its length.
func phraseClass(words []orgWord) (uint8, int) {
	best, bestLen := uint8(0), 0
	for _, p := range legalPhrases {
		if len(p.raw) > len(words) || len(p.raw) <= bestLen {
			continue
		}
		ok := true
		for k := range p.raw {
			w := &words[k]
			if w.raw != p.raw[k] && (len(w.raw) < 5 || w.norm != p.norm[k]) {
				ok = false
				break
			}
		}
		if ok {
			best, bestLen = p.class, len(p.raw)
		}
	}
	return best, bestLen
}

// legalClass returns the class of a single legal-form word.
func legalClass(w *orgWord) (uint8, bool) {
	if c, ok := legalWords[w.raw]; ok {
		return c, true
	}
	if len(w.raw) >= 6 {
		c, ok := legalLong[w.norm]
		return c, ok
	}
	return 0, false
}

func phraseClassOf(p string) uint8 {
	switch {
	case strings.Contains(p, "partnership"):
		return formPartner
	case strings.Contains(p, "liability") || strings.Contains(p, "haftung") ||
		strings.Contains(p, "raspundere") || strings.Contains(p, "ogranichen") ||
		strings.Contains(p, "limitada") || strings.Contains(p, "limitee") ||
		strings.Contains(p, "besloten") || p == "sp z oo" || p == "s de rl":
		return formLimited
	case p == "national association":
		return formGeneric
	}
	return formStock
}

// orgWord is one word of an organisation name.
type orgWord struct {
	raw, norm string
	number    bool
	paren     bool
	hyphen    bool // followed by a hyphen
}

// orgName is a parsed organisation name.
type orgName struct {
	words     []orgWord // compared words
	forms     uint8     // legal-form classes found
	formWords []string
	all       []orgWord // every word, stopwords included, legal forms excluded
	orig      []orgWord // every word
	core      string    // all, run together
	full      string    // every word with legal forms, run together
	hasNumber bool
}

// parseOrg reads an organisation name: capitals, punctuation, "&"/"and",
// spelt-out numbers, leading and trailing legal forms and stopwords.
func parseOrg(s string) orgName {
	var rawBuf [maxRaw]rawTok
	raws := tokenize(s, true, rawBuf[:0])
	words := make([]orgWord, 0, len(raws))
	// A.B.C. and L.L.C.: single letters with full stops are one word; the
	// V of "Fund V L.P." stays apart.
	for i := 0; i < len(raws); i++ {
		r := raws[i]
		if len(r.s) == 1 && !r.nonLatin && r.dotted {
			j := i
			var b strings.Builder
			for j < len(raws) && len(raws[j].s) == 1 && !raws[j].nonLatin && (j == i || raws[j-1].dotted) {
				b.WriteString(raws[j].s)
				j++
			}
			if j-i > 1 {
				words = append(words, orgWord{raw: b.String(), paren: r.paren})
				i = j - 1
				continue
			}
		}
		words = append(words, orgWord{raw: r.s, paren: r.paren, hyphen: r.hyphen})
	}
	// Numbers: "forty-four", "forty 4" and "44" are one number; "1st" and
	// "first" too.
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if v, ok := numberValue(w.raw); ok {
			if v >= 20 && v%10 == 0 && i+1 < len(words) {
				if u, ok := numberValue(words[i+1].raw); ok && u > 0 && u < 10 {
					v += u
					i++
				}
			}
			w.raw, w.number = strconv.Itoa(v), true
		}
		out = append(out, w)
	}
	words = out
	var buf []byte
	for i := range words {
		if words[i].number {
			words[i].norm = words[i].raw
			continue
		}
		buf, _ = normToken(buf[:0], words[i].raw)
		words[i].norm = string(buf)
	}
	// A legal word cut short at the very end ("JOINT STOCK COMPAN") is
	// read in full.
	if k := len(words) - 1; k > 0 && len(words[k].raw) >= 4 && !words[k].number {
		if _, ok := legalWords[words[k].raw]; !ok {
			full := ""
			for lw := range legalWords {
				if len(lw) > len(words[k].raw) && strings.HasPrefix(lw, words[k].raw) && (full == "" || len(lw) < len(full)) {
					full = lw
				}
			}
			if full != "" {
				words[k].raw = full
				v, _ := normToken(nil, full)
				words[k].norm = string(v)
			}
		}
	}
	var o orgName
	o.orig = words
	for _, w := range words {
		o.full += w.raw
		o.hasNumber = o.hasNumber || w.number
	}
	// Strip legal forms and stopwords at both ends, repeatedly.
	for changed := true; changed && len(words) > 1; {
		changed = false
		if c, n := phraseClass(words); n > 0 && n < len(words) {
			o.addForm(c, words[:n])
			words, changed = words[n:], true
			continue
		}
		for k := len(words) - 2; k >= 1 && k >= len(words)-5; k-- {
			if c, n := phraseClass(words[k:]); n > 0 && k+n == len(words) {
				o.addForm(c, words[k:])
				words, changed = words[:k], true
				break
			}
		}
		if changed {
			continue
		}
		if c, ok := legalClass(&words[0]); ok {
			o.addForm(c, words[:1])
			words, changed = words[1:], true
			continue
		}
		last := &words[len(words)-1]
		if c, ok := legalClass(last); ok {
			o.addForm(c, words[len(words)-1:])
			words, changed = words[:len(words)-1], true
			continue
		}
		if orgStopwords[words[0].raw] {
			words, changed = words[1:], true
		} else if orgStopwords[last.raw] {
			words, changed = words[:len(words)-1], true
		}
	}
	o.all = words
	for _, w := range words {
		o.core += w.raw
		if !orgStopwords[w.raw] {
			o.words = append(o.words, w)
		}
	}
	if len(o.words) == 0 {
		o.words = words
	}
	return o
}

func (o *orgName) addForm(c uint8, ws []orgWord) {
	o.forms |= c
	for _, w := range ws {
		o.formWords = append(o.formWords, w.raw)
	}
}

// romans are the numerals of fund and trust series (Fund IV, Trust XII).
var romans = map[string]int{}

func init() {
	for i, r := range strings.Fields(`i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx`) {
		romans[r] = i + 1
	}
}

func numberValue(s string) (int, bool) {
	if v, ok := numberWords[s]; ok {
		return v, true
	}
	if v, ok := romans[s]; ok {
		return v, true
	}
	d := s
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if len(d) > 2 && strings.HasSuffix(d, suf) {
			d = d[:len(d)-2]
			break
		}
	}
	if d == "" || len(d) > 9 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return 0, false
		}
		v = v*10 + int(d[i]-'0')
	}
	return v, true
}

// MatchOrg reports whether two organisation names denote the same
// organisation. Case, punctuation, accents, "&"/"and", leading "The",
// stopwords and legal-form words (Ltd, LLC, Inc, AG, OOO, "Joint Stock
// Company") are ignored, but two different specific legal forms (AG and GmbH)
// keep names apart; acronyms are expanded (AFP, Agence France-Presse); words
// may be misspelt by an edit per five to ten letters. Numbers, series
// numerals and qualifiers must agree: Fund IV is not Fund V.
func MatchOrg(a, b string) Result {
	oa, ob := parseOrg(a), parseOrg(b)
	specific := func(f uint8) uint8 { return f &^ formGeneric }
	if len(oa.words) == 0 || len(ob.words) == 0 {
		if len(oa.words) == 0 && len(ob.words) == 0 {
			return Result{Reason: "empty names"}
		}
		return Result{Reason: "empty name"}
	}
	if sameWords(oa.words, ob.words) {
		reason := "same name"
		if oa.forms != ob.forms {
			reason += " (legal form ignored)"
		}
		if specific(oa.forms) != 0 && specific(ob.forms) != 0 && specific(oa.forms)&specific(ob.forms) == 0 {
			return Result{Score: 0.3, Reason: "legal forms differ: " + strings.Join(oa.formWords, " ") + " vs " + strings.Join(ob.formWords, " ")}
		}
		return Result{Same: true, Score: 1, Reason: reason}
	}
	if fa, fb := specific(oa.forms), specific(ob.forms); fa != 0 && fb != 0 && fa&fb == 0 {
		return Result{Score: 0.3, Reason: "legal forms differ: " + strings.Join(oa.formWords, " ") + " vs " + strings.Join(ob.formWords, " ")}
	}
	if r, ok := acronym(&oa, &ob); ok {
		return r
	}
	if r, ok := acronym(&ob, &oa); ok {
		return r
	}
	// Words run together: "SiemensAG", "PricewaterhouseCoopers".
	if oa.full == ob.full || oa.core == ob.core ||
		len(oa.words) != len(ob.words) && !oa.hasNumber && !ob.hasNumber &&
			len(oa.core) >= 8 && len(oa.core) <= maxRunes && len(ob.core) <= maxRunes && editDistance(oa.core, ob.core) <= 1 {
		return Result{Same: true, Score: 0.9, Reason: "same when spaces are ignored (" + oa.core + " ~ " + ob.core + ")"}
	}
	n, m := len(oa.words), len(ob.words)
	if n > maxTok {
		n = maxTok
	}
	if m > maxTok {
		m = maxTok
	}
	var pa, pb [maxTok]int
	for i := range pa {
		pa[i], pb[i] = -1, -1
	}
	sum := 0.0
	exact := true
	// Greedy: exact words first, then close spellings.
	for pass := 0; pass < 2; pass++ {
		for i := 0; i < n; i++ {
			if pa[i] >= 0 {
				continue
			}
			for j := 0; j < m; j++ {
				if pb[j] >= 0 {
					continue
				}
				x, y := &oa.words[i], &ob.words[j]
				s, ok := orgWordSim(x, y, pass == 1)
				if ok {
					pa[i], pb[j] = j, i
					sum += s
					if s < 1 {
						exact = false
					}
					break
				}
			}
		}
	}
	// Acronyms and joined words among the words left over.
	sum += orgRuns(oa.words[:n], ob.words[:m], pa[:n], pb[:m])
	sum += orgRuns(ob.words[:m], oa.words[:n], pb[:m], pa[:n])
	var freeA, freeB []string
	parenOnly := true
	for i := 0; i < n; i++ {
		if pa[i] < 0 {
			freeA = append(freeA, oa.words[i].raw)
			parenOnly = parenOnly && oa.words[i].paren
		}
	}
	for j := 0; j < m; j++ {
		if pb[j] < 0 {
			freeB = append(freeB, ob.words[j].raw)
			parenOnly = parenOnly && ob.words[j].paren
		}
	}
	score := sum / float64(max(n, m))
	switch {
	case len(freeA) > 0 && len(freeB) > 0:
		return Result{Score: score / 2, Reason: "words differ: " + strings.Join(freeA, " ") + " vs " + strings.Join(freeB, " ")}
	case len(freeA)+len(freeB) > 0 && parenOnly:
		return Result{Same: true, Partial: true, Score: 0.5 + score/4, Reason: "partial: qualifier on one side only: " + strings.Join(append(freeA, freeB...), " ")}
	case len(freeA)+len(freeB) > 0:
		return Result{Score: score / 2, Reason: "extra words: " + strings.Join(append(freeA, freeB...), " ")}
	}
	reason := "same name"
	if !exact {
		reason = "close spelling"
	}
	if oa.forms != ob.forms {
		reason += " (legal form ignored)"
	}
	return Result{Same: true, Score: 0.5 + score/2, Reason: reason}
}

// orgWordSim compares two words of organisation names; fuzzy allows close
// spellings.
func orgWordSim(x, y *orgWord, fuzzyOK bool) (float64, bool) {
	if x.norm == y.norm {
		return 1, true
	}
	if x.number || y.number || !fuzzyOK {
		return 0, false
	}
	l := max(runeLen(x.norm), runeLen(y.norm))
	allowed := 0
	switch {
	case l >= 10:
		allowed = 2
	case l >= 5:
		allowed = 1
	}
	if l > maxRunes {
		return 0, false
	}
	if editDistance(x.norm, y.norm) > allowed {
		if contraction(x.raw, y.raw) || contraction(y.raw, x.raw) {
			return 0.85, true
		}
		return 0, false
	}
	return jaroWinkler(x.norm, y.norm), true
}

// contraction reports whether short is a contraction of long, as Intl is of
// International and Mfg of Manufacturing: same first and last letter, the
// rest in order.
func contraction(short, long string) bool {
	if len(short) < 3 || len(short) >= len(long) || short[0] != long[0] || short[len(short)-1] != long[len(long)-1] {
		return false
	}
	j := 1
	for i := 1; i < len(long) && j < len(short); i++ {
		if long[i] == short[j] {
			j++
		}
	}
	return j == len(short)
}

// orgRuns pairs a free short word of xs with a run of free words of ys it
// abbreviates (AFP, Agence France Presse) or spells run together (Goodwill,
// Good Will), and returns the similarity gained.
func orgRuns(xs, ys []orgWord, px, py []int) float64 {
	gained := 0.0
	for i := range xs {
		if px[i] >= 0 || xs[i].number {
			continue
		}
		w := xs[i].norm
		raw := xs[i].raw
		for s := 0; s < len(ys); s++ {
			if py[s] >= 0 {
				continue
			}
			var initials, joined strings.Builder
			for k := s; k < len(ys) && py[k] < 0 && k-s < 8; k++ {
				if ys[k].raw != "" {
					initials.WriteByte(ys[k].raw[0])
				}
				joined.WriteString(ys[k].norm)
				if k == s {
					continue
				}
				if initials.String() == raw || joined.String() == w {
					for m := s; m <= k; m++ {
						py[m] = i
					}
					px[i] = s
					gained += 0.9
					goto next
				}
			}
		}
	next:
	}
	return gained
}

func sameWords(a, b []orgWord) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].norm != b[i].norm {
			return false
		}
	}
	return true
}

// acronym matches a name of one short word against the initials of the
// other's words: with or without stopwords and legal-form words, counting
// or skipping the parts after hyphens (AFP, Agence France-Presse; OECD,
// Organisation for Economic Co-operation and Development; BBC, British
// Broadcasting Corporation).
func acronym(short, long *orgName) (Result, bool) {
	if len(short.all) != 1 || len(long.all) < 2 {
		return Result{}, false
	}
	w := short.all[0].raw
	if len(w) < 2 || len(w) > 8 || short.all[0].number || !isASCII(w) {
		return Result{}, false
	}
	for _, ws := range [][]orgWord{long.orig, long.all} {
		for variant := 0; variant < 4; variant++ {
			skipStop, skipHyphen := variant&1 == 1, variant&2 == 2
			var b [16]byte
			ini := b[:0]
			for k, x := range ws {
				if x.raw == "" || skipStop && orgStopwords[x.raw] || skipHyphen && k > 0 && ws[k-1].hyphen {
					continue
				}
				if len(ini) == len(b) {
					break
				}
				ini = append(ini, x.raw[0])
			}
			if string(ini) == w {
				return Result{Same: true, Score: 0.8, Reason: "acronym (" + w + ")"}, true
			}
		}
	}
	return Result{}, false
}
