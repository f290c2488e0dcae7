/*
 * report.c - report accessors, scopes and metric arithmetic.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

static const char *const s_kind_names[MEMO__K_COUNT] = {
	[MEMO__K_HEDGE] = "hedge",
	[MEMO__K_BOOSTER] = "booster",
	[MEMO__K_VAGUE] = "vague",
	[MEMO__K_ATTRIBUTION] = "attribution",
	[MEMO__K_FILLER] = "filler",
	[MEMO__K_NOMINALIZATION] = "nominalization",
	[MEMO__K_ADVERB] = "adverb",
	[MEMO__K_PASSIVE] = "passive",
	[MEMO__K_METRIC] = "metric",
	[MEMO__K_CAUSAL] = "causal",
	[MEMO__K_DECISION] = "decision",
	[MEMO__K_TRADEOFF] = "tradeoff",
	[MEMO__K_ACTIVITY] = "activity",
	[MEMO__K_SLOGAN] = "slogan",
	[MEMO__K_CLICHE] = "cliche",
	[MEMO__K_ACRONYM] = "acronym",
	[MEMO__K_AGENTLESS] = "agentless-decision",
	[MEMO__K_REPEATED] = "repeated-word",
	[MEMO__K_FREQUENCY] = "frequency",
	[MEMO__K_AMOUNT] = "vague-amount",
	[MEMO__K_APPROXIMATOR] = "approximator",
};

const char *memo__kind_name(memo__kind k)
{
	return (unsigned)k < MEMO__K_COUNT ? s_kind_names[k] : "unknown";
}

/* The larger of two counts (counts are never NaN, so no fmax). */
static inline double s_max(double a, double b)
{
	return a < b ? b : a;
}

void memo__counts_add(memo__counts *dst, const memo__counts *src)
{
	double maxchain = s_max(dst->longest_chain, src->longest_chain);
	double maxsent = s_max(dst->max_sentence_words,
		src->max_sentence_words);
	double *d = (double *)dst;
	const double *s = (const double *)src;
	for (size_t i = 0; i < sizeof *dst / sizeof(double); i++)
		d[i] += s[i];
	dst->longest_chain = maxchain;
	dst->max_sentence_words = maxsent;
}

/* dst = a - b for the additive fields (maxima are left to the caller). */
void memo__counts_sub(memo__counts *dst, const memo__counts *a,
	const memo__counts *b)
{
	double *d = (double *)dst;
	const double *x = (const double *)a, *y = (const double *)b;
	for (size_t i = 0; i < sizeof *dst / sizeof(double); i++)
		d[i] = x[i] - y[i];
	dst->longest_chain = 0;
	dst->max_sentence_words = 0;
}

static int s_cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static double s_per100(double n, double words)
{
	return words > 0 ? 100.0 * n / words : 0.0;
}

static double s_share(double n, double total)
{
	return total > 0 ? n / total : 0.0;
}

double memo__metric_value(const memo_report *r, int m, const memo__counts *c,
	uint32_t *lengths, size_t n)
{
	memo__readability_counts rc = {
		.words = (uint64_t)c->words,
		.sentences = (uint64_t)c->sentences,
		.syllables = (uint64_t)c->syllables,
		.letters = (uint64_t)c->letters,
		.characters = (uint64_t)c->characters,
		.polysyllables = (uint64_t)c->polysyllables,
		.complex_words = (uint64_t)c->complex_words,
		.long_words = (uint64_t)c->long_words,
	};
	double w = c->words;
	switch (m) {
	case MEMO__M_WORDS: return c->words;
	case MEMO__M_SENTENCES: return c->sentences;
	case MEMO__M_PARAGRAPHS: return c->paragraphs;
	case MEMO__M_CHARACTERS: return c->characters;
	case MEMO__M_SYLLABLES: return c->syllables;
	case MEMO__M_SENTENCE_WORDS_MEAN:
		return c->sentences > 0 ? c->words / c->sentences : 0;
	case MEMO__M_SENTENCE_WORDS_MEDIAN:
	case MEMO__M_SENTENCE_WORDS_P90:
		if (n == 0)
			return 0;
		qsort(lengths, n, sizeof *lengths, s_cmp_u32);
		if (m == MEMO__M_SENTENCE_WORDS_MEDIAN)
			return n % 2 ? lengths[n / 2] :
				(lengths[n / 2 - 1] + lengths[n / 2]) / 2.0;
		/* nearest rank: ceil(0.9 n) */
		return lengths[(size_t)ceil(0.9 * (double)n) - 1];
	case MEMO__M_SENTENCE_WORDS_MAX: return c->max_sentence_words;
	case MEMO__M_LONG_SENTENCE_SHARE:
		return s_share(c->long_sentences, c->sentences);
	case MEMO__M_FLESCH_READING_EASE:
		return memo__flesch_reading_ease(&rc);
	case MEMO__M_FLESCH_KINCAID_GRADE:
		return memo__flesch_kincaid_grade(&rc);
	case MEMO__M_GUNNING_FOG: return memo__gunning_fog(&rc);
	case MEMO__M_SMOG: return memo__smog(&rc);
	case MEMO__M_COLEMAN_LIAU: return memo__coleman_liau(&rc);
	case MEMO__M_ARI: return memo__ari(&rc);
	case MEMO__M_LIX: return memo__lix(&rc);
	case MEMO__M_HEDGE_DENSITY:
		return s_per100(c->k[MEMO__K_HEDGE] + c->k[MEMO__K_APPROXIMATOR],
			w);
	case MEMO__M_BOOSTER_DENSITY:
		return s_per100(c->k[MEMO__K_BOOSTER], w);
	case MEMO__M_UNSUPPORTED_BOOSTER_DENSITY:
		return s_per100(c->unsupported_boosters, w);
	case MEMO__M_WEASEL_DENSITY:
		return s_per100(c->k[MEMO__K_VAGUE] + c->k[MEMO__K_AMOUNT] +
			c->k[MEMO__K_FREQUENCY] + c->k[MEMO__K_ATTRIBUTION], w);
	case MEMO__M_VAGUE_QUANTITY_DENSITY:
		return s_per100(c->k[MEMO__K_VAGUE] + c->k[MEMO__K_AMOUNT], w);
	case MEMO__M_ATTRIBUTION_DENSITY:
		return s_per100(c->k[MEMO__K_ATTRIBUTION], w);
	case MEMO__M_FILLER_DENSITY: return s_per100(c->k[MEMO__K_FILLER], w);
	case MEMO__M_NOMINALIZATION_DENSITY:
		return s_per100(c->k[MEMO__K_NOMINALIZATION], w);
	case MEMO__M_ADVERB_DENSITY: return s_per100(c->k[MEMO__K_ADVERB], w);
	case MEMO__M_PASSIVE_SHARE:
		return s_share(c->passive_sentences, c->sentences);
	case MEMO__M_METRIC_DENSITY: return s_per100(c->k[MEMO__K_METRIC], w);
	case MEMO__M_QUANTIFIED_SHARE:
		return s_share(c->quantified_sentences, c->sentences);
	case MEMO__M_CAUSAL_DENSITY: return s_per100(c->k[MEMO__K_CAUSAL], w);
	case MEMO__M_CAUSAL_SHARE:
		return s_share(c->causal_sentences, c->sentences);
	case MEMO__M_CAUSAL_CHAINS: return c->chains;
	case MEMO__M_LONGEST_CAUSAL_CHAIN: return c->longest_chain;
	case MEMO__M_DECISION_DENSITY:
		return s_per100(c->k[MEMO__K_DECISION], w);
	case MEMO__M_TRADEOFF_DENSITY:
		return s_per100(c->k[MEMO__K_TRADEOFF], w);
	case MEMO__M_ACTIVITY_DENSITY:
		return s_per100(c->k[MEMO__K_ACTIVITY], w);
	case MEMO__M_COMPLETE_STORY_SHARE:
		return s_share(c->complete_paragraphs, c->paragraphs);
	case MEMO__M_SLOGAN_DENSITY: return s_per100(c->k[MEMO__K_SLOGAN], w);
	case MEMO__M_CLICHE_DENSITY: return s_per100(c->k[MEMO__K_CLICHE], w);
	case MEMO__M_BULLET_SHARE: return s_share(c->bullet_words, w);
	case MEMO__M_PAGES:
		return r->page_words > 0 ? w / r->page_words : 0;
	case MEMO__M_UNDEFINED_ACRONYMS: return c->k[MEMO__K_ACRONYM];
	default: return 0;
	}
}

/* ---- scopes ------------------------------------------------------------ */

/* First paragraph record whose node starts at or after offset. */
static size_t s_para_lower(const memo_report *r, uint64_t offset)
{
	size_t lo = 0, hi = r->nparas;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->paras[mid].node->start < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The paragraph records [*first, *last) inside a scope node. */
static int s_scope(const memo_report *r, const memo_node *scope,
	size_t *first, size_t *last)
{
	if (!scope || scope == r->doc->root) {
		*first = 0;
		*last = r->nparas;
		return MEMO_OK;
	}
	if (scope->owner != r->doc || scope->type == MEMO_NODE_NOTES ||
	    scope->type == MEMO_NODE_NOTE)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"scope node is not part of the analyzed body");
	*first = s_para_lower(r, scope->start);
	size_t k = *first;
	/* Paragraph records are in document order; a scope covers a
	 * contiguous run of them. Empty text nodes share offsets, so test
	 * ancestry rather than offsets alone at the end of the run. */
	while (k < r->nparas && r->paras[k].node->start < scope->end) {
		const memo_node *n = r->paras[k].node;
		while (n && n != scope)
			n = n->parent;
		if (!n)
			break;
		k++;
	}
	*last = k;
	return MEMO_OK;
}

/* Sum the counts of paragraph records [first, last). */
static void s_range_counts(const memo_report *r, size_t first, size_t last,
	memo__counts *out)
{
	memo__counts_sub(out, &r->prefix[last], &r->prefix[first]);
	if (first == 0) {
		/* the prefix sums carry the maxima of [0, last) */
		out->longest_chain = r->prefix[last].longest_chain;
		out->max_sentence_words = r->prefix[last].max_sentence_words;
		return;
	}
	for (size_t i = first; i < last; i++) {
		out->longest_chain = s_max(out->longest_chain,
			r->paras[i].c.longest_chain);
		out->max_sentence_words = s_max(out->max_sentence_words,
			r->paras[i].c.max_sentence_words);
	}
}

static int s_value(const memo_report *r, size_t first, size_t last,
	bool (*keep)(const memo__para *, int), int part, size_t m,
	double *out)
{
	memo__counts c;
	memset(&c, 0, sizeof c);
	if (!keep) {
		s_range_counts(r, first, last, &c);
	} else {
		for (size_t i = first; i < last; i++)
			if (keep(&r->paras[i], part))
				memo__counts_add(&c, &r->paras[i].c);
	}
	uint32_t *lengths = NULL;
	size_t n = 0;
	if (m == MEMO__M_SENTENCE_WORDS_MEDIAN ||
	    m == MEMO__M_SENTENCE_WORDS_P90) {
		size_t s0 = first < last ? r->paras[first].sent_first : 0;
		size_t s1 = first < last ? r->paras[last - 1].sent_first +
			r->paras[last - 1].sent_count : 0;
		lengths = memo__malloc((s1 - s0 + 1) * sizeof *lengths);
		if (!lengths)
			return memo__error_oom();
		for (size_t i = s0; i < s1; i++) {
			if (keep && !keep(&r->paras[r->sents[i].paragraph],
				part))
				continue;
			lengths[n++] = r->sents[i].words;
		}
	}
	*out = memo__metric_value(r, (int)m, &c, lengths, n);
	memo__free(lengths);
	return MEMO_OK;
}

int memo_report_metric(const memo_report *r, const memo_node *scope,
	const char *metric_id, double *out)
{
	size_t m, first = 0, last = 0;
	int rc;
	if (!r || !out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_metric: NULL argument");
	if ((rc = memo_metric_lookup(metric_id, &m)) != 0)
		return rc;
	if ((rc = s_scope(r, scope, &first, &last)) != 0)
		return rc;
	rc = s_value(r, first, last, NULL, 0, m, out);
	if (rc == MEMO_OK && m == MEMO__M_UNDEFINED_ACRONYMS && !scope)
		*out = r->undefined_acronyms;
	return rc;
}

static bool s_keep_part(const memo__para *p, int part)
{
	return part == MEMO_PART_APPENDIX ? p->appendix : !p->appendix;
}

int memo_report_part_metric(const memo_report *r, memo_part_t part,
	const char *metric_id, double *out)
{
	size_t m;
	int rc;
	if (!r || !out || (unsigned)part > MEMO_PART_APPENDIX)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_part_metric: bad argument");
	if ((rc = memo_metric_lookup(metric_id, &m)) != 0)
		return rc;
	if (part == MEMO_PART_ALL ||
	    (part == MEMO_PART_BODY && r->nappendix == 0))
		return memo_report_metric(r, NULL, metric_id, out);
	return s_value(r, 0, r->nparas, s_keep_part, (int)part, m, out);
}

/* ---- sentences and annotations ------------------------------------------ */

void memo_report_free(memo_report *r)
{
	if (!r)
		return;
	memo_document_free((memo_document *)r->doc);
	memo__arena_free(&r->arena);
	memo__free(r->sents);
	memo__free(r->paras);
	memo__free(r->prefix);
	memo__free(r->anns);
	memo__free(r->findings);
	memo__free(r->advice);
	memo__free(r->advice_points);
	memo__free(r);
}

const memo_document *memo_report_document(const memo_report *r)
{
	return r ? r->doc : NULL;
}

size_t memo_report_sentence_count(const memo_report *r)
{
	return r ? r->nsents : 0;
}

int memo_report_sentence_range(const memo_report *r, size_t i,
	memo_range *out)
{
	if (!r || !out || i >= r->nsents)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_sentence_range: index out of range");
	memo_document_position(r->doc, r->sents[i].start, &out->start);
	memo_document_position(r->doc, r->sents[i].end, &out->end);
	return MEMO_OK;
}

const memo_node *memo_report_sentence_node(const memo_report *r, size_t i)
{
	return r && i < r->nsents ? r->sents[i].node : NULL;
}

size_t memo_report_sentence_words(const memo_report *r, size_t i)
{
	return r && i < r->nsents ? r->sents[i].words : 0;
}

int memo_report_sentence_metric(const memo_report *r, size_t i,
	const char *metric_id, double *out)
{
	size_t m;
	int rc;
	if (!r || !out || i >= r->nsents)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_sentence_metric: index out of range");
	if ((rc = memo_metric_lookup(metric_id, &m)) != 0)
		return rc;
	memo__counts c;
	memo__sentence_counts(r, i, &c);
	uint32_t len = r->sents[i].words;
	*out = memo__metric_value(r, (int)m, &c, &len, 1);
	return MEMO_OK;
}

int memo_report_sentence_annotations(const memo_report *r, size_t i,
	size_t *first, size_t *count)
{
	if (!r || !first || !count || i >= r->nsents)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_report_sentence_annotations: bad argument");
	*first = r->sents[i].ann_first;
	*count = r->sents[i].ann_count;
	return MEMO_OK;
}

size_t memo_report_annotation_count(const memo_report *r)
{
	return r ? r->nanns : 0;
}

const memo_annotation *memo_report_annotation_at(const memo_report *r,
	size_t i)
{
	return r && i < r->nanns ? &r->anns[i] : NULL;
}

const char *memo_annotation_kind(const memo_annotation *a)
{
	return a ? memo__kind_name((memo__kind)a->kind) : NULL;
}

const char *memo_annotation_entry(const memo_annotation *a)
{
	return a ? a->entry : NULL;
}

const char *memo_annotation_replacement(const memo_annotation *a)
{
	return a ? a->replacement : NULL;
}

double memo_annotation_weight(const memo_annotation *a)
{
	return a ? (double)a->weight : 0.0;
}

void memo_annotation_range(const memo_annotation *a, memo_range *out)
{
	if (!out)
		return;
	memset(out, 0, sizeof *out);
	if (!a)
		return;
	memo_document_position(a->doc, a->start, &out->start);
	memo_document_position(a->doc, a->end, &out->end);
}

size_t memo_annotation_sentence(const memo_annotation *a)
{
	return a ? a->sentence : 0;
}
