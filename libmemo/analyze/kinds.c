/*
 * kinds.c - document kinds: which kind a document is (configuration,
 * front matter, or detection from headings and signals), the kind's
 * template (expected sections, order, page budget) and the structure.*
 * findings. The prfaq.*, narrative.* and coe.* rules are in
 * kinds_rules.c; the text signals in kinds_text.c. See docs/kinds.md.
 */
#include <fnmatch.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kinds.h"

/* ---- templates ---------------------------------------------------------- */

typedef struct s_tsec {
	const char *section;   /* canonical name in the heading table */
	const char *display;   /* for messages */
	bool required;
	int rank;              /* expected order: lower first, equal = free,
	                          negative = anywhere */
} s_tsec;

typedef struct s_template {
	const char *kind;      /* public name */
	memo__kk kk;           /* its rows in the heading table */
	const s_tsec *secs;
	size_t nsecs;
	double budget;         /* pages of body; 0 = none */
} s_template;

static const s_tsec s_narrative[] = {
	{ "purpose", "Purpose (introduction)", true, 0 },
	{ "tenets", "Tenets", false, 1 },
	{ "goals", "Goals", true, 2 },
	{ "state_of_business", "State of the business", false, 2 },
	{ "lessons_learned", "Lessons learned", false, 2 },
	{ "strategic_priorities", "Strategic priorities (the plan)", true, 2 },
	{ "alternatives", "Alternatives", false, 2 },
	{ "risks", "Risks", false, 2 },
	{ "resources", "Resources", false, 2 },
	{ "appendix", "Appendix", false, 3 },
};

/* press_release, external_faq and internal_faq are found by the PR and
 * FAQ analysis, the PR elements only inside the press release. */
static const s_tsec s_prfaq[] = {
	{ "press_release", "Press release", true, 0 },
	{ "headline", "Headline", false, 1 },
	{ "subheading", "Subheading", false, 2 },
	{ "summary", "Summary paragraph", false, 3 },
	{ "problem", "Problem", false, 4 },
	{ "solution", "Solution", false, 5 },
	{ "leader_quote", "Leader quote", false, 6 },
	{ "getting_started", "Getting started", false, 7 },
	{ "customer_quote", "Customer quote", false, 8 },
	{ "external_faq", "External (customer) FAQ", true, 9 },
	{ "internal_faq", "Internal (stakeholder) FAQ", true, 10 },
};

static const s_tsec s_one_pager[] = {
	{ "purpose", "Purpose", true, 0 },
	{ "background", "Background", false, 1 },
	{ "opportunity", "Opportunity (proposal)", true, 2 },
	{ "next_steps", "Next steps (the ask)", true, 3 },
};

static const s_tsec s_decision[] = {
	{ "status", "Status", false, -1 },
	{ "context", "Context", true, 1 },
	{ "drivers", "Decision drivers", false, 2 },
	{ "options", "Options considered", true, 3 },
	{ "decision", "Decision (recommendation)", true, -1 },
	{ "rationale", "Rationale", false, 5 },
	{ "consequences", "Consequences (what is given up)", false, 6 },
	{ "reversibility", "Reversibility", false, 6 },
};

static const s_tsec s_coe[] = {
	{ "summary", "Summary (what happened)", true, 0 },
	{ "impact", "Impact", true, 1 },
	{ "timeline", "Timeline", false, 2 },
	{ "metrics", "Metrics (data)", false, 2 },
	{ "detection", "Detection", false, 2 },
	{ "root_cause", "Root cause (five whys)", true, 3 },
	{ "lessons", "Lessons learned", false, 4 },
	{ "action_items", "Action items", true, 5 },
	{ "related", "Related items", false, 6 },
};

static const s_tsec s_metrics[] = {
	{ "highlights", "Highlights", true, 0 },
	{ "lowlights", "Lowlights", true, 1 },
	{ "inputs", "Controllable input metrics", false, 2 },
	{ "outputs", "Output metrics", false, 3 },
	{ "variance", "Variance (vs plan)", false, 4 },
	{ "anecdotes", "Customer anecdotes", false, 4 },
};

#define T(k, kk, a, b) { k, kk, a, sizeof a / sizeof *a, b }
static const s_template s_templates[] = {
	T("narrative", MEMO__KK_NARRATIVE, s_narrative, 6),
	T("prfaq", MEMO__KK_PRFAQ, s_prfaq, 6),      /* PR 1 + FAQ 5 */
	T("one-pager", MEMO__KK_ONE_PAGER, s_one_pager, 1),
	T("decision", MEMO__KK_DECISION, s_decision, 6),
	T("coe", MEMO__KK_COE, s_coe, 0),
	T("metrics", MEMO__KK_WBR, s_metrics, 0),
};
#undef T

