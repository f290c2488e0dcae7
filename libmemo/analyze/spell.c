/*
 * spell.c - spelling through a pool of hunspell handles.
 *
 * A hunspell handle is not thread-safe, not even for Hunspell_spell()
 * (it keeps per-query scratch state), and before hunspell 1.7.2 creating
 * or destroying handles raced on a global, non-atomic reference count of a
 * shared Unicode table (hunspell issue #727, PR #853; Debian 12 has
 * 1.7.1). So an analyzer keeps a pool: a mutex, a free list, and up to one
 * handle per online CPU (at most 8), made lazily. memo__spell_check()
 * leases one handle for the whole document and gives it back at the end.
 * Every Hunspell_create/_add/_destroy in the process that goes through
 * libmemo is serialised by one global mutex.
 *
 * Each handle carries a cache of verdicts (word -> known/unknown, and the
 * suggestions once computed): a document repeats its words, and a batch
 * of documents repeats most of them, so hunspell sees each word once per
 * handle. The cache is emptied when it grows past S_CACHE_MAX words.
 *
 * What is checked, and why some words are not: docs/spelling.md.
 */
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <hunspell/hunspell.h>

#include "analyze.h"

#define S_MAX_HANDLES 8
#define S_MAX_WORD 64          /* longer "words" are not words: skipped */
#define S_MAX_SUGGEST 5
#define S_CACHE_MAX 65536u     /* words kept per handle */
#define S_CACHE_POOL (4u << 20) /* bytes of cached text per handle */

/* Serialises Hunspell_create, _add and _destroy across all analyzers. */
static pthread_mutex_t s_create_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- a small string hash table ------------------------------------------ */

enum { S_EMPTY = 0, S_KNOWN = 1, S_UNKNOWN = 2, S_PRESENT = 3 };

typedef struct s_entry {
	uint32_t hash;
	uint32_t off, len;     /* the word in the pool */
	uint32_t sugg, slen;   /* suggestions in the pool; sugg == UINT32_MAX:
	                          not computed yet */
	uint32_t state;        /* S_* */
} s_entry;

typedef struct s_table {
	s_entry *v;
	size_t cap, n;         /* cap: 0 or a power of two */
	char *pool;
	size_t plen, pcap;
} s_table;

static uint32_t s_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void s_table_free(s_table *t)
{
	memo__free(t->v);
	memo__free(t->pool);
	memset(t, 0, sizeof *t);
}

static void s_table_clear(s_table *t)
{
	if (t->v)
		memset(t->v, 0, t->cap * sizeof *t->v);
	t->n = 0;
	t->plen = 0;
}

static s_entry *s_table_get(const s_table *t, const char *w, size_t len,
	uint32_t h)
{
	if (!t->cap)
		return NULL;
	for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		s_entry *e = &t->v[i];
		if (e->state == S_EMPTY)
			return NULL;
		if (e->hash == h && e->len == len &&
		    memcmp(t->pool + e->off, w, len) == 0)
			return e;
	}
}

/* Append bytes to the pool; their offset in *off. */
static int s_pool_add(s_table *t, const char *s, size_t len, uint32_t *off)
{
	if (t->plen + len > UINT32_MAX - 1)
		return memo__error_set(MEMO_ELIMIT, NULL, NULL, 0, 0,
			"spelling: word table full");
	if (t->plen + len > t->pcap) {
		size_t cap = t->pcap ? t->pcap : 4096;
		while (cap < t->plen + len)
			cap *= 2;
		char *p = memo__realloc(t->pool, cap);
		if (!p)
			return memo__error_oom();
		t->pool = p;
		t->pcap = cap;
	}
	memcpy(t->pool + t->plen, s, len);
	*off = (uint32_t)t->plen;
	t->plen += len;
	return MEMO_OK;
}

