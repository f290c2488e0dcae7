/*
 * footnotes.c - GitHub footnote definitions and references, found line by
 * line in the Markdown text (see footnotes.h).
 *
 * The block rules follow GitHub's (cmark-gfm) footnote definitions: a
 * definition starts at `[^label]:` after at most three spaces, may
 * interrupt a paragraph, and goes on over lines indented four columns or
 * more (blank lines between them allowed) and over lazy continuation
 * lines of its paragraph (a line that starts no block of its own).
 */
#include <stdlib.h>
#include <string.h>

#include "md/footnotes.h"

#define MAX_LABEL 999

static inline bool s_blank(char c)
{
	return c == ' ' || c == '\t';
}

static inline bool s_eol(char c)
{
	return c == '\n' || c == '\r';
}

static uint64_t s_line_end(const char *t, uint64_t len, uint64_t p)
{
	const char *e = p < len ? memchr(t + p, '\n', (size_t)(len - p)) : NULL;
	uint64_t q = e ? (uint64_t)(e - t) : len;
	/* a lone CR also ends a line */
	const char *r = p < q ? memchr(t + p, '\r', (size_t)(q - p)) : NULL;
	return r ? (uint64_t)(r - t) : q;
}

static uint64_t s_next_line(const char *t, uint64_t len, uint64_t e)
{
	if (e < len && t[e] == '\r') {
		e++;
		if (e < len && t[e] == '\n')
			e++;
	} else if (e < len && t[e] == '\n') {
		e++;
	}
	return e;
}

static uint64_t s_trim_back(const char *t, uint64_t e, uint64_t lo)
{
	while (e > lo && s_blank(t[e - 1]))
		e--;
	return e;
}

/* The label of `[^label]` at p: its length, or 0. */
static uint32_t s_label(const char *t, uint64_t len, uint64_t p)
{
	if (p + 3 >= len || t[p] != '[' || t[p + 1] != '^')
		return 0;
	uint64_t q = p + 2;
	while (q < len && q - p - 2 <= MAX_LABEL) {
		char c = t[q];
		if (c == ']')
			return q > p + 2 ? (uint32_t)(q - p - 2) : 0;
		if (c == '[' || c == ' ' || c == '\t' || s_eol(c) || c == '\0')
			return 0;
		q++;
	}
	return 0;
}

/* A definition marker `[^label]:` at p (after the line's indentation)? */
static uint32_t s_def_marker(const char *t, uint64_t len, uint64_t p)
{
	uint32_t n = s_label(t, len, p);
	if (n && p + 3 + n < len && t[p + 3 + n] == ':')
		return n;
	return 0;
}

/* Indentation of the line at p in columns (a tab to the next multiple of
 * 4); *q is set to its first non-blank byte. */
static uint64_t s_indent(const char *t, uint64_t e, uint64_t p, uint64_t *q)
{
	uint64_t col = 0;
	while (p < e && s_blank(t[p])) {
		col = t[p] == '\t' ? (col + 4) & ~(uint64_t)3 : col + 1;
		p++;
	}
	*q = p;
	return col;
}

static bool s_name_ci(const char *t, uint64_t e, uint64_t p, const char *name)
{
	size_t n = strlen(name);
	if (p + n > e)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = t[p + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != name[i])
			return false;
	}
	return true;
}

/* Does an HTML block that may interrupt a paragraph (CommonMark types 1
 * to 6) start at p? */
static bool s_html_start(const char *t, uint64_t e, uint64_t p)
{
	static const char *const type1[] = { "script", "pre", "style",
		"textarea" };
	static const char *const type6[] = { "address", "article", "aside",
		"base", "basefont", "blockquote", "body", "caption", "center",
		"col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl",
		"dt", "fieldset", "figcaption", "figure", "footer", "form",
		"frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
		"header", "hr", "html", "iframe", "legend", "li", "link", "main",
		"menu", "menuitem", "nav", "noframes", "ol", "optgroup",
		"option", "p", "param", "search", "section", "source", "summary",
		"table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
		"track", "ul" };
	if (p + 1 >= e || t[p] != '<')
		return false;
	char c = t[p + 1];
	if (c == '?')
		return true;
	if (c == '!')
		return p + 2 < e && (t[p + 2] == '-' || t[p + 2] == '[' ||
			(t[p + 2] >= 'A' && t[p + 2] <= 'Z') ||
			(t[p + 2] >= 'a' && t[p + 2] <= 'z'));
	for (size_t i = 0; i < sizeof type1 / sizeof *type1; i++) {
		uint64_t a = p + 1 + strlen(type1[i]);
		if (s_name_ci(t, e, p + 1, type1[i]) &&
		    (a >= e || s_blank(t[a]) || t[a] == '>'))
			return true;
	}
	uint64_t n = p + 1 + (c == '/');
	for (size_t i = 0; i < sizeof type6 / sizeof *type6; i++) {
		uint64_t a = n + strlen(type6[i]);
		if (s_name_ci(t, e, n, type6[i]) &&
		    (a >= e || s_blank(t[a]) || t[a] == '>' ||
		     (t[a] == '/' && a + 1 < e && t[a + 1] == '>')))
			return true;
	}
	return false;
}

