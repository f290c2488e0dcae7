/*
 * check_kinds.c - unit tests of the document kinds (libmemo/analyze/
 * kinds*.c): the heading table against the data/kinds .tsv files, the text
 * signals (heading normalization, aliases, datelines, attributed quotes,
 * owners and dates), detection of every kind from small inline memos,
 * precedence (configuration > front matter > detection), each
 * structure.*, prfaq.*, narrative.* and coe.* rule firing and not firing
 * with its range, template coverage and page budgets.
 *
 * Ranges are checked against the offset of a quoted piece of the memo,
 * so the reader sees what the finding points at.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/kinds.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct s_run {
	memo_document *doc;
	memo_analyzer *an;
	memo_report *rep;
	const char *text;
} s_run;

/* The default analyzer, made once before the tests fork. */
static memo_analyzer *s_default;

static void s_analyze_named(s_run *r, const char *text, const char *name,
	const memo_config *cfg)
{
	memset(r, 0, sizeof *r);
	r->text = text;
	ck_assert_msg(memo_document_parse(&r->doc, text, strlen(text), name,
		NULL) == MEMO_OK, "parse: %s",
		memo_error_message(memo_error_last()));
	if (cfg || !s_default)
		ck_assert_int_eq(memo_analyzer_new(&r->an, cfg), MEMO_OK);
	ck_assert_int_eq(memo_analyze(&r->rep, r->an ? r->an : s_default,
		r->doc), MEMO_OK);
}

static void s_analyze(s_run *r, const char *text)
{
	s_analyze_named(r, text, "memo.md", NULL);
}

static void s_done(s_run *r)
{
	memo_report_free(r->rep);
	memo_analyzer_free(r->an);
	memo_document_free(r->doc);
}

static size_t s_count(const s_run *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < memo_report_finding_count(r->rep); i++)
		n += strcmp(memo_finding_rule_id(memo_report_finding_at(r->rep,
			i)), rule) == 0;
	return n;
}

/* The n-th (0-based) finding of rule, or NULL. */
static const memo_finding *s_find(const s_run *r, const char *rule,
	size_t nth)
{
	for (size_t i = 0; i < memo_report_finding_count(r->rep); i++) {
		const memo_finding *f = memo_report_finding_at(r->rep, i);
		if (strcmp(memo_finding_rule_id(f), rule) == 0 && nth-- == 0)
			return f;
	}
	return NULL;
}

/* Offset of the first occurrence of s in the memo (must be there). */
static uint64_t s_at(const s_run *r, const char *s)
{
	const char *p = strstr(r->text, s);
	ck_assert_msg(p != NULL, "'%s' is not in the memo", s);
	return (uint64_t)(p - r->text);
}

static void s_range(const memo_finding *f, uint64_t *start, uint64_t *end)
{
	memo_range rg;
	memo_finding_range(f, &rg);
	*start = rg.start.offset;
	*end = rg.end.offset;
}

/* Assert that the n-th finding of rule spans [start, end). */
static void s_expect_range(const s_run *r, const char *rule, size_t nth,
	uint64_t start, uint64_t end)
{
	const memo_finding *f = s_find(r, rule, nth);
	ck_assert_msg(f != NULL, "no finding %zu of %s", nth, rule);
	uint64_t a, b;
	s_range(f, &a, &b);
	ck_assert_msg(a == start && b == end, "%s: range [%llu, %llu), "
		"expected [%llu, %llu) (%s)", rule, (unsigned long long)a,
		(unsigned long long)b, (unsigned long long)start,
		(unsigned long long)end, memo_finding_message(f));
}

static void s_dump(const s_run *r)
{
	for (size_t i = 0; i < memo_report_finding_count(r->rep); i++) {
		const memo_finding *f = memo_report_finding_at(r->rep, i);
		const char *id = memo_finding_rule_id(f);
		if (strncmp(id, "structure", 9) && strncmp(id, "prfaq", 5) &&
		    strncmp(id, "narrative", 9) && strncmp(id, "coe", 3))
			continue;
		uint64_t a, b;
		s_range(f, &a, &b);
		fprintf(stderr, "  %s [%llu,%llu) %s\n", id,
			(unsigned long long)a, (unsigned long long)b,
			memo_finding_message(f));
	}
}

static void s_expect_kind(const s_run *r, const char *kind,
	const char *source)
{
	if (strcmp(memo_report_kind(r->rep), kind) != 0)
		s_dump(r);
	ck_assert_str_eq(memo_report_kind(r->rep), kind);
	ck_assert_str_eq(memo_report_kind_source(r->rep), source);
}

/* ---- memos ------------------------------------------------------------------ */

#define PR_GOOD \
	"# Acme Lockers: safe package pickup for apartment renters\n" \
	"\n" \
	"Renters in big buildings get their parcels the same day, with no " \
	"theft.\n" \
	"\n" \
	"SEATTLE, Wash. \xE2\x80\x93 March 3, 2025 \xE2\x80\x93 Acme today " \
	"launched Acme Lockers, smart lockers for apartment lobbies.\n" \
	"\n" \
	"Today, 23% of renters report a stolen package each year, and they " \
	"struggle to be home for deliveries.\n" \
	"\n" \
	"Acme Lockers lets couriers drop parcels in a locked bay; the renter " \
	"opens it with a code.\n" \
	"\n" \
	"\xE2\x80\x9CNo customer should lose a parcel in their own " \
	"lobby,\xE2\x80\x9D said Jane Doe, VP of Delivery at Acme.\n" \
	"\n" \
	"To get started, building managers sign up online and we install " \
	"the lockers in a week.\n" \
	"\n" \
	"\xE2\x80\x9CI have not lost a package since we got the lockers,\xE2" \
	"\x80\x9D said Sam Lee, a renter in Austin.\n" \
	"\n" \
	"Visit https://acme.example/lockers to learn more.\n"

#define FAQ_GOOD \
	"\n" \
	"## External FAQ\n" \
	"\n" \
	"### How much does it cost?\n" \
	"\n" \
	"Renters pay nothing; buildings pay $40 a month.\n" \
	"\n" \
	"## Internal FAQ\n" \
	"\n" \
	"### How big is the market?\n" \
	"\n" \
	"There are 44 million renter households in the US.\n" \
	"\n" \
	"### What are the unit economics?\n" \
	"\n" \
	"Each locker costs $900 and pays back in 23 months.\n" \
	"\n" \
	"### What do we depend on?\n" \
	"\n" \
	"We rely on the courier API of three carriers.\n" \
	"\n" \
	"### What are the risks?\n" \
	"\n" \
	"Vandalism; we mitigate it with cameras.\n" \
	"\n" \
	"### What are we not doing?\n" \
	"\n" \
	"Refrigerated lockers are out of scope.\n"

