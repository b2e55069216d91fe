package extract

import "strings"

// This file finds who a sentence is about: runs of capitalised words,
// which of them name people, the subject that opens each sentence and the
// subject of a given verb. Numbers and quotes both use it.

// nameWord reports whether toks[i] can be part of a proper name.
func nameWord(toks []token, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	t := &toks[i]
	if t.kind != word || !t.upper || t.lx&lxNotName != 0 || t.low == "'s" {
		return false
	}
	if t.lx&lxMonth != 0 {
		// "Jan Bos" is a name; "Jan. 5", "in June" and "May 2020" are dates.
		n := i + 1
		if isPunct(toks, n, ".") {
			n++
		}
		if n < len(toks) && toks[n].kind == num || i > 0 && dateLeads[toks[i-1].low] || n >= len(toks) || toks[n].kind == punct {
			return false
		}
	}
	return true
}

// capRun returns the end of the run of capitalised words that starts at i,
// or i when none starts there. "of" and "for the" join runs ("Ministry of
// Foreign Affairs"), and so does a hyphen between two glued words
// ("France-Presse").
func capRun(toks []token, i int) int {
	if !nameWord(toks, i) {
		return i
	}
	j := i + 1
	for j < len(toks) {
		switch {
		case nameWord(toks, j):
			j++
		case isPunct(toks, j, "-") && !toks[j].sp && j+1 < len(toks) && !toks[j+1].sp && nameWord(toks, j+1):
			j += 2
		case is(toks, j, "of", "for"):
			k := j + 1
			if is(toks, k, "the") {
				k++
			}
			if !nameWord(toks, k) {
				return j
			}
			j = k + 1
		default:
			return j
		}
	}
	return j
}

func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// isModifier reports whether a capitalised word before a name is a title,
// a nationality or an acronym rather than part of the name.
func isModifier(t token) bool {
	if titles[t.low] || isAcronym(t.text) {
		return true
	}
	l := t.low
	return strings.HasSuffix(l, "ian") || strings.HasSuffix(l, "ish") || strings.HasSuffix(l, "ese") ||
		strings.HasSuffix(l, "ean") || l == "belarus" || l == "us" || l == "eu" || l == "un"
}

// personOfRun returns the person named by the run [i, j), or "". The part
// after the last organisation word is taken ("Belarusian Polish Union Andrzej
// Poczobut"); titles and nationalities before the name are dropped; a single
// word counts only as a known surname or after a title.
func (d *doc) personOfRun(st *sent, i, j int) string {
	if st.headline {
		return ""
	}
	toks := st.toks
	org := false
	for k := i; k < j; k++ {
		if orgWords[toks[k].low] {
			i, org = k+1, true
		}
	}
	if !org {
		// "Rosaly Lopes of NASA": the person ends before the connector.
		for k := i; k < j; k++ {
			if !toks[k].upper {
				j = k
				break
			}
		}
	}
	// "Like Instagram": a common word capitalised only because it opens the
	// sentence is not a first name.
	if i == 0 || toks[i-1].kind == punct && toks[i-1].text != "-" {
		if i < j && d.lowered[toks[i].low] {
			i++
		}
	}
	titled := false
	for i < j && isModifier(toks[i]) {
		if titles[toks[i].low] {
			titled = true
			if i+1 < j && toks[i+1].text == "." { // "Lt. Gregg Hastings"
				i++
			}
		}
		i++
	}
	if i >= j {
		return ""
	}
	for k := i; k < j; k++ {
		t := toks[k]
		if t.kind != word || !t.upper || isAcronym(t.text) || strings.ContainsRune(t.text, '.') {
			return ""
		}
	}
	if j-i == 1 {
		if full, ok := d.surnames[toks[i].text]; ok {
			return full
		}
		if titled {
			return toks[i].text
		}
		return ""
	}
	if j-i > 2 {
		i = j - 2 // first and last name: middle names and unknown titles vary
	}
	return st.text(i, j)
}

// collectSurnames maps each surname to the first full name the article gives
// it, so that "Coale" can be read as "John Coale", and notes the words the
// article capitalises inside sentences, which are proper nouns.
func (d *doc) collectSurnames() {
	for si := range d.sents {
		st := &d.sents[si]
		if st.headline {
			continue
		}
		toks := st.toks
		for i := range toks {
			t := &toks[i]
			switch {
			case t.kind != word:
			case !t.upper:
				d.lowered[t.low] = true
			case i > 0 && toks[i-1].kind == word:
				d.proper[t.text] = true
			}
		}
	}
	for si := range d.sents {
		st := &d.sents[si]
		if st.headline {
			continue
		}
		toks := st.toks
		for i := 0; i < len(toks); {
			j := capRun(toks, i)
			if j == i {
				i++
				continue
			}
			if p := d.personOfRun(st, i, j); strings.IndexByte(p, ' ') > 0 {
				last := p[strings.LastIndexByte(p, ' ')+1:]
				if _, ok := d.surnames[last]; !ok {
					d.surnames[last] = p
				}
			}
			i = j
		}
	}
}

// personIn returns the last person named in tokens [a, b) of st.
func (d *doc) personIn(st *sent, a, b int) string {
	p := ""
	for i := max(a, 0); i < b && i < len(st.toks); {
		j := capRun(st.toks, i)
		if j == i {
			i++
			continue
		}
		if j > b {
			j = b
		}
		if q := d.personOfRun(st, i, j); q != "" {
			p = q
		}
		i = j
	}
	return p
}

