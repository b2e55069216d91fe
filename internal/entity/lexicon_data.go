package entity

// The word lists behind the lexicon and the gazetteer. They are plain text so
// that adding a word needs no code; lexicon.go parses them once.

// countries: one country or territory a line, as
// "name; demonyms and plural nouns; other names".
const countries = `
Afghanistan; Afghan
Albania; Albanian
Algeria; Algerian
Andorra; Andorran
Angola; Angolan
Argentina; Argentine, Argentinian
Armenia; Armenian
Australia; Australian, Aussie
Austria; Austrian
Azerbaijan; Azerbaijani, Azeri
Bahamas; Bahamian
Bahrain; Bahraini
Bangladesh; Bangladeshi
Barbados; Barbadian
Belarus; Belarusian, Belarussian, Byelorussian, Belarusan; Byelorussia, Republic of Belarus
Belgium; Belgian
Belize; Belizean
Benin; Beninese
Bhutan; Bhutanese
Bolivia; Bolivian
Bosnia and Herzegovina; Bosnian; Bosnia
Botswana; Botswanan
Brazil; Brazilian
Brunei; Bruneian
Bulgaria; Bulgarian
Burkina Faso; Burkinabe
Burundi; Burundian
Cambodia; Cambodian
Cameroon; Cameroonian
Canada; Canadian
Cape Verde; Cape Verdean
Central African Republic
Chad; Chadian
Chile; Chilean
China; Chinese; People's Republic of China, PRC
Colombia; Colombian
Comoros
Congo; Congolese; Democratic Republic of the Congo, DRC, Republic of the Congo
Costa Rica; Costa Rican
Croatia; Croatian, Croats
Cuba; Cuban
Cyprus; Cypriot
Czech Republic; Czech; Czechia
Denmark; Danish, Danes
Djibouti
Dominican Republic; Dominican
Ecuador; Ecuadorian
Egypt; Egyptian
El Salvador; Salvadoran
Equatorial Guinea
Eritrea; Eritrean
Estonia; Estonian
Eswatini; Swazi; Swaziland
Ethiopia; Ethiopian
Fiji; Fijian
Finland; Finnish, Finns
France; French
Gabon; Gabonese
Gambia; Gambian
Georgia; Georgian
Germany; German
Ghana; Ghanaian
Greece; Greek
Guatemala; Guatemalan
Guinea; Guinean
Guyana; Guyanese
Haiti; Haitian
Honduras; Honduran
Hungary; Hungarian
Iceland; Icelandic, Icelanders
India; Indian
Indonesia; Indonesian
Iran; Iranian
Iraq; Iraqi
Ireland; Irish
Israel; Israeli
Italy; Italian
Ivory Coast; Ivorian; Cote d'Ivoire
Jamaica; Jamaican
Japan; Japanese
Jordan; Jordanian
Kazakhstan; Kazakh, Kazakhstani
Kenya; Kenyan
Kosovo; Kosovar
Kuwait; Kuwaiti
Kyrgyzstan; Kyrgyz
Laos; Laotian
Latvia; Latvian
Lebanon; Lebanese
Lesotho
Liberia; Liberian
Libya; Libyan
Liechtenstein
Lithuania; Lithuanian
Luxembourg
Madagascar; Malagasy
Malawi; Malawian
Malaysia; Malaysian
Maldives; Maldivian
Mali; Malian
Malta; Maltese
Mauritania; Mauritanian
Mauritius; Mauritian
Mexico; Mexican
Moldova; Moldovan
Monaco; Monegasque
Mongolia; Mongolian
Montenegro; Montenegrin
Morocco; Moroccan
Mozambique; Mozambican
Myanmar; Burmese; Burma
Namibia; Namibian
Nepal; Nepali, Nepalese
Netherlands; Dutch; Holland
New Zealand; New Zealander, Kiwi
Nicaragua; Nicaraguan
Niger; Nigerien
Nigeria; Nigerian
North Korea; North Korean; DPRK
North Macedonia; Macedonian; Macedonia
Norway; Norwegian
Oman; Omani
Pakistan; Pakistani
Palestine; Palestinian; Palestinian Territories
Panama; Panamanian
Papua New Guinea
Paraguay; Paraguayan
Peru; Peruvian
Philippines; Filipino, Philippine
Poland; Polish, Poles
Portugal; Portuguese
Qatar; Qatari
Romania; Romanian
Russia; Russian; Russian Federation
Rwanda; Rwandan
Saudi Arabia; Saudi
Senegal; Senegalese
Serbia; Serbian, Serbs
Sierra Leone; Sierra Leonean
Singapore; Singaporean
Slovakia; Slovak
Slovenia; Slovenian, Slovene
Somalia; Somali
South Africa; South African
South Korea; South Korean; Korea, Republic of Korea
South Sudan; South Sudanese
Spain; Spanish, Spaniards
Sri Lanka; Sri Lankan
Sudan; Sudanese
Suriname; Surinamese
Sweden; Swedish, Swedes
Switzerland; Swiss
Syria; Syrian
Taiwan; Taiwanese
Tajikistan; Tajik
Tanzania; Tanzanian
Thailand; Thai
Togo; Togolese
Tunisia; Tunisian
Turkey; Turkish, Turks; Turkiye
Turkmenistan; Turkmen
Uganda; Ugandan
Ukraine; Ukrainian
United Arab Emirates; Emirati; UAE
United Kingdom; British, Britons, Brits; UK, U.K., Britain, Great Britain
United States; American; US, U.S., USA, U.S.A., America, United States of America
Uruguay; Uruguayan
Uzbekistan; Uzbek
Vatican; Vatican City, Holy See
Venezuela; Venezuelan
Vietnam; Vietnamese
Yemen; Yemeni
Zambia; Zambian
Zimbabwe; Zimbabwean
England; English
Scotland; Scottish, Scots
Wales; Welsh
Northern Ireland
Greenland; Greenlandic
Crimea; Crimean
Chechnya; Chechen
Dagestan; Dagestani
Tibet; Tibetan
Kurdistan; Kurdish, Kurds
Catalonia; Catalan
Hong Kong
Macau
Gaza; Gazan; Gaza Strip
West Bank
Transnistria
Abkhazia; Abkhaz
South Ossetia
Donbas; ; Donbass
Siberia; Siberian
Soviet Union; Soviet; USSR
Europe; European
Asia; Asian
Africa; African
Eurasia; Eurasian
Middle East; Middle Eastern
Latin America; Latin American
North America; North American
South America; South American
Central Asia; Central Asian
Scandinavia; Scandinavian
Baltics; Baltic; Baltic States
Balkans; Balkan
Caucasus; Caucasian
Arctic
Antarctica; Antarctic
`

