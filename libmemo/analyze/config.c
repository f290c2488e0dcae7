/*
 * config.c - the configuration builder: numeric settings and lexicon
 * edits, validated against static key tables.
 */
#include <math.h>
#include <string.h>

#include "analyze.h"

typedef struct s_key {
	const char *key;
	double def, min, max;
	const char *desc;
} s_key;

static const s_key s_keys[MEMO__CFG_COUNT] = {
	[MEMO__CFG_SENTENCE_MAX_WORDS] = { "sentence.max_words", 30, 5, 1000,
		"a sentence with more words than this is long" },
	[MEMO__CFG_PAGE_WORDS] = { "page.words", 500, 50, 100000,
		"words on one page, for page counts and budgets" },
	[MEMO__CFG_W_COMPRESSION] = { "score.weight.compression", 1, 0, 100,
		"weight of the compression sub-score in the total" },
	[MEMO__CFG_W_EVIDENCE] = { "score.weight.evidence", 1, 0, 100,
		"weight of the evidence sub-score in the total" },
	[MEMO__CFG_W_CAUSALITY] = { "score.weight.causality", 1, 0, 100,
		"weight of the causality sub-score in the total" },
	[MEMO__CFG_W_JUDGMENT] = { "score.weight.judgment", 1, 0, 100,
		"weight of the judgment sub-score in the total" },
	[MEMO__CFG_W_STRUCTURE] = { "score.weight.structure", 1, 0, 100,
		"weight of the structure sub-score in the total" },
	[MEMO__CFG_SPELL_SUGGEST] = { "spelling.suggest", 0, 0, 1,
		"1: spelling findings carry up to 5 suggestions (slow)" },
};

static const char *const s_string_keys[MEMO__CFGS_COUNT] = {
	[MEMO__CFGS_KIND] = "kind",
	[MEMO__CFGS_SPELL_LANGUAGE] = "spelling.language",
	[MEMO__CFGS_SPELL_DICTIONARY] = "spelling.dictionary",
};

static const char *const s_kinds[] = { "narrative", "prfaq", "one-pager",
	"decision", "coe", "metrics", "generic" };

/* Canonical static name of a kind, or NULL. */
const char *memo__kind_canonical(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof s_kinds / sizeof *s_kinds; i++)
		if (strcmp(s_kinds[i], kind) == 0)
			return s_kinds[i];
	return NULL;
}

int memo_config_new(memo_config **out)
{
	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_new: out is NULL");
	memo_config *c = memo__calloc(1, sizeof *c);
	*out = c;
	if (!c)
		return memo__error_oom();
	for (size_t i = 0; i < MEMO__CFG_COUNT; i++)
		c->values[i] = s_keys[i].def;
	memset(c->severity, -1, sizeof c->severity);
	return MEMO_OK;
}

void memo_config_free(memo_config *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->nedits; i++)
		memo__free(cfg->edits[i].entry);
	memo__free(cfg->edits);
	for (size_t i = 0; i < cfg->nglobs; i++) {
		memo__free(cfg->globs[i].glob);
		memo__free(cfg->globs[i].kind);
	}
	memo__free(cfg->globs);
	for (size_t i = 0; i < cfg->nwords; i++)
		memo__free(cfg->words[i]);
	memo__free(cfg->words);
	for (size_t i = 0; i < MEMO__CFGS_COUNT; i++)
		memo__free(cfg->strings[i]);
	memo__free(cfg->dir);
	memo__free(cfg);
}

static int s_key_index(const char *key, size_t *out)
{
	if (key)
		for (size_t i = 0; i < MEMO__CFG_COUNT; i++)
			if (strcmp(s_keys[i].key, key) == 0) {
				*out = i;
				return MEMO_OK;
			}
	return memo__error_set(MEMO_ENOTFOUND, NULL, NULL, 0, 0,
		"unknown setting '%s'", key ? key : "(null)");
}

int memo_config_set_double(memo_config *cfg, const char *key, double value)
{
	size_t i = 0;
	if (!cfg)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_set_double: cfg is NULL");
	int rc = s_key_index(key, &i);
	if (rc)
		return rc;
	if (!isfinite(value) || value < s_keys[i].min ||
	    value > s_keys[i].max)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"%s must be between %g and %g, not %g", key,
			s_keys[i].min, s_keys[i].max, value);
	cfg->values[i] = value;
	return MEMO_OK;
}

int memo_config_set_int(memo_config *cfg, const char *key, int64_t value)
{
	return memo_config_set_double(cfg, key, (double)value);
}

int memo_config_get_double(const memo_config *cfg, const char *key,
	double *out)
{
	size_t i = 0;
	if (!cfg || !out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_get_double: NULL argument");
	int rc = s_key_index(key, &i);
	if (rc)
		return rc;
	*out = cfg->values[i];
	return MEMO_OK;
}

size_t memo_config_key_count(void)
{
	return MEMO__CFG_COUNT;
}

const char *memo_config_key_at(size_t index)
{
	return index < MEMO__CFG_COUNT ? s_keys[index].key : NULL;
}

const char *memo_config_key_description(size_t index)
{
	return index < MEMO__CFG_COUNT ? s_keys[index].desc : NULL;
}

size_t memo_lexicon_count(void)
{
	return MEMO__LEX_NCLASSES;
}

const char *memo_lexicon_name(size_t index)
{
	return memo__lex_class_name((unsigned)index);
}

static int s_lexicon_edit(memo_config *cfg, const char *lexicon,
	const char *entry, bool add)
{
	if (!cfg || !lexicon || !entry)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"lexicon edit: NULL argument");
	int lex = memo__lex_class_from_name(lexicon);
	if (lex < 0)
		return memo__error_set(MEMO_ENOTFOUND, NULL, NULL, 0, 0,
			"unknown lexicon '%s'", lexicon);
	size_t n = strlen(entry);
	while (n && (entry[n - 1] == ' ' || entry[n - 1] == '\t'))
		n--;
	while (n && (*entry == ' ' || *entry == '\t'))
		entry++, n--;
	if (n == 0)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"empty entry for lexicon '%s'", lexicon);
	if (cfg->nedits == cfg->capedits) {
		size_t cap = cfg->capedits ? cfg->capedits * 2 : 16;
		memo__lexedit *e = memo__realloc(cfg->edits, cap * sizeof *e);
		if (!e)
			return memo__error_oom();
		cfg->edits = e;
		cfg->capedits = cap;
	}
	char *copy = memo__strndup(entry, n);
	if (!copy)
		return memo__error_oom();
	cfg->edits[cfg->nedits].lexicon = (uint32_t)lex;
	cfg->edits[cfg->nedits].add = add;
	cfg->edits[cfg->nedits].entry = copy;
	cfg->nedits++;
	return MEMO_OK;
}

