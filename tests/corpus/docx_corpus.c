/*
 * docx_corpus.c - .docx acceptance tests over the shared corpus, read in
 * place from $MEMO_CORPUS (never copied into the repository).
 *
 *   docx_corpus robustness  every .docx/.docm/.dotx/.dotm under docx/ and
 *                           every path of docx/ROBUSTNESS_CASES.tsv gives
 *                           a tree or a clean error; prints the error
 *                           kinds with their counts.
 *   docx_corpus pandoc      the heading outline (level, text) of each file
 *                           that pandoc read (REFERENCE_OUTLINES_pandoc.
 *                           jsonl, ok = true) equals pandoc's; >= 95%.
 *   docx_corpus parity      each docx under docx/derived-pandoc-from-md
 *                           against its Markdown source: same section
 *                           titles and paragraph texts; >= 98% of pairs.
 *
 * Exit 77 (skipped) without a corpus; "parity" also exits 77 when the
 * Markdown front end is not built yet.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>
#include <md4c.h>

#include "memo.h"

#define SKIP 77

static const char *s_corpus;

/* ---- small utilities ------------------------------------------------ */

typedef struct strv {
	char **v;
	size_t n, cap;
} strv;

static void strv_push(strv *s, const char *x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			abort();
	}
	s->v[s->n++] = strdup(x);
}

static void strv_free(strv *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

static int s_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool s_ends_with(const char *s, const char *e)
{
	size_t n = strlen(s), m = strlen(e);
	return n >= m && strcasecmp(s + n - m, e) == 0;
}

static void s_walk_dir(const char *dir, strv *out)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && (e->d_name[1] == '\0' ||
		    (e->d_name[1] == '.' && e->d_name[2] == '\0')))
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			s_walk_dir(path, out);
		else if (S_ISREG(st.st_mode) &&
		         (s_ends_with(path, ".docx") ||
		          s_ends_with(path, ".docm") ||
		          s_ends_with(path, ".dotx") ||
		          s_ends_with(path, ".dotm")))
			strv_push(out, path);
	}
	closedir(d);
}

static bool s_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static double s_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Check the document's invariants: every text node's spans are verbatim
 * copies of the document text. Returns false on a violation. */
static bool s_check_doc(const memo_document *doc, const memo_node *root)
{
	size_t tlen;
	const char *text = memo_document_text(doc, &tlen);
	memo_iter *it;
	bool ok = true;
	if (!root)
		return true;
	if (memo_iter_new(&it, root, 0) != MEMO_OK)
		return false;
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE && ok) {
		if (ev != MEMO_EVENT_ENTER)
			continue;
		const memo_node *n = memo_iter_node(it);
		size_t nlen;
		const char *nt = memo_node_text(n, &nlen);
		memo_range r;
		memo_node_range(n, &r);
		if (r.end.offset > tlen || r.start.offset > r.end.offset)
			ok = false;
		if (!nt)
			continue;
		for (size_t i = 0; i < memo_node_span_count(n) && ok; i++) {
			memo_span sp;
			if (memo_node_span_at(n, i, &sp) != MEMO_OK ||
			    sp.doc_offset + sp.length > tlen ||
			    sp.text_offset + sp.length > nlen ||
			    (sp.verbatim && memcmp(text + sp.doc_offset,
				    nt + sp.text_offset, sp.length) != 0))
				ok = false;
		}
	}
	memo_iter_free(it);
	return ok;
}

/* ---- robustness ----------------------------------------------------- */

typedef struct kind_count {
	int status;
	size_t n;
	char example[600];
} kind_count;

