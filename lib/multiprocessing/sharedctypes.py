"""multiprocessing.sharedctypes -- Value and Array in shared memory.

Types are given by array-module type codes ('i', 'd', 'c', 'b', 'B', 'h',
'H', 'I', 'l', 'L', 'q', 'Q', 'f', '?'); refpy has no ctypes.  The memory
is an anonymous MAP_SHARED mapping (_multiprocessing.Shm), so it is shared
with every process forked after its creation.
"""
import _multiprocessing as _mp
from . import synchronize

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

_sizes = {'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_names = {'c': 'c_char', 'b': 'c_byte', 'B': 'c_ubyte', '?': 'c_bool', 'h': 'c_short',
          'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong',
          'q': 'c_longlong', 'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double'}


def _code(typecode):
    if typecode not in _sizes:
        raise TypeError("unsupported type code %r (refpy supports %s)"
                        % (typecode, ''.join(_sizes)))
    return typecode


class _RawValue:
    def __init__(self, code, *args):
        self._code = code
        self._shm = _mp.Shm(_sizes[code])
        if args:
            self.value = args[0]

    @property
    def value(self):
        return self._shm.get(self._code, 0)

    @value.setter
    def value(self, v):
        self._shm.set(self._code, 0, v)

    def __repr__(self):
        return '%s(%r)' % (_names[self._code], self.value)


class _RawArray:
    def __init__(self, code, size_or_init):
        self._code = code
        if isinstance(size_or_init, int):
            n, init = size_or_init, None
        else:
            init = list(size_or_init)
            n = len(init)
        self._len = n
        self._shm = _mp.Shm(_sizes[code] * n)
        if init is not None:
            for i, v in enumerate(init):
                self._shm.set(code, i, bytes([v]) if code == 'c' and isinstance(v, int) else v)

    def __len__(self):
        return self._len

    def _index(self, i):
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            r = [self._shm.get(self._code, j) for j in range(*i.indices(self._len))]
            return b''.join(r) if self._code == 'c' else r
        return self._shm.get(self._code, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = range(*i.indices(self._len))
            vals = list(v) if self._code != 'c' else [bytes([b]) for b in v]
            if len(vals) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for j, x in zip(idx, vals):
                self._shm.set(self._code, j, x)
        else:
            self._shm.set(self._code, self._index(i), v)

    def __iter__(self):
        for i in range(self._len):
            yield self._shm.get(self._code, i)

    # char arrays: .value (up to the first NUL) and .raw
    @property
    def value(self):
        raw = self._shm.getbytes(0, self._len)
        n = raw.find(b'\x00')
        return raw if n < 0 else raw[:n]

    @value.setter
    def value(self, b):
        if len(b) > self._len:
            raise ValueError("byte string too long")
        self._shm.setbytes(0, b + (b'\x00' if len(b) < self._len else b''))

    @property
    def raw(self):
        return self._shm.getbytes(0, self._len)

    @raw.setter
    def raw(self, b):
        self._shm.setbytes(0, b)

    def __repr__(self):
        return '<%s_Array_%d object>' % (_names[self._code], self._len)


def RawValue(typecode_or_type, *args):
    return _RawValue(_code(typecode_or_type), *args)


def RawArray(typecode_or_type, size_or_initializer):
    return _RawArray(_code(typecode_or_type), size_or_initializer)


def _lock_for(lock):
    if lock is True or lock is None:
        return synchronize.RLock()
    if lock is False:
        return None
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _lock_for(lock))


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return SynchronizedArray(obj, _lock_for(lock))


def copy(obj):
    if isinstance(obj, _RawArray):
        return RawArray(obj._code, list(obj))
    return RawValue(obj._code, obj.value)


def synchronized(obj, lock=None, ctx=None):
    if isinstance(obj, _RawArray):
        return SynchronizedArray(obj, _lock_for(lock))
    return Synchronized(obj, _lock_for(lock))


class SynchronizedBase:
    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock or synchronize.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, v):
        with self._lock:
            self._obj[i] = v

    def __iter__(self):
        with self._lock:
            return iter(list(self._obj))


class SynchronizedString(SynchronizedArray):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, v):
        with self._lock:
            self._obj.raw = v


_SynchronizedArray = SynchronizedArray


def _array_class(obj):
    return SynchronizedString if obj._code == 'c' else SynchronizedArray


_Array = Array


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):  # noqa: F811
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return _array_class(obj)(obj, _lock_for(lock))
