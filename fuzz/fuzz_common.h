/*
 * fuzz_common.h - helpers shared by the libFuzzer harnesses in fuzz/.
 *
 * Every harness reads its options from the first input bytes (fz_byte),
 * so one harness reaches every entry point and flag of its area, and
 * every harness can make the Nth allocation of a call fail through
 * memo__alloc_fail_at() (the libxml2 fuzzers do the same with xmlMemSetup).
 *
 * Harnesses link the internal static library; they build with clang
 * -fsanitize=fuzzer (fuzz/meson.build) and with any compiler against
 * standalone.c, which replays files as an ordinary test.
 */
#ifndef MEMO_FUZZ_COMMON_H
#define MEMO_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "memo_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The input, consumed from the front. */
typedef struct fz_in {
	const uint8_t *p;
	size_t n;
} fz_in;

/* The next byte, or 0 when the input is used up. */
uint8_t fz_byte(fz_in *in);

/* The separator between parts in the docx layouts (in fuzz/dict/). */
#define FZ_SEP "\n--PART--\n"

/* Build a zip from data split at FZ_SEP into the main document and its
 * related parts, in this order: word/document.xml, word/styles.xml,
 * word/numbering.xml, word/footnotes.xml, word/endnotes.xml,
 * word/comments.xml; [Content_Types].xml and the relationships are
 * generated for the parts present. The fuzzer then reaches the XML
 * parts without having to forge zip checksums. Returns malloc'd bytes. */
uint8_t *fz_docx_from_parts(const uint8_t *data, size_t len, bool deflate,
	size_t *len_out);

/* Build a zip whose entries all come from data: chunks separated by
 * FZ_SEP, each "name\ncontent". Reaches OPC (content types, relationship
 * targets, odd part names) with valid zip framing. Returns malloc'd
 * bytes. */
uint8_t *fz_zip_from_entries(const uint8_t *data, size_t len, bool deflate,
	size_t *len_out);

/* Check the documented invariants of a parsed document: node ranges and
 * spans inside the text, spans covering each node's text, verbatim spans
 * equal to the text, positions and unit conversions defined for every
 * node boundary, warnings in range, JSON output. Aborts on a violation. */
void fz_check_document(const memo_document *doc);

/* Allocation-failure injection around one call:
 *   fz_fail_begin(in) reads 3 bytes; when the first is odd, the Nth
 *       allocation from now fails (N from the next two bytes);
 *   fz_fail_end() stops injecting and says whether the failure was hit.
 * A call whose injected failure was hit must return MEMO_ENOMEM, succeed
 * (the failure was absorbed), or fail exactly as it does without the
 * injection: fz_fail_check() enforces this, given a function that
 * repeats the call without injection. */
void fz_fail_begin(fz_in *in);
bool fz_fail_end(void);
void fz_fail_check(const char *what, bool hit, int rc, int rc_clean);

/* Abort with a message (a harness-detected bug). */
_Noreturn void fz_die(const char *fmt, ...) MEMO__PRINTF(1, 2);

#define FZ_ASSERT(c) \
	do { \
		if (!(c)) \
			fz_die("%s:%d: assertion failed: %s", __FILE__, \
				__LINE__, #c); \
	} while (0)

#endif /* MEMO_FUZZ_COMMON_H */
