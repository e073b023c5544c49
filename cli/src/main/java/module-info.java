/**
 * The {@code jpegmt} command. It is normally run from the shaded jar
 * ({@code cli/target/jpegmt-cli.jar}, {@code java -jar}), i.e. on the class path, where this
 * descriptor is left out; on the module path it runs as
 * {@code java -p <jars> -m org.jpegmt.cli/org.jpegmt.cli.Main}.
 *
 * <p>It reads {@code org.jpegmt.core.internal} (exported to it) for the Annex K tables that
 * {@code info} compares quantisation tables with. picocli instantiates the commands and sets
 * their annotated fields by reflection, hence the qualified {@code opens}.
 */
module org.jpegmt.cli {
    requires java.desktop;
    requires org.jpegmt.core;
    requires org.jpegmt.mt;
    requires info.picocli;

    opens org.jpegmt.cli to info.picocli;
}
