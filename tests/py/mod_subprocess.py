# subprocess: run/Popen/check_* with pipes, text mode, errors and timeouts.
import os
import subprocess
import sys

PY = sys.executable


def show(r):
    # args may contain sys.executable (differs between interpreters)
    print(type(r).__name__, r.returncode, repr(r.stdout), repr(r.stderr))


show(subprocess.run([PY, '-c', 'print("hi"); import sys; sys.stderr.write("err\\n")'],
                    capture_output=True))
r = subprocess.run(['/bin/echo', 'a', 'b'], stdout=subprocess.PIPE, text=True)
print(r)
print(subprocess.run('echo $((1+2)); exit 3', shell=True, capture_output=True))
print(subprocess.run(['/bin/sh', '-c', 'echo x'], stdout=subprocess.DEVNULL))
print(subprocess.run(['true']))
print(repr(subprocess.CompletedProcess(['a'], 0, 'o', None)))

# check=True and the messages of CalledProcessError
try:
    subprocess.run(['/bin/sh', '-c', 'exit 4'], check=True)
except subprocess.CalledProcessError as e:
    print(e, e.returncode, e.cmd, e.output, e.stdout, e.stderr)
try:
    subprocess.check_call(['/bin/sh', '-c', 'kill -9 $$'])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.check_output('echo partial; exit 2', shell=True)
except subprocess.CalledProcessError as e:
    print(e, repr(e.output))
print(subprocess.CalledProcessError(1, 'cmd'))
print(subprocess.CalledProcessError(-200, ['x']))
print(subprocess.TimeoutExpired(['sleep', '9'], 1.5))
r = subprocess.CompletedProcess('c', 3)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print('check_returncode:', e)

# stderr routed to stdout, input, large data through both pipes
print(subprocess.check_output(['/bin/sh', '-c', 'echo out; echo err >&2'],
                              stderr=subprocess.STDOUT))
big = subprocess.run(['cat'], input=b'x' * 300000, capture_output=True)
print(len(big.stdout), big.returncode)
both = subprocess.run([PY, '-c', 'import sys\n'
                       'sys.stdout.write("o" * 200000)\nsys.stderr.write("e" * 200000)'],
                      capture_output=True)
print(len(both.stdout), len(both.stderr))
print(subprocess.run(['cat'], input='abc\r\ndef\rg', capture_output=True, text=True))
print(subprocess.run(['cat'], input='uni\u00e9', capture_output=True,
                     universal_newlines=True).stdout)
print(subprocess.check_output(['cat'], input=None))
print(subprocess.check_output([PY, '-c', 'print(sum(range(10)))'], text=True))
print(subprocess.run([PY, '-c', 'import sys; print(sys.stdin.read().upper())'],
                     input='lower case\n', capture_output=True, text=True).stdout)

# exec failures come back as OSError subclasses
for args, kw in ((['/nonexistent/prog'], {}), (['nonexistent-cmd-zz'], {}),
                 (['ls'], {'cwd': '/nonexistent-dir'})):
    try:
        subprocess.run(args, **kw)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    subprocess.run(['x'], input=b'', stdin=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.run(['x'], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.check_output(['true'], stdout=None)
except ValueError as e:
    print(e)

# timeouts
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('timeout', e.cmd, e.stdout)
try:
    subprocess.run(['/bin/sh', '-c', 'echo early; sleep 5'], timeout=0.5,
                   capture_output=True)
except subprocess.TimeoutExpired as e:
    print('timeout', e.cmd, e.stdout)
p = subprocess.Popen(['sleep', '5'])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('wait timeout', e.cmd)
p.kill()
print(p.wait())

# getstatusoutput / getoutput / call
print(subprocess.getstatusoutput('echo hello; exit 7'))
print(subprocess.getstatusoutput('echo fine'))
print(subprocess.getoutput('echo a b; echo to-err >&2'))
print(subprocess.call(['true']), subprocess.call('exit 1', shell=True))

# Popen directly
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'data')
print(out, err, p.returncode)
p = subprocess.Popen(['/bin/sh', '-c', 'read x; echo got $x; echo e >&2; exit 5'],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True)
print(p.pid > 0, p.returncode, p.poll() in (None, 5))
p.stdin.write('line\n')
p.stdin.flush()
print(repr(p.stdout.readline()))
print(p.communicate(), p.returncode)
with subprocess.Popen(['sleep', '10']) as p:
    print(p.poll())
    p.terminate()
print(p.returncode, p)
p = subprocess.Popen(['sleep', '10'])
p.kill()
print(p.wait(), p.poll())
p.kill()   # already reaped: nothing happens
p = subprocess.Popen(['/bin/echo', 'streamed'], stdout=subprocess.PIPE)
print(p.stdout.read())
p.stdout.close()
print(p.wait())
print(subprocess.Popen(['true'], stdout=subprocess.PIPE).communicate())
print(subprocess.run(['pwd'], cwd='/', capture_output=True, text=True).stdout)
print(subprocess.run(['/bin/sh', '-c', 'echo $FOO-$BAR'], env={'FOO': 'bar'},
                     capture_output=True).stdout)
os.environ['SUBPROC_TEST_VAR'] = 'inherited'
print(subprocess.check_output('echo $SUBPROC_TEST_VAR', shell=True))
print(subprocess.check_output(['/bin/sh', '-c', 'echo "$0" "$1"', 'zero', 'one']))
print(subprocess.run('exit 0', shell=True, executable='/bin/sh').returncode)
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(subprocess.list2cmdline(['a b', 'c"d', 'e\\']))

# os.popen and os.system run through the shell
f = os.popen('echo one; echo two')
print(f.readlines(), f.close())
print(os.popen('exit 3').close())
with os.popen('cat > /dev/null', 'w') as f:
    f.write('ignored')
print(os.system('exit 2'), os.system('true'))
