/*
 * memo_internal.h - internal API shared by libmemo's modules.
 * Never installed. Names are memo__<module>_<verb>.
 */
#ifndef MEMO_INTERNAL_H
#define MEMO_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "memo.h"

#if defined(__GNUC__)
#  define MEMO__PRINTF(a, b) __attribute__((format(printf, a, b)))
#  define MEMO__WUR __attribute__((warn_unused_result))
#else
#  define MEMO__PRINTF(a, b)
#  define MEMO__WUR
#endif

/* ---- allocation (core/alloc.c) ---------------------------------------
 * Every allocation goes through these, so that tests can inject failures.
 */
void *memo__malloc(size_t size);
void *memo__calloc(size_t n, size_t size);
void *memo__realloc(void *ptr, size_t size);
void memo__free(void *ptr);
char *memo__strndup(const char *s, size_t len);
/* Testing hook: fail the Nth allocation from now (1 = the next one);
 * 0 disables. Returns the number of allocations counted so far.
 * Thread-local. Exported for tests only through the static library. */
void memo__alloc_fail_at(uint64_t n);
uint64_t memo__alloc_count(void);

/* ---- errors (core/error.c) ------------------------------------------
 * Sets the thread-local error and returns code. file/part may be NULL;
 * line/col 0 = unknown. The message is formatted from fmt.
 */
int memo__error_set(int code, const char *file, const char *part,
	uint32_t line, uint32_t col, const char *fmt, ...) MEMO__PRINTF(6, 7);
int memo__error_oom(void);

/* ---- arena (core/arena.c) -------------------------------------------
 * Bump allocator: everything a document owns lives in one arena.
 */
typedef struct memo__arena_block memo__arena_block;
typedef struct memo__arena {
	memo__arena_block *head;
	size_t total;
} memo__arena;

void memo__arena_init(memo__arena *a);
void memo__arena_free(memo__arena *a);
void *memo__arena_alloc(memo__arena *a, size_t size);   /* 16-aligned, zeroed */
char *memo__arena_strndup(memo__arena *a, const char *s, size_t len);

/* ---- growable byte buffer (core/buf.c) ------------------------------ */
typedef struct memo__buf {
	char *data; /* NUL-terminated when non-NULL */
	size_t len;
	size_t cap;
	bool oom;   /* sticky: an append failed */
} memo__buf;

void memo__buf_init(memo__buf *b);
void memo__buf_free(memo__buf *b);
int memo__buf_reserve(memo__buf *b, size_t extra);
int memo__buf_append(memo__buf *b, const char *s, size_t len);
int memo__buf_putc(memo__buf *b, char c);
int memo__buf_printf(memo__buf *b, const char *fmt, ...) MEMO__PRINTF(2, 3);
/* Hand over the data (NUL-terminated); the buffer is left empty. */
char *memo__buf_detach(memo__buf *b, size_t *len_out);

/* ---- UTF-8 (core/utf8.c) -------------------------------------------- */
/* Decode one code point at s[0..len); returns its byte length (1..4) and
 * stores the code point, or returns 0 for an invalid sequence. */
size_t memo__utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Encode cp into out (4 bytes at least); returns the byte length. */
size_t memo__utf8_encode(uint32_t cp, char *out);
/* True when [s, s+len) is valid UTF-8. */
bool memo__utf8_valid(const char *s, size_t len);
/* Copy s to b, replacing invalid sequences by U+FFFD. Returns the number
 * of replacements, or -1 when out of memory. */
long memo__utf8_sanitize(memo__buf *b, const char *s, size_t len);

/* ---- the document and its nodes (core/tree.c, core/document.c) ------ */

struct memo_node {
	uint32_t type;        /* memo_node_type_t */
	uint32_t flags;       /* MEMO_NODE_FLAG_* */
	uint32_t level;
	uint32_t list_start;
	uint64_t start, end;  /* byte range in the document text */
	struct memo_node *parent, *first, *last, *next, *prev;
	size_t nchildren;
	/* text nodes only */
	const char *text;     /* plain text, NUL-terminated, in the arena */
	size_t text_len;
	const memo_span *spans;
	size_t nspans;
	/* docx only: paragraph record index + 1 (0 = none) */
	uint32_t docx_para;
	uint32_t reserved;
	const struct memo_document *owner;
};

