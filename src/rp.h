/* rp.h -- the internal umbrella header: every subsystem's interface.
 * Core files include this one; it is never installed. */
#ifndef RP_RP_H
#define RP_RP_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "refpy.h"
#include "memory/mem.h"
#include "memory/gc.h"
#include "objects/object.h"
#include "objects/numbers.h"
#include "objects/dtoa.h"
#include "objects/strings.h"
#include "objects/containers.h"
#include "objects/funcs.h"
#include "objects/weakref.h"
#include "objects/complex.h"
#include "objects/memoryview.h"
#include "objects/genericalias.h"
#include "vm/errors.h"
#include "vm/code.h"
#include "vm/state.h"
#include "vm/eval.h"
#include "compiler/compiler.h"
#include "modules/modules.h"
#endif
