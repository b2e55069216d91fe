package entity

// Roles are read from the words around a person's name: a title run before
// it ("White House special envoy John Coale"), an appositive before a comma
// ("a major opposition leader, Sergei Tikhanovsky") or after one ("Viktar
// Babaryka, a former banker"). Titles never become part of the name.

// assignRole finds the role phrase of person chunk ci, if any.
func (x *extractor) assignRole(ci int32) {
	c := &x.chunks[ci]
	s := &x.sents[c.sent]
	if a, b, ok := x.roleBefore(c.a, s); ok {
		c.roleA, c.roleB = a, b
		return
	}
	if a, b, ok := x.roleAfter(c.b, s); ok {
		c.roleA, c.roleB = a, b
	}
}

// roleBefore reads a role phrase that ends right before token a.
func (x *extractor) roleBefore(a int32, s *sentInfo) (int32, int32, bool) {
	k := a - 1
	if k < s.a {
		return 0, 0, false
	}
	t := x.toks[k]
	if t.kind == tkPunct && t.r == ',' {
		j := k - 1
		if j < s.a {
			return 0, 0, false
		}
		if o := x.owner[j]; o >= 0 && x.chunks[o].typ == Person {
			// "the press secretary of Belarusian leader Alexander
			// Lukashenko, Natalya Eismont": the role before "of" belongs to
			// the second name.
			pc := x.chunks[o]
			st := pc.a
			if pc.roleA >= 0 && pc.roleB <= pc.a {
				st = pc.roleA
			}
			if m := st - 1; m > s.a && x.isLowerWord(m, "of") {
				return x.scanRoleBack(m-1, s, true)
			}
			return 0, 0, false
		}
		return x.scanRoleBack(j, s, false)
	}
	return x.scanRoleBack(k, s, true)
}

// scanRoleBack reads a role phrase leftwards from token k. With adjacent,
// token k itself must be a title or an organisation or place; otherwise any
// role word will do, as long as the phrase holds a title somewhere. An "of"
// ends the phrase once a title lies to its right, so that "press secretary
// of Belarusian leader" yields "Belarusian leader".
func (x *extractor) scanRoleBack(k int32, s *sentInfo, adjacent bool) (int32, int32, bool) {
	end := k + 1
	if adjacent {
		ok := false
		if o := x.owner[k]; o >= 0 {
			ok = x.chunks[o].typ == Org || x.chunks[o].typ == Place
		} else if x.toks[k].kind == tkWord {
			ok = x.lexe[k].flags&lxTitle != 0
		}
		if !ok {
			return 0, 0, false
		}
	}
	left := end
	head := false
	for k >= s.a && end-k <= 14 {
		if o := x.owner[k]; o >= 0 {
			oc := x.chunks[o]
			if oc.typ != Org && oc.typ != Place {
				break
			}
			left = oc.a
			k = oc.a - 1
			continue
		}
		t := x.toks[k]
		if t.kind != tkWord {
			break
		}
		f := x.lexe[k].flags
		if x.isRoleWord(k) || f&lxMiscTrig != 0 || x.isMisc(k) {
			if f&lxTitle != 0 {
				head = true
			}
			left = k
			k--
			continue
		}
		if t.has(tfLower) {
			w := string(x.folded(k))
			if w == "of" || w == "for" {
				if head {
					break
				}
				left = k
				k--
				continue
			}
			if w == "the" {
				left = k
				k--
				continue
			}
		}
		break
	}
	for left < end && x.toks[left].has(tfLower) && x.isFunction(left) {
		left++
	}
	if !head || left >= end {
		return 0, 0, false
	}
	return left, end, true
}

// roleAfter reads an appositive after a name: ", a former banker".
func (x *extractor) roleAfter(b int32, s *sentInfo) (int32, int32, bool) {
	k := b
	if k >= s.b || x.toks[k].kind != tkPunct || x.toks[k].r != ',' {
		return 0, 0, false
	}
	k++
	if k < s.b && (x.isLowerWord(k, "a") || x.isLowerWord(k, "an") || x.isLowerWord(k, "the")) {
		k++
	}
	start, end := k, int32(-1)
	head := false
	for k < s.b && k-start < 14 {
		if o := x.owner[k]; o >= 0 {
			oc := x.chunks[o]
			switch {
			case oc.typ == Person && x.toks[oc.b-1].has(tfPoss):
				// "Donald Trump's special envoy": the role starts at the
				// possessor.
				start, end, head = oc.a, -1, false
			case oc.typ == Org || oc.typ == Place:
				if head {
					end = oc.b
				}
			default:
				k = s.b
				continue
			}
			k = oc.b
			continue
		}
		t := x.toks[k]
		if t.kind != tkWord {
			break
		}
		f := x.lexe[k].flags
		if x.isRoleWord(k) || f&lxMiscTrig != 0 || x.isMisc(k) {
			if f&lxTitle != 0 {
				head = true
				end = k + 1
			}
			k++
			continue
		}
		w := string(x.folded(k))
		if head && (w == "of" || w == "for") || w == "the" {
			k++
			continue
		}
		break
	}
	if !head || end <= start {
		return 0, 0, false
	}
	if end < s.b {
		if o := x.owner[end]; o >= 0 && x.chunks[o].typ == Person {
			return 0, 0, false // the phrase is the next person's title
		}
	}
	return start, end, true
}

// isMisc reports whether token k is a gazetteer word that names neither a
// person, an organisation nor a place: "Nobel" in "Nobel laureate".
func (x *extractor) isMisc(k int32) bool {
	if x.toks[k].kind != tkWord || x.toks[k].has(tfLower) {
		return false
	}
	e, ok := x.tokGaz(k)
	return ok && e.kind == gazMisc
}

// isFunction reports whether token k is an article or connector that may
// not open a role phrase.
func (x *extractor) isFunction(k int32) bool {
	switch string(x.folded(k)) {
	case "the", "a", "an", "of", "for", "and":
		return true
	}
	return false
}