/* memo_node_text_to_doc() for the END of a half-open range: an offset on
 * a span boundary maps to the end of the span before it, not to the start
 * of the next one, so a range never takes in the markup after it ("might"
 * in "**might** slip" ends before "**"); an end inside a non-verbatim span
 * (an entity) maps to the span's end. */
int memo__node_text_end_to_doc(const memo_node *node, uint64_t text_offset,
	uint64_t *out);

struct memo_finding {
	const char *rule_id;  /* static or arena */
	uint32_t severity;
	const char *message;
	uint64_t start, end;
	const memo_node *node;
	const char *const *replacements;
	size_t nreplacements;
	const struct memo_document *owner;
};

/* A docx paragraph record: where a text node's text came from. */
typedef struct memo__docx_para {
	uint64_t start, end;  /* its text range in the document text */
	uint32_t part;        /* index into doc->parts */
	uint32_t paragraph;   /* 0-based w:p index in the part */
	const char *para_id;  /* w14:paraId or NULL */
	size_t run_first;     /* index into doc->docx_runs */
	size_t run_count;
} memo__docx_para;

typedef struct memo__docx_run {
	uint64_t start;       /* where the run's text starts (document text) */
	uint32_t run;         /* 0-based text-bearing run index in its w:p */
	uint32_t reserved;
} memo__docx_run;

/* A Markdown HTML comment (kept for inline rule control). */
typedef struct memo__comment {
	uint64_t start, end;  /* range of "<!-- ... -->" in the text */
	const char *body;     /* text between the markers, trimmed */
} memo__comment;

struct memo_document {
	memo__arena arena;
	int refcount;         /* atomic; see document.c */
	uint32_t format;
	const char *name;
	const char *title;
	const char *declared_kind;
	const char *text;
	size_t text_len;
	uint64_t *line_starts; /* arena */
	size_t nlines;
	/* made on the first memo_document_convert_offset(), then read only
	 * (published with a compare-and-swap; malloc'd): for each line, the
	 * code points and the UTF-16 units before it */
	uint64_t *line_units;
	memo_node *root;
	memo_node *notes;     /* NULL when no notes */
	memo_finding *warnings;
	size_t nwarnings;
	memo__comment *comments;
	size_t ncomments;
	/* docx (the two location tables are malloc'd, not in the arena) */
	const char **parts;
	size_t nparts;
	memo__docx_para *docx_paras;
	size_t ndocx_paras;
	memo__docx_run *docx_runs;
	size_t ndocx_runs;
};

/* ---- the builder: how front ends make a document (core/builder.c) ---
 *
 * A front end calls, in document order:
 *   memo__builder_init(&b, name, format, max_depth)
 *   memo__builder_set_text(&b, text, len)   (Markdown/text: the whole
 *       normalised input; offsets of runs index it)
 *   or memo__builder_append_text(&b, s, len, &offset) (docx: text grows as
 *       paragraphs are read; returns the offset where s was put)
 *   memo__builder_open(&b, type, start) / memo__builder_close(&b, end)
 *       for blocks, nested as in the source. Headings are opened flat
 *       where they occur; memo__builder_finish() groups them into SECTION
 *       nodes. A text run added while no text node is open opens an
 *       implicit PARAGRAPH (tight list items, table cells).
 *   memo__builder_add_run(&b, s, len, doc_offset, doc_len, verbatim)
 *       appends text to the open text node; verbatim runs must equal the
 *       document text at doc_offset (asserted in tests).
 *   memo__builder_finish(&b, &doc) -> MEMO_OK and the document, or an
 *       error (the builder is freed either way).
 * memo__builder_abort(&b) frees everything after a front-end error.
 * All calls return MEMO_OK or a negative status (already set as the
 * thread's error), after which the front end must abort.
 */
typedef struct memo__open {
	memo_node *node;
	size_t text_start;   /* b->textbuf length when the node opened */
	size_t span_start;   /* b->spans count when the node opened */
} memo__open;

