/*
 * tokens.c - tokenizer with word classes, and the shared character
 * classes of the text modules.
 *
 * A token starts at a letter, digit, '_', a currency sign or code before
 * a number, a sign glued to a number, a backtick or a URL scheme; its
 * core is a "span": letters, digits and '_' joined by connectors that
 * sit between two alphanumerics (. - ‐ ‑ always; ' ’ between letters;
 * & between capitals; @ for e-mail; : , / between digits, "," only
 * before exactly three digits). A span is then classified (e-mail, URL,
 * file name, dotted abbreviation, number/date/time shapes, acronym,
 * code, word) and may grow to the right over one space into a unit
 * ("3 weeks", "25 percent", "$5 million", "March 3, 2024", "5 p.m.").
 * Everything else is one PUNCT or SYMBOL token per character, except
 * runs of dots, dashes and ?! which are one token each.
 *
 * "world.Today" is split as the sentence splitter splits it: a period
 * between a lower-case word and a capitalised word is not a connector.
 */
#include <string.h>

#include "memo_internal.h"
#include "text/text.h"

#include "charclass.inc"

size_t memo__text_decode(const char *s, size_t len, uint32_t *cp)
{
	return s_decode((const unsigned char *)s, len, cp);
}

unsigned memo__text_class(uint32_t cp)
{
	return s_cclass(cp);
}

/* ---- vector ------------------------------------------------------------ */

void memo__tokvec_init(memo__tokvec *tv)
{
	tv->v = NULL;
	tv->n = tv->cap = 0;
}

void memo__tokvec_free(memo__tokvec *tv)
{
	memo__free(tv->v);
	memo__tokvec_init(tv);
}

const char *memo__token_kind_name(unsigned kind)
{
	static const char *const names[] = { "none", "word", "number",
		"percent", "currency", "duration", "date", "acronym", "url",
		"email", "code", "punct", "symbol" };
	if (kind < sizeof names / sizeof names[0])
		return names[kind];
	return "unknown";
}

/* ---- helpers ------------------------------------------------------------ */

typedef struct t_ctx {
	const char *s;
	size_t len;    /* the whole string (for decoding) */
	size_t end;    /* tokenizing stops here */
} t_ctx;

static inline unsigned t_cls(const t_ctx *c, size_t i, size_t *w)
{
	if (i >= c->end) {
		*w = 0;
		return 0;
	}
	return s_class_at(c->s, c->end, i, w);
}

static inline uint32_t t_cp(const t_ctx *c, size_t i, size_t *w)
{
	uint32_t cp;
	if (i >= c->end) {
		*w = 0;
		return 0;
	}
	*w = s_decode((const unsigned char *)c->s + i, c->end - i, &cp);
	return cp;
}

static inline bool t_alnum(unsigned cc)
{
	return (cc & (MEMO__CC_LETTER | MEMO__CC_DIGIT)) != 0;
}

