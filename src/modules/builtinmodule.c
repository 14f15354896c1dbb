/* builtinmodule.c -- the `builtins` module: the functions every program
 * can call without importing anything, and the names of the built-in types.
 * Functions use the fast calling convention (vector of arguments plus
 * keyword names); the hot ones (print, len, isinstance) avoid building
 * tuples or dicts.
 */
#include "rp.h"
#include "modules/fileobject.h"
#include <math.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

/* ---- class creation ------------------------------------------------------ */

/* The most derived metaclass of `meta` and the metaclasses of the bases. */
static RpObject *calculate_metaclass(RpObject *meta, RpObject *bases)
{
    RpTypeObject *winner = (RpTypeObject *)meta;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(bases); i++) {
        RpTypeObject *t = Rp_TYPE(RpTuple_GET_ITEM(bases, i));
        if (RpType_IsSubtype(winner, t))
            continue;
        if (RpType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        return RpErr_Format(RpExc_TypeError,
                            "metaclass conflict: the metaclass of a derived class must be "
                            "a (non-strict) subclass of the metaclasses of all its bases");
    }
    return Rp_NewRef(winner);
}

/* The replacement of one base: its __mro_entries__(bases) tuple, or NULL
 * with no exception when it has none (a class, or no such method). */
static RpObject *mro_entries(RpObject *base, RpObject *bases)
{
    RpObject *meth;
    if (RpType_Check(base))
        return NULL;
    int r = _RpObject_LookupAttr(base, RP_ID(__mro_entries__), &meth);
    if (r <= 0)
        return NULL;
    RpObject *entries = RpObject_CallOneArg(meth, bases);
    Rp_DECREF(meth);
    if (entries != NULL && !RpTuple_Check(entries)) {
        Rp_DECREF(entries);
        RpErr_SetString(RpExc_TypeError, "__mro_entries__ must return a tuple");
        return NULL;
    }
    return entries;
}

/* PEP 560: bases that are not classes may stand for others. */
static RpObject *resolve_bases(RpObject *bases)
{
    RpObject *result = RpList_New(0);
    int changed = 0;
    if (result == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(bases); i++) {
        RpObject *base = RpTuple_GET_ITEM(bases, i);
        RpObject *entries = mro_entries(base, bases);
        int r;
        if (entries == NULL && RpErr_Occurred())
            goto error;
        if (entries != NULL) {
            changed = 1;
            Rp_ssize_t n = RpList_GET_SIZE(result);
            r = RpList_SetSlice(result, n, n, entries);
            Rp_DECREF(entries);
        } else {
            r = RpList_Append(result, base);
        }
        if (r < 0)
            goto error;
    }
    if (!changed) {
        Rp_DECREF(result);
        return Rp_NewRef(bases);
    }
    RpObject *t = RpList_AsTuple(result);
    Rp_DECREF(result);
    return t;
error:
    Rp_DECREF(result);
    return NULL;
}

static RpObject *builtin___build_class__(RpObject *self, RpObject *const *args,
                                         Rp_ssize_t nargs, RpObject *kwnames)
{
    RpObject *meta = NULL, *kwds = NULL, *orig_bases = NULL, *bases = NULL;
    RpObject *ns = NULL, *cell = NULL, *cls = NULL;
    if (nargs < 2)
        return RpErr_Format(RpExc_TypeError, "__build_class__: not enough arguments");
    RpObject *func = args[0], *name = args[1];
    if (!RpFunction_Check(func))
        return RpErr_Format(RpExc_TypeError, "__build_class__: func must be a function");
    if (!RpUnicode_Check(name))
        return RpErr_Format(RpExc_TypeError, "__build_class__: name is not a string");
    orig_bases = _RpTuple_FromArray(args + 2, nargs - 2);
    if (orig_bases == NULL)
        return NULL;
    bases = resolve_bases(orig_bases);
    if (bases == NULL)
        goto done;
    kwds = kwnames ? _RpStack_AsDict(args + nargs, kwnames) : RpDict_New();
    if (kwds == NULL)
        goto done;
    meta = _RpDict_Pop(kwds, RP_ID(metaclass), NULL);
    if (meta == NULL && RpErr_Occurred())
        goto done;
    if (meta == NULL)
        meta = Rp_NewRef(RpTuple_GET_SIZE(bases) ? (RpObject *)Rp_TYPE(RpTuple_GET_ITEM(bases, 0))
                                                  : (RpObject *)&RpType_Type);
    if (RpType_Check(meta)) {
        RpObject *winner = calculate_metaclass(meta, bases);
        if (winner == NULL)
            goto done;
        Rp_SETREF(meta, winner);
    }
    RpObject *prep;
    int r = _RpObject_LookupAttr(meta, RP_ID(__prepare__), &prep);
    if (r < 0)
        goto done;
    if (r == 0) {
        ns = RpDict_New();
    } else {
        RpObject *pargs[2] = {name, bases};
        ns = RpObject_VectorcallDict(prep, pargs, 2, kwds);
        Rp_DECREF(prep);
    }
    if (ns == NULL)
        goto done;
    if (!RpMapping_Check(ns)) {
        RpErr_Format(RpExc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                     RpType_Check(meta) ? _RpType_Name((RpTypeObject *)meta) : "<metaclass>",
                     _RpType_Name(Rp_TYPE(ns)));
        goto done;
    }
    cell = _RpEval_CallClassBody(func, ns);
    if (cell == NULL)
        goto done;
    if (bases != orig_bases && RpObject_SetItem(ns, RP_ID(__orig_bases__), orig_bases) < 0)
        goto done;
    RpObject *margs[3] = {name, bases, ns};
    cls = RpObject_VectorcallDict(meta, margs, 3, kwds);
    if (cls != NULL && RpType_Check(cls) && RpCell_Check(cell) && RpCell_GET(cell) != cls) {
        if (RpCell_GET(cell) == NULL) {
            RpErr_Format(RpExc_RuntimeError,
                         "__class__ not set defining %R as %R. Was __classcell__ propagated "
                         "to type.__new__?", name, cls);
        } else {
            RpErr_Format(RpExc_TypeError, "__class__ set to %R defining %R as %R",
                         RpCell_GET(cell), name, cls);
        }
        Rp_CLEAR(cls);
    }
done:
    Rp_XDECREF(cell);
    Rp_XDECREF(ns);
    Rp_XDECREF(meta);
    Rp_XDECREF(kwds);
    Rp_XDECREF(bases);
    Rp_XDECREF(orig_bases);
    return cls;
}

