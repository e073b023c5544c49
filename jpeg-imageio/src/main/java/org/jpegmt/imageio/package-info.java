/**
 * A {@code javax.imageio} plugin backed by jpegmt: {@link org.jpegmt.imageio.JpegmtImageReader}
 * and {@link org.jpegmt.imageio.JpegmtImageWriter}, found by {@code ImageIO} through
 * {@code META-INF/services} and ordered ahead of the JDK's own JPEG plugin, or registered
 * explicitly with {@link org.jpegmt.imageio.JpegmtImageIO#register()}.
 *
 * <p>The reader claims only baseline (SOF0) and extended sequential (SOF1) 8-bit files; for
 * everything else (progressive, arithmetic, lossless, 12-bit) its provider's
 * {@code canDecodeInput} answers false, so {@code ImageIO.read} falls back to the JDK reader.
 */
package org.jpegmt.imageio;
