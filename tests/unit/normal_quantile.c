/*
 * normal_quantile.c - the inverse normal distribution function behind
 * inv-reorder's z, against published values of the standard normal
 * quantile (to 16 digits), its symmetry, and its domain.
 */
#include <math.h>

#include "purchase.h"
#include "tap.h"

static const struct {
	double p, z;
} known[] = {
	{ 0.5, 0.0 },
	{ 0.95, 1.6448536269514722 },
	{ 0.975, 1.9599639845400540 },
	{ 0.99, 2.3263478740408408 },
	{ 0.999, 3.0902323061678132 },
	{ 0.9999, 3.7190164854556804 },
	{ 0.02, -2.0537489106318225 },
	{ 0.001, -3.0902323061678132 },
	{ 1e-10, -6.3613409024040557 },
	{ 0.8, 0.8416212335729143 },
};

int main(void)
{
	double worst = 0;

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		double z = normal_quantile(known[i].p);

		ok(fabs(z - known[i].z) <= 1e-12 * (1 + fabs(known[i].z)),
		   "z(%g) = %.16f (expected %.16f)", known[i].p, z,
		   known[i].z);
	}
	diag("Acklam's approximation refined by one step of Halley's method");
	for (double p = 0.001; p < 0.5; p += 0.0137) {
		double d = fabs(normal_quantile(p) + normal_quantile(1 - p));

		worst = d > worst ? d : worst;
	}
	ok(worst <= 1e-12, "z(p) = -z(1 - p) from 0.001 to 0.5 (worst %g)",
	   worst);
	ok(isnan(normal_quantile(0)) && isnan(normal_quantile(1)) &&
	   isnan(normal_quantile(-0.5)) && isnan(normal_quantile(NAN)),
	   "0, 1 and outside (0, 1) give NaN");
	ok(round(normal_quantile(0.95) * 10000) / 10000 == 1.6449 &&
	   round(normal_quantile(0.99) * 10000) / 10000 == 2.3263,
	   "0.95 -> 1.6449 and 0.99 -> 2.3263 at 4 places");
	return tap_done();
}
