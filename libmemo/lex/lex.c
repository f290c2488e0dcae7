/*
 * lex.c - the multi-word lexicon matcher.
 *
 * freeze() expands every entry into surface forms - "(a|b)" groups, the
 * inflections of its head word, and for each hyphen "x-y" both one token
 * and two tokens - and inserts each form as a token sequence into a trie.
 * Trie edges live in one open-addressing hash table keyed by
 * (node, word id); the first level is a word-id -> node array. Matching a
 * token is one fold+hash of the token, one vocabulary probe and, when the
 * token can continue a phrase, one edge probe: O(1) expected, no
 * allocation.
 */
#include "lex/lex.h"

#include <stdlib.h>
#include <string.h>

#include "lex/lexparse.h"
#include "memo_internal.h"

#define S_NONE UINT32_MAX

#if defined(__GNUC__)
#  define S_HOT inline __attribute__((always_inline))
#else
#  define S_HOT inline
#endif
#define S_RING 64 /* > MEMO__LEX_MAX_WORDS, power of two */

typedef struct s_block {
	uint32_t cls;
	uint32_t limit;  /* applies to entry ids below this */
	char *key;
	size_t len;
} s_block;

/* A vocabulary slot: everything matching needs in 16 bytes (lexdefs.h,
 * shared with the tables made at build time). */
typedef memo__lex_vslot s_vslot;

/* An edge slot: (node << 20 | word) in the low 42 bits, child above;
 * all ones = empty. 8 bytes, so the table stays small and cache-resident. */
#define S_WORD_BITS 20
#define S_NODE_BITS 22
#define S_KEY_BITS (S_WORD_BITS + S_NODE_BITS)
#define S_KEY_MASK ((UINT64_C(1) << S_KEY_BITS) - 1)
#define S_MAX_WORDS_IDS ((UINT32_C(1) << S_WORD_BITS) - 1)
#define S_MAX_NODES ((UINT32_C(1) << S_NODE_BITS) - 2)
#define S_MAX_BLOB (UINT32_C(1) << 24)

#define S_BLOOM_BITS 16 /* 64 Kbit = 8 KB: stays in L1 */
#define S_BLOOM_WORDS ((size_t)1 << (S_BLOOM_BITS - 6))
#define S_BLOOM_BIT(h) (((h) >> (32 - S_BLOOM_BITS)) & \
	((UINT32_C(1) << S_BLOOM_BITS) - 1))

typedef struct s_term {
	uint32_t node;
	uint32_t entry;
	uint32_t form;
} s_term;

struct memo__lex {
	memo__lex_entry *entries;
	size_t nentries, capentries;
	s_block *blocks;
	size_t nblocks, capblocks;
	bool frozen;
	bool static_entries;  /* entries is memo__lex_builtin (read-only),
	                       * unedited: freeze() loads the tables made at
	                       * build time; copied by the first edit, never
	                       * freed */
	bool static_tables;   /* the matching tables below are those of
	                       * memo__lex_frozen (read-only): never freed */

	/* vocabulary */
	char *blob;
	size_t bloblen, blobcap;
	size_t nwords;
	s_vslot *vslots;
	size_t vmask;
	size_t max_word;      /* longest folded word */

	/* trie */
	uint64_t *eslots;
	size_t emask, nedges;
	uint32_t nnodes;
	uint32_t *term_off;   /* nnodes + 1 */
	uint64_t *sig;        /* per node: bit (word id & 63) of each child */
	uint32_t *terms;      /* entry << 2 | form */
	size_t nterms;

	/* build only */
	s_term *bterms;
	size_t nbterms, capbterms;

	/* last: memo__lex_new() leaves it to freeze() to fill (8 KB) */
	uint64_t vbloom[S_BLOOM_WORDS]; /* 1 bit per word hash: rejects most
	                                 * tokens before the table probe */
};

/* ---- small helpers ---------------------------------------------------- */

static int s_grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return MEMO_OK;
	size_t n = *cap ? *cap : 16;
	while (n < need)
		n *= 2;
	void *q = memo__realloc(*p, n * size);
	if (!q)
		return memo__error_oom();
	*p = q;
	*cap = n;
	return MEMO_OK;
}

static uint32_t s_hash64(uint64_t k)
{
	k ^= k >> 29;
	k *= 0x9E3779B97F4A7C15ull;
	return (uint32_t)(k >> 32);
}

/* Folded, hyphens as spaces, single spaces, trimmed: the key used by
 * find/remove. Returns the length or (size_t)-1. */
static size_t s_norm_key(const char *s, size_t len, char *out, size_t cap)
{
	char tmp[MEMO__LEX_MAX_ENTRY * 2];
	size_t n = memo__lexp_fold(s, len, tmp, sizeof tmp, NULL);
	if (n == (size_t)-1)
		return (size_t)-1;
	size_t o = 0;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = tmp[i];
		if (c == '-' || c == ' ' || c == '\t') {
			space = o > 0;
			continue;
		}
		if (space) {
			if (o >= cap)
				return (size_t)-1;
			out[o++] = ' ';
			space = false;
		}
		if (o >= cap)
			return (size_t)-1;
		out[o++] = c;
	}
	return o;
}

/* ---- public names ------------------------------------------------------ */

const char *memo__lex_class_name(unsigned cls)
{
	return memo__lexp_class_name(cls);
}

int memo__lex_class_from_name(const char *name)
{
	return name ? memo__lexp_class_from_name(name, strlen(name)) : -1;
}

const char *memo__lex_notice(unsigned cls)
{
	return cls < MEMO__LEX_NCLASSES ? memo__lex_classes[cls].notice : NULL;
}