/* ---- import ------------------------------------------------------------ */

static RpObject *builtin___import__(RpObject *self, RpObject *const *args,
                                    Rp_ssize_t nargs, RpObject *kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    RpObject *a[5] = {NULL};
    if (_RpArg_ParseVector("__import__", args, nargs, kwnames, names, 5, 1, a) < 0)
        return NULL;
    int level = 0;
    if (a[4] != NULL) {
        level = (int)RpLong_AsLong(a[4]);
        if (level == -1 && RpErr_Occurred())
            return NULL;
    }
    return RpImport_ImportModuleLevelObject(a[0], a[1], a[2], a[3], level);
}

/* ---- printing and input --------------------------------------------------- */

static RpObject *get_std(const char *name)
{
    RpObject *f = RpSys_GetObject(name);
    if (f == NULL || f == Rp_None) {
        RpErr_Format(RpExc_RuntimeError, "lost sys.%s", name);
        return NULL;
    }
    return f;
}

static int write_piece(RpObject *file, RpObject *s)
{
    Rp_ssize_t n;
    const char *p = RpUnicode_AsUTF8AndSize(s, &n);
    return p == NULL ? -1 : _RpFile_WriteUTF8(file, p, n);
}

static int check_str_or_none(RpObject *v, const char *what)
{
    if (v != NULL && v != Rp_None && !RpUnicode_Check(v)) {
        RpErr_Format(RpExc_TypeError, "%s must be None or a string, not %s", what,
                     _RpType_Name(Rp_TYPE(v)));
        return -1;
    }
    return 0;
}

static RpObject *builtin_print(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                               RpObject *kwnames)
{
    RpObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    Rp_ssize_t nkw = kwnames ? RpTuple_GET_SIZE(kwnames) : 0;
    for (Rp_ssize_t i = 0; i < nkw; i++) {
        RpObject *k = RpTuple_GET_ITEM(kwnames, i), *v = args[nargs + i];
        if (_RpUnicode_EqualToASCIIString(k, "sep")) sep = v;
        else if (_RpUnicode_EqualToASCIIString(k, "end")) end = v;
        else if (_RpUnicode_EqualToASCIIString(k, "file")) file = v;
        else if (_RpUnicode_EqualToASCIIString(k, "flush")) flush = v;
        else
            return RpErr_Format(RpExc_TypeError, "'%U' is an invalid keyword argument for print()", k);
    }
    if (check_str_or_none(sep, "sep") < 0 || check_str_or_none(end, "end") < 0)
        return NULL;
    if (file == NULL || file == Rp_None) {
        file = get_std("stdout");
        if (file == NULL)
            return NULL;
    }
    for (Rp_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int r = sep && sep != Rp_None ? write_piece(file, sep) : _RpFile_WriteUTF8(file, " ", 1);
            if (r < 0)
                return NULL;
        }
        RpObject *s = RpUnicode_CheckExact(args[i]) ? Rp_NewRef(args[i]) : RpObject_Str(args[i]);
        if (s == NULL)
            return NULL;
        int r = write_piece(file, s);
        Rp_DECREF(s);
        if (r < 0)
            return NULL;
    }
    int r = end && end != Rp_None ? write_piece(file, end) : _RpFile_WriteUTF8(file, "\n", 1);
    if (r < 0)
        return NULL;
    if (flush != NULL) {
        int doflush = RpObject_IsTrue(flush);
        if (doflush < 0 || (doflush && _RpFile_Flush(file) < 0))
            return NULL;
    }
    Rp_RETURN_NONE;
}

