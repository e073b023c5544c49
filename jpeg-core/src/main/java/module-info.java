/**
 * The jpegmt codec: baseline and extended-sequential JPEG encoding and decoding, single-threaded,
 * with no dependencies beyond {@code java.base}.
 *
 * <ul>
 *   <li>{@code org.jpegmt.core}: the user API (encoder, decoder, options, image and info values,
 *       exceptions).
 *   <li>{@code org.jpegmt.core.awt}: conversions to and from {@code java.awt.image.BufferedImage};
 *       the only package that touches AWT, hence {@code requires static java.desktop}: the codec
 *       itself runs without {@code java.desktop} in the module graph, and a module that calls
 *       {@code BufferedImages} requires {@code java.desktop} itself (it names its types anyway).
 *   <li>{@code org.jpegmt.core.internal}: the codec's internals and the segment-level API
 *       ({@code DecodeJob}, {@code EncodeJob}, {@code SymbolCounts}, {@code AnnexK}, ...). Not a
 *       user API: exported only to the jpegmt modules that schedule or inspect segments (and to
 *       jpeg-imageio, which writes ImageIO rasters through {@code EncodeJob.createRaw}). The
 *       bench module has no module descriptor (JMH) and runs on the class path, where
 *       qualified exports do not apply; so does every class-path user of this jar.
 * </ul>
 */
@SuppressWarnings("module") // the qualified-export targets are built after this module
module org.jpegmt.core {
    requires static java.desktop;
    // optional SIMD kernels (internal.Simd): used only when the JVM adds this incubator module
    requires static jdk.incubator.vector;

    exports org.jpegmt.core;
    exports org.jpegmt.core.awt;
    exports org.jpegmt.core.internal to org.jpegmt.mt, org.jpegmt.cli, org.jpegmt.imageio;
}
