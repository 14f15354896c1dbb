/* ceval.c -- the eval loop, function calls, and the eval breaker.
 *
 * One C-level loop runs a chain of Python frames: CALL of a Python
 * function pushes the callee's frame (carved from the thread's data stack)
 * and keeps going in the same loop; RETURN_VALUE pops it.  A frame whose
 * `is_entry` is set was started from C, and returning from it leaves the
 * loop.  Generator frames are always entry frames.
 *
 * The value stack holds strong references (NULL is allowed where
 * PUSH_NULL/LOAD_GLOBAL/LOAD_METHOD put one).  On an exception the loop
 * adds a traceback entry for the frame, then looks the failing instruction
 * up in the code's exception table; no handler means the frame is unwound
 * and the caller frame gets the exception (see `error:` at the bottom).
 *
 * While a frame executes its `stacktop` is -1 ("locals only"): the cycle
 * collector, which may traverse an executing generator's frame, then sees
 * only slots that are always valid.  stacktop is saved whenever the frame
 * stops being the innermost one (calls, yields, returns).
 */
#include "rp.h"
#include <signal.h>

/* Keep one indirect jump per instruction (GCC otherwise merges the
 * identical DISPATCH tails, and the shared jump predicts badly). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-crossjumping", "no-gcse")
#endif

#ifdef __GNUC__
#define RP_NOINLINE __attribute__((noinline))
#else
#define RP_NOINLINE
#endif

/* ---- the eval breaker and signals ----------------------------------------- */

static volatile sig_atomic_t sigint_pending;

void _RpEval_SignalBreaker(int bits)
{
    RpInterpreterState *interp = RpInterp_Get();
    if (interp != NULL)
        atomic_fetch_or(&interp->eval_breaker, bits);
}

static void sigint_handler(int signum)
{
    (void)signum;
    sigint_pending = 1;
    _RpEval_SignalBreaker(RP_EVAL_SIGNALS);
}

void _RpEval_InitSignals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = sigint_handler;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a blocking read in the REPL returns with EINTR. */
    sigaction(SIGINT, &sa, NULL);
}

void _RpEval_FiniSignals(void)
{
    signal(SIGINT, SIG_DFL);
}

int _RpEval_TakeSigint(void)
{
    int was = sigint_pending;
    sigint_pending = 0;
    return was;
}

int _RpEval_HandleBreaker(RpThreadState *ts)
{
    RpInterpreterState *interp = ts->interp;
    int bits = atomic_exchange(&interp->eval_breaker, 0);
    if (bits & RP_EVAL_GC)
        _RpGC_CollectScheduled();
    if ((bits & RP_EVAL_GIL_DROP) || atomic_load(&interp->gil.drop_request))
        _RpGIL_Yield(ts);
    if (sigint_pending) {
        sigint_pending = 0;
        RpErr_SetNone(RpExc_KeyboardInterrupt);
        return -1;
    }
    return 0;
}

/* ---- frames ---------------------------------------------------------------- */

RpObject *_RpEval_BuiltinsFromGlobals(RpObject *globals)
{
    RpObject *b = RpDict_GetItemWithError(globals, RP_ID(__builtins__));
    if (b != NULL) {
        if (RpModule_Check(b))
            return RpModule_GetDict(b);
        return b;
    }
    if (RpErr_Occurred())
        return NULL;
    return RpInterp_Get()->builtins;
}

/* Clear a finished frame without disturbing an exception in flight (a
 * __del__ run by the clearing must not see or eat it). */
static void clear_frame(RpThreadState *ts, RpFrame *f)
{
    RpObject *exc = ts->current_exception;
    ts->current_exception = NULL;
    _RpFrame_Clear(f);
    if (exc != NULL)
        RpErr_SetRaisedException(exc);
}

static void clear_and_pop(RpThreadState *ts, RpFrame *f)
{
    clear_frame(ts, f);
    _RpThreadState_PopFrame(ts, f);
}

static RpObject *func_builtins(RpFunctionObject *func)
{
    if (func->func_builtins != NULL)
        return func->func_builtins;
    RpObject *b = _RpEval_BuiltinsFromGlobals(func->func_globals);
    return b ? b : RpInterp_Get()->builtins;
}

/* A frame for calling func with bound arguments; NULL + exception. */
static RpFrame *push_function_frame(RpThreadState *ts, RpFunctionObject *func,
                                    RpObject *const *args, Rp_ssize_t nargs,
                                    RpObject *kwnames)
{
    RpCodeObject *co = (RpCodeObject *)func->func_code;
    RpFrame *f = _RpThreadState_PushFrame(ts, _RpFrame_SizeOf(co));
    if (f == NULL)
        return NULL;
    _RpFrame_Init(f, co, (RpObject *)func, func->func_globals, func_builtins(func), NULL);
    if (_RpEval_BindArgs(func, f->localsplus, args, nargs, kwnames) < 0) {
        clear_and_pop(ts, f);
        return NULL;
    }
    return f;
}

#define RP_CO_GENLIKE (RP_CO_GENERATOR | RP_CO_COROUTINE | RP_CO_ASYNC_GENERATOR)

/* The callee's frame for the common call: a plain function (not a
 * generator, no star parameters, no keyword-only parameters) given exactly
 * its positional parameters and no keywords.  The references of the
 * callable and of the arguments MOVE from the caller's stack into the new
 * frame (f_func and the first locals), so nothing is counted twice.  NULL
 * (no exception) when the call is not of that shape or the data stack needs
 * a new chunk: the caller then takes the general path. */
static inline RpFrame *push_simple_frame(RpThreadState *ts, RpFunctionObject *func,
                                         RpObject **args, Rp_ssize_t nargs)
{
    RpCodeObject *co = (RpCodeObject *)func->func_code;
    if ((co->co_flags & (RP_CO_GENLIKE | RP_CO_VARARGS | RP_CO_VARKEYWORDS)) ||
        co->co_argcount != nargs || co->co_kwonlyargcount != 0 || func->func_builtins == NULL)
        return NULL;
    int nlocalsplus = co->co_nlocalsplus;
    size_t size = (offsetof(RpFrame, localsplus) +
                   (size_t)(nlocalsplus + co->co_stacksize) * sizeof(RpObject *) + 15) & ~(size_t)15;
    char *p = ts->datastack_top;
    if (RP_UNLIKELY(p == NULL || (size_t)(ts->datastack_limit - p) < size))
        return NULL;
    ts->datastack_top = p + size;
    RpFrame *f = (RpFrame *)(void *)p;
    Rp_INCREF(co);
    f->f_code = co;
    f->f_func = (RpObject *)func;          /* the stack's reference */
    f->f_globals = func->func_globals;
    f->f_builtins = func->func_builtins;
    f->f_locals = NULL;
    f->frame_obj = NULL;
    f->next_instr = co->co_code;
    f->stacktop = nlocalsplus;
    f->owner = RP_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    RpObject **lp = f->localsplus;
    for (int i = 0; i < nargs; i++)
        lp[i] = args[i];                    /* the stack's references */
    for (int i = nargs; i < nlocalsplus; i++)
        lp[i] = NULL;
    return f;
}

/* A returning frame that nothing else can see (no frame object) and no
 * exception in flight: release it as _RpFrame_Clear would, in the same
 * order (locals 0..n, f_func, f_code), and pop it. */
static inline void pop_returned_frame(RpThreadState *ts, RpFrame *f)
{
    if (RP_UNLIKELY(f->frame_obj != NULL || f->f_func == NULL || f->f_locals != NULL ||
                    ts->current_exception != NULL)) {
        clear_and_pop(ts, f);
        return;
    }
    int n = f->stacktop;
    RpObject **lp = f->localsplus;
    for (int i = 0; i < n; i++) {
        RpObject *v = lp[i];
        if (v != NULL) {
            lp[i] = NULL;
            Rp_DECREF(v);
        }
    }
    f->stacktop = 0;
    RpObject *func = f->f_func;
    f->f_func = NULL;
    Rp_DECREF(func);
    RpObject *co = (RpObject *)f->f_code;
    f->f_code = NULL;
    Rp_DECREF(co);
    _RpThreadState_PopFrame(ts, f);
}

