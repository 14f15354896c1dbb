# dict views: len, iteration, membership, set operations, repr, reversed
d = {1: "a", 2: "b", 3: "c"}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
print(2 in k, 5 in k, (1, "a") in it, (1, "b") in it, [1] in it, "a" in v)
d[4] = "d"; print(k, list(v), list(it))
print(k & {2, 3, 9}, k | {9}, k - {1}, k ^ {1, 10})
print({2, 3, 9} & k, {9} | k, {1, 2} - k, [5, 1] - k if False else None)
print(it & {(1, "a"), (2, "x")}, sorted(it - {(1, "a")}))
e = {1: "a", 2: "z", 7: "q"}
print(sorted(d.items() ^ e.items()), sorted(d.keys() ^ e.keys()))
print(k == {1, 2, 3, 4}, k == {1}, k < {1, 2, 3, 4, 5}, k >= {1, 2}, it == {(1, "a"), (2, "b"), (3, "c"), (4, "d")})
print(k.isdisjoint({7, 8}), k.isdisjoint([1]), it.isdisjoint([(9, 9)]))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(v == v, list(v) == ["a", "b", "c", "d"])
r = {}; r[1] = r.keys(); print(r)
print({}.keys(), {}.items(), {}.values())
ki = iter(k); print(next(ki), ki.__length_hint__())
try:
    hash(k)
except TypeError as ex:
    print("TypeError:", ex)
try:
    for key in k:
        d.pop(key)
except RuntimeError as ex:
    print("RuntimeError:", ex)
big = {i * 37 % 101: i for i in range(60)}
print(big.keys() - set(range(0, 101, 2)) == {x for x in big if x % 2})
print(k | [99], k - [1])
