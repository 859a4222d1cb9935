package cn.referral.platform.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * A database on a {@link MongoStandIn} of its own for a test class without a Spring context: started before
 * the class's tests, closed after them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MongoStandInDatabase DATABASE = MongoStandInDatabase.named("inbox-it");
 * private final ReactiveMongoTemplate mongo = DATABASE.template();
 * }</pre>
 * A class that needs its own client (a command listener) or a fresh database per test uses {@link #uri()} or
 * {@link #template(String)} on the same stand-in.
 */
public final class MongoStandInDatabase implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private MongoStandIn standIn;
    private ReactiveMongoTemplate template;

    private MongoStandInDatabase(String name) {
        this.name = name;
    }

    public static MongoStandInDatabase named(String name) {
        return new MongoStandInDatabase(name);
    }

    /** The template on this database; there once the class's tests begin. */
    public ReactiveMongoTemplate template() {
        running();
        return template;
    }

    /** A template on another database of the same stand-in, e.g. a fresh one for each test. */
    public ReactiveMongoTemplate template(String database) {
        return running().template(database);
    }

    /** The stand-in's connection string, for a client of the test's own (e.g. with a command listener). */
    public String uri() {
        return running().uri();
    }

    private MongoStandIn running() {
        if (standIn == null) {
            throw new IllegalStateException("the stand-in for " + name + " starts before the class's tests");
        }
        return standIn;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        standIn = MongoStandIn.start();
        template = standIn.template(name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        standIn.close();
    }
}