/* Does the line [q, e) (q: its first non-blank byte, indented less than
 * four columns) start a block that interrupts a paragraph, so that it is
 * no lazy continuation line? */
static bool s_interrupts(const char *t, uint64_t len, uint64_t q, uint64_t e)
{
	char c = t[q];
	uint64_t r;
	switch (c) {
	case '>':
		return true;
	case '[':
		return s_def_marker(t, len, q) != 0;
	case '#':
		for (r = q; r < e && t[r] == '#';)
			r++;
		return r - q <= 6 && (r == e || s_blank(t[r]));
	case '`':
	case '~':
		for (r = q; r < e && t[r] == c;)
			r++;
		return r - q >= 3;
	case '<':
		return s_html_start(t, e, q);
	case '-':
	case '*':
	case '_':
	case '+': {
		/* a thematic break */
		size_t k = 0;
		bool hr = c != '+';
		for (r = q; r < e && hr; r++) {
			if (t[r] == c)
				k++;
			else if (!s_blank(t[r]))
				hr = false;
		}
		if (hr && k >= 3)
			return true;
		if (c == '_')
			return false;
		/* a bullet item with content */
		if (q + 1 < e && s_blank(t[q + 1])) {
			for (r = q + 1; r < e && s_blank(t[r]);)
				r++;
			return r < e;
		}
		return false;
	}
	default:
		break;
	}
	if (c >= '0' && c <= '9') {
		/* an ordered item starting at 1, with content */
		uint64_t v = 0;
		for (r = q; r < e && r - q < 9 && t[r] >= '0' && t[r] <= '9'; r++)
			v = v * 10 + (uint64_t)(t[r] - '0');
		if (v != 1 || r >= e || (t[r] != '.' && t[r] != ')'))
			return false;
		if (r + 1 >= e || !s_blank(t[r + 1]))
			return false;
		for (r++; r < e && s_blank(t[r]);)
			r++;
		return r < e;
	}
	return false;
}

static int s_push_fn(memo__md_fn **v, size_t *n, size_t *cap,
	const memo__md_fn *d)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		memo__md_fn *p = memo__realloc(*v, c * sizeof *p);
		if (!p)
			return memo__error_oom();
		*v = p;
		*cap = c;
	}
	(*v)[(*n)++] = *d;
	return MEMO_OK;
}

int memo__md_fn_scan(const char *t, uint64_t from, uint64_t len,
	memo__md_fn **out, size_t *n_out)
{
	memo__md_fn *v = NULL;
	size_t n = 0, cap = 0;
	*out = NULL;
	*n_out = 0;

	/* Definitions are rare: look for "[^" first, then at its line. */
	uint64_t p = from;
	while (p + 4 < len) {
		const char *b = memchr(t + p, '[', (size_t)(len - p));
		if (!b)
			break;
		uint64_t q = (uint64_t)(b - t), ls = q;
		p = q + 1;
		if (t[q + 1] != '^')
			continue;
		while (ls > from && q - ls < 4 && t[ls - 1] == ' ')
			ls--;
		if (ls > from && !s_eol(t[ls - 1]))
			continue;  /* not at the start of a line */
		if (q - ls > 3)
			continue;
		uint64_t e = s_line_end(t, len, q), col;
		uint32_t lab = s_def_marker(t, len, q);
		if (!lab)
			continue;
		memo__md_fn d;
		memset(&d, 0, sizeof d);
		d.line = ls;
		d.mark = q;
		d.label = q + 2;
		d.label_len = lab;
		d.valid = true;
		d.text = q + 4 + lab;
		while (d.text < e && s_blank(t[d.text]))
			d.text++;
		d.end = s_trim_back(t, e, d.text);
		if (d.end < d.text)
			d.end = d.text;
		/* its continuation lines */
		bool para = d.text < e, blank = false, code = false;
		p = s_next_line(t, len, e);
		while (p < len) {
			e = s_line_end(t, len, p);
			col = s_indent(t, e, p, &q);
			if (q == e) {  /* a blank line */
				blank = true;
				para = false;
				p = s_next_line(t, len, e);
				continue;
			}
			if (col >= 4) {
				/* indented: the definition's own content; after
				 * a blank line, 8 columns make indented code */
				code = col >= 8 && (blank || code);
				para = !code;
			} else if (!(para && !blank &&
			             !s_interrupts(t, len, q, e))) {
				break;  /* not a lazy continuation line */
			}
			blank = false;
			d.end = s_trim_back(t, e, q);
			p = s_next_line(t, len, e);
		}
		int rc = s_push_fn(&v, &n, &cap, &d);
		if (rc) {
			memo__free(v);
			return rc;
		}
		/* p is the line that ended the definition: it may start
		 * another one */
	}
	*out = v;
	*n_out = n;
	return MEMO_OK;
}

