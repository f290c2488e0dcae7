/*
 * styles.c - what styles.xml and numbering.xml tell the front end.
 *
 * Styles give heading levels, the Title style, code and quote styles,
 * bold and hidden run properties, and list numbering, each inherited
 * through basedOn. Numbering tells bullets from numbers per level.
 *
 * Heading levels, in order of precedence for one style:
 *   1. its w:name is "heading N" (any case). Word writes the canonical
 *      English name even in localized versions, whose style ids may be
 *      localized ("berschrift1", "Titre1"): so the name decides, not the
 *      id. Without a w:name, the id is read the same way.
 *   2. its own w:outlineLvl (0..8 = level 1..9; 9 = body text, which
 *      also stops inheritance: Word's "TOC Heading" is based on
 *      Heading 1 but has outline level 9);
 *   3. its basedOn parent's level.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docx_int.h"

#define GROW(ptr, n, cap) s_grow((void **)&(ptr), sizeof *(ptr), (n), &(cap))

static int s_grow(void **ptr, size_t elem, size_t n, size_t *cap)
{
	if (n < *cap)
		return MEMO_OK;
	size_t c = *cap ? *cap * 2 : 32;
	void *p = memo__realloc(*ptr, c * elem);
	if (!p)
		return memo__error_oom();
	*ptr = p;
	*cap = c;
	return MEMO_OK;
}

void memo__dx_styles_init(memo__dx_styles *s)
{
	memset(s, 0, sizeof *s);
}

void memo__dx_styles_free(memo__dx_styles *s)
{
	for (size_t i = 0; i < s->n; i++) {
		memo__free(s->v[i].id);
		memo__free(s->v[i].name);
		memo__free(s->v[i].based_on);
	}
	memo__free(s->v);
	for (size_t i = 0; i < s->nabs; i++)
		memo__free(s->abs[i].num_style_link);
	memo__free(s->abs);
	memo__free(s->nums);
	memset(s, 0, sizeof *s);
}

static int32_t s_int(const char *v, int32_t dflt)
{
	char *end;
	if (!v || !*v)
		return dflt;
	long n = strtol(v, &end, 10);
	if (end == v || n < -1000000 || n > 1000000000)
		return dflt;
	return (int32_t)n;
}

int memo__dx_heading_name_level(const char *name)
{
	if (!name || strncasecmp(name, "heading", 7) != 0)
		return 0;
	const char *p = name + 7;
	if (*p == ' ')
		p++;
	if (!isdigit((unsigned char)*p))
		return 0;
	int n = 0;
	while (isdigit((unsigned char)*p) && n < 100)
		n = n * 10 + (*p++ - '0');
	if (*p || n < 1)
		return 0;
	return n > 9 ? 9 : n;
}

static bool s_name_in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(name, *list) == 0)
			return true;
	return false;
}

static const char *const s_code_para[] = { "Source Code", "HTML Preformatted",
	"Code", "Code Block", "Preformatted Text", NULL };
static const char *const s_quote_para[] = { "Quote", "Intense Quote",
	"Block Text", "Block Quote", "Block Quotation", "Quotations", NULL };
static const char *const s_code_char[] = { "Verbatim Char", "HTML Code",
	"Source Code Char", "Inline Code", "Source Text", NULL };

/* ---- loading -------------------------------------------------------- */

#define TOKS 64

/* Loading state shared by styles.xml and numbering.xml. */
typedef struct s_load {
	memo__dx_styles *s;
	int toks[TOKS];
	int skip;                 /* depth of a skipped subtree, or -1 */
	memo__dx_style *cur;      /* the w:style being read */
	int cur_depth;
	memo__dx_absnum *ab;      /* the w:abstractNum being read */
	memo__dx_num *nm;         /* the w:num being read */
	int lvl;
} s_load;

