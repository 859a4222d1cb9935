package cn.referral.platform.testing;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client for a service's management port (health, Prometheus), which listens apart from the API. Its buffer
 * holds a whole Prometheus scrape: with the {@code http.server.requests} histogram on, one scrape is larger than
 * WebClient's default 256 KiB.
 */
public final class ManagementPort {

    private static final int SCRAPE_BYTES = 16 * 1024 * 1024;

    private ManagementPort() {
    }

    public static WebTestClient client(int managementPort) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(SCRAPE_BYTES))
                .build();
    }
}