static int s_robustness(void)
{
	char dir[4096], tsv[4096];
	strv files = { 0 };
	size_t listed = 0, listed_missing = 0;

	snprintf(dir, sizeof dir, "%s/docx", s_corpus);
	s_walk_dir(dir, &files);
	snprintf(tsv, sizeof tsv, "%s/docx/ROBUSTNESS_CASES.tsv", s_corpus);
	FILE *f = fopen(tsv, "r");
	if (f) {
		char line[8192];
		bool header = true;
		while (fgets(line, sizeof line, f)) {
			if (header) {
				header = false;
				continue;
			}
			char *tab = strchr(line, '\t');
			if (tab)
				*tab = '\0';
			line[strcspn(line, "\r\n")] = '\0';
			if (!line[0])
				continue;
			char path[8192 + 64];
			snprintf(path, sizeof path, "%s/docx/%s", s_corpus,
				line);
			listed++;
			if (!s_exists(path)) {
				/* held back for judging: not in this copy */
				listed_missing++;
				continue;
			}
			strv_push(&files, path);
		}
		fclose(f);
	}
	qsort(files.v, files.n, sizeof *files.v, s_cmp_str);
	/* the listed cases are also under docx/: count each file once */
	size_t w = 0;
	for (size_t i = 0; i < files.n; i++) {
		if (w && strcmp(files.v[w - 1], files.v[i]) == 0) {
			free(files.v[i]);
			continue;
		}
		files.v[w++] = files.v[i];
	}
	files.n = w;

	kind_count kinds[16];
	size_t nkinds = 0, bad = 0;
	double total = 0, worst = 0;
	const char *worst_path = "";
	for (size_t i = 0; i < files.n; i++) {
		memo_document *doc = NULL;
		double t0 = s_now();
		int rc = memo_document_parse_file(&doc, files.v[i], NULL);
		double dt = s_now() - t0;
		total += dt;
		if (dt > worst) {
			worst = dt;
			worst_path = files.v[i];
		}
		const char *msg = rc ? memo_error_message(memo_error_last()) :
			"";
		bool clean = true;
		if (rc == MEMO_OK) {
			if (!s_check_doc(doc, memo_document_root(doc)) ||
			    !s_check_doc(doc, memo_document_notes(doc))) {
				clean = false;
				msg = "document invariants violated";
			}
		} else if (rc == MEMO_ERROR || rc == MEMO_EINVALID ||
		           rc == MEMO_ENOMEM || !msg[0] ||
		           !strstr(msg, strrchr(files.v[i], '/') + 1)) {
			/* an unclassified or unexplained failure */
			clean = false;
		}
		if (!clean) {
			bad++;
			printf("NOT CLEAN %s: %s: %s\n", files.v[i],
				memo_status_str(rc), msg);
		}
		size_t k;
		for (k = 0; k < nkinds && kinds[k].status != rc; k++)
			;
		if (k == nkinds && nkinds < 16) {
			kinds[nkinds].status = rc;
			kinds[nkinds].n = 0;
			snprintf(kinds[nkinds].example,
				sizeof kinds[nkinds].example, "%s", msg);
			nkinds++;
		}
		if (k < nkinds)
			kinds[k].n++;
		if (rc && getenv("MEMO_VERBOSE"))
			printf("%-18s %s\n", memo_status_str(rc), msg);
		memo_document_free(doc);
	}
	printf("\ndocx robustness: %zu files (%zu listed cases, %zu of them "
		"held back)\n", files.n, listed, listed_missing);
	printf("%-20s %6s  example\n", "result", "files");
	for (size_t k = 0; k < nkinds; k++)
		printf("%-20s %6zu  %.100s\n", memo_status_str(kinds[k].status),
			kinds[k].n, kinds[k].example);
	printf("total parse time %.2f s; slowest %.3f s (%s)\n", total, worst,
		worst_path);
	strv_free(&files);
	if (bad) {
		printf("FAIL: %zu files without a tree or a clean error\n", bad);
		return 1;
	}
	return 0;
}

/* ---- pandoc outlines ------------------------------------------------ */

/* Length of a Unicode whitespace character at s (Python's str.split()
 * set), or 0. */
static size_t s_space(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || (s[0] >= 0x09 && s[0] <= 0x0D) ||
	               (s[0] >= 0x1C && s[0] <= 0x1F)))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && (s[1] == 0x85 || s[1] == 0xA0))
		return 2;
	if (n >= 3 && s[0] == 0xE1 && s[1] == 0x9A && s[2] == 0x80)
		return 3;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] <= 0x8A || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
		return 3;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
		return 3;
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

