/* errors.h -- raising, catching and printing exceptions (prefix RpErr_,
 * RpException_, RpTraceBack_; the exception types are RpExc_*).
 *
 * The thread state holds one "current raised exception" (an exception
 * instance, never a (type, value, tb) triple).  Raising with a type and a
 * message creates the instance at once.  The handled-exception stack
 * (sys.exc_info(), the implicit __context__) lives in the thread state too.
 *
 * errors.c: the RpErr_ API; exceptions.c: the exception types;
 * traceback.c: traceback objects and printing.
 */
#ifndef RP_ERRORS_H
#define RP_ERRORS_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"
#include <stdarg.h>

/* ---- raising ---- */
void RpErr_SetObject(RpObject *type, RpObject *value); /* value: instance, args tuple, or single arg */
void RpErr_SetString(RpObject *type, const char *msg);
void RpErr_SetNone(RpObject *type);
/* printf-like: %s %d %i %u %ld %lld %zd %zu %x %c %p %% and
 * %R (repr of an RpObject*), %S (str of it), %U (an str object),
 * %T (the type name of an object); precision as in %.200s. Returns NULL. */
RpObject *RpErr_Format(RpObject *type, const char *fmt, ...);
RpObject *RpErr_FormatV(RpObject *type, const char *fmt, va_list va);
RpObject *RpErr_NoMemory(void);
int RpErr_BadArgument(void);        /* TypeError "bad argument type for built-in operation"; returns 0 */
void RpErr_BadInternalCall(void);
RpObject *RpErr_SetFromErrno(RpObject *type);            /* OSError subclasses by errno */
RpObject *RpErr_SetFromErrnoWithFilename(RpObject *type, const char *filename);
/* Set the current exception to exc (steals; NULL clears).  __context__ is
 * NOT added here; the VM adds it when raising inside a handler. */
void RpErr_SetRaisedException(RpObject *exc);
/* Take the current exception (new ref, or NULL) and clear it. */
RpObject *RpErr_GetRaisedException(void);

/* ---- inspecting ---- */
RpObject *RpErr_Occurred(void);     /* borrowed: the *type* of the current exception, or NULL */
int RpErr_ExceptionMatches(RpObject *exc_type);  /* current vs type or tuple */
int RpErr_GivenExceptionMatches(RpObject *given, RpObject *exc_type); /* given: type or instance */
void RpErr_Clear(void);
/* Print the current exception with its traceback to sys.stderr (or stderr)
 * and clear it.  Handles SystemExit?  No: see Rp_HandleSystemExit. */
void RpErr_Print(void);
void RpErr_Display(RpObject *exc);  /* print exc (chain included) without clearing */
/* For errors in places that cannot propagate (__del__, weakref callbacks,
 * gc callbacks): "Exception ignored in: <obj repr>" + traceback, then clear. */
void RpErr_WriteUnraisable(RpObject *where);
/* Warnings: print "file:line: Category: message" to stderr once. 0 / -1. */
int RpErr_WarnEx(RpObject *category, const char *msg, Rp_ssize_t stacklevel);

/* Normalize-then-chain helper used by C code that raises while handling:
 * sets the new current exception's __context__ to `context` (steals). */
void _RpErr_ChainExceptions(RpObject *context);

/* ---- exception objects ---- */
typedef struct RpBaseExceptionObject {
    RpObject_HEAD
    RpObject *dict;
    RpObject *args;             /* tuple */
    RpObject *notes;            /* 3.11 __notes__, or NULL */
    RpObject *traceback;        /* traceback object or NULL */
    RpObject *context;
    RpObject *cause;
    char suppress_context;
} RpBaseExceptionObject;
/* StopIteration keeps .value, SystemExit .code, KeyError etc. just args,
 * OSError errno/strerror/filename, SyntaxError filename/lineno/offset/text/msg,
 * NameError/AttributeError .name, ImportError .name/.path. */
typedef struct { RpBaseExceptionObject base; RpObject *value; } RpStopIterationObject;
typedef struct { RpBaseExceptionObject base; RpObject *code; } RpSystemExitObject;
typedef struct { RpBaseExceptionObject base; RpObject *myerrno, *strerror, *filename; } RpOSErrorObject;
typedef struct { RpBaseExceptionObject base; RpObject *msg, *filename, *lineno, *offset,
                 *text, *end_lineno, *end_offset, *print_file_and_line; } RpSyntaxErrorObject;
typedef struct { RpBaseExceptionObject base; RpObject *name, *obj; } RpAttributeErrorObject;
typedef struct { RpBaseExceptionObject base; RpObject *name; } RpNameErrorObject;
typedef struct { RpBaseExceptionObject base; RpObject *msg, *name, *path; } RpImportErrorObject;
typedef struct { RpBaseExceptionObject base; RpObject *encoding, *object; Rp_ssize_t start, end;
                 RpObject *reason; } RpUnicodeErrorObject;
