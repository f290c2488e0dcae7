/*
 * docx_floor.c - the speed floor for docx: a bare libzip + libxml2 text
 * extractor.
 *
 * It does the least work any docx reader must do: open the package from
 * memory with libzip, find the main part (the officeDocument relationship
 * in _rels/.rels, else word/document.xml), stream that part through
 * libxml2's xmlTextReader, and concatenate the text of the w:t elements,
 * one "\n" per w:p. No styles, numbering, notes, tree, positions or
 * limits. libmemo's docx front end does strictly more, so its throughput
 * is compared to this one (target: at least 80% of the floor's MB/s).
 *
 * docx_floor_extract_sax() does the same with libxml2's SAX2 push parser
 * instead of the reader (the reader builds and frees a node per element,
 * SAX2 does not): a lower floor, reported beside the reader's.
 *
 * Built twice: into bench_parse (the "floor" engine, timed beside libmemo
 * on the same files in the same process) and, with DOCX_FLOOR_MAIN, as the
 * stand-alone `docx_floor FILE...` that prints the extracted text.
 */
#include "docx_floor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define REL_OFFICE_DOC "/officeDocument"

typedef struct s_out {
	char *p;
	size_t len;
	size_t cap;
	int oom;
} s_out;

static void s_append(s_out *o, const char *s, size_t n)
{
	if (o->oom || n == 0)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;
		while (cap < o->len + n + 1)
			cap *= 2;
		char *p = realloc(o->p, cap);
		if (p == NULL) {
			o->oom = 1;
			return;
		}
		o->p = p;
		o->cap = cap;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

/* xmlTextReader input callback over a libzip entry. */
static int s_zip_read(void *ctx, char *buf, int len)
{
	zip_int64_t n = zip_fread((zip_file_t *)ctx, buf, (zip_uint64_t)len);
	return n < 0 ? -1 : (int)n;
}

static int s_zip_close(void *ctx)
{
	(void)ctx; /* closed by the caller */
	return 0;
}

/* Silence libxml2: a broken part is a failure status, not stderr noise. */
static void s_xml_quiet(void *arg, const char *msg,
	xmlParserSeverities severity, xmlTextReaderLocatorPtr loc)
{
	(void)arg;
	(void)msg;
	(void)severity;
	(void)loc;
}

static int s_is_w(const xmlChar *ns)
{
	return ns != NULL && (strcmp((const char *)ns, W_NS) == 0 ||
		strcmp((const char *)ns, W_NS_STRICT) == 0);
}

/*
 * The main part's name from _rels/.rels: the Target of the relationship
 * whose Type ends in "/officeDocument". Returns a malloc'd name or NULL.
 */
static char *s_main_part(zip_t *za)
{
	zip_stat_t st;
	if (zip_stat(za, "_rels/.rels", 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || st.size > (64u << 20))
		return NULL;
	zip_file_t *zf = zip_fopen(za, "_rels/.rels", 0);
	if (zf == NULL)
		return NULL;
	char *buf = malloc((size_t)st.size + 1);
	zip_int64_t got = buf ? zip_fread(zf, buf, st.size) : -1;
	zip_fclose(zf);
	if (got < 0) {
		free(buf);
		return NULL;
	}
	char *name = NULL;
	xmlTextReaderPtr r = xmlReaderForMemory(buf, (int)got, NULL, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (r != NULL) {
		xmlTextReaderSetErrorHandler(r, s_xml_quiet, NULL);
		while (name == NULL && xmlTextReaderRead(r) == 1) {
			if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
				continue;
			const xmlChar *ln = xmlTextReaderConstLocalName(r);
			if (ln == NULL || strcmp((const char *)ln, "Relationship"))
				continue;
			xmlChar *type = xmlTextReaderGetAttribute(r,
				BAD_CAST "Type");
			size_t tl = type ? strlen((char *)type) : 0;
			size_t sl = strlen(REL_OFFICE_DOC);
			if (tl >= sl && strcmp((char *)type + tl - sl,
				REL_OFFICE_DOC) == 0) {
				xmlChar *t = xmlTextReaderGetAttribute(r,
					BAD_CAST "Target");
				if (t != NULL) {
					const char *s = (const char *)t;
					while (*s == '/')
						s++;
					name = strdup(s);
					xmlFree(t);
				}
			}
			xmlFree(type);
		}
		xmlFreeTextReader(r);
	}
	free(buf);
	return name;
}

/* Open the package and its main part. */
static int s_open(const char *data, size_t len, zip_t **out_za,
	zip_file_t **out_zf)
{
	zip_error_t zerr;
	zip_error_init(&zerr);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &zerr);
	if (src == NULL) {
		zip_error_fini(&zerr);
		return DOCX_FLOOR_EZIP;
	}
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	zip_error_fini(&zerr);
	if (za == NULL) {
		zip_source_free(src);
		return DOCX_FLOOR_EZIP;
	}
	char *part = s_main_part(za);
	zip_file_t *zf = zip_fopen(za, part ? part : "word/document.xml", 0);
	if (zf == NULL && part != NULL)
		zf = zip_fopen(za, "word/document.xml", 0);
	free(part);
	if (zf == NULL) {
		zip_discard(za);
		return DOCX_FLOOR_ENOMAIN;
	}
	*out_za = za;
	*out_zf = zf;
	return DOCX_FLOOR_OK;
}

static int s_finish(int rc, s_out *o, char **out_text, size_t *out_len)
{
	if (rc == DOCX_FLOOR_OK && o->oom)
		rc = DOCX_FLOOR_ENOMEM;
	if (rc != DOCX_FLOOR_OK) {
		free(o->p);
		return rc;
	}
	*out_text = o->p;
	*out_len = o->len;
	return DOCX_FLOOR_OK;
}

int docx_floor_extract(const char *data, size_t len, char **out_text,
	size_t *out_len)
{
	*out_text = NULL;
	*out_len = 0;
	zip_t *za;
	zip_file_t *zf;
	int rc = s_open(data, len, &za, &zf);
	if (rc != DOCX_FLOOR_OK)
		return rc;

	s_out o = { NULL, 0, 0, 0 };
	xmlTextReaderPtr r = xmlReaderForIO(s_zip_read, s_zip_close, zf,
		NULL, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (r == NULL) {
		rc = DOCX_FLOOR_EXML;
	} else {
		xmlTextReaderSetErrorHandler(r, s_xml_quiet, NULL);
		int in_t = 0, ret;
		while ((ret = xmlTextReaderRead(r)) == 1) {
			int type = xmlTextReaderNodeType(r);
			if (type == XML_READER_TYPE_ELEMENT) {
				const xmlChar *ln = xmlTextReaderConstLocalName(r);
				if (ln[0] == 't' && ln[1] == '\0' &&
				    !xmlTextReaderIsEmptyElement(r) &&
				    s_is_w(xmlTextReaderConstNamespaceUri(r)))
					in_t = 1;
				/* <w:p/> has no end tag event: end it here. */
				else if (ln[0] == 'p' && ln[1] == '\0' &&
				    xmlTextReaderIsEmptyElement(r) &&
				    s_is_w(xmlTextReaderConstNamespaceUri(r)))
					s_append(&o, "\n", 1);
			} else if (type == XML_READER_TYPE_END_ELEMENT) {
				const xmlChar *ln = xmlTextReaderConstLocalName(r);
				if (ln[0] == 't' && ln[1] == '\0')
					in_t = 0;
				else if (ln[0] == 'p' && ln[1] == '\0' &&
				    s_is_w(xmlTextReaderConstNamespaceUri(r)))
					s_append(&o, "\n", 1);
			} else if (in_t && (type == XML_READER_TYPE_TEXT ||
			    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			    type == XML_READER_TYPE_WHITESPACE)) {
				const xmlChar *v = xmlTextReaderConstValue(r);
				if (v != NULL)
					s_append(&o, (const char *)v,
						strlen((const char *)v));
			}
		}
		if (ret < 0)
			rc = DOCX_FLOOR_EXML;
		xmlFreeTextReader(r);
	}
	zip_fclose(zf);
	zip_discard(za);
	return s_finish(rc, &o, out_text, out_len);
}

/* ---- the SAX2 variant ------------------------------------------------ */

typedef struct s_sax {
	s_out o;
	int in_t;
} s_sax;

static void s_sax_start(void *ctx, const xmlChar *ln, const xmlChar *prefix,
	const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
	int ndef, const xmlChar **attrs)
{
	s_sax *x = ((xmlParserCtxtPtr)ctx)->_private;
	(void)prefix;
	(void)nns;
	(void)ns;
	(void)nattr;
	(void)ndef;
	(void)attrs;
	if (ln[0] == 't' && ln[1] == '\0' && s_is_w(uri))
		x->in_t = 1;
}

static void s_sax_end(void *ctx, const xmlChar *ln, const xmlChar *prefix,
	const xmlChar *uri)
{
	s_sax *x = ((xmlParserCtxtPtr)ctx)->_private;
	(void)prefix;
	if (ln[0] == 't' && ln[1] == '\0')
		x->in_t = 0;
	else if (ln[0] == 'p' && ln[1] == '\0' && s_is_w(uri))
		s_append(&x->o, "\n", 1);
}

static void s_sax_text(void *ctx, const xmlChar *s, int n)
{
	s_sax *x = ((xmlParserCtxtPtr)ctx)->_private;
	if (x->in_t && n > 0)
		s_append(&x->o, (const char *)s, (size_t)n);
}

#if LIBXML_VERSION >= 21200
static void s_sax_quiet(void *ctx, const xmlError *err)
#else
static void s_sax_quiet(void *ctx, xmlErrorPtr err)
#endif
{
	(void)ctx;
	(void)err;
}

int docx_floor_extract_sax(const char *data, size_t len, char **out_text,
	size_t *out_len)
{
	*out_text = NULL;
	*out_len = 0;
	zip_t *za;
	zip_file_t *zf;
	int rc = s_open(data, len, &za, &zf);
	if (rc != DOCX_FLOOR_OK)
		return rc;

	xmlSAXHandler h;
	memset(&h, 0, sizeof h);
	h.initialized = XML_SAX2_MAGIC;
	h.startElementNs = s_sax_start;
	h.endElementNs = s_sax_end;
	h.characters = s_sax_text;
	h.cdataBlock = s_sax_text;
	h.serror = s_sax_quiet;

	s_sax x;
	memset(&x, 0, sizeof x);
	char buf[65536];
	zip_int64_t n = zip_fread(zf, buf, 4);
	xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&h, NULL,
		n > 0 ? buf : NULL, n > 0 ? (int)n : 0, NULL);
	if (ctxt == NULL || n < 0) {
		rc = DOCX_FLOOR_EXML;
	} else {
		ctxt->_private = &x;
		xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR |
			XML_PARSE_NOWARNING);
		while ((n = zip_fread(zf, buf, sizeof buf)) > 0)
			if (xmlParseChunk(ctxt, buf, (int)n, 0) != 0)
				break;
		if (n < 0 || xmlParseChunk(ctxt, NULL, 0, 1) != 0 ||
		    !ctxt->wellFormed)
			rc = DOCX_FLOOR_EXML;
	}
	if (ctxt != NULL) {
		if (ctxt->myDoc != NULL)
			xmlFreeDoc(ctxt->myDoc);
		xmlFreeParserCtxt(ctxt);
	}
	zip_fclose(zf);
	zip_discard(za);
	return s_finish(rc, &x.o, out_text, out_len);
}

const char *docx_floor_status_str(int status)
{
	switch (status) {
	case DOCX_FLOOR_OK: return "OK";
	case DOCX_FLOOR_EZIP: return "FLOOR_EZIP";
	case DOCX_FLOOR_ENOMAIN: return "FLOOR_ENOMAIN";
	case DOCX_FLOOR_EXML: return "FLOOR_EXML";
	case DOCX_FLOOR_ENOMEM: return "FLOOR_ENOMEM";
	default: return "FLOOR_UNKNOWN";
	}
}

#ifdef DOCX_FLOOR_MAIN
/* docx_floor [--sax] FILE...: print each file's extracted text. */
int main(int argc, char **argv)
{
	int bad = 0, first = 1;
	int (*extract)(const char *, size_t, char **, size_t *) =
		docx_floor_extract;
	if (argc > 1 && strcmp(argv[1], "--sax") == 0) {
		extract = docx_floor_extract_sax;
		first = 2;
	}
	if (argc <= first) {
		fprintf(stderr, "usage: docx_floor [--sax] FILE.docx...\n");
		return 2;
	}
	for (int i = first; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (f == NULL) {
			perror(argv[i]);
			bad = 1;
			continue;
		}
		char *buf = NULL;
		size_t len = 0, cap = 0, n;
		do {
			if (len == cap) {
				cap = cap ? cap * 2 : 65536;
				char *p = realloc(buf, cap);
				if (p == NULL)
					break;
				buf = p;
			}
			n = fread(buf + len, 1, cap - len, f);
			len += n;
		} while (n > 0);
		fclose(f);
		char *text;
		size_t tlen;
		int rc = extract(buf, len, &text, &tlen);
		free(buf);
		if (rc != DOCX_FLOOR_OK) {
			fprintf(stderr, "%s: %s\n", argv[i],
				docx_floor_status_str(rc));
			bad = 1;
			continue;
		}
		if (tlen > 0)
			fwrite(text, 1, tlen, stdout);
		free(text);
	}
	return bad;
}
#endif
