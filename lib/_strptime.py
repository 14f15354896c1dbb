"""Parse time strings by format (the engine behind time.strptime and
datetime.strptime).

A format is turned into one regular expression with a named group per
directive; the groups found are then combined into a date, filling in the
defaults CPython uses (1900-01-01 00:00:00) and deriving the weekday and
day of the year.  Names are the C locale's (English), which is the only
locale refpy has.
"""

import re as _re
import time as _time

__all__ = []

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday",
         "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july",
           "august", "september", "october", "november", "december"]


def _alternatives(words):
    # Longest first, so that a prefix ("may") never shadows a longer word.
    words = sorted(words, key=len, reverse=True)
    return "|".join(_re.escape(w) for w in words)


# The regular expression of every directive.  Numbers accept the forms C's
# strftime produces (zero-padded or not); names match case-insensitively.
_DIRECTIVES = {
    'd': r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    'f': r"(?P<f>[0-9]{1,6})",
    'H': r"(?P<H>2[0-3]|[0-1]\d|\d)",
    'I': r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    'G': r"(?P<G>\d\d\d\d)",
    'j': r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    'm': r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    'M': r"(?P<M>[0-5]\d|\d)",
    'S': r"(?P<S>6[0-1]|[0-5]\d|\d)",
    'U': r"(?P<U>5[0-3]|[0-4]\d|\d)",
    'w': r"(?P<w>[0-6])",
    'u': r"(?P<u>[1-7])",
    'V': r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
    'y': r"(?P<y>\d\d)",
    'Y': r"(?P<Y>\d\d\d\d)",
    'z': r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    'A': "(?P<A>" + _alternatives(_DAYS) + ")",
    'a': "(?P<a>" + _alternatives(d[:3] for d in _DAYS) + ")",
    'B': "(?P<B>" + _alternatives(_MONTHS) + ")",
    'b': "(?P<b>" + _alternatives(m[:3] for m in _MONTHS) + ")",
    'p': "(?P<p>am|pm)",
    '%': "%",
}
# The C locale's composite formats.
_COMPOSITE = {'c': "%a %b %d %H:%M:%S %Y", 'x': "%m/%d/%y", 'X': "%H:%M:%S"}
_DIRECTIVES['W'] = _DIRECTIVES['U'].replace("?P<U>", "?P<W>")


def _zone_names():
    # UTC/GMT are never daylight time; the local names say which they are.
    std, dst = (n.lower() for n in _time.tzname)
    names = [("utc", 0), ("gmt", 0), (std, 0)]
    if _time.daylight and dst != std:
        names.append((dst, 1))
    return names


def _zone_pattern():
    words = {n for n, _ in _zone_names() if n}
    return "(?P<Z>" + _alternatives(words) + ")"


def _expand(format, whole):
    out = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch != '%':
            if ch.isspace():
                j = i
                while j < n and format[j].isspace():
                    j += 1
                out.append(r"\s+")
                i = j
                continue
            out.append(_re.escape(ch))
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("stray %% in format '%s'" % whole)
        d = format[i + 1]
        if d in _COMPOSITE:
            out.append(_expand(_COMPOSITE[d], whole))
        elif d == 'Z':
            out.append(_zone_pattern())
        elif d in _DIRECTIVES:
            out.append(_DIRECTIVES[d])
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (d, whole))
        i += 2
    return "".join(out)


_cache = {}


def _compile(format):
    key = (format, _time.tzname, _time.daylight)
    rx = _cache.get(key)
    if rx is None:
        rx = _re.compile(_expand(format, format), _re.IGNORECASE)
        if len(_cache) > 100:
            _cache.clear()
        _cache[key] = rx
    return rx


def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


_DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def _ordinal(y, m, d):
    # Day count from 0001-01-01 (day 1), proleptic Gregorian.
    leap = 1 if m > 2 and _is_leap(y) else 0
    return _days_before_year(y) + _DAYS_BEFORE_MONTH[m] + leap + d


def _from_ordinal(n):
    # The inverse of _ordinal, by year estimate and correction.
    y = (n - 1) * 400 // 146097 + 1
    while _days_before_year(y) >= n:
        y -= 1
    while _days_before_year(y + 1) < n:
        y += 1
    doy = n - _days_before_year(y)
    m = 1
    while m < 12 and _DAYS_BEFORE_MONTH[m + 1] + (1 if m + 1 > 2 and _is_leap(y) else 0) < doy:
        m += 1
    d = doy - _DAYS_BEFORE_MONTH[m] - (1 if m > 2 and _is_leap(y) else 0)
    return y, m, d