/* Collapse whitespace runs to one space and trim; malloc'd. */
static char *s_norm(const char *in, size_t n)
{
	char *out = malloc(n + 1);
	size_t o = 0;
	bool space = false;
	const unsigned char *s = (const unsigned char *)in;
	for (size_t i = 0; i < n;) {
		size_t k = s_space(s + i, n - i);
		if (k) {
			space = o > 0;
			i += k;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = false;
		out[o++] = (char)s[i++];
	}
	out[o] = '\0';
	return out;
}

static void s_outline(const memo_document *doc, strv *out)
{
	memo_iter *it;
	if (memo_iter_new(&it, memo_document_root(doc),
		    MEMO_ITER_ONLY(MEMO_NODE_HEADING)) != MEMO_OK)
		return;
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev != MEMO_EVENT_ENTER)
			continue;
		const memo_node *h = memo_iter_node(it);
		size_t len;
		const char *t = memo_node_title(h, &len);
		char *n = s_norm(t ? t : "", t ? len : 0);
		char buf[2048];
		snprintf(buf, sizeof buf, "%d:%s", memo_node_level(h), n);
		free(n);
		strv_push(out, buf);
	}
	memo_iter_free(it);
}

static void s_print_outline(const char *label, const strv *o)
{
	printf("    %s (%zu):", label, o->n);
	for (size_t i = 0; i < o->n && i < 12; i++)
		printf(" [%s]", o->v[i]);
	if (o->n > 12)
		printf(" ...");
	printf("\n");
}

static int s_pandoc(void)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/docx/REFERENCE_OUTLINES_pandoc.jsonl",
		s_corpus);
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("no %s\n", path);
		return SKIP;
	}
	size_t rows = 0, equal = 0, missing = 0, failed = 0;
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, f) > 0) {
		json_error_t je;
		json_t *row = json_loads(line, 0, &je);
		if (!row)
			continue;
		json_t *ok = json_object_get(row, "ok");
		const char *rel = json_string_value(json_object_get(row,
			"path"));
		if (!json_is_true(ok) || !rel) {
			json_decref(row);
			continue;
		}
		char file[8192];
		snprintf(file, sizeof file, "%s/docx/%s", s_corpus, rel);
		if (!s_exists(file)) {
			missing++;
			json_decref(row);
			continue;
		}
		rows++;
		strv want = { 0 }, got = { 0 };
		json_t *hs = json_object_get(row, "headings");
		for (size_t i = 0; i < json_array_size(hs); i++) {
			json_t *h = json_array_get(hs, i);
			const char *t = json_string_value(json_array_get(h, 1));
			char *n = s_norm(t ? t : "", t ? strlen(t) : 0);
			char buf[2048];
			snprintf(buf, sizeof buf, "%d:%s",
				(int)json_integer_value(json_array_get(h, 0)),
				n);
			free(n);
			strv_push(&want, buf);
		}
		memo_document *doc = NULL;
		int rc = memo_document_parse_file(&doc, file, NULL);
		if (rc != MEMO_OK) {
			failed++;
			printf("DIFF %s: libmemo failed: %s\n", rel,
				memo_error_message(memo_error_last()));
		} else {
			s_outline(doc, &got);
			bool same = want.n == got.n;
			for (size_t i = 0; same && i < want.n; i++)
				same = strcmp(want.v[i], got.v[i]) == 0;
			if (same) {
				equal++;
			} else {
				size_t k = 0;
				while (k < want.n && k < got.n &&
				       strcmp(want.v[k], got.v[k]) == 0)
					k++;
				printf("DIFF %s\n  first difference at heading "
					"#%zu: pandoc [%s], libmemo [%s]\n", rel,
					k, k < want.n ? want.v[k] : "(end)",
					k < got.n ? got.v[k] : "(end)");
				s_print_outline("pandoc ", &want);
				s_print_outline("libmemo", &got);
			}
		}
		memo_document_free(doc);
		strv_free(&want);
		strv_free(&got);
		json_decref(row);
	}
	free(line);
	fclose(f);
	double pct = rows ? 100.0 * (double)equal / (double)rows : 0;
	printf("\ndocx outline agreement with pandoc: %zu / %zu = %.2f%% "
		"(target >= 95%%); %zu libmemo failures; %zu rows not in this "
		"copy of the corpus\n", equal, rows, pct, failed, missing);
	return rows && pct >= 95.0 ? 0 : 1;
}

/* ---- Markdown / docx parity ----------------------------------------- */

/* The texts a document is compared on: section titles and paragraph
 * texts, whitespace normalized, code excluded. Markdown paragraphs in
 * lists, quotes and table cells are paragraphs in the docx too (pandoc
 * writes one w:p per block), so every text node counts, wherever it
 * sits; tables' cells are text nodes on both sides. The items are kept in
 * document order, each prefixed with 'T' (title) or 'P' (paragraph). */
