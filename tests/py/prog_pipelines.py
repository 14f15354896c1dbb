# Iterator / generator pipelines: yield from, send, itertools.
import itertools
from itertools import (chain, groupby, accumulate, takewhile, dropwhile, islice, product,
                       permutations, combinations, combinations_with_replacement, zip_longest,
                       starmap, tee, cycle, repeat, compress, filterfalse, pairwise)

LOG = """\
2023-01-01 INFO start server
2023-01-01 WARN disk 81%
2023-01-01 INFO request /home 200
2023-01-02 ERROR request /api 500
2023-01-02 INFO request /home 200
2023-01-02 WARN disk 90%
2023-01-03 ERROR db timeout
2023-01-03 INFO request /about 404
"""


def read_lines(text):
    for line in text.splitlines():
        if line.strip():
            yield line


def parse(lines):
    for line in lines:
        date, level, msg = line.split(" ", 2)
        yield {"date": date, "level": level, "msg": msg}


def only(levels, records):
    return (r for r in records if r["level"] in levels)


records = list(parse(read_lines(LOG)))
print(len(records), [r["level"] for r in only({"ERROR", "WARN"}, records)])
for date, group in groupby(records, key=lambda r: r["date"]):
    levels = [r["level"] for r in group]
    print(date, len(levels), dict(sorted((l, levels.count(l)) for l in set(levels))))


def running_average():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return count


avg = running_average()
next(avg)
print([avg.send(v) for v in [10, 20, 30, 40]])
try:
    avg.send(None)
except StopIteration as e:
    print("finished after", e.value)


def delegator(results):
    while True:
        n = yield from running_average()
        results.append(n)


res = []
d = delegator(res)
next(d)
for v in [1, 2, None, 5, None]:
    d.send(v)
print("delegator counts", res)


def chunked(iterable, n):
    it = iter(iterable)
    while batch := list(islice(it, n)):
        yield batch


print(list(chunked(range(10), 3)))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3], []])))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)),
      list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(takewhile(lambda x: x < 5, [1, 3, 6, 2])), list(dropwhile(lambda x: x < 5, [1, 3, 6, 2])))
print(list(product("ab", repeat=2)), len(list(product(range(3), range(4)))))
print(list(permutations([1, 2, 3], 2)))
print(list(combinations("abcd", 2)), list(combinations_with_replacement("ab", 2)))
print(list(zip_longest("abc", [1], fillvalue="-")))
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])))
a, b = tee(iter([1, 2, 3]))
print(list(a), list(b))
print(list(islice(cycle("xyz"), 7)), list(repeat("k", 3)))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(filterfalse(str.isdigit, "a1b2c3")))
print(list(pairwise([1, 4, 9, 16])), [b - a for a, b in pairwise([1, 4, 9, 16])])
print(list(islice(itertools.count(1), 2, 10, 3)))


def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n


print(list(islice(primes(), 15)))
squares = (x * x for x in range(10))
evens = (x for x in squares if x % 2 == 0)
print(sum(evens), list(evens))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6, 7])), list(filter(None, [0, 1, "", "a", None])))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])), list(enumerate("abc", 10)))
print(sorted(itertools.chain(*[range(3)] * 2)), list(reversed(range(5)))[1::2])
print(dict(zip("abc", itertools.count())), any(x > 2 for x in [1, 2, 3]), all([]))


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def __reversed__(self):
        return iter(range(1, self.start + 1))


cd = Countdown(5)
print(list(cd), list(reversed(cd)), 3 in cd, sorted(cd))


class Fib:
    def __init__(self):
        self.a, self.b = 0, 1

    def __iter__(self):
        return self

    def __next__(self):
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value


print(list(islice(Fib(), 12)), next(dropwhile(lambda x: x < 1000, Fib())))
gen = (i for i in range(3))
print(gen.__next__(), list(gen))
try:
    next(gen)
except StopIteration:
    print("exhausted")
def g_return():
    yield 1
    return "value"
print(list(g_return()))
