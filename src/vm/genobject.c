/* genobject.c -- generator objects.
 *
 * A generator owns its frame: calling a generator function binds the
 * arguments into a frame on the data stack, then RpGen_NewFromCall moves
 * that frame into the generator object.  Each send() runs the frame as an
 * entry frame of the eval loop until it yields (the last executed
 * instruction is YIELD_VALUE) or finishes.  While suspended, the
 * generator keeps its own handled-exception state (gi_exc_state), linked
 * into the thread's exc_info chain only while it runs.
 *
 * `yield from` compiles to   L: SEND exit; YIELD_VALUE; JUMP_BACKWARD L
 * so a generator suspended with YIELD_VALUE right after SEND is delegating
 * to the iterator on top of its stack: throw() and close() forward to it.
 */
#include "rp.h"

static RpGenObject *as_gen(RpObject *o) { return (RpGenObject *)o; }

/* "generator", "coroutine" or "async generator": the word CPython's
 * messages use for this object. */
static const char *gen_kind(RpGenObject *gen)
{
    if (Rp_IS_TYPE(gen, &RpCoro_Type))
        return "coroutine";
    if (Rp_IS_TYPE(gen, &RpAsyncGen_Type))
        return "async generator";
    return "generator";
}

/* Release the frame of a finished (or closed) generator. */
static void gen_clear_frame(RpGenObject *gen)
{
    RpFrame *f = gen->gi_frame;
    if (f == NULL)
        return;
    gen->gi_frame = NULL;
    gen->gi_closed = 1;
    Rp_CLEAR(gen->gi_exc_state.exc_value);
    _RpFrame_Clear(f);
}

RpObject *RpGen_NewFromCall(RpObject *func, RpFrame *tmpl)
{
    RpFunctionObject *fn = (RpFunctionObject *)func;
    size_t nslots = (_RpFrame_SizeOf(tmpl->f_code) + sizeof(RpObject *) - 1) / sizeof(RpObject *);
    int flags = tmpl->f_code->co_flags;
    RpTypeObject *tp = (flags & RP_CO_COROUTINE) ? &RpCoro_Type
                     : (flags & RP_CO_ASYNC_GENERATOR) ? &RpAsyncGen_Type : &RpGen_Type;
    RpGenObject *gen = (RpGenObject *)_RpObject_GC_NewVar(tp, (Rp_ssize_t)nslots);
    if (gen == NULL)
        return NULL;
    RpFrame *f = (RpFrame *)gen->gi_frame_data;
    _RpFrame_Move(f, tmpl);
    f->owner = RP_FRAME_OWNED_BY_GENERATOR;
    f->previous = NULL;
    gen->gi_frame = f;
    /* The var-object allocator stored a size where gi_name lives. */
    gen->gi_name = Rp_NewRef(fn->func_name);
    gen->gi_qualname = Rp_NewRef(fn->func_qualname ? fn->func_qualname : fn->func_name);
    gen->gi_weakreflist = NULL;
    gen->gi_code = Rp_NewRef(f->f_code);
    gen->gi_running = 0;
    gen->gi_closed = 0;
    gen->gi_started = 0;
    gen->ag_running_async = 0;
    gen->ag_closed = 0;
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.previous = NULL;
    RpObject_GC_Track(gen);
    return (RpObject *)gen;
}

/* Was the last instruction a yield (as opposed to a return)? */
static int gen_suspended(RpFrame *f)
{
    int lasti = RpFrame_Lasti(f);
    return lasti >= 0 && RP_INSTR_OP(f->f_code->co_code[lasti]) == OP_YIELD_VALUE;
}

/* StopIteration escaping a generator becomes RuntimeError (PEP 479), with
 * the StopIteration as __cause__ and __context__; so does StopAsyncIteration
 * escaping an async generator. */
static void stopiteration_to_runtime(RpGenObject *gen, const char *what)
{
    RpObject *stop = RpErr_GetRaisedException();
    RpErr_Format(RpExc_RuntimeError, "%s raised %s", gen_kind(gen), what);
    RpObject *exc = RpErr_GetRaisedException();
    if (exc == NULL) {
        Rp_DECREF(stop);
        return;
    }
    RpException_SetCause(exc, Rp_NewRef(stop));
    ((RpBaseExceptionObject *)exc)->suppress_context = 1;
    RpException_SetContext(exc, stop);
    RpErr_SetRaisedException(exc);
}

