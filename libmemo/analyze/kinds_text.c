/*
 * kinds_text.c - text helpers of the document kinds: heading
 * normalization and table lookup, front-matter aliases, FAQ headings,
 * datelines, attributed quotations, owners and dates of action items.
 * Pure functions of their input; no state but the index of the heading
 * table, built once.
 */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "kinds.h"
#include "words.h"

static bool s_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* ASCII letters and digits. */
static const bool s_alnum_tab[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

static bool s_alnum(unsigned char c)
{
	return s_alnum_tab[c];
}

static bool s_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool s_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static unsigned char s_lower(unsigned char c)
{
	return s_upper(c) ? (unsigned char)(c + 32) : c;
}

/* ---- heading normalization ---------------------------------------------- */

static bool s_roman(const char *s, size_t n)
{
	if (n == 0 || n > 5)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!strchr("ivxlIVXL", s[i]))
			return false;
	return true;
}

/* Length of a numbering prefix at s[i..len) ("1.", "2.3)", "(4)", "A.",
 * "iv)", "1.2 "), white space after it included; 0 when there is none. */
static size_t s_numbering(const char *s, size_t i, size_t len)
{
	size_t j = i;
	bool paren = false;
	if (j < len && s[j] == '(') {
		paren = true;
		j++;
	}
	size_t k = j;
	if (k < len && s_digit((unsigned char)s[k])) {
		bool inner_dot = false;
		while (k < len && (s_digit((unsigned char)s[k]) ||
		       (s[k] == '.' && k + 1 < len &&
			s_digit((unsigned char)s[k + 1])))) {
			inner_dot |= s[k] == '.';
			k++;
		}
		if (k < len && (s[k] == '.' || s[k] == ')' || s[k] == ':'))
			k++;
		else if (!inner_dot && !paren)
			return 0;
	} else {
		while (k < len && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
			k++;
		size_t n = k - j;
		if (n == 0 || !(n == 1 || s_roman(s + j, n)))
			return 0;
		if (k < len && (s[k] == '.' || s[k] == ')'))
			k++;
		else
			return 0;
	}
	if (paren && (k > 0 && s[k - 1] != ')')) {
		if (k < len && s[k] == ')')
			k++;
		else
			return 0;
	}
	if (k >= len || !s_space((unsigned char)s[k]))
		return 0;
	while (k < len && s_space((unsigned char)s[k]))
		k++;
	return k - i;
}

/* Bytes memo__kinds_normalize() does not just copy (lower-cased):
 * markup, white space, the leads of a curly apostrophe and a no-break
 * space. */
static const bool s_norm_special[256] = {
	['*'] = 1, ['_'] = 1, ['`'] = 1, [0xE2] = 1, [0xC2] = 1,
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1,
};

size_t memo__kinds_normalize(char *out, size_t cap, const char *s,
	size_t len)
{
	if (cap == 0)
		return 0;
	size_t i = 0, o = 0;
	while (i < len && (s_space((unsigned char)s[i]) || s[i] == '*' ||
	       s[i] == '_' || s[i] == '`' || s[i] == '#' || s[i] == '>'))
		i++;
	i += s_numbering(s, i, len);
	bool space = false;
	for (; i < len && o + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		/* most bytes are copied, lower-cased */
		if (!s_norm_special[c] && !space) {
			out[o++] = (char)s_lower(c);
			continue;
		}
		if (c == '*' || c == '_' || c == '`')
			continue;
		if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x98 ||
		     (unsigned char)s[i + 2] == 0x99)) {
			c = '\'';
			i += 2;
		} else if (c == 0xC2 && i + 1 < len &&
		           (unsigned char)s[i + 1] == 0xA0) {
			c = ' ';
			i += 1;
		}
		if (s_space(c)) {
			space = o > 0;
			continue;
		}
		if (space && o + 2 < cap)
			out[o++] = ' ';
		space = false;
		out[o++] = (char)s_lower(c);
	}
	while (o > 0 && (out[o - 1] == ':' || out[o - 1] == '.' ||
	       out[o - 1] == '?' || out[o - 1] == ' '))
		o--;
	out[o] = '\0';
	return o;
}

/* The variants of the heading table, hashed once (pthread_once) and only
 * read after that: each distinct variant with the first row of each kind
 * that lists it, the row a scan of the table in order finds. */
enum { S_VSLOTS = 1024 };   /* a power of two, over twice the variants */

typedef struct s_vslot {
	const char *v;          /* the variant in the table; NULL: empty */
	size_t len;
	short row[MEMO__KK_COUNT];
} s_vslot;

static s_vslot s_vindex[S_VSLOTS];
static pthread_once_t s_vindex_once = PTHREAD_ONCE_INIT;

static s_vslot *s_vslot_of(s_vslot *index, const char *s, size_t n)
{
	size_t j = memo__abbrev_hash_of(s, n) & (S_VSLOTS - 1);
	while (index[j].v && !(index[j].len == n &&
	       memcmp(index[j].v, s, n) == 0))
		j = (j + 1) & (S_VSLOTS - 1);
	return &index[j];
}