/* Insert w (absent) with a state; the entry in *out. */
static int s_table_put(s_table *t, const char *w, size_t len, uint32_t h,
	uint32_t state, s_entry **out)
{
	if ((t->n + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		s_entry *v = memo__calloc(cap, sizeof *v);
		if (!v)
			return memo__error_oom();
		for (size_t i = 0; i < t->cap; i++) {
			if (t->v[i].state == S_EMPTY)
				continue;
			size_t j = t->v[i].hash & (cap - 1);
			while (v[j].state != S_EMPTY)
				j = (j + 1) & (cap - 1);
			v[j] = t->v[i];
		}
		memo__free(t->v);
		t->v = v;
		t->cap = cap;
	}
	uint32_t off;
	int rc = s_pool_add(t, w, len, &off);
	if (rc)
		return rc;
	size_t i = h & (t->cap - 1);
	while (t->v[i].state != S_EMPTY)
		i = (i + 1) & (t->cap - 1);
	s_entry *e = &t->v[i];
	e->hash = h;
	e->off = off;
	e->len = (uint32_t)len;
	e->sugg = UINT32_MAX;
	e->slen = 0;
	e->state = state;
	t->n++;
	if (out)
		*out = e;
	return MEMO_OK;
}

/* ---- the pool ----------------------------------------------------------- */

typedef struct s_lease {
	Hunhandle *h;
	iconv_t to_dic, from_dic;   /* (iconv_t)-1 for a UTF-8 dictionary */
	s_table cache;              /* verdicts of this handle */
	struct s_lease *next;
} s_lease;

struct memo__spell {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	s_lease *free;
	unsigned created, cap;
	char *aff, *dic;
	char *enc;                  /* the dictionary's SET encoding */
	bool utf8;
	bool english;               /* add the workplace vocabulary */
	bool suggest;
	char **words;               /* accepted words (UTF-8) */
	size_t nwords;
	uint32_t *alpha;            /* the dictionary's letters (TRY), folded
	                               to lower case and sorted; none: any */
	size_t nalpha;
};

/*
 * Workplace and software words that en_US (2020) lacks, each with a model
 * word whose affixes it takes ("roadmap" inflects like "map": roadmaps,
 * roadmap's). A model of "" adds the word alone. English dictionaries only.
 */
static const char *const s_vocabulary[][2] = {
	{ "allowlist", "list" }, { "async", "" }, { "autoscale", "scale" },
	{ "autoscaling", "" }, { "backend", "end" }, { "backport", "port" },
	{ "backpressure", "" }, { "blocklist", "list" }, { "bugfix", "fix" },
	{ "capex", "" }, { "changelog", "log" }, { "chatbot", "bot" },
	{ "checksum", "sum" }, { "ciphertext", "text" }, { "codebase", "base" },
	{ "cofounder", "founder" }, { "composable", "" }, { "config", "fig" },
	{ "cron", "" }, { "cronjob", "job" }, { "customizable", "" },
	{ "cybersecurity", "" }, { "datacenter", "center" },
	{ "datastore", "store" }, { "dedupe", "dupe" },
	{ "deduplicate", "duplicate" }, { "denylist", "list" },
	{ "deprioritize", "prioritize" }, { "deserialize", "finalize" },
	{ "dev", "rev" }, { "dogfood", "flood" }, { "downvote", "vote" },
	{ "dropdown", "town" }, { "ecommerce", "" }, { "enablement", "" },
	{ "failover", "" }, { "filesystem", "system" }, { "fintech", "" },
	{ "frontend", "end" }, { "geolocation", "location" },
	{ "hardcode", "code" }, { "hashmap", "map" }, { "heatmap", "map" },
	{ "hostname", "name" }, { "hotfix", "fix" }, { "idempotency", "" },
	{ "incentivize", "finalize" }, { "infographic", "graphic" },
	{ "initializer", "" }, { "interop", "" }, { "kanban", "" },
	{ "learnings", "" }, { "lifecycle", "cycle" }, { "livestream", "stream" },
	{ "localhost", "" }, { "lookup", "cup" }, { "microservice", "service" },
	{ "middleware", "" }, { "mockup", "cup" }, { "monorepo", "memo" },
	{ "multicloud", "" }, { "multitenant", "" }, { "multithreaded", "" },
	{ "mutex", "" }, { "namespace", "space" }, { "nullable", "" },
	{ "offboard", "board" }, { "onboard", "board" },
	{ "operationalize", "finalize" }, { "opex", "" }, { "org", "rev" },
	{ "overfit", "fit" }, { "overfitting", "" }, { "performant", "" }, { "plaintext", "text" },
	{ "prepend", "append" }, { "preprocess", "process" },
	{ "preprocessor", "processor" }, { "productize", "finalize" },
	{ "pushback", "" }, { "queryable", "" }, { "readme", "" },
	{ "realtime", "" }, { "rebase", "base" }, { "repo", "memo" },
	{ "reprioritize", "prioritize" }, { "repurpose", "purpose" },
	{ "reusability", "" }, { "roadmap", "map" }, { "rollout", "scout" },
	{ "runbook", "book" }, { "serverless", "" }, { "signup", "cup" },
	{ "standup", "cup" }, { "subfolder", "folder" }, { "subnet", "net" },
	{ "substring", "string" }, { "synergize", "finalize" },
	{ "timebox", "box" }, { "toolchain", "chain" }, { "tooltip", "tip" },
	{ "tradeoff", "cliff" }, { "unicode", "" }, { "unmarshal", "marshal" },
	{ "uplevel", "level" }, { "upsell", "sell" }, { "upskill", "kill" },
	{ "upstream", "stream" }, { "uptime", "time" }, { "upvote", "vote" },
	{ "walkthrough", "" }, { "walkthroughs", "" },
	{ "webhook", "hook" },
	{ "wireframe", "frame" }, { "workstream", "stream" },
};

/* English prefixes that the dictionary rejects alone but that are fine
 * before a hyphen: pre-existing, un-American, geo-redundant. */
static const char *const s_prefixes[] = { "cyber", "eco", "geo", "intra",
	"mis", "nano", "neo", "omni", "pre", "proto", "socio", "tri", "un" };

/* Copy s into the dictionary's encoding; false when a character has no
 * counterpart there (then the word cannot be judged). */
static bool s_convert(iconv_t cd, const char *s, size_t len, char *out,
	size_t cap)
{
	if (cd == (iconv_t)-1) {
		if (len + 1 > cap)
			return false;
		memcpy(out, s, len);
		out[len] = '\0';
		return true;
	}
	char *in = (char *)(uintptr_t)s, *o = out;
	size_t inleft = len, outleft = cap - 1;
	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &o, &outleft) == (size_t)-1)
		return false;
	*o = '\0';
	return true;
}

static void s_lease_free(s_lease *l)
{
	if (!l)
		return;
	if (l->h) {
		pthread_mutex_lock(&s_create_lock);
		Hunspell_destroy(l->h);
		pthread_mutex_unlock(&s_create_lock);
	}
	if (l->to_dic != (iconv_t)-1)
		iconv_close(l->to_dic);
	if (l->from_dic != (iconv_t)-1)
		iconv_close(l->from_dic);
	s_table_free(&l->cache);
	memo__free(l);
}

/* hunspell's names for encodings that iconv spells differently */
static const char *s_iconv_name(const char *enc)
{
	if (strcasecmp(enc, "microsoft-cp1251") == 0)
		return "CP1251";
	if (strcasecmp(enc, "ISCII-DEVANAGARI") == 0)
		return "ISCII-DEV";
	return enc;
}

/* Make a handle with the accepted words. The first one also learns the
 * dictionary's encoding (sp->enc). */
