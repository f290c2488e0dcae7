/*
 * hard_util.c - see hard_util.h.
 */
#include "hard_util.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../docx/mkdocx.h"

char *hd_read_file(const char *path, size_t *len_out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, k;
	char *buf = malloc(cap + 1);
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			char *nb = realloc(buf, cap * 2 + 1);
			if (!nb) {
				free(buf);
				buf = NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	*len_out = n;
	return buf;
}

static int s_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t hd_example_memos(char ***paths_out)
{
	const char *root = getenv("MEMO_SOURCE_ROOT");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/examples/memos", root ? root : ".");
	DIR *d = opendir(dir);
	char **v = NULL;
	size_t n = 0;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || l < 4 ||
		    strcmp(e->d_name + l - 3, ".md") != 0)
			continue;
		v = realloc(v, (n + 1) * sizeof *v);
		v[n] = malloc(strlen(dir) + l + 2);
		sprintf(v[n], "%s/%s", dir, e->d_name);
		n++;
	}
	if (d)
		closedir(d);
	if (n)
		qsort(v, n, sizeof *v, s_cmp);
	*paths_out = v;
	return n;
}

void hd_free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* ---- Markdown to docx --------------------------------------------------- */

typedef struct s_str {
	char *p;
	size_t n, cap;
} s_str;

static void s_add(s_str *s, const char *t, size_t n)
{
	if (s->n + n + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 4096;
		while (cap < s->n + n + 1)
			cap *= 2;
		s->p = realloc(s->p, cap);
		s->cap = cap;
	}
	memcpy(s->p + s->n, t, n);
	s->n += n;
	s->p[s->n] = '\0';
}

static void s_adds(s_str *s, const char *t)
{
	s_add(s, t, strlen(t));
}

static void s_add_esc(s_str *s, const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (t[i]) {
		case '&': s_adds(s, "&amp;"); break;
		case '<': s_adds(s, "&lt;"); break;
		case '>': s_adds(s, "&gt;"); break;
		case '"': s_adds(s, "&quot;"); break;
		default:
			if ((unsigned char)t[i] >= 0x20 || t[i] == '\t')
				s_add(s, t + i, 1);
		}
	}
}

static void s_run(s_str *s, const char *t, size_t n)
{
	s_adds(s, "<w:r><w:t xml:space=\"preserve\">");
	s_add_esc(s, t, n);
	s_adds(s, "</w:t></w:r>");
}

static void s_para(s_str *s, const char *ppr, const char *t, size_t n,
	const char *extra)
{
	s_adds(s, "<w:p>");
	if (ppr) {
		s_adds(s, "<w:pPr>");
		s_adds(s, ppr);
		s_adds(s, "</w:pPr>");
	}
	s_run(s, t, n);
	if (extra)
		s_adds(s, extra);
	s_adds(s, "</w:p>");
}

#define STYLE(id, name, extra) "<w:style w:type=\"paragraph\" " \
	"w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>" extra "</w:style>"
#define OUTLINE(n) "<w:pPr><w:outlineLvl w:val=\"" #n "\"/></w:pPr>"

