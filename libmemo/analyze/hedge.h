/*
 * hedge.h - what a vague quantifier quantifies, and whether a modal is
 * epistemic: the context rules that tell weasel words (a vague source,
 * a hedged claim) from ordinary vague amounts and root modals.
 */
#ifndef MEMO_ANALYZE_HEDGE_H
#define MEMO_ANALYZE_HEDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "wordforms.h"

/* The tokens of one sentence, [t0, t1) of tv over text. wf and form
 * may be NULL; else form[k] is the index in wf of token k's word form
 * (wordforms.h), and hedge.c keeps its word classes of each form there
 * (memo__wform.hedge), computed on first use: wf must then be the
 * analysis' own table, used by one thread. */
typedef struct memo__hspan {
	const char *text;
	const memo__token *tv;
	size_t t0, t1;
	const memo__wforms *wf;
	const uint32_t *form;
} memo__hspan;

/* The kind for a vague quantifier over tokens [k0, k1], whose lexicon
 * kind is sub ("quantity": some, many, several; "count": a number of,
 * numerous; "proportion": most, the majority of; "paucal": a few;
 * "diversity": various):
 * MEMO__K_ATTRIBUTION when it quantifies the people who hold a claim
 * ("some critics argue", "credited by many with", "some have claimed");
 * MEMO__K_FREQUENCY when it quantifies units of time ("for several
 * years", "many times"); MEMO__K_VAGUE for people, sources or opinions
 * ("many fans", "some debate"), adverbs ("widely") and "quantity"
 * quantifiers of things ("many structures"); MEMO__K_AMOUNT for the
 * other quantifiers of things ("most of the species", "a few
 * buildings", "various dates") and for "most" before an adverb ("most
 * often", a superlative degree). */
memo__kind memo__hedge_quantifier_kind(const memo__hspan *s, size_t k0,
	size_t k1, const char *sub);

/* Is sub a lexicon kind of quantifier (quantity, count, proportion,
 * paucal, diversity)? */
bool memo__hedge_is_quantifier(const char *sub);

/* The kind for a vague frequency (lexicon kind "frequency") over tokens
 * [k0, k1]: MEMO__K_ATTRIBUTION when it says how often unnamed people
 * name or judge something, in an agentless passive ("is often referred
 * to as", "is commonly called", "was generally agreed"), else
 * MEMO__K_FREQUENCY. */
memo__kind memo__hedge_frequency_kind(const memo__hspan *s, size_t k0,
	size_t k1);

/* The weight of the modal hedge at token k (may, might, could, would):
 * 1 for an epistemic modal over a perfect ("may have been", "could have
 * influenced"); 0.5 for the adjective "likely" ("is likely to", "more
 * likely", "a likely option": a tendency or a comparison of chances as
 * often as a hedge), the adverb keeping w ("they likely had"); else w
 * unchanged. */
float memo__hedge_modal_weight(const memo__hspan *s, size_t k, float w);

/* Is the hedge hit over tokens [k0, k1] a bare verb of believing
 * ("believes", "suppose") whose subject is a third person or a name
 * ("he believes", "Crone believes", "Shi'a Muslims believe")? Then it
 * reports someone's view, attributed to them, and is no hedge of the
 * writer's ("I believe", "we believe", "to believe" stay hedges). */
bool memo__hedge_reported(const memo__hspan *s, size_t k0, size_t k1);

/* The next unnamed source of a claim at or after token *k: a bare
 * plural noun of people opening a clause as the subject of a verb of
 * saying or judging ("Critics argue", "Critics of this reading have
 * long claimed", "music critics say"), or such a noun as the agent of
 * a passive of judging ("praised by critics", "cited by other
 * scholars"). Sets [*a0, *a1] to its tokens and *k past it; false
 * (and *k at the end) when there is none. A determiner, possessive or
 * name makes the group definite ("the critics of the plan", "Apple's
 * engineers"), and a quantified one ("many critics") is found through
 * the quantifier (memo__hedge_quantifier_kind). */
bool memo__hedge_source(const memo__hspan *s, size_t *k, size_t *a0,
	size_t *a1);

/* The kind of a lexicon hit of kind `kind` (hedge or vague) whose entry
 * has the lexicon kind sub (may be NULL) over tokens [k0, k1]: the
 * functions above, plus MEMO__K_APPROXIMATOR for a hedge of degree
 * ("almost", "roughly": sub "approximator") and MEMO__K_AMOUNT for an
 * intensifier, a comparative or a list tail ("significantly faster",
 * "etc."). Other hits keep their kind. Every kind returned gives the
 * same finding and the same metric as the lexicon class did (rules.c,
 * report.c): the split only says which cues are about the certainty or
 * the source of a claim (hedge, vague, attribution) and which about a
 * degree or an amount (approximator, vague-amount, frequency). */
memo__kind memo__hedge_kind(const memo__hspan *s, memo__kind kind,
	const char *sub, size_t k0, size_t k1);

/* For tests: true when every word list of hedge.c is sorted and lower
 * case (its lookups are binary searches). */
bool memo__hedge_lists_ok(void);

#endif
