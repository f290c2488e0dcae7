/*
 * body.c - the story walker: turns the main part (then the footnotes,
 * endnotes and comments parts) into builder calls.
 *
 * The part is streamed through libxml2 (xml.c). Each w:p is buffered
 * (its text and which run each byte came from) and emitted when it ends,
 * because
 * what it becomes depends on all of it: a heading by style, a list item
 * by numbering, nothing if it is empty, a "fake heading" if every run is
 * bold. Builder blocks (tables, rows, cells, lists, items, quotes, notes)
 * are opened lazily, when the first text inside them is emitted, so that
 * every range starts at real text.
 *
 * Counting for memo_document_docx_locate():
 *   paragraph = 0-based index of the w:p among all w:p elements of the
 *               part in document order (as //w:p numbers them), including
 *               paragraphs whose text is skipped (deleted, hidden, an
 *               unused mc:Fallback);
 *   run       = 0-based index, among the w:r elements of that w:p (not of
 *               paragraphs nested in its text boxes), of the runs that
 *               bear text: a w:t, w:delText, w:tab, w:ptab, w:br, w:cr,
 *               w:sym or w:noBreakHyphen child. Runs are counted whatever
 *               the options, so the numbering is the same for every
 *               policy; run_offset is a byte offset in the text the run
 *               contributed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docx_int.h"

/* Empty heading paragraphs: pandoc keeps them as empty headers; Word
 * shows them neither in the navigation pane nor in a table of contents.
 * libmemo keeps them (with an empty title) so that the outline matches
 * what the author marked up; see docs/docx.md. */
#ifndef MEMO_DOCX_KEEP_EMPTY_HEADINGS
#define MEMO_DOCX_KEEP_EMPTY_HEADINGS 1
#endif

/* Fake headings: at most this many words. */
#define FAKE_MAX_WORDS 12

#define GROW(ptr, n, cap) s_grow((void **)&(ptr), sizeof *(ptr), (n), &(cap))

static int s_grow(void **ptr, size_t elem, size_t n, size_t *cap)
{
	if (n < *cap)
		return MEMO_OK;
	size_t c = *cap ? *cap * 2 : 16;
	while (c <= n)
		c *= 2;
	void *p = memo__realloc(*ptr, c * elem);
	if (!p)
		return memo__error_oom();
	*ptr = p;
	*cap = c;
	return MEMO_OK;
}

/* Text from byte `off` of a paragraph's text on belongs to run `run`. */
typedef struct s_seg {
	uint32_t run;
	uint32_t off;
} s_seg;

/* A finished text-box paragraph, waiting for its anchor to be emitted. */
typedef struct s_rec {
	char *text;
	size_t len;
	s_seg *segs;
	size_t nsegs;
	uint32_t index;
	char para_id[16];
	bool has_code;
} s_rec;

typedef struct s_para {
	bool dummy;            /* in skipped content: counts only */
	bool textbox;          /* inside a text box */
	uint32_t index;
	char para_id[16];
	const memo__dx_style *pstyle; /* w:pStyle, resolved; NULL = default */
	int32_t num_id;        /* -1: not given */
	int ilvl;              /* -1: not given */
	int outline;           /* -1: not given */
	memo__buf text;
	s_seg *segs;
	size_t nsegs, capsegs;
	bool saw_text;         /* non-blank text was added */
	bool all_bold;         /* ... all of it from bold runs */
	bool has_code;         /* inline code (character style) */
	uint32_t nbearing;     /* text-bearing runs finished */
	/* the current run */
	bool in_run, run_bearing;
	int8_t run_b, run_vanish;
	const memo__dx_style *run_style;
	/* text-box paragraphs anchored in this one */
	s_rec *pending;
	size_t npending, cappending;
} s_para;

/* Builder blocks, opened lazily. */
typedef struct s_bent {
	uint32_t type;
	uint32_t flags;
	uint32_t list_start;
	bool open;
} s_bent;

enum { C_BODY, C_CELL, C_NOTE };

#define MAX_LIST 9

typedef struct s_cont {
	int kind;
	size_t base;           /* bstack height when the container began */
	uint32_t nlists;       /* LIST+ITEM pairs open, from `base` up */
	bool lists_ordered[MAX_LIST];
	bool quote;            /* a QUOTE is open (above the lists: never
	                          both) */
} s_cont;

/* Element frame flags. */
enum {
	F_PARA = 1,            /* pushed a paragraph */
	F_BLOCK = 2,           /* pushed a builder block */
	F_CONT = 4,            /* pushed a container */
	F_TEXTBOX = 8,
	F_VISUAL = 16,
	F_ALT_TAKEN = 32,      /* mc:AlternateContent: a branch was taken */
	F_ROW_HEADER = 64
};

typedef struct s_frame {
	uint16_t tok;
	uint16_t flags;
} s_frame;

enum { PART_MAIN, PART_FOOTNOTES, PART_ENDNOTES, PART_COMMENTS };

#define MAX_FIELDS 64

struct memo__dx_body {
	memo__builder *b;
	memo__dx_pkg *pkg;
	const memo__dx_styles *st;
	const memo_parse_options *o;
	memo__dx_xml *x;
	int part_kind;
	bool count_only;       /* comments with MEMO_PARSE_NO_NOTES */
	uint32_t part;         /* builder part index */
	uint32_t pindex;       /* next w:p index in the part */
	s_frame *frames;
	size_t capframes;
	int skip;              /* depth of the skipped subtree, or -1 */
	s_para *paras;         /* paragraph stack (entries keep buffers) */
	size_t nparas, capparas;
	s_bent *bst;
	size_t nbst, capbst;
	s_cont *conts;
	size_t nconts, capconts;
	int textbox;           /* open w:txbxContent */
	uint8_t fld[MAX_FIELDS]; /* 1 = field code, 0 = field result */
	int nfld, fld_over, code_levels;
	int visual;            /* open w:drawing/w:pict/w:object */
	bool visual_seen;
	bool emitted_any;      /* a paragraph is in the text */
	bool leading;          /* only metadata paragraphs so far */
	int last_heading;
	memo__buf title;
	size_t n_ins, n_del, n_skipped, n_comments;
};

/* ---- builder blocks ------------------------------------------------- */

static int s_bpush(memo__dx_body *bd, uint32_t type, uint32_t flags,
	uint32_t list_start)
{
	int rc = GROW(bd->bst, bd->nbst, bd->capbst);
	if (rc)
		return rc;
	s_bent *e = &bd->bst[bd->nbst++];
	e->type = type;
	e->flags = flags;
	e->list_start = list_start;
	e->open = false;
	return MEMO_OK;
}

