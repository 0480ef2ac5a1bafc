/*
 * normal.c - the standard normal quantile, for the z of a service level.
 *
 * Peter Acklam's rational approximation (relative error below 1.15e-9)
 * refined by one step of Halley's method on erfc(), which brings it to
 * the precision of a double: 0.95 gives 1.6448536269514722, 0.99 gives
 * 2.3263478740408408.
 */
#include "purchase.h"

#include <math.h>

static const double a[] = {
	-3.969683028665376e+01, 2.209460984245205e+02,
	-2.759285104469687e+02, 1.383577518672690e+02,
	-3.066479806614716e+01, 2.506628277459239e+00
};
static const double b[] = {
	-5.447609879822406e+01, 1.615858368580409e+02,
	-1.556989798598866e+02, 6.680131188771972e+01,
	-1.328068155288572e+01
};
static const double c[] = {
	-7.784894002430293e-03, -3.223964580411365e-01,
	-2.400758277161838e+00, -2.549732539343734e+00,
	4.374664141464968e+00, 2.938163982698783e+00
};
static const double d[] = {
	7.784695709041462e-03, 3.224671290700398e-01,
	2.445134137142996e+00, 3.754408661907416e+00
};

#define P_LOW 0.02425
#define SQRT_2PI 2.50662827463100050242

/* Acklam's approximation, three regions. */
static double acklam(double p)
{
	double q, r;

	if (p < P_LOW) {
		q = sqrt(-2 * log(p));
		return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q +
			 c[4]) * q + c[5]) /
		       ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	if (p > 1 - P_LOW) {
		q = sqrt(-2 * log1p(-p));
		return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q +
			  c[4]) * q + c[5]) /
		       ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	q = p - 0.5;
	r = q * q;
	return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r +
		a[5]) * q /
	       (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r +
		1);
}

double normal_quantile(double p)
{
	double x, e, u;

	if (!(p > 0 && p < 1))
		return NAN;
	x = acklam(p);
	/* One Halley step: e is Phi(x) - p, Phi from erfc. */
	e = 0.5 * erfc(-x / sqrt(2)) - p;
	u = e * SQRT_2PI * exp(x * x / 2);
	return x - u / (1 + x * u / 2);
}
