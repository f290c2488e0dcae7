/*
 * sentences.c - sentence boundary detection for business text.
 *
 * One left-to-right pass over a block's text. Only "interesting" bytes
 * (terminators, line breaks, quotes and brackets, ')' for list markers,
 * and the lead bytes of the multi-byte characters among them) do any
 * work; everything else is skipped through a 256-entry table.
 *
 * At a terminator cluster (. ? ! … and runs of them, incl. spaced ". . .")
 * followed by closing quotes/brackets and citation marks ("[12]") and
 * then white space, the decision uses:
 *   - the next word: lower case never starts a sentence; a digit only
 *     after a real word; a parenthesised aside that ends with its own
 *     terminator ("(Which was true.)") stays with the sentence before;
 *   - the word before: its class in the generated abbreviation table.
 *     PREPOSITIVE (Mr. Dr. vs. e.g.) never ends a sentence; GENERAL
 *     (Jan. approx. Calif.) and dotted forms (U.S. E.U.) end one only
 *     before a sentence STARTER word (The, It, We, However...);
 *     POSTPOSITIVE (Inc. etc. Jr.) before any capitalised word that is
 *     not all-caps; TIME (a.m. p.m.) likewise except before weekdays,
 *     months and time zones; NUMBER (No. p.) never before a number. A
 *     lower-case word right after a number is a unit ("120 ms."), not an
 *     abbreviation; a title written in lower case is judged as GENERAL.
 *     One capital letter is an initial (J. R. R. Tolkien) unless a
 *     STARTER follows ("option A. It"); one lower-case letter never ends
 *     a sentence (a variable, a list letter). A list marker or label at
 *     the start of a sentence ("1." "a." "Q.") is not a sentence.
 *   - ellipses: "..." or "…" ends a sentence before a capital; spaced
 *     ". . ." never does; "word. . . . Next" ends after "word." and the
 *     ellipsis opens the next sentence; "[...]" is an omission mark.
 *   - paired quotes and brackets that close later in the block protect
 *     the terminators inside them ("Oh dear! I shall be late!" said...);
 *     a terminator right before the closing mark may still end the
 *     sentence after the mark. Only innermost pairs count, each within
 *     PAIR_MAX bytes; a mark that never closes is ignored. Interrupted
 *     speech ('... to--" At this moment') ends a sentence.
 * A terminator glued to the next character never splits (3.14, e.g.,
 * example.com, Jr.'s) except "world.Today" (lower/digit + . + Capitalised
 * word, outside URLs/e-mails/paths), the CJK/fullwidth stops, and a
 * numeric footnote after a word ("consultation.11 Take").
 * Inline list markers that form a sequence and begin a sentence
 * ("1. ... 2. ...", "a) ... b) ...") and bullet glyphs (• ⁃ ◦ ▪ ...) start
 * a sentence; an enumeration inside a sentence ("options: 1) a 2) b")
 * does not. Line breaks follow the MEMO__SBD_NL_* mode.
 *
 * Sentences are emitted trimmed. A piece without any letter or digit
 * ("??", "* * *" between other text) joins the sentence before it in the
 * same block, or the one after it; a block made only of such pieces is
 * one sentence.
 *
 * Figures and the remaining known failures: tests/text/sbd_gold.c
 * (Golden Rules 47/48, pySBD extended 88%).
 */
#include <string.h>

#include "memo_internal.h"
#include "text/text.h"

#include "charclass.inc"

#define PAIR_MAX 2000u    /* a quote/bracket protects at most this span */
#define MARKER_LOOKAHEAD 2000u

enum { P_PAREN, P_BRACKET, P_BRACE, P_DQ, P_SQ, P_CDQ, P_CSQ, P_GUIL,
	P_COUNT };

typedef struct s_pair {
	long long open;       /* position of the innermost open mark, -1 */
	long long closes_at;  /* cached: where it closes (-1 unknown) */
} s_pair;

typedef struct s_marker {
	unsigned value;
	size_t pos;
	bool set;
	bool listy;   /* its sequence began a sentence */
} s_marker;

/* list marker formats: style x punctuation */
enum { MS_NUM, MS_LALPHA, MS_UALPHA, MS_LROMAN, MS_UROMAN, MS_COUNT };
enum { MP_DOT, MP_DOTPAREN, MP_PAREN, MP_COUNT };

typedef struct s_ctx {
	const char *s;
	size_t len;
	unsigned flags;
	memo__sentvec *out;
	size_t sent_start;
	size_t first_for;     /* sent_start the cache below is for */
	size_t first_content; /* first char that is not space/bullet/dash */
	size_t block_first;   /* out->n when the current block began */
	size_t block_start;   /* byte where the current block began */
	int err;
	s_pair pair[P_COUNT];
	unsigned open_mask;   /* bit t set: pair[t].open >= 0 */
	bool markers_set;     /* marker[][] is in use (else: all unset,
	                         cleared by s_check_marker before use) */
	s_marker marker[MS_COUNT][MP_COUNT];
} s_ctx;

static void s_set_open(s_ctx *c, int t, long long pos);

/* ---- vector ------------------------------------------------------------ */

void memo__sentvec_init(memo__sentvec *sv)
{
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

void memo__sentvec_free(memo__sentvec *sv)
{
	memo__free(sv->v);
	memo__sentvec_init(sv);
}

static int s_push(memo__sentvec *sv, size_t a, size_t b)
{
	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 16;
		memo__sentence *v = memo__realloc(sv->v, cap * sizeof *v);
		if (!v)
			return memo__error_oom();
		sv->v = v;
		sv->cap = cap;
	}
	sv->v[sv->n].start = (uint32_t)a;
	sv->v[sv->n].end = (uint32_t)b;
	sv->n++;
	return 0;
}

/* ---- small character helpers ------------------------------------------- */

static inline unsigned s_cls(const s_ctx *c, size_t i, size_t *w)
{
	return s_class_at(c->s, c->len, i, w);
}

static inline bool s_is_space_at(const s_ctx *c, size_t i, size_t *w)
{
	return (s_cls(c, i, w) & MEMO__CC_SPACE) != 0;
}

static inline uint32_t s_cp_at(const s_ctx *c, size_t i, size_t *w)
{
	uint32_t cp;
	*w = s_decode((const unsigned char *)c->s + i, c->len - i, &cp);
	return cp;
}

static bool s_is_terminator_cp(uint32_t cp)
{
	switch (cp) {
	case '.': case '?': case '!':
	case 0x2026: /* … */
	case 0x203c: case 0x2047: case 0x2048: case 0x2049: /* ‼ ⁇ ⁈ ⁉ */
	case 0x3002: case 0xff0e: case 0xff01: case 0xff1f: /* 。．！？ */
	case 0x061f: case 0x06d4: case 0x0964: case 0x0965: /* ؟ ۔ । ॥ */
		return true;
	default:
		return false;
	}
}

static bool s_is_cjk_stop(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xff0e || cp == 0xff01 || cp == 0xff1f;
}

static bool s_is_closer_cp(uint32_t cp)
{
	switch (cp) {
	case ')': case ']': case '}': case '"': case '\'':
	case 0x201d: case 0x2019: case 0x00bb: case 0x203a: /* ” ’ » › */
	case 0x300d: case 0x300f: case 0xff09: /* 」 』 ） */
		return true;
	default:
		return false;
	}
}

static bool s_is_opener_cp(uint32_t cp)
{
	switch (cp) {
	case '(': case '[': case '{': case '"': case '\'': case '`':
	case 0x201c: case 0x2018: case 0x00ab: case 0x2039: /* “ ‘ « ‹ */
	case 0x00bf: case 0x00a1: /* ¿ ¡ */
	case 0x300c: case 0x300e: case 0xff08:
	case 0x201e: case 0x201a: /* „ ‚ */
		return true;
	default:
		return false;
	}
}