static int s_materialize(memo__dx_body *bd, uint64_t at)
{
	for (size_t i = 0; i < bd->nbst; i++) {
		s_bent *e = &bd->bst[i];
		if (e->open)
			continue;
		int rc = memo__builder_open(bd->b, (memo_node_type_t)e->type,
			at);
		if (rc)
			return rc;
		memo_node *n = memo__builder_top(bd->b);
		n->flags |= e->flags;
		if (e->type == MEMO_NODE_LIST)
			n->list_start = e->list_start;
		e->open = true;
	}
	return MEMO_OK;
}

static int s_bpop(memo__dx_body *bd)
{
	if (!bd->nbst)
		return MEMO_OK;
	s_bent *e = &bd->bst[bd->nbst - 1];
	uint64_t end = memo__builder_text_len(bd->b);
	int rc;
	if (!e->open) {
		/* Empty block: it still shows in the tree (an empty table
		 * cell keeps the row's shape), with an empty range. */
		if ((rc = s_materialize(bd, end)) != 0)
			return rc;
	}
	bd->nbst--;
	return memo__builder_close(bd->b, end);
}

static s_cont *s_cont_top(memo__dx_body *bd)
{
	return bd->nconts ? &bd->conts[bd->nconts - 1] : NULL;
}

static int s_cont_push(memo__dx_body *bd, int kind)
{
	int rc = GROW(bd->conts, bd->nconts, bd->capconts);
	if (rc)
		return rc;
	s_cont *c = &bd->conts[bd->nconts++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->base = bd->nbst;
	return MEMO_OK;
}

/* Is the container's list/quote state exactly the top of the block
 * stack? (Invalid nesting, such as a w:p directly in a w:tbl, breaks it.) */
static bool s_cont_clean(memo__dx_body *bd, const s_cont *c)
{
	return bd->nbst == c->base + 2 * c->nlists + (c->quote ? 1u : 0u);
}

/* Close the container's open lists and quote. */
static int s_close_blocks(memo__dx_body *bd)
{
	s_cont *c = s_cont_top(bd);
	int rc;
	if (!c)
		return MEMO_OK;
	while (bd->nbst > c->base) {
		uint32_t t = bd->bst[bd->nbst - 1].type;
		if (t != MEMO_NODE_LIST && t != MEMO_NODE_ITEM &&
		    t != MEMO_NODE_QUOTE)
			break;
		if ((rc = s_bpop(bd)) != 0)
			return rc;
	}
	c->nlists = 0;
	c->quote = false;
	return MEMO_OK;
}

static int s_cont_pop(memo__dx_body *bd)
{
	int rc = s_close_blocks(bd);
	if (rc)
		return rc;
	if (bd->nconts)
		bd->nconts--;
	return MEMO_OK;
}

/* Open the list structure for an item at level ilvl (0-based). */
static int s_list_item(memo__dx_body *bd, bool ordered, int ilvl,
	uint32_t start)
{
	s_cont *c = s_cont_top(bd);
	int rc;
	if (c->quote && (rc = s_close_blocks(bd)) != 0)
		return rc;
	uint32_t lvl = (uint32_t)ilvl;
	if (lvl > c->nlists)
		lvl = c->nlists; /* at most one level deeper than now */
	if (lvl >= MAX_LIST)
		lvl = MAX_LIST - 1;
	while (c->nlists > lvl + 1) {
		if ((rc = s_bpop(bd)) != 0 || (rc = s_bpop(bd)) != 0)
			return rc;
		c->nlists--;
	}
	if (c->nlists == lvl + 1) {
		if ((rc = s_bpop(bd)) != 0) /* the previous item */
			return rc;
		if (c->lists_ordered[lvl] != ordered) {
			if ((rc = s_bpop(bd)) != 0)
				return rc;
			c->nlists--;
		}
	}
	if (c->nlists == lvl) {
		if ((rc = s_bpush(bd, MEMO_NODE_LIST,
			    ordered ? MEMO_NODE_FLAG_ORDERED : 0,
			    ordered ? start : 0)) != 0)
			return rc;
		c->lists_ordered[lvl] = ordered;
		c->nlists++;
	}
	return s_bpush(bd, MEMO_NODE_ITEM, 0, 0);
}

static int s_quote(memo__dx_body *bd)
{
	s_cont *c = s_cont_top(bd);
	int rc;
	if (c->quote)
		return MEMO_OK;
	if (c->nlists && (rc = s_close_blocks(bd)) != 0)
		return rc;
	if ((rc = s_bpush(bd, MEMO_NODE_QUOTE, 0, 0)) != 0)
		return rc;
	c->quote = true;
	return MEMO_OK;
}

/* ---- paragraphs ----------------------------------------------------- */

static s_para *s_para_top(memo__dx_body *bd)
{
	return bd->nparas ? &bd->paras[bd->nparas - 1] : NULL;
}

static int s_para_push(memo__dx_body *bd, bool dummy)
{
	size_t old = bd->capparas;
	int rc = GROW(bd->paras, bd->nparas, bd->capparas);
	if (rc)
		return rc;
	if (bd->capparas > old)
		memset(bd->paras + old, 0,
			(bd->capparas - old) * sizeof *bd->paras);
	s_para *p = &bd->paras[bd->nparas++];
	/* Keep the buffers, reset the rest. */
	memo__buf text = p->text;
	s_seg *segs = p->segs;
	size_t capsegs = p->capsegs;
	s_rec *pending = p->pending;
	size_t cappending = p->cappending;
	memset(p, 0, sizeof *p);
	p->text = text;
	p->text.len = 0;
	if (p->text.data)
		p->text.data[0] = '\0';
	p->text.oom = false;
	p->segs = segs;
	p->capsegs = capsegs;
	p->pending = pending;
	p->cappending = cappending;
	p->dummy = dummy;
	p->textbox = bd->textbox > 0;
	p->num_id = -1;
	p->ilvl = -1;
	p->outline = -1;
	p->all_bold = true;
	p->run_b = p->run_vanish = -1;
	return MEMO_OK;
}

static void s_rec_free(s_rec *r)
{
	memo__free(r->text);
	memo__free(r->segs);
	memset(r, 0, sizeof *r);
}

static void s_para_drop_pending(s_para *p)
{
	for (size_t i = 0; i < p->npending; i++)
		s_rec_free(&p->pending[i]);
	p->npending = 0;
}

static const memo__dx_style *s_para_style(memo__dx_body *bd,
	const s_para *p)
{
	return p->pstyle ? p->pstyle : bd->st->default_para;
}

static bool s_run_bold(memo__dx_body *bd, const s_para *p)
{
	if (p->run_b >= 0)
		return p->run_b == 1;
	if (p->run_style && p->run_style->bold >= 0)
		return p->run_style->bold == 1;
	if (p->run_style && p->run_style->r_bold)
		return true;
	const memo__dx_style *ps = s_para_style(bd, p);
	return ps ? ps->r_bold : bd->st->default_bold;
}

static bool s_run_hidden(memo__dx_body *bd, const s_para *p)
{
	if (p->run_vanish >= 0)
		return p->run_vanish == 1;
	if (p->run_style && p->run_style->r_vanish)
		return true;
	const memo__dx_style *ps = s_para_style(bd, p);
	return ps && ps->r_vanish;
}

static bool s_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			continue;
		}
		return false;
	}
	return true;
}

