package dedup

import (
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func TestAttributions(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Origin | span text"
	}{
		{"according to", "The decision was announced on Monday, according to Reuters.", []string{"Reuters | according to Reuters"}},
		{"outlet reported", "Reuters reported that talks would continue.", []string{"Reuters | Reuters reported"}},
		{"the agency resolves to the agency named before",
			"Reuters reported the release. “Nine were freed,” the agency said.",
			[]string{"Reuters | Reuters reported", "Reuters | the agency said"}},
		{"the agency with no agency nearby", "“We will continue,” the agency said.", nil},
		{"the agency named too long ago",
			"Reuters reported it. One more. Two more. Three more. “Yes,” the agency said.",
			[]string{"Reuters | Reuters reported"}},
		{"the channel resolves to a channel that is not well known",
			"The channel Rybar reported the strike. “It was large,” the channel said.",
			[]string{"Rybar | The channel Rybar reported", "Rybar | the channel said"}},
		{"told", "His wife told AFP that he was travelling to Lithuania.", []string{"AFP | told AFP"}},
		{"told a long name", "A spokesperson told Agence France-Presse the move was unexpected.", []string{"AFP | told Agence France-Presse"}},
		{"told people is not attribution", "Khomich told reporters she was happy.", nil},
		{"reported citing", "Nine are in Lithuania, Reuters reported citing the US Embassy in Lithuania.",
			[]string{"Reuters | Reuters reported", "US Embassy | citing the US Embassy"}},
		{"quoted channel name", "Lukashenko signed a decree, the Telegram channel “Pul Pervogo” reported.",
			[]string{"Pul Pervogo | the Telegram channel “Pul Pervogo” reported"}},
		{"two agencies", "The figure rose, according to the Associated Press and Reuters.",
			[]string{"AP | according to the Associated Press and Reuters", "Reuters | according to the Associated Press and Reuters"}},
		{"descriptor then name", "The news agency Interfax said the plane landed.", []string{"Interfax | The news agency Interfax said"}},
		{"dateline", "MINSK (Reuters) - Belarus freed 123 prisoners.", []string{"Reuters | (Reuters)"}},
		{"site name", "In a conversation with Lenta.ru, he argued the opposite.", []string{"Lenta.ru | In a conversation with Lenta.ru"}},
		{"unknown origin", "Five were freed, according to Kyiv's Coordination Headquarters for the Treatment of Prisoners of War.",
			[]string{"Kyiv's Coordination Headquarters for the Treatment of Prisoners of War | according to Kyiv's Coordination Headquarters for the Treatment of Prisoners of War"}},
		{"pronouns and people saying things", "According to her, Lukashenko said the talks went well, and the ministry said so too.", nil},
		{"lower-case ap is not the agency", "The ap reported nothing.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("x", tt.text)
			var got []string
			for _, at := range Attributions(a) {
				got = append(got, at.Origin+" | "+crosscheck.Slice(a.Text, at.Span.Start, at.Span.End))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAttributionFields(t *testing.T) {
	text := "Belarus freed 123 prisoners.\nAccording to Reuters, nine are in Lithuania."
	a := article("x", text)
	got := Attributions(a)
	if len(got) != 1 {
		t.Fatalf("got %d attributions, want 1", len(got))
	}
	want := Attribution{Origin: "Reuters", Known: true, Span: crosscheck.Span{Article: "x", Start: 29, End: 49}, Sentence: 1}
	if got[0] != want {
		t.Errorf("got %+v, want %+v", got[0], want)
	}
	a.Sentences = nil
	got = Attributions(a)
	want.Sentence = -1
	if len(got) != 1 || got[0] != want {
		t.Errorf("without sentences got %+v, want [%+v]", got, want)
	}
	if Attributions(nil) != nil {
		t.Error("got attributions for nil, want none")
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Agence France-Presse", "AFP"},
		{"france-presse", "AFP"},
		{"the Associated Press", "AP"},
		{"www.reuters.com", "Reuters"},
		{"Reuters news agency", "Reuters"},
		{"“Pul Pervogo”", "Pul Pervogo"},
		{"RIA Novosti", "RIA Novosti"},
		{"the Daily Gazette", "Daily Gazette"},
		{"  US Embassy. ", "US Embassy"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Canonical(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
