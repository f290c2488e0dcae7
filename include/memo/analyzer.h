/*
 * memo/analyzer.h - configuration and the analyzer.
 *
 * Include <memo.h> rather than this file.
 *
 * A memo_config is a mutable builder used by one thread. memo_analyzer_new()
 * copies it into an immutable memo_analyzer (compiled lexicons, thresholds),
 * which any number of threads may use at once through memo_analyze().
 */
#ifndef MEMO_ANALYZER_H
#define MEMO_ANALYZER_H

#include "common.h"
#include "document.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A configuration builder. Opaque; one thread at a time. */
typedef struct memo_config memo_config;
/** A frozen analyzer. Opaque; immutable; share it freely. */
typedef struct memo_analyzer memo_analyzer;
/** The result of analyzing one document. Opaque; immutable. */
typedef struct memo_report memo_report;

/**
 * Make a configuration holding the defaults.
 * @ownership caller-frees *out with memo_config_free().
 * Returns MEMO_OK or MEMO_ENOMEM.
 */
MEMO_EXTERN(int) memo_config_new(memo_config **out);

/** Free a configuration. NULL-safe. */
MEMO_EXTERN(void) memo_config_free(memo_config *cfg);

/**
 * Set a numeric setting by key, e.g. "sentence.max_words" (30) or
 * "page.words" (500). The keys are listed by memo_config_key_count() and
 * memo_config_key_at(). Returns MEMO_ENOTFOUND for an unknown key and
 * MEMO_EINVALID for a value out of the key's range.
 */
MEMO_EXTERN(int) memo_config_set_double(memo_config *cfg, const char *key,
	double value);

/** Same as memo_config_set_double() for whole numbers. */
MEMO_EXTERN(int) memo_config_set_int(memo_config *cfg, const char *key,
	int64_t value);

/** The current value of a numeric setting, or MEMO_ENOTFOUND. */
MEMO_EXTERN(int) memo_config_get_double(const memo_config *cfg,
	const char *key, double *out);

/** Number of numeric setting keys. */
MEMO_EXTERN(size_t) memo_config_key_count(void);

/** Key @p index ("sentence.max_words"), or NULL. Static. */
MEMO_EXTERN(const char *) memo_config_key_at(size_t index);

/** A one-line description of key @p index, or NULL. Static. */
MEMO_EXTERN(const char *) memo_config_key_description(size_t index);

/**
 * Add @p entry (a word or phrase, UTF-8) to lexicon @p lexicon ("hedge",
 * "booster", "vague", "attribution", "filler", "nominalization",
 * "adverb", "activity", "decision", "tradeoff", "causal", "slogan",
 * "cliche"). Returns MEMO_ENOTFOUND for an unknown lexicon and
 * MEMO_EINVALID for an empty entry.
 */
MEMO_EXTERN(int) memo_config_lexicon_add(memo_config *cfg,
	const char *lexicon, const char *entry);

/**
 * Remove @p entry from lexicon @p lexicon (built-in or added). Removing an
 * entry the lexicon does not have is not an error. Returns MEMO_ENOTFOUND
 * for an unknown lexicon.
 */
MEMO_EXTERN(int) memo_config_lexicon_remove(memo_config *cfg,
	const char *lexicon, const char *entry);

/** Number of lexicons. */
MEMO_EXTERN(size_t) memo_lexicon_count(void);

/** Name of lexicon @p index ("hedge"), or NULL. Static. */
MEMO_EXTERN(const char *) memo_lexicon_name(size_t index);

/* ---- configuration files ---------------------------------------------- */

/**
 * Read an INI configuration file (the `.memo.ini` format, see
 * docs/configuration.md) into @p cfg, on top of what it holds. Unknown
 * sections or keys and bad values fail with MEMO_EINVALID and a message
 * naming the file and line; MEMO_EIO when the file cannot be read.
 * @p cfg keeps the file's folder to resolve relative paths and globs.
 */
MEMO_EXTERN(int) memo_config_load_file(memo_config *cfg, const char *path);

/**
 * Find the configuration that applies to a document in @p start_dir:
 * `.memo.ini` in that folder or the nearest parent folder, as
 * `.editorconfig` is found. Returns MEMO_OK with a path the caller frees
 * with memo_free(), or MEMO_ENOTFOUND (then *out is NULL).
 */
MEMO_EXTERN(int) memo_config_find(char **out, const char *start_dir);

