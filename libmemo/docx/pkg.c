/*
 * pkg.c - the zip package of a .docx: opening it from memory, finding
 * parts, and inflating them as streams that count every byte against the
 * safety limits.
 *
 * The sizes in the zip directory are only hints: a zip bomb can lie about
 * them. So besides a cheap early check on the declared sizes, the stream
 * counts the bytes it really inflates and stops at the limit.
 */
#include <stdio.h>
#include <string.h>

#include "docx_int.h"

/* Ratios are not judged below this many inflated bytes of one part: a
 * tiny, very regular part may compress well without being a bomb, and
 * it costs nothing to inflate. */
#define RATIO_FLOOR ((uint64_t)64 * 1024)

static int s_zip_status(int zerr)
{
	switch (zerr) {
	case ZIP_ER_MEMORY:
		return MEMO_ENOMEM;
	case ZIP_ER_ENCRNOTSUPP:
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD:
	case ZIP_ER_COMPNOTSUPP:
	case ZIP_ER_MULTIDISK:
		return MEMO_EUNSUPPORTED;
	default:
		return MEMO_EFORMAT;
	}
}

int memo__dx_pkg_open(memo__dx_pkg *pkg, const char *data, size_t len,
	const char *file, const memo_parse_options *opts)
{
	zip_error_t ze;
	zip_source_t *src;
	int rc;

	memset(pkg, 0, sizeof *pkg);
	pkg->file = file;
	pkg->opts = opts;
	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return memo__error_oom();
	}
	pkg->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!pkg->zip) {
		int zerr = zip_error_code_zip(&ze);
		zip_source_free(src);
		if (zerr == ZIP_ER_NOZIP && len >= 4 &&
		    memcmp(data, "PK\x03\x04", 4) == 0)
			rc = memo__error_set(MEMO_EFORMAT, file, NULL, 0, 0,
				"truncated or damaged zip archive: it starts "
				"like a zip but has no central directory");
		else if (zerr == ZIP_ER_NOZIP)
			rc = memo__error_set(MEMO_EFORMAT, file, NULL, 0, 0,
				"not a zip archive, so not a .docx package");
		else if (zerr == ZIP_ER_MEMORY)
			rc = memo__error_oom();
		else
			rc = memo__error_set(s_zip_status(zerr), file, NULL,
				0, 0, "damaged zip archive: %s",
				zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	zip_int64_t n = zip_get_num_entries(pkg->zip, 0);
	if (n < 0) {
		memo__dx_pkg_close(pkg);
		return memo__error_set(MEMO_EFORMAT, file, NULL, 0, 0,
			"damaged zip archive: cannot count its entries");
	}
	if ((uint64_t)n > opts->max_entries) {
		memo__dx_pkg_close(pkg);
		return memo__error_set(MEMO_ELIMIT, file, NULL, 0, 0,
			"the zip archive has %lld entries, over the limit of "
			"%u", (long long)n, (unsigned)opts->max_entries);
	}
	return MEMO_OK;
}

void memo__dx_pkg_close(memo__dx_pkg *pkg)
{
	if (pkg->zip) {
		zip_discard(pkg->zip);
		pkg->zip = NULL;
	}
}

int64_t memo__dx_pkg_find(memo__dx_pkg *pkg, const char *part)
{
	while (*part == '/')
		part++;
	if (!*part)
		return -1;
	zip_int64_t i = zip_name_locate(pkg->zip, part, ZIP_FL_NOCASE);
	return i < 0 ? -1 : (int64_t)i;
}

int memo__dx_stream_open(memo__dx_stream *st, memo__dx_pkg *pkg,
	int64_t index, const char *part)
{
	const memo_parse_options *o = pkg->opts;
	zip_stat_t zs;

	memset(st, 0, sizeof *st);
	st->pkg = pkg;
	st->part = part;
	zip_stat_init(&zs);
	if (zip_stat_index(pkg->zip, (zip_uint64_t)index, 0, &zs) < 0)
		return memo__error_set(MEMO_EFORMAT, pkg->file, part, 0, 0,
			"damaged zip entry: %s",
			zip_error_strerror(zip_get_error(pkg->zip)));
	if ((zs.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    zs.encryption_method != ZIP_EM_NONE)
		return memo__error_set(MEMO_EUNSUPPORTED, pkg->file, part, 0,
			0, "the zip entry is encrypted; encrypted packages "
			"are not supported");
	if ((zs.valid & ZIP_STAT_COMP_METHOD) &&
	    !zip_compression_method_supported(zs.comp_method, 0))
		return memo__error_set(MEMO_EUNSUPPORTED, pkg->file, part, 0,
			0, "the zip entry uses compression method %u, which "
			"is not supported", (unsigned)zs.comp_method);
	if (zs.valid & ZIP_STAT_COMP_SIZE)
		st->comp_size = zs.comp_size;
	if (zs.valid & ZIP_STAT_SIZE) {
		/* Early refusal on the declared sizes; the stream still
		 * counts what it really inflates. */
		if (zs.size > o->max_input_bytes - pkg->inflated)
			return memo__error_set(MEMO_ELIMIT, pkg->file, part,
				0, 0, "the part declares %llu uncompressed "
				"bytes, over the limit of %llu bytes for the "
				"whole package", (unsigned long long)zs.size,
				(unsigned long long)o->max_input_bytes);
		if ((zs.valid & ZIP_STAT_COMP_SIZE) && zs.size > RATIO_FLOOR &&
		    zs.size / (zs.comp_size ? zs.comp_size : 1) >
			    o->max_ratio)
			return memo__error_set(MEMO_ELIMIT, pkg->file, part,
				0, 0, "the part declares a compression ratio "
				"of %llu:1, over the limit of %u:1",
				(unsigned long long)(zs.size /
					(zs.comp_size ? zs.comp_size : 1)),
				(unsigned)o->max_ratio);
	}
	st->zf = zip_fopen_index(pkg->zip, (zip_uint64_t)index, 0);
	if (!st->zf) {
		zip_error_t *ze = zip_get_error(pkg->zip);
		int zerr = zip_error_code_zip(ze);
		if (zerr == ZIP_ER_MEMORY)
			return memo__error_oom();
		if (zerr == ZIP_ER_NOPASSWD || zerr == ZIP_ER_ENCRNOTSUPP ||
		    zerr == ZIP_ER_WRONGPASSWD)
			return memo__error_set(MEMO_EUNSUPPORTED, pkg->file,
				part, 0, 0, "the zip entry is encrypted; "
				"encrypted packages are not supported");
		return memo__error_set(s_zip_status(zerr), pkg->file, part,
			0, 0, "cannot open the zip entry: %s",
			zip_error_strerror(ze));
	}
	return MEMO_OK;
}

void memo__dx_stream_close(memo__dx_stream *st)
{
	if (st->zf) {
		zip_fclose(st->zf);
		st->zf = NULL;
	}
}

/*
 * Watch the part's prolog for a document type declaration. A DTD is never
 * loaded (we do not pass XML_PARSE_DTDLOAD or XML_PARSE_NOENT), but a part
 * that has one is refused outright, before libxml2 sees its internal
 * subset: no OOXML producer writes one, and entity tricks (billion laughs,
 * external entities) all need it. NUL bytes are skipped so that UTF-16
 * parts are scanned too.
 */
enum { P_TEXT, P_LT, P_PI, P_PI_Q, P_BANG, P_COM0, P_COM, P_DONE, P_DTD };

static int s_prolog(memo__dx_stream *st, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n && st->prolog != P_DONE; i++) {
		unsigned char c = s[i];
		if (c == 0)
			continue;
		switch (st->prolog) {
		case P_TEXT:
			if (c == '<')
				st->prolog = P_LT;
			else if (!(c == ' ' || c == '\t' || c == '\r' ||
				   c == '\n' || c == 0xEF || c == 0xBB ||
				   c == 0xBF || c == 0xFE || c == 0xFF))
				st->prolog = P_DONE;
			break;
		case P_LT:
			st->prolog = c == '?' ? P_PI : c == '!' ? P_BANG :
				P_DONE;
			break;
		case P_PI:
			if (c == '?')
				st->prolog = P_PI_Q;
			break;
		case P_PI_Q:
			st->prolog = c == '>' ? P_TEXT : c == '?' ? P_PI_Q :
				P_PI;
			break;
		case P_BANG:
			if (c == '-')
				st->prolog = P_COM0;
			else if (c == 'D' || c == 'd')
				return P_DTD;
			else
				st->prolog = P_DONE;
			break;
		case P_COM0:
			st->prolog = c == '-' ? P_COM : P_DONE;
			st->prolog_aux = 0;
			break;
		case P_COM:
			if (c == '-')
				st->prolog_aux++;
			else if (c == '>' && st->prolog_aux >= 2)
				st->prolog = P_TEXT;
			else
				st->prolog_aux = 0;
			break;
		default:
			break;
		}
	}
	return st->prolog;
}

int memo__dx_stream_read(void *ctx, char *buf, int len)
{
	memo__dx_stream *st = ctx;
	memo__dx_pkg *pkg = st->pkg;
	const memo_parse_options *o = pkg->opts;

	if (pkg->err || !st->zf || len <= 0)
		return pkg->err ? -1 : 0;
	zip_int64_t n = zip_fread(st->zf, buf, (zip_uint64_t)len);
	if (n < 0) {
		zip_error_t *ze = zip_file_get_error(st->zf);
		int zerr = zip_error_code_zip(ze);
		if (zerr == ZIP_ER_MEMORY)
			pkg->err = memo__error_oom();
		else if (zerr == ZIP_ER_CRC)
			pkg->err = memo__error_set(MEMO_EFORMAT, pkg->file,
				st->part, 0, 0, "CRC error: the zip data of "
				"this part is damaged");
		else
			pkg->err = memo__error_set(s_zip_status(zerr),
				pkg->file, st->part, 0, 0,
				"cannot inflate the part: %s",
				zip_error_strerror(ze));
		return -1;
	}
	st->got += (uint64_t)n;
	pkg->inflated += (uint64_t)n;
	if (pkg->inflated > o->max_input_bytes) {
		pkg->err = memo__error_set(MEMO_ELIMIT, pkg->file, st->part,
			0, 0, "more than %llu bytes inflated from the package "
			"(a zip bomb?); the limit is max_input_bytes",
			(unsigned long long)o->max_input_bytes);
		return -1;
	}
	if (st->got > RATIO_FLOOR &&
	    st->got / (st->comp_size ? st->comp_size : 1) > o->max_ratio) {
		pkg->err = memo__error_set(MEMO_ELIMIT, pkg->file, st->part,
			0, 0, "the part inflates more than %u times its "
			"compressed size (a zip bomb?)",
			(unsigned)o->max_ratio);
		return -1;
	}
	if (st->prolog != P_DONE &&
	    s_prolog(st, (const unsigned char *)buf, (size_t)n) == P_DTD) {
		pkg->err = memo__error_set(MEMO_EUNSUPPORTED, pkg->file,
			st->part, 0, 0, "the part has a document type "
			"declaration (DTD); DTDs and entities are not allowed "
			"in a .docx and were not loaded");
		return -1;
	}
	return (int)n;
}
