package org.courtyard.core.events;

import io.vertx.core.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Writes an event record as JSON for other nodes and reads it back. Only plain values cross:
 * strings, numbers, booleans, enums and records of those; anything else stays on its node.
 * (No Java serialisation: a message from the network must never choose what classes to build.)
 */
final class RecordCodec {
  private RecordCodec() {}

  static boolean canCarry(Class<?> type) {
    if (!type.isRecord()) return false;
    for (RecordComponent c : type.getRecordComponents()) {
      Class<?> t = c.getType();
      if (!(plain(t) || (t.isRecord() && canCarry(t)))) return false;
    }
    return true;
  }

  private static boolean plain(Class<?> t) {
    return t.isPrimitive() || t == String.class || t.isEnum() || Number.class.isAssignableFrom(t) && t.getName().startsWith("java.lang.")
        || t == Boolean.class;
  }

  static JsonObject write(Record r) {
    JsonObject json = new JsonObject();
    try {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object v = c.getAccessor().invoke(r);
        if (v instanceof Record nested) json.put(c.getName(), write(nested));
        else if (v instanceof Enum<?> e) json.put(c.getName(), e.name());
        else json.put(c.getName(), v);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot write event " + r.getClass().getName(), e);
    }
    return json;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object read(Class<?> type, JsonObject json) {
    RecordComponent[] parts = type.getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    Object[] values = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Class<?> t = parts[i].getType();
      types[i] = t;
      Object v = json.getValue(parts[i].getName());
      if (v == null) values[i] = t.isPrimitive() ? defaultOf(t) : null;
      else if (t.isRecord()) values[i] = read(t, (JsonObject) v);
      else if (t.isEnum()) values[i] = Enum.valueOf((Class<Enum>) t, (String) v);
      else if (t == long.class || t == Long.class) values[i] = ((Number) v).longValue();
      else if (t == int.class || t == Integer.class) values[i] = ((Number) v).intValue();
      else if (t == double.class || t == Double.class) values[i] = ((Number) v).doubleValue();
      else if (t == float.class || t == Float.class) values[i] = ((Number) v).floatValue();
      else if (t == short.class || t == Short.class) values[i] = ((Number) v).shortValue();
      else if (t == byte.class || t == Byte.class) values[i] = ((Number) v).byteValue();
      else values[i] = v;
    }
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read event " + type.getName(), e);
    }
  }

  private static Object defaultOf(Class<?> t) {
    if (t == boolean.class) return false;
    if (t == char.class) return '\0';
    if (t == long.class) return 0L;
    if (t == double.class) return 0d;
    if (t == float.class) return 0f;
    if (t == short.class) return (short) 0;
    if (t == byte.class) return (byte) 0;
    return 0;
  }
}
