/*
 * memo/finding.h - findings: parse warnings now, analysis findings later.
 *
 * Include <memo.h> rather than this file.
 */
#ifndef MEMO_FINDING_H
#define MEMO_FINDING_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct memo_node memo_node;

/** A finding: a rule id, a severity, a message and a range. Opaque. */
typedef struct memo_finding memo_finding;

/** Severities. Append only. */
typedef enum memo_severity_t {
	MEMO_SEVERITY_NONE = 0,    /**< off */
	MEMO_SEVERITY_INFO = 1,
	MEMO_SEVERITY_WARNING = 2,
	MEMO_SEVERITY_ERROR = 3
} memo_severity_t;

/** "info", "warning", "error", or "none". Static; never NULL. */
MEMO_EXTERN(const char *) memo_severity_name(memo_severity_t severity);

/**
 * The finding's rule id ("parse.tracked-changes"). Rule ids are stable:
 * never renamed, only deprecated. Borrowed from the finding's owner.
 * NULL for a NULL finding.
 */
MEMO_EXTERN(const char *) memo_finding_rule_id(const memo_finding *f);

/** The finding's severity; MEMO_SEVERITY_NONE for NULL. */
MEMO_EXTERN(memo_severity_t) memo_finding_severity(const memo_finding *f);

/** A one-line English message. Borrowed; NULL for a NULL finding. */
MEMO_EXTERN(const char *) memo_finding_message(const memo_finding *f);

/**
 * The range the finding is about, in the document text. A finding about
 * the whole file (an encrypted part, say) has an empty range at 0.
 * @p out must not be NULL; a NULL @p f gives an all-zero range.
 */
MEMO_EXTERN(void) memo_finding_range(const memo_finding *f, memo_range *out);

/** The innermost node that holds the finding, or NULL. Borrowed. */
MEMO_EXTERN(const memo_node *) memo_finding_node(const memo_finding *f);

/** Number of suggested replacements (0 or more). */
MEMO_EXTERN(size_t) memo_finding_replacement_count(const memo_finding *f);

/** Replacement @p index as UTF-8, or NULL when out of range. Borrowed. */
MEMO_EXTERN(const char *) memo_finding_replacement_at(const memo_finding *f,
	size_t index);

#ifdef __cplusplus
}
#endif

#endif /* MEMO_FINDING_H */
