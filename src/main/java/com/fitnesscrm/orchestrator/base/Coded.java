package com.fitnesscrm.orchestrator.base;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum with a code: the text it is stored, sent and read as, by default the constant's name in lower case
 * ({@code timed_out}, {@code horizontal_push}). An enum whose code is another text overrides {@link #code()};
 * {@link #find} and {@link #codes} use whatever it returns. Only for enums: the default reads {@link Enum#name()}.
 */
public interface Coded {

    /** The code, e.g. {@code api_key} for {@code API_KEY}. */
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The constant with this code, case and surrounding blanks ignored; empty for none or {@code null}. */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.code().equals(wanted)).findFirst();
    }

    /** Every code in declaration order, comma-separated, for messages that say what is allowed. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
