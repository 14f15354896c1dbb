# time.strptime: directives, defaults and error messages
import os, time
# local time must not depend on the machine
os.environ['TZ'] = 'UTC'
time.tzset()

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)


cases = [('2024', '%Y'), ('x2024', '%Y'), ('2024x', '%Y'), ('24-3-5', '%y-%m-%d'), ('70', '%y'), ('68', '%y'),
 ('Mar 5 2024 12:30:45.5 PM', '%b %d %Y %I:%M:%S.%f %p'), ('12 am', '%I %p'), ('12', '%I'), ('7 pm', '%I %p'),
 ('Tuesday January 02 2024', '%A %B %d %Y'), ('tUeSdAy jAnUaRy 02 2024', '%A %B %d %Y'), ('2024 100', '%Y %j'),
 ('2024 5 1', '%Y %U %w'), ('2024 0 1', '%Y %W %w'), ('2024 0 0', '%Y %U %w'), ('2021 52 7', '%G %V %u'),
 ('2020 1 1', '%G %V %u'), ('2024 1', '%G %V'), ('1 1', '%V %u'), ('2024 1 1', '%Y %V %u'), ('2024 1 1 5', '%G %V %u %j'),
 ('+0130', '%z'), ('-01:30:15.5', '%z'), ('Z', '%z'), ('+01:3015', '%z'), ('UTC', '%Z'), ('gmt', '%Z'),
 ('Feb 29', '%b %d'), ('Feb 30 2024', '%b %d %Y'), ('2024', '%Y%'), ('2024', '%Q'), ('Mon Jan  1 00:00:00 2000', '%c'),
 ('01/02/03', '%x'), ('10:11:12', '%X'), ('  10   11', ' %H %M'), ('100%', '%H%%'), ('1900 60', '%Y %j'),
 ('2024-366', '%Y-%j'), ('2023-366', '%Y-%j'), ('5', '%d'), (' 5', '%d'), ('61', '%S'), ('2024 Sun', '%Y %a'),
 ('Thu Mar  7 2024', '%a %b %d %Y'), ('[2024](x)', '[%Y](x)'), ('a.b', 'a.b'), ('a-b', 'a.b'), ('', ''), ('9', '%m'),
 ('13', '%m'), ('24', '%H'), ('0', '%I'), ('4 2024', '%u %Y')]
for s, f in cases:
    t(lambda: time.strptime(s, f))
t(lambda: time.strptime('Thu Mar  7 12:00:00 2024'))
t(lambda: time.strptime(5, '%Y'))
t(lambda: time.strptime('2024', 5))
t(lambda: time.strptime())
r = time.strptime('2024-03-05 10:20:30 +0100', '%Y-%m-%d %H:%M:%S %z')
print(r.tm_gmtoff, r.tm_zone, r.tm_isdst, r.tm_yday, r.tm_wday, tuple(r))
r = time.strptime('2024-03-05 UTC', '%Y-%m-%d %Z')
print(r.tm_gmtoff, r.tm_zone, r.tm_isdst)
