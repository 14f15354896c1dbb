# Float temporaries are reused for results inside the eval loop; nothing
# a program can see may change: values, identities of named floats,
# comparisons with and without jumps, signed zeros, inf/nan.
x = 1.5
y = x
z = x * 2.0 + 1.0          # temporaries reused
print(x, y, z, x is y)
a = [0.1 * i for i in range(5)]
b = [v * v + v / 3.0 - 1.0 for v in a]
print(a, b)
s = 0.0
for v in b:
    s += v * 0.5 - v / 7.0
print(s)
t = 2.0
u = t
t *= 3.0                     # t is named: u keeps the old object
print(t, u)
print(-0.0 * 1.0, 0.0 * -1.0, 1e308 * 10.0, (1e308 * 10.0) - (1e308 * 10.0))
print(1.0 < 2.0, 2.0 <= 2.0, 3.0 == 3.0, 3.0 != 3.0, float('nan') == float('nan'), 0.0 == -0.0)
n = 0
w = 0.0
while w < 1.0:
    w += 0.125
    if w > 0.5 and w != 0.75:
        n += 1
print(n, w)
try:
    print(1.0 / (0.5 - 0.5))
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
