/* refpy.h -- the public embedding API of refpy, the only installed header.
 *
 * Reference rules (CPython's, on purpose):
 *   - every function returning RpObject * returns a NEW reference unless its
 *     comment says "borrowed";
 *   - no function steals a reference to an argument unless its comment says
 *     "steals";
 *   - errors: a function returns NULL (or -1) with the thread's current
 *     exception set.  RpErr_Occurred() tells whether one is set.
 *
 * Every object starts with the same header: its reference count (a signed
 * machine word) and a pointer to its type.  Container objects additionally
 * carry a two-word GC header placed *before* this header (see gc.h).
 */
#ifndef REFPY_H
#define REFPY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define REFPY_VERSION "0.1.0"

typedef ptrdiff_t Rp_ssize_t;
typedef Rp_ssize_t Rp_hash_t;

#if defined(__GNUC__)
#define RP_EXPORT __attribute__((visibility("default")))
#define RP_NORETURN __attribute__((noreturn))
#define RP_UNUSED __attribute__((unused))
#define RP_LIKELY(x) __builtin_expect(!!(x), 1)
#define RP_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define RP_EXPORT
#define RP_NORETURN
#define RP_UNUSED
#define RP_LIKELY(x) (x)
#define RP_UNLIKELY(x) (x)
#endif

struct RpTypeObject;

typedef struct RpObject {
    Rp_ssize_t ob_refcnt;
    struct RpTypeObject *ob_type;
} RpObject;

typedef struct RpVarObject {
    RpObject ob_base;
    Rp_ssize_t ob_size; /* number of items in the variable part */
} RpVarObject;

#define RpObject_HEAD RpObject ob_base;
#define RpObject_VAR_HEAD RpVarObject ob_base;
#define RpObject_HEAD_INIT(type) { 1, (type) }
#define RpVarObject_HEAD_INIT(type, size) { RpObject_HEAD_INIT(type), (size) }

#define _RpObject_CAST(op) ((RpObject *)(op))
#define Rp_TYPE(op) (_RpObject_CAST(op)->ob_type)
#define Rp_REFCNT(op) (_RpObject_CAST(op)->ob_refcnt)
#define Rp_SIZE(op) (((RpVarObject *)(op))->ob_size)
#define Rp_SET_SIZE(op, n) (((RpVarObject *)(op))->ob_size = (n))
#define Rp_SET_TYPE(op, t) (_RpObject_CAST(op)->ob_type = (t))
#define Rp_IS_TYPE(op, t) (Rp_TYPE(op) == (t))

/* Called when a count reaches zero: runs the type's dealloc. */
RP_EXPORT void _Rp_Dealloc(RpObject *op);

#ifdef RP_REF_DEBUG
/* Debug builds keep a total of all counts and abort, with file and line,
 * the moment any count goes negative. */
extern Rp_ssize_t _Rp_RefTotal;
RP_EXPORT RP_NORETURN void _Rp_NegativeRefcount(const char *file, int line,
                                                RpObject *op);
static inline void _Rp_INCREF(RpObject *op) { _Rp_RefTotal++; op->ob_refcnt++; }
static inline void _Rp_DECREF(const char *file, int line, RpObject *op)
{
    _Rp_RefTotal--;
    if (--op->ob_refcnt != 0) {
        if (op->ob_refcnt < 0)
            _Rp_NegativeRefcount(file, line, op);
    } else {
        _Rp_Dealloc(op);
    }
}
#define Rp_INCREF(op) _Rp_INCREF(_RpObject_CAST(op))
#define Rp_DECREF(op) _Rp_DECREF(__FILE__, __LINE__, _RpObject_CAST(op))
#else
static inline void _Rp_INCREF(RpObject *op) { op->ob_refcnt++; }
static inline void _Rp_DECREF(RpObject *op)
{
    if (--op->ob_refcnt == 0)
        _Rp_Dealloc(op);
}
#define Rp_INCREF(op) _Rp_INCREF(_RpObject_CAST(op))
#define Rp_DECREF(op) _Rp_DECREF(_RpObject_CAST(op))
#endif

static inline void _Rp_XINCREF(RpObject *op) { if (op) Rp_INCREF(op); }
#define Rp_XINCREF(op) _Rp_XINCREF(_RpObject_CAST(op))
#define Rp_XDECREF(op)                                  \
    do {                                                \
        RpObject *_rp_tmp = _RpObject_CAST(op);         \
        if (_rp_tmp != NULL)                            \
            Rp_DECREF(_rp_tmp);                         \
    } while (0)
/* Drop the reference held in a variable and set the variable to NULL
 * *before* the decref, so a dealloc that reaches back sees NULL. */
#define Rp_CLEAR(op)                                    \
    do {                                                \
        RpObject *_rp_tmp = _RpObject_CAST(op);         \
        if (_rp_tmp != NULL) {                          \
            (op) = NULL;                                \
            Rp_DECREF(_rp_tmp);                         \
        }                                               \
    } while (0)
