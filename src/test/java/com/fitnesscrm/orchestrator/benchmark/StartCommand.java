package com.fitnesscrm.orchestrator.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A start command as the Procfile and railway.json give it, {@code [NAME=value ...] java [options] -jar jar}: what a
 * benchmark runs the app with, so that it measures what is deployed.
 */
record StartCommand(Map<String, String> environment, List<String> options, String jar) {

    /** The {@code web:} line of a Procfile. */
    static StartCommand of(Path procfile) {
        try {
            String line = Files.readAllLines(procfile).stream().filter(l -> l.startsWith("web:")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(procfile + " has no web: line"));
            return parse(line.substring("web:".length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StartCommand parse(String command) {
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        Map<String, String> environment = new LinkedHashMap<>();
        while (!words.isEmpty() && words.get(0).matches("[A-Z_][A-Z0-9_]*=.*")) {
            String[] pair = words.remove(0).split("=", 2);
            environment.put(pair[0], pair[1]);
        }
        if (words.isEmpty() || !words.remove(0).equals("java")) {
            throw new IllegalArgumentException("Not a java start command: " + command);
        }
        int jar = words.indexOf("-jar");
        if (jar < 0 || jar + 1 >= words.size()) {
            throw new IllegalArgumentException("No -jar in: " + command);
        }
        return new StartCommand(Map.copyOf(environment), List.copyOf(words.subList(0, jar)), words.get(jar + 1));
    }
}
