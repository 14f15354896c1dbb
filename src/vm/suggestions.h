/* suggestions.h -- "Did you mean: 'join'?" for AttributeError and
 * NameError, as CPython 3.11 prints them (prefix RpSuggest_). */
#ifndef RP_VM_SUGGESTIONS_H
#define RP_VM_SUGGESTIONS_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "../objects/object.h"

/* The closest name to the one exc failed on, as a new str; NULL when
 * there is none.  Never raises (errors on the way are cleared). */
RpObject *RpSuggest_ForException(RpObject *exc);

#endif
