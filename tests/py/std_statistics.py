import statistics as st

print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.mean([0.1, 0.2, 0.3]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median([1.0, 2.0]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(['red', 'blue', 'blue', 'red', 'green']), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]), st.variance([1, 2, 3, 4, 5]), st.variance([1, 2, 3]), st.variance([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.pvariance([1, 2, 3, 4]), st.pvariance([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1, 2, 3, 4, 5]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.fmean([3.5, 4.0, 5.25]), st.harmonic_mean([40, 60]), st.geometric_mean([54, 24, 36]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(1, 11), n=10, method='inclusive'))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=1))
for f, arg in [(st.mean, []), (st.median, []), (st.mode, []), (st.variance, [1]), (st.stdev, []), (st.pvariance, [])]:
    try:
        f(arg)
    except st.StatisticsError as e:
        print('StatisticsError', e, isinstance(e, ValueError))
temps = [20.5, 21.0, 19.8, 22.1, 20.9, 21.4]
print(round(st.mean(temps), 6), round(st.stdev(temps), 6), st.median(temps), st.mean(x * 1.0 for x in range(10)))
print(st.correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]), st.covariance([1, 2, 3, 4], [1, 3, 2, 4]), st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]))
nd = st.NormalDist(100, 15)
print(nd, round(nd.cdf(115), 6), round(nd.pdf(100), 8), nd.mean, nd.variance)
