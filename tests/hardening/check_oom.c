/*
 * check_oom.c - allocation-failure injection: walk every allocation that
 * parsing and analyzing the example memos makes, and make each fail.
 *
 * For each input and each phase (parse, analyze, analyzer creation with
 * a cold spelling cache, configuration reading, JSON output), the call
 * is repeated with memo__alloc_fail_at(1), (2), ... until a run makes
 * fewer allocations than the failure point. Each failing call must
 * return MEMO_ENOMEM with the thread's error set to MEMO_ENOMEM, or
 * succeed when the failure was absorbed (a cache that stays cold), and
 * must give back every byte it took: the allocation wrappers are
 * wrapped at link time (-Wl,--wrap) to count live blocks and to record
 * the distinct call sites. ASan/LSan and valgrind check the same from
 * outside, including memory that libxml2, libzip, jansson and hunspell
 * allocate on their own (their own failures are not injected: see
 * docs/fuzzing.md).
 *
 * Inputs: examples/memos/ *.md as Markdown, as plain text, and as .docx
 * made at test time (hard_util.c), plus one configuration file.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hard_util.h"
#include "memo_internal.h"

char *__real_memo__strndup(const char *s, size_t len);

#ifdef MEMO_OOM_EXTERNAL
/* oom-external: libxml2 and jansson allocate through libmemo's wrappers
 * too (xmlMemSetup, json_set_alloc_funcs), so their failures are
 * injected as well and libmemo must notice them. libzip, md4c, hunspell,
 * inih and iconv have no allocator hook: their failures are not
 * injected (docs/fuzzing.md). */
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>

static char *s_xml_strdup(const char *s)
{
	return __real_memo__strndup(s, strlen(s));
}
#endif

/* ---- the wrapped allocators --------------------------------------------- */

void *__real_memo__malloc(size_t size);
void *__real_memo__calloc(size_t n, size_t size);
void *__real_memo__realloc(void *ptr, size_t size);
void __real_memo__free(void *ptr);
char *__real_memo__strndup(const char *s, size_t len);
void __real_memo_free(void *ptr);
void *__wrap_memo__malloc(size_t size);
void *__wrap_memo__calloc(size_t n, size_t size);
void *__wrap_memo__realloc(void *ptr, size_t size);
void __wrap_memo__free(void *ptr);
char *__wrap_memo__strndup(const char *s, size_t len);
void __wrap_memo_free(void *ptr);

static long s_live;             /* blocks from the wrappers not yet freed */
#define NSITES 16384
static void *s_sites[NSITES];   /* open addressing; return addresses */
static size_t s_nsites;
static int s_recording;
static uint64_t s_fail_n;       /* memo__alloc_count() of the failing call */
static void *s_fail_ra;         /* where that call was made */

static void s_site(void *ra)
{
	if (!s_recording)
		return;
	if (memo__alloc_count() == s_fail_n)
		s_fail_ra = ra;
	size_t h = ((uintptr_t)ra >> 2) * 2654435761u % NSITES;
	while (s_sites[h] && s_sites[h] != ra)
		h = (h + 1) % NSITES;
	if (!s_sites[h] && s_nsites < NSITES - 1) {
		s_sites[h] = ra;
		s_nsites++;
	}
}

void *__wrap_memo__malloc(size_t size)
{
	void *p = __real_memo__malloc(size);
	s_site(__builtin_return_address(0));
	s_live += p != NULL;
	return p;
}

void *__wrap_memo__calloc(size_t n, size_t size)
{
	void *p = __real_memo__calloc(n, size);
	s_site(__builtin_return_address(0));
	s_live += p != NULL;
	return p;
}

void *__wrap_memo__realloc(void *ptr, size_t size)
{
	void *p = __real_memo__realloc(ptr, size);
	s_site(__builtin_return_address(0));
	s_live += p != NULL && ptr == NULL;
	return p;
}

char *__wrap_memo__strndup(const char *s, size_t len)
{
	char *p = __real_memo__strndup(s, len);
	s_site(__builtin_return_address(0));
	s_live += p != NULL;
	return p;
}

void __wrap_memo__free(void *ptr)
{
	s_live -= ptr != NULL;
	__real_memo__free(ptr);
}

void __wrap_memo_free(void *ptr)
{
	s_live -= ptr != NULL;
	__real_memo_free(ptr);
}

/* ---- the walk ----------------------------------------------------------- */

/* One call under test: returns its status; cleans up after itself
 * (frees what it made on success). Right after the API calls under test
 * it calls s_api_done(), then (on success) stores a fingerprint of the
 * result in *fp, so that an absorbed failure can be compared with the
 * clean result. */
