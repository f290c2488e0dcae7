/*
 * check_sentences.c - unit tests for the sentence splitter
 * (libmemo/text/sentences.c) and the abbreviation table.
 *
 * Each case lists the exact sentences expected (byte-exact substrings of
 * the input, trimmed); the test also checks the ranges are in order,
 * inside the text and do not start or end with white space.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo_internal.h"
#include "text/text.h"

#define END_OF_LIST NULL

static void s_expect(const char *text, unsigned flags, const char *const *exp,
	const char *where)
{
	memo__sentvec sv;
	memo__sentvec_init(&sv);
	size_t len = strlen(text);
	ck_assert_int_eq(memo__sentences_split(&sv, text, len, flags), 0);
	size_t n = 0;
	while (exp[n])
		n++;
	char buf[4096];
	size_t off = 0;
	for (size_t i = 0; i < sv.n && off < sizeof buf - 200; i++)
		off += (size_t)snprintf(buf + off, sizeof buf - off, "\n  [%zu] |%.*s|",
			i, (int)(sv.v[i].end - sv.v[i].start),
			text + sv.v[i].start);
	ck_assert_msg(sv.n == n, "%s: %zu sentences expected, got %zu:%s",
		where, n, sv.n, buf);
	size_t prev = 0;
	for (size_t i = 0; i < n; i++) {
		const memo__sentence *s = &sv.v[i];
		ck_assert_msg(s->start >= prev && s->start < s->end && s->end <= len,
			"%s: bad range %zu", where, i);
		ck_assert_msg(s->end - s->start == strlen(exp[i]) &&
			memcmp(text + s->start, exp[i], strlen(exp[i])) == 0,
			"%s: sentence %zu expected |%s|:%s", where, i, exp[i], buf);
		prev = s->end;
	}
	memo__sentvec_free(&sv);
}

#define EXPECT(flags, text, ...) do { \
	static const char *const e_[] = { __VA_ARGS__, END_OF_LIST }; \
	s_expect(text, flags, e_, text); \
} while (0)
#define ONE(text) EXPECT(0, text, text)

/* ---- abbreviations ---------------------------------------------------- */

START_TEST(abbrev_mid_sentence)
{
	ONE("Apple vs. Google is the story.");
	ONE("Use a cache, e.g. Redis, for this.");
	ONE("The plan, i.e. the roadmap, is late.");
	ONE("Acme Inc. signed the contract in May.");
	ONE("Mr. Smith and Dr. Jones met Prof. Lee.");
	ONE("We met at 10 a.m. on Monday.");
	ONE("The call is at 10 a.m. ET on Monday.");
	ONE("Ship it on Jan. 5 and review on Feb. 12.");
	ONE("See Fig. 3 and No. 5 in the appendix.");
	ONE("Please turn to p. 55 of the report.");
	ONE("I work for the U.S. Government in Virginia.");
	ONE("I have lived in the U.S. for 20 years.");
	ONE("Costs are approx. 20% lower.");
	ONE("They closed the deal with Pitt, Briggs & Co. at noon.");
	ONE("The GmbH & Co. KG is a partnership.");
	ONE("He has a Ph.D. in economics.");
	ONE("The parties are Acme Inc. (\"Acme\") and Beta LLC.");
	ONE("Smith et al. (2020) found the same.");
	ONE("Jane Doe, Sr. Manager, approved the plan.");
	ONE("Costs (incl. tax) and est. savings were approved.");
	ONE("She works at Yahoo! in the accounting department.");
	ONE("That is JFK Jr.'s book.");
}
END_TEST

START_TEST(abbrev_at_sentence_end)
{
	EXPECT(0, "We sell bundles, gift cards, etc. Bundles drive 40% of revenue.",
		"We sell bundles, gift cards, etc.",
		"Bundles drive 40% of revenue.");
	EXPECT(0, "I live in the U.S. How about you?",
		"I live in the U.S.", "How about you?");
	EXPECT(0, "There were 500 cases in the U.S. The U.S. Commission met.",
		"There were 500 cases in the U.S.",
		"The U.S. Commission met.");
	EXPECT(0, "The contract is with Acme Inc. It closes in Q3.",
		"The contract is with Acme Inc.", "It closes in Q3.");
	EXPECT(0, "We will decide at 5 p.m. Customers will hear by 6 p.m. tonight.",
		"We will decide at 5 p.m.",
		"Customers will hear by 6 p.m. tonight.");
	EXPECT(0, "Let's ask Jane and co. They should know.",
		"Let's ask Jane and co.", "They should know.");
}
END_TEST

