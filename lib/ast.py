"""ast -- abstract syntax trees, as CPython 3.11's module.

parse() runs refpy's own parser through the C module _ast, which hands
back the tree as nested tuples (class name, position, fields...) that
_from_c() turns into the node classes below (CPython's names, _fields and
_attributes), so dump(), walk(), NodeVisitor and friends work on any
program.

literal_eval() has a front end of its own in pure Python: a tokenizer
and a recursive-descent parser for expressions with every literal form
(strings with all prefixes and escapes, bytes, f-strings, numbers with
underscores, hex/octal/binary, floats, imaginary numbers).  It also serves
as parse() when _ast is missing (expressions and simple statements only).
"""
import re
import sys

__all__ = ['AST', 'parse', 'literal_eval', 'dump', 'walk', 'iter_fields',
           'iter_child_nodes', 'NodeVisitor', 'NodeTransformer', 'copy_location',
           'fix_missing_locations', 'increment_lineno', 'get_docstring', 'PyCF_ONLY_AST']

PyCF_ONLY_AST = 1024


# ---- node classes ---------------------------------------------------------------

class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        if len(args) > len(self._fields):
            raise TypeError("%s constructor takes at most %d positional argument%s"
                            % (type(self).__name__, len(self._fields),
                               "" if len(self._fields) == 1 else "s"))
        for name, value in zip(self._fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


_POS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')


def _node(name, fields, base=AST, attributes=_POS, optional=()):
    """Define node class `name` in this module; `optional` fields default
    to None on the class (so dump() leaves them out when unset)."""
    ns = {'_fields': tuple(fields.split()) if fields else (),
          '_attributes': attributes, '__module__': __name__}
    for opt in optional:
        ns[opt] = None
    cls = type(name, (base,), ns)
    globals()[name] = cls
    return cls


class mod(AST):
    _attributes = ()


class stmt(AST):
    _attributes = _POS


class expr(AST):
    _attributes = _POS


class expr_context(AST):
    pass


class boolop(AST):
    pass


class operator(AST):
    pass


class unaryop(AST):
    pass


class cmpop(AST):
    pass


_node('Module', 'body type_ignores', mod, ())
_node('Expression', 'body', mod, ())
_node('Interactive', 'body', mod, ())
_node('Expr', 'value', stmt)
_node('Assign', 'targets value type_comment', stmt, optional=('type_comment',))
_node('AugAssign', 'target op value', stmt)
_node('Pass', '', stmt)
for _n, _f, _o in (('BoolOp', 'op values', ()), ('NamedExpr', 'target value', ()),
                   ('BinOp', 'left op right', ()), ('UnaryOp', 'op operand', ()),
                   ('Lambda', 'args body', ()), ('IfExp', 'test body orelse', ()),
                   ('Dict', 'keys values', ()), ('Set', 'elts', ()),
                   ('ListComp', 'elt generators', ()), ('SetComp', 'elt generators', ()),
                   ('DictComp', 'key value generators', ()),
                   ('GeneratorExp', 'elt generators', ()), ('Await', 'value', ()),
                   ('Yield', 'value', ('value',)), ('YieldFrom', 'value', ()),
                   ('Compare', 'left ops comparators', ()), ('Call', 'func args keywords', ()),
                   ('FormattedValue', 'value conversion format_spec', ('format_spec',)),
                   ('JoinedStr', 'values', ()), ('Constant', 'value kind', ('kind',)),
                   ('Attribute', 'value attr ctx', ()), ('Subscript', 'value slice ctx', ()),
                   ('Starred', 'value ctx', ()), ('Name', 'id ctx', ()),
                   ('List', 'elts ctx', ()), ('Tuple', 'elts ctx', ()),
                   ('Slice', 'lower upper step', ('lower', 'upper', 'step'))):
    _node(_n, _f, expr, optional=_o)
for _n in ('Load', 'Store', 'Del'):
    _node(_n, '', expr_context, ())
for _n in ('And', 'Or'):
    _node(_n, '', boolop, ())
for _n in ('Add', 'Sub', 'Mult', 'MatMult', 'Div', 'Mod', 'Pow', 'LShift', 'RShift', 'BitOr',
           'BitXor', 'BitAnd', 'FloorDiv'):
    _node(_n, '', operator, ())
for _n in ('Invert', 'Not', 'UAdd', 'USub'):
    _node(_n, '', unaryop, ())
for _n in ('Eq', 'NotEq', 'Lt', 'LtE', 'Gt', 'GtE', 'Is', 'IsNot', 'In', 'NotIn'):
    _node(_n, '', cmpop, ())
for _n, _f, _o in (
        ('FunctionDef', 'name args body decorator_list returns type_comment',
         ('returns', 'type_comment')),
        ('AsyncFunctionDef', 'name args body decorator_list returns type_comment',
         ('returns', 'type_comment')),
        ('ClassDef', 'name bases keywords body decorator_list', ()),
        ('Return', 'value', ('value',)), ('Delete', 'targets', ()),
        ('AnnAssign', 'target annotation value simple', ('value',)),
        ('For', 'target iter body orelse type_comment', ('type_comment',)),
        ('AsyncFor', 'target iter body orelse type_comment', ('type_comment',)),
        ('While', 'test body orelse', ()), ('If', 'test body orelse', ()),
        ('With', 'items body type_comment', ('type_comment',)),
        ('AsyncWith', 'items body type_comment', ('type_comment',)),
        ('Match', 'subject cases', ()), ('Raise', 'exc cause', ('exc', 'cause')),
        ('Try', 'body handlers orelse finalbody', ()),
        ('TryStar', 'body handlers orelse finalbody', ()),
        ('Assert', 'test msg', ('msg',)), ('Import', 'names', ()),
        ('ImportFrom', 'module names level', ('module', 'level')),
        ('Global', 'names', ()), ('Nonlocal', 'names', ()), ('Break', '', ()),
        ('Continue', '', ())):
    _node(_n, _f, stmt, optional=_o)


class excepthandler(AST):
    _attributes = _POS


class pattern(AST):
    _attributes = _POS


class type_ignore(AST):
    pass


_node('ExceptHandler', 'type name body', excepthandler, optional=('type', 'name'))
for _n, _f, _o in (('MatchValue', 'value', ()), ('MatchSingleton', 'value', ()),
                   ('MatchSequence', 'patterns', ()),
                   ('MatchMapping', 'keys patterns rest', ('rest',)),
                   ('MatchClass', 'cls patterns kwd_attrs kwd_patterns', ()),
                   ('MatchStar', 'name', ('name',)), ('MatchAs', 'pattern name', ('pattern', 'name')),
                   ('MatchOr', 'patterns', ())):
    _node(_n, _f, pattern, optional=_o)
_node('TypeIgnore', 'lineno tag', type_ignore, ())
_node('alias', 'name asname', AST, _POS, ('asname',))
_node('withitem', 'context_expr optional_vars', AST, (), ('optional_vars',))
_node('match_case', 'pattern guard body', AST, (), ('guard',))
_node('comprehension', 'target iter ifs is_async', AST, ())
_node('keyword', 'arg value', AST, _POS, ('arg',))
_node('arguments', 'posonlyargs args vararg kwonlyargs kw_defaults kwarg defaults', AST, (),
      ('vararg', 'kwarg'))
_node('arg', 'arg annotation type_comment', AST, _POS, ('annotation', 'type_comment'))
del _n, _f, _o


# ---- tokenizer -------------------------------------------------------------------------

_NUMBER = re.compile(r"""
      0[xX](?:_?[0-9a-fA-F])+ | 0[oO](?:_?[0-7])+ | 0[bB](?:_?[01])+ |
      (?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)
      (?:[eE][-+]?[0-9](?:_?[0-9])*)?[jJ]?""", re.VERBOSE)
# A number may touch a keyword ("1if x else y") but no other name.
_AFTER_NUMBER = re.compile(r"(?!(?:and|else|for|if|in|is|not|or)\b)\w")
_NAME = re.compile(r"[^\W\d]\w*")
_PREFIX = re.compile(r"([rRbBuUfF]{0,2})('''|\"\"\"|'|\")")
_OPS = ('**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '<<', '>>', '<=', '>=',
        '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
        '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']',
        '{', '}', ',', ':', '.', ';', '=')
