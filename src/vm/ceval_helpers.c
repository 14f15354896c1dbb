/* ceval_helpers.c -- the slower halves of the eval loop's instructions:
 * argument binding and its error messages, unpacking, raise, calls with
 * star-args and double-star kwargs, imports, pattern matching.  Kept out of ceval.c so the
 * loop itself stays readable; every message is CPython 3.11's.
 */
#include "rp.h"

/* ---- argument binding ----------------------------------------------------- */

static RpObject *qualname_of(RpFunctionObject *func)
{
    return func->func_qualname ? func->func_qualname : func->func_name;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static RpObject *join_names(RpObject *names)
{
    Rp_ssize_t n = RpList_GET_SIZE(names);
    if (n == 1)
        return Rp_NewRef(RpList_GET_ITEM(names, 0));
    if (n == 2)
        return RpUnicode_FromFormat("%U and %U", RpList_GET_ITEM(names, 0),
                                    RpList_GET_ITEM(names, 1));
    RpObject *tail = RpUnicode_FromFormat(", %U, and %U", RpList_GET_ITEM(names, n - 2),
                                          RpList_GET_ITEM(names, n - 1));
    if (tail == NULL || RpList_SetSlice(names, n - 2, n, NULL) < 0) {
        Rp_XDECREF(tail);
        return NULL;
    }
    RpObject *sep = RpUnicode_FromString(", ");
    RpObject *head = sep ? RpUnicode_Join(sep, names) : NULL;
    Rp_XDECREF(sep);
    RpObject *res = head ? RpUnicode_Concat(head, tail) : NULL;
    Rp_XDECREF(head);
    Rp_DECREF(tail);
    return res;
}

/* missing positional (defcount >= 0) or keyword-only (defcount == -1) */
static void missing_arguments(RpFunctionObject *func, RpObject **localsplus,
                              Rp_ssize_t defcount)
{
    RpCodeObject *co = (RpCodeObject *)func->func_code;
    int positional = defcount != -1;
    Rp_ssize_t start = positional ? 0 : co->co_argcount;
    Rp_ssize_t end = positional ? co->co_argcount - defcount
                                : co->co_argcount + co->co_kwonlyargcount;
    RpObject *names = RpList_New(0);
    if (names == NULL)
        return;
    for (Rp_ssize_t i = start; i < end; i++) {
        if (localsplus[i] != NULL)
            continue;
        RpObject *r = RpObject_Repr(RpTuple_GET_ITEM(co->co_localsplusnames, i));
        if (r == NULL || RpList_Append(names, r) < 0) {
            Rp_XDECREF(r);
            Rp_DECREF(names);
            return;
        }
        Rp_DECREF(r);
    }
    Rp_ssize_t n = RpList_GET_SIZE(names);
    RpObject *joined = join_names(names);
    if (joined != NULL)
        RpErr_Format(RpExc_TypeError, "%U() missing %zd required %s argument%s: %U",
                     qualname_of(func), n, positional ? "positional" : "keyword-only",
                     n == 1 ? "" : "s", joined);
    Rp_XDECREF(joined);
    Rp_DECREF(names);
}

static void too_many_positional(RpFunctionObject *func, RpObject **localsplus,
                                Rp_ssize_t given)
{
    RpCodeObject *co = (RpCodeObject *)func->func_code;
    Rp_ssize_t kwonly_given = 0;
    for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++)
        if (localsplus[i] != NULL)
            kwonly_given++;
    Rp_ssize_t defcount = func->func_defaults ? RpTuple_GET_SIZE(func->func_defaults) : 0;
    RpObject *sig;
    int plural;
    if (defcount) {
        plural = 1;
        sig = RpUnicode_FromFormat("from %zd to %d", co->co_argcount - defcount, co->co_argcount);
    } else {
        plural = co->co_argcount != 1;
        sig = RpUnicode_FromFormat("%d", co->co_argcount);
    }
    RpObject *kwsig = kwonly_given
        ? RpUnicode_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                               given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "")
        : RpUnicode_FromString("");
    if (sig != NULL && kwsig != NULL)
        RpErr_Format(RpExc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                     qualname_of(func), sig, plural ? "s" : "", given, kwsig,
                     given == 1 && !kwonly_given ? "was" : "were");
    Rp_XDECREF(sig);
    Rp_XDECREF(kwsig);
}

/* 1 if the error was reported (some keyword names a positional-only one). */
static int posonly_as_keyword(RpFunctionObject *func, RpObject *kwnames)
{
    RpCodeObject *co = (RpCodeObject *)func->func_code;
    RpObject *names = RpList_New(0);
    if (names == NULL)
        return 1;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        RpObject *pname = RpTuple_GET_ITEM(co->co_localsplusnames, k);
        for (Rp_ssize_t j = 0; j < RpTuple_GET_SIZE(kwnames); j++) {
            RpObject *kw = RpTuple_GET_ITEM(kwnames, j);
            int eq = kw == pname ? 1 : RpObject_RichCompareBool(pname, kw, Rp_EQ);
            if (eq < 0 || (eq > 0 && RpList_Append(names, kw) < 0)) {
                Rp_DECREF(names);
                return 1;
            }
        }
    }
    if (RpList_GET_SIZE(names) == 0) {
        Rp_DECREF(names);
        return 0;
    }
    RpObject *sep = RpUnicode_FromString(", ");
    RpObject *joined = sep ? RpUnicode_Join(sep, names) : NULL;
    if (joined != NULL)
        RpErr_Format(RpExc_TypeError,
                     "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                     qualname_of(func), joined);
    Rp_XDECREF(sep);
    Rp_XDECREF(joined);
    Rp_DECREF(names);
    return 1;
}

