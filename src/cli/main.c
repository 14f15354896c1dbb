/* main.c -- the `refpy` command: CPython's command line, as far as refpy
 * needs it.
 *
 *   refpy [option] ... [-c cmd | -m mod | file | -] [arg] ...
 *
 * Options may be combined (-uB).  -c and -m end the option list; the rest
 * of the command line becomes sys.argv[1:].  With no script, a terminal on
 * stdin gets the REPL and anything else is read as a script.
 */
#include "rp.h"
#include "modules/fileobject.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const char *usage_line =
    "usage: refpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static void usage_help(void)
{
    fputs(usage_line, stdout);
    fputs("Options (and corresponding environment variables):\n"
          "-B     : accepted for compatibility (refpy writes no bytecode files)\n"
          "-c cmd : program passed in as string (terminates option list)\n"
          "-d     : disassemble the script instead of running it\n"
          "-E     : accepted and ignored\n"
          "-h     : print this help message and exit (also -? or --help)\n"
          "-I     : accepted and ignored\n"
          "-m mod : run library module as a script (terminates option list)\n"
          "-O     : remove assert statements\n"
          "-s     : accepted and ignored\n"
          "-u     : force the stdout and stderr streams to be unbuffered\n"
          "-V     : print the version number and exit (also --version)\n"
          "-X opt : refpy-specific option; -X showrefcount prints the total\n"
          "         reference count at exit (debug builds)\n"
          "file   : program read from script file\n"
          "-      : program read from stdin (default; interactive mode if a tty)\n"
          "arg ...: arguments passed to program in sys.argv[1:]\n",
          stdout);
}

static int bad_usage(const char *fmt, const char *what)
{
    fprintf(stderr, fmt, what);
    fputs(usage_line, stderr);
    fputs("Try `refpy -h' for more information.\n", stderr);
    return 2;
}

typedef struct Options {
    const char *command;   /* -c */
    const char *module;    /* -m */
    const char *script;    /* file or "-" */
    int disassemble, unbuffered, version, help;
    int first_arg;         /* index in argv of sys.argv[1] */
} Options;

/* -X option: only showrefcount means something to refpy. */
static void x_option(const char *opt)
{
    if (strcmp(opt, "showrefcount") == 0)
        _Rp_ShowRefCount = 1;
}

/* Parse one "-abc" cluster; returns 1 when the option list ends, 0 to go
 * on, -1 (status in *status) on a usage error. */
static int parse_cluster(int argc, char **argv, int *i, Options *o, int *status)
{
    const char *a = argv[*i];
    for (int k = 1; a[k] != '\0'; k++) {
        char c = a[k];
        const char *rest = a + k + 1;
        if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
            const char *val = *rest ? rest : (*i + 1 < argc ? argv[++*i] : NULL);
            if (val == NULL) {
                *status = bad_usage("Argument expected for the -%s option\n", c == 'c' ? "c" :
                                    c == 'm' ? "m" : c == 'X' ? "X" : "W");
                return -1;
            }
            if (c == 'c' || c == 'm') {
                *(c == 'c' ? &o->command : &o->module) = val;
                o->first_arg = *i + 1;
                return 1;
            }
            if (c == 'X')
                x_option(val);
            return 0;
        }
        switch (c) {
        case 'd': o->disassemble = 1; break;
        case 'u': o->unbuffered = 1; break;
        case 'O': _Rp_OptimizeFlag = 1; break;
        case 'V': o->version = 1; break;
        case 'h': case '?': o->help = 1; break;
        case 'B': case 'E': case 's': case 'I': case 'S': case 'q': break;
        default: {
            char opt[2] = {c, '\0'};
            *status = bad_usage("Unknown option: -%s\n", opt);
            return -1;
        }
        }
    }
    return 0;
}

static int parse_args(int argc, char **argv, Options *o, int *status)
{
    memset(o, 0, sizeof *o);
    o->first_arg = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--version") == 0) {
            o->version = 1;
        } else if (strcmp(a, "--help") == 0) {
            o->help = 1;
        } else if (strcmp(a, "--") == 0) {
            if (i + 1 < argc) {
                o->script = argv[i + 1];
                o->first_arg = i + 2;
            }
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            int r = parse_cluster(argc, argv, &i, o, status);
            if (r != 0)
                return r < 0 ? -1 : 0;
        } else {
            o->script = a;
            o->first_arg = i + 1;
            return 0;
        }
    }
    return 0;
}

