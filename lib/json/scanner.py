"""json.scanner -- the JSON value scanner (refpy): the C one from _json
when available, else the pure Python one in json.decoder."""

from json.decoder import make_scanner, py_make_scanner, c_make_scanner

__all__ = ['make_scanner']
