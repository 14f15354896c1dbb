/* object.h -- the type object, its slots, and the generic object protocols.
 *
 * Prefixes: RpObject_ (any object), RpType_ (types), RpNumber_,
 * RpSequence_, RpMapping_, RpIter_ (abstract protocols).
 * Implemented in src/objects/object.c (generic ops), abstract.c
 * (number/sequence/mapping dispatch, calls) and typeobject.c.
 *
 * Dispatch always goes through the type's slots, never through a switch on
 * a type tag.  A user class that defines __add__ gets its nb_add slot filled
 * with a function that looks __add__ up and calls it (typeobject.c), so the
 * VM and C code see one mechanism for both.
 */
#ifndef RP_OBJECT_H
#define RP_OBJECT_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif

#include "refpy.h"
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>

/* ---- slot signatures ---------------------------------------------------- */
typedef void (*destructor)(RpObject *);
typedef RpObject *(*reprfunc)(RpObject *);
typedef Rp_hash_t (*hashfunc)(RpObject *);
typedef RpObject *(*richcmpfunc)(RpObject *, RpObject *, int op);
typedef RpObject *(*getattrofunc)(RpObject *, RpObject *name);
typedef int (*setattrofunc)(RpObject *, RpObject *name, RpObject *v); /* v==NULL: delete */
typedef RpObject *(*ternaryfunc)(RpObject *, RpObject *, RpObject *);
typedef RpObject *(*binaryfunc)(RpObject *, RpObject *);
typedef RpObject *(*unaryfunc)(RpObject *);
typedef int (*inquiry)(RpObject *);
typedef Rp_ssize_t (*lenfunc)(RpObject *);
typedef RpObject *(*ssizeargfunc)(RpObject *, Rp_ssize_t);
typedef int (*ssizeobjargproc)(RpObject *, Rp_ssize_t, RpObject *);
typedef int (*objobjargproc)(RpObject *, RpObject *, RpObject *);
typedef int (*objobjproc)(RpObject *, RpObject *);
typedef int (*visitproc)(RpObject *, void *arg);
typedef int (*traverseproc)(RpObject *, visitproc visit, void *arg);
typedef RpObject *(*getiterfunc)(RpObject *);
typedef RpObject *(*iternextfunc)(RpObject *);
typedef RpObject *(*descrgetfunc)(RpObject *descr, RpObject *obj, RpObject *type);
typedef int (*descrsetfunc)(RpObject *descr, RpObject *obj, RpObject *value);
typedef int (*initproc)(RpObject *self, RpObject *args, RpObject *kwds);
typedef RpObject *(*newfunc)(struct RpTypeObject *type, RpObject *args, RpObject *kwds);
typedef RpObject *(*allocfunc)(struct RpTypeObject *type, Rp_ssize_t nitems);
typedef void (*freefunc)(void *);
/* The fast calling convention (CPython's vectorcall): args[0..nargs) are
 * positional, followed by len(kwnames) keyword values; kwnames is a tuple of
 * str or NULL.  args are borrowed.  If nargsf has RP_VECTORCALL_ARGS_OFFSET
 * set, args[-1] may be temporarily overwritten by the callee (used to
 * prepend self to a bound-method call without copying). */
typedef RpObject *(*vectorcallfunc)(RpObject *callable, RpObject *const *args,
                                    size_t nargsf, RpObject *kwnames);
#define RP_VECTORCALL_ARGS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
static inline Rp_ssize_t RpVectorcall_NARGS(size_t n)
{
    return (Rp_ssize_t)(n & ~RP_VECTORCALL_ARGS_OFFSET);
}

/* rich comparison operators, in this order (the compiler's COMPARE_OP arg) */
enum { Rp_LT = 0, Rp_LE = 1, Rp_EQ = 2, Rp_NE = 3, Rp_GT = 4, Rp_GE = 5 };

typedef struct {
    binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative, nb_positive, nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    unaryfunc nb_int, nb_float;
    binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
        nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and,
        nb_inplace_xor, nb_inplace_or;
    binaryfunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
        nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply, nb_inplace_matrix_multiply;
} RpNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;         /* index already normalized when >= 0 */
    ssizeobjargproc sq_ass_item;  /* v == NULL: delete */
    objobjproc sq_contains;       /* 1, 0, or -1 with exception */
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} RpSequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript; /* v == NULL: delete */
} RpMappingMethods;

