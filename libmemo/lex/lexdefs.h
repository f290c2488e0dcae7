/*
 * lexdefs.h - lexicon classes, entry records and flags.
 *
 * Shared by the library, the build-time generator (gen/lexgen.c, built for
 * the build machine) and the generated tables, so it depends on nothing but
 * the C standard headers. The file format is described in docs/lexicons.md.
 */
#ifndef MEMO_LEXDEFS_H
#define MEMO_LEXDEFS_H

#include <stddef.h>
#include <stdint.h>

/* Lexicon classes. The names (memo__lexp_class_name) are the public
 * lexicon names of memo_config_lexicon_add(); the order is fixed. */
typedef enum memo__lex_class {
	MEMO__LEX_HEDGE = 0,         /* "hedge" */
	MEMO__LEX_BOOSTER,           /* "booster" */
	MEMO__LEX_VAGUE,             /* "vague": quantities, intensifiers */
	MEMO__LEX_ATTRIBUTION,       /* "attribution": "experts agree" */
	MEMO__LEX_FILLER,            /* "filler": wordy phrase -> replacement */
	MEMO__LEX_NOMINALIZATION,    /* "nominalization": "make a decision" */
	MEMO__LEX_ADVERB,            /* "adverb": "really", "basically" */
	MEMO__LEX_ACTIVITY,          /* "activity": "collaborated", "aligned" */
	MEMO__LEX_DECISION,          /* "decision": "decided", "cut", "will ship" */
	MEMO__LEX_TRADEOFF,          /* "tradeoff": "at the cost of", "ruled out" */
	MEMO__LEX_CAUSAL,            /* "causal": "because", "as a result" */
	MEMO__LEX_SLOGAN,            /* "slogan": "world-class", "synergy" */
	MEMO__LEX_CLICHE,            /* "cliche": "low-hanging fruit" */
	MEMO__LEX_NCLASSES
} memo__lex_class;

/*
 * Context tags (entry key "ctx="). A tag marks an entry that a word list
 * cannot disambiguate; the analyzer applies the context rule. Bit values
 * are internal (not ABI); the names are the file format.
 */
#define MEMO__LEX_CTX_NUM_NEXT    0x0001u /* "num-next": fine when the next
                                           * token is a number ("about 30%") */
#define MEMO__LEX_CTX_NUM_CLAUSE  0x0002u /* "num-clause": fine when its clause
                                           * has a number ("we estimate 4%") */
#define MEMO__LEX_CTX_CONNECTIVE  0x0004u /* "connective": counts only as a
                                           * clause connective ("so we", ", so")
                                           * not as an intensifier ("so much") */
#define MEMO__LEX_CTX_NOT_TIME    0x0008u /* "not-time": not this class when a
                                           * date/time/number follows
                                           * ("since 2019") */
#define MEMO__LEX_CTX_MONTH       0x0010u /* "month": may be a month name
                                           * ("in May", "May 3") */
#define MEMO__LEX_CTX_METRIC_NEXT 0x0020u /* "metric-next": counts only when a
                                           * metric follows ("drove a 3% lift") */
#define MEMO__LEX_CTX_AFTER_PREF  0x0040u /* "after-pref": counts only after a
                                           * preference verb (prioritize,
                                           * prefer, choose, favor: "X over Y") */
#define MEMO__LEX_CTX_WEAK        0x0080u /* "weak": ambiguous alone; count at
                                           * low confidence or with support */
#define MEMO__LEX_CTX_ALL         0x00ffu

/* Inflection bits (entry key "infl="): which suffix forms of the head word
 * also match. Irregular verbs come from irregular-verbs.tsv. */
#define MEMO__LEX_INFL_S   0x1u  /* -s / -es / -ies (3rd person, plural) */
#define MEMO__LEX_INFL_ED  0x2u  /* -ed / -d / -ied, irregular past/participle */
#define MEMO__LEX_INFL_ING 0x4u  /* -ing (e-drop, consonant doubling) */
#define MEMO__LEX_INFL_VERB (MEMO__LEX_INFL_S | MEMO__LEX_INFL_ED | \
	MEMO__LEX_INFL_ING)
#define MEMO__LEX_INFL_NOUN MEMO__LEX_INFL_S

/* Head word to inflect (entry key "head="): 1-based word index, or one of: */
#define MEMO__LEX_HEAD_DEFAULT 0u   /* verb forms: first word; noun: last */
#define MEMO__LEX_HEAD_LAST    255u

