/*
 * md_corpus.c - Markdown acceptance tests over the shared corpus.
 *
 *   md_corpus positions   every .md file under $MEMO_CORPUS/md parses;
 *                         every verbatim span of every text node equals
 *                         the document text it points at; spans tile the
 *                         node text; node ranges nest.
 *   md_corpus pandoc      the heading list (level, text) of each file
 *                         agrees with pandoc 2.17's (-f gfm) reference
 *                         outline in REFERENCE_OUTLINES_pandoc.jsonl for
 *                         at least 97% of the files.
 *   md_corpus speed [N]   parse the whole corpus N times (default 5)
 *                         from memory and print MB/s of CPU time, next
 *                         to md4c alone with no-op callbacks (not a
 *                         test).
 *
 * The corpus is read in place. Without it the tests exit 77 (skipped).
 */
#include <dirent.h>
#include <jansson.h>
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "memo_internal.h"

#define SKIP 77

typedef struct s_file {
	char *path; /* relative to the md folder */
	char *data;
	size_t len;
} s_file;

typedef struct s_list {
	s_file *v;
	size_t n, cap;
} s_list;

static void s_die(const char *what)
{
	perror(what);
	exit(2);
}

static char *s_strdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		s_die("strdup");
	return p;
}

static char *s_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		s_die("malloc");
	size_t r;
	while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				s_die("realloc");
		}
	}
	fclose(f);
	buf[n] = '\0'; /* md4c reads with string functions (n < cap here) */
	*len = n;
	return buf;
}

static bool s_has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Collect every *.md under root/rel, recursively. */
static void s_walk(const char *root, const char *rel, s_list *out)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/%s", root, rel);
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char sub[4096], full[8192];
		snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "",
			e->d_name);
		snprintf(full, sizeof full, "%s/%s", root, sub);
		struct stat st;
		if (stat(full, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			s_walk(root, sub, out);
		} else if (S_ISREG(st.st_mode) && s_has_suffix(sub, ".md")) {
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 256;
				out->v = realloc(out->v, out->cap * sizeof *out->v);
				if (!out->v)
					s_die("realloc");
			}
			out->v[out->n].path = s_strdup(sub);
			out->v[out->n].data = NULL;
			out->v[out->n].len = 0;
			out->n++;
		}
	}
	closedir(d);
}

static int s_cmp_file(const void *a, const void *b)
{
	return strcmp(((const s_file *)a)->path, ((const s_file *)b)->path);
}

static const char *s_md_dir(void)
{
	static char dir[4096];
	const char *c = getenv("MEMO_CORPUS");
	struct stat st;
	if (!c || !*c) {
		printf("SKIP: MEMO_CORPUS is not set; the Markdown corpus "
		       "tests need the shared corpus\n");
		exit(SKIP);
	}
	snprintf(dir, sizeof dir, "%s/md", c);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("SKIP: no Markdown corpus at %s\n", dir);
		exit(SKIP);
	}
	return dir;
}

static void s_load_all(const char *dir, s_list *files)
{
	s_walk(dir, "", files);
	qsort(files->v, files->n, sizeof *files->v, s_cmp_file);
	for (size_t i = 0; i < files->n; i++) {
		char full[8192];
		snprintf(full, sizeof full, "%s/%s", dir, files->v[i].path);
		files->v[i].data = s_read(full, &files->v[i].len);
		if (!files->v[i].data)
			s_die(full);
	}
}

/* ---- positions ------------------------------------------------------ */

typedef struct s_stats {
	size_t nodes, text_nodes, spans, verbatim, failures;
} s_stats;

static void s_fail(s_stats *st, const char *path, const memo_node *n,
	const char *what)
{
	if (st->failures++ < 30)
		printf("FAIL %s: %s node [%llu, %llu): %s\n", path,
			memo_node_type_name(memo_node_type(n)),
			(unsigned long long)n->start,
			(unsigned long long)n->end, what);
}