// cities: capitals and other cities, regions and places that news names
// often. Alternative spellings are listed on one line, separated by commas.
const cities = `
Minsk
Kyiv, Kiev
Moscow
Warsaw
Vilnius
Riga
Tallinn
Berlin
Paris
London
Washington, Washington D.C., Washington DC
New York, New York City
Brussels
Geneva
Vienna
Rome
Madrid
Lisbon
Amsterdam
The Hague
Prague
Budapest
Bucharest
Sofia
Belgrade
Zagreb
Ljubljana
Bratislava
Athens
Ankara
Istanbul
Tbilisi
Yerevan
Baku
Chisinau
Helsinki
Stockholm
Oslo
Copenhagen
Reykjavik
Dublin
Edinburgh
Belfast
Cardiff
Bern
Zurich
Munich
Frankfurt
Hamburg
Cologne
Milan
Naples
Barcelona
Marseille
Lyon
Strasbourg
Krakow
Gdansk
Wroclaw
Lublin
Bialystok
Kharkiv, Kharkov
Odesa, Odessa
Lviv, Lvov
Dnipro, Dnipropetrovsk
Donetsk
Luhansk, Lugansk
Mariupol
Kherson
Zaporizhzhia, Zaporozhye
Bakhmut
Sevastopol
Simferopol
Chernihiv
Sumy
Poltava
Brest
Grodno, Hrodna
Gomel, Homel
Vitebsk, Viciebsk
Mogilev, Mahiliou
St Petersburg, St. Petersburg, Saint Petersburg
Novosibirsk
Yekaterinburg
Kaliningrad
Belgorod
Kursk
Rostov, Rostov-on-Don
Volgograd
Kazan
Vladivostok
Beijing
Shanghai
Guangzhou
Shenzhen
Wuhan
Tokyo
Osaka
Seoul
Pyongyang
Taipei
New Delhi, Delhi
Mumbai
Kolkata
Islamabad
Karachi
Lahore
Kabul
Tehran
Baghdad
Damascus
Aleppo
Beirut
Jerusalem
Tel Aviv
Amman
Riyadh
Jeddah
Doha
Dubai
Abu Dhabi
Muscat
Sanaa
Cairo
Tripoli
Tunis
Algiers
Rabat
Khartoum
Nairobi
Addis Ababa
Lagos
Abuja
Accra
Dakar
Kinshasa
Johannesburg
Cape Town
Pretoria
Ottawa
Toronto
Montreal
Vancouver
Mexico City
Havana
Caracas
Bogota
Lima
Santiago
Buenos Aires
Brasilia
Sao Paulo
Rio de Janeiro
Los Angeles
Chicago
San Francisco
Boston
Miami
Houston
Seattle
Philadelphia
Atlanta
Dallas
Detroit
Cleveland
Denver
Phoenix
San Diego
San Antonio
San Jose
Austin
Baltimore
Pittsburgh
Cincinnati
St. Louis, St Louis
Kansas City
Minneapolis
Milwaukee
Nashville
Memphis
New Orleans
Las Vegas
Portland
Sacramento
Oakland
Anchorage
Honolulu
Brooklyn
Manhattan
Queens
the Bronx, Bronx
Hollywood
Beverly Hills
Silicon Valley
Salt Lake City
Orlando
Tampa
Charlotte
Indianapolis
Columbus
Jacksonville
Fort Worth
El Paso
Albuquerque
Tucson
Omaha
Birmingham
Manchester
Liverpool
Glasgow
Leeds
Bristol
Oxford
Cambridge
Calgary
Edmonton
Quebec
Sydney
Melbourne
Canberra
Wellington
Auckland
Bangkok
Hanoi
Ho Chi Minh City
Manila
Jakarta
Kuala Lumpur
Dhaka
Kathmandu
Colombo
Astana
Almaty
Tashkent
Bishkek
Dushanbe
Ashgabat
Ulaanbaatar
Alabama
Alaska
Arizona
Arkansas
California
Colorado
Connecticut
Delaware
Florida
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Texas
Utah
Vermont
Virginia
West Virginia
Wisconsin
Wyoming
Bavaria
Normandy
Sicily
Sardinia
Corsica
Kashmir
Punjab
Xinjiang
Kaliningrad Oblast
Kursk Oblast
Belgorod Oblast
Zaporizhzhia Oblast
Kherson Oblast
Donetsk Oblast
Luhansk Oblast
Mediterranean
Black Sea
Baltic Sea
Red Sea
Atlantic
Pacific
Persian Gulf
`