/* BaseExceptionGroup / ExceptionGroup: message (str) and exceptions (tuple). */
typedef struct { RpBaseExceptionObject base; RpObject *msg, *excs; } RpBaseExceptionGroupObject;

/* X-macro: every built-in exception, with its base, in CPython's tree.
 * EXC(name, base, struct) -- RpExc_<name> is an RpObject* to the type. */
#define RP_FOR_EACH_EXCEPTION(EXC) \
    EXC(BaseException, NULL, RpBaseExceptionObject) \
    EXC(SystemExit, BaseException, RpSystemExitObject) \
    EXC(KeyboardInterrupt, BaseException, RpBaseExceptionObject) \
    EXC(GeneratorExit, BaseException, RpBaseExceptionObject) \
    EXC(BaseExceptionGroup, BaseException, RpBaseExceptionGroupObject) \
    EXC(Exception, BaseException, RpBaseExceptionObject) \
    EXC(ExceptionGroup, BaseExceptionGroup, RpBaseExceptionGroupObject) \
    EXC(StopIteration, Exception, RpStopIterationObject) \
    EXC(StopAsyncIteration, Exception, RpBaseExceptionObject) \
    EXC(ArithmeticError, Exception, RpBaseExceptionObject) \
    EXC(FloatingPointError, ArithmeticError, RpBaseExceptionObject) \
    EXC(OverflowError, ArithmeticError, RpBaseExceptionObject) \
    EXC(ZeroDivisionError, ArithmeticError, RpBaseExceptionObject) \
    EXC(AssertionError, Exception, RpBaseExceptionObject) \
    EXC(AttributeError, Exception, RpAttributeErrorObject) \
    EXC(BufferError, Exception, RpBaseExceptionObject) \
    EXC(EOFError, Exception, RpBaseExceptionObject) \
    EXC(ImportError, Exception, RpImportErrorObject) \
    EXC(ModuleNotFoundError, ImportError, RpImportErrorObject) \
    EXC(LookupError, Exception, RpBaseExceptionObject) \
    EXC(IndexError, LookupError, RpBaseExceptionObject) \
    EXC(KeyError, LookupError, RpBaseExceptionObject) \
    EXC(MemoryError, Exception, RpBaseExceptionObject) \
    EXC(NameError, Exception, RpNameErrorObject) \
    EXC(UnboundLocalError, NameError, RpNameErrorObject) \
    EXC(OSError, Exception, RpOSErrorObject) \
    EXC(BlockingIOError, OSError, RpOSErrorObject) \
    EXC(ChildProcessError, OSError, RpOSErrorObject) \
    EXC(ConnectionError, OSError, RpOSErrorObject) \
    EXC(BrokenPipeError, ConnectionError, RpOSErrorObject) \
    EXC(ConnectionAbortedError, ConnectionError, RpOSErrorObject) \
    EXC(ConnectionRefusedError, ConnectionError, RpOSErrorObject) \
    EXC(ConnectionResetError, ConnectionError, RpOSErrorObject) \
    EXC(FileExistsError, OSError, RpOSErrorObject) \
    EXC(FileNotFoundError, OSError, RpOSErrorObject) \
    EXC(InterruptedError, OSError, RpOSErrorObject) \
    EXC(IsADirectoryError, OSError, RpOSErrorObject) \
    EXC(NotADirectoryError, OSError, RpOSErrorObject) \
    EXC(PermissionError, OSError, RpOSErrorObject) \
    EXC(ProcessLookupError, OSError, RpOSErrorObject) \
    EXC(TimeoutError, OSError, RpOSErrorObject) \
    EXC(ReferenceError, Exception, RpBaseExceptionObject) \
    EXC(RuntimeError, Exception, RpBaseExceptionObject) \
    EXC(NotImplementedError, RuntimeError, RpBaseExceptionObject) \
    EXC(RecursionError, RuntimeError, RpBaseExceptionObject) \
    EXC(SyntaxError, Exception, RpSyntaxErrorObject) \
    EXC(IndentationError, SyntaxError, RpSyntaxErrorObject) \
    EXC(TabError, IndentationError, RpSyntaxErrorObject) \
    EXC(SystemError, Exception, RpBaseExceptionObject) \
    EXC(TypeError, Exception, RpBaseExceptionObject) \
    EXC(ValueError, Exception, RpBaseExceptionObject) \
    EXC(UnicodeError, ValueError, RpBaseExceptionObject) \
    EXC(UnicodeDecodeError, UnicodeError, RpUnicodeErrorObject) \
    EXC(UnicodeEncodeError, UnicodeError, RpUnicodeErrorObject) \
    EXC(UnicodeTranslateError, UnicodeError, RpUnicodeErrorObject) \
    EXC(Warning, Exception, RpBaseExceptionObject) \
    EXC(DeprecationWarning, Warning, RpBaseExceptionObject) \
    EXC(PendingDeprecationWarning, Warning, RpBaseExceptionObject) \
    EXC(RuntimeWarning, Warning, RpBaseExceptionObject) \
    EXC(SyntaxWarning, Warning, RpBaseExceptionObject) \
    EXC(UserWarning, Warning, RpBaseExceptionObject) \
    EXC(FutureWarning, Warning, RpBaseExceptionObject) \
    EXC(ImportWarning, Warning, RpBaseExceptionObject) \
    EXC(UnicodeWarning, Warning, RpBaseExceptionObject) \
    EXC(BytesWarning, Warning, RpBaseExceptionObject) \
    EXC(ResourceWarning, Warning, RpBaseExceptionObject) \
    EXC(EncodingWarning, Warning, RpBaseExceptionObject)