void memo__lex_tokens_u32(memo__lex_tokens *t, const char *text,
	size_t text_len, const uint32_t *starts, const uint32_t *ends,
	size_t n)
{
	t->text = text;
	t->text_len = text_len;
	t->starts = starts;
	t->ends = ends;
	t->stride = sizeof(uint32_t);
	t->width = sizeof(uint32_t);
	t->n = n;
	t->words = NULL;
}

/* ---- life cycle ------------------------------------------------------- */

int memo__lex_new(memo__lex **out, unsigned flags)
{
	*out = NULL;
	memo__lex *lx = memo__malloc(sizeof *lx);
	if (!lx)
		return memo__error_oom();
	memset(lx, 0, offsetof(memo__lex, vbloom));
	if (!(flags & MEMO__LEX_NEW_EMPTY) && memo__lex_builtin_count) {
		/* shared until an edit (s_own_entries) */
		lx->entries = (memo__lex_entry *)memo__lex_builtin;
		lx->nentries = lx->capentries = memo__lex_builtin_count;
		lx->static_entries = true;
	}
	*out = lx;
	return MEMO_OK;
}

static void s_free_build(memo__lex *lx)
{
	memo__free(lx->bterms);
	lx->bterms = NULL;
	lx->nbterms = lx->capbterms = 0;
}

/* Free the matching tables and forget them (as before freeze()). */
static void s_free_tables(memo__lex *lx)
{
	if (!lx->static_tables) {
		memo__free(lx->blob);
		memo__free(lx->vslots);
		memo__free(lx->eslots);
		memo__free(lx->term_off);
		memo__free(lx->sig);
		memo__free(lx->terms);
	}
	lx->static_tables = false;
	lx->sig = NULL;
	lx->blob = NULL;
	lx->vslots = NULL;
	lx->eslots = NULL;
	lx->term_off = NULL;
	lx->terms = NULL;
	lx->bloblen = lx->blobcap = lx->nwords = lx->max_word = 0;
	lx->vmask = lx->emask = lx->nedges = lx->nterms = 0;
	lx->nnodes = 0;
	memset(lx->vbloom, 0, sizeof lx->vbloom);
}

void memo__lex_free(memo__lex *lx)
{
	if (!lx)
		return;
	if (!lx->static_entries) {
		/* (shared built-in entries are never added ones) */
		for (size_t i = 0; i < lx->nentries; i++)
			if (lx->entries[i].flags & MEMO__LEX_F_ADDED)
				memo__free((void *)lx->entries[i].text);
		memo__free(lx->entries);
	}
	for (size_t i = 0; i < lx->nblocks; i++)
		memo__free(lx->blocks[i].key);
	memo__free(lx->blocks);
	s_free_tables(lx);
	s_free_build(lx);
	memo__free(lx);
}

size_t memo__lex_count(const memo__lex *lx)
{
	return lx->nentries;
}

const memo__lex_entry *memo__lex_entry_at(const memo__lex *lx, uint32_t id)
{
	return id < lx->nentries ? &lx->entries[id] : NULL;
}

void memo__lex_stats(const memo__lex *lx, memo__lex_stats_t *out)
{
	out->words = lx->nwords;
	out->nodes = (size_t)lx->nnodes + 1;
	out->terms = lx->nterms;
	out->bytes = lx->bloblen + (lx->vslots ? (lx->vmask + 1) *
		sizeof *lx->vslots : 0) + (lx->eslots ? (lx->emask + 1) *
		sizeof *lx->eslots : 0) + ((size_t)lx->nnodes + 2) *
		sizeof *lx->term_off + lx->nterms * sizeof *lx->terms;
	out->prebuilt = lx->static_tables;
}

bool memo__lex_same_tables(const memo__lex *a, const memo__lex *b)
{
	if (!a->frozen || !b->frozen || a->nwords != b->nwords ||
	    a->bloblen != b->bloblen || a->max_word != b->max_word ||
	    a->vmask != b->vmask || a->emask != b->emask ||
	    a->nnodes != b->nnodes || a->nedges != b->nedges ||
	    a->nterms != b->nterms)
		return false;
	size_t nn = (size_t)a->nnodes;
	return (!a->bloblen || memcmp(a->blob, b->blob, a->bloblen) == 0) &&
		(!a->vslots || memcmp(a->vslots, b->vslots,
		(a->vmask + 1) * sizeof *a->vslots) == 0) &&
		(!a->eslots || memcmp(a->eslots, b->eslots,
		(a->emask + 1) * sizeof *a->eslots) == 0) &&
		(!a->sig || memcmp(a->sig, b->sig, (nn + 1) *
		sizeof *a->sig) == 0) &&
		(!a->term_off || memcmp(a->term_off, b->term_off, (nn + 2) *
		sizeof *a->term_off) == 0) &&
		(!a->nterms || memcmp(a->terms, b->terms, a->nterms *
		sizeof *a->terms) == 0) &&
		memcmp(a->vbloom, b->vbloom, sizeof a->vbloom) == 0;
}

size_t memo__lex_class_count(const memo__lex *lx, unsigned cls)
{
	size_t n = 0;
	for (size_t i = 0; i < lx->nentries; i++)
		if (lx->entries[i].cls == cls &&
		    !(lx->entries[i].flags & MEMO__LEX_F_REMOVED))
			n++;
	return n;
}

long memo__lex_find(const memo__lex *lx, unsigned cls, const char *text)
{
	char key[MEMO__LEX_MAX_ENTRY], ek[MEMO__LEX_MAX_ENTRY];
	size_t kl = s_norm_key(text, strlen(text), key, sizeof key);
	if (kl == (size_t)-1)
		return -1;
	for (size_t i = 0; i < lx->nentries; i++) {
		const memo__lex_entry *e = &lx->entries[i];
		if (e->cls != cls || (e->flags & MEMO__LEX_F_REMOVED))
			continue;
		size_t el = s_norm_key(e->text, strlen(e->text), ek, sizeof ek);
		if (el == kl && memcmp(ek, key, kl) == 0)
			return (long)i;
	}
	return -1;
}

