package com.fitnesscrm.orchestrator.base.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.FastByteArrayOutputStream;

/**
 * Spring's JSON converter with the limits of {@link JsonLimits} on the way in and no half-written answer on the way
 * out:
 * <ul>
 *   <li>reading, the parser stops at the 65th level of nesting (no deeper tree is built), and the tree is then
 *       checked for NULs, unpaired surrogates and overflowing numbers; a refusal is a 422 naming the JSON path, thrown
 *       before any controller runs, so nothing is stored. Content after the JSON value is malformed, not ignored.</li>
 *   <li>writing, the whole answer is serialised into memory first and sent with its {@code Content-Length}: a value
 *       that cannot be written fails before the first byte, as a clean problem+json, instead of a 200 whose body
 *       stops in the middle (Tomcat commits after its 8 KB buffer).</li>
 * </ul>
 */
public class LimitedJsonHttpMessageConverter extends MappingJackson2HttpMessageConverter {

    private final JsonFactory limited;

    public LimitedJsonHttpMessageConverter(ObjectMapper objectMapper) {
        super(objectMapper);
        this.limited = objectMapper.getFactory().copy();
        this.limited.setStreamReadConstraints(JsonLimits.READ_CONSTRAINTS);
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return readLimited(getJavaType(type, contextClass), input);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        return readLimited(getJavaType(clazz, null), input);
    }

    private Object readLimited(JavaType type, HttpInputMessage input) throws IOException {
        ObjectMapper mapper = getObjectMapper();
        Charset charset = charset(input.getHeaders().getContentType());
        JsonNode tree;
        try (JsonParser parser = charset.equals(StandardCharsets.UTF_8) ? limited.createParser(input.getBody())
                : limited.createParser(new InputStreamReader(input.getBody(), charset))) {
            try {
                tree = mapper.readTree(parser);
                if (tree == null || tree.isMissingNode()) {
                    throw new HttpMessageNotReadableException("The request body is empty; send a JSON object.",
                            input);
                }
                if (parser.nextToken() != null) {
                    throw new HttpMessageNotReadableException(JsonErrors.MALFORMED + " at line "
                            + parser.currentLocation().getLineNr() + ", column "
                            + parser.currentLocation().getColumnNr() + " (the body is not valid JSON): there is more "
                            + "after the JSON value.",
                            input);
                }
            } catch (JsonProcessingException e) {
                StreamConstraintsException limit = JsonErrors.limit(e);
                if (limit != null) {
                    throw beyondLimit(limit, parser);
                }
                throw new HttpMessageNotReadableException(JsonErrors.describe(e), e, input);
            }
        }
        JsonLimits.check(tree, "", 1);
        if (type.getRawClass().isInstance(tree)) {
            return tree;
        }
        return mapper.readerFor(type).readValue(tree);
    }

    /** A limit of the parser, said as the API's limits are said: 422 naming where in the body. */
    private static InvalidInputException beyondLimit(StreamConstraintsException e, JsonParser parser) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            chain.push(context);
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            // The outermost context is the body; its current member is where the deep value starts.
            chain.pollLast(); // the level that broke the limit has no member yet
            return JsonLimits.tooDeep(chain.isEmpty() ? "" : segment(chain.peekFirst(), ""));
        }
        String path = "";
        for (JsonStreamContext context : chain) {
            path = segment(context, path);
        }
        String what = message.startsWith("Number") ? "a number with more than "
                + JsonLimits.READ_CONSTRAINTS.getMaxNumberLength() + " digits"
                : message.startsWith("Name") ? "a key longer than " + JsonLimits.READ_CONSTRAINTS.getMaxNameLength()
                + " characters" : "a value beyond the limits of this API";
        return new InvalidInputException(path, (path.isEmpty() ? "The body" : "'" + path + "'") + " holds " + what
                + ", which is not accepted.");
    }

    private static String segment(JsonStreamContext context, String path) {
        if (context.inArray()) {
            return path + "[" + Math.max(context.getCurrentIndex(), 0) + "]";
        }
        return JsonLimits.join(path, context.getCurrentName() == null ? "" : context.getCurrentName());
    }

    private static Charset charset(MediaType type) {
        return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
    }

    @Override
    protected void writeInternal(Object object, Type type, HttpOutputMessage output) throws IOException {
        // Blocks that are written out in turn: a page of payloads is held once, not copied at each doubling.
        FastByteArrayOutputStream buffer = new FastByteArrayOutputStream(2048);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return buffer;
            }

            @Override
            public HttpHeaders getHeaders() {
                return output.getHeaders();
            }
        });
        output.getHeaders().setContentLength(buffer.size());
        buffer.writeTo(output.getBody());
    }
}
