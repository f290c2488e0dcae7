/*
 * lexparse.c - the lexicon file format (shared by the library and the
 * build-time generator; no allocation, no libmemo dependencies).
 */
#include "lexparse.h"

#include <string.h>

static const char *const s_class_names[MEMO__LEX_NCLASSES] = {
	"hedge", "booster", "vague", "attribution", "filler", "nominalization",
	"adverb", "activity", "decision", "tradeoff", "causal", "slogan",
	"cliche",
};

static const struct {
	const char *name;
	unsigned bit;
} s_ctx_names[] = {
	{"num-next", MEMO__LEX_CTX_NUM_NEXT},
	{"num-clause", MEMO__LEX_CTX_NUM_CLAUSE},
	{"connective", MEMO__LEX_CTX_CONNECTIVE},
	{"not-time", MEMO__LEX_CTX_NOT_TIME},
	{"month", MEMO__LEX_CTX_MONTH},
	{"metric-next", MEMO__LEX_CTX_METRIC_NEXT},
	{"after-pref", MEMO__LEX_CTX_AFTER_PREF},
	{"weak", MEMO__LEX_CTX_WEAK},
};

const char *memo__lexp_class_name(unsigned cls)
{
	return cls < MEMO__LEX_NCLASSES ? s_class_names[cls] : NULL;
}

static bool s_eq(const char *a, size_t alen, const char *b)
{
	return strlen(b) == alen && memcmp(a, b, alen) == 0;
}

int memo__lexp_class_from_name(const char *s, size_t len)
{
	for (unsigned i = 0; i < MEMO__LEX_NCLASSES; i++)
		if (s_eq(s, len, s_class_names[i]))
			return (int)i;
	return -1;
}

bool memo__lexp_class_needs_repl(unsigned cls)
{
	return cls == MEMO__LEX_FILLER || cls == MEMO__LEX_NOMINALIZATION;
}

unsigned memo__lexp_ctx_from_name(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof s_ctx_names / sizeof s_ctx_names[0]; i++)
		if (s_eq(s, len, s_ctx_names[i].name))
			return s_ctx_names[i].bit;
	return 0;
}

const char *memo__lexp_ctx_name(unsigned bit)
{
	for (size_t i = 0; i < sizeof s_ctx_names / sizeof s_ctx_names[0]; i++)
		if (s_ctx_names[i].bit == bit)
			return s_ctx_names[i].name;
	return NULL;
}

float memo__lexp_parse_weight(const char *s, size_t len)
{
	float v = 0, scale = 1;
	bool dot = false, digit = false;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			digit = true;
			if (dot) {
				scale /= 10;
				v += (float)(c - '0') * scale;
			} else {
				v = v * 10 + (float)(c - '0');
			}
		} else if (c == '.' && !dot) {
			dot = true;
		} else {
			return -1;
		}
	}
	if (!digit || v > 100)
		return -1;
	return v;
}

static bool s_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void s_trim(const char **s, size_t *len)
{
	while (*len && s_blank(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && s_blank((*s)[*len - 1]))
		(*len)--;
}

static bool s_word_chars(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-'))
			return false;
	}
	return len > 0;
}

