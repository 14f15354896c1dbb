/* code.h -- code objects (prefix RpCode_), the compiler's output and the
 * VM's input.  codeobject.c.
 *
 * localsplus layout of a frame: [ locals (args first) | cells | frees |
 * value stack ].  co_localspluskinds tells, per slot, whether it is a plain
 * local, a cell (a local captured by an inner function), or a free variable
 * (captured from outside); a slot can be both local and cell (an argument
 * captured by a closure) and then MAKE_CELL wraps it at function start.
 *
 * What the compiler guarantees (compile*.c, assemble.c):
 *   - locals come in co_varnames order (parameters first: positional,
 *     keyword-only, *args, **kwargs, then other locals by first use); cells
 *     that are not parameters follow, sorted by name; free variables last,
 *     sorted by name.  Function code starts with MAKE_CELL for every cell
 *     and COPY_FREE_VARS n when it has free variables (class bodies too).
 *   - function and lambda code: co_consts[0] is ALWAYS the docstring or
 *     None (a lambda never has a docstring).  Module/class docstrings are
 *     stored as __doc__ by the code itself.
 *   - the exception table is sorted by start and its entries never overlap
 *     (nested ranges are split), so the first entry with start <= i < end
 *     is the innermost handler.
 *   - line table: one entry per run of instructions on the same line; -1 is
 *     "no line" (compiler-generated cleanup code).
 *   - CALL is also used in CPython 3.11's "method" form without PUSH_NULL:
 *     `exit None None None CALL 2` calls exit(None, None, None) in `with`.
 *   - MAKE_FUNCTION flag 4 passes the annotations as a dict.
 *   - `import a.b as c` is IMPORT_NAME a.b, then IMPORT_FROM b (and c ...).
 * co_extra, if set by the VM, is RpMem_Free'd by the code object's dealloc.
 */
#ifndef RP_CODE_H
#define RP_CODE_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"
#include "opcodes.h"

typedef struct RpExceptionTableEntry {
    uint32_t start, end;     /* instruction index range [start, end) */
    uint32_t target;         /* handler instruction index */
    uint16_t depth;          /* value-stack depth to unwind to */
    uint8_t lasti;           /* push the raising instruction's index first */
} RpExceptionTableEntry;

typedef struct RpLineEntry {
    uint32_t start;          /* first instruction index of the run */
    int32_t line;            /* source line, or -1 for none */
} RpLineEntry;

/* co_flags (CPython's values) */
#define RP_CO_OPTIMIZED 0x0001
#define RP_CO_NEWLOCALS 0x0002
#define RP_CO_VARARGS 0x0004
#define RP_CO_VARKEYWORDS 0x0008
#define RP_CO_NESTED 0x0010
#define RP_CO_GENERATOR 0x0020
#define RP_CO_NOFREE 0x0040
#define RP_CO_COROUTINE 0x0080
#define RP_CO_ITERABLE_COROUTINE 0x0100
#define RP_CO_ASYNC_GENERATOR 0x0200

/* co_localspluskinds bits */
#define RP_CO_FAST_LOCAL 0x20
#define RP_CO_FAST_CELL 0x40
#define RP_CO_FAST_FREE 0x80

typedef struct RpCodeObject {
    RpObject_HEAD
    uint32_t *co_code;            /* instructions (RpMem_Malloc'd) */
    int co_ncode;                 /* number of instructions */
    RpObject *co_consts;          /* tuple */
    RpObject *co_names;           /* tuple of str: globals, attributes, imports */
    RpObject *co_localsplusnames; /* tuple of str */
    unsigned char *co_localspluskinds; /* co_nlocalsplus bytes (RpMem_Malloc'd) */
    int co_argcount, co_posonlyargcount, co_kwonlyargcount;
    int co_flags;
    int co_nlocalsplus;           /* locals + cells (not already locals) + frees */
    int co_nlocals, co_ncellvars, co_nfreevars;
    int co_stacksize;             /* maximum value-stack depth */
    int co_firstlineno;
    RpLineEntry *co_lines; int co_nlines;
    RpExceptionTableEntry *co_exctable; int co_nexctable;
    RpObject *co_filename, *co_name, *co_qualname;  /* str */
    RpObject *co_weakreflist;
    void *co_extra;               /* the VM's inline caches, lazily */
} RpCodeObject;

extern RpTypeObject RpCode_Type;
#define RpCode_Check(o) Rp_IS_TYPE(o, &RpCode_Type)

/* Build a code object.  Takes ownership of the three malloc'd arrays
 * (code, kinds, lines, exctable) and does NOT steal the object arguments. */
RpCodeObject *RpCode_New(int argcount, int posonlyargcount, int kwonlyargcount,
                         int flags, int stacksize,
                         uint32_t *code, int ncode,
                         RpObject *consts, RpObject *names,
                         RpObject *localsplusnames, unsigned char *localspluskinds,
                         RpObject *filename, RpObject *name, RpObject *qualname,
                         int firstlineno,
                         RpLineEntry *lines, int nlines,
                         RpExceptionTableEntry *exctable, int nexctable);
int RpCode_Addr2Line(RpCodeObject *co, int instr_index);  /* -1 if unknown */
/* Print a disassembly (for refpy's `-d` flag and debugging). */
void RpCode_Disassemble(RpCodeObject *co, FILE *out);

#endif
