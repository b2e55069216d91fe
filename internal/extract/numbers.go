package extract

import (
	"strconv"
	"strings"
)

// numbers finds the counted numbers of every sentence. Dates must have been
// found first: their tokens are skipped.
func (d *doc) numbers() []Number {
	var out []Number
	for si := range d.sents {
		st := &d.sents[si]
		for i := 0; i < len(st.toks); i++ {
			if t := &st.toks[i]; st.has(i, fDate) || t.kind == word && t.lx&lxNum == 0 || t.kind == punct && currencySymbols[t.text] == "" {
				continue
			}
			n, b, ok := d.numberAt(st, i)
			if !ok {
				continue
			}
			out = append(out, n)
			i = b - 1
		}
	}
	return out
}

// parseDigits reads a written number such as "1,227", "1.5", "1.234,5" or
// "1.5e6"; see the package comment for how separators are read. note
// describes an ambiguity worth recording.
func parseDigits(s string, euro bool) (v float64, note string, ok bool) {
	if len(s) > 24 {
		return 0, "", false
	}
	if strings.ContainsAny(s, "eE") {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		return v, "", err == nil
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var b strings.Builder
	grouped := func(sep byte) bool {
		parts := strings.Split(s, string(sep))
		if len(parts[0]) > 3 {
			return false
		}
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return false
			}
		}
		return true
	}
	switch {
	case dots == 0 && commas == 0:
		b.WriteString(s)
	case dots > 0 && commas > 0:
		// The last mark is the decimal point.
		dec := byte('.')
		if strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.') {
			dec = ','
		}
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == dec:
				b.WriteByte('.')
			case c == '.' || c == ',':
			default:
				b.WriteByte(c)
			}
		}
	case commas > 0:
		switch {
		case grouped(','):
			b.WriteString(strings.ReplaceAll(s, ",", ""))
		case euro && commas == 1:
			b.WriteString(strings.Replace(s, ",", ".", 1))
		default:
			return 0, "", false
		}
	default: // dots only
		switch {
		case dots > 1 && grouped('.'):
			b.WriteString(strings.ReplaceAll(s, ".", ""))
		case dots > 1:
			return 0, "", false
		case euro && grouped('.'):
			b.WriteString(strings.ReplaceAll(s, ".", ""))
		default:
			if grouped('.') {
				note = "read as a decimal; some languages write " + s + " for " + strings.ReplaceAll(s, ".", "")
			}
			b.WriteString(s)
		}
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	return v, note, err == nil
}

// labels come before a number that names rather than counts: "No. 5",
// "Article 15", "Penal Colony 2".
var streets = set("street st avenue ave road rd boulevard blvd lane ln drive dr place pl way court ct square highway")

var labels = set("no number article chapter section paragraph resolution room page flight route line building part item version episode season vol volume grade level category code bus platform gate apartment block unit cell colony district school squad regiment camp model type stage phase round week")