typedef int (*s_call)(void *ctx, uint64_t *fp);

static uint64_t s_before, s_made;

/* The calls under test are over: stop injecting, count allocations. */
static void s_api_done(void)
{
	s_made = memo__alloc_count() - s_before;
	memo__alloc_fail_at(0);
	s_recording = 0;
}

static uint64_t s_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ull;
	return h;
}

static uint64_t s_hash_str(uint64_t h, const char *s)
{
	return s ? s_hash(h, s, strlen(s) + 1) : s_hash(h, "", 1);
}

typedef struct s_totals {
	unsigned long calls;      /* allocations made to fail */
	unsigned long absorbed;   /* ... after which the call succeeded */
	unsigned long changed;    /* ... with a result unlike the clean one */
	unsigned long mishandled; /* wrong status or error */
	unsigned long leaked;     /* runs that did not give back all blocks */
} s_totals;

static s_totals s_all;

static void s_walk(const char *label, s_call call, void *ctx)
{
	s_totals t = { 0 };
	size_t sites0 = s_nsites;
	/* first runs warm the caches an analyzer keeps (spelling
	 * verdicts; word forms, which an analyzer publishes from its
	 * second analysis on: two runs); then a clean run must succeed and
	 * give back all */
	uint64_t fp_clean = 0, fp;
	int rc = MEMO_OK;
	for (int warm = 0; warm < 2 && rc == MEMO_OK; warm++) {
		s_before = memo__alloc_count();
		rc = call(ctx, &fp_clean);
	}
	ck_assert_msg(rc == MEMO_OK, "%s: first run failed: %s", label,
		memo_error_message(memo_error_last()));
	long live0 = s_live;
	s_before = memo__alloc_count();
	s_recording = 1;
	rc = call(ctx, &fp);
	s_recording = 0;
	ck_assert_msg(rc == MEMO_OK, "%s: clean run failed: %s", label,
		memo_error_message(memo_error_last()));
	ck_assert_msg(fp == fp_clean, "%s: two clean runs differ", label);
	ck_assert_msg(s_live == live0, "%s: clean run leaked %ld blocks",
		label, s_live - live0);
	uint64_t clean = 0;
	for (uint64_t n = 1;; n++) {
		memo_error_clear();
		s_before = memo__alloc_count();
		memo__alloc_fail_at(n);
		s_fail_n = s_before + n;
		s_fail_ra = NULL;
		s_recording = 1;
		fp = 0;
		rc = call(ctx, &fp);
		if (s_made < n) {
			/* fewer allocations than the failure point: done */
			ck_assert_msg(rc == MEMO_OK, "%s: run %llu failed with "
				"no failure injected: %s", label,
				(unsigned long long)n,
				memo_error_message(memo_error_last()));
			clean = s_made;
			break;
		}
		t.calls++;
		if (rc == MEMO_OK) {
			t.absorbed++;
			if (fp != fp_clean) {
				t.changed++;
				fprintf(stderr, "# %s: allocation %llu (call "
					"site %p) absorbed, result changed\n",
					label, (unsigned long long)n,
					s_fail_ra);
			} else if (getenv("MEMO_OOM_VERBOSE")) {
				fprintf(stderr, "# %s: allocation %llu (call "
					"site %p) absorbed\n", label,
					(unsigned long long)n, s_fail_ra);
			}
		} else if (rc != MEMO_ENOMEM ||
		           memo_error_code(memo_error_last()) != MEMO_ENOMEM) {
			t.mishandled++;
			fprintf(stderr, "# %s: allocation %llu (call site %p) "
				"failed -> %s (%d), error %d: %s\n", label,
				(unsigned long long)n, s_fail_ra,
				memo_status_str(rc), rc,
				memo_error_code(memo_error_last()),
				memo_error_message(memo_error_last()));
		}
		if (s_live != live0) {
			t.leaked++;
			fprintf(stderr, "# %s: allocation %llu failed -> %ld "
				"blocks not given back\n", label,
				(unsigned long long)n, s_live - live0);
			live0 = s_live;
		}
	}
	printf("# %-40s %5lu allocations failed in turn (%llu in a clean "
		"run), %lu absorbed (%lu changed the result), %zu new sites\n",
		label, t.calls, (unsigned long long)clean, t.absorbed,
		t.changed, s_nsites - sites0);
	s_all.calls += t.calls;
	s_all.absorbed += t.absorbed;
	s_all.changed += t.changed;
	s_all.mishandled += t.mishandled;
	s_all.leaked += t.leaked;
	ck_assert_msg(t.mishandled == 0, "%s: %lu failures mishandled", label,
		t.mishandled);
	ck_assert_msg(t.leaked == 0, "%s: %lu failing runs leaked", label,
		t.leaked);
	ck_assert_msg(t.calls > 0, "%s: no allocation at all", label);
}

