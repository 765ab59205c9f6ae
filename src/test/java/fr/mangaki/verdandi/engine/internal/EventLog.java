package fr.mangaki.verdandi.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's event log ({@code pulumi up --event-log FILE}): one JSON event a line, as
 * the Pulumi CLI's apitype.EngineEvent (sdk/go/common/apitype/events.go).
 */
public final class EventLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> events;

    private EventLog(List<JsonNode> events) {
        this.events = events;
    }

    public static EventLog read(Path file) {
        List<JsonNode> events = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventLog(events);
    }

    /** The summary's count of resources by operation (create, update, same, delete, replace...). */
    public Map<String, Integer> changes() {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode e : events) {
            e.path("summaryEvent").path("resourceChanges").fields()
                    .forEachRemaining(f -> out.put(f.getKey(), f.getValue().asInt()));
        }
        return out;
    }

    /** The number of resources the summary counts as anything but unchanged ({@code same}). */
    public int changed() {
        return changes().entrySet().stream().filter(e -> !e.getKey().equals("same")).mapToInt(Map.Entry::getValue).sum();
    }

    /** The operation of each resource step that finished, by "TYPE NAME" (update, replace, create...). */
    public Map<String, String> operations() {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode e : events) {
            JsonNode m = e.path("resOutputsEvent").path("metadata");
            if (!m.isMissingNode()) {
                String urn = m.path("urn").asText();
                out.put(m.path("type").asText() + " " + urn.substring(urn.lastIndexOf("::") + 2), m.path("op").asText());
            }
        }
        return out;
    }

    /** The operation each resource step planned, replacements included (a replace ends as create-replacement). */
    public Map<String, String> planned() {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode e : events) {
            JsonNode m = e.path("resourcePreEvent").path("metadata");
            if (!m.isMissingNode()) {
                String urn = m.path("urn").asText();
                out.merge(m.path("type").asText() + " " + urn.substring(urn.lastIndexOf("::") + 2), m.path("op").asText(),
                        (a, b) -> a + "," + b);
            }
        }
        return out;
    }

    /** Whether the summary says the run succeeded. */
    public boolean succeeded() {
        return events.stream().anyMatch(e -> e.path("summaryEvent").path("result").asText().equals("succeeded"));
    }
}
