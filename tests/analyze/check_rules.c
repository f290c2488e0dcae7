/*
 * check_rules.c - unit tests of the analyzer's context rules (RULES.md 3),
 * through the public API only (<memo.h>, linked against the shared
 * library).
 *
 * Each case is a text with annotations that must fire (kind and exact
 * byte range in the document text) and spans where an annotation kind
 * must not fire. The byte offsets were computed from the n-th occurrence
 * of the quoted text and are checked against it, so a reader sees both
 * the position and what is there. Further tests check weights ("should"
 * counts half), configuration that must not break a rule (a causal
 * connective added as a filler), and the exact metric arithmetic of a
 * small memo (words, sentences, densities per 100 words, shares, story
 * completeness).
 */
#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <memo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct s_expect {
	const char *kind;
	uint64_t start, end;  /* byte range in the document text */
	const char *text;     /* what is there; NULL: the whole text */
} s_expect;

typedef struct s_case {
	const char *name;
	memo_format_t format;
	const char *text;
	const s_expect *fire;  /* must fire, exactly there */
	const s_expect *none;  /* must not fire anywhere in the range */
} s_case;

/* ---- helpers ------------------------------------------------------------ */

/* The default analyzer, made once before the tests fork. */
static memo_analyzer *s_default;

typedef struct s_run_t {
	memo_document *doc;
	memo_analyzer *an;
	memo_report *rep;
} s_run_t;

static void s_run_cfg(s_run_t *r, const char *text, memo_format_t format,
	const memo_config *cfg)
{
	memo_parse_options opts = MEMO_PARSE_OPTIONS_INIT;
	opts.format = (uint32_t)format;
	memset(r, 0, sizeof *r);
	int rc = memo_document_parse(&r->doc, text, strlen(text), "case",
		&opts);
	ck_assert_msg(rc == MEMO_OK, "parse: %s",
		memo_error_message(memo_error_last()));
	if (cfg)
		ck_assert_int_eq(memo_analyzer_new(&r->an, cfg), MEMO_OK);
	ck_assert_int_eq(memo_analyze(&r->rep, cfg ? r->an : s_default,
		r->doc), MEMO_OK);
}

static void s_run(s_run_t *r, const char *text, memo_format_t format)
{
	s_run_cfg(r, text, format, NULL);
}

static void s_done(s_run_t *r)
{
	memo_report_free(r->rep);
	memo_analyzer_free(r->an);
	memo_document_free(r->doc);
}

/* Print every annotation (shown when a case fails). */
static void s_dump(const s_run_t *r, const char *text)
{
	size_t n = memo_report_annotation_count(r->rep);
	for (size_t i = 0; i < n; i++) {
		const memo_annotation *a = memo_report_annotation_at(r->rep, i);
		memo_range g;
		memo_annotation_range(a, &g);
		fprintf(stderr, "    %-12s [%3llu,%3llu) \"%.*s\" (%s)\n",
			memo_annotation_kind(a),
			(unsigned long long)g.start.offset,
			(unsigned long long)g.end.offset,
			(int)(g.end.offset - g.start.offset),
			text + g.start.offset, memo_annotation_entry(a));
	}
}

/* The annotation of kind exactly over [start, end), or NULL. */
static const memo_annotation *s_find(const s_run_t *r, const char *kind,
	uint64_t start, uint64_t end)
{
	size_t n = memo_report_annotation_count(r->rep);
	for (size_t i = 0; i < n; i++) {
		const memo_annotation *a = memo_report_annotation_at(r->rep, i);
		memo_range g;
		memo_annotation_range(a, &g);
		if (strcmp(memo_annotation_kind(a), kind) == 0 &&
		    g.start.offset == start && g.end.offset == end)
			return a;
	}
	return NULL;
}

/* An annotation of kind overlapping [start, end), or NULL. */
static const memo_annotation *s_overlap(const s_run_t *r, const char *kind,
	uint64_t start, uint64_t end)
{
	size_t n = memo_report_annotation_count(r->rep);
	for (size_t i = 0; i < n; i++) {
		const memo_annotation *a = memo_report_annotation_at(r->rep, i);
		memo_range g;
		memo_annotation_range(a, &g);
		if (strcmp(memo_annotation_kind(a), kind) == 0 &&
		    g.start.offset < end && start < g.end.offset)
			return a;
	}
	return NULL;
}

static size_t s_count(const s_run_t *r, const char *kind)
{
	size_t n = memo_report_annotation_count(r->rep), k = 0;
	for (size_t i = 0; i < n; i++)
		k += strcmp(memo_annotation_kind(memo_report_annotation_at(
			r->rep, i)), kind) == 0;
	return k;
}

static void s_check_case(const s_case *c)
{
	s_run_t r;
	s_run(&r, c->text, c->format);
	size_t dlen = 0;
	const char *dtext = memo_document_text(r.doc, &dlen);
	ck_assert_uint_eq(dlen, strlen(c->text));
	bool ok = true;
	for (const s_expect *e = c->fire; e->kind; e++) {
		/* the expected range holds the expected text */
		ck_assert_msg(e->end <= dlen && strncmp(dtext + e->start,
			e->text, e->end - e->start) == 0,
			"%s: [%llu,%llu) is not \"%s\"", c->name,
			(unsigned long long)e->start,
			(unsigned long long)e->end, e->text);
		if (!s_find(&r, e->kind, e->start, e->end)) {
			fprintf(stderr, "%s: missing %s [%llu,%llu) \"%s\"\n",
				c->name, e->kind, (unsigned long long)e->start,
				(unsigned long long)e->end, e->text);
			ok = false;
		}
	}
	for (const s_expect *e = c->none; e->kind; e++) {
		const memo_annotation *a = s_overlap(&r, e->kind, e->start,
			e->end);
		if (a) {
			fprintf(stderr, "%s: unexpected %s (%s) over \"%s\"\n",
				c->name, e->kind, memo_annotation_entry(a),
				e->text ? e->text : "(the text)");
			ok = false;
		}
	}
	if (!ok) {
		fprintf(stderr, "%s: annotations of \"%s\":\n", c->name,
			c->text);
		s_dump(&r, dtext);
	}
	s_done(&r);
	ck_assert_msg(ok, "case %s failed (details on stderr)", c->name);
}

/* ---- the cases (offsets computed from the quoted text) ------------------ */