static bool s_is_bullet_cp(uint32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x2023: case 0x2043: case 0x25e6: case 0x25aa:
	case 0x25ab: case 0x25cf: case 0x25cb: case 0x25a0: case 0x25a1:
	case 0x25ba: case 0x25b8: case 0x27a2: case 0x27a4:
		return true;
	default:
		return false;
	}
}

/* A dash-like character that may stand alone between sentences. */
static bool s_is_dash_cp(uint32_t cp)
{
	return cp == '-' || cp == '*' || cp == 0x2013 || cp == 0x2014 ||
		cp == 0x2015 || cp == 0x2012 || cp == 0x2010 || cp == 0x2212;
}

static inline bool s_ascii_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static inline bool s_ascii_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static inline char s_lower(char ch)
{
	return (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
}

/* Does [a, b) hold a letter or digit? */
static bool s_has_alnum(const s_ctx *c, size_t a, size_t b)
{
	size_t i = a, w;
	while (i < b) {
		unsigned char ch = (unsigned char)c->s[i];
		if (ch < 0x80) {
			if (s_ascii_class[ch] & (MEMO__CC_LETTER | MEMO__CC_DIGIT))
				return true;
			i++;
			continue;
		}
		if (s_cls(c, i, &w) & (MEMO__CC_LETTER | MEMO__CC_DIGIT))
			return true;
		i += w;
	}
	return false;
}

/* Skip white space from i (stops at b). */
static size_t s_skip_space(const s_ctx *c, size_t i, size_t b)
{
	size_t w;
	while (i < b) {
		unsigned char ch = (unsigned char)c->s[i];
		if (ch == ' ' || ch == '\t') {
			i++;
			continue;
		}
		if (!s_is_space_at(c, i, &w))
			break;
		i += w;
	}
	return i;
}

/* Start of the white-space-delimited chunk that contains position i. */
static size_t s_chunk_start(const s_ctx *c, size_t i, size_t floor)
{
	while (i > floor) {
		unsigned char ch = (unsigned char)c->s[i - 1];
		if (ch < 0x80) {
			if (s_ascii_class[ch] & MEMO__CC_SPACE)
				break;
			i--;
			continue;
		}
		size_t j;
		unsigned cc = s_class_before(c->s, c->len, i, &j);
		if (cc & MEMO__CC_SPACE)
			break;
		i = j;
	}
	return i;
}

/* End of the chunk starting at i. */
static size_t s_chunk_end(const s_ctx *c, size_t i)
{
	size_t w;
	while (i < c->len) {
		unsigned char ch = (unsigned char)c->s[i];
		if (ch < 0x80) {
			if (s_ascii_class[ch] & MEMO__CC_SPACE)
				break;
			i++;
			continue;
		}
		if (s_is_space_at(c, i, &w))
			break;
		i += w;
	}
	return i;
}

/* ---- abbreviation table ------------------------------------------------ */

unsigned memo__abbrev_lookup(const char *s, size_t len)
{
	if (len == 0 || len > memo__abbrev_maxlen)
		return 0;
	if (!((memo__abbrev_first[len] >> memo__abbrev_bit(s[0])) &
			(memo__abbrev_last[len] >> memo__abbrev_bit(s[len - 1])) & 1))
		return 0;
	/* memo__abbrev_hash_of() on a lower-cased copy */
	char low[32];
	uint32_t h = 2166136261u;
	if (len >= sizeof low)
		return 0;
	for (size_t i = 0; i < len; i++) {
		low[i] = s_lower(s[i]);
		if (low[i] == '\0')
			return 0; /* no entry holds a NUL */
		h = (h ^ (unsigned char)low[i]) * 16777619u;
	}
	h &= MEMO__ABBR_HASH_SIZE - 1;
	for (;;) {
		unsigned idx = memo__abbrev_hash[h];
		if (idx == 0xffff)
			return 0;
		const char *w = memo__abbrev_table[idx].word;
		size_t k = 0;
		while (k < len && w[k] == low[k]) /* low has no NUL */
			k++;
		if (k == len && w[k] == '\0')
			return memo__abbrev_table[idx].classes;
		h = (h + 1) & (MEMO__ABBR_HASH_SIZE - 1);
	}
}

/* ---- emitting ---------------------------------------------------------- */

/*
 * Close the sentence [c->sent_start, b). force: a block ends here, so a
 * piece without letters or digits becomes a sentence of its own when it
 * has nothing before it to join.
 */
static void s_emit(s_ctx *c, size_t b, bool force)
{
	size_t a = s_skip_space(c, c->sent_start, b);
	size_t e = b;
	while (e > a) {
		size_t j;
		if (!(s_class_before(c->s, c->len, e, &j) & MEMO__CC_SPACE))
			break;
		e = j;
	}
	if (a >= e) {
		c->sent_start = b;
		return;
	}
	if (!s_has_alnum(c, a, e)) {
		if (c->out->n > c->block_first) {
			/* glue to the sentence before */
			c->out->v[c->out->n - 1].end = (uint32_t)e;
			c->sent_start = b;
			return;
		}
		if (!force)
			return; /* keep it as the prefix of the next sentence */
	}
	if (!c->err)
		c->err = s_push(c->out, a, e);
	c->sent_start = b;
}

static void s_block_break(s_ctx *c, size_t at)
{
	c->block_first = c->out->n;
	c->block_start = at;
	for (int t = 0; t < P_COUNT; t++)
		s_set_open(c, t, -1);
	c->markers_set = false;
}

/* Only white space, bullets and dashes between sentence start and i?
 * The first real character of the sentence is cached per sentence. */
static bool s_at_sentence_start(s_ctx *c, size_t i)
{
	if (c->first_for != c->sent_start + 1) {
		size_t k = c->sent_start, w;
		while (k < c->len) {
			unsigned char ch = (unsigned char)c->s[k];
			if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '-' ||
					ch == '*') {
				k++;
				continue;
			}
			if (ch < 0x80)
				break;
			unsigned cc = s_cls(c, k, &w);
			if (!(cc & MEMO__CC_SPACE)) {
				uint32_t cp = s_cp_at(c, k, &w);
				if (!s_is_bullet_cp(cp) && !s_is_dash_cp(cp))
					break;
			}
			k += w;
		}
		c->first_content = k;
		c->first_for = c->sent_start + 1;
	}
	return c->first_content >= i;
}

/* ---- list markers ------------------------------------------------------ */

/* Value 1..39 of a canonical lower/upper-case roman numeral, else 0. */
static unsigned s_roman_value(const char *s, size_t n)
{
	if (n == 0 || n > 6)
		return 0;
	unsigned v = 0, k = 0;
	char lw[8];
	for (size_t i = 0; i < n; i++) {
		lw[i] = s_lower(s[i]);
		if (lw[i] != 'i' && lw[i] != 'v' && lw[i] != 'x')
			return 0;
	}
	/* tens: x, xx, xxx */
	while (k < n && lw[k] == 'x' && v < 30) {
		v += 10;
		k++;
	}
	/* units: i ii iii iv v vi vii viii ix */
	static const char *const units[] = { "", "i", "ii", "iii", "iv", "v",
		"vi", "vii", "viii", "ix" };
	size_t rest = n - k;
	for (unsigned u = 0; u < 10; u++) {
		const char *t = units[u];
		size_t m = 0;
		while (t[m])
			m++;
		if (m == rest && memcmp(lw + k, t, m) == 0)
			return v + u ? v + u : 0;
	}
	return 0;
}

typedef struct s_mk {
	int np;              /* punctuation format (MP_*) */
	unsigned nstyles;    /* interpretations */
	int style[2];
	unsigned value[2];
	size_t end;          /* end of the marker chunk */
	bool lower2;         /* 1-2 lower-case letters + '.' (start only) */
} s_mk;

/*
 * Parse a list marker occupying exactly the chunk [a, e): "12." "3.)"
 * "4)" "a." "b)" "C)" "iv." "(v)"-less forms only. Leading bullets are
 * the caller's business. Returns false when it is not a marker.
 */
