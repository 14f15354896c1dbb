/* compile_expr.c -- code generation for expressions, assignment targets,
 * calls, comprehensions, conditional jumps and constant folding.
 */
#include "compile_int.h"

static const int binops[] = {
    [Add] = RP_NB_ADD, [Sub] = RP_NB_SUBTRACT, [Mult] = RP_NB_MULTIPLY,
    [MatMult] = RP_NB_MATRIX_MULTIPLY, [Div] = RP_NB_TRUE_DIVIDE,
    [Mod] = RP_NB_REMAINDER, [Pow] = RP_NB_POWER, [LShift] = RP_NB_LSHIFT,
    [RShift] = RP_NB_RSHIFT, [BitOr] = RP_NB_OR, [BitXor] = RP_NB_XOR,
    [BitAnd] = RP_NB_AND, [FloorDiv] = RP_NB_FLOOR_DIVIDE,
};

/* ---- constant folding -------------------------------------------------------- */

static int is_number(RpObject *o)
{
    return RpLong_Check(o) || RpFloat_CheckExact(o);
}

static RpObject *fold_unary(unaryop_ty op, RpObject *v)
{
    if (op == Not)
        return RpBool_FromLong(!RpObject_IsTrue(v));
    if (!is_number(v))
        return NULL;
    if (op == USub)
        return RpNumber_Negative(v);
    if (op == UAdd)
        return RpNumber_Positive(v);
    return RpFloat_CheckExact(v) ? NULL : RpNumber_Invert(v);
}

#define MAX_FOLDED_STR 4096

/* Only operations whose result is small and cannot have side effects. */
static RpObject *fold_binary(operator_ty op, RpObject *a, RpObject *b)
{
    if (RpUnicode_CheckExact(a) && RpUnicode_CheckExact(b) && op == Add) {
        if (RpUnicode_GET_LENGTH(a) + RpUnicode_GET_LENGTH(b) > MAX_FOLDED_STR)
            return NULL;
        return RpUnicode_Concat(a, b);
    }
    if (!is_number(a) || !is_number(b))
        return NULL;
    switch (op) {
    case Add: return RpNumber_Add(a, b);
    case Sub: return RpNumber_Subtract(a, b);
    case Mult: return RpNumber_Multiply(a, b);
    case Div: return RpNumber_TrueDivide(a, b);
    case FloorDiv: return RpNumber_FloorDivide(a, b);
    case Mod: return RpNumber_Remainder(a, b);
    case BitAnd: return RpNumber_And(a, b);
    case BitOr: return RpNumber_Or(a, b);
    case BitXor: return RpNumber_Xor(a, b);
    case Pow: {
        /* only small exponents: 10 ** 10000 stays a run-time computation */
        int64_t v;
        if (RpLong_Check(b) && (!_RpLong_AsInt64(b, &v) || v > 128 || v < -128))
            return NULL;
        return RpNumber_Power(a, b, Rp_None);
    }
    case LShift: {
        int64_t v;
        if (!RpLong_Check(b) || !_RpLong_AsInt64(b, &v) || v > 62)
            return NULL;
        return RpNumber_Lshift(a, b);
    }
    case RShift: return RpNumber_Rshift(a, b);
    default: return NULL;
    }
}

static RpObject *fold_tuple(RpCompiler *c, asdl_seq *elts)
{
    Rp_ssize_t n = asdl_seq_LEN(elts);
    RpObject *t = RpTuple_New(n);
    if (t == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpObject *v = rc_const_value(c, asdl_seq_GET(elts, i));
        if (v == NULL) {
            Rp_DECREF(t);
            return NULL;
        }
        RpTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* The value of a constant expression (new ref), or NULL -- never with an
 * exception set: what cannot be folded is left to run time. */
RpObject *rc_const_value(RpCompiler *c, expr_ty e)
{
    RpObject *r = NULL, *a, *b;
    switch (e->kind) {
    case Constant_kind:
        return Rp_NewRef(e->v.Constant.value);
    case UnaryOp_kind:
        if ((a = rc_const_value(c, e->v.UnaryOp.operand)) == NULL)
            return NULL;
        r = fold_unary(e->v.UnaryOp.op, a);
        Rp_DECREF(a);
        break;
    case BinOp_kind:
        if ((a = rc_const_value(c, e->v.BinOp.left)) == NULL)
            return NULL;
        if ((b = rc_const_value(c, e->v.BinOp.right)) != NULL) {
            r = fold_binary(e->v.BinOp.op, a, b);
            Rp_DECREF(b);
        }
        Rp_DECREF(a);
        break;
    case Tuple_kind:
        if (e->v.List.ctx != Load)
            return NULL;
        r = fold_tuple(c, e->v.List.elts);
        break;
    case Name_kind:
        if (e->v.Name.ctx == Load && _RpUnicode_EqualToASCIIString(e->v.Name.id, "__debug__"))
            return RpBool_FromLong(c->optimize == 0);
        return NULL;
    default:
        return NULL;
    }
    if (r == NULL)
        RpErr_Clear();
    return r;
}

/* ---- displays: list, tuple, set, dict ---------------------------------------- */

static int has_starred(asdl_seq *elts)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(elts); i++)
        if (((expr_ty)asdl_seq_GET(elts, i))->kind == Starred_kind)
            return 1;
    return 0;
}

