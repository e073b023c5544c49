package org.jpegmt.core.internal;

/**
 * A scan header (T.81 B.2.3, SOS).
 *
 * @param components frame index of each scan component, in scan order
 * @param dcTables DC table selector Td of each scan component
 * @param acTables AC table selector Ta of each scan component
 * @param ss start of spectral selection (0 for sequential)
 * @param se end of spectral selection (63 for sequential)
 * @param ah successive approximation high bit (0)
 * @param al successive approximation low bit (0)
 * @param dataOffset offset of the first entropy-coded byte
 */
record ScanHeader(int[] components, int[] dcTables, int[] acTables, int ss, int se, int ah, int al,
        int dataOffset) {

    int count() {
        return components.length;
    }
}
