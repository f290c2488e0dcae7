/*
 * docx_floor.h - the bare libzip + libxml2 docx text extractor that
 * bench_parse compares libmemo's docx front end with. Bench-only code.
 */
#ifndef MEMO_BENCH_DOCX_FLOOR_H
#define MEMO_BENCH_DOCX_FLOOR_H

#include <stddef.h>

enum {
	DOCX_FLOOR_OK = 0,
	DOCX_FLOOR_EZIP = -1,    /* the zip does not open */
	DOCX_FLOOR_ENOMAIN = -2, /* no main part */
	DOCX_FLOOR_EXML = -3,    /* the main part is not well-formed XML */
	DOCX_FLOOR_ENOMEM = -4
};

/*
 * Extract the w:t text of the main part of the docx held in
 * @p data / @p len. On success *out_text (malloc'd, NUL-terminated; free
 * with free()) and *out_len receive the text. Returns DOCX_FLOOR_*.
 */
int docx_floor_extract(const char *data, size_t len, char **out_text,
	size_t *out_len);

/* The same with libxml2's SAX2 push parser instead of xmlTextReader. */
int docx_floor_extract_sax(const char *data, size_t len, char **out_text,
	size_t *out_len);

/* Static name of a DOCX_FLOOR_* status. */
const char *docx_floor_status_str(int status);

#endif