/* ---- configuration ---------------------------------------------------- */

/* Make the entries the matcher's own copy before an edit changes them. */
static int s_own_entries(memo__lex *lx)
{
	if (!lx->static_entries)
		return MEMO_OK;
	size_t n = lx->nentries;
	memo__lex_entry *e = memo__malloc((n ? n : 1) * sizeof *e);
	if (!e)
		return memo__error_oom();
	memcpy(e, lx->entries, n * sizeof *e);
	lx->entries = e;
	lx->capentries = n;
	lx->static_entries = false;
	return MEMO_OK;
}

int memo__lex_add(memo__lex *lx, unsigned cls, const char *line, size_t len,
	uint32_t *out_id)
{
	memo__lexp_fields f;
	const char *err = NULL;

	if (cls >= MEMO__LEX_NCLASSES)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"unknown lexicon class %u", cls);
	if (lx->frozen)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"lexicon is frozen");
	int r = memo__lexp_parse_line(line, len, &f, &err);
	if (r == 0)
		err = "empty entry";
	if (r <= 0)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"%s lexicon entry \"%.*s\": %s",
			memo__lexp_class_name(cls), (int)(len > 80 ? 80 : len),
			line, err);
	if (memo__lexp_class_needs_repl(cls) && !f.has_repl) {
		/* a configured filler without replacement: flag, suggest
		 * deletion */
		f.has_repl = true;
		f.repl = "";
		f.repl_len = 0;
	}
	if (s_own_entries(lx) < 0 || s_grow((void **)&lx->entries,
	    &lx->capentries, lx->nentries + 1, sizeof *lx->entries) < 0)
		return MEMO_ENOMEM;

	size_t need = f.text_len + 1 + (f.has_repl ? f.repl_len + 1 : 0) +
		(f.has_kind ? f.kind_len + 1 : 0);
	char *mem = memo__malloc(need);
	if (!mem)
		return memo__error_oom();
	char *p = mem;
	memo__lex_entry *e = &lx->entries[lx->nentries];
	memset(e, 0, sizeof *e);
	memcpy(p, f.text, f.text_len);
	p[f.text_len] = 0;
	e->text = p;
	p += f.text_len + 1;
	if (f.has_repl) {
		memcpy(p, f.repl, f.repl_len);
		p[f.repl_len] = 0;
		e->repl = p;
		p += f.repl_len + 1;
	}
	if (f.has_kind) {
		memcpy(p, f.kind, f.kind_len);
		p[f.kind_len] = 0;
		e->kind = p;
	}
	const memo__lex_class_info *ci = &memo__lex_classes[cls];
	e->weight = f.has_weight ? f.weight : ci->weight;
	e->cls = (uint8_t)cls;
	e->infl = (uint8_t)(f.has_infl ? f.infl : ci->infl);
	e->head = (uint8_t)(f.has_head ? f.head : ci->head);
	e->ctx = (uint16_t)(f.has_ctx ? f.ctx : ci->ctx);
	e->flags = MEMO__LEX_F_ADDED | (f.stop ? MEMO__LEX_F_STOP : 0) |
		((f.has_infl ? f.noun : ci->noun) ? MEMO__LEX_F_NOUN : 0);
	if (out_id)
		*out_id = (uint32_t)lx->nentries;
	lx->nentries++;
	return MEMO_OK;
}

int memo__lex_remove(memo__lex *lx, unsigned cls, const char *text,
	size_t len)
{
	char key[MEMO__LEX_MAX_ENTRY], ek[MEMO__LEX_MAX_ENTRY];

	if (cls >= MEMO__LEX_NCLASSES)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"unknown lexicon class %u", cls);
	if (lx->frozen)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"lexicon is frozen");
	size_t kl = s_norm_key(text, len, key, sizeof key);
	if (kl == (size_t)-1 || kl == 0)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"empty or too long lexicon entry to remove");
	if (s_own_entries(lx) < 0)
		return MEMO_ENOMEM;
	for (size_t i = 0; i < lx->nentries; i++) {
		memo__lex_entry *e = &lx->entries[i];
		if (e->cls != cls)
			continue;
		size_t el = s_norm_key(e->text, strlen(e->text), ek, sizeof ek);
		if (el == kl && memcmp(ek, key, kl) == 0)
			e->flags |= MEMO__LEX_F_REMOVED;
	}
	if (s_grow((void **)&lx->blocks, &lx->capblocks, lx->nblocks + 1,
	    sizeof *lx->blocks) < 0)
		return MEMO_ENOMEM;
	char *k = memo__strndup(key, kl);
	if (!k)
		return memo__error_oom();
	s_block *b = &lx->blocks[lx->nblocks++];
	b->cls = cls;
	b->limit = (uint32_t)lx->nentries;
	b->key = k;
	b->len = kl;
	return MEMO_OK;
}

/* ---- building: vocabulary and trie ----------------------------------- */

static int s_vocab_rehash(memo__lex *lx, size_t nslots)
{
	s_vslot *v = memo__calloc(nslots, sizeof *v);
	if (!v)
		return memo__error_oom();
	size_t mask = nslots - 1;
	for (size_t i = 0; lx->vslots && i <= lx->vmask; i++) {
		s_vslot s = lx->vslots[i];
		if (!s.id1)
			continue;
		size_t j = s.hash & mask;
		while (v[j].id1)
			j = (j + 1) & mask;
		v[j] = s;
	}
	memo__free(lx->vslots);
	lx->vslots = v;
	lx->vmask = mask;
	return MEMO_OK;
}

