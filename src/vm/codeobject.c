/* codeobject.c -- the `code` type: construction, co_* attributes, repr,
 * line lookup, the disassembler, and the opcode name table.
 *
 * Code objects hold only immutable things (and other code objects), so
 * they cannot be part of a cycle and are not GC containers, as in CPython.
 */
#include "rp.h"
#include <stddef.h>

const char *const _RpOpcode_Names[RP_NUM_OPCODES] = {
#define RP_OP_NAME(name, doc) #name,
    RP_OPCODES(RP_OP_NAME)
#undef RP_OP_NAME
};

/* ---- construction ------------------------------------------------------------ */

static void count_kinds(RpCodeObject *co)
{
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        unsigned char k = co->co_localspluskinds[i];
        if (k & RP_CO_FAST_LOCAL)
            co->co_nlocals++;
        if (k & RP_CO_FAST_CELL)
            co->co_ncellvars++;
        if (k & RP_CO_FAST_FREE)
            co->co_nfreevars++;
    }
}

/* Identifier-like string constants ("name", "__init__") are interned, as
 * CPython does, so that getattr(o, "name") and dict lookups with them
 * compare by pointer.  Tuples of constants are walked too. */
static int all_name_chars(RpObject *s)
{
    const unsigned char *p = (const unsigned char *)RpUnicode_UTF8(s);
    for (; *p; p++)
        if (!(*p == '_' || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
            return 0;
    return 1;
}

static void intern_constants(RpObject *tuple)
{
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(tuple); i++) {
        RpObject *v = RpTuple_GET_ITEM(tuple, i);
        if (RpUnicode_CheckExact(v) && all_name_chars(v)) {
            RpUnicode_InternInPlace(&((RpTupleObject *)tuple)->ob_item[i]);
        } else if (RpTuple_CheckExact(v)) {
            intern_constants(v);
        }
    }
}

RpCodeObject *RpCode_New(int argcount, int posonlyargcount, int kwonlyargcount,
                         int flags, int stacksize,
                         uint32_t *code, int ncode,
                         RpObject *consts, RpObject *names,
                         RpObject *localsplusnames, unsigned char *localspluskinds,
                         RpObject *filename, RpObject *name, RpObject *qualname,
                         int firstlineno,
                         RpLineEntry *lines, int nlines,
                         RpExceptionTableEntry *exctable, int nexctable)
{
    RpCodeObject *co = NULL;
    if (!RpTuple_Check(consts) || !RpTuple_Check(names) || !RpTuple_Check(localsplusnames) ||
        !RpUnicode_Check(name) || !RpUnicode_Check(qualname)) {
        RpErr_BadInternalCall();
        goto error;
    }
    co = (RpCodeObject *)RpObject_New(&RpCode_Type);
    if (co == NULL)
        goto error;
    memset((char *)co + sizeof(RpObject), 0, sizeof(RpCodeObject) - sizeof(RpObject));
    co->co_code = code;
    co->co_ncode = ncode;
    intern_constants(consts);
    co->co_consts = Rp_NewRef(consts);
    co->co_names = Rp_NewRef(names);
    co->co_localsplusnames = Rp_NewRef(localsplusnames);
    co->co_localspluskinds = localspluskinds;
    co->co_nlocalsplus = (int)RpTuple_GET_SIZE(localsplusnames);
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_flags = flags;
    co->co_stacksize = stacksize;
    co->co_firstlineno = firstlineno;
    co->co_lines = lines;
    co->co_nlines = nlines;
    co->co_exctable = exctable;
    co->co_nexctable = nexctable;
    co->co_filename = Rp_NewRef(filename ? filename : Rp_None);
    co->co_name = Rp_NewRef(name);
    co->co_qualname = Rp_NewRef(qualname);
    count_kinds(co);
    return co;
error:
    RpMem_Free(code);
    RpMem_Free(localspluskinds);
    RpMem_Free(lines);
    RpMem_Free(exctable);
    return NULL;
}

static void code_dealloc(RpObject *self)
{
    RpCodeObject *co = (RpCodeObject *)self;
    if (co->co_weakreflist != NULL)
        RpObject_ClearWeakRefs(self);
    Rp_XDECREF(co->co_consts);
    Rp_XDECREF(co->co_names);
    Rp_XDECREF(co->co_localsplusnames);
    Rp_XDECREF(co->co_filename);
    Rp_XDECREF(co->co_name);
    Rp_XDECREF(co->co_qualname);
    RpMem_Free(co->co_code);
    RpMem_Free(co->co_localspluskinds);
    RpMem_Free(co->co_lines);
    RpMem_Free(co->co_exctable);
    RpMem_Free(co->co_extra);
    RpObject_Free(co);
}

static RpObject *code_repr(RpObject *self)
{
    RpCodeObject *co = (RpCodeObject *)self;
    if (RpUnicode_Check(co->co_filename))
        return RpUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                    co->co_name, self, co->co_filename, co->co_firstlineno);
    return RpUnicode_FromFormat("<code object %U at %p, file ???, line %d>",
                                co->co_name, self, co->co_firstlineno);
}