#define RP_DECLARE_EXC(name, base, st) extern RpObject *RpExc_##name;
RP_FOR_EACH_EXCEPTION(RP_DECLARE_EXC)
#undef RP_DECLARE_EXC
/* Aliases */
#define RpExc_EnvironmentError RpExc_OSError
#define RpExc_IOError RpExc_OSError

/* Ready all exception types, then make the preallocated MemoryError
 * (_RpExc_Init calls _RpErr_Init itself).  0 / -1. */
int _RpExc_Init(void);
void _RpExc_Fini(void);          /* also calls _RpErr_Fini */
int _RpErr_Init(void);
void _RpErr_Fini(void);
#define RpExceptionClass_Check(x) \
    (RpType_Check(x) && RpType_FastSubclass((RpTypeObject *)(x), RP_TPFLAGS_BASE_EXC_SUBCLASS))
#define RpExceptionInstance_Check(x) \
    RpType_FastSubclass(Rp_TYPE(x), RP_TPFLAGS_BASE_EXC_SUBCLASS)
RpObject *RpException_GetTraceback(RpObject *exc);  /* new ref or NULL */
int RpException_SetTraceback(RpObject *exc, RpObject *tb); /* tb: traceback or None */
RpObject *RpException_GetContext(RpObject *exc);    /* new ref or NULL */
void RpException_SetContext(RpObject *exc, RpObject *ctx);  /* steals ctx */
RpObject *RpException_GetCause(RpObject *exc);
void RpException_SetCause(RpObject *exc, RpObject *cause);  /* steals */
/* Build exc = type(*args) for a single message object; new ref. */
RpObject *_RpExc_Create(RpObject *type, RpObject *value);
/* except* support (CHECK_EG_MATCH, PREP_RERAISE_STAR): split exc by the
 * except* clause's type into new refs *match and *rest (None when empty);
 * 0 / -1.  And what the whole statement re-raises, given the original
 * exception and the list of exceptions raised or left over (new ref, None
 * for nothing). */
int _RpExc_ExceptionGroupMatch(RpObject *exc, RpObject *type, RpObject **match,
                               RpObject **rest);
RpObject *_RpExc_PrepReraiseStar(RpObject *orig, RpObject *excs);
RpObject *_RpExcGroup_New(RpTypeObject *type, RpObject *args, RpObject *kwds);
RpObject *_RpExcGroup_Str(RpObject *self);
extern RpMethodDef _RpExcGroup_Methods[];
#define _RpBaseExceptionGroup_Check(x) \
    RpObject_TypeCheck((x), (RpTypeObject *)RpExc_BaseExceptionGroup)
/* StopIteration carrying `value` (for generator return). */
int _RpGen_SetStopIterationValue(RpObject *value);
/* If the current exception is StopIteration, clear it and return its value
 * (new ref) in *pvalue; 0 ok, -1 other error pending. */
int _RpGen_FetchStopIterationValue(RpObject **pvalue);

/* ---- tracebacks (traceback.c) ---- */
typedef struct RpTracebackObject {
    RpObject_HEAD
    struct RpTracebackObject *tb_next;
    RpObject *tb_frame;     /* frame object */
    int tb_lasti;           /* instruction index */
    int tb_lineno;
} RpTracebackObject;
extern RpTypeObject RpTraceBack_Type;
/* Add a traceback entry for `frame` to the current exception. 0 / -1. */
int RpTraceBack_Here(RpObject *frame_obj);
/* Print "Traceback (most recent call last):" and entries to the file-like
 * or to stderr (file NULL). 0 / -1. */
int RpTraceBack_Print(RpObject *tb, RpObject *file);
void _RpTraceBack_Fini(void);   /* drops the source-line cache */
/* Append line `lineno` of a source file, stripped, after `indent` spaces
 * and with a newline (nothing if the file cannot be read). */
void _RpTraceBack_AppendSourceLine(RpStrBuf *b, const char *filename, int lineno, int indent);

#endif
