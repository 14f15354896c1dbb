# list.sort / sorted: stability, key, reverse, errors, big inputs
class Rng:
    # a tiny LCG: the same numbers under every implementation
    def __init__(self, seed): self.x = seed
    def randrange(self, n):
        self.x = (self.x * 1103515245 + 12345) % 2147483648
        return self.x % n
    def random(self): return self.randrange(1 << 30) / (1 << 30)
    def shuffle(self, a):
        for i in range(len(a) - 1, 0, -1):
            j = self.randrange(i + 1)
            a[i], a[j] = a[j], a[i]
rng = Rng(1234)
data = [rng.randrange(100) for _ in range(50)]
print(sorted(data))
pairs = [(rng.randrange(5), i) for i in range(30)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
words = ["pear", "Apple", "fig", "banana", "kiwi", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
a = [3, 1, 2]; print(a.sort(), a)
a.sort(reverse=True); print(a)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].sort(key=1)
except TypeError as e:
    print("TypeError:", e)
try:
    [3, 2, 1].sort(None)
except TypeError as e:
    print("TypeError:", e)
b = [5, 4, 3, 2, 1]
def bad(x):
    b.append(x)
    return x
try:
    b.sort(key=bad)
except ValueError as e:
    print("ValueError:", e)
print(b)
# 10,000 partly sorted items with a checksum
n = 10000
big = list(range(n // 2)) + [rng.randrange(n) for _ in range(n // 4)] + list(range(n, n // 2, -2))
head = big[:100]; rng.shuffle(head); big[:100] = head
big.sort()
ok = all(big[i] <= big[i + 1] for i in range(len(big) - 1))
print(len(big), ok, sum(i * v for i, v in enumerate(big)) % 1000003)
big.sort(key=lambda v: -v)
print(big[:5], big[-5:])
recs = [(i % 7, -i) for i in range(2000)]
recs.sort(key=lambda r: r[0])
print(recs[:3], recs[-3:], all(recs[i][1] > recs[i + 1][1] for i in range(len(recs) - 1) if recs[i][0] == recs[i + 1][0]))
fl = [rng.random() for _ in range(1000)]
print(sorted(fl) == sorted(fl, key=lambda v: v), sorted(["b", "a", "c"], reverse=True))
print(sorted([3, 1.5, 2, True]), sorted([(1, "b"), (1, "a"), (0, "z")]))
