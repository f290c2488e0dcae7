/*
 * syllable_speed.c - speed of memo__syllables(), and a dump of its results
 * for before/after comparisons.
 *
 *   syllable_speed [-r ROUNDS] [-c CORPUS]
 *       Prints the cost in ns per word, best of ROUNDS (default 5), for:
 *         common   1M calls over a few frequent words
 *         corpus   every word token of CORPUS/md/ (*.md, read raw: split
 *                  into sentences, tokenized, multi-word tokens split at
 *                  spaces as the analyzer does), in order
 *         cmudict  the words of CORPUS/gold/syllables_cmudict.tsv
 *   syllable_speed --tokens OUT [-c CORPUS]
 *       Writes the corpus word tokens (as timed above), one a line.
 *   syllable_speed --dump OUT [-c CORPUS]
 *       Writes "count<TAB>word" for a fixed, deterministic list of words:
 *       the words of the three gold syllable sets, every distinct word
 *       token of CORPUS/md/ (as is and lower-cased), every prefix and
 *       suffix of those tokens (byte cuts, so also broken UTF-8), and two
 *       million generated words made of the counter's affixes, accents,
 *       apostrophes, hyphens, digits and random letters. Bytes below 0x20
 *       and the backslash are written as \xNN.
 *   syllable_speed --recount IN OUT
 *       Counts the words of a dump IN again and writes them as a dump
 *       OUT, in the same order. To check a change to syllables.c: dump
 *       with the old code, recount that dump with the new code, compare
 *       the two files with cmp(1); every count must be the same. (The
 *       word list comes from the tokenizer, which may change meanwhile:
 *       --recount keeps it fixed.)
 *
 * CORPUS defaults to $MEMO_CORPUS, else ../shared/corpus. Times are CPU
 * time of the process. Not a test: timings depend on the machine.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "memo_internal.h"
#include "text/text.h"

/* ---- a list of words: offsets into one growing buffer --------------------- */

typedef struct wlist {
	char *buf;
	size_t len, cap;
	size_t *off;      /* n + 1 offsets */
	size_t n, capn;
} wlist;

static void *s_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n);
	if (!q) {
		fprintf(stderr, "syllable_speed: out of memory\n");
		exit(1);
	}
	return q;
}

static void s_wl_add(wlist *l, const char *w, size_t n)
{
	if (l->len + n > l->cap) {
		l->cap = (l->cap + n) * 2;
		l->buf = s_xrealloc(l->buf, l->cap);
	}
	if (l->n + 2 > l->capn) {
		l->capn = l->capn ? l->capn * 2 : 1024;
		l->off = s_xrealloc(l->off, l->capn * sizeof *l->off);
	}
	if (l->n == 0)
		l->off[0] = 0;
	memcpy(l->buf + l->len, w, n);
	l->len += n;
	l->n++;
	l->off[l->n] = l->len;
}

static const char *s_wl_get(const wlist *l, size_t i, size_t *n)
{
	*n = l->off[i + 1] - l->off[i];
	return l->buf + l->off[i];
}

/* ---- a set of distinct strings (open addressing, FNV-1a) ------------------ */

typedef struct wset {
	wlist words;
	size_t *slot;     /* index + 1, 0 = empty */
	size_t cap;
} wset;

static uint64_t s_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static void s_set_add(wset *s, const char *w, size_t n);

static void s_set_grow(wset *s)
{
	size_t ncap = s->cap ? s->cap * 2 : 1u << 16;
	free(s->slot);
	s->slot = calloc(ncap, sizeof *s->slot);
	if (!s->slot)
		exit(1);
	s->cap = ncap;
	for (size_t i = 0; i < s->words.n; i++) {
		size_t n;
		const char *w = s_wl_get(&s->words, i, &n);
		size_t h = (size_t)s_hash(w, n) & (s->cap - 1);
		while (s->slot[h])
			h = (h + 1) & (s->cap - 1);
		s->slot[h] = i + 1;
	}
}

static void s_set_add(wset *s, const char *w, size_t n)
{
	if ((s->words.n + 1) * 2 > s->cap)
		s_set_grow(s);
	size_t h = (size_t)s_hash(w, n) & (s->cap - 1);
	while (s->slot[h]) {
		size_t m;
		const char *x = s_wl_get(&s->words, s->slot[h] - 1, &m);
		if (m == n && memcmp(x, w, n) == 0)
			return;
		h = (h + 1) & (s->cap - 1);
	}
	s_wl_add(&s->words, w, n);
	s->slot[h] = s->words.n;
}