static RpObject *builtin_input(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("input", nargs, 0, 1))
        return NULL;
    RpObject *out = get_std("stdout"), *in = get_std("stdin");
    if (out == NULL || in == NULL)
        return NULL;
    RpObject *err = RpSys_GetObject("stderr");
    if (err && err != Rp_None && _RpFile_Flush(err) < 0)
        RpErr_Clear();
    if (nargs == 1 && RpFile_WriteObject(args[0], out, RP_PRINT_RAW) < 0)
        return NULL;
    if (_RpFile_Flush(out) < 0)
        return NULL;
    RpObject *line = RpObject_CallMethod0(in, "readline");
    if (line == NULL)
        return NULL;
    if (!RpUnicode_Check(line)) {
        Rp_DECREF(line);
        return RpErr_Format(RpExc_TypeError, "object.readline() returned non-string");
    }
    Rp_ssize_t n = RpUnicode_GET_LENGTH(line);
    if (n == 0) {
        Rp_DECREF(line);
        return RpErr_Format(RpExc_EOFError, "EOF when reading a line");
    }
    if (RpUnicode_ReadChar(line, n - 1) == '\n') {
        RpObject *stripped = RpUnicode_Substring(line, 0, n - 1);
        Rp_DECREF(line);
        return stripped;
    }
    return line;
}

/* ---- simple functions ----------------------------------------------------- */

static RpObject *builtin_abs(RpObject *self, RpObject *x) { return RpNumber_Absolute(x); }
static RpObject *builtin_repr(RpObject *self, RpObject *x) { return RpObject_Repr(x); }
static RpObject *builtin_ascii(RpObject *self, RpObject *x) { return RpObject_ASCII(x); }
static RpObject *builtin_callable(RpObject *self, RpObject *x) { return RpBool_FromLong(RpCallable_Check(x)); }

static RpObject *builtin_len(RpObject *self, RpObject *x)
{
    Rp_ssize_t n = RpObject_Size(x);
    return n < 0 && RpErr_Occurred() ? NULL : RpLong_FromSsize_t(n);
}

static RpObject *builtin_id(RpObject *self, RpObject *x)
{
    return RpLong_FromLongLong((long long)(uintptr_t)x);
}

static RpObject *builtin_hash(RpObject *self, RpObject *x)
{
    Rp_hash_t h = RpObject_Hash(x);
    return h == -1 ? NULL : RpLong_FromSsize_t(h);
}

static RpObject *format_index(RpObject *x, int base)
{
    RpObject *i = RpNumber_Index(x);
    if (i == NULL)
        return NULL;
    RpObject *r = _RpLong_Format(i, base);
    Rp_DECREF(i);
    return r;
}
static RpObject *builtin_hex(RpObject *self, RpObject *x) { return format_index(x, 16); }
static RpObject *builtin_oct(RpObject *self, RpObject *x) { return format_index(x, 8); }
static RpObject *builtin_bin(RpObject *self, RpObject *x) { return format_index(x, 2); }

static RpObject *builtin_chr(RpObject *self, RpObject *x)
{
    long v = RpLong_AsLong(x);
    if (v == -1 && RpErr_Occurred()) {
        if (RpErr_ExceptionMatches(RpExc_OverflowError)) {
            RpErr_Clear();
            return RpErr_Format(RpExc_OverflowError, "Python int too large to convert to C int");
        }
        return NULL;
    }
    if (v < 0 || v > 0x10FFFF)
        return RpErr_Format(RpExc_ValueError, "chr() arg not in range(0x110000)");
    return RpUnicode_FromOrdinal((int)v);
}

static RpObject *builtin_ord(RpObject *self, RpObject *x)
{
    if (RpUnicode_Check(x)) {
        if (RpUnicode_GET_LENGTH(x) != 1)
            return RpErr_Format(RpExc_TypeError,
                                "ord() expected a character, but string of length %zd found",
                                RpUnicode_GET_LENGTH(x));
        return RpLong_FromLong(RpUnicode_ReadChar(x, 0));
    }
    if (RpBytes_Check(x) || RpByteArray_Check(x)) {
        if (Rp_SIZE(x) != 1)
            return RpErr_Format(RpExc_TypeError,
                                "ord() expected a character, but string of length %zd found",
                                Rp_SIZE(x));
        const char *p = RpBytes_Check(x) ? RpBytes_AS_STRING(x) : ((RpByteArrayObject *)x)->ob_bytes;
        return RpLong_FromLong((unsigned char)p[0]);
    }
    return RpErr_Format(RpExc_TypeError, "ord() expected string of length 1, but %s found",
                        _RpType_Name(Rp_TYPE(x)));
}

