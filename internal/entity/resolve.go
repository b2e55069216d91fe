package entity

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/internal/names"
)

// Resolve merges the mentions of one story's articles into entities, most
// mentioned first.
//
// Mentions with the same name, up to case, accents and punctuation, are one
// form. Person forms are blocked by a surname key, so that only names that
// could be spellings of one surname are ever compared: full names merge when
// their surnames agree, their genders do not conflict and their given names
// are compatible. A surname-only or initial form attaches to a full name
// only when exactly one candidate fits; otherwise it stays an entity of its
// own. Organisations merge by known alias, by acronym and by content words;
// places by the gazetteer's canonical name. Unknown mentions attach to the
// one person whose surname they spell exactly, and are dropped otherwise.
func Resolve(mentions []Mention) []Entity {
	r := resolver{mentions: mentions}
	return r.run()
}

// form is every mention of one name spelled one way.
type form struct {
	key      string // normKey of the name
	text     string // the most frequent spelling as written
	typ      Type
	votes    [3]int // person, org, place
	count    int
	order    int   // index of the first mention
	mentions []int // indexes into resolver.mentions
	parsed   names.Parsed
	full     bool // a person's given name and surname, not only initials
	group    *group
}

// group is one entity under construction.
type group struct {
	typ   Type
	forms []*form
	order int
}

type resolver struct {
	mentions []Mention
	forms    []*form
	groups   []*group
	compares int // name comparisons made, to check that blocking works
}

func (r *resolver) run() []Entity {
	r.collect()
	var people, orgs, places, unknown []*form
	for _, f := range r.forms {
		switch f.typ {
		case Person:
			people = append(people, f)
		case Org:
			orgs = append(orgs, f)
		case Place:
			places = append(places, f)
		default:
			unknown = append(unknown, f)
		}
	}
	r.resolvePlaces(places)
	blocks := r.resolveOrgs(orgs)
	r.resolvePeople(people, unknown)
	r.resolveAcronyms(unknown, blocks)
	return r.entities()
}

// collect groups the mentions into forms and types each form by a vote of
// its mentions. Ties go to organisations and places before persons, so
// that an uncertain name is never promoted to a person.
func (r *resolver) collect() {
	byKey := make(map[string]*form, len(r.mentions)/2+1)
	var buf []byte
	for i, m := range r.mentions {
		buf = appendNormKey(buf[:0], m.Text)
		if len(buf) == 0 {
			continue
		}
		f, ok := byKey[string(buf)]
		if !ok {
			f = &form{key: string(buf), order: i}
			byKey[f.key] = f
			r.forms = append(r.forms, f)
		}
		f.mentions = append(f.mentions, i)
		f.count++
		switch m.Type {
		case Person:
			f.votes[0]++
		case Org:
			f.votes[1]++
		case Place:
			f.votes[2]++
		}
	}
	for _, f := range r.forms {
		f.typ = Unknown
		best := 0
		for i, t := range [...]Type{Org, Place, Person} {
			v := f.votes[[...]int{1, 2, 0}[i]]
			if v > best {
				best, f.typ = v, t
			}
		}
		f.text = r.spelling(f)
	}
}

// spelling returns the most frequent way a form is written, preferring
// ordinary case to all capitals.
func (r *resolver) spelling(f *form) string {
	counts := make(map[string]int, 2)
	best, bestN := "", -1
	for _, i := range f.mentions {
		t := r.mentions[i].Text
		counts[t]++
	}
	for _, i := range f.mentions {
		t := r.mentions[i].Text
		n := counts[t] * 2
		if !shouting(t) {
			n += 2 * len(f.mentions)
		}
		if n > bestN {
			best, bestN = t, n
		}
	}
	return best
}

// shouting reports whether a name of more than one letter per word is in
// capitals throughout: "ALEXANDER LUKASHENKO", but not "AFP" or "US".
func shouting(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 4 || strings.ContainsRune(s, ' ')
}

func (r *resolver) newGroup(t Type, f *form) *group {
	g := &group{typ: t, forms: []*form{f}, order: f.order}
	f.group = g
	r.groups = append(r.groups, g)
	return g
}

