# Float <-> text: repr of random and "nice" doubles, float() of their
# reprs, and %-formatting -- the conversions of dtoa.c.
import random
random.seed(5)
vals = [random.random() * 10 ** random.randint(-20, 20) for _ in range(20000)]
nice = [i / 100 for i in range(20000)]
strs = [repr(v) for v in vals]
n = 0
for _ in range(10):
    for v in vals:
        n += len(repr(v))
    for v in nice:
        n += len(str(v))
    for s in strs:
        n += float(s) > 1.0
    for v in vals:
        n += len('%.6g' % v) + len(f'{v:.3e}')
    for v in nice:
        n += len('%.2f' % v)
print(n)
