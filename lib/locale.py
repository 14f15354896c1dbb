"""locale -- localization services (refpy: the C locale only).

Everything behaves as in the "C"/"POSIX" locale; setlocale() accepts those
names (and '' which selects them) and raises locale.Error for others."""
import sys

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format_string", "currency", "normalize",
           "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY", "LC_NUMERIC",
           "LC_ALL", "LC_MESSAGES", "CHAR_MAX", "getencoding", "delocalize",
           "localize"]

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

_builtin_str = str


class Error(Exception):
    pass


_current = {}


def setlocale(category, locale=None):
    """Query (LOCALE None) or set the locale of CATEGORY."""
    if category not in range(7):
        raise Error("unsupported locale setting")
    if locale is None:
        return _current.get(category, 'C')
    if not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    if locale in ('', 'C', 'POSIX', 'C.UTF-8', 'C.utf8'):
        name = 'C' if locale in ('', 'POSIX') else locale
        cats = range(6) if category == LC_ALL else [category]
        for c in cats:
            _current[c] = name
        _current[LC_ALL] = name
        return name
    raise Error("unsupported locale setting")


def localeconv():
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
            'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
            'negative_sign': '', 'int_frac_digits': 127, 'frac_digits': 127,
            'p_cs_precedes': 127, 'p_sep_by_space': 127, 'n_cs_precedes': 127,
            'n_sep_by_space': 127, 'p_sign_posn': 127, 'n_sign_posn': 127,
            'decimal_point': '.', 'thousands_sep': '', 'grouping': []}


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s


def getencoding():
    return 'utf-8'


def getpreferredencoding(do_setlocale=True):
    return 'UTF-8'


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
        if language is None:
            language = 'C'
        if encoding is None:
            return language
        return language + '.' + encoding
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of '
                        'two strings -- language code, encoding.') from None


def normalize(localename):
    return localename


def _parse_localename(localename):
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    elif code == 'C':
        return None, None
    elif code == 'UTF-8':
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def getlocale(category=LC_CTYPE):
    localename = setlocale(category)
    if category == LC_ALL and ';' in localename:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(localename)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    import os
    for variable in envvars:
        localename = os.environ.get(variable, None)
        if localename:
            if variable == 'LANGUAGE':
                localename = localename.split(':')[0]
            break
    else:
        localename = 'C'
    try:
        return _parse_localename(localename)
    except ValueError:
        return (localename, None)


def resetlocale(category=LC_ALL):
    setlocale(category, '')


def format_string(f, val, grouping=False, monetary=False):
    return f % val


def currency(val, symbol=True, grouping=False, international=False):
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    return '%.12g' % val


def delocalize(string):
    return string


def localize(string, grouping=False, monetary=False):
    return string


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))
