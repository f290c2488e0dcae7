/*
 * opc.c - Open Packaging Conventions: which part is the main document,
 * and where its styles, numbering, footnotes, endnotes and comments live.
 *
 * The main part is never assumed to be word/document.xml (Office 365
 * writes word/document2.xml, Word Online document22.xml, and tools rename
 * it): it comes from the package relationship of type officeDocument
 * (transitional or ISO strict URI), checked against [Content_Types].xml,
 * or from a main-document Override there, or from the Default for the
 * .xml extension when that is the main type.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "docx_int.h"

#define PATH_CAP 512

static bool s_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* A word-processing main document content type: document, template,
 * macro-enabled document or template (transitional or strict). */
static bool s_is_main_type(const char *ct)
{
	if (!s_ends_with(ct, ".main+xml"))
		return false;
	return strstr(ct, "wordprocessingml.document.") != NULL ||
	       strstr(ct, "wordprocessingml.template.") != NULL ||
	       strncmp(ct, "application/vnd.ms-word.", 24) == 0;
}

static int s_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Resolve target against base_dir ("word/" or ""): absolute targets start
 * at the package root; "." and ".." segments are folded; %XX decoded. */
static void s_resolve(const char *base_dir, const char *target, char *out,
	size_t cap)
{
	char tmp[PATH_CAP * 2];
	size_t n = 0;
	if (*target == '/') {
		while (*target == '/')
			target++;
	} else {
		for (const char *p = base_dir; *p && n + 1 < sizeof tmp; p++)
			tmp[n++] = *p;
	}
	for (const char *p = target; *p && n + 1 < sizeof tmp; p++) {
		if (*p == '%' && s_hex(p[1]) >= 0 && s_hex(p[2]) >= 0) {
			tmp[n++] = (char)(s_hex(p[1]) * 16 + s_hex(p[2]));
			p += 2;
		} else {
			tmp[n++] = *p == '\\' ? '/' : *p;
		}
	}
	tmp[n] = '\0';
	/* Fold segments into out. */
	size_t o = 0;
	char *seg = tmp;
	while (seg && *seg) {
		char *slash = strchr(seg, '/');
		size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
		if (len == 0 || (len == 1 && seg[0] == '.')) {
			/* skip */
		} else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
			while (o > 0 && out[o - 1] != '/')
				o--;
		} else if (o + len + 2 < cap) {
			memcpy(out + o, seg, len);
			o += len;
			if (slash)
				out[o++] = '/';
		}
		seg = slash ? slash + 1 : NULL;
	}
	if (o > 0 && out[o - 1] == '/')
		o--;
	out[o] = '\0';
}

static void s_dir_of(const char *part, char *dir, size_t cap)
{
	const char *slash = strrchr(part, '/');
	size_t n = slash ? (size_t)(slash - part + 1) : 0;
	if (n >= cap)
		n = cap - 1;
	memcpy(dir, part, n);
	dir[n] = '\0';
}

static bool s_same_part(const char *a, const char *b)
{
	while (*a == '/')
		a++;
	while (*b == '/')
		b++;
	return strcasecmp(a, b) == 0;
}

typedef struct s_ct {
	bool default_xml_main;    /* Default Extension="xml" is the main type */
	char main_override[PATH_CAP];
	char target_type[256];    /* content type of the rels target */
	const char *target;       /* the rels target, to look up its type */
} s_ct;

static int s_ct_start(void *ud, memo__dx_xml *x, int tok, int depth)
{
	s_ct *ct = ud;
	char name[PATH_CAP], type[256];
	(void)depth;
	if (tok == T_OVERRIDE) {
		if (memo__dx_xml_attr(x, "PartName", MEMO__NS_NONE, name,
			    sizeof name) < 0 ||
		    memo__dx_xml_attr(x, "ContentType", MEMO__NS_NONE, type,
			    sizeof type) < 0)
			return MEMO_OK;
		if (s_is_main_type(type) && !ct->main_override[0])
			s_resolve("", name, ct->main_override,
				sizeof ct->main_override);
		if (ct->target) {
			char norm[PATH_CAP];
			s_resolve("", name, norm, sizeof norm);
			if (s_same_part(norm, ct->target))
				snprintf(ct->target_type,
					sizeof ct->target_type, "%s", type);
		}
	} else if (tok == T_DEFAULT) {
		if (memo__dx_xml_attr(x, "Extension", MEMO__NS_NONE, name,
			    sizeof name) < 0 ||
		    memo__dx_xml_attr(x, "ContentType", MEMO__NS_NONE, type,
			    sizeof type) < 0)
			return MEMO_OK;
		if (strcasecmp(name, "xml") == 0 && s_is_main_type(type))
			ct->default_xml_main = true;
	}
	return MEMO_OK;
}

static int s_read_content_types(memo__dx_pkg *pkg, s_ct *ct)
{
	static const char part[] = "[Content_Types].xml";
	static const memo__dx_handler h = { s_ct_start, NULL, NULL };
	int64_t idx = memo__dx_pkg_find(pkg, part);
	if (idx < 0)
		return MEMO_OK; /* lenient: the relationships may suffice */
	return memo__dx_xml_parse(pkg, idx, part, &h, ct);
}

