/*
 * text.h - internal text analysis: sentences, tokens, syllables,
 * readability. Never installed. Each engineer keeps to their own block.
 */
#ifndef MEMO_TEXT_H
#define MEMO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ==== sentences / tokens (sentences.c, tokens.c) ==========================
 * Owner: sentences/tokens. Pure functions over one block's plain UTF-8
 * text (a paragraph, list item or table cell; never a heading). Offsets
 * are byte offsets relative to the string passed in, half-open. Inputs
 * longer than UINT32_MAX bytes are refused with MEMO_ELIMIT. Invalid
 * UTF-8 never crashes: a bad byte is one symbol character.
 */

/* ---- character classes (shared by the text modules) ---------------------
 * Letters beyond ASCII use a compact rule: every code point >= U+00C0 is a
 * letter unless it is ×/÷, a space (U+00A0 and U+1680, U+2000-U+200A,
 * U+2028/9, U+202F, U+205F, U+3000, U+FEFF, U+200B), or in a punctuation or
 * symbol block: General Punctuation U+2000-U+206F, currency U+20A0-U+20CF,
 * letterlike/number forms/arrows/math/technical/box/shapes/dingbats
 * U+2100-U+2BFF, Supplemental Punctuation U+2E00-U+2E7F, CJK punctuation
 * U+3000-U+303F, U+FE10-U+FE6F, fullwidth punctuation (U+FF00-U+FF0F,
 * U+FF1A-U+FF20, U+FF3B-U+FF40, U+FF5B-U+FF65), specials U+FFF0-U+FFFF,
 * private use U+E000-U+F8FF and emoji/symbols U+1F000-U+1FAFF. Combining
 * marks and letters of every script are therefore letters; digits of
 * other scripts count as letters (both are "alphanumeric" for words).
 * Upper/lower case is known for Latin-1, Latin Extended-A, Greek and
 * Cyrillic; other letters are caseless.
 */
#define MEMO__CC_SPACE  0x01u /* white space (incl. NBSP, U+202F) */
#define MEMO__CC_NL     0x02u /* line break: \n \r U+0085 U+2028 U+2029 */
#define MEMO__CC_LETTER 0x04u
#define MEMO__CC_DIGIT  0x08u /* ASCII 0-9 only */
#define MEMO__CC_UPPER  0x10u
#define MEMO__CC_LOWER  0x20u
#define MEMO__CC_PUNCT  0x40u /* punctuation or symbol */

/* Decode one code point at s[0..len) (len >= 1). Returns its byte length;
 * an invalid or truncated sequence yields U+FFFD and length 1. */
size_t memo__text_decode(const char *s, size_t len, uint32_t *cp);
/* MEMO__CC_* bits of a code point. */
unsigned memo__text_class(uint32_t cp);

/* ---- sentence splitting ------------------------------------------------- */

typedef struct memo__sentence {
	uint32_t start, end; /* trimmed of surrounding white space */
} memo__sentence;

/* A growable vector owned by the caller: init once, reuse for every block
 * (clear between blocks or keep appending), free at the end. */
typedef struct memo__sentvec {
	memo__sentence *v;
	size_t n, cap;
} memo__sentvec;

void memo__sentvec_init(memo__sentvec *sv);
void memo__sentvec_free(memo__sentvec *sv);
static inline void memo__sentvec_clear(memo__sentvec *sv) { sv->n = 0; }

/* How line breaks inside the text are treated. */
#define MEMO__SBD_NL_SOFT  0x0u /* default (Markdown/docx paragraphs): a
	line break is a space; a blank line ends a sentence */
