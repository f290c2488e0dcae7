/*
 * check_threads.c - the intended parallel use (docs/threading.md): N
 * threads each parse their own files with memo_document_parse_file(),
 * and all of them analyze with ONE shared analyzer, spelling on (its
 * hunspell pool hands out handles under a lock). Built and run under
 * ThreadSanitizer in CI (-Db_sanitize=thread, suite 'threads'); in
 * other builds it checks the results only.
 *
 * Every thread's reports must equal the ones made on one thread first
 * (a fingerprint of findings, sentences and scores); errors must stay
 * on the thread that made them; documents and reports are freed in
 * either order and on other threads than the one that made them.
 *
 * The analyzer's cache of word forms (shared by its analyses, filled
 * lock-free) is raced on while cold, and filled past its bound by
 * threads whose documents share words in different cases: every result
 * must equal the one made alone.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hard_util.h"
#include <memo.h>

#define NTHREADS 4
#define ROUNDS 3
#define MAXFILES 16

static char s_dir[64];
static char *s_files[MAXFILES];
static size_t s_nfiles;
static uint64_t s_expect[MAXFILES];
static memo_analyzer *s_an;

static uint64_t s_mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ull;
	return h;
}

static uint64_t s_mix_str(uint64_t h, const char *s)
{
	return s_mix(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static uint64_t s_fingerprint(const memo_report *rep)
{
	uint64_t h = 14695981039346656037ull;
	size_t n = memo_report_finding_count(rep);
	h = s_mix(h, &n, sizeof n);
	for (size_t i = 0; i < n; i++) {
		const memo_finding *f = memo_report_finding_at(rep, i);
		memo_range r;
		memo_finding_range(f, &r);
		h = s_mix_str(h, memo_finding_rule_id(f));
		h = s_mix_str(h, memo_finding_message(f));
		h = s_mix(h, &r.start.offset, sizeof r.start.offset);
		for (size_t k = 0; k < memo_finding_replacement_count(f); k++)
			h = s_mix_str(h, memo_finding_replacement_at(f, k));
	}
	size_t ns = memo_report_sentence_count(rep);
	h = s_mix(h, &ns, sizeof ns);
	h = s_mix_str(h, memo_report_kind(rep));
	double v = 0;
	for (size_t i = 0; i < memo_subscore_count(); i++)
		if (memo_report_score(rep, NULL, memo_subscore_name(i), &v) ==
		    MEMO_OK)
			h = s_mix(h, &v, sizeof v);
	if (memo_report_score(rep, NULL, NULL, &v) == MEMO_OK)
		h = s_mix(h, &v, sizeof v);
	if (memo_report_metric(rep, NULL, "words", &v) == MEMO_OK)
		h = s_mix(h, &v, sizeof v);
	return h;
}

/* Parse and analyze file i; returns the fingerprint, or 0 on failure
 * (with a message in err). */
static uint64_t s_run(const memo_analyzer *an, size_t i, bool doc_first,
	char *err, size_t cap)
{
	memo_document *doc = NULL;
	memo_report *rep = NULL;
	if (memo_document_parse_file(&doc, s_files[i], NULL) != MEMO_OK) {
		snprintf(err, cap, "parse %s: %s", s_files[i],
			memo_error_message(memo_error_last()));
		return 0;
	}
	if (memo_analyze(&rep, an, doc) != MEMO_OK) {
		snprintf(err, cap, "analyze %s: %s", s_files[i],
			memo_error_message(memo_error_last()));
		memo_document_free(doc);
		return 0;
	}
	/* the report keeps the document alive: either order works */
	if (doc_first)
		memo_document_free(doc);
	uint64_t fp = s_fingerprint(rep);
	char *json = NULL;
	if (memo_report_to_json(rep, MEMO_JSON_SENTENCES, &json, NULL) ==
	    MEMO_OK)
		fp = s_mix_str(fp, json);
	memo_free(json);
	memo_report_free(rep);
	if (!doc_first)
		memo_document_free(doc);
	return fp ? fp : 1;
}

typedef struct s_job {
	int id;
	int rounds;
	const memo_analyzer *an;
	pthread_barrier_t *go;   /* or NULL */
	int mismatches;
	int failures;
	char err[512];
	memo_report *handoff;    /* a report for another thread to free */
} s_job;

