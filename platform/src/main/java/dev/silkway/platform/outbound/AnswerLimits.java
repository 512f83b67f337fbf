package dev.silkway.platform.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of one answer is read, and for how long: past {@code maxSize} bytes of body the read stops, past
 * {@code timeout} from the request (headers and body together) the exchange is cancelled. Bindable as a nested block.
 */
public record AnswerLimits(
        @DefaultValue("16MB") DataSize maxSize,
        @DefaultValue("60s") Duration timeout) {

    public static final AnswerLimits DEFAULTS = new AnswerLimits(DataSize.ofMegabytes(16), Duration.ofSeconds(60));

    public AnswerLimits {
        if (maxSize.toBytes() < 1 || maxSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max-size must be 1 byte..2 GB, not " + maxSize);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
    }
}
