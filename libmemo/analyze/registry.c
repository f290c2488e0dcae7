/*
 * registry.c - the metric registry and the configuration keys.
 */
#include <string.h>

#include "analyze.h"

typedef struct s_metric {
	const char *id, *name, *group, *def;
} s_metric;

static const s_metric s_metrics[] = {
#define M(e, id, name, group, def) { id, name, group, def },
#include "metrics.def"
#undef M
};

size_t memo_metric_count(void)
{
	return MEMO__M_COUNT;
}

const char *memo_metric_id(size_t i)
{
	return i < MEMO__M_COUNT ? s_metrics[i].id : NULL;
}

const char *memo_metric_name(size_t i)
{
	return i < MEMO__M_COUNT ? s_metrics[i].name : NULL;
}

const char *memo_metric_description(size_t i)
{
	return i < MEMO__M_COUNT ? s_metrics[i].def : NULL;
}

const char *memo_metric_group(size_t i)
{
	return i < MEMO__M_COUNT ? s_metrics[i].group : NULL;
}

int memo_metric_lookup(const char *id, size_t *index_out)
{
	if (id)
		for (size_t i = 0; i < MEMO__M_COUNT; i++)
			if (strcmp(s_metrics[i].id, id) == 0) {
				if (index_out)
					*index_out = i;
				return MEMO_OK;
			}
	return memo__error_set(MEMO_ENOTFOUND, NULL, NULL, 0, 0,
		"unknown metric '%s'", id ? id : "(null)");
}
