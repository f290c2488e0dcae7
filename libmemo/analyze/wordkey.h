/*
 * wordkey.h - the key of a word for the word tables of the analyzer: its
 * bytes with ASCII letters lower-cased, read eight at a time.
 *
 * The word lists (words.c) and the per-call table of word forms
 * (wordforms.c) hash a word with the same function, so a form hashed once
 * is looked up in the lists without hashing it again. Everything these
 * tables hold (list membership, irregular participles, readability
 * counts, lexicon words) is the same for "The" and "the": those are
 * compared case-insensitively (ASCII only, as strncasecmp() in the C
 * locale); other bytes are compared as they are.
 */
#ifndef MEMO_ANALYZE_WORDKEY_H
#define MEMO_ANALYZE_WORDKEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* p[0..r) as a little-endian number, r <= 8, zero above (any host: the
 * byte shifts compile to single loads on little-endian machines). */
static inline uint64_t memo__wk_le32(const unsigned char *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
		(uint64_t)p[3] << 24;
}

static inline uint64_t memo__wk_load(const unsigned char *p, size_t r)
{
	if (r >= 8)
		return memo__wk_le32(p) | memo__wk_le32(p + 4) << 32;
	if (r >= 4) /* two overlapping reads */
		return memo__wk_le32(p) | memo__wk_le32(p + r - 4) << (8 * (r - 4));
	if (r == 0)
		return 0;
	return (uint64_t)p[0] | (uint64_t)p[r / 2] << (8 * (r / 2)) |
		(uint64_t)p[r - 1] << (8 * (r - 1));
}

/* The eight bytes of x with A-Z lower-cased, nothing else changed. */
static inline uint64_t memo__wk_fold(uint64_t x)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	uint64_t low7 = x & (ones * 0x7F);
	uint64_t ge_a = low7 + ones * (0x80 - 'A');     /* bit 7: >= 'A' */
	uint64_t gt_z = low7 + ones * (0x80 - 'Z' - 1); /* bit 7: > 'Z' */
	uint64_t upper = ge_a & ~gt_z & ~x & (ones * 0x80);
	return x | upper >> 2;
}

/* Hash of the key of s[0..len); *k0 receives its first eight bytes
 * (memo__wk_load, folded): two words of at most eight bytes are the same
 * key when their lengths and k0 are equal. */
static inline uint64_t memo__wk_hash(const char *s, size_t len,
	uint64_t *k0)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t x = memo__wk_fold(memo__wk_load(p, len));
	uint64_t h = (uint64_t)len * UINT64_C(0x9E3779B97F4A7C15) ^ x;
	*k0 = x;
	for (size_t i = 8; i < len; i += 8) {
		h *= UINT64_C(0xBF58476D1CE4E5B9);
		h ^= memo__wk_fold(memo__wk_load(p + i, len - i));
	}
	h *= UINT64_C(0x94D049BB133111EB);
	return h ^ (h >> 31);
}

/* Are a[8..len) and b[8..len) the same key (the first eight bytes are
 * compared through k0)? */
static inline bool memo__wk_same_tail(const char *a, const char *b,
	size_t len)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	for (size_t i = 8; i < len; i += 8)
		if (memo__wk_fold(memo__wk_load(p + i, len - i)) !=
		    memo__wk_fold(memo__wk_load(q + i, len - i)))
			return false;
	return true;
}

/* Are s[0..n) the lower-case bytes w[0..n), up to the case of A-Z (as
 * strncasecmp() in the C locale, without its stop at a NUL byte)? */
static inline bool memo__wk_eq_lower(const char *s, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (c - 'A' < 26u)
			c |= 0x20u;
		if (c != (unsigned char)w[i])
			return false;
	}
	return true;
}

/* ---- a fixed set of words with class bits ------------------------------
 * An open-addressing table of size slots (a power of two, at least twice
 * the words) keyed as above, each word with the bits of the classes that
 * hold it. The word lists of words.c and hedge.c are such tables, filled
 * once under pthread_once() and only read after that. */
typedef struct memo__wk_slot {
	const char *w;  /* NULL: empty; not NUL-terminated */
	uint64_t k0;    /* memo__wk_hash() */
	uint32_t len;
	uint32_t bits;  /* the classes that hold w */
} memo__wk_slot;

/* Add the word w[0..len) with bits to table ix (ORed with its bits when
 * it is there already). */
static inline void memo__wk_index_add(memo__wk_slot *ix, size_t size,
	const char *w, size_t len, uint32_t bits)
{
	uint64_t k0;
	size_t j = (size_t)memo__wk_hash(w, len, &k0) & (size - 1);
	while (ix[j].w && !(ix[j].len == len && ix[j].k0 == k0 &&
	    memo__wk_same_tail(ix[j].w, w, len)))
		j = (j + 1) & (size - 1);
	ix[j].w = w;
	ix[j].k0 = k0;
	ix[j].len = (uint32_t)len;
	ix[j].bits |= bits;
}

/* The bits of the word s[0..len) whose key is (h, k0), 0 when absent. */
static inline uint32_t memo__wk_index_get(const memo__wk_slot *ix,
	size_t size, const char *s, size_t len, uint64_t h, uint64_t k0)
{
	for (size_t j = (size_t)h & (size - 1); ix[j].w;
	     j = (j + 1) & (size - 1))
		if (ix[j].k0 == k0 && ix[j].len == len &&
		    memo__wk_same_tail(ix[j].w, s, len))
			return ix[j].bits;
	return 0;
}

#endif