static const char s_prfaq[] = PR_GOOD FAQ_GOOD;

static const char s_narrative[] =
	"# Payments strategy 2026\n"
	"\n"
	"## Introduction\n"
	"\n"
	"This memo asks the S-team to approve a $4M investment in instant "
	"payouts.\n"
	"\n"
	"## Tenets\n"
	"\n"
	"- We favor seller cash flow over float income.\n"
	"- We ship small changes weekly, even when a big launch waits.\n"
	"\n"
	"## Goals\n"
	"\n"
	"Cut payout time from 7 days to 1 day for 80% of sellers by Q4.\n"
	"\n"
	"## State of the business\n"
	"\n"
	"Payouts grew 31% to $12B in 2025 because marketplace sales grew.\n"
	"\n"
	"## Strategic priorities\n"
	"\n"
	"We will build instant payouts first, so sellers restock sooner.\n"
	"\n"
	"## Appendix\n"
	"\n"
	"- Payout volume by month.\n"
	"- Seller survey results.\n";

static const char s_one_pager[] =
	"# Shared support inbox\n"
	"\n"
	"## Purpose\n"
	"\n"
	"Decide whether support moves to one shared inbox.\n"
	"\n"
	"## Background\n"
	"\n"
	"Agents answer 1,200 tickets a week from four inboxes.\n"
	"\n"
	"## Opportunity\n"
	"\n"
	"One inbox cuts the first response time from 9 hours to 3.\n"
	"\n"
	"## Next steps\n"
	"\n"
	"Approve a two-week pilot starting May 5.\n";

static const char s_decision[] =
	"# Use PostgreSQL for the ledger\n"
	"\n"
	"## Status\n"
	"\n"
	"Accepted.\n"
	"\n"
	"## Context\n"
	"\n"
	"The ledger needs transactions across 3 tables.\n"
	"\n"
	"## Considered options\n"
	"\n"
	"PostgreSQL, DynamoDB, MySQL.\n"
	"\n"
	"## Decision\n"
	"\n"
	"We chose PostgreSQL.\n"
	"\n"
	"## Consequences\n"
	"\n"
	"We give up automatic scaling; this is a two-way door.\n";

static const char s_coe[] =
	"# COE: checkout outage on March 3\n"
	"\n"
	"## Summary\n"
	"\n"
	"Checkout failed for 3 hours on March 3.\n"
	"\n"
	"## Impact\n"
	"\n"
	"501,430 customers could not place orders; the estimated loss is "
	"$39M.\n"
	"\n"
	"## Root cause\n"
	"\n"
	"1. Why did checkout fail? The payment service timed out.\n"
	"2. Why did it time out? Its database ran out of connections.\n"
	"3. Why did it run out? A deploy halved the pool size.\n"
	"\n"
	"## Action items\n"
	"\n"
	"- Restore the pool size (owner: Priya, due 2025-03-10).\n"
	"- Add a pool-size alarm (@jdoe, by March 17).\n";

static const char s_metrics[] =
	"# Weekly business review: week 12\n"
	"\n"
	"## Highlights\n"
	"\n"
	"Orders grew 4% WoW to 120,000.\n"
	"\n"
	"## Lowlights\n"
	"\n"
	"Late deliveries rose from 2.1% to 2.9% YoY.\n"
	"\n"
	"## Input metrics\n"
	"\n"
	"In-stock rate was 97.5% vs plan 98%.\n";

static const char s_generic[] =
	"# Async closures\n"
	"\n"
	"## Summary\n"
	"\n"
	"Add async closures to the language.\n"
	"\n"
	"## Motivation\n"
	"\n"
	"Users write boxed futures today.\n"
	"\n"
	"## Reference-level explanation\n"
	"\n"
	"The closure returns a future.\n"
	"\n"
	"## Frequently asked questions\n"
	"\n"
	"### Why not a macro?\n"
	"\n"
	"Macros cannot borrow.\n"
	"\n"
	"### Does this break code?\n"
	"\n"
	"No.\n"
	"\n"
	"### Is it stable?\n"
	"\n"
	"Not yet.\n";

/* ---- the heading table and the text helpers ------------------------------- */

static void s_check_tsv(const char *rel, size_t *row)
{
	const char *root = getenv("MEMO_SOURCE_ROOT");
	ck_assert_msg(root != NULL, "MEMO_SOURCE_ROOT is not set");
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	char line[4096];
	while (fgets(line, sizeof line, fp)) {
		size_t n = strlen(line);
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		char *t1 = strchr(line, '\t');
		ck_assert_ptr_nonnull(t1);
		*t1 = '\0';
		char *t2 = strchr(t1 + 1, '\t');
		ck_assert_ptr_nonnull(t2);
		*t2 = '\0';
		ck_assert_msg(*row < memo__kinds_table_count, "%s has more rows "
			"than kinds_table.c", rel);
		const memo__kinds_row *tr = &memo__kinds_table[*row];
		ck_assert_str_eq(tr->kind_name, line);
		ck_assert_str_eq(tr->section, t1 + 1);
		ck_assert_str_eq(tr->variants, t2 + 1);
		(*row)++;
	}
	fclose(fp);
}

START_TEST(table_matches_tsv)
{
	size_t row = 0;
	s_check_tsv("data/kinds/section-headings.tsv", &row);
	s_check_tsv("data/kinds/section-headings.extra.tsv", &row);
	ck_assert_uint_eq(row, memo__kinds_table_count);
	ck_assert_uint_lt(memo__kinds_table_count, MEMO__KINDS_MAX_ROWS);
	/* the kind enum agrees with the kind column */
	static const char *const names[MEMO__KK_COUNT] = { "narrative",
		"prfaq", "coe", "wbr", "one_pager", "decision" };
	for (size_t i = 0; i < memo__kinds_table_count; i++)
		ck_assert_str_eq(names[memo__kinds_table[i].kind],
			memo__kinds_table[i].kind_name);
}
END_TEST

static void s_norm_is(const char *in, const char *want)
{
	char out[112];
	memo__kinds_normalize(out, sizeof out, in, strlen(in));
	ck_assert_str_eq(out, want);
}

