/*
 * words.c - the fixed word lists of the context rules.
 *
 * The acronym exceptions start from the Vale Google/Microsoft styles'
 * Acronyms.yml exception list (MIT licence, errata-ai) and add the
 * business acronyms that list suggests for memos which every reader
 * knows (CEO, VP, FAQ...). Domain metrics (NPS, ARR) are left out on
 * purpose: a memo should define them.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "words.h"
#include "wordkey.h"
#include "lex/lexdefs.h"

static const char *const s_be[] = { "am", "are", "be", "been", "being",
	"is", "was", "were" };
static const char *const s_get[] = { "get", "gets", "getting", "got",
	"gotten" };
static const char *const s_passive_adv[] = { "all", "already", "also",
	"always", "both", "certainly", "entirely", "eventually", "finally",
	"first", "fully", "just", "largely", "later", "mostly", "never",
	"not", "now", "often", "partly", "quickly", "rarely", "recently",
	"since", "slowly", "still", "then", "usually" };
static const char *const s_adj_participle[] = { "advanced", "aged",
	"aligned", "ashamed", "based", "bored", "committed", "complicated",
	"concerned", "confused", "connected", "convinced", "dedicated",
	"delighted", "detailed", "determined", "disappointed", "done",
	"excited", "experienced", "exposed", "focused", "gone", "interested",
	"involved", "limited", "located", "married", "motivated", "needed",
	"obsessed", "pleased", "prepared", "qualified", "related", "satisfied",
	"scared", "skilled", "sophisticated", "supposed", "surprised",
	"tired", "used", "worried" };
static const char *const s_not_participle[] = { "bed", "bleed", "breed",
	"exceed", "feed", "hundred", "indeed", "kindred", "naked", "need",
	"proceed", "red", "sacred", "seed", "shed", "speed", "succeed",
	"wed", "weed", "wicked" };
static const char *const s_owner[] = { "board", "committee", "company",
	"i", "leadership", "management", "our", "owner", "owners", "team",
	"teams", "us", "we" };
static const char *const s_starter[] = { "a", "after", "all", "also",
	"an", "and", "any", "as", "at", "because", "before", "both", "but",
	"by", "each", "every", "for", "from", "given", "how", "however", "if",
	"in", "instead", "it", "its", "last", "most", "next", "no", "not",
	"now", "of", "on", "once", "one", "only", "or", "other", "since",
	"so", "some", "that", "the", "their", "then", "there", "these",
	"they", "this", "those", "thus", "to", "until", "we", "what", "when",
	"where", "which", "while", "who", "why", "with", "without", "yet" };
static const char *const s_so_target[] = { "bad", "big", "called",
	"easy", "far", "fast", "few", "forth", "good", "great", "hard",
	"important", "large", "little", "long", "many", "much", "often",
	"on", "quickly", "simple", "slow", "small", "that", "to", "too",
	"very", "well" };
static const char *const s_time_next[] = { "april", "august", "december",
	"early", "february", "january", "july", "june", "last", "late",
	"march", "may", "november", "october", "september", "then" };
static const char *const s_month_prev[] = { "after", "before", "by",
	"during", "early", "end", "in", "late", "mid", "of", "since",
	"through", "until" };
static const char *const s_preference[] = { "choos", "chose", "favor",
	"favour", "opt", "pick", "prefer", "priorit", "select" };
static const char *const s_num_prev[] = { "about", "above", "approximately",
	"around", "at", "below", "by", "from", "nearly", "of", "over",
	"roughly", "than", "to", "under" };
static const char *const s_evidence[] = { "abandoned", "abandonment",
	"bug", "bugs", "cancellations", "churn", "complaint", "complaints",
	"defect", "defects", "error", "errors", "escalation", "escalations",
	"failure", "failures", "incident", "incidents", "latency", "outage",
	"outages", "refund", "refunds", "returns", "tickets", "timeouts" };
static const char *const s_named_metric[] = { "aov", "arpu", "arr", "cac",
	"csat", "ctr", "dau", "gmv", "ltv", "mau", "mom", "mrr", "mttd",
	"mttr", "nps", "qoq", "qps", "roi", "rps", "tps", "wau", "wow",
	"yoy" };
static const char *const s_acronym_ok[] = { "ai", "am", "api", "apis",
	"asap", "ceo", "cfo", "cio", "cli", "coo", "cpu", "css", "csv",
	"cto", "eu", "eur", "evp", "faq", "faqs", "fyi", "gbp", "gpu", "gui",
	"hr", "html", "http", "https", "id", "ide", "it", "json", "ml", "nasa",
	"nato", "ok",
	"pdf", "pm", "pr", "ram", "sdk", "sql", "ssh", "ssl", "svp", "tbd",
	"tcp", "todo", "tv", "u.k.", "u.s.", "u.s.a.", "ui", "uk", "uri", "url",
	"us", "usa", "usb", "usd",
	"utf", "ux", "vp", "xml", "yaml", "zip" };

static const char *const s_determiner[] = { "a", "an", "another", "any",
	"each", "every", "her", "his", "its", "my", "no", "our", "that",
	"the", "their", "these", "this", "those", "your" };

/* Passive attribution (RULES.md 1 "unsupported attributions",
 * Wikipedia MOS:WEASEL "it is believed/regarded/considered", "has been
 * described as"): a be-passive of a verb of saying, believing, judging or
 * evaluating with no agent hides who holds the view. Report verbs count
 * before "to"/"that" ("is said to", "was claimed that"), judgement verbs
 * before "as"/"to" or a complement ("is considered the best"), evaluation
 * verbs always ("was criticized"). */