/* Resume the frame; 0 yielded, 1 returned, -1 error (*presult set for 0/1). */
static int gen_send_ex2(RpGenObject *gen, RpObject *arg, RpObject **presult, int exc)
{
    RpThreadState *ts = RpThreadState_Get();
    RpFrame *f = gen->gi_frame;
    *presult = NULL;
    if (f != NULL && !gen->gi_started && arg != NULL && arg != Rp_None && !exc) {
        RpErr_Format(RpExc_TypeError, "can't send non-None value to a just-started %s",
                     gen_kind(gen));
        return -1;
    }
    if (gen->gi_running) {
        RpErr_Format(RpExc_ValueError, "%s already executing", gen_kind(gen));
        return -1;
    }
    if (f == NULL) {
        if (Rp_IS_TYPE(gen, &RpCoro_Type) && !exc) {
            RpErr_SetString(RpExc_RuntimeError, "cannot reuse already awaited coroutine");
            return -1;
        }
        if (arg != NULL && !exc) {
            /* An exhausted generator returns None to send() only. */
            *presult = Rp_NewRef(Rp_None);
            return 1;
        }
        return -1;
    }
    if (gen->gi_started)   /* the value of the suspended yield expression */
        f->localsplus[f->stacktop++] = Rp_NewRef(arg ? arg : Rp_None);
    gen->gi_started = 1;
    gen->gi_exc_state.previous = ts->exc_info;
    ts->exc_info = &gen->gi_exc_state;
    if (exc) {
        RpObject *handled = gen->gi_exc_state.exc_value;
        if (handled != NULL && handled != Rp_None)
            _RpErr_ChainExceptions(Rp_NewRef(handled));
    }
    gen->gi_running = 1;
    Rp_INCREF(gen);   /* the frame must outlive the run even if gen is dropped */
    RpObject *result = _RpEval_EvalFrame(ts, f, exc);
    gen->gi_running = 0;
    ts->exc_info = gen->gi_exc_state.previous;
    gen->gi_exc_state.previous = NULL;
    f->previous = NULL;
    if (result != NULL && gen_suspended(f)) {
        *presult = result;
        Rp_DECREF(gen);
        return 0;
    }
    if (result == NULL && RpErr_ExceptionMatches(RpExc_StopIteration))
        stopiteration_to_runtime(gen, "StopIteration");
    else if (result == NULL && Rp_IS_TYPE(gen, &RpAsyncGen_Type) &&
             RpErr_ExceptionMatches(RpExc_StopAsyncIteration))
        stopiteration_to_runtime(gen, "StopAsyncIteration");
    gen_clear_frame(gen);
    Rp_DECREF(gen);
    *presult = result;
    return result != NULL ? 1 : -1;
}

int RpGen_Send(RpObject *gen, RpObject *arg, RpObject **presult)
{
    return gen_send_ex2(as_gen(gen), arg, presult, 0);
}

/* send()/throw() flavour: a return becomes StopIteration(value)
 * (StopAsyncIteration for an async generator). */
static RpObject *gen_send_ex(RpGenObject *gen, RpObject *arg, int exc)
{
    RpObject *result;
    if (gen_send_ex2(gen, arg, &result, exc) == 1) {
        if (Rp_IS_TYPE(gen, &RpAsyncGen_Type))
            RpErr_SetNone(RpExc_StopAsyncIteration);
        else if (result == Rp_None)
            RpErr_SetNone(RpExc_StopIteration);
        else
            _RpGen_SetStopIterationValue(result);
        Rp_CLEAR(result);
    }
    return result;
}

static RpObject *gen_iternext(RpObject *self)
{
    RpObject *result;
    if (gen_send_ex2(as_gen(self), NULL, &result, 0) == 1) {
        if (result != Rp_None)
            _RpGen_SetStopIterationValue(result);
        Rp_CLEAR(result);
    }
    return result;
}

static RpObject *gen_send(RpObject *self, RpObject *arg)
{
    return gen_send_ex(as_gen(self), arg, 0);
}

/* The iterator a suspended `yield from` delegates to (new ref) or NULL. */
static RpObject *gen_yf(RpGenObject *gen)
{
    RpFrame *f = gen->gi_frame;
    if (f == NULL || !gen->gi_started || gen->gi_running)
        return NULL;
    int lasti = RpFrame_Lasti(f);
    if (lasti < 1 || f->stacktop <= f->f_code->co_nlocalsplus)
        return NULL;
    const uint32_t *code = f->f_code->co_code;
    if (RP_INSTR_OP(code[lasti]) != OP_YIELD_VALUE || RP_INSTR_OP(code[lasti - 1]) != OP_SEND)
        return NULL;
    return Rp_NewRef(f->localsplus[f->stacktop - 1]);
}

