/*
 * kinds_rules.c - the rules of the kinds: prfaq.* (press release
 * elements, FAQ questions, external and internal FAQ and its topics),
 * narrative.* (tenets, the ask) and coe.* (impact in numbers, the
 * why-chain, action items with owners and dates). docs/kinds.md lists
 * the cues each rule looks for.
 */
#include <string.h>
#include <strings.h>

#include "kinds.h"

/* ---- helpers ------------------------------------------------------------ */

typedef bool (*s_text_fn)(void *ctx, const memo_node *text_node);

/* Call fn on each text node (PARAGRAPH, HEADING) under n, in order, until
 * it returns true; returns whether one did. Code blocks are skipped. */
static bool s_each_text(const memo_node *n, s_text_fn fn, void *ctx)
{
	if (!n)
		return false;
	if (n->type == MEMO_NODE_PARAGRAPH || n->type == MEMO_NODE_HEADING)
		return n->text && fn(ctx, n);
	const memo_node *root = n;
	n = n->first;
	while (n) {
		if (n->type == MEMO_NODE_PARAGRAPH ||
		    n->type == MEMO_NODE_HEADING) {
			if (n->text && fn(ctx, n))
				return true;
		} else if (n->first && n->type != MEMO_NODE_CODE) {
			n = n->first;
			continue;
		}
		while (!n->next) {
			n = n->parent;
			if (!n || n == root)
				return false;
		}
		n = n->next;
	}
	return false;
}

/* Phrase lists looked for in text nodes until all of want are found. */
typedef struct s_phrase_ctx {
	memo__kphrases set;
	unsigned want, found;
} s_phrase_ctx;

static bool s_phrase_fn(void *ctx, const memo_node *t)
{
	s_phrase_ctx *c = ctx;
	c->found |= memo__kinds_phrases_find(&c->set, t->text, t->text_len,
		c->want & ~c->found);
	return c->found == c->want;
}

/* Index of the paragraph record of text node n, or SIZE_MAX. */
static size_t s_para_of(const memo_report *r, const memo_node *n)
{
	size_t lo = 0, hi = r->nparas;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->paras[mid].node->start < n->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < r->nparas && r->paras[i].node->start ==
	     n->start; i++)
		if (r->paras[i].node == n)
			return i;
	return SIZE_MAX;
}

/* Does paragraph record p hold an annotation of kind kind? */
static bool s_para_has_kind(const memo_report *r, size_t p, memo__kind kind)
{
	if (p >= r->nparas)
		return false;
	const memo__para *pp = &r->paras[p];
	for (uint32_t s = 0; s < pp->sent_count; s++) {
		const memo__sent *st = &r->sents[pp->sent_first + s];
		for (uint32_t a = 0; a < st->ann_count; a++)
			if (r->anns[st->ann_first + a].kind == kind)
				return true;
	}
	return false;
}

static bool s_inside(const memo__kctx *k, int sec, int ancestor)
{
	for (int p = sec; p >= 0; p = k->secs[p].parent)
		if (p == ancestor)
			return true;
	return false;
}

/* A PR element heading (prfaq table row `section`) inside the press
 * release section, or -1. */
static int s_pr_heading(const memo__kctx *k, const char *section)
{
	if (k->pr_sec < 0)
		return -1;
	for (size_t i = 0; i < k->nsecs; i++) {
		int row = k->secs[i].row[MEMO__KK_PRFAQ];
		if ((int)i != k->pr_sec && row >= 0 &&
		    s_inside(k, (int)i, k->pr_sec) &&
		    strcmp(memo__kinds_table[row].section, section) == 0)
			return (int)i;
	}
	return -1;
}

static const memo_node *s_pr_node(const memo__kctx *k, size_t i)
{
	return k->r->paras[k->pr_paras[i]].node;
}

static size_t s_sentences(const memo__kctx *k, size_t i)
{
	return k->r->paras[k->pr_paras[i]].sent_count;
}

static double s_words(const memo__kctx *k, size_t i)
{
	return k->r->paras[k->pr_paras[i]].c.words;
}

/* Does PR paragraph i read as a headline: short, one sentence, no final
 * period? */
static bool s_headline_para(const memo__kctx *k, size_t i)
{
	const memo_node *n = s_pr_node(k, i);
	size_t len = n->text_len;
	while (len && (n->text[len - 1] == ' ' || n->text[len - 1] == '\n'))
		len--;
	return s_words(k, i) > 0 && s_words(k, i) <= 15 &&
	       s_sentences(k, i) <= 1 && len && n->text[len - 1] != '.' &&
	       (int)i != k->dateline_para;
}

