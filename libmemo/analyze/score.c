/*
 * score.c - the score: five sub-scores, each a weighted mean of
 * piecewise-linear functions of metrics, and the total as their weighted
 * mean. Every table here is documented in docs/scoring.md; change them
 * together.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

#define MAXPTS 6

/* One scored component: a metric, its weight inside the sub-score, and
 * the curve from metric value to points (x ascending). */
typedef struct s_comp {
	int sub;               /* sub-score index */
	const char *metric;    /* metric id, or a pseudo metric below */
	double weight;
	int npts;
	double x[MAXPTS], y[MAXPTS];
	const char *advice;    /* what to do, for the advice list */
} s_comp;

enum { SUB_COMPRESSION, SUB_EVIDENCE, SUB_CAUSALITY, SUB_JUDGMENT,
	SUB_STRUCTURE, SUB_COUNT };

static const char *const s_sub_names[SUB_COUNT] = { "compression",
	"evidence", "causality", "judgment", "structure" };

/* Pseudo metrics computed here rather than in the registry. */
#define P_TEMPLATE "template_coverage"   /* structure: 0..1 */
#define P_BUDGET "page_budget_ratio"     /* structure: pages / budget */
#define P_NARRATIVE_BULLETS "narrative_bullet_share"
#define P_VAGUE_CLAIMS "vague_claim_density" /* slogans + unsupported boosters */
#define P_KIND_FINDINGS "kind_findings"  /* structure: the kind's checks */

static const s_comp s_comps[] = {
	/* compression */
	{ SUB_COMPRESSION, "sentence_words_mean", 2, 5,
	  { 0, 16, 22, 30, 40 }, { 100, 100, 80, 40, 0 },
	  "shorten sentences" },
	{ SUB_COMPRESSION, "long_sentence_share", 1, 4,
	  { 0, 0.1, 0.3, 0.5 }, { 100, 80, 30, 0 },
	  "split long sentences" },
	{ SUB_COMPRESSION, "filler_density", 1, 4,
	  { 0, 0.5, 1.5, 3 }, { 100, 80, 40, 0 },
	  "cut wordy phrases" },
	{ SUB_COMPRESSION, "nominalization_density", 1, 3,
	  { 0, 1, 3 }, { 100, 70, 0 },
	  "turn nominalizations back into verbs" },
	{ SUB_COMPRESSION, "passive_share", 1, 4,
	  { 0, 0.1, 0.25, 0.5 }, { 100, 90, 60, 0 },
	  "name the actor instead of the passive" },
	{ SUB_COMPRESSION, "adverb_density", 0.5, 3,
	  { 0, 1, 3 }, { 100, 70, 0 },
	  "delete empty adverbs" },
	/* evidence */
	{ SUB_EVIDENCE, "metric_density", 2, 4,
	  { 0, 1, 3, 5 }, { 0, 40, 80, 100 },
	  "back claims with numbers" },
	{ SUB_EVIDENCE, "quantified_sentence_share", 1, 4,
	  { 0, 0.2, 0.4, 0.5 }, { 0, 50, 85, 100 },
	  "put a number in more sentences" },
	{ SUB_EVIDENCE, "weasel_density", 1.5, 3,
	  { 0, 1, 3 }, { 100, 60, 0 },
	  "replace vague quantities and attributions" },
	{ SUB_EVIDENCE, P_VAGUE_CLAIMS, 1, 3,
	  { 0, 0.5, 2 }, { 100, 60, 0 },
	  "replace slogans and boosters with evidence" },
	/* causality */
	{ SUB_CAUSALITY, "causal_density", 2, 4,
	  { 0, 0.5, 1.5, 2.5 }, { 0, 40, 80, 100 },
	  "say why: because, so, which led to" },
	{ SUB_CAUSALITY, "causal_sentence_share", 1, 4,
	  { 0, 0.1, 0.25, 0.4 }, { 0, 40, 80, 100 },
	  "connect more sentences to their causes" },
	{ SUB_CAUSALITY, "complete_story_share", 1, 3,
	  { 0, 0.2, 0.4 }, { 0, 70, 100 },
	  "tell complete stories: metric, decision, consequence" },
	{ SUB_CAUSALITY, "longest_causal_chain", 0.5, 3,
	  { 0, 2, 3 }, { 0, 70, 100 },
	  "spell out a causal chain" },
	/* judgment */
	{ SUB_JUDGMENT, "decision_density", 2, 3,
	  { 0, 0.5, 1.5 }, { 0, 50, 100 },
	  "state decisions and who owns them" },
	{ SUB_JUDGMENT, "tradeoff_density", 1.5, 3,
	  { 0, 0.3, 1 }, { 0, 50, 100 },
	  "state the cost of the choice and what was ruled out" },
	{ SUB_JUDGMENT, "hedge_density", 2, 4,
	  { 0, 1, 2, 4 }, { 100, 70, 40, 0 },
	  "commit instead of hedging" },
	{ SUB_JUDGMENT, "activity_density", 1.5, 3,
	  { 0, 1, 2.5 }, { 100, 50, 0 },
	  "report results and decisions, not activity" },
	/* structure */
	{ SUB_STRUCTURE, P_TEMPLATE, 2, 2,
	  { 0, 1 }, { 0, 100 },
	  "add the sections this kind of document expects" },
	{ SUB_STRUCTURE, P_KIND_FINDINGS, 1.5, 4,
	  { 0, 1, 3, 6 }, { 100, 80, 40, 0 },
	  "complete what this kind of document needs (its kind findings)" },
	{ SUB_STRUCTURE, P_BUDGET, 1, 3,
	  { 0, 1, 1.5 }, { 100, 100, 0 },
	  "cut the body to its page budget" },
	{ SUB_STRUCTURE, P_NARRATIVE_BULLETS, 1, 3,
	  { 0, 0.3, 0.6 }, { 100, 50, 0 },
	  "write the body in paragraphs, not bullets" },
	{ SUB_STRUCTURE, "undefined_acronyms", 0.5, 3,
	  { 0, 3, 6 }, { 100, 50, 0 },
	  "define acronyms at first use" },
};
#define NCOMPS (sizeof s_comps / sizeof *s_comps)

