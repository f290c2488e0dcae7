/*
 * document.c - parse dispatch, options, limits, and document accessors.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "memo_internal.h"
#include "docx/docx.h"

#define DEFAULT_MAX_DEPTH 1000u
#define DEFAULT_MAX_INPUT (512ull * 1024u * 1024u)
#define DEFAULT_MAX_ENTRIES 100000u
#define DEFAULT_MAX_RATIO 200u

#define KNOWN_FLAGS (MEMO_PARSE_KEEP_DELETIONS | \
	MEMO_PARSE_PROMOTE_FAKE_HEADINGS | MEMO_PARSE_NO_NOTES | \
	MEMO_PARSE_STRICT_UTF8 | MEMO_PARSE_DROP_INSERTIONS)

const char *memo__display_name(const char *name)
{
	return name ? name : "<memory>";
}

int memo_parse_options_init(memo_parse_options *opts, uint32_t version)
{
	if (!opts || version == 0 || version > MEMO_PARSE_OPTIONS_VERSION)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_parse_options_init: unknown version %u",
			(unsigned)version);
	memset(opts, 0, sizeof *opts);
	opts->version = version;
	return MEMO_OK;
}

/* Validate the caller's options and fill in defaults. */
static int s_options(const memo_parse_options *in, memo_parse_options *o,
	const char *name)
{
	memset(o, 0, sizeof *o);
	o->version = MEMO_PARSE_OPTIONS_VERSION;
	if (in) {
		if (in->version == 0 || in->version > MEMO_PARSE_OPTIONS_VERSION)
			return memo__error_set(MEMO_EINVALID,
				memo__display_name(name), NULL, 0, 0,
				"unknown memo_parse_options version %u",
				(unsigned)in->version);
		/* Version 1 is the whole struct today; later versions copy
		 * only the fields their version has. */
		*o = *in;
		if (o->flags & ~KNOWN_FLAGS)
			return memo__error_set(MEMO_EINVALID,
				memo__display_name(name), NULL, 0, 0,
				"unknown parse flags 0x%x",
				(unsigned)(o->flags & ~KNOWN_FLAGS));
		if (o->format > MEMO_FORMAT_TEXT)
			return memo__error_set(MEMO_EINVALID,
				memo__display_name(name), NULL, 0, 0,
				"unknown format %u", (unsigned)o->format);
	}
	if (!o->max_depth)
		o->max_depth = DEFAULT_MAX_DEPTH;
	if (!o->max_input_bytes)
		o->max_input_bytes = DEFAULT_MAX_INPUT;
	if (!o->max_entries)
		o->max_entries = DEFAULT_MAX_ENTRIES;
	if (!o->max_ratio)
		o->max_ratio = DEFAULT_MAX_RATIO;
	return MEMO_OK;
}

static bool s_ends_with(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	return n >= e && strcasecmp(name + n - e, ext) == 0;
}

static memo_format_t s_guess_format(const char *data, size_t len,
	const char *name)
{
	if (name) {
		static const char *const docx_ext[] = { ".docx", ".docm",
			".dotx", ".dotm", ".doc", ".dot" };
		for (size_t i = 0; i < sizeof docx_ext / sizeof *docx_ext; i++)
			if (s_ends_with(name, docx_ext[i]))
				return MEMO_FORMAT_DOCX;
		if (s_ends_with(name, ".txt") || s_ends_with(name, ".text"))
			return MEMO_FORMAT_TEXT;
		if (s_ends_with(name, ".md") || s_ends_with(name, ".markdown") ||
		    s_ends_with(name, ".mdown") || s_ends_with(name, ".mkd"))
			return MEMO_FORMAT_MARKDOWN;
	}
	/* By content: a zip or an OLE compound file is taken for docx. */
	if (memo__docx_sniff(data, len))
		return MEMO_FORMAT_DOCX;
	return MEMO_FORMAT_MARKDOWN;
}

int memo_document_parse(memo_document **out, const char *data, size_t len,
	const char *name, const memo_parse_options *opts)
{
	memo_parse_options o;
	int rc;

	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_document_parse: out is NULL");
	*out = NULL;
	if (!data && len)
		return memo__error_set(MEMO_EINVALID, memo__display_name(name),
			NULL, 0, 0, "memo_document_parse: data is NULL");
	if (!data)
		data = "";
	if ((rc = s_options(opts, &o, name)) != 0)
		return rc;
	memo_format_t fmt = (memo_format_t)o.format;
	if (fmt == MEMO_FORMAT_AUTO)
		fmt = s_guess_format(data, len, name);
	o.format = (uint32_t)fmt;
	if (fmt != MEMO_FORMAT_DOCX && len > o.max_input_bytes)
		return memo__error_set(MEMO_ELIMIT, memo__display_name(name),
			NULL, 0, 0, "input of %zu bytes is over the limit of "
			"%llu bytes", len, (unsigned long long)o.max_input_bytes);
	switch (fmt) {
	case MEMO_FORMAT_DOCX:
		rc = memo__docx_parse(data, len, name, &o, out);
		break;
	case MEMO_FORMAT_TEXT:
		rc = memo__text_parse(data, len, name, &o, out);
		break;
	default:
		rc = memo__md_parse(data, len, name, &o, out);
		break;
	}
	if (rc == MEMO_OK)
		memo_error_clear();
	return rc;
}