/* ---- references ----------------------------------------------------- */

typedef struct s_label_ref {
	const char *p;
	uint32_t len;
} s_label_ref;

static int s_label_cmp(const char *a, uint32_t an, const char *b,
	uint32_t bn)
{
	uint32_t n = an < bn ? an : bn;
	for (uint32_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return x < y ? -1 : 1;
	}
	return an < bn ? -1 : an > bn ? 1 : 0;
}

static int s_label_qcmp(const void *x, const void *y)
{
	const s_label_ref *a = x, *b = y;
	return s_label_cmp(a->p, a->len, b->p, b->len);
}

static int s_label_bcmp(const void *key, const void *elem)
{
	const s_label_ref *a = key, *b = elem;
	return s_label_cmp(a->p, a->len, b->p, b->len);
}

static int s_fn_mark_cmp(const void *key, const void *elem)
{
	uint64_t k = *(const uint64_t *)key;
	const memo__md_fn *d = elem;
	return k < d->mark ? -1 : k > d->mark ? 1 : 0;
}

int memo__md_fn_refs(const char *t, uint64_t from, uint64_t len,
	const memo__md_fn *defs, size_t ndefs, memo__md_range **out,
	size_t *n_out)
{
	*out = NULL;
	*n_out = 0;
	size_t nl = 0;
	for (size_t i = 0; i < ndefs; i++)
		nl += defs[i].valid;
	if (nl == 0)
		return MEMO_OK;
	s_label_ref *labels = memo__malloc(nl * sizeof *labels);
	if (!labels)
		return memo__error_oom();
	nl = 0;
	for (size_t i = 0; i < ndefs; i++) {
		if (!defs[i].valid)
			continue;
		labels[nl].p = t + defs[i].label;
		labels[nl].len = defs[i].label_len;
		nl++;
	}
	qsort(labels, nl, sizeof *labels, s_label_qcmp);

	memo__md_range *v = NULL;
	size_t n = 0, cap = 0;
	for (const char *b = from < len ?
	         memchr(t + from, '[', (size_t)(len - from)) : NULL;
	     b; b = (uint64_t)(b - t) + 1 < len ?
	         memchr(b + 1, '[', (size_t)(len - (uint64_t)(b - t) - 1)) :
	         NULL) {
		uint64_t p = (uint64_t)(b - t);
		uint32_t k = s_label(t, len, p);
		if (!k)
			continue;
		size_t esc = 0;
		while (p - esc > from && t[p - esc - 1] == '\\')
			esc++;
		if (esc % 2)
			continue;
		uint64_t e = p + 3 + k;
		if (e < len && t[e] == ':' &&
		    bsearch(&p, defs, ndefs, sizeof *defs, s_fn_mark_cmp))
			continue;  /* a definition's own marker */
		s_label_ref key = { t + p + 2, k };
		if (!bsearch(&key, labels, nl, sizeof *labels, s_label_bcmp))
			continue;
		if (n == cap) {
			size_t c = cap ? cap * 2 : 16;
			memo__md_range *q = memo__realloc(v, c * sizeof *q);
			if (!q) {
				memo__free(v);
				memo__free(labels);
				return memo__error_oom();
			}
			v = q;
			cap = c;
		}
		v[n].start = p;
		v[n].end = e;
		n++;
	}
	memo__free(labels);
	*out = v;
	*n_out = n;
	return MEMO_OK;
}

/* ---- the note's view ------------------------------------------------ */

void memo__md_fn_view(char *view, const char *t, const memo__md_fn *d)
{
	uint64_t ls = d->line, colon = d->label + d->label_len + 1;
	/* first line: "  > " then filler up to and over the colon */
	memcpy(view + ls, "  > ", 4);
	for (uint64_t i = ls + 4; i <= colon; i++)
		view[i] = ':';
	/* continuation lines indented four columns or more: a '>' in the
	 * indentation, so that the content column stays where it was */
	uint64_t p = d->text;
	while (p < d->end && !s_eol(t[p]))
		p++;
	p = s_next_line(t, d->end, p);
	while (p < d->end) {
		uint64_t e = s_line_end(t, d->end, p);
		if (e - p >= 4 && memcmp(t + p, "    ", 4) == 0) {
			view[p + 2] = '>';
		} else {
			/* a tab within the first four columns reaches
			 * column 4: it becomes the '>' */
			for (uint64_t i = p; i < e && s_blank(t[i]); i++) {
				if (t[i] == '\t') {
					view[i] = '>';
					break;
				}
			}
		}
		p = s_next_line(t, d->end, e);
	}
}
