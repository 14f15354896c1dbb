"""Concrete date/time and related types.

refpy's own implementation of CPython 3.11's datetime module: date, time,
datetime, timedelta, tzinfo and timezone, with the C implementation's
observable behaviour (reprs, error messages, rounding, hashes, pickling).

Dates are proleptic Gregorian; an "ordinal" counts days from 0001-01-01,
which is day 1.  Fixed-size values are kept in slots and validated once in
the constructors; internal arithmetic builds results through _new_* helpers
that skip validation, except for user subclasses, which are called like
CPython calls them (so that an overridden __new__ runs).
"""

import time as _time
import math as _math

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059                 # date(9999, 12, 31).toordinal()
_US_PER_DAY = 86400 * 1000000
_MAX_DELTA_DAYS = 999999999
_EPOCH_ORDINAL = 719163               # date(1970, 1, 1).toordinal()
_MAX_FOLD_SECONDS = 24 * 3600

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [0]
for _n in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_DAYS_BEFORE_MONTH[-1] + _n)
del _n
_DAYNAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTHNAMES = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---- calendar arithmetic -----------------------------------------------------

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month - 1] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    # Peel off whole 400-, 100-, 4- and 1-year cycles (146097, 36524, 1461
    # and 365 days), then find the month in the remaining day of the year.
    n -= 1
    n400, n = divmod(n, 146097)
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n1 == 4 or n100 == 4:
        # the last day of a leap cycle: December 31 of the previous year
        return year - 1, 12, 31
    leap = _is_leap(year)
    month = 1
    while month < 12 and n >= _DAYS_BEFORE_MONTH[month] + (month >= 2 and leap):
        month += 1
    return year, month, n - _days_before_month(year, month) + 1


def _iso_week1_monday(year):
    # Week 1 is the week (Monday first) holding January 4.
    jan4 = _ymd2ord(year, 1, 4)
    return jan4 - (jan4 + 6) % 7


# ---- argument checks ------------------------------------------------------------

def _index(value):
    # operator.index, with the C message for objects that are not ints
    try:
        meth = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return meth(value)


def _int_arg(value):
    # what C's "i" conversion accepts: anything with __index__, as an int
    if type(value) is int:
        return value
    value = _index(value)
    return value if type(value) is int else int(value)


def _check_year(year):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)


def _check_date_fields(year, month, day):
    year = _int_arg(year)
    month = _int_arg(month)
    day = _int_arg(day)
    _check_year(year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _int_arg(hour)
    minute = _int_arg(minute)
    second = _int_arg(second)
    microsecond = _int_arg(microsecond)
    fold = _int_arg(fold)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        "subclass, not type '%s'" % type(tz).__name__)


def _check_utc_offset(name, offset):
    # What a tzinfo method returned: None, or a timedelta under a day.
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")
    return offset


def _call_tzname(tz, dt):
    if tz is None:
        return None
    name = tz.tzname(dt)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, "
                        "not '%s'" % _arg_type(name))
    return name


_MODULE_CLASSES = set()


def _tp_name(obj):
    # The C type name CPython shows: "datetime.date" for the module's own
    # classes, the bare class name for user subclasses.
    cls = type(obj)
    if cls in _MODULE_CLASSES:
        return "datetime." + cls.__name__
    return cls.__name__


def _arg_type(value):
    # how C argument errors name a value's type
    return "None" if value is None else type(value).__name__


def _cmperror(x, y):
    raise TypeError("can't compare %s to %s" % (_tp_name(x), _tp_name(y)))


def _c_round(x):
    # C's round(): halves away from zero.
    if x < 0:
        return -_c_round(-x)
    whole = _math.floor(x)
    return whole + 1 if x - whole >= 0.5 else whole


def _divide_and_round(a, b):
    """a / b for ints, rounded to the nearest int, halves to even."""
    q, r = divmod(a, b)
    r2 = r * 2
    if b > 0:
        up = r2 > b or (r2 == b and q % 2 == 1)
    else:
        up = r2 < b or (r2 == b and q % 2 == 1)
    return q + 1 if up else q


# ---- formatting helpers ------------------------------------------------------------

def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    if timespec == 'hours':
        return "%02d" % hh
    if timespec == 'minutes':
        return "%02d:%02d" % (hh, mm)
    if timespec == 'seconds':
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == 'milliseconds':
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us)
    if timespec == 'microseconds':
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


def _format_offset(off, sep=':'):
    if off is None:
        return ""
    if off.days < 0:
        sign = '-'
        off = -off
    else:
        sign = '+'
    mm, ss = divmod(off._seconds, 60)
    hh, mm = divmod(mm, 60)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or off._microseconds:
        s += "%s%02d" % (sep, ss)
        if off._microseconds:
            s += ".%06d" % off._microseconds
    return s


