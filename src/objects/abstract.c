/* abstract.c -- the abstract protocols: operators (number protocol),
 * subscription and length (sequence/mapping), iteration, calls, and
 * isinstance/issubclass.  Everything dispatches through type slots; the
 * rules for which operand is asked first are CPython's.
 */
#include "rp.h"
#include <stdarg.h>

/* ---- binary operators ------------------------------------------------------------ */

#define NB_OFF(f) offsetof(RpNumberMethods, f)

static binaryfunc nb_binary(RpTypeObject *t, size_t off)
{
    RpNumberMethods *nb = t->tp_as_number;
    return nb != NULL ? *(binaryfunc *)((char *)nb + off) : NULL;
}

static ternaryfunc nb_ternary(RpTypeObject *t, size_t off)
{
    RpNumberMethods *nb = t->tp_as_number;
    return nb != NULL ? *(ternaryfunc *)((char *)nb + off) : NULL;
}

/* v's slot first, unless w's type is a subclass with its own slot; both
 * are called as slot(v, w) and decide themselves what they accept. */
static RpObject *binary_op1(RpObject *v, RpObject *w, size_t off)
{
    binaryfunc slotv = nb_binary(Rp_TYPE(v), off), slotw = NULL;
    if (Rp_TYPE(w) != Rp_TYPE(v)) {
        slotw = nb_binary(Rp_TYPE(w), off);
        if (slotw == slotv)
            slotw = NULL;
    }
    RpObject *x;
    if (slotv != NULL) {
        if (slotw != NULL && RpType_IsSubtype(Rp_TYPE(w), Rp_TYPE(v))) {
            x = slotw(v, w);
            if (x != Rp_NotImplemented)
                return x;
            Rp_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != Rp_NotImplemented)
            return x;
        Rp_DECREF(x);
    }
    if (slotw != NULL)
        return slotw(v, w);
    Rp_RETURN_NOTIMPLEMENTED;
}

static RpObject *binop_type_error(RpObject *v, RpObject *w, const char *op)
{
    if (strcmp(op, ">>") == 0 && RpCFunction_Check(v) &&
        strcmp(((RpCFunctionObject *)v)->m_ml->ml_name, "print") == 0) {
        RpErr_Format(RpExc_TypeError,
                     "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'. "
                     "Did you mean \"print(<message>, file=<output_stream>)\"?",
                     op, Rp_TYPE(v)->tp_name, Rp_TYPE(w)->tp_name);
        return NULL;
    }
    RpErr_Format(RpExc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", op,
                 Rp_TYPE(v)->tp_name, Rp_TYPE(w)->tp_name);
    return NULL;
}

static RpObject *binary_op(RpObject *v, RpObject *w, size_t off, const char *op)
{
    RpObject *r = binary_op1(v, w, off);
    if (r == Rp_NotImplemented) {
        Rp_DECREF(r);
        return binop_type_error(v, w, op);
    }
    return r;
}

#define BINARY_FUNC(func, slot, op)                                  \
    RpObject *func(RpObject *v, RpObject *w)                         \
    {                                                                 \
        return binary_op(v, w, NB_OFF(slot), op);                    \
    }

BINARY_FUNC(RpNumber_Subtract, nb_subtract, "-")
BINARY_FUNC(RpNumber_MatrixMultiply, nb_matrix_multiply, "@")
BINARY_FUNC(RpNumber_TrueDivide, nb_true_divide, "/")
BINARY_FUNC(RpNumber_FloorDivide, nb_floor_divide, "//")
BINARY_FUNC(RpNumber_Remainder, nb_remainder, "%")
BINARY_FUNC(RpNumber_Divmod, nb_divmod, "divmod()")
BINARY_FUNC(RpNumber_Lshift, nb_lshift, "<<")
BINARY_FUNC(RpNumber_Rshift, nb_rshift, ">>")
BINARY_FUNC(RpNumber_And, nb_and, "&")
BINARY_FUNC(RpNumber_Xor, nb_xor, "^")
BINARY_FUNC(RpNumber_Or, nb_or, "|")

/* list + list, 'a' + 'b': the sequence protocol when no number slot took it. */
RpObject *RpNumber_Add(RpObject *v, RpObject *w)
{
    RpObject *r = binary_op1(v, w, NB_OFF(nb_add));
    if (r != Rp_NotImplemented)
        return r;
    Rp_DECREF(r);
    RpSequenceMethods *m = Rp_TYPE(v)->tp_as_sequence;
    if (m != NULL && m->sq_concat != NULL)
        return m->sq_concat(v, w);
    return binop_type_error(v, w, "+");
}

static RpObject *sequence_repeat(ssizeargfunc repeat, RpObject *seq, RpObject *n)
{
    if (!RpIndex_Check(n)) {
        RpErr_Format(RpExc_TypeError, "can't multiply sequence by non-int of type '%.200s'",
                     Rp_TYPE(n)->tp_name);
        return NULL;
    }
    Rp_ssize_t count = RpNumber_AsSsize_t(n, RpExc_OverflowError);
    if (count == -1 && RpErr_Occurred())
        return NULL;
    return repeat(seq, count);
}

