/*
 * rules.c - the rule registry, and findings: from annotations and
 * sentence measures, filtered by configuration and inline comments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

struct memo_rule {
	const char *id;
	memo_severity_t severity;
	const char *summary;
	const char *description;
};

static const struct memo_rule s_rules[MEMO__R_COUNT] = {
#define R(e, id, sev, summary, desc) \
	{ id, MEMO_SEVERITY_##sev, summary, desc },
#include "rules.def"
#undef R
};

size_t memo_rule_count(void)
{
	return MEMO__R_COUNT;
}

const memo_rule *memo_rule_at(size_t index)
{
	return index < MEMO__R_COUNT ? &s_rules[index] : NULL;
}

int memo__rule_index(const char *id)
{
	if (id)
		for (size_t i = 0; i < MEMO__R_COUNT; i++)
			if (strcmp(s_rules[i].id, id) == 0)
				return (int)i;
	return -1;
}

const memo_rule *memo_rule_lookup(const char *rule_id)
{
	int i = memo__rule_index(rule_id);
	return i < 0 ? NULL : &s_rules[i];
}

const char *memo_rule_id(const memo_rule *rule)
{
	return rule ? rule->id : NULL;
}

const char *memo_rule_summary(const memo_rule *rule)
{
	return rule ? rule->summary : NULL;
}

const char *memo_rule_description(const memo_rule *rule)
{
	return rule ? rule->description : NULL;
}

memo_severity_t memo_rule_default_severity(const memo_rule *rule)
{
	return rule ? rule->severity : MEMO_SEVERITY_NONE;
}

int memo_config_set_rule(memo_config *cfg, const char *rule_id,
	memo_severity_t severity)
{
	if (!cfg || !rule_id || (unsigned)severity > MEMO_SEVERITY_ERROR)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_config_set_rule: bad argument");
	size_t n = strlen(rule_id);
	bool family = n >= 2 && strcmp(rule_id + n - 2, ".*") == 0;
	bool any = false;
	for (size_t i = 0; i < MEMO__R_COUNT; i++) {
		const char *id = s_rules[i].id;
		bool match = family ? strncmp(id, rule_id, n - 1) == 0 ||
			(strncmp(id, rule_id, n - 2) == 0 && id[n - 2] == '\0') :
			strcmp(id, rule_id) == 0;
		if (match) {
			cfg->severity[i] = (int8_t)severity;
			any = true;
		}
	}
	if (!any)
		return memo__error_set(MEMO_ENOTFOUND, NULL, NULL, 0, 0,
			"unknown rule '%s'", rule_id);
	return MEMO_OK;
}

/* ---- findings ----------------------------------------------------------- */

int memo__report_add_finding(memo_report *r, int rule, uint64_t start,
	uint64_t end, const memo_node *node, const char *repl,
	const char *fmt, ...)
{
	if (rule < 0 || rule >= MEMO__R_COUNT)
		return MEMO_OK;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return memo__report_add_finding_text(r, rule, start, end, node, repl,
		msg);
}

int memo__report_add_finding_text(memo_report *r, int rule, uint64_t start,
	uint64_t end, const memo_node *node, const char *repl,
	const char *msg)
{
	if (rule < 0 || rule >= MEMO__R_COUNT)
		return MEMO_OK;
	memo_severity_t sev = r->an ? (memo_severity_t)r->an->severity[rule] :
		s_rules[rule].severity;
	if (sev == MEMO_SEVERITY_NONE)
		return MEMO_OK;
	if (r->nfindings == r->capfindings) {
		size_t cap = r->capfindings ? r->capfindings * 2 : 64;
		memo_finding *f = memo__realloc(r->findings, cap * sizeof *f);
		if (!f)
			return memo__error_oom();
		r->findings = f;
		r->capfindings = cap;
	}
	memo_finding *f = &r->findings[r->nfindings];
	memset(f, 0, sizeof *f);
	f->rule_id = s_rules[rule].id;
	f->severity = (uint32_t)sev;
	f->message = memo__arena_strndup(&r->arena, msg, strlen(msg));
	if (!f->message)
		return memo__error_oom();
	f->start = start;
	f->end = end < start ? start : end;
	f->node = node;
	f->owner = r->doc;
	if (repl) {
		/* '|' separates alternatives; "" means "delete". */
		size_t n = 1;
		for (const char *p = repl; *p; p++)
			n += *p == '|';
		const char **v = memo__arena_alloc(&r->arena, n * sizeof *v);
		if (!v)
			return memo__error_oom();
		size_t k = 0;
		const char *p = repl;
		for (;;) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			v[k] = memo__arena_strndup(&r->arena, p, len);
			if (!v[k])
				return memo__error_oom();
			k++;
			if (!bar)
				break;
			p = bar + 1;
		}
		f->replacements = v;
		f->nreplacements = k;
	}
	r->nfindings++;
	return MEMO_OK;
}