static void s_items(const memo_document *doc, strv *items)
{
	memo_iter *it;
	if (memo_iter_new(&it, memo_document_root(doc), 0) != MEMO_OK)
		return;
	memo_event_t ev;
	while ((ev = memo_iter_next(it)) != MEMO_EVENT_DONE) {
		if (ev != MEMO_EVENT_ENTER)
			continue;
		const memo_node *n = memo_iter_node(it);
		memo_node_type_t t = memo_node_type(n);
		if (t != MEMO_NODE_HEADING && t != MEMO_NODE_PARAGRAPH)
			continue;
		size_t len;
		const char *s = memo_node_text(n, &len);
		char *norm = s_norm(s ? s : "", s ? len : 0);
		char *item = malloc(strlen(norm) + 2);
		item[0] = t == MEMO_NODE_HEADING ? 'T' : 'P';
		strcpy(item + 1, norm);
		strv_push(items, item);
		free(item);
		free(norm);
	}
	memo_iter_free(it);
}

/* Titles and non-empty paragraphs of the items. */
static void s_split(const strv *items, strv *titles, strv *paras)
{
	for (size_t i = 0; i < items->n; i++) {
		const char *x = items->v[i];
		if (x[0] == 'T')
			strv_push(titles, x + 1);
		else if (x[1])
			strv_push(paras, x + 1);
	}
}

static void s_texts(const memo_document *doc, strv *titles, strv *paras)
{
	strv items = { 0 };
	s_items(doc, &items);
	s_split(&items, titles, paras);
	strv_free(&items);
}

/* ---- images the converter could not fetch --------------------------- */

/*
 * Both front ends skip images: an image is not prose, and neither its alt
 * text nor its picture is text. But pandoc's docx writer embeds an image
 * only when it can fetch the file; otherwise it writes the image's
 * description (its alt text) as text in its place ("Could not fetch
 * resource ...: replacing image with description"). The image files were
 * not beside the Markdown when the corpus's docx files were made for some
 * sets, so those docx files hold the alt texts as text, and their
 * paragraphs are not the Markdown's paragraphs.
 *
 * When the docx embeds no image at all (no parse.skipped-content warning)
 * while the Markdown has images, the comparison undoes the converter's
 * substitution: each image's description, in order, is removed from the
 * first docx item at or after the previous one that holds it (a paragraph
 * left empty goes). A removal in the wrong place leaves the pair unequal,
 * so this can make a pair equal only where the substitution explains the
 * difference. Images are listed by md4c's own reading of the Markdown.
 */
typedef struct s_image {
	char kind;      /* 'T' in a heading, else 'P' */
	char *with;     /* its block's text with image descriptions */
	char *without;  /* and without them, as the front ends read it */
} s_image;

typedef struct s_images {
	s_image *v;
	size_t n, cap;
} s_images;

typedef struct s_alt {
	s_images *imgs;
	int depth;
	size_t nimg;     /* images in the block */
	bool heading;    /* in a heading */
	char with[16384];
	size_t nwith;
	char without[16384];
	size_t nwithout;
} s_alt;

/* A block ends: record it if it held images. */
static int s_alt_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	s_alt *a = ud;
	(void)detail;
	if (a->nimg && a->depth == 0) {
		s_images *im = a->imgs;
		if (im->n == im->cap) {
			im->cap = im->cap ? im->cap * 2 : 16;
			im->v = realloc(im->v, im->cap * sizeof *im->v);
			if (!im->v)
				abort();
		}
		/* only a heading's end ends a heading's text */
		im->v[im->n].kind = type == MD_BLOCK_H && a->heading ? 'T' : 'P';
		im->v[im->n].with = s_norm(a->with, a->nwith);
		im->v[im->n].without = s_norm(a->without, a->nwithout);
		im->n++;
	}
	a->nimg = a->nwith = a->nwithout = 0;
	a->heading = type == MD_BLOCK_H && !a->heading;
	return 0;
}

static int s_alt_enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	s_alt *a = ud;
	(void)detail;
	if (type == MD_SPAN_IMG && a->depth++ == 0)
		a->nimg++;
	return 0;
}