static bool s_parse_marker(const s_ctx *c, size_t a, size_t e, s_mk *m)
{
	const char *s = c->s;
	size_t k = a;
	memset(m, 0, sizeof *m);
	m->end = e;
	while (k < e && (s_ascii_digit(s[k]) || s_ascii_alpha(s[k])))
		k++;
	size_t body = k - a;
	if (body == 0 || body > 5)
		return false;
	if (e - k == 1 && s[k] == '.')
		m->np = MP_DOT;
	else if (e - k == 2 && s[k] == '.' && s[k + 1] == ')')
		m->np = MP_DOTPAREN;
	else if (e - k == 1 && s[k] == ')')
		m->np = MP_PAREN;
	else
		return false;
	bool digits = true, lower = true, upper = true;
	for (size_t j = a; j < k; j++) {
		if (!s_ascii_digit(s[j]))
			digits = false;
		if (!(s[j] >= 'a' && s[j] <= 'z'))
			lower = false;
		if (!(s[j] >= 'A' && s[j] <= 'Z'))
			upper = false;
	}
	if (digits) {
		if (body > 3)
			return false;
		unsigned v = 0;
		for (size_t j = a; j < k; j++)
			v = v * 10 + (unsigned)(s[j] - '0');
		m->style[0] = MS_NUM;
		m->value[0] = v;
		m->nstyles = 1;
		return true;
	}
	if (!lower && !upper)
		return false;
	if (body == 1) {
		m->style[m->nstyles] = lower ? MS_LALPHA : MS_UALPHA;
		m->value[m->nstyles++] = (unsigned)(s_lower(s[a]) - 'a') + 1;
	}
	unsigned rv = s_roman_value(s + a, body);
	if (rv) {
		m->style[m->nstyles] = lower ? MS_LROMAN : MS_UROMAN;
		m->value[m->nstyles++] = rv;
	}
	if (lower && body <= 2 && m->np == MP_DOT)
		m->lower2 = true;
	/* upper-case letters with a bare period are initials, not markers */
	if (upper && m->np == MP_DOT)
		m->nstyles = 0;
	return m->nstyles > 0 || m->lower2;
}

/* The first non-space character after the marker is a word start. */
static bool s_marker_followed(const s_ctx *c, size_t e, bool need_upper)
{
	size_t i = s_skip_space(c, e, c->len), w;
	if (i == e || i >= c->len)
		return false;
	unsigned cc = s_cls(c, i, &w);
	if (need_upper)
		return (cc & MEMO__CC_UPPER) != 0;
	if (cc & (MEMO__CC_LETTER | MEMO__CC_DIGIT))
		return true;
	uint32_t cp = s_cp_at(c, i, &w);
	return s_is_opener_cp(cp);
}

/* Skip a bullet glyph glued to the front of a chunk ("⁃9."). */
static size_t s_skip_bullet_prefix(const s_ctx *c, size_t a, size_t e)
{
	size_t w;
	while (a < e) {
		uint32_t cp = s_cp_at(c, a, &w);
		if (!s_is_bullet_cp(cp))
			break;
		a += w;
	}
	return a;
}

/* Is there a marker of the same format with value v+1 ahead? */
static bool s_marker_ahead(const s_ctx *c, size_t from, int style, int np,
	unsigned v)
{
	size_t lim = from + MARKER_LOOKAHEAD < c->len ?
		from + MARKER_LOOKAHEAD : c->len;
	size_t i = from, w;
	while (i < lim) {
		unsigned cc = s_cls(c, i, &w);
		if (cc & MEMO__CC_SPACE) {
			if (cc & MEMO__CC_NL) {
				/* the block ends at a hard break or blank line */
				if (c->flags & MEMO__SBD_NL_HARD)
					return false;
				size_t k = i + w;
				while (k < lim && (c->s[k] == ' ' || c->s[k] == '\t'))
					k++;
				if (k < lim && (c->s[k] == '\n' || c->s[k] == '\r'))
					return false;
			}
			i += w;
			continue;
		}
		size_t e = s_chunk_end(c, i);
		if (e - i > 12) { /* too long to be a marker */
			i = e;
			continue;
		}
		size_t a = s_skip_bullet_prefix(c, i, e);
		s_mk m;
		if (e - a <= 7 && s_parse_marker(c, a, e, &m) && m.np == np) {
			for (unsigned k = 0; k < m.nstyles; k++)
				if (m.style[k] == style && m.value[k] == v + 1)
					return true;
		}
		i = e;
	}
	return false;
}

/*
 * At the '.' or ')' ending chunk [cs, e): if the chunk is a list marker
 * that belongs to a sequence, start a new sentence at the chunk.
 */
static void s_check_marker(s_ctx *c, size_t cs, size_t e)
{
	size_t a = s_skip_bullet_prefix(c, cs, e);
	s_mk m;
	if (e - a > 7 || !s_parse_marker(c, a, e, &m) || m.nstyles == 0)
		return;
	/* Does this marker open a sentence (block start, or right after a
	 * terminator)? Inline enumerations ("options: 1) build 2) buy")
	 * are not lists. */
	bool opens = s_at_sentence_start(c, cs);
	if (!opens) {
		size_t q = cs, w;
		while (q > c->block_start) {
			size_t j;
			unsigned cc = s_class_before(c->s, c->len, q, &j);
			uint32_t cp = s_cp_at(c, j, &w);
			if ((cc & MEMO__CC_SPACE) || s_is_closer_cp(cp)) {
				q = j;
				continue;
			}
			opens = s_is_terminator_cp(cp);
			break;
		}
	}
	if (!c->markers_set) {
		memset(c->marker, 0, sizeof c->marker);
		c->markers_set = true;
	}
	bool valid = false, listy[2] = { false, false };
	for (unsigned k = 0; k < m.nstyles; k++) {
		int st = m.style[k];
		bool need_upper = st == MS_NUM && m.np == MP_DOT;
		s_marker *prev = &c->marker[st][m.np];
		bool cont = prev->set && prev->value + 1 == m.value[k] &&
			prev->pos < a;
		/* a list: its first marker opens a sentence, or its items
		 * start with a capital ("2) The second item") */
		listy[k] = (cont && prev->listy) || opens ||
			s_marker_followed(c, e, true);
		if (valid || !listy[k] || !s_marker_followed(c, e, need_upper))
			continue;
		if (cont || s_marker_ahead(c, e, st, m.np, m.value[k]))
			valid = true;
	}
	c->markers_set = true;
	for (unsigned k = 0; k < m.nstyles; k++) {
		s_marker *p = &c->marker[m.style[k]][m.np];
		p->value = m.value[k];
		p->pos = a;
		p->set = true;
		p->listy = listy[k];
	}
	if (valid && cs > c->sent_start && !s_at_sentence_start(c, cs))
		s_emit(c, cs, false);
}

/* ---- quote / bracket protection ---------------------------------------- */

static int s_pair_of_opener(uint32_t cp)
{
	switch (cp) {
	case '(': return P_PAREN;
	case '[': return P_BRACKET;
	case '{': return P_BRACE;
	case 0x201c: return P_CDQ;
	case 0x2018: return P_CSQ;
	case 0x00ab: return P_GUIL;
	default: return -1;
	}
}

static int s_pair_of_closer(uint32_t cp)
{
	switch (cp) {
	case ')': return P_PAREN;
	case ']': return P_BRACKET;
	case '}': return P_BRACE;
	case 0x201d: return P_CDQ;
	case 0x2019: return P_CSQ;
	case 0x00bb: return P_GUIL;
	default: return -1;
	}
}

