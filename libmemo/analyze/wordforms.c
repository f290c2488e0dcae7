/*
 * wordforms.c - per-analysis table of distinct word forms: open
 * addressing over 64-bit hashes of the words' keys (wordkey.h), results
 * of the word list tests and readability facts filled in on first use;
 * and the analyzer's cache of forms that the tables share.
 */
#include <stdatomic.h>
#include <string.h>

#include "memo_internal.h"
#include "wordforms.h"
#include "wordkey.h"

_Static_assert(MEMO__WF_NTESTS <= 32, "tests fit a 32-bit mask");
/* memo__wl_mask_key() gives the participle bit after the lists' bits */
_Static_assert((int)MEMO__WF_IRREGULAR == (int)MEMO__WL_COUNT,
	"participle bit");

/* ---- the analyzer's cache ----------------------------------------------- */

/* An entry: immutable once published. */
typedef struct s_entry {
	uint64_t hash, k0;
	uint32_t len;
	memo__wfacts x;   /* complete: every test, rw and lw */
	char key[];       /* the form's bytes when len > 8 */
} s_entry;

typedef _Atomic(s_entry *) s_slot;

struct memo__wcache {
	const memo__lex *lx;
	atomic_size_t n;  /* entries published or being published */
	atomic_size_t analyses; /* memo__wforms_publish() calls so far */
	/* MEMO__WCACHE_SLOTS, made by the first analysis that publishes
	 * (NULL before: every look-up misses) */
	_Atomic(s_slot *) slot;
};

_Static_assert((MEMO__WCACHE_SLOTS & (MEMO__WCACHE_SLOTS - 1)) == 0,
	"a power of two");

int memo__wcache_new(memo__wcache **out, const memo__lex *lx)
{
	*out = NULL;
	memo__wcache *wc = memo__malloc(sizeof *wc);
	if (!wc)
		return memo__error_oom();
	wc->lx = lx;
	atomic_init(&wc->n, 0);
	atomic_init(&wc->analyses, 0);
	atomic_init(&wc->slot, NULL);
	*out = wc;
	return MEMO_OK;
}

/* The slot array, made when missing (NULL when it cannot be). */
static s_slot *s_wc_slots(memo__wcache *wc)
{
	s_slot *slot = atomic_load_explicit(&wc->slot, memory_order_acquire);
	if (slot)
		return slot;
	s_slot *mine = memo__malloc(MEMO__WCACHE_SLOTS * sizeof *mine);
	if (!mine)
		return NULL;
	for (size_t j = 0; j < MEMO__WCACHE_SLOTS; j++)
		atomic_init(&mine[j], NULL);
	if (atomic_compare_exchange_strong_explicit(&wc->slot, &slot, mine,
	    memory_order_acq_rel, memory_order_acquire))
		return mine;
	memo__free(mine); /* another analysis made it first: slot is its */
	return slot;
}

void memo__wcache_free(memo__wcache *wc)
{
	if (!wc)
		return;
	s_slot *slot = atomic_load_explicit(&wc->slot, memory_order_relaxed);
	for (size_t j = 0; slot && j < MEMO__WCACHE_SLOTS; j++) {
		s_entry *e = atomic_load_explicit(&slot[j],
			memory_order_relaxed);
		if (e)
			memo__free(e);
	}
	memo__free(slot);
	memo__free(wc);
}

size_t memo__wcache_count(const memo__wcache *wc)
{
	size_t n = 0;
	s_slot *slot = wc ? atomic_load_explicit(&wc->slot,
		memory_order_acquire) : NULL;
	for (size_t j = 0; slot && j < MEMO__WCACHE_SLOTS; j++)
		n += atomic_load_explicit(&slot[j],
			memory_order_relaxed) != NULL;
	return n;
}

static inline bool s_entry_is(const s_entry *e, const char *s, size_t len,
	uint64_t h, uint64_t k0)
{
	return e->hash == h && e->k0 == k0 && e->len == len &&
		(len <= 8 || memo__wk_same_tail(e->key, s, len));
}

/* The entry of the form s[0..len) with key (h, k0), or NULL. */
static const s_entry *s_wc_find(memo__wcache *wc, const char *s,
	size_t len, uint64_t h, uint64_t k0)
{
	const size_t mask = MEMO__WCACHE_SLOTS - 1;
	s_slot *slot = atomic_load_explicit(&wc->slot, memory_order_acquire);
	if (!slot)
		return NULL;
	for (size_t j = (size_t)h & mask;; j = (j + 1) & mask) {
		const s_entry *e = atomic_load_explicit(&slot[j],
			memory_order_acquire);
		if (!e || s_entry_is(e, s, len, h, k0))
			return e;
	}
}

/* Publish the complete form w, unless the cache is full, the entry
 * cannot be allocated, or another analysis published it first. */
