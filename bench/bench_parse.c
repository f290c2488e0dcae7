/*
 * bench_parse.c - parse throughput and peak memory of libmemo's front ends.
 *
 * Public API only (<memo.h>); md4c and the docx floor are linked directly
 * as baselines. Every file is read into memory first (I/O is not timed),
 * then each engine parses the files one at a time in this one process,
 * for --repeat timed passes after --warmup untimed ones. A pass's time is
 * the sum of its files' wall times (CLOCK_MONOTONIC around parse + free);
 * the figure reported is the median pass. The process CPU time of each
 * file is measured too (CLOCK_PROCESS_CPUTIME_ID) and reported beside it:
 * on a shared machine it is the steadier of the two. Passes of different engines are
 * interleaved (rotating which engine goes first) so that drift in the
 * machine's speed hits them alike.
 *
 * Engines:
 *   memo   memo_document_parse() + memo_document_text() + memo_document_free()
 *   md4c   md_parse(), GitHub dialect, empty callbacks (Markdown only)
 *   floor  bare libzip + libxml2 w:t extraction (docx only, docx_floor.c):
 *          xmlTextReader, the floor of the docx target
 *   floorsax  the same with libxml2's SAX2 push parser (a lower floor)
 *
 * Modes:
 *   bench_parse [opts] PATH...      throughput over the files
 *   bench_parse --single FILE       one parse; peak RSS against the text size
 *
 * PATH is a file, a directory (walked recursively, files filtered by -x),
 * or @LIST, a file holding one path a line. Files are sorted by path
 * (byte order, like `LC_ALL=C sort`) after collection.
 */
#include <memo.h>

#include <dirent.h>
#include <errno.h>
#include <md4c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "bench_util.h"
#include "docx_floor.h"

#define MAX_ENGINES 4
#define MAX_STATUS 16

typedef int (*engine_fn)(const bfile *f, size_t *text_len);

typedef struct engine {
	const char *name;
	engine_fn run;
	const char *(*status_str)(int);
	/* results */
	int *status;       /* per file, from the first pass */
	size_t *text_len;  /* per file, from the first pass */
	double *t;         /* [repeat][file] wall seconds */
	double *c;         /* [repeat][file] CPU seconds of this process */
	long peak_kb;      /* max VmHWM over this engine's passes */
} engine;


/* ------------------------------------------------------------ engines */

static int e_memo(const bfile *f, size_t *text_len)
{
	memo_document *doc = NULL;
	int rc = memo_document_parse(&doc, f->data, f->len, f->path, NULL);
	if (rc == MEMO_OK) {
		size_t n = 0;
		(void)memo_document_text(doc, &n);
		*text_len = n;
	}
	memo_document_free(doc);
	return rc;
}

static int s_md_block(MD_BLOCKTYPE t, void *d, void *u)
{
	(void)t;
	(void)d;
	(void)u;
	return 0;
}

static int s_md_span(MD_SPANTYPE t, void *d, void *u)
{
	(void)t;
	(void)d;
	(void)u;
	return 0;
}

static int s_md_text(MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u)
{
	(void)t;
	(void)s;
	(void)n;
	(void)u;
	return 0;
}

static int e_md4c(const bfile *f, size_t *text_len)
{
	MD_PARSER p;
	memset(&p, 0, sizeof p);
	p.abi_version = 0;
	p.flags = MD_DIALECT_GITHUB;
	p.enter_block = s_md_block;
	p.leave_block = s_md_block;
	p.enter_span = s_md_span;
	p.leave_span = s_md_span;
	p.text = s_md_text;
	*text_len = f->len;
	return md_parse(f->data, (MD_SIZE)f->len, &p, NULL) == 0 ? 0 : -1;
}

static const char *s_md4c_status(int s)
{
	return s == 0 ? "OK" : "MD4C_ERROR";
}

static int e_floor(const bfile *f, size_t *text_len)
{
	char *text = NULL;
	int rc = docx_floor_extract(f->data, f->len, &text, text_len);
	free(text);
	return rc;
}

