# list: methods, indexing, slicing, operators and their error messages
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = [3, 1, 2]
a.append(5); a.extend(range(2)); a.insert(0, 9); a.insert(-1, 7); a.insert(100, 8)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
err(lambda: a.remove(42))
err(lambda: [].pop())
err(lambda: [1].pop(5))
err(lambda: [1, 2].index(3))
print([1, 2, 3, 2].index(2), [1, 2, 3, 2].index(2, 2), [1, 2, 3, 2].count(2))
err(lambda: [1, 2, 3].index(1, 1, 2))
b = a.copy(); b.reverse(); print(b, a)
b.clear(); print(b)
print(a[0], a[-1])
err(lambda: a[10])
err(lambda: a.__setitem__(10, 1))
err(lambda: a["x"])
err(lambda: [1] + 1)
err(lambda: [1] + (1,))
x = list(range(10))
print(x[::2], x[::-1], x[1:8:3], x[-3:], x[:-7], x[8:2:-2], x[100:], x[::-3])
x[2:5] = "ab"; print(x)
x[::2] = [0] * len(x[::2]); print(x)
err(lambda: x.__setitem__(slice(None, None, 2), [1, 2]))
y = list(range(12))
del y[::3]; print(y)
del y[-2:]; print(y)
del y[1]; print(y)
del y[::-2]; print(y)
z = [1, 2, 3]; z[1:1] = z; print(z)
z[::-1] = z; print(z)
err(lambda: z.__setitem__(slice(0, 1), 5))
c = [1, 2]; c += (3, 4); c *= 2; print(c)
c *= 0; print(c)
print([1, 2] * 3, 2 * [0], [1] * -1)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1] != [1], [] <= [])
err(lambda: [1, "a"] < [1, 2])
print(3 in [1, 2, 3], 4 not in [1, 2, 3])
r = [1, 2]; r.append(r); print(r)
d = {"k": r}; print([d])
print(list("abc"), list((1, 2)), list({1: 2}), list(range(3)))
err(lambda: list(1, 2))
err(lambda: list(x=1))
err(lambda: list(5))
print(list(reversed([1, 2, 3])), [i * i for i in range(6) if i % 2])
it = iter([1, 2, 3]); next(it); print(it.__length_hint__(), list(it))
print([[1, [2]], 3] == [[1, [2]], 3], [[1, [2]]] == [[1, [3]]])

class MyList(list):
    def append(self, v):
        super().append(v * 10)
    def __len__(self):
        return 42
m = MyList([1, 2]); m.append(3)
print(m, len(m), type(m).__name__, isinstance(m, list), m + [4], type(m + [4]).__name__)
m2 = MyList(); print(m2 == [], bool(MyList()))

class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
l = [D(1), D(2), D(3)]
del l
l = [D(4), D(5)]
l.clear()
print("end")