static int s_alt_leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	s_alt *a = ud;
	(void)detail;
	if (type == MD_SPAN_IMG && a->depth > 0)
		a->depth--;
	return 0;
}

static void s_alt_add(char *buf, size_t cap, size_t *n, const char *s,
	size_t k)
{
	if (*n + k < cap) {
		memcpy(buf + *n, s, k);
		*n += k;
	}
}

static int s_alt_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size,
	void *ud)
{
	s_alt *a = ud;
	if (type == MD_TEXT_HTML)
		return 0;
	if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) {
		text = " ";
		size = 1;
	}
	s_alt_add(a->with, sizeof a->with, &a->nwith, text, size);
	if (!a->depth)
		s_alt_add(a->without, sizeof a->without, &a->nwithout, text,
			size);
	return 0;
}

/* The blocks of the Markdown that hold images, in document order
 * (md4c's reading). */
static void s_md_images(const char *md, size_t len, s_images *imgs)
{
	s_alt *a = calloc(1, sizeof *a);
	a->imgs = imgs;
	MD_PARSER p;
	memset(&p, 0, sizeof p);
	p.flags = MD_DIALECT_GITHUB;
	p.enter_block = s_alt_block;
	p.leave_block = s_alt_block;
	p.enter_span = s_alt_enter_span;
	p.leave_span = s_alt_leave_span;
	p.text = s_alt_text;
	md_parse(md, (MD_SIZE)len, &p, a);
	free(a);
}

static void s_images_free(s_images *im)
{
	for (size_t i = 0; i < im->n; i++) {
		free(im->v[i].with);
		free(im->v[i].without);
	}
	free(im->v);
	memset(im, 0, sizeof *im);
}

static bool s_has_warning(const memo_document *doc, const char *rule)
{
	for (size_t i = 0; i < memo_document_warning_count(doc); i++)
		if (strcmp(memo_finding_rule_id(memo_document_warning_at(doc, i)),
		           rule) == 0)
			return true;
	return false;
}

/* Undo the converter's image descriptions in the docx items: each block
 * of the Markdown that holds images, in order, must be a docx item whose
 * text is the block's text with the descriptions; it becomes the text
 * without them (a paragraph left empty goes). Returns how many blocks
 * were found. */
static size_t s_undo_descriptions(strv *items, const s_images *imgs)
{
	size_t at = 0, found = 0;
	for (size_t k = 0; k < imgs->n; k++) {
		const s_image *im = &imgs->v[k];
		if (strcmp(im->with, im->without) == 0)
			continue;  /* images with no description */
		for (size_t i = at; i < items->n; i++) {
			char *x = items->v[i];
			if (x[0] != im->kind || strcmp(x + 1, im->with) != 0)
				continue;
			if (x[0] == 'P' && !im->without[0]) {
				free(x);
				memmove(items->v + i, items->v + i + 1,
					(items->n - i - 1) * sizeof *items->v);
				items->n--;
			} else {
				strcpy(x + 1, im->without);
			}
			at = i;
			found++;
			break;
		}
	}
	return found;
}

static bool s_read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	size_t k;
	while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	/* md4c reads with string functions: keep the buffer terminated
	 * (the loop leaves n < cap) */
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return true;
}

/* docx/derived-pandoc-from-md/<set>/<a>__<b>.docx was made from
 * md/<set>/<a>/<b>.md: every "/" of the path under <set> became "__". A
 * name that itself holds "__" is found by trying each "__" both ways. */
static bool s_md_source(const char *set, const char *stem, char *out,
	size_t cap)
{
	size_t n = strlen(stem);
	size_t pos[32], npos = 0;
	for (size_t i = 0; i + 1 < n && npos < 32; i++) {
		if (stem[i] == '_' && stem[i + 1] == '_') {
			pos[npos++] = i;
			i++;
		}
	}
	if (npos > 12)
		npos = 12;
	/* most slashes first: the usual case is every "__" a "/" */
	for (unsigned long mask = (1ul << npos); mask-- > 0;) {
		char rel[4096];
		size_t o = 0, p = 0;
		for (size_t i = 0; i < n && o + 2 < sizeof rel;) {
			if (p < npos && i == pos[p]) {
				if (mask & (1ul << p)) {
					rel[o++] = '/';
				} else {
					rel[o++] = '_';
					rel[o++] = '_';
				}
				i += 2;
				p++;
			} else {
				rel[o++] = stem[i++];
			}
		}
		rel[o] = '\0';
		snprintf(out, cap, "%s/md/%s/%s.md", s_corpus, set, rel);
		if (s_exists(out))
			return true;
	}
	return false;
}