/* The length of an annotation's text for messages: at most 60 bytes,
 * cut at a character boundary so the message stays valid UTF-8. */
static int s_quote(const memo_report *r, const memo_annotation *a)
{
	size_t n = (size_t)(a->end - a->start);
	if (n > 60) {
		const unsigned char *t = (const unsigned char *)r->doc->text +
			a->start;
		n = 60;
		while (n > 0 && (t[n] & 0xC0) == 0x80)
			n--;
	}
	return (int)n;
}

/* Is rule on in the report's configuration? (memo__report_add_finding
 * drops the findings of a rule that is off.) */
static bool s_rule_on(const memo_report *r, int rule)
{
	return (r->an ? (memo_severity_t)r->an->severity[rule] :
		s_rules[rule].severity) != MEMO_SEVERITY_NONE;
}

/* A message built in a fixed buffer, cut as snprintf cuts it. */
typedef struct s_msgbuf {
	char *p;
	size_t cap, n;
} s_msgbuf;

static void s_put(s_msgbuf *m, const char *s, size_t len)
{
	if (len > m->cap - 1 - m->n)
		len = m->cap - 1 - m->n;
	memcpy(m->p + m->n, s, len);
	m->n += len;
}

/* vague.adjective is the intensified comparison ("much faster", "greatly
 * improved": kind=comparative in vague.txt); quantities, intensifiers
 * alone ("significantly"), lists and entries added with no kind are
 * vague.quantity (RULES.md 2). */
static bool s_is_adjective_kind(const char *sub)
{
	return sub && strcmp(sub, "comparative") == 0;
}

