package names

import "strings"

// givenFamilies lists given names that are one name in different languages
// and romanisations, one family a line: a gender (m, f) and its members. The
// families are anchored on East Slavic names and their usual renderings in
// Russian, Belarusian and Ukrainian romanisation, Polish, and the English,
// German, French, Spanish and Italian forms an outlet may translate them to,
// plus the common Arabic transliteration variants, and the English short
// forms that outlets print for the full name (Dan Martin, Daniel Martin).
// A name in two families (Sasha, Ted, Chris) is a short form of both.
// Only true cognates belong here: Ivan and John are one name, Yegor and
// George have drifted apart.
const givenFamilies = `
m alexander aleksandr alexandr aleksander aliaksandr alyaksandr aliaksander aleksandar oleksandr olexandr olexander oleksander alexandre alessandro alejandro aleksandras sasha sascha sanya shura alex
f alexandra aleksandra aliaksandra alyaksandra oleksandra olexandra alessandra alejandra sasha sascha alex
m alexei aleksei alexey aleksey aleksej alexej aliaksei aliaksej alyaksei oleksiy oleksii olexiy alexios alyosha
m sergei sergey sergej serguei sergii sergiy serhiy serhii siarhei siarhiej sergio sergiu serge
m viktor victor viktar wiktor vitya
f viktoria viktoriya victoria viktoryia viktoriia wiktoria vicky vicki
f maria mariya marija maryia maryja mariia marya mary marie masha
f svetlana sviatlana svyatlana svitlana sveta
m andrei andrey andrej andrii andriy andrij andrzej andrew andreas andres andrius andrey andriej andy
m vladimir wladimir uladzimir uladimir volodymyr wolodymyr wlodzimierz volodya
m vladislav uladzislau vladyslav wladyslaw vladislaw
m mikhail michail mihail mikhailo mykhailo mykhaylo michael michal mikhal mikael michel miguel mihai misha mike mick mickey
m dmitry dmitri dmitriy dmitrii dmitrij dzmitry dzmitryi dzmitriy dmytro dimitri dimitry dimitar dimitrios dima
m yuri yury yuriy yurii iurii jurij juri yurij yurii yura jurijs
m pavel paval pavlo paul pawel paolo pablo paulo pavol pavle
m nikolai nikolay nikolaj mikalai mikalaj mykola mikola nicholas nikolaos nicolas nicola nicolai kolya nick nicky
m ivan ioann john juan johann johannes giovanni joao jovan jon
m pyotr petr piotr petro peter pieter pierre pietro pedro petar petros petru pyatro pete
m georgy georgiy georgii georgi heorhi heorhiy heorhii george georg jerzy jurgen jorge giorgio giorgi georges
m yevgeny evgeny evgeni evgenii evgeniy yevgeniy yevgenii yauhen yauheni yevhen yevheniy ievgen eugene eugen eugenio eugeniusz zhenya
f yevgenia evgenia evgeniya yevgeniya yauhenia yevheniia eugenia
m grigory grigori grigoriy grigorii hryhoriy hryhorii ryhor gregory gregor grzegorz gregorio greg
m anatoly anatoli anatoliy anatolii anatol anatolij
m leonid leanid
m boris barys
m igor ihar ihor ihar
m oleg aleh oleh
m roman raman
m konstantin kanstantsin kostiantyn kostyantyn constantine constantin konstantinos kostya
m stanislav stanislau stanislaw stanislaus
m vyacheslav viacheslav viachaslau vyachaslau slava
m valentin valiantsin valentyn valentine valentino
m valery valeri valeriy valerii valer valeriu
m vasily vasili vasiliy vasilii vasilij vasyl vasil basil wassily vasilii
m fyodor fedor fiodor fedir theodore theodor teodor ted teddy
m edward eduard edouard eduardo edvard ted teddy eddie ed
m yakov jakub jacob jakob iakov yakiv
m semyon semen simon szymon symon siamion
m maxim maksim maksym maxime massimo
m artem artyom artsiom artemiy artemii
m kirill kiril kiryl kyrylo cyril
m anton antoni antonio antoine anthony antony antonin tony
m daniil daniel danil danylo danila danielius dan danny
m nikita mikita mykyta
m ilya ilia illia ilja
m stepan stsiapan stephen steven stefan stephan esteban stefano steve stevie
m vitaly vitali vitaliy vitalii
m yaroslav jaroslav jaroslaw yaraslau
m timofei timofey tsimafei tymofiy timothy tim
m ruslan ruslans
m vadim vadzim vadym
m gennady gennadi gennadiy hienadz hennadiy
m arkady arkadi arkadiy arkadii arkadz arkadiy
m denis dzianis denys dennis
m matvei matvey matsvei matthew mateusz matteo mathieu matthias matt
m lev leu leo
m benjamin binyamin veniamin beniamin benyamin ben benny bibi
m william bill billy willy wilhelm willem guillermo guillaume will
m robert bob bobby rob roberto
m richard rick dick ricardo riccardo ryszard rich richie
m james jim jimmy jamie
m thomas tom tommy tomas tomasz foma
m charles charlie chuck karl carl carlos carlo karol
m joseph joe iosif osip josef jozef giuseppe jose joey
m david dave davit dawid
m muhammad mohammed mohammad mohamed mohamad muhammed mohammed mohamud mukhammad magomed mehmet mohd
m ahmad ahmed akhmed ahmet
m hassan hasan hassen
m hussein husayn hussain husain husein hussen husseyn
m osama usama usamah ousama
m omar umar omer
m mahmoud mahmud mahmood mahmut
m abdullah abdallah abdulla abdullahi
m abdul abd abdel abdal abdol abdoul abdu
m yusuf yousef yusef youssef yousuf jusuf yousif yusif
m ibrahim ebrahim ibragim
m mustafa mostafa mustapha moustafa
m khalid khaled
m muammar moammar moamar muamar
f anna hanna ganna anya anne ana
f irina iryna irena irene
f yulia yuliya yuliia julia yulija iulia juliya
f yekaterina ekaterina katsiaryna kateryna katerina catherine katarzyna katya katherine kathryn kate katie kathy cathy
f lyudmila ludmila liudmila liudmyla ludmyla
f galina halina halyna
f oksana aksana
f veronika veranika veronica
f darya daria daryia dariya darja dasha
f marina maryna
f nadezhda nadzeya nadiya nadia
f lyubov liubou liubov
f valentina valiantsina valentyna
f ksenia kseniya ksenija xenia
f sofia sofiya sophia sofiia sophie zofia
f polina palina
f elizaveta yelizaveta elisabeth elizabeth elzbieta liza liz lizzie beth betty
f tatiana tatyana tatsiana tetiana tetyana tatjana taciana tanya
f natalia natalya natallia nataliya natalija natalie nathalie natasha
f olga olha volha wolha
f elena yelena jelena alena olena helena helen lena
f inna ina
f larisa larysa
m christopher chris
m samuel sam sammy
m jonathan jon jonny
m patrick pat paddy
m jeffrey geoffrey jeff geoff
m kenneth ken kenny
m ronald ron ronnie
m donald don donnie
m raymond ray
m lawrence laurence larry
m frederick fred freddie
m philip phillip phil
m nathan nathaniel nate
m zachary zach zack
m douglas doug
f christina christine chris
f patricia pat patty trish
f margaret maggie peggy meg
f susan sue susie
f jennifer jen jenny
f rebecca becky
f deborah debbie debra
f abigail abby
f pamela pam
f jacqueline jackie
f samantha sam
`

