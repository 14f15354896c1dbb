"""signal -- signal numbers and dispositions (refpy's subset), over _signal.

signal(sig, SIG_DFL or SIG_IGN) sets the disposition; SIGINT also accepts
default_int_handler (KeyboardInterrupt).  Python-level handlers for other
signals are not supported: the eval loop only polls SIGINT.
"""
import _signal
from _signal import *
from enum import IntEnum as _IntEnum

Signals = _IntEnum('Signals', {name: getattr(_signal, name) for name in dir(_signal)
                                if name.startswith('SIG') and not name.startswith('SIG_')})
Handlers = _IntEnum('Handlers', {'SIG_DFL': 0, 'SIG_IGN': 1})
SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
for _s in Signals:
    globals()[_s.name] = _s
del _s


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


_handlers = {int(SIGINT): default_int_handler}


def getsignal(signalnum):
    return _handlers.get(int(signalnum), SIG_DFL)


def signal(signalnum, handler):
    signalnum = int(signalnum)
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    if handler is default_int_handler and signalnum == SIGINT:
        _signal._set(signalnum, 2)
    elif handler == SIG_DFL or handler == SIG_IGN:
        _signal._set(signalnum, int(handler))
    elif callable(handler):
        raise NotImplementedError("refpy: Python signal handlers are only supported "
                                  "for SIGINT's default_int_handler")
    else:
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                        "or a callable object")
    old = _handlers.get(signalnum, SIG_DFL)
    _handlers[signalnum] = handler
    return old


def strsignal(signalnum):
    names = {SIGHUP: 'Hangup', SIGINT: 'Interrupt', SIGQUIT: 'Quit', SIGKILL: 'Killed',
             SIGTERM: 'Terminated', SIGSEGV: 'Segmentation fault', SIGPIPE: 'Broken pipe',
             SIGALRM: 'Alarm clock', SIGUSR1: 'User defined signal 1',
             SIGUSR2: 'User defined signal 2', SIGCHLD: 'Child exited', SIGABRT: 'Aborted'}
    return names.get(signalnum)


def valid_signals():
    return set(range(1, NSIG))
