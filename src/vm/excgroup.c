/* excgroup.c -- BaseExceptionGroup / ExceptionGroup (PEP 654) and the
 * run-time half of `except*`.
 *
 * A group is an exception with a message and a non-empty tuple of
 * exceptions (which may be groups again: a tree whose leaves are plain
 * exceptions).  split(cond) walks the tree and rebuilds, through
 * derive(), the two sub-trees of leaves that match and that do not; every
 * rebuilt group copies the traceback, cause, context and notes of the
 * group it stands for, so a re-raised part can be recognised later.
 *
 * `except*` runs each clause on the part of the exception its type
 * matches (CHECK_EG_MATCH), collects what each clause raised plus what no
 * clause matched, and PREP_RERAISE_STAR turns that list into the one
 * exception the statement raises: re-raised parts keep the shape of the
 * original tree, newly raised exceptions join them in a new group.
 */
#include "rp.h"

#define EG(o) ((RpBaseExceptionGroupObject *)(o))

/* ---- construction ----------------------------------------------------------- */

/* The tuple of the `exceptions` argument; NULL + error.  *nested is set
 * when one of them is not an Exception (a BaseException). */
static RpObject *checked_exceptions(RpObject *seq, int *nested)
{
    if (!RpSequence_Check(seq)) {
        RpErr_SetString(RpExc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    RpObject *t = RpSequence_Tuple(seq);
    if (t == NULL)
        return NULL;
    Rp_ssize_t n = RpTuple_GET_SIZE(t);
    if (n == 0) {
        Rp_DECREF(t);
        RpErr_SetString(RpExc_ValueError,
                        "second argument (exceptions) must be a non-empty sequence");
        return NULL;
    }
    *nested = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpObject *e = RpTuple_GET_ITEM(t, i);
        if (!RpExceptionInstance_Check(e)) {
            Rp_DECREF(t);
            RpErr_Format(RpExc_ValueError,
                         "Item %zd of second argument (exceptions) is not an exception", i);
            return NULL;
        }
        if (!RpObject_TypeCheck(e, (RpTypeObject *)RpExc_Exception))
            *nested = 1;
    }
    return t;
}

/* Which class the new group really gets: BaseExceptionGroup(...) of plain
 * Exceptions is an ExceptionGroup; an Exception subclass may not hold
 * BaseExceptions.  NULL + TypeError. */
static RpTypeObject *group_class(RpTypeObject *cls, int nested)
{
    if (cls == (RpTypeObject *)RpExc_BaseExceptionGroup)
        return nested ? cls : (RpTypeObject *)RpExc_ExceptionGroup;
    if (!nested || !RpType_IsSubtype(cls, (RpTypeObject *)RpExc_Exception))
        return cls;
    if (cls == (RpTypeObject *)RpExc_ExceptionGroup)
        RpErr_SetString(RpExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    else
        RpErr_Format(RpExc_TypeError, "Cannot nest BaseExceptions in '%s'", cls->tp_name);
    return NULL;
}

static int parse_new_args(RpObject *args, RpObject **msg, RpObject **seq)
{
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n != 2) {
        RpErr_Format(RpExc_TypeError,
                     "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)", n);
        return -1;
    }
    *msg = RpTuple_GET_ITEM(args, 0);
    *seq = RpTuple_GET_ITEM(args, 1);
    if (!RpUnicode_Check(*msg)) {
        RpErr_Format(RpExc_TypeError,
                     "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                     Rp_TYPE(*msg)->tp_name);
        return -1;
    }
    return 0;
}

RpObject *_RpExcGroup_New(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    RpObject *msg, *seq;
    if (!_RpArg_NoKeywords(type->tp_name, kwds) || parse_new_args(args, &msg, &seq) < 0)
        return NULL;
    int nested;
    RpObject *excs = checked_exceptions(seq, &nested);
    if (excs == NULL)
        return NULL;
    RpTypeObject *cls = group_class(type, nested);
    RpObject *self = cls ? cls->tp_alloc(cls, 0) : NULL;
    if (self == NULL) {
        Rp_DECREF(excs);
        return NULL;
    }
    ((RpBaseExceptionObject *)self)->args = Rp_NewRef(args);
    EG(self)->msg = Rp_NewRef(msg);
    EG(self)->excs = excs;
    return self;
}

RpObject *_RpExcGroup_Str(RpObject *self)
{
    RpObject *msg = EG(self)->msg ? EG(self)->msg : Rp_None;
    Rp_ssize_t n = EG(self)->excs ? RpTuple_GET_SIZE(EG(self)->excs) : 0;
    return RpUnicode_FromFormat("%S (%zd sub-exception%s)", msg, n, n > 1 ? "s" : "");
}

/* BaseExceptionGroup(message, excs): the group class follows excs. */
static RpObject *create_group(RpObject *msg, RpObject *excs)
{
    return RpObject_CallFunctionObjArgs(RpExc_BaseExceptionGroup, msg, excs, NULL);
}

static RpObject *eg_derive(RpObject *self, RpObject *excs)
{
    return create_group(EG(self)->msg, excs);
}

/* ---- split -------------------------------------------------------------------- */

typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_LEAVES } MatcherKind;

static int matcher_kind(RpObject *value, MatcherKind *kind)
{
    if (RpCallable_Check(value) && !RpType_Check(value)) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
    if (RpExceptionClass_Check(value)) {
        *kind = MATCH_TYPE;
        return 0;
    }
    if (RpTuple_Check(value)) {
        Rp_ssize_t i;
        for (i = 0; i < RpTuple_GET_SIZE(value); i++)
            if (!RpExceptionClass_Check(RpTuple_GET_ITEM(value, i)))
                break;
        if (i == RpTuple_GET_SIZE(value)) {
            *kind = MATCH_TYPE;
            return 0;
        }
    }
    RpErr_SetString(RpExc_TypeError,
                    "expected a function, exception type or tuple of exception types");
    return -1;
}

/* Does exc satisfy the condition?  MATCH_LEAVES: value is a set of the
 * ids of the leaves that were re-raised.  1 / 0 / -1. */
static int matches(MatcherKind kind, RpObject *value, RpObject *exc)
{
    if (kind == MATCH_TYPE)
        return RpErr_GivenExceptionMatches(exc, value);
    if (kind == MATCH_PREDICATE) {
        RpObject *r = RpObject_CallOneArg(value, exc);
        if (r == NULL)
            return -1;
        int t = RpObject_IsTrue(r);
        Rp_DECREF(r);
        return t;
    }
    if (_RpBaseExceptionGroup_Check(exc))
        return 0;
    RpObject *id = RpLong_FromLongLong((long long)(uintptr_t)exc);
    int r = id ? RpSet_Contains(value, id) : -1;
    Rp_XDECREF(id);
    return r;
}

/* Copy the traceback, cause, context and notes of the group `orig` onto
 * its rebuilt part `e`. */
static int copy_metadata(RpObject *orig, RpObject *e)
{
    RpBaseExceptionObject *o = (RpBaseExceptionObject *)orig;
    if (RpException_SetTraceback(e, o->traceback ? o->traceback : Rp_None) < 0)
        return -1;
    RpException_SetContext(e, Rp_XNewRef(o->context));
    RpException_SetCause(e, Rp_XNewRef(o->cause));
    /* CPython's PyException_SetCause always sets __suppress_context__ */
    ((RpBaseExceptionObject *)e)->suppress_context = 1;
    RpObject *name = RpUnicode_InternFromString("__notes__");
    RpObject *notes = NULL;
    int r = name ? _RpObject_LookupAttr(orig, name, &notes) : -1;
    if (r > 0 && RpSequence_Check(notes)) {
        RpObject *copy = RpSequence_List(notes);
        r = copy ? RpObject_SetAttr(e, name, copy) : -1;
        Rp_XDECREF(copy);
    }
    Rp_XDECREF(notes);
    Rp_XDECREF(name);
    return r < 0 ? -1 : 0;
}

/* orig.derive(excs) with orig's metadata; NULL + error. */
static RpObject *derive_and_copy(RpObject *orig, RpObject *excs)
{
    RpObject *e = RpObject_CallMethod1(orig, "derive", excs);
    if (e == NULL)
        return NULL;
    if (!_RpBaseExceptionGroup_Check(e)) {
        Rp_DECREF(e);
        RpErr_SetString(RpExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return NULL;
    }
    if (copy_metadata(orig, e) < 0)
        Rp_CLEAR(e);
    return e;
}

typedef struct {
    MatcherKind kind;
    RpObject *value;
    int want_rest;
} Splitter;

static int split_rec(Splitter *s, RpObject *exc, RpObject **match, RpObject **rest);

/* Split each member of the group exc into the two lists. */
static int split_members(Splitter *s, RpObject *exc, RpObject *ml, RpObject *rl)
{
    RpObject *excs = EG(exc)->excs;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(excs); i++) {
        RpObject *m = NULL, *r = NULL;
        if (split_rec(s, RpTuple_GET_ITEM(excs, i), &m, &r) < 0)
            return -1;
        int err = (m && RpList_Append(ml, m) < 0) || (r && RpList_Append(rl, r) < 0);
        Rp_XDECREF(m);
        Rp_XDECREF(r);
        if (err)
            return -1;
    }
    return 0;
}

/* *match / *rest: new refs, NULL for an empty part. */
static int split_rec(Splitter *s, RpObject *exc, RpObject **match, RpObject **rest)
{
    *match = *rest = NULL;
    int m = matches(s->kind, s->value, exc);
    if (m < 0)
        return -1;
    if (m) {
        *match = Rp_NewRef(exc);
        return 0;
    }
    if (!_RpBaseExceptionGroup_Check(exc)) {
        if (s->want_rest)
            *rest = Rp_NewRef(exc);
        return 0;
    }
    if (Rp_EnterRecursiveCall(" in exception group split") < 0)
        return -1;
    RpObject *ml = RpList_New(0), *rl = RpList_New(0);
    int rc = (ml && rl) ? split_members(s, exc, ml, rl) : -1;
    Rp_LeaveRecursiveCall();
    if (rc == 0 && RpList_GET_SIZE(ml) > 0 && (*match = derive_and_copy(exc, ml)) == NULL)
        rc = -1;
    if (rc == 0 && s->want_rest && RpList_GET_SIZE(rl) > 0 &&
        (*rest = derive_and_copy(exc, rl)) == NULL)
        rc = -1;
    Rp_XDECREF(ml);
    Rp_XDECREF(rl);
    if (rc < 0) {
        Rp_CLEAR(*match);
        Rp_CLEAR(*rest);
    }
    return rc;
}

static RpObject *none_if_null(RpObject *o)
{
    return o ? o : Rp_NewRef(Rp_None);
}

static RpObject *eg_split(RpObject *self, RpObject *cond)
{
    Splitter s = {MATCH_TYPE, cond, 1};
    RpObject *m, *r;
    if (matcher_kind(cond, &s.kind) < 0 || split_rec(&s, self, &m, &r) < 0)
        return NULL;
    RpObject *res = RpTuple_Pack(2, m ? m : Rp_None, r ? r : Rp_None);
    Rp_XDECREF(m);
    Rp_XDECREF(r);
    return res;
}

static RpObject *eg_subgroup(RpObject *self, RpObject *cond)
{
    Splitter s = {MATCH_TYPE, cond, 0};
    RpObject *m, *r;
    if (matcher_kind(cond, &s.kind) < 0 || split_rec(&s, self, &m, &r) < 0)
        return NULL;
    Rp_XDECREF(r);
    return none_if_null(m);
}

static RpObject *eg_class_getitem(RpObject *cls, RpObject *arg)
{
    return RpGenericAlias_New(cls, arg);
}

RpMethodDef _RpExcGroup_Methods[] = {
    {"derive", (RpCFunction)eg_derive, RP_METH_O, NULL},
    {"split", (RpCFunction)eg_split, RP_METH_O, NULL},
    {"subgroup", (RpCFunction)eg_subgroup, RP_METH_O, NULL},
    {"__class_getitem__", (RpCFunction)eg_class_getitem, RP_METH_O | RP_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- except* ------------------------------------------------------------------ */

/* The type of an except* clause: exception classes, none of them a group. */
static int check_star_type(RpObject *type)
{
    Rp_ssize_t n = RpTuple_Check(type) ? RpTuple_GET_SIZE(type) : 1;
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpObject *t = RpTuple_Check(type) ? RpTuple_GET_ITEM(type, i) : type;
        if (!RpExceptionClass_Check(t)) {
            RpErr_SetString(RpExc_TypeError, "catching classes that do not inherit from "
                            "BaseException is not allowed");
            return -1;
        }
        if (RpType_IsSubtype((RpTypeObject *)t, (RpTypeObject *)RpExc_BaseExceptionGroup)) {
            RpErr_SetString(RpExc_TypeError, "catching ExceptionGroup with except* is not "
                            "allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

/* A plain exception caught by except*: the handler sees it in a group
 * with an empty message (and the exception's traceback). */
static RpObject *wrap_naked(RpObject *exc)
{
    RpObject *msg = RpUnicode_FromString("");
    RpObject *excs = RpTuple_Pack(1, exc);
    RpObject *g = (msg && excs) ? create_group(msg, excs) : NULL;
    Rp_XDECREF(msg);
    Rp_XDECREF(excs);
    RpObject *tb = g ? RpException_GetTraceback(exc) : NULL;
    if (tb != NULL) {
        if (RpException_SetTraceback(g, tb) < 0)
            Rp_CLEAR(g);
        Rp_DECREF(tb);
    }
    return g;
}

/* exc.split(type) through the method (a subclass may override it). */
static int call_split(RpObject *exc, RpObject *type, RpObject **match, RpObject **rest)
{
    RpObject *pair = RpObject_CallMethod1(exc, "split", type);
    if (pair == NULL)
        return -1;
    if (!RpTuple_Check(pair) || RpTuple_GET_SIZE(pair) != 2) {
        RpErr_Format(RpExc_TypeError, "%s.split must return a 2-tuple, got %s",
                     Rp_TYPE(exc)->tp_name, Rp_TYPE(pair)->tp_name);
        Rp_DECREF(pair);
        return -1;
    }
    *match = Rp_NewRef(RpTuple_GET_ITEM(pair, 0));
    *rest = Rp_NewRef(RpTuple_GET_ITEM(pair, 1));
    Rp_DECREF(pair);
    return 0;
}

int _RpExc_ExceptionGroupMatch(RpObject *exc, RpObject *type, RpObject **match,
                               RpObject **rest)
{
    if (check_star_type(type) < 0)
        return -1;
    if (exc == Rp_None) {
        *match = Rp_NewRef(Rp_None);
        *rest = Rp_NewRef(Rp_None);
        return 0;
    }
    if (RpErr_GivenExceptionMatches(exc, type)) {
        *match = _RpBaseExceptionGroup_Check(exc) ? Rp_NewRef(exc) : wrap_naked(exc);
        *rest = Rp_NewRef(Rp_None);
        return *match ? 0 : -1;
    }
    if (_RpBaseExceptionGroup_Check(exc))
        return call_split(exc, type, match, rest);
    *match = Rp_NewRef(Rp_None);
    *rest = Rp_NewRef(exc);
    return 0;
}

/* A clause re-raised (part of) the original when the exception carries
 * the metadata split copied from it. */
static int same_metadata(RpObject *a, RpObject *b)
{
    RpBaseExceptionObject *x = (RpBaseExceptionObject *)a, *y = (RpBaseExceptionObject *)b;
    return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

/* Add the ids of exc's leaves to the set. */
static int collect_leaf_ids(RpObject *exc, RpObject *ids)
{
    if (!_RpBaseExceptionGroup_Check(exc)) {
        RpObject *id = RpLong_FromLongLong((long long)(uintptr_t)exc);
        int r = id ? RpSet_Add(ids, id) : -1;
        Rp_XDECREF(id);
        return r;
    }
    RpObject *excs = EG(exc)->excs;
    for (Rp_ssize_t i = 0; i < RpTuple_GET_SIZE(excs); i++)
        if (collect_leaf_ids(RpTuple_GET_ITEM(excs, i), ids) < 0)
            return -1;
    return 0;
}

/* The part of orig made of the leaves of the re-raised exceptions, in
 * orig's shape; None when nothing was re-raised. */
static RpObject *project_reraised(RpObject *orig, RpObject *reraised)
{
    if (RpList_GET_SIZE(reraised) == 0)
        return Rp_NewRef(Rp_None);
    RpObject *ids = RpSet_New(NULL);
    if (ids == NULL)
        return NULL;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(reraised); i++) {
        if (collect_leaf_ids(RpList_GET_ITEM(reraised, i), ids) < 0) {
            Rp_DECREF(ids);
            return NULL;
        }
    }
    Splitter s = {MATCH_LEAVES, ids, 0};
    RpObject *m, *r;
    int rc = split_rec(&s, orig, &m, &r);
    Rp_DECREF(ids);
    if (rc < 0)
        return NULL;
    Rp_XDECREF(r);
    return none_if_null(m);
}

/* Sort the non-None entries of excs into raised and re-raised. */
static int sort_raised(RpObject *orig, RpObject *excs, RpObject *raised, RpObject *reraised)
{
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(excs); i++) {
        RpObject *e = RpList_GET_ITEM(excs, i);
        if (e == Rp_None)
            continue;
        if (RpList_Append(same_metadata(e, orig) ? reraised : raised, e) < 0)
            return -1;
    }
    return 0;
}

/* New exceptions (and the re-raised part, if any) travel together in a
 * group with an empty message, unless there is only one. */
static RpObject *combine(RpObject *raised, RpObject *reraised_eg)
{
    if (RpList_GET_SIZE(raised) == 0)
        return Rp_NewRef(reraised_eg);
    if (reraised_eg != Rp_None && RpList_Append(raised, reraised_eg) < 0)
        return NULL;
    if (RpList_GET_SIZE(raised) == 1)
        return Rp_NewRef(RpList_GET_ITEM(raised, 0));
    RpObject *msg = RpUnicode_FromString("");
    RpObject *g = msg ? create_group(msg, raised) : NULL;
    Rp_XDECREF(msg);
    return g;
}

RpObject *_RpExc_PrepReraiseStar(RpObject *orig, RpObject *excs)
{
    if (RpList_GET_SIZE(excs) == 0)
        return Rp_NewRef(Rp_None);
    if (!_RpBaseExceptionGroup_Check(orig)) {
        /* A plain exception went to at most one clause: its outcome (or
         * None) comes first. */
        return Rp_NewRef(RpList_GET_ITEM(excs, 0));
    }
    RpObject *raised = RpList_New(0), *reraised = RpList_New(0);
    RpObject *res = NULL, *eg = NULL;
    if (raised == NULL || reraised == NULL || sort_raised(orig, excs, raised, reraised) < 0)
        goto done;
    eg = project_reraised(orig, reraised);
    if (eg != NULL)
        res = combine(raised, eg);
done:
    Rp_XDECREF(eg);
    Rp_XDECREF(raised);
    Rp_XDECREF(reraised);
    return res;
}