def _check_date(y, m, d):
    mdays = [0, 31, 29 if _is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if not 1 <= d <= mdays[m]:
        raise ValueError("day is out of range for month")


def _first_weekday_julian(year, week, weekday, week_starts_mon):
    # Day of the year of `weekday` (Monday 0) in week `week` of %U/%W.
    first_wd = (_ordinal(year, 1, 1) + 6) % 7          # Monday is 0
    if not week_starts_mon:
        first_wd = (first_wd + 1) % 7
        weekday = (weekday + 1) % 7
    week_0_len = (7 - first_wd) % 7
    if week == 0:
        return 1 + weekday - first_wd
    return 1 + week_0_len + (week - 1) * 7 + weekday


def _iso_to_ordinal(iso_year, iso_week, iso_weekday):
    jan4 = _ordinal(iso_year, 1, 4)
    week1_monday = jan4 - (jan4 + 6) % 7
    return week1_monday + (iso_week - 1) * 7 + iso_weekday - 1


def _parse_offset(found):
    z = found
    if z == 'Z':
        return 0, 0
    if z[3] == ':':
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ':':
                raise ValueError("Inconsistent use of : in " + found)
            z = z[:5] + z[6:]
    hours = int(z[1:3])
    minutes = int(z[3:5])
    seconds = int(z[5:7] or 0)
    offset = (hours * 60 + minutes) * 60 + seconds
    frac = z[8:]
    fraction = int(frac + "0" * (6 - len(frac))) if frac else 0
    if z[0] == '-':
        return -offset, -fraction
    return offset, fraction


def _check_args(data_string, format):
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            msg = "strptime() argument {} must be str, not {}"
            raise TypeError(msg.format(index, type(arg)))


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return (11 struct_time fields, microseconds, gmtoff microseconds)
    parsed from data_string."""
    _check_args(data_string, format)
    found = _compile(format).match(data_string)
    if found is None:
        raise ValueError("time data %r does not match format %r"
                         % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s"
                         % data_string[found.end():])
    return _combine(found.groupdict(), format)


def _combine(g, format):
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    tzname = None
    iso_week = week_of_year = None
    week_starts_mon = True
    weekday = julian = None
    for key, val in g.items():
        if val is None:
            continue
        if key == 'y':
            year = int(val)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(val)
        elif key == 'G':
            iso_year = int(val)
        elif key == 'm':
            month = int(val)
        elif key == 'B':
            month = _MONTHS.index(val.lower()) + 1
        elif key == 'b':
            month = [m[:3] for m in _MONTHS].index(val.lower()) + 1
        elif key == 'd':
            day = int(val)
        elif key == 'H':
            hour = int(val)
        elif key == 'I':
            hour = int(val)
            # no AM/PM indicator counts as AM: 12 is midnight
            hour %= 12
            if (g.get('p') or '').lower() == 'pm':
                hour += 12
        elif key == 'M':
            minute = int(val)
        elif key == 'S':
            second = int(val)
        elif key == 'f':
            fraction = int(val + "0" * (6 - len(val)))
        elif key == 'A':
            weekday = _DAYS.index(val.lower())
        elif key == 'a':
            weekday = [d[:3] for d in _DAYS].index(val.lower())
        elif key == 'w':
            weekday = (int(val) + 6) % 7
        elif key == 'u':
            weekday = int(val) - 1
        elif key == 'j':
            julian = int(val)
        elif key in ('U', 'W'):
            week_of_year = int(val)
            week_starts_mon = key == 'W'
        elif key == 'V':
            iso_week = int(val)
        elif key == 'z':
            gmtoff, gmtoff_fraction = _parse_offset(val)
        elif key == 'Z':
            tzname = val
            low = val.lower()
            for name, isdst in _zone_names():
                if low == name:
                    # A name shared by both (no DST) says nothing.
                    if not (_time.tzname[0] == _time.tzname[1] and _time.daylight
                            and low not in ("utc", "gmt")):
                        tz = isdst
                    break
    _check_iso(year, iso_year, iso_week, week_of_year, weekday, julian)
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904      # a leap year, so that Feb 29 is valid; put back below
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _first_weekday_julian(year, week_of_year, weekday,
                                           week_starts_mon)
        elif iso_year is not None and iso_week is not None:
            # Relative to the ISO year even when the day falls in the next
            # calendar year: CPython then reports a day of the year past 365.
            o = _iso_to_ordinal(iso_year, iso_week, weekday + 1)
            year = iso_year
            julian = o - _ordinal(year, 1, 1) + 1
            if julian < 1:
                year -= 1
                julian = o - _ordinal(year, 1, 1) + 1
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        _check_date(year, month, day)
        julian = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
    else:
        o = julian - 1 + _ordinal(year, 1, 1)
        year, month, day = _from_ordinal(o)
    if weekday is None:
        weekday = (_ordinal(year, month, day) + 6) % 7
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz,
             tzname, gmtoff), fraction, gmtoff_fraction)


def _check_iso(year, iso_year, iso_week, week_of_year, weekday, julian):
    if year is None and iso_year is not None:
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with "
                             "the ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with "
                             "the ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with "
                         "the year directive '%Y'. Use the ISO year '%G' "
                         "instead.")


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """time.strptime: a struct_time."""
    return _time.struct_time(_strptime(data_string, format)[0])


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """datetime.strptime and friends: an instance of cls."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        import datetime as _dt
        delta = _dt.timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        tz = _dt.timezone(delta, tzname) if tzname else _dt.timezone(delta)
        args += (tz,)
    return cls(*args)