static void s_check_tree(const memo_document *doc, const memo_node *root,
	const char *path, s_stats *st)
{
	const char *text = doc->text;
	uint64_t tlen = doc->text_len;
	memo_iter *it;
	if (memo_iter_new(&it, root, MEMO_ITER_ALL) != MEMO_OK)
		s_die("memo_iter_new");
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev != MEMO_EVENT_ENTER)
			continue;
		const memo_node *n = memo_iter_node(it);
		st->nodes++;
		if (n->start > n->end || n->end > tlen)
			s_fail(st, path, n, "range out of order or past the text");
		const memo_node *p = n->parent;
		if (p && (n->start < p->start || n->end > p->end))
			s_fail(st, path, n, "range outside its parent's");
		size_t len;
		const char *nt = memo_node_text(n, &len);
		if (!nt)
			continue;
		st->text_nodes++;
		uint64_t at = 0;
		size_t ns = memo_node_span_count(n);
		for (size_t i = 0; i < ns; i++) {
			memo_span sp;
			if (memo_node_span_at(n, i, &sp) != MEMO_OK)
				s_fail(st, path, n, "span_at failed");
			st->spans++;
			if (sp.text_offset != at)
				s_fail(st, path, n, "spans leave a gap");
			at = sp.text_offset + sp.length;
			if (at > len || sp.doc_offset + sp.doc_length > tlen) {
				s_fail(st, path, n, "span past the text");
				continue;
			}
			if (sp.doc_offset < n->start ||
			    sp.doc_offset + sp.doc_length > n->end)
				s_fail(st, path, n, "span outside the node");
			if (sp.verbatim) {
				st->verbatim++;
				if (sp.length != sp.doc_length ||
				    memcmp(text + sp.doc_offset,
				           nt + sp.text_offset,
				           (size_t)sp.length) != 0) {
					char msg[160];
					snprintf(msg, sizeof msg, "verbatim span "
						"%zu (doc %llu, %llu bytes) differs",
						i, (unsigned long long)sp.doc_offset,
						(unsigned long long)sp.length);
					s_fail(st, path, n, msg);
				}
			}
		}
		if (at != len)
			s_fail(st, path, n, "spans do not cover the text");
	}
	memo_iter_free(it);
}

static int s_positions(const char *dir)
{
	s_list files = { 0 };
	s_stats st = { 0 };
	size_t parsed = 0, errors = 0;
	s_load_all(dir, &files);
	for (size_t i = 0; i < files.n; i++) {
		memo_document *doc;
		int rc = memo_document_parse(&doc, files.v[i].data,
			files.v[i].len, files.v[i].path, NULL);
		if (rc != MEMO_OK) {
			errors++;
			printf("FAIL %s: %s\n", files.v[i].path,
				memo_error_message(memo_error_last()));
			continue;
		}
		parsed++;
		s_check_tree(doc, memo_document_root(doc), files.v[i].path,
			&st);
		if (memo_document_notes(doc))
			s_check_tree(doc, memo_document_notes(doc),
				files.v[i].path, &st);
		memo_document_free(doc);
		free(files.v[i].data);
		free(files.v[i].path);
	}
	free(files.v);
	printf("positions: %zu files parsed, %zu errors; %zu nodes, "
	       "%zu text nodes, %zu spans (%zu verbatim) checked; "
	       "%zu failures\n", parsed, errors, st.nodes, st.text_nodes,
	       st.spans, st.verbatim, st.failures);
	return errors || st.failures || parsed == 0 ? 1 : 0;
}

/* ---- agreement with pandoc ------------------------------------------ */

/* Collapse runs of whitespace (ASCII, and U+00A0 which pandoc reads as
 * a space) into one space; trim. */
static char *s_norm(const char *s, size_t n)
{
	char *o = malloc(n + 1);
	size_t k = 0;
	bool sp = false;
	if (!o)
		s_die("malloc");
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			sp = k > 0;
			continue;
		}
		if ((unsigned char)c == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) {
			i++;
			sp = k > 0;
			continue;
		}
		if (sp)
			o[k++] = ' ';
		sp = false;
		o[k++] = c;
	}
	o[k] = '\0';
	return o;
}

/* A copy of s without raw HTML: comments and tags ("<a name=x>",
 * "</a>", "<br/>"). Used on both sides for an informational figure
 * only: pandoc's reference keeps raw HTML in heading text, libmemo's
 * text never has it. */
static char *s_strip_html(const char *s)
{
	size_t n = strlen(s), k = 0;
	char *o = malloc(n + 1);
	if (!o)
		s_die("malloc");
	for (size_t i = 0; i < n;) {
		if (strncmp(s + i, "<!--", 4) == 0) {
			const char *e = strstr(s + i + 4, "-->");
			if (e) {
				i = (size_t)(e - s) + 3;
				continue;
			}
		}
		if (s[i] == '<') {
			size_t j = i + 1;
			if (s[j] == '/')
				j++;
			if ((s[j] >= 'a' && s[j] <= 'z') ||
			    (s[j] >= 'A' && s[j] <= 'Z')) {
				const char *e = strchr(s + j, '>');
				if (e) {
					i = (size_t)(e - s) + 1;
					continue;
				}
			}
		}
		o[k++] = s[i++];
	}
	o[k] = '\0';
	char *r = s_norm(o, k);
	free(o);
	return r;
}