_KEYWORDS = {'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
             'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
             'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
             'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'}


class _Tok:
    __slots__ = ('kind', 'text', 'line', 'col', 'end_line', 'end_col', 'value')

    def __init__(self, kind, text, line, col, end_line, end_col, value=None):
        self.kind, self.text, self.value = kind, text, value
        self.line, self.col, self.end_line, self.end_col = line, col, end_line, end_col


def _syntax_error(msg, line=1, col=0, text=None):
    err = SyntaxError(msg, ('<unknown>', line, col + 1, text))
    return err


class _Tokenizer:
    """Source text -> tokens with 1-based lines and 0-based columns.
    Newlines inside brackets (or after a backslash) join lines."""

    def __init__(self, source):
        self.src = source
        self.pos = 0
        self.line = 1
        self.line_start = 0
        self.depth = 0
        self.tokens = []

    def col(self, pos=None):
        return (self.pos if pos is None else pos) - self.line_start

    def add(self, kind, text, start, start_line, start_col, value=None):
        self.tokens.append(_Tok(kind, text, start_line, start_col, self.line,
                                self.col(), value))

    def run(self):
        src = self.src
        while self.pos < len(src):
            c = src[self.pos]
            if c in ' \t\f':
                self.pos += 1
            elif c == '\\' and src[self.pos + 1:self.pos + 2] == '\n':
                self.newline(self.pos + 2)
            elif c == '#':
                end = src.find('\n', self.pos)
                self.pos = len(src) if end < 0 else end
            elif c == '\n' or c == '\r':
                if self.depth == 0 and self.tokens and self.tokens[-1].kind != 'NEWLINE':
                    self.add('NEWLINE', '\n', self.pos, self.line, self.col())
                step = 2 if src[self.pos:self.pos + 2] == '\r\n' else 1
                self.newline(self.pos + step)
            else:
                self.token()
        if self.tokens and self.tokens[-1].kind != 'NEWLINE':
            self.add('NEWLINE', '', self.pos, self.line, self.col())
        self.add('END', '', self.pos, self.line, self.col())
        return self.tokens

    def newline(self, pos):
        self.pos = pos
        self.line += 1
        self.line_start = pos

    def token(self):
        src, start = self.src, self.pos
        line, col = self.line, self.col()
        m = _PREFIX.match(src, start)
        if m and (not m.group(1) or self._valid_prefix(m.group(1))):
            self.string(m, line, col)
            return
        c = src[start]
        if c.isdigit() or (c == '.' and src[start + 1:start + 2].isdigit()):
            m = _NUMBER.match(src, start)
            if _AFTER_NUMBER.match(src, m.end()):
                kind = {'x': 'hexadecimal', 'o': 'octal', 'b': 'binary'}.get(
                    src[start + 1:start + 2].lower() if c == '0' else '', 'decimal')
                raise _syntax_error("invalid %s literal" % kind, line, col)
            self.pos = m.end()
            self.add('NUMBER', m.group(), start, line, col, _number(m.group(), line, col))
            return
        m = _NAME.match(src, start)
        if m:
            self.pos = m.end()
            self.add('NAME', m.group(), start, line, col)
            return
        for op in _OPS:
            if src.startswith(op, start):
                self.pos += len(op)
                if op in '([{':
                    self.depth += 1
                elif op in ')]}':
                    self.depth -= 1
                self.add('OP', op, start, line, col)
                return
        raise _syntax_error("invalid character '%s' (U+%04X)" % (c, ord(c)), line, col)

    @staticmethod
    def _valid_prefix(p):
        p = p.lower()
        return p in ('r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf')

    def string(self, m, line, col):
        prefix, quote = m.group(1), m.group(2)
        body_start = m.end()
        src = self.src
        i = body_start
        while True:
            if i >= len(src) or (len(quote) == 1 and src[i] == '\n'):
                what = ("unterminated triple-quoted string literal" if len(quote) == 3
                        else "unterminated string literal")
                raise _syntax_error("%s (detected at line %d)" % (what, self.line), line, col)
            if src[i] == '\\':
                i += 2
                continue
            if src.startswith(quote, i):
                break
            i += 1
        body = src[body_start:i]
        self.pos = i + len(quote)
        nl = body.count('\n')
        if nl:
            self.line += nl
            self.line_start = body_start + body.rfind('\n') + 1
        self.add('STRING', src[m.start():self.pos], m.start(), line, col,
                 (prefix.lower(), body))


