package cn.referral.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import cn.referral.platform.crypto.IdentityNumbers;

/**
 * Reads everything the platform has written — every record of every Kafka topic, every document of
 * every MongoDB database, every line of the services' logs — as text, to look for patient data in
 * clear. Each piece of text keeps where it came from, so a finding names the topic, collection or
 * log line (and with it the service that wrote it).
 */
public final class PatientDataScan {

    /** A mask that shows the region code (the first 6 digits) as well as the last 4: 6 + 4 + birth date = all 18. */
    private static final Pattern WIDE_MASK = Pattern.compile("(?<![0-9A-Za-z])\\d{6}\\*{4,12}[0-9X]{4}(?![0-9X])");
    private static final Pattern IDENTITY_NUMBER_SHAPE = Pattern.compile("(?<![0-9])\\d{17}[0-9X](?![0-9])");

    private PatientDataScan() {
    }

    /** A piece of stored text and where it is. */
    public record Place(String source, String where, String text) {
    }

    /** Something found, and where. */
    public record Finding(String where, String found) {
    }

    // ---- what to look for ------------------------------------------------------------------------------

    /**
     * Resident identity numbers (GB 11643) in the text: 18 characters, the check character right,
     * a region code (first digit 1–8) and a real birth date. The last two keep out digit runs of hex
     * pseudonyms and trace ids that pass the check character by chance (1 in 11); a real identity
     * number always has both.
     */
    public static List<String> identityNumbersIn(String text) {
        if (text == null) {
            return List.of();
        }
        return IDENTITY_NUMBER_SHAPE.matcher(text).results().map(match -> match.group())
                .filter(IdentityNumbers::isValid)
                .filter(PatientDataScan::hasRegionAndBirthDate)
                .toList();
    }

    private static boolean hasRegionAndBirthDate(String number) {
        char region = number.charAt(0);
        if (region < '1' || region > '8') {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            return !born.isBefore(LocalDate.of(1900, 1, 1)) && !born.isAfter(LocalDate.now());
        } catch (DateTimeException notADate) {
            return false;
        }
    }

    /**
     * The value as it may be written: as is, and JSON-escaped ({@code \u6797…}) should a writer
     * escape non-ASCII characters.
     */
    public static List<String> writtenForms(String value) {
        StringBuilder lower = new StringBuilder();
        StringBuilder upper = new StringBuilder();
        value.chars().forEach(c -> {
            lower.append(c < 128 ? Character.toString(c) : "\\u%04x".formatted(c));
            upper.append(c < 128 ? Character.toString(c) : "\\u%04X".formatted(c));
        });
        return Stream.of(value, lower.toString(), upper.toString()).distinct().toList();
    }

    /** Every place with a valid identity number in it. */
    public static List<Finding> identityNumbers(Collection<Place> places) {
        List<Finding> findings = new ArrayList<>();
        for (Place place : places) {
            identityNumbersIn(place.text()).forEach(number -> findings.add(new Finding(place.where(),
                    "identity number " + number)));
        }
        return findings;
    }

    /**
     * Every place from which an identity number can be rebuilt without the key (DESIGN §5): a mask
     * that keeps more than the last 4 characters (the old {@code 330302********123X} shape, whose
     * hidden digits are the birth date), or this patient's shown last 4 characters in the same piece
     * of text as their full birth date ({@code 1972-08-16} or {@code 19720816}).
     */
    public static List<Finding> rebuildableIdentityNumbers(Collection<Place> places, String idNumber) {
        String birthDate = idNumber.substring(6, 14);
        List<String> birthDateForms = List.of(birthDate,
                birthDate.substring(0, 4) + "-" + birthDate.substring(4, 6) + "-" + birthDate.substring(6));
        String shownTail = IdentityNumbers.mask(idNumber);
        List<Finding> findings = new ArrayList<>();
        for (Place place : places) {
            WIDE_MASK.matcher(place.text()).results().forEach(match -> findings.add(new Finding(place.where(),
                    "a mask that keeps more than the last 4 characters: " + match.group())));
            if (place.text().contains(shownTail) && birthDateForms.stream().anyMatch(place.text()::contains)) {
                findings.add(new Finding(place.where(), "the mask " + shownTail + " beside the birth date " + birthDate));
            }
        }
        return findings;
    }

    /** Every place where one of the values (named by what they are) appears in any written form. */
    public static List<Finding> occurrences(Collection<Place> places, Map<String, String> valuesByName) {
        List<Finding> findings = new ArrayList<>();
        for (Place place : places) {
            valuesByName.forEach((name, value) -> {
                if (writtenForms(value).stream().anyMatch(place.text()::contains)) {
                    findings.add(new Finding(place.where(), name + " " + value));
                }
            });
        }
        return findings;
    }

    // ---- where to look ---------------------------------------------------------------------------------

    /**
     * Every record of every topic (internal ones and dead-letter topics included), from the
     * beginning to the end it has now: key, headers and value.
     */
    public static List<Place> kafkaRecords(String bootstrapServers, Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(adminProperties)) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            descriptions.values().forEach(topic -> topic.partitions().forEach(partition ->
                    partitions.add(new TopicPartition(topic.name(), partition.partition()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list the topics of " + bootstrapServers, e);
        }
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Place> places = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.values().removeIf(offset -> offset == 0);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (end.keySet().stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read every topic to its end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder(utf8(record.key())).append('\n');
                    for (Header header : record.headers()) {
                        text.append(header.key()).append('=').append(utf8(header.value())).append('\n');
                    }
                    text.append(utf8(record.value()));
                    places.add(new Place("kafka:" + record.topic(), "topic " + record.topic() + "-"
                            + record.partition() + "@" + record.offset() + " (key " + utf8(record.key()) + ")",
                            text.toString()));
                }
            }
        }
        return places;
    }

    /** Every document of every collection of every database: all keys and values, nested ones too. */
    public static List<Place> mongoDocuments(String uri) {
        List<Place> places = new ArrayList<>();
        try (MongoClient client = MongoClients.create(uri)) {
            for (String databaseName : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        StringBuilder text = new StringBuilder();
                        flatten(document, text);
                        places.add(new Place("mongo:" + databaseName, "database " + databaseName + ", collection "
                                + collection + ", _id " + document.get("_id"), text.toString()));
                    }
                }
            }
        }
        return places;
    }

    /** Every line of the service logs ({@code <service>-<port>.log}) written since {@code since}. */
    public static List<Place> serviceLogs(Path directory, Instant since) {
        List<Place> places = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(since)) {
                    continue;
                }
                List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    places.add(new Place("log:" + file.getFileName(), "log " + file.getFileName() + ":" + (i + 1),
                            lines.get(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return places;
    }

    private static void flatten(Object value, StringBuilder text) {
        if (value instanceof Document document) {
            document.forEach((key, nested) -> {
                text.append(key).append('=');
                flatten(nested, text);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(element -> flatten(element, text));
        } else if (value instanceof Binary binary) {
            text.append(utf8(binary.getData())).append('\n');
        } else if (value instanceof byte[] bytes) {
            text.append(utf8(bytes)).append('\n');
        } else {
            text.append(value).append('\n');
        }
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
