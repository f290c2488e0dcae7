/*
 * check_pathological.c - generated worst cases, in bounded time and
 * memory (cmark's pathological_tests.py, md4c's).
 *
 * Each case runs in a child process: it builds its input (never stored
 * in the repository), parses it, and analyzes the document when the
 * parse succeeds (spelling on when a dictionary is installed). The
 * parent prints the status, the CPU time (bounded; the wall time is
 * printed too: this machine is shared) and the growth of the child's
 * peak resident memory over what it had after building the input
 * (getrusage), and fails the case when the status is not one it allows,
 * when it takes longer than its time bound or grows more than its
 * memory bound, or when it opens a file it was not given (inotify on
 * the files that the XML entity cases point at).
 *
 * The bounds are about 4x what this machine measured (at least 1 s and
 * 16 MB; docs/fuzzing.md has the table); sanitizer builds multiply them
 * (time x20, memory x3), and so does $MEMO_TIME_FACTOR (time).
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hard_util.h"
#include "memo_internal.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#  define SANITIZED 1
#elif defined(__has_feature)
#  if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#    define SANITIZED 1
#  endif
#endif
#ifdef SANITIZED
/* ASan+UBSan with leak checking measured 13x slower on the 100,000
 * headings case: leave room for a loaded CI machine */
#  define TIME_FACTOR 20.0
#  define MEM_FACTOR 3.0
#else
#  define TIME_FACTOR 1.0
#  define MEM_FACTOR 1.0
#endif

#define OK_ (1u << 0)
#define LIMIT_ (1u << 1)
#define FORMAT_ (1u << 2)
#define UNSUP_ (1u << 3)

static char s_dir[64];          /* temporary folder of the entity cases */
static char s_secret[128];      /* a local file an entity points at */
static char s_dtd[128];         /* an external DTD on disk */
#define SECRET "SECRET-0x5ec2e7-must-not-appear"

/* ---- input generators --------------------------------------------------- */

typedef struct s_input {
	char *data;
	size_t len;
} s_input;

