# A small interpreter for a Forth-like stack language using match statements.

class StackError(Exception):
    pass


class VM:
    def __init__(self):
        self.stack = []
        self.words = {}
        self.output = []

    def pop(self, n=1):
        if len(self.stack) < n:
            raise StackError(f"stack underflow: need {n}, have {len(self.stack)}")
        if n == 1:
            return self.stack.pop()
        vals = self.stack[-n:]
        del self.stack[-n:]
        return vals

    def tokenize(self, src):
        tokens = []
        for tok in src.split():
            match tok:
                case "true":
                    tokens.append(("num", 1))
                case "false":
                    tokens.append(("num", 0))
                case _ if tok.lstrip("-").isdigit():
                    tokens.append(("num", int(tok)))
                case _ if tok.startswith('"') and tok.endswith('"') and len(tok) > 1:
                    tokens.append(("str", tok[1:-1]))
                case _:
                    tokens.append(("word", tok.lower()))
        return tokens

    def run(self, src):
        self.execute(self.tokenize(src))

    def execute(self, tokens):
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            match tok:
                case ("num", n) | ("str", n):
                    self.stack.append(n)
                case ("word", ":"):
                    end = tokens.index(("word", ";"), i)
                    (_, name), *body = tokens[i + 1:end]
                    self.words[name] = body
                    i = end
                case ("word", "if"):
                    depth, j = 0, i + 1
                    else_at = None
                    while True:
                        match tokens[j]:
                            case ("word", "if"):
                                depth += 1
                            case ("word", "else") if depth == 0:
                                else_at = j
                            case ("word", "then"):
                                if depth == 0:
                                    break
                                depth -= 1
                        j += 1
                    cond = self.pop()
                    if cond:
                        self.execute(tokens[i + 1:else_at if else_at else j])
                    elif else_at:
                        self.execute(tokens[else_at + 1:j])
                    i = j
                case ("word", "times"):
                    body_end = tokens.index(("word", "loop"), i)
                    count = self.pop()
                    for _ in range(count):
                        self.execute(tokens[i + 1:body_end])
                    i = body_end
                case ("word", name) if name in self.words:
                    self.execute(self.words[name])
                case ("word", name):
                    self.builtin(name)
            i += 1

    def builtin(self, name):
        match name:
            case "+" | "-" | "*" | "/" | "mod" | "<" | ">" | "=":
                a, b = self.pop(2)
                match name:
                    case "+":
                        r = a + b
                    case "-":
                        r = a - b
                    case "*":
                        r = a * b
                    case "/":
                        if b == 0:
                            raise StackError("division by zero")
                        r = a // b
                    case "mod":
                        r = a % b
                    case "<":
                        r = int(a < b)
                    case ">":
                        r = int(a > b)
                    case "=":
                        r = int(a == b)
                self.stack.append(r)
            case "dup":
                v = self.pop()
                self.stack += [v, v]
            case "drop":
                self.pop()
            case "swap":
                a, b = self.pop(2)
                self.stack += [b, a]
            case "over":
                a, b = self.pop(2)
                self.stack += [a, b, a]
            case "rot":
                a, b, c = self.pop(3)
                self.stack += [b, c, a]
            case ".":
                self.output.append(str(self.pop()))
            case "emit":
                self.output.append(chr(self.pop()))
            case "cr":
                print(" ".join(self.output))
                self.output.clear()
            case ".s":
                self.output.append(f"<{len(self.stack)}> {self.stack}")
            case _:
                raise StackError(f"unknown word {name!r}")


def describe(value):
    match value:
        case None:
            return "nothing"
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as n:
            return f"number {n}"
        case str() as s if not s:
            return "empty string"
        case str(s):
            return f"string of {len(s)}"
        case [x]:
            return f"singleton [{describe(x)}]"
        case [x, y]:
            return f"pair ({describe(x)}, {describe(y)})"
        case [first, *rest]:
            return f"list starting {first!r} + {len(rest)} more"
        case {"type": "point", "x": x, "y": y}:
            return f"point at {x},{y}"
        case {"type": t, **others}:
            return f"{t} with {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=px, y=py) if px == py:
            return f"diagonal point {px}"
        case Point():
            return f"point {value.x},{value.y}"
        case _:
            return f"unknown {type(value).__name__}"


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


vm = VM()
programs = [
    "2 3 + 4 * . cr",
    ": square dup * ; 7 square . 12 square . cr",
    ": fact dup 1 > if dup 1 - fact * then ; 10 fact . cr",
    "1 2 3 rot .s cr",
    "5 3 < if \"yes\" else \"no\" then . cr",
    "0 1 10 times over over + rot drop loop . . cr",
    "72 emit 105 emit 33 emit cr",
    "17 5 mod . 17 5 / . -7 2 / . cr",
    "1 2 swap - . true false = . cr",
    "1 +",
    "4 0 /",
    "frobnicate",
]
for prog in programs:
    try:
        vm.run(prog)
    except StackError as e:
        print("error:", e, "| stack:", vm.stack)
        vm.stack.clear()
        vm.output.clear()
print(sorted(vm.words))

for v in [None, True, -3, 4, 2.5, "", "abc", [1], [1, "a"], [1, 2, 3], (4, 5, 6, 7),
          {"type": "point", "x": 1, "y": 2}, {"type": "circle", "r": 3, "c": 0},
          Point(0, 0), Point(2, 2), Point(1, 3), Point, {1: 2}]:
    print(describe(v))


def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", other]:
            return f"can't go {other}"
        case ["take", *items] if items:
            return "taking " + " and ".join(items)
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "say something"
        case _:
            return f"unknown: {cmd!r}"


for c in ["go north", "go up", "take lamp key", "take", "exit", "", "dance wildly"]:
    print(command(c))
match Point(5, 6):
    case Point(a, b):
        print("positional", a, b)
