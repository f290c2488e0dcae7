/*
 * md.c - the Markdown front end: md4c's callbacks drive the builder.
 *
 * md4c (GitHub dialect) reports no source positions, but every piece of
 * text it hands to the text callback points into the buffer we passed,
 * except a few constant strings (soft and hard breaks, the "\n" that ends
 * a code line, indentation inside code blocks, the space that replaces a
 * line break inside a code span, and U+0000). So a run's document offset
 * is simply `text - base`, exact by construction. The constant strings
 * become non-verbatim spans whose document range is found by looking at
 * the bytes next to the previous run (the line break, the NUL...).
 *
 * md4c is given the normalised text that the document keeps (after the
 * BOM is dropped and bad UTF-8 repaired), so offsets index the document
 * text directly. YAML front matter is cut off before md4c sees the text;
 * md4c parses `base + body` but its pointers still point into `base`.
 * Where md4c 0.4.8 misreads the text, it reads a copy of the text with a
 * few bytes changed instead (see "md4c quirks", "md4c's stale list item",
 * "strikethrough"); the copy has the same length and the text of every
 * run is taken from the document text at md4c's offset, so the changed
 * bytes never reach a node.
 *
 * Not prose, so no text: an image's alt text, and GitHub footnote
 * references. Footnote definitions are blanks in md4c's copy of the body
 * and become NOTE nodes after it, each parsed on its own (see "footnotes"
 * and footnotes.c).
 *
 * Block ranges are not reported either, so they are rebuilt here:
 * - a text node starts at its first piece of text, moved back over the
 *   inline openers on its line (`**`, `_`, `` ` ``, `[`, `<`); an ATX
 *   heading starts at its `#` marker; a node ends at its last piece
 *   moved forward over closers (`**`, `` ` ``, `](url)`...); a paragraph
 *   and an ATX heading run to the end of their last line, a setext
 *   heading through its underline;
 * - a container starts where its first child starts, moved back over its
 *   own marker on that line (`>` for a quote, `-`/`1.` and `[ ]` for an
 *   item, `|` for a row); it ends where its last child ends (the builder
 *   does that); a fenced code block covers its fences.
 * A node's start is known only when its first content arrives, so nodes
 * are opened at a provisional start (the cursor, which is never after
 * the real start) and fixed up; the nodes whose start is known always
 * form the bottom of the builder's stack, which `known` tracks.
 */
#include <md4c.h>
#include <stdlib.h>
#include <string.h>

#include "md/footnotes.h"
#include "md/input.h"

#define NONE UINT64_MAX

enum s_ctx {
	S_NONE = 0,  /* between blocks, or directly in an item or a cell */
	S_P,         /* in a paragraph */
	S_H,         /* in a heading */
	S_CODE,      /* in a code block */
	S_HTML       /* in a raw HTML block: skipped */
};

typedef struct s_md {
	memo__builder b;
	const char *t;     /* the document text (the builder's copy) */
	const char *md;    /* what md4c reads: t, or a patched copy of it */
	uint64_t len;
	uint64_t pos;      /* cursor: end of everything consumed so far */
	uint64_t floor;    /* the cursor at the last block event */
	size_t known;      /* stack levels [0, known) have a known start */
	int rc;            /* first error, or MEMO_OK */
	enum s_ctx ctx;
	bool topen;        /* one of our text nodes is the builder's top */
	bool tstarted;     /* its start is fixed */
	bool tatx;         /* the heading has a `#` marker */
	uint64_t first;    /* first piece (text or inline HTML) not yet placed */
	uint64_t last;     /* end of the last piece of the text node */
	/* code blocks */
	char fence;        /* fence character, 0 for an indented block */
	size_t nl_pending; /* line ends not yet added (trailing ones never) */
	size_t indent_pending;
	/* raw HTML blocks */
	uint64_t html_start, html_end;
	/* tables */
	bool in_thead;
	/* an over-indented fence md4c took for a code block (see
	 * s_fence_misread), or NONE */
	uint64_t misread;
	bool check_fences; /* md4c may be run again (rounds are left) */
	uint64_t span_lo;  /* lowest span offset of the open text node */
	/* images: their alt text is not prose */
	int img_depth;     /* md4c's image span nesting */
	size_t nimages;
	uint64_t img_from; /* the cursor when the current image began */
	uint64_t img_at;   /* its "![", or NONE while not found */
	uint64_t img_start, img_end;  /* the first image, for the warning */
	/* ranges that are not text (footnote references and markers),
	 * sorted */
	const memo__md_range *hide;
	size_t nhide;
	/* parsing a footnote definition (see s_notes) */
	bool note;
	int md_depth;      /* md4c's block nesting in a note */
	/* md4c's stale list item (see s_li_check) */
	bool li_pending;
	bool li_self;      /* the item's last block ends without a blank */
	uint64_t li_end;
	const memo_node *li_item;  /* the item (closed, still in the arena) */
	bool last_self;    /* the last leaf block ended without a blank */
	uint64_t fix_from, fix_to;  /* line breaks to merge, or NONE */
	/* strikethrough that GitHub would not make (see s_del_check) */
	int del_depth;
	uint64_t del_open;  /* the cursor when the span opened */
	uint64_t *delfix;   /* tilde runs to hide from md4c: start, length */
	size_t ndelfix, capdelfix;
} s_md;

static inline bool s_blank(char c)
{
	return c == ' ' || c == '\t';
}

static inline bool s_eol(char c)
{
	return c == '\n' || c == '\r';
}

static inline uint64_t s_max(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

static inline uint64_t s_min(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* Offset of the line break at or after off (len when none). */
static uint64_t s_line_end(const s_md *s, uint64_t off)
{
	const char *t = s->t;
	while (off < s->len && !s_eol(t[off]))
		off++;
	return off;
}

/* Length of the line break at off: 2 for "\r\n", 1, or 0 at the end. */
static uint64_t s_eol_len(const s_md *s, uint64_t off)
{
	if (off >= s->len)
		return 0;
	if (s->t[off] == '\r' && off + 1 < s->len && s->t[off + 1] == '\n')
		return 2;
	return s_eol(s->t[off]) ? 1 : 0;
}

/* Move end back over trailing blanks, not before lo. */
static uint64_t s_trim_back(const s_md *s, uint64_t end, uint64_t lo)
{
	while (end > lo && s_blank(s->t[end - 1]))
		end--;
	return end;
}

/* Move a text start back over inline openers on its line. */
static uint64_t s_ext_open(const s_md *s, uint64_t off, uint64_t lo)
{
	const char *t = s->t;
	while (off > lo) {
		char c = t[off - 1];
		if (c == '*' || c == '_' || c == '~' || c == '`' || c == '[' ||
		    c == '!' || c == '<' || c == '\\')
			off--;
		else
			break;
	}
	return off;
}

/* End of a bracketed group starting at off ('(' or '['), or NONE. Stops
 * at a blank line: a link destination never crosses one. */
static uint64_t s_skip_group(const s_md *s, uint64_t off)
{
	const char *t = s->t;
	char open = t[off], close = open == '(' ? ')' : ']';
	int depth = 0;
	bool nl = false;
	for (uint64_t i = off; i < s->len; i++) {
		char c = t[i];
		if (c == '\\' && i + 1 < s->len) {
			i++;
			continue;
		}
		if (c == '\n') {
			if (nl)
				return NONE;
			nl = true;
			continue;
		}
		if (!s_blank(c) && c != '\r')
			nl = false;
		if (c == open) {
			depth++;
		} else if (c == close) {
			if (--depth == 0)
				return i + 1;
		}
	}
	return NONE;
}

/* Move a text end forward over inline closers. */
static uint64_t s_ext_close(const s_md *s, uint64_t off)
{
	const char *t = s->t;
	while (off < s->len) {
		char c = t[off];
		if (c == '*' || c == '_' || c == '~' || c == '`' || c == '>') {
			off++;
		} else if (c == ']') {
			off++;
			if (off < s->len && (t[off] == '(' || t[off] == '[')) {
				uint64_t e = s_skip_group(s, off);
				if (e != NONE)
					off = e;
			}
		} else {
			break;
		}
	}
	return off;
}

/* Where a container's start moves when its first child starts at v:
 * back over its own marker, if the marker is on the same line. */
static uint64_t s_marker_back(const s_md *s, const memo_node *n, uint64_t v)
{
	const char *t = s->t;
	uint64_t lo = n->start, p = v;

	switch (n->type) {
	case MEMO_NODE_QUOTE:
		while (p > lo && s_blank(t[p - 1]))
			p--;
		if (p > lo && t[p - 1] == '>')
			return p - 1;
		return v;
	case MEMO_NODE_ITEM:
		while (p > lo && s_blank(t[p - 1]))
			p--;
		if ((n->flags & MEMO_NODE_FLAG_TASK) && p >= lo + 3 &&
		    t[p - 1] == ']' && t[p - 3] == '[') {
			p -= 3;
			while (p > lo && s_blank(t[p - 1]))
				p--;
		}
		if (p > lo && (t[p - 1] == '-' || t[p - 1] == '*' ||
		               t[p - 1] == '+'))
			return p - 1;
		if (p > lo && (t[p - 1] == '.' || t[p - 1] == ')')) {
			uint64_t q = p - 1;
			while (q > lo && t[q - 1] >= '0' && t[q - 1] <= '9')
				q--;
			if (q < p - 1)
				return q;
		}
		return v;
	case MEMO_NODE_ROW:
		while (p > lo && s_blank(t[p - 1]))
			p--;
		if (p > lo && t[p - 1] == '|')
			return p - 1;
		return v;
	default:
		return v;
	}
}

/* The top node's start is now known to be v: fix it and every open
 * ancestor whose start was still provisional. */
static void s_fix_start(s_md *s, uint64_t v)
{
	size_t d = s->b.depth;
	for (size_t i = d; i-- > s->known;) {
		memo_node *n = s->b.stack[i].node;
		if (i != d - 1)
			v = s_marker_back(s, n, v);
		n->start = v;
		if (n->end < v)
			n->end = v;
	}
	s->known = d;
}

/* The builder's innermost open node (memo__builder_top, inlined). */
static inline memo_node *s_top(s_md *s)
{
	return s->b.stack[s->b.depth - 1].node;
}

/* Is a quote open? */
static bool s_in_quote(const s_md *s)
{
	for (size_t i = s->b.depth; i-- > 1;)
		if (s->b.stack[i].node->type == MEMO_NODE_QUOTE)
			return true;
	return false;
}

static int s_fail(s_md *s, int rc)
{
	if (s->rc == MEMO_OK)
		s->rc = rc ? rc : MEMO_ERROR;
	return 1;
}

static memo_node *s_open(s_md *s, memo_node_type_t type, uint64_t start)
{
	int rc = memo__builder_open(&s->b, type, start);
	if (rc != MEMO_OK) {
		s_fail(s, rc);
		return NULL;
	}
	return s_top(s);
}

static int s_close(s_md *s, uint64_t end)
{
	memo_node *n = s_top(s);
	int rc = memo__builder_close(&s->b, end);
	if (rc != MEMO_OK)
		return s_fail(s, rc);
	if (s->known > s->b.depth)
		s->known = s->b.depth;
	s->pos = s_max(s->pos, n->end);
	return 0;
}

/* ---- entities ------------------------------------------------------ */

typedef struct s_entity {
	const char *name;
	unsigned char len;
	const char *utf8;
} s_entity;

static const s_entity s_entities[] = {
#include "entities.inc"
};

static int s_entity_cmp(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const s_entity *)elem)->name);
}