static int exprs(RpCompiler *c, asdl_seq *seq)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
        RC_TRY(rc_expr(c, asdl_seq_GET(seq, i)));
    return 0;
}

enum { SEQ_LIST, SEQ_TUPLE, SEQ_SET };

/* A list or set display of three or more constants is built from one
 * constant, as CPython 3.11 does: [1, 2, 3] -> BUILD_LIST 0; LOAD_CONST
 * (1, 2, 3); LIST_EXTEND 1.  For sets the constant is a frozenset, whose
 * order then decides the printed order of the new set, so this matters
 * for output, not only speed.  1 emitted, 0 not applicable, -1 error. */
static int const_display(RpCompiler *c, asdl_seq *elts, int kind)
{
    Rp_ssize_t n = asdl_seq_LEN(elts);
    if (n <= 2 || kind == SEQ_TUPLE || has_starred(elts))
        return 0;
    RpObject *t = RpTuple_New(n);
    if (t == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpObject *v = rc_const_value(c, asdl_seq_GET(elts, i));
        if (v == NULL) {
            Rp_DECREF(t);
            return RpErr_Occurred() ? -1 : 0;
        }
        RpTuple_SET_ITEM(t, i, v);
    }
    RpObject *k = t;
    if (kind == SEQ_SET) {
        k = RpFrozenSet_New(t);
        Rp_DECREF(t);
        if (k == NULL) {
            RpErr_Clear();   /* unhashable constant: leave it to run time */
            return 0;
        }
    }
    int r = rc_addop(c, kind == SEQ_SET ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    if (r == 0)
        r = rc_load_const(c, k);
    if (r == 0)
        r = rc_addop(c, kind == SEQ_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
    Rp_DECREF(k);
    return r < 0 ? -1 : 1;
}

/* [a, *b, c] -> BUILD_LIST 1; b; LIST_EXTEND 1; c; LIST_APPEND 1 */
static int starunpack(RpCompiler *c, asdl_seq *elts, int kind)
{
    Rp_ssize_t n = asdl_seq_LEN(elts);
    int build = kind == SEQ_SET ? OP_BUILD_SET : OP_BUILD_LIST;
    int folded = const_display(c, elts, kind);
    if (folded != 0)
        return folded < 0 ? -1 : 0;
    if (!has_starred(elts)) {
        RC_TRY(exprs(c, elts));
        return rc_addop(c, kind == SEQ_TUPLE ? OP_BUILD_TUPLE : build, (int)n);
    }
    int add = kind == SEQ_SET ? OP_SET_ADD : OP_LIST_APPEND;
    int extend = kind == SEQ_SET ? OP_SET_UPDATE : OP_LIST_EXTEND;
    int seen = 0, built = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        expr_ty e = asdl_seq_GET(elts, i);
        if (e->kind == Starred_kind) {
            if (!built) {
                RC_TRY(rc_addop(c, build, seen));
                built = 1;
            }
            RC_TRY(rc_expr(c, e->v.Starred.value));
            RC_TRY(rc_addop(c, extend, 1));
        } else {
            RC_TRY(rc_expr(c, e));
            if (built)
                RC_TRY(rc_addop(c, add, 1));
            else
                seen++;
        }
    }
    if (kind == SEQ_TUPLE)
        EMIT0(c, LIST_TO_TUPLE);
    return 0;
}

/* Fold pending key/value pairs into the dict being built. */
static int dict_flush(RpCompiler *c, int *pending, int *have_dict, int merge_op)
{
    if (*pending == 0)
        return 0;
    EMIT(c, BUILD_MAP, *pending);
    if (*have_dict)
        RC_TRY(rc_addop(c, merge_op, 1));
    *have_dict = 1;
    *pending = 0;
    return 0;
}

static int compile_dict(RpCompiler *c, expr_ty e)
{
    int pending = 0, have_dict = 0;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.values); i++) {
        expr_ty k = asdl_seq_GET(e->v.Dict.keys, i);
        expr_ty v = asdl_seq_GET(e->v.Dict.values, i);
        if (k == NULL) {
            RC_TRY(dict_flush(c, &pending, &have_dict, OP_DICT_UPDATE));
            if (!have_dict) {
                EMIT(c, BUILD_MAP, 0);
                have_dict = 1;
            }
            RC_TRY(rc_expr(c, v));
            EMIT(c, DICT_UPDATE, 1);
        } else {
            RC_TRY(rc_expr(c, k));
            RC_TRY(rc_expr(c, v));
            pending++;
        }
    }
    RC_TRY(dict_flush(c, &pending, &have_dict, OP_DICT_UPDATE));
    if (!have_dict)
        EMIT(c, BUILD_MAP, 0);
    return 0;
}

/* ---- comparisons and boolean operators --------------------------------------- */

