/*
 * check_lex.c - unit tests of the lexicons (data/lexicons, compiled in)
 * and the multi-word matcher (libmemo/lex).
 *
 * A tiny test-only tokenizer produces word token ranges, so the matcher is
 * tested independently of the real tokenizer.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "memo_internal.h"
#include "lex/lex.h"
#include "lex/lexparse.h"

/* ---- test tokenizer ------------------------------------------------------ */

#define S_MAXTOK 4096

/* Word tokens: runs of ASCII letters/digits, apostrophes (also U+2019) and
 * other non-ASCII bytes except curly double quotes and dashes; an inner
 * hyphen joins when split_hyphen is false. */
static bool s_word_byte(const unsigned char *t, size_t i, size_t n)
{
	unsigned c = t[i];
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '\'')
		return true;
	if (c == 0xC2 && i + 1 < n && t[i + 1] == 0xA0)
		return false; /* no-break space */
	if (c == 0xE2 && i + 2 < n && t[i + 1] == 0x80 &&
	    (t[i + 2] == 0x9C || t[i + 2] == 0x9D || t[i + 2] == 0x93 ||
	    t[i + 2] == 0x94))
		return false;
	return c >= 0x80;
}

static size_t s_tokenize(const char *text, uint32_t *st, uint32_t *en,
	size_t cap, bool split_hyphen)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t n = strlen(text), k = 0, i = 0;
	while (i < n && k < cap) {
		if (!s_word_byte(t, i, n)) {
			i++;
			while (i < n && (t[i] & 0xC0) == 0x80)
				i++;
			continue;
		}
		size_t s = i;
		for (;;) {
			while (i < n && s_word_byte(t, i, n)) {
				/* skip a whole UTF-8 sequence */
				i++;
				while (i < n && (t[i] & 0xC0) == 0x80)
					i++;
			}
			if (!split_hyphen && i + 1 < n && t[i] == '-' &&
			    s_word_byte(t, i + 1, n)) {
				i++;
				continue;
			}
			break;
		}
		st[k] = (uint32_t)s;
		en[k] = (uint32_t)i;
		k++;
	}
	return k;
}

/* ---- hit collection --------------------------------------------------- */

typedef struct s_out {
	const memo__lex *lx;
	char buf[8192];
	size_t len;
	size_t nhits;
	memo__lex_hit hits[256];
} s_out;

static int s_collect(void *ud, const memo__lex_hit *h)
{
	s_out *o = ud;
	const memo__lex_entry *e = memo__lex_entry_at(o->lx, h->entry);
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->cls, h->cls);
	if (o->nhits < 256)
		o->hits[o->nhits] = *h;
	o->nhits++;
	int w = snprintf(o->buf + o->len, sizeof o->buf - o->len,
		"%s:%s@%u-%u;", memo__lex_class_name(h->cls), e->text,
		h->first, h->last);
	if (w > 0 && (size_t)w < sizeof o->buf - o->len)
		o->len += (size_t)w;
	return 0;
}

static int s_stop_first(void *ud, const memo__lex_hit *h)
{
	(void)ud;
	(void)h;
	return 42;
}

static int s_count(void *ud, const memo__lex_hit *h)
{
	s_out *o = ud;
	(void)h;
	o->nhits++;
	return 0;
}

/* Match text; o->buf lists hits as "class:entry@first-last;". */
static void s_match(const memo__lex *lx, const char *text, bool split,
	s_out *o)
{
	static uint32_t st[S_MAXTOK], en[S_MAXTOK];
	size_t n = s_tokenize(text, st, en, S_MAXTOK, split);
	memo__lex_tokens t;
	memo__lex_tokens_u32(&t, text, strlen(text), st, en, n);
	memset(o, 0, sizeof *o);
	o->lx = lx;
	ck_assert_int_eq(memo__lex_match(lx, &t, s_collect, o), MEMO_OK);
}

static memo__lex *s_builtin(void)
{
	memo__lex *lx = NULL;
	ck_assert_int_eq(memo__lex_new(&lx, 0), MEMO_OK);
	ck_assert_int_eq(memo__lex_freeze(lx), MEMO_OK);
	return lx;
}

#define S_HAS(o, s) ck_assert_msg(strstr((o).buf, (s)) != NULL, \
	"expected \"%s\" in: %s", (s), (o).buf)
#define S_HASNT(o, s) ck_assert_msg(strstr((o).buf, (s)) == NULL, \
	"unexpected \"%s\" in: %s", (s), (o).buf)

/* ---- data files ------------------------------------------------------------ */

static const char *const s_files[] = {
	"hedges.txt", "boosters.txt", "vague.txt", "attributions.txt",
	"fillers.tsv", "nominalizations.tsv", "adverbs.txt",
	"activity-verbs.txt", "decision-verbs.txt", "tradeoff-markers.txt",
	"causal-markers.txt", "slogans.txt", "cliches.txt",
	"irregular-verbs.tsv",
};

static char *s_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = 0;
	fclose(f);
	return buf;
}

static bool s_ci_has(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;
		while (j < k && (hay[i + j] | 0x20) == needle[j])
			j++;
		if (j == k)
			return true;
	}
	return false;
}