static int s_end_any(void *ud, memo__dx_xml *x, int depth)
{
	s_load *L = ud;
	(void)x;
	if (depth == L->skip)
		L->skip = -1;
	if (depth == L->cur_depth)
		L->cur = NULL, L->cur_depth = -1;
	if (depth == 1)
		L->ab = NULL, L->nm = NULL;
	return MEMO_OK;
}

static int s_style_start(void *ud, memo__dx_xml *x, int tok, int d)
{
	s_load *L = ud;
	memo__dx_styles *s = L->s;
	char v[256];
	int rc;

	if (d < TOKS)
		L->toks[d] = tok;
	if (L->skip >= 0 || d >= TOKS)
		return MEMO_OK;
	int parent = d > 0 ? L->toks[d - 1] : T_OTHER;
	int gparent = d > 1 ? L->toks[d - 2] : T_OTHER;
	memo__dx_style *cur = L->cur;
	switch (tok) {
	case T_STYLE:
		if (d != 1)
			break;
		if ((rc = GROW(s->v, s->n, s->cap)) != 0)
			return rc;
		cur = &s->v[s->n];
		memset(cur, 0, sizeof *cur);
		cur->outline = cur->bold = cur->vanish = -1;
		cur->ilvl = -1;
		cur->num_id = -1;
		if (memo__dx_xml_attr(x, "type", MEMO__NS_W, v, sizeof v) >= 0)
			cur->type = strcmp(v, "paragraph") == 0 ? 1 :
				strcmp(v, "character") == 0 ? 2 :
				strcmp(v, "table") == 0 ? 3 :
				strcmp(v, "numbering") == 0 ? 4 : 0;
		else
			cur->type = 1;
		if (memo__dx_xml_attr(x, "default", MEMO__NS_W, v,
			    sizeof v) >= 0)
			cur->is_default = strcmp(v, "1") == 0 ||
				strcmp(v, "true") == 0 || strcmp(v, "on") == 0;
		if (memo__dx_xml_attr(x, "styleId", MEMO__NS_W, v,
			    sizeof v) < 0)
			v[0] = '\0';
		cur->id = memo__strndup(v, strlen(v));
		if (!cur->id)
			return memo__error_oom();
		s->n++;
		L->cur = cur;
		L->cur_depth = d;
		break;
	case T_NAME:
	case T_BASEDON:
		if (!cur || parent != T_STYLE)
			break;
		if (memo__dx_xml_attr(x, "val", MEMO__NS_W, v, sizeof v) < 0)
			break;
		{
			char **dst = tok == T_NAME ? &cur->name :
				&cur->based_on;
			if (*dst)
				break;
			*dst = memo__strndup(v, strlen(v));
			if (!*dst)
				return memo__error_oom();
		}
		break;
	case T_OUTLINELVL:
		if (cur && parent == T_PPR &&
		    memo__dx_xml_attr(x, "val", MEMO__NS_W, v, sizeof v) >= 0) {
			int32_t n = s_int(v, -1);
			cur->outline = (int8_t)(n < 0 || n > 9 ? 9 : n);
		}
		break;
	case T_NUMID:
	case T_ILVL:
		if (cur && parent == T_NUMPR &&
		    memo__dx_xml_attr(x, "val", MEMO__NS_W, v, sizeof v) >= 0) {
			int32_t n = s_int(v, -1);
			if (tok == T_NUMID)
				cur->num_id = n;
			else
				cur->ilvl = (int8_t)(n < 0 ? 0 : n > 8 ? 8 : n);
		}
		break;
	case T_B:
	case T_VANISH:
		if (parent != T_RPR)
			break;
		if (cur && gparent == T_STYLE) {
			int8_t on = memo__dx_xml_onoff(x) ? 1 : 0;
			if (tok == T_B)
				cur->bold = on;
			else
				cur->vanish = on;
		} else if (!cur && gparent == T_RPRDEFAULT && tok == T_B) {
			s->default_bold = memo__dx_xml_onoff(x);
		}
		break;
	case T_PPRCHANGE:
	case T_RPRCHANGE:
		L->skip = d;
		break;
	default:
		break;
	}
	return MEMO_OK;
}