/* Add text to the innermost paragraph, from its current run. */
static int s_put(memo__dx_body *bd, const char *s, size_t n)
{
	s_para *p = s_para_top(bd);
	if (!p || p->dummy || n == 0)
		return MEMO_OK;
	uint32_t run = p->nbearing; /* the current run's index */
	if (!p->nsegs || p->segs[p->nsegs - 1].run != run) {
		int rc = GROW(p->segs, p->nsegs, p->capsegs);
		if (rc)
			return rc;
		p->segs[p->nsegs].run = run;
		p->segs[p->nsegs].off = (uint32_t)p->text.len;
		p->nsegs++;
	}
	if (p->text.len + n > UINT32_MAX)
		return memo__error_set(MEMO_ELIMIT, bd->pkg->file,
			bd->x->part, 0, 0, "a paragraph of more than 4 GiB");
	if (memo__buf_append(&p->text, s, n) != MEMO_OK)
		return memo__error_oom();
	if (!s_blank(s, n)) {
		p->saw_text = true;
		if (!s_run_bold(bd, p))
			p->all_bold = false;
		if (p->run_style && p->run_style->r_code)
			p->has_code = true;
	}
	return MEMO_OK;
}

/* Can run content be emitted now? */
static bool s_can_emit(memo__dx_body *bd)
{
	s_para *p = s_para_top(bd);
	return p && !p->dummy && bd->code_levels == 0 &&
	       !s_run_hidden(bd, p);
}

/* Emit one text node: [a, z) of text goes into the document text, with
 * its run segments; the node's own text is [a + skip, z) (skip covers a
 * task-list box, which, like a list bullet, is not the item's text). */
static int s_emit_text(memo__dx_body *bd, uint32_t type, uint32_t flags,
	uint32_t level, const char *text, size_t a, size_t z, size_t skip,
	const s_seg *segs, size_t nsegs, uint32_t index, const char *para_id)
{
	memo__builder *b = bd->b;
	uint64_t off;
	int rc;

	if (bd->emitted_any &&
	    (rc = memo__builder_append_text(b, "\n", 1, &off)) != 0)
		return rc;
	bd->emitted_any = true;
	uint64_t start = memo__builder_text_len(b);
	if ((rc = s_materialize(bd, start)) != 0)
		return rc;
	if ((rc = memo__builder_open(b, (memo_node_type_t)type,
		    start + skip)) != 0)
		return rc;
	memo_node *n = memo__builder_top(b);
	n->flags |= flags;
	if (type == MEMO_NODE_HEADING)
		n->level = level;
	if ((rc = memo__builder_docx_para(b, bd->part, index,
		    para_id && para_id[0] ? para_id : NULL)) != 0)
		return rc;
	for (size_t i = 0; i < nsegs; i++) {
		size_t s0 = segs[i].off;
		size_t s1 = i + 1 < nsegs ? segs[i + 1].off : z;
		if (s1 > z)
			s1 = z;
		if (s0 < a)
			s0 = a;
		if (s1 <= s0)
			continue;
		if ((rc = memo__builder_docx_run(b, segs[i].run)) != 0 ||
		    (rc = memo__builder_append_text(b, text + s0, s1 - s0,
			    &off)) != 0)
			return rc;
	}
	if (z > a + skip && (rc = memo__builder_add_run(b, text + a + skip,
		    z - a - skip, start + skip, z - a - skip, true)) != 0)
		return rc;
	return memo__builder_close(b, start + (z - a));
}

/* Trim whole blank segments at both ends (a partly blank run keeps its
 * spaces, so that run offsets stay exact). */
static void s_trim(const char *text, size_t len, const s_seg *segs,
	size_t nsegs, size_t *a_out, size_t *z_out)
{
	size_t a = 0, z = len;
	size_t i = 0, j = nsegs;
	while (i < nsegs) {
		size_t s0 = segs[i].off;
		size_t s1 = i + 1 < nsegs ? segs[i + 1].off : len;
		if (!s_blank(text + s0, s1 - s0))
			break;
		a = s1;
		i++;
	}
	while (j > i) {
		size_t s0 = segs[j - 1].off;
		size_t s1 = j < nsegs ? segs[j].off : len;
		if (!s_blank(text + s0, s1 - s0))
			break;
		z = s0;
		j--;
	}
	if (z < a)
		z = a;
	*a_out = a;
	*z_out = z;
}

static int s_emit_rec(memo__dx_body *bd, const char *text, size_t len,
	const s_seg *segs, size_t nsegs, uint32_t index, const char *para_id,
	bool has_code)
{
	size_t a, z;
	s_trim(text, len, segs, nsegs, &a, &z);
	if (z == a)
		return MEMO_OK;
	return s_emit_text(bd, MEMO_NODE_PARAGRAPH, MEMO_NODE_FLAG_TEXTBOX |
		(has_code ? MEMO_NODE_FLAG_HAS_CODE : 0), 0, text, a, z, 0, segs,
		nsegs, index, para_id);
}

static int s_emit_pending(memo__dx_body *bd, s_para *p)
{
	int rc = MEMO_OK;
	for (size_t i = 0; i < p->npending && !rc; i++) {
		s_rec *r = &p->pending[i];
		rc = s_emit_rec(bd, r->text, r->len, r->segs, r->nsegs,
			r->index, r->para_id, r->has_code);
	}
	s_para_drop_pending(p);
	return rc;
}

/* A task-list box at the start of a list item: U+2610 BALLOT BOX (open)
 * or U+2612 BALLOT BOX WITH X (checked), then a space. pandoc writes
 * GitHub task lists this way, and they are the default glyphs of Word's
 * check-box content control. Returns the bytes to leave out of the
 * item's text, or 0. */