static int e_floor_sax(const bfile *f, size_t *text_len)
{
	char *text = NULL;
	int rc = docx_floor_extract_sax(f->data, f->len, &text, text_len);
	free(text);
	return rc;
}

static engine s_engines[] = {
	{ "memo", e_memo, memo_status_str, NULL, NULL, NULL, NULL, 0 },
	{ "md4c", e_md4c, s_md4c_status, NULL, NULL, NULL, NULL, 0 },
	{ "floor", e_floor, docx_floor_status_str, NULL, NULL, NULL, NULL, 0 },
	{ "floorsax", e_floor_sax, docx_floor_status_str, NULL, NULL, NULL, NULL,
	  0 },
};

static engine *s_engine(const char *name)
{
	for (size_t i = 0; i < sizeof s_engines / sizeof *s_engines; i++)
		if (strcmp(s_engines[i].name, name) == 0)
			return &s_engines[i];
	return NULL;
}

/* ------------------------------------------------------------- output */

static FILE *s_json;


static void usage(void)
{
	fprintf(stderr,
"usage: bench_parse [options] PATH...\n"
"       bench_parse --single FILE [--warm FILE] [-E engine]\n"
"  PATH          a file, a directory (recursive), or @LIST (one path a line)\n"
"  -x EXT        keep only files ending in EXT under directories (repeatable)\n"
"  -E a,b        engines: memo (default), md4c, floor, floorsax\n"
"  -r N          timed passes (default 5); the median is reported\n"
"  -w N          untimed warm-up passes (default 1)\n"
"  --every K     keep every K-th file of the sorted list (1st, K+1-th, ...)\n"
"  --top N       list each engine's N slowest files\n"
"  --label S     name of the file set in the output\n"
"  --json FILE   also write the results as JSON\n"
"  --strict      exit 1 when any engine fails on any file\n"
"  --single FILE parse one file once; report peak RSS vs its text size\n"
"  --warm FILE   (--single) parse FILE first so code pages are resident\n");
	exit(2);
}

/* Sum of file times of pass r over the files with mask[i] set. */
static double s_pass(const double *t, size_t nf, size_t r,
	const unsigned char *mask)
{
	double s = 0.0;
	for (size_t i = 0; i < nf; i++)
		if (mask == NULL || mask[i])
			s += t[r * nf + i];
	return s;
}

typedef struct setstat {
	size_t files;
	uint64_t bytes;
	double median, min, max;
	double cpu_median;
} setstat;

static setstat s_set(const engine *e, const flist *l, int repeat,
	const unsigned char *mask)
{
	setstat st = { 0, 0, 0, 0, 0, 0 };
	if (repeat < 1)
		return st;
	double *v = calloc((size_t)repeat, sizeof(double));
	if (v == NULL)
		return st;
	for (size_t i = 0; i < l->n; i++)
		if (mask == NULL || mask[i]) {
			st.files++;
			st.bytes += l->v[i].len;
		}
	for (int r = 0; r < repeat; r++)
		v[r] = s_pass(e->t, l->n, (size_t)r, mask);
	st.median = bu_median(v, (size_t)repeat);
	st.min = v[0];
	st.max = v[repeat - 1];
	for (int r = 0; r < repeat; r++)
		v[r] = s_pass(e->c, l->n, (size_t)r, mask);
	st.cpu_median = bu_median(v, (size_t)repeat);
	free(v);
	return st;
}

static void s_print_set(const char *engine_name, const char *set,
	setstat st)
{
	double mb = (double)st.bytes / 1e6;
	double mbps = st.median > 0 ? mb / st.median : 0;
	double fps = st.median > 0 ? (double)st.files / st.median : 0;
	printf("  %-6s %-7s files %6zu  %9.3f MB  median %8.4f s "
		"(min %.4f max %.4f)  %8.1f MB/s  %9.1f files/s  "
		"[CPU %.4f s, %.1f MB/s]\n",
		engine_name, set, st.files, mb, st.median, st.min, st.max,
		mbps, fps, st.cpu_median,
		st.cpu_median > 0 ? mb / st.cpu_median : 0);
}