static S_HOT const s_vslot *s_vocab_slot(const memo__lex *lx, const char *w,
	size_t n, uint32_t h)
{
	size_t j = h & lx->vmask;
	for (;;) {
		const s_vslot *s = &lx->vslots[j];
		if (!s->id1)
			return NULL;
		if (s->hash == h && (s->off >> 24) == n) {
			const char *b = lx->blob + (s->off & 0xffffffu);
			size_t k = 0;
			while (k < n && b[k] == w[k])
				k++;
			if (k == n)
				return s;
		}
		j = (j + 1) & lx->vmask;
	}
}

static uint32_t s_vocab_find(const memo__lex *lx, const char *w, size_t n,
	uint32_t h)
{
	const s_vslot *s = s_vocab_slot(lx, w, n, h);
	return s ? s->id1 - 1 : S_NONE;
}

/* Word id of folded word w, adding it. Returns MEMO_OK and *out. */
static int s_vocab_intern(memo__lex *lx, const char *w, size_t n,
	uint32_t *out)
{
	uint32_t h;
	char tmp[MEMO__LEX_MAX_WORD + 8];
	size_t fn = memo__lexp_fold(w, n, tmp, sizeof tmp, &h);
	if (fn == (size_t)-1 || fn == 0 || fn > MEMO__LEX_MAX_WORD + 4) {
		*out = S_NONE;
		return MEMO_OK;
	}
	uint32_t id = s_vocab_find(lx, tmp, fn, h);
	if (id != S_NONE) {
		*out = id;
		return MEMO_OK;
	}
	if ((lx->nwords + 1) * 2 > lx->vmask + 1 &&
	    s_vocab_rehash(lx, (lx->vmask + 1) * 2) < 0)
		return MEMO_ENOMEM;
	if (lx->nwords >= S_MAX_WORDS_IDS || lx->bloblen + fn >= S_MAX_BLOB)
		return memo__error_set(MEMO_ELIMIT, NULL, NULL, 0, 0,
			"lexicon: too many words");
	if (s_grow((void **)&lx->blob, &lx->blobcap, lx->bloblen + fn,
	    1) < 0)
		return MEMO_ENOMEM;
	memcpy(lx->blob + lx->bloblen, tmp, fn);
	id = (uint32_t)lx->nwords++;
	size_t j = h & lx->vmask;
	while (lx->vslots[j].id1)
		j = (j + 1) & lx->vmask;
	lx->vslots[j].hash = h;
	lx->vslots[j].id1 = id + 1;
	lx->vslots[j].root = 0;
	lx->vslots[j].off = (uint32_t)lx->bloblen | ((uint32_t)fn << 24);
	lx->bloblen += fn;
	if (fn > lx->max_word)
		lx->max_word = fn;
	*out = id;
	return MEMO_OK;
}

static int s_edges_rehash(memo__lex *lx, size_t nslots)
{
	uint64_t *e = memo__malloc(nslots * sizeof *e);
	if (!e)
		return memo__error_oom();
	for (size_t i = 0; i < nslots; i++)
		e[i] = UINT64_MAX;
	size_t mask = nslots - 1;
	for (size_t i = 0; lx->eslots && i <= lx->emask; i++) {
		uint64_t s = lx->eslots[i];
		if (s == UINT64_MAX)
			continue;
		size_t j = s_hash64(s & S_KEY_MASK) & mask;
		while (e[j] != UINT64_MAX)
			j = (j + 1) & mask;
		e[j] = s;
	}
	memo__free(lx->eslots);
	lx->eslots = e;
	lx->emask = mask;
	return MEMO_OK;
}

static inline uint32_t s_edge_get(const memo__lex *lx, uint32_t node,
	uint32_t word)
{
	uint64_t key = ((uint64_t)node << S_WORD_BITS) | word;
	size_t j = s_hash64(key) & lx->emask;
	for (;;) {
		uint64_t s = lx->eslots[j];
		if ((s & S_KEY_MASK) == key)
			return s == UINT64_MAX ? 0 : (uint32_t)(s >> S_KEY_BITS);
		if (s == UINT64_MAX)
			return 0;
		j = (j + 1) & lx->emask;
	}
}

static int s_edge_add(memo__lex *lx, uint32_t node, uint32_t word,
	uint32_t *child)
{
	uint32_t c = s_edge_get(lx, node, word);
	if (c) {
		*child = c;
		return MEMO_OK;
	}
	if (lx->nnodes >= S_MAX_NODES)
		return memo__error_set(MEMO_ELIMIT, NULL, NULL, 0, 0,
			"lexicon: too many phrases");
	if ((lx->nedges + 1) * 2 > lx->emask + 1 &&
	    s_edges_rehash(lx, (lx->emask + 1) * 2) < 0)
		return MEMO_ENOMEM;
	uint64_t key = ((uint64_t)node << S_WORD_BITS) | word;
	size_t j = s_hash64(key) & lx->emask;
	while (lx->eslots[j] != UINT64_MAX)
		j = (j + 1) & lx->emask;
	lx->eslots[j] = key | ((uint64_t)++lx->nnodes << S_KEY_BITS);
	lx->nedges++;
	*child = lx->nnodes;
	return MEMO_OK;
}

typedef struct s_span {
	const char *s;
	size_t n;
} s_span;

/* Insert one token sequence for entry id. */
static int s_insert(memo__lex *lx, const s_span *tok, size_t ntok,
	uint32_t entry, unsigned form)
{
	uint32_t node = 0;
	for (size_t i = 0; i < ntok; i++) {
		uint32_t w = S_NONE;
		int r = s_vocab_intern(lx, tok[i].s, tok[i].n, &w);
		if (r < 0)
			return r;
		if (w == S_NONE)
			return MEMO_OK; /* cannot match: word too long */
		r = s_edge_add(lx, node, w, &node);
		if (r < 0)
			return r;
	}
	if (s_grow((void **)&lx->bterms, &lx->capbterms, lx->nbterms + 1,
	    sizeof *lx->bterms) < 0)
		return MEMO_ENOMEM;
	s_term *t = &lx->bterms[lx->nbterms];
	t->node = node;
	t->entry = entry;
	t->form = form;
	lx->nbterms++;
	return MEMO_OK;
}

