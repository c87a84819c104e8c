package org.civnet.secrets;

/**
 * Prints a new field keyset (Tink JSON) for {@code CIVNET_FIELD_KEY}, which civnets on an external
 * Neo4j need and never generate themselves:
 * {@code java -cp civnet.jar -Dloader.main=org.civnet.secrets.FieldKeyTool org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class FieldKeyTool {

    private FieldKeyTool() {
    }

    public static void main(String[] args) {
        System.out.println(FieldCipher.generate().keysetJson());
    }
}
