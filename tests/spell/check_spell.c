/*
 * check_spell.c - the spelling rule (libmemo/analyze/spell.c) through the
 * public API: what is flagged and where, what never is, dictionaries,
 * accepted words, suggestions, and one analyzer shared by four threads.
 *
 * Needs the en_US hunspell dictionary (Debian: hunspell-en-us, installed
 * by scripts/install-deps.sh) and the fixtures in tests/spell/data.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memo.h>

static char s_data[1024];

/* The spelling findings of text (Markdown unless name says otherwise),
 * one line each: "start-end word|replacements". */
static int s_spell(const memo_analyzer *an, const char *name,
	const char *text, char *out, size_t cap)
{
	memo_document *doc;
	memo_report *r;
	int rc = memo_document_parse(&doc, text, strlen(text), name, NULL);
	if (rc)
		return rc;
	rc = memo_analyze(&r, an, doc);
	if (rc) {
		memo_document_free(doc);
		return rc;
	}
	const char *t = memo_document_text(doc, NULL);
	size_t at = 0;
	out[0] = '\0';
	for (size_t i = 0; i < memo_report_finding_count(r); i++) {
		const memo_finding *f = memo_report_finding_at(r, i);
		if (strcmp(memo_finding_rule_id(f), "spelling") != 0)
			continue;
		memo_range rg;
		memo_finding_range(f, &rg);
		at += (size_t)snprintf(out + at, cap - at, "%llu-%llu %.*s",
			(unsigned long long)rg.start.offset,
			(unsigned long long)rg.end.offset,
			(int)(rg.end.offset - rg.start.offset),
			t + rg.start.offset);
		for (size_t k = 0; k < memo_finding_replacement_count(f); k++)
			at += (size_t)snprintf(out + at, cap - at, "%c%s",
				k ? ',' : '|',
				memo_finding_replacement_at(f, k));
		at += (size_t)snprintf(out + at, cap - at, "\n");
	}
	memo_report_free(r);
	memo_document_free(doc);
	return 0;
}

static memo_analyzer *s_analyzer(memo_config *cfg)
{
	memo_analyzer *an = NULL;
	int rc = memo_analyzer_new(&an, cfg);
	ck_assert_msg(rc == 0, "memo_analyzer_new: %s",
		memo_error_message(memo_error_last()));
	return an;
}

static void s_expect(const memo_analyzer *an, const char *text,
	const char *want)
{
	char got[8192];
	ck_assert_int_eq(s_spell(an, "t.md", text, got, sizeof got), 0);
	ck_assert_msg(strcmp(got, want) == 0, "text: %s\nwant:\n%s\ngot:\n%s",
		text, want, got);
}

static const char *s_path(const char *file)
{
	static char buf[2048];
	snprintf(buf, sizeof buf, "%s/%s", s_data, file);
	return buf;
}

/* ---- what is flagged ---------------------------------------------------- */

START_TEST(test_misspelling_range)
{
	memo_analyzer *an = s_analyzer(NULL);
	s_expect(an, "We recieve the files.\n", "3-10 recieve\n");
	/* byte offsets in the document text, after multi-byte text */
	s_expect(an, "Our \xe2\x80\x9c" "best\xe2\x80\x9d owners recieve it.\n",
		"22-29 recieve\n");
	/* a heading and a list item */
	s_expect(an, "# Shipping teh plan\n\n- A wrod here\n",
		"11-14 teh\n25-29 wrod\n");
	/* every occurrence is a finding */
	s_expect(an, "teh cat and teh dog\n", "0-3 teh\n12-15 teh\n");
	memo_analyzer_free(an);
}
END_TEST

START_TEST(test_compounds_and_possessives)
{
	memo_analyzer *an = s_analyzer(NULL);
	/* the failing part of a compound, not the whole word */
	s_expect(an, "A customer-obsesed team.\n", "11-18 obsesed\n");
	/* the word without its possessive */
	s_expect(an, "The custmer's view.\n", "4-11 custmer\n");
	s_expect(an, "The custmer\xe2\x80\x99s view.\n", "4-11 custmer\n");
	/* known words with possessives, contractions, curly apostrophes,
	 * compounds and prefixes */
	s_expect(an, "The customer\xe2\x80\x99s and customers' view; we "
		"don\xe2\x80\x99t, it's e-mail, pre-existing, un-American, "
		"rock-n-roll, co-operate, well-known.\n", "");
	memo_analyzer_free(an);
}
END_TEST