/* Straight quote at i: +1 opening, -1 closing, 0 neither. */
static int s_straight_role(const s_ctx *c, size_t i, char q)
{
	bool before_space = true, after_space = true;
	bool before_alnum = false, after_alnum = false;
	uint32_t before_cp = 0, after_cp = 0;
	size_t w;
	if (i > 0) {
		size_t j;
		unsigned cc = s_class_before(c->s, c->len, i, &j);
		before_cp = s_cp_at(c, j, &w);
		before_space = (cc & MEMO__CC_SPACE) != 0 ||
			(s_is_opener_cp(before_cp) && before_cp != '"' &&
			 before_cp != '\'' && before_cp != '`');
		if (s_is_dash_cp(before_cp)) {
			/* --"Pat! opens; to--" closes: decided by what follows */
			before_space = i + 1 < c->len && (s_cls(c, i + 1, &w) &
				(MEMO__CC_LETTER | MEMO__CC_DIGIT));
		}
		before_alnum = (cc & (MEMO__CC_LETTER | MEMO__CC_DIGIT)) != 0;
	}
	if (i + 1 < c->len) {
		unsigned cc = s_cls(c, i + 1, &w);
		after_cp = s_cp_at(c, i + 1, &w);
		after_space = (cc & MEMO__CC_SPACE) != 0;
		after_alnum = (cc & (MEMO__CC_LETTER | MEMO__CC_DIGIT)) != 0;
	}
	if (before_space && !after_space) {
		if (q == '\'') {
			/* elisions: 'tis 'round '90s 'em 'til 'cause 'n' */
			static const char *const el[] = { "tis", "twas", "round",
				"em", "til", "cause", "n", "bout", "s" };
			size_t k = i + 1;
			while (k < c->len && s_ascii_alpha(c->s[k]))
				k++;
			if (i + 1 < c->len && s_ascii_digit(c->s[i + 1]))
				return 0;
			for (size_t e = 0; e < sizeof el / sizeof el[0]; e++) {
				size_t n = strlen(el[e]);
				if (k - (i + 1) != n)
					continue;
				size_t t;
				for (t = 0; t < n; t++)
					if (s_lower(c->s[i + 1 + t]) != el[e][t])
						break;
				if (t == n)
					return 0;
			}
			if (!after_alnum)
				return 0;
		}
		return 1;
	}
	if (!before_space && !after_alnum) {
		if (q == '\'' && !before_alnum && !s_is_terminator_cp(before_cp) &&
				before_cp != ',' && before_cp != ';' &&
				before_cp != ':' && !s_is_dash_cp(before_cp) &&
				!s_is_closer_cp(before_cp))
			return 0;
		(void)after_cp;
		return -1;
	}
	return 0;
}

/* Where does the open mark of pair t close, searching from `from`?
 * Stops (-1) at a block end, at another opening mark of the same kind
 * (only innermost pairs protect) or PAIR_MAX bytes after the mark. */
static long long s_find_close(const s_ctx *c, int t, size_t from)
{
	size_t lim = (size_t)c->pair[t].open + PAIR_MAX;
	if (lim > c->len)
		lim = c->len;
	/* the bytes worth stopping at */
	unsigned char b1, b2;
	switch (t) {
	case P_PAREN: b1 = '('; b2 = ')'; break;
	case P_BRACKET: b1 = '['; b2 = ']'; break;
	case P_BRACE: b1 = '{'; b2 = '}'; break;
	case P_DQ: b1 = b2 = '"'; break;
	case P_SQ: b1 = b2 = '\''; break;
	default: b1 = b2 = 0xe2; break; /* “ ” ‘ ’ */
	}
	if (t == P_GUIL)
		b1 = b2 = 0xc2; /* « » */
	const unsigned char *s = (const unsigned char *)c->s;
	size_t i = from, w;
	while (i < lim) {
		unsigned char ch = s[i];
		if (ch != b1 && ch != b2 && ch != '\n' && ch != '\r') {
			i++;
			continue;
		}
		if (ch == '\n' || ch == '\r') {
			if (c->flags & (MEMO__SBD_NL_HARD | MEMO__SBD_NL_LINES))
				return -1;
			/* a blank line ends the block */
			size_t k = i + 1;
			if (ch == '\r' && k < c->len && s[k] == '\n')
				k++;
			size_t k2 = k;
			while (k2 < c->len && (s[k2] == ' ' || s[k2] == '\t'))
				k2++;
			if (k2 >= c->len || s[k2] == '\n' || s[k2] == '\r')
				return -1;
			i = k;
			continue;
		}
		if (t == P_DQ || t == P_SQ) {
			int r = s_straight_role(c, i, (char)ch);
			if (r < 0)
				return (long long)i;
			if (r > 0 && t == P_DQ)
				return -1;
			i++;
			continue;
		}
		if (t <= P_BRACE) {
			if (ch == b2)
				return (long long)i;
			return -1; /* another opening mark */
		}
		uint32_t cp = s_cp_at(c, i, &w);
		if (s_pair_of_opener(cp) == t)
			return -1;
		if (s_pair_of_closer(cp) == t) {
			size_t w2;
			if (t == P_CSQ && i + w < c->len && (s_cls(c, i + w, &w2) &
					(MEMO__CC_LETTER | MEMO__CC_DIGIT))) {
				i += w; /* an apostrophe: dragon’s */
				continue;
			}
			return (long long)i;
		}
		i += w;
	}
	return -1;
}

/*
 * Is the terminator at [cl, ce) inside a quote/bracket that closes later?
 * Marks whose closer was consumed in [cl, ce) do not protect.
 */
static void s_set_open(s_ctx *c, int t, long long pos)
{
	c->pair[t].open = pos;
	c->pair[t].closes_at = -1;
	if (pos >= 0)
		c->open_mask |= 1u << t;
	else
		c->open_mask &= ~(1u << t);
}

static bool s_protected(s_ctx *c, size_t cl, size_t ce)
{
	if (!c->open_mask)
		return false;
	for (int t = 0; t < P_COUNT; t++) {
		s_pair *p = &c->pair[t];
		if (p->open < 0 || (size_t)p->open >= cl)
			continue;
		if (cl - (size_t)p->open > PAIR_MAX) {
			s_set_open(c, t, -1);
			continue;
		}
		if (p->closes_at >= 0 && (size_t)p->closes_at >= ce)
			return true;
		if (p->closes_at >= 0 && (size_t)p->closes_at >= cl)
			continue; /* closes inside the cluster's closers */
		long long q = s_find_close(c, t, cl);
		if (q < 0) {
			s_set_open(c, t, -1); /* never closes: ignore it */
			continue;
		}
		p->closes_at = q;
		if ((size_t)q >= ce)
			return true;
	}
	return false;
}

/* Update pair state for the mark at i (code point cp, width w). */
static void s_pair_event(s_ctx *c, size_t i, uint32_t cp)
{
	int t;
	if (cp == '`') {
		/* TeX-style `quote' opens a single quote */
		size_t w, j;
		bool before = i == 0 || (s_class_before(c->s, c->len, i, &j) &
			MEMO__CC_SPACE);
		if (before && i + 1 < c->len && (s_cls(c, i + 1, &w) &
				(MEMO__CC_LETTER | MEMO__CC_DIGIT)))
			s_set_open(c, P_SQ, (long long)i);
		return;
	}
	if (cp == '"' || cp == '\'') {
		/* fast path: an apostrophe inside a word (don't) */
		if (cp == '\'' && i > 0 && i + 1 < c->len &&
				(unsigned char)c->s[i - 1] < 0x80 &&
				(unsigned char)c->s[i + 1] < 0x80 &&
				(s_ascii_class[(unsigned char)c->s[i - 1]] &
				 MEMO__CC_LETTER) &&
				(s_ascii_class[(unsigned char)c->s[i + 1]] &
				 MEMO__CC_LETTER))
			return;
		int r = s_straight_role(c, i, (char)cp);
		t = cp == '"' ? P_DQ : P_SQ;
		if (r > 0)
			s_set_open(c, t, (long long)i);
		else if (r < 0 && c->pair[t].open >= 0)
			s_set_open(c, t, -1);
		return;
	}
	t = s_pair_of_opener(cp);
	if (t >= 0) {
		if (t == P_CSQ && i > 0) {
			size_t j;
			unsigned cc = s_class_before(c->s, c->len, i, &j);
			if (cc & (MEMO__CC_LETTER | MEMO__CC_DIGIT))
				return;
		}
		s_set_open(c, t, (long long)i);
		return;
	}
	t = s_pair_of_closer(cp);
	if (t >= 0 && c->pair[t].open >= 0) {
		if (t == P_CSQ) {
			size_t w, w2;
			s_cp_at(c, i, &w);
			if (i + w < c->len && (s_cls(c, i + w, &w2) &
					(MEMO__CC_LETTER | MEMO__CC_DIGIT)))
				return; /* apostrophe: dragon’s */
		}
		s_set_open(c, t, -1);
	}
}

