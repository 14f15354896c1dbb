"""decimal -- decimal fixed and floating point arithmetic.

refpy's own implementation of the General Decimal Arithmetic Specification,
with the behaviour (results, flags, messages, str/repr) of CPython 3.11's
decimal module (which is the C libmpdec one).

A finite Decimal is (sign, coefficient, exponent): the value is
(-1)**sign * coefficient * 10**exponent, the coefficient a Python int.  That
keeps every operation a few big-int operations: an exact result is computed
first and then rounded once to the context (`_fix`), which is what the spec
describes.  Infinities and NaNs carry a `_special` code; a NaN's diagnostic
payload lives in the coefficient.

The transcendental functions (exp, ln, log10, non-integer powers) work in
fixed point on integers with guard digits and retry with more digits until the
rounded result is certain (Ziv's strategy), so they are correctly rounded.

Conditions raised by one operation are collected as bits, recorded in the
context flags together, and the first trapped one is raised with the list of
trapped conditions as its argument, like CPython: DivisionByZero raises
"[<class 'decimal.DivisionByZero'>]".
"""

import math as _math
import sys as _sys
from collections import namedtuple as _namedtuple

__all__ = [
    'Decimal', 'Context', 'DecimalTuple',
    'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero',
    'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR,
              ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


# ---------------------------------------------------------------- signals

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# One bit per condition.  The five "invalid" conditions all belong to the
# InvalidOperation signal; the order of _CONDITIONS is the order CPython
# lists them in an exception's argument.
_S_INVALID = 1
_S_CONVERSION = 2
_S_DIVIMPOSSIBLE = 4
_S_DIVUNDEFINED = 8
_S_INVCONTEXT = 16
_S_FLOAT = 32
_S_DIVZERO = 64
_S_OVERFLOW = 128
_S_UNDERFLOW = 256
_S_SUBNORMAL = 512
_S_INEXACT = 1024
_S_ROUNDED = 2048
_S_CLAMPED = 4096
_INVALID_MASK = 31

_CONDITIONS = (
    (_S_INVALID, InvalidOperation), (_S_CONVERSION, ConversionSyntax),
    (_S_DIVIMPOSSIBLE, DivisionImpossible),
    (_S_DIVUNDEFINED, DivisionUndefined), (_S_INVCONTEXT, InvalidContext),
    (_S_FLOAT, FloatOperation), (_S_DIVZERO, DivisionByZero),
    (_S_OVERFLOW, Overflow), (_S_UNDERFLOW, Underflow),
    (_S_SUBNORMAL, Subnormal), (_S_INEXACT, Inexact), (_S_ROUNDED, Rounded),
    (_S_CLAMPED, Clamped),
)

# The nine signals (keys of flags/traps) in CPython's order, with the bits
# each one covers.
_SIGNALS = (
    (InvalidOperation, _INVALID_MASK), (FloatOperation, _S_FLOAT),
    (DivisionByZero, _S_DIVZERO), (Overflow, _S_OVERFLOW),
    (Underflow, _S_UNDERFLOW), (Subnormal, _S_SUBNORMAL),
    (Inexact, _S_INEXACT), (Rounded, _S_ROUNDED), (Clamped, _S_CLAMPED),
)
_SIGNAL_BITS = dict(_SIGNALS)


def _raise_for(bits):
    """Raise the exception CPython raises for the trapped condition bits."""
    lst = [cls for bit, cls in _CONDITIONS if bits & bit]
    for cls, mask in _SIGNALS:
        if bits & mask:
            raise cls(lst)


# ---------------------------------------------------------------- helpers

def _nd(c):
    """Number of decimal digits of the non-negative int c (0 has one)."""
    if c < 10 ** 50:
        return len(str(c))
    # from the bit length: 10**lo <= c < 10**(lo+3), then step up.  (No str:
    # huge ints would be slow to print.)
    lo = (c.bit_length() - 1) * 30102999566 // 100000000000
    p = 10 ** (lo + 1)
    while c >= p:
        p *= 10
        lo += 1
    return lo + 1


_POW10 = [10 ** i for i in range(64)]


def _p10(n):
    return _POW10[n] if n < 64 else 10 ** n


def _round_away(rounding, sign, q, r, p):
    """True when dropping remainder r (0 < r < p) should bump q by one."""
    if rounding == ROUND_HALF_EVEN:
        return 2 * r > p or (2 * r == p and q & 1)
    if rounding == ROUND_HALF_UP:
        return 2 * r >= p
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_HALF_DOWN:
        return 2 * r > p
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    return q % 5 == 0            # ROUND_05UP: away only if last digit 0 or 5


def _drop_digits(sign, c, k, rounding):
    """Remove the k > 0 lowest digits of c with rounding; (q, inexact)."""
    p = _p10(k)
    q, r = divmod(c, p)
    if r == 0:
        return q, False
    if _round_away(rounding, sign, q, r, p):
        q += 1
    return q, True


def _strip_zeros(c, exp, maxexp):
    """Remove trailing zeros of c while exp stays <= maxexp."""
    if c == 0:
        return c, exp
    while exp < maxexp and c % 10 == 0:
        # strip big runs at once: numbers like 10**300 are common in powers
        k = min(maxexp - exp, 16)
        if k > 1 and c % _p10(k) == 0:
            c //= _p10(k)
            exp += k
        else:
            c //= 10
            exp += 1
    return c, exp


def _mk(sign, c, exp, special=0):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = c
    d._exp = exp
    d._special = special
    return d


_INF = 1
_QNAN = 2
_SNAN = 3


def _inf(sign):
    return _mk(sign, 0, 0, _INF)


def _nan(sign=0, payload=0):
    return _mk(sign, payload, 0, _QNAN)


# ---------------------------------------------------------------- rounding

def _overflow(sign, ctx, rounding):
    """The result of an overflow: infinity or the largest finite number."""
    if rounding in (ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN,
                    ROUND_UP) or (rounding == ROUND_CEILING and not sign) \
            or (rounding == ROUND_FLOOR and sign):
        return _inf(sign)
    return _mk(sign, _p10(ctx.prec) - 1, ctx.Emax - ctx.prec + 1)


def _fix(sign, c, exp, ctx, rounding=None):
    """Round the finite (sign, c, exp) to ctx: (Decimal, condition bits).

    This is the spec's finalization: round to precision, detect overflow,
    handle subnormal results and clamp the exponent."""
    prec = ctx.prec
    emax = ctx.Emax
    etiny = ctx.Emin - prec + 1
    etop = emax - prec + 1 if ctx.clamp else emax
    if c == 0:
        if exp < etiny:
            return _mk(sign, 0, etiny), _S_CLAMPED
        if exp > etop:
            return _mk(sign, 0, etop), _S_CLAMPED
        return _mk(sign, 0, exp), 0
    if rounding is None:
        rounding = ctx.rounding
    nd = _nd(c)
    adj = exp + nd - 1
    status = 0
    if adj > emax:
        return _overflow(sign, ctx, rounding), \
            _S_OVERFLOW | _S_INEXACT | _S_ROUNDED
    subnormal = adj < ctx.Emin
    target = exp + nd - prec
    if target < etiny:
        target = etiny
    if exp < target:
        c, inexact = _drop_digits(sign, c, target - exp, rounding)
        exp = target
        status = _S_ROUNDED
        if inexact:
            status |= _S_INEXACT
            if subnormal:
                status |= _S_UNDERFLOW
                if c == 0:
                    status |= _S_CLAMPED
        if c and _nd(c) > prec:
            c //= 10
            exp += 1
        if c and exp + _nd(c) - 1 > emax:
            return _overflow(sign, ctx, rounding), \
                _S_OVERFLOW | _S_INEXACT | _S_ROUNDED
    if subnormal:
        status |= _S_SUBNORMAL
    if ctx.clamp and exp > etop and c:
        c *= _p10(exp - etop)
        exp = etop
        status |= _S_CLAMPED
    return _mk(sign, c, exp), status


def _fix_nan(d, ctx):
    """A NaN result: its payload must fit in prec - clamp digits."""
    if d._int and _nd(d._int) > ctx.prec - ctx.clamp:
        return _nan(d._sign, 0)
    return d


def _finish(sign, c, exp, ctx, status=0, rounding=None):
    """Round, record the conditions in ctx (maybe raising), return result."""
    d, st = _fix(sign, c, exp, ctx, rounding)
    st |= status
    if st:
        ctx._apply(st)
    return d


def _invalid(ctx, bit=_S_INVALID):
    ctx._apply(bit)
    return _nan()


def _check_nans(a, b, ctx):
    """NaN propagation for a two-operand operation; None if no NaN."""
    if a._special < 2 and (b is None or b._special < 2):
        return None
    if a._special == _SNAN:
        ctx._apply(_S_INVALID)
        return _fix_nan(_nan(a._sign, a._int), ctx)
    if b is not None and b._special == _SNAN:
        ctx._apply(_S_INVALID)
        return _fix_nan(_nan(b._sign, b._int), ctx)
    if a._special == _QNAN:
        return _fix_nan(a, ctx)
    return _fix_nan(b, ctx)


# ---------------------------------------------------------------- parsing

def _parse_digits(s):
    """'123' -> 123 for ASCII or Unicode decimal digits; None if not digits."""
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if not s.isdecimal():
        return None
    return int(s)


def _parse(s):
    """Parse a numeric string: (sign, coefficient, exponent, special) or None."""
    s = s.strip().replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, _INF
    for prefix, kind in (('nan', _QNAN), ('snan', _SNAN)):
        if low.startswith(prefix):
            rest = s[len(prefix):]
            if not rest:
                return sign, 0, 0, kind
            payload = _parse_digits(rest)
            if payload is None:
                return None
            return sign, payload, 0, kind
    exp = 0
    epos = max(low.find('e'), -1)
    if epos >= 0:
        es = s[epos + 1:]
        s = s[:epos]
        esign = 1
        if es[:1] in ('+', '-'):
            esign = -1 if es[0] == '-' else 1
            es = es[1:]
        e = _parse_digits(es)
        if e is None:
            return None
        exp = esign * e
    intpart, dot, frac = s.partition('.')
    if not intpart and not frac:
        return None
    digits = intpart + frac
    c = _parse_digits(digits)
    if c is None:
        return None
    return sign, c, exp - len(frac), 0


def _float_parts(f):
    """Exact (sign, coefficient, exponent, special) of a float."""
    if f != f:
        return 0, 0, 0, _QNAN
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    if f in (float('inf'), float('-inf')):
        return sign, 0, 0, _INF
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1          # d is 2**k: n/2**k == n*5**k / 10**k
    return sign, n * 5 ** k, -k, 0


def _from_tuple(t):
    if len(t) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exp = t
    if sign not in (0, 1) or type(sign) not in (int, bool):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if exp == 'F':
        return sign, 0, 0, _INF
    if isinstance(exp, str) and exp not in ('n', 'N'):
        raise ValueError("string argument in the third position must be "
                         "'F', 'n' or 'N'")
    special = 0
    if exp == 'n':
        special = _QNAN
    elif exp == 'N':
        special = _SNAN
    elif not isinstance(exp, int):
        raise ValueError("exponent must be an integer")
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    c = 0
    for dg in digits:
        if not isinstance(dg, int) or not 0 <= dg <= 9:
            raise ValueError('coefficient must be a tuple of digits')
        c = c * 10 + dg
    if special:
        return sign, c, 0, special
    return sign, c, exp, 0


def _fraction_type():
    mod = _sys.modules.get('fractions')
    return getattr(mod, 'Fraction', None) if mod is not None else None


# ---------------------------------------------------------------- Decimal

class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        if type(value) is Decimal and cls is Decimal:
            return value
        if isinstance(value, str):
            parts = _parse(value)
            if parts is None:
                if context is None:
                    context = getcontext()
                context._apply(_S_CONVERSION)
                parts = (0, 0, 0, _QNAN)
        elif isinstance(value, int):
            parts = (1 if value < 0 else 0, abs(value), 0, 0)
        elif isinstance(value, Decimal):
            parts = (value._sign, value._int, value._exp, value._special)
        elif isinstance(value, float):
            if context is None:
                context = getcontext()
            context._apply(_S_FLOAT)
            parts = _float_parts(value)
        elif isinstance(value, (tuple, list)):
            parts = _from_tuple(value)
        else:
            raise TypeError('conversion from %s to Decimal is not supported'
                            % type(value).__name__)
        self = object.__new__(cls)
        self._sign, self._int, self._exp, self._special = parts
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            parts = (1 if f < 0 else 0, abs(f), 0, 0)
        elif isinstance(f, float):
            parts = _float_parts(f)
        else:
            raise TypeError('argument must be int or float')
        d = _mk(*parts)
        return d if cls is Decimal else cls(d)

    # ---- conversions to text

    def __repr__(self):
        return "Decimal('%s')" % self.__str__()

    def __str__(self, eng=False, context=None):
        if context is None:
            context = _current()
        sign = '-' if self._sign else ''
        sp = self._special
        if sp:
            if sp == _INF:
                return sign + 'Infinity'
            body = 'NaN' if sp == _QNAN else 'sNaN'
            return sign + body + (str(self._int) if self._int else '')
        digits = str(self._int)
        exp = self._exp
        nd = len(digits)
        adj = exp + nd - 1
        if exp <= 0 and adj >= -6:
            if exp == 0:
                return sign + digits
            point = nd + exp
            if point > 0:
                return sign + digits[:point] + '.' + digits[point:]
            return sign + '0.' + '0' * -point + digits
        if not eng:
            dot = 1
        elif self._int == 0:
            # zero: the exponent goes up to a multiple of three, the
            # difference shows as zeros after the point
            eexp = -(-exp // 3) * 3
            body = '0.' + '0' * (eexp - exp) if eexp != exp else '0'
            if eexp == 0:
                return sign + body
            e = 'E' if context.capitals else 'e'
            return sign + body + e + ('+' if eexp > 0 else '') + str(eexp)
        else:
            dot = 1 + adj % 3
        if dot > nd:
            digits += '0' * (dot - nd)
        body = digits[:dot]
        if len(digits) > dot:
            body += '.' + digits[dot:]
        eexp = adj - dot + 1
        e = 'E' if context.capitals else 'e'
        if eexp == 0:
            return sign + body
        return sign + body + e + ('+' if eexp > 0 else '') + str(eexp)

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __format__(self, spec, _context=None):
        return _format(self, spec, _context)

    # ---- predicates and simple properties

    def is_nan(self):
        return self._special >= 2

    def is_qnan(self):
        return self._special == _QNAN

    def is_snan(self):
        return self._special == _SNAN

    def is_infinite(self):
        return self._special == _INF

    def is_finite(self):
        return self._special == 0

    def is_zero(self):
        return self._special == 0 and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        if self._special or self._int == 0:
            return False
        if context is None:
            context = getcontext()
        return context.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if self._special or self._int == 0:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context.Emin

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _nd(self._int) - 1

    def radix(self):
        return Decimal(10)

    def number_class(self, context=None):
        if context is None:
            context = getcontext()
        sp = self._special
        if sp == _SNAN:
            return 'sNaN'
        if sp == _QNAN:
            return 'NaN'
        s = '-' if self._sign else '+'
        if sp == _INF:
            return s + 'Infinity'
        if self._int == 0:
            return s + 'Zero'
        if self.adjusted() < context.Emin:
            return s + 'Subnormal'
        return s + 'Normal'

    def as_tuple(self):
        sp = self._special
        if sp == _INF:
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(map(int, str(self._int))) if self._int or not sp \
            else ()
        if sp:
            return DecimalTuple(self._sign, digits, 'n' if sp == _QNAN else 'N')
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._special:
            if self._special == _INF:
                raise OverflowError('cannot convert Infinity to integer ratio')
            raise ValueError('cannot convert NaN to integer ratio')
        if self._int == 0:
            return 0, 1
        n = self._int
        if self._exp >= 0:
            n *= _p10(self._exp)
            d = 1
        else:
            d = _p10(-self._exp)
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n), d

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __bool__(self):
        return self._special != 0 or self._int != 0

    # ---- conversions to numbers

    def _to_int(self, rounding):
        if self._special:
            if self._special >= 2:
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        c, exp = self._int, self._exp
        if exp >= 0:
            n = c * _p10(exp)
        else:
            n, _ = _drop_digits(self._sign, c, -exp, rounding)
        return -n if self._sign else n

    def __int__(self):
        return self._to_int(ROUND_DOWN)

    def __trunc__(self):
        return self._to_int(ROUND_DOWN)

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def __float__(self):
        if self._special >= 2:
            if self._special == _SNAN:
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan') if self._sign else float('nan')
        if self._special == _INF:
            return float('-inf') if self._sign else float('inf')
        return float(self.__str__())

    def __complex__(self):
        return complex(float(self))

    def __round__(self, n=None):
        if n is not None:
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(_mk(0, 1, -n))
        return self._to_int(ROUND_HALF_EVEN)

    def __hash__(self):
        sp = self._special
        if sp:
            if sp == _SNAN:
                raise TypeError('Cannot hash a signaling NaN value')
            if sp == _QNAN:
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            h = pow(10, self._exp, _HASH_MODULUS)
        else:
            h = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = self._int % _HASH_MODULUS * h % _HASH_MODULUS
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    # ---- comparison

    def _cmp(self, other):
        """-1, 0, 1 comparing two non-NaN Decimals numerically."""
        a_inf = self._special == _INF
        b_inf = other._special == _INF
        if a_inf or b_inf:
            av = (-1 if self._sign else 1) if a_inf else 0
            bv = (-1 if other._sign else 1) if b_inf else 0
            if a_inf and b_inf:
                return (av > bv) - (av < bv)
            if a_inf:
                return av
            return -bv
        if self._int == 0:
            if other._int == 0:
                return 0
            return 1 if other._sign else -1
        if other._int == 0:
            return -1 if self._sign else 1
        if self._sign != other._sign:
            return -1 if self._sign else 1
        r = _cmp_mag(self, other)
        return -r if self._sign else r

    def _compare_prep(self, other, ordering):
        """Convert the other operand of a comparison; NotImplemented if
        unsupported.  A float is converted exactly (setting FloatOperation);
        a Fraction is compared by scaling."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _mk(1 if other < 0 else 0, abs(other), 0)
        if isinstance(other, float):
            ctx = getcontext()
            if ordering:
                ctx._apply(_S_FLOAT)
            else:
                ctx._flags |= _S_FLOAT
            return _mk(*_float_parts(other))
        if isinstance(other, complex) and not ordering and other.imag == 0:
            return self._compare_prep(other.real, ordering)
        frac = _fraction_type()
        if frac is not None and isinstance(other, frac):
            return other
        return NotImplemented

    def _rich(self, other, op):
        ordering = op not in ('eq', 'ne')
        o = self._compare_prep(other, ordering)
        if o is NotImplemented:
            return NotImplemented
        a = self
        if not isinstance(o, Decimal):
            # Fraction n/d: compare self*d with n (both exact Decimals)
            if self._special < 2:
                a = self._times_int(o.denominator)
            o = _mk(1 if o.numerator < 0 else 0, abs(o.numerator), 0)
        if a._special >= 2 or o._special >= 2:
            if ordering or a._special == _SNAN or o._special == _SNAN:
                getcontext()._apply(_S_INVALID)
            return op == 'ne'
        c = a._cmp(o)
        if op == 'eq':
            return c == 0
        if op == 'ne':
            return c != 0
        if op == 'lt':
            return c < 0
        if op == 'le':
            return c <= 0
        if op == 'gt':
            return c > 0
        return c >= 0

    def _times_int(self, n):
        if self._special:
            return self
        return _mk(self._sign, self._int * n, self._exp)

    def __eq__(self, other):
        return self._rich(other, 'eq')

    def __ne__(self, other):
        return self._rich(other, 'ne')

    def __lt__(self, other):
        return self._rich(other, 'lt')

    def __le__(self, other):
        return self._rich(other, 'le')

    def __gt__(self, other):
        return self._rich(other, 'gt')

    def __ge__(self, other):
        return self._rich(other, 'ge')

    def compare(self, other, context=None):
        other = _convert(other, True)
        ctx = _ctx(context)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        return _mk(*_SMALL[self._cmp(other)])

    def compare_signal(self, other, context=None):
        other = _convert(other, True)
        ctx = _ctx(context)
        if self._special >= 2 or other._special >= 2:
            if self._special == _SNAN or other._special == _SNAN:
                return _check_nans(self, other, ctx)
            ctx._apply(_S_INVALID)
            return _nan()
        return _mk(*_SMALL[self._cmp(other)])

    def compare_total(self, other, context=None):
        other = _convert(other, True)
        return _mk(*_SMALL[_total_order(self, other)])

    def compare_total_mag(self, other, context=None):
        other = _convert(other, True)
        return _mk(*_SMALL[_total_order(self.copy_abs(), other.copy_abs())])

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._special or other._special:
            return (self._special >= 2 and other._special >= 2) or \
                (self._special == other._special == _INF)
        return self._exp == other._exp

    # ---- sign manipulation (exact, no context)

    def copy_abs(self):
        return _mk(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _mk(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _mk(other._sign, self._int, self._exp, self._special)

    # ---- unary arithmetic

    def _unary(self, sign, context):
        ctx = _ctx(context)
        if self._special:
            nan = _check_nans(self, None, ctx)
            if nan is not None:
                return nan
            return _inf(sign)
        if self._int == 0 and ctx.rounding != ROUND_FLOOR:
            sign = 0
        elif self._int == 0:
            sign = sign | self._sign if sign == self._sign else 1
        return _finish(sign, self._int, self._exp, ctx)

    def __neg__(self, context=None):
        return self._unary(1 - self._sign, context)

    def __pos__(self, context=None):
        return self._unary(self._sign, context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return self._unary(0, context)

    # ---- binary arithmetic

    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _add(self, other, _ctx(context), 0)

    def __radd__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _add(other, self, _ctx(context), 0)

    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _add(self, other, _ctx(context), 1)

    def __rsub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _add(other, self, _ctx(context), 1)

    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _mul(self, other, _ctx(context))

    def __rmul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _mul(other, self, _ctx(context))

    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _div(self, other, _ctx(context))

    def __rtruediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _div(other, self, _ctx(context))

    def __floordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _divmod(self, other, _ctx(context), 1)

    def __rfloordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _divmod(other, self, _ctx(context), 1)

    def __mod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _divmod(self, other, _ctx(context), 2)

    def __rmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _divmod(other, self, _ctx(context), 2)

    def __divmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _divmod(self, other, _ctx(context), 3)

    def __rdivmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _divmod(other, self, _ctx(context), 3)

    def __pow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        if modulo is not None:
            modulo = _convert(modulo)
            if modulo is NotImplemented:
                return modulo
            return _powmod(self, other, modulo, _ctx(context))
        return _pow(self, other, _ctx(context))

    def __rpow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return _pow(other, self, _ctx(context))

    def remainder_near(self, other, context=None):
        other = _convert(other, True)
        return _remainder_near(self, other, _ctx(context))

    def fma(self, other, third, context=None):
        other = _convert(other, True)
        third = _convert(third, True)
        ctx = _ctx(context)
        nan = _fma_nans(self, other, third, ctx)
        if nan is not None:
            return nan
        if self._special or other._special:
            if (self._special == _INF and other._special == 0 and other._int == 0) or \
                    (other._special == _INF and self._special == 0 and self._int == 0):
                return _invalid(ctx)
            prod = _inf(self._sign ^ other._sign)
        else:
            prod = _mk(self._sign ^ other._sign, self._int * other._int,
                       self._exp + other._exp)
        return _add(prod, third, ctx, 0)

    # ---- rounding to an exponent

    def quantize(self, exp, rounding=None, context=None):
        exp = _convert(exp, True)
        ctx = _ctx(context)
        if rounding is None:
            rounding = ctx.rounding
        if self._special or exp._special:
            nan = _check_nans(self, exp, ctx)
            if nan is not None:
                return nan
            if self._special == _INF and exp._special == _INF:
                return self
            return _invalid(ctx)
        return _rescale(self, exp._exp, rounding, ctx, True)

    def _rescale_exact(self, e, rounding):
        """The value at exponent e, rounded; (Decimal, inexact flag)."""
        if self._exp >= e:
            return _mk(self._sign, self._int * _p10(self._exp - e), e), False
        k = e - self._exp
        if k > _nd(self._int) + 1:
            q, inexact = _drop_digits(self._sign, self._int * 10, k + 1,
                                      rounding)
        else:
            q, inexact = _drop_digits(self._sign, self._int, k, rounding)
        return _mk(self._sign, q, e), inexact

    def to_integral_value(self, rounding=None, context=None):
        ctx = _ctx(context)
        if self._special:
            nan = _check_nans(self, None, ctx)
            return nan if nan is not None else self
        if self._exp >= 0:
            return self
        if rounding is None:
            rounding = ctx.rounding
        return self._rescale_exact(0, rounding)[0]

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = _ctx(context)
        if self._special:
            nan = _check_nans(self, None, ctx)
            return nan if nan is not None else self
        if self._exp >= 0:
            return self
        if self._int == 0:
            return _mk(self._sign, 0, 0)
        if rounding is None:
            rounding = ctx.rounding
        d, inexact = self._rescale_exact(0, rounding)
        ctx._apply(_S_ROUNDED | (_S_INEXACT if inexact else 0))
        return d

    def normalize(self, context=None):
        ctx = _ctx(context)
        if self._special:
            nan = _check_nans(self, None, ctx)
            return nan if nan is not None else self
        d = _finish(self._sign, self._int, self._exp, ctx)
        if d._special:
            return d
        if d._int == 0:
            return _mk(d._sign, 0, 0)
        etop = ctx.Emax - ctx.prec + 1 if ctx.clamp else ctx.Emax
        c, e = _strip_zeros(d._int, d._exp, etop)
        return _mk(d._sign, c, e)

    def scaleb(self, other, context=None):
        other = _convert(other, True)
        ctx = _ctx(context)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        if other._special or other._exp != 0:
            return _invalid(ctx)
        n = -other._int if other._sign else other._int
        lim = 2 * (ctx.Emax + ctx.prec)
        if not -lim <= n <= lim:
            return _invalid(ctx)
        if self._special:
            return self
        return _finish(self._sign, self._int, self._exp + n, ctx)

    def shift(self, other, context=None):
        return _shift_rotate(self, other, context, False)

    def rotate(self, other, context=None):
        return _shift_rotate(self, other, context, True)

    def logb(self, context=None):
        ctx = _ctx(context)
        nan = _check_nans(self, None, ctx)
        if nan is not None:
            return nan
        if self._special:
            return _inf(0)
        if self._int == 0:
            ctx._apply(_S_DIVZERO)
            return _inf(1)
        a = self.adjusted()
        return _finish(1 if a < 0 else 0, abs(a), 0, ctx)

    # ---- max / min

    def _minmax(self, other, context, want_max, mag):
        other = _convert(other, True)
        ctx = _ctx(context)
        if self._special >= 2 or other._special >= 2:
            if self._special == _SNAN or other._special == _SNAN or \
                    (self._special >= 2 and other._special >= 2):
                return _check_nans(self, other, ctx)
            pick = other if self._special >= 2 else self
            return _unary_fix(pick, ctx)
        a, b = (self.copy_abs(), other.copy_abs()) if mag else (self, other)
        c = a._cmp(b)
        if c == 0:
            if mag:
                c = self._cmp(other)
            if c == 0:
                c = _total_order(self, other)
        pick = self if (c > 0) == want_max else other
        if c == 0:
            pick = self
        return _unary_fix(pick, ctx)

    def max(self, other, context=None):
        return self._minmax(other, context, True, False)

    def min(self, other, context=None):
        return self._minmax(other, context, False, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, context, True, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, context, False, True)

    # ---- next representable numbers

    def next_plus(self, context=None):
        return _next(self, _ctx(context), 0)

    def next_minus(self, context=None):
        return _next(self, _ctx(context), 1)

    def next_toward(self, other, context=None):
        other = _convert(other, True)
        ctx = _ctx(context)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        c = self._cmp(other)
        if c == 0:
            return self.copy_sign(other)
        d = _next(self, ctx, 0 if c < 0 else 1, quiet=True)
        st = 0
        if d._special == _INF:
            st = _S_OVERFLOW | _S_INEXACT | _S_ROUNDED
        elif d._int and d.adjusted() < ctx.Emin:
            st = _S_UNDERFLOW | _S_SUBNORMAL | _S_INEXACT | _S_ROUNDED
            if d._int == 0:
                st |= _S_CLAMPED
        elif d._int == 0:
            st = _S_UNDERFLOW | _S_SUBNORMAL | _S_INEXACT | _S_ROUNDED | \
                _S_CLAMPED
        if st:
            ctx._apply(st)
        return d

    # ---- logical operations (operands of 0/1 digits)

    def logical_and(self, other, context=None):
        return _logical(self, other, context, lambda x, y: x & y)

    def logical_or(self, other, context=None):
        return _logical(self, other, context, lambda x, y: x | y)

    def logical_xor(self, other, context=None):
        return _logical(self, other, context, lambda x, y: x ^ y)

    def logical_invert(self, context=None):
        ctx = _ctx(context)
        return _logical(self, _mk(0, int('1' * ctx.prec), 0), ctx,
                        lambda x, y: x ^ y)

    # ---- square root and transcendental functions

    def sqrt(self, context=None):
        return _sqrt(self, _ctx(context))

    def exp(self, context=None):
        return _exp(self, _ctx(context))

    def ln(self, context=None):
        return _ln(self, _ctx(context), False)

    def log10(self, context=None):
        return _ln(self, _ctx(context), True)


DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent',
                           module='decimal')

_SMALL = {-1: (1, 1, 0), 0: (0, 0, 0), 1: (0, 1, 0)}


def _cmp_mag(a, b):
    """Compare |a| and |b| for finite non-zero a, b."""
    aa = a._exp + _nd(a._int)
    ba = b._exp + _nd(b._int)
    if aa != ba:
        return 1 if aa > ba else -1
    x, y = a._int, b._int
    if a._exp > b._exp:
        x *= _p10(a._exp - b._exp)
    else:
        y *= _p10(b._exp - a._exp)
    return (x > y) - (x < y)


def _total_order(a, b):
    """The spec's total ordering (compare_total): -1, 0 or 1."""
    if a._sign != b._sign:
        return 1 if a._sign < b._sign else -1
    neg = -1 if a._sign else 1
    ra = (0, 0) if a._special == 0 else ((1, 0) if a._special == _INF else
                                       ((2, 0) if a._special == _SNAN else (3, 0)))
    rb = (0, 0) if b._special == 0 else ((1, 0) if b._special == _INF else
                                       ((2, 0) if b._special == _SNAN else (3, 0)))
    if ra != rb:
        return neg if ra > rb else -neg
    if a._special >= 2:
        r = (a._int > b._int) - (a._int < b._int)
        return neg * r
    if a._special == _INF:
        return 0
    if a._int or b._int:
        c = a._cmp(b) if a._int and b._int else \
            ((1 if a._int else -1) * (1 if not a._sign else -1)
             if a._int or b._int else 0)
        if a._int and b._int:
            c = _cmp_mag(a, b) * neg
        elif a._int:
            c = neg
        else:
            c = -neg
        if c:
            return c
    r = (a._exp > b._exp) - (a._exp < b._exp)
    return neg * r


def _convert(other, strict=False):
    """int or Decimal -> Decimal; NotImplemented (or TypeError if strict)."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _mk(1 if other < 0 else 0, abs(other), 0)
    if strict:
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(other).__name__)
    return NotImplemented


def _unary_fix(d, ctx):
    """d rounded to ctx (the spec's plus without changing the sign of 0)."""
    if d._special:
        return d
    return _finish(d._sign, d._int, d._exp, ctx)


def _fma_nans(a, b, c, ctx):
    for x in (a, b, c):
        if x._special == _SNAN:
            ctx._apply(_S_INVALID)
            return _fix_nan(_nan(x._sign, x._int), ctx)
    for x in (a, b, c):
        if x._special == _QNAN:
            return _fix_nan(x, ctx)
    return None


# ---------------------------------------------------------------- + - * /

def _add(a, b, ctx, negate_b):
    bsign = b._sign ^ negate_b
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
        if a._special == _INF:
            if b._special == _INF and a._sign != bsign:
                return _invalid(ctx)
            return _inf(a._sign)
        return _inf(bsign)
    exp = min(a._exp, b._exp)
    if a._int == 0 and b._int == 0:
        sign = a._sign & bsign
        if a._sign != bsign and ctx.rounding == ROUND_FLOOR:
            sign = 1
        return _finish(sign, 0, exp, ctx)
    if a._int == 0 or b._int == 0:
        return _add_zero(a, b, bsign, exp, ctx)
    asign, ac, ae = a._sign, a._int, a._exp
    bc, be = b._int, b._exp
    ac, ae, bc, be = _align_far(ac, ae, bc, be, ctx.prec)
    exp = min(ae, be)
    x = ac * _p10(ae - exp)
    y = bc * _p10(be - exp)
    if asign == bsign:
        return _finish(asign, x + y, exp, ctx)
    if x == y:
        return _finish(1 if ctx.rounding == ROUND_FLOOR else 0, 0, exp, ctx)
    if x > y:
        return _finish(asign, x - y, exp, ctx)
    return _finish(bsign, y - x, exp, ctx)


def _align_far(ac, ae, bc, be, prec):
    """When one operand lies wholly below the rounding position of the
    other, replace it by a one-digit stand-in just below that position: the
    rounded sum is the same and the numbers stay small."""
    swap = ae < be
    if swap:
        ac, ae, bc, be = bc, be, ac, ae
    # a has the larger exponent
    lowest = ae + min(-1, _nd(ac) - prec - 2)
    if be + _nd(bc) - 1 < lowest:
        bc, be = 1, lowest
    if swap:
        return bc, be, ac, ae
    return ac, ae, bc, be


def _add_zero(a, b, bsign, exp, ctx):
    """x + 0 (or 0 + x): x at the smaller exponent, without making a huge
    coefficient when the zero's exponent is far below."""
    if a._int:
        sign, c, e = a._sign, a._int, a._exp
    else:
        sign, c, e = bsign, b._int, b._exp
    # digits below prec + 1 places under x's leading digit can't matter
    floor_exp = e + _nd(c) - ctx.prec - 1
    exp = max(exp, min(e, floor_exp))
    if exp < e:
        c *= _p10(e - exp)
        e = exp
    return _finish(sign, c, e, ctx)


def _mul(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
        if (a._special == 0 and a._int == 0) or \
                (b._special == 0 and b._int == 0):
            return _invalid(ctx)
        return _inf(sign)
    return _finish(sign, a._int * b._int, a._exp + b._exp, ctx)


def _div(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
        if a._special == _INF:
            if b._special == _INF:
                return _invalid(ctx)
            return _inf(sign)
        # finite / infinity: zero at the smallest exponent
        ctx._apply(_S_CLAMPED)
        return _mk(sign, 0, ctx.Emin - ctx.prec + 1)
    if b._int == 0:
        if a._int == 0:
            return _invalid(ctx, _S_DIVUNDEFINED)
        ctx._apply(_S_DIVZERO)
        return _inf(sign)
    ideal = a._exp - b._exp
    if a._int == 0:
        return _finish(sign, 0, ideal, ctx)
    prec = ctx.prec
    shift = _nd(b._int) - _nd(a._int) + prec + 1
    if shift >= 0:
        q, r = divmod(a._int * _p10(shift), b._int)
    else:
        q, r = divmod(a._int, b._int * _p10(-shift))
    exp = ideal - shift
    if r:
        if q % 5 == 0:          # sticky digit: the quotient is inexact
            q += 1
    else:
        q, exp = _strip_zeros(q, exp, ideal)
    return _finish(sign, q, exp, ctx)


def _int_divide(a, b, ctx):
    """Truncated quotient and remainder of finite a, b (b != 0):
    (q, r_coefficient, r_exp) or None when the quotient needs more than
    prec digits."""
    ea, eb = a._exp, b._exp
    expdiff = (ea + _nd(a._int)) - (eb + _nd(b._int))
    if a._int == 0 or expdiff < -1:
        e = min(ea, eb)
        return 0, a._int * _p10(ea - e), e
    if expdiff > ctx.prec + 1:
        return None
    e = min(ea, eb)
    x = a._int * _p10(ea - e)
    y = b._int * _p10(eb - e)
    q, r = divmod(x, y)
    if q >= _p10(ctx.prec):
        return None
    return q, r, e


def _divmod(a, b, ctx, which):
    """a // b (which=1), a % b (2) or divmod (3)."""
    sign = a._sign ^ b._sign
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return (nan, nan) if which == 3 else nan
        if a._special == _INF:
            if b._special == _INF:
                nan = _invalid(ctx)
                return (nan, nan) if which == 3 else nan
            if which == 1:
                return _inf(sign)
            if which == 2:
                return _invalid(ctx)
            return _inf(sign), _invalid(ctx)
        # finite op infinity
        q = _mk(sign, 0, 0)
        if which == 1:
            return q
        r = _unary_fix(a, ctx)
        return r if which == 2 else (q, r)
    if b._int == 0:
        if a._int == 0:
            nan = _invalid(ctx, _S_DIVUNDEFINED)
            return (nan, nan) if which == 3 else nan
        if which == 2:
            return _invalid(ctx)
        if which == 1:
            ctx._apply(_S_DIVZERO)
            return _inf(sign)
        ctx._apply(_S_DIVZERO | _S_INVALID)
        return _inf(sign), _nan()
    res = _int_divide(a, b, ctx)
    if res is None:
        nan = _invalid(ctx, _S_DIVIMPOSSIBLE)
        return (nan, nan) if which == 3 else nan
    q, r, e = res
    if which == 1:
        return _finish(sign, q, 0, ctx)
    rem = _finish(a._sign, r, e, ctx)
    if which == 2:
        return rem
    return _finish(sign, q, 0, ctx), rem


def _remainder_near(a, b, ctx):
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
        if a._special == _INF:
            return _invalid(ctx)
        return _unary_fix(a, ctx)
    if b._int == 0:
        return _invalid(ctx, _S_DIVUNDEFINED if a._int == 0 else _S_INVALID)
    res = _int_divide(a, b, ctx)
    if res is None:
        return _invalid(ctx, _S_DIVIMPOSSIBLE)
    q, r, e = res
    y = b._int * _p10(b._exp - e)
    sign = a._sign
    # pick the nearer multiple; on a tie the even quotient
    if 2 * r > y or (2 * r == y and q & 1):
        r = y - r
        q += 1
        sign ^= 1
    if q >= _p10(ctx.prec):
        return _invalid(ctx, _S_DIVIMPOSSIBLE)
    return _finish(sign, r, e, ctx)


# ---------------------------------------------------------------- rescale

def _rescale(d, e, rounding, ctx, check):
    """quantize: d at exponent e.  InvalidOperation when e is outside
    [Etiny, Emax] or the coefficient would exceed the precision."""
    etiny = ctx.Emin - ctx.prec + 1
    if check and not etiny <= e <= ctx.Emax:
        return _invalid(ctx)
    if d._int == 0:
        return _finish(d._sign, 0, e, ctx)
    if d.adjusted() - e + 1 > ctx.prec:
        return _invalid(ctx)
    res, inexact = d._rescale_exact(e, rounding)
    if res._int and (_nd(res._int) > ctx.prec or res.adjusted() > ctx.Emax):
        return _invalid(ctx)
    st = 0
    if res._int and res.adjusted() < ctx.Emin:
        st |= _S_SUBNORMAL
    if e > d._exp:
        if inexact:
            st |= _S_INEXACT
        st |= _S_ROUNDED
    out, st2 = _fix(res._sign, res._int, res._exp, ctx)
    st |= st2
    if st:
        ctx._apply(st)
    return out


def _next(d, ctx, down, quiet=False):
    """next_plus (down=0) / next_minus (down=1)."""
    if d._special:
        nan = _check_nans(d, None, ctx)
        if nan is not None:
            return nan
        if d._sign == down:
            return d
        # -Inf next_plus / +Inf next_minus: the largest finite number
        return _mk(d._sign, _p10(ctx.prec) - 1, ctx.Emax - ctx.prec + 1)
    etiny = ctx.Emin - ctx.prec + 1
    rounding = ROUND_FLOOR if down else ROUND_CEILING
    if d._int == 0:
        return _mk(down, 1, etiny)
    # add or subtract a tiny amount below the precision and round toward it
    low = min(d._exp, d.adjusted() - ctx.prec) - 2
    c = d._int * _p10(d._exp - low)
    if d._sign == down:
        c += 1
    else:
        c -= 1
    out, _ = _fix(d._sign, c, low, ctx, rounding)
    return out


def _shift_rotate(d, other, context, rotate):
    other = _convert(other, True)
    ctx = _ctx(context)
    nan = _check_nans(d, other, ctx)
    if nan is not None:
        return nan
    prec = ctx.prec
    if other._special or other._exp != 0 or other._int > prec:
        return _invalid(ctx)
    if d._special:
        return d
    n = -other._int if other._sign else other._int
    c = d._int % _p10(prec)
    if rotate:
        n %= prec
        c = (c * _p10(n)) % _p10(prec) + c // _p10(prec - n)
    elif n >= 0:
        c = (c * _p10(n)) % _p10(prec)
    else:
        c //= _p10(-n)
    return _mk(d._sign, c, d._exp)


def _logical(a, b, context, fn):
    b = _convert(b, True)
    ctx = _ctx(context)

    def digits(x):
        if x._special or x._sign or x._exp != 0:
            return None
        s = str(x._int)
        if len(s) > ctx.prec or s.strip('01'):
            return None
        return int(s, 2)
    x, y = digits(a), digits(b)
    if x is None or y is None:
        return _invalid(ctx)
    r = fn(x, y)
    return _mk(0, int(bin(r)[2:]), 0)


# ---------------------------------------------------------------- sqrt

def _sqrt(d, ctx):
    if d._special:
        nan = _check_nans(d, None, ctx)
        if nan is not None:
            return nan
        if d._sign:
            return _invalid(ctx)
        return d
    ideal = d._exp // 2
    if d._int == 0:
        return _finish(d._sign, 0, ideal, ctx)
    if d._sign:
        return _invalid(ctx)
    prec = ctx.prec
    c, e = d._int, d._exp
    # make the coefficient at least 2*prec+2 digits with an even exponent so
    # that the integer root has prec+1 digits
    k = 2 * prec + 2 - _nd(c)
    if k < 0:
        k = 0
    if (e - k) % 2:
        k += 1
    c *= _p10(k)
    e -= k
    s = _math.isqrt(c)
    exp = e // 2
    if s * s != c:
        if s % 5 == 0:
            s += 1
    else:
        s, exp = _strip_zeros(s, exp, ideal)
    return _finish(0, s, exp, ctx, rounding=ROUND_HALF_EVEN)


# ---------------------------------------------------------------- exp / ln

_LN_CACHE = {}


def _atanh_inv(n, one):
    """atanh(1/n) * one in fixed point (n > 1)."""
    total = term = one // n
    n2 = n * n
    k = 1
    while term:
        term //= n2
        k += 2
        total += term // k
    return total


def _ln2_ln10(w):
    """(ln 2, ln 10) scaled by 10**w, each within a few units."""
    got = _LN_CACHE.get(w)
    if got is None:
        one = _p10(w + 8)
        ln2 = 2 * _atanh_inv(3, one)
        ln10 = 3 * ln2 + 2 * _atanh_inv(9, one)
        got = (ln2 // _p10(8), ln10 // _p10(8))
        if len(_LN_CACHE) > 20:
            _LN_CACHE.clear()
        _LN_CACHE[w] = got
    return got


def _ln_abs(c, e, w):
    """ln(c * 10**e) * 10**w for c > 0, within about ten units."""
    n = _nd(c)
    big = e + n - 1                      # c*10**e = m * 10**big, 1 <= m < 10
    g = w + 10 + _nd(abs(big))
    one = _p10(g)
    if n - 1 > g:
        m = c // _p10(n - 1 - g)
    else:
        m = c * _p10(g - n + 1)
    ln2, ln10 = _ln2_ln10(g)
    # bring m near 1 by powers of two: m/2**k in [0.75, 1.5)
    k = 0
    while m >= 3 * one // 2:
        m //= 2
        k += 1
    # ln(m) = 2 atanh(z); the series runs on |z| (floor division of a
    # negative term would never reach zero)
    z = (m - one) * one // (m + one)
    neg = z < 0
    z = abs(z)
    z2 = z * z // one
    total = term = z
    j = 1
    while term:
        term = term * z2 // one
        j += 2
        total += term // j
    if neg:
        total = -total
    res = 2 * total + k * ln2 + big * ln10
    return res // _p10(g - w)


def _exp_fixed(x, w):
    """exp(x / 10**w) as (m, e): m * 10**e with about w+2 significant
    digits, x an integer scaled by 10**w (|x / 10**w| moderate)."""
    g = w + 10 + _nd(abs(x) // _p10(w) + 1)
    one = _p10(g)
    xg = x * _p10(g - w)
    ln2, ln10 = _ln2_ln10(g)
    k = xg // ln10                        # x = k ln10 + r, 0 <= r < ln10
    r = xg - k * ln10
    # r / 2**s is tiny, Taylor series, then square s times
    s = 12
    r >>= s
    total = one + r
    term = r
    i = 1
    while term:
        i += 1
        term = term * r // (one * i)
        total += term
    for _ in range(s):
        total = total * total // one
    # total = exp(r) * 10**g;  result = total * 10**(k - g)
    return total, k - g


def _ziv(approx, prec, rounding, sign):
    """Round a transcendental (never exactly representable) value to prec
    digits.  approx(p) returns (m, e) with m having at least p digits and an
    error below 1000 units of its last place.  Retry with more digits until
    both ends of the error interval round to the same number."""
    extra = 10
    for attempt in range(6):
        m, e = approx(prec + extra)
        lo, hi = m - 1000, m + 1000
        nlo = _nd(lo)
        if nlo == _nd(hi) and nlo > prec:
            k = nlo - prec
            qlo, _ = _drop_digits(sign, lo, k, rounding)
            qhi, _ = _drop_digits(sign, hi, k, rounding)
            if qlo == qhi:
                return qlo, e + k
        extra *= 2
    k = _nd(m) - prec
    q, _ = _drop_digits(sign, m, k, rounding)
    return q, e + k


def _exp(d, ctx):
    if d._special:
        nan = _check_nans(d, None, ctx)
        if nan is not None:
            return nan
        return _mk(0, 0, 0) if d._sign else d
    if d._int == 0:
        return _mk(0, 1, 0)
    return _exp_of(d._sign, d._int, d._exp, ctx, ROUND_HALF_EVEN)


def _exp_of(sign, c, e, ctx, rounding, approx=None):
    """exp(+-c*10**e) rounded; approx(p) may supply the argument in fixed
    point instead (for power)."""
    prec = ctx.prec
    # the result's decimal exponent is about x / ln 10
    adj = e + _nd(c) - 1
    if adj > 30:
        big = True
        est = 0.0
    else:
        big = False
        est = float(c) * 10.0 ** e / 2.302585092994046
        if sign:
            est = -est
    if big or est > ctx.Emax + 2 or est < ctx.Emin - prec - 3:
        if sign:
            # underflow to zero (or the smallest subnormal when rounding up)
            return _finish(0, 1, ctx.Emin - prec - 2, ctx, _S_INEXACT |
                           _S_ROUNDED, rounding)
        return _finish(0, 1, ctx.Emax + 1, ctx, 0, rounding)

    def default_approx(p):
        w = p + max(0, -adj)
        if e >= -w:
            x = c * _p10(w + e)
        else:
            x = c // _p10(-e - w)
        return -x if sign else x, w

    if approx is None:
        if adj < -(prec + 2):
            return _near_one(sign, ctx, rounding)
        approx = default_approx

    def run(p):
        x, w = approx(p)
        return _exp_fixed(x, w)
    q, ex = _ziv(run, prec, rounding, 0)
    return _finish(0, q, ex, ctx, _S_INEXACT | _S_ROUNDED, rounding)


def _near_one(below, ctx, rounding, sign=0):
    """Round 1 + delta (or 1 - delta when below) for a delta far smaller
    than the last place: a stand-in just beside one rounds the same way."""
    w = ctx.prec + 5
    c = _p10(w) - 1 if below else _p10(w) + 1
    return _finish(sign, c, -w, ctx, _S_INEXACT | _S_ROUNDED, rounding)


def _ln(d, ctx, base10):
    if d._special:
        nan = _check_nans(d, None, ctx)
        if nan is not None:
            return nan
        if d._sign:
            return _invalid(ctx)
        return d
    if d._int == 0:
        return _inf(1)
    if d._sign:
        return _invalid(ctx)
    c, e = _strip_zeros(d._int, d._exp, 1 << 62)
    if c == 1:
        if base10:
            return _finish(1 if e < 0 else 0, abs(e), 0, ctx)
        if e == 0:
            return _mk(0, 0, 0)
    prec = ctx.prec

    def approx(p):
        w = p + 2
        while True:
            if base10:
                ln10 = _ln2_ln10(w + 5)[1]
                v = _ln_abs(c, e, w + 5) * _p10(w) // ln10
            else:
                v = _ln_abs(c, e, w)
            n = _nd(abs(v))
            if n >= p + 1:
                return v, -w
            w += p + 2 - n
    # ln is negative for x < 1: round the magnitude with the right sign
    v0, _ = approx(6)
    sign = 1 if v0 < 0 else 0

    def approx_abs(p):
        v, e2 = approx(p)
        return abs(v), e2
    q, ex = _ziv(approx_abs, prec, ROUND_HALF_EVEN, sign)
    return _finish(sign, q, ex, ctx, _S_INEXACT | _S_ROUNDED,
                   ROUND_HALF_EVEN)


# ---------------------------------------------------------------- power

def _is_integral(d):
    if d._special:
        return False
    if d._exp >= 0 or d._int == 0:
        return True
    return d._int % _p10(-d._exp) == 0


def _int_value(d):
    n = d._int * _p10(d._exp) if d._exp >= 0 else d._int // _p10(-d._exp)
    return -n if d._sign else n


def _pow(a, b, ctx):
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
    b_int = _is_integral(b)
    odd = b_int and _int_value_small_odd(b)
    sign = a._sign if odd else 0
    if a._special == 0 and a._int == 0:
        if b._special == 0 and b._int == 0:
            return _invalid(ctx)
        if b._sign:
            return _inf(sign)
        return _mk(sign, 0, 0)
    if a._sign and not b_int:
        return _invalid(ctx)
    if a._special == _INF:
        if b._special == 0 and b._int == 0:
            return _mk(0, 1, 0)
        if b._sign:
            return _mk(sign, 0, 0)
        return _inf(sign)
    if b._special == _INF:
        return _pow_inf(a, b, ctx)
    if b._int == 0:
        return _mk(0, 1, 0)
    if b_int and b.adjusted() <= 18:
        return _pow_int(a, _int_value(b), ctx, b)
    if b_int:
        cs, es = _strip_zeros(a._int, a._exp, 1 << 62)
        if cs == 1 and es == 0:
            # |a| is exactly one: the result is exact
            if a._exp == 0:
                return _mk(sign, 1, 0)
            prec = ctx.prec
            return _finish(sign, _p10(prec - 1), -(prec - 1), ctx,
                           _S_ROUNDED)
        return _pow_real(a, b, ctx, sign)
    return _pow_real(a, b, ctx)


def _int_value_small_odd(b):
    if b._exp > 0:
        return False
    return _int_value(b) & 1 == 1


def _pow_inf(a, b, ctx):
    """Finite non-zero a to the power +-Infinity."""
    if a._sign:
        return _invalid(ctx)
    c = _cmp_mag(a, _mk(0, 1, 0))
    if c == 0:
        prec = ctx.prec
        return _finish(0, _p10(prec - 1), -(prec - 1), ctx,
                       _S_INEXACT | _S_ROUNDED)
    if (c > 0) != bool(b._sign):
        return _inf(0)
    return _mk(0, 0, 0)


def _pow_int(a, n, ctx, b):
    """a ** n for an integral exponent n (a finite, non-zero).

    CPython multiplies by left-to-right squaring at a working precision of
    prec + digits(n) + 2 with half-even rounding, then rounds once more to
    the context; the same steps give the same last digits."""
    sign = a._sign if n & 1 else 0
    c, e = a._int, a._exp
    nd = _nd(c)
    lead = c / _p10(nd - 1) if nd < 300 else int(str(c)[:17]) / 1e16
    mag = n * (e + nd - 1 + _math.log10(lead))
    if mag > ctx.Emax + 3:
        return _finish(sign, 1, ctx.Emax + 1, ctx, 0)
    w = ctx.copy()
    w._prec = ctx.prec + _nd(abs(n)) + 2
    w._rounding = ROUND_HALF_EVEN
    w._clamp = 0
    w._traps = 0
    w._flags = 0
    base = a
    if n < 0:
        w._prec += 1
        base = _div(_mk(0, 1, 0), a, w)
        n = -n
    # left-to-right binary powering, as CPython does (the rounding of the
    # intermediate products depends on the order)
    r = base
    for bit in bin(n)[3:]:
        r = _mul(r, r, w)
        if bit == '1':
            r = _mul(r, base, w)
    if r._special:
        ctx._apply(w._flags)
        return r
    return _finish(r._sign, r._int, r._exp, ctx, w._flags)


def _pow_real(a, b, ctx, sign=0):
    """|a| ** b = exp(b * ln|a|), correctly rounded to the context."""
    c, e = a._int, a._exp
    bc, be, bs = b._int, b._exp, b._sign
    cs, es = _strip_zeros(c, e, 1 << 62)
    if cs == 1 and es == 0:
        prec = ctx.prec
        return _finish(sign, _p10(prec - 1), -(prec - 1), ctx,
                       _S_INEXACT | _S_ROUNDED)
    # magnitude of b*ln|a| decides overflow, underflow and working digits
    lnmag = _ln_mag(c, e)
    badj = be + _nd(bc) - 1
    if badj > 20:
        est = float('inf')
    else:
        est = lnmag * bc * 10.0 ** be
    up = (_cmp_mag(a, _mk(0, 1, 0)) > 0) != bool(bs)
    if est / 2.302585092994046 > max(ctx.Emax, -ctx.Emin) + ctx.prec + 5:
        if up:
            return _finish(sign, 1, ctx.Emax + 1, ctx, 0)
        return _pow_underflow(sign, ctx)
    tneg = not up
    # like CPython, exp(t) is first rounded to a working precision, then to
    # the context: a tiny t gives exactly 1 at that precision
    work = max(_nd(c), ctx.prec) + 23
    if est < 10.0 ** -(work + 3):
        return _finish(sign, _p10(ctx.prec - 1), -(ctx.prec - 1), ctx,
                       _S_INEXACT | _S_ROUNDED)

    def approx(p):
        # t = b * ln|a| to p + digits(t) places after the point
        w = p + 3 + max(0, _nd(int(est)))
        lw = w + max(0, badj) + 2
        ln = _ln_abs(c, e, lw)
        t = ln * bc
        shift = lw - be - w
        t = t // _p10(shift) if shift >= 0 else t * _p10(-shift)
        return (-abs(t) if tneg else abs(t)), w

    return _exp_pow(sign, approx, ctx, work)


def _ln_mag(c, e):
    """|ln(c * 10**e)| as a float, accurate even when the value is near 1."""
    w = 20
    while True:
        v = abs(_ln_abs(c, e, w))
        if v >= 10 ** 6 or w > _nd(c) + abs(e) + 60:
            return v / _p10(w)
        w += 20


def _exp_pow(sign, approx, ctx, work):
    def run(p):
        x, w = approx(p)
        return _exp_fixed(x, w)
    q, ex = _ziv(run, work, ROUND_HALF_EVEN, 0)
    return _finish(sign, q, ex, ctx, _S_INEXACT | _S_ROUNDED)


def _pow_underflow(sign, ctx):
    """A power far below the smallest subnormal is zero, whatever the
    rounding (as in CPython)."""
    ctx._apply(_S_UNDERFLOW | _S_SUBNORMAL | _S_INEXACT | _S_ROUNDED |
               _S_CLAMPED)
    return _mk(sign, 0, ctx.Emin - ctx.prec + 1)


def _powmod(a, b, m, ctx):
    for x in (a, b, m):
        if x._special == _SNAN:
            return _check_nans(x, None, ctx)
    for x in (a, b, m):
        if x._special == _QNAN:
            return _fix_nan(x, ctx)
    if not (_is_integral(a) and _is_integral(b) and _is_integral(m)):
        return _invalid(ctx)
    if b._sign or m._int == 0:
        return _invalid(ctx)
    mv = abs(_int_value(m))
    if _nd(mv) > ctx.prec:
        return _invalid(ctx)
    av, bv = _int_value(a), _int_value(b)
    if av == 0 and bv == 0:
        return _invalid(ctx)
    r = pow(abs(av), bv, mv)
    sign = a._sign if bv & 1 else 0
    return _mk(sign, r, 0)


# ---------------------------------------------------------------- format

def _parse_spec(spec):
    """Parse a format spec ([[fill]align][sign][z][0][width][,][.prec][type])
    into a dict.  Like CPython's decimal: no '#' and no '_' grouping, and the
    '0' flag can't be combined with an explicit alignment."""
    out = {'fill': ' ', 'align': '>', 'sign': '-', 'z': False,
           'zero': False, 'width': 0, 'group': '', 'prec': None,
           'type': None}
    i, n = 0, len(spec)
    explicit = False
    if n >= 2 and spec[1] in '<>=^':
        out['fill'], out['align'] = spec[0], spec[1]
        i = 2
        explicit = True
    elif n >= 1 and spec[0] in '<>=^':
        out['align'] = spec[0]
        i = 1
        explicit = True
    if i < n and spec[i] in '+- ':
        out['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        out['z'] = True
        i += 1
    if i < n and spec[i] == '0':
        if explicit:
            raise ValueError('invalid format string')
        out['zero'] = True
        out['fill'], out['align'] = '0', '='
        i += 1
    j = i
    while j < n and spec[j].isdigit():
        j += 1
    if j > i:
        out['width'] = int(spec[i:j])
    i = j
    if i < n and spec[i] == ',':
        out['group'] = ','
        i += 1
    if i < n and spec[i] == '.':
        j = i + 1
        while j < n and spec[j].isdigit():
            j += 1
        if j == i + 1:
            raise ValueError('invalid format string')
        out['prec'] = int(spec[i + 1:j])
        i = j
    if i < n:
        out['type'] = spec[i]
        i += 1
    if i != n or (out['type'] is not None and out['type'] not in 'eEfFgGn%'):
        raise ValueError('invalid format string')
    return out


def _group(digits, sep, minwidth):
    """Group digits by three with sep; with minwidth (the '0' flag) pad
    with zeros until the grouped text is at least that wide."""
    n = len(digits)
    if sep:
        while n + (n - 1) // 3 < minwidth:
            n += 1
    elif n < minwidth:
        n = minwidth
    digits = digits.rjust(n, '0')
    if not sep:
        return digits
    head = n % 3 or 3
    parts = [digits[:head]]
    for k in range(head, n, 3):
        parts.append(digits[k:k + 3])
    return sep.join(parts)


def _format_round(d, typ, prec, rounding):
    """The (sign, coefficient, exponent) to print for a finite d."""
    sign, c, exp = d._sign, d._int, d._exp
    if typ == '%':
        exp += 2
    if prec is not None and c:
        if typ in 'eE':
            keep = prec + 1
        elif typ in 'gGn':
            keep = prec or 1
        else:
            keep = None
        nd = _nd(c)
        if keep is None:
            if exp < -prec:
                c, _ = _drop_digits(sign, c, -prec - exp, rounding)
            else:
                c *= _p10(exp + prec)
            exp = -prec
        elif nd > keep:
            c, _ = _drop_digits(sign, c, nd - keep, rounding)
            exp += nd - keep
            if _nd(c) > keep:
                c //= 10
                exp += 1
        elif typ in 'eE' and nd < keep:
            c *= _p10(keep - nd)
            exp -= keep - nd
    elif prec is not None and typ in 'fF%':
        exp = -prec
    if c == 0 and exp > 0 and typ in 'fF%':
        exp = 0
    return sign, c, exp


def _format(d, spec, context):
    if context is None:
        context = getcontext()
    f = _parse_spec(spec)
    typ = f['type']
    prec = f['prec']
    if typ is None:
        typ = 'G' if context.capitals else 'g'
    if d._special:
        body = 'Infinity' if d._special == _INF else \
            ('NaN' if d._special == _QNAN else 'sNaN')
        if d._special >= 2 and d._int:
            body += str(d._int)
        if typ == '%':
            body += '%'
        if f['zero']:
            # the '0' flag doesn't zero-pad infinities and NaNs
            f['fill'], f['align'], f['zero'] = ' ', '>', False
        return _pad(f, d._sign, body, '')
    sign, c, exp = _format_round(d, typ, prec, context.rounding)
    if c == 0 and f['z']:
        sign = 0
    digits = str(c)
    left = exp + len(digits)
    if typ in 'eE':
        dot = 1 - prec if c == 0 and prec is not None else 1
    elif typ in 'fF%':
        dot = left
    else:
        dot = left if exp <= 0 and left > -6 else 1
    if dot <= 0:
        intpart, frac = '0', '0' * -dot + digits
    elif dot >= len(digits):
        intpart, frac = digits + '0' * (dot - len(digits)), ''
    else:
        intpart, frac = digits[:dot], digits[dot:]
    tail = '.' + frac if frac else ''
    expo = left - dot
    if typ in 'eE' or (typ in 'gGn' and expo != 0):
        tail += ('E' if typ in 'EG' else 'e') + ('+' if expo >= 0 else '-') \
            + str(abs(expo))
    if typ == '%':
        tail += '%'
    return _pad(f, sign, intpart, tail)


def _pad(f, sign, intpart, tail):
    """Add sign, grouping and padding around the number's text."""
    if sign:
        s = '-'
    elif f['sign'] in '+ ':
        s = f['sign']
    else:
        s = ''
    width = f['width']
    if intpart[:1].isdigit():
        minw = width - len(s) - len(tail) if f['zero'] else 0
        intpart = _group(intpart, f['group'], minw)
    body = intpart + tail
    pad = width - len(s) - len(body)
    if pad <= 0:
        return s + body
    fill = f['fill']
    align = f['align']
    if align == '<':
        return s + body + fill * pad
    if align == '>':
        return fill * pad + s + body
    if align == '=':
        return s + fill * pad + body
    half = pad // 2
    return fill * half + s + body + fill * (pad - half)


# ---------------------------------------------------------------- Context

class _SignalDict(object):
    """The flags or traps of a context: a live mapping signal -> bool."""

    __slots__ = ('_ctx', '_attr')

    def __init__(self, ctx, attr):
        self._ctx = ctx
        self._attr = attr

    def _bits(self):
        return getattr(self._ctx, self._attr)

    def __getitem__(self, key):
        try:
            mask = _SIGNAL_BITS[key]
        except (KeyError, TypeError):
            raise KeyError(key) from None
        return bool(self._bits() & mask)

    def __setitem__(self, key, value):
        try:
            mask = _SIGNAL_BITS[key]
        except (KeyError, TypeError):
            raise KeyError(key) from None
        bits = self._bits()
        if value:
            bits |= mask
        else:
            bits &= ~mask
        setattr(self._ctx, self._attr, bits)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __contains__(self, key):
        return key in _SIGNAL_BITS

    def __iter__(self):
        return iter([cls for cls, _ in _SIGNALS])

    def __len__(self):
        return len(_SIGNALS)

    def keys(self):
        return [cls for cls, _ in _SIGNALS]

    def values(self):
        return [self[cls] for cls, _ in _SIGNALS]

    def items(self):
        return [(cls, self[cls]) for cls, _ in _SIGNALS]

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            other = other.copy()
        if isinstance(other, dict):
            return self.copy() == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    __hash__ = None

    def __repr__(self):
        return '{' + ', '.join('%s:%s' % (cls, self[cls])
                               for cls, _ in _SIGNALS) + '}'


def _signal_bits(value, what):
    """flags/traps given as a list of signals or a dict signal -> bool."""
    bits = 0
    if isinstance(value, (dict, _SignalDict)):
        items = list(value.items())
        if len(items) != len(_SIGNALS) or \
                any(k not in _SIGNAL_BITS for k, _ in items):
            raise KeyError('invalid signal dict')
        for k, v in items:
            if v:
                bits |= _SIGNAL_BITS[k]
        return bits
    for k in value:
        if k not in _SIGNAL_BITS:
            raise KeyError('invalid error flag')  # like CPython's message
        bits |= _SIGNAL_BITS[k]
    return bits


# Context.__repr__ lists signals in libmpdec's bit order, InvalidOperation
# where its first condition sits.
_REPR_ORDER = (
    (_S_CLAMPED, 0, 'Clamped'), (_S_CONVERSION, 1, 'InvalidOperation'),
    (_S_DIVZERO, 2, 'DivisionByZero'),
    (_S_DIVIMPOSSIBLE, 3, 'InvalidOperation'),
    (_S_DIVUNDEFINED, 4, 'InvalidOperation'), (_S_INEXACT, 6, 'Inexact'),
    (_S_INVCONTEXT, 7, 'InvalidOperation'),
    (_S_INVALID, 8, 'InvalidOperation'), (_S_FLOAT, 10, 'FloatOperation'),
    (_S_OVERFLOW, 11, 'Overflow'), (_S_ROUNDED, 12, 'Rounded'),
    (_S_SUBNORMAL, 13, 'Subnormal'), (_S_UNDERFLOW, 14, 'Underflow'),
)


def _signal_names(bits):
    names = []
    for bit, _, name in _REPR_ORDER:
        if bits & bit and name not in names:
            names.append(name)
    return names


class Context(object):
    """Contains the context for a Decimal instance: precision, rounding,
    exponent limits, flags and traps."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None,
                 _ignored_flags=None):
        base = DefaultContext if '_DEFAULT_READY' in globals() else None
        self._prec = base._prec if base else 28
        self._rounding = base._rounding if base else ROUND_HALF_EVEN
        self._Emin = base._Emin if base else -999999
        self._Emax = base._Emax if base else 999999
        self._capitals = base._capitals if base else 1
        self._clamp = base._clamp if base else 0
        self._traps = base._traps if base else \
            _INVALID_MASK | _S_DIVZERO | _S_OVERFLOW
        self._flags = 0
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        if traps is not None:
            self._traps = _signal_bits(traps, 'traps')
        if flags is not None:
            self._flags = _signal_bits(flags, 'flags')

    # ---- attributes with validation

    def _get_prec(self):
        return self._prec

    def _set_prec(self, v):
        if not isinstance(v, int):
            raise TypeError('an integer is required')
        if not 1 <= v <= MAX_PREC:
            raise ValueError('valid range for prec is [1, MAX_PREC]')
        self._prec = int(v)

    prec = property(_get_prec, _set_prec)

    def _get_rounding(self):
        return self._rounding

    def _set_rounding(self, v):
        if v not in _ROUNDINGS or not isinstance(v, str):
            raise TypeError('valid values for rounding are:\n'
                            '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, '
                            'ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, '
                            'ROUND_HALF_EVEN,\n   ROUND_05UP]')
        self._rounding = v

    rounding = property(_get_rounding, _set_rounding)

    def _get_emin(self):
        return self._Emin

    def _set_emin(self, v):
        if not isinstance(v, int):
            raise TypeError('an integer is required')
        if not MIN_EMIN <= v <= 0:
            raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        self._Emin = v

    Emin = property(_get_emin, _set_emin)

    def _get_emax(self):
        return self._Emax

    def _set_emax(self, v):
        if not isinstance(v, int):
            raise TypeError('an integer is required')
        if not 0 <= v <= MAX_EMAX:
            raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        self._Emax = v

    Emax = property(_get_emax, _set_emax)

    def _get_capitals(self):
        return self._capitals

    def _set_capitals(self, v):
        if not isinstance(v, int):
            raise TypeError('an integer is required')
        if v not in (0, 1):
            raise ValueError('valid values for capitals are 0 or 1')
        self._capitals = int(v)

    capitals = property(_get_capitals, _set_capitals)

    def _get_clamp(self):
        return self._clamp

    def _set_clamp(self, v):
        if not isinstance(v, int):
            raise TypeError('an integer is required')
        if v not in (0, 1):
            raise ValueError('valid values for clamp are 0 or 1')
        self._clamp = int(v)

    clamp = property(_get_clamp, _set_clamp)

    @property
    def flags(self):
        return _SignalDict(self, '_flags')

    @flags.setter
    def flags(self, value):
        self._flags = _signal_bits(value, 'flags')

    @property
    def traps(self):
        return _SignalDict(self, '_traps')

    @traps.setter
    def traps(self, value):
        self._traps = _signal_bits(value, 'traps')

    # ---- signalling

    def _apply(self, bits):
        """Record conditions; raise if any of them is trapped."""
        self._flags |= bits
        t = bits & self._traps
        if t:
            _raise_for(t)

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def clear_flags(self):
        self._flags = 0

    def clear_traps(self):
        self._traps = 0

    def copy(self):
        c = Context.__new__(Context)
        c._prec, c._rounding = self._prec, self._rounding
        c._Emin, c._Emax = self._Emin, self._Emax
        c._capitals, c._clamp = self._capitals, self._clamp
        c._flags, c._traps = self._flags, self._traps
        return c

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self.prec, self.rounding, self.Emin, self.Emax,
                          self.capitals, self.clamp,
                          [k for k, v in self.flags.items() if v],
                          [k for k, v in self.traps.items() if v]))

    def __repr__(self):
        flags = _signal_names(self._flags)
        traps = _signal_names(self._traps)
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, '
                'capitals=%d, clamp=%d, flags=[%s], traps=[%s])'
                % (self._prec, self._rounding, self._Emin, self._Emax,
                   self._capitals, self._clamp, ', '.join(flags),
                   ', '.join(traps)))

    # ---- creating numbers

    def create_decimal(self, num='0'):
        if isinstance(num, str):
            parts = _parse(num)
            if parts is None or ('_' in num):
                if parts is None or num.strip() != num or '_' in num:
                    self._apply(_S_CONVERSION)
                    return _nan()
        d = Decimal(num, context=self)
        if d._special:
            if d._special >= 2 and d._int and \
                    _nd(d._int) > self.prec - self.clamp:
                self._apply(_S_CONVERSION)
                return _nan()
            return d
        return _finish(d._sign, d._int, d._exp, self)

    def create_decimal_from_float(self, f):
        d = Decimal.from_float(f)
        if d._special:
            return d
        return _finish(d._sign, d._int, d._exp, self)

    def _d(self, a):
        return _convert(a, True)

    # ---- arithmetic with this context

    def abs(self, a):
        return self._d(a).__abs__(context=self)

    def add(self, a, b):
        return _add(self._d(a), self._d(b), self, 0)

    def subtract(self, a, b):
        return _add(self._d(a), self._d(b), self, 1)

    def multiply(self, a, b):
        return _mul(self._d(a), self._d(b), self)

    def divide(self, a, b):
        return _div(self._d(a), self._d(b), self)

    def divide_int(self, a, b):
        return _divmod(self._d(a), self._d(b), self, 1)

    def remainder(self, a, b):
        return _divmod(self._d(a), self._d(b), self, 2)

    def divmod(self, a, b):
        return _divmod(self._d(a), self._d(b), self, 3)

    def remainder_near(self, a, b):
        return _remainder_near(self._d(a), self._d(b), self)

    def power(self, a, b, modulo=None):
        a, b = self._d(a), self._d(b)
        if modulo is not None:
            return _powmod(a, b, self._d(modulo), self)
        return _pow(a, b, self)

    def plus(self, a):
        return self._d(a).__pos__(context=self)

    def minus(self, a):
        return self._d(a).__neg__(context=self)

    def fma(self, a, b, c):
        return self._d(a).fma(b, c, context=self)

    def sqrt(self, a):
        return _sqrt(self._d(a), self)

    def exp(self, a):
        return _exp(self._d(a), self)

    def ln(self, a):
        return _ln(self._d(a), self, False)

    def log10(self, a):
        return _ln(self._d(a), self, True)

    def logb(self, a):
        return self._d(a).logb(context=self)

    def quantize(self, a, b):
        return self._d(a).quantize(b, context=self)

    def normalize(self, a):
        return self._d(a).normalize(context=self)

    def scaleb(self, a, b):
        return self._d(a).scaleb(b, context=self)

    def shift(self, a, b):
        return self._d(a).shift(b, context=self)

    def rotate(self, a, b):
        return self._d(a).rotate(b, context=self)

    def to_integral_value(self, a):
        return self._d(a).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return self._d(a).to_integral_exact(context=self)

    def to_sci_string(self, a):
        return self._d(a).__str__(context=self)

    def to_eng_string(self, a):
        return self._d(a).to_eng_string(context=self)

    def compare(self, a, b):
        return self._d(a).compare(b, context=self)

    def compare_signal(self, a, b):
        return self._d(a).compare_signal(b, context=self)

    def compare_total(self, a, b):
        return self._d(a).compare_total(b)

    def compare_total_mag(self, a, b):
        return self._d(a).compare_total_mag(b)

    def max(self, a, b):
        return self._d(a).max(b, context=self)

    def min(self, a, b):
        return self._d(a).min(b, context=self)

    def max_mag(self, a, b):
        return self._d(a).max_mag(b, context=self)

    def min_mag(self, a, b):
        return self._d(a).min_mag(b, context=self)

    def next_plus(self, a):
        return self._d(a).next_plus(context=self)

    def next_minus(self, a):
        return self._d(a).next_minus(context=self)

    def next_toward(self, a, b):
        return self._d(a).next_toward(b, context=self)

    def same_quantum(self, a, b):
        return self._d(a).same_quantum(b)

    def number_class(self, a):
        return self._d(a).number_class(context=self)

    def copy_abs(self, a):
        return self._d(a).copy_abs()

    def copy_negate(self, a):
        return self._d(a).copy_negate()

    def copy_sign(self, a, b):
        return self._d(a).copy_sign(b)

    def copy_decimal(self, a):
        return self._d(a)

    def canonical(self, a):
        return self._d(a)

    def is_canonical(self, a):
        return True

    def is_finite(self, a):
        return self._d(a).is_finite()

    def is_infinite(self, a):
        return self._d(a).is_infinite()

    def is_nan(self, a):
        return self._d(a).is_nan()

    def is_qnan(self, a):
        return self._d(a).is_qnan()

    def is_snan(self, a):
        return self._d(a).is_snan()

    def is_signed(self, a):
        return self._d(a).is_signed()

    def is_zero(self, a):
        return self._d(a).is_zero()

    def is_normal(self, a):
        return self._d(a).is_normal(context=self)

    def is_subnormal(self, a):
        return self._d(a).is_subnormal(context=self)

    def logical_and(self, a, b):
        return self._d(a).logical_and(b, context=self)

    def logical_or(self, a, b):
        return self._d(a).logical_or(b, context=self)

    def logical_xor(self, a, b):
        return self._d(a).logical_xor(b, context=self)

    def logical_invert(self, a):
        return self._d(a).logical_invert(context=self)

    def radix(self):
        return Decimal(10)


DefaultContext = Context()
_DEFAULT_READY = True
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation,
                              Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])


# ---------------------------------------------------------------- current context

try:
    from _thread import _local as _LocalBase
except ImportError:                                   # pragma: no cover
    _LocalBase = object

_local = _LocalBase()


def getcontext():
    """The current thread's context (a copy of DefaultContext at first)."""
    try:
        return _local.context
    except AttributeError:
        ctx = DefaultContext.copy()
        ctx._flags = 0
        _local.context = ctx
        return ctx


_current = getcontext


def _ctx(context):
    if context is None:
        try:
            return _local.context
        except AttributeError:
            return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


def setcontext(context):
    """Make context the current thread's context."""
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or \
            context is ExtendedContext:
        context = context.copy()
        context._flags = 0
    _local.context = context


class _ContextManager(object):
    """with localcontext(): run with a copy of a context, restore after."""

    def __init__(self, new):
        self.new_context = new

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *args):
        setcontext(self.saved_context)
        return None


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    new = ctx.copy()
    for key, value in kwargs.items():
        if key == 'flags':
            new.flags = value
        elif key == 'traps':
            new.traps = value
        elif key in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp'):
            setattr(new, key, value)
        else:
            raise TypeError("'%s' is an invalid keyword argument for this "
                            "function" % key)
    return _ContextManager(new)
