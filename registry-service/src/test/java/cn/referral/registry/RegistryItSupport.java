package cn.referral.registry;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What registry's service tests share: a client of the running service's API and the broker it writes to. */
public abstract class RegistryItSupport {

    @LocalServerPort
    private int port;

    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;

    protected RegistryClient registry;

    @BeforeEach
    void client() {
        registry = new RegistryClient(port);
    }
}
