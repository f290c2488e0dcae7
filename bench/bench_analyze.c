/*
 * bench_analyze.c - full-analysis throughput and peak memory of libmemo.
 *
 * Public API only (<memo.h>). Every file is read into memory first (I/O is
 * not timed), then each engine handles the files one at a time in this one
 * process, for -r timed passes after -w untimed warm-up passes. A file's
 * time is CLOCK_MONOTONIC around everything the engine does with it
 * (parse, analyze, free the report and the document); a pass's time is
 * the sum over its files; the figure reported is the median pass. The
 * process CPU time of each file (CLOCK_PROCESS_CPUTIME_ID) is measured
 * beside it: on a shared machine it is the steadier of the two. Passes of
 * different engines are interleaved (rotating which goes first) so that
 * drift in the machine's speed hits them alike. The analyzers are made once,
 * before any timing (as a tool makes one for a batch).
 *
 * Engines:
 *   analyze  memo_document_parse() + memo_analyze() with every rule at its
 *            default severity except "spelling", which is off
 *            (memo_config_set_rule(cfg, "spelling", MEMO_SEVERITY_NONE)):
 *            the target of the analysis issue
 *   analyze-cold
 *            as analyze, but each file gets a new analyzer (made and freed
 *            inside the timed region), so its word cache starts empty:
 *            what one `memo lint FILE` process pays, against the batch
 *            figure of analyze, whose analyzer has seen the earlier files
 *   parse    memo_document_parse() + memo_document_free() alone, to split
 *            the analysis time from the parse time
 *   lint     as analyze, with the default configuration: all rules,
 *            spelling on (hunspell) - what `memo lint` does per file,
 *            without the output
 *
 * Modes:
 *   bench_analyze [opts] PATH...        throughput over the files
 *   bench_analyze --single FILE [--concat K] [--warm FILE] [-E engine]
 *                                       one file (K copies of it end to
 *                                       end), once; peak RSS against its size
 *
 * PATH is a file, a directory (walked recursively, files filtered by -x),
 * or @LIST, a file holding one path a line. Files are sorted by path
 * (byte order, like `LC_ALL=C sort`) after collection.
 */
#include <memo.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "bench_util.h"

#define MAX_ENGINES 3
#define MAX_STATUS 16

/* What an engine saw in a file (from the first pass). */
typedef struct fout {
	size_t sentences;
	size_t findings;
} fout;

typedef int (*engine_fn)(const bfile *f, fout *o);

typedef struct engine {
	const char *name;
	engine_fn run;
	/* results */
	int *status;      /* per file, from the first pass */
	fout *out;        /* per file, from the first pass */
	double *t;        /* [repeat][file] wall seconds */
	double *c;        /* [repeat][file] CPU seconds of this process */
	long peak_kb;     /* max VmHWM over this engine's passes */
} engine;

static memo_analyzer *s_an_nospell; /* every rule but spelling */
static memo_analyzer *s_an_full;    /* defaults: spelling on */

/* ------------------------------------------------------------ engines */

static int s_analyze_with(const memo_analyzer *an, const bfile *f, fout *o)
{
	memo_document *doc = NULL;
	int rc = memo_document_parse(&doc, f->data, f->len, f->path, NULL);
	if (rc != MEMO_OK)
		return rc;
	memo_report *rep = NULL;
	rc = memo_analyze(&rep, an, doc);
	if (rc == MEMO_OK) {
		o->sentences = memo_report_sentence_count(rep);
		o->findings = memo_report_finding_count(rep);
	}
	memo_report_free(rep);
	memo_document_free(doc);
	return rc;
}

static int e_analyze(const bfile *f, fout *o)
{
	return s_analyze_with(s_an_nospell, f, o);
}

static memo_config *s_cfg_nospell; /* the configuration of s_an_nospell */

static int e_analyze_cold(const bfile *f, fout *o)
{
	memo_analyzer *an = NULL;
	int rc = memo_analyzer_new(&an, s_cfg_nospell);
	if (rc == MEMO_OK)
		rc = s_analyze_with(an, f, o);
	memo_analyzer_free(an);
	return rc;
}

static int e_lint(const bfile *f, fout *o)
{
	return s_analyze_with(s_an_full, f, o);
}

static int e_parse(const bfile *f, fout *o)
{
	memo_document *doc = NULL;
	int rc = memo_document_parse(&doc, f->data, f->len, f->path, NULL);
	o->sentences = 0;
	o->findings = rc == MEMO_OK ? memo_document_warning_count(doc) : 0;
	memo_document_free(doc);
	return rc;
}