START_TEST(test_data_files_have_licence_header_and_parse)
{
	const char *root = getenv("MEMO_SOURCE_ROOT");
	if (!root)
		root = ".";
	size_t per_class[MEMO__LEX_NCLASSES] = {0};

	for (size_t fi = 0; fi < sizeof s_files / sizeof s_files[0]; fi++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/data/lexicons/%s", root,
			s_files[fi]);
		char *buf = s_slurp(path);
		bool irregular = strcmp(s_files[fi], "irregular-verbs.tsv") == 0;
		bool header = true;
		size_t hdr_len = 0, entries = 0, lineno = 0;
		int cls = -1;
		char *p = buf;
		while (*p) {
			char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			lineno++;
			if (p[0] == '#' && len > 1 && p[1] == '!') {
				memo__lexp_fields d;
				const char *err = NULL;
				ck_assert_msg(memo__lexp_parse_directive(p + 2,
					len - 2, &d, &err) == 0, "%s:%zu: %s",
					s_files[fi], lineno, err);
				if (d.cls)
					cls = memo__lexp_class_from_name(d.cls,
						d.cls_len);
			} else if (p[0] == '#') {
				if (header)
					hdr_len = (size_t)(p - buf) + len;
			} else if (len) {
				if (header) {
					ck_assert_msg(s_ci_has(buf, hdr_len,
						"source"), "%s: header names no "
						"source", s_files[fi]);
					ck_assert_msg(s_ci_has(buf, hdr_len,
						"licen"), "%s: header names no "
						"licence", s_files[fi]);
					header = false;
				}
				if (irregular) {
					size_t tabs = 0;
					for (size_t i = 0; i < len; i++)
						tabs += p[i] == '\t';
					ck_assert_msg(tabs == 2 || tabs == 3,
						"%s:%zu: bad row", s_files[fi],
						lineno);
				} else {
					memo__lexp_fields f;
					const char *err = NULL;
					int r = memo__lexp_parse_line(p, len, &f,
						&err);
					ck_assert_msg(r == 1, "%s:%zu: %s",
						s_files[fi], lineno,
						err ? err : "not an entry");
					ck_assert_int_ge(cls, 0);
					if (memo__lexp_class_needs_repl(
					    (unsigned)cls))
						ck_assert_msg(f.has_repl,
							"%s:%zu: no replacement",
							s_files[fi], lineno);
				}
				entries++;
			}
			p += len + (nl ? 1 : 0);
		}
		ck_assert_msg(!header && entries > 0, "%s: no entries",
			s_files[fi]);
		if (!irregular) {
			ck_assert_msg(cls >= 0, "%s: no class directive",
				s_files[fi]);
			per_class[cls] += entries;
			ck_assert_str_eq(memo__lex_classes[cls].file,
				s_files[fi]);
		}
		free(buf);
	}
	/* the compiled tables hold exactly the data files' entries */
	memo__lex *lx = NULL;
	ck_assert_int_eq(memo__lex_new(&lx, 0), MEMO_OK);
	for (unsigned c = 0; c < MEMO__LEX_NCLASSES; c++) {
		ck_assert_uint_eq(memo__lex_class_count(lx, c), per_class[c]);
		ck_assert_ptr_nonnull(strstr(memo__lex_notice(c), "icen"));
	}
	ck_assert_uint_gt(memo__lex_irregular_count, 50);
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_parser_rejects_bad_lines)
{
	memo__lexp_fields f;
	const char *err;
	static const char *const bad[] = {
		"a (b|c", "a b|c", "a (b (c|d))", "-abc", "abc-", "a--b",
		"word\tw=x", "word\tctx=nope", "word\tinfl=past",
		"word\tnope=1", "(|)", "a.b", "a, b", "word\trepl\tw",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err = NULL;
		ck_assert_msg(memo__lexp_parse_line(bad[i], strlen(bad[i]), &f,
			&err) == -1, "accepted \"%s\"", bad[i]);
		ck_assert_ptr_nonnull(err);
	}
	ck_assert_int_eq(memo__lexp_parse_line("# note", 6, &f, &err), 0);
	ck_assert_int_eq(memo__lexp_parse_line("  ", 2, &f, &err), 0);
	const char *ok = "make (a|the|) decision\tdecide\tw=0.5\t"
		"ctx=num-next,weak\tinfl=verb\tkind=x-1\t# note";
	ck_assert_int_eq(memo__lexp_parse_line(ok, strlen(ok), &f, &err), 1);
	ck_assert_uint_eq(f.repl_len, 6);
	ck_assert(f.weight == 0.5f);
	ck_assert_uint_eq(f.ctx, MEMO__LEX_CTX_NUM_NEXT | MEMO__LEX_CTX_WEAK);
	ck_assert_uint_eq(f.infl, MEMO__LEX_INFL_VERB);
	ck_assert_int_eq(memo__lexp_check_text("make (a|the|) decision", 22,
		&err), 3);
	char v[64];
	size_t n = memo__lexp_variant("make (a|the|) decision", 22, 2, v,
		sizeof v);
	ck_assert_uint_eq(n, 13);
	ck_assert(memcmp(v, "make decision", 13) == 0);
	const char *del = "the month of\t-";
	ck_assert_int_eq(memo__lexp_parse_line(del, strlen(del), &f, &err), 1);
	ck_assert(f.has_repl && f.repl_len == 0);
}
END_TEST