/* Sections that make a kind likely (count double in detection). */
static bool s_key_section(memo__kk kk, const char *sec)
{
	static const char *const keys[MEMO__KK_COUNT][5] = {
		[MEMO__KK_NARRATIVE] = { "tenets", "state_of_business",
			"lessons_learned", "strategic_priorities", NULL },
		[MEMO__KK_COE] = { "impact", "root_cause", "action_items",
			NULL },
		[MEMO__KK_WBR] = { "highlights", "lowlights", NULL },
		[MEMO__KK_ONE_PAGER] = { "opportunity", "next_steps", NULL },
		[MEMO__KK_DECISION] = { "decision", "consequences",
			"reversibility", "drivers", NULL },
	};
	for (size_t i = 0; i < 5 && keys[kk][i]; i++)
		if (strcmp(keys[kk][i], sec) == 0)
			return true;
	return false;
}

/* ---- the outline -------------------------------------------------------- */

void memo__kinds_para_range(const memo_report *r, const memo_node *n,
	size_t *first, size_t *last)
{
	size_t lo = 0, hi = r->nparas;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->paras[mid].node->start < n->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t k = lo;
	while (k < r->nparas) {
		const memo_node *p = r->paras[k].node;
		while (p && p != n)
			p = p->parent;
		if (!p)
			break;
		k++;
	}
	*first = lo;
	*last = k;
}

static bool s_is_appendix_title(const char *t, size_t len)
{
	static const char *const prefixes[] = { "appendix", "appendices",
		"annex", "annexe", "addendum" };
	while (len && (*t == ' ' || *t == '\t'))
		t++, len--;
	/* each starts with an 'a' and has five letters or more */
	if (len < 5 || (*t | 0x20) != 'a')
		return false;
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);
		if (len >= n && strncasecmp(t, prefixes[i], n) == 0 &&
		    (len == n || !((t[n] | 0x20) >= 'a' && (t[n] | 0x20) <= 'z')))
			return true;
	}
	return false;
}

static int s_add_sec(memo__kctx *k, const memo_node *n)
{
	if (k->nsecs == k->capsecs) {
		size_t cap = k->capsecs ? k->capsecs * 2 : 32;
		memo__ksec *v = memo__realloc(k->secs, cap * sizeof *v);
		if (!v)
			return memo__error_oom();
		k->secs = v;
		k->capsecs = cap;
	}
	memo__ksec *s = &k->secs[k->nsecs];
	memset(s, 0, sizeof *s);
	s->node = n;
	s->heading = n->first && n->first->type == MEMO_NODE_HEADING ?
		n->first : NULL;
	size_t tl = 0;
	const char *title = memo_node_title(n, &tl);
	s->title = title ? title : "";
	s->title_len = title ? tl : 0;
	memo__kinds_normalize(s->norm, sizeof s->norm, s->title, s->title_len);
	s->level = n->level;
	s->parent = -1;
	s->in_faq = -1;
	if (n->parent && n->parent->type == MEMO_NODE_SECTION)
		s->parent = memo__kinds_sec_of(k, n->parent);
	const memo__ksec *p = s->parent >= 0 ? &k->secs[s->parent] : NULL;
	s->appendix = (p && p->appendix) ||
		s_is_appendix_title(s->title, s->title_len);
	s->question = memo__kinds_is_question(s->title, s->title_len);
	if (p)
		s->in_faq = p->faq ? s->parent : p->in_faq;
	if (!s->question) {
		s->faq = memo__kinds_faq_class(s->norm);
		if (!s->faq && p && p->faq)
			s->faq = memo__kinds_faq_audience(s->norm);
	}
	/* the document title ("# Proposal: ...") is no template section;
	 * it may still label a PR/FAQ ("# PR/FAQ: ...") */
	const char *dt = memo_document_title(k->doc);
	bool is_title = k->nsecs == 0 && s->level == 1 && dt &&
		strlen(dt) == s->title_len &&
		memcmp(dt, s->title, s->title_len) == 0;
	int rows[MEMO__KK_COUNT];
	if (s->in_faq >= 0 || s->faq)
		for (int kk = 0; kk < MEMO__KK_COUNT; kk++)
			rows[kk] = -1;
	else
		memo__kinds_lookup_all(s->norm, rows);
	for (int kk = 0; kk < MEMO__KK_COUNT; kk++)
		s->row[kk] = is_title && kk != MEMO__KK_PRFAQ ? -1 : rows[kk];
	memo__kinds_para_range(k->r, n, &s->para_first, &s->para_last);
	k->nsecs++;
	return MEMO_OK;
}