static int compare_op(RpCompiler *c, int op)
{
    static const int rich[] = {
        [Eq] = Rp_EQ, [NotEq] = Rp_NE, [Lt] = Rp_LT, [LtE] = Rp_LE, [Gt] = Rp_GT, [GtE] = Rp_GE,
    };
    switch (op) {
    case Is: return rc_addop(c, OP_IS_OP, 0);
    case IsNot: return rc_addop(c, OP_IS_OP, 1);
    case In: return rc_addop(c, OP_CONTAINS_OP, 0);
    case NotIn: return rc_addop(c, OP_CONTAINS_OP, 1);
    default: return rc_addop(c, OP_COMPARE_OP, rich[op]);
    }
}

/* ---- CPython's compile-time SyntaxWarnings for obvious mistakes ---- */

/* The type a literal-ish expression certainly has (CPython's infer_type),
 * or NULL.  Constant-foldable tuples count as constants, as after CPython's
 * AST optimizer. */
static const char *literal_type(RpCompiler *c, expr_ty e, RpObject **constp)
{
    *constp = NULL;
    switch (e->kind) {
    case Tuple_kind: return "tuple";
    case List_kind: case ListComp_kind: return "list";
    case Dict_kind: case DictComp_kind: return "dict";
    case Set_kind: case SetComp_kind: return "set";
    case GeneratorExp_kind: return "generator";
    case Lambda_kind: return "function";
    case JoinedStr_kind: case FormattedValue_kind: return "str";
    case Constant_kind:
        *constp = e->v.Constant.value;
        return Rp_TYPE(*constp)->tp_name;
    default: return NULL;
    }
}

static void warn_at(RpCompiler *c, expr_ty e, const char *fmt, const char *a, const char *b)
{
    _RpCompile_Warn(c->filename, e->lineno, fmt, a, b);
}

/* 1(), (1, 2)(x), "s"(x): "perhaps you missed a comma?" */
static void check_caller(RpCompiler *c, expr_ty f)
{
    RpObject *v;
    const char *t = literal_type(c, f, &v);
    if (t != NULL && f->kind != Lambda_kind)
        warn_at(c, f, "'%s' object is not callable; perhaps you missed a comma?", t, NULL);
}

static int number_or_set(RpObject *v)
{
    return v == Rp_None || v == Rp_Ellipsis || RpLong_Check(v) || RpFloat_Check(v) ||
           RpComplex_Check(v) || RpAnySet_Check(v);
}

/* 5[0], {1}[0], "ab"["x"], [1, 2][1, 2]: CPython's check_subscripter and
 * check_index. */
static void check_subscript(RpCompiler *c, expr_ty e)
{
    expr_ty value = e->v.Subscript.value, index = e->v.Subscript.slice;
    RpObject *v, *iv;
    const char *t = literal_type(c, value, &v);
    if (t == NULL)
        return;
    if (value->kind == Set_kind || value->kind == SetComp_kind ||
        value->kind == GeneratorExp_kind || value->kind == Lambda_kind ||
        (v != NULL && number_or_set(v))) {
        warn_at(c, e, "'%s' object is not subscriptable; perhaps you missed a comma?", t, NULL);
        return;
    }
    const char *it = index->kind == Slice_kind ? "slice" : literal_type(c, index, &iv);
    if (it == NULL || index->kind == Slice_kind || (iv != NULL && RpLong_Check(iv)))
        return;
    if (v != NULL && !RpUnicode_Check(v) && !RpBytes_Check(v) && !RpTuple_Check(v))
        return;
    if (v != NULL || value->kind == Tuple_kind || value->kind == List_kind ||
        value->kind == ListComp_kind || value->kind == JoinedStr_kind ||
        value->kind == FormattedValue_kind)
        warn_at(c, e, "%s indices must be integers or slices, not %s; "
                      "perhaps you missed a comma?", t, it);
}

/* Operands `is` may sensibly compare with; other literals get a warning. */
static int is_arg_ok(RpCompiler *c, expr_ty e)
{
    if (e->kind != Constant_kind && e->kind != Tuple_kind && e->kind != UnaryOp_kind &&
        e->kind != BinOp_kind)
        return 1;
    RpObject *v = rc_const_value(c, e);   /* folded as CPython's optimizer would */
    if (v == NULL) {
        RpErr_Clear();
        return 1;
    }
    int ok = v == Rp_None || v == Rp_False || v == Rp_True || v == Rp_Ellipsis;
    Rp_DECREF(v);
    return ok;
}

static void check_compare(RpCompiler *c, expr_ty e)
{
    asdl_seq *comps = e->v.Compare.comparators;
    int left = is_arg_ok(c, e->v.Compare.left);
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(comps); i++) {
        cmpop_ty op = e->v.Compare.ops[i];
        int right = is_arg_ok(c, asdl_seq_GET(comps, i));
        if ((op == Is || op == IsNot) && (!left || !right)) {
            warn_at(c, e, op == Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                   : "\"is not\" with a literal. Did you mean \"!=\"?",
                    NULL, NULL);
            return;
        }
        left = right;
    }
}

/* a < b < c: each middle operand is kept (SWAP/COPY) for the next
 * comparison; a false link short-circuits to `cleanup`, which drops it. */
