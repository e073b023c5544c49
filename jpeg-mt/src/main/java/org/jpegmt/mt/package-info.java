/** Restart-marker parallelism on top of jpeg-core. */
package org.jpegmt.mt;
