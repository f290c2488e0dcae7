/*
 * version.c - run-time version queries.
 */
#include "memo_internal.h"

uint32_t memo_version(void)
{
	return MEMO_VERSION_NUMBER;
}

const char *memo_version_string(void)
{
	return MEMO_VERSION_STRING;
}