def _wrap_strftime(obj, fmt, timetuple, tzinfoarg):
    # Expand %z, %Z and %f ourselves (the C library knows nothing of the
    # object's tzinfo or microseconds); hand everything else to strftime.
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s"
                        % _arg_type(fmt))
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%':
            out.append(ch)
            continue
        if i >= n:
            out.append('%')
            break
        ch = fmt[i]
        i += 1
        if ch == 'z':
            off = None
            tz = getattr(obj, '_tzinfo', None)
            if tz is not None and tzinfoarg is not _NOARG:
                off = _check_utc_offset("utcoffset", tz.utcoffset(tzinfoarg))
            out.append(_format_offset(off, ''))
        elif ch == 'Z':
            name = None
            tz = getattr(obj, '_tzinfo', None)
            if tz is not None and tzinfoarg is not _NOARG:
                name = _call_tzname(tz, tzinfoarg)
            if name:
                out.append(name.replace('%', '%%'))
        elif ch == 'f':
            out.append("%06d" % getattr(obj, '_microsecond', 0))
        else:
            out.append('%')
            out.append(ch)
    return _time.strftime("".join(out), timetuple)


_NOARG = object()


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    yday = _days_before_month(y, m) + d
    return _time.struct_time((y, m, d, hh, mm, ss, wday, yday, dstflag))


def _format_ctime(y, m, d, hh, mm, ss):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    return "%s %s %2d %02d:%02d:%02d %04d" % (
        _DAYNAMES[wday], _MONTHNAMES[m], d, hh, mm, ss, y)


def _check_str(name, value):
    if not isinstance(value, str):
        raise TypeError("%s() argument 1 must be str, not %s"
                        % (name, type(value).__name__))


# ---- timedelta --------------------------------------------------------------------

def _accum(name, total, leftover, value, factor):
    # Add value * factor microseconds; a float's fraction of a microsecond
    # goes to `leftover`, which is rounded once at the end (CPython's
    # order of float operations, so that results agree to the last bit).
    if isinstance(value, int):
        return total + value * factor, leftover
    if isinstance(value, float):
        frac, whole = _math.modf(value)
        total += int(whole) * factor
        if frac == 0.0:
            return total, leftover
        frac, whole = _math.modf(float(factor) * frac)
        return total + int(whole), leftover + frac
    raise TypeError("unsupported type for timedelta %s component: %s"
                    % (name, type(value).__name__))


def _new_delta(us):
    """A timedelta of `us` microseconds (OverflowError past the range)."""
    secs, us = divmod(us, 1000000)
    days, secs = divmod(secs, 86400)
    if not -_MAX_DELTA_DAYS <= days <= _MAX_DELTA_DAYS:
        raise OverflowError("days=%d; must have magnitude <= %d"
                            % (days, _MAX_DELTA_DAYS))
    self = object.__new__(timedelta)
    self._days = days
    self._seconds = secs
    self._microseconds = us
    self._hashcode = -1
    return self


class timedelta:
    """Difference between two datetime values.

    timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)

    All arguments are optional and default to 0.
    Arguments may be integers or floats, and may be positive or negative."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        total = 0
        leftover = 0.0
        for name, value, factor in (("microseconds", microseconds, 1),
                                    ("milliseconds", milliseconds, 1000),
                                    ("seconds", seconds, 1000000),
                                    ("minutes", minutes, 60000000),
                                    ("hours", hours, 3600000000),
                                    ("days", days, _US_PER_DAY),
                                    ("weeks", weeks, 7 * _US_PER_DAY)):
            if value:
                total, leftover = _accum(name, total, leftover, value, factor)
        if leftover:
            whole = _c_round(leftover)
            if abs(whole - leftover) == 0.5:
                # exactly half way: round so that the total comes out even
                odd = total & 1
                whole = 2 * _c_round((leftover + odd) * 0.5) - odd
            total += int(whole)
        self = _new_delta(total)
        if cls is not timedelta:
            sub = object.__new__(cls)
            sub._days, sub._seconds = self._days, self._seconds
            sub._microseconds, sub._hashcode = self._microseconds, -1
            self = sub
        return self

    @property
    def days(self):
        """Number of days."""
        return self._days

    @property
    def seconds(self):
        """Number of seconds (>= 0 and less than 1 day)."""
        return self._seconds

    @property
    def microseconds(self):
        """Number of microseconds (>= 0 and less than 1 second)."""
        return self._microseconds

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_us() / 10**6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        return "%s(%s)" % (_tp_name(self), ", ".join(args) or "0")

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            plural = "s" if abs(self._days) != 1 else ""
            s = "%d day%s, " % (self._days, plural) + s
        if self._microseconds:
            s += ".%06d" % self._microseconds
        return s

    # -- arithmetic
    def __add__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return _new_delta(-self._to_us())

    def __pos__(self):
        return _new_delta(self._to_us())

    def __abs__(self):
        return _new_delta(abs(self._to_us()))

    def __mul__(self, other):
        if isinstance(other, int):
            return _new_delta(self._to_us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return _new_delta(_divide_and_round(self._to_us() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return _new_delta(self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, int):
            return _new_delta(_divide_and_round(self._to_us(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return _new_delta(_divide_and_round(b * self._to_us(), a))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _new_delta(self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, _new_delta(r)
        return NotImplemented

    # -- comparison and hashing
    def _cmp(self, other):
        a = (self._days, self._seconds, self._microseconds)
        b = (other._days, other._seconds, other._microseconds)
        return 0 if a == b else (1 if a > b else -1)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._cmp(other) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._cmp(other) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._cmp(other) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._cmp(other) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._cmp(other) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._cmp(other) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return (self._days != 0 or self._seconds != 0 or
                self._microseconds != 0)

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


timedelta.min = _new_delta(-_MAX_DELTA_DAYS * _US_PER_DAY)
timedelta.max = _new_delta((_MAX_DELTA_DAYS + 1) * _US_PER_DAY - 1)
timedelta.resolution = _new_delta(1)


# ---- date -----------------------------------------------------------------------

def _new_date(cls, year, month, day):
    # Fields already valid; a user subclass is called as CPython does.
    if cls is date:
        self = object.__new__(date)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self
    return cls(year, month, day)


def _date_from_ordinal(cls, n):
    if not 1 <= n <= _MAXORDINAL:
        raise OverflowError("date value out of range")
    return _new_date(cls, *_ord2ymd(n))


def _timestamp_parts(t):
    """(whole seconds, microseconds) of a timestamp, halves to even."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        frac, whole = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            us -= 1000000
            whole += 1.0
        elif us < 0:
            us += 1000000
            whole -= 1.0
        if not -9.223372036854776e18 <= whole < 9.223372036854776e18:
            raise OverflowError("timestamp out of range for platform time_t")
        return int(whole), us
    secs = _index(t)
    if not -2**63 <= secs < 2**63:
        raise OverflowError("timestamp out of range for platform time_t")
    return secs, 0


