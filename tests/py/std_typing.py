import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable, Iterable, Iterator,
                    Generator, Sequence, Mapping, TypeVar, Generic, NamedTuple, TypedDict, Protocol, cast,
                    overload, final, Literal, ClassVar, TYPE_CHECKING, get_type_hints, runtime_checkable,
                    NewType, Type, Annotated, get_origin, get_args, DefaultDict, Deque, Counter, Final, NoReturn)

print(Any, Optional[int], Union[int, str], Union[int, None], Union[int], Union[int, Union[str, float]], Union[int, str, int])
print(List, List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[int, str], Tuple[()], Set[str], FrozenSet[bytes])
print(Callable[[int, str], bool], Callable[..., int], Iterable[int], Iterator[str], Generator[int, None, None])
print(Sequence[float], Mapping[str, Any], Literal['a', 1], ClassVar[int], Type[int], Final[int], NoReturn)
print(Optional[List[Dict[str, int]]], DefaultDict[str, int], Deque[int], Counter[str], Annotated[int, 'meta'])
print(TYPE_CHECKING, cast(int, 'x'), List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[None, int])
print(isinstance([], List), isinstance({}, Dict), isinstance((), Tuple), isinstance(len, Callable), issubclass(list, Sequence), isinstance(3, Union[int, str]))
try:
    isinstance([], List[int])
except TypeError as e:
    print('TypeError', e)
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), get_args(Callable[[int], str]), get_origin(int), get_args(int))

T = TypeVar('T')
K = TypeVar('K', bound=str)
S = TypeVar('S', int, str)
Co = TypeVar('Co', covariant=True)
print(T, K, S, Co, T.__name__, S.__constraints__, K.__bound__, List[T], Dict[K, T], List[T][int], Dict[str, T][float])

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), type(s).__name__, Stack[int], Stack.__parameters__, isinstance(s, Stack))

class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v
print(Pair('a', 1).k, Pair[str, int])

class Employee(NamedTuple):
    name: str
    id: int = 3
    def greet(self) -> str:
        return 'hi ' + self.name
e = Employee('Guido')
print(e, e.greet(), e._fields, Employee._field_defaults, Employee.__annotations__, isinstance(e, tuple), e._replace(id=5))
P2 = NamedTuple('P2', [('x', int), ('y', int)])
print(P2(1, 2), P2.__annotations__)

class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='Blade Runner', year=1982)
print(m, type(m).__name__, Movie.__required_keys__ == frozenset({'name', 'year'}), Movie.__annotations__)
class Partial(TypedDict, total=False):
    x: int
print(Partial.__optional_keys__, Partial(x=1), Partial.__total__)
Alt = TypedDict('Alt', {'a': int})
print(Alt(a=1), Alt.__annotations__)

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
class G:
    pass
print(isinstance(F(), Closer), isinstance(G(), Closer), isinstance(open, Closer))
class NotRuntime(Protocol):
    def meth(self) -> int: ...
try:
    isinstance(1, NotRuntime)
except TypeError as e:
    print('TypeError', e)
print(isinstance(3, typing.SupportsInt), isinstance('x', typing.SupportsInt), isinstance(2.0, typing.SupportsFloat))

@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x
print(f(3), f('a'))

@final
class Leaf:
    pass
print(Leaf.__final__)

UserId = NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__)

class Annot:
    a: int
    b: 'List[str]'
    c: Optional['Annot'] = None
def func(x: int, y: 'str' = 'q', z: None = None) -> Dict[str, int]:
    return {}
print(get_type_hints(func))
print(get_type_hints(Annot))
print(func.__annotations__)

def process(items: List[Union[int, str]], callback: Optional[Callable[[int], None]] = None) -> Tuple[int, ...]:
    return tuple(len(str(i)) for i in items)
print(process([1, 'ab', 333]))
Vector = List[float]
def scale(scalar: float, vector: Vector) -> Vector:
    return [scalar * num for num in vector]
print(scale(2.0, [1.0, -4.2, 5.4]), Vector)
x: int = 5
y: Dict[str, 'Any'] = {}
print(x, y, __annotations__)
print(int | None, list[int], dict[str, list[int]], Optional[int | str])
