from itertools import *
import itertools
import operator

c = count(5)
print(next(c), next(c), c, count(), count(2, 3), count(0.5, 0.25), next(count(1.5)))
print(list(islice(count(10, -2), 5)), list(zip(count(), 'abc')))
print(list(repeat('x', 3)), repeat(1, 2), repeat('a'), list(map(pow, range(5), repeat(2))))
r = repeat(7, 3); next(r); print(r, operator.length_hint(r))
print(list(islice(cycle('abc'), 8)), list(cycle([])))
print(list(chain('ab', [1, 2], (3,))), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(islice(range(20), 5)), list(islice(range(20), 2, 8)), list(islice(range(20), 1, 15, 4)),
      list(islice(range(20), 3, None, 5)), list(islice('abc', None)), list(islice('abcdef', 2, None)))
it = iter(range(10))
print(list(islice(it, 0, 5, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
for bad in [(-1,), (1, -1), (0, 5, 0), ('a',)]:
    try:
        islice(range(3), *bad)
    except ValueError as e:
        print('ValueError', e)
print(list(product('ab', range(3))), list(product([1, 2], repeat=2)), list(product()), list(product('ab', [])))
print(len(list(product(range(3), repeat=4))), list(product('xy', 'z', repeat=2))[:3])
print(list(permutations('abc')), list(permutations(range(4), 2)), list(permutations([], 0)), list(permutations('ab', 3)))
print(list(combinations('abcd', 2)), list(combinations(range(5), 3))[-2:], list(combinations('ab', 0)), list(combinations('a', 2)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
for k, g in groupby('aaabbcdda'):
    print(k, list(g), end='; ')
print()
print([(k, list(g)) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
print([k for k, g in groupby('aabbbc')], list(groupby('')))
gs = groupby('aabb'); k1, g1 = next(gs); k2, g2 = next(gs); print(k1, list(g1), k2, list(g2))
print([(k, len(list(g))) for k, g in groupby(sorted('mississippi'))])
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4], max)),
      list(accumulate([1, 2], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(zip_longest('abc', [1])), list(zip_longest('ab', 'xyz', fillvalue='-')), list(zip_longest()))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])),
      list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(filterfalse(lambda x: x % 2, range(10))),
      list(filterfalse(None, [0, 1, '', 'a'])), list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(pairwise('abcd')), list(pairwise('a')), list(pairwise([])))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee('xyz', 3); print(list(x), list(z), list(y), tee([], 0))
t1, t2 = tee(count()); print(next(t1), next(t1), next(t2))
c1, c2 = tee(t1); print(next(c1), next(c2), next(t2))
try:
    tee([], -1)
except ValueError as e:
    print('ValueError', e)
def gen():
    yield 1
    yield 2
print(list(chain(gen(), gen())), sum(islice(count(1), 100)))
print(list(map(lambda t: ''.join(t), product('01', repeat=3))))
