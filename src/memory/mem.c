/* mem.c -- the small-object allocator.
 *
 * Layout:
 *   arena  2 MiB, obtained with mmap and aligned to its own size, so that
 *          the arena of any address is (addr & ~ARENA_MASK);
 *   pool   16 KiB of an arena, serving a single size class; its header
 *          sits at the start of the pool, so the pool of a block is
 *          (addr & ~POOL_MASK);
 *   block  16 * k bytes (k = 1..32).  A free block stores the pointer to the
 *          next free block of its pool in its first word.
 *
 * Ownership test: a two-level radix map over (address >> ARENA_BITS) tells
 * in O(1), without touching the block, whether an address lies in one of our
 * arenas; anything else came from malloc.
 *
 * Per size class, `usedpools[c]` lists the pools that have at least one free
 * block; allocation pops the head pool's free list (or carves a never-used
 * block at `nextoffset`).  A pool that becomes empty goes back to its arena;
 * an arena whose pools are all free is unmapped immediately.  Arenas with
 * free pools are kept on `usable`, most-used first, so that lightly used
 * arenas drain and can be returned.
 */
#include "rp.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* An arena is one transparent huge page: touching fresh memory a 4 KiB
 * page at a time costs a page fault each (very expensive under
 * virtualisation), while a 2 MiB arena asked for as a huge page, or at
 * worst populated in one madvise call, costs a single trap. */
#define ARENA_BITS 21
#define ARENA_SIZE ((size_t)1 << ARENA_BITS)     /* 2 MiB */
#define ARENA_MASK (ARENA_SIZE - 1)
#define POOL_BITS 14
#define POOL_SIZE ((size_t)1 << POOL_BITS)       /* 16 KiB */
#define POOL_MASK (POOL_SIZE - 1)
#define POOLS_PER_ARENA (ARENA_SIZE / POOL_SIZE)
#define ALIGN 16
#define NCLASSES (RP_SMALL_MAX / ALIGN)

/* Radix map: 48-bit user addresses -> 30 bits of arena number, split
 * 15/15.  Level 1 is static; level 2 bitmaps are allocated on demand. */
#define ADDR_BITS 48
#define RADIX_BITS (ADDR_BITS - ARENA_BITS)
#define L1_BITS (RADIX_BITS / 2)
#define L2_BITS (RADIX_BITS - L1_BITS)
#define L2_WORDS (((size_t)1 << L2_BITS) / 64)

typedef struct block { struct block *next; } block;
struct arena;

typedef struct pool {
    block *freeblock;          /* free list of returned blocks */
    struct pool *next, *prev;  /* in usedpools[szidx] or the arena's free list */
    struct arena *arena;
    uint32_t nused;            /* blocks handed out */
    uint32_t szidx;            /* size class */
    uint32_t nextoffset;       /* first never-used block */
    uint32_t maxnextoffset;    /* last offset where a whole block fits */
    uint32_t linked;           /* on usedpools[szidx] (else full or free) */
} pool;

/* The pool header occupies the first bytes of each page, rounded up so
 * blocks stay 16-aligned. */
#define POOL_OVERHEAD ((sizeof(pool) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

typedef struct arena {
    char *base;
    unsigned nfreepools;       /* pools on `freepools` + never used */
    unsigned ncarved;          /* pools handed out at least once */
    pool *freepools;           /* singly linked via pool->next */
    struct arena *next, *prev; /* in `usable` (only while nfreepools > 0) */
    struct arena *all_next;    /* every live arena, for Fini */
    int retained;              /* empty, but kept for reuse (see give_back_pool) */
} arena;

static struct {
    int initialized;
    int using_malloc;
    pool *usedpools[NCLASSES];
    arena *usable;             /* arenas with free pools, fewest free first */
    unsigned nretained;        /* empty arenas kept mapped */
    arena *all;
    uint64_t *radix[(size_t)1 << L1_BITS];
    size_t arenas_allocated, arenas_freed, arenas_live;
    size_t pools_in_use, blocks_in_use, bytes_in_small;
    size_t large_live;
} st;

/* ---- radix map ----------------------------------------------------------- */

static inline int radix_contains(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    if (a >> ADDR_BITS)
        return 0;
    uintptr_t n = a >> ARENA_BITS;
    uint64_t *l2 = st.radix[n >> L2_BITS];
    if (l2 == NULL)
        return 0;
    size_t i = n & (((size_t)1 << L2_BITS) - 1);
    return (int)((l2[i / 64] >> (i % 64)) & 1);
}