// skipNumber reports whether the digits at toks[i] name rather than count,
// or belong to a time, a fraction, a list mark or a code.
func skipNumber(st *sent, i int) bool {
	toks := st.toks
	t := toks[i]
	if attached(toks, i) && toks[i-1].kind == word {
		return true // "Ok16" splits only when the letters are not glued
	}
	if !t.sp && i > 0 {
		p := toks[i-1]
		if p.text == "#" || p.text == "№" || p.text == "-" && !p.sp && i >= 2 && toks[i-2].kind == word {
			return true // "#5", "COVID-19", "Su-25"
		}
	}
	if isPunct(toks, i+1, ":", "/", "-", "–") && i+2 < len(toks) && toks[i+2].kind == num && !toks[i+1].sp && !toks[i+2].sp {
		return true // 10:30, 3/4, a score of 6-3
	}
	if isPunct(toks, i-1, ":", "/", "-", "–") && !toks[i].sp && i >= 2 && toks[i-2].kind == num {
		return true
	}
	if is(toks, i+1, "a.m", "p.m", "am", "pm", "gmt", "utc", "cet", "est", "edt", "pst", "bst", "msk", "o'clock") {
		return true // a time of day
	}
	if i == 0 && isPunct(toks, 1, ".", ")") && len(toks) > 2 {
		return true // a list mark
	}
	if i > 0 && labels[toks[i-1].low] && (toks[i-1].upper || is(toks, i-1, "no")) {
		return true
	}
	if i > 0 && toks[i-1].kind == word && isAcronym(toks[i-1].text) && !currencyCodes[toks[i-1].low] && toks[i-1].text != "US" {
		return true // a model name: "LC 500", "Boeing 737" is not caught
	}
	// A street address: "2134 Caldwell Place".
	for k := i + 1; k < len(toks) && k <= i+3 && nameWord(toks, k); k++ {
		if streets[toks[k].low] {
			return true
		}
	}
	if is(toks, i-1, "no") && isPunct(toks, i-1, ".") {
		return true
	}
	if i >= 2 && isPunct(toks, i-1, ".") && is(toks, i-2, "no") {
		return true
	}
	if len(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, t.digits())) > 15 {
		return true // a phone number or an identifier
	}
	switch t.suffix() {
	case "", "bn", "mn", "mln", "tn", "trn":
		return false
	}
	return true // "16th", "2010s", "5km", "11am"
}

// wordNumber reads a number written in words from toks[i]: "nine",
// "twenty-five", "two hundred and fifty", "three million".
func wordNumber(toks []token, i int) (float64, int) {
	total, cur := 0.0, 0.0
	j := i
	seen := false
	for j < len(toks) && toks[j].kind == word {
		l := toks[j].low
		if v, ok := smallNumbers[l]; ok {
			cur += float64(v)
		} else if v, ok := tens[l]; ok {
			cur += float64(v)
			if isPunct(toks, j+1, "-") && !toks[j+1].sp && j+2 < len(toks) && !toks[j+2].sp {
				if u, ok := smallNumbers[toks[j+2].low]; ok && u < 10 {
					cur += float64(u)
					j += 2
				}
			}
		} else if l == "hundred" && seen {
			cur *= 100
		} else if m, ok := multipliers[l]; ok && seen && l != "hundred" && len(l) > 3 {
			total += cur * m
			cur = 0
		} else if l == "and" && seen && j+1 < len(toks) && (smallNumbers[toks[j+1].low] > 0 || tens[toks[j+1].low] > 0) && cur >= 100 {
			// "two hundred and fifty"
		} else {
			break
		}
		seen = true
		j++
	}
	return total + cur, j
}

// cmpBefore reads a comparator that ends just before toks[i]; it returns the
// comparator and the index where it starts.
func cmpBefore(toks []token, i int) (Comparator, int) {
	w := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return toks[k].low
	}
	a, b := w(i-2), w(i-1)
	switch {
	case b == "than" && (a == "more" || a == "over"):
		if w(i-3) == "no" {
			return AtMost, i - 3
		}
		return AtLeast, i - 2
	case b == "than" && (a == "less" || a == "fewer"):
		if w(i-3) == "no" {
			return AtLeast, i - 3
		}
		return AtMost, i - 2
	case b == "least" && a == "at":
		return AtLeast, i - 2
	case b == "most" && a == "at":
		return AtMost, i - 2
	case b == "to" && a == "up":
		return AtMost, i - 2
	case b == "of" && a == "upwards":
		return AtLeast, i - 2
	case b == "to" && a == "close":
		return Approx, i - 2
	case b == "many" && a == "as":
		return AtMost, i - 2
	case b == "estimated" && a == "an":
		return Approx, i - 2
	}
	switch b {
	case "over", "above":
		// "handed over 114 people": a particle, not a bound.
		if events[a] != "" || verbs[a] || strings.HasSuffix(a, "ed") || strings.HasSuffix(a, "ing") {
			return Exact, i
		}
		return AtLeast, i - 1
	case "under", "below":
		if events[a] != "" || strings.HasSuffix(a, "ed") {
			return Exact, i
		}
		return AtMost, i - 1
	case "nearly", "almost", "about", "around", "approximately", "roughly", "some", "circa", "estimated", "approx", "~":
		return Approx, i - 1
	}
	return Exact, i
}