static void s_build_vindex(void)
{
	for (size_t i = 0; i < memo__kinds_table_count; i++) {
		const memo__kinds_row *r = &memo__kinds_table[i];
		for (const char *p = r->variants; *p;) {
			const char *bar = strchr(p, '|');
			size_t vl = bar ? (size_t)(bar - p) : strlen(p);
			s_vslot *sl = s_vslot_of(s_vindex, p, vl);
			if (!sl->v) {
				sl->v = p;
				sl->len = vl;
				for (int kk = 0; kk < MEMO__KK_COUNT; kk++)
					sl->row[kk] = -1;
			}
			if (sl->row[r->kind] < 0)
				sl->row[r->kind] = (short)i;
			if (!bar)
				break;
			p = bar + 1;
		}
	}
}

/* The rows per kind of variant s[0..n), or NULL when no row lists it. */
static const s_vslot *s_variant_rows(const char *s, size_t n)
{
	(void)pthread_once(&s_vindex_once, s_build_vindex);
	const s_vslot *sl = s_vslot_of(s_vindex, s, n);
	return sl->v ? sl : NULL;
}

static bool s_starts_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	return strncmp(s, w, n) == 0 && !s_alnum((unsigned char)s[n]);
}

void memo__kinds_lookup_all(const char *norm, int rows[MEMO__KK_COUNT])
{
	for (int kk = 0; kk < MEMO__KK_COUNT; kk++)
		rows[kk] = -1;
	size_t n = strlen(norm);
	if (n == 0)
		return;
	/* "Label: more words" and "Label - more words" match on the label */
	size_t cut = n;
	const char *colon = memchr(norm, ':', n);
	if (colon)
		cut = (size_t)(colon - norm);
	static const char *const dashes[] = { " - ", " \xE2\x80\x93 ",
		" \xE2\x80\x94 " };
	bool dash = memchr(norm, '-', n) || memchr(norm, 0xE2, n);
	for (size_t d = 0; d < 3 && dash; d++) {
		const char *p = strstr(norm, dashes[d]);
		if (p && (size_t)(p - norm) < cut)
			cut = (size_t)(p - norm);
	}
	while (cut > 0 && norm[cut - 1] == ' ')
		cut--;
	/* "Appendix B: data", "Annex 2" */
	bool appendix = norm[0] == 'a' && (s_starts_word(norm, "appendix") ||
		s_starts_word(norm, "appendices") ||
		s_starts_word(norm, "annex") || s_starts_word(norm, "addendum"));
	const s_vslot *whole = s_variant_rows(norm, n);
	const s_vslot *label = cut > 0 && cut < n ?
		s_variant_rows(norm, cut) : NULL;
	const s_vslot *app = appendix ? s_variant_rows("appendix", 8) : NULL;
	for (int kk = 0; kk < MEMO__KK_COUNT; kk++) {
		if (whole && whole->row[kk] >= 0)
			rows[kk] = whole->row[kk];
		else if (label && label->row[kk] >= 0)
			rows[kk] = label->row[kk];
		else if (app)
			rows[kk] = app->row[kk];
	}
}

int memo__kinds_lookup(memo__kk kind, const char *norm)
{
	int rows[MEMO__KK_COUNT];
	memo__kinds_lookup_all(norm, rows);
	return rows[kind];
}

/* ---- front-matter aliases ----------------------------------------------- */

static const struct {
	const char *alias;   /* '-' stands for '-', '_' or ' ' */
	const char *kind;
} s_aliases[] = {
	{ "narrative", "narrative" }, { "six-pager", "narrative" },
	{ "6-pager", "narrative" }, { "sixpager", "narrative" },
	{ "4-pager", "narrative" }, { "four-pager", "narrative" },
	{ "2-pager", "narrative" }, { "two-pager", "narrative" },
	{ "narrative-memo", "narrative" }, { "memo", "narrative" },
	{ "prfaq", "prfaq" }, { "pr-faq", "prfaq" }, { "pr/faq", "prfaq" },
	{ "pr+faq", "prfaq" }, { "working-backwards", "prfaq" },
	{ "press-release", "prfaq" }, { "press-release-faq", "prfaq" },
	{ "one-pager", "one-pager" }, { "1-pager", "one-pager" },
	{ "onepager", "one-pager" }, { "1pager", "one-pager" },
	{ "decision", "decision" }, { "decision-memo", "decision" },
	{ "decision-record", "decision" }, { "adr", "decision" },
	{ "architecture-decision-record", "decision" },
	{ "coe", "coe" }, { "correction-of-error", "coe" },
	{ "correction-of-errors", "coe" }, { "postmortem", "coe" },
	{ "post-mortem", "coe" }, { "incident-report", "coe" },
	{ "incident-review", "coe" }, { "rca", "coe" },
	{ "root-cause-analysis", "coe" },
	{ "metrics", "metrics" }, { "wbr", "metrics" }, { "mbr", "metrics" },
	{ "weekly-business-review", "metrics" },
	{ "monthly-business-review", "metrics" },
	{ "business-review", "metrics" }, { "metrics-narrative", "metrics" },
	{ "generic", "generic" },
};

