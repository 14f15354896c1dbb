/* dtoa.h -- correctly rounded conversion between doubles and decimal
 * digits (prefix RpDtoa_).  Pure C, no objects, no errors: the float
 * type (floatobject.c), the parser and complex() build on it.
 *
 * Digits are ASCII '0'..'9' without a terminating NUL, most significant
 * first, without trailing zeros; a result's "exponent" is the decimal
 * exponent of its first digit: v = d1.d2d3... * 10**exp.
 */
#ifndef RP_OBJECTS_DTOA_H
#define RP_OBJECTS_DTOA_H

/* The exact decimal expansion of any double has at most 767 significant
 * digits, so this many always suffice for a digit buffer. */
#define RP_DTOA_BUFSIZE 800

/* The shortest digits that read back as v (finite, > 0); among equally
 * short candidates the one nearest v, as repr() in CPython. */
int RpDtoa_Shortest(double v, char *digits, int *ndigits);

/* v (finite, >= 0) rounded half-to-even, exactly, to `n` significant
 * digits (mode 's', n >= 1) or to `n` digits after the decimal point
 * (mode 'f', n may be negative: round(1234.5, -2)).  *ndigits == 0 means
 * the rounded value is zero. */
int RpDtoa_Round(double v, char mode, int n, char *digits, int *ndigits);

/* Decimal text to the nearest double, ties to even: an optional sign,
 * then "inf", "infinity" or "nan" (any case), or digits with an optional
 * point and exponent.  No underscores, no hex, no leading space.  *end
 * is set past the text used; to s when there was no number. */
double RpDtoa_Strtod(const char *s, const char **end);

#endif
