package org.courtyard.core.cache;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Answers computed once per request: a page asks "may this user…?" dozens of times (the layout's
 * menus, buttons, child spaces), and each answer needs the same memberships and ancestors. Only
 * active inside {@link #run}; anything that changes memberships, overrides or tools calls
 * {@link #clear()} so the rest of the request sees the change.
 */
public final class RequestMemo {
  private static final ThreadLocal<Map<List<Object>, Object>> CURRENT = new ThreadLocal<>();
  private static final Object NULL = new Object();

  private RequestMemo() {}

  public static <T> T run(Callable<T> work) throws Exception {
    Map<List<Object>, Object> outer = CURRENT.get();
    CURRENT.set(new HashMap<>());
    try {
      return work.call();
    } finally {
      if (outer == null) CURRENT.remove();
      else CURRENT.set(outer);
    }
  }

  /** The value for this key in the current request, computing it the first time; no memo outside a request. */
  @SuppressWarnings("unchecked")
  public static <T> T get(Supplier<T> compute, Object... key) {
    Map<List<Object>, Object> memo = CURRENT.get();
    if (memo == null) return compute.get();
    List<Object> k = List.of(key);
    Object v = memo.get(k);
    if (v == null) {
      T computed = compute.get();
      memo.put(k, computed == null ? NULL : computed);
      return computed;
    }
    return v == NULL ? null : (T) v;
  }

  public static void clear() {
    Map<List<Object>, Object> memo = CURRENT.get();
    if (memo != null) memo.clear();
  }
}