/* ---- inflection --------------------------------------------------------- */

typedef struct s_form {
	char s[MEMO__LEX_MAX_WORD + 8];
	size_t n;
	unsigned form;
} s_form;

#define S_MAX_FORMS 16

static bool s_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static void s_put(s_form *out, size_t *n, unsigned form, const char *a,
	size_t an, const char *suffix)
{
	size_t sn = strlen(suffix);
	if (*n >= S_MAX_FORMS || an + sn > MEMO__LEX_MAX_WORD)
		return;
	s_form *f = &out[(*n)++];
	memcpy(f->s, a, an);
	memcpy(f->s + an, suffix, sn);
	f->n = an + sn;
	f->form = form;
}

/* '|'-separated alternatives of an irregular form */
static void s_put_alts(s_form *out, size_t *n, unsigned form, const char *s)
{
	while (*s) {
		const char *e = strchr(s, '|');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		s_put(out, n, form, s, len, "");
		s += len + (e ? 1 : 0);
	}
}

static const memo__lex_irregular *s_irregular(const char *w, size_t n)
{
	for (size_t i = 0; i < memo__lex_irregular_count; i++) {
		const char *b = memo__lex_irregulars[i].base;
		if (strlen(b) == n && memcmp(b, w, n) == 0)
			return &memo__lex_irregulars[i];
	}
	return NULL;
}

/* Inflected forms of a folded word (not including the base form). */
static size_t s_inflect(const char *w, size_t n, unsigned infl,
	s_form *out)
{
	size_t k = 0;
	if (n < 2)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((w[i] >= 'a' && w[i] <= 'z') || w[i] == '-'))
			return 0; /* digits, apostrophes, non-ASCII: as is */
	const memo__lex_irregular *irr = s_irregular(w, n);
	char last = w[n - 1], prev = w[n - 2];
	bool cy = last == 'y' && !s_vowel(prev);
	bool cvc = n >= 3 && !s_vowel(last) && last != 'w' && last != 'x' &&
		last != 'y' && s_vowel(prev) && !s_vowel(w[n - 3]) &&
		w[n - 3] != '-';

	if (infl & MEMO__LEX_INFL_S) {
		if (irr && irr->third)
			s_put_alts(out, &k, MEMO__LEX_FORM_S, irr->third);
		else if (last == 's' || last == 'x' || last == 'z' ||
		    ((last == 'h') && (prev == 'c' || prev == 's')))
			s_put(out, &k, MEMO__LEX_FORM_S, w, n, "es");
		else if (cy)
			s_put(out, &k, MEMO__LEX_FORM_S, w, n - 1, "ies");
		else {
			s_put(out, &k, MEMO__LEX_FORM_S, w, n, "s");
			if (last == 'o' && !s_vowel(prev))
				s_put(out, &k, MEMO__LEX_FORM_S, w, n, "es");
		}
	}
	if (infl & MEMO__LEX_INFL_ED) {
		if (irr) {
			s_put_alts(out, &k, MEMO__LEX_FORM_ED, irr->past);
			s_put_alts(out, &k, MEMO__LEX_FORM_ED, irr->participle);
		} else if (last == 'e') {
			s_put(out, &k, MEMO__LEX_FORM_ED, w, n, "d");
		} else if (cy) {
			s_put(out, &k, MEMO__LEX_FORM_ED, w, n - 1, "ied");
		} else {
			s_put(out, &k, MEMO__LEX_FORM_ED, w, n, "ed");
			if (cvc) {
				char d[MEMO__LEX_MAX_WORD + 2];
				memcpy(d, w, n);
				d[n] = last;
				s_put(out, &k, MEMO__LEX_FORM_ED, d, n + 1, "ed");
			}
		}
	}
	if (infl & MEMO__LEX_INFL_ING) {
		if (last == 'e' && prev == 'i') {
			s_put(out, &k, MEMO__LEX_FORM_ING, w, n - 2, "ying");
		} else if (last == 'e' && n > 2 && prev != 'e' && prev != 'y' &&
		    prev != 'o') {
			s_put(out, &k, MEMO__LEX_FORM_ING, w, n - 1, "ing");
		} else {
			s_put(out, &k, MEMO__LEX_FORM_ING, w, n, "ing");
			if (cvc) {
				char d[MEMO__LEX_MAX_WORD + 2];
				memcpy(d, w, n);
				d[n] = last;
				s_put(out, &k, MEMO__LEX_FORM_ING, d, n + 1,
					"ing");
			}
		}
	}
	/* Remove forms equal to the base or to an earlier form ("cut"). */
	size_t o = 0;
	for (size_t i = 0; i < k; i++) {
		bool dup = out[i].n == n && memcmp(out[i].s, w, n) == 0;
		for (size_t j = 0; j < o && !dup; j++)
			dup = out[j].n == out[i].n &&
				memcmp(out[j].s, out[i].s, out[i].n) == 0;
		if (!dup)
			out[o++] = out[i];
	}
	return o;
}

/* ---- expansion of one entry ------------------------------------------- */

static bool s_blocked(const memo__lex *lx, uint32_t id, unsigned cls,
	const s_span *words, size_t nw)
{
	if (!lx->nblocks)
		return false;
	char key[MEMO__LEX_MAX_TEXT * 2];
	size_t o = 0;
	for (size_t i = 0; i < nw; i++) {
		if (o + words[i].n + 1 > sizeof key)
			return false;
		if (i)
			key[o++] = ' ';
		for (size_t j = 0; j < words[i].n; j++)
			key[o++] = words[i].s[j] == '-' ? ' ' : words[i].s[j];
	}
	for (size_t b = 0; b < lx->nblocks; b++) {
		const s_block *bl = &lx->blocks[b];
		if (bl->cls == cls && id < bl->limit && bl->len == o &&
		    memcmp(bl->key, key, o) == 0)
			return true;
	}
	return false;
}