static void s_wc_insert(memo__wcache *wc, s_slot *slot,
	const memo__wform *w)
{
	if (atomic_fetch_add_explicit(&wc->n, 1, memory_order_relaxed) >=
	    MEMO__WCACHE_MAX)
		return; /* full: n only grows from here on */
	size_t extra = w->len > 8 ? w->len : 0;
	s_entry *e = memo__malloc(sizeof *e + extra);
	if (!e) {
		atomic_fetch_sub_explicit(&wc->n, 1, memory_order_relaxed);
		return;
	}
	e->hash = w->hash;
	e->k0 = w->k0;
	e->len = w->len;
	e->x = w->x;
	memcpy(e->key, w->s, extra);
	/* at most half the slots are taken: the probe ends */
	const size_t mask = MEMO__WCACHE_SLOTS - 1;
	for (size_t j = (size_t)w->hash & mask;; j = (j + 1) & mask) {
		s_entry *cur = atomic_load_explicit(&slot[j],
			memory_order_acquire);
		if (!cur && atomic_compare_exchange_strong_explicit(
		    &slot[j], &cur, e, memory_order_release,
		    memory_order_acquire))
			return;
		/* cur: the entry in slot j (perhaps just published) */
		if (s_entry_is(cur, w->s, w->len, w->hash, w->k0)) {
			memo__free(e);
			atomic_fetch_sub_explicit(&wc->n, 1,
				memory_order_relaxed);
			return;
		}
	}
}

/* ---- the table of one analysis ------------------------------------------ */

void memo__wforms_init(memo__wforms *f, memo__wcache *cache)
{
	memset(f, 0, sizeof *f);
	f->cache = cache;
}

void memo__wforms_free(memo__wforms *f)
{
	memo__free(f->v);
	memo__free(f->slot);
	memset(f, 0, sizeof *f);
}

#define S_TAG(h) ((h) & ~(uint64_t)UINT32_MAX)

/* Double the slot array and re-insert every form. */
static int s_rehash(memo__wforms *f)
{
	size_t nslot = f->nslot ? f->nslot * 2 : 1024;
	if (nslot > UINT32_MAX)
		return memo__error_oom();
	uint64_t *slot = memo__calloc(nslot, sizeof *slot);
	if (!slot)
		return memo__error_oom();
	for (size_t i = 0; i < f->n; i++) {
		uint64_t h = f->v[i].hash;
		size_t j = (size_t)h & (nslot - 1);
		while (slot[j])
			j = (j + 1) & (nslot - 1);
		slot[j] = S_TAG(h) | (uint64_t)(i + 1);
	}
	memo__free(f->slot);
	f->slot = slot;
	f->nslot = nslot;
	return MEMO_OK;
}

static int s_grow(memo__wforms *f)
{
	size_t cap = f->cap ? f->cap * 2 : 512;
	if (cap > UINT32_MAX - 1)
		return memo__error_oom();
	memo__wform *v = memo__realloc(f->v, cap * sizeof *v);
	if (!v)
		return memo__error_oom();
	f->v = v;
	f->cap = cap;
	return MEMO_OK;
}

/* Find the form with key (h, k0) of s[0..len): its index, or UINT32_MAX
 * with *at the empty slot where it goes. */
static inline uint32_t s_find(const memo__wforms *f, const char *s,
	size_t len, uint64_t h, uint64_t k0, size_t *at)
{
	const size_t mask = f->nslot - 1;
	size_t j = (size_t)h & mask;
	for (uint64_t e; (e = f->slot[j]) != 0; j = (j + 1) & mask) {
		if (S_TAG(e) != S_TAG(h))
			continue;
		const memo__wform *w = &f->v[(uint32_t)e - 1];
		if (w->k0 == k0 && w->len == len &&
		    (len <= 8 || memo__wk_same_tail(w->s, s, len)))
			return (uint32_t)e - 1;
	}
	*at = j;
	return UINT32_MAX;
}

/* Add the new form s[0..len) with key (h, k0), whose slot would be at. */
static int s_insert(memo__wforms *f, const char *s, size_t len, uint64_t h,
	uint64_t k0, size_t at, uint32_t *idx)
{
	int rc;
	if ((f->n + 1) * 2 > f->nslot) {
		if ((rc = s_rehash(f)) != MEMO_OK)
			return rc;
		(void)s_find(f, s, len, h, k0, &at);
	}
	if (f->n == f->cap && (rc = s_grow(f)) != MEMO_OK)
		return rc;
	memo__wform *w = &f->v[f->n];
	memset(w, 0, sizeof *w);
	w->s = s;
	w->len = (uint32_t)len;
	w->hash = h;
	w->k0 = k0;
	if (f->cache) {
		const s_entry *e = s_wc_find(f->cache, s, len, h, k0);
		if (e) {
			w->x = e->x;
			w->rw_done = w->lex_done = w->shared = true;
		}
	}
	f->slot[at] = S_TAG(h) | (uint64_t)(f->n + 1);
	if (len == 1)
		f->one[k0] = (uint32_t)(f->n + 1); /* k0: the byte, folded */
	*idx = (uint32_t)f->n++;
	return MEMO_OK;
}