/* Read a whole stream, stopping past limit bytes. */
static int s_read_stream(FILE *f, const char *path, uint64_t limit,
	memo__buf *b)
{
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b->len + n > limit)
			return memo__error_set(MEMO_ELIMIT, path, NULL, 0, 0,
				"file is over the input limit of %llu bytes",
				(unsigned long long)limit);
		if (memo__buf_append(b, chunk, n) != MEMO_OK)
			return memo__error_oom();
	}
	if (ferror(f))
		return memo__error_set(MEMO_EIO, path, NULL, 0, 0,
			"cannot read: %s", strerror(errno));
	return MEMO_OK;
}

int memo_document_parse_file(memo_document **out, const char *path,
	const memo_parse_options *opts)
{
	memo_parse_options o;
	memo__buf b;
	int rc;

	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_document_parse_file: out is NULL");
	*out = NULL;
	if (!path)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_document_parse_file: path is NULL");
	if ((rc = s_options(opts, &o, path)) != 0)
		return rc;

	memo__buf_init(&b);
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return memo__error_set(MEMO_EIO, path, NULL, 0, 0,
			"cannot open: %s", strerror(errno));
	if (!is_stdin) {
		struct stat st;
		if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
			fclose(f);
			return memo__error_set(MEMO_EIO, path, NULL, 0, 0,
				"is a directory");
		}
	}
	rc = s_read_stream(f, path, o.max_input_bytes, &b);
	if (!is_stdin)
		fclose(f);
	if (rc == MEMO_OK)
		rc = memo_document_parse(out, b.data ? b.data : "", b.len,
			is_stdin ? "<stdin>" : path, &o);
	memo__buf_free(&b);
	return rc;
}

void memo__document_ref(const memo_document *doc)
{
	memo_document *d = (memo_document *)doc;
	__atomic_add_fetch(&d->refcount, 1, __ATOMIC_RELAXED);
}