static engine s_engines[] = {
	{ "analyze", e_analyze, NULL, NULL, NULL, NULL, 0 },
	{ "analyze-cold", e_analyze_cold, NULL, NULL, NULL, NULL, 0 },
	{ "parse", e_parse, NULL, NULL, NULL, NULL, 0 },
	{ "lint", e_lint, NULL, NULL, NULL, NULL, 0 },
};

static engine *s_engine(const char *name)
{
	for (size_t i = 0; i < sizeof s_engines / sizeof *s_engines; i++)
		if (strcmp(s_engines[i].name, name) == 0)
			return &s_engines[i];
	return NULL;
}

/* The analyzers, made once before any timing; the spelling one (which
 * loads a hunspell dictionary) only when the lint engine runs. */
static int s_make_analyzers(int full)
{
	memo_config *cfg = NULL;
	int rc = memo_config_new(&cfg);
	if (rc == MEMO_OK)
		rc = memo_config_set_rule(cfg, "spelling", MEMO_SEVERITY_NONE);
	if (rc == MEMO_OK)
		rc = memo_analyzer_new(&s_an_nospell, cfg);
	s_cfg_nospell = cfg; /* freed at exit with the analyzers */
	if (rc == MEMO_OK && full)
		rc = memo_analyzer_new(&s_an_full, NULL);
	if (rc != MEMO_OK)
		fprintf(stderr, "analyzer: %s: %s\n", memo_status_str(rc),
			memo_error_message(memo_error_last()));
	return rc;
}

/* ------------------------------------------------------------- output */

static FILE *s_json;


static void usage(void)
{
	fprintf(stderr,
"usage: bench_analyze [options] PATH...\n"
"       bench_analyze --single FILE [--concat K] [--warm FILE] [-E engine]\n"
"  PATH          a file, a directory (recursive), or @LIST (one path a line)\n"
"  -x EXT        keep only files ending in EXT under directories (repeatable)\n"
"  -E a,b        engines: analyze (default; spelling off), analyze-cold\n"
"                (the same, a new analyzer per file), parse, lint\n"
"                (all rules, spelling on)\n"
"  -r N          timed passes (default 5); the median is reported\n"
"  -w N          untimed warm-up passes (default 1)\n"
"  --every K     keep every K-th file of the sorted list (1st, K+1-th, ...)\n"
"  --top N       list each engine's N slowest files\n"
"  --label S     name of the file set in the output\n"
"  --json FILE   also write the results as JSON\n"
"  --strict      exit 1 when any engine fails on any file\n"
"  --single FILE handle one file once; peak RSS against its size\n"
"  --concat K    (--single) K copies of FILE end to end, as one document\n"
"  --warm FILE   (--single) handle FILE first so code pages are resident\n");
	exit(2);
}

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
	printf("  %-7s %-6s files %6zu  %9.3f MB  median %8.4f s "
		"(min %.4f max %.4f)  %8.2f MB/s  %9.1f files/s  "
		"[CPU %.4f s, %.2f MB/s]\n",
		engine_name, set, st.files, mb, st.median, st.min, st.max,
		st.median > 0 ? mb / st.median : 0,
		st.median > 0 ? (double)st.files / st.median : 0,
		st.cpu_median, st.cpu_median > 0 ? mb / st.cpu_median : 0);
}

static void s_json_set(const char *set, setstat st)
{
	if (s_json == NULL)
		return;
	double mb = (double)st.bytes / 1e6;
	fprintf(s_json,
		"      \"%s\": {\"files\": %zu, \"bytes\": %llu, "
		"\"median_s\": %.6f, \"min_s\": %.6f, \"max_s\": %.6f, "
		"\"mb_per_s\": %.3f, \"files_per_s\": %.3f, "
		"\"cpu_median_s\": %.6f, \"cpu_mb_per_s\": %.3f},\n",
		set, st.files, (unsigned long long)st.bytes, st.median, st.min,
		st.max, st.median > 0 ? mb / st.median : 0,
		st.median > 0 ? (double)st.files / st.median : 0,
		st.cpu_median, st.cpu_median > 0 ? mb / st.cpu_median : 0);
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
	top_item *v = bu_xrealloc(NULL, sizeof *v * l->n);
	double *tmp = bu_xrealloc(NULL, sizeof(double) * (size_t)repeat);
	for (size_t i = 0; i < l->n; i++) {
		for (int r = 0; r < repeat; r++)
			tmp[r] = e->c[(size_t)r * l->n + i];
		v[i].i = i;
		v[i].t = bu_median(tmp, (size_t)repeat);
	}
	qsort(v, l->n, sizeof *v, s_cmp_top);
	printf("  %s: slowest files (median CPU time of %d)\n", e->name,
		repeat);
	for (size_t k = 0; k < l->n && k < (size_t)ntop; k++) {
		const bfile *f = &l->v[v[k].i];
		printf("    %9.3f ms %8.2f MB/s %10zu B  %s%s\n", v[k].t * 1e3,
			v[k].t > 0 ? (double)f->len / 1e6 / v[k].t : 0.0,
			f->len, f->path,
			e->status[v[k].i] ? " (failed)" : "");
	}
	free(tmp);
	free(v);
}