char *hd_md_to_docx(const char *md, size_t len, size_t *len_out)
{
	s_str b = { 0 };
	const char *p = md, *end = md + len;
	int para_no = 0;
	bool in_table = false, in_front = false;
	if (len >= 4 && memcmp(md, "---\n", 4) == 0) {
		in_front = true;
		p += 4;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - p);
		if (n && p[n - 1] == '\r')
			n--;
		const char *line = p;
		p = nl ? nl + 1 : end;
		if (in_front) {
			if (n == 3 && memcmp(line, "---", 3) == 0)
				in_front = false;
			else if (n > 7 && memcmp(line, "title: ", 7) == 0)
				s_para(&b, "<w:pStyle w:val=\"Title\"/>",
					line + 7, n - 7, NULL);
			continue;
		}
		if (in_table && (n == 0 || line[0] != '|')) {
			s_adds(&b, "</w:tbl>");
			in_table = false;
		}
		if (n == 0)
			continue;
		if (line[0] == '#') {
			size_t lvl = 0;
			while (lvl < n && line[lvl] == '#')
				lvl++;
			char ppr[64];
			snprintf(ppr, sizeof ppr, "<w:pStyle w:val=\"Heading%zu\"/>",
				lvl > 6 ? (size_t)6 : lvl);
			size_t skip = lvl < n && line[lvl] == ' ' ? lvl + 1 : lvl;
			s_para(&b, ppr, line + skip, n - skip, NULL);
		} else if (n > 2 && (line[0] == '-' || line[0] == '*') &&
		           line[1] == ' ') {
			s_para(&b, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId "
				"w:val=\"1\"/></w:numPr>", line + 2, n - 2, NULL);
		} else if (n > 3 && line[0] >= '0' && line[0] <= '9' &&
		           line[1] == '.' && line[2] == ' ') {
			s_para(&b, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId "
				"w:val=\"2\"/></w:numPr>", line + 3, n - 3, NULL);
		} else if (line[0] == '>') {
			size_t skip = n > 1 && line[1] == ' ' ? 2 : 1;
			s_para(&b, "<w:pStyle w:val=\"Quote\"/>", line + skip,
				n - skip, NULL);
		} else if (line[0] == '|') {
			size_t k = 0;
			while (k < n && line[k] && strchr("|-: ", line[k]))
				k++;
			if (k == n && memchr(line, '-', n))
				continue; /* the delimiter row */
			if (!in_table) {
				s_adds(&b, "<w:tbl><w:tblPr/><w:tblGrid/>");
				in_table = true;
			}
			s_adds(&b, "<w:tr>");
			const char *c = line + 1, *le2 = line + n;
			while (c < le2) {
				const char *bar = memchr(c, '|', (size_t)(le2 - c));
				const char *ce = bar ? bar : le2;
				s_adds(&b, "<w:tc>");
				s_para(&b, NULL, c, (size_t)(ce - c), NULL);
				s_adds(&b, "</w:tc>");
				c = bar ? bar + 1 : le2;
			}
			s_adds(&b, "</w:tr>");
		} else {
			para_no++;
			const char *extra = para_no == 1 ?
				"<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
				"<w:commentRangeStart w:id=\"0\"/>"
				"<w:r><w:t>!</w:t></w:r>"
				"<w:commentRangeEnd w:id=\"0\"/>" :
				para_no == 2 ?
				"<w:ins w:id=\"7\" w:author=\"t\"><w:r><w:t>"
				" inserted</w:t></w:r></w:ins><w:del w:id=\"8\" "
				"w:author=\"t\"><w:r><w:delText> deleted"
				"</w:delText></w:r></w:del>" : NULL;
			s_para(&b, NULL, line, n, extra);
		}
	}
	if (in_table)
		s_adds(&b, "</w:tbl>");
	s_adds(&b, "<w:sectPr/>");

	mkdocx_spec sp;
	memset(&sp, 0, sizeof sp);
	sp.body = b.p ? b.p : "";
	sp.styles = STYLE("Normal", "Normal", "")
		STYLE("Title", "Title", "")
		STYLE("Heading1", "heading 1", OUTLINE(0))
		STYLE("Heading2", "heading 2", OUTLINE(1))
		STYLE("Heading3", "heading 3", OUTLINE(2))
		STYLE("Heading4", "heading 4", OUTLINE(3))
		STYLE("Heading5", "heading 5", OUTLINE(4))
		STYLE("Heading6", "heading 6", OUTLINE(5))
		STYLE("Quote", "Quote", "");
	sp.numbering = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl "
		"w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
		"</w:lvl></w:abstractNum><w:abstractNum w:abstractNumId=\"1\">"
		"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
		"w:val=\"decimal\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
		"<w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\">"
		"<w:abstractNumId w:val=\"1\"/></w:num>";
	sp.footnotes = "<w:footnote w:id=\"1\"><w:p><w:r><w:t>Source: the "
		"Q4 funnel report, 41,200 trials.</w:t></w:r></w:p></w:footnote>";
	sp.comments = "<w:comment w:id=\"0\" w:author=\"r\"><w:p><w:r><w:t>"
		"Maybe say why this matters.</w:t></w:r></w:p></w:comment>";
	char *out = mkdocx(&sp, len_out);
	free(b.p);
	return out;
}

/* ---- generated memos ---------------------------------------------------- */

