/*
 * memo/common.h - linkage macros, positions, buffers and versions.
 *
 * Include <memo.h> rather than this file.
 */
#ifndef MEMO_COMMON_H
#define MEMO_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && !defined(MEMO_STATIC)
#  if defined(MEMO_BUILDING)
#    define MEMO_EXTERN(type) __declspec(dllexport) type
#  else
#    define MEMO_EXTERN(type) __declspec(dllimport) type
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define MEMO_EXTERN(type) __attribute__((visibility("default"))) type
#else
#  define MEMO_EXTERN(type) type
#endif

#if defined(__GNUC__) && !defined(MEMO_BUILDING)
#  define MEMO_DEPRECATED(since, msg) \
	__attribute__((deprecated("since libmemo " #since ": " msg)))
#else
#  define MEMO_DEPRECATED(since, msg)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A position in a document's text. FROZEN layout: it never changes.
 *
 * Offsets index the text returned by memo_document_text().
 */
typedef struct memo_pos {
	uint64_t offset; /**< 0-based byte offset into the document text */
	uint32_t line;   /**< 1-based line; a docx paragraph is one line */
	uint32_t column; /**< 1-based column, counted in Unicode code points */
} memo_pos;

/** A half-open range [start, end). FROZEN layout. */
typedef struct memo_range {
	memo_pos start; /**< first byte of the range */
	memo_pos end;   /**< one past the last byte of the range */
} memo_range;

/**
 * A piece of a node's text that comes from one contiguous stretch of the
 * document text. FROZEN layout.
 *
 * Byte text_offset of the node's text (memo_node_text()) holds the same
 * byte as byte doc_offset of memo_document_text(), for length bytes,
 * when verbatim is 1. A span with verbatim 0 stands for text that the
 * source spells differently (a decoded entity such as "&amp;", or the
 * space that replaces a soft line break).
 */
typedef struct memo_span {
	uint64_t text_offset; /**< byte offset into the node's own text */
	uint64_t doc_offset;  /**< byte offset into the document text */
	uint64_t length;      /**< bytes in the node's text */
	uint64_t doc_length;  /**< bytes in the document text */
	uint32_t verbatim;    /**< 1 when both byte runs are equal */
	uint32_t reserved;    /**< 0 */
} memo_span;

/** Units for memo_document_convert_offset(). */
typedef enum memo_unit_t {
	MEMO_UNIT_BYTE = 0,      /**< UTF-8 bytes (C, Rust, Go) */
	MEMO_UNIT_CODEPOINT = 1, /**< Unicode code points (Python str) */
	MEMO_UNIT_UTF16 = 2      /**< UTF-16 code units (LSP, JavaScript) */
} memo_unit_t;

/**
 * Free a buffer that libmemo allocated and handed to the caller through a
 * `char **out` parameter. NULL-safe. Never use plain free() on such a
 * buffer: allocators must not be mixed.
 */
MEMO_EXTERN(void) memo_free(void *ptr);

/**
 * The library's version as 0xMMmmpp. Equals MEMO_VERSION_NUMBER when the
 * headers and the library match; bindings should check this at load time.
 * Thread-safe.
 */
MEMO_EXTERN(uint32_t) memo_version(void);

/** The library's version string, "MAJOR.MINOR.PATCH". Static; never NULL. */
MEMO_EXTERN(const char *) memo_version_string(void);

#ifdef __cplusplus
}
#endif

#endif /* MEMO_COMMON_H */
