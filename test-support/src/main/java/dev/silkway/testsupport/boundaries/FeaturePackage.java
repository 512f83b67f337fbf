package dev.silkway.testsupport.boundaries;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a package lies in an application: its feature ({@code dev.silkway.<application>.<feature>})
 * and whether it is one of that feature's {@code internal} packages ({@code <feature>..internal..}).
 */
record FeaturePackage(String feature, boolean internal) {

    static Optional<FeaturePackage> of(String packageName) {
        return DeployableBoundaries.application(packageName)
                .filter(root -> packageName.length() > root.length())
                .map(root -> {
                    String[] below = packageName.substring(root.length() + 1).split("\\.");
                    boolean internal =
                            Arrays.asList(below).subList(1, below.length).contains("internal");
                    return new FeaturePackage(root + "." + below[0], internal);
                });
    }
}
