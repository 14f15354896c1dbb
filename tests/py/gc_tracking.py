# Which objects the collector tracks (gc.is_tracked), as CPython 3.11 does:
# atoms never; lists always; tuples until a collection finds only atoms in
# them; dicts only once they hold something that may be tracked.
import gc

gc.disable()
gc.collect()

print("int:", gc.is_tracked(1), "big int:", gc.is_tracked(10 ** 30))
print("str:", gc.is_tracked("hello"), "float:", gc.is_tracked(1.5))
print("None:", gc.is_tracked(None), "bytes:", gc.is_tracked(b"x"))
print("list:", gc.is_tracked([]), gc.is_tracked([1, 2]))
print("set:", gc.is_tracked(set()), gc.is_tracked({1, 2}))


class C:
    pass


print("instance:", gc.is_tracked(C()), "class:", gc.is_tracked(C))
print("function:", gc.is_tracked(len), gc.is_tracked(lambda: 0))
print("builtin type:", gc.is_tracked(int))

t = tuple([1, 2, 3])
print("tuple of ints before collect:", gc.is_tracked(t))
t2 = tuple([1, [2]])
gc.collect()
print("tuple of ints after collect:", gc.is_tracked(t))
print("tuple holding a list after collect:", gc.is_tracked(t2))
print("empty tuple:", gc.is_tracked(()))

print("empty dict:", gc.is_tracked({}))
print("dict of atoms:", gc.is_tracked({"a": 1, "b": "two"}))
print("dict holding a list:", gc.is_tracked({"a": []}))
d = {}
d["x"] = 1
print("dict after atom insert:", gc.is_tracked(d))
d["y"] = []
print("dict after list insert:", gc.is_tracked(d))
d["y"] = 2
print("dict after list replaced:", gc.is_tracked(d))
gc.collect(0)
print("after young collection:", gc.is_tracked(d))
gc.collect()
print("after full collection:", gc.is_tracked(d))
d["z"] = [1]
print("re-tracked on container insert:", gc.is_tracked(d))