// organisations: news outlets, agencies and well-known institutions, one a
// line, the canonical name first and then other names and acronyms.
const organisations = `
Reuters, Thomson Reuters
Agence France-Presse, AFP, France-Presse, Agence France Presse
Associated Press, AP
RIA Novosti, RIA
TASS, ITAR-TASS
Interfax
BBC, British Broadcasting Corporation
CNN
Al Jazeera
Lenta.ru
BelTA
Ukrinform
UNIAN
Xinhua
Kyodo
Yonhap
Anadolu, Anadolu Agency
ANSA
Deutsche Presse-Agentur, DPA
EFE
PAP, Polish Press Agency
Bloomberg
New York Times, NYT
Washington Post
Wall Street Journal, WSJ
The Guardian, Guardian
Financial Times, FT
The Economist, Economist
Le Monde
Le Figaro
Der Spiegel, Spiegel
Deutsche Welle, DW
Radio Free Europe/Radio Liberty, RFE/RL, Radio Free Europe, Radio Liberty, Radio Svoboda
Voice of America, VOA
Euronews
Politico
Axios
NPR
CBS, CBS News
NBC, NBC News
ABC News
Fox News
Sky News
Meduza
Novaya Gazeta
Kommersant
RBC
Izvestia
RT, Russia Today
Sputnik
Kyiv Independent
Kyiv Post
Ukrainska Pravda
Nasha Niva
Zerkalo
Euroradio
Charter 97
Telegram
Facebook
Twitter
YouTube
Instagram
TikTok
WhatsApp
Google
Apple
Microsoft
Amazon
Meta
United Nations, UN, U.N.
UN Security Council, Security Council
European Union, EU
NATO, North Atlantic Treaty Organization
OSCE, Organization for Security and Co-operation in Europe
International Monetary Fund, IMF
World Bank
World Health Organization, WHO
International Committee of the Red Cross, ICRC, Red Cross
Amnesty International, Amnesty
Human Rights Watch, HRW
International Criminal Court, ICC
Kremlin
White House
Pentagon
State Department
Congress
Senate
State Duma, Duma
European Commission
European Parliament
Council of Europe
Interpol
FBI
CIA
KGB
FSB
Gazprom
Rosneft
Lukoil
Hamas
Hezbollah
Taliban
OPEC
WTO, World Trade Organization
Commonwealth of Independent States, CIS
Press Trust of India, PTI
IANS
ANI
ESPN
MLB, Major League Baseball
NFL, National Football League
NBA, National Basketball Association
NHL
FIFA
UEFA
International Olympic Committee, IOC
Yahoo
USA Today
Los Angeles Times
Daily Mail
European Central Bank, ECB
Federal Reserve
G7
G20
`

