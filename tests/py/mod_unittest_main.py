# unittest.main(): argv handling, verbosity flags, -k, exit status via SystemExit
import re
import sys
import unittest


class Filter:
    """stderr stand-in that hides the run time, which varies."""
    def __init__(self, stream):
        self.stream = stream

    def write(self, s):
        self.stream.write(re.sub(r" in \d+\.\d+s", " in X.XXXs", s))

    def flush(self):
        self.stream.flush()


class Alpha(unittest.TestCase):
    def test_one(self):
        self.assertEqual("a", "a")

    def test_two(self):
        self.assertNotEqual(1, 2)

    def test_zfail(self):
        self.assertTrue(False, "forced")


class Beta(unittest.TestCase):
    def test_beta(self):
        pass


sys.stderr = Filter(sys.stdout)
for argv in (["prog"], ["prog", "-v"], ["prog", "-q"], ["prog", "-k", "one"],
             ["prog", "Beta"], ["prog", "-v", "Alpha.test_two", "Beta.test_beta"]):
    print("argv:", argv[1:])
    try:
        unittest.main(argv=argv)
    except SystemExit as e:
        print("exit code:", e.code)

prog = unittest.main(argv=["prog", "Beta"], exit=False)
print(prog.result.wasSuccessful(), prog.result.testsRun)
print(unittest.main is unittest.TestProgram)
sys.stderr = sys.__stderr__