/* ---- attributes ---------------------------------------------------------------- */

/* The names of the localsplus slots whose kind has `kind` set. */
static RpObject *names_of_kind(RpCodeObject *co, unsigned char kind)
{
    int n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        if (co->co_localspluskinds[i] & kind)
            n++;
    RpObject *t = RpTuple_New(n);
    if (t == NULL)
        return NULL;
    for (int i = 0, j = 0; i < co->co_nlocalsplus; i++)
        if (co->co_localspluskinds[i] & kind)
            RpTuple_SET_ITEM(t, j++, Rp_NewRef(RpTuple_GET_ITEM(co->co_localsplusnames, i)));
    return t;
}

static RpObject *code_varnames(RpObject *self, void *closure)
{
    return names_of_kind((RpCodeObject *)self, RP_CO_FAST_LOCAL);
}

static RpObject *code_cellvars(RpObject *self, void *closure)
{
    return names_of_kind((RpCodeObject *)self, RP_CO_FAST_CELL);
}

static RpObject *code_freevars(RpObject *self, void *closure)
{
    return names_of_kind((RpCodeObject *)self, RP_CO_FAST_FREE);
}

/* co_code: the instruction words, little-endian, 4 bytes each. */
static RpObject *code_code(RpObject *self, void *closure)
{
    RpCodeObject *co = (RpCodeObject *)self;
    RpObject *b = RpBytes_FromStringAndSize(NULL, (Rp_ssize_t)co->co_ncode * 4);
    if (b == NULL)
        return NULL;
    unsigned char *p = (unsigned char *)RpBytes_AS_STRING(b);
    for (int i = 0; i < co->co_ncode; i++) {
        uint32_t w = co->co_code[i];
        p[4 * i] = w & 0xFF;
        p[4 * i + 1] = (w >> 8) & 0xFF;
        p[4 * i + 2] = (w >> 16) & 0xFF;
        p[4 * i + 3] = (w >> 24) & 0xFF;
    }
    return b;
}

