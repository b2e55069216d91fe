package brief

import "strings"

// framingWords is vocabulary that carries a stance in news writing: the
// legal standing given to people (pardoned, convicted, political
// prisoners), labels for actors (regime, authorities, militants), for acts
// (crackdown, invasion, exchange, deal) and words that judge legitimacy.
// Such a word may be a framing term on the strength of one article, and is
// preferred to ordinary vocabulary. Entries are compared as stems.
var framingWords = stemSet(`
amnesty pardon pardoned pardoning clemency leniency mercy
convicted conviction convict prisoner detainee hostage captive inmate
jailed imprisoned imprisonment detention detained abducted kidnapped
criminal crime offender terrorism terrorist extremism extremist espionage spy spying traitor treason
bandit thug militant insurgent rebel separatist guerrilla mercenary radical fighter
dissident activist regime dictator dictatorship autocrat autocratic authoritarian strongman junta
tyrant puppet despot authorities administration government leader
illegitimate legitimate legitimacy rigged fraudulent disputed contested sham fraud
crackdown repression repressive persecution persecuted oppression purge deportation deported
exile exiled expelled banished freed liberated liberation rescued
exchange swap deal concession bargain ransom gesture goodwill humanitarian
victory win triumph defeat capitulation surrender achievement
occupation occupied invasion invaded aggression annexation annexed
massacre genocide atrocity slaughter martyr victim civilian
riot rioter protester demonstrator unrest mob uprising revolution coup
provocation propaganda disinformation hoax alleged allegedly
brutal violent peaceful illegal unlawful lawful
punishment pressure thaw rapprochement normalise normalize diplomatic overture engagement appeasement
migrant immigrant refugee asylum undocumented alien political
`)

// genericWords are common words that fill any story and frame none, and
// the words of attribution ("the press service said"): a difference in
// their use is one of style, length or sourcing, not of stance.
var genericWords = stemSet(`
part parts way ways time times thing things lot lots kind sort place point fact case end side
step steps course number level area matter effort efforts role result results
make makes made making take takes took taken taking give gives gave given giving come comes came
coming go goes went gone going get gets got getting put puts set sets seem seems seemed show shows
showed shown use uses used using well able
several various certain different whole entire
first second third last next previous recent recently former latter
large larger largest small smaller big bigger biggest major key main
good better best bad worse worst great greater greatest high higher highest low lower
press service office spokesman spokeswoman spokesperson statement agency news channel source
`)

// danglingFirst are first words that lean on an earlier sentence: a
// pronoun, a demonstrative or a connective. A sentence starting with one
// reads badly out of its article.
var danglingFirst = setOf(`he she it they him her them his its their this these those that such
however but and or nor so yet still also meanwhile moreover furthermore additionally
nevertheless nonetheless instead thus therefore hence besides likewise similarly otherwise
indeed later earlier afterwards subsequently consequently accordingly then
`)

// danglingOpeners are connective phrases that open a sentence leaning on
// the one before.
var danglingOpeners = []string{
	"in addition", "as a result", "in turn", "on the other hand", "by contrast", "in contrast",
	"in response", "for his part", "for her part", "for their part", "at the same time",
	"even so", "after that", "apart from that",
}

// anaphoric words in a short opening clause ("According to her,", "Since
// then,", "Among others,") tie a sentence to its context.
var anaphoric = setOf(`he she it they him her them his its their this these those then same other
others such latter former`)

// stemSet is setOf for words compared by their stems.
func stemSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[stem(w)] = true
	}
	return m
}

// dangling reports whether the sentence s, of words ws, leans on what came
// before it in its article: it opens with a pronoun or a connective, or
// with a short clause that refers back.
func dangling(s string, ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	if danglingFirst[ws[0]] {
		return true
	}
	head := strings.Join(ws[:min(len(ws), 5)], " ")
	for _, p := range danglingOpeners {
		if strings.HasPrefix(head, p+" ") || head == p {
			return true
		}
	}
	// The opening clause, up to the first comma, when it is short.
	i := strings.IndexAny(s, ",;:")
	if i < 0 {
		return false
	}
	clause := words(s[:i])
	if len(clause) > 6 {
		return false
	}
	for _, w := range clause {
		if anaphoric[w] {
			return true
		}
	}
	return false
}