START_TEST(initials)
{
	ONE("The book is by J. R. R. Tolkien and sold well.");
	ONE("My name is Jonas E. Smith.");
	ONE("Did you see Albert I. Jones yesterday?");
	ONE("George W. Bush spoke.");
	EXPECT(0, "We make a good team, you and I. Did you see it?",
		"We make a good team, you and I.", "Did you see it?");
	EXPECT(0, "We chose option A. It was cheaper.",
		"We chose option A.", "It was cheaper.");
}
END_TEST

/* ---- numbers and symbols ----------------------------------------------- */

START_TEST(numbers)
{
	ONE("Pi is 3.14 and e is 2.718.");
	ONE("We upgraded from v2.1 to 1.2.3 last week.");
	ONE("Revenue hit $1.5M while costs were €2.3bn.");
	ONE("Margins grew 3.5% to 12.25% in FY24.");
	ONE("Q3 and H1 2024 were flat.");
	ONE("We hit 1,200,000 users on 2024-03-01.");
	ONE("Today is 11.18.2014.");
	EXPECT(0, "She has $100.00. It is in her bag.",
		"She has $100.00.", "It is in her bag.");
	EXPECT(0, "Revenue hit $1.5M. Margins were 3.5%. FY24 plans are due.",
		"Revenue hit $1.5M.", "Margins were 3.5%.",
		"FY24 plans are due.");
	EXPECT(0, "We shipped 3 features. 2 were late.",
		"We shipped 3 features.", "2 were late.");
	ONE("You can find it at N°. 1026.253.553 today.");
	/* a unit after a number is not an abbreviation (ms is not Ms.) */
	EXPECT(0, "The p50 is 120 ms. P99 is 900 ms.", "The p50 is 120 ms.",
		"P99 is 900 ms.");
	EXPECT(0, "It took 20 min. After that we left.", "It took 20 min.",
		"After that we left.");
}
END_TEST

START_TEST(urls_emails_files)
{
	EXPECT(0, "Her email is Jane.Doe@example.com. I sent her an email.",
		"Her email is Jane.Doe@example.com.", "I sent her an email.");
	EXPECT(0, "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
		"The site is: https://www.example.50.com/new-site/awesome_content.html.",
		"Please check it out.");
	ONE("Open report.pdf and main.c before the review.");
	ONE("Read www.testurl.Awesome.com first.");
	ONE("Call os.path.join() with Node.js tools.");
	EXPECT(0, "See example.com. Then sign up.", "See example.com.",
		"Then sign up.");
}
END_TEST

/* ---- punctuation -------------------------------------------------------- */

START_TEST(question_exclamation)
{
	EXPECT(0, "Hello!! Long time no see.", "Hello!!", "Long time no see.");
	EXPECT(0, "Really?! Yes.", "Really?!", "Yes.");
	EXPECT(0, "Hello?! Is that you?", "Hello?!", "Is that you?");
	ONE("Unbelievable?\?!?!");
	EXPECT(0, "Leave me alone! he yelled. I left.",
		"Leave me alone! he yelled.", "I left.");
	EXPECT(0, "What do you see? - Posted sentinels stand.",
		"What do you see?", "- Posted sentinels stand.");
}
END_TEST

START_TEST(ellipses)
{
	EXPECT(0, "I never meant that.... She left the store.",
		"I never meant that....", "She left the store.");
	EXPECT(0, "Wait\xE2\x80\xA6 Then it worked.", "Wait\xE2\x80\xA6",
		"Then it worked.");
	ONE("I wasn't really ... well, what I mean...see . . . what I'm saying.");
	ONE("The thing is . . . I didn't mean it.");
	EXPECT(0, "This is the end . . . . Next sentence.",
		"This is the end . . . .", "Next sentence.");
	EXPECT(0, "They combined words. . . . The practice stayed.",
		"They combined words.", ". . . The practice stayed.");
	ONE("\"Bohr [...] used the analogy [...]\" (Smith 55).");
}
END_TEST