START_TEST(normalize_headings)
{
	s_norm_is("1. Introduction:", "introduction");
	s_norm_is("A) Tenets", "tenets");
	s_norm_is("2.3 Risks and mitigations", "risks and mitigations");
	s_norm_is("(4) Next steps", "next steps");
	s_norm_is("IV. Lessons Learned", "lessons learned");
	s_norm_is("**Goals**", "goals");
	s_norm_is("What didn\xE2\x80\x99t work?", "what didn't work");
	s_norm_is("  The   Press  Release ", "the press release");
	s_norm_is("2024 Goals", "2024 goals");
	s_norm_is("1.5x faster builds", "1.5x faster builds");
	s_norm_is("FAQ:", "faq");
}
END_TEST

static const char *s_section_of(memo__kk kk, const char *heading)
{
	char norm[112];
	memo__kinds_normalize(norm, sizeof norm, heading, strlen(heading));
	int row = memo__kinds_lookup(kk, norm);
	return row < 0 ? "-" : memo__kinds_table[row].section;
}

START_TEST(lookup_headings)
{
	ck_assert_str_eq(s_section_of(MEMO__KK_NARRATIVE,
		"Tenets (unless you know better ones)"), "tenets");
	ck_assert_str_eq(s_section_of(MEMO__KK_NARRATIVE,
		"3. State of the Business"), "state_of_business");
	ck_assert_str_eq(s_section_of(MEMO__KK_NARRATIVE,
		"Appendix B: seller survey"), "appendix");
	ck_assert_str_eq(s_section_of(MEMO__KK_PRFAQ,
		"Press release: Acme launches lockers"), "press_release");
	ck_assert_str_eq(s_section_of(MEMO__KK_PRFAQ, "Working Backwards"),
		"press_release");
	ck_assert_str_eq(s_section_of(MEMO__KK_COE, "5 Whys"), "root_cause");
	ck_assert_str_eq(s_section_of(MEMO__KK_WBR, "Lowlights"),
		"lowlights");
	ck_assert_str_eq(s_section_of(MEMO__KK_DECISION, "Decision outcome"),
		"decision");
	ck_assert_str_eq(s_section_of(MEMO__KK_NARRATIVE, "Motivation"), "-");
}
END_TEST

START_TEST(front_matter_aliases)
{
	ck_assert_str_eq(memo__kinds_alias("Six-Pager"), "narrative");
	ck_assert_str_eq(memo__kinds_alias("6-pager"), "narrative");
	ck_assert_str_eq(memo__kinds_alias("narrative"), "narrative");
	ck_assert_str_eq(memo__kinds_alias("PR/FAQ"), "prfaq");
	ck_assert_str_eq(memo__kinds_alias("pr-faq"), "prfaq");
	ck_assert_str_eq(memo__kinds_alias("prfaq"), "prfaq");
	ck_assert_str_eq(memo__kinds_alias("working backwards"), "prfaq");
	ck_assert_str_eq(memo__kinds_alias("1-pager"), "one-pager");
	ck_assert_str_eq(memo__kinds_alias("one_pager"), "one-pager");
	ck_assert_str_eq(memo__kinds_alias("ADR"), "decision");
	ck_assert_str_eq(memo__kinds_alias("decision"), "decision");
	ck_assert_str_eq(memo__kinds_alias("COE"), "coe");
	ck_assert_str_eq(memo__kinds_alias("post-mortem"), "coe");
	ck_assert_str_eq(memo__kinds_alias("postmortem"), "coe");
	ck_assert_str_eq(memo__kinds_alias("WBR"), "metrics");
	ck_assert_str_eq(memo__kinds_alias("metrics"), "metrics");
	ck_assert_str_eq(memo__kinds_alias("generic"), "generic");
	ck_assert_ptr_null(memo__kinds_alias("novel"));
	ck_assert_ptr_null(memo__kinds_alias(""));
	ck_assert_ptr_null(memo__kinds_alias(NULL));
}
END_TEST

static bool s_dl(const char *s)
{
	return memo__kinds_dateline(s, strlen(s), NULL);
}

START_TEST(datelines)
{
	ck_assert(s_dl("SEATTLE, Wash. \xE2\x80\x93 March 3, 2025 \xE2\x80\x93 "
		"Amazon today announced ..."));
	ck_assert(s_dl("SEATTLE, WA \xE2\x80\x94 March 3, 2025 \xE2\x80\x94 "
		"Acme launched ..."));
	ck_assert(s_dl("NEW YORK--(BUSINESS WIRE)--June 1, 2024--Acme ..."));
	ck_assert(s_dl("Seattle, WA - [Launch Date] - Acme launches ..."));
	ck_assert(s_dl("AUSTIN, Texas, Tuesday, May 6, 2025 - Acme ..."));
	ck_assert(s_dl("LONDON \xE2\x80\x93 2025-05-06 \xE2\x80\x93 Acme ..."));
	ck_assert(!s_dl("Today, March 3, we launched lockers."));
	ck_assert(!s_dl("The team in Seattle, WA met on March 3, 2025."));
	ck_assert(!s_dl("We shipped on 2025-03-01 and sales grew."));
	ck_assert(!s_dl("Acme Lockers lets couriers drop parcels."));
	size_t end = 0;
	const char *t = "SEATTLE, Wash. - March 3, 2025 - Acme today ...";
	ck_assert(memo__kinds_dateline(t, strlen(t), &end));
	ck_assert_uint_eq(end, (size_t)(strstr(t, " - Acme") - t));
}
END_TEST

START_TEST(attributed_quotes)
{
	memo__kquote q[4];
	const char *a = "\xE2\x80\x9CNo customer should lose a parcel,\xE2\x80"
		"\x9D said Jane Doe, VP of Delivery at Acme.";
	ck_assert_uint_eq(memo__kinds_quotes(a, strlen(a), q, 4), 1);
	ck_assert(q[0].leader && !q[0].customer);
	ck_assert_uint_eq(q[0].start, 0);
	const char *b = "\"I have not lost a package since,\" said Sam Lee, "
		"a renter in Austin.";
	ck_assert_uint_eq(memo__kinds_quotes(b, strlen(b), q, 4), 1);
	ck_assert(q[0].customer);
	const char *c = "Jane Doe, VP of Delivery, said: \"We built this "
		"for renters who work days.\"";
	ck_assert_uint_eq(memo__kinds_quotes(c, strlen(c), q, 4), 1);
	ck_assert(q[0].leader);
	const char *d = "\"Lockers change everything for our residents\" "
		"\xE2\x80\x94 Maria Ortiz, building owner";
	ck_assert_uint_eq(memo__kinds_quotes(d, strlen(d), q, 4), 1);
	ck_assert(q[0].customer);
	/* no attribution; a short scare quote */
	const char *e = "The \"happy path\" works; the team called it "
		"\"done and dusted for now\" last week.";
	ck_assert_uint_eq(memo__kinds_quotes(e, strlen(e), q, 4), 0);
}
END_TEST

