/* modules.h -- the built-in modules written in C (prefix RpModules_).
 * Each module file defines one init function that creates and returns the
 * module object (new reference) or NULL.  The table below is how import
 * finds them; `builtins` and `sys` are created at startup, the rest on
 * first import.
 */
#ifndef RP_MODULES_H
#define RP_MODULES_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"

typedef RpObject *(*RpModuleInitFunc)(void);
typedef struct RpBuiltinModule {
    const char *name;
    RpModuleInitFunc init;
} RpBuiltinModule;

RpObject *RpInit_builtins(void);  /* builtinmodule.c */
RpObject *RpInit_sys(void);       /* sysmodule.c */
RpObject *RpInit_gc(void);        /* gcmodule.c */
RpObject *RpInit__weakref(void);  /* weakrefmodule.c: ref, proxy, getweakrefcount... */
RpObject *RpInit_atexit(void);    /* atexitmodule.c */
RpObject *RpInit_time(void);      /* timemodule.c */
RpObject *RpInit_math(void);      /* mathmodule.c */
RpObject *RpInit__refpy(void);    /* refpymodule.c: header/refcount/graph tools */
RpObject *RpInit_posix(void);     /* posixmodule.c: behind lib/os.py */
RpObject *RpInit__thread(void);   /* threadmodule.c: behind lib/threading.py */
RpObject *RpInit__random(void);   /* randommodule.c: the Mersenne Twister of lib/random.py */
extern RpTypeObject RpRandom_Type;
RpObject *RpInit__sha512(void);   /* sha512module.c: string seeds of lib/random.py */
RpObject *RpInit__multiprocessing(void); /* mpmodule.c: SemLock, Shm, the wire */
RpObject *RpInit__signal(void);   /* signalmodule.c: behind lib/signal.py */
RpObject *RpInit__re(void);       /* remodule.c: regex engine behind lib/re.py */
RpObject *RpInit__json(void);     /* jsonmodule.c: scanstring, encode_basestring(_ascii) */
RpObject *RpInit__ast(void);     /* astmodule.c: the parser behind lib/ast.py */
extern RpTypeObject RpLock_Type, RpRLock_Type, RpLocal_Type;

/* NULL-terminated table, in modules.c. */
extern const RpBuiltinModule _RpModules_Table[];
/* Modules written in Python (lib/NAME.py, or lib/NAME/__init__.py for
 * packages) are embedded into the binary at build time by tools/embed.c,
 * which generates build/gen/frozen.c with this NULL-terminated table.
 * import compiles them on first use. */
typedef struct RpFrozenModule {
    const char *name;
    const char *source;
    int is_package;
} RpFrozenModule;
extern const RpFrozenModule _RpModules_Frozen[];

/* sys helpers used across the runtime */
RpObject *RpSys_GetObject(const char *name);              /* borrowed or NULL */
int RpSys_SetObject(const char *name, RpObject *v);
/* Write to sys.stdout/sys.stderr (falls back to the C streams). */
void RpSys_WriteStdout(const char *fmt, ...);
void RpSys_WriteStderr(const char *fmt, ...);
int RpFile_WriteObject(RpObject *v, RpObject *file, int flags); /* RP_PRINT_RAW: str() */
int RpFile_WriteString(const char *s, RpObject *file);
/* types.SimpleNamespace (sysmodule.c): sys.implementation and friends. */
extern RpTypeObject _RpNamespace_Type;
extern RpTypeObject _RpVersionInfo_Type;   /* sys.version_info's type */
/* sys.float_info, int_info, hash_info, thread_info, flags (sysmodule.c) */
extern RpTypeObject _RpFloatInfo_Type, _RpIntInfo_Type, _RpHashInfo_Type, _RpThreadInfo_Type,
    _RpFlags_Type;
extern RpTypeObject _RpStructTime_Type;    /* time.struct_time (timemodule.c) */
RpObject *_RpNamespace_New(RpObject *kwds);   /* kwds: dict or NULL */
/* Run atexit callbacks (last registered first). */
void _RpAtExit_Call(void);

#endif