START_TEST(quotes_brackets)
{
	EXPECT(0, "He said \"stop.\" Then he left.", "He said \"stop.\"",
		"Then he left.");
	ONE("She turned to him, \"This is great.\" she said.");
	ONE("She turned to him, 'This is great.' she said.");
	EXPECT(0, "She turned to him, \xE2\x80\x9CThis is great.\xE2\x80\x9D She held it.",
		"She turned to him, \xE2\x80\x9CThis is great.\xE2\x80\x9D",
		"She held it.");
	ONE("He teaches science (He worked for 5 years as an engineer.) at the University.");
	EXPECT(0, "A customer wrote \"Checkout is slow. I gave up!\" and left. We fixed it.",
		"A customer wrote \"Checkout is slow. I gave up!\" and left.",
		"We fixed it.");
	EXPECT(0, "Revenue was flat. (See Table 2 for details.) Costs fell.",
		"Revenue was flat. (See Table 2 for details.)", "Costs fell.");
	EXPECT(0, "Saint Maximus is a martyr.[1] The emperor published a decree.",
		"Saint Maximus is a martyr.[1]",
		"The emperor published a decree.");
	ONE("Thoreau argues, \xE2\x80\x9Cthe laws will appear less complex. . . .\xE2\x80\x9D");
}
END_TEST

START_TEST(no_terminator)
{
	ONE("No punctuation at the end");
	EXPECT(0, "First one. And the last one without a period",
		"First one.", "And the last one without a period");
	ONE("a");
}
END_TEST

START_TEST(attached)
{
	EXPECT(0, "Hello world.Today is Tuesday.", "Hello world.",
		"Today is Tuesday.");
	ONE("Hello.this is my first sentence.");
	ONE("HELLO A.TOP IS NICE");
	EXPECT(0, "Test strange period\xEF\xBC\x8E" "Does it work\xEF\xBC\x8E",
		"Test strange period\xEF\xBC\x8E", "Does it work\xEF\xBC\x8E");
	EXPECT(0, "\xE6\x88\x91\xE5\x9C\xA8\xE3\x80\x82\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82",
		"\xE6\x88\x91\xE5\x9C\xA8\xE3\x80\x82",
		"\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82");
}
END_TEST

/* ---- lists -------------------------------------------------------------- */

START_TEST(lists)
{
	EXPECT(0, "1. The first item 2. The second item", "1. The first item",
		"2. The second item");
	EXPECT(0, "1.) The first item. 2.) The second item.",
		"1.) The first item.", "2.) The second item.");
	EXPECT(0, "a) here it is b) another c) one more", "a) here it is",
		"b) another", "c) one more");
	EXPECT(0, "\xE2\x80\xA2 9. The first item \xE2\x80\xA2 10. The second item",
		"\xE2\x80\xA2 9. The first item", "\xE2\x80\xA2 10. The second item");
	ONE("1. This is a list item.");
	ONE("Fig. 2. displays the rates.");
	ONE("As payment for 1. above, pay us and for 2. above, nothing.");
	EXPECT(0, "We had three options: 1) build 2) buy 3) partner. We chose to buy.",
		"We had three options: 1) build 2) buy 3) partner.",
		"We chose to buy.");
	EXPECT(0, "Q. What is his name? A. His name is Alfred E. Sloan.",
		"Q. What is his name?", "A. His name is Alfred E. Sloan.");
	EXPECT(0, "(i) Hello world. (ii) Hello again.", "(i) Hello world.",
		"(ii) Hello again.");
}
END_TEST

/* ---- line breaks ---------------------------------------------------------- */

START_TEST(newlines)
{
	const char *t = "We grew\nrevenue fast\n\nNext block starts";
	EXPECT(MEMO__SBD_NL_SOFT, t, "We grew\nrevenue fast",
		"Next block starts");
	EXPECT(MEMO__SBD_NL_HARD, t, "We grew", "revenue fast",
		"Next block starts");
	EXPECT(MEMO__SBD_NL_LINES, "Goals\nShip the beta by Q3\nand\ncut costs.",
		"Goals", "Ship the beta by Q3\nand\ncut costs.");
	EXPECT(MEMO__SBD_NL_HARD, "First line\r\nSecond line\rThird",
		"First line", "Second line", "Third");
	EXPECT(0, "Line one\xE2\x80\xA8Line two", "Line one\xE2\x80\xA8Line two");
	EXPECT(MEMO__SBD_NL_HARD, "Line one\xE2\x80\xA8Line two", "Line one",
		"Line two");
}
END_TEST

