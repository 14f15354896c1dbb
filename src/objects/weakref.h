/* weakref.h -- weak references (prefix RpWeakref_).  weakrefobject.c.
 *
 * An object whose type has tp_weaklistoffset != 0 keeps, at that offset,
 * the head of a list of the weak references to it.  When the object dies
 * (count reaches zero, or the collector clears it), its dealloc calls
 * RpObject_ClearWeakRefs *first*: every reference is cleared, then the
 * callbacks run, newest reference first, as CPython does.
 */
#ifndef RP_WEAKREF_H
#define RP_WEAKREF_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "object.h"

typedef struct RpWeakReference {
    RpObject_HEAD
    RpObject *wr_object;      /* the referent (not counted), or Rp_None when dead */
    RpObject *wr_callback;
    Rp_hash_t hash;
    struct RpWeakReference *wr_prev, *wr_next;
    vectorcallfunc vectorcall;
} RpWeakReference;

extern RpTypeObject RpWeakref_RefType, RpWeakref_ProxyType, RpWeakref_CallableProxyType;
#define RpWeakref_CheckRef(o) RpObject_TypeCheck(o, &RpWeakref_RefType)
#define RpWeakref_CheckProxy(o) \
    (Rp_IS_TYPE(o, &RpWeakref_ProxyType) || Rp_IS_TYPE(o, &RpWeakref_CallableProxyType))
#define RpType_SUPPORTS_WEAKREFS(t) ((t)->tp_weaklistoffset > 0)

RpObject *RpWeakref_NewRef(RpObject *ob, RpObject *callback);    /* TypeError if not weakrefable */
RpObject *RpWeakref_NewProxy(RpObject *ob, RpObject *callback);
RpObject *RpWeakref_GetObject(RpObject *ref);   /* borrowed; Rp_None if dead */
/* Clear all weak references to `ob` and call their callbacks. */
void RpObject_ClearWeakRefs(RpObject *ob);
/* Collector's variant: clear without calling callbacks; returns the list of
 * references whose callbacks must run (new ref list) */
void _RpWeakref_ClearRef(RpWeakReference *ref);
Rp_ssize_t _RpWeakref_GetWeakrefCount(RpObject *ob);

#endif