/* ---- the calls ---------------------------------------------------------- */

typedef struct s_input {
	char label[64];
	char *data;
	size_t len;
	const char *name;           /* decides the format */
	memo_document *doc;         /* parsed once, for analysis */
} s_input;

static s_input s_inputs[64];
static size_t s_ninputs;
static memo_analyzer *s_an;     /* defaults: en_US spelling when present */
static char s_tmpdir[64], s_ini[96], s_dicbase[4096];

static uint64_t s_fp_doc(const memo_document *doc)
{
	char *json = NULL;
	size_t len = 0;
	if (memo_document_to_json(doc, 0, &json, &len) != MEMO_OK)
		return 1;
	uint64_t h = s_hash(14695981039346656037ull, json, len);
	memo_free(json);
	return h;
}

static uint64_t s_fp_report(const memo_report *rep)
{
	char *json = NULL;
	size_t len = 0;
	uint64_t h = 14695981039346656037ull;
	if (memo_report_to_json(rep, MEMO_JSON_SENTENCES |
		    MEMO_JSON_PARAGRAPHS, &json, &len) != MEMO_OK)
		return 1;
	h = s_hash(h, json, len);
	memo_free(json);
	for (size_t i = 0; i < memo_report_finding_count(rep); i++) {
		const memo_finding *f = memo_report_finding_at(rep, i);
		memo_range r;
		memo_finding_range(f, &r);
		h = s_hash_str(h, memo_finding_rule_id(f));
		h = s_hash_str(h, memo_finding_message(f));
		h = s_hash(h, &r.start.offset, sizeof r.start.offset);
		h = s_hash(h, &r.end.offset, sizeof r.end.offset);
		for (size_t k = 0; k < memo_finding_replacement_count(f); k++)
			h = s_hash_str(h, memo_finding_replacement_at(f, k));
	}
	h = s_hash_str(h, memo_report_kind(rep));
	for (size_t i = 0; i < memo_report_advice_count(rep); i++) {
		double pts = 0;
		h = s_hash_str(h, memo_report_advice_at(rep, i, &pts));
		h = s_hash(h, &pts, sizeof pts);
	}
	double v = 0;
	for (size_t i = 0; i < memo_subscore_count(); i++) {
		if (memo_report_score(rep, NULL, memo_subscore_name(i), &v) ==
		    MEMO_OK)
			h = s_hash(h, &v, sizeof v);
	}
	return h;
}

static int s_do_parse(void *ctx, uint64_t *fp)
{
	s_input *in = ctx;
	memo_document *doc = NULL;
	int rc = memo_document_parse(&doc, in->data, in->len, in->name, NULL);
	s_api_done();
	ck_assert((rc == MEMO_OK) == (doc != NULL));
	if (doc)
		*fp = s_fp_doc(doc);
	memo_document_free(doc);
	return rc;
}

static int s_do_analyze(void *ctx, uint64_t *fp)
{
	s_input *in = ctx;
	memo_report *rep = NULL;
	int rc = memo_analyze(&rep, s_an, in->doc);
	s_api_done();
	ck_assert((rc == MEMO_OK) == (rep != NULL));
	if (rep)
		*fp = s_fp_report(rep);
	memo_report_free(rep);
	return rc;
}

/* A fresh analyzer each time (a small dictionary, suggestions on): the
 * analyzer's creation, the spelling pool and its cold cache. */
static int s_do_analyzer_cold(void *ctx, uint64_t *fp)
{
	s_input *in = ctx;
	memo_config *cfg = NULL;
	memo_analyzer *an = NULL;
	memo_report *rep = NULL;
	int rc = memo_config_new(&cfg);
	if (rc == MEMO_OK)
		rc = memo_config_set_string(cfg, "spelling.dictionary",
			s_dicbase);
	if (rc == MEMO_OK)
		rc = memo_config_set_double(cfg, "spelling.suggest", 1);
	if (rc == MEMO_OK)
		rc = memo_config_accept_word(cfg, "onboarding");
	if (rc == MEMO_OK)
		rc = memo_config_lexicon_add(cfg, "hedge", "we hope");
	if (rc == MEMO_OK)
		rc = memo_config_set_kind_for(cfg, "*.docx", "narrative");
	if (rc == MEMO_OK)
		rc = memo_analyzer_new(&an, cfg);
	memo_config_free(cfg);
	if (rc == MEMO_OK)
		rc = memo_analyze(&rep, an, in->doc);
	s_api_done();
	if (rep)
		*fp = s_fp_report(rep);
	memo_report_free(rep);
	memo_analyzer_free(an);
	return rc;
}

