/* eval.h -- frames, the eval loop, generators and imports
 * (prefix RpEval_, RpFrame_, RpGen_, RpImport_).
 * ceval.c (loop), frame.c, genobject.c, import.c, pythonrun.c.
 *
 * A call between Python functions allocates nothing from the heap: the
 * callee's RpFrame (with its localsplus and value stack inline) is carved
 * from the thread's data stack.  A Python-visible frame object
 * (RpFrameObject) is created only on demand (tracebacks, sys._getframe);
 * when its frame finishes, the frame object takes over the locals, as in
 * CPython 3.11.  A generator owns its frame inside the generator object.
 */
#ifndef RP_EVAL_H
#define RP_EVAL_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"
#include "../memory/gc.h"
#include <stddef.h>
#include "code.h"
#include "state.h"

typedef struct RpFrame {
    RpCodeObject *f_code;        /* strong */
    RpObject *f_func;            /* strong; the function (NULL for module/class code) */
    RpObject *f_globals;         /* borrowed from f_func or strong for module code */
    RpObject *f_builtins;        /* borrowed; strong too when f_func is NULL */
    RpObject *f_locals;          /* strong; dict for module/class bodies, else NULL */
    struct RpFrame *previous;    /* the caller */
    struct RpFrameObject *frame_obj; /* strong, or NULL */
    const uint32_t *next_instr;  /* next instruction to execute */
    int stacktop;                /* index into localsplus of the first free stack slot */
    char owner;                  /* RP_FRAME_OWNED_BY_THREAD / _GENERATOR / _FRAME_OBJECT */
    char is_entry;               /* returns to C when done */
    RpObject *localsplus[1];     /* locals, cells, frees, then the value stack */
} RpFrame;
#define RP_FRAME_OWNED_BY_THREAD 0
#define RP_FRAME_OWNED_BY_GENERATOR 1
#define RP_FRAME_OWNED_BY_FRAME_OBJECT 2

static inline int RpFrame_Lasti(RpFrame *f)
{
    return (int)(f->next_instr - f->f_code->co_code) - 1;
}

/* The Python-visible frame object. */
typedef struct RpFrameObject {
    RpObject_HEAD
    RpFrame *f_frame;            /* points into the data stack, a generator, or _f_owned */
    struct RpFrameObject *f_back;/* materialized caller, lazily; strong */
    int f_lineno;                /* line when the frame finished (-1 while running) */
    RpObject *f_trace;
    RpObject *_f_owned_locals;   /* reserved */
    char _f_owned[1];            /* a finished frame copied here (variable size) */
} RpFrameObject;
extern RpTypeObject RpFrame_Type;
/* Get (creating if needed) the frame object of an executing frame.
 * BORROWED (the frame holds it), as CPython's; NULL + MemoryError. */
RpFrameObject *_RpFrame_GetFrameObject(RpFrame *f);
int RpFrame_GetLineNumber(RpFrameObject *f);

/* ---- frame internals (ceval.c, frame.c, genobject.c) ---- */
/* Bytes needed for a frame of this code: header, locals, cells, frees and
 * the value stack. */
static inline size_t _RpFrame_SizeOf(RpCodeObject *co)
{
    return offsetof(RpFrame, localsplus) +
           (size_t)(co->co_nlocalsplus + co->co_stacksize) * sizeof(RpObject *);
}
/* Fill in a freshly carved frame: strong refs to code and func (may be
 * NULL); globals/builtins are borrowed from func, or taken as strong refs
 * when func is NULL; locals (may be NULL) is taken as a strong ref.  All
 * localsplus slots start NULL. */
static inline void _RpFrame_Init(RpFrame *f, RpCodeObject *co, RpObject *func,
                                 RpObject *globals, RpObject *builtins,
                                 RpObject *locals)
{
    Rp_INCREF(co);
    f->f_code = co;
    f->f_func = func;
    f->f_globals = globals;
    f->f_builtins = builtins;
    if (func != NULL) {
        Rp_INCREF(func);
    } else {
        Rp_INCREF(globals);
        Rp_INCREF(builtins);
    }
    f->f_locals = locals;
    Rp_XINCREF(locals);
    f->previous = NULL;
    f->frame_obj = NULL;
    f->next_instr = co->co_code;
    f->stacktop = co->co_nlocalsplus;
    f->owner = RP_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++)
        f->localsplus[i] = NULL;
}
/* Release what a finished frame holds: locals in slot order 0..n (users
 * see __del__ order), then its stack, f_locals, f_func, f_code.  If a frame
 * object still references it, the frame object takes the frame over
 * instead (tracebacks keep locals alive).  The frame must already be
 * unlinked from the thread's frame chain. */
