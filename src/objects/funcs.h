/* funcs.h -- the callable and descriptor types:
 *   function (RpFunction_), bound method (RpMethod_), builtin function
 *   (RpCFunction_), method/member/getset/wrapper descriptors (RpDescr_),
 *   classmethod, staticmethod, property, super, cell (RpCell_),
 *   module (RpModule_).
 * funcobject.c, methodobject.c, descrobject.c, moduleobject.c, cellobject.c.
 */
#ifndef RP_FUNCS_H
#define RP_FUNCS_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "object.h"

/* ---- Python functions ---- */
typedef struct RpFunctionObject {
    RpObject_HEAD
    vectorcallfunc vectorcall;  /* = the VM's entry (RpEval_FunctionVectorcall) */
    RpObject *func_code;        /* RpCodeObject */
    RpObject *func_globals;     /* dict */
    RpObject *func_builtins;    /* dict */
    RpObject *func_name, *func_qualname;
    RpObject *func_defaults;    /* tuple or NULL */
    RpObject *func_kwdefaults;  /* dict or NULL */
    RpObject *func_closure;     /* tuple of cells or NULL */
    RpObject *func_doc;
    RpObject *func_dict;        /* function attributes, lazily */
    RpObject *func_module;
    RpObject *func_annotations;
    RpObject *func_weakreflist;
} RpFunctionObject;
extern RpTypeObject RpFunction_Type;
#define RpFunction_Check(o) Rp_IS_TYPE(o, &RpFunction_Type)
RpObject *RpFunction_New(RpObject *code, RpObject *globals, RpObject *qualname);

/* ---- bound methods ---- */
typedef struct RpMethodObject {
    RpObject_HEAD
    vectorcallfunc vectorcall;
    RpObject *im_func, *im_self;
    RpObject *im_weakreflist;
} RpMethodObject;
extern RpTypeObject RpMethod_Type;
#define RpMethod_Check(o) Rp_IS_TYPE(o, &RpMethod_Type)
RpObject *RpMethod_New(RpObject *func, RpObject *self);

/* ---- builtin functions and methods bound to a C object ---- */
typedef struct RpCFunctionObject {
    RpObject_HEAD
    vectorcallfunc vectorcall;
    RpMethodDef *m_ml;
    RpObject *m_self;     /* module or bound instance, may be NULL */
    RpObject *m_module;   /* module name str, may be NULL */
    RpObject *m_weakreflist;
} RpCFunctionObject;
extern RpTypeObject RpCFunction_Type;
#define RpCFunction_Check(o) Rp_IS_TYPE(o, &RpCFunction_Type)
RpObject *RpCFunction_NewEx(RpMethodDef *ml, RpObject *self, RpObject *module);
/* Call a method table entry with the vectorcall convention. */
RpObject *_RpMethodDef_Call(RpMethodDef *ml, RpObject *self, RpObject *const *args,
                            Rp_ssize_t nargs, RpObject *kwnames);
/* The same, naming the callable "prefix.name()" in argument-count errors
 * (prefix = owner type name for methods, e.g. "list" -> "list.append()
 * takes exactly one argument (2 given)"; NULL -> "name()"). */
RpObject *_RpMethodDef_CallEx(RpMethodDef *ml, RpObject *self, RpObject *const *args,
                              Rp_ssize_t nargs, RpObject *kwnames, const char *prefix);

/* ---- descriptors created from a type's tables ---- */
extern RpTypeObject RpMethodDescr_Type, RpClassMethodDescr_Type, RpMemberDescr_Type,
    RpGetSetDescr_Type, RpWrapperDescr_Type, RpMethodWrapper_Type;
RpObject *RpDescr_NewMethod(RpTypeObject *t, RpMethodDef *ml);
RpObject *RpDescr_NewClassMethod(RpTypeObject *t, RpMethodDef *ml);
RpObject *RpDescr_NewMember(RpTypeObject *t, RpMemberDef *m);
RpObject *RpDescr_NewGetSet(RpTypeObject *t, RpGetSetDef *g);
/* A slot wrapper: int.__add__, list.__len__ ... calls `wrapper(self, args,
 * wrapped)` where wrapped is the C slot function. */
