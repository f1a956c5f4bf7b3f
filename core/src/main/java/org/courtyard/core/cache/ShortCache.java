package org.courtyard.core.cache;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Remembers small answers read on every page (a school's languages, its own wording, a person's
 * language) for a second. A change made on this node is seen at once (it forgets the key); one made
 * on another node of a cluster within a second, as for every other setting.
 */
public final class ShortCache<K, V> {
  private record Entry<V>(V value, long until) {}

  private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;

  public ShortCache(Duration ttl) { this.ttlNanos = ttl.toNanos(); }

  public V get(K key, Supplier<V> load) {
    long now = System.nanoTime();
    Entry<V> e = entries.get(key);
    if (e != null && now - e.until < 0) return e.value;
    V v = load.get();
    if (entries.size() > 10_000) entries.clear();
    entries.put(key, new Entry<>(v, now + ttlNanos));
    return v;
  }

  public void forget(K key) { entries.remove(key); }

  public void forgetAll() { entries.clear(); }
}
