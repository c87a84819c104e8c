package org.civnet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The backup passphrase: optional, at least 12 characters when set, and never shown. */
class BackupSettingsTest {

    private static final String PASSPHRASE = "a long and secret phrase";

    private static CivnetProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("civnet", CivnetProperties.class);
    }

    @Test
    void thePassphraseIsOptionalAndBlankMeansUnset() {
        assertThat(bind(Map.of()).backup().passphrase()).isNull();
        assertThat(bind(Map.of()).backup().encrypted()).isFalse();
        assertThat(bind(Map.of("civnet.backup.passphrase", "  ")).backup().passphrase()).isNull();
        CivnetProperties.Backup backup = bind(Map.of("civnet.backup.passphrase", PASSPHRASE)).backup();
        assertThat(backup.passphrase()).isEqualTo(PASSPHRASE);
        assertThat(backup.encrypted()).isTrue();
        assertThat(backup.directory().normalize()).isEqualTo(Path.of("backups"));
    }

    @Test
    void thePassphraseNeverAppearsInToString() {
        CivnetProperties properties = bind(Map.of("civnet.backup.passphrase", PASSPHRASE));
        assertThat(properties.toString()).doesNotContain(PASSPHRASE).contains("passphrase=***");
        assertThat(properties.backup().toString()).doesNotContain(PASSPHRASE);
    }

    @Test
    void aShortPassphraseStopsStartUpWithoutShowingIt() {
        String shortOne = "short-secret";
        assertThatThrownBy(() -> bind(Map.of("civnet.backup.passphrase", shortOne.substring(1))))
                .isInstanceOf(BindException.class)
                .satisfies(e -> {
                    // Boot's start-up failure report prints the property's value when the exception names one.
                    BindException bind = (BindException) e;
                    assertThat(bind.getMessage() + bind.getProperty()).doesNotContain(shortOne.substring(1));
                })
                .rootCause().hasMessageContaining("CIVNET_BACKUP_PASSPHRASE");
        assertThat(bind(Map.of("civnet.backup.passphrase", shortOne)).backup().passphrase()).isEqualTo(shortOne);
    }
}
