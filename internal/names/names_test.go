package names

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMatchSame(t *testing.T) {
	tests := []struct{ name, a, b string }{
		// Romanisations of East Slavic names.
		{"akanye", "Kolesnikova", "Kalesnikava"},
		{"full name Belarusian", "Maria Kolesnikova", "Maryia Kalesnikava"},
		{"-ko/-ka", "Babariko", "Babaryka"},
		{"Viktar", "Viktor Babariko", "Viktar Babaryka"},
		{"-ski/-sky", "Bialiatski", "Bialiatsky"},
		{"yakanye", "Ales Bialiatski", "Ales Byalyatsky"},
		{"belarusian ie", "Mikalai Statkievich", "Nikolai Statkevich"},
		{"belarusian -ieu", "Aliaksei Hrebnieu", "Alexei Grebnev"},
		{"Russian spelling", "Ales Bialiatski", "Ales Belyatsky"},
		// English short forms.
		{"Dan", "Dan Martin", "Daniel Martin"},
		{"Mike", "Mike Pompeo", "Michael Pompeo"},
		{"Tony", "Tony Blair", "Anthony Blair"},
		{"Larry", "Larry Page", "Lawrence Page"},
		{"Liz", "Liz Truss", "Elizabeth Truss"},
		{"Lukashenka", "Lukashenko", "Lukashenka"},
		{"tsekanne and ў", "Tikhanovskaya", "Tsikhanouskaya"},
		{"Sviatlana", "Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya"},
		{"Siarhei", "Sergei Tikhanovsky", "Siarhei Tsikhanouski"},
		{"Aliaksandr", "Alexander Lukashenko", "Aliaksandr Lukashenka"},
		{"Oleksandr", "Oleksandr Lukashenko", "Alexander Lukashenko"},
		{"Serhiy", "Serhiy Tikhanovsky", "Sergei Tikhanovsky"},
		{"Maryia", "Maria Kolesnikova", "Maryia Kolesnikova"},
		{"Uladzimir -ou", "Uladzimir Arlou", "Vladimir Orlov"},
		{"Raman", "Raman Pratasevich", "Roman Protasevich"},
		{"Ihar", "Ihar Losik", "Igor Losik"},
		{"Mikalai", "Mikalai Statkevich", "Nikolai Statkevich"},
		{"Dzmitry", "Dzmitry Miadzviedzeu", "Dmitry Medvedev"},
		{"Volha", "Volha Kavalkova", "Olga Kovalkova"},
		{"Tatsiana", "Tatsiana Khomich", "Tatiana Khomich"},
		{"Natallia", "Natallia Kachanava", "Natalia Kochanova"},
		{"Yury", "Yury Dud", "Yuri Dud"},
		{"Pavlo", "Pavlo Klimkin", "Pavel Klimkin"},
		{"Mykola", "Mykola Azarov", "Nikolai Azarov"},
		{"Oleksiy", "Oleksiy Reznikov", "Alexei Reznikov"},
		{"Tetiana", "Tetiana Chornovol", "Tatiana Chernovol"},
		{"Heorhiy", "Heorhiy Kirpa", "Georgy Kirpa"},
		{"Mykhailo", "Mykhailo Podolyak", "Mikhail Podolyak"},
		{"Andriy", "Andriy Yermak", "Andrei Yermak"},
		{"Petro", "Petro Poroshenko", "Pyotr Poroshenko"},
		{"Zelenskyy", "Volodymyr Zelenskyy", "Volodymyr Zelensky"},
		{"German Ukrainian", "Wolodymyr Selenskyj", "Volodymyr Zelenskyy"},
		{"German Russian", "Michail Gorbatschow", "Mikhail Gorbachev"},
		{"German shch", "Nikita Chruschtschow", "Nikita Khrushchev"},
		{"French shch", "Khrouchtchev", "Khrushchev"},
		{"Polish ch for kh", "Chodorkowski", "Khodorkovsky"},
		{"Klitschko", "Vitali Klitschko", "Vitaliy Klychko"},
		{"Yanukovych", "Wiktor Janukowytsch", "Viktor Yanukovych"},
		{"Latvian", "Sergejs Lavrovs", "Sergey Lavrov"},
		// Misspellings, diacritics, scripts.
		{"misspelling", "John Coale", "John Cole"},
		{"Počobut", "Počobut", "Poczobut"},
		{"háček dropped", "Andrzej Počobut", "Andrei Pocobut"},
		{"Łukaszenka", "Łukaszenka", "Lukashenka"},
		{"Vučić", "Aleksandar Vučić", "Aleksandar Vucic"},
		{"Cyrillic", "Колесникова", "Kalesnikava"},
		{"Cyrillic full", "Мария Колесникова", "Maria Kolesnikova"},
		{"Belarusian Cyrillic", "Святлана Ціханоўская", "Svetlana Tikhanovskaya"},
		{"Ukrainian Cyrillic", "Володимир Зеленський", "Volodymyr Zelensky"},
		{"Greek", "Κυριάκος Μητσοτάκης", "Kyriakos Mitsotakis"},
		{"Armenian", "Բարակ Օբամա", "Barack Obama"},
		{"Georgian", "ბარაკ ობამა", "Barack Obama"},
		{"katakana", "バラク・オバマ", "Barack Obama"},
		{"Arabic to Latin", "فرناندو بيريز", "Fernando Pérez"},
		{"Hebrew", "בנימין נתניהו", "Benjamin Netanyahu"},
		{"mixed scripts", "Maria Колесникова", "Maria Kolesnikova"},
		{"all caps", "MARIA KOLESNIKOVA", "Maria Kolesnikova"},
		{"digits for letters", "Ig0r Sech1n", "Igor Sechin"},
		{"Arabic transliterations", "Muammar Gaddafi", "Moammar Qadhafi"},
		// Structure.
		{"comma order", "Kolesnikova, Maria", "Maria Kolesnikova"},
		{"surname first", "Lukashenko Alexander", "Alexander Lukashenko"},
		{"patronymic", "Alexander Grigoryevich Lukashenko", "Alexander Lukashenko"},
		{"title", "President Alexander Lukashenko", "Alexander Lukashenko"},
		{"middle initial", "Hans J. Friedrich", "Hans Joachim Friedrich"},
		{"initials cluster", "JC Juncker", "Jean-Claude Juncker"},
		{"hyphen", "Jean Marie Le Pen", "Jean-Marie Le Pen"},
		{"joined", "SergeiLavrov", "Sergei Lavrov"},
		{"split", "Nikolai Patr ushev", "Nikolai Platonovich Patrushev"},
		{"bin", "Osama bin Laden", "Usama bin Ladin"},
		{"al-", "Bashar al-Assad", "Bachar el-Assad"},
		{"nickname", "Ted Doe", "Theodore Doe"},
		{"Pinyin", "Si Jinpin", "Xi Jinping"},
		{"identical", "Lukashenko", "Lukashenko"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Match(tt.a, tt.b); !got.Same {
				t.Errorf("Match(%q, %q) = %+v, want Same", tt.a, tt.b, got)
			}
		})
	}
}