START_TEST(questions_owners_dates_choices)
{
	ck_assert(memo__kinds_is_question("How much does it cost?", 22));
	ck_assert(memo__kinds_is_question("**Is it safe?**", 15));
	ck_assert(memo__kinds_is_question("Why use it? [USE CASES]", 23));
	ck_assert(!memo__kinds_is_question("Pricing", 7));
	ck_assert(!memo__kinds_is_question("", 0));

	const char *o1 = "Add an alarm on p99 latency (owner: Priya, due "
		"2025-04-01)";
	ck_assert(memo__kinds_has_owner(o1, strlen(o1)));
	ck_assert(memo__kinds_has_date(o1, strlen(o1)));
	const char *o2 = "@jdoe to fix retries by March 3";
	ck_assert(memo__kinds_has_owner(o2, strlen(o2)));
	ck_assert(memo__kinds_has_date(o2, strlen(o2)));
	const char *o3 = "Payments team adds retries, EOW";
	ck_assert(memo__kinds_has_owner(o3, strlen(o3)));
	ck_assert(memo__kinds_has_date(o3, strlen(o3)));
	const char *o4 = "Add retries to the client";
	ck_assert(!memo__kinds_has_owner(o4, strlen(o4)));
	ck_assert(!memo__kinds_has_date(o4, strlen(o4)));
	const char *o5 = "Review alarms (March)";
	ck_assert(!memo__kinds_has_owner(o5, strlen(o5)));

	const char *c1 = "We favor seller cash flow over float income.";
	ck_assert(memo__kinds_is_choice(c1, strlen(c1)));
	const char *c2 = "Security is important.";
	ck_assert(!memo__kinds_is_choice(c2, strlen(c2)));

	static const char *const ph[] = { "depend*", "out of scope", NULL };
	ck_assert(memo__kinds_has_phrase("Dependencies: none", 18, ph));
	ck_assert(memo__kinds_has_phrase("It is OUT OF SCOPE.", 19, ph));
	ck_assert(!memo__kinds_has_phrase("independent", 11, ph));
}
END_TEST

/* Every variant of the table finds, per kind, the first row listing it
 * (the indexed lookup against a scan of the table), also as a label. */
START_TEST(lookup_every_variant)
{
	for (size_t i = 0; i < memo__kinds_table_count; i++) {
		const char *p = memo__kinds_table[i].variants;
		for (;;) {
			size_t n = strcspn(p, "|");
			char v[112], label[160];
			ck_assert_uint_lt(n, sizeof v);
			memcpy(v, p, n);
			v[n] = '\0';
			snprintf(label, sizeof label, "%s: more words", v);
			for (int kk = 0; kk < MEMO__KK_COUNT; kk++) {
				int want = -1;
				for (size_t j = 0; j < memo__kinds_table_count &&
				     want < 0; j++) {
					const char *q = memo__kinds_table[j].variants;
					size_t m;
					if (memo__kinds_table[j].kind != (memo__kk)kk)
						continue;
					for (; *q; q += m + (q[m] == '|')) {
						m = strcspn(q, "|");
						if (m == n && memcmp(q, v, n) == 0)
							want = (int)j;
					}
				}
				int rows[MEMO__KK_COUNT];
				memo__kinds_lookup_all(v, rows);
				ck_assert_int_eq(rows[kk], want);
				ck_assert_int_eq(memo__kinds_lookup((memo__kk)kk, v),
					want);
				if (want >= 0)
					ck_assert_int_eq(memo__kinds_lookup(
						(memo__kk)kk, label), want);
			}
			if (!p[n])
				break;
			p += n + 1;
		}
	}
	ck_assert_int_eq(memo__kinds_lookup(MEMO__KK_NARRATIVE, ""), -1);
	ck_assert_int_eq(memo__kinds_lookup(MEMO__KK_NARRATIVE, "goal"), -1);
}
END_TEST

/* Phrase sets: several lists in one scan, upper case in the text, a
 * phrase at the very end, prefixes, and phrases that do not start a
 * word. */
START_TEST(phrase_sets)
{
	static const char *const a[] = { "we ask", "approv*", NULL };
	static const char *const b[] = { "risk*", "x", ", a ", NULL };
	static const char *const c[] = { "tam", NULL };
	const char *const *lists[] = { a, b, c };
	memo__kphrases set;
	memo__kinds_phrases_init(&set, lists, 3);
	const char *t1 = "We Ask for APPROVAL of the risks";
	ck_assert_uint_eq(memo__kinds_phrases_find(&set, t1, strlen(t1), 7),
		3);
	ck_assert_uint_eq(memo__kinds_phrases_find(&set, t1, strlen(t1), 2),
		2);
	const char *t2 = "we asked; tamper; wx; Jane, a renter";
	ck_assert_uint_eq(memo__kinds_phrases_find(&set, t2, strlen(t2), 7),
		2);
	const char *t3 = "the TAM";
	ck_assert_uint_eq(memo__kinds_phrases_find(&set, t3, strlen(t3), 7),
		4);
	ck_assert_uint_eq(memo__kinds_phrases_find(&set, "x", 1, 7), 2);
	ck_assert_uint_eq(memo__kinds_phrases_find(&set, "ax", 2, 7), 0);
	ck_assert_uint_eq(memo__kinds_phrases_find(&set, "", 0, 7), 0);
	ck_assert(memo__kinds_has_phrase("(x)", 3, b));
	ck_assert(!memo__kinds_has_phrase("we as", 5, a));
}
END_TEST

/* ---- detection -------------------------------------------------------------- */

