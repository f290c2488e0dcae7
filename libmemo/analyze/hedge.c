/*
 * hedge.c - weasel words in context: which hedge and vague-word hits are
 * about the certainty or the source of a claim, and which about a
 * degree, an amount or a time.
 *
 * - Shields and approximators (Prince, Frader & Bosk 1982): "probably",
 *   "may", "I think" hedge the writer's commitment; "almost", "roughly",
 *   "somewhat" (kind=approximator in hedges.txt) make the content vague.
 * - What a vague quantifier quantifies. Wikipedia's MOS:WEASEL treats a
 *   quantifier as a weasel when it stands for an unnamed source: "some
 *   critics argue" (an attribution), "many fans", "some debate" (vague
 *   people, sources, opinions). Of things, "some/many/several" are the
 *   weasel's generalisation ("many structures"), while a proportion, a
 *   few or a variety of things ("most of the servers", "a few
 *   buildings", "various dates") is a vague amount; over units of time
 *   ("for several years") a quantifier is a frequency.
 * - A frequency adverb in an agentless passive of naming or judging ("is
 *   often called") credits the naming to unnamed people.
 * - A modal over a perfect ("may have been") is epistemic: a full hedge.
 *
 * Only the annotation kind and the modal weight change: the findings and
 * metrics of every kind are those of its lexicon class (rules.c,
 * report.c). The rules use general grammatical categories, not corpus
 * words: person and group nouns (with the -ist and -ian derivations),
 * nouns of opinion and of information sources, verbs of saying,
 * thinking and judging (the reporting verbs of the grammars: Quirk et
 * al. 1985 §16.31; Hyland 2002), auxiliaries, units of time and function
 * words. The lists are compiled for libmemo (project-owned, MIT).
 */
#include <string.h>
#include <strings.h>

#include "hedge.h"

#define N(a) (sizeof(a) / sizeof *(a))

/* People and groups of people: the plural (and collective) nouns that
 * make a quantifier a vague reference to people. Any word ending in
 * -ists or -ians (scientists, historians, Christians) counts too. */
static const char *const s_people[] = { "academics", "adherents",
	"adults", "advocates", "allies", "analysts", "audiences",
	"authorities", "authors", "believers", "biographers", "children",
	"citizens", "clients", "colleagues", "commentators", "conservatives",
	"consumers", "contemporaries", "critics", "customers", "detractors",
	"developers", "doctors", "editors", "educators", "employees",
	"engineers", "executives", "experts", "fans", "followers", "folks",
	"humans", "individuals", "inhabitants", "insiders", "investors",
	"journalists", "leaders", "liberals", "listeners", "locals",
	"managers", "members", "men", "natives", "observers", "officials",
	"opponents", "others", "parents", "participants", "people",
	"persons", "philosophers", "players", "politicians", "proponents",
	"pundits", "readers", "researchers", "residents", "reviewers",
	"sceptics", "scholars", "skeptics", "specialists", "stakeholders",
	"students", "supporters", "teachers", "theologians", "theorists",
	"users", "viewers", "voters", "women", "workers", "writers" };

/* Opinions and sources of information: "some debate", "many accounts",
 * "some sources". */
static const char *const s_opinion[] = { "accounts", "allegations",
	"arguments", "claims", "commentary", "controversy", "debate",
	"disagreement", "dispute", "doubt", "doubts", "estimates",
	"evidence", "interpretations", "opinions", "reports", "reviews",
	"rumors", "rumours", "sources", "speculation", "studies",
	"suggestions", "surveys", "theories", "views" };

/* Verbs of saying, thinking and judging, in the forms a plural subject
 * takes (base and past; "Some argue", "many critics claimed"). Verbs of
 * perception and action that also take an opinion ("see", "call",
 * "accept", "reject", "hold") are left out: "most customers never see
 * it", "some users called support". */
static const char *const s_report[] = { "agree", "agreed", "allege", "alleged",
	"argue", "argued", "assert", "asserted", "assume", "assumed",
	"attribute", "attributed", "believe", "believed", "claim", "claimed",
	"consider", "considered", "contend", "contended", "credit", "credited",
	"criticise", "criticised", "criticize", "criticized", "describe",
	"described", "dispute", "disputed", "doubt", "doubted", "estimate",
	"estimated", "feel", "felt", "insist", "insisted", "maintain",
	"maintained", "note", "noted", "perceive", "perceived", "praise",
	"praised", "predict", "predicted", "propose", "proposed", "question",
	"questioned", "regard", "regarded", "report", "reported", "said",
	"say", "speculate", "speculated", "state", "stated", "suggest",
	"suggested", "suspect", "suspected", "think", "thought", "view",
	"viewed", "wonder", "wondered" };

/* Of those, the forms that are as often nouns ("some state agencies",
 * "many reports"): a verb only after a noun or an auxiliary. */
static const char *const s_noun_too[] = { "credit", "dispute", "doubt",
	"estimate", "note", "praise", "question", "report", "state", "view" };

/* Auxiliaries and adverbs between a subject and its verb ("some have
 * argued", "many still hold"); after a bare quantifier they mark it as
 * a pronoun for people ("Some have claimed", "many would agree"). */