/* 'a' * 3 and 3 * 'a' */
RpObject *RpNumber_Multiply(RpObject *v, RpObject *w)
{
    RpObject *r = binary_op1(v, w, NB_OFF(nb_multiply));
    if (r != Rp_NotImplemented)
        return r;
    Rp_DECREF(r);
    RpSequenceMethods *mv = Rp_TYPE(v)->tp_as_sequence, *mw = Rp_TYPE(w)->tp_as_sequence;
    if (mv != NULL && mv->sq_repeat != NULL)
        return sequence_repeat(mv->sq_repeat, v, w);
    if (mw != NULL && mw->sq_repeat != NULL)
        return sequence_repeat(mw->sq_repeat, w, v);
    return binop_type_error(v, w, "*");
}

/* ---- ternary: pow ----------------------------------------------------------------- */

static RpObject *ternary_op(RpObject *v, RpObject *w, RpObject *z, size_t off, const char *op)
{
    ternaryfunc slotv = nb_ternary(Rp_TYPE(v), off), slotw = NULL, slotz;
    if (Rp_TYPE(w) != Rp_TYPE(v)) {
        slotw = nb_ternary(Rp_TYPE(w), off);
        if (slotw == slotv)
            slotw = NULL;
    }
    RpObject *x;
    if (slotv != NULL) {
        if (slotw != NULL && RpType_IsSubtype(Rp_TYPE(w), Rp_TYPE(v))) {
            x = slotw(v, w, z);
            if (x != Rp_NotImplemented)
                return x;
            Rp_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != Rp_NotImplemented)
            return x;
        Rp_DECREF(x);
    }
    if (slotw != NULL) {
        x = slotw(v, w, z);
        if (x != Rp_NotImplemented)
            return x;
        Rp_DECREF(x);
    }
    slotz = nb_ternary(Rp_TYPE(z), off);
    if (slotz != NULL && slotz != slotv && slotz != slotw) {
        x = slotz(v, w, z);
        if (x != Rp_NotImplemented)
            return x;
        Rp_DECREF(x);
    }
    if (z == Rp_None)
        RpErr_Format(RpExc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'", op,
                     Rp_TYPE(v)->tp_name, Rp_TYPE(w)->tp_name);
    else
        RpErr_Format(RpExc_TypeError,
                     "unsupported operand type(s) for %.100s: '%.100s', '%.100s', '%.100s'", op,
                     Rp_TYPE(v)->tp_name, Rp_TYPE(w)->tp_name, Rp_TYPE(z)->tp_name);
    return NULL;
}

RpObject *RpNumber_Power(RpObject *v, RpObject *w, RpObject *z)
{
    return ternary_op(v, w, z ? z : Rp_None, NB_OFF(nb_power), "** or pow()");
}

RpObject *RpNumber_InPlacePower(RpObject *v, RpObject *w, RpObject *z)
{
    if (z == NULL)
        z = Rp_None;
    ternaryfunc f = nb_ternary(Rp_TYPE(v), NB_OFF(nb_inplace_power));
    if (f != NULL) {
        RpObject *x = f(v, w, z);
        if (x != Rp_NotImplemented)
            return x;
        Rp_DECREF(x);
    }
    return ternary_op(v, w, z, NB_OFF(nb_power), "**=");
}

/* ---- in-place operators ----------------------------------------------------------- */

/* v's in-place slot, then the plain binary operator. */
static RpObject *binary_iop1(RpObject *v, RpObject *w, size_t ioff, size_t off)
{
    binaryfunc f = nb_binary(Rp_TYPE(v), ioff);
    if (f != NULL) {
        RpObject *x = f(v, w);
        if (x != Rp_NotImplemented)
            return x;
        Rp_DECREF(x);
    }
    return binary_op1(v, w, off);
}

static RpObject *binary_iop(RpObject *v, RpObject *w, size_t ioff, size_t off, const char *op)
{
    RpObject *r = binary_iop1(v, w, ioff, off);
    if (r == Rp_NotImplemented) {
        Rp_DECREF(r);
        return binop_type_error(v, w, op);
    }
    return r;
}

#define INPLACE_FUNC(func, islot, slot, op)                                  \
    RpObject *func(RpObject *v, RpObject *w)                                 \
    {                                                                         \
        return binary_iop(v, w, NB_OFF(islot), NB_OFF(slot), op);            \
    }

INPLACE_FUNC(RpNumber_InPlaceSubtract, nb_inplace_subtract, nb_subtract, "-=")
INPLACE_FUNC(RpNumber_InPlaceMatrixMultiply, nb_inplace_matrix_multiply, nb_matrix_multiply, "@=")
INPLACE_FUNC(RpNumber_InPlaceTrueDivide, nb_inplace_true_divide, nb_true_divide, "/=")
INPLACE_FUNC(RpNumber_InPlaceFloorDivide, nb_inplace_floor_divide, nb_floor_divide, "//=")
INPLACE_FUNC(RpNumber_InPlaceRemainder, nb_inplace_remainder, nb_remainder, "%=")
INPLACE_FUNC(RpNumber_InPlaceLshift, nb_inplace_lshift, nb_lshift, "<<=")
INPLACE_FUNC(RpNumber_InPlaceRshift, nb_inplace_rshift, nb_rshift, ">>=")
INPLACE_FUNC(RpNumber_InPlaceAnd, nb_inplace_and, nb_and, "&=")
INPLACE_FUNC(RpNumber_InPlaceXor, nb_inplace_xor, nb_xor, "^=")
INPLACE_FUNC(RpNumber_InPlaceOr, nb_inplace_or, nb_or, "|=")

