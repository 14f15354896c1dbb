# iteration order of int sets must match CPython's table layout exactly
def mk(seq):
    s = set()
    for x in seq:
        s.add(x)
    return s
print(mk([5, 13, 21, 100, 3, 1000000, -7, 64, 8, 16, 29]))
print(mk(range(0, 200, 7)))
print(mk([1, 9, 17, 25]))
s = mk([1, 9, 17, 25]); s.remove(1); s.remove(17); s.add(33); print(s)
s = mk(range(100)); 
for i in range(0, 100, 3):
    s.discard(i)
s.update(range(1000, 1010)); print(s)
x = 1
seq = []
for i in range(300):
    x = (x * 1103515245 + 12345) % 2147483648
    seq.append(x % 5000 - 300)
s = mk(seq); print(s)
for v in seq[::4]:
    s.discard(v)
for v in range(40):
    s.add(v * 131)
print(s)
print(set(seq[:50]) | set(seq[50:90]), set(seq[:80]) & set(seq[40:200]))
print(set(seq[:100]) - set(seq[50:]), set(seq[:30]) ^ set(seq[20:60]))
print(set(range(50, 0, -3)), frozenset(range(40, 0, -7)), {-1, -2, 2 ** 40, 2 ** 61, -(2 ** 61)})
print(set({7: 1, 15: 2, 23: 3, 31: 4, 39: 5, 47: 6}), set([7, 15, 23, 31, 39, 47]))
d = {i * 9: i for i in range(12)}
print(d.keys() | {1}, d.keys() - {0}, d.keys() & set(range(0, 200, 2)))
p = mk(range(64))
while len(p) > 50:
    p.pop()
print(p, p.pop())
print({(1, 2), (3, 4), (5, 6), (1, 3)}, {True, 2.5, 3})
