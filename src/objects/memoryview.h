/* memoryview.h -- memoryview (prefix RpMemoryView_).  memoryobject.c. */
#ifndef RP_MEMORYVIEW_H
#define RP_MEMORYVIEW_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "object.h"

extern RpTypeObject RpMemoryView_Type;
RpObject *RpMemoryView_FromObject(RpObject *o);
/* Like _RpBytes_View for a memoryview: 1 and the window's bytes, or 0 if
 * o is not a memoryview. */
int _RpMemoryView_View(RpObject *o, const char **p, Rp_ssize_t *n);

#endif
