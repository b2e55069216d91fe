package names

import "strings"

// Gender is the grammatical gender a name carries, from a surname ending
// (-ova, -skaya, -ava) or a given name.
type Gender uint8

// Genders.
const (
	Unknown Gender = iota
	Male
	Female
)

// String returns "m", "f" or "?".
func (g Gender) String() string {
	switch g {
	case Male:
		return "m"
	case Female:
		return "f"
	}
	return "?"
}

// token is one word of a person's name.
type token struct {
	raw      string // transcribed to lower-case Latin
	norm     string // variant form
	skel     string // consonants of the variant form
	rules    uint32 // rules that rewrote raw into norm
	fam      []uint16
	gender   Gender // from the ending
	initial  bool
	particle bool // al, bin, de, van…: not compared
	father   bool // follows bin, ibn, ben: the father's name
	nonLatin bool
}

// name is a parsed person name. It lives on the stack of Match.
type name struct {
	toks    [maxTok]token
	n       int
	anchor  int    // index of the surname, -1 if the name has no words
	gen     string // generational suffix: jr, sr, ii…
	title   Gender // gender of a title such as Mrs or Herr
	swapped bool   // surname written first ("Rotenberg Arkadiy")
}

// Word classes of a person's name, looked up once per word.
const (
	wTitle     uint8 = 1 << iota // in front: Mr, President
	wHonorific                   // anywhere: Haji, Sheikh
	wSuffix                      // behind: Jr, III
	wLegal                       // behind: Ltd, LLC ("Maduro SA")
	wParticle                    // al, bin, de, van: not compared
	wFather                      // bin, ibn: the father's name follows
	wLeading                     // a particle even first ("Le Pen")
)

var wordClass = map[string]uint8{}

// titleGender is the gender titles carry: "Mrs Lukashenko" is not Alexander.
var titleGender = map[string]Gender{}

func init() {
	for class, words := range map[uint8]string{
		wTitle: `mr mrs ms miss mx dr prof professor sir dame lord lady president
			presidente prasident praesident premier chancellor minister pm monsieur
			madame mme mlle herr frau signor signora senor senora dona sheikh shaikh
			sheik shaykh sayyid mullah mulla maulana mawlawi maulvi haji hajji hadji
			imam ayatollah rev reverend fr st saint gen general col colonel maj major
			capt captain lt sgt adm admiral sen senator rep gov governor judge
			justice king queen prince princess emir tsar mv`,
		wHonorific: `haji hajji hadji mullah mulla maulana mawlawi maulvi sheikh shaikh sheik shaykh sayyid`,
		wSuffix:    `jr junior sr senior ii iii iv`,
		wLegal:     `ltd llc inc sa ag gmbh plc corp co llp lp bv nv srl spa sarl oy ab`,
		wParticle: `de da di del della dei der den van von vom ter ten le la du des dos das
			do y al el ul ur ud bin ibn ben bint binti ould بن ابن بنت`,
		wFather: `bin ibn ben bint binti ould بن ابن بنت`,
		// Ben first is the given name Ben; the rest stay particles first
		// ("Le Pen", "al-Assad", "von der Leyen").
		wLeading: `bin ibn bint binti al el ul de da di del della dei der den van von vom
			ter ten le la du des dos das do`,
	} {
		for _, w := range strings.Fields(words) {
			wordClass[w] |= class
		}
	}
	for g, words := range map[Gender]string{
		Male:   `mr sir lord herr monsieur signor senor king prince emir tsar`,
		Female: `mrs ms miss dame lady frau madame mme mlle signora senora dona queen princess`,
	} {
		for _, w := range strings.Fields(words) {
			titleGender[w] = g
		}
	}
}

func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) {
			return true
		}
	}
	return false
}