/* ---- inputs ------------------------------------------------------------- */

static char *s_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *d = s_xrealloc(NULL, cap);
	size_t k;
	while ((k = fread(d + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			cap *= 2;
			d = s_xrealloc(d, cap);
		}
	}
	fclose(f);
	*len = n;
	return d;
}

/* Adds the word tokens of one Markdown file (raw text) to out. */
static void s_md_words(const char *text, size_t len, wlist *out,
	memo__sentvec *sv, memo__tokvec *tv)
{
	memo__sentvec_clear(sv);
	if (memo__sentences_split(sv, text, len, MEMO__SBD_NL_SOFT) != 0)
		exit(1);
	for (size_t i = 0; i < sv->n; i++) {
		memo__tokvec_clear(tv);
		if (memo__tokenize(tv, text, sv->v[i].start, sv->v[i].end) != 0)
			exit(1);
		for (size_t k = 0; k < tv->n; k++) {
			const memo__token *t = &tv->v[k];
			if (!memo__token_is_word(t))
				continue;
			const char *p = text + t->start;
			size_t n = t->end - t->start;
			if (t->nwords <= 1) {
				s_wl_add(out, p, n);
				continue;
			}
			/* "3 weeks": one word per white-space part */
			size_t j = 0, part = 0;
			while (j < n) {
				uint32_t cp;
				size_t m = memo__text_decode(p + j, n - j, &cp);
				if (memo__text_class(cp) & MEMO__CC_SPACE) {
					if (j > part)
						s_wl_add(out, p + part, j - part);
					part = j + m;
				}
				j += m;
			}
			if (n > part)
				s_wl_add(out, p + part, n - part);
		}
	}
}

static int s_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* All *.md under dir, in sorted path order (stable across runs). */
static void s_walk(const char *dir, char ***paths, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char sub[4096];
		struct stat st;
		snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
		if (stat(sub, &st) != 0)
			continue;
		size_t l = strlen(e->d_name);
		if (S_ISDIR(st.st_mode)) {
			s_walk(sub, paths, n, cap);
		} else if (l > 3 && strcmp(e->d_name + l - 3, ".md") == 0) {
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 256;
				*paths = s_xrealloc(*paths, *cap * sizeof **paths);
			}
			(*paths)[(*n)++] = strdup(sub);
		}
	}
	closedir(d);
}

static void s_corpus_words(const char *corpus, wlist *out)
{
	char dir[4096];
	char **paths = NULL;
	size_t n = 0, cap = 0;
	memo__sentvec sv;
	memo__tokvec tv;
	snprintf(dir, sizeof dir, "%s/md", corpus);
	s_walk(dir, &paths, &n, &cap);
	qsort(paths, n, sizeof *paths, s_cmp_str);
	memo__sentvec_init(&sv);
	memo__tokvec_init(&tv);
	for (size_t i = 0; i < n; i++) {
		size_t len;
		char *text = s_read(paths[i], &len);
		if (text) {
			s_md_words(text, len, out, &sv, &tv);
			free(text);
		}
		free(paths[i]);
	}
	free(paths);
	memo__sentvec_free(&sv);
	memo__tokvec_free(&tv);
}

/* First column of a TSV file, header skipped. */
static int s_tsv_words(const char *corpus, const char *name, wlist *out)
{
	char path[4096];
	size_t len;
	snprintf(path, sizeof path, "%s/gold/%s", corpus, name);
	char *d = s_read(path, &len);
	if (!d)
		return -1;
	size_t i = 0;
	bool header = true;
	while (i < len) {
		size_t e = i;
		while (e < len && d[e] != '\n')
			e++;
		size_t t = i;
		while (t < e && d[t] != '\t')
			t++;
		if (!header && t > i)
			s_wl_add(out, d + i, t - i);
		header = false;
		i = e + 1;
	}
	free(d);
	return 0;
}

/* ---- generated words ------------------------------------------------------ */

static uint64_t s_rng = 0x9E3779B97F4A7C15ull;

static uint32_t s_rand(uint32_t n)
{
	s_rng ^= s_rng << 13;
	s_rng ^= s_rng >> 7;
	s_rng ^= s_rng << 17;
	return (uint32_t)((s_rng >> 11) % n);
}

