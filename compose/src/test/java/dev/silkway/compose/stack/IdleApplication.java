package dev.silkway.compose.stack;

import java.util.concurrent.CountDownLatch;

/** A child process that does nothing until it is stopped: the application SupervisedApplicationIT kills. */
final class IdleApplication {

    private IdleApplication() {}

    public static void main(String[] args) throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