/* Insert words (folded) with every hyphen split or joined. */
static int s_emit(memo__lex *lx, uint32_t id, const s_span *words,
	size_t nw, unsigned form)
{
	const memo__lex_entry *e = &lx->entries[id];
	if (s_blocked(lx, id, e->cls, words, nw))
		return MEMO_OK;

	/* hyphen positions */
	size_t nh = 0;
	for (size_t i = 0; i < nw; i++)
		for (size_t j = 0; j < words[i].n; j++)
			nh += words[i].s[j] == '-';
	size_t combos = nh > 6 ? 2 : ((size_t)1 << nh);

	for (size_t m = 0; m < combos; m++) {
		size_t mask = nh > 6 ? (m ? ~(size_t)0 : 0) : m;
		s_span tok[MEMO__LEX_MAX_WORDS * 2];
		size_t nt = 0, h = 0;
		for (size_t i = 0; i < nw; i++) {
			const char *s = words[i].s;
			size_t start = 0;
			for (size_t j = 0; j < words[i].n; j++) {
				if (s[j] != '-')
					continue;
				if (mask & ((size_t)1 << (h < 63 ? h : 63))) {
					if (nt == MEMO__LEX_MAX_WORDS * 2)
						return MEMO_OK;
					tok[nt].s = s + start;
					tok[nt].n = j - start;
					nt++;
					start = j + 1;
				}
				h++;
			}
			if (nt == MEMO__LEX_MAX_WORDS * 2)
				return MEMO_OK;
			tok[nt].s = s + start;
			tok[nt].n = words[i].n - start;
			nt++;
		}
		if (nt > MEMO__LEX_MAX_WORDS)
			continue;
		int r = s_insert(lx, tok, nt, id, form);
		if (r < 0)
			return r;
	}
	return MEMO_OK;
}

/* pass 0: forms as written; pass 1: inflected forms */
static int s_expand(memo__lex *lx, uint32_t id, int pass)
{
	const memo__lex_entry *e = &lx->entries[id];
	if (pass == 1 && !e->infl)
		return MEMO_OK;
	/* every text was checked (memo__lexp_check_text) when it was read:
	 * built-ins by the generator, additions by memo__lex_add() */
	memo__lexp_variants it;
	long nv = memo__lexp_variants_init(&it, e->text, strlen(e->text));

	for (long v = 0; v < nv; v++) {
		char raw[MEMO__LEX_MAX_TEXT], buf[MEMO__LEX_MAX_TEXT * 2];
		size_t rn = memo__lexp_variants_next(&it, raw, sizeof raw);
		if (rn == (size_t)-1)
			continue;
		size_t bn = memo__lexp_fold(raw, rn, buf, sizeof buf, NULL);
		if (bn == (size_t)-1)
			continue;
		s_span words[MEMO__LEX_MAX_WORDS];
		size_t nw = 0, i = 0;
		while (i < bn && nw < MEMO__LEX_MAX_WORDS) {
			size_t j = i;
			while (j < bn && buf[j] != ' ')
				j++;
			words[nw].s = buf + i;
			words[nw].n = j - i;
			nw++;
			i = j + 1;
		}
		if (!nw)
			continue;
		if (pass == 0) {
			int r = s_emit(lx, id, words, nw, MEMO__LEX_FORM_BASE);
			if (r < 0)
				return r;
			continue;
		}
		size_t head;
		if (e->head == MEMO__LEX_HEAD_DEFAULT)
			head = (e->flags & MEMO__LEX_F_NOUN) ? nw - 1 : 0;
		else if (e->head == MEMO__LEX_HEAD_LAST || e->head > nw)
			head = nw - 1;
		else
			head = (size_t)e->head - 1;
		s_form forms[S_MAX_FORMS];
		size_t nf = s_inflect(words[head].s, words[head].n, e->infl,
			forms);
		s_span saved = words[head];
		for (size_t f = 0; f < nf; f++) {
			words[head].s = forms[f].s;
			words[head].n = forms[f].n;
			int r = s_emit(lx, id, words, nw, forms[f].form);
			if (r < 0)
				return r;
		}
		words[head] = saved;
	}
	return MEMO_OK;
}

/* Expand every entry into the trie and make the terminal lists. */
static int s_build(memo__lex *lx)
{
	int r;
	if (s_vocab_rehash(lx, 1024) < 0 || s_edges_rehash(lx, 1024) < 0)
		return MEMO_ENOMEM;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < lx->nentries; i++) {
			if (lx->entries[i].flags & MEMO__LEX_F_REMOVED)
				continue;
			r = s_expand(lx, (uint32_t)i, pass);
			if (r < 0)
				return r;
		}
	}

	/* terminal lists: per node, one entry per class, first inserted
	 * wins (forms as written before inflected forms). bterms are in
	 * insertion order: a counting sort by node keeps that order. */
	lx->term_off = memo__calloc((size_t)lx->nnodes + 2,
		sizeof *lx->term_off);
	lx->terms = memo__malloc((lx->nbterms ? lx->nbterms : 1) *
		sizeof *lx->terms);
	if (!lx->term_off || !lx->terms)
		return MEMO_ENOMEM;
	for (size_t i = 0; i < lx->nbterms; i++)
		lx->term_off[lx->bterms[i].node + 1]++;
	for (uint32_t node = 0; node <= lx->nnodes; node++)
		lx->term_off[node + 1] += lx->term_off[node];
	/* term_off[node] is the write cursor of node, then its end */
	for (size_t i = 0; i < lx->nbterms; i++) {
		const s_term *t = &lx->bterms[i];
		lx->terms[lx->term_off[t->node]++] = (t->entry << 2) | t->form;
	}
	size_t nt = 0, i = 0;
	for (uint32_t node = 0; node <= lx->nnodes; node++) {
		size_t end = lx->term_off[node];
		lx->term_off[node] = (uint32_t)nt;
		size_t first = nt;
		for (; i < end; i++) {
			uint32_t term = lx->terms[i];
			unsigned cls = lx->entries[term >> 2].cls;
			bool dup = false;
			for (size_t k = first; k < nt && !dup; k++)
				dup = lx->entries[lx->terms[k] >> 2].cls == cls;
			if (!dup)
				lx->terms[nt++] = term;
		}
	}
	lx->term_off[lx->nnodes + 1] = (uint32_t)nt;
	lx->nterms = nt;
	return MEMO_OK;
}