RpObject *RpNumber_InPlaceAdd(RpObject *v, RpObject *w)
{
    RpObject *r = binary_iop1(v, w, NB_OFF(nb_inplace_add), NB_OFF(nb_add));
    if (r != Rp_NotImplemented)
        return r;
    Rp_DECREF(r);
    RpSequenceMethods *m = Rp_TYPE(v)->tp_as_sequence;
    if (m != NULL && m->sq_inplace_concat != NULL)
        return m->sq_inplace_concat(v, w);
    if (m != NULL && m->sq_concat != NULL)
        return m->sq_concat(v, w);
    return binop_type_error(v, w, "+=");
}

RpObject *RpNumber_InPlaceMultiply(RpObject *v, RpObject *w)
{
    RpObject *r = binary_iop1(v, w, NB_OFF(nb_inplace_multiply), NB_OFF(nb_multiply));
    if (r != Rp_NotImplemented)
        return r;
    Rp_DECREF(r);
    RpSequenceMethods *mv = Rp_TYPE(v)->tp_as_sequence, *mw = Rp_TYPE(w)->tp_as_sequence;
    if (mv != NULL && mv->sq_inplace_repeat != NULL)
        return sequence_repeat(mv->sq_inplace_repeat, v, w);
    if (mv != NULL && mv->sq_repeat != NULL)
        return sequence_repeat(mv->sq_repeat, v, w);
    if (mw != NULL && mw->sq_repeat != NULL)
        return sequence_repeat(mw->sq_repeat, w, v);
    return binop_type_error(v, w, "*=");
}

/* ---- unary operators --------------------------------------------------------------- */

static RpObject *unary_op(RpObject *o, size_t off, const char *what)
{
    RpNumberMethods *nb = Rp_TYPE(o)->tp_as_number;
    unaryfunc f = nb != NULL ? *(unaryfunc *)((char *)nb + off) : NULL;
    if (f != NULL)
        return f(o);
    RpErr_Format(RpExc_TypeError, "bad operand type for %s: '%.200s'", what, Rp_TYPE(o)->tp_name);
    return NULL;
}

RpObject *RpNumber_Negative(RpObject *o)
{
    return unary_op(o, NB_OFF(nb_negative), "unary -");
}

RpObject *RpNumber_Positive(RpObject *o)
{
    return unary_op(o, NB_OFF(nb_positive), "unary +");
}

RpObject *RpNumber_Invert(RpObject *o)
{
    return unary_op(o, NB_OFF(nb_invert), "unary ~");
}

RpObject *RpNumber_Absolute(RpObject *o)
{
    return unary_op(o, NB_OFF(nb_absolute), "abs()");
}

/* ---- conversions --------------------------------------------------------------------- */

int RpIndex_Check(RpObject *o)
{
    RpNumberMethods *nb = Rp_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

/* An exact int with the value of an int subclass instance. */
static RpObject *exact_int(RpObject *o)
{
    int64_t v;
    if (_RpLong_AsInt64(o, &v))
        return RpLong_FromLongLong((long long)v);
    RpNumberMethods *nb = RpLong_Type.tp_as_number;
    if (nb != NULL && nb->nb_positive != NULL)
        return nb->nb_positive(o);
    return RpLong_FromLongLong(RpLong_AsLongLong(o));
}

RpObject *RpNumber_Index(RpObject *o)
{
    if (RpLong_CheckExact(o))
        return Rp_NewRef(o);
    if (RpLong_Check(o))
        return exact_int(o);
    if (!RpIndex_Check(o)) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Rp_TYPE(o)->tp_name);
        return NULL;
    }
    RpObject *r = Rp_TYPE(o)->tp_as_number->nb_index(o);
    if (r == NULL || RpLong_CheckExact(r))
        return r;
    if (!RpLong_Check(r)) {
        RpErr_Format(RpExc_TypeError, "__index__ returned non-int (type %.200s)", Rp_TYPE(r)->tp_name);
        Rp_DECREF(r);
        return NULL;
    }
    RpObject *e = exact_int(r);
    Rp_DECREF(r);
    return e;
}

Rp_ssize_t RpNumber_AsSsize_t(RpObject *o, RpObject *exc)
{
    RpObject *v = RpNumber_Index(o);
    if (v == NULL)
        return -1;
    Rp_ssize_t r = RpLong_AsSsize_t(v);
    if (r == -1 && RpErr_Occurred()) {
        if (!RpErr_ExceptionMatches(RpExc_OverflowError)) {
            Rp_DECREF(v);
            return -1;
        }
        RpErr_Clear();
        if (exc == NULL) {
            r = _RpLong_Sign(v) < 0 ? (Rp_ssize_t)(((size_t)-1) >> 1) * -1 - 1 : (Rp_ssize_t)(((size_t)-1) >> 1);
        } else {
            RpErr_Format(exc, "cannot fit '%.200s' into an index-sized integer", Rp_TYPE(o)->tp_name);
        }
    }
    Rp_DECREF(v);
    return r;
}

static RpObject *int_from_result(RpObject *r, const char *what)
{
    if (r == NULL || RpLong_CheckExact(r))
        return r;
    if (!RpLong_Check(r)) {
        RpErr_Format(RpExc_TypeError, "%s returned non-int (type %.200s)", what, Rp_TYPE(r)->tp_name);
        Rp_DECREF(r);
        return NULL;
    }
    RpObject *e = exact_int(r);
    Rp_DECREF(r);
    return e;
}

