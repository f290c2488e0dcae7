/*
 * wordforms.h - the distinct word forms of one analysis, each classified
 * once: which word lists hold it, and what it adds to the readability
 * counts. memo_analyze() looks every token up once (one hash of its
 * bytes); the context rules then test a token with a bit test instead of
 * a search per list per occurrence.
 *
 * One table per memo_analyze() call (never shared between threads). Its
 * size is bounded by the document's distinct tokens. The keys point into
 * the document's node texts, which outlive the call.
 *
 * A form is a word up to the case of its ASCII letters (wordkey.h): what
 * the table holds is the same for "The" and "the", so they share one form
 * and are classified once.
 *
 * What the table learns about a form depends on nothing but its key and
 * the analyzer (fixed word lists, the analyzer's lexicon), so the
 * analyses of one analyzer also share what they learnt through the
 * analyzer's cache of forms (memo__wcache): a form new to a table takes
 * its facts from there when an earlier analysis published them, and the
 * forms an analysis had to classify itself are published at its end
 * (memo__wforms_publish).
 */
#ifndef MEMO_ANALYZE_WORDFORMS_H
#define MEMO_ANALYZE_WORDFORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lex/lex.h"
#include "text/text.h"
#include "words.h"

/* The tests of memo__wforms_is(): the word lists of words.h
 * (memo__wl_has), then these. */
enum {
	MEMO__WF_IRREGULAR = MEMO__WL_COUNT, /* memo__is_irregular_participle */
	MEMO__WF_ADJ_SUFFIX,  /* memo__wl_has_suffix(MEMO__WL_ADJ_SUFFIX) */
	MEMO__WF_PREFERENCE,  /* memo__wl_has_prefix(MEMO__WL_PREFERENCE) */
	MEMO__WF_NTESTS
};

/* What is known of a form: the same for every analysis (and what the
 * analyzer's cache keeps). */
typedef struct memo__wfacts {
	uint32_t known;   /* tests done (bit per test) */
	uint32_t has;     /* their results */
	memo__rw_word rw; /* when rw_done */
	memo__lex_word lw; /* when lex_done */
} memo__wfacts;

typedef struct memo__wform {
	const char *s;    /* the first occurrence */
	uint64_t hash, k0; /* memo__wk_hash() */
	uint32_t len;
	bool rw_done, lex_done;
	uint16_t hedge;   /* hedge.c's word classes (s_bits), 0 at first */
	bool shared;      /* from the analyzer's cache, or published */
	memo__wfacts x;
} memo__wform;

/* ---- the analyzer's cache of forms ---------------------------------------
 * Every fact memo__wform holds for a form, shared by all the analyses
 * (and threads) of one analyzer. Insert-only and lock-free: a fixed array
 * of MEMO__WCACHE_SLOTS atomic pointers to immutable entries, each
 * published with a compare-and-swap into an empty slot (release) and read
 * with acquire loads. Bounded: at most MEMO__WCACHE_MAX entries (the
 * array stays at most half full, so every probe ends at an empty slot);
 * when it is full, or an entry cannot be allocated, a form is just not
 * cached. The slot array is made by the first analysis that publishes,
 * which is the analyzer's second (memo__wforms_publish): an analyzer that
 * analyses one document never makes it. docs/performance.md gives the
 * memory it can take. */
enum {
	MEMO__WCACHE_MAX = 1 << 16,
	MEMO__WCACHE_SLOTS = 2 * MEMO__WCACHE_MAX
};

typedef struct memo__wcache memo__wcache;

/* A cache for the analyzer whose lexicon is lx (the forms' lexicon words
 * are lx's). MEMO_OK or MEMO_ENOMEM. */
int memo__wcache_new(memo__wcache **out, const memo__lex *lx);
/* Free wc and its entries (NULL: nothing); no analysis may be using it. */
void memo__wcache_free(memo__wcache *wc);
/* The entries of wc (for tests and measurements). */
size_t memo__wcache_count(const memo__wcache *wc);

