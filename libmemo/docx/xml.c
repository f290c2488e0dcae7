/*
 * xml.c - libxml2's SAX2 push parser, fed from the zip stream, set up
 * safely.
 *
 * Why SAX2 and not xmlTextReader: both stream and neither builds a DOM,
 * but the reader builds and frees a node (and an attribute node per
 * attribute) for every element, which costs about twice the time of the
 * parse itself. The docx front end reads styles.xml, numbering.xml and
 * the notes besides the main part, so only the SAX2 callbacks keep it
 * within reach of a bare reader-based extraction of the main part alone
 * (docs/docx.md, bench/docx_floor.c). Memory stays proportional to the
 * text: the parser keeps only its input window and the open elements'
 * names.
 *
 * Safety: XML_PARSE_NONET | NOERROR | NOWARNING only; never NOENT (no
 * entity substitution), DTDLOAD, DTDVALID or HUGE. The SAX handler has
 * no entity, DTD or external-subset callbacks. A DOCTYPE is refused
 * twice over: by the stream's prolog scanner (pkg.c), before libxml2
 * sees the internal subset, and by the internalSubset callback.
 *
 * Thread safety: xmlInitParser() runs once through pthread_once, and no
 * global error handler is installed: each parser context gets its own
 * structured handler (sax.serror), which records the first error with
 * its line and column.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "docx_int.h"

#define XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

static pthread_once_t s_once = PTHREAD_ONCE_INIT;

static void s_init_tables(void);

static void s_init(void)
{
	xmlInitParser();
	s_init_tables();
}

void memo__dx_xml_init(void)
{
	pthread_once(&s_once, s_init);
}

/* ---- namespaces ----------------------------------------------------- */