/* ---- prfaq -------------------------------------------------------------- */

static const char *const s_problem_cues[] = { "problem*", "today, customers",
	"today customers", "struggl*", "pain*", "frustrat*", "hard to",
	"difficult*", "can't", "cannot", "unable", "have to", "had to",
	"challeng*", "time-consuming", "manual*", "error-prone", "tedious",
	"lack*", "no way to", "forced to", "waste*", "too long", "too much",
	"costly", "expensive", "worr*", "annoy*", "stuck", "slow*", NULL };

static const char *const s_solution_cues[] = { "now", "launch*",
	"introduc*", "announc*", "lets", "let you", "allow*", "enabl*",
	"makes it easy", "makes it simple", "solve*", "automatically",
	"you can", "customers can", "simply", "new", "with just", "helps",
	NULL };

static const char *const s_start_cues[] = { "get started", "getting started",
	"to start", "to begin", "sign up", "signing up", "available today",
	"available now", "now available", "is available", "are available",
	"generally available", "visit", "download", "install", "go to",
	"head to", "log in", "sign in", "open the", "enable", "turn on",
	"in the console", "first step", "set up", "setup", "run ", NULL };

static const char *const s_cta_cues[] = { "visit", "learn more", "sign up",
	"get started", "try", "go to", "head to", "contact", "register", "join",
	"download", "available at", "find out", "read more", "http*", "www.",
	NULL };

/* Does the source of node n hold a link ("http", "www.", "](")? */
static bool s_has_link(const memo__kctx *k, const memo_node *n)
{
	static const char *const links[] = { "http*", "www.", NULL };
	size_t len = (size_t)(n->end - n->start);
	const char *s = k->text + n->start;
	if (memo__kinds_has_phrase(s, len, links))
		return true;
	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == ']' && s[i + 1] == '(')
			return true;
	return false;
}

static int s_add(memo__kctx *k, int rule, uint64_t start, uint64_t end,
	const memo_node *n, const char *msg)
{
	return memo__report_add_finding_text(k->r, rule, start, end, n, NULL,
		msg);
}

