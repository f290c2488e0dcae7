/*
 * words.h - small fixed word lists the context rules use (function words,
 * be-forms, units, named metrics, acronym exceptions). Each list is a
 * sorted array of lower-case ASCII strings; membership goes through one
 * hash index over all of them (built once, read-only).
 */
#ifndef MEMO_ANALYZE_WORDS_H
#define MEMO_ANALYZE_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum memo__wordlist {
	MEMO__WL_BE,            /* am is are was were be been being */
	MEMO__WL_GET,           /* get gets got gotten getting */
	MEMO__WL_PASSIVE_ADV,   /* adverbs allowed between aux and participle */
	MEMO__WL_ADJ_PARTICIPLE,/* "is interested": adjectives, not passives */
	MEMO__WL_NOT_PARTICIPLE,/* -ed words that are not participles */
	MEMO__WL_OWNER,         /* subjects that own a decision */
	MEMO__WL_STARTER,       /* capitalised sentence starters, not names */
	MEMO__WL_SO_TARGET,     /* words after an intensifier "so" */
	MEMO__WL_TIME_NEXT,     /* "since then": temporal followers */
	MEMO__WL_MONTH_PREV,    /* "in May": words before a month */
	MEMO__WL_PREFERENCE,    /* prefer, prioritize, choose ... (stems) */
	MEMO__WL_NUM_PREV,      /* to, by, from ... before a bare number */
	MEMO__WL_EVIDENCE,      /* customer-failure nouns backing a slogan */
	MEMO__WL_NAMED_METRIC,  /* nps, csat, dau ... */
	MEMO__WL_ACRONYM_OK,    /* acronyms everyone knows */
	MEMO__WL_DETERMINER,    /* a, the, this, our ... */
	MEMO__WL_ATTR_REPORT,   /* "is said/believed to": report verbs */
	MEMO__WL_ATTR_JUDGE,    /* "is regarded as", "is considered X" */
	MEMO__WL_ATTR_EVAL,     /* "was criticized": evaluation verbs */
	MEMO__WL_NOT_COMPLEMENT,/* prepositions, conjunctions after a verb */
	MEMO__WL_ADJ_SUFFIX,    /* ous, ful, ive ...: adjective endings */
	MEMO__WL_REPORT_PAST,   /* said, announced, decided ... */
	MEMO__WL_SUBJECT,       /* we, they, it ...: subject pronouns */
	MEMO__WL_APPEAR_PLACE,  /* in, on, at ... after "appeared" */
	MEMO__WL_COUNT
} memo__wordlist;

/* True when s[0..len) (compared case-insensitively, ASCII) is in list. */
bool memo__wl_has(memo__wordlist list, const char *s, size_t len);

/* The lists that hold s[0..len) (as memo__wl_has): bit l for list l. */
uint32_t memo__wl_mask(const char *s, size_t len);

/* The lists that hold the word s[0..len) whose memo__wk_hash() is h with
 * first bytes k0 (wordkey.h), and bit MEMO__WL_COUNT when it is an
 * irregular participle (memo__is_irregular_participle). */
uint32_t memo__wl_mask_key(const char *s, size_t len, uint64_t h,
	uint64_t k0);

/* True when s[0..len) starts with one of the list's stems. */
bool memo__wl_has_prefix(memo__wordlist list, const char *s, size_t len);

/* True when s[0..len) ends with one of the list's endings (and is longer
 * than it). */
bool memo__wl_has_suffix(memo__wordlist list, const char *s, size_t len);

/* True when s[0..len) is an irregular past participle ("made", "cut",
 * "written"), from the lexicons' irregular-verb table. */
bool memo__is_irregular_participle(const char *s, size_t len);

/* For tests: every list is sorted and lower case, and the index holds
 * every participle. */
bool memo__wl_check(void);

#endif
