/*
 * memo/document.h - parsing Markdown, .docx and text into a document.
 *
 * Include <memo.h> rather than this file.
 *
 * Thread rules: a memo_document is immutable once parsed. Any number of
 * threads may read it, walk it and analyze it at once. Parsing different
 * files on different threads at the same time is safe.
 */
#ifndef MEMO_DOCUMENT_H
#define MEMO_DOCUMENT_H

#include "common.h"
#include "finding.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A parsed memo. Opaque; immutable after parsing. */
typedef struct memo_document memo_document;

/** Input formats. Append only. */
typedef enum memo_format_t {
	MEMO_FORMAT_AUTO = 0,     /**< choose from the name and the bytes */
	MEMO_FORMAT_MARKDOWN = 1, /**< GitHub-flavoured Markdown */
	MEMO_FORMAT_DOCX = 2,     /**< Office Open XML word-processing package */
	MEMO_FORMAT_TEXT = 3      /**< plain text: blank lines split paragraphs */
} memo_format_t;

/** Default behaviour. */
#define MEMO_PARSE_DEFAULT 0x0000u
/** docx: keep the text of tracked deletions (default: dropped). */
#define MEMO_PARSE_KEEP_DELETIONS 0x0001u
/** docx: make short bold-only paragraphs that act as headings headings. */
#define MEMO_PARSE_PROMOTE_FAKE_HEADINGS 0x0002u
/** Drop footnotes, endnotes and comments (docx) and footnotes (Markdown)
 * instead of keeping them under the NOTES root. */
#define MEMO_PARSE_NO_NOTES 0x0004u
/** Fail with MEMO_EFORMAT on invalid UTF-8 instead of replacing it. */
#define MEMO_PARSE_STRICT_UTF8 0x0008u
/** docx: drop tracked insertions too (the text before the revision). */
#define MEMO_PARSE_DROP_INSERTIONS 0x0010u

/**
 * Parse options. Versioned and append-only: a field is only ever added at
 * the end, with a new MEMO_PARSE_OPTIONS_VERSION. Zero in any field but
 * version means "the library default", so a struct made by
 * memo_parse_options_init() (or MEMO_PARSE_OPTIONS_INIT) and left alone
 * gives the defaults. A version of 0 or above the library's is refused
 * with MEMO_EINVALID.
 *
 * Init with MEMO_PARSE_OPTIONS_INIT or memo_parse_options_init().
 */
typedef struct memo_parse_options {
	uint32_t version;         /**< MEMO_PARSE_OPTIONS_VERSION */
	uint32_t format;          /**< a memo_format_t value */
	uint32_t flags;           /**< MEMO_PARSE_* bits; unknown bits fail */
	uint32_t max_depth;       /**< nesting limit (lists, quotes, XML
	                               elements); 0 = 1000 */
	uint64_t max_input_bytes; /**< Markdown/text: input size; docx: total
	                               uncompressed size; 0 = 512 MiB */
	uint32_t max_entries;     /**< docx: zip entries; 0 = 100000 */
	uint32_t max_ratio;       /**< docx: uncompressed/compressed ratio of
	                               one entry; 0 = 200 */
} memo_parse_options;

/** Current version of memo_parse_options. */
#define MEMO_PARSE_OPTIONS_VERSION 1
/** Static initializer for memo_parse_options. */
#define MEMO_PARSE_OPTIONS_INIT { MEMO_PARSE_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0 }

/**
 * Initialize @p opts for the given struct @p version (zero-fills it).
 * Returns MEMO_OK, or MEMO_EINVALID for a NULL @p opts or an unknown
 * version.
 */
MEMO_EXTERN(int) memo_parse_options_init(memo_parse_options *opts,
	uint32_t version);

/**
 * Parse a memo held in memory.
 *
 * @param out   receives the document; NULL on failure.
 *              @ownership caller-frees with memo_document_free().
 * @param data  the file's bytes; need not be NUL-terminated; not kept.
 * @param len   number of bytes.
 * @param name  file name used in messages and, with MEMO_FORMAT_AUTO, to
 *              choose the format (".docx", ".md", ".txt"); may be NULL.
 * @param opts  options, or NULL for the defaults.
 * @return MEMO_OK; MEMO_EFORMAT for malformed input; MEMO_EUNSUPPORTED for
 *         encrypted packages, legacy .doc files and Word lock files;
 *         MEMO_ELIMIT when a limit is hit; MEMO_EINVALID for bad arguments;
 *         MEMO_ENOMEM. Details in memo_error_last().
 */
MEMO_EXTERN(int) memo_document_parse(memo_document **out, const char *data,
	size_t len, const char *name, const memo_parse_options *opts);

/**
 * Parse a memo from a file; "-" reads standard input.
 *
 * Same results as memo_document_parse(), plus MEMO_EIO when the file
 * cannot be opened or read.
 * @ownership caller-frees *out with memo_document_free().
 */
MEMO_EXTERN(int) memo_document_parse_file(memo_document **out,
	const char *path, const memo_parse_options *opts);

