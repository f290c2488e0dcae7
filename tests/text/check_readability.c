/*
 * check_readability.c - unit tests of the readability formulas and of
 * memo__readability_add_word (readability.c).
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "memo_internal.h"
#include "text/text.h"

#define EPS 1e-9

static memo__readability_counts s_sample(void)
{
	memo__readability_counts c = { 0 };
	c.words = 100;
	c.sentences = 5;
	c.syllables = 150;
	c.letters = 450;
	c.characters = 470;
	c.polysyllables = 10;
	c.complex_words = 8;
	c.long_words = 20;
	c.difficult_words = 12;
	c.unfamiliar_words = 9;
	return c;
}

START_TEST(test_formulas_by_hand)
{
	memo__readability_counts c = s_sample();
	/* 206.835 - 1.015*20 - 84.6*1.5 */
	ck_assert_double_eq_tol(memo__flesch_reading_ease(&c), 59.635, EPS);
	/* 0.39*20 + 11.8*1.5 - 15.59 */
	ck_assert_double_eq_tol(memo__flesch_kincaid_grade(&c), 9.91, EPS);
	/* 0.4*(20 + 100*8/100) */
	ck_assert_double_eq_tol(memo__gunning_fog(&c), 11.2, EPS);
	/* 1.043*sqrt(10*30/5) + 3.1291 */
	ck_assert_double_eq_tol(memo__smog(&c),
		1.043 * sqrt(60.0) + 3.1291, EPS);
	/* 0.0588*450 - 0.296*5 - 15.8 */
	ck_assert_double_eq_tol(memo__coleman_liau(&c), 9.18, EPS);
	/* 4.71*4.7 + 0.5*20 - 21.43 */
	ck_assert_double_eq_tol(memo__ari(&c), 10.707, EPS);
	/* 20 + 100*20/100 */
	ck_assert_double_eq_tol(memo__lix(&c), 40.0, EPS);
	/* 0.1579*12 + 0.0496*20 + 3.6365 (12% > 5%) */
	ck_assert_double_eq_tol(memo__dale_chall(&c), 6.5233, EPS);
	/* 0.121*20 + 0.082*9 + 0.659 */
	ck_assert_double_eq_tol(memo__spache(&c), 3.817, EPS);
}
END_TEST

START_TEST(test_dale_chall_adjustment_threshold)
{
	memo__readability_counts c = s_sample();
	c.difficult_words = 5;   /* exactly 5%: no adjustment */
	ck_assert_double_eq_tol(memo__dale_chall(&c),
		0.1579 * 5 + 0.0496 * 20, EPS);
	c.difficult_words = 6;
	ck_assert_double_eq_tol(memo__dale_chall(&c),
		0.1579 * 6 + 0.0496 * 20 + 3.6365, EPS);
}
END_TEST

START_TEST(test_zero_guards)
{
	memo__readability_counts z = { 0 };
	z.sentences = 3;          /* sentences but no words: no score */
	ck_assert_double_eq(memo__flesch_reading_ease(&z), 0.0);
	ck_assert_double_eq(memo__flesch_kincaid_grade(&z), 0.0);
	ck_assert_double_eq(memo__gunning_fog(&z), 0.0);
	ck_assert_double_eq(memo__smog(&z), 0.0);
	ck_assert_double_eq(memo__coleman_liau(&z), 0.0);
	ck_assert_double_eq(memo__ari(&z), 0.0);
	ck_assert_double_eq(memo__lix(&z), 0.0);
	ck_assert_double_eq(memo__dale_chall(&z), 0.0);
	ck_assert_double_eq(memo__spache(&z), 0.0);
	ck_assert_double_eq(memo__flesch_reading_ease(NULL), 0.0);

	/* words but no sentence: scored as one sentence */
	memo__readability_counts a = s_sample(), b = s_sample();
	a.sentences = 0;
	b.sentences = 1;
	ck_assert_double_eq(memo__flesch_reading_ease(&a),
		memo__flesch_reading_ease(&b));
	ck_assert_double_eq(memo__smog(&a), memo__smog(&b));
	ck_assert_double_eq(memo__coleman_liau(&a), memo__coleman_liau(&b));
	ck_assert_double_eq(memo__lix(&a), memo__lix(&b));
	ck_assert(isfinite(memo__ari(&a)));
}
END_TEST

static uint32_t s_add(memo__readability_counts *c, const char *w,
	unsigned flags)
{
	return memo__readability_add_word(c, w, strlen(w), flags);
}

START_TEST(test_add_word_counts)
{
	memo__readability_counts c = { 0 };
	ck_assert_uint_eq(s_add(&c, "Business", 0), 2);
	ck_assert_uint_eq(c.words, 1);
	ck_assert_uint_eq(c.letters, 8);
	ck_assert_uint_eq(c.characters, 8);
	ck_assert_uint_eq(c.long_words, 1);      /* 8 letters > 6 */
	ck_assert_uint_eq(c.polysyllables, 0);

	ck_assert_uint_eq(s_add(&c, "readability", 0), 5);
	ck_assert_uint_eq(c.polysyllables, 1);
	ck_assert_uint_eq(c.complex_words, 1);

	ck_assert_uint_eq(s_add(&c, "1999", 0), 1);
	ck_assert_uint_eq(c.words, 3);
	ck_assert_uint_eq(c.letters, 19);
	ck_assert_uint_eq(c.characters, 23);    /* digits count for ARI */

	ck_assert_uint_eq(s_add(&c, "--", 0), 0);   /* not a word */
	ck_assert_uint_eq(s_add(&c, "", 0), 0);
	ck_assert_uint_eq(c.words, 3);
	ck_assert_uint_eq(c.syllables, 8);

	ck_assert_uint_eq(s_add(&c, "caf\xc3\xa9", 0), 2);
	ck_assert_uint_eq(c.letters, 23);       /* é is one letter */
	ck_assert_uint_eq(memo__readability_add_word(NULL, "x", 1, 0), 0);
}
END_TEST

START_TEST(test_fog_complex_words)
{
	memo__readability_counts c = { 0 };
	s_add(&c, "created", 0);       /* 3 only because of -ed */
	s_add(&c, "processes", 0);     /* 3 only because of -es */
	s_add(&c, "reading", 0);       /* 2 */
	ck_assert_uint_eq(c.polysyllables, 2);
	ck_assert_uint_eq(c.complex_words, 0);
	s_add(&c, "twenty-seven", 0);  /* compound of short parts */
	ck_assert_uint_eq(c.polysyllables, 3);
	ck_assert_uint_eq(c.complex_words, 0);
	s_add(&c, "well-established", 0);
	ck_assert_uint_eq(c.complex_words, 1);
	s_add(&c, "Alexander", MEMO__RW_PROPER);
	ck_assert_uint_eq(c.polysyllables, 5);
	ck_assert_uint_eq(c.complex_words, 1);
	s_add(&c, "interesting", 0);   /* interest = 3 already */
	ck_assert_uint_eq(c.complex_words, 2);
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("readability");
	TCase *tc = tcase_create("readability");
	tcase_add_test(tc, test_formulas_by_hand);
	tcase_add_test(tc, test_dale_chall_adjustment_threshold);
	tcase_add_test(tc, test_zero_guards);
	tcase_add_test(tc, test_add_word_counts);
	tcase_add_test(tc, test_fog_complex_words);
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
