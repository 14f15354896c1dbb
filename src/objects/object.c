/* object.c -- what every object supports: dealloc dispatch, the None /
 * NotImplemented / Ellipsis singletons, repr/str/hash/compare/truth,
 * attribute access (the generic getattr/setattr used by most types), and
 * the table of static types readied at startup.
 */
#include "rp.h"
#include "modules/fileobject.h"
#include "modules/stdmod.h"

/* ---- reference counting ------------------------------------------------------ */

#ifdef RP_REF_DEBUG
Rp_ssize_t _Rp_RefTotal;

void _Rp_NegativeRefcount(const char *file, int line, RpObject *op)
{
    fprintf(stderr, "%s:%d: object at %p has negative ref count %zd (type '%s')\n", file, line,
            (void *)op, (ssize_t)op->ob_refcnt, Rp_TYPE(op)->tp_name);
    fflush(stderr);
    abort();
}
#endif

void _Rp_Dealloc(RpObject *op)
{
    destructor dealloc = Rp_TYPE(op)->tp_dealloc;
    dealloc(op);
}

void _Rp_NewReference(RpObject *o)
{
#ifdef RP_REF_DEBUG
    _Rp_RefTotal++;
#endif
    o->ob_refcnt = 1;
}

/* Instances own a reference to a heap type (their class). */
RpObject *RpObject_Init(RpObject *o, RpTypeObject *t)
{
    Rp_SET_TYPE(o, t);
    if (RpType_HasFeature(t, RP_TPFLAGS_HEAPTYPE))
        Rp_INCREF(t);
    _Rp_NewReference(o);
    return o;
}

RpObject *RpObject_New(RpTypeObject *t)
{
    RpObject *o = RpObject_Malloc((size_t)t->tp_basicsize);
    if (o == NULL)
        return RpErr_NoMemory();
    return RpObject_Init(o, t);
}

/* ---- the singletons ------------------------------------------------------------ */

static RpObject *none_repr(RpObject *o)
{
    return RpUnicode_FromString("None");
}

/* Statically allocated: reaching a count of zero is a refcount bug. */
static void singleton_dealloc(RpObject *o)
{
    fprintf(stderr, "Fatal Python error: deallocating %s\n", Rp_TYPE(o)->tp_name);
    abort();
}

static int no_args(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    if (RpTuple_GET_SIZE(args) || (kwds != NULL && RpDict_GET_SIZE(kwds))) {
        RpErr_Format(RpExc_TypeError, "%s takes no arguments", t->tp_name);
        return -1;
    }
    return 0;
}

static RpObject *none_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    return no_args(t, args, kwds) < 0 ? NULL : Rp_NewRef(Rp_None);
}

static int none_bool(RpObject *o)
{
    return 0;
}

static RpNumberMethods none_as_number = {.nb_bool = none_bool};

RpTypeObject RpNone_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(RpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_as_number = &none_as_number,
    .tp_repr = none_repr,
    .tp_new = none_new,
};
RpObject _Rp_NoneStruct = RpObject_HEAD_INIT(&RpNone_Type);

static RpObject *notimpl_repr(RpObject *o)
{
    return RpUnicode_FromString("NotImplemented");
}

static RpObject *notimpl_reduce(RpObject *o, RpObject *unused)
{
    return RpUnicode_FromString("NotImplemented");
}

static RpObject *notimpl_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    return no_args(t, args, kwds) < 0 ? NULL : Rp_NewRef(Rp_NotImplemented);
}

/* 3.11 answers True with a DeprecationWarning. */
static int notimpl_bool(RpObject *o)
{
    if (RpErr_WarnEx(RpExc_DeprecationWarning, "NotImplemented should not be used in a boolean context",
                     1) < 0)
        return -1;
    return 1;
}