int memo_config_lexicon_add(memo_config *cfg, const char *lexicon,
	const char *entry)
{
	return s_lexicon_edit(cfg, lexicon, entry, true);
}

int memo_config_lexicon_remove(memo_config *cfg, const char *lexicon,
	const char *entry)
{
	return s_lexicon_edit(cfg, lexicon, entry, false);
}

int memo_config_set_string(memo_config *cfg, const char *key,
	const char *value)
{
	if (!cfg || !key || !value)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_set_string: NULL argument");
	for (size_t i = 0; i < MEMO__CFGS_COUNT; i++) {
		if (strcmp(s_string_keys[i], key) != 0)
			continue;
		if (i == MEMO__CFGS_KIND && !memo__kind_canonical(value))
			return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
				"unknown kind '%s' (narrative, prfaq, "
				"one-pager, decision, coe, metrics, generic)",
				value);
		char *v = memo__strndup(value, strlen(value));
		if (!v)
			return memo__error_oom();
		memo__free(cfg->strings[i]);
		cfg->strings[i] = v;
		return MEMO_OK;
	}
	return memo__error_set(MEMO_ENOTFOUND, NULL, NULL, 0, 0,
		"unknown setting '%s'", key);
}

int memo_config_set_kind_for(memo_config *cfg, const char *glob,
	const char *kind)
{
	if (!cfg || !glob || !kind || !*glob)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_set_kind_for: bad argument");
	if (!memo__kind_canonical(kind))
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"unknown kind '%s'", kind);
	if (cfg->nglobs == cfg->capglobs) {
		size_t cap = cfg->capglobs ? cfg->capglobs * 2 : 8;
		memo__kindglob *g = memo__realloc(cfg->globs, cap * sizeof *g);
		if (!g)
			return memo__error_oom();
		cfg->globs = g;
		cfg->capglobs = cap;
	}
	char *g = memo__strndup(glob, strlen(glob));
	char *k = memo__strndup(kind, strlen(kind));
	if (!g || !k) {
		memo__free(g);
		memo__free(k);
		return memo__error_oom();
	}
	cfg->globs[cfg->nglobs].glob = g;
	cfg->globs[cfg->nglobs].kind = k;
	cfg->nglobs++;
	return MEMO_OK;
}

int memo_config_accept_word(memo_config *cfg, const char *word)
{
	if (!cfg || !word || !*word)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_accept_word: bad argument");
	if (cfg->nwords == cfg->capwords) {
		size_t cap = cfg->capwords ? cfg->capwords * 2 : 16;
		char **w = memo__realloc(cfg->words, cap * sizeof *w);
		if (!w)
			return memo__error_oom();
		cfg->words = w;
		cfg->capwords = cap;
	}
	char *w = memo__strndup(word, strlen(word));
	if (!w)
		return memo__error_oom();
	cfg->words[cfg->nwords++] = w;
	return MEMO_OK;
}

static char *s_dup(const char *s, bool *oom)
{
	if (!s)
		return NULL;
	char *d = memo__strndup(s, strlen(s));
	if (!d)
		*oom = true;
	return d;
}

int memo__config_copy(memo_config **out, const memo_config *src)
{
	memo_config *c;
	int rc = memo_config_new(&c);
	bool oom = false;
	*out = NULL;
	if (rc)
		return rc;
	memcpy(c->values, src->values, sizeof c->values);
	memcpy(c->severity, src->severity, sizeof c->severity);
	for (size_t i = 0; i < MEMO__CFGS_COUNT; i++)
		c->strings[i] = s_dup(src->strings[i], &oom);
	c->dir = s_dup(src->dir, &oom);
	if (src->nglobs) {
		c->globs = memo__calloc(src->nglobs, sizeof *c->globs);
		if (!c->globs)
			oom = true;
		for (size_t i = 0; c->globs && i < src->nglobs; i++) {
			c->globs[i].glob = s_dup(src->globs[i].glob, &oom);
			c->globs[i].kind = s_dup(src->globs[i].kind, &oom);
			c->nglobs = c->capglobs = i + 1;
		}
	}
	if (src->nwords) {
		c->words = memo__calloc(src->nwords, sizeof *c->words);
		if (!c->words)
			oom = true;
		for (size_t i = 0; c->words && i < src->nwords; i++) {
			c->words[i] = s_dup(src->words[i], &oom);
			c->nwords = c->capwords = i + 1;
		}
	}
	/* lexicon edits are applied when the analyzer is built; the copy
	 * does not need them */
	if (oom) {
		memo_config_free(c);
		return memo__error_oom();
	}
	*out = c;
	return MEMO_OK;
}