static int radix_set(const void *p, int on)
{
    uintptr_t n = (uintptr_t)p >> ARENA_BITS;
    uint64_t **slot = &st.radix[n >> L2_BITS];
    if (*slot == NULL) {
        if (!on)
            return 0;
        *slot = calloc(L2_WORDS, sizeof(uint64_t));
        if (*slot == NULL)
            return -1;
    }
    size_t i = n & (((size_t)1 << L2_BITS) - 1);
    if (on)
        (*slot)[i / 64] |= (uint64_t)1 << (i % 64);
    else
        (*slot)[i / 64] &= ~((uint64_t)1 << (i % 64));
    return 0;
}

/* ---- arenas --------------------------------------------------------------- */

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23      /* Linux 5.14; older kernels say EINVAL */
#endif

/* Ask for a huge page and fault the whole arena in at once.  Both are
 * hints: when they fail, pages simply fault in one by one as touched. */
static void prefault(char *base)
{
#ifdef MADV_HUGEPAGE
    (void)madvise(base, ARENA_SIZE, MADV_HUGEPAGE);
#endif
    (void)madvise(base, ARENA_SIZE, MADV_POPULATE_WRITE);
}

/* mmap twice the size and trim, which gives an ARENA_SIZE-aligned region. */
static char *map_aligned_arena(void)
{
    size_t len = 2 * ARENA_SIZE;
    char *raw = mmap(NULL, len, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    uintptr_t a = ((uintptr_t)raw + ARENA_MASK) & ~(uintptr_t)ARENA_MASK;
    char *base = (char *)a;
    size_t head = (size_t)(base - raw);
    if (head)
        munmap(raw, head);
    size_t tail = len - head - ARENA_SIZE;
    if (tail)
        munmap(base + ARENA_SIZE, tail);
    prefault(base);
    return base;
}

static void usable_unlink(arena *ar)
{
    if (ar->prev)
        ar->prev->next = ar->next;
    else
        st.usable = ar->next;
    if (ar->next)
        ar->next->prev = ar->prev;
    ar->next = ar->prev = NULL;
}

/* Insert keeping `usable` ordered by nfreepools ascending. */
static void usable_insert(arena *ar)
{
    arena *prev = NULL, *cur = st.usable;
    while (cur && cur->nfreepools < ar->nfreepools) {
        prev = cur;
        cur = cur->next;
    }
    ar->prev = prev;
    ar->next = cur;
    if (cur)
        cur->prev = ar;
    if (prev)
        prev->next = ar;
    else
        st.usable = ar;
}

static arena *new_arena(void)
{
    arena *ar = calloc(1, sizeof(arena));
    if (ar == NULL)
        return NULL;
    ar->base = map_aligned_arena();
    if (ar->base == NULL || radix_set(ar->base, 1) < 0) {
        if (ar->base)
            munmap(ar->base, ARENA_SIZE);
        free(ar);
        return NULL;
    }
    ar->nfreepools = POOLS_PER_ARENA;
    ar->all_next = st.all;
    st.all = ar;
    st.arenas_allocated++;
    st.arenas_live++;
    usable_insert(ar);
    return ar;
}

static void free_arena(arena *ar)
{
    usable_unlink(ar);
    for (arena **pp = &st.all; *pp; pp = &(*pp)->all_next) {
        if (*pp == ar) {
            *pp = ar->all_next;
            break;
        }
    }
    radix_set(ar->base, 0);
    munmap(ar->base, ARENA_SIZE);
    free(ar);
    st.arenas_freed++;
    st.arenas_live--;
}

/* ---- pools ---------------------------------------------------------------- */

#define MAX_RETAINED_ARENAS 2

static pool *take_pool(void)
{
    arena *ar = st.usable;
    if (ar == NULL && (ar = new_arena()) == NULL)
        return NULL;
    pool *p;
    if (ar->retained) {
        ar->retained = 0;
        st.nretained--;
    }
    if (ar->freepools) {
        p = ar->freepools;
        ar->freepools = p->next;
    } else {
        p = (pool *)(ar->base + (size_t)ar->ncarved * POOL_SIZE);
        ar->ncarved++;
    }
    p->arena = ar;
    /* Fewer free pools: the arena can only move towards the front. */
    if (--ar->nfreepools == 0) {
        usable_unlink(ar);
    } else if (ar->prev && ar->prev->nfreepools > ar->nfreepools) {
        usable_unlink(ar);
        usable_insert(ar);
    }
    st.pools_in_use++;
    return p;
}

static void give_back_pool(pool *p)
{
    arena *ar = p->arena;
    p->next = ar->freepools;
    ar->freepools = p;
    st.pools_in_use--;
    if (ar->nfreepools++ == 0) {
        usable_insert(ar);
    } else if (ar->next && ar->next->nfreepools < ar->nfreepools) {
        usable_unlink(ar);
        usable_insert(ar);
    }
    /* An empty arena goes back to the system, except for a few kept
     * mapped: a program that frees and then allocates a burst of objects
     * (every collection does) would otherwise pay for munmap, mmap and the
     * page faults of fresh memory each time. */
    if (ar->nfreepools == POOLS_PER_ARENA) {
        if (st.nretained < MAX_RETAINED_ARENAS) {
            ar->retained = 1;
            st.nretained++;
        } else {
            free_arena(ar);
        }
    }
}

static void pool_link(pool *p, unsigned c)
{
    p->linked = 1;
    p->prev = NULL;
    p->next = st.usedpools[c];
    if (p->next)
        p->next->prev = p;
    st.usedpools[c] = p;
}

static void pool_unlink(pool *p, unsigned c)
{
    p->linked = 0;
    if (p->prev)
        p->prev->next = p->next;
    else
        st.usedpools[c] = p->next;
    if (p->next)
        p->next->prev = p->prev;
}

static pool *init_pool(unsigned c)
{
    pool *p = take_pool();
    if (p == NULL)
        return NULL;
    size_t size = (size_t)(c + 1) * ALIGN;
    p->freeblock = NULL;
    p->nused = 0;
    p->szidx = c;
    p->nextoffset = (uint32_t)POOL_OVERHEAD;
    p->maxnextoffset = (uint32_t)(POOL_SIZE - size);
    pool_link(p, c);
    return p;
}

/* Slow path: the class has no pool with a free block, or the head pool's
 * free list is empty and it must carve a new block or be retired. */
static void *small_alloc_slow(unsigned c)
{
    for (;;) {
        pool *p = st.usedpools[c];
        if (p == NULL && (p = init_pool(c)) == NULL)
            return NULL;
        if (p->freeblock) {
            block *b = p->freeblock;
            p->freeblock = b->next;
            p->nused++;
            return b;
        }
        if (p->nextoffset <= p->maxnextoffset) {
            block *b = (block *)((char *)p + p->nextoffset);
            p->nextoffset += (uint32_t)((c + 1) * ALIGN);
            p->nused++;
            return b;
        }
        pool_unlink(p, c);   /* full: it rejoins when a block is freed */
    }
}

static inline void *small_alloc(size_t n)
{
    unsigned c = n ? (unsigned)((n - 1) >> 4) : 0;
    pool *p = st.usedpools[c];
    void *r;
    if (RP_LIKELY(p != NULL && p->freeblock != NULL)) {
        block *b = p->freeblock;
        p->freeblock = b->next;
        p->nused++;
        r = b;
    } else if ((r = small_alloc_slow(c)) == NULL) {
        return NULL;
    }
    st.blocks_in_use++;
    st.bytes_in_small += (size_t)(c + 1) * ALIGN;
    return r;
}

static inline void small_free(void *ptr)
{
    pool *p = (pool *)((uintptr_t)ptr & ~(uintptr_t)POOL_MASK);
    unsigned c = p->szidx;
    block *b = ptr;
    int was_full = !p->linked;
    b->next = p->freeblock;
    p->freeblock = b;
    st.blocks_in_use--;
    st.bytes_in_small -= (size_t)(c + 1) * ALIGN;
    if (--p->nused == 0) {
        if (!was_full)
            pool_unlink(p, c);
        give_back_pool(p);
    } else if (was_full) {
        pool_link(p, c);
    }
}

static inline size_t small_size(void *ptr)
{
    pool *p = (pool *)((uintptr_t)ptr & ~(uintptr_t)POOL_MASK);
    return (size_t)(p->szidx + 1) * ALIGN;
}

/* ---- public entry points -------------------------------------------------- */

void RpMem_Init(void)
{
    if (st.initialized)
        return;
    const char *e = getenv("REFPY_MALLOC");
    st.using_malloc = e != NULL && strcmp(e, "malloc") == 0;
    st.initialized = 1;
}

void RpMem_Fini(void)
{
    while (st.all) {
        arena *ar = st.all;
        st.all = ar->all_next;
        munmap(ar->base, ARENA_SIZE);
        free(ar);
        st.arenas_freed++;
    }
    for (size_t i = 0; i < ((size_t)1 << L1_BITS); i++) {
        free(st.radix[i]);
        st.radix[i] = NULL;
    }
    memset(st.usedpools, 0, sizeof st.usedpools);
    st.usable = NULL;
    st.arenas_live = st.pools_in_use = st.blocks_in_use = st.bytes_in_small = 0;
    st.nretained = 0;
    st.initialized = 0;
}

static void *large_alloc(size_t n)
{
    void *r = malloc(n ? n : 1);
    if (r)
        st.large_live++;
    return r;
}

void *RpObject_Malloc(size_t n)
{
    if (RP_LIKELY(n <= RP_SMALL_MAX && !st.using_malloc))
        return small_alloc(n);
    return large_alloc(n);
}

void *RpObject_Calloc(size_t nelem, size_t elsize)
{
    if (elsize && nelem > SIZE_MAX / elsize)
        return NULL;
    size_t n = nelem * elsize;
    if (n > RP_SMALL_MAX || st.using_malloc) {
        void *r = calloc(nelem ? nelem : 1, elsize ? elsize : 1);
        if (r)
            st.large_live++;
        return r;
    }
    void *r = small_alloc(n);
    if (r)
        memset(r, 0, n);
    return r;
}

void RpObject_Free(void *p)
{
    if (p == NULL)
        return;
    if (radix_contains(p)) {
        small_free(p);
        return;
    }
    st.large_live--;
    free(p);
}

/* Move a block to a new home of `n` bytes, copying what fits. */
static void *move_block(void *p, size_t oldsize, size_t n)
{
    void *r = RpObject_Malloc(n);
    if (r == NULL)
        return NULL;
    memcpy(r, p, oldsize < n ? oldsize : n);
    RpObject_Free(p);
    return r;
}

void *RpObject_Realloc(void *p, size_t n)
{
    if (p == NULL)
        return RpObject_Malloc(n);
    if (radix_contains(p)) {
        size_t have = small_size(p);
        /* Stay put when it fits and we would not waste more than a quarter. */
        if (n <= have && n * 4 > have * 3)
            return p;
        return move_block(p, have, n);
    }
    void *r = realloc(p, n ? n : 1);
    return r;
}

void *RpMem_Malloc(size_t n) { return RpObject_Malloc(n); }
void *RpMem_Calloc(size_t nelem, size_t elsize) { return RpObject_Calloc(nelem, elsize); }
void *RpMem_Realloc(void *p, size_t n) { return RpObject_Realloc(p, n); }
void RpMem_Free(void *p) { RpObject_Free(p); }

void *RpMem_RawMalloc(size_t n) { return malloc(n ? n : 1); }
void *RpMem_RawCalloc(size_t nelem, size_t elsize)
{
    return calloc(nelem ? nelem : 1, elsize ? elsize : 1);
}
void *RpMem_RawRealloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
void RpMem_RawFree(void *p) { free(p); }

void RpMem_GetStats(RpMemStats *out)
{
    out->arenas_allocated = st.arenas_allocated;
    out->arenas_freed = st.arenas_freed;
    out->arenas_live = st.arenas_live;
    out->pools_in_use = st.pools_in_use;
    out->blocks_in_use = st.blocks_in_use;
    out->bytes_in_small_blocks = st.bytes_in_small;
    out->large_allocs_live = st.large_live;
    out->using_malloc = st.using_malloc;
}

/* Per size class: pools holding blocks and blocks in use. */
void RpMem_DebugStats(void)
{
    fprintf(stderr, "refpy allocator: %s\n",
            st.using_malloc ? "malloc (REFPY_MALLOC=malloc)" : "pools");
    fprintf(stderr, "arenas: %zu live, %zu allocated, %zu freed (%zu KiB each)\n",
            st.arenas_live, st.arenas_allocated, st.arenas_freed, ARENA_SIZE / 1024);
    fprintf(stderr, "pools in use: %zu, blocks in use: %zu, bytes: %zu\n",
            st.pools_in_use, st.blocks_in_use, st.bytes_in_small);
    fprintf(stderr, "large allocations live: %zu\n", st.large_live);
    for (unsigned c = 0; c < NCLASSES; c++) {
        size_t npools = 0, nblocks = 0;
        for (pool *p = st.usedpools[c]; p; p = p->next) {
            npools++;
            nblocks += p->nused;
        }
        if (npools)
            fprintf(stderr, "  class %3u bytes: %zu pools with room, %zu blocks\n",
                    (c + 1) * ALIGN, npools, nblocks);
    }
}