static inline bool t_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static inline char t_lower(char ch)
{
	return (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
}

/* Case-insensitive ASCII compare of s[0..n) with a lower-case word. */
static bool t_eq(const char *s, size_t n, const char *word)
{
	size_t k;
	for (k = 0; k < n && word[k]; k++)
		if (t_lower(s[k]) != word[k])
			return false;
	return k == n && word[k] == '\0';
}

/* Case-insensitive ASCII order of s[0..n) against a lower-case word. */
static int t_cmp(const char *s, size_t n, const char *word)
{
	for (size_t k = 0; k < n; k++) {
		unsigned char a = (unsigned char)t_lower(s[k]);
		unsigned char b = (unsigned char)word[k];
		if (a != b)
			return a < b ? -1 : 1; /* also when word ends (b = 0) */
	}
	return word[n] ? -1 : 0;
}

/* t_in for a list sorted by strcmp, of count entries. */
static bool t_in_sorted(const char *s, size_t n, const char *const *list,
	size_t count)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = t_cmp(s, n, list[mid]);
		if (r == 0)
			return true;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

static bool t_in(const char *s, size_t n, const char *const *list)
{
	if (n == 0)
		return false;
	char c0 = t_lower(s[0]);
	for (size_t k = 0; list[k]; k++)
		if (list[k][0] == c0 && t_eq(s, n, list[k]))
			return true;
	return false;
}

/* Exactly one space-like character at i, then something: its width. */
static size_t t_one_space(const t_ctx *c, size_t i)
{
	size_t w;
	unsigned cc = t_cls(c, i, &w);
	if (!(cc & MEMO__CC_SPACE) || (cc & MEMO__CC_NL))
		return 0;
	if (i + w >= c->end)
		return 0;
	return w;
}

/* Length of the run of ASCII letters at i. */
static size_t t_alpha_run(const t_ctx *c, size_t i)
{
	size_t k = i;
	while (k < c->end && ((c->s[k] >= 'a' && c->s[k] <= 'z') ||
			(c->s[k] >= 'A' && c->s[k] <= 'Z')))
		k++;
	return k - i;
}

static size_t t_digit_run(const t_ctx *c, size_t i)
{
	size_t k = i;
	while (k < c->end && t_digit(c->s[k]))
		k++;
	return k - i;
}

/* The word ending at i is complete (not followed by a letter/digit). */
static bool t_word_ends(const t_ctx *c, size_t i)
{
	size_t w;
	if (i >= c->end)
		return true;
	return !t_alnum(t_cls(c, i, &w)) && c->s[i] != '_';
}

static unsigned t_count_words(const t_ctx *c, size_t a, size_t b)
{
	unsigned n = 0;
	bool in = false, has = false;
	size_t w;
	for (size_t i = a; i < b; i += w) {
		unsigned cc = s_class_at(c->s, b, i, &w);
		if (cc & MEMO__CC_SPACE) {
			if (in && has)
				n++;
			in = has = false;
			continue;
		}
		in = true;
		if (t_alnum(cc))
			has = true;
	}
	if (in && has)
		n++;
	return n > 255 ? 255 : n;
}

/* ---- word lists ----------------------------------------------------------- */

/* s_file_ext and s_tld are sorted (strcmp): t_in_sorted */
#define S_COUNT(a) (sizeof (a) / sizeof (a)[0] - 1) /* without the NULL */

static const char *const s_file_ext[] = { "7z", "avro", "bash", "bat", "bib",
	"bmp", "bz2", "c", "cc", "cfg", "cjs", "cmake", "conf", "cpp", "css",
	"csv", "cxx", "dart", "db", "deb", "dll", "dmg", "doc", "docx", "dylib",
	"eml", "epub", "erl", "ex", "exe", "exs", "gif", "go", "gradle", "gz",
	"h", "hcl", "hh", "hpp", "hs", "htm", "html", "ico", "ini", "ipynb",
	"iso", "jar", "java", "jpeg", "jpg", "js", "json", "jsonl", "jsx",
	"key", "kt", "lock", "log", "lua", "markdown", "md", "mjs", "mm", "mod",
	"mov", "mp3", "mp4", "msg", "odp", "ods", "odt", "onnx", "parquet",
	"pdf", "php", "pkl", "png", "ppt", "pptx", "proto", "ps1", "py", "rar",
	"rb", "rpm", "rs", "rtf", "scala", "scss", "sh", "so", "sql", "sqlite",
	"sum", "svg", "swift", "tar", "tex", "tf", "tgz", "tiff", "toml", "ts",
	"tsv", "tsx", "txt", "vsdx", "vue", "wasm", "wav", "webp", "whl", "xls",
	"xlsm", "xlsx", "xml", "xz", "yaml", "yml", "zip", NULL };

static const char *const s_tld[] = { "ai", "amazon", "app", "at", "au", "aws",
	"be", "biz", "br", "ca", "ch", "cloud", "cn", "co", "com", "de", "dev",
	"dk", "edu", "es", "eu", "fi", "fr", "gg", "gov", "hk", "ie", "il",
	"in", "info", "int", "io", "it", "jp", "kr", "ly", "me", "mil", "mx",
	"net", "nl", "no", "nz", "online", "org", "page", "pl", "ru", "se",
	"sg", "sh", "site", "tech", "tv", "tw", "uk", "us", "xyz", "za", NULL };

static const char *const s_duration_units[] = { "ms", "msec", "msecs",
	"millisecond", "milliseconds", "s", "sec", "secs", "second",
	"seconds", "min", "mins", "minute", "minutes", "h", "hr", "hrs",
	"hour", "hours", "d", "day", "days", "wk", "wks", "week", "weeks",
	"mo", "mos", "month", "months", "y", "yr", "yrs", "year", "years",
	"us", "microsecond", "microseconds", "ns", "nanosecond",
	"nanoseconds", "quarter", "quarters", "decade", "decades", NULL };

/* separated units must be unambiguous words (no single letters) */
static bool t_duration_word(const char *s, size_t n, bool attached)
{
	if (!attached && n == 1)
		return false;
	if (!attached && (t_eq(s, n, "us") || t_eq(s, n, "mo")))
		return false; /* "5 us" is rare; "we" / "us" are words */
	return t_in(s, n, s_duration_units);
}

static const char *const s_months[] = { "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", NULL };

static const char *const s_magnitude_words[] = { "thousand", "million",
	"billion", "trillion", "mn", "bn", "mm", NULL };

static const char *const s_magnitude_suffix[] = { "k", "m", "b", "bn",
	"mn", "mm", "t", "tn", "tr", "mio", "mrd", NULL };

static const char *const s_currency_codes[] = { "usd", "eur", "gbp",
	"jpy", "cny", "rmb", "inr", "cad", "aud", "chf", "sgd", "hkd", "sek",
	"nok", "dkk", "brl", "mxn", "krw", "rub", "zar", "nzd", "pln", "try",
	"ils", "aed", "sar", NULL };

static const char *const s_currency_words[] = { "dollar", "dollars",
	"euro", "euros", "pound", "pounds", "cent", "cents", "yen", "yuan",
	"rupee", "rupees", "franc", "francs", "bucks", NULL };

static const char *const s_percent_words[] = { "percent", "pct",
	"bps", "percentage", NULL };

static bool t_currency_symbol(uint32_t cp)
{
	switch (cp) {
	case '$': case 0x20ac: case 0xa3: case 0xa5: case 0x20b9:
	case 0x20a9: case 0x20bd: case 0xa2: case 0x20bf: case 0x20ba:
	case 0x20aa: case 0x20ab: case 0x20a6: case 0x20b1: case 0x0e3f:
	case 0x20b4: case 0x20a1:
		return true;
	default:
		return false;
	}
}

/* ---- spans ----------------------------------------------------------------- */

typedef struct t_span {
	size_t a, b;
	unsigned letters, digits, upper, lower;
	unsigned dots, hyphens, apos, unders, ats, colons, slashes, commas,
		amps;
	bool first_upper, first_digit, first_letter_seen, camel;
	unsigned first_letter_cc;
} t_span;

/* "world.Today": a period that the sentence splitter treats as a
 * missing space. */
static bool t_missing_space(const t_ctx *c, size_t dot, const t_span *sp)
{
	size_t w, j;
	if (dot == 0 || sp->ats)
		return false;
	unsigned before = s_class_before(c->s, c->end, dot, &j);
	if (!(before & (MEMO__CC_LOWER | MEMO__CC_DIGIT)))
		return false;
	if (sp->dots) /* a.b.Cde, www.x.Com */
		return false;
	unsigned after = t_cls(c, dot + 1, &w);
	if (!(after & MEMO__CC_UPPER))
		return false;
	size_t r2 = dot + 1 + w;
	if (!(t_cls(c, r2, &w) & MEMO__CC_LOWER))
		return false;
	size_t q = r2;
	while (q < c->end && (t_cls(c, q, &w) & MEMO__CC_LETTER))
		q += w;
	if (q < c->end) {
		char ch = c->s[q];
		if (ch == '@' || ch == '(' || ch == '/' || ch == '_' ||
				ch == ':' || ch == '=' || t_digit(ch))
			return false;
		if (ch == '.' && q + 1 < c->end &&
				!(t_cls(c, q + 1, &w) & MEMO__CC_SPACE))
			return false;
	}
	/* a single letter before is an initial or abbreviation (U.S) */
	if ((before & MEMO__CC_LOWER) && sp->letters < 2)
		return false;
	return true;
}

static void t_scan_span(const t_ctx *c, size_t i, t_span *sp)
{
	memset(sp, 0, sizeof *sp);
	sp->a = i;
	size_t w;
	unsigned prev_cc = 0;
	char prev_ch = 0;
	while (i < c->end) {
		unsigned cc = t_cls(c, i, &w);
		char ch = c->s[i];
		if (t_alnum(cc) || ch == '_') {
			if (ch == '_')
				sp->unders++;
			else if (cc & MEMO__CC_DIGIT) {
				sp->digits++;
				if (!sp->first_letter_seen && sp->letters == 0 &&
						sp->digits == 1 && i == sp->a)
					sp->first_digit = true;
			} else {
				sp->letters++;
				if (cc & MEMO__CC_UPPER) {
					sp->upper++;
					if (prev_cc & MEMO__CC_LOWER)
						sp->camel = true;
				}
				if (cc & MEMO__CC_LOWER)
					sp->lower++;
				if (!sp->first_letter_seen) {
					sp->first_letter_seen = true;
					sp->first_letter_cc = cc;
					sp->first_upper = (cc & MEMO__CC_UPPER) != 0;
				}
			}
			prev_cc = cc;
			prev_ch = ch;
			i += w;
			continue;
		}
		if (i == sp->a)
			break;
		/* a connector must be followed by an alphanumeric */
		size_t w2;
		uint32_t cp = t_cp(c, i, &w);
		unsigned ncc = t_cls(c, i + w, &w2);
		char nch = i + w < c->end ? c->s[i + w] : 0;
		bool next_alnum = t_alnum(ncc) || nch == '_';
		bool prev_alnum = t_alnum(prev_cc) || prev_ch == '_';
		bool ok = false;
		if (!prev_alnum || !next_alnum)
			break;
		switch (cp) {
		case '.':
			ok = !t_missing_space(c, i, sp);
			if (ok)
				sp->dots++;
			break;
		case '-': case 0x2010: case 0x2011:
			ok = true;
			sp->hyphens++;
			break;
		case '\'': case 0x2019:
			ok = (prev_cc & MEMO__CC_LETTER) &&
				(ncc & MEMO__CC_LETTER);
			if (ok)
				sp->apos++;
			break;
		case '&':
			ok = (prev_cc & MEMO__CC_UPPER) && (ncc & MEMO__CC_UPPER);
			if (ok)
				sp->amps++;
			break;
		case '@':
			ok = sp->ats == 0;
			if (ok)
				sp->ats++;
			break;
		case ':':
			ok = t_digit(prev_ch) && t_digit(nch) &&
				sp->letters == 0;
			if (ok)
				sp->colons++;
			break;
		case '/':
			ok = t_digit(prev_ch) && t_digit(nch) &&
				sp->letters == 0;
			if (ok)
				sp->slashes++;
			break;
		case ',':
			if (t_digit(prev_ch) && sp->letters == 0 && sp->dots == 0 &&
					t_digit_run(c, i + 1) == 3 &&
					t_word_ends(c, i + 4)) {
				ok = true;
				sp->commas++;
			} else if (t_digit(prev_ch) && sp->letters == 0 &&
					sp->dots == 0 && t_digit_run(c, i + 1) == 3 &&
					i + 4 < c->end && (c->s[i + 4] == ',' ||
					c->s[i + 4] == '.')) {
				ok = true;
				sp->commas++;
			}
			break;
		default:
			break;
		}
		if (!ok)
			break;
		prev_cc = 0;
		prev_ch = (char)cp;
		i += w;
	}
	sp->b = i;
}

/* ---- classification helpers ------------------------------------------------ */

typedef struct t_tok {
	size_t a, b;
	unsigned kind;
	unsigned flags;
} t_tok;

static unsigned t_letter_flags(const t_span *sp)
{
	unsigned f = 0;
	if (sp->letters)
		f |= MEMO__TOKF_LETTER;
	if (sp->digits)
		f |= MEMO__TOKF_DIGIT;
	if (sp->first_upper)
		f |= MEMO__TOKF_CAPITAL;
	if (sp->upper && !sp->lower)
		f |= MEMO__TOKF_ALLCAPS;
	if (sp->hyphens)
		f |= MEMO__TOKF_HYPHEN;
	if (sp->apos)
		f |= MEMO__TOKF_APOSTROPHE;
	return f;
}

/* After a number ending at i: a space and "a.m."/"pm"/...? Returns the
 * new end, or 0. */
static size_t t_ampm(const t_ctx *c, size_t i, bool allow_space)
{
	size_t k = i;
	if (allow_space) {
		size_t sw = t_one_space(c, k);
		if (sw)
			k += sw;
	}
	if (k + 2 <= c->end) {
		char a = t_lower(c->s[k]);
		if ((a == 'a' || a == 'p') && k + 1 < c->end) {
			/* "am"/"pm": a following period is the sentence's */
			if (t_lower(c->s[k + 1]) == 'm' && t_word_ends(c, k + 2))
				return k + 2;
			if (c->s[k + 1] == '.' && k + 3 < c->end &&
					t_lower(c->s[k + 2]) == 'm' &&
					c->s[k + 3] == '.')
				return k + 4;
		}
	}
	return 0;
}

/* " million", " bn": returns its end or i. */
static size_t t_magnitude_word(const t_ctx *c, size_t i)
{
	size_t sw = t_one_space(c, i);
	if (!sw)
		return i;
	size_t n = t_alpha_run(c, i + sw);
	if (n && t_word_ends(c, i + sw + n) &&
			t_in(c->s + i + sw, n, s_magnitude_words))
		return i + sw + n;
	return i;
}

/* Units after a number ending at i (percent, duration, currency word).
 * Updates t and returns true when it grew. */
static bool t_units_after(const t_ctx *c, size_t i, t_tok *t)
{
	size_t w;
	size_t k = i;
	/* glued or spaced % */
	if (k < c->end && c->s[k] == '%') {
		t->b = k + 1;
		t->kind = MEMO__TOK_PERCENT;
		return true;
	}
	size_t sw = t_one_space(c, k);
	if (!sw)
		return false;
	size_t p = k + sw;
	if (p < c->end && c->s[p] == '%' && t_word_ends(c, p + 1)) {
		t->b = p + 1;
		t->kind = MEMO__TOK_PERCENT;
		return true;
	}
	/* "‰" and "pp" are left alone */
	(void)w;
	size_t n = t_alpha_run(c, p);
	if (n == 0 || !t_word_ends(c, p + n))
		return false;
	const char *word = c->s + p;
	if (t_in(word, n, s_percent_words)) {
		size_t e = p + n;
		if (t_eq(word, n, "percentage")) {
			size_t s2 = t_one_space(c, e);
			size_t n2 = s2 ? t_alpha_run(c, e + s2) : 0;
			if (!(n2 && (t_eq(c->s + e + s2, n2, "point") ||
					t_eq(c->s + e + s2, n2, "points"))))
				return false;
			e = e + s2 + n2;
		}
		t->b = e;
		t->kind = MEMO__TOK_PERCENT;
		return true;
	}
	if (t_eq(word, n, "per")) { /* per cent */
		size_t s2 = t_one_space(c, p + n);
		size_t n2 = s2 ? t_alpha_run(c, p + n + s2) : 0;
		if (n2 && t_eq(c->s + p + n + s2, n2, "cent")) {
			t->b = p + n + s2 + n2;
			t->kind = MEMO__TOK_PERCENT;
			return true;
		}
		return false;
	}
	if (t_eq(word, n, "basis")) {
		size_t s2 = t_one_space(c, p + n);
		size_t n2 = s2 ? t_alpha_run(c, p + n + s2) : 0;
		if (n2 && (t_eq(c->s + p + n + s2, n2, "points") ||
				t_eq(c->s + p + n + s2, n2, "point"))) {
			t->b = p + n + s2 + n2;
			t->kind = MEMO__TOK_PERCENT;
			return true;
		}
		return false;
	}
	if (t_duration_word(word, n, false)) {
		t->b = p + n;
		t->kind = MEMO__TOK_DURATION;
		return true;
	}
	if (t_in(word, n, s_currency_words) ||
			(n == 3 && t_in(word, n, s_currency_codes) &&
			 word[0] >= 'A' && word[0] <= 'Z' &&
			 word[1] >= 'A' && word[1] <= 'Z')) {
		t->b = p + n;
		t->kind = MEMO__TOK_CURRENCY;
		return true;
	}
	return false;
}

/* "3 March", "3 March 2024" after a day number ending at i. */
static bool t_day_month(const t_ctx *c, size_t a, size_t i, t_tok *t)
{
	size_t d = i - a;
	if (d == 0 || d > 2)
		return false;
	unsigned v = 0;
	for (size_t k = a; k < i; k++)
		v = v * 10 + (unsigned)(c->s[k] - '0');
	if (v < 1 || v > 31)
		return false;
	size_t sw = t_one_space(c, i);
	if (!sw)
		return false;
	size_t p = i + sw;
	size_t n = t_alpha_run(c, p);
	if (n < 3 || !(c->s[p] >= 'A' && c->s[p] <= 'Z') ||
			!t_in(c->s + p, n, s_months) || !t_word_ends(c, p + n))
		return false;
	size_t e = p + n;
	size_t s2 = t_one_space(c, e);
	if (s2 && t_digit_run(c, e + s2) == 4 && t_word_ends(c, e + s2 + 4))
		e = e + s2 + 4;
	t->b = e;
	t->kind = MEMO__TOK_DATE;
	return true;
}

/* ---- numbers ---------------------------------------------------------------- */

static bool t_is_date_shape(const char *s, size_t n)
{
	/* YYYY-MM-DD YYYY/MM/DD YYYY.MM.DD DD/MM/YYYY MM-DD-YYYY D.M.YYYY
	 * MM/DD/YY YYYY-MM */
	size_t g[4] = { 0 }, ng = 0, cur = 0;
	char sep = 0;
	for (size_t k = 0; k < n; k++) {
		if (t_digit(s[k])) {
			cur++;
			continue;
		}
		if (s[k] != '-' && s[k] != '/' && s[k] != '.')
			return false;
		if (sep && s[k] != sep)
			return false;
		sep = s[k];
		if (ng >= 3)
			return false;
		g[ng++] = cur;
		cur = 0;
	}
	g[ng++] = cur;
	if (ng == 3) {
		if (g[0] == 4 && g[1] <= 2 && g[2] <= 2 && g[1] && g[2])
			return true;
		if (g[0] <= 2 && g[1] <= 2 && g[0] && g[1] &&
				(g[2] == 4 || (g[2] == 2 && sep == '/')))
			return true;
		return false;
	}
	if (ng == 2 && sep == '-' && g[0] == 4 && g[1] == 2) {
		unsigned y = 0;
		for (size_t k = 0; k < 4; k++)
			y = y * 10 + (unsigned)(s[k] - '0');
		unsigned m = (unsigned)(s[5] - '0') * 10 + (unsigned)(s[6] - '0');
		return y >= 1900 && y <= 2099 && m >= 1 && m <= 12;
	}
	return false;
}

/* A span starting with a digit. */
static void t_classify_number(const t_ctx *c, const t_span *sp, t_tok *t)
{
	const char *s = c->s;
	size_t a = sp->a, b = sp->b;
	/* numeric head: digits and . , : / - between digits */
	size_t h = a;
	while (h < b) {
		if (t_digit(s[h])) {
			h++;
			continue;
		}
		if ((s[h] == '.' || s[h] == ',' || s[h] == ':' || s[h] == '/' ||
				s[h] == '-') && h + 1 < b && t_digit(s[h + 1])) {
			h++;
			continue;
		}
		break;
	}
	size_t headlen = h - a;
	unsigned hdots = 0, hcolons = 0, hhyph = 0, hslash = 0;
	for (size_t k = a; k < h; k++) {
		hdots += s[k] == '.';
		hcolons += s[k] == ':';
		hhyph += s[k] == '-';
		hslash += s[k] == '/';
	}
	t->flags |= MEMO__TOKF_DIGIT;
	if (sp->letters)
		t->flags |= MEMO__TOKF_LETTER;
	t->kind = MEMO__TOK_NUMBER;

	if (t_is_date_shape(s + a, headlen) && h == b) {
		t->kind = MEMO__TOK_DATE;
		return;
	}
	if (hcolons && h == b) {
		/* 10:30, 10:30:15; ratios 3:1 stay numbers */
		size_t g1 = t_digit_run(c, a);
		size_t g2 = t_digit_run(c, a + g1 + 1);
		if (g1 <= 2 && g2 == 2) {
			t->kind = MEMO__TOK_DATE;
			t->flags |= MEMO__TOKF_TIME;
			size_t e = t_ampm(c, b, true);
			if (e)
				t->b = e;
			else {
				/* " am"/" pm" handled by t_ampm; nothing else */
			}
		}
		return;
	}
	if (h == b) {
		if (hdots >= 2 && !hhyph && !hslash)
			t->flags |= MEMO__TOKF_VERSION;
		if (!hdots && !hhyph && !hslash && headlen == 4 &&
				!sp->commas) {
			unsigned y = 0;
			for (size_t k = a; k < h; k++)
				y = y * 10 + (unsigned)(s[k] - '0');
			if (y >= 1900 && y <= 2099)
				t->flags |= MEMO__TOKF_YEAR;
		}
		/* units, day + month, a.m./p.m. */
		if (t_units_after(c, b, t))
			return;
		if (!hdots && !hhyph && !hslash && !sp->commas &&
				t_day_month(c, a, b, t))
			return;
		if (!hdots && !hhyph && !hslash && !sp->commas &&
				headlen <= 2) {
			size_t e = t_ampm(c, b, true);
			if (e) {
				t->b = e;
				t->kind = MEMO__TOK_DATE;
				t->flags |= MEMO__TOKF_TIME;
				return;
			}
		}
		/* "5 million", "5 million dollars" */
		size_t e = t_magnitude_word(c, b);
		if (e != b) {
			t->b = e;
			t_tok t2 = *t;
			if (t_units_after(c, t->b, &t2) &&
					t2.kind == MEMO__TOK_CURRENCY)
				*t = t2;
		}
		return;
	}
	/* letters after the numeric head */
	size_t sfx = h, sfx_end = b;
	bool hyph = false;
	if (s[sfx] == '-' || (unsigned char)s[sfx] == 0xe2) {
		/* 30-day, 64-bit */
		size_t w;
		t_cp(c, sfx, &w);
		sfx += w;
		hyph = true;
	}
	size_t n = sfx_end - sfx;
	const char *x = s + sfx;
	bool alpha_only = n > 0 && t_alpha_run(c, sfx) == n;
	if (alpha_only && !hyph && hdots <= 1 && !hcolons && !hslash &&
			!hhyph && n == 1 && (x[0] == 'x' || x[0] == 'X')) {
		t->flags |= MEMO__TOKF_MULTIPLIER;
		return;
	}
	if (alpha_only && !hyph && !hdots && !hcolons && !hslash && !hhyph &&
			(t_eq(x, n, "st") || t_eq(x, n, "nd") || t_eq(x, n, "rd") ||
			 t_eq(x, n, "th"))) {
		t->flags |= MEMO__TOKF_ORDINAL;
		return;
	}
	if (alpha_only && !hyph && headlen == 4 && n == 1 && x[0] == 's' &&
			!hdots && s[a] >= '1' && s[a] <= '2' && s[h - 1] == '0') {
		t->kind = MEMO__TOK_DATE; /* 1990s, 2010s: a decade */
		return;
	}
	if (alpha_only && !hyph && hdots <= 1 && !hcolons && !hslash &&
			!hhyph && t_duration_word(x, n, true)) {
		t->kind = MEMO__TOK_DURATION;
		return;
	}
	if (alpha_only && hyph && hdots <= 1 && !hcolons && !hslash &&
			!hhyph && t_duration_word(x, n, false)) {
		t->kind = MEMO__TOK_DURATION;
		t->flags |= MEMO__TOKF_HYPHEN;
		return;
	}
	if (alpha_only && !hyph && !hdots && !hcolons && !hslash && !hhyph &&
			headlen <= 2 && (t_eq(x, n, "am") || t_eq(x, n, "pm"))) {
		t->kind = MEMO__TOK_DATE;
		t->flags |= MEMO__TOKF_TIME;
		return;
	}
	if (!hyph && !hdots && !hcolons && !hslash && !hhyph &&
			headlen == 1 && (x[0] == 'Q' || x[0] == 'H') &&
			(n == 1 || (n <= 5 && t_digit_run(c, sfx + 1) == n - 1 &&
			 (n == 3 || n == 5)))) {
		unsigned q = (unsigned)(s[a] - '0');
		if ((x[0] == 'Q' && q >= 1 && q <= 4) ||
				(x[0] == 'H' && q >= 1 && q <= 2)) {
			t->kind = MEMO__TOK_DATE; /* 3Q24, 1H */
			return;
		}
	}
	if (alpha_only && !hyph && hdots <= 1 && !hcolons && !hslash &&
			!hhyph && t_in(x, n, s_magnitude_suffix)) {
		/* 5K, 1.5M: a number; currency decided by a prefix */
		t_tok t2 = *t;
		if (t_units_after(c, b, &t2) && t2.kind == MEMO__TOK_CURRENCY)
			*t = t2;
		return;
	}
	/* 10GB, 5G, 2FA, 3D, 64-bit: a number with a unit */
	if (hyph)
		t->flags |= MEMO__TOKF_HYPHEN;
}

/* ---- words ------------------------------------------------------------------ */

static bool t_is_fiscal(const char *s, size_t n)
{
	if (n == 2 && s[0] == 'Q' && s[1] >= '1' && s[1] <= '4')
		return true;
	if (n == 2 && s[0] == 'H' && (s[1] == '1' || s[1] == '2'))
		return true;
	if ((n == 4 || n == 6) && (s[0] == 'F' || s[0] == 'C') &&
			s[1] == 'Y') {
		for (size_t k = 2; k < n; k++)
			if (!t_digit(s[k]))
				return false;
		return true;
	}
	return false;
}

/* Month name at [a, b) followed by a day or year: grows t. */
static bool t_month_date(const t_ctx *c, size_t a, size_t b, t_tok *t)
{
	size_t n = b - a;
	if (n < 3 || n > 9 || !(c->s[a] >= 'A' && c->s[a] <= 'Z'))
		return false;
	/* cheap gate: a number must follow ("March 3", "Mar. 3") */
	size_t g = b + (b < c->end && c->s[b] == '.');
	if (g + 1 >= c->end || !t_digit(c->s[g + 1]) ||
			!t_in(c->s + a, n, s_months))
		return false;
	size_t k = b;
	if (n <= 4 && k < c->end && c->s[k] == '.')
		k++;
	size_t sw = t_one_space(c, k);
	if (!sw)
		return false;
	size_t p = k + sw;
	size_t d = t_digit_run(c, p);
	if (d == 4 && t_word_ends(c, p + 4)) {
		t->b = p + 4;
		t->kind = MEMO__TOK_DATE;
		return true;
	}
	if (d == 0 || d > 2)
		return false;
	unsigned v = 0;
	for (size_t q = p; q < p + d; q++)
		v = v * 10 + (unsigned)(c->s[q] - '0');
	if (v < 1 || v > 31)
		return false;
	size_t e = p + d;
	size_t al = t_alpha_run(c, e);
	if (al == 2 && (t_eq(c->s + e, 2, "st") || t_eq(c->s + e, 2, "nd") ||
			t_eq(c->s + e, 2, "rd") || t_eq(c->s + e, 2, "th")))
		e += 2;
	if (!t_word_ends(c, e))
		return false;
	/* ", 2024" or " 2024" */
	size_t q = e;
	if (q < c->end && c->s[q] == ',')
		q++;
	size_t s2 = t_one_space(c, q);
	if (s2 && t_digit_run(c, q + s2) == 4 && t_word_ends(c, q + s2 + 4))
		e = q + s2 + 4;
	t->b = e;
	t->kind = MEMO__TOK_DATE;
	return true;
}

static void t_classify_word(const t_ctx *c, const t_span *sp, t_tok *t)
{
	const char *s = c->s;
	size_t a = sp->a, b = sp->b, n = b - a;
	t->flags |= t_letter_flags(sp);

	if (sp->ats) {
		size_t at = a;
		while (at < b && s[at] != '@')
			at++;
		bool dom_dot = false;
		for (size_t k = at + 1; k < b; k++)
			if (s[k] == '.')
				dom_dot = true;
		if (at > a && dom_dot && at + 1 < b) {
			t->kind = MEMO__TOK_EMAIL;
			return;
		}
	}
	/* version: v2.1, V1.2.3 */
	if ((s[a] == 'v' || s[a] == 'V') && n >= 2 && t_digit(s[a + 1]) &&
			sp->letters == 1) {
		bool ok = true;
		for (size_t k = a + 1; k < b; k++)
			if (!t_digit(s[k]) && s[k] != '.')
				ok = false;
		if (ok) {
			t->kind = MEMO__TOK_NUMBER;
			t->flags |= MEMO__TOKF_VERSION;
			return;
		}
	}
	if (sp->dots) {
		/* segments */
		size_t last = b;
		while (last > a && s[last - 1] != '.')
			last--;
		size_t extn = b - last;
		bool short_segs = true, ident = true;
		size_t seg = 0;
		for (size_t k = a; k < b; k++) {
			if (s[k] == '.') {
				seg = 0;
				continue;
			}
			if (!((s[k] >= 'a' && s[k] <= 'z') ||
					(s[k] >= 'A' && s[k] <= 'Z')))
				short_segs = false;
			if (!((s[k] >= 'a' && s[k] <= 'z') ||
					(s[k] >= 'A' && s[k] <= 'Z') ||
					t_digit(s[k]) || s[k] == '_' || s[k] == '-'))
				ident = false;
			if (++seg > 2)
				short_segs = false;
		}
		if (short_segs) {
			/* e.g  U.S  Ph.D  a.m: an abbreviation, with its period */
			if (b < c->end && s[b] == '.') {
				t->b = b + 1;
				t->flags |= MEMO__TOKF_ABBREV;
			}
			t->kind = (sp->upper && !sp->lower) ? MEMO__TOK_ACRONYM :
				MEMO__TOK_WORD;
			return;
		}
		if (t_eq(s + a, n < 4 ? n : 4, "www.") && n > 4) {
			t->kind = MEMO__TOK_URL;
			goto url_path;
		}
		if (ident && extn > 0 && t_in_sorted(s + last, extn, s_file_ext,
				S_COUNT(s_file_ext))) {
			t->kind = MEMO__TOK_CODE;
			return;
		}
		if (ident && extn >= 2 && !sp->unders &&
				t_in_sorted(s + last, extn, s_tld,
				S_COUNT(s_tld))) {
			t->kind = MEMO__TOK_URL;
			goto url_path;
		}
		if (ident) {
			t->kind = MEMO__TOK_CODE; /* os.path, obj.method */
			return;
		}
		t->kind = MEMO__TOK_WORD;
		return;
	url_path:
		/* example.com/path?q=1 */
		if (b < c->end && (s[b] == '/' || s[b] == ':')) {
			size_t k = b;
			while (k < c->end && !(t_cls(c, k, &(size_t){0}) &
					MEMO__CC_SPACE) && s[k] != '<' &&
					s[k] != '>' && s[k] != '"')
				k++;
			while (k > b && strchr(".,;:!?'\")]*", s[k - 1]))
				k--;
			t->b = k;
		}
		return;
	}
	if (t_is_fiscal(s + a, n)) {
		t->kind = MEMO__TOK_DATE;
		/* "Q3 2024", "Q3'24" */
		size_t sw = t_one_space(c, b);
		if (sw && t_digit_run(c, b + sw) == 4 &&
				t_word_ends(c, b + sw + 4))
			t->b = b + sw + 4;
		else if (b + 2 < c->end && (s[b] == '\'') &&
				t_digit_run(c, b + 1) == 2 && t_word_ends(c, b + 3))
			t->b = b + 3;
		return;
	}
	if (sp->hyphens == 1 && n >= 5) {
		/* Q3-Q4, H1-H2, FY24-FY25 */
		size_t k = a;
		while (k < b && s[k] != '-')
			k++;
		if (t_is_fiscal(s + a, k - a) && t_is_fiscal(s + k + 1, b - k - 1)) {
			t->kind = MEMO__TOK_DATE;
			return;
		}
	}
	if (t_month_date(c, a, b, t))
		return;
	if (sp->unders) {
		t->kind = MEMO__TOK_CODE;
		return;
	}
	if (sp->camel && !sp->first_upper && sp->letters >= 2) {
		t->kind = MEMO__TOK_CODE; /* camelCase, iPhone */
		return;
	}
	/* acronyms: NPS, API, S3, EC2, R&D, APIs, COVID-19 */
	if (sp->upper >= 2 && sp->lower == 0 && !sp->apos) {
		t->kind = MEMO__TOK_ACRONYM;
		return;
	}
	if (sp->upper == 1 && sp->lower == 0 && sp->digits && sp->first_upper &&
			!sp->hyphens) {
		t->kind = MEMO__TOK_ACRONYM; /* S3, P99 */
		return;
	}
	if (sp->upper >= 2 && sp->lower == 1 && s[b - 1] == 's' && !sp->apos &&
			!sp->hyphens) {
		t->kind = MEMO__TOK_ACRONYM; /* APIs */
		return;
	}
	t->kind = MEMO__TOK_WORD;
	/* abbreviation period: Mr.  etc.  Inc.  vs. */
	if (b < c->end && s[b] == '.' && !sp->hyphens && !sp->apos &&
			!sp->digits && n < 16) {
		unsigned cls = memo__abbrev_lookup(s + a, n);
		bool after_ok = b + 1 >= c->end || !(t_alnum(
			t_cls(c, b + 1, &(size_t){0})));
		if (after_ok && (cls & (MEMO__ABBR_PREPOSITIVE |
				MEMO__ABBR_GENERAL | MEMO__ABBR_POSTPOSITIVE |
				MEMO__ABBR_TIME))) {
			t->b = b + 1;
			t->flags |= MEMO__TOKF_ABBREV;
		} else if (after_ok && (cls & MEMO__ABBR_NUMBER)) {
			size_t sw = t_one_space(c, b + 1);
			if (sw && b + 1 + sw < c->end &&
					t_digit(s[b + 1 + sw])) {
				t->b = b + 1;
				t->flags |= MEMO__TOKF_ABBREV;
			}
		}
	}
}

/* ---- URLs and code spans ----------------------------------------------------- */

static size_t t_url_at(const t_ctx *c, size_t i)
{
	static const char *const schemes[] = { "https://", "http://",
		"ftp://", "file://", "mailto:", "www.", NULL };
	size_t rem = c->end - i;
	for (size_t k = 0; schemes[k]; k++) {
		size_t n = strlen(schemes[k]);
		if (rem > n && t_eq(c->s + i, n, schemes[k])) {
			size_t w;
			if (t_cls(c, i + n, &w) & MEMO__CC_SPACE)
				return 0;
			size_t e = i + n;
			int depth = 0;
			while (e < c->end) {
				char ch = c->s[e];
				if (t_cls(c, e, &w) & MEMO__CC_SPACE)
					break;
				if (ch == '<' || ch == '>' || ch == '"' || ch == '`')
					break;
				if (ch == '(')
					depth++;
				if (ch == ')') {
					if (depth == 0)
						break;
					depth--;
				}
				e += w ? w : 1;
			}
			while (e > i + n && strchr(".,;:!?'*_", c->s[e - 1]))
				e--;
			/* trailing ’ ” */
			while (e > i + n + 2 && (unsigned char)c->s[e - 3] == 0xe2 &&
					(unsigned char)c->s[e - 2] == 0x80 &&
					((unsigned char)c->s[e - 1] == 0x99 ||
					 (unsigned char)c->s[e - 1] == 0x9d))
				e -= 3;
			return e > i + n ? e : 0;
		}
	}
	return 0;
}

/* `code` span: returns its end or 0. */
static size_t t_backtick(const t_ctx *c, size_t i)
{
	size_t n = 0;
	while (i + n < c->end && c->s[i + n] == '`')
		n++;
	size_t k = i + n;
	while (k < c->end) {
		char ch = c->s[k];
		if (ch == '\n' || ch == '\r')
			return 0;
		if (ch == '`') {
			size_t m = 0;
			while (k + m < c->end && c->s[k + m] == '`')
				m++;
			if (m == n)
				return k > i + n ? k + m : 0;
			k += m;
			continue;
		}
		k++;
	}
	return 0;
}

/* ---- punctuation -------------------------------------------------------------- */

static bool t_is_punct_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp != 0 && strchr(".,;:!?'\"()[]{}-/*`", (int)cp) != NULL;
	if (cp >= 0x2010 && cp <= 0x2027)
		return true;
	if (cp >= 0x2030 && cp <= 0x205e)
		return true;
	if (cp == 0xab || cp == 0xbb || cp == 0xa1 || cp == 0xbf ||
			cp == 0xb7)
		return true;
	if (cp >= 0x3000 && cp <= 0x303f)
		return true;
	if (cp >= 0xff01 && cp <= 0xff0f)
		return true;
	if (cp >= 0x2e00 && cp <= 0x2e7f)
		return true;
	return false;
}