static RpObject *gen_close(RpObject *self, RpObject *unused);

/* Close the delegate of a `yield from`: 0 ok, -1 error. */
static int gen_close_iter(RpObject *yf)
{
    RpObject *res;
    if (_RpGen_IsGenOrCoro(yf)) {
        res = gen_close(yf, NULL);
    } else {
        RpObject *meth = NULL;
        if (_RpObject_LookupAttr(yf, RP_ID(close), &meth) < 0)
            return -1;
        if (meth == NULL)
            return 0;
        res = RpObject_CallNoArgs(meth);
        Rp_DECREF(meth);
    }
    if (res == NULL)
        return -1;
    Rp_DECREF(res);
    return 0;
}

static RpObject *gen_throw_exc(RpGenObject *gen, RpObject *exc);

/* The delegate failed (or finished) while we threw into it: drop it from
 * the stack and continue after the `yield from`, as SEND would have. */
static RpObject *finish_delegation(RpGenObject *gen)
{
    RpFrame *f = gen->gi_frame;
    RpObject *receiver = f->localsplus[--f->stacktop];
    Rp_DECREF(receiver);
    uint32_t send = f->f_code->co_code[RpFrame_Lasti(f) - 1];
    f->next_instr = f->f_code->co_code + RP_INSTR_ARG(send);
    RpObject *val;
    if (_RpGen_FetchStopIterationValue(&val) == 0) {
        RpObject *ret = gen_send_ex(gen, val, 0);
        Rp_DECREF(val);
        return ret;
    }
    return gen_send_ex(gen, Rp_None, 1);
}

/* Forward a throw to the delegate yf; NULL when it raised. */
static RpObject *throw_into_delegate(RpGenObject *gen, RpObject *yf, RpObject *exc)
{
    RpObject *ret;
    gen->gi_running = 1;
    if (_RpGen_IsGenOrCoro(yf)) {
        RpThreadState *ts = RpThreadState_Get();
        /* Make the delegating frame visible in the delegate's traceback. */
        RpFrame *prev = ts->frame;
        gen->gi_frame->previous = prev;
        ts->frame = gen->gi_frame;
        ret = gen_throw_exc(as_gen(yf), exc);
        ts->frame = prev;
        gen->gi_frame->previous = NULL;
    } else {
        RpObject *meth = NULL;
        if (_RpObject_LookupAttr(yf, RP_ID(throw), &meth) < 0) {
            gen->gi_running = 0;
            return NULL;
        }
        if (meth == NULL) {
            gen->gi_running = 0;
            RpErr_SetRaisedException(Rp_NewRef(exc));
            return gen_send_ex(gen, Rp_None, 1);
        }
        ret = RpObject_CallFunctionObjArgs(meth, (RpObject *)Rp_TYPE(exc), exc,
                                           Rp_None, NULL);
        Rp_DECREF(meth);
    }
    gen->gi_running = 0;
    if (ret == NULL)
        ret = finish_delegation(gen);
    return ret;
}

/* Throw the exception instance `exc` (borrowed) into the generator. */
static RpObject *gen_throw_exc(RpGenObject *gen, RpObject *exc)
{
    RpObject *yf = gen_yf(gen);
    if (yf != NULL) {
        RpObject *ret;
        if (RpErr_GivenExceptionMatches(exc, RpExc_GeneratorExit)) {
            gen->gi_running = 1;
            int err = gen_close_iter(yf);
            gen->gi_running = 0;
            Rp_DECREF(yf);
            if (err < 0)
                return gen_send_ex(gen, Rp_None, 1);
            RpErr_SetRaisedException(Rp_NewRef(exc));
            return gen_send_ex(gen, Rp_None, 1);
        }
        ret = throw_into_delegate(gen, yf, exc);
        Rp_DECREF(yf);
        return ret;
    }
    RpErr_SetRaisedException(Rp_NewRef(exc));
    return gen_send_ex(gen, Rp_None, 1);
}

