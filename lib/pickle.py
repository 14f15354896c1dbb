"""pickle -- refpy's serialization of Python values (its own format).

This is not CPython's pickle format: ``dumps`` output is only meant to be
read back by refpy's ``loads`` (multiprocessing uses it to move values
between processes).  ``loads(dumps(x)) == x`` for every supported value.

Format (version 1)
------------------
A pickle is the 4 bytes ``b'RPK1'`` followed by one *value*.  A value is
one tag byte followed by its payload.  ``<n>`` is a decimal ASCII integer
terminated by ``\\n``.

====  ==========================================================
tag   payload
====  ==========================================================
N     None
T/F   True / False
I     int: ``<decimal digits, optional '-'>\\n`` (any size)
D     float: ``repr(x)\\n`` (shortest repr: exact round trip; inf, nan)
X     complex: two D payloads (real, imag) without their tags
S     str: ``<n>`` then n bytes of UTF-8 (surrogatepass)
B     bytes: ``<n>`` then n raw bytes
A     bytearray: like B
(     tuple: ``<n>`` then n values
[     list: ``<n>`` then n values
{     dict: ``<n>`` then n key, value pairs (insertion order)
s     set: ``<n>`` then n values
f     frozenset: ``<n>`` then n values
E     Ellipsis
G     global by reference: ``<module>\\n<qualname>\\n``; the receiver
      imports the module and follows the dotted qualname (module-level
      classes and functions, builtins, types)
O     instance: class value, then state value.  Rebuilt as
      ``cls.__new__(cls)``, then ``__setstate__(state)`` if the class has
      one, else the state (a dict) updates ``__dict__``.
U     subclass of list/dict/set/tuple: class value, builtin-content value,
      state value (the tuple content is passed to ``tuple.__new__``).
R     reduce: callable value, args value (a tuple), state value
      (None: none), list-items value (list or None: appended with
      extend), dict-items value (list of pairs or None: set with
      ``obj[k] = v``) -- from ``__reduce_ex__``/``__reduce__``, exceptions
      (``type(e)(*e.args)`` plus ``__dict__``) and bound methods.
M     memo reference: ``<n>``: the n-th memoized object again
====  ==========================================================

Every list, dict, set, instance and reduced object is memoized in the
order its tag is written (index 0 first); a list, dict or instance is
memoized *before* its contents, so self-referencing structures and
shared references survive a round trip.  Tuples, frozensets and sets are
memoized after their contents (a tuple cannot contain itself except
through a mutable object, which is memoized first).
"""

import sys

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL",
           "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
_MAGIC = b'RPK1'


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


def _num(n):
    return str(n).encode() + b'\n'


def whichmodule(obj, name):
    """The name of the module where obj can be found as `name`."""
    module = getattr(obj, '__module__', None)
    if module is not None:
        return module
    for modname, mod in list(sys.modules.items()):
        if mod is None or modname == '__main__':
            continue
        try:
            if _getattribute(mod, name) is obj:
                return modname
        except AttributeError:
            pass
    return '__main__'


def _getattribute(obj, qualname):
    for part in qualname.split('.'):
        if part == '<locals>':
            raise AttributeError("Can't get local attribute %r on %r" % (qualname, obj))
        obj = getattr(obj, part)
    return obj


_FunctionType = type(whichmodule)
_BuiltinType = type(len)
class _Sample:
    def method(self):
        pass


_MethodType = type(_Sample().method)
del _Sample