/* Pieces that exercise the counter's lists and rules. */
static const char *const s_pieces[] = {
	/* heads, tails, prefixes, suffixes, onsets of syllables.c */
	"afore", "bare", "base", "care", "case", "code", "core", "date",
	"drive", "edge", "else", "eye", "face", "file", "fire", "five", "fore",
	"frame", "game", "gate", "grape", "guide", "hate", "here", "home",
	"hope", "horse", "house", "like", "life", "line", "live", "lone",
	"love", "make", "mile", "more", "name", "nine", "note", "page",
	"phone", "pipe", "place", "plane", "rate", "rose", "rule", "safe",
	"sale", "scale", "score", "share", "shoe", "shore", "side", "site",
	"size", "some", "space", "stage", "stake", "state", "stone", "store",
	"take", "there", "time", "tone", "trade", "type", "use", "vote",
	"ware", "where", "white", "whole", "wide", "wise", "zone",
	"after", "as", "at", "away", "in", "of", "off", "on", "one", "out",
	"over", "up", "upon", "ver",
	"anti", "auto", "bio", "electro", "geo", "hydro", "infra", "intra",
	"macro", "micro", "mono", "multi", "neo", "neuro", "photo", "poly",
	"proto", "pseudo", "psycho", "radio", "retro", "semi", "socio",
	"ultra",
	"board", "book", "field", "fold", "form", "ground", "head", "hold",
	"holder", "hood", "keeper", "keeping", "land", "length", "light",
	"load", "maker", "making", "man", "men", "point", "screen", "ship",
	"ville", "way", "woman", "women", "wood", "work", "worthy", "yard",
	"fully", "ments", "ment", "nesses", "ness", "lessly", "less", "ful",
	"ings", "ing", "ly", "ically", "ic", "ed", "es", "s", "d", "e",
	"every", "any", "thing", "body", "how",
	"str", "spr", "spl", "scr", "shr", "thr", "sch", "bl", "br", "ch",
	"cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "kl", "kn", "kr",
	"ph", "pl", "pr", "qu", "sc", "sh", "sk", "sl", "sm", "sn", "sp",
	"st", "sw", "th", "tr", "tw", "wh", "wr",
	/* rule contexts */
	"re", "pre", "de", "co", "pro", "georg", "zool", "scien", "mc",
	"gue", "gu", "sm", "thm", "ety", "le", "re", "ire", "yre", "nt",
	"ea", "ia", "io", "ie", "ue", "ui", "oa", "oe", "oi", "ya", "ye",
	"yo", "ay", "ey", "oy", "uy", "aye", "ct", "ttach", "nst", "tiv",
	"ate", "ial", "ian", "ious", "tion", "ism", "ist", "ity", "al",
	/* exceptions */
	"business", "recipe", "people", "colonel", "hmm", "shh", "mrs",
	"cafe", "naked", "crooked", "evening", "maybe", "zoe", "isle",
	/* clitics and separators */
	"'s", "'ll", "'ve", "'d", "'re", "'m", "n't", "\xe2\x80\x99s",
	"\xe2\x80\x98", "\xca\xbc", "-", "/", ".", ",", ":", "\xc2\xad",
	"\xe2\x80\x94", "\xc2\xa0",
	/* digits */
	"1", "2", "3.5", "10:30", "1,000", "0",
	/* accents, ligatures, combining marks, other scripts, bad bytes */
	"\xc3\xa9", "\xc3\x89", "\xc3\xaf", "\xc3\xbc", "\xc3\xb6", "\xc3\xab",
	"\xc3\xa4", "\xc3\xbf", "\xc3\xa6", "\xc3\x86", "\xc3\x9f", "\xc5\x93",
	"\xc5\x92", "\xc4\x81", "\xc5\xbe", "\xcc\x88", "\xcc\x81", "\xcc\x83",
	"\xc3\x97", "\xc3\xb7", "\xe6\x9d\xb1", "\xd0\xb4\xd0\xb0", "\xff",
	"\xc3", "\xef\xbf\xbd", "\xe2\x80\x8b",
};

#define NPIECES (sizeof s_pieces / sizeof s_pieces[0])

static void s_gen_words(wlist *out, size_t count)
{
	char w[512];
	for (size_t k = 0; k < count; k++) {
		size_t n = 0;
		uint32_t mode = s_rand(4);
		uint32_t parts = 1 + s_rand(mode == 3 ? 24 : 5);
		for (uint32_t p = 0; p < parts && n < 400; p++) {
			if (mode == 0 || (mode == 3 && s_rand(2))) {
				/* random lower-case letters, vowel-heavy */
				uint32_t m = 1 + s_rand(4);
				for (uint32_t j = 0; j < m; j++)
					w[n++] = s_rand(3) == 0 ?
						"aeiouy"[s_rand(6)] :
						(char)('a' + s_rand(26));
			} else {
				const char *s = s_pieces[s_rand(NPIECES)];
				size_t l = strlen(s);
				memcpy(w + n, s, l);
				n += l;
			}
		}
		/* random case changes */
		if (s_rand(8) == 0)
			for (size_t j = 0; j < n; j++)
				if (w[j] >= 'a' && w[j] <= 'z' && s_rand(2))
					w[j] = (char)(w[j] - 'a' + 'A');
		s_wl_add(out, w, n);
	}
}

