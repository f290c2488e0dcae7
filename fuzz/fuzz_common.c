/*
 * fuzz_common.c - see fuzz_common.h.
 */
#include "fuzz_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

_Noreturn void fz_die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("fuzz: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

uint8_t fz_byte(fz_in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

/* ---- a small zip writer ------------------------------------------------
 * Stored or raw-deflate entries, local headers then the central
 * directory (APPNOTE 4.3). No zip64: inputs are far below 4 GiB.
 */

typedef struct fz_buf {
	uint8_t *p;
	size_t n, cap;
} fz_buf;

static void s_put(fz_buf *b, const void *s, size_t n)
{
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->n + n)
			cap *= 2;
		b->p = realloc(b->p, cap);
		if (!b->p)
			fz_die("out of memory in the zip writer");
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void s_u16(fz_buf *b, uint32_t v)
{
	uint8_t x[2] = { (uint8_t)v, (uint8_t)(v >> 8) };
	s_put(b, x, 2);
}

static void s_u32(fz_buf *b, uint32_t v)
{
	uint8_t x[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16),
		(uint8_t)(v >> 24) };
	s_put(b, x, 4);
}

typedef struct fz_zip {
	fz_buf out, cd;
	uint32_t count;
} fz_zip;

static void s_deflate(const uint8_t *data, size_t len, fz_buf *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		fz_die("deflateInit2 failed");
	size_t cap = deflateBound(&z, (uLong)len);
	out->n = 0;
	s_put(out, NULL, 0);
	if (out->cap < cap) {
		out->p = realloc(out->p, cap);
		if (!out->p)
			fz_die("out of memory in the zip writer");
		out->cap = cap;
	}
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	z.next_out = out->p;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		fz_die("deflate failed");
	out->n = z.total_out;
	deflateEnd(&z);
}

static void s_zip_add(fz_zip *z, const char *name, size_t nlen,
	const uint8_t *data, size_t len, bool deflate)
{
	fz_buf packed = { 0 };
	const uint8_t *body = data;
	size_t blen = len;
	uint32_t crc = (uint32_t)crc32(0L, data, (uInt)len);
	if (deflate) {
		s_deflate(data, len, &packed);
		body = packed.p;
		blen = packed.n;
	}
	if (nlen > 0xffff)
		nlen = 0xffff;
	uint32_t off = (uint32_t)z->out.n;
	uint16_t method = deflate ? 8 : 0;
	/* local file header */
	s_u32(&z->out, 0x04034b50);
	s_u16(&z->out, 20);
	s_u16(&z->out, 0x0800);          /* UTF-8 names */
	s_u16(&z->out, method);
	s_u16(&z->out, 0);
	s_u16(&z->out, 0x21);            /* 1980-01-01 */
	s_u32(&z->out, crc);
	s_u32(&z->out, (uint32_t)blen);
	s_u32(&z->out, (uint32_t)len);
	s_u16(&z->out, (uint32_t)nlen);
	s_u16(&z->out, 0);
	s_put(&z->out, name, nlen);
	s_put(&z->out, body, blen);
	/* central directory entry */
	s_u32(&z->cd, 0x02014b50);
	s_u16(&z->cd, 20);
	s_u16(&z->cd, 20);
	s_u16(&z->cd, 0x0800);
	s_u16(&z->cd, method);
	s_u16(&z->cd, 0);
	s_u16(&z->cd, 0x21);
	s_u32(&z->cd, crc);
	s_u32(&z->cd, (uint32_t)blen);
	s_u32(&z->cd, (uint32_t)len);
	s_u16(&z->cd, (uint32_t)nlen);
	s_u16(&z->cd, 0);
	s_u16(&z->cd, 0);
	s_u16(&z->cd, 0);
	s_u16(&z->cd, 0);
	s_u32(&z->cd, 0);
	s_u32(&z->cd, off);
	s_put(&z->cd, name, nlen);
	z->count++;
	free(packed.p);
}

static uint8_t *s_zip_finish(fz_zip *z, size_t *len_out)
{
	uint32_t cd_off = (uint32_t)z->out.n;
	s_put(&z->out, z->cd.p, z->cd.n);
	s_u32(&z->out, 0x06054b50);
	s_u16(&z->out, 0);
	s_u16(&z->out, 0);
	s_u16(&z->out, z->count & 0xffff);
	s_u16(&z->out, z->count & 0xffff);
	s_u32(&z->out, (uint32_t)z->cd.n);
	s_u32(&z->out, cd_off);
	s_u16(&z->out, 0);
	free(z->cd.p);
	*len_out = z->out.n;
	return z->out.p;
}

/* Next chunk of data up to FZ_SEP; advances *p. */
static bool s_chunk(const uint8_t **p, const uint8_t *end,
	const uint8_t **c, size_t *clen)
{
	static const size_t seplen = sizeof FZ_SEP - 1;
	if (!*p)
		return false;
	*c = *p;
	const uint8_t *q = *p;
	while ((size_t)(end - q) >= seplen) {
		if (memcmp(q, FZ_SEP, seplen) == 0) {
			*clen = (size_t)(q - *p);
			*p = q + seplen;
			return true;
		}
		q++;
	}
	*clen = (size_t)(end - *p);
	*p = NULL;
	return true;
}

#define REL "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships/"
#define CT_MAIN "application/vnd.openxmlformats-officedocument." \
	"wordprocessingml.document.main+xml"

uint8_t *fz_docx_from_parts(const uint8_t *data, size_t len, bool deflate,
	size_t *len_out)
{
	static const char *const names[] = { "word/document.xml",
		"word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
		"word/endnotes.xml", "word/comments.xml" };
	static const char *const types[] = { NULL, "styles", "numbering",
		"footnotes", "endnotes", "comments" };
	const uint8_t *chunk[6];
	size_t clen[6];
	size_t n = 0;
	const uint8_t *p = data, *end = data + len;
	while (n < 6 && s_chunk(&p, end, &chunk[n], &clen[n]))
		n++;

	fz_zip z = { 0 };
	static const char ct[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
		"content-types\"><Default Extension=\"rels\" ContentType=\""
		"application/vnd.openxmlformats-package.relationships+xml\"/>"
		"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		"<Override PartName=\"/word/document.xml\" ContentType=\""
		CT_MAIN "\"/></Types>";
	static const char rels[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
		REL "officeDocument\" Target=\"word/document.xml\"/>"
		"</Relationships>";
	s_zip_add(&z, "[Content_Types].xml", 19,
		(const uint8_t *)ct, sizeof ct - 1, deflate);
	s_zip_add(&z, "_rels/.rels", 11, (const uint8_t *)rels,
		sizeof rels - 1, deflate);
	fz_buf dr = { 0 };
	static const char dr_head[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\">";
	s_put(&dr, dr_head, sizeof dr_head - 1);
	for (size_t i = 1; i < n; i++) {
		char one[256];
		int k = snprintf(one, sizeof one, "<Relationship Id=\"rId%zu\" "
			"Type=\"" REL "%s\" Target=\"%s\"/>", i + 1, types[i],
			names[i] + 5);
		s_put(&dr, one, (size_t)k);
	}
	s_put(&dr, "</Relationships>", 16);
	s_zip_add(&z, "word/_rels/document.xml.rels", 28, dr.p, dr.n,
		deflate);
	free(dr.p);
	for (size_t i = 0; i < n; i++)
		s_zip_add(&z, names[i], strlen(names[i]), chunk[i], clen[i],
			deflate);
	return s_zip_finish(&z, len_out);
}

uint8_t *fz_zip_from_entries(const uint8_t *data, size_t len, bool deflate,
	size_t *len_out)
{
	fz_zip z = { 0 };
	const uint8_t *p = data, *end = data + len, *c;
	size_t clen;
	while (z.count < 64 && s_chunk(&p, end, &c, &clen)) {
		const uint8_t *nl = memchr(c, '\n', clen);
		size_t nlen = nl ? (size_t)(nl - c) : clen;
		const uint8_t *body = nl ? nl + 1 : c + clen;
		s_zip_add(&z, (const char *)c, nlen, body,
			(size_t)(c + clen - body), deflate);
	}
	return s_zip_finish(&z, len_out);
}

/* ---- document invariants ------------------------------------------------ */

static void s_check_pos(const memo_document *doc, uint64_t off)
{
	memo_pos pos;
	uint64_t u;
	FZ_ASSERT(memo_document_position(doc, off, &pos) == MEMO_OK);
	FZ_ASSERT(pos.offset == off && pos.line >= 1 && pos.column >= 1);
	FZ_ASSERT(memo_document_convert_offset(doc, off, MEMO_UNIT_CODEPOINT,
		&u) == MEMO_OK && u <= off);
	FZ_ASSERT(memo_document_convert_offset(doc, off, MEMO_UNIT_UTF16,
		&u) == MEMO_OK && u <= off);
}

static void s_check_text_node(const memo_document *doc, const memo_node *n,
	const char *dtext, size_t dlen)
{
	size_t tlen;
	const char *t = memo_node_text(n, &tlen);
	if (!t) {
		FZ_ASSERT(memo_node_span_count(n) == 0);
		return;
	}
	FZ_ASSERT(t[tlen] == '\0');
	size_t ns = memo_node_span_count(n);
	uint64_t at = 0;
	for (size_t i = 0; i < ns; i++) {
		memo_span sp;
		FZ_ASSERT(memo_node_span_at(n, i, &sp) == MEMO_OK);
		FZ_ASSERT(sp.text_offset == at);
		FZ_ASSERT(sp.doc_offset <= dlen &&
			sp.doc_length <= dlen - sp.doc_offset);
		if (sp.verbatim) {
			FZ_ASSERT(sp.length == sp.doc_length);
			FZ_ASSERT(memcmp(t + sp.text_offset,
				dtext + sp.doc_offset, sp.length) == 0);
		}
		at += sp.length;
		FZ_ASSERT(at <= tlen);
	}
	if (ns)
		FZ_ASSERT(at == tlen);
	uint64_t probe[3] = { 0, tlen / 2, tlen };
	for (int i = 0; i < 3; i++) {
		uint64_t d;
		FZ_ASSERT(memo_node_text_to_doc(n, probe[i], &d) == MEMO_OK);
		FZ_ASSERT(d <= dlen);
	}
	FZ_ASSERT(memo_node_text_to_doc(n, (uint64_t)tlen + 1, &at) ==
		MEMO_EINVALID);
	if (memo_document_format(doc) == MEMO_FORMAT_DOCX) {
		memo_docx_loc loc = { MEMO_DOCX_LOC_VERSION, 0, 0, 0, 0 };
		memo_range r;
		memo_node_range(n, &r);
		int rc = memo_document_docx_locate(doc, r.start.offset, &loc);
		FZ_ASSERT(rc == MEMO_OK || rc == MEMO_ENOTFOUND);
		if (rc == MEMO_OK) {
			FZ_ASSERT(memo_document_part_name(doc, loc.part));
			(void)memo_document_docx_para_id(doc, loc.part,
				loc.paragraph);
		}
	}
}

/* Walk one tree iteratively (trees may be as deep as max_depth). */
static void s_check_tree(const memo_document *doc, const memo_node *root,
	const char *dtext, size_t dlen)
{
	const memo_node *n = root;
	while (n) {
		memo_range r;
		memo_node_range(n, &r);
		FZ_ASSERT(r.start.offset <= r.end.offset);
		FZ_ASSERT(r.end.offset <= dlen);
		FZ_ASSERT(memo_node_type(n) != MEMO_NODE_NONE);
		(void)memo_node_title(n, NULL);
		(void)memo_node_level(n);
		s_check_text_node(doc, n, dtext, dlen);
		size_t kids = 0;
		for (const memo_node *c = memo_node_first_child(n); c;
		     c = memo_node_next(c)) {
			FZ_ASSERT(memo_node_parent(c) == n);
			FZ_ASSERT(memo_node_prev(c) ? memo_node_next(
				memo_node_prev(c)) == c :
				memo_node_first_child(n) == c);
			kids++;
		}
		FZ_ASSERT(kids == memo_node_child_count(n));
		/* next node in pre-order */
		if (memo_node_first_child(n)) {
			n = memo_node_first_child(n);
			continue;
		}
		while (n && n != root && !memo_node_next(n))
			n = memo_node_parent(n);
		n = (n && n != root) ? memo_node_next(n) : NULL;
	}
}

void fz_check_document(const memo_document *doc)
{
	size_t dlen;
	const char *dtext = memo_document_text(doc, &dlen);
	FZ_ASSERT(dtext || dlen == 0);
	const memo_node *root = memo_document_root(doc);
	FZ_ASSERT(root && memo_node_type(root) == MEMO_NODE_DOCUMENT);
	s_check_tree(doc, root, dtext, dlen);
	const memo_node *notes = memo_document_notes(doc);
	if (notes) {
		FZ_ASSERT(memo_node_type(notes) == MEMO_NODE_NOTES);
		s_check_tree(doc, notes, dtext, dlen);
	}
	s_check_pos(doc, 0);
	s_check_pos(doc, dlen);
	size_t mid = dlen / 2;   /* a character boundary near the middle */
	while (mid > 0 && ((unsigned char)dtext[mid] & 0xC0) == 0x80)
		mid--;
	s_check_pos(doc, mid);
	for (size_t i = 0; i < memo_document_warning_count(doc); i++) {
		const memo_finding *f = memo_document_warning_at(doc, i);
		memo_range r;
		FZ_ASSERT(f && memo_finding_rule_id(f) && memo_finding_message(f));
		memo_finding_range(f, &r);
		FZ_ASSERT(r.start.offset <= r.end.offset && r.end.offset <= dlen);
	}
	(void)memo_node_word_count(root, 0);
	(void)memo_document_title(doc);
	(void)memo_document_declared_kind(doc);
	char *json = NULL;
	size_t jlen = 0;
	int rc = memo_document_to_json(doc, 0, &json, &jlen);
	FZ_ASSERT(rc == MEMO_OK || rc == MEMO_ENOMEM);
	if (rc == MEMO_OK)
		FZ_ASSERT(json && strlen(json) == jlen);
	memo_free(json);
}

/* ---- allocation-failure injection --------------------------------------- */

static uint64_t s_fail_target;   /* memo__alloc_count() value that fails */

void fz_fail_begin(fz_in *in)
{
	uint8_t mode = fz_byte(in);
	uint32_t n = fz_byte(in);
	n |= (uint32_t)fz_byte(in) << 8;
	s_fail_target = 0;
	if (mode & 1) {
		n += 1;
		s_fail_target = memo__alloc_count() + n;
		memo__alloc_fail_at(n);
	}
}

bool fz_fail_end(void)
{
	memo__alloc_fail_at(0);
	bool hit = s_fail_target && memo__alloc_count() >= s_fail_target;
	s_fail_target = 0;
	return hit;
}

void fz_fail_check(const char *what, bool hit, int rc, int rc_clean)
{
	if (!hit || rc == MEMO_OK || rc == MEMO_ENOMEM)
		return;
	if (rc != rc_clean)
		fz_die("%s: an injected allocation failure gave %s (%d), but "
			"the call gives %s (%d) without it", what,
			memo_status_str(rc), rc, memo_status_str(rc_clean),
			rc_clean);
}