static const char *const s_words[] = {
	"the", "of", "and", "to", "a", "in", "that", "is", "for", "it",
	"as", "with", "was", "on", "be", "by", "this", "are", "we", "our",
	"not", "have", "from", "or", "at", "which", "an", "will", "they",
	"their", "can", "more", "has", "but", "its", "would", "customers",
	"customer", "team", "teams", "launch", "product", "service",
	"price", "cost", "costs", "revenue", "growth", "margin", "churn",
	"activation", "onboarding", "trial", "account", "accounts",
	"payment", "payments", "screen", "screens", "flow", "flows",
	"form", "forms", "data", "metric", "metrics", "week", "weeks",
	"month", "months", "quarter", "year", "years", "day", "days",
	"time", "people", "users", "user", "seller", "sellers", "buyer",
	"buyers", "order", "orders", "delivery", "deliveries", "warehouse",
	"inventory", "region", "regions", "market", "markets", "country",
	"countries", "store", "stores", "page", "pages", "support",
	"ticket", "tickets", "call", "calls", "email", "emails", "report",
	"reports", "review", "reviews", "plan", "plans", "goal", "goals",
	"target", "targets", "risk", "risks", "issue", "issues", "problem",
	"problems", "decision", "decisions", "option", "options",
	"proposal", "proposals", "approach", "approaches", "change",
	"changes", "test", "tests", "result", "results", "experiment",
	"experiments", "sample", "survey", "interviews", "feedback",
	"request", "requests", "feature", "features", "release",
	"releases", "version", "versions", "system", "systems", "service",
	"latency", "error", "errors", "outage", "outages", "incident",
	"incidents", "cause", "causes", "fix", "fixes", "owner", "owners",
	"leader", "leaders", "manager", "managers", "engineer",
	"engineers", "designer", "scientist", "budget", "headcount",
	"investment", "investments", "return", "savings", "spend",
	"forecast", "increase", "increased", "decrease", "decreased",
	"rose", "fell", "grew", "dropped", "doubled", "halved", "improved",
	"reduced", "moved", "removed", "added", "built", "shipped",
	"launched", "tested", "measured", "found", "learned", "asked",
	"answered", "decided", "chose", "recommend", "recommends",
	"propose", "proposes", "expect", "expects", "estimate",
	"estimates", "believe", "plan", "plans", "will", "would", "should",
	"could", "may", "might", "must", "because", "so", "therefore",
	"since", "although", "however", "while", "when", "where", "before",
	"after", "until", "unless", "if", "then", "than", "also", "only",
	"first", "second", "third", "last", "next", "each", "every",
	"most", "many", "few", "several", "some", "all", "no", "any",
	"other", "same", "different", "new", "old", "large", "small",
	"high", "low", "fast", "slow", "early", "late", "better", "worse",
	"best", "worst", "simple", "complex", "clear", "important",
	"critical", "necessary", "possible", "likely", "unlikely",
	"significant", "very", "really", "quite", "rather", "about",
	"above", "below", "over", "under", "between", "through", "during",
	"within", "without", "across", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
	"January", "February", "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Seattle", "London", "Priya", "Raman",
	"Jane", "Doe", "Alex", "Kim", "AWS", "Kubernetes", "API", "SDK",
};
#define NWORDS (sizeof s_words / sizeof *s_words)

static uint32_t s_rand(uint32_t *st)
{
	*st = *st * 1664525u + 1013904223u;
	return *st >> 8;
}

static void s_sentence(s_str *s, uint32_t *st)
{
	size_t n = 5 + s_rand(st) % 26;
	for (size_t i = 0; i < n; i++) {
		char num[32];
		const char *w = s_words[s_rand(st) % NWORDS];
		uint32_t r = s_rand(st) % 100;
		if (r < 4) {
			snprintf(num, sizeof num, "%u%%", s_rand(st) % 100);
			w = num;
		} else if (r < 7) {
			snprintf(num, sizeof num, "%u,%03u", s_rand(st) % 90 + 1,
				s_rand(st) % 1000);
			w = num;
		}
		if (i == 0) {
			char c = w[0];
			if (c >= 'a' && c <= 'z')
				c = (char)(c - 32);
			s_add(s, &c, 1);
			s_adds(s, w + 1);
		} else {
			s_adds(s, r >= 90 && i + 1 < n ? ", " : " ");
			s_adds(s, w);
		}
	}
	uint32_t e = s_rand(st) % 10;
	s_adds(s, e == 0 ? "? " : e == 1 ? "; " : ". ");
}