#define MEMO__SBD_NL_HARD  0x1u /* every line break ends a sentence */
#define MEMO__SBD_NL_LINES 0x2u /* plain-text heuristic: a line break ends
	a sentence unless the next line starts with a lower-case letter or
	"(" + lower case/digit, or the line ends with , ; & / ( or a dash */

/*
 * Split s[0..len) into sentences and APPEND them to out (not cleared).
 * Every sentence holds at least one letter or digit, except a block (text
 * between blank lines or hard breaks) that has none: it is one sentence.
 * White-space-only text gives none.
 * Rules (details in sentences.c): terminators . ? ! … 。 ． ！ ？ and runs
 * of them; closing quotes/brackets and citation marks ("[12]") after a
 * terminator stay with the sentence; abbreviations from
 * data/lexicons/abbreviations.txt judged by class and the next word;
 * initials; numbers, versions, URLs, e-mails, file names never split
 * inside; ellipses; paired quotes/parentheses protect their inside;
 * inline list markers ("1.", "a)", "•") start sentences.
 * Returns 0, MEMO_ENOMEM or MEMO_ELIMIT (error set).
 */
int memo__sentences_split(memo__sentvec *out, const char *s, size_t len,
	unsigned flags);

/* ---- abbreviation table (generated from data/lexicons/abbreviations.txt
 * by gen/gen_abbrev.c at build time) ---------------------------------------*/
#define MEMO__ABBR_PREPOSITIVE   0x01u
#define MEMO__ABBR_GENERAL       0x02u
#define MEMO__ABBR_POSTPOSITIVE  0x04u
#define MEMO__ABBR_TIME          0x08u
#define MEMO__ABBR_NUMBER        0x10u
#define MEMO__ABBR_STARTER       0x20u
#define MEMO__ABBR_TIME_FOLLOWER 0x40u
#define MEMO__ABBR_EXCLAIM       0x80u
#define MEMO__ABBR_ANY_ABBREV    0x1fu /* the five abbreviation classes */

typedef struct memo__abbrev {
	const char *word;  /* lower-case ASCII, no final period */
	unsigned classes;  /* MEMO__ABBR_* */
} memo__abbrev;

extern const memo__abbrev memo__abbrev_table[]; /* sorted by strcmp */
extern const size_t memo__abbrev_count;
extern const size_t memo__abbrev_maxlen; /* longest entry */
/* Open-addressing hash of the table: MEMO__ABBR_HASH_SIZE slots holding
 * an index into memo__abbrev_table or 0xffff (empty); linear probing
 * from memo__abbrev_hash_of(word) & (size - 1). */
#define MEMO__ABBR_HASH_SIZE 1024u
extern const uint16_t memo__abbrev_hash[MEMO__ABBR_HASH_SIZE];

/* Quick filters: bit memo__abbrev_bit(c) of memo__abbrev_first[n] (of
 * memo__abbrev_last[n]) is set when an entry of n bytes starts (ends)
 * with the byte c. Entries are shorter than MEMO__ABBR_LEN_BOUND. */
#define MEMO__ABBR_LEN_BOUND 32u
extern const uint64_t memo__abbrev_first[MEMO__ABBR_LEN_BOUND];
extern const uint64_t memo__abbrev_last[MEMO__ABBR_LEN_BOUND];

/* a-z (either case) 0-25, 0-9 26-35, anything else 63 (never set) */
static inline unsigned memo__abbrev_bit(char ch)
{
	unsigned c = (unsigned char)ch | 0x20u;
	if (c - 'a' < 26u)
		return c - 'a';
	if ((unsigned)(unsigned char)ch - '0' < 10u)
		return 26u + ((unsigned char)ch - '0');
	return 63u;
}

/* FNV-1a over the lower-cased ASCII bytes (also used by the generator). */
static inline uint32_t memo__abbrev_hash_of(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = (h ^ c) * 16777619u;
	}
	return h;
}

/* Classes of word s[0..len) compared case-insensitively (ASCII); 0 when
 * the word is not listed. */
unsigned memo__abbrev_lookup(const char *s, size_t len);

/* ---- tokens ------------------------------------------------------------- */