/* Decode the entity e[0..n) ("&amp;", "&#39;", "&#x2014;") into out (at
 * least 8 bytes). Returns the byte length, or 0 for an unknown name. */
static size_t s_entity_decode(const char *e, size_t n, char *out)
{
	if (n < 3 || e[0] != '&' || e[n - 1] != ';')
		return 0;
	if (e[1] == '#') {
		uint32_t cp = 0;
		size_t i = 2, digits = 0;
		bool hex = i < n && (e[i] == 'x' || e[i] == 'X');
		if (hex)
			i++;
		for (; i < n - 1; i++, digits++) {
			char c = e[i];
			uint32_t d;
			if (c >= '0' && c <= '9')
				d = (uint32_t)(c - '0');
			else if (hex && c >= 'a' && c <= 'f')
				d = (uint32_t)(c - 'a' + 10);
			else if (hex && c >= 'A' && c <= 'F')
				d = (uint32_t)(c - 'A' + 10);
			else
				return 0;
			if (cp <= 0x10FFFF)
				cp = cp * (hex ? 16u : 10u) + d;
		}
		if (digits == 0)
			return 0;
		/* CommonMark: U+0000 and invalid code points become U+FFFD. */
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		return memo__utf8_encode(cp, out);
	}
	char key[48];
	if (n - 2 >= sizeof key)
		return 0;
	memcpy(key, e + 1, n - 2);
	key[n - 2] = '\0';
	const s_entity *hit = bsearch(key, s_entities,
		sizeof s_entities / sizeof *s_entities, sizeof *s_entities,
		s_entity_cmp);
	if (!hit)
		return 0;
	memcpy(out, hit->utf8, hit->len);
	return hit->len;
}

/* Exposed for the unit tests (declared there, not in a header). */
size_t memo__md_entity_decode(const char *e, size_t n, char *out);
size_t memo__md_entity_decode(const char *e, size_t n, char *out)
{
	return s_entity_decode(e, n, out);
}

/* ---- text nodes ---------------------------------------------------- */

/* If the line holding off opens (after blanks, quote and list markers)
 * with an ATX heading marker, the offset of its first '#'; else NONE. A
 * setext heading's text may start with '#' ("#tag" or "####### x"), but
 * not with a valid ATX marker. */
static uint64_t s_atx_marker(const s_md *s, uint64_t off)
{
	const char *t = s->t;
	uint64_t p = off, q;
	while (p > 0 && !s_eol(t[p - 1]))
		p--;
	for (;;) {
		while (p < off && (s_blank(t[p]) || t[p] == '>'))
			p++;
		if (p + 1 < off && (t[p] == '-' || t[p] == '*' || t[p] == '+') &&
		    s_blank(t[p + 1])) {
			p++;
			continue;
		}
		for (q = p; q < off && q - p < 9 && t[q] >= '0' && t[q] <= '9';)
			q++;
		if (q > p && q + 1 < off && (t[q] == '.' || t[q] == ')') &&
		    s_blank(t[q + 1])) {
			p = q + 1;
			continue;
		}
		break;
	}
	for (q = p; q < s->len && t[q] == '#';)
		q++;
	if (q > p && q - p <= 6 && (q >= s->len || s_blank(t[q]) ||
	                            s_eol(t[q])))
		return p;
	return NONE;
}

/* Whether [p, e) is a thematic break: three or more of one of '-', '*',
 * '_', with blanks between and around, and nothing else. */
static bool s_is_hr(const char *t, uint64_t p, uint64_t e)
{
	char c = 0;
	unsigned n = 0;
	for (; p < e; p++) {
		if (s_blank(t[p]))
			continue;
		if (c == 0 && (t[p] == '-' || t[p] == '*' || t[p] == '_'))
			c = t[p];
		if (t[p] != c)
			return false;
		n++;
	}
	return n >= 3;
}

/* The offset in [p, e) after the container markers that open a line:
 * quote markers, list markers and a task item's box ("- [x]"). A
 * thematic break ("- - -") is not taken for list markers. */
static uint64_t s_after_markers(const char *t, uint64_t p, uint64_t e)
{
	for (;;) {
		while (p < e && (s_blank(t[p]) || t[p] == '>'))
			p++;
		if (p == e || s_is_hr(t, p, e))
			return p;
		uint64_t k = p;
		while (k < e && k - p < 9 && t[k] >= '0' && t[k] <= '9')
			k++;
		if (k > p && k < e && (t[k] == '.' || t[k] == ')'))
			k++;
		else if (k == p && (t[k] == '-' || t[k] == '*' || t[k] == '+'))
			k++;
		else
			return p;
		if (k < e && !s_blank(t[k]))
			return p;
		while (k < e && s_blank(t[k]))
			k++;
		if (k + 2 < e && t[k] == '[' &&
		    (t[k + 1] == ' ' || t[k + 1] == 'x' || t[k + 1] == 'X') &&
		    t[k + 2] == ']' && (k + 3 >= e || s_blank(t[k + 3])))
			k += 3;
		p = k;
	}
}

/* Whether the line [p, e) holds nothing but container markers and perhaps
 * a thematic break: what md4c's empty blocks leave behind with no text to
 * place them by. */
static bool s_markers_only(const s_md *s, uint64_t p, uint64_t e)
{
	uint64_t q = s_after_markers(s->t, p, e);
	return q == e || s_is_hr(s->t, q, e);
}

/* md4c reports a thematic break with no text: move the cursor past its
 * line, so that what follows (an empty heading, say) is not placed on
 * it. The break is on the first line at or after the cursor that holds
 * more than container markers; if that line is not a break, nothing
 * moves. */
static void s_skip_hr(s_md *s)
{
	for (uint64_t p = s->pos; p < s->len;) {
		uint64_t e = s_line_end(s, p);
		uint64_t q = s_after_markers(s->t, p, e);
		if (q < e) {
			if (s_is_hr(s->t, q, e))
				s->pos = e;
			return;
		}
		p = e + s_eol_len(s, e);
	}
}

/* A piece of source text at off belongs to the current text context:
 * make sure a text node is open and its start fixed. */
static int s_place(s_md *s, uint64_t off)
{
	if (s->topen && s->tstarted)
		return 0;
	uint64_t lo = s_min(s->floor, off);
	uint64_t v = off;
	if (s->first != NONE && s->first < v)
		v = s->first;
	uint64_t atx = s->ctx == S_H ? s_atx_marker(s, v) : NONE;
	if (atx != NONE && atx >= lo) {
		v = atx;
		s->tatx = true;
	} else if (s->ctx != S_CODE) {
		v = s_ext_open(s, v, lo);
	}
	if (!s->topen) {
		/* A paragraph (or the text of a tight item or a cell) opens
		 * at its first text, so blocks of markup alone leave none. */
		if (!s_open(s, MEMO_NODE_PARAGRAPH, v))
			return 1;
		s->topen = true;
	}
	s_fix_start(s, v);
	s->tstarted = true;
	s->first = NONE;
	s->last = v;
	return 0;
}

static int s_run(s_md *s, const char *str, size_t n, uint64_t doc_off,
	uint64_t doc_len, bool verbatim)
{
	if (doc_off < s->span_lo)
		s->span_lo = doc_off;
	int rc = memo__builder_add_run(&s->b, str, n, doc_off, doc_len,
		verbatim);
	return rc == MEMO_OK ? 0 : s_fail(s, rc);
}

/* A verbatim piece of the document text. */
static int s_verbatim(s_md *s, uint64_t off, uint64_t n)
{
	if (s_place(s, off))
		return 1;
	s->last = off + n;
	s->pos = s_max(s->pos, off + n);
	return s_run(s, s->t + off, (size_t)n, off, n, true);
}

/* A line break that md4c reports as a constant string (soft break, hard
 * break, a line break inside a code span): its source is the line end
 * after the cursor, plus for a hard break the spaces or backslash before
 * it. */
static int s_break(s_md *s, const char *str, size_t n, bool hard)
{
	uint64_t e = s_line_end(s, s->pos);
	uint64_t b = hard ? s->pos : e;
	uint64_t el = s_eol_len(s, e);
	if (s_place(s, b))
		return 1;
	s->pos = e + el;
	return s_run(s, str, n, b, e + el - b, false);
}

/* A safety net for md4c's rarer readings (a block whose text comes
 * before the fence found for it, say): the open text node and its
 * ancestors start no later than the node's first span. */