#ifndef MEMO__LEX_GEN
/* Point lx at the tables of the build-time freeze of the built-in entries
 * (what s_build() and s_finish() make of them, see gen/lexfreeze.c):
 * nothing is copied but the bloom filter, and nothing can fail. The only
 * place that casts their const away; static_tables keeps them from being
 * written or freed. */
static void s_load(memo__lex *lx, const memo__lex_frozen_t *fz)
{
	lx->static_tables = true;
	lx->blob = (char *)fz->blob;
	lx->bloblen = lx->blobcap = fz->bloblen;
	lx->max_word = fz->max_word;
	lx->nwords = fz->nwords;
	lx->vslots = (s_vslot *)fz->vslots;
	lx->vmask = fz->vmask;
	memcpy(lx->vbloom, fz->vbloom, sizeof lx->vbloom);
	lx->eslots = (uint64_t *)fz->eslots;
	lx->emask = fz->emask;
	lx->nnodes = fz->nnodes;
	lx->nedges = fz->nnodes;
	lx->term_off = (uint32_t *)fz->term_off;
	lx->sig = (uint64_t *)fz->sig;
	lx->terms = (uint32_t *)fz->terms;
	lx->nterms = fz->nterms;
}
#endif

/* After s_build(): the root node of each word, the bloom filter of the
 * word hashes and the child signature of each node. */
static int s_finish(memo__lex *lx)
{
	lx->sig = memo__calloc((size_t)lx->nnodes + 1, sizeof *lx->sig);
	if (!lx->sig)
		return memo__error_oom();
	memset(lx->vbloom, 0, sizeof lx->vbloom);
	for (size_t j = 0; j <= lx->vmask; j++) {
		if (!lx->vslots[j].id1)
			continue;
		lx->vslots[j].root = s_edge_get(lx, 0, lx->vslots[j].id1 - 1);
		uint32_t b = S_BLOOM_BIT(lx->vslots[j].hash);
		lx->vbloom[b >> 6] |= UINT64_C(1) << (b & 63);
	}
	for (size_t j = 0; j <= lx->emask; j++) {
		uint64_t e = lx->eslots[j];
		if (e == UINT64_MAX)
			continue;
		uint64_t node = (e & S_KEY_MASK) >> S_WORD_BITS;
		lx->sig[node] |= UINT64_C(1) << (e & 63);
	}
	return MEMO_OK;
}

int memo__lex_freeze(memo__lex *lx)
{
	if (lx->frozen)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"lexicon is already frozen");
#ifndef MEMO__LEX_GEN
	if (lx->static_entries &&
	    lx->nentries == memo__lex_frozen.nentries) {
		s_load(lx, &memo__lex_frozen);
		lx->frozen = true;
		return MEMO_OK;
	}
#endif
	int r = s_build(lx);
	if (r == MEMO_OK)
		r = s_finish(lx);
	s_free_build(lx);
	if (r < 0) {
		/* leave the matcher as before freeze(), so it can be freed
		 * or frozen again */
		s_free_tables(lx);
		return r == MEMO_ENOMEM ? memo__error_oom() : r;
	}
	lx->frozen = true;
	return MEMO_OK;
}

/* ---- matching ------------------------------------------------------------ */

