/* coroobject.c -- the small objects around coroutines and async generators.
 *
 * A coroutine is driven through an iterator: `await c` uses c itself,
 * c.__await__() returns a coroutine_wrapper.  An async generator's
 * __anext__()/asend(v) returns an async_generator_asend awaitable, and
 * athrow()/aclose() an async_generator_athrow.  Each of those runs the
 * generator's frame once per send: a value the frame yields from an inner
 * `await` passes through to whoever drives the awaitable (the event loop),
 * while a value of the generator's own `yield` arrives boxed by
 * ASYNC_GEN_WRAP, and is unboxed into StopIteration(value) -- the result of
 * `await agen.__anext__()`.
 */
#include "rp.h"

static RpGenObject *as_gen(RpObject *o) { return (RpGenObject *)o; }

/* ---- awaitables ----------------------------------------------------------- */

/* The object type's __await__, called; NULL without exception if it has none. */
static RpObject *call_await(RpObject *o)
{
    RpObject *meth = _RpEval_LookupSpecial(o, RP_ID(__await__));
    if (meth == NULL)
        return NULL;
    RpObject *res = RpObject_CallNoArgs(meth);
    Rp_DECREF(meth);
    if (res == NULL)
        return NULL;
    if (RpCoro_CheckExact(res)) {
        Rp_DECREF(res);
        RpErr_SetString(RpExc_TypeError, "__await__() returned a coroutine");
        return NULL;
    }
    if (Rp_TYPE(res)->tp_iternext == NULL) {
        RpErr_Format(RpExc_TypeError, "__await__() returned non-iterator of type '%s'",
                     Rp_TYPE(res)->tp_name);
        Rp_DECREF(res);
        return NULL;
    }
    return res;
}

static void not_awaitable(RpObject *o, int oparg)
{
    const char *tn = Rp_TYPE(o)->tp_name;
    if (oparg == 1)
        RpErr_Format(RpExc_TypeError, "'async with' received an object from __aenter__ "
                     "that does not implement __await__: %s", tn);
    else if (oparg == 2)
        RpErr_Format(RpExc_TypeError, "'async with' received an object from __aexit__ "
                     "that does not implement __await__: %s", tn);
    else
        RpErr_Format(RpExc_TypeError, "object %s can't be used in 'await' expression", tn);
}