static const char *const s_attr_report[] = { "alleged", "assumed",
	"believed", "claimed", "presumed", "reported", "reputed", "rumored",
	"rumoured", "said", "suspected", "thought" };
static const char *const s_attr_judge[] = { "billed", "branded",
	"characterised", "characterized", "considered", "deemed",
	"described", "hailed", "known", "labeled", "labelled", "perceived",
	"regarded", "seen", "touted", "viewed" };
static const char *const s_attr_eval[] = { "acclaimed", "challenged",
	"condemned", "contested", "criticised", "criticized", "debated",
	"derided", "disputed", "doubted", "lauded", "praised", "questioned" };
static const char *const s_not_complement[] = { "after", "along", "and",
	"at", "before", "but", "by", "during", "for", "from", "in", "into",
	"nor", "on", "or", "over", "since", "so", "then", "through", "under",
	"until", "upon", "when", "where", "whether", "while", "with",
	"within", "without", "yet" };
/* Past-tense verbs of saying and deciding: a later "would" reports a
 * future seen from the past ("we announced that we would ship"), not the
 * writer's hedge. */
static const char *const s_report_past[] = { "agreed", "announced",
	"confirmed", "decided", "declared", "pledged", "predicted",
	"promised", "replied", "said", "stated", "swore", "told", "vowed",
	"warned" };
/* After "appear(s/ed)": a place, a time or a co-star, so the verb means
 * "show up" or "be published", not "seem" ("it appeared in the film",
 * "the error appears at login"). */
static const char *const s_appear_place[] = { "alongside", "at", "before",
	"during", "in", "inside", "on", "onstage", "opposite", "under",
	"when", "with", "within" };
/* Subject pronouns: "so" before one joins two clauses ("so we cut"). */
static const char *const s_subject[] = { "he", "i", "it", "she", "there",
	"they", "we", "you" };
/* Endings of adjectives ("most popular", "most effective"): a superlative
 * "most", not a quantity. Compared against the end of a word. */
static const char *const s_adj_suffix[] = { "able", "ant", "ent", "ful",
	"ible", "ical", "ive", "less", "ous", "ular" };

typedef struct s_list {
	const char *const *v;
	size_t n;
} s_list;