/* int(o) with one argument. */
RpObject *RpNumber_Long(RpObject *o)
{
    if (RpLong_CheckExact(o))
        return Rp_NewRef(o);
    RpNumberMethods *nb = Rp_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_int != NULL)
        return int_from_result(nb->nb_int(o), "__int__");
    if (nb != NULL && nb->nb_index != NULL)
        return RpNumber_Index(o);
    RpObject *trunc = _RpObject_LookupSpecial(o, RP_ID(__trunc__));
    if (trunc != NULL) {
        if (RpErr_WarnEx(RpExc_DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.",
                         1) < 0) {
            Rp_DECREF(trunc);
            return NULL;
        }
        RpObject *r = RpObject_CallNoArgs(trunc);
        Rp_DECREF(trunc);
        if (r == NULL || RpLong_CheckExact(r))
            return r;
        RpObject *i = RpIndex_Check(r) ? RpNumber_Index(r) : NULL;
        if (i == NULL && !RpErr_Occurred())
            RpErr_Format(RpExc_TypeError, "__trunc__ returned non-Integral (type %.200s)", Rp_TYPE(r)->tp_name);
        Rp_DECREF(r);
        return i;
    }
    if (RpErr_Occurred())
        return NULL;
    if (RpUnicode_Check(o))
        return RpLong_FromUnicodeObject(o, 10);
    const char *p;
    Rp_ssize_t n;
    if (_RpBytes_View(o, &p, &n)) {
        RpObject *s = RpUnicode_DecodeUTF8(p, n, "surrogateescape");
        RpObject *r = s == NULL ? NULL : RpLong_FromUnicodeObject(s, 10);
        Rp_XDECREF(s);
        return r;
    }
    RpErr_Format(RpExc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%.200s'",
                 Rp_TYPE(o)->tp_name);
    return NULL;
}

/* float(o) with one argument. */
RpObject *RpNumber_Float(RpObject *o)
{
    if (RpFloat_CheckExact(o))
        return Rp_NewRef(o);
    RpNumberMethods *nb = Rp_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        RpObject *r = nb->nb_float(o);
        if (r == NULL || RpFloat_CheckExact(r))
            return r;
        if (!RpFloat_Check(r)) {
            RpErr_Format(RpExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                         Rp_TYPE(o)->tp_name, Rp_TYPE(r)->tp_name);
            Rp_DECREF(r);
            return NULL;
        }
        RpObject *f = RpFloat_FromDouble(RpFloat_AS_DOUBLE(r));
        Rp_DECREF(r);
        return f;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        RpObject *i = RpNumber_Index(o);
        if (i == NULL)
            return NULL;
        double d = RpLong_AsDouble(i);
        Rp_DECREF(i);
        return d == -1.0 && RpErr_Occurred() ? NULL : RpFloat_FromDouble(d);
    }
    if (RpFloat_Check(o))
        return RpFloat_FromDouble(RpFloat_AS_DOUBLE(o));
    if (RpUnicode_Check(o))
        return RpFloat_FromString(o);
    RpErr_Format(RpExc_TypeError, "float() argument must be a string or a real number, not '%.200s'",
                 Rp_TYPE(o)->tp_name);
    return NULL;
}

/* ---- subscription and length ---------------------------------------------------------- */

static RpObject *type_error(const char *fmt, RpObject *o)
{
    RpErr_Format(RpExc_TypeError, fmt, Rp_TYPE(o)->tp_name);
    return NULL;
}

static int seq_index_of(RpObject *key, Rp_ssize_t *out)
{
    if (!RpIndex_Check(key)) {
        type_error("sequence index must be integer, not '%.200s'", key);
        return -1;
    }
    *out = RpNumber_AsSsize_t(key, RpExc_IndexError);
    return (*out == -1 && RpErr_Occurred()) ? -1 : 0;
}

/* A[int] on a class: __class_getitem__, CPython's generic alias hook. */
static RpObject *class_getitem(RpObject *o, RpObject *key)
{
    RpObject *meth = NULL;
    if (_RpObject_LookupAttr(o, RP_ID(__class_getitem__), &meth) < 0)
        return NULL;
    if (meth == NULL) {
        RpErr_Format(RpExc_TypeError, "type '%.200s' is not subscriptable", ((RpTypeObject *)o)->tp_name);
        return NULL;
    }
    RpObject *r = RpObject_CallOneArg(meth, key);
    Rp_DECREF(meth);
    return r;
}

RpObject *RpObject_GetItem(RpObject *o, RpObject *key)
{
    RpTypeObject *t = Rp_TYPE(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_subscript != NULL)
        return t->tp_as_mapping->mp_subscript(o, key);
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item != NULL) {
        Rp_ssize_t i;
        if (seq_index_of(key, &i) < 0)
            return NULL;
        return RpSequence_GetItem(o, i);
    }
    if (RpType_Check(o))
        return class_getitem(o, key);
    return type_error("'%.200s' object is not subscriptable", o);
}

/* Negative indexes count from the end for sq_item/sq_ass_item. */
static int normalize_index(RpObject *o, Rp_ssize_t *i)
{
    RpSequenceMethods *sq = Rp_TYPE(o)->tp_as_sequence;
    if (*i < 0 && sq->sq_length != NULL) {
        Rp_ssize_t n = sq->sq_length(o);
        if (n < 0)
            return -1;
        *i += n;
    }
    return 0;
}

