/*
 * fuzz_parse_md.c - the Markdown and plain-text front ends.
 *
 * Input: byte 0 = parse flags (low 5 bits) and entry point (high 3 bits),
 * byte 1 = limits, bytes 2..4 = allocation-failure injection
 * (fz_fail_begin), then the document.
 */
#include <string.h>

#include "fuzz_common.h"

static int s_parse(memo_document **doc, const uint8_t *p, size_t n,
	uint8_t b0, uint8_t b1)
{
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	const char *name = NULL;
	o.flags = b0 & 0x1f;
	switch (b0 >> 5) {
	case 0: o.format = MEMO_FORMAT_MARKDOWN; break;
	case 1: o.format = MEMO_FORMAT_TEXT; break;
	case 2: name = "memo.md"; break;
	case 3: name = "notes.txt"; break;
	case 4: break;                      /* sniffed from the bytes */
	case 5: name = "Memo.MARKDOWN"; break;
	case 6: o.format = MEMO_FORMAT_MARKDOWN; name = "x.docx"; break;
	default:
		/* default options through a NULL pointer */
		return memo_document_parse(doc, (const char *)p, n, "a.md",
			NULL);
	}
	if (b1 & 0x80)
		o.max_depth = 1 + (b1 & 0x1f);
	if (b1 & 0x40)
		o.max_input_bytes = 1 + (uint64_t)(b1 & 0x3f) * 64;
	return memo_document_parse(doc, (const char *)p, n, name, &o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_in in = { data, size };
	uint8_t b0 = fz_byte(&in), b1 = fz_byte(&in);
	memo_document *doc = NULL;
	fz_fail_begin(&in);
	int rc = s_parse(&doc, in.p, in.n, b0, b1);
	bool hit = fz_fail_end();
	FZ_ASSERT((rc == MEMO_OK) == (doc != NULL));
	FZ_ASSERT(rc <= 0);
	if (rc != MEMO_OK) {
		const memo_error *e = memo_error_last();
		FZ_ASSERT(memo_error_code(e) == rc && memo_error_message(e));
	}
	if (hit && rc != MEMO_OK && rc != MEMO_ENOMEM) {
		memo_document *d2 = NULL;
		int rc2 = s_parse(&d2, in.p, in.n, b0, b1);
		memo_document_free(d2);
		fz_fail_check("memo_document_parse", hit, rc, rc2);
	}
	if (doc)
		fz_check_document(doc);
	memo_document_free(doc);
	return 0;
}
