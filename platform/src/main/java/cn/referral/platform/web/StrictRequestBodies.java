package cn.referral.platform.web;

import static tools.jackson.databind.cfg.CoercionInputShape.Boolean;
import static tools.jackson.databind.cfg.CoercionInputShape.Float;
import static tools.jackson.databind.cfg.CoercionInputShape.Integer;
import static tools.jackson.databind.cfg.CoercionInputShape.String;

import java.time.LocalDate;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How a service reads its request bodies: strictly. A value of the wrong JSON type is the client's mistake, answered
 * 400 naming the field, not a value Jackson quietly converts:
 * <ul>
 *   <li>a number or a boolean where the API says string ({@code "name": 12345} taken as {@code "12345"});</li>
 *   <li>a number or a list where it says a date, a time or a duration ({@code "date": 12345} as 2003-10-20,
 *   {@code "appointmentAt": 1700000000} as 2023-11-14T22:13:20Z, {@code "date": [2026,1,1]} as 2026-01-01), or a
 *   date with a time where it says a date ({@code "2026-11-25T08:00:00"} as 2026-11-25);</li>
 *   <li>text, a boolean or a fraction where it says a whole number ({@code "sizeBytes": "7"} as 7,
 *   {@code "quantity": 1.9} as 1), text or a boolean where it says a number, and text or a number where it says a
 *   boolean ({@code "active": "false"}, {@code "active": 0});</li>
 *   <li>a number where it says one of a list of codes ({@code "urgency": 0} taken as the first code).</li>
 * </ul>
 * Events and the services' calls to each other read with the mapper as configured.
 */
public final class StrictRequestBodies {

    private StrictRequestBodies() {
    }

    /** {@code configured} (the service's mapper) reading request bodies strictly. */
    public static JsonMapper mapper(JsonMapper configured) {
        return configured.rebuild()
                // the JSON shapes each kind of value is not read from (Jackson would convert them)
                .withCoercionConfig(LogicalType.Textual, refusing(Integer, Float, Boolean))
                .withCoercionConfig(LogicalType.DateTime, refusing(Integer, Float))
                .withCoercionConfig(LogicalType.Integer, refusing(String, Float, Boolean))
                .withCoercionConfig(LogicalType.Float, refusing(String, Boolean))
                .withCoercionConfig(LogicalType.Boolean, refusing(String, Integer, Float))
                .withCoercionConfig(LogicalType.Enum, refusing(Integer))
                // a date is its ISO 8601 date alone: not lenient, LocalDate refuses text with a time
                .withConfigOverride(LocalDate.class, override -> override.setFormat(JsonFormat.Value.forLeniency(false)))
                // Instant, OffsetDateTime, ZonedDateTime and Duration take a number as seconds and LocalDate a list
                // as [year, month, day] whatever the coercion config says: only their ISO 8601 text is read.
                .addModule(new SimpleModule("strict-java-time").setDeserializerModifier(new ValueDeserializerModifier() {
                    @Override
                    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                                   BeanDescription.Supplier description,
                                                                   ValueDeserializer<?> deserializer) {
                        Class<?> type = description.getBeanClass();
                        return type.getPackageName().equals("java.time") ? new TextOnly(type, deserializer)
                                : deserializer;
                    }
                }))
                .build();
    }

    /** Refuses a value of any of these JSON shapes: 400 naming the field. */
    private static Consumer<MutableCoercionConfig> refusing(CoercionInputShape... shapes) {
        return coercion -> {
            for (CoercionInputShape shape : shapes) {
                coercion.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    /** A {@code java.time} value read only from text: a number, a boolean, a list or an object is refused. */
    private static final class TextOnly extends DelegatingDeserializer {

        private final Class<?> type;

        TextOnly(Class<?> type, ValueDeserializer<?> delegate) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(type, delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                return context.handleUnexpectedToken(type, parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