static int seq_ass_item(RpObject *o, RpObject *key, RpObject *v)
{
    Rp_ssize_t i;
    if (seq_index_of(key, &i) < 0 || normalize_index(o, &i) < 0)
        return -1;
    return Rp_TYPE(o)->tp_as_sequence->sq_ass_item(o, i, v);
}

int RpObject_SetItem(RpObject *o, RpObject *key, RpObject *v)
{
    RpTypeObject *t = Rp_TYPE(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_ass_subscript != NULL)
        return t->tp_as_mapping->mp_ass_subscript(o, key, v);
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_ass_item != NULL)
        return seq_ass_item(o, key, v);
    type_error("'%.200s' object does not support item assignment", o);
    return -1;
}

int RpObject_DelItem(RpObject *o, RpObject *key)
{
    RpTypeObject *t = Rp_TYPE(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_ass_subscript != NULL)
        return t->tp_as_mapping->mp_ass_subscript(o, key, NULL);
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_ass_item != NULL)
        return seq_ass_item(o, key, NULL);
    type_error("'%.200s' object doesn't support item deletion", o);
    return -1;
}

Rp_ssize_t RpObject_Size(RpObject *o)
{
    RpTypeObject *t = Rp_TYPE(o);
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length != NULL)
        return t->tp_as_sequence->sq_length(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length != NULL)
        return t->tp_as_mapping->mp_length(o);
    type_error("object of type '%.200s' has no len()", o);
    return -1;
}