def _number(text, line, col):
    t = text.replace('_', '')
    if t[-1] in 'jJ':
        return complex(0.0, float(t[:-1]))
    if t[:2].lower() in ('0x', '0o', '0b'):
        return int(t, 0)
    if '.' in t or 'e' in t or 'E' in t:
        return float(t)
    if len(t) > 1 and t[0] == '0' and t.strip('0'):
        raise _syntax_error("leading zeros in decimal integer literals are not permitted; "
                            "use an 0o prefix for octal integers", line, col)
    return int(t)


# ---- string literal bodies ----------------------------------------------------------------

_SIMPLE_ESCAPES = {'\n': '', '\\': '\\', "'": "'", '"': '"', 'a': '\a', 'b': '\b',
                   'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v'}


def _decode_escapes(body, is_bytes, line, col):
    """The value of a non-raw literal body (str, or bytes given as str)."""
    out = []
    i = 0
    n = len(body)
    kind = 'bytes' if is_bytes else 'unicode'
    while i < n:
        c = body[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        e = body[i + 1:i + 2]
        i += 2
        if e in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[e])
        elif e in '01234567' and e:
            j = i
            while j < n and j < i + 2 and body[j] in '01234567':
                j += 1
            out.append(chr(int(body[i - 1:j], 8)))
            i = j
        elif e == 'x':
            digits = body[i:i + 2]
            if len(digits) < 2 or any(d not in '0123456789abcdefABCDEF' for d in digits):
                raise _syntax_error("(%s error) '%sescape' codec can't decode bytes in "
                                    "position %d-%d: truncated \\xXX escape"
                                    % (kind, kind, len(''.join(out)), len(''.join(out)) + 1),
                                    line, col)
            out.append(chr(int(digits, 16)))
            i += 2
        elif e in ('u', 'U') and not is_bytes:
            size = 4 if e == 'u' else 8
            digits = body[i:i + size]
            if len(digits) < size or any(d not in '0123456789abcdefABCDEF' for d in digits):
                raise _syntax_error("(unicode error) 'unicodeescape' codec can't decode bytes "
                                    "in position %d-%d: truncated \\%sXXXX%s escape"
                                    % (len(''.join(out)), len(''.join(out)) + 1 + len(digits),
                                       e, 'XXXX' if size == 8 else ''), line, col)
            code = int(digits, 16)
            if code > 0x10FFFF:
                raise _syntax_error("(unicode error) 'unicodeescape' codec can't decode bytes "
                                    "in position %d-%d: illegal Unicode character"
                                    % (len(''.join(out)), len(''.join(out)) + 9), line, col)
            out.append(chr(code))
            i += size
        elif e == 'N' and not is_bytes and body[i:i + 1] == '{':
            end = body.find('}', i)
            import unicodedata
            try:
                out.append(unicodedata.lookup(body[i + 1:end]))
            except (KeyError, ValueError):
                raise _syntax_error("(unicode error) 'unicodeescape' codec can't decode bytes "
                                    "in position %d-%d: unknown Unicode character name"
                                    % (len(''.join(out)), len(''.join(out)) + end - i + 2),
                                    line, col) from None
            i = end + 1
        else:
            out.append('\\' + e)     # unknown escapes stay as they are
    return ''.join(out)


