/*
 * headertest.c - memo.h must compile cleanly as C99, C17 and C++ under
 * -pedantic -Werror; this file is built once per language standard.
 */
#include <memo.h>

#if MEMO_VERSION_NUMBER != ((MEMO_VERSION_MAJOR << 16) | \
	(MEMO_VERSION_MINOR << 8) | MEMO_VERSION_PATCH)
#error "version macros disagree"
#endif

int main(void)
{
	memo_parse_options opts = MEMO_PARSE_OPTIONS_INIT;
	memo_range r;
	memo_docx_loc loc = { MEMO_DOCX_LOC_VERSION, 0, 0, 0, 0 };
	(void)loc;
	memo_finding_range(0, &r);
	if (memo_version() != MEMO_VERSION_NUMBER)
		return 1;
	return opts.version == MEMO_PARSE_OPTIONS_VERSION && r.start.line == 0
		? 0 : 1;
}