def _parse_digits(s, pos, n):
    # n ASCII digits at s[pos:], as an int; None if they are not there.
    end = pos + n
    if end > len(s):
        return None
    v = 0
    for ch in s[pos:end]:
        if not '0' <= ch <= '9':
            return None
        v = v * 10 + ord(ch) - 48
    return v


def _char(s, i):
    # The character at i, or NUL past the end (the C parser reads the
    # string's terminator, and the grammar below relies on it).
    return s[i] if i < len(s) else '\0'


def _parse_isoformat_date(s, n):
    """(year, month, day) from the first n characters of s: YYYY-MM-DD,
    YYYYMMDD, or the ISO week forms YYYY-Www[-D] and YYYYWww[D].  None if
    they are not a date.  As in CPython, what follows a complete date is
    not looked at."""
    year = _parse_digits(s, 0, 4)
    if year is None:
        return None
    pos = 4
    sep = _char(s, pos) == '-'
    if sep:
        pos += 1
    if _char(s, pos) == 'W':
        week = _parse_digits(s, pos + 1, 2)
        if week is None:
            return None
        pos += 3
        wday = 1
        if pos < n:
            if sep:
                if _char(s, pos) != '-':
                    return None
                pos += 1
            wday = _parse_digits(s, pos, 1)
            if wday is None:
                return None
        try:
            return _iso_to_ymd(year, week, wday)
        except ValueError:
            return None
    month = _parse_digits(s, pos, 2)
    if month is None:
        return None
    pos += 2
    if sep:
        if _char(s, pos) != '-':
            return None
        pos += 1
    day = _parse_digits(s, pos, 2)
    if day is None:
        return None
    return year, month, day


def _iso_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        ok = False
        if week == 53:
            # 53-week years start on a Thursday, or are leap years
            # starting on a Wednesday
            first = _ymd2ord(year, 1, 1) % 7
            ok = first == 4 or (first == 3 and _is_leap(year))
        if not ok:
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid day: %d (range is [1, 7])" % day)
    n = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
    if not 1 <= n <= _MAXORDINAL:
        raise ValueError("Year is out of range: %d" % year)
    return _ord2ymd(n)


def _invalid_iso(s):
    return ValueError("Invalid isoformat string: %r" % (s,))


class date:
    """date(year, month, day) --> date object"""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        if (month is None and day is None and isinstance(year, bytes) and
                len(year) == 4 and 1 <= year[2] <= 12):
            # pickle state: two bytes of year, month, day
            self = object.__new__(cls)
            self._year = year[0] * 256 + year[1]
            self._month = year[2]
            self._day = year[3]
            self._hashcode = -1
            return self
        if month is None:
            raise TypeError("function missing required argument 'month' (pos 2)")
        if day is None:
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    # -- alternate constructors
    @classmethod
    def fromtimestamp(cls, t):
        """Create a date from a POSIX timestamp."""
        tm = _time.localtime(t)
        _check_year(tm.tm_year)
        return _new_date(cls, tm.tm_year, tm.tm_mon, tm.tm_mday)

    @classmethod
    def today(cls):
        """Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """int -> date corresponding to a proleptic Gregorian ordinal."""
        n = _int_arg(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0])
        return _new_date(cls, *_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        """str -> Construct a date from a string in ISO 8601 format."""
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        ymd = None
        if len(date_string) in (7, 8, 10):
            ymd = _parse_isoformat_date(date_string, len(date_string))
        if ymd is None:
            raise _invalid_iso(date_string)
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """int, int, int -> Construct a date from the ISO year, week number and weekday.

