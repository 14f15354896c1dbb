# decimal: construction, str/repr, arithmetic, comparisons, hashing,
# conversions, contexts and signals.
import decimal
from decimal import (Decimal, getcontext, setcontext, localcontext, Context,
                     InvalidOperation, DivisionByZero, Inexact, Rounded,
                     Overflow, Underflow, Subnormal, Clamped, FloatOperation,
                     ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_FLOOR,
                     ROUND_CEILING, ROUND_HALF_EVEN, BasicContext,
                     ExtendedContext, DefaultContext)
from fractions import Fraction
import math


def show(label, fn):
    try:
        r = fn()
    except TypeError as e:
        # the text names the type 'decimal.Decimal' in CPython (a C type)
        r = 'TypeError' if 'operand' in str(e) else 'TypeError: %s' % e
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(label, '->', repr(r) if not isinstance(r, str) else r)


print('-- construction')
for s in ['0', '-0', '1.10', '1E+2', '1e-7', '0.000001', '0.0000001', '-0.00',
          '123.456e3', '  42  ', '1_000.5', 'NaN', '-nan', 'NaN0123', 'sNaN7',
          'Inf', '-Infinity', '.5', '5.', '+3', '1.e5', '0E+5', '0E-8',
          '12345678901234567890123456789012345']:
    print(repr(s), repr(Decimal(s)), str(Decimal(s)))
for v in [0, -7, 10**30, True, 0.1, -0.0, 1.5, 1e100, float('inf'),
          float('nan'), (0, (1, 2, 3), -2), (1, (4, 5), 3), (0, (), 'F'),
          [1, [0], 0], Decimal('3.14')]:
    print(repr(v), repr(Decimal(v)))
show('Decimal("abc")', lambda: Decimal('abc'))
show('Decimal("1..2")', lambda: Decimal('1..2'))
show('Decimal(None)', lambda: Decimal(None))
show('Decimal(1j)', lambda: Decimal(1j))
show('Decimal((0, (1,), "x"))', lambda: Decimal((0, (1,), 'x')))
show('Decimal((2, (1,), 0))', lambda: Decimal((2, (1,), 0)))
show('Decimal((0, (1, 10), 0))', lambda: Decimal((0, (1, 10), 0)))
show('Decimal((1, 2))', lambda: Decimal((1, 2)))
print(Decimal.from_float(0.1), Decimal.from_float(5), Decimal.from_float(-2.5))
print(Decimal('1.5').as_tuple(), Decimal('-Inf').as_tuple(), Decimal('NaN5').as_tuple())
print(Decimal('1.25').as_integer_ratio(), Decimal('-0.75').as_integer_ratio(),
      Decimal('12E3').as_integer_ratio(), Decimal(0).as_integer_ratio())
show('as_integer_ratio(inf)', lambda: Decimal('Inf').as_integer_ratio())
show('as_integer_ratio(nan)', lambda: Decimal('NaN').as_integer_ratio())

print('-- str and eng')
for s in ['1E+4', '123E+5', '1.5E-10', '0E+4', '0E+5', '0E-8', '0E-7', '-12.5E-9',
          '1E+999', '9.99E-7', '100', '1E+2', '0.01']:
    d = Decimal(s)
    print(s, str(d), d.to_eng_string(), d.adjusted())

