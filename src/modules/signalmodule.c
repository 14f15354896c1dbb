/* signalmodule.c -- the `_signal` module under lib/signal.py: the signal
 * numbers, sending signals, and setting a signal's disposition to the
 * default or to ignored.  Python-level handlers are bookkept by
 * lib/signal.py; only SIGINT's handler (KeyboardInterrupt, raised by the
 * eval loop) can run Python code, since the eval loop only polls SIGINT. */
#include "rp.h"
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#define FAST(f) ((RpCFunction)(void (*)(void))(f))

/* _set(signum, how): how 0 = SIG_DFL, 1 = SIG_IGN, 2 = KeyboardInterrupt
 * (refpy's own SIGINT handler). */
static RpObject *sig_set(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("_set", nargs, 2, 2))
        return NULL;
    long sig = RpLong_AsLong(args[0]), how = RpLong_AsLong(args[1]);
    if ((sig == -1 || how == -1) && RpErr_Occurred())
        return NULL;
    if (sig < 1 || sig >= NSIG)
        return RpErr_Format(RpExc_ValueError, "signal number out of range");
    if (how == 2) {
        if (sig != SIGINT)
            return RpErr_Format(RpExc_ValueError, "only SIGINT can raise KeyboardInterrupt");
        _RpEval_InitSignals();
        Rp_RETURN_NONE;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = how == 1 ? SIG_IGN : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    if (sigaction((int)sig, &sa, NULL) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    Rp_RETURN_NONE;
}

static RpObject *sig_alarm(RpObject *self, RpObject *arg)
{
    long s = RpLong_AsLong(arg);
    if (s == -1 && RpErr_Occurred())
        return NULL;
    return RpLong_FromLong((long)alarm((unsigned)s));
}

static RpObject *sig_raise(RpObject *self, RpObject *arg)
{
    long s = RpLong_AsLong(arg);
    if (s == -1 && RpErr_Occurred())
        return NULL;
    if (raise((int)s) != 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    Rp_RETURN_NONE;
}

static RpMethodDef sig_methods[] = {
    {"_set", FAST(sig_set), RP_METH_FASTCALL, NULL},
    {"alarm", sig_alarm, RP_METH_O, NULL},
    {"raise_signal", sig_raise, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__signal(void)
{
    RpObject *m = RpModule_New("_signal");
    if (m == NULL)
        return NULL;
    static const struct { const char *n; long v; } consts[] = {
        {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
        {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE},
        {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2},
        {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD},
        {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},
        {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
        {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH},
        {"SIGIO", SIGIO}, {"SIGSYS", SIGSYS}, {"NSIG", NSIG},
    };
    int bad = RpModule_AddFunctions(m, sig_methods) < 0;
    for (size_t i = 0; !bad && i < sizeof consts / sizeof consts[0]; i++)
        bad = RpModule_AddIntConstant(m, consts[i].n, consts[i].v) < 0;
    if (bad)
        Rp_CLEAR(m);
    return m;
}
