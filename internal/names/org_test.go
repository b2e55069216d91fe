package names

import (
	"strings"
	"testing"
)

func TestMatchOrg(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
		reason     string
	}{
		{"acronym", "AFP", "Agence France-Presse", true, "acronym"},
		{"acronym reversed", "Agence France Presse", "AFP", true, "acronym"},
		{"acronym with legal word", "BBC", "British Broadcasting Corporation", true, "acronym"},
		{"acronym without stopwords", "OECD", "Organisation for Economic Co-operation and Development", true, "acronym"},
		{"acronym inside", "U.S. Department of State", "United States Department of State", true, ""},
		{"case and punctuation", "ALPHABET INC.", "Alphabet, Inc.", true, "same name"},
		{"legal form dropped", "Deutsche Bank AG", "Deutsche Bank", true, "legal form ignored"},
		{"legal form spelt out", "Siemens Aktiengesellschaft", "Siemens AG", true, ""},
		{"Ltd and Limited", "Vodafone Limited", "Vodafone Ltd", true, ""},
		{"LLC spelt out", "Stripe LLC", "Stripe Limited Liability Company", true, ""},
		{"Russian legal form", "OAO Gazprom", "Open Joint Stock Company Gazprom", true, ""},
		{"Cyrillic", "ООО АЯС 2000", "ООО \"АЯС 2000\"", true, ""},
		{"the", "The World Bank", "World Bank", true, ""},
		{"and", "Procter & Gamble Co.", "Procter and Gamble Co.", true, ""},
		{"diacritics", "Société Générale S.A.", "Societe Generale S.A.", true, ""},
		{"joined", "PricewaterhouseCoopers LLP", "Pricewaterhouse Coopers LLP", true, "spaces"},
		{"joined legal form", "SiemensAG", "Siemens AG", true, ""},
		{"spelling", "World Health Organisation", "World Health Organization", true, ""},
		{"contraction", "First Bank Int'l", "First International Bank", true, ""},
		{"number words", "Brigade Forty-Four", "Brigade 44", true, ""},
		{"ordinal", "1st International Bank", "First International Bank", true, ""},
		{"initials with stops", "J.P. Morgan & Co.", "JP Morgan & Co.", true, ""},
		{"qualifier", "Deutsche Bank (Schweiz) AG", "Deutsche Bank AG", true, "partial"},
		{"legal forms conflict", "Deutsche Bank AG", "Deutsche Bank GmbH", false, "legal forms differ"},
		{"different company", "Volkswagen AG", "Siemens AG", false, "differ"},
		{"extra word", "Deutsche Bank Trust Company", "Deutsche Bank", false, "extra words"},
		{"country", "Bank of China (Hong Kong) Limited", "Bank of China (Singapore) Limited", false, "differ"},
		{"series number", "Apollo Investment Fund VIII L.P.", "Apollo Investment Fund IX L.P.", false, "differ"},
		{"place", "Government of Estonia", "Government of Ethiopia", false, "differ"},
		{"ticker", "BD p.l.c.", "BP p.l.c.", false, "differ"},
		{"acronym order", "C.B.A. Company", "A.B.C. Company", false, "differ"},
		{"empty", "", "", false, "empty"},
		{"legal form only", "Ltd", "LLC", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchOrg(tt.a, tt.b)
			if got.Same != tt.same {
				t.Errorf("MatchOrg(%q, %q) = %+v, want Same %v", tt.a, tt.b, got, tt.same)
			}
			if !strings.Contains(got.Reason, tt.reason) {
				t.Errorf("MatchOrg(%q, %q).Reason = %q, want it to contain %q", tt.a, tt.b, got.Reason, tt.reason)
			}
			if rev := MatchOrg(tt.b, tt.a); rev.Same != got.Same {
				t.Errorf("MatchOrg(%q, %q) = %+v, want the verdict of the other order, %+v", tt.b, tt.a, rev, got)
			}
		})
	}
}