/* ---- classes ------------------------------------------------------------ */

START_TEST(test_each_class_matches_in_sentences)
{
	memo__lex *lx = s_builtin();
	s_out o;

	s_match(lx, "This might possibly help customers.", false, &o);
	S_HAS(o, "hedge:might@1-1;");
	S_HAS(o, "hedge:possibly@2-2;");

	s_match(lx, "This is clearly the best option.", false, &o);
	S_HAS(o, "booster:clearly@2-2;");

	s_match(lx, "Many customers saw significantly better results.", false,
		&o);
	S_HAS(o, "vague:many@0-0;");
	ck_assert_str_eq(memo__lex_entry_at(lx, o.hits[1].entry)->kind,
		"comparative");
	ck_assert_uint_eq(o.hits[1].first, 3);
	ck_assert_uint_eq(o.hits[1].last, 4);

	s_match(lx, "It is widely believed that churn is falling.", false, &o);
	ck_assert_uint_eq(o.nhits, 1);
	ck_assert_uint_eq(o.hits[0].cls, MEMO__LEX_ATTRIBUTION);
	ck_assert_uint_eq(o.hits[0].first, 0);
	ck_assert_uint_eq(o.hits[0].last, 3);
	S_HASNT(o, "hedge:");

	s_match(lx, "Experts agree that many people say so.", false, &o);
	ck_assert_uint_eq(o.hits[0].cls, MEMO__LEX_ATTRIBUTION);
	ck_assert_uint_eq(o.hits[0].last, 1);
	ck_assert_uint_eq(o.hits[1].cls, MEMO__LEX_ATTRIBUTION);
	ck_assert_uint_eq(o.hits[1].first, 3);
	ck_assert_uint_eq(o.hits[1].last, 5);

	s_match(lx, "We did this in order to save time.", false, &o);
	S_HAS(o, "filler:in order to@3-5;");
	{
		const memo__lex_entry *e = NULL;
		for (size_t i = 0; i < o.nhits; i++)
			if (o.hits[i].cls == MEMO__LEX_FILLER)
				e = memo__lex_entry_at(lx, o.hits[i].entry);
		ck_assert_ptr_nonnull(e);
		ck_assert_str_eq(e->repl, "to");
	}

	s_match(lx, "We made a decision to cut the feature.", false, &o);
	S_HAS(o, "nominalization:make (a|the) decision to@1-4;");
	S_HAS(o, "decision:cut@5-5;");

	s_match(lx, "It was basically really simple.", false, &o);
	S_HAS(o, "adverb:basically@2-2;");
	S_HAS(o, "adverb:really@3-3;");

	s_match(lx, "We collaborated with Finance and aligned on goals.", false,
		&o);
	S_HAS(o, "activity:collaborate (with|on|across|closely)@1-2;");
	S_HAS(o, "activity:align (with|on|around)@5-6;");

	s_match(lx, "We decided to cut the step and we will ship it.", false,
		&o);
	S_HAS(o, "decision:decide@1-1;");
	S_HAS(o, "decision:cut@3-3;");
	S_HAS(o, "decision:we will@7-8;");
	S_HAS(o, "decision:ship@9-9;");

	s_match(lx, "We ruled out a rewrite at the cost of a slower launch.",
		false, &o);
	S_HAS(o, "tradeoff:rule out@1-2;");
	S_HAS(o, "decision:rule out@1-2;");
	S_HAS(o, "tradeoff:at the cost of@5-8;");

	s_match(lx, "Because latency rose we cut the cache, which led to a "
		"lift.", false, &o);
	S_HAS(o, "causal:because@0-0;");
	S_HAS(o, "causal:which (led to|");
	S_HAS(o, "@7-9;");

	s_match(lx, "Our team is customer-obsessed and world-class.", false,
		&o);
	S_HAS(o, "slogan:customer-obsessed@3-3;");
	S_HAS(o, "slogan:world-class@5-5;");
	s_match(lx, "Our team is customer-obsessed and world-class.", true,
		&o);
	S_HAS(o, "slogan:customer-obsessed@3-4;");
	S_HAS(o, "slogan:world-class@6-7;");
	s_match(lx, "It is world class and best in class.", false, &o);
	S_HAS(o, "slogan:world-class@2-3;");
	S_HAS(o, "slogan:best-in-class@5-7;");

	s_match(lx, "That is low-hanging fruit at the end of the day.", false,
		&o);
	S_HAS(o, "cliche:low-hanging fruit@2-3;");
	S_HAS(o, "cliche:at the end of the day@4-9;");
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_commitments_and_months_are_not_plain_hedges)
{
	memo__lex *lx = s_builtin();
	s_out o;
	s_match(lx, "We will ship, we can cut it and we must launch.", false,
		&o);
	S_HASNT(o, "hedge:");
	/* "may" is reported with its month tag for the analyzer */
	s_match(lx, "We launch in May.", false, &o);
	ck_assert_uint_eq(o.nhits, 2);
	ck_assert_uint_eq(o.hits[1].cls, MEMO__LEX_HEDGE);
	ck_assert(o.hits[1].ctx & MEMO__LEX_CTX_MONTH);
	/* "should" counts half */
	s_match(lx, "We should cut it.", false, &o);
	ck_assert_uint_eq(o.hits[0].cls, MEMO__LEX_HEDGE);
	ck_assert(o.hits[0].weight == 0.5f);
	/* approximators carry num-next */
	s_match(lx, "roughly 30% of orders", false, &o);
	ck_assert(o.hits[0].ctx & MEMO__LEX_CTX_NUM_NEXT);
	/* causal "so" is tagged; "so much" is an intensifier, not causal */
	s_match(lx, "Costs fell, so we hired.", false, &o);
	S_HAS(o, "causal:so@2-2;");
	ck_assert(o.hits[0].ctx & MEMO__LEX_CTX_CONNECTIVE);
	s_match(lx, "It was so much faster and so far fine; to do so is hard.",
		false, &o);
	S_HASNT(o, "causal:");
	S_HAS(o, "vague:so much@2-3;");
	/* "kind of": hedge only when not a noun phrase */
	s_match(lx, "It is kind of slow for this kind of customer.", false, &o);
	ck_assert_uint_eq(o.nhits, 1);
	S_HAS(o, "hedge:kind of@2-3;");
	/* "could not" states a fact */
	s_match(lx, "We could not reproduce it; it could fail.", false, &o);
	ck_assert_uint_eq(o.nhits, 1);
	S_HAS(o, "hedge:could@6-6;");
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_longest_match_wins_across_classes)
{
	memo__lex *lx = s_builtin();
	s_out o;
	s_match(lx, "We waited due to the fact that it broke.", false, &o);
	ck_assert_uint_eq(o.nhits, 1);
	S_HAS(o, "filler:due to the fact that@2-6;");
	S_HASNT(o, "causal:");
	{
		const memo__lex_entry *e = memo__lex_entry_at(lx,
			o.hits[0].entry);
		ck_assert_str_eq(e->repl, "because");
	}
	s_match(lx, "We waited due to the outage.", false, &o);
	S_HAS(o, "causal:due to@2-3;");
	/* "rather than" is a trade-off, "rather" alone a hedge */
	s_match(lx, "We chose speed rather than scope; it is rather slow.",
		false, &o);
	S_HAS(o, "tradeoff:rather than@3-4;");
	S_HAS(o, "hedge:rather@8-8;");
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_inflections)
{
	memo__lex *lx = s_builtin();
	s_out o;
	s_match(lx, "We are aligning and we aligned; they align.", false, &o);
	S_HAS(o, "activity:align@2-2;");
	S_HAS(o, "activity:align@5-5;");
	S_HAS(o, "activity:align@7-7;");
	ck_assert_uint_eq(o.hits[0].form, MEMO__LEX_FORM_ING);
	ck_assert_uint_eq(o.hits[1].form, MEMO__LEX_FORM_ED);
	ck_assert_uint_eq(o.hits[2].form, MEMO__LEX_FORM_BASE);

	s_match(lx, "She drove consensus; he is driving consensus; it drives "
		"alignment.", false, &o);
	S_HAS(o, "@1-2;");
	S_HAS(o, "@5-6;");
	S_HAS(o, "@8-9;");
	ck_assert_uint_eq(o.nhits, 3);
	for (size_t i = 0; i < 3; i++)
		ck_assert_uint_eq(o.hits[i].cls, MEMO__LEX_ACTIVITY);

	s_match(lx, "We are cutting scope, we cut it, we shipped, we chose B.",
		false, &o);
	S_HAS(o, "decision:(narrow|reduce|cut|limit|trim|shrink) (the |our |)"
		"scope@2-3;");
	S_HAS(o, "decision:cut@5-5;");
	S_HAS(o, "decision:ship@8-8;");
	S_HAS(o, "decision:we chose@9-10;");

	s_match(lx, "She made a decision and is making decisions.", false, &o);
	S_HAS(o, "nominalization:make (a|the|our|this|that|any|no|a final|"
		"the final) decision@1-3;");
	S_HAS(o, "nominalization:make decisions@6-7;");

	s_match(lx, "The trade-offs and the non-goals.", false, &o);
	S_HAS(o, "tradeoff:trade-off@1-1;");
	S_HAS(o, "tradeoff:non-goal@4-4;");

	s_match(lx, "It led to churn and is leading to losses.", false, &o);
	S_HAS(o, "causal:lead to@1-2;");
	S_HAS(o, "causal:lead to@6-7;");

	/* no stemming beyond the listed suffixes */
	s_match(lx, "Alignment and cutter and shipment.", false, &o);
	ck_assert_uint_eq(o.nhits, 0);
	/* hedges do not inflect */
	s_match(lx, "Perhapsing.", false, &o);
	ck_assert_uint_eq(o.nhits, 0);
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_case_and_apostrophes)
{
	memo__lex *lx = s_builtin();
	s_out o;
	s_match(lx, "WE WON\xe2\x80\x99T SHIP IT.", false, &o);
	S_HAS(o, "decision:we won't@0-1;");
	S_HAS(o, "tradeoff:we won't@0-1;");
	S_HAS(o, "decision:ship@2-2;");
	s_match(lx, "I Think We Should.", false, &o);
	S_HAS(o, "hedge:i think@0-1;");
	S_HAS(o, "hedge:should@3-3;");
	s_match(lx, "It\xe2\x80\x99s clear that X; it\xca\xbcs possible.",
		false, &o);
	S_HAS(o, "booster:it's clear that@0-2;");
	S_HAS(o, "hedge:it's possible@4-5;");
	memo__lex_free(lx);

	/* Latin-1 letters fold too */
	ck_assert_int_eq(memo__lex_new(&lx, MEMO__LEX_NEW_EMPTY), MEMO_OK);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_SLOGAN,
		"caf\xc3\xa9 culture", 13, NULL), MEMO_OK);
	ck_assert_int_eq(memo__lex_freeze(lx), MEMO_OK);
	s_match(lx, "Our CAF\xc3\x89 Culture wins.", false, &o);
	ck_assert_uint_eq(o.nhits, 1);
	ck_assert_uint_eq(o.hits[0].first, 1);
	ck_assert_uint_eq(o.hits[0].last, 2);
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_config_remove)
{
	memo__lex *lx = NULL;
	s_out o;
	ck_assert_int_eq(memo__lex_new(&lx, 0), MEMO_OK);
	size_t before = memo__lex_class_count(lx, MEMO__LEX_HEDGE);
	ck_assert_int_ge(memo__lex_find(lx, MEMO__LEX_HEDGE, "Should"), 0);
	ck_assert_int_eq(memo__lex_remove(lx, MEMO__LEX_HEDGE, "should", 6),
		MEMO_OK);
	ck_assert_int_eq(memo__lex_find(lx, MEMO__LEX_HEDGE, "should"), -1);
	ck_assert_uint_eq(memo__lex_class_count(lx, MEMO__LEX_HEDGE),
		before - 1);
	/* a surface form only: "aligned" goes, "align"/"aligning" stay */
	ck_assert_int_eq(memo__lex_remove(lx, MEMO__LEX_ACTIVITY, "aligned",
		7), MEMO_OK);
	/* removing what is not there is fine */
	ck_assert_int_eq(memo__lex_remove(lx, MEMO__LEX_CLICHE, "zzz qqq", 7),
		MEMO_OK);
	ck_assert_int_eq(memo__lex_remove(lx, MEMO__LEX_NCLASSES, "x", 1),
		MEMO_EINVALID);
	ck_assert_int_eq(memo__lex_freeze(lx), MEMO_OK);
	s_match(lx, "We should ship.", false, &o);
	S_HASNT(o, "hedge:");
	S_HAS(o, "decision:ship@2-2;");
	s_match(lx, "We aligned, then kept aligning.", false, &o);
	ck_assert_uint_eq(o.nhits, 1);
	S_HAS(o, "activity:align@4-4;");
	/* frozen: no more changes */
	ck_assert_int_eq(memo__lex_remove(lx, MEMO__LEX_HEDGE, "may", 3),
		MEMO_EINVALID);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_HEDGE, "may", 3, NULL),
		MEMO_EINVALID);
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_config_add)
{
	memo__lex *lx = NULL;
	uint32_t id = 0;
	s_out o;
	ck_assert_int_eq(memo__lex_new(&lx, 0), MEMO_OK);
	size_t n0 = memo__lex_count(lx);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_SLOGAN, "moonshot", 8,
		&id), MEMO_OK);
	ck_assert_uint_eq(id, n0);
	const char *l2 = "circle the drain\tinfl=verb\tw=2";
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_CLICHE, l2, strlen(l2),
		NULL), MEMO_OK);
	const char *l3 = "at this juncture in time\tnow";
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_FILLER, l3, strlen(l3),
		NULL), MEMO_OK);
	/* activity default (infl=verb) applies to added entries */
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_ACTIVITY, "upskill", 7,
		NULL), MEMO_OK);
	/* remove-then-add: the added entry is not blocked */
	ck_assert_int_eq(memo__lex_remove(lx, MEMO__LEX_HEDGE, "should", 6),
		MEMO_OK);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_HEDGE, "should\tw=0.25",
		13, NULL), MEMO_OK);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_HEDGE, "", 0, NULL),
		MEMO_EINVALID);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_HEDGE, "a (b", 4, NULL),
		MEMO_EINVALID);
	ck_assert_int_eq(memo__lex_add(lx, 99, "x", 1, NULL), MEMO_EINVALID);
	ck_assert_int_eq(memo__lex_freeze(lx), MEMO_OK);

	s_match(lx, "A moonshot; we were circling the drain at this juncture "
		"in time; we upskilled; we should.", false, &o);
	S_HAS(o, "slogan:moonshot@1-1;");
	S_HAS(o, "cliche:circle the drain@4-6;");
	S_HAS(o, "filler:at this juncture in time@7-11;");
	S_HAS(o, "activity:upskill@13-13;");
	S_HAS(o, "hedge:should@15-15;");
	for (size_t i = 0; i < o.nhits; i++) {
		if (o.hits[i].cls == MEMO__LEX_CLICHE)
			ck_assert(o.hits[i].weight == 2.0f);
		if (o.hits[i].cls == MEMO__LEX_HEDGE)
			ck_assert(o.hits[i].weight == 0.25f);
		if (o.hits[i].cls == MEMO__LEX_FILLER) {
			const memo__lex_entry *e = memo__lex_entry_at(lx,
				o.hits[i].entry);
			ck_assert_str_eq(e->repl, "now");
			ck_assert(e->flags & MEMO__LEX_F_ADDED);
		}
	}
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_no_match_across_punctuation)
{
	memo__lex *lx = s_builtin();
	s_out o;
	s_match(lx, "It was due to. The fact that it broke.", false, &o);
	S_HASNT(o, "filler:");
	S_HAS(o, "causal:due to@2-3;");
	s_match(lx, "We paid at the cost, of course.", false, &o);
	S_HASNT(o, "tradeoff:at the cost of");
	S_HAS(o, "booster:of course@5-6;");
	s_match(lx, "Do it in order: to win.", false, &o);
	S_HASNT(o, "filler:");
	s_match(lx, "trade\xe2\x80\x94off and trade - off", true, &o);
	ck_assert_uint_eq(o.nhits, 0);
	/* a single hyphen, blanks, a no-break space and one line break
	 * are fine */
	s_match(lx, "trade-off, trade off, trade\xc2\xa0off, trade\n off", true,
		&o);
	ck_assert_uint_eq(o.nhits, 4);
	s_match(lx, "trade\n\noff", true, &o);
	ck_assert_uint_eq(o.nhits, 0);
	memo__lex_free(lx);
}
END_TEST