static size_t s_task_box(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n < 5 || u[0] != 0xE2 || u[1] != 0x98 ||
	    (u[2] != 0x90 && u[2] != 0x92))
		return 0;
	if (u[3] == ' ')
		return 4;
	if (n >= 6 && u[3] == 0xC2 && u[4] == 0xA0)
		return 5;
	return 0;
}

static bool s_task_checked(const char *s)
{
	return (unsigned char)s[2] != 0x90;
}

/* The shape of a heading: 1..FAKE_MAX_WORDS words, not ending like a
 * sentence or a clause ('.', ',', ';', '!'; a question or a label ending
 * in ':' can be a heading). */
static bool s_heading_shape(const char *text, size_t a, size_t z)
{
	size_t words = memo__count_words(text + a, z - a);
	if (words == 0 || words > FAKE_MAX_WORDS)
		return false;
	size_t e = z;
	while (e > a && (text[e - 1] == ' ' || text[e - 1] == '\t' ||
	                 text[e - 1] == '\n'))
		e--;
	if (e == a)
		return false;
	char last = text[e - 1];
	return !(last == '.' || last == ',' || last == ';' || last == '!');
}

/* Is this a short all-bold line acting as a heading? */
static bool s_fake_heading(const s_para *p, const char *text, size_t a,
	size_t z)
{
	return p->saw_text && p->all_bold && s_heading_shape(text, a, z);
}

static int s_emit_para(memo__dx_body *bd, s_para *p)
{
	const memo__dx_style *ps = s_para_style(bd, p);
	s_cont *c = s_cont_top(bd);
	size_t a, z;
	int rc;

	s_trim(p->text.data, p->text.len, p->segs, p->nsegs, &a, &z);
	bool empty = z == a;
	bool root = c && c->kind == C_BODY && bd->part_kind == PART_MAIN;
	int kind = ps ? ps->kind : MEMO__SK_PLAIN;
	uint32_t level = ps ? ps->level : 0;
	/* A paragraph's own outline level (Word: Paragraph > Outline level)
	 * is direct formatting, and in practice often debris of a pasted or
	 * converted page (long sentences and empty lines with level 1). It
	 * is treated like a bold line: when heading-shaped, it is a fake
	 * heading (warned; promoted at its outline level on request). */
	uint32_t direct = p->outline >= 0 && p->outline <= 8 &&
		kind != MEMO__SK_HEADING ? (uint32_t)p->outline + 1 : 0;
	if (kind == MEMO__SK_HEADING && !root)
		kind = MEMO__SK_PLAIN; /* no sections inside tables, notes */

	if (kind == MEMO__SK_TITLE || kind == MEMO__SK_SUBTITLE ||
	    kind == MEMO__SK_AUTHOR || kind == MEMO__SK_DATE) {
		if (root && bd->leading) {
			/* Document metadata (pandoc's reading too): the
			 * Title becomes the document title; none of these
			 * is body text. */
			if (kind == MEMO__SK_TITLE && !empty) {
				if (bd->title.len &&
				    memo__buf_putc(&bd->title, ' ') != 0)
					return memo__error_oom();
				if (memo__buf_append(&bd->title,
					    p->text.data + a, z - a) != 0)
					return memo__error_oom();
			}
			return s_emit_pending(bd, p);
		}
		kind = MEMO__SK_PLAIN;
	}
	/* Empty paragraphs are not text. An empty heading is kept (as an
	 * empty section) except before any content, where, like pandoc, we
	 * take it for layout. */
	if (empty && !(kind == MEMO__SK_HEADING && !(root && bd->leading) &&
	               MEMO_DOCX_KEEP_EMPTY_HEADINGS))
		return s_emit_pending(bd, p);
	if (root)
		bd->leading = false;

	uint32_t flags = p->has_code ? MEMO_NODE_FLAG_HAS_CODE : 0;
	uint32_t type = MEMO_NODE_PARAGRAPH;
	size_t task = 0;
	if (p->textbox)
		flags |= MEMO_NODE_FLAG_TEXTBOX;

	if (kind == MEMO__SK_HEADING) {
		if ((rc = s_close_blocks(bd)) != 0)
			return rc;
		type = MEMO_NODE_HEADING;
		bd->last_heading = (int)level;
	} else if (kind == MEMO__SK_CODE) {
		if ((rc = s_close_blocks(bd)) != 0)
			return rc;
		type = MEMO_NODE_CODE;
	} else {
		int32_t num_id = p->num_id >= 0 ? p->num_id :
			ps ? ps->r_num_id : -1;
		int ilvl = p->ilvl >= 0 ? p->ilvl :
			ps && ps->r_ilvl >= 0 ? ps->r_ilvl : 0;
		uint32_t start = 1;
		int lk = memo__dx_list_kind(bd->st, num_id, ilvl, &start);
		if (c && !s_cont_clean(bd, c))
			lk = -1, kind = MEMO__SK_PLAIN;
		if (lk >= 0 && c) {
			if ((rc = s_list_item(bd, lk == 1, ilvl, start)) != 0)
				return rc;
			task = s_task_box(p->text.data + a, z - a);
			if (task) {
				/* the ITEM just pushed, not yet opened */
				s_bent *it = &bd->bst[bd->nbst - 1];
				it->flags |= MEMO_NODE_FLAG_TASK;
				if (s_task_checked(p->text.data + a))
					it->flags |= MEMO_NODE_FLAG_CHECKED;
			}
		} else if (kind == MEMO__SK_QUOTE && c) {
			if ((rc = s_quote(bd)) != 0)
				return rc;
		} else {
			bool fake = root && !p->textbox &&
				(direct ? s_heading_shape(p->text.data, a, z) :
				 s_fake_heading(p, p->text.data, a, z));
			if (c && s_cont_clean(bd, c) &&
			    (rc = s_close_blocks(bd)) != 0)
				return rc;
			if (fake) {
				bool promote = bd->o->flags &
					MEMO_PARSE_PROMOTE_FAKE_HEADINGS;
				uint32_t fl = direct ? direct :
					bd->last_heading ?
					(uint32_t)bd->last_heading + 1 : 2;
				if (fl > 9)
					fl = 9;
				uint64_t s0 = memo__builder_text_len(bd->b) +
					(bd->emitted_any ? 1 : 0);
				if (promote) {
					type = MEMO_NODE_HEADING;
					level = fl;
					flags |= MEMO_NODE_FLAG_PROMOTED;
				}
				rc = memo__builder_warn(bd->b,
					"parse.fake-heading",
					MEMO_SEVERITY_INFO, s0,
					s0 + (z - a), promote ?
					"a %s paragraph was promoted to a "
					"level-%u heading" :
					"a %s paragraph looks like a heading "
					"(level %u); use a Heading style",
					direct ? "short, outline-level" :
					"short bold", (unsigned)fl);
				if (rc)
					return rc;
			}
		}
	}
	if ((rc = s_emit_text(bd, type, flags, level, p->text.data, a, z,
		    task, p->segs, p->nsegs, p->index, p->para_id)) != 0)
		return rc;
	return s_emit_pending(bd, p);
}