/* -------------------------------------------------------- single file */

static int s_single(const char *path, int concat, const char *warm,
	engine *e)
{
	bfile one = { (char *)path, NULL, 0 };
	if (bu_read(&one) != 0)
		return 2;
	/* K copies end to end, a blank line between them: one document. */
	bfile f = { (char *)path, NULL, 0 };
	size_t k = concat > 1 ? (size_t)concat : 1;
	f.data = bu_xrealloc(NULL, k * (one.len + 2));
	for (size_t i = 0; i < k; i++) {
		memcpy(f.data + f.len, one.data, one.len);
		f.len += one.len;
		if (i + 1 < k) {
			memcpy(f.data + f.len, "\n\n", 2);
			f.len += 2;
		}
	}
	free(one.data);
	fout o = { 0, 0 };
	if (warm != NULL) {
		bfile w = { (char *)warm, NULL, 0 };
		if (bu_read(&w) == 0) {
			int wrc = e->run(&w, &o);
			if (wrc != 0)
				fprintf(stderr, "warm-up %s: %s\n", warm,
					memo_status_str(wrc));
			free(w.data);
		}
	}
	/* Baseline: the RSS right before the run, input loaded. */
	long base = bu_status_kb("VmRSS:");
	int hwm_ok = bu_reset_hwm() == 0;
	double c0 = bu_cpu();
	double t0 = bu_now();
	int rc = e->run(&f, &o);
	double t1 = bu_now();
	double c1 = bu_cpu();
	long raw = bu_maxrss_kb();
	long hwm = hwm_ok ? bu_status_kb("VmHWM:") : raw;
	if (rc != 0) {
		fprintf(stderr, "%s: %s: %s\n  %s\n", e->name, path,
			memo_status_str(rc),
			memo_error_message(memo_error_last()));
		free(f.data);
		return 1;
	}
	double mb = (double)f.len / 1e6;
	long net = hwm - base;
	printf("single %s %s x%zu%s%s\n", e->name, path, k,
		warm ? "  warm-up: " : "", warm ? warm : "");
	printf("  input            %10zu B\n", f.len);
	printf("  sentences        %10zu, findings %zu\n", o.sentences,
		o.findings);
	printf("  time             %10.3f ms (CPU %.3f ms)\n",
		(t1 - t0) * 1e3, (c1 - c0) * 1e3);
	printf("  RSS before       %10ld KiB  (baseline: input loaded%s)\n",
		base, warm ? ", warm-up done" : "");
	printf("  peak RSS raw     %10ld KiB  (ru_maxrss)\n", raw);
	printf("  peak RSS net     %10ld KiB  = %.1f KiB per MB of input "
		"(peak - baseline, %s)\n", net, mb > 0 ? (double)net / mb : 0,
		hwm_ok ? "VmHWM reset at baseline" : "ru_maxrss");
	if (s_json != NULL) {
		fprintf(s_json, "{\"mode\": \"single\", \"engine\": \"%s\", "
			"\"path\": ", e->name);
		bu_json_str(s_json, path);
		fprintf(s_json, ", \"concat\": %zu, \"warm\": %s, "
			"\"input_bytes\": %zu, \"sentences\": %zu, "
			"\"findings\": %zu, \"ms\": %.3f, \"cpu_ms\": %.3f, "
			"\"base_kb\": %ld, \"peak_kb\": %ld, \"net_kb\": %ld, "
			"\"net_kb_per_mb\": %.3f}\n",
			k, warm ? "true" : "false", f.len, o.sentences,
			o.findings, (t1 - t0) * 1e3, (c1 - c0) * 1e3, base, raw,
			net, mb > 0 ? (double)net / mb : 0);
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
	int concat = 1;
	size_t nfail = 0;
	size_t every = 1;
	const char *single = NULL, *warm = NULL, *label = "files";
	const char *engines = "analyze", *json_path = NULL;

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
		} else if (strcmp(a, "--concat") == 0 && more) {
			concat = atoi(argv[++i]);
		} else if (strcmp(a, "--warm") == 0 && more) {
			warm = argv[++i];
		} else if (strcmp(a, "--strict") == 0) {
			strict = 1;
		} else if (a[0] == '-' && a[1] != '\0') {
			usage();
		} else {
			bu_add(&l, a);
		}
	}
	if (repeat < 1 || warmup < 0 || every < 1 || concat < 1)
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
	int full = 0;
	for (int j = 0; j < neng; j++)
		full |= eng[j]->run == e_lint;
	if (s_make_analyzers(full) != MEMO_OK)
		return 2;

	if (single != NULL) {
		int rc = s_single(single, concat, warm, eng[0]);
		if (s_json)
			fclose(s_json);
		memo_analyzer_free(s_an_nospell);
		memo_config_free(s_cfg_nospell);
		memo_analyzer_free(s_an_full);
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
		e->out = calloc(l.n, sizeof *e->out);
		e->t = calloc(l.n * (size_t)repeat, sizeof *e->t);
		e->c = calloc(l.n * (size_t)repeat, sizeof *e->c);
		if (!e->status || !e->out || !e->t || !e->c) {
			perror("calloc");
			return 2;
		}
		e->peak_kb = 0;
	}

	/* Warm-up passes (at least one) record each file's status and
	 * counts. */
	for (int w = 0; w < warmup || w == 0; w++) {
		for (int j = 0; j < neng; j++) {
			engine *e = eng[j];
			if (hwm_ok)
				bu_reset_hwm();
			for (size_t i = 0; i < l.n; i++) {
				fout o = { 0, 0 };
				int rc = e->run(&l.v[i], &o);
				if (w == 0) {
					e->status[i] = rc;
					e->out[i] = o;
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
				fout o;
				double c0 = bu_cpu();
				double t0 = bu_now();
				(void)e->run(&l.v[i], &o);
				t[i] = bu_now() - t0;
				c[i] = bu_cpu() - c0;
			}
			long hwm = hwm_ok ? bu_status_kb("VmHWM:")
					  : bu_maxrss_kb();
			if (hwm > e->peak_kb)
				e->peak_kb = hwm;
		}
	}

	/* Files every engine handled: the fair set for ratios. */
	unsigned char *common = bu_xrealloc(NULL, l.n);
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
	printf("  RSS with the files loaded %ld KiB; per-engine peak from "
		"%s\n", rss_loaded,
		hwm_ok ? "VmHWM reset before each pass" : "ru_maxrss");

	if (s_json) {
		fprintf(s_json, "{\"mode\": \"throughput\", \"label\": ");
		bu_json_str(s_json, label);
		fprintf(s_json, ", \"files\": %zu, \"bytes\": %llu, "
			"\"repeat\": %d, \"warmup\": %d, \"common_files\": %zu, "
			"\"rss_loaded_kb\": %ld, \"hwm_per_engine\": %s, "
			"\"engines\": {\n", l.n, (unsigned long long)total,
			repeat, warmup, ncommon, rss_loaded,
			hwm_ok ? "true" : "false");
	}

	for (int j = 0; j < neng; j++) {
		engine *e = eng[j];
		unsigned char *ok = bu_xrealloc(NULL, l.n);
		uint64_t sentences = 0, findings = 0;
		int codes[MAX_STATUS];
		size_t counts[MAX_STATUS];
		int ncodes = 0;
		for (size_t i = 0; i < l.n; i++) {
			ok[i] = e->status[i] == 0;
			if (ok[i]) {
				sentences += e->out[i].sentences;
				findings += e->out[i].findings;
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
		printf("  %-7s sentences %llu, findings %llu; peak RSS %ld KiB "
			"(net of the loaded files %ld KiB); failures:", e->name,
			(unsigned long long)sentences,
			(unsigned long long)findings, e->peak_kb,
			e->peak_kb - rss_loaded);
		if (ncodes == 0)
			printf(" none");
		for (int c = 0; c < ncodes; c++)
			printf(" %s=%zu", memo_status_str(codes[c]), counts[c]);
		printf("\n");
		if (ntop > 0)
			s_top(e, &l, repeat, ntop);

		if (s_json) {
			fprintf(s_json, "    \"%s\": {\n", e->name);
			s_json_set("all", all);
			s_json_set("ok", oks);
			s_json_set("common", com);
			fprintf(s_json, "      \"sentences\": %llu, "
				"\"findings\": %llu, \"peak_kb\": %ld, "
				"\"net_kb\": %ld, \"failures\": {",
				(unsigned long long)sentences,
				(unsigned long long)findings, e->peak_kb,
				e->peak_kb - rss_loaded);
			for (int c = 0; c < ncodes; c++)
				fprintf(s_json, "%s\"%s\": %zu", c ? ", " : "",
					memo_status_str(codes[c]), counts[c]);
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
		free(eng[j]->out);
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
	memo_analyzer_free(s_an_nospell);
	memo_config_free(s_cfg_nospell);
	memo_analyzer_free(s_an_full);
	return strict && nfail > 0 ? 1 : 0;
}