static void s_cover_spans(s_md *s)
{
	uint64_t lo = s->span_lo;
	s->span_lo = NONE;
	for (size_t i = s->b.depth; lo != NONE && i-- > 1;) {
		memo_node *n = s->b.stack[i].node;
		if (n->start <= lo)
			break;
		n->start = lo;
	}
}

/* Close the open text node (if any) at its computed end. */
static int s_close_text(s_md *s)
{
	if (!s->topen)
		return 0;
	memo_node *n = s_top(s);
	uint64_t end = n->start;
	const char *t = s->t;

	if (n->type == MEMO_NODE_HEADING) {
		if (!s->tstarted) {
			/* A heading with no text: "#", or markup only (an
			 * image, an empty link). It starts at its marker (ATX)
			 * or at its first line's content, or at an image
			 * (s->first); a setext one runs through its
			 * underline. */
			uint64_t q = s->first, atx = NONE;
			if (q == NONE) {
				/* With no text and no markup it is an ATX
				 * heading ("#"): find its marker, past the
				 * lines of empty blocks before it ("-", "---")
				 * that left the cursor behind. */
				for (uint64_t p = s->floor; p < s->len;) {
					uint64_t e = s_line_end(s, p);
					atx = s_atx_marker(s, e);
					if (atx != NONE && atx >= s->floor) {
						q = atx;
						break;
					}
					atx = NONE;
					if (!s_markers_only(s, p, e))
						break;
					p = e + s_eol_len(s, e);
				}
			}
			if (q == NONE) {
				q = s->floor;
				while (q < s->len && (s_blank(t[q]) || s_eol(t[q]) ||
				                      t[q] == '>'))
					q++;
			}
			if (atx == NONE && q < s->len)
				atx = s_atx_marker(s, q);
			if (q >= s->len) {
				s_fix_start(s, s->floor);
				end = s->floor;
			} else if (atx != NONE && atx >= s->floor) {
				s_fix_start(s, atx);
				end = s_trim_back(s, s_line_end(s, atx), atx);
			} else {
				s_fix_start(s, q);
				uint64_t e = s_line_end(s, q);
				end = s_trim_back(s, e, q);
				while (e < s->len) {
					uint64_t nx = e + s_eol_len(s, e), r = nx;
					e = s_line_end(s, nx);
					while (r < e && (s_blank(t[r]) || t[r] == '>'))
						r++;
					if (r == e)
						break;  /* a blank line: no underline */
					char u = t[r];
					uint64_t k = r;
					while (k < e && t[k] == u)
						k++;
					if ((u == '=' || u == '-') &&
					    s_trim_back(s, e, k) == k) {
						end = k;
						break;
					}
				}
			}
		} else if (s->tatx) {
			uint64_t e = s_line_end(s, s->last);
			end = s_trim_back(s, e, s->last);
		} else {
			/* Setext: through the underline on the next line. */
			uint64_t e = s_line_end(s, s->last);
			uint64_t nx = e + s_eol_len(s, e);
			if (nx < s->len) {
				uint64_t e2 = s_line_end(s, nx);
				end = s_trim_back(s, e2, nx);
			} else {
				end = s_trim_back(s, e, s->last);
			}
		}
	} else if (s->tstarted) {
		end = s_ext_close(s, s->last);
		/* A paragraph owns the rest of its last line; a cell's text
		 * does not (the next cell follows). */
		const memo_node *parent = n->parent;
		if (!parent || parent->type != MEMO_NODE_CELL) {
			uint64_t e = s_line_end(s, end);
			uint64_t tr = s_trim_back(s, e, end);
			if (tr > end)
				end = tr;
		}
	}
	s_cover_spans(s);
	s->topen = false;
	s->tstarted = false;
	s->tatx = false;
	return s_close(s, end);
}

/* ---- code blocks --------------------------------------------------- */

static uint64_t s_col(const s_md *s, uint64_t p);

/* Add the pending line ends of a code block: "\n" each, verbatim when
 * the source has "\n" and not "\r\n". */
static int s_code_flush_nl(s_md *s)
{
	while (s->nl_pending) {
		uint64_t e = s_line_end(s, s->pos);
		uint64_t el = s_eol_len(s, e);
		s->nl_pending--;
		if (s_place(s, e))
			return 1;
		s->pos = e + el;
		if (el == 1 && s->t[e] == '\n') {
			if (s_run(s, s->t + e, 1, e, 1, true))
				return 1;
		} else if (s_run(s, "\n", 1, e, el, false)) {
			return 1;
		}
	}
	return 0;
}

static int s_code_text(s_md *s, const char *text, size_t size, bool inbuf)
{
	static const char spaces[] = "                ";
	if (!inbuf) {
		if (size == 1 && text[0] == '\n') {
			if (s->indent_pending) {
				/* Indentation of an empty line: keep it. */
				if (s_place(s, s->pos))
					return 1;
				while (s->indent_pending) {
					size_t k = s->indent_pending < 16 ?
						s->indent_pending : 16;
					if (s_run(s, spaces, k, s->pos, 0, false))
						return 1;
					s->indent_pending -= k;
				}
			}
			s->nl_pending++;
			return 0;
		}
		if (s_code_flush_nl(s))
			return 1;
		if (text[0] == ' ') {
			s->indent_pending += size;
			return 0;
		}
		/* Anything else (U+FFFD for U+0000 comes through
		 * MD_TEXT_NULLCHAR): keep it, placed at the cursor. */
		if (s_place(s, s->pos))
			return 1;
		return s_run(s, text, size, s->pos, 0, false);
	}
	uint64_t off = (uint64_t)(text - s->t);  /* rebound by s_text */
	if (s_code_flush_nl(s))
		return 1;
	if (s->indent_pending) {
		/* md4c gives the indentation inside a fenced block (and what
		 * is left of a tab) as spaces of its own. The source's own
		 * blanks that span exactly those columns are kept instead
		 * (tabs stay tabs); failing that, the spaces stand for the
		 * blanks before the line's text. */
		uint64_t k = s->indent_pending;
		s->indent_pending = 0;
		uint64_t lo = s_min(s->pos, off), b = off;
		while (b > lo && s_blank(s->t[b - 1]))
			b--;
		uint64_t cols[64], n = off - b < 64 ? off - b : 0, c = 0;
		if (n)
			c = s_col(s, b);
		for (uint64_t i = 0; i < n; i++) {
			cols[i] = c;
			c = s->t[b + i] == '\t' ? (c + 4) & ~(uint64_t)3 : c + 1;
		}
		uint64_t from = NONE;
		for (uint64_t i = 0; i < n && from == NONE; i++)
			if (c - cols[i] == k)
				from = b + i;
		if (from != NONE) {
			if (s_verbatim(s, from, off - from))
				return 1;
		} else {
			if (s_place(s, b))
				return 1;
			while (k) {
				size_t w = k < 16 ? (size_t)k : 16;
				if (s_run(s, spaces, w, b, k <= 16 ? off - b : 0,
				          false))
					return 1;
				k -= w;
			}
		}
	}
	return s_verbatim(s, off, size);
}

/* Visual column (0-based; a tab advances to the next multiple of 4) of
 * offset p on its line. */
static uint64_t s_col(const s_md *s, uint64_t p)
{
	uint64_t ls = p, col = 0;
	while (ls > 0 && !s_eol(s->t[ls - 1]))
		ls--;
	for (uint64_t i = ls; i < p; i++) {
		unsigned char c = (unsigned char)s->t[i];
		if (c == '\t')
			col = (col + 4) & ~(uint64_t)3;
		else if ((c & 0xC0) != 0x80)
			col++;
	}
	return col;
}

/* The column where the content of an open item or quote starts, from
 * its marker (its start). */
static uint64_t s_content_col(const s_md *s, const memo_node *n)
{
	const char *t = s->t;
	uint64_t m = n->start, e = m;
	if (m >= s->len)
		return s_col(s, m);
	if (n->type == MEMO_NODE_QUOTE) {
		if (t[m] != '>')
			return s_col(s, m);
		return s_col(s, m + 1) + (m + 1 < s->len && t[m + 1] == ' ');
	}
	if (t[m] == '-' || t[m] == '*' || t[m] == '+') {
		e = m + 1;
	} else {
		while (e < s->len && t[e] >= '0' && t[e] <= '9')
			e++;
		if (e == m || e >= s->len || (t[e] != '.' && t[e] != ')'))
			return s_col(s, m);
		e++;
	}
	uint64_t mc = s_col(s, e), q = e;
	while (q < s->len && s_blank(t[q]))
		q++;
	if (q >= s->len || s_eol(t[q]))
		return mc + 1;
	uint64_t qc = s_col(s, q);
	return qc - mc >= 5 ? mc + 1 : qc;
}

/*
 * md4c 0.4.8 opens a fenced code block at a fence indented by four
 * columns or more past its container's content (CommonMark allows three;
 * such a line after a paragraph continues the paragraph), and then never
 * closes it, so the rest of the document turns into code. Is the fence
 * at f such a one? Called before the CODE node's start is fixed, so the
 * open containers' known starts are their markers.
 */
static bool s_fence_misread(const s_md *s, uint64_t f)
{
	uint64_t base = 0;
	for (size_t i = s->b.depth - 1; i-- > 1;) {
		const memo_node *n = s->b.stack[i].node;
		if (n->type != MEMO_NODE_ITEM && n->type != MEMO_NODE_QUOTE)
			continue;
		if (i >= s->known)
			return false;  /* the fence is its first content */
		base = s_content_col(s, n);
		break;
	}
	return s_col(s, f) >= base + 4;
}