char *hd_gen_memo(size_t bytes, size_t *len_out)
{
	s_str s = { 0 };
	uint32_t st = 12345;
	size_t sec = 0;
	s_adds(&s, "---\ntitle: Generated memo\nkind: narrative\n---\n\n"
		"# Generated memo\n\n");
	while (s.n < bytes) {
		char h[64];
		snprintf(h, sizeof h, "## Section %zu\n\n", ++sec);
		s_adds(&s, h);
		size_t paras = 2 + s_rand(&st) % 4;
		for (size_t p = 0; p < paras; p++) {
			size_t sents = 2 + s_rand(&st) % 5;
			for (size_t k = 0; k < sents; k++)
				s_sentence(&s, &st);
			s_adds(&s, "\n\n");
		}
		switch (s_rand(&st) % 4) {
		case 0:
			for (int i = 0; i < 3; i++) {
				s_adds(&s, "- ");
				s_sentence(&s, &st);
				s_adds(&s, "\n");
			}
			s_adds(&s, "\n");
			break;
		case 1:
			s_adds(&s, "| metric | before | after |\n|---|---|---|\n"
				"| activation | 48% | 57% |\n| tickets | 0.31 | "
				"0.27 |\n\n");
			break;
		case 2:
			snprintf(h, sizeof h, "### Detail %zu\n\n", sec);
			s_adds(&s, h);
			s_sentence(&s, &st);
			s_adds(&s, "\n\n");
			break;
		default:
			s_adds(&s, "> ");
			s_sentence(&s, &st);
			s_adds(&s, "\n\n");
			break;
		}
	}
	*len_out = s.n;
	return s.p;
}

/* ---- zip writer --------------------------------------------------------- */

#include <zlib.h>

struct hd_zip {
	s_str out, cd;
	uint32_t count;
};

hd_zip *hd_zip_new(void)
{
	return calloc(1, sizeof(hd_zip));
}

static void s_u16(s_str *b, uint32_t v)
{
	char x[2] = { (char)v, (char)(v >> 8) };
	s_add(b, x, 2);
}

static void s_u32(s_str *b, uint32_t v)
{
	char x[4] = { (char)v, (char)(v >> 8), (char)(v >> 16),
		(char)(v >> 24) };
	s_add(b, x, 4);
}

static void s_header(hd_zip *z, const char *name, uint16_t method,
	uint32_t crc, uint64_t csize, uint64_t usize)
{
	size_t nlen = strlen(name);
	uint32_t off = (uint32_t)z->out.n;
	s_u32(&z->out, 0x04034b50);
	s_u16(&z->out, 20);
	s_u16(&z->out, 0x0800);
	s_u16(&z->out, method);
	s_u16(&z->out, 0);
	s_u16(&z->out, 0x21);
	s_u32(&z->out, crc);
	s_u32(&z->out, (uint32_t)csize);
	s_u32(&z->out, (uint32_t)usize);
	s_u16(&z->out, (uint32_t)nlen);
	s_u16(&z->out, 0);
	s_add(&z->out, name, nlen);
	s_u32(&z->cd, 0x02014b50);
	s_u16(&z->cd, 20);
	s_u16(&z->cd, 20);
	s_u16(&z->cd, 0x0800);
	s_u16(&z->cd, method);
	s_u16(&z->cd, 0);
	s_u16(&z->cd, 0x21);
	s_u32(&z->cd, crc);
	s_u32(&z->cd, (uint32_t)csize);
	s_u32(&z->cd, (uint32_t)usize);
	s_u16(&z->cd, (uint32_t)nlen);
	s_u16(&z->cd, 0);
	s_u16(&z->cd, 0);
	s_u16(&z->cd, 0);
	s_u16(&z->cd, 0);
	s_u32(&z->cd, 0);
	s_u32(&z->cd, off);
	s_add(&z->cd, name, nlen);
	z->count++;
}

/* Deflate s[0..n) with flush into b (appending). */
static void s_deflate_into(z_stream *zs, const char *s, size_t n, int flush,
	s_str *b)
{
	char buf[65536];
	zs->next_in = (Bytef *)(uintptr_t)s;
	zs->avail_in = (uInt)n;
	do {
		zs->next_out = (Bytef *)buf;
		zs->avail_out = sizeof buf;
		deflate(zs, flush);
		s_add(b, buf, sizeof buf - zs->avail_out);
	} while (zs->avail_out == 0);
}

