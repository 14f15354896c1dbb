/* test_mem.c -- the small-object allocator alone (no interpreter):
 * random alloc/free/realloc of many sizes with content checks, then every
 * arena must go back to the system once everything is freed. */
#include "rp.h"
#include <stdio.h>
#include <stdlib.h>

#define NSLOTS 20000
#define ROUNDS 400000

static void *slot[NSLOTS];
static size_t slot_size[NSLOTS];
static unsigned char slot_tag[NSLOTS];
static int failures;

#define CHECK(cond, ...)                                            \
    do {                                                            \
        if (!(cond)) {                                              \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);    \
            fprintf(stderr, __VA_ARGS__);                           \
            fputc('\n', stderr);                                    \
            failures++;                                             \
        }                                                           \
    } while (0)

static uint64_t rng = 88172645463325252ULL;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Mostly small sizes, some around the boundary, a few large ones. */
static size_t random_size(void)
{
    uint64_t r = next_rand() % 100;
    if (r < 80)
        return (size_t)(next_rand() % (RP_SMALL_MAX + 1));
    if (r < 95)
        return RP_SMALL_MAX - 8 + (size_t)(next_rand() % 16);
    return (size_t)(next_rand() % 20000);
}

static void fill(int i)
{
    memset(slot[i], slot_tag[i], slot_size[i]);
}

static int intact(int i)
{
    const unsigned char *p = slot[i];
    for (size_t k = 0; k < slot_size[i]; k++)
        if (p[k] != slot_tag[i])
            return 0;
    return 1;
}

static void release(int i)
{
    CHECK(intact(i), "slot %d corrupted (size %zu)", i, slot_size[i]);
    RpObject_Free(slot[i]);
    slot[i] = NULL;
}

static void one_step(void)
{
    int i = (int)(next_rand() % NSLOTS);
    if (slot[i] == NULL) {
        slot_size[i] = random_size();
        slot_tag[i] = (unsigned char)next_rand();
        slot[i] = (next_rand() & 1) ? RpObject_Malloc(slot_size[i])
                                    : RpMem_Calloc(1, slot_size[i]);
        CHECK(slot[i] != NULL, "allocation of %zu failed", slot_size[i]);
        CHECK(((uintptr_t)slot[i] & 15) == 0, "misaligned block");
        fill(i);
    } else if (next_rand() % 4 == 0) {
        size_t keep = slot_size[i];
        size_t n = random_size();
        CHECK(intact(i), "slot %d corrupted before realloc", i);
        slot[i] = RpObject_Realloc(slot[i], n);
        slot_size[i] = n < keep ? n : keep;
        CHECK(intact(i), "realloc lost content");
        slot_size[i] = n;
        fill(i);
    } else {
        release(i);
    }
}

static void test_distinct_zero_size(void)
{
    void *a = RpObject_Malloc(0), *b = RpObject_Malloc(0);
    CHECK(a && b && a != b, "malloc(0) must give unique pointers");
    RpObject_Free(a);
    RpObject_Free(b);
}

int main(void)
{
    RpMem_Init();
    RpMemStats s;
    test_distinct_zero_size();
    for (int r = 0; r < ROUNDS; r++)
        one_step();
    RpMem_GetStats(&s);
    CHECK(s.using_malloc || s.arenas_live > 0, "expected live arenas");
    for (int i = 0; i < NSLOTS; i++)
        if (slot[i])
            release(i);
    RpMem_GetStats(&s);
    CHECK(s.blocks_in_use == 0, "blocks_in_use %zu", s.blocks_in_use);
    CHECK(s.pools_in_use == 0, "pools_in_use %zu", s.pools_in_use);
    /* empty arenas go back to the system, but for the two kept for reuse */
    CHECK(s.arenas_live <= 2, "arenas_live %zu after freeing everything", s.arenas_live);
    CHECK(s.large_allocs_live == 0, "large allocations live %zu", s.large_allocs_live);
    CHECK(s.using_malloc || s.arenas_freed + s.arenas_live == s.arenas_allocated,
          "arenas not returned");
    CHECK(s.using_malloc || s.arenas_allocated <= 2 || s.arenas_freed > 0, "no arena returned");
    RpMem_Fini();
    if (failures) {
        fprintf(stderr, "%d failures\n", failures);
        return 1;
    }
    printf("test_mem: ok (%zu arenas used)\n", s.arenas_allocated);
    return 0;
}
