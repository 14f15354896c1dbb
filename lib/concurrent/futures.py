"""concurrent.futures -- run callables asynchronously (refpy).

One module instead of CPython's package (_base, thread, process): the
frozen-module embedder takes two directory levels.  Future is a state
machine guarded by a Condition; wait() and as_completed() park a _Waiter on
every future they watch, and a future that finishes or is cancelled
reports itself to its waiters.

ThreadPoolExecutor: worker threads started on demand (up to max_workers)
take _WorkItems from a SimpleQueue; None tells a worker to stop.  They are
daemon threads that an atexit hook drains and joins, so queued work still
runs when a program exits without shutdown(), as in CPython.

ProcessPoolExecutor: a multiprocessing.Pool (fork) does the work; a
manager thread hands the pool at most max_workers + 1 calls at a time (so
calls still queued here can be cancelled) and completes the futures, so
done-callbacks never run inside the pool's own locks.
"""
import atexit
import collections
import itertools
import os
import queue
import sys
import threading
import time
import types
import weakref

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait',
           'as_completed', 'ProcessPoolExecutor', 'ThreadPoolExecutor',
           'InvalidStateError')

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional after a failure."""


class BrokenThreadPool(BrokenExecutor):
    """A worker thread's initializer failed."""


class BrokenProcessPool(BrokenExecutor):
    """A process of the pool died abruptly."""


def _log_exception(msg, *args):
    """Report an error the way CPython's 'concurrent.futures' logger does."""
    try:
        import logging
        logging.getLogger("concurrent.futures").exception(msg, *args)
    except ImportError:
        import traceback
        sys.stderr.write((msg % args) + '\n')
        traceback.print_exc()


def _set_module(modname, *objs):
    """Give classes the module names they have in CPython's package."""
    for obj in objs:
        obj.__module__ = modname


# CPython's submodules, importable by name and reachable as attributes
# (concurrent.futures.process.BrokenProcessPool); they are this module.
for _sub in ('_base', 'thread', 'process'):
    sys.modules.setdefault(__name__ + '.' + _sub, sys.modules[__name__])
    globals()[_sub] = sys.modules[__name__]
del _sub


# ---- waiting for many futures ------------------------------------------------

class _Waiter:
    """Collects the futures that finished, for wait() and as_completed().
    The event fires at the first one (as_completed, FIRST_COMPLETED), at
    the first exception (FIRST_EXCEPTION) or when all are done."""

    def __init__(self, return_when, pending_count):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished_futures = []
        self.return_when = return_when
        self.pending_count = pending_count

    def _finished(self, future, failed):
        with self.lock:
            self.finished_futures.append(future)
            if self.return_when in (_AS_COMPLETED, FIRST_COMPLETED):
                self.event.set()
            elif failed and self.return_when == FIRST_EXCEPTION:
                self.event.set()
            else:
                self.pending_count -= 1
                if self.pending_count <= 0:
                    self.event.set()

    def add_result(self, future):
        self._finished(future, False)

    def add_exception(self, future):
        self._finished(future, True)

    def add_cancelled(self, future):
        self._finished(future, False)