static int s_pr_elements(memo__kctx *k)
{
	memo_report *r = k->r;
	const memo__ksec *S = k->pr_sec >= 0 ? &k->secs[k->pr_sec] : NULL;
	const memo_node *sn = S ? S->node : NULL;
	uint64_t pr_start = S ? (S->heading ? S->heading->end : sn->start) :
		s_pr_node(k, 0)->start;
	int rc;

	/* headline: a heading at the top of the press release, a label
	 * heading that goes on ("Press release: ..."), the document title
	 * when nothing comes before the press release, or a short first line */
	size_t h = 0;                 /* first PR paragraph after headline */
	bool headline = false, lead_sub = false;
	uint64_t after_headline = pr_start;
	uint64_t first_para = k->npr ? s_pr_node(k, 0)->start : pr_start;
	if (S) {
		for (size_t i = 0; i < k->nsecs && !headline; i++)
			if ((int)i != k->pr_sec && s_inside(k, (int)i, k->pr_sec) &&
			    k->secs[i].node->start < first_para) {
				headline = true;
				after_headline = k->secs[i].heading ?
					k->secs[i].heading->end :
					k->secs[i].node->start;
			}
		if (!headline && (strchr(S->norm, ':') ||
		    strstr(S->norm, " - ")))
			headline = true;
	}
	/* the lead-in: at most two paragraphs before the press release, in
	 * the preamble or in the sections that hold it ("# Product" / short
	 * tagline / "## Working Backwards" / "### Press release") */
	size_t lead = 0;
	bool lead_ok = k->npr > 0;
	for (size_t p = 0; lead_ok && p < k->pr_paras[0]; p++) {
		if (r->paras[p].appendix)
			continue;
		int ps = memo__kinds_sec_of(k, r->paras[p].node);
		lead_ok = ps < 0 || (S && s_inside(k, k->pr_sec, ps));
		lead++;
	}
	lead_ok = lead_ok && lead <= 2;
	const char *dt = memo_document_title(k->doc);
	const memo_node *sub_node = sn ? sn : k->doc->root;
	if (!headline && dt && lead_ok) {
		headline = true;
		/* a title heading is the headline: the subheading belongs
		 * right under it */
		const memo__ksec *t0 = k->nsecs ? &k->secs[0] : NULL;
		if (t0 && t0->heading && t0->level == 1 &&
		    t0->title_len == strlen(dt) &&
		    memcmp(t0->title, dt, t0->title_len) == 0) {
			after_headline = t0->heading->end;
			sub_node = t0->node;
		}
		/* a short tagline under the title is the subheading */
		for (size_t p = 0; p < k->pr_paras[0] && lead; p++)
			if (!r->paras[p].appendix &&
			    r->paras[p].sent_count <= 2 &&
			    r->paras[p].c.words <= 40 &&
			    r->paras[p].c.words > 0)
				lead_sub = true;
	}
	if (!headline && k->npr && s_headline_para(k, 0)) {
		headline = true;
		h = 1;
		after_headline = s_pr_node(k, 0)->end;
	}
	if (!headline && (rc = s_add(k, MEMO__R_PRFAQ_HEADLINE, pr_start,
		pr_start, sn ? sn : k->doc->root, "the press release has no "
		"headline: open with the product name and who it is for")) != 0)
		return rc;

	/* subheading: one short sentence between the headline and the
	 * summary (dateline) paragraph */
	bool sub = lead_sub || s_pr_heading(k, "subheading") >= 0;
	if (!sub && h < k->npr && (int)h != k->dateline_para &&
	    h + 1 < k->npr && s_sentences(k, h) <= 2 && s_words(k, h) <= 40) {
		sub = true;
		h++;          /* the summary paragraph follows it */
	}
	if (!sub) {
		/* a second heading right under the headline */
		for (size_t i = 0; i < k->nsecs && !sub && S; i++)
			sub = (int)i != k->pr_sec && s_inside(k, (int)i,
				k->pr_sec) && k->secs[i].node->start >=
				after_headline && k->secs[i].node->start <
				(h < k->npr ? s_pr_node(k, h)->start : 0) &&
				k->secs[i].node->start > pr_start;
	}
	if (!sub && (rc = s_add(k, MEMO__R_PRFAQ_SUBHEADING, after_headline,
		after_headline, sub_node, "no subheading: add "
		"one sentence under the headline saying who the customer is and "
		"what they get")) != 0)
		return rc;

	/* dateline */
	if (k->dateline_para < 0 && k->npr) {
		const memo_node *n = s_pr_node(k, h < k->npr ? h : 0);
		if ((rc = s_add(k, MEMO__R_PRFAQ_DATELINE, n->start, n->start, n,
			"the summary paragraph has no dateline: open it with "
			"CITY, State - Launch date -")) != 0)
			return rc;
	}

	/* problem, solution, getting started: a heading or a paragraph */
	uint64_t ps = sn ? sn->start : first_para;
	uint64_t pe = sn ? sn->end : k->npr ? s_pr_node(k, k->npr - 1)->end :
		first_para;
	const memo_node *pn = sn ? sn : k->npr ? s_pr_node(k, 0) :
		k->doc->root;
	/* one scan of each paragraph for the lists still wanted */
	enum { PROBLEM = 1, SOLUTION = 2, START = 4 };
	unsigned have = (s_pr_heading(k, "problem") >= 0 ? PROBLEM : 0) |
		(s_pr_heading(k, "solution") >= 0 ? SOLUTION : 0) |
		(s_pr_heading(k, "getting_started") >= 0 ? START : 0);
	memo__kphrases cues;
	const char *const *lists[] = { s_problem_cues, s_solution_cues,
		s_start_cues };
	memo__kinds_phrases_init(&cues, lists, 3);
	for (size_t i = h; i < k->npr && have != 7; i++) {
		const memo_node *n = s_pr_node(k, i);
		have |= memo__kinds_phrases_find(&cues, n->text, n->text_len,
			7 & ~have);
	}
	bool problem = have & PROBLEM, solution = have & SOLUTION;
	bool start = have & START;
	if (!problem && (rc = s_add(k, MEMO__R_PRFAQ_PROBLEM, ps, pe, pn,
		"the press release states no customer problem: say what "
		"customers struggle with today, with a number")) != 0)
		return rc;
	if (!solution && (rc = s_add(k, MEMO__R_PRFAQ_SOLUTION, ps, pe, pn,
		"the press release does not say how the product solves the "
		"problem")) != 0)
		return rc;

	/* quotes: a leader's and a customer's */
	bool leader = s_pr_heading(k, "leader_quote") >= 0;
	bool customer = s_pr_heading(k, "customer_quote") >= 0;
	size_t nq = k->nquotes < 8 ? k->nquotes : 8;
	bool any_c = false, any_l = false;
	for (size_t i = 0; i < nq; i++) {
		any_c |= k->quotes[i].customer;
		any_l |= k->quotes[i].leader;
	}
	if (nq >= 2) {
		/* the convention: the leader speaks first, the customer last */
		leader = true;
		customer = true;
	} else if (nq == 1) {
		if (any_c)
			customer = true;
		else
			leader = true;
	}
	(void)any_l;
	if (!leader && (rc = s_add(k, MEMO__R_PRFAQ_LEADER_QUOTE, ps, pe, pn,
		"no leader quote: quote a company leader on why this matters to "
		"customers (\"...,\" said NAME, TITLE)")) != 0)
		return rc;
	if (!customer && (rc = s_add(k, MEMO__R_PRFAQ_CUSTOMER_QUOTE, ps, pe,
		pn, "no customer quote: quote a customer on the benefit they "
		"got")) != 0)
		return rc;
	if (!start && (rc = s_add(k, MEMO__R_PRFAQ_GETTING_STARTED, ps, pe, pn,
		"the press release does not say how a customer gets started"))
		!= 0)
		return rc;

	/* call to action: a link or a "visit ..." in the last paragraphs */
	if (k->npr) {
		bool cta = false;
		for (size_t i = k->npr > 2 ? k->npr - 2 : 0; i < k->npr; i++) {
			const memo_node *n = s_pr_node(k, i);
			cta |= s_has_link(k, n) || memo__kinds_has_phrase(
				n->text, n->text_len, s_cta_cues);
		}
		const memo_node *last = s_pr_node(k, k->npr - 1);
		if (!cta && (rc = s_add(k, MEMO__R_PRFAQ_CALL_TO_ACTION,
			last->start, last->end, last, "the press release ends "
			"with no call to action: say where to go next (a link)"))
			!= 0)
			return rc;
	}
	(void)r;
	return MEMO_OK;
}

