/*
 * check_tokens.c - unit tests for the tokenizer (libmemo/text/tokens.c)
 * and the shared character classes.
 *
 * A case lists the expected tokens as "kind:text" in order; the position
 * of each is found by searching the text from the end of the previous
 * token, and the token's start/end must equal it exactly.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memo_internal.h"
#include "text/text.h"

static unsigned s_kind(const char *name, size_t n)
{
	for (unsigned k = 1; k <= MEMO__TOK_SYMBOL; k++) {
		const char *kn = memo__token_kind_name(k);
		if (strlen(kn) == n && !strncmp(kn, name, n))
			return k;
	}
	ck_abort_msg("unknown kind %.*s", (int)n, name);
	return 0;
}

static void s_expect(const char *text, const char *const *exp)
{
	memo__tokvec tv;
	memo__tokvec_init(&tv);
	size_t len = strlen(text);
	ck_assert_int_eq(memo__tokenize(&tv, text, 0, len), 0);
	char got[4096];
	size_t off = 0;
	for (size_t i = 0; i < tv.n && off < sizeof got - 200; i++)
		off += (size_t)snprintf(got + off, sizeof got - off,
			" %s:|%.*s|", memo__token_kind_name(tv.v[i].kind),
			(int)(tv.v[i].end - tv.v[i].start), text + tv.v[i].start);
	size_t n = 0;
	while (exp[n])
		n++;
	ck_assert_msg(tv.n == n, "%s: %zu tokens expected, got %zu:%s",
		text, n, tv.n, got);
	size_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		const char *colon = strchr(exp[i], ':');
		ck_assert(colon != NULL);
		unsigned kind = s_kind(exp[i], (size_t)(colon - exp[i]));
		const char *want = colon + 1;
		const char *at = strstr(text + pos, want);
		ck_assert_msg(at != NULL, "%s: '%s' not in text", text, want);
		size_t a = (size_t)(at - text), b = a + strlen(want);
		ck_assert_msg(tv.v[i].start == a && tv.v[i].end == b &&
			tv.v[i].kind == kind,
			"%s: token %zu expected %s [%zu,%zu), got:%s", text, i,
			exp[i], a, b, got);
		pos = b;
	}
	memo__tokvec_free(&tv);
}

#define TOKENS(text, ...) do { \
	static const char *const e_[] = { __VA_ARGS__, NULL }; \
	s_expect(text, e_); \
} while (0)

static memo__token s_one(const char *text)
{
	memo__tokvec tv;
	memo__tokvec_init(&tv);
	ck_assert_int_eq(memo__tokenize(&tv, text, 0, strlen(text)), 0);
	ck_assert_msg(tv.n == 1, "%s: one token expected, got %zu", text,
		tv.n);
	memo__token t = tv.v[0];
	memo__tokvec_free(&tv);
	return t;
}

/* ---- classes ------------------------------------------------------------ */

START_TEST(word_tokens)
{
	TOKENS("Don\xE2\x80\x99t be customer-obsessed, O'Brien.",
		"word:Don\xE2\x80\x99t", "word:be", "word:customer-obsessed",
		"punct:,", "word:O'Brien", "punct:.");
	TOKENS("caf\xC3\xA9 na\xC3\xAFve ma\xC3\xB1" "ana \xC3\x9C" "ber",
		"word:caf\xC3\xA9", "word:na\xC3\xAFve", "word:ma\xC3\xB1" "ana",
		"word:\xC3\x9C" "ber");
	TOKENS("\xD0\x9C\xD0\xB8\xD1\x80 \xCE\x9A\xCF\x8C\xCF\x83\xCE\xBC\xCE\xBF\xCF\x82",
		"word:\xD0\x9C\xD0\xB8\xD1\x80",
		"word:\xCE\x9A\xCF\x8C\xCF\x83\xCE\xBC\xCE\xBF\xCF\x82");
	memo__token t = s_one("Customer");
	ck_assert_uint_eq(t.kind, MEMO__TOK_WORD);
	ck_assert(t.flags & MEMO__TOKF_CAPITAL);
	ck_assert(!(t.flags & MEMO__TOKF_ALLCAPS));
	ck_assert_uint_eq(t.nwords, 1);
	t = s_one("\xC3\x89t\xC3\xA9");
	ck_assert(t.flags & MEMO__TOKF_CAPITAL);
	t = s_one("re-use");
	ck_assert(t.flags & MEMO__TOKF_HYPHEN);
	t = s_one("isn't");
	ck_assert(t.flags & MEMO__TOKF_APOSTROPHE);
	/* abbreviations keep their period */
	TOKENS("Mr. Smith, e.g. Redis, etc.", "word:Mr.", "word:Smith",
		"punct:,", "word:e.g.", "word:Redis", "punct:,", "word:etc.");
	t = s_one("e.g.");
	ck_assert(t.flags & MEMO__TOKF_ABBREV);
	/* a period between words without a space splits like the splitter */
	TOKENS("world.Today", "word:world", "punct:.", "word:Today");
}
END_TEST

