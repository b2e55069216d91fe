package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// findNumber returns the first number whose evidence contains text.
func findNumber(ns []Number, text string) (Number, bool) {
	for _, n := range ns {
		if strings.Contains(n.Text, text) {
			return n, true
		}
	}
	return Number{}, false
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		lang     string
		find     string // a part of the evidence
		value    float64
		cmp      Comparator
		kind     Kind
		unit     string
		event    string
		subject  string
		noteHas  string
		wantText string // the whole evidence, when checked
	}{
		{name: "digits", text: "The ministry freed 123 detainees on Friday.", find: "123",
			value: 123, cmp: Exact, kind: Count, unit: "detainees", event: "release", subject: "ministry", wantText: "123 detainees"},
		{name: "thousands comma", text: "Monitors say 1,227 dissidents remain in prison.", find: "1,227",
			value: 1227, cmp: Exact, kind: Count, unit: "dissidents", event: "imprisoned"},
		{name: "word multiplier", text: "She gathered more than 400 thousand signatures for the petition.", find: "400",
			value: 400000, cmp: AtLeast, unit: "signatures", kind: Count, event: "gathered"},
		{name: "number word", text: "Nine reporters were released at dawn.", find: "Nine",
			value: 9, cmp: Exact, kind: Count, unit: "reporters", event: "release"},
		{name: "compound number word", text: "Twenty-five miners were rescued.", find: "Twenty",
			value: 25, cmp: Exact, kind: Count, unit: "miners", event: "rescued"},
		{name: "lower bound", text: "More than 100 activists were brought to the border.", find: "100",
			value: 100, cmp: AtLeast, kind: Count, unit: "activists", event: "transfer", wantText: "More than 100 activists"},
		{name: "upper bound", text: "Up to 40 people may have been hurt.", find: "40",
			value: 40, cmp: AtMost, kind: Count, unit: "people"},
		{name: "approximate", text: "About 3,000 people marched in the capital.", find: "3,000",
			value: 3000, cmp: Approx, kind: Count, unit: "people"},
		{name: "over as a particle", text: "The guards handed over 57 detainees to the envoy.", find: "57",
			value: 57, cmp: Exact, kind: Count, unit: "detainees", event: "transfer", subject: "guards"},
		{name: "hyphenated term", text: "Ivan Petrov, a trade unionist, had been serving a 9-year sentence.", find: "9",
			value: 9, kind: Duration, unit: "years", event: "sentence", subject: "Ivan Petrov", wantText: "9-year sentence", cmp: Exact},
		{name: "sentenced to", text: "Marta Lind was arrested in May. A district court sentenced her to 6 years in prison.", find: "6 years",
			value: 6, kind: Duration, unit: "years", event: "sentence", subject: "Marta Lind", cmp: Exact},
		{name: "along with others", text: "Orlova, along with 41 other detainees, was handed over to Moldova.", find: "41",
			value: 42, kind: Count, unit: "detainees", event: "transfer", noteHas: "41 other detainees plus Orlova", cmp: Exact},
		{name: "and eight other", text: "Pavel Kern and eight other inmates reached Vilnius.", find: "eight",
			value: 9, kind: Count, unit: "inmates", noteHas: "plus Pavel Kern", cmp: Exact},
		{name: "two named and others", text: "Anna Vos, Lev Marr and three other students were freed.", find: "three",
			value: 5, kind: Count, unit: "students", event: "release", cmp: Exact},
		{name: "money", text: "The fund pledged $1.5 billion to the region.", find: "1.5",
			value: 1.5e9, kind: Money, unit: "USD", cmp: Exact, wantText: "$1.5 billion"},
		{name: "money suffix", text: "Investors lost €20m in the crash.", find: "20m",
			value: 2e7, kind: Money, unit: "EUR", cmp: Exact},
		{name: "money word", text: "The fine was 500 euros.", find: "500",
			value: 500, kind: Money, unit: "EUR", cmp: Exact},
		{name: "percent sign", text: "Turnout fell by 15% in the north.", find: "15",
			value: 15, kind: Percent, unit: "percent", cmp: Exact, wantText: "15%"},
		{name: "percent word", text: "Prices rose 4.5 percent last year.", find: "4.5",
			value: 4.5, kind: Percent, unit: "percent", cmp: Exact},
		{name: "hundreds of", text: "Hundreds of people gathered outside.", find: "Hundreds",
			value: 200, kind: Count, unit: "people", cmp: AtLeast},
		{name: "age in apposition", text: "Oleg Brun, 43, was detained on Tuesday.", find: "43",
			value: 43, kind: Age, unit: "years", cmp: Exact, subject: "Oleg Brun"},
		{name: "passive with parenthesis", text: "Some 60 sailors, including two officers, have been repatriated.", find: "60",
			value: 60, cmp: Approx, kind: Count, unit: "sailors", event: "transfer"},
		{name: "european thousands", text: "Die Polizei zählte 1.234 Teilnehmer.", lang: "de", find: "1.234",
			value: 1234, cmp: Exact, kind: Count},
		{name: "european decimal", text: "Die Inflation lag bei 2,5 Prozent.", lang: "de", find: "2,5",
			value: 2.5, cmp: Exact, kind: Count},
		{name: "english dot is decimal", text: "The index stood at 1.234 points.", find: "1.234",
			value: 1.234, cmp: Exact, kind: Count, unit: "points", noteHas: "some languages"},
		{name: "scientific notation", text: "The model used 1.5e6 samples.", find: "1.5e6",
			value: 1.5e6, cmp: Exact, kind: Count, unit: "samples"},
		{name: "pronoun subject", text: "Rita Holm ran for mayor. She collected 2,100 signatures.", find: "2,100",
			value: 2100, cmp: Exact, kind: Count, unit: "signatures", subject: "Rita Holm"},
		{name: "participle before the noun", text: "Police freed 12 jailed activists.", find: "12",
			value: 12, cmp: Exact, kind: Count, unit: "activists", event: "release", subject: "Police", wantText: "12 jailed activists"},
		{name: "ing verb takes clause subject", text: "Governor Ana Ruiz signed an order pardoning 31 inmates.", find: "31",
			value: 31, cmp: Exact, kind: Count, unit: "inmates", event: "pardon", subject: "Ana Ruiz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.text, time.Time{})
			if tt.lang != "" {
				a.Language = tt.lang
			}
			ns := Numbers(a)
			n, ok := findNumber(ns, tt.find)
			if !ok {
				t.Fatalf("no number with %q in %+v", tt.find, ns)
			}
			if n.Value != tt.value {
				t.Errorf("value: got %v, want %v", n.Value, tt.value)
			}
			if n.Comparator != tt.cmp {
				t.Errorf("comparator: got %q, want %q", n.Comparator, tt.cmp)
			}
			if tt.kind != "" && n.Kind != tt.kind {
				t.Errorf("kind: got %q, want %q", n.Kind, tt.kind)
			}
			if tt.unit != "" && n.Unit != tt.unit {
				t.Errorf("unit: got %q, want %q", n.Unit, tt.unit)
			}
			if tt.event != "" && n.Event != tt.event {
				t.Errorf("event: got %q (verb %q), want %q", n.Event, n.Verb, tt.event)
			}
			if tt.subject != "" && n.Subject != tt.subject {
				t.Errorf("subject: got %q, want %q", n.Subject, tt.subject)
			}
			if tt.noteHas != "" && !strings.Contains(n.Note, tt.noteHas) {
				t.Errorf("note: got %q, want it to contain %q", n.Note, tt.noteHas)
			}
			if tt.wantText != "" && n.Text != tt.wantText {
				t.Errorf("text: got %q, want %q", n.Text, tt.wantText)
			}
			if got := crosscheck.Slice(a.Text, n.Span.Start, n.Span.End); got != n.Text {
				t.Errorf("span: got %q, want %q", got, n.Text)
			}
		})
	}
}

func TestNotNumbers(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"year after in", "The plant closed in 2020."},
		{"year as modifier", "He lost the 2020 election."},
		{"year range", "She led the party from 2015-2019."},
		{"ordinal in a name", "She ran the Ok16 gallery."},
		{"code with hyphen", "The COVID-19 wards were full."},
		{"list mark", "1. Open the door."},
		{"time of day", "The vote closed at 10:30 on the dot."},
		{"ordinal", "It was his 16th visit."},
		{"one of", "One of the guards left early."},
		{"no one", "No one was hurt."},
		{"label", "He was held in Colony No. 2 near the city."},
		{"years ago", "The protests began five years ago."},
		{"date day", "Talks began on March 3."},
		{"decade", "It was popular in the 1990s."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ns := Numbers(article(tt.text, time.Time{})); len(ns) != 0 {
				t.Errorf("got %d numbers (%+v), want none", len(ns), ns)
			}
		})
	}
}
