# weakref.proxy: forwarding of attributes, operators, containers, calls;
# ReferenceError once the referent is gone.
import weakref


class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return Vec(self.x + (other.x if isinstance(other, Vec) else other))

    def __radd__(self, other):
        return Vec(other + self.x)

    def __mul__(self, k):
        return Vec(self.x * k)

    def __neg__(self):
        return Vec(-self.x)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x

    def __lt__(self, other):
        return self.x < other.x

    def __len__(self):
        return abs(self.x)

    def __getitem__(self, i):
        return self.x * 10 + i

    def __setitem__(self, i, v):
        self.x = v

    def __contains__(self, v):
        return v == self.x

    def __iter__(self):
        return iter(range(self.x))

    def __bool__(self):
        return self.x != 0

    def __str__(self):
        return "Vec<%d>" % self.x

    def __int__(self):
        return self.x

    def __index__(self):
        return self.x

    def norm(self):
        return abs(self.x)

    __hash__ = None


v = Vec(3)
p = weakref.proxy(v)
print("type:", type(p).__name__, type(weakref.proxy(len)).__name__)
print("same basic proxy:", weakref.proxy(v) is p)
print("getattr:", p.x, p.norm())
p.x = 4
print("setattr forwarded:", v.x)
p.y = "new"
print("new attribute:", v.y)
del p.y
print("delattr:", hasattr(v, "y"))
print("__class__ forwarded:", p.__class__.__name__)
print("add:", (p + 1).x, (1 + p).x, (p + p).x)
print("mul, neg:", (p * 2).x, (-p).x)
print("eq, lt:", p == v, p == Vec(4), p < Vec(5))
print("len, getitem:", len(p), p[2])
p[0] = 5
print("setitem:", v.x)
print("contains:", 5 in p, 6 in p)
print("iter:", list(p))
print("bool:", bool(p))
print("str:", str(p))
print("int, index:", int(p), [0, 1, 2, 3, 4, 5, 6][p])
q = p
q += 1
print("inplace add rebinds to result:", type(q).__name__, q.x)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
print("getweakrefcount:", weakref.getweakrefcount(v))
r = weakref.ref(v)
print("ref and proxy:", weakref.getweakrefcount(v),
      [type(w).__name__ for w in weakref.getweakrefs(v)])


def double(x):
    return 2 * x


cp = weakref.proxy(double)
print("callable proxy:", cp(21), callable(cp), callable(p))

log = []
v2 = Vec(9)
p2 = weakref.proxy(v2, lambda pr: log.append("proxy callback, same: %s" % (pr is p2)))
del v2
print(log)
del v
for action in ("attr", "str", "add", "len", "bool"):
    try:
        if action == "attr":
            p.x
        elif action == "str":
            str(p)
        elif action == "add":
            p + 1
        elif action == "len":
            len(p)
        else:
            bool(p)
    except ReferenceError as e:
        print("ReferenceError (%s):" % action, e)
try:
    weakref.proxy(1)
except TypeError as e:
    print("TypeError:", e)
print("ProxyTypes:", [t.__name__ for t in weakref.ProxyTypes])
