package extract

import "strings"

// The word lists below are small on purpose: they cover news English about
// arrests, releases, trials, elections and diplomacy. A word missing here
// costs recall, never a crash.

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var smallNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var multipliers = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mln": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12,
}

// vague plural multipliers ("hundreds of people") give a lower bound.
var vague = map[string]float64{
	"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9,
}

// suffixMultipliers are glued to digits: "$1.5bn", "€20m". "m" and "k" only
// count with a currency, where they cannot be metres.
var suffixMultipliers = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}

var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH", "₹": "INR",
}

var currencyCodes = set("usd eur gbp jpy rub byn uah cny chf pln inr")

var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
	"pound": "GBP", "pounds": "GBP", "ruble": "RUB", "rubles": "RUB",
	"rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH",
	"yuan": "CNY", "yen": "JPY", "zloty": "PLN", "zlotys": "PLN",
}

// timeUnits map a unit word to its plural, the form a Number reports.
var timeUnits = map[string]string{
	"year": "years", "years": "years", "month": "months", "months": "months",
	"week": "weeks", "weeks": "weeks", "day": "days", "days": "days",
	"hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
	"decade": "decades", "decades": "decades",
}

// events maps verb forms (and a few nouns) to the event they report, so that
// "freed", "released" and "liberated" compare equal across outlets.
var events = map[string]string{}

func init() {
	for ev, forms := range map[string]string{
		"release":    "release released releases releasing free freed frees freeing liberate liberated liberating",
		"pardon":     "pardon pardoned pardons pardoning amnesty amnestied clemency",
		"transfer":   "transfer transferred transfers transferring hand handed hands handing brought bring bringing taken sent deported deport deporting expelled transported repatriated",
		"exchange":   "exchange exchanged exchanging swapped",
		"sentence":   "sentence sentenced sentencing serving serve serves served",
		"convict":    "convict convicted convicting",
		"imprisoned": "jailed jail imprisoned imprison held",
		"arrest":     "arrest arrested arresting detain detained detaining",
		"death":      "killed kill killing died die dead",
		"injury":     "injured wounded",
		"election":   "elected voted",
	} {
		for _, f := range strings.Fields(forms) {
			events[f] = ev
		}
	}
}

var aux = set("is are was were be been being has have had will would can could may might shall should must do does did 's")

var cueVerbs = set(`said says say saying added adds adding told tells telling stated states
noted notes wrote writes explained explains believes believed argued argues reported reports
announced announces declared declares insisted insists stressed stresses emphasized emphasised
emphasizes claimed claims continued recalled confirmed confirms commented replied responded
asked warned warns tweeted posted remarked concluded acknowledged admitted maintains maintained
thinks suggested revealed pointed summarizes summarized summarises summarised quoted cited
underlined underscored announced alleged described describes respond responds explains
recounted urged joked wondered predicted`)

// verbs are common verb forms that the -ed rule misses; they end a noun
// phrase when walking to a subject.
var verbs = set(`took take takes came come comes made make makes left leave leaves met began
begin becomes became went go goes gave give gives got gets saw see sees spoke speak speaks
brought sent kept won lost remain remains remained seek seeks sought know knows knew think
found find finds held hold holds says told wants want need needs show shows shown given
taken known seen begun done gone ran run runs led lead leads set sat stood`)

var determiners = set("the a an this that these those his her its their our my your some any each every")

// function words never belong to a counted noun.
var function = set(`of in on at to from for with by and or but nor who whom whose which that as than
the a an this these those his her its their our my your is are was were be been being has have had
will would can could may might shall should must do does did not no so if while when where after
before since until into over under about between among through during against without within
there here it they he she we i you them him us me also only just still now then`)

// prepositions may open a prepositional phrase inside a subject.
var prepositions = set("of in on at to from for with by into over under about between among through during against without within towards toward after before since until upon per via")

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "him": true, "her": true, "them": true, "i": true, "we": true, "it": true}

// leadWords open a sentence but are not names.
var leadWords = set(`the a an in on at according among after before since during this that these
those it he she they we i his her their our until as while when but and or however meanwhile also
earlier later today yesterday most many some another one following despite additionally what who
why how if there here published people`)

