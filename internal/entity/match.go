package entity

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/internal/names"
)

// Person names are matched by the sibling package names. This file adds
// what an organisation's name needs beyond names.MatchOrg: the gazetteer's
// aliases, and the reading of demonyms as their countries, so that "Union
// of Poles in Belarus" and "Belarusian Polish Union" are one organisation.

// orgWords returns the content words of an organisation's name, sorted, with
// demonyms and plural nationality nouns read as their country: "Union of
// Poles in Belarus" and "Belarusian Polish Union" both give belarus, poland,
// union. "Affairs" is dropped, so that "Ministry of Foreign Affairs" is the
// "Foreign Ministry".
func orgWords(name string) []string {
	words := strings.Fields(normKey(name))
	out := make([]string, 0, len(words))
	for _, w := range words {
		switch w {
		case "the", "of", "for", "in", "and", "on", "at", "a", "an", "affairs", "de", "la", "le", "du", "des":
			continue
		}
		if c, ok := lex.country[w]; ok {
			w = c
		} else if e, ok := lex.gaz[w]; ok && e.kind == gazPlace {
			w = e.canon
		}
		out = append(out, w)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// acronymOf returns the initials of the words of a name, in lower case:
// "Agence France-Presse" gives "afp". Hyphenated parts count as words.
func acronymOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(normKey(name)) {
		b.WriteByte(w[0])
	}
	return b.String()
}

// acronymKey returns the letters of a name written as an acronym ("AFP",
// "U.N."), or "" when it is not one.
func acronymKey(name string) string {
	if !isAcronym(strings.TrimSpace(name)) {
		return ""
	}
	return strings.ReplaceAll(normKey(name), " ", "")
}

// gazCanon returns the canonical gazetteer key of a name, if the gazetteer
// knows it.
func gazCanon(name string) (string, gazKind, bool) {
	k := normKey(name)
	e, ok := lex.gaz[k]
	if !ok && strings.HasPrefix(k, "the ") {
		e, ok = lex.gaz[k[4:]]
	}
	if !ok {
		return "", 0, false
	}
	return e.canon, e.kind, true
}

// matchOrg reports whether two names denote one organisation: known aliases
// in the gazetteer, names.MatchOrg (acronyms, legal forms, spelling), and
// equal content words with demonyms read as countries.
func matchOrg(a, b string) names.Result {
	ca, _, oka := gazCanon(a)
	cb, _, okb := gazCanon(b)
	if oka && okb {
		if ca == cb {
			return names.Result{Same: true, Score: 1, Reason: "known alias"}
		}
		return names.Result{Reason: "different known names"}
	}
	r := names.MatchOrg(a, b)
	if r.Same {
		return r
	}
	if acronymKey(a) == "" && acronymKey(b) == "" {
		wa, wb := orgWords(a), orgWords(b)
		if len(wa) > 1 && strings.Join(wa, " ") == strings.Join(wb, " ") {
			return names.Result{Same: true, Score: 0.9, Reason: "same content words, demonyms read as countries"}
		}
	}
	return r
}
