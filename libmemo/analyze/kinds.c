/*
 * kinds.c - document kinds: detection and template checks.
 * (Being written: for now every document is "generic" with no template.)
 */
#include "analyze.h"

int memo__kinds_check(memo_report *r)
{
	r->kind = "generic";
	r->kind_source = "detected";
	r->template_coverage = 1.0;
	r->page_budget = 0;
	return MEMO_OK;
}

const char *memo_report_kind(const memo_report *r)
{
	return r ? r->kind : NULL;
}

const char *memo_report_kind_source(const memo_report *r)
{
	return r ? r->kind_source : NULL;
}