/* C methods of types and modules (CPython's PyMethodDef). */
typedef RpObject *(*RpCFunction)(RpObject *self, RpObject *args);
typedef RpObject *(*RpCFunctionFast)(RpObject *self, RpObject *const *args,
                                     Rp_ssize_t nargs);
typedef RpObject *(*RpCFunctionFastWithKeywords)(RpObject *self,
                                                 RpObject *const *args,
                                                 Rp_ssize_t nargs,
                                                 RpObject *kwnames);
typedef RpObject *(*RpCFunctionWithKeywords)(RpObject *self, RpObject *args,
                                             RpObject *kwargs);
typedef struct RpMethodDef {
    const char *ml_name;
    RpCFunction ml_meth; /* cast according to ml_flags */
    int ml_flags;
    const char *ml_doc;
} RpMethodDef;
#define RP_METH_VARARGS 0x0001  /* (self, tuple) */
#define RP_METH_KEYWORDS 0x0002 /* with VARARGS: (self, tuple, dict|NULL) */
#define RP_METH_NOARGS 0x0004   /* (self, NULL) */
#define RP_METH_O 0x0008        /* (self, arg) */
#define RP_METH_CLASS 0x0010    /* becomes a classmethod */
#define RP_METH_STATIC 0x0020   /* becomes a staticmethod */
#define RP_METH_FASTCALL 0x0080 /* (self, args, nargs) ; with KEYWORDS: + kwnames */

/* Data members stored at an offset in the object (CPython's PyMemberDef). */
typedef struct RpMemberDef {
    const char *name;
    int type;            /* RP_T_* */
    Rp_ssize_t offset;
    int flags;           /* RP_READONLY */
    const char *doc;
} RpMemberDef;
#define RP_T_OBJECT 6     /* RpObject*; NULL reads as None */
#define RP_T_OBJECT_EX 16 /* RpObject*; NULL raises AttributeError */
#define RP_T_INT 1
#define RP_T_SSIZE 19
#define RP_T_BOOL 14
#define RP_T_DOUBLE 4
#define RP_READONLY 1

typedef RpObject *(*getter)(RpObject *, void *);
typedef int (*setter)(RpObject *, RpObject *, void *);
typedef struct RpGetSetDef {
    const char *name;
    getter get;
    setter set;           /* NULL: read-only; value NULL means delete */
    const char *doc;
    void *closure;
} RpGetSetDef;

/* ---- the type object ----------------------------------------------------- */
typedef struct RpTypeObject {
    RpObject_VAR_HEAD
    const char *tp_name;          /* "module.Name" for C types; "Name" for builtins */
    Rp_ssize_t tp_basicsize, tp_itemsize;
    destructor tp_dealloc;
    Rp_ssize_t tp_vectorcall_offset; /* >0: offset of a vectorcallfunc in instances */
    RpNumberMethods *tp_as_number;
    RpSequenceMethods *tp_as_sequence;
    RpMappingMethods *tp_as_mapping;
    hashfunc tp_hash;
    ternaryfunc tp_call;          /* (callable, args tuple, kwargs dict|NULL) */
    reprfunc tp_repr, tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    unsigned long tp_flags;
    const char *tp_doc;
    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Rp_ssize_t tp_weaklistoffset; /* offset of the weakref list head, 0: none */
    getiterfunc tp_iter;
    iternextfunc tp_iternext;     /* NULL without exception = exhausted */
    RpMethodDef *tp_methods;
    RpMemberDef *tp_members;
    RpGetSetDef *tp_getset;
    struct RpTypeObject *tp_base;
    RpObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Rp_ssize_t tp_dictoffset;     /* offset of the instance dict pointer, 0: none */
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    RpObject *tp_bases;           /* tuple */
    RpObject *tp_mro;             /* tuple */
    RpObject *tp_subclasses;      /* dict id -> weakref, or NULL */
    destructor tp_finalize;       /* PEP 442: __del__, run at most once */
    vectorcallfunc tp_vectorcall; /* how to call the *type object* itself */
    unsigned int tp_version_tag;  /* 0: invalid; changes when the type's dict changes */
    /* Heap types (classes made by `class`) keep their name and qualname as
     * objects and own their method tables; the fields below are NULL for
     * static types. */
    RpObject *ht_name, *ht_qualname, *ht_slots, *ht_module;
    RpNumberMethods ht_as_number;
    RpSequenceMethods ht_as_sequence;
    RpMappingMethods ht_as_mapping;
    /* Added after the first draft (so positional static initializers are
     * unaffected): */
    inquiry tp_is_gc;             /* per-object GC test; see RpObject_IS_GC */
    RpObject *tp_weaklist;        /* weak references to the type itself */
} RpTypeObject;