static inline int s_add(memo__wforms *f, const char *s, size_t len,
	uint32_t *idx)
{
	if (len == 1) {
		unsigned c = (unsigned char)s[0];
		uint32_t e = f->one[c | (c - 'A' < 26u ? 0x20u : 0u)];
		if (e) {
			*idx = e - 1;
			return MEMO_OK;
		}
	}
	if (len > UINT32_MAX)
		len = UINT32_MAX; /* never: node texts are far shorter */
	uint64_t k0;
	uint64_t h = memo__wk_hash(s, len, &k0);
	size_t at = 0;
	uint32_t i = f->nslot ? s_find(f, s, len, h, k0, &at) : UINT32_MAX;
	if (i != UINT32_MAX) {
		*idx = i;
		return MEMO_OK;
	}
	return s_insert(f, s, len, h, k0, at, idx);
}

int memo__wforms_add(memo__wforms *f, const char *s, size_t len,
	uint32_t *idx)
{
	return s_add(f, s, len, idx);
}

int memo__wforms_add_tokens(memo__wforms *f, const char *text,
	const memo__token *t, size_t n, uint32_t *idx)
{
	for (size_t k = 0; k < n; k++) {
		int rc = s_add(f, text + t[k].start, t[k].end - t[k].start,
			&idx[k]);
		if (rc != MEMO_OK)
			return rc;
	}
	return MEMO_OK;
}

bool memo__wforms_test(const memo__wforms *f, uint32_t idx, int test)
{
	memo__wform *w = &f->v[idx];
	uint32_t bit = 1u << test;
	if (test <= MEMO__WF_IRREGULAR) {
		/* one index probe answers for every list and the
		 * participles */
		const uint32_t all = (1u << (MEMO__WF_IRREGULAR + 1)) - 1;
		w->x.has |= memo__wl_mask_key(w->s, w->len, w->hash, w->k0) &
			all;
		w->x.known |= all;
		return (w->x.has & bit) != 0;
	}
	bool r;
	if (test == MEMO__WF_ADJ_SUFFIX)
		r = memo__wl_has_suffix(MEMO__WL_ADJ_SUFFIX, w->s, w->len);
	else
		r = memo__wl_has_prefix(MEMO__WL_PREFERENCE, w->s, w->len);
	w->x.known |= bit;
	if (r)
		w->x.has |= bit;
	return r;
}

const memo__rw_word *memo__wforms_rw_fill(const memo__wforms *f,
	uint32_t idx)
{
	memo__wform *w = &f->v[idx];
	memo__readability_word(&w->x.rw, w->s, w->len);
	w->rw_done = true;
	return &w->x.rw;
}

const memo__lex_word *memo__wforms_lex_fill(const memo__wforms *f,
	uint32_t idx, const memo__lex *lx)
{
	memo__wform *w = &f->v[idx];
	memo__lex_word_of(lx, w->s, w->len, &w->x.lw);
	w->lex_done = true;
	return &w->x.lw;
}

void memo__wforms_publish(memo__wforms *f)
{
	memo__wcache *wc = f->cache;
	if (!wc)
		return;
	/* The first analysis of an analyzer publishes nothing: one that
	 * analyses a single document (one `memo lint FILE`) would pay for
	 * filling a cache it never reads. From the second on, a batch or an
	 * editor analysing again fills it. */
	if (atomic_fetch_add_explicit(&wc->analyses, 1,
	    memory_order_relaxed) == 0)
		return;
	s_slot *slot = s_wc_slots(wc);
	if (!slot)
		return; /* no memory for it: no cache, the same results */
	for (uint32_t i = 0; i < f->n; i++) {
		memo__wform *w = &f->v[i];
		if (w->shared || !(w->x.known || w->rw_done || w->lex_done))
			continue;
		if (atomic_load_explicit(&wc->n, memory_order_relaxed) >=
		    MEMO__WCACHE_MAX)
			return;
		/* every fact: the lists and participles (one probe), the
		 * other tests, readability, the lexicon word */
		for (int t = MEMO__WF_IRREGULAR; t < MEMO__WF_NTESTS; t++)
			(void)memo__wforms_is(f, i, t);
		(void)memo__wforms_rw(f, i);
		(void)memo__wforms_lex(f, i, wc->lx);
		s_wc_insert(wc, slot, w);
		w->shared = true;
	}
}