def _string_value(tok):
    prefix, body = tok.value
    raw = 'r' in prefix
    if 'b' in prefix:
        if any(ord(ch) > 127 for ch in body):
            raise _syntax_error("bytes can only contain ASCII literal characters",
                                tok.line, tok.col)
        text = body if raw else _decode_escapes(body, True, tok.line, tok.col)
        return bytes(text, 'latin-1')
    return body if raw else _decode_escapes(body, False, tok.line, tok.col)


# ---- parser ------------------------------------------------------------------------------

_CMP = {'==': Eq, '!=': NotEq, '<': Lt, '<=': LtE, '>': Gt, '>=': GtE}
_BIN_LEVELS = ((('|', BitOr),), (('^', BitXor),), (('&', BitAnd),),
               (('<<', LShift), ('>>', RShift)), (('+', Add), ('-', Sub)),
               (('*', Mult), ('/', Div), ('//', FloorDiv), ('%', Mod), ('@', MatMult)))
_AUG = {'+=': Add, '-=': Sub, '*=': Mult, '/=': Div, '//=': FloorDiv, '%=': Mod, '@=': MatMult,
        '&=': BitAnd, '|=': BitOr, '^=': BitXor, '>>=': RShift, '<<=': LShift, '**=': Pow}


class _Parser:
    def __init__(self, source):
        self.lines = source.splitlines()
        self.toks = _Tokenizer(source).run()
        self.i = 0

    # -- token helpers ---------------------------------------------------------
    @property
    def tok(self):
        return self.toks[self.i]

    def at(self, text, kind=None):
        t = self.toks[self.i]
        return t.text == text and t.kind in ((kind,) if kind else ('OP', 'NAME'))

    def take(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, text):
        if not self.at(text):
            self.error()
        return self.take()

    def error(self, msg="invalid syntax", tok=None):
        t = tok or self.tok
        text = self.lines[t.line - 1] if 0 < t.line <= len(self.lines) else None
        if t.kind == 'END' and self.i and msg == "invalid syntax":
            msg = "invalid syntax"
        raise _syntax_error(msg, t.line, t.col, text)

    def locate(self, node, start, end=None):
        end = end or self.toks[self.i - 1]
        node.lineno, node.col_offset = start.line, start.col
        node.end_lineno, node.end_col_offset = end.end_line, end.end_col
        return node

    # -- statements ----------------------------------------------------------------
    def module(self):
        body = []
        while self.tok.kind != 'END':
            if self.tok.kind == 'NEWLINE':
                self.take()
                continue
            body.append(self.statement())
            while self.at(';'):
                self.take()
                if self.tok.kind not in ('NEWLINE', 'END'):
                    body.append(self.statement())
            if self.tok.kind not in ('NEWLINE', 'END'):
                self.error()
        return Module(body=body, type_ignores=[])

    def statement(self):
        start = self.tok
        if self.at('pass', 'NAME'):
            self.take()
            return self.locate(Pass(), start)
        if self.tok.kind == 'NAME' and self.tok.text in _KEYWORDS - {
                'False', 'None', 'True', 'not', 'lambda', 'await', 'yield'}:
            raise NotImplementedError("refpy's ast.parse handles expressions and simple "
                                      "assignments only, not %r statements" % self.tok.text)
        value = self.star_expressions()
        if self.tok.kind == 'OP' and self.tok.text in _AUG:
            op = _AUG[self.take().text]()
            _set_ctx(value, Store)
            rhs = self.star_expressions()
            return self.locate(AugAssign(target=value, op=op, value=rhs), start)
        if self.at('='):
            targets = [value]
            while self.at('='):
                self.take()
                targets.append(self.star_expressions())
            value = targets.pop()
            for t in targets:
                _set_ctx(t, Store)
            return self.locate(Assign(targets=targets, value=value), start)
        return self.locate(Expr(value=value), start)

    def eval_input(self):
        while self.tok.kind == 'NEWLINE':
            self.take()
        body = self.star_expressions()
        while self.tok.kind == 'NEWLINE':
            self.take()
        if self.tok.kind != 'END':
            self.error()
        return Expression(body=body)

    # -- expressions -----------------------------------------------------------------
    def star_expressions(self):
        start = self.tok
        first = self.star_expression()
        if not self.at(','):
            return first
        elts = [first]
        while self.at(','):
            self.take()
            if self._ends_expression():
                break
            elts.append(self.star_expression())
        return self.locate(Tuple(elts=elts, ctx=Load()), start)

    def _ends_expression(self):
        t = self.tok
        return t.kind in ('NEWLINE', 'END') or (t.kind == 'OP' and t.text in ')]}=;:')

    def star_expression(self):
        if self.at('*'):
            start = self.take()
            value = self.bitor()
            return self.locate(Starred(value=value, ctx=Load()), start)
        return self.named_expression()

    def named_expression(self):
        start = self.tok
        value = self.expression()
        if self.at(':=') and isinstance(value, Name):
            self.take()
            _set_ctx(value, Store)
            return self.locate(NamedExpr(target=value, value=self.expression()), start)
        return value

    def expression(self):
        start = self.tok
        if self.at('lambda', 'NAME'):
            raise NotImplementedError("refpy's ast.parse does not handle lambda")
        body = self.disjunction()
        if self.at('if', 'NAME'):
            self.take()
            test = self.disjunction()
            self.expect('else')
            orelse = self.expression()
            return self.locate(IfExp(test=test, body=body, orelse=orelse), start)
        return body

    def _boolop(self, word, op, sub):
        start = self.tok
        first = sub()
        if not self.at(word, 'NAME'):
            return first
        values = [first]
        while self.at(word, 'NAME'):
            self.take()
            values.append(sub())
        return self.locate(BoolOp(op=op(), values=values), start)

    def disjunction(self):
        return self._boolop('or', Or, self.conjunction)

    def conjunction(self):
        return self._boolop('and', And, self.inversion)

    def inversion(self):
        if self.at('not', 'NAME'):
            start = self.take()
            return self.locate(UnaryOp(op=Not(), operand=self.inversion()), start)
        return self.comparison()

    def _cmp_op(self):
        t = self.tok
        if t.kind == 'OP' and t.text in _CMP:
            self.take()
            return _CMP[t.text]()
        if self.at('in', 'NAME'):
            self.take()
            return In()
        if self.at('not', 'NAME') and self.toks[self.i + 1].text == 'in':
            self.i += 2
            return NotIn()
        if self.at('is', 'NAME'):
            self.take()
            if self.at('not', 'NAME'):
                self.take()
                return IsNot()
            return Is()
        return None

    def comparison(self):
        start = self.tok
        left = self.bitor()
        ops, comparators = [], []
        while True:
            op = self._cmp_op()
            if op is None:
                break
            ops.append(op)
            comparators.append(self.bitor())
        if not ops:
            return left
        return self.locate(Compare(left=left, ops=ops, comparators=comparators), start)

    def bitor(self, level=0):
        if level == len(_BIN_LEVELS):
            return self.factor()
        start = self.tok
        left = self.bitor(level + 1)
        while True:
            t = self.tok
            ops = dict(_BIN_LEVELS[level])
            if t.kind != 'OP' or t.text not in ops:
                return left
            self.take()
            right = self.bitor(level + 1)
            left = self.locate(BinOp(left=left, op=ops[t.text](), right=right), start)

    def factor(self):
        t = self.tok
        if t.kind == 'OP' and t.text in ('+', '-', '~'):
            self.take()
            op = {'+': UAdd, '-': USub, '~': Invert}[t.text]()
            return self.locate(UnaryOp(op=op, operand=self.factor()), t)
        return self.power()

    def power(self):
        start = self.tok
        if self.at('await', 'NAME'):
            self.take()
            return self.locate(Await(value=self.primary()), start)
        base = self.primary()
        if self.at('**'):
            self.take()
            return self.locate(BinOp(left=base, op=Pow(), right=self.factor()), start)
        return base

    def primary(self):
        start = self.tok
        node = self.atom()
        while True:
            if self.at('.'):
                self.take()
                name = self.take()
                if name.kind != 'NAME':
                    self.error(tok=name)
                node = self.locate(Attribute(value=node, attr=name.text, ctx=Load()), start)
            elif self.at('('):
                self.take()
                args, keywords = self.call_args()
                node = self.locate(Call(func=node, args=args, keywords=keywords), start)
            elif self.at('['):
                self.take()
                index = self.slices()
                self.expect(']')
                node = self.locate(Subscript(value=node, slice=index, ctx=Load()), start)
            else:
                return node

    def call_args(self):
        args, keywords = [], []
        while not self.at(')'):
            start = self.tok
            if self.at('**'):
                self.take()
                keywords.append(self.locate(keyword(value=self.expression()), start))
            elif self.tok.kind == 'NAME' and self.toks[self.i + 1].text == '=' and \
                    self.toks[self.i + 1].kind == 'OP':
                name = self.take().text
                self.take()
                keywords.append(self.locate(keyword(arg=name, value=self.expression()), start))
            else:
                args.append(self.star_expression())
                if self.at('for', 'NAME'):
                    raise NotImplementedError("refpy's ast.parse does not handle "
                                              "comprehensions")
            if not self.at(','):
                break
            self.take()
        self.expect(')')
        return args, keywords

    def slices(self):
        start = self.tok
        first = self.slice()
        if not self.at(','):
            return first
        elts = [first]
        while self.at(','):
            self.take()
            if self.at(']'):
                break
            elts.append(self.slice())
        return self.locate(Tuple(elts=elts, ctx=Load()), start)

    def slice(self):
        start = self.tok
        lower = None if self.at(':') else self.named_expression()
        if not self.at(':'):
            return lower
        self.take()
        upper = None if self.at(':') or self.at(']') or self.at(',') else self.expression()
        step = None
        if self.at(':'):
            self.take()
            if not (self.at(']') or self.at(',')):
                step = self.expression()
        return self.locate(Slice(lower=lower, upper=upper, step=step), start)

    def atom(self):
        t = self.tok
        if t.kind == 'NUMBER':
            self.take()
            return self.locate(Constant(value=t.value), t)
        if t.kind == 'STRING':
            return self.strings()
        if t.kind == 'NAME':
            if t.text in ('True', 'False', 'None'):
                self.take()
                value = {'True': True, 'False': False, 'None': None}[t.text]
                return self.locate(Constant(value=value), t)
            if t.text in _KEYWORDS:
                self.error()
            self.take()
            return self.locate(Name(id=t.text, ctx=Load()), t)
        if t.kind == 'OP':
            if t.text == '(':
                return self.paren()
            if t.text == '[':
                return self.brackets()
            if t.text == '{':
                return self.braces()
            if t.text == '...':
                self.take()
                return self.locate(Constant(value=...), t)
        self.error()

    def _elements(self, close):
        elts = []
        while not self.at(close):
            elts.append(self.star_expression())
            if self.at('for', 'NAME') or self.at('async', 'NAME'):
                raise NotImplementedError("refpy's ast.parse does not handle comprehensions")
            if not self.at(','):
                break
            self.take()
        self.expect(close)
        return elts

    def paren(self):
        start = self.take()
        if self.at(')'):
            self.take()
            return self.locate(Tuple(elts=[], ctx=Load()), start)
        if self.at('yield', 'NAME'):
            raise NotImplementedError("refpy's ast.parse does not handle yield")
        first = self.star_expression()
        if self.at(')') and not isinstance(first, Starred):
            self.take()
            return first
        if self.at('for', 'NAME'):
            raise NotImplementedError("refpy's ast.parse does not handle generator expressions")
        elts = [first]
        if self.at(','):
            self.take()
            elts += self._elements(')')
        else:
            self.expect(')')
        return self.locate(Tuple(elts=elts, ctx=Load()), start)

    def brackets(self):
        start = self.take()
        return self.locate(List(elts=self._elements(']'), ctx=Load()), start)

    def braces(self):
        start = self.take()
        if self.at('}'):
            self.take()
            return self.locate(Dict(keys=[], values=[]), start)
        keys, values = [], []
        if self.at('**'):
            is_dict = True
        else:
            first = self.star_expression()
            is_dict = self.at(':')
        if not is_dict:
            if self.at('for', 'NAME'):
                raise NotImplementedError("refpy's ast.parse does not handle comprehensions")
            elts = [first]
            if self.at(','):
                self.take()
                elts += self._elements('}')
            else:
                self.expect('}')
            return self.locate(Set(elts=elts), start)
        while True:
            if self.at('**'):
                self.take()
                keys.append(None)
                values.append(self.bitor())
            else:
                if keys or values:
                    first = self.expression()
                self.expect(':')
                keys.append(first)
                values.append(self.expression())
                if self.at('for', 'NAME'):
                    raise NotImplementedError("refpy's ast.parse does not handle "
                                              "comprehensions")
            if not self.at(','):
                break
            self.take()
            if self.at('}'):
                break
        self.expect('}')
        return self.locate(Dict(keys=keys, values=values), start)

    def strings(self):
        """Adjacent literals concatenate; any f-string makes a JoinedStr."""
        start = self.tok
        parts = []
        while self.tok.kind == 'STRING':
            parts.append(self.take())
        kinds = {'b' in p.value[0] for p in parts}
        if len(kinds) > 1:
            self.error("cannot mix bytes and nonbytes literals", start)
        if not any('f' in p.value[0] for p in parts):
            value = _string_value(parts[0])
            for p in parts[1:]:
                value += _string_value(p)
            kind = 'u' if parts[0].value[0] == 'u' else None
            return self.locate(Constant(value=value, kind=kind), start)
        values = []
        for p in parts:
            if 'f' in p.value[0]:
                values.extend(_fstring_values(p, self))
            else:
                values.append(Constant(value=_string_value(p)))
        merged = []
        for v in values:
            if merged and isinstance(v, Constant) and isinstance(merged[-1], Constant):
                merged[-1] = Constant(value=merged[-1].value + v.value)
            else:
                merged.append(v)
        for v in merged:
            if isinstance(v, Constant):
                self.locate(v, start)
        return self.locate(JoinedStr(values=[v for v in merged if not
                                             (isinstance(v, Constant) and v.value == '')]),
                           start)


