/*
 * docx.c - memo__docx_parse(): the .docx front end's entry point.
 *
 * Refusals come first and each has its own message: Word lock files,
 * OLE compound files (an encrypted package or a legacy .doc), then
 * everything the zip and XML layers find (see pkg.c and xml.c).
 */
#include <string.h>

#include "docx.h"
#include "docx_int.h"

static const char s_ole_magic[8] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

bool memo__docx_sniff(const char *data, size_t len)
{
	if (!data || len < 4)
		return false;
	if (data[0] == 'P' && data[1] == 'K' &&
	    ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6) ||
	     (data[2] == 7 && data[3] == 8)))
		return true;
	return len >= 8 && memcmp(data, s_ole_magic, 8) == 0;
}

/* Does data hold the stream name `ascii` in UTF-16LE (an OLE directory
 * entry name)? */
static bool s_has_utf16(const char *data, size_t len, const char *ascii)
{
	char pat[64];
	size_t n = strlen(ascii);
	if (n * 2 > sizeof pat)
		return false;
	for (size_t i = 0; i < n; i++) {
		pat[2 * i] = ascii[i];
		pat[2 * i + 1] = '\0';
	}
	if (len < n * 2)
		return false;
	for (size_t i = 0; i + n * 2 <= len; i++)
		if (data[i] == pat[0] && memcmp(data + i, pat, n * 2) == 0)
			return true;
	return false;
}

static const char *s_basename(const char *name)
{
	const char *b = name;
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return b;
}

/* Word's owner file ("~$name.docx"): a length byte, the user name in
 * one byte per character, padding to byte 54, then the same length and
 * the name again in UTF-16LE. */
static bool s_is_lock_file(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len < 56 || len > 4096)
		return false;
	size_t n = u[0];
	if (n < 1 || n > 53)
		return false;
	for (size_t i = 1; i <= n; i++)
		if (u[i] < 0x20)
			return false;
	return u[54] == n && u[55] == 0;
}

static int s_refuse(const char *data, size_t len, const char *name,
	const char *file)
{
	bool zip = len >= 2 && data[0] == 'P' && data[1] == 'K';
	if (name && strncmp(s_basename(name), "~$", 2) == 0 && !zip)
		return memo__error_set(MEMO_EUNSUPPORTED, file, NULL, 0, 0,
			"a Word owner (lock) file, which Word writes while "
			"a document is open; it holds only a user name, not "
			"the document");
	if (len >= 8 && memcmp(data, s_ole_magic, 8) == 0) {
		if (s_has_utf16(data, len, "EncryptedPackage") ||
		    s_has_utf16(data, len, "EncryptionInfo"))
			return memo__error_set(MEMO_EUNSUPPORTED, file, NULL,
				0, 0, "encrypted or legacy: this is a "
				"password-protected (encrypted) Office "
				"package; remove the password in Word and "
				"save again");
		if (s_has_utf16(data, len, "WordDocument"))
			return memo__error_set(MEMO_EUNSUPPORTED, file, NULL,
				0, 0, "encrypted or legacy: this is a legacy "
				"binary Word 97-2003 document (.doc); save it "
				"as .docx");
		return memo__error_set(MEMO_EUNSUPPORTED, file, NULL, 0, 0,
			"encrypted or legacy: an OLE compound file, not a "
			".docx package");
	}
	if (s_is_lock_file(data, len))
		return memo__error_set(MEMO_EUNSUPPORTED, file, NULL, 0, 0,
			"a Word owner (lock) file, which Word writes while "
			"a document is open; it holds only a user name, not "
			"the document");
	if (len == 0)
		return memo__error_set(MEMO_EFORMAT, file, NULL, 0, 0,
			"empty file, not a .docx package");
	return MEMO_OK;
}

int memo__docx_parse(const char *data, size_t len, const char *name,
	const memo_parse_options *opts, memo_document **out)
{
	const char *file = memo__display_name(name);
	memo__dx_pkg pkg;
	memo__dx_parts parts;
	memo__dx_styles styles;
	memo__builder b;
	int rc;

	*out = NULL;
	if ((rc = s_refuse(data, len, name, file)) != 0)
		return rc;
	if ((rc = memo__dx_pkg_open(&pkg, data, len, file, opts)) != 0)
		return rc;
	memo__dx_styles_init(&styles);
	if ((rc = memo__dx_opc_resolve(&pkg, &parts)) != 0)
		goto fail_pkg;
	if (parts.styles[0] &&
	    (rc = memo__dx_styles_load(&styles, &pkg,
		    memo__dx_pkg_find(&pkg, parts.styles), parts.styles)) != 0)
		goto fail_pkg;
	if (parts.numbering[0] &&
	    (rc = memo__dx_numbering_load(&styles, &pkg,
		    memo__dx_pkg_find(&pkg, parts.numbering),
		    parts.numbering)) != 0)
		goto fail_pkg;
	memo__dx_styles_resolve(&styles);
	if ((rc = memo__builder_init(&b, name, MEMO_FORMAT_DOCX,
		    opts->max_depth)) != 0)
		goto fail_pkg;
	if ((rc = memo__dx_body_run(&b, &pkg, &parts, &styles, opts)) != 0) {
		memo__builder_abort(&b);
		goto fail_pkg;
	}
	memo__dx_styles_free(&styles);
	memo__dx_pkg_close(&pkg);
	return memo__builder_finish(&b, out);
fail_pkg:
	memo__dx_styles_free(&styles);
	memo__dx_pkg_close(&pkg);
	return rc;
}
