/*
 * memo/node.h - the section tree and its iterator.
 *
 * Include <memo.h> rather than this file.
 *
 * A document is a tree: DOCUMENT -> preamble blocks, then SECTION nodes
 * (a heading and everything until the next heading of the same or a
 * higher level), each holding a HEADING, blocks and nested sections.
 * Blocks are PARAGRAPH, LIST (of ITEM), TABLE (of ROW, of CELL), QUOTE and
 * CODE. Text lives in PARAGRAPH, HEADING and CODE nodes ("text nodes").
 * Footnotes, endnotes and comments hang off a separate NOTES root.
 *
 * Nodes are borrowed from their document and live exactly as long as it.
 */
#ifndef MEMO_NODE_H
#define MEMO_NODE_H

#include "common.h"
#include "document.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Node types. Append only: callers must accept values they do not know. */
typedef enum memo_node_type_t {
	MEMO_NODE_NONE = 0,      /**< returned for a NULL node */
	MEMO_NODE_DOCUMENT = 1,
	MEMO_NODE_SECTION = 2,   /**< a heading plus what it governs */
	MEMO_NODE_HEADING = 3,
	MEMO_NODE_PARAGRAPH = 4,
	MEMO_NODE_LIST = 5,
	MEMO_NODE_ITEM = 6,
	MEMO_NODE_TABLE = 7,
	MEMO_NODE_ROW = 8,
	MEMO_NODE_CELL = 9,
	MEMO_NODE_QUOTE = 10,
	MEMO_NODE_CODE = 11,     /**< code block; never prose */
	MEMO_NODE_NOTES = 12,    /**< root of footnotes, endnotes, comments */
	MEMO_NODE_NOTE = 13      /**< one footnote, endnote or comment */
} memo_node_type_t;

/** Node flags, see memo_node_flags(). */
#define MEMO_NODE_FLAG_ORDERED   0x0001u /**< LIST: numbered */
#define MEMO_NODE_FLAG_TASK      0x0002u /**< ITEM: a task-list item */
#define MEMO_NODE_FLAG_CHECKED   0x0004u /**< ITEM: a checked task */
#define MEMO_NODE_FLAG_HEADER    0x0008u /**< ROW/CELL: table header */
#define MEMO_NODE_FLAG_FOOTNOTE  0x0010u /**< NOTE: footnote */
#define MEMO_NODE_FLAG_ENDNOTE   0x0020u /**< NOTE: endnote */
#define MEMO_NODE_FLAG_COMMENT   0x0040u /**< NOTE: reviewer comment */
#define MEMO_NODE_FLAG_PROMOTED  0x0080u /**< HEADING: promoted bold line */
#define MEMO_NODE_FLAG_PREAMBLE  0x0100u /**< block before the first heading */
#define MEMO_NODE_FLAG_HAS_CODE  0x0200u /**< text node with inline code */
#define MEMO_NODE_FLAG_TEXTBOX   0x0400u /**< docx: text from a text box */

/** The node's type; MEMO_NODE_NONE for NULL. */
MEMO_EXTERN(memo_node_type_t) memo_node_type(const memo_node *node);

/** "document", "section", ...; "none" for an unknown type. Static. */
MEMO_EXTERN(const char *) memo_node_type_name(memo_node_type_t type);

/** MEMO_NODE_FLAG_* bits of the node; 0 for NULL. */
MEMO_EXTERN(uint32_t) memo_node_flags(const memo_node *node);

/** The parent, or NULL for a root or a NULL node. Borrowed. */
MEMO_EXTERN(const memo_node *) memo_node_parent(const memo_node *node);
/** The first child, or NULL. Borrowed. */
MEMO_EXTERN(const memo_node *) memo_node_first_child(const memo_node *node);
/** The last child, or NULL. Borrowed. */
MEMO_EXTERN(const memo_node *) memo_node_last_child(const memo_node *node);
/** The next sibling, or NULL. Borrowed. */
MEMO_EXTERN(const memo_node *) memo_node_next(const memo_node *node);
/** The previous sibling, or NULL. Borrowed. */
MEMO_EXTERN(const memo_node *) memo_node_prev(const memo_node *node);
/** Number of children. */
MEMO_EXTERN(size_t) memo_node_child_count(const memo_node *node);

/** The document root (type DOCUMENT). Never NULL for a valid document. */
MEMO_EXTERN(const memo_node *) memo_document_root(const memo_document *doc);

/** The NOTES root (footnotes, endnotes, comments), or NULL if none. */
MEMO_EXTERN(const memo_node *) memo_document_notes(const memo_document *doc);