START_TEST(test_never_flagged)
{
	memo_analyzer *an = s_analyzer(NULL);
	s_expect(an,
		"NASA, APIs, S3 and EC2 grew 3x to 1,200 users in Q3 and "
		"FY24. Read https://exampel.com/pathh and www.exampel.org, or "
		"write to jane.doe@exampel.com. Call fooBar, snake_case_nam, "
		"os.path.joinn and main.cc. The iPhone, GitHub and McDonald "
		"teams use mp3 and h264. I saw a b c x. See srcc/grammarr and "
		"orgg/repoo#12. Use `misspeled cde` "
		"inline and ``dbl `tick` cde`` too.\n"
		"\n"
		"```\n"
		"codeblock misspeled wrods\n"
		"```\n"
		"\n"
		"    indented misspeled code\n", "");
	/* foreign letters (outside en_US's alphabet) are not misspellings */
	s_expect(an, "We met in \xc5\x81\xc3\xb3\x64\xc5\xba and said "
		"\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82.\n", "");
	memo_analyzer_free(an);
}
END_TEST

START_TEST(test_plain_text_backticks)
{
	memo_analyzer *an = s_analyzer(NULL);
	char got[1024];
	ck_assert_int_eq(s_spell(an, "t.txt",
		"Run `misspeled` now, not wrodz.\n", got, sizeof got), 0);
	ck_assert_str_eq(got, "25-30 wrodz\n");
	memo_analyzer_free(an);
}
END_TEST

START_TEST(test_names)
{
	memo_analyzer *an = s_analyzer(NULL);
	/* a capitalised unknown word inside a sentence is a name */
	s_expect(an, "We met Zorblat and Quuxly today.\n", "");
	/* at a sentence start it is checked ... */
	s_expect(an, "Zorblat wrote it.\n", "0-7 Zorblat\n");
	/* ... unless the document uses it as a name elsewhere */
	s_expect(an, "Zorblat wrote it. We thank Zorblat.\n", "");
	s_expect(an, "# Zorblat plan\n\nWe thank Zorblat.\n", "");
	s_expect(an, "# Zorblat plan\n\nNo names here.\n", "2-9 Zorblat\n");
	/* a lower-case word is always checked */
	s_expect(an, "We met zorblat.\n", "7-14 zorblat\n");
	/* the capitalised form of a known word is fine anywhere */
	s_expect(an, "Receive it. We Receive it.\n", "");
	memo_analyzer_free(an);
}
END_TEST

START_TEST(test_inline_disable)
{
	memo_analyzer *an = s_analyzer(NULL);
	s_expect(an, "<!-- memo-disable spelling -->\nteh wrod\n"
		"<!-- memo-enable spelling -->\nteh\n", "70-73 teh\n");
	memo_analyzer_free(an);
}
END_TEST

START_TEST(test_rule_off)
{
	memo_config *cfg;
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_set_rule(cfg, "spelling",
		MEMO_SEVERITY_NONE), 0);
	/* even a missing dictionary is no error when the rule is off */
	ck_assert_int_eq(memo_config_set_string(cfg, "spelling.dictionary",
		"/nonexistent/xx.dic"), 0);
	memo_analyzer *an = s_analyzer(cfg);
	s_expect(an, "We recieve teh files.\n", "");
	memo_analyzer_free(an);
	memo_config_free(cfg);
}
END_TEST

/* ---- configuration ------------------------------------------------------ */

