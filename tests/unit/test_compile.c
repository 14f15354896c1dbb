/* test_compile.c -- the compiler back end: compile snippets with
 * RpCompile_String and check the code objects (disassembly, co_* fields,
 * exception and line tables) and the SyntaxErrors of the symbol table. */
#include "rp.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                      \
            failures++;                                                    \
        }                                                                  \
    } while (0)

static RpCodeObject *compile(const char *src)
{
    RpObject *co = RpCompile_String(src, (Rp_ssize_t)strlen(src), "<test>",
                                    RP_FILE_INPUT, 0);
    if (co == NULL) {
        fprintf(stderr, "compile failed for:\n%s", src);
        RpErr_Print();
    }
    return (RpCodeObject *)co;
}

/* The disassembly of `src` (malloc'd), or NULL. */
static char *disassemble(const char *src)
{
    RpCodeObject *co = compile(src);
    if (co == NULL)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    RpCode_Disassemble(co, f);
    fclose(f);
    Rp_DECREF(co);
    return buf;
}

static void expect_ops(const char *src, const char *const *ops)
{
    char *dis = disassemble(src);
    CHECK(dis != NULL);
    if (dis == NULL)
        return;
    for (; *ops; ops++) {
        if (strstr(dis, *ops) == NULL) {
            fprintf(stderr, "missing %s in:\n%s\n", *ops, dis);
            failures++;
        }
    }
    free(dis);
}

static void expect_syntax_error(const char *src, const char *msg)
{
    RpObject *co = RpCompile_String(src, (Rp_ssize_t)strlen(src), "<test>", RP_FILE_INPUT, 0);
    CHECK(co == NULL);
    Rp_XDECREF(co);
    RpObject *exc = RpErr_GetRaisedException();
    CHECK(exc != NULL);
    if (exc == NULL)
        return;
    CHECK(RpObject_TypeCheck(exc, (RpTypeObject *)RpExc_SyntaxError));
    RpObject *s = RpObject_Str(exc);
    if (s == NULL || strstr(RpUnicode_AsUTF8(s), msg) == NULL) {
        fprintf(stderr, "expected '%s', got '%s'\n", msg, s ? RpUnicode_AsUTF8(s) : "?");
        failures++;
    }
    Rp_XDECREF(s);
    Rp_DECREF(exc);
}

static void test_opcodes(void)
{
    expect_ops("f(1, 2)\n", (const char *const[]){"PUSH_NULL", "CALL", NULL});
    expect_ops("def g():\n    return f(1)\n", (const char *const[]){"NULL + f", NULL});
    expect_ops("o.m(a)\n", (const char *const[]){"LOAD_METHOD", "CALL", NULL});
    expect_ops("f(a, k=1)\n", (const char *const[]){"KW_NAMES", "('k',)", NULL});
    expect_ops("f(*a, **k)\n", (const char *const[]){"LIST_EXTEND", "LIST_TO_TUPLE",
                                                      "DICT_MERGE", "CALL_FUNCTION_EX", NULL});
    expect_ops("x = -5\ny = (1, 2)\n", (const char *const[]){"(-5)", "((1, 2))", NULL});
    expect_ops("a, *b, c = x\n", (const char *const[]){"UNPACK_EX", NULL});
    expect_ops("x[i] += 1\n", (const char *const[]){"COPY", "SWAP", "STORE_SUBSCR", NULL});
    expect_ops("a < b < c\n", (const char *const[]){"JUMP_IF_FALSE_OR_POP", "SWAP", NULL});
    expect_ops("f'a{x!r:>3}'\n", (const char *const[]){"FORMAT_VALUE", "BUILD_STRING", NULL});
    expect_ops("try:\n    f()\nexcept E as e:\n    pass\n",
               (const char *const[]){"PUSH_EXC_INFO", "CHECK_EXC_MATCH", "POP_EXCEPT",
                                     "RERAISE", "DELETE_NAME", "ExceptionTable", NULL});
    expect_ops("with m as v:\n    pass\n",
               (const char *const[]){"BEFORE_WITH", "WITH_EXCEPT_START", NULL});
    expect_ops("def g():\n    yield from x\n",
               (const char *const[]){"GET_YIELD_FROM_ITER", "SEND", "YIELD_VALUE", NULL});
    expect_ops("[x for x in y]\n", (const char *const[]){"<listcomp>", "LIST_APPEND", ".0", NULL});
    expect_ops("def f():\n    x = 1\n    def g():\n        return x\n",
               (const char *const[]){"MAKE_CELL", "LOAD_CLOSURE", "COPY_FREE_VARS",
                                     "LOAD_DEREF", NULL});
    expect_ops("class C:\n    def m(self):\n        return super().m()\n",
               (const char *const[]){"LOAD_BUILD_CLASS", "__classcell__", "__module__", NULL});
    expect_ops("import a.b as c\n", (const char *const[]){"IMPORT_NAME", "IMPORT_FROM", NULL});
    expect_ops("from m import *\n", (const char *const[]){"IMPORT_STAR", NULL});
    expect_ops("x: int = 1\n", (const char *const[]){"SETUP_ANNOTATIONS", "__annotations__", NULL});
    expect_ops("assert x, 'm'\n", (const char *const[]){"LOAD_ASSERTION_ERROR", "RAISE_VARARGS", NULL});
    expect_ops("match p:\n    case [a, *b]:\n        pass\n    case {'k': v}:\n        pass\n",
               (const char *const[]){"MATCH_SEQUENCE", "GET_LEN", "MATCH_MAPPING", "MATCH_KEYS", NULL});
}

