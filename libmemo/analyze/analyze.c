/*
 * analyze.c - memo_analyze(): segment every prose block into sentences
 * and tokens, annotate them (lexicon hits kept or dropped by context
 * rules, passive clauses, metric expressions, undefined acronyms), and
 * add up the counts behind every metric.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "hedge.h"
#include "wordforms.h"
#include "wordkey.h"
#include "words.h"

#define GROW(ptr, n, cap, extra) \
	s_grow((void **)&(ptr), sizeof *(ptr), (n), &(cap), (extra))

static int s_grow(void **ptr, size_t elem, size_t n, size_t *cap,
	size_t extra)
{
	if (n + extra <= *cap)
		return MEMO_OK;
	if (extra > SIZE_MAX - n || n + extra > SIZE_MAX / 2 / elem)
		return memo__error_oom();
	/* at least double (appends stay amortised O(1)), but a block
	 * sized at once gets what it asks for, not the next power of two */
	size_t c = *cap ? *cap * 2 : 64;
	if (c < n + extra)
		c = n + extra;
	void *p = memo__realloc(*ptr, c * elem);
	if (!p)
		return memo__error_oom();
	*ptr = p;
	*cap = c;
	return MEMO_OK;
}

/* The kinds of token s_first() finds. */
enum {
	S_FIRST_OWNER,       /* a word of MEMO__WL_OWNER */
	S_FIRST_NAME,        /* a capitalised word that is not a starter */
	S_FIRST_REPORT_PAST, /* a past verb of saying or deciding */
	S_FIRST_PREFERENCE,  /* a verb of preference */
	S_FIRST_COUNT
};
#define S_UNKNOWN SIZE_MAX

/* Per-call scratch state: nothing here is shared between threads. */
typedef struct s_ctx {
	const memo_analyzer *an;
	memo_report *r;
	size_t capsents, capparas, capanns;
	memo__sentvec sv;
	memo__tokvec tv;
	/* word tokens of the current sentence, for the matcher */
	uint32_t *ws, *we, *wmap;
	memo__lex_word *wlex;
	size_t capws, capwe, capwmap, capwlex;
	memo__lex_hit *hits;
	size_t nhits, caphits;
	/* the causal hits of the sentence as first << 32 | last, sorted */
	uint64_t *causal;
	size_t ncausal, capcausal;
	/* clauses of the current block, for the context rules: token k is
	 * in clause cl[k], made of the tokens [cl_from[i], cl_to[i]);
	 * qpre[k] counts the quantities among tokens [0, k) */
	uint32_t *cl, *cl_from, *cl_to, *qpre;
	size_t capcl, capcl_from, capcl_to, capqpre;
	/* the current sentence: its token range; made when the sentence
	 * gets its first such annotation (has_passive, has_attr), for each
	 * of its tokens (index k - t0): whether it is inside a passive
	 * annotation, and the first attribution annotation over it
	 * (UINT32_MAX: none); computed on first use, the first token of
	 * each S_FIRST_ kind in it (S_UNKNOWN: not yet looked for; t1:
	 * none) */
	bool *passive;
	uint32_t *attr;
	size_t cappassive, capattr;
	bool has_passive, has_attr;
	size_t t0, t1;
	size_t first[S_FIRST_COUNT];
	/* acronyms seen so far: open addressing over 64-bit hashes */
	uint64_t *acr;
	size_t nacr, capacr;
	/* distinct word forms of the document, and the form of each token
	 * of the current block */
	memo__wforms wf;
	uint32_t *tform;
	size_t captform;
	/* current block */
	const memo_node *node;
	const char *text;
	size_t text_len;
} s_ctx;


/* ---- helpers over tokens ------------------------------------------------ */

static const char *s_tok(const s_ctx *c, size_t k, size_t *len)
{
	const memo__token *t = &c->tv.v[k];
	*len = t->end - t->start;
	return c->text + t->start;
}

/* Is token k in word list wl (memo__wl_has), or does it pass the test wl
 * of wordforms.h? Computed once per distinct form. */
static bool s_tok_is(const s_ctx *c, size_t k, int wl)
{
	return memo__wforms_is(&c->wf, c->tform[k], wl);
}

/* The word lists that hold token k's form (memo__wforms_lists). */
static inline uint32_t s_tok_lists(const s_ctx *c, size_t k)
{
	return memo__wforms_lists(&c->wf, c->tform[k]);
}

#define S_BIT(wl) (1u << (wl))

/* Is token k the word w (lower-case ASCII letters), ignoring case? */
static inline bool s_tok_eq(const s_ctx *c, size_t k, const char *w)
{
	size_t len;
	const char *s = s_tok(c, k, &len);
	return len == strlen(w) && memo__wk_eq_lower(s, w, len);
}

static bool s_is_word(const memo__token *t)
{
	return t->kind == MEMO__TOK_WORD || t->kind == MEMO__TOK_ACRONYM;
}

/* A quantity: percent, money, duration, or a plain number that is not a
 * year, an ordinal, a version or a clock time. */
static bool s_is_quantity(const memo__token *t)
{
	switch (t->kind) {
	case MEMO__TOK_PERCENT:
	case MEMO__TOK_CURRENCY:
	case MEMO__TOK_DURATION:
		return true;
	case MEMO__TOK_NUMBER:
		return !(t->flags & (MEMO__TOKF_YEAR | MEMO__TOKF_ORDINAL |
			MEMO__TOKF_VERSION | MEMO__TOKF_TIME));
	default:
		return false;
	}
}

static bool s_is_numeric(const memo__token *t)
{
	return s_is_quantity(t) || t->kind == MEMO__TOK_NUMBER ||
	       t->kind == MEMO__TOK_DATE;
}

static bool s_is_clause_punct(const s_ctx *c, size_t k)
{
	const memo__token *t = &c->tv.v[k];
	if (t->kind != MEMO__TOK_PUNCT)
		return false;
	unsigned char ch = (unsigned char)c->text[t->start];
	return ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')' ||
	       ch == 0xE2; /* en and em dashes (U+2013, U+2014) */
}

/* ---- annotations --------------------------------------------------------- */

/* Attribution annotation i covers tokens [k0, k1] of the sentence (its
 * marks exist: has_attr). */
static void s_mark_attribution(s_ctx *c, uint32_t i, size_t k0, size_t k1)
{
	for (size_t k = k0; k <= k1; k++)
		if (c->attr[k - c->t0] > i)
			c->attr[k - c->t0] = i;
}

/* Make the sentence's passive or attribution marks, all clear. */
static int s_marks(s_ctx *c, memo__kind kind)
{
	size_t n = c->t1 - c->t0;
	if (kind == MEMO__K_PASSIVE && !c->has_passive) {
		if (GROW(c->passive, 0, c->cappassive, n + 1) != MEMO_OK)
			return MEMO_ENOMEM;
		memset(c->passive, 0, n * sizeof *c->passive);
		c->has_passive = true;
	}
	if (kind == MEMO__K_ATTRIBUTION && !c->has_attr) {
		if (GROW(c->attr, 0, c->capattr, n + 1) != MEMO_OK)
			return MEMO_ENOMEM;
		memset(c->attr, 0xff, n * sizeof *c->attr);
		c->has_attr = true;
	}
	return MEMO_OK;
}

