/* symtable.h -- the symbol table (private to the compiler: symtable.c,
 * compile*.c).
 *
 * One RpSTEntry per scope (module, class, function, lambda, comprehension),
 * found again by the compiler through the AST node that opened it.  Every
 * name used in a scope gets a flags word: how it is used (DEF_*) and, after
 * analysis, its scope (SC_* << SCOPE_OFFSET), with CPython's rules.
 */
#ifndef RP_SYMTABLE_H
#define RP_SYMTABLE_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "ast.h"

/* how a name is used in its scope */
#define DEF_GLOBAL 1        /* global statement */
#define DEF_LOCAL 2         /* assigned */
#define DEF_PARAM 4         /* parameter */
#define DEF_NONLOCAL 8      /* nonlocal statement */
#define DEF_USE 16          /* loaded */
#define DEF_FREE_CLASS 32   /* class-bound name that is also free from outside */
#define DEF_IMPORT 64       /* bound by import */
#define DEF_ANNOT 128       /* annotated */
#define DEF_COMP_ITER 256   /* a comprehension's iteration variable */
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

/* the resolved scope, stored at SCOPE_OFFSET */
#define SCOPE_OFFSET 11
#define SCOPE_MASK 7
enum { SC_NONE = 0, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };

typedef enum { ST_MODULE, ST_CLASS, ST_FUNCTION } RpSTBlockType;
/* comprehension kinds (for error messages and code names) */
enum { COMP_NONE = 0, COMP_LIST, COMP_SET, COMP_DICT, COMP_GENEXP };

typedef struct RpSTEntry {
    RpSTBlockType type;
    RpObject *name;             /* str */
    void *key;                  /* the AST node that opened the scope */
    RpObject *symbols;          /* dict: mangled name -> int flags */
    RpObject *varnames;         /* list: parameters, in order */
    RpObject *directives;       /* dict: name -> (line, col, end_line, end_col) of global/nonlocal */
    struct RpSTEntry **children;
    int nchildren, capchildren;
    struct RpSTEntry *parent;
    int lineno, col_offset;
    int comprehension;          /* COMP_* */
    int comp_iter_expr;         /* > 0 while visiting a comprehension iterable */
    int comp_iter_target;       /* visiting a comprehension target */
    unsigned is_generator : 1, is_coroutine : 1, is_lambda : 1,
        varargs : 1, varkeywords : 1, nested : 1, needs_class_closure : 1,
        child_free : 1, has_free : 1;
} RpSTEntry;

typedef struct RpSymtable {
    RpObject *filename;         /* borrowed */
    RpSTEntry *top;             /* the module */
    RpSTEntry *cur;             /* while building */
    RpObject *private_;         /* enclosing class name (for mangling), borrowed */
    int depth;                  /* recursion guard */
} RpSymtable;

/* Build and analyze the symbol table of a module; NULL + SyntaxError. */
RpSymtable *RpSymtable_Build(mod_ty mod, RpObject *filename);
void RpSymtable_Free(RpSymtable *st);
/* The child scope of `parent` opened by AST node `key` (NULL if none). */
RpSTEntry *RpSymtable_Child(RpSTEntry *parent, void *key);
/* Flags of a (mangled) name in a scope, 0 if unknown. */
long RpST_GetSymbol(RpSTEntry *ste, RpObject *name);
int RpST_GetScope(RpSTEntry *ste, RpObject *name);
/* Private name mangling: __x inside class C -> _C__x (new ref). */
RpObject *_RpST_Mangle(RpObject *private_, RpObject *name);

#endif