/* The internal FAQ's topics, each a list of cues (docs/kinds.md). */
static const struct {
	const char *topic;
	const char *const *cues;
} s_topics[] = {
	{ "market size (how many customers, TAM)", (const char *const[]) {
		"market*", "tam", "addressable", "how many customers",
		"how many users", "number of customers", "number of users",
		"customer base", "user base", "demand", "how big",
		"opportunity size", "size of the opportunity", NULL } },
	{ "economics (cost, price, margin, P&L, revenue, investment)",
	  (const char *const[]) { "cost*", "pric*", "margin*", "p&l",
		"p & l", "profit*", "revenue*", "invest*", "econom*", "roi",
		"budget*", "funding", "spend*", "headcount", "$", NULL } },
	{ "dependencies", (const char *const[]) { "depend*", "rely",
		"relies", "relying", "reliance", "prerequisite*", "blocked by",
		"upstream", "third-party", "third party", "partner team*",
		NULL } },
	{ "risks", (const char *const[]) { "risk*", "drawback*", "downside*",
		"should we not", "should not we", "why not do", "concern*",
		"threat*", "mitigat*", "could go wrong", "failure mode*",
		"what if", NULL } },
	{ "what is not being done (non-goals, scope)",
	  (const char *const[]) { "non-goal*", "non goal*", "nongoal*",
		"out of scope", "not in scope", "scope", "not doing",
		"not going to", "will not do", "won't do", "not be doing",
		"not building", "not build", "not include", "not included",
		"excluded", "exclude", "future work", "later phase",
		"not support", "not be supported", NULL } },
};