class Pickler:
    def __init__(self, file=None, protocol=None, *, fix_imports=True, buffer_callback=None):
        self._file = file
        self._out = []
        self._memo = {}
        self._keep = []      # memoized objects stay alive: their ids stay unique

    def dump(self, obj):
        self._out = [_MAGIC]
        self._save(obj)
        data = b''.join(self._out)
        self._out = []
        if self._file is not None:
            self._file.write(data)
        return data

    def clear_memo(self):
        self._memo.clear()
        self._keep = []

    def _memoize(self, obj):
        self._memo[id(obj)] = len(self._memo)
        self._keep.append(obj)

    def _save(self, obj):
        w = self._out.append
        t = type(obj)
        if obj is None:
            w(b'N')
        elif t is bool:
            w(b'T' if obj else b'F')
        elif t is int:
            w(b'I' + _num(obj))
        elif t is float:
            w(b'D' + repr(obj).encode() + b'\n')
        elif t is str:
            data = obj.encode('utf-8', 'surrogatepass')
            w(b'S' + _num(len(data)))
            w(data)
        elif t is bytes:
            w(b'B' + _num(len(obj)))
            w(obj)
        else:
            i = self._memo.get(id(obj))
            if i is not None:
                w(b'M' + _num(i))
                return
            self._save_other(obj, t, w)

    def _save_items(self, tag, items, w):
        w(tag + _num(len(items)))
        save = self._save
        for x in items:
            save(x)

    def _save_other(self, obj, t, w):
        if t is tuple:
            self._save_items(b'(', obj, w)
            if id(obj) in self._memo:     # reached itself through a mutable
                w(b'M' + _num(self._memo[id(obj)]))
        elif t is list:
            self._memoize(obj)
            self._save_items(b'[', obj, w)
        elif t is dict:
            self._memoize(obj)
            w(b'{' + _num(len(obj)))
            save = self._save
            for k, v in list(obj.items()):
                save(k)
                save(v)
        elif t is set:
            self._save_items(b's', list(obj), w)
            self._memoize(obj)
        elif t is frozenset:
            self._save_items(b'f', list(obj), w)
            self._memoize(obj)
        elif t is complex:
            w(b'X' + repr(obj.real).encode() + b'\n' + repr(obj.imag).encode() + b'\n')
        elif t is bytearray:
            data = bytes(obj)
            w(b'A' + _num(len(data)))
            w(data)
        elif obj is Ellipsis:
            w(b'E')
        elif isinstance(obj, type) or t is _FunctionType or t is _BuiltinType:
            self._save_global(obj, w)
        elif t is _MethodType:
            self._save_reduce(obj, (getattr, (obj.__self__, obj.__name__), None), w)
        else:
            self._save_object(obj, t, w)

    def _save_global(self, obj, w):
        name = getattr(obj, '__qualname__', None) or getattr(obj, '__name__', None)
        if name is None:
            raise PicklingError("Can't pickle %r: it has no name" % (obj,))
        module = whichmodule(obj, name)
        if getattr(obj, '__self__', None) is not None and type(obj) is _BuiltinType:
            owner = obj.__self__
            if type(owner).__name__ == 'module':
                module = owner.__name__
                name = obj.__name__
        try:
            __import__(module)
            found = _getattribute(sys.modules[module], name)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError("Can't pickle %r: it's not found as %s.%s"
                                % (obj, module, name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module, name))
        w(b'G' + module.encode() + b'\n' + name.encode() + b'\n')

    def _save_reduce(self, obj, rv, w):
        if not isinstance(rv, tuple) or len(rv) < 2:
            raise PicklingError("%s must return string or tuple" % '__reduce__')
        func, args = rv[0], rv[1]
        state = rv[2] if len(rv) > 2 else None
        listitems = rv[3] if len(rv) > 3 else None
        dictitems = rv[4] if len(rv) > 4 else None
        w(b'R')
        self._save(func)
        self._save(tuple(args))
        self._memoize(obj)
        self._save(state)
        self._save(None if listitems is None else list(listitems))
        self._save(None if dictitems is None else [tuple(kv) for kv in dictitems])

    def _save_object(self, obj, t, w):
        reduce = getattr(t, '__reduce_ex__', None)
        if reduce is not None and reduce is not object.__reduce_ex__:
            self._save_reduce(obj, obj.__reduce_ex__(4), w)
            return
        reduce = getattr(t, '__reduce__', None)
        if reduce is not None and reduce is not object.__reduce__ and \
                not isinstance(obj, BaseException):
            self._save_reduce(obj, obj.__reduce__(), w)
            return
        if isinstance(obj, BaseException):
            state = getattr(obj, '__dict__', None) or None
            self._save_reduce(obj, (t, tuple(obj.args), state), w)
            return
        if t.__module__ == 'builtins' or not hasattr(obj, '__dict__') and \
                not hasattr(t, '__getstate__'):
            raise TypeError("cannot pickle '%s' object" % t.__name__)
        getstate = getattr(obj, '__getstate__', None)
        if getstate is not None and getattr(t, '__getstate__', None) is not \
                getattr(object, '__getstate__', None):
            state = getstate()
        else:
            state = obj.__dict__ if hasattr(obj, '__dict__') else None
            if not state:
                state = None
        for base in (list, dict, set, tuple, frozenset):
            if isinstance(obj, base):
                w(b'U')
                self._save_global(t, w)
                content = base(obj)
                self._save_other(content, base, w)
                if base is list or base is dict:
                    # the rebuilt object takes its content's memo slot
                    self._memo[id(obj)] = self._memo[id(content)]
                    self._keep.append(obj)
                else:
                    self._memoize(obj)
                self._save(state)
                return
        w(b'O')
        self._save_global(t, w)
        self._memoize(obj)
        self._save(state)


