# Generators, yield from, generator expressions, comprehensions.
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"


g = gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)


def outer():
    r = yield from gen(2)
    print("inner returned", r)
    yield "last"


print(list(outer()))
print(sum(x * x for x in range(5)))
print([x for x in range(10) if x % 2 if x > 3])
print([(x, y) for x in range(3) for y in range(x)])
print({x % 3 for x in range(10)}, {k: v for k, v in zip("ab", [1, 2])})
print([[j for j in range(i)] for i in range(4)])
ge = (i for i in range(3))
print(type(ge).__name__, list(ge), list(ge))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)


def g2():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")


for v in g2():
    print(v)
    break
print(g2.__code__.co_flags & 0x20 != 0, gen.__name__, gen.__qualname__)
lam = lambda: (yield 5)
print(list(lam()))
