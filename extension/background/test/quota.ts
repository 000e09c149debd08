/**
 * Makes IndexedDB writes to the named object stores fail with the `QuotaExceededError`
 * DOMException a browser raises when its storage quota is used up (Dexie then aborts the
 * transaction, as after a real quota failure).
 * Chromium cannot be made to hit its quota reliably in a test, so this is the one fault injected
 * below Dexie. Returns the function that lets writes through again.
 */
export function failWritesWithQuota(storeNames: readonly string[]): () => void {
  const proto = globalThis.IDBObjectStore.prototype as unknown as Record<
    'add' | 'put',
    (this: IDBObjectStore, ...args: unknown[]) => IDBRequest
  >;
  const originals = { add: proto.add, put: proto.put };
  for (const method of ['add', 'put'] as const) {
    const original = originals[method];
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      if (!storeNames.includes(this.name)) return original.apply(this, args);
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  }
  return () => {
    proto.add = originals.add;
    proto.put = originals.put;
  };
}