/**
 * Drop the caller's reference to @p doc. NULL-safe. Reports made from the
 * document keep their own reference, so free order does not matter.
 * Must not run while another thread still uses the same reference.
 */
MEMO_EXTERN(void) memo_document_free(memo_document *doc);

/** The format the document was parsed as; MEMO_FORMAT_AUTO for NULL. */
MEMO_EXTERN(memo_format_t) memo_document_format(const memo_document *doc);

/** "markdown", "docx", "text"; "auto" for MEMO_FORMAT_AUTO. Static. */
MEMO_EXTERN(const char *) memo_format_name(memo_format_t format);

/** The name given at parse time, or NULL. Borrowed. */
MEMO_EXTERN(const char *) memo_document_name(const memo_document *doc);

/**
 * The document's title: YAML front matter `title:`, the docx Title style,
 * or a lone first-level heading at the top; NULL when there is none.
 * Borrowed, NUL-terminated.
 */
MEMO_EXTERN(const char *) memo_document_title(const memo_document *doc);

/**
 * The document kind named by front matter `kind:` (any string), or NULL.
 * Borrowed. Kind detection from content is the analyzer's job.
 */
MEMO_EXTERN(const char *) memo_document_declared_kind(
	const memo_document *doc);

/**
 * The normalised UTF-8 text that every offset refers to. Borrowed,
 * NUL-terminated; @p len_out (may be NULL) receives its length.
 *
 * Markdown and text: the input bytes, less a UTF-8 byte-order mark, with
 * invalid UTF-8 sequences replaced by U+FFFD. docx: the text of the body
 * paragraphs joined by "\n", followed by the notes' paragraphs.
 */
MEMO_EXTERN(const char *) memo_document_text(const memo_document *doc,
	size_t *len_out);

/**
 * Convert a byte offset into a line/column position.
 * Returns MEMO_EINVALID when @p offset is past the end of the text.
 */
MEMO_EXTERN(int) memo_document_position(const memo_document *doc,
	uint64_t offset, memo_pos *out);

/**
 * Convert a byte offset into an offset counted in @p unit from the start
 * of the text. An offset inside a multi-byte character counts as the
 * character's start. Returns MEMO_EINVALID for an offset past the end.
 *
 * The first code-point or UTF-16 conversion on a document makes an index
 * of its lines (16 bytes a line, freed with the document); after that a
 * call costs a binary search and a count within one line. Safe to call
 * from several threads on one document: they may race to make the index,
 * and one of them wins. Out of memory, it counts from the start instead.
 */
MEMO_EXTERN(int) memo_document_convert_offset(const memo_document *doc,
	uint64_t byte_offset, memo_unit_t unit, uint64_t *out);

/** Number of non-fatal parse warnings (rule ids "parse.*"). */
MEMO_EXTERN(size_t) memo_document_warning_count(const memo_document *doc);

/** Warning @p index, or NULL when out of range. Borrowed from @p doc. */
MEMO_EXTERN(const memo_finding *) memo_document_warning_at(
	const memo_document *doc, size_t index);

/**
 * Where a text offset lives in a .docx package. An output struct: the
 * caller sets version, the library fills the fields that version has.
 */
typedef struct memo_docx_loc {
	uint32_t version;    /**< in: MEMO_DOCX_LOC_VERSION */
	uint32_t part;       /**< out: part index, see memo_document_part_name() */
	uint32_t paragraph;  /**< out: 0-based w:p index in the part */
	uint32_t run;        /**< out: 0-based text-bearing w:r in the w:p */
	uint32_t run_offset; /**< out: byte offset in that run's text */
} memo_docx_loc;

/** Current version of memo_docx_loc. */
#define MEMO_DOCX_LOC_VERSION 1

/**
 * Locate @p offset in the package. Returns MEMO_EINVALID when the
 * document is not docx or the version is unknown, MEMO_ENOTFOUND when the
 * offset is not inside any paragraph's text (a paragraph separator).
 */
MEMO_EXTERN(int) memo_document_docx_locate(const memo_document *doc,
	uint64_t offset, memo_docx_loc *out);

/** Name of part @p part ("word/document.xml"), or NULL. Borrowed. */
MEMO_EXTERN(const char *) memo_document_part_name(const memo_document *doc,
	uint32_t part);

/** Word's w14:paraId of that paragraph, or NULL when absent. Borrowed. */
MEMO_EXTERN(const char *) memo_document_docx_para_id(
	const memo_document *doc, uint32_t part, uint32_t paragraph);

/**
 * The document as JSON (the "outline" view: format, title, sections with
 * their ranges and word counts, warnings), versioned by a "schema" key.
 * @p flags is reserved: pass 0.
 * @ownership caller-frees *out with memo_free().
 * Returns MEMO_OK, MEMO_EINVALID or MEMO_ENOMEM.
 */
MEMO_EXTERN(int) memo_document_to_json(const memo_document *doc,
	uint32_t flags, char **out, size_t *len_out);

#ifdef __cplusplus
}
#endif

#endif /* MEMO_DOCUMENT_H */