/* key=value for both entry lines and directives. */
static int s_kv(const char *s, size_t len, memo__lexp_fields *f,
	bool directive, const char **err)
{
	const char *eq = memchr(s, '=', len);
	if (!eq) {
		*err = "expected key=value";
		return -1;
	}
	const char *k = s, *v = eq + 1;
	size_t klen = (size_t)(eq - s), vlen = len - klen - 1;

	if (s_eq(k, klen, "w")) {
		float w = memo__lexp_parse_weight(v, vlen);
		if (w < 0) {
			*err = "w= needs a number such as 0.5";
			return -1;
		}
		f->weight = w;
		f->has_weight = true;
	} else if (s_eq(k, klen, "ctx")) {
		unsigned ctx = 0;
		size_t i = 0;
		while (i < vlen) {
			size_t j = i;
			while (j < vlen && v[j] != ',')
				j++;
			unsigned bit = memo__lexp_ctx_from_name(v + i, j - i);
			if (!bit) {
				*err = "unknown ctx tag";
				return -1;
			}
			ctx |= bit;
			i = j + 1;
		}
		if (!ctx) {
			*err = "empty ctx=";
			return -1;
		}
		f->ctx = ctx;
		f->has_ctx = true;
	} else if (s_eq(k, klen, "infl")) {
		unsigned infl = 0;
		f->noun = false;
		if (s_eq(v, vlen, "verb")) {
			infl = MEMO__LEX_INFL_VERB;
		} else if (s_eq(v, vlen, "noun")) {
			infl = MEMO__LEX_INFL_NOUN;
			f->noun = true;
		} else if (s_eq(v, vlen, "none")) {
			infl = 0;
		} else {
			size_t i = 0;
			while (i < vlen) {
				size_t j = i;
				while (j < vlen && v[j] != ',')
					j++;
				if (s_eq(v + i, j - i, "s"))
					infl |= MEMO__LEX_INFL_S;
				else if (s_eq(v + i, j - i, "ed"))
					infl |= MEMO__LEX_INFL_ED;
				else if (s_eq(v + i, j - i, "ing"))
					infl |= MEMO__LEX_INFL_ING;
				else {
					*err = "infl= takes verb, noun, none "
						"or a list of s,ed,ing";
					return -1;
				}
				i = j + 1;
			}
			if (!infl) {
				*err = "empty infl=";
				return -1;
			}
		}
		f->infl = infl;
		f->has_infl = true;
	} else if (s_eq(k, klen, "head")) {
		if (s_eq(v, vlen, "last")) {
			f->head = MEMO__LEX_HEAD_LAST;
		} else {
			float h = memo__lexp_parse_weight(v, vlen);
			if (h < 1 || h > MEMO__LEX_MAX_WORDS ||
			    h != (float)(unsigned)h) {
				*err = "head= takes a word number or last";
				return -1;
			}
			f->head = (unsigned)h;
		}
		f->has_head = true;
	} else if (s_eq(k, klen, "kind")) {
		if (!s_word_chars(v, vlen)) {
			*err = "kind= takes [a-z0-9-]+";
			return -1;
		}
		f->kind = v;
		f->kind_len = vlen;
		f->has_kind = true;
	} else if (!directive && s_eq(k, klen, "stop")) {
		if (!s_eq(v, vlen, "1")) {
			*err = "stop= takes 1";
			return -1;
		}
		f->stop = true;
	} else if (!directive && s_eq(k, klen, "repl")) {
		f->repl = v;
		f->repl_len = vlen;
		if (s_eq(v, vlen, "-"))
			f->repl_len = 0;
		f->has_repl = true;
	} else if (directive && s_eq(k, klen, "class")) {
		f->cls = v;
		f->cls_len = vlen;
	} else {
		*err = "unknown key";
		return -1;
	}
	return 0;
}

static void s_fields_init(memo__lexp_fields *f)
{
	memset(f, 0, sizeof *f);
	f->weight = 1;
}

int memo__lexp_parse_line(const char *s, size_t len, memo__lexp_fields *f,
	const char **err)
{
	s_fields_init(f);
	if (len && s[len - 1] == '\n')
		len--;
	if (len && s[len - 1] == '\r')
		len--;
	{
		const char *t = s;
		size_t tl = len;
		s_trim(&t, &tl);
		if (tl == 0 || t[0] == '#')
			return 0;
	}
	size_t i = 0, field = 0;
	while (i <= len) {
		size_t j = i;
		while (j < len && s[j] != '\t')
			j++;
		const char *v = s + i;
		size_t vlen = j - i;
		s_trim(&v, &vlen);
		if (field == 0) {
			if (vlen == 0) {
				*err = "empty entry";
				return -1;
			}
			f->text = v;
			f->text_len = vlen;
		} else if (vlen == 0) {
			/* empty column: allowed (trailing tabs) */
		} else if (v[0] == '#') {
			break; /* a note: the rest of the line is a comment */
		} else if (field == 1 && !memchr(v, '=', vlen)) {
			f->repl = v;
			f->repl_len = (vlen == 1 && v[0] == '-') ? 0 : vlen;
			f->has_repl = true;
		} else if (s_kv(v, vlen, f, false, err) < 0) {
			return -1;
		}
		field++;
		i = j + 1;
	}
	if (memo__lexp_check_text(f->text, f->text_len, err) < 0)
		return -1;
	return 1;
}