START_TEST(test_accept_word)
{
	memo_config *cfg;
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_accept_word(cfg, "zorblat"), 0);
	ck_assert_int_eq(memo_config_accept_word(cfg, "Quuxly"), 0);
	memo_analyzer *an = s_analyzer(cfg);
	/* hunspell's case rules: a lower-case word also accepts its
	 * capitalised and upper-case forms; a capitalised one does not
	 * accept the lower-case form */
	s_expect(an, "We use zorblat. Zorblat and Quuxly work. quuxly.\n",
		"41-47 quuxly\n");
	memo_analyzer_free(an);
	memo_config_free(cfg);
}
END_TEST

START_TEST(test_dictionary_path)
{
	memo_config *cfg;
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_set_string(cfg, "spelling.dictionary",
		s_path("tiny.dic")), 0);
	memo_analyzer *an = s_analyzer(cfg);
	/* affixes work (alphas); "the" is known; "gamma" is not */
	s_expect(an, "The alphas is beta gamma caf\xc3\xa9.\n",
		"19-24 gamma\n");
	memo_analyzer_free(an);
	memo_config_free(cfg);

	/* relative to the configuration file's folder, with its words */
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_load_file(cfg, s_path("memo.ini")), 0);
	an = s_analyzer(cfg);
	s_expect(an, "The alpha is gamma omega.\n", "19-24 omega\n");
	memo_analyzer_free(an);
	memo_config_free(cfg);
}
END_TEST

START_TEST(test_dictionary_latin1)
{
	memo_config *cfg;
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_set_string(cfg, "spelling.dictionary",
		s_path("latin1.dic")), 0);
	ck_assert_int_eq(memo_config_set_double(cfg, "spelling.suggest", 1),
		0);
	memo_analyzer *an = s_analyzer(cfg);
	/* UTF-8 text against an ISO8859-1 dictionary, both ways */
	s_expect(an, "The caf\xc3\xa9 is na\xc3\xafve; the cr\xc3\xa9me.\n",
		"25-31 cr\xc3\xa9me|cr\xc3\xa8me\n");
	memo_analyzer_free(an);
	memo_config_free(cfg);
}
END_TEST

START_TEST(test_language_dicpath)
{
	setenv("DICPATH", s_data, 1);
	memo_config *cfg;
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	/* a tag with '-' and any case: xx_YY */
	ck_assert_int_eq(memo_config_set_string(cfg, "spelling.language",
		"XX-yy"), 0);
	memo_analyzer *an = s_analyzer(cfg);
	s_expect(an, "The zebra is here.\n", "13-17 here\n");
	memo_analyzer_free(an);
	memo_config_free(cfg);
	unsetenv("DICPATH");
}
END_TEST

START_TEST(test_missing_dictionary)
{
	memo_config *cfg;
	memo_analyzer *an = NULL;
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_set_string(cfg, "spelling.dictionary",
		"/nonexistent/dir/en_ZZ.dic"), 0);
	ck_assert_int_eq(memo_analyzer_new(&an, cfg), MEMO_ENOTFOUND);
	ck_assert_ptr_null(an);
	const char *msg = memo_error_message(memo_error_last());
	ck_assert_msg(strstr(msg, "/nonexistent/dir/en_ZZ.dic") &&
		strstr(msg, "/nonexistent/dir/en_ZZ.aff"), "message: %s", msg);
	memo_config_free(cfg);

	/* an explicit language that is not installed */
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_set_string(cfg, "spelling.language",
		"zz-QQ"), 0);
	ck_assert_int_eq(memo_analyzer_new(&an, cfg), MEMO_ENOTFOUND);
	msg = memo_error_message(memo_error_last());
	ck_assert_msg(strstr(msg, "zz_QQ") && strstr(msg,
		"/usr/share/hunspell"), "message: %s", msg);
	memo_config_free(cfg);

	/* not a language tag */
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_set_string(cfg, "spelling.language",
		"../../etc/x"), 0);
	ck_assert_int_eq(memo_analyzer_new(&an, cfg), MEMO_EINVALID);
	memo_config_free(cfg);

	/* a file that is not a dictionary */
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_set_string(cfg, "spelling.dictionary",
		s_path("notadic.dic")), 0);
	ck_assert_int_eq(memo_analyzer_new(&an, cfg), MEMO_EFORMAT);
	memo_config_free(cfg);
}
END_TEST