typedef struct memo__wforms {
	memo__wcache *cache; /* shared facts, or NULL */
	memo__wform *v;
	size_t n, cap;
	/* open addressing: the high 32 bits of the form's hash, then form
	 * index + 1 in the low 32 bits; 0 empty */
	uint64_t *slot;
	size_t nslot;
	/* forms of one byte (punctuation, "a", "I"), by the byte with A-Z
	 * lower-cased: form index + 1, 0 none yet */
	uint32_t one[256];
} memo__wforms;

/* An empty table that takes facts from, and publishes to, cache (may be
 * NULL). */
void memo__wforms_init(memo__wforms *f, memo__wcache *cache);

/* Publish every form the analysis classified itself (a word list test,
 * readability or lexicon word done), with all its facts (the missing
 * ones are computed now), to the table's cache; the first call on a
 * cache publishes nothing. Never fails: a form that finds the cache full
 * or cannot be allocated is just not published. */
void memo__wforms_publish(memo__wforms *f);

void memo__wforms_free(memo__wforms *f);

/* The index of the form s[0..len) (up to ASCII case), added when new.
 * MEMO_OK or MEMO_ENOMEM. */
int memo__wforms_add(memo__wforms *f, const char *s, size_t len,
	uint32_t *idx);

/* memo__wforms_add() of the n tokens t of text, into idx[0..n).
 * MEMO_OK or MEMO_ENOMEM. */
int memo__wforms_add_tokens(memo__wforms *f, const char *text,
	const memo__token *t, size_t n, uint32_t *idx);

/* Test @p test (a memo__wordlist or a MEMO__WF_ value) on form idx. The
 * result is computed on first use (memo__wforms_test) and kept in the
 * form: the table is a cache, so this writes through a const table. */
bool memo__wforms_test(const memo__wforms *f, uint32_t idx, int test);
static inline bool memo__wforms_is(const memo__wforms *f, uint32_t idx,
	int test)
{
	const memo__wform *w = &f->v[idx];
	uint32_t bit = 1u << test;
	if (w->x.known & bit) /* the common case, inline */
		return (w->x.has & bit) != 0;
	return memo__wforms_test(f, idx, test);
}

/* The word lists of words.h that hold form idx, as a mask of
 * 1u << MEMO__WL_x: every list at once (one probe, once per form), for
 * a caller that tests several lists on every token. */
static inline uint32_t memo__wforms_lists(const memo__wforms *f,
	uint32_t idx)
{
	(void)memo__wforms_is(f, idx, 0); /* fills every list's bit */
	return f->v[idx].x.has & ((1u << MEMO__WL_COUNT) - 1);
}

/* The readability facts of form idx (memo__readability_word), computed
 * on first use (memo__wforms_rw_fill). */
const memo__rw_word *memo__wforms_rw_fill(const memo__wforms *f,
	uint32_t idx);
static inline const memo__rw_word *memo__wforms_rw(const memo__wforms *f,
	uint32_t idx)
{
	const memo__wform *w = &f->v[idx];
	return w->rw_done ? &w->x.rw : memo__wforms_rw_fill(f, idx);
}

/* The lexicon word of form idx (memo__lex_word_of), looked up on first
 * use (memo__wforms_lex_fill). lx must be the same for every call on one
 * table, and the lexicon of its cache (memo__wcache_new). */
const memo__lex_word *memo__wforms_lex_fill(const memo__wforms *f,
	uint32_t idx, const memo__lex *lx);
static inline const memo__lex_word *memo__wforms_lex(const memo__wforms *f,
	uint32_t idx, const memo__lex *lx)
{
	const memo__wform *w = &f->v[idx];
	return w->lex_done ? &w->x.lw : memo__wforms_lex_fill(f, idx, lx);
}

#endif
