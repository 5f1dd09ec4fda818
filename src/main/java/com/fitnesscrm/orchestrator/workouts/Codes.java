package com.fitnesscrm.orchestrator.workouts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON codes of this feature's enums: the constant's name in lower case, e.g. {@code horizontal_push}. Public so
 * that the rules engine ({@code workouts.engine}) writes the same codes into a plan.
 */
public final class Codes {

    private Codes() {
    }

    public static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(value -> code(value).equals(wanted)).findFirst();
    }

    public static <E extends Enum<E>> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Codes::code).collect(Collectors.joining(", "));
    }
}
