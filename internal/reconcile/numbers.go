package reconcile

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/extract"
)

// peopleNouns all count people: "123 prisoners", "123 people" and "123
// citizens" state one quantity.
var peopleNouns = setOf(`people persons individuals prisoners detainees inmates citizens civilians
nationals foreigners convicts activists opponents journalists protesters demonstrators members
men women children adults residents refugees migrants soldiers troops hostages captives
victims workers employees students patients passengers`)

// eventClass folds events that describe one happening: being pardoned,
// amnestied or released are the same release.
var eventClass = map[string]string{"pardon": "release", "release": "release", "exchange": "transfer"}

// participles name an event class in a fact's text.
var participles = map[string]string{
	"release": "released", "transfer": "transferred", "sentence": "sentenced", "convict": "convicted",
	"imprisoned": "held", "arrest": "arrested", "death": "killed", "injury": "injured", "election": "elected",
}

// subsetMarkers show that a number counts part of a larger group ("five
// Ukrainian citizens were among those freed") or another occasion: such a
// number never conflicts with the headline figure.
var subsetMarkers = []string{" among ", "including", " of them", " of whom", " other ", "another ", " more ", " some "}

// timeMarkers place a statement at another time than the story's main
// event.
var timeMarkers = []string{"recently", "previously", "earlier", "last year", "last month", "in recent",
	"so far", "to date", "since ", "this year", "in total", "overall", "already", "ago", "before"}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// slot names a quantity: what is counted, what happened, of whom.
type slot struct {
	kind, unit, event, qualifier, subject string
}

type numMember struct {
	member
	n extract.Number
}

// numbers aligns the numbers of all articles into facts and finds the
// conflicts among them.
func (r *run) numbers() ([]crosscheck.Fact, []crosscheck.Conflict) {
	slots := map[slot][]numMember{}
	var order []slot
	for i := range r.in.Articles {
		a := &r.in.Articles[i]
		for _, n := range a.Facts.Numbers {
			if !checkable(n) {
				continue
			}
			k := slotOf(n)
			if _, ok := slots[k]; !ok {
				order = append(order, k)
			}
			slots[k] = append(slots[k], numMember{member{a: a, unit: n.Sentence, span: n.Span, text: n.Text}, n})
		}
	}
	// A count with no verb ("eight other prisoners" plus one) joins the
	// slot of the same thing that states the same value with a verb, when
	// exactly one does.
	for _, k := range order {
		if k.event != "" {
			continue
		}
		var keep []numMember
		for _, m := range slots[k] {
			var fit []slot
			for _, o := range order {
				if o.event != "" && o.kind == k.kind && o.unit == k.unit && o.qualifier == k.qualifier && o.subject == k.subject && hasValue(slots[o], m.n.Value) {
					fit = append(fit, o)
				}
			}
			if len(fit) == 1 {
				slots[fit[0]] = append(slots[fit[0]], m)
			} else {
				keep = append(keep, m)
			}
		}
		slots[k] = keep
	}
	var facts []crosscheck.Fact
	var conflicts []crosscheck.Conflict
	for _, k := range order {
		if len(slots[k]) == 0 {
			continue
		}
		f, c := r.reconcileSlot(k, slots[k])
		facts = append(facts, f...)
		conflicts = append(conflicts, c...)
	}
	return facts, conflicts
}

func hasValue(ms []numMember, v float64) bool {
	for _, m := range ms {
		if m.n.Comparator == extract.Exact && m.n.Value == v {
			return true
		}
	}
	return false
}

// checkable keeps numbers that say what they count.
func checkable(n extract.Number) bool {
	switch n.Kind {
	case extract.Count:
		// "two countries" with nothing happening to them is not a fact;
		// "nine prisoners" is, even without a verb.
		return n.Unit != "" && (n.Event != "" || peopleNouns[strings.ToLower(n.Unit)])
	case extract.Duration, extract.Age:
		return n.Event != "" || n.Subject != ""
	}
	return true
}

func slotOf(n extract.Number) slot {
	k := slot{kind: string(n.Kind), unit: strings.ToLower(n.Unit), event: n.Event}
	if peopleNouns[k.unit] {
		k.unit = "people"
	} else {
		k.unit = strings.TrimSuffix(k.unit, "s")
	}
	if c, ok := eventClass[k.event]; ok {
		k.event = c
	}
	if q := strings.Fields(n.Qualifier); len(q) > 0 && isDemonym(q[len(q)-1]) {
		k.qualifier = strings.ToLower(q[len(q)-1])
	}
	if n.Kind == extract.Duration || n.Kind == extract.Age {
		k.subject = surname(n.Subject)
	}
	return k
}

