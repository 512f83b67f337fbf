package dev.silkway.sandbox.catalogue;

/** SplitMix64 mixing: stable, fast, and good enough to derive independent streams from (seed, platform, item). */
public final class Hashing {

    private Hashing() {}

    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = splitMix(h ^ splitMix(part + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** A uniform double in [0, 1) from a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
