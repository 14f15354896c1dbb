"""importlib: the parts of CPython's importlib that scripts call directly.

refpy's import system lives in C (src/vm/import.c); this module only offers
the programmatic entry points on top of __import__ and sys.modules."""

import sys


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Import a module by name; relative names ('.mod') need package."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            "relative import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """There are no finder caches to invalidate in refpy."""
