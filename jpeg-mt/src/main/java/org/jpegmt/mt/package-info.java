/**
 * Restart-marker parallelism on top of jpeg-core: {@link org.jpegmt.mt.WorkPlan} says where one
 * image's work is cut, {@link org.jpegmt.mt.ParallelJpegDecoder} and
 * {@link org.jpegmt.mt.ParallelJpegEncoder} schedule the parts.
 */
package org.jpegmt.mt;
