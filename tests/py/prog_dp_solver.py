# Memoizing dynamic-programming solvers using functools.lru_cache and cache.
from functools import lru_cache, cache, reduce, partial, wraps
import sys


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@cache
def edit_distance(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))


def lcs(x, y):
    @lru_cache(maxsize=None)
    def go(i, j):
        if i == len(x) or j == len(y):
            return ""
        if x[i] == y[j]:
            return x[i] + go(i + 1, j + 1)
        left, right = go(i + 1, j), go(i, j + 1)
        return left if len(left) >= len(right) else right
    result = go(0, 0)
    return result, go.cache_info()


def knapsack(items, capacity):
    @lru_cache(maxsize=256)
    def best(i, cap):
        if i == len(items):
            return 0, ()
        name, weight, value = items[i]
        skip = best(i + 1, cap)
        if weight > cap:
            return skip
        v, chosen = best(i + 1, cap - weight)
        take = (v + value, (name,) + chosen)
        return max(skip, take)
    return best(0, capacity)


def coin_change(coins, amount):
    table = [0] + [float("inf")] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and table[a - c] + 1 < table[a]:
                table[a] = table[a - c] + 1
    return table[amount] if table[amount] != float("inf") else -1


def count_paths(grid):
    rows, cols = len(grid), len(grid[0])

    @lru_cache(None)
    def paths(r, c):
        if r >= rows or c >= cols or grid[r][c] == "#":
            return 0
        if (r, c) == (rows - 1, cols - 1):
            return 1
        return paths(r + 1, c) + paths(r, c + 1)
    return paths(0, 0)


print([fib(n) for n in range(20)], fib(90))
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
print(info)
fib.cache_clear()
print(fib.cache_info())
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution")]:
    print(f"edit({a!r}, {b!r}) = {edit_distance(a, b)}")
print(lcs("AGGTAB", "GXTXAYB"))
items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
print(knapsack(items, 200))
print(coin_change([1, 5, 10, 25], 63), coin_change([2], 3), coin_change([3, 7], 20))
grid = ["....", ".#..", "...#", "#..."]
print("paths", count_paths(grid))


def counted(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


@counted
def collatz_len(n):
    """Length of the Collatz sequence starting at n."""
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best), collatz_len.calls, collatz_len.__name__, collatz_len.__doc__)
print(reduce(lambda a, b: a * b, range(1, 15)), reduce(max, [3, 9, 2], 0))
pow2 = partial(pow, 2)
print([pow2(k) for k in range(10)], pow2.func is pow, pow2.args)


@lru_cache(maxsize=2)
def square(x):
    print("  computing", x)
    return x * x

for x in [1, 2, 1, 3, 1, 2]:
    square(x)
print(square.cache_info())
try:
    fib([1, 2])
except TypeError as e:
    print("TypeError:", e)
sys.setrecursionlimit(3000)
@lru_cache(None)
def stairs(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return stairs(n - 1) + stairs(n - 2) + stairs(n - 3)
print(stairs(30), stairs(60))