class _AcquireFutures:
    """Lock every future's condition, in a fixed order (no deadlock)."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _install_waiter(fs, return_when, pending_count=0):
    waiter = _Waiter(return_when, pending_count)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _yield_finished_futures(fs, waiter, ref_collect):
    while fs:
        f = fs[-1]
        for futures_set in ref_collect:
            futures_set.remove(f)
        with f._condition:
            f._waiters.remove(waiter)
        del f
        yield fs.pop()


def as_completed(fs, timeout=None):
    """Yield the futures of fs as they complete (finished or cancelled);
    TimeoutError if some are still unfinished after `timeout` seconds."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total_futures = len(fs)
    with _AcquireFutures(fs):
        finished = set(f for f in fs if f._state in (CANCELLED_AND_NOTIFIED, FINISHED))
        pending = fs - finished
        waiter = _install_waiter(fs, _AS_COMPLETED)
    finished = list(finished)
    try:
        yield from _yield_finished_futures(finished, waiter, ref_collect=(fs,))
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (
                        len(pending), total_futures))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            finished.reverse()
            yield from _yield_finished_futures(finished, waiter, ref_collect=(fs, pending))
    finally:
        for f in fs:
            with f._condition:
                if waiter in f._waiters:
                    f._waiters.remove(waiter)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in fs; returns DoneAndNotDoneFutures(done, not_done)."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = {f for f in fs if f._state in (CANCELLED_AND_NOTIFIED, FINISHED)}
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and done:
            if any(f for f in done if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _install_waiter(fs, return_when, len(not_done))
    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


# ---- Future ----------------------------------------------------------------------

class Future:
    """The result of an asynchronous computation."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _log_exception('exception calling callback for %r', self)

    def __repr__(self):
        with self._condition:
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        self.__class__.__name__, id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    self.__class__.__name__, id(self),
                    _STATE_TO_DESCRIPTION_MAP[self._state],
                    self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (
                self.__class__.__name__, id(self),
                _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        """Cancel unless running or finished; True if now cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def __get_result(self):
        if self._exception:
            try:
                raise self._exception
            finally:
                self = None   # break the frame <-> exception cycle
        return self._result

    def add_done_callback(self, fn):
        """Call fn(future) when the future completes (now, if it has)."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log_exception('exception calling callback for %r', self)

    def result(self, timeout=None):
        """The call's result; re-raises its exception; CancelledError or
        TimeoutError when it was cancelled or is not done in time."""
        try:
            with self._condition:
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                if self._state == FINISHED:
                    return self.__get_result()
                self._condition.wait(timeout)
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                if self._state == FINISHED:
                    return self.__get_result()
                raise TimeoutError()
        finally:
            self = None

    def exception(self, timeout=None):
        """The call's exception or None (same waiting rules as result())."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        """For executors: False if cancelled (waiters told), else RUNNING."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    __class_getitem__ = classmethod(types.GenericAlias)


# ---- Executor --------------------------------------------------------------------

def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        del fut


class Executor(object):
    """Abstract base class of the executors."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls run concurrently; the results
        come in order.  TimeoutError if one is late past `timeout`."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


_set_module('concurrent.futures._base', Error, CancelledError, InvalidStateError,
            BrokenExecutor, Future, Executor)


# ---- threads -----------------------------------------------------------------------

_threads_queues = weakref.WeakKeyDictionary()
_global_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    """At exit: let every worker finish the queued work, then join it."""
    global _global_shutdown
    with _global_shutdown_lock:
        _global_shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


atexit.register(_python_exit)


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(types.GenericAlias)


def _worker(executor_reference, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _log_exception('Exception in initializer:')
            executor = executor_reference()
            if executor is not None:
                executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor = executor_reference()
                if executor is not None:
                    executor._idle_semaphore.release()
                del executor
                continue
            executor = executor_reference()
            if _global_shutdown or executor is None or executor._shutdown:
                if executor is not None:
                    executor._shutdown = True
                work_queue.put(None)   # wake the next worker too
                return
            del executor
    except BaseException:
        _log_exception('Exception in worker')


class ThreadPoolExecutor(Executor):
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f
    submit.__doc__ = Executor.submit.__doc__

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return

        def weakref_cb(_, q=self._work_queue):
            q.put(None)
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(weakref.ref(self, weakref_cb), self._work_queue,
                                       self._initializer, self._initargs),
                                 daemon=True)
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()


# ---- processes -----------------------------------------------------------------------

EXTRA_QUEUED_CALLS = 1
_WAKE = object()


def _process_chunk(fn, chunk):
    """In a worker: the results of fn over one chunk of map() arguments."""
    return [fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class ProcessPoolExecutor(Executor):
    """Runs calls in forked worker processes (arguments and results are
    pickled)."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._pool = None
        self._manager = None
        self._pending = collections.deque()
        self._events = queue.SimpleQueue()
        self._inflight = 0
        self._shutdown = False
        self._broken = False
        self._lock = threading.Lock()

    def _start(self):
        import multiprocessing
        self._pool = multiprocessing.Pool(self._max_workers, self._initializer,
                                          self._initargs, self._max_tasks_per_child)
        self._manager = threading.Thread(target=self._manage, daemon=True,
                                         name='ProcessPoolExecutorManager')
        self._manager.start()
        _process_executors.add(self)

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = Future()
            self._pending.append((f, fn, args, kwargs))
            if self._pool is None:
                self._start()
        self._events.put(_WAKE)
        return f
    submit.__doc__ = Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(_process_chunk, fn, chunk)
              for chunk in _get_chunks(*iterables, chunksize=chunksize)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return _chain_from_iterable_of_lists(result_iterator())

    # -- the manager thread --------------------------------------------------
    def _dispatch(self):
        """Hand pending calls to the pool while it has room."""
        with self._lock:
            while self._pending and self._inflight < self._max_workers + EXTRA_QUEUED_CALLS:
                f, fn, args, kwargs = self._pending.popleft()
                if not f.set_running_or_notify_cancel():
                    continue
                self._inflight += 1
                events = self._events
                self._pool.apply_async(
                    fn, args, kwargs,
                    callback=lambda v, f=f: events.put((f, True, v)),
                    error_callback=lambda e, f=f: events.put((f, False, e)))
            return self._shutdown and not self._pending and self._inflight == 0

    def _complete(self, f, ok, value):
        from multiprocessing.pool import WorkerLostError
        with self._lock:
            self._inflight -= 1
        if ok:
            f.set_result(value)
            return
        if isinstance(value, WorkerLostError):
            self._break()
            value = BrokenProcessPool(
                'A process in the process pool was terminated abruptly while '
                'the future was running or pending.')
        f.set_exception(value)

    def _break(self):
        with self._lock:
            self._broken = ('A child process terminated abruptly, the process '
                            'pool is not usable anymore')
            pending = list(self._pending)
            self._pending.clear()
        for f, fn, args, kwargs in pending:
            if f.set_running_or_notify_cancel():
                f.set_exception(BrokenProcessPool(self._broken))

    def _manage(self):
        while not self._dispatch():
            event = self._events.get()
            if event is not _WAKE:
                self._complete(*event)
        if self._broken:
            self._pool.terminate()   # what is left of a broken pool
        else:
            self._pool.close()
            self._pool.join()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown = True
            if cancel_futures:
                for f, fn, args, kwargs in self._pending:
                    f.cancel()
                    f.set_running_or_notify_cancel()
                self._pending.clear()
            manager = self._manager
        self._events.put(_WAKE)
        if wait and manager is not None:
            manager.join()


_process_executors = weakref.WeakSet()


def _process_exit():
    for ex in list(_process_executors):
        ex.shutdown(wait=True)


atexit.register(_process_exit)


_set_module('concurrent.futures.thread', ThreadPoolExecutor, BrokenThreadPool)
_set_module('concurrent.futures.process', ProcessPoolExecutor, BrokenProcessPool)