void _RpFrame_Clear(RpFrame *f);
/* Visit what a (non-executing) frame holds, for tp_traverse. */
int _RpFrame_Traverse(RpFrame *f, visitproc visit, void *arg);
/* Move a frame to new memory (references move with it). */
void _RpFrame_Move(RpFrame *dst, RpFrame *src);
/* Sync fast locals into f_locals (a dict) and return it, borrowed. */
RpObject *_RpFrame_FastToLocals(RpFrame *f);
/* The builtins dict for code running with `globals`: globals['__builtins__']
 * (a module's dict or a dict), else the interpreter's.  Borrowed. */
RpObject *_RpEval_BuiltinsFromGlobals(RpObject *globals);

/* ---- inline caches (ceval.c) ----
 * A code object's co_extra, built on the first execution of an instruction
 * that uses a cache: one entry per LOAD_GLOBAL / LOAD_ATTR / LOAD_METHOD /
 * STORE_ATTR instruction, found through a per-instruction index.  One
 * RpMem_Malloc block (the code's dealloc frees it).  Entries hold only
 * borrowed pointers, valid while the versions they were stored with are
 * current: dict versions (ma_version_tag) are globally unique per
 * mutation, type version tags are unique per type state. */
typedef struct RpGlobalCache {
    uint64_t globals_ver, builtins_ver;   /* 0: empty */
    RpObject *value;                      /* borrowed from one of the dicts */
} RpGlobalCache;
typedef struct RpAttrCache {
    unsigned int tp_version;   /* 0: empty */
    int kind;                  /* RP_ATTR_CACHE_* */
    RpObject *descr;           /* borrowed from the type's MRO dicts */
    unsigned int hint;         /* position in the instance's inline table */
} RpAttrCache;
#define RP_ATTR_CACHE_INSTANCE 1   /* no class attribute: the instance's own (LOAD/STORE_ATTR) */
#define RP_ATTR_CACHE_METHOD 2     /* a method descriptor on the type (LOAD_METHOD) */
typedef union RpInlineCache {
    RpGlobalCache g;
    RpAttrCache a;
} RpInlineCache;
typedef struct RpCodeCaches {
    uint32_t *index;           /* instruction index -> entry */
    RpInlineCache entries[];   /* then the index array */
} RpCodeCaches;

/* ---- running code ---- */
/* Execute a module- or class-level code object with the given namespaces;
 * new ref to the result or NULL. */
RpObject *RpEval_EvalCode(RpObject *code, RpObject *globals, RpObject *locals);
/* The vectorcall of function objects. */
RpObject *RpEval_FunctionVectorcall(RpObject *func, RpObject *const *args,
                                    size_t nargsf, RpObject *kwnames);
/* Run the eval loop on a prepared frame until it returns or yields. */
RpObject *_RpEval_EvalFrame(RpThreadState *ts, RpFrame *f, int throwflag);
/* Run a class body: the code of `func` (made by MAKE_FUNCTION from the
 * class statement's body) executes with f_locals = ns (the class
 * namespace), func's globals and closure.  Returns the body's return value
 * (the __class__ cell or None).  Used by builtins.__build_class__. */
RpObject *_RpEval_CallClassBody(RpObject *func, RpObject *ns);
RpObject *RpEval_GetBuiltins(void);   /* borrowed: the current frame's or the interpreter's */
RpObject *RpEval_GetGlobals(void);    /* borrowed or NULL */
RpObject *RpEval_GetLocals(void);     /* borrowed or NULL (locals() dict) */
/* Ask the loop to service the eval breaker soon (thread-safe). */
void _RpEval_SignalBreaker(int bits);
/* Run pending work: a deferred GC collection, signal handlers (Ctrl-C ->
 * KeyboardInterrupt), GIL drop requests.  0 / -1. */
int _RpEval_HandleBreaker(RpThreadState *ts);

/* Install the SIGINT handler that turns Ctrl-C into KeyboardInterrupt
 * through the eval breaker (Rp_Initialize); restore the default one. */
void _RpEval_InitSignals(void);
void _RpEval_FiniSignals(void);
/* Consume a pending Ctrl-C (the REPL's input loop): 1 if there was one. */
int _RpEval_TakeSigint(void);