static int s_enter_code(s_md *s, const MD_BLOCK_CODE_DETAIL *d)
{
	if (!s_open(s, MEMO_NODE_CODE, s->pos))
		return 1;
	s->topen = true;
	s->tstarted = false;
	s->ctx = S_CODE;
	s->fence = d->fence_char;
	s->nl_pending = 0;
	s->indent_pending = 0;
	if (s->fence) {
		/* The opening fence is the first run of three fence
		 * characters after the cursor. */
		const char *t = s->t;
		for (uint64_t p = s->pos; p + 2 < s->len; p++) {
			if (t[p] == s->fence && t[p + 1] == s->fence &&
			    t[p + 2] == s->fence) {
				if (s->check_fences && s_fence_misread(s, p)) {
					s->misread = p;
					return 1;  /* parse again without it */
				}
				s_fix_start(s, p);
				s->tstarted = true;
				s->pos = s_line_end(s, p);
				break;
			}
		}
	}
	return 0;
}

static int s_leave_code(s_md *s)
{
	memo_node *n = s_top(s);
	uint64_t end = s->tstarted ? n->end : s->pos;
	if (s->fence && s->tstarted) {
		/* md4c ends every line with "\n"; the trailing ones were never
		 * added. Skip them (or, for an empty block, the opening fence
		 * line) and look for the closing fence on the line after. */
		const char *t = s->t;
		uint64_t p = s->pos;
		size_t k = s->nl_pending ? s->nl_pending : 1;
		for (size_t i = 0; i < k && p < s->len; i++) {
			uint64_t e = s_line_end(s, p);
			p = e + s_eol_len(s, e);
		}
		while (p < s->len && (s_blank(t[p]) || t[p] == '>'))
			p++;
		uint64_t q = p;
		while (q < s->len && t[q] == s->fence)
			q++;
		if (q >= p + 3)
			end = q;
		else if (end == n->start)
			end = s_trim_back(s, s_line_end(s, n->start), n->start);
	}
	s_cover_spans(s);
	s->nl_pending = 0;
	s->indent_pending = 0;
	s->topen = false;
	s->tstarted = false;
	s->ctx = S_NONE;
	return s_close(s, end);
}

/* ---- HTML comments ------------------------------------------------- */

static const char *s_find(const char *h, size_t hn, const char *n,
	size_t nn)
{
	if (nn > hn)
		return NULL;
	const char *end = h + hn - nn;
	for (const char *p = h; p <= end; p++) {
		p = memchr(p, n[0], (size_t)(end - p) + 1);
		if (!p)
			return NULL;
		if (memcmp(p, n, nn) == 0)
			return p;
	}
	return NULL;
}

/* Record every "<!-- ... -->" that starts in [from, to) and ends before
 * limit. */
static int s_comments(s_md *s, uint64_t from, uint64_t to, uint64_t limit)
{
	const char *t = s->t;
	while (from + 4 <= to) {
		const char *o = s_find(t + from, (size_t)(to - from), "<!--", 4);
		if (!o)
			break;
		uint64_t b = (uint64_t)(o - t);
		const char *c = s_find(t + b + 4, (size_t)(limit - b - 4),
			"-->", 3);
		if (!c)
			break;
		uint64_t e = (uint64_t)(c - t) + 3;
		int rc = memo__builder_add_comment(&s->b, b, e, t + b + 4,
			(size_t)(e - 3 - (b + 4)));
		if (rc != MEMO_OK)
			return s_fail(s, rc);
		from = e;
	}
	return 0;
}

/* ---- text that is not prose ---------------------------------------- */