const char *memo__kinds_alias(const char *declared)
{
	if (!declared)
		return NULL;
	char buf[64];
	size_t o = 0;
	const char *p = declared;
	while (*p && (s_space((unsigned char)*p) || *p == '"' || *p == '\''))
		p++;
	for (; *p && o + 1 < sizeof buf; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '_' || s_space(c))
			c = '-';
		buf[o++] = (char)s_lower(c);
	}
	while (o > 0 && (buf[o - 1] == '-' || buf[o - 1] == '"' ||
	       buf[o - 1] == '\''))
		o--;
	buf[o] = '\0';
	/* collapse "--" runs left by "pr - faq" style spacing */
	size_t w = 0;
	for (size_t i = 0; i < o; i++)
		if (!(buf[i] == '-' && w > 0 && buf[w - 1] == '-'))
			buf[w++] = buf[i];
	buf[w] = '\0';
	for (size_t i = 0; i < sizeof s_aliases / sizeof *s_aliases; i++)
		if (strcmp(s_aliases[i].alias, buf) == 0)
			return memo__kind_canonical(s_aliases[i].kind);
	return NULL;
}

/* ---- FAQ headings ------------------------------------------------------- */

/* Does the normalized text hold word w (a whole word)? */
static bool s_has_word(const char *norm, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = norm; (p = strstr(p, w)) != NULL; p++) {
		bool left = p == norm || !s_alnum((unsigned char)p[-1]);
		bool right = !s_alnum((unsigned char)p[n]);
		if (left && right)
			return true;
	}
	return false;
}

static bool s_has_any(const char *norm, const char *const *words)
{
	for (; *words; words++)
		if (s_has_word(norm, *words))
			return true;
	return false;
}

static const char *const s_internal_words[] = { "internal", "stakeholder",
	"stakeholders", "business", "implementation", "technical", "team",
	"engineering", "leadership", NULL };
static const char *const s_external_words[] = { "external", "customer",
	"customers", "public", "user", "users", "launch", "client",
	"clients", "press", NULL };

int memo__kinds_faq_class(const char *norm)
{
	/* every FAQ cue below has a 'q' */
	if (!strchr(norm, 'q'))
		return MEMO__FAQ_NONE;
	bool faq = s_has_word(norm, "faq") || s_has_word(norm, "faqs") ||
		s_has_word(norm, "faq's") ||
		strstr(norm, "frequently asked question") != NULL ||
		strstr(norm, "questions and answers") != NULL ||
		s_has_word(norm, "q&a") || strstr(norm, "q & a") != NULL;
	if (!faq)
		return MEMO__FAQ_NONE;
	/* "PR/FAQ: Quill", "Press release and FAQ": a title naming the
	 * whole document, not its FAQ part */
	if (strstr(norm, "pr/faq") || strstr(norm, "pr-faq") ||
	    strstr(norm, "pr faq") || strstr(norm, "pr+faq") ||
	    strstr(norm, "prfaq") || strstr(norm, "press release") ||
	    strstr(norm, "working backwards"))
		return MEMO__FAQ_NONE;
	if (s_has_any(norm, s_internal_words))
		return MEMO__FAQ_INTERNAL;
	if (s_has_any(norm, s_external_words))
		return MEMO__FAQ_EXTERNAL;
	return MEMO__FAQ_GENERIC;
}

int memo__kinds_faq_audience(const char *norm)
{
	/* at most three words: an audience word, then "questions", "faq" */
	static const char *const rest[] = { "questions", "question", "faq",
		"faqs", "q&a", "facing", NULL };
	char w[4][32];
	size_t nw = 0;
	const char *p = norm;
	while (*p && nw < 4) {
		while (*p == ' ' || *p == '-')
			p++;
		if (!*p)
			break;
		size_t n = 0;
		while (p[n] && p[n] != ' ' && p[n] != '-')
			n++;
		if (n >= sizeof w[0])
			return MEMO__FAQ_NONE;
		memcpy(w[nw], p, n);
		w[nw][n] = '\0';
		nw++;
		p += n;
	}
	if (nw == 0 || nw > 3 || *p)
		return MEMO__FAQ_NONE;
	for (size_t i = 1; i < nw; i++) {
		bool ok = false;
		for (size_t j = 0; rest[j]; j++)
			ok |= strcmp(w[i], rest[j]) == 0;
		if (!ok)
			return MEMO__FAQ_NONE;
	}
	for (size_t j = 0; s_internal_words[j]; j++)
		if (strcmp(w[0], s_internal_words[j]) == 0)
			return MEMO__FAQ_INTERNAL;
	for (size_t j = 0; s_external_words[j]; j++)
		if (strcmp(w[0], s_external_words[j]) == 0)
			return MEMO__FAQ_EXTERNAL;
	return MEMO__FAQ_NONE;
}