/* ---- white space and odd input ---------------------------------------------- */

START_TEST(whitespace_and_empty)
{
	memo__sentvec sv;
	memo__sentvec_init(&sv);
	ck_assert_int_eq(memo__sentences_split(&sv, "", 0, 0), 0);
	ck_assert_uint_eq(sv.n, 0);
	ck_assert_int_eq(memo__sentences_split(&sv, "   \n\t  ", 7, 0), 0);
	ck_assert_uint_eq(sv.n, 0);
	memo__sentvec_free(&sv);

	/* trimmed ranges, NBSP and U+202F count as spaces */
	EXPECT(0, "  Leading space. \xC2\xA0Trailing\xE2\x80\xAF", "Leading space.",
		"Trailing");
	/* punctuation-only pieces join a neighbour or stand alone */
	ONE("! ! !");
	ONE("??");
	EXPECT(0, "T stands for the transposition. As shown in Fig. ??",
		"T stands for the transposition.", "As shown in Fig. ??");
	ONE("\xE2\x80\x94 Hello there.");
}
END_TEST

START_TEST(exact_offsets_and_append)
{
	memo__sentvec sv;
	memo__sentvec_init(&sv);
	const char *t = " Hi there.  Bye! ";
	ck_assert_int_eq(memo__sentences_split(&sv, t, strlen(t), 0), 0);
	ck_assert_uint_eq(sv.n, 2);
	ck_assert_uint_eq(sv.v[0].start, 1);
	ck_assert_uint_eq(sv.v[0].end, 10);
	ck_assert_uint_eq(sv.v[1].start, 12);
	ck_assert_uint_eq(sv.v[1].end, 16);
	/* appends: offsets stay relative to each call's text */
	ck_assert_int_eq(memo__sentences_split(&sv, "One. Two.", 9, 0), 0);
	ck_assert_uint_eq(sv.n, 4);
	ck_assert_uint_eq(sv.v[2].start, 0);
	ck_assert_uint_eq(sv.v[3].start, 5);
	memo__sentvec_clear(&sv);
	ck_assert_uint_eq(sv.n, 0);
	memo__sentvec_free(&sv);
}
END_TEST

START_TEST(invalid_utf8_and_random)
{
	memo__sentvec sv;
	memo__sentvec_init(&sv);
	const char bad[] = "Bad \xff\xfe bytes. \xe2\x80 cut \xf0\x9f. End.\xc3";
	ck_assert_int_eq(memo__sentences_split(&sv, bad, sizeof bad - 1, 0), 0);
	ck_assert_uint_ge(sv.n, 2);
	/* random bytes from a small alphabet: ranges stay sane */
	static const char alpha[] = "aA1. !?\"'()[]\n\xe2\x80\xa6\xc2\xa0-:/@$%";
	unsigned seed = 12345;
	char buf[600];
	for (int round = 0; round < 3000; round++) {
		size_t n = (size_t)(round % 600);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alpha[(seed >> 16) % (sizeof alpha - 1)];
		}
		for (unsigned fl = 0; fl < 3; fl++) {
			memo__sentvec_clear(&sv);
			ck_assert_int_eq(memo__sentences_split(&sv, buf, n, fl), 0);
			/* one assertion per round: Check's asserts are slow */
			uint32_t prev = 0;
			bool ok = true;
			for (size_t i = 0; i < sv.n; i++) {
				ok = ok && sv.v[i].start >= prev &&
					sv.v[i].start < sv.v[i].end &&
					sv.v[i].end <= n &&
					buf[sv.v[i].start] != ' ' &&
					buf[sv.v[i].start] != '\n' &&
					buf[sv.v[i].end - 1] != ' ' &&
					buf[sv.v[i].end - 1] != '\n';
				prev = sv.v[i].end;
			}
			ck_assert_msg(ok, "bad ranges in round %d", round);
		}
	}
	memo__sentvec_free(&sv);
}
END_TEST