static int s_annotate(s_ctx *c, memo__kind kind, size_t k0, size_t k1,
	const char *entry, const char *repl, float weight)
{
	memo_report *r = c->r;
	if (GROW(r->anns, r->nanns, c->capanns, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	memo_annotation *a = &r->anns[r->nanns];
	memset(a, 0, sizeof *a);
	uint64_t s = 0, e = 0;
	memo_node_text_to_doc(c->node, c->tv.v[k0].start, &s);
	memo__node_text_end_to_doc(c->node, c->tv.v[k1].end, &e);
	a->start = s;
	a->end = e < s ? s : e;
	a->entry = entry;
	a->replacement = repl;
	a->doc = r->doc;
	a->sentence = (uint32_t)r->nsents;
	a->kind = (uint16_t)kind;
	a->weight = weight;
	if ((kind == MEMO__K_PASSIVE || kind == MEMO__K_ATTRIBUTION) &&
	    s_marks(c, kind) != MEMO_OK)
		return MEMO_ENOMEM;
	if (kind == MEMO__K_ATTRIBUTION)
		s_mark_attribution(c, (uint32_t)r->nanns, k0, k1);
	if (kind == MEMO__K_PASSIVE)
		for (size_t k = k0; k <= k1; k++)
			c->passive[k - c->t0] = true;
	r->nanns++;
	return MEMO_OK;
}

/* An owned copy of a string in the report (entries added by
 * configuration live in the analyzer, which reports must not need). */
static const char *s_keep(s_ctx *c, const char *s, bool owned)
{
	if (!s || !owned)
		return s;
	return memo__arena_strndup(&c->r->arena, s, strlen(s));
}

/* ---- metric expressions -------------------------------------------------- */

static bool s_is_percentile(const char *s, size_t len)
{
	size_t i = 0;
	if (len >= 2 && (s[0] == 't' || s[0] == 'T') &&
	    (s[1] == 'p' || s[1] == 'P'))
		i = 1;
	if (i >= len || (s[i] != 'p' && s[i] != 'P'))
		return false;
	i++;
	size_t digits = 0;
	for (; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '.')
			return false;
	}
	return digits >= 2;
}

/* Could token k be the unit noun of a count ("6,000 accounts")? A
 * lower-case word that is not a function word, a verb form in -ed/-ing
 * or an -ly adverb. */
static bool s_is_unit_noun(const s_ctx *c, size_t k)
{
	const memo__token *t = &c->tv.v[k];
	size_t len;
	const char *s = s_tok(c, k, &len);
	if (t->kind != MEMO__TOK_WORD || (t->flags & MEMO__TOKF_CAPITAL) ||
	    len < 2)
		return false;
	if (s_tok_is(c, k, MEMO__WL_STARTER) ||
	    s_tok_is(c, k, MEMO__WL_DETERMINER))
		return false;
	if ((len > 4 && memo__wk_eq_lower(s + len - 2, "ed", 2)) ||
	    (len > 5 && memo__wk_eq_lower(s + len - 3, "ing", 3)) ||
	    (len > 4 && memo__wk_eq_lower(s + len - 2, "ly", 2)))
		return false;
	return true;
}

/* Mark metric expressions in tokens [t0, t1); returns how many. */
static int s_metrics(s_ctx *c, size_t t0, size_t t1, int *count)
{
	const memo__token *tv = c->tv.v;
	int n = 0, rc;
	for (size_t k = t0; k < t1; k++) {
		const memo__token *t = &tv[k];
		if (t->kind == MEMO__TOK_PUNCT)
			continue; /* none of the tests below */
		if (t->kind == MEMO__TOK_WORD) {
			/* a word is only "from" or a percentile (p95, tp99) */
			unsigned ch = (unsigned char)c->text[t->start] | 0x20u;
			if (ch != 'f' && ch != 'p' && ch != 't')
				continue;
		}
		const char *entry = NULL;
		size_t k1 = k;
		size_t len;
		const char *s = s_tok(c, k, &len);
		/* a delta: "from X to Y" */
		if (t->kind == MEMO__TOK_WORD && s_tok_eq(c, k, "from") &&
		    k + 3 < t1 && s_is_quantity(&tv[k + 1]) &&
		    s_tok_eq(c, k + 2, "to") && s_is_quantity(&tv[k + 3])) {
			entry = "delta";
			k1 = k + 3;
		} else if (t->kind == MEMO__TOK_PERCENT) {
			entry = "percent";
		} else if (t->kind == MEMO__TOK_CURRENCY) {
			entry = "currency";
		} else if (t->kind == MEMO__TOK_DURATION) {
			entry = "duration";
		} else if (t->kind == MEMO__TOK_NUMBER &&
		           (t->flags & MEMO__TOKF_MULTIPLIER)) {
			entry = "multiplier";
		} else if (s_is_quantity(t)) {
			/* a count with a unit noun, or a number in a phrase of
			 * quantity ("to 57", "by 3"), or a number with decimals
			 * or thousands separators */
			bool unit = k + 1 < t1 && s_is_unit_noun(c, k + 1);
			bool prev = k > t0 && s_tok_is(c, k - 1,
				MEMO__WL_NUM_PREV);
			bool sep = memchr(s, '.', len) || memchr(s, ',', len);
			if (unit) {
				entry = "count";
				k1 = k + 1;
			} else if (prev || sep) {
				entry = "number";
			}
		} else if ((t->kind == MEMO__TOK_WORD ||
		            t->kind == MEMO__TOK_CODE ||
		            t->kind == MEMO__TOK_ACRONYM) &&
		           s_is_percentile(s, len)) {
			entry = "percentile";
		} else if (t->kind == MEMO__TOK_ACRONYM &&
		           s_tok_is(c, k, MEMO__WL_NAMED_METRIC)) {
			entry = "named";
		}
		if (!entry)
			continue;
		if ((rc = s_annotate(c, MEMO__K_METRIC, k, k1, entry, NULL,
			1.0f)) != 0)
			return rc;
		n++;
		k = k1;
	}
	*count = n;
	return MEMO_OK;
}

/* ---- passive voice ------------------------------------------------------- */

static bool s_is_participle(const s_ctx *c, size_t k)
{
	size_t len;
	const char *s = s_tok(c, k, &len);
	if (c->tv.v[k].kind != MEMO__TOK_WORD || len < 3)
		return false;
	if (s_tok_is(c, k, MEMO__WL_NOT_PARTICIPLE))
		return false;
	if (len > 3 && memo__wk_eq_lower(s + len - 2, "ed", 2))
		return !(len > 3 && memo__wk_eq_lower(s + len - 3, "eed", 3));
	return s_tok_is(c, k, MEMO__WF_IRREGULAR);
}

/* Is the passive ending in participle j an unsupported attribution (the
 * caller checked that no "by" agent follows)? "is said to", "was claimed
 * that", "is regarded as", "is considered the best", "is known for",
 * "has been criticized". Not: "was considered." (evaluated), "was
 * considered for the role", "is known as" (a name), "was reported at
 * 3 am" (a fact). */
static bool s_passive_attribution(const s_ctx *c, size_t j, size_t t1)
{
	size_t len;
	const char *s = s_tok(c, j, &len);
	if (s_tok_is(c, j, MEMO__WL_ATTR_EVAL))
		return true;
	if (j + 1 >= t1)
		return false;
	if (s_tok_is(c, j, MEMO__WL_ATTR_REPORT))
		return s_tok_eq(c, j + 1, "to") || s_tok_eq(c, j + 1, "that");
	if (!s_tok_is(c, j, MEMO__WL_ATTR_JUDGE))
		return false;
	bool known = len == 5 && memo__wk_eq_lower(s, "known", 5);
	if (known)
		return s_tok_eq(c, j + 1, "for") || s_tok_eq(c, j + 1, "to");
	if (s_tok_eq(c, j + 1, "as"))
		return true;
	bool complement = (len == 10 && memo__wk_eq_lower(s, "considered", 10)) ||
		(len == 6 && memo__wk_eq_lower(s, "deemed", 6));
	if (!complement)
		return s_tok_eq(c, j + 1, "to") &&
			(len != 9 || !memo__wk_eq_lower(s, "described", 9));
	const memo__token *t = &c->tv.v[j + 1];
	return (t->kind == MEMO__TOK_WORD || t->kind == MEMO__TOK_ACRONYM) &&
		!s_tok_is(c, j + 1, MEMO__WL_NOT_COMPLEMENT);
}

/* A reduced passive of judging at the start of a clause, with no be-form
 * and no agent: "Berruguete, considered the most important sculptor",
 * "he is left-handed and regarded as one of the best", "Described as a
 * pioneer, ...". Needs "as" after it (or "to be", "one of", "the most",
 * "the best" after considered and deemed), so the active "and considered
 * Option B" is not one. */
static bool s_reduced_attribution(const s_ctx *c, size_t t0, size_t t1,
	size_t k)
{
	size_t len;
	const char *s = s_tok(c, k, &len);
	if (!s_tok_is(c, k, MEMO__WL_ATTR_JUDGE) || k + 1 >= t1 ||
	    (len == 5 && memo__wk_eq_lower(s, "known", 5)))
		return false;
	bool opens = k == t0 || s_is_clause_punct(c, k - 1) ||
		s_tok_eq(c, k - 1, "and") || s_tok_eq(c, k - 1, "but");
	if (!opens || (k > t0 && s_tok_is(c, k - 1, MEMO__WL_BE)))
		return false;
	if (s_tok_eq(c, k + 1, "as"))
		return true;
	bool complement = (len == 10 && memo__wk_eq_lower(s, "considered", 10)) ||
		(len == 6 && memo__wk_eq_lower(s, "deemed", 6));
	return complement && k + 2 < t1 &&
		((s_tok_eq(c, k + 1, "to") && s_tok_eq(c, k + 2, "be")) ||
		 (s_tok_eq(c, k + 1, "one") && s_tok_eq(c, k + 2, "of")) ||
		 (s_tok_eq(c, k + 1, "the") && (s_tok_eq(c, k + 2, "most") ||
		  s_tok_eq(c, k + 2, "best") || s_tok_eq(c, k + 2, "greatest") ||
		  s_tok_eq(c, k + 2, "finest") || s_tok_eq(c, k + 2, "leading"))));
}

/* The words a passive clause or a reduced attribution starts with. */
#define S_PASSIVE_HEADS (S_BIT(MEMO__WL_ATTR_JUDGE) | S_BIT(MEMO__WL_BE) | \
	S_BIT(MEMO__WL_GET))

