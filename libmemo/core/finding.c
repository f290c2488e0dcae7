/*
 * finding.c - finding accessors (parse warnings and analysis findings).
 */
#include <string.h>

#include "memo_internal.h"

const char *memo_severity_name(memo_severity_t severity)
{
	switch (severity) {
	case MEMO_SEVERITY_INFO: return "info";
	case MEMO_SEVERITY_WARNING: return "warning";
	case MEMO_SEVERITY_ERROR: return "error";
	default: return "none";
	}
}

const char *memo_finding_rule_id(const memo_finding *f)
{
	return f ? f->rule_id : NULL;
}

memo_severity_t memo_finding_severity(const memo_finding *f)
{
	return f ? (memo_severity_t)f->severity : MEMO_SEVERITY_NONE;
}

const char *memo_finding_message(const memo_finding *f)
{
	return f ? f->message : NULL;
}

void memo_finding_range(const memo_finding *f, memo_range *out)
{
	if (!out)
		return;
	memset(out, 0, sizeof *out);
	if (!f)
		return;
	out->start.offset = f->start;
	out->end.offset = f->end;
	const memo_document *doc = f->owner;
	if (doc) {
		memo_document_position(doc, f->start, &out->start);
		memo_document_position(doc, f->end, &out->end);
	}
}

const memo_node *memo_finding_node(const memo_finding *f)
{
	return f ? f->node : NULL;
}

size_t memo_finding_replacement_count(const memo_finding *f)
{
	return f ? f->nreplacements : 0;
}

const char *memo_finding_replacement_at(const memo_finding *f, size_t index)
{
	if (!f || index >= f->nreplacements)
		return NULL;
	return f->replacements[index];
}
