"""multiprocessing.util -- process-exit cleanup and small helpers."""
import sys
import weakref

_exiting = False
_queues = weakref.WeakSet()      # queues with a feeder thread in this process
_pools = weakref.WeakSet()
_afterfork_registry = []


def _flush_std_streams():
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except (AttributeError, ValueError, OSError):
            pass


def register_after_fork(obj, func):
    _afterfork_registry.append((weakref.ref(obj), func))


def _run_after_forkers():
    for ref, func in list(_afterfork_registry):
        obj = ref()
        if obj is not None:
            try:
                func(obj)
            except Exception:
                pass


def format_exception(exc):
    """The text sys.excepthook prints for exc (a traceback, as CPython)."""
    from io import StringIO
    buf = StringIO()
    old = sys.stderr
    sys.stderr = buf
    try:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.stderr = old
    return buf.getvalue()


def _exit_function():
    """At exit: terminate daemonic children, join the others, flush queues."""
    global _exiting
    _exiting = True
    from multiprocessing import process
    for pool in list(_pools):
        try:
            pool._terminate_at_exit()
        except Exception:
            pass
    for p in process.active_children():
        if p.daemon:
            p.terminate()
    for p in process.active_children():
        p.join()
    for q in list(_queues):
        q._flush_at_exit()


def info(msg, *args):
    pass


def debug(msg, *args):
    pass


def get_logger():
    import logging
    return logging.getLogger('multiprocessing')