static int s_lease_new(struct memo__spell *sp, s_lease **out)
{
	*out = NULL;
	s_lease *l = memo__calloc(1, sizeof *l);
	if (!l)
		return memo__error_oom();
	l->to_dic = l->from_dic = (iconv_t)-1;
	pthread_mutex_lock(&s_create_lock);
	l->h = Hunspell_create(sp->aff, sp->dic);
	pthread_mutex_unlock(&s_create_lock);
	if (!l->h) {
		memo__free(l);
		return memo__error_oom();
	}
	if (!sp->enc) {
		/* Only memo__spell_new() gets here, before any sharing. */
		const char *enc = Hunspell_get_dic_encoding(l->h);
		sp->enc = memo__strndup(enc ? enc : "ISO8859-1",
			strlen(enc ? enc : "ISO8859-1"));
		if (!sp->enc) {
			s_lease_free(l);
			return memo__error_oom();
		}
		sp->utf8 = strcasecmp(sp->enc, "UTF-8") == 0 ||
			strcasecmp(sp->enc, "UTF8") == 0;
	}
	if (!sp->utf8) {
		const char *name = s_iconv_name(sp->enc);
		l->to_dic = iconv_open(name, "UTF-8");
		l->from_dic = iconv_open("UTF-8", name);
		if (l->to_dic == (iconv_t)-1 || l->from_dic == (iconv_t)-1) {
			s_lease_free(l);
			return memo__error_set(MEMO_EUNSUPPORTED, sp->aff, NULL,
				0, 0, "spelling: the dictionary's encoding '%s' "
				"is not supported", sp->enc);
		}
	}
	char buf[4 * S_MAX_WORD + 8];
	pthread_mutex_lock(&s_create_lock);
	for (size_t i = 0; sp->english &&
	     i < sizeof s_vocabulary / sizeof *s_vocabulary; i++) {
		if (!s_convert(l->to_dic, s_vocabulary[i][0],
			strlen(s_vocabulary[i][0]), buf, sizeof buf))
			continue;
		if (*s_vocabulary[i][1])
			Hunspell_add_with_affix(l->h, buf, s_vocabulary[i][1]);
		else
			Hunspell_add(l->h, buf);
	}
	for (size_t i = 0; i < sp->nwords; i++)
		if (s_convert(l->to_dic, sp->words[i], strlen(sp->words[i]),
			buf, sizeof buf))
			Hunspell_add(l->h, buf);
	pthread_mutex_unlock(&s_create_lock);
	*out = l;
	return MEMO_OK;
}

static int s_acquire(struct memo__spell *sp, s_lease **out)
{
	pthread_mutex_lock(&sp->mu);
	for (;;) {
		if (sp->free) {
			*out = sp->free;
			sp->free = sp->free->next;
			pthread_mutex_unlock(&sp->mu);
			(*out)->next = NULL;
			return MEMO_OK;
		}
		if (sp->created < sp->cap) {
			sp->created++;
			pthread_mutex_unlock(&sp->mu);
			int rc = s_lease_new(sp, out);
			if (rc != MEMO_OK) {
				pthread_mutex_lock(&sp->mu);
				sp->created--;
				pthread_cond_signal(&sp->cv);
				pthread_mutex_unlock(&sp->mu);
			}
			return rc;
		}
		pthread_cond_wait(&sp->cv, &sp->mu);
	}
}

static void s_release(struct memo__spell *sp, s_lease *l)
{
	pthread_mutex_lock(&sp->mu);
	l->next = sp->free;
	sp->free = l;
	pthread_cond_signal(&sp->cv);
	pthread_mutex_unlock(&sp->mu);
}

/* ---- finding the dictionary --------------------------------------------- */

static const char *const s_dirs[] = {
	"/usr/share/hunspell", "/usr/local/share/hunspell",
	"/usr/share/myspell", "/usr/share/myspell/dicts",
	"/usr/local/share/myspell", "/opt/homebrew/share/hunspell",
	"/Library/Spelling",
};

static bool s_readable(const char *path)
{
	return access(path, R_OK) == 0;
}

static char *s_join(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = memo__malloc(la + lb + lc + 1);
	if (s) {
		memcpy(s, a, la);
		memcpy(s + la, b, lb);
		memcpy(s + la + lb, c, lc + 1);
	}
	return s;
}

/* Both files of base (a path without ".aff"/".dic") readable? Sets
 * sp->aff and sp->dic. */
static int s_try_base(struct memo__spell *sp, const char *base, bool *found)
{
	*found = false;
	char *aff = s_join(base, ".aff", ""), *dic = s_join(base, ".dic", "");
	if (!aff || !dic) {
		memo__free(aff);
		memo__free(dic);
		return memo__error_oom();
	}
	if (s_readable(aff) && s_readable(dic)) {
		sp->aff = aff;
		sp->dic = dic;
		*found = true;
		return MEMO_OK;
	}
	memo__free(aff);
	memo__free(dic);
	return MEMO_OK;
}

/* "en-gb" -> "en_GB": the language in lower case, a two-letter region in
 * upper case, '-' as '_'. False for anything that is not a language tag
 * (it becomes part of a file name). */
static bool s_tag(const char *in, char *out, size_t cap)
{
	size_t n = strlen(in), part = 0, plen = 0;
	if (n == 0 || n >= cap)
		return false;
	for (size_t i = 0; i <= n; i++) {
		char c = in[i];
		if (c == '-' || c == '_' || c == '\0') {
			if (plen == 0)
				return false;
			if (part == 1 && plen == 2)
				for (size_t j = i - 2; j < i; j++)
					if (out[j] >= 'a' && out[j] <= 'z')
						out[j] = (char)(out[j] - 32);
			out[i] = c ? '_' : '\0';
			part++;
			plen = 0;
			continue;
		}
		if (c >= 'A' && c <= 'Z' && part == 0)
			c = (char)(c + 32);
		else if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
		         !(c >= '0' && c <= '9'))
			return false;
		out[i] = c;
		plen++;
	}
	return true;
}

