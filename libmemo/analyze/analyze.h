/*
 * analyze.h - internal types of the analysis engine: configuration,
 * analyzer, report, annotations and the metric arithmetic.
 */
#ifndef MEMO_ANALYZE_H
#define MEMO_ANALYZE_H

#include "memo_internal.h"
#include "lex/lex.h"
#include "text/text.h"

/* Metric indexes, in registry order (metrics.def). */
enum {
#define M(e, id, name, group, def) MEMO__M_##e,
#include "metrics.def"
#undef M
	MEMO__M_COUNT
};

/* Annotation kinds; names in s_kind_names (report.c). Append only. */
typedef enum memo__kind {
	MEMO__K_HEDGE,
	MEMO__K_BOOSTER,
	MEMO__K_VAGUE,
	MEMO__K_ATTRIBUTION,
	MEMO__K_FILLER,
	MEMO__K_NOMINALIZATION,
	MEMO__K_ADVERB,
	MEMO__K_PASSIVE,
	MEMO__K_METRIC,
	MEMO__K_CAUSAL,
	MEMO__K_DECISION,
	MEMO__K_TRADEOFF,
	MEMO__K_ACTIVITY,
	MEMO__K_SLOGAN,
	MEMO__K_CLICHE,
	MEMO__K_ACRONYM,
	MEMO__K_AGENTLESS,   /* a decision verb in an agentless passive */
	MEMO__K_REPEATED,    /* the same word twice in a row */
	MEMO__K_FREQUENCY,   /* vague frequency or time: often, soon */
	MEMO__K_AMOUNT,      /* vague amount or degree: most of, a few,
	                      * significantly faster (hedge.c) */
	MEMO__K_APPROXIMATOR,/* hedge of degree: almost, roughly (hedge.c) */
	MEMO__K_COUNT
} memo__kind;

/* Rule indexes, in registry order (rules.def). */
enum {
#define R(e, id, sev, summary, desc) MEMO__R_##e,
#include "rules.def"
#undef R
	MEMO__R_COUNT
};

/* Rule index of an id, or -1. */
int memo__rule_index(const char *id);

const char *memo__kind_name(memo__kind k);

/* Numeric configuration keys (the table is in config.c). */
enum {
	MEMO__CFG_SENTENCE_MAX_WORDS,
	MEMO__CFG_PAGE_WORDS,
	MEMO__CFG_W_COMPRESSION,
	MEMO__CFG_W_EVIDENCE,
	MEMO__CFG_W_CAUSALITY,
	MEMO__CFG_W_JUDGMENT,
	MEMO__CFG_W_STRUCTURE,
	MEMO__CFG_SPELL_SUGGEST,
	MEMO__CFG_COUNT
};

/* String configuration keys. */
enum {
	MEMO__CFGS_KIND,
	MEMO__CFGS_SPELL_LANGUAGE,
	MEMO__CFGS_SPELL_DICTIONARY,
	MEMO__CFGS_COUNT
};

typedef struct memo__kindglob {
	char *glob;
	char *kind;
} memo__kindglob;


typedef struct memo__lexedit {
	uint32_t lexicon;
	bool add;           /* false: remove */
	char *entry;
} memo__lexedit;

struct memo_config {
	double values[MEMO__CFG_COUNT];
	int8_t severity[MEMO__R_COUNT];   /* -1: the rule's default */
	char *strings[MEMO__CFGS_COUNT];  /* NULL: default */
	memo__lexedit *edits;
	size_t nedits, capedits;
	memo__kindglob *globs;
	size_t nglobs, capglobs;
	char **words;                     /* accepted spellings */
	size_t nwords, capwords;
	char *dir;                        /* folder of the last file loaded */
};

/* Canonical static name of a kind ("prfaq"), or NULL when unknown. */
const char *memo__kind_canonical(const char *kind);

/* Deep copy of a configuration (the analyzer keeps one). */
int memo__config_copy(memo_config **out, const memo_config *src);

