/* re_int.h -- private interface of the regular-expression engine behind the
 * `_re` module (remodule.c).  re_compile.c parses a pattern into a node tree
 * and emits a program for a backtracking machine; re_match.c runs it with an
 * explicit (heap) backtrack stack, so deep inputs cannot overflow the C stack.
 *
 * A compiled program is a flat array of int32 words kept inside a bytes
 * object (so that no new type is needed): an ReHeader, then the code, then
 * the character-class data the code refers to by index.
 */
#ifndef RP_RE_INT_H
#define RP_RE_INT_H
#include "rp.h"
#include <stdint.h>

/* public flag values (as CPython's re) */
#define RE_F_TEMPLATE 1
#define RE_F_IGNORECASE 2
#define RE_F_LOCALE 4
#define RE_F_MULTILINE 8
#define RE_F_DOTALL 16
#define RE_F_UNICODE 32
#define RE_F_VERBOSE 64
#define RE_F_DEBUG 128
#define RE_F_ASCII 256

#define RE_INF 0x7fffffff
#define RE_MAGIC 0x52655031

/* opcodes; operands follow in the code array */
enum {
    OP_MATCH,       /* success (subject to fullmatch / must_advance) */
    OP_CHAR,        /* c */
    OP_CHARI,       /* c lower upper : case-insensitive literal */
    OP_ANY,         /* any but \n */
    OP_ANYALL,      /* any */
    OP_CLASS,       /* class-offset */
    OP_AT,          /* kind (AT_*) */
    OP_SPLIT,       /* first second : try first, on failure second */
    OP_JMP,         /* target */
    OP_SAVE,        /* slot */
    OP_REPCHAR,     /* min max mode ; then one single-char instruction */
    OP_LOOPINIT,    /* reg */
    OP_LOOP,        /* reg min max greedy exit loopid */
    OP_ENTER,       /* reg */
    OP_BACKREF,     /* group ignorecase */
    OP_LOOK,        /* neg behind width cont : body ... OP_LOOKEND */
    OP_LOOKEND,
    OP_ATOMIC,      /* body ... OP_ATOMICEND */
    OP_ATOMICEND,
    OP_GREF_EXISTS, /* group no-target */
    OP_FAIL,
};

/* OP_AT kinds */
enum { AT_BEG, AT_BEG_LINE, AT_END, AT_END_LINE, AT_BEG_STR, AT_END_STR,
       AT_BOUND, AT_NONBOUND, AT_BOUND_A, AT_NONBOUND_A };

/* REPCHAR modes */
enum { REP_GREEDY, REP_LAZY, REP_POSSESSIVE };

/* class categories (bits of the class's cats word) */
#define CAT_DIGIT 1
#define CAT_NDIGIT 2
#define CAT_WORD 4
#define CAT_NWORD 8
#define CAT_SPACE 16
#define CAT_NSPACE 32
/* class data layout: bitmap[8] (code points 0..255, final answer incl.
 * negation and case folding), negate, ignorecase, cats, ascii, nranges,
 * then nranges pairs lo hi */
#define CLS_NEG 8
#define CLS_IC 9
#define CLS_CATS 10
#define CLS_ASCII 11
#define CLS_NR 12
#define CLS_RANGES 13

/* header flags */
#define HF_MEMO_OK 1     /* failure memoization is sound for this program */
#define HF_ANCHORED 2    /* starts with \A or ^ (not multiline) */
#define HF_FIRSTSET 4    /* first[] bitmap of possible first bytes is valid */
#define HF_BYTES 8       /* compiled from a bytes pattern */

typedef struct ReHeader {
    int32_t magic;
    int32_t ncode;       /* words of code (classes follow) */
    int32_t nwords;      /* total words after the header */
    int32_t nregs;       /* registers: 2*(groups+1) slots, lastindex, loop regs */
    int32_t ngroups;
    int32_t nloops;      /* memoizable loops (ids 0..nloops-1) */
    int32_t hflags;
    int32_t pad;
    uint32_t first[8];   /* HF_FIRSTSET: possible first bytes of a match */
} ReHeader;

#define RE_CODE(h) ((const int32_t *)((const ReHeader *)(h) + 1))

/* Compile a str or bytes pattern.  Returns a new tuple:
 *   (program-bytes, groups, groupindex-dict, flags) on success, or
 *   (message-str, position-int-or-None) for a bad pattern;
 * NULL with an exception for other failures. */
RpObject *_RpRe_Compile(RpObject *pattern, long flags);

/* Match state for one run over a subject. */
typedef struct ReSubject {
    const unsigned char *s;
    Rp_ssize_t end;        /* bytes visible (endpos) */
    int utf8;              /* subject is non-ASCII str text */
} ReSubject;

/* mode */
enum { RE_MATCH, RE_FULLMATCH, RE_SEARCH };

/* Run prog over subj from byte offset start.  regs (nregs words) receive the
 * capture slots (byte offsets; -1 unset) and lastindex at 2*(ngroups+1).
 * Returns 1 match, 0 none, -1 out of memory (exception set). */
int _RpRe_Exec(const ReHeader *prog, const ReSubject *subj, Rp_ssize_t start,
               int mode, int must_advance, Rp_ssize_t *regs);

/* Character predicates shared by compiler and matcher. */
int _RpRe_IsWord(int c, int ascii);
int _RpRe_IsDigit(int c, int ascii);
int _RpRe_IsSpace(int c, int ascii);
int _RpRe_Lower(int c, int ascii);
int _RpRe_Upper(int c, int ascii);
int _RpRe_ClassMatch(const int32_t *cls, int c);

#endif