/* Index of the parameter named `kw` (not positional-only), or -1; -2 error. */
static Rp_ssize_t find_keyword(RpCodeObject *co, RpObject *kw, int total)
{
    RpObject **names = ((RpTupleObject *)co->co_localsplusnames)->ob_item;
    for (int j = co->co_posonlyargcount; j < total; j++)
        if (names[j] == kw)   /* interned: the common case */
            return j;
    for (int j = co->co_posonlyargcount; j < total; j++) {
        int eq = RpObject_RichCompareBool(kw, names[j], Rp_EQ);
        if (eq != 0)
            return eq > 0 ? j : -2;
    }
    return -1;
}

static int bind_keywords(RpFunctionObject *func, RpObject **localsplus,
                         RpObject *const *kwvalues, RpObject *kwnames, RpObject *kwdict)
{
    RpCodeObject *co = (RpCodeObject *)func->func_code;
    int total = co->co_argcount + co->co_kwonlyargcount;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(kwnames); i++) {
        RpObject *kw = RpTuple_GET_ITEM(kwnames, i);
        RpObject *value = kwvalues[i];
        if (!RpUnicode_Check(kw)) {
            RpErr_Format(RpExc_TypeError, "%U() keywords must be strings", qualname_of(func));
            return -1;
        }
        Rp_ssize_t j = find_keyword(co, kw, total);
        if (j == -2)
            return -1;
        if (j == -1) {
            if (kwdict == NULL) {
                if (co->co_posonlyargcount && posonly_as_keyword(func, kwnames))
                    return -1;
                RpErr_Format(RpExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                             qualname_of(func), kw);
                return -1;
            }
            if (RpDict_SetItem(kwdict, kw, value) < 0)
                return -1;
            continue;
        }
        if (localsplus[j] != NULL) {
            RpErr_Format(RpExc_TypeError, "%U() got multiple values for argument '%S'",
                         qualname_of(func), kw);
            return -1;
        }
        localsplus[j] = Rp_NewRef(value);
    }
    return 0;
}

static int fill_defaults(RpFunctionObject *func, RpObject **localsplus,
                         Rp_ssize_t argcount, Rp_ssize_t n)
{
    RpCodeObject *co = (RpCodeObject *)func->func_code;
    if (argcount < co->co_argcount) {
        Rp_ssize_t defcount = func->func_defaults ? RpTuple_GET_SIZE(func->func_defaults) : 0;
        Rp_ssize_t m = co->co_argcount - defcount;
        for (Rp_ssize_t i = argcount; i < m; i++) {
            if (localsplus[i] == NULL) {
                missing_arguments(func, localsplus, defcount);
                return -1;
            }
        }
        for (Rp_ssize_t i = n > m ? n - m : 0; i < defcount; i++)
            if (localsplus[m + i] == NULL)
                localsplus[m + i] = Rp_NewRef(RpTuple_GET_ITEM(func->func_defaults, i));
    }
    int missing = 0;
    for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++) {
        if (localsplus[i] != NULL)
            continue;
        RpObject *name = RpTuple_GET_ITEM(co->co_localsplusnames, i);
        if (func->func_kwdefaults != NULL) {
            RpObject *def = RpDict_GetItemWithError(func->func_kwdefaults, name);
            if (def != NULL) {
                localsplus[i] = Rp_NewRef(def);
                continue;
            }
            if (RpErr_Occurred())
                return -1;
        }
        missing++;
    }
    if (missing) {
        missing_arguments(func, localsplus, -1);
        return -1;
    }
    return 0;
}