static int s_outline(memo__kctx *k)
{
	const memo_node *root = k->doc->root;
	const memo_node *n = root->first;
	int rc;
	while (n) {
		if (n->type == MEMO_NODE_SECTION) {
			if ((rc = s_add_sec(k, n)) != 0)
				return rc;
			if (n->first) {
				n = n->first;
				continue;
			}
		}
		while (!n->next) {
			n = n->parent;
			if (!n || n == root)
				return MEMO_OK;
		}
		n = n->next;
	}
	return MEMO_OK;
}

int memo__kinds_find(const memo__kctx *k, memo__kk kk, const char *section)
{
	bool appendix = strcmp(section, "appendix") == 0;
	for (size_t i = 0; i < k->nsecs; i++) {
		const memo__ksec *s = &k->secs[i];
		if (s->row[kk] < 0 || (s->appendix && !appendix))
			continue;
		if (strcmp(memo__kinds_table[s->row[kk]].section, section) == 0)
			return (int)i;
	}
	return -1;
}

/* Index of the innermost section holding node n, or -1. Sections are
 * recorded in document order, so their start offsets are sorted. */
int memo__kinds_sec_of(const memo__kctx *k, const memo_node *n)
{
	while (n && n->type != MEMO_NODE_SECTION)
		n = n->parent;
	if (!n)
		return -1;
	size_t lo = 0, hi = k->nsecs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (k->secs[mid].node->start < n->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < k->nsecs && k->secs[i].node->start ==
	     n->start; i++)
		if (k->secs[i].node == n)
			return (int)i;
	return -1;
}

#define s_sec_of memo__kinds_sec_of

static bool s_in_faq(const memo__kctx *k, const memo_node *n)
{
	int s = s_sec_of(k, n);
	return s >= 0 && (k->secs[s].faq || k->secs[s].in_faq >= 0);
}

/* ---- the press release and the FAQ -------------------------------------- */

static int s_pr_push(memo__kctx *k, size_t para)
{
	if (k->npr == k->cappr) {
		size_t cap = k->cappr ? k->cappr * 2 : 32;
		size_t *v = memo__realloc(k->pr_paras, cap * sizeof *v);
		if (!v)
			return memo__error_oom();
		k->pr_paras = v;
		k->cappr = cap;
	}
	k->pr_paras[k->npr++] = para;
	return MEMO_OK;
}

/* The "Working Backwards" / "PR/FAQ" rows label a whole document; the
 * press release itself is the main table's press_release row. */
static bool s_is_label_row(int row)
{
	return row >= 0 && strstr(memo__kinds_table[row].variants,
		"working backwards") != NULL;
}

static int s_press_release(memo__kctx *k)
{
	memo_report *r = k->r;
	int rc;
	k->pr_sec = -1;
	k->dateline_para = -1;
	int label = -1;
	for (size_t i = 0; i < k->nsecs && k->pr_sec < 0; i++) {
		const memo__ksec *s = &k->secs[i];
		int row = s->row[MEMO__KK_PRFAQ];
		if (s->appendix || row < 0 || strcmp(memo__kinds_table[row].section,
			"press_release") != 0)
			continue;
		if (s_is_label_row(row)) {
			if (label < 0)
				label = (int)i;
		} else {
			k->pr_sec = (int)i;
		}
	}
	if (k->pr_sec < 0 && label >= 0) {
		k->pr_sec = label;
		k->pr_label = true;
	}
	size_t first = 0, last = r->nparas;
	if (k->pr_sec >= 0) {
		first = k->secs[k->pr_sec].para_first;
		last = k->secs[k->pr_sec].para_last;
	} else if (k->first_faq >= 0) {
		last = k->secs[k->first_faq].para_first;
	}
	for (size_t i = first; i < last; i++) {
		/* with no FAQ container no section is in an FAQ */
		if (r->paras[i].appendix || (k->first_faq >= 0 &&
		    s_in_faq(k, r->paras[i].node)))
			continue;
		if ((rc = s_pr_push(k, i)) != 0)
			return rc;
	}
	/* signals: a dateline in the first paragraphs, attributed quotes */
	for (size_t i = 0; i < k->npr && i < 3; i++) {
		const memo_node *n = r->paras[k->pr_paras[i]].node;
		if (memo__kinds_dateline(n->text, n->text_len, NULL)) {
			k->dateline_para = (int)i;
			break;
		}
	}
	for (size_t i = 0; i < k->npr; i++) {
		const memo_node *n = r->paras[k->pr_paras[i]].node;
		size_t room = sizeof k->quotes / sizeof *k->quotes;
		size_t have = k->nquotes < room ? k->nquotes : room;
		size_t got = memo__kinds_quotes(n->text, n->text_len,
			k->quotes + have, room - have);
		for (size_t q = have; q < room && q < have + got; q++)
			k->quote_para[q] = k->pr_paras[i];
		k->nquotes += got;
	}
	/* PR element headings: quote and subheading headings anywhere, the
	 * other elements inside the press release */
	bool seen[MEMO__KINDS_MAX_ROWS] = { false };
	for (size_t i = 0; i < k->nsecs; i++) {
		const memo__ksec *s = &k->secs[i];
		int row = s->row[MEMO__KK_PRFAQ];
		if (row < 0 || s->appendix || row >= MEMO__KINDS_MAX_ROWS ||
		    seen[row])
			continue;
		const char *sec = memo__kinds_table[row].section;
		if (strcmp(sec, "press_release") == 0)
			continue;
		bool inside = false;
		for (int p = (int)i; p >= 0; p = k->secs[p].parent)
			inside |= p == k->pr_sec && p != (int)i;
		bool anywhere = strcmp(sec, "leader_quote") == 0 ||
			strcmp(sec, "customer_quote") == 0 ||
			strcmp(sec, "subheading") == 0;
		if (inside || anywhere) {
			seen[row] = true;
			k->pr_elements++;
		}
	}
	return MEMO_OK;
}

