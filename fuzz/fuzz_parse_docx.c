/*
 * fuzz_parse_docx.c - the .docx front end: the zip layer and the XML
 * parts.
 *
 * Input: byte 0 = parse flags (low 5 bits) and layout (high 3 bits),
 * byte 1 = limits, bytes 2..4 = allocation-failure injection, then:
 *   layout 0-3: the package bytes as they are (the zip layer);
 *   layout 4-5: the XML parts, split at FZ_SEP (document, styles,
 *               numbering, footnotes, endnotes, comments), zipped with
 *               generated content types and relationships, stored (4) or
 *               deflated (5);
 *   layout 6-7: every entry from the input, "name\ncontent" chunks split
 *               at FZ_SEP (the OPC layer), stored (6) or deflated (7).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static int s_parse(memo_document **doc, const uint8_t *p, size_t n,
	uint8_t b0, uint8_t b1)
{
	memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
	o.flags = b0 & 0x1f;
	o.format = (b1 & 1) ? MEMO_FORMAT_DOCX : MEMO_FORMAT_AUTO;
	if (b1 & 0x02)
		o.max_depth = 4 + ((b1 >> 4) & 0x0f) * 2;
	if (b1 & 0x04)
		o.max_entries = 1 + ((b1 >> 4) & 0x0f);
	if (b1 & 0x08)
		o.max_ratio = 1 + ((b1 >> 4) & 0x0f) * 4;
	if ((b1 & 0x0e) == 0x0e)
		o.max_input_bytes = 256 + (uint64_t)((b1 >> 4) & 0x0f) * 1024;
	const char *name = (b1 & 1) ? NULL : (b1 & 0x10) ? "Memo.DOCX" :
		"memo.docx";
	return memo_document_parse(doc, (const char *)p, n, name, &o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_in in = { data, size };
	uint8_t b0 = fz_byte(&in), b1 = fz_byte(&in);
	uint8_t *pkg = NULL;
	size_t plen = in.n;
	const uint8_t *p = in.p;
	int layout = b0 >> 5;
	fz_in fail = in;
	/* the injection bytes come first in every layout */
	fz_byte(&in), fz_byte(&in), fz_byte(&in);
	p = in.p;
	plen = in.n;
	if (layout >= 4 && layout <= 5)
		pkg = fz_docx_from_parts(in.p, in.n, layout == 5, &plen);
	else if (layout >= 6)
		pkg = fz_zip_from_entries(in.p, in.n, layout == 7, &plen);
	if (pkg)
		p = pkg;

	memo_document *doc = NULL;
	fz_fail_begin(&fail);
	int rc = s_parse(&doc, p, plen, b0, b1);
	bool hit = fz_fail_end();
	FZ_ASSERT((rc == MEMO_OK) == (doc != NULL));
	FZ_ASSERT(rc <= 0);
	if (rc != MEMO_OK) {
		const memo_error *e = memo_error_last();
		FZ_ASSERT(memo_error_code(e) == rc && memo_error_message(e));
	}
	if (hit && rc != MEMO_OK && rc != MEMO_ENOMEM) {
		memo_document *d2 = NULL;
		int rc2 = s_parse(&d2, p, plen, b0, b1);
		memo_document_free(d2);
		fz_fail_check("memo_document_parse (docx)", hit, rc, rc2);
	}
	if (doc) {
		FZ_ASSERT(memo_document_format(doc) == MEMO_FORMAT_DOCX);
		fz_check_document(doc);
	}
	memo_document_free(doc);
	free(pkg);
	return 0;
}