// isDemonym reports whether a capitalised qualifier names a nationality,
// which makes a different quantity: "five Ukrainian citizens" of 123.
func isDemonym(w string) bool {
	if w == "" || strings.ToUpper(w[:1]) != w[:1] {
		return false
	}
	l := strings.ToLower(w)
	for _, suf := range []string{"ian", "ean", "ese", "ish", "an", "ic", "ch"} {
		if strings.HasSuffix(l, suf) && l != "political" {
			return true
		}
	}
	return false
}

func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(f[len(f)-1]), "'s")
}

// group is the members of a slot that state one value.
type group struct {
	value   float64
	members []numMember
	bounds  []numMember // compatible bounds: "more than 100" beside 114

	checked, isPlain bool
	occasion         string // the date all members give, if any
}

func (r *run) reconcileSlot(k slot, ms []numMember) ([]crosscheck.Fact, []crosscheck.Conflict) {
	var groups []*group
	var loose []numMember
	byValue := map[float64]*group{}
	for _, m := range ms {
		if m.n.Comparator != extract.Exact {
			loose = append(loose, m)
			continue
		}
		g := byValue[m.n.Value]
		if g == nil {
			g = &group{value: m.n.Value}
			byValue[m.n.Value] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, m)
	}
	// A bound attaches to the one exact value it fits; with none or
	// several, it stands as a fact of its own.
	for _, m := range loose {
		var fits []*group
		for _, g := range groups {
			if compatible(m.n, g.value) {
				fits = append(fits, g)
			}
		}
		if len(fits) == 1 {
			fits[0].bounds = append(fits[0].bounds, m)
			continue
		}
		groups = append(groups, &group{value: m.n.Value, members: []numMember{m}})
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].members) > len(groups[j].members) })
	facts := make([]crosscheck.Fact, len(groups))
	for i, g := range groups {
		facts[i] = r.fact(k, g)
	}
	conflicts := r.conflicts(k, groups, facts)
	return facts, conflicts
}

// compatible reports whether a bound or estimate fits an exact value.
func compatible(n extract.Number, v float64) bool {
	switch n.Comparator {
	case extract.AtLeast:
		return v >= n.Value
	case extract.AtMost:
		return v <= n.Value
	case extract.Approx:
		return math.Abs(v-n.Value) <= 0.1*math.Abs(n.Value)
	}
	return v == n.Value
}

func (r *run) fact(k slot, g *group) crosscheck.Fact {
	ms := make([]member, len(g.members))
	for i, m := range g.members {
		ms[i] = m.member
	}
	articles, outlets, origins, status, why := cite(ms, r.origins(ms))
	first := g.members[0].n
	v := g.value
	f := crosscheck.Fact{
		ID: r.provisional(), Kind: "number", Value: &v, Comparator: string(first.Comparator), Unit: commonUnit(g.members),
		Event: k.event, Subject: first.Subject, Articles: articles, Outlets: outlets,
		IndependentOrigins: len(origins), Origins: origins, Status: status, Why: why,
	}
	f.Text = describe(f, k, first)
	for _, m := range g.members {
		f.Evidence = append(f.Evidence, m.evidence(m.n.Note))
	}
	for _, b := range g.bounds {
		bv := b.n.Value
		f.Versions = append(f.Versions, crosscheck.Version{
			Text: b.n.Text, Value: &bv, Comparator: string(b.n.Comparator),
			Articles: []string{b.a.ID}, Outlets: []string{b.a.Source}, Compatible: true,
			Note:     fmt.Sprintf("%q is compatible with %s", b.n.Text, formatValue(v)),
			Evidence: []crosscheck.Evidence{b.evidence("")},
		})
	}
	return f
}

func commonUnit(ms []numMember) string {
	count := map[string]int{}
	best := ""
	for _, m := range ms {
		u := strings.ToLower(m.n.Unit)
		count[u]++
		if count[u] > count[best] {
			best = u
		}
	}
	return best
}

