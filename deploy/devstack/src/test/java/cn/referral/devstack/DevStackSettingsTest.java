package cn.referral.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DevStackSettingsTest {

    @Test
    void defaultsStartBothPartsOnTheUsualPorts() {
        DevStackSettings settings = DevStackSettings.from(Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of(".local-data").toAbsolutePath().normalize());
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.mongoPort()).isEqualTo(27017);
        assertThat(settings.startsKafka()).isTrue();
        assertThat(settings.startsMongo()).isTrue();
    }

    @Test
    void variablesOverrideTheDefaults() {
        DevStackSettings settings = DevStackSettings.from(Map.of(
                "DATA_DIR", "/tmp/x/../stack", "KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT", "19093",
                "MONGO_PORT", " 37017 "));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(19093);
        assertThat(settings.mongoPort()).isEqualTo(37017);
    }

    @Test
    void aRealKafkaOrMongoSkipsThatPart() {
        DevStackSettings kafkaOnly = DevStackSettings.from(Map.of("MONGODB_URI", "mongodb://db:27017"));
        assertThat(kafkaOnly.startsKafka()).isTrue();
        assertThat(kafkaOnly.startsMongo()).isFalse();
        assertThat(kafkaOnly.externalMongo()).isEqualTo("mongodb://db:27017");

        DevStackSettings mongoOnly = DevStackSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "MONGODB_URI", "  "));
        assertThat(mongoOnly.startsKafka()).isFalse();
        assertThat(mongoOnly.startsMongo()).as("a blank MONGODB_URI counts as unset").isTrue();
    }

    @Test
    void badPortsAreRejectedWithTheVariableName() {
        assertThatThrownBy(() -> DevStackSettings.from(Map.of("KAFKA_PORT", "kafka")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KAFKA_PORT");
        assertThatThrownBy(() -> DevStackSettings.from(Map.of("MONGO_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MONGO_PORT");
        assertThatThrownBy(() -> DevStackSettings.from(Map.of("KAFKA_PORT", "9093")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
    }
}