// misc: capitalised words that name neither a person, an organisation nor a
// place, and must not be taken for one.
const misc = `
Nobel, Nobel Prize, Nobel Peace Prize
Olympics, Olympic Games
Christmas, Easter, Ramadan, Hanukkah, New Year
Internet
COVID, COVID-19, Covid, Covid-19
God, Allah
Islam, Christianity, Judaism
Muslim, Christian, Catholic, Roman Catholic, Orthodox, Jewish, Protestant
West, East, North, South
Western, Eastern, Northern, Southern
Communist, Communism, Democrat, Democrats, Republican, Republicans
GDP, CEO, TV, AI, OK, PM, AM, LGBT, NGO, UTC, GMT, PDF, ID, DNA, GPS, CCTV
EST, EDT, CST, CDT, MST, MDT, PST, PDT, ET, PT, CT, BST, CET, CEST, EET, EEST, MSK, IST, JST, AEST, AEDT
MP, MPs, MEP, MEPs, RBI, RBIs, ERA, MVP
`

// functionWords never start a name, wherever they stand.
const functionWords = `
a an the this that these those there here such some any each every all both
either neither no not nor none own other another
i me my mine we our ours you your yours he him his she her hers it its
they them their theirs who whom whose which what when where why how whoever
whatever whichever
and or but so yet if then than because since while although though unless
until till once whether as after before during
at by for from in into of off on onto out over to under up upon with within
without about above across against along amid among around behind below
beneath beside besides between beyond despite down except inside near outside
past per through throughout toward towards via versus unlike
is are was were be been being am do does did done doing have has had having
would shall should could might must ought
`