/* throw(type[, value[, tb]]) / throw(instance) -> the exception instance. */
static RpObject *normalize_throw_args(RpObject *typ, RpObject *val, RpObject *tb)
{
    if (tb == Rp_None)
        tb = NULL;
    if (tb != NULL && !Rp_IS_TYPE(tb, &RpTraceBack_Type)) {
        RpErr_SetString(RpExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    RpObject *exc;
    if (RpExceptionClass_Check(typ)) {
        exc = _RpExc_Create(typ, val);
        if (exc == NULL)
            return NULL;
    } else if (RpExceptionInstance_Check(typ)) {
        if (val != NULL && val != Rp_None) {
            RpErr_SetString(RpExc_TypeError, "instance exception may not have a separate value");
            return NULL;
        }
        exc = Rp_NewRef(typ);
    } else {
        RpErr_Format(RpExc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not %s",
                     Rp_TYPE(typ)->tp_name);
        return NULL;
    }
    if (tb != NULL && RpException_SetTraceback(exc, tb) < 0) {
        Rp_DECREF(exc);
        return NULL;
    }
    return exc;
}

static RpObject *gen_throw(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("throw", nargs, 1, 3))
        return NULL;
    RpObject *exc = normalize_throw_args(args[0], nargs > 1 ? args[1] : NULL,
                                         nargs > 2 ? args[2] : NULL);
    if (exc == NULL)
        return NULL;
    RpObject *res = gen_throw_exc(as_gen(self), exc);
    Rp_DECREF(exc);
    return res;
}

static RpObject *gen_close(RpObject *self, RpObject *unused)
{
    RpGenObject *gen = as_gen(self);
    if (gen->gi_frame != NULL && !gen->gi_started) {
        /* Never started: nothing can run, just drop the frame. */
        gen_clear_frame(gen);
        Rp_RETURN_NONE;
    }
    RpObject *yf = gen_yf(gen);
    int err = 0;
    if (yf != NULL) {
        gen->gi_running = 1;
        err = gen_close_iter(yf);
        gen->gi_running = 0;
        Rp_DECREF(yf);
    }
    if (err == 0)
        RpErr_SetNone(RpExc_GeneratorExit);
    RpObject *ret = gen_send_ex(gen, Rp_None, 1);
    if (ret != NULL) {
        Rp_DECREF(ret);
        RpErr_Format(RpExc_RuntimeError, "%s ignored GeneratorExit", gen_kind(gen));
        return NULL;
    }
    if (RpErr_ExceptionMatches(RpExc_StopIteration) ||
        RpErr_ExceptionMatches(RpExc_GeneratorExit)) {
        RpErr_Clear();
        Rp_RETURN_NONE;
    }
    return NULL;
}

/* warnings.warn(msg, RuntimeWarning, 1, coro): reported at the line that
 * dropped the coroutine.  While the interpreter shuts down (no imports)
 * the C fallback reports it.  0 / -1. */
static int warn_via_warnings(RpObject *msg, RpObject *coro)
{
    RpObject *mod = RpImport_ImportModule("warnings");
    RpObject *warn = mod ? RpObject_GetAttrString(mod, "warn") : NULL;
    RpObject *level = warn ? RpLong_FromLong(1) : NULL;
    RpObject *res = level ? RpObject_CallFunctionObjArgs(warn, msg, RpExc_RuntimeWarning,
                                                         level, coro, NULL) : NULL;
    Rp_XDECREF(mod);
    Rp_XDECREF(warn);
    Rp_XDECREF(level);
    Rp_XDECREF(res);
    return res ? 0 : -1;
}

/* A coroutine freed before it ever ran: CPython's RuntimeWarning. */
static void warn_unawaited(RpGenObject *gen)
{
    RpObject *msg = RpUnicode_FromFormat("coroutine '%U' was never awaited", gen->gi_qualname);
    if (msg == NULL) {
        RpErr_Clear();
        return;
    }
    int r = 0;
    RpThreadState *ts = RpThreadState_Get();
    if (!ts->interp->finalizing)
        r = warn_via_warnings(msg, (RpObject *)gen);
    else if (ts->frame == NULL)   /* module teardown: CPython says "sys:1" */
        RpSys_WriteStderr("sys:1: RuntimeWarning: %s\n", RpUnicode_AsUTF8(msg));
    else
        r = RpErr_WarnEx(RpExc_RuntimeWarning, RpUnicode_AsUTF8(msg), 1);
    Rp_DECREF(msg);
    if (r < 0)
        RpErr_WriteUnraisable((RpObject *)gen);
}

/* PEP 442 finalizer: closing an unfinished generator runs its finally
 * blocks (GeneratorExit), whether it dies by refcount or in the collector;
 * a coroutine that never started only warns. */
static void gen_finalize(RpObject *self)
{
    RpGenObject *gen = as_gen(self);
    if (gen->gi_frame == NULL)
        return;
    RpObject *saved = RpErr_GetRaisedException();
    if (Rp_IS_TYPE(gen, &RpCoro_Type) && !gen->gi_started) {
        warn_unawaited(gen);
    } else {
        RpObject *res = gen_close(self, NULL);
        if (res == NULL)
            RpErr_WriteUnraisable(self);
        else
            Rp_DECREF(res);
    }
    RpErr_SetRaisedException(saved);
}

static void gen_dealloc(RpObject *self)
{
    RpGenObject *gen = as_gen(self);
    RpObject_GC_UnTrack(self);
    if (gen->gi_weakreflist != NULL)
        RpObject_ClearWeakRefs(self);
    RpObject_GC_Track(self);
    if (RpObject_CallFinalizerFromDealloc(self))
        return;   /* resurrected by its finally block */
    RpObject_GC_UnTrack(self);
    gen_clear_frame(gen);
    Rp_CLEAR(gen->gi_code);
    Rp_CLEAR(gen->gi_name);
    Rp_CLEAR(gen->gi_qualname);
    Rp_CLEAR(gen->gi_exc_state.exc_value);
    RpObject_GC_Del(self);
}

static int gen_traverse(RpObject *self, visitproc visit, void *arg)
{
    RpGenObject *gen = as_gen(self);
    Rp_VISIT(gen->gi_code);
    Rp_VISIT(gen->gi_name);
    Rp_VISIT(gen->gi_qualname);
    Rp_VISIT(gen->gi_exc_state.exc_value);
    if (gen->gi_frame != NULL)
        return _RpFrame_Traverse(gen->gi_frame, visit, arg);
    return 0;
}

/* The collector breaks cycles through a suspended generator (its
 * finalizer already ran) by dropping the frame. */
static int gen_tp_clear(RpObject *self)
{
    RpGenObject *gen = as_gen(self);
    if (!gen->gi_running)
        gen_clear_frame(gen);
    Rp_CLEAR(gen->gi_exc_state.exc_value);
    return 0;
}

static RpObject *gen_repr(RpObject *self)
{
    return RpUnicode_FromFormat("<generator object %U at %p>", as_gen(self)->gi_qualname, self);
}

static RpObject *gen_get_frame(RpObject *self, void *c)
{
    RpGenObject *gen = as_gen(self);
    if (gen->gi_frame == NULL)
        Rp_RETURN_NONE;
    RpFrameObject *fo = _RpFrame_GetFrameObject(gen->gi_frame);
    return fo ? Rp_NewRef(fo) : NULL;
}

static RpObject *gen_get_running(RpObject *self, void *c)
{
    return RpBool_FromLong(as_gen(self)->gi_running);
}

static RpObject *gen_get_suspended(RpObject *self, void *c)
{
    RpGenObject *gen = as_gen(self);
    return RpBool_FromLong(gen->gi_frame != NULL && gen->gi_started && !gen->gi_running);
}

static RpObject *gen_get_code(RpObject *self, void *c)
{
    return Rp_NewRef(as_gen(self)->gi_code);
}

static RpObject *gen_get_yieldfrom(RpObject *self, void *c)
{
    RpObject *yf = gen_yf(as_gen(self));
    return yf ? yf : Rp_NewRef(Rp_None);
}

static RpObject *gen_get_name(RpObject *self, void *c)
{
    return Rp_NewRef(as_gen(self)->gi_name);
}

static int gen_set_name(RpObject *self, RpObject *v, void *c)
{
    if (v == NULL || !RpUnicode_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Rp_SETREF(as_gen(self)->gi_name, Rp_NewRef(v));
    return 0;
}

static RpObject *gen_get_qualname(RpObject *self, void *c)
{
    return Rp_NewRef(as_gen(self)->gi_qualname);
}

static int gen_set_qualname(RpObject *self, RpObject *v, void *c)
{
    if (v == NULL || !RpUnicode_Check(v)) {
        RpErr_SetString(RpExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Rp_SETREF(as_gen(self)->gi_qualname, Rp_NewRef(v));
    return 0;
}

static RpGetSetDef gen_getset[] = {
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static RpMethodDef gen_methods[] = {
    {"send", (RpCFunction)gen_send, RP_METH_O, NULL},
    {"throw", (RpCFunction)(void (*)(void))gen_throw, RP_METH_FASTCALL, NULL},
    {"close", (RpCFunction)gen_close, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpGen_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "generator",
    .tp_basicsize = offsetof(RpGenObject, gi_frame_data),
    .tp_itemsize = sizeof(RpObject *),
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_weaklistoffset = offsetof(RpGenObject, gi_weakreflist),
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_finalize = gen_finalize,
};

/* ---- entry points for the coroutine helpers (coroobject.c) ---- */

RpObject *_RpGen_SendValue(RpObject *gen, RpObject *arg)
{
    return gen_send_ex(as_gen(gen), arg, 0);
}

RpObject *_RpGen_ThrowArgs(RpObject *gen, RpObject *const *args, Rp_ssize_t nargs)
{
    return gen_throw(gen, args, nargs);
}

RpObject *_RpGen_ThrowInstance(RpObject *gen, RpObject *exc)
{
    return gen_throw_exc(as_gen(gen), exc);
}

RpObject *_RpGen_CloseGen(RpObject *gen)
{
    return gen_close(gen, NULL);
}

RpObject *_RpGen_YieldFrom(RpObject *gen)
{
    return gen_yf(as_gen(gen));
}

int _RpGen_Finished(RpObject *gen)
{
    return as_gen(gen)->gi_frame == NULL;
}

/* ---- coroutine ---------------------------------------------------------- */

static RpObject *coro_repr(RpObject *self)
{
    return RpUnicode_FromFormat("<coroutine object %U at %p>", as_gen(self)->gi_qualname, self);
}

static RpObject *coro_await(RpObject *self, RpObject *unused)
{
    return _RpCoroWrapper_New(self);
}

static RpGetSetDef coro_getset[] = {
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static RpMethodDef coro_methods[] = {
    {"send", (RpCFunction)gen_send, RP_METH_O, NULL},
    {"throw", (RpCFunction)(void (*)(void))gen_throw, RP_METH_FASTCALL, NULL},
    {"close", (RpCFunction)gen_close, RP_METH_NOARGS, NULL},
    {"__await__", (RpCFunction)coro_await, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* A coroutine is not an iterator: only `await` (or its __await__
 * wrapper) drives it. */
RpTypeObject RpCoro_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "coroutine",
    .tp_basicsize = offsetof(RpGenObject, gi_frame_data),
    .tp_itemsize = sizeof(RpObject *),
    .tp_dealloc = gen_dealloc,
    .tp_repr = coro_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_weaklistoffset = offsetof(RpGenObject, gi_weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .tp_finalize = gen_finalize,
};

/* ---- async generator ---------------------------------------------------- */

static RpObject *agen_repr(RpObject *self)
{
    return RpUnicode_FromFormat("<async_generator object %U at %p>",
                                as_gen(self)->gi_qualname, self);
}

static RpObject *agen_aiter(RpObject *self, RpObject *unused)
{
    return Rp_NewRef(self);
}

static RpObject *agen_anext(RpObject *self, RpObject *unused)
{
    return _RpAsyncGenASend_New(self, NULL);
}

static RpObject *agen_asend(RpObject *self, RpObject *arg)
{
    return _RpAsyncGenASend_New(self, arg);
}

static RpObject *agen_athrow(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("athrow", nargs, 1, 3))
        return NULL;
    RpObject *t = _RpTuple_FromArray((RpObject **)args, nargs);
    if (t == NULL)
        return NULL;
    RpObject *res = _RpAsyncGenAThrow_New(self, t);
    Rp_DECREF(t);
    return res;
}

static RpObject *agen_aclose(RpObject *self, RpObject *unused)
{
    return _RpAsyncGenAThrow_New(self, NULL);
}

static RpGetSetDef agen_getset[] = {
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_running", gen_get_running, NULL, NULL, NULL},
    {"ag_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static RpMethodDef agen_methods[] = {
    {"asend", (RpCFunction)agen_asend, RP_METH_O, NULL},
    {"athrow", (RpCFunction)(void (*)(void))agen_athrow, RP_METH_FASTCALL, NULL},
    {"aclose", (RpCFunction)agen_aclose, RP_METH_NOARGS, NULL},
    {"__aiter__", (RpCFunction)agen_aiter, RP_METH_NOARGS, NULL},
    {"__anext__", (RpCFunction)agen_anext, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpAsyncGen_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "async_generator",
    .tp_basicsize = offsetof(RpGenObject, gi_frame_data),
    .tp_itemsize = sizeof(RpObject *),
    .tp_dealloc = gen_dealloc,
    .tp_repr = agen_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_weaklistoffset = offsetof(RpGenObject, gi_weakreflist),
    .tp_methods = agen_methods,
    .tp_getset = agen_getset,
    .tp_finalize = gen_finalize,
};
