"""copy -- shallow and deep copy operations (refpy)."""
import types as _types
import weakref as _weakref

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_atomic = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
           complex, bytes, str, type, range, slice, property,
           _types.BuiltinFunctionType, _types.FunctionType, _types.CodeType,
           _weakref.ref}
_immutable_shallow = _atomic | {tuple, frozenset}
_builtin_bases = (list, dict, set, frozenset, tuple, int, float, str, bytes,
                  bytearray, complex)


def _uses_reduce(cls):
    """True if a Python class in cls's MRO defines __reduce_ex__/__reduce__."""
    for c in cls.__mro__:
        if c is object or c.__module__ == 'builtins':
            continue
        d = c.__dict__
        if '__reduce_ex__' in d or '__reduce__' in d:
            return True
    return False


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (c.__name__.lstrip('_'), name)
            names.append(name)
    return names


def _get_state(x, cls):
    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return x.__getstate__()
    d = getattr(x, '__dict__', None)
    state = dict(d) if d else None
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return state, slots
    return state


def _new_args(x, cls):
    if hasattr(x, '__getnewargs_ex__'):
        return x.__getnewargs_ex__()
    if hasattr(x, '__getnewargs__'):
        return x.__getnewargs__(), {}
    for base in cls.__mro__:
        if base in (set, frozenset, tuple):
            return (base(x),), {}
        if base in (int, float, str, bytes, complex):
            return (base(x),), {}
    return (), {}


def _generic(x, cls, deep, memo):
    """Copy an instance as pickle protocol 2 would, without pickling."""
    args, kwargs = _new_args(x, cls)
    if deep:
        args = deepcopy(args, memo)
        kwargs = deepcopy(kwargs, memo)
    y = cls.__new__(cls, *args, **kwargs)
    if deep:
        memo[id(x)] = y
    state = _get_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _finish(y, state, listitems, dictitems, deep, memo)


def _finish(y, state, listitems, dictitems, deep, memo):
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listitems is not None:
        if deep:
            for item in listitems:
                y.append(deepcopy(item, memo))
        else:
            for item in listitems:
                y.append(item)
    if dictitems is not None:
        if deep:
            for key, value in dictitems:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictitems:
                y[key] = value
    return y


def _reconstruct(x, memo, func, args, state=None, listiter=None,
                 dictiter=None, *, deep):
    if deep:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    return _finish(y, state, listiter, dictiter, deep, memo)


def _reduce_copy(x, cls, deep, memo):
    rv = x.__reduce_ex__(4)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, memo, *rv, deep=deep)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _immutable_shallow:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    if _uses_reduce(cls):
        return _reduce_copy(x, cls, False, None)
    return _generic(x, cls, False, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, items):
            if k is not j:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(a, memo) for a in x])
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        elif issubclass(cls, type):
            y = x
        elif _uses_reduce(cls):
            y = _reduce_copy(x, cls, True, memo)
        else:
            y = _generic(x, cls, True, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