/* ---- the next word after a candidate boundary --------------------------- */

enum { NX_END, NX_LOWER, NX_UPPER, NX_DIGIT, NX_OTHER };

typedef struct s_next {
	int kind;
	size_t pos;        /* first character of the word */
	size_t wend;       /* end of its leading run of ASCII letters */
	bool allcaps;      /* >= 2 upper-case letters, no lower case */
	bool paren;        /* the next chunk starts with '(' */
	size_t paren_pos;
	bool single_dot;   /* a single letter followed by '.' */
} s_next;

static bool s_is_marker_chunk(const s_ctx *c, size_t a, size_t e)
{
	size_t w;
	if (e - a >= 3 && c->s[a] == '(' && c->s[e - 1] == ')') {
		/* (a) (iv) (1) (1.) */
		size_t k = a + 1, n = 0;
		while (k < e - 1 && (s_ascii_alpha(c->s[k]) ||
				s_ascii_digit(c->s[k]))) {
			k++;
			n++;
		}
		if (k < e - 1 && c->s[k] == '.')
			k++;
		return k == e - 1 && n >= 1 && n <= 4;
	}
	a = s_skip_bullet_prefix(c, a, e);
	s_mk m;
	(void)w;
	return e - a <= 7 && s_parse_marker(c, a, e, &m) && m.nstyles > 0 &&
		m.np != MP_DOT;
}

/* End of the chunk at i if it ends within max bytes, else i + max + 1. */
static size_t s_chunk_end_max(const s_ctx *c, size_t i, size_t max)
{
	size_t lim = i + max + 1 < c->len ? i + max + 1 : c->len, w;
	while (i < lim) {
		unsigned char ch = (unsigned char)c->s[i];
		if (ch < 0x80) {
			if (s_ascii_class[ch] & MEMO__CC_SPACE)
				return i;
			i++;
			continue;
		}
		if (s_is_space_at(c, i, &w))
			return i;
		i += w;
	}
	return i;
}

static void s_next_word(const s_ctx *c, size_t from, s_next *nx)
{
	size_t i = from, w;
	bool skipped_marker = false, first_chunk = true;
	memset(nx, 0, sizeof *nx);
	nx->kind = NX_END;
	while (i < c->len) {
		i = s_skip_space(c, i, c->len);
		if (i >= c->len)
			return;
		if (first_chunk && c->s[i] == '(') {
			nx->paren = true;
			nx->paren_pos = i;
		}
		if (!skipped_marker) {
			size_t e = s_chunk_end_max(c, i, 8);
			if (e - i <= 8 && (e >= c->len ||
					(unsigned char)c->s[e] < 0x80 ||
					s_is_space_at(c, e, &w)) &&
					(c->s[e - 1] == ')' || c->s[e - 1] == '.') &&
					s_is_marker_chunk(c, i, e)) {
				skipped_marker = true;
				first_chunk = false;
				i = e;
				continue;
			}
		}
		first_chunk = false;
		/* skip openers and dashes at the front of the chunk */
		size_t k = i;
		bool ended = false;
		while (k < c->len) {
			unsigned char ch = (unsigned char)c->s[k];
			if (ch < 0x80) {
				if (s_ascii_class[ch] & MEMO__CC_SPACE) {
					ended = true;
					break;
				}
				if (!s_is_opener_cp(ch) && !s_is_dash_cp(ch))
					break;
				k++;
				continue;
			}
			unsigned cc = s_cls(c, k, &w);
			if (cc & MEMO__CC_SPACE) {
				ended = true;
				break;
			}
			uint32_t cp = s_cp_at(c, k, &w);
			if (!s_is_opener_cp(cp) && !s_is_dash_cp(cp) &&
					!s_is_bullet_cp(cp))
				break;
			k += w;
		}
		if (ended || k >= c->len) { /* a chunk of only openers/dashes */
			i = k;
			continue;
		}
		unsigned cc = s_cls(c, k, &w);
		nx->pos = k;
		if (cc & MEMO__CC_DIGIT)
			nx->kind = NX_DIGIT;
		else if (cc & MEMO__CC_LOWER)
			nx->kind = NX_LOWER;
		else if (cc & MEMO__CC_UPPER)
			nx->kind = NX_UPPER;
		else if (cc & MEMO__CC_LETTER)
			nx->kind = NX_OTHER;
		else {
			/* a symbol: $ € # ... or more punctuation */
			size_t e = s_chunk_end(c, k);
			if (!s_has_alnum(c, k, e)) {
				i = e;
				continue;
			}
			nx->kind = NX_OTHER;
		}
		size_t q = k;
		unsigned nup = 0, nlow = 0;
		while (q < c->len && s_ascii_alpha(c->s[q])) {
			if (c->s[q] >= 'A' && c->s[q] <= 'Z')
				nup++;
			else
				nlow++;
			q++;
		}
		nx->wend = q;
		nx->allcaps = nup >= 2 && nlow == 0;
		nx->single_dot = q - k == 1 && q < c->len && c->s[q] == '.';
		return;
	}
}

/* Is the next word (capitalised) in the STARTER list? */
static bool s_next_is_starter(const s_ctx *c, const s_next *nx)
{
	if (nx->kind != NX_UPPER || nx->wend <= nx->pos || nx->single_dot)
		return false;
	for (size_t k = nx->pos + 1; k < nx->wend; k++)
		if (!(c->s[k] >= 'a' && c->s[k] <= 'z'))
			return false;
	return (memo__abbrev_lookup(c->s + nx->pos, nx->wend - nx->pos) &
		MEMO__ABBR_STARTER) != 0;
}

static unsigned s_next_classes(const s_ctx *c, const s_next *nx)
{
	if (nx->wend <= nx->pos)
		return 0;
	return memo__abbrev_lookup(c->s + nx->pos, nx->wend - nx->pos);
}

/* "(Which was very likely true.)": a parenthesised aside ending with its
 * own terminator, right after a sentence end. */
static bool s_paren_aside(const s_ctx *c, const s_next *nx)
{
	if (!nx->paren)
		return false;
	size_t lim = nx->paren_pos + PAIR_MAX < c->len ?
		nx->paren_pos + PAIR_MAX : c->len;
	for (size_t i = nx->paren_pos + 1; i < lim; i++) {
		char ch = c->s[i];
		if (ch == '(' || ch == '\n' || ch == '\r')
			return false;
		if (ch != ')')
			continue;
		size_t k = i, w;
		while (k > nx->paren_pos + 1) {
			size_t j;
			unsigned cc = s_class_before(c->s, c->len, k, &j);
			uint32_t cp = s_cp_at(c, j, &w);
			if ((cc & MEMO__CC_SPACE) || (s_is_closer_cp(cp) &&
					cp != ')'))
				k = j;
			else
				break;
		}
		if (k <= nx->paren_pos + 1)
			return false;
		size_t j;
		s_class_before(c->s, c->len, k, &j);
		return s_is_terminator_cp(s_cp_at(c, j, &w)) &&
			s_has_alnum(c, nx->paren_pos, i);
	}
	return false;
}