/* ---- main loop ------------------------------------------------------------------ */

/* ASCII punctuation that never starts a longer token: 1 punct, 2 symbol
 * (not . - ? ! ` $ + _ which have runs, numbers or code after them) */
static const uint8_t s_tok_plain[128] = {
	[','] = 1, [';'] = 1, [':'] = 1, ['\''] = 1, ['"'] = 1, ['('] = 1,
	[')'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1, ['/'] = 1,
	['*'] = 1,
	['#'] = 2, ['%'] = 2, ['&'] = 2, ['<'] = 2, ['='] = 2, ['>'] = 2,
	['@'] = 2, ['\\'] = 2, ['^'] = 2, ['|'] = 2, ['~'] = 2,
};


/* End of the run of ASCII letters at s[i..end); *up counts its capitals. */
static inline size_t t_letter_run(const char *s, size_t i, size_t end,
	unsigned *up)
{
	size_t k = i;
	while (k + 8 <= end) {
		uint64_t x = s_load8(s + k);
		uint64_t lm = s_letter_mask(x);
		uint64_t um = lm & ~(x << 2); /* bit 5 clear: a capital */
		if (lm != S_HIGH) {
			uint64_t stop = ~lm & S_HIGH;
			*up += s_mask_count(um & ((stop & (~stop + 1)) - 1));
			return k + s_mask_first(stop);
		}
		*up += s_mask_count(um);
		k += 8;
	}
	for (; k < end; k++) {
		unsigned char ch = (unsigned char)s[k];
		if (ch >= 0x80 || !(s_ascii_class[ch] & MEMO__CC_LETTER))
			break;
		*up += ch <= 'Z';
	}
	return k;
}

/* May the byte ch continue a span (letter, digit, '_' or the start of a
 * multi-byte character)? */
static inline bool t_may_join(unsigned char ch)
{
	return ch >= 0x80 || ch == '_' ||
		(s_ascii_class[ch] & (MEMO__CC_LETTER | MEMO__CC_DIGIT));
}

/* The ASCII byte after a run of letters, for t_fast_word: */
#define TN_SPAN   1u /* a digit or '_': the span goes on */
#define TN_JOIN   2u /* . - ' & @: a connector if an alphanumeric follows */
#define TN_SCHEME 4u /* : . $ after the first run: a URL scheme or US$ */
static const uint8_t s_tok_next[128] = {
	['0'] = TN_SPAN, ['1'] = TN_SPAN, ['2'] = TN_SPAN, ['3'] = TN_SPAN,
	['4'] = TN_SPAN, ['5'] = TN_SPAN, ['6'] = TN_SPAN, ['7'] = TN_SPAN,
	['8'] = TN_SPAN, ['9'] = TN_SPAN, ['_'] = TN_SPAN,
	['.'] = TN_JOIN | TN_SCHEME, ['-'] = TN_JOIN, ['\''] = TN_JOIN,
	['&'] = TN_JOIN, ['@'] = TN_JOIN, [':'] = TN_SCHEME, ['$'] = TN_SCHEME,
};

/*
 * The common token: ASCII letters, maybe joined by - or ' between two
 * letters (customer-obsessed, don't), that the span scanner would end at
 * the same place and that t_classify_word would take as a plain word,
 * acronym, camelCase code or abbreviation: no digit after it ("March
 * 3", "USD 40", "Mar. 3"), no URL scheme, no "US$". Sets t->b, kind and
 * flags and returns true; false leaves the token to the general path.
 */
static bool t_fast_word(const t_ctx *c, size_t i, t_tok *t)
{
	const char *s = c->s;
	size_t end = c->end;
	unsigned up = 0, joins = 0, flags = MEMO__TOKF_LETTER;
	size_t k = t_letter_run(s, i, end, &up);
	unsigned char nc = 0;
	if (k < end) {
		nc = (unsigned char)s[k];
		if (nc >= 0x80)
			return false;
		unsigned f = s_tok_next[nc];
		if (f) {
			if (f & TN_SPAN)
				return false;
			if (f & TN_SCHEME) {
				/* http: https: ftp: file: mailto: www. US$ */
				char a = (char)(s[i] | 0x20);
				size_t n = k - i;
				if (nc == '$' || (nc == '.' && n == 3 &&
						a == 'w') || (nc == ':' && n >= 3 &&
						n <= 6 && (a == 'h' || a == 'f' ||
						a == 'm')))
					return false;
			}
			while ((nc == '-' || nc == '\'') && k + 1 < end &&
					(unsigned char)((s[k + 1] | 0x20) - 'a') < 26) {
				flags |= nc == '-' ? MEMO__TOKF_HYPHEN :
					MEMO__TOKF_APOSTROPHE;
				joins++;
				k = t_letter_run(s, k + 1, end, &up);
				if (k >= end) {
					nc = 0;
					f = 0;
					break;
				}
				nc = (unsigned char)s[k];
				if (nc >= 0x80)
					return false;
				f = s_tok_next[nc];
				if (f & TN_SPAN)
					return false;
			}
			if ((f & TN_JOIN) && k + 1 < end &&
					t_may_join((unsigned char)s[k + 1]))
				return false;
		}
		/* "March 3", "Mar. 3", "USD 40": t_month_date and the
		 * currency codes ("May\t3" has always been a word) */
		size_t g = k + (nc == '.');
		if ((nc == ' ' || nc == '.' || nc == '\v' || nc == '\f') &&
				g + 1 < end && t_digit(s[g + 1]))
			return false;
	}
	unsigned letters = (unsigned)(k - i) - joins, low = letters - up;
	unsigned kind = MEMO__TOK_WORD;
	if (up) {
		if (s[i] <= 'Z')
			flags |= MEMO__TOKF_CAPITAL;
		if (low == 0) {
			flags |= MEMO__TOKF_ALLCAPS;
			if (up >= 2 && !(flags & MEMO__TOKF_APOSTROPHE))
				kind = MEMO__TOK_ACRONYM;
		} else if (s[i] >= 'a') {
			/* camelCase: a capital right after a lower-case
			 * letter */
			for (size_t q = i + 1; q < k; q++)
				if (s[q] >= 'A' && s[q] <= 'Z' &&
						s[q - 1] >= 'a' && s[q - 1] <= 'z') {
					kind = MEMO__TOK_CODE;
					break;
				}
		} else if (up >= 2 && low == 1 && s[k - 1] == 's' && !joins) {
			kind = MEMO__TOK_ACRONYM; /* APIs */
		}
	}
	t->b = k;
	if (nc == '.' && kind == MEMO__TOK_WORD && k < end && !joins &&
			letters < 16 && (memo__abbrev_lookup(s + i, letters) &
			(MEMO__ABBR_PREPOSITIVE | MEMO__ABBR_GENERAL |
			 MEMO__ABBR_POSTPOSITIVE | MEMO__ABBR_TIME))) {
		t->b = k + 1; /* Mr.  etc.  vs. */
		flags |= MEMO__TOKF_ABBREV;
	}
	t->kind = kind;
	t->flags = flags;
	return true;
}

/* A '-' at i that cannot be a sign: no digit, ".5" or '$' (or another
 * currency sign, multi-byte) after it. */
static inline bool t_dash_plain(const char *s, size_t i, size_t end)
{
	if (i + 1 >= end)
		return true;
	unsigned char n = (unsigned char)s[i + 1];
	return n < 0x80 && n != '.' && n != '$' && !t_digit((char)n);
}

/* Room for one more token in tv. */
static int t_grow(memo__tokvec *tv)
{
	size_t cap = tv->cap ? tv->cap * 2 : 64;
	memo__token *v = memo__realloc(tv->v, cap * sizeof *v);
	if (!v)
		return memo__error_oom();
	tv->v = v;
	tv->cap = cap;
	return 0;
}

/* Words in a token whose count the main loop does not know. */
static unsigned t_nwords(const t_ctx *c, const t_tok *t)
{
	if (t->kind == MEMO__TOK_PUNCT || t->kind == MEMO__TOK_SYMBOL)
		return 0;
	/* only tokens that may hold a space need counting */
	for (size_t k = t->a; k < t->b; k++) {
		unsigned char ch = (unsigned char)c->s[k];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
				ch >= 0xc2)
			return t_count_words(c, t->a, t->b);
	}
	return (t->flags & (MEMO__TOKF_LETTER | MEMO__TOKF_DIGIT)) ? 1 :
		t_count_words(c, t->a, t->b);
}