class Unpickler:
    def __init__(self, file=None, *, fix_imports=True, encoding="ASCII",
                 errors="strict", buffers=None):
        self._file = file

    def load(self):
        return self._loads(self._file.read())

    def find_class(self, module, name):
        __import__(module)
        return _getattribute(sys.modules[module], name)

    def _loads(self, data):
        if isinstance(data, bytearray):
            data = bytes(data)
        if not isinstance(data, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        if data[:4] != _MAGIC:
            raise UnpicklingError("invalid load key, %r." % data[:1])
        self._data = data
        self._pos = 4
        self._memo = []
        try:
            value = self._load()
        except (IndexError, ValueError) as e:
            raise UnpicklingError("pickle data was truncated or corrupt: %s" % e) from None
        if self._pos != len(data):
            raise UnpicklingError("trailing data after the pickled value")
        return value

    def _line(self):
        data = self._data
        end = data.index(b'\n', self._pos)
        s = data[self._pos:end]
        self._pos = end + 1
        return s

    def _int(self):
        return int(self._line())

    def _raw(self, n):
        p = self._pos
        if p + n > len(self._data):
            raise UnpicklingError("pickle data was truncated")
        self._pos = p + n
        return self._data[p:p + n]

    def _load(self):
        p = self._pos
        tag = self._data[p:p + 1]
        self._pos = p + 1
        if tag == b'I':
            return int(self._line())
        if tag == b'S':
            return self._raw(self._int()).decode('utf-8', 'surrogatepass')
        if tag == b'N':
            return None
        if tag == b'(':
            n = self._int()
            return tuple([self._load() for _ in range(n)])
        if tag == b'[':
            n = self._int()
            lst = []
            self._memo.append(lst)
            for _ in range(n):
                lst.append(self._load())
            return lst
        if tag == b'{':
            n = self._int()
            d = {}
            self._memo.append(d)
            for _ in range(n):
                k = self._load()
                d[k] = self._load()
            return d
        if tag == b'T':
            return True
        if tag == b'F':
            return False
        if tag == b'D':
            return float(self._line().decode())
        if tag == b'B':
            return self._raw(self._int())
        if tag == b'M':
            return self._memo[self._int()]
        return self._load_other(tag)

    def _load_other(self, tag):
        if tag == b's' or tag == b'f':
            n = self._int()
            items = [self._load() for _ in range(n)]
            obj = set(items) if tag == b's' else frozenset(items)
            self._memo.append(obj)
            return obj
        if tag == b'X':
            re = float(self._line().decode())
            return complex(re, float(self._line().decode()))
        if tag == b'A':
            return bytearray(self._raw(self._int()))
        if tag == b'E':
            return Ellipsis
        if tag == b'G':
            module = self._line().decode()
            name = self._line().decode()
            try:
                return self.find_class(module, name)
            except AttributeError:
                raise AttributeError("Can't get attribute %r on %r"
                                     % (name, sys.modules.get(module))) from None
        if tag == b'R':
            func = self._load()
            args = self._load()
            obj = func(*args)
            self._memo.append(obj)
            state = self._load()
            if state is not None:
                _setstate(obj, state)
            listitems = self._load()
            if listitems is not None:
                obj.extend(listitems)
            dictitems = self._load()
            if dictitems is not None:
                for k, v in dictitems:
                    obj[k] = v
            return obj
        if tag == b'O':
            cls = self._load()
            obj = cls.__new__(cls)
            self._memo.append(obj)
            state = self._load()
            if state is not None:
                _setstate(obj, state)
            return obj
        if tag == b'U':
            return self._load_subclass()
        raise UnpicklingError("invalid load key, %r." % tag)

    def _load_subclass(self):
        cls = self._load()
        kind = self._data[self._pos:self._pos + 1]
        if kind == b'[' or kind == b'{':
            mark = len(self._memo)
            content = self._load()
            obj = cls.__new__(cls)
            self._memo[mark] = obj
            if kind == b'[':
                obj.extend(content)
            else:
                obj.update(content)
        else:
            content = self._load()
            if kind == b'(':
                obj = tuple.__new__(cls, content)
            elif kind == b'f':
                obj = frozenset.__new__(cls, content)
            else:
                obj = cls.__new__(cls)
                obj.update(content)
            self._memo.append(obj)
        state = self._load()
        if state is not None:
            _setstate(obj, state)
        return obj


def _setstate(obj, state):
    setstate = getattr(obj, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
        if slots:
            for k, v in slots.items():
                setattr(obj, k, v)
    if state:
        d = obj.__dict__
        for k, v in state.items():
            d[k] = v


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return Pickler(None, protocol).dump(obj)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol).dump(obj)


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler()._loads(data)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler(file).load()
