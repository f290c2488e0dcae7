/*
 * analyzer.c - the frozen analyzer: compiled lexicons plus settings.
 */
#include <string.h>

#include "analyze.h"
#include "wordforms.h"

int memo_analyzer_new(memo_analyzer **out, const memo_config *cfg)
{
	memo_config *defaults = NULL;
	int rc;
	if (!out)
		return memo__error_set(MEMO_EINVALID, NULL, NULL, 0, 0,
			"memo_analyzer_new: out is NULL");
	*out = NULL;
	if (!cfg) {
		if ((rc = memo_config_new(&defaults)) != 0)
			return rc;
		cfg = defaults;
	}
	memo_analyzer *an = memo__calloc(1, sizeof *an);
	if (!an) {
		memo_config_free(defaults);
		return memo__error_oom();
	}
	memcpy(an->values, cfg->values, sizeof an->values);
	for (size_t i = 0; i < MEMO__R_COUNT; i++) {
		const memo_rule *rule = memo_rule_at(i);
		an->severity[i] = (uint8_t)(cfg->severity[i] >= 0 ?
			cfg->severity[i] : (int8_t)memo_rule_default_severity(
			rule));
	}
	rc = memo__config_copy(&an->cfg, cfg);
	if (rc == MEMO_OK)
		rc = memo__lex_new(&an->lex, 0);
	for (size_t i = 0; rc == MEMO_OK && i < cfg->nedits; i++) {
		const memo__lexedit *e = &cfg->edits[i];
		if (e->add)
			rc = memo__lex_add(an->lex, e->lexicon, e->entry,
				strlen(e->entry), NULL);
		else
			rc = memo__lex_remove(an->lex, e->lexicon, e->entry,
				strlen(e->entry));
	}
	if (rc == MEMO_OK)
		rc = memo__lex_freeze(an->lex);
	if (rc == MEMO_OK)
		rc = memo__wcache_new(&an->wcache, an->lex);
	if (rc == MEMO_OK && an->severity[MEMO__R_SPELLING] !=
	    MEMO_SEVERITY_NONE)
		rc = memo__spell_new(&an->spell, an->cfg);
	memo_config_free(defaults);
	if (rc != MEMO_OK) {
		memo_analyzer_free(an);
		return rc;
	}
	*out = an;
	return MEMO_OK;
}

void memo_analyzer_free(memo_analyzer *an)
{
	if (!an)
		return;
	memo__wcache_free(an->wcache);
	memo__lex_free(an->lex);
	memo__spell_free(an->spell);
	memo_config_free(an->cfg);
	memo__free(an);
}
