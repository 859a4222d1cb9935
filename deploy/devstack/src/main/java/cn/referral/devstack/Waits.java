package cn.referral.devstack;

import java.time.Duration;

final class Waits {

    private Waits() {
    }

    /** One bounded pause between two polls of a deadline loop. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