/* A number token starting at i (digits or ".5"), with prefix [a, i)
 * (sign/currency) already decided by the caller. */
static void t_number_token(const t_ctx *c, size_t a, size_t i, t_tok *t,
	bool currency)
{
	t_span sp;
	t_scan_span(c, i, &sp);
	t->a = a;
	t->b = sp.b;
	if (sp.first_digit || (i < c->end && c->s[i] == '.')) {
		if (c->s[i] == '.') {
			/* ".50": scan after the point */
			t_span sp2;
			t_scan_span(c, i + 1, &sp2);
			sp2.a = i;
			sp = sp2;
			t->b = sp.b;
		}
		t_classify_number(c, &sp, t);
	} else {
		t_classify_word(c, &sp, t);
	}
	if (currency) {
		/* $1.5M  $5 million  €2.3bn */
		size_t e = t->b;
		if (t->kind == MEMO__TOK_NUMBER) {
			e = t_magnitude_word(c, e);
		}
		t->b = e;
		t->kind = MEMO__TOK_CURRENCY;
		t->flags &= ~(unsigned)(MEMO__TOKF_YEAR | MEMO__TOKF_VERSION);
	}
}

int memo__tokenize(memo__tokvec *out, const char *s, size_t start,
	size_t end)
{
	if (end > UINT32_MAX)
		return memo__error_set(MEMO_ELIMIT, NULL, NULL, 0, 0,
			"text of %zu bytes is too long to tokenize", end);
	if (start >= end)
		return 0;
	t_ctx c = { s, end, end };
	/* the vector in locals: the byte stores below may alias it */
	memo__token *v = out->v;
	size_t nt = out->n, cap = out->cap;
	size_t i = start;
	while (i < end) {
		unsigned char ch = (unsigned char)s[i];
		size_t w = 1;
		unsigned cc;
		t_tok t;
		int nw; /* words in the token: -1 = count them */
		if (ch < 0x80) {
			cc = s_ascii_class[ch];
			if (cc & MEMO__CC_LETTER) {
				/* fast path: a word of ASCII letters */
				t.a = i;
				if (t_fast_word(&c, i, &t)) {
					nw = 1;
					goto push;
				}
			} else if (cc & MEMO__CC_SPACE) {
				i++;
				continue;
			} else if (s_tok_plain[ch]) {
				/* ASCII punctuation that starts nothing */
				t = (t_tok){ i, i + 1, s_tok_plain[ch] == 1 ?
					MEMO__TOK_PUNCT : MEMO__TOK_SYMBOL, 0 };
				nw = 0;
				goto push;
			} else if (ch == '.' || ch == '?' || ch == '!' ||
					(ch == '-' && t_dash_plain(s, i, end))) {
				/* a run of . or - or ?! marks */
				size_t k = i + 1;
				if (ch == '.' || ch == '-')
					while (k < end && s[k] == (char)ch)
						k++;
				else
					while (k < end && (s[k] == '?' ||
							s[k] == '!'))
						k++;
				t = (t_tok){ i, k, MEMO__TOK_PUNCT, 0 };
				nw = 0;
				goto push;
			}
		} else {
			cc = t_cls(&c, i, &w);
			if (cc & MEMO__CC_SPACE) {
				i += w;
				continue;
			}
		}
		t = (t_tok){ i, i + w, MEMO__TOK_PUNCT, 0 };
		nw = -1;

		if ((ch == 'h' || ch == 'H' || ch == 'w' || ch == 'W' ||
				ch == 'f' || ch == 'F' || ch == 'm' || ch == 'M') &&
				i + 4 < end && (s[i + 3] == '.' || s[i + 3] == ':' ||
				s[i + 4] == ':' || s[i + 5 < end ? i + 5 : i] == ':' ||
				s[i + 6 < end ? i + 6 : i] == ':')) {
			size_t e = t_url_at(&c, i);
			if (e) {
				t.b = e;
				t.kind = MEMO__TOK_URL;
				t.flags = MEMO__TOKF_LETTER;
				goto push;
			}
		}
		if (ch == '`') {
			size_t e = t_backtick(&c, i);
			if (e) {
				t.b = e;
				t.kind = MEMO__TOK_CODE;
				t.flags = MEMO__TOKF_BACKTICK;
				goto push;
			}
		}
		/* sign glued to a number: -5%, +$3M, −2 */
		if (ch == '+' || ch == '-' || (ch == 0xe2 && w == 3 &&
				(unsigned char)s[i + 1] == 0x88 &&
				(unsigned char)s[i + 2] == 0x92)) {
			size_t j;
			bool before_ok = i == start || (s_class_before(s, end, i,
				&j) & MEMO__CC_SPACE) || s[i - 1] == '(';
			size_t p = i + w, w2;
			uint32_t ncp = t_cp(&c, p, &w2);
			if (before_ok && p < end && (t_digit(s[p]) ||
					(s[p] == '.' && p + 1 < end &&
					 t_digit(s[p + 1])))) {
				t_number_token(&c, i, p, &t, false);
				t.flags |= MEMO__TOKF_SIGN;
				goto push;
			}
			if (before_ok && t_currency_symbol(ncp) && p + w2 < end &&
					t_digit(s[p + w2])) {
				t_number_token(&c, i, p + w2, &t, true);
				t.flags |= MEMO__TOKF_SIGN;
				goto push;
			}
		}
		/* currency symbol + number: $1.5M, € 2,300, $.50 */
		{
			uint32_t cp = ch;
			if (ch == 0xc2 || ch == 0xe2 || ch == 0xe0)
				cp = t_cp(&c, i, &w);
			if ((ch == '$' || ch >= 0xc2) && t_currency_symbol(cp)) {
				size_t p = i + w;
				if (p < end && s[p] == ' ' && p + 1 < end &&
						t_digit(s[p + 1]))
					p++;
				if (p < end && (t_digit(s[p]) || (s[p] == '.' &&
						p + 1 < end && t_digit(s[p + 1])))) {
					t_number_token(&c, i, p, &t, true);
					goto push;
				}
			}
		}
		if (cc & (MEMO__CC_LETTER | MEMO__CC_DIGIT) || ch == '_') {
			/* US$5, C$10, USD 40, EUR2.3M */
			if (ch >= 'A' && ch <= 'Z') {
				size_t n = t_alpha_run(&c, i);
				if (n <= 3 && i + n < end && s[i + n] == '$' &&
						i + n + 1 < end &&
						t_digit(s[i + n + 1])) {
					t_number_token(&c, i, i + n + 1, &t, true);
					goto push;
				}
				if (n == 3 && t_in(s + i, 3, s_currency_codes) &&
						s[i + 1] >= 'A' && s[i + 1] <= 'Z') {
					size_t p = i + 3;
					if (p < end && s[p] == ' ')
						p++;
					if (p < end && t_digit(s[p])) {
						t_number_token(&c, i, p, &t, true);
						goto push;
					}
				}
			}
			t_span sp;
			t_scan_span(&c, i, &sp);
			if (sp.b == i) { /* a lone '_' */
				t.kind = MEMO__TOK_SYMBOL;
				goto push;
			}
			t.b = sp.b;
			if (sp.first_digit)
				t_classify_number(&c, &sp, &t);
			else
				t_classify_word(&c, &sp, &t);
			goto push;
		}
		/* punctuation and symbols */
		{
			uint32_t cp;
			memo__text_decode(s + i, end - i, &cp);
			if (cp == '.' || cp == '-' || cp == '?' || cp == '!') {
				size_t k = i + 1;
				if (cp == '.' || cp == '-')
					while (k < end && s[k] == (char)cp)
						k++;
				else
					while (k < end && (s[k] == '?' || s[k] == '!'))
						k++;
				t.b = k;
				t.kind = MEMO__TOK_PUNCT;
				goto push;
			}
			t.kind = t_is_punct_cp(cp) ? MEMO__TOK_PUNCT :
				MEMO__TOK_SYMBOL;
		}
	push:
		if (nt == cap) {
			out->n = nt;
			int rc = t_grow(out);
			if (rc)
				return rc;
			v = out->v;
			cap = out->cap;
		}
		v[nt].start = (uint32_t)t.a;
		v[nt].end = (uint32_t)t.b;
		v[nt].kind = (uint8_t)t.kind;
		v[nt].flags = (uint16_t)t.flags;
		v[nt].nwords = (uint8_t)(nw >= 0 ? (unsigned)nw : t_nwords(&c, &t));
		nt++;
		i = t.b > i ? t.b : i + w;
		if (i < end && s[i] == ' ')
			i++;
	}
	out->n = nt;
	return 0;
}
