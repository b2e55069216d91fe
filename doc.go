// Package crosscheck holds the vocabulary shared by every stage of the
// crosscheck pipeline, and nothing else: it imports only the standard library.
//
// The pipeline reads articles from many outlets and turns them into briefs
// that say what is established, what rests on one source and where the
// outlets disagree:
//
//  1. ingest reads files, URLs, feeds, JSON lines or stdin into raw documents,
//     under limits on size, time and redirects;
//  2. clean extracts the main text of each document, strips boilerplate,
//     normalises Unicode and segments sentences, keeping character offsets so
//     that every later item can point back at its exact text;
//  3. dedup finds copied and shared wire text, so that copies do not count as
//     independent sources;
//  4. cluster groups articles into stories incrementally, through an inverted
//     index;
//  5. names, extract and reconcile find who is who and which facts are
//     corroborated, single-source or in conflict;
//  6. brief renders one brief per story as Markdown, JSON or HTML.
//
// Stages are pure: they take and return the values defined here. Only the
// pipeline, store, web and cmd packages do I/O. Storage sits behind the Store
// interface, which has an SQLite and (later) a PostgreSQL implementation.
package crosscheck