/* A token struct array with 64-bit offsets and a stride. */
typedef struct s_tok64 {
	uint64_t start;
	uint32_t kind;
	uint64_t end;
} s_tok64;

START_TEST(test_hits_report_exact_token_ranges)
{
	memo__lex *lx = NULL;
	ck_assert_int_eq(memo__lex_new(&lx, MEMO__LEX_NEW_EMPTY), MEMO_OK);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_CAUSAL, "due to", 6,
		NULL), MEMO_OK);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_FILLER,
		"due to the fact that\tbecause", 28, NULL), MEMO_OK);
	ck_assert_int_eq(memo__lex_add(lx, MEMO__LEX_HEDGE, "fact", 4, NULL),
		MEMO_OK);
	ck_assert_int_eq(memo__lex_freeze(lx), MEMO_OK);

	const char *text = "  Due to  the fact that, fact; due to x";
	uint32_t st[32], en[32];
	size_t n = s_tokenize(text, st, en, 32, false);
	ck_assert_uint_eq(n, 9);
	s_tok64 toks[32];
	for (size_t i = 0; i < n; i++) {
		toks[i].start = st[i];
		toks[i].end = en[i];
		toks[i].kind = 7;
	}
	memo__lex_tokens t = {
		.text = text, .text_len = strlen(text),
		.starts = &toks[0].start, .ends = &toks[0].end,
		.stride = sizeof(s_tok64), .width = 8, .n = n,
	};
	s_out o;
	memset(&o, 0, sizeof o);
	o.lx = lx;
	ck_assert_int_eq(memo__lex_match(lx, &t, s_collect, &o), MEMO_OK);
	ck_assert_str_eq(o.buf, "filler:due to the fact that@0-4;"
		"hedge:fact@5-5;causal:due to@6-7;");
	/* the hit's tokens are the text's bytes */
	ck_assert_uint_eq(st[o.hits[0].first], 2);
	ck_assert_uint_eq(en[o.hits[0].last], 23);

	/* a callback can stop matching */
	ck_assert_int_eq(memo__lex_match(lx, &t, s_stop_first, NULL), 42);

	/* bad input */
	t.width = 2;
	ck_assert_int_eq(memo__lex_match(lx, &t, s_collect, &o),
		MEMO_EINVALID);
	t.width = 8;
	toks[3].end = 1000;
	ck_assert_int_eq(memo__lex_match(lx, &t, s_collect, &o),
		MEMO_EINVALID);
	memo__lex_free(lx);
}
END_TEST

