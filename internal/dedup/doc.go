// Package dedup finds text that articles share, explicit attribution, and how
// many independent origins stand behind a set of articles.
//
// A wire story rewritten by five outlets looks like five sources. dedup
// undoes that in three steps:
//
//   - Index and Find detect passages that two articles share word for word or
//     nearly so. Every article is cut into normalised word shingles (lower
//     case, accents, quotes and possessives folded, numbers kept) that go into
//     an inverted index, so an article is compared only with the few earlier
//     articles it shares shingles with, never with all of them. Shingles held
//     by very many articles (boilerplate, stock phrases) stop counting. The two
//     articles of a candidate pair are then aligned on three-word seeds that
//     are chained across small gaps, so a changed word or a respelled name does
//     not break a passage. Each Pair carries its passages as spans in both
//     articles, the share of each article they cover, whether one article is
//     a near copy of the other, and, when the evidence supports it, which one
//     took text from the other and why.
//   - Attributions finds explicit attribution ("according to Reuters", "the
//     agency said", "told AFP") and normalises the origin against a gazetteer
//     of well-known agencies and outlets.
//   - Origins collapses the articles that support a fact into independent
//     origins: articles that share the passage carrying the fact, near copies,
//     and articles that credit the fact to the same origin count once.
//
// dedup is a pure stage: it takes and returns crosscheck values and does no
// I/O.
package dedup