// verbish reports whether toks[i] looks like a verb, which ends a noun phrase.
func verbish(toks []token, i int) bool {
	if i < 0 || i >= len(toks) || toks[i].kind != word {
		return false
	}
	t := &toks[i]
	l := t.low
	if t.lx&lxVerb != 0 && (aux[l] || cueVerbs[l] || verbs[l]) {
		return l != "'s"
	}
	if t.upper {
		return false
	}
	if _, ok := events[l]; ok && t.lx&lxVerb != 0 && l != "sentence" && l != "amnesty" && l != "clemency" && l != "jail" &&
		l != "exchange" && l != "release" && l != "dead" {
		return true
	}
	return len(l) > 4 && strings.HasSuffix(l, "ed")
}

// participle reports whether toks[i] is a past participle.
func participle(toks []token, i int) bool {
	if i < 0 || i >= len(toks) || toks[i].kind != word {
		return false
	}
	l := toks[i].low
	switch l {
	case "held", "brought", "sent", "taken", "kept", "freed", "given", "left", "put", "shot",
		"found", "seen", "known", "caught", "sentenced", "handed":
		return true
	}
	return len(l) > 4 && strings.HasSuffix(l, "ed")
}

var introWords = set(`in on at among after before since during following despite additionally
however meanwhile also earlier later today yesterday according as while when until by from with for
at of amid under over last this next`)

var clauseWords = set("that which who whom whose where when while because although though if but whether")

// lead returns the token range of the noun phrase that opens st, after any
// introductory phrase ("In June, ...") and outside quotations; [-1, -1]
// when there is none.
func (d *doc) lead(st *sent) [2]int {
	toks := st.toks
	i := 0
	for tries := 0; tries < 4; tries++ {
		for i < len(toks) && (toks[i].kind == punct || st.has(i, fQuote) || is(toks, i, "and", "but", "so")) {
			i++
		}
		if i >= len(toks) {
			return [2]int{-1, -1}
		}
		t := toks[i]
		intro := introWords[t.low] || st.has(i, fDate) ||
			(t.kind == word && (strings.HasSuffix(t.low, "ly") || strings.HasSuffix(t.low, "ing")))
		if !intro {
			break
		}
		k := i + 1
		for k < len(toks) && k < i+14 && !isPunct(toks, k, ",") && !verbish(toks, k) {
			k++
		}
		if !isPunct(toks, k, ",") {
			break
		}
		i = k + 1
	}
	j := i
	for j < len(toks) && j < i+10 {
		if isBoundary(toks[j]) && !st.has(j, fTitle) || st.has(j, fQuote) || verbish(toks, j) || clauseWords[toks[j].low] {
			break
		}
		j++
	}
	if j == i {
		return [2]int{-1, -1}
	}
	return [2]int{i, j}
}

// people sets the lead and the running person of every sentence.
func (d *doc) people() {
	prev := ""
	for si := range d.sents {
		st := &d.sents[si]
		st.lead = d.lead(st)
		p := ""
		if a, b := st.lead[0], st.lead[1]; a >= 0 {
			switch {
			case b-a == 1 && is(st.toks, a, "he", "she"):
				p = prev
			default:
				p = d.personIn(st, a, b)
				// "Her sister, Tatiana Khomich, who ..."
				if p == "" && isPunct(st.toks, b, ",") {
					if e := capRun(st.toks, b+1); e > b+1 {
						p = d.personOfRun(st, b+1, e)
					}
				}
			}
		}
		if p != "" {
			prev = p
		}
		st.person = prev
	}
}

// personBefore returns the person a pronoun at token k of st refers to: the
// person that opens the sentence when it comes before k, otherwise the
// person of the sentences before.
func (d *doc) personBefore(st *sent, k int) string {
	if a, b := st.lead[0], st.lead[1]; a >= 0 && b <= k {
		if p := d.personIn(st, a, b); p != "" {
			return p
		}
	}
	if st.idx > 0 {
		return d.sents[st.idx-1].person
	}
	return ""
}

var adverbs = set("also still recently reportedly later already not now currently then previously allegedly unexpectedly eventually since")

// subjectBefore returns the subject of the verb at token k: the noun phrase
// before it, the sentence's opening subject when an appositive or a clause
// boundary stands in between, the antecedent of "who", or the person a
// pronoun refers to.
func (d *doc) subjectBefore(st *sent, k int) string {
	a, b := d.npBefore(st, k)
	if a < 0 {
		return ""
	}
	return d.subjectOf(st, a, b)
}

// leadSubject returns the opening subject of st when it comes before k.
func (d *doc) leadSubject(st *sent, k int) string {
	if a, b := st.lead[0], st.lead[1]; a >= 0 && b <= k {
		return d.subjectOf(st, a, b)
	}
	return ""
}

// subjectOf turns the noun phrase [a, b) into a subject: a person's name
// when it holds one, the person a pronoun refers to, or the phrase without
// its article.
func (d *doc) subjectOf(st *sent, a, b int) string {
	toks := st.toks
	if b-a == 1 && pronouns[toks[a].low] {
		if is(toks, a, "he", "she", "him", "her") {
			return d.personBefore(st, a)
		}
		return ""
	}
	if p := d.personIn(st, a, b); p != "" {
		return p
	}
	return st.text(trimDeterminer(toks, a, b), b)
}

func trimDeterminer(toks []token, a, b int) int {
	if a < b-1 && is(toks, a, "the", "a", "an") {
		return a + 1
	}
	return a
}