typedef enum memo__token_kind {
	MEMO__TOK_WORD = 1,  /* letters (any script), digits inside, ' ’ and
	                        hyphen joiners: don’t, customer-obsessed, mp3 */
	MEMO__TOK_NUMBER,    /* 1,200,000  3.14  -2  44th  3x  1.2.3  5K  3/4 */
	MEMO__TOK_PERCENT,   /* 25%  3.5 %  12 percent  40 bps */
	MEMO__TOK_CURRENCY,  /* $1.5M  €2.3bn  USD 40  $5 million  30 dollars */
	MEMO__TOK_DURATION,  /* 200ms  3 weeks  2.5 hours  30-day */
	MEMO__TOK_DATE,      /* 2024-03-01  03/01/2024  March 3  Mar. 3, 2024
	                        3 March  Q3  FY24  H1  10:30  5 p.m.  5pm */
	MEMO__TOK_ACRONYM,   /* NPS  API  S3  EC2  APIs  R&D  U.S. */
	MEMO__TOK_URL,       /* https://...  www.x.com  example.com/path */
	MEMO__TOK_EMAIL,     /* jane.doe@example.com */
	MEMO__TOK_CODE,      /* snake_case  camelCase  os.path.join  main.c
	                        `inline code` */
	MEMO__TOK_PUNCT,     /* one punctuation mark; ... … -- ?! runs are one */
	MEMO__TOK_SYMBOL     /* & + = # © ° emoji and other symbols */
} memo__token_kind;

#define MEMO__TOKF_LETTER     0x0001u /* has a letter */
#define MEMO__TOKF_DIGIT      0x0002u /* has an ASCII digit */
#define MEMO__TOKF_CAPITAL    0x0004u /* first letter upper case */
#define MEMO__TOKF_ALLCAPS    0x0008u /* >= 1 cased letter, none lower */
#define MEMO__TOKF_HYPHEN     0x0010u /* hyphen inside */
#define MEMO__TOKF_APOSTROPHE 0x0020u /* ' or ’ inside */
#define MEMO__TOKF_ABBREV     0x0040u /* ends with an abbreviation period
	                                     (Mr.  e.g.  U.S.  etc.) */
#define MEMO__TOKF_MULTIPLIER 0x0080u /* 3x  2.5x */
#define MEMO__TOKF_ORDINAL    0x0100u /* 1st 44th */
#define MEMO__TOKF_VERSION    0x0200u /* v2.1  1.2.3 */
#define MEMO__TOKF_SIGN       0x0400u /* leading + - − */
#define MEMO__TOKF_BACKTICK   0x0800u /* `code` span */
#define MEMO__TOKF_YEAR       0x1000u /* a bare year 1900-2099 (NUMBER) */
#define MEMO__TOKF_TIME       0x2000u /* a clock time (DATE): 10:30, 5pm */

/* 12 bytes. nwords = how many words the token counts for (RULES.md: a
 * word has >= 1 letter or digit): 0 for PUNCT/SYMBOL, 1 for most tokens,
 * more for tokens spanning spaces ("3 weeks" = 2, "March 3, 2024" = 3). */
typedef struct memo__token {
	uint32_t start, end;
	uint8_t kind;     /* memo__token_kind */
	uint8_t nwords;
	uint16_t flags;   /* MEMO__TOKF_* */
} memo__token;

typedef struct memo__tokvec {
	memo__token *v;
	size_t n, cap;
} memo__tokvec;

void memo__tokvec_init(memo__tokvec *tv);
void memo__tokvec_free(memo__tokvec *tv);
static inline void memo__tokvec_clear(memo__tokvec *tv) { tv->n = 0; }

/*
 * Tokenize s[start..end) and APPEND the tokens to out; offsets are
 * relative to s (so a sentence's range can be passed as is). White space
 * (incl. NBSP, U+202F) separates tokens; en/em dashes are PUNCT tokens.
 * Returns 0, MEMO_ENOMEM or MEMO_ELIMIT (error set).
 */
int memo__tokenize(memo__tokvec *out, const char *s, size_t start,
	size_t end);

/* True when the token counts as a word (>= 1 letter or digit). */
static inline bool memo__token_is_word(const memo__token *t)
{
	return t->nwords > 0;
}

/* Static name of a kind ("word", "number", ...). */
const char *memo__token_kind_name(unsigned kind);

/* ==== syllables / readability (syllables.c, readability.c) ===============
 * Owner: syllables/readability. Conventions: docs/metrics.md.
 */