static int s_faq_rules(memo__kctx *k)
{
	memo_report *r = k->r;
	int rc;
	/* each FAQ entry is a question */
	for (size_t i = 0; i < k->nsecs; i++) {
		const memo__ksec *s = &k->secs[i];
		if (s->faq || s->in_faq < 0 || s->parent != s->in_faq)
			continue;
		if (s->question)
			continue;
		const memo_node *hn = s->heading ? s->heading : s->node;
		if ((rc = memo__report_add_finding(r, MEMO__R_PRFAQ_FAQ_QUESTION,
			hn->start, hn->end, hn, NULL, "FAQ entry \"%.*s\" is not "
			"a question: write the question a reader would ask",
			(int)(s->title_len > 60 ? 60 : s->title_len), s->title))
			!= 0)
			return rc;
	}
	/* FAQ containers with no entry headings: "Q:" or bold leads */
	for (size_t i = 0; i < k->nsecs; i++) {
		const memo__ksec *s = &k->secs[i];
		if (!s->faq)
			continue;
		bool sub = i + 1 < k->nsecs && k->secs[i + 1].parent == (int)i;
		if (sub)
			continue;
		for (size_t p = s->para_first; p < s->para_last; p++) {
			const memo_node *n = r->paras[p].node;
			const char *t = n->text;
			size_t ql = 0;
			if (!memo__kinds_faq_lead(k, n, &ql))
				continue;
			if (memo__kinds_is_question(t, ql))
				continue;
			uint64_t e = 0;
			memo_node_text_to_doc(n, ql, &e);
			if ((rc = memo__report_add_finding(r,
				MEMO__R_PRFAQ_FAQ_QUESTION, n->start,
				e > n->start ? e : n->end, n, NULL, "FAQ entry "
				"\"%.*s\" is not a question: write the question a "
				"reader would ask", (int)(ql > 60 ? 60 : ql),
				t)) != 0)
				return rc;
		}
	}
	/* an external and an internal FAQ */
	uint64_t pr_end = 0;
	if (k->pr_sec >= 0)
		pr_end = k->secs[k->pr_sec].node->end;
	else if (k->npr)
		pr_end = s_pr_node(k, k->npr - 1)->end;
	int ext = k->faq_ext >= 0 ? k->faq_ext : k->faq_generic;
	if (ext < 0 && (rc = memo__report_add_finding(r,
		MEMO__R_PRFAQ_EXTERNAL_FAQ, pr_end, pr_end, k->doc->root, NULL,
		"no external FAQ: answer the questions customers and the press "
		"will ask (price, how it works, where to get it)")) != 0)
		return rc;
	if (k->faq_int < 0) {
		uint64_t at = ext >= 0 ? k->secs[ext].node->end : pr_end;
		return memo__report_add_finding(r, MEMO__R_PRFAQ_INTERNAL_FAQ, at,
			at, k->doc->root, NULL, "no internal FAQ: answer the "
			"stakeholders' questions (market size, economics, "
			"dependencies, risks, what we are not doing)");
	}
	/* the internal FAQ's topics, over every internal FAQ section: one
	 * scan of each text for the topics not yet covered */
	enum { NTOPICS = sizeof s_topics / sizeof *s_topics };
	_Static_assert(NTOPICS <= MEMO__KPHR_GROUPS, "topics fit a set");
	const char *const *lists[NTOPICS];
	for (size_t t = 0; t < NTOPICS; t++)
		lists[t] = s_topics[t].cues;
	s_phrase_ctx c;
	memo__kinds_phrases_init(&c.set, lists, NTOPICS);
	c.want = (1u << NTOPICS) - 1;
	c.found = 0;
	for (size_t i = 0; i < k->nsecs && c.found != c.want; i++)
		if (k->secs[i].faq == MEMO__FAQ_INTERNAL)
			s_each_text(k->secs[i].node, s_phrase_fn, &c);
	for (size_t t = 0; t < NTOPICS; t++) {
		if (c.found & (1u << t))
			continue;
		const memo__ksec *s = &k->secs[k->faq_int];
		const memo_node *hn = s->heading ? s->heading : s->node;
		if ((rc = memo__report_add_finding(r,
			MEMO__R_PRFAQ_INTERNAL_FAQ_TOPIC, hn->start, hn->end,
			s->node, NULL, "the internal FAQ does not cover %s",
			s_topics[t].topic)) != 0)
			return rc;
	}
	return MEMO_OK;
}

int memo__kinds_prfaq_rules(memo__kctx *k)
{
	int rc;
	bool pr = k->pr_sec >= 0 || (k->npr && (k->dateline_para >= 0 ||
		k->nquotes > 0));
	if (pr && k->npr && (rc = s_pr_elements(k)) != 0)
		return rc;
	return s_faq_rules(k);
}

/* ---- narrative ---------------------------------------------------------- */