static void *s_worker(void *arg)
{
	s_job *j = arg;
	if (j->go)
		pthread_barrier_wait(j->go);
	for (int round = 0; round < j->rounds; round++) {
		for (size_t k = 0; k < s_nfiles; k++) {
			/* each thread starts at its own file */
			size_t i = (k + (size_t)j->id * 3) % s_nfiles;
			uint64_t fp = s_run(j->an, i, (k + (size_t)round) % 2,
				j->err, sizeof j->err);
			if (!fp)
				j->failures++;
			else if (fp != s_expect[i])
				j->mismatches++;
		}
		/* an error is the failing thread's own */
		memo_document *doc = NULL;
		char path[128];
		snprintf(path, sizeof path, "%s/missing-%d.md", s_dir, j->id);
		if (memo_document_parse_file(&doc, path, NULL) != MEMO_EIO ||
		    !strstr(memo_error_message(memo_error_last()), path))
			j->failures++;
	}
	/* leave one report for the main thread to free */
	memo_document *doc = NULL;
	if (memo_document_parse_file(&doc, s_files[(size_t)j->id % s_nfiles],
		    NULL) == MEMO_OK &&
	    memo_analyze(&j->handoff, j->an, doc) != MEMO_OK)
		j->failures++;
	memo_document_free(doc);
	return NULL;
}

/* An analyzer with spelling on (suggestions too: the slowest path
 * through the hunspell pool). */
static memo_analyzer *s_new_analyzer(void)
{
	memo_config *cfg;
	memo_analyzer *an = NULL;
	ck_assert_int_eq(memo_config_new(&cfg), MEMO_OK);
	ck_assert_int_eq(memo_config_set_double(cfg, "spelling.suggest", 1),
		MEMO_OK);
	ck_assert_int_eq(memo_config_set_rule(cfg, "spelling",
		MEMO_SEVERITY_WARNING), MEMO_OK);
	int rc = memo_analyzer_new(&an, cfg);
	memo_config_free(cfg);
	ck_assert_msg(rc == MEMO_OK, "no analyzer with spelling (is "
		"hunspell-en-us installed?): %s",
		memo_error_message(memo_error_last()));
	return an;
}

static void s_write(const char *name, const char *data, size_t len)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", s_dir, name);
	FILE *f = fopen(path, "wb");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	fwrite(data, 1, len, f);
	fclose(f);
	s_files[s_nfiles++] = strdup(path);
}

static void s_setup(void)
{
	snprintf(s_dir, sizeof s_dir, "/tmp/memo-threads-XXXXXX");
	ck_assert(mkdtemp(s_dir) != NULL);
	char **ex;
	size_t nex = hd_example_memos(&ex);
	ck_assert_msg(nex > 0, "no example memos (MEMO_SOURCE_ROOT?)");
	for (size_t i = 0; i < nex && s_nfiles + 3 <= MAXFILES - 3; i++) {
		size_t len, dlen;
		char *md = hd_read_file(ex[i], &len);
		ck_assert(md != NULL);
		char name[64];
		snprintf(name, sizeof name, "ex%zu.md", i);
		s_write(name, md, len);
		snprintf(name, sizeof name, "ex%zu.txt", i);
		s_write(name, md, len);
		char *docx = hd_md_to_docx(md, len, &dlen);
		snprintf(name, sizeof name, "ex%zu.docx", i);
		s_write(name, docx, dlen);
		free(docx);
		free(md);
	}
	hd_free_list(ex, nex);
	/* generated memos of different sizes, Markdown and docx */
	static const size_t sizes[] = { 3000, 20000, 60000 };
	for (size_t i = 0; i < 3; i++) {
		size_t len, dlen;
		char *md = hd_gen_memo(sizes[i], &len);
		char name[64];
		snprintf(name, sizeof name, "gen%zu.md", i);
		s_write(name, md, len);
		char *docx = hd_md_to_docx(md, len, &dlen);
		snprintf(name, sizeof name, "gen%zu.docx", i);
		s_write(name, docx, dlen);
		free(docx);
		free(md);
	}

	s_an = s_new_analyzer();
}

static void s_teardown(void)
{
	for (size_t i = 0; i < s_nfiles; i++) {
		unlink(s_files[i]);
		free(s_files[i]);
	}
	s_nfiles = 0;
	rmdir(s_dir);
	memo_analyzer_free(s_an);
	s_an = NULL;
}

/* The expected results, on this thread alone, with s_an. */
static void s_expect_all(void)
{
	char err[512];
	for (size_t i = 0; i < s_nfiles; i++) {
		s_expect[i] = s_run(s_an, i, false, err, sizeof err);
		ck_assert_msg(s_expect[i] != 0, "%s", err);
	}
}

/* NTHREADS workers (s_worker) on an, rounds each, started together when
 * go is set; checks their results. */
