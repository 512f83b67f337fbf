package dev.silkway.elastic.node;

import org.apache.logging.log4j.Logger;

/**
 * Stops the node when the process that started it ends, however it ends: a launcher killed with
 * SIGKILL, or a test JVM that crashed, leaves no node behind.
 */
final class ParentWatch {

    private ParentWatch() {}

    static void stopWith(long parentPid, Logger log) {
        if (parentPid <= 0) {
            return;
        }
        ProcessHandle.of(parentPid)
                .ifPresentOrElse(
                        parent -> parent.onExit().thenRun(() -> exit(parentPid, log)), () -> exit(parentPid, log));
    }

    private static void exit(long parentPid, Logger log) {
        log.info("Parent process {} is gone: stopping", parentPid);
        // Runs the shutdown hook, which closes the node.
        System.exit(0);
    }
}