// parse reads s as a person's name into n.
func parse(s string, n *name) {
	var rawBuf [maxRaw]rawTok
	raws := tokenize(s, false, rawBuf[:0])
	*n = name{anchor: -1}
	if len(raws) == 0 {
		return
	}
	allCaps := true
	for _, r := range raws {
		if !r.caps && !r.nonLatin {
			allCaps = false
		}
	}
	// "JC Juncker": capitals without a vowel in a mixed-case name are
	// initials.
	var split [maxRaw]rawTok
	ns := 0
	for _, r := range raws {
		if r.caps && !allCaps && len(r.s) >= 2 && len(r.s) <= 3 && !r.nonLatin && !hasVowel(r.s) {
			for k := 0; k < len(r.s) && ns < maxRaw; k++ {
				split[ns] = rawTok{s: r.s[k : k+1], dotted: true, caps: true, rules: r.rules}
				ns++
			}
			if ns > 0 {
				split[ns-1].comma = r.comma
			}
			continue
		}
		if ns < maxRaw {
			split[ns] = r
			ns++
		}
	}
	raws = split[:ns]

	// "Putin, Vladimir": surname first, then a comma. "Smith, Jr." and
	// "Maduro, Inc." are not reordered.
	var ordered [maxRaw]rawTok
	commaAt := -1
	for i, r := range raws {
		if r.comma && i < len(raws)-1 {
			commaAt = i
			break
		}
	}
	if commaAt >= 0 && commaAt < 4 {
		rest := raws[commaAt+1:]
		onlyAffixes := true
		for _, r := range rest {
			if wordClass[r.s]&(wSuffix|wLegal|wTitle) == 0 {
				onlyAffixes = false
			}
		}
		if !onlyAffixes {
			k := copy(ordered[:], rest)
			copy(ordered[k:], raws[:commaAt+1])
			raws = ordered[:len(raws)]
		}
	}

	// Titles in front, generational suffixes and legal forms behind;
	// religious honorifics anywhere.
	for len(raws) > 1 && wordClass[raws[0].s]&wTitle != 0 {
		if g := titleGender[raws[0].s]; g != Unknown {
			n.title = g
		}
		raws = raws[1:]
	}
	if len(raws) > 2 {
		kept := raws[:1]
		for _, r := range raws[1:] {
			if wordClass[r.s]&wHonorific == 0 {
				kept = append(kept, r)
			}
		}
		raws = kept
	}
	for len(raws) > 1 {
		last := raws[len(raws)-1].s
		class := wordClass[last]
		switch {
		case class&wSuffix != 0:
			n.gen = last
			if last == "junior" {
				n.gen = "jr"
			} else if last == "senior" {
				n.gen = "sr"
			}
		case class&wLegal != 0:
		default:
			goto done
		}
		raws = raws[:len(raws)-1]
	}
done:
	if len(raws) > maxTok {
		raws = raws[:maxTok]
	}

	// Variant forms and consonant keys of all words share two buffers.
	var normEnd, skelEnd [maxTok]int
	var narr, sarr [128]byte
	nbuf := narr[:0]
	for i, r := range raws {
		var rules uint32
		nbuf, rules = normToken(nbuf, r.s)
		normEnd[i] = len(nbuf)
		t := &n.toks[i]
		t.raw = r.s
		t.rules = r.rules | rules
		t.nonLatin = r.nonLatin
		// Initials: one letter, a dotted pair such as "Yu.", or in a name in
		// capitals a short word without a vowel (an abbreviation, "DR").
		t.initial = !r.nonLatin && (len(r.s) == 1 || r.dotted && len(r.s) <= 2 && !(len(r.s) == 2 && hasVowel(r.s) && isVowel(r.s[1])) ||
			allCaps && len(raws) > 1 && len(r.s) <= 3 && !hasVowel(r.s))
	}
	n.n = len(raws)
	norms := string(nbuf)
	sbuf := sarr[:0]
	start := 0
	for i := 0; i < n.n; i++ {
		t := &n.toks[i]
		t.norm = norms[start:normEnd[i]]
		start = normEnd[i]
		sbuf = strictSkeleton(sbuf, t.norm)
		skelEnd[i] = len(sbuf)
	}
	skels := string(sbuf)
	start = 0
	fatherNext := false
	for i := 0; i < n.n; i++ {
		t := &n.toks[i]
		t.skel = skels[start:skelEnd[i]]
		start = skelEnd[i]
		if class := wordClass[t.raw]; class&wParticle != 0 && n.n > 1 && (i > 0 || class&wLeading != 0) {
			t.particle = true
			// "bin al-Din": the article does not end the father's name.
			fatherNext = fatherNext || class&wFather != 0
			continue
		}
		t.father = fatherNext
		fatherNext = false
		if t.initial {
			continue
		}
		t.fam = families(t.norm)
		if len(t.fam) == 0 {
			t.gender = genderOf(t.raw)
		}
	}

	// The surname is the last word that is not an initial or particle...
	first, last := -1, -1
	for i := 0; i < n.n; i++ {
		t := &n.toks[i]
		if t.particle || t.initial {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if last < 0 {
		for i := n.n - 1; i >= 0; i-- {
			if !n.toks[i].particle {
				last = i
				break
			}
		}
		if last < 0 {
			last = n.n - 1
		}
		first = last
	}
	n.anchor = last
	// ...unless that is a known given name and the first word is not: then
	// the name is written surname first, as Russian officialdom does.
	if first != last && commaAt < 0 && len(n.toks[last].fam) > 0 && len(n.toks[first].fam) == 0 {
		n.anchor = first
		n.swapped = true
	}
}

// display returns the words of the name, transcribed, with a gendered
// title in front.
func (n *name) display() string {
	var b strings.Builder
	switch n.title {
	case Male:
		b.WriteString("mr")
	case Female:
		b.WriteString("mrs")
	}
	for i := 0; i < n.n; i++ {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(n.toks[i].raw)
	}
	return b.String()
}

// significant returns the indices of the words that are compared.
func (n *name) significant(buf []int) []int {
	for i := 0; i < n.n; i++ {
		if !n.toks[i].particle {
			buf = append(buf, i)
		}
	}
	return buf
}

// gender returns the gender of the name: the surname's, else the first given
// name's when its family has one, else the title's.
func (n *name) gender() Gender {
	if n.anchor < 0 {
		return Unknown
	}
	if g := n.toks[n.anchor].gender; g != Unknown {
		return g
	}
	if g := n.givenGender(); g != Unknown {
		return g
	}
	return n.title
}

// givenGender is the gender of the first given name with a known family.
func (n *name) givenGender() Gender {
	for i := 0; i < n.n; i++ {
		t := &n.toks[i]
		if i == n.anchor || t.particle || t.initial || len(t.fam) == 0 {
			continue
		}
		g := givenGender[t.fam[0]]
		for _, f := range t.fam[1:] {
			if givenGender[f] != g {
				g = Unknown
			}
		}
		return g
	}
	return Unknown
}

// Parsed is a person's name split into its parts.
type Parsed struct {
	// Given holds the given and middle names (initials as one letter), in
	// order, transcribed to lower-case Latin.
	Given []string
	// Surname is the family name, transcribed to lower-case Latin; for a
	// single word it is that word.
	Surname string
	// Gender comes from the surname ending, else from a known given name.
	Gender Gender
	// Initials is true when every given name is an initial.
	Initials bool
	// Key is the blocking key of the surname; see Key.
	Key string

	n *name
}

// Parse splits a person's name into given names and surname, handling
// "Surname, Given" order, titles, particles (al-, bin, van), initials and any
// script Match handles.
func Parse(s string) Parsed {
	n := new(name)
	parse(s, n)
	p := Parsed{n: n, Gender: n.gender()}
	if n.anchor < 0 {
		return p
	}
	p.Surname = n.toks[n.anchor].raw
	p.Key = surnameKey(n)
	p.Initials = true
	for i := 0; i < n.n; i++ {
		t := &n.toks[i]
		if i == n.anchor || t.particle {
			continue
		}
		p.Given = append(p.Given, t.raw)
		if !t.initial {
			p.Initials = false
		}
	}
	if len(p.Given) == 0 {
		p.Initials = false
	}
	return p
}

// Match compares two parsed names; it is Match(a, b) without parsing again,
// for callers that compare one name with many.
func (p Parsed) Match(q Parsed) Result {
	if p.n == nil || q.n == nil {
		return Result{Reason: "empty name"}
	}
	return compare(p.n, q.n)
}

// Key returns the blocking key of a person's surname: its consonants after
// transcription and normalisation (Kalesnikava, Kolesnikova and Колесникова
// give "klsnkv"; Lukashenko and Łukaszenka give "lksnk"). Spelling variants of
// one surname share a key, so a caller can index names by key and compare
// only within a block; gendered forms share it too, and Match tells them
// apart. The surname is the one Parse finds: a caller that also wants names
// written surname first without a comma ("Xi Jinping") should index the key
// of every word (Parse(...).Given as well). German and Polish ch for
// Russian kh (Chodorkowski) is not covered. The key is empty when the name
// has no letters.
func Key(s string) string {
	var n name
	parse(s, &n)
	return surnameKey(&n)
}

func surnameKey(n *name) string {
	if n.anchor < 0 {
		return ""
	}
	var buf [2 * maxRunes]byte
	return string(skeleton(buf[:0], n.toks[n.anchor].norm))
}
