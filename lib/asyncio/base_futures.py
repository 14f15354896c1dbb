"""asyncio.base_futures -- repr() of futures and tasks, as CPython's
(refpy).  The Task's wake-up callback shows as `Task.task_wakeup()`, the
name CPython's C tasks give it."""

import reprlib

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def _callback_name(func):
    """Name of a callback as CPython's format_helpers shows it."""
    if getattr(func, '__name__', None) == '__wakeup' and hasattr(func, '__self__'):
        return 'Task.task_wakeup()'
    name = getattr(func, '__qualname__', None) or getattr(func, '__name__', None)
    if name is None:
        return repr(func) + '()'
    text = name + '()'
    code = getattr(func, '__code__', None)
    if code is not None:
        text += f' at {code.co_filename}:{code.co_firstlineno}'
    return text


def _format_callbacks(cbs):
    size = len(cbs)
    if size == 1:
        text = _callback_name(cbs[0][0])
    elif size == 2:
        text = f'{_callback_name(cbs[0][0])}, {_callback_name(cbs[1][0])}'
    else:
        text = (f'{_callback_name(cbs[0][0])}, <{size - 2} more>, '
                f'{_callback_name(cbs[-1][0])}')
    return f'cb=[{text}]'


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={reprlib.repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


def _format_coroutine(coro):
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
    name = f'{name}()' if name else f'<{type(coro).__name__} without __name__>()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', getattr(coro, 'gi_running', False))
        return f'{name} running' if running else name
    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'


def _task_repr_info(task):
    info = _future_repr_info(task)
    if task.cancelling() and not task.done():
        info[0] = 'cancelling'
    info.insert(1, f'name={task.get_name()!r}')
    info.insert(2, f'coro=<{_format_coroutine(task._coro)}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info