START_TEST(detect_each_kind)
{
	struct { const char *text, *kind; double budget; } cases[] = {
		{ s_prfaq, "prfaq", 6 },
		{ s_narrative, "narrative", 6 },
		{ s_one_pager, "one-pager", 1 },
		{ s_decision, "decision", 6 },
		{ s_coe, "coe", 0 },
		{ s_metrics, "metrics", 0 },
		{ s_generic, "generic", 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		s_run r;
		s_analyze(&r, cases[i].text);
		s_expect_kind(&r, cases[i].kind, "detected");
		ck_assert_double_eq(r.rep->page_budget, cases[i].budget);
		ck_assert_msg(r.rep->template_coverage == 1.0, "%s: coverage "
			"%g", cases[i].kind, r.rep->template_coverage);
		s_done(&r);
	}
}
END_TEST

START_TEST(detect_prfaq_variants)
{
	s_run r;
	/* a press release with no headings at all: dateline and quotes */
	s_analyze(&r, PR_GOOD);
	s_expect_kind(&r, "prfaq", "detected");
	s_done(&r);
	/* headings only: press release, FAQ split */
	s_analyze(&r, "# Lockers\n\n## Press release\n\nAcme launched "
		"lockers.\n\n## Customer FAQ\n\n### Is it free?\n\nYes.\n\n"
		"## Internal FAQ\n\n### Why now?\n\nTheft rose 20%.\n");
	s_expect_kind(&r, "prfaq", "detected");
	s_done(&r);
	/* a Working Backwards document: its label and an FAQ */
	s_analyze(&r, "# Lockers\n\n## Working Backwards\n\nLockers for "
		"renters.\n\n## FAQ\n\n### Is it free?\n\nYes.\n");
	s_expect_kind(&r, "prfaq", "detected");
	s_done(&r);
	/* an FAQ alone is not a PR/FAQ; neither is one quote */
	s_analyze(&r, "# Design\n\n## Summary\n\nAs Ana said, \"we need "
		"to keep the parser small and fast\".\n\n## FAQ\n\n"
		"### Why?\n\nSpeed.\n\n### How?\n\nTables.\n\n### When?\n\n"
		"Now.\n");
	s_expect_kind(&r, "generic", "detected");
	s_done(&r);
}
END_TEST

START_TEST(detect_short_vs_long_one_pager)
{
	/* the one-pager's sections in a long document: not a one-pager */
	char *big = malloc(64 * 1024);
	ck_assert_ptr_nonnull(big);
	strcpy(big, s_one_pager);
	strcat(big, "\n## Details\n\n");
	for (int i = 0; i < 120; i++)
		strcat(big, "Agents answer tickets from four inboxes and lose "
			"time switching between them every hour.\n\n");
	s_run r;
	s_analyze(&r, big);
	ck_assert_str_ne(memo_report_kind(r.rep), "one-pager");
	s_done(&r);
	free(big);
}
END_TEST

/* ---- precedence ------------------------------------------------------------- */

START_TEST(precedence)
{
	static const char fm[] = "---\ntitle: Lockers\nkind: six-pager\n---\n"
		PR_GOOD FAQ_GOOD;
	s_run r;
	/* front matter beats detection */
	s_analyze(&r, fm);
	s_expect_kind(&r, "narrative", "front-matter");
	s_done(&r);
	/* an unknown front-matter kind is ignored */
	static const char bad[] = "---\nkind: novel\n---\n" PR_GOOD;
	s_analyze(&r, bad);
	s_expect_kind(&r, "prfaq", "detected");
	s_done(&r);
	/* configuration beats front matter */
	memo_config *cfg = NULL;
	ck_assert_int_eq(memo_config_new(&cfg), MEMO_OK);
	ck_assert_int_eq(memo_config_set_string(cfg, "kind", "coe"), MEMO_OK);
	s_analyze_named(&r, fm, "memo.md", cfg);
	s_expect_kind(&r, "coe", "config");
	s_done(&r);
	/* a glob for the file beats the kind setting; the last glob wins */
	ck_assert_int_eq(memo_config_set_kind_for(cfg, "*.md", "metrics"),
		MEMO_OK);
	ck_assert_int_eq(memo_config_set_kind_for(cfg, "prfaq/*.md",
		"one-pager"), MEMO_OK);
	s_analyze_named(&r, fm, "docs/prfaq/lockers.md", cfg);
	s_expect_kind(&r, "one-pager", "config");
	s_done(&r);
	s_analyze_named(&r, fm, "docs/other/lockers.md", cfg);
	s_expect_kind(&r, "metrics", "config");
	s_done(&r);
	/* a glob that does not match leaves the kind setting */
	memo_config_free(cfg);
	ck_assert_int_eq(memo_config_new(&cfg), MEMO_OK);
	ck_assert_int_eq(memo_config_set_kind_for(cfg, "*.docx", "coe"),
		MEMO_OK);
	s_analyze_named(&r, fm, "lockers.md", cfg);
	s_expect_kind(&r, "narrative", "front-matter");
	s_done(&r);
	memo_config_free(cfg);
}
END_TEST

/* ---- structure.* --------------------------------------------------------------- */

START_TEST(structure_missing_section)
{
	/* the narrative without Goals: a zero-length range at the end of
	 * the section before it in the template (Tenets) */
	static const char t[] =
		"# Plan\n\n## Introduction\n\nWe ask for approval of the plan."
		"\n\n## Tenets\n\n- We favor speed over polish.\n\n"
		"## State of the business\n\nSales grew 4%.\n\n"
		"## Lessons learned\n\nShip smaller.\n\n"
		"## Strategic priorities\n\nWe will ship weekly.\n";
	s_run r;
	s_analyze(&r, t);
	s_expect_kind(&r, "narrative", "detected");
	ck_assert_uint_eq(s_count(&r, "structure.missing-section"), 1);
	uint64_t at = s_at(&r, "## State of the business");
	s_expect_range(&r, "structure.missing-section", 0, at, at);
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"structure.missing-section", 0)), "Goals"));
	/* 2 of the 3 required sections */
	ck_assert_double_eq_tol(r.rep->template_coverage, 2.0 / 3.0, 1e-9);
	s_done(&r);

	/* nothing before it: the document start */
	s_analyze(&r, "# Plan\n\n## Tenets\n\n- Speed over polish.\n\n"
		"## Goals\n\nGrow 4%.\n\n## State of the business\n\nOk.\n\n"
		"## Strategic priorities\n\nShip weekly. We ask for approval.\n");
	s_expect_kind(&r, "narrative", "detected");
	ck_assert_uint_eq(s_count(&r, "structure.missing-section"), 1);
	s_expect_range(&r, "structure.missing-section", 0, 0, 0);
	s_done(&r);

	/* a complete template: none */
	s_analyze(&r, s_narrative);
	ck_assert_uint_eq(s_count(&r, "structure.missing-section"), 0);
	s_done(&r);
}
END_TEST

START_TEST(structure_order)
{
	static const char t[] =
		"# Plan\n\n## Introduction\n\nWe ask for approval.\n\n"
		"## Goals\n\nGrow 4%.\n\n## Tenets\n\n- Speed over polish.\n\n"
		"## Strategic priorities\n\nShip weekly.\n";
	s_run r;
	s_analyze(&r, t);
	s_expect_kind(&r, "narrative", "detected");
	ck_assert_uint_eq(s_count(&r, "structure.order"), 1);
	s_expect_range(&r, "structure.order", 0, s_at(&r, "## Tenets"),
		s_at(&r, "## Strategic"));
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"structure.order", 0)), "'Tenets' should come before 'Goals'"));
	s_done(&r);
	s_analyze(&r, s_narrative);
	ck_assert_uint_eq(s_count(&r, "structure.order"), 0);
	s_done(&r);
}
END_TEST