void memo_document_free(memo_document *doc)
{
	if (!doc)
		return;
	if (__atomic_sub_fetch(&doc->refcount, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	memo__free(doc->docx_paras);
	memo__free(doc->docx_runs);
	memo__free(doc->line_units);
	memo__arena_free(&doc->arena);
	memo__free(doc);
}

memo_format_t memo_document_format(const memo_document *doc)
{
	return doc ? (memo_format_t)doc->format : MEMO_FORMAT_AUTO;
}

const char *memo_format_name(memo_format_t format)
{
	switch (format) {
	case MEMO_FORMAT_MARKDOWN: return "markdown";
	case MEMO_FORMAT_DOCX: return "docx";
	case MEMO_FORMAT_TEXT: return "text";
	default: return "auto";
	}
}

const char *memo_document_name(const memo_document *doc)
{
	return doc ? doc->name : NULL;
}

const char *memo_document_title(const memo_document *doc)
{
	return doc ? doc->title : NULL;
}

const char *memo_document_declared_kind(const memo_document *doc)
{
	return doc ? doc->declared_kind : NULL;
}

const char *memo_document_text(const memo_document *doc, size_t *len_out)
{
	if (!doc) {
		if (len_out)
			*len_out = 0;
		return NULL;
	}
	if (len_out)
		*len_out = doc->text_len;
	return doc->text;
}

const memo_node *memo_document_root(const memo_document *doc)
{
	return doc ? doc->root : NULL;
}

const memo_node *memo_document_notes(const memo_document *doc)
{
	return doc ? doc->notes : NULL;
}

/* Index of the line holding offset (binary search over line starts). */
static size_t s_line_of(const memo_document *doc, uint64_t offset)
{
	size_t lo = 0, hi = doc->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Code points (or UTF-16 units) in text[from, to). */
static uint64_t s_count_units(const char *t, uint64_t from, uint64_t to,
	bool utf16)
{
	uint64_t n = 0;
	for (uint64_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)t[i];
		if ((c & 0xC0) != 0x80) {
			n++;
			if (utf16 && c >= 0xF0)
				n++; /* astral: a surrogate pair */
		}
	}
	return n;
}

int memo_document_position(const memo_document *doc, uint64_t offset,
	memo_pos *out)
{
	if (!doc || !out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_document_position: NULL argument");
	if (offset > doc->text_len)
		return memo__error_set(MEMO_EINVALID, doc->name, NULL, 0, 0,
			"offset %llu is past the end of the text (%zu bytes)",
			(unsigned long long)offset, doc->text_len);
	size_t line = s_line_of(doc, offset);
	out->offset = offset;
	out->line = (uint32_t)(line + 1);
	out->column = (uint32_t)(1 + s_count_units(doc->text,
		doc->line_starts[line], offset, false));
	return MEMO_OK;
}

/* The code points and UTF-16 units before each line (2 a line), made once
 * per document by whichever thread asks first; NULL when out of memory
 * (the caller then counts from the start of the text). */
static const uint64_t *s_line_units(const memo_document *doc)
{
	memo_document *d = (memo_document *)doc; /* a cache, set once */
	uint64_t *u = __atomic_load_n(&d->line_units, __ATOMIC_ACQUIRE);
	if (u || !doc->line_starts || doc->nlines == 0)
		return u;
	u = memo__malloc(2 * doc->nlines * sizeof *u);
	if (!u)
		return NULL;
	u[0] = u[1] = 0;
	for (size_t l = 1; l < doc->nlines; l++) {
		uint64_t a = doc->line_starts[l - 1], b = doc->line_starts[l];
		u[2 * l] = u[2 * (l - 1)] +
			s_count_units(doc->text, a, b, false);
		u[2 * l + 1] = u[2 * (l - 1) + 1] +
			s_count_units(doc->text, a, b, true);
	}
	uint64_t *none = NULL;
	if (!__atomic_compare_exchange_n(&d->line_units, &none, u, false,
		__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		memo__free(u); /* another thread was first */
		u = none;
	}
	return u;
}

int memo_document_convert_offset(const memo_document *doc,
	uint64_t byte_offset, memo_unit_t unit, uint64_t *out)
{
	if (!doc || !out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_document_convert_offset: NULL argument");
	if (byte_offset > doc->text_len)
		return memo__error_set(MEMO_EINVALID, doc->name, NULL, 0, 0,
			"offset %llu is past the end of the text",
			(unsigned long long)byte_offset);
	switch (unit) {
	case MEMO_UNIT_BYTE:
		*out = byte_offset;
		return MEMO_OK;
	case MEMO_UNIT_CODEPOINT:
	case MEMO_UNIT_UTF16: {
		bool utf16 = unit == MEMO_UNIT_UTF16;
		const uint64_t *u = s_line_units(doc);
		if (!u) {
			*out = s_count_units(doc->text, 0, byte_offset, utf16);
			return MEMO_OK;
		}
		size_t line = s_line_of(doc, byte_offset);
		*out = u[2 * line + utf16] + s_count_units(doc->text,
			doc->line_starts[line], byte_offset, utf16);
		return MEMO_OK;
	}
	default:
		return memo__error_set(MEMO_EINVALID, doc->name, NULL, 0, 0,
			"unknown unit %d", (int)unit);
	}
}

size_t memo_document_warning_count(const memo_document *doc)
{
	return doc ? doc->nwarnings : 0;
}

const memo_finding *memo_document_warning_at(const memo_document *doc,
	size_t index)
{
	if (!doc || index >= doc->nwarnings)
		return NULL;
	return &doc->warnings[index];
}

int memo_document_docx_locate(const memo_document *doc, uint64_t offset,
	memo_docx_loc *out)
{
	if (!doc || !out || out->version == 0 ||
	    out->version > MEMO_DOCX_LOC_VERSION)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_document_docx_locate: bad argument or version");
	if (doc->format != MEMO_FORMAT_DOCX)
		return memo__error_set(MEMO_EINVALID, doc->name, NULL, 0, 0,
			"not a docx document");
	/* Last paragraph starting at or before offset. */
	size_t lo = 0, hi = doc->ndocx_paras;
	if (hi == 0 || doc->docx_paras[0].start > offset)
		return memo__error_set(MEMO_ENOTFOUND, doc->name, NULL, 0, 0,
			"offset %llu is in no paragraph",
			(unsigned long long)offset);
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->docx_paras[mid].start <= offset)
			lo = mid;
		else
			hi = mid;
	}
	const memo__docx_para *p = &doc->docx_paras[lo];
	/* Empty paragraphs share their start with the next one. */
	while (lo + 1 < doc->ndocx_paras &&
	       doc->docx_paras[lo + 1].start == p->start && p->end == p->start)
		p = &doc->docx_paras[++lo];
	if (offset > p->end)
		return memo__error_set(MEMO_ENOTFOUND, doc->name, NULL, 0, 0,
			"offset %llu is between paragraphs",
			(unsigned long long)offset);
	out->part = p->part;
	out->paragraph = p->paragraph;
	out->run = 0;
	out->run_offset = (uint32_t)(offset - p->start);
	const memo__docx_run *runs = doc->docx_runs + p->run_first;
	for (size_t i = 0; i < p->run_count; i++) {
		if (runs[i].start > offset)
			break;
		out->run = runs[i].run;
		out->run_offset = (uint32_t)(offset - runs[i].start);
	}
	return MEMO_OK;
}

const char *memo_document_part_name(const memo_document *doc,
	uint32_t part)
{
	if (!doc || part >= doc->nparts)
		return NULL;
	return doc->parts[part];
}

const char *memo_document_docx_para_id(const memo_document *doc,
	uint32_t part, uint32_t paragraph)
{
	if (!doc)
		return NULL;
	/* Paragraph records are in document order; a linear scan is fine
	 * for an occasional lookup. */
	for (size_t i = 0; i < doc->ndocx_paras; i++)
		if (doc->docx_paras[i].part == part &&
		    doc->docx_paras[i].paragraph == paragraph)
			return doc->docx_paras[i].para_id;
	return NULL;
}
