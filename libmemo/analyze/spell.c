/*
 * spell.c - spelling through a pool of hunspell handles.
 * (Being written: spelling is off for now.)
 */
#include "analyze.h"

int memo__spell_new(struct memo__spell **out, const memo_config *cfg)
{
	(void)cfg;
	*out = NULL;
	return MEMO_OK;
}

void memo__spell_free(struct memo__spell *sp)
{
	(void)sp;
}

int memo__spell_check(memo_report *r)
{
	(void)r;
	return MEMO_OK;
}
