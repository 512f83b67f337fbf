package dev.silkway.elastic.search;

import org.jspecify.annotations.Nullable;

/**
 * The Bayesian average that ranks by rating: {@code (C·m + Σ ratings) / (C + n)}, where n reviews
 * averaging r give Σ ratings = r·n. C is how many reviews the prior weighs, m the rating assumed
 * before any review. One 5★ review then does not outrank five hundred reviews averaging 4.8★.
 */
public record RatingPrior(double weight, double mean) {

    public RatingPrior {
        if (weight < 0 || mean < 0 || mean > 5) {
            throw new IllegalArgumentException("weight must be >= 0 and mean within 0..5");
        }
    }

    public double bayesian(@Nullable Double rating, long reviewCount) {
        if (rating == null || reviewCount <= 0) {
            return mean;
        }
        return (weight * mean + rating * reviewCount) / (weight + reviewCount);
    }
}
