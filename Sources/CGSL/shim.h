#ifndef CREDITBENCH_CGSL_SHIM_H
#define CREDITBENCH_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_cblas.h>

/* Swift 6 refuses to read GSL's mutable global variables (the generator types
   are `extern const gsl_rng_type *`), so they are exposed through functions. */
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

/* GSL's default error handler aborts the process; the Swift code checks status
   codes instead, so this turns the handler off once, at first use. */
static inline void cgsl_disable_abort_on_error(void) { gsl_set_error_handler_off(); }

#endif
