// Package names decides whether two name strings denote the same entity.
//
// Outlets spell one person many ways, above all East Slavic names, whose
// Russian, Belarusian and Ukrainian romanisations differ (Kolesnikova,
// Kalesnikava; Tikhanovskaya, Tsikhanouskaya; Alexander, Aliaksandr,
// Oleksandr), and they add diacritics (Počobut, Poczobut), Cyrillic
// (Колесникова), capitals, initials and misspellings. The method follows the
// JRC-Names approach of the EU's Europe Media Monitor:
//
//  1. Transcribe every word into one lower-case Latin form: Cyrillic (with
//     Ukrainian and Belarusian г, и, ў), Greek, Armenian, Georgian and kana by
//     table; Latin diacritics by decomposition, with ł, ø, ß, æ and the háček
//     letters (č as ch) by hand. Arabic and Hebrew keep their script but meet
//     Latin on their consonants.
//  2. Rewrite each word into a variant form with about thirty rules (shch,
//     sch, sz→sh; kh→h; w→v; ph→f; ts→c; y/j→i; ou→u; Belarusian akanye o→a,
//     yakanye ia→e, tsekanne, dzekanne, -au→-ov; -ko/-ka; -sky/-ski/-skiy;
//     -skaya/-ska; doubled letters), so that the romanisations of one name
//     meet.
//  3. Pair the words of the two names: equal variant forms, given-name
//     cognates from a table (Sergei, Siarhei, Serhiy), fitting initials,
//     close spellings by an edit distance that grows with length and counts a
//     dropped háček as half an edit, words run together or split.
//  4. Refuse what would merge two people: a surname of the other grammatical
//     gender (Kolesnikov, Kolesnikova; -sky, -skaya; -au, -ava), two given
//     names of different families (Alexander, Viktor Lukashenko), initials
//     that do not fit, different middle initials, Jr against Sr, the father's
//     name after bin in another place.
//
// Match compares people, MatchOrg organisations; Key gives a blocking key so
// that a caller indexes names and compares only within a block; Parse splits
// a name. A surname alone, or initials, fit a full name only partly:
// Result.Partial says so, and a caller should attach such a name only when a
// single candidate fits. Evaluate measures precision and recall on labelled
// pairs.
package names