/* Index of the first hidden range that ends after off. */
static size_t s_hide_first(const s_md *s, uint64_t off)
{
	size_t lo = 0, hi = s->nhide;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->hide[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Consume source text that gives no text: the cursor moves over it, and
 * an open text node's range too. */
static void s_consume(s_md *s, uint64_t end)
{
	if (s->topen && s->tstarted && end > s->last)
		s->last = end;
	s->pos = s_max(s->pos, end);
}

/* A verbatim piece of prose: its hidden parts (footnote references and
 * markers) leave no text and no span. */
static int s_prose(s_md *s, uint64_t off, uint64_t n)
{
	if (s->nhide == 0)
		return s_verbatim(s, off, n);
	uint64_t end = off + n, p = off;
	for (size_t i = s_hide_first(s, off);
	     i < s->nhide && s->hide[i].start < end; i++) {
		const memo__md_range *r = &s->hide[i];
		if (r->start > p && s_verbatim(s, p, r->start - p))
			return 1;
		if (r->end > p)
			p = r->end;
	}
	if (p < end)
		return s_verbatim(s, p, end - p);
	s_consume(s, end);
	return 0;
}

/* Is [off, off + n) hidden as a whole? */
static bool s_hidden(const s_md *s, uint64_t off, uint64_t n)
{
	size_t i = s_hide_first(s, off);
	return i < s->nhide && s->hide[i].start <= off &&
	       s->hide[i].end >= off + n;
}

/* A line break that md4c reports before any text of its block (after an
 * image, say): no text, the cursor moves past the line end. */
static void s_skip_break(s_md *s)
{
	uint64_t e = s_line_end(s, s->pos);
	s->pos = e + s_eol_len(s, e);
}

/* ---- images -------------------------------------------------------- */

/* An image's alt text is not prose: md4c's image span gives no text. The
 * image's source ("![alt](dest)" or "![alt][ref]") is found from the
 * cursor when the span opens, and from its first alt text piece. */
static void s_image_piece(s_md *s, uint64_t off)
{
	if (s->img_at != NONE)
		return;
	for (uint64_t p = off; p >= s->img_from + 2; p--) {
		if (s->t[p - 2] == '!' && s->t[p - 1] == '[') {
			s->img_at = p - 2;
			return;
		}
	}
}

static void s_image_end(s_md *s)
{
	const char *t = s->t;
	uint64_t at = s->img_at;
	if (at == NONE) {
		for (uint64_t p = s->img_from; p + 1 < s->len; p++) {
			if (t[p] == '!' && t[p + 1] == '[') {
				at = p;
				break;
			}
		}
		if (at == NONE)
			return;
	}
	uint64_t end = s_skip_group(s, at + 1);
	if (end == NONE) {
		end = at + 2;
	} else if (end < s->len && (t[end] == '(' || t[end] == '[')) {
		uint64_t e2 = s_skip_group(s, end);
		if (e2 != NONE)
			end = e2;
	}
	if (s->img_start == NONE) {
		s->img_start = at;
		s->img_end = end;
	}
	/* The image is part of its block's range: it starts the block when
	 * no text came before it. */
	if (s->topen && s->tstarted)
		s_consume(s, end);
	else if (s->first == NONE || at < s->first)
		s->first = at;
	s->pos = s_max(s->pos, end);
}

/* ---- md4c's stale list item ---------------------------------------- */

/*
 * md4c 0.4.8 decides that a list item "starts with two blank lines" (and
 * so must end at the next line) by reading the last MD_BLOCK header of
 * its block buffer at `n_block_bytes - sizeof(MD_BLOCK)`; after a block
 * with lines those bytes are the last line's offsets, not a header, and
 * when their low byte happens to be MD_BLOCK_LI (4) a blank line inside a
 * list item ends the item: the rest of the item becomes top-level text or
 * code. It happens on a blank line that md4c sees while no block is open:
 * the second blank line after a paragraph, or the first after a closing
 * fence or a heading. Which offsets trigger it is chance (1 in 256).
 *
 * When an item with content closed and the next block starts on a line
 * indented at least to the item's content column after blank lines
 * (CommonMark keeps such a line in the item), md4c is run again on a
 * copy where those blank lines are merged: into one blank line after a
 * paragraph, into the fence or heading line otherwise (no blank line is
 * needed after them). Merging blank lines changes no structure outside
 * code, and the line ends md4c no longer sees are still in the text.
 */
static uint64_t s_md_line_end(const s_md *s, uint64_t off)
{
	while (off < s->len && !s_eol(s->md[off]))
		off++;
	return off;
}

static uint64_t s_md_next_line(const s_md *s, uint64_t e)
{
	if (e < s->len && s->md[e] == '\r') {
		e++;
		if (e < s->len && s->md[e] == '\n')
			e++;
	} else if (e < s->len && s->md[e] == '\n') {
		e++;
	}
	return e;
}

static int s_li_check(s_md *s)
{
	s->li_pending = false;
	const char *m = s->md;
	uint64_t lc = s_md_line_end(s, s->li_end);
	uint64_t p = s_md_next_line(s, lc), first = p, last = NONE;
	size_t nblank = 0;
	while (p < s->len) {
		uint64_t e = s_md_line_end(s, p), q = p;
		while (q < e && s_blank(m[q]))
			q++;
		if (q < e)
			break;
		nblank++;
		last = p;
		p = s_md_next_line(s, e);
	}
	if (nblank == 0 || p >= s->len)
		return 0;
	uint64_t q = p;
	while (q < s->len && s_blank(m[q]))
		q++;
	if (s_col(s, q) < s_content_col(s, s->li_item))
		return 0;
	uint64_t from = s->li_self ? lc : first, to = last;
	if (!s->li_self && nblank < 2)
		return 0;
	for (uint64_t i = from; i < to; i++)
		if (!s_blank(s->t[i]) && !s_eol(s->t[i]))
			return 0;  /* a hidden footnote: leave it */
	s->fix_from = from;
	s->fix_to = to;
	return 1;  /* stop md4c: it runs again on the fixed copy */
}

/* ---- strikethrough ------------------------------------------------- */

/*
 * md4c 0.4.8 lets a run of one or two tildes open a strikethrough when no
 * white space follows it and close one when no white space precedes it.
 * GitHub uses the flanking rules of emphasis: "about (~1 KB) rather than
 * (~2 KB)" strikes "1 KB) rather than (" in md4c, nothing on GitHub, and
 * the two tildes are lost from the text. When md4c reports a
 * strikethrough whose opening run is not left-flanking or whose closing
 * run is not right-flanking, both runs are hidden from md4c (as '%') and
 * md4c runs again: the tildes stay in the text, taken from the document.
 */

/* The code point before p (0 at a line start: white space). */
static uint32_t s_cp_before(const s_md *s, uint64_t p)
{
	if (p == 0 || s_eol(s->t[p - 1]))
		return 0;
	uint64_t q = p - 1;
	while (q > 0 && p - q < 4 && ((unsigned char)s->t[q] & 0xC0) == 0x80)
		q--;
	uint32_t cp;
	if (memo__utf8_decode((const unsigned char *)s->t + q,
	                      (size_t)(p - q), &cp) != p - q)
		return 'a';
	return cp;
}

/* The code point at p (0 at a line end: white space). */
static uint32_t s_cp_at(const s_md *s, uint64_t p)
{
	if (p >= s->len || s_eol(s->t[p]))
		return 0;
	uint32_t cp;
	if (!memo__utf8_decode((const unsigned char *)s->t + p,
	                       (size_t)(s->len - p), &cp))
		return 'a';
	return cp;
}

static bool s_uspace(uint32_t c)
{
	return c == 0 || c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
	       c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	       c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool s_upunct(uint32_t c)
{
	if (c < 0x80)
		return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
		       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
	return (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB2 &&
	        c != 0xB3 && c != 0xB5 && c != 0xB9 && c != 0xBA) ||
	       c == 0xD7 || c == 0xF7 || (c >= 0x2010 && c <= 0x2027) ||
	       (c >= 0x2030 && c <= 0x205E) || (c >= 0x3001 && c <= 0x3003) ||
	       (c >= 0x3008 && c <= 0x3011);
}

/* The run of tildes at or after from (at most 64 bytes on), or NONE. */
static uint64_t s_tilde_run(const s_md *s, uint64_t from, uint64_t *n)
{
	for (uint64_t p = from; p < s->len && p < from + 64; p++) {
		if (s->t[p] == '~') {
			uint64_t q = p;
			while (q < s->len && s->t[q] == '~')
				q++;
			*n = q - p;
			return p;
		}
	}
	return NONE;
}

static int s_del_push(s_md *s, uint64_t at, uint64_t n)
{
	if (s->ndelfix + 2 > s->capdelfix) {
		size_t c = s->capdelfix ? s->capdelfix * 2 : 16;
		uint64_t *v = memo__realloc(s->delfix, c * sizeof *v);
		if (!v)
			return s_fail(s, memo__error_oom());
		s->delfix = v;
		s->capdelfix = c;
	}
	s->delfix[s->ndelfix++] = at;
	s->delfix[s->ndelfix++] = n;
	return 0;
}

/* A strikethrough span closes: would GitHub have made it? */
static int s_del_check(s_md *s)
{
	uint64_t no, nc;
	uint64_t o = s_tilde_run(s, s->del_open, &no);
	uint64_t c = o == NONE ? NONE : s_tilde_run(s, s_max(s->pos, o + no),
		&nc);
	if (o == NONE || c == NONE || no > 2 || nc != no)
		return 0;  /* not found as expected: md4c's reading stands */
	uint32_t ob = s_cp_before(s, o), oa = s_cp_at(s, o + no);
	uint32_t cb = s_cp_before(s, c), ca = s_cp_at(s, c + nc);
	bool left = !s_uspace(oa) &&
		(!s_upunct(oa) || s_uspace(ob) || s_upunct(ob));
	bool right = !s_uspace(cb) &&
		(!s_upunct(cb) || s_uspace(ca) || s_upunct(ca));
	if (left && right)
		return 0;
	if (s_del_push(s, o, no) || s_del_push(s, c, nc))
		return 1;
	return 0;
}

/* ---- md4c callbacks ------------------------------------------------ */

static int s_enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	s_md *s = ud;
	if (s->rc != MEMO_OK)  /* md4c may call on after a failure */
		return 1;
	memo_node *n;

	if (s->li_pending) {
		if (type == MD_BLOCK_LI)
			s->li_pending = false;  /* the next item: no loss */
		else if (s_li_check(s))
			return 1;
	}
	if (s_close_text(s))
		return 1;
	if (s->note && ++s->md_depth == 2 && type == MD_BLOCK_QUOTE) {
		/* the quote that holds a footnote's content (see
		 * memo__md_fn_view): no node of its own */
		s->first = NONE;
		s->floor = s->pos;
		return 0;
	}
	s->first = NONE;
	s->floor = s->pos;
	switch (type) {
	case MD_BLOCK_QUOTE:
		return s_open(s, MEMO_NODE_QUOTE, s->pos) ? 0 : 1;
	case MD_BLOCK_UL:
		return s_open(s, MEMO_NODE_LIST, s->pos) ? 0 : 1;
	case MD_BLOCK_OL: {
		const MD_BLOCK_OL_DETAIL *d = detail;
		if (!(n = s_open(s, MEMO_NODE_LIST, s->pos)))
			return 1;
		n->flags |= MEMO_NODE_FLAG_ORDERED;
		n->list_start = d->start;
		return 0;
	}
	case MD_BLOCK_LI: {
		const MD_BLOCK_LI_DETAIL *d = detail;
		if (!(n = s_open(s, MEMO_NODE_ITEM, s->pos)))
			return 1;
		if (d->is_task) {
			n->flags |= MEMO_NODE_FLAG_TASK;
			if (d->task_mark == 'x' || d->task_mark == 'X')
				n->flags |= MEMO_NODE_FLAG_CHECKED;
		}
		return 0;
	}
	case MD_BLOCK_H: {
		const MD_BLOCK_H_DETAIL *d = detail;
		if (!(n = s_open(s, MEMO_NODE_HEADING, s->pos)))
			return 1;
		n->level = d->level;
		s->ctx = S_H;
		s->topen = true;
		s->tstarted = false;
		s->tatx = false;
		return 0;
	}
	case MD_BLOCK_CODE:
		return s_enter_code(s, detail);
	case MD_BLOCK_HTML:
		s->ctx = S_HTML;
		s->html_start = NONE;
		s->html_end = s->pos;
		return 0;
	case MD_BLOCK_P:
		s->ctx = S_P;
		return 0;
	case MD_BLOCK_TABLE:
		return s_open(s, MEMO_NODE_TABLE, s->pos) ? 0 : 1;
	case MD_BLOCK_THEAD:
		s->in_thead = true;
		return 0;
	case MD_BLOCK_TBODY:
		s->in_thead = false;
		return 0;
	case MD_BLOCK_TR:
		if (!(n = s_open(s, MEMO_NODE_ROW, s->pos)))
			return 1;
		if (s->in_thead)
			n->flags |= MEMO_NODE_FLAG_HEADER;
		return 0;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		if (!(n = s_open(s, MEMO_NODE_CELL, s->pos)))
			return 1;
		if (type == MD_BLOCK_TH || s->in_thead)
			n->flags |= MEMO_NODE_FLAG_HEADER;
		return 0;
	case MD_BLOCK_HR:
		s_skip_hr(s);
		s->floor = s->pos;
		return 0;
	case MD_BLOCK_DOC:
	default:
		return 0;
	}
}

static int s_leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	s_md *s = ud;
	if (s->rc != MEMO_OK)  /* md4c may call on after a failure */
		return 1;
	(void)detail;

	if (s->note && s->md_depth-- == 2 && type == MD_BLOCK_QUOTE) {
		if (s_close_text(s))
			return 1;
		s->first = NONE;
		s->floor = s->pos;
		return 0;
	}
	switch (type) {
	case MD_BLOCK_P:
	case MD_BLOCK_H:
		if (s_close_text(s))
			return 1;
		s->ctx = S_NONE;
		s->last_self = type == MD_BLOCK_H;
		break;
	case MD_BLOCK_HR:
		s->last_self = true;
		break;
	case MD_BLOCK_CODE:
		s->last_self = s->fence != 0;
		if (s_leave_code(s))
			return 1;
		break;
	case MD_BLOCK_HTML:
		s->last_self = false;
		s->ctx = S_NONE;
		if (s->html_start != NONE) {
			if (s_comments(s, s->html_start, s->html_end,
			               s->html_end))
				return 1;
			s->pos = s_max(s->pos, s->html_end);
		}
		break;
	case MD_BLOCK_TD:
	case MD_BLOCK_TH:
		if (s_close_text(s))
			return 1;
		if (s->known < s->b.depth) {
			/* An empty cell: place it at the pipe that ends it. */
			uint64_t p = s->pos;
			while (p < s->len && s_blank(s->t[p]))
				p++;
			if (p < s->len && s->t[p] == '|') {
				p++;
				while (p < s->len && s_blank(s->t[p]))
					p++;
			}
			memo_node *n = s->b.stack[s->b.depth - 1].node;
			n->start = n->end = p;
			s->pos = s_max(s->pos, p);
		}
		if (s_close(s, 0))
			return 1;
		break;
	case MD_BLOCK_LI: {
		if (s_close_text(s))
			return 1;
		memo_node *item = s_top(s);
		bool watch = s->check_fences && !s->note && item->first &&
			s->known >= s->b.depth && !s_in_quote(s);
		if (s_close(s, 0))
			return 1;
		if (watch) {
			s->li_pending = true;
			s->li_end = item->end;
			s->li_item = item;
			s->li_self = s->last_self;
		}
		break;
	}
	case MD_BLOCK_TABLE:
		s->last_self = false;
		/* fall through */
	case MD_BLOCK_QUOTE:
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (s_close_text(s) || s_close(s, 0))
			return 1;
		break;
	case MD_BLOCK_TR: {
		if (s_close_text(s))
			return 1;
		/* A row runs over its closing pipe. */
		memo_node *n = s_top(s);
		uint64_t e = n->end;
		if (n->first) {
			while (e < s->len && s_blank(s->t[e]))
				e++;
			if (e < s->len && s->t[e] == '|')
				e++;
			else
				e = n->end;
		}
		if (s_close(s, e))
			return 1;
		break;
	}
	case MD_BLOCK_THEAD:
		s->in_thead = false;
		break;
	default:
		break;
	}
	s->first = NONE;
	s->floor = s->pos;
	return 0;
}

static int s_enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	s_md *s = ud;
	if (s->rc != MEMO_OK)  /* md4c may call on after a failure */
		return 1;
	(void)detail;
	if (type == MD_SPAN_IMG && s->img_depth++ == 0) {
		s->nimages++;
		s->img_from = s->pos;
		s->img_at = NONE;
	}
	if (type == MD_SPAN_DEL && s->del_depth++ == 0)
		s->del_open = s->pos;
	return 0;
}

