# decimal for money: invoices, taxes, compound interest, amortization,
# rounding tables for every mode, formatting with format specs and f-strings.
from decimal import (Decimal, localcontext, getcontext, ROUND_HALF_UP,
                     ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_CEILING,
                     ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_05UP, Inexact)

CENT = Decimal('0.01')
MODES = [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_UP, ROUND_CEILING,
         ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_05UP]

print('-- invoice')
items = [('Widget', 3, '19.99'), ('Gadget', 1, '249.50'), ('Cable', 12, '2.35'),
         ('Service hour', Decimal('2.5'), '80.00'), ('Discount', 1, '-15.00')]
subtotal = Decimal(0)
for name, qty, price in items:
    line = (Decimal(qty) * Decimal(price)).quantize(CENT, ROUND_HALF_UP)
    subtotal += line
    print(f'{name:<14}{qty!s:>5} x {Decimal(price):>8,.2f} = {line:>10,.2f}')
tax = (subtotal * Decimal('0.0825')).quantize(CENT, ROUND_HALF_UP)
total = subtotal + tax
print(f'{"Subtotal":<30}{subtotal:>10,.2f}')
print(f'{"Tax 8.25%":<30}{tax:>10,.2f}')
print(f'{"Total":<30}{total:>10,.2f}')
print(repr(subtotal), repr(tax), repr(total))

print('-- splitting a bill')
amount = Decimal('100.00')
for n in (3, 6, 7):
    share = (amount / n).quantize(CENT, ROUND_DOWN)
    rest = amount - share * n
    shares = [share + CENT if i < rest / CENT else share for i in range(n)]
    print(n, shares, sum(shares))

print('-- compound interest')
principal = Decimal('10000')
for rate in ('0.05', '0.035', '0.0725'):
    r = Decimal(rate)
    yearly = principal * (1 + r) ** 10
    monthly = principal * (1 + r / 12) ** 120
    print(rate, yearly, yearly.quantize(CENT), monthly.quantize(CENT))
with localcontext() as ctx:
    ctx.prec = 50
    print((1 + Decimal('0.05') / 365) ** 3650)
    print(Decimal(2).sqrt(), Decimal(1).exp())
print(Decimal('1.05') ** Decimal('2.5'), Decimal('1.01') ** Decimal('0.5'))

print('-- amortization')
P, annual, months = Decimal('250000'), Decimal('0.06'), 360
i = annual / 12
payment = (P * i / (1 - (1 + i) ** -months)).quantize(CENT, ROUND_HALF_UP)
print('payment', payment)
balance = P
total_interest = Decimal(0)
for m in range(1, months + 1):
    interest = (balance * i).quantize(CENT, ROUND_HALF_UP)
    principal_part = payment - interest
    if m == months:
        principal_part = balance
    balance -= principal_part
    total_interest += interest
    if m <= 3 or m % 60 == 0:
        print(f'{m:>3} {interest:>10,.2f} {principal_part:>10,.2f} {balance:>12,.2f}')
print('interest total', f'{total_interest:,.2f}', 'balance', balance)

print('-- rounding table')
values = ['2.5', '3.5', '-2.5', '2.51', '2.49', '-2.51', '1.005', '0.125', '-0.125',
          '2.675', '10.0', '0.05', '-0.05', '7.45', '7.55', '0.0']
print('value   ' + ' '.join(m[6:].ljust(9) for m in MODES))
for v in values:
    d = Decimal(v)
    cells = [str(d.quantize(Decimal('0.1') if '.' in v and len(v.split('.')[1]) > 1 else Decimal(1), rounding=m)) for m in MODES]
    print(v.ljust(8) + ' '.join(c.ljust(9) for c in cells))
for m in MODES:
    with localcontext(rounding=m):
        print(m, round(Decimal('2.675'), 2), round(Decimal('-0.125'), 2), Decimal(2) / 3,
              Decimal(-2) / 3, +Decimal('1.23456789012345678901234567895'), format(Decimal('2.345'), '.2f'))
    with localcontext(prec=3, rounding=m):
        print('  prec3', Decimal('1.005') + 0, Decimal('999.5') * 1, Decimal('-12.35') * 1,
              Decimal('0.0005055') * 1, Decimal(10) / 7)

print('-- round builtin')
for v in ['0.5', '1.5', '2.5', '-0.5', '-1.5', '2.675', '1.2345', '123.456']:
    d = Decimal(v)
    print(v, round(d), round(d, 0), round(d, 2), round(d, -1), type(round(d)).__name__)

print('-- formatting')
vals = [Decimal('1234567.891'), Decimal('-0.5'), Decimal('0'), Decimal('-0.00'),
        Decimal('1E+3'), Decimal('0.000012345'), Decimal('12.5'), Decimal('NaN'), Decimal('-Inf')]
specs = ['', ',.2f', '.2f', '>15,.2f', '<15.3f', '^15.1f', '=+15,.2f', '015,.2f', '+.3e',
         '.4g', 'g', '.1%', ',', '012', '.0f', 'z.1f', ' .2f', '*>12,.0f', 'E', 'F']
for v in vals:
    print(repr(v), ' | '.join(format(v, s) for s in specs))
x = Decimal('-1234.5678')
print(f'{x}|{x:.2f}|{x:,.2f}|{x:>14,.3f}|{x:e}|{x!r}|{x!s:>12}')
print('%s %r' % (x, x), str(x), '{:,.2f}'.format(x), '{0:.1%}'.format(Decimal('0.256')))
print('%.2f %d %5.1f' % (Decimal('2.675'), Decimal('7.9'), Decimal('3.14159')))
try:
    format(Decimal(1), 'd')
except ValueError as e:
    print('ValueError', e)

print('-- exact money with traps')
with localcontext() as ctx:
    ctx.traps[Inexact] = True
    print(Decimal('19.99') * 3 + Decimal('0.03'))
    try:
        Decimal(10) / 3
    except Inexact as e:
        print('Inexact trapped:', e)
print(getcontext().traps[Inexact])

print('-- statistics of prices')
prices = [Decimal(p) for p in ['9.99', '14.50', '3.25', '7.80', '12.00', '5.55']]
mean = sum(prices) / len(prices)
print(sum(prices), mean, mean.quantize(CENT), max(prices), min(prices), sorted(prices)[len(prices) // 2])
var = sum((p - mean) ** 2 for p in prices) / (len(prices) - 1)
print(var.quantize(Decimal('0.0001')), var.sqrt().quantize(CENT))
