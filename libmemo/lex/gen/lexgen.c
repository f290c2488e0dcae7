/*
 * lexgen.c - build-time generator: data/lexicons files -> static C tables.
 *
 * Usage: memo-lexgen OUT.c FILE...
 *
 * Each FILE is a lexicon ("#! class=NAME" directive) or the irregular verb
 * table (irregular-verbs.tsv). Every file must open with '#' comment lines
 * that name its source and licence; the generator refuses files without
 * them, malformed lines and duplicate entries, so a bad data file fails the
 * build with FILE:LINE: message. The data files stay the single source of
 * truth; the generated file is never edited or committed.
 *
 * Runs on the build machine (meson native: true): plain C17 + stdio only.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lexparse.h"

typedef struct entry {
	char *text, *repl, *kind, *key;
	float weight;
	unsigned cls, infl, head, flags, ctx, line;
} entry;

static entry *g_entries;
static size_t g_n, g_cap;
static int g_errors;

typedef struct irregular {
	char *base, *past, *part, *third;
} irregular;
static irregular *g_irr;
static size_t g_nirr, g_capirr;
static char *g_irr_notice;

static char *g_notice[MEMO__LEX_NCLASSES];
static const char *g_file[MEMO__LEX_NCLASSES];
static memo__lexp_fields g_defaults[MEMO__LEX_NCLASSES];
static int g_seen[MEMO__LEX_NCLASSES];

static void fail(const char *file, unsigned line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%u: error: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	g_errors++;
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fprintf(stderr, "memo-lexgen: out of memory\n");
		exit(2);
	}
	return q;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

static const char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');
#ifdef _WIN32
	const char *b2 = strrchr(path, '\\');
	if (b2 && (!b || b2 > b))
		b = b2;
#endif
	return b ? b + 1 : path;
}

/* Folded key of an entry text (for duplicate detection). */
static char *fold_key(const char *s, size_t n)
{
	char buf[MEMO__LEX_MAX_ENTRY * 2];
	size_t k = memo__lexp_fold(s, n, buf, sizeof buf, NULL);
	if (k == (size_t)-1)
		k = 0;
	return xstrndup(buf, k);
}

static int ci_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++) {
		size_t i = 0;
		while (i < n && p[i] &&
		    tolower((unsigned char)p[i]) == needle[i])
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "memo-lexgen: cannot open %s\n", path);
		exit(2);
	}
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = (cap + 4096) * 2;
			buf = xrealloc(buf, cap);
		}
		size_t r = fread(buf + n, 1, 4096, f);
		n += r;
		if (r < 4096)
			break;
	}
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

static void split_tabs(char *line, char **cols, int max, int *ncols)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		cols[n++] = p;
		char *t = strchr(p, '\t');
		if (!t)
			break;
		*t = 0;
		p = t + 1;
	}
	*ncols = n;
}

static void read_irregular(const char *path, char *buf, size_t len)
{
	const char *name = base_name(path);
	unsigned lineno = 0;
	int header = 1;
	size_t notice_len = 0;
	char *notice = NULL;
	char *p = buf, *end = buf + len;

	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *le = nl ? nl : end;
		lineno++;
		if (le > p && le[-1] == '\r')
			le[-1] = 0;
		*le = 0;
		if (p[0] == '#') {
			if (header && p[1] != '!') {
				size_t l = strlen(p);
				notice = xrealloc(notice, notice_len + l + 2);
				memcpy(notice + notice_len, p, l);
				notice_len += l;
				notice[notice_len++] = '\n';
				notice[notice_len] = 0;
			}
		} else if (p[0]) {
			char *cols[5] = { NULL, NULL, NULL, NULL, NULL };
			int nc;
			if (header) {
				header = 0;
				if (!notice || !ci_contains(notice, "source") ||
				    !ci_contains(notice, "licen"))
					fail(name, lineno, "the '#' header must "
						"name the source and the licence");
			}
			split_tabs(p, cols, 5, &nc);
			if (nc < 3 || nc > 4 || !cols[0][0] || !cols[1][0] ||
			    !cols[2][0]) {
				fail(name, lineno, "expected base<TAB>past<TAB>"
					"participle[<TAB>3rd-person]");
			} else {
				if (g_nirr == g_capirr) {
					g_capirr = g_capirr ? g_capirr * 2 : 64;
					g_irr = xrealloc(g_irr,
						g_capirr * sizeof *g_irr);
				}
				irregular *r = &g_irr[g_nirr++];
				r->base = xstrndup(cols[0], strlen(cols[0]));
				r->past = xstrndup(cols[1], strlen(cols[1]));
				r->part = xstrndup(cols[2], strlen(cols[2]));
				r->third = nc == 4 ?
					xstrndup(cols[3], strlen(cols[3])) : NULL;
				for (size_t i = 0; i + 1 < g_nirr; i++)
					if (!strcmp(g_irr[i].base, r->base))
						fail(name, lineno,
							"duplicate verb '%s'",
							r->base);
			}
		}
		p = le + 1;
	}
	if (!notice)
		fail(name, 1, "missing '#' header");
	g_irr_notice = notice ? notice : xstrndup("", 0);
}