static int s_leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	s_md *s = ud;
	if (s->rc != MEMO_OK)  /* md4c may call on after a failure */
		return 1;
	(void)detail;
	if (type == MD_SPAN_IMG && s->img_depth > 0 && --s->img_depth == 0)
		s_image_end(s);
	if (type == MD_SPAN_DEL && s->del_depth > 0 && --s->del_depth == 0 &&
	    s->check_fences && !s->note)
		return s_del_check(s);
	return 0;
}

static int s_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size,
	void *ud)
{
	s_md *s = ud;
	if (s->rc != MEMO_OK)  /* md4c may call on after a failure */
		return 1;
	bool inbuf = text >= s->md && text < s->md + s->len;
	uint64_t off = inbuf ? (uint64_t)(text - s->md) : 0;

	if (size == 0)
		return 0;
	if (s->li_pending && s_li_check(s))
		return 1;
	/* md4c may read a patched copy; the text always comes from the
	 * document text, at the same offset. */
	if (inbuf)
		text = s->t + off;
	if (s->ctx == S_HTML) {
		if (inbuf) {
			if (s->html_start == NONE)
				s->html_start = off;
			s->html_end = s_max(s->html_end, off + size);
		}
		return 0;
	}
	if (s->ctx == S_CODE) {
		if (type != MD_TEXT_NULLCHAR)
			return s_code_text(s, text, size, inbuf);
		s->indent_pending = 0;
		if (s_code_flush_nl(s))
			return 1;
	}

	if (s->img_depth > 0) {
		/* an image's alt text */
		if (inbuf) {
			s_image_piece(s, off);
			s->pos = s_max(s->pos, off + size);
		} else if (type != MD_TEXT_NULLCHAR &&
		           type != MD_TEXT_ENTITY) {
			s_skip_break(s);
		}
		return 0;
	}
	if ((type == MD_TEXT_SOFTBR || type == MD_TEXT_BR ||
	     (!inbuf && type != MD_TEXT_NULLCHAR && type != MD_TEXT_HTML)) &&
	    !(s->topen && s->tstarted)) {
		/* no text yet: a line break means nothing */
		s_skip_break(s);
		return 0;
	}

	switch (type) {
	case MD_TEXT_NORMAL:
	case MD_TEXT_CODE:
	case MD_TEXT_LATEXMATH:
		if (!inbuf)  /* a line break inside a code span */
			return s_break(s, " ", 1, false);
		if (type == MD_TEXT_NORMAL)
			return s_prose(s, off, size);
		if (s_verbatim(s, off, size))
			return 1;
		if (type == MD_TEXT_CODE)
			s_top(s)->flags |=
				MEMO_NODE_FLAG_HAS_CODE;
		return 0;
	case MD_TEXT_SOFTBR:
		return s_break(s, " ", 1, false);
	case MD_TEXT_BR:
		return s_break(s, "\n", 1, true);
	case MD_TEXT_ENTITY: {
		char buf[8];
		if (inbuf && s->nhide && s_hidden(s, off, size)) {
			s_consume(s, off + size);
			return 0;
		}
		size_t n = inbuf ? s_entity_decode(text, size, buf) : 0;
		if (n == 0)  /* unknown name: the text stays as written */
			return inbuf ? s_verbatim(s, off, size) :
			       s_run(s, text, size, s->pos, 0, false);
		if (s_place(s, off))
			return 1;
		s->last = off + size;
		s->pos = s_max(s->pos, off + size);
		return s_run(s, buf, n, off, size, false);
	}
	case MD_TEXT_NULLCHAR: {
		/* The NUL is the first one after the cursor: on the same
		 * line when the text has begun. Find it first, then look for
		 * a line break before it: looking for the line's end first
		 * made a long line of NULs quadratic. */
		const char *z = memchr(s->t + s->pos, '\0',
			(size_t)(s->len - s->pos));
		if (z && s->topen && s->tstarted)
			for (const char *q = s->t + s->pos; q < z; q++)
				if (s_eol(*q)) {
					z = NULL;
					break;
				}
		uint64_t at = z ? (uint64_t)(z - s->t) : s->pos;
		if (s_place(s, at))
			return 1;
		if (z) {
			s->last = at + 1;
			s->pos = at + 1;
		}
		return s_run(s, "\xEF\xBF\xBD", 3, at, z ? 1 : 0, false);
	}
	case MD_TEXT_HTML:
		/* Inline raw HTML is markup, not prose; a comment in it is
		 * kept for rule control. */
		if (!inbuf)
			return 0;
		if (s->topen && !s->tstarted) {
			if (s_place(s, off))
				return 1;
		} else if (!s->topen && s->first == NONE) {
			s->first = off;
		}
		if (s->topen)
			s->last = off + size;
		s->pos = s_max(s->pos, off + size);
		if (size >= 4 && memcmp(text, "<!--", 4) == 0)
			return s_comments(s, off, off + 4, s->len);
		return 0;
	default:
		return 0;
	}
}

/* ---- front matter -------------------------------------------------- */

/* Does the line [p, e) look like a line of a YAML mapping: blank, a
 * comment, an indented continuation, a sequence item, a "? key" or a
 * "key: value"?
 * A document that merely opens with a thematic break and has another
 * "---" further down must not lose its first part as front matter. */
static bool s_yaml_line(const s_md *s, uint64_t p, uint64_t e)
{
	const char *t = s->t;
	if (p == e || s_blank(t[p]) || t[p] == '#')
		return true;
	if ((t[p] == '-' || t[p] == '?') && (p + 1 == e || s_blank(t[p + 1])))
		return true;  /* a sequence item, a complex key */
	if (t[p] == ':')
		return false;
	for (uint64_t i = p; i < e; i++)
		if (t[i] == ':')
			return i + 1 == e || s_blank(t[i + 1]);
	return false;
}

/* Length of the YAML front matter at the top of t (0 when none): a
 * "---" line, then mapping lines up to a "---" or "..." line. title: and
 * kind: are read from it. */
static int s_front_matter(s_md *s, uint64_t *body)
{
	const char *t = s->t;
	uint64_t len = s->len, p = 3;
	*body = 0;
	if (len < 3 || memcmp(t, "---", 3) != 0)
		return 0;
	while (p < len && s_blank(t[p]))
		p++;
	if (p >= len || !s_eol(t[p]))
		return 0;
	p += s_eol_len(s, p);
	uint64_t first = p;
	while (p < len) {
		uint64_t e = s_line_end(s, p);
		uint64_t te = s_trim_back(s, e, p);
		if (te - p == 3 && (memcmp(t + p, "---", 3) == 0 ||
		                    memcmp(t + p, "...", 3) == 0)) {
			*body = e + s_eol_len(s, e);
			break;
		}
		if (!s_yaml_line(s, p, te))
			return 0;
		p = e + s_eol_len(s, e);
	}
	if (*body == 0)
		return 0;  /* no closing line: not front matter */
	for (p = first; p < *body;) {
		uint64_t e = s_line_end(s, p);
		uint64_t next = e + s_eol_len(s, e);
		const char *key = NULL;
		size_t klen = 0;
		if (e - p > 6 && memcmp(t + p, "title:", 6) == 0)
			key = "title", klen = 6;
		else if (e - p > 5 && memcmp(t + p, "kind:", 5) == 0)
			key = "kind", klen = 5;
		if (key) {
			uint64_t v = p + klen, ve = s_trim_back(s, e, p + klen);
			while (v < ve && s_blank(t[v]))
				v++;
			/* Skip block scalars ("|", ">") and empty values. */
			if (v < ve && t[v] != '|' && t[v] != '>') {
				int rc = key[0] == 't' ?
					memo__builder_set_title(&s->b, t + v,
						(size_t)(ve - v)) :
					memo__builder_set_kind(&s->b, t + v,
						(size_t)(ve - v));
				if (rc != MEMO_OK)
					return rc;
			}
		}
		p = next;
	}
	return 0;
}

/* ---- md4c quirks ---------------------------------------------------
 *
 * Where md4c 0.4.8 departs from CommonMark/GitHub on a structural
 * question, md4c is given a copy of the text with a few bytes changed so
 * that it decides as CommonMark does. The copy has the same length, and
 * every piece of text is taken from the document text at md4c's offset,
 * so the changed bytes never reach a node.
 */