def _fstring_values(tok, parser):
    """The pieces of one f-string: Constants and FormattedValues."""
    prefix, body = tok.value
    raw = 'r' in prefix
    out = []
    text = []
    i = 0
    while i < len(body):
        c = body[i]
        if c in '{}' and body[i + 1:i + 2] == c:
            text.append(c)
            i += 2
            continue
        if c == '}':
            parser.error("f-string: single '}' is not allowed", tok)
        if c != '{':
            text.append(c)
            i += 1
            continue
        if text:
            s = ''.join(text)
            out.append(Constant(value=s if raw else _decode_escapes(s, False, tok.line, tok.col)))
            text = []
        i, node = _fstring_field(body, i + 1, tok, parser)
        out.append(node)
    if text:
        s = ''.join(text)
        out.append(Constant(value=s if raw else _decode_escapes(s, False, tok.line, tok.col)))
    return out


def _fstring_field(body, i, tok, parser):
    """Parse '{expr!c:spec}' starting after '{'; returns (end, node)."""
    depth = 0
    j = i
    quote = None
    while j < len(body):
        c = body[j]
        if quote:
            if c == quote:
                quote = None
        elif c in '\'"':
            quote = c
        elif c in '([{':
            depth += 1
        elif c in ')]}' and depth:
            depth -= 1
        elif depth == 0 and (c in '}:' or (c == '!' and body[j + 1:j + 2] != '=')):
            break
        j += 1
    expr_text = body[i:j]
    if not expr_text.strip():
        parser.error("f-string: empty expression not allowed", tok)
    value = _Parser('(' + expr_text + ')').eval_input().body
    conversion = -1
    spec = None
    if body[j:j + 1] == '!':
        conversion = ord(body[j + 1])
        j += 2
    if body[j:j + 1] == ':':
        k = j + 1
        depth = 0
        while k < len(body) and (body[k] != '}' or depth):
            depth += {'{': 1, '}': -1}.get(body[k], 0)
            k += 1
        inner = _Tok('STRING', '', tok.line, tok.col, tok.end_line, tok.end_col,
                     ('f', body[j + 1:k]))
        spec = JoinedStr(values=_fstring_values(inner, parser))
        j = k
    if body[j:j + 1] != '}':
        parser.error("f-string: expecting '}'", tok)
    return j + 1, FormattedValue(value=value, conversion=conversion, format_spec=spec)


