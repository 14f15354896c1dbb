# re: non-ASCII text -- positions in code points, classes, bytes patterns
import re

s = 'héllo wörld 東京 😀 end'
for m in re.finditer(r'\w+', s):
    print(m.span(), m.group(), m.start(), m.end())
print(re.search('😀', s).span(), re.search('end', s).span())
print(re.findall(r'[^\x00-\x7f]', s))
print(re.sub(r'ö', 'oe', s), re.subn(r'[éö]', '?', s))
print(re.split(r'\s', s))
print(re.search(r'(?<=東)京', s).span(), re.search(r'(?<=é)l+', s).span())
print(re.match(r'.{3}', '日本語テキスト').group(), re.match(r'.{3}', '日本語テキスト').span())
print(re.search(r'\w+$', 'абв где').group(), re.search(r'\bг\w', 'абв где').span())
print(re.findall(r'[а-я]+', 'Привет мир, hello'), re.findall(r'(?i)[а-я]+', 'Привет МИР'))
print(re.fullmatch(r'[\u4e00-\u9fff]+', '東京'), re.fullmatch(r'\U0001F600', '😀'))
print(re.compile(r'é').search('abcé', 2).span(), re.compile(r'é').search('éabcé', 1, 5).span())
print(re.compile(r'\w').findall('aé東', 1, 3))
print(re.escape('日本.語'), re.match(re.escape('日本.語'), '日本.語'))
print(re.match(r'(é+)(\w)', 'ééx').groups(), re.match(r'(é+)(\w)', 'ééx').span(2))
print(re.search(r'(.)\1', 'aβγγδ').span())
print(re.search(r'(?i)(Σ)\1', 'xσΣ'), re.search(r'(?i)σ', 'Σ'))
print([m.span() for m in re.finditer(r'', 'éa')])
print(re.sub(r'', '|', 'éñ'), re.split(r'(?<=ñ)', 'añb'))
print(re.sub(r'(\w)(\w)', r'\2\1', 'αβγδ'))
print(re.search(r'\s', 'a\u2028b').span(), re.findall(r'.', 'a\u2028b'))
print(re.findall(rb'\xe9', 'é'.encode()), re.findall(rb'.', 'é'.encode()))
print(re.search(r'\N', 'x') if False else 'skip')
t = 'x' * 5 + 'é' + 'y' * 5
print(re.search(r'y+', t).span(), re.search(r'é', t).span(), re.search(r'x+é?', t).span())
print(re.match(r'[^é]+', 'abcé').span(), re.match(r'[éa-c]+', 'abcéd').span())