static int s_rec_add(s_para *anchor, const char *text, size_t len,
	const s_seg *segs, size_t nsegs, uint32_t index, const char *para_id,
	bool has_code)
{
	int rc = GROW(anchor->pending, anchor->npending, anchor->cappending);
	if (rc)
		return rc;
	s_rec *r = &anchor->pending[anchor->npending];
	memset(r, 0, sizeof *r);
	r->text = memo__strndup(text ? text : "", len);
	r->segs = nsegs ? memo__malloc(nsegs * sizeof *segs) : NULL;
	if (!r->text || (nsegs && !r->segs)) {
		s_rec_free(r);
		return memo__error_oom();
	}
	if (nsegs)
		memcpy(r->segs, segs, nsegs * sizeof *segs);
	r->len = len;
	r->nsegs = nsegs;
	r->index = index;
	r->has_code = has_code;
	snprintf(r->para_id, sizeof r->para_id, "%s", para_id);
	anchor->npending++;
	return MEMO_OK;
}

static int s_para_end(memo__dx_body *bd)
{
	s_para *p = s_para_top(bd);
	int rc = MEMO_OK;
	if (!p)
		return MEMO_OK;
	if (p->dummy) {
		s_para_drop_pending(p);
		bd->nparas--;
		return MEMO_OK;
	}
	if (p->textbox && !bd->count_only) {
		/* Anchor: the nearest enclosing paragraph that is not in a
		 * text box. Its text goes first, then the boxes'. */
		s_para *anchor = NULL;
		for (size_t i = bd->nparas - 1; i-- > 0;) {
			if (!bd->paras[i].dummy && !bd->paras[i].textbox) {
				anchor = &bd->paras[i];
				break;
			}
		}
		if (anchor) {
			rc = s_rec_add(anchor, p->text.data, p->text.len,
				p->segs, p->nsegs, p->index, p->para_id,
				p->has_code);
			for (size_t i = 0; i < p->npending && !rc; i++) {
				s_rec *r = &p->pending[i];
				rc = s_rec_add(anchor, r->text, r->len,
					r->segs, r->nsegs, r->index,
					r->para_id, r->has_code);
			}
			s_para_drop_pending(p);
			bd->nparas--;
			return rc;
		}
	}
	if (!bd->count_only)
		rc = s_emit_para(bd, p);
	s_para_drop_pending(p);
	bd->nparas--;
	return rc;
}

/* ---- runs ----------------------------------------------------------- */

static void s_run_start(memo__dx_body *bd)
{
	s_para *p = s_para_top(bd);
	if (!p)
		return;
	p->in_run = true;
	p->run_bearing = false;
	p->run_b = p->run_vanish = -1;
	p->run_style = NULL;
}

static void s_run_end(memo__dx_body *bd)
{
	s_para *p = s_para_top(bd);
	if (!p || !p->in_run)
		return;
	if (p->run_bearing)
		p->nbearing++;
	p->in_run = false;
	p->run_bearing = false;
	p->run_b = p->run_vanish = -1;
	p->run_style = NULL;
}

static void s_bearing(memo__dx_body *bd)
{
	s_para *p = s_para_top(bd);
	if (p && p->in_run)
		p->run_bearing = true;
}

static bool s_text_bearing(int tok)
{
	switch (tok) {
	case T_T: case T_DELTEXT: case T_TAB: case T_PTAB: case T_BR:
	case T_CR: case T_SYM: case T_NOBREAKHYPHEN:
		return true;
	default:
		return false;
	}
}

static int s_put_cp(memo__dx_body *bd, uint32_t cp)
{
	char buf[4];
	size_t n = memo__utf8_encode(cp, buf);
	return s_put(bd, buf, n);
}

/* Adobe Symbol encoding, 0x20..0xFF -> Unicode (0 = nothing). Word's
 * w:sym with w:font="Symbol" gives these codes, usually as U+F0xx. */
static const uint16_t s_symbol[224] = {
	0x0020, 0x0021, 0x2200, 0x0023, 0x2203, 0x0025, 0x0026, 0x220B,
	0x0028, 0x0029, 0x2217, 0x002B, 0x002C, 0x2212, 0x002E, 0x002F,
	0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
	0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
	0x2245, 0x0391, 0x0392, 0x03A7, 0x0394, 0x0395, 0x03A6, 0x0393,
	0x0397, 0x0399, 0x03D1, 0x039A, 0x039B, 0x039C, 0x039D, 0x039F,
	0x03A0, 0x0398, 0x03A1, 0x03A3, 0x03A4, 0x03A5, 0x03C2, 0x03A9,
	0x039E, 0x03A8, 0x0396, 0x005B, 0x2234, 0x005D, 0x22A5, 0x005F,
	0x203E, 0x03B1, 0x03B2, 0x03C7, 0x03B4, 0x03B5, 0x03C6, 0x03B3,
	0x03B7, 0x03B9, 0x03D5, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BF,
	0x03C0, 0x03B8, 0x03C1, 0x03C3, 0x03C4, 0x03C5, 0x03D6, 0x03C9,
	0x03BE, 0x03C8, 0x03B6, 0x007B, 0x007C, 0x007D, 0x223C, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0x20AC, 0x03D2, 0x2032, 0x2264, 0x2044, 0x221E, 0x0192, 0x2663,
	0x2666, 0x2665, 0x2660, 0x2194, 0x2190, 0x2191, 0x2192, 0x2193,
	0x00B0, 0x00B1, 0x2033, 0x2265, 0x00D7, 0x221D, 0x2202, 0x2022,
	0x00F7, 0x2260, 0x2261, 0x2248, 0x2026, 0x23D0, 0x23AF, 0x21B5,
	0x2135, 0x2111, 0x211C, 0x2118, 0x2297, 0x2295, 0x2205, 0x2229,
	0x222A, 0x2283, 0x2287, 0x2284, 0x2282, 0x2286, 0x2208, 0x2209,
	0x2220, 0x2207, 0x00AE, 0x00A9, 0x2122, 0x220F, 0x221A, 0x22C5,
	0x00AC, 0x2227, 0x2228, 0x21D4, 0x21D0, 0x21D1, 0x21D2, 0x21D3,
	0x25CA, 0x2329, 0x00AE, 0x00A9, 0x2122, 0x2211, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
	0, 0x232A, 0x222B, 0x2320, 0, 0x2321, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0,
};