/* The folders searched for a language: $DICPATH, then s_dirs. Written
 * into a buffer for error messages. */
static void s_dirs_text(char *buf, size_t cap)
{
	const char *env = getenv("DICPATH");
	size_t at = 0;
	buf[0] = '\0';
	if (env && *env)
		at = (size_t)snprintf(buf, cap, "$DICPATH (%s), ", env);
	for (size_t i = 0; i < sizeof s_dirs / sizeof *s_dirs && at < cap;
	     i++)
		at += (size_t)snprintf(buf + at, cap - at, "%s%s", s_dirs[i],
			i + 1 < sizeof s_dirs / sizeof *s_dirs ? ", " : "");
}

static int s_find_language(struct memo__spell *sp, const char *tag,
	bool *found)
{
	int rc;
	*found = false;
	const char *env = getenv("DICPATH");
	if (env && *env) {
		const char *p = env;
		while (!*found) {
			const char *colon = strchr(p, ':');
			size_t n = colon ? (size_t)(colon - p) : strlen(p);
			if (n) {
				char *dir = memo__strndup(p, n);
				char *base = dir ? s_join(dir, "/", tag) : NULL;
				memo__free(dir);
				if (!base)
					return memo__error_oom();
				rc = s_try_base(sp, base, found);
				memo__free(base);
				if (rc)
					return rc;
			}
			if (!colon)
				break;
			p = colon + 1;
		}
	}
	for (size_t i = 0; !*found && i < sizeof s_dirs / sizeof *s_dirs;
	     i++) {
		char *base = s_join(s_dirs[i], "/", tag);
		if (!base)
			return memo__error_oom();
		rc = s_try_base(sp, base, found);
		memo__free(base);
		if (rc)
			return rc;
	}
	return MEMO_OK;
}

static int s_find_path(struct memo__spell *sp, const char *path,
	const char *dir)
{
	size_t n = strlen(path);
	char *base;
	if (n > 4 && (strcmp(path + n - 4, ".dic") == 0 ||
	              strcmp(path + n - 4, ".aff") == 0))
		n -= 4;
	char *p = memo__strndup(path, n);
	if (!p)
		return memo__error_oom();
	if (p[0] != '/' && dir && *dir) {
		base = s_join(dir, "/", p);
		memo__free(p);
		if (!base)
			return memo__error_oom();
	} else {
		base = p;
	}
	bool found;
	int rc = s_try_base(sp, base, &found);
	if (rc == MEMO_OK && !found)
		rc = memo__error_set(MEMO_ENOTFOUND, NULL, NULL, 0, 0,
			"spelling.dictionary: cannot read %s.dic and %s.aff",
			base, base);
	memo__free(base);
	return rc;
}

/* A .dic starts with its word count; hunspell loads anything else as an
 * empty dictionary, which would flag every word. */
static int s_check_dic(const char *dic)
{
	FILE *f = fopen(dic, "rb");
	char line[64];
	if (!f)
		return memo__error_set(MEMO_EIO, dic, NULL, 0, 0,
			"cannot open: %s", strerror(errno));
	bool ok = fgets(line, sizeof line, f) != NULL;
	fclose(f);
	const char *p = line;
	if (ok && (unsigned char)p[0] == 0xEF &&
	    (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
		p += 3;
	ok = ok && *p >= '0' && *p <= '9';
	if (!ok)
		return memo__error_set(MEMO_EFORMAT, dic, NULL, 1, 1,
			"not a hunspell dictionary: the first line must be "
			"its word count");
	return MEMO_OK;
}

/* ---- letters ------------------------------------------------------------ */

/* Simple lower case of the cased scripts the text module knows. */
static uint32_t s_fold(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x137 && !(c & 1))
		return c + 1;
	if (c >= 0x139 && c <= 0x148 && (c & 1))
		return c + 1;
	if (c >= 0x14A && c <= 0x177 && !(c & 1))
		return c + 1;
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

static int s_cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The letters of the language, from the .aff file's TRY line (the
 * characters suggestions try, which every dictionary lists). A word
 * with a letter outside them is foreign text, not a misspelling. */
static int s_read_alphabet(struct memo__spell *sp, iconv_t from_dic)
{
	FILE *f = fopen(sp->aff, "rb");
	if (!f)
		return MEMO_OK;
	char line[1024];
	char utf[4096];
	bool found = false;
	while (!found && fgets(line, sizeof line, f)) {
		const char *p = line;
		if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB)
			p += 3;
		if (strncmp(p, "TRY", 3) != 0 || (p[3] != ' ' && p[3] != '\t'))
			continue;
		p += 4;
		while (*p == ' ' || *p == '\t')
			p++;
		size_t n = strcspn(p, " \t\r\n");
		found = n > 0 && s_convert(sp->utf8 ? (iconv_t)-1 : from_dic,
			p, n, utf, sizeof utf);
	}
	fclose(f);
	if (!found)
		return MEMO_OK;
	size_t n = strlen(utf);
	sp->alpha = memo__malloc((n + 1) * sizeof *sp->alpha);
	if (!sp->alpha)
		return memo__error_oom();
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += memo__text_decode(utf + i, n - i, &cp);
		if (cp >= 0x80)
			sp->alpha[sp->nalpha++] = s_fold(cp);
	}
	qsort(sp->alpha, sp->nalpha, sizeof *sp->alpha, s_cmp_u32);
	/* an alphabet with no letter beyond ASCII is still an alphabet */
	if (sp->nalpha == 0)
		sp->alpha[sp->nalpha++] = 0x7F;
	return MEMO_OK;
}