static void s_json_set(const char *set, setstat st, int last)
{
	if (s_json == NULL)
		return;
	double mb = (double)st.bytes / 1e6;
	fprintf(s_json,
		"      \"%s\": {\"files\": %zu, \"bytes\": %llu, "
		"\"median_s\": %.6f, \"min_s\": %.6f, \"max_s\": %.6f, "
		"\"mb_per_s\": %.3f, \"files_per_s\": %.3f, "
		"\"cpu_median_s\": %.6f, \"cpu_mb_per_s\": %.3f}%s\n",
		set, st.files, (unsigned long long)st.bytes, st.median, st.min,
		st.max, st.median > 0 ? mb / st.median : 0,
		st.median > 0 ? (double)st.files / st.median : 0,
		st.cpu_median, st.cpu_median > 0 ? mb / st.cpu_median : 0,
		last ? "" : ",");
}

typedef struct top_item {
	size_t i;
	double t;
} top_item;

static int s_cmp_top(const void *a, const void *b)
{
	double x = ((const top_item *)a)->t, y = ((const top_item *)b)->t;
	return (x < y) - (x > y);
}

static void s_top(const engine *e, const flist *l, int repeat, int ntop)
{
	top_item *v = malloc(sizeof *v * l->n);
	double *tmp = malloc(sizeof(double) * (size_t)repeat);
	for (size_t i = 0; i < l->n; i++) {
		for (int r = 0; r < repeat; r++)
			tmp[r] = e->t[(size_t)r * l->n + i];
		v[i].i = i;
		v[i].t = bu_median(tmp, (size_t)repeat);
	}
	qsort(v, l->n, sizeof *v, s_cmp_top);
	printf("  %s: slowest files (median of %d)\n", e->name, repeat);
	for (size_t k = 0; k < l->n && k < (size_t)ntop; k++) {
		const bfile *f = &l->v[v[k].i];
		printf("    %9.3f ms %9.1f MB/s %10zu B  %s%s\n", v[k].t * 1e3,
			v[k].t > 0 ? (double)f->len / 1e6 / v[k].t : 0.0,
			f->len, f->path,
			e->status[v[k].i] ? " (failed)" : "");
	}
	free(tmp);
	free(v);
}

/* -------------------------------------------------------- single file */