RpObject *RpEval_FunctionVectorcall(RpObject *func, RpObject *const *args,
                                    size_t nargsf, RpObject *kwnames)
{
    RpThreadState *ts = RpThreadState_Get();
    Rp_ssize_t nargs = RpVectorcall_NARGS(nargsf);
    RpFrame *f = NULL;
    if (kwnames == NULL || RpTuple_GET_SIZE(kwnames) == 0) {
        /* borrowed arguments: the frame's references are new ones */
        f = push_simple_frame(ts, (RpFunctionObject *)func, (RpObject **)args, nargs);
        if (f != NULL) {
            Rp_INCREF(func);
            for (Rp_ssize_t i = 0; i < nargs; i++)
                Rp_INCREF(args[i]);
            RpObject *res = _RpEval_EvalFrame(ts, f, 0);
            pop_returned_frame(ts, f);
            return res;
        }
    }
    f = push_function_frame(ts, (RpFunctionObject *)func, args, nargs, kwnames);
    if (f == NULL)
        return NULL;
    if (f->f_code->co_flags & RP_CO_GENLIKE) {
        /* The generator takes the frame's references over. */
        RpObject *gen = RpGen_NewFromCall(func, f);
        if (gen == NULL)
            clear_frame(ts, f);
        _RpThreadState_PopFrame(ts, f);
        return gen;
    }
    RpObject *res = _RpEval_EvalFrame(ts, f, 0);
    clear_and_pop(ts, f);
    return res;
}

/* Run module or class-body code in a fresh entry frame. */
static RpObject *run_code(RpCodeObject *co, RpObject *func, RpObject *globals,
                          RpObject *builtins, RpObject *locals)
{
    RpThreadState *ts = RpThreadState_Get();
    RpFrame *f = _RpThreadState_PushFrame(ts, _RpFrame_SizeOf(co));
    if (f == NULL)
        return NULL;
    _RpFrame_Init(f, co, func, globals, builtins, locals);
    RpObject *res = _RpEval_EvalFrame(ts, f, 0);
    clear_and_pop(ts, f);
    return res;
}

RpObject *RpEval_EvalCode(RpObject *code, RpObject *globals, RpObject *locals)
{
    if (!RpCode_Check(code) || globals == NULL || !RpDict_Check(globals)) {
        RpErr_BadInternalCall();
        return NULL;
    }
    RpCodeObject *co = (RpCodeObject *)code;
    if (co->co_nfreevars > 0) {
        RpErr_SetString(RpExc_TypeError,
                        "code object passed to exec() may not contain free variables");
        return NULL;
    }
    RpObject *builtins = _RpEval_BuiltinsFromGlobals(globals);
    if (builtins == NULL)
        return NULL;
    if (locals == Rp_None)
        locals = NULL;
    if (locals == NULL && !(co->co_flags & RP_CO_OPTIMIZED))
        locals = globals;
    return run_code(co, NULL, globals, builtins, locals);
}

RpObject *_RpEval_CallClassBody(RpObject *func, RpObject *ns)
{
    RpFunctionObject *fn = (RpFunctionObject *)func;
    return run_code((RpCodeObject *)fn->func_code, func, fn->func_globals,
                    func_builtins(fn), ns);
}

RpObject *RpEval_GetBuiltins(void)
{
    RpThreadState *ts = RpThreadState_Get();
    if (ts != NULL && ts->frame != NULL)
        return ts->frame->f_builtins;
    return RpInterp_Get()->builtins;
}

RpObject *RpEval_GetGlobals(void)
{
    RpThreadState *ts = RpThreadState_Get();
    return (ts != NULL && ts->frame != NULL) ? ts->frame->f_globals : NULL;
}

RpObject *RpEval_GetLocals(void)
{
    RpThreadState *ts = RpThreadState_Get();
    if (ts == NULL || ts->frame == NULL) {
        RpErr_SetString(RpExc_SystemError, "frame does not exist");
        return NULL;
    }
    return _RpFrame_FastToLocals(ts->frame);
}

/* ---- small pieces of the loop ----------------------------------------------- */

/* Innermost entry covering `lasti`: the latest start, then the earliest end. */
static const RpExceptionTableEntry *find_handler(RpCodeObject *co, int lasti)
{
    const RpExceptionTableEntry *best = NULL;
    for (int i = 0; i < co->co_nexctable; i++) {
        const RpExceptionTableEntry *e = &co->co_exctable[i];
        if ((int)e->start <= lasti && lasti < (int)e->end &&
            (best == NULL || e->start > best->start ||
             (e->start == best->start && e->end < best->end)))
            best = e;
    }
    return best;
}

static void add_traceback(RpFrame *f)
{
    RpFrameObject *fo = _RpFrame_GetFrameObject(f);
    if (fo == NULL) {
        RpErr_Clear();   /* out of memory for the frame object: no entry */
        return;
    }
    RpTraceBack_Here((RpObject *)fo);
}

/* globals then builtins; new reference or NULL (NameError set). */
static RpObject *load_global(RpFrame *f, RpObject *name)
{
    RpObject *v;
    if (RpDict_CheckExact(f->f_globals) && RpDict_CheckExact(f->f_builtins)) {
        v = RpDict_GetItemWithError(f->f_globals, name);
        if (v == NULL && !RpErr_Occurred())
            v = RpDict_GetItemWithError(f->f_builtins, name);
        if (v != NULL)
            return Rp_NewRef(v);
        if (!RpErr_Occurred())
            _RpEval_NameError(name);
        return NULL;
    }
    v = RpDict_GetItemWithError(f->f_globals, name);
    if (v != NULL)
        return Rp_NewRef(v);
    if (RpErr_Occurred())
        return NULL;
    v = RpObject_GetItem(f->f_builtins, name);
    if (v == NULL && RpErr_ExceptionMatches(RpExc_KeyError)) {
        RpErr_Clear();
        _RpEval_NameError(name);
    }
    return v;
}

/* ---- inline caches (see RpCodeCaches in eval.h) ---------------------------- */

static int uses_cache(uint32_t word)
{
    int op = (int)RP_INSTR_OP(word);
    return op == OP_LOAD_GLOBAL || op == OP_LOAD_ATTR || op == OP_LOAD_METHOD ||
           op == OP_STORE_ATTR;
}

/* Build co's caches on first use; NULL (no exception) when out of memory:
 * the instruction then takes its generic path. */
static RP_NOINLINE RpCodeCaches *build_caches(RpCodeObject *co)
{
    size_t n = 0;
    for (int i = 0; i < co->co_ncode; i++)
        n += (size_t)uses_cache(co->co_code[i]);
    size_t size = sizeof(RpCodeCaches) + n * sizeof(RpInlineCache) +
                  (size_t)co->co_ncode * sizeof(uint32_t);
    RpCodeCaches *cc = RpMem_Malloc(size);
    if (cc == NULL)
        return NULL;
    memset(cc, 0, size);
    cc->index = (uint32_t *)(void *)(cc->entries + n);
    uint32_t k = 0;
    for (int i = 0; i < co->co_ncode; i++)
        if (uses_cache(co->co_code[i]))
            cc->index[i] = k++;
    co->co_extra = cc;
    return cc;
}

/* The cache entry of the instruction `instr` of co, or NULL. */
static inline RpInlineCache *get_cache(RpCodeObject *co, const uint32_t *instr)
{
    RpCodeCaches *cc = co->co_extra;
    if (RP_UNLIKELY(cc == NULL) && (cc = build_caches(co)) == NULL)
        return NULL;
    return &cc->entries[cc->index[instr - co->co_code]];
}

/* LOAD_GLOBAL through the instruction's cache: the borrowed value stays
 * valid while neither dict changed (versions are unique per mutation and
 * per dict, so a match also means "the same dicts").  New reference, or
 * NULL with NameError. */
static inline RpObject *load_global_cached(RpFrame *f, RpCodeObject *co,
                                           const uint32_t *instr, RpObject *name)
{
    RpDictObject *g = (RpDictObject *)f->f_globals, *b = (RpDictObject *)f->f_builtins;
    RpInlineCache *c;
    if (!RpDict_CheckExact(g) || !RpDict_CheckExact(b) || (c = get_cache(co, instr)) == NULL)
        return load_global(f, name);
    uint64_t gv = g->ma_version_tag, bv = b->ma_version_tag;
    if (RP_LIKELY(c->g.globals_ver == gv && c->g.builtins_ver == bv))
        return Rp_NewRef(c->g.value);
    RpObject *v = RpDict_GetItemWithError((RpObject *)g, name);
    if (v == NULL && !RpErr_Occurred())
        v = RpDict_GetItemWithError((RpObject *)b, name);
    if (v == NULL) {
        if (!RpErr_Occurred())
            _RpEval_NameError(name);
        return NULL;
    }
    /* A key's __eq__ run by the lookup may have changed the dicts. */
    if (g->ma_version_tag == gv && b->ma_version_tag == bv) {
        c->g.globals_ver = gv;
        c->g.builtins_ver = bv;
        c->g.value = v;
    }
    return Rp_NewRef(v);
}