static bool s_name_at(const char *t, uint64_t len, uint64_t p,
	const char *name)
{
	size_t n = strlen(name);
	if (p + n > len)
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

/* Patch the copy (made on first use) at offset p with byte c. */
static int s_patch(s_md *s, char **copy, uint64_t p, char c)
{
	if (!*copy) {
		*copy = memo__malloc((size_t)s->len + 1);
		if (!*copy)
			return memo__error_oom();
		memcpy(*copy, s->t, (size_t)s->len);
		(*copy)[s->len] = '\0';
	}
	(*copy)[p] = c;
	return MEMO_OK;
}

/*
 * (1) md4c starts a raw HTML block of type 1 at "<pre", "<script",
 *     "<style" whatever follows ("<predicate>" in prose swallows the rest
 *     of the document as HTML); CommonMark needs a space, ">" or the end
 *     of the line after the name. The name's first letter is changed so
 *     the tag stays a tag of the same shape.
 * (2) md4c accepts only spaces after a closing code fence and a setext
 *     underline, and keeps a tab after "#" in a heading's text;
 *     CommonMark takes spaces or tabs. Those tabs become spaces.
 */
static int s_table_patches(s_md *s, char **copy);

static int s_static_patches(s_md *s, char **copy)
{
	static const char *const type1[] = { "pre", "script", "style",
		"textarea" };
	const char *t = s->t;
	uint64_t len = s->len;
	int rc;

	for (const char *p = memchr(t, '<', (size_t)len); p;
	     p = memchr(p + 1, '<', (size_t)(len - (uint64_t)(p - t) - 1))) {
		uint64_t o = (uint64_t)(p - t);
		for (size_t i = 0; i < sizeof type1 / sizeof *type1; i++) {
			if (!s_name_at(t, len, o + 1, type1[i]))
				continue;
			uint64_t a = o + 1 + strlen(type1[i]);
			if (a < len && !s_blank(t[a]) && !s_eol(t[a]) &&
			    t[a] != '>' && (rc = s_patch(s, copy, o + 1, 'x')))
				return rc;
			break;
		}
		if (o + 1 >= len)
			break;
	}

	uint64_t done = 0;  /* lines before this were examined */
	for (const char *p = memchr(t, '\t', (size_t)len); p;) {
		uint64_t o = (uint64_t)(p - t);
		if (o >= done) {
			uint64_t ls = o;
			while (ls > 0 && !s_eol(t[ls - 1]))
				ls--;
			uint64_t le = s_line_end(s, o), q = ls;
			while (q < le && (s_blank(t[q]) || t[q] == '>'))
				q++;
			char c = q < le ? t[q] : 0;
			uint64_t r = q;
			while (r < le && t[r] == c)
				r++;
			bool rest_blank = true;
			for (uint64_t i = r; i < le && rest_blank; i++)
				rest_blank = s_blank(t[i]);
			bool fix = false;
			if ((c == '`' || c == '~') && r - q >= 3 && rest_blank)
				fix = true;  /* a fence */
			else if ((c == '=' || c == '-') && rest_blank)
				fix = true;  /* a setext underline */
			else if (c == '#' && r - q <= 6 && r < le && s_blank(t[r]))
				fix = true;  /* an ATX heading */
			for (uint64_t i = r; fix && i < le; i++)
				if (t[i] == '\t' && (rc = s_patch(s, copy, i, ' ')))
					return rc;
			done = le;
		}
		if (o + 1 >= len)
			break;
		p = memchr(p + 1, '\t', (size_t)(len - o - 1));
	}
	return s_table_patches(s, copy);
}

/*
 * (3) md4c takes a table's delimiter row only when each of its cells has
 *     three characters or more (`---`, `:-:`); GitHub takes one (`|-|-|`,
 *     `| -- | -- |`), and a table written so became a paragraph of pipes.
 *     When the row's own bytes are enough, it is rewritten as
 *     `---|---|...` (alignment colons do not matter here), provided that
 *     its header row has as many cells (GitHub requires it) and starts a
 *     paragraph (md4c requires it: after a blank line or an ATX heading).
 *     No text comes from a delimiter row, in a table or in code.
 */

/* End of the container prefix (blanks and '>') of the line [p, e); the
 * count of '>' in *quotes. */
static uint64_t s_prefix(const char *t, uint64_t p, uint64_t e,
	size_t *quotes)
{
	*quotes = 0;
	while (p < e && (s_blank(t[p]) || t[p] == '>'))
		*quotes += t[p++] == '>';
	return p;
}

/* Is [q, e) an ATX heading line? */
static bool s_atx_line(const char *t, uint64_t q, uint64_t e)
{
	uint64_t r = q;
	while (r < e && t[r] == '#')
		r++;
	return r > q && r - q <= 6 && (r == e || s_blank(t[r]));
}

/* A delimiter row at [q, e): its cell count (0 if it is none) and whether
 * a cell is shorter than md4c wants. */
static size_t s_delim_row(const char *t, uint64_t q, uint64_t e, bool *short_)
{
	uint64_t r = q;
	size_t n = 0;
	bool pipe = false;
	*short_ = false;
	if (r < e && t[r] == '|') {
		pipe = true;
		r++;
	}
	for (;;) {
		while (r < e && s_blank(t[r]))
			r++;
		if (r >= e)
			break;
		uint64_t c0 = r;
		if (t[r] == ':')
			r++;
		uint64_t h0 = r;
		while (r < e && t[r] == '-')
			r++;
		if (r == h0)
			return 0;
		if (r < e && t[r] == ':')
			r++;
		if (r - c0 < 3)
			*short_ = true;
		n++;
		while (r < e && s_blank(t[r]))
			r++;
		if (r >= e)
			break;
		if (t[r] != '|')
			return 0;
		pipe = true;
		r++;
	}
	return pipe ? n : 0;
}

/* The cell count of a header row at [q, e) (0 if it has no pipe or
 * starts another block). */
static size_t s_header_row(const char *t, uint64_t q, uint64_t e)
{
	while (e > q && s_blank(t[e - 1]))
		e--;
	if (q >= e)
		return 0;
	char c = t[q];
	if (c == '#' || c == '>' || c == '<' || c == '`' || c == '~' ||
	    c == '=')
		return 0;
	if ((c == '-' || c == '*' || c == '+') && q + 1 < e &&
	    s_blank(t[q + 1]))
		return 0;
	uint64_t d = q;
	while (d < e && t[d] >= '0' && t[d] <= '9')
		d++;
	if (d > q && d + 1 < e && (t[d] == '.' || t[d] == ')') &&
	    s_blank(t[d + 1]))
		return 0;
	uint64_t p = q;
	bool any = false;
	if (t[p] == '|') {
		p++;
		any = true;
	}
	if (e > p && t[e - 1] == '|' && !(e - 1 > p && t[e - 2] == '\\')) {
		e--;
		any = true;
	}
	size_t pipes = 0;
	for (uint64_t i = p; i < e; i++) {
		if (t[i] == '\\')
			i++;
		else if (t[i] == '|')
			pipes++;
	}
	return any || pipes ? pipes + 1 : 0;
}

static int s_table_patches(s_md *s, char **copy)
{
	const char *t = s->t;
	uint64_t len = s->len, done = 0;
	/* a delimiter row has a pipe: look at the lines that have one */
	for (const char *h = memchr(t, '|', (size_t)len); h;) {
		uint64_t o = (uint64_t)(h - t);
		uint64_t ls = o, le = s_line_end(s, o);
		if (o >= done) {
			while (ls > 0 && !s_eol(t[ls - 1]))
				ls--;
			size_t qd, qh, qb;
			uint64_t q = s_prefix(t, ls, le, &qd);
			bool short_ = false;
			size_t n = q < le && (t[q] == '|' || t[q] == '-' ||
				t[q] == ':') ? s_delim_row(t, q, le, &short_) : 0;
			uint64_t need = n == 1 ? 4 : 4 * (uint64_t)n - 1;
			if (n && short_ && ls > 0 && le - q >= need) {
				/* the header row: the line before */
				uint64_t he = ls - 1;
				if (he > 0 && t[he] == '\n' && t[he - 1] == '\r')
					he--;
				uint64_t hs = he;
				while (hs > 0 && !s_eol(t[hs - 1]))
					hs--;
				uint64_t hq = s_prefix(t, hs, he, &qh);
				bool ok = qh == qd && s_header_row(t, hq, he) == n;
				/* the first line of a paragraph: after a blank
				 * line, an ATX heading or nothing */
				if (ok && hs > 0) {
					uint64_t be = hs - 1;
					if (be > 0 && t[be] == '\n' && t[be - 1] == '\r')
						be--;
					uint64_t bs = be;
					while (bs > 0 && !s_eol(t[bs - 1]))
						bs--;
					uint64_t bq = s_prefix(t, bs, be, &qb);
					ok = bq == be || s_atx_line(t, bq, be);
				}
				for (uint64_t i = q; ok && i < le; i++) {
					uint64_t k = i - q;
					char c = n == 1 ? (k == 0 ? '|' : k < 4 ? '-' :
						' ') : k >= need ? ' ' : k % 4 == 3 ?
						'|' : '-';
					int rc = s_patch(s, copy, i, c);
					if (rc)
						return rc;
				}
			}
			done = le;
		}
		if (le + 1 >= len)
			break;
		h = memchr(t + le + 1, '|', (size_t)(len - le - 1));
	}
	return MEMO_OK;
}

/* ---- footnotes ----------------------------------------------------- */

/* md4c's reading decides which definitions are real: one inside a code
 * block or a raw HTML block is text of that block. */
typedef struct s_fnval {
	const char *md;
	uint64_t len;
	memo__md_fn *defs;
	size_t n;
	int verbatim;  /* inside a code or HTML block */
} s_fnval;

static int s_val_enter(MD_BLOCKTYPE type, void *detail, void *ud)
{
	s_fnval *v = ud;
	(void)detail;
	if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML)
		v->verbatim++;
	return 0;
}

static int s_val_leave(MD_BLOCKTYPE type, void *detail, void *ud)
{
	s_fnval *v = ud;
	(void)detail;
	if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML)
		v->verbatim--;
	return 0;
}

static int s_val_span(MD_SPANTYPE type, void *detail, void *ud)
{
	(void)type;
	(void)detail;
	(void)ud;
	return 0;
}

static int s_val_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size,
	void *ud)
{
	s_fnval *v = ud;
	(void)type;
	if (!v->verbatim || text < v->md || text >= v->md + v->len)
		return 0;
	uint64_t off = (uint64_t)(text - v->md), end = off + size;
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v->defs[mid].mark < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < v->n && v->defs[lo].mark < end; lo++)
		v->defs[lo].valid = false;
	return 0;
}

static int s_fn_validate(const s_md *s, uint64_t body, memo__md_fn *defs,
	size_t n)
{
	s_fnval v = { s->md, s->len, defs, n, 0 };
	for (size_t i = 0; i < n; i++)
		defs[i].valid = true;
	MD_PARSER parser;
	memset(&parser, 0, sizeof parser);
	parser.flags = MD_DIALECT_GITHUB;
	parser.enter_block = s_val_enter;
	parser.leave_block = s_val_leave;
	parser.enter_span = s_val_span;
	parser.leave_span = s_val_span;
	parser.text = s_val_text;
	if (md_parse(s->md + body, (MD_SIZE)(s->len - body), &parser, &v))
		return memo__error_oom();
	return MEMO_OK;
}