static bool s_in_alphabet(const struct memo__spell *sp, uint32_t cp)
{
	if (!sp->alpha || cp < 0x80)
		return true;
	cp = s_fold(cp);
	size_t lo = 0, hi = sp->nalpha;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sp->alpha[mid] == cp)
			return true;
		if (sp->alpha[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* ---- the pool's life ---------------------------------------------------- */

int memo__spell_new(struct memo__spell **out, const memo_config *cfg)
{
	*out = NULL;
	const char *lang = cfg->strings[MEMO__CFGS_SPELL_LANGUAGE];
	const char *path = cfg->strings[MEMO__CFGS_SPELL_DICTIONARY];
	bool rule_set = cfg->severity[MEMO__R_SPELLING] >= 0;
	char tag[64];
	int rc;
	if (!path && lang && !s_tag(lang, tag, sizeof tag))
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"spelling.language: '%s' is not a language tag "
			"(en_US, en-GB)", lang);
	struct memo__spell *sp = memo__calloc(1, sizeof *sp);
	if (!sp)
		return memo__error_oom();
	if (path) {
		rc = s_find_path(sp, path, cfg->dir);
	} else {
		bool found;
		if (!lang)
			memcpy(tag, "en_US", 6);
		rc = s_find_language(sp, tag, &found);
		if (rc == MEMO_OK && !found) {
			memo__free(sp);
			if (!lang && !rule_set)
				return MEMO_OK; /* no default dictionary: off */
			char dirs[1024];
			s_dirs_text(dirs, sizeof dirs);
			return memo__error_set(MEMO_ENOTFOUND, NULL, NULL, 0, 0,
				"spelling: no hunspell dictionary %s (%s.dic "
				"and %s.aff) in %s; install one (Debian: "
				"hunspell-en-us) or set spelling.dictionary",
				tag, tag, tag, dirs);
		}
	}
	if (rc == MEMO_OK)
		rc = s_check_dic(sp->dic);
	if (rc != MEMO_OK) {
		memo__free(sp->aff);
		memo__free(sp->dic);
		memo__free(sp);
		return rc;
	}
	const char *slash = strrchr(sp->dic, '/');
	const char *name = slash ? slash + 1 : sp->dic;
	sp->english = strncasecmp(name, "en", 2) == 0 &&
		(name[2] == '_' || name[2] == '-' || name[2] == '.');
	sp->suggest = cfg->values[MEMO__CFG_SPELL_SUGGEST] >= 0.5;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	sp->cap = cpus < 1 ? 1 : cpus > S_MAX_HANDLES ? S_MAX_HANDLES :
		(unsigned)cpus;
	pthread_mutex_init(&sp->mu, NULL);
	pthread_cond_init(&sp->cv, NULL);
	if (cfg->nwords) {
		sp->words = memo__calloc(cfg->nwords, sizeof *sp->words);
		if (!sp->words) {
			memo__spell_free(sp);
			return memo__error_oom();
		}
		for (size_t i = 0; i < cfg->nwords; i++) {
			sp->words[i] = memo__strndup(cfg->words[i],
				strlen(cfg->words[i]));
			if (!sp->words[i]) {
				memo__spell_free(sp);
				return memo__error_oom();
			}
			sp->nwords++;
		}
	}
	/* The first handle now: it proves the dictionary loads and gives
	 * its encoding; the others come when threads need them. */
	s_lease *l;
	if ((rc = s_lease_new(sp, &l)) != MEMO_OK) {
		memo__spell_free(sp);
		return rc;
	}
	sp->free = l;
	sp->created = 1;
	if ((rc = s_read_alphabet(sp, l->from_dic)) != MEMO_OK) {
		memo__spell_free(sp);
		return rc;
	}
	*out = sp;
	return MEMO_OK;
}

void memo__spell_free(struct memo__spell *sp)
{
	if (!sp)
		return;
	/* every lease is back: memo_analyze() returns them before it ends */
	while (sp->free) {
		s_lease *l = sp->free;
		sp->free = l->next;
		s_lease_free(l);
	}
	pthread_mutex_destroy(&sp->mu);
	pthread_cond_destroy(&sp->cv);
	for (size_t i = 0; i < sp->nwords; i++)
		memo__free(sp->words[i]);
	memo__free(sp->words);
	memo__free(sp->alpha);
	memo__free(sp->aff);
	memo__free(sp->dic);
	memo__free(sp->enc);
	memo__free(sp);
}

/* ---- checking a document ------------------------------------------------ */

typedef struct s_pend {
	uint64_t start, end;        /* document text range */
	const memo_node *node;
	uint32_t off, len;          /* the word in run->words */
	bool title;                 /* Title-case: a name if seen as one */
} s_pend;

typedef struct s_run {
	memo_report *r;
	struct memo__spell *sp;
	s_lease *l;
	memo__tokvec tv;
	const memo_node *node;
	const memo__para *para;     /* NULL for a heading */
	s_table names;              /* unknown Title-case words seen inside a
	                               sentence: names */
	s_pend *pend;
	size_t npend, cappend;
	s_table words;              /* pending words (pool only) */
	uint32_t *code;             /* [start, end) pairs: inline code */
	size_t ncode, capcode, codeat;
} s_run;

/* Inline code of a Markdown text node, as ranges of its text. md4c drops
 * the backticks, so a node's text spans skip them: every backtick run in a
 * gap between spans is a code-span delimiter, and they alternate. */
static int s_code_ranges(s_run *run, const memo_node *n)
{
	run->ncode = run->codeat = 0;
	if (!(n->flags & MEMO_NODE_FLAG_HAS_CODE) ||
	    run->r->doc->format != MEMO_FORMAT_MARKDOWN)
		return MEMO_OK;
	const char *t = run->r->doc->text;
	uint64_t at = n->start;
	bool in = false;
	for (size_t i = 0; i < n->nspans; i++) {
		const memo_span *s = &n->spans[i];
		for (uint64_t k = at; k < s->doc_offset; k++)
			if (t[k] == '`' && (k == at || t[k - 1] != '`'))
				in = !in;
		if (in && s->length) {
			if (run->ncode + 2 > run->capcode) {
				size_t cap = run->capcode ? run->capcode * 2 : 16;
				uint32_t *c = memo__realloc(run->code,
					cap * sizeof *c);
				if (!c)
					return memo__error_oom();
				run->code = c;
				run->capcode = cap;
			}
			run->code[run->ncode++] = (uint32_t)s->text_offset;
			run->code[run->ncode++] =
				(uint32_t)(s->text_offset + s->length);
		}
		if (s->doc_offset + s->doc_length > at)
			at = s->doc_offset + s->doc_length;
	}
	return MEMO_OK;
}

/* Tokens come in text order, and so do the ranges: a cursor keeps this
 * linear. */
static bool s_in_code(s_run *run, uint32_t a, uint32_t b)
{
	while (run->codeat < run->ncode && run->code[run->codeat + 1] <= a)
		run->codeat += 2;
	return run->codeat < run->ncode && b > run->code[run->codeat];
}

/* Is token k the first word of its sentence? */
static bool s_initial(const s_run *run, size_t k)
{
	const memo__para *p = run->para;
	const memo__token *tv = run->tv.v;
	if (!p || p->sent_count == 0) {
		for (size_t i = 0; i < k; i++)
			if (memo__token_is_word(&tv[i]))
				return false;
		return true;
	}
	uint64_t d;
	memo_node_text_to_doc(run->node, tv[k].start, &d);
	const memo__sent *s = run->r->sents + p->sent_first;
	size_t lo = 0, hi = p->sent_count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s[mid].start <= d)
			lo = mid;
		else
			hi = mid;
	}
	uint64_t st = s[lo].start;
	for (size_t i = k; i-- > 0;) {
		if (!memo__token_is_word(&tv[i]))
			continue;
		uint64_t di;
		memo_node_text_to_doc(run->node, tv[i].start, &di);
		return di < st;
	}
	return true;
}