static int s_do_json(void *ctx, uint64_t *fp)
{
	s_input *in = ctx;
	memo_report *rep = NULL;
	char *a = NULL, *b = NULL;
	size_t alen = 0, blen = 0;
	int rc = memo_document_to_json(in->doc, 0, &a, &alen);
	if (rc == MEMO_OK)
		rc = memo_analyze(&rep, s_an, in->doc);
	if (rc == MEMO_OK)
		rc = memo_report_to_json(rep, MEMO_JSON_SENTENCES |
			MEMO_JSON_PARAGRAPHS, &b, &blen);
	s_api_done();
	if (rc == MEMO_OK)
		*fp = s_hash(s_hash(14695981039346656037ull, a, alen), b,
			blen);
	memo_free(a);
	memo_free(b);
	memo_report_free(rep);
	return rc;
}

static int s_do_config(void *ctx, uint64_t *fp)
{
	(void)ctx;
	memo_config *cfg = NULL;
	char *found = NULL;
	int rc = memo_config_new(&cfg);
	if (rc == MEMO_OK)
		rc = memo_config_load_file(cfg, s_ini);
	if (rc == MEMO_OK)
		rc = memo_config_find(&found, s_tmpdir);
	s_api_done();
	if (rc == MEMO_OK) {
		uint64_t h = s_hash_str(14695981039346656037ull, found);
		for (size_t i = 0; i < memo_config_key_count(); i++) {
			double v = 0;
			memo_config_get_double(cfg, memo_config_key_at(i), &v);
			h = s_hash(h, &v, sizeof v);
		}
		*fp = h;
	}
	memo_free(found);
	memo_config_free(cfg);
	return rc;
}

/* ---- fixtures ----------------------------------------------------------- */

static const char s_ini_text[] =
	"; every section of .memo.ini\n"
	"[memo]\nkind = narrative\nsentence.max_words = 25\npage.words = 400\n"
	"spelling.suggest = 1\n"
	"[rules]\nhedge = error\npadding.passive = off\nprfaq.* = info\n"
	"[lexicon.hedge]\nadd = might well, we hope\nremove = would\n"
	"[lexicon.booster]\nadd = hugely\n"
	"[kinds]\nprfaq/*.md = prfaq\n*-coe.docx = coe\n"
	"[spelling]\nwords = libmemo, Kubernetes, onboarding\n"
	"[score]\nweight.evidence = 2\nweight.structure = 0.5\n";