static int compile_compare(RpCompiler *c, expr_ty e)
{
    asdl_seq *comps = e->v.Compare.comparators;
    Rp_ssize_t n = asdl_seq_LEN(comps);
    check_compare(c, e);
    RC_TRY(rc_expr(c, e->v.Compare.left));
    if (n == 1) {
        RC_TRY(rc_expr(c, asdl_seq_GET(comps, 0)));
        rc_set_loc_expr(c, e);
        return compare_op(c, e->v.Compare.ops[0]);
    }
    int cleanup, end;
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    for (Rp_ssize_t i = 0; i < n - 1; i++) {
        RC_TRY(rc_expr(c, asdl_seq_GET(comps, i)));
        EMIT(c, SWAP, 2);
        EMIT(c, COPY, 2);
        RC_TRY(compare_op(c, e->v.Compare.ops[i]));
        EMIT_JUMP(c, JUMP_IF_FALSE_OR_POP, cleanup);
    }
    RC_TRY(rc_expr(c, asdl_seq_GET(comps, n - 1)));
    RC_TRY(compare_op(c, e->v.Compare.ops[n - 1]));
    EMIT_JUMP(c, JUMP, end);
    BIND(c, cleanup);
    EMIT(c, SWAP, 2);
    EMIT0(c, POP_TOP);
    BIND(c, end);
    return 0;
}

static int compile_boolop(RpCompiler *c, expr_ty e)
{
    asdl_seq *vals = e->v.BoolOp.values;
    int end;
    NEW_LABEL(c, end);
    int op = e->v.BoolOp.op == And ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    Rp_ssize_t n = asdl_seq_LEN(vals);
    for (Rp_ssize_t i = 0; i < n - 1; i++) {
        RC_TRY(rc_expr(c, asdl_seq_GET(vals, i)));
        RC_TRY(rc_jump(c, op, end));
    }
    RC_TRY(rc_expr(c, asdl_seq_GET(vals, n - 1)));
    BIND(c, end);
    return 0;
}

/* Jump to `label` if bool(e) == cond, without materializing booleans for
 * `not`, `and`, `or` and conditional expressions. */
int rc_jump_if(RpCompiler *c, expr_ty e, int label, int cond)
{
    if (e->kind == UnaryOp_kind && e->v.UnaryOp.op == Not)
        return rc_jump_if(c, e->v.UnaryOp.operand, label, !cond);
    if (e->kind == BoolOp_kind) {
        asdl_seq *vals = e->v.BoolOp.values;
        Rp_ssize_t n = asdl_seq_LEN(vals);
        int is_or = e->v.BoolOp.op == Or;
        int target = label;
        if (is_or != cond)
            NEW_LABEL(c, target);
        for (Rp_ssize_t i = 0; i < n - 1; i++)
            RC_TRY(rc_jump_if(c, asdl_seq_GET(vals, i), target, is_or));
        RC_TRY(rc_jump_if(c, asdl_seq_GET(vals, n - 1), label, cond));
        if (target != label)
            BIND(c, target);
        return 0;
    }
    if (e->kind == IfExp_kind) {
        int end, next;
        NEW_LABEL(c, end);
        NEW_LABEL(c, next);
        RC_TRY(rc_jump_if(c, e->v.IfExp.test, next, 0));
        RC_TRY(rc_jump_if(c, e->v.IfExp.body, label, cond));
        EMIT_JUMP(c, JUMP, end);
        BIND(c, next);
        RC_TRY(rc_jump_if(c, e->v.IfExp.orelse, label, cond));
        BIND(c, end);
        return 0;
    }
    RC_TRY(rc_expr(c, e));
    return rc_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

static int compile_ifexp(RpCompiler *c, expr_ty e)
{
    int end, next;
    NEW_LABEL(c, end);
    NEW_LABEL(c, next);
    RC_TRY(rc_jump_if(c, e->v.IfExp.test, next, 0));
    RC_TRY(rc_expr(c, e->v.IfExp.body));
    EMIT_JUMP(c, JUMP, end);
    BIND(c, next);
    RC_TRY(rc_expr(c, e->v.IfExp.orelse));
    BIND(c, end);
    return 0;
}

/* ---- calls ------------------------------------------------------------------- */

static int check_keywords(RpCompiler *c, asdl_seq *keywords)
{
    Rp_ssize_t n = asdl_seq_LEN(keywords);
    for (Rp_ssize_t i = 0; i < n; i++) {
        keyword_ty a = asdl_seq_GET(keywords, i);
        for (Rp_ssize_t j = i + 1; a->arg && j < n; j++) {
            keyword_ty b = asdl_seq_GET(keywords, j);
            if (b->arg && _RpUnicode_Equal(a->arg, b->arg)) {
                c->u->lineno = b->lineno;
                c->u->col = b->col_offset;
                c->u->end_lineno = b->end_lineno;
                c->u->end_col = b->end_col_offset;
                return rc_error(c, "keyword argument repeated: %s", RpUnicode_AsUTF8(b->arg));
            }
        }
    }
    return 0;
}

static int has_double_star(asdl_seq *keywords)
{
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(keywords); i++)
        if (((keyword_ty)asdl_seq_GET(keywords, i))->arg == NULL)
            return 1;
    return 0;
}

