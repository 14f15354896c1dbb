# Special methods of classes: operators, containers, calls, iteration.

class V:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return 'V' + repr(tuple(self.xs))
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.xs, o.xs)])
        if isinstance(o, int):
            return V(*[a + o for a in self.xs])
        return NotImplemented
    def __radd__(self, o):
        return self.__add__(o)
    def __iadd__(self, o):
        self.xs = [a + o for a in self.xs]
        return self
    def __sub__(self, o):
        return V(*[a - b for a, b in zip(self.xs, o.xs)])
    def __mul__(self, k):
        return V(*[a * k for a in self.xs])
    def __rmul__(self, k):
        return V(*[k * a for a in self.xs])
    def __truediv__(self, k):
        return V(*[a / k for a in self.xs])
    def __floordiv__(self, k):
        return V(*[a // k for a in self.xs])
    def __mod__(self, k):
        return V(*[a % k for a in self.xs])
    def __pow__(self, k, mod=None):
        return V(*[pow(a, k, mod) for a in self.xs])
    def __neg__(self):
        return V(*[-a for a in self.xs])
    def __pos__(self):
        return self
    def __abs__(self):
        return V(*[abs(a) for a in self.xs])
    def __invert__(self):
        return V(*[~a for a in self.xs])
    def __and__(self, o): return 'and'
    def __or__(self, o): return 'or'
    def __xor__(self, o): return 'xor'
    def __lshift__(self, o): return 'lshift'
    def __rshift__(self, o): return 'rshift'
    def __matmul__(self, o): return 'matmul'
    def __eq__(self, o):
        return isinstance(o, V) and self.xs == o.xs
    def __lt__(self, o):
        return sum(self.xs) < sum(o.xs)
    def __le__(self, o):
        return sum(self.xs) <= sum(o.xs)
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __delitem__(self, i):
        del self.xs[i]
    def __contains__(self, x):
        return x in self.xs
    def __iter__(self):
        return iter(self.xs)
    def __bool__(self):
        return any(self.xs)
    def __call__(self, *a, **k):
        return ('called', a, sorted(k.items()))
    def __index__(self):
        return len(self.xs)
    def __int__(self):
        return sum(self.xs)
    def __float__(self):
        return float(sum(self.xs))
    def __format__(self, spec):
        return 'V<' + spec + '>'

a, b = V(1, 2, 3), V(10, 20, 30)
print(a + b, a + 1, 1 + a, a - b, a * 2, 3 * a)
print(a / 2, b // 3, b % 7, a ** 2, pow(a, 2, 3))
print(-a, +a is a, abs(V(-1, 2)), ~a)
print(a & 1, a | 1, a ^ 1, a << 1, a >> 1, a @ b)
c = a
c += 5
print(c, a, c is a)
print(a == V(6, 7, 8), a == b, a != b, a < b, a <= b, a > b, a >= b)
print(len(a), a[0], a[-1], a[1:])
a[0] = 100
del a[1]
print(a, 100 in a, 7 in a, 99 in a)
print(list(a), [x for x in a], bool(a), bool(V(0, 0)), bool(V()))
print(a(1, 2, k=3))
print([10, 20, 30, 40][V(1)], int(a), float(a), hex(V(1, 2)))
print(format(a, 'spec'), f'{a:xyz}', '{:abc}'.format(a))
print(sorted([V(3), V(1), V(2)]))
print(max(V(1), V(5)), min(V(1), V(5)))

# __hash__ = None when __eq__ is defined
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
print(V.__hash__)

class H:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return self.k == o.k
    def __hash__(self): return hash(self.k)
print(len({H(1), H(1), H(2)}), H(3) in {H(3)})

class Unhash:
    __hash__ = None
try:
    {Unhash()}
except TypeError as e:
    print("TypeError:", e)

# reflected operations and NotImplemented
class R:
    def __radd__(self, o):
        return ('radd', o)
    def __rsub__(self, o):
        return ('rsub', o)
    def __rpow__(self, o):
        return ('rpow', o)
print(1 + R(), 'a' + R(), [1] + R(), 2 - R(), 2 ** R())
try:
    R() + 1
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __add__(self, o):
        return 'Base.add'
    def __radd__(self, o):
        return 'Base.radd'
class Derived(Base):
    def __radd__(self, o):
        return 'Derived.radd'
print(Base() + Derived(), Derived() + Base(), Base() + Base())

class NI:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return NotImplemented
    def __eq__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
try:
    NI() + NI()
except TypeError as e:
    print("TypeError:", e)
x = NI()
print(x == x, x == NI(), x != NI())
try:
    NI() < NI()
except TypeError as e:
    print("TypeError:", e)

# rich comparison reflection
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('lt', self.v, getattr(o, 'v', o))
        return True
    def __gt__(self, o):
        print('gt', self.v, getattr(o, 'v', o))
        return False
print(Cmp(1) < Cmp(2))
print(Cmp(1) > Cmp(2))
print(5 < Cmp(3))
class SubCmp(Cmp):
    pass
print(Cmp(1) < SubCmp(2))
class SubCmp2(Cmp):
    def __gt__(self, o):
        print('SubCmp2.gt')
        return True
print(Cmp(1) < SubCmp2(2))

# in-place falls back to binary
class P:
    def __init__(self, v): self.v = v
    def __add__(self, o): return P(self.v + o)
    def __repr__(self): return 'P(%d)' % self.v
q = P(1)
q2 = q
q += 2
print(q, q2, q is q2)

# __getitem__ only: iteration and `in` via the sequence protocol
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
for v in Seq():
    print('item', v)

# __iter__ with a separate iterator
class Count:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(4)), sum(Count(10)))
it = Count(1)
print(next(it), next(it, 'done'))

# __len__ feeding bool
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(L(0)), bool(L(2)), len(L(5)))
try:
    len(L(-1))
except ValueError as e:
    print("ValueError:", e)

class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)

class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)

class BadInit:
    def __init__(self): return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)

# assigning a dunder after class creation updates the slot
class Late:
    pass
try:
    Late() + 1
except TypeError as e:
    print("TypeError:", e)
Late.__add__ = lambda self, o: ('late', o)
print(Late() + 1)
Late.__len__ = lambda self: 9
print(len(Late()))
del Late.__add__
try:
    Late() + 1
except TypeError as e:
    print("TypeError:", e)
class LateSub(Late):
    pass
Late.__repr__ = lambda self: '<late repr>'
print(repr(LateSub()), LateSub())