int memo__dx_styles_load(memo__dx_styles *s, memo__dx_pkg *pkg,
	int64_t index, const char *part)
{
	static const memo__dx_handler h = { s_style_start, s_end_any, NULL };
	s_load L;
	if (index < 0)
		return MEMO_OK;
	memset(&L, 0, sizeof L);
	L.s = s;
	L.skip = L.cur_depth = L.lvl = -1;
	return memo__dx_xml_parse(pkg, index, part, &h, &L);
}

static int s_num_start(void *ud, memo__dx_xml *x, int tok, int d)
{
	s_load *L = ud;
	memo__dx_styles *s = L->s;
	char v[256];
	int rc;

	if (d < TOKS)
		L->toks[d] = tok;
	if (L->skip >= 0 || d >= TOKS)
		return MEMO_OK;
	int parent = d > 0 ? L->toks[d - 1] : T_OTHER;
	int gparent = d > 1 ? L->toks[d - 2] : T_OTHER;
	memo__dx_absnum *ab = L->ab;
	memo__dx_num *nm = L->nm;
	switch (tok) {
	case T_ABSTRACTNUM:
		if (d != 1)
			break;
		if ((rc = GROW(s->abs, s->nabs, s->capabs)) != 0)
			return rc;
		ab = &s->abs[s->nabs++];
		memset(ab, 0, sizeof *ab);
		for (int i = 0; i < 9; i++)
			ab->lvl[i].start = -1;
		ab->id = memo__dx_xml_attr(x, "abstractNumId", MEMO__NS_W, v,
			sizeof v) >= 0 ? s_int(v, -1) : -1;
		L->ab = ab;
		L->nm = NULL;
		break;
	case T_NUM:
		if (d != 1)
			break;
		if ((rc = GROW(s->nums, s->nnums, s->capnums)) != 0)
			return rc;
		nm = &s->nums[s->nnums++];
		memset(nm, 0, sizeof *nm);
		nm->abs_id = -1;
		for (int i = 0; i < 9; i++)
			nm->ovr[i].start = -1;
		nm->id = memo__dx_xml_attr(x, "numId", MEMO__NS_W, v,
			sizeof v) >= 0 ? s_int(v, -1) : -1;
		L->nm = nm;
		L->ab = NULL;
		break;
	case T_ABSTRACTNUMID:
		if (nm && parent == T_NUM &&
		    memo__dx_xml_attr(x, "val", MEMO__NS_W, v, sizeof v) >= 0)
			nm->abs_id = s_int(v, -1);
		break;
	case T_LVL:
	case T_LVLOVERRIDE:
		L->lvl = memo__dx_xml_attr(x, "ilvl", MEMO__NS_W, v,
			sizeof v) >= 0 ? s_int(v, -1) : -1;
		if (L->lvl > 8)
			L->lvl = -1;
		break;
	case T_NUMSTYLELINK:
		if (ab && parent == T_ABSTRACTNUM && !ab->num_style_link &&
		    memo__dx_xml_attr(x, "val", MEMO__NS_W, v, sizeof v) >= 0) {
			ab->num_style_link = memo__strndup(v, strlen(v));
			if (!ab->num_style_link)
				return memo__error_oom();
		}
		break;
	case T_NUMFMT:
	case T_START:
	case T_STARTOVERRIDE: {
		if (L->lvl < 0 || memo__dx_xml_attr(x, "val", MEMO__NS_W, v,
			    sizeof v) < 0)
			break;
		memo__dx_lvl *lv = NULL;
		if (ab && parent == T_LVL)
			lv = &ab->lvl[L->lvl];
		else if (nm && parent == T_LVL && gparent == T_LVLOVERRIDE)
			lv = &nm->ovr[L->lvl];
		else if (nm && tok == T_STARTOVERRIDE &&
		         parent == T_LVLOVERRIDE)
			lv = &nm->ovr[L->lvl];
		if (!lv)
			break;
		if (tok == T_NUMFMT)
			lv->fmt = strcmp(v, "bullet") == 0 ? 1 :
				strcmp(v, "none") == 0 ? 3 : 2;
		else
			lv->start = s_int(v, -1);
		break;
	}
	case T_NUMBERINGCHANGE:
		L->skip = d;
		break;
	default:
		break;
	}
	return MEMO_OK;
}