static int s_single(const char *path, const char *warm, engine *e)
{
	long hwm_start = bu_status_kb("VmHWM:");
	bfile f = { (char *)path, NULL, 0 };
	if (bu_read(&f) != 0)
		return 2;
	if (warm != NULL) {
		bfile w = { (char *)warm, NULL, 0 };
		size_t wl = 0;
		if (bu_read(&w) == 0) {
			int wrc = e->run(&w, &wl);
			if (wrc != 0)
				fprintf(stderr, "warm-up %s: %s\n", warm,
					e->status_str(wrc));
			free(w.data);
		}
	}
	/* Baseline: the RSS right before the parse, file loaded. */
	long base = bu_status_kb("VmRSS:");
	int hwm_ok = bu_reset_hwm() == 0;
	size_t text_len = 0;
	double t0 = bu_now();
	int rc = e->run(&f, &text_len);
	double t1 = bu_now();
	long raw = bu_maxrss_kb();
	long hwm = hwm_ok ? bu_status_kb("VmHWM:") : raw;
	if (rc != 0) {
		fprintf(stderr, "%s: %s: %s\n", e->name, path,
			e->status_str(rc));
		if (e->run == e_memo)
			fprintf(stderr, "  %s\n",
				memo_error_message(memo_error_last()));
		return 1;
	}
	double tkb = (double)text_len / 1024.0;
	long net = hwm - base;
	printf("single %s %s%s%s\n", e->name, path,
		warm ? "  warm-up: " : "", warm ? warm : "");
	printf("  file             %10zu B\n", f.len);
	printf("  text             %10zu B  (%.1f KiB)\n", text_len, tkb);
	printf("  parse time       %10.3f ms\n", (t1 - t0) * 1e3);
	printf("  VmHWM at start   %10ld KiB\n", hwm_start);
	printf("  RSS before parse %10ld KiB  (baseline: file loaded%s)\n",
		base, warm ? ", warm-up done" : "");
	printf("  peak RSS raw     %10ld KiB  = %.2f x text  (ru_maxrss)\n",
		raw, tkb > 0 ? (double)raw / tkb : 0.0);
	printf("  peak RSS net     %10ld KiB  = %.2f x text  "
		"(peak - baseline, %s)\n", net,
		tkb > 0 ? (double)net / tkb : 0.0,
		hwm_ok ? "VmHWM reset at baseline" : "ru_maxrss");
	if (s_json != NULL) {
		fprintf(s_json, "{\"mode\": \"single\", \"engine\": \"%s\", "
			"\"path\": ", e->name);
		bu_json_str(s_json, path);
		fprintf(s_json, ", \"warm\": %s, \"file_bytes\": %zu, "
			"\"text_bytes\": %zu, \"parse_ms\": %.3f, "
			"\"hwm_start_kb\": %ld, \"base_kb\": %ld, "
			"\"peak_kb\": %ld, \"net_kb\": %ld, "
			"\"peak_x_text\": %.3f, \"net_x_text\": %.3f}\n",
			warm ? "true" : "false", f.len, text_len,
			(t1 - t0) * 1e3, hwm_start, base, raw, net,
			tkb > 0 ? (double)raw / tkb : 0.0,
			tkb > 0 ? (double)net / tkb : 0.0);
	}
	free(f.data);
	return 0;
}

/* --------------------------------------------------------------- main */

