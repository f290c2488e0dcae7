/*
 * check_findings.c - every rule of the registry (rules.def) through the
 * public API (<memo.h>, linked against the shared library): for each rule
 * at least one input where it must fire and one, as close as possible,
 * where it must not.
 *
 * A firing case lists every finding of the rules it names: rule id,
 * severity, exact byte range, line and column of the start, and the text
 * found there (the whole range, or its first and last bytes for a long
 * one; an empty range shows the text that ends where it sits). The offsets
 * were computed from the quoted text and are checked against it at run
 * time, so a reader sees both. A case that must not fire fails on any
 * finding of its rule. Document-level rules (structure.*, prfaq.*,
 * narrative.*, coe.*) run on small memos of their kind, made of the
 * parts below: the firing memo is the quiet one with one part left out or
 * changed. The .docx cases are built at test time with tests/docx/mkdocx.c
 * and also check where a finding lives in the package (part, paragraph,
 * run, offset in the run, w14:paraId).
 *
 * test_registry fails when a rule of the registry has no firing case or
 * no quiet case here, so a new rule cannot come without tests.
 *
 * The firing spelling cases need hunspell's en_US dictionary
 * (scripts/install-deps.sh installs it); without it they are skipped with
 * a message.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memo.h>

#include "../docx/mkdocx.h"

/* Where a byte of the document text lives in a .docx package. */
typedef struct s_loc {
	const char *part;       /* part name */
	uint32_t paragraph;     /* w:p index in the part */
	uint32_t run;           /* text-bearing w:r index in the w:p */
	uint32_t run_offset;    /* byte offset in the run's text */
	const char *para_id;    /* w14:paraId, NULL when absent */
} s_loc;

/* One finding that must be reported. */
typedef struct s_want {
	const char *rule;
	memo_severity_t severity;
	uint64_t start, end;    /* byte range in the document text */
	uint32_t line, column;  /* of the start */
	const char *head;       /* the text at start (the whole range when
	                           tail is NULL) */
	const char *tail;       /* the text that ends at end, or NULL */
	const char *repl;       /* first replacement, or NULL: not checked */
	const s_loc *loc;       /* docx: where start and end - 1 live */
} s_want;

/* Configurations the cases run with. */
enum { S_CFG_DEFAULT, S_CFG_SMALL_PAGES, S_CFG_COUNT };

typedef struct s_case {
	const char *name;
	const char *rule;       /* the rule the case is about */
	bool fire;              /* true: must fire as want says; false: no
	                           finding of rule at all */
	memo_format_t format;
	int cfg;                /* S_CFG_* */
	const char *text;       /* Markdown or text */
	const mkdocx_spec *docx; /* or a .docx package */
	const s_want *want;     /* fire: every finding of the rules named */
} s_case;

/* ---- the parts of the small memos (kinds) ---------------------------- */

#define FM_PRFAQ \
	"---\n" \
	"kind: prfaq\n" \
	"---\n"
#define PR \
	"# Press release\n\n"
#define PR_HEADLINE \
	"## Acme Lockers lets shoppers pick up parcels at any hour\n\n"
#define PR_SUB \
	"Shoppers who work late get their parcels on their own " \
	"schedule.\n\n"
#define PR_DATELINE \
	"SEATTLE, WA \xe2\x80\x93 March 3, 2025 \xe2\x80\x93 Acme " \
	"today launched Acme Lockers, parcel lockers in 300 grocery " \
	"stores.\n\n"
#define PR_NO_DATELINE \
	"Acme today launched Acme Lockers, parcel lockers in 300 " \
	"grocery stores.\n\n"
#define PR_DATELINE_OPENED \
	"SEATTLE, WA \xe2\x80\x93 March 3, 2025 \xe2\x80\x93 Acme " \
	"today opened Acme Lockers, parcel lockers in 300 grocery " \
	"stores.\n\n"
#define PR_PROBLEM \
	"Today, customers who work late cannot collect parcels: 30% of " \
	"deliveries fail.\n\n"
#define PR_SOLUTION \
	"With Acme Lockers, customers can now pick up a parcel at any " \
	"hour with a code.\n\n"
#define PR_LEADER \
	"\"We built Lockers so no parcel waits for a doorbell,\" said " \
	"Jane Doe, VP of Delivery at Acme.\n\n"
#define PR_CUSTOMER \
	"\"I get my parcels on the way home from my night shift,\" " \
	"said John Roe, a nurse in Tacoma.\n\n"
#define PR_START \
	"To get started, choose a locker at checkout. Visit " \
	"https://acme.example/lockers to learn more.\n\n"
#define PR_LEARN_MORE \
	"Learn more at https://acme.example/lockers.\n\n"
#define PR_AVAILABLE \
	"Lockers are available today in Seattle.\n\n"
#define FAQ \
	"# FAQ\n\n" \
	"## How much does it cost?\n\n" \
	"Nothing: lockers are free for every order.\n\n"
#define FAQ_PRICING \
	"# FAQ\n\n" \
	"## Pricing\n\n" \
	"Nothing: lockers are free for every order.\n\n"
#define FAQ_LEADS \
	"# FAQ\n\n" \
	"**Pricing for renters.** Free.\n\n" \
	"**Is it safe?** Yes.\n\n" \
	"Q: Pricing for owners. A: Free.\n\n"
#define FAQ_LEADS_QUESTIONS \
	"# FAQ\n\n" \
	"**What do renters pay?** Nothing.\n\n" \
	"**Is it safe?** Yes.\n\n" \
	"Q: What do owners pay? A: Nothing.\n\n"
#define IFAQ \
	"# Internal FAQ\n\n" \
	"## How big is the market?\n\n" \
	"About 12 million shoppers miss a delivery each year.\n\n" \
	"## What does it cost us?\n\n" \
	"Each locker costs $4,000 and pays back in 14 months.\n\n" \
	"## What do we depend on?\n\n" \
	"We depend on the grocery partner team for power and space.\n\n" \
	"## What are the risks?\n\n" \
	"The main risk is vandalism; we mitigate it with cameras.\n\n"
#define IFAQ_SCOPE \
	"## What are we not doing?\n\n" \
	"Home delivery windows are out of scope.\n"
#define FM_NARRATIVE \
	"---\n" \
	"kind: narrative\n" \
	"---\n"
#define N_PURPOSE \
	"# Purpose\n\n" \
	"We ask you to approve the checkout redesign by March 3.\n\n"
#define N_PURPOSE_NO_ASK \
	"# Purpose\n\n" \
	"This memo describes the checkout redesign.\n\n"
#define N_TENETS \
	"# Tenets\n\n" \
	"- Speed over features.\n" \
	"- Fix data before adding screens.\n\n"
#define N_TENETS_NO_CHOICE \
	"# Tenets\n\n" \
	"- Speed over features.\n" \
	"- Customers matter most.\n\n"
#define N_TENETS_EIGHT \
	"# Tenets\n\n" \
	"- Speed over features.\n" \
	"- Fix data before adding screens.\n" \
	"- Speed over polish.\n" \
	"- Data over opinions.\n" \
	"- Depth over breadth.\n" \
	"- Buyers over sellers.\n" \
	"- Mobile before desktop.\n" \
	"- Cost over novelty.\n\n"
#define N_GOALS \
	"# Goals\n\n" \
	"Cut checkout time from 9 s to 4 s by June.\n\n"
#define N_GOALS_LIST \
	"# Goals\n\n" \
	"Cut checkout time from 9 s to 4 s by June.\n\n" \
	"- Faster pages.\n" \
	"- Fewer steps.\n\n"
#define N_PLAN \
	"# Plan\n\n" \
	"We ship the new flow in two steps, so buyers wait less.\n\n"
#define N_PLAN_NO_DECISION \
	"# Plan\n\n" \
	"The new flow has two steps, so buyers wait less.\n\n"
#define N_APPENDIX \
	"# Appendix\n\n" \
	"- Survey of 400 buyers.\n" \
	"- Funnel data for May.\n"
#define FM_ONE_PAGER \
	"---\n" \
	"kind: one-pager\n" \
	"---\n"
#define O_PURPOSE \
	"# Purpose\n\n" \
	"We ask for two engineers to rebuild checkout.\n\n"
