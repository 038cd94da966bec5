package chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The option declarations: README's tables, --help, the config keys and REHASH all follow from them. */
class OptionsTest {

    private static final Pattern FLAG = Pattern.compile("--([a-z][a-z0-9-]*)");

    private static ServerConfig parse(String... args) throws IOException {
        return Main.parse(args, new PrintStream(new ByteArrayOutputStream()));
    }

    /** The rows of the first table after {@code heading} in README.md, as cells without backticks. */
    private static List<List<String>> table(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int at = lines.indexOf(heading);
        assertThat(at).as("README has the section " + heading).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("|")) {
                inTable = true;
                if (line.startsWith("| ---")) continue;
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")) {
                    cells.add(cell.trim().replace("`", ""));
                }
                rows.add(cells);
            } else if (inTable) {
                break;
            }
        }
        return rows.subList(1, rows.size()); // without the header row
    }

    private static List<String> flags(String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = FLAG.matcher(cell);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void readmeTablesNameEveryDeclaredOptionWithItsDefault() throws IOException {
        Map<String, String> documentedDefaults = new LinkedHashMap<>();
        Set<String> documented = new HashSet<>();
        for (List<String> row : table("## Server options")) {
            List<String> names = flags(row.get(0));
            assertThat(names).as("options in row " + row).isNotEmpty();
            documented.addAll(names);
            if (names.size() == 1) documentedDefaults.put(names.get(0), row.get(1));
        }
        for (List<String> row : table("## Limits and abuse protection")) documented.addAll(flags(row.get(2)));

        Set<String> declared = new HashSet<>();
        for (Option<?> option : Options.all()) declared.add(option.name());
        assertThat(documented).as("options README documents").containsExactlyInAnyOrderElementsOf(declared);

        for (Map.Entry<String, String> row : documentedDefaults.entrySet()) {
            Option<?> option = Options.byKey(row.getKey());
            String expected = option.defaultText() == null ? "-" : option.defaultText();
            assertThat(row.getValue()).as("README's default of --" + row.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String usage = Main.usage();
        for (Option<?> option : Options.all()) {
            assertThat(usage).contains("--" + option.name() + " ");
            if (option.defaultText() != null) assertThat(usage).contains("(default " + option.defaultText() + ")");
        }
    }

    @Test
    void everyOptionIsAFlagAndAConfigKeyWithOrWithoutDashes() throws IOException {
        ServerConfig c = parse("--flood-burst", "7", "--connectwindow=2.5", "--history-max-age", "0.5");
        assertThat(c.limits().floodBurst()).isEqualTo(7);
        assertThat(c.get(Options.CONNECT_WINDOW)).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.store().historyMaxAge()).isEqualTo(Duration.ofHours(12));
        assertThat(Options.byKey("floodburst")).isSameAs(Options.FLOOD_BURST);
        assertThat(Options.byKey("flood-burst")).isSameAs(Options.FLOOD_BURST);
        assertThatThrownBy(() -> parse("--flood-bursts", "1")).hasMessageContaining("unknown option: floodbursts");
    }

    @Test
    void defaultsAreTheDeclaredOnes() {
        ServerConfig d = ServerConfig.defaults();
        for (Option<?> option : Options.all()) assertThat((Object) d.get(option)).isEqualTo(option.defaultValue());
        assertThat(d.port()).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(d.limits()).isEqualTo(AbuseLimits.defaults());
        assertThat(d.store()).isEqualTo(StoreConfig.defaults());
        assertThat(d.tls()).isEqualTo(TlsSettings.defaults());
        assertThat(d.defaultChannel()).isEqualTo("#lobby");
    }

    @Test
    void declaredChecksRefuseBadValuesWhereverTheyComeFrom() {
        assertThatThrownBy(() -> parse("--port", "70000")).hasMessageContaining("port must be from 0 to 65535, not 70000");
        assertThatThrownBy(() -> parse("--sendq", "100")).hasMessageContaining("sendq must be at least 4096");
        assertThatThrownBy(() -> parse("--ping-interval", "0")).hasMessageContaining("ping-interval must be positive");
        assertThatThrownBy(() -> parse("--default-channel", "lobby")).hasMessageContaining("default-channel");
        assertThatThrownBy(() -> parse("--exempt", "10.0.0.0/99")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parse("--casemapping", "utf8")).hasMessageContaining("rfc1459 or ascii");
        assertThatThrownBy(() -> parse("--server-description", " ")).hasMessageContaining("must be 1 to 200 characters");
        assertThatThrownBy(() -> parse("--server-description", "x".repeat(201)))
                .hasMessageContaining("must be 1 to 200 characters");
        assertThatThrownBy(() -> ServerConfig.defaults().with(Options.MAX_TARGETS, 0))
                .hasMessageContaining("max-targets must be at least 1");
        assertThatThrownBy(() -> ServerConfig.defaults().withTls(TlsSettings.defaults()
                .withPort(0)).with(Options.TLS_CERT, Path.of("chain.pem"))).hasMessageContaining("--tls-key");
    }

    @Test
    void rehashRefusesExactlyTheFixedOptions() {
        ServerConfig running = ServerConfig.defaults();
        ServerConfig next = running.with(Options.FLOOD_BURST, 3).with(Options.NETWORK_NAME, "other")
                .with(Options.PING_INTERVAL, Duration.ofSeconds(5)).with(Options.HISTORY, false);
        assertThat(running.fixedSettingsChangedIn(next)).containsExactly("flood-burst", "history");
        ServerConfig applied = running.keepingFixedSettings(next);
        assertThat(applied.limits().floodBurst()).isEqualTo(AbuseLimits.FLOOD_BURST);
        assertThat(applied.store().history()).isTrue();
        assertThat(applied.networkName()).isEqualTo("other");
        assertThat(applied.pingInterval()).isEqualTo(Duration.ofSeconds(5));
        for (Option<?> option : Options.all()) {
            if (!option.reloadable()) assertThat(option.help()).isNotBlank();
        }
    }

    @Test
    void noStoreKeepsTheBanListDirectory() throws IOException {
        ServerConfig none = parse("--data-dir", "none");
        assertThat(none.store().enabled()).isFalse();
        assertThat(none.dataDir()).isEqualTo(ServerConfig.DATA_DIR);
        ServerConfig elsewhere = ServerConfig.defaults().withDataDir(Path.of("x")).withStore(StoreConfig.off());
        assertThat(elsewhere.dataDir()).isEqualTo(Path.of("x"));
        assertThat(elsewhere.store().enabled()).isFalse();
    }
}
