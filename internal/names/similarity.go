package names

import "unicode/utf8"

// runes decodes s into buf without allocating, cut at len(buf) runes.
func runes(buf []rune, s string) []rune {
	n := 0
	if isASCII(s) {
		for i := 0; i < len(s) && n < len(buf); i++ {
			buf[n] = rune(s[i])
			n++
		}
		return buf[:n]
	}
	for _, r := range s {
		if n == len(buf) {
			break
		}
		buf[n] = r
		n++
	}
	return buf[:n]
}

func runeLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// jaroWinkler returns the Jaro-Winkler similarity of a and b, 0..1, with the
// usual prefix scale 0.1 over at most four runes.
func jaroWinkler(a, b string) float64 {
	var ba, bb [maxRunes]rune
	ra, rb := runes(ba[:], a), runes(bb[:], b)
	return jaroWinklerRunes(ra, rb)
}

func jaroWinklerRunes(ra, rb []rune) float64 {
	la, lb := len(ra), len(rb)
	if la == 0 || lb == 0 {
		if la == lb {
			return 1
		}
		return 0
	}
	window := max(la, lb)/2 - 1
	if window < 0 {
		window = 0
	}
	var ma, mb [maxRunes]bool
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-window), min(lb, i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && ra[i] == rb[j] {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i := 0; i < la; i++ {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if ra[i] != rb[k] {
			t++
		}
		k++
	}
	fm := float64(m)
	jaro := (fm/float64(la) + fm/float64(lb) + (fm-float64(t)/2)/fm) / 3
	p := 0
	for p < 4 && p < la && p < lb && ra[p] == rb[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}

// editDistance returns the optimal-string-alignment distance of a and b:
// insertions, deletions, substitutions and swaps of neighbours cost one.
func editDistance(a, b string) int {
	var ba, bb [maxRunes]rune
	return editDistanceRunes(runes(ba[:], a), runes(bb[:], b))
}

func editDistanceRunes(ra, rb []rune) int {
	la, lb := len(ra), len(rb)
	if la == 0 {
		return lb
	}
	if lb == 0 {
		return la
	}
	var r0, r1, r2 [maxRunes + 1]int
	prev2, prev, cur := r0[:lb+1], r1[:lb+1], r2[:lb+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		for j := 1; j <= lb; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// digraphBase marks the runes that stand for ch, sh and zh in encodeDigraphs:
// a private-use rune whose low byte is the letter before the h.
const digraphBase = 0xE000

// encodeDigraphs decodes the variant form s into buf with ch, sh and zh as
// one rune each, so that č against ch, or against a c whose háček was
// dropped, is one letter, not two.
func encodeDigraphs(buf []rune, s string) []rune {
	if !isASCII(s) {
		return runes(buf, s)
	}
	n := 0
	for i := 0; i < len(s) && n < len(buf); i++ {
		c := s[i]
		if (c == 'c' || c == 's' || c == 'z') && i+1 < len(s) && s[i+1] == 'h' {
			buf[n] = digraphBase + rune(c)
			i++
		} else {
			buf[n] = rune(c)
		}
		n++
	}
	return buf[:n]
}

// substCost is the cost of writing b for a: half an edit between a letter
// and its digraph (s and sh: a dropped háček) and between ch and h, one and
// a half between a digraph and another letter (two letters differ), one
// otherwise.
func substCost(a, b rune) float64 {
	switch {
	case a == b:
		return 0
	case a == digraphBase+b || b == digraphBase+a:
		return 0.5
	case a == digraphBase+'c' && b == 'h' || b == digraphBase+'c' && a == 'h':
		// German and Polish ch is Russian kh, which is h here:
		// Chodorkowski, Khodorkovsky.
		return 0.5
	case a >= digraphBase || b >= digraphBase:
		return 1.5
	}
	return 1
}

// weightedDistance is editDistanceRunes with substCost for substitutions.
func weightedDistance(ra, rb []rune) float64 {
	la, lb := len(ra), len(rb)
	if la == 0 || lb == 0 {
		return float64(la + lb)
	}
	var r0, r1, r2 [maxRunes + 1]float64
	prev2, prev, cur := r0[:lb+1], r1[:lb+1], r2[:lb+1]
	for j := range prev {
		prev[j] = float64(j)
	}
	for i := 1; i <= la; i++ {
		cur[0] = float64(i)
		for j := 1; j <= lb; j++ {
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+substCost(ra[i-1], rb[j-1]))
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}