/* Hunspell's verdict on a UTF-8 word, through the handle's cache. */
static int s_known(s_run *run, const char *w, size_t len, bool *known)
{
	s_lease *l = run->l;
	uint32_t h = s_hash(w, len);
	s_entry *e = s_table_get(&l->cache, w, len, h);
	if (e) {
		*known = e->state == S_KNOWN;
		return MEMO_OK;
	}
	char buf[4 * S_MAX_WORD + 8];
	/* a word the dictionary's encoding cannot write cannot be judged */
	*known = !s_convert(l->to_dic, w, len, buf, sizeof buf) ||
		Hunspell_spell(l->h, buf) != 0;
	if (l->cache.n >= S_CACHE_MAX || l->cache.plen >= S_CACHE_POOL)
		s_table_clear(&l->cache);
	return s_table_put(&l->cache, w, len, h, *known ? S_KNOWN : S_UNKNOWN,
		NULL);
}

static bool s_is_apos(const char *s, size_t len, size_t i, size_t *n)
{
	if (s[i] == '\'') {
		*n = 1;
		return true;
	}
	/* U+2019 and U+2018 */
	if (i + 3 <= len && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x99 ||
	     (unsigned char)s[i + 2] == 0x98)) {
		*n = 3;
		return true;
	}
	return false;
}

static bool s_is_hyphen(const char *s, size_t len, size_t i, size_t *n)
{
	if (s[i] == '-') {
		*n = 1;
		return true;
	}
	/* U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN */
	if (i + 3 <= len && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x90 ||
	     (unsigned char)s[i + 2] == 0x91)) {
		*n = 3;
		return true;
	}
	return false;
}

/* Copy text[a, b) with curly apostrophes made straight and hyphens made
 * ASCII. Returns the length, or 0 when it does not fit. */
static size_t s_normalize(const char *t, size_t a, size_t b, char *out,
	size_t cap)
{
	size_t o = 0, n;
	for (size_t i = a; i < b;) {
		if (o + 1 >= cap)
			return 0;
		if (s_is_apos(t, b, i, &n)) {
			out[o++] = '\'';
			i += n;
		} else if (s_is_hyphen(t, b, i, &n)) {
			out[o++] = '-';
			i += n;
		} else {
			out[o++] = t[i++];
		}
	}
	out[o] = '\0';
	return o;
}

enum { S_SKIP, S_LOWER, S_TITLE };

/* Should text[a, b) be checked at all? Single letters, words with an
 * internal capital (iPhone, GitHub, McDonald), all-capitals words, words
 * with no letter or with a digit, and words with a letter outside the
 * dictionary's alphabet are not. Otherwise S_TITLE when the first letter
 * is a capital, else S_LOWER. */
static int s_shape(const s_run *run, const char *t, size_t a, size_t b)
{
	size_t letters = 0, upper = 0, n;
	bool first_upper = false;
	if (b - a > S_MAX_WORD)
		return S_SKIP;
	for (size_t i = a; i < b;) {
		uint32_t cp;
		if (s_is_apos(t, b, i, &n)) {
			i += n;
			continue;
		}
		i += memo__text_decode(t + i, b - i, &cp);
		unsigned cc = memo__text_class(cp);
		if (cc & MEMO__CC_DIGIT)
			return S_SKIP;
		if (!(cc & MEMO__CC_LETTER))
			continue;
		if (!s_in_alphabet(run->sp, cp))
			return S_SKIP;
		if (cc & MEMO__CC_UPPER) {
			if (letters == 0)
				first_upper = true;
			else
				return S_SKIP;  /* internal capital */
			upper++;
		}
		letters++;
	}
	if (letters < 2 || (upper && upper == letters))
		return S_SKIP;
	return first_upper ? S_TITLE : S_LOWER;
}

