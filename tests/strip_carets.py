# Remove CPython 3.11's traceback position markers (lines of only ^ and ~
# under a source line inside a "Traceback" block); keep SyntaxError carets.
import re, sys
marker = re.compile(r'^\s+[\^~]+\s*$')
out, in_tb = [], False
for line in open(sys.argv[1], encoding='utf-8', errors='surrogateescape'):
    if line.startswith('Traceback (most recent call last):'):
        in_tb = True
    elif in_tb and not line.startswith(' '):
        in_tb = False
    if in_tb and marker.match(line):
        continue
    out.append(line)
sys.stdout.write(''.join(out))