bool memo__kinds_faq_lead(const memo__kctx *k, const memo_node *n,
	size_t *qlen)
{
	const char *t = n->text;
	size_t len = n->text_len;
	if (len >= 2 && (t[0] == 'Q' || t[0] == 'q') &&
	    (t[1] == ':' || t[1] == '.' || t[1] == ')')) {
		size_t e = 0;
		while (e < len && t[e] != '\n')
			e++;
		/* "Q: ... A: ..." on one line */
		for (size_t i = 2; i + 2 < e; i++)
			if (t[i] == ' ' && (t[i + 1] == 'A') && t[i + 2] == ':') {
				e = i;
				break;
			}
		*qlen = e;
		return true;
	}
	if (len >= 9 && strncasecmp(t, "question:", 9) == 0) {
		size_t e = 0;
		while (e < len && t[e] != '\n')
			e++;
		*qlen = e;
		return true;
	}
	/* Markdown bold lead: the source starts with ** or __ */
	if (n->start + 2 <= k->text_len && (memcmp(k->text + n->start, "**",
		2) == 0 || memcmp(k->text + n->start, "__", 2) == 0)) {
		const char *src = k->text + n->start + 2;
		size_t rest = (size_t)(n->end - n->start) - 2;
		const char *close = NULL;
		for (size_t i = 0; i + 1 < rest; i++)
			if (src[i] == k->text[n->start] &&
			    src[i + 1] == k->text[n->start]) {
				close = src + i;
				break;
			}
		if (!close)
			return false;
		size_t bl = (size_t)(close - src);
		/* find the bold text in the plain text */
		*qlen = bl <= len ? bl : len;
		return true;
	}
	return false;
}

static void s_faq(memo__kctx *k)
{
	memo_report *r = k->r;
	k->first_faq = k->faq_ext = k->faq_int = k->faq_generic = -1;
	for (size_t i = 0; i < k->nsecs; i++) {
		const memo__ksec *s = &k->secs[i];
		if (!s->faq)
			continue;
		if (k->first_faq < 0)
			k->first_faq = (int)i;
		int *slot = s->faq == MEMO__FAQ_INTERNAL ? &k->faq_int :
			s->faq == MEMO__FAQ_EXTERNAL ? &k->faq_ext :
			&k->faq_generic;
		if (*slot < 0)
			*slot = (int)i;
		/* entries: child sections that are not FAQ containers (the
		 * descendants of a section follow it) */
		size_t children = 0;
		uint64_t end = s->node->end;
		for (size_t j = i + 1; j < k->nsecs &&
		     k->secs[j].node->start < end; j++) {
			const memo__ksec *c = &k->secs[j];
			if (c->parent != (int)i || c->faq)
				continue;
			children++;
			k->faq_entries++;
			k->faq_questions += c->question;
		}
		bool sub = i + 1 < k->nsecs && k->secs[i + 1].parent == (int)i;
		if (children || sub)
			continue;
		for (size_t p = s->para_first; p < s->para_last; p++) {
			size_t ql;
			const memo_node *n = r->paras[p].node;
			if (!memo__kinds_faq_lead(k, n, &ql))
				continue;
			k->faq_entries++;
			k->faq_questions += memo__kinds_is_question(n->text, ql);
		}
	}
}

/* ---- detection ---------------------------------------------------------- */

/* Pages of the body, summed over its paragraphs when first asked for. */
static double s_body_pages(memo__kctx *k)
{
	if (!k->body_pages_set) {
		double pages = 0;
		memo_report_part_metric(k->r, MEMO_PART_BODY, "pages", &pages);
		k->body_pages = pages;
		k->body_pages_set = true;
	}
	return k->body_pages;
}

static bool s_body_has(const memo__kctx *k, const char *const *phrases)
{
	for (size_t i = 0; i < k->r->nparas; i++) {
		const memo__para *p = &k->r->paras[i];
		if (!p->appendix && memo__kinds_has_phrase(p->node->text,
			p->node->text_len, phrases))
			return true;
	}
	return false;
}

