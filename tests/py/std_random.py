import random

for s in (0, 1, 42, 12345, -7, 2**40 + 3, 2**62 + 11):
    random.seed(s)
    print(s, [random.random() for _ in range(3)])
    print(' getrandbits', [random.getrandbits(k) for k in (1, 5, 31, 32, 33, 48, 63)])
    print(' randint', [random.randint(1, 6) for _ in range(10)])
    print(' randrange', random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7),
          random.randrange(100, 0, -3), random.randrange(2**40))
    L = list(range(20))
    random.shuffle(L)
    print(' shuffle', L)
    print(' choice', random.choice('abcdefg'), random.choice([10, 20, 30]))
    print(' sample', random.sample(range(100), 10), random.sample('abcdef', 3))
    print(' sample big', random.sample(range(1000), 50)[:8])
    print(' sample counts', random.sample(['r', 'b'], counts=[4, 2], k=5))
    print(' uniform', random.uniform(1, 10), random.uniform(-5, 5))
    print(' choices', random.choices('abc', k=5), random.choices('abc', [1, 2, 3], k=5),
          random.choices(range(4), cum_weights=[1, 1, 5, 9], k=4))
    print(' gauss', random.gauss(0, 1), random.gauss(5, 2), random.gauss())
    print(' normal', random.normalvariate(0, 1), random.normalvariate(10, 3))
    print(' misc', random.expovariate(1.5), random.triangular(0, 10, 3),
          random.gammavariate(2.0, 1.5), random.gammavariate(0.5, 1.0),
          random.betavariate(2, 3), random.paretovariate(2.0),
          random.weibullvariate(1.0, 2.0), random.lognormvariate(0, 1),
          random.vonmisesvariate(1.0, 2.0))
    print(' bytes', random.randbytes(7), random.randbytes(4))

r = random.Random(99)
st = r.getstate()
a = [r.random() for _ in range(700)]
r.setstate(st)
b = [r.random() for _ in range(700)]
print(a == b, a[-1])
print(random.Random(3.5).random(), random.Random(True).random())
r1 = random.Random(5); r2 = random.Random(); r2.seed(5)
print(r1.random() == r2.random())
for bad in [(0,), (5, 5), (0, 10, 0)]:
    try:
        random.randrange(*bad)
    except ValueError as e:
        print('ValueError', e)
try:
    random.choice([])
except IndexError as e:
    print('IndexError', e)
try:
    random.sample(range(3), 5)
except ValueError as e:
    print('ValueError', e)
try:
    random.sample({1, 2}, 1)
except TypeError as e:
    print('TypeError', e)
random.seed(2024)
x = [random.random() for _ in range(2000)]
print(x[1999], sum(x) > 0)
