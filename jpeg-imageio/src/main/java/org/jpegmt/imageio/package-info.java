/**
 * A {@code javax.imageio} plugin backed by jpegmt: {@link org.jpegmt.imageio.JpegmtImageReader}
 * and {@link org.jpegmt.imageio.JpegmtImageWriter}, found by {@code ImageIO} through
 * {@code META-INF/services} and ordered ahead of the JDK's own JPEG plugin, or registered
 * explicitly with {@link org.jpegmt.imageio.JpegmtImageIO#register()}.
 *
 * <p>The reader claims baseline (SOF0), extended sequential (SOF1) and progressive (SOF2) 8-bit
 * Huffman files; for everything else (arithmetic, lossless, hierarchical, 12-bit) its
 * provider's {@code canDecodeInput} answers false, so {@code ImageIO.read} falls back to the
 * JDK reader.
 */
package org.jpegmt.imageio;