static const char *s_detect(memo__kctx *k)
{
	/* the PR/FAQ: a press release and an FAQ */
	int pr = 0;
	if (k->pr_sec >= 0)
		pr += strcmp(k->secs[k->pr_sec].norm, "pr") == 0 ? 2 : 3;
	if (k->dateline_para >= 0)
		pr += 2;
	pr += k->nquotes >= 2 ? 2 : (int)k->nquotes;
	pr += k->pr_elements >= 2 ? 2 : k->pr_elements;
	int faq = (k->first_faq >= 0) + (k->faq_ext >= 0) +
		(k->faq_int >= 0) + (k->faq_questions >= 3);
	k->pr_evidence = pr;
	k->prfaq_score = pr + faq;
	if (k->prfaq_score >= 3 && (pr >= 2 || k->faq_int >= 0))
		return "prfaq";

	/* the other kinds: their sections, key sections double */
	for (int kk = 0; kk < MEMO__KK_COUNT; kk++) {
		if (kk == MEMO__KK_PRFAQ)
			continue;
		bool seen[MEMO__KINDS_MAX_ROWS] = { false };
		int score = 0, keys = 0;
		for (size_t i = 0; i < k->nsecs; i++) {
			const memo__ksec *s = &k->secs[i];
			int row = s->row[kk];
			if (row < 0 || row >= MEMO__KINDS_MAX_ROWS || seen[row])
				continue;
			const char *sec = memo__kinds_table[row].section;
			if (s->appendix && strcmp(sec, "appendix") != 0)
				continue;
			/* two rows may name one section (extra file) */
			bool dup = false;
			for (size_t o = 0; o < memo__kinds_table_count && !dup;
			     o++)
				dup = seen[o] && memo__kinds_table[o].kind ==
					(memo__kk)kk && strcmp(
					memo__kinds_table[o].section, sec) == 0;
			seen[row] = true;
			if (dup)
				continue;
			bool key = s_key_section((memo__kk)kk, sec);
			score += key ? 2 : 1;
			keys += key;
		}
		/* a COE names its root cause, or two of impact, root cause
		 * and action items */
		bool root = false;
		for (size_t o = 0; o < memo__kinds_table_count; o++)
			root |= seen[o] && memo__kinds_table[o].kind ==
				(memo__kk)kk && strcmp(memo__kinds_table[o].section,
				"root_cause") == 0;
		if (keys == 0 || (kk == MEMO__KK_COE && !root && keys < 2)) {
			k->score[kk] = 0;
			continue;
		}
		static const char *const coe_words[] = { "five whys", "5 whys",
			"postmortem", "post-mortem", "correction of error*",
			"outage", "incident", NULL };
		static const char *const wbr_words[] = { "wow", "yoy",
			"week over week", "week-over-week", "year over year",
			"year-over-year", "vs plan", "vs. plan", "versus plan",
			NULL };
		static const char *const door_words[] = { "one-way door",
			"two-way door", "one way door", "two way door",
			"irreversible", "reversible", NULL };
		const char *title = memo_document_title(k->doc);
		if (!title && k->nsecs)
			title = k->secs[0].title;
		if (kk == MEMO__KK_COE && ((title && memo__kinds_has_phrase(
			title, strlen(title), coe_words)) ||
		    s_body_has(k, coe_words)))
			score++;
		if (kk == MEMO__KK_WBR && s_body_has(k, wbr_words))
			score++;
		if (kk == MEMO__KK_DECISION && s_body_has(k, door_words))
			score++;
		if (kk == MEMO__KK_ONE_PAGER && s_body_pages(k) > 1.5)
			score = 0;
		k->score[kk] = score;
	}
	/* best score of at least 4; ties go to the more specific kind */
	static const struct { memo__kk kk; const char *kind; } order[] = {
		{ MEMO__KK_COE, "coe" }, { MEMO__KK_WBR, "metrics" },
		{ MEMO__KK_DECISION, "decision" },
		{ MEMO__KK_ONE_PAGER, "one-pager" },
		{ MEMO__KK_NARRATIVE, "narrative" },
	};
	const char *best = "generic";
	int best_score = 3;
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		if (k->score[order[i].kk] > best_score) {
			best_score = k->score[order[i].kk];
			best = order[i].kind;
		}
	return best;
}

/* ---- configuration and front matter ------------------------------------- */