START_TEST(test_match_requires_freeze_and_empty_input)
{
	memo__lex *lx = NULL;
	ck_assert_int_eq(memo__lex_new(&lx, MEMO__LEX_NEW_EMPTY), MEMO_OK);
	memo__lex_tokens t;
	memo__lex_tokens_u32(&t, "", 0, NULL, NULL, 0);
	ck_assert_int_eq(memo__lex_match(lx, &t, s_collect, NULL),
		MEMO_EINVALID);
	ck_assert_int_eq(memo__lex_freeze(lx), MEMO_OK);
	ck_assert_int_eq(memo__lex_freeze(lx), MEMO_EINVALID);
	ck_assert_int_eq(memo__lex_match(lx, &t, s_collect, NULL), MEMO_OK);
	memo__lex_free(lx);
	memo__lex_free(NULL);
}
END_TEST

/* Fail each allocation in turn while making a matcher (with a
 * configuration edit, so built at run time, or without one, so loaded
 * from the build-time tables): every path must return ENOMEM and leave
 * nothing behind (run under valgrind/asan to check leaks). */
static void s_oom_walk(bool edits)
{
	bool ok = false;
	for (uint64_t k = 1; k < 1000 && !ok; k++) {
		memo__lex *lx = NULL;
		memo__alloc_fail_at(k);
		int r = memo__lex_new(&lx, 0);
		if (r == MEMO_OK && edits)
			r = memo__lex_add(lx, MEMO__LEX_HEDGE, "blah blah", 9,
				NULL);
		if (r == MEMO_OK && edits)
			r = memo__lex_remove(lx, MEMO__LEX_HEDGE, "may", 3);
		if (r == MEMO_OK)
			r = memo__lex_freeze(lx);
		memo__alloc_fail_at(0);
		ck_assert(r == MEMO_OK || r == MEMO_ENOMEM);
		memo__lex_free(lx);
		ok = r == MEMO_OK;
	}
	ck_assert(ok);
}