This is the inverse of the date.isocalendar() function"""
        return cls(*_iso_to_ymd(_int_arg(year), _int_arg(week), _int_arg(day)))

    # -- conversions
    def __repr__(self):
        return "%s(%d, %d, %d)" % (_tp_name(self), self._year, self._month, self._day)

    def ctime(self):
        """Return ctime() style string."""
        return _format_ctime(self._year, self._month, self._day, 0, 0, 0)

    def strftime(self, format):
        """format -> strftime() style string."""
        return _wrap_strftime(self, format, self.timetuple(), _NOARG)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("format() argument 2 must be str, not %s" % _arg_type(fmt))
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        """Return string in ISO 8601 format, YYYY-MM-DD."""
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        """Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."""
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        """Return date with new specified fields."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    # -- comparisons (a datetime is not comparable to a plain date)
    def _cmp(self, other):
        a = (self._year, self._month, self._day)
        b = (other._year, other._month, other._day)
        return 0 if a == b else (1 if a > b else -1)

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if self._comparable(other):
            return self._cmp(other) == 0
        return NotImplemented

    def __ne__(self, other):
        if self._comparable(other):
            return self._cmp(other) != 0
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other):
            return self._cmp(other) <= 0
        return NotImplemented

    def __lt__(self, other):
        if self._comparable(other):
            return self._cmp(other) < 0
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other):
            return self._cmp(other) >= 0
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other):
            return self._cmp(other) > 0
        return NotImplemented

    def _state(self):
        yhi, ylo = divmod(self._year, 256)
        return bytes([yhi, ylo, self._month, self._day])

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._state())
        return self._hashcode

    # -- arithmetic (only the days of a timedelta count)
    def __add__(self, other):
        if isinstance(other, timedelta):
            return _date_from_ordinal(type(self), self.toordinal() + other._days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _date_from_ordinal(type(self), self.toordinal() - other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return _new_delta((self.toordinal() - other.toordinal()) * _US_PER_DAY)
        return NotImplemented

    def weekday(self):
        """Return the day of the week represented by the date.
Monday == 0 ... Sunday == 6"""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Return the day of the week represented by the date.
Monday == 1 ... Sunday == 7"""
        return (self.toordinal() + 6) % 7 + 1

    def isocalendar(self):
        """Return a named tuple containing ISO year, week number, and weekday."""
        year = self._year
        today = self.toordinal()
        start = _iso_week1_monday(year)
        if today < start:
            year -= 1
            start = _iso_week1_monday(year)
        else:
            following = _iso_week1_monday(year + 1)
            if today >= following:
                year += 1
                start = following
        week, day = divmod(today - start, 7)
        return _IsoCalendarDate(year, week + 1, day + 1)

    # -- pickling
    def __reduce__(self):
        return (type(self), (self._state(),))


class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        """datetime -> string name of time zone."""
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        """datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"""
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        """datetime -> DST offset as timedelta positive east of UTC."""
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent "
                                 "results; cannot convert")
        return dt + dtdst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs is not None else ()
        state = getattr(self, "__dict__", None) or None
        return (type(self), args, state)


class IsoCalendarDate(tuple):

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        # a plain tuple: unpickling needs no datetime
        return (tuple, (tuple(self),))

    def __repr__(self):
        return ("%s(year=%d, week=%d, weekday=%d)"
                % (_tp_name(self), self[0], self[1], self[2]))


_IsoCalendarDate = IsoCalendarDate
del IsoCalendarDate


# ---- time ---------------------------------------------------------------------------

def _new_time(cls, hh, mm, ss, us, tz, fold):
    if cls is time:
        self = object.__new__(time)
        self._hour = hh
        self._minute = mm
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        self._hashcode = -1
        return self
    if fold:
        return cls(hh, mm, ss, us, tz, fold=fold)
    return cls(hh, mm, ss, us, tz)


def _parse_hh_mm_ss_ff(s, pos, end):
    """Parse [HH[:?MM[:?SS[{.,}ffffff]]]] in s[pos:end] (colons optional
    but consistent).  -> (rv, h, m, s, us): rv < 0 when invalid, 1 when
    the time stops short of `end`'s terminator (an error unless a UTC
    offset follows), 0 when it runs to the end of the string."""
    vals = [0, 0, 0]
    has_sep = False
    for i in range(3):
        v = _parse_digits(s, pos, 2)
        if v is None:
            return (-3,)
        vals[i] = v
        c = _char(s, pos + 2)
        pos += 3
        if i == 0:
            has_sep = c == ':'
        if pos >= end:
            return (int(c != '\0'), vals[0], vals[1], vals[2], 0)
        if has_sep and c == ':':
            continue
        if c == '.' or c == ',':
            break
        if has_sep:
            return (-4,)
        pos -= 1                # no separators: that was the next digit
    # the fraction: up to six digits count, more are skipped
    ndigits = min(end - pos, 6)
    us = _parse_digits(s, pos, ndigits)
    if us is None:
        return (-3,)
    us *= 10 ** (6 - ndigits)
    pos += ndigits
    while '0' <= _char(s, pos) <= '9':
        pos += 1
    return (int(_char(s, pos) != '\0'), vals[0], vals[1], vals[2], us)


def _parse_isoformat_time(s, start):
    """(h, m, s, us, tzinfo-or-None) of s[start:], or None if it is not
    an ISO time with an optional Z or +-HH[:MM[:SS[.ffffff]]] offset."""
    end = len(s)
    if start >= end:
        return None
    tzpos = start
    while tzpos < end and s[tzpos] not in 'Z+-':
        tzpos += 1
    r = _parse_hh_mm_ss_ff(s, start, tzpos)
    if r[0] < 0:
        return None
    hms = r[1:]
    if tzpos == end:
        return None if r[0] == 1 else hms + (None,)
    if s[tzpos] == 'Z':
        return hms + (timezone.utc,) if tzpos + 1 == end else None
    sign = -1 if s[tzpos] == '-' else 1
    r = _parse_hh_mm_ss_ff(s, tzpos + 1, end)
    if r[0] != 0:
        return None
    secs = sign * (r[1] * 3600 + r[2] * 60 + r[3])
    if secs == 0:
        return hms + (timezone.utc,)   # CPython ignores the microseconds here
    return hms + (timezone(timedelta(seconds=secs, microseconds=sign * r[4])),)


class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object

All arguments are optional. tzinfo may be None, or an instance of
a tzinfo subclass. The remaining arguments may be ints.
"""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo',
                 '_hashcode', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        if (isinstance(hour, bytes) and len(hour) == 6 and
                hour[0] & 0x7F < 24):
            # pickle state (the top bit of the hour byte is fold)
            self = object.__new__(cls)
            self._hour = hour[0] & 0x7F
            self._minute = hour[1]
            self._second = hour[2]
            self._microsecond = (hour[3] << 16) | (hour[4] << 8) | hour[5]
            self._fold = 1 if hour[0] > 127 else 0
            if minute == 0:
                minute = None
            _check_tzinfo_arg(minute)
            self._tzinfo = minute
            self._hashcode = -1
            return self
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    # -- comparisons
    def _cmp(self, other, eq):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is not ottz:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
        a = (self._hour, self._minute, self._second, self._microsecond)
        b = (other._hour, other._minute, other._second, other._microsecond)
        if myoff is not otoff and not (myoff is not None and otoff is not None
                                       and myoff == otoff):
            if myoff is None or otoff is None:
                if eq:
                    return 2    # naive and aware times are never equal
                raise TypeError("can't compare offset-naive and "
                                "offset-aware times")
            a = (self._hour * 3600 + self._minute * 60 + self._second) * 10**6 \
                + self._microsecond - myoff._to_us()
            b = (other._hour * 3600 + other._minute * 60 + other._second) * 10**6 \
                + other._microsecond - otoff._to_us()
        return 0 if a == b else (1 if a > b else -1)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmp(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._cmp(other, True) != 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._cmp(other, False) > 0
        return NotImplemented

    def _state(self, proto=2):
        us1, us3 = divmod(self._microsecond, 256)
        us1, us2 = divmod(us1, 256)
        h = self._hour + (128 if self._fold and proto > 3 else 0)
        return bytes([h, self._minute, self._second, us1, us2, us3])

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if off is None:
                self._hashcode = hash(t._state())
            else:
                secs = self._hour * 3600 + self._minute * 60 + self._second
                self._hashcode = hash(timedelta(0, secs, self._microsecond) - off)
        return self._hashcode

    # -- conversions
    def _tzstr(self):
        return _format_offset(self.utcoffset())

    def __repr__(self):
        if self._microsecond:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second:
            s = ", %d" % self._second
        else:
            s = ""
        s = "%s(%d, %d%s)" % (_tp_name(self), self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r)" % (self._tzinfo,)
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec='auto'):
        """Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].

The optional argument timespec specifies the number of additional terms
of the time to include. Valid options are 'auto', 'hours', 'minutes',
'seconds', 'milliseconds' and 'microseconds'.
"""
        s = _format_time(self._hour, self._minute, self._second,
                         self._microsecond, timespec)
        return s + self._tzstr()

    def __str__(self):
        return self.isoformat()

    @classmethod
    def fromisoformat(cls, time_string):
        """string -> time from a string in ISO 8601 format"""
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        parsed = _parse_isoformat_time(time_string, 1 if time_string[:1] == 'T' else 0)
        if parsed is None:
            raise _invalid_iso(time_string)
        return cls(*parsed)

    def strftime(self, format):
        """format -> strftime() style string."""
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(self, format, tt, None)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("format() argument 2 must be str, not %s" % _arg_type(fmt))
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        if self._tzinfo is None:
            return None
        return _check_utc_offset("utcoffset", self._tzinfo.utcoffset(None))

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        return _call_tzname(self._tzinfo, None)

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        if self._tzinfo is None:
            return None
        return _check_utc_offset("dst", self._tzinfo.dst(None))

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        """Return time with new specified fields."""
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def __bool__(self):
        return True

    def __reduce_ex__(self, protocol):
        state = self._state(protocol)
        if self._tzinfo is None:
            return (type(self), (state,))
        return (type(self), (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)


# ---- datetime ---------------------------------------------------------------------

def _new_datetime(cls, y, m, d, hh, mm, ss, us, tz, fold=0):
    if cls is datetime:
        self = object.__new__(datetime)
        self._year = y
        self._month = m
        self._day = d
        self._hour = hh
        self._minute = mm
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        self._hashcode = -1
        return self
    if fold:
        return cls(y, m, d, hh, mm, ss, us, tz, fold=fold)
    return cls(y, m, d, hh, mm, ss, us, tz)


def _wall_seconds(y, m, d, hh, mm, ss):
    """Seconds since the epoch of a wall-clock time read as UTC."""
    return ((_ymd2ord(y, m, d) - _EPOCH_ORDINAL) * 86400
            + hh * 3600 + mm * 60 + ss)


def _local(u):
    """The local wall clock at POSIX time u, in _wall_seconds terms."""
    tm = _time.localtime(u)
    return _wall_seconds(tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour,
                         tm.tm_min, tm.tm_sec)


def _local_to_seconds(y, m, d, hh, mm, ss, fold):
    """POSIX time of a local wall-clock time: solve _local(u) == t for u,
    choosing the earlier (fold=0) or later (fold=1) of two solutions in a
    repeated hour, and the PEP 495 answer in a skipped one."""
    t = _wall_seconds(y, m, d, hh, mm, ss)
    a = _local(t) - t
    u1 = t - a
    t1 = _local(u1)
    if t1 == t:
        u2 = u1 + _MAX_FOLD_SECONDS if fold else u1 - _MAX_FOLD_SECONDS
        b = _local(u2) - u2
        if a == b:
            return u1
    else:
        b = t1 - u1
    u2 = t - b
    t2 = _local(u2)
    if t2 == t:
        return u2
    if t1 == t:
        return u1
    # t falls in a gap: neither offset gives it back
    return min(u1, u2) if fold else max(u1, u2)


def _local_timezone_at(u):
    tm = _time.localtime(u)
    return timezone(timedelta(seconds=tm.tm_gmtoff), tm.tm_zone)


class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])