/* ---- helpers of the eval loop (ceval_helpers.c); CPython's messages ---- */
/* Bind a call's arguments into a new frame's localsplus (borrowed args,
 * the frame gets new references).  -1 + TypeError. */
int _RpEval_BindArgs(RpFunctionObject *func, RpObject **localsplus,
                     RpObject *const *args, Rp_ssize_t argcount, RpObject *kwnames);
/* "mod.qualname()" as CPython's _PyObject_FunctionStr. */
RpObject *_RpEval_FunctionStr(RpObject *func);
/* Unpack v into argcnt items (+ a list and argcntafter items when
 * argcntafter >= 0), storing downward from sp (exclusive).  0 / -1. */
int _RpEval_UnpackIterable(RpObject *v, int argcnt, int argcntafter, RpObject **sp);
void _RpEval_FormatUnbound(RpCodeObject *co, int oparg);
void _RpEval_NameError(RpObject *name);
RpObject *_RpEval_LookupSpecial(RpObject *o, RpObject *name);
int _RpEval_CheckExceptType(RpObject *right);
int _RpEval_DoRaise(RpObject *exc, RpObject *cause);   /* steals both; 1 re-raise, 0 raised */
RpObject *_RpEval_FormatValue(RpObject *value, int conv, RpObject *spec);
int _RpEval_DictMerge(RpObject *func, RpObject *dict, RpObject *update);
int _RpEval_DictUpdate(RpObject *dict, RpObject *update);
int _RpEval_ListExtend(RpObject *list, RpObject *iterable);
RpObject *_RpEval_CallFunctionEx(RpObject *func, RpObject *callargs, RpObject *kwargs);
RpObject *_RpEval_BinaryOp(int op, RpObject *a, RpObject *b);
RpObject *_RpEval_AnnotationsDict(RpObject *ann);
RpObject *_RpEval_ImportName(RpFrame *f, RpObject *name, RpObject *fromlist, RpObject *level);
RpObject *_RpEval_ImportFrom(RpObject *v, RpObject *name);
int _RpEval_ImportAllFrom(RpObject *locals, RpObject *v);
int _RpEval_MatchMapping(RpObject *subject);
int _RpEval_MatchSequence(RpObject *subject);
RpObject *_RpEval_MatchKeys(RpObject *subject, RpObject *keys);
RpObject *_RpEval_MatchClass(RpObject *subject, RpObject *cls, int nargs, RpObject *kwargs);
RpObject *_RpEval_CopyDictWithoutKeys(RpObject *subject, RpObject *keys);
/* async for / async with (GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH). */
RpObject *_RpEval_GetAIter(RpObject *obj);
RpObject *_RpEval_GetANext(RpObject *aiter);
RpObject *_RpEval_BeforeAsyncWith(RpObject *mgr, RpObject **exitp);

/* ---- generators ---- */
typedef struct RpGenObject {
    RpObject_HEAD
    RpObject *gi_name, *gi_qualname;
    RpObject *gi_weakreflist;
    RpObject *gi_code;
    char gi_running;             /* executing now */
    char gi_closed;              /* frame finished or closed */
    char gi_started;
    char ag_running_async;       /* async generator: an asend/athrow is in progress */
    char ag_closed;              /* async generator: finished or aclose()d */
    RpExcInfo gi_exc_state;      /* handled exception saved across yields */
    RpFrame *gi_frame;           /* points into gi_frame_data; NULL once finished */
    RpObject *gi_frame_data[1];  /* the frame (variable size) */
} RpGenObject;
/* Coroutines (async def) and async generators (async def with yield)
 * are the same object with another type: their frame runs the same way. */
extern RpTypeObject RpGen_Type, RpCoro_Type, RpAsyncGen_Type;
#define RpGen_Check(o) Rp_IS_TYPE(o, &RpGen_Type)
#define RpCoro_CheckExact(o) Rp_IS_TYPE(o, &RpCoro_Type)
#define RpAsyncGen_CheckExact(o) Rp_IS_TYPE(o, &RpAsyncGen_Type)
#define _RpGen_IsGenOrCoro(o) (RpGen_Check(o) || RpCoro_CheckExact(o))
/* The awaitable helpers (coroobject.c): coroutine.__await__()'s wrapper,
 * an async generator's asend(v)/__anext__() (arg NULL) and athrow(*args)/
 * aclose() (args NULL) objects, and the box ASYNC_GEN_WRAP puts around an
 * async generator's yielded value. */