int memo__dx_numbering_load(memo__dx_styles *s, memo__dx_pkg *pkg,
	int64_t index, const char *part)
{
	static const memo__dx_handler h = { s_num_start, s_end_any, NULL };
	s_load L;
	if (index < 0)
		return MEMO_OK;
	memset(&L, 0, sizeof L);
	L.s = s;
	L.skip = L.cur_depth = L.lvl = -1;
	return memo__dx_xml_parse(pkg, index, part, &h, &L);
}

/* ---- resolution ----------------------------------------------------- */

static int s_cmp_style(const void *a, const void *b)
{
	return strcmp(((const memo__dx_style *)a)->id,
		((const memo__dx_style *)b)->id);
}

static int s_cmp_abs(const void *a, const void *b)
{
	int32_t x = ((const memo__dx_absnum *)a)->id;
	int32_t y = ((const memo__dx_absnum *)b)->id;
	return (x > y) - (x < y);
}

static int s_cmp_num(const void *a, const void *b)
{
	int32_t x = ((const memo__dx_num *)a)->id;
	int32_t y = ((const memo__dx_num *)b)->id;
	return (x > y) - (x < y);
}

const memo__dx_style *memo__dx_style_get(const memo__dx_styles *s,
	const char *id)
{
	if (!id || !s->n)
		return NULL;
	memo__dx_style key;
	key.id = (char *)id;
	return bsearch(&key, s->v, s->n, sizeof *s->v, s_cmp_style);
}

static void s_resolve(memo__dx_styles *s, memo__dx_style *st, int depth)
{
	if (st->resolved || st->resolving)
		return;
	st->resolving = true;
	memo__dx_style *parent = NULL;
	if (depth < 64 && st->based_on) {
		parent = (memo__dx_style *)memo__dx_style_get(s, st->based_on);
		if (parent)
			s_resolve(s, parent, depth + 1);
		if (parent && !parent->resolved)
			parent = NULL; /* a basedOn cycle, or too deep */
	}
	const char *name = st->name ? st->name : st->id;
	int hl = memo__dx_heading_name_level(name);

	st->kind = MEMO__SK_PLAIN;
	st->level = 0;
	if (st->type == 1 || st->type == 0) {
		if (hl) {
			st->kind = MEMO__SK_HEADING;
			st->level = (uint8_t)hl;
		} else if (strcasecmp(name, "Title") == 0) {
			st->kind = MEMO__SK_TITLE;
		} else if (strcasecmp(name, "Subtitle") == 0) {
			st->kind = MEMO__SK_SUBTITLE;
		} else if (strcasecmp(name, "Author") == 0) {
			st->kind = MEMO__SK_AUTHOR;
		} else if (strcasecmp(name, "Date") == 0) {
			st->kind = MEMO__SK_DATE;
		} else if (st->outline >= 0 && st->outline <= 8) {
			st->kind = MEMO__SK_HEADING;
			st->level = (uint8_t)(st->outline + 1);
		} else if (st->outline == 9) {
			st->kind = MEMO__SK_PLAIN;
		} else if (s_name_in(name, s_code_para)) {
			st->kind = MEMO__SK_CODE;
		} else if (s_name_in(name, s_quote_para)) {
			st->kind = MEMO__SK_QUOTE;
		} else if (parent) {
			st->kind = parent->kind;
			st->level = parent->level;
			/* Title-like kinds are not inherited: a style based
			 * on Title is just a big paragraph. */
			if (st->kind == MEMO__SK_TITLE ||
			    st->kind == MEMO__SK_SUBTITLE ||
			    st->kind == MEMO__SK_AUTHOR ||
			    st->kind == MEMO__SK_DATE)
				st->kind = MEMO__SK_PLAIN;
		}
	}
	st->r_bold = st->bold >= 0 ? st->bold == 1 :
		parent ? parent->r_bold : s->default_bold;
	st->r_vanish = st->vanish >= 0 ? st->vanish == 1 :
		parent ? parent->r_vanish : false;
	st->r_code = s_name_in(name, s_code_char) ||
		(parent && parent->r_code);
	st->r_num_id = st->num_id >= 0 ? st->num_id :
		parent ? parent->r_num_id : -1;
	st->r_ilvl = st->ilvl >= 0 ? st->ilvl :
		parent ? parent->r_ilvl : -1;
	st->resolved = true;
	st->resolving = false;
}

