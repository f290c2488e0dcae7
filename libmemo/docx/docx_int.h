/*
 * docx_int.h - shared internals of the .docx front end (libmemo/docx/).
 *
 * Layers, bottom up:
 *   pkg.c     the zip package: one zip_t per parse, entry streams that
 *             count inflated bytes against the limits, part lookup.
 *   xml.c     libxml2's SAX2 push parser, fed from the zip stream: safe
 *             options, per-parse error capture, element tokens,
 *             attributes.
 *   opc.c     [Content_Types].xml and relationships: which part is the
 *             main document and where its styles, numbering and notes are.
 *   styles.c  styles.xml (heading levels, bold, hidden) and numbering.xml
 *             (bullets or numbers).
 *   body.c    the story walker: paragraphs, runs, tables, lists, notes.
 *   docx.c    memo__docx_parse(): refusals (OLE, lock files) and glue.
 */
#ifndef MEMO_DOCX_INT_H
#define MEMO_DOCX_INT_H

#include <stdbool.h>
#include <stdint.h>

#include <libxml/parser.h>
#include <zip.h>

#include "memo_internal.h"

/* ---- package (pkg.c) ------------------------------------------------ */

typedef struct memo__dx_pkg {
	zip_t *zip;
	const char *file;                /* display name for messages */
	const memo_parse_options *opts;
	uint64_t inflated;               /* bytes inflated so far, all parts */
	int err;                         /* status raised inside a callback */
} memo__dx_pkg;

/* Open the package held in data[0..len). On failure the thread error is
 * set (naming the file) and the status returned. */
int memo__dx_pkg_open(memo__dx_pkg *pkg, const char *data, size_t len,
	const char *file, const memo_parse_options *opts);
void memo__dx_pkg_close(memo__dx_pkg *pkg);
/* Index of a part by name (case-insensitive, as OPC wants), or -1. */
int64_t memo__dx_pkg_find(memo__dx_pkg *pkg, const char *part);

/* A part being inflated and fed to libxml2. */
typedef struct memo__dx_stream {
	memo__dx_pkg *pkg;
	zip_file_t *zf;
	const char *part;
	uint64_t comp_size;              /* from the directory: a hint only */
	uint64_t got;                    /* bytes inflated from this part */
	int prolog;                      /* prolog scanner state */
	int prolog_aux;
} memo__dx_stream;

/* Open entry `index` (named part) for streaming: refuses encrypted
 * entries, unsupported compression and declared sizes over the limits. */
int memo__dx_stream_open(memo__dx_stream *st, memo__dx_pkg *pkg,
	int64_t index, const char *part);
void memo__dx_stream_close(memo__dx_stream *st);
/* Inflate up to len bytes into buf, counting them against the limits and
 * refusing a DOCTYPE: the bytes read, 0 at the end, -1 on error (set in
 * pkg->err and as the thread's error). */
int memo__dx_stream_read(void *ctx, char *buf, int len);

/* ---- XML (xml.c) ---------------------------------------------------- */

/* Namespace classes: transitional and strict URIs map to one class. */
enum {
	MEMO__NS_NONE = 0, MEMO__NS_W, MEMO__NS_MC, MEMO__NS_W14, MEMO__NS_M,
	MEMO__NS_CT, MEMO__NS_PR, MEMO__NS_PIC, MEMO__NS_C, MEMO__NS_CX,
	MEMO__NS_DGM, MEMO__NS_V, MEMO__NS_O, MEMO__NS_XML, MEMO__NS_OTHER
};