// commonWords are ordinary words often capitalised at the start of a
// sentence or in a headline; there, and in all-caps text, they are not names.
const commonWords = `
us will can may need like same
said says say saying told tells tell added adds stated states noted notes
wrote writes explained argued believes believed reported reports announced
announces claimed claims confirmed confirms denied denies asked asks
called calls according accordingly
made make makes took take takes gave give gives went go goes got get gets
came come comes saw see sees knew know knows thought think thinks
met meet meets left leave leaves kept keep keeps held hold holds
released release releases freed free frees signed sign signs
also only just even still already again never ever always often sometimes
soon now today yesterday tomorrow tonight earlier later meanwhile
however therefore thus hence moreover furthermore additionally instead
otherwise indeed perhaps maybe nevertheless nonetheless overall finally
first second third last next new old many much more most less least few
several various very too quite rather almost nearly
one two three four five six seven eight nine ten eleven twelve hundred
hundreds thousand thousands million millions billion billions dozen dozens
yes please thanks thank welcome
amongst including included includes following followed
people person man men woman women child children family families
government governments authorities officials police
country countries city cities world nation nations
year years month months week weeks day days time times
report reports news story stories article photo photos video videos
read more share print search email comments comment subscribe
breaking update updated live latest exclusive analysis opinion
related popular categories category tags tag home menu login
`

// titles are role nouns that can stand right before a person's name, or
// after it in apposition: "opposition leader Maria ...", "..., a banker".
const titles = `
president vice-president president-elect leader envoy secretary
secretary-general spokesperson spokesman spokeswoman minister premier
chancellor scientist journalist reporter correspondent editor
editor-in-chief columnist activist laureate winner chairman chairwoman
chairperson chair head director chief governor mayor ambassador diplomat
representative official analyst expert lawyer attorney banker businessman
businesswoman entrepreneur philanthropist founder co-founder cofounder
ceo commander general admiral colonel lieutenant captain sergeant officer
soldier senator congressman congresswoman lawmaker legislator deputy mp
politician economist professor prof prof. doctor dr dr. adviser advisor
aide coordinator negotiator mediator opponent dissident defender
campaigner candidate figure member musician flautist pianist violinist
composer conductor singer actor actress writer author poet novelist artist
sister brother wife husband daughter son mother father widow widower
king queen prince princess emperor empress pope patriarch cardinal
archbishop bishop priest pastor rabbi imam sheikh judge prosecutor
ombudsman commissioner councillor councilman councilwoman ruler dictator
strongman monarch undersecretary sheriff coach player striker owner
manager executive blogger photographer cameraman producer researcher
historian sociologist philosopher theologian physician surgeon nurse
athlete supporter ally critic detainee prisoner hostage veteran
gov gov. sen sen. rep rep. sgt sgt. lt lt. col col. gen gen. capt capt. rev
rev. fr fr. maj maj. adm adm. cmdr supt insp det det. pres amb
superintendent inspector detective constable marshal d.a
`

// roleModifiers can stand inside a role phrase without being its head:
// "White House special envoy", "head of office of the Belarusian opposition".
const roleModifiers = `
special press opposition political former ex exiled acting deputy vice
foreign prime chief senior top first lead current then longtime
long-time veteran prominent leading key human rights human-rights nobel
peace presidential state defence defense interior justice finance economy
economic military democratic pro-democracy executive general managing
national security intelligence independent civil society affairs office
government party movement campaign election de facto self-proclaimed
self-exiled jailed imprisoned detained released freed pardoned late
famous renowned well-known noted embattled outgoing incoming newly
elected re-elected interim honorary assistant associate principal
permanent regional local federal international world global media news
tv radio investigative freelance anti-corruption anti-war women's army
navy air force police health education culture trade energy agriculture
transport labour labor emergency environment sports youth information
communications digital board directors staff chamber commerce united
nations union house council committee court supreme high constitutional
central bank ministry cabinet administration department agency service
major main co veteran retired jailed
`

