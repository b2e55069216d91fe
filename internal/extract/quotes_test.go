package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

func TestQuotes(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		find    string // a part of the quote
		speaker string
		cue     string
		channel string
		partial bool
		multi   bool // the quote runs over several sentences
	}{
		{name: "name then said", text: `"We will rebuild the bridge," Mayor Lena Fisk said.`,
			find: "rebuild", speaker: "Lena Fisk", cue: "Mayor Lena Fisk"},
		{name: "said then name", text: `"The talks were useful," said Omar Haddad.`,
			find: "talks", speaker: "Omar Haddad"},
		{name: "surname expanded", text: `Omar Haddad flew in on Monday. "The talks were useful," Haddad said.`,
			find: "talks", speaker: "Omar Haddad", cue: "Haddad"},
		{name: "told an agency", text: `"The border is open," Ivo Lasko told AFP.`,
			find: "border", speaker: "Ivo Lasko", channel: "AFP"},
		{name: "told a two-word agency", text: `"The border is open," Ivo Lasko told RIA Novosti on Sunday.`,
			find: "border", speaker: "Ivo Lasko", channel: "RIA Novosti"},
		{name: "cue before with comma", text: `Envoy Paul Dray stated, "Trade will resume soon."`,
			find: "Trade", speaker: "Paul Dray"},
		{name: "cue before with colon", text: `Rector Jan Bos said: "Classes resume next week."`,
			find: "Classes", speaker: "Jan Bos"},
		{name: "according to", text: `"Prices will fall," according to Maria Sanz.`,
			find: "Prices", speaker: "Maria Sanz"},
		{name: "descriptive resolved", text: `A spokesman for the Danish Ministry of Foreign Affairs told Reuters that the visit was off. "We regret the decision," the diplomat said.`,
			find: "regret", speaker: "spokesman for the Danish Ministry of Foreign Affairs", cue: "the diplomat", channel: "Reuters"},
		{name: "descriptive unresolved", text: `"We waited for years," the teacher said.`,
			find: "waited", speaker: "the teacher", cue: "the teacher"},
		{name: "agency resolved", text: `Ten miners were rescued, Reuters reported. "The last two were found at noon," the agency said.`,
			find: "noon", speaker: "Reuters", cue: "the agency"},
		{name: "pronoun takes previous speaker", text: `"We regret it," Nora Pike told the BBC. "We will keep trying," she added.`,
			find: "keep trying", speaker: "Nora Pike", cue: "she", channel: "BBC"},
		{name: "several sentences", text: `“We waited for years. Nobody came. Now it is over,” Ada Brill said.`,
			find: "Nobody came", speaker: "Ada Brill", multi: true},
		{name: "guillemets", text: `«Wir bleiben hier», sagte er. «Die Lage ist ruhig», said Petra Holm.`,
			find: "Lage", speaker: "Petra Holm"},
		{name: "low-high marks", text: `„Die Lage ist ruhig“, said Petra Holm.`,
			find: "Lage", speaker: "Petra Holm"},
		{name: "channel on telegram", text: `"The operation is over," the ministry said on Telegram.`,
			find: "operation", speaker: "the ministry", channel: "Telegram"},
		{name: "statement on telegram", text: `In a statement on Telegram, Governor Ines Roa said: "Stay home."`,
			find: "Stay", speaker: "Ines Roa", channel: "Telegram"},
		{name: "channel from the sentence before", text: `His brother, Karl Vane, confirmed the news to the BBC. "He is safe," Vane said.`,
			find: "safe", speaker: "Karl Vane", channel: "BBC"},
		{name: "continues the previous quote", text: `"We lost everything," Ana Kral said. "The house, the car, the savings."`,
			find: "the car", speaker: "Ana Kral"},
		{name: "partial quote", text: `Minister Eva Lund called the ruling "a dark day for justice" in a post.`,
			find: "dark day", partial: true, speaker: "Eva Lund"},
		{name: "lower-case quote after cue is whole", text: `The first thing Ola Berg said was, "thank you all for waiting."`,
			find: "thank you", speaker: "Ola Berg"},
		{name: "straight quotes after cleaning", text: `"She is safe, she is well," Tom Reed said, adding that he hoped to visit.`,
			find: "safe", speaker: "Tom Reed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.text, time.Time{})
			qs := Quotes(a)
			var q Quote
			found := false
			for _, x := range qs {
				if strings.Contains(x.Text, tt.find) {
					q, found = x, true
				}
			}
			if !found {
				t.Fatalf("no quote with %q in %+v", tt.find, qs)
			}
			if q.Speaker != tt.speaker {
				t.Errorf("speaker: got %q (%s), want %q", q.Speaker, q.How, tt.speaker)
			}
			if tt.cue != "" && q.Cue != tt.cue {
				t.Errorf("cue: got %q, want %q", q.Cue, tt.cue)
			}
			if q.Channel != tt.channel {
				t.Errorf("channel: got %q, want %q", q.Channel, tt.channel)
			}
			if q.Partial != tt.partial {
				t.Errorf("partial: got %v, want %v", q.Partial, tt.partial)
			}
			if got := q.LastSentence > q.Sentence; got != tt.multi {
				t.Errorf("several sentences: got %v, want %v", got, tt.multi)
			}
			if q.Normalized != Normalize(q.Text) {
				t.Errorf("normalized: got %q, want %q", q.Normalized, Normalize(q.Text))
			}
			span := crosscheck.Slice(a.Text, q.Span.Start, q.Span.End)
			if span != q.Text {
				t.Errorf("span: got %q, want %q", span, q.Text)
			}
		})
	}
}

func TestNotQuotes(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"name in quotes", `The channel "Morning Star" reported the news.`},
		{"inch mark", `He bought a 32" screen.`},
		{"empty marks", `She said "" and left.`},
		{"no marks", `Nobody said anything.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if qs := Quotes(article(tt.text, time.Time{})); len(qs) != 0 {
				t.Errorf("got %d quotes (%+v), want none", len(qs), qs)
			}
		})
	}
}

func TestSameQuote(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", "We will return.", "We will return.", true},
		{"punctuation and case", `"We will RETURN!"`, "we will return", true},
		{"translated slightly differently",
			"guided by humanitarian principles and shared family values",
			"is guided by humanitarian principles as well as shared and family values", true},
		{"spelling variant", "As ties normalise, more curbs will be lifted.", "As ties normalize, more curbs will be lifted", true},
		{"part of a longer quote", "the gates will open at dawn",
			"We have agreed that the gates will open at dawn and close at dusk for the next month.", true},
		{"short fragment inside", "a historic day", "Today is a historic day for our country.", true},
		{"different quotes on one topic", "We will continue to seek his release.",
			"We know the condition for his release is that he leaves the country.", false},
		{"unrelated", "The harvest was poor this year.", "Our team will win the cup.", false},
		{"short and absent", "thank you", "We thank the volunteers who helped.", false},
		{"empty", "", "Anything at all.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, score := SameQuote(tt.a, tt.b)
			if got != tt.want {
				t.Errorf("SameQuote(%q, %q): got %v (score %.2f), want %v", tt.a, tt.b, got, score, tt.want)
			}
			if score < 0 || score > 1 {
				t.Errorf("score: got %v, want it in [0, 1]", score)
			}
			if back, _ := SameQuote(tt.b, tt.a); back != got {
				t.Errorf("SameQuote is not symmetric: got %v one way and %v the other", got, back)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"punctuation", `“Hello, World!” — it’s late…`, "hello world its late"},
		{"accents", "Počobut café", "pocobut cafe"},
		{"spaces", "  a \n b  ", "a b"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q): got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