static double s_curve(const s_comp *c, double x)
{
	if (x <= c->x[0])
		return c->y[0];
	for (int i = 1; i < c->npts; i++)
		if (x <= c->x[i]) {
			double t = (x - c->x[i - 1]) / (c->x[i] - c->x[i - 1]);
			return c->y[i - 1] + t * (c->y[i] - c->y[i - 1]);
		}
	return c->y[c->npts - 1];
}

/* The x closest to the present range that earns a curve's best points:
 * the largest such x on a falling curve (a ceiling), the smallest on a
 * rising one (a target). */
static double s_best_x(const s_comp *c)
{
	bool falling = c->y[0] > c->y[c->npts - 1];
	int best = 0;
	for (int i = 1; i < c->npts; i++)
		if (c->y[i] > c->y[best] || (falling && c->y[i] == c->y[best]))
			best = i;
	return c->x[best];
}

size_t memo_subscore_count(void)
{
	return SUB_COUNT;
}

const char *memo_subscore_name(size_t index)
{
	return index < SUB_COUNT ? s_sub_names[index] : NULL;
}

/* The kind's checks that failed, for the whole document: findings of the
 * kind rules (prfaq.*, narrative.*, coe.*) and structure.order, a warning
 * or error counting 1 and an info 0.5. Missing required sections are
 * template_coverage's (structure.missing-section, prfaq.external-faq,
 * prfaq.internal-faq), so they are not counted twice. A rule turned off
 * costs nothing. */
static double s_kind_findings(const memo_report *r)
{
	static const char *const prefixes[] = { "prfaq.", "narrative.",
		"coe." };
	double n = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		const memo_finding *f = &r->findings[i];
		const char *id = f->rule_id;
		bool kind = id && strcmp(id, "structure.order") == 0;
		for (size_t k = 0; id && !kind && k < 3; k++)
			kind = strncmp(id, prefixes[k],
				strlen(prefixes[k])) == 0;
		if (!kind || strcmp(id, "prfaq.external-faq") == 0 ||
		    strcmp(id, "prfaq.internal-faq") == 0 ||
		    f->severity == MEMO_SEVERITY_NONE)
			continue;
		n += f->severity == MEMO_SEVERITY_INFO ? 0.5 : 1.0;
	}
	return n;
}

/* Value of a component's metric for a scope. */
static double s_metric(const memo_report *r, const memo_node *scope,
	const char *id)
{
	double v = 0, w = 0;
	bool doc = !scope || scope == r->doc->root;
	if (strcmp(id, P_TEMPLATE) == 0)
		return doc ? r->template_coverage : 1.0;
	if (strcmp(id, P_BUDGET) == 0) {
		if (!doc || r->page_budget <= 0)
			return 0;
		memo_report_part_metric(r, MEMO_PART_BODY, "pages", &v);
		return v / r->page_budget;
	}
	if (strcmp(id, P_NARRATIVE_BULLETS) == 0) {
		if (!r->kind || strcmp(r->kind, "narrative") != 0)
			return 0;
		if (doc)
			memo_report_part_metric(r, MEMO_PART_BODY,
				"bullet_share", &v);
		else
			memo_report_metric(r, scope, "bullet_share", &v);
		return v;
	}
	if (strcmp(id, P_KIND_FINDINGS) == 0)
		return doc ? s_kind_findings(r) : 0;
	if (strcmp(id, P_VAGUE_CLAIMS) == 0) {
		memo_report_metric(r, scope, "slogan_density", &v);
		memo_report_metric(r, scope, "unsupported_booster_density", &w);
		return v + w;
	}
	memo_report_metric(r, scope, id, &v);
	return v;
}

static const double *s_weights(const memo_report *r, double *buf)
{
	static const int keys[SUB_COUNT] = { MEMO__CFG_W_COMPRESSION,
		MEMO__CFG_W_EVIDENCE, MEMO__CFG_W_CAUSALITY,
		MEMO__CFG_W_JUDGMENT, MEMO__CFG_W_STRUCTURE };
	for (int i = 0; i < SUB_COUNT; i++)
		buf[i] = r->weights[keys[i]];
	return buf;
}