typedef RpObject *(*wrapperfunc)(RpObject *self, RpObject *args, void *wrapped);
RpObject *RpDescr_NewWrapper(RpTypeObject *t, const char *name, wrapperfunc w,
                             void *wrapped, const char *doc);

/* Wrappers of __init__/__call__/__new__-like slots also take keywords:
 * their wrapper is called as ((wrapperfunc_kwds)w)(self, args, wrapped, kwds). */
typedef RpObject *(*wrapperfunc_kwds)(RpObject *self, RpObject *args, void *wrapped,
                                      RpObject *kwds);
#define RP_WRAPPER_KEYWORDS 1
RpObject *RpDescr_NewWrapperEx(RpTypeObject *t, const char *name, wrapperfunc w,
                               void *wrapped, const char *doc, int flags);
/* The layouts, for the type machinery (typeslots.c inspects wrappers). */
typedef struct RpDescrObject {
    RpObject_HEAD
    RpTypeObject *d_type;       /* the class that defines it (strong) */
    RpObject *d_name;           /* interned str */
    RpObject *d_qualname;       /* lazily "type.name", or NULL */
} RpDescrObject;
typedef struct RpMethodDescrObject {
    RpDescrObject d_common;
    RpMethodDef *d_method;
    vectorcallfunc vectorcall;
} RpMethodDescrObject;
typedef struct RpMemberDescrObject { RpDescrObject d_common; RpMemberDef *d_member; } RpMemberDescrObject;
typedef struct RpGetSetDescrObject { RpDescrObject d_common; RpGetSetDef *d_getset; } RpGetSetDescrObject;
typedef struct RpWrapperDescrObject {
    RpDescrObject d_common;
    wrapperfunc d_wrapper;      /* the generic adapter (wrap_binaryfunc_l...) */
    void *d_wrapped;            /* the C slot function it calls */
    const char *d_doc;
    int d_flags;                /* RP_WRAPPER_KEYWORDS */
} RpWrapperDescrObject;
#define RpWrapperDescr_Check(o) Rp_IS_TYPE(o, &RpWrapperDescr_Type)

/* ---- classmethod, staticmethod, property, super ---- */
extern RpTypeObject RpClassMethod_Type, RpStaticMethod_Type, RpProperty_Type, RpSuper_Type;
RpObject *RpClassMethod_New(RpObject *callable);
RpObject *RpStaticMethod_New(RpObject *callable);

/* ---- cells (closures) ---- */
typedef struct RpCellObject { RpObject_HEAD RpObject *ob_ref; } RpCellObject;
extern RpTypeObject RpCell_Type;
#define RpCell_Check(o) Rp_IS_TYPE(o, &RpCell_Type)
#define RpCell_GET(c) (((RpCellObject *)(c))->ob_ref)   /* borrowed, may be NULL */
RpObject *RpCell_New(RpObject *v);                      /* v may be NULL */
int RpCell_Set(RpObject *cell, RpObject *v);            /* does not steal */

/* ---- modules ---- */
typedef struct RpModuleObject {
    RpObject_HEAD
    RpObject *md_dict;
    RpObject *md_name;
    RpObject *md_weaklist;
    void *md_state;       /* C module state, or NULL */
} RpModuleObject;
extern RpTypeObject RpModule_Type;
#define RpModule_Check(o) RpObject_TypeCheck(o, &RpModule_Type)
RpObject *RpModule_New(const char *name);
RpObject *RpModule_NewObject(RpObject *name);
RpObject *RpModule_GetDict(RpObject *m);          /* borrowed */
/* Add functions from a NULL-terminated table; 0 / -1. */
int RpModule_AddFunctions(RpObject *m, RpMethodDef *defs);
int RpModule_AddObjectRef(RpObject *m, const char *name, RpObject *v); /* does not steal */
int RpModule_AddIntConstant(RpObject *m, const char *name, long v);
int RpModule_AddStringConstant(RpObject *m, const char *name, const char *v);
int RpModule_AddType(RpObject *m, RpTypeObject *t);

#endif