static RpObject *builtin_divmod(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("divmod", nargs, 2, 2))
        return NULL;
    return RpNumber_Divmod(args[0], args[1]);
}

static RpObject *builtin_pow(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                             RpObject *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    RpObject *a[3] = {NULL};
    if (_RpArg_ParseVector("pow", args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    return RpNumber_Power(a[0], a[1], a[2] ? a[2] : Rp_None);
}

static RpObject *builtin_format(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("format", nargs, 1, 2))
        return NULL;
    if (nargs == 2 && !RpUnicode_Check(args[1]))
        return RpErr_Format(RpExc_TypeError, "format() argument 2 must be str, not %s",
                            _RpType_Name(Rp_TYPE(args[1])));
    RpObject *spec = nargs == 2 ? Rp_NewRef(args[1]) : _RpUnicode_Empty();
    RpObject *r = spec ? RpObject_Format(args[0], spec) : NULL;
    Rp_XDECREF(spec);
    return r;
}

static RpObject *builtin_round(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                               RpObject *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    RpObject *a[2] = {NULL};
    if (_RpArg_ParseVector("round", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    RpObject *meth = _RpType_Lookup(Rp_TYPE(a[0]), RP_ID(__round__));
    if (meth == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_TypeError, "type %s doesn't define __round__ method",
                         _RpType_Name(Rp_TYPE(a[0])));
        return NULL;
    }
    RpObject *cargs[2] = {a[0], a[1]};
    return RpObject_Vectorcall(meth, cargs, (a[1] && a[1] != Rp_None) ? 2 : 1, NULL);
}

/* ---- attributes ---------------------------------------------------------- */

static int check_attr_name(RpObject *name, const char *fn)
{
    if (!RpUnicode_Check(name)) {
        RpErr_Format(RpExc_TypeError, "%s(): attribute name must be string, not '%s'", fn,
                     _RpType_Name(Rp_TYPE(name)));
        return -1;
    }
    return 0;
}

static RpObject *builtin_getattr(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("getattr", nargs, 2, 3))
        return NULL;
    if (!RpUnicode_Check(args[1]))
        return RpErr_Format(RpExc_TypeError, "attribute name must be string, not '%s'",
                            _RpType_Name(Rp_TYPE(args[1])));
    if (nargs == 2)
        return RpObject_GetAttr(args[0], args[1]);
    RpObject *res;
    int r = _RpObject_LookupAttr(args[0], args[1], &res);
    if (r < 0)
        return NULL;
    return r ? res : Rp_NewRef(args[2]);
}

static RpObject *builtin_setattr(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("setattr", nargs, 3, 3))
        return NULL;
    if (check_attr_name(args[1], "setattr") < 0 || RpObject_SetAttr(args[0], args[1], args[2]) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *builtin_delattr(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("delattr", nargs, 2, 2))
        return NULL;
    if (check_attr_name(args[1], "delattr") < 0 || RpObject_DelAttr(args[0], args[1]) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *builtin_hasattr(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("hasattr", nargs, 2, 2))
        return NULL;
    if (check_attr_name(args[1], "hasattr") < 0)
        return NULL;
    RpObject *res;
    int r = _RpObject_LookupAttr(args[0], args[1], &res);
    if (r < 0)
        return NULL;
    Rp_XDECREF(res);
    return RpBool_FromLong(r);
}

static RpObject *builtin_isinstance(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("isinstance", nargs, 2, 2))
        return NULL;
    int r = RpObject_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : RpBool_FromLong(r);
}

static RpObject *builtin_issubclass(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("issubclass", nargs, 2, 2))
        return NULL;
    int r = RpObject_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : RpBool_FromLong(r);
}

static RpObject *builtin_vars(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("vars", nargs, 0, 1))
        return NULL;
    if (nargs == 0) {
        RpObject *l = RpEval_GetLocals();
        return l ? Rp_NewRef(l) : NULL;
    }
    RpObject *d;
    int r = _RpObject_LookupAttr(args[0], RP_ID(__dict__), &d);
    if (r == 0)
        RpErr_SetString(RpExc_TypeError, "vars() argument must have __dict__ attribute");
    return r > 0 ? d : NULL;
}

static RpObject *builtin_dir(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("dir", nargs, 0, 1))
        return NULL;
    if (nargs == 1)
        return RpObject_Dir(args[0]);
    RpObject *l = RpEval_GetLocals();
    if (l == NULL)
        return NULL;
    RpObject *keys = RpMapping_Keys(l);
    if (keys == NULL)
        return NULL;
    RpObject *list = RpSequence_List(keys);
    Rp_DECREF(keys);
    if (list && RpList_Sort(list) < 0)
        Rp_CLEAR(list);
    return list;
}

static RpObject *builtin_globals(RpObject *self, RpObject *unused)
{
    RpObject *g = RpEval_GetGlobals();
    return Rp_NewRef(g ? g : Rp_None);
}

static RpObject *builtin_locals(RpObject *self, RpObject *unused)
{
    RpObject *l = RpEval_GetLocals();
    return l ? Rp_NewRef(l) : NULL;
}