/*
 * Syllables in one word: [word, word+len), UTF-8, any case. Latin accents
 * are folded (a diaeresis starts a new syllable: naïve = 2; a final é is
 * pronounced: café = 2), apostrophes are dropped (don't = 1, didn't = 2),
 * a hyphenated compound is the sum of its parts (co-operate = 4), and each
 * number counts 1 (1999 = 1, 3.5 = 1; unit letters glued to a number such
 * as 2nd, 1990s, 10x add nothing). Returns 0 when the word holds no letter
 * or digit. Pure and thread-safe; never allocates.
 */
uint32_t memo__syllables(const char *word, size_t len);

/* The built-in table of irregular words, sorted by word (bytewise). It is
 * a copy of data/lexicons/syllable-exceptions.txt; a unit test keeps the
 * two equal. */
typedef struct memo__syllable_exception {
	const char *word;   /* lowercase ASCII */
	uint32_t syllables;
} memo__syllable_exception;

size_t memo__syllable_exception_count(void);
const memo__syllable_exception *memo__syllable_exception_at(size_t i);

/*
 * Counts that the readability formulas take. Fill it by hand, or word by
 * word with memo__readability_add_word() plus sentences by the caller.
 */
typedef struct memo__readability_counts {
	uint64_t words;          /* tokens with >= 1 letter or digit */
	uint64_t sentences;
	uint64_t syllables;      /* memo__syllables() summed over words */
	uint64_t letters;        /* letters in words (Coleman-Liau) */
	uint64_t characters;     /* letters + digits in words (ARI) */
	uint64_t polysyllables;  /* words with >= 3 syllables (SMOG) */
	uint64_t complex_words;  /* Gunning fog "hard" words, see add_word */
	uint64_t long_words;     /* words with more than 6 letters (LIX) */
	uint64_t difficult_words;  /* Dale-Chall: not on the familiar list */
	uint64_t unfamiliar_words; /* Spache: not on its familiar list */
} memo__readability_counts;

/* Flags for memo__readability_add_word(). */
#define MEMO__RW_PROPER 0x1u /* a proper noun: never a fog complex word */

/*
 * Add one word to c: words, syllables, letters, characters, polysyllables,
 * complex_words and long_words. A complex word has >= 3 syllables, is not
 * flagged MEMO__RW_PROPER, keeps >= 3 syllables without an -es/-ed/-ing
 * ending, and is not a hyphenated compound of shorter parts. Tokens with
 * no letter or digit are ignored. Returns the word's syllables.
 */
uint32_t memo__readability_add_word(memo__readability_counts *c,
	const char *word, size_t len, unsigned flags);

/* What memo__readability_add_word() counts for one word, computed once
 * (memo__readability_word) and added as often as the word occurs
 * (memo__readability_add, which returns the syllables): a caller may
 * cache it per distinct word. counted is false for a token with no
 * letter or digit; complex ignores MEMO__RW_PROPER, which add applies. */
typedef struct memo__rw_word {
	uint64_t letters, digits;
	uint32_t syllables;
	bool counted, complex;
} memo__rw_word;

void memo__readability_word(memo__rw_word *w, const char *word, size_t len);
uint32_t memo__readability_add(memo__readability_counts *c,
	const memo__rw_word *w, unsigned flags);

/*
 * The formulas. Each returns 0.0 when c->words is 0 (no text: no score);
 * a text with words but 0 sentences is scored as one sentence. Values are
 * not clamped or rounded. Coefficients and sources: docs/metrics.md.
 */
double memo__flesch_reading_ease(const memo__readability_counts *c);
double memo__flesch_kincaid_grade(const memo__readability_counts *c);
double memo__gunning_fog(const memo__readability_counts *c);
double memo__smog(const memo__readability_counts *c);
double memo__coleman_liau(const memo__readability_counts *c);
double memo__ari(const memo__readability_counts *c);
double memo__lix(const memo__readability_counts *c);
double memo__dale_chall(const memo__readability_counts *c);
double memo__spache(const memo__readability_counts *c);

/* ==== end syllables / readability ======================================== */

#endif /* MEMO_TEXT_H */
