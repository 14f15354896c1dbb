# optparse: options, actions, types, help output and errors.
import io
import os
import sys
from optparse import (OptionParser, OptionGroup, Option, OptionError, OptionValueError,
                      SUPPRESS_HELP, make_option, TitledHelpFormatter, IndentedHelpFormatter)
import optparse

os.environ.pop('COLUMNS', None)
parser = OptionParser(usage="usage: %prog [options] FILE...", prog='tool', version='%prog 1.2',
                      description='Process some files. This description is long enough '
                                  'that it has to be wrapped onto a second line by the '
                                  'formatter.', epilog='See the manual for more.')
parser.add_option("-f", "--file", dest="filename", help="write report to FILE",
                  metavar="FILE")
parser.add_option("-q", "--quiet", action="store_false", dest="verbose", default=True,
                  help="don't print status messages to stdout")
parser.add_option("-n", "--count", type="int", default=3, help="how many [default: %default]")
parser.add_option("--ratio", type="float")
parser.add_option("-m", "--mode", type="choice", choices=["fast", "slow"], default="fast")
parser.add_option("-v", action="count", dest="verbosity")
parser.add_option("-I", "--include", action="append", dest="includes", default=[])
parser.add_option("--const", action="store_const", const=42, dest="answer")
parser.add_option("--secret", help=SUPPRESS_HELP)
parser.add_option("--point", nargs=2, type="int")
parser.add_option("--a-very-long-option-name-here", action="store_true",
                  help="an option whose strings are too long for the column, with help that "
                       "is long enough to wrap over more than one line of output")
group = OptionGroup(parser, "Dangerous Options", "Caution: use these options at your own "
                    "risk. It is believed that some of them bite.")
group.add_option("-g", action="store_true", help="Group option.")
parser.add_option_group(group)

print(parser.format_help())
print(repr(parser.get_usage()), parser.get_version(), parser.get_prog_name())
opts, args = parser.parse_args([])
print(opts, args)
opts, args = parser.parse_args(['-f', 'out.txt', 'a', '-qvv', '--count=7', 'b', '-Iinc1',
                                '--include', 'inc2', '--const', '--rat', '2.5', '-m', 'slow',
                                '--point', '3', '4', '--', '-not-an-option'])
print(sorted(opts.__dict__.items()), args)
print(opts.filename, opts.verbose, opts.count, opts.ratio, opts.mode, opts.verbosity,
      opts.includes, opts.answer, opts.point)
opts, args = parser.parse_args(['-n0x1f', '--count', '0b101', '-n', '017'])
print(opts.count)
print(opts == {'x': 1}, opts == opts, type(opts).__name__)
o2, a2 = parser.parse_args(['-n', '5'], values=optparse.Values({'extra': 1}))
print(o2.extra, o2.count, getattr(o2, 'filename', 'absent'))

# errors go to stderr with the usage, exit status 2
sys.stderr = sys.stdout
for bad in (['--nosuch'], ['-x'], ['-n', 'abc'], ['--ratio', 'x'], ['-m', 'medium'], ['-f'],
            ['--quiet=yes'], ['--co'], ['--point', '1']):
    try:
        parser.parse_args(bad)
    except SystemExit as e:
        print('exit', e.code)
p2 = OptionParser(prog='amb')
p2.add_option('--verbose', action='store_true')
p2.add_option('--version-info', action='store_true')
try:
    p2.parse_args(['--ver'])
except SystemExit as e:
    print('exit', e.code)
print(p2.parse_args(['--verb'])[0])
try:
    parser.parse_args(['--version'])
except SystemExit as e:
    print('exit', e.code)
sys.stderr = sys.__stderr__

# bad option definitions
for args, kw in ((('-'), {}), (('-ab',), {}), (('--',), {}), (('-x',), {'action': 'jump'}),
                 (('-x',), {'type': 'date'}), (('-x',), {'action': 'count', 'type': 'int'}),
                 (('-x',), {'type': 'choice'}), (('-x',), {'choices': 'ab', 'type': 'choice'}),
                 (('-x',), {'const': 1}), (('-x',), {'action': 'callback', 'callback': 3}),
                 (('-x',), {'bogus': 1, 'other': 2})):
    try:
        Option(*args, **kw)
    except OptionError as e:
        print('OptionError', e)
try:
    parser.add_option('-f')
except optparse.OptionConflictError as e:
    print('OptionConflictError', e)
try:
    Option()
except TypeError as e:
    print('TypeError', e)

# callbacks, defaults, interspersed args, other formatters
def record(option, opt_str, value, parser, tag):
    parser.values.seen = (str(option), opt_str, value, tag, parser.rargs[:])

p3 = OptionParser(prog='cb', add_help_option=False)
p3.add_option('-c', action='callback', callback=record, callback_args=('T',), type='string')
p3.add_option('-d', type='int', dest='depth')
p3.set_defaults(depth=9)
p3.disable_interspersed_args()
o3, a3 = p3.parse_args(['-c', 'val', 'pos', '-d', '1'])
print(o3.seen, o3.depth, a3)
p3.set_default('depth', '12')
print(p3.parse_args([])[0].depth)
print(p3.format_help())
p4 = OptionParser(prog='titled', formatter=TitledHelpFormatter(),
                  option_list=[make_option('-a', '--alpha', help='first letter'),
                               make_option('-b', action='store_true', help='second')])
print(p4.format_help())
p5 = OptionParser(prog='narrow', formatter=IndentedHelpFormatter(width=40))
p5.add_option('--long-option', metavar='VALUE', help='a help text that is wrapped '
              'because the formatter is narrow')
print(p5.format_help())
print(p5.has_option('--long-option'), p5.get_option('--long-option'), p5.has_option('-z'))
p5.remove_option('--long-option')
print(p5.has_option('--long-option'))