RpObject *_RpCoro_GetAwaitableIter(RpObject *o, int oparg)
{
    if (RpCoro_CheckExact(o)) {
        RpObject *yf = _RpGen_YieldFrom(o);
        if (yf != NULL) {
            Rp_DECREF(yf);
            RpErr_SetString(RpExc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
        return Rp_NewRef(o);
    }
    if (Rp_IS_TYPE(o, &RpAsyncGenASend_Type) || Rp_IS_TYPE(o, &RpAsyncGenAThrow_Type))
        return Rp_NewRef(o);
    if (RpGen_Check(o) &&
        (((RpCodeObject *)as_gen(o)->gi_code)->co_flags & RP_CO_ITERABLE_COROUTINE))
        return Rp_NewRef(o);
    RpObject *res = call_await(o);
    if (res == NULL && !RpErr_Occurred())
        not_awaitable(o, oparg);
    return res;
}

/* ---- coroutine_wrapper: what coroutine.__await__() returns ------------------ */

typedef struct {
    RpObject_HEAD
    RpObject *coro;
} RpCoroWrapper;

RpObject *_RpCoroWrapper_New(RpObject *coro)
{
    RpCoroWrapper *w = RpObject_GC_New(RpCoroWrapper, &RpCoroWrapper_Type);
    if (w == NULL)
        return NULL;
    w->coro = Rp_NewRef(coro);
    RpObject_GC_Track(w);
    return (RpObject *)w;
}

static RpObject *wrapper_coro(RpObject *self)
{
    return ((RpCoroWrapper *)self)->coro;
}

static RpObject *cw_iternext(RpObject *self)
{
    return _RpGen_SendValue(wrapper_coro(self), Rp_None);
}

static RpObject *cw_send(RpObject *self, RpObject *arg)
{
    return _RpGen_SendValue(wrapper_coro(self), arg);
}

static RpObject *cw_throw(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    return _RpGen_ThrowArgs(wrapper_coro(self), args, nargs);
}

static RpObject *cw_close(RpObject *self, RpObject *unused)
{
    return _RpGen_CloseGen(wrapper_coro(self));
}

/* One object reference: dealloc/traverse/clear shared by the wrapper and
 * the wrapped value (same layout). */
static void one_ref_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    Rp_CLEAR(((RpCoroWrapper *)self)->coro);
    RpObject_GC_Del(self);
}

static int one_ref_traverse(RpObject *self, visitproc visit, void *arg)
{
    Rp_VISIT(((RpCoroWrapper *)self)->coro);
    return 0;
}

static int one_ref_clear(RpObject *self)
{
    Rp_CLEAR(((RpCoroWrapper *)self)->coro);
    return 0;
}

static RpMethodDef cw_methods[] = {
    {"send", (RpCFunction)cw_send, RP_METH_O, NULL},
    {"throw", (RpCFunction)(void (*)(void))cw_throw, RP_METH_FASTCALL, NULL},
    {"close", (RpCFunction)cw_close, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpCoroWrapper_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(RpCoroWrapper),
    .tp_dealloc = one_ref_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = one_ref_traverse,
    .tp_clear = one_ref_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
};

/* ---- the boxed value of an async generator's yield ------------------------- */

RpTypeObject RpAsyncGenWrapped_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(RpCoroWrapper),
    .tp_dealloc = one_ref_dealloc,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = one_ref_traverse,
    .tp_clear = one_ref_clear,
};

RpObject *_RpAsyncGen_Wrap(RpObject *v)
{
    RpCoroWrapper *w = RpObject_GC_New(RpCoroWrapper, &RpAsyncGenWrapped_Type);
    if (w == NULL)
        return NULL;
    w->coro = Rp_NewRef(v);
    RpObject_GC_Track(w);
    return (RpObject *)w;
}

static int is_wrapped(RpObject *v)
{
    return v != NULL && Rp_IS_TYPE(v, &RpAsyncGenWrapped_Type);
}

/* ---- asend / athrow -------------------------------------------------------- */

enum { AWAIT_INIT, AWAIT_ITER, AWAIT_CLOSED };

/* asend: gen + the value to send first; athrow: gen + the throw() args
 * (NULL for aclose). */
typedef struct {
    RpObject_HEAD
    RpObject *gen;
    RpObject *arg;
    int state;
} RpAGenAwait;

static RpObject *agen_await_new(RpTypeObject *tp, RpObject *gen, RpObject *arg)
{
    RpAGenAwait *a = RpObject_GC_New(RpAGenAwait, tp);
    if (a == NULL)
        return NULL;
    a->gen = Rp_NewRef(gen);
    a->arg = Rp_XNewRef(arg);
    a->state = AWAIT_INIT;
    RpObject_GC_Track(a);
    return (RpObject *)a;
}

RpObject *_RpAsyncGenASend_New(RpObject *agen, RpObject *arg)
{
    return agen_await_new(&RpAsyncGenASend_Type, agen, arg);
}

RpObject *_RpAsyncGenAThrow_New(RpObject *agen, RpObject *args)
{
    return agen_await_new(&RpAsyncGenAThrow_Type, agen, args);
}

static void aw_dealloc(RpObject *self)
{
    RpAGenAwait *a = (RpAGenAwait *)self;
    RpObject_GC_UnTrack(self);
    Rp_CLEAR(a->gen);
    Rp_CLEAR(a->arg);
    RpObject_GC_Del(self);
}

static int aw_traverse(RpObject *self, visitproc visit, void *arg)
{
    RpAGenAwait *a = (RpAGenAwait *)self;
    Rp_VISIT(a->gen);
    Rp_VISIT(a->arg);
    return 0;
}

static int aw_clear(RpObject *self)
{
    RpAGenAwait *a = (RpAGenAwait *)self;
    Rp_CLEAR(a->gen);
    Rp_CLEAR(a->arg);
    return 0;
}

static RpObject *aw_await(RpObject *self, RpObject *unused)
{
    return Rp_NewRef(self);
}

static RpObject *aw_close(RpObject *self, RpObject *unused)
{
    ((RpAGenAwait *)self)->state = AWAIT_CLOSED;
    Rp_RETURN_NONE;
}

/* What one step of the async generator means to its awaitable: a boxed
 * value is the awaitable's result (StopIteration(value)); an unboxed one
 * passes through; the end of the generator is StopAsyncIteration. */
static RpObject *unwrap_value(RpGenObject *gen, RpObject *result)
{
    if (result == NULL) {
        if (!RpErr_Occurred()) {
            RpErr_SetNone(RpExc_StopAsyncIteration);
            gen->ag_closed = 1;
        } else if (RpErr_ExceptionMatches(RpExc_StopAsyncIteration) ||
                   RpErr_ExceptionMatches(RpExc_GeneratorExit)) {
            gen->ag_closed = 1;
        }
        gen->ag_running_async = 0;
        return NULL;
    }
    if (is_wrapped(result)) {
        _RpGen_SetStopIterationValue(((RpCoroWrapper *)result)->coro);
        Rp_DECREF(result);
        gen->ag_running_async = 0;
        return NULL;
    }
    return result;
}

static RpObject *asend_send(RpObject *self, RpObject *arg)
{
    RpAGenAwait *a = (RpAGenAwait *)self;
    RpGenObject *gen = as_gen(a->gen);
    if (a->state == AWAIT_CLOSED) {
        RpErr_SetString(RpExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (a->state == AWAIT_INIT) {
        if (gen->ag_running_async) {
            a->state = AWAIT_CLOSED;
            RpErr_SetString(RpExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Rp_None)
            arg = a->arg;
        a->state = AWAIT_ITER;
    }
    gen->ag_running_async = 1;
    RpObject *res = unwrap_value(gen, _RpGen_SendValue(a->gen, arg ? arg : Rp_None));
    if (res == NULL)
        a->state = AWAIT_CLOSED;
    return res;
}

static RpObject *asend_iternext(RpObject *self)
{
    return asend_send(self, NULL);
}

static RpObject *asend_throw(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    RpAGenAwait *a = (RpAGenAwait *)self;
    if (a->state == AWAIT_CLOSED) {
        RpErr_SetString(RpExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    RpObject *res = unwrap_value(as_gen(a->gen), _RpGen_ThrowArgs(a->gen, args, nargs));
    if (res == NULL)
        a->state = AWAIT_CLOSED;
    return res;
}

static RpMethodDef asend_methods[] = {
    {"send", (RpCFunction)asend_send, RP_METH_O, NULL},
    {"throw", (RpCFunction)(void (*)(void))asend_throw, RP_METH_FASTCALL, NULL},
    {"close", (RpCFunction)aw_close, RP_METH_NOARGS, NULL},
    {"__await__", (RpCFunction)aw_await, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpAsyncGenASend_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(RpAGenAwait),
    .tp_dealloc = aw_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = aw_traverse,
    .tp_clear = aw_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

/* aclose() saw the generator yield a value instead of finishing. */
static RpObject *ignored_exit(RpAGenAwait *a, RpObject *res)
{
    Rp_DECREF(res);
    as_gen(a->gen)->ag_running_async = 0;
    a->state = AWAIT_CLOSED;
    RpErr_SetString(RpExc_RuntimeError, "async generator ignored GeneratorExit");
    return NULL;
}

/* The generator ended while we threw: for aclose() that is success. */
static RpObject *athrow_error(RpAGenAwait *a)
{
    as_gen(a->gen)->ag_running_async = 0;
    a->state = AWAIT_CLOSED;
    if (a->arg == NULL && (RpErr_ExceptionMatches(RpExc_StopAsyncIteration) ||
                           RpErr_ExceptionMatches(RpExc_GeneratorExit))) {
        RpErr_Clear();
        RpErr_SetNone(RpExc_StopIteration);
    }
    return NULL;
}

/* The outcome of one step of an athrow/aclose awaitable. */
static RpObject *athrow_result(RpAGenAwait *a, RpObject *res)
{
    if (a->arg != NULL) {
        res = unwrap_value(as_gen(a->gen), res);
        if (res == NULL)
            a->state = AWAIT_CLOSED;
        return res;
    }
    if (is_wrapped(res))
        return ignored_exit(a, res);
    if (res == NULL)
        return athrow_error(a);
    return res;
}

/* The first step: throw the exception (GeneratorExit for aclose). */
static RpObject *athrow_start(RpAGenAwait *a, RpObject *arg)
{
    RpGenObject *gen = as_gen(a->gen);
    int is_close = a->arg == NULL;
    if (gen->ag_running_async) {
        a->state = AWAIT_CLOSED;
        RpErr_SetString(RpExc_RuntimeError, is_close
                        ? "aclose(): asynchronous generator is already running"
                        : "athrow(): asynchronous generator is already running");
        return NULL;
    }
    if (gen->ag_closed) {
        a->state = AWAIT_CLOSED;
        RpErr_SetNone(RpExc_StopAsyncIteration);
        return NULL;
    }
    if (arg != NULL && arg != Rp_None) {
        RpErr_SetString(RpExc_RuntimeError,
                        "can't send non-None value to a just-started coroutine");
        return NULL;
    }
    a->state = AWAIT_ITER;
    gen->ag_running_async = 1;
    RpObject *res;
    if (is_close) {
        gen->ag_closed = 1;
        RpObject *exc = _RpExc_Create(RpExc_GeneratorExit, NULL);
        res = exc ? _RpGen_ThrowInstance(a->gen, exc) : NULL;
        Rp_XDECREF(exc);
    } else {
        res = _RpGen_ThrowArgs(a->gen, &RpTuple_GET_ITEM(a->arg, 0),
                               RpTuple_GET_SIZE(a->arg));
    }
    return athrow_result(a, res);
}

static RpObject *athrow_send(RpObject *self, RpObject *arg)
{
    RpAGenAwait *a = (RpAGenAwait *)self;
    if (_RpGen_Finished(a->gen)) {
        a->state = AWAIT_CLOSED;
        RpErr_SetNone(RpExc_StopIteration);
        return NULL;
    }
    if (a->state == AWAIT_CLOSED) {
        RpErr_SetString(RpExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (a->state == AWAIT_INIT)
        return athrow_start(a, arg);
    return athrow_result(a, _RpGen_SendValue(a->gen, arg ? arg : Rp_None));
}

static RpObject *athrow_iternext(RpObject *self)
{
    return athrow_send(self, NULL);
}

static RpObject *athrow_throw(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    RpAGenAwait *a = (RpAGenAwait *)self;
    if (a->state == AWAIT_CLOSED) {
        RpErr_SetString(RpExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    return athrow_result(a, _RpGen_ThrowArgs(a->gen, args, nargs));
}

static RpMethodDef athrow_methods[] = {
    {"send", (RpCFunction)athrow_send, RP_METH_O, NULL},
    {"throw", (RpCFunction)(void (*)(void))athrow_throw, RP_METH_FASTCALL, NULL},
    {"close", (RpCFunction)aw_close, RP_METH_NOARGS, NULL},
    {"__await__", (RpCFunction)aw_await, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpAsyncGenAThrow_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(RpAGenAwait),
    .tp_dealloc = aw_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = aw_traverse,
    .tp_clear = aw_clear,
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};
