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
 *   count, a few or a variety of things ("most of the servers", "a
 *   number of islands", "a few buildings", "various dates") is a vague
 *   amount; over units of time ("for several years") a quantifier is a
 *   frequency.
 * - A frequency adverb in an agentless passive of naming or judging ("is
 *   often called") credits the naming to unnamed people.
 * - A modal over a perfect ("may have been") is epistemic: a full hedge.
 *   The adjective "likely" ("is likely to", "more likely") is, like
 *   "may", as often a tendency as a hedge: half weight.
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
#include <pthread.h>
#include <string.h>

#include "hedge.h"
#include "wordkey.h"

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
	"engineers", "executives", "experts", "fans", "folks", "followers",
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

/* The nouns of people that do not end in -s, the conjunctions that
 * open a clause (s_opens), and "by". */
static const char *const s_people_irregular[] = { "children", "men",
	"people", "women" };
static const char *const s_conj[] = { "and", "but", "or" };
static const char *const s_by[] = { "by" };

static const char *s_tok(const memo__hspan *s, size_t k, size_t *len)
{
	*len = s->tv[k].end - s->tv[k].start;
	return s->text + s->tv[k].start;
}

static bool s_word(const memo__hspan *s, size_t k)
{
	return k >= s->t0 && k < s->t1 && s->tv[k].kind == MEMO__TOK_WORD;
}

/* The word classes of this file, one bit each: membership of its word
 * lists, and the endings and small words its rules test, from one probe
 * of an index of every list (s_classify). The first 16 (those of the
 * rules that run on every word or on every candidate source) are kept
 * in the form of the word (wordforms.h, 16 bits that fit the form's
 * padding), so memo__hedge_source costs a bit test per word, not a
 * search per list per occurrence; the others are looked up when asked.
 * Case-insensitive (ASCII), as the forms are. */
enum {
	B_DONE = 1u << 0,       /* the cached classes are computed */
	B_PEOPLE = 1u << 1,     /* s_people, -ists, -ians, men, women... */
	B_JUDGED = 1u << 2,
	B_NAMING = 1u << 3,
	B_BY = 1u << 4,         /* by */
	B_CONJ = 1u << 5,       /* and, but, or */
	B_DET = 1u << 6,
	B_POSS = 1u << 7,       /* -'s */
	B_REPORT = 1u << 8,
	B_NOUN_TOO = 1u << 9,
	B_AUX = 1u << 10,
	B_MODAL = 1u << 11,
	B_LY = 1u << 12,        /* ends in -ly, over 4 bytes (s_suffix) */
	B_NP_PREP = 1u << 13,
	B_FUNCTION = 1u << 14,
	B_ED = 1u << 15,        /* -ed */
	S_CACHED = (1u << 16) - 1,
	B_OPINION = 1u << 16,
	B_TIME = 1u << 17,
	B_BE_FORMS = 1u << 18,
	B_BELIEF = 1u << 19,
	B_THIRD = 1u << 20,
	B_OWN = 1u << 21,
	B_OPENER = 1u << 22,
	B_BELIEF_ADV = 1u << 23,
	B_EN = 1u << 24,        /* -en */
	B_PLURAL = 1u << 25     /* a plural-looking word (s_plural) */
};

static uint32_t s_classify(const char *t, size_t len, uint64_t h,
	uint64_t k0);

/* All the classes of token k. */
static uint32_t s_classify_at(const memo__hspan *s, size_t k)
{
	if (s->wf) {
		const memo__wform *f = &s->wf->v[s->form[k]];
		return s_classify(f->s, f->len, f->hash, f->k0);
	}
	const char *t = s->text + s->tv[k].start;
	size_t len = s->tv[k].end - s->tv[k].start;
	uint64_t k0, h = memo__wk_hash(t, len, &k0);
	return s_classify(t, len, h, k0);
}

/* The classes among need of token k: the cached ones from its form
 * when the caller gave the document's word forms. */
static inline uint32_t s_bits(const memo__hspan *s, size_t k, uint32_t need)
{
	if (!s->wf || (need & ~(uint32_t)S_CACHED))
		return s_classify_at(s, k) & need;
	/* the form table is a per-call cache (wordforms.h): this writes
	 * through the const table, as memo__wforms_is does */
	memo__wform *f = (memo__wform *)&s->wf->v[s->form[k]];
	if (!(f->hedge & B_DONE))
		f->hedge = (uint16_t)((s_classify_at(s, k) & S_CACHED) |
			B_DONE);
	return f->hedge & need;
}

/* Is token k a word of class b? */
static bool s_is(const memo__hspan *s, size_t k, uint32_t b)
{
	return s_word(s, k) && s_bits(s, k, b) != 0;
}

#define S_IS(b, s, k) s_is((s), (k), (b))

/* Does token k (any kind) end in the suffix of class b? */
static bool s_ends(const memo__hspan *s, size_t k, uint32_t b)
{
	return s_bits(s, k, b) != 0;
}

static bool s_eq(const memo__hspan *s, size_t k, const char *w)
{
	if (!s_word(s, k))
		return false;
	size_t len;
	const char *t = s_tok(s, k, &len);
	return len == strlen(w) && memo__wk_eq_lower(t, w, len);
}

static bool s_is_people(const memo__hspan *s, size_t k)
{
	return S_IS(B_PEOPLE, s, k);
}

/* A plural-looking word: the head noun of "several tents". */
static bool s_plural(const memo__hspan *s, size_t k)
{
	return S_IS(B_PLURAL, s, k);
}

/* Is a verb of saying or judging the verb of the subject ending at k?
 * Up to two auxiliaries or -ly adverbs may come between ("some have
 * long argued", "many critics still hold"). */
static bool s_reports_after(const memo__hspan *s, size_t k)
{
	for (size_t j = k + 1; j < s->t1 && j <= k + 3; j++) {
		if (S_IS(B_REPORT, s, j))
			return true;
		if (!S_IS(B_AUX, s, j) && !(s_word(s, j) && s_ends(s, j, B_LY)))
			return false;
	}
	return false;
}

bool memo__hedge_is_quantifier(const char *sub)
{
	return strcmp(sub, "quantity") == 0 || strcmp(sub, "count") == 0 ||
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
		S_IS(B_FUNCTION, s, n);
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
	if (S_IS(B_REPORT, s, n) && !S_IS(B_NOUN_TOO, s, n))
		return S_SOURCE;
	if (S_IS(B_AUX, s, n))
		return s_reports_after(s, k1) ? S_SOURCE : S_PEOPLE;
	/* the head noun: after "of" and a determiner ("many of the
	 * critics"), past up to two modifiers ("some autistic adults") */
	size_t j = n;
	if (s_eq(s, k1, "of") || s_eq(s, j, "of")) {
		if (s_eq(s, j, "of"))
			j++;
		if (S_IS(B_DET, s, j))
			j++;
	}
	for (size_t end = j + 3; j < s->t1 && j < end; j++) {
		if (!s_word(s, j) || S_IS(B_FUNCTION, s, j))
			break;
		if (s_is_people(s, j))
			return by || s_reports_after(s, j) ? S_SOURCE :
				S_PEOPLE;
		if (S_IS(B_OPINION, s, j))
			return by ? S_SOURCE : S_PEOPLE;
		if (S_IS(B_TIME, s, j))
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
	if (k0 == k1 && s_ends(s, k0, B_LY))
		return MEMO__K_VAGUE;
	/* "most often", "most notably": the superlative of an adverb, a
	 * degree, not a quantity of anything */
	if (k0 == k1 && s_eq(s, k0, "most") && (s_eq(s, k1 + 1, "often") ||
	    (s_word(s, k1 + 1) && s_ends(s, k1 + 1, B_LY))))
		return MEMO__K_AMOUNT;
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
	 * count, a few or a variety of things ("most of the species", "a
	 * number of islands", "numerous lakes") is a vague amount only */
	return sub && strcmp(sub, "quantity") == 0 ? MEMO__K_VAGUE :
		MEMO__K_AMOUNT;
}

/* Participles of naming: with a frequency adverb the naming is credited
 * to unnamed people ("is often referred to as", "is commonly called"). */
static const char *const s_naming[] = { "called", "dubbed", "known",
	"labeled", "labelled", "nicknamed", "referred", "styled", "termed" };

static const char *const s_be_forms[] = { "are", "be", "been", "being",
	"is", "was", "were" };

static bool s_be(const memo__hspan *s, size_t k)
{
	return S_IS(B_BE_FORMS, s, k);
}

/* A punctuation mark that opens a clause or a parenthesis. */
static bool s_clause_punct(const memo__hspan *s, size_t k)
{
	if (k < s->t0 || k >= s->t1 || s->tv[k].kind != MEMO__TOK_PUNCT)
		return false;
	unsigned char ch = (unsigned char)s->text[s->tv[k].start];
	return ch == ',' || ch == ';' || ch == ':' || ch == '(' ||
		ch == 0xE2; /* en and em dashes */
}

/* Does a clause (or a reduced relative) open at token k? */
static bool s_opens(const memo__hspan *s, size_t k)
{
	if (k == s->t0 || s_clause_punct(s, k - 1))
		return true;
	return S_IS(B_CONJ, s, k - 1);
}

memo__kind memo__hedge_frequency_kind(const memo__hspan *s, size_t k0,
	size_t k1)
{
	if (k0 != k1)
		return MEMO__K_FREQUENCY;
	/* "most commonly known as", "is often also called" */
	size_t b = k0, p = k1 + 1;
	if (b > s->t0 && (s_eq(s, b - 1, "most") || s_eq(s, b - 1, "more")))
		b--;
	if (s_eq(s, p, "also") || s_eq(s, p, "still") || s_eq(s, p, "now"))
		p++;
	bool naming = S_IS(B_NAMING, s, p);
	if (!(naming || (S_IS(B_REPORT, s, p) && s_ends(s, p, B_ED))) ||
	    s_eq(s, p + 1, "by"))
		return MEMO__K_FREQUENCY;
	/* a passive ("is commonly called"), or a reduced relative of
	 * naming or judging at the start of a clause (", commonly
	 * referred to as", "and sometimes considered the") */
	if ((b > s->t0 && s_be(s, b - 1)) ||
	    (s_opens(s, b) && (naming || s_eq(s, p + 1, "as") ||
	     s_eq(s, p + 1, "the") || s_eq(s, p + 1, "a") ||
	     s_eq(s, p + 1, "an") || s_eq(s, p + 1, "to"))))
		return MEMO__K_ATTRIBUTION;
	return MEMO__K_FREQUENCY;
}

/* Verbs of believing that the hedge lexicon lists bare. */
static const char *const s_belief[] = { "believe", "believed", "believes",
	"guess", "suppose" };

/* Third-person subject pronouns: "he believes" reports his view. */
static const char *const s_third[] = { "he", "it", "she", "they" };

/* Words before a verb of believing that leave it the writer's own or
 * make it no plain statement of someone's view: "I believe", "to
 * believe", "would believe", "don't believe", "who believe". */
static const char *const s_own[] = { "can", "could", "did", "do", "does",
	"i", "may", "might", "must", "not", "should", "that", "to", "we",
	"which", "who", "will", "would", "you" };

/* Sentence adverbs and conjunctions that open a sentence with a
 * capital and are no name: "But suppose", "So believe it". */
static const char *const s_opener[] = { "also", "because", "if", "now",
	"so", "still", "then", "though", "yet" };

/* Adverbs between a subject and its verb of believing. */
static const char *const s_belief_adv[] = { "also", "firmly", "genuinely",
	"now", "still", "strongly", "truly" };

static bool s_capitalised(const memo__hspan *s, size_t k)
{
	unsigned char ch = (unsigned char)s->text[s->tv[k].start];
	return s_word(s, k) && ch >= 'A' && ch <= 'Z';
}

bool memo__hedge_reported(const memo__hspan *s, size_t k0, size_t k1)
{
	if (k0 != k1 || !S_IS(B_BELIEF, s, k0))
		return false;
	size_t j = k0;
	while (j > s->t0 && j + 2 > k0 && S_IS(B_BELIEF_ADV, s, j - 1))
		j--;
	if (j == s->t0 || !s_word(s, j - 1) || S_IS(B_OWN, s, j - 1))
		return false;
	j--;
	/* a contracted subject and auxiliary: "I'd guess", "we've long
	 * believed" */
	size_t len;
	const char *w = s_tok(s, j, &len);
	for (size_t i = 0; i < len; i++)
		if (w[i] == '\'' || (unsigned char)w[i] == 0xE2)
			return false; /* ' or U+2019 */
	/* "he believes", "Crone believes", "Shi'a Muslims believe",
	 * "pawnshop owners believe": a named or third-person holder; a
	 * capital only marks a name inside the sentence or on a word that
	 * is no function word ("But suppose") */
	return S_IS(B_THIRD, s, j) || s_plural(s, j) ||
		(s_capitalised(s, j) && (j > s->t0 ||
		 !(S_IS(B_FUNCTION, s, j) || S_IS(B_AUX, s, j) ||
		   S_IS(B_OPENER, s, j))));
}

/* Participles of judging and evaluating whose agent, after "by", is
 * the holder of the view: "praised by critics", "disputed by
 * historians". */
static const char *const s_judged[] = { "acclaimed", "believed", "cited",
	"condemned", "considered", "criticised", "criticized", "deemed",
	"described", "disputed", "doubted", "lauded", "perceived", "praised",
	"questioned", "ranked", "rated", "recognised", "recognized",
	"regarded", "seen", "thought", "viewed" };

/* Prepositions that continue a subject noun phrase: "critics of the
 * plan", "scholars in the field". */
static const char *const s_np_prep[] = { "and", "from", "in", "of", "on",
	"or" };

/* Modals: "clients may assume" grants or supposes, it reports no
 * claim. */
static const char *const s_modal[] = { "can", "could", "may", "might",
	"must", "shall", "should", "will", "would" };

/* A verb of saying or judging right after token k (past up to two
 * auxiliaries or -ly adverbs, no modal), not one that is as often a
 * noun. */
static size_t s_report_verb(const memo__hspan *s, size_t k)
{
	for (size_t j = k + 1; j < s->t1 && j <= k + 3; j++) {
		if (S_IS(B_REPORT, s, j))
			return j == k + 1 && S_IS(B_NOUN_TOO, s, j) ? 0 : j;
		if (S_IS(B_MODAL, s, j) || (!S_IS(B_AUX, s, j) &&
		    !(s_word(s, j) && s_ends(s, j, B_LY))))
			return 0;
	}
	return 0;
}

/* A bare plural noun of people opening a clause, past at most one
 * modifier ("Critics", "music critics"): no determiner, possessive or
 * name makes it a definite group. */
static bool s_bare_people(const memo__hspan *s, size_t j)
{
	if (s_opens(s, j))
		return s_is_people(s, j);
	if (j == s->t0 || !s_opens(s, j - 1) || !s_word(s, j - 1) ||
	    s_capitalised(s, j) || (j - 1 > s->t0 && s_capitalised(s, j - 1)) ||
	    S_IS(B_DET, s, j - 1) || s_ends(s, j - 1, B_POSS))
		return false;
	return s_is_people(s, j);
}

bool memo__hedge_source(const memo__hspan *s, size_t *k, size_t *a0,
	size_t *a1)
{
	/* the last letters of the nouns of people (critics, men,
	 * people) and of the participles of judging and naming (praised,
	 * seen, thought) */
	const uint32_t last_ok = 1u << ('s' - 'a') | 1u << ('n' - 'a') |
		1u << ('e' - 'a') | 1u << ('d' - 'a') | 1u << ('t' - 'a');
	for (size_t j = *k; j < s->t1; j++) {
		if (!s_word(s, j))
			continue;
		/* the last letter, then one bit test: a plural noun of
		 * people, or a participle of judging or naming */
		unsigned last = ((unsigned char)s->text[s->tv[j].end - 1] |
			0x20) - 'a';
		if (last >= 26 || !(last_ok >> last & 1u))
			continue;
		uint32_t b = s_bits(s, j, B_PEOPLE | B_JUDGED | B_NAMING);
		if (!b)
			continue;
		/* "Critics argue", "Critics of this reading argue",
		 * "Advocates and practitioners of it claim" */
		if ((b & B_PEOPLE) && s_bare_people(s, j)) {
			size_t e = j, v = s_report_verb(s, j);
			if (!v && S_IS(B_NP_PREP, s, j + 1))
				for (e = j + 2; !v && e < j + 6 && s_word(s, e);
				     e++)
					v = s_report_verb(s, e);
			if (v) {
				*a0 = j > s->t0 && !s_opens(s, j) ? j - 1 : j;
				*a1 = v;
				*k = v + 1;
				return true;
			}
		}
		/* "praised by critics", "cited by other scholars" */
		if ((b & (B_JUDGED | B_NAMING)) && S_IS(B_BY, s, j + 1)) {
			size_t n = j + 2;
			if (s_word(s, n) && !s_is_people(s, n) &&
			    !S_IS(B_DET, s, n) && !s_capitalised(s, n) &&
			    !s_ends(s, n, B_POSS))
				n++;
			/* "scholars such as Nigel Davies", "critics at the
			 * Times": named after all */
			if (s_is_people(s, n) && !s_capitalised(s, n) &&
			    !(s_eq(s, n + 1, "of") || s_eq(s, n + 1, "at") ||
			      s_eq(s, n + 1, "from") ||
			      s_eq(s, n + 1, "such") ||
			      s_eq(s, n + 1, "including"))) {
				*a0 = j;
				*a1 = n;
				*k = n + 1;
				return true;
			}
		}
	}
	*k = s->t1;
	return false;
}

float memo__hedge_modal_weight(const memo__hspan *s, size_t k, float w)
{
	/* "is likely to", "more likely", "a likely option": the adjective,
	 * which states a tendency or compares chances as often as it
	 * hedges ("customers are likely to want", "tumours more likely to
	 * spread"), at the half weight of the ambiguous modals; the
	 * adverb ("they likely had", "was likely designed") keeps its
	 * weight */
	if (s_eq(s, k, "likely") && w > 0.5f && (s_eq(s, k + 1, "to") ||
	    s_eq(s, k - 1, "more") || s_eq(s, k - 1, "less") ||
	    s_eq(s, k - 1, "than") || S_IS(B_DET, s, k - 1)))
		return 0.5f;
	if (!s_eq(s, k, "may") && !s_eq(s, k, "might") && !s_eq(s, k, "could"))
		return w;
	size_t j = k + 1;
	if (s_eq(s, j, "not") || s_eq(s, j, "also") || s_eq(s, j, "well") ||
	    s_eq(s, j, "even"))
		j++;
	/* "may have been", "could have influenced": a guess about the
	 * past, always epistemic */
	if (s_eq(s, j, "have") && s_word(s, j + 1) &&
	    (s_eq(s, j + 1, "been") || s_ends(s, j + 1, B_ED) ||
	     s_ends(s, j + 1, B_EN)))
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

/* ---- one index over every list ------------------------------------------
 *
 * Every word of the lists above in one open-addressing table keyed as
 * the word forms are (wordkey.h), with the classes that hold it: the
 * classes of a form are one probe and its last bytes. Built once under
 * pthread_once() and only read after that, as the index of words.c. */

#define L(a, b) { a, N(a), b }
static const struct {
	const char *const *v;
	size_t n;
	uint32_t bit;
} s_lists[] = {
	L(s_people, B_PEOPLE),
	L(s_opinion, B_OPINION),
	L(s_report, B_REPORT),
	L(s_noun_too, B_NOUN_TOO),
	L(s_aux, B_AUX),
	L(s_function, B_FUNCTION),
	L(s_time, B_TIME),
	L(s_det, B_DET),
	L(s_naming, B_NAMING),
	L(s_be_forms, B_BE_FORMS),
	L(s_belief, B_BELIEF),
	L(s_third, B_THIRD),
	L(s_own, B_OWN),
	L(s_opener, B_OPENER),
	L(s_belief_adv, B_BELIEF_ADV),
	L(s_judged, B_JUDGED),
	L(s_np_prep, B_NP_PREP),
	L(s_modal, B_MODAL),
	L(s_people_irregular, B_PEOPLE),
	L(s_conj, B_CONJ),
	L(s_by, B_BY),
};
#undef L

enum {
	S_WORDS = N(s_people) + N(s_opinion) + N(s_report) +
		N(s_noun_too) + N(s_aux) + N(s_function) + N(s_time) +
		N(s_det) + N(s_naming) + N(s_be_forms) + N(s_belief) +
		N(s_third) + N(s_own) + N(s_opener) + N(s_belief_adv) +
		N(s_judged) + N(s_np_prep) + N(s_modal) +
		N(s_people_irregular) + N(s_conj) + N(s_by),
	/* a power of two, at least twice S_WORDS */
	S_INDEX_SIZE = 1024
};
_Static_assert(S_WORDS * 2 <= S_INDEX_SIZE, "word index too small");

/* Written only by s_build_index() under pthread_once(), read-only after. */
static memo__wk_slot s_index[S_INDEX_SIZE];
static pthread_once_t s_index_once = PTHREAD_ONCE_INIT;

static void s_build_index(void)
{
	for (size_t l = 0; l < N(s_lists); l++)
		for (size_t i = 0; i < s_lists[l].n; i++) {
			const char *w = s_lists[l].v[i];
			memo__wk_index_add(s_index, S_INDEX_SIZE, w, strlen(w),
				s_lists[l].bit);
		}
}

/* Does t (len bytes) end in the lower-case suffix, with more than two
 * bytes before it? */
static bool s_suffix(const char *t, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len > n + 2 && memo__wk_eq_lower(t + len - n, suffix, n);
}

/* The classes of the word t (len bytes) whose key is (h, k0). */
static uint32_t s_classify(const char *t, size_t len, uint64_t h,
	uint64_t k0)
{
	(void)pthread_once(&s_index_once, s_build_index);
	uint32_t b = memo__wk_index_get(s_index, S_INDEX_SIZE, t, len, h, k0);
	if (len < 3)
		return b;
	char last = (char)(t[len - 1] | 0x20);
	if (last == 's') {
		char p = (char)(t[len - 2] | 0x20);
		if (p != 's' && p != 'u' && p != 'i')
			b |= B_PLURAL;
		if (s_suffix(t, len, "ists") || s_suffix(t, len, "ians"))
			b |= B_PEOPLE;
		if (s_suffix(t, len, "'s"))
			b |= B_POSS;
	} else if (last == 'y') {
		if (s_suffix(t, len, "ly"))
			b |= B_LY;
	} else if (last == 'd') {
		if (s_suffix(t, len, "ed"))
			b |= B_ED;
	} else if (last == 'n') {
		if (s_suffix(t, len, "en"))
			b |= B_EN;
	}
	return b;
}

bool memo__hedge_lists_ok(void)
{
#define L(a) { a, N(a) }
	static const struct {
		const char *const *v;
		size_t n;
	} lists[] = {
		L(s_people),
		L(s_opinion),
		L(s_report),
		L(s_noun_too),
		L(s_aux),
		L(s_function),
		L(s_time),
		L(s_det),
		L(s_naming),
		L(s_be_forms),
		L(s_belief),
		L(s_third),
		L(s_own),
		L(s_opener),
		L(s_belief_adv),
		L(s_judged),
		L(s_np_prep),
		L(s_modal),
		L(s_people_irregular),
		L(s_conj),
		L(s_by),
	};
#undef L
	for (size_t l = 0; l < N(lists); l++)
		for (size_t i = 0; i < lists[l].n; i++) {
			for (const char *c = lists[l].v[i]; *c; c++)
				if (*c >= 'A' && *c <= 'Z')
					return false;
			if (i > 0 && strcmp(lists[l].v[i - 1],
			    lists[l].v[i]) >= 0)
				return false;
		}
	return true;
}