static void read_lexicon(const char *path)
{
	size_t len;
	char *buf = read_file(path, &len);
	const char *name = base_name(path);

	if (!strcmp(name, "irregular-verbs.tsv")) {
		read_irregular(path, buf, len);
		free(buf);
		return;
	}

	unsigned lineno = 0;
	int header = 1, cls = -1;
	size_t notice_len = 0;
	char *notice = NULL;
	memo__lexp_fields defs;
	memset(&defs, 0, sizeof defs);
	defs.weight = 1;

	char *p = buf, *end = buf + len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *le = nl ? nl : end;
		size_t ll = (size_t)(le - p);
		const char *err = NULL;
		lineno++;

		if (ll >= 2 && p[0] == '#' && p[1] == '!') {
			memo__lexp_fields d;
			if (memo__lexp_parse_directive(p + 2, ll - 2, &d,
			    &err) < 0) {
				fail(name, lineno, "%s", err);
			} else {
				if (d.cls) {
					cls = memo__lexp_class_from_name(d.cls,
						d.cls_len);
					if (cls < 0)
						fail(name, lineno,
							"unknown class");
				}
				if (d.has_weight)
					defs.weight = d.weight,
					defs.has_weight = true;
				if (d.has_ctx)
					defs.ctx = d.ctx, defs.has_ctx = true;
				if (d.has_infl)
					defs.infl = d.infl, defs.noun = d.noun,
					defs.has_infl = true;
				if (d.has_head)
					defs.head = d.head, defs.has_head = true;
				if (d.has_kind)
					fail(name, lineno,
						"kind= is per entry");
			}
		} else if (ll && p[0] == '#') {
			if (header) {
				notice = xrealloc(notice, notice_len + ll + 2);
				memcpy(notice + notice_len, p, ll);
				notice_len += ll;
				if (notice[notice_len - 1] == '\r')
					notice_len--;
				notice[notice_len++] = '\n';
				notice[notice_len] = 0;
			}
		} else {
			memo__lexp_fields f;
			int r = memo__lexp_parse_line(p, ll, &f, &err);
			if (r < 0) {
				fail(name, lineno, "%s", err);
			} else if (r > 0) {
				if (header) {
					header = 0;
					if (!notice ||
					    !ci_contains(notice, "source") ||
					    !ci_contains(notice, "licen"))
						fail(name, lineno, "the '#' "
							"header must name the "
							"source and the "
							"licence");
					if (cls < 0) {
						fail(name, lineno, "no '#! "
							"class=' directive "
							"before the first "
							"entry");
						free(buf);
						return;
					}
					if (g_seen[cls])
						fail(name, lineno, "class %s "
							"already read from %s",
							memo__lexp_class_name(
							(unsigned)cls),
							g_file[cls]);
					g_seen[cls] = 1;
					g_file[cls] = name;
					g_notice[cls] = notice;
					g_defaults[cls] = defs;
				}
				if (memo__lexp_class_needs_repl((unsigned)cls) &&
				    !f.has_repl)
					fail(name, lineno, "entries of class "
						"%s need a replacement column",
						memo__lexp_class_name(
						(unsigned)cls));
				if (g_n == g_cap) {
					g_cap = g_cap ? g_cap * 2 : 1024;
					g_entries = xrealloc(g_entries,
						g_cap * sizeof *g_entries);
				}
				entry *e = &g_entries[g_n++];
				memset(e, 0, sizeof *e);
				e->text = xstrndup(f.text, f.text_len);
				e->key = fold_key(f.text, f.text_len);
				e->repl = f.has_repl ?
					xstrndup(f.repl, f.repl_len) : NULL;
				e->kind = f.has_kind ?
					xstrndup(f.kind, f.kind_len) : NULL;
				e->weight = f.has_weight ? f.weight :
					defs.weight;
				e->ctx = f.has_ctx ? f.ctx : defs.ctx;
				e->infl = f.has_infl ? f.infl : defs.infl;
				e->head = f.has_head ? f.head : defs.head;
				e->flags = (f.stop ? MEMO__LEX_F_STOP : 0) |
					((f.has_infl ? f.noun : defs.noun) ?
					MEMO__LEX_F_NOUN : 0);
				e->cls = (unsigned)cls;
				e->line = lineno;
				for (size_t i = g_n - 1; i-- > 0;) {
					entry *o = &g_entries[i];
					if (o->cls == e->cls &&
					    !strcmp(o->key, e->key)) {
						fail(name, lineno, "duplicate "
							"entry '%s' (line %u)",
							e->text, o->line);
						break;
					}
					if (o->cls != e->cls)
						break;
				}
			}
		}
		p = le + 1;
	}
	if (header)
		fail(name, lineno, "no entries");
	free(buf);
}