START_TEST(test_suggestions)
{
	memo_analyzer *an = s_analyzer(NULL);
	/* off by default */
	s_expect(an, "We recieve it.\n", "3-10 recieve\n");
	memo_analyzer_free(an);

	memo_config *cfg;
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	double v = -1;
	ck_assert_int_eq(memo_config_get_double(cfg, "spelling.suggest", &v),
		0);
	ck_assert(v == 0);
	ck_assert_int_eq(memo_config_set_double(cfg, "spelling.suggest", 2),
		MEMO_EINVALID);
	ck_assert_int_eq(memo_config_set_int(cfg, "spelling.suggest", 1), 0);
	an = s_analyzer(cfg);
	char got[1024];
	/* twice: the second answer comes from the handle's cache */
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(s_spell(an, "t.md", "We recieve it.\n", got,
			sizeof got), 0);
		ck_assert_msg(strncmp(got, "3-10 recieve|receive", 20) == 0,
			"got %s", got);
		size_t commas = 0;
		for (const char *p = got; *p; p++)
			commas += *p == ',';
		ck_assert_uint_le(commas, 4);  /* at most 5 */
	}
	memo_analyzer_free(an);
	memo_config_free(cfg);
}
END_TEST

/* ---- threads ------------------------------------------------------------ */

static const char *const s_docs[] = {
	("# Plan\n\nWe recieve teh files from Acme. The customer's "
	 "feedbak was clear.\n"),
	"Zorblat wrote it. The roadmap is done; NASA agrees. wrod.\n",
	"- One itme\n- Two itmes with `cde` and https://x.y/z\n",
	"Plain correct text with no errors at all, repeated words words.\n",
};
#define S_NDOCS (sizeof s_docs / sizeof *s_docs)

typedef struct s_job {
	const memo_analyzer *an;
	int id;
	char want[S_NDOCS][1024];
	int failures;
} s_job;

/* Each line of a s_spell() result with its suggestions cut off. Hunspell
 * bounds its slower suggestion phases by clock(), the CPU time of the
 * whole process, so with four threads running (or under valgrind) a list
 * may come back shorter than a single thread's; the words flagged and
 * their ranges never change. */
static void s_strip_suggestions(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		if (*r == '|') {
			while (*r && *r != '\n')
				r++;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static void *s_thread(void *arg)
{
	s_job *j = arg;
	char got[1024], want[1024];
	for (int it = 0; it < 40; it++) {
		size_t d = (size_t)(it + j->id) % S_NDOCS;
		if (s_spell(j->an, "t.md", s_docs[d], got, sizeof got) != 0) {
			j->failures++;
			continue;
		}
		/* every misspelling with a suggestion in the reference has
		 * at least one here too */
		for (const char *p = j->want[d]; (p = strchr(p, '|')); p++) {
			const char *ls = p;
			while (ls > j->want[d] && ls[-1] != '\n')
				ls--;
			char head[128];
			snprintf(head, sizeof head, "%.*s|", (int)(p - ls), ls);
			if (!strstr(got, head))
				j->failures++;
		}
		s_strip_suggestions(got);
		memcpy(want, j->want[d], sizeof want);
		s_strip_suggestions(want);
		if (strcmp(got, want) != 0)
			j->failures++;
	}
	return NULL;
}

START_TEST(test_threads)
{
	memo_config *cfg;
	ck_assert_int_eq(memo_config_new(&cfg), 0);
	ck_assert_int_eq(memo_config_accept_word(cfg, "itmes"), 0);
	/* suggestions too: hunspell's slowest, most stateful call */
	ck_assert_int_eq(memo_config_set_int(cfg, "spelling.suggest", 1), 0);
	/* the answers come from an analyzer of their own, so the shared one
	 * starts with cold caches */
	memo_analyzer *ref = s_analyzer(cfg);
	memo_analyzer *an = s_analyzer(cfg);
	memo_config_free(cfg);
	s_job jobs[4];
	pthread_t th[4];
	for (int i = 0; i < 4; i++) {
		memset(&jobs[i], 0, sizeof jobs[i]);
		jobs[i].an = an;
		jobs[i].id = i;
	}
	for (size_t d = 0; d < S_NDOCS; d++) {
		ck_assert_int_eq(s_spell(ref, "t.md", s_docs[d], jobs[0].want[d],
			sizeof jobs[0].want[d]), 0);
		for (int i = 1; i < 4; i++)
			memcpy(jobs[i].want[d], jobs[0].want[d],
				sizeof jobs[0].want[d]);
	}
	memo_analyzer_free(ref);
	ck_assert_msg(strstr(jobs[0].want[0], "recieve|receive") &&
		strstr(jobs[0].want[2], "itme") &&
		!strstr(jobs[0].want[2], " itmes"), "%s%s", jobs[0].want[0],
		jobs[0].want[2]);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, s_thread,
			&jobs[i]), 0);
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(jobs[i].failures, 0);
	memo_analyzer_free(an);
}
END_TEST