int memo__lexp_parse_directive(const char *s, size_t len,
	memo__lexp_fields *f, const char **err)
{
	s_fields_init(f);
	size_t i = 0;
	while (i < len) {
		while (i < len && (s_blank(s[i]) || s[i] == '\n'))
			i++;
		size_t j = i;
		while (j < len && !s_blank(s[j]) && s[j] != '\n')
			j++;
		if (j > i && s_kv(s + i, j - i, f, true, err) < 0)
			return -1;
		i = j;
	}
	return 0;
}

static bool s_entry_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
}

/* Walk the groups of s: for each group record start/end and count the
 * alternatives. Returns the group count or -1. */
static int s_groups(const char *s, size_t len, size_t *gs, size_t *ge,
	size_t *galts, const char **err)
{
	int ng = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ')') {
			*err = "unbalanced ')'";
			return -1;
		}
		if (s[i] == '|') {
			*err = "'|' outside a (a|b) group";
			return -1;
		}
		if (s[i] != '(')
			continue;
		if (ng == MEMO__LEX_MAX_GROUPS) {
			*err = "too many (a|b) groups";
			return -1;
		}
		size_t j = i + 1, alts = 1;
		while (j < len && s[j] != ')') {
			if (s[j] == '(') {
				*err = "nested groups";
				return -1;
			}
			if (s[j] == '|')
				alts++;
			j++;
		}
		if (j == len) {
			*err = "unbalanced '('";
			return -1;
		}
		gs[ng] = i;
		ge[ng] = j;
		galts[ng] = alts;
		ng++;
		i = j;
	}
	return ng;
}

/* Write the text of s with group g resolved to the alternative starting at
 * at[g]: blanks collapsed to single spaces, trimmed. */
static size_t s_resolve(const char *s, size_t len, int ng, const size_t *gs,
	const size_t *ge, const size_t *at, char *out, size_t cap)
{
	size_t o = 0, pos = 0;
	bool space = false;
#define S_PUT(c) do { \
	if ((c) == ' ') { space = o > 0; } \
	else { \
		if (space) { if (o >= cap) return (size_t)-1; out[o++] = ' '; \
			space = false; } \
		if (o >= cap) return (size_t)-1; \
		out[o++] = (c); \
	} } while (0)

	for (int g = 0; g <= ng; g++) {
		size_t stop = g < ng ? gs[g] : len;
		for (; pos < stop; pos++)
			S_PUT(s[pos]);
		if (g == ng)
			break;
		for (size_t k = at[g]; k < ge[g] && s[k] != '|'; k++)
			S_PUT(s[k]);
		pos = ge[g] + 1;
	}
#undef S_PUT
	return o;
}

size_t memo__lexp_variant(const char *s, size_t len, size_t index, char *out,
	size_t cap)
{
	size_t gs[MEMO__LEX_MAX_GROUPS], ge[MEMO__LEX_MAX_GROUPS];
	size_t galts[MEMO__LEX_MAX_GROUPS], at[MEMO__LEX_MAX_GROUPS];
	const char *err;
	int ng = s_groups(s, len, gs, ge, galts, &err);
	if (ng < 0)
		return (size_t)-1;
	for (int g = 0; g < ng; g++) {
		size_t pick = index % galts[g];
		index /= galts[g];
		size_t k = gs[g] + 1, alt = 0;
		while (alt < pick) {
			if (s[k] == '|')
				alt++;
			k++;
		}
		at[g] = k;
	}
	return s_resolve(s, len, ng, gs, ge, at, out, cap);
}