/* ---- the word before a terminator --------------------------------------- */

typedef struct s_prev {
	size_t a, b;        /* the word, openers stripped */
	bool empty;         /* nothing glued before the terminator */
	unsigned classes;   /* abbreviation classes */
	bool dotted;        /* letters with inner periods: U.S  e.g  Ph.D */
	bool single;        /* exactly one letter */
	bool single_upper;
	bool single_lower;
	bool short_alpha;   /* <= 2 characters, no digit (N°, Rs) */
	bool marker_start;  /* a list marker / label at sentence start */
	bool lower;         /* all letters lower-case */
	bool after_number;  /* the chunk before is a number: "120 ms." */
} s_prev;

static void s_prev_word(s_ctx *c, size_t cl, s_prev *pw)
{
	memset(pw, 0, sizeof *pw);
	size_t floor = c->sent_start;
	if (cl <= floor) {
		pw->empty = true;
		return;
	}
	size_t j;
	if (s_class_before(c->s, c->len, cl, &j) & MEMO__CC_SPACE) {
		pw->empty = true;
		return;
	}
	size_t cs = s_chunk_start(c, cl, floor), w;
	size_t a = cs;
	while (a < cl) {
		uint32_t cp = s_cp_at(c, a, &w);
		if (!s_is_opener_cp(cp) && !s_is_bullet_cp(cp))
			break;
		a += w;
	}
	pw->a = a;
	pw->b = cl;
	if (a >= cl) {
		pw->empty = true;
		return;
	}
	/* counts */
	size_t nchars = 0, nletters = 0, ndigits = 0, ndots = 0;
	bool ok_dotted = true;
	size_t seg = 0, maxseg = 0;
	unsigned first_cc = 0;
	for (size_t k = a; k < cl; k += w) {
		unsigned cc = s_cls(c, k, &w);
		if (nchars == 0)
			first_cc = cc;
		nchars++;
		if (cc & MEMO__CC_LETTER) {
			nletters++;
			seg++;
			if (seg > maxseg)
				maxseg = seg;
		} else if (cc & MEMO__CC_DIGIT) {
			ndigits++;
			ok_dotted = false;
		} else if (c->s[k] == '.') {
			ndots++;
			if (seg == 0)
				ok_dotted = false;
			seg = 0;
		} else {
			ok_dotted = false;
		}
	}
	pw->dotted = ok_dotted && ndots > 0 && maxseg <= 4;
	pw->lower = nletters > 0 && !(first_cc & MEMO__CC_UPPER);
	for (size_t k = a; pw->lower && k < cl; k++)
		if (c->s[k] >= 'A' && c->s[k] <= 'Z')
			pw->lower = false;
	if (pw->lower && cs > floor) {
		/* previous chunk: digits with , or . inside, ending a digit */
		size_t e = cs;
		while (e > floor && (c->s[e - 1] == ' ' || c->s[e - 1] == '\t'))
			e--;
		if (e > floor && e < cs && s_ascii_digit(c->s[e - 1])) {
			size_t b = e;
			while (b > floor && (s_ascii_digit(c->s[b - 1]) ||
					c->s[b - 1] == '.' || c->s[b - 1] == ','))
				b--;
			pw->after_number = b == floor || c->s[b - 1] == ' ' ||
				c->s[b - 1] == '\t' || c->s[b - 1] == '$' ||
				c->s[b - 1] == '(';
		}
	}
	pw->single = nchars == 1 && nletters == 1;
	pw->single_upper = pw->single && (first_cc & MEMO__CC_UPPER);
	pw->single_lower = pw->single && !(first_cc & MEMO__CC_UPPER);
	pw->short_alpha = nchars <= 2 && ndigits == 0 && nletters >= 1;
	pw->classes = memo__abbrev_lookup(c->s + a, cl - a);
	/* a marker or label opening the sentence: "1." "a." "iv." "Q." */
	if (s_at_sentence_start(c, cs)) {
		size_t a2 = a; /* bullets and openers stripped: "(1." "⁃9." */
		if (a2 < cl && cl - a2 <= 5) {
			bool digits = true, letters = true;
			for (size_t k = a2; k < cl; k++) {
				if (!s_ascii_digit(c->s[k]))
					digits = false;
				if (!s_ascii_alpha(c->s[k]))
					letters = false;
			}
			if ((digits && cl - a2 <= 3) || (letters && cl - a2 == 1) ||
					(letters && s_roman_value(c->s + a2, cl - a2)) ||
					(letters && cl - a2 == 2 &&
					 c->s[a2] >= 'a' && c->s[a2] <= 'z' &&
					 c->s[a2 + 1] >= 'a' && c->s[a2 + 1] <= 'z'))
				pw->marker_start = true;
		}
	}
}

/* ---- decisions ---------------------------------------------------------- */

typedef struct s_cluster {
	size_t start, end;    /* the terminators */
	size_t ce;            /* after closers and citation marks */
	unsigned ndots;
	bool qe;              /* has ? or ! */
	bool ellipsis;        /* … or >= 2 dots */
	bool spaced;          /* ". . ." */
	bool first_attached;  /* the first terminator is glued to a word */
	bool cjk;
	size_t first_end;     /* end of the first terminator */
} s_cluster;

static void s_scan_cluster(const s_ctx *c, size_t i, s_cluster *k)
{
	size_t w;
	memset(k, 0, sizeof *k);
	k->start = i;
	if (i > 0) {
		size_t j;
		k->first_attached = !(s_class_before(c->s, c->len, i, &j) &
			MEMO__CC_SPACE);
	}
	size_t p = i;
	bool first = true;
	for (;;) {
		if (p < c->len) {
			uint32_t cp = s_cp_at(c, p, &w);
			if (s_is_terminator_cp(cp)) {
				if (cp == '.')
					k->ndots++;
				else if (cp == 0x2026) {
					k->ndots += 3;
					k->ellipsis = true;
				} else if (s_is_cjk_stop(cp))
					k->cjk = true;
				else if (cp != 0x0964 && cp != 0x0965 &&
						cp != 0x06d4)
					k->qe = true;
				p += w;
				if (first)
					k->first_end = p;
				first = false;
				continue;
			}
		}
		/* spaced dots: ". . ." */
		if (k->ndots > 0 && !k->qe && p + 1 < c->len &&
				c->s[p] == ' ' && c->s[p + 1] == '.' &&
				c->s[p - 1] == '.' &&
				(p + 2 >= c->len || c->s[p + 2] == ' ' ||
				 c->s[p + 2] == '.' || c->s[p + 2] == '\n' ||
				 s_is_closer_cp((unsigned char)c->s[p + 2]) ||
				 (unsigned char)c->s[p + 2] >= 0x80)) {
			k->spaced = true;
			p += 1;
			continue;
		}
		break;
	}
	k->end = p;
	if (k->ndots >= 2)
		k->ellipsis = true;
	/* closers and citation marks: ." .) .” .[12] .[7][8] */
	for (;;) {
		if (p >= c->len)
			break;
		uint32_t cp = s_cp_at(c, p, &w);
		if (cp == '[') {
			size_t q = p + 1;
			while (q < c->len && q - p < 16 && (s_ascii_digit(c->s[q]) ||
					c->s[q] == ',' || c->s[q] == '-' ||
					(unsigned char)c->s[q] == 0xe2 /* – */ ||
					(unsigned char)c->s[q] == 0x80 ||
					(unsigned char)c->s[q] == 0x93))
				q++;
			if (q < c->len && q > p + 1 && c->s[q] == ']' &&
					s_ascii_digit(c->s[p + 1])) {
				p = q + 1;
				continue;
			}
			break;
		}
		if (s_is_closer_cp(cp)) {
			p += w;
			continue;
		}
		break;
	}
	k->ce = p;
}