static RpGetSetDef code_getset[] = {
    {"co_varnames", code_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_freevars, NULL, NULL, NULL},
    {"co_code", code_code, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define CO_OFF(f) offsetof(RpCodeObject, f)
static RpMemberDef code_members[] = {
    {"co_name", RP_T_OBJECT, CO_OFF(co_name), RP_READONLY, NULL},
    {"co_qualname", RP_T_OBJECT, CO_OFF(co_qualname), RP_READONLY, NULL},
    {"co_filename", RP_T_OBJECT, CO_OFF(co_filename), RP_READONLY, NULL},
    {"co_consts", RP_T_OBJECT, CO_OFF(co_consts), RP_READONLY, NULL},
    {"co_names", RP_T_OBJECT, CO_OFF(co_names), RP_READONLY, NULL},
    {"co_firstlineno", RP_T_INT, CO_OFF(co_firstlineno), RP_READONLY, NULL},
    {"co_argcount", RP_T_INT, CO_OFF(co_argcount), RP_READONLY, NULL},
    {"co_posonlyargcount", RP_T_INT, CO_OFF(co_posonlyargcount), RP_READONLY, NULL},
    {"co_kwonlyargcount", RP_T_INT, CO_OFF(co_kwonlyargcount), RP_READONLY, NULL},
    {"co_nlocals", RP_T_INT, CO_OFF(co_nlocals), RP_READONLY, NULL},
    {"co_flags", RP_T_INT, CO_OFF(co_flags), RP_READONLY, NULL},
    {"co_stacksize", RP_T_INT, CO_OFF(co_stacksize), RP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

RpTypeObject RpCode_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "code",
    .tp_basicsize = sizeof(RpCodeObject),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_weaklistoffset = offsetof(RpCodeObject, co_weakreflist),
    .tp_members = code_members,
    .tp_getset = code_getset,
};

/* ---- line numbers -------------------------------------------------------------- */

int RpCode_Addr2Line(RpCodeObject *co, int instr_index)
{
    if (co->co_nlines == 0 || instr_index < 0)
        return instr_index < 0 ? co->co_firstlineno : -1;
    /* the last run starting at or before instr_index */
    int lo = 0, hi = co->co_nlines - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if ((int)co->co_lines[mid].start <= instr_index)
            lo = mid;
        else
            hi = mid - 1;
    }
    if ((int)co->co_lines[lo].start > instr_index)
        return -1;
    return co->co_lines[lo].line;
}

/* ---- disassembly ---------------------------------------------------------------- */

static void print_repr(RpObject *o, FILE *out)
{
    RpObject *r = RpObject_Repr(o);
    if (r == NULL) {
        RpErr_Clear();
        fputs("<?>", out);
        return;
    }
    fputs(RpUnicode_AsUTF8(r), out);
    Rp_DECREF(r);
}

static RpObject *tuple_item(RpObject *t, int i)
{
    return (i >= 0 && i < RpTuple_GET_SIZE(t)) ? RpTuple_GET_ITEM(t, i) : NULL;
}

/* What the argument means: a constant, a name, a slot, a jump target. */
static void print_arg_meaning(RpCodeObject *co, int op, int arg, FILE *out)
{
    static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
    RpObject *o = NULL;
    switch (op) {
    case OP_LOAD_CONST: case OP_KW_NAMES:
        o = tuple_item(co->co_consts, arg);
        break;
    case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME: case OP_STORE_GLOBAL:
    case OP_DELETE_GLOBAL: case OP_LOAD_ATTR: case OP_STORE_ATTR: case OP_DELETE_ATTR:
    case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
        o = tuple_item(co->co_names, arg);
        break;
    case OP_LOAD_GLOBAL:
        o = tuple_item(co->co_names, arg >> 1);
        if (arg & 1)
            fputs("(NULL + ", out);
        break;
    case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST: case OP_MAKE_CELL:
    case OP_LOAD_CLOSURE: case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF:
    case OP_STORE_DEREF: case OP_DELETE_DEREF:
        o = tuple_item(co->co_localsplusnames, arg);
        break;
    case OP_COMPARE_OP:
        if (arg >= 0 && arg < 6)
            fprintf(out, "(%s)", cmp[arg]);
        return;
    default:
        if (op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_POP_JUMP_IF_FALSE ||
            op == OP_POP_JUMP_IF_TRUE || op == OP_POP_JUMP_IF_NONE ||
            op == OP_POP_JUMP_IF_NOT_NONE || op == OP_JUMP_IF_FALSE_OR_POP ||
            op == OP_JUMP_IF_TRUE_OR_POP || op == OP_FOR_ITER || op == OP_SEND)
            fprintf(out, "(to %d)", arg);
        return;
    }
    if (o == NULL)
        return;
    if (op != OP_LOAD_GLOBAL || !(arg & 1))
        fputc('(', out);
    if (RpUnicode_Check(o) && op != OP_LOAD_CONST)
        fputs(RpUnicode_AsUTF8(o), out);
    else
        print_repr(o, out);
    fputc(')', out);
}

static int is_jump_target(RpCodeObject *co, int index)
{
    for (int i = 0; i < co->co_ncode; i++) {
        int op = RP_INSTR_OP(co->co_code[i]), arg = (int)RP_INSTR_ARG(co->co_code[i]);
        if (arg == index && (op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_FOR_ITER ||
                             op == OP_SEND || op == OP_POP_JUMP_IF_FALSE ||
                             op == OP_POP_JUMP_IF_TRUE || op == OP_POP_JUMP_IF_NONE ||
                             op == OP_POP_JUMP_IF_NOT_NONE || op == OP_JUMP_IF_FALSE_OR_POP ||
                             op == OP_JUMP_IF_TRUE_OR_POP))
            return 1;
    }
    for (int i = 0; i < co->co_nexctable; i++)
        if ((int)co->co_exctable[i].target == index)
            return 1;
    return 0;
}

static int has_arg(int op)
{
    switch (op) {
    case OP_NOP: case OP_POP_TOP: case OP_PUSH_NULL: case OP_BINARY_SUBSCR:
    case OP_STORE_SUBSCR: case OP_DELETE_SUBSCR: case OP_UNARY_NEGATIVE:
    case OP_UNARY_POSITIVE: case OP_UNARY_INVERT: case OP_UNARY_NOT:
    case OP_LIST_TO_TUPLE: case OP_GET_ITER: case OP_RETURN_VALUE: case OP_YIELD_VALUE:
    case OP_GET_YIELD_FROM_ITER: case OP_LOAD_BUILD_CLASS: case OP_PUSH_EXC_INFO:
    case OP_POP_EXCEPT: case OP_CHECK_EXC_MATCH: case OP_BEFORE_WITH:
    case OP_WITH_EXCEPT_START: case OP_LOAD_ASSERTION_ERROR: case OP_IMPORT_STAR:
    case OP_SETUP_ANNOTATIONS: case OP_PRINT_EXPR: case OP_GET_LEN: case OP_MATCH_MAPPING:
    case OP_MATCH_SEQUENCE: case OP_MATCH_KEYS: case OP_COPY_DICT_WITHOUT_KEYS:
        return 0;
    default:
        return 1;
    }
}

static void disassemble_one(RpCodeObject *co, FILE *out)
{
    fprintf(out, "# %s: argcount %d, posonly %d, kwonly %d, nlocals %d, stacksize %d, flags 0x%x\n",
            RpUnicode_AsUTF8(co->co_qualname), co->co_argcount, co->co_posonlyargcount,
            co->co_kwonlyargcount, co->co_nlocals, co->co_stacksize, co->co_flags);
    int last_line = -2;
    for (int i = 0; i < co->co_ncode; i++) {
        int op = RP_INSTR_OP(co->co_code[i]), arg = (int)RP_INSTR_ARG(co->co_code[i]);
        int line = RpCode_Addr2Line(co, i);
        if (line != last_line) {
            if (i > 0)
                fputc('\n', out);
            if (line >= 0)
                fprintf(out, "%4d ", line);
            else
                fputs("   - ", out);
            last_line = line;
        } else {
            fputs("     ", out);
        }
        fprintf(out, "%s %5d %-24s", is_jump_target(co, i) ? ">>" : "  ", i,
                op < RP_NUM_OPCODES ? _RpOpcode_Names[op] : "<unknown>");
        if (has_arg(op))
            fprintf(out, " %5d ", arg);
        print_arg_meaning(co, op, arg, out);
        fputc('\n', out);
    }
    if (co->co_nexctable > 0) {
        fputs("ExceptionTable:\n", out);
        for (int i = 0; i < co->co_nexctable; i++) {
            RpExceptionTableEntry *e = &co->co_exctable[i];
            fprintf(out, "  %u to %u -> %u [%u]%s\n", e->start, e->end, e->target,
                    e->depth, e->lasti ? " lasti" : "");
        }
    }
}

void RpCode_Disassemble(RpCodeObject *co, FILE *out)
{
    disassemble_one(co, out);
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(co->co_consts); i++) {
        RpObject *c = RpTuple_GET_ITEM(co->co_consts, i);
        if (!RpCode_Check(c))
            continue;
        fputs("\nDisassembly of ", out);
        print_repr(c, out);
        fputs(":\n", out);
        RpCode_Disassemble((RpCodeObject *)c, out);
    }
}