/* The character a w:sym stands for. */
static uint32_t s_sym_char(uint32_t cp, const char *font)
{
	if (font && strcasecmp(font, "Symbol") == 0) {
		uint32_t lo = cp >= 0xF000 && cp <= 0xF0FF ? cp - 0xF000 : cp;
		if (lo >= 0x20 && lo <= 0xFF)
			return s_symbol[lo - 0x20];
	}
	return cp;
}

static uint32_t s_hexval(const char *v)
{
	uint32_t n = 0;
	int digits = 0;
	for (; *v && digits < 8; v++, digits++) {
		int c = (unsigned char)*v, d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return 0;
		n = n * 16 + (uint32_t)d;
	}
	return n;
}

/* ---- the element handlers ------------------------------------------- */

static int s_frame_at(memo__dx_body *bd, int depth)
{
	size_t d = (size_t)depth;
	if (d < bd->capframes)
		return MEMO_OK;
	size_t old = bd->capframes;
	int rc = GROW(bd->frames, d, bd->capframes);
	if (rc)
		return rc;
	memset(bd->frames + old, 0,
		(bd->capframes - old) * sizeof *bd->frames);
	return MEMO_OK;
}

/* Skip the subtree of the element starting at depth (its end clears
 * this). */
static void s_skip(memo__dx_body *bd, int depth)
{
	bd->skip = depth;
}

static int s_field_char(memo__dx_body *bd)
{
	char v[32];
	if (memo__dx_xml_attr(bd->x, "fldCharType", MEMO__NS_W, v,
		    sizeof v) < 0)
		return MEMO_OK;
	if (strcmp(v, "begin") == 0) {
		if (bd->nfld < MAX_FIELDS) {
			bd->fld[bd->nfld++] = 1;
			bd->code_levels++;
		} else {
			bd->fld_over++;
		}
	} else if (strcmp(v, "separate") == 0) {
		if (!bd->fld_over && bd->nfld && bd->fld[bd->nfld - 1] == 1) {
			bd->fld[bd->nfld - 1] = 0;
			bd->code_levels--;
		}
	} else if (strcmp(v, "end") == 0) {
		if (bd->fld_over)
			bd->fld_over--;
		else if (bd->nfld) {
			if (bd->fld[--bd->nfld] == 1)
				bd->code_levels--;
		}
	}
	return MEMO_OK;
}

/* An element inside skipped content: count paragraphs and runs only. */
static int s_start_skipped(memo__dx_body *bd, int tok, int parent,
	s_frame *f)
{
	int rc;
	if (tok == T_P) {
		bd->pindex++;
		if ((rc = s_para_push(bd, true)) != 0)
			return rc;
		f->flags |= F_PARA;
	} else if (tok == T_R) {
		s_run_start(bd);
	} else if (parent == T_R && s_text_bearing(tok)) {
		s_bearing(bd);
	}
	return MEMO_OK;
}