long memo__lexp_variants_init(memo__lexp_variants *it, const char *s,
	size_t len)
{
	const char *err;
	int ng = s_groups(s, len, it->gs, it->ge, it->galts, &err);
	if (ng < 0)
		return -1;
	size_t count = 1;
	for (int g = 0; g < ng; g++) {
		count *= it->galts[g];
		if (count > MEMO__LEX_MAX_VARIANTS)
			return -1;
		it->pick[g] = 0;
		it->at[g] = it->gs[g] + 1;
	}
	it->s = s;
	it->len = len;
	it->ng = ng;
	return (long)count;
}

size_t memo__lexp_variants_next(memo__lexp_variants *it, char *out,
	size_t cap)
{
	size_t n = s_resolve(it->s, it->len, it->ng, it->gs, it->ge, it->at,
		out, cap);
	/* the next index: group 0 varies fastest (as in memo__lexp_variant) */
	for (int g = 0; g < it->ng; g++) {
		if (++it->pick[g] < it->galts[g]) {
			size_t k = it->at[g];
			while (it->s[k] != '|')
				k++;
			it->at[g] = k + 1;
			break;
		}
		it->pick[g] = 0;
		it->at[g] = it->gs[g] + 1;
	}
	return n;
}

long memo__lexp_check_text(const char *s, size_t len, const char **err)
{
	size_t gs[MEMO__LEX_MAX_GROUPS], ge[MEMO__LEX_MAX_GROUPS];
	size_t galts[MEMO__LEX_MAX_GROUPS];

	if (len == 0) {
		*err = "empty entry";
		return -1;
	}
	if (len > MEMO__LEX_MAX_ENTRY) {
		*err = "entry too long";
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(s_entry_byte(c) || c == ' ' || c == '-' || c == '(' ||
		    c == ')' || c == '|')) {
			*err = "entry has a character other than letters, digits, "
				"' - space ( | )";
			return -1;
		}
	}
	int ng = s_groups(s, len, gs, ge, galts, err);
	if (ng < 0)
		return -1;
	size_t count = 1;
	for (int g = 0; g < ng; g++) {
		count *= galts[g];
		if (count > MEMO__LEX_MAX_VARIANTS) {
			*err = "too many variants";
			return -1;
		}
	}
	/* every variant: words of allowed shape */
	memo__lexp_variants it;
	memo__lexp_variants_init(&it, s, len);
	for (size_t v = 0; v < count; v++) {
		char buf[MEMO__LEX_MAX_TEXT];
		size_t n = memo__lexp_variants_next(&it, buf, sizeof buf);
		if (n == (size_t)-1 || n == 0) {
			*err = n ? "variant too long" : "a variant is empty";
			return -1;
		}
		size_t words = 0, i = 0;
		while (i < n) {
			size_t j = i;
			while (j < n && buf[j] != ' ')
				j++;
			/* a word: no leading/trailing/double hyphen */
			if (buf[i] == '-' || buf[j - 1] == '-') {
				*err = "hyphen at a word edge";
				return -1;
			}
			size_t hy = 0;
			for (size_t k = i; k < j; k++) {
				if (buf[k] == '-') {
					hy++;
					if (buf[k + 1] == '-') {
						*err = "double hyphen";
						return -1;
					}
				}
			}
			if (j - i > MEMO__LEX_MAX_WORD) {
				*err = "word too long";
				return -1;
			}
			words += 1 + hy;
			i = j + 1;
		}
		if (words > MEMO__LEX_MAX_WORDS) {
			*err = "too many words";
			return -1;
		}
	}
	return (long)count;
}