static int s_tenet(memo__kctx *k, const memo_node *item,
	const memo_node *text, size_t *count)
{
	(*count)++;
	size_t p = s_para_of(k->r, text);
	if (memo__kinds_is_choice(text->text, text->text_len) ||
	    s_para_has_kind(k->r, p, MEMO__K_TRADEOFF))
		return MEMO_OK;
	return memo__report_add_finding(k->r, MEMO__R_NARRATIVE_TENETS,
		item->start, item->end, item, NULL, "tenet \"%.*s\" states no "
		"choice: say what it favours over what (X over Y, even when Z)",
		(int)(text->text_len > 50 ? 50 : text->text_len), text->text);
}

/* The first paragraph under node n, or NULL. */
static const memo_node *s_first_para(const memo_node *n)
{
	for (const memo_node *c = n->first; c; c = c->next) {
		if (c->type == MEMO_NODE_PARAGRAPH && c->text && c->text_len)
			return c;
		if (c->type != MEMO_NODE_CODE && c->type != MEMO_NODE_LIST &&
		    c->first) {
			const memo_node *x = s_first_para(c);
			if (x)
				return x;
		}
	}
	return NULL;
}

static int s_tenets(memo__kctx *k)
{
	int ts = memo__kinds_find(k, MEMO__KK_NARRATIVE, "tenets");
	for (size_t i = 0; i < k->nsecs && ts < 0; i++)
		if (!k->secs[i].appendix && strstr(k->secs[i].norm, "tenet"))
			ts = (int)i;
	if (ts < 0)
		return MEMO_OK;
	const memo_node *sn = k->secs[ts].node;
	size_t count = 0;
	int rc;
	bool list = false;
	for (const memo_node *c = sn->first; c; c = c->next)
		if (c->type == MEMO_NODE_LIST)
			list = true;
	for (const memo_node *c = sn->first; c; c = c->next) {
		if (list && c->type == MEMO_NODE_LIST) {
			for (const memo_node *it = c->first; it; it = it->next) {
				const memo_node *tp = s_first_para(it);
				if (tp && (rc = s_tenet(k, it, tp, &count)) != 0)
					return rc;
			}
		} else if (!list && c->type == MEMO_NODE_PARAGRAPH && c->text &&
		           c->text_len) {
			if ((rc = s_tenet(k, c, c, &count)) != 0)
				return rc;
		}
	}
	if (count > 7)
		return memo__report_add_finding(k->r, MEMO__R_NARRATIVE_TENETS,
			sn->start, sn->end, sn, NULL, "%zu tenets: keep about "
			"seven or fewer, the ones that decide trade-offs", count);
	return MEMO_OK;
}

static const char *const s_ask_cues[] = { "we ask", "we are asking",
	"asking for", "ask for", "we request", "requesting", "request approval",
	"we seek", "seeking", "we recommend", "we propose", "approve",
	"approval", "sign off", "sign-off", "decision needed",
	"decision requested", "need a decision", "your decision",
	"decide whether", "decide between", "decide on", "green light",
	"greenlight", "we need your", "we are requesting", "the ask", NULL };

static int s_ask(memo__kctx *k)
{
	memo_report *r = k->r;
	/* a heading that names the ask or the decision */
	static const char *const heads[] = { "ask", "asks", "the ask",
		"decision*", "recommendation*", "request*", "approval", NULL };
	for (size_t i = 0; i < k->nsecs; i++)
		if (!k->secs[i].appendix && memo__kinds_has_phrase(
			k->secs[i].norm, strlen(k->secs[i].norm), heads))
			return MEMO_OK;
	/* decisions at the start or end of the body, or ask phrases
	 * anywhere in it (the cheaper test first) */
	size_t nbody = 0, lastp = SIZE_MAX;
	for (size_t i = 0; i < r->nparas; i++) {
		if (r->paras[i].appendix)
			continue;
		nbody++;
		lastp = i;
	}
	size_t seen = 0;
	for (size_t i = 0; i < r->nparas; i++) {
		if (r->paras[i].appendix)
			continue;
		bool edge = seen < 3 || seen + 3 >= nbody;
		seen++;
		if (edge && s_para_has_kind(r, i, MEMO__K_DECISION))
			return MEMO_OK;
	}
	memo__kphrases cues;
	const char *const *lists[] = { s_ask_cues };
	memo__kinds_phrases_init(&cues, lists, 1);
	for (size_t i = 0; i < r->nparas; i++) {
		const memo_node *n = r->paras[i].node;
		if (!r->paras[i].appendix && memo__kinds_phrases_find(&cues,
			n->text, n->text_len, 1))
			return MEMO_OK;
	}
	uint64_t at = lastp == SIZE_MAX ? 0 : r->paras[lastp].node->end;
	return memo__report_add_finding(r, MEMO__R_NARRATIVE_ASK, at, at,
		k->doc->root, NULL, "no decision or ask: say what you want the "
		"readers to decide or approve, and by when");
}

