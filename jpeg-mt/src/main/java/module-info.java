/**
 * Restart-marker parallelism on top of jpeg-core: schedules jpeg-core's segment-level
 * operations ({@code org.jpegmt.core.internal}, exported to this module only) on
 * {@code java.util.concurrent}. Its API takes and returns jpeg-core's types, so readers of this
 * module read {@code org.jpegmt.core} too.
 */
module org.jpegmt.mt {
    requires transitive org.jpegmt.core;

    exports org.jpegmt.mt;
}