START_TEST(numbers)
{
	TOKENS("1,200,000 and 3.14 and -2 and 1.2.3",
		"number:1,200,000", "word:and", "number:3.14", "word:and",
		"number:-2", "word:and", "number:1.2.3");
	memo__token t = s_one("1.2.3");
	ck_assert(t.flags & MEMO__TOKF_VERSION);
	t = s_one("v2.1");
	ck_assert_uint_eq(t.kind, MEMO__TOK_NUMBER);
	ck_assert(t.flags & MEMO__TOKF_VERSION);
	t = s_one("3x");
	ck_assert(t.flags & MEMO__TOKF_MULTIPLIER);
	t = s_one("2.5x");
	ck_assert(t.flags & MEMO__TOKF_MULTIPLIER);
	t = s_one("44th");
	ck_assert_uint_eq(t.kind, MEMO__TOK_NUMBER);
	ck_assert(t.flags & MEMO__TOKF_ORDINAL);
	t = s_one("2024");
	ck_assert(t.flags & MEMO__TOKF_YEAR);
	t = s_one("−5");
	ck_assert_uint_eq(t.kind, MEMO__TOK_NUMBER);
	ck_assert(t.flags & MEMO__TOKF_SIGN);
	TOKENS("Claims 1\xE2\x80\x93" "6 and 3/4 and 24/7", "word:Claims",
		"number:1", "punct:\xE2\x80\x93", "number:6", "word:and",
		"number:3/4", "word:and", "number:24/7");
	TOKENS("10GB 64-bit 5K", "number:10GB", "number:64-bit", "number:5K");
	t = s_one("42");
	ck_assert_uint_eq(t.nwords, 1);
	ck_assert(memo__token_is_word(&t));
}
END_TEST

START_TEST(percent_currency)
{
	TOKENS("12% 3.5 % -5% 25 percent 40 bps 5 basis points 3 percentage points",
		"percent:12%", "percent:3.5 %", "percent:-5%",
		"percent:25 percent", "percent:40 bps",
		"percent:5 basis points", "percent:3 percentage points");
	TOKENS("$1.5M \xE2\x82\xAC" "2.3bn \xC2\xA3" "10 $.50 US$5, USD 40 $5 million 30 dollars +$3M",
		"currency:$1.5M", "currency:\xE2\x82\xAC" "2.3bn",
		"currency:\xC2\xA3" "10", "currency:$.50", "currency:US$5",
		"punct:,", "currency:USD 40", "currency:$5 million", "currency:30 dollars",
		"currency:+$3M");
	memo__token t = s_one("$5 million");
	ck_assert_uint_eq(t.nwords, 2);
	t = s_one("25 percent");
	ck_assert_uint_eq(t.nwords, 2);
	TOKENS("5 million dollars", "currency:5 million dollars");
}
END_TEST

START_TEST(durations)
{
	TOKENS("200ms 3 weeks 2.5 hours 30-day 5s 2h 90 minutes 10\xC2\xA0ms",
		"duration:200ms", "duration:3 weeks", "duration:2.5 hours",
		"duration:30-day", "duration:5s", "duration:2h",
		"duration:90 minutes", "duration:10\xC2\xA0ms");
	memo__token t = s_one("3 weeks");
	ck_assert_uint_eq(t.nwords, 2);
	/* single-letter units only when glued; "us" is a word */
	TOKENS("5 s 3 us", "number:5", "word:s", "number:3", "word:us");
}
END_TEST

START_TEST(dates)
{
	TOKENS("2024-03-01 03/01/2024 11.18.2014 2024-03",
		"date:2024-03-01", "date:03/01/2024", "date:11.18.2014",
		"date:2024-03");
	TOKENS("March 3, Mar. 3, 2024 and 3 March 2024 and June 2024",
		"date:March 3", "punct:,", "date:Mar. 3, 2024", "word:and",
		"date:3 March 2024", "word:and", "date:June 2024");
	TOKENS("Q3 FY24 H1 FY2024 Q3-Q4 3Q24 Q3 2024 1990s",
		"date:Q3", "date:FY24", "date:H1", "date:FY2024", "date:Q3-Q4",
		"date:3Q24", "date:Q3 2024", "date:1990s");
	TOKENS("10:30 10:30 am 5 p.m. 5pm 12:00:59",
		"date:10:30", "date:10:30 am", "date:5 p.m.", "date:5pm",
		"date:12:00:59");
	memo__token t = s_one("10:30");
	ck_assert(t.flags & MEMO__TOKF_TIME);
	t = s_one("March 3, 2024");
	ck_assert_uint_eq(t.nwords, 3);
	/* a month word with no number is a word; lower case is not a month */
	TOKENS("in May we may 5", "word:in", "word:May", "word:we", "word:may",
		"number:5");
	TOKENS("ratio 3:1", "word:ratio", "number:3:1");
}
END_TEST

