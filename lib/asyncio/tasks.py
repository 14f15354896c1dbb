"""asyncio.tasks -- Task (a coroutine driven by the loop) and the
functions built on it: sleep, gather, wait_for, wait, as_completed, shield
(refpy).

A Task advances its coroutine one step per loop callback: send(None) (or
throw(exc)) runs it to its next suspension.  A coroutine suspends by
awaiting a Future, whose __await__ yields the future itself; the task then
resumes when the future's done-callback fires.  A bare yield (sleep(0))
gives up one loop iteration.
"""

import itertools
import types
import weakref
from collections import deque

from . import base_futures
from . import events
from . import exceptions
from . import futures

__all__ = ('Task', 'create_task', 'FIRST_COMPLETED', 'FIRST_EXCEPTION',
           'ALL_COMPLETED', 'wait', 'wait_for', 'as_completed', 'sleep',
           'gather', 'shield', 'ensure_future', 'current_task', 'all_tasks')

_task_name_counter = itertools.count(1).__next__


def current_task(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return {t for t in list(_all_tasks) if futures._get_loop(t) is loop and not t.done()}


class Task(futures.Future):
    """A coroutine wrapped in a Future."""

    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not (coro.__class__ is types.CoroutineType or hasattr(coro, 'send')):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        # CPython 3.11's C tasks take a number even when given a name.
        number = _task_name_counter()
        self._name = f'Task-{number}' if name is None else str(name)
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._context = context
        self._num_cancels_requested = 0
        self._loop.call_soon(self.__step, context=self._context)
        _register_task(self)

    def __repr__(self):
        info = base_futures._task_repr_info(self)
        return f'<{self.__class__.__name__} {" ".join(info)}>'

    def __del__(self):
        if self._state == futures._PENDING and self._log_destroy_pending:
            self._loop.call_exception_handler({
                'task': self,
                'message': 'Task was destroyed but it is pending!',
            })
        super().__del__()

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        """Ask the task to stop: CancelledError is thrown into the
        coroutine at its next step (the future it waits on is cancelled
        first, which wakes it)."""
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def __step(self, exc=None):
        if self.done():
            raise exceptions.InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        _enter_task(self._loop, self)
        try:
            self.__advance(exc)
        finally:
            _leave_task(self._loop, self)
            self = None

    def __advance(self, exc):
        coro = self._coro
        try:
            result = coro.send(None) if exc is None else coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(stop.value)
        except exceptions.CancelledError as cancel:
            self._cancelled_exc = cancel
            super().cancel()
        except (KeyboardInterrupt, SystemExit) as err:
            super().set_exception(err)
            raise
        except BaseException as err:
            _drop_task_frame(err)
            super().set_exception(err)
        else:
            self.__suspend_on(result)

    def __retry_with(self, message):
        self._loop.call_soon(self.__step, RuntimeError(message), context=self._context)

    def __suspend_on(self, result):
        """The coroutine yielded `result`: decide when to resume it."""
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is None:
            if result is None:   # bare yield: one loop iteration
                self._loop.call_soon(self.__step, context=self._context)
            elif isinstance(result, types.GeneratorType):
                self.__retry_with(f'yield was used instead of yield from for '
                                  f'generator in task {self!r} with {result!r}')
            else:
                self.__retry_with(f'Task got bad yield: {result!r}')
            return
        if futures._get_loop(result) is not self._loop:
            self.__retry_with(f'Task {self!r} got Future {result!r} attached '
                              f'to a different loop')
        elif not blocking:
            self.__retry_with(f'yield was used instead of yield from in task '
                              f'{self!r} with {result!r}')
        elif result is self:
            self.__retry_with(f'Task cannot await on itself: {self!r}')
        else:
            result._asyncio_future_blocking = False
            result.add_done_callback(self.__wakeup, context=self._context)
            self._fut_waiter = result
            if self._must_cancel and self._fut_waiter.cancel(msg=self._cancel_message):
                self._must_cancel = False

    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()
        self = None


def _drop_task_frame(exc):
    """CPython's tasks are C code: their frame is not in the traceback.
    (A helper, so that no frame of the task holds the traceback.)"""
    tb = exc.__traceback__
    if tb is not None and tb.tb_frame.f_code is Task._Task__advance.__code__:
        exc.__traceback__ = tb.tb_next


_all_tasks = weakref.WeakSet()
_current_tasks = {}


def _register_task(task):
    _all_tasks.add(task)


def _unregister_task(task):
    _all_tasks.discard(task)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f"Cannot enter into task {task!r} while another "
                           f"task {current!r} is being executed.")
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f"Leaving task {task!r} does not match "
                           f"the current task {current!r}.")
    del _current_tasks[loop]


def create_task(coro, *, name=None, context=None):
    loop = events.get_running_loop()
    return loop.create_task(coro, name=name, context=context)


def _is_coroutine(obj):
    return obj.__class__ is types.CoroutineType or (
        hasattr(obj, 'send') and hasattr(obj, 'throw') and hasattr(obj, '__await__'))


def ensure_future(coro_or_future, *, loop=None):
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    if not _is_coroutine(coro_or_future):
        if hasattr(coro_or_future, '__await__'):
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = events.get_event_loop()
    return loop.create_task(coro_or_future)


async def _wrap_awaitable(awaitable):
    return await awaitable


# ---- sleep ----

@types.coroutine
def __sleep0():
    """Give up the rest of this loop iteration (a bare yield)."""
    yield


async def sleep(delay, result=None):
    """Coroutine that completes after `delay` seconds."""
    if delay <= 0:
        await __sleep0()
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


# ---- gather ----

class _GatheringFuture(futures.Future):
    """The outer future of gather(): cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently; the result is the list of their
    results in argument order."""
    if not coros_or_futures:
        loop = events.get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    state = {'finished': 0}

    def child_done(fut):
        state['finished'] += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()   # mark it retrieved
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state['finished'] == nfuts:
            results = []
            for f in children:
                if f.cancelled():
                    res = exceptions.CancelledError(
                        '' if f._cancel_message is None else f._cancel_message)
                else:
                    res = f.exception()
                    if res is None:
                        res = f._result
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    outer = None
    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                fut._log_destroy_pending = False
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(child_done)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


# ---- wait_for / wait / as_completed / shield ----

def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    """Cancel fut and wait until it is really finished."""
    loop = events.get_running_loop()
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for fut, cancelling it after `timeout` seconds (then raise
    TimeoutError)."""
    loop = events.get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in fs; returns the sets (done, pending)."""
    if futures.isfuture(fs) or _is_coroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = events.get_running_loop()
    fs = set(fs)
    if any(_is_coroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def on_done(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_done)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(on_done)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """Iterate over awaitables that give the results of fs in the order
    they complete."""
    if futures.isfuture(fs) or _is_coroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    from .queues import Queue
    done = Queue()
    loop = events.get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            done.put_nowait(None)   # wakes _wait_for_one with a timeout
        todo.clear()

    def on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    """Protect an awaitable from being cancelled."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer
