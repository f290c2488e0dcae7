/*
 * memo/report.h - what memo_analyze() found: metrics, sentences and
 * annotations.
 *
 * Include <memo.h> rather than this file.
 *
 * A report is immutable and may be read from any number of threads. Every
 * pointer it returns is borrowed and lives as long as the report.
 */
#ifndef MEMO_REPORT_H
#define MEMO_REPORT_H

#include "common.h"
#include "analyzer.h"
#include "node.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the metric registry ---------------------------------------------
 * Metrics are named by stable string ids ("hedge_density"); tools and
 * bindings list them at run time instead of hard-coding them.
 */

/** Number of metrics. */
MEMO_EXTERN(size_t) memo_metric_count(void);

/** Id of metric @p index ("words"), or NULL when out of range. Static. */
MEMO_EXTERN(const char *) memo_metric_id(size_t index);

/** Display name of metric @p index ("Hedge density"), or NULL. Static. */
MEMO_EXTERN(const char *) memo_metric_name(size_t index);

/** One-line definition of metric @p index, or NULL. Static. */
MEMO_EXTERN(const char *) memo_metric_description(size_t index);

/** Group of metric @p index ("size", "hedging", ...), or NULL. Static. */
MEMO_EXTERN(const char *) memo_metric_group(size_t index);

/** Find a metric by id. Returns MEMO_OK or MEMO_ENOTFOUND. */
MEMO_EXTERN(int) memo_metric_lookup(const char *id, size_t *index_out);

/* ---- reports --------------------------------------------------------- */

/** Parts of a document for memo_report_part_metric(). */
typedef enum memo_part_t {
	MEMO_PART_ALL = 0,      /**< the whole document */
	MEMO_PART_BODY = 1,     /**< everything but the appendix */
	MEMO_PART_APPENDIX = 2  /**< sections titled "Appendix ..." / "Annex" */
} memo_part_t;

/** Free a report. NULL-safe. Drops the report's document reference. */
MEMO_EXTERN(void) memo_report_free(memo_report *report);

/** The analyzed document. Borrowed from the report. */
MEMO_EXTERN(const memo_document *) memo_report_document(
	const memo_report *report);

/**
 * The value of metric @p metric_id for @p scope: NULL or the DOCUMENT node
 * for the whole document, a SECTION node (with its subsections), or a
 * text node (PARAGRAPH or HEADING). Returns MEMO_ENOTFOUND for an unknown
 * metric id, MEMO_EINVALID for a node of another type or document.
 */
MEMO_EXTERN(int) memo_report_metric(const memo_report *report,
	const memo_node *scope, const char *metric_id, double *out);

/** The value of a metric for a part of the document (body, appendix). */
MEMO_EXTERN(int) memo_report_part_metric(const memo_report *report,
	memo_part_t part, const char *metric_id, double *out);

/* ---- sentences --------------------------------------------------------- */

/** Number of sentences in the document (body, appendix and tables). */
MEMO_EXTERN(size_t) memo_report_sentence_count(const memo_report *report);

/** Range of sentence @p index in the document text; MEMO_EINVALID. */
MEMO_EXTERN(int) memo_report_sentence_range(const memo_report *report,
	size_t index, memo_range *out);

/** The text node that holds sentence @p index, or NULL. Borrowed. */
MEMO_EXTERN(const memo_node *) memo_report_sentence_node(
	const memo_report *report, size_t index);

/** The sentence's words (the count the metrics use); 0 when invalid. */
MEMO_EXTERN(size_t) memo_report_sentence_words(const memo_report *report,
	size_t index);

/** A metric for one sentence; as memo_report_metric(). */
MEMO_EXTERN(int) memo_report_sentence_metric(const memo_report *report,
	size_t index, const char *metric_id, double *out);

/**
 * The annotations inside sentence @p index: indexes
 * [*first, *first + *count) of memo_report_annotation_at().
 */
MEMO_EXTERN(int) memo_report_sentence_annotations(const memo_report *report,
	size_t index, size_t *first, size_t *count);

/* ---- annotations -------------------------------------------------------
 * An annotation is a span the analyzer recognised and kept after its
 * context rules: a hedge, a metric expression, a causal marker...
 */
typedef struct memo_annotation memo_annotation;

/** Number of annotations, in document order. */
MEMO_EXTERN(size_t) memo_report_annotation_count(const memo_report *report);

/** Annotation @p index, or NULL. Borrowed. */
MEMO_EXTERN(const memo_annotation *) memo_report_annotation_at(
	const memo_report *report, size_t index);

/**
 * Kind of annotation: "hedge" (a shield: may, probably, it seems),
 * "approximator" (a hedge of degree: almost, roughly), "booster",
 * "vague" (a vague reference to people or sources, or some/many/several),
 * "vague-amount" (a vague amount or degree: most of the servers, a few,
 * significantly faster), "frequency" (a vague frequency or time: often,
 * soon), "attribution", "filler", "nominalization", "adverb", "passive",
 * "metric", "causal", "decision", "tradeoff", "activity", "slogan",
 * "cliche", "acronym", "agentless-decision", "repeated-word". New kinds
 * may be added; callers must accept names they do not know.
 * Static; NULL for NULL.
 */
MEMO_EXTERN(const char *) memo_annotation_kind(const memo_annotation *a);

/**
 * The lexicon entry or pattern that matched ("might", "percent",
 * "due to the fact that"). Borrowed; NULL for NULL.
 */
MEMO_EXTERN(const char *) memo_annotation_entry(const memo_annotation *a);

/** A suggested replacement (fillers, nominalizations), or NULL. */
MEMO_EXTERN(const char *) memo_annotation_replacement(
	const memo_annotation *a);

/** The annotation's weight in its metric (1.0; "should" counts 0.5). */
MEMO_EXTERN(double) memo_annotation_weight(const memo_annotation *a);

/** The annotation's range in the document text. */
MEMO_EXTERN(void) memo_annotation_range(const memo_annotation *a,
	memo_range *out);

/** Index of the sentence that holds the annotation. */
MEMO_EXTERN(size_t) memo_annotation_sentence(const memo_annotation *a);

/* ---- findings ------------------------------------------------------------
 * Findings are what a writer acts on: a rule id, a severity, a message, a
 * range and zero or more replacements. They are sorted by position. The
 * parse warnings of the document come first in the same list.
 */

/** Number of findings (parse warnings included). */
MEMO_EXTERN(size_t) memo_report_finding_count(const memo_report *report);

/** Finding @p index, or NULL. Borrowed from the report. */
MEMO_EXTERN(const memo_finding *) memo_report_finding_at(
	const memo_report *report, size_t index);

/* ---- document kind and score ---------------------------------------------- */

/**
 * The document kind: "narrative", "prfaq", "one-pager", "decision",
 * "coe", "metrics" or "generic"; from configuration, front matter, or
 * detected from headings and signals. Static; never NULL for a report.
 */
MEMO_EXTERN(const char *) memo_report_kind(const memo_report *report);

/** How the kind was chosen: "config", "front-matter" or "detected". */
MEMO_EXTERN(const char *) memo_report_kind_source(const memo_report *report);

/** Number of sub-scores (compression, evidence, causality, judgment,
 * structure). */
MEMO_EXTERN(size_t) memo_subscore_count(void);

/** Name of sub-score @p index ("evidence"), or NULL. Static. */
MEMO_EXTERN(const char *) memo_subscore_name(size_t index);

/**
 * The score (0-100) of @p scope: NULL for the document, or a SECTION.
 * With @p subscore NULL the weighted total, else that sub-score.
 * MEMO_ENOTFOUND for an unknown sub-score, MEMO_EINVALID for a bad scope.
 */
MEMO_EXTERN(int) memo_report_score(const memo_report *report,
	const memo_node *scope, const char *subscore, double *out);

/**
 * The changes that would gain the most points, best first: up to
 * memo_report_advice_count() items, each a message naming the metric,
 * its value and target, and the points it would gain.
 */
MEMO_EXTERN(size_t) memo_report_advice_count(const memo_report *report);

/** Advice @p index: message (borrowed) and points it would gain. */
MEMO_EXTERN(const char *) memo_report_advice_at(const memo_report *report,
	size_t index, double *points_out);

/* ---- JSON -------------------------------------------------------------- */

/** memo_report_to_json() flag: list every sentence with annotations. */
#define MEMO_JSON_SENTENCES 0x0001u
/** memo_report_to_json() flag: metrics of every paragraph too. */
#define MEMO_JSON_PARAGRAPHS 0x0002u
/** memo_report_to_json() flag: leave out findings. */
#define MEMO_JSON_NO_FINDINGS 0x0004u

/**
 * The report as JSON (schema "libmemo.report/1"): file, format, title,
 * metrics (id -> value) for the document, body and appendix, sections
 * with their metrics and children, and with MEMO_JSON_SENTENCES the
 * sentences with range, words and annotations.
 * @ownership caller-frees *out with memo_free().
 * Returns MEMO_OK, MEMO_EINVALID (unknown flags) or MEMO_ENOMEM.
 */
MEMO_EXTERN(int) memo_report_to_json(const memo_report *report,
	uint32_t flags, char **out, size_t *len_out);

#ifdef __cplusplus
}
#endif

#endif /* MEMO_REPORT_H */