static inline int is_interned(RpObject *name)
{
    return RpUnicode_CheckExact(name) && ((RpUnicodeObject *)name)->interned;
}

/* Classify name on tp for an attribute cache entry (tp's getattro or
 * setattro already checked to be the generic one).  0: not cacheable. */
static int fill_attr_cache(RpAttrCache *c, RpTypeObject *tp, RpObject *name, int for_method)
{
    if (!is_interned(name))
        return 0;
    RpObject *descr = _RpType_Lookup(tp, name);   /* assigns the version tag */
    if (!RpType_HasFeature(tp, RP_TPFLAGS_VALID_VERSION_TAG) || tp->tp_version_tag == 0)
        return 0;
    int kind;
    if (descr == NULL)
        kind = RP_ATTR_CACHE_INSTANCE;
    else if (for_method && RpType_HasFeature(Rp_TYPE(descr), RP_TPFLAGS_METHOD_DESCRIPTOR))
        kind = RP_ATTR_CACHE_METHOD;
    else
        return 0;
    c->tp_version = tp->tp_version_tag;
    c->kind = kind;
    c->descr = descr;
    c->hint = 0;
    return kind;
}

/* LOAD_ATTR: an attribute of the instance itself, its class having no
 * attribute of that name (so no descriptor can intervene).  Anything else,
 * and misses (the error message), go through RpObject_GetAttr. */
static inline RpObject *load_attr_cached(RpObject *owner, RpObject *name, RpCodeObject *co,
                                         const uint32_t *instr)
{
    RpTypeObject *tp = Rp_TYPE(owner);
    RpInlineCache *c;
    if (tp->tp_getattro != RpObject_GenericGetAttr || (c = get_cache(co, instr)) == NULL)
        return RpObject_GetAttr(owner, name);
    if (RP_UNLIKELY(c->a.kind != RP_ATTR_CACHE_INSTANCE || c->a.tp_version != tp->tp_version_tag) &&
        fill_attr_cache(&c->a, tp, name, 0) != RP_ATTR_CACHE_INSTANCE)
        return RpObject_GetAttr(owner, name);
    RpObject **slot = _RpObject_InstanceSlot(owner, name, &c->a.hint);
    if (slot != NULL)
        return Rp_NewRef(*slot);
    RpObject *res;
    int r = _RpObject_InstanceLookup(owner, name, &res);
    if (r > 0)
        return res;
    if (r < 0) {
        _RpObject_SetAttributeErrorContext(owner, name);
        return NULL;
    }
    return RpObject_GetAttr(owner, name);
}

/* LOAD_METHOD: a method descriptor found on the type, unless the instance
 * shadows it.  1 *meth is the unbound method, 0 *meth is the attribute,
 * -1 error (as _RpObject_GetMethod). */
static inline int load_method_cached(RpObject *owner, RpObject *name, RpCodeObject *co,
                                     const uint32_t *instr, RpObject **meth)
{
    RpTypeObject *tp = Rp_TYPE(owner);
    RpInlineCache *c;
    if (tp->tp_getattro != RpObject_GenericGetAttr || (c = get_cache(co, instr)) == NULL)
        goto generic;
    if (RP_UNLIKELY(c->a.tp_version != tp->tp_version_tag || c->a.kind == 0) &&
        fill_attr_cache(&c->a, tp, name, 1) == 0)
        goto generic;
    if (tp->tp_dictoffset != 0) {
        RpObject *attr;
        int r = _RpObject_InstanceLookup(owner, name, &attr);
        if (r != 0) {
            *meth = attr;
            if (r < 0)
                _RpObject_SetAttributeErrorContext(owner, name);
            return r < 0 ? -1 : 0;
        }
        /* a key's __eq__ in an instance dict may have changed the class */
        if (c->a.tp_version != tp->tp_version_tag)
            goto generic;
    }
    if (c->a.kind == RP_ATTR_CACHE_METHOD) {
        *meth = Rp_NewRef(c->a.descr);
        return 1;
    }
generic:;
    int found = _RpObject_GetMethod(owner, name, meth);
    return *meth == NULL ? -1 : found;
}

/* STORE_ATTR into the instance's own storage when the class has no
 * attribute of that name.  0 / -1. */
static inline int store_attr_cached(RpObject *owner, RpObject *name, RpObject *v,
                                    RpCodeObject *co, const uint32_t *instr)
{
    RpTypeObject *tp = Rp_TYPE(owner);
    RpInlineCache *c;
    if (tp->tp_setattro != RpObject_GenericSetAttr || (c = get_cache(co, instr)) == NULL)
        return RpObject_SetAttr(owner, name, v);
    if (RP_UNLIKELY(c->a.kind != RP_ATTR_CACHE_INSTANCE || c->a.tp_version != tp->tp_version_tag) &&
        fill_attr_cache(&c->a, tp, name, 0) != RP_ATTR_CACHE_INSTANCE)
        return RpObject_SetAttr(owner, name, v);
    RpObject **slot = v != NULL ? _RpObject_InstanceSlot(owner, name, &c->a.hint) : NULL;
    if (slot != NULL) {
        RpObject *old = *slot;
        *slot = Rp_NewRef(v);
        Rp_DECREF(old);
        return 0;
    }
    int r = _RpObject_InstanceStore(owner, name, v);
    if (r <= 0)
        return r;
    return RpObject_SetAttr(owner, name, v);   /* no storage: the generic error */
}

/* mapping[name] -> new ref; NULL without exception when missing. */
static RpObject *mapping_lookup(RpObject *mapping, RpObject *name)
{
    if (RpDict_CheckExact(mapping)) {
        RpObject *v = RpDict_GetItemWithError(mapping, name);
        return Rp_XNewRef(v);
    }
    RpObject *v = RpObject_GetItem(mapping, name);
    if (v == NULL && RpErr_ExceptionMatches(RpExc_KeyError))
        RpErr_Clear();
    return v;
}