static const char *const s_aux[] = { "also", "could", "did", "do",
	"even", "generally", "had", "have", "long", "may", "might", "never",
	"now", "often", "still", "usually", "will", "would" };

/* Words after a bare quantifier that show it has no noun of its own:
 * "regarded by many as", "by some, the ...", "to many in". */
static const char *const s_function[] = { "about", "after", "and", "as",
	"at", "but", "for", "from", "in", "into", "of", "on", "or", "since",
	"than", "that", "to", "when", "which", "with" };

/* Units of time: "for several years", "many times" say how long or how
 * often, like "for some time" (a frequency, not an amount). */
static const char *const s_time[] = { "centuries", "days", "decades",
	"hours", "minutes", "months", "nights", "occasions", "seconds",
	"time", "times", "weeks", "years" };

/* Determiners and possessives after "of" ("many of the critics"). */
static const char *const s_det[] = { "a", "an", "her", "his", "its",
	"my", "our", "that", "the", "their", "these", "this", "those",
	"your" };

static const char *s_tok(const memo__hspan *s, size_t k, size_t *len)
{
	*len = s->tv[k].end - s->tv[k].start;
	return s->text + s->tv[k].start;
}

static bool s_word(const memo__hspan *s, size_t k)
{
	return k >= s->t0 && k < s->t1 && s->tv[k].kind == MEMO__TOK_WORD;
}

static bool s_in(const char *const *list, size_t n, const memo__hspan *s,
	size_t k)
{
	if (!s_word(s, k))
		return false;
	size_t len;
	const char *w = s_tok(s, k, &len);
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncasecmp(list[i], w, len) == 0)
			return true;
	return false;
}

#define S_IN(list, s, k) s_in((list), N(list), (s), (k))

static bool s_eq(const memo__hspan *s, size_t k, const char *w)
{
	if (!s_word(s, k))
		return false;
	size_t len;
	const char *t = s_tok(s, k, &len);
	return strlen(w) == len && strncasecmp(t, w, len) == 0;
}

static bool s_ends(const memo__hspan *s, size_t k, const char *suffix)
{
	size_t len, n = strlen(suffix);
	const char *t = s_tok(s, k, &len);
	return len > n + 2 && strncasecmp(t + len - n, suffix, n) == 0;
}

static bool s_is_people(const memo__hspan *s, size_t k)
{
	return s_word(s, k) && (S_IN(s_people, s, k) || s_ends(s, k, "ists") ||
		s_ends(s, k, "ians"));
}

/* A plural-looking word: the head noun of "several tents". */
static bool s_plural(const memo__hspan *s, size_t k)
{
	size_t len;
	const char *t = s_tok(s, k, &len);
	if (!s_word(s, k) || len < 3 || (t[len - 1] | 0x20) != 's')
		return false;
	char p = (char)(t[len - 2] | 0x20);
	return p != 's' && p != 'u' && p != 'i';
}

/* Is a verb of saying or judging the verb of the subject ending at k?
 * Up to two auxiliaries or -ly adverbs may come between ("some have
 * long argued", "many critics still hold"). */
static bool s_reports_after(const memo__hspan *s, size_t k)
{
	for (size_t j = k + 1; j < s->t1 && j <= k + 3; j++) {
		if (S_IN(s_report, s, j))
			return true;
		if (!S_IN(s_aux, s, j) && !(s_word(s, j) && s_ends(s, j, "ly")))
			return false;
	}
	return false;
}

bool memo__hedge_is_quantifier(const char *sub)
{
	return strcmp(sub, "quantity") == 0 ||
		strcmp(sub, "proportion") == 0 ||
		strcmp(sub, "paucal") == 0 || strcmp(sub, "diversity") == 0;
}

/* What a quantifier quantifies. */
typedef enum s_what {
	S_THINGS,   /* "several tents", "many of his works" */
	S_PEOPLE,   /* "many fans", "some scholars", "some debate" */
	S_SOURCE,   /* the people who hold a claim: "some critics argue" */
	S_TIME      /* "for several years", "many times" */
} s_what;