// givenSingles are common given names of several languages that are not
// cognates of one another, one family each: two of them never merge however
// alike they are spelt (Harry, Larry).
const givenSingles = `
m aaron abraham adam adrian ahmad alan albert alfred ali amir andre angelo anders arthur  bernard boris bruno
m caleb calvin carlos cedric christian claude clement colin conrad craig cyrus dale damian darren dean derek diego dominic dustin dylan
m edgar edmund edwin elias elliot emil emmanuel enrique eric erik ernest ethan evan felix fernando fidel francis francisco frank franz friedrich fritz
m gabriel gareth gary gavin gerald gerard gerhard gilbert glenn gordon graham grant hamid hans harold harry hector henry herbert hugo hugh ian ignacio  isaac
m jack jacques jaime jan jason jeremy jerome jesse jesus joachim joel jonas jordan juan julian julius justin kamal karim keith kevin klaus kurt kyle
m lars leon leonard liam lionel lorenzo louis lucas luis luke malcolm manuel marc marcel marco marcus mario mark martin marvin matthew maurice max
m mehdi michel miles mitchell morris moses neil nelson niels nils noah norman oliver oscar otto owen peter pierre rafael ralph ramon
m randy raul reza ricardo roger roland ross roy rudolf rupert russell ryan said salman saul scott sean sebastian seth shane sidney stanley
m stuart sultan tariq terry timothy todd travis trevor tyler victor vincent wade walter wayne wesley wolfgang xavier yasser
f ada agnes alice alicia alison amanda amber amelia amy angela angelina anita annette april audrey barbara beatrice bella bettina beverly brenda bridget
f camille carla carmen carol caroline cassandra cecilia celine charlotte chloe claire clara claudia colette cynthia daisy danielle denise diana
f dolores donna doris dorothy edith eleanor elisa eliza ella ellen eloise elsa emily emma erica erin esther eva evelyn fatima fiona florence frances gabriela gemma georgia
f gina giorgia gloria grace greta hannah harriet hazel heather heidi hilary holly ingrid iris isabel isabella jane janet janice jasmine jessica joan
f joanna jocelyn josephine joyce judith judy julie juliet karen kathleen kelly laura lauren leila lily linda lisa lois lorraine louise lucia lucy lydia
f mabel madeleine madison margarita marguerite marianne marjorie martha martina maureen megan melanie melissa michaela michelle mildred miriam molly monica
f nancy naomi nicole nina nora norma olivia paula pauline penelope phoebe priscilla rachel regina renee rita roberta rosa rose ruth sabrina sally
f sandra sara sarah serena sharon sheila shirley simone sonia stella suzanne sylvia tamara teresa theresa tina ursula vanessa vera violet virginia
f wendy yvonne zoe marine marion manon jeanne yvette odile sylvie brigitte agnes
`

