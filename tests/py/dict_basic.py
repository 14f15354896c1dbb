# dict: methods, ordering, errors, subclasses, repr recursion, equality
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = {"a": 1, "b": 2}
d["c"] = 3; d["a"] = 10
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
err(lambda: d["zz"])
err(lambda: d[(1, 2)])
err(lambda: d[[1]])
err(lambda: {}.popitem())
err(lambda: {}.pop("k"))
err(lambda: dict([(1, 2, 3)]))
err(lambda: dict([1]))
err(lambda: dict(1, 2))
err(lambda: {}.update(1, 2))
err(lambda: {}.update([[1]]))
print(d.pop("b"), d.pop("b", "dflt"), d.setdefault("x", []), d.setdefault("a", 99), d)
print(d.popitem(), d)
# order after deletions and re-insertions
o = {}
for i in range(20):
    o[i] = i * i
for i in range(0, 20, 3):
    del o[i]
o[0] = "back"; o[3] = "again"
print(list(o), list(o.values())[:5])
for i in range(1000):
    o[i % 40] = i
    if i % 7 == 0:
        o.pop(i % 40)
print(list(o.items())[:8], len(o))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)], z=3), dict({1: 2}, **{"k": 5}), dict(zip("ab", (1, 2))))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {1: 2}.copy())
e = {1: 1}; e.update({2: 2}, three=3); e.update([(4, 4)]); e.update(five=5); print(e)
print({1: 2} | {3: 4}, {1: 2, 3: 4} | {1: 9})
f = {1: 2}; f |= [(5, 6)]; f |= {7: 8}; print(f)
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} == {1: 3}, {1: [1, {2: 3}]} == {1: [1, {2: 3}]}, {} != {1: 1})
print({1: 1} == {1.0: True}, {"a": 1} == {"b": 1})
r = {}; r["self"] = r; print(r)
print({(1, 2): {3: [4]}, None: (5,)})
m = {i: str(i) for i in range(5) if i != 2}; print(m)
try:
    for k in m:
        m[k + 100] = 1
except RuntimeError as ex:
    print("RuntimeError:", ex)
m2 = {1: 1, 2: 2}
try:
    for k in m2:
        del m2[k]
        m2[k + 10] = 0
except RuntimeError as ex:
    print("RuntimeError:", ex)
print(sorted(m2.items()))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter(); c["x"] += 1; c["x"] += 1; print(c, c["y"], "y" in c, type(c).__name__)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper(); u["a"] = 1; print(u, isinstance(u, dict), dict(u))
class NoMissing(dict): pass
err(lambda: NoMissing()["q"])
print(list(reversed({1: 2, 3: 4, 5: 6})))
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return self.n % 3
    def __eq__(self, other): return isinstance(other, K) and self.n == other.n
    def __repr__(self): return "K(%d)" % self.n
kd = {K(i): i for i in range(9)}
print(kd, kd[K(4)], K(10) in kd)
del kd[K(4)]; print(len(kd), K(4) in kd, K(7) in kd)
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
dd = {"x": D(1), "y": D(2), "z": D(3)}
del dd["y"]
del dd
print("end")