START_TEST(test_allocation_failures_are_reported)
{
	s_oom_walk(true);
}
END_TEST

/* ---- the tables frozen at build time ------------------------------------ */

typedef struct s_hits {
	memo__lex_hit *v;
	size_t n, cap;
} s_hits;

static int s_keep(void *ud, const memo__lex_hit *h)
{
	s_hits *o = ud;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 1024;
		o->v = realloc(o->v, o->cap * sizeof *o->v);
		ck_assert_ptr_nonnull(o->v);
	}
	o->v[o->n++] = *h;
	return 0;
}

START_TEST(test_prebuilt_tables_equal_a_runtime_build)
{
	/* An unedited matcher loads the tables memo-lexfreeze made; a
	 * removal of a word no entry has changes nothing but makes freeze()
	 * build them. Both must match every entry the same way. */
	memo__lex *pre = s_builtin(), *run = NULL;
	ck_assert_int_eq(memo__lex_new(&run, 0), MEMO_OK);
	ck_assert_int_eq(memo__lex_remove(run, MEMO__LEX_HEDGE, "zzqx", 4),
		MEMO_OK);
	ck_assert_int_eq(memo__lex_freeze(run), MEMO_OK);
	memo__lex_stats_t a, b;
	memo__lex_stats(pre, &a);
	memo__lex_stats(run, &b);
	ck_assert_uint_eq(a.words, b.words);
	ck_assert_uint_eq(a.nodes, b.nodes);
	ck_assert_uint_eq(a.terms, b.terms);
	ck_assert_uint_eq(a.bytes, b.bytes);
	ck_assert(a.prebuilt);
	ck_assert(!b.prebuilt);
	/* the same tables, slot for slot: hashes, sizes and insertion
	 * order of the build-time freeze are those of a run-time build */
	ck_assert(memo__lex_same_tables(pre, run));
	ck_assert(memo__lex_same_tables(run, pre));
	/* a real edit makes other tables, and leaves the built-in entries
	 * other matchers share as they were */
	memo__lex *ed = NULL;
	ck_assert_int_eq(memo__lex_new(&ed, 0), MEMO_OK);
	ck_assert_int_eq(memo__lex_remove(ed, MEMO__LEX_HEDGE, "may", 3),
		MEMO_OK);
	ck_assert_int_eq(memo__lex_freeze(ed), MEMO_OK);
	ck_assert(!memo__lex_same_tables(pre, ed));
	ck_assert_int_lt(memo__lex_find(ed, MEMO__LEX_HEDGE, "may"), 0);
	ck_assert_int_ge(memo__lex_find(pre, MEMO__LEX_HEDGE, "may"), 0);
	memo__lex_free(ed);

	/* every variant of every entry, plain and with its head word
	 * inflected by the suffixes the matcher knows, one per sentence */
	static const char *const sfx[] = {"", "s", "es", "ed", "d", "ing"};
	size_t cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	ck_assert_ptr_nonnull(text);
	size_t ne = memo__lex_count(pre);
	for (size_t i = 0; i < ne; i++) {
		const memo__lex_entry *e = memo__lex_entry_at(pre, (uint32_t)i);
		const char *err;
		long nv = memo__lexp_check_text(e->text, strlen(e->text), &err);
		ck_assert_int_gt(nv, 0);
		for (long v = 0; v < nv && v < 64; v++) {
			char w[MEMO__LEX_MAX_TEXT];
			size_t n = memo__lexp_variant(e->text, strlen(e->text),
				(size_t)v, w, sizeof w);
			ck_assert_uint_ne(n, (size_t)-1);
			for (size_t k = 0; k < sizeof sfx / sizeof *sfx; k++) {
				if (len + n + 16 > cap) {
					cap *= 2;
					text = realloc(text, cap);
					ck_assert_ptr_nonnull(text);
				}
				memcpy(text + len, w, n);
				len += n;
				len += (size_t)sprintf(text + len, "%s. ", sfx[k]);
			}
		}
	}
	text[len] = 0;
	uint32_t *st = malloc(len * sizeof *st), *en = malloc(len * sizeof *en);
	ck_assert(st && en);
	size_t n = s_tokenize(text, st, en, len, false);
	memo__lex_tokens t;
	memo__lex_tokens_u32(&t, text, len, st, en, n);
	s_hits hp = {0}, hr = {0};
	ck_assert_int_eq(memo__lex_match(pre, &t, s_keep, &hp), MEMO_OK);
	ck_assert_int_eq(memo__lex_match(run, &t, s_keep, &hr), MEMO_OK);
	ck_assert_uint_gt(hp.n, ne);
	ck_assert_uint_eq(hp.n, hr.n);
	for (size_t i = 0; i < hp.n; i++) {
		ck_assert_uint_eq(hp.v[i].entry, hr.v[i].entry);
		ck_assert_uint_eq(hp.v[i].first, hr.v[i].first);
		ck_assert_uint_eq(hp.v[i].last, hr.v[i].last);
		ck_assert_uint_eq(hp.v[i].form, hr.v[i].form);
	}
	for (size_t i = 0; i < n; i++) {
		memo__lex_word wp, wr;
		memo__lex_word_of(pre, text + st[i], en[i] - st[i], &wp);
		memo__lex_word_of(run, text + st[i], en[i] - st[i], &wr);
		ck_assert_uint_eq(wp.id, wr.id);
		ck_assert_uint_eq(wp.root, wr.root);
	}
	free(hp.v);
	free(hr.v);
	free(st);
	free(en);
	free(text);
	memo__lex_free(pre);
	memo__lex_free(run);

	/* allocation failures while loading the tables */
	s_oom_walk(false);
}
END_TEST

