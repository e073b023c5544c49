/** JMH benchmarks of jpegmt beside javax.imageio. */
package org.jpegmt.bench;
