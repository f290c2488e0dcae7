/*
 * docx.h - what the rest of libmemo needs from the .docx front end.
 *
 * The parser itself, memo__docx_parse(), is declared in memo_internal.h.
 */
#ifndef MEMO_DOCX_H
#define MEMO_DOCX_H

#include <stdbool.h>
#include <stddef.h>

/*
 * True when the bytes look like something the docx front end should
 * answer for: a zip archive (local file header or end of central
 * directory signature) or an OLE compound file (an encrypted package or
 * a legacy .doc, which memo__docx_parse() refuses with a clear message).
 */
bool memo__docx_sniff(const char *data, size_t len);

#endif /* MEMO_DOCX_H */
