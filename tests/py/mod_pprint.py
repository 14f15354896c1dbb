# pprint and reprlib: layouts identical to CPython's
import collections
import pprint
import reprlib

d = {'key%d' % i: list(range(i * 3)) for i in range(8)}
pprint.pprint(d)
pprint.pprint(d, width=40, compact=True)
pprint.pprint(d, indent=4, width=60)
pprint.pprint(["a long string " * 8, b"bytes " * 20, (1,), {3, 1, 2}, frozenset({5, 4})], width=50)
pprint.pprint({"x": {"y": {"z": {"w": 1}}}, "l": [[[[1]]]]}, depth=2)
pprint.pprint("short")
pprint.pprint("a rather long string that needs to be wrapped because it goes past the width limit " * 2)
pprint.pprint("line one\nline two\n" * 6, width=30)
print(pprint.pformat((1, 2, 3) * 10, width=30))
print(pprint.pformat({"b": 1, "a": 2, "c": {"z": 0, "y": [1, 2]}}, sort_dicts=False))
pprint.pp({"b": 1, "a": 2})
print(pprint.saferepr([1, 2]), pprint.isreadable(object()), pprint.isreadable([1, "x"]))
l = [1, 2]
l.append(l)
print(pprint.isrecursive(l), pprint.pformat(l).startswith("[1, 2, <Recursion on list with id="))
pprint.pprint(collections.OrderedDict((str(i), i * 1000000) for i in range(12)))
pprint.pprint(collections.Counter("abracadabra" * 20), width=20)
pprint.pprint(collections.defaultdict(list, {i: [i] * 10 for i in range(3)}), width=30)
pprint.pprint(collections.deque(range(30)), width=40)
pprint.pprint([{"name": "item%d" % i, "tags": ["t%d" % j for j in range(i)], "n": i * 1.5}
               for i in range(5)])
pprint.pprint({(1, 2): "tuple key", 3: "int key", "s": "str key"}, width=20)
pprint.pprint({1: "mixed", "a": "keys", None: "none"})
pprint.pprint(list(range(100)), compact=True)
pprint.pprint(set(range(30)), width=50)
pprint.pprint(12345678901234567890, underscore_numbers=True)
pp = pprint.PrettyPrinter(indent=2, width=30, depth=3)
print(pp.pformat({"a": [1, {"b": [2, {"c": 3}]}], "d": "e" * 40}))
try:
    pprint.PrettyPrinter(indent=-1)
except ValueError as e:
    print(e)

print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(set(range(20))), reprlib.repr((1,)), reprlib.repr(10 ** 50), reprlib.repr([[[[[[[1]]]]]]]))
r = reprlib.Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr("abcdefghijklmnop"))


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % self.children


n = Node()
n.children.append(n)
print(repr(n))