/* The YAML front matter of a Markdown file as one whitespace-normalized
 * line ("key: value key2: value2"), or NULL when there is none. pandoc's
 * gfm reader has no front matter: it reads the block as a thematic break
 * and a setext heading (or a paragraph), so the docx made from it starts
 * with that text, while the Markdown front end leaves front matter out
 * of the prose. */
static char *s_front_matter(const char *md, size_t len)
{
	if (len < 4 || strncmp(md, "---", 3) != 0 ||
	    (md[3] != '\n' && md[3] != '\r'))
		return NULL;
	const char *p = strchr(md, '\n');
	if (!p)
		return NULL;
	const char *body = ++p;
	while (p < md + len) {
		const char *eol = memchr(p, '\n', (size_t)(md + len - p));
		size_t n = eol ? (size_t)(eol - p) : (size_t)(md + len - p);
		if (n && p[n - 1] == '\r')
			n--;
		if ((n == 3 && (strncmp(p, "---", 3) == 0 ||
		                strncmp(p, "...", 3) == 0))) {
			/* Render it as Markdown, as the converter did
			 * ("[#335](url)" shows as "#335"). */
			memo_parse_options o = MEMO_PARSE_OPTIONS_INIT;
			o.format = MEMO_FORMAT_MARKDOWN;
			memo_document *d = NULL;
			size_t blen = (size_t)(p - body);
			if (memo_document_parse(&d, body, blen, "fm.md", &o))
				return s_norm(body, blen);
			strv t = { 0 }, q = { 0 };
			s_texts(d, &t, &q);
			memo_document_free(d);
			char *all = calloc(1, blen * 2 + 2);
			for (size_t i = 0; i < t.n + q.n; i++) {
				if (all[0])
					strcat(all, " ");
				strcat(all, i < t.n ? t.v[i] : q.v[i - t.n]);
			}
			strv_free(&t);
			strv_free(&q);
			return all;
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	return NULL;
}

static void s_print_diff(const char *what, const strv *a, const strv *b)
{
	size_t i = 0;
	while (i < a->n && i < b->n && strcmp(a->v[i], b->v[i]) == 0)
		i++;
	printf("    %s differ at #%zu (md %zu, docx %zu)\n", what, i, a->n,
		b->n);
	const char *x = i < a->n ? a->v[i] : "(none)";
	const char *y = i < b->n ? b->v[i] : "(none)";
	size_t k = 0;
	while (x[k] && x[k] == y[k])
		k++;
	size_t from = k > 60 ? k - 60 : 0;
	while (from > 0 && ((unsigned char)x[from] & 0xC0) == 0x80)
		from--;
	printf("      md:   %s%.160s\n", from ? "..." : "", x + from);
	printf("      docx: %s%.160s\n", from ? "..." : "", y + from);
}

static int s_parity(void)
{
	char root[4096];
	snprintf(root, sizeof root, "%s/docx/derived-pandoc-from-md", s_corpus);
	strv files = { 0 };
	s_walk_dir(root, &files);
	qsort(files.v, files.n, sizeof *files.v, s_cmp_str);
	if (!files.n) {
		printf("no files under %s\n", root);
		return SKIP;
	}
	size_t pairs = 0, equal = 0, nosrc = 0, title_eq = 0, para_eq = 0;
	size_t front = 0, undone = 0, described = 0;
	for (size_t i = 0; i < files.n; i++) {
		const char *rel = files.v[i] + strlen(root) + 1;
		char set[256], stem[2048];
		const char *slash = strchr(rel, '/');
		if (!slash)
			continue;
		snprintf(set, sizeof set, "%.*s", (int)(slash - rel), rel);
		snprintf(stem, sizeof stem, "%s", slash + 1);
		stem[strlen(stem) - 5] = '\0'; /* ".docx" */
		char md[8192];
		if (!s_md_source(set, stem, md, sizeof md)) {
			nosrc++;
			printf("NO SOURCE for %s\n", rel);
			continue;
		}
		char *data;
		size_t len;
		memo_document *dm = NULL, *dd = NULL;
		if (!s_read_file(md, &data, &len))
			continue;
		int rc1 = memo_document_parse(&dm, data, len, md, NULL);
		char *fm = s_front_matter(data, len);
		s_images imgs = { 0 };
		s_md_images(data, len, &imgs);
		free(data);
		int rc2 = memo_document_parse_file(&dd, files.v[i], NULL);
		pairs++;
		if (rc1 || rc2) {
			printf("DIFF %s: parse failed (md %s, docx %s)\n", rel,
				memo_status_str(rc1), memo_status_str(rc2));
			free(fm);
			s_images_free(&imgs);
			memo_document_free(dm);
			memo_document_free(dd);
			continue;
		}
		strv t1 = { 0 }, p1 = { 0 }, t2 = { 0 }, p2 = { 0 };
		s_texts(dm, &t1, &p1);
		strv items = { 0 };
		s_items(dd, &items);
		if (imgs.n && !s_has_warning(dd, "parse.skipped-content")) {
			described += s_undo_descriptions(&items, &imgs);
			undone++;
		}
		s_split(&items, &t2, &p2);
		strv_free(&items);
		s_images_free(&imgs);
		if (fm) {
			/* the converter's rendering of the front matter */
			strv *v = t2.n && strcmp(t2.v[0], fm) == 0 ? &t2 :
				p2.n && strcmp(p2.v[0], fm) == 0 ? &p2 : NULL;
			if (v) {
				free(v->v[0]);
				memmove(v->v, v->v + 1,
					(v->n - 1) * sizeof *v->v);
				v->n--;
				front++;
			}
			free(fm);
		}
		bool teq = t1.n == t2.n, peq = p1.n == p2.n;
		for (size_t k = 0; teq && k < t1.n; k++)
			teq = strcmp(t1.v[k], t2.v[k]) == 0;
		for (size_t k = 0; peq && k < p1.n; k++)
			peq = strcmp(p1.v[k], p2.v[k]) == 0;
		title_eq += teq;
		para_eq += peq;
		if (teq && peq) {
			equal++;
		} else {
			printf("DIFF %s\n", rel);
			if (!teq)
				s_print_diff("titles", &t1, &t2);
			if (!peq)
				s_print_diff("paragraphs", &p1, &p2);
		}
		strv_free(&t1);
		strv_free(&p1);
		strv_free(&t2);
		strv_free(&p2);
		memo_document_free(dm);
		memo_document_free(dd);
	}
	strv_free(&files);
	double pct = pairs ? 100.0 * (double)equal / (double)pairs : 0;
	printf("\nMarkdown/docx parity: %zu / %zu pairs equal = %.2f%% "
		"(target >= 98%%); titles equal in %zu, paragraphs in %zu; "
		"%zu without a source; front matter rendered as text by the "
		"converter set aside in %zu; image descriptions that the "
		"converter wrote in place of images it could not fetch taken "
		"out of %zu blocks in %zu pairs\n", equal, pairs, pct, title_eq, para_eq, nosrc,
		front, described, undone);
	return pairs && pct >= 98.0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	s_corpus = getenv("MEMO_CORPUS");
	if (argc < 2) {
		fprintf(stderr, "usage: docx_corpus robustness|pandoc|parity\n");
		return 2;
	}
	struct stat st;
	if (!s_corpus || stat(s_corpus, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("MEMO_CORPUS is not set to the corpus directory: "
			"skipped\n");
		return SKIP;
	}
	if (strcmp(argv[1], "robustness") == 0)
		return s_robustness();
	if (strcmp(argv[1], "pandoc") == 0)
		return s_pandoc();
	if (strcmp(argv[1], "parity") == 0) {
		/* Needs the Markdown front end. */
		memo_document *probe = NULL;
		if (memo_document_parse(&probe, "# a\n\nb\n", 8, "p.md",
			    NULL) != MEMO_OK || !memo_document_root(probe) ||
		    !memo_node_first_child(memo_document_root(probe))) {
			memo_document_free(probe);
			printf("the Markdown front end is not built: "
				"skipped\n");
			return SKIP;
		}
		memo_document_free(probe);
		return s_parity();
	}
	fprintf(stderr, "unknown mode %s\n", argv[1]);
	return 2;
}