bool memo__kinds_is_question(const char *s, size_t len)
{
	while (len > 0) {
		unsigned char c = (unsigned char)s[len - 1];
		if (s_space(c) || c == '*' || c == '_' || c == '"' || c == '\'' ||
		    c == '`') {
			len--;
			continue;
		}
		/* closing curly quotes ” ’ (E2 80 9D / 99) */
		if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
		    (unsigned char)s[len - 2] == 0x80 &&
		    (c == 0x9D || c == 0x99)) {
			len -= 3;
			continue;
		}
		break;
	}
	if (len == 0)
		return false;
	if (s[len - 1] == '?')
		return true;
	/* a tag after the question: "Why use it? [USE CASES]" */
	if (s[len - 1] == ']' || s[len - 1] == ')') {
		char open = s[len - 1] == ']' ? '[' : '(';
		size_t i = len - 1;
		while (i > 0 && s[i - 1] != open)
			i--;
		if (i == 0)
			return false;
		/* "(Why is it needed?)" or "Why is it needed? [tag]" */
		return memo__kinds_is_question(s + i, len - 1 - i) ||
		       (i > 1 && memo__kinds_is_question(s, i - 1));
	}
	/* full-width question mark U+FF1F */
	return len >= 3 && (unsigned char)s[len - 3] == 0xEF &&
	       (unsigned char)s[len - 2] == 0xBC &&
	       (unsigned char)s[len - 1] == 0x9F;
}

/* ---- phrases ------------------------------------------------------------ */

/* Phrase sets: the phrases chained by first byte, so that the scan
 * compares at each byte only the phrases that start with it. A phrase
 * may start with a lower-case letter (found in either case) or any other
 * byte but an upper-case letter (the text is lower-cased before it is
 * compared, so such a phrase never matches). */

static void s_phrases_add(memo__kphrases *set, size_t *n,
	const char *const *phrases, size_t count, unsigned group)
{
	for (size_t i = 0; i < count; i++) {
		const char *ph = phrases[i];
		size_t pl = strlen(ph);
		bool prefix = pl > 0 && ph[pl - 1] == '*';
		if (prefix)
			pl--;
		unsigned char first = (unsigned char)ph[0];
		if (pl == 0 || s_upper(first) || *n >= MEMO__KPHR_MAX)
			continue;
		size_t h = ++*n;
		set->phrases[h] = ph;
		set->plen[h] = pl;
		set->prefix[h] = prefix;
		set->group[h] = (unsigned char)group;
		/* chains in reverse list order (any match will do, so the
		 * result does not depend on it) */
		set->next[h] = set->head[first];
		set->head[first] = (unsigned char)h;
		set->second[first] |= pl == 1 ? ~(uint64_t)0 :
			(uint64_t)1 << ((unsigned char)ph[1] & 63);
	}
}

/* A list's length up to its NULL. */
static size_t s_count(const char *const *list)
{
	size_t n = 0;
	while (list[n])
		n++;
	return n;
}

static void s_phrases_clear(memo__kphrases *set)
{
	memset(set->head, 0, sizeof set->head);
	memset(set->second, 0, sizeof set->second);
}

/* An upper-case letter in the text starts what its lower case starts. */
static void s_phrases_alias(memo__kphrases *set)
{
	for (unsigned c = 'a'; c <= 'z'; c++) {
		set->head[c - 32] = set->head[c];
		set->second[c - 32] = set->second[c];
	}
}

void memo__kinds_phrases_init(memo__kphrases *set,
	const char *const *const *lists, size_t n)
{
	size_t np = 0;
	s_phrases_clear(set);
	for (size_t g = 0; g < n && g < MEMO__KPHR_GROUPS; g++)
		s_phrases_add(set, &np, lists[g], s_count(lists[g]),
			(unsigned)g);
	s_phrases_alias(set);
}


/* The groups of the phrases of chain h that match at text[i..len), but
 * for the groups in @p skip. */
static unsigned s_phrases_at(const memo__kphrases *set, const char *text,
	size_t len, size_t i, unsigned h, unsigned skip)
{
	unsigned got = 0;
	for (; h; h = set->next[h]) {
		unsigned bit = 1u << set->group[h];
		if ((skip | got) & bit)
			continue;
		const char *ph = set->phrases[h];
		size_t pl = set->plen[h];
		if (i + pl > len)
			continue;
		size_t j = 1;
		while (j < pl && s_lower((unsigned char)text[i + j]) ==
		       (unsigned char)ph[j])
			j++;
		if (j < pl)
			continue;
		if (!set->prefix[h] && i + pl < len &&
		    s_alnum_tab[(unsigned char)text[i + pl]] &&
		    s_alnum_tab[(unsigned char)ph[pl - 1]])
			continue;
		got |= bit;
	}
	return got;
}

