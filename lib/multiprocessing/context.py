"""multiprocessing.context -- errors and the (fork-only) start method."""


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


_start_method = None


def get_start_method(allow_none=False):
    if _start_method is None and not allow_none:
        return 'fork'
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method not in ('fork', None):
        raise ValueError('cannot find context for %r' % (method,))
    _start_method = method


def get_all_start_methods():
    return ['fork']


class _ForkContext:
    """What get_context() returns: the package's API under a context."""
    _name = 'fork'

    def __getattr__(self, name):
        import multiprocessing
        return getattr(multiprocessing, name)

    def get_start_method(self, allow_none=False):
        return self._name

    def get_context(self, method=None):
        return get_context(method)


_fork_context = _ForkContext()


def get_context(method=None):
    if method not in (None, 'fork'):
        raise ValueError('cannot find context for %r' % (method,))
    return _fork_context