static int s_start(void *ud, memo__dx_xml *x, int tok, int d)
{
	memo__dx_body *bd = ud;
	int rc;
	char v[256];

	bd->x = x;

	if ((rc = s_frame_at(bd, d)) != 0)
		return rc;
	s_frame *f = &bd->frames[d];
	f->tok = (uint16_t)tok;
	f->flags = 0;
	int parent = d > 0 ? bd->frames[d - 1].tok : T_OTHER;
	int gparent = d > 1 ? bd->frames[d - 2].tok : T_OTHER;
	if (bd->skip >= 0)
		return s_start_skipped(bd, tok, parent, f);

	const unsigned flags = bd->o->flags;
	s_para *p = s_para_top(bd);
	switch (tok) {
	case T_P:
		if ((rc = s_para_push(bd, false)) != 0)
			return rc;
		f->flags |= F_PARA;
		p = s_para_top(bd);
		p->index = bd->pindex++;
		if (memo__dx_xml_attr(x, "paraId", MEMO__NS_W14, p->para_id,
			    sizeof p->para_id) < 0)
			p->para_id[0] = '\0';
		break;
	case T_PSTYLE:
		if (p && parent == T_PPR &&
		    memo__dx_xml_attr(x, "val", MEMO__NS_W, v, sizeof v) >= 0)
			p->pstyle = memo__dx_style_get(bd->st, v);
		break;
	case T_ILVL:
	case T_NUMID:
		if (p && parent == T_NUMPR && gparent == T_PPR &&
		    memo__dx_xml_attr(x, "val", MEMO__NS_W, v,
			    sizeof v) >= 0) {
			long n = strtol(v, NULL, 10);
			if (tok == T_NUMID)
				p->num_id = n < 0 || n > INT32_MAX ? 0 :
					(int32_t)n;
			else
				p->ilvl = n < 0 ? 0 : n > 8 ? 8 : (int)n;
		}
		break;
	case T_OUTLINELVL:
		if (p && parent == T_PPR &&
		    memo__dx_xml_attr(x, "val", MEMO__NS_W, v,
			    sizeof v) >= 0) {
			long n = strtol(v, NULL, 10);
			p->outline = n < 0 || n > 9 ? 9 : (int)n;
		}
		break;
	case T_R:
		s_run_start(bd);
		break;
	case T_B:
	case T_VANISH:
	case T_RSTYLE:
		if (!p || parent != T_RPR || gparent != T_R)
			break;
		if (tok == T_B)
			p->run_b = memo__dx_xml_onoff(x) ? 1 : 0;
		else if (tok == T_VANISH)
			p->run_vanish = memo__dx_xml_onoff(x) ? 1 : 0;
		else if (memo__dx_xml_attr(x, "val", MEMO__NS_W, v,
			    sizeof v) >= 0)
			p->run_style = memo__dx_style_get(bd->st, v);
		break;
	case T_T:
	case T_DELTEXT:
		if (parent == T_R)
			s_bearing(bd);
		break;
	case T_MT:
		break;
	case T_TAB:
	case T_PTAB:
	case T_BR:
	case T_CR:
	case T_NOBREAKHYPHEN:
	case T_SYM:
		if (parent != T_R)
			break;
		s_bearing(bd);
		if (!s_can_emit(bd))
			break;
		if (tok == T_TAB || tok == T_PTAB) {
			rc = s_put(bd, "\t", 1);
		} else if (tok == T_CR) {
			rc = s_put(bd, "\n", 1);
		} else if (tok == T_BR) {
			bool page = memo__dx_xml_attr(x, "type", MEMO__NS_W,
				v, sizeof v) >= 0 && (strcmp(v, "page") == 0 ||
				strcmp(v, "column") == 0);
			rc = s_put(bd, page ? " " : "\n", 1);
		} else if (tok == T_NOBREAKHYPHEN) {
			rc = s_put(bd, "-", 1);
		} else {
			uint32_t cp = 0;
			char font[64];
			if (memo__dx_xml_attr(x, "font", MEMO__NS_W, font,
				    sizeof font) < 0)
				font[0] = '\0';
			if (memo__dx_xml_attr(x, "char", MEMO__NS_W, v,
				    sizeof v) >= 0)
				cp = s_sym_char(s_hexval(v), font);
			if (cp >= 0x20 && cp <= 0x10FFFF &&
			    !(cp >= 0xD800 && cp <= 0xDFFF))
				rc = s_put_cp(bd, cp);
		}
		if (rc)
			return rc;
		break;
	case T_FLDCHAR:
		if (parent == T_R)
			return s_field_char(bd);
		break;
	case T_INSTRTEXT:
	case T_DELINSTRTEXT:
	case T_PPRCHANGE:
	case T_RPRCHANGE:
	case T_SECTPR:
	case T_TBLPR:
	case T_TBLGRID:
	case T_TCPR:
	case T_SDTPR:
	case T_SDTENDPR:
	case T_CUSTOMXMLPR:
	case T_SMARTTAGPR:
	case T_TBLPREX:
	case T_TBLGRIDCHANGE:
	case T_TCPRCHANGE:
	case T_TRPRCHANGE:
	case T_TBLPRCHANGE:
	case T_SECTPRCHANGE:
	case T_NUMBERINGCHANGE:
	case T_RUBYTEXT: /* a phonetic guide over the base text */
		s_skip(bd, d);
		break;
	case T_INS:
	case T_MOVETO:
		bd->n_ins++;
		if (flags & MEMO_PARSE_DROP_INSERTIONS)
			s_skip(bd, d);
		break;
	case T_DEL:
	case T_MOVEFROM:
		bd->n_del++;
		if (!(flags & MEMO_PARSE_KEEP_DELETIONS))
			s_skip(bd, d);
		break;
	case T_TBL:
		if (bd->textbox || bd->count_only)
			break;
		if (bd->part_kind == PART_MAIN && bd->nconts == 1)
			bd->leading = false;
		if ((rc = s_close_blocks(bd)) != 0 ||
		    (rc = s_bpush(bd, MEMO_NODE_TABLE, 0, 0)) != 0)
			return rc;
		f->flags |= F_BLOCK;
		break;
	case T_TR:
		if (bd->textbox || bd->count_only)
			break;
		if ((rc = s_bpush(bd, MEMO_NODE_ROW, 0, 0)) != 0)
			return rc;
		f->flags |= F_BLOCK;
		break;
	case T_TBLHEADER:
		if (parent == T_TRPR && d >= 2 &&
		    (bd->frames[d - 2].flags & F_BLOCK) &&
		    memo__dx_xml_onoff(x)) {
			bd->frames[d - 2].flags |= F_ROW_HEADER;
			s_bent *e = bd->nbst ? &bd->bst[bd->nbst - 1] : NULL;
			if (e && e->type == MEMO_NODE_ROW && !e->open)
				e->flags |= MEMO_NODE_FLAG_HEADER;
		}
		break;
	case T_TC:
		if (bd->textbox || bd->count_only)
			break;
		{
			bool header = d >= 1 &&
				(bd->frames[d - 1].flags & F_ROW_HEADER);
			if ((rc = s_bpush(bd, MEMO_NODE_CELL, header ?
				    MEMO_NODE_FLAG_HEADER : 0, 0)) != 0 ||
			    (rc = s_cont_push(bd, C_CELL)) != 0)
				return rc;
		}
		f->flags |= F_BLOCK | F_CONT;
		break;
	case T_TXBXCONTENT:
		bd->textbox++;
		f->flags |= F_TEXTBOX;
		break;
	case T_DRAWING:
	case T_PICT:
	case T_OBJECT:
		if (!bd->visual)
			bd->visual_seen = false;
		bd->visual++;
		f->flags |= F_VISUAL;
		break;
	case T_PIC:
	case T_CHART:
	case T_CHARTEX:
	case T_DGMRELIDS:
	case T_IMAGEDATA:
	case T_OLEOBJECT:
		if (bd->visual)
			bd->visual_seen = true;
		else
			bd->n_skipped++;
		break;
	case T_ALTCHUNK:
		bd->n_skipped++;
		break;
	case T_CHOICE:
	case T_FALLBACK:
		if (parent != T_ALTCONTENT)
			break;
		/* Take the first branch (Word's own choice), never both. */
		if (bd->frames[d - 1].flags & F_ALT_TAKEN)
			s_skip(bd, d);
		else
			bd->frames[d - 1].flags |= F_ALT_TAKEN;
		break;
	case T_FOOTNOTE:
	case T_ENDNOTE:
	case T_COMMENT: {
		if (d != 1 || bd->part_kind == PART_MAIN)
			break;
		uint32_t nf = tok == T_FOOTNOTE ? MEMO_NODE_FLAG_FOOTNOTE :
			tok == T_ENDNOTE ? MEMO_NODE_FLAG_ENDNOTE :
			MEMO_NODE_FLAG_COMMENT;
		if (tok == T_COMMENT)
			bd->n_comments++;
		if (tok != T_COMMENT &&
		    memo__dx_xml_attr(x, "type", MEMO__NS_W, v,
			    sizeof v) >= 0 &&
		    (strcmp(v, "separator") == 0 ||
		     strcmp(v, "continuationSeparator") == 0 ||
		     strcmp(v, "continuationNotice") == 0)) {
			s_skip(bd, d);
			break;
		}
		if (bd->count_only) {
			s_skip(bd, d);
			break;
		}
		if ((rc = s_bpush(bd, MEMO_NODE_NOTE, nf, 0)) != 0 ||
		    (rc = s_cont_push(bd, C_NOTE)) != 0)
			return rc;
		f->flags |= F_BLOCK | F_CONT;
		break;
	}
	default:
		break;
	}
	return MEMO_OK;
}