func TestMatchDifferent(t *testing.T) {
	tests := []struct{ name, a, b, reason string }{
		{"spouses", "Sergei Tikhanovsky", "Svetlana Tikhanovskaya", "given names differ"},
		{"short forms of other names", "Larry Page", "Harry Page", "given names differ"},
		{"a short form and another name", "Dan Martin", "David Martin", "given names differ"},
		{"spouses Belarusian", "Siarhei Tsikhanouski", "Sviatlana Tsikhanouskaya", "given names differ"},
		{"gendered surname", "Kolesnikov", "Kolesnikova", "gender differs"},
		{"Belarusian -au/-ava", "Kalesnikau", "Kalesnikava", "gender differs"},
		{"-sky/-skaya", "Tikhanovsky", "Svetlana Tikhanovskaya", "gender differs"},
		{"-y/-aya", "Navalny", "Navalnaya", "gender differs"},
		{"-oy/-aya", "Tolstoy", "Tolstaya", "gender differs"},
		{"Polish -ski/-ska", "Kowalski", "Kowalska", "gender differs"},
		{"Greek -os/-ou", "Papadopoulos", "Papadopoulou", "gender differs"},
		{"father and son", "Alexander Lukashenko", "Viktor Lukashenko", "given names differ"},
		{"father and son Belarusian", "Viktar Babaryka", "Eduard Babaryka", "given names differ"},
		{"mother and daughter", "Yulia Navalnaya", "Daria Navalnaya", "given names differ"},
		{"brothers", "Alexei Navalny", "Oleg Navalny", "given names differ"},
		{"initial conflicts", "A. Lukashenko", "Viktor Lukashenko", "initials differ"},
		{"feminine given name", "Ivan Petrov", "Ivana Petrov", "given names differ"},
		{"Alexander and Alexandra", "Alexander Lukashenko", "Alexandra Lukashenko", "given names differ"},
		{"Alexei and Alexander", "Alexei Navalny", "Alexander Navalny", "given names differ"},
		{"patronymics differ", "Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov", "differ"},
		{"Jr and Sr", "John Smith Jr.", "John Smith Sr.", "generation differs"},
		{"middle initials", "George W. Bush", "George H. W. Bush", "middle initials differ"},
		{"Kim", "Kim Jong-un", "Kim Jong-il", "differ"},
		{"father's name moved", "Salman bin Muhammad al-Rawi", "Muhammad bin Salman al-Rawi", "patronymic order differs"},
		{"given names swapped", "Friedrich Hans", "Hans Friedrich", "order differs"},
		{"different surnames", "Alexander Lukashenko", "Alexander Lukashevich", "surnames differ"},
		{"given name alone", "Svetlana", "Svetlana Tikhanovskaya", "only a given name"},
		{"initials alone", "N. N.", "Nursultan Nazarbayev", "only initials"},
		{"father and daughter", "Jean-Marie Le Pen", "Marine Le Pen", "given names differ"},
		{"short syllables", "Kim Jong Un", "Kim Jong On", "differ"},
		{"Chinese character", "习近朋", "习近平", "differ"},
		{"other scripts", "Barack Obama", "贝拉克·奥巴马", "differ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(tt.a, tt.b)
			if got.Same {
				t.Errorf("Match(%q, %q) = %+v, want different", tt.a, tt.b, got)
			}
			if !strings.Contains(got.Reason, tt.reason) {
				t.Errorf("Match(%q, %q).Reason = %q, want it to contain %q", tt.a, tt.b, got.Reason, tt.reason)
			}
			if got.Score >= 0.5 {
				t.Errorf("Match(%q, %q).Score = %.2f, want below 0.5", tt.a, tt.b, got.Score)
			}
		})
	}
}