void hd_zip_add(hd_zip *z, const char *name, const void *data, size_t len,
	bool deflate_it)
{
	uint32_t crc = (uint32_t)crc32(0L, data, (uInt)len);
	if (!deflate_it) {
		s_header(z, name, 0, crc, len, len);
		s_add(&z->out, data, len);
		return;
	}
	s_str packed = { 0 };
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	deflateInit2(&zs, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
	s_deflate_into(&zs, data, len, Z_FINISH, &packed);
	deflateEnd(&zs);
	s_header(z, name, 8, crc, packed.n, len);
	s_add(&z->out, packed.p ? packed.p : "", packed.n);
	free(packed.p);
}

void hd_zip_add_repeated(hd_zip *z, const char *name, const char *head,
	size_t hlen, const char *chunk, size_t clen, uint64_t reps,
	uint64_t declared)
{
	s_str h = { 0 }, c = { 0 }, e = { 0 };
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
	/* a full flush leaves no reference to earlier data and ends on a
	 * byte boundary, so the chunk's blocks can be repeated as they are */
	s_deflate_into(&zs, head, hlen, Z_FULL_FLUSH, &h);
	s_deflate_into(&zs, chunk, clen, Z_FULL_FLUSH, &c);
	s_deflate_into(&zs, "", 0, Z_FINISH, &e);
	deflateEnd(&zs);
	uint32_t crc = (uint32_t)crc32(0L, (const Bytef *)head, (uInt)hlen);
	uint32_t cc = (uint32_t)crc32(0L, (const Bytef *)chunk, (uInt)clen);
	for (uint64_t i = 0; i < reps; i++)
		crc = (uint32_t)crc32_combine(crc, cc, (z_off_t)clen);
	uint64_t usize = hlen + clen * reps;
	uint64_t csize = h.n + c.n * reps + e.n;
	s_header(z, name, 8, crc, csize, declared ? declared : usize);
	s_add(&z->out, h.p, h.n);
	for (uint64_t i = 0; i < reps; i++)
		s_add(&z->out, c.p, c.n);
	s_add(&z->out, e.p, e.n);
	free(h.p);
	free(c.p);
	free(e.p);
}

static void s_u64(s_str *b, uint64_t v)
{
	s_u32(b, (uint32_t)v);
	s_u32(b, (uint32_t)(v >> 32));
}

char *hd_zip_finish(hd_zip *z, size_t *len_out)
{
	uint32_t cd_off = (uint32_t)z->out.n;
	s_add(&z->out, z->cd.p ? z->cd.p : "", z->cd.n);
	if (z->count > 0xffff) {
		/* more entries than the classic directory end counts: the
		 * zip64 end record and its locator (APPNOTE 4.3.14-15) */
		uint64_t z64 = z->out.n;
		s_u32(&z->out, 0x06064b50);
		s_u64(&z->out, 44);
		s_u16(&z->out, 45);
		s_u16(&z->out, 45);
		s_u32(&z->out, 0);
		s_u32(&z->out, 0);
		s_u64(&z->out, z->count);
		s_u64(&z->out, z->count);
		s_u64(&z->out, z->cd.n);
		s_u64(&z->out, cd_off);
		s_u32(&z->out, 0x07064b50);
		s_u32(&z->out, 0);
		s_u64(&z->out, z64);
		s_u32(&z->out, 1);
	}
	s_u32(&z->out, 0x06054b50);
	s_u16(&z->out, 0);
	s_u16(&z->out, 0);
	s_u16(&z->out, z->count > 0xffff ? 0xffff : z->count);
	s_u16(&z->out, z->count > 0xffff ? 0xffff : z->count);
	s_u32(&z->out, (uint32_t)z->cd.n);
	s_u32(&z->out, cd_off);
	s_u16(&z->out, 0);
	free(z->cd.p);
	char *p = z->out.p;
	*len_out = z->out.n;
	free(z);
	return p;
}

const char hd_doc_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
	"wordprocessingml/2006/main\"><w:body>";

void hd_zip_docx_scaffold(hd_zip *z)
{
	static const char ct[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
		"content-types\"><Default Extension=\"rels\" ContentType=\""
		"application/vnd.openxmlformats-package.relationships+xml\"/>"
		"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		"<Override PartName=\"/word/document.xml\" ContentType=\""
		"application/vnd.openxmlformats-officedocument."
		"wordprocessingml.document.main+xml\"/></Types>";
	static const char rels[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/"
		"package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
		"http://schemas.openxmlformats.org/officeDocument/2006/"
		"relationships/officeDocument\" Target=\"word/document.xml\"/>"
		"</Relationships>";
	hd_zip_add(z, "[Content_Types].xml", ct, sizeof ct - 1, true);
	hd_zip_add(z, "_rels/.rels", rels, sizeof rels - 1, true);
}
