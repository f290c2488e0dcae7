/*
 * lex.h - the multi-word lexicon matcher (internal API).
 *
 * Life cycle, per analyzer:
 *   memo__lex_new(&lx, 0)                 built-in lexicons (compiled in)
 *   memo__lex_add(lx, cls, line, len, &id) configuration additions
 *   memo__lex_remove(lx, cls, text, len)   configuration removals
 *   memo__lex_freeze(lx)                   build the trie; no more changes
 *   memo__lex_match(lx, &tokens, fn, ud)   any number of threads at once
 *   memo__lex_free(lx)
 *
 * Matching works over word tokens given as byte ranges into a text (see
 * memo__lex_tokens): every hit reports its class, its entry id and the
 * first and last token index. Details in docs/lexicons.md.
 */
#ifndef MEMO_LEX_H
#define MEMO_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexdefs.h"

typedef struct memo__lex memo__lex;

/* memo__lex_new flags */
#define MEMO__LEX_NEW_EMPTY 0x1u /* start with no entries (tests, tools) */

/* Name of class cls ("hedge"), NULL when out of range. */
const char *memo__lex_class_name(unsigned cls);
/* Class of a lexicon name, or -1. */
int memo__lex_class_from_name(const char *name);

/*
 * Create a matcher holding the built-in lexicons (or none with
 * MEMO__LEX_NEW_EMPTY). Returns MEMO_OK or MEMO_ENOMEM.
 * @ownership caller-frees *out with memo__lex_free().
 */
int memo__lex_new(memo__lex **out, unsigned flags);
void memo__lex_free(memo__lex *lx);

/*
 * Add an entry to class cls. line has the data-file syntax:
 *   ENTRY [TAB REPLACEMENT] {TAB key=value}
 * (a plain word or phrase is the common case); unset keys take the class
 * defaults. An entry added after a removal is not affected by it.
 * *out_id (may be NULL) receives the new entry id.
 * Returns MEMO_OK, MEMO_EINVALID (syntax, empty entry, unknown class,
 * already frozen) or MEMO_ENOMEM.
 */
int memo__lex_add(memo__lex *lx, unsigned cls, const char *line, size_t len,
	uint32_t *out_id);

/*
 * Remove from class cls every entry whose text is text (compared folded,
 * hyphens as spaces), and block that surface form for all entries of the
 * class present so far: removing "aligned" keeps "align" and its other
 * forms; removing "align" drops the entry with all its forms. Removing what
 * the class does not have is not an error.
 * Returns MEMO_OK, MEMO_EINVALID (unknown class, empty text, frozen) or
 * MEMO_ENOMEM.
 */
int memo__lex_remove(memo__lex *lx, unsigned cls, const char *text,
	size_t len);

/* Build the matching tables. Returns MEMO_OK, MEMO_ENOMEM or
 * MEMO_EINVALID (already frozen). */
int memo__lex_freeze(memo__lex *lx);

/* Number of entry ids (including removed entries). */
size_t memo__lex_count(const memo__lex *lx);
/* Entry id (< memo__lex_count), or NULL. Borrowed: valid until the next
 * memo__lex_add() and, once frozen, as long as lx. */
const memo__lex_entry *memo__lex_entry_at(const memo__lex *lx, uint32_t id);
/* Table sizes of a frozen matcher (for tests and tuning). */
typedef struct memo__lex_stats_t {
	size_t words;   /* distinct folded words */
	size_t nodes;   /* trie nodes */
	size_t terms;   /* (node, entry) terminal records */
	size_t bytes;   /* memory of the matching tables */
	bool prebuilt;  /* the tables are the built-in ones frozen at build
	                 * time (lex_frozen.c), not built at run time */
} memo__lex_stats_t;
void memo__lex_stats(const memo__lex *lx, memo__lex_stats_t *out);
/* Do frozen a and b hold the same matching tables, slot for slot (tests:
 * the build-time tables against a run-time build)? */