/* sys.argv: [argv0, args after the script/-c/-m ...]. */
static int set_argv(const char *argv0, int argc, char **argv, int first)
{
    int n = argc - first + 1;
    char **v = RpMem_RawMalloc(sizeof(char *) * (size_t)n);
    if (v == NULL)
        return -1;
    v[0] = (char *)argv0;
    for (int i = 1; i < n; i++)
        v[i] = argv[first + i - 1];
    int rc = Rp_SetArgv(n, v);
    RpMem_RawFree(v);
    return rc;
}

static int disassemble_file(FILE *fp, const char *filename)
{
    Rp_ssize_t len;
    char *src = _RpRun_ReadStream(fp, &len);
    RpObject *code = src ? RpCompile_String(src, len, filename, RP_FILE_INPUT, _Rp_OptimizeFlag)
                         : NULL;
    RpMem_Free(src);
    if (code == NULL) {
        RpErr_Print();
        return -1;
    }
    RpCode_Disassemble((RpCodeObject *)code, stdout);
    Rp_DECREF(code);
    return 0;
}

/* Run the script file; 2 if it cannot be opened (CPython's message). */
static int run_script(const char *script, int disassemble, int *rc)
{
    RpObject *abs = _RpRun_AbsPath(script);
    if (abs == NULL)
        return -1;
    const char *path = RpUnicode_UTF8(abs);
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int err = errno;
        fprintf(stderr, "refpy: can't open file '%s': [Errno %d] %s\n", path, err, strerror(err));
        Rp_DECREF(abs);
        return 2;
    }
    if (disassemble) {
        *rc = disassemble_file(fp, path);
        fclose(fp);
    } else {
        *rc = RpRun_SimpleFileEx(fp, path, 1);
    }
    Rp_DECREF(abs);
    return 0;
}

static int run_stdin(int disassemble)
{
    if (disassemble)
        return disassemble_file(stdin, "<stdin>");
    if (isatty(fileno(stdin))) {
        fprintf(stderr, "refpy %s (Python 3.11 compatible)\n", REFPY_VERSION);
        return RpRun_InteractiveLoop(stdin, "<stdin>");
    }
    return RpRun_SimpleFileEx(stdin, "<stdin>", 0);
}

/* Run what the options ask for; returns the process exit status. */
static int run(Options *o, int argc, char **argv)
{
    int rc = 0, status;
    const char *argv0 = o->command ? "-c" : o->module ? "-m" : o->script ? o->script : "";
    if (set_argv(argv0, argc, argv, o->first_arg) < 0) {
        RpErr_Print();
        return 1;
    }
    if (o->command)
        rc = RpRun_SimpleString(o->command);
    else if (o->module)
        rc = RpRun_Module(o->module);
    else if (o->script && strcmp(o->script, "-") != 0) {
        int open_status = run_script(o->script, o->disassemble, &rc);
        if (open_status != 0)
            return open_status;
    } else
        rc = run_stdin(o->disassemble);
    if (rc == 0)
        return 0;
    status = Rp_HandleSystemExit();
    return status < 0 ? 1 : status;
}

int main(int argc, char **argv)
{
    Options o;
    int status = 0;
    if (parse_args(argc, argv, &o, &status) < 0)
        return status;
    if (o.help) {
        usage_help();
        return 0;
    }
    if (o.version) {
        printf("refpy %s (Python 3.11 compatible)\n", REFPY_VERSION);
        return 0;
    }
    if (o.unbuffered) {
        setvbuf(stdout, NULL, _IONBF, 0);
        setvbuf(stderr, NULL, _IONBF, 0);
        _RpFile_SetUnbuffered(1);
    }
    /* As CPython: writing to a closed pipe raises BrokenPipeError instead
     * of killing the process. */
    signal(SIGPIPE, SIG_IGN);
    if (Rp_Initialize() < 0)
        return 1;
    status = run(&o, argc, argv);
    Rp_Finalize();
    return status;
}