/* Additive counts of a sentence, paragraph or range of paragraphs. */
typedef struct memo__counts {
	double words, sentences, paragraphs, characters, syllables;
	double letters, polysyllables, complex_words, long_words;
	double long_sentences;
	double k[MEMO__K_COUNT];      /* annotations by kind (weighted) */
	double unsupported_boosters;
	double passive_sentences, quantified_sentences, causal_sentences;
	double chains, complete_paragraphs, bullet_words;
	/* maxima, not sums */
	double longest_chain, max_sentence_words;
} memo__counts;

void memo__counts_add(memo__counts *dst, const memo__counts *src);
void memo__counts_sub(memo__counts *dst, const memo__counts *a,
	const memo__counts *b);

struct memo_annotation {
	uint64_t start, end;          /* document text range */
	const char *entry;            /* static or report arena */
	const char *replacement;      /* or NULL */
	const char *subkind;          /* the lexicon entry's kind, or NULL */
	const memo_document *doc;
	uint32_t sentence;
	uint16_t kind;                /* memo__kind */
	uint16_t reserved;
	float weight;
};

typedef struct memo__sent {
	uint64_t start, end;          /* document text range */
	const memo_node *node;
	uint32_t paragraph;           /* index into report->paras */
	uint32_t ann_first, ann_count;
	uint32_t words, syllables, letters, characters;
	uint32_t polysyllables, complex_words, long_words;
	uint8_t passive, metric, causal, decision;
} memo__sent;

typedef struct memo__para {
	const memo_node *node;
	uint32_t sent_first, sent_count;
	bool appendix, bullet;
	memo__counts c;
} memo__para;

struct memo_analyzer {
	double values[MEMO__CFG_COUNT];
	uint8_t severity[MEMO__R_COUNT];  /* effective severities */
	memo_config *cfg;                 /* frozen copy: globs, strings */
	memo__lex *lex;
	struct memo__spell *spell;        /* NULL: spelling off */
	struct memo__wcache *wcache;      /* word form facts (wordforms.h) */
};

struct memo_report {
	memo__arena arena;
	const memo_document *doc;
	double page_words, max_words;
	memo__sent *sents;
	size_t nsents;
	memo__para *paras;
	size_t nparas;
	size_t nappendix;             /* paragraphs in the appendix */
	memo__counts *prefix;         /* prefix[i] = sum of paras[0..i) */
	memo_annotation *anns;
	size_t nanns;
	double undefined_acronyms;    /* document-level */
	const memo_analyzer *an;      /* valid during memo_analyze only */
	/* findings */
	memo_finding *findings;
	size_t nfindings, capfindings;
	/* kind and score */
	const char *kind;
	const char *kind_source;
	double template_coverage;     /* 0..1: expected sections present */
	double page_budget;           /* pages the kind allows; 0 = none */
	double weights[MEMO__CFG_COUNT];
	double subscores[5];
	double score;
	char **advice;
	double *advice_points;
	size_t nadvice;
};

/* Add a finding for rule `rule` over [start, end) unless the rule is off.
 * repl: replacements ('|'-separated, "" = delete) or NULL. */
int memo__report_add_finding(memo_report *r, int rule, uint64_t start,
	uint64_t end, const memo_node *node, const char *repl,
	const char *fmt, ...) MEMO__PRINTF(7, 8);

/* The same with a ready message (copied into the report). */
int memo__report_add_finding_text(memo_report *r, int rule, uint64_t start,
	uint64_t end, const memo_node *node, const char *repl,
	const char *msg);

/* Stages after the measurement (rules.c, kinds.c, score.c, spell.c). */
int memo__findings_from_annotations(memo_report *r);
int memo__kinds_check(memo_report *r);
int memo__score(memo_report *r);
int memo__spell_check(memo_report *r);
int memo__findings_finish(memo_report *r);

/* The spelling pool (spell.c): hunspell handles leased to threads. */
struct memo__spell;
int memo__spell_new(struct memo__spell **out, const memo_config *cfg);
void memo__spell_free(struct memo__spell *sp);

/* The counts of sentence i, rebuilt from its record and annotations. */
void memo__sentence_counts(const memo_report *r, size_t i, memo__counts *c);

/* The value of metric m over counts c; lengths holds the sentence word
 * counts of the scope (sorted in place) for the length statistics. */
double memo__metric_value(const memo_report *r, int m, const memo__counts *c,
	uint32_t *lengths, size_t nlengths);

#endif /* MEMO_ANALYZE_H */