unsigned memo__kinds_phrases_find(const memo__kphrases *set,
	const char *text, size_t len, unsigned want)
{
	const unsigned char *t = (const unsigned char *)text;
	unsigned found = 0;
	/* a phrase starts at a byte that is no letter or digit, or at the
	 * first letter or digit of a word: the rest of a word is skipped */
	for (size_t i = 0; i < len;) {
		unsigned char c = t[i];
		unsigned h = set->head[c];
		/* the byte after it must be a phrase's second byte */
		if (h && (i + 1 >= len || ((set->second[c] >>
		    (s_lower(t[i + 1]) & 63)) & 1))) {
			found |= s_phrases_at(set, text, len, i, h,
				found | ~want) & want;
			if (found == want)
				return found;
		}
		i++;
		if (s_alnum_tab[c])
			while (i < len && s_alnum_tab[t[i]])
				i++;
	}
	return found;
}

bool memo__kinds_has_phrase(const char *text, size_t len,
	const char *const *phrases)
{
	memo__kphrases set;
	while (*phrases) {
		size_t n = s_count(phrases), np = 0;
		if (n > MEMO__KPHR_MAX)
			n = MEMO__KPHR_MAX;
		s_phrases_clear(&set);
		s_phrases_add(&set, &np, phrases, n, 0);
		s_phrases_alias(&set);
		if (memo__kinds_phrases_find(&set, text, len, 1))
			return true;
		phrases += n;
	}
	return false;
}

/* ---- datelines ---------------------------------------------------------- */

static bool s_tok_cap(const memo__token *k)
{
	return (k->kind == MEMO__TOK_WORD || k->kind == MEMO__TOK_ACRONYM) &&
	       (k->flags & MEMO__TOKF_CAPITAL);
}

/* A dash: - -- – — ― (one PUNCT token, or a run of hyphens). */
static bool s_tok_dash(const char *t, const memo__token *k)
{
	if (k->kind != MEMO__TOK_PUNCT && k->kind != MEMO__TOK_SYMBOL)
		return false;
	const unsigned char *p = (const unsigned char *)t + k->start;
	size_t n = k->end - k->start;
	if (n >= 1 && p[0] == '-')
		return true;
	return n >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
	       (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0x95);
}

static bool s_tok_is(const char *t, const memo__token *k, char c)
{
	return k->end - k->start == 1 && t[k->start] == c;
}

static bool s_tok_eq(const char *t, const memo__token *k, const char *w)
{
	size_t n = strlen(w);
	return k->end - k->start == n && strncasecmp(t + k->start, w, n) == 0;
}

static const char *const s_weekdays[] = { "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", NULL };
static const char *const s_months[] = { "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", NULL };

static bool s_tok_in(const char *t, const memo__token *k,
	const char *const *list)
{
	size_t n = k->end - k->start;
	const char *s = t + k->start;
	while (n > 0 && s[n - 1] == '.')
		n--;
	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(s, *list, n) == 0)
			return true;
	return false;
}

/* A date at token i: a DATE token (not a clock time), "Month [day][,
 * year]", or a placeholder in brackets ("[Launch Date]", "<date>").
 * Returns the index past it, or 0. */
static size_t s_date_at(const char *t, const memo__token *v, size_t n,
	size_t i)
{
	if (i >= n)
		return 0;
	/* "Tuesday, March 3" */
	if (s_tok_in(t, &v[i], s_weekdays)) {
		size_t j = i + 1;
		if (j < n && s_tok_is(t, &v[j], ','))
			j++;
		if (j < n && (v[j].kind == MEMO__TOK_DATE ||
		    s_tok_in(t, &v[j], s_months)))
			i = j;
	}
	if (v[i].kind == MEMO__TOK_DATE && !(v[i].flags & MEMO__TOKF_TIME)) {
		size_t j = i + 1;
		/* "March 3" then ", 2025" when the tokenizer split them */
		if (j + 1 < n && s_tok_is(t, &v[j], ',') &&
		    v[j + 1].kind == MEMO__TOK_NUMBER &&
		    (v[j + 1].flags & MEMO__TOKF_YEAR))
			j += 2;
		return j;
	}
	if (s_tok_in(t, &v[i], s_months)) {
		size_t j = i + 1;
		if (j < n && v[j].kind == MEMO__TOK_NUMBER)
			j++;
		if (j + 1 < n && s_tok_is(t, &v[j], ',') &&
		    v[j + 1].kind == MEMO__TOK_NUMBER)
			j += 2;
		return j > i + 1 ? j : 0;
	}
	if (s_tok_is(t, &v[i], '[') || s_tok_is(t, &v[i], '<') ||
	    s_tok_is(t, &v[i], '{') || s_tok_is(t, &v[i], '(')) {
		char close = t[v[i].start] == '[' ? ']' :
			t[v[i].start] == '<' ? '>' :
			t[v[i].start] == '{' ? '}' : ')';
		bool datey = false;
		for (size_t j = i + 1; j < n && j < i + 8; j++) {
			if (s_tok_is(t, &v[j], close))
				return datey ? j + 1 : 0;
			datey |= s_tok_eq(t, &v[j], "date") ||
				s_tok_eq(t, &v[j], "day") ||
				s_tok_eq(t, &v[j], "tbd") ||
				v[j].kind == MEMO__TOK_DATE ||
				s_tok_in(t, &v[j], s_months);
		}
	}
	return 0;
}

