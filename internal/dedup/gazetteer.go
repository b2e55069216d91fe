package dedup

import "strings"

// outlet is a well-known news agency or outlet.
type outlet struct {
	name    string   // the canonical name
	agency  bool     // a news agency, which "the agency" may refer to
	aliases []string // lower-case words joined by single spaces
	// forms, when set, are the only spellings that count in running text:
	// "AP" is the agency, "ap" is not.
	forms []string
}

var outlets = []outlet{
	{name: "Reuters", agency: true, aliases: []string{"reuters", "thomson reuters"}},
	{name: "AP", agency: true, aliases: []string{"ap", "associated press", "the associated press"}, forms: []string{"AP", "Associated Press", "associated press", "The Associated Press", "the Associated Press"}},
	{name: "AFP", agency: true, aliases: []string{"afp", "agence france-presse", "agence france presse", "france-presse", "france presse"}},
	{name: "RIA Novosti", agency: true, aliases: []string{"ria novosti", "ria-novosti", "ria", "ria news"}, forms: []string{"RIA Novosti", "RIA-Novosti", "RIA", "Ria Novosti", "RIA News"}},
	{name: "TASS", agency: true, aliases: []string{"tass", "itar-tass"}},
	{name: "Interfax", agency: true, aliases: []string{"interfax"}},
	{name: "Interfax-Ukraine", agency: true, aliases: []string{"interfax-ukraine"}},
	{name: "BelTA", agency: true, aliases: []string{"belta"}},
	{name: "Ukrinform", agency: true, aliases: []string{"ukrinform"}},
	{name: "UNIAN", agency: true, aliases: []string{"unian"}},
	{name: "Xinhua", agency: true, aliases: []string{"xinhua"}},
	{name: "dpa", agency: true, aliases: []string{"dpa", "deutsche presse-agentur", "deutsche presse agentur"}, forms: []string{"dpa", "DPA", "Deutsche Presse-Agentur", "Deutsche Presse Agentur"}},
	{name: "ANSA", agency: true, aliases: []string{"ansa"}, forms: []string{"ANSA"}},
	{name: "EFE", agency: true, aliases: []string{"efe"}, forms: []string{"EFE"}},
	{name: "PAP", agency: true, aliases: []string{"pap", "polish press agency"}, forms: []string{"PAP", "Polish Press Agency"}},
	{name: "Kyodo", agency: true, aliases: []string{"kyodo", "kyodo news"}},
	{name: "Yonhap", agency: true, aliases: []string{"yonhap"}},
	{name: "Anadolu", agency: true, aliases: []string{"anadolu", "anadolu agency"}},
	{name: "Bloomberg", agency: true, aliases: []string{"bloomberg", "bloomberg news"}},
	{name: "BBC", aliases: []string{"bbc", "bbc news"}},
	{name: "Al Jazeera", aliases: []string{"al jazeera", "aljazeera", "al-jazeera"}},
	{name: "CNN", aliases: []string{"cnn"}},
	{name: "The New York Times", aliases: []string{"new york times", "the new york times", "nyt"}},
	{name: "The Washington Post", aliases: []string{"washington post", "the washington post"}},
	{name: "The Guardian", aliases: []string{"the guardian"}},
	{name: "Financial Times", aliases: []string{"financial times", "the financial times"}},
	{name: "The Wall Street Journal", aliases: []string{"wall street journal", "the wall street journal", "wsj"}},
	{name: "Deutsche Welle", aliases: []string{"deutsche welle", "dw"}, forms: []string{"Deutsche Welle", "DW"}},
	{name: "Euronews", aliases: []string{"euronews"}},
	{name: "RFE/RL", aliases: []string{"rfe/rl", "radio free europe", "radio liberty", "radio svaboda", "radio free europe/radio liberty"}},
	{name: "RT", aliases: []string{"rt", "russia today"}, forms: []string{"RT", "Russia Today"}},
	{name: "Sputnik", aliases: []string{"sputnik"}},
	{name: "Lenta.ru", aliases: []string{"lenta.ru", "lenta"}},
	{name: "Kommersant", aliases: []string{"kommersant"}},
	{name: "Izvestia", aliases: []string{"izvestia", "izvestiya"}},
	{name: "RBC", aliases: []string{"rbc"}, forms: []string{"RBC"}},
	{name: "Meduza", aliases: []string{"meduza"}},
	{name: "Nasha Niva", aliases: []string{"nasha niva"}},
	{name: "Zerkalo", aliases: []string{"zerkalo", "zerkalo.io"}},
	{name: "Pul Pervogo", aliases: []string{"pul pervogo", "pool pervogo", "pul pervogo telegram channel"}},
}

// gazetteer maps each alias to its outlet.
var gazetteer = func() map[string]*outlet {
	m := make(map[string]*outlet)
	for i := range outlets {
		for _, a := range outlets[i].aliases {
			m[a] = &outlets[i]
		}
	}
	return m
}()

// aliasFirst holds the first word of every alias, so that scanning text
// for outlets looks up only the words that can start one.
var aliasFirst = func() map[string]bool {
	m := make(map[string]bool)
	for a := range gazetteer {
		first, _, _ := strings.Cut(a, " ")
		m[first] = true
	}
	return m
}()

// maxAliasWords is the most words an alias has.
const maxAliasWords = 4

// lookup returns the outlet that the written words ws name. In running text
// (strict) an alias with fixed forms must be spelled as one of them.
func lookup(ws []string, strict bool) *outlet {
	key := strings.ToLower(strings.Join(ws, " "))
	o := gazetteer[key]
	if o == nil || !strict || o.forms == nil {
		return o
	}
	written := strings.Join(ws, " ")
	for _, f := range o.forms {
		if f == written {
			return o
		}
	}
	return nil
}

// Canonical returns the normalised name of a news origin: the canonical
// name of a well-known agency or outlet ("Agence France-Presse" and
// "france-presse" give "AFP", "www.reuters.com" gives "Reuters"), or else
// the name with quotes, surrounding punctuation and a leading "the" removed.
// A name that holds a well-known one ("Reuters news agency") gives that one.
func Canonical(name string) string {
	var ws []string
	for _, w := range scan(name) {
		if w.kind == kindWord {
			ws = append(ws, w.text)
		}
	}
	if len(ws) > 1 && strings.EqualFold(ws[0], "the") && lookup(ws, false) == nil {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return ""
	}
	if o := lookup(ws, false); o != nil {
		return o.name
	}
	// "Reuters news agency", "the BBC Russian service"
	for n := min(maxAliasWords, len(ws)-1); n > 0; n-- {
		for i := 0; i+n <= len(ws); i++ {
			if o := lookup(ws[i:i+n], true); o != nil {
				return o.name
			}
		}
	}
	if len(ws) == 1 && strings.Contains(ws[0], ".") {
		host := strings.TrimPrefix(strings.ToLower(ws[0]), "www.")
		if o := gazetteer[host]; o != nil {
			return o.name
		}
		if i := strings.IndexByte(host, '.'); i > 0 {
			if o := gazetteer[host[:i]]; o != nil {
				return o.name
			}
		}
	}
	return strings.Join(ws, " ")
}

// originKey is the form in which origin names are compared.
func originKey(name string) string {
	return strings.ToLower(Canonical(name))
}