START_TEST(structure_length)
{
	memo_config *cfg = NULL;
	ck_assert_int_eq(memo_config_new(&cfg), MEMO_OK);
	/* 50 words a page: this one-pager's body is 1.1 pages */
	ck_assert_int_eq(memo_config_set_double(cfg, "page.words", 50),
		MEMO_OK);
	static const char op[] = "---\nkind: one-pager\n---\n"
		"## Purpose\n\nDecide whether support moves to one shared inbox "
		"this quarter.\n\n"
		"## Background\n\nAgents answer 1,200 tickets a week from four "
		"inboxes, and each agent checks every inbox twice an hour.\n\n"
		"## Opportunity\n\nOne inbox cuts the first response time from 9 "
		"hours to 3 hours, because agents stop switching.\n\n"
		"## Next steps\n\nApprove a two-week pilot with six agents "
		"starting May 5.\n";
	s_run r;
	s_analyze_named(&r, op, "memo.md", cfg);
	ck_assert_str_eq(memo_report_kind(r.rep), "one-pager");
	ck_assert_double_eq(r.rep->page_budget, 1);
	ck_assert_uint_eq(s_count(&r, "structure.length"), 1);
	/* the budget (50 words) runs out in the last paragraph; the range
	 * runs from there to the end of the body */
	s_expect_range(&r, "structure.length", 0, s_at(&r, "Approve a"),
		s_at(&r, "May 5.") + 6);
	s_done(&r);

	/* a PR/FAQ: the press release over 1 page */
	s_analyze_named(&r, s_prfaq, "memo.md", cfg);
	ck_assert_str_eq(memo_report_kind(r.rep), "prfaq");
	ck_assert_uint_eq(s_count(&r, "structure.length"), 1);
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"structure.length", 0)), "press release"));
	s_expect_range(&r, "structure.length", 0, s_at(&r, "Renters in big"),
		s_at(&r, "learn more.") + 11);
	s_done(&r);
	/* and the FAQ over 5 pages (250 words) */
	char *big = malloc(16 * 1024);
	ck_assert_ptr_nonnull(big);
	strcpy(big, s_prfaq);
	for (int i = 0; i < 25; i++)
		strcat(big, "\nWe checked the lockers in ten buildings and "
			"the renters used them every day.\n");
	s_analyze_named(&r, big, "memo.md", cfg);
	ck_assert_uint_eq(s_count(&r, "structure.length"), 2);
	s_expect_range(&r, "structure.length", 1, s_at(&r, "## External FAQ"),
		strlen(big));
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"structure.length", 1)), "FAQ"));
	s_done(&r);
	free(big);
	memo_config_free(cfg);

	/* default 500 words a page: within budget */
	s_analyze(&r, s_one_pager);
	ck_assert_uint_eq(s_count(&r, "structure.length"), 0);
	s_done(&r);
}
END_TEST

START_TEST(structure_bullets)
{
	static const char t[] =
		"# Plan\n\n## Introduction\n\nWe ask for approval.\n\n"
		"## Tenets\n\n- Speed over polish.\n\n## Goals\n\n"
		"- Grow 4%.\n- Hire 3.\n  - nested\n\nMore text.\n\n"
		"## Strategic priorities\n\nShip weekly.\n\n"
		"## Appendix\n\n- data\n";
	s_run r;
	s_analyze(&r, t);
	s_expect_kind(&r, "narrative", "detected");
	/* one outermost list in the body; tenets and appendix lists are
	 * fine */
	ck_assert_uint_eq(s_count(&r, "structure.bullets"), 1);
	s_expect_range(&r, "structure.bullets", 0, s_at(&r, "- Grow"),
		s_at(&r, "nested") + 6);
	s_done(&r);
	/* bullets are fine in a PR/FAQ */
	s_analyze(&r, s_prfaq);
	ck_assert_uint_eq(s_count(&r, "structure.bullets"), 0);
	s_done(&r);
}
END_TEST

/* ---- prfaq.* --------------------------------------------------------------------- */

static const char *const s_pr_rules[] = { "prfaq.headline",
	"prfaq.subheading", "prfaq.dateline", "prfaq.problem",
	"prfaq.solution", "prfaq.leader-quote", "prfaq.customer-quote",
	"prfaq.getting-started", "prfaq.call-to-action", "prfaq.faq-question",
	"prfaq.external-faq", "prfaq.internal-faq",
	"prfaq.internal-faq-topic", NULL };

START_TEST(prfaq_complete_has_no_findings)
{
	s_run r;
	s_analyze(&r, s_prfaq);
	s_expect_kind(&r, "prfaq", "detected");
	for (size_t i = 0; s_pr_rules[i]; i++) {
		if (s_count(&r, s_pr_rules[i]))
			s_dump(&r);
		ck_assert_msg(s_count(&r, s_pr_rules[i]) == 0, "%s fired",
			s_pr_rules[i]);
	}
	ck_assert_uint_eq(s_count(&r, "structure.missing-section"), 0);
	ck_assert_double_eq(r.rep->template_coverage, 1.0);
	s_done(&r);
}
END_TEST

START_TEST(prfaq_bare_press_release)
{
	static const char t[] =
		"---\nkind: prfaq\n---\n"
		"## Press release\n\n"
		"Acme ships lockers in every building this spring, for all "
		"tenants who live there.\n\n"
		"The lockers are in the lobby.\n";
	s_run r;
	s_analyze(&r, t);
	s_expect_kind(&r, "prfaq", "front-matter");
	uint64_t body = s_at(&r, "Acme ships");
	uint64_t pr_end = strlen(t);
	uint64_t heading_end = s_at(&r, "\n\nAcme ships");
	/* headline: zero-length after the "Press release" heading */
	s_expect_range(&r, "prfaq.headline", 0, heading_end, heading_end);
	/* a one-sentence first paragraph with more after it is the
	 * subheading; the summary (with no dateline) follows */
	ck_assert_uint_eq(s_count(&r, "prfaq.subheading"), 0);
	s_expect_range(&r, "prfaq.dateline", 0, s_at(&r, "The lockers"),
		s_at(&r, "The lockers"));
	/* problem, quotes, getting started: the press release section */
	uint64_t sec = s_at(&r, "## Press release");
	s_expect_range(&r, "prfaq.problem", 0, sec, pr_end);
	s_expect_range(&r, "prfaq.leader-quote", 0, sec, pr_end);
	s_expect_range(&r, "prfaq.customer-quote", 0, sec, pr_end);
	s_expect_range(&r, "prfaq.getting-started", 0, sec, pr_end);
	s_expect_range(&r, "prfaq.solution", 0, sec, pr_end);
	/* call to action: the last paragraph */
	s_expect_range(&r, "prfaq.call-to-action", 0, s_at(&r, "The lockers"),
		pr_end - 1);
	/* no FAQ at all: external and internal FAQ at the end of the PR */
	s_expect_range(&r, "prfaq.external-faq", 0, pr_end, pr_end);
	s_expect_range(&r, "prfaq.internal-faq", 0, pr_end, pr_end);
	ck_assert_uint_eq(s_count(&r, "prfaq.internal-faq-topic"), 0);
	/* the FAQs have their own rules: no missing-section for them */
	ck_assert_uint_eq(s_count(&r, "structure.missing-section"), 0);
	ck_assert_double_eq_tol(r.rep->template_coverage, 1.0 / 3.0, 1e-9);
	(void)body;
	s_done(&r);
}
END_TEST

