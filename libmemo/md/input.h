/*
 * input.h - input checks shared by the Markdown and plain-text front ends.
 *
 * Private to libmemo/md and libmemo/text (both front ends read text in
 * the same way); not part of memo_internal.h so that the core API stays
 * the lead's. A candidate for core/ if another text front end appears.
 */
#ifndef MEMO_MD_INPUT_H
#define MEMO_MD_INPUT_H

#include "memo_internal.h"

/*
 * Check the size limit, drop a UTF-8 byte-order mark, repair invalid
 * UTF-8 (U+FFFD and a "parse.invalid-utf8" warning; MEMO_EFORMAT with the
 * line and column under MEMO_PARSE_STRICT_UTF8) and hand the normalised
 * text to memo__builder_set_text(). On success *text_out and *len_out
 * point at the builder's copy of the text, which stays valid until
 * memo__builder_finish() (it is never NULL: "" for empty input).
 */
int memo__input_load(memo__builder *b, const char *data, size_t len,
	const char *name, const memo_parse_options *opts,
	const char **text_out, size_t *len_out) MEMO__WUR;

#endif /* MEMO_MD_INPUT_H */
