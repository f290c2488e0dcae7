/*
 * error.c - the thread-local last error and status names.
 */
#include <stdio.h>
#include <string.h>

#include "memo_internal.h"

struct memo_error {
	int code;
	uint32_t line, column;
	char file[512];
	char part[256];
	char message[1536];
};

static _Thread_local struct memo_error s_err;

const memo_error *memo_error_last(void)
{
	return &s_err;
}

void memo_error_clear(void)
{
	s_err.code = MEMO_OK;
	s_err.line = s_err.column = 0;
	s_err.file[0] = s_err.part[0] = s_err.message[0] = '\0';
}

int memo_error_code(const memo_error *err)
{
	return err ? err->code : MEMO_OK;
}

const char *memo_error_message(const memo_error *err)
{
	return err ? err->message : "";
}

const char *memo_error_file(const memo_error *err)
{
	return err && err->file[0] ? err->file : NULL;
}

const char *memo_error_part(const memo_error *err)
{
	return err && err->part[0] ? err->part : NULL;
}

uint32_t memo_error_line(const memo_error *err)
{
	return err ? err->line : 0;
}

uint32_t memo_error_column(const memo_error *err)
{
	return err ? err->column : 0;
}

const char *memo_status_str(int status)
{
	switch (status) {
	case MEMO_OK: return "MEMO_OK";
	case MEMO_ERROR: return "MEMO_ERROR";
	case MEMO_ENOMEM: return "MEMO_ENOMEM";
	case MEMO_EIO: return "MEMO_EIO";
	case MEMO_EFORMAT: return "MEMO_EFORMAT";
	case MEMO_EUNSUPPORTED: return "MEMO_EUNSUPPORTED";
	case MEMO_ELIMIT: return "MEMO_ELIMIT";
	case MEMO_EINVALID: return "MEMO_EINVALID";
	case MEMO_ENOTFOUND: return "MEMO_ENOTFOUND";
	default: return "MEMO_UNKNOWN";
	}
}

static void s_copy(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

int memo__error_set(int code, const char *file, const char *part,
	uint32_t line, uint32_t col, const char *fmt, ...)
{
	char detail[1024];
	va_list ap;
	size_t n = 0;

	s_err.code = code;
	s_err.line = line;
	s_err.column = col;
	s_copy(s_err.file, sizeof s_err.file, file);
	s_copy(s_err.part, sizeof s_err.part, part);

	va_start(ap, fmt);
	vsnprintf(detail, sizeof detail, fmt, ap);
	va_end(ap);

	/* "file: part:line:col: detail", leaving out what is unknown. */
	if (file)
		n += (size_t)snprintf(s_err.message + n, sizeof s_err.message - n,
			"%s: ", file);
	if (n < sizeof s_err.message && part) {
		if (line && col)
			n += (size_t)snprintf(s_err.message + n,
				sizeof s_err.message - n, "%s:%u:%u: ", part,
				(unsigned)line, (unsigned)col);
		else if (line)
			n += (size_t)snprintf(s_err.message + n,
				sizeof s_err.message - n, "%s:%u: ", part,
				(unsigned)line);
		else
			n += (size_t)snprintf(s_err.message + n,
				sizeof s_err.message - n, "%s: ", part);
	} else if (n < sizeof s_err.message && line) {
		if (col)
			n += (size_t)snprintf(s_err.message + n,
				sizeof s_err.message - n, "line %u, column %u: ",
				(unsigned)line, (unsigned)col);
		else
			n += (size_t)snprintf(s_err.message + n,
				sizeof s_err.message - n, "line %u: ",
				(unsigned)line);
	}
	if (n < sizeof s_err.message)
		snprintf(s_err.message + n, sizeof s_err.message - n, "%s",
			detail);
	return code;
}

int memo__error_oom(void)
{
	return memo__error_set(MEMO_ENOMEM, NULL, NULL, 0, 0, "out of memory");
}