static void s_run_workers(const memo_analyzer *an, int rounds, bool go)
{
	pthread_t t[NTHREADS];
	s_job jobs[NTHREADS];
	pthread_barrier_t barrier;
	memset(jobs, 0, sizeof jobs);
	if (go)
		pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (int i = 0; i < NTHREADS; i++) {
		jobs[i].id = i;
		jobs[i].rounds = rounds;
		jobs[i].an = an;
		jobs[i].go = go ? &barrier : NULL;
		ck_assert_int_eq(pthread_create(&t[i], NULL, s_worker,
			&jobs[i]), 0);
	}
	int mismatches = 0, failures = 0;
	for (int i = 0; i < NTHREADS; i++) {
		pthread_join(t[i], NULL);
		mismatches += jobs[i].mismatches;
		failures += jobs[i].failures;
		if (jobs[i].failures)
			fprintf(stderr, "# thread %d: %s\n", i, jobs[i].err);
		/* freed on another thread than the one that made it */
		memo_report_free(jobs[i].handoff);
	}
	if (go)
		pthread_barrier_destroy(&barrier);
	printf("# %d threads x %d rounds x %zu files: %d mismatches, %d "
		"failures\n", NTHREADS, rounds, s_nfiles, mismatches, failures);
	ck_assert_int_eq(failures, 0);
	ck_assert_int_eq(mismatches, 0);
}

START_TEST(test_threads_parse_apart_analyze_shared)
{
	s_setup();
	s_expect_all();
	s_run_workers(s_an, ROUNDS, false);
	s_teardown();
}
END_TEST

/* Threads started together on a new analyzer race to fill its cache of
 * word forms: their results must equal those of s_an, whose cache the
 * expectations filled one file at a time. */
START_TEST(test_threads_cold_word_cache)
{
	s_setup();
	s_expect_all();
	memo_analyzer *an = s_new_analyzer();
	s_run_workers(an, 1, true);
	memo_analyzer_free(an);
	s_teardown();
}
END_TEST

/* ---- the word cache filled past its bound ------------------------------
 * Each thread's document is made of invented words, WORDS of them from
 * word t * STEP on: a thread shares words with the next one, written in
 * another case (lower, Capitalised, UPPER), and all of them together
 * have more distinct words than the cache holds (65536). */
#define WORDS 25000
#define STEP 15000

static char *s_words_doc(int t, size_t *len)
{
	size_t cap = (size_t)WORDS * 8 + 64, n = 0;
	char *s = malloc(cap);
	ck_assert(s != NULL);
	n += (size_t)snprintf(s, cap, "# Words %d\n\n", t);
	for (int k = 0; k < WORDS; k++) {
		unsigned v = (unsigned)(t * STEP + k);
		char w[8] = { 'z', 'q' };
		for (int d = 0; d < 4; d++, v /= 26)
			w[2 + d] = (char)('a' + v % 26);
		if (t % 3 == 1)
			w[0] = 'Z';
		for (int d = 0; t % 3 == 2 && d < 6; d++)
			w[d] = (char)(w[d] - 'a' + 'A');
		memcpy(s + n, w, 6);
		n += 6;
		s[n++] = k % 97 == 96 ? '\n' : k % 12 == 11 ? '.' : ' ';
		if (k % 12 == 11)
			s[n++] = k % 97 == 96 ? '\n' : ' ';
	}
	s[n++] = '\n';
	*len = n;
	return s;
}

static uint64_t s_fp_text(const memo_analyzer *an, const char *s,
	size_t len)
{
	memo_document *doc = NULL;
	memo_report *rep = NULL;
	char *json = NULL;
	if (memo_document_parse(&doc, s, len, "words.md", NULL) != MEMO_OK ||
	    memo_analyze(&rep, an, doc) != MEMO_OK) {
		memo_document_free(doc);
		return 0;
	}
	uint64_t fp = s_fingerprint(rep);
	if (memo_report_to_json(rep, MEMO_JSON_SENTENCES, &json, NULL) ==
	    MEMO_OK)
		fp = s_mix_str(fp, json);
	memo_free(json);
	memo_report_free(rep);
	memo_document_free(doc);
	return fp ? fp : 1;
}

static memo_analyzer *s_new_analyzer_nospell(void)
{
	memo_config *cfg;
	memo_analyzer *an = NULL;
	ck_assert_int_eq(memo_config_new(&cfg), MEMO_OK);
	ck_assert_int_eq(memo_config_set_rule(cfg, "spelling",
		MEMO_SEVERITY_NONE), MEMO_OK);
	ck_assert_int_eq(memo_analyzer_new(&an, cfg), MEMO_OK);
	memo_config_free(cfg);
	return an;
}

typedef struct s_wjob {
	const memo_analyzer *an;
	const char *text;
	size_t len;
	uint64_t expect;
	pthread_barrier_t *go;
	int wrong;
} s_wjob;

