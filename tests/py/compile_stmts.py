# Statements: assignment forms, augmented assignment, del, assert, imports, loops.
a, *b, c = range(6)
print(a, b, c)
*d, e = "xyz"
print(d, e)
(f, g), h = (1, 2), 3
print(f, g, h)
[i, [j, *k]] = [1, [2, 3, 4]]
print(i, j, k)
x = y = z = 7
print(x, y, z)


class Obj:
    def __init__(self):
        self.n = 1
        self.items = [10, 20, 30]


count = 0


def get():
    global count
    count += 1
    return o


o = Obj()
get().n += 5
get().items[1] += 1
print(o.n, o.items, count)
n = 10
n -= 3
n *= 2
n //= 3
n **= 2
n %= 7
n <<= 3
n |= 1
n ^= 2
n &= 0xFF
n >>= 1
print(n)
lst = [1, 2, 3, 4, 5]
del lst[0], lst[-1]
print(lst)
del lst[:]
print(lst)
o.extra = 1
del o.extra
print(hasattr(o, "extra"))
v = 1
del v
try:
    v
except NameError as exc:
    print("NameError", exc)
try:
    assert 1 == 2, "math is broken"
except AssertionError as exc:
    print("assert:", exc)
try:
    assert False
except AssertionError as exc:
    print("assert empty:", repr(exc))
import os.path
import os.path as osp
from os import path as p2, sep
print(os.path is osp, p2 is osp, sep)
for i in range(5):
    if i == 1:
        continue
    if i == 3:
        break
    print("for", i)
else:
    print("no")
for i in range(2):
    pass
else:
    print("for-else", i)
k = 0
while k < 10:
    k += 1
    if k % 2:
        continue
    if k > 6:
        break
    print("while", k)
else:
    print("never")
while False:
    print("never")
else:
    print("while-else")
if 0:
    print("no")
elif k:
    print("elif", k)
else:
    print("no")
total = 0
for x, y in [(1, 2), (3, 4)]:
    total += x * y
print(total)
g = {"a": 1}
g.update(b=2)
print(sorted(g))
