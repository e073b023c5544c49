/**
 * A {@code javax.imageio} reader and writer backed by jpegmt. On the module path the providers
 * are found through the {@code provides} clauses below; on the class path through
 * {@code META-INF/services}, which lists the same two classes. Either way they order
 * themselves ahead of the JDK's JPEG plugin when registered.
 */
module org.jpegmt.imageio {
    requires transitive java.desktop;
    requires transitive org.jpegmt.core;
    requires org.jpegmt.mt;

    exports org.jpegmt.imageio;

    provides javax.imageio.spi.ImageReaderSpi with org.jpegmt.imageio.JpegmtImageReaderSpi;
    provides javax.imageio.spi.ImageWriterSpi with org.jpegmt.imageio.JpegmtImageWriterSpi;
}