// numberAt reads a number starting at toks[i]. It returns the number and
// the index after its evidence.
func (d *doc) numberAt(st *sent, i int) (Number, int, bool) {
	toks := st.toks
	t := toks[i]
	n := Number{Comparator: Exact, Kind: Count}
	start, k := i, i+1
	var val float64
	currency := ""
	switch {
	case t.kind == punct && currencySymbols[t.text] != "" && i+1 < len(toks) && toks[i+1].kind == num && !toks[i+1].sp:
		if skipNumber(st, i+1) && toks[i+1].suffix() == "" {
			return n, i, false
		}
		v, note, ok := parseDigits(toks[i+1].digits(), d.euro)
		if !ok {
			return n, i, false
		}
		if sfx := toks[i+1].suffix(); sfx != "" {
			m, ok := suffixMultipliers[sfx]
			if !ok {
				return n, i, false
			}
			v *= m
		}
		currency, val, n.Note, k = currencySymbols[t.text], v, note, i+2
		if is(toks, i-1, "us") && !t.sp {
			start = i - 1
		}
	case t.kind == num:
		if skipNumber(st, i) {
			return n, i, false
		}
		v, note, ok := parseDigits(t.digits(), d.euro)
		if !ok {
			return n, i, false
		}
		if m, ok := suffixMultipliers[t.suffix()]; ok {
			v *= m
		}
		val, n.Note = v, note
	case t.kind == word:
		switch {
		case vague[t.low] > 0 && is(toks, i+1, "of"):
			val = vague[t.low]
			n.Comparator = AtLeast
			n.Note = `"` + t.low + `" read as at least ` + strconv.FormatFloat(val, 'f', -1, 64)
		case t.low == "a" || t.low == "an":
			// "a dozen", "a million": the multiplier is applied below.
			switch {
			case is(toks, i+1, "dozen"):
				val, k = 12, i+2
			case is(toks, i+1, "hundred", "thousand", "million", "billion", "trillion"):
				val = 1
			default:
				return n, i, false
			}
		case is(toks, i, "dozen") && !is(toks, i-1, "a"):
			return n, i, false
		default:
			v, e := wordNumber(toks, i)
			if e == i || v == 0 {
				return n, i, false
			}
			if v == 1 && e == i+1 && !d.countsOne(st, i) {
				return n, i, false
			}
			val, k = v, e
		}
	default:
		return n, i, false
	}
	// "400 thousand", "1.5 billion"
	if k < len(toks) && toks[k].kind == word {
		if m, ok := multipliers[toks[k].low]; ok && (toks[k-1].kind != word || toks[k].low != "hundred") {
			val *= m
			k++
		}
	}
	if c, s := cmpBefore(toks, start); c != Exact && !st.has(s, fDate) {
		n.Comparator, start = c, s
	}
	if isPunct(toks, k, "+") && !toks[k].sp {
		n.Comparator = AtLeast
		k++
	}
	if is(toks, k, "or") && is(toks, k+1, "more") {
		n.Comparator = AtLeast
		k += 2
	} else if is(toks, k, "or") && is(toks, k+1, "so") {
		n.Comparator = Approx
		k += 2
	}
	n.Value = val

	// What the number counts.
	other := false
	sentenceNoun := false
	switch {
	case currency != "":
	case isPunct(toks, k, "%"):
		n.Unit, n.Kind = "percent", Percent
		k++
	case is(toks, k, "percent", "pct"):
		n.Unit, n.Kind = "percent", Percent
		k++
	case is(toks, k, "per") && is(toks, k+1, "cent"):
		n.Unit, n.Kind = "percent", Percent
		k += 2
	case is(toks, k, "percentage") && is(toks, k+1, "points", "point"):
		n.Unit, n.Kind = "percentage points", Percent
		k += 2
	case k < len(toks) && toks[k].kind == word && (currencyWords[toks[k].low] != "" || currencyCodes[toks[k].low]):
		currency = currencyWords[toks[k].low]
		if currency == "" {
			currency = strings.ToUpper(toks[k].low)
		}
		k++
	case isPunct(toks, k, "-") && !toks[k].sp && k+1 < len(toks) && toks[k+1].kind == word && !toks[k+1].sp:
		// "an 11-year sentence", "a 43-year-old"
		w := toks[k+1].low
		if u, ok := timeUnits[w]; ok {
			n.Unit, n.Kind = u, Duration
			k += 2
			if isPunct(toks, k, "-") && is(toks, k+1, "old") && !toks[k].sp {
				n.Kind = Age
				k += 2
			} else if is(toks, k, "sentence", "term") {
				sentenceNoun = true
				k++
			} else if is(toks, k, "prison", "jail") && is(toks, k+1, "sentence", "term") {
				sentenceNoun = true
				k += 2
			}
		} else {
			n.Unit = w
			k += 2
		}
	default:
		if is(toks, k, "other", "others") {
			other = true
			if toks[k].low == "other" {
				k++
			}
		}
		if is(toks, k, "of") && (vague[t.low] > 0 || is(toks, k+1, "the", "those", "these", "them")) {
			k++
			if is(toks, k, "the", "those", "these") {
				k++
			}
		}
		if k < len(toks) && toks[k].kind == word {
			if u, ok := timeUnits[toks[k].low]; ok {
				n.Unit, n.Kind = u, Duration
				k++
				if is(toks, k, "old") {
					n.Kind = Age
					k++
				}
				break
			}
		}
		if q, h := d.nounAfter(st, k); h >= 0 {
			n.Unit = toks[h].low
			if q < h {
				n.Qualifier = st.text(q, h)
			}
			k = h + 1
		}
	}
	if currency != "" {
		n.Unit, n.Kind = currency, Money
	}
	// An age in apposition: "Kolesnikova, 43, said".
	if n.Unit == "" && t.kind == num && isPunct(toks, i-1, ",") && isPunct(toks, k, ",") && nameWord(toks, i-2) && val >= 1 && val < 120 {
		n.Unit, n.Kind = "years", Age
		n.Subject = d.personIn(st, max(i-4, 0), i-1)
	}
	if other {
		if cnt, who := d.namedBefore(st, start); cnt > 0 {
			n.Note = strings.TrimSpace(st.text(start, k) + " plus " + who)
			n.Value += float64(cnt)
		} else {
			n.Note = `"other" with no one named before it: the stated number only`
		}
	}
	if n.Kind == Duration && (sentenceNoun || is(toks, k, "in") && is(toks, k+1, "prison", "jail", "custody", "colony") || is(toks, k, "behind") && is(toks, k+1, "bars")) {
		n.Event = "sentence"
	}
	d.verbOf(st, &n, start, k)
	if sentenceNoun && n.Verb == "" {
		n.Verb = toks[k-1].low
	}
	n.Text = st.text(start, k)
	n.Sentence = st.idx
	n.Span = d.span(st, start, k)
	return n, k, true
}

