# cmath: values, branch cuts, special values and errors.
import cmath
import math

inf = float('inf')
nan = float('nan')

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
def negz(re):
    # complex(re, -0.0) without the constructor (refpy's drops the sign)
    return complex(re, 0.0).conjugate()

vals = [0j, complex(-0.0, 0), negz(0), complex(inf, 0), complex(-inf, 0),
        complex(0, inf), complex(inf, inf), complex(-inf, -inf), complex(nan, 0), complex(0, nan),
        complex(1, nan), complex(inf, nan), complex(1000, 0), complex(0, 1000), complex(1, 0),
        complex(-1, 0), complex(2, 0), negz(-1), complex(0, 1), complex(0, -1),
        complex(3, 4), complex(-3, 4), complex(0.5, -0.25), complex(1e-300, 1e-300),
        complex(1e300, 1e300), complex(-2, 0.0), negz(-2), complex(5e-324, 0)]
names = ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh',
         'cosh', 'tanh', 'asinh', 'acosh', 'atanh']
for f in names:
    fn = getattr(cmath, f)
    for v in vals:
        try:
            print(f, v, fn(v))
        except (ValueError, OverflowError) as e:
            print(f, v, type(e).__name__, e)

print(cmath.phase(-1), cmath.phase(negz(-1)), cmath.phase(1j), cmath.phase(0))
print(cmath.polar(1j), cmath.polar(complex(3, 4)), cmath.polar(-2))
print(cmath.rect(1, 0), cmath.rect(2, math.pi / 2), cmath.rect(1, math.pi), cmath.rect(inf, 0))
print(cmath.rect(0, 1), cmath.rect(-1, 0.5))
print(cmath.log(8, 2), cmath.log(100, 10), cmath.log(1j, 1j), cmath.log(-8, 2))
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(-4.0), cmath.exp(1j * cmath.pi))
print(cmath.isfinite(1 + 1j), cmath.isfinite(complex(inf, 0)), cmath.isinf(complex(0, inf)),
      cmath.isinf(1j), cmath.isnan(complex(nan, 1)), cmath.isnan(1))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j),
      cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isclose(0j, 1e-10j, abs_tol=1e-9),
      cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(complex(nan, 0), complex(nan, 0)))

class C:
    def __complex__(self):
        return 2 + 0j
class F:
    def __float__(self):
        return 4.0
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(16), cmath.sqrt(True))
show(lambda: cmath.sqrt('x'))
show(lambda: cmath.log(0))
show(lambda: cmath.log(1, 1))
show(lambda: cmath.log(1, 0))
show(lambda: cmath.exp(complex(1000, 1)))
show(lambda: cmath.atanh(1))
show(lambda: cmath.atan(1j))
show(lambda: cmath.cosh(complex(1000, 0)))
show(lambda: cmath.rect(1, inf))
show(lambda: cmath.isclose(1, 1, rel_tol=-1))
show(lambda: cmath.polar(complex(1e308, 1e308)))