static bool s_glob_match(const char *glob, const char *name,
	const char *dir)
{
	if (!strchr(glob, '/')) {
		const char *base = strrchr(name, '/');
		return fnmatch(glob, base ? base + 1 : name, 0) == 0;
	}
	if (fnmatch(glob, name, FNM_PATHNAME) == 0)
		return true;
	size_t dl = dir ? strlen(dir) : 0;
	if (dl && strncmp(name, dir, dl) == 0 && name[dl] == '/' &&
	    fnmatch(glob, name + dl + 1, FNM_PATHNAME) == 0)
		return true;
	/* a relative glob matches the trailing components of the name */
	if (glob[0] != '/')
		for (const char *p = strchr(name, '/'); p; p = strchr(p + 1,
			'/'))
			if (fnmatch(glob, p + 1, FNM_PATHNAME) == 0)
				return true;
	return false;
}

static void s_choose_kind(memo__kctx *k)
{
	memo_report *r = k->r;
	const memo_config *cfg = r->an ? r->an->cfg : NULL;
	const char *name = memo_document_name(k->doc);
	/* configuration: a glob for this file (the last one wins), then
	 * the "kind" setting */
	if (cfg && name) {
		for (size_t i = cfg->nglobs; i-- > 0;) {
			const char *kind = memo__kind_canonical(
				cfg->globs[i].kind);
			if (kind && s_glob_match(cfg->globs[i].glob, name,
				cfg->dir)) {
				r->kind = kind;
				r->kind_source = "config";
				return;
			}
		}
	}
	if (cfg && cfg->strings[MEMO__CFGS_KIND]) {
		const char *kind = memo__kind_canonical(
			cfg->strings[MEMO__CFGS_KIND]);
		if (kind) {
			r->kind = kind;
			r->kind_source = "config";
			return;
		}
	}
	const char *declared = memo__kinds_alias(
		memo_document_declared_kind(k->doc));
	if (declared) {
		r->kind = declared;
		r->kind_source = "front-matter";
		return;
	}
	r->kind = memo__kind_canonical(s_detect(k));
	r->kind_source = "detected";
}

/* ---- template checks ---------------------------------------------------- */

typedef struct s_found {
	size_t t;              /* index in the template */
	uint64_t pos;          /* where it starts */
	uint64_t end;          /* where it ends */
	const memo_node *node;
} s_found;

static const s_template *s_template_of(const char *kind)
{
	for (size_t i = 0; i < sizeof s_templates / sizeof *s_templates; i++)
		if (strcmp(s_templates[i].kind, kind) == 0)
			return &s_templates[i];
	return NULL;
}

/* Where template section t is in the document: a section, or for the
 * PR/FAQ the press release and FAQ found by their analysis. */
static bool s_locate(const memo__kctx *k, const s_template *tp, size_t t,
	s_found *f)
{
	const char *sec = tp->secs[t].section;
	int idx = -1;
	f->t = t;
	if (tp->kk == MEMO__KK_PRFAQ) {
		if (strcmp(sec, "press_release") == 0) {
			if (k->pr_sec >= 0) {
				idx = k->pr_sec;
			} else if (k->npr && (k->dateline_para >= 0 ||
			           k->nquotes > 0)) {
				const memo_report *r = k->r;
				f->node = r->paras[k->pr_paras[0]].node;
				f->pos = f->node->start;
				f->end = r->paras[k->pr_paras[k->npr - 1]].node->end;
				return true;
			}
		} else if (strcmp(sec, "external_faq") == 0) {
			idx = k->faq_ext >= 0 ? k->faq_ext : k->faq_generic;
		} else if (strcmp(sec, "internal_faq") == 0) {
			idx = k->faq_int;
		} else if (k->pr_sec >= 0) {
			/* a PR element heading inside the press release */
			for (size_t i = 0; i < k->nsecs && idx < 0; i++) {
				const memo__ksec *s = &k->secs[i];
				int row = s->row[MEMO__KK_PRFAQ];
				bool inside = false;
				for (int p = s->parent; p >= 0;
				     p = k->secs[p].parent)
					inside |= p == k->pr_sec;
				if (inside && row >= 0 && strcmp(
					memo__kinds_table[row].section, sec) == 0)
					idx = (int)i;
			}
		}
	} else {
		idx = memo__kinds_find(k, tp->kk, sec);
	}
	if (idx < 0)
		return false;
	f->node = k->secs[idx].node;
	f->pos = f->node->start;
	f->end = f->node->end;
	return true;
}