/* Keyword values with KW_NAMES; returns the number of keywords. */
static int simple_keywords(RpCompiler *c, asdl_seq *keywords)
{
    Rp_ssize_t n = asdl_seq_LEN(keywords);
    if (n == 0)
        return 0;
    RpObject *names = RpTuple_New(n);
    if (names == NULL)
        return -1;
    for (Rp_ssize_t i = 0; i < n; i++) {
        keyword_ty k = asdl_seq_GET(keywords, i);
        RpTuple_SET_ITEM(names, i, Rp_NewRef(k->arg));
    }
    int idx = rc_add_const(c, names);
    Rp_DECREF(names);
    RC_TRY(idx);
    for (Rp_ssize_t i = 0; i < n; i++)
        RC_TRY(rc_expr(c, ((keyword_ty)asdl_seq_GET(keywords, i))->value));
    EMIT(c, KW_NAMES, idx);
    return (int)n;
}

/* The keyword dict for CALL_FUNCTION_EX: name=value pairs and **maps. */
static int keyword_dict(RpCompiler *c, asdl_seq *keywords)
{
    int pending = 0, have_dict = 0;
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(keywords); i++) {
        keyword_ty k = asdl_seq_GET(keywords, i);
        if (k->arg == NULL) {
            RC_TRY(dict_flush(c, &pending, &have_dict, OP_DICT_MERGE));
            if (!have_dict) {
                EMIT(c, BUILD_MAP, 0);
                have_dict = 1;
            }
            RC_TRY(rc_expr(c, k->value));
            EMIT(c, DICT_MERGE, 1);
        } else {
            EMIT_CONST(c, k->arg);
            RC_TRY(rc_expr(c, k->value));
            pending++;
        }
    }
    return dict_flush(c, &pending, &have_dict, OP_DICT_MERGE);
}

/* Arguments of a call whose callable (and NULL or self) is on the stack,
 * followed by `nprefix` positional values already pushed. */
int rc_call_helper(RpCompiler *c, int nprefix, asdl_seq *args, asdl_seq *keywords)
{
    RC_TRY(check_keywords(c, keywords));
    if (!has_starred(args) && !has_double_star(keywords)) {
        RC_TRY(exprs(c, args));
        int nkw = simple_keywords(c, keywords);
        RC_TRY(nkw);
        EMIT(c, CALL, nprefix + (int)asdl_seq_LEN(args) + nkw);
        return 0;
    }
    EMIT(c, BUILD_LIST, nprefix);
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        expr_ty a = asdl_seq_GET(args, i);
        if (a->kind == Starred_kind) {
            RC_TRY(rc_expr(c, a->v.Starred.value));
            EMIT(c, LIST_EXTEND, 1);
        } else {
            RC_TRY(rc_expr(c, a));
            EMIT(c, LIST_APPEND, 1);
        }
    }
    EMIT0(c, LIST_TO_TUPLE);
    if (asdl_seq_LEN(keywords) > 0) {
        RC_TRY(keyword_dict(c, keywords));
        EMIT(c, CALL_FUNCTION_EX, 1);
    } else {
        EMIT(c, CALL_FUNCTION_EX, 0);
    }
    return 0;
}

static int compile_call(RpCompiler *c, expr_ty e)
{
    expr_ty f = e->v.Call.func;
    asdl_seq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    check_caller(c, f);
    if (f->kind == Attribute_kind && f->v.Attribute.ctx == Load && !has_starred(args) &&
        !has_double_star(kws)) {
        /* o.m(...) without building a bound method */
        RC_TRY(rc_expr(c, f->v.Attribute.value));
        rc_set_loc_expr(c, f);
        EMIT_NAME(c, LOAD_METHOD, f->v.Attribute.attr);
        RC_TRY(rc_call_helper(c, 0, args, kws));
        return 0;
    }
    int done = 0;
    if (f->kind == Name_kind && !_RpUnicode_EqualToASCIIString(f->v.Name.id, "__debug__"))
        RC_TRY(done = rc_load_global_for_call(c, f->v.Name.id));
    if (!done) {
        EMIT0(c, PUSH_NULL);
        RC_TRY(rc_expr(c, f));
    }
    return rc_call_helper(c, 0, args, kws);
}

/* ---- comprehensions ---------------------------------------------------------- */

static int comprehension_element(RpCompiler *c, expr_ty e, int depth)
{
    switch (e->kind) {
    case GeneratorExp_kind:
        RC_TRY(rc_expr(c, e->v.ListComp.elt));
        if (c->u->ste->is_coroutine)
            EMIT0(c, ASYNC_GEN_WRAP);
        EMIT0(c, YIELD_VALUE);
        EMIT0(c, POP_TOP);
        return 0;
    case ListComp_kind:
        RC_TRY(rc_expr(c, e->v.ListComp.elt));
        EMIT(c, LIST_APPEND, depth + 1);
        return 0;
    case SetComp_kind:
        RC_TRY(rc_expr(c, e->v.ListComp.elt));
        EMIT(c, SET_ADD, depth + 1);
        return 0;
    default:
        RC_TRY(rc_expr(c, e->v.DictComp.key));
        RC_TRY(rc_expr(c, e->v.DictComp.value));
        EMIT(c, MAP_ADD, depth + 1);
        return 0;
    }
}

/* One `for` clause (and its `if`s) of a comprehension; `depth` counts
 * the iterators on the stack above the collection being built. */