/* ---- iteration ------------------------------------------------------------- */

static RpObject *builtin_iter(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("iter", nargs, 1, 2))
        return NULL;
    if (nargs == 1)
        return RpObject_GetIter(args[0]);
    if (!RpCallable_Check(args[0]))
        return RpErr_Format(RpExc_TypeError, "iter(v, w): v must be callable");
    return RpCallIter_New(args[0], args[1]);
}

static RpObject *builtin_next(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("next", nargs, 1, 2))
        return NULL;
    RpObject *it = args[0];
    iternextfunc nf = Rp_TYPE(it)->tp_iternext;
    if (nf == NULL)
        return RpErr_Format(RpExc_TypeError, "'%s' object is not an iterator",
                            _RpType_Name(Rp_TYPE(it)));
    RpObject *res = nf(it);
    if (res != NULL)
        return res;
    if (RpErr_Occurred()) {
        if (nargs == 1 || !RpErr_ExceptionMatches(RpExc_StopIteration))
            return NULL;
        RpErr_Clear();
    }
    if (nargs == 2)
        return Rp_NewRef(args[1]);
    RpErr_SetNone(RpExc_StopIteration);
    return NULL;
}

/* any/all share the loop; `want` is the truth value that ends it early. */
static RpObject *any_all(RpObject *iterable, int want)
{
    RpObject *it = RpObject_GetIter(iterable), *item;
    if (it == NULL)
        return NULL;
    while ((item = RpIter_Next(it)) != NULL) {
        int t = RpObject_IsTrue(item);
        Rp_DECREF(item);
        if (t < 0 || t == want) {
            Rp_DECREF(it);
            return t < 0 ? NULL : RpBool_FromLong(want);
        }
    }
    Rp_DECREF(it);
    return RpErr_Occurred() ? NULL : RpBool_FromLong(!want);
}
static RpObject *builtin_any(RpObject *self, RpObject *x) { return any_all(x, 1); }
static RpObject *builtin_all(RpObject *self, RpObject *x) { return any_all(x, 0); }

/* Exact int addition without overflow, falling back to the generic path. */
static RpObject *sum_add(RpObject *acc, RpObject *item)
{
    if (RpLong_CheckExact(acc) && RpLong_CheckExact(item))
        return _RpLong_Add(acc, item);
    if (RpFloat_CheckExact(acc) && RpFloat_CheckExact(item))
        return RpFloat_FromDouble(RpFloat_AS_DOUBLE(acc) + RpFloat_AS_DOUBLE(item));
    return RpNumber_Add(acc, item);
}