/* ---- dump ------------------------------------------------------------------ */

static void s_lower_ascii(char *d, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		d[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
}

static void s_wl_free(wlist *l)
{
	free(l->buf);
	free(l->off);
	memset(l, 0, sizeof *l);
}

static void s_put_word(FILE *f, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)w[i];
		if (c == '\\' || c < 0x20)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
}

static int s_dump(const char *corpus, const char *out)
{
	wset set;
	wlist corp, tmp;
	memset(&set, 0, sizeof set);
	memset(&corp, 0, sizeof corp);
	memset(&tmp, 0, sizeof tmp);
	static const char *const gold[] = {
		"syllables_cmudict.tsv", "syllables_npm_syllable_fixture.tsv",
		"syllables_textstat_tests.tsv",
	};
	size_t ngold = 0;
	for (size_t g = 0; g < 3; g++) {
		if (s_tsv_words(corpus, gold[g], &tmp) != 0) {
			fprintf(stderr, "syllable_speed: cannot read %s/gold/%s\n",
				corpus, gold[g]);
			return 1;
		}
	}
	ngold = tmp.n;
	s_corpus_words(corpus, &corp);
	for (size_t i = 0; i < tmp.n; i++) {
		size_t n;
		const char *w = s_wl_get(&tmp, i, &n);
		s_set_add(&set, w, n);
	}
	size_t after_gold = set.words.n;
	char low[4096];
	for (size_t i = 0; i < corp.n; i++) {
		size_t n;
		const char *w = s_wl_get(&corp, i, &n);
		s_set_add(&set, w, n);
		if (n <= sizeof low) {
			s_lower_ascii(low, w, n);
			s_set_add(&set, low, n);
		}
	}
	size_t after_corpus = set.words.n;
	/* every prefix and suffix of the distinct tokens */
	for (size_t i = after_gold; i < after_corpus; i++) {
		size_t n;
		const char *w = s_wl_get(&set.words, i, &n);
		if (n > 64)
			continue;
		char copy[64];
		memcpy(copy, w, n);
		for (size_t k = 1; k < n; k++) {
			s_set_add(&set, copy, k);
			s_set_add(&set, copy + k, n - k);
		}
	}
	size_t after_cuts = set.words.n;
	wlist gen;
	memset(&gen, 0, sizeof gen);
	s_gen_words(&gen, 2000000);
	for (size_t i = 0; i < gen.n; i++) {
		size_t n;
		const char *w = s_wl_get(&gen, i, &n);
		s_set_add(&set, w, n);
	}

	FILE *f = fopen(out, "wb");
	if (!f) {
		fprintf(stderr, "syllable_speed: cannot write %s\n", out);
		return 1;
	}
	for (size_t i = 0; i < set.words.n; i++) {
		size_t n;
		const char *w = s_wl_get(&set.words, i, &n);
		fprintf(f, "%u\t", (unsigned)memo__syllables(w, n));
		s_put_word(f, w, n);
		fputc('\n', f);
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "syllable_speed: cannot write %s\n", out);
		return 1;
	}
	fprintf(stderr, "gold entries %zu (distinct %zu), corpus tokens %zu "
		"(distinct incl. lower case %zu), prefixes/suffixes %zu, "
		"generated %zu; %zu distinct words written to %s\n",
		ngold, after_gold, corp.n, after_corpus - after_gold,
		after_cuts - after_corpus, set.words.n - after_cuts,
		set.words.n, out);
	s_wl_free(&set.words);
	free(set.slot);
	s_wl_free(&corp);
	s_wl_free(&tmp);
	s_wl_free(&gen);
	return 0;
}