static int comprehension_generator(RpCompiler *c, expr_ty e, asdl_seq *gens,
                                   Rp_ssize_t index, int depth)
{
    comprehension_ty g = asdl_seq_GET(gens, index);
    int start, if_cleanup, anchor;
    NEW_LABEL(c, start);
    NEW_LABEL(c, if_cleanup);
    NEW_LABEL(c, anchor);
    if (index == 0) {
        EMIT(c, LOAD_FAST, 0);     /* the implicit argument .0 */
    } else {
        RC_TRY(rc_expr(c, g->iter));
        if (g->is_async)
            EMIT0(c, GET_AITER);
        else
            EMIT0(c, GET_ITER);
    }
    depth++;
    BIND(c, start);
    if (g->is_async) {
        /* anext under a handler: StopAsyncIteration ends this loop */
        RC_TRY(rc_push_handler(c, anchor, 0, 0));
        EMIT0(c, GET_ANEXT);
        RC_TRY(rc_await(c, 0));
        rc_pop_handler(c);
    } else {
        EMIT_JUMP(c, FOR_ITER, anchor);
    }
    RC_TRY(rc_store(c, g->target));
    for (Rp_ssize_t i = 0; i < asdl_seq_LEN(g->ifs); i++)
        RC_TRY(rc_jump_if(c, asdl_seq_GET(g->ifs, i), if_cleanup, 0));
    if (index + 1 < asdl_seq_LEN(gens))
        RC_TRY(comprehension_generator(c, e, gens, index + 1, depth));
    else
        RC_TRY(comprehension_element(c, e, depth));
    BIND(c, if_cleanup);
    EMIT_JUMP(c, JUMP, start);
    BIND(c, anchor);
    if (g->is_async)
        EMIT0(c, END_ASYNC_FOR);
    return 0;
}

static RpObject *comprehension_code(RpCompiler *c, expr_ty e, asdl_seq *gens)
{
    static const char *const names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    int k = e->kind == ListComp_kind ? 0 : e->kind == SetComp_kind ? 1
          : e->kind == DictComp_kind ? 2 : 3;
    RpObject *name = RpUnicode_InternFromString(names[k]);
    if (name == NULL)
        return NULL;
    int r = rc_enter_scope(c, name, U_COMPREHENSION, e, e->lineno);
    Rp_DECREF(name);
    if (r < 0)
        return NULL;
    RpObject *co = NULL;
    static const int builds[] = {OP_BUILD_LIST, OP_BUILD_SET, OP_BUILD_MAP};
    c->u->argcount = 1;
    if (k < 3 && rc_addop(c, builds[k], 0) < 0)
        goto done;
    if (comprehension_generator(c, e, gens, 0, 0) < 0)
        goto done;
    if (k == 3 && rc_load_const(c, Rp_None) < 0)
        goto done;
    if (rc_addop(c, OP_RETURN_VALUE, 0) < 0)
        goto done;
    co = rc_assemble(c);
done:
    rc_exit_scope(c);
    return co;
}

/* A comprehension is a nested function called with iter(first iterable). */
int rc_comprehension(RpCompiler *c, expr_ty e)
{
    asdl_seq *gens = e->kind == DictComp_kind ? e->v.DictComp.generators
                                              : e->v.ListComp.generators;
    comprehension_ty first = asdl_seq_GET(gens, 0);
    EMIT0(c, PUSH_NULL);
    RpObject *co = comprehension_code(c, e, gens);
    if (co == NULL)
        return -1;
    /* async list/set/dict comprehensions are coroutines, awaited here */
    int awaited = (((RpCodeObject *)co)->co_flags & RP_CO_COROUTINE) != 0;
    int r = rc_make_closure(c, co, 0);
    Rp_DECREF(co);
    RC_TRY(r);
    RC_TRY(rc_expr(c, first->iter));
    if (first->is_async)
        EMIT0(c, GET_AITER);
    else
        EMIT0(c, GET_ITER);
    rc_set_loc_expr(c, e);
    EMIT(c, CALL, 1);
    if (awaited)
        RC_TRY(rc_await(c, 0));
    return 0;
}

/* ---- yield from / await -------------------------------------------------------- */

/* receiver None; loop: SEND exit; YIELD_VALUE; JUMP loop; exit: result */
static int send_loop(RpCompiler *c)
{
    int loop, exit;
    NEW_LABEL(c, loop);
    NEW_LABEL(c, exit);
    EMIT_CONST(c, Rp_None);
    BIND(c, loop);
    EMIT_JUMP(c, SEND, exit);
    EMIT0(c, YIELD_VALUE);
    EMIT_JUMP(c, JUMP, loop);
    BIND(c, exit);
    return 0;
}

static int compile_yield_from(RpCompiler *c, expr_ty e)
{
    if (c->u->ste->is_coroutine)
        return rc_error(c, "'yield from' inside async function");
    RC_TRY(rc_expr(c, e->v.YieldFrom.value));
    EMIT0(c, GET_YIELD_FROM_ITER);
    return send_loop(c);
}

/* TOS -> the result of awaiting it (oparg as GET_AWAITABLE's). */
int rc_await(RpCompiler *c, int oparg)
{
    EMIT(c, GET_AWAITABLE, oparg);
    return send_loop(c);
}