// titles come before names and are not part of them.
var titles = set(`president minister secretary general leader chancellor prime mr mrs ms dr sir pope
king queen prince envoy ambassador judge senator governor mayor deputy chairman spokesman
spokeswoman spokesperson rector professor commander colonel captain lieutenant sergeant major lord lady saint st gen col
lt capt sgt cpl maj adm gov sen rep det insp supt cmdr atty rev fr trooper officer chief`)

// orgWords mark a run of capitalised words as an organisation or a place,
// not a person.
var orgWords = set(`ministry union court office headquarters council bank party committee agency
department government house embassy nations states prize republic kingdom federation
organization organisation association center centre commission parliament assembly service
police army forces guard university institute foundation group company corporation times post
news press channel television radio network club front movement church city region world
european united affairs`)

// roleFits lists, for a descriptive speaker ("the diplomat"), words that a
// named source must contain to be taken as that speaker.
var roleFits = map[string][]string{
	"diplomat":     {"diplomat", "ministry of foreign affairs", "foreign ministry", "foreign minister", "embassy", "ambassador", "consul", "envoy"},
	"expert":       {"expert", "scientist", "analyst", "professor", "researcher", "economist", "scholar"},
	"analyst":      {"analyst", "expert", "scientist"},
	"agency":       {"agency", "reuters", "afp", "agence france-presse", "associated press", "tass", "ria novosti", "interfax", "belta", "xinhua", "bloomberg", "ukrinform", "efe", "dpa", "anadolu"},
	"article":      {"article", "channel", "newspaper", "outlet", "publication", "site", "report", "agency"},
	"report":       {"report", "article", "channel", "newspaper", "agency"},
	"channel":      {"channel"},
	"newspaper":    {"newspaper", "daily", "times", "post"},
	"ministry":     {"ministry"},
	"spokesperson": {"spokesperson", "spokesman", "spokeswoman", "press secretary", "representative"},
	"spokesman":    {"spokesperson", "spokesman", "press secretary", "representative"},
	"spokeswoman":  {"spokesperson", "spokeswoman", "press secretary", "representative"},
	"official":     {"official", "ministry", "representative", "spokes", "secretary", "minister", "office"},
	"politician":   {"politician", "leader", "minister", "deputy", "president"},
	"lawyer":       {"lawyer", "attorney", "counsel"},
	"activist":     {"activist", "campaigner", "dissident"},
	"envoy":        {"envoy", "ambassador"},
	"opposition":   {"opposition"},
	"regime":       {"government", "regime", "authorities", "lukashenko"},
}

// Lexical flags, looked up once per word when tokenizing so that the
// pattern code can skip most tokens with a bit test.
const (
	lxDate    uint16 = 1 << iota // may open a date
	lxNum                        // may open a number written in words
	lxNotName                    // never part of a proper name
	lxMonth
	lxVerb // an auxiliary, a cue verb, a common verb or an event verb
)

var lexFlags = map[string]uint16{}

func init() {
	add := func(f uint16, words ...string) {
		for _, w := range words {
			lexFlags[w] |= f
		}
	}
	for w := range monthNames {
		add(lxDate|lxMonth, w)
	}
	for w := range weekdayNames {
		add(lxDate|lxNotName, w)
	}
	for w := range seasons {
		add(lxDate, w)
	}
	add(lxDate, "today", "tonight", "yesterday", "tomorrow", "this", "last", "next", "the", "that",
		"a", "an", "early", "late", "mid", "earlier", "later", "end", "beginning", "start", "middle")
	for w := range smallNumbers {
		add(lxDate|lxNum, w)
	}
	for w := range tens {
		add(lxDate|lxNum, w)
	}
	for w := range vague {
		add(lxNum, w)
	}
	add(lxNum, "a", "an", "dozen")
	for _, m := range []map[string]bool{leadWords, function, aux} {
		for w := range m {
			add(lxNotName, w)
		}
	}
	for _, m := range []map[string]bool{aux, cueVerbs, verbs} {
		for w := range m {
			add(lxVerb, w)
		}
	}
	for w := range events {
		add(lxVerb, w)
	}
}
