/* mem.h -- the small-object allocator (prefix RpMem_ / RpObject_Malloc).
 *
 * Requests of at most RP_SMALL_MAX bytes come from size classes of 16 bytes,
 * carved out of 16 KiB pools inside 2 MiB arenas obtained with mmap;
 * an arena whose pools are all empty goes back to the system (two empty
 * ones are kept mapped, so that a burst of frees followed by a burst of
 * allocations does not pay for munmap/mmap and page faults).  Larger
 * requests go to the C library.  Setting the environment variable
 * REFPY_MALLOC=malloc before start routes everything to malloc/free so that
 * valgrind and the sanitizers see every block.
 *
 * The allocator is not thread-safe on its own: callers hold the GIL.
 */
#ifndef RP_MEM_H
#define RP_MEM_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include <stddef.h>
#include <stdint.h>

#define RP_SMALL_MAX 512

/* Read REFPY_MALLOC; called once from Rp_Initialize before any allocation. */
void RpMem_Init(void);
/* Return every arena to the system (at finalization, after all frees). */
void RpMem_Fini(void);

/* Object memory: small-object pools. malloc(0) returns a unique pointer. */
void *RpObject_Malloc(size_t n);
void *RpObject_Calloc(size_t nelem, size_t elsize);
void *RpObject_Realloc(void *p, size_t n);
void RpObject_Free(void *p);
/* General buffers (list item arrays, dict tables, string bodies): same
 * allocator, separate names so statistics can tell them apart. */
void *RpMem_Malloc(size_t n);
void *RpMem_Calloc(size_t nelem, size_t elsize);
void *RpMem_Realloc(void *p, size_t n);
void RpMem_Free(void *p);
/* Raw system memory, safe without the GIL. */
void *RpMem_RawMalloc(size_t n);
void *RpMem_RawCalloc(size_t nelem, size_t elsize);
void *RpMem_RawRealloc(void *p, size_t n);
void RpMem_RawFree(void *p);

typedef struct RpMemStats {
    size_t arenas_allocated, arenas_freed, arenas_live;
    size_t pools_in_use, blocks_in_use;
    size_t bytes_in_small_blocks;   /* live small allocations, rounded up */
    size_t large_allocs_live;       /* live allocations via the C library */
    int using_malloc;               /* REFPY_MALLOC=malloc */
} RpMemStats;
void RpMem_GetStats(RpMemStats *out);
/* Print a human summary of arenas/pools/size classes to stderr. */
void RpMem_DebugStats(void);

#endif