// countsOne reports whether "one" at toks[i] counts something ("one
// person") rather than being a pronoun or part of an idiom ("one of the",
// "no one").
func (d *doc) countsOne(st *sent, i int) bool {
	toks := st.toks
	if is(toks, i-1, "no", "any", "every", "the", "this", "that", "each", "which", "someone") {
		return false
	}
	if !isWord(toks, i+1) {
		return false
	}
	nx := toks[i+1]
	return !nx.upper && !function[nx.low] && !verbish(toks, i+1) && !is(toks, i+1, "another", "day", "time", "thing", "way", "point", "side", "hand", "more", "last", "reason")
}

// nounAfter returns the qualifiers and the head of the noun that follows a
// number at toks[k]: for "political prisoners remain" it returns (k, k+1).
// h is -1 when no noun follows.
func (d *doc) nounAfter(st *sent, k int) (q, h int) {
	toks := st.toks
	h = -1
	for m := k; m < len(toks) && m < k+4; m++ {
		t := toks[m]
		if t.kind != word || function[t.low] || aux[t.low] || t.low == "'s" || st.has(m, fDate) || st.has(m, fQuote) != st.has(k-1, fQuote) {
			break
		}
		if strings.HasSuffix(t.low, "ly") && !t.upper && len(t.low) > 4 {
			break
		}
		if verbish(toks, m) || strings.HasSuffix(t.low, "ing") {
			// "123 jailed activists": a participle before a noun qualifies it.
			if m+1 < len(toks) && toks[m+1].kind == word && !function[toks[m+1].low] && !verbish(toks, m+1) && participle(toks, m) && m == k {
				continue
			}
			break
		}
		if t.upper && h >= 0 && !toks[h].upper {
			break // "prisoners Maria ..."
		}
		if h >= 0 && isPlural(toks[h].low) && !isPlural(t.low) {
			break // "two countries normalise": a verb follows a plural noun
		}
		h = m
	}
	if h < 0 {
		return k, -1
	}
	return k, h
}