/**
 * Heading level: 1..9 for SECTION and HEADING nodes, the nesting depth
 * (1 = outermost) for LIST and ITEM nodes, 0 otherwise.
 */
MEMO_EXTERN(int) memo_node_level(const memo_node *node);

/**
 * The title of a SECTION or HEADING (the heading's text), else NULL.
 * Borrowed, NUL-terminated; @p len_out may be NULL.
 */
MEMO_EXTERN(const char *) memo_node_title(const memo_node *node,
	size_t *len_out);

/**
 * The plain text of a text node (PARAGRAPH, HEADING, CODE), without markup:
 * soft line breaks become spaces, hard breaks "\n", entities are decoded,
 * inline code keeps its content. NULL for other nodes. Borrowed,
 * NUL-terminated; @p len_out may be NULL.
 */
MEMO_EXTERN(const char *) memo_node_text(const memo_node *node,
	size_t *len_out);

/** Number of spans that map the node's text to the document text. */
MEMO_EXTERN(size_t) memo_node_span_count(const memo_node *node);

/**
 * Span @p index of the node's text. Returns MEMO_EINVALID when out of
 * range. Spans are in text order and cover the node's text without gaps.
 */
MEMO_EXTERN(int) memo_node_span_at(const memo_node *node, size_t index,
	memo_span *out);

/**
 * Map a byte offset in the node's text to a byte offset in the document
 * text. An offset inside a non-verbatim span maps to the span's start;
 * the offset equal to the text length maps to the end of the last span.
 * Returns MEMO_EINVALID when @p text_offset is past the text's end or the
 * node has no text.
 */
MEMO_EXTERN(int) memo_node_text_to_doc(const memo_node *node,
	uint64_t text_offset, uint64_t *out);

/**
 * The node's half-open range in the document text, with lines and
 * columns. A SECTION runs from its heading to the next heading of the
 * same or a higher level. A NULL node gives an all-zero range.
 */
MEMO_EXTERN(void) memo_node_range(const memo_node *node, memo_range *out);

/** memo_node_word_count() flag: leave out nested SECTION nodes. */
#define MEMO_WORDS_OWN 0x0001u

/**
 * Prose words in the subtree at @p node: words of PARAGRAPH text (code
 * blocks and headings are not prose). A word is a run of letters and
 * digits, with inner apostrophes, hyphens, periods and commas. With
 * MEMO_WORDS_OWN, nested sections are left out (a section's own words).
 * 0 for NULL. This is the outline's count; the analyzer's tokenizer gives
 * the metrics' count.
 */
MEMO_EXTERN(size_t) memo_node_word_count(const memo_node *node,
	uint32_t flags);

/** For LIST nodes: the first number of an ordered list, else 0. */
MEMO_EXTERN(uint32_t) memo_node_list_start(const memo_node *node);

/** Tree-walk events. */
typedef enum memo_event_t {
	MEMO_EVENT_NONE = 0,
	MEMO_EVENT_DONE = 1,  /**< the walk is over */
	MEMO_EVENT_ENTER = 2, /**< entering a node (leaves get only this) */
	MEMO_EVENT_EXIT = 3   /**< leaving a node that has children */
} memo_event_t;

/** A cursor over a subtree. Belongs to one thread at a time. */
typedef struct memo_iter memo_iter;

/** Report every node type. */
#define MEMO_ITER_ALL 0u
/** Mask bit that selects one node type; OR several together. */
#define MEMO_ITER_ONLY(type) (1u << (type))

/**
 * Start a walk of the subtree at @p root. With a non-zero @p type_mask
 * only nodes whose type bit is set are reported (their descendants are
 * still visited).
 * @ownership caller-frees *out with memo_iter_free(); it must not outlive
 * the document. Returns MEMO_EINVALID for a NULL root, MEMO_ENOMEM.
 */
MEMO_EXTERN(int) memo_iter_new(memo_iter **out, const memo_node *root,
	uint32_t type_mask);

/** Advance: ENTER or EXIT for the next node, DONE at the end. */
MEMO_EXTERN(memo_event_t) memo_iter_next(memo_iter *iter);

/** The node of the last ENTER or EXIT event, or NULL. Borrowed. */
MEMO_EXTERN(const memo_node *) memo_iter_node(const memo_iter *iter);

/** Free the iterator. NULL-safe. */
MEMO_EXTERN(void) memo_iter_free(memo_iter *iter);

#ifdef __cplusplus
}
#endif

#endif /* MEMO_NODE_H */