/* Replace the reference in dst by src (steals src), dropping the old one
 * after the store. */
#define Rp_SETREF(dst, src)                             \
    do {                                                \
        RpObject *_rp_old = _RpObject_CAST(dst);        \
        (dst) = (src);                                  \
        Rp_DECREF(_rp_old);                             \
    } while (0)
#define Rp_XSETREF(dst, src)                            \
    do {                                                \
        RpObject *_rp_old = _RpObject_CAST(dst);        \
        (dst) = (src);                                  \
        Rp_XDECREF(_rp_old);                            \
    } while (0)
static inline RpObject *_Rp_NewRef(RpObject *op) { Rp_INCREF(op); return op; }
static inline RpObject *_Rp_XNewRef(RpObject *op) { Rp_XINCREF(op); return op; }
#define Rp_NewRef(op) _Rp_NewRef(_RpObject_CAST(op))
#define Rp_XNewRef(op) _Rp_XNewRef(_RpObject_CAST(op))

/* The singletons.  Use Rp_None etc.; they are statically allocated. */
RP_EXPORT extern RpObject _Rp_NoneStruct;
RP_EXPORT extern RpObject _Rp_NotImplementedStruct;
RP_EXPORT extern RpObject _Rp_EllipsisObject;
#define Rp_None (&_Rp_NoneStruct)
#define Rp_NotImplemented (&_Rp_NotImplementedStruct)
#define Rp_Ellipsis (&_Rp_EllipsisObject)
#define Rp_RETURN_NONE return Rp_NewRef(Rp_None)
#define Rp_RETURN_NOTIMPLEMENTED return Rp_NewRef(Rp_NotImplemented)

/* ---- Embedding: the life of an interpreter ------------------------------ */

/* Create the (one) interpreter and its main thread state.  0 or -1. */
RP_EXPORT int Rp_Initialize(void);
/* Run atexit handlers, collect, and free everything.  Returns 0, or -1 when
 * something could not be flushed.  After it, Rp_Initialize may run again. */
RP_EXPORT int Rp_Finalize(void);
RP_EXPORT int Rp_IsInitialized(void);
/* sys.argv for the scripts that follow. 0 or -1. */
RP_EXPORT int Rp_SetArgv(int argc, char **argv);

/* Run source text as the __main__ module.  Returns 0 on success; on an
 * uncaught exception prints the traceback to stderr and returns -1;
 * SystemExit is not handled here (see Rp_HandleSystemExit). */
RP_EXPORT int RpRun_SimpleString(const char *source);
RP_EXPORT int RpRun_SimpleFile(FILE *fp, const char *filename);
/* Evaluate an expression in the __main__ namespace; new reference or NULL. */
RP_EXPORT RpObject *RpRun_Eval(const char *expression);

/* ---- Objects seen from C (a small stable subset) ------------------------ */
RP_EXPORT RpObject *RpLong_FromLongLong(long long v);
RP_EXPORT long long RpLong_AsLongLong(RpObject *v);  /* -1 + exception */
RP_EXPORT RpObject *RpFloat_FromDouble(double v);
RP_EXPORT double RpFloat_AsDouble(RpObject *v);      /* -1.0 + exception */
RP_EXPORT RpObject *RpUnicode_FromString(const char *utf8);
/* Borrowed UTF-8 buffer, valid while the object lives. NULL on error. */
RP_EXPORT const char *RpUnicode_AsUTF8(RpObject *s);
RP_EXPORT RpObject *RpObject_GetAttrString(RpObject *o, const char *name);
RP_EXPORT int RpObject_SetAttrString(RpObject *o, const char *name, RpObject *v);
RP_EXPORT RpObject *RpObject_Repr(RpObject *o);
RP_EXPORT RpObject *RpObject_Str(RpObject *o);
/* Call with a tuple of positional args and an optional kwargs dict. */
RP_EXPORT RpObject *RpObject_Call(RpObject *callable, RpObject *args,
                                  RpObject *kwargs);
RP_EXPORT RpObject *RpObject_CallNoArgs(RpObject *callable);
RP_EXPORT RpObject *RpObject_CallOneArg(RpObject *callable, RpObject *arg);
/* Borrowed reference to module __main__'s global of that name, or NULL
 * (no exception set) when it does not exist. */
RP_EXPORT RpObject *RpMain_GetGlobal(const char *name);
RP_EXPORT int RpMain_SetGlobal(const char *name, RpObject *value);

RP_EXPORT RpObject *RpErr_Occurred(void);  /* borrowed */
RP_EXPORT void RpErr_Clear(void);
RP_EXPORT void RpErr_Print(void);          /* print and clear */

#ifdef __cplusplus
}
#endif
#endif /* REFPY_H */