/* Element tokens. */
enum {
	T_OTHER = 0,
	/* w: story */
	T_DOCUMENT, T_BODY, T_P, T_PPR, T_PSTYLE, T_NUMPR, T_ILVL, T_NUMID,
	T_OUTLINELVL, T_RPR, T_R, T_T, T_DELTEXT, T_INSTRTEXT, T_DELINSTRTEXT,
	T_TAB, T_PTAB, T_BR, T_CR, T_SYM, T_NOBREAKHYPHEN, T_SOFTHYPHEN,
	T_FLDCHAR, T_FLDSIMPLE, T_HYPERLINK, T_INS, T_DEL, T_MOVEFROM,
	T_MOVETO, T_PPRCHANGE, T_RPRCHANGE, T_SECTPR, T_TBL, T_TR, T_TC,
	T_TBLPR, T_TBLGRID, T_TRPR, T_TCPR, T_TBLHEADER, T_TXBXCONTENT,
	T_DRAWING, T_PICT, T_OBJECT, T_ALTCHUNK, T_B, T_VANISH, T_RSTYLE,
	T_SDTPR, T_SDTENDPR, T_CUSTOMXMLPR, T_SMARTTAGPR,
	T_FOOTNOTE, T_ENDNOTE, T_COMMENT, T_FOOTNOTES, T_ENDNOTES, T_COMMENTS,
	T_TBLPREX, T_TBLGRIDCHANGE, T_TCPRCHANGE, T_TRPRCHANGE,
	T_TBLPRCHANGE, T_SECTPRCHANGE, T_NUMBERINGCHANGE, T_RUBYTEXT,
	/* w: styles and numbering */
	T_STYLES, T_STYLE, T_NAME, T_BASEDON, T_DOCDEFAULTS, T_RPRDEFAULT,
	T_NUMBERING, T_ABSTRACTNUM, T_ABSTRACTNUMID, T_NUM, T_LVL, T_NUMFMT,
	T_START, T_LVLOVERRIDE, T_STARTOVERRIDE, T_NUMSTYLELINK,
	/* mc: */
	T_ALTCONTENT, T_CHOICE, T_FALLBACK,
	/* m: */
	T_MT,
	/* content types and relationships */
	T_TYPES, T_DEFAULT, T_OVERRIDE, T_RELATIONSHIPS, T_RELATIONSHIP,
	/* things we skip and count */
	T_PIC, T_CHART, T_CHARTEX, T_DGMRELIDS, T_IMAGEDATA, T_OLEOBJECT,
	T__COUNT
};

#define MEMO__DX_CACHE 512
#define MEMO__DX_CHUNK 65536

typedef struct memo__dx_xml memo__dx_xml;

/* Event handlers; each returns MEMO_OK or a status (already set as the
 * thread's error), which stops the parse. depth is 0 for the root
 * element; a text's depth is its element's depth + 1. */
typedef struct memo__dx_handler {
	int (*start)(void *ud, memo__dx_xml *x, int tok, int depth);
	int (*end)(void *ud, memo__dx_xml *x, int depth);
	int (*text)(void *ud, memo__dx_xml *x, const char *s, size_t n,
		int depth);
} memo__dx_handler;

struct memo__dx_xml {
	xmlParserCtxtPtr ctxt;
	memo__dx_stream st;
	memo__dx_pkg *pkg;
	const char *part;
	uint32_t max_depth;
	const memo__dx_handler *h;
	void *ud;
	int depth;                /* elements open */
	int err;                  /* status that stopped the parse */
	/* first error reported by libxml2 for this part */
	bool xerr;
	int xerr_level, xerr_code;
	int xerr_line, xerr_col;
	char xerr_msg[256];
	/* attributes of the element being started (SAX2 layout: localname,
	 * prefix, URI, value, end for each) */
	const xmlChar **attrs;
	int nattrs;
	/* (local name, namespace URI) -> token; both are pointers into the
	 * parser's dictionary, stable for the whole parse */
	struct { const xmlChar *name, *ns; int tok; } cache[MEMO__DX_CACHE];
};

/* Parser setup once per process (pthread_once). */
void memo__dx_xml_init(void);
/* Stream part `index` (named `part`) through libxml2's SAX2 push parser,
 * calling h's handlers. Returns MEMO_OK or an error status (set: a
 * malformed part with line and column, a limit, a DTD, a handler's). */
int memo__dx_xml_parse(memo__dx_pkg *pkg, int64_t index, const char *part,
	const memo__dx_handler *h, void *ud);
/* In a start handler: copy attribute `local` of the element into buf
 * (NUL-terminated, truncated to cap - 1). Matches an attribute in
 * namespace class `ns` or without a namespace. Returns its length, or -1
 * when absent. */
int memo__dx_xml_attr(memo__dx_xml *x, const char *local, int ns,
	char *buf, size_t cap);
/* In a start handler: on/off property (w:b, w:vanish...): no w:val = on. */
bool memo__dx_xml_onoff(memo__dx_xml *x);

