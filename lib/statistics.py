"""statistics -- basic statistics (refpy).

CPython computes with exact fractions; refpy's ints are 64-bit for now, so
int data is handled exactly with integers and float data with math.fsum
(correctly rounded sums).  Results agree with CPython for ordinary data."""
import math
from collections import Counter

__all__ = ['NormalDist', 'StatisticsError', 'correlation', 'covariance',
           'fmean', 'geometric_mean', 'harmonic_mean', 'linear_regression',
           'mean', 'median', 'median_grouped', 'median_high', 'median_low',
           'mode', 'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev',
           'variance']


class StatisticsError(ValueError):
    pass


def _all_int(data):
    for x in data:
        if type(x) is not int and type(x) is not bool:
            return False
    return True


def _div(num, den, ints):
    """num/den, as an int when int data divides evenly (like CPython)."""
    if ints and num % den == 0:
        return num // den
    return num / den


def _two_product(a, b):
    """a*b as hi+lo exactly (Dekker), for finite normal floats."""
    hi = a * b
    split = 134217729.0
    t = split * a
    ahi = t - (t - a)
    alo = a - ahi
    t = split * b
    bhi = t - (t - b)
    blo = b - bhi
    lo = ((ahi * bhi - hi) + ahi * blo + alo * bhi) + alo * blo
    return hi, lo


def _exact_mean(values, n):
    """sum(values)/n rounded once, as CPython's exact-fraction mean does."""
    s = math.fsum(values)
    m = s / n
    if not math.isfinite(m):
        return m
    hi, lo = _two_product(m, float(n))
    rem = math.fsum(values + [-hi, -lo])
    return m + rem / n


def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if _all_int(data):
        return _div(sum(data), n, True)
    if all(isinstance(x, (int, float)) for x in data):
        return _exact_mean([float(x) for x in data], n)
    return sum(data) / n


def fmean(data, weights=None):
    if weights is None:
        data = list(data)
        n = len(data)
        if n == 0:
            raise StatisticsError('fmean requires at least one data point')
        return math.fsum(data) / n
    data = list(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError('data and weights must be the same length')
    total = math.fsum(weights)
    if not total:
        raise StatisticsError('sum of weights must be non-zero')
    return math.fsum(x * w for x, w in zip(data, weights)) / total


def geometric_mean(data):
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def harmonic_mean(data, weights=None):
    data = list(data)
    if weights is None:
        weights = [1] * len(data)
    else:
        weights = list(weights)
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights[0] == 1:
        x = data[0]
        if x < 0:
            raise StatisticsError('harmonic mean does not support negative values')
        return x
    for x in data:
        if x < 0:
            raise StatisticsError('harmonic mean does not support negative values')
        if x == 0:
            return 0
    if _all_int(data) and _all_int(weights):
        # exact: sum(w/x) as the fraction num/den
        num, den = 0, 1
        for x, w in zip(data, weights):
            num = num * x + w * den
            den *= x
            g = math.gcd(num, den)
            num //= g
            den //= g
        if num <= 0:
            raise StatisticsError('Weighted sum must be positive')
        return sum(weights) * den / num
    total = math.fsum(w / x for x, w in zip(data, weights))
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return math.fsum(weights) / total


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n == 1:
        return data[0]
    x = data[n // 2]
    for obj in (x, interval):
        if isinstance(obj, (str, bytes)):
            raise TypeError('expected number but got %r' % obj)
    L = x - interval / 2
    i = n // 2
    l1 = i
    while l1 > 0 and data[l1 - 1] == x:
        l1 -= 1
    l2 = i
    while l2 < n and data[l2] == x:
        l2 += 1
    cf = l1
    f = l2 - l1
    return L + interval * (n / 2 - cf) / f


def mode(data):
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def _ss(data, c=None):
    """(sum of squared deviations, n, all-int) for data about c or the mean."""
    data = list(data)
    n = len(data)
    ints = _all_int(data) and (c is None or type(c) is int)
    if ints:
        if c is not None:
            return sum((x - c) * (x - c) for x in data) * 1, 1, n, True
        sx = sum(data)
        sxx = sum(x * x for x in data)
        # ssd = (n*sxx - sx*sx) / n, kept as a fraction num/den
        return n * sxx - sx * sx, n, n, True
    if c is None:
        c = math.fsum(data) / n if n else 0.0
    devs = [x - c for x in data]
    ss = math.fsum(d * d for d in devs)
    corr = math.fsum(devs)
    ss -= corr * corr / n if n else 0.0
    return ss, 1, n, False


def variance(data, xbar=None):
    num, den, n, ints = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    if ints:
        return _div(num, den * (n - 1), True)
    return num / (n - 1)


def pvariance(data, mu=None):
    num, den, n, ints = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    if ints:
        return _div(num, den * n, True)
    return num / n


def stdev(data, xbar=None):
    num, den, n, ints = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    if ints:
        return math.sqrt(num / (den * (n - 1)))
    return math.sqrt(num / (n - 1))


def pstdev(data, mu=None):
    num, den, n, ints = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    if ints:
        return math.sqrt(num / (den * n))
    return math.sqrt(num / n)


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError('Unknown method: %r' % (method,))


def covariance(x, y, /):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    return sxy / (n - 1)


def correlation(x, y, /):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    xbar = math.fsum(x) / n
    ybar = math.fsum(y) / n
    sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    sxx = math.fsum((d := xi - xbar) * d for xi in x)
    syy = math.fsum((d := yi - ybar) * d for yi in y)
    try:
        return sxy / math.sqrt(sxx * syy)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


class LinearRegression(tuple):
    __slots__ = ()

    def __new__(cls, slope, intercept):
        return tuple.__new__(cls, (slope, intercept))

    slope = property(lambda self: self[0])
    intercept = property(lambda self: self[1])

    def __repr__(self):
        return 'LinearRegression(slope=%r, intercept=%r)' % (self[0], self[1])


def linear_regression(x, y, /, *, proportional=False):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')
    if proportional:
        sxy = math.fsum(xi * yi for xi, yi in zip(x, y))
        sxx = math.fsum(xi * xi for xi in x)
    else:
        xbar = math.fsum(x) / n
        ybar = math.fsum(y) / n
        sxy = math.fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
        sxx = math.fsum((d := xi - xbar) * d for xi in x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


class NormalDist:
    """Normal distribution of a random variable."""
    __slots__ = ('_mu', '_sigma')

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        data = list(data)
        return cls(fmean(data), stdev(data))

    mean = property(lambda self: self._mu)
    median = property(lambda self: self._mu)
    mode = property(lambda self: self._mu)
    stdev = property(lambda self: self._sigma)
    variance = property(lambda self: self._sigma ** 2.0)

    def pdf(self, x):
        variance = self._sigma ** 2.0
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return math.exp(diff * diff / (-2.0 * variance)) / math.sqrt(math.tau * variance)

    def cdf(self, x):
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    def __repr__(self):
        return '%s(mu=%r, sigma=%r)' % (type(self).__name__, self._mu, self._sigma)

    def __eq__(self, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return self._mu == x2._mu and self._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))