static void *s_words_worker(void *arg)
{
	s_wjob *j = arg;
	pthread_barrier_wait(j->go);
	for (int round = 0; round < 2; round++)
		if (s_fp_text(j->an, j->text, j->len) != j->expect)
			j->wrong++;
	return NULL;
}

START_TEST(test_threads_word_cache_full)
{
	char *text[NTHREADS];
	size_t len[NTHREADS];
	s_wjob jobs[NTHREADS];
	pthread_t th[NTHREADS];
	pthread_barrier_t go;
	pthread_barrier_init(&go, NULL, NTHREADS);
	memo_analyzer *shared = s_new_analyzer_nospell();
	for (int t = 0; t < NTHREADS; t++) {
		text[t] = s_words_doc(t, &len[t]);
		/* alone: a cache of its own, never full */
		memo_analyzer *an = s_new_analyzer_nospell();
		jobs[t] = (s_wjob){ shared, text[t], len[t],
			s_fp_text(an, text[t], len[t]), &go, 0 };
		memo_analyzer_free(an);
		ck_assert(jobs[t].expect != 0);
	}
	for (int t = 0; t < NTHREADS; t++)
		ck_assert_int_eq(pthread_create(&th[t], NULL, s_words_worker,
			&jobs[t]), 0);
	int wrong = 0;
	for (int t = 0; t < NTHREADS; t++) {
		pthread_join(th[t], NULL);
		wrong += jobs[t].wrong;
	}
	/* once more with the cache full */
	for (int t = 0; t < NTHREADS; t++) {
		wrong += s_fp_text(shared, text[t], len[t]) != jobs[t].expect;
		free(text[t]);
	}
	pthread_barrier_destroy(&go);
	memo_analyzer_free(shared);
	ck_assert_int_eq(wrong, 0);
}
END_TEST

/* One document shared by all threads, which race to make its offset
 * index (memo_document_convert_offset): every answer must equal a count
 * from the start of the text. */
typedef struct s_conv {
	const memo_document *doc;
	const uint64_t *cp;   /* code points before each byte offset */
	pthread_barrier_t *go;
	int wrong;
} s_conv;

static void *s_conv_worker(void *arg)
{
	s_conv *c = arg;
	size_t len;
	(void)memo_document_text(c->doc, &len);
	pthread_barrier_wait(c->go);
	for (size_t i = 0; i <= len; i += 3) {
		uint64_t u = 0;
		if (memo_document_convert_offset(c->doc, i, MEMO_UNIT_CODEPOINT,
		    &u) != MEMO_OK || u != c->cp[i])
			c->wrong++;
	}
	return NULL;
}

START_TEST(test_threads_convert_offset_shared_document)
{
	size_t glen;
	char *gen = hd_gen_memo(60000, &glen);
	/* multi-byte characters on every line */
	size_t cap = glen * 2 + 1, n = 0;
	char *src = malloc(cap);
	for (size_t i = 0; i < glen; i++) {
		if (gen[i] == '\n' && n + 3 < cap) {
			memcpy(src + n, "\xC3\xA9", 2);
			n += 2;
		}
		src[n++] = gen[i];
	}
	free(gen);
	memo_document *doc = NULL;
	ck_assert_int_eq(memo_document_parse(&doc, src, n, "a.md", NULL),
		MEMO_OK);
	free(src);
	size_t len;
	const char *t = memo_document_text(doc, &len);
	uint64_t *cp = malloc((len + 1) * sizeof *cp);
	cp[0] = 0;
	for (size_t i = 0; i < len; i++)
		cp[i + 1] = cp[i] + (((unsigned char)t[i] & 0xC0) != 0x80);
	pthread_barrier_t go;
	pthread_barrier_init(&go, NULL, NTHREADS);
	pthread_t th[NTHREADS];
	s_conv c[NTHREADS];
	for (int i = 0; i < NTHREADS; i++) {
		c[i] = (s_conv){ doc, cp, &go, 0 };
		ck_assert_int_eq(pthread_create(&th[i], NULL, s_conv_worker,
			&c[i]), 0);
	}
	int wrong = 0;
	for (int i = 0; i < NTHREADS; i++) {
		pthread_join(th[i], NULL);
		wrong += c[i].wrong;
	}
	pthread_barrier_destroy(&go);
	free(cp);
	memo_document_free(doc);
	ck_assert_int_eq(wrong, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("shared analyzer");
	tcase_set_timeout(tc, 1200);
	tcase_add_test(tc, test_threads_parse_apart_analyze_shared);
	tcase_add_test(tc, test_threads_cold_word_cache);
	tcase_add_test(tc, test_threads_word_cache_full);
	tcase_add_test(tc, test_threads_convert_offset_shared_document);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
