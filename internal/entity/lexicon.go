package entity

import (
	"strings"
)

// lexFlag says what a word can be. A word can be several things at once:
// "Jordan" is a given name and a country.
type lexFlag uint32

const (
	lxFunc      lexFlag = 1 << iota // function word: never a name
	lxStop                          // common word: no name at a sentence start
	lxGivenM                        // male given name
	lxGivenF                        // female given name
	lxGivenU                        // given name of either gender
	lxTitle                         // role head: president, envoy
	lxMod                           // role modifier: special, opposition
	lxOrgTrig                       // heads an organisation: Ministry
	lxPlaceTrig                     // heads a place: Republic, Oblast
	lxMiscTrig                      // heads a prize, law or event
	lxMonth                         // month name or abbreviation
	lxWeekday                       // weekday
	lxParticle                      // de, von, al, bin
	lxOrgNoun                       // "group" in "the rights group Viasna"
	lxPlaceNoun                     // "city" in "the city of Brest"
	lxHonorific                     // Mr, Mrs
	lxGaz                           // first word of a gazetteer entry
)

const lxGiven = lxGivenM | lxGivenF | lxGivenU

// lexEntry is what the lexicon knows about one folded word.
type lexEntry struct {
	flags  lexFlag
	phrase uint8 // tokens in the longest gazetteer entry this word starts
}

// gazKind is the kind of a gazetteer entry.
type gazKind uint8

const (
	gazPlace gazKind = iota + 1
	gazOrg
	gazDemonym
	gazMisc
)

// gazEntry is one gazetteer name.
type gazEntry struct {
	kind  gazKind
	canon string // norm key of the canonical name; for a demonym, its country
}

// lexicon holds every word list, built once by buildLexicon and only read
// afterwards, so that extraction can run on many goroutines at once.
type lexicon struct {
	words    map[string]lexEntry // folded single word → flags
	gaz      map[string]gazEntry // norm key of a whole name → entry
	canon    map[string]string   // gazetteer canon key → display name
	acronyms map[string]string   // norm key of an org acronym → canon key
	country  map[string]string   // norm key of a demonym → norm key of its country
}

var lex = buildLexicon()

func buildLexicon() *lexicon {
	l := &lexicon{
		words:    make(map[string]lexEntry, 4096),
		gaz:      make(map[string]gazEntry, 2048),
		canon:    make(map[string]string, 1024),
		acronyms: make(map[string]string, 256),
		country:  make(map[string]string, 512),
	}
	words := func(list string, f lexFlag) {
		for _, w := range strings.Fields(list) {
			k := Fold(w)
			e := l.words[k]
			e.flags |= f
			l.words[k] = e
		}
	}
	words(functionWords, lxFunc|lxStop)
	words(commonWords, lxStop)
	words(titles, lxTitle)
	// Plural titles may stand in a role phrase but do not head one:
	// "Detectives Charlie Beck" is not a title of one person.
	for _, w := range strings.Fields(titles) {
		if !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, "s") {
			k := Fold(w) + "s"
			e := l.words[k]
			e.flags |= lxMod
			l.words[k] = e
		}
	}
	words(roleModifiers, lxMod)
	words(orgTriggers, lxOrgTrig)
	words(placeTriggers, lxPlaceTrig)
	words(miscTriggers, lxMiscTrig)
	words(orgNouns, lxOrgNoun)
	words(placeNouns, lxPlaceNoun)
	words(months, lxMonth)
	words(weekdays, lxWeekday)
	words(particles, lxParticle)
	words(givenMale, lxGivenM)
	words(givenFemale, lxGivenF)
	words(givenEither, lxGivenU)
	words("mr mr. mrs mrs. ms ms. miss sir dame lord", lxHonorific)

	for _, line := range strings.Split(countries, "\n") {
		fields := strings.Split(line, ";")
		name := strings.TrimSpace(fields[0])
		if name == "" {
			continue
		}
		ck := normKey(name)
		l.addGaz(name, gazPlace, ck)
		l.canon[ck] = name
		if len(fields) > 1 {
			for _, d := range strings.Split(fields[1], ",") {
				d = strings.TrimSpace(d)
				if d == "" {
					continue
				}
				l.addGaz(d, gazDemonym, ck)
				if !strings.HasSuffix(d, "s") && !strings.HasSuffix(d, "ese") &&
					!strings.HasSuffix(d, "ish") && !strings.HasSuffix(d, "ch") &&
					!strings.HasSuffix(d, "i") {
					l.addGaz(d+"s", gazDemonym, ck)
				}
				if strings.HasSuffix(d, "i") {
					l.addGaz(d+"s", gazDemonym, ck)
				}
			}
		}
		if len(fields) > 2 {
			for _, a := range strings.Split(fields[2], ",") {
				if a = strings.TrimSpace(a); a != "" {
					l.addGaz(a, gazPlace, ck)
				}
			}
		}
	}
	for _, line := range strings.Split(cities, "\n") {
		l.addLine(line, gazPlace)
	}
	for _, line := range strings.Split(organisations, "\n") {
		l.addLine(line, gazOrg)
	}
	for _, line := range strings.Split(misc, "\n") {
		for _, m := range strings.Split(line, ",") {
			if m = strings.TrimSpace(m); m != "" {
				l.addGaz(m, gazMisc, normKey(m))
			}
		}
	}
	return l
}

// addLine adds one line of a comma-separated list of names, the first of
// which is canonical.
func (l *lexicon) addLine(line string, kind gazKind) {
	names := strings.Split(line, ",")
	first := strings.TrimSpace(names[0])
	if first == "" {
		return
	}
	ck := normKey(first)
	l.canon[ck] = first
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		l.addGaz(n, kind, ck)
		if kind == gazOrg && isAcronym(n) {
			l.acronyms[normKey(n)] = ck
		}
	}
}

// addGaz records a gazetteer name and flags its first word, noting how many
// tokens long the name is so that all-caps text can be matched against it.
func (l *lexicon) addGaz(name string, kind gazKind, canon string) {
	k := normKey(name)
	if _, ok := l.gaz[k]; !ok {
		// The first definition wins: "Georgia" stays a country.
		l.gaz[k] = gazEntry{kind: kind, canon: canon}
	}
	if kind == gazDemonym {
		l.country[k] = canon
	}
	toks := tokenize(name, nil)
	if len(toks) == 0 {
		return
	}
	first := Fold(name[toks[0].s:toks[0].e])
	e := l.words[first]
	e.flags |= lxGaz
	if n := uint8(min(len(toks), 255)); n > e.phrase {
		e.phrase = n
	}
	l.words[first] = e
}

// isAcronym reports whether s is written like an acronym: AFP, U.N., RFE/RL.
func isAcronym(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
			upper++
		case r >= 'a' && r <= 'z':
			return false
		case r == '.' || r == '/' || r == '-' || r == '&' || (r >= '0' && r <= '9'):
		default:
			if r > 127 {
				return false
			}
			if r == ' ' {
				return false
			}
		}
	}
	return letters >= 2 && letters == upper
}