START_TEST(prfaq_faq_rules)
{
	static const char t[] = PR_GOOD
		"\n## FAQ\n\n### Pricing\n\nFree for renters.\n\n"
		"### Is it safe?\n\nYes.\n\n"
		"## Internal FAQ\n\n### What are the risks?\n\nVandalism.\n";
	s_run r;
	s_analyze(&r, t);
	s_expect_kind(&r, "prfaq", "detected");
	/* the generic FAQ counts as the external one */
	ck_assert_uint_eq(s_count(&r, "prfaq.external-faq"), 0);
	ck_assert_uint_eq(s_count(&r, "prfaq.internal-faq"), 0);
	ck_assert_uint_eq(s_count(&r, "prfaq.faq-question"), 1);
	s_expect_range(&r, "prfaq.faq-question", 0, s_at(&r, "### Pricing"),
		s_at(&r, "### Pricing") + 11);
	/* risks covered; four topics are not */
	ck_assert_uint_eq(s_count(&r, "prfaq.internal-faq-topic"), 4);
	uint64_t h = s_at(&r, "## Internal FAQ");
	s_expect_range(&r, "prfaq.internal-faq-topic", 0, h, h + 15);
	const char *want[] = { "market size", "economics", "dependencies",
		"not being done" };
	for (size_t i = 0; i < 4; i++)
		ck_assert_msg(strstr(memo_finding_message(s_find(&r,
			"prfaq.internal-faq-topic", i)), want[i]) != NULL,
			"topic %zu: %s", i, memo_finding_message(s_find(&r,
			"prfaq.internal-faq-topic", i)));
	s_done(&r);

	/* an FAQ written as Q:/A: paragraphs */
	static const char q[] = PR_GOOD
		"\n## Customer FAQ\n\nQ: Pricing for renters. A: Free.\n\n"
		"Q: Is it safe? A: Yes.\n";
	s_analyze(&r, q);
	ck_assert_uint_eq(s_count(&r, "prfaq.faq-question"), 1);
	uint64_t a = s_at(&r, "Q: Pricing");
	s_expect_range(&r, "prfaq.faq-question", 0, a, a + 23);
	ck_assert_uint_eq(s_count(&r, "prfaq.internal-faq"), 1);
	s_done(&r);

	/* an FAQ with bold leads */
	static const char b[] = PR_GOOD
		"\n## Customer FAQ\n\n**Pricing for renters.** Free.\n\n"
		"**Is it safe?** Yes.\n";
	s_analyze(&r, b);
	ck_assert_uint_eq(s_count(&r, "prfaq.faq-question"), 1);
	a = s_at(&r, "**Pricing");
	s_expect_range(&r, "prfaq.faq-question", 0, a, a + 24);
	s_done(&r);
}
END_TEST

START_TEST(inline_disable)
{
	s_run r;
	s_analyze(&r, "## Press release\n\nLockers for renters.\n\n"
		"Acme ships lockers.\n");
	s_expect_kind(&r, "prfaq", "detected");
	ck_assert_uint_eq(s_count(&r, "prfaq.dateline"), 1);
	s_done(&r);
	s_analyze(&r, "<!-- memo-disable prfaq.dateline -->\n\n"
		"## Press release\n\nLockers for renters.\n\n"
		"Acme ships lockers.\n");
	s_expect_kind(&r, "prfaq", "detected");
	ck_assert_uint_eq(s_count(&r, "prfaq.dateline"), 0);
	ck_assert_uint_eq(s_count(&r, "prfaq.leader-quote"), 1);
	s_done(&r);
}
END_TEST

/* ---- narrative.* -------------------------------------------------------------------- */

START_TEST(narrative_tenets)
{
	static const char t[] =
		"# Plan\n\n## Introduction\n\nWe ask for approval.\n\n"
		"## Tenets\n\n"
		"- We favor speed over polish.\n"
		"- Security is important.\n\n"
		"## Goals\n\nGrow 4%.\n\n## Strategic priorities\n\nShip.\n";
	s_run r;
	s_analyze(&r, t);
	s_expect_kind(&r, "narrative", "detected");
	ck_assert_uint_eq(s_count(&r, "narrative.tenets"), 1);
	s_expect_range(&r, "narrative.tenets", 0, s_at(&r, "- Security"),
		s_at(&r, "important.") + 10);
	s_done(&r);

	/* eight tenets, each a choice: one finding on the section */
	static const char many[] =
		"# Plan\n\n## Introduction\n\nWe ask for approval.\n\n"
		"## Tenets\n\n"
		"- Speed over polish.\n- Sellers over float.\n"
		"- Data over anecdotes.\n- Depth over breadth.\n"
		"- Fix before build.\n- Small over big.\n"
		"- Weekly over monthly.\n- Prose over slides.\n\n"
		"## Goals\n\nGrow 4%.\n\n## Strategic priorities\n\nShip.\n";
	s_analyze(&r, many);
	ck_assert_uint_eq(s_count(&r, "narrative.tenets"), 1);
	s_expect_range(&r, "narrative.tenets", 0, s_at(&r, "## Tenets"),
		s_at(&r, "## Goals"));
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"narrative.tenets", 0)), "8 tenets"));
	s_done(&r);

	s_analyze(&r, s_narrative);
	ck_assert_uint_eq(s_count(&r, "narrative.tenets"), 0);
	s_done(&r);
}
END_TEST

