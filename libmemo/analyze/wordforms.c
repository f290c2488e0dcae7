/*
 * wordforms.c - per-analysis table of distinct word forms: open
 * addressing over 64-bit hashes of the exact bytes, results of the word
 * list tests and readability facts filled in on first use.
 */
#include <string.h>

#include "memo_internal.h"
#include "wordforms.h"

_Static_assert(MEMO__WF_NTESTS <= 32, "tests fit a 32-bit mask");

void memo__wforms_free(memo__wforms *f)
{
	memo__free(f->v);
	memo__free(f->slot);
	memo__free(f->hash);
	memset(f, 0, sizeof *f);
}

static uint64_t s_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h ^ (h >> 29);
}

/* Double the slot array and re-insert every form. */
static int s_rehash(memo__wforms *f)
{
	size_t nslot = f->nslot ? f->nslot * 2 : 256;
	if (nslot > UINT32_MAX)
		return memo__error_oom();
	uint32_t *slot = memo__calloc(nslot, sizeof *slot);
	if (!slot)
		return memo__error_oom();
	for (size_t i = 0; i < f->n; i++) {
		size_t j = (size_t)f->hash[i] & (nslot - 1);
		while (slot[j])
			j = (j + 1) & (nslot - 1);
		slot[j] = (uint32_t)(i + 1);
	}
	memo__free(f->slot);
	f->slot = slot;
	f->nslot = nslot;
	return MEMO_OK;
}

static int s_grow(memo__wforms *f)
{
	size_t cap = f->cap ? f->cap * 2 : 128;
	if (cap > UINT32_MAX - 1)
		return memo__error_oom();
	memo__wform *v = memo__realloc(f->v, cap * sizeof *v);
	if (!v)
		return memo__error_oom();
	f->v = v;
	uint64_t *h = memo__realloc(f->hash, cap * sizeof *h);
	if (!h)
		return memo__error_oom();
	f->hash = h;
	f->cap = cap;
	return MEMO_OK;
}

int memo__wforms_add(memo__wforms *f, const char *s, size_t len,
	uint32_t *idx)
{
	int rc;
	if (len > UINT32_MAX)
		len = UINT32_MAX; /* never: node texts are far shorter */
	if ((f->n + 1) * 2 > f->nslot && (rc = s_rehash(f)) != MEMO_OK)
		return rc;
	uint64_t h = s_hash(s, len);
	size_t j = (size_t)h & (f->nslot - 1);
	for (uint32_t e; (e = f->slot[j]) != 0; j = (j + 1) & (f->nslot - 1)) {
		const memo__wform *w = &f->v[e - 1];
		if (f->hash[e - 1] == h && w->len == len &&
		    memcmp(w->s, s, len) == 0) {
			*idx = e - 1;
			return MEMO_OK;
		}
	}
	if (f->n == f->cap && (rc = s_grow(f)) != MEMO_OK)
		return rc;
	memo__wform *w = &f->v[f->n];
	memset(w, 0, sizeof *w);
	w->s = s;
	w->len = (uint32_t)len;
	f->hash[f->n] = h;
	f->slot[j] = (uint32_t)(f->n + 1);
	*idx = (uint32_t)f->n++;
	return MEMO_OK;
}

bool memo__wforms_test(const memo__wforms *f, uint32_t idx, int test)
{
	memo__wform *w = &f->v[idx];
	uint32_t bit = 1u << test;
	if (test < MEMO__WL_COUNT) {
		/* one index probe answers for every list */
		const uint32_t lists = (1u << MEMO__WL_COUNT) - 1;
		w->has |= memo__wl_mask(w->s, w->len) & lists;
		w->known |= lists;
		return (w->has & bit) != 0;
	}
	bool r;
	if (test == MEMO__WF_IRREGULAR)
		r = memo__is_irregular_participle(w->s, w->len);
	else if (test == MEMO__WF_ADJ_SUFFIX)
		r = memo__wl_has_suffix(MEMO__WL_ADJ_SUFFIX, w->s, w->len);
	else
		r = memo__wl_has_prefix(MEMO__WL_PREFERENCE, w->s, w->len);
	w->known |= bit;
	if (r)
		w->has |= bit;
	return r;
}

const memo__rw_word *memo__wforms_rw(const memo__wforms *f, uint32_t idx)
{
	memo__wform *w = &f->v[idx];
	if (!w->rw_done) {
		memo__readability_word(&w->rw, w->s, w->len);
		w->rw_done = true;
	}
	return &w->rw;
}

const memo__lex_word *memo__wforms_lex(const memo__wforms *f, uint32_t idx,
	const memo__lex *lx)
{
	memo__wform *w = &f->v[idx];
	if (!w->lex_done) {
		memo__lex_word_of(lx, w->s, w->len, &w->lw);
		w->lex_done = true;
	}
	return &w->lw;
}