bool memo__kinds_dateline(const char *text, size_t len, size_t *end_out)
{
	/* the head of the paragraph is enough; cut at a space */
	size_t lim = len < 240 ? len : 240;
	while (lim < len && lim > 0 && !s_space((unsigned char)text[lim]))
		lim--;
	memo__tokvec tv;
	memo__tokvec_init(&tv);
	bool ok = false;
	if (memo__tokenize(&tv, text, 0, lim) != 0) {
		memo__tokvec_free(&tv);
		return false;
	}
	const memo__token *v = tv.v;
	size_t n = tv.n, i = 0;
	bool dash = false;
	/* the place: 1-4 capitalized words, not a sentence starter */
	size_t city = 0;
	while (i < n && city < 4 && s_tok_cap(&v[i]) &&
	       !s_tok_in(text, &v[i], s_months) &&
	       !s_tok_in(text, &v[i], s_weekdays)) {
		if (city == 0 && memo__wl_has(MEMO__WL_STARTER,
			text + v[i].start, v[i].end - v[i].start))
			break;
		i++;
		city++;
	}
	if (city == 0)
		goto done;
	/* ", State" (1-3 capitalized words or an abbreviation) */
	if (i < n && s_tok_is(text, &v[i], ',')) {
		size_t j = i + 1, st = 0;
		while (j < n && st < 3 && s_tok_cap(&v[j]) &&
		       !s_tok_in(text, &v[j], s_months) &&
		       !s_tok_in(text, &v[j], s_weekdays)) {
			j++;
			st++;
		}
		i = st ? j : i + 1;
		if (st && i < n && s_tok_is(text, &v[i], '.'))
			i++;
	}
	/* separators and an outlet: "--(BUSINESS WIRE)--", ", " */
	for (int guard = 0; i < n && guard < 4; guard++) {
		if (s_tok_dash(text, &v[i])) {
			dash = true;
			i++;
		} else if (s_tok_is(text, &v[i], ',')) {
			i++;
		} else if (s_tok_is(text, &v[i], '(') &&
		           s_date_at(text, v, n, i) == 0) {
			size_t j = i + 1;
			while (j < n && j < i + 8 && !s_tok_is(text, &v[j], ')'))
				j++;
			if (j >= n || !s_tok_is(text, &v[j], ')'))
				goto done;
			i = j + 1;
		} else {
			break;
		}
	}
	size_t after = s_date_at(text, v, n, i);
	if (after == 0)
		goto done;
	i = after;
	if (i < n && (s_tok_dash(text, &v[i]) || s_tok_is(text, &v[i], ':')))
		dash = dash || s_tok_dash(text, &v[i]) ||
			s_tok_is(text, &v[i], ':');
	if (!dash)
		goto done;
	ok = true;
	if (end_out)
		*end_out = v[i - 1].end;
done:
	memo__tokvec_free(&tv);
	return ok;
}

/* ---- quotations --------------------------------------------------------- */

static const char *const s_speech[] = { "said", "says", "say", "added",
	"adds", "explained", "explains", "noted", "notes", "stated", "states",
	"commented", "comments", "remarked", "shared", "shares", "observed",
	"continued", "continues", "concluded", "told", "tells", "wrote",
	"writes", "recalled", "recalls", "put it", NULL };

static const char *const s_leader_cues[] = { "ceo", "cto", "cfo", "coo",
	"cmo", "cpo", "ciso", "chief*", "president", "vice president", "vp",
	"svp", "evp", "gm", "general manager", "director", "head of",
	"founder", "co-founder", "leader", "lead", "principal", "manager",
	"executive", "chair*", "spokes*", "senior vice", NULL };

static const char *const s_customer_cues[] = { "customer*", "user",
	"users", "client", "subscriber", "member", "shopper", "buyer",
	"seller", "developer", "engineer", "parent", "mom", "dad", "teacher",
	"student", "owner", "resident", "patient", "traveler", "traveller",
	"driver", "early adopter", "beta", "a small", "an independent", NULL };

/* Offset of a quotation mark at or after i: '"' or U+201C/U+201D;
 * *open_len gets its byte length. len when none. */
static size_t s_next_mark(const char *t, size_t i, size_t len, size_t *ml)
{
	/* memchr() for both bytes, a block at a time: a far '"' is not
	 * looked for again and again */
	while (i < len) {
		size_t end = len - i > 256 ? i + 256 : len;
		const char *q = memchr(t + i, '"', end - i);
		size_t qi = q ? (size_t)(q - t) : end;
		const char *e;
		while ((e = memchr(t + i, 0xE2, qi - i)) != NULL) {
			i = (size_t)(e - t);
			if (i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
			    ((unsigned char)t[i + 2] == 0x9C ||
			     (unsigned char)t[i + 2] == 0x9D)) {
				*ml = 3;
				return i;
			}
			i++;
		}
		if (q) {
			*ml = 1;
			return qi;
		}
		i = end;
	}
	return len;
}