def _set_ctx(node, ctx):
    if isinstance(node, (Name, Attribute, Subscript, Starred)):
        node.ctx = ctx()
        if isinstance(node, Starred):
            _set_ctx(node.value, ctx)
    elif isinstance(node, (Tuple, List)):
        node.ctx = ctx()
        for e in node.elts:
            _set_ctx(e, ctx)
    else:
        raise SyntaxError("cannot assign to %s" % type(node).__name__)


# ---- trees from refpy's own parser (the C module _ast) ---------------------------

try:
    import _ast as _c_ast
except ImportError:
    _c_ast = None

# Fields that hold plain values (names, numbers, constants), not nodes.
_PLAIN_FIELDS = {
    'Constant': ('value', 'kind'), 'Name': ('id',), 'Attribute': ('attr',),
    'FormattedValue': ('conversion',), 'ImportFrom': ('module', 'level'),
    'alias': ('name', 'asname'), 'arg': ('arg', 'type_comment'), 'keyword': ('arg',),
    'FunctionDef': ('name', 'type_comment'), 'AsyncFunctionDef': ('name', 'type_comment'),
    'ClassDef': ('name',), 'Global': ('names',), 'Nonlocal': ('names',),
    'ExceptHandler': ('name',), 'comprehension': ('is_async',), 'AnnAssign': ('simple',),
    'MatchSingleton': ('value',), 'MatchMapping': ('rest',), 'MatchClass': ('kwd_attrs',),
    'MatchStar': ('name',), 'MatchAs': ('name',), 'Assign': ('type_comment',),
    'For': ('type_comment',), 'AsyncFor': ('type_comment',), 'With': ('type_comment',),
    'AsyncWith': ('type_comment',), 'Module': ('type_ignores',)}


