"""linecache -- read lines of source files, keeping them cached (refpy)."""
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache", "getlines"]

# filename -> (size, mtime, lines, fullname), as CPython's cache entries
cache = {}


def clearcache():
    cache.clear()


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drop the entries whose file changed on disk since they were read."""
    import os
    names = list(cache) if filename is None else [filename]
    for name in names:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            st = os.stat(fullname)
        except (OSError, ValueError):
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def _read(fullname):
    with open(fullname, encoding='utf-8') as f:
        return f.readlines()


def updatecache(filename, module_globals=None):
    """Read FILENAME (searching sys.path for a relative name) into the cache."""
    import os
    cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    candidates = [filename]
    if not os.path.isabs(filename):
        candidates += [os.path.join(d, filename) for d in sys.path if isinstance(d, str)]
    for fullname in candidates:
        try:
            st = os.stat(fullname)
            lines = _read(fullname)
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if lines and not lines[-1].endswith('\n'):
            lines[-1] += '\n'
        cache[filename] = (st.st_size, st.st_mtime, lines, fullname)
        return lines
    return []


def lazycache(filename, module_globals):
    return False