#define L(a) { a, sizeof a / sizeof *a }
static const s_list s_lists[MEMO__WL_COUNT] = {
	[MEMO__WL_BE] = L(s_be),
	[MEMO__WL_GET] = L(s_get),
	[MEMO__WL_PASSIVE_ADV] = L(s_passive_adv),
	[MEMO__WL_ADJ_PARTICIPLE] = L(s_adj_participle),
	[MEMO__WL_NOT_PARTICIPLE] = L(s_not_participle),
	[MEMO__WL_OWNER] = L(s_owner),
	[MEMO__WL_STARTER] = L(s_starter),
	[MEMO__WL_SO_TARGET] = L(s_so_target),
	[MEMO__WL_TIME_NEXT] = L(s_time_next),
	[MEMO__WL_MONTH_PREV] = L(s_month_prev),
	[MEMO__WL_PREFERENCE] = L(s_preference),
	[MEMO__WL_NUM_PREV] = L(s_num_prev),
	[MEMO__WL_EVIDENCE] = L(s_evidence),
	[MEMO__WL_NAMED_METRIC] = L(s_named_metric),
	[MEMO__WL_ACRONYM_OK] = L(s_acronym_ok),
	[MEMO__WL_DETERMINER] = L(s_determiner),
	[MEMO__WL_ATTR_REPORT] = L(s_attr_report),
	[MEMO__WL_ATTR_JUDGE] = L(s_attr_judge),
	[MEMO__WL_ATTR_EVAL] = L(s_attr_eval),
	[MEMO__WL_NOT_COMPLEMENT] = L(s_not_complement),
	[MEMO__WL_ADJ_SUFFIX] = L(s_adj_suffix),
	[MEMO__WL_REPORT_PAST] = L(s_report_past),
	[MEMO__WL_SUBJECT] = L(s_subject),
	[MEMO__WL_APPEAR_PLACE] = L(s_appear_place),
};

static bool s_index_complete(void);

/* For tests: true when every list is sorted (no duplicates, easy to
 * review) and lower case (the index is searched with the folded word),
 * and when the index holds every participle. */