// namedBefore counts the people named just before "and eight other" or ",
// along with 113 other" at toks[a], and returns them for the note.
func (d *doc) namedBefore(st *sent, a int) (int, string) {
	toks := st.toks
	e := -1
	switch {
	case is(toks, a-1, "with") && is(toks, a-2, "along", "together") && isPunct(toks, a-3, ","):
		e = a - 3
	case is(toks, a-1, "and") && isPunct(toks, a-2, ","):
		e = a - 2
	case is(toks, a-1, "and"):
		e = a - 1
	default:
		return 0, ""
	}
	cnt := 0
	var names []string
	m := e - 1
	for m >= 0 {
		if pronouns[toks[m].low] && (toks[m].low == "he" || toks[m].low == "she") {
			cnt++
			names = append(names, toks[m].text)
			break
		}
		s := m
		for s >= 0 && nameWord(toks, s) {
			s--
		}
		if s == m {
			break
		}
		cnt++
		names = append(names, st.text(s+1, m+1))
		m = s
		if isPunct(toks, m, ",") {
			m--
		}
		if is(toks, m, "and") {
			m--
		}
		if m >= 0 && !nameWord(toks, m) {
			break
		}
	}
	for l, r := 0, len(names)-1; l < r; l, r = l+1, r-1 {
		names[l], names[r] = names[r], names[l]
	}
	return cnt, strings.Join(names, ", ")
}

var remainPlaces = set("jail prison custody detention colonies prisons jails")

