/* complex.h -- complex numbers (prefix RpComplex_).  complexobject.c. */
#ifndef RP_COMPLEX_H
#define RP_COMPLEX_H
#ifndef RP_BUILD_CORE
#error "internal header: build refpy with -DRP_BUILD_CORE"
#endif
#include "object.h"

extern RpTypeObject RpComplex_Type;
#define RpComplex_Check(o) RpObject_TypeCheck(o, &RpComplex_Type)
#define RpComplex_CheckExact(o) Rp_IS_TYPE(o, &RpComplex_Type)
RpObject *RpComplex_FromDoubles(double real, double imag);
double RpComplex_RealAsDouble(RpObject *c);
double RpComplex_ImagAsDouble(RpObject *c);
/* base ** exp for a negative float base and a fractional exponent, which
 * Python answers with a complex number. */
RpObject *_RpComplex_PowFromFloats(double base, double exp);

#endif