void memo__dx_styles_resolve(memo__dx_styles *s)
{
	if (s->n)
		qsort(s->v, s->n, sizeof *s->v, s_cmp_style);
	if (s->nabs)
		qsort(s->abs, s->nabs, sizeof *s->abs, s_cmp_abs);
	if (s->nnums)
		qsort(s->nums, s->nnums, sizeof *s->nums, s_cmp_num);
	for (size_t i = 0; i < s->n; i++)
		s_resolve(s, &s->v[i], 0);
	s->default_para = NULL;
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].type == 1 && s->v[i].is_default) {
			s->default_para = &s->v[i];
			break;
		}
	}
}

static const memo__dx_num *s_num(const memo__dx_styles *s, int32_t id)
{
	memo__dx_num key;
	key.id = id;
	return s->nnums ? bsearch(&key, s->nums, s->nnums, sizeof *s->nums,
		s_cmp_num) : NULL;
}

static const memo__dx_absnum *s_abs(const memo__dx_styles *s, int32_t id)
{
	memo__dx_absnum key;
	key.id = id;
	return s->nabs ? bsearch(&key, s->abs, s->nabs, sizeof *s->abs,
		s_cmp_abs) : NULL;
}

int memo__dx_list_kind(const memo__dx_styles *s, int32_t num_id, int ilvl,
	uint32_t *start)
{
	*start = 1;
	if (num_id <= 0)
		return -1;
	if (ilvl < 0)
		ilvl = 0;
	if (ilvl > 8)
		ilvl = 8;
	const memo__dx_num *nm = s_num(s, num_id);
	if (!nm)
		return -1;
	const memo__dx_absnum *ab = s_abs(s, nm->abs_id);
	memo__dx_lvl L = { 0, -1 };
	if (ab)
		L = ab->lvl[ilvl];
	/* An abstract numbering that only links to a numbering style:
	 * follow the link once. */
	if (ab && L.fmt == 0 && ab->num_style_link) {
		const memo__dx_style *ns = memo__dx_style_get(s,
			ab->num_style_link);
		const memo__dx_num *nm2 = ns ? s_num(s, ns->r_num_id) : NULL;
		const memo__dx_absnum *ab2 = nm2 ? s_abs(s, nm2->abs_id) :
			NULL;
		if (ab2 && ab2 != ab)
			L = ab2->lvl[ilvl];
	}
	if (nm->ovr[ilvl].fmt)
		L.fmt = nm->ovr[ilvl].fmt;
	if (nm->ovr[ilvl].start >= 0)
		L.start = nm->ovr[ilvl].start;
	if (L.fmt == 0 || L.fmt == 3)
		return -1;
	if (L.start >= 0)
		*start = (uint32_t)L.start;
	return L.fmt == 2 ? 1 : 0;
}