#define O_OPPORTUNITY \
	"# Opportunity\n\n" \
	"Checkout takes 9 s and 31% of buyers leave before they pay. A " \
	"flow of 4 s wins back half of them, or 40,000 orders a year, " \
	"at the cost of two engineers for one quarter and one designer " \
	"for two weeks. We measured the drop on twelve thousand " \
	"sessions in May.\n\n"
#define O_NEXT \
	"# Next steps\n\n" \
	"We start on March 3 and report the conversion rate every " \
	"Friday until June.\n"
#define FM_COE \
	"---\n" \
	"kind: coe\n" \
	"---\n"
#define C_SUMMARY \
	"# Summary\n\n" \
	"On March 3 the payment service failed after a bad deploy.\n\n"
#define C_IMPACT \
	"# Impact\n\n" \
	"For 40 minutes, 1,200 customers could not pay for their " \
	"orders.\n\n"
#define C_IMPACT_NO_NUMBERS \
	"# Impact\n\n" \
	"For a while, customers could not pay for their orders.\n\n"
#define C_ROOT \
	"# Root cause\n\n" \
	"Why did payments fail? The service ran out of connections.\n" \
	"Why did it run out? The deploy halved the pool size.\n" \
	"Why was the pool halved? The config review missed it.\n\n"
#define C_ROOT_SHORT \
	"# Root cause\n\n" \
	"Why did payments fail? The service ran out of connections.\n" \
	"Why did it run out? The deploy halved the pool size.\n" \
	"The config review missed it.\n\n"
#define C_ACTIONS \
	"# Action items\n\n" \
	"- Add a pool-size check to the deploy pipeline. Owner: Priya, " \
	"due 2025-04-01.\n" \
	"- Alert on pool exhaustion. Owner: Sam, due 2025-04-15.\n"
#define C_ACTIONS_NO_OWNER \
	"# Action items\n\n" \
	"- Add a pool-size check to the deploy pipeline. Owner: Priya, " \
	"due 2025-04-01.\n" \
	"- Alert on pool exhaustion, due 2025-04-15.\n"
#define C_ACTIONS_TABLE \
	"# Action items\n\n" \
	"| Action | Owner | Due |\n" \
	"|---|---|---|\n" \
	"| Add a pool-size check | Priya | 2025-04-01 |\n" \
	"| Alert on pool exhaustion | TBD | 2025-04-15 |\n" \
	"| Fix the runbook | Sam | soon |\n"
#define C_ACTIONS_TABLE_OK \
	"# Action items\n\n" \
	"| Action | Owner | Due |\n" \
	"|---|---|---|\n" \
	"| Add a pool-size check | Priya | 2025-04-01 |\n" \
	"| Alert on pool exhaustion | Sam | 2025-04-15 |\n" \
	"| Fix the runbook | Sam | 2025-04-30 |\n"
#define N_TENETS_PARAS \
	"# Tenets\n\n" \
	"Speed over features.\n\n" \
	"Customers matter most.\n\n"
#define N_TENETS_PARAS_OK \
	"# Tenets\n\n" \
	"Speed over features.\n\n" \
	"Customers before sellers.\n\n"
#define T_TITLE \
	"# Acme Lockers\n\n" \
	"Parcels on your own schedule.\n\n"
#define T_TITLE_LONG \
	"# Acme Lockers\n\n" \
	"Parcels on your own schedule. Lockers are in 300 stores. They " \
	"open at six. They close at ten.\n\n"
#define PR2 \
	"## Press release\n\n"
#define FAQ2 \
	"## FAQ\n\n" \
	"### How much does it cost?\n\n" \
	"Nothing: lockers are free for every order.\n"

/* ---- the text and Markdown cases -------------------------------------- */

