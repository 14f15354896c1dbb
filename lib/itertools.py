"""itertools -- iterator building blocks (refpy, pure Python).

Most tools are generators; those that CPython evaluates eagerly (product,
permutations, combinations: they read their input at construction) are
functions that do so before returning the generator.
"""
import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations',
           'combinations_with_replacement', 'compress', 'count', 'cycle',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee',
           'zip_longest']


class count:
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""
    __slots__ = ('_n', '_step')

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not hasattr(type(v), '__add__') or isinstance(v, (str, bytes)):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and not isinstance(step, bool) and step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, step)

    def __reduce__(self):
        return type(self), (self._n, self._step)


class repeat:
    """repeat(object [,times]) -> object for the specified number of times."""
    __slots__ = ('_obj', '_times')

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(times).__name__)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        t = self._times
        if t is None:
            return self._obj
        if t <= 0:
            raise StopIteration
        self._times = t - 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._times)

    def __reduce__(self):
        if self._times is None:
            return type(self), (self._obj,)
        return type(self), (self._obj, self._times)


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        yield from saved


def cycle(iterable):
    return _cycle(iter(iterable))


def _chain(iterables):
    for it in iterables:
        yield from it


def chain(*iterables):
    """chain(*iterables) --> the items of each iterable in turn."""
    return _chain(iterables)


def _from_iterable(iterable):
    return _chain(iter(iterable))


chain.from_iterable = _from_iterable


def _islice(it, start, stop, step):
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


def _islice_index(v, what):
    if v is None:
        return None
    try:
        v = v.__index__()
    except AttributeError:
        v = -1
    if v < 0 or v > _sys.maxsize:
        if what == 'stop':
            raise ValueError('Stop argument for islice() must be None or an '
                             'integer: 0 <= x <= sys.maxsize.')
        raise ValueError('Indices for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
    return v


def islice(iterable, *args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])."""
    nargs = len(args)
    if nargs == 1:
        start, stop, step = None, args[0], None
        stop = _islice_index(stop, 'stop')
    elif 2 <= nargs <= 3:
        start, stop = args[0], args[1]
        step = args[2] if nargs == 3 else None
        start = _islice_index(start, 'start')
        stop = _islice_index(stop, 'stop')
    else:
        raise TypeError('islice expected at most 4 arguments, got %d' % (nargs + 1)
                        if nargs > 3 else 'islice expected at least 2 arguments, got 1')
    if step is not None:
        try:
            step = step.__index__()
        except AttributeError:
            step = -1
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start or 0, stop, step or 1)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


def filterfalse(function, iterable):
    return _filterfalse(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _zip_longest(iterators, fillvalue):
    num_active = len(iterators)
    if not num_active:
        return
    iterators = list(iterators)
    while True:
        values = []
        for i, it in enumerate(iterators):
            if it is None:
                values.append(fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(it) for it in iterables], fillvalue)


class groupby:
    """groupby(iterable, key=None) -> (key, group-iterator) pairs."""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _marker
        self._id = None

    def __iter__(self):
        return self

    def __next__(self):
        self._id = gid = object()
        if self._currkey is not _marker:
            tgt = self._tgtkey
            while self._currkey is not _marker and (self._currkey is tgt or tgt == self._currkey):
                self._advance()
        if self._currkey is _marker:
            self._advance()
        self._tgtkey = self._currkey
        return self._currkey, self._grouper(self._tgtkey, gid)

    def _advance(self):
        try:
            self._currvalue = value = next(self._it)
        except StopIteration:
            self._currkey = _marker
            raise
        keyfunc = self._keyfunc
        self._currkey = value if keyfunc is None else keyfunc(value)

    def _grouper(self, tgtkey, gid):
        while self._id is gid and self._currkey is not _marker:
            currkey = self._currkey
            if not (currkey is tgtkey or tgtkey == currkey):
                return
            yield self._currvalue
            try:
                self._advance()
            except StopIteration:
                return


_marker = object()


def _product(pools):
    n = len(pools)
    for pool in pools:
        if not pool:
            return
    indices = [0] * n
    lens = [len(p) for p in pools]
    yield tuple([p[0] for p in pools])
    while True:
        i = n - 1
        while i >= 0:
            if indices[i] < lens[i] - 1:
                indices[i] += 1
                for j in range(i + 1, n):
                    indices[j] = 0
                break
            i -= 1
        else:
            return
        yield tuple([pools[k][indices[k]] for k in range(n)])


def product(*iterables, repeat=1):
    """Cartesian product of input iterables."""
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[i] for i in indices[:r]])
                break
        else:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    elif r < 0:
        raise ValueError('r must be non-negative')
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations(iterable, r):
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations(tuple(iterable), r)


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        v = indices[i] + 1
        indices[i:] = [v] * (r - i)
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    if r < 0:
        raise ValueError('r must be non-negative')
    return _cwr(tuple(iterable), r)


class _tee:
    """One of tee()'s iterators: walks a shared linked list of [value, next]."""
    __slots__ = ('_it', '_link', '__weakref__')

    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link[1] is None:
            link[0] = next(self._it)
            link[1] = [None, None]
        self._link = link[1]
        return link[0]

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it
    else:
        first = _tee(it, [None, None])
    return tuple([first] + [first.__copy__() for _ in range(n - 1)])
