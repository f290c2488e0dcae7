/*
 * hard_util.h - helpers of the hardening tests (tests/hardening/): the
 * bundled example memos, and .docx versions of them made at test time.
 */
#ifndef HARD_UTIL_H
#define HARD_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Read a whole file (malloc'd, NUL-terminated); NULL on error. */
char *hd_read_file(const char *path, size_t *len_out);

/* The example memos: examples/memos/ * under $MEMO_SOURCE_ROOT (or the
 * source folder compiled in), sorted. Returns the count; *paths_out is
 * a malloc'd array of malloc'd paths (hd_free_list). */
size_t hd_example_memos(char ***paths_out);
void hd_free_list(char **list, size_t n);

/* A .docx rendering of a Markdown memo, with libzip: ATX headings
 * become Heading styles, list items numbered paragraphs, quotes a
 * quote style, pipe tables w:tbl, the front matter's title the Title
 * style; the first paragraph gets a footnote and a reviewer comment
 * and the second a tracked insertion and deletion, so that every part
 * of the docx front end is reached. Returns malloc'd bytes. */
char *hd_md_to_docx(const char *md, size_t len, size_t *len_out);

/* A Markdown memo of about `bytes` bytes, made of varied sections,
 * paragraphs, lists and tables (deterministic). malloc'd. */
char *hd_gen_memo(size_t bytes, size_t *len_out);

/* ---- a zip writer for hostile packages -------------------------------
 * Stored or raw-deflate entries, no zip64. hd_zip_add_repeated() writes
 * an entry whose data is `head` then `chunk` `reps` times: the chunk is
 * deflated once and its blocks repeated, so a part that inflates to
 * gigabytes costs a few megabytes to make (a zip bomb). `declared` is
 * the uncompressed size written in the headers: 0 for the true size, or
 * a lie. */
typedef struct hd_zip hd_zip;
hd_zip *hd_zip_new(void);
void hd_zip_add(hd_zip *z, const char *name, const void *data, size_t len,
	bool deflate);
void hd_zip_add_repeated(hd_zip *z, const char *name, const char *head,
	size_t hlen, const char *chunk, size_t clen, uint64_t reps,
	uint64_t declared);
/* The archive (malloc'd); frees z. */
char *hd_zip_finish(hd_zip *z, size_t *len_out);
/* [Content_Types].xml and _rels/.rels naming word/document.xml as the
 * main part; the caller adds word/document.xml. */
void hd_zip_docx_scaffold(hd_zip *z);
/* The start tag of w:document with the usual namespaces, and the XML
 * declaration before it. */
extern const char hd_doc_head[];

#endif