/* Relationship types are matched on their last segment, which is the
 * same in the transitional and the strict URIs. */
typedef struct s_rel_want {
	const char *suffix;
	char *out;
} s_rel_want;

typedef struct s_rels {
	const char *base_dir;
	s_rel_want *want;
	size_t nwant;
} s_rels;

static int s_rel_start(void *ud, memo__dx_xml *x, int tok, int depth)
{
	s_rels *r = ud;
	char type[256], target[PATH_CAP], mode[32];
	(void)depth;
	if (tok != T_RELATIONSHIP)
		return MEMO_OK;
	if (memo__dx_xml_attr(x, "Type", MEMO__NS_NONE, type,
		    sizeof type) < 0 ||
	    memo__dx_xml_attr(x, "Target", MEMO__NS_NONE, target,
		    sizeof target) < 0)
		return MEMO_OK;
	if (memo__dx_xml_attr(x, "TargetMode", MEMO__NS_NONE, mode,
		    sizeof mode) >= 0 && strcasecmp(mode, "External") == 0)
		return MEMO_OK;
	for (size_t i = 0; i < r->nwant; i++) {
		if (!r->want[i].out[0] && s_ends_with(type,
			    r->want[i].suffix)) {
			s_resolve(r->base_dir, target, r->want[i].out,
				PATH_CAP);
			break;
		}
	}
	return MEMO_OK;
}

static int s_read_rels(memo__dx_pkg *pkg, const char *rels_part,
	const char *base_dir, s_rel_want *want, size_t nwant)
{
	static const memo__dx_handler h = { s_rel_start, NULL, NULL };
	int64_t idx = memo__dx_pkg_find(pkg, rels_part);
	s_rels r = { base_dir, want, nwant };
	if (idx < 0)
		return MEMO_OK;
	return memo__dx_xml_parse(pkg, idx, rels_part, &h, &r);
}

int memo__dx_opc_resolve(memo__dx_pkg *pkg, memo__dx_parts *out)
{
	char target[PATH_CAP] = "";
	s_ct ct;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&ct, 0, sizeof ct);
	s_rel_want root[] = { { "/officeDocument", target } };
	if ((rc = s_read_rels(pkg, "_rels/.rels", "", root, 1)) != 0)
		return rc;
	if (target[0] && memo__dx_pkg_find(pkg, target) < 0)
		target[0] = '\0';
	ct.target = target[0] ? target : NULL;
	if ((rc = s_read_content_types(pkg, &ct)) != 0)
		return rc;

	if (target[0] && (s_is_main_type(ct.target_type) ||
	                  (!ct.target_type[0] && (ct.default_xml_main ||
	                   !ct.main_override[0]))))
		snprintf(out->main, sizeof out->main, "%s", target);
	else if (ct.main_override[0] &&
	         memo__dx_pkg_find(pkg, ct.main_override) >= 0)
		snprintf(out->main, sizeof out->main, "%s", ct.main_override);
	if (!out->main[0]) {
		if (target[0] && ct.target_type[0])
			return memo__error_set(MEMO_EFORMAT, pkg->file, NULL,
				0, 0, "no Word main document: the package's "
				"main part %s is of type %s", target,
				ct.target_type);
		return memo__error_set(MEMO_EFORMAT, pkg->file, NULL, 0, 0,
			"no Word main document in the package (no "
			"officeDocument relationship or main content type "
			"that names an existing part)");
	}

	/* The main part's own relationships. */
	char dir[PATH_CAP], rels[PATH_CAP * 2];
	s_dir_of(out->main, dir, sizeof dir);
	snprintf(rels, sizeof rels, "%s_rels/%s.rels", dir,
		out->main + strlen(dir));
	s_rel_want part[] = {
		{ "/styles", out->styles },
		{ "/numbering", out->numbering },
		{ "/footnotes", out->footnotes },
		{ "/endnotes", out->endnotes },
		{ "/comments", out->comments },
	};
	if ((rc = s_read_rels(pkg, rels, dir, part,
		    sizeof part / sizeof *part)) != 0)
		return rc;
	/* Lenient fallback for packages whose part relationships are
	 * missing: the conventional names next to the main part. */
	static const char *const conv[] = { "styles.xml", "numbering.xml",
		"footnotes.xml", "endnotes.xml", "comments.xml" };
	for (size_t i = 0; i < sizeof part / sizeof *part; i++) {
		if (part[i].out[0] && memo__dx_pkg_find(pkg, part[i].out) < 0)
			part[i].out[0] = '\0';
		if (!part[i].out[0] && memo__dx_pkg_find(pkg, rels) < 0) {
			size_t nd = strlen(dir), nc = strlen(conv[i]);
			if (nd + nc >= PATH_CAP)
				continue;
			memcpy(part[i].out, dir, nd);
			memcpy(part[i].out + nd, conv[i], nc + 1);
			if (memo__dx_pkg_find(pkg, part[i].out) < 0)
				part[i].out[0] = '\0';
		}
	}
	return MEMO_OK;
}