/* Decide the boundary after a cluster followed by white space. Returns
 * the boundary position, or 0 for none. */
static size_t s_decide(s_ctx *c, const s_cluster *k)
{
	s_next nx;
	s_next_word(c, k->ce, &nx);
	if (nx.kind == NX_END)
		return k->ce;
	if (s_protected(c, k->start, k->ce))
		return 0;
	if (nx.kind == NX_LOWER)
		return 0;
	if (s_paren_aside(c, &nx))
		return 0;
	if (k->cjk)
		return k->ce;

	s_prev pw;
	s_prev_word(c, k->start, &pw);

	if (k->qe) {
		if (!pw.empty && (pw.classes & MEMO__ABBR_EXCLAIM) &&
				k->end - k->start == 1 && c->s[k->start] == '!')
			return s_next_is_starter(c, &nx) ? k->ce : 0;
		return k->ce;
	}
	if (k->ellipsis) {
		if (k->spaced) {
			if (k->first_attached && k->ndots >= 4) {
				/* "word. . . . The": the period ends the sentence,
				 * the ellipsis opens the next one */
				if (nx.kind == NX_UPPER) {
					if (pw.classes & MEMO__ABBR_ANY_ABBREV)
						return 0;
					return k->first_end;
				}
				return 0;
			}
			if (!k->first_attached && k->ndots < 4)
				return 0; /* " . . . " is a pause, never an end */
		}
		if (k->start > 0 && (c->s[k->start - 1] == '[' ||
				c->s[k->start - 1] == '('))
			return 0; /* [...] is an omission mark */
		return nx.kind == NX_UPPER ? k->ce : 0;
	}

	/* a single period */
	if (pw.empty)
		return k->ce;
	if (pw.marker_start)
		return 0;
	/* a unit after a number ("120 ms.", "20 min.") is not an
	 * abbreviation; a title written in lower case ("ms", "dr") is
	 * judged like an ordinary abbreviation */
	if (pw.after_number && !(pw.classes & MEMO__ABBR_TIME))
		pw.classes = 0;
	if (pw.lower && !pw.dotted && (pw.classes & MEMO__ABBR_PREPOSITIVE))
		pw.classes = (pw.classes & ~MEMO__ABBR_PREPOSITIVE) |
			MEMO__ABBR_GENERAL;
	bool abbrev = (pw.classes & (MEMO__ABBR_PREPOSITIVE |
		MEMO__ABBR_GENERAL | MEMO__ABBR_POSTPOSITIVE |
		MEMO__ABBR_TIME)) != 0;
	bool abbrev_like = abbrev || pw.dotted || pw.single;
	if (nx.paren && (abbrev_like || (pw.classes & MEMO__ABBR_NUMBER)))
		return 0;
	if (nx.kind == NX_DIGIT) {
		if (abbrev_like || (pw.classes & MEMO__ABBR_NUMBER) ||
				pw.short_alpha)
			return 0;
		return k->ce;
	}
	if (nx.kind == NX_OTHER) {
		if (abbrev_like)
			return 0;
		return k->ce;
	}
	/* NX_UPPER */
	if (pw.classes & MEMO__ABBR_PREPOSITIVE)
		return 0;
	if (pw.classes & MEMO__ABBR_POSTPOSITIVE)
		return nx.allcaps ? 0 : k->ce;
	if (pw.classes & MEMO__ABBR_TIME) {
		if (nx.allcaps || (s_next_classes(c, &nx) &
				MEMO__ABBR_TIME_FOLLOWER))
			return 0;
		return k->ce;
	}
	if (pw.single) {
		if (pw.single_lower)
			return 0;
		return s_next_is_starter(c, &nx) ? k->ce : 0;
	}
	if ((pw.classes & MEMO__ABBR_GENERAL) || pw.dotted)
		return s_next_is_starter(c, &nx) ? k->ce : 0;
	return k->ce;
}

/* A terminator glued to the next character: 3.14, e.g., world.Today. */
static size_t s_decide_attached(s_ctx *c, const s_cluster *k)
{
	size_t w;
	if (k->cjk)
		return s_protected(c, k->start, k->ce) ? 0 : k->ce;
	if (k->ce != k->end || k->ellipsis || k->start == 0)
		return 0;
	size_t j;
	unsigned before = s_class_before(c->s, c->len, k->start, &j);
	size_t r = k->end;
	unsigned after = s_cls(c, r, &w);

	/* numeric footnote: "consultation.11 Take", "(1987).1 According" */
	if (c->s[k->start] == '.' && k->end - k->start == 1 &&
			(after & MEMO__CC_DIGIT)) {
		bool left_ok = c->s[j] == ')' || c->s[j] == ']';
		if (!left_ok && (before & MEMO__CC_LOWER) && j > 0) {
			size_t j2;
			left_ok = (s_class_before(c->s, c->len, j, &j2) &
				MEMO__CC_LOWER) != 0;
		}
		if (!left_ok)
			return 0;
		size_t q = r;
		while (q < c->len && s_ascii_digit(c->s[q]) && q - r < 4)
			q++;
		if (q - r > 3 || q >= c->len || !(s_cls(c, q, &w) &
				MEMO__CC_SPACE))
			return 0;
		/* more footnote numbers: ".11 12 Take" */
		size_t end = q;
		for (;;) {
			size_t a = s_skip_space(c, end, c->len);
			size_t b = a;
			while (b < c->len && s_ascii_digit(c->s[b]) && b - a < 4)
				b++;
			if (b == a || b - a > 3 || (b < c->len &&
					!(s_cls(c, b, &w) & MEMO__CC_SPACE)))
				break;
			end = b;
		}
		s_next nx;
		s_next_word(c, end, &nx);
		if (nx.kind != NX_UPPER)
			return 0;
		s_prev pw;
		s_prev_word(c, k->start, &pw);
		if (pw.classes & MEMO__ABBR_ANY_ABBREV)
			return 0;
		if (s_protected(c, k->start, k->ce))
			return 0;
		return end;
	}

	/* missing space: "world.Today", "1,000.That" */
	if (!(before & (MEMO__CC_LOWER | MEMO__CC_DIGIT)))
		return 0;
	if (!(after & MEMO__CC_UPPER))
		return 0;
	size_t r2 = r + w;
	if (r2 >= c->len || !(s_cls(c, r2, &w) & MEMO__CC_LOWER))
		return 0;
	/* the right word must end cleanly */
	size_t q = r2;
	while (q < c->len && (s_cls(c, q, &w) & MEMO__CC_LETTER))
		q += w;
	if (q < c->len) {
		char ch = c->s[q];
		if (ch == '@' || ch == '(' || ch == '/' || ch == '_' ||
				ch == ':' || ch == '=' || s_ascii_digit(ch))
			return 0;
		if (ch == '.' && q + 1 < c->len &&
				!(s_cls(c, q + 1, &w) & MEMO__CC_SPACE))
			return 0;
	}
	/* the left side must not be a URL, e-mail, path or identifier */
	size_t cs = s_chunk_start(c, k->start, c->sent_start);
	size_t ce = s_chunk_end(c, k->end);
	for (size_t t = cs; t < ce; t++) {
		char ch = c->s[t];
		if (ch == '@' || ch == '/' || ch == '\\' || ch == '_' ||
				(ch == ':' && t + 1 < ce && c->s[t + 1] == '/'))
			return 0;
	}
	for (size_t t = cs; t < k->start; t++)
		if (c->s[t] == '.')
			return 0; /* www.testurl.Awesome, a.b.Cde */
	s_prev pw;
	s_prev_word(c, k->start, &pw);
	if (pw.classes & MEMO__ABBR_ANY_ABBREV)
		return 0;
	if (s_protected(c, k->start, k->ce))
		return 0;
	return k->ce;
}

/* ---- line breaks -------------------------------------------------------- */

