package dev.silkway.testsupport;

import dev.silkway.compose.postgres.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/** Run in a child JVM by {@link LocalPostgresIT}: starts a server, says so, then waits to be killed. */
public final class OrphanPostgres {
    public static void main(String[] args) throws Exception {
        LocalPostgres postgres = LocalPostgres.start(Path.of(args[0]), 0);
        Files.writeString(Path.of(args[1]), Long.toString(postgres.pid()));
        Thread.currentThread().join();
    }
}