def _from_c(t):
    """A node from _ast's (class name, position, fields...) tuples."""
    cls = globals()[t[0]]
    node = cls()
    plain = _PLAIN_FIELDS.get(t[0], ())
    for name, value in zip(cls._fields, t[2:]):
        if name not in plain:
            if isinstance(value, list):
                value = [None if v is None else _from_c(v) for v in value]
            elif value is not None:
                value = _from_c(value)
        setattr(node, name, value)
    if t[1] is not None:
        node.lineno, node.col_offset, node.end_lineno, node.end_col_offset = t[1]
    return node


# ---- public functions ---------------------------------------------------------------------

def parse(source, filename='<unknown>', mode='exec', *, type_comments=False,
          feature_version=None):
    """Parse source into an AST node (mode 'eval': Expression, 'exec':
    Module)."""
    if isinstance(source, bytes):
        source = source.decode('utf-8')
    if not isinstance(source, str):
        raise TypeError("expected str or bytes")
    if mode not in ('exec', 'eval', 'single'):
        raise ValueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
    if _c_ast is not None:
        return _from_c(_c_ast.parse(source, filename, mode))
    p = _Parser(source)
    if mode == 'eval':
        return p.eval_input()
    if mode in ('exec', 'single'):
        m = p.module()
        return Interactive(body=m.body) if mode == 'single' else m
    raise ValueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")