/**
 * Set a string setting by key: "kind" (force a document kind),
 * "spelling.language" ("en_US"), "spelling.dictionary" (path of a .dic
 * next to its .aff). MEMO_ENOTFOUND for an unknown key, MEMO_EINVALID for
 * a bad value.
 */
MEMO_EXTERN(int) memo_config_set_string(memo_config *cfg, const char *key,
	const char *value);

/**
 * Give documents whose name matches the shell glob @p glob the kind
 * @p kind; the glob is matched against the name given at parse time, as
 * fnmatch(3) does with FNM_PATHNAME, and a glob with no slash is matched
 * against the base name only. Later calls win over earlier ones.
 */
MEMO_EXTERN(int) memo_config_set_kind_for(memo_config *cfg,
	const char *glob, const char *kind);

/** Accept @p word in spell checking (a project word, a product name). */
MEMO_EXTERN(int) memo_config_accept_word(memo_config *cfg, const char *word);

/* ---- rules --------------------------------------------------------------
 * Every finding comes from a rule. Rule ids are stable API ("hedge",
 * "prfaq.headline"): never renamed, only deprecated. Tools list the rules
 * at run time instead of hard-coding them.
 */

/** A rule of the registry. Static; lives forever. */
typedef struct memo_rule memo_rule;

/** Number of rules. */
MEMO_EXTERN(size_t) memo_rule_count(void);

/** Rule @p index, or NULL when out of range. */
MEMO_EXTERN(const memo_rule *) memo_rule_at(size_t index);

/** The rule with id @p rule_id, or NULL. */
MEMO_EXTERN(const memo_rule *) memo_rule_lookup(const char *rule_id);

/** The rule's id ("vague.quantity"). Static; NULL for NULL. */
MEMO_EXTERN(const char *) memo_rule_id(const memo_rule *rule);

/** A one-line summary. Static; NULL for NULL. */
MEMO_EXTERN(const char *) memo_rule_summary(const memo_rule *rule);

/** A paragraph of documentation: what fires, why, how to fix. Static. */
MEMO_EXTERN(const char *) memo_rule_description(const memo_rule *rule);

/** The severity the rule has unless configured otherwise. */
MEMO_EXTERN(memo_severity_t) memo_rule_default_severity(
	const memo_rule *rule);

/**
 * Set a rule's severity; MEMO_SEVERITY_NONE turns it off. @p rule_id may
 * end in ".*" to set a family ("prfaq.*"). MEMO_ENOTFOUND for an unknown
 * rule.
 */
MEMO_EXTERN(int) memo_config_set_rule(memo_config *cfg, const char *rule_id,
	memo_severity_t severity);

/**
 * Freeze @p cfg (NULL = defaults) into an analyzer. The configuration is
 * copied: it may be changed or freed afterwards.
 * @ownership caller-frees *out with memo_analyzer_free().
 * Returns MEMO_OK, MEMO_ENOMEM or MEMO_EINVALID.
 */
MEMO_EXTERN(int) memo_analyzer_new(memo_analyzer **out,
	const memo_config *cfg);

/**
 * Free an analyzer. NULL-safe. No memo_analyze() call may still be using
 * it; reports made with it do not depend on it.
 */
MEMO_EXTERN(void) memo_analyzer_free(memo_analyzer *analyzer);

/**
 * Analyze a document: sentences, words, annotations and every metric for
 * every sentence, paragraph, section and the whole document.
 *
 * Reentrant: many threads may analyze with one analyzer at once, on the
 * same or different documents. The report keeps @p doc alive.
 *
 * Memory: from its second analysis on, an analyzer keeps what it learned
 * about each distinct word (word lists, readability counts, lexicon
 * word) in a cache shared lock-free by all its callers, so a batch of
 * documents or an editor analysing the same text again skips that work.
 * The cache is bounded (65,536 words, about 8 MB when full) and freed
 * by memo_analyzer_free(); no result depends on it, and a failure to
 * allocate it only leaves it unfilled.
 * @ownership caller-frees *out with memo_report_free().
 * Returns MEMO_OK, MEMO_EINVALID (NULL argument) or MEMO_ENOMEM.
 */
MEMO_EXTERN(int) memo_analyze(memo_report **out,
	const memo_analyzer *analyzer, const memo_document *doc);

#ifdef __cplusplus
}
#endif

#endif /* MEMO_ANALYZER_H */
