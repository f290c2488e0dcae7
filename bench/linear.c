/*
 * linear.c - does parsing + analysis cost stay linear in the input?
 *
 * Generates memos of 1, 10 and 100 MB (Markdown text from a fixed seed:
 * sections, paragraphs of varied sentences, lists, tables, quotes; the
 * docx and plain-text forms are made from the same text), then parses and
 * analyzes each in a fresh process (default analyzer: every rule,
 * spelling on when a dictionary is installed), and prints CPU seconds per
 * MB and peak memory per MB. Flat columns mean linear cost; the closing
 * lines give the ratio of the largest size to the smallest, and --check
 * makes the exit status fail when a ratio reaches 1.3.
 *
 * Not a test: run it by hand (docs/performance.md, "Linear cost"):
 *   build/bench/linear [--format md|docx|text|all] [--sizes 1,10,100]
 *                      [--repeat N] [--check]
 * Sizes are MB of Markdown text; the docx is that text as WordprocessingML.
 */
#include <memo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../tests/hardening/hard_util.h"

typedef struct s_res {
	int rc;
	double input_mb;      /* bytes handed to the parser */
	double parse_cpu, analyze_cpu, wall;
	double base_mb, peak_mb;
	size_t sentences, findings;
} s_res;

static double s_cpu(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
		(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

static double s_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Resident memory now (MB), from /proc/self/statm. */
static double s_rss_now(void)
{
	long pages = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
			resident = 0;
		fclose(f);
	}
	return (double)resident * (double)sysconf(_SC_PAGESIZE) / 1048576.0;
}

static double s_rss_peak(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

/* Runs in the grandchild: the input is built, the measurement starts
 * from the memory it holds now. */
static void s_measure(const char *data, size_t len, const char *name,
	const memo_analyzer *an, s_res *r)
{
	r->input_mb = (double)len / 1048576.0;
	r->base_mb = s_rss_now();
	double c0 = s_cpu(), w0 = s_now();
	memo_document *doc = NULL;
	r->rc = memo_document_parse(&doc, data, len, name, NULL);
	double c1 = s_cpu();
	r->parse_cpu = c1 - c0;
	if (r->rc == MEMO_OK) {
		memo_report *rep = NULL;
		r->rc = memo_analyze(&rep, an, doc);
		r->analyze_cpu = s_cpu() - c1;
		r->sentences = memo_report_sentence_count(rep);
		r->findings = memo_report_finding_count(rep);
		memo_report_free(rep);
	}
	memo_document_free(doc);
	r->wall = s_now() - w0;
	r->peak_mb = s_rss_peak();
}

static int s_run(const char *format, size_t mb, s_res *out)
{
	int p[2];
	if (pipe(p))
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(p[0]);
		memo_config *cfg = NULL;
		memo_analyzer *an = NULL;
		memo_config_new(&cfg);
		if (memo_analyzer_new(&an, cfg) != MEMO_OK) {
			memo_config_set_rule(cfg, "spelling",
				MEMO_SEVERITY_NONE);
			memo_analyzer_new(&an, cfg);
		}
		memo_config_free(cfg);
		size_t len;
		char *data = hd_gen_memo(mb << 20, &len);
		const char *name = "memo.md";
		if (strcmp(format, "docx") == 0) {
			size_t dlen;
			char *docx = hd_md_to_docx(data, len, &dlen);
			free(data);
			data = docx;
			len = dlen;
			name = "memo.docx";
		} else if (strcmp(format, "text") == 0) {
			name = "memo.txt";
		}
		/* a fresh process for the measurement: its peak memory
		 * starts at what it holds, not at what building took */
		fflush(NULL);
		pid_t g = fork();
		if (g == 0) {
			s_res r;
			memset(&r, 0, sizeof r);
			s_measure(data, len, name, an, &r);
			_exit(write(p[1], &r, sizeof r) == (ssize_t)sizeof r ?
				0 : 1);
		}
		int st;
		waitpid(g, &st, 0);
		free(data);
		memo_analyzer_free(an);
		_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 2);
	}
	close(p[1]);
	ssize_t n = read(p[0], out, sizeof *out);
	close(p[0]);
	int st;
	waitpid(pid, &st, 0);
	return n == (ssize_t)sizeof *out ? 0 : -1;
}

int main(int argc, char **argv)
{
	const char *formats = "all";
	size_t sizes[8] = { 1, 10, 100 }, nsizes = 3;
	int repeat = 3;
	bool check = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			formats = argv[++i];
		} else if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc) {
			nsizes = 0;
			for (char *s = argv[++i]; *s && nsizes < 8;) {
				sizes[nsizes++] = strtoul(s, &s, 10);
				while (*s == ',')
					s++;
			}
		} else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
			repeat = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--check") == 0) {
			check = true;
		} else {
			fprintf(stderr, "usage: linear [--format md|docx|text|"
				"all] [--sizes 1,10,100] [--repeat N] "
				"[--check]\n");
			return 2;
		}
	}
	static const char *const all[] = { "md", "docx", "text" };
	int bad = 0;
	printf("%-5s %7s %9s %8s %8s %9s %9s %9s %9s %11s\n", "fmt", "size",
		"input MB", "parse s", "total s", "s/MB", "wall s", "peak MB",
		"MB/MB", "sentences");
	for (size_t f = 0; f < 3; f++) {
		if (strcmp(formats, "all") != 0 && strcmp(formats, all[f]) != 0)
			continue;
		double first_t = 0, first_m = 0, last_t = 0, last_m = 0;
		for (size_t k = 0; k < nsizes; k++) {
			s_res best;
			memset(&best, 0, sizeof best);
			double best_t = 1e300;
			/* the largest size once: it dominates the run time */
			int reps = k + 1 == nsizes && nsizes > 1 ? 1 : repeat;
			for (int r = 0; r < reps; r++) {
				s_res x;
				if (s_run(all[f], sizes[k], &x) != 0 ||
				    x.rc != MEMO_OK) {
					fprintf(stderr, "linear: %s %zu MB "
						"failed (status %d)\n", all[f],
						sizes[k], x.rc);
					return 1;
				}
				double t = x.parse_cpu + x.analyze_cpu;
				if (t < best_t) {
					best_t = t;
					best = x;
				}
			}
			double mb = (double)sizes[k];
			double tpm = best_t / mb;
			double mpm = (best.peak_mb - best.base_mb) / mb;
			printf("%-5s %4zu MB %9.1f %8.2f %8.2f %9.3f %9.2f "
				"%9.1f %9.2f %11zu\n", all[f], sizes[k],
				best.input_mb, best.parse_cpu, best_t, tpm,
				best.wall, best.peak_mb - best.base_mb, mpm,
				best.sentences);
			fflush(stdout);
			if (k == 0) {
				first_t = tpm;
				first_m = mpm;
			}
			last_t = tpm;
			last_m = mpm;
		}
		if (nsizes > 1) {
			double rt = last_t / first_t, rm = last_m / first_m;
			printf("%-5s time per MB, %zu MB / %zu MB: %.2fx; peak "
				"memory per MB: %.2fx%s\n", all[f],
				sizes[nsizes - 1], sizes[0], rt, rm,
				rt < 1.3 && rm < 1.3 ? "" : "  <- over 1.3x");
			bad |= !(rt < 1.3 && rm < 1.3);
		}
	}
	return check && bad ? 1 : 0;
}
