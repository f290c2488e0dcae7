/*
 * footnotes.h - GitHub footnotes in Markdown, found in the text itself.
 *
 * md4c 0.4.8 has no footnotes: a definition `[^label]: text` reaches it as
 * a paragraph (or, when its text is one word, as a link reference
 * definition), and a reference `[^label]` as text. The Markdown front end
 * finds both here, line by line, before md4c runs; md4c's own reading then
 * tells which definitions are real (not inside code or raw HTML), the body
 * is parsed with the real ones hidden, and each one is parsed again on its
 * own as a NOTE (see md.c).
 *
 * Private to libmemo/md.
 */
#ifndef MEMO_MD_FOOTNOTES_H
#define MEMO_MD_FOOTNOTES_H

#include "memo_internal.h"

/* A footnote definition: `[^label]:` at the start of a line (after at
 * most three spaces), its text, and the lines that continue it: lines
 * indented four columns or more (blank lines between them allowed) and
 * lazy continuation lines of its paragraph. */
typedef struct memo__md_fn {
	uint64_t line;      /* start of its first line */
	uint64_t mark;      /* its '[' */
	uint64_t text;      /* its first text byte (after "]:" and blanks) */
	uint64_t end;       /* end of its last non-blank line, blanks trimmed */
	uint64_t label;     /* the label: after "[^", up to "]" */
	uint32_t label_len;
	bool valid;         /* not inside code or raw HTML (md4c's reading) */
} memo__md_fn;

/* A range of the text that is not prose (a footnote reference, the
 * `[^label]:` of a definition). */
typedef struct memo__md_range {
	uint64_t start, end;
} memo__md_range;

/* The footnote definitions of t[from, len), in text order, with valid set.
 * *out is NULL when there are none; free it with memo__free. */
int memo__md_fn_scan(const char *t, uint64_t from, uint64_t len,
	memo__md_fn **out, size_t *n_out) MEMO__WUR;

/* The references `[^label]` in t[from, len) whose label (ASCII case
 * folded) is the label of a valid definition, not backslash-escaped and
 * not a definition's own marker, in text order. */
int memo__md_fn_refs(const char *t, uint64_t from, uint64_t len,
	const memo__md_fn *defs, size_t ndefs, memo__md_range **out,
	size_t *n_out) MEMO__WUR;

/* Rewrite the bytes of definition d in view (a same-length copy of t) so
 * that md4c, parsing view[d->line, d->end), reads the definition's content
 * as the content of a block quote: "  > " and filler over the marker of
 * the first line, "> " in the indentation of each continuation line
 * indented four columns or more. The filler (':') is never text: the
 * marker range [d->line, d->text) is hidden from the note's text. */
void memo__md_fn_view(char *view, const char *t, const memo__md_fn *d);

#endif /* MEMO_MD_FOOTNOTES_H */
