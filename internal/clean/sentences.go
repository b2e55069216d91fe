package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// abbreviations end in a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true,
	"jr": true, "st": true, "mt": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"hon": true, "pres": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "no": true, "nos": true, "vs": true, "v": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "dept": true, "univ": true,
	"approx": true, "est": true, "fig": true, "al": true, "cf": true, "op": true,
	"art": true, "para": true, "vol": true, "ed": true, "eds": true, "ave": true,
	"blvd": true, "rd": true, "adm": true, "gens": true, "maj": true, "cmdr": true,
	"supt": true, "messrs": true, "mme": true, "mlle": true,
}

// Sentences splits text into sentences. Paragraph breaks always end a
// sentence. Offsets count code points into text.
func Sentences(text string) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	runeBase := 0
	for _, para := range strings.SplitAfter(text, "\n") {
		for _, r := range splitParagraph(para) {
			s := para[r[0]:r[1]]
			start := runeBase + utf8.RuneCountInString(para[:r[0]])
			out = append(out, crosscheck.Sentence{Text: s, Start: start, End: start + utf8.RuneCountInString(s)})
		}
		runeBase += utf8.RuneCountInString(para)
	}
	return out
}

// splitParagraph returns the byte ranges of the sentences of one line,
// trimmed of surrounding space.
func splitParagraph(p string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		i, j := start, end
		for i < j && isSpaceByte(p[i]) {
			i++
		}
		for j > i && isSpaceByte(p[j-1]) {
			j--
		}
		if i < j {
			out = append(out, [2]int{i, j})
		}
		start = end
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Take the whole run of terminators and closing marks.
		j := i
		for j < len(p) && (p[j] == '.' || p[j] == '!' || p[j] == '?') {
			j++
		}
		run := j - i
		ellipsis := run >= 3
		for j < len(p) && (p[j] == '"' || p[j] == '\'' || p[j] == ')' || p[j] == ']') {
			j++
		}
		if j >= len(p) || !isSpaceByte(p[j]) {
			i = j - 1
			continue
		}
		k := j
		for k < len(p) && isSpaceByte(p[k]) {
			k++
		}
		if k >= len(p) {
			break
		}
		next, _ := utf8.DecodeRuneInString(p[k:])
		opens := next == '"' || next == '\'' || next == '(' || next == '['
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || opens) {
			i = j - 1
			continue
		}
		if ellipsis && !unicode.IsUpper(next) {
			i = j - 1
			continue
		}
		if c == '.' && run == 1 && !endsSentence(p[start:i]) {
			i = j - 1
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(p))
	return out
}

// endsSentence reports whether a period after the text before can end a
// sentence, judging by the word it ends.
func endsSentence(before string) bool {
	w := before
	if k := strings.LastIndexAny(w, " (\"'"); k >= 0 {
		w = w[k+1:]
	}
	if w == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	// An initial: "A. Lukashenko".
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
		return false
	}
	// Dotted abbreviations, "U.S." or "e.g.", but not "Lenta.ru.".
	if strings.Contains(w, ".") {
		short := true
		for _, seg := range strings.Split(w, ".") {
			short = short && utf8.RuneCountInString(seg) <= 2
		}
		return !short
	}
	if abbreviations[strings.ToLower(w)] {
		return false
	}
	return true
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