static RpObject *builtin_sum(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                             RpObject *kwnames)
{
    static const char *const names[] = {"", "start", NULL};
    RpObject *a[2] = {NULL};
    if (_RpArg_ParseVector("sum", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    RpObject *start = a[1] ? a[1] : RpLong_FromLong(0);
    if (a[1] == NULL && start == NULL)
        return NULL;
    if (a[1] != NULL) {
        if (RpUnicode_Check(start))
            return RpErr_Format(RpExc_TypeError,
                                "sum() can't sum strings [use ''.join(seq) instead]");
        if (RpBytes_Check(start))
            return RpErr_Format(RpExc_TypeError,
                                "sum() can't sum bytes [use b''.join(seq) instead]");
        if (RpByteArray_Check(start))
            return RpErr_Format(RpExc_TypeError,
                                "sum() can't sum bytearray [use b''.join(seq) instead]");
        Rp_INCREF(start);
    }
    RpObject *it = RpObject_GetIter(a[0]), *item;
    if (it == NULL) {
        Rp_DECREF(start);
        return NULL;
    }
    RpObject *acc = start;
    while ((item = RpIter_Next(it)) != NULL) {
        RpObject *r = sum_add(acc, item);
        Rp_DECREF(item);
        Rp_DECREF(acc);
        acc = r;
        if (acc == NULL)
            break;
    }
    Rp_DECREF(it);
    if (acc != NULL && RpErr_Occurred())
        Rp_CLEAR(acc);
    return acc;
}

/* min()/max(): `op` is Rp_LT for min and Rp_GT for max. */
static RpObject *min_max(RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames, int op)
{
    const char *name = op == Rp_LT ? "min" : "max";
    RpObject *key = NULL, *dflt = NULL;
    Rp_ssize_t nkw = kwnames ? RpTuple_GET_SIZE(kwnames) : 0;
    for (Rp_ssize_t i = 0; i < nkw; i++) {
        RpObject *k = RpTuple_GET_ITEM(kwnames, i);
        if (_RpUnicode_EqualToASCIIString(k, "key")) key = args[nargs + i];
        else if (_RpUnicode_EqualToASCIIString(k, "default")) dflt = args[nargs + i];
        else
            return RpErr_Format(RpExc_TypeError, "%s() got an unexpected keyword argument '%U'", name, k);
    }
    if (key == Rp_None)
        key = NULL;
    if (nargs == 0)
        return RpErr_Format(RpExc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt != NULL)
        return RpErr_Format(RpExc_TypeError,
                            "Cannot specify a default for %s() with multiple positional arguments", name);
    RpObject *seq = nargs == 1 ? Rp_NewRef(args[0]) : _RpTuple_FromArray(args, nargs);
    if (seq == NULL)
        return NULL;
    RpObject *it = RpObject_GetIter(seq), *item, *best = NULL, *bestkey = NULL;
    Rp_DECREF(seq);
    if (it == NULL)
        return NULL;
    while ((item = RpIter_Next(it)) != NULL) {
        RpObject *k = key ? RpObject_CallOneArg(key, item) : Rp_NewRef(item);
        if (k == NULL) {
            Rp_DECREF(item);
            goto error;
        }
        int better = 1;
        if (best != NULL && (better = RpObject_RichCompareBool(k, bestkey, op)) < 0) {
            Rp_DECREF(item);
            Rp_DECREF(k);
            goto error;
        }
        if (better) {
            Rp_XSETREF(best, item);
            Rp_XSETREF(bestkey, k);
        } else {
            Rp_DECREF(item);
            Rp_DECREF(k);
        }
    }
    if (RpErr_Occurred())
        goto error;
    Rp_DECREF(it);
    Rp_XDECREF(bestkey);
    if (best == NULL) {
        if (dflt != NULL)
            return Rp_NewRef(dflt);
        return RpErr_Format(RpExc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
error:
    Rp_DECREF(it);
    Rp_XDECREF(best);
    Rp_XDECREF(bestkey);
    return NULL;
}

static RpObject *builtin_min(RpObject *self, RpObject *const *args, Rp_ssize_t nargs, RpObject *kw)
{
    return min_max(args, nargs, kw, Rp_LT);
}

static RpObject *builtin_max(RpObject *self, RpObject *const *args, Rp_ssize_t nargs, RpObject *kw)
{
    return min_max(args, nargs, kw, Rp_GT);
}

static RpObject *builtin_sorted(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                                RpObject *kwnames)
{
    static const char *const names[] = {"", "key", "reverse", NULL};
    RpObject *a[3] = {NULL};
    if (nargs != 1) {
        if (nargs == 0)
            return RpErr_Format(RpExc_TypeError, "sorted expected 1 argument, got 0");
        return RpErr_Format(RpExc_TypeError, "sorted expected 1 argument, got %zd", nargs);
    }
    if (_RpArg_ParseVector("sorted", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    int reverse = 0;
    if (a[2] != NULL && (reverse = RpObject_IsTrue(a[2])) < 0)
        return NULL;
    RpObject *list = RpSequence_List(a[0]);
    if (list == NULL)
        return NULL;
    if (_RpList_SortImpl(list, a[1] == Rp_None ? NULL : a[1], reverse) < 0) {
        Rp_DECREF(list);
        return NULL;
    }
    return list;
}

/* ---- code ---------------------------------------------------------------- */

static RpObject *source_to_code(RpObject *src, const char *filename, RpCompileMode mode,
                                const char *fn)
{
    if (RpCode_Check(src))
        return Rp_NewRef(src);
    const char *text;
    Rp_ssize_t len;
    if (RpUnicode_Check(src)) {
        text = RpUnicode_AsUTF8AndSize(src, &len);
    } else if (RpBytes_Check(src)) {
        text = RpBytes_AS_STRING(src);
        len = RpBytes_GET_SIZE(src);
    } else {
        return RpErr_Format(RpExc_TypeError, "%s() arg 1 must be a string, bytes or code object", fn);
    }
    if (text == NULL)
        return NULL;
    if ((Rp_ssize_t)strlen(text) != len)
        return RpErr_Format(RpExc_SyntaxError, "source code string cannot contain null bytes");
    return RpCompile_String(text, len, filename, mode, 0);
}

static RpObject *eval_or_exec(RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames,
                              const char *fn, RpCompileMode mode)
{
    static const char *const names[] = {"source", "globals", "locals", NULL};
    RpObject *a[3] = {NULL};
    if (_RpArg_ParseVector(fn, args, nargs, kwnames, names, 3, 1, a) < 0)
        return NULL;
    RpObject *globals = a[1] == Rp_None ? NULL : a[1];
    RpObject *locals = a[2] == Rp_None ? NULL : a[2];
    if (globals != NULL && !RpDict_Check(globals))
        return RpErr_Format(RpExc_TypeError, "%s() globals must be a dict, not %s", fn,
                            _RpType_Name(Rp_TYPE(globals)));
    if (globals == NULL) {
        globals = RpEval_GetGlobals();
        if (locals == NULL && (locals = RpEval_GetLocals()) == NULL)
            return NULL;
    }
    if (globals == NULL)
        return RpErr_Format(RpExc_SystemError, "globals and locals cannot be NULL");
    if (locals == NULL)
        locals = globals;
    if (RpDict_GetItemWithError(globals, RP_ID(__builtins__)) == NULL) {
        if (RpErr_Occurred() ||
            RpDict_SetItem(globals, RP_ID(__builtins__), RpInterp_Get()->builtins_module) < 0)
            return NULL;
    }
    /* eval() of a str strips leading spaces and tabs, as CPython does */
    RpObject *src = a[0];
    RpObject *code;
    if (mode == RP_EVAL_INPUT && RpUnicode_Check(src)) {
        const char *t = RpUnicode_AsUTF8(src);
        while (*t == ' ' || *t == '\t')
            t++;
        code = RpCompile_String(t, (Rp_ssize_t)strlen(t), "<string>", mode, 0);
    } else {
        code = source_to_code(src, "<string>", mode, fn);
    }
    if (code == NULL)
        return NULL;
    RpObject *res = RpEval_EvalCode(code, globals, locals);
    Rp_DECREF(code);
    if (res != NULL && mode == RP_FILE_INPUT) {
        Rp_DECREF(res);
        Rp_RETURN_NONE;
    }
    return res;
}

static RpObject *builtin_eval(RpObject *self, RpObject *const *args, Rp_ssize_t nargs, RpObject *kw)
{
    return eval_or_exec(args, nargs, kw, "eval", RP_EVAL_INPUT);
}

static RpObject *builtin_exec(RpObject *self, RpObject *const *args, Rp_ssize_t nargs, RpObject *kw)
{
    return eval_or_exec(args, nargs, kw, "exec", RP_FILE_INPUT);
}

static RpObject *builtin_compile(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                                 RpObject *kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags",
                                        "dont_inherit", "optimize", NULL};
    RpObject *a[6] = {NULL};
    if (_RpArg_ParseVector("compile", args, nargs, kwnames, names, 6, 3, a) < 0)
        return NULL;
    if (!RpUnicode_Check(a[1]) || !RpUnicode_Check(a[2]))
        return RpErr_Format(RpExc_TypeError, "compile() filename and mode must be str");
    const char *m = RpUnicode_AsUTF8(a[2]);
    RpCompileMode mode;
    if (strcmp(m, "exec") == 0) mode = RP_FILE_INPUT;
    else if (strcmp(m, "eval") == 0) mode = RP_EVAL_INPUT;
    else if (strcmp(m, "single") == 0) mode = RP_SINGLE_INPUT;
    else
        return RpErr_Format(RpExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    return source_to_code(a[0], RpUnicode_AsUTF8(a[1]), mode, "compile");
}

/* ---- files ----------------------------------------------------------------- */

static RpObject *builtin_open(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                              RpObject *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener", NULL};
    RpObject *a[8] = {NULL};
    if (_RpArg_ParseVector("open", args, nargs, kwnames, names, 8, 1, a) < 0)
        return NULL;
    const char *mode = "r";
    if (a[1] != NULL) {
        if (!RpUnicode_Check(a[1]))
            return RpErr_Format(RpExc_TypeError, "open() argument 'mode' must be str, not %s",
                                _RpType_Name(Rp_TYPE(a[1])));
        mode = RpUnicode_AsUTF8(a[1]);
    }
    int buffering = -1;
    if (a[2] != NULL && (buffering = (int)RpLong_AsLong(a[2])) == -1 && RpErr_Occurred())
        return NULL;
    if (a[3] != NULL && a[3] != Rp_None) {
        const char *enc = RpUnicode_Check(a[3]) ? RpUnicode_AsUTF8(a[3]) : "";
        if (strcasecmp(enc, "utf-8") != 0 && strcasecmp(enc, "utf8") != 0 &&
            strcasecmp(enc, "ascii") != 0 && strcasecmp(enc, "us-ascii") != 0)
            return RpErr_Format(RpExc_LookupError, "unknown encoding: %s", enc);
    }
    int closefd = 1;
    if (a[6] != NULL && (closefd = RpObject_IsTrue(a[6])) < 0)
        return NULL;
    return RpFile_Open(a[0], mode, buffering, closefd);
}

/* ---- the method table and the module -------------------------------------- */

#define FASTKW (RP_METH_FASTCALL | RP_METH_KEYWORDS)
static RpMethodDef builtin_methods[] = {
    {"__build_class__", FAST(builtin___build_class__), FASTKW, NULL},
    {"__import__", FAST(builtin___import__), FASTKW, NULL},
    {"abs", builtin_abs, RP_METH_O, NULL},
    {"all", builtin_all, RP_METH_O, NULL},
    {"any", builtin_any, RP_METH_O, NULL},
    {"ascii", builtin_ascii, RP_METH_O, NULL},
    {"bin", builtin_bin, RP_METH_O, NULL},
    {"callable", builtin_callable, RP_METH_O, NULL},
    {"chr", builtin_chr, RP_METH_O, NULL},
    {"compile", FAST(builtin_compile), FASTKW, NULL},
    {"delattr", FAST(builtin_delattr), RP_METH_FASTCALL, NULL},
    {"dir", FAST(builtin_dir), RP_METH_FASTCALL, NULL},
    {"divmod", FAST(builtin_divmod), RP_METH_FASTCALL, NULL},
    {"eval", FAST(builtin_eval), FASTKW, NULL},
    {"exec", FAST(builtin_exec), FASTKW, NULL},
    {"format", FAST(builtin_format), RP_METH_FASTCALL, NULL},
    {"getattr", FAST(builtin_getattr), RP_METH_FASTCALL, NULL},
    {"globals", builtin_globals, RP_METH_NOARGS, NULL},
    {"hasattr", FAST(builtin_hasattr), RP_METH_FASTCALL, NULL},
    {"hash", builtin_hash, RP_METH_O, NULL},
    {"hex", builtin_hex, RP_METH_O, NULL},
    {"id", builtin_id, RP_METH_O, NULL},
    {"input", FAST(builtin_input), RP_METH_FASTCALL, NULL},
    {"isinstance", FAST(builtin_isinstance), RP_METH_FASTCALL, NULL},
    {"issubclass", FAST(builtin_issubclass), RP_METH_FASTCALL, NULL},
    {"iter", FAST(builtin_iter), RP_METH_FASTCALL, NULL},
    {"len", builtin_len, RP_METH_O, NULL},
    {"locals", builtin_locals, RP_METH_NOARGS, NULL},
    {"max", FAST(builtin_max), FASTKW, NULL},
    {"min", FAST(builtin_min), FASTKW, NULL},
    {"next", FAST(builtin_next), RP_METH_FASTCALL, NULL},
    {"oct", builtin_oct, RP_METH_O, NULL},
    {"open", FAST(builtin_open), FASTKW, NULL},
    {"ord", builtin_ord, RP_METH_O, NULL},
    {"pow", FAST(builtin_pow), FASTKW, NULL},
    {"print", FAST(builtin_print), FASTKW, NULL},
    {"repr", builtin_repr, RP_METH_O, NULL},
    {"round", FAST(builtin_round), FASTKW, NULL},
    {"setattr", FAST(builtin_setattr), RP_METH_FASTCALL, NULL},
    {"sorted", FAST(builtin_sorted), FASTKW, NULL},
    {"sum", FAST(builtin_sum), FASTKW, NULL},
    {"vars", FAST(builtin_vars), RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static int add_types(RpObject *d)
{
    struct { const char *name; void *obj; } tab[] = {
        {"None", Rp_None}, {"Ellipsis", Rp_Ellipsis}, {"NotImplemented", Rp_NotImplemented},
        {"True", Rp_True}, {"False", Rp_False},
        {"bool", &RpBool_Type}, {"bytearray", &RpByteArray_Type}, {"bytes", &RpBytes_Type},
        {"classmethod", &RpClassMethod_Type}, {"complex", &RpComplex_Type}, {"dict", &RpDict_Type},
        {"enumerate", &RpEnum_Type}, {"filter", &RpFilter_Type}, {"float", &RpFloat_Type},
        {"frozenset", &RpFrozenSet_Type}, {"property", &RpProperty_Type},
        {"int", &RpLong_Type}, {"list", &RpList_Type}, {"map", &RpMap_Type}, {"memoryview", &RpMemoryView_Type},
        {"object", &RpBaseObject_Type}, {"range", &RpRange_Type},
        {"reversed", &RpReversed_Type}, {"set", &RpSet_Type}, {"slice", &RpSlice_Type},
        {"staticmethod", &RpStaticMethod_Type}, {"str", &RpUnicode_Type},
        {"super", &RpSuper_Type}, {"tuple", &RpTuple_Type}, {"type", &RpType_Type},
        {"zip", &RpZip_Type},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (RpDict_SetItemString(d, tab[i].name, (RpObject *)tab[i].obj) < 0)
            return -1;
#define ADD_EXC(name, base, st) \
    if (RpDict_SetItemString(d, #name, RpExc_##name) < 0) return -1;
    RP_FOR_EACH_EXCEPTION(ADD_EXC)
#undef ADD_EXC
    if (RpDict_SetItemString(d, "EnvironmentError", RpExc_OSError) < 0 ||
        RpDict_SetItemString(d, "IOError", RpExc_OSError) < 0)
        return -1;
    return RpDict_SetItemString(d, "__debug__", Rp_True);
}

RpObject *RpInit_builtins(void)
{
    RpObject *m = RpModule_New("builtins");
    if (m == NULL)
        return NULL;
    RpObject *d = RpModule_GetDict(m);
    if (RpModule_AddFunctions(m, builtin_methods) < 0 || add_types(d) < 0 ||
        RpDict_SetItemString(d, "__doc__", Rp_None) < 0) {
        Rp_DECREF(m);
        return NULL;
    }
    return m;
}