/* Passive clauses in tokens [t0, t1): a be- or get-form, up to two
 * adverbs, then a participle that is not an adjective (unless "by"
 * follows). */
static int s_passive(s_ctx *c, size_t t0, size_t t1, int *count)
{
	int n = 0, rc;
	for (size_t k = t0; k < t1; k++) {
		if (c->tv.v[k].kind != MEMO__TOK_WORD ||
		    !(s_tok_lists(c, k) & S_PASSIVE_HEADS))
			continue;
		if (s_reduced_attribution(c, t0, t1, k) &&
		    (rc = s_annotate(c, MEMO__K_ATTRIBUTION, k, k,
			"agentless participle", NULL, 1.0f)) != 0)
			return rc;
		bool be = s_tok_is(c, k, MEMO__WL_BE);
		bool get = !be && s_tok_is(c, k, MEMO__WL_GET);
		if (!be && !get)
			continue;
		size_t j = k + 1, adverbs = 0;
		while (j < t1 && adverbs < 2 && c->tv.v[j].kind ==
		       MEMO__TOK_WORD) {
			size_t len;
			const char *s = s_tok(c, j, &len);
			bool ly = len > 4 && memo__wk_eq_lower(s + len - 2, "ly", 2);
			if (!ly && !s_tok_is(c, j, MEMO__WL_PASSIVE_ADV))
				break;
			j++;
			adverbs++;
		}
		if (j >= t1 || !s_is_participle(c, j))
			continue;
		bool by = j + 1 < t1 && s_tok_eq(c, j + 1, "by");
		if (get && s_tok_eq(c, j, "started"))
			continue; /* "getting started" is an idiom */
		if (!by && s_tok_is(c, j, MEMO__WL_ADJ_PARTICIPLE))
			continue;
		if ((rc = s_annotate(c, MEMO__K_PASSIVE, k, j, get ?
			"get+participle" : "be+participle", NULL, 1.0f)) != 0)
			return rc;
		if (!by && !get && s_passive_attribution(c, j, t1) &&
		    (rc = s_annotate(c, MEMO__K_ATTRIBUTION, k, j,
			"agentless passive", NULL, 1.0f)) != 0)
			return rc;
		n++;
		k = j;
	}
	*count = n;
	return MEMO_OK;
}

/* ---- acronyms ------------------------------------------------------------ */

static uint64_t s_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h ? h : 1;
}

/* Insert h; returns true when it was new. */
static int s_acr_insert(s_ctx *c, uint64_t h, bool *fresh)
{
	if (c->nacr * 2 >= c->capacr) {
		size_t cap = c->capacr ? c->capacr * 2 : 64;
		uint64_t *t = memo__calloc(cap, sizeof *t);
		if (!t)
			return memo__error_oom();
		for (size_t i = 0; i < c->capacr; i++) {
			if (!c->acr[i])
				continue;
			size_t j = c->acr[i] & (cap - 1);
			while (t[j])
				j = (j + 1) & (cap - 1);
			t[j] = c->acr[i];
		}
		memo__free(c->acr);
		c->acr = t;
		c->capacr = cap;
	}
	size_t j = h & (c->capacr - 1);
	while (c->acr[j]) {
		if (c->acr[j] == h) {
			*fresh = false;
			return MEMO_OK;
		}
		j = (j + 1) & (c->capacr - 1);
	}
	c->acr[j] = h;
	c->nacr++;
	*fresh = true;
	return MEMO_OK;
}

static bool s_punct_is(const s_ctx *c, size_t k, char ch)
{
	const memo__token *t = &c->tv.v[k];
	return t->kind == MEMO__TOK_PUNCT && c->text[t->start] == ch;
}

/* First uses of acronyms with no expansion next to them. */
static int s_acronyms(s_ctx *c, size_t t0, size_t t1, int *count)
{
	int n = 0, rc;
	for (size_t k = t0; k < t1; k++) {
		const memo__token *t = &c->tv.v[k];
		if (t->kind != MEMO__TOK_ACRONYM)
			continue;
		size_t len;
		const char *s = s_tok(c, k, &len);
		/* Latin capitals, digits and & only: a run of caseless
		 * script (Chinese, Japanese) is not an acronym */
		size_t letters = 0;
		bool latin = true;
		for (size_t i = 0; i < len && latin; i++) {
			if (s[i] >= 'A' && s[i] <= 'Z')
				letters++;
			else if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '&' ||
			         s[i] == '.' || (s[i] == 's' && i == len - 1)))
				latin = false;
		}
		if (!latin || letters < 2 || len > 12)
			continue;
		/* a run of capitalised words is emphasis or a dateline
		 * ("SAN FRANCISCO, Calif."), not an acronym */
		if ((k > t0 && (c->tv.v[k - 1].flags & MEMO__TOKF_ALLCAPS) &&
		     memo__token_is_word(&c->tv.v[k - 1])) ||
		    (k + 1 < t1 && (c->tv.v[k + 1].flags & MEMO__TOKF_ALLCAPS) &&
		     memo__token_is_word(&c->tv.v[k + 1]) &&
		     c->tv.v[k + 1].kind != MEMO__TOK_NUMBER))
			continue;
		/* a press-release dateline opening its block, "SEATTLE,
		 * WA": a place in capitals and, after the comma, its
		 * region */
		if (k == t0 && k + 2 < t1 && letters >= 4 &&
		    s_punct_is(c, k + 1, ',')) {
			/* the region: a postal code or a capitalised name */
			const memo__token *g = &c->tv.v[k + 2];
			if ((g->kind == MEMO__TOK_ACRONYM &&
			     g->end - g->start == 2) ||
			    (g->kind == MEMO__TOK_WORD &&
			     (g->flags & MEMO__TOKF_CAPITAL) &&
			     !(g->flags & MEMO__TOKF_ALLCAPS)))
				continue;
		}
		if (k == t0 + 2 && len == 2 && s_punct_is(c, k - 1, ',') &&
		    c->tv.v[t0].kind == MEMO__TOK_ACRONYM &&
		    c->tv.v[t0].end - c->tv.v[t0].start >= 4)
			continue;
		/* a plural "APIs" is the same acronym */
		size_t base = len;
		if (base > 2 && s[base - 1] == 's')
			base--;
		bool fresh;
		if ((rc = s_acr_insert(c, s_hash(s, base), &fresh)) != 0)
			return rc;
		if (!fresh || s_tok_is(c, k, MEMO__WL_ACRONYM_OK) ||
		    memo__wl_has(MEMO__WL_ACRONYM_OK, s, base))
			continue;
		/* "Net Promoter Score (NPS)" or "NPS (Net Promoter Score)" */
		bool defined = (k > t0 && s_punct_is(c, k - 1, '(')) ||
			(k + 1 < t1 && s_punct_is(c, k + 1, '('));
		if (defined)
			continue;
		const char *entry = memo__arena_strndup(&c->r->arena, s, len);
		if (!entry)
			return memo__error_oom();
		if ((rc = s_annotate(c, MEMO__K_ACRONYM, k, k, entry, NULL,
			1.0f)) != 0)
			return rc;
		n++;
	}
	*count = n;
	return MEMO_OK;
}