START_TEST(acronyms)
{
	TOKENS("NPS API S3 EC2 APIs R&D AT&T COVID-19 U.S. I.C.T",
		"acronym:NPS", "acronym:API", "acronym:S3", "acronym:EC2",
		"acronym:APIs", "acronym:R&D", "acronym:AT&T",
		"acronym:COVID-19", "acronym:U.S.", "acronym:I.C.T");
	memo__token t = s_one("NPS");
	ck_assert(t.flags & MEMO__TOKF_ALLCAPS);
	/* single capitals are words */
	TOKENS("I A", "word:I", "word:A");
}
END_TEST

START_TEST(urls_emails_code)
{
	TOKENS("See https://example.com/a?b=1. Or www.example.com, example.com/path.",
		"word:See", "url:https://example.com/a?b=1", "punct:.", "word:Or",
		"url:www.example.com", "punct:,", "url:example.com/path",
		"punct:.");
	TOKENS("(https://en.wikipedia.org/wiki/Foo_(bar)) jane.doe@example.com.",
		"punct:(", "url:https://en.wikipedia.org/wiki/Foo_(bar)",
		"punct:)", "email:jane.doe@example.com", "punct:.");
	TOKENS("my_var camelCase os.path.join main.c report.pdf Node.js __init__",
		"code:my_var", "code:camelCase", "code:os.path.join",
		"code:main.c", "code:report.pdf", "code:Node.js",
		"code:__init__");
	TOKENS("Run `git commit -m` now", "word:Run", "code:`git commit -m`",
		"word:now");
	memo__token t = s_one("`git commit -m`");
	ck_assert(t.flags & MEMO__TOKF_BACKTICK);
	ck_assert_uint_eq(t.nwords, 3);
	/* an unclosed backtick is punctuation */
	TOKENS("a ` b", "word:a", "punct:`", "word:b");
	/* PascalCase product names are words */
	TOKENS("JavaScript PowerPoint", "word:JavaScript", "word:PowerPoint");
}
END_TEST

START_TEST(punctuation)
{
	TOKENS("Wait... really?! \xE2\x80\xA6 -- \xE2\x80\x94 \xE2\x80\x93 (ok)",
		"word:Wait", "punct:...", "word:really", "punct:?!",
		"punct:\xE2\x80\xA6", "punct:--", "punct:\xE2\x80\x94",
		"punct:\xE2\x80\x93", "punct:(", "word:ok", "punct:)");
	TOKENS("A & B = C # \xC2\xA9 \xF0\x9F\x98\x80", "word:A", "symbol:&",
		"word:B", "symbol:=", "word:C", "symbol:#", "symbol:\xC2\xA9",
		"symbol:\xF0\x9F\x98\x80");
	TOKENS("\xE2\x80\x9CQuote\xE2\x80\x9D", "punct:\xE2\x80\x9C",
		"word:Quote", "punct:\xE2\x80\x9D");
	memo__token t = s_one(",");
	ck_assert_uint_eq(t.nwords, 0);
	ck_assert(!memo__token_is_word(&t));
}
END_TEST

START_TEST(spaces_and_ranges)
{
	/* NBSP and U+202F separate tokens; en/em dashes separate words */
	TOKENS("one\xC2\xA0two\xE2\x80\xAFthree\xE2\x80\x94" "four",
		"word:one", "word:two", "word:three", "punct:\xE2\x80\x94",
		"word:four");
	/* a sub-range: offsets are relative to the string */
	memo__tokvec tv;
	memo__tokvec_init(&tv);
	const char *t = "skip this part";
	ck_assert_int_eq(memo__tokenize(&tv, t, 5, 9), 0);
	ck_assert_uint_eq(tv.n, 1);
	ck_assert_uint_eq(tv.v[0].start, 5);
	ck_assert_uint_eq(tv.v[0].end, 9);
	/* appends */
	ck_assert_int_eq(memo__tokenize(&tv, t, 0, 4), 0);
	ck_assert_uint_eq(tv.n, 2);
	ck_assert_int_eq(memo__tokenize(&tv, t, 4, 4), 0);
	ck_assert_uint_eq(tv.n, 2);
	memo__tokvec_free(&tv);
}
END_TEST