START_TEST(out_of_memory)
{
	memo__sentvec sv;
	memo__sentvec_init(&sv);
	memo__alloc_fail_at(1);
	int rc = memo__sentences_split(&sv, "One. Two.", 9, 0);
	memo__alloc_fail_at(0);
	ck_assert_int_eq(rc, MEMO_ENOMEM);
	memo__sentvec_free(&sv);
}
END_TEST

/* ---- the abbreviation table --------------------------------------------------- */

START_TEST(abbrev_table)
{
	ck_assert_uint_gt(memo__abbrev_count, 300);
	for (size_t i = 1; i < memo__abbrev_count; i++)
		ck_assert_msg(strcmp(memo__abbrev_table[i - 1].word,
			memo__abbrev_table[i].word) < 0, "table not sorted at %s",
			memo__abbrev_table[i].word);
	ck_assert(memo__abbrev_lookup("Mr", 2) & MEMO__ABBR_PREPOSITIVE);
	ck_assert(memo__abbrev_lookup("U.S", 3) & MEMO__ABBR_GENERAL);
	ck_assert(memo__abbrev_lookup("etc", 3) & MEMO__ABBR_POSTPOSITIVE);
	ck_assert(memo__abbrev_lookup("p.m", 3) & MEMO__ABBR_TIME);
	ck_assert(memo__abbrev_lookup("No", 2) & MEMO__ABBR_NUMBER);
	ck_assert(memo__abbrev_lookup("The", 3) & MEMO__ABBR_STARTER);
	ck_assert_uint_eq(memo__abbrev_lookup("customer", 8), 0);
	ck_assert_uint_eq(memo__abbrev_lookup("", 0), 0);
	ck_assert_uint_eq(memo__abbrev_lookup("caf\xc3\xa9", 5), 0);
}
END_TEST

/* The generated table equals the data file (the build regenerates it;
 * this guards against a stale or hand-edited table). */
START_TEST(abbrev_table_matches_data_file)
{
	const char *root = getenv("MEMO_SOURCE_ROOT");
	if (!root)
		return;
	char path[4096];
	snprintf(path, sizeof path, "%s/data/lexicons/abbreviations.txt", root);
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	static const char *const names[] = { "PREPOSITIVE", "GENERAL",
		"POSTPOSITIVE", "TIME", "NUMBER", "STARTER", "TIME_FOLLOWER",
		"EXCLAIM" };
	char line[256];
	size_t entries = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		char *tab = strchr(line, '\t');
		ck_assert(tab != NULL);
		*tab = '\0';
		unsigned bit = 0;
		for (unsigned k = 0; k < 8; k++)
			if (!strcmp(line, names[k]))
				bit = 1u << k;
		ck_assert_msg(bit, "unknown class %s", line);
		ck_assert_msg(memo__abbrev_lookup(tab + 1, strlen(tab + 1)) & bit,
			"%s missing from class %s", tab + 1, line);
		entries++;
	}
	fclose(f);
	ck_assert_uint_ge(entries, memo__abbrev_count);
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("sentences");
	TCase *tc = tcase_create("split");
	tcase_add_test(tc, abbrev_mid_sentence);
	tcase_add_test(tc, abbrev_at_sentence_end);
	tcase_add_test(tc, initials);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, urls_emails_files);
	tcase_add_test(tc, question_exclamation);
	tcase_add_test(tc, ellipses);
	tcase_add_test(tc, quotes_brackets);
	tcase_add_test(tc, no_terminator);
	tcase_add_test(tc, attached);
	tcase_add_test(tc, lists);
	tcase_add_test(tc, newlines);
	tcase_add_test(tc, whitespace_and_empty);
	tcase_add_test(tc, exact_offsets_and_append);
	tcase_add_test(tc, invalid_utf8_and_random);
	tcase_add_test(tc, out_of_memory);
	suite_add_tcase(s, tc);
	TCase *tt = tcase_create("table");
	tcase_add_test(tt, abbrev_table);
	tcase_add_test(tt, abbrev_table_matches_data_file);
	suite_add_tcase(s, tt);
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