// describe writes a fact as a reader would say it: "123 prisoners
// released", "Maria Kolesnikova: 11 years (sentence)".
func describe(f crosscheck.Fact, k slot, n extract.Number) string {
	value := formatValue(*f.Value)
	switch n.Comparator {
	case extract.AtLeast:
		value = "at least " + value
	case extract.AtMost:
		value = "at most " + value
	case extract.Approx:
		value = "about " + value
	}
	qual := ""
	if k.qualifier != "" {
		qual = strings.ToUpper(k.qualifier[:1]) + k.qualifier[1:] + " "
	}
	switch n.Kind {
	case extract.Duration, extract.Age:
		s := fmt.Sprintf("%s %s", value, f.Unit)
		if k.event != "" {
			s += " (" + k.event + ")"
		}
		if n.Subject != "" {
			s = n.Subject + ": " + s
		}
		return s
	case extract.Money:
		return strings.TrimSpace(fmt.Sprintf("%s %s %s", f.Unit, value, participle(k.event)))
	case extract.Percent:
		return strings.TrimSpace(fmt.Sprintf("%s%% %s", value, participle(k.event)))
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s%s %s", value, qual, f.Unit, participle(k.event)))
}

func participle(event string) string {
	if p, ok := participles[event]; ok {
		return p
	}
	return event
}

func formatValue(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		s := strconv.FormatInt(int64(v), 10)
		// Thousands separators, as news writes them.
		var b strings.Builder
		neg := strings.HasPrefix(s, "-")
		s = strings.TrimPrefix(s, "-")
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		if neg {
			return "-" + b.String()
		}
		return b.String()
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// conflicts finds values of one slot that cannot both be true. False
// conflicts are worse than missed ones, so every guard must pass: both
// exact, the same occasion (no other date, no "recently"), neither a part
// of a larger group, and values close enough to be rival counts of one
// thing rather than counts of different things.
func (r *run) conflicts(k slot, groups []*group, facts []crosscheck.Fact) []crosscheck.Conflict {
	if k.unit == "" || k.event == "" {
		return nil
	}
	var out []crosscheck.Conflict
	for i := 0; i < len(groups); i++ {
		for j := i + 1; j < len(groups); j++ {
			gi, gj := groups[i], groups[j]
			if !rivals(gi, gj) {
				continue
			}
			why := fmt.Sprintf("both count %s %s on the same occasion, with no other date or qualifier: %s against %s",
				orWord(k.unit, "items"), orWord(participle(k.event), "reported"), formatValue(gi.value), formatValue(gj.value))
			if k.subject != "" {
				why = fmt.Sprintf("both give %s for %s: %s against %s", orWord(k.unit, "the value"), facts[i].Subject, formatValue(gi.value), formatValue(gj.value))
			}
			c := crosscheck.Conflict{Kind: "number", Item: facts[i].ID, Why: why}
			for _, f := range []*crosscheck.Fact{&facts[i], &facts[j]} {
				f.Status = crosscheck.InConflict
				f.Why = why
				c.Versions = append(c.Versions, crosscheck.Version{Text: f.Text, Value: f.Value, Comparator: f.Comparator, Articles: f.Articles, Outlets: f.Outlets})
			}
			out = append(out, c)
		}
	}
	return out
}

func orWord(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func rivals(a, b *group) bool {
	if a.value == b.value || !a.plain() || !b.plain() || a.occasion != b.occasion {
		return false
	}
	lo, hi := math.Min(a.value, b.value), math.Max(a.value, b.value)
	return lo > 0 && hi/lo <= 2
}

// plain reports whether every member states the value exactly, about the
// main occasion, and not as part of a larger group; it works this out once
// per group.
func (g *group) plain() bool {
	if g.checked {
		return g.isPlain
	}
	g.checked, g.isPlain = true, len(g.members) > 0
	for i, m := range g.members {
		if m.n.Comparator != extract.Exact {
			g.isPlain = false
			return false
		}
		s := " " + strings.ToLower(m.sentenceText()) + " "
		for _, w := range append(subsetMarkers, timeMarkers...) {
			if strings.Contains(s, w) {
				g.isPlain = false
				return false
			}
		}
		o := dateIn(m.a, m.unit)
		if i > 0 && o != g.occasion {
			g.isPlain = false
			return false
		}
		g.occasion = o
	}
	return g.isPlain
}

// dateIn returns the normalised date stated in a unit of an article, or "".
func dateIn(a *Article, unit int) string {
	for _, d := range a.Facts.Dates {
		if d.Sentence == unit && d.ISO != "" {
			return d.ISO
		}
	}
	return ""
}
