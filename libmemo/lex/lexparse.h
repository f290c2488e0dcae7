/*
 * lexparse.h - the lexicon file format: folding, line parsing, variants.
 *
 * Allocation-free and dependency-free: compiled into the library and into
 * the build-time generator (gen/lexgen.c), so both read the data files the
 * same way. Format reference: docs/lexicons.md.
 */
#ifndef MEMO_LEXPARSE_H
#define MEMO_LEXPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexdefs.h"

/* Limits that keep matching O(1) per token and build time bounded. */
#define MEMO__LEX_MAX_WORDS    24   /* tokens in one matched phrase */
#define MEMO__LEX_MAX_WORD     48   /* bytes in one folded word */
#define MEMO__LEX_MAX_ENTRY    1024 /* bytes in an entry as written */
#define MEMO__LEX_MAX_TEXT     256  /* bytes in one variant */
#define MEMO__LEX_MAX_VARIANTS 8192 /* (a|b) combinations of one entry */
#define MEMO__LEX_MAX_GROUPS   8    /* (a|b) groups in one entry */

/*
 * Fold s[0..len) for matching: ASCII and Latin-1 letters to lower case,
 * curly/modifier apostrophes (U+2018, U+2019, U+201B, U+02BC, U+00B4) to
 * "'", U+2010/U+2011 hyphens to "-", soft hyphens (U+00AD) dropped; other
 * bytes are copied. Writes at most cap bytes to out and returns the folded
 * length, or (size_t)-1 when it does not fit. When hash is not NULL it
 * receives the FNV-1a hash of the folded bytes.
 */
static inline size_t memo__lexp_fold(const char *s, size_t len, char *out,
	size_t cap, uint32_t *hash)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t h = 2166136261u;
	size_t i = 0, o = 0;

	while (i < len) {
		unsigned c = p[i];
		unsigned char b;
		if (c < 0x80) {
			b = (unsigned char)((c - 'A' < 26u) ? c + 32 : c);
			i++;
		} else if (c == 0xC3 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9E && p[i + 1] != 0x97) {
			/* U+00C0..U+00DE upper case -> lower case (not U+00D7) */
			if (o + 2 > cap)
				return (size_t)-1;
			out[o++] = (char)0xC3;
			h = (h ^ 0xC3u) * 16777619u;
			b = (unsigned char)(p[i + 1] + 0x20);
			i += 2;
		} else if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0x98 || p[i + 2] == 0x99 || p[i + 2] == 0x9B)) {
			b = '\'';
			i += 3;
		} else if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0x90 || p[i + 2] == 0x91)) {
			b = '-';
			i += 3;
		} else if ((c == 0xCA && i + 1 < len && p[i + 1] == 0xBC) ||
		    (c == 0xC2 && i + 1 < len && p[i + 1] == 0xB4)) {
			b = '\'';
			i += 2;
		} else if (c == 0xC2 && i + 1 < len && p[i + 1] == 0xAD) {
			i += 2;
			continue;
		} else {
			b = (unsigned char)c;
			i++;
		}
		if (o >= cap)
			return (size_t)-1;
		out[o++] = (char)b;
		h = (h ^ b) * 16777619u;
	}
	if (hash)
		*hash = h;
	return o;
}

/* Class names ("hedge"...), NULL when out of range. */
const char *memo__lexp_class_name(unsigned cls);
/* Class for a name, or -1. */
int memo__lexp_class_from_name(const char *s, size_t len);
/* True when entries of the class must carry a replacement. */
bool memo__lexp_class_needs_repl(unsigned cls);
/* Context tag bit for a name ("num-next"), or 0 when unknown. */
unsigned memo__lexp_ctx_from_name(const char *s, size_t len);
/* Name of a single context bit, or NULL. */
const char *memo__lexp_ctx_name(unsigned bit);

/* The fields of one entry line or "#!" directive line. */
typedef struct memo__lexp_fields {
	const char *text;   /* the entry (NULL for a directive) */
	size_t text_len;
	const char *repl;   /* replacement; "-" in the file gives "" */
	size_t repl_len;
	const char *kind;
	size_t kind_len;
	const char *cls;    /* directive "class=" value */
	size_t cls_len;
	float weight;
	unsigned ctx;
	unsigned infl;
	unsigned head;
	bool has_repl, has_kind, has_weight, has_ctx, has_infl, has_head;
	bool noun;          /* infl=noun */
	bool stop;
} memo__lexp_fields;

/*
 * Parse one entry line: ENTRY [TAB REPLACEMENT] {TAB key=value} [TAB # note]
 * (see docs/lexicons.md). Returns 1 for an entry, 0 for a blank or comment
 * line, -1 for an error with a static message in *err.
 */
int memo__lexp_parse_line(const char *s, size_t len, memo__lexp_fields *f,
	const char **err);

/*
 * Parse the body of a "#!" directive line (after "#!"): key=value pairs
 * separated by blanks. Returns 0 or -1 with *err.
 */
int memo__lexp_parse_directive(const char *s, size_t len,
	memo__lexp_fields *f, const char **err);

/*
 * Check an entry text: allowed characters (letters, digits, apostrophes,
 * hyphens inside words, single spaces, "(a|b|)" groups that are not
 * nested), word and variant limits. Returns the number of variants (>= 1)
 * or -1 with *err.
 */
long memo__lexp_check_text(const char *s, size_t len, const char **err);

/*
 * Write variant number index (0 <= index < the count from
 * memo__lexp_check_text) of a checked entry text to out: the groups
 * resolved, blanks collapsed to single spaces, trimmed. Returns its length
 * or (size_t)-1 when it does not fit in cap.
 */
size_t memo__lexp_variant(const char *s, size_t len, size_t index, char *out,
	size_t cap);

/*
 * All variants of a checked entry text in index order, each written once
 * without parsing the text again:
 *   long n = memo__lexp_variants_init(&it, s, len);   (-1: bad groups)
 *   for (long v = 0; v < n; v++)
 *       len = memo__lexp_variants_next(&it, out, cap); (as memo__lexp_variant)
 */
typedef struct memo__lexp_variants {
	const char *s;
	size_t len;
	int ng;
	size_t gs[MEMO__LEX_MAX_GROUPS], ge[MEMO__LEX_MAX_GROUPS];
	size_t galts[MEMO__LEX_MAX_GROUPS];
	size_t pick[MEMO__LEX_MAX_GROUPS]; /* alternative of each group */
	size_t at[MEMO__LEX_MAX_GROUPS];   /* where it starts in s */
} memo__lexp_variants;

long memo__lexp_variants_init(memo__lexp_variants *it, const char *s,
	size_t len);
size_t memo__lexp_variants_next(memo__lexp_variants *it, char *out,
	size_t cap);

/* Parse "0", "1", "0.5", "1.25" (C-locale independent); -1 on error. */
float memo__lexp_parse_weight(const char *s, size_t len);

#endif /* MEMO_LEXPARSE_H */