static int s_pend_add(s_run *run, const char *w, size_t len, size_t a,
	size_t b, bool title)
{
	if (run->npend == run->cappend) {
		size_t cap = run->cappend ? run->cappend * 2 : 32;
		s_pend *p = memo__realloc(run->pend, cap * sizeof *p);
		if (!p)
			return memo__error_oom();
		run->pend = p;
		run->cappend = cap;
	}
	s_pend *p = &run->pend[run->npend];
	int rc = s_pool_add(&run->words, w, len, &p->off);
	if (rc)
		return rc;
	p->len = (uint32_t)len;
	p->node = run->node;
	p->title = title;
	memo_node_text_to_doc(run->node, a, &p->start);
	memo__node_text_end_to_doc(run->node, b, &p->end);
	run->npend++;
	return MEMO_OK;
}

static bool s_is_prefix(const char *w, size_t len)
{
	for (size_t i = 0; i < sizeof s_prefixes / sizeof *s_prefixes; i++)
		if (strlen(s_prefixes[i]) == len &&
		    strncasecmp(s_prefixes[i], w, len) == 0)
			return true;
	return false;
}

/* Check one word or one part of a compound: text[a, b) of token k; first:
 * the word or the compound's first part (which may start a sentence). */
static int s_part(s_run *run, size_t a, size_t b, size_t k, bool first,
	bool before_hyphen)
{
	const char *t = run->node->text;
	char w[4 * S_MAX_WORD + 8];
	size_t len = b - a;
	int shape = S_LOWER;
	/* the common case: plain lower-case ASCII */
	for (size_t i = a; i < b; i++)
		if (t[i] < 'a' || t[i] > 'z') {
			shape = -1;
			break;
		}
	if (shape == S_LOWER && len >= 2 && len <= S_MAX_WORD) {
		memcpy(w, t + a, len);
		w[len] = '\0';
	} else {
		shape = s_shape(run, t, a, b);
		if (shape == S_SKIP)
			return MEMO_OK;
		len = s_normalize(t, a, b, w, sizeof w);
		if (len == 0)
			return MEMO_OK;
	}
	bool known;
	if (before_hyphen && run->sp->english && s_is_prefix(w, len))
		return MEMO_OK;
	int rc = s_known(run, w, len, &known);
	if (rc || known)
		return rc;
	bool title = shape == S_TITLE;
	if (title && run->para && !(first && s_initial(run, k))) {
		/* a capitalised unknown word inside a sentence is a name */
		uint32_t h = s_hash(w, len);
		if (s_table_get(&run->names, w, len, h))
			return MEMO_OK;
		return s_table_put(&run->names, w, len, h, S_PRESENT, NULL);
	}
	return s_pend_add(run, w, len, a, b, title);
}

/* Check word token k. */
static int s_token(s_run *run, size_t k)
{
	const memo__token *tok = &run->tv.v[k];
	const char *t = run->node->text;
	size_t a = tok->start, b = tok->end, n = 0;
	if (tok->kind != MEMO__TOK_WORD ||
	    (tok->flags & (MEMO__TOKF_DIGIT | MEMO__TOKF_ALLCAPS |
	                   MEMO__TOKF_ABBREV | MEMO__TOKF_BACKTICK)) ||
	    !(tok->flags & MEMO__TOKF_LETTER))
		return MEMO_OK;
	if (run->ncode && s_in_code(run, tok->start, tok->end))
		return MEMO_OK;
	/* part of a path or a repository name: src/grammar, org/repo#12 */
	if ((a > 0 && (t[a - 1] == '/' || t[a - 1] == '\\')) ||
	    (b < run->node->text_len && (t[b] == '/' || t[b] == '\\' ||
	                                 t[b] == '#')))
		return MEMO_OK;
	/* quotes around the word, then a possessive: customer's, boss' */
	while (a < b && s_is_apos(t, b, a, &n))
		a += n;
	while (b > a) {
		size_t i = b - 1;
		while (i > a && ((unsigned char)t[i] & 0xC0) == 0x80)
			i--;
		if (!s_is_apos(t, b, i, &n))
			break;
		b = i;
	}
	if (b - a > 2 && (t[b - 1] == 's' || t[b - 1] == 'S')) {
		size_t i = b - 2;
		while (i > a && ((unsigned char)t[i] & 0xC0) == 0x80)
			i--;
		if (s_is_apos(t, b - 1, i, &n) && i + n == b - 1)
			b = i;
	}
	if (a >= b)
		return MEMO_OK;
	if (!(tok->flags & MEMO__TOKF_HYPHEN))
		return s_part(run, a, b, k, true, false);
	/* A compound: the dictionary may know it whole (e-mail); else each
	 * part is a word of its own. */
	char w[4 * S_MAX_WORD + 8];
	size_t len = s_normalize(t, a, b, w, sizeof w);
	bool known = false;
	if (len && s_shape(run, t, a, b) != S_SKIP) {
		int rc = s_known(run, w, len, &known);
		if (rc || known)
			return rc;
	}
	size_t p = a;
	for (size_t i = a; i <= b;) {
		if (i < b && !s_is_hyphen(t, b, i, &n)) {
			i++;
			continue;
		}
		if (i > p) {
			int rc = s_part(run, p, i, k, p == a, i < b);
			if (rc)
				return rc;
		}
		if (i == b)
			break;
		i += n;
		p = i;
	}
	return MEMO_OK;
}

static int s_node(s_run *run, const memo_node *n, const memo__para *para)
{
	int rc;
	if (!n->text || n->text_len == 0)
		return MEMO_OK;
	run->node = n;
	run->para = para;
	memo__tokvec_clear(&run->tv);
	if ((rc = memo__tokenize(&run->tv, n->text, 0, n->text_len)) != 0)
		return rc;
	if ((rc = s_code_ranges(run, n)) != 0)
		return rc;
	for (size_t k = 0; k < run->tv.n; k++)
		if ((rc = s_token(run, k)) != 0)
			return rc;
	return MEMO_OK;
}

