# unittest: TestCase asserts, runner output (verbosity 1 and 2), suites, loader
import io
import re
import sys
import unittest
import warnings


def run(*classes, verbosity=1, **kw):
    loader = unittest.TestLoader()
    suite = unittest.TestSuite(loader.loadTestsFromTestCase(c) for c in classes)
    out = io.StringIO()
    result = unittest.TextTestRunner(stream=out, verbosity=verbosity, **kw).run(suite)
    text = re.sub(r"Ran (\d+) tests? in \d+\.\d+s", r"Ran \1 tests in X.XXXs", out.getvalue())
    print(text, end="")
    print("result:", result, result.wasSuccessful())
    return result


class Basic(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_doc(self):
        """First line of the doc.

        More text."""
        self.assertIn(3, [1, 2])


run(Basic)
run(Basic, verbosity=2)


class Messages(unittest.TestCase):
    maxDiff = None

    def check(self, func, *args, **kw):
        try:
            func(*args, **kw)
        except self.failureException as e:
            print("%s: %s" % (func.__name__, e))
        else:
            print("%s: passed" % func.__name__)

    def test_all(self):
        c = self.check
        c(self.assertEqual, 1, 2)
        c(self.assertEqual, "abc", "abd")
        c(self.assertEqual, "line one\nline two\n", "line one\nline 2\n")
        c(self.assertEqual, {"a": 1, "b": 2}, {"a": 1, "b": 3})
        c(self.assertEqual, (1, 2), (1, 2, 3))
        c(self.assertEqual, [1, [2, 3]], [1, [2, 4]], "custom msg")
        c(self.assertEqual, {1, 2}, {2, 3})
        c(self.assertEqual, "x" * 100, "x" * 99 + "y")
        c(self.assertNotEqual, 3, 3)
        c(self.assertTrue, 0)
        c(self.assertFalse, [1])
        c(self.assertIs, None, 0)
        c(self.assertIsNot, None, None)
        c(self.assertIsNone, 5)
        c(self.assertIsNotNone, None)
        c(self.assertIn, "z", "abc")
        c(self.assertNotIn, 1, [1])
        c(self.assertIsInstance, 1, str)
        c(self.assertNotIsInstance, 1, int)
        c(self.assertAlmostEqual, 1.0, 1.1)
        c(self.assertAlmostEqual, 1.0, 1.00000001)
        c(self.assertAlmostEqual, 1.0, 1.5, delta=0.1)
        c(self.assertNotAlmostEqual, 1.0, 1.0000000001)
        c(self.assertLess, 3, 2)
        c(self.assertLessEqual, 3, 2)
        c(self.assertGreater, 1, 2)
        c(self.assertGreaterEqual, 1, 2)
        c(self.assertCountEqual, [1, 2, 2], [2, 1, 1])
        c(self.assertCountEqual, [[1], [2]], [[2], [1]])
        c(self.assertCountEqual, [[1], [2]], [[2], [3]])
        c(self.assertRegex, "hello", "^w")
        c(self.assertNotRegex, "hello", "ll")
        c(self.assertSequenceEqual, [1, 2], (1, 2))
        c(self.assertListEqual, [1, 2, 3, 4], [1, 2])
        c(self.assertTupleEqual, (1,), [1])
        c(self.assertDictEqual, {}, {"k": list(range(30))})
        c(self.assertMultiLineEqual, "a\nb\nc\n", "a\nB\nc\n")
        c(self.fail, "explicit")
        self.longMessage = False
        c(self.assertEqual, 1, 2, "only this")
        self.longMessage = True

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print(type(cm.exception).__name__, cm.exception)
        self.assertRaises(KeyError, {}.__getitem__, "k")
        with self.assertRaisesRegex(ValueError, r"invalid literal"):
            int("x")
        try:
            with self.assertRaises(KeyError):
                pass
        except AssertionError as e:
            print(e)
        try:
            self.assertRaises(KeyError, len, [])
        except AssertionError as e:
            print(e)
        try:
            with self.assertRaisesRegex(ValueError, "nomatch"):
                raise ValueError("something else")
        except AssertionError as e:
            print(e)
        try:
            with self.assertRaises(TypeError):
                raise KeyError("passes through")
        except KeyError as e:
            print("propagated", repr(e))

    def test_warns(self):
        with self.assertWarns(DeprecationWarning) as cm:
            warnings.warn("old stuff", DeprecationWarning)
        print(cm.warning, cm.filename.endswith("mod_unittest.py"))
        with self.assertWarnsRegex(UserWarning, "so+n"):
            warnings.warn("soon")
        try:
            with self.assertWarns(UserWarning):
                pass
        except AssertionError as e:
            print(e)


run(Messages)


class Fixtures(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        cls.log.append("tearDownClass")
        print("log:", cls.log)

    def setUp(self):
        self.log.append("setUp " + self._testMethodName)
        self.addCleanup(self.log.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        self.log.append("tearDown")

    def test_a(self):
        self.log.append("a")

    def test_b(self):
        self.log.append("b")
        raise RuntimeError("in b")


run(Fixtures)


class SubTests(unittest.TestCase):
    def test_sub(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)
        with self.subTest("named"):
            raise ValueError("err in subtest")


run(SubTests)
run(SubTests, verbosity=2)


class BadSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise OSError("no resource")

    def test_never(self):
        print("never runs")


@unittest.skipIf(True, "whole class skipped")
class SkippedClass(unittest.TestCase):
    def test_one(self):
        pass


class SkipInside(unittest.TestCase):
    def test_skip_test(self):
        self.skipTest("decided at runtime")

    @unittest.skipUnless(sys.platform == "nope", "wrong platform")
    def test_unless(self):
        pass


run(BadSetUpClass, SkippedClass, SkipInside, verbosity=2)


class Chained(unittest.TestCase):
    def test_chain(self):
        try:
            raise KeyError("first")
        except KeyError as e:
            raise ValueError("second") from e


run(Chained)

# loader and suite
loader = unittest.TestLoader()
print(loader.getTestCaseNames(Basic))
suite = loader.loadTestsFromTestCase(Fixtures)
print(suite.countTestCases(), [t.id() for t in suite])
print(repr(Basic("test_ok")), str(Basic("test_ok")), Basic("test_doc").shortDescription())
print(Basic("test_ok") == Basic("test_ok"), Basic("test_ok") == Basic("test_fail"))
try:
    Basic("nope")
except ValueError as e:
    print(e)
ft = unittest.FunctionTestCase(lambda: None, description="a function test")
r = unittest.TestResult()
ft.run(r)
print(r, r.testsRun, str(ft)[:40])
s = unittest.TestSuite()
s.addTest(Basic("test_ok"))
s.addTests([Basic("test_fail"), Basic("test_error")])
r = unittest.TestResult()
s.run(r)
print(r.testsRun, len(r.failures), len(r.errors), r.failures[0][0])
print(r.failures[0][1].splitlines()[-1])
print(r.errors[0][1].splitlines()[-1])
r = run(Basic, failfast=True)
