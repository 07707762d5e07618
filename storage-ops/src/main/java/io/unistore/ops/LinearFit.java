package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;

/**
 * An ordinary least-squares line y = intercept + slope &times; x through n points, with the residual standard error
 * s = &radic;(&Sigma; residual&sup2; / (n - 2)) and the 95% prediction half-width at x&#8320;:
 * 1.96 &times; s &times; &radic;(1 + 1/n + (x&#8320; - x&#772;)&sup2; / S&#8339;&#8339;) (normal approximation).
 */
record LinearFit(int points, double intercept, double slope, double residualStdError, double meanX, double sxx) {
    /** The fewest points a fit is made from: two points have no residuals, so no interval. */
    static final int MIN_POINTS = 3;

    /**
     * Fits the points.
     *
     * @throws StorageException PRECONDITION_FAILED below {@link #MIN_POINTS} points or when every x is equal
     */
    static LinearFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < MIN_POINTS) {
            throw new StorageException(ErrorCode.PRECONDITION_FAILED, "a forecast needs at least " + MIN_POINTS
                    + " recorded runs in the range, found " + n + "; record more runs or widen the range");
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (sxx == 0) {
            throw new StorageException(ErrorCode.PRECONDITION_FAILED, "a forecast needs runs recorded at different "
                    + "times");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double ssr = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (intercept + slope * x[i]);
            ssr += r * r;
        }
        return new LinearFit(n, intercept, slope, Math.sqrt(ssr / (n - 2)), mx, sxx);
    }

    double at(double x) {
        return intercept + slope * x;
    }

    /** The 95% prediction half-width at x. */
    double halfWidth(double x) {
        return 1.96 * residualStdError * Math.sqrt(1 + 1.0 / points + (x - meanX) * (x - meanX) / sxx);
    }
}