// verbOf finds the verb that the number [a, b) is the object or subject of,
// and the subject where clear. A passive after the number ("156 people were
// released") wins over a verb before it ("has released 123 prisoners"),
// which wins over a bare participle after it ("100 prisoners pardoned in
// Belarus").
func (d *doc) verbOf(st *sent, n *Number, a, b int) {
	toks := st.toks
	use := func(i, j int) {
		n.Verb = st.text(i, j)
		if ev := events[toks[i].low]; ev != "" && n.Event == "" {
			n.Event = ev
		} else if n.Event == "" {
			n.Event = toks[i].low
		}
	}
	// After the number.
	j := b
	if isPunct(toks, j, ",") {
		switch {
		case is(toks, a-1, "with") && is(toks, a-2, "along", "together"):
			// "X, along with 113 other prisoners, was handed over"
			j++
		case is(toks, j+1, "including", "among", "along", "together", "mostly", "many", "most", "all", "mainly"):
			k := j + 1
			for k < len(toks) && k < j+16 && !isPunct(toks, k, ",") {
				k++
			}
			j = k + 1
			if !isPunct(toks, k, ",") {
				j = len(toks)
			}
		}
	}
	bare := -1
	if participle(toks, b) && !aux[toks[b].low] {
		bare = b
	}
	for k := j; k < len(toks) && k < j+8; k++ {
		if isBoundary(toks[k]) {
			break
		}
		l := toks[k].low
		if l == "remain" || l == "remains" || l == "remained" {
			m := k + 1
			for adverbs[toks[min(m, len(toks)-1)].low] && m < len(toks) {
				m++
			}
			if (is(toks, m, "in", "behind")) && m+1 < len(toks) {
				e := m + 1
				if is(toks, e, "the") {
					e++
				}
				if remainPlaces[toks[min(e, len(toks)-1)].low] || is(toks, e, "bars") {
					n.Verb = st.text(k, e+1)
					n.Event = "imprisoned"
					return
				}
			}
			break
		}
		if aux[l] && l != "'s" {
			m := k + 1
			for m < len(toks) && (aux[toks[m].low] || adverbs[toks[m].low]) {
				m++
			}
			if is(toks, m, "among") && is(toks, m+1, "those") {
				m += 2
			}
			if participle(toks, m) {
				e := m + 1
				if is(toks, e, "over", "out", "up") {
					e++
				}
				use(m, e)
				return
			}
			break
		}
	}
	// Before the number.
	for k := a - 1; k >= 0 && k >= a-6; k-- {
		t := toks[k]
		if isBoundary(t) || clauseWords[t.low] || st.has(k, fQuote) != st.has(a, fQuote) {
			break
		}
		if t.kind != word {
			continue
		}
		if ev, ok := events[t.low]; ok {
			i, e := k, k+1
			if is(toks, e, "over") {
				e++
			}
			noun := t.low == "amnesty" || t.low == "clemency" || t.low == "sentence" || t.low == "release"
			if noun && k > 0 && verbish(toks, k-1) || noun && k > 0 && strings.HasSuffix(toks[k-1].low, "ing") {
				i = k - 1
			}
			n.Verb = st.text(i, e)
			if n.Event == "" {
				n.Event = ev
			}
			n.Subject = d.actor(st, i, k)
			return
		}
		if verbish(toks, k) && !aux[t.low] {
			if k >= a-3 && strings.HasSuffix(t.low, "ed") && !cueVerbs[t.low] {
				use(k, k+1)
				n.Subject = d.actor(st, k, k)
				return
			}
			break
		}
	}
	if bare >= 0 {
		use(bare, bare+1)
	}
}

// actor returns the subject of the verb at toks[v] (toks[k] is the verb or
// the event noun after it). "sentenced him to" names the person sentenced;
// an -ing verb ("granting amnesty") takes the subject of its clause.
func (d *doc) actor(st *sent, v, k int) string {
	toks := st.toks
	if is(toks, k, "sentenced", "sentence") && !aux[toks[max(v-1, 0)].low] {
		// "sentenced him to 14 years": the object is who is sentenced.
		if e := k + 1; e < len(toks) {
			f := e
			for f < len(toks) && f < e+4 && !is(toks, f, "to") {
				f++
			}
			if is(toks, f, "to") && f > e {
				return d.subjectOf(st, e, f)
			}
		}
	}
	if strings.HasSuffix(toks[v].low, "ing") {
		// Walk back to the start of the clause.
		c := v
		for c > 0 && !isBoundary(toks[c-1]) {
			c--
		}
		if a, b := st.lead[0], st.lead[1]; a >= 0 && a >= c && b <= v {
			return d.subjectOf(st, a, b)
		}
		if c > 0 {
			e := c
			for e < v && !verbish(toks, e) {
				e++
			}
			if e > c {
				return d.subjectOf(st, c, e)
			}
		}
		return d.leadSubject(st, v)
	}
	return d.subjectBefore(st, v)
}

// isPlural reports whether a noun looks plural.
func isPlural(w string) bool {
	switch w {
	case "people", "children", "men", "women", "police", "staff", "personnel", "troops":
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}
