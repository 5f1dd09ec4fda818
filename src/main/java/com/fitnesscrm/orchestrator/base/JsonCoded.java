package com.fitnesscrm.orchestrator.base;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A {@link Coded} enum that Jackson writes as its code and reads back by it ({@code "fat_loss"}, not
 * {@code "FAT_LOSS"}), in records, lists, sets and map keys alike. Kept apart from {@link Coded} so that an enum
 * does not change its JSON by getting a code.
 */
public interface JsonCoded extends Coded {

    @JsonValue
    @Override
    default String code() {
        return Coded.super.code();
    }
}