static void test_code_fields(void)
{
    RpCodeObject *co = compile("def f(a, /, b, *args, c, **kw):\n    'doc'\n    d = 1\n    return d\n");
    CHECK(co != NULL);
    if (co == NULL)
        return;
    RpCodeObject *f = (RpCodeObject *)RpTuple_GET_ITEM(co->co_consts, 0);
    CHECK(RpCode_Check((RpObject *)f));
    CHECK(f->co_argcount == 2 && f->co_posonlyargcount == 1 && f->co_kwonlyargcount == 1);
    CHECK(f->co_nlocals == 6);
    CHECK((f->co_flags & (RP_CO_VARARGS | RP_CO_VARKEYWORDS)) == (RP_CO_VARARGS | RP_CO_VARKEYWORDS));
    CHECK(RpUnicode_Check(RpTuple_GET_ITEM(f->co_consts, 0)));   /* the docstring */
    CHECK(f->co_stacksize >= 1);
    CHECK(RpCode_Addr2Line(f, 0) == 3);
    CHECK(_RpUnicode_EqualToASCIIString(f->co_qualname, "f"));
    Rp_DECREF(co);

    co = compile("def g():\n    pass\n");
    f = co ? (RpCodeObject *)RpTuple_GET_ITEM(co->co_consts, 0) : NULL;
    CHECK(f != NULL && RpTuple_GET_ITEM(f->co_consts, 0) == Rp_None);
    Rp_XDECREF(co);

    /* nested try: entries are sorted and never overlap */
    co = compile("try:\n    try:\n        f()\n    finally:\n        g()\nexcept E:\n    h()\n");
    CHECK(co != NULL && co->co_nexctable > 1);
    for (int i = 0; co && i + 1 < co->co_nexctable; i++)
        CHECK(co->co_exctable[i].end <= co->co_exctable[i + 1].start);
    Rp_XDECREF(co);
}

static void test_errors(void)
{
    expect_syntax_error("def f(x):\n    global x\n", "name 'x' is parameter and global");
    expect_syntax_error("def f():\n    print(x)\n    global x\n",
                        "name 'x' is used prior to global declaration");
    expect_syntax_error("nonlocal x\n", "nonlocal declaration not allowed at module level");
    expect_syntax_error("def f():\n    nonlocal y\n", "no binding for nonlocal 'y' found");
    expect_syntax_error("return 1\n", "'return' outside function");
    expect_syntax_error("class C:\n    yield 1\n", "'yield' outside function");
    expect_syntax_error("break\n", "'break' outside loop");
    expect_syntax_error("while 1:\n    def g():\n        continue\n",
                        "'continue' not properly in loop");
    expect_syntax_error("def f(a, a):\n    pass\n", "duplicate argument 'a' in function definition");
    expect_syntax_error("[y for x in (z := [1])]\n",
                        "assignment expression cannot be used in a comprehension iterable expression");
}

int main(void)
{
    if (Rp_Initialize() != 0) {
        fprintf(stderr, "Rp_Initialize failed\n");
        return 1;
    }
    test_opcodes();
    test_code_fields();
    test_errors();
    Rp_Finalize();
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    return failures != 0;
}
