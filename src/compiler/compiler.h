/* compiler.h -- from source text to code object (prefixes RpTokenizer_,
 * RpParser_, RpSymtable_, RpCompile_).
 *   tokenizer.c: bytes -> tokens (INDENT/DEDENT, line/column, f-strings
 *                are lexed as whole strings and re-parsed by the parser)
 *   parser.c:    tokens -> AST (recursive descent over Python 3.11's grammar)
 *   symtable.c:  AST -> scopes (local/global/free/cell for every name)
 *   compile.c:   AST + symtable -> RpCodeObject (bytecode, consts, line and
 *                exception tables); flowgraph.c: jump resolution, stack depth
 * The compiler never calls the VM and never executes user code.
 *
 * Errors are SyntaxError / IndentationError / TabError (and
 * UnicodeDecodeError for invalid UTF-8, reported as SyntaxError like
 * CPython) with filename, lineno, offset (1-based column) and text set, so
 * the printer can show CPython's format:
 *     File "x.py", line 3
 *       x = (1 +
 *           ^
 *   SyntaxError: '(' was never closed
 */
#ifndef RP_COMPILER_H
#define RP_COMPILER_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "ast.h"
#include "../vm/code.h"

typedef enum { RP_FILE_INPUT, RP_EVAL_INPUT, RP_SINGLE_INPUT } RpCompileMode;

/* Parse source (UTF-8, may start with a BOM or a coding cookie for utf-8)
 * into an AST in arena `a`; NULL + SyntaxError on failure. */
mod_ty RpParser_ParseString(const char *source, Rp_ssize_t len, RpObject *filename,
                            RpCompileMode mode, RpArena *a);

/* Compile an AST to a code object (new ref) or NULL. `optimize`: 0 keeps
 * asserts, 1 strips them (-O). */
RpObject *RpCompile_AST(mod_ty mod, RpObject *filename, RpCompileMode mode,
                        int optimize, RpArena *a);

/* Both steps: the compile() builtin and the script runner use this. */
RpObject *RpCompile_String(const char *source, Rp_ssize_t len, const char *filename,
                           RpCompileMode mode, int optimize);

/* Raise SyntaxError (or a subclass) at a 1-based line and column of the
 * given source; `text` is the line (may be NULL). Returns NULL. */
RpObject *_RpCompile_SyntaxError(RpObject *type, RpObject *filename, int lineno,
                                 int col_offset, int end_lineno, int end_col_offset,
                                 const char *text, const char *fmt, ...);

/* Print a SyntaxWarning for line `lineno` of `filename` (with the source
 * line when readable).  Never fails: a warning cannot stop compilation. */
void _RpCompile_Warn(RpObject *filename, int lineno, const char *fmt, ...);

#endif