func TestMatchPartial(t *testing.T) {
	tests := []struct {
		name, a, b string
		partial    bool
	}{
		{"surname only", "Lukashenko", "Alexander Lukashenko", true},
		{"surname only, other spelling", "Lukashenka", "Aliaksandr Lukashenka", true},
		{"surname only, title", "President Lukashenko", "Alexander Lukashenko", true},
		{"surname only, particle", "Le Pen", "Marine Le Pen", true},
		{"initial", "A. Lukashenko", "Alexander Lukashenko", true},
		{"Cyrillic initial", "А. Лукашенко", "Alexander Lukashenko", true},
		{"Jr on one side", "Robert F. Kennedy", "Robert F. Kennedy Jr.", true},
		{"full names", "Alexander Lukashenko", "Aliaksandr Lukashenka", false},
		{"patronymic added", "Vladimir Vladimirovich Putin", "Vladimir Putin", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(tt.a, tt.b)
			if !got.Same || got.Partial != tt.partial {
				t.Errorf("Match(%q, %q) = %+v, want Same with Partial %v", tt.a, tt.b, got, tt.partial)
			}
			if tt.partial && !strings.HasPrefix(got.Reason, "partial") {
				t.Errorf("Match(%q, %q).Reason = %q, want it to start with \"partial\"", tt.a, tt.b, got.Reason)
			}
		})
	}
}