int main(int argc, char **argv)
{
	flist l = { NULL, 0, 0 };
	engine *eng[MAX_ENGINES];
	int neng = 0, repeat = 5, warmup = 1, ntop = 0, strict = 0;
	size_t nfail = 0;
	size_t every = 1;
	const char *single = NULL, *warm = NULL, *label = "files";
	const char *engines = "memo", *json_path = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int more = i + 1 < argc;
		if (strcmp(a, "-x") == 0 && more) {
			if (bu_next < 8)
				bu_ext[bu_next++] = argv[++i];
		} else if (strcmp(a, "-E") == 0 && more) {
			engines = argv[++i];
		} else if (strcmp(a, "-r") == 0 && more) {
			repeat = atoi(argv[++i]);
		} else if (strcmp(a, "-w") == 0 && more) {
			warmup = atoi(argv[++i]);
		} else if (strcmp(a, "--every") == 0 && more) {
			every = (size_t)strtoul(argv[++i], NULL, 10);
		} else if (strcmp(a, "--top") == 0 && more) {
			ntop = atoi(argv[++i]);
		} else if (strcmp(a, "--label") == 0 && more) {
			label = argv[++i];
		} else if (strcmp(a, "--json") == 0 && more) {
			json_path = argv[++i];
		} else if (strcmp(a, "--single") == 0 && more) {
			single = argv[++i];
		} else if (strcmp(a, "--strict") == 0) {
			strict = 1;
		} else if (strcmp(a, "--warm") == 0 && more) {
			warm = argv[++i];
		} else if (a[0] == '-' && a[1] != '\0') {
			usage();
		} else {
			bu_add(&l, a);
		}
	}
	if (repeat < 1 || warmup < 0 || every < 1)
		usage();

	char *es = strdup(engines);
	for (char *tok = strtok(es, ","); tok; tok = strtok(NULL, ",")) {
		engine *e = s_engine(tok);
		if (e == NULL || neng == MAX_ENGINES) {
			fprintf(stderr, "unknown engine: %s\n", tok);
			usage();
		}
		eng[neng++] = e;
	}
	if (neng == 0)
		usage();

	if (json_path != NULL) {
		s_json = fopen(json_path, "w");
		if (s_json == NULL) {
			perror(json_path);
			return 2;
		}
	}

	if (single != NULL) {
		int rc = s_single(single, warm, eng[0]);
		if (s_json)
			fclose(s_json);
		free(es);
		return rc;
	}

	if (l.n == 0)
		usage();
	qsort(l.v, l.n, sizeof *l.v, bu_cmp_path);
	if (every > 1) {
		size_t k = 0;
		for (size_t i = 0; i < l.n; i++) {
			if (i % every == 0)
				l.v[k++] = l.v[i];
			else
				free(l.v[i].path);
		}
		l.n = k;
	}

	long rss_before_load = bu_maxrss_kb();
	size_t k = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (bu_read(&l.v[i]) == 0)
			l.v[k++] = l.v[i];
		else
			free(l.v[i].path);
	}
	l.n = k;
	if (l.n == 0) {
		fprintf(stderr, "no files\n");
		return 2;
	}
	long rss_loaded = bu_status_kb("VmRSS:");
	int hwm_ok = bu_reset_hwm() == 0;

	for (int j = 0; j < neng; j++) {
		engine *e = eng[j];
		e->status = calloc(l.n, sizeof *e->status);
		e->text_len = calloc(l.n, sizeof *e->text_len);
		e->t = calloc(l.n * (size_t)repeat, sizeof *e->t);
		e->c = calloc(l.n * (size_t)repeat, sizeof *e->c);
		e->peak_kb = 0;
	}

	/* Warm-up passes record each file's status and text length. */
	for (int w = 0; w < warmup || w == 0; w++) {
		for (int j = 0; j < neng; j++) {
			engine *e = eng[j];
			if (hwm_ok)
				bu_reset_hwm();
			for (size_t i = 0; i < l.n; i++) {
				size_t tl = 0;
				int rc = e->run(&l.v[i], &tl);
				if (w == 0) {
					e->status[i] = rc;
					e->text_len[i] = tl;
				}
			}
			long hwm = hwm_ok ? bu_status_kb("VmHWM:")
					  : bu_maxrss_kb();
			if (hwm > e->peak_kb)
				e->peak_kb = hwm;
		}
	}

	for (int r = 0; r < repeat; r++) {
		for (int jj = 0; jj < neng; jj++) {
			engine *e = eng[(jj + r) % neng];
			double *t = e->t + (size_t)r * l.n;
			double *c = e->c + (size_t)r * l.n;
			if (hwm_ok)
				bu_reset_hwm();
			for (size_t i = 0; i < l.n; i++) {
				size_t tl = 0;
				double c0 = bu_cpu();
				double t0 = bu_now();
				(void)e->run(&l.v[i], &tl);
				t[i] = bu_now() - t0;
				c[i] = bu_cpu() - c0;
			}
			long hwm = hwm_ok ? bu_status_kb("VmHWM:")
					  : bu_maxrss_kb();
			if (hwm > e->peak_kb)
				e->peak_kb = hwm;
		}
	}

	/* Files every engine parsed: the fair set for ratios. */
	unsigned char *common = malloc(l.n);
	size_t ncommon = 0;
	for (size_t i = 0; i < l.n; i++) {
		common[i] = 1;
		for (int j = 0; j < neng; j++)
			if (eng[j]->status[i] != 0)
				common[i] = 0;
		ncommon += common[i];
	}

	uint64_t total = 0;
	for (size_t i = 0; i < l.n; i++)
		total += l.v[i].len;
	printf("%s: %zu files, %.3f MB (1 MB = 10^6 B); %d timed passes, "
		"median reported; %d warm-up\n", label, l.n,
		(double)total / 1e6, repeat, warmup);
	printf("  RSS before load %ld KiB, after load %ld KiB; per-engine "
		"peak from %s\n", rss_before_load, rss_loaded,
		hwm_ok ? "VmHWM reset before each pass" : "ru_maxrss");

	if (s_json) {
		fprintf(s_json, "{\"mode\": \"throughput\", \"label\": ");
		bu_json_str(s_json, label);
		fprintf(s_json, ", \"files\": %zu, \"bytes\": %llu, "
			"\"repeat\": %d, \"warmup\": %d, \"common_files\": %zu, "
			"\"rss_before_load_kb\": %ld, \"rss_loaded_kb\": %ld, "
			"\"hwm_per_engine\": %s, \"engines\": {\n",
			l.n, (unsigned long long)total, repeat, warmup, ncommon,
			rss_before_load, rss_loaded, hwm_ok ? "true" : "false");
	}

	for (int j = 0; j < neng; j++) {
		engine *e = eng[j];
		unsigned char *ok = malloc(l.n);
		uint64_t text = 0;
		int codes[MAX_STATUS];
		size_t counts[MAX_STATUS];
		int ncodes = 0;
		for (size_t i = 0; i < l.n; i++) {
			ok[i] = e->status[i] == 0;
			if (ok[i]) {
				text += e->text_len[i];
				continue;
			}
			nfail++;
			int c;
			for (c = 0; c < ncodes; c++)
				if (codes[c] == e->status[i])
					break;
			if (c == ncodes && ncodes < MAX_STATUS) {
				codes[ncodes] = e->status[i];
				counts[ncodes++] = 0;
			}
			if (c < ncodes)
				counts[c]++;
		}
		setstat all = s_set(e, &l, repeat, NULL);
		setstat oks = s_set(e, &l, repeat, ok);
		setstat com = s_set(e, &l, repeat, common);
		printf("\n[%s]\n", e->name);
		s_print_set(e->name, "all", all);
		s_print_set(e->name, "ok", oks);
		if (neng > 1)
			s_print_set(e->name, "common", com);
		printf("  %-6s text of ok files %.3f MB; peak RSS %ld KiB "
			"(net of loaded corpus %ld KiB); failures:",
			e->name, (double)text / 1e6, e->peak_kb,
			e->peak_kb - rss_loaded);
		if (ncodes == 0)
			printf(" none");
		for (int c = 0; c < ncodes; c++)
			printf(" %s=%zu", e->status_str(codes[c]), counts[c]);
		printf("\n");
		if (ntop > 0)
			s_top(e, &l, repeat, ntop);

		if (s_json) {
			fprintf(s_json, "    \"%s\": {\n", e->name);
			s_json_set("all", all, 0);
			s_json_set("ok", oks, 0);
			s_json_set("common", com, 0);
			fprintf(s_json, "      \"text_bytes\": %llu, "
				"\"peak_kb\": %ld, \"net_kb\": %ld, "
				"\"failures\": {",
				(unsigned long long)text, e->peak_kb,
				e->peak_kb - rss_loaded);
			for (int c = 0; c < ncodes; c++)
				fprintf(s_json, "%s\"%s\": %zu", c ? ", " : "",
					e->status_str(codes[c]), counts[c]);
			fprintf(s_json, "}}%s\n", j + 1 < neng ? "," : "");
		}
		free(ok);
	}
	long maxrss = bu_maxrss_kb();
	printf("\nprocess ru_maxrss %ld KiB\n", maxrss);
	if (s_json) {
		fprintf(s_json, "  }, \"ru_maxrss_kb\": %ld}\n", maxrss);
		fclose(s_json);
	}

	for (int j = 0; j < neng; j++) {
		free(eng[j]->status);
		free(eng[j]->text_len);
		free(eng[j]->t);
		free(eng[j]->c);
	}
	for (size_t i = 0; i < l.n; i++) {
		free(l.v[i].path);
		free(l.v[i].data);
	}
	free(l.v);
	free(common);
	free(es);
	return strict && nfail > 0 ? 1 : 0;
}