/* Handle the line break at i (width nw); returns where scanning resumes. */
static size_t s_newline(s_ctx *c, size_t i, size_t nw)
{
	size_t after = i + nw;
	if (c->s[i] == '\r' && after < c->len && c->s[after] == '\n')
		after++;
	/* blank line ahead? */
	size_t k = after, w;
	bool blank = false;
	for (;;) {
		if (k >= c->len) {
			blank = true;
			break;
		}
		unsigned cc = s_cls(c, k, &w);
		if (cc & MEMO__CC_NL) {
			blank = true;
			break;
		}
		if (!(cc & MEMO__CC_SPACE))
			break;
		k += w;
	}
	bool brk = blank || (c->flags & MEMO__SBD_NL_HARD);
	if (!brk && (c->flags & MEMO__SBD_NL_LINES)) {
		brk = true;
		unsigned cc = s_cls(c, k, &w);
		if (cc & MEMO__CC_LOWER)
			brk = false;
		else if (c->s[k] == '(') {
			size_t q = s_skip_space(c, k + 1, c->len);
			if (q < c->len && (s_cls(c, q, &w) &
					(MEMO__CC_LOWER | MEMO__CC_DIGIT)))
				brk = false;
		}
		/* the line before ends with a joiner */
		size_t e = i;
		while (e > c->sent_start) {
			size_t j;
			if (!(s_class_before(c->s, c->len, e, &j) &
					MEMO__CC_SPACE))
				break;
			e = j;
		}
		if (e > c->sent_start) {
			size_t j;
			s_class_before(c->s, c->len, e, &j);
			uint32_t cp = s_cp_at(c, j, &w);
			if (cp == ',' || cp == ';' || cp == '&' || cp == '/' ||
					cp == '(' || cp == 0x2013 || cp == 0x2014 ||
					cp == '-')
				brk = false;
		} else {
			brk = false; /* nothing on the line before */
		}
	}
	if (brk) {
		s_emit(c, i, true);
		c->sent_start = after;
		s_block_break(c, after);
	}
	return after;
}

/* ---- main loop ----------------------------------------------------------- */


/* Cheap filter before a list-marker check at the '.' at i: the chunk
 * must be 1-3 digits, one letter or a short i/v/x numeral (optionally
 * after a bullet glyph, which is a multi-byte character). */
static bool s_marker_shape(const char *s, size_t i, size_t floor)
{
	size_t k = i, n = 0;
	bool digits = true, roman = true;
	while (k > floor && n <= 6) {
		unsigned char ch = (unsigned char)s[k - 1];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch >= 0x80 ||
				ch == '(')
			break;
		if (!(ch >= '0' && ch <= '9'))
			digits = false;
		if (ch != 'i' && ch != 'v' && ch != 'x' && ch != 'I' &&
				ch != 'V' && ch != 'X')
			roman = false;
		k--;
		n++;
		if (n >= 2 && !digits && !roman)
			return false; /* a word */
	}
	if (n == 0 || n > 5)
		return false;
	return (digits && n <= 3) || n == 1 || roman;
}

/* Bytes that may need work: terminators, line breaks, pair marks, ')',
 * and lead bytes of multi-byte characters we care about. */
static const uint8_t s_interesting[256] = {
	['\n'] = 1, ['\r'] = 1, ['.'] = 1, ['?'] = 1, ['!'] = 1,
	['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1,
	['"'] = 1, ['\''] = 1, ['`'] = 1,
	[0xc2] = 1, [0xd8] = 1, [0xdb] = 1, [0xe0] = 1, [0xe2] = 1,
	[0xe3] = 1, [0xef] = 1,
};

int memo__sentences_split(memo__sentvec *out, const char *s, size_t len,
	unsigned flags)
{
	if (len > UINT32_MAX)
		return memo__error_set(MEMO_ELIMIT, NULL, NULL, 0, 0,
			"text block of %zu bytes is too long to split", len);
	s_ctx c; /* marker[][] is left for s_check_marker to clear */
	c.s = s;
	c.len = len;
	c.flags = flags;
	c.out = out;
	c.sent_start = c.first_for = c.first_content = 0;
	c.err = 0;
	c.open_mask = 0;
	s_block_break(&c, 0);

	size_t i = 0;
	for (;;) {
		/* skip the bytes that never matter (most of them); eight at
		 * a time with independent loads, then one by one */
		const unsigned char *u = (const unsigned char *)s;
		while (i + 8 <= len && !(s_interesting[u[i]] |
				s_interesting[u[i + 1]] | s_interesting[u[i + 2]] |
				s_interesting[u[i + 3]] | s_interesting[u[i + 4]] |
				s_interesting[u[i + 5]] | s_interesting[u[i + 6]] |
				s_interesting[u[i + 7]]))
			i += 8;
		while (i < len && !s_interesting[u[i]])
			i++;
		if (i >= len || c.err)
			break;
		unsigned char ch = (unsigned char)s[i];
		size_t w = 1;
		uint32_t cp = ch;
		if (ch >= 0x80)
			cp = s_cp_at(&c, i, &w);
		if (ch == '\n' || ch == '\r' || cp == 0x85 || cp == 0x2028 ||
				cp == 0x2029) {
			i = s_newline(&c, i, w);
			continue;
		}
		if (s_is_terminator_cp(cp)) {
			/* a list marker ending in '.' or '.)' ("2." "b.)") */
			if (cp == '.') {
				size_t e = i + 1;
				if (e < len && s[e] == ')')
					e++;
				if (e < len && (s[e] == ' ' || s[e] == '\t' ||
						s[e] == '\n') && s_marker_shape(s, i,
						c.block_start)) {
					size_t cs = s_chunk_start(&c, i,
						c.block_start);
					if (cs >= c.sent_start && e - cs <= 10)
						s_check_marker(&c, cs, e);
				}
			}
			s_cluster k;
			s_scan_cluster(&c, i, &k);
			size_t at;
			size_t wsp = 0;
			bool ws_after = k.ce >= len ||
				s_is_space_at(&c, k.ce, &wsp);
			if (ws_after)
				at = s_decide(&c, &k);
			else
				at = s_decide_attached(&c, &k);
			if (at)
				s_emit(&c, at, false);
			i = k.end > i ? k.end : i + w;
			continue;
		}
		if (ch == ')') {
			size_t cs = s_chunk_start(&c, i, c.block_start);
			if (cs >= c.sent_start && i + 1 - cs <= 10 &&
					(i == 0 || s[i - 1] != '.') &&
					(i + 1 >= len || s[i + 1] == ' ' ||
					 s[i + 1] == '\t' || s[i + 1] == '\n'))
				s_check_marker(&c, cs, i + 1);
			s_pair_event(&c, i, cp);
			i++;
			continue;
		}
		if (s_is_bullet_cp(cp)) {
			size_t j;
			if ((i == 0 || (s_class_before(s, len, i, &j) &
					MEMO__CC_SPACE)) && i > c.sent_start &&
					!s_at_sentence_start(&c, i))
				s_emit(&c, i, false);
			i += w;
			continue;
		}
		if ((cp == '"' || cp == 0x201d) && i >= 2 &&
				((s[i - 1] == '-' && s[i - 2] == '-') ||
				 (i >= 3 && (unsigned char)s[i - 3] == 0xe2 &&
				  (unsigned char)s[i - 2] == 0x80 &&
				  (unsigned char)s[i - 1] == 0x94)) &&
				(i + w >= len || s_is_space_at(&c, i + w, &(size_t){0}))) {
			/* interrupted speech: "... to--" At this moment */
			s_next nx;
			s_next_word(&c, i + w, &nx);
			s_pair_event(&c, i, cp);
			if (nx.kind == NX_UPPER && !s_protected(&c, i, i + w))
				s_emit(&c, i + w, false);
			i += w;
			continue;
		}
		s_pair_event(&c, i, cp);
		i += w;
	}
	if (!c.err)
		s_emit(&c, len, true);
	return c.err;
}