extern RpTypeObject RpCoroWrapper_Type, RpAsyncGenASend_Type, RpAsyncGenAThrow_Type,
    RpAsyncGenWrapped_Type;
RpObject *_RpCoroWrapper_New(RpObject *coro);
RpObject *_RpAsyncGenASend_New(RpObject *agen, RpObject *arg);
RpObject *_RpAsyncGenAThrow_New(RpObject *agen, RpObject *args);
RpObject *_RpAsyncGen_Wrap(RpObject *v);
/* The iterator `await x` drives (new ref); oparg as GET_AWAITABLE's.
 * NULL + TypeError/RuntimeError. */
RpObject *_RpCoro_GetAwaitableIter(RpObject *o, int oparg);
/* The generator operations, for coroobject.c: send (StopIteration on
 * return), throw(*args), throw(instance), close(), the current delegate
 * of a `yield from`/await (new ref or NULL), and whether it finished. */
RpObject *_RpGen_SendValue(RpObject *gen, RpObject *arg);
RpObject *_RpGen_ThrowArgs(RpObject *gen, RpObject *const *args, Rp_ssize_t nargs);
RpObject *_RpGen_ThrowInstance(RpObject *gen, RpObject *exc);
RpObject *_RpGen_CloseGen(RpObject *gen);
RpObject *_RpGen_YieldFrom(RpObject *gen);
int _RpGen_Finished(RpObject *gen);
/* Make a generator that owns a copy of frame_template (its references are
 * MOVED into the generator; the caller just pops the template). */
RpObject *RpGen_NewFromCall(RpObject *func, RpFrame *frame_template);
/* gen.send(v); 0 yielded (*presult = value), 1 returned (*presult = return
 * value), -1 error.  Used by SEND and by generator methods. */
int RpGen_Send(RpObject *gen, RpObject *arg, RpObject **presult);

/* ---- imports (import.c) ---- */
/* __import__(name, globals, locals, fromlist, level): built-in C modules
 * first (see modules.h), then NAME.py / NAME/__init__.py along sys.path.
 * Caches in sys.modules. */
RpObject *RpImport_ImportModuleLevelObject(RpObject *name, RpObject *globals,
                                           RpObject *locals, RpObject *fromlist,
                                           int level);
RpObject *RpImport_ImportModule(const char *name);
RpObject *RpImport_GetModule(RpObject *name);   /* new ref from sys.modules, or NULL */
/* 1 while the module of that name is executing its body (circular-import
 * messages, e.g. moduleobject.c's "partially initialized module" hint). */
int _RpImport_IsInitializing(RpObject *modname);
/* Raise `type` (ImportError or a subclass) with msg and .name/.path
 * (either may be NULL). */
void _RpImport_SetImportError(RpObject *type, RpObject *msg, RpObject *name, RpObject *path);
/* Read a whole file / stream into an RpMem_Malloc'd, NUL-terminated
 * buffer; NULL + OSError. */
char *_RpImport_ReadSource(const char *path, Rp_ssize_t *len);
char *_RpRun_ReadStream(FILE *fp, Rp_ssize_t *len);
/* The source file of module `name` for `refpy -m` (new str or NULL). */
RpObject *_RpImport_FindSource(RpObject *name);
/* Release import state (Rp_Finalize). */
void _RpImport_Fini(void);
/* Create, register in sys.modules and execute a module from source text. */
RpObject *RpImport_ExecCodeModule(RpObject *name, RpObject *code, RpObject *filename);

/* ---- top-level running (pythonrun.c) ---- */
/* Compile and run source as __main__; see refpy.h RpRun_SimpleFile. */
int RpRun_SimpleFileEx(FILE *fp, const char *filename, int closeit);
/* If the current exception is SystemExit, clear it and return the exit
 * status it asks for (printing a non-int code to stderr), else -1. */
int Rp_HandleSystemExit(void);
/* Read-eval-print loop on stdin. */
int RpRun_InteractiveLoop(FILE *fp, const char *filename);
/* Command-line flags (main.c sets them before Rp_Initialize). */
extern int _Rp_OptimizeFlag;      /* -O: strip asserts */
extern int _Rp_ShowRefCount;      /* -X showrefcount (RP_REF_DEBUG builds) */
extern int _Rp_InteractiveFlag;   /* running the REPL */
/* Run a file as __main__ by module name (refpy -m NAME). 0 / -1. */
int RpRun_Module(const char *modname);
/* The filename as CPython shows it for a script: absolute. New str. */
RpObject *_RpRun_AbsPath(const char *filename);

#endif