START_TEST(word_count)
{
	const char *t = "We cut p99 latency by 40% in 3 weeks \xE2\x80\x94 "
		"from 200ms to 120ms (see main.c).";
	memo__tokvec tv;
	memo__tokvec_init(&tv);
	ck_assert_int_eq(memo__tokenize(&tv, t, 0, strlen(t)), 0);
	unsigned words = 0;
	for (size_t i = 0; i < tv.n; i++)
		words += tv.v[i].nwords;
	/* We cut p99 latency by 40% in 3 weeks from 200ms to 120ms see main.c */
	ck_assert_uint_eq(words, 15);
	memo__tokvec_free(&tv);
}
END_TEST

START_TEST(invalid_and_random)
{
	memo__tokvec tv;
	memo__tokvec_init(&tv);
	const char bad[] = "ok \xff\xfe x\xe2\x80 \xf0\x9f end\xc3";
	ck_assert_int_eq(memo__tokenize(&tv, bad, 0, sizeof bad - 1), 0);
	ck_assert_uint_ge(tv.n, 3);
	static const char alpha[] = "aZ9.,-_'@:/$%`x \n\xe2\x80\x99\xc3\xa9()";
	unsigned seed = 99;
	char buf[400];
	for (int round = 0; round < 3000; round++) {
		size_t n = (size_t)(round % 400);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alpha[(seed >> 16) % (sizeof alpha - 1)];
		}
		memo__tokvec_clear(&tv);
		ck_assert_int_eq(memo__tokenize(&tv, buf, 0, n), 0);
		/* one assertion per round: Check's asserts are slow */
		uint32_t prev = 0;
		bool ok = true;
		for (size_t i = 0; i < tv.n; i++) {
			ok = ok && tv.v[i].start >= prev &&
				tv.v[i].start < tv.v[i].end && tv.v[i].end <= n &&
				tv.v[i].kind >= MEMO__TOK_WORD &&
				tv.v[i].kind <= MEMO__TOK_SYMBOL;
			prev = tv.v[i].end;
		}
		ck_assert_msg(ok, "bad token ranges in round %d", round);
	}
	memo__tokvec_free(&tv);
}
END_TEST

START_TEST(out_of_memory)
{
	memo__tokvec tv;
	memo__tokvec_init(&tv);
	memo__alloc_fail_at(1);
	int rc = memo__tokenize(&tv, "one two", 0, 7);
	memo__alloc_fail_at(0);
	ck_assert_int_eq(rc, MEMO_ENOMEM);
	memo__tokvec_free(&tv);
}
END_TEST

START_TEST(char_classes)
{
	uint32_t cp;
	ck_assert_uint_eq(memo__text_decode("\xE2\x80\x99", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x2019);
	ck_assert_uint_eq(memo__text_decode("\xE2\x80", 2, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(memo__text_decode("\xED\xA0\x80", 3, &cp), 1);
	ck_assert(memo__text_class(0xA0) & MEMO__CC_SPACE);
	ck_assert(memo__text_class(0x202F) & MEMO__CC_SPACE);
	ck_assert(memo__text_class(0x2028) & MEMO__CC_NL);
	ck_assert(memo__text_class(0xE9) & MEMO__CC_LOWER);
	ck_assert(memo__text_class(0xC9) & MEMO__CC_UPPER);
	ck_assert(memo__text_class(0x410) & MEMO__CC_UPPER);
	ck_assert(memo__text_class(0x3B1) & MEMO__CC_LOWER);
	ck_assert(memo__text_class(0x4E2D) & MEMO__CC_LETTER);
	ck_assert(!(memo__text_class(0x4E2D) & (MEMO__CC_UPPER | MEMO__CC_LOWER)));
	ck_assert(memo__text_class(0x2014) & MEMO__CC_PUNCT);
	ck_assert(memo__text_class(0xD7) & MEMO__CC_PUNCT);
	ck_assert(memo__text_class(0x1F600) & MEMO__CC_PUNCT);
	ck_assert(memo__text_class('7') & MEMO__CC_DIGIT);
	ck_assert_str_eq(memo__token_kind_name(MEMO__TOK_CURRENCY), "currency");
	ck_assert_str_eq(memo__token_kind_name(99), "unknown");
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("tokens");
	TCase *tc = tcase_create("classes");
	tcase_add_test(tc, word_tokens);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, percent_currency);
	tcase_add_test(tc, durations);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, acronyms);
	tcase_add_test(tc, urls_emails_code);
	tcase_add_test(tc, punctuation);
	tcase_add_test(tc, spaces_and_ranges);
	tcase_add_test(tc, word_count);
	tcase_add_test(tc, invalid_and_random);
	tcase_add_test(tc, out_of_memory);
	tcase_add_test(tc, char_classes);
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