START_TEST(narrative_ask)
{
	static const char t[] =
		"# Plan\n\n## Introduction\n\nSales grew 4% last year.\n\n"
		"## Goals\n\nGrow sales.\n\n## Strategic priorities\n\n"
		"Open two stores.\n";
	s_run r;
	s_analyze(&r, t);
	s_expect_kind(&r, "narrative", "detected");
	ck_assert_uint_eq(s_count(&r, "narrative.ask"), 1);
	uint64_t end = s_at(&r, "two stores.") + 11;
	s_expect_range(&r, "narrative.ask", 0, end, end);
	s_done(&r);
	s_analyze(&r, s_narrative);
	ck_assert_uint_eq(s_count(&r, "narrative.ask"), 0);
	s_done(&r);
}
END_TEST

/* ---- coe.* --------------------------------------------------------------------------- */

START_TEST(coe_rules)
{
	s_run r;
	s_analyze(&r, s_coe);
	s_expect_kind(&r, "coe", "detected");
	ck_assert_uint_eq(s_count(&r, "coe.impact"), 0);
	ck_assert_uint_eq(s_count(&r, "coe.why-chain"), 0);
	ck_assert_uint_eq(s_count(&r, "coe.action-items"), 0);
	ck_assert_double_eq(r.rep->template_coverage, 1.0);
	s_done(&r);

	static const char bad[] =
		"---\nkind: coe\n---\n"
		"# COE: checkout outage\n\n## Summary\n\nCheckout failed.\n\n"
		"## Impact\n\nMany customers could not check out.\n\n"
		"## Root cause\n\nWhy did it fail? A deploy.\n\n"
		"## Action items\n\n"
		"- Restore the pool size.\n"
		"- Add an alarm (owner: Priya).\n"
		"- Review deploys by March 17.\n"
		"- Fix the pool (@jdoe, 2025-03-20).\n";
	s_analyze(&r, bad);
	s_expect_kind(&r, "coe", "front-matter");
	ck_assert_uint_eq(s_count(&r, "coe.impact"), 1);
	s_expect_range(&r, "coe.impact", 0, s_at(&r, "## Impact"),
		s_at(&r, "## Root cause"));
	ck_assert_uint_eq(s_count(&r, "coe.why-chain"), 1);
	s_expect_range(&r, "coe.why-chain", 0, s_at(&r, "## Root cause"),
		s_at(&r, "## Action items"));
	ck_assert_uint_eq(s_count(&r, "coe.action-items"), 3);
	s_expect_range(&r, "coe.action-items", 0, s_at(&r, "- Restore"),
		s_at(&r, "- Add an alarm") - 1);
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"coe.action-items", 0)), "no owner and no due date"));
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"coe.action-items", 1)), "no due date"));
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"coe.action-items", 2)), "no owner"));
	s_done(&r);

	/* a table of action items with Owner and Due columns */
	static const char tab[] =
		"---\nkind: coe\n---\n"
		"## Summary\n\nDown 3 hours.\n\n## Impact\n\n3,000 orders "
		"failed.\n\n## Root cause\n\nWhy? A. Why? B. Why? C.\n\n"
		"## Action items\n\n"
		"| Action | Owner | Due |\n|---|---|---|\n"
		"| Add alarm | Priya | 2025-04-01 |\n"
		"| Fix pool | | TBD |\n";
	s_analyze(&r, tab);
	ck_assert_uint_eq(s_count(&r, "coe.why-chain"), 0);
	ck_assert_uint_eq(s_count(&r, "coe.action-items"), 1);
	ck_assert_ptr_nonnull(strstr(memo_finding_message(s_find(&r,
		"coe.action-items", 0)), "no owner and no due date"));
	s_done(&r);

	/* missing sections: coverage 2/4 */
	s_analyze(&r, "---\nkind: coe\n---\n## Summary\n\nDown.\n\n"
		"## Impact\n\n3,000 orders failed.\n");
	ck_assert_double_eq_tol(r.rep->template_coverage, 0.5, 1e-9);
	ck_assert_uint_eq(s_count(&r, "structure.missing-section"), 2);
	s_done(&r);
}
END_TEST

START_TEST(rules_can_be_turned_off)
{
	memo_config *cfg = NULL;
	ck_assert_int_eq(memo_config_new(&cfg), MEMO_OK);
	ck_assert_int_eq(memo_config_set_rule(cfg, "prfaq.*",
		MEMO_SEVERITY_NONE), MEMO_OK);
	s_run r;
	s_analyze_named(&r, "---\nkind: prfaq\n---\n# X\n\nText.\n",
		"memo.md", cfg);
	for (size_t i = 0; s_pr_rules[i]; i++)
		ck_assert_uint_eq(s_count(&r, s_pr_rules[i]), 0);
	s_done(&r);
	memo_config_free(cfg);
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("kinds");
	TCase *tc = tcase_create("table");
	tcase_add_test(tc, table_matches_tsv);
	tcase_add_test(tc, normalize_headings);
	tcase_add_test(tc, lookup_headings);
	tcase_add_test(tc, lookup_every_variant);
	tcase_add_test(tc, phrase_sets);
	tcase_add_test(tc, front_matter_aliases);
	tcase_add_test(tc, datelines);
	tcase_add_test(tc, attributed_quotes);
	tcase_add_test(tc, questions_owners_dates_choices);
	suite_add_tcase(s, tc);
	tc = tcase_create("detection");
	tcase_add_test(tc, detect_each_kind);
	tcase_add_test(tc, detect_prfaq_variants);
	tcase_add_test(tc, detect_short_vs_long_one_pager);
	tcase_add_test(tc, precedence);
	suite_add_tcase(s, tc);
	tc = tcase_create("rules");
	tcase_add_test(tc, structure_missing_section);
	tcase_add_test(tc, structure_order);
	tcase_add_test(tc, structure_length);
	tcase_add_test(tc, structure_bullets);
	tcase_add_test(tc, prfaq_complete_has_no_findings);
	tcase_add_test(tc, prfaq_bare_press_release);
	tcase_add_test(tc, prfaq_faq_rules);
	tcase_add_test(tc, narrative_tenets);
	tcase_add_test(tc, narrative_ask);
	tcase_add_test(tc, coe_rules);
	tcase_add_test(tc, rules_can_be_turned_off);
	tcase_add_test(tc, inline_disable);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	if (memo_analyzer_new(&s_default, NULL) != MEMO_OK) {
		fprintf(stderr, "check_kinds: %s\n",
			memo_error_message(memo_error_last()));
		return EXIT_FAILURE;
	}
	SRunner *sr = srunner_create(s_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	memo_analyzer_free(s_default);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