/* Words no thread has seen before: every call asks hunspell and writes
 * the handle's cache while other threads use theirs. */
static void *s_fresh(void *arg)
{
	s_job *j = arg;
	char text[128], want[128], got[1024];
	for (int it = 0; it < 150; it++) {
		char w[8] = "zq";
		int v = j->id * 1000 + it;
		for (int k = 2; k < 6; k++, v /= 26)
			w[k] = (char)('a' + v % 26);
		w[6] = '\0';
		snprintf(text, sizeof text, "We saw %s and teh %s today.\n", w,
			w);
		snprintf(want, sizeof want, "7-13 %s\n18-21 teh\n22-28 %s\n",
			w, w);
		if (s_spell(j->an, "t.md", text, got, sizeof got) != 0 ||
		    strcmp(got, want) != 0)
			j->failures++;
	}
	return NULL;
}

START_TEST(test_threads_fresh_words)
{
	memo_analyzer *an = s_analyzer(NULL);
	s_job jobs[4];
	pthread_t th[4];
	for (int i = 0; i < 4; i++) {
		memset(&jobs[i], 0, sizeof jobs[i]);
		jobs[i].an = an;
		jobs[i].id = i;
		ck_assert_int_eq(pthread_create(&th[i], NULL, s_fresh,
			&jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(jobs[i].failures, 0);
	memo_analyzer_free(an);
}
END_TEST

/* Analyzers made and freed concurrently: Hunspell_create/_destroy touch
 * hunspell's global state (issue #727). */
static void *s_make(void *arg)
{
	int *fail = arg;
	for (int i = 0; i < 3; i++) {
		memo_analyzer *an = NULL;
		char got[256];
		if (memo_analyzer_new(&an, NULL) != 0 ||
		    s_spell(an, "t.md", "teh\n", got, sizeof got) != 0 ||
		    strcmp(got, "0-3 teh\n") != 0)
			(*fail)++;
		memo_analyzer_free(an);
	}
	return NULL;
}

START_TEST(test_threads_create)
{
	pthread_t th[4];
	int fail[4] = { 0 };
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pthread_create(&th[i], NULL, s_make,
			&fail[i]), 0);
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(fail[i], 0);
}
END_TEST

int main(void)
{
	const char *root = getenv("MEMO_SOURCE_ROOT");
	snprintf(s_data, sizeof s_data, "%s/tests/spell/data",
		root ? root : ".");
	Suite *s = suite_create("spell");
	TCase *tc = tcase_create("spell");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_misspelling_range);
	tcase_add_test(tc, test_compounds_and_possessives);
	tcase_add_test(tc, test_never_flagged);
	tcase_add_test(tc, test_plain_text_backticks);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_inline_disable);
	tcase_add_test(tc, test_rule_off);
	tcase_add_test(tc, test_accept_word);
	tcase_add_test(tc, test_dictionary_path);
	tcase_add_test(tc, test_dictionary_latin1);
	tcase_add_test(tc, test_language_dicpath);
	tcase_add_test(tc, test_missing_dictionary);
	tcase_add_test(tc, test_suggestions);
	tcase_add_test(tc, test_threads);
	tcase_add_test(tc, test_threads_fresh_words);
	tcase_add_test(tc, test_threads_create);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
