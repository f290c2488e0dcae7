/*
 * kinds.h - internal API of the document kinds (kinds*.c): the section
 * heading table, heading normalization, the text signals (dateline,
 * attributed quotes, phrases) and the per-document outline the checks
 * work on. docs/kinds.md describes the behaviour.
 */
#ifndef MEMO_KINDS_H
#define MEMO_KINDS_H

#include "analyze.h"

/* The kinds of the heading table (the first column of the .tsv files). */
typedef enum memo__kk {
	MEMO__KK_NARRATIVE,
	MEMO__KK_PRFAQ,
	MEMO__KK_COE,
	MEMO__KK_WBR,        /* the "metrics" kind */
	MEMO__KK_ONE_PAGER,
	MEMO__KK_DECISION,
	MEMO__KK_COUNT
} memo__kk;

typedef struct memo__kinds_row {
	memo__kk kind;
	const char *kind_name;   /* as in the .tsv: "one_pager", "wbr" */
	const char *section;     /* canonical section: "press_release" */
	const char *variants;    /* lower case, '|'-separated */
} memo__kinds_row;

/* data/kinds/section-headings.tsv then section-headings.extra.tsv; at
 * most MEMO__KINDS_MAX_ROWS rows (a unit test checks it). */
#define MEMO__KINDS_MAX_ROWS 256
extern const memo__kinds_row memo__kinds_table[];
extern const size_t memo__kinds_table_count;

/* ---- text helpers (kinds_text.c) ------------------------------------- */

/* Normalize a heading for the table: strip markup, numbering ("1.",
 * "2.3)", "A.", "iv)"), trailing colons and final '.' or '?', fold ASCII
 * case, turn curly apostrophes straight and collapse white space. Writes
 * at most cap - 1 bytes and a NUL; returns the length written. */
size_t memo__kinds_normalize(char *out, size_t cap, const char *s,
	size_t len);

/* The table row whose variants contain the normalized heading @p norm for
 * @p kind, or -1. A heading "label: more words" also matches on its
 * label. */
int memo__kinds_lookup(memo__kk kind, const char *norm);

/* memo__kinds_lookup() for every kind at once: rows[kk] for each kind. */
void memo__kinds_lookup_all(const char *norm, int rows[MEMO__KK_COUNT]);

/* Canonical kind ("prfaq") of a front-matter kind or alias ("PR/FAQ",
 * "six-pager", "adr", "postmortem"); NULL when unknown. */
const char *memo__kinds_alias(const char *declared);

/* FAQ class of a normalized heading. */
enum {
	MEMO__FAQ_NONE = 0,
	MEMO__FAQ_GENERIC = 1,   /* "FAQ", "Frequently asked questions" */
	MEMO__FAQ_EXTERNAL = 2,  /* "External FAQ", "Customer FAQ", "Public FAQ" */
	MEMO__FAQ_INTERNAL = 3   /* "Internal FAQ", "Stakeholder FAQ" */
};
int memo__kinds_faq_class(const char *norm);

/* The audience of a bare sub-heading of an FAQ ("Internal", "Customer
 * questions"): MEMO__FAQ_EXTERNAL, MEMO__FAQ_INTERNAL or MEMO__FAQ_NONE. */
int memo__kinds_faq_audience(const char *norm);

/* Does the text (a heading or an FAQ lead) end as a question: a final '?'
 * before closing quotes, brackets, emphasis or white space? */
bool memo__kinds_is_question(const char *s, size_t len);

/* Does the paragraph open with a press-release dateline: "SEATTLE, Wash.
 * - March 3, 2025 -", "NEW YORK--(BUSINESS WIRE)--June 1, 2024--",
 * "Seattle, WA, [launch date] -"? On success *end_out (may be NULL) gets
 * the offset just past the date. */
bool memo__kinds_dateline(const char *text, size_t len, size_t *end_out);

/* An attributed quotation found in a paragraph. */
typedef struct memo__kquote {
	size_t start, end;          /* the quotation, marks included */
	size_t attr_start, attr_end;/* the attribution ("said Jane Doe, VP") */
	bool leader;                /* attribution names a leader's title */
	bool customer;              /* attribution names a customer */
} memo__kquote;

/* Attributed quotations in text[0..len): a quotation of 4 words or more
 * in straight or curly double quotes, with a speech verb (said, says,
 * added, explained ...) and a capitalized name next to it, before or
 * after the quotation, or a dash and a name right after it. Stores up to
 * @p max of them; returns how many there are. */
size_t memo__kinds_quotes(const char *text, size_t len, memo__kquote *out,
	size_t max);

/* Does text[0..len) contain one of @p phrases (lower-case ASCII, NULL
 * terminated), case-insensitively, at word boundaries? A phrase ending
 * in '*' matches as a prefix ("depend*" matches "dependencies"). */
bool memo__kinds_has_phrase(const char *text, size_t len,
	const char *const *phrases);

/* Phrase lists made ready for memo__kinds_has_phrase()'s search, to scan
 * many texts for them, or a text for several lists in one pass. Lives on
 * the caller's stack; no allocation. */