static int compile_await(RpCompiler *c, expr_ty e)
{
    if (c->u->ste->type != ST_FUNCTION)
        return rc_error(c, "'await' outside function");
    if (!c->u->ste->is_coroutine)
        return rc_error(c, "'await' outside async function");
    RC_TRY(rc_expr(c, e->v.Await.value));
    return rc_await(c, 0);
}

/* ---- f-strings ------------------------------------------------------------------ */

static int compile_formatted(RpCompiler *c, expr_ty e)
{
    int conv = e->v.FormattedValue.conversion;
    int arg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    RC_TRY(rc_expr(c, e->v.FormattedValue.value));
    if (e->v.FormattedValue.format_spec) {
        RC_TRY(rc_expr(c, e->v.FormattedValue.format_spec));
        arg |= 4;
    }
    EMIT(c, FORMAT_VALUE, arg);
    return 0;
}

static int compile_joined(RpCompiler *c, expr_ty e)
{
    asdl_seq *vals = e->v.JoinedStr.values;
    Rp_ssize_t n = asdl_seq_LEN(vals);
    if (n == 0) {
        RpObject *empty = _RpUnicode_Empty();
        int r = empty ? rc_load_const(c, empty) : -1;
        Rp_XDECREF(empty);
        return r;
    }
    RC_TRY(exprs(c, vals));
    if (n > 1)
        EMIT(c, BUILD_STRING, (int)n);   /* a single part is already a str */
    return 0;
}

/* ---- names, attributes, subscripts -------------------------------------------- */

static int compile_slice(RpCompiler *c, expr_ty e)
{
    int n = 2;
    if (e->v.Slice.lower)
        RC_TRY(rc_expr(c, e->v.Slice.lower));
    else
        EMIT_CONST(c, Rp_None);
    if (e->v.Slice.upper)
        RC_TRY(rc_expr(c, e->v.Slice.upper));
    else
        EMIT_CONST(c, Rp_None);
    if (e->v.Slice.step) {
        RC_TRY(rc_expr(c, e->v.Slice.step));
        n = 3;
    }
    EMIT(c, BUILD_SLICE, n);
    return 0;
}

static int compile_attribute(RpCompiler *c, expr_ty e)
{
    RC_TRY(rc_expr(c, e->v.Attribute.value));
    rc_set_loc_expr(c, e);
    switch (e->v.Attribute.ctx) {
    case Load:
        EMIT_NAME(c, LOAD_ATTR, e->v.Attribute.attr);
        return 0;
    case Del:
        EMIT_NAME(c, DELETE_ATTR, e->v.Attribute.attr);
        return 0;
    default:
        EMIT_NAME(c, STORE_ATTR, e->v.Attribute.attr);
        return 0;
    }
}

static int compile_subscript(RpCompiler *c, expr_ty e)
{
    if (e->v.Subscript.ctx == Load)
        check_subscript(c, e);
    RC_TRY(rc_expr(c, e->v.Subscript.value));
    RC_TRY(rc_expr(c, e->v.Subscript.slice));
    rc_set_loc_expr(c, e);
    switch (e->v.Subscript.ctx) {
    case Load:
        EMIT0(c, BINARY_SUBSCR);
        return 0;
    case Del:
        EMIT0(c, DELETE_SUBSCR);
        return 0;
    default:
        EMIT0(c, STORE_SUBSCR);
        return 0;
    }
}

static int compile_name(RpCompiler *c, expr_ty e)
{
    if (e->v.Name.ctx == Load && _RpUnicode_EqualToASCIIString(e->v.Name.id, "__debug__"))
        return rc_load_const(c, c->optimize ? Rp_False : Rp_True);
    return rc_nameop(c, e->v.Name.id, e->v.Name.ctx);
}

static int compile_sequence(RpCompiler *c, expr_ty e, int kind)
{
    switch (e->v.List.ctx) {
    case Load:
        return starunpack(c, e->v.List.elts, kind);
    case Store:
        return rc_store(c, e);
    default:
        return exprs(c, e->v.List.elts);
    }
}

/* ---- assignment targets ------------------------------------------------------- */

static int unpack(RpCompiler *c, asdl_seq *elts)
{
    Rp_ssize_t n = asdl_seq_LEN(elts), star = -1;
    for (Rp_ssize_t i = 0; i < n; i++) {
        expr_ty t = asdl_seq_GET(elts, i);
        if (t->kind != Starred_kind)
            continue;
        if (star >= 0) {
            rc_set_loc_expr(c, t);
            return rc_error(c, "multiple starred expressions in assignment");
        }
        star = i;
    }
    if (star < 0) {
        EMIT(c, UNPACK_SEQUENCE, (int)n);
    } else {
        Rp_ssize_t after = n - star - 1;
        if (star >= 256 || after >= (1 << 16))
            return rc_error(c, "too many expressions in star-unpacking assignment");
        EMIT(c, UNPACK_EX, (int)(star | (after << 8)));
    }
    for (Rp_ssize_t i = 0; i < n; i++) {
        expr_ty t = asdl_seq_GET(elts, i);
        RC_TRY(rc_store(c, t->kind == Starred_kind ? t->v.Starred.value : t));
    }
    return 0;
}