/* tp_flags */
#define RP_TPFLAGS_HEAPTYPE (1UL << 9)
#define RP_TPFLAGS_BASETYPE (1UL << 10)     /* may be subclassed */
#define RP_TPFLAGS_READY (1UL << 12)
#define RP_TPFLAGS_READYING (1UL << 13)
#define RP_TPFLAGS_HAVE_GC (1UL << 14)      /* instances carry a GC header */
#define RP_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define RP_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define RP_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define RP_TPFLAGS_MANAGED_ATTRS (1UL << 21) /* instances keep attrs inline (see typeobject.c) */
#define RP_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define RP_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define RP_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define RP_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define RP_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define RP_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define RP_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define RP_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define RP_TPFLAGS_DEFAULT 0UL

static inline int RpType_HasFeature(RpTypeObject *t, unsigned long f)
{
    return (t->tp_flags & f) != 0;
}
#define RpType_FastSubclass(t, f) RpType_HasFeature(t, f)
#define RpType_IS_GC(t) RpType_HasFeature((t), RP_TPFLAGS_HAVE_GC)
/* A type object is itself a GC object only when it is a heap type: static
 * types (RpList_Type...) have no GC header in front of them although their
 * metatype `type` has HAVE_GC.  tp_is_gc (set on `type`) tells them apart,
 * exactly as CPython's _PyObject_IS_GC does.  The collector must use this
 * macro, not RpType_IS_GC(Rp_TYPE(o)), before touching an object's GC head. */
#define RpObject_IS_GC(o)                                               \
    (RpType_IS_GC(Rp_TYPE(o)) &&                                        \
     (Rp_TYPE(o)->tp_is_gc == NULL || Rp_TYPE(o)->tp_is_gc(_RpObject_CAST(o))))

extern RpTypeObject RpType_Type;        /* type */
extern RpTypeObject RpBaseObject_Type;  /* object */
extern RpTypeObject RpNone_Type, RpNotImplemented_Type, RpEllipsis_Type;
#define RpType_Check(o) RpType_FastSubclass(Rp_TYPE(o), RP_TPFLAGS_TYPE_SUBCLASS)
#define RpType_CheckExact(o) Rp_IS_TYPE(o, &RpType_Type)

/* ---- types (typeobject.c) ------------------------------------------------ */
/* Finish a static type: inherit slots from tp_base, build tp_dict from
 * tp_methods/members/getset and slot wrappers, compute the MRO. 0 / -1. */
int RpType_Ready(RpTypeObject *t);
int RpType_IsSubtype(RpTypeObject *a, RpTypeObject *b);
#define RpObject_TypeCheck(o, t) (Rp_TYPE(o) == (t) || RpType_IsSubtype(Rp_TYPE(o), (t)))
RpObject *RpType_GenericAlloc(RpTypeObject *t, Rp_ssize_t nitems);
RpObject *RpType_GenericNew(RpTypeObject *t, RpObject *args, RpObject *kwds);
/* Look a name up along the MRO without invoking descriptors. Borrowed, or
 * NULL with no exception set.  Uses the per-type method cache. */