int memo__kinds_narrative_rules(memo__kctx *k)
{
	int rc = s_tenets(k);
	if (rc == MEMO_OK)
		rc = s_ask(k);
	return rc;
}

/* ---- coe ---------------------------------------------------------------- */

typedef struct s_metric_ctx {
	const memo_report *r;
} s_metric_ctx;

static bool s_metric_fn(void *ctx, const memo_node *t)
{
	const s_metric_ctx *c = ctx;
	size_t p = s_para_of(c->r, t);
	if (p == SIZE_MAX)
		return false;
	const memo__para *pp = &c->r->paras[p];
	for (uint32_t s = 0; s < pp->sent_count; s++)
		if (c->r->sents[pp->sent_first + s].metric)
			return true;
	return false;
}

static int s_impact(memo__kctx *k)
{
	int s = memo__kinds_find(k, MEMO__KK_COE, "impact");
	if (s < 0)
		s = memo__kinds_find(k, MEMO__KK_COE, "summary");
	s_metric_ctx c = { k->r };
	if (s < 0) {
		/* no impact section: the structure check reports it; the
		 * numbers may still be in the opening paragraphs */
		for (size_t i = 0; i < k->r->nparas && i < 3; i++)
			if (s_metric_fn(&c, k->r->paras[i].node))
				return MEMO_OK;
		return memo__report_add_finding(k->r, MEMO__R_COE_IMPACT, 0, 0,
			k->doc->root, NULL, "no impact in numbers: say how many "
			"customers were affected, for how long, at what cost");
	}
	const memo_node *n = k->secs[s].node;
	if (s_each_text(n, s_metric_fn, &c))
		return MEMO_OK;
	return memo__report_add_finding(k->r, MEMO__R_COE_IMPACT, n->start,
		n->end, n, NULL, "the impact has no numbers: say how many "
		"customers were affected, for how long, at what cost");
}

typedef struct s_why_ctx {
	size_t whys;
} s_why_ctx;

/* Count "why" questions: "why" opening the text, a sentence, a line or a
 * numbered step ("Why 2:", "2. Why"). */
static bool s_why_fn(void *ctx, const memo_node *t)
{
	s_why_ctx *c = ctx;
	const char *s = t->text;
	size_t len = t->text_len;
	for (size_t i = 0; i + 3 <= len; i++) {
		if (strncasecmp(s + i, "why", 3) != 0)
			continue;
		if (i + 3 < len && ((s[i + 3] | 0x20) >= 'a' &&
		    (s[i + 3] | 0x20) <= 'z'))
			continue;
		size_t j = i;
		while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' ||
		       (s[j - 1] >= '0' && s[j - 1] <= '9') || s[j - 1] == '#' ||
		       s[j - 1] == '*' || s[j - 1] == '('))
			j--;
		if (j == 0 || s[j - 1] == '.' || s[j - 1] == '?' ||
		    s[j - 1] == '!' || s[j - 1] == '\n' || s[j - 1] == ':' ||
		    s[j - 1] == ')')
			c->whys++;
	}
	return false;
}

static int s_why_chain(memo__kctx *k)
{
	int s = memo__kinds_find(k, MEMO__KK_COE, "root_cause");
	const memo_node *n = s >= 0 ? k->secs[s].node : k->doc->root;
	s_why_ctx c = { 0 };
	s_each_text(n, s_why_fn, &c);
	if (c.whys >= 3)
		return MEMO_OK;
	uint64_t a = s >= 0 ? n->start : 0, b = s >= 0 ? n->end : 0;
	return memo__report_add_finding(k->r, MEMO__R_COE_WHY_CHAIN, a, b, n,
		NULL, "%s: ask why at least three times (five whys), each answer "
		"the next question, down to the root cause",
		c.whys ? "the why-chain is too short" : "no why-chain");
}

typedef struct s_item_ctx {
	bool owner, date;
} s_item_ctx;

static bool s_item_fn(void *ctx, const memo_node *t)
{
	s_item_ctx *c = ctx;
	c->owner |= memo__kinds_has_owner(t->text, t->text_len);
	c->date |= memo__kinds_has_date(t->text, t->text_len);
	return false;
}

