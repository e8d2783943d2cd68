package io.crosstrace.hub.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes GraphQL responses with a JSON mapper of their own, which writes maps and lists of plain values directly.
 *
 * <p>A GraphQL response is a tree of maps and lists whose leaves graphql-java has already turned into strings,
 * numbers and booleans. Jackson's map serializer looked up a serializer for each value's class, one map at a time: on
 * a page of 100 consignments that lookup was the largest single cost of writing the response, about a twentieth of the
 * request thread. Anything else (an error's extension a resolver put there) still goes through the mapper.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlJsonWriting {

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper jsonMapper) {
        return new GraphQlHttpHandler(handler, new JacksonJsonHttpMessageConverter(forResponses(jsonMapper)));
    }

    /** The application's mapper, with maps and lists of plain values written directly. */
    static JsonMapper forResponses(JsonMapper jsonMapper) {
        SimpleModule plainTrees = new SimpleModule("graphql-response-trees");
        plainTrees.addSerializer(Map.class, new PlainTreeWriter<>());
        plainTrees.addSerializer(List.class, new PlainTreeWriter<>());
        return jsonMapper.rebuild().addModule(plainTrees).build();
    }

    private static final class PlainTreeWriter<T> extends ValueSerializer<T> {

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
            write(value, gen, ctxt);
        }

        private static void write(Object value, JsonGenerator gen, SerializationContext ctxt) {
            switch (value) {
                case null -> gen.writeNull();
                case String s -> gen.writeString(s);
                case Boolean b -> gen.writeBoolean(b);
                case Integer i -> gen.writeNumber(i);
                case Long l -> gen.writeNumber(l);
                case Double d -> gen.writeNumber(d);
                case BigDecimal d -> gen.writeNumber(d);
                case BigInteger i -> gen.writeNumber(i);
                case Map<?, ?> map -> {
                    gen.writeStartObject(map, map.size());
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        gen.writeName(String.valueOf(entry.getKey()));
                        write(entry.getValue(), gen, ctxt);
                    }
                    gen.writeEndObject();
                }
                case List<?> list -> {
                    gen.writeStartArray(list, list.size());
                    for (Object item : list) {
                        write(item, gen, ctxt);
                    }
                    gen.writeEndArray();
                }
                default -> ctxt.writeValue(gen, value);
            }
        }
    }
}