static char *s_repeat(const char *unit, size_t reps, const char *tail,
	size_t *len)
{
	size_t ul = strlen(unit), tl = strlen(tail);
	char *p = malloc(ul * reps + tl + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(p + i * ul, unit, ul);
	memcpy(p + ul * reps, tail, tl + 1);
	*len = ul * reps + tl;
	return p;
}

static s_input g_deep_lists(void)
{
	s_input in;
	in.data = s_repeat("- ", 10000, "item\n", &in.len);
	return in;
}

static s_input g_deep_ordered(void)
{
	s_input in;
	in.data = s_repeat("1. ", 10000, "item\n", &in.len);
	return in;
}

static s_input g_deep_quotes(void)
{
	s_input in;
	in.data = s_repeat("> ", 10000, "quoted\n", &in.len);
	return in;
}

static s_input g_deep_mixed(void)
{
	s_input in;
	in.data = s_repeat("> - ", 5000, "x\n", &in.len);
	return in;
}

/* 50 MB in one paragraph, no punctuation: one sentence of ~7 million
 * words. */
static s_input g_big_paragraph(void)
{
	static const char *const w[] = { "activation ", "rose ", "from ",
		"forty ", "eight ", "to ", "fifty ", "seven ", "customers ",
		"moved ", "the ", "payment ", "form " };
	size_t cap = 50u << 20;
	s_input in = { malloc(cap + 64), 0 };
	uint32_t st = 1;
	while (in.len < cap) {
		st = st * 1664525u + 1013904223u;
		const char *x = w[(st >> 8) % 13];
		size_t n = strlen(x);
		memcpy(in.data + in.len, x, n);
		in.len += n;
	}
	in.data[in.len++] = '\n';
	in.data[in.len] = '\0';
	return in;
}

/* One 2 MB sentence with a hedge, a vague quantity, an attribution, a
 * filler, a causal marker and a decision in every clause: the context
 * rules must stay linear in the sentence (they once rescanned it for
 * every hit). */
static s_input g_hits_sentence(void)
{
	s_input in;
	in.data = s_repeat("many teams might possibly align and we decided "
		"to ship it because of the fact that it is believed to matter "
		"significantly, ", 16000, "done.\n", &in.len);
	return in;
}

static s_input g_million_words(void)
{
	s_input in;
	in.data = s_repeat("growth ", 1000000, "ends.\n", &in.len);
	return in;
}

static s_input g_headings(void)
{
	s_input in = { malloc(100000 * 16 + 1), 0 };
	for (int i = 0; i < 100000; i++)
		in.len += (size_t)sprintf(in.data + in.len, "%.*s H%d\n",
			1 + i % 6, "######", i);
	return in;
}

static s_input g_unclosed_brackets(void)
{
	s_input in;
	in.data = s_repeat("[a", 100000, "\n", &in.len);
	return in;
}

static s_input g_emphasis(void)
{
	s_input in;
	in.data = s_repeat("*a _b ", 100000, "\n", &in.len);
	return in;
}

static s_input g_backticks(void)
{
	s_input in = { malloc(4 << 20), 0 };
	for (int i = 1; in.len < (3u << 20); i++) {
		for (int k = 0; k < i % 300 + 1; k++)
			in.data[in.len++] = '`';
		in.data[in.len++] = 'x';
	}
	in.data[in.len++] = '\n';
	return in;
}

static s_input g_table(void)
{
	s_input in;
	in.data = s_repeat("|a|b|c|d|e|f|g|h|\n", 200001, "", &in.len);
	memcpy(in.data + 18, "|-|-|-|-|-|-|-|-|\n", 18);
	return in;
}

static s_input g_long_line_text(void)
{
	s_input in;
	in.data = s_repeat("word ", 4u << 20, "\n", &in.len);
	return in;
}

static s_input g_nul_bytes(void)
{
	s_input in = { calloc(4u << 20, 1), 4u << 20 };
	return in;
}

static s_input g_nul_bytes_16(void)
{
	s_input in = { calloc(16u << 20, 1), 16u << 20 };
	return in;
}

static s_input g_random_bytes(void)
{
	s_input in = { malloc(4u << 20), 4u << 20 };
	uint32_t st = 99;
	for (size_t i = 0; i < in.len; i++) {
		st = st * 1664525u + 1013904223u;
		in.data[i] = (char)(st >> 24);
	}
	return in;
}

static s_input g_random_after_pk(void)
{
	s_input in = g_random_bytes();
	memcpy(in.data, "PK\x03\x04", 4);
	return in;
}

/* ---- docx generators ---------------------------------------------------- */

static bool s_store;  /* s_docx: store the main part, do not deflate */

static s_input s_docx(const char *doc, size_t len)
{
	s_input in;
	hd_zip *z = hd_zip_new();
	hd_zip_docx_scaffold(z);
	hd_zip_add(z, "word/document.xml", doc, len, !s_store);
	in.data = hd_zip_finish(z, &in.len);
	return in;
}

static s_input s_docx_wrap(const char *unit, size_t reps, const char *close,
	size_t creps)
{
	size_t hl = strlen(hd_doc_head), ul = strlen(unit), cl = strlen(close);
	size_t len = hl + ul * reps + cl * creps + 32;
	char *x = malloc(len), *p = x;
	memcpy(p, hd_doc_head, hl);
	p += hl;
	for (size_t i = 0; i < reps; i++, p += ul)
		memcpy(p, unit, ul);
	for (size_t i = 0; i < creps; i++, p += cl)
		memcpy(p, close, cl);
	p += sprintf(p, "</w:body></w:document>");
	s_input in = s_docx(x, (size_t)(p - x));
	free(x);
	return in;
}

static s_input g_docx_deep_tables(void)
{
	return s_docx_wrap("<w:tbl><w:tr><w:tc>", 10000,
		"</w:tc></w:tr></w:tbl>", 10000);
}

static s_input g_docx_deep_elements(void)
{
	return s_docx_wrap("<w:sdt><w:sdtContent>", 100000,
		"</w:sdtContent></w:sdt>", 100000);
}

static s_input g_docx_deep_unknown(void)
{
	return s_docx_wrap("<x:a xmlns:x=\"urn:x\">", 200000, "</x:a>",
		200000);
}

/* Stored: deflated, so regular a part would hit the ratio limit. */
static s_input g_docx_many_paragraphs(void)
{
	s_store = true;
	return s_docx_wrap("<w:p><w:r><w:t>Short paragraph of text.</w:t>"
		"</w:r></w:p>", 400000, "", 0);
}

/* A part of 2 GiB of "<w:p/>" from ~2 MB, with honest sizes: refused on
 * the declared size or ratio. */
static s_input g_zip_bomb_honest(void)
{
	size_t clen = 1u << 20;
	char *chunk = s_repeat("<w:p/>", clen / 6, "", &clen);
	hd_zip *z = hd_zip_new();
	hd_zip_docx_scaffold(z);
	hd_zip_add_repeated(z, "word/document.xml", hd_doc_head,
		strlen(hd_doc_head), chunk, clen, 2047, 0);
	free(chunk);
	s_input in;
	in.data = hd_zip_finish(z, &in.len);
	return in;
}

/* 64 MB declaring 1000 bytes: stopped while inflating, at 200 times
 * the compressed size. */
static s_input g_zip_bomb_lying(void)
{
	size_t clen = 1u << 20;
	char *chunk = s_repeat("<w:p/>", clen / 6, "", &clen);
	hd_zip *z = hd_zip_new();
	hd_zip_docx_scaffold(z);
	hd_zip_add_repeated(z, "word/document.xml", hd_doc_head,
		strlen(hd_doc_head), chunk, clen, 64, 1000);
	free(chunk);
	s_input in;
	in.data = hd_zip_finish(z, &in.len);
	return in;
}

/* 590 MB of XML comments at 36:1 (under the ratio limit), declaring
 * 50 MB: stopped by the limit on the bytes inflated in all. */
static s_input g_zip_bomb_total(void)
{
	size_t clen = 64u << 10;
	char *chunk = malloc(clen);
	uint32_t st = 5;
	for (size_t i = 0; i < clen; i++) {
		st = st * 1664525u + 1013904223u;
		chunk[i] = (st >> 24) < 3 ? (char)('a' + (st >> 16) % 26) : ' ';
	}
	memcpy(chunk, "<!--", 4);
	memcpy(chunk + clen - 3, "-->", 3);
	hd_zip *z = hd_zip_new();
	hd_zip_docx_scaffold(z);
	hd_zip_add_repeated(z, "word/document.xml", hd_doc_head,
		strlen(hd_doc_head), chunk, clen, 9000, 50u << 20);
	free(chunk);
	s_input in;
	in.data = hd_zip_finish(z, &in.len);
	return in;
}

static s_input g_billion_laughs(void)
{
	char x[4096];
	int n = sprintf(x, "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [\n"
		"<!ENTITY a \"lollollollollollollollollollol\">\n");
	for (char c = 'b'; c <= 'j'; c++)
		n += sprintf(x + n, "<!ENTITY %c \"&%c;&%c;&%c;&%c;&%c;&%c;"
			"&%c;&%c;&%c;&%c;\">\n", c, c - 1, c - 1, c - 1, c - 1,
			c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
	n += sprintf(x + n, "]>\n<w:document xmlns:w=\"http://schemas."
		"openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
		"<w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>");
	return s_docx(x, (size_t)n);
}

static s_input g_xxe_file(void)
{
	char x[2048];
	int n = snprintf(x, sizeof x, "<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://%s\">]>\n"
		"<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
		"wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&xxe;"
		"</w:t></w:r></w:p></w:body></w:document>", s_secret);
	return s_docx(x, (size_t)n);
}

static s_input g_xxe_dtd(void)
{
	char x[2048];
	int n = snprintf(x, sizeof x, "<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE w:document SYSTEM \"%s\">\n<w:document xmlns:w=\""
		"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
		"<w:body><w:p><w:r><w:t>&ext;</w:t></w:r></w:p></w:body>"
		"</w:document>", s_dtd);
	return s_docx(x, (size_t)n);
}

/* Entities in the package's other XML: content types, relationships,
 * styles; and an XInclude. */
static s_input g_xxe_parts(void)
{
	char ct[2048], rels[2048], styles[2048], doc[2048];
	int nct = snprintf(ct, sizeof ct, "<?xml version=\"1.0\"?>"
		"<!DOCTYPE Types [<!ENTITY x SYSTEM \"file://%s\">]>"
		"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
		"content-types\"><Default Extension=\"xml\" ContentType=\"&x;"
		"\"/></Types>", s_secret);
	int nrels = snprintf(rels, sizeof rels, "<?xml version=\"1.0\"?>"
		"<!DOCTYPE r SYSTEM \"%s\"><Relationships xmlns=\"http://"
		"schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas."
		"openxmlformats.org/officeDocument/2006/relationships/"
		"officeDocument\" Target=\"word/document.xml\"/>"
		"</Relationships>", s_dtd);
	int nst = snprintf(styles, sizeof styles, "<?xml version=\"1.0\"?>"
		"<!DOCTYPE s [<!ENTITY x SYSTEM \"file://%s\">]><w:styles "
		"xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
		"2006/main\">&x;</w:styles>", s_secret);
	int nd = snprintf(doc, sizeof doc, "%s<w:p><w:r><w:t>x</w:t></w:r>"
		"</w:p><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
		" href=\"file://%s\" parse=\"text\"/></w:body></w:document>",
		hd_doc_head, s_secret);
	hd_zip *z = hd_zip_new();
	hd_zip_add(z, "[Content_Types].xml", ct, (size_t)nct, false);
	hd_zip_add(z, "_rels/.rels", rels, (size_t)nrels, false);
	hd_zip_add(z, "word/_rels/document.xml.rels", rels, (size_t)nrels,
		false);
	hd_zip_add(z, "word/styles.xml", styles, (size_t)nst, false);
	hd_zip_add(z, "word/document.xml", doc, (size_t)nd, false);
	s_input in;
	in.data = hd_zip_finish(z, &in.len);
	return in;
}

static s_input g_docx_many_entries(void)
{
	hd_zip *z = hd_zip_new();
	hd_zip_docx_scaffold(z);
	char d[256];
	int n = snprintf(d, sizeof d, "%s<w:p><w:r><w:t>x</w:t></w:r></w:p>"
		"</w:body></w:document>", hd_doc_head);
	hd_zip_add(z, "word/document.xml", d, (size_t)n, false);
	for (int i = 0; i < 100000; i++) {
		char name[32];
		snprintf(name, sizeof name, "media/e%06d.bin", i);
		hd_zip_add(z, name, "x", 1, false);
	}
	s_input in;
	in.data = hd_zip_finish(z, &in.len);
	return in;
}

/* Just under the entry limit: every lookup must stay cheap. */
static s_input g_docx_many_entries_ok(void)
{
	hd_zip *z = hd_zip_new();
	hd_zip_docx_scaffold(z);
	char d[256];
	int n = snprintf(d, sizeof d, "%s<w:p><w:r><w:t>x</w:t></w:r></w:p>"
		"</w:body></w:document>", hd_doc_head);
	for (int i = 0; i < 99990; i++) {
		char name[32];
		snprintf(name, sizeof name, "media/e%06d.bin", i);
		hd_zip_add(z, name, "x", 1, false);
	}
	hd_zip_add(z, "word/document.xml", d, (size_t)n, false);
	s_input in;
	in.data = hd_zip_finish(z, &in.len);
	return in;
}

/* ---- the cases ---------------------------------------------------------- */

typedef struct s_case {
	const char *name;
	s_input (*gen)(void);
	const char *file;          /* the name given: decides the format */
	unsigned allow;            /* statuses allowed */
	double max_sec;            /* parse + analyze, on this machine */
	double max_mb;             /* peak RSS growth */
} s_case;

static const s_case s_cases[] = {
	{ "md: 10,000 nested lists", g_deep_lists, "a.md",
	  OK_ | LIMIT_, 1, 16 },
	{ "md: 10,000 nested ordered", g_deep_ordered, "a.md",
	  OK_ | LIMIT_, 1, 16 },
	{ "md: 10,000 nested quotes", g_deep_quotes, "a.md",
	  OK_ | LIMIT_, 1, 16 },
	{ "md: 5,000 quote+list pairs", g_deep_mixed, "a.md",
	  OK_ | LIMIT_, 1, 16 },
	{ "md: 50 MB paragraph, no punct.", g_big_paragraph, "a.md",
	  OK_ | LIMIT_, 16, 2048 },
	{ "md: sentence of 1M words", g_million_words, "a.md",
	  OK_ | LIMIT_, 4, 900 },
	{ "md: 2 MB sentence of hits", g_hits_sentence, "a.md",
	  OK_ | LIMIT_, 1, 256 },
	{ "md: 100,000 headings", g_headings, "a.md",
	  OK_ | LIMIT_, 2, 256 },
	{ "md: 100,000 unclosed [", g_unclosed_brackets, "a.md",
	  OK_ | LIMIT_, 1, 32 },
	{ "md: 100,000 open emphasis", g_emphasis, "a.md",
	  OK_ | LIMIT_, 1, 64 },
	{ "md: 3 MB of backtick runs", g_backticks, "a.md",
	  OK_ | LIMIT_, 1, 48 },
	{ "md: table of 200,000 rows", g_table, "a.md",
	  OK_ | LIMIT_, 3, 560 },
	{ "text: one 20 MB line", g_long_line_text, "a.txt",
	  OK_ | LIMIT_, 14, 3200 },
	{ "md: 4 MB of NUL bytes", g_nul_bytes, "a.md",
	  OK_ | LIMIT_, 4, 1800 },
	{ "text: 4 MB of NUL bytes", g_nul_bytes, "a.txt",
	  OK_ | LIMIT_, 1, 450 },
	{ "auto: 4 MB of NUL bytes", g_nul_bytes, NULL,
	  OK_ | LIMIT_, 4, 1800 },
	{ "docx: 16 MB of NUL bytes", g_nul_bytes_16, "a.docx",
	  FORMAT_, 1, 16 },
	{ "docx: 4 MB random bytes", g_random_bytes, "a.docx",
	  FORMAT_, 1, 16 },
	{ "docx: PK + random bytes", g_random_after_pk, "a.docx",
	  FORMAT_, 1, 16 },
	{ "md: 4 MB random bytes", g_random_bytes, "a.md",
	  OK_ | LIMIT_, 8, 120 },
	{ "docx: 10,000 nested tables", g_docx_deep_tables, "a.docx",
	  LIMIT_ | FORMAT_, 1, 16 },
	{ "docx: 100,000 nested sdt", g_docx_deep_elements, "a.docx",
	  LIMIT_ | FORMAT_, 1, 16 },
	{ "docx: 200,000 nested unknown", g_docx_deep_unknown, "a.docx",
	  LIMIT_ | FORMAT_, 1, 16 },
	{ "docx: 400,000 paragraphs", g_docx_many_paragraphs, "a.docx",
	  OK_ | LIMIT_, 8, 1750 },
	{ "docx: zip bomb, true sizes", g_zip_bomb_honest, "a.docx",
	  LIMIT_, 1, 16 },
	{ "docx: zip bomb, lying sizes", g_zip_bomb_lying, "a.docx",
	  LIMIT_, 3, 16 },
	{ "docx: 590 MB at 36:1", g_zip_bomb_total, "a.docx",
	  LIMIT_, 10, 16 },
	{ "docx: billion laughs", g_billion_laughs, "a.docx",
	  UNSUP_ | FORMAT_ | LIMIT_, 1, 16 },
	{ "docx: external entity (file)", g_xxe_file, "a.docx",
	  UNSUP_ | FORMAT_ | LIMIT_, 1, 16 },
	{ "docx: external DTD", g_xxe_dtd, "a.docx",
	  UNSUP_ | FORMAT_ | LIMIT_, 1, 16 },
	{ "docx: entities in other parts", g_xxe_parts, "a.docx",
	  OK_ | UNSUP_ | FORMAT_ | LIMIT_, 1, 16 },
	{ "docx: 100,000 tiny entries", g_docx_many_entries, "a.docx",
	  LIMIT_, 2, 96 },
	{ "docx: 99,992 entries (allowed)", g_docx_many_entries_ok, "a.docx",
	  OK_, 2, 100 },
};
#define NCASES ((int)(sizeof s_cases / sizeof *s_cases))

typedef struct s_result {
	int parse_rc, analyze_rc;
	double parse_sec, analyze_sec, cpu_sec;
	long input_bytes;
	long base_kb, peak_kb;
	int secret_in_text;
	char msg[200];
} s_result;

static double s_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double s_cpu(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
		(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

static long s_maxrss(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static void s_child(const s_case *c, int fd)
{
	s_result r;
	memset(&r, 0, sizeof r);
	r.analyze_rc = 1; /* not run */
	memo_config *cfg = NULL;
	memo_analyzer *an = NULL;
	memo_config_new(&cfg);
	if (memo_analyzer_new(&an, cfg) != MEMO_OK) {
		memo_config_set_rule(cfg, "spelling", MEMO_SEVERITY_NONE);
		memo_analyzer_new(&an, cfg);
	}
	memo_config_free(cfg);
	s_input in = c->gen();
	r.input_bytes = (long)in.len;
	r.base_kb = s_maxrss();
	double cpu0 = s_cpu(), t0 = s_now();
	memo_document *doc = NULL;
	r.parse_rc = memo_document_parse(&doc, in.data, in.len, c->file,
		NULL);
	double t1 = s_now();
	r.parse_sec = t1 - t0;
	if (r.parse_rc != MEMO_OK)
		snprintf(r.msg, sizeof r.msg, "%s",
			memo_error_message(memo_error_last()));
	if (doc) {
		size_t tlen;
		const char *t = memo_document_text(doc, &tlen);
		size_t sl = strlen(SECRET);
		for (size_t i = 0; i + sl <= tlen && !r.secret_in_text; i++)
			r.secret_in_text = t[i] == 'S' &&
				memcmp(t + i, SECRET, sl) == 0;
		memo_report *rep = NULL;
		r.analyze_rc = an ? memo_analyze(&rep, an, doc) : 1;
		if (r.analyze_rc != MEMO_OK && r.analyze_rc != 1)
			snprintf(r.msg, sizeof r.msg, "analyze: %s",
				memo_error_message(memo_error_last()));
		memo_report_free(rep);
		r.analyze_sec = s_now() - t1;
	}
	r.cpu_sec = s_cpu() - cpu0;
	r.peak_kb = s_maxrss();
	memo_document_free(doc);
	memo_analyzer_free(an);
	free(in.data);
	ssize_t w = write(fd, &r, sizeof r);
	_exit(w == (ssize_t)sizeof r ? 0 : 3);
}

static unsigned s_bit(int rc)
{
	switch (rc) {
	case MEMO_OK: return OK_;
	case MEMO_ELIMIT: return LIMIT_;
	case MEMO_EFORMAT: return FORMAT_;
	case MEMO_EUNSUPPORTED: return UNSUP_;
	default: return 1u << 30;
	}
}

START_TEST(test_pathological_case_bounded)
{
	const s_case *c = &s_cases[_i];
	const char *tf = getenv("MEMO_TIME_FACTOR"); /* valgrind: 20 */
	double max_sec = c->max_sec * TIME_FACTOR *
		(tf && atof(tf) > 0 ? atof(tf) : 1.0);
	double max_mb = c->max_mb * MEM_FACTOR;
	int ino = inotify_init1(IN_NONBLOCK);
	ck_assert_int_ge(ino, 0);
	ck_assert_int_ge(inotify_add_watch(ino, s_secret, IN_OPEN | IN_ACCESS),
		0);
	ck_assert_int_ge(inotify_add_watch(ino, s_dtd, IN_OPEN | IN_ACCESS),
		0);
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	fflush(NULL);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(p[0]);
		s_child(c, p[1]);
	}
	close(p[1]);
	/* wait for the result, killing the child past 3x its bound plus
	 * the time to build its input */
	s_result r;
	size_t got = 0;
	double wait_sec = max_sec * 20 > 600 ? max_sec * 20 : 600;
	double deadline = s_now() + wait_sec;
	while (got < sizeof r) {
		struct pollfd pf = { p[0], POLLIN, 0 };
		int left = (int)((deadline - s_now()) * 1000);
		if (left <= 0 || poll(&pf, 1, left) <= 0)
			break;
		ssize_t k = read(p[0], (char *)&r + got, sizeof r - got);
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(p[0]);
	if (got < sizeof r)
		kill(pid, SIGKILL);
	int status = 0;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	char ev[4096];
	ssize_t nev = read(ino, ev, sizeof ev);
	close(ino);
	ck_assert_msg(got == sizeof r, "%s: no result (killed after %.0f s, "
		"or crashed: status 0x%x)", c->name, wait_sec, status);
	double wall = r.parse_sec + r.analyze_sec;
	double sec = r.cpu_sec;
	double mb = (double)(r.peak_kb - r.base_kb) / 1024.0;
	printf("# %-32s %-17s %-12s %7.2f %7.2f %8.1f %8.1f %5.0f %6.0f\n",
		c->name, memo_status_str(r.parse_rc),
		r.analyze_rc == 1 ? "-" : memo_status_str(r.analyze_rc), sec,
		wall, mb, (double)r.input_bytes / 1048576.0, max_sec, max_mb);
	ck_assert_msg(s_bit(r.parse_rc) & c->allow, "%s: parse gave %s: %s",
		c->name, memo_status_str(r.parse_rc), r.msg);
	ck_assert_msg(r.analyze_rc == 1 || r.analyze_rc == MEMO_OK ||
		r.analyze_rc == MEMO_ELIMIT, "%s: analyze gave %s: %s", c->name,
		memo_status_str(r.analyze_rc), r.msg);
	ck_assert_msg(nev <= 0, "%s: a file outside the input was opened",
		c->name);
	ck_assert_msg(!r.secret_in_text, "%s: a local file's text is in the "
		"document", c->name);
	ck_assert_msg(sec <= max_sec, "%s: %.2f s of CPU, over the bound of "
		"%.0f s", c->name, sec, max_sec);
	ck_assert_msg(mb <= max_mb, "%s: memory grew %.1f MB, over the bound "
		"of %.0f MB", c->name, mb, max_mb);
}
END_TEST

int main(void)
{
	snprintf(s_dir, sizeof s_dir, "/tmp/memo-path-XXXXXX");
	if (!mkdtemp(s_dir))
		return 1;
	snprintf(s_secret, sizeof s_secret, "%s/secret.txt", s_dir);
	snprintf(s_dtd, sizeof s_dtd, "%s/ext.dtd", s_dir);
	FILE *f = fopen(s_secret, "w");
	if (!f)
		return 1;
	fputs(SECRET "\n", f);
	fclose(f);
	f = fopen(s_dtd, "w");
	if (!f)
		return 1;
	fprintf(f, "<!ENTITY ext SYSTEM \"file://%s\">\n", s_secret);
	fclose(f);

	Suite *s = suite_create("pathological");
	TCase *tc = tcase_create("cases");
	tcase_set_timeout(tc, 1200);
	tcase_add_loop_test(tc, test_pathological_case_bounded, 0, NCASES);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	/* each case forks its own child; Check need not fork too */
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_set_tap(sr, "-");
	printf("# %-32s %-17s %-12s %7s %7s %8s %8s %5s %6s\n", "case",
		"parse", "analyze", "cpu s", "wall s", "RSS+ MB", "input MB",
		"max s", "max MB");
	srunner_run_all(sr, CK_SILENT);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	unlink(s_secret);
	unlink(s_dtd);
	rmdir(s_dir);
	return failed ? 1 : 0;
}