#define MEMO__KPHR_MAX 255     /* phrases in all the lists */
#define MEMO__KPHR_GROUPS 8    /* lists */
typedef struct memo__kphrases {
	const char *phrases[MEMO__KPHR_MAX + 1];  /* 1-based */
	size_t plen[MEMO__KPHR_MAX + 1];          /* without a final '*' */
	unsigned char next[MEMO__KPHR_MAX + 1];   /* chain of one first byte */
	unsigned char group[MEMO__KPHR_MAX + 1];  /* list of the phrase */
	bool prefix[MEMO__KPHR_MAX + 1];          /* ends in '*' */
	unsigned char head[256];  /* first phrase starting with the byte */
	uint64_t second[256];     /* by first byte: bit (b & 63) for each
	                             second byte b (lower case), all bits for
	                             a phrase of one byte */
} memo__kphrases;

/* Prepare @p n lists (NULL-terminated as for memo__kinds_has_phrase()):
 * n <= MEMO__KPHR_GROUPS, at most MEMO__KPHR_MAX phrases in all (the
 * callers' fixed lists are far shorter; more is a programming error). */
void memo__kinds_phrases_init(memo__kphrases *set,
	const char *const *const *lists, size_t n);

/* Which of the lists in @p want (bit i = list i) have a phrase in
 * text[0..len), as memo__kinds_has_phrase() finds it; the scan stops once
 * all of @p want are found. */
unsigned memo__kinds_phrases_find(const memo__kphrases *set,
	const char *text, size_t len, unsigned want);

/* Does the text name an owner ("Owner: Jane", "@jdoe", "(Priya)",
 * "Payments team", "Jane Doe:") / a due date ("by March 3", "2025-04-01",
 * "Q3", "EOW")? For COE action items. */
bool memo__kinds_has_owner(const char *text, size_t len);
bool memo__kinds_has_date(const char *text, size_t len);

/* Does the text read as a choice ("X over Y", "even when", "rather than",
 * "not", "unless")? For tenets. */
bool memo__kinds_is_choice(const char *text, size_t len);

/* ---- the outline (kinds.c) ------------------------------------------ */

typedef struct memo__ksec {
	const memo_node *node;      /* SECTION */
	const memo_node *heading;   /* its HEADING, or NULL */
	const char *title;          /* heading text ("" when none) */
	size_t title_len;
	char norm[112];             /* memo__kinds_normalize(title) */
	int parent;                 /* enclosing section index, or -1 */
	uint32_t level;
	bool appendix;              /* in the appendix */
	bool question;              /* the title is a question */
	int faq;                    /* MEMO__FAQ_*: an FAQ container */
	int in_faq;                 /* index of the FAQ container holding it,
	                               or -1 */
	int row[MEMO__KK_COUNT];    /* table row per kind, or -1 */
	size_t para_first, para_last; /* r->paras in the section: [first, last) */
} memo__ksec;

typedef struct memo__kctx {
	memo_report *r;
	const memo_document *doc;
	const char *text;           /* the document text */
	size_t text_len;
	memo__ksec *secs;
	size_t nsecs, capsecs;
	/* the press release part */
	int pr_sec;                 /* section holding the PR, or -1 */
	bool pr_label;              /* pr_sec is a document label ("Working
	                               Backwards", "PR/FAQ") */
	size_t *pr_paras;           /* indexes into r->paras */
	size_t npr, cappr;
	int dateline_para;          /* index into pr_paras, or -1 */
	size_t nquotes;             /* attributed quotations in the PR part */
	memo__kquote quotes[8];     /* the first ones */
	size_t quote_para[8];       /* r->paras index of each */
	int pr_elements;            /* distinct PR element headings */
	/* the FAQ */
	int first_faq;              /* first FAQ container section, or -1 */
	int faq_ext, faq_int, faq_generic; /* first section of each class */
	size_t faq_questions;       /* FAQ entries that are questions */
	size_t faq_entries;
	/* detection */
	int prfaq_score, pr_evidence;
	int score[MEMO__KK_COUNT];
	double body_pages;          /* s_body_pages(): when body_pages_set */
	bool body_pages_set;
} memo__kctx;

/* Paragraph records of the report inside node n: [*first, *last). */
void memo__kinds_para_range(const memo_report *r, const memo_node *n,
	size_t *first, size_t *last);

/* Is paragraph n an FAQ entry of an FAQ with no entry headings: "Q:
 * ...", "Question: ..." or a bold lead? *qlen gets the length of its
 * question part in the paragraph's text. */
bool memo__kinds_faq_lead(const memo__kctx *k, const memo_node *n,
	size_t *qlen);

/* Index of the innermost section holding node n, or -1. */
int memo__kinds_sec_of(const memo__kctx *k, const memo_node *n);

/* The kind-specific rules (kinds_rules.c). */
int memo__kinds_prfaq_rules(memo__kctx *k);
int memo__kinds_narrative_rules(memo__kctx *k);
int memo__kinds_coe_rules(memo__kctx *k);

/* The first section of kind @p kk whose canonical name is @p section, or
 * -1 (appendix sections and FAQ entries are skipped). */
int memo__kinds_find(const memo__kctx *k, memo__kk kk, const char *section);

#endif /* MEMO_KINDS_H */