static const struct {
	const char *uri;
	int cls;
} s_ns[] = {
	{ "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	  MEMO__NS_W },
	{ "http://purl.oclc.org/ooxml/wordprocessingml/main", MEMO__NS_W },
	{ "http://schemas.openxmlformats.org/markup-compatibility/2006",
	  MEMO__NS_MC },
	{ "http://schemas.microsoft.com/office/word/2010/wordml",
	  MEMO__NS_W14 },
	{ "http://schemas.openxmlformats.org/officeDocument/2006/math",
	  MEMO__NS_M },
	{ "http://purl.oclc.org/ooxml/officeDocument/math", MEMO__NS_M },
	{ "http://schemas.openxmlformats.org/package/2006/content-types",
	  MEMO__NS_CT },
	{ "http://schemas.openxmlformats.org/package/2006/relationships",
	  MEMO__NS_PR },
	{ "http://schemas.openxmlformats.org/drawingml/2006/picture",
	  MEMO__NS_PIC },
	{ "http://purl.oclc.org/ooxml/drawingml/picture", MEMO__NS_PIC },
	{ "http://schemas.openxmlformats.org/drawingml/2006/chart",
	  MEMO__NS_C },
	{ "http://purl.oclc.org/ooxml/drawingml/chart", MEMO__NS_C },
	{ "http://schemas.microsoft.com/office/drawing/2014/chartex",
	  MEMO__NS_CX },
	{ "http://schemas.openxmlformats.org/drawingml/2006/diagram",
	  MEMO__NS_DGM },
	{ "http://purl.oclc.org/ooxml/drawingml/diagram", MEMO__NS_DGM },
	{ "urn:schemas-microsoft-com:vml", MEMO__NS_V },
	{ "urn:schemas-microsoft-com:office:office", MEMO__NS_O },
	{ "http://www.w3.org/XML/1998/namespace", MEMO__NS_XML },
};

static size_t s_ns_len[sizeof s_ns / sizeof *s_ns];

static int s_ns_class(const char *uri)
{
	if (!uri || !*uri)
		return MEMO__NS_NONE;
	size_t n = strlen(uri);
	for (size_t i = 0; i < sizeof s_ns / sizeof *s_ns; i++)
		if (s_ns_len[i] == n && memcmp(uri, s_ns[i].uri, n) == 0)
			return s_ns[i].cls;
	return MEMO__NS_OTHER;
}

/* ---- element tokens ------------------------------------------------- */

static const struct {
	int ns;
	const char *name;
	int tok;
} s_tokens[] = {
	{ MEMO__NS_W, "document", T_DOCUMENT },
	{ MEMO__NS_W, "body", T_BODY },
	{ MEMO__NS_W, "p", T_P },
	{ MEMO__NS_W, "pPr", T_PPR },
	{ MEMO__NS_W, "pStyle", T_PSTYLE },
	{ MEMO__NS_W, "numPr", T_NUMPR },
	{ MEMO__NS_W, "ilvl", T_ILVL },
	{ MEMO__NS_W, "numId", T_NUMID },
	{ MEMO__NS_W, "outlineLvl", T_OUTLINELVL },
	{ MEMO__NS_W, "rPr", T_RPR },
	{ MEMO__NS_W, "r", T_R },
	{ MEMO__NS_W, "t", T_T },
	{ MEMO__NS_W, "delText", T_DELTEXT },
	{ MEMO__NS_W, "instrText", T_INSTRTEXT },
	{ MEMO__NS_W, "delInstrText", T_DELINSTRTEXT },
	{ MEMO__NS_W, "tab", T_TAB },
	{ MEMO__NS_W, "ptab", T_PTAB },
	{ MEMO__NS_W, "br", T_BR },
	{ MEMO__NS_W, "cr", T_CR },
	{ MEMO__NS_W, "sym", T_SYM },
	{ MEMO__NS_W, "noBreakHyphen", T_NOBREAKHYPHEN },
	{ MEMO__NS_W, "softHyphen", T_SOFTHYPHEN },
	{ MEMO__NS_W, "fldChar", T_FLDCHAR },
	{ MEMO__NS_W, "fldSimple", T_FLDSIMPLE },
	{ MEMO__NS_W, "hyperlink", T_HYPERLINK },
	{ MEMO__NS_W, "ins", T_INS },
	{ MEMO__NS_W, "del", T_DEL },
	{ MEMO__NS_W, "moveFrom", T_MOVEFROM },
	{ MEMO__NS_W, "moveTo", T_MOVETO },
	{ MEMO__NS_W, "pPrChange", T_PPRCHANGE },
	{ MEMO__NS_W, "rPrChange", T_RPRCHANGE },
	{ MEMO__NS_W, "sectPr", T_SECTPR },
	{ MEMO__NS_W, "tbl", T_TBL },
	{ MEMO__NS_W, "tr", T_TR },
	{ MEMO__NS_W, "tc", T_TC },
	{ MEMO__NS_W, "tblPr", T_TBLPR },
	{ MEMO__NS_W, "tblGrid", T_TBLGRID },
	{ MEMO__NS_W, "trPr", T_TRPR },
	{ MEMO__NS_W, "tcPr", T_TCPR },
	{ MEMO__NS_W, "tblHeader", T_TBLHEADER },
	{ MEMO__NS_W, "txbxContent", T_TXBXCONTENT },
	{ MEMO__NS_W, "drawing", T_DRAWING },
	{ MEMO__NS_W, "pict", T_PICT },
	{ MEMO__NS_W, "object", T_OBJECT },
	{ MEMO__NS_W, "altChunk", T_ALTCHUNK },
	{ MEMO__NS_W, "b", T_B },
	{ MEMO__NS_W, "vanish", T_VANISH },
	{ MEMO__NS_W, "rStyle", T_RSTYLE },
	{ MEMO__NS_W, "sdtPr", T_SDTPR },
	{ MEMO__NS_W, "sdtEndPr", T_SDTENDPR },
	{ MEMO__NS_W, "customXmlPr", T_CUSTOMXMLPR },
	{ MEMO__NS_W, "smartTagPr", T_SMARTTAGPR },
	{ MEMO__NS_W, "footnote", T_FOOTNOTE },
	{ MEMO__NS_W, "endnote", T_ENDNOTE },
	{ MEMO__NS_W, "comment", T_COMMENT },
	{ MEMO__NS_W, "footnotes", T_FOOTNOTES },
	{ MEMO__NS_W, "endnotes", T_ENDNOTES },
	{ MEMO__NS_W, "comments", T_COMMENTS },
	{ MEMO__NS_W, "tblPrEx", T_TBLPREX },
	{ MEMO__NS_W, "tblGridChange", T_TBLGRIDCHANGE },
	{ MEMO__NS_W, "tcPrChange", T_TCPRCHANGE },
	{ MEMO__NS_W, "trPrChange", T_TRPRCHANGE },
	{ MEMO__NS_W, "tblPrChange", T_TBLPRCHANGE },
	{ MEMO__NS_W, "sectPrChange", T_SECTPRCHANGE },
	{ MEMO__NS_W, "numberingChange", T_NUMBERINGCHANGE },
	{ MEMO__NS_W, "rt", T_RUBYTEXT },
	{ MEMO__NS_W, "styles", T_STYLES },
	{ MEMO__NS_W, "style", T_STYLE },
	{ MEMO__NS_W, "name", T_NAME },
	{ MEMO__NS_W, "basedOn", T_BASEDON },
	{ MEMO__NS_W, "docDefaults", T_DOCDEFAULTS },
	{ MEMO__NS_W, "rPrDefault", T_RPRDEFAULT },
	{ MEMO__NS_W, "numbering", T_NUMBERING },
	{ MEMO__NS_W, "abstractNum", T_ABSTRACTNUM },
	{ MEMO__NS_W, "abstractNumId", T_ABSTRACTNUMID },
	{ MEMO__NS_W, "num", T_NUM },
	{ MEMO__NS_W, "lvl", T_LVL },
	{ MEMO__NS_W, "numFmt", T_NUMFMT },
	{ MEMO__NS_W, "start", T_START },
	{ MEMO__NS_W, "lvlOverride", T_LVLOVERRIDE },
	{ MEMO__NS_W, "startOverride", T_STARTOVERRIDE },
	{ MEMO__NS_W, "numStyleLink", T_NUMSTYLELINK },
	{ MEMO__NS_MC, "AlternateContent", T_ALTCONTENT },
	{ MEMO__NS_MC, "Choice", T_CHOICE },
	{ MEMO__NS_MC, "Fallback", T_FALLBACK },
	{ MEMO__NS_M, "t", T_MT },
	{ MEMO__NS_CT, "Types", T_TYPES },
	{ MEMO__NS_CT, "Default", T_DEFAULT },
	{ MEMO__NS_CT, "Override", T_OVERRIDE },
	{ MEMO__NS_PR, "Relationships", T_RELATIONSHIPS },
	{ MEMO__NS_PR, "Relationship", T_RELATIONSHIP },
	{ MEMO__NS_PIC, "pic", T_PIC },
	{ MEMO__NS_C, "chart", T_CHART },
	{ MEMO__NS_CX, "chart", T_CHARTEX },
	{ MEMO__NS_DGM, "relIds", T_DGMRELIDS },
	{ MEMO__NS_V, "imagedata", T_IMAGEDATA },
	{ MEMO__NS_O, "OLEObject", T_OLEOBJECT },
};

/* A static open-addressing table over (namespace class, local name),
 * filled once; plus each namespace URI's length. */
#define TOKEN_SLOTS 512
static int16_t s_slots[TOKEN_SLOTS]; /* index + 1 into s_tokens, 0 = free */

static uint32_t s_hash(int ns, const char *name)
{
	uint32_t h = 2166136261u ^ (uint32_t)ns;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static void s_init_tables(void)
{
	for (size_t i = 0; i < sizeof s_ns / sizeof *s_ns; i++)
		s_ns_len[i] = strlen(s_ns[i].uri);
	for (size_t i = 0; i < sizeof s_tokens / sizeof *s_tokens; i++) {
		uint32_t h = s_hash(s_tokens[i].ns, s_tokens[i].name);
		while (s_slots[h % TOKEN_SLOTS])
			h++;
		s_slots[h % TOKEN_SLOTS] = (int16_t)(i + 1);
	}
}

static int s_lookup(int ns, const char *name)
{
	if (ns == MEMO__NS_NONE || ns == MEMO__NS_OTHER || !name)
		return T_OTHER;
	for (uint32_t h = s_hash(ns, name);; h++) {
		int k = s_slots[h % TOKEN_SLOTS];
		if (!k)
			return T_OTHER;
		if (s_tokens[k - 1].ns == ns &&
		    strcmp(s_tokens[k - 1].name, name) == 0)
			return s_tokens[k - 1].tok;
	}
}

/* Local names and namespace URIs are strings of the parser's dictionary,
 * so their pointers are stable for the whole parse: cache on them. */
static int s_classify(memo__dx_xml *x, const xmlChar *name,
	const xmlChar *ns)
{
	uint64_t h = (uint64_t)(uintptr_t)name * UINT64_C(0x9E3779B97F4A7C15) ^
		(uint64_t)(uintptr_t)ns * UINT64_C(0xC2B2AE3D27D4EB4F);
	size_t slot = (size_t)(h >> 40) % MEMO__DX_CACHE;
	if (x->cache[slot].name == name && x->cache[slot].ns == ns && name)
		return x->cache[slot].tok;
	int tok = s_lookup(s_ns_class((const char *)ns), (const char *)name);
	x->cache[slot].name = name;
	x->cache[slot].ns = ns;
	x->cache[slot].tok = tok;
	return tok;
}

/* ---- errors --------------------------------------------------------- */

#if LIBXML_VERSION >= 21200
static void s_on_error(void *arg, const xmlError *err)
#else
static void s_on_error(void *arg, xmlErrorPtr err)
#endif
{
	/* arg is the parser context's userData: our memo__dx_xml */
	memo__dx_xml *x = arg;
	if (!err || err->level < XML_ERR_ERROR)
		return;
	/* keep the first fatal error, or else the first error */
	if (x->xerr && (x->xerr_level == XML_ERR_FATAL ||
	                err->level != XML_ERR_FATAL))
		return;
	x->xerr = true;
	x->xerr_level = err->level;
	x->xerr_code = err->code;
	x->xerr_line = err->line;
	x->xerr_col = err->int2;
	snprintf(x->xerr_msg, sizeof x->xerr_msg, "%s",
		err->message ? err->message : "malformed XML");
	size_t n = strlen(x->xerr_msg);
	while (n && (x->xerr_msg[n - 1] == '\n' || x->xerr_msg[n - 1] == ' '))
		x->xerr_msg[--n] = '\0';
}

static int s_fail(memo__dx_xml *x)
{
	memo__dx_pkg *pkg = x->pkg;
	if (pkg->err)
		return pkg->err;
	if (x->err)
		return x->err;
	int line = x->xerr ? x->xerr_line : 0;
	int col = x->xerr ? x->xerr_col : 0;
	if (!x->xerr && x->ctxt && x->ctxt->input) {
		line = x->ctxt->input->line;
		col = x->ctxt->input->col;
	}
	if (line < 0)
		line = 0;
	if (col < 0)
		col = 0;
	int code = MEMO_EFORMAT;
	const char *what = "malformed XML";
	if (x->xerr && (strstr(x->xerr_msg, "xcessive depth") ||
	                x->xerr_code == XML_ERR_ENTITY_LOOP ||
	                strstr(x->xerr_msg, "amplification"))) {
		code = MEMO_ELIMIT;
		what = "XML limit";
	} else if (x->xerr && x->xerr_code == XML_ERR_NO_MEMORY) {
		/* libxml2 ran out of memory: not the part's fault */
		code = MEMO_ENOMEM;
		what = "out of memory";
	}
	pkg->err = memo__error_set(code, pkg->file, x->part, (uint32_t)line,
		(uint32_t)col, "%s: %s", what,
		x->xerr ? x->xerr_msg : "the XML is not well-formed");
	return pkg->err;
}

/* ---- SAX callbacks -------------------------------------------------- */

static void s_stop(memo__dx_xml *x, int rc)
{
	if (!x->err)
		x->err = rc;
	xmlStopParser(x->ctxt);
}

static void s_start(void *ctx, const xmlChar *localname,
	const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
	const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
	const xmlChar **attributes)
{
	memo__dx_xml *x = ctx;
	(void)prefix;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	if (x->err)
		return;
	int depth = x->depth++;
	if ((uint32_t)x->depth > x->max_depth) {
		s_stop(x, memo__error_set(MEMO_ELIMIT, x->pkg->file, x->part,
			(uint32_t)xmlSAX2GetLineNumber(x->ctxt), 0,
			"XML elements nested deeper than the limit of %u",
			(unsigned)x->max_depth));
		return;
	}
	x->attrs = attributes;
	x->nattrs = nb_attributes;
	int rc = x->h->start ? x->h->start(x->ud, x, s_classify(x, localname,
		uri), depth) : MEMO_OK;
	x->attrs = NULL;
	x->nattrs = 0;
	if (rc)
		s_stop(x, rc);
}

static void s_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
	const xmlChar *uri)
{
	memo__dx_xml *x = ctx;
	(void)localname;
	(void)prefix;
	(void)uri;
	if (x->err)
		return;
	int depth = --x->depth;
	int rc = x->h->end ? x->h->end(x->ud, x, depth) : MEMO_OK;
	if (rc)
		s_stop(x, rc);
}

static void s_chars(void *ctx, const xmlChar *ch, int len)
{
	memo__dx_xml *x = ctx;
	if (x->err || len <= 0 || !x->h->text)
		return;
	int rc = x->h->text(x->ud, x, (const char *)ch, (size_t)len,
		x->depth);
	if (rc)
		s_stop(x, rc);
}

static void s_subset(void *ctx, const xmlChar *name, const xmlChar *eid,
	const xmlChar *sid)
{
	memo__dx_xml *x = ctx;
	(void)name;
	(void)eid;
	(void)sid;
	s_stop(x, memo__error_set(MEMO_EUNSUPPORTED, x->pkg->file, x->part,
		0, 0, "the part has a document type declaration (DTD); DTDs "
		"and entities are not allowed in a .docx and were not "
		"loaded"));
}

/* ---- the parse ------------------------------------------------------ */

int memo__dx_xml_parse(memo__dx_pkg *pkg, int64_t index, const char *part,
	const memo__dx_handler *h, void *ud)
{
	memo__dx_xml *x;
	xmlSAXHandler sax;
	char *buf;
	int rc, n;

	memo__dx_xml_init();
	x = memo__calloc(1, sizeof *x);
	buf = memo__malloc(MEMO__DX_CHUNK);
	if (!x || !buf) {
		memo__free(x);
		memo__free(buf);
		return memo__error_oom();
	}
	x->pkg = pkg;
	x->part = part;
	x->max_depth = pkg->opts->max_depth;
	x->h = h;
	x->ud = ud;
	if ((rc = memo__dx_stream_open(&x->st, pkg, index, part)) != 0)
		goto out;

	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = s_start;
	sax.endElementNs = s_end;
	sax.characters = s_chars;
	sax.cdataBlock = s_chars;
	sax.ignorableWhitespace = s_chars;
	sax.internalSubset = s_subset;
	sax.serror = s_on_error;

	/* The first bytes tell libxml2 the encoding. */
	n = memo__dx_stream_read(&x->st, buf, MEMO__DX_CHUNK);
	if (n < 0) {
		rc = pkg->err;
		goto out;
	}
	int head = n < 4 ? n : 4;
	/* No file name: messages name the part themselves, and libxml2
	 * 2.9's xmlCreatePushParserCtxt() leaks its input stream when
	 * copying the name (xmlCanonicPath) runs out of memory. */
	x->ctxt = xmlCreatePushParserCtxt(&sax, x, buf, head, NULL);
	if (!x->ctxt) {
		rc = memo__error_oom();
		goto out;
	}
	xmlCtxtUseOptions(x->ctxt, XML_OPTS);
	int prc = 0;
	if (n > head)
		prc = xmlParseChunk(x->ctxt, buf + head, n - head, 0);
	/* Always end with a terminating call: it is what reports an empty
	 * or cut-off part. */
	while (prc == 0 && !x->err && !pkg->err) {
		n = memo__dx_stream_read(&x->st, buf, MEMO__DX_CHUNK);
		if (n < 0)
			break;
		prc = xmlParseChunk(x->ctxt, n ? buf : NULL, n, n == 0);
		if (n == 0)
			break;
	}
	if (pkg->err || x->err || prc != 0 || !x->ctxt->wellFormed)
		rc = s_fail(x);
	else
		rc = MEMO_OK;
out:
	if (x->ctxt) {
		xmlFreeParserCtxt(x->ctxt);
		x->ctxt = NULL;
	}
	memo__dx_stream_close(&x->st);
	memo__free(buf);
	memo__free(x);
	return rc;
}

static bool s_attr_value(memo__dx_xml *x, const char *local, int ns,
	const xmlChar **v, size_t *len)
{
	bool found = false;
	for (int i = 0; i < x->nattrs; i++) {
		const xmlChar **a = x->attrs + 5 * i;
		if (strcmp((const char *)a[0], local) != 0)
			continue;
		int cls = s_ns_class((const char *)a[2]);
		if (cls != ns && cls != MEMO__NS_NONE)
			continue;
		*v = a[3];
		*len = (size_t)(a[4] - a[3]);
		found = true;
		if (cls == ns)
			break;
	}
	return found;
}

int memo__dx_xml_attr(memo__dx_xml *x, const char *local, int ns,
	char *buf, size_t cap)
{
	const xmlChar *v;
	size_t n;
	if (!s_attr_value(x, local, ns, &v, &n))
		return -1;
	if (cap) {
		if (n >= cap)
			n = cap - 1;
		memcpy(buf, v, n);
		buf[n] = '\0';
	}
	return (int)n;
}

bool memo__dx_xml_onoff(memo__dx_xml *x)
{
	char v[16];
	if (memo__dx_xml_attr(x, "val", MEMO__NS_W, v, sizeof v) < 0)
		return true;
	return !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
		 strcmp(v, "off") == 0 || strcmp(v, "none") == 0);
}