// orgTriggers end or head an organisation's name: "Polish Foreign Ministry",
// "Union of Poles in Belarus".
const orgTriggers = `
union ministry committee council court headquarters party embassy consulate
department agency bank office commission parliament assembly congress
senate duma government service services forces army navy police guard
corporation corp corp. company co. inc inc. ltd ltd. llc plc group holding
holdings foundation fund institute institution university college school
academy association federation confederation alliance coalition front
movement organisation organization network channel news times post
journal gazette herald tribune radio television broadcasting press media
register chronicle observer examiner inquirer courier bulletin dispatch
magazine digest house magistrates prison jail penitentiary hospital clinic
hotel museum library cathedral mosque temple monastery advisors advisers partners associates
capital consulting solutions systems technologies industries enterprises
ventures labs pharmaceuticals brands stores foods insurance investments
securities realty properties studios records entertainment
center centre board bureau authority tribunal cabinet secretariat
directorate inspectorate watch airlines airways railways motors club church
mission league society trust partnership command brigade battalion
regiment corps kremlin prosecutor's commissariat observatory
`

// placeTriggers end or head a place's name.
const placeTriggers = `
republic region oblast province prefecture county district territory
island islands peninsula river sea ocean lake mountains mount bay gulf
strait square street avenue boulevard bridge airport valley desert canal
coast plateau krai raion voivodeship governorate city ave ave. rd rd. road lane
station stadium arena blvd blvd.
park plaza highway hwy hills heights
`

// miscTriggers head names that are neither people, organisations nor
// places: prizes, events, laws.
const miscTriggers = `
prize award awards medal cup championship championships games olympics war day
week festival act law treaty agreement accord accords declaration summit
plan programme program operation doctrine revolution election elections
crisis constitution code protests protest charter
`

// orgNouns are lower-case nouns that, right before a capitalised name, say
// it is an organisation: "the rights group Viasna".
const orgNouns = `
group organisation organization company firm party agency newspaper outlet
channel bank movement network broadcaster union watchdog website portal
publication magazine daily weekly station brand giant maker producer
operator carrier center centre ngo charity foundation initiative club
`

// placeNouns are lower-case nouns that, right before a capitalised name,
// say it is a place: "the city of Brest", "the village Kurenets".
const placeNouns = `
city town village capital region province district oblast county port
island river
`

// months and weekdays are capitalised but name no one.
const months = `
january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec
`

const weekdays = `
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
thu thurs fri sat sun
`

// particles link the parts of a person's or a place's name.
const particles = `
de da di du del della der den van von le la al el bin ibn bint dos das zu
ter ten y lo dei mac
`

