# multiprocessing.Process: exit codes, names, is_alive, terminate, kill, join(timeout)
import multiprocessing as mp
import os, sys, time


def normal():
    print('child running', mp.current_process().name)


def exits(code):
    sys.exit(code)


def raises(path):
    sys.stderr = open(path, 'w')
    raise RuntimeError('oops from child')


def sleeper():
    time.sleep(30)


if __name__ == '__main__':
    print(mp.current_process().name, mp.cpu_count() >= 1)
    p = mp.Process(target=normal)
    print(p.name, p.exitcode, p.is_alive())
    p.start()
    p.join()
    print('normal', p.exitcode, p.is_alive())
    for code in (0, 3, None, 'message'):
        p = mp.Process(target=exits, args=(code,))
        p.start()
        p.join()
        print('sys.exit(%r)' % (code,), p.exitcode)
    path = '/tmp/mp_process_%d.err' % os.getpid()
    p = mp.Process(target=raises, args=(path,), name='Raiser')
    p.start()
    p.join()
    with open(path) as f:
        lines = f.read().splitlines()
    os.remove(path)
    print('raises', p.exitcode, lines[0], lines[1], lines[-1])
    p = mp.Process(target=sleeper, daemon=True)
    p.start()
    p.join(0.1)
    print('alive', p.is_alive(), p.exitcode, p.daemon)
    p.terminate()
    p.join()
    print('terminate', p.exitcode, p.is_alive())
    p = mp.Process(target=sleeper)
    p.start()
    p.kill()
    p.join()
    print('kill', p.exitcode)
    print(mp.active_children())