static s_what s_quantified(const memo__hspan *s, size_t k0, size_t k1)
{
	size_t n = k1 + 1;
	/* an agent or recipient with no noun: "credited by many with",
	 * "according to some", "to many in the party" */
	bool by = k0 > s->t0 && (s_eq(s, k0 - 1, "by") ||
		(s_eq(s, k0 - 1, "to") && k0 - 1 > s->t0 &&
		 s_eq(s, k0 - 2, "according")));
	bool among = k0 > s->t0 && (s_eq(s, k0 - 1, "among") ||
		s_eq(s, k0 - 1, "to") || s_eq(s, k0 - 1, "for"));
	bool bare = n >= s->t1 || s->tv[n].kind == MEMO__TOK_PUNCT ||
		S_IN(s_function, s, n);
	if (bare && !s_eq(s, k1, "of") && !s_eq(s, n, "of")) {
		if (by)
			return S_SOURCE;
		if (among)
			return S_PEOPLE;
	}
	/* a pronoun for people: "Some argue", "some have claimed", "many
	 * who", "some of whom" */
	if (s_eq(s, n, "who") || (s_eq(s, n, "of") && s_eq(s, n + 1, "whom")))
		return s_reports_after(s, n) ? S_SOURCE : S_PEOPLE;
	if (S_IN(s_report, s, n) && !S_IN(s_noun_too, s, n))
		return S_SOURCE;
	if (S_IN(s_aux, s, n))
		return s_reports_after(s, k1) ? S_SOURCE : S_PEOPLE;
	/* the head noun: after "of" and a determiner ("many of the
	 * critics"), past up to two modifiers ("some autistic adults") */
	size_t j = n;
	if (s_eq(s, k1, "of") || s_eq(s, j, "of")) {
		if (s_eq(s, j, "of"))
			j++;
		if (S_IN(s_det, s, j))
			j++;
	}
	for (size_t end = j + 3; j < s->t1 && j < end; j++) {
		if (!s_word(s, j) || S_IN(s_function, s, j))
			break;
		if (s_is_people(s, j))
			return by || s_reports_after(s, j) ? S_SOURCE :
				S_PEOPLE;
		if (S_IN(s_opinion, s, j))
			return by ? S_SOURCE : S_PEOPLE;
		if (S_IN(s_time, s, j))
			return S_TIME;
		if (s_plural(s, j))
			break;
	}
	return S_THINGS;
}

memo__kind memo__hedge_quantifier_kind(const memo__hspan *s, size_t k0,
	size_t k1, const char *sub)
{
	/* "widely", "vastly": adverbs of extent say how widely held or
	 * used, not how many things */
	if (k0 == k1 && s_ends(s, k0, "ly"))
		return MEMO__K_VAGUE;
	switch (s_quantified(s, k0, k1)) {
	case S_SOURCE:
		return MEMO__K_ATTRIBUTION;
	case S_PEOPLE:
		return MEMO__K_VAGUE;
	case S_TIME:
		return MEMO__K_FREQUENCY;
	case S_THINGS:
		break;
	}
	/* "some", "many", "several" of things are the weasel's
	 * generalisation ("many unusual structures"); a proportion, a
	 * few or a variety of things is a vague amount only */
	return sub && strcmp(sub, "quantity") == 0 ? MEMO__K_VAGUE :
		MEMO__K_AMOUNT;
}

/* Participles of naming: with a frequency adverb the naming is credited
 * to unnamed people ("is often referred to as", "is commonly called"). */
static const char *const s_naming[] = { "called", "dubbed", "known",
	"labeled", "labelled", "nicknamed", "referred", "styled", "termed" };

static bool s_be(const memo__hspan *s, size_t k)
{
	static const char *const be[] = { "are", "be", "been", "being", "is",
		"was", "were" };
	return S_IN(be, s, k);
}

memo__kind memo__hedge_frequency_kind(const memo__hspan *s, size_t k0,
	size_t k1)
{
	if (k0 != k1 || k0 == s->t0 || !s_be(s, k0 - 1) ||
	    !(S_IN(s_naming, s, k1 + 1) ||
	      (S_IN(s_report, s, k1 + 1) && s_ends(s, k1 + 1, "ed"))) ||
	    s_eq(s, k1 + 2, "by"))
		return MEMO__K_FREQUENCY;
	return MEMO__K_ATTRIBUTION;
}

float memo__hedge_modal_weight(const memo__hspan *s, size_t k, float w)
{
	if (!s_eq(s, k, "may") && !s_eq(s, k, "might") && !s_eq(s, k, "could"))
		return w;
	size_t j = k + 1;
	if (s_eq(s, j, "not") || s_eq(s, j, "also") || s_eq(s, j, "well") ||
	    s_eq(s, j, "even"))
		j++;
	/* "may have been", "could have influenced": a guess about the
	 * past, always epistemic */
	if (s_eq(s, j, "have") && s_word(s, j + 1) &&
	    (s_eq(s, j + 1, "been") || s_ends(s, j + 1, "ed") ||
	     s_ends(s, j + 1, "en")))
		return 1.0f;
	return w;
}

memo__kind memo__hedge_kind(const memo__hspan *s, memo__kind kind,
	const char *sub, size_t k0, size_t k1)
{
	if (!sub)
		return kind;
	if (kind == MEMO__K_HEDGE)
		return strcmp(sub, "approximator") == 0 ?
			MEMO__K_APPROXIMATOR : kind;
	if (kind != MEMO__K_VAGUE)
		return kind;
	if (strcmp(sub, "frequency") == 0)
		return memo__hedge_frequency_kind(s, k0, k1);
	if (memo__hedge_is_quantifier(sub))
		return memo__hedge_quantifier_kind(s, k0, k1, sub);
	/* "significantly faster", "extremely", "etc.": how much, not who
	 * says so */
	if (strcmp(sub, "intensifier") == 0 ||
	    strcmp(sub, "comparative") == 0 || strcmp(sub, "list") == 0)
		return MEMO__K_AMOUNT;
	return kind;
}
