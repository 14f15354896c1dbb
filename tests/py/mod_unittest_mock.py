# unittest.mock: Mock/MagicMock calls and asserts, side_effect, patch
import os
import unittest
from unittest import mock
from unittest.mock import ANY, MagicMock, Mock, call, patch, sentinel

m = Mock()
m(1, 2, key="v")
m.method("a")
m.method.nested(3)
m.other.return_value = 10
print(m.other(), m.called, m.call_count, m.call_args, m.call_args_list)
print(m.method_calls)
print(m.mock_calls)
print(m.call_args.args, m.call_args.kwargs, m.method.call_args == call("a"))
m.assert_called_with(1, 2, key="v")
m.assert_called_once_with(1, 2, key="v")
m.method.assert_called_once()
m.assert_any_call(1, 2, key=ANY)
m.method.nested.assert_called_once_with(3)
m.assert_has_calls([call.method("a"), call.method.nested(3)])
m.assert_has_calls([call.other(), call(1, 2, key="v")], any_order=True)
for check in [lambda: m.assert_called_with(9), lambda: m.method.assert_not_called(),
              lambda: Mock(name="fresh").assert_called(), lambda: m.other.assert_called_once_with(5),
              lambda: m.assert_any_call(7), lambda: Mock().assert_called_with(1),
              lambda: m.assert_has_calls([call.nope()]), lambda: m.assert_calld()]:
    try:
        check()
    except (AssertionError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

s = Mock(side_effect=[1, 2, KeyError("k")])
print(s(), s())
try:
    s()
except KeyError as e:
    print("KeyError", e)
print(Mock(side_effect=lambda x: x * 2)(21), Mock(return_value=sentinel.result)())
try:
    Mock(side_effect=ValueError("bad"))()
except ValueError as e:
    print("ValueError", e)
print(sentinel.a is sentinel.a, sentinel.a, ANY == 5, [1, ANY] == [1, "x"])

m.reset_mock()
print(m.called, m.call_count, m.mock_calls, m.method.called)
cm = Mock(**{"x.y.return_value": 3, "z": 4})
print(cm.x.y(), cm.z)
spec = Mock(spec=["allowed"])
spec.allowed()
try:
    spec.forbidden
except AttributeError as e:
    print("AttributeError:", e)
wrapped = Mock(wraps=lambda a: a + 1)
print(wrapped(1), wrapped.call_count)
print(call(1, a=2), call.method(3), call().foo, call.x.y(1) == call.x.y(1), call(1) == call(2))

mm = MagicMock()
print(len(mm), list(mm), 3 in mm, bool(mm), int(mm), mm == mm, mm == 1, mm != mm)
mm.__len__.return_value = 5
mm.__iter__.return_value = [1, 2]
mm.__getitem__.return_value = "item"
mm.__contains__.return_value = True
print(len(mm), list(mm), mm["k"], "x" in mm)
mm.__getitem__.assert_called_with("k")
with mm as entered:
    print(entered is mm.__enter__.return_value)
print(mm.__exit__.called)
mm.__str__ = lambda self: "custom str"
print(str(mm))

def get_cwd():
    return os.getcwd()


with patch("os.getcwd", return_value="/patched") as fake:
    print(get_cwd(), fake.called)
print(get_cwd() != "/patched")


@patch("os.getpid")
@patch("os.getcwd", return_value="/deco")
def decorated(cwd_mock, pid_mock):
    pid_mock.return_value = 99
    return os.getcwd(), os.getpid(), cwd_mock.call_count


print(decorated())


class Thing:
    value = 1

    def method(self):
        return "real"


with patch.object(Thing, "method", return_value="fake"):
    print(Thing().method())
print(Thing().method())
with patch.object(Thing, "value", 42):
    print(Thing.value)
print(Thing.value)
d = {"a": 1}
with patch.dict(d, {"b": 2}):
    print(sorted(d.items()))
print(d)
with patch.dict(d, clear=True):
    print(d)
print(d)
p = patch.object(Thing, "value", 7)
p.start()
print(Thing.value)
p.stop()
print(Thing.value)
try:
    with patch.object(Thing, "missing"):
        pass
except AttributeError as e:
    print("AttributeError:", str(e).split(" does not")[1])
with patch.multiple(Thing, value=5, method=mock.DEFAULT) as values:
    print(Thing.value, sorted(values))
with patch.object(Thing, "method", new_callable=mock.PropertyMock) as prop:
    prop.return_value = "prop"
    print(Thing().method)
opened = mock.mock_open(read_data="line1\nline2\n")
with patch("builtins.open", opened):
    with open("any") as fh:
        print(fh.read())
opened.assert_called_once_with("any")


class UsesMock(unittest.TestCase):
    @patch("os.getcwd", return_value="/t")
    def test_patched(self, cwd):
        self.assertEqual(os.getcwd(), "/t")
        cwd.assert_called_once_with()


r = unittest.TestResult()
unittest.defaultTestLoader.loadTestsFromTestCase(UsesMock).run(r)
print(r.testsRun, r.wasSuccessful())