static const s_expect modal_commitments_fire[] = {
	{ "hedge", 104, 109, "might" },
	{ NULL, 0, 0, NULL }
};
static const s_expect modal_commitments_none[] = {
	{ "hedge", 3, 7, "will" },
	{ "hedge", 41, 45, "must" },
	{ "hedge", 75, 78, "can" },
	{ NULL, 0, 0, NULL }
};
static const s_case modal_commitments = { "modal_commitments", MEMO_FORMAT_TEXT,
	"We will ship the new flow on March 3. We must fix the export bug first. We can cut the cost. The vendor might slip.",
	modal_commitments_fire, modal_commitments_none };

static const s_expect approximators_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect approximators_none[] = {
	{ "hedge", 0, 110, NULL },
	{ "approximator", 0, 110, NULL },
	{ "vague", 0, 110, NULL },
	{ "vague-amount", 0, 110, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case approximators = { "approximators", MEMO_FORMAT_TEXT,
	"The migration took approximately 3 weeks, roughly $40,000, around 12% of the budget and about 2x the estimate.",
	approximators_fire, approximators_none };

static const s_expect approximator_without_number_fire[] = {
	{ "approximator", 19, 32, "approximately" },
	{ "approximator", 50, 57, "roughly" },
	{ NULL, 0, 0, NULL }
};
static const s_expect approximator_without_number_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case approximator_without_number = { "approximator_without_number", MEMO_FORMAT_TEXT,
	"The migration took approximately a month and cost roughly what we planned.",
	approximator_without_number_fire, approximator_without_number_none };

static const s_expect should_half_fire[] = {
	{ "hedge", 3, 9, "should" },
	{ NULL, 0, 0, NULL }
};
static const s_expect should_half_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case should_half = { "should_half", MEMO_FORMAT_TEXT,
	"We should cut the tour.",
	should_half_fire, should_half_none };

static const s_expect vague_next_to_number_fire[] = {
	{ "metric", 17, 19, "3x" },
	{ "metric", 44, 47, "42%" },
	{ "metric", 92, 95, "40%" },
	{ "metric", 111, 114, "61%" },
	{ NULL, 0, 0, NULL }
};
static const s_expect vague_next_to_number_none[] = {
	{ "vague", 0, 128, NULL },
	{ "vague-amount", 0, 128, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case vague_next_to_number = { "vague_next_to_number", MEMO_FORMAT_TEXT,
	"The new build is 3x faster. Many customers (42%) left. Checkout is significantly faster, by 40%. Most sellers (61%) use the app.",
	vague_next_to_number_fire, vague_next_to_number_none };

static const s_expect vague_without_number_fire[] = {
	{ "vague", 0, 4, "Many" },
	{ "vague-amount", 33, 53, "significantly faster" },
	{ "vague", 64, 71, "several" },
	{ NULL, 0, 0, NULL }
};
static const s_expect vague_without_number_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case vague_without_number = { "vague_without_number", MEMO_FORMAT_TEXT,
	"Many customers left. Checkout is significantly faster. We fixed several bugs.",
	vague_without_number_fire, vague_without_number_none };

static const s_expect superlative_most_fire[] = {
	{ "vague", 59, 63, "Most" },
	{ NULL, 0, 0, NULL }
};
static const s_expect superlative_most_none[] = {
	{ "vague", 12, 23, "most common" },
	{ "vague-amount", 12, 23, "most common" },
	{ "vague", 40, 52, "most visible" },
	{ "vague-amount", 40, 52, "most visible" },
	{ "vague", 101, 112, "most common" },
	{ "vague-amount", 101, 112, "most common" },
	{ "vague", 145, 149, "most" },
	{ "vague-amount", 145, 149, "most" },
	{ NULL, 0, 0, NULL }
};
static const s_case superlative_most = { "superlative_most", MEMO_FORMAT_TEXT,
	"This is the most common failure and its most visible cost. Most customers never see it. The error is most common on Android, on the pages we use most.",
	superlative_most_fire, superlative_most_none };

static const s_expect how_many_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect how_many_none[] = {
	{ "vague", 0, 67, NULL },
	{ "vague-amount", 0, 67, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case how_many = { "how_many", MEMO_FORMAT_TEXT,
	"We do not know how many customers saw it, so we will add a counter.",
	how_many_fire, how_many_none };

static const s_expect causal_not_filler_fire[] = {
	{ "causal", 14, 23, "therefore" },
	{ "causal", 41, 45, "Thus" },
	{ "causal", 69, 80, "As a result" },
	{ "causal", 96, 108, "Consequently" },
	{ NULL, 0, 0, NULL }
};
static const s_expect causal_not_filler_none[] = {
	{ "filler", 0, 132, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case causal_not_filler = { "causal_not_filler", MEMO_FORMAT_TEXT,
	"Latency rose; therefore we cut the tour. Thus the page loads in 2 s. As a result, refunds fell. Consequently we hired two engineers.",
	causal_not_filler_fire, causal_not_filler_none };

static const s_expect so_connective_fire[] = {
	{ "causal", 12, 14, "so" },
	{ "causal", 48, 50, "so" },
	{ NULL, 0, 0, NULL }
};
static const s_expect so_connective_none[] = {
	{ "hedge", 54, 59, "could" },
	{ NULL, 0, 0, NULL }
};
static const s_case so_connective = { "so_connective", MEMO_FORMAT_TEXT,
	"Churn rose, so we cut the tour. We cut the tour so we could ship on time.",
	so_connective_fire, so_connective_none };

static const s_expect so_intensifier_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect so_intensifier_none[] = {
	{ "causal", 0, 82, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case so_intensifier = { "so_intensifier", MEMO_FORMAT_TEXT,
	"We spent so much time on the tour. The old flow was so slow. If so, we will do so.",
	so_intensifier_fire, so_intensifier_none };

static const s_expect passive_adverb_between_fire[] = {
	{ "passive", 9, 28, "was quickly removed" },
	{ "passive", 39, 61, "was not fully reviewed" },
	{ NULL, 0, 0, NULL }
};
static const s_expect passive_adverb_between_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case passive_adverb_between = { "passive_adverb_between", MEMO_FORMAT_TEXT,
	"The tour was quickly removed. The plan was not fully reviewed.",
	passive_adverb_between_fire, passive_adverb_between_none };

static const s_expect passive_get_fire[] = {
	{ "passive", 11, 24, "got cancelled" },
	{ "passive", 37, 50, "gets approved" },
	{ NULL, 0, 0, NULL }
};
static const s_expect passive_get_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case passive_get = { "passive_get", MEMO_FORMAT_TEXT,
	"The launch got cancelled. Our budget gets approved in June.",
	passive_get_fire, passive_get_none };

static const s_expect passive_adjectival_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect passive_adjectival_none[] = {
	{ "passive", 0, 121, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case passive_adjectival = { "passive_adjectival", MEMO_FORMAT_TEXT,
	"She is interested in the role. The team is based in Berlin. We are committed to the date. The vendor was located in Ohio.",
	passive_adjectival_fire, passive_adjectival_none };

static const s_expect passive_not_participle_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect passive_not_participle_none[] = {
	{ "passive", 0, 70, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case passive_not_participle = { "passive_not_participle", MEMO_FORMAT_TEXT,
	"The tour is red. The hunch was indeed right. It has been working well.",
	passive_not_participle_fire, passive_not_participle_none };

static const s_expect passive_with_by_fire[] = {
	{ "passive", 8, 16, "was used" },
	{ NULL, 0, 0, NULL }
};
static const s_expect passive_with_by_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case passive_with_by = { "passive_with_by", MEMO_FORMAT_TEXT,
	"The fix was used by 40 customers.",
	passive_with_by_fire, passive_with_by_none };

static const s_expect activity_alone_fire[] = {
	{ "activity", 3, 20, "collaborated with" },
	{ NULL, 0, 0, NULL }
};
static const s_expect activity_alone_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case activity_alone = { "activity_alone", MEMO_FORMAT_TEXT,
	"We collaborated with finance on the plan.",
	activity_alone_fire, activity_alone_none };

static const s_expect activity_with_metric_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect activity_with_metric_none[] = {
	{ "activity", 0, 49, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case activity_with_metric = { "activity_with_metric", MEMO_FORMAT_TEXT,
	"We collaborated with finance and cut cost by 12%.",
	activity_with_metric_fire, activity_with_metric_none };

static const s_expect activity_with_decision_fire[] = {
	{ "decision", 33, 40, "decided" },
	{ NULL, 0, 0, NULL }
};
static const s_expect activity_with_decision_none[] = {
	{ "activity", 0, 58, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case activity_with_decision = { "activity_with_decision", MEMO_FORMAT_TEXT,
	"We collaborated with finance and decided to drop the tour.",
	activity_with_decision_fire, activity_with_decision_none };

static const s_expect metric_kinds_fire[] = {
	{ "metric", 16, 29, "from 4% to 6%" },
	{ "metric", 35, 38, "p99" },
	{ "metric", 50, 56, "180 ms" },
	{ "metric", 68, 83, "6,000 customers" },
	{ "metric", 88, 93, "$1.2M" },
	{ "metric", 97, 103, "3 days" },
	{ "metric", 105, 108, "NPS" },
	{ NULL, 0, 0, NULL }
};
static const s_expect metric_kinds_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case metric_kinds = { "metric_kinds", MEMO_FORMAT_TEXT,
	"Conversion rose from 4% to 6%. The p99 latency is 180 ms. We served 6,000 customers for $1.2M in 3 days. NPS (Net Promoter Score) rose.",
	metric_kinds_fire, metric_kinds_none };

static const s_expect dates_not_metrics_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect dates_not_metrics_none[] = {
	{ "metric", 0, 66, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case dates_not_metrics = { "dates_not_metrics", MEMO_FORMAT_TEXT,
	"We shipped in 2024. We shipped in Q3. We shipped on March 3, 2024.",
	dates_not_metrics_fire, dates_not_metrics_none };

static const s_expect decision_owner_fire[] = {
	{ "decision", 3, 10, "decided" },
	{ "decision", 35, 43, "approved" },
	{ NULL, 0, 0, NULL }
};
static const s_expect decision_owner_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case decision_owner = { "decision_owner", MEMO_FORMAT_TEXT,
	"We decided to drop the tour. Maria approved the budget.",
	decision_owner_fire, decision_owner_none };

static const s_expect decision_no_owner_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect decision_no_owner_none[] = {
	{ "decision", 0, 53, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case decision_no_owner = { "decision_no_owner", MEMO_FORMAT_TEXT,
	"The tour was dropped. Dropping the tour is an option.",
	decision_no_owner_fire, decision_no_owner_none };

static const s_expect may_month_fire[] = {
	{ "hedge", 98, 101, "may" },
	{ NULL, 0, 0, NULL }
};
static const s_expect may_month_none[] = {
	{ "hedge", 0, 6, "In May" },
	{ "hedge", 42, 47, "May 3" },
	{ "hedge", 52, 61, "early May" },
	{ NULL, 0, 0, NULL }
};
static const s_case may_month = { "may_month", MEMO_FORMAT_TEXT,
	"In May we shipped the flow. We shipped on May 3. By early May the backlog had cleared. The launch may slip.",
	may_month_fire, may_month_none };

static const s_expect acronym_defined_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect acronym_defined_none[] = {
	{ "acronym", 0, 119, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case acronym_defined = { "acronym_defined", MEMO_FORMAT_TEXT,
	"Net Promoter Score (NPS) rose to 41. NPS is our main metric. We track GMV (gross merchandise value). The API is stable.",
	acronym_defined_fire, acronym_defined_none };

static const s_expect acronym_undefined_fire[] = {
	{ "acronym", 4, 7, "SLA" },
	{ "acronym", 39, 43, "CSAT" },
	{ NULL, 0, 0, NULL }
};
static const s_expect acronym_undefined_none[] = {
	{ "acronym", 22, 29, "SLA was" },
	{ NULL, 0, 0, NULL }
};
static const s_case acronym_undefined = { "acronym_undefined", MEMO_FORMAT_TEXT,
	"The SLA is 99.9%. The SLA was met. Our CSAT rose.",
	acronym_undefined_fire, acronym_undefined_none };

static const s_expect attribution_passive_fire[] = {
	{ "attribution", 13, 31, "is widely regarded" },
	{ "attribution", 55, 68, "is considered" },
	{ NULL, 0, 0, NULL }
};
static const s_expect attribution_passive_none[] = {
	{ "attribution", 93, 111, "was considered and" },
	{ "attribution", 130, 142, "was reported" },
	{ NULL, 0, 0, NULL }
};
static const s_case attribution_passive = { "attribution_passive", MEMO_FORMAT_TEXT,
	"The old flow is widely regarded as confusing. The tour is considered the best part. Option B was considered and rejected. The bug was reported by 40 customers.",
	attribution_passive_fire, attribution_passive_none };

static const s_expect attribution_lexicon_fire[] = {
	{ "attribution", 0, 21, "It is widely believed" },
	{ "attribution", 52, 67, "Some people say" },
	{ NULL, 0, 0, NULL }
};
static const s_expect attribution_lexicon_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case attribution_lexicon = { "attribution_lexicon", MEMO_FORMAT_TEXT,
	"It is widely believed that customers want the tour. Some people say the tour helps.",
	attribution_lexicon_fire, attribution_lexicon_none };

static const s_expect would_reported_fire[] = {
	{ "hedge", 58, 63, "would" },
	{ NULL, 0, 0, NULL }
};
static const s_expect would_reported_none[] = {
	{ "hedge", 30, 40, "would ship" },
	{ NULL, 0, 0, NULL }
};
static const s_case would_reported = { "would_reported", MEMO_FORMAT_TEXT,
	"In March we announced that we would ship in May. The tour would help new customers.",
	would_reported_fire, would_reported_none };

static const s_expect markdown_offsets_fire[] = {
	{ "hedge", 11, 16, "might" },
	{ "vague", 35, 39, "Many" },
	{ NULL, 0, 0, NULL }
};
static const s_expect markdown_offsets_none[] = {
	{ NULL, 0, 0, NULL }
};
static const s_case markdown_offsets = { "markdown_offsets", MEMO_FORMAT_MARKDOWN,
	"# Plan\n\nWe might cut the **tour**. Many customers left.\n",
	markdown_offsets_fire, markdown_offsets_none };


static const s_expect other_senses_fire[] = {
	{ "hedge", 54, 61, "appears" },
	{ "hedge", 96, 106, "We believe" },
	{ NULL, 0, 0, NULL }
};
static const s_expect other_senses_none[] = {
	{ "hedge", 10, 20, "appears at" },
	{ "hedge", 37, 45, "appears." },
	{ "hedge", 74, 84, "believe in" },
	{ NULL, 0, 0, NULL }
};
static const s_case other_senses = { "other_senses", MEMO_FORMAT_TEXT,
	"The error appears at login. A dialog appears. The fix appears to work. We believe in ownership. We believe the tour helps.",
	other_senses_fire, other_senses_none };

static const s_expect reduced_attribution_fire[] = {
	{ "attribution", 14, 24, "considered" },
	{ "attribution", 73, 81, "regarded" },
	{ NULL, 0, 0, NULL }
};
static const s_expect reduced_attribution_none[] = {
	{ "attribution", 96, 113, "considered Option" },
	{ NULL, 0, 0, NULL }
};
static const s_case reduced_attribution = { "reduced_attribution", MEMO_FORMAT_TEXT,
	"The old flow, considered the best in 2019, is gone. The tool is fast and regarded as stable. We considered Option B and chose Option A.",
	reduced_attribution_fire, reduced_attribution_none };

static const s_expect as_many_as_possible_fire[] = {
	{ NULL, 0, 0, NULL }
};
static const s_expect as_many_as_possible_none[] = {
	{ "vague", 0, 86, NULL },
	{ "vague-amount", 0, 86, NULL },
	{ NULL, 0, 0, NULL }
};
static const s_case as_many_as_possible = { "as_many_as_possible", MEMO_FORMAT_TEXT,
	"We will move as many accounts as possible before June. We will help as much as we can.",
	as_many_as_possible_fire, as_many_as_possible_none };

/* A vague quantifier that stands for the source of a claim is an
 * attribution (hedge.c): before a verb of saying or judging ("Some have
 * argued", "Many engineers have long claimed") or as the agent after "by"
 * with no noun of its own ("credited by many with"). A quantifier of
 * people who only act ("Several teams asked", "Most customers never see
 * it") stays a vague quantity. */
static const s_expect vague_source_fire[] = {
	{ "attribution", 0, 4, "Some" },
	{ "attribution", 66, 70, "many" },
	{ "attribution", 95, 99, "Many" },
	{ "vague", 147, 154, "Several" },
	{ "vague", 183, 187, "Most" },
	{ NULL, 0, 0, NULL }
};
static const s_expect vague_source_none[] = {
	{ "attribution", 147, 166, "Several teams asked" },
	{ "attribution", 183, 207, "Most customers never see" },
	{ NULL, 0, 0, NULL }
};
static const s_case vague_source = { "vague_source", MEMO_FORMAT_TEXT,
	"Some have argued that the tour helps. The old flow is credited by many with the drop in churn. Many engineers have long claimed the cache is slow. Several teams asked for the export. Most customers never see it.",
	vague_source_fire, vague_source_none };

/* A frequency adverb in an agentless passive of naming or judging says
 * how often unnamed people say it: "is often called" is an attribution
 * (hedge.c); "often fails" stays a frequency, and so does a passive with
 * a "by" agent ("is often called by the scheduler"). */
static const s_expect frequency_attribution_fire[] = {
	{ "attribution", 14, 19, "often" },
	{ "frequency", 53, 58, "often" },
	{ "frequency", 86, 91, "often" },
	{ NULL, 0, 0, NULL }
};
static const s_expect frequency_attribution_none[] = {
	{ "attribution", 53, 64, "often fails" },
	{ "attribution", 86, 101, "often called by" },
	{ NULL, 0, 0, NULL }
};
static const s_case frequency_attribution = { "frequency_attribution", MEMO_FORMAT_TEXT,
	"The export is often called the slowest step. The job often fails at night. The job is often called by the scheduler.",
	frequency_attribution_fire, frequency_attribution_none };

/* A frequency adverb opening a reduced relative of naming or judging
 * credits the name to unnamed people (hedge.c): ", commonly referred to
 * as", "most commonly known as", "is often also called". With a "by"
 * agent or a verb that is no naming ("often used") it stays a
 * frequency. */
static const s_expect frequency_reduced_fire[] = {
	{ "attribution", 10, 18, "commonly" },
	{ "attribution", 69, 77, "commonly" },
	{ "attribution", 107, 112, "often" },
	{ NULL, 0, 0, NULL }
};
static const s_expect frequency_reduced_none[] = {
	{ "attribution", 142, 157, "often called by" },
	{ "attribution", 182, 192, "often used" },
	{ NULL, 0, 0, NULL }
};
static const s_case frequency_reduced = { "frequency_reduced", MEMO_FORMAT_TEXT,
	"The tool, commonly referred to as the runner, is slow. The API, most commonly known as v2, is old. This is often also called a shim. The job, often called by cron, fails. The cache, often used at night, helps.",
	frequency_reduced_fire, frequency_reduced_none };

/* A bare plural noun of people as the subject of a verb of saying or
 * judging, or as the agent of a passive of judging, is an unnamed
 * source (hedge.c): "Critics of the plan argue", "praised by critics".
 * A determiner, a name or a noun use of the verb makes the group
 * definite or the clause no claim: "The critics of the plan argue",
 * "praised by Gartner analysts", "Users of the app report errors"; so
 * do a modal ("Clients may assume") and a verb of an event rather than
 * a judgement ("reported by users"). */
static const s_expect unnamed_source_fire[] = {
	{ "attribution", 0, 25, "Critics of the plan argue" },
	{ "attribution", 63, 81, "praised by critics" },
	{ "attribution", 269, 288, "Music reviewers say" },
	{ NULL, 0, 0, NULL }
};
static const s_expect unnamed_source_none[] = {
	{ "attribution", 83, 112, "The critics of the plan argue" },
	{ "attribution", 145, 172, "praised by Gartner analysts" },
	{ "attribution", 174, 204, "Users of the app report errors" },
	{ "attribution", 310, 331, "Gartner reviewers say" },
	{ "attribution", 206, 224, "Clients may assume" },
	{ "attribution", 250, 267, "reported by users" },
	{ NULL, 0, 0, NULL }
};
static const s_case unnamed_source = { "unnamed_source", MEMO_FORMAT_TEXT,
	"Critics of the plan argue that it is slow. The last launch was praised by critics. The critics of the plan argue that it is slow. The launch was praised by Gartner analysts. Users of the app report errors. Clients may assume it is safe. No bugs were reported by users. Music reviewers say it is slow. The app, Gartner reviewers say, is slow.",
	unnamed_source_fire, unnamed_source_none };

/* A verb of believing with a third-person or named subject reports
 * someone's view, attributed to them: no hedge of the writer's
 * (hedge.c). "I believe", "we believe", "I'd guess" and the
 * sentence-initial "But suppose" stay hedges. */
static const s_expect reported_belief_fire[] = {
	{ "hedge", 54, 63, "I believe" },
	{ "hedge", 74, 84, "We believe" },
	{ "hedge", 99, 104, "guess" },
	{ "hedge", 119, 126, "suppose" },
	{ NULL, 0, 0, NULL }
};
static const s_expect reported_belief_none[] = {
	{ "hedge", 0, 14, "Crone believes" },
	{ "hedge", 34, 45, "He believes" },
	{ NULL, 0, 0, NULL }
};
static const s_case reported_belief = { "reported_belief", MEMO_FORMAT_TEXT,
	"Crone believes the date is wrong. He believes it too. I believe it works. We believe it works. I'd guess it works. But suppose it fails.",
	reported_belief_fire, reported_belief_none };

/* Unattributed debate and stated uncertainty with an adverb
 * (attributions.txt, hedges.txt): "There is some debate about", "It is
 * still unclear whether". A debate with no "about" is left alone. */
static const s_expect debate_unclear_fire[] = {
	{ "attribution", 0, 26, "There is some debate about" },
	{ "hedge", 37, 64, "It is still unclear whether" },
	{ NULL, 0, 0, NULL }
};
static const s_expect debate_unclear_none[] = {
	{ "attribution", 83, 106, "The debate ended today." },
	{ NULL, 0, 0, NULL }
};
static const s_case debate_unclear = { "debate_unclear", MEMO_FORMAT_TEXT,
	"There is some debate about the cost. It is still unclear whether it helps. Anyway. The debate ended today.",
	debate_unclear_fire, debate_unclear_none };

/* "most" before an adverb is its superlative ("most often", "most
 * notably"): a degree (vague-amount), not a vague quantity of people
 * or things (hedge.c). */
static const s_expect most_adverb_fire[] = {
	{ "vague-amount", 0, 4, "Most" },
	{ "vague", 35, 39, "Most" },
	{ NULL, 0, 0, NULL }
};
static const s_expect most_adverb_none[] = {
	{ "vague", 0, 10, "Most often" },
	{ NULL, 0, 0, NULL }
};
static const s_case most_adverb = { "most_adverb", MEMO_FORMAT_TEXT,
	"Most often the job fails at night. Most engineers want the change.",
	most_adverb_fire, most_adverb_none };

/* What a vague quantifier quantifies (hedge.c): a proportion, a few or
 * a variety of things is a vague amount ("Most of the servers", "A few
 * buildings", "Various dates"), and so is a count ("A number of
 * islands"); of people it stays vague ("Most engineers", "Numerous
 * engineers"); "some", "many", "several" of things stay vague ("Many
 * structures"); over units of time it is a frequency ("for several
 * years"). All of them give the vague.quantity finding. */
static const s_expect quantifier_classes_fire[] = {
	{ "vague-amount", 0, 7, "Most of" },
	{ "vague", 31, 35, "Most" },
	{ "vague-amount", 63, 68, "A few" },
	{ "vague-amount", 92, 99, "Various" },
	{ "frequency", 140, 147, "several" },
	{ "vague", 155, 159, "Many" },
	{ "vague-amount", 177, 188, "A number of" },
	{ "vague", 209, 217, "Numerous" },
	{ NULL, 0, 0, NULL }
};
static const s_expect quantifier_classes_none[] = {
	{ "vague", 0, 19, "Most of the servers" },
	{ "vague", 63, 78, "A few buildings" },
	{ "vague", 92, 105, "Various dates" },
	{ "vague", 140, 153, "several years" },
	{ "vague", 177, 196, "A number of islands" },
	{ NULL, 0, 0, NULL }
};
static const s_case quantifier_classes = { "quantifier_classes", MEMO_FORMAT_TEXT,
	"Most of the servers were idle. Most engineers want the change. A few buildings were closed. Various dates were given. The outage lasted for several years. Many structures fell. A number of islands were named. Numerous engineers left.",
	quantifier_classes_fire, quantifier_classes_none };

START_TEST(test_modal_commitments)
{
	s_check_case(&modal_commitments);
}
END_TEST

START_TEST(test_approximators)
{
	s_check_case(&approximators);
}
END_TEST

START_TEST(test_approximator_without_number)
{
	s_check_case(&approximator_without_number);
}
END_TEST

START_TEST(test_should_half)
{
	s_check_case(&should_half);
}
END_TEST

START_TEST(test_vague_next_to_number)
{
	s_check_case(&vague_next_to_number);
}
END_TEST

START_TEST(test_vague_without_number)
{
	s_check_case(&vague_without_number);
}
END_TEST

START_TEST(test_superlative_most)
{
	s_check_case(&superlative_most);
}
END_TEST

START_TEST(test_how_many)
{
	s_check_case(&how_many);
}
END_TEST

START_TEST(test_causal_not_filler)
{
	s_check_case(&causal_not_filler);
}
END_TEST

START_TEST(test_so_connective)
{
	s_check_case(&so_connective);
}
END_TEST

START_TEST(test_so_intensifier)
{
	s_check_case(&so_intensifier);
}
END_TEST

START_TEST(test_passive_adverb_between)
{
	s_check_case(&passive_adverb_between);
}
END_TEST

START_TEST(test_passive_get)
{
	s_check_case(&passive_get);
}
END_TEST

START_TEST(test_passive_adjectival)
{
	s_check_case(&passive_adjectival);
}
END_TEST

START_TEST(test_passive_not_participle)
{
	s_check_case(&passive_not_participle);
}
END_TEST

START_TEST(test_passive_with_by)
{
	s_check_case(&passive_with_by);
}
END_TEST

START_TEST(test_activity_alone)
{
	s_check_case(&activity_alone);
}
END_TEST

START_TEST(test_activity_with_metric)
{
	s_check_case(&activity_with_metric);
}
END_TEST

START_TEST(test_activity_with_decision)
{
	s_check_case(&activity_with_decision);
}
END_TEST

START_TEST(test_metric_kinds)
{
	s_check_case(&metric_kinds);
}
END_TEST

START_TEST(test_dates_not_metrics)
{
	s_check_case(&dates_not_metrics);
}
END_TEST

START_TEST(test_decision_owner)
{
	s_check_case(&decision_owner);
}
END_TEST

START_TEST(test_decision_no_owner)
{
	s_check_case(&decision_no_owner);
}
END_TEST

START_TEST(test_may_month)
{
	s_check_case(&may_month);
}
END_TEST

START_TEST(test_acronym_defined)
{
	s_check_case(&acronym_defined);
}
END_TEST

START_TEST(test_acronym_undefined)
{
	s_check_case(&acronym_undefined);
}
END_TEST

START_TEST(test_attribution_passive)
{
	s_check_case(&attribution_passive);
}
END_TEST

START_TEST(test_attribution_lexicon)
{
	s_check_case(&attribution_lexicon);
}
END_TEST

START_TEST(test_would_reported)
{
	s_check_case(&would_reported);
}
END_TEST

START_TEST(test_markdown_offsets)
{
	s_check_case(&markdown_offsets);
}
END_TEST

START_TEST(test_other_senses)
{
	s_check_case(&other_senses);
}
END_TEST

START_TEST(test_reduced_attribution)
{
	s_check_case(&reduced_attribution);
}
END_TEST

START_TEST(test_as_many_as_possible)
{
	s_check_case(&as_many_as_possible);
}
END_TEST

START_TEST(test_quantifier_classes)
{
	s_check_case(&quantifier_classes);
}
END_TEST

/* The kinds split off by hedge.c give the findings of their lexicon
 * class: an approximator is a hedge (and counts in hedge density), a
 * vague amount a vague quantity. */
START_TEST(test_split_kinds_findings)
{
	s_run_t r;
	s_run(&r, "The migration took approximately a month. We fixed a few "
		"bugs.", MEMO_FORMAT_TEXT);
	ck_assert_ptr_nonnull(s_find(&r, "approximator", 19, 32));
	ck_assert_ptr_nonnull(s_find(&r, "vague-amount", 51, 56));
	bool hedge = false, vague = false;
	for (size_t i = 0; i < memo_report_finding_count(r.rep); i++) {
		const char *id = memo_finding_rule_id(
			memo_report_finding_at(r.rep, i));
		hedge |= strcmp(id, "hedge") == 0;
		vague |= strcmp(id, "vague.quantity") == 0;
	}
	ck_assert(hedge && vague);
	double v;
	ck_assert_int_eq(memo_report_metric(r.rep, NULL, "hedge_density", &v),
		MEMO_OK);
	ck_assert_double_gt(v, 0.0);
	ck_assert_int_eq(memo_report_metric(r.rep, NULL,
		"vague_quantity_density", &v), MEMO_OK);
	ck_assert_double_gt(v, 0.0);
	s_done(&r);
}
END_TEST

START_TEST(test_vague_source)
{
	s_check_case(&vague_source);
}
END_TEST

START_TEST(test_frequency_reduced)
{
	s_check_case(&frequency_reduced);
}
END_TEST

START_TEST(test_unnamed_source)
{
	s_check_case(&unnamed_source);
}
END_TEST

START_TEST(test_reported_belief)
{
	s_check_case(&reported_belief);
}
END_TEST

START_TEST(test_debate_unclear)
{
	s_check_case(&debate_unclear);
}
END_TEST

START_TEST(test_most_adverb)
{
	s_check_case(&most_adverb);
}
END_TEST

START_TEST(test_frequency_attribution)
{
	s_check_case(&frequency_attribution);
}
END_TEST

/* "may have been" is a guess about the past: an epistemic modal, a full
 * hedge (hedge.c); "may" alone stays at half weight. */
/* The hedges at [a0, a1) and [b0, b1) of text weigh wa and wb. */
static void s_check_two_weights(const char *text, size_t a0, size_t a1,
	double wa, size_t b0, size_t b1, double wb)
{
	s_run_t r;
	s_run(&r, text, MEMO_FORMAT_TEXT);
	const memo_annotation *a = s_find(&r, "hedge", a0, a1);
	ck_assert_ptr_nonnull(a);
	ck_assert_double_eq(memo_annotation_weight(a), wa);
	a = s_find(&r, "hedge", b0, b1);
	ck_assert_ptr_nonnull(a);
	ck_assert_double_eq(memo_annotation_weight(a), wb);
	s_done(&r);
}

START_TEST(test_modal_perfect_weight)
{
	s_check_two_weights("The outage may have been caused by the cache. "
		"The fix may ship in June.", 11, 14, 1.0, 54, 57, 0.5);
}
END_TEST

/* The adjective "likely" ("is likely to") weighs half, like "may"; the
 * adverb ("likely raised") keeps its full weight (hedge.c). */
START_TEST(test_likely_weight)
{
	s_check_two_weights("Churn is likely to rise. The vendor likely "
		"raised prices.", 9, 15, 0.5, 36, 42, 1.0);
}
END_TEST

/* ---- weights, configuration and metric arithmetic ----------------------- */

/* "should" counts half in the hedge metric (RULES.md 3). */
START_TEST(test_should_weight)
{
	s_run_t r;
	s_run(&r, "We should cut the tour.", MEMO_FORMAT_TEXT);
	const memo_annotation *a = s_find(&r, "hedge", 3, 9);
	ck_assert_ptr_nonnull(a);
	ck_assert_double_eq(memo_annotation_weight(a), 0.5);
	double v;
	ck_assert_int_eq(memo_report_metric(r.rep, NULL, "hedge_density", &v),
		MEMO_OK);
	ck_assert_double_eq_tol(v, 100.0 * 0.5 / 5.0, 1e-9);
	s_done(&r);
	/* "might" counts one */
	s_run(&r, "We might cut the tour.", MEMO_FORMAT_TEXT);
	a = s_find(&r, "hedge", 3, 8);
	ck_assert_ptr_nonnull(a);
	ck_assert_double_eq(memo_annotation_weight(a), 1.0);
	ck_assert_int_eq(memo_report_metric(r.rep, NULL, "hedge_density", &v),
		MEMO_OK);
	ck_assert_double_eq_tol(v, 100.0 / 5.0, 1e-9);
	s_done(&r);
}
END_TEST

/* A causal connective stays causal and is not a filler even when a
 * configuration adds it to the filler lexicon; a longer wordy phrase
 * ("due to the fact that") is still a filler. */
START_TEST(test_causal_never_filler_by_config)
{
	memo_config *cfg = NULL;
	ck_assert_int_eq(memo_config_new(&cfg), MEMO_OK);
	ck_assert_int_eq(memo_config_lexicon_add(cfg, "filler", "therefore"),
		MEMO_OK);
	s_run_t r;
	const char *t = "Latency rose; therefore we cut the tour. We cut it "
		"due to the fact that it failed.";
	s_run_cfg(&r, t, MEMO_FORMAT_TEXT, cfg);
	ck_assert_ptr_nonnull(s_find(&r, "causal", 14, 23));
	ck_assert_ptr_null(s_overlap(&r, "filler", 14, 23));
	ck_assert_ptr_nonnull(s_find(&r, "filler", 51, 71));
	s_done(&r);
	memo_config_free(cfg);
}
END_TEST

/* Exact metric values of a small memo, from the definitions in
 * docs/metrics.md:
 *   P1 S1 "We might cut the tour."                          5 words
 *         hedge might, decision cut (owner "We")
 *      S2 "Many customers left, because checkout was slow." 7 words
 *         vague Many, causal because
 *   P2 S3 "We decided to drop the tour, so activation rose by 12%."
 *         11 words ("12%" is one word); decisions decided, drop;
 *         causal so; metric 12%
 *      S4 "We collaborated with sales."                      4 words
 *         activity (no metric, decision or cause in the sentence)
 * 27 words, 4 sentences, 2 paragraphs; P2 is a complete story. */
static const char METRIC_MEMO[] =
	"We might cut the tour. Many customers left, because checkout was "
	"slow.\n\nWe decided to drop the tour, so activation rose by 12%. We "
	"collaborated with sales.\n";

static double s_metric(const s_run_t *r, const memo_node *scope,
	const char *id)
{
	double v = NAN;
	ck_assert_msg(memo_report_metric(r->rep, scope, id, &v) == MEMO_OK,
		"metric %s", id);
	return v;
}

START_TEST(test_metric_values_exact)
{
	s_run_t r;
	s_run(&r, METRIC_MEMO, MEMO_FORMAT_TEXT);
	const double W = 27.0;
	static const struct {
		const char *id;
		double value;
	} want[] = {
		{ "words", 27 },
		{ "sentences", 4 },
		{ "paragraphs", 2 },
		{ "sentence_words_mean", 27.0 / 4 },
		{ "sentence_words_median", (5 + 7) / 2.0 },
		{ "sentence_words_max", 11 },
		{ "sentence_words_p90", 11 },
		{ "long_sentence_share", 0 },
		{ "hedge_density", 100 * 1 / W },
		{ "vague_quantity_density", 100 * 1 / W },
		{ "attribution_density", 0 },
		{ "weasel_density", 100 * 1 / W },
		{ "metric_density", 100 * 1 / W },
		{ "quantified_sentence_share", 1 / 4.0 },
		{ "causal_density", 100 * 2 / W },
		{ "causal_sentence_share", 2 / 4.0 },
		{ "causal_chains", 0 },
		{ "decision_density", 100 * 3 / W },
		{ "activity_density", 100 * 1 / W },
		{ "complete_story_share", 1 / 2.0 },
		{ "passive_share", 0 },
		{ "filler_density", 0 },
		{ "undefined_acronyms", 0 },
		{ "pages", 27 / 500.0 },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		double v = s_metric(&r, NULL, want[i].id);
		ck_assert_msg(fabs(v - want[i].value) < 1e-9,
			"%s = %.12g, want %.12g", want[i].id, v,
			want[i].value);
	}
	/* per sentence: the same definitions over one sentence */
	ck_assert_uint_eq(memo_report_sentence_count(r.rep), 4);
	static const size_t words[4] = { 5, 7, 11, 4 };
	for (size_t i = 0; i < 4; i++)
		ck_assert_uint_eq(memo_report_sentence_words(r.rep, i),
			words[i]);
	double v;
	ck_assert_int_eq(memo_report_sentence_metric(r.rep, 0,
		"hedge_density", &v), MEMO_OK);
	ck_assert_double_eq_tol(v, 100.0 / 5, 1e-9);
	ck_assert_int_eq(memo_report_sentence_metric(r.rep, 2,
		"metric_density", &v), MEMO_OK);
	ck_assert_double_eq_tol(v, 100.0 / 11, 1e-9);
	ck_assert_int_eq(memo_report_sentence_metric(r.rep, 2,
		"decision_density", &v), MEMO_OK);
	ck_assert_double_eq_tol(v, 200.0 / 11, 1e-9);
	/* per paragraph */
	const memo_node *p1 = memo_report_sentence_node(r.rep, 0);
	const memo_node *p2 = memo_report_sentence_node(r.rep, 2);
	ck_assert_ptr_nonnull(p1);
	ck_assert_ptr_nonnull(p2);
	ck_assert_ptr_ne(p1, p2);
	ck_assert_double_eq_tol(s_metric(&r, p1, "words"), 12, 1e-9);
	ck_assert_double_eq_tol(s_metric(&r, p1, "causal_density"),
		100.0 / 12, 1e-9);
	ck_assert_double_eq_tol(s_metric(&r, p1, "complete_story_share"), 0,
		1e-9);
	ck_assert_double_eq_tol(s_metric(&r, p2, "complete_story_share"), 1,
		1e-9);
	ck_assert_double_eq_tol(s_metric(&r, p2, "quantified_sentence_share"),
		0.5, 1e-9);
	s_done(&r);
}
END_TEST

/* Passive share: sentences with a passive clause / sentences. */
START_TEST(test_passive_share_exact)
{
	s_run_t r;
	s_run(&r, "The tour was quickly removed. We cut the tour. The launch "
		"got cancelled and the budget was cut. We ship on May 3.",
		MEMO_FORMAT_TEXT);
	ck_assert_uint_eq(s_count(&r, "passive"), 3);
	ck_assert_double_eq_tol(s_metric(&r, NULL, "passive_share"), 2 / 4.0,
		1e-9);
	s_done(&r);
}
END_TEST

/* Causal chains: consecutive causal sentences in one paragraph. */
START_TEST(test_causal_chain)
{
	s_run_t r;
	s_run(&r, "Checkout took 9 s, so 31% of buyers left. Because they "
		"left, revenue fell by $2M. Therefore we cut the tour.\n\n"
		"We cut the tour. Latency fell.\n", MEMO_FORMAT_TEXT);
	ck_assert_double_eq_tol(s_metric(&r, NULL, "causal_chains"), 1, 1e-9);
	ck_assert_double_eq_tol(s_metric(&r, NULL, "longest_causal_chain"), 3,
		1e-9);
	ck_assert_double_eq_tol(s_metric(&r, NULL, "causal_sentence_share"),
		3 / 5.0, 1e-9);
	s_done(&r);
}
END_TEST

/* A chain is made of sentences (RULES.md 1, metrics.def "Runs of two or
 * more consecutive causal sentences", "Sentences in the longest causal
 * chain"): one sentence with two causal markers is not a chain, and a run
 * of two sentences has length 2 however many markers they hold. */
START_TEST(test_causal_chain_counts_sentences)
{
	s_run_t r;
	s_run(&r, "Checkout took 9 s, so 31% of buyers left because they "
		"waited.\n\nWe cut the tour.\n", MEMO_FORMAT_TEXT);
	ck_assert_uint_eq(s_count(&r, "causal"), 2);
	ck_assert_double_eq_tol(s_metric(&r, NULL, "causal_chains"), 0, 1e-9);
	ck_assert_double_eq_tol(s_metric(&r, NULL, "longest_causal_chain"), 0,
		1e-9);
	s_done(&r);
	s_run(&r, "Checkout took 9 s, so 31% of buyers left because they "
		"waited. As a result, revenue fell by $2M.\n", MEMO_FORMAT_TEXT);
	ck_assert_uint_eq(s_count(&r, "causal"), 3);
	ck_assert_double_eq_tol(s_metric(&r, NULL, "causal_chains"), 1, 1e-9);
	ck_assert_double_eq_tol(s_metric(&r, NULL, "longest_causal_chain"), 2,
		1e-9);
	s_done(&r);
}
END_TEST

int main(void)
{
	if (memo_analyzer_new(&s_default, NULL) != MEMO_OK) {
		fprintf(stderr, "memo_analyzer_new failed\n");
		return EXIT_FAILURE;
	}
	Suite *s = suite_create("analyze-rules");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, test_modal_commitments);
	tcase_add_test(tc, test_approximators);
	tcase_add_test(tc, test_approximator_without_number);
	tcase_add_test(tc, test_should_half);
	tcase_add_test(tc, test_vague_next_to_number);
	tcase_add_test(tc, test_vague_without_number);
	tcase_add_test(tc, test_superlative_most);
	tcase_add_test(tc, test_how_many);
	tcase_add_test(tc, test_causal_not_filler);
	tcase_add_test(tc, test_so_connective);
	tcase_add_test(tc, test_so_intensifier);
	tcase_add_test(tc, test_passive_adverb_between);
	tcase_add_test(tc, test_passive_get);
	tcase_add_test(tc, test_passive_adjectival);
	tcase_add_test(tc, test_passive_not_participle);
	tcase_add_test(tc, test_passive_with_by);
	tcase_add_test(tc, test_activity_alone);
	tcase_add_test(tc, test_activity_with_metric);
	tcase_add_test(tc, test_activity_with_decision);
	tcase_add_test(tc, test_metric_kinds);
	tcase_add_test(tc, test_dates_not_metrics);
	tcase_add_test(tc, test_decision_owner);
	tcase_add_test(tc, test_decision_no_owner);
	tcase_add_test(tc, test_may_month);
	tcase_add_test(tc, test_acronym_defined);
	tcase_add_test(tc, test_acronym_undefined);
	tcase_add_test(tc, test_attribution_passive);
	tcase_add_test(tc, test_attribution_lexicon);
	tcase_add_test(tc, test_would_reported);
	tcase_add_test(tc, test_markdown_offsets);
	tcase_add_test(tc, test_other_senses);
	tcase_add_test(tc, test_reduced_attribution);
	tcase_add_test(tc, test_as_many_as_possible);
	tcase_add_test(tc, test_quantifier_classes);
	tcase_add_test(tc, test_split_kinds_findings);
	tcase_add_test(tc, test_vague_source);
	tcase_add_test(tc, test_frequency_attribution);
	tcase_add_test(tc, test_most_adverb);
	tcase_add_test(tc, test_frequency_reduced);
	tcase_add_test(tc, test_unnamed_source);
	tcase_add_test(tc, test_reported_belief);
	tcase_add_test(tc, test_debate_unclear);
	tcase_add_test(tc, test_modal_perfect_weight);
	tcase_add_test(tc, test_likely_weight);
	tcase_add_test(tc, test_should_weight);
	tcase_add_test(tc, test_causal_never_filler_by_config);
	tcase_add_test(tc, test_metric_values_exact);
	tcase_add_test(tc, test_passive_share_exact);
	tcase_add_test(tc, test_causal_chain);
	tcase_add_test(tc, test_causal_chain_counts_sentences);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	memo_analyzer_free(s_default);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
