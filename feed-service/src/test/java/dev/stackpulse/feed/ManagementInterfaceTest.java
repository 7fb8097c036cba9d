package dev.stackpulse.feed;

import dev.stackpulse.testing.ManagementInterfaceContract;
import io.quarkus.test.junit.QuarkusTest;

/** feed-service serves /q/health, /q/metrics and /q/openapi on its management port only. */
@QuarkusTest
class ManagementInterfaceTest extends ManagementInterfaceContract {

    @Override
    protected String apiPath() {
        return "/feed";
    }
}