static int s_cmp_found(const void *a, const void *b)
{
	const s_found *x = a, *y = b;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int s_order(memo__kctx *k, const s_template *tp, s_found *f,
	size_t nf)
{
	if (nf < 2)
		return MEMO_OK;
	qsort(f, nf, sizeof *f, s_cmp_found);
	/* longest run in document order whose ranks never decrease; the
	 * sections outside it are out of order */
	size_t len[64], prev[64];
	size_t best = 0;
	for (size_t i = 0; i < nf; i++) {
		len[i] = 1;
		prev[i] = SIZE_MAX;
		for (size_t j = 0; j < i; j++)
			if (tp->secs[f[j].t].rank <= tp->secs[f[i].t].rank &&
			    len[j] + 1 > len[i]) {
				len[i] = len[j] + 1;
				prev[i] = j;
			}
		if (len[i] > len[best])
			best = i;
	}
	bool keep[64] = { false };
	for (size_t i = best; i != SIZE_MAX; i = prev[i])
		keep[i] = true;
	int rc;
	for (size_t i = 0; i < nf; i++) {
		if (keep[i])
			continue;
		int rank = tp->secs[f[i].t].rank;
		/* name a kept section it should come before or after */
		const char *other = NULL;
		bool before = true;
		for (size_t j = 0; j < i && !other; j++)
			if (keep[j] && tp->secs[f[j].t].rank > rank)
				other = tp->secs[f[j].t].display;
		for (size_t j = nf; !other && j-- > i + 1;)
			if (keep[j] && tp->secs[f[j].t].rank < rank) {
				other = tp->secs[f[j].t].display;
				before = false;
			}
		if (!other)
			continue;
		if ((rc = memo__report_add_finding(k->r, MEMO__R_STRUCTURE_ORDER,
			f[i].pos, f[i].end, f[i].node, NULL,
			"'%s' should come %s '%s' in a %s", tp->secs[f[i].t].display,
			before ? "before" : "after", other, tp->kind)) != 0)
			return rc;
	}
	return MEMO_OK;
}

static int s_template_checks(memo__kctx *k, const s_template *tp)
{
	s_found f[64], found_at[64];
	bool have[64] = { false };
	size_t nf = 0, required = 0, present = 0;
	int rc;
	for (size_t t = 0; t < tp->nsecs && t < 64; t++) {
		s_found x;
		memset(&x, 0, sizeof x);
		if (s_locate(k, tp, t, &x)) {
			have[t] = true;
			found_at[t] = x;
			if (tp->secs[t].rank >= 0)
				f[nf++] = x;
		}
		if (tp->secs[t].required) {
			required++;
			present += have[t];
		}
	}
	k->r->template_coverage = required ? (double)present /
		(double)required : 1.0;
	/* missing sections: a zero-length range where they belong, after
	 * the nearest expected section before them */
	for (size_t t = 0; t < tp->nsecs && t < 64; t++) {
		if (!tp->secs[t].required || have[t])
			continue;
		/* the PR/FAQ's FAQs have rules of their own */
		if (tp->kk == MEMO__KK_PRFAQ && t > 0)
			continue;
		uint64_t at = 0;
		for (size_t p = t; p-- > 0;)
			if (have[p]) {
				at = found_at[p].end;
				break;
			}
		if ((rc = memo__report_add_finding(k->r,
			MEMO__R_STRUCTURE_MISSING_SECTION, at, at, k->doc->root,
			NULL, "a %s has a section '%s'; this document has none",
			tp->kind, tp->secs[t].display)) != 0)
			return rc;
	}
	return s_order(k, tp, f, nf);
}

/* The innermost node that holds both a and b (memo_finding_node() holds
 * the finding's whole range). */
static const memo_node *s_holder(const memo_node *a, const memo_node *b)
{
	for (const memo_node *x = a; x; x = x->parent)
		for (const memo_node *y = b; y; y = y->parent)
			if (x == y)
				return x;
	return a;
}

/* structure.length: the body (narrative, decision, one-pager), or the
 * press release and the FAQ apart (PR/FAQ). */
static int s_length(memo__kctx *k, const s_template *tp)
{
	memo_report *r = k->r;
	double pw = r->page_words > 0 ? r->page_words : 500;
	int rc;
	if (tp->kk == MEMO__KK_PRFAQ) {
		double w = 0;
		for (size_t i = 0; i < k->npr; i++)
			w += r->paras[k->pr_paras[i]].c.words;
		if (k->npr && w / pw > 1.0) {
			const memo_node *n = k->pr_sec >= 0 ?
				k->secs[k->pr_sec].node :
				r->paras[k->pr_paras[0]].node;
			const memo_node *last = k->pr_sec >= 0 ? n :
				r->paras[k->pr_paras[k->npr - 1]].node;
			if ((rc = memo__report_add_finding(r,
				MEMO__R_STRUCTURE_LENGTH, n->start, last->end,
				s_holder(n, last), NULL,
				"the press release runs %.1f pages (budget 1 "
				"page at %g words a page)", w / pw, pw)) != 0)
				return rc;
		}
		/* the FAQ: top FAQ containers outside the appendix */
		w = 0;
		const memo_node *fn = NULL, *fl = NULL;
		for (size_t i = 0; i < k->nsecs; i++) {
			const memo__ksec *s = &k->secs[i];
			if (!s->faq || s->in_faq >= 0 || s->appendix)
				continue;
			double v = 0;
			memo_report_metric(r, s->node, "words", &v);
			w += v;
			if (!fn)
				fn = s->node;
			fl = s->node;
		}
		if (fn && w / pw > 5.0 &&
		    (rc = memo__report_add_finding(r, MEMO__R_STRUCTURE_LENGTH,
			fn->start, fl->end, s_holder(fn, fl), NULL,
			"the FAQ runs %.1f pages (budget 5 pages at %g words "
			"a page)", w / pw, pw)) != 0)
			return rc;
		return MEMO_OK;
	}
	if (tp->budget <= 0 || s_body_pages(k) <= tp->budget)
		return MEMO_OK;
	/* the paragraph where the budget runs out, to the end of the body */
	double limit = tp->budget * pw, acc = 0;
	size_t at = SIZE_MAX, lastp = SIZE_MAX;
	for (size_t i = 0; i < r->nparas; i++) {
		if (r->paras[i].appendix)
			continue;
		acc += r->paras[i].c.words;
		if (at == SIZE_MAX && acc > limit)
			at = i;
		lastp = i;
	}
	if (at == SIZE_MAX)
		return MEMO_OK;
	return memo__report_add_finding(r, MEMO__R_STRUCTURE_LENGTH,
		r->paras[at].node->start, r->paras[lastp].node->end,
		s_holder(r->paras[at].node, r->paras[lastp].node), NULL,
		"the body runs %.1f pages (budget %g at %g words a page; the "
		"appendix does not count): the budget "
		"runs out here", k->body_pages, tp->budget, pw);
}

/* structure.bullets: each outermost list of a narrative body, except in
 * the appendix and the tenets. */
static int s_bullets(memo__kctx *k)
{
	const memo_node *root = k->doc->root;
	const memo_node *n = root->first;
	int rc;
	while (n) {
		if (n->type == MEMO_NODE_LIST) {
			int s = s_sec_of(k, n);
			bool skip = s >= 0 && k->secs[s].appendix;
			for (int p = s; p >= 0 && !skip; p = k->secs[p].parent) {
				int row = k->secs[p].row[MEMO__KK_NARRATIVE];
				skip = row >= 0 && strcmp(memo__kinds_table[row]
					.section, "tenets") == 0;
			}
			if (!skip && (rc = memo__report_add_finding(k->r,
				MEMO__R_STRUCTURE_BULLETS, n->start, n->end, n,
				NULL, "a list of %zu items in the narrative "
				"body: write it as paragraphs that say how the "
				"points connect", n->nchildren)) != 0)
				return rc;
		} else if (n->first && n->type != MEMO_NODE_CODE &&
		           n->type != MEMO_NODE_HEADING &&
		           n->type != MEMO_NODE_PARAGRAPH) {
			n = n->first;
			continue;
		}
		while (!n->next) {
			n = n->parent;
			if (!n || n == root)
				return MEMO_OK;
		}
		n = n->next;
	}
	return MEMO_OK;
}

/* ---- entry point -------------------------------------------------------- */

int memo__kinds_check(memo_report *r)
{
	memo__kctx k;
	memset(&k, 0, sizeof k);
	k.r = r;
	k.doc = r->doc;
	k.text = r->doc->text;
	k.text_len = r->doc->text_len;
	k.pr_sec = -1;
	k.dateline_para = -1;
	r->kind = "generic";
	r->kind_source = "detected";
	r->template_coverage = 1.0;
	r->page_budget = 0;
	int rc = s_outline(&k);
	if (rc == MEMO_OK) {
		s_faq(&k);
		rc = s_press_release(&k);
	}
	if (rc == MEMO_OK)
		s_choose_kind(&k);
	const s_template *tp = rc == MEMO_OK ? s_template_of(r->kind) : NULL;
	if (tp) {
		r->page_budget = tp->budget;
		rc = s_template_checks(&k, tp);
		if (rc == MEMO_OK)
			rc = s_length(&k, tp);
		if (rc == MEMO_OK && tp->kk == MEMO__KK_NARRATIVE)
			rc = s_bullets(&k);
		if (rc == MEMO_OK && tp->kk == MEMO__KK_NARRATIVE)
			rc = memo__kinds_narrative_rules(&k);
		if (rc == MEMO_OK && tp->kk == MEMO__KK_PRFAQ)
			rc = memo__kinds_prfaq_rules(&k);
		if (rc == MEMO_OK && tp->kk == MEMO__KK_COE)
			rc = memo__kinds_coe_rules(&k);
	}
	memo__free(k.secs);
	memo__free(k.pr_paras);
	return rc;
}

const char *memo_report_kind(const memo_report *r)
{
	return r ? r->kind : NULL;
}

const char *memo_report_kind_source(const memo_report *r)
{
	return r ? r->kind_source : NULL;
}
