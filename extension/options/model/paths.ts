/** A place in the model, as keys and indexes: `['personas', 0, 'name', 'en']`. */
export type ModelPath = readonly (string | number)[];

/** The dotted form `validateModel` reports errors under: `personas.0.name.en`. */
export function pathKey(path: ModelPath): string {
  return path.map(String).join('.');
}

export function getAt(root: unknown, path: ModelPath): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * A copy of `root` with `value` at `path`; only the objects along the path are copied, so
 * unchanged branches keep their identity. `undefined` removes an object key (optional fields).
 */
export function setAt<T>(root: T, path: ModelPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const current = root as unknown;
  const child = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  const nextChild = setAt(child ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  if (Array.isArray(current)) {
    const copy = [...current];
    copy[key as number] = nextChild;
    return copy as T;
  }
  const copy: Record<string | number, unknown> = { ...((current as Record<string, unknown>) ?? {}) };
  if (nextChild === undefined && rest.length === 0) delete copy[key];
  else copy[key] = nextChild;
  return copy as T;
}

/** Removes item `index` of the array at `path`. */
export function removeAt<T>(root: T, path: ModelPath, index: number): T {
  const list = getAt(root, path);
  if (!Array.isArray(list)) return root;
  return setAt(
    root,
    path,
    list.filter((_, i) => i !== index),
  );
}

/** Appends `item` to the array at `path` (creating it). */
export function appendAt<T>(root: T, path: ModelPath, item: unknown): T {
  const list = getAt(root, path);
  return setAt(root, path, [...(Array.isArray(list) ? list : []), item]);
}

/** Moves item `index` of the array at `path` by `delta` places. */
export function moveAt<T>(root: T, path: ModelPath, index: number, delta: number): T {
  const list = getAt(root, path);
  if (!Array.isArray(list)) return root;
  const target = index + delta;
  if (target < 0 || target >= list.length) return root;
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return setAt(root, path, copy);
}