static size_t s_words_in(const char *t, size_t a, size_t b)
{
	size_t n = 0;
	bool in = false;
	for (size_t i = a; i < b; i++) {
		bool w = s_alnum((unsigned char)t[i]) ||
			(unsigned char)t[i] >= 0x80;
		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

/* Is there a capitalized word in t[a..b)? */
static bool s_has_cap_word(const char *t, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (s_upper((unsigned char)t[i]) &&
		    (i == a || !s_alnum((unsigned char)t[i - 1])) &&
		    i + 1 < b && (s_alnum((unsigned char)t[i + 1])))
			return true;
	return false;
}

/* Where a speech verb occurs as a word in t[a..b), or b. */
static size_t s_find_speech(const char *t, size_t a, size_t b,
	size_t *vlen)
{
	for (size_t i = a; i < b; i++) {
		if (i > a && s_alnum((unsigned char)t[i - 1]))
			continue;
		/* the verbs and "according to" start with a letter */
		unsigned char c = s_lower((unsigned char)t[i]);
		if (c < 'a' || c > 'z')
			continue;
		for (size_t k = 0; s_speech[k]; k++) {
			if ((unsigned char)s_speech[k][0] != c)
				continue;
			size_t n = strlen(s_speech[k]);
			if (i + n <= b && strncasecmp(t + i, s_speech[k], n) == 0 &&
			    (i + n == b || !s_alnum((unsigned char)t[i + n]))) {
				*vlen = n;
				return i;
			}
		}
		if (i + 12 <= b && strncasecmp(t + i, "according to", 12) == 0) {
			*vlen = 12;
			return i;
		}
	}
	return b;
}

/* End of the attribution clause that starts at a: the next sentence end,
 * quotation mark or 160 bytes. */
static size_t s_clause_end(const char *t, size_t a, size_t len)
{
	size_t lim = a + 160 < len ? a + 160 : len;
	size_t ml;
	size_t q = s_next_mark(t, a, lim, &ml);
	for (size_t i = a; i < q; i++)
		if ((t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ';') &&
		    (i + 1 >= len || s_space((unsigned char)t[i + 1])) &&
		    !(i >= 2 && s_upper((unsigned char)t[i - 1]) &&
		      !s_alnum((unsigned char)t[i - 2])))
			return i;
	return q;
}

size_t memo__kinds_quotes(const char *t, size_t len, memo__kquote *out,
	size_t max)
{
	size_t count = 0, i = 0, prev_end = 0;
	while (i < len) {
		size_t ml1, ml2;
		size_t a = s_next_mark(t, i, len, &ml1);
		if (a >= len)
			break;
		size_t b = s_next_mark(t, a + ml1, len, &ml2);
		if (b >= len)
			break;
		size_t qend = b + ml2;
		i = qend;
		if (s_words_in(t, a + ml1, b) < 4)
			continue;
		size_t as = 0, ae = 0, vl = 0;
		/* after: ", said Jane Doe, VP" / "Jane Doe said" / "- Jane" */
		size_t j = qend;
		while (j < len && (s_space((unsigned char)t[j]) || t[j] == ','))
			j++;
		size_t ce = s_clause_end(t, j, len);
		size_t v = s_find_speech(t, j, ce < j + 60 ? ce : j + 60, &vl);
		if (v < ce && v < j + 60 && s_has_cap_word(t, j, ce)) {
			as = j;
			ae = ce;
		} else if (j < len && (t[j] == '-' || ((unsigned char)t[j] ==
		           0xE2 && j + 2 < len && (unsigned char)t[j + 1] ==
		           0x80 && ((unsigned char)t[j + 2] == 0x93 ||
		           (unsigned char)t[j + 2] == 0x94)))) {
			size_t k2 = j + (t[j] == '-' ? 1 : 3);
			while (k2 < len && (t[k2] == '-' ||
			       s_space((unsigned char)t[k2])))
				k2++;
			if (k2 < len && s_upper((unsigned char)t[k2])) {
				as = j;
				ae = s_clause_end(t, k2, len);
			}
		}
		if (ae == 0) {
			/* before: "Jane Doe, VP of X, said: "..."" */
			size_t lo = a > prev_end + 160 ? a - 160 : prev_end;
			size_t k2 = a;
			while (k2 > lo && (s_space((unsigned char)t[k2 - 1]) ||
			       t[k2 - 1] == ':' || t[k2 - 1] == ','))
				k2--;
			/* the verb must end the stretch before the quote */
			size_t v2 = lo, vl2 = 0, found = a;
			while ((v2 = s_find_speech(t, v2, k2, &vl2)) < k2) {
				found = v2;
				v2 += vl2;
			}
			if (found < a && found + 40 >= k2) {
				/* the clause holding the verb */
				size_t cs = found;
				while (cs > lo && !((t[cs - 1] == '.' ||
				       t[cs - 1] == '!' || t[cs - 1] == '?') &&
				       s_space((unsigned char)t[cs])))
					cs--;
				if (s_has_cap_word(t, cs, k2)) {
					as = cs;
					ae = k2;
				}
			}
		}
		prev_end = qend;
		if (ae == 0)
			continue;
		if (count < max) {
			memo__kquote *q = &out[count];
			q->start = a;
			q->end = qend;
			q->attr_start = as;
			q->attr_end = ae;
			/* a customer is named by a role ("a renter", "building
			 * owner"); a leader by a title ("VP of Delivery") */
			static const char *const article[] = { ", a ", ", an ",
				NULL };
			bool role = memo__kinds_has_phrase(t + as, ae - as,
				s_customer_cues);
			bool title = memo__kinds_has_phrase(t + as, ae - as,
				s_leader_cues);
			bool art = memo__kinds_has_phrase(t + as, ae - as,
				article);
			q->customer = role || (art && !title);
			q->leader = title && !role;
		}
		count++;
	}
	return count;
}

/* ---- owners and dates --------------------------------------------------- */

bool memo__kinds_has_owner(const char *t, size_t len)
{
	static const char *const cues[] = { "owner*", "owned by", "assignee*",
		"assigned", "responsible", "dri", "poc", "point of contact",
		"accountable", NULL };
	if (memo__kinds_has_phrase(t, len, cues))
		return true;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		/* @handle */
		if (c == '@' && i + 1 < len && s_alnum((unsigned char)t[i + 1]) &&
		    (i == 0 || !s_alnum((unsigned char)t[i - 1])))
			return true;
		/* "(Priya)", "[J. Doe]": a bracket opening on a name that is
		 * not a month or a weekday */
		if ((c == '(' || c == '[') && i + 2 < len &&
		    s_upper((unsigned char)t[i + 1])) {
			size_t e = i + 1;
			while (e < len && s_alnum((unsigned char)t[e]))
				e++;
			memo__token k = { (uint32_t)(i + 1), (uint32_t)e,
				MEMO__TOK_WORD, 1, 0 };
			bool dateish = s_tok_in(t, &k, s_months) ||
				s_tok_in(t, &k, s_weekdays) || e - i - 1 < 2;
			bool acronym = true;
			for (size_t x = i + 1; x < e; x++)
				acronym &= !((t[x] >= 'a' && t[x] <= 'z'));
			if (!dateish && !acronym)
				return true;
		}
	}
	/* "Payments team", "SRE on-call": a capitalized word before it */
	static const char *const team[] = { "team", "teams", "squad", "oncall",
		"on-call", NULL };
	for (size_t i = 2; i < len; i++) {
		if (!s_space((unsigned char)t[i - 1]) ||
		    s_space((unsigned char)t[i - 2]))
			continue;
		bool at = false;
		for (size_t k = 0; team[k] && !at; k++) {
			size_t n = strlen(team[k]);
			at = i + n <= len && strncasecmp(t + i, team[k], n) == 0 &&
				(i + n == len || !s_alnum((unsigned char)t[i + n]));
		}
		if (!at)
			continue;
		size_t w = i - 1;
		while (w > 0 && !s_space((unsigned char)t[w - 1]))
			w--;
		if (s_upper((unsigned char)t[w]))
			return true;
	}
	return false;
}

bool memo__kinds_has_date(const char *t, size_t len)
{
	static const char *const cues[] = { "eod", "eow", "eom", "eoq", "eoy",
		"tomorrow", "next week", "next sprint", "this week",
		"end of the week", "end of week", "end of the month",
		"end of month", "end of the quarter", "end of quarter",
		"end of the sprint", "end of sprint", "end of the year",
		"monday", "tuesday", "wednesday", "thursday", "friday",
		"due*", "deadline", "week of", "by week", NULL };
	if (memo__kinds_has_phrase(t, len, cues))
		return true;
	memo__tokvec tv;
	memo__tokvec_init(&tv);
	bool ok = false;
	if (memo__tokenize(&tv, t, 0, len) == 0) {
		for (size_t i = 0; i < tv.n && !ok; i++) {
			const memo__token *k = &tv.v[i];
			if (k->kind == MEMO__TOK_DATE &&
			    !(k->flags & MEMO__TOKF_TIME))
				ok = true;
			else if (s_tok_in(t, k, s_months) && i + 1 < tv.n &&
			         tv.v[i + 1].kind == MEMO__TOK_NUMBER)
				ok = true;
		}
	}
	memo__tokvec_free(&tv);
	return ok;
}

bool memo__kinds_is_choice(const char *t, size_t len)
{
	static const char *const cues[] = { "over", "rather than",
		"instead of", "even if", "even when", "even though", "even at",
		"even for", "unless", "at the expense of", "before", "not",
		"never", "no", "only", "first", "than", "but", "without",
		"trump*", "prefer*", "favor*", "favour*", "ahead of", "above",
		"don't", "won't", "doesn't", "isn't", "aren't", "until",
		"whenever", NULL };
	return memo__kinds_has_phrase(t, len, cues);
}