static int s_end(void *ud, memo__dx_xml *x, int depth)
{
	memo__dx_body *bd = ud;
	int rc = MEMO_OK;
	bd->x = x;
	if ((size_t)depth >= bd->capframes)
		return MEMO_OK;
	s_frame *f = &bd->frames[depth];
	if (bd->skip == depth)
		bd->skip = -1;
	if (f->tok == T_R)
		s_run_end(bd);
	if (f->flags & F_PARA)
		rc = s_para_end(bd);
	if (!rc && (f->flags & F_CONT))
		rc = s_cont_pop(bd);
	if (!rc && (f->flags & F_BLOCK))
		rc = s_bpop(bd);
	if (f->flags & F_TEXTBOX)
		bd->textbox--;
	if ((f->flags & F_VISUAL) && bd->visual > 0) {
		if (--bd->visual == 0 && bd->visual_seen) {
			bd->n_skipped++;
			bd->visual_seen = false;
		}
	}
	f->flags = 0;
	return rc;
}

static int s_text(void *ud, memo__dx_xml *x, const char *v, size_t n,
	int d)
{
	memo__dx_body *bd = ud;
	bd->x = x;
	if (bd->skip >= 0 || d < 1 || (size_t)d > bd->capframes)
		return MEMO_OK;
	int parent = bd->frames[d - 1].tok;
	if (parent != T_T && parent != T_MT &&
	    !(parent == T_DELTEXT &&
	      (bd->o->flags & MEMO_PARSE_KEEP_DELETIONS)))
		return MEMO_OK;
	if (!s_can_emit(bd))
		return MEMO_OK;
	s_para *p = s_para_top(bd);
	size_t before = p->text.len;
	int rc = s_put(bd, v, n);
	if (rc)
		return rc;
	/* Line breaks and tabs inside w:t are layout of the XML, not text:
	 * Word shows them as spaces. */
	for (size_t i = before; i < p->text.len; i++) {
		char c = p->text.data[i];
		if (c == '\n' || c == '\r' || c == '\t')
			p->text.data[i] = ' ';
	}
	return MEMO_OK;
}

/* ---- parts ---------------------------------------------------------- */

static int s_walk(memo__dx_body *bd, const char *part, int kind,
	bool count_only)
{
	static const memo__dx_handler h = { s_start, s_end, s_text };
	int64_t idx = memo__dx_pkg_find(bd->pkg, part);
	int rc;

	if (idx < 0) {
		if (kind == PART_MAIN)
			return memo__error_set(MEMO_EFORMAT, bd->pkg->file,
				part, 0, 0, "the main document part is "
				"missing from the package");
		return MEMO_OK;
	}
	if (!count_only &&
	    (rc = memo__builder_add_part(bd->b, part, &bd->part)) != 0)
		return rc;
	bd->part_kind = kind;
	bd->count_only = count_only;
	bd->pindex = 0;
	bd->skip = -1;
	bd->nfld = bd->fld_over = bd->code_levels = 0;
	bd->visual = 0;
	bd->textbox = 0;
	bd->nparas = 0;
	if ((rc = s_cont_push(bd, kind == PART_MAIN ? C_BODY : C_NOTE)) != 0)
		return rc;
	rc = memo__dx_xml_parse(bd->pkg, idx, part, &h, bd);
	if (rc == 0) {
		while (!rc && bd->nbst)
			rc = s_bpop(bd);
	}
	bd->nconts = 0;
	for (size_t i = 0; i < bd->capparas; i++)
		s_para_drop_pending(&bd->paras[i]);
	bd->nparas = 0;
	bd->x = NULL;
	return rc;
}

static void s_free(memo__dx_body *bd)
{
	for (size_t i = 0; i < bd->capparas; i++) {
		s_para *p = &bd->paras[i];
		s_para_drop_pending(p);
		memo__buf_free(&p->text);
		memo__free(p->segs);
		memo__free(p->pending);
	}
	memo__free(bd->paras);
	memo__free(bd->frames);
	memo__free(bd->bst);
	memo__free(bd->conts);
	memo__buf_free(&bd->title);
}

static int s_warnings(memo__dx_body *bd)
{
	memo__builder *b = bd->b;
	const unsigned flags = bd->o->flags;
	int rc = MEMO_OK;
	if (bd->n_ins || bd->n_del) {
		const char *ins = flags & MEMO_PARSE_DROP_INSERTIONS ?
			"dropped" : "kept";
		const char *del = flags & MEMO_PARSE_KEEP_DELETIONS ?
			"kept" : "dropped";
		rc = memo__builder_warn(b, "parse.tracked-changes",
			MEMO_SEVERITY_INFO, 0, 0,
			"the document has tracked changes (%zu insertions %s, "
			"%zu deletions %s); accept or reject them in Word",
			bd->n_ins, ins, bd->n_del, del);
	}
	if (!rc && bd->n_comments)
		rc = memo__builder_warn(b, "parse.comments",
			MEMO_SEVERITY_INFO, 0, 0, flags & MEMO_PARSE_NO_NOTES ?
			"the document has %zu reviewer comments (not read)" :
			"the document has %zu reviewer comments (kept apart "
			"as notes)", bd->n_comments);
	if (!rc && bd->n_skipped)
		rc = memo__builder_warn(b, "parse.skipped-content",
			MEMO_SEVERITY_INFO, 0, 0,
			"%zu images, charts or embedded objects were skipped",
			bd->n_skipped);
	return rc;
}

int memo__dx_body_run(memo__builder *b, memo__dx_pkg *pkg,
	const memo__dx_parts *parts, const memo__dx_styles *styles,
	const memo_parse_options *opts)
{
	memo__dx_body bd;
	int rc;

	memset(&bd, 0, sizeof bd);
	bd.b = b;
	bd.pkg = pkg;
	bd.st = styles;
	bd.o = opts;
	bd.skip = -1;
	bd.leading = true;
	memo__buf_init(&bd.title);

	rc = s_walk(&bd, parts->main, PART_MAIN, false);
	if (!rc && bd.title.len)
		rc = memo__builder_set_title(b, bd.title.data, bd.title.len);
	if (!rc && !(opts->flags & MEMO_PARSE_NO_NOTES)) {
		const char *np[3] = { parts->footnotes, parts->endnotes,
			parts->comments };
		const int nk[3] = { PART_FOOTNOTES, PART_ENDNOTES,
			PART_COMMENTS };
		bool notes = false;
		for (int i = 0; i < 3 && !rc; i++) {
			if (!np[i][0])
				continue;
			if (!notes) {
				rc = memo__builder_set_notes(b, true);
				notes = true;
				if (rc)
					break;
			}
			rc = s_walk(&bd, np[i], nk[i], false);
		}
		if (!rc && notes)
			rc = memo__builder_set_notes(b, false);
	} else if (!rc && parts->comments[0]) {
		rc = s_walk(&bd, parts->comments, PART_COMMENTS, true);
	}
	if (!rc)
		rc = s_warnings(&bd);
	s_free(&bd);
	return rc;
}