func (g *group) add(f *form) {
	g.forms = append(g.forms, f)
	f.group = g
	if f.order < g.order {
		g.order = f.order
	}
}

// byWeight sorts forms by mentions, then by first appearance.
func byWeight(fs []*form) {
	slices.SortStableFunc(fs, func(a, b *form) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(a.order, b.order)
	})
}

func (r *resolver) resolvePlaces(places []*form) {
	byKey := make(map[string]*group, len(places))
	for _, f := range places {
		k := f.key
		if c, kind, ok := gazCanon(f.text); ok && kind == gazPlace {
			k = c
		}
		if g, ok := byKey[k]; ok {
			g.add(f)
			continue
		}
		byKey[k] = r.newGroup(Place, f)
	}
}

// orgKeys returns the blocking keys of an organisation's name: its known
// canonical name, its acronym (or the acronym of its words) and its sorted
// content words.
func orgKeys(name string) []string {
	keys := make([]string, 0, 3)
	if c, kind, ok := gazCanon(name); ok && kind == gazOrg {
		keys = append(keys, "g:"+c)
		if a, ok := lex.acronyms[normKey(name)]; ok {
			keys = append(keys, "g:"+a)
		}
	}
	if a := acronymKey(name); a != "" {
		return append(keys, "a:"+a)
	}
	words := orgWords(name)
	if len(strings.Fields(normKey(name))) >= 2 {
		keys = append(keys, "a:"+acronymOf(name))
	}
	if len(words) > 0 {
		keys = append(keys, "w:"+strings.Join(words, " "))
	}
	return keys
}

func (r *resolver) resolveOrgs(orgs []*form) map[string][]*group {
	byWeight(orgs)
	blocks := make(map[string][]*group, len(orgs))
	for _, f := range orgs {
		keys := orgKeys(f.text)
		var into *group
	search:
		for _, k := range keys {
			for _, g := range blocks[k] {
				r.compares++
				if matchOrg(f.text, g.forms[0].text).Same {
					into = g
					break search
				}
			}
		}
		if into == nil {
			into = r.newGroup(Org, f)
		} else {
			into.add(f)
		}
		for _, k := range keys {
			if !slices.Contains(blocks[k], into) {
				blocks[k] = append(blocks[k], into)
			}
		}
	}
	return blocks
}

// resolveAcronyms attaches an unknown acronym to the one organisation of the
// story whose name it abbreviates: "CEC" after "Central Election Commission".
func (r *resolver) resolveAcronyms(unknown []*form, blocks map[string][]*group) {
	for _, f := range unknown {
		if f.group != nil {
			continue
		}
		a := acronymKey(f.text)
		if len(a) < 2 {
			continue
		}
		if gs := blocks["a:"+a]; len(gs) == 1 {
			f.typ = Org
			gs[0].add(f)
		}
	}
}

// fits reports whether person form f matches every full name of g, or,
// when g has none, every name of g.
func (r *resolver) fits(f *form, g *group) bool {
	anyFull := false
	for _, v := range g.forms {
		if v.full {
			anyFull = true
			break
		}
	}
	for _, v := range g.forms {
		if anyFull && !v.full {
			continue
		}
		r.compares++
		if !f.parsed.Match(v.parsed).Same {
			return false
		}
	}
	return true
}