func TestMatchReason(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"akanye", "Kalesnikava", "Kolesnikova", "akanye"},
		{"transliteration", "Колесникова", "Kalesnikava", "same after transliteration"},
		{"gender", "Kolesnikov", "Kolesnikova", "gender differs: kolesnikov (m) vs kolesnikova (f)"},
		{"given names", "Alexander Lukashenko", "Viktor Lukashenko", "given names differ: alexander vs viktor"},
		{"cognates", "Siarhei Tsikhanouski", "Sergei Tikhanovsky", "given-name cognates (siarhei ~ sergei)"},
		{"misspelling", "Lukashenko", "Lukahsenko", "close spelling"},
		{"same", "Maria Kolesnikova", "MARIA KOLESNIKOVA", "same name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Match(tt.a, tt.b).Reason; !strings.Contains(got, tt.want) {
				t.Errorf("Match(%q, %q).Reason = %q, want it to contain %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestMatchJunk(t *testing.T) {
	long := strings.Repeat("Aliaksandr Lukashenka ", 200)
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"both empty", "", "", false},
		{"one empty", "", "Maria Kolesnikova", false},
		{"spaces", "   ", "\t\n", false},
		{"punctuation", "-.,;'()", "Maria Kolesnikova", false},
		{"single letter", "A", "Alexander Lukashenko", false},
		{"single letters", "A", "B", false},
		{"digits", "12345", "12345", false},
		{"very long", long, "Alexander Lukashenko", true},
		{"very long both", long, long, true},
		{"invalid UTF-8", "Kol\xffesnikova", "Kolesnikova", true},
		{"emoji", "🙂 Maria 🙂 Kolesnikova", "Maria Kolesnikova", true},
		{"combining marks", "Poc\u030cobut", "Počobut", true},
		{"lone combining mark", "\u030c\u0301", "Počobut", false},
		{"many words", strings.Repeat("a b c d e f g h i j ", 10), "a b", false},
		{"Cyrillic junk", "ъъъ ьь", "Ъ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(tt.a, tt.b)
			if got.Same != tt.same {
				t.Errorf("Match(%.40q, %.40q) = %+v, want Same %v", tt.a, tt.b, got, tt.same)
			}
			if got.Score < 0 || got.Score > 1 {
				t.Errorf("Match(%.40q, %.40q).Score = %v, want 0..1", tt.a, tt.b, got.Score)
			}
			MatchOrg(tt.a, tt.b)
			Key(tt.a)
			Parse(tt.a)
		})
	}
}

// TestMatchNeverPanics feeds random strings built from the characters names
// are made of, and worse.
func TestMatchNeverPanics(t *testing.T) {
	alphabet := []rune("aeiouy bcdkhlmnrstvzAKLMSTZ.,-'’()&0123ёжшщыэюяіўїєґ łøßæčšžźćőçğışάυ ա ბ ア ッ ー ャ ب ال ל 习 김 \u030c\u200c\xff")
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for i := 0; i < 3000; i++ {
		a, b := word(), word()
		res := Match(a, b)
		if res.Score < 0 || res.Score > 1 {
			t.Fatalf("Match(%q, %q).Score = %v, want 0..1", a, b, res.Score)
		}
		if !utf8.ValidString(res.Reason) {
			t.Fatalf("Match(%q, %q).Reason = %q, want valid UTF-8", a, b, res.Reason)
		}
		MatchOrg(a, b)
		Key(a)
	}
}

