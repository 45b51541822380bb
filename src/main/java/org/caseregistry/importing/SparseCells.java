package org.caseregistry.importing;

import java.util.AbstractList;
import java.util.Arrays;

/**
 * The cells of one row as a list that holds only the cells with a value: a row with one value far
 * to the right costs one entry, not one per column before it. Empty cells read as "".
 */
final class SparseCells extends AbstractList<String> {

  private int[] columns = new int[8];
  private String[] values = new String[8];
  private int count;
  private int size;

  /** Sets a cell; cells usually come left to right, as a sheet's XML holds them. */
  void put(int column, String value) {
    size = Math.max(size, column + 1);
    if (value == null || value.isEmpty()) {
      return;
    }
    int found = Arrays.binarySearch(columns, 0, count, column);
    if (found >= 0) {
      values[found] = value;
      return;
    }
    if (count == columns.length) {
      columns = Arrays.copyOf(columns, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    int at = -found - 1;
    System.arraycopy(columns, at, columns, at + 1, count - at);
    System.arraycopy(values, at, values, at + 1, count - at);
    columns[at] = column;
    values[at] = value;
    count++;
  }

  /** Whether no cell holds more than blanks. */
  boolean isBlank() {
    for (int i = 0; i < count; i++) {
      if (!values[i].isBlank()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    int found = Arrays.binarySearch(columns, 0, count, index);
    return found >= 0 ? values[found] : "";
  }

  @Override
  public int size() {
    return size;
  }
}