static int s_item_finding(memo__kctx *k, const memo_node *item,
	bool owner, bool date)
{
	if (owner && date)
		return MEMO_OK;
	const memo_node *tp = item->type == MEMO_NODE_PARAGRAPH ? item :
		s_first_para(item);
	const char *txt = tp ? tp->text : "";
	size_t tl = tp ? tp->text_len : 0;
	return memo__report_add_finding(k->r, MEMO__R_COE_ACTION_ITEMS,
		item->start, item->end, item, NULL, "action item \"%.*s\" has "
		"%s", (int)(tl > 50 ? 50 : tl), txt, !owner && !date ?
		"no owner and no due date" : !owner ? "no owner" :
		"no due date");
}

/* Text of a table cell, or "". */
static const memo_node *s_cell_para(const memo_node *cell)
{
	return cell ? s_first_para(cell) : NULL;
}

static int s_action_table(memo__kctx *k, const memo_node *table)
{
	static const char *const owner_cols[] = { "owner*", "assignee*", "who",
		"dri", "responsible", "assigned*", NULL };
	static const char *const date_cols[] = { "date*", "due*", "when",
		"eta", "deadline", "by", "target*", NULL };
	int ocol = -1, dcol = -1, rc;
	const memo_node *row = table->first;
	if (row && (row->flags & MEMO_NODE_FLAG_HEADER)) {
		int c = 0;
		for (const memo_node *cell = row->first; cell; cell = cell->next,
		     c++) {
			const memo_node *p = s_cell_para(cell);
			if (!p)
				continue;
			if (ocol < 0 && memo__kinds_has_phrase(p->text,
				p->text_len, owner_cols))
				ocol = c;
			else if (dcol < 0 && memo__kinds_has_phrase(p->text,
				p->text_len, date_cols))
				dcol = c;
		}
		row = row->next;
	}
	for (; row; row = row->next) {
		if (row->type != MEMO_NODE_ROW)
			continue;
		if (!s_first_para(row))
			continue;     /* an empty row is no action item */
		s_item_ctx c = { false, false };
		int col = 0;
		for (const memo_node *cell = row->first; cell; cell = cell->next,
		     col++) {
			const memo_node *p = s_cell_para(cell);
			bool empty = !p || p->text_len == 0 ||
				strcasecmp(p->text, "tbd") == 0 ||
				strcmp(p->text, "-") == 0 ||
				strcmp(p->text, "?") == 0;
			if (col == ocol)
				c.owner |= !empty;
			if (col == dcol && !empty)
				c.date |= memo__kinds_has_date(p->text,
					p->text_len);
			if (p && col != ocol && col != dcol)
				s_item_fn(&c, p);
		}
		if ((rc = s_item_finding(k, row, c.owner, c.date)) != 0)
			return rc;
	}
	return MEMO_OK;
}

static int s_action_items(memo__kctx *k)
{
	int s = memo__kinds_find(k, MEMO__KK_COE, "action_items");
	if (s < 0)
		return MEMO_OK;
	const memo_node *sn = k->secs[s].node;
	int rc;
	bool structured = false;
	for (const memo_node *c = sn->first; c; c = c->next) {
		if (c->type == MEMO_NODE_LIST) {
			structured = true;
			for (const memo_node *it = c->first; it; it = it->next) {
				s_item_ctx ic = { false, false };
				s_each_text(it, s_item_fn, &ic);
				if ((rc = s_item_finding(k, it, ic.owner,
					ic.date)) != 0)
					return rc;
			}
		} else if (c->type == MEMO_NODE_TABLE) {
			structured = true;
			if ((rc = s_action_table(k, c)) != 0)
				return rc;
		}
	}
	if (structured)
		return MEMO_OK;
	for (const memo_node *c = sn->first; c; c = c->next) {
		if (c->type != MEMO_NODE_PARAGRAPH || !c->text || !c->text_len)
			continue;
		s_item_ctx ic = { false, false };
		s_item_fn(&ic, c);
		if ((rc = s_item_finding(k, c, ic.owner, ic.date)) != 0)
			return rc;
	}
	return MEMO_OK;
}

int memo__kinds_coe_rules(memo__kctx *k)
{
	int rc = s_impact(k);
	if (rc == MEMO_OK)
		rc = s_why_chain(k);
	if (rc == MEMO_OK)
		rc = s_action_items(k);
	return rc;
}