typedef struct memo__builder {
	memo_document *doc;
	memo__buf text;       /* document text being built (docx) */
	bool text_owned;      /* text set with set_text (copied into arena) */
	memo__buf nodetext;   /* text of the open text node; with a text
	                       * set by set_text, only the bytes of the runs
	                       * that are not in the text (see add_run) */
	size_t nodetext_len;  /* length of the open text node's text */
	memo_span *spans;     /* spans of the open text node; while building,
	                       * reserved is 1 for a span whose bytes are in
	                       * nodetext, 0 for one read from the text */
	size_t nspans, capspans;
	memo__open *stack;
	size_t depth, capdepth;
	uint32_t max_depth;
	memo_node *cur_text;  /* open text node, or NULL */
	bool cur_implicit;    /* it was opened implicitly */
	bool in_notes;        /* blocks go under the NOTES root */
	/* warnings being collected */
	memo_finding *warnings;
	size_t nwarnings, capwarnings;
	memo__comment *comments;
	size_t ncomments, capcomments;
	memo__docx_para *paras;
	size_t nparas, capparas;
	memo__docx_run *runs;
	size_t nruns, capruns;
	const char **parts;
	size_t nparts, capparts;
} memo__builder;

int memo__builder_init(memo__builder *b, const char *name, uint32_t format,
	uint32_t max_depth) MEMO__WUR;
int memo__builder_set_text(memo__builder *b, const char *text, size_t len)
	MEMO__WUR;
int memo__builder_append_text(memo__builder *b, const char *s, size_t len,
	uint64_t *offset_out) MEMO__WUR;
/* Current length of the document text. */
uint64_t memo__builder_text_len(const memo__builder *b);
int memo__builder_open(memo__builder *b, memo_node_type_t type,
	uint64_t start) MEMO__WUR;
int memo__builder_close(memo__builder *b, uint64_t end) MEMO__WUR;
/* The innermost open node (never NULL after init: the root). */
memo_node *memo__builder_top(memo__builder *b);
int memo__builder_add_run(memo__builder *b, const char *s, size_t len,
	uint64_t doc_offset, uint64_t doc_len, bool verbatim) MEMO__WUR;
/* Switch between the body (false) and the NOTES root (true); switching
 * to notes creates the NOTES root on first use. Only at depth 0. */
int memo__builder_set_notes(memo__builder *b, bool notes) MEMO__WUR;
int memo__builder_warn(memo__builder *b, const char *rule_id,
	memo_severity_t sev, uint64_t start, uint64_t end, const char *fmt, ...)
	MEMO__PRINTF(6, 7) MEMO__WUR;
int memo__builder_set_title(memo__builder *b, const char *s, size_t len)
	MEMO__WUR;
int memo__builder_set_kind(memo__builder *b, const char *s, size_t len)
	MEMO__WUR;
int memo__builder_add_comment(memo__builder *b, uint64_t start,
	uint64_t end, const char *body, size_t len) MEMO__WUR;
/* docx bookkeeping: register a part name, get its index. */
int memo__builder_add_part(memo__builder *b, const char *name,
	uint32_t *index_out) MEMO__WUR;
/* docx: the open text node comes from paragraph `paragraph` of `part`;
 * call right after opening the text node. */
int memo__builder_docx_para(memo__builder *b, uint32_t part,
	uint32_t paragraph, const char *para_id) MEMO__WUR;
/* docx: text appended from now on belongs to run `run` of that paragraph. */
int memo__builder_docx_run(memo__builder *b, uint32_t run) MEMO__WUR;
int memo__builder_finish(memo__builder *b, memo_document **out) MEMO__WUR;
void memo__builder_abort(memo__builder *b);

/* ---- front ends ------------------------------------------------------
 * Each parses data into a document. name may be NULL. opts is already
 * validated and filled with defaults.
 */
int memo__md_parse(const char *data, size_t len, const char *name,
	const memo_parse_options *opts, memo_document **out);
int memo__text_parse(const char *data, size_t len, const char *name,
	const memo_parse_options *opts, memo_document **out);
int memo__docx_parse(const char *data, size_t len, const char *name,
	const memo_parse_options *opts, memo_document **out);

/* Documents are reference counted so that reports can keep them. */
void memo__document_ref(const memo_document *doc);

/* Display name for messages: name or "<memory>". */
const char *memo__display_name(const char *name);

/* Count words in [s, s+len): maximal runs of letters/digits and joiners
 * (apostrophes, hyphens between letters), counting only runs that hold a
 * letter or digit. Used by the outline before the analyzer exists. */
size_t memo__count_words(const char *s, size_t len);

#endif /* MEMO_INTERNAL_H */
