package io.crosstrace.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GenerateWorldOptionsTest {

    @Test
    void defaults_come_from_the_environment_and_the_demo_seed() {
        GenerateWorld.Options options = GenerateWorld.Options.parse(new String[0],
                Map.of("NEO4J_USER", "loader", "NEO4J_PASSWORD", "secret"));

        assertThat(options.uri()).isEqualTo("bolt://localhost:7687");
        assertThat(options.embeddedDir()).isNull();
        assertThat(options.user()).isEqualTo("loader");
        assertThat(options.password()).isEqualTo("secret");
        assertThat(options.codes()).isEqualTo(1_000_000);
        assertThat(options.seed()).isEqualTo(WorldSpec.DEMO_SEED);
        assertThat(options.chunk()).isEqualTo(WorldLoader.DEFAULT_CODE_CHUNK);
    }

    @Test
    void options_override_the_defaults_and_counts_may_be_grouped() {
        GenerateWorld.Options options = GenerateWorld.Options.parse(new String[] {"--embedded", "data-bench",
                "--codes", "2,500,000", "--seed", "7", "--chunk", "50000", "--database", "bench"}, Map.of());

        assertThat(options.embeddedDir()).isEqualTo(Path.of("data-bench"));
        assertThat(options.password()).isNull();
        assertThat(options.spec()).isEqualTo(WorldSpec.ofUnitCodes(2_500_000, 7));
        assertThat(options.chunk()).isEqualTo(50_000);
        assertThat(options.database()).isEqualTo("bench");
    }

    @Test
    void help_unknown_options_and_missing_values_are_told_apart() {
        assertThat(GenerateWorld.Options.parse(new String[] {"--help"}, Map.of())).isNull();
        assertThatThrownBy(() -> GenerateWorld.Options.parse(new String[] {"--nodes", "5"}, Map.of()))
                .hasMessage("Unknown option --nodes");
        assertThatThrownBy(() -> GenerateWorld.Options.parse(new String[] {"--codes"}, Map.of()))
                .hasMessage("Missing value after --codes");
        assertThatThrownBy(() -> GenerateWorld.Options.parse(new String[] {"--codes", "many"}, Map.of()))
                .hasMessage("--codes takes a number, not 'many'");
    }
}