bool memo__wl_check(void)
{
	if (!s_index_complete())
		return false;
	for (size_t l = 0; l < MEMO__WL_COUNT; l++)
		for (size_t i = 0; i < s_lists[l].n; i++) {
			const char *w = s_lists[l].v[i];
			for (const char *p = w; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					return false;
			if (i && strcmp(s_lists[l].v[i - 1], w) >= 0)
				return false;
		}
	return true;
}
#undef L

/* ---- one index over every list -------------------------------------------
 *
 * Every word of every list in one open-addressing table, with the bit
 * mask of the lists that hold it: a membership test is one hash of the
 * folded word and a probe or two, and memo__wl_mask() answers for every
 * list at once. Nothing is allocated; the table is built once under
 * pthread_once() and only read after that. */

#define N(a) (sizeof a / sizeof *a)
enum {
	S_WORDS = N(s_be) + N(s_get) + N(s_passive_adv) +
		N(s_adj_participle) + N(s_not_participle) + N(s_owner) +
		N(s_starter) + N(s_so_target) + N(s_time_next) +
		N(s_month_prev) + N(s_preference) + N(s_num_prev) +
		N(s_evidence) + N(s_named_metric) + N(s_acronym_ok) +
		N(s_determiner) + N(s_attr_report) + N(s_attr_judge) +
		N(s_attr_eval) + N(s_not_complement) + N(s_adj_suffix) +
		N(s_report_past) + N(s_subject) + N(s_appear_place),
	/* a power of two, at least twice S_WORDS and the participles */
	S_INDEX_SIZE = 2048
};
#undef N
_Static_assert(S_WORDS * 2 <= S_INDEX_SIZE, "word index too small");
_Static_assert(MEMO__WL_COUNT < 32, "lists fit a 32-bit mask");

/* The mask bit of the irregular participles (memo__lex_irregulars). */
#define S_IRREGULAR (1u << MEMO__WL_COUNT)
#define S_LISTS (S_IRREGULAR - 1u)

/* Written only by s_build_index() under pthread_once(), read-only after. */
static memo__wk_slot s_index[S_INDEX_SIZE]; /* bits: bit l for list l, S_IRREGULAR */
static pthread_once_t s_index_once = PTHREAD_ONCE_INIT;
static bool s_index_full; /* some participles did not fit */

static void s_index_add(const char *w, size_t len, uint32_t bit)
{
	memo__wk_index_add(s_index, S_INDEX_SIZE, w, len, bit);
}

/* Each list word's length and first eight bytes (memo__wk_load; the
 * words are lower case), for the affix tests: the words of list l are
 * s_wlen/s_wkey[s_word_at[l] ...]. Written with s_index. */
static uint64_t s_wkey[S_WORDS];
static uint32_t s_wlen[S_WORDS];
static uint32_t s_word_at[MEMO__WL_COUNT];

static void s_build_index(void)
{
	size_t n = 0;
	for (size_t l = 0; l < MEMO__WL_COUNT; l++) {
		s_word_at[l] = (uint32_t)n;
		for (size_t i = 0; i < s_lists[l].n; i++, n++) {
			const char *w = s_lists[l].v[i];
			size_t len = strlen(w);
			s_wlen[n] = (uint32_t)len;
			s_wkey[n] = memo__wk_load((const unsigned char *)w,
				len < 8 ? len : 8);
			s_index_add(w, len, 1u << l);
		}
	}
	/* the alternatives of each participle, split as s_in_alts() did: a
	 * trailing '|' adds no empty one */
	for (size_t i = 0; i < memo__lex_irregular_count; i++) {
		const char *alts = memo__lex_irregulars[i].participle;
		while (alts && *alts) {
			if (n >= S_INDEX_SIZE / 2) {
				s_index_full = true;
				return;
			}
			const char *bar = strchr(alts, '|');
			size_t len = bar ? (size_t)(bar - alts) : strlen(alts);
			s_index_add(alts, len, S_IRREGULAR);
			n++;
			alts = bar ? bar + 1 : NULL;
		}
	}
}

/* The mask of the word whose key is (h, k0), s[0..len) (memo__wk_hash). */
static uint32_t s_mask(const char *s, size_t len, uint64_t h, uint64_t k0)
{
	(void)pthread_once(&s_index_once, s_build_index);
	return memo__wk_index_get(s_index, S_INDEX_SIZE, s, len, h, k0);
}

static bool s_index_complete(void)
{
	(void)pthread_once(&s_index_once, s_build_index);
	return !s_index_full;
}

uint32_t memo__wl_mask_key(const char *s, size_t len, uint64_t h,
	uint64_t k0)
{
	return s_mask(s, len, h, k0);
}

uint32_t memo__wl_mask(const char *s, size_t len)
{
	uint64_t k0;
	uint64_t h = memo__wk_hash(s, len, &k0);
	return s_mask(s, len, h, k0) & S_LISTS;
}

bool memo__wl_has(memo__wordlist list, const char *s, size_t len)
{
	return (memo__wl_mask(s, len) >> list) & 1u;
}

/* The affix tests compare up to eight bytes at once: folded (as
 * strncasecmp() in the C locale: A-Z only), in the bytes' positions. A
 * word longer than eight bytes is compared with strncasecmp(). */
bool memo__wl_has_suffix(memo__wordlist list, const char *s, size_t len)
{
	(void)pthread_once(&s_index_once, s_build_index);
	const s_list *l = &s_lists[list];
	size_t r = len < 8 ? len : 8;
	/* the last r bytes: the last n are its top n */
	uint64_t tail = memo__wk_fold(memo__wk_load(
		(const unsigned char *)s + len - r, r));
	for (size_t i = 0, w = s_word_at[list]; i < l->n; i++, w++) {
		size_t n = s_wlen[w];
		if (n >= len)
			continue;
		if (n <= 8 ? tail >> (8 * (r - n)) == s_wkey[w] :
		    strncasecmp(l->v[i], s + len - n, n) == 0)
			return true;
	}
	return false;
}

bool memo__wl_has_prefix(memo__wordlist list, const char *s, size_t len)
{
	(void)pthread_once(&s_index_once, s_build_index);
	const s_list *l = &s_lists[list];
	uint64_t head = memo__wk_fold(memo__wk_load((const unsigned char *)s,
		len < 8 ? len : 8));
	for (size_t i = 0, w = s_word_at[list]; i < l->n; i++, w++) {
		size_t n = s_wlen[w];
		if (n > len)
			continue;
		uint64_t low = n >= 8 ? UINT64_MAX :
			(UINT64_C(1) << (8 * n)) - 1;
		if (n <= 8 ? (head & low) == s_wkey[w] :
		    strncasecmp(l->v[i], s, n) == 0)
			return true;
	}
	return false;
}

bool memo__is_irregular_participle(const char *s, size_t len)
{
	uint64_t k0;
	uint64_t h = memo__wk_hash(s, len, &k0);
	return (s_mask(s, len, h, k0) & S_IRREGULAR) != 0;
}