func (r *resolver) resolvePeople(people, unknown []*form) {
	var full, partial []*form
	for _, f := range people {
		f.parsed = names.Parse(f.text)
		f.full = len(f.parsed.Given) > 0 && !f.parsed.Initials
		if f.full {
			full = append(full, f)
		} else {
			partial = append(partial, f)
		}
	}
	byWeight(full)
	byWeight(partial)
	blocks := make(map[string][]*group, len(people))
	for _, f := range full {
		k := f.parsed.Key
		var into *group
		for _, g := range blocks[k] {
			if r.fits(f, g) {
				into = g
				break
			}
		}
		if into == nil {
			blocks[k] = append(blocks[k], r.newGroup(Person, f))
			continue
		}
		into.add(f)
	}
	// Surname-only and initial forms attach only when one full name fits.
	lone := make(map[string][]*group, len(partial))
	for _, f := range partial {
		k := f.parsed.Key
		var cands []*group
		for _, g := range blocks[k] {
			if r.fits(f, g) {
				cands = append(cands, g)
			}
		}
		if len(cands) == 0 {
			for _, g := range lone[k] {
				if r.fits(f, g) {
					cands = append(cands, g)
				}
			}
		}
		if len(cands) == 1 {
			cands[0].add(f)
			continue
		}
		lone[k] = append(lone[k], r.newGroup(Person, f))
	}
	// An unknown name that spells the surname of exactly one person is that
	// person: "Khomich said", "the Trump administration".
	bySurname := make(map[string][]*group, len(people))
	for _, f := range people {
		k := normKey(f.parsed.Surname)
		if !slices.Contains(bySurname[k], f.group) {
			bySurname[k] = append(bySurname[k], f.group)
		}
	}
	for _, f := range unknown {
		if strings.IndexByte(f.key, ' ') >= 0 {
			continue
		}
		if gs := bySurname[f.key]; len(gs) == 1 {
			f.typ = Person
			gs[0].add(f)
		}
	}
}

// entities turns the groups into Entity values, most mentioned first.
func (r *resolver) entities() []Entity {
	out := make([]Entity, 0, len(r.groups))
	for _, g := range r.groups {
		out = append(out, r.entity(g))
	}
	slices.SortStableFunc(out, func(a, b Entity) int {
		if c := cmp.Compare(b.Mentions, a.Mentions); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.Type, b.Type)
	})
	return out
}

func (r *resolver) entity(g *group) Entity {
	e := Entity{Name: r.canonical(g).text, Type: g.typ}
	var idx []int
	for _, f := range g.forms {
		idx = append(idx, f.mentions...)
	}
	slices.Sort(idx)
	type roleCount struct {
		text  string
		n     int
		order int
	}
	roles := map[string]*roleCount{}
	variants := map[string]*Variant{}
	var vorder []string
	arts := map[string]struct{}{}
	for _, i := range idx {
		m := r.mentions[i]
		e.Mentions++
		e.Spans = append(e.Spans, m.Span)
		arts[m.Article] = struct{}{}
		v, ok := variants[m.Text]
		if !ok {
			v = &Variant{Text: m.Text}
			variants[m.Text] = v
			vorder = append(vorder, m.Text)
		}
		v.Mentions++
		if !slices.Contains(v.Articles, m.Article) {
			v.Articles = append(v.Articles, m.Article)
		}
		if m.Role != "" {
			k := normKey(m.Role)
			if rc, ok := roles[k]; ok {
				rc.n++
			} else {
				roles[k] = &roleCount{text: m.Role, n: 1, order: len(roles)}
			}
		}
	}
	for _, t := range vorder {
		v := variants[t]
		slices.Sort(v.Articles)
		e.Variants = append(e.Variants, *v)
	}
	slices.SortStableFunc(e.Variants, func(a, b Variant) int { return cmp.Compare(b.Mentions, a.Mentions) })
	rs := make([]*roleCount, 0, len(roles))
	for _, rc := range roles {
		rs = append(rs, rc)
	}
	slices.SortFunc(rs, func(a, b *roleCount) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.order, b.order)
	})
	for _, rc := range rs {
		e.Roles = append(e.Roles, rc.text)
	}
	for a := range arts {
		e.Articles = append(e.Articles, a)
	}
	slices.Sort(e.Articles)
	return e
}

// canonical picks the form that names a group: the most frequent full form.
// For a person that is a given name and surname; for an organisation, a name
// that is not an acronym.
func (r *resolver) canonical(g *group) *form {
	isFull := func(f *form) bool {
		switch g.typ {
		case Person:
			return f.full
		default:
			return acronymKey(f.text) == ""
		}
	}
	var best *form
	better := func(f *form) bool {
		if best == nil {
			return true
		}
		if a, b := isFull(f), isFull(best); a != b {
			return a
		}
		if f.count != best.count {
			return f.count > best.count
		}
		return f.order < best.order
	}
	for _, f := range g.forms {
		if better(f) {
			best = f
		}
	}
	return best
}