bool memo__lex_same_tables(const memo__lex *a, const memo__lex *b);

/* Entries of a class that are not removed. */
size_t memo__lex_class_count(const memo__lex *lx, unsigned cls);
/* First entry id of class cls whose text folds to text, or -1. */
long memo__lex_find(const memo__lex *lx, unsigned cls, const char *text);

/*
 * Tokens to match: token k is text[start_k, end_k), where start_k is read
 * at byte (const char *)starts + k * stride, as a uint32_t when width is 4
 * or a uint64_t when width is 8 (same for ends). Parallel uint32_t arrays
 * use stride 4; an array of token structs uses stride sizeof(struct) with
 * starts/ends pointing at the first record's fields.
 *
 * Pass word tokens only (runs with a letter or digit; keep contractions
 * such as "won't" and hyphenated words in one token or split at the
 * hyphen, both work). Punctuation is seen in the gaps between tokens: a
 * multi-word match crosses a gap only when it is whitespace (at most one
 * line break) or a single hyphen with no blanks. A punctuation token, if
 * passed, never matches and so also breaks a phrase.
 */
typedef struct memo__lex_word memo__lex_word;

typedef struct memo__lex_tokens {
	const char *text;
	size_t text_len;
	const void *starts;
	const void *ends;
	size_t stride;
	unsigned width;
	size_t n;
	/* optional, NULL by default: words[i] is memo__lex_word_of() of
	 * token i, for a caller that looks each distinct form up once */
	const memo__lex_word *words;
} memo__lex_tokens;

/* A token's word as the matcher sees it: its vocabulary id and first
 * trie node (none when no entry uses the word). */
struct memo__lex_word {
	uint32_t id;
	uint32_t root;
};

/* Look up the token s[0..n) of frozen lx (none when not frozen). */
void memo__lex_word_of(const memo__lex *lx, const char *s, size_t n,
	memo__lex_word *w);

/* Fill t for parallel uint32_t arrays. */
void memo__lex_tokens_u32(memo__lex_tokens *t, const char *text,
	size_t text_len, const uint32_t *starts, const uint32_t *ends,
	size_t n);

/* Surface form of a hit. */
#define MEMO__LEX_FORM_BASE 0u /* as written in the entry */
#define MEMO__LEX_FORM_S    1u /* head word + -s/-es/-ies */
#define MEMO__LEX_FORM_ED   2u /* head word past / participle */
#define MEMO__LEX_FORM_ING  3u /* head word + -ing */

typedef struct memo__lex_hit {
	uint32_t entry;  /* entry id: memo__lex_entry_at(lx, entry) */
	uint32_t first;  /* first token index */
	uint32_t last;   /* last token index (inclusive) */
	uint8_t cls;     /* memo__lex_class */
	uint8_t form;    /* MEMO__LEX_FORM_* */
	uint16_t ctx;    /* the entry's ctx bits */
	float weight;    /* the entry's weight */
} memo__lex_hit;

/* Called for each hit in token order; a non-zero return stops matching and
 * is returned by memo__lex_match. */
typedef int (*memo__lex_hit_fn)(void *ud, const memo__lex_hit *hit);

/*
 * Report every hit in t. At each start token the longest entry wins over
 * shorter ones of any class ("due to the fact that" is a filler, not the
 * causal "due to"); all classes that share that longest phrase are
 * reported; a match lying wholly inside an earlier match is dropped ("it
 * is widely believed" is one attribution, not also the hedge "believed").
 * Stop entries match and block but report nothing.
 * Read-only: thread-safe on a frozen matcher; never allocates.
 * Returns MEMO_OK, MEMO_EINVALID (not frozen, bad width or offsets), or the
 * callback's non-zero value.
 */
int memo__lex_match(const memo__lex *lx, const memo__lex_tokens *t,
	memo__lex_hit_fn fn, void *ud);

/* The licence/source notice of a class's data file (its '#' header). */
const char *memo__lex_notice(unsigned cls);

#endif /* MEMO_LEX_H */