/* Recount the words of dump in (see s_put_word for the escapes). */
static int s_recount(const char *in, const char *out)
{
	size_t len;
	char *d = s_read(in, &len);
	if (!d) {
		fprintf(stderr, "syllable_speed: cannot read %s\n", in);
		return 1;
	}
	FILE *f = fopen(out, "wb");
	if (!f) {
		free(d);
		fprintf(stderr, "syllable_speed: cannot write %s\n", out);
		return 1;
	}
	char *w = s_xrealloc(NULL, len + 1);
	size_t i = 0, nwords = 0;
	while (i < len) {
		size_t e = i;
		while (e < len && d[e] != '\n')
			e++;
		size_t t = i;
		while (t < e && d[t] != '\t')
			t++;
		size_t n = 0;
		for (size_t j = t + 1; j < e; j++) {
			unsigned v;
			if (d[j] == '\\' && j + 3 < e && d[j + 1] == 'x' &&
			    sscanf(d + j + 2, "%2x", &v) == 1) {
				w[n++] = (char)v;
				j += 3;
			} else {
				w[n++] = d[j];
			}
		}
		fprintf(f, "%u\t", (unsigned)memo__syllables(w, n));
		s_put_word(f, w, n);
		fputc('\n', f);
		nwords++;
		i = e + 1;
	}
	free(w);
	free(d);
	if (fclose(f) != 0) {
		fprintf(stderr, "syllable_speed: cannot write %s\n", out);
		return 1;
	}
	fprintf(stderr, "%zu words recounted into %s\n", nwords, out);
	return 0;
}

/* ---- timing ---------------------------------------------------------------- */

static double s_now(void)
{
	struct timespec ts;
	/* CPU time: the figures hold on a busy machine too */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static volatile uint64_t s_sink;

/* Best ns per word over rounds passes of calls calls through l. */
static double s_time(const wlist *l, size_t calls, int rounds)
{
	double best = 1e30;
	for (int r = 0; r < rounds; r++) {
		uint64_t sum = 0;
		double t0 = s_now();
		for (size_t c = 0, i = 0; c < calls; c++) {
			size_t n;
			const char *w = s_wl_get(l, i, &n);
			sum += memo__syllables(w, n);
			if (++i == l->n)
				i = 0;
		}
		double t = s_now() - t0;
		s_sink += sum;
		if (t < best)
			best = t;
	}
	return best * 1e9 / (double)calls;
}

int main(int argc, char **argv)
{
	int rounds = 5;
	const char *corpus = getenv("MEMO_CORPUS");
	const char *dump = NULL, *tokens = NULL, *recount = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
			rounds = atoi(argv[++i]);
			if (rounds < 1)
				rounds = 1;
		} else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
			corpus = argv[++i];
		} else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
			dump = argv[++i];
		} else if (strcmp(argv[i], "--tokens") == 0 && i + 1 < argc) {
			tokens = argv[++i];
		} else if (strcmp(argv[i], "--recount") == 0 && i + 2 < argc) {
			recount = argv[++i];
			dump = argv[++i];
		} else {
			fprintf(stderr, "usage: syllable_speed [-r ROUNDS] "
				"[-c CORPUS] [--dump OUT | --tokens OUT | "
				"--recount IN OUT]\n");
			return 2;
		}
	}
	if (!corpus)
		corpus = "../shared/corpus";
	if (recount)
		return s_recount(recount, dump);
	if (dump)
		return s_dump(corpus, dump);

	wlist common, corp, cmu;
	memset(&common, 0, sizeof common);
	memset(&corp, 0, sizeof corp);
	memset(&cmu, 0, sizeof cmu);
	static const char *const words[] = {
		"the", "business", "organization", "customers", "activation",
		"decided", "implementation",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		s_wl_add(&common, words[i], strlen(words[i]));
	s_corpus_words(corpus, &corp);
	int rc = 0;
	if (tokens) {
		FILE *f = fopen(tokens, "wb");
		for (size_t i = 0; f && i < corp.n; i++) {
			size_t n;
			const char *w = s_wl_get(&corp, i, &n);
			s_put_word(f, w, n);
			fputc('\n', f);
		}
		rc = f && fclose(f) == 0 ? 0 : 1;
	} else if (s_tsv_words(corpus, "syllables_cmudict.tsv", &cmu) != 0 ||
		   corp.n == 0) {
		fprintf(stderr, "syllable_speed: corpus not found in %s\n",
			corpus);
		rc = 1;
	} else {
		printf("common   %8.1f ns/word  (1000000 calls, %zu words)\n",
			s_time(&common, 1000000, rounds), common.n);
		printf("corpus   %8.1f ns/word  (%zu tokens, in order)\n",
			s_time(&corp, corp.n, rounds), corp.n);
		printf("cmudict  %8.1f ns/word  (%zu words)\n",
			s_time(&cmu, cmu.n, rounds), cmu.n);
	}
	s_wl_free(&common);
	s_wl_free(&corp);
	s_wl_free(&cmu);
	return rc;
}