/* ---- OPC (opc.c) ---------------------------------------------------- */

typedef struct memo__dx_parts {
	char main[512];                  /* the main document part */
	char styles[512];
	char numbering[512];
	char footnotes[512];
	char endnotes[512];
	char comments[512];
} memo__dx_parts;

/* Find the main part and its related parts. MEMO_EFORMAT (set) when the
 * package has no word-processing main part. */
int memo__dx_opc_resolve(memo__dx_pkg *pkg, memo__dx_parts *out);

/* ---- styles and numbering (styles.c) -------------------------------- */

enum {
	MEMO__SK_PLAIN = 0, MEMO__SK_HEADING, MEMO__SK_TITLE,
	MEMO__SK_SUBTITLE, MEMO__SK_AUTHOR, MEMO__SK_DATE, MEMO__SK_CODE,
	MEMO__SK_QUOTE
};

typedef struct memo__dx_style {
	char *id;
	char *name;
	char *based_on;
	uint8_t type;          /* 1 paragraph, 2 character, 3 table, 4 num */
	bool is_default;
	int8_t outline;        /* own w:outlineLvl, -1 when absent */
	int8_t bold;           /* own w:b: -1 unset, 0, 1 */
	int8_t vanish;         /* own w:vanish */
	int8_t ilvl;           /* own numPr/ilvl, -1 */
	int32_t num_id;        /* own numPr/numId, -1 */
	/* resolved through basedOn */
	bool resolved, resolving;
	uint8_t kind;          /* MEMO__SK_* */
	uint8_t level;         /* heading level when kind is HEADING */
	bool r_bold, r_vanish, r_code;
	int8_t r_ilvl;
	int32_t r_num_id;
} memo__dx_style;

typedef struct memo__dx_lvl {
	uint8_t fmt;           /* 0 unknown, 1 bullet, 2 number, 3 none */
	int32_t start;         /* -1 unknown */
} memo__dx_lvl;

typedef struct memo__dx_absnum {
	int32_t id;
	memo__dx_lvl lvl[9];
	char *num_style_link;
} memo__dx_absnum;

typedef struct memo__dx_num {
	int32_t id;
	int32_t abs_id;
	memo__dx_lvl ovr[9];   /* lvlOverride: fmt/start when set */
} memo__dx_num;

typedef struct memo__dx_styles {
	memo__dx_style *v;     /* sorted by id */
	size_t n, cap;
	const memo__dx_style *default_para;
	bool default_bold;     /* docDefaults rPr */
	memo__dx_absnum *abs;  /* sorted by id */
	size_t nabs, capabs;
	memo__dx_num *nums;    /* sorted by id */
	size_t nnums, capnums;
} memo__dx_styles;

void memo__dx_styles_init(memo__dx_styles *s);
void memo__dx_styles_free(memo__dx_styles *s);
/* Read styles.xml / numbering.xml (either may be absent: index < 0). */
int memo__dx_styles_load(memo__dx_styles *s, memo__dx_pkg *pkg,
	int64_t index, const char *part);
int memo__dx_numbering_load(memo__dx_styles *s, memo__dx_pkg *pkg,
	int64_t index, const char *part);
/* Resolve basedOn chains; call once after loading. */
void memo__dx_styles_resolve(memo__dx_styles *s);
/* A style by id (paragraph or character, any type), or NULL. */
const memo__dx_style *memo__dx_style_get(const memo__dx_styles *s,
	const char *id);
/* List kind of numId/ilvl: -1 not a list, 0 bullets, 1 numbers. *start
 * receives the first number (1 when unknown). */
int memo__dx_list_kind(const memo__dx_styles *s, int32_t num_id,
	int ilvl, uint32_t *start);
/* Level from a style name "heading N" (any case), or 0. */
int memo__dx_heading_name_level(const char *name);

/* ---- the story walker (body.c) -------------------------------------- */

typedef struct memo__dx_body memo__dx_body;

/* Walk the main part, then the notes parts, into the builder. */
int memo__dx_body_run(memo__builder *b, memo__dx_pkg *pkg,
	const memo__dx_parts *parts, const memo__dx_styles *styles,
	const memo_parse_options *opts);

#endif /* MEMO_DOCX_INT_H */