/* ---- repeated words ---------------------------------------------------- */

/* "the the": a word token equal (ignoring case) to the one before it,
 * with only white space between. "had had" and "that that" can be right
 * and are left alone. */
static int s_repeated(s_ctx *c, size_t t0, size_t t1)
{
	for (size_t k = t0 + 1; k < t1; k++) {
		/* one form: the same bytes up to ASCII case (wordforms.h) */
		if (c->tform[k] != c->tform[k - 1])
			continue;
		const memo__token *a = &c->tv.v[k - 1], *b = &c->tv.v[k];
		if (a->kind != MEMO__TOK_WORD || b->kind != MEMO__TOK_WORD)
			continue;
		bool space = true;
		for (uint32_t i = a->end; i < b->start && space; i++)
			space = c->text[i] == ' ' || c->text[i] == '\t' ||
				c->text[i] == '\n';
		if (!space || s_tok_eq(c, k, "had") || s_tok_eq(c, k, "that"))
			continue;
		int rc = s_annotate(c, MEMO__K_REPEATED, k, k, "repeated word",
			NULL, 1.0f);
		if (rc)
			return rc;
	}
	return MEMO_OK;
}

/* ---- lexicon hits and their context rules -------------------------------- */

static int s_collect_hit(void *ud, const memo__lex_hit *hit)
{
	s_ctx *c = ud;
	if (GROW(c->hits, c->nhits, c->caphits, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	c->hits[c->nhits++] = *hit;
	if (hit->cls == MEMO__LEX_CAUSAL) {
		if (GROW(c->causal, c->ncausal, c->capcausal, 1) != MEMO_OK)
			return MEMO_ENOMEM;
		c->causal[c->ncausal++] = (uint64_t)hit->first << 32 |
			hit->last;
	}
	return 0;
}

static int s_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static const memo__kind s_class_kind[MEMO__LEX_NCLASSES] = {
	[MEMO__LEX_HEDGE] = MEMO__K_HEDGE,
	[MEMO__LEX_BOOSTER] = MEMO__K_BOOSTER,
	[MEMO__LEX_VAGUE] = MEMO__K_VAGUE,
	[MEMO__LEX_ATTRIBUTION] = MEMO__K_ATTRIBUTION,
	[MEMO__LEX_FILLER] = MEMO__K_FILLER,
	[MEMO__LEX_NOMINALIZATION] = MEMO__K_NOMINALIZATION,
	[MEMO__LEX_ADVERB] = MEMO__K_ADVERB,
	[MEMO__LEX_ACTIVITY] = MEMO__K_ACTIVITY,
	[MEMO__LEX_DECISION] = MEMO__K_DECISION,
	[MEMO__LEX_TRADEOFF] = MEMO__K_TRADEOFF,
	[MEMO__LEX_CAUSAL] = MEMO__K_CAUSAL,
	[MEMO__LEX_SLOGAN] = MEMO__K_SLOGAN,
	[MEMO__LEX_CLICHE] = MEMO__K_CLICHE,
};

/* Does the clause holding token k have a quantity? */
static bool s_clause_has_number(const s_ctx *c, size_t t0, size_t t1,
	size_t k)
{
	size_t from = c->cl_from[c->cl[k]], to = c->cl_to[c->cl[k]];
	size_t lo = from > t0 ? from : t0;
	size_t hi = to < t1 ? to : t1;
	return lo < hi && c->qpre[hi] > c->qpre[lo];
}

/* Is a metric expression in tokens (k, end of clause)? */
static bool s_metric_after(const s_ctx *c, size_t k, size_t t1)
{
	size_t to = c->cl_to[c->cl[k]];
	size_t hi = to < t1 ? to : t1;
	return k + 1 < hi && c->qpre[hi] > c->qpre[k + 1];
}

/* The first token of kind `which` (S_FIRST_) in the current sentence, or
 * its end; looked for once per sentence. */
static bool s_first_is(s_ctx *c, int which, size_t k)
{
	const memo__token *t = &c->tv.v[k];
	switch (which) {
	case S_FIRST_OWNER:
		return (t->kind == MEMO__TOK_WORD ||
			t->kind == MEMO__TOK_ACRONYM) &&
			s_tok_is(c, k, MEMO__WL_OWNER);
	case S_FIRST_NAME:
		return (t->kind == MEMO__TOK_WORD ||
			t->kind == MEMO__TOK_ACRONYM) &&
			(t->flags & MEMO__TOKF_CAPITAL) &&
			!s_tok_is(c, k, MEMO__WL_STARTER);
	case S_FIRST_REPORT_PAST:
		return t->kind == MEMO__TOK_WORD &&
			s_tok_is(c, k, MEMO__WL_REPORT_PAST);
	default:
		return t->kind == MEMO__TOK_WORD &&
			s_tok_is(c, k, MEMO__WF_PREFERENCE);
	}
}

static size_t s_first(s_ctx *c, int which)
{
	if (c->first[which] == S_UNKNOWN) {
		size_t k = c->t0;
		while (k < c->t1 && !s_first_is(c, which, k))
			k++;
		c->first[which] = k;
	}
	return c->first[which];
}

/* ---- context-rule helpers ------------------------------------------------ */

static bool s_tok_ends(const s_ctx *c, size_t k, const char *suffix)
{
	size_t len, n = strlen(suffix);
	const char *s = s_tok(c, k, &len);
	return len > n && strncasecmp(s + len - n, suffix, n) == 0;
}

/* Is a quantity next to the vague cue over [k0, k1]: in its clause
 * ("3x faster"), at the start of the next clause ("grew significantly,
 * by 40%") or in a parenthesis that opens within three tokens after it
 * ("many (42%)", "most customers (61%)")? Years, ordinals and versions
 * are not quantities. */
static bool s_number_near(const s_ctx *c, size_t t0, size_t t1, size_t k0,
	size_t k1)
{
	if (s_clause_has_number(c, t0, t1, k0))
		return true;
	/* "grew significantly, by 40%": the next clause starts with the
	 * number, or with "by/to/from/of ..." and the number */
	size_t e = c->cl_to[c->cl[k1]];
	if (e > t1)
		e = t1;
	if (e + 1 < t1 && !s_punct_is(c, e, '(') && !s_punct_is(c, e, ')')) {
		size_t n = e + 1;
		if (n + 1 < t1 && s_tok_is(c, n, MEMO__WL_NUM_PREV))
			n++;
		if (s_is_quantity(&c->tv.v[n]))
			return true;
	}
	for (size_t i = k1 + 1; i < t1 && i <= k1 + 4; i++) {
		if (!s_punct_is(c, i, '('))
			continue;
		for (size_t j = i + 1; j < t1 && !s_punct_is(c, j, ')'); j++)
			if (s_is_quantity(&c->tv.v[j]))
				return true;
		return false;
	}
	return false;
}

/* "most" as the superlative of an adjective or adverb, not a quantity:
 * after a determiner, a possessive or a be-form ("the most common", "its
 * most basic", "the nation's most rigorous", "is most common"), or before
 * an -ly adverb ("most notably"), at the end of a clause ("the pages
 * we use most,") or before an adjective ending ("most popular", "most
 * effective"). */
static bool s_superlative_most(const s_ctx *c, size_t t0, size_t t1,
	size_t k0, size_t k1)
{
	if (k1 != k0 || !s_tok_eq(c, k0, "most"))
		return false;
	if (k0 > t0 && c->tv.v[k0 - 1].kind == MEMO__TOK_WORD &&
	    (s_tok_is(c, k0 - 1, MEMO__WL_DETERMINER) ||
	     s_tok_is(c, k0 - 1, MEMO__WL_BE) ||
	     s_tok_ends(c, k0 - 1, "'s") || s_tok_ends(c, k0 - 1, "\u2019s")))
		return true;
	/* "the pages that customers read most." */
	if (k1 + 1 >= t1 || c->tv.v[k1 + 1].kind == MEMO__TOK_PUNCT)
		return k0 > t0;
	if (c->tv.v[k1 + 1].kind == MEMO__TOK_WORD) {
		size_t len;
		const char *s = s_tok(c, k1 + 1, &len);
		if (len > 4 && memo__wk_eq_lower(s + len - 2, "ly", 2))
			return true;
		if (s_tok_is(c, k1 + 1, MEMO__WF_ADJ_SUFFIX) &&
		    !(len > 1 && (s[len - 1] == 's' || s[len - 1] == 'S')))
			return true;
	}
	return false;
}

/* "how many", "how much", "as many ... as possible", "as much as we
 * can": a question or a maximum, not a vague amount. */
static bool s_not_vague_amount(const s_ctx *c, size_t t0, size_t t1,
	size_t k0, size_t k1)
{
	/* "as many as possible", "as much as we can" */
	if (k1 == k0 + 2 && s_tok_eq(c, k0, "as") && s_tok_eq(c, k1, "as") &&
	    k1 + 1 < t1 && (s_tok_eq(c, k1 + 1, "possible") ||
	    s_tok_is(c, k1 + 1, MEMO__WL_OWNER)))
		return true;
	if (!s_tok_eq(c, k0, "many") && !s_tok_eq(c, k0, "much"))
		return false;
	if (k0 > t0 && s_tok_eq(c, k0 - 1, "how"))
		return true;
	if (k0 > t0 && s_tok_eq(c, k0 - 1, "as"))
		for (size_t i = k0 + 1; i + 1 < t1 && i <= k0 + 8; i++)
			if (s_tok_eq(c, i, "as") && s_tok_eq(c, i + 1, "possible"))
				return true;
	return false;
}

/* "would" as the future of a past moment, not a hedge: after a past verb
 * of saying or deciding ("we announced that we would ship", "he said it
 * would close") or in narration ("would later become", "would go on to"). */
static bool s_would_future_in_past(s_ctx *c, size_t t1,
	size_t k0, size_t k1)
{
	if (k1 != k0 || !s_tok_eq(c, k0, "would"))
		return false;
	/* a counterfactual about the past: "would have cost" */
	if (k1 + 2 < t1 && s_tok_eq(c, k1 + 1, "have") &&
	    c->tv.v[k1 + 2].kind == MEMO__TOK_WORD)
		return true;
	/* narration: "would later become", "would soon define", "would once
	 * again lose", "would go on to", "would continue" */
	static const char *const narr[] = { "again", "continue", "eventually",
		"later", "once", "soon", "subsequently", "ultimately" };
	for (size_t j = k1 + 1; j < t1 && j <= k1 + 2; j++) {
		for (size_t i = 0; i < sizeof narr / sizeof *narr; i++)
			if (s_tok_eq(c, j, narr[i]))
				return true;
		if (s_tok_eq(c, j, "go") && j + 1 < t1 &&
		    s_tok_eq(c, j + 1, "on"))
			return true;
	}
	return s_first(c, S_FIRST_REPORT_PAST) < k0;
}

/* A modal of purpose, not a hedge: "so we could ship", "so that the team
 * would know" ("so" or "so that", then a subject of up to three words). */
static bool s_purpose_modal(const s_ctx *c, size_t t0, size_t k0, size_t k1)
{
	if (k1 != k0 || !(s_tok_eq(c, k0, "could") || s_tok_eq(c, k0, "would") ||
	    s_tok_eq(c, k0, "might")))
		return false;
	for (size_t back = 2; back <= 4 && back <= k0 - t0; back++) {
		size_t i = k0 - back;
		if (c->tv.v[i + 1].kind != MEMO__TOK_WORD)
			return false;
		if (s_tok_eq(c, i, "so") || (s_tok_eq(c, i, "that") && i > t0 &&
		    s_tok_eq(c, i - 1, "so")))
			return true;
	}
	return false;
}

/* A verb of seeming or believing used in another sense: "appeared in the
 * film" / "the error appears at login" / "a dialog appears." (show up),
 * "we believe in ownership" (support). */
static bool s_not_epistemic(const s_ctx *c, size_t t1, size_t k0, size_t k1)
{
	size_t len;
	const char *s = s_tok(c, k1, &len);
	bool appear = k1 == k0 && len >= 6 && memo__wk_eq_lower(s, "appear", 6);
	bool believe = len >= 7 && memo__wk_eq_lower(s, "believ", 6);
	if (!appear && !believe)
		return false;
	if (believe) /* "believe", "we believe", "I believe" */
		return k1 + 1 < t1 && s_tok_eq(c, k1 + 1, "in");
	if (k1 + 1 >= t1 || c->tv.v[k1 + 1].kind == MEMO__TOK_PUNCT)
		return true;
	return s_tok_is(c, k1 + 1, MEMO__WL_APPEAR_PLACE) ||
		s_is_numeric(&c->tv.v[k1 + 1]);
}

/* An agentless passive attribution ("is believed to") of this sentence
 * overlapping tokens [k0, k1]: its annotation index (the first), or
 * SIZE_MAX. */
static size_t s_passive_attribution_at(const s_ctx *c, size_t k0, size_t k1)
{
	uint32_t first = UINT32_MAX;
	for (size_t k = k0; c->has_attr && k <= k1; k++)
		if (c->attr[k - c->t0] < first)
			first = c->attr[k - c->t0];
	return first == UINT32_MAX ? SIZE_MAX : first;
}

/* Widen the passive attribution i to cover a lexicon attribution
 * ("it is widely believed") and take its entry: one attribution, named by
 * the lexicon. */
static void s_merge_attribution(s_ctx *c, size_t i,
	const memo__lex_hit *h, size_t k0, size_t k1)
{
	memo_annotation *a = &c->r->anns[i];
	uint64_t s = 0, e = 0;
	memo_node_text_to_doc(c->node, c->tv.v[k0].start, &s);
	memo__node_text_end_to_doc(c->node, c->tv.v[k1].end, &e);
	if (s < a->start)
		a->start = s;
	if (e > a->end)
		a->end = e;
	s_mark_attribution(c, (uint32_t)i, k0, k1);
	const memo__lex_entry *le = memo__lex_entry_at(c->an->lex, h->entry);
	if (!le || !le->text)
		return;
	if (!(le->flags & MEMO__LEX_F_ADDED)) {
		a->entry = le->text;
		return;
	}
	const char *copy = memo__arena_strndup(&c->r->arena, le->text,
		strlen(le->text));
	if (copy)
		a->entry = copy;
}

/* Keep or drop one hit over tokens [k0, k1] of sentence [t0, t1). */
static bool s_keep_hit(s_ctx *c, const memo__lex_hit *h, size_t t0,
	size_t t1, size_t k0, size_t k1, float *weight)
{
	const memo__token *tv = c->tv.v;
	uint16_t ctx = h->ctx;
	*weight = h->weight;
	if ((ctx & MEMO__LEX_CTX_NUM_NEXT) && k1 + 1 < t1 &&
	    s_is_numeric(&tv[k1 + 1]))
		return false; /* an approximator: "about 30%" */
	if ((ctx & MEMO__LEX_CTX_NUM_CLAUSE) &&
	    s_clause_has_number(c, t0, t1, k0))
		return false; /* "3x faster", "we estimate 4%" */
	if (h->cls == MEMO__LEX_VAGUE) {
		/* RULES.md 3: a vague quantity or intensifier next to a
		 * number is fine ("3x faster", "many (42%)") */
		if (s_number_near(c, t0, t1, k0, k1))
			return false;
		if (s_superlative_most(c, t0, t1, k0, k1) ||
		    s_not_vague_amount(c, t0, t1, k0, k1))
			return false;
	}
	if (h->cls == MEMO__LEX_FILLER) {
		/* RULES.md 3: a causal connective is never wordy, even when
		 * a configuration lists it as a filler ("therefore") */
		uint64_t key = (uint64_t)h->first << 32 | h->last;
		if (c->ncausal && bsearch(&key, c->causal, c->ncausal,
			sizeof *c->causal, s_cmp_u64))
			return false;
	}
	if (h->cls == MEMO__LEX_HEDGE &&
	    (s_would_future_in_past(c, t1, k0, k1) ||
	     s_purpose_modal(c, t0, k0, k1) ||
	     s_not_epistemic(c, t1, k0, k1) ||
	     memo__hedge_reported(&(memo__hspan){ c->text, tv, t0, t1,
		&c->wf, c->tform },
		k0, k1)))
		return false;
	if (h->cls == MEMO__LEX_HEDGE || h->cls == MEMO__LEX_ATTRIBUTION) {
		/* an agentless passive attribution covers the span: the
		 * hedge "believed" inside "is believed to" is part of it;
		 * a lexicon attribution ("it is widely believed") replaces
		 * the shorter passive one */
		size_t i = s_passive_attribution_at(c, k0, k1);
		if (i != SIZE_MAX) {
			if (h->cls == MEMO__LEX_ATTRIBUTION)
				s_merge_attribution(c, i, h, k0, k1);
			return false;
		}
	}
	if (ctx & MEMO__LEX_CTX_CONNECTIVE) {
		/* "so" joins clauses ("so we", ", so the team"): before a
		 * subject pronoun or a determiner anywhere, or after a
		 * clause break or "and"/"but" before anything but an
		 * adjective, an adverb or "much" ("so much", "so slow") */
		if (k1 + 1 >= t1 || tv[k1 + 1].kind == MEMO__TOK_PUNCT)
			return false;
		bool subject = tv[k1 + 1].kind == MEMO__TOK_WORD &&
			(s_tok_is(c, k1 + 1, MEMO__WL_SUBJECT) ||
			 s_tok_is(c, k1 + 1, MEMO__WL_DETERMINER));
		bool after_break = k0 == t0 || s_is_clause_punct(c, k0 - 1) ||
			(tv[k0 - 1].kind == MEMO__TOK_WORD &&
			 (s_tok_eq(c, k0 - 1, "and") ||
			  s_tok_eq(c, k0 - 1, "but")));
		if (!subject && (!after_break ||
		    s_tok_is(c, k1 + 1, MEMO__WL_SO_TARGET)))
			return false;
	}
	if ((ctx & MEMO__LEX_CTX_NOT_TIME) && k1 + 1 < t1 &&
	    (s_is_numeric(&tv[k1 + 1]) ||
	     s_tok_is(c, k1 + 1, MEMO__WL_TIME_NEXT)))
		return false; /* "since 2019", "since then" */
	if (ctx & MEMO__LEX_CTX_MONTH) {
		size_t len;
		const char *s = s_tok(c, k0, &len);
		if (k0 > t0 && s[0] >= 'A' && s[0] <= 'Z')
			return false; /* "in May" mid-sentence, capitalised */
		if (k1 + 1 < t1 && s_is_numeric(&tv[k1 + 1]))
			return false; /* "May 3" */
		if (k0 > t0 && s_tok_is(c, k0 - 1, MEMO__WL_MONTH_PREV))
			return false;
	}
	if ((ctx & MEMO__LEX_CTX_METRIC_NEXT) && !s_metric_after(c, k1, t1))
		return false;
	if ((ctx & MEMO__LEX_CTX_AFTER_PREF) &&
	    s_first(c, S_FIRST_PREFERENCE) >= k0)
		return false;
	if (ctx & MEMO__LEX_CTX_WEAK)
		*weight *= 0.5f;
	return true;
}

/* A decision has an owner: a first-person or team subject, or a name,
 * before the verb. */
static bool s_has_owner(s_ctx *c, size_t t0, size_t k0)
{
	/* After "to" the verb is an infinitive ("time to hire", "plan to
	 * cut"): only an explicit owner word makes it a decision, not a
	 * capitalised first word that may be any noun. */
	bool infinitive = k0 > t0 && s_tok_eq(c, k0 - 1, "to");
	return s_first(c, S_FIRST_OWNER) < k0 ||
		(!infinitive && s_first(c, S_FIRST_NAME) < k0);
}

static int s_cmp_ann(const void *a, const void *b)
{
	const memo_annotation *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->kind < y->kind ? -1 : x->kind > y->kind;
}

/* Add each white-space separated part of a multi-word token ("3 weeks",
 * "March 3, 2024") as a word of its own. */
static void s_add_parts(memo__readability_counts *rc, const char *p,
	size_t len, unsigned fl)
{
	size_t i = 0, part = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = memo__text_decode(p + i, len - i, &cp);
		if (memo__text_class(cp) & MEMO__CC_SPACE) {
			if (i > part)
				memo__readability_add_word(rc, p + part,
					i - part, fl);
			part = i + n;
		}
		i += n;
	}
	if (len > part)
		memo__readability_add_word(rc, p + part, len - part, fl);
}

/* ---- one sentence ---------------------------------------------------------- */

static int s_sentence(s_ctx *c, uint32_t para, uint32_t so, uint32_t se,
	size_t t0, size_t t1)
{
	memo_report *r = c->r;
	const memo__lex *lx = c->an->lex;
	int rc;
	memo__sent s;
	memset(&s, 0, sizeof s);
	s.node = c->node;
	s.paragraph = para;
	memo_node_text_to_doc(c->node, so, &s.start);
	memo__node_text_end_to_doc(c->node, se, &s.end);
	if (s.end < s.start)
		s.end = s.start;
	s.ann_first = (uint32_t)r->nanns;
	c->t0 = t0;
	c->t1 = t1;
	c->has_passive = c->has_attr = false;
	for (size_t i = 0; i < sizeof c->first / sizeof *c->first; i++)
		c->first[i] = S_UNKNOWN;

	/* sizes and readability counts */
	memo__readability_counts rc0;
	memset(&rc0, 0, sizeof rc0);
	size_t nw = 0;
	if (GROW(c->ws, 0, c->capws, t1 - t0 + 1) != MEMO_OK ||
	    GROW(c->we, 0, c->capwe, t1 - t0 + 1) != MEMO_OK ||
	    GROW(c->wmap, 0, c->capwmap, t1 - t0 + 1) != MEMO_OK ||
	    GROW(c->wlex, 0, c->capwlex, t1 - t0 + 1) != MEMO_OK)
		return MEMO_ENOMEM;
	/* the token kinds in the sentence, and the word lists of its
	 * words: rules that need neither are skipped */
	uint32_t kinds = 0, lists = 0;
	for (size_t k = t0; k < t1; k++) {
		const memo__token *t = &c->tv.v[k];
		kinds |= 1u << t->kind;
		if (t->kind == MEMO__TOK_WORD)
			lists |= s_tok_lists(c, k);
		if (!memo__token_is_word(t))
			continue;
		const char *p = c->text + t->start;
		size_t len = t->end - t->start;
		unsigned fl = 0;
		if (k > t0 && (t->flags & MEMO__TOKF_CAPITAL) &&
		    !(t->flags & MEMO__TOKF_ALLCAPS))
			fl |= MEMO__RW_PROPER;
		if (t->nwords > 1)
			s_add_parts(&rc0, p, len, fl);
		else
			memo__readability_add(&rc0,
				memo__wforms_rw(&c->wf, c->tform[k]), fl);
		if (s_is_word(t)) {
			c->ws[nw] = t->start;
			c->we[nw] = t->end;
			c->wmap[nw] = (uint32_t)k;
			c->wlex[nw] = *memo__wforms_lex(&c->wf, c->tform[k], lx);
			nw++;
		}
	}
	s.words = (uint32_t)rc0.words;
	s.syllables = (uint32_t)rc0.syllables;
	s.letters = (uint32_t)rc0.letters;
	s.characters = (uint32_t)rc0.characters;
	s.polysyllables = (uint32_t)rc0.polysyllables;
	s.complex_words = (uint32_t)rc0.complex_words;
	s.long_words = (uint32_t)rc0.long_words;

	/* structural annotations first: their facts steer the hits */
	int metrics = 0, passives = 0, acronyms = 0;
	if ((rc = s_metrics(c, t0, t1, &metrics)) != 0 ||
	    ((lists & S_PASSIVE_HEADS) &&
	     (rc = s_passive(c, t0, t1, &passives)) != 0) ||
	    ((kinds & (1u << MEMO__TOK_ACRONYM)) &&
	     (rc = s_acronyms(c, t0, t1, &acronyms)) != 0))
		return rc;
	s.metric = metrics > 0;
	s.passive = passives > 0;
	if ((rc = s_repeated(c, t0, t1)) != 0)
		return rc;

	/* lexicon hits */
	c->nhits = 0;
	c->ncausal = 0;
	if (nw) {
		memo__lex_tokens lt;
		memo__lex_tokens_u32(&lt, c->text, c->text_len, c->ws,
			c->we, nw);
		lt.words = c->wlex;
		rc = memo__lex_match(lx, &lt, s_collect_hit, c);
		if (rc)
			return rc == MEMO_ENOMEM ? rc : memo__error_set(rc,
				NULL, NULL, 0, 0, "lexicon match failed");
	}
	if (c->ncausal > 1)
		qsort(c->causal, c->ncausal, sizeof *c->causal, s_cmp_u64);
	size_t hits_first = r->nanns;
	bool causal = false, decision = false;
	for (size_t i = 0; i < c->nhits; i++) {
		const memo__lex_hit *h = &c->hits[i];
		size_t k0 = c->wmap[h->first], k1 = c->wmap[h->last];
		float w;
		if (h->cls >= MEMO__LEX_NCLASSES ||
		    !s_keep_hit(c, h, t0, t1, k0, k1, &w))
			continue;
		memo__kind kind = s_class_kind[h->cls];
		if (kind == MEMO__K_DECISION && k0 > t0 &&
		    s_tok_is(c, k0 - 1, MEMO__WL_DETERMINER))
			continue; /* a noun: "in this release" */
		if (kind == MEMO__K_DECISION) {
			if (c->has_passive && c->passive[k0 - t0]) {
				/* "the launch was delayed": who decided? */
				bool by = false;
				for (size_t k = k1 + 1; k < t1 && !by; k++)
					by = s_tok_eq(c, k, "by");
				if (!by && (rc = s_annotate(c, MEMO__K_AGENTLESS,
					k0, k1, "passive decision", NULL,
					1.0f)) != 0)
					return rc;
				continue;
			}
			if (!s_has_owner(c, t0, k0))
				continue;
			decision = true;
		}
		if (kind == MEMO__K_CAUSAL)
			causal = true;
		const memo__lex_entry *e = memo__lex_entry_at(lx, h->entry);
		bool owned = e && (e->flags & MEMO__LEX_F_ADDED);
		const char *entry = s_keep(c, e ? e->text : "", owned);
		const char *repl = e ? s_keep(c, e->repl, owned) : NULL;
		if ((e && !entry) || (e && e->repl && !repl))
			return memo__error_oom();
		/* what a quantifier quantifies, how sure a modal is
		 * (hedge.c) */
		memo__hspan hs = { c->text, c->tv.v, t0, t1, &c->wf,
			c->tform };
		if (kind == MEMO__K_HEDGE)
			w = memo__hedge_modal_weight(&hs, k0, w);
		if (e)
			kind = memo__hedge_kind(&hs, kind, e->kind, k0, k1);
		if ((rc = s_annotate(c, kind, k0, k1, entry, repl, w)) != 0)
			return rc;
		r->anns[r->nanns - 1].subkind = e ? s_keep(c, e->kind, owned) :
			NULL;
		/* "often", "soon": vague about time, not about quantity */
		if (kind == MEMO__K_VAGUE && e && e->kind &&
		    (strcmp(e->kind, "frequency") == 0 ||
		     strcmp(e->kind, "time") == 0))
			r->anns[r->nanns - 1].kind = MEMO__K_FREQUENCY;
	}
	s.causal = causal;
	s.decision = decision;
	/* unnamed sources: "critics argue", "praised by critics" (hedge.c) */
	memo__hspan hs = { c->text, c->tv.v, t0, t1, &c->wf,
		c->tform };
	for (size_t k = t0, a0, a1; memo__hedge_source(&hs, &k, &a0, &a1);)
		if (s_passive_attribution_at(c, a0, a1) == SIZE_MAX &&
		    (rc = s_annotate(c, MEMO__K_ATTRIBUTION, a0, a1,
			"unnamed source", NULL, 1.0f)) != 0)
			return rc;

	/* rules that need the whole sentence: activity narration and
	 * slogans are fine when the sentence carries evidence */
	bool evidence = s.metric || (lists & S_BIT(MEMO__WL_EVIDENCE));
	size_t out = hits_first;
	for (size_t i = hits_first; i < r->nanns; i++) {
		memo_annotation *a = &r->anns[i];
		if (a->kind == MEMO__K_ACTIVITY &&
		    (s.metric || decision || causal))
			continue;
		if (a->kind == MEMO__K_SLOGAN && evidence)
			continue;
		r->anns[out++] = *a;
	}
	r->nanns = out;
	s.ann_count = (uint32_t)(r->nanns - s.ann_first);
	if (s.ann_count > 1) /* r->anns may be NULL when there are none */
		qsort(r->anns + s.ann_first, s.ann_count, sizeof *r->anns,
			s_cmp_ann);

	if (GROW(r->sents, r->nsents, c->capsents, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	r->sents[r->nsents++] = s;
	return MEMO_OK;
}

/* ---- counts ------------------------------------------------------------------ */

void memo__sentence_counts(const memo_report *r, size_t i, memo__counts *c)
{
	const memo__sent *s = &r->sents[i];
	memset(c, 0, sizeof *c);
	c->words = s->words;
	c->sentences = 1;
	c->syllables = s->syllables;
	c->letters = s->letters;
	c->characters = s->characters;
	c->polysyllables = s->polysyllables;
	c->complex_words = s->complex_words;
	c->long_words = s->long_words;
	c->long_sentences = s->words > r->max_words;
	c->max_sentence_words = s->words;
	for (size_t k = 0; k < s->ann_count; k++) {
		const memo_annotation *a = &r->anns[s->ann_first + k];
		c->k[a->kind] += a->kind == MEMO__K_PASSIVE ? 1.0 :
			(double)a->weight;
		if (a->kind == MEMO__K_BOOSTER && !s->metric)
			c->unsupported_boosters += (double)a->weight;
	}
	c->passive_sentences = s->passive;
	c->quantified_sentences = s->metric;
	c->causal_sentences = s->causal;
	/* one causal sentence is a chain of length 1, not yet a chain */
	c->longest_chain = s->causal ? 1 : 0;
}

/* Paragraph counts: the sum of its sentences plus the paragraph facts
 * (causal chains, complete story, bullets). */
static void s_paragraph_counts(memo_report *r, memo__para *p)
{
	memo__counts *pc = &p->c;
	memset(pc, 0, sizeof *pc);
	bool metric = false, decision = false, causal = false;
	double run = 0, longest = 0, chains = 0;
	for (uint32_t i = 0; i < p->sent_count; i++) {
		size_t si = p->sent_first + i;
		memo__counts sc;
		memo__sentence_counts(r, si, &sc);
		sc.longest_chain = 0;
		memo__counts_add(pc, &sc);
		const memo__sent *s = &r->sents[si];
		metric |= s->metric;
		decision |= s->decision;
		causal |= s->causal;
		/* a chain: two or more consecutive sentences with a causal or
		 * result marker; its length is its number of sentences */
		if (s->causal) {
			run++;
		} else {
			if (run >= 2)
				chains++;
			longest = fmax(longest, run);
			run = 0;
		}
	}
	if (run >= 2)
		chains++;
	longest = fmax(longest, run);
	pc->chains = chains;
	pc->longest_chain = longest >= 2 ? longest : 0;
	pc->paragraphs = 1;
	pc->complete_paragraphs = metric && decision && causal;
	pc->bullet_words = p->bullet ? pc->words : 0;
}

/* ---- the walk ------------------------------------------------------------------ */

static bool s_is_appendix_title(const char *t, size_t len)
{
	static const char *const prefixes[] = { "appendix", "appendices",
		"annex", "annexe", "addendum" };
	while (len && (*t == ' ' || *t == '\t'))
		t++, len--;
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);
		if (len >= n && strncasecmp(t, prefixes[i], n) == 0 &&
		    (len == n || !((t[n] | 0x20) >= 'a' && (t[n] | 0x20) <= 'z')))
			return true;
	}
	return false;
}

static int s_block(s_ctx *c, const memo_node *node, bool appendix,
	bool bullet)
{
	memo_report *r = c->r;
	int rc;
	if (!node->text || node->text_len == 0)
		return MEMO_OK;
	c->node = node;
	c->text = node->text;
	c->text_len = node->text_len;
	memo__sentvec_clear(&c->sv);
	memo__tokvec_clear(&c->tv);
	if ((rc = memo__sentences_split(&c->sv, node->text, node->text_len,
		MEMO__SBD_NL_SOFT)) != 0)
		return rc;
	if (c->sv.n == 0)
		return MEMO_OK;
	if ((rc = memo__tokenize(&c->tv, node->text, 0, node->text_len)) != 0)
		return rc;
	/* the form of each token: word lists and readability are looked up
	 * once per distinct form */
	if (GROW(c->tform, 0, c->captform, c->tv.n + 1) != MEMO_OK)
		return MEMO_ENOMEM;
	if ((rc = memo__wforms_add_tokens(&c->wf, node->text, c->tv.v,
		c->tv.n, c->tform)) != 0)
		return rc;
	/* clauses for the context rules: a clause mark starts a clause */
	size_t n = c->tv.n, ncl = 0;
	if (GROW(c->cl, 0, c->capcl, n + 1) != MEMO_OK ||
	    GROW(c->qpre, 0, c->capqpre, n + 1) != MEMO_OK)
		return MEMO_ENOMEM;
	c->qpre[0] = 0;
	for (size_t k = 0; k < n; k++) {
		if (k == 0 || s_is_clause_punct(c, k)) {
			if (GROW(c->cl_from, ncl, c->capcl_from, 1) != MEMO_OK ||
			    GROW(c->cl_to, ncl, c->capcl_to, 1) != MEMO_OK)
				return MEMO_ENOMEM;
			if (ncl)
				c->cl_to[ncl - 1] = (uint32_t)k;
			c->cl_from[ncl++] = (uint32_t)k;
		}
		c->cl[k] = (uint32_t)(ncl - 1);
		c->qpre[k + 1] = c->qpre[k] + s_is_quantity(&c->tv.v[k]);
	}
	if (ncl)
		c->cl_to[ncl - 1] = (uint32_t)n;

	if (GROW(r->paras, r->nparas, c->capparas, 1) != MEMO_OK)
		return MEMO_ENOMEM;
	uint32_t pi = (uint32_t)r->nparas;
	memo__para *p = &r->paras[r->nparas++];
	memset(p, 0, sizeof *p);
	p->node = node;
	p->sent_first = (uint32_t)r->nsents;
	p->appendix = appendix;
	p->bullet = bullet;
	r->nappendix += appendix;

	size_t ti = 0;
	for (size_t i = 0; i < c->sv.n; i++) {
		uint32_t so = c->sv.v[i].start, se = c->sv.v[i].end;
		while (ti < c->tv.n && c->tv.v[ti].end <= so)
			ti++;
		size_t t0 = ti;
		while (ti < c->tv.n && c->tv.v[ti].start < se)
			ti++;
		if ((rc = s_sentence(c, pi, so, se, t0, ti)) != 0)
			return rc;
	}
	p = &r->paras[pi];
	p->sent_count = (uint32_t)(r->nsents - p->sent_first);
	s_paragraph_counts(r, p);
	return MEMO_OK;
}

/* Walk the body in document order without recursion (the tree may be
 * as deep as the parse limit allows). Counters change only when the walk
 * descends into a node and when it climbs back to it. */
static int s_walk(s_ctx *c)
{
	const memo_node *root = c->r->doc->root;
	const memo_node *n = root->first;
	const memo_node *appendix_at = NULL;
	size_t items = 0;
	int rc;
	while (n) {
		if (n->type == MEMO_NODE_PARAGRAPH) {
			if ((rc = s_block(c, n, appendix_at != NULL,
				items > 0)) != 0)
				return rc;
		} else if (n->first && n->type != MEMO_NODE_CODE &&
		           n->type != MEMO_NODE_HEADING) {
			if (n->type == MEMO_NODE_SECTION && !appendix_at &&
			    n->first->text && s_is_appendix_title(
				n->first->text, n->first->text_len))
				appendix_at = n;
			if (n->type == MEMO_NODE_ITEM)
				items++;
			n = n->first;
			continue;
		}
		/* climb until a next sibling exists */
		while (!n->next) {
			n = n->parent;
			if (!n || n == root)
				return MEMO_OK;
			if (n == appendix_at)
				appendix_at = NULL;
			if (n->type == MEMO_NODE_ITEM)
				items--;
		}
		n = n->next;
	}
	return MEMO_OK;
}

int memo_analyze(memo_report **out, const memo_analyzer *an,
	const memo_document *doc)
{
	int rc;
	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_analyze: out is NULL");
	*out = NULL;
	if (!an || !doc)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_analyze: NULL analyzer or document");
	memo_report *r = memo__calloc(1, sizeof *r);
	if (!r)
		return memo__error_oom();
	memo__arena_init(&r->arena);
	memo__document_ref(doc);
	r->doc = doc;
	r->max_words = an->values[MEMO__CFG_SENTENCE_MAX_WORDS];
	r->page_words = an->values[MEMO__CFG_PAGE_WORDS];

	s_ctx c;
	memset(&c, 0, sizeof c);
	c.an = an;
	c.r = r;
	memo__wforms_init(&c.wf, an->wcache);
	memo__sentvec_init(&c.sv);
	memo__tokvec_init(&c.tv);
	rc = s_walk(&c);
	if (rc == MEMO_OK) {
		r->prefix = memo__calloc(r->nparas + 1, sizeof *r->prefix);
		if (!r->prefix)
			rc = memo__error_oom();
	}
	if (rc == MEMO_OK) {
		for (size_t i = 0; i < r->nparas; i++) {
			r->prefix[i + 1] = r->prefix[i];
			memo__counts_add(&r->prefix[i + 1], &r->paras[i].c);
		}
		r->undefined_acronyms = r->nparas ?
			r->prefix[r->nparas].k[MEMO__K_ACRONYM] : 0;
	}
	/* judgment: findings, the document kind, spelling, the score */
	r->an = an;
	if (rc == MEMO_OK)
		rc = memo__findings_from_annotations(r);
	if (rc == MEMO_OK)
		rc = memo__kinds_check(r);
	if (rc == MEMO_OK)
		rc = memo__spell_check(r);
	if (rc == MEMO_OK)
		rc = memo__findings_finish(r);
	if (rc == MEMO_OK)
		rc = memo__score(r);
	r->an = NULL;
	memo__sentvec_free(&c.sv);
	memo__tokvec_free(&c.tv);
	memo__free(c.ws);
	memo__free(c.we);
	memo__free(c.wmap);
	memo__free(c.wlex);
	memo__free(c.hits);
	memo__free(c.causal);
	memo__free(c.cl);
	memo__free(c.cl_from);
	memo__free(c.cl_to);
	memo__free(c.qpre);
	memo__free(c.passive);
	memo__free(c.attr);
	memo__free(c.acr);
	memo__free(c.tform);
	if (rc == MEMO_OK)
		memo__wforms_publish(&c.wf);
	memo__wforms_free(&c.wf);
	if (rc != MEMO_OK) {
		memo_report_free(r);
		return rc;
	}
	*out = r;
	return MEMO_OK;
}