print('-- arithmetic')
a, b = Decimal('1.1'), Decimal('2.2')
print(a + b, a - b, a * b, a / b, b / a, a // b, b // a, a % b, b % a)
print(divmod(Decimal(7), Decimal(-3)), divmod(Decimal(-7), 3), -7 // Decimal(3), Decimal(-7) % 3)
print(Decimal(1) / 3, Decimal(2) / 3, Decimal(10) / 4, Decimal('1.00') / 8)
print(Decimal('100') / Decimal('1E+2'), Decimal('6.0') / 2, Decimal(0) / 5, Decimal('0.00') / Decimal('1E-5'))
print(Decimal(2) ** 10, Decimal('1.1') ** 2, Decimal(2) ** -2, Decimal('2.0') ** -2, Decimal(10) ** -3)
print(Decimal(2) ** Decimal('0.5'), Decimal(4) ** Decimal('0.5'), Decimal('1.5') ** Decimal('2.0'))
print(Decimal(-8) ** 3, Decimal(-2) ** -3, Decimal(0) ** 5, Decimal(0) ** -1, Decimal('Inf') ** 0)
print(pow(Decimal(3), 4, 5), pow(Decimal(-3), 3, 7), 2 ** Decimal(3), 3 + Decimal(1), 3 - Decimal('0.5'), 3 * Decimal('0.5'))
print(-Decimal('0'), +Decimal('-0'), abs(Decimal('-5.50')), -Decimal('1.20'))
print(Decimal('1E+2') + Decimal('1'), Decimal('1.000') + Decimal('1E-10'), Decimal('1E+30') + 1)
print(Decimal('0.1') * 3 == Decimal('0.3'), 0.1 * 3 == 0.3)
show('1/0', lambda: Decimal(1) / 0)
show('0/0', lambda: Decimal(0) / 0)
show('1//0', lambda: Decimal(1) // 0)
show('1%0', lambda: Decimal(1) % 0)
show('inf-inf', lambda: Decimal('Inf') - Decimal('Inf'))
show('sqrt(-1)', lambda: Decimal(-1).sqrt())
show('1 + 1.5', lambda: type(Decimal(1) + 1.5))
show('1 + "2"', lambda: type(Decimal(1) + '2'))
show('0 ** 0', lambda: Decimal(0) ** 0)
show('(-2) ** 0.5', lambda: Decimal(-2) ** Decimal('0.5'))
show('big // small', lambda: Decimal('1E+40') // Decimal('0.3'))
show('nan + 1', lambda: Decimal('NaN') + 1)
show('snan + 1', lambda: Decimal('sNaN') + 1)

print('-- comparisons')
print(Decimal('1.0') == 1, Decimal('1.0') == 1.0, Decimal('0.1') == 0.1,
      Decimal(0.1) == 0.1, Decimal('0.5') == Fraction(1, 2), Decimal('0.3') < Fraction(1, 3))
print(Decimal('1.5') < 2, Decimal('-0') == Decimal('0'), Decimal(2) > 1.5, 3 >= Decimal('3.00'))
print(Decimal('NaN') == Decimal('NaN'), Decimal('NaN') != 1, Decimal('Inf') > 10**100)
print(sorted([Decimal('2.5'), Decimal('-1'), Decimal('10'), Decimal('2.50'), Decimal('0.001')]))
print(max(Decimal('1'), Decimal('1.0')), min([Decimal(3), Decimal('2.9')]))
show('NaN < 1', lambda: Decimal('NaN') < 1)
show('sNaN == 1', lambda: Decimal('sNaN') == 1)
print(Decimal(1).compare(2), Decimal(2).compare(Decimal('2.0')), Decimal('NaN').compare(1))
print(Decimal('1.0').compare_total(Decimal('1')), Decimal('-Inf').compare_total(Decimal('NaN')))
print(Decimal(3).max(Decimal('NaN')), Decimal(-3).max_mag(2), Decimal('1.0').min(Decimal('1')))

print('-- hashing')
for v in [Decimal(1), Decimal('1.0'), Decimal('0.5'), Decimal('-2.25'),
          Decimal('1E+3'), Decimal('1E-30'), Decimal(10**40), Decimal('Inf'), Decimal('-Inf'),
          Decimal('123.456'), Decimal('-0')]:
    print(v, hash(v))
print(hash(Decimal('0.5')) == hash(0.5) == hash(Fraction(1, 2)), hash(Decimal(7)) == hash(7))
print(len({Decimal('1'), Decimal('1.00'), 1, 1.0}), {Decimal('2.5'): 'x'}[Decimal('2.50')])
show('hash(sNaN)', lambda: hash(Decimal('sNaN')))

print('-- conversions')
for s in ['3.7', '-3.7', '2.5', '-2.5', '3.5', '0.1', '1E+3', '-0']:
    d = Decimal(s)
    print(s, int(d), float(d), round(d), round(d, 1), math.floor(d), math.ceil(d), math.trunc(d), complex(d))
show('int(nan)', lambda: int(Decimal('NaN')))
show('int(inf)', lambda: int(Decimal('-Inf')))
show('round(nan)', lambda: round(Decimal('NaN')))
show('round(inf)', lambda: round(Decimal('Inf')))
show('float(snan)', lambda: float(Decimal('sNaN')))
print(float(Decimal('NaN')), float(Decimal('-Inf')), bool(Decimal('0.00')), bool(Decimal('NaN')))
print(Decimal('1.5').real, Decimal('1.5').imag, Decimal('1.5').conjugate())

print('-- methods')
x = Decimal('123.4500')
print(x.normalize(), Decimal('0.00').normalize(), Decimal('1E+2').normalize(), Decimal('-1200').normalize())
print(x.quantize(Decimal('0.01')), x.quantize(Decimal('1E+1')), x.quantize(Decimal(1), rounding=ROUND_UP))
show('quantize too big', lambda: Decimal('1E+30').quantize(Decimal('0.01')))
print(Decimal('2.5').to_integral_value(), Decimal('3.5').to_integral(), Decimal('2.7').to_integral_exact(rounding=ROUND_DOWN))
print(Decimal(2).sqrt(), Decimal('0.25').sqrt(), Decimal(100).sqrt(), Decimal('1E-4').sqrt(), Decimal('0.0').sqrt())
print(Decimal(1).exp(), Decimal(-1).exp(), Decimal('0.5').exp(), Decimal(0).exp(), Decimal(100).exp())
print(Decimal(10).ln(), Decimal(2).ln(), Decimal('0.5').ln(), Decimal(1).ln(), Decimal('1.0000001').ln())
print(Decimal(1000).log10(), Decimal(2).log10(), Decimal('0.001').log10(), Decimal('0.02').log10())
print(Decimal('1.5').fma(2, Decimal('0.25')), Decimal(5).scaleb(3), Decimal('1.23').scaleb(-5))
print(Decimal(123).shift(2), Decimal(123).shift(-1), Decimal(12345).rotate(2), Decimal(12345).rotate(-2))
print(Decimal(-3).copy_abs(), Decimal(3).copy_negate(), Decimal(3).copy_sign(Decimal('-0')))
print(Decimal(1).next_plus(), Decimal(1).next_minus(), Decimal(1).next_toward(0), Decimal(1).logb(), Decimal('0.05').logb())
print(Decimal(7).remainder_near(3), Decimal(8).remainder_near(3), Decimal('10').remainder_near(4))
print(Decimal(1).same_quantum(Decimal('1.0')), Decimal('1.0').same_quantum(Decimal('2.5')))
for s in ['1', '-1', '0', '-0', '1E-1000000', 'Inf', '-Inf', 'NaN', 'sNaN']:
    d = Decimal(s)
    print(s, d.number_class(), d.is_nan(), d.is_snan(), d.is_qnan(), d.is_zero(),
          d.is_signed(), d.is_finite(), d.is_infinite(), d.is_normal(), d.is_subnormal(), d.is_canonical())
print(Decimal(101).logical_and(110), Decimal(101).logical_or(110), Decimal(101).logical_xor(110))

print('-- context')
c = getcontext()
print(c)
print(c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp, c.Etiny(), c.Etop())
print(c.flags)
print(c.traps[InvalidOperation], c.traps[Inexact])
c.clear_flags()
Decimal(1) / 3
print(c.flags[Inexact], c.flags[Rounded], c.flags[DivisionByZero])
print(c)
c.clear_flags()
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / 7, ctx.prec, getcontext() is ctx)
print(Decimal(1) / 7, getcontext().prec)
with localcontext(prec=3, rounding=ROUND_DOWN) as ctx:
    print(Decimal(2) / 3, ctx)
with localcontext(Context(prec=4)) as ctx:
    print(+Decimal('3.14159'), ctx.prec)
show('localcontext(bad=1)', lambda: localcontext(bad=1))
ctx = Context(prec=6, rounding=ROUND_HALF_UP, traps=[Inexact])
print(ctx)
print(ctx.add(1, 2), ctx.multiply(Decimal('1.5'), 3), ctx.power(2, 10), ctx.sqrt(16))
show('trap Inexact', lambda: ctx.divide(1, 3))
print(ctx.flags[Inexact], ctx.flags[Rounded])
ctx.traps[Inexact] = False
print(ctx.divide(1, 3), ctx.create_decimal('3.14159265'), ctx.create_decimal_from_float(0.1))
print(ctx.to_sci_string(Decimal('1E+5')), ctx.to_eng_string(Decimal('1E+5')), ctx.quantize(Decimal('1.2345'), Decimal('0.01')))
print(ctx.compare(1, 2), ctx.max(1, 2), ctx.min_mag(-1, 2), ctx.abs(-3), ctx.minus(3), ctx.plus(Decimal('-0')))
print(ctx.divide_int(7, 2), ctx.remainder(7, 2), ctx.divmod(7, 2), ctx.exp(1), ctx.ln(10), ctx.log10(50))
print(ctx.is_zero(0), ctx.is_signed(-1), ctx.copy_sign(1, -2), ctx.number_class(Decimal('-0')), ctx.radix())
show('ctx.add(1.5, 1)', lambda: ctx.add(1.5, 1))
show('Context(prec=0)', lambda: Context(prec=0))
show('Context(rounding="x")', lambda: Context(rounding='x'))
show('prec = "5"', lambda: setattr(Context(), 'prec', '5'))
show('Emin = 5', lambda: setattr(Context(), 'Emin', 5))
c2 = ctx.copy()
c2.prec = 20
print(ctx.prec, c2.prec, c2.rounding)
print(BasicContext)
print(ExtendedContext)
print(DefaultContext)
setcontext(ExtendedContext)
print(getcontext() is ExtendedContext, getcontext().prec)
print(Decimal(1) / 0, Decimal(0) / 0, Decimal(-1).sqrt(), Decimal('1E+999999') * 10)
print(getcontext().flags[DivisionByZero], getcontext().flags[InvalidOperation], getcontext().flags[Overflow])
setcontext(Context())
c = getcontext()
c.traps[DivisionByZero] = False
print(Decimal(-5) / 0, c.flags[DivisionByZero])
c.traps[FloatOperation] = True
show('Decimal(0.5) trapped', lambda: Decimal(0.5))
show('lt with float trapped', lambda: Decimal(1) < 0.5)
show('eq with float trapped', lambda: Decimal(1) == 1.0)
c.traps[FloatOperation] = False
c.clear_flags()
print(Decimal(1) < 0.5, c.flags[FloatOperation])
c.clear_flags()
print(Decimal(1) == 0.5, c.flags[FloatOperation])
c.prec = 3
c.Emax = 5
c.Emin = -5
c.traps[Overflow] = False
c.traps[Underflow] = True
print(Decimal(99999) * 10, c.flags[Overflow], c.flags[Inexact])
show('underflow', lambda: Decimal('1E-5') / 1000)
c.traps[Underflow] = False
print(Decimal('1E-5') / 1000, Decimal('1.23E-5') / 100, c.flags[Subnormal], c.flags[Clamped])
setcontext(Context())

print('-- exceptions')
for exc in [InvalidOperation, DivisionByZero, Inexact, Rounded, Overflow, Underflow,
            Subnormal, Clamped, FloatOperation, decimal.ConversionSyntax,
            decimal.DivisionImpossible, decimal.DivisionUndefined, decimal.InvalidContext]:
    print(exc.__name__, [k.__name__ for k in exc.__mro__])
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print('caught as ZeroDivisionError:', type(e).__name__, e.args)
try:
    Decimal(0) / 0
except ArithmeticError as e:
    print('caught as ArithmeticError:', type(e).__name__, e)
try:
    Decimal('x1')
except decimal.DecimalException as e:
    print('caught as DecimalException:', type(e).__name__, e)

print('-- subclass and misc')


class Money(Decimal):
    def __repr__(self):
        return 'Money(%s)' % str(self)


m = Money('1.50')
print(repr(m), type(m).__name__, isinstance(m, Decimal), m + 1, type(m + 1).__name__)
print(Decimal('1.5').__reduce__())
import copy, pickle
print(copy.copy(Decimal('2.5')), copy.deepcopy([Decimal('3.5')]))
print(pickle.loads(pickle.dumps(Decimal('-1.25E+7'))))
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY)
print(decimal.ROUND_05UP, decimal.HAVE_THREADS, decimal.DecimalTuple(0, (1,), 0))
print(sum([Decimal('0.1')] * 10), sum([Decimal('0.1')] * 10) == 1)
