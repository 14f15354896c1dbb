# Tokenizer + recursive-descent calculator with variables and functions.
import math


class CalcError(Exception):
    pass


class Token:
    __slots__ = ("kind", "value", "pos")

    def __init__(self, kind, value, pos):
        self.kind = kind
        self.value = value
        self.pos = pos

    def __repr__(self):
        return f"Token({self.kind}, {self.value!r}, {self.pos})"


def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            if text.count(".") > 1:
                raise CalcError(f"bad number {text!r} at {i}")
            tokens.append(Token("NUM", float(text) if "." in text else int(text), i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(Token("NAME", src[i:j], i))
            i = j
        elif src.startswith("**", i):
            tokens.append(Token("OP", "**", i))
            i += 2
        elif c in "+-*/%(),=^":
            tokens.append(Token("OP", c, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r} at {i}")
    tokens.append(Token("EOF", None, len(src)))
    return tokens


FUNCS = {"sqrt": math.sqrt, "abs": abs, "max": max, "min": min, "floor": math.floor,
         "hypot": math.hypot}


class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.i = 0
        self.env = env

    def peek(self):
        return self.tokens[self.i]

    def next(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expect(self, value):
        tok = self.next()
        if tok.value != value:
            raise CalcError(f"expected {value!r} at {tok.pos}, got {tok.value!r}")
        return tok

    def statement(self):
        if (self.peek().kind == "NAME" and self.tokens[self.i + 1].value == "="):
            name = self.next().value
            self.next()
            value = self.expr()
            self.env[name] = value
        else:
            value = self.expr()
        if self.peek().kind != "EOF":
            raise CalcError(f"trailing input at {self.peek().pos}")
        return value

    def expr(self):
        value = self.term()
        while self.peek().value in ("+", "-"):
            op = self.next().value
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.unary()
        while self.peek().value in ("*", "/", "%"):
            op = self.next().value
            rhs = self.unary()
            if op == "*":
                value *= rhs
            elif op == "/":
                if rhs == 0:
                    raise CalcError("division by zero")
                value /= rhs
            else:
                value %= rhs
        return value

    def unary(self):
        if self.peek().value == "-":
            self.next()
            return -self.unary()
        if self.peek().value == "+":
            self.next()
            return +self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek().value in ("**", "^"):
            self.next()
            return base ** self.unary()
        return base

    def atom(self):
        tok = self.next()
        if tok.kind == "NUM":
            return tok.value
        if tok.kind == "NAME":
            if self.peek().value == "(":
                self.next()
                args = []
                if self.peek().value != ")":
                    args.append(self.expr())
                    while self.peek().value == ",":
                        self.next()
                        args.append(self.expr())
                self.expect(")")
                try:
                    fn = FUNCS[tok.value]
                except KeyError:
                    raise CalcError(f"unknown function {tok.value}") from None
                try:
                    return fn(*args)
                except (TypeError, ValueError) as e:
                    raise CalcError(f"{tok.value}: {e}") from e
            if tok.value in self.env:
                return self.env[tok.value]
            raise CalcError(f"undefined variable {tok.value!r}")
        if tok.value == "(":
            v = self.expr()
            self.expect(")")
            return v
        raise CalcError(f"unexpected {tok.value!r} at {tok.pos}")


def evaluate(src, env):
    return Parser(tokenize(src), env).statement()


env = {"pi": math.pi, "e": math.e}
lines = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ** 3 ** 2",
    "-2 ** 2",
    "2 ^ -1",
    "x = 10 / 4",
    "y = x * 2 + 1",
    "x + y",
    "17 % 5 + 7 % -3",
    "sqrt(16) + abs(-3.5)",
    "max(1, 7, 3) - min(4, 2)",
    "hypot(3, 4)",
    "floor(pi * 100) / 100",
    "r = 2",
    "pi * r ** 2",
    "1 / 0",
    "foo(1)",
    "sqrt(-1)",
    "max()",
    "3 +",
    "4 $ 4",
    "1.2.3",
    "(1 + 2",
    "z + 1",
    "2 3",
    ".5 + .25",
    "1000000 * 1000000",
]
for line in lines:
    try:
        result = evaluate(line, env)
    except CalcError as e:
        cause = e.__cause__
        extra = f" (caused by {type(cause).__name__})" if cause else ""
        print(f"{line:<28} !! {e}{extra}")
    else:
        if isinstance(result, float):
            print(f"{line:<28} = {result:.6g}  [{result!r}]")
        else:
            print(f"{line:<28} = {result}")
print(sorted((k, round(v, 4)) for k, v in env.items()))
print(tokenize("a=b**2")[:3])