static RpObject *load_name(RpFrame *f, RpObject *name)
{
    if (f->f_locals == NULL) {
        RpErr_Format(RpExc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    /* Module-level code has locals == globals: a miss in the one dict is
     * a miss in the other too, unless the lookup itself changed it. */
    int same = f->f_locals == f->f_globals && RpDict_CheckExact(f->f_globals);
    uint64_t ver = same ? ((RpDictObject *)f->f_globals)->ma_version_tag : 0;
    RpObject *v = mapping_lookup(f->f_locals, name);
    if (v != NULL || RpErr_Occurred())
        return v;
    if (!same || ((RpDictObject *)f->f_globals)->ma_version_tag != ver) {
        v = mapping_lookup(f->f_globals, name);
        if (v != NULL || RpErr_Occurred())
            return v;
    }
    v = mapping_lookup(f->f_builtins, name);
    if (v == NULL && !RpErr_Occurred())
        _RpEval_NameError(name);
    return v;
}

static int store_name(RpFrame *f, RpObject *name, RpObject *v)
{
    if (f->f_locals == NULL) {
        RpErr_Format(RpExc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (RpDict_CheckExact(f->f_locals))
        return RpDict_SetItem(f->f_locals, name, v);
    return RpObject_SetItem(f->f_locals, name, v);
}

static int delete_name(RpFrame *f, RpObject *name)
{
    if (f->f_locals == NULL) {
        RpErr_Format(RpExc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    if (RpObject_DelItem(f->f_locals, name) == 0)
        return 0;
    if (RpErr_ExceptionMatches(RpExc_KeyError)) {
        RpErr_Clear();
        _RpEval_NameError(name);
    }
    return -1;
}

static int delete_global(RpFrame *f, RpObject *name)
{
    if (RpDict_DelItem(f->f_globals, name) == 0)
        return 0;
    if (RpErr_ExceptionMatches(RpExc_KeyError)) {
        RpErr_Clear();
        _RpEval_NameError(name);
    }
    return -1;
}

static RpObject *load_classderef(RpFrame *f, int oparg)
{
    RpObject *name = RpTuple_GET_ITEM(f->f_code->co_localsplusnames, oparg);
    if (f->f_locals != NULL) {
        RpObject *v = mapping_lookup(f->f_locals, name);
        if (v != NULL || RpErr_Occurred())
            return v;
    }
    RpObject *v = RpCell_GET(f->localsplus[oparg]);
    if (v == NULL) {
        _RpEval_FormatUnbound(f->f_code, oparg);
        return NULL;
    }
    return Rp_NewRef(v);
}

/* Fast list/tuple/dict subscripts; NULL without exception = use the slow path. */
static RpObject *subscr_fast(RpObject *container, RpObject *key)
{
    int64_t i;
    if (RpLong_CheckExact(key) && _RpLong_AsInt64(key, &i)) {
        if (RpList_CheckExact(container)) {
            if (i < 0)
                i += RpList_GET_SIZE(container);
            if (i >= 0 && i < RpList_GET_SIZE(container))
                return Rp_NewRef(RpList_GET_ITEM(container, i));
        } else if (RpTuple_CheckExact(container)) {
            if (i < 0)
                i += RpTuple_GET_SIZE(container);
            if (i >= 0 && i < RpTuple_GET_SIZE(container))
                return Rp_NewRef(RpTuple_GET_ITEM(container, i));
        }
        return NULL;
    }
    if (RpDict_CheckExact(container)) {
        RpObject *v = RpDict_GetItemWithError(container, key);
        if (v != NULL)
            return Rp_NewRef(v);
        RpErr_Clear();   /* the slow path raises KeyError (or the hash error) again */
    }
    return NULL;
}

/* x op y for the float operators that cannot fail; 0 for the others
 * (division by zero raises, %, //, ** have their own rules). */
static inline int float_arith(int op, double x, double y, double *r)
{
    switch (op) {
    case RP_NB_ADD: case RP_NB_INPLACE + RP_NB_ADD: *r = x + y; return 1;
    case RP_NB_SUBTRACT: case RP_NB_INPLACE + RP_NB_SUBTRACT: *r = x - y; return 1;
    case RP_NB_MULTIPLY: case RP_NB_INPLACE + RP_NB_MULTIPLY: *r = x * y; return 1;
    case RP_NB_TRUE_DIVIDE: case RP_NB_INPLACE + RP_NB_TRUE_DIVIDE:
        if (y == 0.0)
            return 0;
        *r = x / y;
        return 1;
    default: return 0;
    }
}

/* x op y for a comparison op (NaN compares unequal to everything). */
static inline int float_compare(int op, double x, double y)
{
    switch (op) {
    case Rp_LT: return x < y;
    case Rp_LE: return x <= y;
    case Rp_EQ: return x == y;
    case Rp_NE: return x != y;
    case Rp_GT: return x > y;
    default: return x >= y;
    }
}

static RpObject *binary_op_fast(int op, RpObject *a, RpObject *b)
{
    if (RpLong_CheckExact(a) && RpLong_CheckExact(b)) {
        switch (op) {
        case RP_NB_ADD: case RP_NB_INPLACE + RP_NB_ADD: return _RpLong_Add(a, b);
        case RP_NB_SUBTRACT: case RP_NB_INPLACE + RP_NB_SUBTRACT: return _RpLong_Subtract(a, b);
        case RP_NB_MULTIPLY: case RP_NB_INPLACE + RP_NB_MULTIPLY: return _RpLong_Multiply(a, b);
        default: {
            /* Two exact ints: binary_op1 would call int's own slot once
             * (int has no in-place slots); call it directly. */
            RpNumberMethods *nb = RpLong_Type.tp_as_number;
            binaryfunc fn = NULL;
            switch (op >= RP_NB_INPLACE ? op - RP_NB_INPLACE : op) {
            case RP_NB_REMAINDER: fn = nb->nb_remainder; break;
            case RP_NB_FLOOR_DIVIDE: fn = nb->nb_floor_divide; break;
            case RP_NB_TRUE_DIVIDE: fn = nb->nb_true_divide; break;
            case RP_NB_AND: fn = nb->nb_and; break;
            case RP_NB_OR: fn = nb->nb_or; break;
            case RP_NB_XOR: fn = nb->nb_xor; break;
            case RP_NB_LSHIFT: fn = nb->nb_lshift; break;
            case RP_NB_RSHIFT: fn = nb->nb_rshift; break;
            default: break;
            }
            if (fn != NULL) {
                RpObject *res = fn(a, b);
                if (res != Rp_NotImplemented)
                    return res;
                Rp_DECREF(res);
            }
            break;
        }
        }
    } else if (RpUnicode_CheckExact(a) && RpUnicode_CheckExact(b) &&
               (op == RP_NB_ADD || op == RP_NB_INPLACE + RP_NB_ADD)) {
        return RpUnicode_Concat(a, b);
    }
    return _RpEval_BinaryOp(op, a, b);
}

/* Comparison op on two exact ints or two exact floats: 0 or 1, or -1 for
 * any other pair (which goes through rich comparison). */
static inline int compare_fast(RpObject *a, RpObject *b, int op)
{
    if (RpLong_CheckExact(a) && RpLong_CheckExact(b)) {
        int c = _RpLong_Compare(a, b);
        switch (op) {
        case Rp_LT: return c < 0;
        case Rp_LE: return c <= 0;
        case Rp_EQ: return c == 0;
        case Rp_NE: return c != 0;
        case Rp_GT: return c > 0;
        default: return c >= 0;
        }
    }
    if (RpFloat_CheckExact(a) && RpFloat_CheckExact(b))
        return float_compare(op, RpFloat_AS_DOUBLE(a), RpFloat_AS_DOUBLE(b));
    return -1;
}

/* The next item of an iterator: 1 item, 0 exhausted, -1 error. */
static int iter_next(RpObject *it, RpObject **item)
{
    RpObject *v = Rp_TYPE(it)->tp_iternext(it);
    if (v != NULL) {
        *item = v;
        return 1;
    }
    if (RpErr_Occurred()) {
        if (!RpErr_ExceptionMatches(RpExc_StopIteration))
            return -1;
        RpErr_Clear();
    }
    return 0;
}

/* SEND: 0 yielded (*res), 1 returned (*res), -1 error. */
static int send_to(RpObject *receiver, RpObject *v, RpObject **res)
{
    if (_RpGen_IsGenOrCoro(receiver))
        return RpGen_Send(receiver, v, res);
    RpObject *r;
    if (v == Rp_None && Rp_TYPE(receiver)->tp_iternext != NULL)
        r = Rp_TYPE(receiver)->tp_iternext(receiver);
    else
        r = RpObject_CallMethodObjArgs(receiver, RP_ID(send), v, NULL);
    if (r != NULL) {
        *res = r;
        return 0;
    }
    if (RpErr_Occurred() && !RpErr_ExceptionMatches(RpExc_StopIteration))
        return -1;
    if (_RpGen_FetchStopIterationValue(res) < 0)
        return -1;
    return 1;
}

static RpObject *make_function(RpObject **sp, int oparg, RpFrame *f, int *npopped)
{
    int n = 1;
    RpCodeObject *code = (RpCodeObject *)sp[-1];
    RpFunctionObject *func = (RpFunctionObject *)RpFunction_New((RpObject *)code, f->f_globals,
                                                                code->co_qualname);
    if (func == NULL)
        goto done;
    if (oparg & 8)
        Rp_XSETREF(func->func_closure, Rp_NewRef(sp[-1 - n++]));
    if (oparg & 4) {
        RpObject *ann = _RpEval_AnnotationsDict(sp[-1 - n++]);
        if (ann == NULL) {
            Rp_CLEAR(func);
            goto done;
        }
        Rp_XSETREF(func->func_annotations, ann);
    }
    if (oparg & 2)
        Rp_XSETREF(func->func_kwdefaults, Rp_NewRef(sp[-1 - n++]));
    if (oparg & 1)
        Rp_XSETREF(func->func_defaults, Rp_NewRef(sp[-1 - n++]));
done:
    *npopped = 1 + ((oparg & 8) != 0) + ((oparg & 4) != 0) + ((oparg & 2) != 0) + ((oparg & 1) != 0);
    return (RpObject *)func;
}

static RpObject *before_with(RpObject *mgr, RpObject **exitp)
{
    RpObject *enter = _RpEval_LookupSpecial(mgr, RP_ID(__enter__));
    if (enter == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_TypeError,
                         "'%s' object does not support the context manager protocol",
                         Rp_TYPE(mgr)->tp_name);
        return NULL;
    }
    RpObject *exit = _RpEval_LookupSpecial(mgr, RP_ID(__exit__));
    if (exit == NULL) {
        if (!RpErr_Occurred())
            RpErr_Format(RpExc_TypeError,
                         "'%s' object does not support the context manager protocol "
                         "(missed __exit__ method)", Rp_TYPE(mgr)->tp_name);
        Rp_DECREF(enter);
        return NULL;
    }
    *exitp = exit;
    RpObject *res = RpObject_CallNoArgs(enter);
    Rp_DECREF(enter);
    return res;
}

static RpObject *with_except_start(RpObject *exit, RpObject *val)
{
    RpObject *tb = RpException_GetTraceback(val);
    RpObject *args[3] = {(RpObject *)Rp_TYPE(val), val, tb ? tb : Rp_None};
    RpObject *res = RpObject_Vectorcall(exit, args, 3, NULL);
    Rp_XDECREF(tb);
    return res;
}

static RpObject *build_string(RpObject **items, int n)
{
    RpObject *empty = _RpUnicode_Empty();
    RpObject *parts = _RpTuple_FromArray(items, n);
    RpObject *res = (empty && parts) ? RpUnicode_Join(empty, parts) : NULL;
    Rp_XDECREF(empty);
    Rp_XDECREF(parts);
    return res;
}

static RpObject *build_map(RpObject **items, int n)
{
    RpObject *d = RpDict_New();
    for (int i = 0; d != NULL && i < n; i++) {
        if (RpDict_SetItem(d, items[2 * i], items[2 * i + 1]) < 0)
            Rp_CLEAR(d);
    }
    return d;
}

static RpObject *build_const_key_map(RpObject **values, RpObject *keys, int n)
{
    RpObject *d = RpDict_New();
    for (int i = 0; d != NULL && i < n; i++) {
        if (RpDict_SetItem(d, RpTuple_GET_ITEM(keys, i), values[i]) < 0)
            Rp_CLEAR(d);
    }
    return d;
}

static RpObject *build_set(RpObject **items, int n)
{
    RpObject *s = RpSet_New(NULL);
    for (int i = 0; s != NULL && i < n; i++) {
        if (RpSet_Add(s, items[i]) < 0)
            Rp_CLEAR(s);
    }
    return s;
}

static int setup_annotations(RpFrame *f)
{
    if (f->f_locals == NULL) {
        RpErr_SetString(RpExc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    RpObject *ann = mapping_lookup(f->f_locals, RP_ID(__annotations__));
    if (ann != NULL) {
        Rp_DECREF(ann);
        return 0;
    }
    if (RpErr_Occurred() || (ann = RpDict_New()) == NULL)
        return -1;
    int rc = store_name(f, RP_ID(__annotations__), ann);
    Rp_DECREF(ann);
    return rc;
}

static int print_expr(RpObject *v)
{
    RpObject *hook = RpSys_GetObject("displayhook");
    if (hook == NULL) {
        RpErr_SetString(RpExc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    RpObject *res = RpObject_CallOneArg(hook, v);
    Rp_XDECREF(res);
    return res ? 0 : -1;
}

/* f(*x) with a non-iterable x: the message names the function. */
static void call_star_error(RpObject *func, RpObject *it)
{
    if (!RpErr_ExceptionMatches(RpExc_TypeError) || Rp_TYPE(it)->tp_iter != NULL ||
        RpSequence_Check(it))
        return;
    RpErr_Clear();
    RpObject *fs = _RpEval_FunctionStr(func);
    if (fs != NULL)
        RpErr_Format(RpExc_TypeError, "%U argument after * must be an iterable, not %s",
                     fs, Rp_TYPE(it)->tp_name);
    Rp_XDECREF(fs);
}

static RpObject *unpack_fast_item(RpObject *seq, int n, int i)
{
    RpObject **items = RpSequence_Fast_ITEMS(seq);
    (void)n;
    return Rp_NewRef(items[i]);
}

/* ---- the loop --------------------------------------------------------------- */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define GETNAME(i) RpTuple_GET_ITEM(names, (i))
#define JUMPTO(i) (next_instr = first_instr + (i))
#define STACK_BASE (localsplus + co->co_nlocalsplus)

/* Reload the loop's view of frame f (after a call, a return, an unwind). */
#define LOAD_FRAME()                                   \
    do {                                               \
        co = f->f_code;                                \
        localsplus = f->localsplus;                    \
        names = co->co_names;                          \
        consts = co->co_consts;                        \
        first_instr = co->co_code;                     \
        next_instr = f->next_instr;                    \
        sp = localsplus + (f->stacktop < 0 ? co->co_nlocalsplus : f->stacktop); \
        f->stacktop = -1;                              \
    } while (0)
#define SAVE_SP() (f->stacktop = (int)(sp - localsplus))

#define BREAKER_SET() atomic_load_explicit(breaker, memory_order_relaxed)

#ifdef __GNUC__
#define TARGET(op) TARGET_##op:
#define DISPATCH()                                     \
    do {                                               \
        word = *next_instr++;                          \
        f->next_instr = next_instr;                    \
        oparg = (int)RP_INSTR_ARG(word);               \
        goto *dispatch_table[RP_INSTR_OP(word)];       \
    } while (0)
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

RpObject *_RpEval_EvalFrame(RpThreadState *ts, RpFrame *f, int throwflag)
{
#ifdef __GNUC__
#define RP_OP_LABEL(name, doc) [OP_##name] = &&TARGET_##name,
    static void *const dispatch_table[RP_NUM_OPCODES] = {RP_OPCODES(RP_OP_LABEL)};
#undef RP_OP_LABEL
#endif
    RpCodeObject *co;
    RpObject **localsplus, **sp;
    RpObject *names, *consts;
    const uint32_t *first_instr, *next_instr;
    uint32_t word;
    int oparg;
    RpObject *kwnames = NULL;   /* set by KW_NAMES for the next CALL */
    atomic_int *breaker = &ts->interp->eval_breaker;   /* one load per check */

    f->is_entry = 1;
    f->previous = ts->frame;
    ts->frame = f;
    LOAD_FRAME();

start_frame:
    if (++ts->recursion_depth > ts->interp->recursion_limit &&
        _Rp_CheckRecursion(ts, "") < 0)
        goto start_failed;
    if (BREAKER_SET() && _RpEval_HandleBreaker(ts) < 0)
        goto error;
    if (throwflag) {
        throwflag = 0;
        goto error;
    }

#ifdef __GNUC__
    DISPATCH();
#else
dispatch:
    word = *next_instr++;
    f->next_instr = next_instr;
    oparg = (int)RP_INSTR_ARG(word);
    switch (RP_INSTR_OP(word)) {
#endif

    TARGET(NOP) DISPATCH();

    TARGET(POP_TOP) {
        RpObject *v = POP();
        Rp_XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        RpObject *v = PEEK(oparg);
        Rp_XINCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {
        RpObject *v = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = v;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        RpObject *v = RpTuple_GET_ITEM(consts, oparg);
        Rp_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        RpObject *v = localsplus[oparg];
        if (RP_UNLIKELY(v == NULL)) {
            _RpEval_FormatUnbound(co, oparg);
            goto error;
        }
        Rp_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        RpObject *old = localsplus[oparg];
        localsplus[oparg] = POP();
        Rp_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        RpObject *old = localsplus[oparg];
        if (old == NULL) {
            _RpEval_FormatUnbound(co, oparg);
            goto error;
        }
        localsplus[oparg] = NULL;
        Rp_DECREF(old);
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        RpObject *initial = localsplus[oparg];
        RpObject *cell = RpCell_New(initial);
        if (cell == NULL)
            goto error;
        localsplus[oparg] = cell;
        Rp_XDECREF(initial);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        RpObject *closure = ((RpFunctionObject *)f->f_func)->func_closure;
        int offset = co->co_nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++)
            localsplus[offset + i] = Rp_NewRef(RpTuple_GET_ITEM(closure, i));
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        RpObject *cell = localsplus[oparg];
        if (cell == NULL) {
            _RpEval_FormatUnbound(co, oparg);
            goto error;
        }
        Rp_INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        RpObject *v = RpCell_GET(localsplus[oparg]);
        if (v == NULL) {
            _RpEval_FormatUnbound(co, oparg);
            goto error;
        }
        Rp_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        RpObject *v = load_classderef(f, oparg);
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        RpCellObject *cell = (RpCellObject *)localsplus[oparg];
        RpObject *old = cell->ob_ref;
        cell->ob_ref = POP();
        Rp_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        RpCellObject *cell = (RpCellObject *)localsplus[oparg];
        RpObject *old = cell->ob_ref;
        if (old == NULL) {
            _RpEval_FormatUnbound(co, oparg);
            goto error;
        }
        cell->ob_ref = NULL;
        Rp_DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        RpObject *v = load_name(f, GETNAME(oparg));
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        RpObject *v = POP();
        int err = store_name(f, GETNAME(oparg), v);
        Rp_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        if (delete_name(f, GETNAME(oparg)) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        RpObject *v = load_global_cached(f, co, next_instr - 1, GETNAME(oparg >> 1));
        if (v == NULL)
            goto error;
        if (oparg & 1)
            PUSH(NULL);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        RpObject *v = POP();
        int err = RpDict_SetItem(f->f_globals, GETNAME(oparg), v);
        Rp_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        if (delete_global(f, GETNAME(oparg)) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        RpObject *owner = TOP();
        RpObject *res = load_attr_cached(owner, GETNAME(oparg), co, next_instr - 1);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(owner);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        RpObject *owner = POP();
        RpObject *v = POP();
        int err = store_attr_cached(owner, GETNAME(oparg), v, co, next_instr - 1);
        Rp_DECREF(v);
        Rp_DECREF(owner);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        RpObject *owner = POP();
        int err = RpObject_SetAttr(owner, GETNAME(oparg), NULL);
        Rp_DECREF(owner);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        RpObject *obj = TOP();
        RpObject *meth = NULL;
        int found = load_method_cached(obj, GETNAME(oparg), co, next_instr - 1, &meth);
        if (found < 0)
            goto error;
        if (found) {
            SET_TOP(meth);    /* meth self */
            PUSH(obj);
        } else {
            SET_TOP(NULL);    /* NULL attr */
            Rp_DECREF(obj);
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        RpObject *key = POP();
        RpObject *container = TOP();
        RpObject *res = subscr_fast(container, key);
        if (res == NULL)
            res = RpObject_GetItem(container, key);
        Rp_DECREF(key);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(container);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        RpObject *key = POP();
        RpObject *container = POP();
        RpObject *v = POP();
        int64_t i;
        int err;
        if (RpList_CheckExact(container) && RpLong_CheckExact(key) &&
            _RpLong_AsInt64(key, &i) && i >= 0 && i < RpList_GET_SIZE(container)) {
            RpObject *old = RpList_GET_ITEM(container, i);
            RpList_SET_ITEM(container, i, v);
            Rp_DECREF(old);
            err = 0;
        } else {
            err = RpObject_SetItem(container, key, v);
            Rp_DECREF(v);
        }
        Rp_DECREF(container);
        Rp_DECREF(key);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        RpObject *key = POP();
        RpObject *container = POP();
        int err = RpObject_DelItem(container, key);
        Rp_DECREF(container);
        Rp_DECREF(key);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        RpObject *step = oparg == 3 ? POP() : NULL;
        RpObject *stop = POP();
        RpObject *start = TOP();
        RpObject *slice = RpSlice_New(start, stop, step);
        Rp_XDECREF(step);
        Rp_DECREF(stop);
        if (slice == NULL)
            goto error;
        Rp_DECREF(start);
        SET_TOP(slice);
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        RpObject *rhs = POP();
        RpObject *lhs = TOP();
        double fr;
        if (RpFloat_CheckExact(lhs) && RpFloat_CheckExact(rhs) &&
            float_arith(oparg, RpFloat_AS_DOUBLE(lhs), RpFloat_AS_DOUBLE(rhs), &fr)) {
            /* An operand that only the stack holds is a temporary nobody
             * can observe: store the result in it instead of allocating
             * (x*x + y*y allocates one float, not three). */
            if (Rp_REFCNT(lhs) == 1) {
                ((RpFloatObject *)lhs)->ob_fval = fr;
                Rp_DECREF(rhs);
                DISPATCH();
            }
            if (Rp_REFCNT(rhs) == 1) {
                ((RpFloatObject *)rhs)->ob_fval = fr;
                SET_TOP(rhs);
                Rp_DECREF(lhs);
                DISPATCH();
            }
            RpObject *fo = RpFloat_FromDouble(fr);
            Rp_DECREF(rhs);
            if (fo == NULL)
                goto error;
            SET_TOP(fo);
            Rp_DECREF(lhs);
            DISPATCH();
        }
        RpObject *res = binary_op_fast(oparg, lhs, rhs);
        Rp_DECREF(rhs);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(lhs);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        RpObject *v = TOP();
        RpObject *res = RpNumber_Negative(v);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        RpObject *v = TOP();
        RpObject *res = RpNumber_Positive(v);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        RpObject *v = TOP();
        RpObject *res = RpNumber_Invert(v);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        RpObject *v = TOP();
        int t = RpObject_IsTrue(v);
        if (t < 0)
            goto error;
        SET_TOP(Rp_NewRef(t ? Rp_False : Rp_True));
        Rp_DECREF(v);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        RpObject *rhs = POP();
        RpObject *lhs = TOP();
        int r = compare_fast(lhs, rhs, oparg);
        if (r >= 0) {
            /* followed by a conditional jump: no bool object at all */
            uint32_t nw = *next_instr;
            int nop = (int)RP_INSTR_OP(nw);
            sp--;
            Rp_DECREF(rhs);
            Rp_DECREF(lhs);
            if (nop == OP_POP_JUMP_IF_FALSE || nop == OP_POP_JUMP_IF_TRUE) {
                next_instr++;
                if (r == (nop == OP_POP_JUMP_IF_TRUE))
                    JUMPTO(RP_INSTR_ARG(nw));
                DISPATCH();
            }
            PUSH(Rp_NewRef(r ? Rp_True : Rp_False));
            DISPATCH();
        }
        RpObject *res = RpObject_RichCompare(lhs, rhs, oparg);
        Rp_DECREF(rhs);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(lhs);
        DISPATCH();
    }

    TARGET(IS_OP) {
        RpObject *rhs = POP();
        RpObject *lhs = TOP();
        int r = (lhs == rhs) ^ oparg;
        SET_TOP(Rp_NewRef(r ? Rp_True : Rp_False));
        Rp_DECREF(lhs);
        Rp_DECREF(rhs);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        RpObject *rhs = POP();
        RpObject *lhs = TOP();
        int r = RpSequence_Contains(rhs, lhs);
        Rp_DECREF(rhs);
        if (r < 0)
            goto error;
        SET_TOP(Rp_NewRef((r ^ oparg) ? Rp_True : Rp_False));
        Rp_DECREF(lhs);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        RpObject *t = _RpTuple_FromArraySteal(sp - oparg, oparg);
        sp -= oparg;
        if (t == NULL)
            goto error;
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        RpObject *l = RpList_New(oparg);
        if (l == NULL)
            goto error;
        sp -= oparg;
        for (int i = 0; i < oparg; i++)
            RpList_SET_ITEM(l, i, sp[i]);
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        RpObject *s = build_set(sp - oparg, oparg);
        for (int i = 0; i < oparg; i++)
            Rp_DECREF(POP());
        if (s == NULL)
            goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        RpObject *d = build_map(sp - 2 * oparg, oparg);
        for (int i = 0; i < 2 * oparg; i++)
            Rp_DECREF(POP());
        if (d == NULL)
            goto error;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        RpObject *keys = POP();
        RpObject *d = build_const_key_map(sp - oparg, keys, oparg);
        Rp_DECREF(keys);
        for (int i = 0; i < oparg; i++)
            Rp_DECREF(POP());
        if (d == NULL)
            goto error;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        RpObject *s = build_string(sp - oparg, oparg);
        for (int i = 0; i < oparg; i++)
            Rp_DECREF(POP());
        if (s == NULL)
            goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        RpObject *v = POP();
        int err = RpList_Append(PEEK(oparg), v);
        Rp_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        RpObject *v = POP();
        int err = RpSet_Add(PEEK(oparg), v);
        Rp_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        RpObject *value = POP();
        RpObject *key = POP();
        int err = RpDict_SetItem(PEEK(oparg), key, value);
        Rp_DECREF(key);
        Rp_DECREF(value);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        RpObject *it = POP();
        RpObject *list = PEEK(oparg);
        int err = _RpEval_ListExtend(list, it);
        if (err < 0 && RpList_GET_SIZE(list) == 0 && oparg == 1 &&
            RP_INSTR_OP(next_instr[0]) == OP_LIST_TO_TUPLE &&
            (RP_INSTR_OP(next_instr[1]) == OP_CALL_FUNCTION_EX ||
             RP_INSTR_OP(next_instr[1]) == OP_BUILD_MAP))
            call_star_error(PEEK(oparg + 1), it);   /* f(*x): CPython's call message */
        Rp_DECREF(it);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        RpObject *it = POP();
        int err = _RpSet_Update(PEEK(oparg), it);
        Rp_DECREF(it);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        RpObject *m = POP();
        int err = _RpEval_DictUpdate(PEEK(oparg), m);
        Rp_DECREF(m);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        RpObject *m = POP();
        int err = _RpEval_DictMerge(PEEK(oparg + 2), PEEK(oparg), m);
        Rp_DECREF(m);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        RpObject *l = TOP();
        RpObject *t = RpList_AsTuple(l);
        if (t == NULL)
            goto error;
        SET_TOP(t);
        Rp_DECREF(l);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        RpObject *spec = (oparg & 4) ? POP() : NULL;
        RpObject *value = TOP();
        RpObject *res = _RpEval_FormatValue(value, oparg & 3, spec);
        Rp_XDECREF(spec);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(value);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        RpObject *seq = POP();
        if ((RpTuple_CheckExact(seq) || RpList_CheckExact(seq)) && Rp_SIZE(seq) == oparg) {
            for (int i = oparg - 1; i >= 0; i--)
                PUSH(unpack_fast_item(seq, oparg, i));
        } else if (_RpEval_UnpackIterable(seq, oparg, -1, sp + oparg) == 0) {
            sp += oparg;
        } else {
            Rp_DECREF(seq);
            goto error;
        }
        Rp_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = oparg & 0xFF, after = oparg >> 8;
        RpObject *seq = POP();
        int err = _RpEval_UnpackIterable(seq, before, after, sp + before + 1 + after);
        Rp_DECREF(seq);
        if (err < 0)
            goto error;
        sp += before + 1 + after;
        DISPATCH();
    }

    TARGET(JUMP) {
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        JUMPTO(oparg);
        if (BREAKER_SET() && _RpEval_HandleBreaker(ts) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        RpObject *v = POP();
        if (v == Rp_False) {
            Rp_DECREF(v);
            JUMPTO(oparg);
        } else if (v != Rp_True) {
            int t = RpObject_IsTrue(v);
            Rp_DECREF(v);
            if (t < 0)
                goto error;
            if (!t)
                JUMPTO(oparg);
        } else {
            Rp_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        RpObject *v = POP();
        if (v == Rp_True) {
            Rp_DECREF(v);
            JUMPTO(oparg);
        } else if (v != Rp_False) {
            int t = RpObject_IsTrue(v);
            Rp_DECREF(v);
            if (t < 0)
                goto error;
            if (t)
                JUMPTO(oparg);
        } else {
            Rp_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        RpObject *v = POP();
        if (v == Rp_None)
            JUMPTO(oparg);
        Rp_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        RpObject *v = POP();
        if (v != Rp_None)
            JUMPTO(oparg);
        Rp_DECREF(v);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = RpObject_IsTrue(TOP());
        if (t < 0)
            goto error;
        if (!t) {
            JUMPTO(oparg);
        } else {
            RpObject *v = POP();
            Rp_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = RpObject_IsTrue(TOP());
        if (t < 0)
            goto error;
        if (t) {
            JUMPTO(oparg);
        } else {
            RpObject *v = POP();
            Rp_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(GET_ITER) {
        RpObject *iterable = TOP();
        RpObject *it = RpObject_GetIter(iterable);
        if (it == NULL)
            goto error;
        SET_TOP(it);
        Rp_DECREF(iterable);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        RpObject *item;
        int r;
        if (Rp_TYPE(TOP()) == &RpRangeIter_Type) {
            long long iv;
            r = _RpRangeIter_Next(TOP(), &iv);
            if (r && (item = RpLong_FromLongLong(iv)) == NULL)
                goto error;
        } else {
            r = iter_next(TOP(), &item);
        }
        if (r > 0) {
            PUSH(item);
        } else if (r == 0) {
            RpObject *it = POP();
            Rp_DECREF(it);
            JUMPTO(oparg);
        } else {
            goto error;
        }
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        RpObject *retval = POP();
        SAVE_SP();
        ts->recursion_depth--;
        if (f->is_entry) {
            ts->frame = f->previous;
            return retval;
        }
        RpFrame *caller = f->previous;
        ts->frame = caller;
        pop_returned_frame(ts, f);
        f = caller;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        /* Generator frames are entry frames: leave the loop; RpGen_Send
         * sees from the last instruction that this was a yield. */
        RpObject *retval = POP();
        SAVE_SP();
        ts->recursion_depth--;
        ts->frame = f->previous;
        return retval;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        RpObject *iterable = TOP();
        /* A coroutine is accepted as is (CPython only allows it in a
         * types.coroutine generator; refpy's types.coroutine wraps). */
        if (!_RpGen_IsGenOrCoro(iterable)) {
            RpObject *it = RpObject_GetIter(iterable);
            if (it == NULL)
                goto error;
            SET_TOP(it);
            Rp_DECREF(iterable);
        }
        DISPATCH();
    }

    TARGET(SEND) {
        RpObject *v = POP();
        RpObject *receiver = TOP();
        RpObject *res = NULL;
        SAVE_SP();
        int status = send_to(receiver, v, &res);
        f->stacktop = -1;
        Rp_DECREF(v);
        if (status < 0)
            goto error;
        if (status == 1) {
            SET_TOP(res);
            Rp_DECREF(receiver);
            JUMPTO(oparg);
        } else {
            PUSH(res);
        }
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = RpTuple_GET_ITEM(consts, oparg);
        DISPATCH();
    }

    TARGET(CALL) {
        int is_meth = PEEK(oparg + 2) != NULL;
        RpObject *callable = is_meth ? PEEK(oparg + 2) : PEEK(oparg + 1);
        if (!is_meth && RpMethod_Check(callable)) {
            /* Unpack a bound method so that self travels as an argument. */
            RpMethodObject *m = (RpMethodObject *)callable;
            PEEK(oparg + 2) = Rp_NewRef(m->im_func);
            PEEK(oparg + 1) = Rp_NewRef(m->im_self);
            Rp_DECREF(callable);
            callable = PEEK(oparg + 2);
            is_meth = 1;
        }
        int total = oparg + is_meth;
        RpObject **args = sp - total;
        RpObject *kw = kwnames;
        kwnames = NULL;
        Rp_ssize_t npos = total - (kw ? RpTuple_GET_SIZE(kw) : 0);
        if (kw == NULL && RpFunction_Check(callable) &&
            ((RpFunctionObject *)callable)->vectorcall == RpEval_FunctionVectorcall) {
            RpFrame *nf = push_simple_frame(ts, (RpFunctionObject *)callable, args, total);
            if (nf != NULL) {
                /* references moved: only the stack pointer changes */
                sp -= oparg + 2;
                SAVE_SP();
                nf->previous = f;
                ts->frame = nf;
                f = nf;
                LOAD_FRAME();
                goto start_frame;
            }
        }
        if (RpFunction_Check(callable) &&
            ((RpFunctionObject *)callable)->vectorcall == RpEval_FunctionVectorcall &&
            !(((RpCodeObject *)((RpFunctionObject *)callable)->func_code)->co_flags & RP_CO_GENLIKE)) {
            /* Python to Python: a new frame in this same loop. */
            SAVE_SP();
            RpFrame *nf = push_function_frame(ts, (RpFunctionObject *)callable, args, npos, kw);
            sp -= oparg + 2;
            for (int i = 0; i < oparg + 2; i++)
                Rp_XDECREF(sp[i]);
            if (nf == NULL) {
                f->stacktop = -1;
                goto error;
            }
            SAVE_SP();
            nf->previous = f;
            ts->frame = nf;
            f = nf;
            LOAD_FRAME();
            goto start_frame;
        }
        SAVE_SP();
        RpObject *res = RpObject_Vectorcall(callable, args, npos | RP_VECTORCALL_ARGS_OFFSET, kw);
        f->stacktop = -1;
        /* The callable first, then the arguments in order (__del__ order). */
        Rp_DECREF(callable);
        for (int i = 0; i < total; i++)
            Rp_DECREF(args[i]);
        sp -= oparg + 2;
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        RpObject *kwargs = (oparg & 1) ? POP() : NULL;
        RpObject *callargs = POP();
        RpObject *func = TOP();
        SAVE_SP();
        RpObject *res = _RpEval_CallFunctionEx(func, callargs, kwargs);
        f->stacktop = -1;
        Rp_XDECREF(kwargs);
        Rp_DECREF(callargs);
        Rp_DECREF(func);
        sp -= 2;
        Rp_XDECREF(sp[0]);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        int npopped;
        RpObject *func = make_function(sp, oparg, f, &npopped);
        for (int i = 0; i < npopped; i++)
            Rp_DECREF(POP());
        if (func == NULL)
            goto error;
        PUSH(func);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        RpObject *bc = mapping_lookup(f->f_builtins, RP_ID(__build_class__));
        if (bc == NULL) {
            if (!RpErr_Occurred())
                RpErr_SetString(RpExc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        RpObject *cause = oparg >= 2 ? POP() : NULL;
        RpObject *exc = oparg >= 1 ? POP() : NULL;
        if (_RpEval_DoRaise(exc, cause))
            goto exception_unwind;   /* bare `raise`: keep the traceback as is */
        goto error;
    }

    TARGET(RERAISE) {
        RpObject *exc = POP();
        if (oparg) {
            /* Report the instruction that originally raised. */
            RpObject *lasti = PEEK(oparg);
            /* Only the frame's view moves (line numbers); the handler
             * search still starts from this RERAISE. */
            if (RpLong_Check(lasti))
                f->next_instr = first_instr + RpLong_AsLong(lasti) + 1;
        }
        RpErr_SetRaisedException(exc);
        goto exception_unwind;
    }

    TARGET(PUSH_EXC_INFO) {
        RpObject *value = TOP();
        RpExcInfo *ei = ts->exc_info;
        SET_TOP(ei->exc_value != NULL ? ei->exc_value : Rp_NewRef(Rp_None));
        ei->exc_value = Rp_NewRef(value);
        PUSH(value);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        RpObject *prev = POP();
        Rp_XSETREF(ts->exc_info->exc_value, prev);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        RpObject *right = POP();
        if (_RpEval_CheckExceptType(right) < 0) {
            Rp_DECREF(right);
            goto error;
        }
        int m = RpErr_GivenExceptionMatches(TOP(), right);
        Rp_DECREF(right);
        PUSH(Rp_NewRef(m ? Rp_True : Rp_False));
        DISPATCH();
    }

    TARGET(BEFORE_WITH)
    TARGET(BEFORE_ASYNC_WITH) {
        /* with and async with differ only in the methods looked up */
        RpObject *mgr = TOP();
        RpObject *exit = NULL;
        RpObject *res = RP_INSTR_OP(word) == OP_BEFORE_WITH
                            ? before_with(mgr, &exit)
                            : _RpEval_BeforeAsyncWith(mgr, &exit);
        if (exit != NULL) {
            SET_TOP(exit);
            Rp_DECREF(mgr);
        }
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        RpObject *res = with_except_start(PEEK(4), TOP());
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Rp_NewRef(RpExc_AssertionError));
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        RpObject *fromlist = POP();
        RpObject *level = TOP();
        SAVE_SP();
        RpObject *res = _RpEval_ImportName(f, GETNAME(oparg), fromlist, level);
        f->stacktop = -1;
        Rp_DECREF(fromlist);
        if (res == NULL)
            goto error;
        SET_TOP(res);
        Rp_DECREF(level);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        RpObject *res = _RpEval_ImportFrom(TOP(), GETNAME(oparg));
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        RpObject *from = POP();
        RpObject *locals = f->f_locals;
        int err;
        if (locals == NULL) {
            RpErr_SetString(RpExc_SystemError, "no locals found during 'import *'");
            err = -1;
        } else {
            err = _RpEval_ImportAllFrom(locals, from);
        }
        Rp_DECREF(from);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (setup_annotations(f) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        RpObject *v = POP();
        int err = print_expr(v);
        Rp_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(GET_LEN) {
        Rp_ssize_t n = RpObject_Size(TOP());
        RpObject *len = n < 0 ? NULL : RpLong_FromSsize_t(n);
        if (len == NULL)
            goto error;
        PUSH(len);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        int m = _RpEval_MatchMapping(TOP());
        PUSH(Rp_NewRef(m ? Rp_True : Rp_False));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        int m = _RpEval_MatchSequence(TOP());
        PUSH(Rp_NewRef(m ? Rp_True : Rp_False));
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        RpObject *values = _RpEval_MatchKeys(SECOND(), TOP());
        if (values == NULL)
            goto error;
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        RpObject *kwargs = POP();
        RpObject *type = POP();
        RpObject *subject = TOP();
        RpObject *attrs = _RpEval_MatchClass(subject, type, oparg, kwargs);
        Rp_DECREF(kwargs);
        Rp_DECREF(type);
        if (attrs == NULL) {
            if (RpErr_Occurred())
                goto error;
            attrs = Rp_NewRef(Rp_None);
        }
        SET_TOP(attrs);
        Rp_DECREF(subject);
        DISPATCH();
    }

    TARGET(COPY_DICT_WITHOUT_KEYS) {
        RpObject *rest = _RpEval_CopyDictWithoutKeys(SECOND(), TOP());
        if (rest == NULL)
            goto error;
        PUSH(rest);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        RpObject *iterable = TOP();
        RpObject *it = _RpCoro_GetAwaitableIter(iterable, oparg);
        if (it == NULL)
            goto error;
        SET_TOP(it);
        Rp_DECREF(iterable);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        RpObject *obj = TOP();
        RpObject *it = _RpEval_GetAIter(obj);
        if (it == NULL)
            goto error;
        SET_TOP(it);
        Rp_DECREF(obj);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        RpObject *awaitable = _RpEval_GetANext(TOP());
        if (awaitable == NULL)
            goto error;
        PUSH(awaitable);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        RpObject *exc = POP();
        if (!RpErr_GivenExceptionMatches(exc, RpExc_StopAsyncIteration)) {
            RpErr_SetRaisedException(exc);
            goto exception_unwind;
        }
        Rp_DECREF(exc);
        RpObject *aiter = POP();
        Rp_DECREF(aiter);
        DISPATCH();
    }

    TARGET(ASYNC_GEN_WRAP) {
        RpObject *v = TOP();
        RpObject *w = _RpAsyncGen_Wrap(v);
        if (w == NULL)
            goto error;
        SET_TOP(w);
        Rp_DECREF(v);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        RpObject *type = POP();
        RpObject *exc = TOP();
        RpObject *match = NULL, *rest = NULL;
        int r = _RpExc_ExceptionGroupMatch(exc, type, &match, &rest);
        Rp_DECREF(type);
        if (r < 0)
            goto error;
        SET_TOP(rest);
        Rp_DECREF(exc);
        PUSH(match);
        if (match != Rp_None)   /* the handler's body sees the matched part */
            Rp_XSETREF(ts->exc_info->exc_value, Rp_NewRef(match));
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        RpObject *excs = POP();
        RpObject *orig = TOP();
        RpObject *val = _RpExc_PrepReraiseStar(orig, excs);
        Rp_DECREF(excs);
        if (val == NULL)
            goto error;
        SET_TOP(val);
        Rp_DECREF(orig);
        DISPATCH();
    }

#ifndef __GNUC__
    default:
        RpErr_Format(RpExc_SystemError, "unknown opcode %d", (int)RP_INSTR_OP(word));
        goto error;
    }
#endif

error:
    /* An instruction of this frame raised (or a callee frame unwound into
     * it): record the frame in the traceback, then look for a handler. */
    add_traceback(f);

exception_unwind:
    {
        int lasti = (int)(next_instr - first_instr) - 1;
        const RpExceptionTableEntry *h = find_handler(co, lasti);
        if (h != NULL) {
            RpObject **base = STACK_BASE + h->depth;
            while (sp > base) {
                RpObject *v = POP();
                Rp_XDECREF(v);
            }
            if (h->lasti) {
                RpObject *li = RpLong_FromLong(lasti);
                if (li == NULL)
                    goto exit_unwind;
                PUSH(li);
            }
            PUSH(RpErr_GetRaisedException());
            JUMPTO(h->target);
            DISPATCH();
        }
    }

exit_unwind:
    /* No handler in this frame: unwind it and continue in the caller. */
    while (sp > STACK_BASE) {
        RpObject *v = POP();
        Rp_XDECREF(v);
    }
    SAVE_SP();
    ts->recursion_depth--;
    if (f->is_entry) {
        ts->frame = f->previous;
        return NULL;
    }
    {
        RpFrame *caller = f->previous;
        ts->frame = caller;
        clear_and_pop(ts, f);
        f = caller;
        LOAD_FRAME();
        goto error;
    }

start_failed:
    /* The frame never started (recursion limit): no traceback entry. */
    SAVE_SP();
    if (f->is_entry) {
        ts->frame = f->previous;
        return NULL;
    }
    {
        RpFrame *caller = f->previous;
        ts->frame = caller;
        clear_and_pop(ts, f);
        f = caller;
        LOAD_FRAME();
        goto error;
    }
}