static RpNumberMethods notimpl_as_number = {.nb_bool = notimpl_bool};
static RpMethodDef notimpl_methods[] = {
    {"__reduce__", (RpCFunction)notimpl_reduce, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpNotImplemented_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(RpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_as_number = &notimpl_as_number,
    .tp_repr = notimpl_repr,
    .tp_methods = notimpl_methods,
    .tp_new = notimpl_new,
};
RpObject _Rp_NotImplementedStruct = RpObject_HEAD_INIT(&RpNotImplemented_Type);

static RpObject *ellipsis_repr(RpObject *o)
{
    return RpUnicode_FromString("Ellipsis");
}

static RpObject *ellipsis_new(RpTypeObject *t, RpObject *args, RpObject *kwds)
{
    return no_args(t, args, kwds) < 0 ? NULL : Rp_NewRef(Rp_Ellipsis);
}

static RpObject *ellipsis_reduce(RpObject *o, RpObject *unused)
{
    return ellipsis_repr(o);
}

static RpMethodDef ellipsis_methods[] = {
    {"__reduce__", (RpCFunction)ellipsis_reduce, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpEllipsis_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(RpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};
RpObject _Rp_EllipsisObject = RpObject_HEAD_INIT(&RpEllipsis_Type);

/* ---- repr / str / ascii / format ------------------------------------------------ */

static RpObject *check_str_result(RpObject *res, const char *what)
{
    if (res != NULL && !RpUnicode_Check(res)) {
        RpErr_Format(RpExc_TypeError, "%s returned non-string (type %.200s)", what,
                     Rp_TYPE(res)->tp_name);
        Rp_DECREF(res);
        return NULL;
    }
    return res;
}

static RpObject *default_repr(RpObject *o)
{
    return RpUnicode_FromFormat("<%s object at %p>", Rp_TYPE(o)->tp_name, (void *)o);
}

RpObject *RpObject_Repr(RpObject *o)
{
    if (o == NULL)
        return RpUnicode_FromString("<NULL>");
    reprfunc f = Rp_TYPE(o)->tp_repr;
    if (f == NULL)
        return default_repr(o);
    if (Rp_EnterRecursiveCall(" while getting the repr of an object"))
        return NULL;
    RpObject *res = f(o);
    Rp_LeaveRecursiveCall();
    return check_str_result(res, "__repr__");
}

RpObject *RpObject_Str(RpObject *o)
{
    if (o == NULL)
        return RpUnicode_FromString("<NULL>");
    if (RpUnicode_CheckExact(o))
        return Rp_NewRef(o);
    reprfunc f = Rp_TYPE(o)->tp_str;
    if (f == NULL)
        return RpObject_Repr(o);
    if (Rp_EnterRecursiveCall(" while getting the str of an object"))
        return NULL;
    RpObject *res = f(o);
    Rp_LeaveRecursiveCall();
    return check_str_result(res, "__str__");
}

/* repr() with every non-ASCII code point escaped (\xhh, \uhhhh, \Uhhhhhhhh). */
RpObject *RpObject_ASCII(RpObject *o)
{
    RpObject *r = RpObject_Repr(o);
    if (r == NULL || RpUnicode_IS_ASCII(r))
        return r;
    const char *s = RpUnicode_UTF8(r);
    Rp_ssize_t n = RpUnicode_UTF8_SIZE(r), i = 0;
    RpStrBuf b;
    RpStrBuf_Init(&b);
    while (i < n) {
        int cp = _RpUTF8_Next(s, &i);
        char tmp[12];
        if (cp < 0x80)
            RpStrBuf_AppendChar(&b, (char)cp);
        else {
            if (cp < 0x100)
                snprintf(tmp, sizeof tmp, "\\x%02x", cp);
            else if (cp < 0x10000)
                snprintf(tmp, sizeof tmp, "\\u%04x", cp);
            else
                snprintf(tmp, sizeof tmp, "\\U%08x", cp);
            RpStrBuf_AppendStr(&b, tmp);
        }
    }
    Rp_DECREF(r);
    return RpStrBuf_Finish(&b);
}

RpObject *RpObject_Format(RpObject *o, RpObject *spec)
{
    int empty = spec == NULL || RpUnicode_GET_LENGTH(spec) == 0;
    if (empty && RpUnicode_CheckExact(o))
        return Rp_NewRef(o);
    if (empty && RpLong_CheckExact(o))
        return RpObject_Str(o);
    RpObject *meth = _RpObject_LookupSpecial(o, RP_ID(__format__));
    if (meth == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_TypeError, "Type %.100s doesn't define __format__", Rp_TYPE(o)->tp_name);
        return NULL;
    }
    RpObject *s = spec != NULL ? Rp_NewRef(spec) : _RpUnicode_Empty();
    RpObject *res = s == NULL ? NULL : RpObject_CallOneArg(meth, s);
    Rp_XDECREF(s);
    Rp_DECREF(meth);
    if (res != NULL && !RpUnicode_Check(res)) {
        RpErr_Format(RpExc_TypeError, "__format__ must return a str, not %.200s", Rp_TYPE(res)->tp_name);
        Rp_CLEAR(res);
    }
    return res;
}

/* ---- hashing ---------------------------------------------------------------------- */

Rp_hash_t _Rp_HashPointer(const void *p)
{
    size_t y = (size_t)(uintptr_t)p;
    /* the low 4 bits of an aligned address carry no information */
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    Rp_hash_t x = (Rp_hash_t)y;
    return x == -1 ? -2 : x;
}

Rp_hash_t RpObject_HashNotImplemented(RpObject *o)
{
    RpErr_Format(RpExc_TypeError, "unhashable type: '%.200s'", Rp_TYPE(o)->tp_name);
    return -1;
}

Rp_hash_t RpObject_Hash(RpObject *o)
{
    hashfunc f = Rp_TYPE(o)->tp_hash;
    if (f == NULL)
        return RpObject_HashNotImplemented(o);
    return f(o);
}

/* ---- comparison --------------------------------------------------------------------- */

static const int swapped_op[] = {Rp_GT, Rp_GE, Rp_EQ, Rp_NE, Rp_LT, Rp_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

static RpObject *do_richcompare(RpObject *v, RpObject *w, int op)
{
    RpTypeObject *tv = Rp_TYPE(v), *tw = Rp_TYPE(w);
    int checked_reverse = 0;
    RpObject *res;
    /* a subclass on the right gets the first word */
    if (tv != tw && tw->tp_richcompare != NULL && RpType_IsSubtype(tw, tv)) {
        checked_reverse = 1;
        res = tw->tp_richcompare(w, v, swapped_op[op]);
        if (res != Rp_NotImplemented)
            return res;
        Rp_DECREF(res);
    }
    if (tv->tp_richcompare != NULL) {
        res = tv->tp_richcompare(v, w, op);
        if (res != Rp_NotImplemented)
            return res;
        Rp_DECREF(res);
    }
    if (!checked_reverse && tw->tp_richcompare != NULL) {
        res = tw->tp_richcompare(w, v, swapped_op[op]);
        if (res != Rp_NotImplemented)
            return res;
        Rp_DECREF(res);
    }
    if (op == Rp_EQ)
        return RpBool_FromLong(v == w);
    if (op == Rp_NE)
        return RpBool_FromLong(v != w);
    RpErr_Format(RpExc_TypeError, "'%s' not supported between instances of '%.100s' and '%.100s'",
                 opstrings[op], tv->tp_name, tw->tp_name);
    return NULL;
}

RpObject *RpObject_RichCompare(RpObject *v, RpObject *w, int op)
{
    if (Rp_EnterRecursiveCall(" in comparison"))
        return NULL;
    RpObject *res = do_richcompare(v, w, op);
    Rp_LeaveRecursiveCall();
    return res;
}

int RpObject_RichCompareBool(RpObject *v, RpObject *w, int op)
{
    if (v == w) {
        if (op == Rp_EQ)
            return 1;
        if (op == Rp_NE)
            return 0;
    }
    RpObject *res = RpObject_RichCompare(v, w, op);
    if (res == NULL)
        return -1;
    int ok = RpBool_Check(res) ? res == Rp_True : RpObject_IsTrue(res);
    Rp_DECREF(res);
    return ok;
}

/* ---- truth ----------------------------------------------------------------------------- */

int RpObject_IsTrue(RpObject *o)
{
    if (o == Rp_True)
        return 1;
    if (o == Rp_False || o == Rp_None)
        return 0;
    RpTypeObject *t = Rp_TYPE(o);
    Rp_ssize_t n;
    if (t->tp_as_number != NULL && t->tp_as_number->nb_bool != NULL)
        return t->tp_as_number->nb_bool(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length != NULL)
        n = t->tp_as_mapping->mp_length(o);
    else if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length != NULL)
        n = t->tp_as_sequence->sq_length(o);
    else
        return 1;
    return n > 0 ? 1 : (int)n;
}

int RpObject_Not(RpObject *o)
{
    int r = RpObject_IsTrue(o);
    return r < 0 ? r : !r;
}

/* ---- attributes ------------------------------------------------------------------------- */

static int check_name(RpObject *name)
{
    if (RpUnicode_Check(name))
        return 0;
    RpErr_Format(RpExc_TypeError, "attribute name must be string, not '%.200s'", Rp_TYPE(name)->tp_name);
    return -1;
}

/* Fill AttributeError.name/.obj (3.11 uses them for "Did you mean"). */
void _RpObject_SetAttributeErrorContext(RpObject *o, RpObject *name)
{
    if (!RpErr_ExceptionMatches(RpExc_AttributeError))
        return;
    RpObject *exc = RpErr_GetRaisedException();
    if (exc != NULL && RpObject_TypeCheck(exc, (RpTypeObject *)RpExc_AttributeError)) {
        RpAttributeErrorObject *ae = (RpAttributeErrorObject *)exc;
        if (ae->name == NULL && ae->obj == NULL) {
            ae->name = Rp_NewRef(name);
            ae->obj = Rp_NewRef(o);
        }
    }
    RpErr_SetRaisedException(exc);
}

RpObject *RpObject_GetAttr(RpObject *o, RpObject *name)
{
    if (check_name(name) < 0)
        return NULL;
    getattrofunc f = Rp_TYPE(o)->tp_getattro;
    if (f == NULL) {
        RpErr_Format(RpExc_AttributeError, "'%.50s' object has no attribute '%U'", Rp_TYPE(o)->tp_name,
                     name);
        return NULL;
    }
    RpObject *res = f(o, name);
    if (res == NULL)
        _RpObject_SetAttributeErrorContext(o, name);
    return res;
}

RpObject *RpObject_GetAttrString(RpObject *o, const char *name)
{
    RpObject *n = RpUnicode_InternFromString(name);
    if (n == NULL)
        return NULL;
    RpObject *r = RpObject_GetAttr(o, n);
    Rp_DECREF(n);
    return r;
}

/* The generic lookup: data descriptors of the type, then the instance's
 * own attributes, then other descriptors and class attributes.  With
 * `suppress`, a plain miss returns NULL without raising. */
static RpObject *generic_getattr(RpObject *o, RpObject *name, int suppress)
{
    RpTypeObject *tp = Rp_TYPE(o);
    if (check_name(name) < 0)
        return NULL;
    RpObject *descr = _RpType_Lookup(tp, name), *res = NULL;
    descrgetfunc f = NULL;
    if (descr != NULL) {
        Rp_INCREF(descr);
        f = Rp_TYPE(descr)->tp_descr_get;
        if (f != NULL && Rp_TYPE(descr)->tp_descr_set != NULL) {
            res = f(descr, o, (RpObject *)tp);
            goto done;
        }
    }
    int r = _RpObject_InstanceLookup(o, name, &res);
    if (r != 0)
        goto done;
    if (f != NULL) {
        res = f(descr, o, (RpObject *)tp);
        goto done;
    }
    if (descr != NULL) {
        res = descr;
        descr = NULL;
        goto done;
    }
    if (!suppress)
        RpErr_Format(RpExc_AttributeError, "'%.50s' object has no attribute '%U'", tp->tp_name, name);
done:
    Rp_XDECREF(descr);
    return res;
}

RpObject *RpObject_GenericGetAttr(RpObject *o, RpObject *name)
{
    return generic_getattr(o, name, 0);
}

int _RpObject_LookupAttr(RpObject *o, RpObject *name, RpObject **result)
{
    RpTypeObject *tp = Rp_TYPE(o);
    if (check_name(name) < 0) {
        *result = NULL;
        return -1;
    }
    if (tp->tp_getattro == RpObject_GenericGetAttr) {
        *result = generic_getattr(o, name, 1);
        if (*result != NULL)
            return 1;
        if (!RpErr_Occurred())
            return 0;
    } else {
        *result = tp->tp_getattro != NULL ? tp->tp_getattro(o, name) : NULL;
        if (*result != NULL)
            return 1;
        if (tp->tp_getattro == NULL)
            return 0;
    }
    if (RpErr_ExceptionMatches(RpExc_AttributeError)) {
        RpErr_Clear();
        return 0;
    }
    return -1;
}

int RpObject_HasAttr(RpObject *o, RpObject *name)
{
    RpObject *res;
    int r = _RpObject_LookupAttr(o, name, &res);
    if (r < 0) {
        RpErr_Clear();
        return 0;
    }
    Rp_XDECREF(res);
    return r;
}

int RpObject_GenericSetAttr(RpObject *o, RpObject *name, RpObject *v)
{
    RpTypeObject *tp = Rp_TYPE(o);
    if (check_name(name) < 0)
        return -1;
    RpObject *descr = _RpType_Lookup(tp, name);
    int r;
    if (descr != NULL) {
        Rp_INCREF(descr);
        descrsetfunc f = Rp_TYPE(descr)->tp_descr_set;
        if (f != NULL) {
            r = f(descr, o, v);
            Rp_DECREF(descr);
            return r;
        }
    }
    r = _RpObject_InstanceStore(o, name, v);
    if (r == 1 && descr != NULL)
        RpErr_Format(RpExc_AttributeError, "'%.50s' object attribute '%U' is read-only", tp->tp_name, name);
    else if (r == 1 || r == 2)
        RpErr_Format(RpExc_AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name, name);
    Rp_XDECREF(descr);
    return r == 0 ? 0 : -1;
}

int RpObject_SetAttr(RpObject *o, RpObject *name, RpObject *v)
{
    RpTypeObject *tp = Rp_TYPE(o);
    if (check_name(name) < 0)
        return -1;
    if (tp->tp_setattro == NULL) {
        RpErr_Format(RpExc_TypeError,
                     tp->tp_getattro == NULL ? "'%.100s' object has no attributes (%s .%U)"
                                             : "'%.100s' object has only read-only attributes (%s .%U)",
                     tp->tp_name, v == NULL ? "del" : "assign to", name);
        return -1;
    }
    /* attribute names are interned: inline tables and dicts compare pointers */
    Rp_INCREF(name);
    if (RpUnicode_CheckExact(name))
        RpUnicode_InternInPlace(&name);
    int r = tp->tp_setattro(o, name, v);
    Rp_DECREF(name);
    return r;
}

int RpObject_SetAttrString(RpObject *o, const char *name, RpObject *v)
{
    RpObject *n = RpUnicode_InternFromString(name);
    if (n == NULL)
        return -1;
    int r = RpObject_SetAttr(o, n, v);
    Rp_DECREF(n);
    return r;
}

int RpObject_DelAttr(RpObject *o, RpObject *name)
{
    return RpObject_SetAttr(o, name, NULL);
}

int _RpObject_GetMethod(RpObject *o, RpObject *name, RpObject **method)
{
    RpTypeObject *tp = Rp_TYPE(o);
    if (tp->tp_getattro != RpObject_GenericGetAttr || !RpUnicode_Check(name)) {
        *method = RpObject_GetAttr(o, name);
        return *method == NULL ? -1 : 0;
    }
    RpObject *descr = _RpType_Lookup(tp, name);
    descrgetfunc f = NULL;
    int meth_found = 0;
    if (descr != NULL) {
        Rp_INCREF(descr);
        if (RpType_HasFeature(Rp_TYPE(descr), RP_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = 1;
        } else {
            f = Rp_TYPE(descr)->tp_descr_get;
            if (f != NULL && Rp_TYPE(descr)->tp_descr_set != NULL) {
                *method = f(descr, o, (RpObject *)tp);
                Rp_DECREF(descr);
                return *method == NULL ? -1 : 0;
            }
        }
    }
    RpObject *attr;
    int r = _RpObject_InstanceLookup(o, name, &attr);
    if (r != 0) {
        Rp_XDECREF(descr);
        *method = attr;
        return r < 0 ? -1 : 0;
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f != NULL) {
        *method = f(descr, o, (RpObject *)tp);
        Rp_DECREF(descr);
        return *method == NULL ? -1 : 0;
    }
    if (descr != NULL) {
        *method = descr;
        return 0;
    }
    *method = NULL;
    RpErr_Format(RpExc_AttributeError, "'%.50s' object has no attribute '%U'", tp->tp_name, name);
    _RpObject_SetAttributeErrorContext(o, name);
    return -1;
}

RpObject *_RpObject_LookupSpecial(RpObject *o, RpObject *name)
{
    RpObject *res = _RpType_Lookup(Rp_TYPE(o), name);
    if (res == NULL)
        return NULL;
    descrgetfunc f = Rp_TYPE(res)->tp_descr_get;
    if (f == NULL)
        return Rp_NewRef(res);
    Rp_INCREF(res);
    RpObject *bound = f(res, o, (RpObject *)Rp_TYPE(o));
    Rp_DECREF(res);
    return bound;
}

/* ---- dir, iteration, callability ----------------------------------------------------------- */

static RpObject *sorted_list(RpObject *seq)
{
    RpObject *list = RpSequence_List(seq);
    if (list != NULL && RpList_Sort(list) < 0)
        Rp_CLEAR(list);
    return list;
}

RpObject *RpObject_Dir(RpObject *o)
{
    if (o == NULL) {
        RpObject *locals = RpEval_GetLocals();
        if (locals == NULL)
            return RpErr_Occurred() ? NULL : RpList_New(0);
        RpObject *keys = RpMapping_Keys(locals);
        RpObject *res = keys == NULL ? NULL : sorted_list(keys);
        Rp_XDECREF(keys);
        return res;
    }
    RpObject *dirfunc = _RpObject_LookupSpecial(o, RP_ID(__dir__));
    if (dirfunc == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetString(RpExc_TypeError, "object does not provide __dir__");
        return NULL;
    }
    RpObject *result = RpObject_CallNoArgs(dirfunc);
    Rp_DECREF(dirfunc);
    if (result == NULL)
        return NULL;
    RpObject *res = sorted_list(result);
    Rp_DECREF(result);
    return res;
}

RpObject *RpObject_SelfIter(RpObject *o)
{
    return Rp_NewRef(o);
}

int RpCallable_Check(RpObject *o)
{
    return o != NULL && Rp_TYPE(o)->tp_call != NULL;
}

/* ---- repr recursion guard ------------------------------------------------------------------- */

/* The objects whose repr is in progress on this thread, in a list kept in
 * the thread's dict. */
static RpObject *repr_list(int create)
{
    RpThreadState *ts = RpThreadState_Get();
    if (ts->dict == NULL) {
        if (!create || (ts->dict = RpDict_New()) == NULL)
            return NULL;
    }
    RpObject *list = RpDict_GetItemString(ts->dict, "Rp_Repr");
    if (list == NULL && create) {
        list = RpList_New(0);
        if (list == NULL)
            return NULL;
        int r = RpDict_SetItemString(ts->dict, "Rp_Repr", list);
        Rp_DECREF(list);
        if (r < 0)
            return NULL;
    }
    return list;
}

int Rp_ReprEnter(RpObject *o)
{
    RpObject *list = repr_list(1);
    if (list == NULL)
        return -1;
    for (Rp_ssize_t i = RpList_GET_SIZE(list); --i >= 0;)
        if (RpList_GET_ITEM(list, i) == o)
            return 1;
    return RpList_Append(list, o) < 0 ? -1 : 0;
}

void Rp_ReprLeave(RpObject *o)
{
    RpObject *saved = RpErr_GetRaisedException();
    RpObject *list = repr_list(0);
    for (Rp_ssize_t i = list ? RpList_GET_SIZE(list) : 0; --i >= 0;) {
        if (RpList_GET_ITEM(list, i) == o) {
            RpList_SetSlice(list, i, i + 1, NULL);
            break;
        }
    }
    RpErr_SetRaisedException(saved);
}

int RpObject_Print(RpObject *o, FILE *fp, int flags)
{
    RpObject *s = (flags & RP_PRINT_RAW) ? RpObject_Str(o) : RpObject_Repr(o);
    if (s == NULL)
        return -1;
    fwrite(RpUnicode_UTF8(s), 1, (size_t)RpUnicode_UTF8_SIZE(s), fp);
    Rp_DECREF(s);
    return ferror(fp) ? -1 : 0;
}

/* ---- the static types ----------------------------------------------------------------------- */

/* Every static type declared in a header under src/ (exceptions excepted:
 * _RpExc_Init makes those).  Readying a type readies its bases first, so
 * the order only matters for readability: roots, then by subsystem. */
extern RpTypeObject RpJSONScanner_Type, RpJSONEncoder_Type;    /* modules/jsonmodule.c */
static RpTypeObject *const static_types[] = {
    &RpBaseObject_Type, &RpType_Type,
    &RpNone_Type, &RpNotImplemented_Type, &RpEllipsis_Type, &RpDictProxy_Type,
    /* numbers.h */
    &RpLong_Type, &RpBool_Type, &RpFloat_Type, &RpComplex_Type,
    /* strings.h */
    &RpUnicode_Type, &RpUnicodeIter_Type, &RpBytes_Type, &RpByteArray_Type, &RpMemoryView_Type,
    /* containers.h */
    &RpList_Type, &RpListIter_Type, &RpListRevIter_Type, &RpTuple_Type, &RpTupleIter_Type,
    &RpDict_Type, &RpDictKeys_Type, &RpDictValues_Type, &RpDictItems_Type,
    &RpDictIterKey_Type, &RpDictIterValue_Type, &RpDictIterItem_Type,
    &RpDictRevIterKey_Type, &RpDictRevIterValue_Type, &RpDictRevIterItem_Type,
    &RpSet_Type, &RpFrozenSet_Type, &RpSetIter_Type,
    &RpRange_Type, &RpRangeIter_Type, &RpLongRangeIter_Type, &RpSlice_Type,
    &RpSeqIter_Type, &RpCallIter_Type, &RpEnum_Type, &RpZip_Type, &RpMap_Type,
    &RpFilter_Type, &RpReversed_Type,
    /* funcs.h */
    &RpFunction_Type, &RpMethod_Type, &RpCFunction_Type,
    &RpMethodDescr_Type, &RpClassMethodDescr_Type, &RpMemberDescr_Type, &RpGetSetDescr_Type,
    &RpWrapperDescr_Type, &RpMethodWrapper_Type,
    &RpClassMethod_Type, &RpStaticMethod_Type, &RpProperty_Type, &RpSuper_Type,
    &RpCell_Type, &RpModule_Type,
    /* weakref.h */
    &RpWeakref_RefType, &RpWeakref_ProxyType, &RpWeakref_CallableProxyType,
    /* vm */
    &RpTraceBack_Type, &RpCode_Type, &RpFrame_Type, &RpGen_Type,
    &RpCoro_Type, &RpAsyncGen_Type, &RpCoroWrapper_Type, &RpAsyncGenASend_Type,
    &RpAsyncGenAThrow_Type, &RpAsyncGenWrapped_Type,
    /* complex.h, containers.h additions, modules */
    &RpComplex_Type, &RpDictRevIterKey_Type, &RpDictRevIterValue_Type, &RpDictRevIterItem_Type,
    &RpFile_Type, &_RpNamespace_Type, &RpMemoryView_Type, &RpGenericAlias_Type, &RpUnion_Type,
    &RpLock_Type, &RpRLock_Type, &RpLocal_Type, &_RpVersionInfo_Type, &RpRandom_Type,
    &_RpFloatInfo_Type, &_RpIntInfo_Type, &_RpHashInfo_Type, &_RpThreadInfo_Type, &_RpFlags_Type,
    &_RpStructTime_Type,
    /* modules/stdmod.h */
    &RpStruct_Type, &RpStructIter_Type, &RpArray_Type, &RpArrayIter_Type,
    &RpHash_Type, &RpZCompress_Type, &RpZDecompress_Type,
    &RpJSONScanner_Type, &RpJSONEncoder_Type,    /* modules/jsonmodule.c */
};
#define N_STATIC_TYPES (sizeof(static_types) / sizeof(static_types[0]))

int _RpObjects_InitTypes(void)
{
    if (_RpType_InitSlotDefs() < 0)
        return -1;
    for (size_t i = 0; i < N_STATIC_TYPES; i++) {
        if (RpType_Ready(static_types[i]) < 0) {
            fprintf(stderr, "refpy: cannot initialize type '%s'\n", static_types[i]->tp_name);
            return -1;
        }
    }
    return _RpGenericAlias_Init();
}

/* Give back what readying allocated, so that nothing is left at exit and
 * Rp_Initialize can run again. */
static void fini_type(RpTypeObject *t)
{
    t->tp_flags &= ~(RP_TPFLAGS_READY | RP_TPFLAGS_VALID_VERSION_TAG);
    t->tp_version_tag = 0;
    Rp_CLEAR(t->tp_subclasses);
    Rp_CLEAR(t->tp_mro);
    Rp_CLEAR(t->tp_bases);
    Rp_CLEAR(t->tp_dict);
}

void _RpObjects_Fini(void)
{
    _RpType_Fini();
    /* Empty every dict first: descriptors in them point at other types. */
    for (size_t i = N_STATIC_TYPES; i-- > 0;)
        if (static_types[i]->tp_dict != NULL)
            RpDict_Clear(static_types[i]->tp_dict);
    for (size_t i = N_STATIC_TYPES; i-- > 0;)
        fini_type(static_types[i]);
}