/* Sub-scores and total for a scope. */
static void s_compute(const memo_report *r, const memo_node *scope,
	double sub[SUB_COUNT], double *total)
{
	double num[SUB_COUNT] = { 0 }, den[SUB_COUNT] = { 0 };
	for (size_t i = 0; i < NCOMPS; i++) {
		const s_comp *c = &s_comps[i];
		double x = s_metric(r, scope, c->metric);
		num[c->sub] += c->weight * s_curve(c, x);
		den[c->sub] += c->weight;
	}
	double wbuf[SUB_COUNT];
	const double *w = s_weights(r, wbuf);
	double tn = 0, td = 0;
	for (int k = 0; k < SUB_COUNT; k++) {
		sub[k] = den[k] > 0 ? num[k] / den[k] : 0;
		tn += w[k] * sub[k];
		td += w[k];
	}
	*total = td > 0 ? tn / td : 0;
}

int memo_report_score(const memo_report *r, const memo_node *scope,
	const char *subscore, double *out)
{
	if (!r || !out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_score: NULL argument");
	if (scope && scope != r->doc->root &&
	    (scope->owner != r->doc || scope->type != MEMO_NODE_SECTION))
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_score: scope is not a section of the "
			"document");
	int which = -1;
	if (subscore) {
		for (int k = 0; k < SUB_COUNT; k++)
			if (strcmp(s_sub_names[k], subscore) == 0)
				which = k;
		if (which < 0)
			return memo__error_set(MEMO_ENOTFOUND, NULL, NULL, 0, 0,
				"unknown sub-score '%s'", subscore);
	}
	double sub[SUB_COUNT], total;
	if (!scope || scope == r->doc->root) {
		memcpy(sub, r->subscores, sizeof sub);
		total = r->score;
	} else {
		s_compute(r, scope, sub, &total);
	}
	*out = which < 0 ? total : sub[which];
	return MEMO_OK;
}

typedef struct s_gain {
	double points;
	size_t comp;
	double value;
} s_gain;

static int s_cmp_gain(const void *a, const void *b)
{
	const s_gain *x = a, *y = b;
	if (x->points != y->points)
		return x->points > y->points ? -1 : 1;
	return x->comp < y->comp ? -1 : x->comp > y->comp;
}

int memo__score(memo_report *r)
{
	const memo_analyzer *an = r->an;
	memcpy(r->weights, an->values, sizeof r->weights);
	s_compute(r, NULL, r->subscores, &r->score);

	/* advice: the points each component would add at its best value */
	double wbuf[SUB_COUNT], den[SUB_COUNT] = { 0 }, wsum = 0;
	const double *w = s_weights(r, wbuf);
	for (int k = 0; k < SUB_COUNT; k++)
		wsum += w[k];
	for (size_t i = 0; i < NCOMPS; i++)
		den[s_comps[i].sub] += s_comps[i].weight;
	s_gain gains[NCOMPS];
	size_t n = 0;
	for (size_t i = 0; i < NCOMPS; i++) {
		const s_comp *c = &s_comps[i];
		double x = s_metric(r, NULL, c->metric);
		double now = s_curve(c, x);
		double best = s_curve(c, s_best_x(c));
		double pts = wsum > 0 && den[c->sub] > 0 ?
			(best - now) * c->weight / den[c->sub] * w[c->sub] /
			wsum : 0;
		if (pts >= 0.5)
			gains[n++] = (s_gain){ pts, i, x };
	}
	qsort(gains, n, sizeof *gains, s_cmp_gain);
	if (n > 3)
		n = 3;
	if (n) {
		r->advice = memo__calloc(n, sizeof *r->advice);
		r->advice_points = memo__calloc(n, sizeof *r->advice_points);
		if (!r->advice || !r->advice_points)
			return memo__error_oom();
	}
	for (size_t i = 0; i < n; i++) {
		const s_comp *c = &s_comps[gains[i].comp];
		char msg[256];
		snprintf(msg, sizeof msg, "%s: %s: %s is %.2g, aim for %s%.2g "
			"(+%.1f points)", s_sub_names[c->sub], c->advice,
			c->metric, gains[i].value,
			c->y[0] > c->y[c->npts - 1] ? "at most " : "",
			s_best_x(c), gains[i].points);
		r->advice[i] = memo__arena_strndup(&r->arena, msg,
			strlen(msg));
		if (!r->advice[i])
			return memo__error_oom();
		r->advice_points[i] = gains[i].points;
		r->nadvice = i + 1;
	}
	return MEMO_OK;
}

size_t memo_report_advice_count(const memo_report *r)
{
	return r ? r->nadvice : 0;
}

const char *memo_report_advice_at(const memo_report *r, size_t index,
	double *points_out)
{
	if (!r || index >= r->nadvice)
		return NULL;
	if (points_out)
		*points_out = r->advice_points[index];
	return r->advice[index];
}