int rc_store(RpCompiler *c, expr_ty t)
{
    switch (t->kind) {
    case Name_kind:
        return rc_nameop(c, t->v.Name.id, Store);
    case Attribute_kind:
        RC_TRY(rc_expr(c, t->v.Attribute.value));
        rc_set_loc_expr(c, t);
        EMIT_NAME(c, STORE_ATTR, t->v.Attribute.attr);
        return 0;
    case Subscript_kind:
        RC_TRY(rc_expr(c, t->v.Subscript.value));
        RC_TRY(rc_expr(c, t->v.Subscript.slice));
        rc_set_loc_expr(c, t);
        EMIT0(c, STORE_SUBSCR);
        return 0;
    case Tuple_kind:
    case List_kind:
        return unpack(c, t->v.List.elts);
    case Starred_kind:
        rc_set_loc_expr(c, t);
        return rc_error(c, "starred assignment target must be in a list or tuple");
    default:
        rc_set_loc_expr(c, t);
        return rc_error(c, "cannot assign to expression");
    }
}

/* ---- dispatch ------------------------------------------------------------------ */

static int expr_inner(RpCompiler *c, expr_ty e)
{
    RpObject *cst;
    switch (e->kind) {
    case BinOp_kind:
    case UnaryOp_kind:
    case Tuple_kind:
        if ((cst = rc_const_value(c, e)) != NULL) {
            int r = rc_load_const(c, cst);
            Rp_DECREF(cst);
            return r;
        }
        break;
    default:
        break;
    }
    switch (e->kind) {
    case BoolOp_kind:
        return compile_boolop(c, e);
    case NamedExpr_kind:
        RC_TRY(rc_expr(c, e->v.NamedExpr.value));
        EMIT(c, COPY, 1);
        return rc_store(c, e->v.NamedExpr.target);
    case BinOp_kind:
        RC_TRY(rc_expr(c, e->v.BinOp.left));
        RC_TRY(rc_expr(c, e->v.BinOp.right));
        rc_set_loc_expr(c, e);
        EMIT(c, BINARY_OP, binops[e->v.BinOp.op]);
        return 0;
    case UnaryOp_kind: {
        static const int ops[] = {[Invert] = OP_UNARY_INVERT, [Not] = OP_UNARY_NOT,
                                  [UAdd] = OP_UNARY_POSITIVE, [USub] = OP_UNARY_NEGATIVE};
        RC_TRY(rc_expr(c, e->v.UnaryOp.operand));
        rc_set_loc_expr(c, e);
        return rc_addop(c, ops[e->v.UnaryOp.op], 0);
    }
    case Lambda_kind:
        return rc_lambda(c, e);
    case IfExp_kind:
        return compile_ifexp(c, e);
    case Dict_kind:
        return compile_dict(c, e);
    case Set_kind:
        return starunpack(c, e->v.Set.elts, SEQ_SET);
    case ListComp_kind:
    case SetComp_kind:
    case DictComp_kind:
    case GeneratorExp_kind:
        return rc_comprehension(c, e);
    case Yield_kind:
        if (e->v.Yield.value)
            RC_TRY(rc_expr(c, e->v.Yield.value));
        else
            EMIT_CONST(c, Rp_None);
        rc_set_loc_expr(c, e);
        if (c->u->ste->is_coroutine)
            EMIT0(c, ASYNC_GEN_WRAP);
        EMIT0(c, YIELD_VALUE);
        return 0;
    case YieldFrom_kind:
        return compile_yield_from(c, e);
    case Await_kind:
        return compile_await(c, e);
    case Compare_kind:
        return compile_compare(c, e);
    case Call_kind:
        RC_TRY(compile_call(c, e));
        return 0;
    case FormattedValue_kind:
        return compile_formatted(c, e);
    case JoinedStr_kind:
        return compile_joined(c, e);
    case Constant_kind:
        return rc_load_const(c, e->v.Constant.value);
    case Attribute_kind:
        return compile_attribute(c, e);
    case Subscript_kind:
        return compile_subscript(c, e);
    case Starred_kind:
        if (e->v.Starred.ctx == Store)
            return rc_error(c, "starred assignment target must be in a list or tuple");
        return rc_error(c, "can't use starred expression here");
    case Name_kind:
        return compile_name(c, e);
    case List_kind:
        return compile_sequence(c, e, SEQ_LIST);
    case Tuple_kind:
        return compile_sequence(c, e, SEQ_TUPLE);
    case Slice_kind:
        return compile_slice(c, e);
    }
    return 0;
}

int rc_expr(RpCompiler *c, expr_ty e)
{
    if (++c->depth > 2000) {
        RpErr_SetString(RpExc_RecursionError, "maximum recursion depth exceeded during compilation");
        c->depth--;
        return -1;
    }
    int saved_line = c->u->lineno, saved_col = c->u->col;
    int saved_eline = c->u->end_lineno, saved_ecol = c->u->end_col;
    rc_set_loc_expr(c, e);
    int r = expr_inner(c, e);
    c->u->lineno = saved_line;
    c->u->col = saved_col;
    c->u->end_lineno = saved_eline;
    c->u->end_col = saved_ecol;
    c->depth--;
    return r;
}
