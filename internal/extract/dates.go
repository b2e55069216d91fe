package extract

import (
	"strconv"
	"strings"
	"time"
)

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdayNames = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

var seasons = map[string]int{"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

func weekdayOf(low string) int {
	if w, ok := weekdayNames[low]; ok {
		return int(w)
	}
	return -1
}

// monthAt returns the month named by toks[i] and the index after it,
// skipping the dot of an abbreviation. Month names must be capitalised, so
// that "may" the verb is never a month.
func monthAt(toks []token, i int) (int, int) {
	if !isWord(toks, i) || !toks[i].upper {
		return 0, i
	}
	m := monthNames[toks[i].low]
	if m == 0 {
		return 0, i
	}
	j := i + 1
	if len(toks[i].low) <= 4 && isPunct(toks, j, ".") && !toks[j].sp {
		j++
	}
	return m, j
}

// dayAt returns the day of the month written at toks[i] ("13", "13th").
func dayAt(toks []token, i int) int {
	if i < 0 || i >= len(toks) || toks[i].kind != num {
		return 0
	}
	t := toks[i]
	switch t.suffix() {
	case "", "st", "nd", "rd", "th":
	default:
		return 0
	}
	if len(t.digits()) > 2 {
		return 0
	}
	n, _ := strconv.Atoi(t.digits())
	if n < 1 || n > 31 {
		return 0
	}
	return n
}

// yearAt returns the year written at toks[i], four plain digits.
func yearAt(toks []token, i int) int {
	if i < 0 || i >= len(toks) || toks[i].kind != num {
		return 0
	}
	t := toks[i]
	if len(t.digits()) != 4 || t.suffix() != "" {
		return 0
	}
	n, err := strconv.Atoi(t.digits())
	if err != nil || n < 1000 || n > 2999 {
		return 0
	}
	return n
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the days of month m; an unknown year (0) allows 29 February.
func daysIn(m, y int) int {
	switch m {
	case 2:
		if y == 0 || isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func pad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// iso writes y-m-d at precision p; a zero year gives the truncated --MM-DD
// and --MM forms.
func iso(y, m, d int, p Precision) string {
	b := make([]byte, 0, 10)
	if y == 0 {
		b = append(b, "--"...)
	} else {
		b = pad(b, y, 4)
		if p == Year {
			return string(b)
		}
		b = append(b, '-')
	}
	b = pad(b, m, 2)
	if p == Day {
		b = append(b, '-')
		b = pad(b, d, 2)
	}
	return string(b)
}

// setYMD fills the normalised fields of dt from y, m and d at precision p,
// marking impossible days invalid.
func setYMD(dt *Date, y, m, d int, p Precision) {
	dt.Year, dt.Month, dt.Day = y, m, d
	if p == Day && (m < 1 || m > 12 || d < 1 || d > daysIn(m, y)) {
		dt.Invalid = true
		return
	}
	dt.Precision = p
	dt.ISO = iso(y, m, d, p)
}

// yearFor picks a year for a month (and day) written without one: the
// candidate nearest the article date, with days ahead weighing three times
// days back, because news reports mostly what has happened.
func (d *doc) yearFor(m, day int) int {
	py := d.pub.Year()
	best, bestCost := py, -1
	for y := py - 1; y <= py+1; y++ {
		var diff int
		if day == 0 {
			diff = ((y*12 + m) - (py*12 + int(d.pub.Month()))) * 30
		} else {
			dd := min(day, daysIn(m, y))
			diff = int(time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC).Sub(d.pub).Hours() / 24)
		}
		cost := -diff
		if diff > 0 {
			cost = 3 * diff
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = y, cost
		}
	}
	return best
}

// anchor completes a month (and day) that came without a year.
func (d *doc) anchor(dt *Date, m, day int, p Precision) {
	if !d.hasPub {
		dt.Unanchored = true
		setYMD(dt, 0, m, day, p)
		return
	}
	dt.YearInferred = true
	setYMD(dt, d.yearFor(m, day), m, day, p)
}

// dates finds the dates of every sentence and marks their tokens, so that
// the years and days in them are not read as counted numbers.
func (d *doc) dates() []Date {
	var out []Date
	last := 0 // the latest year the text named, for "the same year"
	for si := range d.sents {
		st := &d.sents[si]
		for i := 0; i < len(st.toks); {
			if t := &st.toks[i]; t.kind != num && t.lx&lxDate == 0 {
				i++
				continue
			}
			dt, j, ok := d.dateAt(st, i, last)
			if !ok {
				i++
				continue
			}
			for k := i; k < j; k++ {
				st.flags[k] |= fDate
			}
			dt.Text = st.text(i, j)
			dt.Sentence = st.idx
			dt.Span = d.span(st, i, j)
			dt.Event = d.eventPhrase(st, i, j)
			if dt.Year != 0 && dt.Precision != None {
				last = dt.Year
			}
			out = append(out, dt)
			i = j
		}
	}
	return out
}

// dateAt matches a date starting at toks[i], returning it and the index
// after it.
func (d *doc) dateAt(st *sent, i, last int) (Date, int, bool) {
	toks := st.toks
	part, k := partAt(toks, i)
	if part != "" && is(toks, k, "the") && k+1 < len(toks) && toks[k+1].kind == num {
		k++ // "the end of the 2010s"
	}
	dt, j, ok := d.coreDate(st, k, last)
	if !ok {
		return Date{}, i, false
	}
	switch {
	case part == "":
	case dt.Part == "":
		dt.Part = part
	default:
		dt.Part = part + " " + dt.Part // "early fall"
	}
	return dt, j, true
}

// partAt reads a qualifier that narrows the date after it: "early",
// "mid-", "the end of", "earlier".
func partAt(toks []token, i int) (string, int) {
	switch {
	case is(toks, i, "early", "late"):
		return toks[i].low, i + 1
	case is(toks, i, "mid") && isPunct(toks, i+1, "-"):
		return "mid", i + 2
	case is(toks, i, "earlier", "later") && is(toks, i+1, "this", "last"):
		return toks[i].low, i + 1
	}
	j := i
	if is(toks, j, "the") {
		j++
	}
	if is(toks, j, "end", "beginning", "start", "middle") && is(toks, j+1, "of") {
		return toks[j].low, j + 2
	}
	return "", i
}

var dateLeads = set("in on since until till by from of during through before after last this next early late mid")

// coreDate matches the date proper at toks[i].
func (d *doc) coreDate(st *sent, i, last int) (Date, int, bool) {
	toks := st.toks
	if i >= len(toks) {
		return Date{}, i, false
	}
	var dt Date
	t := toks[i]

	// A weekday, alone or before a month and day.
	if t.kind == word && t.upper {
		if wd := weekdayOf(t.low); wd >= 0 {
			j := i + 1
			if isPunct(toks, j, ",") {
				j++
			}
			if dt, e, ok := d.monthFirst(st, j); ok {
				return dt, e, true
			}
			if dt, e, ok := d.dayFirst(st, j); ok {
				return dt, e, true
			}
			if !is(toks, i-1, "on", "last", "this", "next", "since", "until", "by", "from", "that") {
				return Date{}, i, false
			}
			d.weekday(&dt, time.Weekday(wd), toks[i-1].low)
			return dt, i + 1, true
		}
	}
	if dt, e, ok := d.monthFirst(st, i); ok {
		return dt, e, true
	}
	if dt, e, ok := d.dayFirst(st, i); ok {
		return dt, e, true
	}
	if t.kind == num {
		return d.numericDate(st, i)
	}
	if t.kind != word {
		return Date{}, i, false
	}
	switch t.low {
	case "today", "tonight", "yesterday", "tomorrow":
		off := 0
		switch t.low {
		case "yesterday":
			off = -1
		case "tomorrow":
			off = 1
		}
		dt.Relative = true
		if d.hasPub {
			p := d.pub.AddDate(0, 0, off)
			setYMD(&dt, p.Year(), int(p.Month()), p.Day(), Day)
		} else {
			dt.Unanchored = true
		}
		return dt, i + 1, true
	case "this", "last", "next":
		return d.deictic(st, i)
	case "the", "that", "a":
		return d.anaphoric(st, i, last)
	}
	if _, ok := seasons[t.low]; ok {
		return d.season(st, i, i, last)
	}
	// "five years ago", "a month ago"
	if n, j := countAt(toks, i); n > 0 && is(toks, j+1, "ago") {
		unit := timeUnits[toks[j].low]
		if unit == "" {
			return Date{}, i, false
		}
		dt.Relative = true
		if !d.hasPub {
			dt.Unanchored = true
			return dt, j + 2, true
		}
		switch unit {
		case "days":
			p := d.pub.AddDate(0, 0, -n)
			setYMD(&dt, p.Year(), int(p.Month()), p.Day(), Day)
		case "weeks":
			p := d.pub.AddDate(0, 0, -7*n)
			setYMD(&dt, p.Year(), int(p.Month()), p.Day(), Day)
		case "months":
			p := d.pub.AddDate(0, -n, 0)
			setYMD(&dt, p.Year(), int(p.Month()), 0, Month)
		case "years":
			setYMD(&dt, d.pub.Year()-n, 0, 0, Year)
		case "decades":
			setYMD(&dt, d.pub.Year()-10*n, 0, 0, Year)
		default:
			return Date{}, i, false
		}
		return dt, j + 2, true
	}
	return Date{}, i, false
}

// countAt reads a small count written in digits, in words, or as "a"/"an".
func countAt(toks []token, i int) (int, int) {
	if i >= len(toks) {
		return 0, i
	}
	t := toks[i]
	switch {
	case t.kind == num && t.suffix() == "" && len(t.digits()) <= 3:
		n, err := strconv.Atoi(t.digits())
		if err == nil {
			return n, i + 1
		}
	case t.low == "a" || t.low == "an":
		return 1, i + 1
	case t.kind == word:
		if v, ok := smallNumbers[t.low]; ok {
			return v, i + 1
		}
		if v, ok := tens[t.low]; ok {
			return v, i + 1
		}
	}
	return 0, i
}

// monthFirst matches "December 13", "Dec. 12-13", "December 12 and 13",
// "July 6, 2021", "May 2020" and, after a preposition, "June".
func (d *doc) monthFirst(st *sent, i int) (Date, int, bool) {
	toks := st.toks
	m, j := monthAt(toks, i)
	if m == 0 {
		return Date{}, i, false
	}
	var dt Date
	if day := dayAt(toks, j); day > 0 && !(isPunct(toks, j+1, ",", ".") && dayAt(toks, j+2) > 0 && !toks[j+2].sp) {
		e := j + 1
		end := 0
		if isPunct(toks, e, "-", "–", "—") || is(toks, e, "and", "to", "through") {
			if d2 := dayAt(toks, e+1); d2 > day {
				end = d2
				e += 2
			}
		}
		y := 0
		if isPunct(toks, e, ",") && yearAt(toks, e+1) > 0 {
			y = yearAt(toks, e+1)
			e += 2
		} else if y = yearAt(toks, e); y > 0 {
			e++
		}
		d.finishDay(&dt, y, m, day, end)
		return dt, e, true
	}
	if y := yearAt(toks, j); y > 0 {
		setYMD(&dt, y, m, 0, Month)
		return dt, j + 1, true
	}
	if is(toks, j, "of") && yearAt(toks, j+1) > 0 {
		setYMD(&dt, yearAt(toks, j+1), m, 0, Month)
		return dt, j + 2, true
	}
	// A month alone needs a preposition or a qualifier before it.
	if !is(toks, i-1, "in", "since", "until", "till", "by", "from", "of", "during", "through", "before", "after", "last", "this", "next", "early", "late", "-", "and", "or", "to") {
		return Date{}, i, false
	}
	if is(toks, i-1, "last", "this", "next") && d.hasPub {
		y := d.pub.Year()
		switch toks[i-1].low {
		case "last":
			if m >= int(d.pub.Month()) {
				y--
			}
		case "next":
			if m <= int(d.pub.Month()) {
				y++
			}
		}
		dt.Relative = true
		setYMD(&dt, y, m, 0, Month)
		return dt, j, true
	}
	d.anchor(&dt, m, 0, Month)
	return dt, j, true
}

// dayFirst matches "13 December", "12-13 December 2025", "30 February".
func (d *doc) dayFirst(st *sent, i int) (Date, int, bool) {
	toks := st.toks
	day := dayAt(toks, i)
	if day == 0 {
		return Date{}, i, false
	}
	j := i + 1
	end := 0
	if isPunct(toks, j, "-", "–", "—") || is(toks, j, "and", "to") {
		if d2 := dayAt(toks, j+1); d2 > day {
			if m, _ := monthAt(toks, j+2); m > 0 {
				end = d2
				j += 2
			}
		}
	}
	if is(toks, j, "of") {
		j++
	}
	m, e := monthAt(toks, j)
	if m == 0 {
		return Date{}, i, false
	}
	y := yearAt(toks, e)
	if y == 0 && isPunct(toks, e, ",") {
		if y = yearAt(toks, e+1); y > 0 {
			e++
		}
	}
	if y > 0 {
		e++
	}
	var dt Date
	d.finishDay(&dt, y, m, day, end)
	return dt, e, true
}

// finishDay fills a day date, and the end of a range when end > 0.
func (d *doc) finishDay(dt *Date, y, m, day, end int) {
	if y > 0 {
		setYMD(dt, y, m, day, Day)
	} else {
		d.anchor(dt, m, day, Day)
	}
	if end > 0 && !dt.Invalid {
		if end > daysIn(m, dt.Year) {
			dt.Invalid = true
			dt.ISO, dt.Precision = "", None
			return
		}
		dt.End = iso(dt.Year, m, end, Day)
	}
}

// numericDate matches a year ("in 2017", "the 2020 election", "2019-2021"),
// an ISO date, a dotted European date and an unambiguous slashed date.
func (d *doc) numericDate(st *sent, i int) (Date, int, bool) {
	toks := st.toks
	t := toks[i]
	var dt Date
	if attached(toks, i) && !isPunct(toks, i-1, "-") && !isPunct(toks, i-1, "(") {
		return dt, i, false
	}
	if isPunct(toks, i-1, "-") && !toks[i].sp && !toks[i-1].sp && i >= 2 && toks[i-2].kind == word && !is(toks, i-2, "mid", "pre", "post") {
		return dt, i, false // "COVID-19", "Su-25"
	}
	// Dotted D.M.Y: the number scanner keeps "13.12.2025" in one token.
	if strings.Count(t.digits(), ".") == 2 && t.suffix() == "" {
		p := strings.Split(t.digits(), ".")
		dd, _ := strconv.Atoi(p[0])
		mm, _ := strconv.Atoi(p[1])
		yy, _ := strconv.Atoi(p[2])
		if len(p[2]) == 4 && len(p[0]) <= 2 && len(p[1]) <= 2 {
			setYMD(&dt, yy, mm, dd, Day)
			return dt, i + 1, true
		}
		return dt, i, false
	}
	// ISO 2025-12-13 and slashed dates: glued tokens.
	if glued(toks, i, 5) && (isPunct(toks, i+1, "-") && isPunct(toks, i+3, "-") || isPunct(toks, i+1, "/") && isPunct(toks, i+3, "/")) &&
		toks[i+2].kind == num && toks[i+4].kind == num {
		a, _ := strconv.Atoi(t.digits())
		b, _ := strconv.Atoi(toks[i+2].digits())
		c, _ := strconv.Atoi(toks[i+4].digits())
		switch {
		case toks[i+1].text == "-" && len(t.digits()) == 4:
			setYMD(&dt, a, b, c, Day)
		case toks[i+1].text == "/" && len(toks[i+4].digits()) == 4:
			switch {
			case a > 12 && b <= 12:
				setYMD(&dt, c, b, a, Day)
			case b > 12 && a <= 12:
				setYMD(&dt, c, a, b, Day)
			case a == b:
				setYMD(&dt, c, a, b, Day)
			default:
				// 05/06/2021 is May or June by country; the text is kept.
				dt.Year = c
			}
		default:
			return dt, i, false
		}
		return dt, i + 5, true
	}
	y := yearAt(toks, i)
	if y == 0 {
		// "the 2010s": a decade is kept as text.
		if len(t.digits()) == 4 && t.suffix() == "s" && !strings.ContainsAny(t.digits(), ".,") {
			n, _ := strconv.Atoi(t.digits())
			dt.Year, dt.Part = n, "decade"
			return dt, i + 1, true
		}
		return dt, i, false
	}
	if y < 1800 || y > 2099 {
		return dt, i, false
	}
	// "2019-2021", "2019–21"
	if isPunct(toks, i+1, "-", "–") && i+2 < len(toks) && toks[i+2].kind == num && !toks[i+1].sp && !toks[i+2].sp {
		e := toks[i+2]
		if e.suffix() == "" && (len(e.digits()) == 4 || len(e.digits()) == 2) {
			n, _ := strconv.Atoi(e.digits())
			if len(e.digits()) == 2 {
				n += y / 100 * 100
			}
			if n > y && n-y < 100 {
				setYMD(&dt, y, 0, 0, Year)
				dt.End = iso(n, 0, 0, Year)
				return dt, i + 3, true
			}
		}
	}
	if !d.yearLike(st, i) {
		return dt, i, false
	}
	setYMD(&dt, y, 0, 0, Year)
	return dt, i + 1, true
}

// glued reports whether toks[i:i+n] exist and touch each other.
func glued(toks []token, i, n int) bool {
	if i+n > len(toks) {
		return false
	}
	for k := i + 1; k < i+n; k++ {
		if toks[k].sp {
			return false
		}
	}
	return true
}

// yearLike reports whether a four-digit number is a year rather than a
// count: "2000 people" counts, "in 2020" and "the 2020 protests" do not.
func (d *doc) yearLike(st *sent, i int) bool {
	toks := st.toks
	if isPunct(toks, i-1, "$", "€", "£", "¥", "₽") || is(toks, i-1, "than", "about", "around", "some", "nearly", "almost", "approximately", "over", "least", "to") {
		return false
	}
	if isPunct(toks, i+1, "%") || is(toks, i+1, "percent", "thousand", "million", "billion", "other", "of") {
		return false
	}
	if dateLeads[toks[max(i-1, 0)].low] && i > 0 || is(toks, i-1, "the", "'s", "a", "an", "year", "fiscal", "calendar") || st.has(i-1, fDate) {
		return true
	}
	n := toks[min(i+1, len(toks)-1)]
	if i+1 < len(toks) && n.kind == word && !n.upper && strings.HasSuffix(n.low, "s") && !function[n.low] && !aux[n.low] && len(n.low) > 3 {
		return false // "1500 soldiers"
	}
	return true
}

// weekday resolves "on Saturday" against the article date: the latest such
// day on or before it, or after it for "next".
func (d *doc) weekday(dt *Date, wd time.Weekday, before string) {
	dt.Relative = true
	if !d.hasPub {
		dt.Unanchored = true
		return
	}
	delta := int(d.pub.Weekday()) - int(wd)
	switch before {
	case "next":
		delta = -((int(wd)-int(d.pub.Weekday())+6)%7 + 1)
	case "last":
		delta = (delta+6)%7 + 1
	default:
		delta = (delta + 7) % 7
	}
	p := d.pub.AddDate(0, 0, -delta)
	setYMD(dt, p.Year(), int(p.Month()), p.Day(), Day)
}

// deictic matches "this year", "last month", "next week".
func (d *doc) deictic(st *sent, i int) (Date, int, bool) {
	toks := st.toks
	var dt Date
	if i+1 >= len(toks) {
		return dt, i, false
	}
	if _, ok := seasons[toks[i+1].low]; ok {
		return d.season(st, i, i+1, 0)
	}
	off := 0
	switch toks[i].low {
	case "last":
		off = -1
	case "next":
		off = 1
	}
	dt.Relative = true
	switch toks[i+1].low {
	case "year":
		if d.hasPub {
			setYMD(&dt, d.pub.Year()+off, 0, 0, Year)
		}
	case "month":
		if d.hasPub {
			p := d.pub.AddDate(0, off, 0)
			setYMD(&dt, p.Year(), int(p.Month()), 0, Month)
		}
	case "week", "weekend":
		// Kept as text: a week has no ISO form at these precisions.
	default:
		return dt, i, false
	}
	if !d.hasPub {
		dt.Unanchored = true
	}
	return dt, i + 2, true
}

// anaphoric matches "the same year", "that year", "the following year", "a
// year later", and seasons after "the": "the fall of the same year".
func (d *doc) anaphoric(st *sent, i, last int) (Date, int, bool) {
	toks := st.toks
	var dt Date
	j := i + 1
	if is(toks, i, "the") && j < len(toks) {
		if _, ok := seasons[toks[j].low]; ok {
			return d.season(st, i, j, last)
		}
	}
	off, e := 0, 0
	switch {
	case is(toks, i, "the") && is(toks, j, "same") && is(toks, j+1, "year"):
		e = j + 2
	case is(toks, i, "that") && is(toks, j, "year"):
		e = j + 1
	case is(toks, i, "the") && is(toks, j, "following", "next") && is(toks, j+1, "year"):
		off, e = 1, j+2
	case is(toks, i, "the") && is(toks, j, "previous") && is(toks, j+1, "year"):
		off, e = -1, j+2
	case is(toks, i, "a") && is(toks, j, "year") && is(toks, j+1, "later", "earlier"):
		off, e = 1, j+2
		if toks[j+1].low == "earlier" {
			off = -1
		}
	default:
		return dt, i, false
	}
	dt.Relative = true
	if last == 0 {
		return dt, e, true
	}
	setYMD(&dt, last+off, 0, 0, Year)
	return dt, e, true
}

// season matches "the fall of 2021", "the fall of the same year", "last
// summer" and "in the winter": toks[i] opens the match, toks[j] is the
// season.
func (d *doc) season(st *sent, i, j, last int) (Date, int, bool) {
	toks := st.toks
	var dt Date
	name := toks[j].low
	dt.Part = name
	e := j + 1
	if is(toks, e, "of") {
		e++
	}
	if y := yearAt(toks, e); y > 0 {
		setYMD(&dt, y, 0, 0, Year)
		return dt, e + 1, true
	}
	if ref, k, ok := d.anaphoric(st, e, last); ok && e > j+1 {
		ref.Part = name
		return ref, k, true
	}
	if is(toks, e, "this", "last") && is(toks, e+1, "year") && e > j+1 {
		dt.Relative = true
		if d.hasPub {
			off := 0
			if toks[e].low == "last" {
				off = -1
			}
			setYMD(&dt, d.pub.Year()+off, 0, 0, Year)
		} else {
			dt.Unanchored = true
		}
		return dt, e + 2, true
	}
	// A bare season needs "the", "last", "this" or "next" before it.
	lead := toks[i].low
	if i == j {
		return dt, i, false
	}
	dt.Relative = true
	if !d.hasPub {
		dt.Unanchored = true
		return dt, j + 1, true
	}
	y := d.pub.Year()
	started := seasons[name] <= int(d.pub.Month())
	switch lead {
	case "next":
		if started {
			y++
		}
	case "this":
	default: // "last summer", "in the summer": the latest one begun
		if !started {
			y--
		}
	}
	setYMD(&dt, y, 0, 0, Year)
	return dt, j + 1, true
}

// eventPhrase returns the words around the date [i, j) that say what
// happened then: the noun a year modifies ("the 2020 presidential
// election"), otherwise the clause that holds the date, or the clause after
// a date that opens the sentence.
func (d *doc) eventPhrase(st *sent, i, j int) string {
	toks := st.toks
	// Attributive: the date modifies the noun after it.
	if j < len(toks) && toks[j].kind == word && !toks[j].upper && !function[toks[j].low] && !verbish(toks, j) && !is(toks, j, "ago", "'s") {
		e := j
		for e < len(toks) && e < j+3 && toks[e].kind == word && !function[toks[e].low] && !verbish(toks, e) {
			e++
		}
		return st.text(j, e)
	}
	ls := i
	for ls > 0 && !clauseEnd(st, ls-1) {
		ls--
	}
	re := j
	for re < len(toks) && !clauseEnd(st, re) {
		re++
	}
	// Drop the preposition that introduces the date.
	ds := i
	for ds > ls && (dateLeads[toks[ds-1].low] || is(toks, ds-1, "at", "the", "on")) {
		ds--
	}
	words := (ds - ls) + (re - j)
	if words < 2 && re < len(toks) && isPunct(toks, re, ",") {
		// "On November 22, Lukashenko signed ...": the next clause.
		a := re + 1
		b := a
		for b < len(toks) && !clauseEnd(st, b) {
			b++
		}
		return trimPhrase(st, a, b)
	}
	left := trimPhrase(st, ls, ds)
	right := trimPhrase(st, j, re)
	switch {
	case left == "":
		return right
	case right == "":
		return left
	}
	return left + " " + right
}

// clauseEnd reports whether toks[k] ends a clause for eventPhrase.
func clauseEnd(st *sent, k int) bool {
	t := st.toks[k]
	if t.kind != punct || st.has(k, fTitle) {
		return false
	}
	if t.text == "-" {
		return t.sp
	}
	return isBoundary(t)
}

// trimPhrase returns tokens [a, b) of st as text, cut to fourteen tokens and
// stripped of dangling function words at both ends.
func trimPhrase(st *sent, a, b int) string {
	toks := st.toks
	if b-a > 14 {
		b = a + 14
	}
	for a < b && (function[toks[a].low] && !pronouns[toks[a].low] && !determiners[toks[a].low] || toks[a].kind == punct) {
		a++
	}
	for b > a && (function[toks[b-1].low] || toks[b-1].kind == punct) {
		b--
	}
	return st.text(a, b)
}
