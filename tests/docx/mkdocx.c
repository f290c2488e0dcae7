/*
 * mkdocx.c - see mkdocx.h.
 */
#include "mkdocx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

char *mkzip(const mkzip_entry *e, size_t n, size_t *len_out)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	if (!src)
		return NULL;
	zip_source_keep(src);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	if (!za) {
		zip_source_free(src);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = e[i].data ? (e[i].len ? e[i].len :
			strlen(e[i].data)) : 0;
		zip_source_t *s = zip_source_buffer(za, e[i].data ? e[i].data :
			"", len, 0);
		zip_int64_t idx = s ? zip_file_add(za, e[i].name, s,
			ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			zip_source_free(s);
			zip_discard(za);
			zip_source_free(src);
			return NULL;
		}
		zip_set_file_compression(za, (zip_uint64_t)idx,
			e[i].store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
	}
	if (zip_close(za) < 0) {
		zip_discard(za);
		zip_source_free(src);
		return NULL;
	}
	zip_stat_t st;
	char *out = NULL;
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		out = malloc(st.size ? st.size : 1);
		if (out && zip_source_read(src, out, st.size) !=
		    (zip_int64_t)st.size) {
			free(out);
			out = NULL;
		}
		zip_source_close(src);
		*len_out = (size_t)st.size;
	}
	zip_source_free(src);
	return out;
}

static char *s_cat(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = malloc(la + lb + lc + 1);
	memcpy(s, a, la);
	memcpy(s + la, b, lb);
	memcpy(s + la + lb, c, lc + 1);
	return s;
}

#define NS_DECLS(w) " xmlns:w=\"" w "\"" \
	" xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"" \
	" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"" \
	" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"" \
	" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"" \
	" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"" \
	" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"" \
	" xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"" \
	" xmlns:v=\"urn:schemas-microsoft-com:vml\"" \
	" xmlns:o=\"urn:schemas-microsoft-com:office:office\"" \
	" xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"" \
	" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

#define REL_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define REL_S "http://purl.oclc.org/ooxml/officeDocument/relationships/"

char *mkdocx(const mkdocx_spec *sp, size_t *len_out)
{
	const char *ns = sp->strict ? NS_DECLS(MK_NS_W_STRICT) :
		NS_DECLS(MK_NS_W);
	const char *rel = sp->strict ? REL_S : REL_T;
	const char *main_name = sp->main_name ? sp->main_name :
		"word/document.xml";
	char *owned[24];
	size_t nowned = 0;
	mkzip_entry e[32];
	size_t n = 0;
	char buf[4096];

	/* [Content_Types].xml */
	if (!sp->no_content_types) {
		snprintf(buf, sizeof buf,
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
			"<Default Extension=\"xml\" ContentType=\"%s\"/>"
			"%s%s%s"
			"</Types>",
			sp->default_xml_main ?
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" :
			"application/xml",
			sp->default_xml_main ? "" : "<Override PartName=\"/",
			sp->default_xml_main ? "" : main_name,
			sp->default_xml_main ? "" : "\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
		owned[nowned] = strdup(buf);
		e[n++] = (mkzip_entry){ "[Content_Types].xml", owned[nowned++],
			0, sp->store };
	}
	if (!sp->no_root_rels) {
		snprintf(buf, sizeof buf,
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
			"<Relationship Id=\"rId1\" Type=\"%sofficeDocument\" Target=\"%s\"/>"
			"</Relationships>", rel, main_name);
		owned[nowned] = strdup(buf);
		e[n++] = (mkzip_entry){ "_rels/.rels", owned[nowned++], 0,
			sp->store };
	}
	/* the main part's relationships */
	{
		char dir[256], file[256], rels[600];
		const char *slash = strrchr(main_name, '/');
		size_t nd = slash ? (size_t)(slash - main_name + 1) : 0;
		memcpy(dir, main_name, nd);
		dir[nd] = '\0';
		snprintf(file, sizeof file, "%s", main_name + nd);
		snprintf(rels, sizeof rels, "%s_rels/%s.rels", dir, file);
		char body[3000] = "";
		const struct { const char *part, *type; } r[] = {
			{ sp->styles, "styles" }, { sp->numbering, "numbering" },
			{ sp->footnotes, "footnotes" },
			{ sp->endnotes, "endnotes" },
			{ sp->comments, "comments" },
		};
		for (int i = 0; i < 5; i++) {
			if (!r[i].part)
				continue;
			char one[400];
			snprintf(one, sizeof one, "<Relationship Id=\"rIdx%d\" "
				"Type=\"%s%s\" Target=\"%s.xml\"/>", i, rel,
				r[i].type, r[i].type);
			strcat(body, one);
		}
		snprintf(buf, sizeof buf,
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
			"%s</Relationships>", body);
		owned[nowned] = strdup(buf);
		e[n].name = strdup(rels);
		owned[nowned + 1] = (char *)e[n].name;
		e[n].data = owned[nowned];
		e[n].len = 0;
		e[n].store = sp->store;
		n++;
		nowned += 2;

		const struct { const char *inner, *root, *name; } parts[] = {
			{ sp->styles, "styles", "styles.xml" },
			{ sp->numbering, "numbering", "numbering.xml" },
			{ sp->footnotes, "footnotes", "footnotes.xml" },
			{ sp->endnotes, "endnotes", "endnotes.xml" },
			{ sp->comments, "comments", "comments.xml" },
		};
		for (int i = 0; i < 5; i++) {
			if (!parts[i].inner)
				continue;
			char head[1400], tail[64], pname[600];
			snprintf(head, sizeof head, "<?xml version=\"1.0\" "
				"encoding=\"UTF-8\"?>\n<w:%s%s>", parts[i].root,
				ns);
			snprintf(tail, sizeof tail, "</w:%s>", parts[i].root);
			snprintf(pname, sizeof pname, "%s%s", dir,
				parts[i].name);
			char *x = s_cat(head, parts[i].inner, tail);
			owned[nowned++] = x;
			owned[nowned] = strdup(pname);
			e[n++] = (mkzip_entry){ owned[nowned++], x, 0,
				sp->store };
		}
	}
	/* the main part */
	char *doc;
	if (sp->document) {
		doc = strdup(sp->document);
	} else {
		char head[1400];
		snprintf(head, sizeof head, "<?xml version=\"1.0\" encoding="
			"\"UTF-8\" standalone=\"yes\"?>\n<w:document%s>"
			"<w:body>", ns);
		doc = s_cat(head, sp->body ? sp->body : "",
			"</w:body></w:document>");
	}
	owned[nowned++] = doc;
	e[n++] = (mkzip_entry){ main_name, doc, 0, sp->store };
	for (size_t i = 0; i < sp->nextra && n < 32; i++)
		e[n++] = sp->extra[i];
	char *out = mkzip(e, n, len_out);
	for (size_t i = 0; i < nowned; i++)
		free(owned[i]);
	return out;
}