/* Setup runs outside any test: a failure ends the program. */
#define REQUIRE(c) \
	do { \
		if (!(c)) { \
			fprintf(stderr, "check_oom: setup failed: %s (%s)\n", \
				#c, memo_error_message(memo_error_last())); \
			exit(1); \
		} \
	} while (0)

static void s_setup(void)
{
	char **paths;
	size_t n = hd_example_memos(&paths);
	REQUIRE(n > 0);
	for (size_t i = 0; i < n && s_ninputs + 3 <= 64; i++) {
		size_t len;
		char *md = hd_read_file(paths[i], &len);
		REQUIRE(md);
		const char *base = strrchr(paths[i], '/') + 1;
		static const char *const names[] = { "memo.md", "memo.txt",
			"memo.docx" };
		for (int k = 0; k < 3; k++) {
			s_input *in = &s_inputs[s_ninputs++];
			snprintf(in->label, sizeof in->label, "%.20s %s", base,
				names[k] + 5);
			in->name = names[k];
			if (k == 2) {
				in->data = hd_md_to_docx(md, len, &in->len);
				REQUIRE(in->data);
			} else {
				in->data = malloc(len + 1);
				memcpy(in->data, md, len + 1);
				in->len = len;
			}
			REQUIRE(memo_document_parse(&in->doc, in->data,
				in->len, in->name, NULL) == MEMO_OK);
		}
		free(md);
	}
	hd_free_list(paths, n);

	memo_config *cfg;
	REQUIRE(memo_config_new(&cfg) == MEMO_OK);
	int rc = memo_analyzer_new(&s_an, cfg);
	if (rc == MEMO_ENOTFOUND) {
		printf("# no en_US dictionary: spelling off in the shared "
			"analyzer\n");
		memo_config_set_rule(cfg, "spelling", MEMO_SEVERITY_NONE);
		rc = memo_analyzer_new(&s_an, cfg);
	}
	REQUIRE(rc == MEMO_OK);
	memo_config_free(cfg);

	const char *root = getenv("MEMO_SOURCE_ROOT");
	snprintf(s_dicbase, sizeof s_dicbase, "%s/tests/spell/data/tiny.dic",
		root ? root : ".");
	snprintf(s_tmpdir, sizeof s_tmpdir, "/tmp/memo-oom-XXXXXX");
	REQUIRE(mkdtemp(s_tmpdir));
	snprintf(s_ini, sizeof s_ini, "%s/.memo.ini", s_tmpdir);
	FILE *f = fopen(s_ini, "w");
	REQUIRE(f);
	fputs(s_ini_text, f);
	fclose(f);
}

/* ---- tests -------------------------------------------------------------- */

START_TEST(test_oom_parse_each_allocation)
{
	char label[96];
	s_input *in = &s_inputs[_i % (int)s_ninputs];
	snprintf(label, sizeof label, "parse %s", in->label);
	s_walk(label, s_do_parse, in);
}
END_TEST

#ifndef MEMO_OOM_EXTERNAL
START_TEST(test_oom_analyze_each_allocation)
{
	char label[96];
	s_input *in = &s_inputs[_i % (int)s_ninputs];
	snprintf(label, sizeof label, "analyze %s", in->label);
	s_walk(label, s_do_analyze, in);
}
END_TEST

START_TEST(test_oom_analyzer_cold_each_allocation)
{
	char label[96];
	s_input *in = &s_inputs[_i % (int)s_ninputs];
	snprintf(label, sizeof label, "new analyzer+analyze %s", in->label);
	s_walk(label, s_do_analyzer_cold, in);
}
END_TEST

#endif

START_TEST(test_oom_json_each_allocation)
{
	char label[96];
	s_input *in = &s_inputs[_i % (int)s_ninputs];
	snprintf(label, sizeof label, "json %s", in->label);
	s_walk(label, s_do_json, in);
}
END_TEST

#ifndef MEMO_OOM_EXTERNAL
START_TEST(test_oom_config_each_allocation)
{
	s_walk("config load+find", s_do_config, NULL);
}
END_TEST
#endif

int main(void)
{
#ifdef MEMO_OOM_EXTERNAL
	/* before libxml2 allocates anything */
	/* the real wrappers: the countdown applies, but the live-block
	 * count is libmemo's own (json_dumps' result goes to free()) */
	xmlMemSetup(__real_memo__free, __real_memo__malloc,
		__real_memo__realloc, s_xml_strdup);
	/* jansson's failures are not detected (a json_object_set_new()
	 * that fails leaves the key out): MEMO_OOM_JANSSON=1 measures how
	 * many change the output, without failing the test */
	bool jansson = getenv("MEMO_OOM_JANSSON") != NULL;
	if (jansson)
		json_set_alloc_funcs(__real_memo__malloc, __real_memo__free);
	/* these phases make no libxml2 or jansson allocation */
	(void)s_do_analyze;
	(void)s_do_analyzer_cold;
	(void)s_do_config;
#endif
	s_setup();
	int n = (int)s_ninputs;
	Suite *s = suite_create("oom");
	TCase *tc = tcase_create("walk");
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, test_oom_parse_each_allocation, 0, n);
#ifndef MEMO_OOM_EXTERNAL
	tcase_add_loop_test(tc, test_oom_analyze_each_allocation, 0, n);
	tcase_add_loop_test(tc, test_oom_analyzer_cold_each_allocation, 0, n);
	tcase_add_test(tc, test_oom_config_each_allocation);
#endif
#ifdef MEMO_OOM_EXTERNAL
	if (jansson)
#endif
		tcase_add_loop_test(tc, test_oom_json_each_allocation, 0, n);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	/* one process: the totals add up across tests */
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	printf("# OOM walk: %lu allocations failed in turn at %zu distinct "
		"allocation sites; %lu absorbed (%lu of them changed the "
		"result), %lu mishandled, %lu leaked\n", s_all.calls, s_nsites,
		s_all.absorbed, s_all.changed, s_all.mishandled, s_all.leaked);
	for (size_t i = 0; i < s_ninputs; i++) {
		memo_document_free(s_inputs[i].doc);
		free(s_inputs[i].data);
	}
	memo_analyzer_free(s_an);
	unlink(s_ini);
	rmdir(s_tmpdir);
	return failed ? 1 : 0;
}
