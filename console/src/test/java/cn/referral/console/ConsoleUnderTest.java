package cn.referral.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The console as its ITs start it: on free ports, its sessions in an in-memory MongoDB stand-in. */
final class ConsoleUnderTest {

    private ConsoleUnderTest() {
    }

    /** A MongoDB stand-in in memory on a free port of 127.0.0.1. */
    static MongoServer memoryMongo() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        return mongo;
    }

    /**
     * The console with these profiles, on free API and management ports, its sessions in {@code mongo}, plain-text
     * logs, and {@code arguments} besides (command-line arguments: they win over application.yaml's defaults).
     */
    static ConfigurableApplicationContext start(MongoServer mongo, String[] profiles, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(),
                "--logging.structured.format.console="));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(ConsoleApplication.class).profiles(profiles).run(all.toArray(String[]::new));
    }

    /** A client of the console's pages, below {@code /console}. */
    static WebTestClient pages(ConfigurableApplicationContext console) {
        return client(console, "local.server.port", "/console");
    }

    /** A client of the console's management port (health, metrics). */
    static WebTestClient management(ConfigurableApplicationContext console) {
        return client(console, "local.management.port", "");
    }

    private static WebTestClient client(ConfigurableApplicationContext console, String portProperty, String path) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + console.getEnvironment().getProperty(portProperty) + path)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