RpObject *_RpType_Lookup(RpTypeObject *t, RpObject *name);
/* Invalidate cached lookups after a type's dict changed (also subclasses). */
void RpType_Modified(RpTypeObject *t);
const char *_RpType_Name(RpTypeObject *t); /* the part after the last '.' */
/* Create a class: type(name, bases, dict). */
RpObject *RpType_FromSpec3(RpObject *name, RpObject *bases, RpObject *dict);
/* Release everything the type machinery caches (at finalization). */
void _RpType_Fini(void);

/* Ready every static type declared in the headers (object.c keeps the
 * table); called once by Rp_Initialize after the allocator and before any
 * module exists.  _RpObjects_Fini releases their dicts, MROs and caches. */
int _RpObjects_InitTypes(void);
void _RpObjects_Fini(void);

/* ---- generic object operations (object.c) -------------------------------- */
RpObject *RpObject_Repr(RpObject *o);
RpObject *RpObject_Str(RpObject *o);
RpObject *RpObject_ASCII(RpObject *o);
RpObject *RpObject_Format(RpObject *o, RpObject *spec); /* format(o, spec) */
Rp_hash_t RpObject_Hash(RpObject *o);                  /* -1 + exception */
Rp_hash_t RpObject_HashNotImplemented(RpObject *o);    /* raises "unhashable type" */
RpObject *RpObject_RichCompare(RpObject *a, RpObject *b, int op);
int RpObject_RichCompareBool(RpObject *a, RpObject *b, int op); /* identity shortcut for EQ/NE */
int RpObject_IsTrue(RpObject *o);                       /* 1, 0, -1 */
int RpObject_Not(RpObject *o);
RpObject *RpObject_GetAttr(RpObject *o, RpObject *name);
RpObject *RpObject_GetAttrString(RpObject *o, const char *name);
/* 1 found (*result new ref), 0 missing (AttributeError suppressed), -1 error */
int _RpObject_LookupAttr(RpObject *o, RpObject *name, RpObject **result);
int RpObject_SetAttr(RpObject *o, RpObject *name, RpObject *v);
int RpObject_SetAttrString(RpObject *o, const char *name, RpObject *v);
int RpObject_DelAttr(RpObject *o, RpObject *name);
int RpObject_HasAttr(RpObject *o, RpObject *name);
RpObject *RpObject_GenericGetAttr(RpObject *o, RpObject *name);
int RpObject_GenericSetAttr(RpObject *o, RpObject *name, RpObject *v);
/* For LOAD_METHOD: if name resolves to a plain function/method descriptor
 * on the type and is not shadowed by the instance, store the unbound
 * callable in *method and return 1 (caller passes o as first arg).
 * Otherwise store the bound attribute and return 0.  -1 on error. */
int _RpObject_GetMethod(RpObject *o, RpObject *name, RpObject **method);
/* Address of the instance dict pointer slot, or NULL if instances of this
 * type have no dict. Materializes an inline-attribute instance's dict. */
RpObject **_RpObject_GetDictPtr(RpObject *o);
RpObject *RpObject_GenericGetDict(RpObject *o, void *closure);
RpObject *RpObject_Dir(RpObject *o);
RpObject *RpObject_SelfIter(RpObject *o);
int RpCallable_Check(RpObject *o);
void RpObject_Free(void *p);       /* see mem.h; tp_free of non-GC types */
void _Rp_NewReference(RpObject *o); /* count 1; debug builds record it */
RpObject *RpObject_Init(RpObject *o, RpTypeObject *t); /* sets type, refcnt 1 */
RpObject *RpObject_New(RpTypeObject *t);               /* uninitialized body */
/* repr() of containers guards against recursion with these: 0 first
 * entry, 1 already being printed ("[...]"), -1 error. */
int Rp_ReprEnter(RpObject *o);
void Rp_ReprLeave(RpObject *o);
/* Print str(o) (or repr with flags=RP_PRINT_RAW cleared) to a C stream. */
int RpObject_Print(RpObject *o, FILE *fp, int flags);
#define RP_PRINT_RAW 1

/* ---- abstract protocols (abstract.c) ------------------------------------- */
/* Binary operators try a's slot, then b's reflected one, b's first if b's
 * type is a subclass of a's, exactly as CPython; NotImplemented from both
 * raises TypeError "unsupported operand type(s) for +: 'A' and 'B'". */