static const s_want sentence_31_words_want[] = {
	{ "length.sentence", MEMO_SEVERITY_WARNING, 16, 181, 3, 1,
		"We cut the checkout tour because it cost buyers nine "
		"seconds on every order and the survey of four hundred "
		"buyers showed that the tour was the main reason they left.",
		NULL, NULL, NULL },
	{ NULL }
};
static const s_want hedge_markdown_bold_want[] = {
	{ "hedge", MEMO_SEVERITY_WARNING, 21, 26, 3, 14,
		"might", NULL, NULL, NULL },
	{ NULL }
};
static const s_want hedge_text_want[] = {
	{ "hedge", MEMO_SEVERITY_WARNING, 31, 41, 1, 32,
		"We believe", NULL, NULL, NULL },
	{ NULL }
};
static const s_want hedge_stacked_want[] = {
	{ "hedge.stacked", MEMO_SEVERITY_WARNING, 0, 31, 1, 1,
		"The vendor might possibly slip.", NULL, NULL, NULL },
	{ "hedge", MEMO_SEVERITY_WARNING, 11, 16, 1, 12,
		"might", NULL, NULL, NULL },
	{ "hedge", MEMO_SEVERITY_WARNING, 17, 25, 1, 18,
		"possibly", NULL, NULL, NULL },
	{ NULL }
};
static const s_want booster_no_data_want[] = {
	{ "certainty.unsupported", MEMO_SEVERITY_WARNING, 16, 23, 1, 17,
		"clearly", NULL, NULL, NULL },
	{ NULL }
};
static const s_want vague_many_want[] = {
	{ "vague.quantity", MEMO_SEVERITY_WARNING, 0, 4, 1, 1,
		"Many", NULL, NULL, NULL },
	{ NULL }
};
static const s_want vague_intensifier_md_want[] = {
	{ "vague.quantity", MEMO_SEVERITY_WARNING, 16, 29, 3, 6,
		"significantly", NULL, NULL, NULL },
	{ NULL }
};
static const s_want attribution_want[] = {
	{ "vague.attribution", MEMO_SEVERITY_WARNING, 0, 13, 1, 1,
		"Experts agree", NULL, NULL, NULL },
	{ NULL }
};
static const s_want comparison_want[] = {
	{ "vague.adjective", MEMO_SEVERITY_WARNING, 12, 23, 1, 13,
		"much faster", NULL, NULL, NULL },
	{ NULL }
};
static const s_want comparison_md_want[] = {
	{ "vague.adjective", MEMO_SEVERITY_WARNING, 18, 36, 3, 8,
		"grew significantly", NULL, NULL, NULL },
	{ NULL }
};
static const s_want wordy_want[] = {
	{ "padding.phrase", MEMO_SEVERITY_WARNING, 0, 20, 1, 1,
		"Due to the fact that", NULL, "because", NULL },
	{ NULL }
};
static const s_want nominalization_want[] = {
	{ "padding.nominalization", MEMO_SEVERITY_INFO, 3, 21, 1, 4,
		"made a decision to", NULL, "decide to", NULL },
	{ NULL }
};
static const s_want passive_want[] = {
	{ "padding.passive", MEMO_SEVERITY_INFO, 8, 19, 1, 9,
		"was shipped", NULL, NULL, NULL },
	{ NULL }
};
static const s_want passive_decision_want[] = {
	{ "padding.passive.decision", MEMO_SEVERITY_WARNING, 15, 22, 1, 16,
		"delayed", NULL, NULL, NULL },
	{ NULL }
};
static const s_want adverb_want[] = {
	{ "padding.adverb", MEMO_SEVERITY_INFO, 17, 23, 3, 8,
		"really", NULL, "", NULL },
	{ NULL }
};
static const s_want cliche_want[] = {
	{ "padding.cliche", MEMO_SEVERITY_WARNING, 8, 25, 1, 9,
		"low-hanging fruit", NULL, NULL, NULL },
	{ NULL }
};
static const s_want repeated_want[] = {
	{ "padding.repeated-word", MEMO_SEVERITY_WARNING, 15, 18, 1, 16,
		"the", NULL, NULL, NULL },
	{ NULL }
};
static const s_want activity_want[] = {
	{ "activity", MEMO_SEVERITY_WARNING, 3, 20, 1, 4,
		"collaborated with", NULL, NULL, NULL },
	{ NULL }
};
static const s_want slogan_want[] = {
	{ "slogan", MEMO_SEVERITY_WARNING, 7, 18, 1, 8,
		"world-class", NULL, NULL, NULL },
	{ NULL }
};
static const s_want acronym_want[] = {
	{ "acronym.undefined", MEMO_SEVERITY_INFO, 12, 15, 3, 5,
		"SLA", NULL, NULL, NULL },
	{ NULL }
};
static const s_want spelling_want[] = {
	{ "spelling", MEMO_SEVERITY_WARNING, 16, 19, 3, 1,
		"Teh", NULL, NULL, NULL },
	{ NULL }
};
static const s_want spelling_md_emphasis_want[] = {
	{ "spelling", MEMO_SEVERITY_WARNING, 13, 16, 3, 7,
		"teh", NULL, NULL, NULL },
	{ NULL }
};
static const s_want invalid_utf8_md_want[] = {
	{ "parse.invalid-utf8", MEMO_SEVERITY_WARNING, 3, 6, 1, 4,
		"\xef\xbf\xbd", NULL, NULL, NULL },
	{ NULL }
};
static const s_want invalid_utf8_text_want[] = {
	{ "parse.invalid-utf8", MEMO_SEVERITY_WARNING, 9, 12, 3, 4,
		"\xef\xbf\xbd", NULL, NULL, NULL },
	{ NULL }
};
static const s_want image_md_want[] = {
	{ "parse.skipped-content", MEMO_SEVERITY_INFO, 12, 33, 3, 5,
		"![funnel](funnel.png)", NULL, NULL, NULL },
	{ NULL }
};
static const s_want narrative_missing_goals_want[] = {
	{ "structure.missing-section", MEMO_SEVERITY_WARNING, 160, 160, 13, 1,
		"", "- Fix data before adding screens.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want coe_missing_impact_want[] = {
	{ "structure.missing-section", MEMO_SEVERITY_WARNING, 88, 88, 8, 1,
		"", "after a bad deploy.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_missing_press_release_want[] = {
	{ "structure.missing-section", MEMO_SEVERITY_WARNING, 0, 0, 1, 1,
		"", NULL, NULL, NULL },
	{ NULL }
};
static const s_want narrative_order_want[] = {
	{ "structure.order", MEMO_SEVERITY_INFO, 210, 278, 16, 1,
		"# Tenets\n", "adding screens.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want one_pager_long_want[] = {
	{ "structure.length", MEMO_SEVERITY_WARNING, 97, 444, 10, 1,
		"Checkout takes 9 s",
		"report the conversion rate every Friday until June.", NULL,
		NULL },
	{ NULL }
};
static const s_want prfaq_long_want[] = {
	{ "structure.length", MEMO_SEVERITY_WARNING, 20, 709, 4, 1,
		"# Press release\n", "to learn more.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want narrative_list_want[] = {
	{ "structure.bullets", MEMO_SEVERITY_INFO, 213, 243, 17, 1,
		"- Faster pages.\n"
		"- Fewer steps.", NULL, NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_headline_want[] = {
	{ "prfaq.headline", MEMO_SEVERITY_WARNING, 35, 35, 4, 16,
		"", "# Press release", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_title_long_tagline_want[] = {
	{ "prfaq.subheading", MEMO_SEVERITY_INFO, 34, 34, 4, 15,
		"", "# Acme Lockers", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_subheading_want[] = {
	{ "prfaq.subheading", MEMO_SEVERITY_INFO, 94, 94, 6, 58,
		"", "at any hour", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_dateline_want[] = {
	{ "prfaq.dateline", MEMO_SEVERITY_WARNING, 161, 161, 10, 1,
		"", "their own schedule.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_problem_want[] = {
	{ "prfaq.problem", MEMO_SEVERITY_WARNING, 20, 629, 4, 1,
		"# Press release\n", "to learn more.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_solution_want[] = {
	{ "prfaq.solution", MEMO_SEVERITY_WARNING, 20, 627, 4, 1,
		"# Press release\n", "to learn more.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_leader_quote_want[] = {
	{ "prfaq.leader-quote", MEMO_SEVERITY_WARNING, 20, 615, 4, 1,
		"# Press release\n", "to learn more.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_customer_quote_want[] = {
	{ "prfaq.customer-quote", MEMO_SEVERITY_WARNING, 20, 618, 4, 1,
		"# Press release\n", "to learn more.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_getting_started_want[] = {
	{ "prfaq.getting-started", MEMO_SEVERITY_WARNING, 20, 658, 4, 1,
		"# Press release\n", "acme.example/lockers.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_call_to_action_want[] = {
	{ "prfaq.call-to-action", MEMO_SEVERITY_INFO, 613, 652, 20, 1,
		"Lockers are available today in Seattle.", NULL, NULL, NULL },
	{ NULL }
};
static const s_want prfaq_faq_not_question_want[] = {
	{ "prfaq.faq-question", MEMO_SEVERITY_WARNING, 716, 726, 24, 1,
		"## Pricing", NULL, NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_external_faq_want[] = {
	{ "prfaq.external-faq", MEMO_SEVERITY_WARNING, 709, 709, 22, 1,
		"", "to learn more.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_no_internal_faq_want[] = {
	{ "prfaq.internal-faq", MEMO_SEVERITY_WARNING, 787, 787, 28, 1,
		"", "free for every order.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want prfaq_internal_faq_no_scope_want[] = {
	{ "prfaq.internal-faq-topic", MEMO_SEVERITY_WARNING, 787, 801, 28, 1,
		"# Internal FAQ", NULL, NULL, NULL },
	{ NULL }
};
static const s_want narrative_tenet_no_choice_want[] = {
	{ "narrative.tenets", MEMO_SEVERITY_INFO, 125, 149, 11, 1,
		"- Customers matter most.", NULL, NULL, NULL },
	{ NULL }
};
static const s_want narrative_eight_tenets_want[] = {
	{ "narrative.tenets", MEMO_SEVERITY_INFO, 92, 294, 8, 1,
		"# Tenets\n", "- Cost over novelty.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want narrative_no_ask_want[] = {
	{ "narrative.ask", MEMO_SEVERITY_WARNING, 256, 256, 19, 49,
		"", "so buyers wait less.", NULL, NULL },
	{ NULL }
};
static const s_want coe_impact_no_numbers_want[] = {
	{ "coe.impact", MEMO_SEVERITY_WARNING, 88, 154, 8, 1,
		"# Impact\n", "for their orders.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want coe_no_impact_section_want[] = {
	{ "coe.impact", MEMO_SEVERITY_WARNING, 0, 0, 1, 1,
		"", NULL, NULL, NULL },
	{ NULL }
};
static const s_want coe_two_whys_want[] = {
	{ "coe.why-chain", MEMO_SEVERITY_WARNING, 163, 319, 12, 1,
		"# Root cause\n", "review missed it.\n\n", NULL, NULL },
	{ NULL }
};
static const s_want coe_no_root_cause_want[] = {
	{ "coe.why-chain", MEMO_SEVERITY_WARNING, 0, 0, 1, 1,
		"", NULL, NULL, NULL },
	{ NULL }
};
static const s_want coe_item_no_owner_want[] = {
	{ "coe.action-items", MEMO_SEVERITY_WARNING, 438, 481, 21, 1,
		"- Alert on pool exhaustion, due 2025-04-15.", NULL, NULL,
		NULL },
	{ NULL }
};
static const s_want hedge_quote_and_cell_want[] = {
	{ "hedge", MEMO_SEVERITY_WARNING, 22, 27, 3, 14,
		"might", NULL, NULL, NULL },
	{ "hedge", MEMO_SEVERITY_WARNING, 75, 80, 7, 15,
		"could", NULL, NULL, NULL },
	{ NULL }
};
static const s_want sentence_bold_end_want[] = {
	{ "length.sentence", MEMO_SEVERITY_WARNING, 7, 174, 3, 1,
		"We cut the checkout", "they **left.", NULL, NULL },
	{ NULL }
};
static const s_want invalid_utf8_twice_want[] = {
	{ "parse.invalid-utf8", MEMO_SEVERITY_WARNING, 3, 6, 1, 4,
		"\xef\xbf\xbd", NULL, NULL, NULL },
	{ NULL }
};
static const s_want prfaq_faq_leads_want[] = {
	{ "prfaq.faq-question", MEMO_SEVERITY_WARNING, 716, 740, 24, 1,
		"**Pricing for renters.**", NULL, NULL, NULL },
	{ "prfaq.faq-question", MEMO_SEVERITY_WARNING, 770, 792, 28, 1,
		"Q: Pricing for owners.", NULL, NULL, NULL },
	{ NULL }
};
static const s_want coe_table_items_want[] = {
	{ "coe.action-items", MEMO_SEVERITY_WARNING, 446, 493, 23, 1,
		"| Alert on pool exhaustion | TBD | 2025-04-15 |", NULL, NULL,
		NULL },
	{ "coe.action-items", MEMO_SEVERITY_WARNING, 494, 526, 24, 1,
		"| Fix the runbook | Sam | soon |", NULL, NULL, NULL },
	{ NULL }
};
static const s_want narrative_tenet_paragraphs_want[] = {
	{ "narrative.tenets", MEMO_SEVERITY_INFO, 124, 146, 12, 1,
		"Customers matter most.", NULL, NULL, NULL },
	{ NULL }
};

static const s_case s_text_cases[] = {
	/* 31 words: one over the limit of 30 */
	{ "sentence_31_words", "length.sentence", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The tour goes.\n\n"
		"We cut the checkout tour because it cost buyers nine "
		"seconds on every order and the survey of four hundred "
		"buyers showed that the tour was the main reason they "
		"left.\n",
		NULL, sentence_31_words_want },
	/* 30 words: at the limit */
	{ "sentence_30_words", "length.sentence", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The tour goes.\n\n"
		"We cut the checkout tour because it cost buyers nine "
		"seconds on every order and the survey of four hundred "
		"buyers showed that the tour was the reason they left.\n",
		NULL, NULL },
	/* the range stops before the closing markup */
	{ "hedge_markdown_bold", "hedge", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Plan\n\n"
		"The vendor **might** slip.\n",
		NULL, hedge_markdown_bold_want },
	/* will is a commitment */
	{ "hedge_commitment", "hedge", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Plan\n\n"
		"The vendor **will** slip.\n",
		NULL, NULL },
	{ "hedge_text", "hedge", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We cut about 30% of the steps. We believe the tour "
		"hurts.\n",
		NULL, hedge_text_want },
	/* about before a number is an approximator */
	{ "hedge_approximator", "hedge", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We cut about 30% of the steps. We know the tour hurts.\n",
		NULL, NULL },
	{ "hedge_stacked", "hedge.stacked", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The vendor might possibly slip. We ship anyway.\n",
		NULL, hedge_stacked_want },
	/* one hedge is not a stack */
	{ "hedge_single", "hedge.stacked", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The vendor might slip. We ship anyway.\n",
		NULL, NULL },
	{ "booster_no_data", "certainty.unsupported", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The redesign is clearly better.\n",
		NULL, booster_no_data_want },
	/* a metric in the sentence */
	{ "booster_with_data", "certainty.unsupported", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The redesign is clearly better: checkout fell from 9 s to "
		"4 s.\n",
		NULL, NULL },
	{ "vague_many", "vague.quantity", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Many customers left the checkout.\n",
		NULL, vague_many_want },
	/* a number in the clause */
	{ "vague_many_number", "vague.quantity", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Many customers (31%) left the checkout.\n",
		NULL, NULL },
	{ "vague_intensifier_md", "vague.quantity", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Changes\n\n"
		"- We significantly changed the plan.\n",
		NULL, vague_intensifier_md_want },
	{ "vague_intensifier_md_number", "vague.quantity", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Changes\n\n"
		"- We significantly changed the plan, by 40%.\n",
		NULL, NULL },
	{ "attribution", "vague.attribution", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Experts agree the flow is slow.\n",
		NULL, attribution_want },
	{ "attribution_named", "vague.attribution", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Our experts measured the flow: it is slow.\n",
		NULL, NULL },
	{ "comparison", "vague.adjective", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Checkout is much faster.\n",
		NULL, comparison_want },
	/* 3x faster is not vague */
	{ "comparison_number", "vague.adjective", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Checkout is 3x faster.\n",
		NULL, NULL },
	{ "comparison_md", "vague.adjective", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Results\n\n"
		"Sales *grew significantly* in May.\n",
		NULL, comparison_md_want },
	{ "comparison_md_number", "vague.adjective", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Results\n\n"
		"Sales *grew significantly*, by 40%, in May.\n",
		NULL, NULL },
	{ "wordy", "padding.phrase", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Due to the fact that the vendor slipped, we waited.\n",
		NULL, wordy_want },
	{ "wordy_plain", "padding.phrase", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Because the vendor slipped, we waited.\n",
		NULL, NULL },
	{ "nominalization", "padding.nominalization", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We made a decision to cut the tour.\n",
		NULL, nominalization_want },
	{ "nominalization_verb", "padding.nominalization", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We decided to cut the tour.\n",
		NULL, NULL },
	{ "passive", "padding.passive", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The fix was shipped on Monday.\n",
		NULL, passive_want },
	/* an adjectival participle */
	{ "passive_adjectival", "padding.passive", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The fix was based on the logs.\n",
		NULL, NULL },
	{ "passive_decision", "padding.passive.decision", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The launch was delayed.\n",
		NULL, passive_decision_want },
	/* the decider is named */
	{ "passive_decision_by", "padding.passive.decision", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The launch was delayed by the committee.\n",
		NULL, NULL },
	{ "adverb", "padding.adverb", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Status\n\n"
		"It is *really* slow.\n",
		NULL, adverb_want },
	{ "adverb_none", "padding.adverb", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Status\n\n"
		"It is *truly* slow: 9 s.\n",
		NULL, NULL },
	{ "cliche", "padding.cliche", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"This is low-hanging fruit.\n",
		NULL, cliche_want },
	{ "cliche_none", "padding.cliche", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"This fruit hangs low.\n",
		NULL, NULL },
	{ "repeated", "padding.repeated-word", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We shipped the the fix.\n",
		NULL, repeated_want },
	/* "had had" is grammatical */
	{ "repeated_had_had", "padding.repeated-word", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We had had the fix for weeks.\n",
		NULL, NULL },
	{ "activity", "activity", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We collaborated with the payments team.\n",
		NULL, activity_want },
	{ "activity_metric", "activity", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We collaborated with the payments team and cut latency by "
		"40%.\n",
		NULL, NULL },
	{ "slogan", "slogan", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We are world-class.\n",
		NULL, slogan_want },
	{ "slogan_evidence", "slogan", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"We are world-class: p99 latency is 80 ms.\n",
		NULL, NULL },
	{ "acronym", "acronym.undefined", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Plan\n\n"
		"The SLA is 99.9%.\n",
		NULL, acronym_want },
	{ "acronym_defined", "acronym.undefined", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Plan\n\n"
		"The service level agreement (SLA) is 99.9%. The SLA "
		"holds.\n",
		NULL, NULL },
	{ "acronym_dateline_known", "acronym.undefined", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"SEATTLE, WA \xe2\x80\x93 NASA and the U.S. team ship.\n\n"
		"AUSTIN, Texas \xe2\x80\x93 We ship.\n",
		NULL, NULL },
	{ "spelling", "spelling", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The fix holds.\n\n"
		"Teh fix holds.\n",
		NULL, spelling_want },
	/* the range stops before the closing markup */
	{ "spelling_md_emphasis", "spelling", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Fix\n\n"
		"The **teh** fix holds.\n",
		NULL, spelling_md_emphasis_want },
	{ "spelling_none", "spelling", false,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"The fix holds.\n\n"
		"The fix holds.\n",
		NULL, NULL },
	{ "invalid_utf8_md", "parse.invalid-utf8", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"Caf\xff au lait.\n",
		NULL, invalid_utf8_md_want },
	{ "invalid_utf8_text", "parse.invalid-utf8", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Tea.\n\n"
		"Caf\xff au lait.\n",
		NULL, invalid_utf8_text_want },
	{ "valid_utf8", "parse.invalid-utf8", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"Caf\xc3\xa9 au lait.\n",
		NULL, NULL },
	{ "image_md", "parse.skipped-content", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Data\n\n"
		"See ![funnel](funnel.png) for the drop.\n",
		NULL, image_md_want },
	{ "link_md", "parse.skipped-content", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Data\n\n"
		"See [funnel](funnel.png) for the drop.\n",
		NULL, NULL },
	/* at the end of the section before it in the template (Tenets) */
	{ "narrative_missing_goals", "structure.missing-section", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS N_PLAN N_APPENDIX,
		NULL, narrative_missing_goals_want },
	{ "narrative_complete", "structure.missing-section", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS N_GOALS N_PLAN N_APPENDIX,
		NULL, NULL },
	{ "coe_missing_impact", "structure.missing-section", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_ROOT C_ACTIONS,
		NULL, coe_missing_impact_want },
	/* nothing before it: the document start */
	{ "prfaq_missing_press_release", "structure.missing-section", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ FAQ IFAQ IFAQ_SCOPE,
		NULL, prfaq_missing_press_release_want },
	{ "prfaq_complete", "structure.missing-section", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "narrative_order", "structure.order", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_GOALS N_PLAN N_TENETS N_APPENDIX,
		NULL, narrative_order_want },
	{ "narrative_in_order", "structure.order", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS N_GOALS N_PLAN N_APPENDIX,
		NULL, NULL },
	/* 50 words a page: the budget runs out in the Opportunity paragraph */
	{ "one_pager_long", "structure.length", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_SMALL_PAGES,
		FM_ONE_PAGER O_PURPOSE O_OPPORTUNITY O_NEXT,
		NULL, one_pager_long_want },
	{ "one_pager_fits", "structure.length", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_ONE_PAGER O_PURPOSE O_OPPORTUNITY O_NEXT,
		NULL, NULL },
	{ "prfaq_long", "structure.length", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_SMALL_PAGES,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, prfaq_long_want },
	{ "prfaq_fits", "structure.length", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "narrative_list", "structure.bullets", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS N_GOALS_LIST N_PLAN
		N_APPENDIX,
		NULL, narrative_list_want },
	/* lists in the tenets and the appendix are fine */
	{ "narrative_lists_tenets_appendix", "structure.bullets", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS N_GOALS N_PLAN N_APPENDIX,
		NULL, NULL },
	{ "prfaq_no_headline", "prfaq.headline", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_SUB PR_DATELINE PR_PROBLEM PR_SOLUTION
		PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ IFAQ_SCOPE,
		NULL, prfaq_no_headline_want },
	{ "prfaq_headline", "prfaq.headline", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	/* the document title is the headline */
	{ "prfaq_title_headline", "prfaq.headline", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ T_TITLE PR2 PR_DATELINE PR_PROBLEM PR_SOLUTION
		PR_LEADER PR_CUSTOMER PR_START FAQ2,
		NULL, NULL },
	/* a short tagline under the title is the subheading */
	{ "prfaq_title_tagline", "prfaq.subheading", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ T_TITLE PR2 PR_DATELINE PR_PROBLEM PR_SOLUTION
		PR_LEADER PR_CUSTOMER PR_START FAQ2,
		NULL, NULL },
	/* four sentences are no subheading; the title is the headline, so the subheading belongs right under it */
	{ "prfaq_title_long_tagline", "prfaq.subheading", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ T_TITLE_LONG PR2 PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ2,
		NULL, prfaq_title_long_tagline_want },
	{ "prfaq_no_subheading", "prfaq.subheading", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_DATELINE PR_PROBLEM PR_SOLUTION
		PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ IFAQ_SCOPE,
		NULL, prfaq_no_subheading_want },
	{ "prfaq_subheading", "prfaq.subheading", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "prfaq_no_dateline", "prfaq.dateline", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_NO_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, prfaq_no_dateline_want },
	{ "prfaq_dateline", "prfaq.dateline", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "prfaq_no_problem", "prfaq.problem", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_SOLUTION
		PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ IFAQ_SCOPE,
		NULL, prfaq_no_problem_want },
	{ "prfaq_problem", "prfaq.problem", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "prfaq_no_solution", "prfaq.solution", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE_OPENED
		PR_PROBLEM PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, prfaq_no_solution_want },
	{ "prfaq_solution", "prfaq.solution", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE_OPENED
		PR_PROBLEM PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ
		IFAQ IFAQ_SCOPE,
		NULL, NULL },
	/* the one quote is a customer's (", a nurse") */
	{ "prfaq_no_leader_quote", "prfaq.leader-quote", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_CUSTOMER PR_START FAQ IFAQ IFAQ_SCOPE,
		NULL, prfaq_no_leader_quote_want },
	{ "prfaq_leader_quote", "prfaq.leader-quote", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	/* the one quote is a leader's (VP) */
	{ "prfaq_no_customer_quote", "prfaq.customer-quote", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_START FAQ IFAQ IFAQ_SCOPE,
		NULL, prfaq_no_customer_quote_want },
	{ "prfaq_customer_quote", "prfaq.customer-quote", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "prfaq_no_getting_started", "prfaq.getting-started", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_LEARN_MORE FAQ IFAQ
		IFAQ_SCOPE,
		NULL, prfaq_no_getting_started_want },
	{ "prfaq_getting_started", "prfaq.getting-started", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "prfaq_no_call_to_action", "prfaq.call-to-action", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_AVAILABLE FAQ IFAQ
		IFAQ_SCOPE,
		NULL, prfaq_no_call_to_action_want },
	/* a link in the last paragraph */
	{ "prfaq_call_to_action", "prfaq.call-to-action", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_LEARN_MORE FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "prfaq_faq_not_question", "prfaq.faq-question", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ_PRICING
		IFAQ IFAQ_SCOPE,
		NULL, prfaq_faq_not_question_want },
	{ "prfaq_faq_questions", "prfaq.faq-question", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	/* at the end of the press release */
	{ "prfaq_no_external_faq", "prfaq.external-faq", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START IFAQ IFAQ_SCOPE,
		NULL, prfaq_no_external_faq_want },
	{ "prfaq_external_faq", "prfaq.external-faq", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	/* after the external FAQ */
	{ "prfaq_no_internal_faq", "prfaq.internal-faq", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ,
		NULL, prfaq_no_internal_faq_want },
	{ "prfaq_internal_faq", "prfaq.internal-faq", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "prfaq_internal_faq_no_scope", "prfaq.internal-faq-topic", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ,
		NULL, prfaq_internal_faq_no_scope_want },
	{ "prfaq_internal_faq_topics", "prfaq.internal-faq-topic", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ IFAQ
		IFAQ_SCOPE,
		NULL, NULL },
	{ "narrative_tenet_no_choice", "narrative.tenets", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS_NO_CHOICE N_GOALS N_PLAN
		N_APPENDIX,
		NULL, narrative_tenet_no_choice_want },
	{ "narrative_eight_tenets", "narrative.tenets", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS_EIGHT N_GOALS N_PLAN
		N_APPENDIX,
		NULL, narrative_eight_tenets_want },
	{ "narrative_tenets_choices", "narrative.tenets", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS N_GOALS N_PLAN N_APPENDIX,
		NULL, NULL },
	/* at the end of the body */
	{ "narrative_no_ask", "narrative.ask", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE_NO_ASK N_TENETS N_GOALS
		N_PLAN_NO_DECISION N_APPENDIX,
		NULL, narrative_no_ask_want },
	{ "narrative_ask", "narrative.ask", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS N_GOALS N_PLAN_NO_DECISION
		N_APPENDIX,
		NULL, NULL },
	{ "coe_impact_no_numbers", "coe.impact", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT_NO_NUMBERS C_ROOT C_ACTIONS,
		NULL, coe_impact_no_numbers_want },
	{ "coe_no_impact_section", "coe.impact", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_ROOT C_ACTIONS,
		NULL, coe_no_impact_section_want },
	{ "coe_impact", "coe.impact", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT C_ROOT C_ACTIONS,
		NULL, NULL },
	{ "coe_two_whys", "coe.why-chain", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT C_ROOT_SHORT C_ACTIONS,
		NULL, coe_two_whys_want },
	{ "coe_no_root_cause", "coe.why-chain", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT C_ACTIONS,
		NULL, coe_no_root_cause_want },
	{ "coe_three_whys", "coe.why-chain", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT C_ROOT C_ACTIONS,
		NULL, NULL },
	{ "coe_item_no_owner", "coe.action-items", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT C_ROOT C_ACTIONS_NO_OWNER,
		NULL, coe_item_no_owner_want },
	{ "coe_items_owned", "coe.action-items", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT C_ROOT C_ACTIONS,
		NULL, NULL },
	/* a block quote and a table cell */
	{ "hedge_quote_and_cell", "hedge", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Risks\n\n"
		"> The vendor might slip.\n\n"
		"| Risk | Note |\n"
		"|---|---|\n"
		"| Vendor | It could slip |\n",
		NULL, hedge_quote_and_cell_want },
	/* turned off by an inline comment */
	{ "hedge_disabled", "hedge", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Plan\n\n"
		"<!-- memo-disable hedge -->\n"
		"The vendor **might** slip.\n",
		NULL, NULL },
	/* the range ends before the closing markup */
	{ "sentence_bold_end", "length.sentence", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		"# Why\n\n"
		"We cut the checkout tour because it cost buyers nine "
		"seconds on every order and the survey of four hundred "
		"buyers showed that the tour was the main reason they "
		"**left.**\n",
		NULL, sentence_bold_end_want },
	/* one finding, at the first bad byte */
	{ "invalid_utf8_twice", "parse.invalid-utf8", true,
		MEMO_FORMAT_TEXT, S_CFG_DEFAULT,
		"Caf\xff and na\xefve.\n",
		NULL, invalid_utf8_twice_want },
	/* bold leads and Q: paragraphs */
	{ "prfaq_faq_leads", "prfaq.faq-question", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START FAQ_LEADS IFAQ
		IFAQ_SCOPE,
		NULL, prfaq_faq_leads_want },
	{ "prfaq_faq_leads_questions", "prfaq.faq-question", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_PRFAQ PR PR_HEADLINE PR_SUB PR_DATELINE PR_PROBLEM
		PR_SOLUTION PR_LEADER PR_CUSTOMER PR_START
		FAQ_LEADS_QUESTIONS IFAQ IFAQ_SCOPE,
		NULL, NULL },
	/* an owner of TBD, a due date of soon */
	{ "coe_table_items", "coe.action-items", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT C_ROOT C_ACTIONS_TABLE,
		NULL, coe_table_items_want },
	{ "coe_table_items_ok", "coe.action-items", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_COE C_SUMMARY C_IMPACT C_ROOT C_ACTIONS_TABLE_OK,
		NULL, NULL },
	{ "narrative_tenet_paragraphs", "narrative.tenets", true,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS_PARAS N_GOALS N_PLAN
		N_APPENDIX,
		NULL, narrative_tenet_paragraphs_want },
	{ "narrative_tenet_paragraphs_ok", "narrative.tenets", false,
		MEMO_FORMAT_MARKDOWN, S_CFG_DEFAULT,
		FM_NARRATIVE N_PURPOSE N_TENETS_PARAS_OK N_GOALS N_PLAN
		N_APPENDIX,
		NULL, NULL },
};

/* ---- the .docx cases ------------------------------------------------------
 * Offsets in the document text: the paragraphs joined by "\n"; line N is
 * the N-th paragraph, columns count code points.
 */
#define W_P(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define W_R(t) "<w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r>"
#define W_RB(t) "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" t \
	"</w:t></w:r>"
#define W_RI(t) "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">" t \
	"</w:t></w:r>"
#define W_STYLES "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">" \
	"<w:name w:val=\"heading 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/>" \
	"</w:pPr></w:style>"
#define W_DOC "word/document.xml"

/* Paragraph 0 "Plan" [0,4) is a heading. Paragraph 1 holds the hedge (or
 * the commitment) split across a plain and a bold run: "mi" ends run 0,
 * "ght" is run 1. Paragraph 2, run 1 is "much faster". Paragraph 3 is a
 * table cell, run 1 "collaborated with". Paragraph 4 has "Café" before
 * the italic "really": byte 112 is column 9. Paragraph 5 has a run in a
 * hyperlink and one in a content control: "basically" is in run 2. */
#define W_RUNS(p1) \
	"<w:p w14:paraId=\"0A1B2C3D\"><w:pPr><w:pStyle w:val=\"Heading1\"/>" \
	"</w:pPr>" W_R("Plan") "</w:p>" \
	"<w:p w14:paraId=\"1B2C3D4E\">" p1 "</w:p>" \
	"<w:p>" W_R("Checkout is ") W_RI("much faster") \
	W_R(" than before.") "</w:p>" \
	"<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>" \
	"<w:p w14:paraId=\"3D4E5F60\">" W_R("We ") W_R("collaborated with") \
	W_R(" finance.") "</w:p></w:tc></w:tr></w:tbl>" \
	"<w:p>" W_R("Caf\xc3\xa9 is ") W_RI("really") W_R(" slow.") "</w:p>" \
	"<w:p>" W_R("See ") "<w:hyperlink w:anchor=\"docs\">" W_R("the docs") \
	"</w:hyperlink><w:sdt><w:sdtContent>" \
	W_R(", it is basically done.") "</w:sdtContent></w:sdt></w:p>"

static const mkdocx_spec s_docx_runs = { .styles = W_STYLES,
	.body = W_RUNS(W_R("The vendor mi") W_RB("ght")
		W_R(" slip by June.")) };
static const mkdocx_spec s_docx_runs_commitment = { .styles = W_STYLES,
	.body = W_RUNS(W_R("The vendor wi") W_RB("ll") W_R(" slip by June.")) };

static const s_loc s_docx_runs_hedge[] = {
	{ W_DOC, 1, 0, 11, "1B2C3D4E" }, { W_DOC, 1, 1, 2, "1B2C3D4E" } };
static const s_loc s_docx_runs_vague[] = {
	{ W_DOC, 2, 1, 0, NULL }, { W_DOC, 2, 1, 10, NULL } };
static const s_loc s_docx_runs_activity[] = {
	{ W_DOC, 3, 1, 0, "3D4E5F60" }, { W_DOC, 3, 1, 16, "3D4E5F60" } };
static const s_loc s_docx_runs_adverb[] = {
	{ W_DOC, 4, 1, 0, NULL }, { W_DOC, 4, 1, 5, NULL } };

static const s_loc s_docx_runs_adverb2[] = {
	{ W_DOC, 5, 2, 8, NULL }, { W_DOC, 5, 2, 16, NULL } };

static const s_want s_docx_runs_want[] = {
	{ "hedge", MEMO_SEVERITY_WARNING, 16, 21, 2, 12, "might", NULL, NULL,
		s_docx_runs_hedge },
	{ "vague.adjective", MEMO_SEVERITY_WARNING, 48, 59, 3, 13,
		"much faster", NULL, NULL, s_docx_runs_vague },
	{ "activity", MEMO_SEVERITY_WARNING, 76, 93, 4, 4,
		"collaborated with", NULL, NULL, s_docx_runs_activity },
	{ "padding.adverb", MEMO_SEVERITY_INFO, 112, 118, 5, 9, "really", NULL,
		"", s_docx_runs_adverb },
	{ "padding.adverb", MEMO_SEVERITY_INFO, 145, 154, 6, 21, "basically",
		NULL, "", s_docx_runs_adverb2 },
	{ NULL }
};

/* Tracked changes: an insertion and a deletion, or the same text plain. */
static const mkdocx_spec s_docx_tracked = { .body = "<w:p>" W_R("We keep ")
	"<w:ins w:id=\"1\" w:author=\"A\">" W_R("the new ") "</w:ins>"
	"<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText xml:space="
	"\"preserve\">old </w:delText></w:r></w:del>" W_R("plan.") "</w:p>" };
static const mkdocx_spec s_docx_untracked = { .body = "<w:p>"
	W_R("We keep ") W_R("the new ") W_R("plan.") "</w:p>" };
static const s_want s_docx_tracked_want[] = {
	{ "parse.tracked-changes", MEMO_SEVERITY_INFO, 0, 0, 1, 1, "", NULL,
		NULL, NULL },
	{ NULL }
};

/* A reviewer comment on the paragraph, or none. */
static const mkdocx_spec s_docx_comment = { .body = "<w:p>"
	"<w:commentRangeStart w:id=\"0\"/>" W_R("We keep the plan.")
	"<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/>"
	"</w:r></w:p>",
	.comments = "<w:comment w:id=\"0\" w:author=\"A\">" W_P("Why?")
		"</w:comment>" };
static const mkdocx_spec s_docx_no_comment = { .body =
	W_P("We keep the plan.") };
static const s_want s_docx_comment_want[] = {
	{ "parse.comments", MEMO_SEVERITY_INFO, 0, 0, 1, 1, "", NULL, NULL,
		NULL },
	{ NULL }
};

/* A short bold-only paragraph acts as a heading; partly bold does not. */
static const mkdocx_spec s_docx_fake_heading = { .styles = W_STYLES,
	.body = "<w:p>" W_RB("Key ") W_RB("risks") "</w:p>"
		W_P("The vendor ships on time.") };
static const mkdocx_spec s_docx_partly_bold = { .styles = W_STYLES,
	.body = "<w:p>" W_RB("Key ") W_R("risks") "</w:p>"
		W_P("The vendor ships on time.") };
static const s_loc s_docx_fake_heading_loc[] = {
	{ W_DOC, 0, 0, 0, NULL }, { W_DOC, 0, 1, 4, NULL } };
static const s_want s_docx_fake_heading_want[] = {
	{ "parse.fake-heading", MEMO_SEVERITY_INFO, 0, 9, 1, 1, "Key risks",
		NULL, NULL, s_docx_fake_heading_loc },
	{ NULL }
};

/* An image is skipped (reported at the document start). */
#define W_TEXT_P W_P("See the funnel below.")
static const mkdocx_spec s_docx_image = { .body = W_TEXT_P
	"<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData>"
	"<pic:pic/></a:graphicData></a:graphic></wp:inline></w:drawing>"
	"</w:r></w:p>" };
static const mkdocx_spec s_docx_no_image = { .body = W_TEXT_P };
static const s_want s_docx_image_want[] = {
	{ "parse.skipped-content", MEMO_SEVERITY_INFO, 0, 0, 1, 1, "", NULL,
		NULL, NULL },
	{ NULL }
};

static const s_case s_docx_cases[] = {
	{ "docx_runs", "hedge", true, MEMO_FORMAT_DOCX, S_CFG_DEFAULT, NULL,
		&s_docx_runs, s_docx_runs_want },
	{ "docx_runs_commitment", "hedge", false, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_runs_commitment, NULL },
	{ "docx_tracked", "parse.tracked-changes", true, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_tracked, s_docx_tracked_want },
	{ "docx_untracked", "parse.tracked-changes", false, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_untracked, NULL },
	{ "docx_comment", "parse.comments", true, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_comment, s_docx_comment_want },
	{ "docx_no_comment", "parse.comments", false, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_no_comment, NULL },
	{ "docx_fake_heading", "parse.fake-heading", true, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_fake_heading,
		s_docx_fake_heading_want },
	{ "docx_partly_bold", "parse.fake-heading", false, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_partly_bold, NULL },
	{ "docx_image", "parse.skipped-content", true, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_image, s_docx_image_want },
	{ "docx_no_image", "parse.skipped-content", false, MEMO_FORMAT_DOCX,
		S_CFG_DEFAULT, NULL, &s_docx_no_image, NULL },
};

#define S_NTEXT (sizeof s_text_cases / sizeof *s_text_cases)
#define S_NDOCX (sizeof s_docx_cases / sizeof *s_docx_cases)

/* ---- running a case ---------------------------------------------------- */

static memo_analyzer *s_an[S_CFG_COUNT];
static bool s_have_dictionary;

static void s_dump(const memo_report *rep, const char *text)
{
	for (size_t i = 0; i < memo_report_finding_count(rep); i++) {
		const memo_finding *f = memo_report_finding_at(rep, i);
		memo_range g;
		memo_finding_range(f, &g);
		uint64_t n = g.end.offset - g.start.offset;
		fprintf(stderr, "    %-26s %-7s [%llu,%llu) %u:%u \"%.*s\"\n",
			memo_finding_rule_id(f),
			memo_severity_name(memo_finding_severity(f)),
			(unsigned long long)g.start.offset,
			(unsigned long long)g.end.offset, g.start.line,
			g.start.column, (int)(n > 60 ? 60 : n),
			text + g.start.offset);
	}
}

/* Does the finding f match want w exactly? */
static bool s_match(const memo_finding *f, const s_want *w)
{
	memo_range g;
	memo_finding_range(f, &g);
	return strcmp(memo_finding_rule_id(f), w->rule) == 0 &&
		g.start.offset == w->start && g.end.offset == w->end;
}

/* The docx location of byte offset at is loc. */
static bool s_loc_ok(const s_case *c, const memo_document *doc,
	uint64_t at, const s_loc *loc)
{
	memo_docx_loc got = { MEMO_DOCX_LOC_VERSION, 0, 0, 0, 0 };
	int rc = memo_document_docx_locate(doc, at, &got);
	const char *part = memo_document_part_name(doc, got.part);
	const char *id = memo_document_docx_para_id(doc, got.part,
		got.paragraph);
	bool ok = rc == MEMO_OK && part && strcmp(part, loc->part) == 0 &&
		got.paragraph == loc->paragraph && got.run == loc->run &&
		got.run_offset == loc->run_offset &&
		(loc->para_id ? id && strcmp(id, loc->para_id) == 0 : !id);
	if (!ok)
		fprintf(stderr, "%s: byte %llu is in %s paragraph %u run %u "
			"offset %u (paraId %s), expected %s %u %u %u (%s)\n",
			c->name, (unsigned long long)at, part ? part : "?",
			got.paragraph, got.run, got.run_offset,
			id ? id : "none",
			loc->part, loc->paragraph, loc->run, loc->run_offset,
			loc->para_id ? loc->para_id : "none");
	return ok;
}

/* Check one want against the text and the finding that matches it. */
static bool s_check_want(const s_case *c, const memo_document *doc,
	const char *text, size_t len, const memo_finding *f, const s_want *w)
{
	size_t hl = strlen(w->head), tl = w->tail ? strlen(w->tail) : 0;
	/* the quoted text is where the offsets say */
	ck_assert_msg(w->end <= len && w->start <= w->end &&
		memcmp(text + w->start, w->head, hl) == 0 &&
		(w->tail ? w->end >= tl && w->start + hl <= w->end &&
		 memcmp(text + w->end - tl, w->tail, tl) == 0 :
		 w->end - w->start == hl),
		"%s: the text at [%llu,%llu) is not \"%s\"...\"%s\"", c->name,
		(unsigned long long)w->start, (unsigned long long)w->end,
		w->head, w->tail ? w->tail : "");
	const memo_rule *rule = memo_rule_lookup(w->rule);
	ck_assert_msg(rule != NULL, "%s: no rule %s", c->name, w->rule);
	ck_assert_int_eq(memo_rule_default_severity(rule), w->severity);
	if (!f) {
		fprintf(stderr, "%s: missing %s [%llu,%llu) \"%s\"\n", c->name,
			w->rule, (unsigned long long)w->start,
			(unsigned long long)w->end, w->head);
		return false;
	}
	bool ok = true;
	memo_range g;
	memo_finding_range(f, &g);
	if (memo_finding_severity(f) != w->severity ||
	    g.start.line != w->line || g.start.column != w->column) {
		fprintf(stderr, "%s: %s is %s at %u:%u, expected %s at %u:%u\n",
			c->name, w->rule,
			memo_severity_name(memo_finding_severity(f)),
			g.start.line, g.start.column,
			memo_severity_name(w->severity), w->line, w->column);
		ok = false;
	}
	if (w->repl && (memo_finding_replacement_count(f) == 0 ||
	    strcmp(memo_finding_replacement_at(f, 0), w->repl) != 0)) {
		fprintf(stderr, "%s: %s replacement \"%s\", expected \"%s\"\n",
			c->name, w->rule, memo_finding_replacement_count(f) ?
			memo_finding_replacement_at(f, 0) : "(none)", w->repl);
		ok = false;
	}
	/* the node that holds the finding holds its range */
	const memo_node *n = memo_finding_node(f);
	if (n) {
		memo_range nr;
		memo_node_range(n, &nr);
		if (nr.start.offset > w->start || nr.end.offset < w->end) {
			fprintf(stderr, "%s: %s node %s [%llu,%llu) does not "
				"hold the finding\n", c->name, w->rule,
				memo_node_type_name(memo_node_type(n)),
				(unsigned long long)nr.start.offset,
				(unsigned long long)nr.end.offset);
			ok = false;
		}
	}
	if (w->loc) {
		ok &= s_loc_ok(c, doc, w->start, &w->loc[0]);
		if (w->end > w->start)
			ok &= s_loc_ok(c, doc, w->end - 1, &w->loc[1]);
	}
	return ok;
}

static void s_check(const s_case *c)
{
	if (strcmp(c->rule, "spelling") == 0 && c->fire &&
	    !s_have_dictionary) {
		fprintf(stderr, "check_findings: %s skipped: no en_US hunspell "
			"dictionary (scripts/install-deps.sh installs "
			"hunspell-en-us)\n", c->name);
		return;
	}
	memo_parse_options opts = MEMO_PARSE_OPTIONS_INIT;
	opts.format = (uint32_t)c->format;
	memo_document *doc = NULL;
	int rc;
	if (c->docx) {
		size_t n = 0;
		char *zip = mkdocx(c->docx, &n);
		ck_assert_msg(zip != NULL, "%s: mkdocx failed", c->name);
		rc = memo_document_parse(&doc, zip, n, "case.docx", &opts);
		free(zip);
	} else {
		rc = memo_document_parse(&doc, c->text, strlen(c->text),
			c->format == MEMO_FORMAT_TEXT ? "case.txt" : "case.md",
			&opts);
	}
	ck_assert_msg(rc == MEMO_OK, "%s: parse: %s", c->name,
		memo_error_message(memo_error_last()));
	memo_report *rep = NULL;
	ck_assert_int_eq(memo_analyze(&rep, s_an[c->cfg], doc), MEMO_OK);
	size_t len = 0;
	const char *text = memo_document_text(doc, &len);
	size_t nf = memo_report_finding_count(rep);
	bool ok = true;
	if (c->fire) {
		for (const s_want *w = c->want; w->rule; w++) {
			const memo_finding *f = NULL;
			for (size_t i = 0; i < nf && !f; i++)
				if (s_match(memo_report_finding_at(rep, i), w))
					f = memo_report_finding_at(rep, i);
			ok &= s_check_want(c, doc, text, len, f, w);
		}
		/* no other finding of the rules named */
		for (size_t i = 0; i < nf; i++) {
			const memo_finding *f = memo_report_finding_at(rep, i);
			bool named = false, listed = false;
			for (const s_want *w = c->want; w->rule; w++) {
				named |= strcmp(memo_finding_rule_id(f),
					w->rule) == 0;
				listed |= s_match(f, w);
			}
			if (named && !listed) {
				fprintf(stderr, "%s: unexpected %s\n", c->name,
					memo_finding_rule_id(f));
				ok = false;
			}
		}
	} else {
		for (size_t i = 0; i < nf; i++) {
			const memo_finding *f = memo_report_finding_at(rep, i);
			if (strcmp(memo_finding_rule_id(f), c->rule) == 0) {
				fprintf(stderr, "%s: %s must not fire\n",
					c->name, c->rule);
				ok = false;
			}
		}
	}
	/* the document's own parse warnings have the registry's severity */
	for (size_t i = 0; i < memo_document_warning_count(doc); i++) {
		const memo_finding *f = memo_document_warning_at(doc, i);
		const memo_rule *rule = memo_rule_lookup(
			memo_finding_rule_id(f));
		if (!rule || memo_finding_severity(f) !=
		    memo_rule_default_severity(rule)) {
			fprintf(stderr, "%s: document warning %s is %s, the "
				"rule says %s\n", c->name,
				memo_finding_rule_id(f),
				memo_severity_name(memo_finding_severity(f)),
				memo_severity_name(
				memo_rule_default_severity(rule)));
			ok = false;
		}
	}
	if (!ok) {
		fprintf(stderr, "%s: findings (kind %s):\n", c->name,
			memo_report_kind(rep));
		s_dump(rep, text);
	}
	memo_report_free(rep);
	memo_document_free(doc);
	ck_assert_msg(ok, "case %s failed (details on stderr)", c->name);
}

START_TEST(test_text_case)
{
	s_check(&s_text_cases[_i]);
}
END_TEST

START_TEST(test_docx_case)
{
	s_check(&s_docx_cases[_i]);
}
END_TEST

/* Every rule the library has is tested here: a case where it fires and a
 * case where it must not. */
START_TEST(test_registry)
{
	size_t nrules = memo_rule_count();
	ck_assert_uint_ge(nrules, 45);
	bool ok = true;
	for (size_t r = 0; r < nrules; r++) {
		const char *id = memo_rule_id(memo_rule_at(r));
		size_t fire = 0, quiet = 0;
		for (size_t i = 0; i < S_NTEXT + S_NDOCX; i++) {
			const s_case *c = i < S_NTEXT ? &s_text_cases[i] :
				&s_docx_cases[i - S_NTEXT];
			if (strcmp(c->rule, id) != 0)
				continue;
			if (c->fire) {
				bool listed = false;
				for (const s_want *w = c->want; w->rule; w++)
					listed |= strcmp(w->rule, id) == 0;
				fire += listed;
			} else {
				quiet++;
			}
		}
		if (!fire || !quiet) {
			fprintf(stderr, "rule %s has %zu firing and %zu quiet "
				"cases in check_findings.c\n", id, fire, quiet);
			ok = false;
		}
	}
	/* and every case names a rule of the registry */
	for (size_t i = 0; i < S_NTEXT + S_NDOCX; i++) {
		const s_case *c = i < S_NTEXT ? &s_text_cases[i] :
			&s_docx_cases[i - S_NTEXT];
		if (!memo_rule_lookup(c->rule)) {
			fprintf(stderr, "case %s: unknown rule %s\n", c->name,
				c->rule);
			ok = false;
		}
	}
	ck_assert_msg(ok, "rules without tests (details on stderr)");
}
END_TEST

static int s_make_analyzers(void)
{
	memo_config *cfg = NULL;
	int rc = memo_analyzer_new(&s_an[S_CFG_DEFAULT], NULL);
	if (rc == MEMO_OK)
		rc = memo_config_new(&cfg);
	if (rc == MEMO_OK)
		rc = memo_config_set_int(cfg, "page.words", 50);
	if (rc == MEMO_OK)
		rc = memo_analyzer_new(&s_an[S_CFG_SMALL_PAGES], cfg);
	memo_config_free(cfg);
	if (rc != MEMO_OK)
		return rc;
	/* is the en_US dictionary there? Asking for the rule explicitly
	 * makes its absence an error (docs/spelling.md). */
	memo_analyzer *an = NULL;
	cfg = NULL;
	rc = memo_config_new(&cfg);
	if (rc == MEMO_OK)
		rc = memo_config_set_rule(cfg, "spelling",
			MEMO_SEVERITY_WARNING);
	if (rc == MEMO_OK) {
		s_have_dictionary = memo_analyzer_new(&an, cfg) == MEMO_OK;
		memo_analyzer_free(an);
	}
	memo_config_free(cfg);
	return rc;
}

int main(void)
{
	if (s_make_analyzers() != MEMO_OK) {
		fprintf(stderr, "check_findings: cannot make the analyzers: "
			"%s\n", memo_error_message(memo_error_last()));
		return EXIT_FAILURE;
	}
	Suite *s = suite_create("analyze-findings");
	TCase *tc = tcase_create("findings");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_registry);
	tcase_add_loop_test(tc, test_text_case, 0, (int)S_NTEXT);
	tcase_add_loop_test(tc, test_docx_case, 0, (int)S_NDOCX);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	for (int i = 0; i < S_CFG_COUNT; i++)
		memo_analyzer_free(s_an[i]);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