def literal_eval(node_or_string):
    """Evaluate a node or string holding only a Python literal: strings,
    bytes, numbers, tuples, lists, dicts, sets, booleans, None (and
    complex sums such as 1+2j)."""
    if isinstance(node_or_string, str):
        # The pure-Python front end reads every literal; what it does not
        # know (comprehensions, lambda) goes to the full parser.
        source = node_or_string.lstrip(" \t")
        try:
            node_or_string = _Parser(source).eval_input()
        except NotImplementedError:
            if _c_ast is None:
                raise
            node_or_string = parse(source, mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def _raise_malformed_node(node):
        msg = "malformed node or string"
        lno = getattr(node, 'lineno', None)
        if lno:
            msg += f' on line {lno}'
        raise ValueError(msg + f': {node!r}')

    def _convert_num(node):
        if not isinstance(node, Constant) or type(node.value) not in (int, float, complex):
            _raise_malformed_node(node)
        return node.value

    def _convert_signed_num(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            operand = _convert_num(node.operand)
            return +operand if isinstance(node.op, UAdd) else -operand
        return _convert_num(node)

    def _convert(node):
        if isinstance(node, Constant):
            return node.value
        if isinstance(node, Tuple):
            return tuple(map(_convert, node.elts))
        if isinstance(node, List):
            return list(map(_convert, node.elts))
        if isinstance(node, Set):
            return set(map(_convert, node.elts))
        if (isinstance(node, Call) and isinstance(node.func, Name) and
                node.func.id == 'set' and node.args == node.keywords == []):
            return set()
        if isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                _raise_malformed_node(node)
            return dict(zip(map(_convert, node.keys), map(_convert, node.values)))
        if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            # Only real +/- imaginary: the way complex literals are written.
            left = _convert_signed_num(node.left)
            right = _convert_num(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(node.op, Add) else left - right
        return _convert_signed_num(node)
    return _convert(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """A string of the tree, as CPython's ast.dump: fields by name,
    optional fields left out while unset, attributes on request."""
    def _format(node, level=0):
        if indent is not None:
            level += 1
            prefix = '\n' + indent * level
            sep = ',\n' + indent * level
        else:
            prefix = ''
            sep = ', '
        if isinstance(node, AST):
            cls = type(node)
            args = []
            allsimple = True
            keywords = annotate_fields
            for name in node._fields:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    keywords = True
                    continue
                if value is None and getattr(cls, name, ...) is None:
                    keywords = True
                    continue
                value, simple = _format(value, level)
                allsimple = allsimple and simple
                args.append('%s=%s' % (name, value) if keywords else value)
            if include_attributes and node._attributes:
                for name in node._attributes:
                    try:
                        value = getattr(node, name)
                    except AttributeError:
                        continue
                    if value is None and getattr(cls, name, ...) is None:
                        continue
                    value, simple = _format(value, level)
                    allsimple = allsimple and simple
                    args.append('%s=%s' % (name, value))
            if allsimple and len(args) <= 3:
                return '%s(%s)' % (node.__class__.__name__, ', '.join(args)), not args
            return '%s(%s%s)' % (node.__class__.__name__, prefix, sep.join(args)), False
        elif isinstance(node, list):
            if not node:
                return '[]', True
            return '[%s%s]' % (prefix, sep.join(_format(x, level)[0] for x in node)), False
        return repr(node), True

    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    return _format(node)[0]


def iter_fields(node):
    """(name, value) for each field present on node."""
    for field in node._fields:
        try:
            yield field, getattr(node, field)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """The direct child nodes of node."""
    for name, field in iter_fields(node):
        if isinstance(field, AST):
            yield field
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, AST):
                    yield item


def walk(node):
    """Every node of the tree, breadth first, node itself first."""
    from collections import deque
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


def copy_location(new_node, old_node):
    for attr in 'lineno', 'col_offset', 'end_lineno', 'end_col_offset':
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            if value is not None or (hasattr(old_node, attr) and attr.startswith("end_")):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    def _fix(node, lineno, col_offset, end_lineno, end_col_offset):
        if 'lineno' in node._attributes:
            if not hasattr(node, 'lineno'):
                node.lineno = lineno
            else:
                lineno = node.lineno
        if 'end_lineno' in node._attributes:
            if getattr(node, 'end_lineno', None) is None:
                node.end_lineno = end_lineno
            else:
                end_lineno = node.end_lineno
        if 'col_offset' in node._attributes:
            if not hasattr(node, 'col_offset'):
                node.col_offset = col_offset
            else:
                col_offset = node.col_offset
        if 'end_col_offset' in node._attributes:
            if getattr(node, 'end_col_offset', None) is None:
                node.end_col_offset = end_col_offset
            else:
                end_col_offset = node.end_col_offset
        for child in iter_child_nodes(node):
            _fix(child, lineno, col_offset, end_lineno, end_col_offset)
    _fix(node, 1, 0, 1, 0)
    return node


def increment_lineno(node, n=1):
    for child in walk(node):
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if "end_lineno" in child._attributes and getattr(child, "end_lineno", 0) is not None:
            child.end_lineno = getattr(child, "end_lineno", 0) + n
    return node


def get_docstring(node, clean=True):
    if not isinstance(node, Module):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    node = node.body[0].value
    if isinstance(node, Constant) and isinstance(node.value, str):
        text = node.value
    else:
        return None
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


class NodeVisitor(object):
    """Walks the tree calling visit_<ClassName>(node), else generic_visit."""

    def visit(self, node):
        method = 'visit_' + node.__class__.__name__
        visitor = getattr(self, method, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        for field, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit_ methods return replacement nodes (None
    removes one, a list splices several in)."""

    def generic_visit(self, node):
        for field, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for value in old_value:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        elif not isinstance(value, AST):
                            new_values.extend(value)
                            continue
                    new_values.append(value)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, field)
                else:
                    setattr(node, field, new_node)
        return node