The year, month and day arguments are required. tzinfo may be None, or an
instance of a tzinfo subclass. The remaining arguments may be ints.
"""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo',
                 '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        if (isinstance(year, bytes) and len(year) == 10 and
                1 <= year[2] & 0x7F <= 12):
            # pickle state (the top bit of the month byte is fold)
            self = object.__new__(cls)
            self._year = year[0] * 256 + year[1]
            self._month = year[2] & 0x7F
            self._day = year[3]
            self._hour = year[4]
            self._minute = year[5]
            self._second = year[6]
            self._microsecond = (year[7] << 16) | (year[8] << 8) | year[9]
            self._fold = 1 if year[2] > 127 else 0
            _check_tzinfo_arg(month)
            self._tzinfo = month
            self._hashcode = -1
            return self
        if month is None:
            raise TypeError("function missing required argument 'month' (pos 2)")
        if day is None:
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    # -- alternate constructors
    @classmethod
    def _from_timet(cls, t, us, utc, tz):
        tm = _time.gmtime(t) if utc else _time.localtime(t)
        y, m, d = tm.tm_year, tm.tm_mon, tm.tm_mday
        _check_year(y)
        hh, mm, ss = tm.tm_hour, tm.tm_min, min(59, tm.tm_sec)
        fold = 0
        if tz is None and not utc:
            # Is this the second of two equal wall-clock times?  Look a
            # day back for the previous offset and see whether it also
            # produces this wall time.
            result = _wall_seconds(y, m, d, hh, mm, ss)
            probe = _local(t - _MAX_FOLD_SECONDS)
            transition = result - probe - _MAX_FOLD_SECONDS
            if transition < 0 and _local(t + transition) == result:
                fold = 1
        return _new_datetime(cls, y, m, d, hh, mm, ss, us, tz, fold)

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        secs, us = _timestamp_parts(t)
        result = cls._from_timet(secs, us, utc, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """timestamp[, tz] -> tz's local time from POSIX timestamp."""
        _check_tzinfo_arg(tz)
        return cls._fromtimestamp(t, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        """Construct a naive UTC datetime from a POSIX timestamp."""
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        """Returns new datetime object representing current time local to tz.

  tz
    Timezone object.

If no tz is specified, uses local timezone."""
        _check_tzinfo_arg(tz)
        us = _time.time_ns() // 1000
        result = cls._from_timet(us // 10**6, us % 10**6, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcnow(cls):
        """Return a new datetime representing UTC day and time."""
        us = _time.time_ns() // 1000
        return cls._from_timet(us // 10**6, us % 10**6, True, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """date, time -> datetime with same date and time fields"""
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % _arg_type(date))
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % _arg_type(time))
        if tzinfo is True:
            tzinfo = time._tzinfo
        return cls(date._year, date._month, date._day, time._hour,
                   time._minute, time._second, time._microsecond, tzinfo,
                   fold=time._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """string -> datetime from a string in most ISO 8601 formats"""
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        s = date_string
        sep = _isoformat_separator(s)
        ymd = _parse_isoformat_date(s, sep) if sep >= 0 else None
        parsed = (0, 0, 0, 0, None)
        if ymd is not None and len(s) > sep:
            # any single character separates the date from the time
            parsed = _parse_isoformat_time(s, sep + 1)
        if ymd is None or parsed is None:
            raise _invalid_iso(date_string)
        return cls(*(ymd + parsed))

    @classmethod
    def strptime(cls, date_string, format):
        """string, format -> new datetime parsed from a string (like time.strptime())."""
        for i, arg in enumerate((date_string, format), 1):
            if not isinstance(arg, str):
                raise TypeError("strptime() argument %d must be str, not %s"
                                % (i, _arg_type(arg)))
        import _strptime
        return _strptime._strptime_datetime(cls, date_string, format)

    # -- conversions
    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        dst = self.dst()
        if dst is None:
            flag = -1
        else:
            flag = 1 if dst else 0
        return _build_struct_time(self._year, self._month, self._day,
                                  self._hour, self._minute, self._second, flag)

    def _local_timestamp(self):
        return _local_to_seconds(self._year, self._month, self._day,
                                 self._hour, self._minute, self._second,
                                 self._fold)

    def timestamp(self):
        """Return POSIX timestamp as float."""
        if self._tzinfo is None:
            return self._local_timestamp() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        """Return UTC time tuple, compatible with time.localtime()."""
        off = self.utcoffset()
        dt = self
        if off:
            dt = self - off
        return _build_struct_time(dt._year, dt._month, dt._day, dt._hour,
                                  dt._minute, dt._second, 0)

    def date(self):
        """Return date object with same year, month and day."""
        return _new_date(date, self._year, self._month, self._day)

    def time(self):
        """Return time object with same time but with tzinfo=None."""
        return _new_time(_time_class, self._hour, self._minute, self._second,
                         self._microsecond, None, self._fold)

    def timetz(self):
        """Return time object with same time and tzinfo."""
        return _new_time(_time_class, self._hour, self._minute, self._second,
                         self._microsecond, self._tzinfo, self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        """Return datetime with new specified fields."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second,
                          microsecond, tzinfo, fold=fold)

    def astimezone(self, tz=None):
        """tz -> convert to local time in new timezone tz"""
        _check_tzinfo_arg(tz)
        mytz = self._tzinfo
        offset = None
        if mytz is not None:
            if mytz is tz:
                return self
            offset = mytz.utcoffset(self)
            offset = _check_utc_offset("utcoffset", offset)
        if offset is None:
            # naive: the local time zone at this moment
            mytz = _local_timezone_at(self._local_timestamp())
            if mytz is tz:
                return self
            offset = mytz.utcoffset(self)
        utc = (self - offset).replace(tzinfo=timezone.utc)
        if tz is None:
            secs = (utc - _EPOCH) // timedelta(seconds=1)
            tz = _local_timezone_at(secs)
        return tz.fromutc(utc.replace(tzinfo=tz))

    def ctime(self):
        """Return ctime() style string."""
        return _format_ctime(self._year, self._month, self._day, self._hour,
                             self._minute, self._second)

    def isoformat(self, sep='T', timespec='auto'):
        """[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].
sep is used to separate the year from the time, and defaults to 'T'.
The optional argument timespec specifies the number of additional terms
of the time to include. Valid options are 'auto', 'hours', 'minutes',
'seconds', 'milliseconds' and 'microseconds'.
"""
        if not isinstance(sep, str) or len(sep) != 1:
            if isinstance(sep, str):
                raise TypeError("isoformat() argument 1 must be a unicode "
                                "character, not str")
            raise TypeError("isoformat() argument 1 must be a unicode "
                            "character, not %s" % type(sep).__name__)
        s = ("%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep) +
             _format_time(self._hour, self._minute, self._second,
                          self._microsecond, timespec))
        return s + _format_offset(self.utcoffset())

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute,
             self._second, self._microsecond]
        if L[-1] == 0:
            del L[-1]
            if L[-1] == 0:
                del L[-1]
        s = "%s(%s)" % (_tp_name(self), ", ".join(map(str, L)))
        if self._fold:
            s = s[:-1] + ", fold=1)"
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r)" % (self._tzinfo,)
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def strftime(self, format):
        """format -> strftime() style string."""
        return _wrap_strftime(self, format, self.timetuple(), self)

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        if self._tzinfo is None:
            return None
        return _check_utc_offset("utcoffset", self._tzinfo.utcoffset(self))

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        return _call_tzname(self._tzinfo, self)

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        if self._tzinfo is None:
            return None
        return _check_utc_offset("dst", self._tzinfo.dst(self))

    # -- comparisons
    def _flip_offset_differs(self, off):
        # PEP 495: a time whose offset depends on fold is never equal to
        # a time in another zone.
        flipped = self.replace(fold=1 - self._fold).utcoffset()
        return flipped is not off and flipped != off

    def _cmp(self, other, eq):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is not ottz:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
        same = myoff is otoff or (myoff is not None and otoff is not None
                                  and myoff == otoff)
        if same:
            a = (self._year, self._month, self._day, self._hour,
                 self._minute, self._second, self._microsecond)
            b = (other._year, other._month, other._day, other._hour,
                 other._minute, other._second, other._microsecond)
            diff = 0 if a == b else (1 if a > b else -1)
        elif myoff is not None and otoff is not None:
            delta = self - other
            diff = 0 if not delta else (1 if delta._days >= 0 else -1)
        else:
            if eq:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware "
                            "datetimes")
        if eq and diff == 0 and mytz is not ottz:
            if (self._flip_offset_differs(myoff) or
                    other._flip_offset_differs(otoff)):
                return 1
        return diff

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, True) != 0
        if isinstance(other, date):
            return True
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, False) <= 0
        if isinstance(other, date):
            _cmperror(self, other)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, False) < 0
        if isinstance(other, date):
            _cmperror(self, other)
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, False) >= 0
        if isinstance(other, date):
            _cmperror(self, other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, False) > 0
        if isinstance(other, date):
            _cmperror(self, other)
        return NotImplemented

    # -- arithmetic
    def _add_us(self, us):
        total = (((self.toordinal() * 86400 + self._hour * 3600 +
                   self._minute * 60 + self._second) * 1000000) +
                 self._microsecond + us)
        secs, us = divmod(total, 1000000)
        days, secs = divmod(secs, 86400)
        if not 1 <= days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(days)
        hh, secs = divmod(secs, 3600)
        mm, ss = divmod(secs, 60)
        return _new_datetime(type(self), y, m, d, hh, mm, ss, us, self._tzinfo)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._add_us(other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._add_us(-other._to_us())
        if not isinstance(other, datetime):
            return NotImplemented
        myoff = otoff = None
        if self._tzinfo is not other._tzinfo:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            if (myoff is None) != (otoff is None):
                raise TypeError("can't subtract offset-naive and "
                                "offset-aware datetimes")
        days = self.toordinal() - other.toordinal()
        secs = ((self._hour - other._hour) * 3600 +
                (self._minute - other._minute) * 60 +
                (self._second - other._second))
        us = self._microsecond - other._microsecond
        result = _new_delta((days * 86400 + secs) * 1000000 + us)
        if myoff is not None and myoff != otoff:
            result -= myoff - otoff
        return result

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if off is None:
                self._hashcode = hash(t._state())
            else:
                secs = self._hour * 3600 + self._minute * 60 + self._second
                self._hashcode = hash(timedelta(self.toordinal(), secs,
                                                self._microsecond) - off)
        return self._hashcode

    # -- pickling
    def _state(self, proto=2):
        yhi, ylo = divmod(self._year, 256)
        us1, us3 = divmod(self._microsecond, 256)
        us1, us2 = divmod(us1, 256)
        m = self._month + (128 if self._fold and proto > 3 else 0)
        return bytes([yhi, ylo, m, self._day, self._hour, self._minute,
                      self._second, us1, us2, us3])

    def __reduce_ex__(self, protocol):
        state = self._state(protocol)
        if self._tzinfo is None:
            return (type(self), (state,))
        return (type(self), (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)


def _isoformat_separator(s):
    """Where the date part of an ISO datetime string ends (the separator
    is the single character after it), deciding between the date forms
    by the characters at positions 4, 5 and 8."""
    n = len(s)

    def at(i):
        return s[i] if i < n else ''

    def digit(i):
        return '0' <= at(i) <= '9'

    if n == 7:
        return 7
    if at(4) == '-':
        if at(5) != 'W':
            return 10                   # YYYY-MM-DD
        if n < 8:
            return -1
        if n > 8 and at(8) == '-':      # YYYY-Www-D or YYYY-Www-HH...
            if n == 9:
                return -1
            if n > 10 and digit(10):
                return 8
            return 10
        return 8                        # YYYY-Www
    if at(4) == 'W':                    # YYYYWww or YYYYWwwD
        idx = 7
        while idx < n and digit(idx):
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8                            # YYYYMMDD


_date_class = date
_time_class = time
_tzinfo_class = tzinfo


# ---- timezone ----------------------------------------------------------------------

class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ('_offset', '_name')

    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, "
                            "not %s" % _arg_type(offset))
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % _arg_type(name))
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        if ((offset._days == -1 and offset._seconds == 0 and
             offset._microseconds < 1) or offset._days < -1 or offset._days >= 1):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), "
                             "not %r." % (offset,))
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return "%s(%r)" % (_tp_name(self), self._offset)
        return "%s(%r, %r)" % (_tp_name(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    @staticmethod
    def _check_arg(meth, dt):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError("%s(dt) argument must be a datetime instance or "
                            "None, not %s" % (meth, type(dt).__name__))

    def utcoffset(self, dt):
        """If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."""
        self._check_arg("utcoffset", dt)
        return self._offset

    def tzname(self, dt):
        """If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."""
        self._check_arg("tzname", dt)
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset)

    def dst(self, dt):
        """Return None."""
        self._check_arg("dst", dt)
        return None

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset



timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(timedelta(hours=-23, minutes=-59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_MODULE_CLASSES.update((date, datetime, time, timedelta, timezone, tzinfo,
                        _IsoCalendarDate))