/* Up to S_MAX_SUGGEST suggestions for w, '|'-separated, through the
 * cache (hunspell takes tens of milliseconds per word). */
static int s_suggest(s_run *run, const char *w, size_t len,
	const char **out, size_t *outlen)
{
	s_lease *l = run->l;
	uint32_t h = s_hash(w, len);
	s_entry *e = s_table_get(&l->cache, w, len, h);
	int rc;
	*out = NULL;
	*outlen = 0;
	if (!e) {
		if (l->cache.n >= S_CACHE_MAX ||
		    l->cache.plen >= S_CACHE_POOL)
			s_table_clear(&l->cache);
		if ((rc = s_table_put(&l->cache, w, len, h, S_UNKNOWN,
			&e)) != 0)
			return rc;
	}
	if (e->sugg == UINT32_MAX) {
		char dw[4 * S_MAX_WORD + 8];
		char list[S_MAX_SUGGEST * (4 * S_MAX_WORD + 8)];
		size_t at = 0;
		if (s_convert(l->to_dic, w, len, dw, sizeof dw)) {
			char **sl = NULL;
			int ns = Hunspell_suggest(l->h, &sl, dw);
			int taken = 0;
			for (int i = 0; i < ns && taken < S_MAX_SUGGEST; i++) {
				char u[4 * S_MAX_WORD + 8];
				if (!s_convert(l->from_dic, sl[i], strlen(sl[i]),
					u, sizeof u) || strchr(u, '|'))
					continue;
				size_t ul = strlen(u);
				if (at + ul + 1 >= sizeof list)
					break;
				if (taken++)
					list[at++] = '|';
				memcpy(list + at, u, ul);
				at += ul;
			}
			if (sl)
				Hunspell_free_list(l->h, &sl, ns);
		}
		uint32_t off = 0;
		if (at && (rc = s_pool_add(&l->cache, list, at, &off)) != 0)
			return rc;
		/* the pool may have moved; the entry has not */
		e->sugg = off;
		e->slen = (uint32_t)at;
	}
	if (e->slen) {
		*out = l->cache.pool + e->sugg;
		*outlen = e->slen;
	}
	return MEMO_OK;
}

static int s_emit(s_run *run)
{
	memo_report *r = run->r;
	char repl[S_MAX_SUGGEST * (4 * S_MAX_WORD + 8) + 1];
	int rc;
	for (size_t i = 0; i < run->npend; i++) {
		const s_pend *p = &run->pend[i];
		const char *w = run->words.pool + p->off;
		if (p->title && s_table_get(&run->names, w, p->len,
			s_hash(w, p->len)))
			continue;  /* the same word inside a sentence: a name */
		const char *sg = NULL;
		size_t sl = 0;
		if (run->sp->suggest &&
		    (rc = s_suggest(run, w, p->len, &sg, &sl)) != 0)
			return rc;
		if (sl) {
			memcpy(repl, sg, sl);
			repl[sl] = '\0';
			size_t first = strcspn(repl, "|");
			rc = memo__report_add_finding(r, MEMO__R_SPELLING,
				p->start, p->end, p->node, repl,
				"unknown word '%.*s': did you mean '%.*s'?",
				(int)p->len, w, (int)first, repl);
		} else {
			rc = memo__report_add_finding(r, MEMO__R_SPELLING,
				p->start, p->end, p->node, NULL,
				"unknown word '%.*s'", (int)p->len, w);
		}
		if (rc)
			return rc;
	}
	return MEMO_OK;
}

/* Paragraphs (with their sentences) and headings, in document order;
 * code blocks are never prose. */
static int s_walk(s_run *run)
{
	const memo_report *r = run->r;
	const memo_node *root = r->doc->root;
	const memo_node *n = root ? root->first : NULL;
	size_t pi = 0;
	int rc;
	while (n) {
		if (n->type == MEMO_NODE_PARAGRAPH ||
		    n->type == MEMO_NODE_HEADING) {
			const memo__para *para = NULL;
			if (n->type == MEMO_NODE_PARAGRAPH) {
				while (pi < r->nparas && r->paras[pi].node != n &&
				       r->paras[pi].node->start <= n->start)
					pi++;
				if (pi < r->nparas && r->paras[pi].node == n)
					para = &r->paras[pi++];
			}
			/* headings, and paragraphs the analysis did not
			 * measure, have no sentences (para NULL) */
			if ((rc = s_node(run, n, para)) != 0)
				return rc;
		} else if (n->first && n->type != MEMO_NODE_CODE) {
			n = n->first;
			continue;
		}
		while (!n->next) {
			n = n->parent;
			if (!n || n == root)
				return MEMO_OK;
		}
		n = n->next;
	}
	return MEMO_OK;
}

int memo__spell_check(memo_report *r)
{
	struct memo__spell *sp = r->an ? r->an->spell : NULL;
	if (!sp || r->an->severity[MEMO__R_SPELLING] == MEMO_SEVERITY_NONE)
		return MEMO_OK;
	s_run run;
	memset(&run, 0, sizeof run);
	run.r = r;
	run.sp = sp;
	memo__tokvec_init(&run.tv);
	int rc = s_acquire(sp, &run.l);
	if (rc == MEMO_OK) {
		rc = s_walk(&run);
		if (rc == MEMO_OK)
			rc = s_emit(&run);
		s_release(sp, run.l);
	}
	memo__tokvec_free(&run.tv);
	s_table_free(&run.names);
	s_table_free(&run.words);
	memo__free(run.pend);
	memo__free(run.code);
	return rc;
}