RpObject *RpNumber_Add(RpObject *a, RpObject *b);
RpObject *RpNumber_Subtract(RpObject *a, RpObject *b);
RpObject *RpNumber_Multiply(RpObject *a, RpObject *b);
RpObject *RpNumber_MatrixMultiply(RpObject *a, RpObject *b);
RpObject *RpNumber_TrueDivide(RpObject *a, RpObject *b);
RpObject *RpNumber_FloorDivide(RpObject *a, RpObject *b);
RpObject *RpNumber_Remainder(RpObject *a, RpObject *b);
RpObject *RpNumber_Divmod(RpObject *a, RpObject *b);
RpObject *RpNumber_Power(RpObject *a, RpObject *b, RpObject *mod); /* mod: Rp_None if absent */
RpObject *RpNumber_Lshift(RpObject *a, RpObject *b);
RpObject *RpNumber_Rshift(RpObject *a, RpObject *b);
RpObject *RpNumber_And(RpObject *a, RpObject *b);
RpObject *RpNumber_Xor(RpObject *a, RpObject *b);
RpObject *RpNumber_Or(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceAdd(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceSubtract(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceMultiply(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceMatrixMultiply(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceTrueDivide(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceFloorDivide(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceRemainder(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlacePower(RpObject *a, RpObject *b, RpObject *mod);
RpObject *RpNumber_InPlaceLshift(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceRshift(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceAnd(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceXor(RpObject *a, RpObject *b);
RpObject *RpNumber_InPlaceOr(RpObject *a, RpObject *b);
RpObject *RpNumber_Negative(RpObject *o);
RpObject *RpNumber_Positive(RpObject *o);
RpObject *RpNumber_Invert(RpObject *o);
RpObject *RpNumber_Absolute(RpObject *o);
RpObject *RpNumber_Index(RpObject *o);   /* __index__ -> exact int */
RpObject *RpNumber_Long(RpObject *o);    /* int(o) */
RpObject *RpNumber_Float(RpObject *o);   /* float(o) */
/* o.__index__() as a C integer; on overflow raises `exc` (or clamps when
 * exc is NULL). -1 + exception on error. */
Rp_ssize_t RpNumber_AsSsize_t(RpObject *o, RpObject *exc);
int RpIndex_Check(RpObject *o);

RpObject *RpObject_GetItem(RpObject *o, RpObject *key);
int RpObject_SetItem(RpObject *o, RpObject *key, RpObject *v);
int RpObject_DelItem(RpObject *o, RpObject *key);
Rp_ssize_t RpObject_Size(RpObject *o);          /* len(o); -1 + exception */
Rp_ssize_t RpObject_LengthHint(RpObject *o, Rp_ssize_t dflt);
int RpSequence_Check(RpObject *o);
int RpSequence_Contains(RpObject *seq, RpObject *item); /* `in`: 1, 0, -1 */
RpObject *RpSequence_GetItem(RpObject *o, Rp_ssize_t i);
RpObject *RpSequence_Tuple(RpObject *o);        /* tuple(o) */
RpObject *RpSequence_List(RpObject *o);         /* list(o) */
/* A list or tuple with the items of o; borrowed access via Fast macros. */
RpObject *RpSequence_Fast(RpObject *o, const char *errmsg);
int RpMapping_Check(RpObject *o);
RpObject *RpMapping_Keys(RpObject *o);

RpObject *RpObject_GetIter(RpObject *o);        /* iter(o) */
/* Next item (new ref); NULL without exception when exhausted; NULL with
 * exception on error.  StopIteration raised by a Python __next__ is
 * swallowed and reported as exhaustion. */
RpObject *RpIter_Next(RpObject *it);
int RpIter_Check(RpObject *o);

/* Calls (abstract.c + the callable types). */
RpObject *RpObject_Call(RpObject *callable, RpObject *args, RpObject *kwargs);
RpObject *RpObject_Vectorcall(RpObject *callable, RpObject *const *args,
                              size_t nargsf, RpObject *kwnames);
RpObject *RpObject_VectorcallDict(RpObject *callable, RpObject *const *args,
                                  size_t nargsf, RpObject *kwdict);
RpObject *RpObject_CallNoArgs(RpObject *callable);
RpObject *RpObject_CallOneArg(RpObject *callable, RpObject *arg);
/* Variadic, NULL-terminated list of RpObject* arguments. */
RpObject *RpObject_CallFunctionObjArgs(RpObject *callable, ...);
/* o.name(*args) -- NULL-terminated list of arguments. */
RpObject *RpObject_CallMethodObjArgs(RpObject *o, RpObject *name, ...);
RpObject *RpObject_CallMethod0(RpObject *o, const char *name);
RpObject *RpObject_CallMethod1(RpObject *o, const char *name, RpObject *arg);
/* Generic tp_call for types that only define vectorcall. */
RpObject *RpVectorcall_Call(RpObject *callable, RpObject *args, RpObject *kwargs);
/* Unpack a vectorcall into (positional-tuple, kwargs-dict|NULL). */
RpObject *_RpStack_AsDict(RpObject *const *values, RpObject *kwnames);

int RpObject_IsInstance(RpObject *o, RpObject *cls);  /* isinstance, tuples too */
int RpObject_IsSubclass(RpObject *derived, RpObject *cls);

/* ---- argument parsing (getargs.c) ---------------------------------------- */
/* Check a builtin's positional count: "f() takes at most 2 arguments (3
 * given)" etc. 1 ok, 0 with TypeError set. */
int _RpArg_CheckPositional(const char *name, Rp_ssize_t nargs,
                           Rp_ssize_t min, Rp_ssize_t max);
int _RpArg_NoKwnames(const char *name, RpObject *kwnames);
int _RpArg_NoKeywords(const char *name, RpObject *kwargs);
/* Parse a vectorcall into `n` slots by name: names[0..npos) may come
 * positionally, the rest by keyword only; `required` leading ones must be
 * present. out[i] borrowed or NULL when absent. 0 ok, -1 with TypeError.
 * n = the number of names: the length of the static `names` array (see
 * the macros below), up to a NULL terminator if it has one. */
int _RpArg_ParseVector(const char *fname, RpObject *const *args,
                       Rp_ssize_t nargs, RpObject *kwnames,
                       const char *const *names, int npos, int required,
                       RpObject **out);
/* The same for a tp_init/tp_new style (args tuple, kwargs dict|NULL). */
int _RpArg_ParseTupleAndKeywords(const char *fname, RpObject *args, RpObject *kwargs,
                                 const char *const *names, int npos, int required,
                                 RpObject **out);
/* Callers pass `names` as a static array, NULL-terminated or not; these
 * macros hand its length to the parser so that neither convention reads or
 * writes past the array.  (Calling through a plain pointer still works if
 * the names are NULL-terminated: the functions themselves stop at NULL.) */
int _RpArg_ParseVectorN(const char *fname, RpObject *const *args, Rp_ssize_t nargs,
                        RpObject *kwnames, const char *const *names, Rp_ssize_t nnames,
                        int npos, int required, RpObject **out);
int _RpArg_ParseTupleAndKeywordsN(const char *fname, RpObject *args, RpObject *kwargs,
                                  const char *const *names, Rp_ssize_t nnames, int npos,
                                  int required, RpObject **out);
#define RP_ARG_NNAMES(names) ((Rp_ssize_t)(sizeof(names) / sizeof((names)[0])))
#define _RpArg_ParseVector(fname, args, nargs, kwnames, names, npos, required, out) \
    _RpArg_ParseVectorN(fname, args, nargs, kwnames, names, RP_ARG_NNAMES(names), npos, \
                        required, out)
#define _RpArg_ParseTupleAndKeywords(fname, args, kwargs, names, npos, required, out) \
    _RpArg_ParseTupleAndKeywordsN(fname, args, kwargs, names, RP_ARG_NNAMES(names), npos, \
                                  required, out)

/* ---- additions (typeobject owner) --------------------------------------- */
/* Contract for base types that can be subclassed (list, dict, int, str...):
 * their tp_new, when asked for a subtype, allocates with
 * type->tp_alloc(type, nitems) (RpType_GenericAlloc: zeroed, GC-tracked when
 * the type is GC, holds a reference to a heap type), and their tp_dealloc
 * ends with Rp_TYPE(self)->tp_free(self) -- never a hard-coded free, since a
 * subclass instance carries a GC header the base may not have. */

/* mappingproxy: the read-only view returned by A.__dict__ (descrobject.c). */
extern RpTypeObject RpDictProxy_Type;
RpObject *RpDictProxy_New(RpObject *mapping);

/* Hash of an object by address, as object.__hash__ (rotated right by 4). */
Rp_hash_t _Rp_HashPointer(const void *p);
/* Call o.name(args...) looked up on the type only (special-method lookup,
 * as CPython's _PyObject_LookupSpecial + call); NULL with AttributeError
 * when the type lacks it. */
RpObject *_RpObject_LookupSpecial(RpObject *o, RpObject *name); /* new ref or NULL (no exc) */
/* The type of `type(o)` attribute error with name/obj filled in. */
void _RpObject_SetAttributeErrorContext(RpObject *o, RpObject *name);

/* ---- type machinery internals (typeobject.c / typeslots.c / typeinstance.c) */
/* Fill a static type's dict with slot wrappers (__add__, __len__, ...)
 * for the slots the type itself defines. 0 / -1. */
int _RpType_AddOperators(RpTypeObject *t);
/* Point every slot of a heap type at the Python method that overrides it
 * (or at the inherited C function).  After RpType_Ready. */
void _RpType_FixupSlots(RpTypeObject *t);
/* `name` was assigned or deleted in t's dict: refresh the slots it feeds,
 * in t and in all subclasses. */
void _RpType_UpdateSlot(RpTypeObject *t, RpObject *name);
int _RpType_InitSlotDefs(void);
int _RpType_InitIsSlot(RpTypeObject *t);   /* tp_init calls a Python __init__ */
void _RpType_FiniSlotDefs(void);
/* Instances: attribute storage (inline table or dict) of an instance.
 * Lookup: 1 found (*res new ref), 0 missing, -1 error. */
int _RpObject_InstanceLookup(RpObject *o, RpObject *name, RpObject **res);
/* The value slot of name (interned) in o's inline attribute table, or
 * NULL (no table, or no such name).  *hint is a guess at the position,
 * updated when wrong: an inline cache keeps it per instruction, so that
 * instances of one class shaped alike are read without a search. */
RpObject **_RpObject_InstanceSlot(RpObject *o, RpObject *name, unsigned int *hint);
/* Store (v != NULL) or delete: 0 ok, -1 error, 1 o has no attribute
 * storage, 2 delete of a missing name (no exception set). */
int _RpObject_InstanceStore(RpObject *o, RpObject *name, RpObject *v);
/* Does o have per-instance attribute storage (dict or inline table)? */
int _RpObject_HasInstanceDict(RpObject *o);
/* The dealloc/traverse/clear of instances of classes. */
void _RpSubtype_Dealloc(RpObject *self);
int _RpSubtype_Traverse(RpObject *self, visitproc visit, void *arg);
int _RpSubtype_Clear(RpObject *self);
/* getset tables for the __dict__/__weakref__ a class adds to its base. */
extern RpGetSetDef _RpSubtype_GetSets_Full[], _RpSubtype_GetSets_DictOnly[],
    _RpSubtype_GetSets_WeakrefOnly[];
/* object.__init__ / object.__new__ (the excess-argument rules look at them). */
int _RpObject_InitSlot(RpObject *self, RpObject *args, RpObject *kwds);
RpObject *_RpObject_NewSlot(RpTypeObject *t, RpObject *args, RpObject *kwds);
/* tp_new exposed as T.__new__ (a builtin whose self is T). */
extern RpMethodDef _RpType_NewWrapperDef;
/* A type's qualified name / module as objects (new refs). */
RpObject *_RpType_GetQualName(RpTypeObject *t);
RpObject *_RpType_GetModuleName(RpTypeObject *t);

#endif /* RP_OBJECT_H */