int memo__findings_from_annotations(memo_report *r)
{
	const char *t = r->doc->text;
	int rc;
	/* the document's parse warnings first */
	for (size_t i = 0; i < r->doc->nwarnings; i++) {
		const memo_finding *w = &r->doc->warnings[i];
		int rule = memo__rule_index(w->rule_id);
		if (rule < 0)
			continue;
		if ((rc = memo__report_add_finding_text(r, rule, w->start,
			w->end, w->node, NULL, w->message)) != 0)
			return rc;
	}
	for (size_t si = 0; si < r->nsents; si++) {
		const memo__sent *s = &r->sents[si];
		if (s->words > r->max_words &&
		    (rc = memo__report_add_finding(r, MEMO__R_LENGTH_SENTENCE,
			s->start, s->end, s->node, NULL,
			"sentence of %u words (limit %g): split it",
			(unsigned)s->words, r->max_words)) != 0)
			return rc;
		size_t hedges = 0;
		for (size_t k = 0; k < s->ann_count; k++)
			hedges += r->anns[s->ann_first + k].kind ==
				MEMO__K_HEDGE || r->anns[s->ann_first +
				k].kind == MEMO__K_APPROXIMATOR;
		if (hedges >= 2 &&
		    (rc = memo__report_add_finding(r, MEMO__R_HEDGE_STACKED,
			s->start, s->end, s->node, NULL,
			"%zu hedges in one sentence: keep one claim", hedges))
			!= 0)
			return rc;
		for (size_t k = 0; k < s->ann_count; k++) {
			const memo_annotation *a = &r->anns[s->ann_first + k];
			int rule = -1;
			const char *pre = "\"", *mid = "", *repl = NULL;
			const char *with = NULL; /* a replacement in the text */
			switch ((memo__kind)a->kind) {
			case MEMO__K_HEDGE:
			case MEMO__K_APPROXIMATOR: /* a hedge of degree */
				rule = MEMO__R_HEDGE;
				pre = "hedge \"";
				mid = "\": commit to the claim or give a number";
				break;
			case MEMO__K_BOOSTER:
				if (s->metric)
					break;
				rule = MEMO__R_CERTAINTY_UNSUPPORTED;
				mid = "\" with no data: give the number instead";
				break;
			case MEMO__K_VAGUE:
			case MEMO__K_AMOUNT: /* not about a claim's source */
				rule = s_is_adjective_kind(a->subkind) ?
					MEMO__R_VAGUE_ADJECTIVE :
					MEMO__R_VAGUE_QUANTITY;
				pre = "vague \"";
				mid = "\": say how many or how much";
				break;
			case MEMO__K_FREQUENCY:
				rule = MEMO__R_VAGUE_QUANTITY;
				pre = "vague \"";
				mid = "\": say how often or when";
				break;
			case MEMO__K_ATTRIBUTION:
				rule = MEMO__R_VAGUE_ATTRIBUTION;
				mid = "\": name the source";
				break;
			case MEMO__K_FILLER:
				rule = MEMO__R_PADDING_PHRASE;
				repl = a->replacement;
				if (repl && *repl) {
					mid = "\": write \"";
					with = repl;
				} else {
					mid = "\": delete it";
				}
				break;
			case MEMO__K_NOMINALIZATION:
				rule = MEMO__R_PADDING_NOMINALIZATION;
				repl = a->replacement;
				if (repl) {
					mid = "\" hides a verb: write \"";
					with = repl;
				} else {
					mid = "\" hides a verb";
				}
				break;
			case MEMO__K_PASSIVE:
				rule = MEMO__R_PADDING_PASSIVE;
				pre = "passive \"";
				mid = "\": name who acts";
				break;
			case MEMO__K_AGENTLESS:
				rule = MEMO__R_PADDING_PASSIVE_DECISION;
				mid = "\": who decided?";
				break;
			case MEMO__K_ADVERB:
				rule = MEMO__R_PADDING_ADVERB;
				repl = "";
				mid = "\" adds nothing: delete it";
				break;
			case MEMO__K_CLICHE:
				rule = MEMO__R_PADDING_CLICHE;
				pre = "cliche \"";
				mid = "\": say what you mean";
				break;
			case MEMO__K_REPEATED:
				rule = MEMO__R_PADDING_REPEATED_WORD;
				mid = "\" repeated";
				break;
			case MEMO__K_ACTIVITY:
				rule = MEMO__R_ACTIVITY;
				mid = "\" narrates activity: say what changed or "
					"was decided";
				break;
			case MEMO__K_SLOGAN:
				rule = MEMO__R_SLOGAN;
				mid = "\" with no evidence: show the number or the "
					"customer failure";
				break;
			case MEMO__K_ACRONYM:
				rule = MEMO__R_ACRONYM_UNDEFINED;
				mid = "\" is used before it is defined";
				break;
			default:
				break;
			}
			if (rule < 0 || !s_rule_on(r, rule))
				continue;
			/* pre "quote" mid [with "] */
			char msg[256];
			s_msgbuf m = { msg, sizeof msg, 0 };
			s_put(&m, pre, strlen(pre));
			s_put(&m, t + a->start, (size_t)s_quote(r, a));
			s_put(&m, mid, strlen(mid));
			if (with) {
				s_put(&m, with, strlen(with));
				s_put(&m, "\"", 1);
			}
			m.p[m.n] = '\0';
			if ((rc = memo__report_add_finding_text(r, rule,
				a->start, a->end, s->node, repl, msg)) != 0)
				return rc;
		}
	}
	return MEMO_OK;
}