/* ---- throughput ---------------------------------------------------------- */

START_TEST(test_throughput)
{
	static const char para[] =
		"Because p99 latency rose from 420 ms to 910 ms after the "
		"March release, we decided to cut the recommendation widget "
		"from the checkout page. We accepted a 0.3% drop in "
		"attach rate in exchange for 12% fewer abandoned carts. "
		"The team collaborated closely with Finance and aligned on "
		"the plan; it is widely believed that this could possibly "
		"help many customers in the near future. Due to the fact "
		"that the vendor will not ship before Q3, we ruled out the "
		"rewrite and will instead deprecate the old API, which "
		"led to a 4% lift. ";
	size_t reps = getenv("MEMO_LEX_BENCH") ? 20000 : 2000;
	size_t plen = sizeof para - 1;
	char *text = malloc(plen * reps + 1);
	ck_assert_ptr_nonnull(text);
	for (size_t i = 0; i < reps; i++)
		memcpy(text + i * plen, para, plen);
	text[plen * reps] = 0;
	size_t cap = plen * reps / 2;
	uint32_t *st = malloc(cap * sizeof *st), *en = malloc(cap * sizeof *en);
	ck_assert(st && en);
	size_t n = s_tokenize(text, st, en, cap, false);

	memo__lex *lx = s_builtin();
	memo__lex_tokens t;
	memo__lex_tokens_u32(&t, text, plen * reps, st, en, n);
	s_out *o = calloc(1, sizeof *o);
	ck_assert_ptr_nonnull(o);
	o->lx = lx;
	struct timespec a, b;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	ck_assert_int_eq(memo__lex_match(lx, &t, s_count, o), MEMO_OK);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	double sec = (double)(b.tv_sec - a.tv_sec) +
		(double)(b.tv_nsec - a.tv_nsec) / 1e9;
	if (sec <= 0)
		sec = 1e-9;
	fprintf(stderr, "lex match: %zu tokens, %zu bytes, %zu hits in %.3f s:"
		" %.1f M tokens/s, %.1f MB/s\n", n, plen * reps, o->nhits, sec,
		(double)n / sec / 1e6, (double)(plen * reps) / sec / 1e6);
	ck_assert_uint_gt(o->nhits, reps * 10);

	/* freeze time of the built-in lexicons */
	memo__lex *lx2 = NULL;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	ck_assert_int_eq(memo__lex_new(&lx2, 0), MEMO_OK);
	ck_assert_int_eq(memo__lex_freeze(lx2), MEMO_OK);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	fprintf(stderr, "lex freeze (built-ins): %.1f ms\n",
		((double)(b.tv_sec - a.tv_sec) +
		(double)(b.tv_nsec - a.tv_nsec) / 1e9) * 1e3);
	memo__lex_free(lx2);
	memo__lex_free(lx);
	free(o);
	free(st);
	free(en);
	free(text);
}
END_TEST

static Suite *s_suite(void)
{
	Suite *s = suite_create("lex");
	TCase *tc = tcase_create("lex");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_data_files_have_licence_header_and_parse);
	tcase_add_test(tc, test_parser_rejects_bad_lines);
	tcase_add_test(tc, test_each_class_matches_in_sentences);
	tcase_add_test(tc, test_commitments_and_months_are_not_plain_hedges);
	tcase_add_test(tc, test_longest_match_wins_across_classes);
	tcase_add_test(tc, test_inflections);
	tcase_add_test(tc, test_case_and_apostrophes);
	tcase_add_test(tc, test_config_remove);
	tcase_add_test(tc, test_config_add);
	tcase_add_test(tc, test_no_match_across_punctuation);
	tcase_add_test(tc, test_hits_report_exact_token_ranges);
	tcase_add_test(tc, test_match_requires_freeze_and_empty_input);
	tcase_add_test(tc, test_allocation_failures_are_reported);
	tcase_add_test(tc, test_prebuilt_tables_equal_a_runtime_build);
	tcase_add_test(tc, test_throughput);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(s_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
