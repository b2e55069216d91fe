package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

func TestDates(t *testing.T) {
	pub := day(2025, time.December, 14) // a Sunday
	tests := []struct {
		name      string
		text      string
		pub       time.Time
		find      string // a part of the date's text
		iso       string
		end       string
		precision Precision
		part      string
		event     string
		flags     string // any of: relative inferred unanchored invalid
	}{
		{name: "weekday and abbreviated month", text: "The deal was announced on Saturday, Dec. 13, in the capital.", pub: pub,
			find: "Dec. 13", iso: "2025-12-13", precision: Day, flags: "inferred", event: "The deal was announced"},
		{name: "month day, year from article", text: "On November 22, the council approved the budget.", pub: pub,
			find: "November 22", iso: "2025-11-22", precision: Day, flags: "inferred", event: "the council approved the budget"},
		{name: "month alone", text: "In June, the mayor resigned.", pub: pub,
			find: "June", iso: "2025-06", precision: Month, flags: "inferred", event: "the mayor resigned"},
		{name: "month day range", text: "Talks were held on December 12 and 13 in Oslo.", pub: pub,
			find: "December 12 and 13", iso: "2025-12-12", end: "2025-12-13", precision: Day, flags: "inferred"},
		{name: "day month range", text: "The summit ran 3-5 March 2024.", pub: pub,
			find: "3-5 March", iso: "2024-03-03", end: "2024-03-05", precision: Day},
		{name: "full date", text: "On July 6, 2021, the court ruled.", pub: pub,
			find: "July 6, 2021", iso: "2021-07-06", precision: Day, event: "the court ruled"},
		{name: "day first with year", text: "He was born on 13 December 1979.", pub: pub,
			find: "13 December 1979", iso: "1979-12-13", precision: Day},
		{name: "month and year", text: "In May 2020, she joined the campaign.", pub: pub,
			find: "May 2020", iso: "2020-05", precision: Month, event: "she joined the campaign"},
		{name: "year", text: "In 2017, he opened a bakery.", pub: pub,
			find: "2017", iso: "2017", precision: Year, event: "he opened a bakery"},
		{name: "year as modifier", text: "She lost the 2020 presidential election.", pub: pub,
			find: "2020", iso: "2020", precision: Year, event: "presidential election"},
		{name: "season of the same year", text: "In 2019, the firm moved. In the fall of the same year, it was sold.", pub: pub,
			find: "fall", iso: "2019", precision: Year, part: "fall", flags: "relative", event: "it was sold"},
		{name: "years ago", text: "The protests began five years ago.", pub: pub,
			find: "five years ago", iso: "2020", precision: Year, flags: "relative"},
		{name: "today", text: "The prisoners were freed today.", pub: pub,
			find: "today", iso: "2025-12-14", precision: Day, flags: "relative"},
		{name: "yesterday", text: "The vote took place yesterday.", pub: pub,
			find: "yesterday", iso: "2025-12-13", precision: Day, flags: "relative"},
		{name: "earlier this year", text: "Talks began earlier this year.", pub: pub,
			find: "earlier this year", iso: "2025", precision: Year, part: "earlier", flags: "relative"},
		{name: "last year", text: "Exports doubled last year.", pub: pub,
			find: "last year", iso: "2024", precision: Year, flags: "relative"},
		{name: "last month", text: "He resigned last month.", pub: pub,
			find: "last month", iso: "2025-11", precision: Month, flags: "relative"},
		{name: "weekday alone", text: "The envoy arrived on Friday.", pub: pub,
			find: "Friday", iso: "2025-12-12", precision: Day, flags: "relative"},
		{name: "nearest year may be next", text: "The next round is due on January 5.", pub: pub,
			find: "January 5", iso: "2026-01-05", precision: Day, flags: "inferred"},
		{name: "far future goes back a year", text: "In October, the factory closed.", pub: pub,
			find: "October", iso: "2025-10", precision: Month, flags: "inferred"},
		{name: "iso date", text: "The order is dated 2025-03-04.", pub: pub,
			find: "2025-03-04", iso: "2025-03-04", precision: Day},
		{name: "dotted date", text: "The order is dated 04.03.2025.", pub: pub,
			find: "04.03.2025", iso: "2025-03-04", precision: Day},
		{name: "early year", text: "The plant opens in early 2026.", pub: pub,
			find: "2026", iso: "2026", precision: Year, part: "early"},
		{name: "unanchored month day", text: "On November 22, the council approved the budget.",
			find: "November 22", iso: "--11-22", precision: Day, flags: "unanchored"},
		{name: "unanchored month", text: "In June, the mayor resigned.",
			find: "June", iso: "--06", precision: Month, flags: "unanchored"},
		{name: "unanchored today", text: "The prisoners were freed today.",
			find: "today", iso: "", precision: None, flags: "relative unanchored"},
		{name: "leap day without year", text: "It happened on February 29.",
			find: "February 29", iso: "--02-29", precision: Day, flags: "unanchored"},
		{name: "invalid day", text: "The letter is dated 30 February 2021.", pub: pub,
			find: "30 February", iso: "", precision: None, flags: "invalid"},
		{name: "invalid day without year", text: "The letter is dated February 30.",
			find: "February 30", iso: "", precision: None, flags: "invalid unanchored"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.text, tt.pub)
			ds := Dates(a)
			var dt Date
			found := false
			for _, x := range ds {
				if strings.Contains(x.Text, tt.find) {
					dt, found = x, true
					break
				}
			}
			if !found {
				t.Fatalf("no date with %q in %+v", tt.find, ds)
			}
			if dt.ISO != tt.iso {
				t.Errorf("iso: got %q, want %q", dt.ISO, tt.iso)
			}
			if dt.End != tt.end {
				t.Errorf("end: got %q, want %q", dt.End, tt.end)
			}
			if dt.Precision != tt.precision {
				t.Errorf("precision: got %q, want %q", dt.Precision, tt.precision)
			}
			if dt.Part != tt.part {
				t.Errorf("part: got %q, want %q", dt.Part, tt.part)
			}
			if tt.event != "" && dt.Event != tt.event {
				t.Errorf("event: got %q, want %q", dt.Event, tt.event)
			}
			flags := map[string]bool{"relative": dt.Relative, "inferred": dt.YearInferred, "unanchored": dt.Unanchored, "invalid": dt.Invalid}
			for f, got := range flags {
				if want := strings.Contains(tt.flags, f); got != want {
					t.Errorf("%s: got %v, want %v", f, got, want)
				}
			}
			if got := crosscheck.Slice(a.Text, dt.Span.Start, dt.Span.End); got != dt.Text {
				t.Errorf("span: got %q, want %q", got, dt.Text)
			}
		})
	}
}
