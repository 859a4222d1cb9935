package cn.referral.console.screens;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The console's messages for tests without Spring: as Spring Boot reads them, and each bundle's file as it is. */
final class ConsoleMessages {

    /** The files of every language the console speaks. */
    static final String[] FILES = {"messages.properties", "messages_en.properties"};

    private ConsoleMessages() {
    }

    /** As Spring Boot reads them ({@code spring.messages} in application.yaml). */
    static MessageSource source() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** One bundle's file, to check which keys it has. */
    static Properties file(String file) {
        Properties properties = new Properties();
        try (InputStream in = ConsoleMessages.class.getClassLoader().getResourceAsStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
