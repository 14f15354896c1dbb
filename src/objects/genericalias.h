/* genericalias.h -- list[int] and int | None (prefix RpGenericAlias_,
 * RpUnion_).  genericalias.c. */
#ifndef RP_GENERICALIAS_H
#define RP_GENERICALIAS_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "object.h"

extern RpTypeObject RpGenericAlias_Type, RpUnion_Type;
RpObject *RpGenericAlias_New(RpObject *origin, RpObject *args);
/* type.__or__: a | b for types, None and unions; NotImplemented otherwise. */
RpObject *_RpUnion_Or(RpObject *a, RpObject *b);
/* Give the builtin containers (and type) their __class_getitem__. */
int _RpGenericAlias_Init(void);

#endif