typedef struct s_heading {
	int level;
	char *text;
} s_heading;

static size_t s_our_headings(const memo_document *doc, s_heading **out)
{
	size_t n = 0, cap = 16;
	s_heading *v = malloc(cap * sizeof *v);
	memo_iter *it;
	if (!v || memo_iter_new(&it, memo_document_root(doc),
	                        MEMO_ITER_ONLY(MEMO_NODE_HEADING)) != MEMO_OK)
		s_die("headings");
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev != MEMO_EVENT_ENTER)
			continue;
		const memo_node *h = memo_iter_node(it);
		size_t len;
		const char *t = memo_node_text(h, &len);
		if (n == cap) {
			cap *= 2;
			v = realloc(v, cap * sizeof *v);
			if (!v)
				s_die("realloc");
		}
		v[n].level = memo_node_level(h);
		v[n].text = s_norm(t ? t : "", t ? len : 0);
		n++;
	}
	memo_iter_free(it);
	*out = v;
	return n;
}

static void s_free_headings(s_heading *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

static int s_pandoc(const char *dir)
{
	char path[8192];
	snprintf(path, sizeof path, "%s/REFERENCE_OUTLINES_pandoc.jsonl", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("SKIP: no %s\n", path);
		return SKIP;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	size_t rows = 0, agree = 0, agree_nohtml = 0, shown = 0, missing = 0;
	size_t h_ours = 0, h_theirs = 0, h_match = 0;
	const char *show_env = getenv("MEMO_MD_SHOW_DIFFS");
	size_t show = show_env ? (size_t)strtoul(show_env, NULL, 10) : 20;
	while ((got = getline(&line, &cap, f)) > 0) {
		json_error_t jerr;
		json_t *row = json_loads(line, 0, &jerr);
		if (!row) {
			printf("FAIL: bad JSON line: %s\n", jerr.text);
			return 1;
		}
		if (!json_is_true(json_object_get(row, "ok"))) {
			json_decref(row);
			continue;
		}
		const char *rel = json_string_value(json_object_get(row,
			"path"));
		json_t *hs = json_object_get(row, "headings");
		char full[8192];
		snprintf(full, sizeof full, "%s/%s", dir, rel ? rel : "");
		size_t len;
		char *data = rel ? s_read(full, &len) : NULL;
		if (!data || !json_is_array(hs)) {
			missing++;
			json_decref(row);
			free(data);
			continue;
		}
		rows++;
		memo_document *doc;
		int rc = memo_document_parse(&doc, data, len, rel, NULL);
		free(data);
		if (rc != MEMO_OK) {
			printf("FAIL %s: %s\n", rel,
				memo_error_message(memo_error_last()));
			json_decref(row);
			continue;
		}
		s_heading *ours;
		size_t nours = s_our_headings(doc, &ours);
		size_t ntheirs = json_array_size(hs);
		h_ours += nours;
		h_theirs += ntheirs;
		size_t first_diff = (size_t)-1;
		bool same_nohtml = nours == ntheirs;
		for (size_t i = 0; i < nours || i < ntheirs; i++) {
			bool same = false;
			if (i < nours && i < ntheirs) {
				json_t *h = json_array_get(hs, i);
				int lv = (int)json_integer_value(
					json_array_get(h, 0));
				const char *ht = json_string_value(
					json_array_get(h, 1));
				char *nt = s_norm(ht ? ht : "",
					ht ? strlen(ht) : 0);
				same = lv == ours[i].level &&
				       strcmp(nt, ours[i].text) == 0;
				if (!same && same_nohtml) {
					char *a = s_strip_html(nt);
					char *b = s_strip_html(ours[i].text);
					same_nohtml = lv == ours[i].level &&
						strcmp(a, b) == 0;
					free(a);
					free(b);
				}
				free(nt);
				if (same)
					h_match++;
			}
			if (!same && first_diff == (size_t)-1)
				first_diff = i;
		}
		if (same_nohtml)
			agree_nohtml++;
		if (first_diff == (size_t)-1) {
			agree++;
		} else if (shown < show) {
			size_t i = first_diff;
			shown++;
			printf("DIFF %s (%zu ours, %zu pandoc) at heading %zu:\n",
				rel, nours, ntheirs, i + 1);
			if (i < nours)
				printf("    libmemo: [%d] %s\n", ours[i].level,
					ours[i].text);
			else
				printf("    libmemo: (none)\n");
			if (i < ntheirs) {
				json_t *h = json_array_get(hs, i);
				printf("    pandoc:  [%d] %s\n",
					(int)json_integer_value(
						json_array_get(h, 0)),
					json_string_value(json_array_get(h, 1)));
			} else {
				printf("    pandoc:  (none)\n");
			}
		}
		s_free_headings(ours, nours);
		memo_document_free(doc);
		json_decref(row);
	}
	free(line);
	fclose(f);
	double pct = rows ? 100.0 * (double)agree / (double)rows : 0.0;
	printf("pandoc: %zu of %zu files have the same heading list "
	       "(%.2f%%; target 97%%); %zu missing files; headings: "
	       "%zu libmemo, %zu pandoc, %zu matched in place\n",
	       agree, rows, pct, missing, h_ours, h_theirs, h_match);
	printf("pandoc (information only): %zu of %zu files agree when raw "
	       "HTML is left out of both sides' heading text (%.2f%%)\n",
	       agree_nohtml, rows,
	       rows ? 100.0 * (double)agree_nohtml / (double)rows : 0.0);
	return rows > 0 && pct >= 97.0 ? 0 : 1;
}

/* ---- speed ---------------------------------------------------------- */

static int s_null_block(MD_BLOCKTYPE t, void *d, void *u)
{
	(void)t;
	(void)d;
	(void)u;
	return 0;
}

static int s_null_span(MD_SPANTYPE t, void *d, void *u)
{
	(void)t;
	(void)d;
	(void)u;
	return 0;
}

static int s_null_text(MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u)
{
	(void)t;
	(void)s;
	*(size_t *)u += n;
	return 0;
}

/* CPU time of this thread: on a busy machine wall time would count the
 * time spent waiting for a core. */
static double s_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int s_speed(const char *dir, int rounds)
{
	s_list files = { 0 };
	size_t bytes = 0;
	s_load_all(dir, &files);
	for (size_t i = 0; i < files.n; i++)
		bytes += files.v[i].len;
	/* Alternate the two measures so that both see the same load. */
	MD_PARSER p;
	memset(&p, 0, sizeof p);
	p.flags = MD_DIALECT_GITHUB;
	p.enter_block = s_null_block;
	p.leave_block = s_null_block;
	p.enter_span = s_null_span;
	p.leave_span = s_null_span;
	p.text = s_null_text;
	double best = 1e30, best_md4c = 1e30;
	size_t sink = 0;
	for (int r = 0; r < rounds; r++) {
		double a = s_clock();
		for (size_t i = 0; i < files.n; i++)
			md_parse(files.v[i].data, (MD_SIZE)files.v[i].len, &p,
				&sink);
		double b = s_clock();
		for (size_t i = 0; i < files.n; i++) {
			memo_document *doc;
			if (memo_document_parse(&doc, files.v[i].data,
			        files.v[i].len, files.v[i].path, NULL) != 0)
				return 1;
			memo_document_free(doc);
		}
		double c = s_clock();
		if (b - a < best_md4c)
			best_md4c = b - a;
		if (c - b < best)
			best = c - b;
	}
	printf("speed: %zu files, %.1f MB, best of %d: libmemo %.3f s = "
	       "%.1f MB/s; md4c alone (no-op callbacks) %.3f s = %.1f MB/s; "
	       "libmemo/md4c time %.2f\n", files.n, (double)bytes / 1e6,
	       rounds, best, (double)bytes / 1e6 / best, best_md4c,
	       (double)bytes / 1e6 / best_md4c, best / best_md4c);
	for (size_t i = 0; i < files.n; i++) {
		free(files.v[i].data);
		free(files.v[i].path);
	}
	free(files.v);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s positions|pandoc|speed [rounds]\n",
			argv[0]);
		return 2;
	}
	const char *dir = s_md_dir();
	if (strcmp(argv[1], "positions") == 0)
		return s_positions(dir);
	if (strcmp(argv[1], "pandoc") == 0)
		return s_pandoc(dir);
	if (strcmp(argv[1], "speed") == 0)
		return s_speed(dir, argc > 2 ? atoi(argv[2]) : 5);
	fprintf(stderr, "unknown mode %s\n", argv[1]);
	return 2;
}
