// Package brief turns the analysed parts of a story into the brief a
// careful editor would write, and renders briefs as Markdown, JSON and one
// self-contained HTML page.
//
// Build takes what the earlier stages found (facts, quotes, entities,
// conflicts, spellings, the timeline, copied text and independent origins)
// and adds three things of its own:
//
//   - a summary of the sentences that are best corroborated, counting
//     independent origins rather than outlets so that copies of one wire
//     story count once, and most central (LexRank over a TF-IDF
//     sentence-similarity graph found through an inverted index), chosen
//     with maximal marginal relevance so that they do not repeat each other;
//   - framing: terms some outlets use and the others avoid, by weighted
//     log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn
//     2008), with what the other outlets say instead;
//   - details that only one outlet gives.
//
// Every sentence the brief shows cites its article by id and code-point
// offsets; CheckCitations verifies such citations. Article text is hostile:
// every rendering escapes it.
package brief
