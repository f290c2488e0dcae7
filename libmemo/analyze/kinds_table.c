/*
 * kinds_table.c - the section-heading table of the document kinds.
 *
 * A copy of data/kinds/section-headings.tsv followed by
 * data/kinds/section-headings.extra.tsv, row for row; the unit test
 * tests/kinds/check_kinds.c fails when they differ. Edit the .tsv files and
 * this table together.
 */
#include "kinds.h"

const memo__kinds_row memo__kinds_table[] = {
	/* section-headings.tsv */
	{ MEMO__KK_NARRATIVE, "narrative", "purpose",
	  "introduction|purpose|overview|summary"
	  "|executive summary|tl;dr|tldr|bluf|the ask|ask"
	  "|decision needed|decision requested|context"
	  "|background|problem|problem statement|why now" },
	{ MEMO__KK_NARRATIVE, "narrative", "tenets",
	  "tenets|our tenets"
	  "|tenets (unless you know better ones)"
	  "|guiding principles|principles" },
	{ MEMO__KK_NARRATIVE, "narrative", "state_of_business",
	  "state of the business|state of business"
	  "|current state|where we are|business review"
	  "|performance|results|how we did|year in review"
	  "|progress" },
	{ MEMO__KK_NARRATIVE, "narrative", "lessons_learned",
	  "lessons learned|lessons|what we learned|learnings"
	  "|key learnings|insights|what worked"
	  "|what didn't work|retrospective" },
	{ MEMO__KK_NARRATIVE, "narrative", "goals",
	  "goals|objectives|targets|success metrics"
	  "|key metrics|metrics|measures of success|okrs|kpis"
	  "|what success looks like" },
	{ MEMO__KK_NARRATIVE, "narrative", "strategic_priorities",
	  "strategic priorities|priorities|strategy|plan"
	  "|the plan|approach|proposal|recommendation"
	  "|recommendations|roadmap|investments|initiatives"
	  "|next steps" },
	{ MEMO__KK_NARRATIVE, "narrative", "alternatives",
	  "alternatives|alternatives considered|options"
	  "|options considered|what we considered|tradeoffs"
	  "|trade-offs|non-goals|out of scope"
	  "|what we will not do|what we are not doing" },
	{ MEMO__KK_NARRATIVE, "narrative", "risks",
	  "risks|risks and mitigations|key risks"
	  "|open questions|dependencies|assumptions|issues" },
	{ MEMO__KK_NARRATIVE, "narrative", "resources",
	  "resources|resource request|asks|headcount|budget"
	  "|cost|costs|staffing" },
	{ MEMO__KK_NARRATIVE, "narrative", "appendix",
	  "appendix|appendices|appendix a|supporting data"
	  "|data|exhibits|faq|faqs|frequently asked questions" },
	{ MEMO__KK_PRFAQ, "prfaq", "press_release",
	  "press release|pr|the press release" },
	{ MEMO__KK_PRFAQ, "prfaq", "headline",
	  "headline|heading|title" },
	{ MEMO__KK_PRFAQ, "prfaq", "subheading",
	  "subheading|subheadline|sub-heading|subtitle" },
	{ MEMO__KK_PRFAQ, "prfaq", "summary",
	  "summary|summary paragraph|opening paragraph" },
	{ MEMO__KK_PRFAQ, "prfaq", "problem",
	  "problem|the problem|customer problem"
	  "|problem paragraph" },
	{ MEMO__KK_PRFAQ, "prfaq", "solution",
	  "solution|the solution|solution paragraph"
	  "|how it works" },
	{ MEMO__KK_PRFAQ, "prfaq", "leader_quote",
	  "quote|leader quote|company quote"
	  "|spokesperson quote|internal quote" },
	{ MEMO__KK_PRFAQ, "prfaq", "getting_started",
	  "getting started|how to get started|get started"
	  "|availability|call to action|how to get it" },
	{ MEMO__KK_PRFAQ, "prfaq", "customer_quote",
	  "customer quote|customer testimonial|testimonial" },
	{ MEMO__KK_PRFAQ, "prfaq", "external_faq",
	  "external faq|external faqs|customer faq"
	  "|customer faqs|faq for customers|public faq" },
	{ MEMO__KK_PRFAQ, "prfaq", "internal_faq",
	  "internal faq|internal faqs|stakeholder faq"
	  "|stakeholder faqs|business faq"
	  "|faq for stakeholders" },
	{ MEMO__KK_COE, "coe", "summary",
	  "summary|incident summary|what happened|description"
	  "|description of problem|overview" },
	{ MEMO__KK_COE, "coe", "impact",
	  "impact|customer impact|financial impact"
	  "|business impact|what was the impact" },
	{ MEMO__KK_COE, "coe", "timeline",
	  "timeline|sequence of events|chronology" },
	{ MEMO__KK_COE, "coe", "metrics",
	  "metrics|data|data collected|graphs" },
	{ MEMO__KK_COE, "coe", "detection",
	  "detection|how was it detected|how did we notice"
	  "|incident questions|questions" },
	{ MEMO__KK_COE, "coe", "root_cause",
	  "root cause|root causes|5 whys|five whys|why"
	  "|triggering event|triggering events" },
	{ MEMO__KK_COE, "coe", "lessons",
	  "lessons learned|what we learned|errors we made"
	  "|what went well|things we did well" },
	{ MEMO__KK_COE, "coe", "action_items",
	  "action items|corrective actions|remediation"
	  "|follow-ups|next steps|owners" },
	{ MEMO__KK_COE, "coe", "related",
	  "related items|related|references|tickets" },
	{ MEMO__KK_WBR, "wbr", "highlights",
	  "highlights|wins|callouts|key callouts" },
	{ MEMO__KK_WBR, "wbr", "lowlights",
	  "lowlights|misses|concerns|issues" },
	{ MEMO__KK_WBR, "wbr", "inputs",
	  "controllable inputs|input metrics|inputs" },
	{ MEMO__KK_WBR, "wbr", "outputs",
	  "output metrics|outputs|results" },
	{ MEMO__KK_WBR, "wbr", "variance",
	  "variance|vs plan|vs. plan|vs target|bridge"
	  "|deep dive|deep dives" },
	{ MEMO__KK_WBR, "wbr", "anecdotes",
	  "anecdotes|customer anecdotes|voice of the customer"
	  "|voc" },
	{ MEMO__KK_ONE_PAGER, "one_pager", "purpose",
	  "purpose|executive summary|summary|bluf" },
	{ MEMO__KK_ONE_PAGER, "one_pager", "background",
	  "background|context|problem" },
	{ MEMO__KK_ONE_PAGER, "one_pager", "opportunity",
	  "opportunity|proposal|recommendation" },
	{ MEMO__KK_ONE_PAGER, "one_pager", "next_steps",
	  "next steps|ask|asks|decision needed" },
	/* section-headings.extra.tsv */
	{ MEMO__KK_PRFAQ, "prfaq", "press_release",
	  "working backwards|working backwards document"
	  "|working backwards press release|pr/faq|pr-faq"
	  "|pr faq|prfaq|press release and faq"
	  "|draft press release" },
	{ MEMO__KK_DECISION, "decision", "status",
	  "status|decision status" },
	{ MEMO__KK_DECISION, "decision", "context",
	  "context|background|problem|problem statement"
	  "|context and problem statement|situation"
	  "|the problem|why now|issue|the issue" },
	{ MEMO__KK_DECISION, "decision", "drivers",
	  "decision drivers|drivers|criteria"
	  "|decision criteria|evaluation criteria|assumptions"
	  "|constraints" },
	{ MEMO__KK_DECISION, "decision", "options",
	  "options|options considered|considered options"
	  "|alternatives|alternatives considered|choices"
	  "|the options|positions" },
	{ MEMO__KK_DECISION, "decision", "decision",
	  "decision|the decision|our decision"
	  "|decision outcome|proposed decision|recommendation"
	  "|recommended option|our recommendation"
	  "|decision needed|decision requested" },
	{ MEMO__KK_DECISION, "decision", "rationale",
	  "rationale|argument|justification|why this option" },
	{ MEMO__KK_DECISION, "decision", "consequences",
	  "consequences|implications|trade-offs|tradeoffs"
	  "|pros and cons|pros and cons of the options"
	  "|what we give up|what we are giving up|costs|cost" },
	{ MEMO__KK_DECISION, "decision", "reversibility",
	  "reversibility|one-way door|two-way door"
	  "|one-way or two-way door|is it reversible"
	  "|is this reversible|type 1 or type 2|reversible" },
};

const size_t memo__kinds_table_count =
	sizeof memo__kinds_table / sizeof *memo__kinds_table;
