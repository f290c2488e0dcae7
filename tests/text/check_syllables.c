/*
 * check_syllables.c - unit tests of the syllable counter (syllables.c)
 * and of its exception table.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo_internal.h"
#include "text/text.h"

/* The table must stay a table of exceptions, not a dictionary. */
#define MAX_EXCEPTIONS 300

static uint32_t s_syl(const char *w)
{
	return memo__syllables(w, strlen(w));
}

#define SYL(word, n) ck_assert_msg(s_syl(word) == (n), \
	"%s: got %u, want %u", (word), s_syl(word), (unsigned)(n))

START_TEST(test_syllables_tricky_words)
{
	SYL("business", 2);
	SYL("every", 3);        /* CMUdict lists 3 and 2 */
	SYL("created", 3);
	SYL("area", 3);
	SYL("idea", 3);
	SYL("queue", 1);
	SYL("fire", 2);         /* CMUdict lists 2 and 1 */
	SYL("being", 2);
	SYL("poem", 2);
	SYL("na\xc3\xafve", 2);         /* naïve, precomposed */
	SYL("nai\xcc\x88ve", 2);        /* naïve, combining diaeresis */
	SYL("naive", 2);
	SYL("co-operate", 4);
	SYL("cooperate", 4);
	SYL("1999", 1);
}
END_TEST

START_TEST(test_syllables_silent_e_and_endings)
{
	SYL("the", 1);
	SYL("make", 1);
	SYL("makes", 1);
	SYL("table", 2);        /* syllabic -le */
	SYL("tables", 2);
	SYL("handled", 2);
	SYL("used", 1);         /* -ed silent */
	SYL("wanted", 2);       /* -ted */
	SYL("places", 2);       /* -ces */
	SYL("unique", 2);       /* qu + silent e */
	SYL("league", 1);       /* -gue */
	SYL("argue", 2);
	SYL("value", 2);
	SYL("eye", 1);
	SYL("player", 2);       /* y between vowels */
	SYL("rhythm", 2);
	SYL("algorithms", 4);   /* syllabic m */
	SYL("criticism", 4);
}
END_TEST

START_TEST(test_syllables_hiatus)
{
	SYL("react", 2);
	SYL("reuse", 2);
	SYL("science", 2);
	SYL("quiet", 2);
	SYL("fluent", 2);
	SYL("social", 2);
	SYL("nation", 2);
	SYL("million", 2);
	SYL("employee", 3);
	SYL("agreeing", 3);
	SYL("readability", 5);
}
END_TEST

START_TEST(test_syllables_compounds_and_suffixes)
{
	SYL("something", 2);
	SYL("namespace", 2);
	SYL("timeline", 2);
	SYL("statement", 2);
	SYL("likely", 2);
	SYL("basically", 3);
	SYL("everyone", 3);
	SYL("anything", 3);
	SYL("well-known", 2);
	SYL("twenty\xe2\x80\x94one", 3);  /* em dash separates */
}
END_TEST

START_TEST(test_syllables_case_accents_apostrophes)
{
	SYL("BUSINESS", 2);
	SYL("Business", 2);
	SYL("caf\xc3\xa9", 2);          /* final é is pronounced */
	SYL("cafe\xcc\x81", 2);         /* decomposed é */
	SYL("r\xc3\xa9sum\xc3\xa9", 3);
	SYL("\xc3\xbc" "ber", 2);       /* über */
	SYL("stra\xc3\x9f" "e", 1);     /* ß folds to ss */
	SYL("don't", 1);
	SYL("Don\xe2\x80\x99t", 1);     /* curly apostrophe */
	SYL("didn't", 2);
	SYL("company's", 3);
	SYL("boss's", 2);
	SYL("it'll", 2);
	SYL("they're", 1);
}
END_TEST

START_TEST(test_syllables_numbers_and_initialisms)
{
	SYL("3.5", 1);
	SYL("1,000,000", 1);
	SYL("10:30", 1);
	SYL("2nd", 1);          /* unit/ordinal letters after a number */
	SYL("1990s", 1);
	SYL("10x", 1);
	SYL("Q3", 2);           /* letters before a number are spelled */
	SYL("HTML", 4);         /* no vowel: read letter by letter */
	SYL("sql", 3);
	SYL("www", 9);
	SYL("hmm", 1);          /* interjection, from the exception table */
}
END_TEST