static void put_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n\"\n\t\"", out);
		else if (*p < 0x20 || *p >= 0x7f)
			fprintf(out, "\\%03o", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

static void put_float(FILE *out, float w)
{
	/* Exact for the weights the parser accepts, locale-independent. */
	long milli = (long)(w * 1000.0f + 0.5f);
	fprintf(out, "%ld.%03ldf", milli / 1000, milli % 1000);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: memo-lexgen OUT.c FILE...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++)
		read_lexicon(argv[i]);
	for (unsigned c = 0; c < MEMO__LEX_NCLASSES; c++)
		if (!g_seen[c])
			fail("memo-lexgen", 0, "no file for class %s",
				memo__lexp_class_name(c));
	if (!g_irr_notice)
		fail("memo-lexgen", 0, "irregular-verbs.tsv not given");
	if (g_errors) {
		fprintf(stderr, "memo-lexgen: %d error(s)\n", g_errors);
		return 1;
	}

	FILE *out = fopen(argv[1], "wb");
	if (!out) {
		fprintf(stderr, "memo-lexgen: cannot write %s\n", argv[1]);
		return 2;
	}
	fputs("/* Generated by memo-lexgen from data/lexicons: do not edit. */\n"
		"#include \"lex/lexdefs.h\"\n\n"
		"const memo__lex_entry memo__lex_builtin[] = {\n", out);
	for (size_t i = 0; i < g_n; i++) {
		entry *e = &g_entries[i];
		fputs("\t{", out);
		put_str(out, e->text);
		fputs(", ", out);
		put_str(out, e->repl);
		fputs(", ", out);
		put_str(out, e->kind);
		fputs(", ", out);
		put_float(out, e->weight);
		fprintf(out, ", %uu, %uu, %uu, %uu, %uu, %uu},\n", e->cls,
			e->infl, e->head, e->flags, e->ctx, e->line);
	}
	fprintf(out, "};\nconst size_t memo__lex_builtin_count = %zu;\n\n", g_n);

	fputs("const memo__lex_irregular memo__lex_irregulars[] = {\n", out);
	for (size_t i = 0; i < g_nirr; i++) {
		fputs("\t{", out);
		put_str(out, g_irr[i].base);
		fputs(", ", out);
		put_str(out, g_irr[i].past);
		fputs(", ", out);
		put_str(out, g_irr[i].part);
		fputs(", ", out);
		put_str(out, g_irr[i].third);
		fputs("},\n", out);
	}
	fprintf(out, "};\nconst size_t memo__lex_irregular_count = %zu;\n\n",
		g_nirr);
	fputs("const char *const memo__lex_irregular_notice =\n\t", out);
	put_str(out, g_irr_notice);
	fputs(";\n\n", out);

	fputs("const memo__lex_class_info memo__lex_classes["
		"MEMO__LEX_NCLASSES] = {\n", out);
	for (unsigned c = 0; c < MEMO__LEX_NCLASSES; c++) {
		memo__lexp_fields *d = &g_defaults[c];
		fputs("\t{", out);
		put_str(out, g_file[c]);
		fputs(",\n\t", out);
		put_str(out, g_notice[c]);
		fputs(",\n\t", out);
		put_float(out, d->has_weight ? d->weight : 1.0f);
		fprintf(out, ", %uu, %uu, %uu, %uu, {0, 0, 0}},\n", d->ctx,
			d->infl, d->head, d->noun ? 1u : 0u);
	}
	fputs("};\n", out);
	if (fclose(out) != 0) {
		fprintf(stderr, "memo-lexgen: write error on %s\n", argv[1]);
		return 2;
	}
	return 0;
}