static int s_range_cmp(const void *x, const void *y)
{
	const memo__md_range *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start ? 1 : 0;
}

/* The ranges that are not text: the references to the real definitions
 * and the markers ("[^label]:" and the blanks after it) of these. */
static int s_fn_hidden(const s_md *s, uint64_t body, const memo__md_fn *defs,
	size_t n, memo__md_range **out, size_t *n_out)
{
	memo__md_range *refs = NULL, *v;
	size_t nrefs = 0, k = 0;
	int rc = memo__md_fn_refs(s->t, body, s->len, defs, n, &refs,
		&nrefs);
	if (rc)
		return rc;
	v = memo__malloc((nrefs + n + 1) * sizeof *v);
	if (!v) {
		memo__free(refs);
		return memo__error_oom();
	}
	if (nrefs)
		memcpy(v, refs, nrefs * sizeof *v);
	k = nrefs;
	memo__free(refs);
	for (size_t i = 0; i < n; i++) {
		if (!defs[i].valid)
			continue;
		v[k].start = defs[i].line;
		v[k].end = defs[i].text;
		k++;
	}
	qsort(v, k, sizeof *v, s_range_cmp);
	*out = v;
	*n_out = k;
	return MEMO_OK;
}

/*
 * The footnotes, after the body: each definition is parsed on its own
 * from a view of its lines in which its content is a block quote (see
 * memo__md_fn_view), so that indented continuation lines are read as the
 * note's paragraphs and lists rather than as code. The quote has no node;
 * the NOTE holds what it holds. Offsets are the text's, as in the body.
 */
static int s_notes(s_md *s, const memo__md_fn *defs, size_t n, char *view,
	const char *src)
{
	MD_PARSER parser;
	memset(&parser, 0, sizeof parser);
	parser.flags = MD_DIALECT_GITHUB;
	parser.enter_block = s_enter_block;
	parser.leave_block = s_leave_block;
	parser.enter_span = s_enter_span;
	parser.leave_span = s_leave_span;
	parser.text = s_text;

	uint64_t first = NONE;
	s->check_fences = false;
	s->li_pending = false;
	s->note = true;
	s->md = view;
	for (size_t i = 0; i < n; i++) {
		const memo__md_fn *d = &defs[i];
		if (!d->valid)
			continue;
		int rc;
		if (first == NONE) {
			if ((rc = memo__builder_set_notes(&s->b, true)) != 0)
				return rc;
			first = d->mark;
		}
		memcpy(view + d->line, src + d->line, (size_t)(d->end - d->line));
		memo__md_fn_view(view, s->t, d);
		memo_node *note = s_open(s, MEMO_NODE_NOTE, d->mark);
		if (!note)
			return s->rc;
		note->flags |= MEMO_NODE_FLAG_FOOTNOTE;
		s->known = s->b.depth;
		s->ctx = S_NONE;
		s->topen = s->tstarted = s->tatx = false;
		s->first = NONE;
		s->span_lo = NONE;
		s->pos = s->floor = d->line;
		s->md_depth = 0;
		s->img_depth = 0;
		int mr = md_parse(view + d->line, (MD_SIZE)(d->end - d->line),
			&parser, s);
		if (s->rc != MEMO_OK)
			return s->rc;
		if (mr != 0)
			return memo__error_oom();
		if (s_close_text(s) || s_close(s, d->end))
			return s->rc;
	}
	if (first != NONE)
		s->b.doc->notes->start = first;
	return MEMO_OK;
}

/* ---- entry point --------------------------------------------------- */

/* md4c is run again after each fence it misread (s_fence_misread) and
 * each list item it lost (s_li_check), at most this many times; then its
 * reading stands. */
#define MAX_ROUNDS 64

int memo__md_parse(const char *data, size_t len, const char *name,
	const memo_parse_options *opts, memo_document **out)
{
	s_md s;
	const char *text;
	size_t tlen;
	uint64_t body;
	char *copy = NULL, *bcopy = NULL;
	memo__md_fn *defs = NULL;
	size_t ndefs = 0;
	memo__md_range *hide = NULL;
	size_t nhide = 0;
	bool notes = !(opts && (opts->flags & MEMO_PARSE_NO_NOTES));
	int rc;

	*out = NULL;
	for (int round = 0;; round++) {
		memset(&s, 0, sizeof s);
		rc = memo__builder_init(&s.b, name, MEMO_FORMAT_MARKDOWN,
			opts ? opts->max_depth : 0);
		if (rc != MEMO_OK)
			break;
		rc = memo__input_load(&s.b, data, len, name, opts, &text,
			&tlen);
		if (rc != MEMO_OK)
			goto fail;
		s.t = text;
		s.len = tlen;
		s.known = 1;
		s.first = NONE;
		s.misread = NONE;
		s.span_lo = NONE;
		s.fix_from = s.fix_to = NONE;
		s.img_start = s.img_end = NONE;
		s.check_fences = round < MAX_ROUNDS;
		if (round == 0 && (rc = s_static_patches(&s, &copy)) != 0)
			goto fail;
		s.md = copy ? copy : text;
		if ((rc = s_front_matter(&s, &body)) != MEMO_OK)
			goto fail;
		if (tlen - body > (uint64_t)(MD_SIZE)-1) {
			rc = memo__error_set(MEMO_ELIMIT,
				memo__display_name(name), NULL, 0, 0,
				"Markdown input over 4 GiB");
			goto fail;
		}
		s.pos = s.floor = body;

		/* Footnotes: the real definitions are hidden from the body
		 * (blanks in md4c's copy), their references and markers from
		 * the text. */
		if (round == 0 && (rc = memo__md_fn_scan(text, body, tlen,
		                                         &defs, &ndefs)) != 0)
			goto fail;
		if (ndefs) {
			memo__free(hide);
			hide = NULL;
			if ((rc = s_fn_validate(&s, body, defs, ndefs)) != 0 ||
			    (rc = s_fn_hidden(&s, body, defs, ndefs, &hide,
			                      &nhide)) != 0)
				goto fail;
			if (!bcopy && !(bcopy = memo__malloc(tlen + 1))) {
				rc = memo__error_oom();
				goto fail;
			}
			memcpy(bcopy, s.md, tlen);
			bcopy[tlen] = '\0';
			for (size_t i = 0; i < ndefs; i++) {
				if (!defs[i].valid)
					continue;
				for (uint64_t k = defs[i].line; k < defs[i].end; k++)
					if (!s_eol(bcopy[k]))
						bcopy[k] = ' ';
			}
			s.md = bcopy;
			s.hide = hide;
			s.nhide = nhide;
		}

		MD_PARSER parser;
		memset(&parser, 0, sizeof parser);
		parser.abi_version = 0;
		parser.flags = MD_DIALECT_GITHUB;
		parser.enter_block = s_enter_block;
		parser.leave_block = s_leave_block;
		parser.enter_span = s_enter_span;
		parser.leave_span = s_leave_span;
		parser.text = s_text;
		int mr = md_parse(s.md + body, (MD_SIZE)(tlen - body), &parser,
			&s);
		if (s.misread != NONE && s.rc == MEMO_OK) {
			/* A misread fence: hide it from md4c and start over.
			 * The blank before it becomes a letter, so the line
			 * reads as text and its backticks still pair up as a
			 * code span, as CommonMark has it. */
			uint64_t at = s.misread;
			if (at > 0 && s_blank(s.t[at - 1]))
				at--;
			rc = s_patch(&s, &copy, at, 'x');
			memo__free(s.delfix);
			memo__builder_abort(&s.b);
			if (rc != MEMO_OK)
				break;
			continue;
		}
		if (s.ndelfix && s.rc == MEMO_OK && mr == 0) {
			/* Strikethrough GitHub would not make: hide its
			 * tildes from md4c and start over. */
			rc = MEMO_OK;
			for (size_t i = 0; i + 1 < s.ndelfix && !rc; i += 2)
				for (uint64_t k = 0; k < s.delfix[i + 1] && !rc; k++)
					rc = s_patch(&s, &copy, s.delfix[i] + k, '%');
			memo__free(s.delfix);
			memo__builder_abort(&s.b);
			if (rc != MEMO_OK)
				break;
			continue;
		}
		if (s.fix_from != NONE && s.rc == MEMO_OK) {
			/* A list item md4c lost: merge the blank lines. */
			rc = MEMO_OK;
			for (uint64_t i = s.fix_from; i < s.fix_to && !rc; i++)
				if (s_eol(s.t[i]))
					rc = s_patch(&s, &copy, i, ' ');
			memo__free(s.delfix);
			memo__builder_abort(&s.b);
			if (rc != MEMO_OK)
				break;
			continue;
		}
		if (s.rc != MEMO_OK) {
			rc = s.rc;
			goto fail;
		}
		if (mr != 0) {
			rc = memo__error_oom();
			goto fail;
		}
		if (s_close_text(&s)) {
			rc = s.rc;
			goto fail;
		}
		if (ndefs && notes && (rc = s_notes(&s, defs, ndefs, bcopy,
		                                    copy ? copy : text)) != 0)
			goto fail;
		if (s.nimages && (rc = memo__builder_warn(&s.b,
		        "parse.skipped-content", MEMO_SEVERITY_INFO,
		        s.img_start == NONE ? 0 : s.img_start,
		        s.img_start == NONE ? 0 : s.img_end,
		        s.nimages == 1 ? "%zu image was skipped" :
		        "%zu images were skipped", s.nimages)) != 0)
			goto fail;
		memo__free(s.delfix);
		memo__free(copy);
		memo__free(bcopy);
		memo__free(defs);
		memo__free(hide);
		return memo__builder_finish(&s.b, out);
	}
	memo__free(copy);
	memo__free(bcopy);
	memo__free(defs);
	memo__free(hide);
	return rc;
fail:
	memo__builder_abort(&s.b);
	memo__free(s.delfix);
	memo__free(copy);
	memo__free(bcopy);
	memo__free(defs);
	memo__free(hide);
	return rc;
}