START_TEST(test_syllables_degenerate_input)
{
	ck_assert_uint_eq(memo__syllables(NULL, 0), 0);
	ck_assert_uint_eq(memo__syllables("", 0), 0);
	ck_assert_uint_eq(s_syl("--"), 0);
	ck_assert_uint_eq(s_syl("..."), 0);
	ck_assert_uint_eq(memo__syllables("abc", 0), 0);
	/* other scripts: one syllable per run, never 0 */
	ck_assert_uint_eq(s_syl("\xe6\x9d\xb1\xe4\xba\xac"), 1);
	/* invalid UTF-8 and an over-long run do not crash */
	ck_assert_uint_ge(s_syl("\xff\xfe" "abc\xc3"), 1);
	char big[300];
	for (size_t i = 0; i < sizeof big - 1; i++)
		big[i] = "banana"[i % 6];
	big[sizeof big - 1] = '\0';
	ck_assert_uint_ge(s_syl(big), 100);
	/* only len bytes are read */
	ck_assert_uint_eq(memo__syllables("cat dog", 3), 1);
}
END_TEST

/* The built-in table equals data/lexicons/syllable-exceptions.txt, is
 * sorted, lowercase, and small. */
START_TEST(test_exception_table_matches_data_file)
{
	const char *root = getenv("MEMO_SOURCE_ROOT");
	char path[4096];
	ck_assert_ptr_nonnull(root);
	snprintf(path, sizeof path, "%s/data/lexicons/syllable-exceptions.txt",
		root);
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);

	size_t n = memo__syllable_exception_count();
	ck_assert_uint_gt(n, 0);
	ck_assert_uint_le(n, MAX_EXCEPTIONS);

	char line[512];
	size_t i = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char *tab = strchr(line, '\t');
		ck_assert_msg(tab != NULL, "no tab in: %s", line);
		*tab = '\0';
		unsigned long syl = strtoul(tab + 1, NULL, 10);
		ck_assert_msg(i < n, "data file has more entries than the table "
			"(extra: %s)", line);
		const memo__syllable_exception *e =
			memo__syllable_exception_at(i);
		ck_assert_str_eq(e->word, line);
		ck_assert_uint_eq(e->syllables, syl);
		ck_assert_uint_ge(syl, 1);
		/* lookups go through the public counter */
		ck_assert_uint_eq(s_syl(line), syl);
		i++;
	}
	fclose(f);
	ck_assert_uint_eq(i, n);
	ck_assert_ptr_null(memo__syllable_exception_at(n));

	for (size_t k = 0; k < n; k++) {
		const char *w = memo__syllable_exception_at(k)->word;
		for (const char *p = w; *p; p++)
			ck_assert_msg(*p >= 'a' && *p <= 'z', "not a-z: %s", w);
		if (k > 0)
			ck_assert_int_lt(strcmp(
				memo__syllable_exception_at(k - 1)->word, w), 0);
	}
}
END_TEST

START_TEST(test_exception_inflections)
{
	SYL("recipe", 3);
	SYL("recipes", 3);
	SYL("businesses", 3);
	SYL("people's", 2);
	SYL("colonel", 2);
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("syllables");
	TCase *tc = tcase_create("syllables");
	tcase_add_test(tc, test_syllables_tricky_words);
	tcase_add_test(tc, test_syllables_silent_e_and_endings);
	tcase_add_test(tc, test_syllables_hiatus);
	tcase_add_test(tc, test_syllables_compounds_and_suffixes);
	tcase_add_test(tc, test_syllables_case_accents_apostrophes);
	tcase_add_test(tc, test_syllables_numbers_and_initialisms);
	tcase_add_test(tc, test_syllables_degenerate_input);
	tcase_add_test(tc, test_exception_table_matches_data_file);
	tcase_add_test(tc, test_exception_inflections);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(s_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
