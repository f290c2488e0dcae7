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

typedef struct memo__wform {
	const char *s;    /* the first occurrence */
	uint64_t hash, k0; /* memo__wk_hash() */
	uint32_t len;
	uint32_t known;   /* tests done (bit per test) */
	uint32_t has;     /* their results */
	bool rw_done, lex_done;
	uint16_t hedge;   /* hedge.c's word classes (s_bits), 0 at first */
	memo__rw_word rw; /* when rw_done */
	memo__lex_word lw; /* when lex_done */
} memo__wform;

typedef struct memo__wforms {
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
	if (w->known & bit) /* the common case, inline */
		return (w->has & bit) != 0;
	return memo__wforms_test(f, idx, test);
}

/* The readability facts of form idx (memo__readability_word), computed
 * on first use (memo__wforms_rw_fill). */
const memo__rw_word *memo__wforms_rw_fill(const memo__wforms *f,
	uint32_t idx);
static inline const memo__rw_word *memo__wforms_rw(const memo__wforms *f,
	uint32_t idx)
{
	const memo__wform *w = &f->v[idx];
	return w->rw_done ? &w->rw : memo__wforms_rw_fill(f, idx);
}

/* The lexicon word of form idx (memo__lex_word_of), looked up on first
 * use (memo__wforms_lex_fill). lx must be the same for every call on one
 * table. */
const memo__lex_word *memo__wforms_lex_fill(const memo__wforms *f,
	uint32_t idx, const memo__lex *lx);
static inline const memo__lex_word *memo__wforms_lex(const memo__wforms *f,
	uint32_t idx, const memo__lex *lx)
{
	const memo__wform *w = &f->v[idx];
	return w->lex_done ? &w->lw : memo__wforms_lex_fill(f, idx, lx);
}

#endif