int _RpEval_BindArgs(RpFunctionObject *func, RpObject **localsplus,
                     RpObject *const *args, Rp_ssize_t argcount, RpObject *kwnames)
{
    RpCodeObject *co = (RpCodeObject *)func->func_code;
    int total = co->co_argcount + co->co_kwonlyargcount;
    RpObject *kwdict = NULL;
    if (co->co_flags & RP_CO_VARKEYWORDS) {
        if ((kwdict = RpDict_New()) == NULL)
            return -1;
        localsplus[total + ((co->co_flags & RP_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    Rp_ssize_t n = argcount > co->co_argcount ? co->co_argcount : argcount;
    for (Rp_ssize_t j = 0; j < n; j++)
        localsplus[j] = Rp_NewRef(args[j]);
    if (co->co_flags & RP_CO_VARARGS) {
        RpObject *u = _RpTuple_FromArray(args + n, argcount - n);
        if (u == NULL)
            return -1;
        localsplus[total] = u;
    }
    if (kwnames != NULL && RpTuple_GET_SIZE(kwnames) > 0 &&
        bind_keywords(func, localsplus, args + argcount, kwnames, kwdict) < 0)
        return -1;
    if (argcount > co->co_argcount && !(co->co_flags & RP_CO_VARARGS)) {
        too_many_positional(func, localsplus, argcount);
        return -1;
    }
    return fill_defaults(func, localsplus, argcount, n);
}

/* ---- names and messages --------------------------------------------------- */

RpObject *_RpEval_FunctionStr(RpObject *func)
{
    RpObject *qualname = NULL, *module = NULL, *res = NULL;
    if (_RpObject_LookupAttr(func, RP_ID(__qualname__), &qualname) <= 0) {
        if (RpErr_Occurred())
            return NULL;
        return RpObject_Str(func);
    }
    if (_RpObject_LookupAttr(func, RP_ID(__module__), &module) < 0)
        goto done;
    if (module != NULL && module != Rp_None &&
        !(RpUnicode_Check(module) && _RpUnicode_EqualToASCIIString(module, "builtins"))) {
        res = RpUnicode_FromFormat("%S.%S()", module, qualname);
        goto done;
    }
    res = RpUnicode_FromFormat("%S()", qualname);
done:
    Rp_XDECREF(module);
    Rp_DECREF(qualname);
    return res;
}

/* Raise `type` with a message about `name`, setting exc.name as 3.11 does
 * (the traceback printer uses it for "Did you mean" hints). */
static void name_error(RpObject *type, const char *fmt, RpObject *name)
{
    RpErr_Format(type, fmt, name);
    RpObject *exc = RpErr_GetRaisedException();
    if (exc != NULL && RpObject_TypeCheck(exc, (RpTypeObject *)RpExc_NameError))
        Rp_XSETREF(((RpNameErrorObject *)exc)->name, Rp_NewRef(name));
    RpErr_SetRaisedException(exc);
}

void _RpEval_NameError(RpObject *name)
{
    name_error(RpExc_NameError, "name '%U' is not defined", name);
}

void _RpEval_FormatUnbound(RpCodeObject *co, int oparg)
{
    if (RpErr_Occurred())
        return;
    RpObject *name = RpTuple_GET_ITEM(co->co_localsplusnames, oparg);
    if (co->co_localspluskinds[oparg] & RP_CO_FAST_FREE)
        name_error(RpExc_NameError,
                   "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                   name);
    else
        name_error(RpExc_UnboundLocalError,
                   "cannot access local variable '%U' where it is not associated with a value",
                   name);
}

/* type(o).name bound to o, like CPython's _PyObject_LookupSpecial; NULL
 * without exception when missing. */
RpObject *_RpEval_LookupSpecial(RpObject *o, RpObject *name)
{
    RpObject *attr = _RpType_Lookup(Rp_TYPE(o), name);
    if (attr == NULL)
        return NULL;
    descrgetfunc get = Rp_TYPE(attr)->tp_descr_get;
    if (get != NULL)
        return get(attr, o, (RpObject *)Rp_TYPE(o));
    return Rp_NewRef(attr);
}

int _RpEval_CheckExceptType(RpObject *right)
{
    if (RpTuple_Check(right)) {
        for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(right); i++)
            if (!RpExceptionClass_Check(RpTuple_GET_ITEM(right, i)))
                goto bad;
        return 0;
    }
    if (RpExceptionClass_Check(right))
        return 0;
bad:
    RpErr_SetString(RpExc_TypeError,
                    "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* ---- raise ---------------------------------------------------------------- */

static RpObject *top_handled(void)
{
    for (RpExcInfo *ei = RpThreadState_Get()->exc_info; ei != NULL; ei = ei->previous)
        if (ei->exc_value != NULL && ei->exc_value != Rp_None)
            return ei->exc_value;
    return NULL;
}

/* An exception class is instantiated; anything else must be an instance. */
static RpObject *make_exception(RpObject *exc)
{
    if (RpExceptionClass_Check(exc)) {
        RpObject *v = RpObject_CallNoArgs(exc);
        if (v != NULL && !RpExceptionInstance_Check(v)) {
            RpErr_Format(RpExc_TypeError,
                         "calling %R should have returned an instance of BaseException, not %T",
                         exc, v);
            Rp_CLEAR(v);
        }
        return v;
    }
    if (RpExceptionInstance_Check(exc))
        return Rp_NewRef(exc);
    RpErr_SetString(RpExc_TypeError, "exceptions must derive from BaseException");
    return NULL;
}

int _RpEval_DoRaise(RpObject *exc, RpObject *cause)
{
    if (exc == NULL) {
        RpObject *v = top_handled();
        if (v == NULL) {
            RpErr_SetString(RpExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        RpErr_SetRaisedException(Rp_NewRef(v));
        return 1;
    }
    RpObject *value = make_exception(exc);
    Rp_DECREF(exc);
    if (value == NULL) {
        Rp_XDECREF(cause);
        return 0;
    }
    if (cause != NULL) {
        RpObject *fixed = NULL;
        if (RpExceptionClass_Check(cause) || RpExceptionInstance_Check(cause)) {
            fixed = make_exception(cause);
            if (fixed == NULL) {
                Rp_DECREF(cause);
                Rp_DECREF(value);
                return 0;
            }
        } else if (cause != Rp_None) {
            RpErr_SetString(RpExc_TypeError, "exception causes must derive from BaseException");
            Rp_DECREF(cause);
            Rp_DECREF(value);
            return 0;
        }
        Rp_DECREF(cause);
        RpException_SetCause(value, fixed);
        ((RpBaseExceptionObject *)value)->suppress_context = 1;
    }
    /* RpErr_SetObject adds the implicit __context__ (cycle-safe). */
    RpErr_SetObject((RpObject *)Rp_TYPE(value), value);
    Rp_DECREF(value);
    return 0;
}

/* ---- values ---------------------------------------------------------------- */

RpObject *_RpEval_FormatValue(RpObject *value, int conv, RpObject *spec)
{
    RpObject *v;
    switch (conv) {
    case 1: v = RpObject_Str(value); break;
    case 2: v = RpObject_Repr(value); break;
    case 3: v = RpObject_ASCII(value); break;
    default: v = Rp_NewRef(value); break;
    }
    if (v == NULL)
        return NULL;
    if (spec == NULL && RpUnicode_CheckExact(v))
        return v;
    RpObject *empty = spec ? NULL : _RpUnicode_Empty();
    RpObject *res = RpObject_Format(v, spec ? spec : empty);
    Rp_XDECREF(empty);
    Rp_DECREF(v);
    return res;
}

int _RpEval_UnpackIterable(RpObject *v, int argcnt, int argcntafter, RpObject **sp)
{
    RpObject *it = RpObject_GetIter(v);
    if (it == NULL) {
        if (RpErr_ExceptionMatches(RpExc_TypeError) && Rp_TYPE(v)->tp_iter == NULL &&
            !RpSequence_Check(v))
            RpErr_Format(RpExc_TypeError, "cannot unpack non-iterable %s object",
                         Rp_TYPE(v)->tp_name);
        return -1;
    }
    RpObject **top = sp;
    int i = 0;
    for (; i < argcnt; i++) {
        RpObject *w = RpIter_Next(it);
        if (w == NULL) {
            if (!RpErr_Occurred()) {
                if (argcntafter == -1)
                    RpErr_Format(RpExc_ValueError,
                                 "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    RpErr_Format(RpExc_ValueError,
                                 "not enough values to unpack (expected at least %d, got %d)",
                                 argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        RpObject *w = RpIter_Next(it);
        if (w == NULL) {
            if (RpErr_Occurred())
                goto error;
            Rp_DECREF(it);
            return 0;
        }
        Rp_DECREF(w);
        RpErr_Format(RpExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    RpObject *l = RpSequence_List(it);
    if (l == NULL)
        goto error;
    *--sp = l;
    i++;
    Rp_ssize_t ll = RpList_GET_SIZE(l);
    if (ll < argcntafter) {
        RpErr_Format(RpExc_ValueError,
                     "not enough values to unpack (expected at least %d, got %zd)",
                     argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    for (int j = argcntafter; j > 0; j--, i++)
        *--sp = Rp_NewRef(RpList_GET_ITEM(l, ll - j));
    if (RpList_SetSlice(l, ll - argcntafter, ll, NULL) < 0) {
        i = (int)(top - sp);
        goto error;
    }
    Rp_DECREF(it);
    return 0;
error:
    for (RpObject **p = top - 1; p >= top - i; p--)
        Rp_DECREF(*p);
    Rp_DECREF(it);
    return -1;
}

/* ---- building calls ------------------------------------------------------- */

static int is_mapping_like(RpObject *o)
{
    if (RpDict_Check(o))
        return 1;
    RpObject *keys = NULL;
    int r = _RpObject_LookupAttr(o, RP_ID(keys), &keys);
    Rp_XDECREF(keys);
    return r;
}

int _RpEval_DictMerge(RpObject *func, RpObject *dict, RpObject *update)
{
    int m = is_mapping_like(update);
    if (m <= 0) {
        if (m < 0)
            return -1;
        RpObject *fs = _RpEval_FunctionStr(func);
        if (fs != NULL)
            RpErr_Format(RpExc_TypeError, "%U argument after ** must be a mapping, not %s",
                         fs, Rp_TYPE(update)->tp_name);
        Rp_XDECREF(fs);
        return -1;
    }
    if (RpDict_Merge(dict, update, 2) == 0)
        return 0;
    if (RpErr_ExceptionMatches(RpExc_KeyError)) {
        RpObject *exc = RpErr_GetRaisedException();
        RpObject *args = ((RpBaseExceptionObject *)exc)->args;
        if (args != NULL && RpTuple_Check(args) && RpTuple_GET_SIZE(args) == 1) {
            RpObject *fs = _RpEval_FunctionStr(func);
            if (fs != NULL)
                RpErr_Format(RpExc_TypeError, "%U got multiple values for keyword argument '%S'",
                             fs, RpTuple_GET_ITEM(args, 0));
            Rp_XDECREF(fs);
            Rp_DECREF(exc);
        } else {
            RpErr_SetRaisedException(exc);
        }
    }
    return -1;
}

int _RpEval_DictUpdate(RpObject *dict, RpObject *update)
{
    int m = is_mapping_like(update);
    if (m == 0)
        RpErr_Format(RpExc_TypeError, "'%s' object is not a mapping", Rp_TYPE(update)->tp_name);
    if (m <= 0)
        return -1;
    return RpDict_Update(dict, update);
}

int _RpEval_ListExtend(RpObject *list, RpObject *iterable)
{
    RpObject *none = _RpList_Extend((RpListObject *)list, iterable);
    if (none != NULL) {
        Rp_DECREF(none);
        return 0;
    }
    if (RpErr_ExceptionMatches(RpExc_TypeError) && Rp_TYPE(iterable)->tp_iter == NULL &&
        !RpSequence_Check(iterable)) {
        RpErr_Clear();
        RpErr_Format(RpExc_TypeError, "Value after * must be an iterable, not %s",
                     Rp_TYPE(iterable)->tp_name);
    }
    return -1;
}

RpObject *_RpEval_CallFunctionEx(RpObject *func, RpObject *callargs, RpObject *kwargs)
{
    RpObject *args = NULL, *kw = NULL, *res = NULL;
    if (RpTuple_CheckExact(callargs)) {
        args = Rp_NewRef(callargs);
    } else {
        if (Rp_TYPE(callargs)->tp_iter == NULL && !RpSequence_Check(callargs)) {
            RpObject *fs = _RpEval_FunctionStr(func);
            if (fs != NULL)
                RpErr_Format(RpExc_TypeError, "%U argument after * must be an iterable, not %s",
                             fs, Rp_TYPE(callargs)->tp_name);
            Rp_XDECREF(fs);
            return NULL;
        }
        if ((args = RpSequence_Tuple(callargs)) == NULL)
            return NULL;
    }
    if (kwargs != NULL && !RpDict_CheckExact(kwargs)) {
        if ((kw = RpDict_New()) == NULL || _RpEval_DictMerge(func, kw, kwargs) < 0)
            goto done;
    } else {
        kw = Rp_XNewRef(kwargs);
    }
    res = RpObject_Call(func, args, kw);
done:
    Rp_XDECREF(kw);
    Rp_DECREF(args);
    return res;
}

static RpObject *nb_power2(RpObject *a, RpObject *b) { return RpNumber_Power(a, b, Rp_None); }
static RpObject *nb_ipower2(RpObject *a, RpObject *b) { return RpNumber_InPlacePower(a, b, Rp_None); }

static const binaryfunc binary_ops[2 * RP_NB_INPLACE] = {
    [RP_NB_ADD] = RpNumber_Add, [RP_NB_AND] = RpNumber_And,
    [RP_NB_FLOOR_DIVIDE] = RpNumber_FloorDivide, [RP_NB_LSHIFT] = RpNumber_Lshift,
    [RP_NB_MATRIX_MULTIPLY] = RpNumber_MatrixMultiply, [RP_NB_MULTIPLY] = RpNumber_Multiply,
    [RP_NB_REMAINDER] = RpNumber_Remainder, [RP_NB_OR] = RpNumber_Or,
    [RP_NB_POWER] = nb_power2, [RP_NB_RSHIFT] = RpNumber_Rshift,
    [RP_NB_SUBTRACT] = RpNumber_Subtract, [RP_NB_TRUE_DIVIDE] = RpNumber_TrueDivide,
    [RP_NB_XOR] = RpNumber_Xor,
    [RP_NB_INPLACE + RP_NB_ADD] = RpNumber_InPlaceAdd,
    [RP_NB_INPLACE + RP_NB_AND] = RpNumber_InPlaceAnd,
    [RP_NB_INPLACE + RP_NB_FLOOR_DIVIDE] = RpNumber_InPlaceFloorDivide,
    [RP_NB_INPLACE + RP_NB_LSHIFT] = RpNumber_InPlaceLshift,
    [RP_NB_INPLACE + RP_NB_MATRIX_MULTIPLY] = RpNumber_InPlaceMatrixMultiply,
    [RP_NB_INPLACE + RP_NB_MULTIPLY] = RpNumber_InPlaceMultiply,
    [RP_NB_INPLACE + RP_NB_REMAINDER] = RpNumber_InPlaceRemainder,
    [RP_NB_INPLACE + RP_NB_OR] = RpNumber_InPlaceOr,
    [RP_NB_INPLACE + RP_NB_POWER] = nb_ipower2,
    [RP_NB_INPLACE + RP_NB_RSHIFT] = RpNumber_InPlaceRshift,
    [RP_NB_INPLACE + RP_NB_SUBTRACT] = RpNumber_InPlaceSubtract,
    [RP_NB_INPLACE + RP_NB_TRUE_DIVIDE] = RpNumber_InPlaceTrueDivide,
    [RP_NB_INPLACE + RP_NB_XOR] = RpNumber_InPlaceXor,
};

RpObject *_RpEval_BinaryOp(int op, RpObject *a, RpObject *b)
{
    if (op < 0 || op >= 2 * RP_NB_INPLACE || binary_ops[op] == NULL) {
        RpErr_Format(RpExc_SystemError, "unknown BINARY_OP argument %d", op);
        return NULL;
    }
    return binary_ops[op](a, b);
}

/* The compiler hands annotations over as a flat (name, value, ...) tuple. */
RpObject *_RpEval_AnnotationsDict(RpObject *ann)
{
    if (!RpTuple_Check(ann))
        return Rp_NewRef(ann);
    RpObject *d = RpDict_New();
    if (d == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i + 1 < RpTuple_GET_SIZE(ann); i += 2) {
        if (RpDict_SetItem(d, RpTuple_GET_ITEM(ann, i), RpTuple_GET_ITEM(ann, i + 1)) < 0) {
            Rp_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* ---- imports ---------------------------------------------------------------- */

RpObject *_RpEval_ImportName(RpFrame *f, RpObject *name, RpObject *fromlist, RpObject *level)
{
    RpObject *import_func = RpDict_GetItemWithError(f->f_builtins, RP_ID(__import__));
    if (import_func == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetString(RpExc_ImportError, "__import__ not found");
        return NULL;
    }
    RpObject *locals = f->f_locals ? f->f_locals : Rp_None;
    if (RpCFunction_Check(import_func) &&
        strcmp(((RpCFunctionObject *)import_func)->m_ml->ml_name, "__import__") == 0) {
        long ilevel = RpLong_AsLong(level);
        if (ilevel == -1 && RpErr_Occurred())
            return NULL;
        return RpImport_ImportModuleLevelObject(name, f->f_globals, locals, fromlist, (int)ilevel);
    }
    /* A user replaced builtins.__import__: call it like CPython does. */
    RpObject *stack[5] = {name, f->f_globals, locals, fromlist, level};
    Rp_INCREF(import_func);
    RpObject *res = RpObject_Vectorcall(import_func, stack, 5, NULL);
    Rp_DECREF(import_func);
    return res;
}

static RpObject *module_filename(RpObject *m)
{
    RpObject *file = NULL;
    if (RpModule_Check(m)) {
        file = RpDict_GetItemWithError(RpModule_GetDict(m), RP_ID(__file__));
        if (file != NULL && RpUnicode_Check(file))
            return Rp_NewRef(file);
    }
    RpErr_Clear();
    return NULL;
}

RpObject *_RpEval_ImportFrom(RpObject *v, RpObject *name)
{
    RpObject *x = NULL;
    if (_RpObject_LookupAttr(v, name, &x) != 0)
        return x;
    /* A circular relative import may have the submodule only in sys.modules. */
    RpObject *pkgname = NULL;
    if (_RpObject_LookupAttr(v, RP_ID(__name__), &pkgname) < 0)
        RpErr_Clear();
    if (pkgname != NULL && !RpUnicode_Check(pkgname))
        Rp_CLEAR(pkgname);
    if (pkgname != NULL) {
        RpObject *full = RpUnicode_FromFormat("%U.%U", pkgname, name);
        if (full == NULL) {
            Rp_DECREF(pkgname);
            return NULL;
        }
        x = RpImport_GetModule(full);
        Rp_DECREF(full);
        if (x != NULL || RpErr_Occurred()) {
            Rp_DECREF(pkgname);
            return x;
        }
    }
    RpObject *path = module_filename(v);
    RpObject *shown = pkgname ? Rp_NewRef(pkgname) : RpUnicode_FromString("<unknown module name>");
    RpObject *msg = NULL;
    if (shown == NULL)
        goto done;
    if (path == NULL)
        msg = RpUnicode_FromFormat("cannot import name %R from %R (unknown location)", name, shown);
    else if (pkgname != NULL && _RpImport_IsInitializing(pkgname))
        msg = RpUnicode_FromFormat("cannot import name %R from partially initialized module %R "
                                   "(most likely due to a circular import) (%S)",
                                   name, shown, path);
    else
        msg = RpUnicode_FromFormat("cannot import name %R from %R (%S)", name, shown, path);
    if (msg != NULL)
        _RpImport_SetImportError(RpExc_ImportError, msg, pkgname, path);
done:
    Rp_XDECREF(msg);
    Rp_XDECREF(shown);
    Rp_XDECREF(path);
    Rp_XDECREF(pkgname);
    return NULL;
}

static int bad_star_name(RpObject *v, RpObject *name, int from_dict)
{
    RpObject *modname = RpObject_GetAttr(v, RP_ID(__name__));
    if (modname == NULL)
        return -1;
    if (!RpUnicode_Check(modname))
        RpErr_Format(RpExc_TypeError, "module __name__ must be a string, not %s",
                     Rp_TYPE(modname)->tp_name);
    else
        RpErr_Format(RpExc_TypeError, from_dict ? "Key in %U.__dict__ must be str, not %s"
                                                : "Item in %U.__all__ must be str, not %s",
                     modname, Rp_TYPE(name)->tp_name);
    Rp_DECREF(modname);
    return -1;
}

static int store_local(RpObject *locals, RpObject *name, RpObject *value)
{
    if (RpDict_CheckExact(locals))
        return RpDict_SetItem(locals, name, value);
    return RpObject_SetItem(locals, name, value);
}

int _RpEval_ImportAllFrom(RpObject *locals, RpObject *v)
{
    RpObject *all = NULL;
    int skip_private = 0, err = 0;
    if (_RpObject_LookupAttr(v, RP_ID(__all__), &all) < 0)
        return -1;
    if (all == NULL) {
        RpObject *dict = NULL;
        if (_RpObject_LookupAttr(v, RP_ID(__dict__), &dict) < 0)
            return -1;
        if (dict == NULL) {
            RpErr_SetString(RpExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = RpMapping_Keys(dict);
        Rp_DECREF(dict);
        if (all == NULL)
            return -1;
        skip_private = 1;
    }
    for (Rp_ssize_t pos = 0; err == 0; pos++) {
        RpObject *name = RpSequence_GetItem(all, pos);
        if (name == NULL) {
            if (RpErr_ExceptionMatches(RpExc_IndexError))
                RpErr_Clear();
            else
                err = -1;
            break;
        }
        if (!RpUnicode_Check(name)) {
            err = bad_star_name(v, name, skip_private);
        } else if (!(skip_private && RpUnicode_UTF8(name)[0] == '_')) {
            RpObject *value = RpObject_GetAttr(v, name);
            err = value ? store_local(locals, name, value) : -1;
            Rp_XDECREF(value);
        }
        Rp_DECREF(name);
    }
    Rp_DECREF(all);
    return err;
}

/* ---- pattern matching ----------------------------------------------------- */

int _RpEval_MatchMapping(RpObject *subject)
{
    return RpDict_Check(subject);
}

int _RpEval_MatchSequence(RpObject *subject)
{
    return RpList_Check(subject) || RpTuple_Check(subject) ||
           RpObject_TypeCheck(subject, &RpRange_Type);
}

RpObject *_RpEval_MatchKeys(RpObject *map, RpObject *keys)
{
    Rp_ssize_t nkeys = RpTuple_GET_SIZE(keys);
    if (nkeys == 0)
        return RpTuple_New(0);
    RpObject *get = NULL, *seen = NULL, *dummy = NULL, *values = NULL;
    int meth = _RpObject_GetMethod(map, RP_ID(get), &get);
    if (get == NULL)
        goto fail;
    if ((seen = RpSet_New(NULL)) == NULL)
        goto fail;
    if ((dummy = RpObject_CallNoArgs((RpObject *)&RpBaseObject_Type)) == NULL)
        goto fail;
    if ((values = RpTuple_New(nkeys)) == NULL)
        goto fail;
    for (Rp_ssize_t i = 0; i < nkeys; i++) {
        RpObject *key = RpTuple_GET_ITEM(keys, i);
        int c = RpSet_Contains(seen, key);
        if (c != 0 || RpSet_Add(seen, key) < 0) {
            if (c > 0)
                RpErr_Format(RpExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        RpObject *args[3] = {map, key, dummy};
        RpObject *value = meth ? RpObject_Vectorcall(get, args, 3, NULL)
                               : RpObject_Vectorcall(get, args + 1, 2, NULL);
        if (value == NULL)
            goto fail;
        if (value == dummy) {
            Rp_DECREF(value);
            Rp_SETREF(values, Rp_NewRef(Rp_None));
            break;
        }
        RpTuple_SET_ITEM(values, i, value);
    }
    Rp_DECREF(get);
    Rp_DECREF(seen);
    Rp_DECREF(dummy);
    return values;
fail:
    Rp_XDECREF(get);
    Rp_XDECREF(seen);
    Rp_XDECREF(dummy);
    Rp_XDECREF(values);
    return NULL;
}

static RpObject *match_class_attr(RpObject *subject, RpObject *type, RpObject *name,
                                  RpObject *seen)
{
    int c = RpSet_Contains(seen, name);
    if (c != 0 || RpSet_Add(seen, name) < 0) {
        if (c > 0)
            RpErr_Format(RpExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         ((RpTypeObject *)type)->tp_name, name);
        return NULL;
    }
    RpObject *attr = RpObject_GetAttr(subject, name);
    if (attr == NULL && RpErr_ExceptionMatches(RpExc_AttributeError))
        RpErr_Clear();
    return attr;
}

/* Builtins that match themselves with one positional sub-pattern. */
static int match_self(RpTypeObject *t)
{
    static RpTypeObject *const selfs[] = {
        &RpBool_Type, &RpByteArray_Type, &RpBytes_Type, &RpDict_Type, &RpFloat_Type,
        &RpFrozenSet_Type, &RpLong_Type, &RpList_Type, &RpSet_Type, &RpUnicode_Type,
        &RpTuple_Type,
    };
    for (size_t i = 0; i < sizeof(selfs) / sizeof(selfs[0]); i++)
        if (RpType_IsSubtype(t, selfs[i]))
            return 1;
    return 0;
}

/* Positional sub-patterns through __match_args__; appends to attrs. */
static int match_positional(RpObject *subject, RpObject *type, int nargs,
                            RpObject *attrs, RpObject *seen)
{
    RpTypeObject *t = (RpTypeObject *)type;
    int self = 0;
    RpObject *match_args = RpObject_GetAttrString(type, "__match_args__");
    if (match_args != NULL && !RpTuple_CheckExact(match_args)) {
        RpErr_Format(RpExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                     t->tp_name, Rp_TYPE(match_args)->tp_name);
        Rp_DECREF(match_args);
        return -1;
    }
    if (match_args == NULL) {
        if (!RpErr_ExceptionMatches(RpExc_AttributeError))
            return -1;
        RpErr_Clear();
        if ((match_args = RpTuple_New(0)) == NULL)
            return -1;
        self = match_self(t);
    }
    Rp_ssize_t allowed = self ? 1 : RpTuple_GET_SIZE(match_args);
    int rc = 0;
    if (allowed < nargs) {
        RpErr_Format(RpExc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)",
                     t->tp_name, allowed, allowed == 1 ? "" : "s", nargs);
        rc = -1;
    } else if (self) {
        rc = RpList_Append(attrs, subject);
    } else {
        for (int i = 0; i < nargs && rc == 0; i++) {
            RpObject *name = RpTuple_GET_ITEM(match_args, i);
            if (!RpUnicode_CheckExact(name)) {
                RpErr_Format(RpExc_TypeError, "__match_args__ elements must be strings (got %s)",
                             Rp_TYPE(name)->tp_name);
                rc = -1;
                break;
            }
            RpObject *attr = match_class_attr(subject, type, name, seen);
            rc = attr ? RpList_Append(attrs, attr) : -1;
            Rp_XDECREF(attr);
        }
    }
    Rp_DECREF(match_args);
    return rc;
}

/* Tuple of attributes on a match; NULL without exception on no match. */
RpObject *_RpEval_MatchClass(RpObject *subject, RpObject *type, int nargs, RpObject *kwargs)
{
    if (!RpType_Check(type)) {
        RpErr_SetString(RpExc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    int inst = RpObject_IsInstance(subject, type);
    if (inst <= 0)
        return NULL;
    RpObject *seen = RpSet_New(NULL);
    RpObject *attrs = seen ? RpList_New(0) : NULL;
    RpObject *res = NULL;
    if (attrs == NULL)
        goto done;
    if (nargs && match_positional(subject, type, nargs, attrs, seen) < 0)
        goto done;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(kwargs); i++) {
        RpObject *attr = match_class_attr(subject, type, RpTuple_GET_ITEM(kwargs, i), seen);
        int rc = attr ? RpList_Append(attrs, attr) : -1;
        Rp_XDECREF(attr);
        if (rc < 0)
            goto done;
    }
    res = RpList_AsTuple(attrs);
done:
    Rp_XDECREF(seen);
    Rp_XDECREF(attrs);
    return res;
}

RpObject *_RpEval_CopyDictWithoutKeys(RpObject *subject, RpObject *keys)
{
    RpObject *rest = RpDict_New();
    if (rest == NULL || RpDict_Update(rest, subject) < 0)
        goto fail;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(keys); i++)
        if (RpDict_DelItem(rest, RpTuple_GET_ITEM(keys, i)) < 0)
            goto fail;
    return rest;
fail:
    Rp_XDECREF(rest);
    return NULL;
}

/* ---- async for / async with ------------------------------------------------ */

RpObject *_RpEval_GetAIter(RpObject *obj)
{
    RpObject *meth = _RpEval_LookupSpecial(obj, RP_ID(__aiter__));
    if (meth == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_TypeError,
                         "'async for' requires an object with __aiter__ method, got %s",
                         Rp_TYPE(obj)->tp_name);
        return NULL;
    }
    RpObject *it = RpObject_CallNoArgs(meth);
    Rp_DECREF(meth);
    if (it == NULL)
        return NULL;
    if (_RpType_Lookup(Rp_TYPE(it), RP_ID(__anext__)) == NULL) {
        RpErr_Format(RpExc_TypeError, "'async for' received an object from __aiter__ "
                     "that does not implement __anext__: %s", Rp_TYPE(it)->tp_name);
        Rp_DECREF(it);
        return NULL;
    }
    return it;
}

RpObject *_RpEval_GetANext(RpObject *aiter)
{
    if (RpAsyncGen_CheckExact(aiter))
        return _RpAsyncGenASend_New(aiter, NULL);
    RpObject *meth = _RpEval_LookupSpecial(aiter, RP_ID(__anext__));
    if (meth == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_TypeError,
                         "'async for' requires an iterator with __anext__ method, got %s",
                         Rp_TYPE(aiter)->tp_name);
        return NULL;
    }
    RpObject *next = RpObject_CallNoArgs(meth);
    Rp_DECREF(meth);
    if (next == NULL)
        return NULL;
    RpObject *awaitable = _RpCoro_GetAwaitableIter(next, 0);
    if (awaitable == NULL) {
        RpObject *cause = RpErr_GetRaisedException();
        RpErr_Format(RpExc_TypeError, "'async for' received an invalid object from "
                     "__anext__: %s", Rp_TYPE(next)->tp_name);
        RpObject *exc = RpErr_GetRaisedException();
        RpException_SetCause(exc, Rp_NewRef(cause));
        RpException_SetContext(exc, cause);
        RpErr_SetRaisedException(exc);
    }
    Rp_DECREF(next);
    return awaitable;
}

RpObject *_RpEval_BeforeAsyncWith(RpObject *mgr, RpObject **exitp)
{
    RpObject *enter = _RpEval_LookupSpecial(mgr, RP_ID(__aenter__));
    if (enter == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_TypeError, "'%s' object does not support the asynchronous "
                         "context manager protocol", Rp_TYPE(mgr)->tp_name);
        return NULL;
    }
    RpObject *exit = _RpEval_LookupSpecial(mgr, RP_ID(__aexit__));
    if (exit == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_TypeError, "'%s' object does not support the asynchronous "
                         "context manager protocol (missed __aexit__ method)",
                         Rp_TYPE(mgr)->tp_name);
        Rp_DECREF(enter);
        return NULL;
    }
    *exitp = exit;
    RpObject *res = RpObject_CallNoArgs(enter);
    Rp_DECREF(enter);
    return res;
}
