/*
 * plain.c - the plain-text front end.
 *
 * Paragraphs are separated by blank lines (lines holding only spaces,
 * tabs, form feeds or vertical tabs). Each paragraph is a PARAGRAPH node
 * whose text is its lines, each stripped of leading and trailing blanks,
 * joined by single spaces. Every line is one verbatim span; each joining
 * space is a non-verbatim span whose document range is the whole gap it
 * replaces (trailing blanks, the line break, the next line's leading
 * blanks) - the same choice as a soft line break in Markdown. "\n",
 * "\r\n" and a lone "\r" all end a line. There are no headings.
 */
#include <string.h>

#include "md/input.h"

static inline bool s_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

int memo__text_parse(const char *data, size_t len, const char *name,
	const memo_parse_options *opts, memo_document **out)
{
	memo__builder b;
	const char *t;
	size_t n;
	int rc;

	*out = NULL;
	rc = memo__builder_init(&b, name, MEMO_FORMAT_TEXT,
		opts ? opts->max_depth : 0);
	if (rc != MEMO_OK)
		return rc;
	rc = memo__input_load(&b, data, len, name, opts, &t, &n);
	if (rc != MEMO_OK)
		goto fail;

	bool open = false;
	size_t prev_end = 0; /* end of the last line's content */
	size_t i = 0;
	while (i < n) {
		/* The line [i, e), and the start of the next one. */
		size_t e = i;
		while (e < n && t[e] != '\n' && t[e] != '\r')
			e++;
		size_t next = e;
		if (next < n)
			next += (t[next] == '\r' && next + 1 < n &&
			         t[next + 1] == '\n') ? 2 : 1;
		size_t cs = i, ce = e;
		while (cs < ce && s_ws(t[cs]))
			cs++;
		while (ce > cs && s_ws(t[ce - 1]))
			ce--;
		if (cs == ce) {
			if (open) {
				rc = memo__builder_close(&b, prev_end);
				if (rc != MEMO_OK)
					goto fail;
				open = false;
			}
		} else {
			if (!open) {
				rc = memo__builder_open(&b, MEMO_NODE_PARAGRAPH,
					cs);
				open = rc == MEMO_OK;
			} else {
				rc = memo__builder_add_run(&b, " ", 1, prev_end,
					cs - prev_end, false);
			}
			if (rc == MEMO_OK)
				rc = memo__builder_add_run(&b, t + cs, ce - cs,
					cs, ce - cs, true);
			if (rc != MEMO_OK)
				goto fail;
			prev_end = ce;
		}
		i = next;
	}
	if (open && (rc = memo__builder_close(&b, prev_end)) != MEMO_OK)
		goto fail;
	return memo__builder_finish(&b, out);
fail:
	memo__builder_abort(&b);
	return rc;
}