static inline uint64_t s_off(const void *base, size_t stride, unsigned width,
	size_t k)
{
	const char *p = (const char *)base + k * stride;
	if (width == 4) {
		uint32_t v;
		memcpy(&v, p, 4);
		return v;
	}
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

/* Whitespace (at most one line break) or one hyphen, nothing else. */
static inline bool s_gap_ok(const unsigned char *t, uint64_t a, uint64_t b)
{
	if (b <= a)
		return false;
	uint64_t n = b - a;
	if (n == 1)
		return t[a] == ' ' || t[a] == '-' || t[a] == '\t' ||
			t[a] == '\n';
	if (n == 3 && t[a] == 0xE2 && t[a + 1] == 0x80 &&
	    (t[a + 2] == 0x90 || t[a + 2] == 0x91))
		return true;
	unsigned nl = 0;
	for (uint64_t i = a; i < b; i++) {
		unsigned c = t[i];
		if (c == ' ' || c == '\t' || c == '\r')
			continue;
		if (c == '\n') {
			if (++nl > 1)
				return false;
			continue;
		}
		if (c == 0xC2 && i + 1 < b && t[i + 1] == 0xA0) {
			i++;
			continue;
		}
		/* U+2000..U+200A spaces, U+202F narrow no-break space */
		if (c == 0xE2 && i + 2 < b && t[i + 1] == 0x80 &&
		    (t[i + 2] <= 0x8A || t[i + 2] == 0xAF)) {
			i += 2;
			continue;
		}
		return false;
	}
	return true;
}

/* Vocabulary slot of a token, or NULL. ASCII tokens (nearly all) fold and
 * hash in one tight loop; others take the general fold. */
static S_HOT const s_vslot *s_word(const memo__lex *lx, const char *s,
	size_t n)
{
	char buf[MEMO__LEX_MAX_WORD + 8];
	const unsigned char *p = (const unsigned char *)s;
	const size_t maxw = lx->max_word;
	uint32_t h = 2166136261u;
	size_t i;

	if (n > 1 && s[n - 1] == '.')
		n--; /* "etc." */
	if (n == 0 || n > 3 * maxw)
		return NULL;
	const size_t lim = n < maxw ? n : maxw;
	for (i = 0; i < lim; i++) {
		unsigned c = p[i];
		if (c >= 0x80)
			break;
		c |= (unsigned)(c - 'A' < 26u) << 5;
		buf[i] = (char)c;
		h = (h ^ c) * 16777619u;
	}
	if (i < n) {
		if (p[i] < 0x80)
			return NULL; /* ASCII and longer than any word */
		size_t fn = memo__lexp_fold(s, n, buf, maxw, &h);
		if (fn == (size_t)-1 || fn == 0)
			return NULL;
		n = fn;
	}
	uint32_t b = S_BLOOM_BIT(h);
	if (!((lx->vbloom[b >> 6] >> (b & 63)) & 1))
		return NULL;
	return s_vocab_slot(lx, buf, n, h);
}

void memo__lex_word_of(const memo__lex *lx, const char *s, size_t n,
	memo__lex_word *w)
{
	const s_vslot *v = lx->frozen && lx->nwords ? s_word(lx, s, n) : NULL;
	w->id = v ? v->id1 - 1 : S_NONE;
	w->root = v ? v->root : 0;
}

/* Are the offsets of every token of t in range (what S_ENSURE checks)? */
static bool s_tokens_ok(const memo__lex_tokens *t)
{
	for (size_t k = 0; k < t->n; k++) {
		uint64_t s = s_off(t->starts, t->stride, t->width, k);
		uint64_t e = s_off(t->ends, t->stride, t->width, k);
		if (e < s || e > t->text_len)
			return false;
	}
	return true;
}

int memo__lex_match(const memo__lex *lx, const memo__lex_tokens *t,
	memo__lex_hit_fn fn, void *ud)
{
	/* ring of the tokens looked at so far: [filled - S_RING, filled) */
	uint32_t wid[S_RING], root[S_RING];
	uint64_t rs[S_RING], re[S_RING];
	size_t filled = 0;
	size_t cover = 0;
	bool have_cover = false;
	const unsigned char *text = (const unsigned char *)t->text;
	const size_t n = t->n;

	if (!lx->frozen || (t->width != 4 && t->width != 8) ||
	    (n && (!t->text || !t->starts || !t->ends)))
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"lexicon match: not frozen or bad token array");
	if (!lx->nwords)
		return MEMO_OK;
	/* words given and every token in range (the usual case): read them
	 * in place, not through the ring */
	const memo__lex_word *words = t->words && s_tokens_ok(t) ? t->words
								 : NULL;

#define S_ENSURE(k) \
	while (!words && filled <= (k)) { \
		uint64_t s_ = s_off(t->starts, t->stride, t->width, filled); \
		uint64_t e_ = s_off(t->ends, t->stride, t->width, filled); \
		if (e_ < s_ || e_ > t->text_len) \
			return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, \
				0, "lexicon match: token %zu out of range", \
				filled); \
		memo__lex_word w_; \
		if (t->words) \
			w_ = t->words[filled]; \
		else \
			memo__lex_word_of(lx, t->text + s_, \
				(size_t)(e_ - s_), &w_); \
		size_t r_ = filled & (S_RING - 1); \
		wid[r_] = w_.id; \
		root[r_] = w_.root; \
		rs[r_] = s_; \
		re[r_] = e_; \
		filled++; \
	}
#define S_WID(k) (words ? words[k].id : wid[(k) & (S_RING - 1)])
#define S_ROOT(k) (words ? words[k].root : root[(k) & (S_RING - 1)])
#define S_START(k) (words ? s_off(t->starts, t->stride, t->width, k) \
			  : rs[(k) & (S_RING - 1)])
#define S_END(k) (words ? s_off(t->ends, t->stride, t->width, k) \
			: re[(k) & (S_RING - 1)])

	for (size_t i = 0; i < n; i++) {
		S_ENSURE(i);
		uint32_t node = S_ROOT(i);
		if (!node)
			continue;
		uint32_t best = 0;
		size_t bestj = i, j = i;
		for (;;) {
			if (lx->term_off[node] != lx->term_off[node + 1]) {
				best = node;
				bestj = j;
			}
			if (j + 1 >= n || j + 1 - i >= MEMO__LEX_MAX_WORDS)
				break;
			S_ENSURE(j + 1);
			uint32_t w2 = S_WID(j + 1);
			if (w2 == S_NONE || !((lx->sig[node] >> (w2 & 63)) & 1))
				break;
			if (!s_gap_ok(text, S_END(j), S_START(j + 1)))
				break;
			uint32_t child = s_edge_get(lx, node, w2);
			if (!child)
				break;
			node = child;
			j++;
		}
		if (!best || (have_cover && bestj <= cover))
			continue;
		cover = bestj;
		have_cover = true;
		for (uint32_t k = lx->term_off[best]; k < lx->term_off[best + 1];
		    k++) {
			uint32_t id = lx->terms[k] >> 2;
			const memo__lex_entry *e = &lx->entries[id];
			if (e->flags & MEMO__LEX_F_STOP)
				continue;
			memo__lex_hit hit;
			hit.entry = id;
			hit.first = (uint32_t)i;
			hit.last = (uint32_t)bestj;
			hit.cls = e->cls;
			hit.form = (uint8_t)(lx->terms[k] & 3u);
			hit.ctx = e->ctx;
			hit.weight = e->weight;
			int r = fn(ud, &hit);
			if (r)
				return r;
		}
	}
#undef S_WID
#undef S_ROOT
#undef S_START
#undef S_END
#undef S_ENSURE
	return MEMO_OK;
}
