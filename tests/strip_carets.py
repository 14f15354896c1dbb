# Remove CPython 3.11's traceback position markers (lines of only ^ and ~
# under a source line inside a "Traceback" block); keep SyntaxError carets.
# Works on bytes so that any byte the program printed (\r, invalid UTF-8)
# passes through unchanged.
import re, sys
marker = re.compile(rb'^\s+[\^~]+\s*$')
out, in_tb = [], False
for line in open(sys.argv[1], 'rb').read().split(b'\n'):
    if line.startswith(b'Traceback (most recent call last):'):
        in_tb = True
    elif in_tb and not line.startswith(b' '):
        in_tb = False
    if in_tb and marker.match(line):
        continue
    out.append(line)
sys.stdout.buffer.write(b'\n'.join(out))