static int has_len(RpObject *o)
{
    RpTypeObject *t = Rp_TYPE(o);
    return (t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
           (t->tp_as_mapping && t->tp_as_mapping->mp_length);
}

Rp_ssize_t RpObject_LengthHint(RpObject *o, Rp_ssize_t dflt)
{
    if (has_len(o)) {
        Rp_ssize_t n = RpObject_Size(o);
        if (n >= 0 || !RpErr_ExceptionMatches(RpExc_TypeError))
            return n;
        RpErr_Clear();
    }
    RpObject *hint = _RpObject_LookupSpecial(o, RP_ID(__length_hint__));
    if (hint == NULL)
        return RpErr_Occurred() ? -1 : dflt;
    RpObject *r = RpObject_CallNoArgs(hint);
    Rp_DECREF(hint);
    if (r == NULL) {
        if (!RpErr_ExceptionMatches(RpExc_TypeError))
            return -1;
        RpErr_Clear();
        return dflt;
    }
    if (r == Rp_NotImplemented) {
        Rp_DECREF(r);
        return dflt;
    }
    if (!RpLong_Check(r)) {
        RpErr_Format(RpExc_TypeError, "__length_hint__ must be an integer, not %.100s", Rp_TYPE(r)->tp_name);
        Rp_DECREF(r);
        return -1;
    }
    Rp_ssize_t n = RpLong_AsSsize_t(r);
    Rp_DECREF(r);
    if (n < 0 && !RpErr_Occurred()) {
        RpErr_SetString(RpExc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* ---- sequences and mappings ---------------------------------------------------------- */

int RpSequence_Check(RpObject *o)
{
    if (RpDict_Check(o))
        return 0;
    RpSequenceMethods *sq = Rp_TYPE(o)->tp_as_sequence;
    return sq != NULL && sq->sq_item != NULL;
}

RpObject *RpSequence_GetItem(RpObject *o, Rp_ssize_t i)
{
    RpSequenceMethods *sq = Rp_TYPE(o)->tp_as_sequence;
    if (sq != NULL && sq->sq_item != NULL) {
        if (normalize_index(o, &i) < 0)
            return NULL;
        return sq->sq_item(o, i);
    }
    if (Rp_TYPE(o)->tp_as_mapping != NULL && Rp_TYPE(o)->tp_as_mapping->mp_subscript != NULL)
        return type_error("%.200s is not a sequence", o);
    return type_error("'%.200s' object does not support indexing", o);
}

/* `item in seq` for objects without __contains__: iterate and compare. */
static int iter_search(RpObject *seq, RpObject *item)
{
    RpObject *it = RpObject_GetIter(seq);
    if (it == NULL) {
        if (RpErr_ExceptionMatches(RpExc_TypeError)) {
            RpErr_Clear();
            type_error("argument of type '%.200s' is not iterable", seq);
        }
        return -1;
    }
    int found = 0;
    RpObject *x;
    while (found == 0 && (x = RpIter_Next(it)) != NULL) {
        found = RpObject_RichCompareBool(x, item, Rp_EQ);
        Rp_DECREF(x);
    }
    Rp_DECREF(it);
    if (found == 0 && RpErr_Occurred())
        return -1;
    return found;
}

int RpSequence_Contains(RpObject *seq, RpObject *item)
{
    RpSequenceMethods *sq = Rp_TYPE(seq)->tp_as_sequence;
    if (sq != NULL && sq->sq_contains != NULL)
        return sq->sq_contains(seq, item);
    return iter_search(seq, item);
}

RpObject *RpSequence_List(RpObject *o)
{
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return NULL;
    RpObject *r = _RpList_Extend((RpListObject *)list, o);
    if (r == NULL) {
        Rp_DECREF(list);
        return NULL;
    }
    Rp_DECREF(r);
    return list;
}

RpObject *RpSequence_Tuple(RpObject *o)
{
    if (RpTuple_CheckExact(o))
        return Rp_NewRef(o);
    if (RpList_CheckExact(o))
        return RpList_AsTuple(o);
    RpObject *list = RpSequence_List(o);
    if (list == NULL)
        return NULL;
    RpObject *t = RpList_AsTuple(list);
    Rp_DECREF(list);
    return t;
}

RpObject *RpSequence_Fast(RpObject *o, const char *errmsg)
{
    if (RpList_CheckExact(o) || RpTuple_CheckExact(o))
        return Rp_NewRef(o);
    RpObject *it = RpObject_GetIter(o);
    if (it == NULL) {
        if (RpErr_ExceptionMatches(RpExc_TypeError))
            RpErr_SetString(RpExc_TypeError, errmsg);
        return NULL;
    }
    RpObject *list = RpSequence_List(it);
    Rp_DECREF(it);
    return list;
}

int RpMapping_Check(RpObject *o)
{
    RpMappingMethods *mp = Rp_TYPE(o)->tp_as_mapping;
    return mp != NULL && mp->mp_subscript != NULL;
}

RpObject *RpMapping_Keys(RpObject *o)
{
    if (RpDict_CheckExact(o))
        return RpDict_Keys(o);
    RpObject *keys = RpObject_CallMethod0(o, "keys");
    if (keys == NULL)
        return NULL;
    RpObject *list = RpSequence_List(keys);
    Rp_DECREF(keys);
    return list;
}

/* ---- iteration ---------------------------------------------------------------------- */

int RpIter_Check(RpObject *o)
{
    return Rp_TYPE(o)->tp_iternext != NULL;
}

RpObject *RpObject_GetIter(RpObject *o)
{
    getiterfunc f = Rp_TYPE(o)->tp_iter;
    if (f == NULL) {
        if (RpSequence_Check(o))
            return RpSeqIter_New(o);
        return type_error("'%.200s' object is not iterable", o);
    }
    RpObject *it = f(o);
    if (it != NULL && !RpIter_Check(it)) {
        RpErr_Format(RpExc_TypeError, "iter() returned non-iterator of type '%.100s'", Rp_TYPE(it)->tp_name);
        Rp_DECREF(it);
        return NULL;
    }
    return it;
}

RpObject *RpIter_Next(RpObject *it)
{
    RpObject *r = Rp_TYPE(it)->tp_iternext(it);
    if (r == NULL && RpErr_ExceptionMatches(RpExc_StopIteration))
        RpErr_Clear();
    return r;
}

/* ---- calls ------------------------------------------------------------------------------ */

static vectorcallfunc vectorcall_of(RpObject *callable)
{
    Rp_ssize_t off = Rp_TYPE(callable)->tp_vectorcall_offset;
    if (off <= 0)
        return NULL;
    return *(vectorcallfunc *)((char *)callable + off);
}

static RpObject *not_callable(RpObject *callable)
{
    return type_error("'%.200s' object is not callable", callable);
}

/* tp_call with a recursion guard: C code calling C code can recurse
 * without the eval loop noticing. */
static RpObject *call_tp_call(RpObject *callable, RpObject *args, RpObject *kwargs)
{
    ternaryfunc call = Rp_TYPE(callable)->tp_call;
    if (call == NULL)
        return not_callable(callable);
    if (Rp_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    RpObject *res = call(callable, args, kwargs);
    Rp_LeaveRecursiveCall();
    return res;
}

RpObject *_RpStack_AsDict(RpObject *const *values, RpObject *kwnames)
{
    RpObject *d = RpDict_New();
    for (Rp_ssize_t i = 0; d != NULL && i < RpTuple_GET_SIZE(kwnames); i++)
        if (RpDict_SetItem(d, RpTuple_GET_ITEM(kwnames, i), values[i]) < 0)
            Rp_CLEAR(d);
    return d;
}

static RpObject *vectorcall_via_tp_call(RpObject *callable, RpObject *const *args, Rp_ssize_t n,
                                        RpObject *kwnames)
{
    if (Rp_TYPE(callable)->tp_call == NULL)
        return not_callable(callable);
    RpObject *tuple = _RpTuple_FromArray(args, n), *kw = NULL;
    if (tuple == NULL)
        return NULL;
    if (kwnames != NULL && RpTuple_GET_SIZE(kwnames) > 0 && (kw = _RpStack_AsDict(args + n, kwnames)) == NULL) {
        Rp_DECREF(tuple);
        return NULL;
    }
    RpObject *res = call_tp_call(callable, tuple, kw);
    Rp_DECREF(tuple);
    Rp_XDECREF(kw);
    return res;
}

RpObject *RpObject_Vectorcall(RpObject *callable, RpObject *const *args, size_t nargsf,
                              RpObject *kwnames)
{
    vectorcallfunc f = vectorcall_of(callable);
    if (f != NULL)
        return f(callable, args, nargsf, kwnames);
    return vectorcall_via_tp_call(callable, args, RpVectorcall_NARGS(nargsf), kwnames);
}

/* Lay a (tuple, dict) call out as a vector + kwnames.  The vector gets one
 * spare slot in front so that callees may use RP_VECTORCALL_ARGS_OFFSET. */
static RpObject *vectorcall_unpacked(vectorcallfunc f, RpObject *callable, RpObject *args, RpObject *kwargs)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    Rp_ssize_t nk = (kwargs != NULL) ? RpDict_GET_SIZE(kwargs) : 0;
    RpObject *small[9], **stack = (1 + n + nk <= 9) ? small : RpMem_Malloc(sizeof(RpObject *) * (size_t)(1 + n + nk));
    if (stack == NULL)
        return RpErr_NoMemory();
    RpObject *kwnames = NULL, *res = NULL;
    for (Rp_ssize_t i = 0; i < n; i++)
        stack[1 + i] = RpTuple_GET_ITEM(args, i);
    if (nk > 0) {
        if ((kwnames = RpTuple_New(nk)) == NULL)
            goto done;
        Rp_ssize_t pos = 0, i = 0;
        RpObject *k, *v;
        while (RpDict_Next(kwargs, &pos, &k, &v)) {
            if (!RpUnicode_Check(k)) {   /* f(**{1: 2}): CPython checks while unpacking */
                RpErr_SetString(RpExc_TypeError, "keywords must be strings");
                goto done;
            }
            RpTuple_SET_ITEM(kwnames, i, Rp_NewRef(k));
            stack[1 + n + i++] = v;
        }
    }
    res = f(callable, stack + 1, (size_t)n | RP_VECTORCALL_ARGS_OFFSET, kwnames);
done:
    Rp_XDECREF(kwnames);
    if (stack != small)
        RpMem_Free(stack);
    return res;
}

RpObject *RpVectorcall_Call(RpObject *callable, RpObject *args, RpObject *kwargs)
{
    vectorcallfunc f = vectorcall_of(callable);
    if (f == NULL) {
        RpErr_Format(RpExc_TypeError, "'%.200s' object does not support vectorcall", Rp_TYPE(callable)->tp_name);
        return NULL;
    }
    return vectorcall_unpacked(f, callable, args, kwargs);
}

RpObject *RpObject_Call(RpObject *callable, RpObject *args, RpObject *kwargs)
{
    vectorcallfunc f = vectorcall_of(callable);
    if (f != NULL)
        return vectorcall_unpacked(f, callable, args, kwargs);
    return call_tp_call(callable, args, kwargs);
}

RpObject *RpObject_VectorcallDict(RpObject *callable, RpObject *const *args, size_t nargsf,
                                  RpObject *kwdict)
{
    if (kwdict == NULL || RpDict_GET_SIZE(kwdict) == 0)
        return RpObject_Vectorcall(callable, args, nargsf, NULL);
    Rp_ssize_t n = RpVectorcall_NARGS(nargsf);
    RpObject *tuple = _RpTuple_FromArray(args, n);
    if (tuple == NULL)
        return NULL;
    RpObject *res = RpObject_Call(callable, tuple, kwdict);
    Rp_DECREF(tuple);
    return res;
}

RpObject *RpObject_CallNoArgs(RpObject *callable)
{
    return RpObject_Vectorcall(callable, NULL, 0, NULL);
}

RpObject *RpObject_CallOneArg(RpObject *callable, RpObject *arg)
{
    RpObject *stack[2] = {NULL, arg};
    return RpObject_Vectorcall(callable, stack + 1, 1 | RP_VECTORCALL_ARGS_OFFSET, NULL);
}

/* Collect a NULL-terminated va_list into stack[1..]; stack[0] is spare. */
static RpObject **collect_va(va_list va, RpObject **small, Rp_ssize_t nsmall, Rp_ssize_t *pn, RpObject *first)
{
    va_list count;
    va_copy(count, va);
    Rp_ssize_t n = first != NULL ? 1 : 0;
    while (va_arg(count, RpObject *) != NULL)
        n++;
    va_end(count);
    RpObject **stack = (n + 1 <= nsmall) ? small : RpMem_Malloc(sizeof(RpObject *) * (size_t)(n + 1));
    if (stack == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    Rp_ssize_t i = 1;
    if (first != NULL)
        stack[i++] = first;
    for (; i <= n; i++)
        stack[i] = va_arg(va, RpObject *);
    *pn = n;
    return stack;
}

RpObject *RpObject_CallFunctionObjArgs(RpObject *callable, ...)
{
    RpObject *small[8], **stack;
    Rp_ssize_t n;
    va_list va;
    va_start(va, callable);
    stack = collect_va(va, small, 8, &n, NULL);
    va_end(va);
    if (stack == NULL)
        return NULL;
    RpObject *res = RpObject_Vectorcall(callable, stack + 1, (size_t)n | RP_VECTORCALL_ARGS_OFFSET, NULL);
    if (stack != small)
        RpMem_Free(stack);
    return res;
}

static RpObject *call_method_va(RpObject *o, RpObject *name, va_list va)
{
    RpObject *meth, *small[8], **stack;
    Rp_ssize_t n;
    int is_method = _RpObject_GetMethod(o, name, &meth);
    if (is_method < 0)
        return NULL;
    stack = collect_va(va, small, 8, &n, is_method ? o : NULL);
    RpObject *res = NULL;
    if (stack != NULL) {
        res = RpObject_Vectorcall(meth, stack + 1, (size_t)n | RP_VECTORCALL_ARGS_OFFSET, NULL);
        if (stack != small)
            RpMem_Free(stack);
    }
    Rp_DECREF(meth);
    return res;
}

RpObject *RpObject_CallMethodObjArgs(RpObject *o, RpObject *name, ...)
{
    va_list va;
    va_start(va, name);
    RpObject *res = call_method_va(o, name, va);
    va_end(va);
    return res;
}

static RpObject *call_method_n(RpObject *o, const char *name, RpObject *arg)
{
    RpObject *n = RpUnicode_InternFromString(name);
    if (n == NULL)
        return NULL;
    RpObject *res = RpObject_CallMethodObjArgs(o, n, arg, NULL);
    Rp_DECREF(n);
    return res;
}

RpObject *RpObject_CallMethod0(RpObject *o, const char *name)
{
    return call_method_n(o, name, NULL);
}

RpObject *RpObject_CallMethod1(RpObject *o, const char *name, RpObject *arg)
{
    return call_method_n(o, name, arg);
}

/* ---- isinstance / issubclass ---------------------------------------------------------- */

/* cls.__bases__ as a borrowed-ish new reference, or NULL (not a class). */
static RpObject *abstract_get_bases(RpObject *cls)
{
    RpObject *bases = NULL;
    if (_RpObject_LookupAttr(cls, RP_ID(__bases__), &bases) <= 0)
        return NULL;
    if (!RpTuple_Check(bases)) {
        Rp_DECREF(bases);
        return NULL;
    }
    return bases;
}

static int abstract_issubclass(RpObject *derived, RpObject *cls)
{
    for (;;) {
        if (derived == cls)
            return 1;
        RpObject *bases = abstract_get_bases(derived);
        if (bases == NULL)
            return RpErr_Occurred() ? -1 : 0;
        Rp_ssize_t n = RpTuple_GET_SIZE(bases);
        if (n == 0) {
            Rp_DECREF(bases);
            return 0;
        }
        if (n == 1) {
            /* walk single inheritance without recursion */
            derived = RpTuple_GET_ITEM(bases, 0);
            Rp_DECREF(bases);
            continue;
        }
        int r = 0;
        for (Rp_ssize_t i = 0; i < n && r == 0; i++)
            r = abstract_issubclass(RpTuple_GET_ITEM(bases, i), cls);
        Rp_DECREF(bases);
        return r;
    }
}

static int check_class(RpObject *cls, const char *error)
{
    RpObject *bases = abstract_get_bases(cls);
    if (bases == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetString(RpExc_TypeError, error);
        return 0;
    }
    Rp_DECREF(bases);
    return 1;
}

static int object_isinstance(RpObject *inst, RpObject *cls)
{
    RpObject *icls = NULL;
    int r = 0;
    if (RpType_Check(cls)) {
        r = RpObject_TypeCheck(inst, (RpTypeObject *)cls);
        if (r == 0) {
            if (_RpObject_LookupAttr(inst, RP_ID(__class__), &icls) < 0)
                return -1;
            if (icls != NULL && icls != (RpObject *)Rp_TYPE(inst) && RpType_Check(icls))
                r = RpType_IsSubtype((RpTypeObject *)icls, (RpTypeObject *)cls);
        }
    } else {
        if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
            return -1;
        if (_RpObject_LookupAttr(inst, RP_ID(__class__), &icls) < 0)
            return -1;
        if (icls != NULL)
            r = abstract_issubclass(icls, cls);
    }
    Rp_XDECREF(icls);
    return r;
}

static int call_checker(RpObject *checker, RpObject *arg)
{
    if (Rp_EnterRecursiveCall(" in __instancecheck__")) {
        Rp_DECREF(checker);
        return -1;
    }
    RpObject *res = RpObject_CallOneArg(checker, arg);
    Rp_LeaveRecursiveCall();
    Rp_DECREF(checker);
    if (res == NULL)
        return -1;
    int ok = RpObject_IsTrue(res);
    Rp_DECREF(res);
    return ok;
}

static int tuple_any(RpObject *tuple, RpObject *x, int (*f)(RpObject *, RpObject *))
{
    if (Rp_EnterRecursiveCall(" in __instancecheck__"))
        return -1;
    int r = 0;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(tuple) && r == 0; i++)
        r = f(x, RpTuple_GET_ITEM(tuple, i));
    Rp_LeaveRecursiveCall();
    return r;
}

int RpObject_IsInstance(RpObject *inst, RpObject *cls)
{
    if ((RpObject *)Rp_TYPE(inst) == cls)
        return 1;
    if (RpType_CheckExact(cls))
        return object_isinstance(inst, cls);
    if (RpTuple_Check(cls))
        return tuple_any(cls, inst, RpObject_IsInstance);
    RpObject *checker = _RpObject_LookupSpecial(cls, RP_ID(__instancecheck__));
    if (checker != NULL)
        return call_checker(checker, inst);
    if (RpErr_Occurred())
        return -1;
    return object_isinstance(inst, cls);
}

static int recursive_issubclass(RpObject *derived, RpObject *cls)
{
    if (RpType_Check(cls) && RpType_Check(derived))
        return RpType_IsSubtype((RpTypeObject *)derived, (RpTypeObject *)cls);
    if (!check_class(derived, "issubclass() arg 1 must be a class"))
        return -1;
    if (!check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        return -1;
    return abstract_issubclass(derived, cls);
}

int RpObject_IsSubclass(RpObject *derived, RpObject *cls)
{
    if (RpType_CheckExact(cls))
        return derived == cls ? 1 : recursive_issubclass(derived, cls);
    if (RpTuple_Check(cls))
        return tuple_any(cls, derived, RpObject_IsSubclass);
    RpObject *checker = _RpObject_LookupSpecial(cls, RP_ID(__subclasscheck__));
    if (checker != NULL)
        return call_checker(checker, derived);
    if (RpErr_Occurred())
        return -1;
    return recursive_issubclass(derived, cls);
}