// given-name lookup: variant form → family ids (1-based), and each family's
// gender. Filled at init, read-only afterwards.
var (
	givenIndex  = map[string][]uint16{}
	givenGender []Gender
	givenLabel  []string
)

func init() {
	givenGender = append(givenGender, Unknown) // id 0 is no family
	givenLabel = append(givenLabel, "")
	add := func(g Gender, label string, members []string) {
		id := uint16(len(givenGender))
		givenGender = append(givenGender, g)
		givenLabel = append(givenLabel, label)
		var buf []byte
		for _, m := range members {
			buf, _ = normToken(buf[:0], m)
			k := string(buf)
			ids := givenIndex[k]
			if len(ids) > 0 && ids[len(ids)-1] == id {
				continue
			}
			givenIndex[k] = append(ids, id)
		}
	}
	gender := func(s string) Gender {
		if s == "f" {
			return Female
		}
		return Male
	}
	for _, line := range strings.Split(givenFamilies, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		add(gender(f[0]), f[1], f[1:])
	}
	for _, line := range strings.Split(givenSingles, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for _, m := range f[1:] {
			buf, _ := normToken(nil, m)
			if _, ok := givenIndex[string(buf)]; ok {
				continue // already a family member
			}
			add(gender(f[0]), m, []string{m})
		}
	}
}

// families returns the given-name families of a variant form.
func families(v string) []uint16 {
	return givenIndex[v]
}

// shareFamily reports whether two family lists intersect.
func shareFamily(a, b []uint16) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
