"""contextvars -- context variables (refpy).

Each thread has a current Context (a mapping ContextVar -> value);
Context.run() makes another context current for the duration of a call."""
import _thread

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_MISSING = object()
_current = {}   # thread ident -> Context


def _get_context():
    ident = _thread.get_ident()
    ctx = _current.get(ident)
    if ctx is None:
        ctx = _current[ident] = Context()
    return ctx


def copy_context():
    """A copy of the current context."""
    new = Context()
    new._data = dict(_get_context()._data)
    return new


class Context:
    """An immutable-looking mapping of context variables to values."""

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, *args, **kwargs):
        if self._entered:
            raise RuntimeError(
                f'cannot enter context: {self} is already entered')
        ident = _thread.get_ident()
        self._prev = _current.get(ident)
        self._entered = True
        _current[ident] = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current[ident] = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


class ContextVar:
    """A variable whose value depends on the current Context."""

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        """The value in the current context, else DEFAULT (the argument,
        then the variable's own); LookupError without one."""
        ctx = _get_context()
        try:
            return ctx._data[self]
        except KeyError:
            pass
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _get_context()
        old = ctx._data.get(self, Token.MISSING)
        ctx._data[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError("expected an instance of Token, got %r" % (token,))
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _get_context()
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        if token._old_value is Token.MISSING:
            ctx._data.pop(self, None)
        else:
            ctx._data[self] = token._old_value
        token._used = True

    def __repr__(self):
        r = '<ContextVar name={!r}'.format(self._name)
        if self._default is not _MISSING:
            r += ' default={!r}'.format(self._default)
        return r + ' at 0x{:x}>'.format(id(self))

    def __hash__(self):
        return object.__hash__(self)

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class _TokenMissing:
    def __repr__(self):
        return '<Token.MISSING>'


class Token:
    """What ContextVar.set() returns, to reset() the variable."""
    MISSING = _TokenMissing()

    def __init__(self, ctx, var, old_value):
        self._ctx = ctx
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return '<Token{} var={!r} at 0x{:x}>'.format(used, self._var, id(self))