// givenMale, givenFemale and givenEither list given names; they tell a
// person's name from other capitalised words, and give a gender.
const givenMale = `
james john robert michael william david richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua
kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob
gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler
aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy
walter christian keith roger terry austin sean gerald carl harold dylan
arthur lawrence jesse bryan billy bruce gabriel joe logan alan juan albert
willie elijah wayne randy vincent mason roy ralph bobby russell bradley
philip eugene louis harry howard fred tony bill bob jim tom mike ted chris
dave steve nick ben sam max joel mitch marco rex hunter boris hugh neil ian
colin graham nigel rishi keir liam oliver luke owen barack jake antony
lloyd pete rudy ron newt mitt rand chuck elon jeff warren tim sundar satya
jd marcus victor dan earl reggie nikos kostas yannis giorgos dimitris derek manny buster craig glenn gordon
grant greg harvey herbert jay jeffery jimmy joey johnny jon kurt lance
leon leonard lewis lonnie marvin maurice melvin micheal milton neal
norman oscar perry phil phillip ray reginald rick ricky rob robbie rodney
ross roland rudolph russ sammy seth shane shawn sidney stanley stuart
todd travis troy vernon wade wallace wesley wilbur willard
allen alvin andy barry bernie brad brett calvin cameron cecil chad chester
clarence claude clifford clinton clyde cody curtis dale darrell
darren dean don donnie dwight eddie edgar edwin elliot elliott ernest
everett floyd francis franklin frederick gene gilbert glen hank herman
homer ira irving jackie jared jeremiah jerome jimmie
julian kirk kris leroy lester lowell luther mack malcolm
marc marshall matt mitchell morris murray ned nelson norris
otis pat quentin randall randolph rich richie rickey
riley rocky rod ronnie roosevelt rufus salvador saul sherman
sonny spencer stan terrence theo theodore timmy tobias toby tommy trevor
tyrone vance vic vince virgil wendell winston zack
aidan alfie archie callum connor declan dominic finn jamie
jude kieran lachlan niall rory angus fergus hamish iain
hans klaus jurgen wolfgang olaf friedrich karl heinz
helmut gerhard markus stefan martin emmanuel francois jacques pierre nicolas
philippe michel alain bernard pedro pablo carlos miguel luis antonio manuel
francisco javier jorge alberto fernando santiago diego mario giuseppe
giovanni francesco luigi matteo sergio silvio paolo geert joao luiz inacio
jair hugo gustavo alvaro andres volker emmanuel viktor victor
alexander aleksandr alexandr aliaksandr alaksandar oleksandr olexander
aleksander alexei alexey aleksei aleksey aliaksei oleksiy oleksii andrei
andrey andrii andriy andrzej andrej anatoly anatoliy anton arkady artem
artyom artsiom bogdan bohdan dmitry dmitri dmytro dzmitry denis dzianis
denys evgeny evgeni yevgeny yevhen yauhen fyodor gennady georgy giorgi
grigory hryhoriy igor ihor ihar ilya illia ivan kirill konstantin
kostiantyn kanstantsin leonid leanid maxim maksim maksym mikhail mykhailo
mikalai nikolai nikolay mykola oleg oleh aleh pavel pavlo paval petr pyotr
petro roman raman ruslan sergei sergey serhiy serhii siarhei sergiy
stanislav stanislau stepan taras timofei vadim vadym valentin valery
valeriy vasily vasyl viktar vitaly vitali vitaliy vladimir volodymyr
uladzimir vladislav vyacheslav viachaslau yaroslav yuri yury yuriy yurii
zmitser ales artur yahor yegor egor mikola lech jan jerzy krzysztof piotr
pawel tomasz marcin michal mateusz jakub lukasz wojciech grzegorz marek
radoslaw jaroslaw mariusz zbigniew bronislaw karol stanislaw tadeusz
wladyslaw kazimierz milos vaclav jiri ferenc janos laszlo gabor zoltan
istvan nicolae aleksandar slobodan zoran dragan goran milan milorad
tomislav rumen boyko ilham nikol mikheil zurab irakli bidzina levan
nursultan kassym-jomart shavkat emomali ramzan recep tayyip mohammed
muhammad mohammad mohamed ahmed ahmad ali hassan hussein hussain omar umar
abdullah abdul mahmoud mahmud khalid khaled ibrahim ismail yusuf youssef
mustafa bashar hafez hosni anwar abdel fattah salman yair naftali isaac
yitzhak ehud shimon moshe avigdor benny bezalel itamar yahya hamid hamad
tamim zayed faisal kamal tariq imran nawaz shehbaz asif narendra rahul
amit vivek anil ashok raj ravi sanjay shinzo fumio yoshihide shigeru taro
kenji hiroshi takeshi jens frank-walter sebastian emmerson
cyril jacob muhammadu bola abiy yoweri uhuru
dmitriy valerii yevgen timur rustam akhmat aslan
`