/* Entry flags. */
#define MEMO__LEX_F_STOP    0x01u /* "stop=1": matches and blocks shorter or
                                   * overlapping matches, reports nothing */
#define MEMO__LEX_F_REMOVED 0x02u /* removed by configuration */
#define MEMO__LEX_F_ADDED   0x04u /* added by configuration (strings owned) */
#define MEMO__LEX_F_NOUN    0x08u /* infl=noun: head defaults to last word */

/*
 * One lexicon entry. Built-in entries live in static tables generated from
 * data/lexicons at build time; entries added by configuration own their
 * strings.
 */
typedef struct memo__lex_entry {
	const char *text;    /* as written: words, '-' joins, (a|b|) groups */
	const char *repl;    /* replacement(s), '|'-separated; "" = delete;
	                      * NULL = none */
	const char *kind;    /* subclass ("reason", "exclusion"...) or NULL */
	float weight;        /* default 1; 0.5 for "should" as a hedge */
	uint8_t cls;         /* memo__lex_class */
	uint8_t infl;        /* MEMO__LEX_INFL_* bits */
	uint8_t head;        /* MEMO__LEX_HEAD_* or 1-based word index */
	uint8_t flags;       /* MEMO__LEX_F_* */
	uint16_t ctx;        /* MEMO__LEX_CTX_* bits */
	uint16_t line;       /* line in its data file (0 for added entries) */
} memo__lex_entry;

/* An irregular verb: base, past and participle forms ('|' separates
 * alternatives), and an irregular 3rd-person form or NULL. */
typedef struct memo__lex_irregular {
	const char *base;
	const char *past;
	const char *participle;
	const char *third;
} memo__lex_irregular;

/* Per-class defaults and provenance, from the data file's "#!" directives
 * and its '#' header. */
typedef struct memo__lex_class_info {
	const char *file;    /* data file name ("hedges.txt") */
	const char *notice;  /* the file's header comment lines (source, licence) */
	float weight;        /* default weight */
	uint16_t ctx;        /* default ctx */
	uint8_t infl;        /* default infl */
	uint8_t head;        /* default head */
	uint8_t noun;        /* default infl is "noun" */
	uint8_t reserved[3];
} memo__lex_class_info;

/* The generated tables (lex_tables.c). */
extern const memo__lex_entry memo__lex_builtin[];
extern const size_t memo__lex_builtin_count;
extern const memo__lex_irregular memo__lex_irregulars[];
extern const size_t memo__lex_irregular_count;
extern const memo__lex_class_info memo__lex_classes[MEMO__LEX_NCLASSES];
extern const char *const memo__lex_irregular_notice;

/* A vocabulary slot of the matcher's word hash table (lex.c): all that
 * matching needs of a word, in 16 bytes. */
typedef struct memo__lex_vslot {
	uint32_t hash;   /* memo__lexp_fold() hash of the folded word */
	uint32_t id1;    /* word id + 1; 0 = empty slot */
	uint32_t root;   /* first-level trie node of the word, 0 = none */
	uint32_t off;    /* folded word in blob: off & 0xffffff, len >> 24 */
} memo__lex_vslot;

/*
 * The built-in lexicon frozen at build time (lex_frozen.c, written by
 * memo-lexfreeze, which compiles lex.c with MEMO__LEX_GEN defined and
 * freezes memo__lex_builtin): the matcher's final tables, with the layout
 * and hash table sizes memo__lex_freeze() makes at run time, so that
 * freezing an unedited matcher only points it at them (see s_load in
 * lex.c). Every value is written as a number, so the tables do not depend
 * on the byte order of the build machine.
 */
typedef struct memo__lex_frozen_t {
	size_t nentries;            /* memo__lex_builtin_count it was made
	                             * from */
	size_t nwords, bloblen, max_word;
	uint32_t nnodes;
	size_t nterms;
	size_t vmask, emask;        /* hash table sizes - 1 */
	const char *blob;           /* bloblen: the folded words */
	const memo__lex_vslot *vslots; /* vmask + 1: the word table */
	const uint64_t *eslots;     /* emask + 1: the trie edge table */
	const uint64_t *sig;        /* nnodes + 1: child word bits per node */
	const uint32_t *term_off;   /* nnodes + 2: terminal list of each node */
	const uint32_t *terms;      /* nterms: entry << 2 | form */
	const uint64_t *vbloom;     /* the word hash bloom filter */
} memo__lex_frozen_t;

extern const memo__lex_frozen_t memo__lex_frozen;

#endif /* MEMO_LEXDEFS_H */