/* ---- inline control --------------------------------------------------------
 * <!-- memo-disable RULE[, RULE...] -->  turns rules off until
 * <!-- memo-enable RULE... -->; with no rule, every rule.
 * <!-- memo-disable-next-line RULE... --> turns them off on the next line.
 * A rule may end in ".*" to name a family.
 */

typedef struct s_span {
	uint64_t start, end;
	const char *rules;     /* the comment's rule list (may be "") */
} s_span;

static bool s_rule_in_list(const char *id, const char *list)
{
	const char *p = list;
	bool any = false;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		const char *q = p;
		while (*q && *q != ' ' && *q != ',' && *q != '\t')
			q++;
		size_t n = (size_t)(q - p);
		if (n) {
			any = true;
			if (n >= 2 && p[n - 2] == '.' && p[n - 1] == '*') {
				if (strncmp(id, p, n - 1) == 0 ||
				    (strncmp(id, p, n - 2) == 0 &&
				     id[n - 2] == '\0'))
					return true;
			} else if (strlen(id) == n && strncmp(id, p, n) == 0) {
				return true;
			}
		}
		p = q;
	}
	return !any; /* an empty list means every rule */
}

static const char *s_directive(const char *body, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(body, word, n) != 0)
		return NULL;
	if (body[n] != '\0' && body[n] != ' ' && body[n] != '\t')
		return NULL;
	return body + n;
}

/* Drop findings silenced by inline comments. */
static int s_apply_inline(memo_report *r)
{
	const memo_document *doc = r->doc;
	if (doc->ncomments == 0 || r->nfindings == 0)
		return MEMO_OK;
	s_span *spans = memo__calloc(doc->ncomments, sizeof *spans);
	if (!spans)
		return memo__error_oom();
	size_t nspans = 0;
	for (size_t i = 0; i < doc->ncomments; i++) {
		const memo__comment *c = &doc->comments[i];
		const char *rest;
		if ((rest = s_directive(c->body, "memo-disable-next-line"))) {
			memo_pos p;
			memo_document_position(doc, c->end, &p);
			/* the next line: from the line after the comment */
			size_t line = p.line; /* 1-based: index of next line */
			if (line < doc->nlines) {
				spans[nspans].start = doc->line_starts[line];
				spans[nspans].end = line + 1 < doc->nlines ?
					doc->line_starts[line + 1] :
					doc->text_len;
				spans[nspans].rules = rest;
				nspans++;
			}
		} else if ((rest = s_directive(c->body, "memo-disable"))) {
			/* until a matching enable, or the end */
			uint64_t end = doc->text_len;
			for (size_t j = i + 1; j < doc->ncomments; j++) {
				const char *en = s_directive(
					doc->comments[j].body, "memo-enable");
				if (en) {
					end = doc->comments[j].start;
					break;
				}
			}
			spans[nspans].start = c->end;
			spans[nspans].end = end;
			spans[nspans].rules = rest;
			nspans++;
		}
	}
	size_t out = 0;
	for (size_t i = 0; i < r->nfindings; i++) {
		const memo_finding *f = &r->findings[i];
		bool off = false;
		for (size_t k = 0; k < nspans && !off; k++)
			off = f->start >= spans[k].start &&
				f->start < spans[k].end &&
				s_rule_in_list(f->rule_id, spans[k].rules);
		if (!off)
			r->findings[out++] = *f;
	}
	r->nfindings = out;
	memo__free(spans);
	return MEMO_OK;
}

static int s_cmp_finding(const void *a, const void *b)
{
	const memo_finding *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return strcmp(x->rule_id, y->rule_id);
}

int memo__findings_finish(memo_report *r)
{
	int rc = s_apply_inline(r);
	if (rc)
		return rc;
	if (r->nfindings)
		qsort(r->findings, r->nfindings, sizeof *r->findings,
			s_cmp_finding);
	return MEMO_OK;
}

size_t memo_report_finding_count(const memo_report *r)
{
	return r ? r->nfindings : 0;
}

const memo_finding *memo_report_finding_at(const memo_report *r, size_t i)
{
	return r && i < r->nfindings ? &r->findings[i] : NULL;
}