const givenFemale = `
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
nancy lisa betty margaret sandra ashley kimberly emily donna michelle
dorothy carol amanda melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy shirley angela helen anna anne ann brenda pamela
nicole emma samantha katherine kate christine debra rachel catherine
carolyn janet ruth maria heather diane virginia julie joyce victoria
olivia kelly christina lauren joan evelyn judith megan cheryl hannah
martha jacqueline frances gloria teresa theresa kathryn sara janice alice
madison doris abigail julia judy grace denise amber marilyn beverly
danielle sophia marie diana brittany natalie isabella charlotte rose
kayla hillary kamala nikki condoleezza madeleine liz kristi tulsi
marjorie ursula annalena giorgia marine kaja roberta jacinda sanna mette
ingrida ilze agnieszka ewa beata katarzyna malgorzata magdalena joanna
dorota jadwiga marta monika aleksandra zofia alicja olga tatiana tatyana
tatsiana tacciana tetiana tetyana svetlana sviatlana svitlana natalya
natalia natallia nataliya nataliia yulia yuliya iuliia yuliia iryna
irina elena yelena olena alena alyona hanna ganna maryia mariya mariia
marina maryna ekaterina yekaterina kateryna katsiaryna lyudmila liudmyla
ludmila galina halyna valentina valentyna larisa larysa lyubov nadezhda
nadiya nadzeya vera viera veronika veranika viktoria viktoriya oksana
ksenia kseniya sofia sofiya daria darya dariya anastasia anastasiya
nastassia polina palina alina alla inna lilia liliya raisa zinaida zoya
yana yevgenia evgenia kristina volha lesya ulyana nina lidia lydia
margarita elvira karina angelina kira taisia maya eleonora valeria
valeriya abby addison adriana alexandra alexa alison allison alyssa amelia
angie anita annette annie april arlene audrey autumn ava bailey
beatrice becky belinda bernadette beth bethany betsy bonnie brandy
bridget brooke caitlin candace carla carmen carrie cassandra cathy
cecilia charlene chelsea chloe claire clara claudia colleen connie
constance courtney crystal daisy dana darlene dawn debbie deirdre delia
della desiree dolores dora edith edna eileen elaine eleanor elisa
ella ellie eloise elsie emilia erica erika erin esther ethel eva faith
felicia fiona florence gail gemma geraldine gina ginger gladys glenda
gwen gwendolyn harriet hazel heidi holly ida imogen ingrid irene iris
isabel jade jane janelle janie jasmine jeanne jeannette jenna
jenny jo joanne jocelyn josephine joy juanita june justine
kaitlyn karla katie kathy katrina kay kelsey kendra kerry
kristen kristin kristy lacey lana leah lena lillian lily lindsay
lindsey lois loretta lori lorraine louise lucia lucille lucy lynn
mabel mackenzie madeline mae maggie mandy marcia margie marianne
marisa marissa marlene marsha maureen mavis maxine meghan
melanie melinda meredith mia mildred millie miranda molly mona
myra nadia naomi nellie nora norma olive paige patsy paula
pearl peggy penelope penny phyllis priscilla rachael ramona reba
regina renee rhonda rita rochelle rosa rosalind rosemary
roxanne ruby sabrina sadie sally selena serena shannon sheila shelby
shelly sherry stacey stacy stella sue summer susanne suzanne
sylvia tamara tammy tara tessa tiffany tina toni tracey tracy trisha
valerie vanessa vicki vickie violet vivian wanda wendy
yolanda yvonne zoe ellen bettie robyn jenifer jennie dilma cristina fatima aisha leila layla zainab maryam rania huda amina golda
tzipi benazir indira sonia hasina yingluck melania ivanka jill michele
kristalina
`

// givenEither are given names borne by men and women alike.
const givenEither = `
kim jean andrea sasha alex sam chris robin taylor morgan jordan jamie
casey drew leslie lee
`