func TestMatchSymmetric(t *testing.T) {
	names := []string{
		"Maria Kolesnikova", "Kalesnikava", "Kolesnikov", "A. Lukashenko", "Alexander Lukashenko",
		"Viktor Lukashenko", "Lukashenka", "N. N.", "Nursultan Nazarbayev", "Sergei Tikhanovsky",
		"Svetlana Tikhanovskaya", "Tsikhanouskaya", "SergeiLavrov", "Sergei Lavrov", "Putin, Vladimir",
		"George W. Bush", "George H. W. Bush", "Robert F. Kennedy Jr.", "Robert F. Kennedy",
	}
	for _, a := range names {
		for _, b := range names {
			ab, ba := Match(a, b), Match(b, a)
			if ab.Same != ba.Same || ab.Partial != ba.Partial {
				t.Errorf("Match(%q, %q) = %+v but Match(%q, %q) = %+v, want the same verdict", a, b, ab, b, a, ba)
			}
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		name  string
		names []string
	}{
		{"Kolesnikova", []string{"Kolesnikova", "Kalesnikava", "Колесникова", "Kolesnikov", "Kalesnikau", "Maria Kolesnikova"}},
		{"Lukashenko", []string{"Lukashenko", "Lukashenka", "Łukaszenka", "Лукашенко", "Лукашэнка", "Lukaschenko", "Lukasenka", "Alexander Lukashenko"}},
		{"Tikhanovskaya", []string{"Tikhanovskaya", "Tsikhanouskaya", "Тихановская", "Ціханоўская", "Tikhanovsky", "Tsikhanouski"}},
		{"Bialiatski", []string{"Bialiatski", "Bialiatsky", "Byalyatsky", "Беляцкий", "Бяляцкі"}},
		{"Babariko", []string{"Babariko", "Babaryka", "Бабарико", "Бабарыка"}},
		{"Počobut", []string{"Počobut", "Poczobut", "Pocobut", "Почобут"}},
		{"Zelensky", []string{"Zelensky", "Zelenskyy", "Selenskyj", "Зеленський", "Zelenskiy", "Zelenska"}},
		{"Vučić", []string{"Vučić", "Vucic", "Вучић"}},
		{"Gorbachev", []string{"Gorbachev", "Gorbatschow", "Gorbatchev"}},
		{"Coale", []string{"Cole", "Coale", "COLE"}},
		{"comma and reversed order", []string{"Lukashenko, Alexander", "Lukashenko Alexander"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := Key(tt.names[0])
			if want == "" {
				t.Fatalf("Key(%q) is empty", tt.names[0])
			}
			for _, n := range tt.names[1:] {
				if got := Key(n); got != want {
					t.Errorf("Key(%q) = %q, want %q as for %q", n, got, want, tt.names[0])
				}
			}
		})
	}
	t.Run("empty", func(t *testing.T) {
		for _, n := range []string{"", "  ", ".,-", "123"} {
			if got := Key(n); got != "" {
				t.Errorf("Key(%q) = %q, want empty", n, got)
			}
		}
	})
}

// TestKeyManyNames puts 10,000 distinct made-up names through Key: every
// one gets a key, and no block swallows a large share of them.
func TestKeyManyNames(t *testing.T) {
	syllables := strings.Fields("ka ko le les ni nik va lu sha shen ba bar ry tsi kha nou ska ya ze len sky pa vel mi ro man dzi to su gor ch ev in ov ik uk yan dr br st")
	r := rand.New(rand.NewPCG(3, 4))
	seen := map[string]bool{}
	blocks := map[string]int{}
	for len(seen) < 10000 {
		var b strings.Builder
		for n := 2 + r.IntN(3); n > 0; n-- {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		name := b.String()
		if seen[name] {
			continue
		}
		seen[name] = true
		k := Key(name)
		if k == "" {
			t.Fatalf("Key(%q) is empty", name)
		}
		blocks[k]++
	}
	largest := 0
	for _, n := range blocks {
		largest = max(largest, n)
	}
	if len(blocks) < 2000 {
		t.Errorf("got %d distinct keys for 10000 names, want at least 2000", len(blocks))
	}
	if largest > 200 {
		t.Errorf("got a block of %d names, want at most 200", largest)
	}
	t.Logf("%d keys, largest block %d", len(blocks), largest)
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		given    []string
		surname  string
		gender   Gender
		initials bool
	}{
		{"plain", "Maria Kolesnikova", []string{"maria"}, "kolesnikova", Female, false},
		{"comma", "Lukashenko, Alexander G.", []string{"alexander", "g"}, "lukashenko", Male, false},
		{"title and patronymic", "President Alexander Grigoryevich Lukashenko", []string{"alexander", "grigoryevich"}, "lukashenko", Male, false},
		{"initials", "A. G. Lukashenko", []string{"a", "g"}, "lukashenko", Unknown, true},
		{"surname first", "Ротенберг Аркадий", []string{"arkadiy"}, "rotenberg", Male, false},
		{"particle", "Ursula von der Leyen", []string{"ursula"}, "leyen", Female, false},
		{"Belarusian masculine", "Kalesnikau", nil, "kalesnikau", Male, false},
		{"surname only", "Tsikhanouskaya", nil, "tsikhanouskaya", Female, false},
		{"empty", "", nil, "", Unknown, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Parse(tt.in)
			if fmt.Sprint(p.Given) != fmt.Sprint(tt.given) || p.Surname != tt.surname || p.Gender != tt.gender || p.Initials != tt.initials {
				t.Errorf("Parse(%q) = given %q surname %q gender %v initials %v, want given %q surname %q gender %v initials %v",
					tt.in, p.Given, p.Surname, p.Gender, p.Initials, tt.given, tt.surname, tt.gender, tt.initials)
			}
			if p.Key != Key(tt.in) {
				t.Errorf("Parse(%q).Key = %q, want Key() = %q", tt.in, p.Key, Key(tt.in))
			}
		})
	}
}

func TestParsedMatch(t *testing.T) {
	a, b := Parse("Sviatlana Tsikhanouskaya"), Parse("Svetlana Tikhanovskaya")
	if got, want := a.Match(b), Match("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"); got != want {
		t.Errorf("Parsed.Match = %+v, want %+v as Match gives", got, want)
	}
	if got := (Parsed{}).Match(b); got.Same {
		t.Errorf("zero Parsed.Match = %+v, want different", got)
	}
}

func TestRuleNames(t *testing.T) {
	if got, want := uint32(1)<<(len(ruleNames)-1), ruleDh; got != want {
		t.Errorf("last rule bit by name count: got %#x, want %#x (ruleNames out of step with the rule constants)", got, want)
	}
}
