/*
 * memo/error.h - status codes and the thread-local last error.
 *
 * Include <memo.h> rather than this file.
 */
#ifndef MEMO_ERROR_H
#define MEMO_ERROR_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Status codes. Every function that can fail returns int: MEMO_OK (0) or
 * one of these negative values. The values are fixed forever; new codes
 * are only appended.
 */
typedef enum memo_status_t {
	MEMO_OK = 0,
	MEMO_ERROR = -1,       /**< unclassified failure: read the message */
	MEMO_ENOMEM = -2,      /**< an allocation failed */
	MEMO_EIO = -3,         /**< the file could not be opened or read */
	MEMO_EFORMAT = -4,     /**< malformed input: broken zip, bad XML */
	MEMO_EUNSUPPORTED = -5,/**< well-formed input libmemo refuses:
	                            encrypted package, legacy .doc, lock file */
	MEMO_ELIMIT = -6,      /**< a size, depth, count or ratio limit hit */
	MEMO_EINVALID = -7,    /**< bad argument, unknown flag or version */
	MEMO_ENOTFOUND = -8    /**< a lookup found nothing */
} memo_status_t;

/** The details of the last error raised on a thread. Opaque. */
typedef struct memo_error memo_error;

/**
 * The last error raised on the calling thread.
 *
 * Never NULL: when no error happened, its code is MEMO_OK and its message
 * is empty. Borrowed: valid until the next libmemo call on this thread.
 * Each thread has its own.
 */
MEMO_EXTERN(const memo_error *) memo_error_last(void);

/** The status code of @p err (a memo_status_t); MEMO_OK for NULL. */
MEMO_EXTERN(int) memo_error_code(const memo_error *err);

/**
 * A one-line English message naming the file, and where it applies the
 * part and line ("memo.docx: word/document.xml:12:4: ..."). Never NULL.
 */
MEMO_EXTERN(const char *) memo_error_message(const memo_error *err);

/** The file the error is about, or NULL when unknown. */
MEMO_EXTERN(const char *) memo_error_file(const memo_error *err);

/** The package part ("word/document.xml") the error is in, or NULL. */
MEMO_EXTERN(const char *) memo_error_part(const memo_error *err);

/** 1-based line inside the part or Markdown input; 0 when unknown. */
MEMO_EXTERN(uint32_t) memo_error_line(const memo_error *err);

/** 1-based column inside that line; 0 when unknown. */
MEMO_EXTERN(uint32_t) memo_error_column(const memo_error *err);

/**
 * The static name of a status code ("MEMO_EFORMAT"); "MEMO_UNKNOWN" for a
 * value that is not a status. Never NULL.
 */
MEMO_EXTERN(const char *) memo_status_str(int status);

/** Reset the calling thread's last error to MEMO_OK. */
MEMO_EXTERN(void) memo_error_clear(void);

#ifdef __cplusplus
}
#endif

#endif /* MEMO_ERROR_H */
